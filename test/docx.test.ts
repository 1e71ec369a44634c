// Word documents (.docx): each corpus report saved by a word processor (LibreOffice Writer, its
// footnotes numbered by it) gives the same record as its text, read through mammoth's HTML.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { documentFromBytes, isDocx } from "../parsers/read.js";
import { hasWriter, writerDocx, writerExports } from "../scripts/render-writer-pdf.js";
import { extractDocument, extractFile } from "../src/extract.js";
import { valueStatements } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const reports = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".txt"))
  .sort();

/**
 * What a .docx reads otherwise than the text, and why: the word processor numbers footnotes 1, 2,
 * 3 ..., where North Somerset's text skips numbers its converter lost, so the notes marking two
 * ratings are the document's 15 and 19, not the text's 20 and 24.
 */
const RENUMBERED: Record<string, { lost: string[]; read: string[] }> = {
  "2020-12-north-somerset.txt": {
    lost: ['standards 3.2 marker="20"', 'standards 3.3 marker="24"'],
    read: ['standards 3.2 marker="15"', 'standards 3.3 marker="19"'],
  },
};

describe.skipIf(!hasWriter())("Word documents", () => {
  test.each([
    ["doc", "an older Word document (.doc) or another Office file of that kind"],
    ["odt", "an OpenDocument file (.odt, as LibreOffice saves)"],
    ["rtf", "an RTF document"],
  ] as const)(
    "a report saved as .%s is refused by its content, with what to do",
    async (as, kind) => {
      const text = readFileSync(join(CORPUS, "2019-croydon.txt"), "utf8");
      const bytes = writerExports([{ name: "croydon", text }], {}, as).get("croydon") as Buffer;
      await expect(documentFromBytes(`croydon.${as}`, bytes)).rejects.toMatchObject({
        code: "E_UNSUPPORTED_FORMAT",
        message: `croydon.${as}: ${kind}: save it as PDF or .docx and read that`,
      });
    },
    60_000,
  );

  let docx: Map<string, Buffer>;
  let marked: Map<string, Buffer>;
  beforeAll(() => {
    const texts = reports.map((f) => ({ name: f, text: readFileSync(join(CORPUS, f), "utf8") }));
    docx = writerDocx(texts);
    // Footnotes under the text's own numbers, marked by hand (Word's custom marks).
    marked = writerExports(texts, {}, "docx");
  }, 120_000);

  test.each(reports)(
    "%s saved as .docx, its notes marked by hand, gives the text's record value for value",
    async (name) => {
      const record = extractDocument(await documentFromBytes(`${name}.docx`, marked.get(name) as Buffer));
      const original = valueStatements(await extractFile(join(CORPUS, name)));
      const read = valueStatements(record);
      expect([...original].filter((v) => !read.has(v))).toEqual([]);
      expect([...read].filter((v) => !original.has(v))).toEqual([]);
    },
  );

  test.each(reports)("%s saved as .docx gives the text's record", async (name) => {
    const bytes = docx.get(name) as Buffer;
    expect(isDocx(bytes)).toBe(true);
    const record = extractDocument(await documentFromBytes(`${name}.docx`, bytes));
    const original = valueStatements(await extractFile(join(CORPUS, name)));
    const read = valueStatements(record);
    const expected = RENUMBERED[name] ?? { lost: [], read: [] };
    expect([...original].filter((v) => !read.has(v))).toEqual(expected.lost);
    expect([...read].filter((v) => !original.has(v))).toEqual(expected.read);
    // The document's own bytes are its identity; its provenance is its blocks, with no pages.
    expect(record.source.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(record.warnings.map((w) => w.code)).toContain("word-document");
    expect(record.warnings.map((w) => w.code)).not.toContain("html-page");
    // (No picture in it, no word of pictures.)
    expect(record.warnings.map((w) => w.code)).not.toContain("word-document-pictures");
    expect(record.identityProvenance.area?.page).toBeNull();
    expect(record.identityProvenance.area?.line).toBeGreaterThan(0);
  });
});

test.skipIf(!hasWriter())(
  "a Word document's pictures are counted and said not read; the text around them reads as without them",
  async () => {
    const name = "2023-01-blackburn-with-darwen.txt";
    const text = readFileSync(join(CORPUS, name), "utf8");
    const bytes = writerDocx([{ name, text }], { coverPicture: true }).get(name) as Buffer;
    const record = extractDocument(await documentFromBytes(`${name}.docx`, bytes));
    expect(record.warnings.find((w) => w.code === "word-document-pictures")?.message).toBe(
      "The Word document holds 1 picture: what it shows (a logo, a chart, a table pasted as a picture) is not read",
    );
    const original = valueStatements(await extractFile(join(CORPUS, name)));
    expect(valueStatements(record)).toEqual(original);
  },
  60_000,
);

test("a zip that says it holds a Word document but cannot be opened is E_DOCX_CORRUPT; a zip of other things is no format read", async () => {
  const broken = Buffer.concat([
    Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000"),
    Buffer.from("word/document.xml"),
    Buffer.alloc(200, 7),
  ]);
  expect(isDocx(broken)).toBe(true);
  await expect(documentFromBytes("broken.docx", broken)).rejects.toMatchObject({
    code: "E_DOCX_CORRUPT",
    message: expect.stringMatching(/^broken\.docx: the Word document cannot be opened \(.+\)$/),
  });
  const zip = Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000"), Buffer.alloc(200)]);
  expect(isDocx(zip)).toBe(false);
  await expect(documentFromBytes("letter.pdf", zip)).rejects.toMatchObject({ code: "E_UNSUPPORTED_FORMAT" });
});
