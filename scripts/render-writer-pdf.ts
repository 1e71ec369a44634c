// Renders a corpus text report as a word processor's document and exports it to PDF with
// LibreOffice Writer: a third PDF writer beside pdfkit (render-pdf.ts) and Chromium
// (render-browser-pdf.ts), and the closest of the three to how the published reports are made
// (a word processor's export). Writer sets what the others do not: real footnotes at the foot of
// the page they are cited on (numbered by Writer), a running header and a page-number footer as
// the page's own, lines set at the paragraph style's spacing (a table's text on the same leading
// as the prose, or on one and a half lines), its own fonts' metrics and its own line breaking.
// The report goes to Writer as HTML in Writer's own dialect (its footnote anchors, header and
// footer sections), which it reads into a text document, not a web page; saved in Writer's own
// format and read again, so that the header and footer stand on every page, not on right-hand
// pages only as Writer's HTML import sets them.
//
//   npx tsx scripts/render-writer-pdf.ts [outDir] [--leading 1.5] [--centred] [--a5] [--repeat-headings] [--justified | --justified-cells]
//     every corpus/*.txt to outDir (default out/pdf-writer); needs Debian's libreoffice-writer-nogui
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { SUPERSCRIPT_RUN, fromSuperscript, superscript } from "../parsers/text.js";
import { escapeHtml } from "../src/report-html.js";
import { FIGURE, HTML_TAG } from "./render-browser-pdf.js";
import { parseBlocks, reportArea } from "./render-pdf.js";

/** Debian's LibreOffice (package libreoffice-writer-nogui). */
export const SOFFICE = "/usr/bin/soffice";

export function hasWriter(): boolean {
  return existsSync(SOFFICE);
}

export interface WriterStyle {
  /** Line spacing as a multiple of the font's own (Writer's "proportional"): 1 single, 1.5 one and a half lines. */
  leading?: number;
  /** Table cells centred vertically, as Word's house styles often set them. */
  centredCells?: boolean;
  /** A5 pages: cells wrap far more often, and rows break across pages. */
  page?: "A4" | "A5";
  /**
   * Prose justified (each line but a paragraph's last spread to the full width); "cells too",
   * table cells as well, as a document whose every paragraph style is justified sets them.
   */
  justified?: boolean | "cells too";
  /** Each table's first row repeated at the top of every page it runs on to, as Word's "Repeat as header row". */
  repeatHeadings?: boolean;
  /**
   * Footnotes numbered by the word processor, 1, 2, 3 ..., as a document written in it numbers
   * them, not under the text's own numbers (marks fixed by hand, which a .docx keeps as text).
   */
  notesNumbered?: boolean;
  /** A picture on the cover before the text (a logo, as the inspectorate's reports have): one pixel, drawn large. */
  coverPicture?: boolean;
}

/** A one-pixel PNG (a green dot), as a data URL: the cover's picture. */
const PIXEL_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNg+M8AAAICAQB7CYF4AAAAAElFTkSuQmCC";

const NOTE_NUMBER = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*/u;

/**
 * Markers the text gives as markup ("<sup>20</sup>", "&lt;sup&gt;20", "$^{20}$") as the raised
 * figures a document prints, where they stand. (make-variants' markersRewritten also drops the
 * space before a marker: PDFs made so lost 6 values each of Kirklees and Tower Hamlets.)
 */
function asSuperscripts(text: string): string {
  const raised = (_: string, digits: string) => superscript(digits);
  return text
    .replace(/<sup>&<\/sup>lt;sup>(\d{1,3})<\/sup>/g, raised)
    .replace(/&lt;sup&gt;(\d{1,3})(?:&lt;\/sup&gt;)?/g, raised)
    .replace(/<sup>(\d{1,3})<\/sup>/g, raised)
    .replace(/\$\^\{(\d{1,3})\}\$/g, raised);
}

/**
 * The report as HTML for Writer. A footnote the text gives as a paragraph ("⁶ Office for ...")
 * becomes a real footnote anchored at the last marker of its number before it, under the text's
 * own number (Writer would number them 1, 2, 3 ...: the corpus texts lost some); a marker with no
 * note stays a raised figure.
 */
export function writerHtml(text: string, style: WriterStyle = {}): string {
  const area = reportArea(text) ?? "";
  const blocks = parseBlocks(asSuperscripts(text), area || undefined);
  // Where each note is cited: the block (and its run's place) of the last marker before it.
  const anchors = new Map<string, number>(); // "block:offset" -> note index
  const notes: { number: string; text: string }[] = [];
  blocks.forEach((block, b) => {
    if (block.kind !== "footnote") return;
    const number = NOTE_NUMBER.exec(block.text);
    if (!number?.[1]) return;
    for (let k = b - 1; k >= 0; k--) {
      const cited = blocks[k];
      if (!cited || cited.kind === "footnote" || cited.kind === "pageBreak") continue;
      const content = cited.kind === "table" ? cited.rows.map((r) => r.join("\t")).join("\n") : cited.text;
      const at = [...content.matchAll(SUPERSCRIPT_RUN)].filter((m) => m[0] === number[1]).pop();
      if (!at) continue;
      const key = `${k}:${at.index}`;
      if (anchors.has(key)) break;
      anchors.set(key, notes.length);
      notes.push({ number: fromSuperscript(number[1]), text: block.text.slice(number[0].length) });
      break;
    }
  });
  const fixed = style.notesNumbered ? "" : " sdfixed";
  // Text with its markers: anchors where a note is cited there, raised figures elsewhere.
  const inline = (b: number, content: string, offset: number) => {
    let out = "";
    let from = 0;
    for (const m of content.matchAll(SUPERSCRIPT_RUN)) {
      out += escapeHtml(content.slice(from, m.index));
      const note = anchors.get(`${b}:${offset + (m.index ?? 0)}`);
      out +=
        note === undefined
          ? `<sup>${fromSuperscript(m[0])}</sup>`
          : `<a class="sdfootnoteanc" name="sdfootnote${note + 1}anc" href="#sdfootnote${note + 1}sym"${fixed}><sup>${style.notesNumbered ? note + 1 : fromSuperscript(m[0])}</sup></a>`;
      from = (m.index ?? 0) + m[0].length;
    }
    return out + escapeHtml(content.slice(from));
  };
  const body: string[] = [];
  blocks.forEach((block, b) => {
    if (block.kind === "table") {
      let offset = 0;
      const rows = block.rows.map((row) => {
        const cells: { html: string; figure: boolean; span: number }[] = [];
        for (const cell of row) {
          const html = inline(b, cell, offset);
          offset += cell.length + 1;
          const last = cells[cells.length - 1];
          // An empty cell after a full one is that cell's, merged (as the reports' tables merge
          // a service's or a domain's name across the row).
          if (cell.trim() === "" && last && last.html.trim() !== "") last.span++;
          else cells.push({ html, figure: FIGURE.test(cell.trim()), span: 1 });
        }
        const td = (c: (typeof cells)[number]) =>
          `<td${c.span > 1 ? ` colspan="${c.span}"` : ""}${c.figure ? ' width="13%"' : ""} valign="${style.centredCells ? "middle" : "top"}"><p class="cell">${c.html}</p></td>`;
        return `<tr>${cells.map(td).join("")}</tr>`;
      });
      // (Writer repeats a table's <thead> at the top of each page the table runs on to. Only a
      // heading row is one: the corpus text starts a table anew after a page's notes.)
      const [head, ...rest] = rows;
      const heading = (block.rows[0] ?? []).every(
        (cell) => !FIGURE.test(cell.trim()) && !cell.trim().endsWith("?"),
      );
      const content =
        style.repeatHeadings && heading && rest.length > 0
          ? `<thead>${head}</thead><tbody>${rest.join("")}</tbody>`
          : rows.join("");
      body.push(`<table width="100%" border="1" cellpadding="4" cellspacing="0">${content}</table>`);
    } else if (block.kind === "pageBreak") body.push('<p style="page-break-before: always"></p>');
    else if (block.kind === "para") {
      const tag = HTML_TAG[block.style];
      body.push(`<${tag}>${inline(b, block.text, 0)}</${tag}>`);
    } else if (!notes.some((note) => note.text === block.text.replace(NOTE_NUMBER, "")))
      // A note whose marker the text lost stays where the text gives it, in small print.
      body.push(`<p class="sdfootnote">${inline(b, block.text, 0)}</p>`);
  });
  const header = `Inspection of youth offending services: ${area}`;
  const leading = style.leading ?? 1.15;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(header)}</title><style>
@page { size: ${style.page === "A5" ? "14.8cm 21cm" : "21cm 29.7cm"}; margin: 1.5cm 1.8cm 1.5cm 1.8cm }
p, li { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: ${Math.round(leading * 100)}%; margin-top: 0; margin-bottom: 0.2cm${style.justified ? "; text-align: justify" : ""} }
p.cell { font-size: 9pt; margin-bottom: 0; text-align: ${style.justified === "cells too" ? "justify" : "left"} }
h1 { font-family: "Liberation Sans", Arial, sans-serif; font-size: 20pt } h2 { font-family: "Liberation Sans", Arial, sans-serif; font-size: 15pt }
h3 { font-family: "Liberation Sans", Arial, sans-serif; font-size: 12.5pt } h4 { font-family: "Liberation Sans", Arial, sans-serif; font-size: 11pt }
p.sdfootnote { font-size: 7.5pt; line-height: 100%; margin-bottom: 0 }
</style></head><body>
<div title="header"><p>${escapeHtml(header)}</p></div>
${style.coverPicture ? `<p><img src="${PIXEL_PNG}" width="96" height="96" alt=""></p>\n` : ""}${body.join("\n")}
${notes
  .map(
    (note, k) =>
      `<div id="sdfootnote${k + 1}"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote${k + 1}sym" href="#sdfootnote${k + 1}anc"${fixed}>${style.notesNumbered ? k + 1 : note.number}</a>${escapeHtml(note.text)}</p></div>`,
  )
  .join("\n")}
<div title="footer"><p align="center"><sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>
</body></html>
`;
}

/** Each report's text exported to PDF by Writer, in one run of LibreOffice: name -> PDF bytes. */
export function writerPdfs(
  reports: { name: string; text: string }[],
  style: WriterStyle = {},
): Map<string, Buffer> {
  return writerExports(reports, style, "pdf");
}

/**
 * Each report's text saved by Writer as a Word document (.docx), its footnotes numbered by the
 * word processor as a document written in Word numbers them: name -> .docx bytes.
 */
export function writerDocx(
  reports: { name: string; text: string }[],
  style: WriterStyle = {},
): Map<string, Buffer> {
  return writerExports(reports, { notesNumbered: true, ...style }, "docx");
}

/** Writer's export filter for each kind of file it saves a report as. */
const EXPORT_FILTERS = {
  pdf: "pdf:writer_pdf_Export",
  docx: "docx:MS Word 2007 XML",
  doc: "doc:MS Word 97",
  odt: "odt:writer8",
  rtf: "rtf:Rich Text Format",
} as const;

/** Each report's text saved by Writer as `as` (PDF, .docx, .doc, .odt, .rtf), in one run of LibreOffice. */
export function writerExports(
  reports: { name: string; text: string }[],
  style: WriterStyle,
  as: keyof typeof EXPORT_FILTERS,
): Map<string, Buffer> {
  const work = mkdtempSync(join(tmpdir(), "yos-writer-"));
  try {
    const inputs = reports.map(({ name, text }) => {
      const file = join(work, `${name}.html`);
      writeFileSync(file, writerHtml(text, style));
      return file;
    });
    // A profile of its own: a user's running LibreOffice would otherwise take the job.
    const convert = (infilter: string[], to: string, dir: string, files: string[]) =>
      execFileSync(
        SOFFICE,
        [
          `-env:UserInstallation=file://${join(work, "profile")}`,
          "--headless",
          ...infilter,
          "--convert-to",
          to,
          "--outdir",
          join(work, dir),
          ...files,
        ],
        { stdio: "ignore", timeout: 300_000 },
      );
    // Through Writer's own file first: read from HTML, the header and footer stand on right-hand
    // pages only (left ones blank), where a report prints them on every page; saved and read
    // again, they are the page style's on every page.
    convert(["--infilter=HTML (StarWriter)"], "fodt:OpenDocument Text Flat XML", "fodt", inputs);
    convert(
      [],
      EXPORT_FILTERS[as],
      as,
      reports.map(({ name }) => join(work, "fodt", `${name}.fodt`)),
    );
    return new Map(reports.map(({ name }) => [name, readFileSync(join(work, as, `${name}.${as}`))]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const root = resolve(import.meta.dirname, "..");
  const args = process.argv.slice(2);
  const leading = args.indexOf("--leading");
  const style: WriterStyle = {
    leading: leading >= 0 ? Number(args[leading + 1]) : undefined,
    centredCells: args.includes("--centred"),
    page: args.includes("--a5") ? "A5" : "A4",
    repeatHeadings: args.includes("--repeat-headings"),
    justified: args.includes("--justified-cells") ? "cells too" : args.includes("--justified"),
  };
  const outDir = resolve(
    args.find((a, k) => !a.startsWith("--") && args[k - 1] !== "--leading") ??
      join(root, "out", "pdf-writer"),
  );
  const reports = readdirSync(join(root, "corpus"))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: basename(f, ".txt"), text: readFileSync(join(root, "corpus", f), "utf8") }));
  mkdirSync(outDir, { recursive: true });
  for (const [name, pdf] of writerPdfs(reports, style)) {
    writeFileSync(join(outDir, `${name}.pdf`), pdf);
    console.log(join(outDir, `${name}.pdf`));
  }
}
