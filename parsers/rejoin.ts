// rejoin: a report whose table rows were written one cell per line -> rows again. Some
// converters (a PDF viewer's copy or "save as text", text-box extractors) write every table cell
// as a line of its own: "1.1" / "Governance and leadership" / "Good", or a key question and then
// its "86%". The section parsers read a row from the cells of one line, so such a text loses
// its ratings table and key-question tables. Only texts with (almost) no line of several cells
// are rejoined, and only where a cell cannot be read any other way: a standard's number, a
// rating or a figure directly after the label or question it belongs to. The contextual facts
// and the sections' staffing tables are rejoined by their own rule (factRows): there a figure
// may come before its label ("233" / "First-time entrant rate ...") or after it, and which one
// a block of the table uses is settled by its first pair.
import type { FactGroup, ReportWarning } from "../schemas/report.js";
import { columnTables } from "./columns.js";
import {
  AGE_BAND,
  COLUMN_FITS,
  FACT_FIGURE,
  FACT_TABLE_START,
  FIGURE_ALONE,
  SHARE_ALONE,
  SPLIT_HEADERS,
  columnNamePiece,
  factTableHeading,
  fitsLabel,
  groupOf,
  leadingFigure,
} from "./facts.js";
import { NOTE_END, NOTE_START } from "./footnotes.js";
import { ALL_STANDARD_DEFINITIONS, spellsStandardName, splitTolerance } from "./framework.js";
import {
  type Footnote,
  type Line,
  type NormalisedDocument,
  lastLineOf,
  lineOfParts,
  provenanceOf,
} from "./lines.js";
import {
  CAPTION_START,
  FIRST_LINE_COUNT,
  KEY_QUESTION_NUMBER,
  NOT_APPLICABLE,
  PERCENT_HEADER,
  QUESTION_START,
  SPLIT_COUNTS,
  isColumnHeading,
  isKeyQuestionText,
  isShareOf,
  isUnfiguredPrompt,
  pastHeadingsAgain,
} from "./questions.js";
import { isOverallRatingLine, standardHeading } from "./segment.js";
import {
  AREA_NAME,
  RUNS_ON,
  countCell,
  isRunningHeader,
  joinWrapped,
  percentCell,
  ratingOnly,
  wholeLabel,
} from "./text.js";

/** A domain's, standard's or key question's number: "2.", "2.1", "2.1.3." (a lone "2" is a count). */
const NUMBER = /^\d(?:\.\d{1,2}){0,2}\.$|^\d(?:\.\d{1,2}){1,2}$/;
const SCORE = /^\d{1,2}\s*\/\s*36$/;
/** A rating, with the symbol or asterisk some tables print after it. */
const isRating = (cell: string) => ratingOnly(cell) !== null;
const isFigure = (cell: string) =>
  percentCell(cell) !== null || countCell(cell) !== null || NOT_APPLICABLE.test(cell.trim());

/** A row label a rating or score follows: short, and no sentence or clause ends there. */
function isLabel(cells: string[]): boolean {
  const text = cells.join(" ");
  return text.length <= 80 && !/[.,;:?!]$/.test(text) && !cells.some((c) => isRating(c) || SCORE.test(c));
}

/** A score or a range of scores alone: "3", "19-30" (a scoring table's first column). */
const SCORE_CELL = /^\d{1,2}(?:\s*(?:[-–—]|to)\s*\d{1,2})?$/;

/**
 * The last two rows are scores alone, one line after the other: a scoring table written a
 * column at a time ("19-30" / "31-36" / "Good" / "Outstanding"), whose ratings are no one row's.
 */
function inColumnOfScores(rows: Line[]): boolean {
  const [above, row] = [rows[rows.length - 2], rows[rows.length - 1]];
  return (
    above !== undefined &&
    row !== undefined &&
    row.line - above.line === 1 &&
    [above, row].every((l) => l.cells.length === 1 && SCORE_CELL.test(l.flat))
  );
}

/**
 * The last two rows are labels alone, and the rating after them is followed by another: a table
 * written a column at a time, its labels then its ratings ("Reasonable majority: 65-79%" /
 * "Large majority: 80%+" / "Inadequate" / "Requires improvement" ..., pdfminer's boxes), whose
 * first rating is the first label's, not the last's.
 */
function inColumnOfLabels(rows: Line[], next: Line | undefined): boolean {
  const [above, row] = [rows[rows.length - 2], rows[rows.length - 1]];
  return (
    above !== undefined &&
    row !== undefined &&
    next !== undefined &&
    row.line - above.line <= 2 &&
    [above, row].every((l) => l.cells.length === 1 && isLabel(l.cells)) &&
    next.cells.length === 1 &&
    // (Or a rating wrapped in its cell, "Requires" / "improvement".)
    (isRating(next.flat) || /^requires$/i.test(next.flat))
  );
}

/** A question its percentage follows after a single space, the row's figure already read. */
const QUESTION_WITH_PERCENT = /\?\s+\d{1,3}(?:\.\d+)?\s*%$/;

/** A key question or prompt: it ends with "?", or starts as one (its cell wrapped past its figures). */
function isQuestion(text: string): boolean {
  return text.endsWith("?") || QUESTION_START.test(text);
}

/**
 * Whether `figure`, on a line of its own, is the next figure of the question row `cells`: its
 * first, or the second of two counts ("Relevant cases", "Number 'Yes'"). A row prints one
 * percentage, so a figure after one is another row's (pdftotext writing a cell drawn past its
 * column at the page's end: "... the wider familial" / "89%" / "56%", the 56 % a row's above).
 */
function isQuestionRow(cells: string[], figure: string): boolean {
  const figures = cells.slice(1);
  if (!isQuestion(cells[0] ?? "") || !figures.every(isFigure)) return false;
  // A table printing both counts and their share ("Relevant cases", "Number 'Yes'", "% 'Yes'"):
  // a percentage after the row's two counts is theirs where it is their share.
  if (figures.length === 2) {
    const percent = percentCell(figure);
    return (
      percent !== null && isShareOf(countCell(figures[0] as string), countCell(figures[1] as string), percent)
    );
  }
  if (figures.length > 2) return false;
  // (Its percentage already after it, a single space between: "... desistance? 88%" / "50%".)
  if (QUESTION_WITH_PERCENT.test(cells[0] as string)) return false;
  if (figures.length === 0) return true;
  if (percentCell(figures[0] as string) !== null || percentCell(figure) !== null) return false;
  // (A 'Yes' count above the relevant cases beside it cannot be the row's: another row's count,
  // which a converter writing cells a box at a time put after this one, pdfminer's.)
  const [relevant, yes] = [countCell(figures[0] as string), countCell(figure)];
  return relevant === null || yes === null || yes <= relevant;
}

/**
 * Whether `cell` carries on the question or table caption `row` holds, its text wrapped in its
 * cell ("2.1.1. Does assessment ... the child or young" / "person's desistance?", "Of the 7
 * cases where ... keeping the child" / "safe:"): lower case, after a question or caption not
 * yet ended.
 */
function continuesQuestion(row: string[], cell: string): boolean {
  const text = row[row.length - 1] as string;
  return (
    (row.length === 1 || (row.length === 2 && NUMBER.test(row[0] as string))) &&
    // (In lower case, or after a word that cannot end a question: "... with the work of the" /
    // "YOT?".)
    (/^[a-z(]/.test(cell) || RUNS_ON.test(text.replace(/\s\d{1,3}$/, ""))) &&
    !isFigure(cell) &&
    !/[?:]\s*\d{0,2}$/.test(text) &&
    // (A figure at its end is the row's, printed beside the question's first line: "... wider
    // familial 59%" / "and social context of the child?". The question parser reads the rest.)
    !/\s\d{1,3}%$/.test(text) &&
    (QUESTION_START.test(text.replace(/^\d\.\d\.\d\.?\s*/, "")) || CAPTION_START.test(text)) &&
    text.length + cell.length < 400
  );
}

/** How many words `text` holds. */
const wordsIn = (text: string) => text.split(/\s+/).length;

/**
 * A line of prose wrapped after a whole word, not a cell's piece: eight words or more, the last
 * a word that joins ("... appropriate in 70 per cent of cases, and" / "interventions were ...",
 * A5 pages' short lines in a text written a cell per line).
 */
function isProseLine(text: string): boolean {
  return (
    /\s(?:and|or|of|the|to|in|a|an|for|with|by|on|at|that|was|were|is|are)$/.test(text) && wordsIn(text) >= 8
  );
}

/**
 * A key-question table's caption, opened or closed: "Of the 8 cases inspected:" (its footnote
 * number glued on), its wrapped tail "desistance:". Not the sentence over a standard's table of
 * key questions, "Our rating for assessment is based on the following key questions:".
 */
const isCaptionText = (text: string) =>
  CAPTION_START.test(text) || (/:\s*\d{0,2}$/.test(text) && !/\bkey questions:\s*\d{0,2}$/i.test(text));

/** Whether `cell`, on a line of its own, is the next cell of the row `row` has begun. */
function continuesRow(row: string[], cell: string): boolean {
  const last = row[row.length - 1] ?? "";
  // (Not a numbered heading of its own: "2.4.3." / "3. Out-of-court disposals"; nor another
  // number, the next of a column of them.)
  if (row.length === 1 && NUMBER.test(last))
    return !/^\d(?:\.\d{1,2})*\.?\s/.test(cell) && !NUMBER.test(cell);
  // A cell split mid-word ("Over" / "all rating", "provi" / "sion Inadequate"): as with a tab
  // inside a cell, the pieces become cells of one row.
  if (
    /^[a-z]/.test(cell) &&
    /[a-z]$/i.test(last) &&
    !isRating(last) &&
    !/^requires$/i.test(last) &&
    last.length <= 60 &&
    row.length <= 3 &&
    !(row.length === 1 && isProseLine(last)) &&
    // (Nor two lines of prose on a narrow page: "have a comprehensive range of assurance and
    // gatekeeping" / "systems. Managers did not always use the countersigning process".)
    !(row.length === 1 && wordsIn(last) >= 8 && wordsIn(cell) >= 6)
  )
    return true;
  if (isRating(cell) || SCORE.test(cell)) return isLabel(row);
  if (isFigure(cell)) return isQuestionRow(row, cell);
  // After the table's caption ("Of the 8 cases inspected:", its footnote number glued on).
  if (isColumnHeading(cell)) return isCaptionText(last) || isColumnHeading(last);
  return false;
}

/**
 * A lone word fragment the row after it continues: "Overa" / "III rating | Good" (the overall
 * rating's label split mid-word, its second piece already beside the rating). Only where the
 * two make the overall rating's row and the row alone does not ("Score" / "Overall rating |
 * Good" are two rows).
 */
function beginsRow(row: string[], cells: string[]): boolean {
  const joined = (cells: string[]) =>
    ({
      index: 0,
      line: 0,
      page: null,
      raw: cells.join("\t"),
      cells,
      flat: cells.join(" "),
      markers: [],
    }) as Line;
  return (
    row.length === 1 &&
    /^[A-Za-z]{2,12}$/.test(row[0] as string) &&
    isRating(cells[cells.length - 1] as string) &&
    isOverallRatingLine(joined([...row, ...cells])) &&
    !isOverallRatingLine(joined(cells))
  );
}

/**
 * Whether `cell` is the "Yes" count after a relevant-cases count left out of the question above
 * it (after a prompt without its counts, see `afterPromptWithoutFigure`).
 */
function countsLeftOut(rows: Line[], cell: string): boolean {
  const [question, relevant] = [rows[rows.length - 2], rows[rows.length - 1] as Line];
  const [cases, yes] = [countCell(relevant.flat), countCell(cell)];
  return (
    question?.cells.length === 1 &&
    relevant.cells.length === 1 &&
    cases !== null &&
    yes !== null &&
    yes <= cases &&
    afterPromptWithoutFigure(rows.slice(0, -1), 2)
  );
}

const isValue = (cell: string) => isRating(cell) || percentCell(cell) !== null;

/**
 * Whether the last row (a question) follows a prompt left without a figure. A cell per line
 * gives each prompt its percentage straight after it; a prompt without one before a figure says
 * the figures are not row by row here (pdftotext writing a table's column in pieces: "Does
 * planning promote ...?" / "Does planning involve ...?" / "53%", the first one's), and the
 * figure is left unread rather than given to the wrong prompt. A key question heading its
 * prompts has no figure of its own, and is passed over on the way back to the prompt: "Does
 * assessment draw ...?" / "Does assessment sufficiently analyse how to keep other people safe?" /
 * "Does assessment clearly identify ...?" / "33%", the column's figures written elsewhere.
 * The rows at most `apart` lines from each other (a count row's two counts take up to four lines
 * of a question's own: counts use 2, the questions touching).
 */
function afterPromptWithoutFigure(rows: Line[], apart = 4): boolean {
  for (let k = rows.length - 2; k >= 0; k--) {
    const [before, after] = [rows[k] as Line, rows[k + 1] as Line];
    if (before.cells.length !== 1 || after.line - lastLineOf(before) > apart) return false;
    if (isUnfiguredPrompt(before.flat)) return true;
    if (!isKeyQuestionText(before.flat.replace(/^\d\.\d\.\d\.?\s*/, ""))) return false;
  }
  return false;
}

/**
 * A text written a cell per line: many ratings and percentages on lines of their own, hardly
 * any ending a row, and the ratings table's standard numbers (or ratings) alone on their lines
 * (a text that lost its column gaps, wrapped or not, has lone ratings and percentages too).
 */
function isCellPerLine(lines: Line[]): boolean {
  let rows = 0;
  let loneValues = 0;
  let loneRatings = 0;
  let loneNumbers = 0;
  for (const line of lines) {
    const last = line.cells[line.cells.length - 1] ?? "";
    // (Most texts have rows of cells: settled after the first few.)
    if (line.cells.length > 1) {
      if (isValue(last) && ++rows > 3) return false;
      continue;
    }
    if (NUMBER.test(last)) loneNumbers++;
    else if (isRating(last)) {
      loneRatings++;
      loneValues++;
    } else if (percentCell(last) !== null) loneValues++;
  }
  // A report's sections restate their ratings alone on a line (up to a dozen); a cell-per-line
  // ratings table adds its standards' numbers, or (numbers and names in one cell) its ratings.
  return rows <= 3 && loneValues >= 8 && (loneNumbers >= 8 || loneRatings >= 20);
}

/** The source lines with something written on them: text, page furniture, footnotes. */
function writtenLines(doc: NormalisedDocument): Set<number> {
  return new Set([...doc.lines, ...doc.furniture, ...doc.footnotes.map((f) => f.line)].map((l) => l.line));
}

/** A question's row with a figure or two after its mark ("... disposal? 3", "... disposal? 29 3"). */
const FIGURES_AFTER_MARK = /\?\s+\d{1,4}(?:\s+\d{1,4})?$/;

/** A heading only a count table prints: "Relevant cases", or "Number 'Yes'" (its other column's). */
const COUNT_TABLE_HEADING = /relevant cases|number\s*['‘’"“”]?yes/i;

/** A wrapped question's last line: in lower case, ending with its "?" ("of the child?"). */
const QUESTION_TAIL = /^[a-z(].*\?$/;

/** A count kept at the end of a wrapped question's lines so far (see rejoinRows). */
const COUNT_KEPT = /^(.*\))\s+(\d{1,3})$/;

/**
 * The count printed beside a wrapped question's first line, from its last line ("... social
 * context 5" / "of the child?"; on narrow pages up to two lines between, "... available sources
 * 8" / "of information, including other assessments, and" / "involve other agencies where
 * appropriate?"): each line after the first carrying on the one before it, in lower case or
 * after a joining word ("... made by the 5" / "YOT to determining the disposal?").
 */
function countBesideFirstLine(lines: Line[], last: Line): string | undefined {
  const at = lines.indexOf(last);
  for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
    const [line, after] = [lines[k] as Line, lines[k + 1] as Line];
    if (after.line - line.line !== 1 || line.cells.length !== 1 || line.flat.endsWith("?")) return undefined;
    const count = FIRST_LINE_COUNT.exec(line.flat);
    const text = count ? (count[1] as string) : line.flat;
    if (!/^[a-z(]/.test(after.flat) && !RUNS_ON.test(text)) return undefined;
    if (count && isQuestion(text)) return count[2];
    // (Another question's first line: in its capital, "where appropriate, and ..." carries on.)
    if (count || (QUESTION_START.test(line.flat) && /^[A-Z]/.test(line.flat))) return undefined;
  }
  return undefined;
}

/** A percentage alone on its line ("86%"): a table's cell written a line at a time. */
const lonePercent = (line: Line | undefined): line is Line =>
  line !== undefined && line.cells.length === 1 && percentCell(line.flat) !== null;

/** The words of a count table's heading row, in whatever order its pieces come. */
const HEADING_WORDS = [/\brelevant\b/i, /\bcases\b/i, /\bnumber\b/i, /\byes\b/i];
/** A count table's heading row whole: "Relevant cases" and "Number 'Yes'". */
const BOTH_COUNT_HEADINGS = /relevant cases.*number\s*['‘’"“”]?yes/i;
/** A piece of a count table's heading row on a line of its own: "Relevant cases", "Relevant", "cases", "Number 'Yes'". */
const HEADING_PIECE =
  /^(?:relevant(?: cases)?|cases|number(?:\s*['‘’"“”]?yes['‘’"“”]?)?|['‘’"“”]?yes['‘’"“”]?)$/i;

/**
 * A caption's last words wrapped onto a line of their own among the heading's pieces ("Of the 15
 * cases where there were changes in factors related to keeping other people" / "Relevant" /
 * "Number 'Yes'" / "safe:" / "cases": a wider count wraps the caption once more).
 */
const CAPTION_TAIL = /^[a-z][a-z ,'’-]{0,40}:$/;
/** A heading's piece at the end of a caption's line, set on its baseline. */
const PIECE_AT_END = /\s(relevant(?: cases)?|number\s*['‘’"“”]?yes['‘’"“”]?)$/i;

/** The most lines a question wraps over in a table's narrow cell. */
const QUESTION_LINES = 4;

/** The most lines from a table's last row to the next page's first: its foot's blank lines and furniture. */
const PAGE_FOOT_LINES = 16;

/** A table's figures (a count pair, or a percentage), a question's lines or a row between, in a text's order. */
type TableItem = { figures: Line[] } | { question: Line[] } | { separator: true };

/** Each row's question and figures, the figures above it or below. */
type MatchedRow = { figures: Line[]; question: Line[]; above: boolean };

/**
 * A table's questions and figures matched as neighbours, or null where they do not match. Where
 * two questions or two figures meet, the one between cannot be matched across them, and a run
 * between such meetings (or a separator: a standard's row between an annex's key questions)
 * matches in one way only, from its start (a path has at most one perfect matching): "Q F F
 * Q F Q" is Q-F, F-Q, F-Q. With `unfigured`, a table's first question alone before another is
 * left without figures (its figure stands above the table's heading) where a run of four or more
 * follows; any other run that does not match whole (odd: a row without figures among others, a
 * page's number among them) leaves the whole table unmatched. A last question straight after
 * another is no row of the table (the next table's key question, over its caption).
 */
function matchNeighbours(items: TableItem[], unfigured = false): MatchedRow[] | null {
  const list = [...items];
  const [last, beforeLast] = [list[list.length - 1], list[list.length - 2]];
  if (last && beforeLast && "question" in last && "question" in beforeLast) list.pop();
  const matched: MatchedRow[] = [];
  let [firstUnfigured, longRun] = [false, false];
  let k = 0;
  while (k < list.length) {
    if ("separator" in (list[k] as TableItem)) {
      k++;
      continue;
    }
    let end = k + 1;
    while (
      end < list.length &&
      !("separator" in (list[end] as TableItem)) &&
      "figures" in (list[end] as TableItem) !== "figures" in (list[end - 1] as TableItem)
    )
      end++;
    // (A table's first question alone before another has no figure where it stands: its figure
    // stands above the table's heading. Left without one, where a long run after it shows the
    // table's order: "Q Q F F Q" alone may as well be two columns, pdfminer's.)
    if (unfigured && matched.length === 0 && end - k === 1 && "question" in (list[k] as TableItem)) {
      firstUnfigured = true;
      k = end;
      continue;
    }
    if (end - k >= 4) longRun = true;
    if ((end - k) % 2 !== 0) return null;
    for (let j = k; j < end; j += 2) {
      const [a, b] = [list[j] as TableItem, list[j + 1] as TableItem];
      if ("figures" in a && "question" in b)
        matched.push({ figures: a.figures, question: b.question, above: true });
      else if ("question" in a && "figures" in b)
        matched.push({ figures: b.figures, question: a.question, above: false });
    }
    k = end;
  }
  return firstUnfigured && !longRun ? null : matched;
}

/** A question's line ending in a count after its mark: the question, the count. */
const COUNT_AFTER_MARK = /^(.*\?)\s+(\d{1,3})$/;
/** A question's mark ending its line, a note's marker glued after it or not ("... disposal?30"). */
const QUESTION_END = /\?\d{0,2}$/;
/** A key question's number before its words, in an annex's narrow table ("2.1.1. Does ..."). */
const NUMBER_BEFORE = /^\d\.\d\.\d\.?\s+/;

/**
 * The question whose first line is `first` and the lines carrying it on to its "?" (a note's
 * marker may follow it: "... disposal?30"; `next(line)` the text's line after `line`, or
 * undefined), or null. Its first line may open with a key question's number ("3.2.1 Does ...").
 * Up to `most` lines; with `numbered` (an annex's key question) a lone percentage ends it; lines
 * among its own that are not its words go to `besides` where it is given.
 */
function questionFrom(
  first: Line | undefined,
  next: (line: Line) => Line | undefined,
  {
    most = QUESTION_LINES,
    besides,
    numbered = false,
  }: { most?: number; besides?: Line[]; numbered?: boolean } = {},
): Line[] | null {
  const question: Line[] = [];
  for (let line = first; line !== undefined && question.length < most; line = next(line)) {
    // (A line of justified text may come in pieces where its spaces were stretched: "Are the" /
    // "YOT's recommendations ..." / "personalised" / "to" / "the child,". Not a row's figures.)
    if (line.cells.length !== 1 && line.cells.some(isFigure)) break;
    // (Lines among a wrapped question's that are not its words, where `besides` takes them: the
    // row's percentage beside them, or the table's heading printed again at a page's top.)
    const figure = lonePercent(line);
    if (
      besides &&
      question.length > 0 &&
      (figure ? !besides.some(lonePercent) : PERCENT_HEADER.test(line.flat))
    ) {
      besides.push(line);
      continue;
    }
    if (figure && numbered) break;
    const text = question.length === 0 ? line.flat.replace(NUMBER_BEFORE, "") : line.flat;
    // (A line carrying a question on may open with a question's word in lower case: "where appropriate?".)
    const opens = QUESTION_START.test(text) && /^(?:[a-z]\)\s*)?[A-Z]/.test(text);
    if (question.length === 0 ? !opens : opens) break;
    question.push(line);
    if (QUESTION_END.test(line.flat)) return question;
  }
  return null;
}

/** Whether `question`'s lines make a key question (a table's own, over its prompts' table). */
const isKeyQuestion = (question: Line[]) =>
  isKeyQuestionText(
    question
      .map((l) => l.flat)
      .reduce(joinWrapped)
      .replace(NUMBER_BEFORE, "")
      .replace(/\?\d{1,2}$/, "?"),
  );

/** The question whose last line is `lines[end]`, or null. */
function questionEndingAt(lines: Line[], end: number): Line[] | null {
  const next = (l: Line) => lines[l.index + 1];
  for (let j = end; j >= 0 && j > end - QUESTION_LINES; j--) {
    const question = questionFrom(lines[j], next);
    if (question?.at(-1) === lines[end]) return question;
  }
  return null;
}

/**
 * The rows of `tables` put back in `doc`: each question with its figures, on its first line; the
 * figures taken from the furniture where they stood there (`fromFurniture`: lone counts).
 */
function withRowsJoined(
  doc: NormalisedDocument,
  tables: MatchedRow[][],
  fromFurniture: boolean,
): NormalisedDocument {
  const rows = new Map<Line, Line>();
  const taken = new Set<Line>();
  for (const { figures, question } of tables.flat()) {
    const whole = question.map((l) => l.flat).reduce(joinWrapped);
    // (A count on the question's own line, "... disposal? 5", is its first figure, not its words:
    // the line is written once.)
    const first = figures[0];
    const onLine =
      first !== undefined && first.line === (question.at(-1) as Line).line && !question.includes(first);
    const text = onLine ? whole.slice(0, whole.lastIndexOf(first.flat)).trimEnd() : whole;
    const parts = [...question, ...(onLine ? figures.slice(1) : figures)];
    rows.set(
      question[0] as Line,
      lineOfParts(question[0] as Line, parts, [text, ...figures.map((f) => f.flat)], " "),
    );
    for (const line of [...question, ...figures]) taken.add(line);
  }
  const lines = doc.lines.flatMap((l) => {
    const row = rows.get(l);
    return row ? [row] : taken.has(l) ? [] : [l];
  });
  return {
    ...doc,
    lines: lines.map((l, index) => (l.index === index ? l : { ...l, index })),
    furniture: fromFurniture ? doc.furniture.filter((l) => !taken.has(l)) : doc.furniture,
  };
}

/** A table worth joining: two rows at least, and some row's figures above its question. */
const joinable = (matched: MatchedRow[] | null): matched is MatchedRow[] =>
  matched !== null && matched.length >= 2 && matched.some((m) => m.above);

/**
 * Count tables whose rows' counts are written above their questions, in some rows or all:
 * PyMuPDF's text sorted by position (`get_text(sort=True)`) puts a row's counts first wherever
 * they stand higher than its question's first line, as beside a wrapped question ("Number
 * 'Yes'" / "8" / "8" / "Is there sufficient analysis ... including the child's" / "attitudes
 * ...?" / "8" / "8" / "Does assessment consider ...?" ... "Is the child ... taken into
 * account?"), and after it beside a question of one line. Read a line at a time, such a row takes
 * the next row's counts and the last row none. From the table's heading row on, its questions and
 * count pairs (one blank line between at most) are matched as neighbours (`matchNeighbours`).
 * Only a table where some row's counts are above its question is joined here (question, relevant
 * cases, 'Yes'), the counts taken from the furniture; the others are left to `countPairs`.
 */
function countsAboveQuestions(doc: NormalisedDocument): NormalisedDocument {
  // (Most texts have their counts in their rows: no lone numbers in the furniture but pages'.)
  const lone = new Map(doc.furniture.filter((l) => /^\d{1,3}$/.test(l.flat)).map((l) => [l.line, l]));
  if (lone.size < 4 || !doc.lines.some((l) => COUNT_TABLE_HEADING.test(l.flat))) return doc;
  const written = writtenLines(doc);
  const byLine = new Map(doc.lines.map((l) => [l.line, l]));
  // (A page's break among a table's rows: its notes, number and running header, "16" /
  // "Inspection of youth offending services: ...", or a marking; passed over, with the blank
  // lines beside them.)
  const { own } = pageOwnNumbers(doc, written);
  const pageBreak = new Set(
    doc.furniture.filter((l) => (lone.has(l.line) ? own(l) : true)).map((l) => l.line),
  );
  for (const { line: note } of doc.footnotes)
    for (let n = note.line; n <= lastLineOf(note); n++) pageBreak.add(n);
  // The next line written on after `line`, one blank line between at most, or past a page's
  // break (the page's foot may end in blank lines).
  const nextWritten = (line: number): number | undefined => {
    let blanks = 0;
    for (let n = line + 1; n <= line + PAGE_FOOT_LINES; n++) {
      if (pageBreak.has(n)) blanks = 0;
      else if (written.has(n)) return blanks <= 1 ? n : undefined;
      else blanks++;
    }
    return undefined;
  };
  // The pair of counts at `n`, or the question opening there, or null.
  const itemsAt = (n: number): TableItem[] | null => {
    const relevant = lone.get(n);
    if (relevant) {
      const yes = lone.get(nextWritten(n) ?? -1);
      // (Two counts a row can have.)
      return yes && Number(yes.flat) <= Number(relevant.flat) ? [{ figures: [relevant, yes] }] : null;
    }
    const line = byLine.get(n);
    // (A question's lines may run on past a page's break: "... of the child, utilising" / the
    // page's note, number and header / "information held by other agencies?".)
    const nextLine = (l: Line) => byLine.get(nextWritten(lastLineOf(l)) ?? -1);
    const question = questionFrom(line, nextLine);
    if (question) return [{ question }];
    if (!line || line.cells.length !== 1) return null;
    // A question of one line with its first count beside its mark, on its baseline, and its
    // second below ("... determining the disposal? 5" / "5"): the row whole.
    const glued = line.flat.match(COUNT_AFTER_MARK);
    if (glued) {
      const yes = countAt(nextWritten(n));
      if (!yes || Number(yes.flat) > Number(glued[2])) return null;
      if (!questionFrom({ ...line, flat: glued[1] as string }, () => undefined)) return null;
      const count = { ...line, cells: [glued[2] as string], flat: glued[2] as string };
      return [{ question: [line] }, { figures: [count, yes] }];
    }
    // A row a page's break divides, its counts beside the question's first lines on the page
    // before, the rest of its words on the next ("Does planning set out the services most likely
    // to" / "5" / "5" / the page's foot and the next one's head / "support desistance, ...?").
    let last = line;
    for (let k = 1; k < QUESTION_LINES && byLine.get(lastLineOf(last) + 1)?.cells.length === 1; k++) {
      if (countAt(lastLineOf(last) + 1)) break;
      last = byLine.get(lastLineOf(last) + 1) as Line;
    }
    const first = countAt(nextWritten(lastLineOf(last)));
    const second = first && countAt(nextWritten(first.line));
    let rest = second && byLine.get(nextWritten(second.line) ?? -1);
    // (The table's caption and heading row printed again at the next page's top, passed over.)
    for (let k = 0; k < 6 && rest && (CAPTION_START.test(rest.flat) || HEADING_PIECE.test(rest.flat)); k++)
      rest = byLine.get(nextWritten(lastLineOf(rest)) ?? -1);
    if (!first || !second || !rest || Number(second.flat) > Number(first.flat)) return null;
    let broken = false;
    for (let m = second.line + 1; m < rest.line; m++) if (pageBreak.has(m)) broken = true;
    if (!broken) return null;
    const divided = questionFrom(line, (l) => (l === last ? rest : byLine.get(lastLineOf(l) + 1)));
    return divided?.includes(rest) ? [{ question: divided }, { figures: [first, second] }] : null;
  };
  // A count at line `n`: a lone number the normaliser took for a page's, or one it left as a
  // line (after another count).
  const countAt = (n: number | undefined): Line | undefined => {
    if (n === undefined) return undefined;
    const line = byLine.get(n);
    return lone.get(n) ?? (line && /^\d{1,3}$/.test(line.flat) ? line : undefined);
  };
  const lastOf = (item: TableItem) =>
    "figures" in item
      ? (item.figures[item.figures.length - 1] as Line).line
      : "question" in item
        ? lastLineOf(item.question[item.question.length - 1] as Line)
        : 0;
  const tables: MatchedRow[][] = [];
  for (const [k, heading] of doc.lines.entries()) {
    // The table's heading row whole: on a line, or its pieces and caption on the lines straight
    // before the counts in any order ("Number 'Yes'" / "Of the 8 cases inspected:" / "Relevant" /
    // "cases"; up to four lines, the caption's wrapped tail among them: "Number 'Yes'" / "Of the
    // 15 cases ... other people" / "safe:" / "Relevant" / "cases"). A heading alone heads a column
    // written out a column at a time ("Relevant cases" / "7" / "7" / "Number 'Yes'" / "7" / "6":
    // columns.ts's).
    let headed = BOTH_COUNT_HEADINGS.test(heading.flat);
    if (!headed && HEADING_PIECE.test(heading.flat)) {
      const pieces = [heading];
      for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
        const piece = doc.lines[j] as Line;
        // (A page's break may fall among them: "Number 'Yes'" / "20" / "Inspection of ..." / "cases".)
        if (nextWritten(lastLineOf(piece)) !== (pieces[0] as Line).line || piece.cells.length !== 1) break;
        if (
          !HEADING_PIECE.test(piece.flat) &&
          !CAPTION_START.test(piece.flat) &&
          !CAPTION_TAIL.test(piece.flat)
        )
          break;
        pieces.unshift(piece);
      }
      // (A piece may stand at the end of the caption's first line, on its baseline: "Of the 15
      // cases where ... keeping other people Relevant".)
      const words = pieces
        .map((p) =>
          HEADING_PIECE.test(p.flat)
            ? p.flat
            : (CAPTION_START.test(p.flat) && p.flat.match(PIECE_AT_END)?.[1]) || "",
        )
        .join(" ");
      // (In any order: "Relevant" / "Number 'Yes'" / "cases", the shorter heading's top higher.)
      headed = HEADING_WORDS.every((word) => word.test(words));
    }
    if (!headed) continue;
    const items: TableItem[] = [];
    let n = nextWritten(lastLineOf(heading));
    // (The caption after the heading row, wrapped up to its colon: "Of the 8 cases where there
    // were changes in factors related to" / "desistance:".)
    const caption = n === undefined ? undefined : byLine.get(n);
    if (caption && CAPTION_START.test(caption.flat)) {
      let end: Line | undefined = caption;
      for (let j = 0; end && j < 3 && !end.flat.endsWith(":"); j++) end = byLine.get(lastLineOf(end) + 1);
      if (end?.flat.endsWith(":")) n = nextWritten(lastLineOf(end));
    }
    while (n !== undefined) {
      const found = itemsAt(n);
      if (!found) break;
      items.push(...found);
      n = nextWritten(Math.max(...found.map(lastOf)));
    }
    // (A key question last, over the next table's caption or heading, in a table of prompts: the
    // next table's own. A table of key questions may go on under its heading row again.)
    const after = n === undefined ? undefined : byLine.get(n)?.flat;
    const questions = items.flatMap((item) => ("question" in item ? [item.question] : []));
    const last = items.at(-1);
    if (
      after &&
      (CAPTION_START.test(after) || HEADING_PIECE.test(after) || BOTH_COUNT_HEADINGS.test(after)) &&
      last &&
      "question" in last &&
      isKeyQuestion(last.question) &&
      !questions.every(isKeyQuestion)
    )
      items.pop();
    const matched = matchNeighbours(items);
    if (joinable(matched)) tables.push(matched);
  }
  return tables.length > 0 ? withRowsJoined(doc, tables, true) : doc;
}

/** An annex's table of standards and key questions, headed for their ratings and percentages. */
const RATING_AND_PERCENT = /^rating and % yes$/i;
/**
 * Whether that heading ends at line `at`: whole, or wrapped in its narrow cell ("Rating and" /
 * "% yes", "Rating and %" / "yes", or the two lines joined as a heading's cells).
 */
function ratingAndPercentAt(lines: Line[], at: number): boolean {
  const [line, before] = [lines[at], lines[at - 1]];
  if (!line) return false;
  // (A cheap test first: this runs on every line of a text.)
  if (RATING_START.test(line.cells[0] ?? ""))
    return RATING_AND_PERCENT.test(line.cells.join(" ").replace(/\s+/g, " "));
  return (
    line.cells.length === 1 &&
    before?.cells.length === 1 &&
    RATING_START.test(before.flat) &&
    RATING_AND_PERCENT.test(`${before.flat} ${line.flat}`.replace(/\s+/g, " "))
  );
}
const RATING_START = /^rating and\b/i;
/** A standard's number opening its row: "2.2.", "2.1. Assessment", "2. 4. Reviewing" (not a key question's "2.1.1."). */
const STANDARD_NUMBER = /^[1-4]\.\s?\d\.?(?:\s+\D.*)?$/;
/** A line of a table's rows: a question's last or a lone percentage. */
const tableLine = (line: Line | undefined) =>
  line !== undefined && (QUESTION_END.test(line.flat) || lonePercent(line));
/** A standard's number and name over its section or annex table: "2.1. Assessment (court disposals)", "2. 4. Reviewing". */
const STANDARD_NAME = /^[1-4]\.\s?\d\.?\s+\p{Lu}/u;
const standardName = (line: Line | undefined) => line !== undefined && STANDARD_NAME.test(line.flat);
/** The most lines a standard's row takes in a narrow table: number, name, rating, description's lines. */
const STANDARD_ROW_LINES = 12;
/** The most lines a key question wraps over in a narrow annex table ("Does planning focus" / "sufficiently on" / ...). */
const ANNEX_QUESTION_LINES = 8;

/**
 * A key question with its number ("2.1.1. Does assessment ... the child" / "or young person's
 * desistance?"; or the number alone on the line before, "2.2.1." / "Does planning focus" / ...),
 * its lines, or null.
 */
function numberedKeyQuestion(line: Line, next: (line: Line) => Line | undefined): Line[] | null {
  const alone = line.cells.length === 1 && KEY_QUESTION_NUMBER.test(line.flat);
  if (!alone && !NUMBER_BEFORE.test(line.flat)) return null;
  const question = questionFrom(alone ? next(line) : line, next, {
    most: ANNEX_QUESTION_LINES,
    numbered: true,
  });
  if (!question) return null;
  const text = question
    .map((l) => l.flat)
    .reduce(joinWrapped)
    .replace(NUMBER_BEFORE, "");
  return isKeyQuestionText(text) ? (alone ? [line, ...question] : question) : null;
}

/**
 * A table's items from its line `from`, each line read by `read` (the items it gives and how many
 * lines they take, or null where the table ends), the table's heading rows printed again at a
 * page's top (`headingRows`) passed over; and the line it ends before.
 */
function tableItems(
  lines: Line[],
  from: number,
  headingRows: Set<string>,
  read: (line: Line) => { items: TableItem[]; lines: number } | null,
): { items: TableItem[]; end: number } {
  const items: TableItem[] = [];
  let k = from;
  while (k < lines.length) {
    const line = lines[k] as Line;
    if (headingRows.has(line.flat)) {
      k++;
      continue;
    }
    const found = read(line);
    if (!found) {
      if (!pageNoteAt(lines, k)) break;
      k++;
      continue;
    }
    items.push(...found.items);
    k += found.lines;
  }
  return { items, end: k };
}

/**
 * A page's note left among a table's rows, its marker lost ("e safe?" / "26 Some questions do
 * not apply in all cases." / "75%" / "a) Does assessment ..."): no row, and the table goes on.
 */
function pageNoteAt(lines: Line[], k: number): boolean {
  const line = lines[k] as Line;
  return line.cells.length === 1 && NOTE_START.test(line.flat) && NOTE_END.test(line.flat);
}

/**
 * The items of an annex's table of standards and key questions from its line `from` (after its
 * heading, "Rating and % yes"): its numbered key questions and their percentages, each
 * standard's row (number, name, rating, description's lines) a separator.
 */
function standardsTableItems(lines: Line[], from: number, headingRows: Set<string>) {
  const next = (l: Line) => lines[l.index + 1];
  // (How many lines of a standard's row the scan is in.)
  let standardRow = 0;
  return tableItems(lines, from, headingRows, (line) => {
    // (A key question's number alone, then its percentage, then its words, where the row's cells
    // are centred and the figure ends higher than the question's lines: "2.2.1." / "84%" /
    // "Does planning focus" / "sufficiently on" / ...)
    const figure = next(line);
    const numberThenFigure =
      KEY_QUESTION_NUMBER.test(line.flat) && figure !== undefined && lonePercent(figure);
    const after = numberThenFigure
      ? numberedKeyQuestion(line, (l) => (l === line ? next(figure) : next(l)))
      : null;
    if (after && figure) {
      standardRow = 0;
      return { items: [{ figures: [figure] }, { question: after }], lines: after.length + 1 };
    }
    const question = lonePercent(line) ? null : numberedKeyQuestion(line, next);
    // (A figure among a standard's row is its first key question's, set above it where the rows
    // are set close: "3.1. Assessment" / "Inadequate" / "61%" / "Assessment is ..." / "3.1.1. ...".)
    if (!question && lonePercent(line) && standardRow > 0) {
      standardRow++;
      return { items: [{ figures: [line] }], lines: 1 };
    }
    if (question || lonePercent(line)) {
      standardRow = 0;
      return question
        ? { items: [{ question }], lines: question.length }
        : { items: [{ figures: [line] }], lines: 1 };
    }
    const { flat } = line;
    // (A key question whose lines are not read as one ends the table: its figure is not told apart.)
    if (KEY_QUESTION_NUMBER.test(flat) || NUMBER_BEFORE.test(flat)) return null;
    // (A standard's rating may be written before its number, where it stands higher.)
    const opens = STANDARD_NUMBER.test(flat) || isRating(flat);
    if (!(opens || (standardRow > 0 && standardRow < STANDARD_ROW_LINES))) return null;
    const items: TableItem[] = standardRow === 0 ? [{ separator: true }] : [];
    standardRow = opens && !isRating(flat) ? 1 : standardRow + 1;
    return { items, lines: 1 };
  });
}

/**
 * The items of a table of prompts (or of key questions alone) from its line `from`: percentages
 * and questions, a percentage among a wrapped question's lines after it.
 */
function promptTableItems(lines: Line[], from: number, headingRows: Set<string>) {
  const next = (l: Line) => lines[l.index + 1];
  return tableItems(lines, from, headingRows, (line) => {
    if (lonePercent(line)) return { items: [{ figures: [line] }], lines: 1 };
    const besides: Line[] = [];
    const question = questionFrom(line, next, { besides });
    if (!question) return null;
    const inner = besides.filter(lonePercent);
    return {
      items: [{ question }, ...(inner.length > 0 ? [{ figures: inner }] : [])],
      lines: question.length + besides.length,
    };
  });
}

/** Letters only, for telling a question again: "decision making" under a table, "decision-making" in it. */
const lettersOf = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");

/**
 * Whether the last of a table's `items` is a key question the table or the lines just above it
 * (`above`) already gave: the section's heading after the table, not a row.
 */
function headsSectionAfter(items: TableItem[], above: Line[]): boolean {
  const last = items.at(-1);
  if (!last || !("question" in last) || !isKeyQuestion(last.question)) return false;
  const textOf = (question: Line[]) => lettersOf(question.map((l) => l.flat).reduce(joinWrapped));
  const text = textOf(last.question);
  const given = [
    ...above.map((l) => lettersOf(l.flat)),
    ...items.slice(0, -1).flatMap((item) => ("question" in item ? [textOf(item.question)] : [])),
  ];
  return given.some((earlier) => earlier.startsWith(text));
}

/**
 * The figure over the standard's name above a table that opens with its key question: rows set
 * close may stand a table's first row's figure higher than the name, "88%" / "2.1. Assessment
 * (court disposals)" / "Does assessment ...?" / "a) Is there ...?", or after it where a page's
 * break falls between. Not one the tables before took, nor one after a question or another
 * figure (theirs), unless the table before left it to this one (`spare`).
 */
function figureOverName(lines: Line[], start: number, used: Set<Line>, spare: Set<Line>): Line | undefined {
  const [above1, above2] = [lines[start - 1], lines[start - 2]];
  // (By its place among `lines`: `at - 1` is the line before it.)
  const at =
    standardName(above1) && lonePercent(above2)
      ? start - 2
      : lonePercent(above1) && standardName(above2)
        ? start - 1
        : -1;
  const over = lines[at];
  return at >= 0 && over && !used.has(over) && (spare.has(over) || !tableLine(lines[at - 1]))
    ? over
    : undefined;
}

/**
 * A table's `rows` matched (`matchNeighbours`), with the figure over its name (`over`) first
 * where it is given and the table then matches. A table read so, or one ending in two figures
 * after its last question, may end in the next table's figure over the next standard's name
 * ("c) ...?" / "88%" / "2.2. Planning (court disposals)", "c) ...?" / "69%" / "88%" / "2.2. ..."):
 * where it does not match whole with it, it is left to the next table (`spare`).
 */
function matchAcrossNames(
  lines: Line[],
  rows: TableItem[],
  end: number,
  over: Line | undefined,
  unfigured: boolean,
  spare: Set<Line>,
): MatchedRow[] | null {
  const last = rows[rows.length - 1];
  const overNext =
    last && "figures" in last && last.figures.includes(lines[end - 1] as Line) && standardName(lines[end])
      ? last
      : undefined;
  for (const list of over ? [[{ figures: [over] }, ...rows], rows] : [rows]) {
    const matched = matchNeighbours(list, unfigured);
    if (matched) return matched;
    if (overNext && (list !== rows || lonePercent(lines[end - 2]))) {
      const without = matchNeighbours(list.slice(0, -1), unfigured);
      if (!without) continue;
      for (const figure of overNext.figures) spare.add(figure);
      return without;
    }
  }
  return null;
}

/**
 * The same of percentage tables ("% Yes"): a row's percentage, a line of its own, above its
 * question or below it as the sorted text puts it ("% Yes" / "Does assessment ... support the
 * child's" / "desistance?" / "86%" / "Is there sufficient analysis ...?" / "68%" / ...). The
 * table runs from its heading over its percentages and questions, past page furniture and its
 * heading rows printed again, to the first other line. Key questions among prompts head them
 * and have no figure there: they are passed over (a prompt's percentage may stand above its key
 * question, rows set close). A table of key questions alone has them as rows; an annex's table
 * of standards and key questions ("Rating and % yes") its numbered key questions, the standards'
 * rows between them. Only where some row's percentage is above its question and every run
 * matches.
 */
function percentsAboveQuestions(doc: NormalisedDocument): NormalisedDocument {
  // (Most texts keep a row's percentage on its line: none alone straight after a question.)
  if (!doc.lines.some((l, k) => doc.lines[k - 1]?.flat.endsWith("?") && lonePercent(l))) return doc;
  const next = (l: Line) => doc.lines[l.index + 1];
  const tables: MatchedRow[][] = [];
  // Each table once: from its heading, or from its first key question where it has none (an
  // annex's table under a standard's name: "2.1. Assessment" / "Does assessment ... desistance?"
  // / "88%" / "a) Is there sufficient analysis ..." / ...).
  let scanned = -1;
  // (The figures the tables before have taken, and those they left to the table after them.)
  const [used, spare] = [new Set<Line>(), new Set<Line>()];
  for (let start = 0; start < doc.lines.length; start++) {
    if (start <= scanned) continue;
    const first = doc.lines[start] as Line;
    const standardsTable = ratingAndPercentAt(doc.lines, start);
    const heading = standardsTable || (first.cells.length === 1 && PERCENT_HEADER.test(first.flat));
    // (The table's first key question, where it has no heading.)
    const opening = heading || !QUESTION_START.test(first.flat) ? null : questionFrom(first, next);
    if (!heading && (!opening || !isKeyQuestion(opening))) continue;
    // (Questions straight before the heading are the table's first rows, their figures below
    // it: pdfminer writes the rows beside the heading before it, "Does assessment ... the
    // child's" / "desistance?" / "% yes" / "64%" / "Does assessment ...?" / "59%" / ...)
    const before: TableItem[] = opening ? [{ question: opening }] : [];
    for (let end = start - 1; heading; ) {
      const question = questionEndingAt(doc.lines, end);
      if (!question) break;
      before.unshift({ question });
      end = (question[0] as Line).index - 1;
    }
    // (The heading rows a word processor prints again at a page's top: "% Yes", the standard's
    // name over it, "3.3. Implementation and delivery ...", or its key question.)
    const headingRows = new Set(
      [first, doc.lines[start - 1], doc.lines[start - 2]]
        .map((l) => l?.flat ?? "")
        .filter((text) => PERCENT_HEADER.test(text) || STANDARD_NUMBER.test(text) || isKeyQuestionText(text)),
    );
    const from = start + (opening ? opening.length : 1);
    const { items, end } = standardsTable
      ? standardsTableItems(doc.lines, from, headingRows)
      : promptTableItems(doc.lines, from, headingRows);
    scanned = end - 1;
    const all = [...before, ...items];
    // (A key question last that the lines above already gave, its row's or a heading's, is the
    // section's heading after the table: "... desistance? 88%" / ... / "Does reviewing focus
    // sufficiently on supporting the child's desistance?" / "Reviewing of progress ...".)
    if (headsSectionAfter(all, doc.lines.slice(Math.max(0, start - 2 * QUESTION_LINES), start))) all.pop();
    const prompts = all.some((item) => "question" in item && !isKeyQuestion(item.question));
    const rows = prompts ? all.filter((item) => !("question" in item && isKeyQuestion(item.question))) : all;
    // (A question without a figure where it stands only in a table whose rows all follow its
    // start: before its heading, two rows' questions are a pdfminer's columns, their figures after.)
    const over = opening ? figureOverName(doc.lines, start, used, spare) : undefined;
    const matched = matchAcrossNames(doc.lines, rows, end, over, !heading || before.length === 0, spare);
    if (joinable(matched)) {
      tables.push(matched);
      for (const row of matched) for (const figure of row.figures) used.add(figure);
    }
  }
  return tables.length > 0 ? withRowsJoined(doc, tables, false) : doc;
}

/**
 * The two counts of key-question rows ("Relevant cases", "Number 'Yes'"), which the normaliser,
 * seeing lone whole numbers, took for page numbers. Only an exact pair straight after a question
 * counts: a page number beside them would make three, and the row is then left unread (but the
 * page's own number between them, at its foot, is passed over: `overPage`). A pair written with
 * more 'Yes' than relevant cases is the row's read the other way round (`reversed`).
 */
function countPairs(doc: NormalisedDocument): { pairs: Line[]; reversed: Set<Line>; overPage: Set<Line> } {
  const reversed = new Set<Line>();
  // (The 'Yes' counts with their page's number between them and the relevant cases, and the
  // relevant cases with a note's number between them and their question: the page's foot.)
  const overPage = new Set<Line>();
  // (A count table's headings, whole or in pieces: "Relevant" / "Number 'Yes'" / "cases", where
  // the two-line cell's lines stand either side of the one-line cell's, as an OCR'd scan gives them.)
  if (!doc.lines.some((l) => COUNT_TABLE_HEADING.test(l.flat))) return { pairs: [], reversed, overPage };
  // (Not the page's own number, where the text's pages say which it is: "5" / "5" / "21", the
  // row's counts and then page 21's number. A page prints its number once: where counts equal
  // it, "17" / "17" on page 17, the page's number is the one at its edge, before the page's
  // text or after it, as each converter puts it.)
  const written = writtenLines(doc);
  const { own: ownNumber, printedOnPage, headers } = pageOwnNumbers(doc, written);
  const pageText = new Map<number, { first: number; last: number }>();
  for (const l of doc.lines) {
    if (l.page === null) continue;
    const span = pageText.get(l.page);
    pageText.set(l.page, {
      first: Math.min(span?.first ?? l.line, l.line),
      last: Math.max(span?.last ?? 0, l.line),
    });
  }
  const atPageEdge = (l: Line) => {
    const span = l.page === null ? undefined : pageText.get(l.page);
    return span === undefined || l.line < span.first || l.line > span.last;
  };
  const isPageNumber = (l: Line) => ownNumber(l) && (printedOnPage(l) === 1 || atPageEdge(l));
  const numbers = doc.furniture.filter((l) => /^\d{1,3}$/.test(l.flat) && !isPageNumber(l));
  const pageNumberLines = new Set(
    doc.furniture.filter((l) => /^\d{1,3}$/.test(l.flat) && isPageNumber(l)).map((l) => l.line),
  );
  const text = new Map(doc.lines.map((l) => [l.line, l]));
  // (A line the normaliser made of several, a question wrapped in its cell, by its last.)
  const ending = new Map(doc.lines.map((l) => [l.through ?? l.line, l]));
  // The first text after `after`, where it is on the next page (notes and furniture between;
  // without pages, after the next page's running header), past the table's caption and heading
  // rows printed again there.
  const firstOnNextPage = (after: Line): Line | undefined => {
    let header = false;
    for (let n = after.line + 1; n <= after.line + 80; n++) {
      const next = text.get(n);
      if (next) {
        if (after.page === null ? !header : next.page !== after.page + 1) return undefined;
        const at = doc.lines.indexOf(next);
        const past = doc.lines[pastHeadingsAgain(doc.lines, at, Math.min(doc.lines.length, at + 7), null)];
        return past?.page === next.page ? past : undefined;
      }
      if (headers.has(n)) header = true;
    }
    return undefined;
  };
  // Next to each other, or with a blank line between.
  const adjacent = (a: Line, b: Line) =>
    b.line - a.line === 1 || (b.line - a.line === 2 && !written.has(a.line + 1));
  // Or with the page's own number alone between them at the page's foot ("... risk of harm?" /
  // "7" / "35" / "5" / the next page: pdftotext writes it between a page's last row's counts),
  // the page's notes before it too ("6" / "The rating for the standard ..." / "15" / "6").
  // (Each note's lines: its first, and those of its text wrapped below it, left without text
  // once joined to it; not a count between them, "10" / "6" / "The rating ...".)
  const spans = doc.footnotes.map((f) => [f.line.line, lastLineOf(f.line)] as const);
  const noteLines = new Set([
    ...spans.map(([first]) => first),
    ...doc.furniture
      .filter((l) => l.flat === "" && spans.some(([first, last]) => l.line > first && l.line <= last))
      .map((l) => l.line),
  ]);
  const overPageNumber = (a: Line, b: Line) => {
    if (b.line - a.line > 12) return false;
    let pageNumbers = 0;
    let notes = 0;
    for (let n = a.line + 1; n < b.line; n++)
      if (pageNumberLines.has(n)) pageNumbers++;
      else if (noteLines.has(n)) notes++;
      else if (written.has(n)) return false;
    return pageNumbers === 1 && (notes > 0 || b.line - a.line <= 4);
  };
  // A question wrapped over lines whose counts stand before its last ("... and are" / "their
  // views taken into" / "8" / "8" / "account?", the row's cells beside its middle line): the
  // line above them carries on a question begun above it, and the line after them ends it.
  const endsAfter = (question: Line, yes: Line): boolean => {
    let tail = text.get(yes.line + 1) ?? text.get(yes.line + 2);
    // (The counts' share after them, where the table prints it: "8" / "8" / "100%" / "account?".)
    if (tail && tail.cells.length === 1 && percentCell(tail.flat) !== null)
      tail = text.get(tail.line + 1) ?? text.get(tail.line + 2);
    // (Or the next page's first text, the row broken by the page: the page's notes and number,
    // the next page's running header between, "... care plans)" / "4" / "4" / notes / "concerning
    // the child?".)
    tail ??= firstOnNextPage(yes);
    if (!tail || !endsQuestion(tail) || question.flat.endsWith("?")) return false;
    const at = doc.lines.indexOf(question);
    for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
      const line = doc.lines[k] as Line;
      if (line.flat.endsWith("?") || (doc.lines[k + 1] as Line).line - line.line !== 1) return false;
      if (QUESTION_START.test(line.flat)) return true;
    }
    return false;
  };
  // A wrapped question's last words from `tail` on: in lower case, its "?" on that line or one of
  // the two after it, each line straight after the one before ("where appropriate, and is there
  // sufficient alignment with" / "other plans (for example, ...)" / "concerning the child?").
  const endsQuestion = (tail: Line): boolean => {
    if (!/^[a-z(]/.test(tail.flat)) return false;
    const at = doc.lines.indexOf(tail);
    for (let k = at; k < at + 3 && k < doc.lines.length; k++) {
      const line = doc.lines[k] as Line;
      if (k > at && (!adjacent(doc.lines[k - 1] as Line, line) || line.cells.length !== 1)) return false;
      if (countCell(line.flat) !== null) return false;
      if (line.flat.endsWith("?")) return true;
    }
    return false;
  };
  // A lone count between a question's unfinished first line and its last ("... are their views"
  // / "8" / "taken into account?"): beside its middle, as a row whose cells are centred.
  const countBetween = (tail: Line): boolean => {
    const count = numbers.find((n) => n.line === tail.line - 1 || n.line === tail.line - 2);
    if (!count || (count.line === tail.line - 2 && written.has(tail.line - 1))) return false;
    let above = count.line - 1;
    while (above >= count.line - 2 && !written.has(above)) above--;
    const first = text.get(above);
    return first !== undefined && QUESTION_START.test(first.flat) && !first.flat.endsWith("?");
  };
  // Whether the question ending on `last` follows a question's last line with no count between.
  const afterUncountedQuestion = (last: Line): boolean => {
    let at = doc.lines.indexOf(last);
    while (at > 0 && /^[a-z(]/.test((doc.lines[at] as Line).flat)) at--;
    const [before, first] = [doc.lines[at - 1], doc.lines[at] as Line];
    if (!before?.flat.endsWith("?")) return false;
    return !numbers.some((n) => n.line > lastLineOf(before) && n.line < first.line);
  };
  // The count beside a question's first line whose last words are on the next page, after the
  // table's caption and headings printed again there ("Where applicable, does planning involve
  // other agencies 4" / "4" / the page's end / "Of the 5 cases ...:" / "Relevant cases" / "Number
  // 'Yes'" / "where appropriate, ... concerning the child?"), its 'Yes' alone below it.
  const countBesideCutFirstLine = (first: Line, yes: Line): string | undefined => {
    const count = first.cells.length === 1 ? FIRST_LINE_COUNT.exec(first.flat) : null;
    if (!count || !QUESTION_START.test(count[1] as string) || !/^[A-Z]/.test(first.flat)) return undefined;
    const tail = firstOnNextPage(yes);
    return tail && endsQuestion(tail) ? count[2] : undefined;
  };
  const pairs: Line[] = [];
  for (let i = 0; i + 1 < numbers.length; i++) {
    const relevant = numbers[i] as Line;
    const yes = numbers[i + 1] as Line;
    const [before, after] = [numbers[i - 1], numbers[i + 2]];
    if (
      !(adjacent(relevant, yes) || overPageNumber(relevant, yes)) ||
      (before && adjacent(before, relevant)) ||
      (after && adjacent(yes, after))
    )
      continue;
    // The question on the last written line above, at most two blank lines up (a footnote marker
    // wrapped onto a line of its own is the question's, and leaves a line unwritten), or past the
    // number of a note at the page's foot, set above the row's first count ("10" / "6").
    let above = relevant.line - 1;
    let pastNote = false;
    for (
      let reach = relevant.line - 3;
      above >= reach && (!written.has(above) || noteLines.has(above));
      above--
    )
      if (noteLines.has(above)) {
        reach -= 2;
        pastNote = true;
      }
    const question = ending.get(above) ?? text.get(above);
    if (!question || !(isQuestion(question.flat) || endsAfter(question, yes))) continue;
    // Not where the row has a figure already: a count after its question's mark ("... disposal?
    // 3" / "5" / "3"), or a lone one just above its wrapped last line ("... are their views" / "8"
    // / "taken into account?" / "6" / "6"): the two below are then in part another row's, their
    // column written out of order (pdfminer), and three figures no row's.
    if (FIGURES_AFTER_MARK.test(question.flat)) continue;
    if (QUESTION_TAIL.test(question.flat) && countBetween(question)) continue;
    // More "Yes" than relevant cases: the row's counts written the 'Yes' first (pdftotext may
    // write a row's last cell before the one beside it), read in the one order that can be true;
    // but not after a question left without counts, where the two may be its and this row's
    // (pdfminer: "... concerning the child?" / "Does planning include ...?" / "4" / "5").
    if (Number(yes.flat) > Number(relevant.flat)) {
      if (afterUncountedQuestion(question)) continue;
      reversed.add(yes);
    }
    if (!adjacent(relevant, yes)) overPage.add(yes);
    if (pastNote) overPage.add(relevant);
    pairs.push(relevant, yes);
    i++;
  }
  // A row's "Yes" count alone, its relevant cases printed beside the question's last line
  // ("... addressing risks? 5" / "5") or, the question wrapped, beside its first ("... social
  // context 5" / "of the child?" / "5"), as pdftotext writes a row whose cells are centred
  // vertically. Not where that first figure may be a footnote marker: a note of that number on
  // the page (or near it, where the text has no pages).
  const taken = new Set(pairs);
  for (let i = 0; i < numbers.length; i++) {
    const yes = numbers[i] as Line;
    const [before, after] = [numbers[i - 1], numbers[i + 1]];
    if (taken.has(yes) || (before && adjacent(before, yes)) || (after && adjacent(yes, after))) continue;
    let above = yes.line - 1;
    while (above >= yes.line - 3 && !written.has(above)) above--;
    const question = ending.get(above) ?? text.get(above);
    if (!question) continue;
    const relevant =
      SPLIT_COUNTS.exec(question.flat)?.[2] ??
      (question.flat.endsWith("?")
        ? countBesideFirstLine(doc.lines, question)
        : countBesideCutFirstLine(question, yes));
    if (relevant === undefined || Number(yes.flat) > Number(relevant)) continue;
    const near = (f: Footnote) =>
      yes.page !== null ? f.line.page === yes.page : Math.abs(f.line.line - yes.line) <= 60;
    if (doc.footnotes.some((f) => f.marker === relevant && near(f))) continue;
    pairs.push(yes);
    taken.add(yes);
  }
  // A row's relevant cases centred between its question's two lines, its 'Yes' after the last
  // ("... social context" / "8" / "of the child?" / "8", pdftotext of a row whose cells are
  // centred vertically beside a wrapped question).
  for (let i = 0; i + 1 < numbers.length; i++) {
    const [relevant, yes] = [numbers[i] as Line, numbers[i + 1] as Line];
    if (taken.has(relevant) || taken.has(yes)) continue;
    const [first, last] = [text.get(relevant.line - 1), text.get(relevant.line + 1)];
    if (
      first !== undefined &&
      last !== undefined &&
      QUESTION_START.test(first.flat) &&
      !first.flat.endsWith("?") &&
      QUESTION_TAIL.test(last.flat) &&
      adjacent(last, yes) &&
      Number(yes.flat) <= Number(relevant.flat)
    ) {
      pairs.push(relevant, yes);
      i++;
    }
  }
  return { pairs: pairs.sort((a, b) => a.line - b.line), reversed, overPage };
}

// A table's order (figure first or label first) is set by its heading (factTableHeading), not
// read from the lines: a figure with no label beside it (a chart's) would turn a guess around.
/** What ends them: the report's domains and standards, or prose. */
const DOMAIN =
  /^\d\.\s*(?:Organisational delivery|Court disposals|Out[- ]of[- ]court disposals|Resettlement)\b/i;

const isFactFigure = (line: Line) => leadingFigure(line.flat) !== null;
/** The figure column's heading, "%", written between a table's labels and its figures: a figure after it. */
const headsFigureColumn = (line: Line, next: Line | undefined) =>
  line.flat === "%" && next !== undefined && isFactFigure(next);
const FIGURE_THEN_TEXT = new RegExp(`^${FACT_FIGURE}\\s+[A-Za-z]`);
const factHeading = (line: Line) => factTableHeading(line.flat);
const isSplitHeader = (line: Line) =>
  line.flat.length <= 40 && SPLIT_HEADERS.some((h) => h.re.test(line.flat));
/** A label: short text that is no figure, no heading and ends no sentence. */
const isFactText = (line: Line) =>
  line.flat.length <= 150 &&
  // "20,687 Total black and minority ethnic youth population" has its figure already.
  !FIGURE_THEN_TEXT.test(line.flat) &&
  /[A-Za-z]/.test(line.flat) &&
  !/\.$/.test(line.flat) &&
  !isFactFigure(line) &&
  !factHeading(line) &&
  !isSplitHeader(line);

/** The lines of each figure-and-label table: from its heading to a domain, a standard or prose. */
function factRegions(lines: Line[]): [number, number][] {
  const regions: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FACT_TABLE_START.test((lines[i] as Line).flat)) continue;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] as Line;
      if (line.flat.length > 150 || DOMAIN.test(line.flat) || standardHeading(line)) break;
    }
    regions.push([i, j]);
    i = j - 1;
  }
  return regions;
}

/** Percentages (a line each) that add up to 100, give or take their rounding. */
function sharesAddUp(shares: Line[]): boolean {
  const sum = shares.reduce((total, l) => total + (percentCell(l.flat) ?? Number.NaN), 0);
  return Math.abs(sum - 100) <= splitTolerance(shares.length);
}

/**
 * A label-first facts table (offence types) whose column pdfminer writes after the next domain's
 * heading: the table's heading, k labels, the domain's heading ("1. Organisational delivery"),
 * the column's heading "%", then exactly k percentages. Put back as the table's rows, before the
 * domain's heading, where the shares add up to 100 (give or take their rounding); the column's
 * heading stays where it was.
 */
function columnPastDomain(doc: NormalisedDocument): NormalisedDocument {
  const lines = doc.lines;
  const rows = new Map<Line, Line>();
  const taken = new Set<Line>();
  for (const [a, b] of factRegions(lines)) {
    const [domain, heading] = [lines[b], lines[b + 1]];
    if (!domain || !DOMAIN.test(domain.flat) || heading?.flat !== "%") continue;
    let end = b + 2;
    while (
      end < lines.length &&
      (lines[end] as Line).cells.length === 1 &&
      percentCell((lines[end] as Line).flat) !== null
    )
      end++;
    const figures = lines.slice(b + 2, end);
    const k = figures.length;
    const head = lines[b - k - 1];
    const labels = lines.slice(b - k, b);
    if (k < 2 || b - k - 1 < a || !head || factHeading(head)?.order !== "label-first") continue;
    if (!labels.every((l) => l.cells.length === 1 && isFactText(l))) continue;
    if (!sharesAddUp(figures)) continue;
    labels.forEach((label, n) => rows.set(label, joined(label, [label, figures[n] as Line])));
    for (const figure of figures) taken.add(figure);
  }
  if (rows.size === 0) return doc;
  const out = lines.flatMap((l) => (taken.has(l) ? [] : [rows.get(l) ?? l]));
  return { ...doc, lines: out.map((l, index) => (l.index === index ? l : { ...l, index })) };
}

/**
 * Whole numbers the normaliser took for page numbers inside those tables ("233" before
 * "First-time entrant rate ...", "7" after "Average caseload ..."): put back where the line
 * beside one is text of the table on the same page and no other furniture is beside it.
 */
function tableNumbers(doc: NormalisedDocument, spans: [number, number][]): Line[] {
  const text = new Map(doc.lines.map((l) => [l.line, l]));
  const written = writtenLines(doc);
  const furniture = new Map(doc.furniture.map((l) => [l.line, l]));
  const { known: pagesNumbered, own, printedOnPage } = pageOwnNumbers(doc, written);
  // Only the page's running header beside a number that is not its page's own, where the pages'
  // own numbers are known ("Inspection of youth offending services: North Somerset" / "751" /
  // "Total black and minority ethnic youth population ...": a figure opening its page).
  const headerOnly = (n: Line) =>
    pagesNumbered &&
    !own(n) &&
    [n.line - 1, n.line + 1].every((k) => {
      const beside = furniture.get(k);
      return beside === undefined || isRunningHeader(beside.flat);
    });
  const loneNumber = (n: Line) =>
    /^\d{1,3}$/.test(n.flat) && spans.some(([a, b]) => n.line > a && n.line < b);
  // The page's own number, wherever the converter put it (after the table's first cell when the
  // header carries it at the top of the page), unless the page prints that number elsewhere too.
  const ownPageNumber = (n: Line) => own(n) && printedOnPage(n) === 1;
  const numbers = new Map(doc.furniture.filter(loneNumber).map((n) => [n.line, n]));
  return doc.furniture.filter((n) => {
    if (!numbers.has(n.line)) return false;
    if ((furniture.has(n.line - 1) || furniture.has(n.line + 1)) && !headerOnly(n)) return columnOfNumbers(n);
    if ((boxAbove(n.line) || boxAbove(n.line + 2)) && columnOfNumbers(n)) return true;
    if (ownPageNumber(n)) return false;
    // The text beside it: the next or previous line, or across one blank line.
    const beside = [n.line - 1, n.line + 1].map(
      (k) => text.get(k) ?? (written.has(k) ? undefined : text.get(k + Math.sign(k - n.line))),
    );
    if (beside.some((l) => l !== undefined && isFactText(l) && (l.page === null || l.page === n.page)))
      return true;
    // (Or a figure either side of it, a column of figures a box each: "0%" / "7" / "12.5"; or a
    // sub-heading above it and a figure below, "Additional caseload data" / "106" / "69 (65%)".)
    const [above, below] = beside;
    if (
      above !== undefined &&
      below !== undefined &&
      (isFactFigure(above) || factHeading(above)?.order === "figure-first") &&
      isFactFigure(below) &&
      above.page === n.page &&
      below.page === n.page
    )
      return true;
    // (Or its share on the next line, then the label: "69" / "(65%)" / "court disposals".)
    const [share, label] = [text.get(n.line + 1), text.get(n.line + 2)];
    return share !== undefined && SHARE_ALONE.test(share.flat) && label !== undefined && isFactText(label);
  });

  /**
   * Numbers one above the other (a table's column of figures read a column at a time: "233" /
   * "207" / "34%"): figures of the table where the pages' own numbers are known and none of them
   * is one, nothing else of the page's furniture touches them, and a figure or label of the
   * table on their page is the next or previous line.
   */
  function columnOfNumbers(n: Line): boolean {
    if (!pagesNumbered) return false;
    let [first, last] = [n.line, n.line];
    let boxes = false;
    for (;;) {
      if (numbers.has(first - 1)) first--;
      else if (boxAbove(first)) [first, boxes] = [first - 2, true];
      else break;
    }
    for (;;) {
      if (numbers.has(last + 1)) last++;
      else if (boxAbove(last + 2)) [last, boxes] = [last + 2, true];
      else break;
    }
    if (last === first || furniture.has(first - 1) || furniture.has(last + 1)) return false;
    for (let k = first; k <= last; k++)
      if (numbers.has(k) && ownPageNumber(numbers.get(k) as Line)) return false;
    // (The text next to the column, or across one blank line. Numbers a box each are figures
    // only where the column runs on in figures or under a heading or caption, "154" / "" /
    // "25.5%": a label's footnote marker may stand as a box between two figures of rows, "233" /
    // "6" / "207" / "First-time entrant rate ...".)
    const across = (k: number, step: number) =>
      text.get(k) ?? (written.has(k) ? undefined : text.get(k + step));
    const heads = (l: Line) => factHeading(l) !== null || CAPTION.test(l.flat) || /:$/.test(l.flat);
    return [across(first - 1, -1), across(last + 1, 1)].some(
      (l) =>
        l !== undefined &&
        (isFactFigure(l) || (boxes ? heads(l) : isFactText(l))) &&
        (l.page === null || l.page === n.page),
    );
  }

  /**
   * A number a text box of its own right above the one at `line` (pdfminer.six writes each box a
   * blank line from the next: "267" / "" / "154").
   */
  function boxAbove(line: number): boolean {
    return numbers.has(line) && numbers.has(line - 2) && !written.has(line - 1);
  }
}

/** How many blank lines may stand between a running header and its page's number. */
const BLANKS_BESIDE_HEADER = 3;

/**
 * Without the text's pages: the lone numbers straight before a running header (blank lines
 * between or not) that count up by one from header to header, three headers at least ("16" /
 * header ... "17" / header ...: PyMuPDF writes a page's number, then the next page's header),
 * or straight after it (header / "27" ... header / "28": PyMuPDF's text of a browser's PDF), by
 * line; and the headers' lines.
 */
function pageNumbersBesideHeaders(
  furniture: Line[],
  written: Set<number>,
): { headers: Set<number>; numbers: Set<number> } {
  const byLine = new Map(furniture.map((l) => [l.line, l]));
  const heads = furniture.filter((l) => l.page === null && isRunningHeader(l.flat));
  const numbers = new Set<number>();
  for (const side of [-1, 1]) {
    const beside = heads.map((h) => {
      // (The nearest line written on: a page's foot may end in blank lines, a form feed's line
      // left empty where a converter's page breaks were taken out.)
      let at = h.line + side;
      for (let k = 2; k <= BLANKS_BESIDE_HEADER + 1 && !written.has(at); k++) at = h.line + k * side;
      const n = byLine.get(at);
      return n && /^\d{1,3}$/.test(n.flat) ? { line: at, value: Number(n.flat) } : null;
    });
    // (Three headers in a row at least, their numbers counting up by one: a row's last count
    // before a header, as a browser's PDF has it, its page's number after the header, counts up
    // by chance.)
    const countsOn = (k: number) => {
      const [last, next] = [beside[k - 1], beside[k]];
      return last != null && next != null && next.value === last.value + 1;
    };
    for (let start = 0; start < beside.length; ) {
      let end = start + 1;
      while (end < beside.length && countsOn(end)) end++;
      if (end - start >= 3)
        for (let k = start; k < end; k++) numbers.add((beside[k] as { line: number }).line);
      start = end;
    }
  }
  return { headers: new Set(heads.map((h) => h.line)), numbers };
}

/**
 * Which lone whole numbers among the furniture are their page's own number (by the printed
 * pages' offset; in a text without pages, the numbers counting up before or after its running
 * headers, `pageNumbersBesideHeaders`), and how many such a number's page has: a page prints its
 * number once, so where it has more, the others are a table's figures that equal it. With the
 * running headers' lines.
 */
function pageOwnNumbers(
  doc: NormalisedDocument,
  written: Set<number>,
): {
  known: boolean;
  own: (l: Line) => boolean;
  printedOnPage: (l: Line) => number;
  headers: Set<number>;
} {
  const { furniture } = doc;
  const offset = printedPageOffset(furniture);
  const beforeHeaders = pageNumbersBesideHeaders(furniture, written);
  const own = (l: Line) =>
    l.page === null
      ? beforeHeaders.numbers.has(l.line)
      : offset !== null && /^\d{1,3}$/.test(l.flat) && Number(l.flat) - l.page === offset;
  const byPage = new Map<number, number>();
  for (const l of furniture) if (l.page !== null && own(l)) byPage.set(l.page, (byPage.get(l.page) ?? 0) + 1);
  return {
    known: offset !== null || beforeHeaders.numbers.size > 0,
    own,
    // (Without pages, each number before a header is its page's one.)
    printedOnPage: (l: Line) => (l.page === null ? (own(l) ? 1 : 0) : (byPage.get(l.page) ?? 0)),
    headers: beforeHeaders.headers,
  };
}

/**
 * How far the printed page numbers run from the pages the text's form feeds count (0 when the
 * cover is page 1): the difference most lone whole numbers agree on, given by at least three pages;
 * null without pages or without such agreement.
 */
function printedPageOffset(furniture: Line[]): number | null {
  const pagesByOffset = new Map<number, Set<number>>();
  for (const l of furniture) {
    if (l.page === null || !/^\d{1,3}$/.test(l.flat)) continue;
    const offset = Number(l.flat) - l.page;
    const pages = pagesByOffset.get(offset) ?? new Set<number>();
    pages.add(l.page);
    pagesByOffset.set(offset, pages);
  }
  let best: number | null = null;
  let most = 2;
  for (const [offset, pages] of pagesByOffset) {
    if (pages.size > most) {
      best = offset;
      most = pages.size;
    }
  }
  return best;
}

/** A row of `a`'s place whose cells are `cells`' lines, one a cell. */
function joined(a: Line, cells: Line[]): Line {
  return lineOfParts(
    a,
    cells,
    cells.map((l) => l.flat),
  );
}

/** A split table's row subject at `j` whose cell wraps onto the next line, its figures after. */
function wrappedSubject(lines: Line[], j: number): boolean {
  const [first, second, figure] = [lines[j], lines[j + 1], lines[j + 2]];
  return (
    first !== undefined &&
    second !== undefined &&
    figure !== undefined &&
    second.line - first.line === 1 &&
    isFactText(second) &&
    percentCell(second.flat) === null &&
    percentCell(figure.flat) !== null &&
    figure.line - second.line <= 2
  );
}

/** A column name's lines, one group a name: a line joins the name above where `continues` says so. */
function groupNames(names: Line[], continues: (name: Line, above: Line) => boolean): Line[][] {
  const groups: Line[][] = [];
  for (const name of names) {
    const group = groups[groups.length - 1];
    const above = group?.[group.length - 1];
    if (group && above && continues(name, above)) group.push(name);
    else groups.push([name]);
  }
  return groups;
}

/**
 * A wrapped name's first line and the next column's name on one baseline, written as one line,
 * the name's other lines in lower case straight below (pdftotext of A5 pages: "Black and
 * Unknown" / "minority" / "ethnic"): the first line's words, the lines that carry them on, then
 * the next name.
 */
function nextNameAfterWrap(columns: Line[]): Line[] {
  const out: Line[] = [];
  for (let k = 0; k < columns.length; k++) {
    const name = columns[k] as Line;
    const pieces = /^(.*\S)\s+(\p{Lu}.*)$/u.exec(name.flat);
    let end = k + 1;
    while (
      end < columns.length &&
      /^[a-z]/.test((columns[end] as Line).flat) &&
      (columns[end] as Line).line - (columns[end - 1] as Line).line === 1
    )
      end++;
    if (!pieces || end === k + 1 || !RUNS_ON.test(pieces[1] as string)) {
      out.push(name);
      continue;
    }
    const piece = (flat: string) => ({ ...name, cells: [flat], flat });
    out.push(piece(pieces[1] as string), ...columns.slice(k + 1, end), piece(pieces[2] as string));
    k = end - 1;
  }
  return out;
}

/**
 * The next column's name written between a name's two lines, on the first one's baseline
 * ("Black and" / "Unknown" / "minority ethnic"): a name that cannot end where it does takes the
 * next name written in lower case.
 */
function runOnNames(columns: Line[]): Line[][] {
  const names = columns.map((name) => [name]);
  for (let k = 0; k < names.length; k++) {
    const first = (names[k] as Line[])[0] as Line;
    if (!RUNS_ON.test(first.flat)) continue;
    const rest = names.findIndex((n, m) => m > k && /^[a-z]/.test((n[0] as Line).flat));
    if (rest < 0) continue;
    names[k]?.push(...(names[rest] as Line[]));
    names.splice(rest, 1);
  }
  return names;
}

const JOINING_THEN_NAME = /^(and|or)\s+([A-Z].*)$/;

/** A name whole: not begun in lower case, not ended on a word that cannot end one ("Black and"). */
const wholeName = (name: Line[]) =>
  !/^[a-z]/.test((name[0] as Line).flat) && !RUNS_ON.test((name[name.length - 1] as Line).flat);

/**
 * A split table written a cell per line: "Age" / "10–14" / "15–17" / "Kirklees YJS" / "29%" /
 * "71%" / ...: the header's column names run to the first row's subject (the text before a
 * percentage); each row is a subject and one percentage per column.
 */
function splitTableRows(lines: Line[], i: number, end: number): { rows: Line[]; next: number } | null {
  const isPercent = (l: Line | undefined) => l !== undefined && percentCell(l.flat) !== null;
  // A column name: "White", "10–14", "15–17 years" (no percentage, no long text).
  const isName = (l: Line) => !isPercent(l) && l.flat.length <= 60 && l.cells.length === 1;
  let j = i + 1;
  // (Names stop at the next table's header, "Race/ethnicity" under "Age": a heading row
  // repeated at a page's head, its rows on the page before, stands over nothing. Not at a
  // name's lower-case last line, "ethnic".)
  const nextHeader = (l: Line) => /^[A-Z]/.test(l.flat) && isSplitHeader(l);
  while (j + 1 < end && isName(lines[j] as Line) && !nextHeader(lines[j] as Line) && !isPercent(lines[j + 1]))
    j++;
  let columns = lines.slice(i + 1, j);
  if (columns.length < 2 || !columns.every(isName)) return null;
  // A justified name's joining word pushed onto the next name's line ("Black" / "and Unknown" /
  // "minority ethnic", pdftotext of justified cells): the word back on the name it carries on.
  columns = columns.flatMap((name, k) => {
    const [above, below] = [columns[k - 1], columns[k + 1]];
    const spread = (l: Line | undefined, over: Line | undefined) =>
      l && over && l.line - over.line === 1 && !RUNS_ON.test(over.flat)
        ? JOINING_THEN_NAME.exec(l.flat)
        : null;
    const taken = spread(below, name);
    if (taken) return [{ ...name, cells: [`${name.flat} ${taken[1]}`], flat: `${name.flat} ${taken[1]}` }];
    const left = spread(name, above);
    return left ? [{ ...name, cells: [left[2] as string], flat: left[2] as string }] : [name];
  });
  // A wrapped name's last line and the next column's name on one baseline, written as one line
  // (MuPDF: "Black and" / "minority ethnic Unknown"): two names, where the one above cannot end.
  columns = columns.flatMap((name, k) => {
    const above = columns[k - 1];
    const pieces = /^([a-z][^A-Z]*?)\s+([A-Z].*)$/.exec(name.flat);
    if (!pieces || !above || !RUNS_ON.test(above.flat) || name.line - above.line !== 1) return [name];
    return pieces.slice(1, 3).map((piece) => ({ ...name, cells: [piece], flat: piece }));
  });
  columns = nextNameAfterWrap(columns);
  // More names than the first row has figures: a name wrapped in its narrow cell, its lines
  // written together ("Black and" / "minority" / "ethnic"), a blank line between cells.
  let width = 0;
  while (isPercent(lines[j + 1 + width])) width++;
  if (width >= 2 && width < columns.length) {
    const grouped = [
      // A cell's lines one after another, a blank line between cells (pdftotext).
      groupNames(columns, (name, above) => name.line - above.line === 1),
      // Or a name's wrapped lines in lower case below its first, straight below or across a
      // blank line, the names' lines written together (MuPDF: "White" / "Black" / "and" /
      // "minority" / "ethnic" / "" / "Unknown", or "Black and" / "" / "minority ethnic").
      groupNames(columns, (name, above) => /^[a-z]/.test(name.flat) && name.line - above.line <= 2),
      runOnNames(columns),
    ].find((names) => names.length === width && names.every(wholeName));
    if (grouped) columns = grouped.map(labelLine);
  }
  // A name's second line left over ("minority ethnic", its first line written elsewhere, above
  // the header): which column it ends cannot be told, so neither can the figures' columns.
  if (columns.some((c) => /^[a-z]/.test(c.flat))) return null;
  const rows = [joined(lines[i] as Line, [lines[i] as Line, ...columns])];
  while (j + columns.length < end && isFactText(lines[j] as Line)) {
    // The row's subject, wrapped in its cell onto the next line ("Youth population (10–17
    // years) in Tower" / "Hamlets and City of London"), then its figures.
    const wraps = wrappedSubject(lines, j) ? 1 : 0;
    const figures = lines.slice(j + 1 + wraps, j + 1 + wraps + columns.length);
    if (!figures.every(isPercent)) break;
    const subject = wraps ? labelLine(lines.slice(j, j + 2)) : (lines[j] as Line);
    rows.push(joined(lines[j] as Line, [subject, ...figures]));
    j += 1 + wraps + columns.length;
  }
  return rows.length > 1 ? { rows, next: j } : null;
}

/** An age split's column name alone on its line (the names the facts reader cuts headers by). */
const AGE_COLUMN = new RegExp(`^(?:${AGE_BAND})$`, "i");

/** A split table's column name on a line of its own: "10–14", "15–17 years", "White", "Female". */
function splitColumnName(group: FactGroup, line: Line): boolean {
  const flat = line.flat;
  if (line.cells.length !== 1 || flat.length > 40 || /\d/.test(flat) !== (group === "age")) return false;
  // (A name opens on its capital: "minority ethnic" is a piece of one, namePiece.)
  return group === "age"
    ? AGE_COLUMN.test(flat)
    : /^[A-Z]/.test(flat) && (COLUMN_FITS[group]?.test(flat) ?? false);
}

/** A later line of a column name wrapped in its cell: "and", "minority ethnic" (of "Black" / "and" / "minority ethnic"). */
const namePiece = (group: FactGroup, line: Line) =>
  line.cells.length === 1 && /^[a-z]/.test(line.flat) && columnNamePiece(group, line.flat);

/**
 * Split tables written a text box at a time (pdfminer.six), where splitTableRows cannot read
 * them: the header ("Age") and the rows' subjects, a box each ("Kirklees YJS" / "National
 * average"); then, wherever they come in the table, blocks of one or more of its column names
 * each followed by a figure for every subject, a column's figures together ("10–14" / "29%" /
 * "22%", "Black and minority ethnic" / "Unknown" / "30%" / "29%" / "5%" / "0%"). A table is put
 * back only when every subject's shares add up to 100 (give or take their rounding), and, where
 * a block of several names could be read row by row as well as a column at a time, only one of
 * the two does. The tables' rows stand at their headers; every line they took is taken out.
 */
function boxedSplitTables(lines: Line[]): { lines: Line[]; standIns: Set<Line> } {
  const standIns = new Set<Line>();
  if (!lines.some(isSplitHeader)) return { lines, standIns };
  const taken = new Set<Line>();
  const rowsAt = new Map<Line, Line[]>();
  for (const header of lines.filter(isSplitHeader)) {
    // (Each table judged on the lines the tables before it left.)
    const rest = taken.size > 0 ? lines.filter((l) => !taken.has(l)) : lines;
    const read = boxedSplitTable(rest, rest.indexOf(header));
    if (!read) continue;
    rowsAt.set(header, read.rows);
    for (const line of read.taken) taken.add(line);
  }
  if (rowsAt.size === 0) return { lines, standIns };
  // Where lines were taken out, a line of no cells stands in their place: what was on either
  // side was never next to each other, and no figure or label may pair across it (a figure of
  // a table left unread with a label after the taken lines; a table left unread, its names in
  // an order of pdfminer's own, "White" / "Unknown" / "Black and minority ethnic", with its
  // figures). factTableRows drops them.
  const out: Line[] = [];
  for (const line of lines) {
    const rows = rowsAt.get(line);
    if (rows) out.push(...rows);
    else if (!taken.has(line)) out.push(line);
    else if (!standIns.has(out[out.length - 1] as Line)) {
      const standIn = { ...line, cells: [], flat: "", raw: "", markers: [] };
      standIns.add(standIn);
      out.push(standIn);
    }
  }
  return { lines: out, standIns };
}

/** The split table headed at `i` read from its boxes (see boxedSplitTables): its rows and the lines they took, or null. */
function boxedSplitTable(lines: Line[], i: number): { rows: Line[]; taken: Line[] } | null {
  if (i < 0) return null;
  const header = lines[i] as Line;
  const group = (SPLIT_HEADERS.find((h) => h.re.test(header.flat)) as (typeof SPLIT_HEADERS)[number]).group;
  const anyName = (l: Line) => SPLIT_HEADERS.some((h) => splitColumnName(h.group, l));
  // The subjects: text after the header up to a column name, a heading or a figure (a subject
  // wrapped in its box runs on from a line that cannot end it, or into one in lower case).
  const subjects: Line[][] = [];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const line = lines[j] as Line;
    if (
      line.cells.length !== 1 ||
      !isFactText(line) ||
      isSplitHeader(line) ||
      anyName(line) ||
      CAPTION.test(line.flat)
    )
      break;
    const last = subjects[subjects.length - 1];
    const above = last?.[last.length - 1];
    if (above && line.line - above.line === 1 && (RUNS_ON.test(above.flat) || /^[a-z(]/.test(line.flat)))
      last?.push(line);
    else subjects.push([line]);
  }
  const k = subjects.length;
  if (k === 0) return null;
  // Its blocks: names, then a figure for every subject under every name.
  const blocks: { names: Line[]; figures: Line[] }[] = [];
  for (let p = j; p < lines.length; p++) {
    if (!splitColumnName(group, lines[p] as Line)) continue;
    let q = p;
    let wrapped = false;
    for (; q < lines.length; q++) {
      if (splitColumnName(group, lines[q] as Line)) continue;
      if (!namePiece(group, lines[q] as Line)) break;
      wrapped = true;
    }
    const names = lines.slice(p, q);
    let r = q;
    while (lonePercent(lines[r])) r++;
    // (Not where a name wrapped in its cell: pdfminer may write such a block's figure columns in
    // another order than its names, and nothing tells. Croydon's "Black" / "and" / "minority
    // ethnic" / "Unknown" / "9%" / "4%" / "69%" / "26%": the first two figures are Unknown's.)
    if (!wrapped && r - q === names.length * k) blocks.push({ names, figures: lines.slice(q, r) });
    p = r - 1;
  }
  // Each block's figures by subject: a column at a time, or row by row.
  const readingsOf = (chosen: typeof blocks) =>
    [0, 1].map((order) => {
      const rows = subjects.map(() => [] as Line[]);
      for (const { names: m, figures } of chosen)
        subjects.forEach((_, s) => {
          for (let c = 0; c < m.length; c++)
            rows[s]?.push(figures[order === 0 || m.length === 1 ? c * k + s : s * m.length + c] as Line);
        });
      return rows;
    });
  const adds = (rows: Line[][]) => rows.every(sharesAddUp);
  // A block whose every name another split may have too ("Unknown": ethnicity's, or gender's) is
  // this table's only where without it no row adds up to 100 and with it every row does.
  const shared = (b: (typeof blocks)[number]) =>
    b.names.every((n) => SPLIT_HEADERS.some((h) => h.group !== group && splitColumnName(h.group, n)));
  let chosen = blocks.filter((b) => !shared(b));
  if (!readingsOf(chosen).some(adds)) {
    const completing = blocks.find((b) => shared(b) && readingsOf([...chosen, b]).some(adds));
    if (completing) chosen = blocks.filter((b) => !shared(b) || b === completing);
  }
  const names = chosen.flatMap((b) => b.names);
  if (names.length < 2 || new Set(names.map((n) => n.flat.toLowerCase())).size !== names.length) return null;
  const sound = readingsOf(chosen).filter(adds);
  const several = chosen.some((b) => b.names.length > 1);
  if (sound.length === 0 || (several && sound.length > 1)) return null;
  const figures = sound[0] as Line[][];
  const rows = [
    joined(header, [header, ...names]),
    ...subjects.map((subject, s) =>
      lineOfParts(
        subject[0] as Line,
        [...subject, ...(figures[s] as Line[])],
        [labelLine(subject).flat, ...(figures[s] as Line[]).map((l) => l.flat)],
      ),
    ),
  ];
  return { rows, taken: [...subjects.flat(), ...chosen.flatMap((b) => [...b.names, ...b.figures])] };
}

/**
 * The label starting at `i`: its line and those that carry it on, a label wrapped in its cell
 * ("Vacancy rate case managers only (... as percentage" / "of total case manager headcount)").
 * A line in lower case carries it on; a capitalised one only on the very next line (pdftotext
 * without -layout writes a cell's lines together and a blank line between cells), and, where
 * the table was read a column at a time (labels of several rows together), only after a word
 * that cannot end a label.
 */
function labelEnd(lines: Line[], i: number, byColumns: boolean): number {
  let j = i + 1;
  for (; j < lines.length; j++) {
    const [line, before] = [lines[j] as Line, lines[j - 1] as Line];
    const gap = line.line - before.line;
    // A caption ("Of the 57 court disposals:") is no part of a label before it.
    if (!isFactText(line) || /:$/.test(line.flat) || CAPTION.test(line.flat)) break;
    if (gap <= 2 && /^[a-z(]/.test(line.flat)) continue;
    if (gap !== 1 || (byColumns && !RUNS_ON.test(before.flat) && !NAME_ENDING_LABEL.test(line.flat))) break;
  }
  return j;
}

/**
 * A label's last line that is a name and its year alone ("... in North" / "Somerset (2018)"):
 * the rest of a place's name wrapped, never a label of its own.
 */
const NAME_ENDING_LABEL = new RegExp(`^${AREA_NAME}\\s*\\(\\d{4}\\)$`, "u");

/**
 * The table was read a column at a time: outside split tables, figures on consecutive lines and
 * labels on consecutive lines (a label's own wrapped line aside). Either alone is no sign: a
 * chart's figure may stand above a row's, a label may wrap.
 */
function readByColumns(lines: Line[]): boolean {
  let figures = false;
  let labels = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    const split = isSplitHeader(lines[i] as Line) ? splitTableRows(lines, i, lines.length) : null;
    if (split) {
      i = split.next - 1;
      continue;
    }
    const [a, b] = [lines[i] as Line, lines[i + 1] as Line];
    if (b.line - a.line !== 1) continue;
    if (isFactFigure(a) && isFactFigure(b)) figures = true;
    if (isFactText(a) && isFactText(b) && !/^[a-z(]/.test(b.flat) && !RUNS_ON.test(a.flat)) labels = true;
  }
  return figures && labels;
}

/**
 * For each line of a table, whether the part it stands in (from one of the table's headings to
 * the next) was read a column at a time. Each part is judged alone: one part's cells written a
 * line each (a split table whose wrapped heading was not recognised, MuPDF) say nothing of the
 * rows of the next, each figure above its label.
 */
function columnReadSections(lines: Line[]): boolean[] {
  const out: boolean[] = [];
  for (let start = 0; start < lines.length; ) {
    let end = start + 1;
    while (end < lines.length && !factHeading(lines[end] as Line)) end++;
    const byColumns = readByColumns(lines.slice(start, end));
    for (let k = start; k < end; k++) out.push(byColumns);
    start = end;
  }
  return out;
}

/**
 * A caption over a table's rows ("Of the 69 court disposals", "For children in ...:"), or over
 * the split tables after the population's ("Demographics of children cautioned or sentenced").
 */
const CAPTION = /^(?:Of the|For)\b|^Demographics of children\b/i;

/** Whether a figure and its label's lines stand on one page, where the text says which. */
function samePage(figure: Line, label: Line[]): boolean {
  return label.every((l) => l.page === null || figure.page === null || l.page === figure.page);
}

/**
 * A stretch of a table read a column at a time (pdftotext without -layout, rows set close):
 * k labels then k figures, or k figures then k labels, paired in order, up to the stretch's end
 * or a line of prose after them. Anything less plain (an orphan figure, a caption between) is not
 * paired this way. The rows, and how many of the stretch's lines they took.
 */
function columnPairs(
  written: Line[],
  order: "figure-first" | "label-first",
): { rows: Line[]; used: number } | null {
  // (The figure column's heading, "%", written at the column's head between the labels and the
  // figures: "Offence types" / the labels / "%" / the figures.)
  const percentHeading =
    order === "label-first"
      ? written.findIndex(
          (l, k) => k > 0 && isFactText(written[k - 1] as Line) && headsFigureColumn(l, written[k + 1]),
        )
      : -1;
  const stretch = percentHeading > 0 ? written.filter((_, k) => k !== percentHeading) : written;
  const kinds = stretch.map((l) =>
    isFactFigure(l) ? "F" : isFactText(l) && !CAPTION.test(l.flat) ? "T" : "?",
  );
  const labels: Line[][] = [];
  const figures: Line[] = [];
  let i = 0;
  const labelsAt = (from: number) => {
    let j = from;
    while (j < stretch.length && kinds[j] === "T") {
      const end = labelEnd(stretch, j, true);
      labels.push(stretch.slice(j, end));
      j = end;
    }
    return j;
  };
  const figuresAt = (from: number) => {
    let j = from;
    while (j < stretch.length && kinds[j] === "F") figures.push(stretch[j++] as Line);
    return j;
  };
  i = kinds[0] === "T" ? figuresAt(labelsAt(0)) : labelsAt(figuresAt(0));
  // (The table's columns may end where prose begins, a line as wide as the page's text: "In
  // making a judgement about staffing, we take into account ..." after the staffing table; what
  // comes after it is not the table's. Anything else after them, or neither a label nor a
  // figure among them, and there is no pairing.)
  const rest = stretch[i];
  const proseAfter = rest !== undefined && rest.flat.split(" ").length >= PROSE_WORDS;
  // (Or the next rows' columns: a page's box of rows, then another's, "Offence types" / three
  // labels / "%" / their three figures / five labels / their five figures.)
  const nextRowsAfter = kinds[i] === (order === "label-first" ? "T" : "F");
  if (
    (i !== stretch.length && !proseAfter && !nextRowsAfter) ||
    labels.length < 2 ||
    labels.length !== figures.length
  )
    return null;
  // Every pair must be possible (a population is a count, a reoffending rate a percentage) and
  // every label whole (wholeLabel: "Proportion of current caseload 'Looked" /
  // "After Children' placed ..." are two pieces): one label miscounted shifts every pair after it.
  // (And on one page: a converter reads a page's columns before the next page's, so figures
  // before a page break and labels after it are two pages' halves of rows, pdfminer's "50%" /
  // "11%" / page 10's number / "Fraud and forgery" / "Drug offences".)
  const fits = labels.every((label, k) => {
    const figure = leadingFigure((figures[k] as Line).flat);
    const text = label.map((l) => l.flat).join(" ");
    return (
      figure !== null && fitsLabel(text, figure) && wholeLabel(text) && samePage(figures[k] as Line, label)
    );
  });
  if (!fits) return null;
  const rows = labels.map((label, k) => {
    const [figure, text] = [figures[k] as Line, labelLine(label)];
    return joined(label[0] as Line, order === "figure-first" ? [figure, text] : [text, figure]);
  });
  // (The lines of `written` used: a heading passed over among them.)
  return { rows, used: i + written.length - stretch.length };
}

/** A line of this many words or more is prose, not a facts table's label (a cell wraps sooner). */
const PROSE_WORDS = 14;

/**
 * A figure-first part written a text box at a time, each box a blank line from the next
 * (pdfminer.six): k figures, each a box of its own (captions between them, "Of the 69 court
 * disposals"), then exactly k labels, a box each (a label wrapped in its box runs on from line to
 * line: "Total current caseload on community" / "sentences"). Paired in order, where every pair
 * fits and every label is whole; the rows stand at their figures' lines, captions between.
 */
function figureBoxesThenLabels(lines: Line[], i: number): { rows: Line[]; next: number } | null {
  const inRun = (k: number) =>
    boxedAt(lines, k) && (isFactFigure(lines[k] as Line) || CAPTION.test((lines[k] as Line).flat));
  // (From the run's first box only: the figures after its first, with one label too few, would
  // pair every figure with the label of the row before.)
  if (i > 0 && inRun(i - 1)) return null;
  const run: Line[] = [];
  let j = i;
  for (; j < lines.length && inRun(j); j++) run.push(lines[j] as Line);
  while (run.length > 0 && !isFactFigure(run[run.length - 1] as Line)) {
    run.pop();
    j--;
  }
  const figures = run.filter(isFactFigure);
  if (figures.length < 2) return null;
  const boxes = labelBoxesAt(lines, j, figures.length);
  if (!boxes || !pairsFit(boxes.labels, figures)) return null;
  let k = 0;
  const rows = run.map((line) =>
    isFactFigure(line) ? joined(line, [line, labelLine(boxes.labels[k++] as Line[])]) : line,
  );
  return { rows, next: boxes.next };
}

/** What the figures under each of the contextual facts' sub-headings are: their labels' groups. */
const GROUPS_UNDER: [RegExp, FactGroup[]][] = [
  [/^Youth (?:justice|offending) information/i, ["first_time_entrants", "reoffending"]],
  [/^Population information/i, ["population"]],
  [/^Additional caseload data/i, ["caseload"]],
];

/**
 * The contextual facts written a text box at a time with every sub-table's figures first, under
 * their sub-headings, and all their labels after them (pdfminer.six: "Youth justice information"
 * / "233" / "207" / "34%" / "38%" / "Population information" / "441,290" / "44,773" / ... /
 * "First-time entrant rate ..." / ...): from the region's start, figures a box each under
 * sub-headings (split tables' rows, already put back, and lines taken out between), then exactly
 * as many labels, a box each. Paired in order, only where every pair fits and every label's group
 * is one the heading over its figure holds (a first-time entrant rate under "Youth justice
 * information", a population under "Population information").
 */
function headedFiguresThenLabels(lines: Line[], standIns: Set<Line>): Line[] {
  const figures: { line: Line; groups: FactGroup[] }[] = [];
  const labels: Line[][] = [];
  let groups: FactGroup[] | null = null;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (standIns.has(line) || line.cells.length > 1) continue;
    const under = GROUPS_UNDER.find(([re]) => re.test(line.flat));
    if (under || factHeading(line)) {
      if (labels.length > 0) break;
      groups = under?.[1] ?? null;
      continue;
    }
    if (isFactFigure(line) && boxedAt(lines, i)) {
      if (labels.length > 0 || groups === null) return lines;
      figures.push({ line, groups });
      continue;
    }
    // A label's box ("Total current caseload, of which:" heads its rows as a label).
    const piece = (l: Line | undefined): boolean =>
      l !== undefined && l.cells.length === 1 && (labelPiece(l) || /of which:$/i.test(l.flat));
    if (
      !piece(line) ||
      (i > 0 && line.line - (lines[i - 1] as Line).line < 2 && !standIns.has(lines[i - 1] as Line))
    )
      break;
    const end = boxEnd(lines, i, piece);
    labels.push(lines.slice(i, end));
    i = end - 1;
  }
  if (
    figures.length < 3 ||
    !pairsFit(
      labels,
      figures.map((f) => f.line),
    )
  )
    return lines;
  const kinds = labels.every((label, k) => {
    const group = groupOf(labelText(label))?.group;
    return group !== undefined && (figures[k] as (typeof figures)[number]).groups.includes(group);
  });
  if (!kinds) return lines;
  const rows = new Map(
    figures.map(({ line }, k) => [line, joined(line, [line, labelLine(labels[k] as Line[])])]),
  );
  const taken = new Set(labels.flat());
  return lines.flatMap((l) => (taken.has(l) ? [] : [rows.get(l) ?? l]));
}

/**
 * The mirror of figureBoxesThenLabels in a label-first part (the sections' staffing and caseload
 * tables): straight after the table's heading, k labels, a box each, then exactly k figures, a
 * box each ("Key staffing data" / seven labels / "43.7" / "8.6" / ... / "7%"). Paired in order,
 * where every pair fits and every label is whole.
 */
function labelBoxesThenFigures(lines: Line[], i: number): { rows: Line[]; next: number } | null {
  // (The table's first line: its heading's, or the region's, the heading before the lines.)
  if (i > 0 && factHeading(lines[i - 1] as Line)?.order !== "label-first") return null;
  const boxes = labelBoxesAt(lines, i, Number.POSITIVE_INFINITY);
  if (!boxes || boxes.labels.length < 2) return null;
  let j = boxes.next;
  // (The figure column's heading, "%", a box of its own between the labels and the figures.)
  if (j < lines.length && boxedAt(lines, j) && headsFigureColumn(lines[j] as Line, lines[j + 1])) j++;
  const figures: Line[] = [];
  while (j < lines.length && boxedAt(lines, j) && isFactFigure(lines[j] as Line))
    figures.push(lines[j++] as Line);
  if (!pairsFit(boxes.labels, figures)) return null;
  const rows = boxes.labels.map((label, k) =>
    joined(label[0] as Line, [labelLine(label), figures[k] as Line]),
  );
  return { rows, next: j };
}

/** A figure alone on its line ("0%", "12.5", "43.7"). */
const figureAlone = (line: Line | undefined): line is Line =>
  line !== undefined && line.cells.length === 1 && FIGURE_ALONE.test(line.flat);

/** Whether every row's figure (its cell `figureAt`) can be its label's (the other cell), each label whole. */
function rowsFit(rows: Line[], figureAt: 0 | 1): boolean {
  return rows.every((row) => {
    const label = row.cells[1 - figureAt] as string;
    const figure = leadingFigure(row.cells[figureAt] as string);
    return figure !== null && fitsLabel(label, figure) && wholeLabel(label);
  });
}

/**
 * A label-first table written in the order of its cells' lower edges (PyMuPDF's text sorted by
 * position): a label of one line, then its figure on the same baseline; a label wrapped over
 * lines after its figure, which is centred on those lines and so ends higher ("Total headcount
 * other case managers (FTE)" / "7.8" / "0%" / "Vacancy rate (total unfilled posts as percentage
 * of total staff" / "headcount)"). From the table's first line, every row one of the two, at
 * least one of them wrapped (a table of one-line labels is read as any other), and nothing
 * after that could be a row's figure. Null otherwise: a wrapped label with its figure after it
 * is the other order, where a figure before a label is the row's above.
 */
function figuresBeforeWrappedLabels(lines: Line[], i: number): { rows: Line[]; next: number } | null {
  if (i > 0 && factHeading(lines[i - 1] as Line)?.order !== "label-first") return null;
  const labelStart = (l: Line | undefined) => labelPiece(l) && /^[A-Z]/.test((l as Line).flat);
  const near = (a: Line, b: Line) => b.line - a.line <= 2;
  const rows: Line[] = [];
  let wrapped = 0;
  let j = i;
  for (;;) {
    const line = lines[j];
    if (figureAlone(line) && labelStart(lines[j + 1]) && near(line, lines[j + 1] as Line)) {
      const end = wrappedLabelEnd(lines, j + 2);
      if (end - (j + 1) < 2) return null;
      rows.push(joined(lines[j + 1] as Line, [labelLine(lines.slice(j + 1, end)), line]));
      wrapped++;
      j = end;
      continue;
    }
    const figure = lines[j + 1];
    if (
      labelStart(line) &&
      wrappedLabelEnd(lines, j + 1) === j + 1 &&
      figureAlone(figure) &&
      near(line as Line, figure)
    ) {
      rows.push(joined(line as Line, [line as Line, figure]));
      j += 2;
      continue;
    }
    break;
  }
  if (wrapped === 0 || rows.length < 2 || figureAlone(lines[j])) return null;
  // (A wrapped label with a figure after it: the rows are in the other order.)
  const end = labelStart(lines[j]) ? wrappedLabelEnd(lines, j + 1) : j;
  if (end > j + 1 && figureAlone(lines[end]) && near(lines[end - 1] as Line, lines[end] as Line)) return null;
  return rowsFit(rows, 1) ? { rows, next: j } : null;
}

/**
 * The same in a figure-first part (the contextual facts' caseload rows): a figure of one line,
 * then its label, on the same baseline; a count and its share wrapped over two lines in their
 * narrow cell after a label of one line, which ends higher ("106" / "Total current caseload, of
 * which:" / "court disposals" / "69" / "(65%)" / "out-of-court disposals" / "37" / "(35%)"). A
 * label's lines in lower case after its first carry it on, but not the one a wrapped count
 * follows: that is the next row's. From the table's first line (after its heading or a
 * caption) up to the next caption or heading, every row one of the two, at least one a count
 * wrapped after its label; null otherwise (a count and its share before their label is the
 * other order).
 */
function countsWrappedAfterLabels(lines: Line[], i: number): { rows: Line[]; next: number } | null {
  const before = lines[i - 1];
  if (before && factHeading(before)?.order !== "figure-first" && !CAPTION.test(before.flat)) return null;
  const rows: Line[] = [];
  let after = 0;
  let j = i;
  const oneLineLabel = (k: number) =>
    labelPiece(lines[k]) &&
    lines[k + 1] !== undefined &&
    (lines[k + 1] as Line).line - (lines[k] as Line).line <= 2;
  for (;;) {
    const line = lines[j];
    if (!line || line.cells.length !== 1) break;
    // (A label's first line may end in a colon: "Total current caseload, of which:".)
    const label = lines[j + 1];
    const labelled =
      label !== undefined && label.cells.length === 1 && isFactText(label) && !CAPTION.test(label.flat);
    if (figureAlone(line) && !countWithShare(lines, j) && labelled) {
      let end = j + 2;
      while (
        end < lines.length &&
        /^[a-z(]/.test((lines[end] as Line).flat) &&
        labelPiece(lines[end]) &&
        (lines[end] as Line).line - (lines[end - 1] as Line).line === 1 &&
        !countWithShare(lines, end + 1)
      )
        end++;
      rows.push(joined(line, [line, labelLine(lines.slice(j + 1, end))]));
      j = end;
      continue;
    }
    const counted = oneLineLabel(j) ? countWithShare(lines, j + 1) : null;
    if (counted) {
      rows.push(joined(line, [counted, line]));
      after++;
      j += 3;
      continue;
    }
    break;
  }
  const stop = lines[j];
  if (after === 0 || rows.length < 2 || (stop && isFactFigure(stop))) return null;
  return rowsFit(rows, 0) ? { rows, next: j } : null;
}

/** Whether the line at `k` is a text box of one line: a blank line (or more) either side. */
function boxedAt(lines: Line[], k: number): boolean {
  return (
    (lines[k] as Line).cells.length === 1 &&
    (k === 0 || (lines[k] as Line).line - (lines[k - 1] as Line).line >= 2) &&
    (k + 1 >= lines.length || (lines[k + 1] as Line).line - (lines[k] as Line).line >= 2)
  );
}

/** A line that may be (part of) a facts label: short text, no caption, no heading ending in ":". */
const labelPiece = (line: Line | undefined): boolean =>
  line !== undefined &&
  line.cells.length === 1 &&
  isFactText(line) &&
  !CAPTION.test(line.flat) &&
  !/:$/.test(line.flat);

/**
 * Labels from `j`, a text box each (a label wrapped in its box runs on from line to line), up
 * to one more than `most`; null where one starts without a blank line before it.
 */
function labelBoxesAt(lines: Line[], j: number, most: number): { labels: Line[][]; next: number } | null {
  const labels: Line[][] = [];
  let next = j;
  while (next < lines.length && labels.length <= most && labelPiece(lines[next])) {
    if (next > 0 && (lines[next] as Line).line - (lines[next - 1] as Line).line < 2) return null;
    const end = boxEnd(lines, next, labelPiece);
    labels.push(lines.slice(next, end));
    next = end;
  }
  return { labels, next };
}

/** Where the box starting at `start` ends: its lines one after the other, each a `piece` of it. */
function boxEnd(lines: Line[], start: number, piece: (line: Line | undefined) => boolean): number {
  let end = start + 1;
  while (
    end < lines.length &&
    piece(lines[end]) &&
    (lines[end] as Line).line - (lines[end - 1] as Line).line === 1
  )
    end++;
  return end;
}

/** A label's lines as its text (a word broken after its hyphen closes up). */
const labelText = (label: Line[]) => label.map((l) => l.flat).reduce(joinWrapped);

/** As many labels as figures, each figure possible for its label, each label whole. */
function pairsFit(labels: Line[][], figures: Line[]): boolean {
  return (
    labels.length === figures.length &&
    labels.every((label, k) => {
      const text = labelText(label);
      const figure = leadingFigure((figures[k] as Line).flat);
      return figure !== null && fitsLabel(text, figure) && wholeLabel(text);
    })
  );
}

/** A count at `i` and its share written on the next line ("69" / "(65%)" / "court disposals"): one figure, or null. */
function countWithShare(lines: Line[], i: number): Line | null {
  const [count, share] = [lines[i] as Line, lines[i + 1]];
  if (
    share === undefined ||
    share.line - count.line !== 1 ||
    count.cells.length !== 1 ||
    !/^\d{1,3}(?:,\d{3})*$/.test(count.flat) ||
    !SHARE_ALONE.test(share.flat)
  )
    return null;
  return lineOfParts(count, [count, share], [`${count.flat} ${share.flat}`], " ");
}

/** One table's lines as rows: figure and label pairs (in its headings' order) and split tables. */
function factTableRows(
  written: Line[],
  regionOrder: "figure-first" | "label-first",
  /** Source lines of page numbers in the table (furniture): a row may stand either side of one. */
  pageNumbers: Set<number> = new Set(),
): Line[] {
  const boxedSplits = boxedSplitTables(written);
  // (Whether a part was read a column at a time is judged on its lines as written: the split
  // tables' lines taken out would leave it looking otherwise.)
  const judged = columnReadSections(written);
  const byLine = new Map(written.map((l, k) => [l, judged[k] as boolean]));
  const lines =
    regionOrder === "figure-first"
      ? headedFiguresThenLabels(boxedSplits.lines, boxedSplits.standIns)
      : boxedSplits.lines;
  const columnRead = boxedSplits.standIns.size === 0 ? judged : lines.map((l) => byLine.get(l) ?? false);
  const out: Line[] = [];
  let order = regionOrder;
  // The last stretch read a column at a time whose labels and figures could not be paired.
  const unpaired = { start: -1, end: -1 };
  // The next line, or across a blank line, or across a page number set apart by blank lines
  // ("30,659" / "10" / "Total youth population ...": 2018's header carries the page number).
  const adjacent = (a: Line, b: Line | undefined): b is Line =>
    b !== undefined &&
    (b.line - a.line <= 2 ||
      (b.line - a.line <= 4 && [...pageNumbers].some((p) => p > a.line && p < b.line)));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const next = lines[i + 1];
    const heading = factHeading(line);
    if (heading) order = heading.order;
    const byColumns = columnRead[i] as boolean;
    const split = isSplitHeader(line) ? splitTableRows(lines, i, lines.length) : null;
    if (split) {
      out.push(...split.rows);
      i = split.next - 1;
      continue;
    }
    const sorted = heading
      ? null
      : order === "label-first"
        ? figuresBeforeWrappedLabels(lines, i)
        : countsWrappedAfterLabels(lines, i);
    if (sorted) {
      out.push(...sorted.rows);
      i = sorted.next - 1;
      continue;
    }
    if (byColumns && !heading && CAPTION.test(line.flat) && line.cells.length === 1) {
      // A caption heads the stretch after it ("Of the 69 court disposals" / three figures /
      // their three labels), as a heading does.
      out.push(line);
      continue;
    }
    if (byColumns && !heading) {
      // The stretch up to the next heading, caption, split table or row of cells.
      let end = i;
      while (
        end < lines.length &&
        (lines[end] as Line).cells.length === 1 &&
        !factHeading(lines[end] as Line) &&
        !isSplitHeader(lines[end] as Line) &&
        !CAPTION.test((lines[end] as Line).flat)
      )
        end++;
      // (Read again from a later line of a stretch that could not be paired, only past lines of
      // both kinds: seven labels and six figures, read from the second label, pair every figure
      // with the label of the row before. Past a piece of a table that could not be paired, a
      // label and its figure, the rest may be.)
      const retried = i < unpaired.end;
      const skipped = retried ? lines.slice(unpaired.start, i) : [];
      const pairs =
        retried && skipped.every((l) => isFactFigure(l) === isFactFigure(line))
          ? null
          : columnPairs(lines.slice(i, end), order);
      if (pairs) {
        out.push(...pairs.rows);
        i += pairs.used - 1;
        continue;
      }
      if (!retried) Object.assign(unpaired, { start: i, end });
    }
    if (!byColumns && !heading) {
      const boxes =
        order === "figure-first" ? figureBoxesThenLabels(lines, i) : labelBoxesThenFigures(lines, i);
      if (boxes) {
        out.push(...boxes.rows);
        i = boxes.next - 1;
        continue;
      }
    }
    // Read by columns, a figure beside a label is no sign they belong together.
    if (byColumns || line.cells.length !== 1 || !adjacent(line, next) || next.cells.length !== 1) {
      out.push(line);
      continue;
    }
    // A label wrapped in its cell with the row's percentage beside its first line, as pdftotext
    // writes it ("... as percentage of total case manager 5%" / "headcount)"): the label whole,
    // then its figure. (Only a percentage: a count there may be a footnote marker.)
    const beside = line.flat.match(/^(.*[A-Za-z),])\s+(\d{1,3}(?:\.\d+)?%)$/);
    const besideEnd = beside ? wrappedLabelEnd(lines, i + 1) : i + 1;
    if (beside && besideEnd > i + 1) {
      const label = [beside[1] as string, ...lines.slice(i + 1, besideEnd).map((l) => l.flat)].reduce(
        joinWrapped,
      );
      out.push(lineOfParts(line, lines.slice(i, besideEnd), [label, beside[2] as string]));
      i = besideEnd - 1;
      continue;
    }
    if (
      order === "figure-first" &&
      isFactFigure(line) &&
      isFactText(next) &&
      !lastOfFigureColumn(lines, i, out, pageNumbers)
    ) {
      const end = labelEnd(lines, i + 1, byColumns);
      out.push(joined(line, [line, labelLine(lines.slice(i + 1, end))]));
      i = end - 1;
      continue;
    }
    // (A count and its share a line each, then the label: MuPDF's text.)
    const counted = order === "figure-first" ? countWithShare(lines, i) : null;
    const label = lines[i + 2];
    if (counted && adjacent(lines[i + 1] as Line, label) && label.cells.length === 1 && isFactText(label)) {
      const end = labelEnd(lines, i + 2, byColumns);
      out.push(joined(line, [counted, labelLine(lines.slice(i + 2, end))]));
      i = end - 1;
      continue;
    }
    const end = order === "label-first" && isFactText(line) ? labelEnd(lines, i, byColumns) : i;
    const figure = lines[end];
    if (end > i && adjacent(lines[end - 1] as Line, figure) && isFactFigure(figure)) {
      const tail = labelAfterFigure(lines, end);
      out.push(joined(line, [labelLine([...lines.slice(i, end), ...lines.slice(end + 1, tail)]), figure]));
      i = tail - 1;
      continue;
    }
    out.push(line);
  }
  // (Without the stand-ins for lines boxedSplitTables took.)
  return boxedSplits.standIns.size > 0 ? out.filter((l) => !boxedSplits.standIns.has(l)) : out;
}

/**
 * Whether the lone figure at `i` ends a column of figures, each a box of its own, with the
 * labels' column after it (pdfminer: "215,052" / "19,364" / "751" / "Total population ..." /
 * ...): the figures above it left without a label (the last lines out). The figure next to the
 * first label is then the last label's, not the first's.
 */
function lastOfFigureColumn(lines: Line[], i: number, out: Line[], pageNumbers: Set<number>): boolean {
  let above = 0;
  for (let k = i - 1; k >= 0 && above < 2; k--) {
    const [line, below] = [lines[k] as Line, lines[k + 1] as Line];
    if (out[out.length - 1 - above] !== line || line.cells.length !== 1 || !isFactFigure(line)) break;
    if (below.line - line.line > 2) break;
    above++;
  }
  // (Whole numbers above it the normaliser took for page numbers: two or more one above the
  // other are no page numbers but the column's figures, "38" / "1" / "1" / "23" / "15" / "79".)
  let top = (lines[i - above] as Line).line;
  let numbers = 0;
  while (above + numbers < 2) {
    const p = pageNumbers.has(top - 1) ? top - 1 : pageNumbers.has(top - 2) ? top - 2 : null;
    if (p === null) break;
    numbers++;
    top = p;
  }
  if (above === 0 && numbers < 2) return false;
  if (above + numbers >= 2) return true;
  // (One figure above: a column, unless rows follow, the first label followed by the next row's
  // figure: a chart's lone figure above a row is no column, "84%" / "385,346" / "Total
  // population ..." / "39,334" / ...; a note's marker on a line of its own may stand between.)
  const end = labelEnd(lines, i + 1, false);
  const [label, after] = [lines[end - 1], lines[end]];
  const rowsFollow =
    label !== undefined &&
    after !== undefined &&
    after.cells.length === 1 &&
    after.line - label.line <= 3 &&
    isFactFigure(after);
  return !rowsFollow;
}

/**
 * A label wrapped round its figure, the figure on the row's middle line, as pdftotext writes a
 * row whose figure is centred beside its label's two lines ("Vacancy rate ... as percentage of
 * total case manager" / "5%" / "headcount)"): the label's last lines, in lower case, straight
 * after the figure (no blank line between any of them). Where they end (`figureAt` + 1 if none).
 */
function labelAfterFigure(lines: Line[], figureAt: number): number {
  const [label, figure] = [lines[figureAt - 1] as Line, lines[figureAt] as Line];
  if (figure.line - label.line !== 1 || /[.?!:;]$/.test(label.flat)) return figureAt + 1;
  return wrappedLabelEnd(lines, figureAt + 1);
}

/** Where a label's wrapped lines from `start` end: each the next source line, in lower case. */
function wrappedLabelEnd(lines: Line[], start: number): number {
  let end = start;
  while (
    end < lines.length &&
    (lines[end] as Line).line - (lines[end - 1] as Line).line === 1 &&
    /^[a-z(]/.test((lines[end] as Line).flat) &&
    isFactText(lines[end] as Line)
  )
    end++;
  return end;
}

/** A label's lines as one. */
function labelLine(parts: Line[]): Line {
  return parts.length === 1
    ? (parts[0] as Line)
    : {
        ...(parts[0] as Line),
        // (A word broken after its hyphen closes up: "out-of-" / "court disposal".)
        flat: parts.map((l) => l.flat).reduce(joinWrapped),
        raw: parts.map((l) => l.raw.trim()).join(" "),
      };
}

/**
 * A label's footnote marker and its row's figure printed a line above the label (pdftotext
 * -layout of a table whose cells are centred without margins: the raised marker and the centred
 * figure share a line, "17   8.6" / "Total headcount qualified case managers (FTE)"): the label
 * with its figure and marker. Only between rows of a label-then-figure table, the row above one.
 */
function markerRaisedWithFigure(doc: NormalisedDocument): NormalisedDocument {
  const markerAndFigure = (l: Line) =>
    l.cells.length === 2 && /^\d{1,2}$/.test(l.cells[0] as string) && FIGURE_ALONE.test(l.cells[1] as string);
  if (!doc.lines.some(markerAndFigure)) return doc;
  const lines: Line[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i] as Line;
    const [above, label] = [doc.lines[i - 1], doc.lines[i + 1]];
    if (
      markerAndFigure(line) &&
      above?.line === line.line - 1 &&
      above.cells.length === 2 &&
      FIGURE_ALONE.test(above.cells[1] as string) &&
      label?.line === line.line + 1 &&
      label.cells.length === 1 &&
      isFactText(label)
    ) {
      const figure = line.cells[1] as string;
      lines.push({
        ...lineOfParts(label, [label, line], [label.flat, figure]),
        markers: [...label.markers, line.cells[0] as string],
      });
      i++;
      continue;
    }
    lines.push(line);
  }
  return { ...doc, lines: lines.map((l, index) => (l.index === index ? l : { ...l, index })) };
}

/** A text that keeps its rows, with its facts tables' lone figures and wrapped labels joined. */
function figuresAboveLabels(doc: NormalisedDocument): NormalisedDocument {
  const regions = factRegions(doc.lines);
  // Most texts have no lone figure in their facts tables (nor a lone number, taken for a page
  // number, just above a line of them): settled cheaply before the tables are read.
  const regionLines = new Set<number>();
  let loneFigure = false;
  for (const [a, b] of regions)
    for (let k = a; k < b; k++) {
      const line = doc.lines[k] as Line;
      regionLines.add(line.line);
      if (figureAlone(line)) loneFigure = true;
    }
  if (!loneFigure && !doc.furniture.some((n) => /^\d{1,3}$/.test(n.flat) && regionLines.has(n.line + 1)))
    return doc;
  const facts = factRows(doc, figureAboveLabelRows, regions);
  const before = new Set(doc.lines);
  if (facts.lines.every((l) => before.has(l) || facts.restored.includes(l))) return doc;
  // (Lone whole numbers the normaliser took for page numbers are the rows' figures only where
  // joined to a label.)
  const used = new Set(facts.lines.flatMap((l) => (l.cells.length > 1 ? [l.line] : [])));
  const restored = facts.restored.filter((n) => used.has(n.line));
  const lines = facts.lines.filter((l) => !facts.restored.includes(l) || used.has(l.line));
  const taken = new Set(restored);
  return {
    ...doc,
    lines: lines.map((l, index) => (l.index === index ? l : { ...l, index })),
    furniture: doc.furniture.filter((l) => !taken.has(l)),
  };
}

/**
 * In a text that keeps its rows, a figure-first table whose figures stand alone above their
 * wrapped labels (pdf-parse's getText of a PDF with each figure centred beside its label's
 * lines: "267" / "First-time entrant rate" / "per 100,000 in Tower" / "Hamlets and City of" /
 * "London"): each lone figure with the label lines after it, where none of them carries a figure
 * of its own and the figure fits the label. Every other line stays as it is.
 */
function figureAboveLabelRows(
  lines: Line[],
  regionOrder: "figure-first" | "label-first",
  pageNumbers: Set<number>,
): Line[] {
  const out: Line[] = [];
  let order = regionOrder;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as Line;
    const heading = factHeading(line);
    if (heading) order = heading.order;
    const sorted = order === "label-first" && !heading ? figuresBeforeWrappedLabels(lines, i) : null;
    if (sorted) {
      out.push(...sorted.rows);
      i = sorted.next - 1;
      continue;
    }
    const counted = countWithShare(lines, i);
    if (counted) {
      line = counted;
      i++;
    }
    const next = lines[i + 1];
    const figure = figureAlone(line) ? leadingFigure(line.flat) : null;
    // A label alone on the line above a lone figure that carries a footnote marker: the label's
    // row, its marker wrapped onto the figure's line (our PDF reader, a label of two lines
    // centred beside its figure: "First-time entrant rate per 100,000 in Kirklees" / "233 ⁶").
    const above = out[out.length - 1];
    if (
      order === "figure-first" &&
      figure !== null &&
      line.markers.length > 0 &&
      above !== undefined &&
      above.line === line.line - 1 &&
      above.cells.length === 1 &&
      above.markers.length === 0 &&
      isFactText(above) &&
      fitsLabel(above.flat, figure)
    ) {
      out[out.length - 1] = lineOfParts(above, [above, line], [line.flat, above.flat]);
      continue;
    }
    if (
      order !== "figure-first" ||
      figure === null ||
      next === undefined ||
      next.cells.length !== 1 ||
      !isFactText(next) ||
      next.line - line.line > 2 + (pageNumbers.size > 0 ? 2 : 0) ||
      lastOfFigureColumn(lines, i, out, pageNumbers)
    ) {
      out.push(line);
      continue;
    }
    const end = labelEnd(lines, i + 1, false);
    const label = lines.slice(i + 1, end);
    const text = label.map((l) => l.flat).join(" ");
    // (A label line ending in a percentage or a decimal carries a row's figure of its own; a
    // whole number may be the label's words: "... caseload aged 16" / "and under in ...".)
    if (label.some((l) => l.cells.length !== 1 || /\d%$|\d\.\d+$/.test(l.flat)) || !fitsLabel(text, figure)) {
      out.push(line);
      continue;
    }
    out.push(joined(line, [line, labelLine(label)]));
    i = end - 1;
  }
  return out;
}

/** The contextual facts and staffing tables of a cell-per-line text as rows (see above). */
function factRows(
  doc: NormalisedDocument,
  tableRows: (
    lines: Line[],
    order: "figure-first" | "label-first",
    pageNumbers: Set<number>,
  ) => Line[] = factTableRows,
  regions: [number, number][] = factRegions(doc.lines),
): { lines: Line[]; restored: Line[] } {
  if (regions.length === 0) return { lines: doc.lines, restored: [] };
  const restored = tableNumbers(doc, factSpans(doc.lines, regions));
  const lines: Line[] = [];
  let from = 0;
  for (const [a, b] of regions) {
    lines.push(...doc.lines.slice(from, a + 1));
    const [first, last] = [(doc.lines[a] as Line).line, (doc.lines[b - 1] as Line).line];
    const table = [
      ...doc.lines.slice(a + 1, b),
      ...restored.filter((n) => n.line > first && n.line < last),
    ].sort((x, y) => x.line - y.line);
    const pageNumbers = new Set(
      doc.furniture
        .filter((n) => n.line > first && n.line < last && /^\d{1,3}$/.test(n.flat) && !restored.includes(n))
        .map((n) => n.line),
    );
    lines.push(...tableRows(table, factHeading(doc.lines[a] as Line)?.order ?? "figure-first", pageNumbers));
    from = b;
  }
  lines.push(...doc.lines.slice(from));
  return { lines, restored };
}

/** The source lines each figure-and-label table spans, from its heading to the line that ends it. */
function factSpans(lines: Line[], regions: [number, number][]): [number, number][] {
  return regions.map(([a, b]) => [
    (lines[a] as Line).line,
    (lines[b] ?? (lines[lines.length - 1] as Line)).line + 1,
  ]);
}

/**
 * In a text of rows (not a cell a line), a figure-and-label table's figure written on a line of
 * its own after its label ("Average caseload case managers (FTE)" / "9", pdftotext -raw), which
 * the normaliser took for a page number: put back, where the text's pages say which numbers are
 * theirs (without that, a page's number could be read as a figure).
 */
function tableFiguresRestored(doc: NormalisedDocument): NormalisedDocument {
  if (!doc.furniture.some((l) => /^\d{1,3}$/.test(l.flat)) || printedPageOffset(doc.furniture) === null)
    return doc;
  const regions = factRegions(doc.lines);
  if (regions.length === 0) return doc;
  // (Only after a label still without its figure, no sentence: after a whole row, "...
  // (12-month period) 7%" / "16", or after a reference, the number is a note's or a page's.)
  const labelAbove = (n: Line) => {
    let above: Line | undefined;
    for (const l of doc.lines) if (l.line < n.line) above = l;
    return (
      above !== undefined &&
      n.line - above.line <= 2 &&
      isFactText(above) &&
      !/\.\s/.test(above.flat) &&
      !/\d%?$/.test(above.flat)
    );
  };
  const restored = new Set(tableNumbers(doc, factSpans(doc.lines, regions)).filter(labelAbove));
  if (restored.size === 0) return doc;
  return {
    ...doc,
    lines: [...doc.lines, ...restored].sort((a, b) => a.line - b.line),
    furniture: doc.furniture.filter((l) => !restored.has(l)),
  };
}

/**
 * A ratings table's rows written a cell a line in a text whose other tables keep their rows (an
 * OCR'd scan's text, pdftotext: "1.1" / "Governance and leadership" / "Requires improvement"),
 * each made one row again: a standard's number alone, its name exactly, then a rating alone
 * ("Requires" / "improvement" too), a line or a blank line apart.
 */
function standardRowsJoined(doc: NormalisedDocument): NormalisedDocument {
  const lines = doc.lines;
  const near = (a: Line, b: Line | undefined): b is Line =>
    b !== undefined && b.cells.length === 1 && b.line - lastLineOf(a) <= 2;
  const out: Line[] = [];
  let joined = false;
  for (let i = 0; i < lines.length; i++) {
    const number = lines[i] as Line;
    out.push(number);
    // (Cheap look first: a standard's number alone.)
    if (number.cells.length !== 1 || !/^[1-4]\.[1-4]\.?$/.test(number.flat)) continue;
    const def = ALL_STANDARD_DEFINITIONS.find((d) => d.id === number.flat.replace(/\.$/, ""));
    const [name, rating] = [lines[i + 1], lines[i + 2]];
    if (!def || !near(number, name) || !spellsStandardName(def, name.flat) || !near(name, rating)) continue;
    const only = ratingOnly(rating.flat);
    const improvement = lines[i + 3];
    const wrapped =
      !only &&
      /^requires$/i.test(rating.flat) &&
      near(rating, improvement) &&
      ratingOnly(`Requires ${improvement.flat}`);
    if (!only && !wrapped) continue;
    const parts = wrapped ? [number, name, rating, improvement as Line] : [number, name, rating];
    const ratingCell = wrapped ? `${rating.flat} ${(improvement as Line).flat}` : rating.flat;
    out[out.length - 1] = lineOfParts(number, parts, [number.flat, name.flat, ratingCell]);
    joined = true;
    i += parts.length - 1;
  }
  if (!joined) return doc;
  out.forEach((l, k) => {
    l.index = k;
  });
  return { ...doc, lines: out };
}

/** A word of a key-question table's column headings: "Relevant cases", "Number 'Yes'", "% 'Yes'". */
const HEADING_WORD = /^(?:relevant|cases|number|%|['‘’"“”]?yes['‘’"“”]?)$/i;
const isHeadingPiece = (cell: string) => {
  const words = cell.trim().split(/\s+/);
  return words.length <= 2 && words.every((w) => HEADING_WORD.test(w));
};
/** The headings a run of their words makes, read in order: "Relevant" "cases" "Number" "'Yes'". */
const HEADINGS_IN_ORDER = /relevant cases|number\s*['‘’"“”]?yes['‘’"“”]?|%\s*['‘’"“”]?yes['‘’"“”]?/gi;

/** Headings that head a table whole: "Relevant cases" and "Number 'Yes'" (and "% 'Yes'" after them), or "% 'Yes'". */
function headingSet(cells: string[]): boolean {
  return (
    cells.length > 0 &&
    cells.every(isColumnHeading) &&
    (cells.length === 2 || /%/.test(cells[0] ?? "") || (cells.length === 3 && /%/.test(cells[2] ?? "")))
  );
}

/**
 * A key-question table's column headings wrapped in their narrow cells ("Relevant" / "cases",
 * "Number" / "'Yes'"), written on the lines after the caption or question they stand beside:
 * side by side a line at a time ("Of the 8 cases inspected:  Relevant  Number" / "cases  'Yes'",
 * pdftotext -layout) or a word to a line ("... inspected: Relevant" / "cases" / "Number" /
 * "'Yes'"). They are put back on the first line, whole, as the table's heading row; a run of
 * words that does not make the headings is left as it stands.
 */
export function wrappedColumnHeadings(lines: Line[], furniture: Line[]): Line[] {
  if (!lines.some((l) => /^(?:cases|['‘’"“”]?yes['‘’"“”]?)$/i.test(l.cells[0] ?? ""))) return lines;
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as Line;
    // The caption centred beside headings wrapped over two lines (cells centred vertically):
    // "Relevant  Number" / "Of the 8 cases inspected:" / "cases  'Yes'".
    // (A third heading short enough for one line stands beside the caption: "Relevant  Number" /
    // "Of the 7 cases ...:  % 'Yes'" / "cases  'Yes'".)
    const [mid, after] = [lines[i + 1], lines[i + 2]];
    const besideCaption =
      mid && mid.cells.length > 1 && PERCENT_HEADER.test(mid.cells.at(-1) as string) ? 1 : 0;
    const caption = mid ? mid.cells.slice(0, mid.cells.length - besideCaption) : [];
    if (
      mid &&
      after &&
      line.cells.every(isHeadingPiece) &&
      caption.length > 0 &&
      !caption.some(isHeadingPiece) &&
      after.cells.length === line.cells.length &&
      after.cells.every(isHeadingPiece)
    ) {
      const headings = [
        ...line.cells.map((piece, k) => `${piece} ${after.cells[k]}`),
        ...mid.cells.slice(caption.length),
      ];
      if (headingSet(headings)) {
        out.push(lineOfParts(mid, [line, mid, after], [...caption, ...headings], "\n"));
        i += 2;
        continue;
      }
    }
    // (A single space before the headings' first words: "Of the 8 cases inspected: Relevant".)
    // (Its footnote marker may follow the colon: "Of the 8 cases inspected:18 Relevant".)
    const glued = line.cells[line.cells.length - 1]?.match(/^(.*[:?]\d{0,2})\s+(\S+(?:\s+\S+)?)$/);
    if (
      glued &&
      isHeadingPiece(glued[2] as string) &&
      isHeadingPiece((lines[i + 1] as Line | undefined)?.flat ?? "x")
    )
      line = { ...line, cells: [...line.cells.slice(0, -1), glued[1] as string, glued[2] as string] };
    let lead = line.cells.length;
    while (lead > 0 && isHeadingPiece(line.cells[lead - 1] as string)) lead--;
    const pieces = line.cells.slice(lead);
    let j = i + 1;
    while (j < lines.length && j <= i + 6 && (lines[j] as Line).cells.every(isHeadingPiece)) j++;
    const below = lines.slice(i + 1, j);
    // Headings below the last of a table's questions and straight above a lone figure head a
    // column read a column at a time (pdfminer writes a table's columns a box each: every
    // question, the headings, every figure): the column-table reader's, not the question's.
    // (The normaliser takes lone whole numbers for page numbers: they may be among the furniture.)
    const lastHeading = below[below.length - 1]?.line ?? line.line;
    const next = [lines[j], ...furniture.filter((l) => l.line > lastHeading && l.line <= lastHeading + 2)]
      .filter((l): l is Line => l !== undefined)
      .sort((a, b) => a.line - b.line)[0];
    const headsColumn =
      /\?$/.test(line.cells[lead - 1] ?? "") &&
      next !== undefined &&
      next.cells.length === 1 &&
      isFigure(next.cells[0] as string) &&
      next.line - lastHeading <= 2;
    // Nor, beside anything but a caption, past lone numbers (a row's counts or a page's number,
    // taken for page numbers): "... taken into account?" / "5" / "5" / "Relevant" / "cases", the
    // next table's headings after a row; "Does assessment draw ... available" / "29" / "Relevant"
    // / "cases", the headings repeated at a page's top after a question the page cut.
    const pastNumbers =
      below.length > 0 &&
      !isCaptionText(line.cells[lead - 1] ?? "") &&
      furniture.some(
        (l) => l.line > lastLineOf(line) && l.line < (below[0] as Line).line && /^\d{1,3}$/.test(l.flat),
      );
    // (Beside a caption or a question, never a heading row already whole, nor a figure: "22%" /
    // "% Yes", pdfminer writing one table's figure column, then the next table's heading.)
    if (
      below.length === 0 ||
      lead === 0 ||
      headingSet(pieces) ||
      headsColumn ||
      pastNumbers ||
      isFigure(line.cells[lead - 1] as string)
    ) {
      out.push(lines[i] as Line);
      continue;
    }
    const first = below[0] as Line;
    const headings =
      below.length === 1 && first.cells.length === pieces.length && pieces.length > 1
        ? pieces.map((p, k) => `${p} ${first.cells[k]}`)
        : [...[...pieces, ...below.flatMap((l) => l.cells)].join(" ").matchAll(HEADINGS_IN_ORDER)].map(
            (m) => m[0],
          );
    const words = (cells: string[]) => wordsIn(cells.join(" "));
    // (A heading whole on the line above the caption, the other's pieces after it: "Number 'Yes'"
    // / "Of the 8 cases inspected:" / "Relevant" / "cases", PyMuPDF sorted by position, the
    // one-line heading's top higher than the caption's.)
    const prev = out[out.length - 1];
    const headingAbove =
      !headingSet(headings) &&
      prev !== undefined &&
      prev === lines[i - 1] &&
      prev.cells.every(isHeadingPiece) &&
      isCaptionText(line.cells[lead - 1] ?? "");
    const pieceLines = headingAbove ? [prev, ...below] : below;
    const written = [...pieces, ...below.flatMap((l) => l.cells), ...(headingAbove ? prev.cells : [])];
    const allHeadings = headingAbove
      ? [...written.join(" ").matchAll(HEADINGS_IN_ORDER)].map((m) => m[0])
      : headings;
    if (!headingSet(allHeadings) || words(allHeadings) !== words(written)) {
      out.push(lines[i] as Line);
      continue;
    }
    if (headingAbove) out.pop();
    out.push(lineOfParts(line, [line, ...pieceLines], [...line.cells.slice(0, lead), ...allHeadings], "\n"));
    i = j - 1;
  }
  out.forEach((l, k) => {
    l.index = k;
  });
  return out;
}

/**
 * Percentages set a line above their questions, as pdfminer writes the rows of a table set close
 * when a row's figure stands a little higher than its question: "... desistance? 88%" / "50%" /
 * "... child safe?" / "39%" / "... other people safe?". Read a line at a time, the first figure
 * would follow a row that has its own and the last question would have none; read as figures
 * above, every question has one. The pairs (figure, question) from `k`, or null: a percentage
 * alone after a question row with its percentage, then questions and percentages by turns, one
 * line apart at most, the last question followed by no percentage.
 */
function figuresAboveQuestions(stream: Line[], k: number, row: Line): [Line, Line][] | null {
  const last = row.cells[row.cells.length - 1] as string;
  // (Whole questions only: one wrapped past its figure may have its last words below it.)
  const whole = (text: string) => QUESTION_START.test(text) && text.endsWith("?");
  const complete =
    row.cells.length === 1
      ? QUESTION_START.test(last) && QUESTION_WITH_PERCENT.test(last)
      : row.cells.length === 2 && whole(row.cells[0] as string) && percentCell(last) !== null;
  if (!complete) return null;
  const pairs: [Line, Line][] = [];
  let j = k;
  for (;;) {
    const [figure, question] = [stream[j], stream[j + 1]];
    if (!lonePercent(figure) || question === undefined || question.cells.length !== 1) break;
    if (!whole(question.flat)) break;
    const previous = stream[j - 1] as Line;
    if (figure.line - previous.line > 2 || question.line - figure.line > 2) break;
    pairs.push([figure, question]);
    j += 2;
  }
  const after = stream[j];
  const lastQuestion = stream[j - 1] as Line;
  if (pairs.length === 0 || (lonePercent(after) && after.line - lastQuestion.line <= 2)) return null;
  return pairs;
}

/**
 * Whether the last row is a key question's number alone after another (a line apart at most): a
 * column of numbers written out before its questions ("2.4.1." / "2.4.2." / "2.4.3." / "Does
 * planning ...?", pdfminer writing a table's boxes one after another). No line says whose each
 * is, and the last is not the next question's.
 */
function lastOfNumberColumn(rows: Line[]): boolean {
  const [before, row] = [rows[rows.length - 2], rows[rows.length - 1]];
  const numberAlone = (line: Line | undefined) =>
    line !== undefined && line.cells.length === 1 && KEY_QUESTION_NUMBER.test(line.flat);
  return numberAlone(before) && numberAlone(row) && (row as Line).line - (before as Line).line <= 2;
}

/** `row` carried on by `line`: its cells now `cells`, its source text and markers `line`'s too. */
function extendRow(row: Line, line: Line, cells: string[], separator: string): void {
  row.cells = cells;
  row.flat = cells.join(" ");
  row.raw = `${row.raw.trimEnd()}${separator}${line.raw.trim()}`;
  row.markers = [...row.markers, ...line.markers];
  row.through = Math.max(lastLineOf(row), lastLineOf(line));
}

export function rejoinRows(input: NormalisedDocument): NormalisedDocument {
  const headed = wrappedColumnHeadings(input.lines, input.furniture);
  const written = percentsAboveQuestions(
    countsAboveQuestions(headed === input.lines ? input : { ...input, lines: headed }),
  );
  // (Told from the text as written: the rows just joined are of the same text.)
  if (!isCellPerLine(headed))
    return figuresAboveLabels(markerRaisedWithFigure(tableFiguresRestored(standardRowsJoined(written))));
  const doc = columnPastDomain(columnTables(written));
  const { pairs: counts, reversed, overPage } = countPairs(doc);
  const warnings: ReportWarning[] = [];
  const facts = factRows(doc);
  const stream =
    counts.length > 0 ? [...facts.lines, ...counts].sort((a, b) => a.line - b.line) : facts.lines;
  const lines: Line[] = [];
  // The source line each row ends on: a cell continues a row only from the line after it (or
  // after one blank line), never across furniture, a footnote or text.
  let rowEnd = Number.NEGATIVE_INFINITY;
  // (Or after two lines with nothing written on them: a footnote marker the normaliser gave to
  // the line above, and a blank line.)
  const writtenOn = writtenLines(doc);
  const follows = (line: Line) =>
    line.line - rowEnd <= 2 ||
    (line.line - rowEnd === 3 && !writtenOn.has(rowEnd + 1) && !writtenOn.has(rowEnd + 2)) ||
    // (A 'Yes' count after the page's number: see countPairs.)
    overPage.has(line);
  for (let k = 0; k < stream.length; k++) {
    const line = stream[k] as Line;
    const row = lines[lines.length - 1];
    const cell = line.cells[0];
    const before = stream[k - 1];
    const above = row && follows(line) ? figuresAboveQuestions(stream, k, row) : null;
    if (above) {
      for (const [figure, question] of above) {
        const joinedRow = { ...question, index: lines.length };
        extendRow(joinedRow, figure, [question.flat, figure.flat], "\t");
        lines.push(joinedRow);
      }
      k += 2 * above.length - 1;
      rowEnd = (stream[k] as Line).line;
      continue;
    }
    if (
      row &&
      cell !== undefined &&
      line.cells.length === 1 &&
      follows(line) &&
      (row.cells.length === 2 || row.cells.length === 3) &&
      before !== undefined &&
      counts.includes(before) &&
      row.cells[row.cells.length - 1] === before.flat &&
      cell.endsWith("?") &&
      continuesQuestion(row.cells.slice(0, 1), cell)
    ) {
      // The question's last line after its counts, or its relevant cases alone, set beside the
      // line before it (see countPairs): the question whole, then the counts.
      extendRow(row, line, [joinWrapped(row.cells[0] as string, cell), ...row.cells.slice(1)], " ");
    } else if (
      row &&
      cell !== undefined &&
      line.cells.length === 1 &&
      follows(line) &&
      continuesQuestion(row.cells, cell)
    ) {
      // The question's own text, wrapped in its cell: one cell still. (Its relevant cases
      // printed beside its first line, its "Yes" after it: "... social context 5" / "of the
      // child?" / "5": the question whole, then the row's counts.)
      const text = row.cells[row.cells.length - 1] as string;
      // (Or kept at the end of its lines so far, which may end in a bracket: "... (for example,
      // child protection or care plans) 4".)
      const beside = FIRST_LINE_COUNT.exec(text) ?? COUNT_KEPT.exec(text);
      // (The question's last line, and the count after it: "... sources 8" / "of information,
      // ... and" / "involve ... appropriate?" / "8" on narrow pages.)
      let end = k;
      while (end < k + 2 && !(stream[end] as Line).flat.endsWith("?") && stream[end + 1]?.cells.length === 1)
        end++;
      const yes = stream[end + 1];
      const counted =
        beside &&
        (stream[end] as Line).flat.endsWith("?") &&
        yes?.cells.length === 1 &&
        countCell(yes.flat) !== null &&
        counts.includes(yes);
      extendRow(
        row,
        line,
        !counted
          ? [...row.cells.slice(0, -1), joinWrapped(text, cell)]
          : cell.endsWith("?")
            ? [...row.cells.slice(0, -1), joinWrapped(beside[1] as string, cell), beside[2] as string]
            : // (The count kept at the text's end until its last line.)
              [...row.cells.slice(0, -1), `${joinWrapped(beside[1] as string, cell)} ${beside[2]}`],
        " ",
      );
    } else if (
      row &&
      cell !== undefined &&
      reversed.has(line) &&
      before !== undefined &&
      row.cells.length === 2 &&
      isQuestion(row.cells[0] as string) &&
      row.cells[1] === before.flat &&
      follows(line)
    ) {
      // The row's relevant cases after its 'Yes' (see countPairs): the cells in their columns' order.
      extendRow(row, line, [...row.cells.slice(0, -1), cell, before.flat], "\t");
      warnings.push({
        code: "counts-read-reversed",
        message: `A row's two counts stand on lines of their own in the order ${before.flat}, ${cell} (as written, more 'Yes' than relevant cases): read as ${cell} relevant cases and ${before.flat} 'Yes', the one order that can be true`,
        provenance: provenanceOf(row),
      });
    } else if (
      row &&
      cell !== undefined &&
      follows(line) &&
      continuesRow(row.cells, cell) &&
      line.cells.length === 1 &&
      !lastOfNumberColumn(lines) &&
      !(percentCell(cell) !== null && afterPromptWithoutFigure(lines)) &&
      !(row.cells.length === 1 && countCell(cell) !== null && afterPromptWithoutFigure(lines, 2)) &&
      !(isRating(cell) && (inColumnOfScores(lines) || inColumnOfLabels(lines, stream[k + 1])))
    ) {
      extendRow(row, line, [...row.cells, cell], "\t");
    } else if (
      row &&
      cell !== undefined &&
      line.cells.length === 1 &&
      follows(line) &&
      countsLeftOut(lines, cell)
    ) {
      // (The two counts one row still, of no question: the question parser says so.)
      extendRow(row, line, [...row.cells, cell], "\t");
    } else {
      lines.push({ ...line, index: lines.length });
    }
    rowEnd = line.line;
  }
  // A lone fragment before the row it begins ("Overa" / "III rating | Good").
  for (let i = lines.length - 1; i > 0; i--) {
    const [before, row] = [lines[i - 1] as Line, lines[i] as Line];
    if (row.line - before.line > 3 || !beginsRow(before.cells, row.cells)) continue;
    lines.splice(i - 1, 2, {
      ...before,
      cells: [...before.cells, ...row.cells],
      flat: [...before.cells, ...row.cells].join(" "),
      raw: `${before.raw.trim()}\t${row.raw.trim()}`,
      markers: [...before.markers, ...row.markers],
    });
  }
  lines.forEach((l, k) => {
    l.index = k;
  });
  const taken = new Set([...counts, ...facts.restored]);
  const furniture = taken.size > 0 ? doc.furniture.filter((l) => !taken.has(l)) : doc.furniture;
  return warnings.length > 0
    ? { ...doc, lines, furniture, warnings: [...(doc.warnings ?? []), ...warnings] }
    : { ...doc, lines, furniture };
}
