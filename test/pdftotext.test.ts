// What researchers often feed the tool: a report's PDF turned to text by poppler's pdftotext,
// with -layout (columns as runs of spaces, page headers, form feeds) and without (a table cell
// a block, wrapped within its column). Each corpus report is rendered as a PDF
// (scripts/render-pdf.ts), run through pdftotext, and read: nothing may be read that the
// original text does not give, and little may be lost.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { renderReportPdf } from "../scripts/render-pdf.js";
import { extractFile } from "../src/extract.js";
import { valueStatements } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const TMP = join(import.meta.dirname, ".tmp", "pdftotext");

const reports = readdirSync(CORPUS).filter((f) => f.endsWith(".txt"));

/**
 * Values read wrong that come from the corpus text's own damage, not from pdftotext: Tower
 * Hamlets prints one footnote marker in LaTeX ("$^{^{13}}$"), so its note is no plain-digit note
 * and the marker "13" stays on its label; North Somerset's ratings table is damaged in the text
 * ("Overa<tab>III rating", "nerset Youth Offending Service", LaTeX arrows), and its footnotes are
 * escaped HTML, which pdftotext without -layout sets out of order.
 */
const KNOWN_WRONG: Record<string, { layout: number; raw: number }> = {
  "2022-07-tower-hamlets-and-city-of-london.txt": { layout: 1, raw: 1 },
  "2020-12-north-somerset.txt": { layout: 2, raw: 3 },
};

describe.each(reports)("%s through pdftotext", (name) => {
  let original: Set<string>;
  const read: Record<string, Set<string>> = {};
  beforeAll(async () => {
    mkdirSync(TMP, { recursive: true });
    const pdf = join(TMP, name.replace(/\.txt$/, ".pdf"));
    writeFileSync(pdf, await renderReportPdf(readFileSync(join(CORPUS, name), "utf8")));
    original = valueStatements(await extractFile(join(CORPUS, name)));
    for (const mode of ["layout", "raw"]) {
      const out = pdf.replace(/\.pdf$/, `.${mode}.txt`);
      execFileSync("pdftotext", [...(mode === "layout" ? ["-layout"] : []), "-enc", "UTF-8", pdf, out]);
      read[mode] = valueStatements(await extractFile(out));
    }
  }, 120_000);

  test.each([
    ["layout", 0.03],
    ["raw", 0.1],
  ] as const)("-%s: nothing read wrong, at most %d of the values lost", (mode, lostShare) => {
    const values = read[mode] as Set<string>;
    const wrong = [...values].filter((v) => !original.has(v));
    expect(wrong.length).toBeLessThanOrEqual(KNOWN_WRONG[name]?.[mode] ?? 0);
    const lost = [...original].filter((v) => !values.has(v));
    expect(lost.length).toBeLessThanOrEqual(lostShare * original.size);
  });
});
