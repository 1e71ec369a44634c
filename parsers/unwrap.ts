// unwrap: a report whose paragraphs were hard-wrapped -> one line per paragraph again, as the
// section parsers expect (a sentence such as "We examined 16 court disposals" must not be cut
// in two). pdftotext without -layout writes one line per printed line, and markdown writers
// (pandoc) wrap at 72 columns; the PDF reader joins paragraphs from the page geometry itself.
// Works on the normalised stream: page furniture and footnotes are already out of the way, so a
// paragraph continues across a page break.
import {
  CAPTION_END,
  FACT_FIGURE,
  FIGURE_ALONE,
  FIGURE_ROW_START,
  factTableHeading,
  isSplitHeaderRow,
} from "./facts.js";
import { NOTE_END, NOTE_START, noteRunsOn } from "./footnotes.js";
import { type Footnote, type Line, type NormalisedDocument, lastLineOf, lineOfParts } from "./lines.js";
import { QUESTION_START, figuresBesideQuestionStart } from "./questions.js";
import { ILLEGIBLE_PERCENT, MONTH_WORD, joinWrapped, ratingOnly } from "./text.js";

/** A line that starts a block of its own: a list item, a numbered heading or item, a quote. */
const BLOCK_START =
  /^\s*(?:[-•▪●◦■○*+>\uF0A7\uF0B7]\s|#|\||\d{1,2}(?:\.\d{1,2})+\.?(?:\s|$)|\d{1,2}[.)]\s|\(?[a-z]{1,3}\)\s|\(\d{1,2}\)\s)/;
/**
 * The headings of the contextual facts' and sections' tables, and a key-question table's
 * caption with its column headings: never a sentence's next words.
 */
const isTableHeading = (flat: string) =>
  factTableHeading(flat) !== null ||
  /^Of the \w+ cases\b.*\b(?:relevant cases|%\s*['‘’"“”]?yes)/i.test(flat) ||
  // A facts table's caption: "For children in the inspected cases subject to court disposals:12",
  // "Demographics of children cautioned or sentenced".
  (/^For children\b/i.test(flat) && CAPTION_END.test(flat)) ||
  /^Demographics of children\b/i.test(flat) ||
  // A split's header row ("Gender Male Female"), as a page's first line after the notes.
  isSplitHeaderRow(flat);

/**
 * The line ends a sentence: what follows may be a new block. (Not a colon: "is rated as:" runs
 * on into its rating, and the items a colon introduces start blocks of their own.) A footnote
 * marker may be glued on after a word's stop, as pdftotext -raw writes a superscript ("...?30").
 */
const SENTENCE_END = /(?:[.!?;]['"’”)\]]*|(?<=\p{L})[.!?]['"’”)\]]*\d{1,2})$/u;
/** A question's mark, then a percentage's sign alone. */
const QUESTION_THEN_SIGN = /\?\s*%$/;

/**
 * A table row that lost its column gaps (a single space before its figures): a question and
 * its percentage or two counts, a label and its rating. Prose never ends a line so.
 */
const ROW_END = [
  /\?\s+(?:\d{1,3}(?:\.\d+)?\s*%|\d{1,4}\s+\d{1,4}|n\/a)$|(?:%|number)\s*['‘’"“”]?yes['‘’"“”]?$/i,
  /\s(?:Outstanding|Good|Requires improvement|Inadequate)\s*[*†]*$/,
  /\bScore:?\s*\d{1,2}\s*\/\s*36$/i,
  // (Or a percentage OCR misread, "... child? A2%".)
  new RegExp(`\\?\\s+${ILLEGIBLE_PERCENT}$`),
];
/**
 * Rows of a figure-and-label table (the contextual facts) that lost their column gap: the
 * next row starts with its figure and a capitalised label ("34% Reoffending rate ..."), or this
 * one ends with its figure before a capitalised line. Prose runs on after a figure in lower case.
 */
const FIGURE_ROW_END = new RegExp(`\\s${FACT_FIGURE}$`);
const SPLIT_ROW = /(?:\s\d{1,3}(?:\.\d+)?%){2,}$/;
/** "...between 28 June and 02" / "July 2021": a date, not a row. */
const MONTH_START = new RegExp(`^${MONTH_WORD}\\b`);

/**
 * A report's one-word section headings ("Contents", "Foreword"): never a paragraph's next words,
 * though the line before them (the publisher's address, ending without a stop) may run on.
 */
const SECTION_HEADING =
  /^(?:Contents|Foreword|Acknowledgements|Introduction|Recommendations|Background|Glossary|Methodology)$/;

/** Longer than any line of a wrapped text: a wrapped file has (almost) none of these. */
const PARAGRAPH_LENGTH = 130;

export interface Wrap {
  /** The length most full lines reach (90th percentile of prose lines). */
  width: number;
  /** The longest a line gets (99th percentile): a line ends early only when the next word would not fit. */
  max: number;
}

/**
 * A line of prose: one cell (or two where a footnote marker stood), no tab or column gap
 * anywhere (a table row may have one cell only).
 */
function isProse(line: Line): boolean {
  return (
    (line.cells.length === 1 || line.markers.length > 0) &&
    !/\t|\S {2,}/.test(line.raw) &&
    !/^\s*\|/.test(line.raw)
  );
}

/** The line's length as written (markup and markers included: the writer wrapped that). */
function printedLength(line: Line): number {
  return line.raw.trim().length;
}

/**
 * The width a text was wrapped at, or null when it was not: its prose lines are almost never
 * longer than PARAGRAPH_LENGTH and many come close to the same width. A text with a paragraph
 * per line has many long lines and is left as it is. (Over the corpus's renderings, wrapped
 * texts have at most 4 % of their prose lines long, notes and joined table rows; texts with a
 * paragraph a line 35 % and more: the line is drawn at 10 %.)
 */
const LONG_LINES_OF_A_PARAGRAPH_A_LINE = 0.1;
export function wrapWidth(lines: Line[]): Wrap | null {
  // Most texts have a paragraph per line: enough long prose lines settle it before the full count.
  let longSeen = 0;
  for (const line of lines)
    if (line.raw.length > PARAGRAPH_LENGTH && printedLength(line) > PARAGRAPH_LENGTH && isProse(line)) {
      if (++longSeen > LONG_LINES_OF_A_PARAGRAPH_A_LINE * lines.length) return null;
    }
  const lengths = lines
    .filter(isProse)
    .map(printedLength)
    .sort((a, b) => a - b);
  if (lengths.length < 40) return null;
  const long = lengths.filter((n) => n > PARAGRAPH_LENGTH).length;
  if (long > LONG_LINES_OF_A_PARAGRAPH_A_LINE * lengths.length) return null;
  const width = lengths[Math.floor(0.9 * (lengths.length - 1))] as number;
  if (width < 40) return null;
  const full = lengths.filter((n) => n >= 0.8 * width).length;
  if (full < 0.25 * lengths.length) return null;
  return { width, max: lengths[Math.floor(0.99 * (lengths.length - 1))] as number };
}

/**
 * A note's text stopped before its end, as the normaliser judges a note's end (NOTE_END: a
 * stop, a colon, a closing bracket or quote, or a web address in it) or a sentence's. (A note
 * ending in its address, "... can be found here: https://...-and-" / "ratings/", is ended: the
 * body's "overall YJS rating." after the page's furniture is not more of it.)
 */
export const noteUnended = (text: string) => !NOTE_END.test(text) && !SENTENCE_END.test(text);

/**
 * Whether `next` continues the paragraph whose last printed line is `last`: both prose, nothing
 * but skippable lines (furniture, footnotes) between them, `next` starting no block, `last`
 * filled to near the wrap width or ended early because the next word would not fit (a
 * paragraph's own last line usually is neither), and, where a sentence ends at the break, text
 * running on in lower case or a forced break.
 */
function continues(last: Line, next: Line, wrap: Wrap, skippable: Set<number>, smallType = false): boolean {
  if (!isProse(last) || !isProse(next)) return false;
  for (let n = last.line + 1; n < next.line; n++) if (!skippable.has(n)) return false;
  if (apart(last, next)) return false;
  const length = printedLength(last);
  // Well over the width: a paragraph the writer did not wrap (a line of its own).
  // (Not a note in smaller type, whose lines hold more: "... indicated in bold in the table. See" /
  // "Annexe 1 for a more detailed explanation.")
  if (length > 1.15 * wrap.max && !smallType) return false;
  // The break was forced: the next word would not have fitted on this line.
  const forced = length + 1 + (next.raw.trim().split(/\s/, 1)[0] ?? "").length > wrap.max;
  if (length < 0.65 * wrap.width && !forced) return false;
  // Where a sentence ends at the break, the paragraph runs on only in lower case or when forced.
  // (A question's mark and the sign of its figure, the figure's digits parted from it by a page
  // break, end a row: "... taken into account? %" / "Does assessment ... keep the child safe?".)
  if ((!SENTENCE_END.test(last.flat) && !QUESTION_THEN_SIGN.test(last.flat)) || /^[a-z]/.test(next.flat))
    return true;
  // A rating alone after a sentence's end is a section's rating cell ("... their parents/carers."
  // / "Good²⁰"), however full the line before it.
  if (ratingOnly(next.flat) !== null) return false;
  // A whole sentence ending in a colon after a sentence's end is a list's lead-in ("The Newtown
  // Youth Justice Service should:"), a line of its own however full the line before it.
  if (/:\s*$/.test(next.flat)) return false;
  // A whole question after a sentence's end is a key question's heading, not the paragraph's
  // next sentence ("... was rated as 'Outstanding'." / "Does planning focus on ...?"); so is a
  // question's first line, wrapped, opened by its verb ("Is the child and their parents/carers
  // meaningfully involved in planning, and are their" / "views taken into account?").
  const question =
    QUESTION_START.test(next.flat) &&
    (next.flat.endsWith("?") ||
      (/^(?:is|are|does|do|has|have)\s/i.test(next.flat) && !/[.!]\s/.test(next.flat)));
  return forced && !question;
}

/**
 * Whatever the geometry, `next` is no more of `last`'s sentence: `next` starts a block, a table
 * or a section, or `last` is a table row (or its heading) that lost its column gaps.
 */
function apart(last: Line, next: Line): boolean {
  if (
    BLOCK_START.test(next.raw) ||
    isTableHeading(next.flat) ||
    SECTION_HEADING.test(next.flat) ||
    ROW_END.some((re) => re.test(last.flat)) ||
    FIGURE_ROW_START.test(next.flat)
  )
    return true;
  // A web address ends what it closes (a note's "... are available here: https://..."): a
  // capitalised line after it is the page's text going on, however long the address made the line.
  if (/(?:https?:\/\/|www\.)\S+$/.test(last.flat) && /^[A-Z]/.test(next.flat)) return true;
  // After a figure-and-label row, a figure alone ("16%") is the next row's cell, and a caption
  // ending in its colon ("Education and child protection status of caseload:") heads the next rows.
  if (FIGURE_ROW_START.test(last.flat) && (FIGURE_ALONE.test(next.flat) || CAPTION_END.test(next.flat)))
    return true;
  // After a numbered key question's first line, a percentage alone is its row's figure, beside
  // the wrapped cell ("3.4.1. Are the YOT's recommendations ... to the child" / "73%" / "or young
  // person ...?"), which the question parser reads so, and not once joined to the first line.
  // (A whole question runs on into its figure, as a row with its figure beside it.)
  const numbered = /^\d\.\d\.\d\.?\s+(.*)$/.exec(last.flat);
  if (
    numbered &&
    /^\d{1,3}(?:\.\d+)?\s*%$/.test(next.flat) &&
    !last.flat.includes("?") &&
    QUESTION_START.test(numbered[1] as string)
  )
    return true;
  // A rating cell wrapped beside a standard's description, a single space for the column gap
  // ("... a high-quality, Requires" / "... for all children. improvement"): two rows, read as one.
  if (/\sRequires$/.test(last.flat) && /[.!]\s+improvement\s*[*†]*\W*$/.test(next.flat)) return true;
  // ... and the second of those rows ends there: the line after it ("Our rating for assessment is
  // based on ...") is no more of it.
  if (/[.!]\s+improvement\s*[*†]*\W*$/.test(last.flat)) return true;
  // A table row whose question wraps, its figure printed beside the question's first line
  // ("Does planning take sufficient account of the diversity and wider familial 59%" / "and
  // social context of the child?"): a row of its own, the question parser reads the rest.
  if (figuresBesideQuestionStart(last.flat)) return true;
  // A standard's heading ("3.3. Implementation and delivery (out-of-court disposals)") ends
  // where a capitalised line follows.
  if (/^\d\.\d\.?\s/.test(last.flat) && /^[A-Z]/.test(next.flat)) return true;
  // A short row ending in its rating ("Overall rating Good") or in two or more percentages
  // ("Croydon 22% 69% 9%") is a row of its own too.
  if (next.flat.length <= 80 && ((ROW_END[1] as RegExp).test(next.flat) || SPLIT_ROW.test(next.flat)))
    return true;
  if (
    FIGURE_ROW_END.test(last.flat) &&
    !/\s(?:19|20)\d\d$/.test(last.flat) && // "since the 2011" / "Census": a year
    /^[A-Z]/.test(next.flat) &&
    !MONTH_START.test(next.flat)
  )
    return true;
  return false;
}

/**
 * The blank lines of a text whose every printed line stands a blank line from the next (MuPDF's
 * and pdfminer's text of a PDF set at one and a half lines): no paragraph ends at one of them
 * more than at a line's end in a text without blank lines, so the wrap width decides there too.
 * None where lines also follow one another straight (a text whose blank lines end paragraphs).
 */
const ADJACENT_IN_A_SPACED_TEXT = 0.05;
const APART_IN_A_SPACED_TEXT = 0.6;
function spacedBlankLines(lines: Line[]): number[] {
  const blanks: number[] = [];
  let adjacent = 0;
  for (let i = 1; i < lines.length; i++) {
    const gap = (lines[i] as Line).line - (lines[i - 1] as Line).line;
    if (gap === 1) adjacent++;
    else if (gap === 2) blanks.push((lines[i] as Line).line - 1);
  }
  const pairs = lines.length - 1;
  return adjacent <= ADJACENT_IN_A_SPACED_TEXT * pairs && blanks.length >= APART_IN_A_SPACED_TEXT * pairs
    ? blanks
    : [];
}

export function unwrapParagraphs(doc: NormalisedDocument): NormalisedDocument {
  const wrap = wrapWidth(doc.lines);
  // (A text whose body is not wrapped, a paragraph a line: nothing to join. Its notes, set in
  // smaller type, still wrap at the page's width; the normaliser carried them on.)
  if (wrap === null) return sentencesAcrossPageBreaks(doc, doc.lines.map(lastLineOf));
  const furniture = new Set(doc.furniture.map((l) => l.line));
  // Lines a body paragraph may continue across: furniture, footnotes with their own lines, and
  // in a text spaced a blank line a line, those blank lines.
  const skippable = new Set([
    ...furniture,
    ...doc.footnotes.flatMap((f) =>
      Array.from({ length: lastLineOf(f.line) - f.line.line + 1 }, (_, n) => f.line.line + n),
    ),
    ...spacedBlankLines(doc.lines),
  ]);
  const footnotes: Footnote[] = doc.footnotes.map((f) => ({ ...f, line: { ...f.line } }));
  const notesFrom = [...footnotes].sort((a, b) => a.line.line - b.line.line);
  const lines: Line[] = [];
  // Each paragraph's last source line (a joined paragraph keeps its first line's number).
  const ends: number[] = [];
  let last: Line | null = null;
  // The footnote printed last, while a body line may still continue it.
  let note: { footnote: Footnote; last: Line } | null = null;
  let k = 0;
  for (const line of doc.lines) {
    for (; k < notesFrom.length && (notesFrom[k] as Footnote).line.line < line.line; k++) {
      const footnote = notesFrom[k] as Footnote;
      // (From the note's last line: the normaliser may have joined the first of its run-ons.)
      const through = lastLineOf(footnote.line);
      const lastRaw = footnote.line.raw.slice(footnote.line.raw.lastIndexOf("\n") + 1);
      note = {
        footnote,
        last:
          through === footnote.line.line
            ? footnote.line
            : { ...footnote.line, line: through, raw: lastRaw, flat: footnote.text, cells: [footnote.text] },
      };
    }
    // (A footnote, in smaller type, may wrap wider than the body: its own run-on counts too.
    // But a note whose sentence has ended leaves a line in lower case to the body's sentence
    // that the notes broke into: "... As" / the page's notes / "a result, joint working ...".)
    const bodyRunsOn = () =>
      last !== null &&
      SENTENCE_END.test(note?.footnote.text ?? "") &&
      !SENTENCE_END.test(last.flat) &&
      continues(last, line, wrap, skippable);
    // (Over a page break only a note that has not ended: one that has leaves the next page's
    // first line to the page's text, a table row broken by the page going on there: "Race/
    // ethnicity White Black and Unknown" / the page's notes / the next page's "minority ethnic".)
    const samePage = note?.last.page === line.page || line.page === null;
    if (
      note &&
      (samePage || noteUnended(note.footnote.text)) &&
      (continues(note.last, line, wrap, furniture, noteUnended(note.footnote.text)) ||
        noteRunsOn(note.footnote.text, note.last.line, line)) &&
      !bodyRunsOn()
    ) {
      note.footnote.text = joinWrapped(note.footnote.text, line.flat);
      note.footnote.line.raw = joinWrapped(note.footnote.line.raw.trimEnd(), line.raw.trim());
      note.last = line;
      skippable.add(line.line);
      continue;
    }
    note = null;
    const head = lines[lines.length - 1];
    if (head && last && continues(last, line, wrap, skippable)) {
      head.raw = joinWrapped(head.raw.trimEnd(), line.raw.trim());
      head.flat = joinWrapped(head.flat, line.flat);
      head.cells = [head.flat];
      head.markers = [...head.markers, ...line.markers];
      ends[ends.length - 1] = lastLineOf(line);
    } else {
      lines.push({ ...line, index: lines.length });
      ends.push(lastLineOf(line));
    }
    last = line;
  }
  return sentencesAcrossPageBreaks({ ...doc, lines, footnotes }, ends);
}

/** A paragraph's line long enough not to be a heading, a label or a table's cell. */
const CUT_PARAGRAPH_LENGTH = 40;

/**
 * A sentence a page break cut in two, put back together: a line of prose stopping mid-sentence
 * (on a lower-case word or a comma), then only what a page break leaves (blank lines, the
 * page's number and running header, its footnotes), then prose going on in lower case ("... we
 * assessed the quality of planning, and implementation and" / the page's notes / "delivery in
 * the 18 cases where ..."). Unwrapping does not reach it: a text with a paragraph a line is not
 * unwrapped at all, and a wrapped one's paragraph ends at a blank line. (The PDF reader joins
 * such a paragraph from the page's geometry; this is for texts written out of PDFs.) Something
 * must show the break: the page's number changing, or its furniture or a note between. Blank
 * lines alone do not: they end a paragraph, or set apart the lines of a list item a web page
 * printed a block a line ("... is affected by the" / "inadequacies of children's social care"),
 * which the text it was made from holds as lines of their own too. `ends` holds each line's last
 * source line: a paragraph unwrapped from several keeps its first's number.
 */
function sentencesAcrossPageBreaks(doc: NormalisedDocument, ends: number[]): NormalisedDocument {
  let joined: Line[] | null = null;
  const lines = doc.lines;
  // (Of a note, its first and last lines: a note between two lines has both between them.)
  const breakLines = [
    ...doc.furniture.map((l) => l.line),
    ...doc.footnotes.flatMap((f) => [f.line.line, lastLineOf(f.line)]),
  ];
  const pageBreakBetween = (line: Line, end: number, next: Line) =>
    (line.page !== null && next.page !== null && line.page !== next.page) ||
    breakLines.some((n) => n > end && n < next.line);
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let line = lines[i] as Line;
    let next = lines[i + 1];
    while (
      next &&
      next.line > (ends[i] as number) + 1 &&
      cutByPageBreak(line, next) &&
      pageBreakBetween(line, ends[i] as number, next)
    ) {
      // (One cell, as an unwrapped paragraph is: both lines are prose.)
      line = lineOfParts(line, [line, next], [joinWrapped(line.flat, next.flat)], " ");
      i++;
      next = lines[i + 1];
    }
    if (i > first || joined) {
      joined ??= lines.slice(0, first);
      joined.push({ ...line, index: joined.length });
    }
  }
  return joined ? { ...doc, lines: joined } : doc;
}

function cutByPageBreak(line: Line, next: Line): boolean {
  return (
    line.flat.length >= CUT_PARAGRAPH_LENGTH &&
    // (A note the normaliser did not take for one, "14 AQA – ... is an awarding body", is not
    // the sentence the page break cut: that one stands above the notes.)
    !NOTE_START.test(line.raw) &&
    /[a-z,]$/.test(line.flat) &&
    /^[a-z]/.test(next.flat) &&
    isProse(line) &&
    isProse(next) &&
    !apart(line, next)
  );
}
