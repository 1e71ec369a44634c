// Grid tables, as pandoc writes a table whose cells hold more than a line (docx or HTML to
// markdown): "+----+----+" borders, "|" between cells, a cell's text wrapped over the row's lines.
//   +---------------------+-------+
//   | 1.1 Governance and  | Good  |
//   | leadership          |       |
//   +---------------------+-------+
// Each row becomes a line of cells, at the source line where the row starts.
import type { SourceLine } from "./normalise.js";

/** A border: "+---+---+", "+===+===+" under the header, ":" marking alignment. */
export const BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const ROW_LINE = /^\s*\|.*\|\s*$/;

/** Where a border's "+"s stand: the column edges every line of the table shares. */
function edges(border: string): number[] {
  const at: number[] = [];
  for (let i = border.indexOf("+"); i >= 0; i = border.indexOf("+", i + 1)) at.push(i);
  return at;
}

/** A row's cells from its lines: each column's text at the border's edges, its lines joined. */
function rowCells(group: SourceLine[], at: number[]): string[] | null {
  const columns: string[][] = at.slice(1).map(() => []);
  for (const { raw } of group) {
    // (A line whose "|"s do not stand at the edges, a wide character or a tab before them, is
    // not split by position: its cells are read between its "|"s.)
    const aligned = at.every((p) => raw[p] === "|");
    const cells = aligned
      ? at.slice(1).map((p, k) => raw.slice((at[k] as number) + 1, p))
      : raw.trim().slice(1, -1).split("|");
    if (cells.length !== columns.length) return null;
    cells.forEach((cell, k) => {
      if (cell.trim()) (columns[k] as string[]).push(cell.trim());
    });
  }
  return columns.map((lines) => lines.join(" "));
}

export function gridTableRows(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => !l.cells && BORDER.test(l.raw))) return lines;
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const border = lines[i] as SourceLine;
    if (border.cells || !BORDER.test(border.raw) || !ROW_LINE.test(lines[i + 1]?.raw ?? "")) {
      out.push(border);
      continue;
    }
    const at = edges(border.raw);
    let group: SourceLine[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] as SourceLine;
      if (ROW_LINE.test(l.raw) && !l.cells) {
        group.push(l);
        continue;
      }
      if (!BORDER.test(l.raw)) break;
      const cells = group.length > 0 ? rowCells(group, at) : null;
      const first = group[0];
      if (first) {
        // (A row whose lines cannot be split into the table's columns is left as written.)
        if (cells)
          out.push({
            line: first.line,
            page: first.page,
            raw: group.map((g) => g.raw.trim()).join("\n"),
            cells,
          });
        else out.push(...group);
      }
      group = [];
    }
    // A table cut short (no border after its last row): those lines as written.
    out.push(...group);
    i = j - 1;
  }
  return out;
}
