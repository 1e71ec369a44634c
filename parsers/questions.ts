// Key questions and prompts: the "% 'Yes'" (or "Relevant cases / Number 'Yes'") tables of the
// case-based standards, in the standard sections (body) and in the inspection-data annexes.
// One scanner serves both, because the tables have one structure: a key question line (with a
// figure: a key-question row; without: the heading of its prompts), then prompt rows.

import type { KeyQuestion, Prompt, QuestionNumber, ReportWarning } from "../schemas/report.js";
import {
  type StandardsEdition,
  keyQuestionIdFor,
  laterStandardsKeyQuestion,
  standardsOf,
  themeOfQuestion,
} from "./framework.js";
import { type Line, lastLineOf, provenanceOf, provenanceThrough } from "./lines.js";
import type { Segments } from "./segment.js";
import { standardHeading } from "./segment.js";
import {
  COUNT_WORD,
  ILLEGIBLE_PERCENT,
  PROMPT_LETTER,
  QUESTION_START,
  RUNS_ON,
  SERVICE_WORDS,
  countCell,
  countsParted,
  joinWrapped,
  parseCount,
  percentCell,
  plain,
  withoutMisreadMarker,
} from "./text.js";

/**
 * Whether `more`, the next line, carries on the question `text` wrapped in its cell: in lower
 * case ("... taken into" / "account?"), or after a joining word a name ending it ("... with the
 * work of the" / "YOT?") or an initialism the sentence goes on after ("... made by the" / "YOT
 * to determining the disposal?").
 */
function carriesQuestionOn(text: string, more: string): boolean {
  return (
    /^[a-z(’']/.test(more) ||
    (RUNS_ON.test(text) &&
      (/^[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}\?$/.test(more) || INITIALISM_GOES_ON.test(more)))
  );
}

/** An initialism, then the sentence in lower case ("YOT to determining ...", "YJS's work ..."). */
const INITIALISM_GOES_ON = /^[A-Z]{2,6}(?:['’]s)? [a-z]/;

/**
 * The wordings key questions take; prompts never start like this. The joint-working questions
 * name the service as the report does ("the YOT's recommendations", "Does the YJS work ..."):
 * any of its names.
 */
const KEY_QUESTION_FORM = new RegExp(
  `^(?:does assessment sufficiently analyse how to|does planning focus (?:sufficiently )?on|does (?:the )?implementation and delivery of services (?:effectively )?support|does service delivery (?:effectively )?(?:support|focus)|does reviewing focus (?:sufficiently )?on|are the ${SERVICE_WORDS}(?:'s|s)? recommendations sufficiently|does the ${SERVICE_WORDS} work effectively with the police)`,
  "i",
);

/** A key question's printed number alone: "2.4.3." */
export const KEY_QUESTION_NUMBER = /^\d\.\d\.\d\.?$/;

// (How a key question or prompt begins: text.ts, where the footnote reader takes it too.)
export { QUESTION_START };

/**
 * A prompt read without its figure: a whole question (its printed number or letter aside: "3.2.1
 * Does the YOT work ...?", "a) Does ...?"), no key question heading its prompts (which has no
 * figure of its own), and no percentage inside its wrapped text ("... related to 56%" / "safety
 * and wellbeing?": that figure is its own).
 */
export function isUnfiguredPrompt(flat: string): boolean {
  const text = flat.replace(/^(?:\d\.\d\.\d\.?|[a-z]\))\s*/, "");
  return (
    QUESTION_START.test(text) && /\?\s*$/.test(text) && !/\b\d{1,3}%/.test(text) && !isKeyQuestionText(text)
  );
}

export function isKeyQuestionText(text: string): boolean {
  // Every wording starts "Does" or "Are": a test of the first word turns the section's prose
  // away before its whole text is made plain.
  return (
    KEY_QUESTION_OPENING.test(text) && KEY_QUESTION_FORM.test(plain(text)) && themeOfQuestion(text) !== null
  );
}
const KEY_QUESTION_OPENING = /^\s*(?:does|are)\s/i;

/** A prompt's question, whole on its line: "Does assessment focus on ...?", "b) Is the ...?". */
const PROMPT_QUESTION = /^(?:[a-z]\)\s*)?(?:Does|Do|Is|Are|Has|Have|Where applicable,)\s.*\?$/;

/**
 * Whether the report prints prompts, read or not: ten questions or more, each whole on its line,
 * that are no key question. A report that prints prompt tables prints some ninety (a line each,
 * in nearly every converter's text); one that prints none, as 2019's and 2023's, none or one.
 * Where none of their rows could be read, completeness counts them missing rather than saying the
 * report prints none.
 */
export function printsPrompts(lines: Line[]): boolean {
  let n = 0;
  for (const line of lines) {
    const first = line.cells[0];
    if (first?.endsWith("?") && PROMPT_QUESTION.test(first) && !isKeyQuestionText(first))
      if (++n >= 10) return true;
  }
  return false;
}

interface Figures {
  percent: number | null;
  relevant: number | null;
  yes: number | null;
  textCells: string[];
  /** What the figure cell prints instead of a figure ("n/a"). */
  printed?: string;
  /** The figure as an OCR engine misread it ("A2%"): none read. */
  illegible?: string;
}

/** A cell saying the figure does not apply ("n/a", a dash): a row, with no figure to read. */
export const NOT_APPLICABLE = /^(?:n\/?a|[-–—])$/i;
/**
 * A question whose percentage follows after a single space, not in a cell of its own, or glued to
 * its mark (pypdf's "... account?100" / "%", the sign wrapped in its narrow cell and put back).
 */
const TRAILING_PERCENT = /^(.*\?)\s*(\d{1,3}(?:\.\d+)?)\s*%$/;
/** The same, the percentage misread (or alone in its cell). */
const TRAILING_ILLEGIBLE = new RegExp(`^(.*\\?)\\s+(${ILLEGIBLE_PERCENT})$`);
const ILLEGIBLE_CELL = new RegExp(`^${ILLEGIBLE_PERCENT}$`);
/** A question's first line, its percentage after a single space, the question not yet ended. */
const FIRST_LINE_PERCENT = /^(.*[^?\s])\s+(\d{1,3})\s*%$/;
/** The same with the row's two counts ("... taken into 8 8", the first glued on by pypdf: "... into8 8"). */
const FIRST_LINE_COUNTS = /^(.*[a-z,])(\s*)(\d{1,4})\s+(\d{1,4})$/;
/** The same with the row's two counts and their share ("... taken into 8 8 100%"). */
const FIRST_LINE_COUNTS_AND_PERCENT = /^(.*[a-z,])\s+(\d{1,4})\s+(\d{1,4})\s+(\d{1,3})\s*%$/;
/** Or its relevant cases only, its "Yes" after the question's end ("... social context 5" / "of the child?" / "5"). */
export const FIRST_LINE_COUNT = /^(.*[a-z,])\s+(\d{1,3})$/;
/** A whole question and one count, the other on the next line. */
export const SPLIT_COUNTS = /^(.*\?)\s+(\d{1,4})$/;

/**
 * The figure (or counts) of a row whose question wraps, printed beside the question's first line
 * ("Does planning take sufficient account of the diversity and wider familial 59%" / "and social
 * context of the child?", pdftotext): only where the line starts as a question and the next
 * runs on in lower case (prose ending in a percentage does not start so).
 */
function figureBesideFirstLine(line: Line, next: Line | undefined): Figures | null {
  if (next === undefined || !/^[a-z(]/.test(next.flat)) return null;
  if (line.cells.length === 1) return figuresBesideQuestionStart(line.flat);
  // (Or its printed number in a cell before it: "2.3.2." | "Does ... of the child 79%" / "or
  // young person?", the number's column set apart.)
  const [printed, question] = line.cells;
  if (line.cells.length !== 2 || !KEY_QUESTION_NUMBER.test(printed as string)) return null;
  const figures = figuresBesideQuestionStart(question as string);
  return figures && { ...figures, textCells: [printed as string, ...figures.textCells] };
}

/** Whether `relevant` and `yes` can be a row's counts: no more 'Yes' than relevant cases, nor more relevant cases than the table's (where known). */
function rowCanHold(relevant: number, yes: number, subSample: number | null): boolean {
  return yes <= relevant && (subSample === null || relevant <= subSample);
}

/**
 * The same where the question's last words stand at the next page's top, after the table's caption
 * and headings printed again (Word repeats a table's heading rows): "Where applicable, does
 * planning involve other agencies 4 4" (or "... agencies 4 | 4") / the page's end / "Of the 5
 * cases with factors relevant to keeping the child" / "safe: | Relevant cases | Number 'Yes'" /
 * "where appropriate, ... concerning the child?". Counts only where they can be the row's
 * (`rowCanHold`).
 */
function figuresBesideFirstLineOverPage(
  lines: Line[],
  i: number,
  end: number,
  standardId: string | null,
  subSample: number | null,
): Figures | null {
  const line = lines[i] as Line;
  if (line.cells.length > 3 || !line.cells.slice(1).every((cell) => countCell(cell) !== null)) return null;
  const figures = figuresBesideQuestionStart(line.cells.join(" "));
  if (!figures) return null;
  if (
    figures.relevant !== null &&
    figures.yes !== null &&
    !rowCanHold(figures.relevant, figures.yes, subSample)
  )
    return null;
  return lastWordsOverPage(lines, i, end, standardId) === null ? null : figures;
}

/** The figure (or counts) ending a question's first line, as above; null if the line is no such. */
export function figuresBesideQuestionStart(flat: string): Figures | null {
  if (!QUESTION_START.test(flat) || !/^(?:[a-z]\)\s*)?[A-Z]/.test(flat)) return null;
  const all = FIRST_LINE_COUNTS_AND_PERCENT.exec(flat);
  if (all)
    return {
      percent: Number(all[4]),
      relevant: Number(all[2]),
      yes: Number(all[3]),
      textCells: [all[1] as string],
    };
  const m = FIRST_LINE_PERCENT.exec(flat);
  if (m) return { percent: Number(m[2]), relevant: null, yes: null, textCells: [m[1] as string] };
  // Or its two counts: "... and are their views taken into 8 8" / "account?". (The first glued
  // on only where they can be a row's, no more 'Yes' than relevant cases: a word's own digits,
  // "... Covid19 8", are none.)
  const c = FIRST_LINE_COUNTS.exec(flat);
  if (c && (c[2] !== "" || Number(c[3]) >= Number(c[4])))
    return { percent: null, relevant: Number(c[3]), yes: Number(c[4]), textCells: [c[1] as string] };
  return null;
}

/**
 * A question whose two counts (relevant cases, 'Yes') follow after single spaces, or the first
 * glued to its mark ("... child?7 7", pypdf's text of a browser's narrow cells; so only in their
 * order, as a marker glued there and one count, "... disposal?3 7", is not).
 */
const TRAILING_COUNTS = /^(.*\?)(\s*)(\d{1,4})\s+(\d{1,4})$/;

/** A question's two counts run into each other, after its mark or a space after it ("... justice?66", "... safe? 77"). */
const GLUED_COUNTS = /^(.*\?)\s?(\d{2,4})$/;

/**
 * A question's first line ending in a number, its last words perhaps joined after it; the number
 * glued to the last word where a converter glues cells ("... taken into88", pdf-parse 1.x).
 */
const NUMBER_ENDING_FIRST_LINE = /^(.*[a-z,])\s?(\d{2,4})(?:\s([a-z][^\d]*\?))?$/;

/**
 * A count table's row whose two counts run into each other at the end of its question's first
 * line, the question going on after them ("... are their views taken into 88" / "account?",
 * pypdf's text of two narrow cells touching): its figures, and its question without them. The
 * number must be more than the table's cases (so no one count) and part into two counts within
 * them. The question's last words may already be joined after it (as a paragraph's wrapped
 * line), follow on the next line, or follow the table's headings printed again on the next page.
 */
function countsEndingFirstLine(
  lines: Line[],
  i: number,
  end: number,
  subSample: number,
  standardId: string | null,
): Figures | null {
  const line = lines[i] as Line;
  if (line.cells.length !== 1 || !QUESTION_START.test(line.flat)) return null;
  const m = NUMBER_ENDING_FIRST_LINE.exec(line.flat);
  if (!m || Number(m[2]) <= subSample) return null;
  const parted = countsParted(m[2] as string);
  if (!parted || parted[0] > subSample) return null;
  const [, question, , lastWords] = m as unknown as [string, string, string, string | undefined];
  // (The framework's questions hold no such number: a wrapped question's last words after it
  // are a few, the line's end as written, joined to it as a paragraph's line is.)
  if (lastWords !== undefined) {
    if (lastWords.length > 60) return null;
  } else {
    const next = i + 1 < end ? lines[i + 1] : undefined;
    if (!(next && /^[a-z]/.test(next.flat)) && lastWordsOverPage(lines, i, end, standardId) === null)
      return null;
  }
  return {
    percent: null,
    relevant: parted[0],
    yes: parted[1],
    textCells: [lastWords === undefined ? question : `${question} ${lastWords}`],
  };
}

const COUNTS_BEFORE_LAST_WORDS = /^(.*[a-z,])\s+(\d{1,3})\s+(\d{1,3})\s+([a-z][^\d?]{0,60}\?)$/;
/**
 * A count table's row whose counts stand between its question's first line and its last words,
 * the lines run into one (a paragraph a line; the cells beside the first line): "... are their
 * views taken into 8 8 account?", in one cell or several. The counts are the row's where they
 * can be (relevant cases no more than the table's, 'Yes' no more than those), its question whole.
 */
function countsBeforeLastWords(line: Line, subSample: number): Figures | null {
  if (!line.flat.endsWith("?")) return null;
  const m = COUNTS_BEFORE_LAST_WORDS.exec(line.flat);
  if (!m || !QUESTION_START.test(m[1] as string)) return null;
  const [relevant, yes] = [Number(m[2]), Number(m[3])];
  if (!rowCanHold(relevant, yes, subSample)) return null;
  return { percent: null, relevant, yes, textCells: [`${m[1]} ${m[4]}`] };
}

/** A question, its two counts and its percentage after single spaces ("... safe? 8 7 88%"). */
const TRAILING_COUNTS_AND_PERCENT = /^(.*\?\s+\d{1,4}\s+\d{1,4})\s+(\d{1,3}(?:\.\d+)?)\s*%$/;

/** A row's two counts and percentage in one cell ("7 7 100%"), its question in the cell before or wrapped above. */
const COUNTS_AND_PERCENT = /^(\d{1,4}\s+\d{1,4})\s+(\d{1,3}(?:\.\d+)?)\s*%$/;

/** Whether `percent` is the share `yes` of `relevant` cases gives, rounded either way. */
export function isShareOf(relevant: number | null, yes: number | null, percent: number): boolean {
  if (relevant === null || yes === null || relevant === 0 || yes > relevant) return false;
  return Math.abs((100 * yes) / relevant - percent) <= 0.5 + 1e-9;
}

/**
 * A row's percentage with the row's counts before it, where the table prints both ("Relevant
 * cases" | "Number 'Yes'" | "% 'Yes'"): the counts are the row's too, not words of its question
 * ("question" | "8" | "7" | "88%", "question? 8 7" | "88%", or "8 7" alone under a wrapped question).
 */
function withCountsBefore(percent: number, textCells: string[]): Figures {
  const n = textCells.length;
  const yes = n >= 2 ? countCell(textCells[n - 1] as string) : null;
  if (yes !== null) {
    const before = textCells[n - 2] as string;
    const relevant = countCell(before);
    if (relevant !== null) return { percent, relevant, yes, textCells: textCells.slice(0, -2) };
    // (Its relevant cases run into the question's wrapped cell, "... facing 7 the child?" | "7" |
    // "100%", or its first line, "... facing 7" | "7" | "100%" / "the child?", as pdftotext
    // -layout writes a narrow gap. Only where the figures are the share.)
    const beside = FIRST_LINE_COUNT.exec(before);
    const inside =
      figureInside(before, COUNT_INSIDE) ??
      (beside && QUESTION_START.test(beside[1] as string)
        ? { figure: Number(beside[2]), text: beside[1] as string }
        : null);
    if (inside && isShareOf(inside.figure, yes, percent))
      return { percent, relevant: inside.figure, yes, textCells: [...textCells.slice(0, -2), inside.text] };
  }
  // (Or both counts in the last cell, after the question's mark or alone: "... safe? 8 7", "8 7".)
  const last = textCells[n - 1] ?? "";
  const tail = /\d$/.test(last) ? /^(?:(.*\?)\s+)?(\d{1,4})\s+(\d{1,4})$/.exec(last) : null;
  if (tail)
    return {
      percent,
      relevant: Number(tail[2]),
      yes: Number(tail[3]),
      textCells: [...textCells.slice(0, -1), ...(tail[1] !== undefined ? [tail[1]] : [])],
    };
  return { percent, relevant: null, yes: null, textCells };
}

/** The figures closing a table row: "question\t86%", "question\t8\t6" or "question\tn/a". */
function rowFigures(cells: string[]): Figures | null {
  const last = cells[cells.length - 1];
  if (last === undefined) return null;
  const percent = percentCell(last);
  if (percent !== null) return withCountsBefore(percent, cells.slice(0, -1));
  if (cells.length >= 2 && NOT_APPLICABLE.test(last.trim()))
    return { percent: null, relevant: null, yes: null, textCells: cells.slice(0, -1), printed: last.trim() };
  if (last.endsWith("%")) {
    const m =
      last.match(TRAILING_PERCENT) ??
      last.match(TRAILING_COUNTS_AND_PERCENT) ??
      last.match(COUNTS_AND_PERCENT);
    if (m) return withCountsBefore(Number(m[2]), [...cells.slice(0, -1), m[1] as string]);
    const marked = percentPastMarker(last);
    if (marked) return withCountsBefore(marked.percent, [...cells.slice(0, -1), marked.question]);
    const alone = cells.length >= 2 && ILLEGIBLE_CELL.test(last.trim());
    const after = alone ? null : TRAILING_ILLEGIBLE.exec(last);
    if (alone || after)
      return {
        percent: null,
        relevant: null,
        yes: null,
        textCells: after ? [...cells.slice(0, -1), after[1] as string] : cells.slice(0, -1),
        illegible: after ? (after[2] as string) : last.trim(),
      };
  }
  if (cells.length >= 2) {
    const yes = countCell(last);
    const relevant = countCell(cells[cells.length - 2] as string);
    if (yes !== null && relevant !== null && (cells.length >= 3 || cells.length === 2)) {
      return { percent: null, relevant, yes, textCells: cells.slice(0, -2) };
    }
    // Its relevant cases between its lines' words, as a percentage may stand (below): "... safety
    // of other 7 people?" | "5". (Never fewer than its "Yes": a number of the question's own,
    // "... within 10 working days?", would read so only by chance.)
    const inside = yes !== null && cells.length === 2 ? figureInside(cells[0] as string, COUNT_INSIDE) : null;
    if (inside && inside.figure >= (yes as number))
      return { percent: null, relevant: inside.figure, yes, textCells: [inside.text] };
  }
  // "8 8": the two counts alone, a single space between (the question wrapped above them).
  const pair = cells.length === 1 ? last.match(/^(\d{1,4})\s+(\d{1,4})$/) : null;
  if (pair) return { percent: null, relevant: Number(pair[1]), yes: Number(pair[2]), textCells: [] };
  const counts = /\d$/.test(last) ? cells.join(" ").match(TRAILING_COUNTS) : null;
  if (counts && (counts[2] !== "" || Number(counts[4]) <= Number(counts[3])))
    return {
      percent: null,
      relevant: Number(counts[3]),
      yes: Number(counts[4]),
      textCells: [counts[1] as string],
    };
  const inside = cells.length === 1 ? figureInside(last, PERCENT_INSIDE) : null;
  if (inside) return { percent: inside.figure, relevant: null, yes: null, textCells: [inside.text] };
  return null;
}

/**
 * A row's counts read past a note's marker: more relevant cases than its table's sub-sample is
 * no row's count but the marker, set a space before the two counts run together, as pypdf writes
 * a raised number and two narrow cells ("... safe? 23 21" in a table "Of the 5 cases": note 23,
 * 2 relevant, 1 'Yes'; "... people? 2721" the same). Only where the second number parts into
 * counts the sub-sample can hold (and their share is the row's percentage, where it prints one);
 * otherwise the counts stay as read, and the audit's sub-sample check says they cannot be.
 */
function countsPastMarker(figures: Figures, subSample: number | null): Figures {
  const { relevant, yes, percent } = figures;
  if (subSample === null || relevant === null || yes === null || relevant <= subSample) return figures;
  const parted = countsParted(String(yes));
  if (!parted || parted[0] > subSample) return figures;
  if (percent !== null && !isShareOf(parted[0], parted[1], percent)) return figures;
  return { ...figures, relevant: parted[0], yes: parted[1] };
}

/**
 * A question's percentage with a note's marker run into it, a space after the mark ("... the
 * out-of-court disposal? 2780%", pypdf's raised 27 and the row's 80 %): a figure no percentage
 * can be (over 100), read as the marker (one or two digits) and a percentage, where only one such
 * parting gives one ("1100%": 1 and 100 %, not 11 and "00"); "580%" (5 and 80, or 58 and 0) is not read.
 */
function percentPastMarker(cell: string): { question: string; percent: number } | null {
  const m = MARKER_AND_PERCENT.exec(cell);
  const digits = m?.[2];
  if (!digits || Number(digits) <= 100) return null;
  const partings = [1, 2].filter((k) => {
    const rest = digits.slice(k);
    return rest.length > 0 && (rest === "0" || !rest.startsWith("0")) && Number(rest) <= 100;
  });
  if (partings.length !== 1) return null;
  return { question: m[1] as string, percent: Number(digits.slice(partings[0])) };
}
const MARKER_AND_PERCENT = /^(.*\?)\s*(\d{3,5})\s*%$/;

/**
 * A question with a figure between its words (`pattern`: before, figure, after): the figure and the
 * question whole. Its start by default; or, `opening` false, a later line of a question begun above.
 */
function figureInside(
  cell: string,
  pattern: RegExp,
  opening = true,
): { figure: number; text: string } | null {
  const m = !opening || QUESTION_START.test(cell) ? pattern.exec(cell) : null;
  return m ? { figure: Number(m[2]), text: joinWrapped(m[1] as string, m[3] as string) } : null;
}

/**
 * A wrapped question's later line with the row's percentage between its words, the question begun
 * on the lines above ("2.3.1. | Does the implementation and delivery of services" / "effectively
 * support the child or young person's 88% desistance?": pypdf's pages joined, the page's number and
 * running header gone from between the figure and the question's last word).
 */
function percentInsideLaterLine(line: Line): Figures | null {
  if (line.cells.length !== 1 || !/^[a-z(]/.test(line.flat) || !line.flat.endsWith("?")) return null;
  const inside = figureInside(line.flat, PERCENT_INSIDE, false);
  return inside && { percent: inside.figure, relevant: null, yes: null, textCells: [inside.text] };
}

/**
 * A question whose percentage, printed beside its first line, stands between its lines' words
 * ("... motivation to change, 77% and their likelihood of engaging with the court disposal?"): a
 * justified cell's first line runs up to the figure's column, so a reader takes the two for one
 * run of text, and its next line runs on after them.
 */
const PERCENT_INSIDE = /^(.*[a-z,])\s+(\d{1,3})%\s+([a-z(][^%]*\?)$/;
/** The same with a row's relevant cases (its "Yes" in the next cell): "... of other 7 people?". */
const COUNT_INSIDE = /^(.*[a-z,])\s+(\d{1,3})\s+([a-z(][^\d%]*\?)$/;

/**
 * "Of the 7 cases with factors…", "Of the eight cases inspected", "In the 17 cases where there were
 * factors related to…": the sub-sample a table counts.
 */
const SUB_SAMPLE_CAPTION = `(?:Of|In) the ${COUNT_WORD} cases\\b`;
const SUB_SAMPLE = new RegExp(`^${SUB_SAMPLE_CAPTION}`, "i");
/** A sub-sample's caption inside a longer text (the caption's lines joined with the line before). */
const CAPTION_WITHIN = new RegExp(`\\b${SUB_SAMPLE_CAPTION}`, "i");
/** Where a table's caption starts ("Of the 8 cases ...", "In the 17 cases ..."), before its count is read. */
export const CAPTION_OPENING = `(?:Of the\\b|In the ${COUNT_WORD} cases\\b)`;
export const CAPTION_START = new RegExp(`^${CAPTION_OPENING}`, "i");
/**
 * The same caption ending, with its colon, on the lines above a table's column headings; the last
 * opening before the colon (a paragraph unwrapped above the caption may say "in only one of the
 * two cases that ...", which counts no table).
 */
const CAPTION_ABOVE = new RegExp(`^.*(?:^|\\s)${SUB_SAMPLE_CAPTION}[^:]*:\\s*\\d{0,2}$`, "i");

/** A key-question table's column headings: "% 'Yes'" (or "Rating and % yes"), "Relevant cases", "Number 'Yes'". */
export const PERCENT_HEADER = /^(?:%\s*['‘’"“”]?yes['‘’"“”]?|rating and % yes)$/i;
export const RELEVANT_HEADER = /^relevant cases$/i;
export const YES_HEADER = /^number\s*['‘’"“”]?yes['‘’"“”]?$/i;
/** A key-question table's column heading: "% Yes", "Relevant cases", "Number 'Yes'". */
export const isColumnHeading = (cell: string) =>
  [PERCENT_HEADER, RELEVANT_HEADER, YES_HEADER].some((re) => re.test(cell.trim()));

const COUNT_HEADING_WORD = `(?:relevant|cases|number|%|['‘’"“”]?yes['‘’"“”]?)`;
/**
 * A line's last words when they are a count table's column headings, or some of them (from
 * "Relevant" or "Number" on: "cases" ends the caption "Of the 8 cases" too).
 */
const COUNT_HEADING_TAIL = new RegExp(
  `(?:^|\\s|(?<=:\\d{0,3}))((?:relevant|number|['‘’"“”]?yes['‘’"“”]?)(?:\\s+${COUNT_HEADING_WORD})*)$`,
  "i",
);
/** How a line ending in a count table's headings ends (tested on its last characters alone). */
const COUNT_HEADING_LAST_WORD = /(?:relevant|cases|number|yes)['‘’"“”]?$/i;
const COUNT_HEADING_ONLY = new RegExp(`^${COUNT_HEADING_WORD}(?:\\s+${COUNT_HEADING_WORD})*$`, "i");

/**
 * The headings' words with the space pypdf leaves out between two cells put back ("casesNumber",
 * "inspected:Relevant").
 */
const headingsParted = (flat: string) =>
  flat.includes("casesNumber") || flat.includes(":Relevant")
    ? flat.replace(/\bcasesNumber\b/, "cases Number").replace(/:Relevant\b/, ": Relevant")
    : flat;

/**
 * A count table's column headings ("Relevant cases", "Number 'Yes'") wrapped in their narrow
 * cells and written a line at a time: after the caption ("Of the 8 cases inspected: Relevant" /
 * "cases Number 'Yes'", as getText writes cells centred beside the caption; "... inspected:
 * Relevant Number" / "cases 'Yes'", as pdftotext -layout writes narrow columns), or a piece a
 * line ("Relevant" / "Number 'Yes'" / "cases", pdftotext of cells centred in a tall row). The
 * caption before them on the first line, and how many lines from `i` they take; null if the
 * headings are not all there.
 */
function splitCountHeading(lines: Line[], i: number, end: number): { lead: string; span: number } | null {
  let first = headingsParted((lines[i] as Line).flat.trim());
  // (The caption's last words after the headings' first pieces, its first words on the line
  // above: "Of the 7 cases ... keeping the child" / "Relevant Number  safe:" / "cases" / "'Yes'".)
  // (Tested on a line ending in a colon only: on a line of prose the pattern backtracks at every word.)
  const captionEnd = first.endsWith(":") ? first.match(/^(.*\S)\s+([a-z][^:?]{0,80}:)$/) : null;
  // (Or the caption whole on this line, the headings' first pieces inside it: "Of the 2 cases
  // ... safety of other Relevant Number people:" / "cases" / "'Yes'".)
  const runIn = captionEnd && CAPTION_START.test(captionEnd[1] as string);
  if (captionEnd && (runIn || COUNT_HEADING_ONLY.test(captionEnd[1] as string)))
    first = captionEnd[1] as string;
  // (The cheap test first: this runs on every line of a section.)
  const tail = COUNT_HEADING_LAST_WORD.test(first.slice(-12)) ? first.match(COUNT_HEADING_TAIL) : null;
  if (!tail) return null;
  const all = (words: string) =>
    /\brelevant\b/.test(words) && /\bcases\b/.test(words) && /\bnumber\b/.test(words) && /yes/.test(words);
  let words = (tail[1] as string).toLowerCase();
  const before = first.slice(0, tail.index).trim();
  const lead =
    first === captionEnd?.[1] ? (runIn ? `${before} ${captionEnd[2]}` : (captionEnd[2] as string)) : before;
  // (All on this line, a wrapped piece put back after the next heading: "Relevant Number cases 'Yes'".)
  if (all(words)) return { lead, span: 1 };
  // (Headings whole on the next line are that line's: "Of the 8 cases" / "Relevant cases Number 'Yes'".)
  // (Not a third heading alone, the counts' share, centred between their lines: below.)
  const next = i + 1 < end ? (lines[i + 1] as Line) : undefined;
  if (next && isTableHeader(next) && !(next.cells.length === 1 && PERCENT_HEADER.test(next.flat.trim())))
    return null;
  let caption = lead;
  // (The line after the headings' first, past a third heading centred on a line of its own
  // between them: "... related to  Relevant  Number" / "% 'Yes'" / "desistance:  cases  'Yes'".)
  let second = i + 1;
  for (let k = i + 1; k < Math.min(end, i + 5); k++) {
    let flat = headingsParted((lines[k] as Line).flat.trim());
    if (k === second && PERCENT_HEADER.test(flat)) {
      second++;
      continue;
    }
    // (The caption's last words on the next line, before the headings' next pieces: "Of the 7
    // cases ... keeping the child  Relevant Number" / "safe:  cases  'Yes'".)
    // (Or on a line of their own, a page's foot between: "... keeping the child  Relevant
    // Number" / "safe:" / "cases" / "'Yes'".)
    const wrapped = k === second && lead ? flat.match(/^([a-z][^:?]{0,80}:)(?:\s+(.+))?$/) : null;
    if (wrapped) {
      caption = `${lead} ${wrapped[1]}`;
      if (wrapped[2] === undefined) continue;
      flat = wrapped[2];
    }
    // (Or the whole caption between the headings' lines, cells centred in a tall row: "Relevant
    // cases" / "Of the 8 cases inspected:" / "Number 'Yes'".)
    if (k === second && !lead && isCaptionLine(flat)) {
      caption = flat;
      continue;
    }
    if (!COUNT_HEADING_ONLY.test(flat)) return null;
    words += ` ${flat.toLowerCase()}`;
    if (all(words)) return { lead: caption, span: k - i + 1 };
  }
  return null;
}

/** A caption with a count table's headings' two lines run in: "... the child Relevant Number safe: cases 'Yes'". */
const INTERLEAVED_COUNT_HEADING =
  /^((?:Of|In) the .*?)\s+Relevant\s+Number\s+([^:]{0,40}:)?\s*cases\s+['‘’"“”]?Yes['‘’"“”]?$/i;

function isTableHeader(line: Line): { subSample: number | null; question: string | null } | null {
  const last = line.cells[line.cells.length - 1] ?? "";
  const yesHeader = PERCENT_HEADER.test(last);
  const countHeader = /relevant cases/i.test(line.flat) && /number\s*['‘’"“”]?yes/i.test(line.flat);
  if (!yesHeader && !countHeader) {
    // The headings' two lines run into the caption's ("Of the 7 cases ... keeping the child
    // Relevant Number" / "safe: cases 'Yes'", a paragraph again once unwrapped).
    const interleaved = line.flat.match(INTERLEAVED_COUNT_HEADING);
    return interleaved
      ? { subSample: subSampleIn(`${interleaved[1]} ${interleaved[2] ?? ""}`), question: null }
      : null;
  }
  const first = line.cells[0] ?? "";
  const question = yesHeader && line.cells.length > 1 && isKeyQuestionText(first) ? first : null;
  return { subSample: subSampleIn(line.flat), question };
}

/** The sub-sample a caption opening `text` counts ("Of the 7 cases with factors ..."). */
export function subSampleIn(text: string): number | null {
  const m = plain(text).match(SUB_SAMPLE);
  return m ? parseCount(m[1] as string) : null;
}

/**
 * A key question heading its table whose text wraps in its cell, written a line at a time, with
 * the column heading ("% 'Yes'") beside its last line ("Does assessment ... support" / "the
 * child's desistance?  % Yes") or its first ("Does assessment ... support  % Yes" / "the child's
 * desistance?"); `next` when the question ends on the line after the headings.
 */
function wrappedHeaderQuestion(
  line: Line,
  before: string | null,
  after: Line | undefined,
): { text: string; next: boolean } | null {
  if (line.cells.length < 2) return null;
  const first = line.cells[0] as string;
  if (before && /^[a-z(]/.test(first) && !/\?\s*$/.test(before)) {
    const text = joinWrapped(before, first);
    if (isKeyQuestionText(text)) return { text, next: false };
  }
  if (after && after.cells.length === 1 && /^[a-z(]/.test(after.flat) && QUESTION_START.test(first)) {
    const text = joinWrapped(first, after.flat);
    if (isKeyQuestionText(text)) return { text, next: true };
  }
  return null;
}

interface ScanContext {
  source: "body" | "annex";
  /** Fixed standard (body section) or null to follow the annex's standard headings. */
  standardId: string | null;
  caseBased: Set<string>;
}

/** A key question's printed number on a line of its own (see `scan`). */
interface NumberAlone {
  printed: string;
  line: number;
  stacked: boolean;
}

/** A question's printed number, if it opens with one ("2.1.1. Does assessment ..."), and the question after it. */
function printedNumberOf(text: string): { printed: string | null; question: string } {
  const m = text.match(/^(\d\.\d\.\d)\.?\s+/);
  return m
    ? { printed: m[1] as string, question: text.slice(m[0].length) }
    : { printed: null, question: text };
}

/**
 * A table's caption standing above its first questions, which pdftotext writes before the
 * column headings beside them ("Of the 7 cases with factors ...:" / "Are the delivered services
 * ...?" / "Where applicable, is ... potential" / "victims?  Relevant cases  Number 'Yes'"): the
 * caption's text, when only question lines (up to four) stand between it and the headings.
 */
function captionBeforeQuestions(lines: Line[], headerAt: number, start: number): string {
  for (let k = headerAt - 1; k >= Math.max(start, headerAt - 5); k--) {
    const flat = (lines[k] as Line).flat;
    if (k < headerAt - 1 && CAPTION_ABOVE.test(plain(flat))) return plain(flat);
    if (!(QUESTION_START.test(flat) || /\?\s*$/.test(flat) || /^[a-z]/.test(flat))) return "";
  }
  return "";
}

/** The sub-sample of a caption on the line after a table's headings, or after the question there. */
function captionAfterHeadings(lines: Line[], from: number, end: number): number | null {
  for (let k = from; k < Math.min(end, from + 2); k++) {
    const flat = (lines[k] as Line).flat;
    if (isCaptionLine(flat)) return subSampleIn(flat);
    if (!/\?$/.test(flat)) return null;
  }
  return null;
}

/** A count table's caption on a line of its own: "Of the 8 cases inspected:" (its note's number after it or not). */
function isCaptionLine(flat: string): boolean {
  const text = plain(flat);
  return SUB_SAMPLE.test(text) && CAPTION_ABOVE.test(text);
}

/**
 * A line of a count table's heading row, its cells written a line at a time: the caption, with
 * the headings' first words after it or not ("Of the 8 cases inspected: Relevant"), or heading
 * words alone ("cases", "Number 'Yes'", "% 'Yes'").
 */
export function isHeadingRowPiece(flat: string): boolean {
  const text = flat.trim();
  if (COUNT_HEADING_ONLY.test(text) || PERCENT_HEADER.test(text)) return true;
  const tail = text.match(COUNT_HEADING_TAIL);
  return isCaptionLine(tail ? text.slice(0, tail.index) : text);
}

/** A line that is a sentence of its own, such as a note at a page's foot: a capital first, a stop last, no question. */
function isNoteSentence(line: Line): boolean {
  return (
    line.cells.length === 1 &&
    /^[A-Z]/.test(line.flat) &&
    /[.)]$/.test(line.flat) &&
    !QUESTION_START.test(line.flat)
  );
}

/**
 * The line holding the last words of the row on line `at`, cut by a page where the table's
 * caption and heading rows are printed again at the next page's top (as Word repeats them):
 * "Does planning focus sufficiently on keeping other" / "7" / "6" / the page's end / "Of the 8
 * cases inspected:" / "Relevant Number cases" / "'Yes'" / "people safe? 13". (Or the standard's
 * heading, an annex table's first row, repeated so: "f) Does planning take sufficient account of
 * opportunities for  100%" / the page's end / "3.2. Planning (out-of-court disposals)" /
 * "community integration, ... out-of-court disposal work?"; or the page's notes before the
 * page's end, as pdftotext writes them. In a text without its pages, the heading rows printed
 * again must be there.) Null when the next page starts otherwise.
 */
function lastWordsOverPage(lines: Line[], at: number, end: number, standardId: string | null): number | null {
  const page = (lines[at] as Line).page;
  let k = at + 1;
  // (The page's notes at its foot may come first, as the text's lines of that page: "27%" / "The
  // rating for the standard is driven by ..." / the next page's "supporting joint decision
  // making?". A sentence of its own.)
  while (
    page !== null &&
    k < end &&
    k <= at + 2 &&
    (lines[k] as Line).page === page &&
    isNoteSentence(lines[k] as Line)
  )
    k++;
  if (k >= end || (page !== null && (lines[k] as Line).page !== page + 1)) return null;
  const past = pastHeadingsAgain(lines, k, Math.min(end, at + 8), standardId);
  const line = lines[past];
  // (A text without its pages, PyMuPDF's and pypdf's pages joined: the heading rows printed
  // again are the sign of the page's end, its notes, number and running header gone before.)
  if (!line || past >= end || past > at + 7 || !(page !== null || past > k) || past === at + 1) return null;
  if (page !== null && line.page !== page + 1) return null;
  const lastWords =
    // (Its lines may stand as cells of one line, as the wrapped cell's do: no figure among them.)
    line.cells.every((cell) => countCell(cell) === null && percentCell(cell) === null) &&
    /^[a-z(]/.test(line.flat) &&
    /\?(?:\s*\d{1,2})?$/.test(line.flat) &&
    !PROMPT_LETTER.test(line.flat);
  return lastWords ? past : null;
}

/**
 * Where the text goes on after a table's caption and heading rows printed again from `lines[k]`, at
 * a page's top (as Word repeats them), and the standard's heading so repeated (`standardId`'s, an
 * annex table's first row): the index of the first line after them (before `end`, on their page),
 * `k` where none is. A caption wrapped before its colon ("Of the 15 cases where ... other people"
 * / "safe:" with the headings beside) is one, its next line the caption's too.
 */
export function pastHeadingsAgain(
  lines: readonly Line[],
  k: number,
  end: number,
  standardId: string | null,
): number {
  const page = (lines[k] as Line | undefined)?.page;
  let captionSoFar: string | null = null;
  let j = k;
  for (; j < end; j++) {
    const line = lines[j] as Line;
    if (line.page !== page) break;
    const heading = isHeadingRowPiece(line.flat);
    if (!heading && captionSoFar !== null && isHeadingRowPiece(`${captionSoFar} ${line.flat}`)) {
      captionSoFar = null;
      continue;
    }
    if (heading || CAPTION_START.test(line.flat)) {
      captionSoFar = heading ? null : line.flat;
      continue;
    }
    if (standardId === null || standardHeading(line)?.id !== standardId) break;
  }
  return j;
}

export interface QuestionResult {
  keyQuestions: KeyQuestion[];
  prompts: Prompt[];
  warnings: ReportWarning[];
  /** Every printed key-question number and the canonical id it was read as. */
  numbering: QuestionNumber[];
}

function scan(lines: Line[], start: number, end: number, ctx: ScanContext, out: QuestionResult): void {
  let standardId = ctx.standardId;
  let currentKq: string | null = null;
  let subSample: number | null = null;
  // (Whether the table under way prints counts: "Relevant cases" | "Number 'Yes'".)
  let countTable = false;
  let tableRow = 0;
  let lastHeader: string | null = null;
  /**
   * A question read so far without its figure; `afterUnfigured` when it follows a prompt that
   * was left without one (see below).
   */
  let pending: { text: string; first: Line; afterUnfigured?: boolean } | null = null;
  let lastRow: { text: string; target: KeyQuestion | Prompt } | null = null;
  /** The line of a key question's heading that came after a prompt left without its figure. */
  let unfiguredBeforeHeading = -1;
  /**
   * A key question's number on a line of its own; `stacked` when it follows another so (a column
   * of numbers written out before its questions, which no line tells apart: pdfminer's boxes).
   */
  let numberAlone: NumberAlone | null = null;
  /** The source line the last row ends on. */
  let lastRowLine = -1;
  const promptPositions = new Map<string, number>();
  /** Each key question's last prompt letter read so far ("c" after "a)", "b)", "c)"). */
  const lastLetterOf = new Map<string, string>();
  /**
   * A key question whose prompts' letters went back (started again at "a)"): the rows after
   * are another key question's, whose heading was not read, until a key question is read again.
   */
  let lettersRestartedUnder: string | null = null;
  /** The key questions that headed a table so far ("2.1 2.1.1"). */
  const headingQuestions = new Set<string>();

  /**
   * The key question `text` asks under the standard read so far; or, in the annex, a later
   * standard's by its wording (its heading row lost) where `wholeRow`: a row whose question and
   * figures stand on different lines (a table's cells written one under another) was read from a
   * column order a lost heading already shows out of step.
   */
  const setKq = (text: string, line: Line, printed: string | null, wholeRow = true): string | null => {
    if (!standardId) return null;
    let id = keyQuestionIdFor(standardId, text);
    // In the annex, a later standard's question by its own wording: that standard's heading row
    // was lost, and its questions go on under it.
    const later =
      id || ctx.standardId !== null || !wholeRow
        ? null
        : laterStandardsKeyQuestion(standardId, text, printed);
    if (later && ctx.caseBased.has(later.standardId)) {
      out.warnings.push({
        code: "standard-heading-missing",
        message: `Key question ${later.id} stands under standard ${standardId} in the annex: read as ${later.standardId}'s by its wording${printed ? " and number" : ""}, ${later.standardId}'s heading not being found`,
        provenance: provenanceOf(line),
      });
      standardId = later.standardId;
      tableRow = 0;
      id = later.id;
    }
    if (!id) {
      out.warnings.push({
        code: "key-question-unrecognised",
        message: `A key question under standard ${standardId} could not be matched to the framework`,
        provenance: provenanceOf(line),
      });
      return null;
    }
    if (printed) out.numbering.push({ printed, keyQuestionId: id, provenance: provenanceOf(line) });
    return id;
  };

  /** Lines read already as a row's last words, after the page's repeated headings. */
  const lastWordsTaken = new Set<number>();

  for (let i = start; i < end; i++) {
    const line = lines[i] as Line;
    if (lastWordsTaken.has(i)) continue;
    const heading = standardHeading(line);
    // The standard's heading again, as a table's heading row Word repeats at the top of each page
    // the table runs on to: its prompts go on under the key question they were under.
    if (heading && ctx.standardId === null && heading.id === standardId && currentKq !== null) continue;
    if (heading) {
      if (ctx.standardId === null) standardId = ctx.caseBased.has(heading.id) ? heading.id : null;
      currentKq = null;
      tableRow = 0;
      pending = null;
      continue;
    }
    const whole = isTableHeader(line);
    const split = whole ? null : splitCountHeading(lines, i, end);
    // (The lines after this one that the headings' pieces take.)
    const rest = split ? split.span - 1 : 0;
    const header = whole ?? (split ? { subSample: subSampleIn(split.lead), question: null } : null);
    // The table's heading row again as it stood, first on a new page (Word repeats heading rows
    // at the top of each page a table runs on to): the table runs on, its rows counted on.
    const pageTop = line.page !== null && i > start && (lines[i - 1] as Line).page === line.page - 1;
    if (header && pageTop && tableRow > 0 && line.flat === lastHeader) {
      i += rest;
      pending = null;
      continue;
    }
    if (header) {
      lastHeader = line.flat;
      const headerAt = i;
      const question = header.question
        ? { text: header.question, next: false }
        : wrappedHeaderQuestion(line, pending?.text ?? null, i + 1 < end ? lines[i + 1] : undefined);
      const id = question && standardId ? keyQuestionIdFor(standardId, question.text) : null;
      if (id && headingQuestions.has(`${standardId} ${id}`)) {
        // The table's heading row again, at the top of a new page (Word repeats a table's
        // heading rows): the table runs on under the key question it was under.
        if (question?.next) i++;
        i += rest;
        pending = null;
        continue;
      }
      if (id) headingQuestions.add(`${standardId} ${id}`);
      // The caption on the lines above, wrapped ("Of the 8 cases where there were changes in
      // factors related to" / "desistance:" / "Relevant cases  Number 'Yes'").
      // (Or ending on the headings' own line: "Of the 8 cases where there were changes in
      // factors related to" / "desistance: Relevant cases Number 'Yes'".)
      const lead = split ? split.lead : line.flat.replace(/\s*(?:Relevant cases|%\s*['‘’"“”]?yes).*$/i, "");
      const caption: string[] = [
        ...[lines[i - 2], lines[i - 1]]
          .filter((l): l is Line => l !== undefined && i - 2 >= start)
          .map((l) => l.flat),
        ...(lead && lead !== line.flat ? [lead] : []),
      ];
      // (Or on the line after them, the headings centred beside the caption's two lines: "Of
      // the 8 cases where there were changes in factors related to" / "Relevant cases  Number
      // 'Yes'" / "desistance:".)
      const after = lines[i + 1];
      // (Not where the headings' pieces run on below: those lines are theirs, the caption's
      // tail among them.)
      const tail =
        rest === 0 && after && i + 1 < end && /^[a-z][^?]{0,60}:\s*$/.test(after.flat) ? after.flat : null;
      if (tail) {
        caption.push(tail);
        i++;
      }
      const captionText = plain(caption.join(" "));
      const above =
        header.subSample === null
          ? (captionText.match(CAPTION_ABOVE) ??
            captionBeforeQuestions(lines, headerAt, start).match(CAPTION_ABOVE))
          : null;
      // (Or below them, the key question's heading between: pdftotext writes a table's heading
      // row before the cells beside it, "Relevant cases  Number 'Yes'" / "Does planning focus
      // ... safe?" / "Of the 5 cases with factors ...:".)
      // (After the headings' last piece, where they are in pieces.)
      const below =
        header.subSample === null && !above ? captionAfterHeadings(lines, i + 1 + rest, end) : null;
      subSample = header.subSample ?? (above ? parseCount(above[1] as string) : below);
      countTable = split !== null || /relevant|number/i.test(line.flat);
      tableRow = 0;
      if (question?.next) i++;
      i += rest;
      // (The third heading, the counts' share, wrapped to a line of its own: "... Relevant cases
      // Number 'Yes'" / "% 'Yes'".)
      const shareHeading = i + 1 < end ? (lines[i + 1] as Line).flat.trim() : "";
      if (/relevant|number/i.test(line.flat) && PERCENT_HEADER.test(shareHeading)) i++;
      pending = null;
      if (question) currentKq = setKq(question.text, line, null) ?? currentKq;
      else if (standardId && currentKq !== null) {
        // A caption that names its key question's theme ("Of the 7 cases where there were changes
        // in factors related to keeping the child safe:") heads that key question's prompts,
        // wherever the question's heading stands (pdftotext may write it after the table). Only
        // from one key question of the standard to another: after a heading that matched none
        // (a lost standard heading), the prompts stay unread.
        const from = captionText.search(CAPTION_WITHIN);
        const own = from >= 0 ? keyQuestionIdFor(standardId, captionText.slice(from)) : null;
        if (own) currentKq = own;
      }
      continue;
    }
    if (!standardId) continue;

    const next = i + 1 < end ? lines[i + 1] : undefined;
    // (Typed by hand: inferred, TypeScript would take it from the loop's later assignments.)
    const questionRunsOn: boolean = pending !== null && !/\?\s*$/.test(pending.text);
    let figures: Figures | null =
      rowFigures(line.cells) ??
      figureBesideFirstLine(line, next) ??
      figuresBesideFirstLineOverPage(lines, i, end, standardId, subSample) ??
      (questionRunsOn ? percentInsideLaterLine(line) : null);
    // A count table's row whose two counts run into its mark and each other ("... restorative
    // justice?66", pypdf's text of two narrow cells touching; "... safe? 77" after a note's
    // marker, "? 12 77"): parted as counts print, relevant cases first, no more than the table's
    // cases. (Not before a lone count: "... safe? 22" / "5" / "5" is a marker and the row's counts.)
    const countBelow = next !== undefined && /^\d{1,4}$/.test(next.flat);
    const glued: RegExpExecArray | null =
      !figures && countTable && subSample !== null && !countBelow ? GLUED_COUNTS.exec(line.flat) : null;
    const parted: [number, number] | null = glued ? countsParted(glued[2] as string) : null;
    // (Only a number more than the table's cases: "... disposal? 11" of 11 cases may be its
    // relevant cases alone, its "Yes" elsewhere, as well as 1 and 1.)
    if (glued && parted && subSample !== null && parted[0] <= subSample && Number(glued[2]) > subSample)
      figures = { percent: null, relevant: parted[0], yes: parted[1], textCells: [glued[1] as string] };
    if (!figures && countTable && subSample !== null)
      figures =
        countsEndingFirstLine(lines, i, end, subSample, standardId) ?? countsBeforeLastWords(line, subSample);
    if (!figures && next) {
      // A count table's row wrapped between its two counts: "... facing the child? 7" / "7".
      const split = SPLIT_COUNTS.exec(line.flat);
      // (The normaliser keeps such a lone number only where it can be the row's second count.)
      if (split && line.cells.length === 1 && next.cells.length === 1 && /^\d{1,4}$/.test(next.flat)) {
        figures = {
          percent: null,
          relevant: Number(split[2]),
          yes: Number(next.flat),
          textCells: [split[1] as string],
        };
        i++;
      }
    }
    // A count table that prints the counts' share too, the share wrapped to the next line ("...
    // protective factors? 8 8" / "100%"): the row's, where it is their share.
    const share =
      figures?.percent === null && next && i + 1 < end && next.cells.length === 1
        ? percentCell(next.flat)
        : null;
    if (figures && share !== null && isShareOf(figures.relevant, figures.yes, share)) {
      figures = { ...figures, percent: share };
      i++;
    }
    if (figures) figures = countsPastMarker(figures, subSample);
    let text: string = (figures ? figures.textCells : line.cells).join(" ");
    // A key question's printed number on a line of its own, its question a few lines on (a cell
    // per line, pdftotext): the question's number, if it is one of the standard being read.
    // (Typed by hand: inferred, TypeScript would take it from the loop's later assignments.)
    const previousNumber = numberAlone as NumberAlone | null;
    const numberAbove =
      numberAlone !== null &&
      !numberAlone.stacked &&
      line.line - numberAlone.line <= 5 &&
      numberAlone.printed.startsWith(`${standardId}.`)
        ? numberAlone.printed
        : null;
    numberAlone = null;
    if (!figures && line.cells.length === 1 && KEY_QUESTION_NUMBER.test(text)) {
      // ... or just after it, the number centred beside the question's wrapped lines: the key
      // question's own number, where it is that question's (never another's, taken on trust).
      const printed = text.replace(/\.$/, "");
      const kq = lastRow?.target;
      if (
        kq &&
        "printedNumber" in kq &&
        kq.printedNumber === null &&
        kq.id === printed &&
        line.line - lastRowLine <= 3
      ) {
        kq.printedNumber = printed;
        out.numbering.push({ printed, keyQuestionId: kq.id, provenance: provenanceOf(line) });
        lastRow = null;
        continue;
      }
      numberAlone = {
        printed: text,
        line: line.line,
        stacked: previousNumber !== null && line.line - previousNumber.line <= 2,
      };
      lastRow = null;
      pending = null;
      continue;
    }
    if (numberAbove && QUESTION_START.test(text)) text = `${numberAbove} ${text}`;
    let first = line;
    if (figures && text === "" && pending?.afterUnfigured) {
      // Figures alone after a question whose question before it has none: a table's column
      // written in pieces (pdftotext: "Does planning promote ...?" / "Does planning involve
      // ...?" / "53%", the first one's). Whose they are cannot be told; they are not read.
      out.warnings.push({
        code: "figures-unplaced",
        message: `Figures printed alone (${line.flat}) after two questions without theirs could not be matched to either and were not read`,
        provenance: provenanceOf(line),
      });
      // (A key question so left is still the heading of the prompts after it.)
      const kq = printedNumberOf(pending.text);
      if (isKeyQuestionText(kq.question)) currentKq = setKq(kq.question, pending.first, kq.printed);
      pending = null;
      continue;
    }
    if (
      figures &&
      text === "" &&
      pending &&
      figures.percent !== null &&
      next &&
      i + 1 < end &&
      rowFigures(next.cells)?.textCells.length === 0
    ) {
      // A column of percentages after one question ("Does reviewing identify ...?" / "100%" /
      // "89%" / ..., pdfminer's reading of a scan, another table's column run in): which one is
      // the question's cannot be told.
      out.warnings.push({
        code: "figures-unplaced",
        message: `Figures printed one under another (${line.flat}, ${next.flat}, ...) after a question without its own could not be matched to it and were not read`,
        provenance: provenanceOf(line),
      });
      pending = null;
      continue;
    }
    if (
      figures &&
      text === "" &&
      !pending &&
      next &&
      /^[a-z(]/.test(next.flat) &&
      !PROMPT_LETTER.test(next.flat)
    ) {
      // Figures alone with no question before them, a question's last words after them: another
      // row's figure set apart (pdftotext writing a cell drawn past its column at the page's
      // end). The words are the row above's; the figures no row's that can be told.
      out.warnings.push({
        code: "figures-unplaced",
        message: `Figures printed alone (${line.flat}) beside no question of theirs could not be matched to a row and were not read`,
        provenance: provenanceOf(line),
      });
      continue;
    }
    if (
      figures &&
      pending &&
      (text === "" || (carriesQuestionOn(pending.text, text) && !/\?\s*$/.test(pending.text)))
    ) {
      // The row's text began on earlier lines; its figure stands here (its last words with it, in
      // lower case or a name after a joining word: "... with the work of the" / "YOT? 88%").
      text = text === "" ? pending.text : joinWrapped(pending.text, text);
      first = pending.first;
    }
    if (figures) {
      // A row whose question wraps onto the next lines (PDF tables): read the whole question
      // before deciding whether it is a key question or a prompt.
      let j = i + 1;
      while (!/\?\s*$/.test(text) && j < end && j <= i + 3) {
        const next = lines[j] as Line;
        // (A line of several cells is the question's too when none is a figure: a cell-per-line
        // text's rejoined pieces, "sufficiently on keeping" / "the child or young" / "person safe?".)
        if (rowFigures(next.cells) || !carriesQuestionOn(text, next.flat) || PROMPT_LETTER.test(next.flat))
          break;
        text = joinWrapped(text, next.flat);
        j++;
      }
      i = j - 1;
      const overPage = /\?\s*$/.test(text) ? null : lastWordsOverPage(lines, i, end, standardId);
      if (overPage !== null) {
        text = joinWrapped(text, (lines[overPage] as Line).flat);
        lastWordsTaken.add(overPage);
      }
    }
    if (!figures) {
      if (
        lastRow &&
        carriesQuestionOn(lastRow.text, text) &&
        !/\?\s*$/.test(lastRow.text) &&
        text.length < 80
      ) {
        // Continuation of the previous row's wrapped text ("... taken into" / "account?").
        lastRow.text = joinWrapped(lastRow.text, text);
        lastRow.target.text = plain(lastRow.text);
        lastRowLine = line.line;
        continue;
      }
      lastRow = null;
      // A heading naming a key question, possibly wrapped over two lines (a PDF heading).
      const candidates: string[] =
        pending && !/\?\s*$/.test(pending.text) ? [joinWrapped(pending.text, text), text] : [text];
      const heading = candidates
        .map((c) => ({ c, ...printedNumberOf(c) }))
        .find(({ question }) => isKeyQuestionText(question));
      if (heading) {
        const next = lines[i + 1];
        const nextFigures = next && i + 1 < end ? rowFigures(next.cells) : null;
        const unended = !/\?\s*$/.test(heading.c);
        // Not (yet) a heading: the question runs on ("2.1.1. Does assessment ... support the
        // child" / "or young person's desistance?" / "93%"), the whole of it decides; or it is
        // the key question's own row, its figure on the next line, alone or after the question's
        // last words ("Are the YOT's recommendations ... analytical" / "and personalised to the
        // child, supporting joint decision making? 27%").
        const runsOn =
          unended && !nextFigures && next?.cells.length === 1 && i + 1 < end && /^[a-z(]/.test(next.flat);
        const ownRow =
          nextFigures !== null &&
          (nextFigures.textCells.length === 0 ||
            (unended && /^[a-z(]/.test(nextFigures.textCells.join(" "))));
        if (runsOn || ownRow) {
          // (After a prompt left without its figure, the figure below may be the prompt's: see
          // `afterUnfigured`.)
          const unfigured: boolean =
            pending !== null && heading.c === text && isUnfiguredPrompt(pending.text);
          pending = {
            text: heading.c,
            first: pending && heading.c !== text ? pending.first : line,
            afterUnfigured: unfigured,
          };
          continue;
        }
        // An unrecognised heading ends the last key question: its prompts are not that one's.
        currentKq = setKq(heading.question, line, heading.printed);
        // Its table's caption straight after it is the table's, wherever pdftotext wrote the
        // column headings (before the last row of the table above: "Relevant" / "Number 'Yes'" /
        // "... account?" / the key question / "Of the 7 cases where ...:" / "cases" / the rows).
        const caption = lines[i + 1];
        if (caption && i + 1 < end && isCaptionLine(caption.flat)) subSample = subSampleIn(caption.flat);
        if (pending !== null && isUnfiguredPrompt(pending.text)) unfiguredBeforeHeading = i;
        pending = null;
        continue;
      }
      // (Not a new question after one ended but for a number, "... risks? 11" / "Where applicable,
      // does ...": the number is that row's one count, its other lost among pdfminer's boxes. That
      // row is not read; the new question is a row of its own.)
      const endedButForNumber =
        pending !== null && /\?\s+\d{1,3}$/.test(pending.text) && QUESTION_START.test(text);
      if (
        pending &&
        !/\?\s*$/.test(pending.text) &&
        !endedButForNumber &&
        pending.text.length + text.length < 400
      ) {
        // (A question wrapped over lines is still one after a prompt left without its figure.)
        pending = {
          text: joinWrapped(pending.text, text),
          first: pending.first,
          afterUnfigured: pending.afterUnfigured,
        };
      } else if (QUESTION_START.test(text.replace(/^\d\.\d\.\d\.?\s+/, "")) && text.length < 250) {
        // (A question's first line, its printed number before it: "2.1.1. Does assessment ...".)
        // (Or a key question's heading between: "Does assessment draw ...?" / "Does assessment
        // sufficiently analyse how to keep other people safe?" / "Does assessment clearly
        // identify ...?" / "33%".)
        const unfigured: boolean =
          pending !== null ? isUnfiguredPrompt(pending.text) : unfiguredBeforeHeading === i - 1;
        pending = { text, first: line, afterUnfigured: unfigured };
      } else {
        pending = null;
      }
      continue;
    }
    pending = null;

    const printedMatch = text.match(/^(\d\.\d\.\d)\.?\s*/);
    const printedNumber = printedMatch ? (printedMatch[1] as string) : null;
    let rowText = printedMatch ? text.slice(printedMatch[0].length) : text;
    const labelMatch = rowText.match(/^([a-z])\)\s*/);
    const label = labelMatch ? (labelMatch[1] as string) : null;
    if (labelMatch) rowText = rowText.slice(labelMatch[0].length);
    // A footnote marker left as plain digits after the question's mark ("... disposal? 27"), or
    // as an OCR engine misread it ("... safe? *©"): the mark ends the question.
    rowText = withoutMisreadMarker(rowText).replace(/\?\s*\d{1,2}$/, "?");
    if (rowText.length < 8) continue;

    if (figures.percent !== null && figures.percent > 100) {
      out.warnings.push({
        code: "percent-out-of-range",
        message: `A printed percentage of ${figures.percent} is impossible and was not read`,
        provenance: provenanceOf(line),
      });
      continue;
    }

    if (figures.illegible !== undefined) {
      out.warnings.push({
        code: "figure-illegible",
        message: `The row's figure reads '${figures.illegible}', no number (an OCR engine's misreading); the row was not read`,
        provenance: provenanceOf(line),
      });
      // (Not kept with no figure: that is how a row printing none, "n/a", reads. A key question's
      // row still heads the prompts after it.)
      if (!label && isKeyQuestionText(rowText)) currentKq = setKq(rowText, first, printedNumber);
      continue;
    }
    if (figures.printed !== undefined) {
      out.warnings.push({
        code: "figure-not-printed",
        message: `The row prints '${figures.printed}' instead of a figure; it is kept with none`,
        provenance: provenanceOf(line),
      });
    }

    // What a key-question row and a prompt row share.
    const row = () => ({
      text: plain(rowText),
      percent: figures.percent,
      relevant: figures.relevant,
      yes: figures.yes,
      subSample,
      source: ctx.source,
      provenance: provenanceThrough(lines, first, i),
    });

    if (!label && isKeyQuestionText(rowText)) {
      const id = setKq(rowText, first, printedNumber, first === line && lastLineOf(line) === line.line);
      currentKq = id;
      if (!id) continue;
      currentKq = id;
      tableRow++;
      if (out.keyQuestions.some((k) => k.id === id && k.source === ctx.source)) {
        out.warnings.push({
          code: "key-question-repeated",
          message: `Key question ${id} is printed twice in the ${ctx.source}; the first is kept`,
          provenance: provenanceOf(first),
        });
        continue;
      }
      const kq: KeyQuestion = { id, standardId, position: tableRow, ...row(), printedNumber };
      out.keyQuestions.push(kq);
      lastRow = { text: rowText, target: kq };
      lastRowLine = (lines[i] as Line).line;
      continue;
    }

    if (printedNumber) {
      // A key question's number ("2.2.2.") on a row whose text is no key question (cut short): not
      // a prompt of the key question before it.
      out.warnings.push({
        code: "key-question-unrecognised",
        message: `Row ${printedNumber} could not be matched to a key question of the framework`,
        provenance: provenanceOf(first),
      });
      continue;
    }
    if (!label && /^[a-z]/.test(rowText) && !QUESTION_START.test(rowText)) {
      // A question's last words with a figure, its first line written before the column's
      // figures ("d) Does planning include ... for" / "56%" / "56%" / "22%" / "those risks that
      // have been identified?" / "44%", pdfminer): no prompt of its own, and whose figure it
      // holds no line says.
      out.warnings.push({
        code: "figures-unplaced",
        message: `A row that begins mid-question ('${rowText.slice(0, 40)}') was not read: its question's first words were written away from it`,
        provenance: provenanceOf(first),
      });
      continue;
    }
    if (!currentKq) {
      out.warnings.push({
        code: "prompt-without-key-question",
        message: "A prompt row was found before any key question it could belong to",
        provenance: provenanceOf(first),
      });
      continue;
    }
    if (currentKq === lettersRestartedUnder) continue;
    if (label) {
      const before = lastLetterOf.get(currentKq);
      // (A letter printed twice, "d)" / "d)", is a misprint, not a new list.)
      if (before !== undefined && label < before) {
        lettersRestartedUnder = currentKq;
        out.warnings.push({
          code: "prompts-unheaded",
          message: `Prompt letters go back to '${label})' after key question ${currentKq}'s '${before})': the key question they belong to was not read, so its prompts were not read either`,
          provenance: provenanceOf(first),
        });
        continue;
      }
      lastLetterOf.set(currentKq, label);
    }
    const position = (promptPositions.get(currentKq) ?? 0) + 1;
    promptPositions.set(currentKq, position);
    const prompt: Prompt = { keyQuestionId: currentKq, position, label, ...row() };
    out.prompts.push(prompt);
    lastRow = { text: rowText, target: prompt };
    lastRowLine = (lines[i] as Line).line;
  }
}

export function parseQuestions(lines: Line[], seg: Segments, edition: StandardsEdition): QuestionResult {
  const out: QuestionResult = { keyQuestions: [], prompts: [], warnings: [], numbering: [] };
  const caseBased = new Set(
    standardsOf(edition)
      .filter((s) => s.caseBased)
      .map((s) => s.id),
  );
  for (const id of caseBased) {
    const section = seg.sections.get(id);
    if (!section) continue;
    scan(lines, section.start + 1, section.end, { source: "body", standardId: id, caseBased }, out);
  }
  for (const annex of seg.annexes) {
    scan(lines, annex.start + 1, annex.end, { source: "annex", standardId: null, caseBased }, out);
  }
  reportCutQuestions(out);
  return out;
}

/**
 * A question read without its last words: its text stops before its question mark (pdftotext
 * writes a wrapped cell's last lines after the next row's first: "Does planning set out the
 * services most likely to support desistance, paying sufficient" / "5" / "5" / the next
 * question / "attention to the available timescales ...?"). Kept as read, and said: a question
 * the report prints whole elsewhere that begins so need not be this one ("Does planning involve
 * other agencies where" begins two prompts of the same table).
 */
function reportCutQuestions(out: QuestionResult): void {
  for (const q of [...out.keyQuestions, ...out.prompts]) {
    if (q.text.endsWith("?")) continue;
    out.warnings.push({
      code: "question-text-cut",
      message: `The question '${q.text}' stops before its question mark (its last words were not found with it); its text is kept as read`,
      provenance: q.provenance,
    });
  }
}
