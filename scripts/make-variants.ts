// Renders a text report in other forms a user may bring: plain text with runs of spaces instead of
// tabs, markdown with GFM pipe tables, markdown with HTML tables, and text and markdown with their
// paragraphs hard-wrapped, text with a table cell per line, with a single space between cells, with
// single spaces and every line wrapped, with long table cells wrapped a line at a time, count
// tables with the counts' share as a third column, ligatures dropped, as mojibake, cells glued;
// markdown as other converters write it (MARKDOWN_DIALECTS). The extractor must read the same
// record from each, or (the last) read nothing wrong (test/variants.test.ts).
// Run: npm run fixtures -- [out dir]
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fromWindows1252 } from "../parsers/mojibake.js";
import { fromSuperscript } from "../parsers/text.js";

/** Every tab becomes a column gap of spaces (at least two, as a converter pads columns). */
export function toSpaces(text: string): string {
  return text.replace(/\t/g, "    ");
}

/** Every line set in by `indent` (a transcript that indents the whole text). */
export function indentedThroughout(text: string, indent: string): string {
  return text.replace(/^(?=.)/gm, indent);
}

/**
 * The text a converter writes of a PDF whose font sets "fi", "ff", "fl", "ffi" and "ffl" as one
 * glyph without saying what it spells: each such glyph dropped, or written as `gap` (a space,
 * pdfminer's "(cid:N)").
 */
export function withLigaturesDropped(text: string, gap = ""): string {
  return text.replace(/ffi|ffl|ff|fi|fl/g, gap);
}

/**
 * The text as a tool writes it that read the UTF-8 file as Windows-1252 and saved it as UTF-8
 * again ("childâ€™s"): the bytes Windows-1252 leaves undefined as U+FFFD, or as the C1 control
 * characters a decoder that keeps them writes.
 */
export function asMojibake(text: string, undefinedAs: "replacement" | "control" = "replacement"): string {
  const misread = fromWindows1252(Buffer.from(text, "utf8"));
  // (The undefined bytes come out of that as C1 control characters.)
  return undefinedAs === "replacement" ? misread.replace(/[\u0080-\u009F]/g, "\uFFFD") : misread;
}

/**
 * Every row's cells run into one another, nothing between them, as pdf-parse 1.x writes the text
 * items of one baseline ("2.2PlanningInadequate", "...keep the child safe?59%").
 */
export function withCellsGlued(text: string): string {
  return text.replace(/\t+/g, "");
}

/**
 * Every tab-separated row as a pipe row ("| 2.1 | Assessment | Good |", or without the outer
 * pipes "2.1 | Assessment | Good") with no delimiter row: plain text whose tables a converter
 * drew with pipes (not markdown: nothing else is marked up).
 */
export function toPipeRows(text: string, outer = true): string {
  return text
    .split("\n")
    .map((line) => {
      if (!line.includes("\t")) return line;
      const row = line.split("\t").join(" | ");
      return outer ? `| ${row} |` : row;
    })
    .join("\n");
}

/**
 * Every footnote marker the corpus spells (Unicode superscripts, <sup> and its escaped forms,
 * LaTeX), and the space some put before it, written by `write` from the marker's digits.
 */
function markersRewritten(text: string, write: (digits: string) => string): string {
  return text
    .replace(
      / ?(?:<sup>&<\/sup>lt;sup>|&lt;sup&gt;|<sup>)\s*(\d+)\s*(?:<\/sup>|&lt;\/sup&gt;)/g,
      (_m, d: string) => write(d),
    )
    .replace(/ ?\$\^\{(\d+)\}\$/g, (_m, d: string) => write(d))
    .replace(/ ?([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, (_m, run: string) => write(fromSuperscript(run)));
}

/**
 * Footnote markers written as bracketed numbers against the text ("Croydon[6]", "[6] Office for
 * National Statistics ..."), as plain-text exports write note references.
 */
export function toBracketedMarkers(text: string): string {
  return markersRewritten(text, (digits) => `[${digits}]`);
}

/**
 * Footnote markers written as plain digits glued to the word they mark ("Good20", "Croydon3"),
 * the notes numbered so too, in a text without pages: as a PDF's text is copied when
 * superscripts lose their size and the pages their breaks.
 */
export function toPlainDigitMarkers(text: string): string {
  return markersRewritten(text, (digits) => digits);
}

/** The headings the reports print (sections, standards, annexes), on lines of their own. */
const HEADING_LINE =
  /^(?:#+ )?\**(?:Foreword|Ratings|Recommendations|Background|Contextual facts|Executive summary|Overall findings|Acknowledgements|Annex.*|Domain (?:one|two|three|four).*|\d\.\d\.? [A-Z][a-z].*|[1-4]\. [A-Z][a-z].*?)\**$/;

/**
 * Every heading followed by the link back to the contents that the inspectorate's web pages
 * print after it ("Ratings (Back to top)"), as a copy of a report's HTML edition reads.
 */
export function withBackToTop(text: string): string {
  return text
    .split("\n")
    .map((l) =>
      !l.includes("\t") && l.length < 80 && HEADING_LINE.test(l.trim()) ? `${l.trimEnd()} (Back to top)` : l,
    )
    .join("\n");
}

/** The area a corpus report's cover names, on the line after its title (markdown heading or not). */
export function coverArea(text: string): string | undefined {
  return text
    .match(/An inspection of youth (?:offending|justice) services in\s*\n+\s*(?:#+\s*)?\**([^*\n]+)/)?.[1]
    ?.trim();
}

/**
 * Each paragraph on one line, its lines joined by a space, a table's rows run into one line with
 * it (a paragraph's lines are those between blank lines): as docslib's and vdocument's
 * transcripts print a PDF. With `tabs`, cells keep their tabs; else a space, as those sites print them.
 */
export function toParagraphLines(text: string, tabs = false): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.replace(/^ +| +$/g, ""))
        .filter((line) => line.trim() !== "")
        .join(" "),
    )
    .map((line) => (tabs ? line : line.replace(/\t+/g, " ")))
    .join("\n\n");
}

/**
 * Each page run into one line, its lines joined by a space and its cells' tabs spaces, without
 * markdown's heading marks and bold (a page here every `pageLines` lines of text), pages a blank
 * line apart: as a script joining pdf.js's text items with spaces, or an old PyPDF2, gives a
 * PDF's text.
 */
export function toPageLines(text: string, pageLines = 30): string {
  const lines = text
    .split("\n")
    // (A PDF's text has no markdown: North Somerset's heading marks and bold go.)
    .map((line) =>
      line
        .replace(/^#+\s+/, "")
        .replaceAll("**", "")
        .replace(/\t+/g, " ")
        .trim(),
    )
    .filter((line) => line !== "");
  const pages: string[] = [];
  for (let i = 0; i < lines.length; i += pageLines) pages.push(lines.slice(i, i + pageLines).join(" "));
  return pages.join("\n\n");
}

/**
 * The report as a document-sharing site's transcript of its PDF: the site's title (the report's
 * title, a middle dot and a snippet of its text) and its page furniture above the text, and
 * "Page N:" with that title again before every page (here every 45 lines), wherever the page
 * breaks, between a table's rows too.
 */
export function asSharedTranscript(text: string): string {
  const area = coverArea(text) ?? "";
  const snippet = (text.split("\n").find((l) => l.length > 100 && !l.includes("\t")) ?? "")
    .slice(0, 90)
    .trim();
  const title = `An inspection of youth offending services in ${area} · ${snippet}`;
  const out = [title, "", "Upload", "others", "", "Views", "12", "", "Download", "0", "", "Transcript", ""];
  text.split("\n").forEach((line, i) => {
    if (i % 45 === 0) out.push(`Page ${i / 45 + 1}: ${title}`, "");
    out.push(line);
  });
  return out.join("\n");
}

function escapeCell(cell: string): string {
  return cell.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").trim();
}

/**
 * Consecutive lines with tab-separated cells become one GFM table (first row as header,
 * padded to the widest row); everything else stays as it is, as a PDF-to-markdown converter
 * leaves prose.
 */
export function toMarkdown(text: string): string {
  return withTabTables(text, (block) => {
    const width = Math.max(2, ...block.map((r) => r.length));
    const row = (cells: string[]) =>
      `| ${[...cells.map(escapeCell), ...Array(width - cells.length).fill("")].join(" | ")} |`;
    return ["", row(block[0] as string[]), `|${" --- |".repeat(width)}`, ...block.slice(1).map(row), ""];
  });
}

/**
 * The text with each run of consecutive lines with tab-separated cells (a table) written by
 * `write` from its rows' cells; every other line as it is.
 */
function withTabTables(text: string, write: (rows: string[][]) => string[]): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  const inTable = (line: string | undefined) => line?.includes("\t") === true && line.trim() !== "";
  for (let i = 0; i < lines.length; ) {
    if (!inTable(lines[i])) {
      out.push(lines[i++] as string);
      continue;
    }
    const rows: string[][] = [];
    while (inTable(lines[i])) rows.push((lines[i++] as string).split("\t"));
    out.push(...write(rows));
  }
  return out.join("\n");
}

/**
 * A table row whose first cell is long (50 characters and more) wrapped in its cell and written a
 * line at a time, over two lines (its last three words on the second) or three (five words on the
 * second): the row's figures stand beside the cell's first line, its middle one or its last, as a
 * converter writes a cell's lines one after another.
 */
export function wrapFirstCells(
  text: string,
  figuresBeside: "first line" | "middle line" | "last line",
  lines: 2 | 3 = 2,
): string {
  if (lines === 2)
    return text.replace(/^([^\t\n]{50,}?) (\S+ \S+ \S+)\t([^\t\n]+)$/gm, (_m, start, end, figures) =>
      figuresBeside === "first line" ? `${start}\t${figures}\n${end}` : `${start}\n${end}\t${figures}`,
    );
  return text.replace(
    /^([^\t\n]{40,}?) (\S+ \S+ \S+ \S+ \S+) (\S+ \S+ \S+)\t([^\t\n]+)$/gm,
    (_m, start, middle, end, figures) =>
      figuresBeside === "first line"
        ? `${start}\t${figures}\n${middle}\n${end}`
        : figuresBeside === "middle line"
          ? `${start}\n${middle}\t${figures}\n${end}`
          : `${start}\n${middle}\n${end}\t${figures}`,
  );
}

/**
 * Every key-question table's heading row ("... desistance?  % Yes", "  % 'Yes'") written again
 * after every fourth row, behind a running header, as a table carried over a page repeats it.
 */
export function repeatTableHeadings(text: string): string {
  const out: string[] = [];
  let heading: string | null = null;
  let rows = 0;
  for (const line of text.split("\n")) {
    out.push(line);
    if (/\t%\s*['‘’]?yes['‘’]?\s*$/i.test(line)) {
      heading = line;
      rows = 0;
    } else if (heading && /\t\d+%\s*$/.test(line) && ++rows % 4 === 0) {
      out.push("Inspection of youth offending services: Anytown", heading);
    }
  }
  return out.join("\n");
}

/**
 * The ratings table's rows without their standards' numbers ("Governance and leadership  Good"),
 * as a converter that drops the table's narrow first column writes them (rows whose rating has a
 * cell of its own, in the 1,500 characters after the "Overall rating" row).
 */
export function unnumberRatingsRows(text: string): string {
  const at = text.search(/^Over\s*all rating/im);
  if (at < 0) return text;
  const table = text
    .slice(at, at + 1500)
    .replace(/^\d\.\d\.?\t(?=[A-Z][^\t]*\t(?:Good|Outstanding|Inadequate|Requires improvement))/gm, "");
  return text.slice(0, at) + table + text.slice(at + 1500);
}

/**
 * The ratings table with its "Overall rating" row printed last, below the standards' rows (where
 * the row and its rating share a line; other tables are left as they are).
 */
export function overallRowLast(text: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => /^Over\s*all rating\t.*\S/.test(l));
  if (at < 0) return text;
  const [row] = lines.splice(at, 1);
  let last = at;
  for (let i = at; i < Math.min(lines.length, at + 40); i++)
    if (/^\d\.\d\.?\t/.test(lines[i] as string)) last = i;
  lines.splice(last + 1, 0, row as string);
  return lines.join("\n");
}

/** Prompt letters on a line of their own ("a)" / "Is there ..."), as list labels are written apart. */
export function promptLettersAlone(text: string): string {
  return text.replace(/^([a-z])\) /gm, "$1)\n");
}

/**
 * The report as one with other figures: every whole percentage printed "N%" (not a decimal's
 * tail, "34.2%") replaced by its place in a shuffle of 0..100 drawn from `seed`, the same
 * number always by the same. Returns the text and the shuffle (`to[N]` is what N became).
 */
export function withPercentsShuffled(text: string, seed: number): { text: string; to: number[] } {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const to = Array.from({ length: 101 }, (_, i) => i);
  for (let i = 100; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [to[i], to[j]] = [to[j] as number, to[i] as number];
  }
  const shuffled = text.replace(/(?<![\d.,])(\d{1,3})(\s?%)/g, (m, n: string, sign: string) =>
    Number(n) <= 100 ? `${to[Number(n)]}${sign}` : m,
  );
  return { text: shuffled, to };
}

/**
 * The report as one with larger samples: every count of its count tables (a tab-separated
 * whole number) and every "Of the N cases" they are of, n -> k·n + c (k >= 1, c >= 0: their
 * order kept, yes <= relevant <= sample still). A text without count tables keeps its figures.
 */
export function withCountsMoved(text: string, k = 2, c = 1): string {
  const to = (n: string) => String(k * Number(n) + c);
  return text
    .replace(/(?<=\t)(\d{1,2})(?=\t|\r?$)/gm, to)
    .replace(/\b(Of the )(\d{1,2})( cases)/g, (_m, a: string, n: string, b: string) => `${a}${to(n)}${b}`);
}

/** Percent signs in cells of their own ("86", "%"). */
export function percentSignCells(text: string): string {
  return text.replace(/(\d)%(?=\s*$)/gm, "$1\t%");
}

/**
 * Count tables printing the counts' share as a third column ("Relevant cases" | "Number 'Yes'" |
 * "% 'Yes'"), as a table may give both: every count row gets its share, rounded half up. A text
 * without count tables is returned unchanged.
 */
export function withCountShares(text: string): string {
  return text
    .replace(/^(.*\tRelevant cases\tNumber 'Yes')$/gm, "$1\t% 'Yes'")
    .replace(/^(.*)\t(\d+)\t(\d+)\t?$/gm, (_m, row: string, relevant: string, yes: string) =>
      Number(relevant) > 0
        ? `${row}\t${relevant}\t${yes}\t${Math.round((100 * Number(yes)) / Number(relevant))}%`
        : _m,
    );
}

/** A pipe table's rows (`toMarkdown`'s), each a list of cells, its delimiter row and escapes gone. */
function pipeTableRows(pipeTable: string): string[][] {
  return pipeTable
    .trimEnd()
    .split("\n")
    .filter((row) => !/^\| (?:--- \| )*--- \|$/.test(row))
    .map((row) =>
      row
        .slice(2, -2)
        .split(" | ")
        .map((cell) => cell.replace(/\\([|\\])/g, "$1")),
    );
}

/** A cell's text wrapped at `width` columns, at spaces. */
function wrapCell(cell: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of cell.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out;
}

/** Each column's width: its longest wrapped line (at least 3). */
function columnWidths(rows: string[][], width: number): number[] {
  const columns = Math.max(...rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, k) =>
    Math.max(3, ...rows.flatMap((r) => wrapCell(r[k] ?? "", width).map((l) => l.length))),
  );
}

/** A pipe table (`toMarkdown`'s) as a pandoc grid table, each cell wrapped at `width` columns. */
function gridTable(pipeTable: string, width: number): string {
  const rows = pipeTableRows(pipeTable);
  const wrap = (cell: string) => wrapCell(cell, width);
  const widths = columnWidths(rows, width);
  const border = (rule: string) => `+${widths.map((w) => rule.repeat(w + 2)).join("+")}+`;
  const out = [border("-")];
  rows.forEach((row, i) => {
    const cells = widths.map((_, k) => wrap(row[k] ?? ""));
    const height = Math.max(...cells.map((c) => c.length));
    for (let l = 0; l < height; l++)
      out.push(`| ${cells.map((c, k) => (c[l] ?? "").padEnd(widths[k] as number)).join(" | ")} |`);
    out.push(border(i === 0 ? "=" : "-"));
  });
  return `${out.join("\n")}\n`;
}

/** A pipe table (`toMarkdown`'s) as a pandoc multiline table, each cell wrapped at `width` columns. */
function multilineTable(pipeTable: string, width: number): string {
  const rows = pipeTableRows(pipeTable);
  const widths = columnWidths(rows, width);
  const rule = `  ${"-".repeat(widths.reduce((sum, w) => sum + w + 1, -1))}`;
  const out = [rule];
  rows.forEach((row, i) => {
    const cells = widths.map((_, k) => wrapCell(row[k] ?? "", width));
    const height = Math.max(...cells.map((c) => c.length));
    for (let l = 0; l < height; l++)
      out.push(`  ${cells.map((c, k) => (c[l] ?? "").padEnd(widths[k] as number)).join(" ")}`.trimEnd());
    if (i === 0) out.push(`  ${widths.map((w) => "-".repeat(w)).join(" ")}`);
    else if (i < rows.length - 1) out.push("");
  });
  out.push(rule);
  return `${out.join("\n")}\n`;
}

/**
 * The markdown of `toMarkdown` as other converters write it: what each changes must not change
 * what is read (test/variants.test.ts).
 */
export const MARKDOWN_DIALECTS: Record<string, (markdown: string) => string> = {
  // docling: an HTML comment for every picture, here before each heading and around the title.
  "picture comments (docling)": (md) =>
    md
      .replace(/^(#+ .*)$/gm, "<!-- image -->\n\n$1")
      .replace(
        /^(.*An inspection of youth (?:offending|justice) services in.*)$/m,
        "<!-- image -->\n$1\n<!-- image -->",
      ),
  // ATX headings closed by a run of #s, as CommonMark allows.
  "headings closed by #s": (md) => md.replace(/^(#+) (.*)$/gm, "$1 $2 $1"),
  // pandoc: a line broken inside a paragraph ends in a backslash.
  "hard line breaks as backslashes (pandoc)": (md) => md.replace(/([a-z,])\n(?=[a-z])/g, "$1\\\n"),
  // pymupdf4llm: italics by underscores (here every rating), headings in bold, a rule between pages.
  "italics, bold headings and page rules (pymupdf4llm)": (md) => {
    let paragraph = 0;
    return md
      .replace(/\b(Good|Outstanding|Inadequate|Requires improvement)\b/g, "_$1_")
      .replace(/^(#+) (.*)$/gm, "$1 **$2**")
      .replace(/\n\n(?=[A-Z])/g, (gap) => (++paragraph % 7 === 0 ? "\n\n-----\n\n" : gap));
  },
  // PyMuPDF's Table.to_markdown (pymupdf4llm): a table whose first row it did not take for a
  // header gets a header row of stand-ins, "Col1", "Col2", ..., its first row a body row.
  "stand-in header rows (PyMuPDF)": (md) =>
    md.replace(/^(\| .* \|)\n(\|(?: --- \|)+)$/gm, (_, first: string, delimiter: string) => {
      const width = delimiter.split("---").length - 1;
      return `|${Array.from({ length: width }, (_, k) => `Col${k + 1}`).join("|")}|\n${delimiter}\n${first}`;
    }),
  // PyMuPDF again: a header cell it found empty named by its column's number ("... Service | Col2 |
  // Score | 29/36").
  "stand-ins for empty header cells (PyMuPDF)": (md) =>
    md.replace(/^(\| .* \|)\n(\|(?: --- \|)+)$/gm, (_, first: string, delimiter: string) => {
      const cells = first.slice(2, -2).split(" | ");
      return `| ${cells.map((cell, k) => (cell.trim() === "" ? `Col${k + 1}` : cell)).join(" | ")} |\n${delimiter}`;
    }),
  // Italics by stars, which must not be taken for a rating's discretion marker ("Good*").
  "italic ratings by stars": (md) =>
    md.replace(/\b(Good|Outstanding|Inadequate|Requires improvement)\b/g, "*$1*"),
  // A caption before every table ("Table 3"), as docling keeps them.
  "table captions (docling)": (md) => {
    let table = 0;
    return md.replace(/\n\n(?=\| )/g, () => `\n\nTable ${++table}\n\n`);
  },
  // docling: a cell merged over several columns written in each of them (a section's name across
  // the whole row; "Overall rating" over the number's column; a rating over the score's column).
  "merged cells repeated (docling)": (md) =>
    md.replace(/^\| (.*) \|$/gm, (row, inner: string) => {
      if (/^(?:--- \| )*---$/.test(inner)) return row;
      const cells = inner.split(" | ");
      const filled = cells.filter((c) => c.trim() !== "");
      if (filled.length === 1) return `| ${cells.map(() => filled[0]).join(" | ")} |`;
      cells.forEach((cell, i) => {
        const before = cells[i - 1] ?? "";
        if (cell.trim() !== "" || i === 0) return;
        const ratingSpans = /^(?:Good|Outstanding|Inadequate|Requires improvement)$/.test(before.trim());
        const labelSpans = i === 1 && /^\p{L}/u.test(before) && (cells[2] ?? "").trim() !== "";
        if ((ratingSpans && cells.slice(i).every((c) => c.trim() === "")) || labelSpans) cells[i] = before;
      });
      return `| ${cells.join(" | ")} |`;
    }),
  // Tables without their outer pipes; an empty first heading cell then makes the header one cell
  // short of the delimiter row, and GFM reads the table as a paragraph.
  "pipe tables without outer pipes": (md) => md.replace(/^\| (.*) \|$/gm, "$1"),
  // pandoc's own markdown: a table whose cells wrap written as a multiline table, dashed rules
  // above, under the header and below, cells wrapped in their columns, a blank line between rows.
  "multiline tables (pandoc)": (md) =>
    md.replace(/(?:^\| .* \|$\n?)+/gm, (block) => multilineTable(block, 30)),
  // pandoc: a table whose cells hold more than a line written as a grid table, "+---+" borders
  // and each cell's text wrapped in its column over the row's lines.
  "grid tables (pandoc)": (md) => md.replace(/(?:^\| .* \|$\n?)+/gm, (block) => gridTable(block, 28)),
  // Nougat and Mathpix: tables as LaTeX tabular environments in a table float, rules between
  // rows, LaTeX's special characters escaped; Nougat writes a table on one line, Mathpix a row a line.
  "tables as LaTeX (Nougat, Mathpix)": (md) => {
    let table = 0;
    return md.replace(/(?:^\| .* \|$\n?)+/gm, (block) => {
      const rows = pipeTableRows(block).map((row) =>
        row.map((cell) => cell.replace(/([%&_#])/g, "\\$1")).join(" & "),
      );
      const width = block.split("\n")[0]?.split(" | ").length ?? 1;
      const spec = `{|${"l|".repeat(width)}}`;
      const oneLine = ++table % 2 === 0;
      const body = rows.map((row) => `\\hline ${row} \\\\`).join(oneLine ? " " : "\n");
      return oneLine
        ? `\\begin{table}\n\\begin{tabular}${spec} ${body} \\hline \\end{tabular}\n\\end{table}\n`
        : `\\begin{table}\n\\centering\n\\begin{tabular}${spec}\n${body}\n\\hline\n\\end{tabular}\n\\end{table}\n`;
    });
  },
};

/**
 * Prose lines hard-wrapped at `width` columns, breaking at spaces, as pdftotext (without -layout)
 * prints a paragraph a line at a time and pandoc wraps markdown; table rows (tabs, pipes) stay
 * whole, unless `pipeRowsToo` (as an editor's hard wrap breaks a pipe table's long rows).
 */
export function toWrapped(text: string, width = 80, pipeRowsToo = false): string {
  return text
    .split("\n")
    .flatMap((line) => {
      if (line.includes("\t") || (line.startsWith("|") && !pipeRowsToo) || line.length <= width)
        return [line];
      return wrapCell(line, width).filter((piece) => piece !== "");
    })
    .join("\n");
}

/**
 * A single space for every column gap and every line wrapped at `width`, table rows too, as
 * pypdf and pdftotext without -layout write a PDF's printed lines (a long question breaks
 * before its figure: "...how to keep the" / "child safe? 86%").
 */
export function toPlainWrapped(text: string, width = 90): string {
  return toWrapped(text.replace(/\t+/g, " ").replace(/ +$/gm, ""), width);
}

/**
 * Every table cell on a line of its own, as a PDF viewer's copy or "save as text" and text-box
 * extractors write tables: "1.1" / "Governance and leadership" / "Good".
 */
export function toCellPerLine(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .split("\t")
        .filter((cell) => cell.trim() !== "")
        .join("\n"),
    )
    .join("\n");
}

/** A cell's text as HTML: & and a < that starts no tag escaped; markup (<sup>) kept. */
function htmlCell(cell: string): string {
  return cell
    .trim()
    .replace(/&(?![a-z]+;|#\d+;)/g, "&amp;")
    .replace(/<(?!\/?[a-z])/g, "&lt;");
}

/**
 * Consecutive lines with tab-separated cells become one HTML table written on a single line,
 * as some PDF-to-markdown converters write tables; everything else stays as it is.
 */
export function toHtmlTables(text: string): string {
  return withTabTables(text, (rows) => [
    `<table><tbody>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${htmlCell(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`,
  ]);
}

/** A footnote marker while a page is built: a note's number in brackets no report prints. */
const NOTE = (digits: string) => `\u27E6${digits}\u27E7`;

/**
 * The report as a web page, as a browser saves one: the site's head (title, styles, a script),
 * a cookie banner, navigation and footer around it; each text line a paragraph, tables as HTML
 * tables (toHtmlTables). Written on one line, as most served pages are, or wrapped at `width`
 * columns wherever a space falls, inside tags and rows too (HTML reads the same either way).
 * `lists`: runs of numbered paragraphs ("1. review its board ...") as ordered lists, the numbers
 * left to the browser. `endnotes`: the notes gathered at the end as pandoc and footnote plugins
 * write them (a list whose items link back to their references; the references raised links),
 * each note keeping its number (`value`).
 */
export function toHtmlPage(
  text: string,
  {
    width = null,
    lists = false,
    endnotes = false,
  }: { width?: number | null; lists?: boolean; endnotes?: boolean } = {},
): string {
  const notes: { digits: string; text: string }[] = [];
  let lines = toHtmlTables(endnotes ? markersRewritten(text, NOTE) : text)
    .split("\n")
    .map((line) => line.replace(/\f/g, "").trim())
    .filter((line) => line !== "");
  if (endnotes) {
    lines = lines.filter((line) => {
      const note = /^\u27E6(\d+)\u27E7\s*(.*)$/.exec(line);
      if (note) notes.push({ digits: note[1] as string, text: note[2] as string });
      return !note;
    });
  }
  // (A line keeps its text as written, as toHtmlTables leaves it: a lone "&" or "<" shows as itself.)
  let body = lines.map((line) => (line.startsWith("<table>") ? line : `<p>${line}</p>`)).join("\n");
  if (lists)
    body = body.replace(/(?:<p>\d{1,2}[.)]\s+[^\n<]*<\/p>\n?)+/g, (run) => {
      const items = [...run.matchAll(/<p>(\d{1,2})[.)]\s+([^\n<]*)<\/p>/g)];
      const first = (items[0] as RegExpMatchArray)[1];
      return `<ol start="${first}">${items.map((m) => `<li><p>${m[2]}</p></li>`).join("")}</ol>\n`;
    });
  if (endnotes) {
    body = body.replace(
      /\u27E6(\d+)\u27E7/g,
      (_m, d: string) =>
        `<a href="#fn${d}" class="footnote-ref" id="fnref${d}" role="doc-noteref"><sup>${d}</sup></a>`,
    );
    const items = notes.map(
      (n) =>
        `<li id="fn${n.digits}" value="${n.digits}"><p>${n.text}<a href="#fnref${n.digits}" class="footnote-back" role="doc-backlink">↩︎</a></p></li>`,
    );
    body += `\n<section id="footnotes" class="footnotes" role="doc-endnotes"><hr /><ol>${items.join("")}</ol></section>`;
  }
  const page = [
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Inspection report</title>',
    "<style>body { font-family: sans-serif; } td { border: 1px solid; }</style>",
    "<script>window.dataLayer = window.dataLayer || []; function track() { dataLayer.push(arguments); }</script></head>",
    '<body><div class="cookie-banner"><p>We use cookies to make this site work.</p><button>Accept</button></div>',
    '<a class="skip-link" href="#main">Skip to content</a>',
    '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/inspections/">Inspections</a></li><li><a href="/about/">About us</a></li></ul></nav></header>',
    `<main id="main"><article>${body}</article></main>`,
    '<footer><p>All content is available under the Open Government Licence v3.0.</p><ul><li><a href="/privacy/">Privacy</a></li><li>© Crown copyright</li></ul></footer>',
    "</body></html>",
  ].join("\n");
  if (width === null) return page.replace(/\n/g, "");
  const out: string[] = [];
  let line = "";
  for (const word of page.replace(/\n/g, " ").split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out.join("\n");
}

/**
 * The report as Word saves it as a web page ("Web Page, Filtered"): Word's classes and inline
 * styles, <o:p> tags, tables of fixed-width cells each holding a paragraph, footnote references
 * as bracketed numbers linked to the notes ("<a href=\"#_ftn6\"><span ...>[6]</span></a>"), the
 * notes gathered at the end behind a conditional comment, and the markup wrapped at 80 columns.
 */
export function toWordHtml(text: string): string {
  const page = toHtmlPage(text, { endnotes: true });
  const reference = (d: string, name: string) =>
    `<a href="#_${name === "_ftnref" ? "ftn" : "ftnref"}${d}" name="${name}${d}" title=""><span class=MsoFootnoteReference><span style='font-size:9.0pt'>[${d}]</span></span></a>`;
  const notes: string[] = [];
  const body = (/<article>([\s\S]*)<\/article>/.exec(page)?.[1] ?? "")
    .replace(
      /<a href="#fn(\d+)" class="footnote-ref" id="fnref\d+" role="doc-noteref"><sup>\d+<\/sup><\/a>/g,
      (_m, d: string) => reference(d, "_ftnref"),
    )
    .replace(/<section[\s\S]*<\/section>/, (section) => {
      for (const m of section.matchAll(
        /<li id="fn(\d+)" value="\d+"><p>([\s\S]*?)<a href[^>]*>↩︎<\/a><\/p><\/li>/g,
      ))
        notes.push(
          `<div style='mso-element:footnote' id=ftn${m[1]}><p class=MsoFootnoteText>${reference(m[1] as string, "_ftn")} ${m[2]}<o:p></o:p></p></div>`,
        );
      return "";
    })
    .replace(/<p>/g, "<p class=MsoNormal>")
    .replace(/<\/p>/g, "<o:p></o:p></p>")
    .replace(
      /<table>/g,
      "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>",
    )
    .replace(
      /<td>([\s\S]*?)<\/td>/g,
      "<td width=301 valign=top style='width:225.4pt;padding:0cm 5.4pt'><p class=MsoNormal>$1<o:p></o:p></p></td>",
    );
  const document = [
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">',
    '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered)">',
    "<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt;} --></style></head>",
    "<body lang=EN-GB style='word-wrap:break-word'><div class=WordSection1>",
    body,
    "</div><div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width=\"33%\"><![endif]>",
    ...notes,
    "</div></body></html>",
  ].join("\n");
  return document.replace(/([^\n]{60,80}?) /g, "$1\n");
}

function main(): void {
  const corpus = join(import.meta.dirname, "..", "corpus");
  const dir = process.argv[2] ?? join(import.meta.dirname, "..", "out", "variants");
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(corpus).filter((f) => f.endsWith(".txt"))) {
    const text = readFileSync(join(corpus, name), "utf8");
    const stem = basename(name, ".txt");
    writeFileSync(join(dir, `${stem}.spaces.txt`), toSpaces(text));
    writeFileSync(join(dir, `${stem}.md`), toMarkdown(text));
    writeFileSync(join(dir, `${stem}.html-tables.md`), toHtmlTables(text));
    writeFileSync(join(dir, `${stem}.web-page.html`), toHtmlPage(text));
    writeFileSync(join(dir, `${stem}.web-page-wrapped.html`), toHtmlPage(text, { width: 80 }));
    writeFileSync(
      join(dir, `${stem}.web-page-lists-endnotes.html`),
      toHtmlPage(text, { lists: true, endnotes: true }),
    );
    writeFileSync(join(dir, `${stem}.word-web-page.htm`), toWordHtml(text));
    writeFileSync(join(dir, `${stem}.wrapped.txt`), toWrapped(text, 80));
    writeFileSync(join(dir, `${stem}.wrapped.md`), toWrapped(toMarkdown(text), 72));
    writeFileSync(join(dir, `${stem}.cell-per-line.txt`), toCellPerLine(text));
    writeFileSync(join(dir, `${stem}.single-space.txt`), text.replace(/\t+/g, " "));
    writeFileSync(join(dir, `${stem}.plain-wrapped.txt`), toPlainWrapped(text));
    writeFileSync(join(dir, `${stem}.cells-wrapped-figure-first.txt`), wrapFirstCells(text, "first line"));
    writeFileSync(join(dir, `${stem}.cells-wrapped-figure-last.txt`), wrapFirstCells(text, "last line"));
    writeFileSync(
      join(dir, `${stem}.cells-wrapped-3-figure-middle.txt`),
      wrapFirstCells(text, "middle line", 3),
    );
    writeFileSync(join(dir, `${stem}.prompt-letters-alone.txt`), promptLettersAlone(text));
    writeFileSync(join(dir, `${stem}.ratings-rows-unnumbered.txt`), unnumberRatingsRows(text));
    writeFileSync(join(dir, `${stem}.overall-row-last.txt`), overallRowLast(text));
    writeFileSync(join(dir, `${stem}.table-headings-repeated.txt`), repeatTableHeadings(text));
    writeFileSync(join(dir, `${stem}.percent-sign-cells.txt`), percentSignCells(text));
    writeFileSync(join(dir, `${stem}.pipe-rows.txt`), toPipeRows(text));
    writeFileSync(join(dir, `${stem}.pipe-rows-wrapped.txt`), toWrapped(toPipeRows(text), 80, true));
    writeFileSync(join(dir, `${stem}.bracketed-markers.txt`), toBracketedMarkers(text));
    writeFileSync(join(dir, `${stem}.plain-digit-markers.txt`), toPlainDigitMarkers(text));
    writeFileSync(join(dir, `${stem}.back-to-top.txt`), withBackToTop(text));
    writeFileSync(join(dir, `${stem}.shared-transcript.txt`), asSharedTranscript(text));
    writeFileSync(join(dir, `${stem}.paragraph-lines.txt`), toParagraphLines(text));
    writeFileSync(join(dir, `${stem}.indented.txt`), indentedThroughout(text, "    "));
    writeFileSync(join(dir, `${stem}.page-lines.txt`), toPageLines(text));
    writeFileSync(join(dir, `${stem}.ligatures-dropped.txt`), withLigaturesDropped(text));
    writeFileSync(join(dir, `${stem}.mojibake.txt`), asMojibake(text));
    writeFileSync(join(dir, `${stem}.cells-glued.txt`), withCellsGlued(text));
    if (withCountShares(text) !== text)
      writeFileSync(join(dir, `${stem}.count-shares.txt`), withCountShares(text));
    for (const [dialect, write] of Object.entries(MARKDOWN_DIALECTS))
      writeFileSync(
        join(dir, `${stem}.${dialect.replace(/\W+/g, "-").replace(/-$/, "")}.md`),
        write(toMarkdown(text)),
      );
  }
  console.log(`wrote variants to ${dir}`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
