// Renders a corpus text report as an HTML page and prints it to PDF in Chromium: a second PDF
// writer beside pdfkit (render-pdf.ts). A browser lays a report out as Word does in ways the
// pdfkit fixtures do not: lines wrapped after a hyphen ("out-of-" / "court"), superscript
// markers at five sixths of the text's size that push their line down, a row's cells on
// baselines a little apart, fonts embedded as subsets, every line a text object of its own.
// The running header and the page number stand in the page's margins (CSS page-margin boxes);
// footnotes stay in small print where the text gives them (a browser cannot set a note at the
// foot of its page).
//
//   npx tsx scripts/render-browser-pdf.ts [outDir]   every corpus/*.txt to outDir (default out/pdf-browser)
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { SUPERSCRIPT_RUN, fromSuperscript } from "../parsers/text.js";
import { escapeHtml } from "../src/report-html.js";
import { parseBlocks, reportArea } from "./render-pdf.js";

/** Debian's chromium package, as the tests use it (scripts/ensure-test-tools.sh installs it). */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserStyle {
  /** The page size: A4 as published, or A5, where cells and prose wrap far more often. */
  page?: "A4" | "A5";
  /** Prose justified and table cells centred vertically, as Word's house styles often set them. */
  justifiedCentred?: boolean;
  /** Cells with no margin above or below their text (Word's default cell margins). */
  tightCells?: boolean;
}

/** A table cell holding a figure: a count, a percentage, a rate, a score ("86%", "441,290", "8/36"). */
export const FIGURE = /^[<>]?\d[\d,.]*(?:%|\/\d+)?$/;

/** Text with its Unicode superscript markers printed as <sup>, as a report's HTML would have them. */
function inline(text: string): string {
  return escapeHtml(text).replace(SUPERSCRIPT_RUN, (run) => `<sup>${fromSuperscript(run)}</sup>`);
}

/** The HTML element each paragraph style of the text (parseBlocks) is printed as. */
export const HTML_TAG = {
  h1: "h1",
  coverTitle: "h1",
  h2: "h2",
  h3: "h3",
  heading: "h4",
  coverLead: "p",
  body: "p",
} as const;

/** The report as one HTML page: headings, paragraphs, bordered tables with narrow figure columns. */
export function reportHtml(text: string, style: BrowserStyle = {}): string {
  const area = reportArea(text) ?? "";
  const header = `Inspection of youth offending services: ${area}`.replace(/["\\]/g, "");
  const body: string[] = [];
  for (const block of parseBlocks(text, area || undefined)) {
    if (block.kind === "table") {
      const rows = block.rows.map((row) => {
        // An empty cell after a full one is that cell's, merged (as Word's tables merge a
        // service name's or a domain's cell across the row).
        const cells: { text: string; span: number }[] = [];
        for (const text of row) {
          const last = cells[cells.length - 1];
          if (text.trim() === "" && last && last.text.trim() !== "") last.span++;
          else cells.push({ text, span: 1 });
        }
        const td = ({ text, span }: { text: string; span: number }) =>
          `<td${span > 1 ? ` colspan="${span}"` : ""}${FIGURE.test(text.trim()) ? ' class="figure"' : ""}>${inline(text)}</td>`;
        return `<tr>${cells.map(td).join("")}</tr>`;
      });
      body.push(`<table>${rows.join("")}</table>`);
    } else if (block.kind === "footnote") body.push(`<p class="note">${inline(block.text)}</p>`);
    else if (block.kind === "pageBreak") body.push('<div class="break"></div>');
    else {
      const tag = HTML_TAG[block.style];
      body.push(`<${tag}>${inline(block.text)}</${tag}>`);
    }
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(header)}</title><style>
@page { size: ${style.page ?? "A4"}; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: "${header}"; font: 8pt Arial, Helvetica, sans-serif; }
  @bottom-center { content: counter(page); font: 9pt Arial, Helvetica, sans-serif; } }
@page :first { @top-left { content: none; } @bottom-center { content: none; } }
body { font: 10pt/1.3 Arial, Helvetica, sans-serif; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; } h3 { font-size: 12.5pt; } h4 { font-size: 11pt; margin: 10pt 0 4pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
td { border: 0.75pt solid #555; padding: 3pt 5pt; vertical-align: top; font-size: 9pt; }
td.figure { width: 13%; }
tr { break-inside: avoid; }
p.note { font-size: 7.5pt; margin: 2pt 0; }
div.break { break-after: page; }
${style.justifiedCentred ? "p { text-align: justify; } td { vertical-align: middle; }" : ""}
${style.tightCells ? "td { padding: 0 5.4pt; }" : ""}
</style></head><body>
${body.join("\n")}
</body></html>
`;
}

/** Chromium, started once for any number of reports; `run` gets a function that prints one. */
export async function withBrowserPdf<T>(
  run: (print: (text: string, style?: BrowserStyle) => Promise<Buffer>) => Promise<T>,
): Promise<T> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium package (scripts/ensure-test-tools.sh)`,
    );
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    return await run(async (text, style = {}) => {
      await page.setContent(reportHtml(text, style), { waitUntil: "load" });
      return page.pdf({ preferCSSPageSize: true, printBackground: true });
    });
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const root = resolve(import.meta.dirname, "..");
  const outDir = resolve(process.argv[2] ?? join(root, "out", "pdf-browser"));
  mkdirSync(outDir, { recursive: true });
  const files = readdirSync(join(root, "corpus"))
    .filter((f) => f.endsWith(".txt"))
    .sort();
  await withBrowserPdf(async (print) => {
    for (const file of files) {
      const pdf = await print(readFileSync(join(root, "corpus", file), "utf8"));
      const target = join(outDir, `${basename(file, ".txt")}.pdf`);
      writeFileSync(target, pdf);
      console.log(`${target}: ${pdf.length} bytes`);
    }
  });
}
