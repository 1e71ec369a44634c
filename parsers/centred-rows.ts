// Tables without cell padding whose figures are centred vertically beside wrapped labels: rows
// spaced like a label's own lines, told apart by the symmetry of their figures. Shared by the PDF
// reader (lines from positioned text) and layout text (pdftotext -layout), which give the same
// picture: the labels' lines, and where each row's figures stand among them.
import { PROMPT_LETTER, RUNS_ON, joinWrapped, ratingOnly } from "./text.js";

/**
 * "86%", "441,290", "10–14", "8.5", "61 (88%)": a figure, a range, or a count with its share,
 * never the run-on of a wrapped cell.
 */
export const FIGURE_CELL = /^[\d.,]+\s*%?(?:\s*\(\s*[\d.,]+\s*%\s*\))?$|^\d+\s*[-–]\s*\d+(?:\s*years)?$/;

/** A figure, or a rating alone in its cell: what a table centres beside a taller cell. */
export function figureOrRating(text: string): boolean {
  return FIGURE_CELL.test(text.trim()) || ratingOnly(text) !== null;
}

/** A table cell and where it stands on its line (points or characters). */
export interface PlacedCell {
  x: number;
  end: number;
  text: string;
}

/**
 * The cells of a row's lines joined by column (starts within two units): a wrapped label's
 * pieces, top to bottom, as one cell.
 */
export function joinedByColumn<C extends PlacedCell>(cells: C[]): C[] {
  const joined: C[] = [];
  for (const c of cells) {
    const cell = joined.find((d) => Math.abs(d.x - c.x) <= 2);
    if (cell) {
      cell.text = joinWrapped(cell.text.trimEnd(), c.text.trim());
      cell.end = Math.max(cell.end, c.end);
    } else joined.push({ ...c });
  }
  return joined;
}

/** The items in runs: consecutive, split wherever two neighbours are not `together`. */
export function runsOf<T>(items: T[], together: (above: T, below: T) => boolean): T[][] {
  const runs: T[][] = [];
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i < items.length && together(items[i - 1] as T, items[i] as T)) continue;
    if (i > start) runs.push(items.slice(start, i));
    start = i;
  }
  return runs;
}

/**
 * A run cut at each line with text in a column where the run prints figures (prose, a heading
 * row), each such line a part of its own. (Figures only: a ratings column also holds a wrapped
 * rating's pieces, "Requires" / "improvement".)
 */
export function partsBesideFigures<T>(run: T[], cellsOf: (line: T) => PlacedCell[]): T[][] {
  const figures = run.flatMap((l) => cellsOf(l).filter((c) => FIGURE_CELL.test(c.text.trim())));
  if (figures.length === 0) return [run];
  const overlaps = (c: PlacedCell) => figures.some((f) => Math.min(f.end, c.end) > Math.max(f.x, c.x));
  const parts: T[][] = [[]];
  for (const line of run) {
    if (cellsOf(line).some((c) => !FIGURE_CELL.test(c.text.trim()) && overlaps(c))) {
      parts.push([line], []);
      continue;
    }
    (parts[parts.length - 1] as T[]).push(line);
  }
  return parts.filter((p) => p.length > 0);
}

/** A row found: label lines `from` to `to`, and the figure group it holds (null: none). */
export interface CentredRow {
  from: number;
  to: number;
  group: number | null;
}

/**
 * The rows of a run read by the symmetry of its centred figures, or null when they do not fit.
 * `labels`: the text of each of the run's label lines, in order. `middles`: where each figure
 * group stands, in half lines from the first label line (2k: on label line k; 2k + 1: between
 * lines k and k + 1), in order. `firstHasFigure`: the first label line carries a figure.
 *
 * From the run's first line each figure fixes where its row ends (as far below the figure as the
 * row's start is above it), and the next row starts on the line after. Rows without a figure (a
 * title, a key question heading its prompts) may stand between: up to three lines each, as few
 * lines in those as will do. Rows meet only where the text allows (a label ends there: no comma
 * or joining word; the next begins with a capital, a number or a prompt's letter), and the rows
 * must end on the run's last line. The figures must be proved centred: one between two lines,
 * or (every row with its figure) the run's first line without one; top-aligned figures stand on
 * their rows' first lines, and rows without figures could be counted to fit them.
 */
export function rowsBySymmetry(
  labels: string[],
  middles: number[],
  firstHasFigure: boolean,
): CentredRow[] | null {
  const n = labels.length;
  if (n < 3 || middles.length < 2) return null;
  const rowsMeet = (k: number) =>
    k === 0 ||
    (!RUNS_ON.test(labels[k - 1] as string) &&
      (/^[A-Z0-9"“'‘]/.test(labels[k] as string) || PROMPT_LETTER.test(labels[k] as string)));
  const memo = new Map<number, CentredRow[] | null>();
  const bare = (rows: CentredRow[]) =>
    rows.reduce((sum, r) => sum + (r.group === null ? r.to - r.from + 1 : 0), 0);
  const rowsFrom = (from: number, next: number): CentredRow[] | null => {
    if (from === n) return next === middles.length ? [] : null;
    const key = from * (middles.length + 1) + next;
    if (memo.has(key)) return memo.get(key) ?? null;
    let best: CentredRow[] | null = null;
    if (rowsMeet(from)) {
      const middle = middles[next];
      const to = middle !== undefined ? middle - from : -1;
      const rest = middle !== undefined && to >= from && to < n ? rowsFrom(to + 1, next + 1) : null;
      if (rest) best = [{ from, to, group: next }, ...rest];
      for (let to = from; to < Math.min(n, from + 3) && (middle === undefined || 2 * to < middle); to++) {
        const after = rowsFrom(to + 1, next);
        const lines = to - from + 1;
        if (after && (!best || bare(after) + lines < bare(best)))
          best = [{ from, to, group: null }, ...after];
      }
    }
    memo.set(key, best);
    return best;
  };
  const rows = rowsFrom(0, 0);
  if (!rows || rows.every((r) => r.to === r.from)) return null;
  const between = middles.some((m) => m % 2 !== 0);
  if (!between && (firstHasFigure || bare(rows) > 0)) return null;
  return rows;
}
