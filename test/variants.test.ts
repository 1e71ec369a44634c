// The same report as text with spaces instead of tabs, and as markdown with pipe tables,
// yields the same records as the original text.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { ReportRecord } from "../schemas/report.js";
import { toMarkdown, toSpaces } from "../scripts/make-variants.js";
import { extractFile } from "../src/extract.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const TMP = join(import.meta.dirname, ".tmp", "variants");
mkdirSync(TMP, { recursive: true });

/** The record's values without where they were read (line numbers differ between forms). */
function values(record: ReportRecord): unknown {
  return JSON.parse(
    JSON.stringify({ ...record, source: undefined }, (key, value) =>
      /^(provenance|sectionProvenance|annexProvenance|statedCountProvenance|identityProvenance)$/.test(key)
        ? undefined
        : value,
    ),
  );
}

const reports = readdirSync(CORPUS).filter((f) => f.endsWith(".txt"));

describe.each(reports)("%s", (name) => {
  const text = readFileSync(join(CORPUS, name), "utf8");

  test("spaces instead of tabs give the same record", async () => {
    expect(toSpaces(text)).not.toContain("\t");
    const file = join(TMP, name.replace(/\.txt$/, ".spaces.txt"));
    writeFileSync(file, toSpaces(text));
    const original = await extractFile(join(CORPUS, name));
    const variant = await extractFile(file);
    expect(values(variant)).toEqual(values(original));
  });

  test("markdown with pipe tables gives the same record", async () => {
    const md = toMarkdown(text);
    const file = join(TMP, name.replace(/\.txt$/, ".md"));
    writeFileSync(file, md);
    const original = await extractFile(join(CORPUS, name));
    const variant = await extractFile(file);
    expect(variant.source.format).toBe("markdown");
    expect(values(variant)).toEqual(values(original));
  });
});
