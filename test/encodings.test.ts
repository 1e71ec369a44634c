// Text files in the encodings Windows tools save: Windows-1252 (Word's "plain text"), UTF-16
// with or without a byte-order mark, UTF-8 with a byte-order mark. Each reads as the UTF-8 original.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { asUtf8, documentFromBytes } from "../parsers/read.js";
import type { ReportRecord } from "../schemas/report.js";
import { extractDocument } from "../src/extract.js";
import { recordValues } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");

/** Windows-1252's characters at 0x80-0x9F (undefined bytes left out). */
const CP1252: Record<string, number> = Object.fromEntries(
  [..."€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"].map((c, i) => [
    c,
    [
      0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94,
      0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
    ][i] as number,
  ]),
);

function inWindows1252(c: string): boolean {
  const code = c.codePointAt(0) as number;
  return code < 0x80 || (code >= 0xa0 && code <= 0xff) || c in CP1252;
}

/** The text as Word saves "plain text" on Windows: a byte a character. */
function toWindows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) =>
      (c.codePointAt(0) as number) < 0x100 ? (c.codePointAt(0) as number) : (CP1252[c] as number),
    ),
  );
}

async function read(name: string, bytes: Buffer): Promise<ReportRecord> {
  return extractDocument(await documentFromBytes(name, bytes));
}

/** The record's values but its warnings (the encoding adds one). */
function valuesBesidesWarnings(record: ReportRecord): unknown {
  return recordValues({ ...record, warnings: [] }, { narrativeText: false });
}

describe("text encodings", () => {
  test("Windows-1252: curly quotes and dashes read as themselves, with a warning", async () => {
    // Characters Windows-1252 lacks (superscript 4-9 of footnote markers) are left out of both.
    const full = readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8");
    const text = [...full].filter(inWindows1252).join("");
    expect(full.length - text.length).toBeLessThan(60);
    const original = await read("k.txt", Buffer.from(text, "utf8"));
    const bytes = toWindows1252(text);
    expect(bytes.includes(0x92)).toBe(true); // a right single quote as one byte
    expect(bytes.includes(0xb9)).toBe(true); // superscript one, Latin-1's own
    const variant = await read("k.txt", bytes);
    expect(valuesBesidesWarnings(variant)).toEqual(valuesBesidesWarnings(original));
    expect(variant.serviceName).toBe(original.serviceName);
    expect(variant.warnings.filter((w) => w.code === "text-not-utf8").map((w) => w.message)).toEqual([
      "The file is not UTF-8; it was read as Windows-1252",
    ]);
  });

  test("UTF-16 with a byte-order mark reads as the original, without a warning", async () => {
    const text = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
    const original = await read("n.txt", Buffer.from(text, "utf8"));
    const le = await read("n.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(recordValues(le)).toEqual(recordValues(original));
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
    expect(recordValues(await read("n.txt", be))).toEqual(recordValues(original));
  });

  test("UTF-16 without a byte-order mark is recognised, with a warning", async () => {
    const text = readFileSync(join(CORPUS, "2019-croydon.txt"), "utf8");
    const original = await read("c.txt", Buffer.from(text, "utf8"));
    const variant = await read("c.txt", Buffer.from(text, "utf16le"));
    expect(valuesBesidesWarnings(variant)).toEqual(valuesBesidesWarnings(original));
    expect(variant.warnings.some((w) => w.code === "text-not-utf8" && w.message.endsWith("UTF-16LE"))).toBe(
      true,
    );
  });

  test("a UTF-8 byte-order mark is dropped; UTF-8 with one damaged byte stays UTF-8", async () => {
    const text = readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt"), "utf8");
    const original = await read("b.txt", Buffer.from(text, "utf8"));
    const withBom = await read(
      "b.txt",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]),
    );
    expect(recordValues(withBom)).toEqual(recordValues(original));
    const damaged = Buffer.concat([Buffer.from(text, "utf8"), Buffer.from([0x0a, 0xff, 0x0a])]);
    expect(asUtf8(damaged).converted).toBeNull();
    expect(recordValues(await read("b.txt", damaged), { narrativeText: false })).toEqual(
      recordValues(original, { narrativeText: false }),
    );
  });

  test("a few stray NUL bytes in a text (pdf-parse's getText writes one after a table) are dropped, with a warning", async () => {
    const text = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
    const original = await read("n.txt", Buffer.from(text, "utf8"));
    const withNuls = Buffer.from(
      text.replace(/(31-36\tOutstanding)/, "$1 \u0000").replace(/(Planning\t)/, "\u0000$1"),
      "utf8",
    );
    expect(withNuls.filter((b) => b === 0).length).toBe(2);
    const variant = await read("n.txt", withNuls);
    expect(valuesBesidesWarnings(variant)).toEqual(valuesBesidesWarnings(original));
    expect(variant.warnings.filter((w) => w.code === "text-nul-bytes").map((w) => w.message)).toEqual([
      "The file holds 2 NUL bytes among its text (a converter's stray output); they were dropped",
    ]);
    // Text that is NUL bytes through and through is binary, as before.
    const binary = Buffer.from(text.slice(0, 4000).replace(/ /g, "\u0000"), "utf8");
    await expect(read("n.txt", binary)).rejects.toThrow("binary content that is not a PDF");
  });

  test("Windows (CRLF) and classic Mac OS (CR) line endings read as line feeds", async () => {
    const text = readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt"), "utf8");
    const original = await read("b.txt", Buffer.from(text, "utf8"));
    expect(original.standards.find((s) => s.id === "2.4")?.rating).toBe("Requires improvement");
    for (const lineBreak of ["\r\n", "\r"]) {
      const variant = await read("b.txt", Buffer.from(text.replace(/\n/g, lineBreak), "utf8"));
      expect(recordValues(variant)).toEqual(recordValues(original));
    }
  });
});
