// Robustness probe (not a test): each corpus report in the forms users bring, read value by
// value against the original text. Prints, per rendering, the values lost and the values read
// WRONG (a value the original does not give) over the five reports. The tests pin most of these
// renderings; this prints the figures for all of them, the known gaps included.
//   npm run robustness            (a few minutes; pdftotext renderings need poppler-utils,
//                                  MuPDF's mupdf-tools, pdfminer's python3-pdfminer, PyMuPDF's
//                                  python3-fitz, pypdf's python3-pypdf, the browser's Debian's
//                                  chromium, the word processor's Debian's libreoffice-writer-nogui)
//   npm run robustness -- --ocr   (the word processor's PDFs also scanned and OCR'd by
//                                  tesseract, Debian's tesseract-ocr: some 7 minutes more)
//   npm run robustness -- --figures-shuffled SEED
//                                 (each report as one with other figures: its percentages
//                                  shuffled, withPercentsShuffled; in out/robustness-shuffled-SEED.
//                                  A value read wrong only here was chosen by what a figure is)
//   npm run robustness -- --counts-moved
//                                 (each report as one with larger samples: its count tables'
//                                  counts n -> 2n + 1, withCountsMoved; in
//                                  out/robustness-counts-moved. Both flags together: both)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFParse } from "pdf-parse";
import { extractFile } from "../src/extract.js";
import { valueStatements } from "../test/helpers/shared.js";
import {
  MARKDOWN_DIALECTS,
  asMojibake,
  asSharedTranscript,
  indentedThroughout,
  overallRowLast,
  percentSignCells,
  promptLettersAlone,
  repeatTableHeadings,
  toBracketedMarkers,
  toCellPerLine,
  toHtmlPage,
  toHtmlTables,
  toMarkdown,
  toPageLines,
  toParagraphLines,
  toPipeRows,
  toPlainDigitMarkers,
  toPlainWrapped,
  toSpaces,
  toWordHtml,
  toWrapped,
  unnumberRatingsRows,
  withBackToTop,
  withCellsGlued,
  withCountsMoved,
  withLigaturesDropped,
  withPercentsShuffled,
  wrapFirstCells,
} from "./make-variants.js";
import { ocrPdf } from "./ocr-pdf.js";
import { type BrowserStyle, withBrowserPdf } from "./render-browser-pdf.js";
import { type RenderStyle, renderReportPdf } from "./render-pdf.js";
import { type WriterStyle, hasWriter, writerPdfs } from "./render-writer-pdf.js";

const ROOT = join(import.meta.dirname, "..");
const shuffleAt = process.argv.indexOf("--figures-shuffled");
const SHUFFLE_SEED = shuffleAt > 0 ? Number(process.argv[shuffleAt + 1]) : null;
if (SHUFFLE_SEED !== null && !Number.isInteger(SHUFFLE_SEED))
  throw new Error("--figures-shuffled takes a whole number");
const COUNTS_MOVED = process.argv.includes("--counts-moved");
const CHANGED = SHUFFLE_SEED !== null || COUNTS_MOVED;
const OUT = join(
  ROOT,
  "out",
  ["robustness", SHUFFLE_SEED !== null ? `shuffled-${SHUFFLE_SEED}` : "", COUNTS_MOVED ? "counts-moved" : ""]
    .filter((part) => part !== "")
    .join("-"),
);
mkdirSync(OUT, { recursive: true });
const reports = readdirSync(join(ROOT, "corpus")).filter((f) => f.endsWith(".txt"));

/** A report's text as the renderings start from: the corpus's, or with other figures. */
function reportText(name: string): string {
  let text = readFileSync(join(ROOT, "corpus", name), "utf8");
  if (!CHANGED) return text;
  if (SHUFFLE_SEED !== null) text = withPercentsShuffled(text, SHUFFLE_SEED).text;
  if (COUNTS_MOVED) text = withCountsMoved(text);
  writeFileSync(join(OUT, name), text);
  return text;
}
/** The values of the report's text itself, which each rendering is held to. */
const originalValues = async (name: string) =>
  valueStatements(await extractFile(CHANGED ? join(OUT, name) : join(ROOT, "corpus", name)));

const TEXT: Record<string, (text: string) => string> = {
  "spaces for tabs": toSpaces,
  "a single space for tabs": (t) => t.replace(/\t+/g, " "),
  "markdown, pipe tables": toMarkdown,
  "markdown, HTML tables": toHtmlTables,
  "hard-wrapped at 80": (t) => toWrapped(t, 80),
  "a cell per line": toCellPerLine,
  "a cell per line, wrapped at 80": (t) => toWrapped(toCellPerLine(t), 80),
  "single spaces, every line wrapped": (t) => toPlainWrapped(t),
  "table cells wrapped, figures beside the first line": (t) => wrapFirstCells(t, "first line"),
  "table cells wrapped, figures beside the last line": (t) => wrapFirstCells(t, "last line"),
  "table cells wrapped over 3 lines, figures beside the middle": (t) => wrapFirstCells(t, "middle line", 3),
  "prompt letters on a line of their own": promptLettersAlone,
  "percent signs in cells of their own": percentSignCells,
  "tables' heading rows repeated over page breaks": repeatTableHeadings,
  "ratings-table rows without their standards' numbers": unnumberRatingsRows,
  "a ratings table with its 'Overall rating' row last": overallRowLast,
  "tables drawn as pipe rows, no delimiter row (plain text)": toPipeRows,
  "tables drawn as pipe rows without outer pipes (plain text)": (t) => toPipeRows(t, false),
  "pipe rows hard-wrapped at 80, rows and all (plain text)": (t) => toWrapped(toPipeRows(t), 80, true),
  "markdown, pipe tables hard-wrapped at 80, rows and all": (t) => toWrapped(toMarkdown(t), 80, true),
  "footnote markers as bracketed numbers": toBracketedMarkers,
  "headings followed by '(Back to top)' (web edition)": withBackToTop,
  "a document-sharing site's transcript ('Page N: <title> · <snippet>' before every page)":
    asSharedTranscript,
  "each paragraph on one line, tables' rows run on (document-sharing sites' transcripts)": toParagraphLines,
  "each paragraph on one line, tables' rows run on, cells' tabs kept": (t) => toParagraphLines(t, true),
  "every line set in by four spaces (transcripts that indent the whole text)": (t) =>
    indentedThroughout(t, "    "),
  "each page run into one line (pdf.js's text items joined with spaces, an old PyPDF2)": (t) =>
    toPageLines(t),
  "its ligatures (fi, ff, fl) dropped, as a converter writes a font's unnamed ligature glyphs": (t) =>
    withLigaturesDropped(t),
  "mojibake: UTF-8 once read as Windows-1252 and saved again ('childâ€™s')": (t) => asMojibake(t),
  "table cells glued, nothing between them (pdf-parse 1.x)": (t) => withCellsGlued(t),
  "footnote markers as plain digits, no pages": toPlainDigitMarkers,
  "a web page (HTML) on one line": (t) => toHtmlPage(t),
  "a web page (HTML) wrapped at 80": (t) => toHtmlPage(t, { width: 80 }),
  "a web page (HTML), ordered lists and endnotes (pandoc)": (t) =>
    toHtmlPage(t, { lists: true, endnotes: true }),
  "a web page as Word saves one": toWordHtml,
  "footnote markers as plain digits, no pages (markdown)": (t) => toMarkdown(toPlainDigitMarkers(t)),
  ...Object.fromEntries(
    Object.entries(MARKDOWN_DIALECTS).map(([name, dialect]) => [
      `markdown, ${name}`,
      (t: string) => dialect(toMarkdown(t)),
    ]),
  ),
};

const PDF_STYLES: Record<string, RenderStyle> = {
  default: {},
  "cells centred, prose justified": { justify: true, wordItems: true, middleCells: true },
  "rows set close": { tightRows: true },
  "rows set close, cells centred": { tightRows: true, middleCells: true },
  "2018 running header, page number in it": { furniture: "in-colon" },
  "2020 running header without a colon": { furniture: "in" },
  "figures set right in their cells": { figuresAlign: "right" },
  "an 'OFFICIAL' marking at every page's head and foot": { marking: "OFFICIAL" },
};

/** Printed by Chromium from the report's HTML (render-browser-pdf.ts): a second PDF writer. */
const BROWSER_STYLES: Record<string, BrowserStyle> = {
  "printed by a browser": {},
  "printed by a browser on A5 pages": { page: "A5" },
  "printed by a browser, prose justified, cells centred": { justifiedCentred: true },
  "printed by a browser, cells centred, no margin above or below": {
    justifiedCentred: true,
    tightCells: true,
  },
};

/** Exported by LibreOffice Writer from the report as a word processor's document (render-writer-pdf.ts): a third PDF writer. */
const WRITER_STYLES: Record<string, WriterStyle> = {
  "exported by a word processor": {},
  "exported by a word processor, one and a half lines": { leading: 1.5 },
  "exported by a word processor, cells centred": { centredCells: true },
  "exported by a word processor on A5 pages": { page: "A5" },
  "exported by a word processor, heading rows repeated": { repeatHeadings: true },
  "exported by a word processor on A5 pages, heading rows repeated": { page: "A5", repeatHeadings: true },
  "exported by a word processor, prose justified": { justified: true },
  "exported by a word processor, prose and cells justified": { justified: "cells too" },
};

/**
 * Other tools' text of a PDF, as users bring it, each where its program is installed: poppler's
 * pdftotext in its three modes, and -layout without its form feeds (-nopgbrk); MuPDF's (mutool draw -F txt, its pages apart by form feeds);
 * pdfminer.six's pdf2txt with its default layout analysis; and, where Debian's python3 has them,
 * PyMuPDF's get_text (as written, and sorted by position) and pypdf's extract_text with the pages
 * joined as their users join them (no mark between pages: only the running headers show where a
 * page begins).
 */
interface Extractor {
  name: string;
  program: string;
  /** The Debian package that installs `program`, and the arguments that only print its version. */
  debian: string;
  probe: string[];
  suffix: string;
  args: (pdf: string, out: string) => string[];
}
const EXTRACTORS: Extractor[] = [
  ...Object.entries({
    "-layout": ["-layout"],
    // (Without the form feeds between pages, as `-nopgbrk` writes one text of the whole PDF.)
    "-layout -nopgbrk": ["-layout", "-nopgbrk"],
    "(no flag)": [],
    "-raw": ["-raw"],
  }).map(([mode, flags]) => ({
    name: `pdftotext ${mode}`,
    program: "pdftotext",
    debian: "poppler-utils",
    probe: ["-v"],
    suffix: `.pdftotext${flags.join("")}.txt`,
    args: (pdf: string, out: string) => [...flags, "-enc", "UTF-8", pdf, out],
  })),
  {
    name: "MuPDF (mutool draw -F txt)",
    program: "mutool",
    debian: "mupdf-tools",
    probe: ["-v"],
    suffix: ".mutool.txt",
    args: (pdf, out) => ["draw", "-q", "-F", "txt", "-o", out, pdf],
  },
  ...(["pymupdf", "pymupdf-sort", "pypdf"] as const).map((mode) => ({
    name: {
      pymupdf: "PyMuPDF (get_text, pages joined)",
      "pymupdf-sort": "PyMuPDF (get_text sorted by position, pages joined)",
      pypdf: "pypdf (extract_text, pages joined)",
    }[mode],
    program: "/usr/bin/python3",
    debian: mode === "pypdf" ? "python3-pypdf" : "python3-fitz",
    probe: ["-c", mode === "pypdf" ? "import pypdf" : "import fitz"],
    suffix: `.${mode}.txt`,
    args: (pdf: string, out: string) => [join(ROOT, "scripts", "pdf-text.py"), mode, pdf, out],
  })),
  {
    name: "pdfminer (pdf2txt)",
    program: "pdf2txt",
    debian: "python3-pdfminer",
    probe: ["--version"],
    suffix: ".pdfminer.txt",
    args: (pdf, out) => ["-o", out, pdf],
  },
];

function installed({ program, probe }: Pick<Extractor, "program" | "probe">): boolean {
  try {
    execFileSync(program, probe, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const extractors = EXTRACTORS.filter(installed);

const hasTesseract = installed({ program: "tesseract", probe: ["--version"] });
const SCANNED = process.argv.includes("--ocr") && hasTesseract;
const totals = new Map<string, { lost: number; wrong: number; values: number }>();
function count(rendering: string, original: Set<string>, read: Set<string>): void {
  const t = totals.get(rendering) ?? { lost: 0, wrong: 0, values: 0 };
  t.values += original.size;
  t.lost += [...original].filter((v) => !read.has(v)).length;
  t.wrong += [...read].filter((v) => !original.has(v)).length;
  totals.set(rendering, t);
}

/** A PDF read by our reader, by pdf-parse's getText and by the other tools installed. */
async function countPdf(pdf: string, styleName: string, original: Set<string>): Promise<void> {
  count(`PDF (${styleName}): our reader`, original, valueStatements(await extractFile(pdf)));
  // pdf-parse's own getText, as a user who ran it (npx pdf-parse text) brings it: a line per
  // text line, cells a space apart, pages joined by "-- 1 of 17 --".
  const parsed = new PDFParse({ data: new Uint8Array(readFileSync(pdf)) });
  const getText = pdf.replace(/\.pdf$/, ".pdf-parse.txt");
  writeFileSync(getText, (await parsed.getText()).text);
  await parsed.destroy();
  count(`PDF (${styleName}): pdf-parse getText`, original, valueStatements(await extractFile(getText)));
  for (const extractor of extractors) {
    const out = pdf.replace(/\.pdf$/, extractor.suffix);
    execFileSync(extractor.program, extractor.args(pdf, out), { stdio: "ignore" });
    count(`PDF (${styleName}): ${extractor.name}`, original, valueStatements(await extractFile(out)));
  }
}

await withBrowserPdf(async (print) => {
  for (const name of reports) {
    const text = reportText(name);
    const stem = name.replace(/\.txt$/, "");
    const original = await originalValues(name);
    for (const [rendering, make] of Object.entries(TEXT)) {
      const file = join(OUT, `${stem}.${rendering.replace(/\W+/g, "-")}.txt`);
      writeFileSync(file, make(text));
      count(`text: ${rendering}`, original, valueStatements(await extractFile(file)));
    }
    for (const [styleName, style] of Object.entries(PDF_STYLES)) {
      const pdf = join(OUT, `${stem}.${styleName.replace(/\W+/g, "-")}.pdf`);
      writeFileSync(pdf, await renderReportPdf(text, { style }));
      await countPdf(pdf, styleName, original);
    }
    for (const [styleName, style] of Object.entries(BROWSER_STYLES)) {
      const pdf = join(OUT, `${stem}.${styleName.replace(/\W+/g, "-")}.pdf`);
      writeFileSync(pdf, await print(text, style));
      await countPdf(pdf, styleName, original);
    }
  }
});

if (hasWriter()) {
  const texts = reports.map((name) => ({
    name: name.replace(/\.txt$/, ""),
    text: reportText(name),
  }));
  for (const [styleName, style] of Object.entries(WRITER_STYLES)) {
    const pdfs = writerPdfs(texts, style);
    for (const { name } of texts) {
      const pdf = join(OUT, `${name}.${styleName.replace(/\W+/g, "-")}.pdf`);
      writeFileSync(pdf, pdfs.get(name) as Buffer);
      const original = await originalValues(`${name}.txt`);
      await countPdf(pdf, styleName, original);
      // With --ocr, the word processor's PDF scanned and OCR'd by tesseract (scripts/ocr-pdf.ts),
      // as a user makes a scanned report readable: some 80 s a report.
      if (SCANNED && styleName === "exported by a word processor") {
        const scan = join(OUT, `${name}.scanned-and-OCR-d-by-tesseract.pdf`);
        writeFileSync(scan, ocrPdf(pdfs.get(name) as Buffer));
        await countPdf(scan, "scanned and OCR'd by tesseract", original);
      }
    }
  }
}

console.log("| rendering (5 reports) | values | lost | read wrong |");
console.log("|---|---|---|---|");
for (const [rendering, t] of totals) console.log(`| ${rendering} | ${t.values} | ${t.lost} | ${t.wrong} |`);
// (One line a package: pdftotext's three modes are one package's.)
const missing = new Map<string, string[]>();
for (const e of EXTRACTORS.filter((e) => !extractors.includes(e)))
  missing.set(e.debian, [...(missing.get(e.debian) ?? []), e.name]);
for (const [debian, names] of missing)
  console.log(`\n(${debian} not installed: the renderings of ${names.join(", ")} left out)`);
if (process.argv.includes("--ocr") && !hasTesseract)
  console.log("\n(tesseract not found: install tesseract-ocr for the scanned and OCR'd renderings)");
if (!hasWriter())
  console.log(
    "\n(LibreOffice not found: install libreoffice-writer-nogui for the word processor's renderings)",
  );
