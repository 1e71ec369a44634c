// A scanned report, OCR'd as E_NO_TEXT tells users to: pages rasterised at 300 dpi and read by
// tesseract into a PDF of the images with its text in an invisible font (what ocrmypdf writes;
// scripts/ocr-pdf.ts). Its words are stretched to the boxes tesseract found, so they stand further
// apart than a font's own widths would set them, and a table's ruled border comes back as "|".
// Kirklees as the word processor exports it; its ratings page, its contextual facts' page and the
// first two pages of its inspection data, OCR'd.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import type { ReportRecord } from "../schemas/report.js";
import { ocrPdf, pageTexts } from "../scripts/ocr-pdf.js";
import { writerPdfs } from "../scripts/render-writer-pdf.js";
import { extractFile } from "../src/extract.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const TMP = join(import.meta.dirname, ".tmp", "ocr");
const NAME = "2021-10-kirklees";

let fromText: ReportRecord;
let fromScan: ReportRecord;

beforeAll(async () => {
  const text = readFileSync(join(CORPUS, `${NAME}.txt`), "utf8");
  const pdf = writerPdfs([{ name: NAME, text }]).get(NAME) as Buffer;
  const texts = await pageTexts(pdf);
  const pageOf = (words: RegExp) => texts.findIndex((t) => words.test(t)) + 1;
  const annex = pageOf(/Annexe 2: Inspection data/);
  // (The caseload splits' page and the next: the ethnicity table's last row runs on to it.)
  const splits = pageOf(/Race\/ethnicity/);
  const pages = [...new Set([pageOf(/Overall rating/), splits, splits + 1, annex, annex + 1])];
  expect(pages.every((p) => p > 0)).toBe(true);
  mkdirSync(TMP, { recursive: true });
  const scan = join(TMP, `${NAME}.ocr.pdf`);
  writeFileSync(scan, ocrPdf(pdf, pages));
  fromText = await extractFile(join(CORPUS, `${NAME}.txt`));
  fromScan = await extractFile(scan);
}, 240_000);

test("the ratings table: every standard's rating, the overall rating and the score", () => {
  expect(fromScan.overallRating).toBe("Requires improvement");
  expect(fromScan.statedScore).toBe(8);
  expect(fromScan.standards.map((s) => [s.id, s.rating])).toEqual([
    ["1.1", "Requires improvement"],
    ["1.2", "Requires improvement"],
    ["1.3", "Requires improvement"],
    ["1.4", "Requires improvement"],
    ["2.1", "Requires improvement"],
    ["2.2", "Inadequate"],
    ["2.3", "Good"],
    ["2.4", "Inadequate"],
    ["3.1", "Requires improvement"],
    ["3.2", "Inadequate"],
    ["3.3", "Inadequate"],
    ["3.4", "Inadequate"],
  ]);
});

test("the inspection data: 2.1's prompts, each with its own figure", () => {
  // (A question wrapped in its cell has its figure beside its first line, a "|" between. The
  // scan of 2.1.2's third figure, 42%, is read "A2%": no figure, so the prompt is lost, not guessed.)
  expect(
    fromScan.prompts
      .filter((p) => p.keyQuestionId.startsWith("2.1."))
      .map((p) => [p.keyQuestionId, p.percent]),
  ).toEqual([
    ["2.1.1", 86],
    ["2.1.1", 68],
    ["2.1.1", 68],
    ["2.1.1", 56],
    ["2.1.1", 77],
    ["2.1.1", 47],
    ["2.1.1", 95],
    ["2.1.2", 64],
    ["2.1.2", 64],
    ["2.1.3", 48],
    ["2.1.3", 62],
    ["2.1.3", 48],
  ]);
});

// (tesseract reads the age bands' en dash as a hyphen.)
test("the caseload splits: age, ethnicity (a column name wrapped in its cell) and gender", () => {
  const split = (group: string) =>
    fromScan.contextualFacts.filter((f) => f.group === group).map((f) => [f.subject, f.label, f.value]);
  expect(split("age")).toEqual([
    ["Kirklees YJS", "10-14", 29],
    ["Kirklees YJS", "15-17", 71],
    ["National average", "10-14", 22],
    ["National average", "15-17", 78],
  ]);
  expect(split("ethnicity")).toEqual([
    ["Kirklees YJS", "White", 65],
    ["Kirklees YJS", "Black and minority ethnic", 30],
    ["Kirklees YJS", "Unknown", 5],
    ["Kirklees", "White", 71],
    ["Kirklees", "Black and minority ethnic", 29],
    ["Kirklees", "Unknown", 0],
  ]);
  expect(split("gender")).toEqual([
    ["Kirklees YJS", "Male", 91],
    ["Kirklees YJS", "Female", 9],
    ["National average", "Male", 85],
    ["National average", "Female", 15],
  ]);
});

test("no figure is read that the report's text does not give", () => {
  const figures = (r: ReportRecord) =>
    new Set([
      ...r.prompts.map((p) => `prompt ${p.keyQuestionId} ${p.percent}`),
      ...r.keyQuestions.map((k) => `key question ${k.id} ${k.source} ${k.percent}`),
      ...r.contextualFacts.map((f) => `${f.group} ${f.role} ${f.value}`),
      ...r.standards.map((s) => `${s.id} ${s.rating}`),
    ]);
  const original = figures(fromText);
  expect([...figures(fromScan)].filter((f) => !original.has(f))).toEqual([]);
});
