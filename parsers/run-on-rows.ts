// run-on rows: a text that wrote each paragraph on one line (document-sharing sites' transcripts,
// some copy-and-paste paths) ran every table's rows into one line too: "... desistance? 64% Does
// assessment ...? 59% ...", "1.1 Governance and leadership Good 1.2 Staff Good ...". Such a line
// is cut back into its rows here, each piece keeping the source line it came from: question
// rows, the ratings table, scoring bands, contextual facts (figure first or label first, a
// split's header apart from its rows), a list's items. Only a line holding rows of a table's
// or list's shape is cut; a sentence's end or a date keeps prose whole.

import { NUMBER_FIGURE, splitHeaderEnd } from "./facts.js";
import { RATINGS } from "./framework.js";
import type { SourceLine } from "./normalise.js";
import { CAPTION_OPENING } from "./questions.js";
import { QUESTION_WORD } from "./text.js";

export const RATING = `(?:${RATINGS.join("|")})`;

/** The question words as a row begins them: "(?:does|is|in cases)" -> "(?:Does|Is|In cases)". */
export function capitalisedWords(words: string): string {
  return words.replace(/(?<=^\(\?:|\|)[a-z]/g, (c) => c.toUpperCase());
}
/** A footnote marker as the converters write it after a question: "²", "<sup>12</sup>", "$^{12}$". */
export const MARKER = String.raw`(?:\s*(?:<sup>\d{1,3}</sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\$\^\{?\d{1,3}\}?\$|\[\d{1,3}\]))?`;
/** A question's figures: its percentage, or its relevant cases and the number 'Yes' (and their share, if printed). */
export const FIGURES = String.raw`(?:\d{1,3}\s?%|\d{1,3}(?:\s+\d{1,3}){1,2}(?:\s+\d{1,3}(?:\.\d+)?\s?%)?)`;
/** A question ended by its figures: a row's end. */
const QUESTION_ROW_END = new RegExp(String.raw`\?${MARKER}\s+${FIGURES}(?=\s|$)`, "g");
/**
 * A key question's or prompt's start, capitalised as a row begins, with its number or its
 * prompt's letter if printed ("2.1.1. Does ...", "a) Is there ...").
 */
const QUESTION_START = new RegExp(
  String.raw`(?<=^|\s)(?:\d\.\d\.\d\.?\s+|(?:\(?[a-z]\)|[a-z]\.)\s+)?${capitalisedWords(QUESTION_WORD)}\s`,
  "g",
);
/** A table's caption after a key question heading it: "... desistance? Of the 8 cases inspected:". */
const CAPTION_AFTER_QUESTION = new RegExp(String.raw`(?<=\?\s+)${CAPTION_OPENING}`, "g");
/** A key-question table's figure column heading, before its first row. */
const COLUMN_HEADING = /(?:Number\s+['‘’]Yes['‘’]|%\s*[Yy]es|Rating and % yes)\s+\S/;
/** A table's rule run on after its last row's figure or rating: "... 50% -- -----". */
const TRAILING_RULE = new RegExp(String.raw`(?<=\d%?|${RATING})\s+[-–—=_]{2,}(?:\s+[-–—=_]{2,})*\s*$`);
/** A count's share printed after it in a facts table: "69 (65%)". */
export const SHARE = String.raw`\s+\(\d+(?:\.\d+)?%\)`;
/** A facts table's figure, perhaps with its share. */
const FACT = String.raw`(?:${NUMBER_FIGURE.source})(?:${SHARE})?`;
/** A figure that is a date's day or year, a month's name after it ("10 October 2022"): no row's. */
const NOT_BEFORE_MONTH =
  "(?!\\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b)";
/** A row that opens with its figure, the label after it ("207 First-time entrant rate ..."). */
const FACT_FIRST = new RegExp(String.raw`^\s*${FACT}\s+[A-Za-z]`);
/** Where a figure-first row starts: a figure before a label's capital (any letter after a share). */
const FACT_ROW_START = new RegExp(
  String.raw`(?<=\S\s+)(?:(?:${NUMBER_FIGURE.source})${SHARE}(?=\s+[A-Za-z])|(?:${NUMBER_FIGURE.source})${NOT_BEFORE_MONTH}(?=\s+[A-Z]))`,
  "g",
);
/** Where a label-first row ends: its figure, before the next label's capital. */
const FACT_ROW_END = new RegExp(String.raw`(?<=\s)(?:${FACT}${NOT_BEFORE_MONTH}|%)(?=\s+[A-Z])`, "g");
/** A line that ends in a figure (a footnote marker after it perhaps): a label-first row's end. */
const ENDS_WITH_FACT = new RegExp(String.raw`\s${FACT}${MARKER}\s*$`);
/** A sentence's end within a line: prose, not a table. */
const SENTENCE_END = /\S\.\s+[A-Z]/;
/** A scoring band's row: "Minority: <50% Inadequate", "7-18 Requires improvement", "2 Good". */
const BAND_ROW = new RegExp(
  String.raw`(?<=^|\s)(?:[A-Z][A-Za-z ]{0,30}:\s*)?[<>≤≥]?\d{1,3}(?:\s*[-–]\s*\d{1,3})?%?\+?\s+${RATING}(?=\s|$)`,
  "g",
);
/** A standard's heading: its number and name, then its rating. */
const STANDARD_RATED = new RegExp(
  String.raw`(?<=^|\s)\d\.\d\.?\s+[A-Z][A-Za-z ,'-]{0,60}?\s+${RATING}(?=\s|$)`,
  "g",
);
/** Where a standard's or a domain's row starts: "1.2 Staff", "2. Court disposals". */
const ROW_NUMBER = /(?<=\s)\d\.(?:\d\.?)?\s+(?=[A-Z])/g;
/** The overall rating's row, its label perhaps damaged ("Over all rating", "Overa III rating"). */
export const OVERALL_LABEL = String.raw`Over\S*(?:\s+\S+)?\s+rating`;
const OVERALL_RATING = new RegExp(String.raw`(?<=\s)${OVERALL_LABEL}\s+(?=${RATING})`, "g");
/** A list's item: its bullet, its number. */
const LIST_ITEM = /^\s*([-•*]\s+)?(?:(\d{1,2})[.)]\s+)?(?=\S)/;

/** Every start of a match of `pattern` in `text` (a global regular expression). */
export const starts = (pattern: RegExp, text: string) =>
  Array.from(text.matchAll(pattern), (m) => m.index as number);
/** Every end of a match of `pattern` in `text` (a global regular expression). */
const ends = (pattern: RegExp, text: string) =>
  Array.from(text.matchAll(pattern), (m) => (m.index as number) + m[0].length);

const RATED = new RegExp(RATING);
const LIST_START = /^\s*(?:[-•*]\s|\d{1,2}[.)]\s)/;
const FIGURE_FIRST = /^\s*\d/;

/** Where a run-on line is cut: none for a line that is not several rows of a table or items of a list. */
export function rowCuts(text: string): number[] {
  // Each kind of row is looked for only where the line has what that row must: most lines are
  // prose, and this runs on every line of every report.
  const cuts: number[] = [];
  const rated = RATED.test(text);
  const questionRows = text.includes("?") ? ends(QUESTION_ROW_END, text) : [];
  if (questionRows.length >= 2 || (questionRows.length === 1 && COLUMN_HEADING.test(text))) {
    cuts.push(...questionRows, ...starts(QUESTION_START, text), ...starts(CAPTION_AFTER_QUESTION, text));
    // A standard's heading among its questions ("2.2. Planning Good Planning is ...").
    if (rated) for (const m of text.matchAll(STANDARD_RATED)) cuts.push(m.index, m.index + m[0].length);
  }
  if (rated) {
    const bands = starts(BAND_ROW, text);
    if (bands.length >= 3) cuts.push(...bands);
    if (starts(STANDARD_RATED, text).length >= 3)
      cuts.push(...starts(ROW_NUMBER, text), ...starts(OVERALL_RATING, text));
  }
  if (LIST_START.test(text)) cuts.push(...listItems(text));
  const end = text.trimEnd();
  const last = end[end.length - 1] as string;
  if (
    cuts.length === 0 &&
    (FIGURE_FIRST.test(text) || /[\d%⁰¹²³⁴⁵⁶⁷⁸⁹>]/.test(last)) &&
    !SENTENCE_END.test(text)
  )
    cuts.push(...factRows(text));
  if (/[-–—=_]/.test(last)) {
    const rule = TRAILING_RULE.exec(text);
    if (rule) cuts.push(rule.index);
  }
  // A split's header ("Age 10–14 15–17") with its first row after it, where the line or a row cut
  // from it opens with one.
  if (cuts.length > 0)
    for (const at of [0, ...cuts]) {
      const row = text.slice(at);
      const indent = row.length - row.trimStart().length;
      const header = splitHeaderEnd(row.trimStart());
      if (header > 0) cuts.push(at + indent + header);
    }
  return cuts;
}

/** Where a facts table's rows ran on: two rows at least, figure first or label first. */
function factRows(text: string): number[] {
  // Where the line keeps its cells' tabs, a figure is a cell of its own: a tab after it (figure
  // first) or before it (label first). A number inside a label ("Kirklees 2 Safeguarding") is not.
  const tabbed = text.includes("\t");
  // (A sentence ends in a full stop; a figure-first row ends in its label, a label-first in its figure.)
  if (FACT_FIRST.test(text)) {
    if (/[.!?]\s*$/.test(text)) return [];
    return starts(FACT_ROW_START, text).filter(
      (at) => !tabbed || /^\S+(?:\s+\(\S+\))?\t/.test(text.slice(at)),
    );
  }
  if (!ENDS_WITH_FACT.test(text)) return [];
  return Array.from(text.matchAll(FACT_ROW_END))
    .filter((m) => !tabbed || text[(m.index as number) - 1] === "\t")
    .map((m) => (m.index as number) + m[0].length);
}

/**
 * Where a list's items ran on: after a numbered item "1. review ... 2. develop ...", each next
 * number in turn (bulleted or not); after a bulleted one, the same bullet after a sentence's end.
 */
function listItems(text: string): number[] {
  const first = LIST_ITEM.exec(text) as RegExpExecArray;
  const [, bullet, number] = first;
  const cuts: number[] = [];
  if (number) {
    let from = first[0].length;
    for (let next = Number(number) + 1; ; next++) {
      const item = new RegExp(String.raw`\s(?:[-•*]\s+)?${next}[.)]\s+(?=[A-Za-z])`, "g");
      item.lastIndex = from;
      const m = item.exec(text);
      if (!m) break;
      cuts.push(m.index + 1);
      from = m.index + m[0].length;
    }
  } else if (bullet) {
    const mark = bullet.trim().replace(/[*]/, "\\$&");
    // Items that open with a figure ("- 0-6 = 'Inadequate' - 7-18 = ..."): each figure after the bullet.
    if (/\d/.test(text[first[0].length] ?? ""))
      return starts(new RegExp(String.raw`(?<=\s)${mark}\s+(?=\d)`, "g"), text);
    // (An item numbered after an unnumbered first one, "- review ... - 2. ensure ...", too.)
    const item = new RegExp(
      String.raw`(?<=[.;:!?)'’"”]\s+)${mark}\s+(?=[A-Z])|(?<=\s)${mark}\s+(?=\d{1,2}[.)]\s+[A-Za-z])`,
      "g",
    );
    cuts.push(...starts(item, text));
  }
  return cuts;
}

/** The line cut at `cuts`, each piece trimmed, empty pieces dropped. */
function piecesAt(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const c of [...at, text.length]) {
    const piece = text.slice(from, c).trim();
    if (piece) pieces.push(piece);
    from = c;
  }
  return pieces;
}

/**
 * A text whose tables are written a row a line, cells apart (tabs, pipes, a markdown table's
 * cells: thirty such short lines or more), ran no rows on: it is passed over whole, at the cost
 * of one look at each line, where cutting looks at each long line several times. A text of
 * joined paragraphs keeps a tab only in a table run into one line, rarely short.
 */
function rowsKeptApart(source: SourceLine[]): boolean {
  let rows = 0;
  for (const line of source)
    if (line.cells || (line.raw.length < 150 && (line.raw.includes("\t") || line.raw.includes("|"))))
      if (++rows >= 30) return true;
  return false;
}

/** The source lines with each run-on table line cut into its rows (the same line number each). */
export function runOnRowsSplit(source: SourceLine[]): SourceLine[] {
  return rowsKeptApart(source) ? source : linesCut(source, rowCuts);
}

/** Each line (but a table's row of cells, or a short one) cut where `cutsOf` says, the pieces keeping its line. */
export function linesCut(source: SourceLine[], cutsOf: (text: string) => number[]): SourceLine[] {
  let out: SourceLine[] | null = null;
  for (let i = 0; i < source.length; i++) {
    const line = source[i] as SourceLine;
    // A table row of its own is short; only a line holding several can be cut.
    const text = line.text ?? line.raw;
    const cuts = line.cells || text.length < 40 ? [] : cutsOf(text);
    const pieces = cuts.length > 0 ? piecesAt(text, cuts) : [];
    if (pieces.length < 2) {
      out?.push(line);
      continue;
    }
    out ??= source.slice(0, i);
    for (const piece of pieces) out.push({ line: line.line, page: line.page, raw: piece });
  }
  return out ?? source;
}
