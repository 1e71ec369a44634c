// Markdown's GFM tables: each row's cells by the row's source line. Loaded only for a markdown
// file that has such a table (parsers/normalise.ts). A table of plain cells is read here; any
// other block that may hold a table goes to remark. (remark reads some 1.5 MB a second: the
// whole of a report took it 90 ms, eighteen times the rest of the pipeline.)
import type { Root, Table } from "mdast";
import { toString as mdToString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { pipeCells } from "./text.js";

/** remark with GFM, made once: making it costs as much as parsing a report's tables with it. */
const GFM = unified().use(remarkParse).use(remarkGfm).freeze();

/** `markdown`: the text, or its lines. */
export function gfmTableRows(markdown: string | string[]): {
  rows: Map<number, string[]>;
  delimiterLines: Set<number>;
} {
  const rows = new Map<number, string[]>();
  const delimiterLines = new Set<number>();
  // The blocks not read here go to remark at once, a blank line between each (a table ends at a
  // blank line): `fileLine` maps a line of that text back to the file's.
  const lines = typeof markdown === "string" ? markdown.split(/\r\n|\r|\n/) : markdown;
  const { text: blocks, fileLine } = blocksWithDelimiterRow(lines, (block, first) => {
    const table = plainTable(block);
    if (!table) return false;
    table.forEach((cells, k) => rows.set(first + (k === 0 ? 0 : k + 1), cells));
    delimiterLines.add(first + 1);
    return true;
  });
  if (fileLine.length === 0) return { rows, delimiterLines };
  const tree = GFM.parse(blocks) as Root;
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "table") {
      const table = node as Table;
      for (const row of table.children) {
        const start = row.position?.start.line;
        if (start === undefined) continue;
        rows.set(
          fileLine[start - 1] as number,
          row.children.map((cell) => mdToString(cell)),
        );
      }
      const first = table.children[0]?.position?.start.line;
      if (first !== undefined) delimiterLines.add(fileLine[first] as number);
      return;
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(tree);
  return { rows, delimiterLines };
}

/** A line that may be a GFM delimiter row: hyphens, colons, spaces and pipes, a hyphen at least. */
const DELIMITER_LIKE = /^[\s|:-]*-[\s|:-]*$/;

/**
 * The runs of non-blank `lines` that hold a line like a table's delimiter row and that `readHere`
 * did not read, a blank line between each; and for each of their lines, its line in the file
 * (the blank lines between: 0).
 */
function blocksWithDelimiterRow(
  lines: string[],
  readHere: (block: string[], firstLine: number) => boolean,
): { text: string; fileLine: number[] } {
  const out: string[] = [];
  const fileLine: number[] = [];
  let start = 0;
  let hasDelimiter = false;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    if (line === undefined || line.trim() === "") {
      if (hasDelimiter && !readHere(lines.slice(start, i), start + 1)) {
        if (out.length > 0) {
          out.push("");
          fileLine.push(0);
        }
        for (let k = start; k < i; k++) {
          out.push(lines[k] as string);
          fileLine.push(k + 1);
        }
      }
      start = i + 1;
      hasDelimiter = false;
    } else if (!hasDelimiter && line.includes("|") && DELIMITER_LIKE.test(line)) hasDelimiter = true;
  }
  return { text: out.join("\n"), fileLine };
}

/**
 * What would make remark read a row otherwise than as written: escapes, links and images,
 * autolinks ("<http://...>", "<a@b.org>"), entities ("&amp;"), and emphasis, code or
 * strikethrough where their mark comes twice (once, as in "Outstanding*" or a quote opened by a
 * backtick, it is text). Inline HTML ("<sup>3</sup>") is kept as written by remark too.
 */
const INLINE_SYNTAX = /[\\[\]]|<[A-Za-z][\w+.-]*:|<[^\s<>@]+@|&[A-Za-z#]/;
const PAIRED_MARKS = ["*", "_", "`", "~"];
const readAsWritten = (row: string) =>
  !INLINE_SYNTAX.test(row) && PAIRED_MARKS.every((mark) => row.indexOf(mark) === row.lastIndexOf(mark));

/** A pipe row, not indented as code. */
const PIPE_ROW = /^ {0,3}\|/;

/**
 * A block that is one table and nothing else, every line a pipe row of plain text: its rows'
 * cells (the header's first, no delimiter row), as remark reads them; else null.
 */
function plainTable(block: string[]): string[][] | null {
  if (block.length < 2 || block.some((l) => !PIPE_ROW.test(l) || !readAsWritten(l))) return null;
  const cells = (row: string) => pipeCells(row).map((c) => c.trim());
  const header = cells(block[0] as string);
  const delimiter = cells(block[1] as string);
  // (GFM: a header with as many cells as the delimiter row, or no table.)
  if (header.length !== delimiter.length || !delimiter.every((c) => /^:?-+:?$/.test(c))) return null;
  return [header, ...block.slice(2).map(cells)];
}
