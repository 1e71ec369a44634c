// Multiline tables, as pandoc writes a table whose cells wrap (docx or HTML to markdown, its
// default markdown): dashed rules above and below, the header's columns marked by a rule of
// dashes under it, each cell's text wrapped within its column, a blank line between rows.
//   -------------------------------------------
//   Key question                      % 'Yes'
//   --------------------------------- --------
//   Does assessment sufficiently      86%
//   analyse how to keep other people
//   safe?
//
//   Does planning ...                 71%
//   -------------------------------------------
// Each row becomes a line of cells, at the source line where the row starts.
import type { SourceLine } from "./normalise.js";

/** The rule above and below the table: dashes alone, across it. */
export const TABLE_RULE = /^\s*-{8,}\s*$/;
/** The rule under the header: a run of dashes a column, spaces between. */
export const COLUMN_RULE = /^\s*-{3,}(?: +-{3,})+\s*$/;
/** The most lines from the table's rule to its rule of columns (a header wrapped over lines). */
export const HEADER_SPAN = 16;

/** Where each column starts and ends, from the dashes of the rule under the header. */
function columnsOf(rule: string): [number, number][] {
  return [...rule.matchAll(/-+/g)].map((m) => [m.index as number, (m.index as number) + m[0].length]);
}

/**
 * A row's cells: each column's text on each of its lines, joined. A column's text runs from its
 * start to the next column's (a cell may run past its dashes), or to the line's end.
 */
function rowCells(group: SourceLine[], columns: [number, number][]): string[] {
  return columns.map(([start], k) => {
    const next = columns[k + 1]?.[0];
    return group
      .map((l) => l.raw.slice(start, next).trim())
      .filter((text) => text !== "")
      .join(" ");
  });
}

/** Whether no line of the rows writes text across a gap between two columns (the table is aligned). */
function aligned(rows: SourceLine[][], columns: [number, number][]): boolean {
  return rows.every((group) =>
    group.every((l) =>
      columns.slice(1).every(([start]) => l.raw[start - 1] === undefined || l.raw[start - 1] === " "),
    ),
  );
}

export function multilineTableRows(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => COLUMN_RULE.test(l.raw))) return lines;
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const top = lines[i] as SourceLine;
    // The header: its lines between the table's top rule and the rule of columns.
    let ruleAt = i + 1;
    while (
      ruleAt < lines.length &&
      ruleAt <= i + HEADER_SPAN &&
      !COLUMN_RULE.test((lines[ruleAt] as SourceLine).raw)
    )
      ruleAt++;
    if (
      top.cells ||
      !TABLE_RULE.test(top.raw) ||
      ruleAt >= lines.length ||
      !COLUMN_RULE.test((lines[ruleAt] as SourceLine).raw)
    ) {
      out.push(top);
      continue;
    }
    const end = lines.findIndex((l, k) => k > ruleAt && TABLE_RULE.test(l.raw));
    if (end < 0) {
      out.push(top);
      continue;
    }
    const columns = columnsOf((lines[ruleAt] as SourceLine).raw);
    // Rows: the header's lines, then each run of lines between blank lines.
    const groups: SourceLine[][] = [lines.slice(i + 1, ruleAt).filter((l) => l.raw.trim() !== "")];
    let group: SourceLine[] = [];
    for (const l of lines.slice(ruleAt + 1, end)) {
      if (l.raw.trim() === "") {
        if (group.length > 0) groups.push(group);
        group = [];
      } else group.push(l);
    }
    if (group.length > 0) groups.push(group);
    const rows = groups.filter((g) => g.length > 0);
    if (!aligned(rows, columns)) {
      out.push(top);
      continue;
    }
    for (const row of rows) {
      const first = row[0] as SourceLine;
      out.push({
        line: first.line,
        page: first.page,
        raw: row.map((l) => l.raw.trim()).join("\n"),
        cells: rowCells(row, columns),
      });
    }
    i = end;
  }
  return out;
}
