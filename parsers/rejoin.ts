// rejoin: a report whose table rows were written one cell per line -> rows again. Some
// converters (a PDF viewer's copy or "save as text", text-box extractors) write every table cell
// as a line of its own: "1.1" / "Governance and leadership" / "Good", or a key question and then
// its "86%". The section parsers read a row from the cells of one line, so such a text loses
// its ratings table and key-question tables. Only texts with (almost) no line of several cells
// are rejoined, and only where a cell cannot be read any other way: a standard's number, a
// rating or a figure directly after the label or question it belongs to. A figure whose label
// comes after it (the contextual facts print "233" before "First-time entrant rate") is left
// alone: joined to the line before, it would give a figure to the wrong label.
import type { Line, NormalisedDocument } from "./lines.js";
import { NOT_APPLICABLE, QUESTION_START } from "./questions.js";
import { countCell, percentCell, ratingOnly } from "./text.js";

/** A domain's, standard's or key question's number: "2.", "2.1", "2.1.3." (a lone "2" is a count). */
const NUMBER = /^\d(?:\.\d{1,2}){0,2}\.$|^\d(?:\.\d{1,2}){1,2}$/;
const SCORE = /^\d{1,2}\s*\/\s*36$/;
/** A rating, with the symbol or asterisk some tables print after it. */
const isRating = (cell: string) => ratingOnly(cell) !== null;
const isFigure = (cell: string) =>
  percentCell(cell) !== null || countCell(cell) !== null || NOT_APPLICABLE.test(cell.trim());
/** The column headings of a key-question table. */
const TABLE_HEADING = /^(?:%\s*['‘’"“”]?yes['‘’"“”]?|relevant cases|number\s*['‘’"“”]?yes['‘’"“”]?)$/i;

/** A row label a rating or score follows: short, and no sentence or clause ends there. */
function isLabel(cells: string[]): boolean {
  const text = cells.join(" ");
  return text.length <= 80 && !/[.,;:?!]$/.test(text) && !cells.some((c) => isRating(c) || SCORE.test(c));
}

/** A key question or prompt: it ends with "?", or starts as one (its cell wrapped past its figures). */
function isQuestion(text: string): boolean {
  return text.endsWith("?") || QUESTION_START.test(text);
}

function isQuestionRow(cells: string[]): boolean {
  const figures = cells.slice(1);
  return isQuestion(cells[0] ?? "") && figures.length < 2 && figures.every(isFigure);
}

/** Whether `cell`, on a line of its own, is the next cell of the row `row` has begun. */
function continuesRow(row: string[], cell: string): boolean {
  const last = row[row.length - 1] ?? "";
  if (row.length === 1 && NUMBER.test(last)) return true;
  // A cell split mid-word ("Over" / "all rating", "provi" / "sion Inadequate"): as with a tab
  // inside a cell, the pieces become cells of one row.
  if (/^[a-z]/.test(cell) && /[a-z]$/i.test(last) && !isRating(last) && last.length <= 60 && row.length <= 3)
    return true;
  if (isRating(cell) || SCORE.test(cell)) return isLabel(row);
  if (isFigure(cell)) return isQuestionRow(row);
  // After the table's caption ("Of the 8 cases inspected:", its footnote number glued on).
  if (TABLE_HEADING.test(cell))
    return /:\s*\d{0,2}$/.test(last) || /^Of the\b/i.test(last) || TABLE_HEADING.test(last);
  return false;
}

const isValue = (cell: string) => isRating(cell) || percentCell(cell) !== null;

/** A text written a cell per line: many ratings and percentages on lines of their own, hardly any ending a row. */
function isCellPerLine(lines: Line[]): boolean {
  let rows = 0;
  let loneValues = 0;
  for (const line of lines) {
    if (!isValue(line.cells[line.cells.length - 1] ?? "")) continue;
    if (line.cells.length > 1) rows++;
    else loneValues++;
  }
  return rows <= 3 && loneValues >= 8;
}

/**
 * The two counts of key-question rows ("Relevant cases", "Number 'Yes'"), which the normaliser,
 * seeing lone whole numbers, took for page numbers. Only an exact pair straight after a question
 * counts: a page number beside them would make three, and the row is then left unread.
 */
function countPairs(doc: NormalisedDocument): Line[] {
  if (!doc.lines.some((l) => /relevant cases/i.test(l.flat))) return [];
  const numbers = doc.furniture.filter((l) => /^\d{1,3}$/.test(l.flat));
  const text = new Map(doc.lines.map((l) => [l.line, l]));
  const written = new Set(
    [...doc.lines, ...doc.furniture, ...doc.footnotes.map((f) => f.line)].map((l) => l.line),
  );
  // Next to each other, or with a blank line between.
  const adjacent = (a: Line, b: Line) =>
    b.line - a.line === 1 || (b.line - a.line === 2 && !written.has(a.line + 1));
  const pairs: Line[] = [];
  for (let i = 0; i + 1 < numbers.length; i++) {
    const relevant = numbers[i] as Line;
    const yes = numbers[i + 1] as Line;
    const [before, after] = [numbers[i - 1], numbers[i + 2]];
    if (!adjacent(relevant, yes) || (before && adjacent(before, relevant)) || (after && adjacent(yes, after)))
      continue;
    const question = text.get(relevant.line - 1) ?? text.get(relevant.line - 2);
    if (!question || !isQuestion(question.flat) || !adjacent(question, relevant)) continue;
    pairs.push(relevant, yes);
    i++;
  }
  return pairs;
}

export function rejoinRows(doc: NormalisedDocument): NormalisedDocument {
  if (!isCellPerLine(doc.lines)) return doc;
  const counts = countPairs(doc);
  const stream = counts.length > 0 ? [...doc.lines, ...counts].sort((a, b) => a.line - b.line) : doc.lines;
  const lines: Line[] = [];
  // The source line each row ends on: a cell continues a row only from the line after it (or
  // after one blank line), never across furniture, a footnote or text.
  let rowEnd = Number.NEGATIVE_INFINITY;
  for (const line of stream) {
    const row = lines[lines.length - 1];
    const cell = line.cells[0];
    if (
      row &&
      cell !== undefined &&
      line.cells.length === 1 &&
      line.line - rowEnd <= 2 &&
      continuesRow(row.cells, cell)
    ) {
      row.cells = [...row.cells, cell];
      row.flat = row.cells.join(" ");
      row.raw = `${row.raw.trimEnd()}\t${line.raw.trim()}`;
      row.markers = [...row.markers, ...line.markers];
    } else {
      lines.push({ ...line, index: lines.length });
    }
    rowEnd = line.line;
  }
  const furniture = counts.length > 0 ? doc.furniture.filter((l) => !counts.includes(l)) : doc.furniture;
  return { ...doc, lines, furniture };
}
