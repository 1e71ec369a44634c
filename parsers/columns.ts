// Key-question tables written a column at a time. pdftotext without -layout reads a table whose
// rows sit close together (no cell padding, as Word draws them) a column at a time: every
// question, then the "% yes" column, or the "Relevant cases" and "Number 'Yes'" columns row by
// row. Read as they stand the questions have no figures and the figures no questions. Where k
// questions are followed by exactly k percentages (or 2k counts) under the column's heading, the
// rows are put back together; without the heading only where the questions show whose figures
// they are (a standard's key questions alone, prompts lettered from a), the rest of a table
// put together on the page before, or more of a table whose last row was just read). Anything
// else is left as it is.
import type { ReportWarning } from "../schemas/report.js";
import { ALL_STANDARD_DEFINITIONS, lettersOfName, spellsStandardName } from "./framework.js";
import {
  type Line,
  type NormalisedDocument,
  lastLineOf,
  letters,
  lineOfParts,
  provenanceOf,
} from "./lines.js";
import { RULE_OR_LEADERS } from "./normalise.js";
import {
  CAPTION_START,
  NOT_APPLICABLE,
  PERCENT_HEADER,
  QUESTION_START,
  RELEVANT_HEADER,
  YES_HEADER,
  isKeyQuestionText,
  subSampleIn,
} from "./questions.js";
import { isDomainHeading, isOverallRatingLine, standardHeading } from "./segment.js";
import { cellsWithSplitWordsJoined, printedIn } from "./split-words.js";
import { CUT_QUESTION_END, countCell, joinWrapped, percentCell, ratingAtEnd, ratingOnly } from "./text.js";

/** "2.1.1.", "a)": what a printed question may start with. */
const QUESTION_LABEL = /^(?:\d\.\d\.\d\.?\s*|[a-z]\)\s*)/;

/** A cell's text from its lines, a word hyphenated at a line's end whole ("post-" / "supervision"). */
const cellText = (parts: Line[]) => parts.map((l) => l.flat).reduce(joinWrapped);
const single = (line: Line | undefined) => line !== undefined && line.cells.length === 1;
const isPercent = (line: Line) => percentCell(line.flat) !== null || NOT_APPLICABLE.test(line.flat);
const isCount = (line: Line) => countCell(line.flat) !== null;
/** The "Number 'Yes'" heading wrapped in its narrow cell, a line each ("Number" / "'Yes'"). */
const wrappedYesHeading = (first: Line | undefined, second: Line | undefined) =>
  single(first) &&
  single(second) &&
  /^number$/i.test((first as Line).flat) &&
  /^['‘’"“”]?yes['‘’"“”]?$/i.test((second as Line).flat);

const FIGURED_QUESTION = /\?\s+(?:\d{1,3}(?:\.\d+)?%|n\/a)$/i;
/** A question written with its figure ("... agencies? 68%"): a row whole. */
const isFiguredQuestion = (line: Line | undefined): boolean =>
  single(line) &&
  FIGURED_QUESTION.test((line as Line).flat) &&
  QUESTION_START.test((line as Line).flat.replace(QUESTION_LABEL, ""));

/**
 * A key question with the "% Yes" heading written after it on its line ("Does reviewing focus
 * sufficiently on supporting the child's desistance? % Yes", pdfminer's box of the header row):
 * the heading of the column after the questions below it.
 */
function headsColumn(line: Line | undefined): boolean {
  if (!single(line)) return false;
  const m = (line as Line).flat.match(/^(.*\?)\s+(\S.*)$/);
  return (
    m !== null &&
    PERCENT_HEADER.test(m[2] as string) &&
    isKeyQuestionText((m[1] as string).replace(QUESTION_LABEL, ""))
  );
}

/** A question's last line: its "?", perhaps a footnote marker's digits after it ("... disposal?30"). */
const QUESTION_END = /\?\d{0,2}$/;
/** A line ending a sentence ("... work.", not "(e.g.") or a caption ("... cases:26"). */
const SENTENCE_END = /(?:[a-z)]{2}\.|:\d{0,2})$/;

/** The question starting at `j`, over one or more lines up to its "?" (as its cell wraps it); null if none. */
function questionAt(lines: Line[], j: number): Line[] | null {
  const first = lines[j];
  if (!single(first) || !QUESTION_START.test((first as Line).flat.replace(QUESTION_LABEL, ""))) return null;
  // (A question ending with its figure, "... desistance? 94%", is a row whole: not one waiting for
  // a figure, nor the first line of the next.)
  if (isFiguredQuestion(first)) return null;
  // (Nor one with the column's heading after it: the table's header row, not a row of it.)
  if (headsColumn(first)) return null;
  const parts: Line[] = [first as Line];
  // A question wrapped in its cell: up to three more lines, the last ending with "?"; never on
  // past a sentence's or a caption's end ("... to resettlement work." / "Data from inspected
  // cases:26" / "2.1. Assessment" / "Does assessment ...?": a sentence, then a table).
  while (
    !QUESTION_END.test((parts[parts.length - 1] as Line).flat) &&
    !SENTENCE_END.test((parts[parts.length - 1] as Line).flat) &&
    parts.length < 4
  ) {
    const more = lines[j + parts.length];
    if (!single(more) || isPercent(more as Line) || isCount(more as Line)) break;
    parts.push(more as Line);
  }
  return QUESTION_END.test((parts[parts.length - 1] as Line).flat) ? parts : null;
}

/**
 * The questions starting at `i`, each over one or more lines up to its "?"; null if none. A
 * question written with its figure ("... agencies? 68%") is among them, `figured`: it takes
 * none of the column's figures (pdfminer puts a row's figure in its question's box now and then).
 */
function questionsAt(
  lines: Line[],
  i: number,
  /** How many questions make a run (one: a table's only row, its headings above it). */
  fewest = 2,
): {
  questions: Line[][];
  figured: boolean[];
  standardHeadings: Set<number>;
  next: number;
  firstCount: Line | null;
} | null {
  const questions: Line[][] = [];
  const figured: boolean[] = [];
  const standardHeadings = new Set<number>();
  let j = i;
  // The first row's relevant cases in its question's box ("... desistance? 8" / "... safe?" /
  // "... people safe?" / "7" / "7" / "7" / "7" / "5", as pdfminer may write a counts table):
  // the question whole, and that count the first of the table's.
  const carried = countCarriedBy(lines[i]);
  if (carried) {
    questions.push([carried.question]);
    figured.push(false);
    j++;
  }
  for (;;) {
    const parts = questionAt(lines, j);
    const line = lines[j];
    const withFigure = parts === null && isFiguredQuestion(line);
    // A standard's heading between two questions ("3.1. Assessment (out-of-court disposals)", an
    // annex's tables one after another on a page, written a column at a time): part of the run,
    // as written, taking no figure.
    if (!parts && !withFigure && questions.length > 0 && single(line) && standardHeading(line as Line)) {
      if (!questionAt(lines, j + 1)) break;
      standardHeadings.add(questions.length);
      questions.push([line as Line]);
      figured.push(true);
      j++;
      continue;
    }
    if (!parts && !withFigure) break;
    questions.push(parts ?? [line as Line]);
    figured.push(withFigure);
    j += parts ? parts.length : 1;
  }
  return questions.length - figured.filter(Boolean).length >= fewest
    ? { questions, figured, standardHeadings, next: j, firstCount: carried?.count ?? null }
    : null;
}

/** A question with one count after it ("... desistance? 8"): the question, and the count as a line of its own. */
function countCarriedBy(line: Line | undefined): { question: Line; count: Line } | null {
  // (Tried at every line: a digit at its end first.)
  const last = line?.flat.charCodeAt(line.flat.length - 1) ?? 0;
  if (last < 48 || last > 57 || !single(line)) return null;
  const m = (line as Line).flat.match(/^(.*\?)\s+(\d{1,3})$/);
  if (!m || !QUESTION_START.test((m[1] as string).replace(QUESTION_LABEL, ""))) return null;
  const [question, count] = [m[1] as string, m[2] as string];
  return {
    question: { ...(line as Line), cells: [question], flat: question },
    count: { ...(line as Line), cells: [count], flat: count },
  };
}

/**
 * A question's lines from `j` up to its "?" (as `questionAt`), and past its page's number where
 * its cell breaks at a page's end ("... of the child," / "17" / "utilising information held by
 * other agencies?"): the lines, and the index after them; null if none.
 */
function questionOverPage(
  stream: Line[],
  j: number,
  numbers: ReadonlySet<Line>,
): { parts: Line[]; next: number } | null {
  const first = stream[j];
  if (!single(first) || isFiguredQuestion(first) || headsColumn(first)) return null;
  if (!QUESTION_START.test((first as Line).flat.replace(QUESTION_LABEL, ""))) return null;
  const parts: Line[] = [first as Line];
  let k = j + 1;
  while (!QUESTION_END.test((parts[parts.length - 1] as Line).flat) && parts.length < 4) {
    let more = stream[k];
    const last = parts[parts.length - 1] as Line;
    // (The page's number alone between the page's last line and the next page's first.)
    if (
      more &&
      numbers.has(more) &&
      last.page !== null &&
      more.page === last.page &&
      stream[k + 1]?.page === last.page + 1
    )
      more = stream[++k];
    if (
      !single(more) ||
      isPercent(more as Line) ||
      isCount(more as Line) ||
      !/^[a-z(]/.test((more as Line).flat)
    )
      return null;
    parts.push(more as Line);
    k++;
  }
  return QUESTION_END.test((parts[parts.length - 1] as Line).flat) ? { parts, next: k } : null;
}

/** Several rows' counts in one block after the first row's first line: the rows' questions and the counts. */
interface FirstLineBlock {
  questions: Line[][];
  counts: Line[];
  /** The index after the last question. */
  next: number;
}

/**
 * Several rows' counts in one block after the first row's first line, the rest of the rows after
 * it (pdftotext of a word processor's table at one and a half lines: "Is there ... attitudes
 * towards" / "8" / "8" / "8" / "8" / "and motivations for their offending?" / "Does assessment
 * consider ...?"): the block's 2m counts are the m rows' from that question on. Null where the
 * lines are not so.
 */
function firstLineBlockAt(stream: Line[], i: number, numbers: ReadonlySet<Line>): FirstLineBlock | null {
  const first = stream[i] as Line;
  const next = stream[i + 1];
  // (Cheap look first: a lone number the normaliser set aside straight after a line of text.)
  if (!next || !numbers.has(next) || numbers.has(first) || !single(first)) return null;
  if (QUESTION_END.test(first.flat) || !QUESTION_START.test(first.flat.replace(QUESTION_LABEL, "")))
    return null;
  const counts: Line[] = [];
  let j = i + 1;
  for (let before = first; j < stream.length; j++) {
    const line = stream[j] as Line;
    if (!numbers.has(line) || !isCount(line) || line.line - lastLineOf(before) > 2) break;
    counts.push(line);
    before = line;
  }
  if (counts.length < 4 || counts.length % 2 !== 0) return null;
  // The first question's last words straight after the block, then the other m - 1 questions.
  const tail: Line[] = [];
  for (; tail.length < 3; j++) {
    const line = stream[j];
    const gap = (line?.line ?? 0) - lastLineOf(tail[tail.length - 1] ?? (counts[counts.length - 1] as Line));
    if (!single(line) || gap > 2 || !/^[a-z(]/.test((line as Line).flat) || isCount(line as Line))
      return null;
    tail.push(line as Line);
    if (QUESTION_END.test((line as Line).flat)) break;
  }
  if (!QUESTION_END.test((tail[tail.length - 1] as Line | undefined)?.flat ?? "")) return null;
  j++;
  const questions: Line[][] = [[first, ...tail]];
  const keyQuestions = isKeyQuestionText(cellText(questions[0] as Line[]));
  while (questions.length < counts.length / 2) {
    const question = questionOverPage(stream, j, numbers);
    if (!question || isKeyQuestionText(cellText(question.parts)) !== keyQuestions) return null;
    questions.push(question.parts);
    j = question.next;
  }
  // (Another count straight after: the block is not all these rows' counts.)
  const after = stream[j];
  if (after && single(after) && isCount(after) && after.line - lastLineOf(stream[j - 1] as Line) <= 2)
    return null;
  return { questions, counts, next: j };
}

/**
 * The order a file's first-line blocks' counts come in where a block could be read both ways:
 * the order of its blocks that can only be read one way (as `likelierCountOrder` for columns).
 */
function firstLineBlockOrder(blocks: Iterable<FirstLineBlock>): CountOrder | null {
  let [byRow, byColumn] = [0, 0];
  for (const { counts } of blocks) {
    const { row, column } = readBothWays(counts);
    if (row && !column) byRow++;
    if (column && !row) byColumn++;
  }
  return byRow > byColumn ? "row" : byColumn > byRow ? "column" : null;
}

/** A table's figure column(s) put back beside its questions: a row each, and the lines they took. */
interface ColumnFigures {
  rows: string[][];
  rowLines: Line[][];
  header: string[];
  used: Line[];
  next: number;
  /** Headings printed above the questions (the last lines put out), taken back for the header row. */
  above?: number;
  /** Figures before the column's heading that are not this table's (set aside, with a warning). */
  strays?: Line[];
}

/** What `figuresAt` knows besides the lines: of the questions before the figures, and of the file. */
interface FigureContext {
  /**
   * The questions show whose the figures are (they carry on a table put together just before,
   * across a page break; are a standard's key questions alone; or prompts lettered a), b), c)
   * ... from the first): a column of exactly as many figures is theirs without a heading.
   */
  headingOptional?: boolean;
  /**
   * The questions carry on a counts table put together just before (its next page, or its rows
   * after a row written apart): 2k counts are theirs without a heading too.
   */
  countsGoOn?: boolean;
  /** Whole numbers the normaliser took for page numbers (furniture), put back among the lines. */
  pageNumbers?: readonly Line[];
  /** Source lines of rules ("------") the normaliser set aside: no gap between cells, nor the blank line setting one apart. */
  rules?: ReadonlySet<number>;
  /** The order this document's converter writes a count column's lines in, where both could be true (null: unknown). */
  order?: CountOrder | null;
}

/** The figure column(s) after k questions: k percentages, or 2k counts row by row. */
function figuresAt(
  lines: Line[],
  i: number,
  k: number,
  {
    headingOptional = false,
    countsGoOn = false,
    pageNumbers = [],
    rules = new Set(),
    order = null,
  }: FigureContext = {},
): ColumnFigures | null {
  const header: string[] = [];
  const used: Line[] = [];
  const percents: Line[] = [];
  const counts: Line[] = [];
  // How many counts came before the "Number 'Yes'" heading (-1: no such heading).
  let countsBeforeYes = -1;
  // How many percentages came before the column's first heading.
  let beforeHeading = 0;
  let j = i;
  // The page's number, which pdftotext writes between a table's columns when the page ends
  // beside them ("... nature of that risk?" / "32" / "% Yes" / "86%"), is no count of the table
  // (a column of counts never starts before a heading or a percentage).
  while (
    j + 1 < lines.length &&
    single(lines[j]) &&
    isCount(lines[j] as Line) &&
    (PERCENT_HEADER.test((lines[j + 1] as Line).flat) ||
      RELEVANT_HEADER.test((lines[j + 1] as Line).flat) ||
      percentCell((lines[j + 1] as Line).flat) !== null)
  )
    j++;
  for (; j < lines.length && single(lines[j]); j++) {
    let line = lines[j] as Line;
    // The column follows straight on: its cells a line apart, or one blank line (never across a
    // footnote, a page's foot or another table).
    const before = lastLineOf(lines[j - 1] as Line);
    let ruled = 0;
    for (let n = before + 1; n < line.line && rules.size > 0; n++) if (rules.has(n)) ruled += 2;
    if (line.line - before - ruled > 2) break;
    const rest = lines[j + 1];
    if (PERCENT_HEADER.test(line.flat) || RELEVANT_HEADER.test(line.flat) || YES_HEADER.test(line.flat)) {
      if (YES_HEADER.test(line.flat)) countsBeforeYes = counts.length;
      if (header.length === 0 && counts.length === 0) beforeHeading = percents.length;
      header.push(line.flat);
    } else if (/^relevant$/i.test(line.flat) && single(rest) && /^cases$/i.test((rest as Line).flat)) {
      // The heading wrapped in its narrow cell ("Relevant" / "cases").
      header.push("Relevant cases");
      used.push(line);
      j++;
      line = rest as Line;
    } else if (wrappedYesHeading(line, rest)) {
      // ... and its neighbour's ("Number" / "'Yes'").
      header.push("Number 'Yes'");
      countsBeforeYes = counts.length;
      used.push(line);
      j++;
      line = rest as Line;
    } else if (percentCell(line.flat) !== null || NOT_APPLICABLE.test(line.flat)) {
      percents.push(line);
    } else if (isCount(line)) {
      // The page's number after a whole column of percentages ("88%" / "75%" / "88%" / "33", as
      // pdfminer writes a page's foot among a table's boxes) ends the column.
      if (percents.length === k && counts.length === 0 && pageNumbers.includes(line)) break;
      counts.push(line);
    } else break;
    used.push(line);
  }
  // Percentages before the heading, with exactly one under it for each question wanting one
  // (and so too many in all): the ones before are another table's, left by pdftotext where its
  // page ended ("... been identified?" / "100%" / "67%" / "73%" / "40%" / "% Yes" / then a
  // figure for each question). They are not this table's: set aside (figures-unplaced).
  const strays =
    beforeHeading > 0 && counts.length === 0 && percents.length - beforeHeading === k && percents.length !== k
      ? used.splice(0, beforeHeading)
      : [];
  if (strays.length > 0) percents.splice(0, beforeHeading);
  // A column read as such starts with its heading ("% yes", "Relevant cases"): figures without
  // one may be the rest of a column begun before a page break, not this table's.
  const heading = used[0];
  if (!heading) return null;
  // ... unless the questions show whose the figures are (see headingOptional).
  const headed =
    PERCENT_HEADER.test(heading.flat) ||
    RELEVANT_HEADER.test(heading.flat) ||
    (/^relevant$/i.test(heading.flat) && header[0] === "Relevant cases");
  if (
    !headed &&
    !(headingOptional && percents.length > 0 && counts.length === 0) &&
    !(countsGoOn && counts.length > 0 && percents.length === 0)
  )
    return null;
  // Without a heading, figures run straight on into a rating ("71%" / "35%" / "50%" /
  // "Inadequate" / "61%" ...) are a block of several tables' columns in an order of the
  // converter's own (pdfminer), not this table's column.
  const after = lines[j];
  const last = used[used.length - 1] as Line;
  if (!headed && after && single(after) && ratingOnly(after.flat) && after.line - last.line <= 2) return null;
  let rowLines: Line[][] | null = null;
  if (percents.length === k && counts.length === 0 && !header.some((h) => RELEVANT_HEADER.test(h)))
    rowLines = percents.map((p) => [p]);
  // (Headings left in pieces a line each after every question are a converter's boxes each in
  // turn, pdfminer's, whose counts may come a column at a time as well as a row: where both
  // orders are possible and differ, the order the file's other tables show, or, with none, not read.)
  const boxed = /^relevant$/i.test(heading.flat);
  // (Each column under its own heading, "Relevant cases" / k counts / "Number 'Yes'" / k counts,
  // as pdftotext writes a table whose rows touch: the headings say whose each count is.)
  const underHeadings = countsBeforeYes === k && RELEVANT_HEADER.test(header[0] ?? "");
  if (counts.length === 2 * k && percents.length === 0 && !headed && countsGoOn)
    // (In the order the file's other tables show, or the one alone that can be true.)
    rowLines = countOrder(counts, null, true, order);
  else if (counts.length === 2 * k && percents.length === 0 && header.some((h) => RELEVANT_HEADER.test(h)))
    rowLines = underHeadings
      ? columnsUnderHeadings(counts)
      : (headingsBoxedWithFirstRow(used, counts, order ?? "row") ??
        (boxed
          ? order
            ? countOrder(counts, null, false, order)
            : countOrder(counts, null, true)
          : countRows(counts, order ?? "row")));
  if (!rowLines) return null;
  return {
    rows: rowLines.map((ls) => ls.map((l) => l.flat)),
    rowLines,
    header,
    used,
    next: j,
    ...(strays.length > 0 ? { strays } : {}),
  };
}

/**
 * Each heading's box holding the first row's count under it ("Relevant cases" / "8", "Number
 * 'Yes'" / "8"), the other rows' counts a box each after them, as pdfminer writes a table of
 * rows set close: the first row is the two counts under the headings, the rest are read as
 * `countRows` reads counts (where each is a box of its own, a row or a column at a time,
 * whichever alone can be true, or else as the file's other tables are: here a column at a
 * time). Read with the first two, the counts had been paired a row at a time, neither order
 * being true of them all.
 */
function headingsBoxedWithFirstRow(used: Line[], counts: Line[], order: CountOrder): Line[][] | null {
  const [relevantHeading, relevant, yesHeading, yes] = used;
  if (
    !(relevantHeading && relevant && yesHeading && yes) ||
    !RELEVANT_HEADER.test(relevantHeading.flat) ||
    !YES_HEADER.test(yesHeading.flat) ||
    relevant !== counts[0] ||
    yes !== counts[1] ||
    relevant.line !== relevantHeading.line + 1 ||
    yes.line !== yesHeading.line + 1 ||
    (countCell(yes.flat) as number) > (countCell(relevant.flat) as number)
  )
    return null;
  return [[relevant, yes], ...(counts.length > 2 ? countRows(counts.slice(2), order) : [])];
}

/**
 * A count column's lines as rows of (relevant cases, 'Yes'). pdftotext writes each row's two
 * counts apart ("7" / "" / "6"), except where rows touch: cells one above the other in a column
 * then come as one block, a column's block before the next column's ("7" / "6" / "" / "7" / "4":
 * rows 7-7 and 6-4). Two blocks of the same length are those rows' two columns.
 */
function countRows(counts: Line[], order: CountOrder = "row"): Line[][] {
  return rowsOfBlocks(counts) ?? countOrder(counts, null, false, order);
}

/**
 * Counts in blocks of lines that touch, a block a column of some rows (see countRows): the rows
 * two blocks of the same length make. Null where each count is a block of its own, or the
 * blocks do not pair up: then they say nothing of the order.
 */
function rowsOfBlocks(counts: Line[]): Line[][] | null {
  const blocks: Line[][] = [];
  for (const line of counts) {
    const block = blocks[blocks.length - 1];
    const last = block?.[block.length - 1];
    if (block && last && line.line - last.line === 1) block.push(line);
    else blocks.push([line]);
  }
  if (blocks.every((block) => block.length === 1)) return null;
  const rows: Line[][] = [];
  for (let b = 0; b < blocks.length; b += 2) {
    const [relevant, yes] = [blocks[b] as Line[], blocks[b + 1]];
    if (yes?.length !== relevant.length) return null;
    relevant.forEach((l, r) => rows.push([l, yes[r] as Line]));
  }
  return rows;
}

/** Which of a count column's two orders a converter writes: a row at a time, or a column. */
type CountOrder = "row" | "column";

/**
 * The order this document's count columns come in, where a table's counts could be read both
 * ways: the order of its tables that can only be read one way (pdftotext writes a row at a
 * time, pdfminer a column; neither changes within a file). Evidence is each run of counts, a
 * line each, straight after the "Number 'Yes'" heading, whole or wrapped in its cell (less the
 * first row's count where the headings' boxes hold it); a row at a time unless more runs can
 * only be a column at a time; null where no run says.
 */
function likelierCountOrder(stream: Line[]): CountOrder | null {
  let byColumn = 0;
  let byRow = 0;
  for (let i = 1; i < stream.length; i++) {
    const heading = stream[i] as Line;
    if (!single(heading) || !(YES_HEADER.test(heading.flat) || wrappedYesHeading(stream[i - 1], heading)))
      continue;
    let j = i + 1;
    // (The first row's count boxed with its heading, as is the relevant cases' above it.)
    if (
      isCount(stream[i - 1] as Line) &&
      single(stream[i - 1]) &&
      j < stream.length &&
      isCount(stream[j] as Line)
    )
      j++;
    // (Or the headings' boxes above the questions, the counts after them: "Relevant cases" /
    // "Number 'Yes'" / the questions / their counts, as pdfminer writes a table.)
    const questions = questionsAt(stream, j);
    const k =
      questions && !questions.figured.some(Boolean) && !questions.firstCount ? questions.questions.length : 0;
    if (k > 0) j = (questions as { next: number }).next;
    const run: Line[] = [];
    for (; j < stream.length && single(stream[j]) && isCount(stream[j] as Line); j++)
      run.push(stream[j] as Line);
    if (run.length < 4 || run.length % 2 !== 0 || (k > 0 && run.length !== 2 * k)) continue;
    const { row, column } = readBothWays(run);
    if (row && !column) byRow++;
    if (column && !row) byColumn++;
  }
  if (byColumn + byRow === 0) return null;
  return byColumn > byRow ? "column" : "row";
}

/** Counts read a row at a time: relevant, yes, relevant, yes ... */
const rowByRow = (counts: Line[]) =>
  Array.from({ length: counts.length / 2 }, (_, r) => [counts[2 * r] as Line, counts[2 * r + 1] as Line]);
/** Counts read a column at a time: every relevant count, then every 'yes'. */
const columnByColumn = (counts: Line[]) =>
  Array.from({ length: counts.length / 2 }, (_, r) => [
    counts[r] as Line,
    counts[counts.length / 2 + r] as Line,
  ]);

/** Counts a column under each heading, read a column at a time where every row can be true. */
function columnsUnderHeadings(counts: Line[]): Line[][] | null {
  const { byColumn, column } = readBothWays(counts);
  return column ? byColumn : null;
}

/** Counts read in each order, and whether every row of each can be true (yes at most relevant, relevant at most `cases`). */
function readBothWays(counts: Line[], cases: number | null = null) {
  const [byRow, byColumn] = [rowByRow(counts), columnByColumn(counts)];
  return { byRow, byColumn, row: possibleRows(byRow, cases), column: possibleRows(byColumn, cases) };
}

/** Whether every row of counts can be true: yes at most relevant, relevant at most `cases`. */
function possibleRows(rows: Line[][], cases: number | null): boolean {
  return rows.every(([relevant, yes]) => {
    const [rel, y] = [countCell((relevant as Line).flat) as number, countCell((yes as Line).flat) as number];
    return y <= rel && (cases === null || rel <= cases);
  });
}

/**
 * Counts each on a line of its own, in one of two orders: a row at a time (relevant, yes,
 * relevant, yes ...), as pdftotext writes them, or a column at a time (every relevant count,
 * then every 'yes'), as pdfminer may. The order taken is the one whose every row can be true
 * (yes at most relevant, relevant at most `cases`, the caption's); where both can, `order`
 * (a row at a time unless the file says otherwise: `likelierCountOrder`). `strict`: where
 * neither can be true, none (null); where both can and differ, `order` if the file says, else
 * none.
 */
function countOrder(
  counts: Line[],
  cases: number | null,
  strict: true,
  order?: CountOrder | null,
): Line[][] | null;
function countOrder(counts: Line[], cases: null, strict: false, order: CountOrder): Line[][];
function countOrder(
  counts: Line[],
  cases: number | null = null,
  strict = false,
  order: CountOrder | null = null,
): Line[][] | null {
  const { byRow, byColumn, row, column } = readBothWays(counts, cases);
  const same = byRow.every(
    ([a, b], r) => a?.flat === byColumn[r]?.[0]?.flat && b?.flat === byColumn[r]?.[1]?.flat,
  );
  if (row && column) {
    if (same) return byRow;
    if (order) return order === "row" ? byRow : byColumn;
    return strict ? null : byRow;
  }
  return row ? byRow : column ? byColumn : strict ? null : byRow;
}

/**
 * Figures for the questions that take them, the others (key-question headings, questions written
 * with their own) given none; as they are where every question takes one.
 */
function spread<T extends { rows: string[][]; rowLines: Line[][] }>(
  figures: T | null,
  headings: boolean[],
): T | null {
  if (!figures || headings.every(Boolean)) return null;
  if (!headings.some(Boolean)) return figures;
  let r = 0;
  const order = headings.map((heading) => (heading ? -1 : r++));
  return {
    ...figures,
    rows: order.map((k) => (k < 0 ? [] : (figures.rows[k] as string[]))),
    rowLines: order.map((k) => (k < 0 ? [] : (figures.rowLines[k] as Line[]))),
  };
}

/**
 * Every prompt lettered in turn from a), the letters starting again under each key question.
 * (Prompts before the first key question, the rest of a table begun on the page before, go on
 * from any letter: "c)" / "3.1. Assessment" / a key question / "a)" ...)
 */
function letteredFromA(questions: Line[][], headings: boolean[], standardHeadings: Set<number>): boolean {
  let next = -1;
  let fromA = true;
  for (const [k, q] of questions.entries()) {
    if (standardHeadings.has(k)) continue;
    if (headings[k]) {
      next = 0;
      continue;
    }
    const letter = (q[0] as Line).flat.match(/^([a-z])\) /)?.[1];
    if (!letter || (next >= 0 && letter.charCodeAt(0) !== 97 + next)) return false;
    if (next < 0) fromA = letter === "a";
    next = letter.charCodeAt(0) - 96;
  }
  return next > 0 && (fromA || headings.some(Boolean));
}

/**
 * A standard's key questions, then the first of them again: the heading of the prose on it, which
 * pdfminer writes between the table's questions and its figure column ("... desistance?" /
 * "... safe?" / "... people safe?" / "... desistance?" / "% yes" / three figures). No table
 * lists a question twice; the repeat's lines, to go after the table.
 */
function headingAfterKeyQuestions(run: { questions: Line[][]; figured: boolean[] }): Line[] | null {
  const { questions, figured } = run;
  const texts = questions.map((q) => cellText(q).replace(QUESTION_LABEL, ""));
  if (questions.length < 3 || texts[texts.length - 1] !== texts[0] || figured.some(Boolean)) return null;
  return new Set(texts.slice(0, -1)).size === texts.length - 1 && texts.every(isKeyQuestionText)
    ? (questions[questions.length - 1] as Line[])
    : null;
}

/** A counts table's row: a question, its relevant cases and its 'Yes' ("... safe?", "7", "6"). */
const isCountsRow = (line: Line | undefined): boolean =>
  line !== undefined &&
  line.cells.length === 3 &&
  QUESTION_END.test(line.cells[0] as string) &&
  line.cells.slice(1).every((c) => countCell(c) !== null);

/**
 * The last line put out ends a table's row: a question written with its percentage, or a
 * percentage alone on the line after its question. Questions straight after it are more of that
 * table (pdfminer writes a table's boxes row by row until some rows' cells line up, then those
 * rows a column at a time: "... behaviour?" / "73%" / five questions / five percentages).
 */
function rowJustOut(out: Line[]): boolean {
  const last = out[out.length - 1];
  if (isFiguredQuestion(last)) return true;
  const question = out[out.length - 2];
  return (
    single(last) &&
    percentCell((last as Line).flat) !== null &&
    single(question) &&
    QUESTION_END.test((question as Line).flat) &&
    (last as Line).line - (question as Line).line <= 2
  );
}

/** Where a ratings table read a column at a time ends: the report's next part, or prose. */
const AFTER_RATINGS =
  /^(?:Executive summary|Overall findings|Recommendations|Introduction|Background|Foreword|Contents)$/i;

/**
 * The "Overall rating" label of a ratings table read a column at a time: one line, or the cell
 * split mid-word ("Over" / "all rating", "Overa" / "III rating"), its halves in the numbers'
 * column and the names' column. Its index and its lines; null if there is none.
 */
function overallLabel(lines: Line[]): { start: number; parts: Line[] } | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!single(line)) continue;
    if (isOverallRatingLine(line) && !ratingOnly(line.flat)) return { start: i, parts: [line] };
    if (!/^over\w{0,3}$/i.test(line.flat)) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 40); j++) {
      const half = lines[j] as Line;
      if (single(half) && /^\S{0,6}\s*rating$/i.test(half.flat))
        if (isOverallRatingLine({ ...half, flat: `${line.flat}${half.flat}` }))
          return { start: i, parts: [line, half] };
    }
  }
  return null;
}

/** A domain's name, as a ratings table's domain rows print it. */
const DOMAIN_LETTERS = new Set(ALL_STANDARD_DEFINITIONS.map((d) => letters(d.domain)));
/** A standard's name in a ratings table read a column at a time: its line, and the next if it wraps. */
interface NameCell {
  line: Line;
  name: string;
  wrapped?: Line;
}

/** A name cut short, the rest of its last word in the rating's cell: "provi" / "sion Inadequate". */
const RATING_AFTER_FRAGMENT = /^([a-z]{1,12})\s+(\S.*)$/;

/**
 * The ratings table read a column at a time ("Overall rating" / "1.1" / "1.2" ... / "Score" /
 * "Requires improvement" / "Governance and leadership" / "Staff" ... / "Good" ...): its standards'
 * numbers, names and ratings, each column in order, are zipped back into rows, only where there
 * are as many names as numbers, each name is its number's standard's, and there is a rating for
 * each (and one more, the overall rating, first). A name cut short with the rest of its word
 * before its rating ("Out-of-court disposal policy and provi" / "sion Inadequate") is whole
 * again. Otherwise nothing is changed.
 */
function ratingsColumns(lines: Line[]): Line[] {
  const label = overallLabel(lines);
  if (!label) return lines;
  // The table ends at the report's next part or at prose; but a converter that writes a page's
  // text boxes in an order of its own (pdfminer) may put the next part's heading between the
  // table's columns: then the table is looked for past it, up to the first line of prose (any
  // line longer than a name and its rating).
  const endOf = (stop: (flat: string) => boolean) => {
    let end = label.start + 1;
    while (end < lines.length && end - label.start < 120 && !stop((lines[end] as Line).flat)) end++;
    return end;
  };
  const end = endOf((flat) => flat.length > 150 || AFTER_RATINGS.test(flat));
  const zipped = zipRatingsColumns(lines, label, end);
  if (zipped) return zipped;
  // (Only where a heading ended the table: looked for again past it.)
  if (!AFTER_RATINGS.test(lines[end]?.flat ?? "")) return lines;
  return (
    zipRatingsColumns(
      lines,
      label,
      endOf((flat) => flat.length > 80),
    ) ?? lines
  );
}

function zipRatingsColumns(
  lines: Line[],
  label: { start: number; parts: Line[] },
  end: number,
): Line[] | null {
  const { start } = label;
  const region = lines.slice(start + 1, end);
  const numbers = region.filter((l) => single(l) && /^\d\.\d$/.test(l.flat));
  const nameLetters = ALL_STANDARD_DEFINITIONS.flatMap((d) => [d.name, ...d.aliases]).map(lettersOfName);
  // A standard's name with its rating on one line, where the two cells' boxes met
  // ("Out-of-court disposal policy and provision Good"): [name, rating].
  const namedAndRated = (l: Line): string[] | null => {
    const r = ratingAtEnd(l.flat);
    return r && nameLetters.includes(letters(r.before))
      ? [r.before.trim(), l.flat.slice(r.before.length).trim()]
      : null;
  };
  // Ratings, each with the end of a word cut from its name if it carries one.
  const rated: { line: Line; rating: string; fragment: string; wrapped?: Line }[] = [];
  for (const [k, l] of region.entries()) {
    if (!single(l)) continue;
    const cut = RATING_AFTER_FRAGMENT.exec(l.flat);
    const next = region[k + 1];
    // (A rating wrapped in its narrow cell: "Requires" / "improvement".)
    if (/^requires$/i.test(l.flat) && next && single(next) && /^improvement$/i.test(next.flat))
      rated.push({ line: l, rating: "Requires improvement", fragment: "", wrapped: next });
    else if (ratingOnly(l.flat)) rated.push({ line: l, rating: l.flat, fragment: "" });
    else if (cut && ratingOnly(cut[2] as string))
      rated.push({ line: l, rating: cut[2] as string, fragment: cut[1] as string });
    else {
      const both = namedAndRated(l);
      if (both) rated.push({ line: l, rating: both[1] as string, fragment: "" });
    }
  }
  const candidates: NameCell[] = [];
  const completing = new Set<string>();
  for (const [k, l] of region.entries()) {
    if (!single(l)) continue;
    const spelled = letters(l.flat);
    const both = namedAndRated(l);
    const next = region[k + 1];
    if (nameLetters.includes(spelled)) candidates.push({ line: l, name: l.flat });
    else if (both) candidates.push({ line: l, name: both[0] as string });
    // A name wrapped in its narrow cell ("Governance and" / "leadership").
    else if (
      /\band$/i.test(l.flat) &&
      next &&
      single(next) &&
      next.line - l.line === 1 &&
      nameLetters.includes(spelled + letters(next.flat))
    )
      candidates.push({ line: l, name: `${l.flat} ${next.flat}`, wrapped: next });
    else {
      const rest = rated.find(
        (r) => r.fragment && spelled.length >= 8 && nameLetters.includes(spelled + r.fragment),
      );
      if (rest) {
        candidates.push({ line: l, name: `${l.flat}${rest.fragment}` });
        completing.add(rest.fragment);
      }
    }
  }
  // (A word's end before a rating that completes no name is no rating of this table.)
  const ratings = rated.filter((r) => !r.fragment || completing.has(r.fragment));
  const scoreAt = region.findIndex((l) => single(l) && /^\d{1,2}\s*\/\s*36$/.test(l.flat));
  const score = region[scoreAt];
  // Its label, where it stands just before it ("Score" / "8/36").
  const scoreLabel = region[scoreAt - 1];
  const scoreParts = !score
    ? []
    : scoreLabel && single(scoreLabel) && /^score$/i.test(scoreLabel.flat)
      ? [scoreLabel, score]
      : [score];
  const n = numbers.length;
  if (n < 8 || (ratings.length !== n && ratings.length !== n + 1)) return null;
  // As many ratings as standards, the first before the first standard's number: that is the
  // overall rating's, and a standard's is missing (its cell not read as a rating). Whose is not
  // known: nothing is zipped.
  if (ratings.length === n && (ratings[0] as (typeof ratings)[0]).line.line < (numbers[0] as Line).line)
    return null;
  // Each number's name, in order: the next name, which must be its standard's; a domain's row
  // between them is passed over (4.1's alias "Resettlement" is also its domain's name).
  const names: NameCell[] = [];
  let c = 0;
  for (const number of numbers) {
    // (An id may have had two names: 3.4 "Joint working" to 2021, then its policy and provision.)
    const defs = ALL_STANDARD_DEFINITIONS.filter((d) => d.id === number.flat);
    const spells = (name: string) => defs.some((d) => spellsStandardName(d, name));
    const domainBeforeName = (k: number) =>
      DOMAIN_LETTERS.has(letters((candidates[k] as { name: string }).name)) &&
      k + 1 < candidates.length &&
      spells((candidates[k + 1] as { name: string }).name);
    while (
      c < candidates.length &&
      (!spells((candidates[c] as { name: string }).name) || domainBeforeName(c))
    ) {
      if (!DOMAIN_LETTERS.has(letters((candidates[c] as { name: string }).name))) return null;
      c++;
    }
    if (c === candidates.length) return null;
    names.push(candidates[c++] as NameCell);
  }
  const overall = ratings.length === n + 1 ? ratings[0] : null;
  const standardRatings = overall ? ratings.slice(1) : ratings;
  // A line that is a name and its rating both must be zipped as one standard's both: else the
  // columns are out of step (a rating missing from its place, another's taken).
  for (const [k, name] of names.entries()) {
    const rating = standardRatings[k] as (typeof ratings)[0];
    if ((namedAndRated(name.line) || namedAndRated(rating.line)) && name.line !== rating.line) return null;
  }
  // Where names and ratings alternate (a page's boxes, a domain's rows), the ratings between two
  // names are the ratings of every name before: ratings that stop short of that, the next name
  // reached with an earlier one's rating still to come, mean a rating's cell was not read where it
  // stood ("Assessment" ... "Reviewing" / "Outstanding*" / "Good" / "Good" / "Assessment" ...),
  // and zipping in order would give the next domain's first rating to this one's last standard.
  let ratedBefore = 0;
  for (const [k, name] of names.entries()) {
    const before = standardRatings.filter((r) => r.line.line < name.line.line).length;
    if (before > ratedBefore && before < k) return null;
    ratedBefore = before;
  }
  const used = new Set<Line>([
    ...label.parts,
    ...numbers,
    ...names.flatMap((x) => (x.wrapped ? [x.line, x.wrapped] : [x.line])),
    ...ratings.flatMap((r) => (r.wrapped ? [r.line, r.wrapped] : [r.line])),
    ...scoreParts,
  ]);
  const labelText = label.parts.map((l) => l.flat).join(" ");
  const first = label.parts[0] as Line;
  const rows: Line[] = [
    overall
      ? lineOfParts(
          first,
          [...label.parts, overall.line, ...(overall.wrapped ? [overall.wrapped] : [])],
          [labelText, overall.rating],
        )
      : label.parts.length === 1
        ? first
        : lineOfParts(first, label.parts, [labelText]),
  ];
  for (const line of region) {
    const k = numbers.indexOf(line);
    if (k >= 0) {
      const [name, rating] = [names[k] as NameCell, standardRatings[k] as (typeof ratings)[0]];
      const ratingLines = rating.wrapped ? [rating.line, rating.wrapped] : [rating.line];
      // (A name and its rating may be one line: once in the snippet.)
      const parts = [...new Set([line, name.line, ...(name.wrapped ? [name.wrapped] : []), ...ratingLines])];
      rows.push(lineOfParts(line, parts, [line.flat, name.name, rating.rating]));
    } else if (score && line === scoreParts[0])
      rows.push(lineOfParts(line, scoreParts, ["Score", score.flat]));
    else if (!used.has(line)) rows.push(line);
  }
  return [...lines.slice(0, start), ...rows, ...lines.slice(end)];
}

/**
 * One question (over up to four lines, as its cell wraps it) and its percentage alone on the
 * next line, a line apart or one blank line, with no figure after: a row read a row at a time.
 */
function rowBelowTable(lines: Line[], i: number, pageNumbers: Line[]): { line: Line; next: number } | null {
  const parts = questionAt(lines, i);
  if (!parts) return null;
  // A cell's lines together: not across a gap, not into the next question, nor a row with its
  // figure ("f) ...? 56%", "... wider familial 56%" / "context of the child?").
  for (const [k, part] of parts.entries()) {
    const before = parts[k - 1];
    if (before && (part.line - before.line > 2 || QUESTION_START.test(part.flat.replace(QUESTION_LABEL, ""))))
      return null;
    if (/\d\s*%$/.test(part.flat)) return null;
  }
  const last = parts[parts.length - 1] as Line;
  const figure = lines[i + parts.length];
  const after = lines[i + parts.length + 1];
  if (!single(figure) || percentCell((figure as Line).flat) === null) return null;
  if ((figure as Line).line - last.line > 2) return null;
  // (The page's number, a count to look at, is no figure of the table.)
  if (
    after &&
    single(after) &&
    (isPercent(after) || (isCount(after) && !pageNumbers.includes(after))) &&
    after.line - (figure as Line).line <= 2
  )
    return null;
  return { line: rowOf(parts, [figure as Line], [(figure as Line).flat]), next: i + parts.length + 1 };
}

/**
 * A question's row put back together from its lines and its figures' lines. The snippet as a
 * reader sees the row: the question's lines a space apart, each figure a tab.
 */
function rowOf(parts: Line[], figureLines: Line[], figures: string[]): Line {
  const text = cellText(parts);
  const question = lineOfParts(parts[0] as Line, parts, [text], " ");
  return lineOfParts(question, [question, ...figureLines], [text, ...figures]);
}

/** Whether `lines[j]` is the last line of its page (of a text whose pages are known). */
function endsItsPage(lines: Line[], j: number): boolean {
  const [line, next] = [lines[j], lines[j + 1]];
  return line?.page != null && next?.page != null && next.page > line.page;
}

/** A counts table's two column headings, read as one line. */
const COUNT_HEADINGS = /^relevant\s+cases\s+number\s*['‘’"“”]?yes['‘’"“”]?$/i;

/**
 * The two count headings ending `out`, on two lines or three ("Relevant" / "cases" / "Number
 * 'Yes'"), or one header row the headings' pieces were put back into, the caption first: how
 * many lines they take; null if `out` does not end with them.
 */
function countHeadingsEnding(out: Line[]): { h: number; headerRow: Line | null } | null {
  const last = out[out.length - 1];
  if (!last || !YES_AT_END.test(last.flat)) return null;
  if (
    (last.cells.length === 2 || last.cells.length === 3) &&
    COUNT_HEADINGS.test(last.cells.slice(-2).join(" "))
  )
    return { h: 1, headerRow: last };
  const h = [2, 3].find((h) => {
    const headings = out.slice(-h);
    return (
      headings.length === h &&
      headings.every(single) &&
      COUNT_HEADINGS.test(headings.map((l) => l.flat.trim()).join(" ")) &&
      (headings[headings.length - 1] as Line).line - (headings[0] as Line).line <= 2 * h
    );
  });
  return h === undefined ? null : { h, headerRow: null };
}
const YES_AT_END = /yes['‘’"“”]?$/i;

/**
 * A counts table whose column headings stand above its questions ("Of the 5 cases inspected:" /
 * "Relevant cases" / "Number 'Yes'" / the questions / their counts, as pdfminer writes the
 * boxes): 2k counts after k questions, each on a line of its own, in one of two orders, a row
 * at a time (relevant, yes, relevant, yes ...) or a column at a time (every relevant count,
 * then every 'yes'). The order taken is the one whose every row can be true (yes at most
 * relevant, relevant at most the caption's cases); if both can, and they differ, none is.
 */
function countsBelowHeadedQuestions(
  out: Line[],
  lines: Line[],
  next: number,
  k: number,
  /** The first row's relevant cases, written in its question's box (`countCarriedBy`). */
  firstCount: Line | null = null,
  /** The order the file's other count columns come in, where both could be true (null: unknown). */
  order: CountOrder | null = null,
): ColumnFigures | null {
  const headings = countHeadingsEnding(out);
  if (!headings) return null;
  const { h, headerRow } = headings;
  const caption = headerRow ? headerRow.cells[0] : out[out.length - h - 1]?.flat;
  const cases =
    caption !== undefined && (headerRow ? headerRow.cells.length === 3 : single(out[out.length - h - 1]))
      ? subSampleIn(caption)
      : null;
  const counts: Line[] = firstCount ? [firstCount] : [];
  let j = next;
  for (; j < lines.length && counts.length < 2 * k; j++) {
    const line = lines[j] as Line;
    const before = lines[j - 1] as Line;
    if (!single(line) || !isCount(line) || line.line - lastLineOf(before) > 2) break;
    counts.push(line);
  }
  const after = lines[j];
  if (counts.length !== 2 * k) return null;
  // (More figures straight after: the column is longer than this table's. But not the page's
  // number, the last line of its page: "7" / "5" / "19" / the next page.)
  if (
    after &&
    single(after) &&
    (isCount(after) || isPercent(after)) &&
    after.line - (lines[j - 1] as Line).line <= 2 &&
    !endsItsPage(lines, j)
  )
    return null;
  // (Counts in blocks of lines that touch, as pdftotext writes them, pair up by their blocks;
  // each a box of its own, as pdfminer writes them, in the order that can be true.)
  const blocked = rowsOfBlocks(counts);
  const rowLines = blocked
    ? possibleRows(blocked, cases)
      ? blocked
      : null
    : countOrder(counts, cases, true, order);
  if (!rowLines) return null;
  // The headings, the last `above` lines of `out`, become the table's header row.
  return {
    rows: rowLines.map((ls) => ls.map((l) => l.flat)),
    rowLines,
    header: headerRow ? headerRow.cells : ["Relevant cases", "Number 'Yes'"],
    used: [...out.slice(-h), ...counts.filter((l) => l !== firstCount)],
    next: j,
    above: h,
  };
}

/**
 * The caption ending `out` ("Of the 8 cases inspected:"), over up to three lines as a narrow cell
 * wraps it ("Of the 7 cases where there were changes in factors related to keeping" / "the child
 * safe:"); none if the lines before the questions are no caption.
 */
function captionBefore(out: Line[]): Line[] {
  const last = out[out.length - 1];
  if (!last || !single(last) || !/:\s*\d{0,2}$/.test(last.flat)) return [];
  for (let k = out.length - 1; k >= Math.max(0, out.length - 3); k--) {
    const line = out[k] as Line;
    if (!single(line) || (k < out.length - 1 && line.flat.endsWith(":"))) return [];
    if (k < out.length - 1 && (out[k + 1] as Line).line - line.line !== 1) return [];
    if (CAPTION_START.test(line.flat)) return out.slice(k);
  }
  return [];
}

/**
 * The document with its column-at-a-time key-question tables as rows. Whole numbers the
 * normaliser took for page numbers are read as counts where they stand in such a table.
 */
export function columnTables(written: NormalisedDocument): NormalisedDocument {
  const rated = ratingsColumns(written.lines);
  const doc = rated === written.lines ? written : { ...written, lines: rated };
  const numbers = doc.furniture.filter((l) => /^\d{1,3}$/.test(l.flat));
  const rules = new Set(doc.furniture.filter((l) => RULE_OR_LEADERS.test(l.flat)).map((l) => l.line));
  // The numbers among the lines where they were printed (the lines' own order kept: a ratings
  // table put back together has its rows in its own order).
  const stream: Line[] = [];
  let n = 0;
  for (const line of doc.lines) {
    while (n < numbers.length && (numbers[n] as Line).line < line.line) stream.push(numbers[n++] as Line);
    stream.push(line);
  }
  stream.push(...numbers.slice(n));
  const order = likelierCountOrder(stream);
  const numberSet = new Set(numbers);
  const firstLineBlocks = new Map<number, FirstLineBlock>();
  if (numbers.length > 0)
    for (let i = 0; i < stream.length; i++) {
      const block = firstLineBlockAt(stream, i, numberSet);
      if (block) firstLineBlocks.set(i, block);
    }
  const blockOrder = firstLineBlocks.size > 0 ? firstLineBlockOrder(firstLineBlocks.values()) : null;
  const out: Line[] = [];
  const taken = new Set<Line>();
  let changed = false;
  // Where the last table put together ends in `out`: questions straight after it (nothing but
  // page furniture between) carry it on over a page break.
  let tableEnd = -1;
  // Where a run of questions that found no figures of its own ends: a run cut short from inside
  // it is no table (a heading question after a table's three, "... desistance?" / "... safe?" /
  // "... people safe?" / "... desistance?" / "% 'Yes'" / three figures: the last three lines
  // would take the three figures, each a row above its own).
  let unpairedRunEnd = -1;
  // Figures another table left before a column's heading (see figuresAt): set aside, and said so.
  const strayColumns: Line[][] = [];
  // Figures of several tables paired in order, their questions running over a standard's heading
  // (and the rest of such a table after it, paired as its own).
  const pairedWarnings: ReportWarning[] = [];
  let tableInOrder = false;
  for (let i = 0; i < stream.length; i++) {
    const line = stream[i] as Line;
    // A row of the table just put together, its figure on the line below its question: the
    // table goes on through it (to the rest of its columns after a page break).
    const row = out.length === tableEnd ? rowBelowTable(stream, i, numbers) : null;
    const block = row ? undefined : firstLineBlocks.get(i);
    const blockRows = block ? countOrder(block.counts, null, true, order ?? blockOrder) : null;
    if (block && blockRows) {
      block.questions.forEach((parts, r) => {
        const figures = blockRows[r] as Line[];
        out.push(
          rowOf(
            parts,
            figures,
            figures.map((l) => l.flat),
          ),
        );
      });
      for (const l of block.counts) taken.add(l);
      changed = true;
      i = block.next - 1;
      continue;
    }
    if (row) {
      out.push(row.line);
      tableEnd = out.length;
      changed = true;
      i = row.next - 1;
      continue;
    }
    // (One question makes a table of one row only where the count headings stand above it:
    // "Relevant cases" / "Number 'Yes'" / "... sequencing?" / "8" / "8", its page's last row.)
    const several = numbers.includes(line) || i < unpairedRunEnd ? null : questionsAt(stream, i);
    const oneRow =
      several === null && !numbers.includes(line) && i >= unpairedRunEnd && countHeadingsEnding(out) !== null
        ? questionsAt(stream, i, 1)
        : null;
    const run = several ?? oneRow;
    const proseHeading = run ? headingAfterKeyQuestions(run) : null;
    const found =
      run && proseHeading
        ? { ...run, questions: run.questions.slice(0, -1), figured: run.figured.slice(0, -1) }
        : run;
    // In an annex's tables a key question heads its prompts with no figure of its own.
    const headings =
      found?.questions.map((q) => isKeyQuestionText(cellText(q).replace(QUESTION_LABEL, ""))) ?? [];
    // (A question written with its figure takes none of the column's either.)
    const figured = found?.figured ?? [];
    const ownFigures = figured.filter(Boolean).length;
    const rowsWanted = found ? found.questions.length - ownFigures : 0;
    // Questions that show whose the figures after them are, heading or not: a standard's key
    // questions alone, prompts lettered from a), or the rest of the table just put together.
    // (Or the column's heading right above them: beside the key question heading them, or on a
    // line of its own.)
    const above = out[out.length - 1];
    const headedAbove = headsColumn(above) || (single(above) && PERCENT_HEADER.test((above as Line).flat));
    const continues = out.length === tableEnd;
    const headingOptional =
      continues ||
      (found !== null &&
        (headings.every(Boolean) ||
          letteredFromA(found.questions, headings, found.standardHeadings) ||
          headedAbove));
    // After a row of the table, its key questions heading their prompts take no figure: a column
    // with one for each would be one figure too many (pdftotext writing a row's figure out of
    // place, "42%" / "38%" / "26%" for rows of 38, 42 and 26).
    const afterRow = !headingOptional && rowJustOut(out);
    // (The table just put together a counts table: its rows' counts go on without a heading.)
    const countsGoOn = continues && isCountsRow(out[out.length - 1]);
    // (Figures for every question without its own; failing that, none for the key questions
    // heading their prompts either.)
    const headingsOrFigured = headings.map((h, k) => h || (figured[k] as boolean));
    const headingsOnly = headings.filter((h, k) => h && !figured[k]).length;
    // Questions a line after a run with no figure after it (a standard's heading between): the
    // figure columns after them may be the first run's as well as theirs (pdfminer writing two
    // tables' questions, then their two columns, the first glued to the second's heading).
    const unpaired = stream[unpairedRunEnd];
    const afterUnpaired =
      unpaired !== undefined &&
      i - unpairedRunEnd === 1 &&
      !(single(unpaired) && (isPercent(unpaired) || isCount(unpaired)));
    // The column(s) after the questions. (A count carried by the first question's box is read
    // only with the headings above the questions: countsBelowHeadedQuestions.)
    const columnAfter = (wanted: number, headingOptional: boolean, taking: boolean[]) =>
      found?.firstCount === null && !oneRow
        ? spread(
            figuresAt(stream, found.next, wanted, {
              headingOptional,
              countsGoOn,
              pageNumbers: numbers,
              rules,
              order,
            }),
            taking,
          )
        : null;
    // Key questions heading their prompts take no figure of the column (the annex's tables print
    // none for them): a column with one for each as well holds another row's figure too (pdfminer
    // writing the last prompt of the page before's figure among this table's, "56%" / "56%" /
    // "89%" ..., once the heading's). Only a standard's key questions alone take one each.
    const headingsOverPrompts = headings.some(Boolean) && !headings.every(Boolean);
    const figures =
      found && !afterUnpaired
        ? ((headingsOverPrompts
            ? null
            : columnAfter(rowsWanted, headingOptional || (afterRow && !headings.some(Boolean)), figured)) ??
          columnAfter(
            rowsWanted - headingsOnly,
            headingOptional || (afterRow && rowsWanted - headingsOnly >= 2),
            headingsOrFigured,
          ) ??
          (ownFigures === 0
            ? countsBelowHeadedQuestions(out, stream, found.next, rowsWanted, found.firstCount, order)
            : null))
        : null;
    if (!found || !figures) {
      if (found) unpairedRunEnd = found.next;
      if (!numbers.includes(line)) out.push(line);
      continue;
    }
    // (Headings printed above the questions are taken back for the header row.)
    out.length -= figures.above ?? 0;
    if (figures.strays) strayColumns.push(figures.strays);
    // The caption before the questions ("Of the 8 cases inspected:") heads the table's header row.
    const caption = captionBefore(out);
    const headerCells = [
      ...(caption.length > 0 ? [caption.map((l) => l.flat).join(" ")] : []),
      ...figures.header,
    ];
    const headerParts = [...caption, ...figures.used.filter((l) => !/^\d/.test(l.flat))];
    out.length -= caption.length;
    if (headerParts.length > 0) out.push(lineOfParts(headerParts[0] as Line, headerParts, headerCells));
    found.questions.forEach((parts, r) => {
      // (A question with its own figure: the row as it was written.)
      if (figured[r]) {
        out.push(parts[0] as Line);
        return;
      }
      out.push(
        rowOf(
          parts,
          // (The count its question's box carried is written on the question's line already.)
          (figures.rowLines[r] as Line[]).filter((l) => l !== found.firstCount),
          figures.rows[r] as string[],
        ),
      );
    });
    for (const l of figures.used) if (numbers.includes(l)) taken.add(l);
    // (The figures of several tables, as pdfminer and pdftotext write a page of them: as
    // columnsInOrder says where it pairs such figures.)
    tableInOrder = found.standardHeadings.size > 0 || (continues && tableInOrder);
    // (Its percentages, or its counts, as printed: the columns' headings are no figures. So too
    // for one column shared by the prompts of two key questions or more: pdfminer writes each
    // figure a box of its own and may set a column's lower boxes before its upper ones, "44%" /
    // "22%" / "56%" / "33%" for rows of 56, 33, 44 and 22 %, and nothing in the text tells.)
    if (tableInOrder || promptGroupsTaking(headings, figured) >= 2)
      pairedWarnings.push(pairedInOrder(figures.used.filter((l) => isPercent(l) || isCount(l))));
    changed = true;
    tableEnd = out.length;
    if (proseHeading) out.push(...proseHeading);
    i = figures.next - 1;
  }
  const inOrder = columnsInOrder(out);
  const unplaced = unplacedColumns(inOrder.lines, strayColumns);
  if (!changed && inOrder.lines === out && unplaced.lines.size === 0) return doc;
  const lines = inOrder.lines.filter((l) => !unplaced.lines.has(l));
  lines.forEach((l, k) => {
    l.index = k;
  });
  return {
    ...doc,
    lines,
    furniture: [...doc.furniture.filter((l) => !taken.has(l)), ...unplaced.lines].sort(
      (a, b) => a.line - b.line,
    ),
    warnings: [
      ...(doc.warnings ?? []),
      // (In the order of the text, however they were paired.)
      ...[...pairedWarnings, ...inOrder.warnings].sort((a, b) => lineOf(a) - lineOf(b)),
      ...unplaced.warnings,
    ],
  };
}

/**
 * A line a table's question and figure columns may stand either side of: a standard's heading
 * ("2.3. Implementation and delivery"), a question's printed number alone ("2.2.1."), the figure
 * column's heading, or a key question with that heading after it.
 */
function besideColumns(line: Line): boolean {
  if (!single(line)) return false;
  if (PERCENT_HEADER.test(line.flat) || PRINTED_NUMBER_ALONE.test(line.flat) || headsColumn(line))
    return true;
  const heading = standardHeading(line);
  // (A domain's heading too: the annex's next domain opens among a page's tables.)
  return (heading !== null && heading.rest.length <= 40) || isDomainHeading(line);
}
const PRINTED_NUMBER_ALONE = /^[1-4]\.[1-4](?:\.\d)?\.?$/;

/** A line opening a question, in its capital ("Where applicable, ..."; "where appropriate?" ends one). */
const startsQuestion = (flat: string) => {
  const text = flat.replace(QUESTION_LABEL, "");
  return /^[A-Z]/.test(text) && QUESTION_START.test(text);
};

/** Whether a question read a column at a time is a key question's (its heading's), no prompt. */
const keyQuestionAmong = (parts: Line[]) => isKeyQuestionText(cellText(parts).replace(QUESTION_LABEL, ""));

/** A word's last letters and its question's mark, cut from it into a cell of their own (CUT_QUESTION_END). */
const WORD_END = new RegExp(`^${CUT_QUESTION_END}$`);

/**
 * A key question's heading whose last word a converter cut into the next cell ("Does assessment
 * sufficiently analyse how to keep the child saf"), a prompt's question next.
 */
function cutKeyQuestion(out: Line[], j: number): boolean {
  const line = out[j] as Line;
  const next = out[j + 1];
  return (
    single(line) &&
    /[a-z]{2}$/.test(line.flat) &&
    // (Not one with the column's heading after it, "... desistance? % Yes": whole.)
    !headsColumn(line) &&
    isKeyQuestionText(line.flat) &&
    next !== undefined &&
    startsQuestion(next.flat)
  );
}

/** The cut heading with its last letters again, the word whole where the report prints it. */
function headingWithTail(out: Line[], heading: Line, tail: Line): Line {
  const cells =
    tail.flat === "?"
      ? [`${heading.flat}?`]
      : cellsWithSplitWordsJoined([heading.flat, tail.flat], (word, times) => printedIn(out, word, times));
  return { ...heading, cells, flat: cells.join(" "), raw: `${heading.raw}\n${tail.raw}` };
}

const lineOf = (warning: ReportWarning) => warning.provenance?.line ?? 0;

/**
 * How many key questions' prompts take figures from a column after them: a run's questions, a
 * key question heading the prompts after it (`headings`), a prompt with its own figure taking none.
 * (Prompts before the run's first heading are the rest of a table of the page before: one more.)
 */
function promptGroupsTaking(headings: boolean[], figured: boolean[]): number {
  let groups = 0;
  let counted = false;
  headings.forEach((heading, k) => {
    if (heading) counted = false;
    else if (!figured[k] && !counted) {
      groups++;
      counted = true;
    }
  });
  return groups;
}

/** The warning that figures printed after several tables' questions were paired with them in order. */
const pairedInOrder = (figures: Line[]): ReportWarning => ({
  code: "figures-paired-in-order",
  message: `${figures.length} ${figures.every(isPercent) ? "percentages" : "counts"} printed after their table's questions (${figures.map((l) => l.flat).join(", ")}) were paired with those questions in order`,
  provenance: provenanceOf(figures[0] as Line),
});

/**
 * Questions and percentages no table above could pair, where a run of questions is followed by
 * a run of percentages with nothing between or among them but what stands beside a table's
 * columns (besideColumns). pdfminer.six writes a page's text boxes by where they stand, and a
 * table's figure column may come out after the next table's heading and questions: questions
 * of two tables, then both tables' figures ("... planning ...?" / "2.3. Implementation and
 * delivery" / "... delivery ...?" / "38%" / ... / "% Yes" / "95%" / ...). Where the questions
 * that take a figure (the prompts; with none, the key questions) are exactly as many as the
 * percentages, two or more, and it is shown whose the figures are (the table's row read just
 * before the questions, or a figure column's heading among them: questions and as many figures
 * alone may be the rest of a column from the page before), they are paired in order, and the
 * document says so. Not where questions left without figures stand before them with only text
 * between (the figures may be those questions'), nor where a question runs into another or into
 * a figure (a row broken over a page). Such a converter keeps a column's order only so far:
 * where it does not ("73%" / questions / "100%" / "77%" / ... for rows of 73, 59, 73, 77, 56 and
 * 100 %), one of these tests fails, as far as the robustness renderings show.
 */
function columnsInOrder(out: Line[]): { lines: Line[]; warnings: ReportWarning[] } {
  const lines: Line[] = [];
  const warnings: ReportWarning[] = [];
  // Whether questions left without figures stand before (only text since): the figures after
  // the next questions may be theirs.
  let questionsOpen = false;
  // Whether a row of a table was read last (a question and its figure, or a run just paired):
  // the table goes on. (Not rowJustOut: pdfminer may set a row's figure box more than a line
  // below its question, and it does not count a run paired here: with it, 40 values more were
  // lost over the robustness renderings, and none gained.)
  let rowBefore = false;
  // Where the last run with cut headings that came to nothing was read to: a run started again
  // inside it does not start at a cut heading (whose letters may be an earlier heading's).
  let failedUntil = -1;
  // Whether a table's first row was put back with its heading (a change no warning tells of).
  let headedRows = false;
  for (let i = 0; i < out.length; ) {
    const questions = new Map<number, Line[]>();
    const figures: Line[] = [];
    // Key questions' headings among the prompts, cut mid-word, each one's last letters a cell of
    // their own that stands in the figure column at its row ("... keep the child saf" | "fe?"),
    // in the headings' order. `before`: the prompts above the heading, the figures above its tail.
    const cuts: { at: number; before: number; tail: Line | null }[] = [];
    let j = i;
    for (;;) {
      const line = out[j];
      if (line === undefined) break;
      if (figures.length === 0 && (questions.size > 0 || i >= failedUntil) && cutKeyQuestion(out, j)) {
        const before = [...questions.values()].filter((parts) => !keyQuestionAmong(parts)).length;
        cuts.push({ at: j, before, tail: null });
        j++;
        continue;
      }
      const untailed = cuts.find((c) => c.tail === null);
      if (untailed && figures.length === untailed.before && WORD_END.test(line.flat) && single(line)) {
        untailed.tail = line;
        j++;
        continue;
      }
      const parts = questionAt(out, j);
      if (parts) {
        // (A question run into the next or into a figure, "... or" / "... child? 63%" / "c) ...?",
        // or one after the figures began, ends the run.)
        const runsOn = parts.slice(1).some((l) => startsQuestion(l.flat) || /\d\s*%/.test(l.flat));
        if (runsOn || figures.length > 0) break;
        questions.set(j, parts);
        j += parts.length;
      } else if (single(line) && isPercent(line) && questions.size > 0) {
        figures.push(line);
        j++;
      } else if (j > i && besideColumns(line)) j++;
      else break;
    }
    if (j === i) {
      const line = out[i++] as Line;
      if (!single(line) || isFiguredQuestion(line)) questionsOpen = false;
      rowBefore =
        isFiguredQuestion(line) ||
        (line.cells.length > 1 && percentCell(line.cells[line.cells.length - 1] as string) !== null);
      lines.push(line);
      continue;
    }
    const all = [...questions.entries()];
    const prompts = all.filter(([, parts]) => !keyQuestionAmong(parts));
    const takers = prompts.length > 0 ? prompts : all;
    const cut = cuts[0];
    if (
      cut &&
      (cuts.some((c) => c.tail === null) || takers !== prompts || takers.length !== figures.length)
    ) {
      // (Not so: the run ends at the first such heading, as any run ends at a question cut short;
      // one opening the run is left as a line.)
      const end = Math.max(cut.at, i + 1);
      failedUntil = j;
      lines.push(...out.slice(i, end));
      questionsOpen = true;
      rowBefore = false;
      i = end;
      continue;
    }
    // Whose the figures are, shown: the table's row read just before the questions (the table
    // goes on), a figure column's heading among them, or a cut heading's last letters standing
    // among the figures at its own row.
    const shown =
      rowBefore ||
      cut !== undefined ||
      out.slice(i, j).some((l) => PERCENT_HEADER.test(l.flat) || headsColumn(l));
    // (The cut heading's letters at its own row show the figures are these questions', whatever
    // questions stood open before.)
    // A table's first row with its column's heading between its question and its figure
    // ("Does assessment ... child's" / "desistance?" / "% yes" / "64%", pdfminer: the heading's box
    // stands level with the question's wrapped first line): the row, as read.
    const headedRow =
      figures.length === 1 &&
      questions.size === 1 &&
      !questionsOpen &&
      out.slice(i, out.indexOf(figures[0] as Line, i)).some((l) => PERCENT_HEADER.test(l.flat));
    if (
      (figures.length < 2 && !headedRow) ||
      takers.length !== figures.length ||
      (questionsOpen && cut === undefined) ||
      !shown
    ) {
      lines.push(...out.slice(i, j));
      // (A question and its figure after it: a row read a row at a time. The next table's
      // heading after it, "2.3. Implementation and delivery", leaves no question open either.)
      rowBefore =
        takers.length === 1 &&
        figures.length === 1 &&
        out.slice(out.indexOf(figures[0] as Line, i) + 1, j).every(besideColumns);
      questionsOpen = questions.size > 0 && takers.length !== figures.length;
      i = j;
      continue;
    }
    if (headedRow) {
      // (The heading first, as the table prints it: the row is the table's.)
      const [, parts] = all[0] as [number, Line[]];
      const figure = figures[0] as Line;
      const at = out.indexOf(figure, i);
      const heading = out.slice(i, at).filter((l) => !parts.includes(l));
      lines.push(...heading, rowOf(parts, [figure], [figure.flat]), ...out.slice(at + 1, j));
      headedRows = true;
      questionsOpen = false;
      rowBefore = true;
      i = j;
      continue;
    }
    const figureAt = new Map(takers.map(([at], k) => [at, figures[k] as Line]));
    const tailAt = new Map(cuts.map((c) => [c.at, c.tail as Line]));
    const tails = new Set(tailAt.values());
    for (let k = i; k < j; ) {
      const parts = questions.get(k);
      const figure = figureAt.get(k);
      if (parts) {
        if (figure) lines.push(rowOf(parts, [figure], [figure.flat]));
        else lines.push(...parts);
        k += parts.length;
      } else if (tailAt.has(k)) {
        lines.push(headingWithTail(out, out[k] as Line, tailAt.get(k) as Line));
        k++;
      } else {
        if (!figures.includes(out[k] as Line) && !tails.has(out[k] as Line)) lines.push(out[k] as Line);
        k++;
      }
    }
    warnings.push(pairedInOrder(figures));
    questionsOpen = false;
    rowBefore = true;
    i = j;
  }
  return warnings.length === 0 && !headedRows ? { lines: out, warnings } : { lines, warnings };
}

/**
 * Percentages left a column at a time after a table's questions (a table broken across pages,
 * or with rows of no figure): two or more on lines of their own, straight after a question or
 * the "% yes" heading. Left where they are, the question parser would give each to the nearest
 * question above or below; they are set aside, and said so.
 */
function unplacedColumns(
  lines: Line[],
  /** Runs already taken out of the lines as no table's (strays before a column's heading). */
  strays: Line[][],
): { lines: Set<Line>; warnings: ReportWarning[] } {
  const set = new Set<Line>();
  const warnings: ReportWarning[] = [];
  const setAside = (run: Line[]) => {
    for (const l of run) set.add(l);
    warnings.push({
      code: "figures-unplaced",
      message: `${run.length} percentages printed a column at a time (${run.map((l) => l.flat).join(", ")}) could not be matched to their questions and were not read`,
      provenance: provenanceOf(run[0] as Line),
    });
  };
  for (const run of strays) setAside(run);
  for (let i = 1; i < lines.length; i++) {
    const before = lines[i - 1] as Line;
    if (!(before.flat.endsWith("?") || PERCENT_HEADER.test(before.flat)) || !single(before)) continue;
    let j = i;
    while (j < lines.length && single(lines[j]) && isPercent(lines[j] as Line)) j++;
    if (j - i < 2) continue;
    setAside(lines.slice(i, j));
    i = j;
  }
  return { lines: set, warnings };
}
