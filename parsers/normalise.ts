// normalise: raw report text -> a stream of clean lines that keep their source line and page.
// Repairs the extraction damage listed in DOMAIN.md (superscript footnote markers in Unicode,
// HTML or LaTeX; markdown markup; column gaps as tabs or runs of spaces; running page headers
// and page numbers) without ever losing the map back to the source as written.

import { decodeNamedCharacterReference } from "decode-named-character-reference";
import {
  type PlacedCell,
  figureOrRating,
  joinedByColumn,
  partsBesideFigures,
  rowsBySymmetry,
  runsOf,
} from "./centred-rows.js";
import { noteRunsOn, pagesByRunningHeader, plainDigitFootnotes } from "./footnotes.js";
import { type Footnote, type Line, type NormalisedDocument, endsSentence, lastLineOf } from "./lines.js";
import { runOnLinesSplit } from "./page-lines.js";
import {
  QUESTION_START,
  SPLIT_COUNTS,
  figuresBesideQuestionStart,
  isColumnHeading,
  isHeadingRowPiece,
} from "./questions.js";
import { standardHeading } from "./segment.js";
import {
  PAGE_JOINER,
  PROMPT_LETTER,
  QUESTION_WORD,
  RUNS_ON,
  SUPERSCRIPT_RUN,
  fromSuperscript,
  isRunningHeader,
  joinWrapped,
  noteSentenceGoesOn,
  percentCell,
  pipeCells,
} from "./text.js";

export type Format = "text" | "markdown" | "pdf";

interface Cleaned {
  text: string;
  markers: string[];
  /** The line began with a footnote marker: it is a footnote, not body text. */
  startsWithMarker: boolean;
}

/** Footnote markers and stray symbols, in the several spellings the converters produce. */
const MARKER_HINT = /[<$^&⁰¹²³⁴⁵⁶⁷⁸⁹[]/;

/**
 * A note's number in square brackets against the text it annotates ("Croydon[6]", "disposal?[27]"),
 * as plain-text exports of a document write its footnote references (pandoc's plain text, word
 * processors' "text only"); not a markdown link's text ("[6](...)").
 */
const BRACKETED_MARKER = /(?<=[\p{L}\p{N}.,;:!?)'’"”%])\[(\d{1,3})\](?![(:])/gu;
/** The same number opening a line: the note itself ("[6] Office for National Statistics ..."). */
const BRACKETED_NOTE = /^\s*\[(\d{1,3})\]\s+(?=\S)/;

function extractMarkers(input: string): Cleaned {
  if (!MARKER_HINT.test(input)) return { text: input, markers: [], startsWithMarker: false };
  const markers: string[] = [];
  let s = input;
  const leading = s.trimStart();
  const startsWithMarker =
    (/^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]|<sup>|&lt;sup&gt;|\$\s*<sup>|\$\s*\^|\^\{\d|\[\^\d+\]:|\^\d+\^)/.test(leading) ||
      BRACKETED_NOTE.test(leading)) &&
    !/^<sup>\s*<\/sup>/.test(leading);
  const take = (_m: string, digits: string) => {
    markers.push(digits);
    return " ";
  };
  // <sup>&</sup>lt;sup&gt;20</sup>  (an HTML converter escaping its own markup)
  s = s.replace(/<sup>&<\/sup>lt;sup(?:&gt;|>)\s*(\d+)\s*(?:<\/sup>|&lt;\/sup&gt;)/g, take);
  s = s.replace(/&lt;sup&gt;\s*(\d+)\s*&lt;\/sup&gt;/g, take);
  // $<sup>^{6}</sup>$ and $^{11}$, $^{^{9}}$, $^{^{\}rm 10}$
  s = s.replace(/\$\s*<sup>\s*\^?\{?(\d+)\}?\s*<\/sup>\s*\$/g, take);
  s = s.replace(/\$\s*\^\{[^$]*?(\d+)\s*\}*\s*\$/g, take);
  s = s.replace(/<sup>\s*\^?\{?(\d+|\*)\}?\s*<\/sup>/g, take);
  s = s.replace(/^\s*\^\{(\d+)[^}]*\}/, take);
  // Markdown footnotes: "[^7]" in the text and "[^7]: ..." as the note (GFM, pandoc); pandoc's
  // superscript "^7^".
  if (s.includes("[^")) s = s.replace(/\[\^(\d+)\]:?/g, take);
  if (/\^\d+\^/.test(s)) s = s.replace(/\^(\d+)\^/g, take);
  if (s.includes("[")) s = s.replace(BRACKETED_NOTE, take).replace(BRACKETED_MARKER, take);
  // A percent sign the converter wrote as LaTeX ("86$\%$") is a percent sign.
  if (s.includes("\\%")) s = s.replace(/\$\s*\\%\s*\$/g, "%");
  // Any other inline LaTeX is a symbol the converter could not read (arrows, stars): drop it.
  s = s.replace(/\$[^$\n]{1,80}\$/g, " ");
  s = s.replace(SUPERSCRIPT_RUN, (run) => {
    markers.push(fromSuperscript(run));
    return " ";
  });
  return { text: s, markers, startsWithMarker };
}

/**
 * HTML character references, as HTML and markdown converters write them: named ("&rsquo;",
 * "&ndash;", the whole HTML list), decimal ("&#8217;") and hexadecimal ("&#x2019;"). A reference
 * that names nothing stays as written.
 */
function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g,
    (ref, dec, hex, name) => {
      if (name) {
        const named = decodeNamedCharacterReference(name);
        return named === false ? ref : named === "\u00a0" ? " " : named;
      }
      const code = dec ? Number(dec) : Number.parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : ref;
    },
  );
}

/** "# ...", up to three spaces in: one search for the character spares most lines the pattern. */
function opensWithHeadingMarks(s: string): boolean {
  const at = s.indexOf("#");
  return at >= 0 && at <= 3 && /^\s{0,3}#/.test(s);
}

function stripMarkup(s: string, format: Format): string {
  if (format !== "markdown" && !/[[<*_!]/.test(s) && !opensWithHeadingMarks(s)) return s;
  let out = s;
  // Each rewrite only where its character is present: most lines have none.
  if (out.includes("<")) {
    // A line break inside a cell (markdown converters write <br>) is a space.
    out = out.replace(/<br\s*\/?>/gi, " ");
  }
  if (out.includes("](")) {
    // Images (a figure the converter could not read) leave nothing.
    out = out.replace(/!\[[^\]]*\]\([^)]*\)/g, " ");
    // Links keep their text.
    out = out.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
  }
  if (out.includes("<")) out = out.replace(/<\/?[a-zA-Z][^>]*>/g, "");
  // An ATX heading, with its optional closing run of #s ("## 2.1. Assessment ##"); in a text too
  // (a markdown rendering with too few marks to be read as markdown keeps its headings' #s).
  if (out.includes("#")) out = out.replace(/^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/, "$1");
  if (out.includes("**") || out.includes("__")) out = out.replace(/\*\*|__/g, "");
  if (format === "markdown") {
    if (out.includes("*") || out.includes("_")) out = out.replace(EMPHASIS, "$2");
    if (out.includes("\\")) {
      // A backslash ending a line is a hard line break (pandoc writes them); others escape.
      out = out.replace(/\\\s*$/, "").replace(/\\([!-/:-@[-`{-~])/g, "$1");
    }
  }
  return out;
}

/**
 * Emphasis by one * or _ ("_Good_", "*Requires improvement*", as pymupdf4llm writes italics),
 * as CommonMark reads it: opened after a space or punctuation and before a non-space, closed
 * after a non-space and before a space or punctuation. A rating's marker ("Good*") opens nothing.
 */
const EMPHASIS = /(?<=^|[\s\p{P}\p{S}])(?<!\\)([*_])(?=\S)((?:(?!\1)[^\n])*?[^\s\\])\1(?=$|[\s\p{P}\p{S}])/gu;

/** Split a cleaned line into cells at tabs or at column gaps of two or more spaces. */
export function splitCells(s: string): string[] {
  const cells: string[] = [];
  const spaced = s.includes("\u00a0") ? s.replace(/\u00a0/g, " ") : s;
  for (const part of spaced.split(/\t| {2,}/)) {
    const cell = /\s\s|[\r\n\f\v]/.test(part) ? part.replace(/\s+/g, " ").trim() : part.trim();
    if (cell.length > 0) cells.push(cell);
  }
  return cells.length >= JUSTIFIED_WORDS && justifiedProse(spaced, cells) ? [cells.join(" ")] : cells;
}

/** The fewest words a justified line of prose has (a table's row of one-word cells has fewer). */
const JUSTIFIED_WORDS = 6;
/** A word of prose: letters, perhaps an apostrophe, a hyphen or punctuation after it. */
const PROSE_WORD = /^[("'‘“]?[A-Za-z][a-z]*(?:['’-][A-Za-z]+)*[.,;:)"'’”]*$/;

/**
 * A line of prose whose every word stands two spaces from the next, or three, or four (a
 * converter's text of a justified paragraph, pdfminer's of a browser's PDF: "case  had  a
 * disproportionate  impact ...", of a word processor's: "In   the   cases   we   reviewed,"): one
 * cell, not a row of one-word cells. Only where every gap is as wide as every other, every cell
 * a word, and most of them in lower case.
 */
function justifiedProse(line: string, cells: string[]): boolean {
  if (line.includes("\t")) return false;
  const gaps = line.trim().match(/ {2,}/g) ?? [];
  const width = gaps[0]?.length ?? 0;
  if (width > 4 || gaps.some((gap) => gap.length !== width)) return false;
  let lower = 0;
  for (const cell of cells) {
    if (!PROSE_WORD.test(cell)) return false;
    if (/^[a-z]/.test(cell)) lower++;
  }
  return lower * 2 > cells.length;
}

/**
 * Anything the cleaner could change: a marker or markup character, whitespace other than a
 * single space (tabs, column gaps, no-break spaces), a list bullet, a combining mark. Most prose
 * lines have none. (The marks, U+0300-036F, sit in the class: as \p{M} with the u flag the test
 * costs three times as much, and it runs on every line.)
 */
const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the marks are matched alone on purpose
  /[<$^&⁰¹²³⁴⁵⁶⁷⁸⁹[*_!\uFB00-\uFB06\u00AD\u200B\u0300-\u036F]|[^\S ]| {2}|^\s*[-•▪●◦■○>\uF0A7\uF0B7]/;
/** The same, with markdown's own markup (headings, escapes). */
const NEEDS_CLEANING_MARKDOWN =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: as above
  /[<$^&⁰¹²³⁴⁵⁶⁷⁸⁹[*_!#\\\uFB00-\uFB06\u00AD\u200B\u0300-\u036F]|[^\S ]| {2}|^\s*[-•▪●◦■○>\uF0A7\uF0B7]/;
/** NEEDS_CLEANING but for whitespace: what the cleaner has more to do for than split cells. */
const MARKUP_OR_MARKS =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: as above
  /[<$^&⁰¹²³⁴⁵⁶⁷⁸⁹[*_!\uFB00-\uFB06\u00AD\u200B\u0300-\u036F]|^\s*[-•▪●◦■○>\uF0A7\uF0B7]/;
const MARKUP_OR_MARKS_MARKDOWN =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: as above
  /[<$^&⁰¹²³⁴⁵⁶⁷⁸⁹[*_!#\\\uFB00-\uFB06\u00AD\u200B\u0300-\u036F]|^\s*[-•▪●◦■○>\uF0A7\uF0B7]/;
/** A combining mark ("o" and U+0302 for "ô"); as \p{M} with the u flag, eight times the cost. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the marks are matched alone on purpose
const COMBINING_MARK = /[\u0300-\u036F]/;
/** Typographic ligatures (ﬁ, ﬂ) a PDF's fonts give, soft hyphens and zero-width spaces. */
const INVISIBLE_OR_LIGATURE = /[\uFB00-\uFB06\u00AD\u200B]/;

/**
 * A table's ruled border an OCR engine read as "|", the line's only pipe, before the figures
 * ending it: after a question ("... social context of the child, | 8 8") or before a percentage
 * alone on its line ("| 75%"), as the text other readers make of a scan writes it. The cell's
 * edge, no text: no pipe table's row has a single pipe, figures after it. (A count alone, "| 8",
 * is left: pdftotext writes a count table's first counts inside a question wrapped round them,
 * and read as a figure it ended that question short of its last line.)
 */
const OCR_RULED_FIGURES =
  /^([^|]*?)\s*\|\s*(\d{1,3}(?:\.\d)?%(?:\s+\d{1,3}(?:\.\d)?%)?|\d{1,4}(?:\s+\d{1,4})?)$/;
function withoutOcrRule(line: string): string {
  const last = line.charCodeAt(line.length - 1);
  // (Only a line ending in a figure: one character's test for nearly every line.)
  if (!((last >= 48 && last <= 57) || last === 37) || !line.includes("|")) return line;
  const m = OCR_RULED_FIGURES.exec(line);
  if (!m) return line;
  const [before, figures] = [m[1] as string, m[2] as string];
  if (before === "") return figures.endsWith("%") && !figures.includes(" ") ? figures : line;
  return `${before} ${figures}`;
}

/**
 * The same rule as a cell of its own before a percentage alone ("|" / "63%"), where the text's
 * words stand a column's gap apart (pdfminer's text of a scan, its words two spaces apart).
 */
function withoutOcrRuleCell(cells: string[]): string[] {
  return cells.length === 2 && cells[0] === "|" && percentCell(cells[1] as string) !== null
    ? [cells[1] as string]
    : cells;
}

/** (One regular expression scans a line for both faster than two searches for "o".) */
const OUTOF_OR_OFCOURT = /outof|ofcourt/;

export function cleanLine(written: string, format: Format): Cleaned & { cells: string[] } {
  // pdfminer writes a glyph its font gives no character for as "(cid:N)" ("Outstanding (cid:0)"
  // for a rating's star): a character unknown, as a damaged byte is (so "8(cid:3)%" is no figure).
  const glyphs = written.includes("(cid:") ? written.replace(/\(cid:\d+\)/g, "\uFFFD") : written;
  // pdftotext (without -layout) takes a hyphen at a line's end for a soft one and drops it:
  // "out-of-court" wrapped after "out-" comes out "outof-court", after "of-" "out-ofcourt".
  const raw = OUTOF_OR_OFCOURT.test(glyphs)
    ? glyphs.replace(/\b(out)(of)(?=[-\s]court\b)/gi, "$1-$2").replace(/\b(out-of)(court)\b/gi, "$1-$2")
    : glyphs;
  if (!(format === "markdown" ? NEEDS_CLEANING_MARKDOWN : NEEDS_CLEANING).test(raw)) {
    const cell = withoutOcrRule(raw.trim());
    return { text: raw, markers: [], startsWithMarker: false, cells: cell ? [cell] : [] };
  }
  // Most of the rest are table rows whose only mark is their column gaps: cells, and no more.
  if (!(format === "markdown" ? MARKUP_OR_MARKS_MARKDOWN : MARKUP_OR_MARKS).test(raw))
    return { text: raw, markers: [], startsWithMarker: false, cells: withoutOcrRuleCell(splitCells(raw)) };
  const marked = extractMarkers(raw);
  let text = decodeEntities(stripMarkup(marked.text, format));
  // "ﬁrst-time entrants" reads as "first-time entrants"; "assess\u00ADment" as "assessment".
  if (INVISIBLE_OR_LIGATURE.test(text))
    text = text.replace(/[\u00AD\u200B]/g, "").replace(/[\uFB00-\uFB06]/g, (c) => c.normalize("NFKC"));
  // Letters written decomposed ("o" and a combining circumflex, as some converters write "ô"):
  // composed, so that a name is one string whichever way its file spelt it.
  if (COMBINING_MARK.test(text)) text = text.normalize("NFC");
  // A second pass: entities decoded into markup (&lt;sup&gt;) are markup too. Only HTML's: what
  // markdown's escapes made literal ("\\*Good\\*") stays literal.
  text = stripMarkup(text, "text");
  // List bullets and markdown blockquotes carry no meaning for the data.
  // (Word's PDFs print bullets from the Symbol and Wingdings fonts: U+F0B7, U+F0A7.)
  if (/^\s*[-•▪●◦■○>\uF0A7\uF0B7]/.test(text))
    text = text.replace(/^\s*(?:[-•▪●◦■○\uF0A7\uF0B7]|>)\s+|^\s*[•▪●◦■○\uF0A7\uF0B7]/, "");
  const cells = splitCells(text);
  // Markers glued to a word ("Good¹", "Croydon ³") leave a trailing space only.
  return { text, markers: marked.markers, startsWithMarker: marked.startsWithMarker, cells };
}

/**
 * A prompt's letter as other converters write it: "(a)", "a.", "A)" (pandoc's lists, Word's list
 * styles), before a question. The parsers read the reports' own "a)".
 */
const OTHER_PROMPT_LABEL = new RegExp(
  `^(?:\\(([a-z])\\)|([a-z])\\.|([a-z])\\))\\s*(?=${QUESTION_WORD}\\b)`,
  "i",
);

/** A prompt's letter alone: "a)", "(a)", "a." (any case). */
const LETTER_ALONE = /^(?:\([a-zA-Z]\)|[a-zA-Z][.)])$/;
const QUESTION_AFTER_LETTER = new RegExp(`^${QUESTION_WORD}\\b`, "i");

/** A web page's "(Back to top)" link closing a heading, or alone (not a sentence's "went back to top"). */
const BACK_TO_TOP = /\s*(?:\(\s*back to top\s*\)|\[\s*back to top\s*\]|(?<![a-z] )back to top)$/i;

/** Figures and nothing else: "80%", "7 5". */
const FIGURES_ONLY = /^\d{1,3}%?(?:\s+\d{1,3}%?)*$/;

/**
 * A table's cell merged over several columns, written once in each as docling and other
 * table-structure converters write it ("Overall rating | Overall rating | Good | Good", a section's
 * name across the whole row): once. Only words: two equal figures side by side are two values
 * (a service's share and its comparator's).
 */
function mergedCellsOnce(cells: string[]): string[] {
  let repeated = false;
  for (let i = 1; i < cells.length && !repeated; i++) repeated = cells[i] === cells[i - 1];
  if (!repeated) return cells;
  return cells.filter((cell, i) => i === 0 || cell !== cells[i - 1] || !/\p{L}{2}/u.test(cell));
}

/** Cells with every lone "%" joined to the figure before it. */
function percentSignsJoined(cells: string[]): string[] {
  const out: string[] = [];
  for (const cell of cells) {
    const before = out[out.length - 1];
    if (cell === "%" && before !== undefined && /\d$/.test(before)) out[out.length - 1] = `${before}%`;
    else out.push(cell);
  }
  return out;
}

/**
 * A row cut by a page whose percentage's number stands alone below its first line, its last words
 * and the sign (`src`) after the standard's heading printed again at the next page's top ("i) Are
 * the child and their parents or carers meaningfully involved in their" / "100" / the page's end /
 * "3.1. Assessment (out-of-court disposals)" / "assessment, and are their views taken into
 * account?" / "%", MuPDF of Word's A5 pages with heading rows repeated; or ending the first line,
 * "... in their 100", pdftotext): the number, alone taken for page furniture, is put back beside
 * the first line as the row's figure (the question parser joins the last words past the heading).
 * Says whether it did.
 */
function figureLeftBeforeHeadingAgain(src: SourceLine, lines: Line[], furniture: Line[]): boolean {
  const [first, heading, tail] = lines.slice(-3);
  if (!first || !heading || !tail || src.page === null || first.page !== src.page - 1) return false;
  if (heading.page !== src.page || tail.page !== src.page || src.line - tail.line > 2) return false;
  if (!/^[a-z(].*\?$/.test(tail.flat) || standardHeading(heading) === null) return false;
  if (first.cells.length !== 1 || first.flat.endsWith("?") || !QUESTION_START.test(first.flat)) return false;
  // (The number ending the first line, as pdftotext writes the cell's first line beside it: "...
  // in their 100"; or alone below it, taken for furniture, before the page's own number.)
  const ending = /^(.*\S)\s+(\d{1,3})$/.exec(first.flat);
  if (ending) {
    if (Number(ending[2]) > 100) return false;
    first.cells = [ending[1] as string, `${ending[2]}%`];
  } else {
    const numbers = furniture.filter(
      (f) => f.line > lastLineOf(first) && f.page === first.page && /^\d{1,3}$/.test(f.flat),
    );
    const [number] = numbers;
    if (numbers.length !== 2 || !number || number.line > lastLineOf(first) + 2 || Number(number.flat) > 100)
      return false;
    furniture.splice(furniture.indexOf(number), 1);
    first.cells = [first.flat, `${number.flat}%`];
  }
  first.flat = first.cells.join(" ");
  return true;
}

/**
 * Joins a percent sign alone on `src` to the question row's figure it was wrapped from, and says
 * whether it did: a lone number just above on the same page, after the question (taken for a
 * page number, it is put back as a line: "timescales?" / "56" / "%"), or the figure ending the
 * question's line, only page furniture between ("... of the child? 67" / "73" / "%"). Only
 * after a question: elsewhere a lone "%" may be a column's heading after a footnote marker
 * ("Offence types 10" / "%").
 */
function percentSignBelow(src: SourceLine, lines: Line[], furniture: Line[]): boolean {
  const above = lines[lines.length - 1];
  if (above === undefined || src.line - above.line > 8) return false;
  const number = furniture[furniture.length - 1];
  if (
    number !== undefined &&
    number.line > above.line &&
    src.line - number.line <= 2 &&
    number.page === src.page &&
    /^\d{1,3}$/.test(number.flat) &&
    above.flat.endsWith("?")
  ) {
    furniture.pop();
    const figure = `${number.flat}%`;
    lines.push({ ...number, index: lines.length, cells: [figure], flat: figure });
    return true;
  }
  // Or the cell's two lines centred about a question on one line: the number above it (taken for
  // a page number), the sign below ("89" / "b) Does assessment ... issues?" / "%").
  if (
    number !== undefined &&
    number.line < above.line &&
    above.line - number.line <= 2 &&
    src.line - above.line <= 2 &&
    number.page === src.page &&
    /^\d{1,3}$/.test(number.flat) &&
    Number(number.flat) <= 100 &&
    above.cells.length === 1 &&
    QUESTION_START.test(above.flat) &&
    above.flat.endsWith("?")
  ) {
    furniture.pop();
    above.cells = [...above.cells, `${number.flat}%`];
    above.flat = above.cells.join(" ");
    return true;
  }
  if (figureLeftBeforeHeadingAgain(src, lines, furniture)) return true;
  if (!/\?\s*\d{1,3}$/.test(above.flat)) return false;
  // (Only furniture between: not a line of a new block the figure is no part of.)
  if (src.line - above.line > 2 && !(number !== undefined && number.line > above.line)) return false;
  const last = above.cells.length - 1;
  above.cells[last] = `${above.cells[last]}%`;
  above.flat = above.cells.join(" ");
  return true;
}

/**
 * A question's later line ending in a lone percent sign ("attitudes ... offending?" | "%", or a
 * middle line, "acknowledgement ... motivations" | "%" / "for their offending?") takes the number
 * that ends the line above on its page, the same question's first line ("... for, 67", a space or
 * a column before it), as its figure. Only where that line is a question's start that does not
 * end it, and this one no new question: a number ending any other line is no figure wrapped
 * from this one.
 */
function figureWrappedAbove(src: SourceLine, lines: Line[], furniture: Line[], cells: string[]): string[] {
  let above = lines[lines.length - 1];
  // (Or the line before the table's standard heading printed again at the page's top, the
  // question cut by the page's end: "h) ... the needs and wishes of 78" / the page's end / "3.1.
  // Assessment (out-of-court disposals)" / "victims, and ... restorative justice? %".)
  // (Without the text's pages, pypdf's, the running header between them marks the page's end.)
  const questionStart = lines[lines.length - 2];
  const overPage =
    above !== undefined &&
    questionStart !== undefined &&
    standardHeading(above) !== null &&
    (src.page !== null
      ? above.page === src.page && questionStart.page === src.page - 1
      : src.line - above.line <= 2 &&
        furniture.some((f) => f.line > questionStart.line && f.line < src.line && isRunningHeader(f.flat)));
  if (overPage) above = questionStart;
  if (!above || (!overPage && (src.line - above.line > 2 || above.page !== src.page))) return cells;
  // (The sign a cell of its own, or a space after the words: "... motivations %". Not after a
  // digit: "25.5 %" is a figure whole.)
  const lastCell = cells[cells.length - 1] as string;
  const own = lastCell === "%";
  if (!own && !/[^\d\s]\s+%$/.test(lastCell)) return cells;
  const before = own ? cells.slice(0, -1) : [...cells.slice(0, -1), lastCell.replace(/\s+%$/, "")];
  const words = before.join(" ");
  if (words === "") return cells;
  if (QUESTION_START.test(words) || OTHER_PROMPT_LABEL.test(words)) return cells;
  const last = above.cells[above.cells.length - 1] as string;
  const m = /(?:^|\s)(\d{1,3})$/.exec(last);
  if (!m || Number(m[1]) > 100) return cells;
  const rest = [...above.cells.slice(0, -1), last.slice(0, m.index).trimEnd()].filter((c) => c !== "");
  const start = rest.join(" ");
  if (!QUESTION_START.test(start) || start.endsWith("?")) return cells;
  above.cells = rest;
  above.flat = start;
  return [...before, `${m[1]}%`];
}

function otherPromptLabel(cell: string): boolean {
  // "(a" or "a." / "A)": the first two characters tell, before the pattern runs ("a)" is the
  // reports' own).
  const first = cell.charCodeAt(0);
  const second = cell.charCodeAt(1);
  const upper = first >= 65 && first <= 90;
  return (first === 40 || second === 46 || (second === 41 && upper)) && OTHER_PROMPT_LABEL.test(cell);
}

/** What page furniture can start with: a digit, a rule or leader, "--", "Page", "(An) Inspection", "Re-inspection". */
const FURNITURE_START = /^[\d_\-–—=.·•\sPpIiAaRr]/;

/** A rule ("------") or leader dots: drawn, no text. */
export const RULE_OR_LEADERS = /^[_\-–—=.·•\s]+$/;

/** Page furniture: a page number, a rule, a running header or footer (not the report's text). */
export function isFurniture(cells: string[], flat: string): boolean {
  if (cells.length === 0) return true;
  if (flat.length > 120 || !FURNITURE_START.test(flat)) return false;
  if (/^\d{1,3}$/.test(flat)) return true; // page number
  if (RULE_OR_LEADERS.test(flat)) return true;
  if (PAGE_JOINER.test(flat)) return true; // pdf-parse's line between pages
  if (/^page\s+\d{1,3}(?:\s+of\s+\d{1,3})?$/i.test(flat)) return true; // "Page 12 of 40"
  return isRunningHeader(flat);
}

export interface SourceLine {
  line: number;
  page: number | null;
  raw: string;
  /** Pre-split cells (markdown tables); otherwise cells come from the raw text. */
  cells?: string[];
  /** The text to clean where a pre-pass rewrote it (plain-digit footnote markers); else raw. */
  text?: string;
  /** The last source line a pre-pass joined into this one's text (a note's wrapped lines). */
  through?: number;
}

/** Where each cell of a space-aligned line starts (its column), for layout-mode text. */
function cellColumns(raw: string): number[] {
  if (raw.includes("\t")) return [];
  const starts: number[] = [];
  const re = /(?:^\s*|\s{2,})(\S)/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) starts.push(m.index + m[0].length - 1);
  return starts;
}

/**
 * A justified cell spreads its words to its edges, so its last word, a joining one, may stand a
 * space before the next cell's first ("Black      and Unknown", then "minority ethnic" under
 * "Black": the column name "Black and minority ethnic", then "Unknown"). When cell `k` runs on
 * onto the next line, a joining word opening the cell after it (no cell begins so) goes back.
 */
function joiningWordBack(row: Line, columns: number[], k: number): void {
  const next = row.cells[k + 1];
  const m = next?.match(/^(and|or|of) (?=\p{Lu})/u);
  if (!m || !next) return;
  row.cells[k] = `${row.cells[k]} ${m[1]}`;
  row.cells[k + 1] = next.slice(m[0].length);
  if (columns[k + 1] !== undefined) columns[k + 1] = (columns[k + 1] as number) + m[0].length;
}

/** A figure cell (a percentage or a count) after a column gap: where it starts. */
const FIGURE_CELL_AFTER_GAP = /\s{2,}(\d{1,3}%?)(?=\s{2,}|\s*$)/g;
/**
 * A question's cell run up to its row's first figure with one space between them: the question
 * and the figure (a percentage or a count).
 */
const QUESTION_THEN_FIGURE = new RegExp(
  `^((?:[a-z]\\)\\s*|\\d\\.\\d\\.\\d\\.?\\s*)?${QUESTION_WORD}\\b.*\\S) (\\d{1,3}%?)$`,
  "i",
);

/**
 * Page furniture of another kind than the running headers and page numbers the reports print
 * (a security marking "OFFICIAL", a web address, a copyright line at every page's foot): a line
 * of words among the first four or last two of its page, the same (digits aside) on at least half
 * the pages of a text with five pages or more. Gives the source line numbers of those lines.
 * (A text without page marks whose running header opens every page, PyMuPDF's or pypdf's: its
 * pages from header to header.)
 */
function repeatedPageEdges(source: SourceLine[]): Set<number> {
  const pages = new Map<number, SourceLine[]>();
  const paged = source.some((l) => l.page !== null);
  for (const [k, headed] of (paged ? [] : pagesByRunningHeader(source)).entries())
    pages.set(
      k,
      headed.filter((l) => l.raw.trim() !== ""),
    );
  for (const l of paged ? source : []) {
    if (l.page === null || l.raw.trim() === "") continue;
    const page = pages.get(l.page) ?? [];
    if (page.length === 0) pages.set(l.page, page);
    page.push(l);
  }
  const found = new Set<number>();
  if (pages.size < 5) return found;
  const byText = new Map<string, { pages: Set<number>; lines: number[] }>();
  for (const [page, lines] of pages) {
    // (Four at the head: in content-stream order, pdftotext -raw, the page's own header and
    // number come first.)
    for (const l of new Set([...lines.slice(0, 4), ...lines.slice(-2)])) {
      const text = l.raw.trim();
      // Words only: a figure or a page number alone is no marking ("8" may be a table's count).
      if (text.length > 80 || !/\p{L}.*\p{L}/u.test(text)) continue;
      // The reports' own running headers are furniture already, and name the area (identity).
      if (isRunningHeader(text)) continue;
      const key = text.replace(/\s+/g, " ").replace(/\d+/g, "#");
      const seen = byText.get(key) ?? { pages: new Set<number>(), lines: [] };
      byText.set(key, seen);
      seen.pages.add(page);
      seen.lines.push(l.line);
    }
  }
  for (const seen of byText.values())
    if (seen.pages.size >= Math.max(5, pages.size / 2)) for (const line of seen.lines) found.add(line);
  return found;
}

/**
 * The columns a layout text's tables print their figures at: where figures start after a column
 * gap on at least three lines.
 */
function figureColumns(source: SourceLine[]): Set<number> {
  const counts = new Map<number, number>();
  for (const l of source) {
    if (!/\d%?(?:\s{2,}|\s*$)/.test(l.raw)) continue;
    for (const m of l.raw.matchAll(FIGURE_CELL_AFTER_GAP)) {
      const at = (m.index as number) + m[0].length - (m[1] as string).length;
      counts.set(at, (counts.get(at) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([at]) => at));
}

/**
 * A question that fills its cell up to the figures' column, one space short of it ("Does
 * planning take sufficient account of the diversity and wider familial 59%"): the question and
 * the figure as two cells, with their columns, when the figure starts where the table's other
 * figures start. `cells` and `columns` are the line's as split at column gaps.
 */
function splitFigureAfterSpace(
  raw: string,
  cells: string[],
  columns: number[],
  figureAt: Set<number>,
): { cells: string[]; columns: number[] } | null {
  if (columns.length !== cells.length) return null;
  for (let k = 0; k < cells.length; k++) {
    const cell = QUESTION_THEN_FIGURE.exec(cells[k] as string);
    if (!cell) continue;
    // Where the figure stands: from the line as written (the cell's text is cleaned).
    const from = columns[k] as number;
    const written = QUESTION_THEN_FIGURE.exec(raw.slice(from, columns[k + 1] ?? raw.length).trimEnd());
    if (!written) continue;
    const at = from + (written[1] as string).length + 1;
    // A prompt's letter or a question's number makes the line a table row wherever its figure
    // stands (pdftotext may set it a few columns short of the others); otherwise the figure's
    // column must say so, as prose can end in a number.
    const labelled = /^(?:[a-z]\)|\d\.\d\.\d\.?)(?:\s|$)/i.test(
      k > 0 ? (cells[0] as string) : (cells[k] as string),
    );
    if (!labelled && ![at - 1, at, at + 1].some((c) => figureAt.has(c))) continue;
    return {
      cells: [...cells.slice(0, k), cell[1] as string, cell[2] as string, ...cells.slice(k + 1)],
      columns: [...columns.slice(0, k + 1), at, ...columns.slice(k + 1)],
    };
  }
  return null;
}

/** How many lines have a gap of five spaces or more between words, counting up to `enough`. */
function linesWithColumnGaps(source: SourceLine[], enough: number): number {
  let n = 0;
  for (const l of source) if (l.raw.includes("     ") && /\S {5,}\S/.test(l.raw) && ++n >= enough) break;
  return n;
}

/**
 * A lone whole number straight after a question and one count ("... facing the child? 7" /
 * "7"): the row's second count, wrapped onto a line of its own, not a page number. (Never more
 * "Yes" than relevant cases: "... the child? 67" / "73" is a percentage whose sign went to the
 * next page, and the page's number.)
 */
function secondCount(flat: string, line: number, before: Line | undefined): boolean {
  const first = before ? SPLIT_COUNTS.exec(before.flat) : null;
  return (
    before !== undefined &&
    before.line === line - 1 &&
    before.cells.length === 1 &&
    /^\d{1,3}$/.test(flat) &&
    first !== null &&
    Number(flat) <= Number(first[2])
  );
}

/** The lines of pdf-parse's text that are a page's own number: just before "-- 7 of 30 --", the same number. */
function pageNumbersBeforeJoiners(source: SourceLine[]): Set<number> {
  const numbers = new Set<number>();
  let last: SourceLine | null = null;
  for (const l of source) {
    if (PAGE_JOINER_START.test(l.raw)) {
      const m = l.raw.match(PAGE_JOINER);
      if (m && last && last.raw.trim() === m[1]) numbers.add(last.line);
    }
    if (l.raw.trim() !== "") last = l;
  }
  return numbers;
}

const OPENS_WITH_PIPE = /^\s*\|/;
const CLOSES_WITH_PIPE = /\|\s*$/;
/** A line of closing pipes and nothing else ("|", "|  |"): a wrapped row's empty last cells. */
const CLOSING_PIPES = /^\|[\s|]*$/;

/**
 * Pipe rows hard-wrapped as prose is ("| Does assessment ... the child's" / "desistance? | 64% |"):
 * one line again, its cells read from the whole (the provenance keeps the lines as written). A
 * row that opens with a pipe and does not close with one goes on up to the line that closes
 * with one (the wrap may fall before a pipe: "| Are the delivered services ...?" / "| 7 | 5 |");
 * a row that closes with a pipe takes the lines after it that do not open with one but close
 * with one ("... appropriate? | 44%" / "|  |": the closing pipes alone).
 */
function pipeRowsUnwrapped(source: SourceLine[]): SourceLine[] {
  // (Most texts have neither a row left open nor a line closing one it did not open.)
  const opens = (raw: string) => OPENS_WITH_PIPE.test(raw);
  const closes = (raw: string) => CLOSES_WITH_PIPE.test(raw);
  if (!source.some((l) => l.raw.includes("|") && opens(l.raw) !== closes(l.raw))) return source;
  const out: SourceLine[] = [];
  for (let i = 0; i < source.length; i++) {
    const row = source[i] as SourceLine;
    out.push(row);
    const first = row.raw.trim();
    if (!first.startsWith("|")) continue;
    let open = !first.endsWith("|");
    let end = -1;
    for (let k = i + 1; k < source.length && k <= i + 3; k++) {
      const next = (source[k] as SourceLine).raw.trim();
      if (next === "" || DELIMITER_ROW.test(next)) break;
      const closingPipes = CLOSING_PIPES.test(next);
      if (!open && ((next.startsWith("|") && !closingPipes) || !next.endsWith("|"))) break;
      if (next.endsWith("|")) {
        end = k;
        open = false;
      }
    }
    if (end < 0) continue;
    const pieces = source.slice(i, end + 1);
    const text = pieces.map((l) => (l.text ?? l.raw).trim()).join(" ");
    out[out.length - 1] = { ...row, raw: pieces.map((l) => l.raw).join("\n"), text, cells: pipeCells(text) };
    i = end;
  }
  return out;
}

/** A character other than white space: the line is not blank (no trimmed copy made to tell). */
export const NOT_BLANK = /\S/;

/** Whether a cell's last character could end "to top", "to top)" or "to top]": one character's test. */
function endsLikeToTop(cell: string): boolean {
  const last = cell.charCodeAt(cell.length - 1);
  return last === 112 || last === 41 || last === 93; // p ) ]
}

/** A document-sharing site's label before each page of its transcript: "Page 12: <title> · <snippet>". */
const PAGE_LABEL = /^\s*Page\s+(\d{1,4})\s*:\s*(\S.*?)\s*$/;

/**
 * The page labels of a transcript as document-sharing sites print a PDF's text: "Page N:" and
 * the same title (often with a snippet of the text) before every page, set between any two
 * lines, a table's rows too. A label counts as one where its text follows at least three
 * different page numbers; a report's own sentence never opens so. Gives each label's index in
 * `raws` and its page number, in the text's order.
 */
function transcriptPageLabels(raws: readonly string[]): { at: number; page: number }[] {
  const byText = new Map<string, { pages: Set<number>; labels: { at: number; page: number }[] }>();
  raws.forEach((raw, at) => {
    // (A search for "Page" first: nearly no line has it.)
    if (!raw.includes("Page")) return;
    const m = PAGE_LABEL.exec(raw);
    if (!m) return;
    const page = Number(m[1]);
    const seen = byText.get(m[2] as string) ?? { pages: new Set<number>(), labels: [] };
    byText.set(m[2] as string, seen);
    seen.pages.add(page);
    seen.labels.push({ at, page });
  });
  return [...byText.values()]
    .filter((s) => s.pages.size >= 3)
    .flatMap((s) => s.labels)
    .sort((a, b) => a.at - b.at);
}

/** Turn source lines into the normalised stream, separating footnotes and page furniture. */
export function normaliseLines(written: SourceLine[], format: Format): NormalisedDocument {
  // Page furniture the reports do not print themselves goes first: footnotes are found at the
  // foot of their page, above such a line.
  const edges = repeatedPageEdges(written);
  for (const { at } of transcriptPageLabels(written.map((l) => l.raw)))
    edges.add((written[at] as SourceLine).line);
  const kept = edges.size > 0 ? written.filter((l) => !edges.has(l.line)) : written;
  const source = format === "pdf" ? kept : plainDigitFootnotes(pipeRowsUnwrapped(runOnLinesSplit(kept)));
  const lines: Line[] = [];
  const footnotes: Footnote[] = [];
  const furniture: Line[] = [];
  // Layout-mode text (pdftotext -layout) wraps a table cell onto the next line at the cell's own
  // column: the columns of the last table row let us put such a piece back into its cell.
  let lastRow: { line: Line; columns: number[] } | null = null;
  // Only text laid out by columns, as pdftotext -layout writes it: pages and columns padded with
  // runs of spaces. Elsewhere a space-separated cell does not mark a column. The pages are its
  // form feeds, or, where they were left out (-nopgbrk), the running header opening each page.
  const layout =
    format === "text" &&
    linesWithColumnGaps(source, 21) >= 21 &&
    (source.some((l) => l.page !== null && l.page > 1) || pagesByRunningHeader(source).length > 0);
  const figureCells = layout ? figureColumns(source) : new Set<number>();
  const pageNumbers = pageNumbersBeforeJoiners(source);
  for (const original of layout ? centredRowsInLayout(source) : source) {
    if (!NOT_BLANK.test(original.raw)) {
      // A wrapped cell follows its row directly; after a blank line a new block begins.
      lastRow = null;
      continue;
    }
    // A pipe-table row that remark did not read as a table (no delimiter row), or a plain text's
    // table written so ("| 2.1 | Assessment | Good |", "2.1 | Assessment | Good": a pipe between
    // spaces is no prose): split it here.
    const src =
      format !== "pdf" &&
      !original.cells &&
      // (Most lines have no pipe at all: one character's search spares them both tests.)
      original.raw.includes("|") &&
      ((format === "markdown" ? PIPE_ROW : TEXT_PIPE_ROW).test(original.raw) || original.raw.includes(" | "))
        ? { ...original, cells: pipeCells(original.text ?? original.raw) }
        : original;
    if (src.cells && /^\s*:?-{3,}:?\s*$/.test(src.cells.join("").replace(/\s/g, ""))) continue;
    let cells: string[];
    let markers: string[];
    let startsWithMarker: boolean;
    if (src.cells) {
      cells = [];
      markers = [];
      startsWithMarker = false;
      for (let k = 0; k < src.cells.length; k++) {
        const c = cleanLine(src.cells[k] as string, format);
        cells.push(...c.cells);
        markers.push(...c.markers);
        if (k === 0) startsWithMarker = c.startsWithMarker && src.cells.length === 1;
      }
      cells = mergedCellsOnce(cells);
    } else {
      const c = cleanLine(src.text ?? src.raw, format);
      cells = c.cells;
      markers = c.markers;
      startsWithMarker = c.startsWithMarker;
    }
    // A percent sign set as a cell of its own ("86", "%"): the figure's.
    if (cells.length > 1 && cells.includes("%")) cells = percentSignsJoined(cells);
    // ... or on a line of its own, the figure wrapped in a narrow cell ("56" / "%"), perhaps over
    // a page's end ("... of the child? 67" / page number / "%").
    if (cells.length === 1 && cells[0] === "%" && percentSignBelow(src, lines, furniture)) continue;
    // ... or beside a wrapped question's later line, its number ending the line above ("...
    // responsibility for, 67" / "attitudes ... offending?" | "%").
    if (cells[cells.length - 1]?.endsWith("%")) cells = figureWrappedAbove(src, lines, furniture, cells);
    // A prompt's letter alone on the line above its question ("a)" / "Is there ..."), as list
    // labels are written apart: the question's.
    const letterAbove = lines[lines.length - 1];
    if (
      letterAbove &&
      src.line - letterAbove.line <= 2 &&
      LETTER_ALONE.test(letterAbove.flat) &&
      QUESTION_AFTER_LETTER.test(cells[0] ?? "")
    ) {
      lines.pop();
      cells = [`${letterAbove.flat} ${cells[0]}`, ...cells.slice(1)];
    }
    if (cells.length > 0 && otherPromptLabel(cells[0] as string))
      cells[0] = (cells[0] as string).replace(
        OTHER_PROMPT_LABEL,
        (_m, ...letter: (string | undefined)[]) =>
          `${(letter[0] ?? letter[1] ?? letter[2] ?? "").toLowerCase()}) `,
      );
    // A web page's link back to its contents after each heading ("Ratings (Back to top)"), as the
    // inspectorate's HTML reports print it: the heading's, not its words.
    const last = cells[cells.length - 1];
    if (last && endsLikeToTop(last) && /to top[)\]]?$/.test(last)) {
      const heading = last.replace(BACK_TO_TOP, "");
      if (heading !== last) cells = heading ? [...cells.slice(0, -1), heading] : cells.slice(0, -1);
      if (cells.length === 0 && markers.length === 0) continue;
    }
    const flat = cells.length === 1 ? (cells[0] as string) : cells.join(" ");
    const line: Line = { index: -1, line: src.line, page: src.page, raw: src.raw, cells, flat, markers };
    if (src.through !== undefined) line.through = src.through;
    // A footnote marker alone on its line, wrapped from the end of the line above ("... the
    // safety of other people?" / "<sup>27</sup>"): that line's marker, and no line of its own.
    const markedAbove = lines[lines.length - 1];
    if (cells.length === 0 && markers.length > 0 && markedAbove && src.line - markedAbove.line === 1) {
      markedAbove.markers = [...markedAbove.markers, ...markers];
      markedAbove.through = src.line;
      continue;
    }
    if (
      isFurniture(cells, flat) &&
      (pageNumbers.has(src.line) || !secondCount(flat, src.line, lines[lines.length - 1]))
    ) {
      furniture.push(line);
      continue;
    }
    // A note wrapped at the page's foot whose sentence runs on into the line straight below it
    // ("... performance in one" / "case had a disproportionate impact ..."): the note's, here,
    // so that no table below takes it for a line of its own (the unwrapper joins what is left of
    // a wrapped note by its text's width).
    const note = footnotes[footnotes.length - 1];
    if (note && !startsWithMarker && noteRunsOn(note.text, lastLineOf(note.line), line)) {
      note.text = joinWrapped(note.text, flat);
      note.line.raw = `${note.line.raw.trimEnd()}\n${src.raw}`;
      note.line.through = src.line;
      continue;
    }
    // (A marker before figures alone is the row's above, its figures wrapped onto this line:
    // "... out-of-court disposal?" / "²⁷ 80%". A note has words.)
    if (startsWithMarker && markers.length > 0 && !FIGURES_ONLY.test(flat)) {
      footnotes.push({ marker: markers[0] as string, text: flat, line });
      continue;
    }
    // (A row put together from several lines, by centredRowsInLayout, has its cells already.)
    let columns = layout && !src.raw.includes("\n") ? cellColumns(src.raw) : [];
    const split = layout ? splitFigureAfterSpace(src.raw, cells, columns, figureCells) : null;
    if (split) {
      cells = [...split.cells];
      line.cells = cells;
      line.flat = cells.join(" ");
      columns = [...split.columns];
    }
    if (
      lastRow &&
      columns.length > 0 &&
      cells.length <= lastRow.line.cells.length &&
      !isLeadIn(lastRow.line)
    ) {
      const row = lastRow.line;
      const targets = columns.map((c) => lastRow?.columns.findIndex((p) => Math.abs(p - c) <= 2) ?? -1);
      // The first column continues only when the text visibly runs on (not a new row's label).
      const runsOn = (k: number) =>
        (/^[a-z(]/.test(cells[k] ?? "") && !PROMPT_LETTER.test(cells[k] ?? "")) ||
        RUNS_ON.test(row.cells[targets[k] as number] ?? "");
      if (targets.length === cells.length && targets.every((t, k) => t > 0 || (t === 0 && runsOn(k)))) {
        targets.forEach((t, k) => {
          joiningWordBack(row, lastRow?.columns ?? [], t);
          row.cells[t] = joinWrapped(row.cells[t] as string, cells[k] as string);
        });
        row.flat = row.cells.join(" ");
        row.wrappedRaw = row.wrappedRaw ? `${row.wrappedRaw}\n${src.raw.trimEnd()}` : src.raw.trimEnd();
        continue;
      }
    }
    // A figure centred beside a wrapped label (layout text): the label's first line came on the
    // line above, at the same column, running on into this one. (rowBlocks, below, puts such rows
    // together where blank lines set rows apart; this serves tables whose rows touch.)
    const above = lines[lines.length - 1];
    if (
      layout &&
      above &&
      cells.length > 1 &&
      columns.length === cells.length &&
      above.cells.length === 1 &&
      src.line - above.line === 1 &&
      /^[a-z(]/.test(cells[0] as string) &&
      !endsSentence(above) &&
      Math.abs((cellColumns(above.raw)[0] ?? -9) - (columns[0] as number)) <= 2
    ) {
      lines.pop();
      line.cells = [joinWrapped(above.cells[0] as string, cells[0] as string), ...cells.slice(1)];
      line.flat = line.cells.join(" ");
      line.raw = `${above.raw.trimEnd()}\n${src.raw}`;
      line.markers = [...above.markers, ...line.markers];
    }
    // A row's figures alone on the middle line of its wrapped question ("Does planning take ...
    // familial" / "8   7" / "and social context of the child?"): the figures join the question's
    // first line, and its next line runs on into it as a wrapped cell does.
    const first = layout && above ? cellColumns(above.raw)[0] : undefined;
    if (
      above &&
      first !== undefined &&
      columns.length === cells.length &&
      cells.every((c) => /^\d{1,3}%?$/.test(c)) &&
      (columns[0] as number) > first + 30 &&
      above.cells.length === 1 &&
      src.line - above.line === 1 &&
      !endsSentence(above)
    ) {
      above.cells = [...above.cells, ...cells];
      above.flat = above.cells.join(" ");
      above.raw = `${above.raw.trimEnd()}\n${src.raw}`;
      lastRow = { line: above, columns: [first, ...columns] };
      continue;
    }
    // A table row broken across a page (a word processor lets a row break): its cells' next
    // words open the next page, in lower case, before anything else of that page but its
    // running header ("... personalised to the child,  27%" / notes / "supporting joint
    // decision making?"; a heading row: "Of the 7 cases ... keeping the child  Relevant  Number"
    // / "safe:  cases  'Yes'"). The first cell's words alone, or a piece for every cell.
    // (Not a piece of the table's heading row printed again, a line at a time, between the row
    // and its last words: "Relevant" / "cases" / "Number" / "'Yes'". A sign alone is a wrapped
    // percentage's, below. Tested only where the cheap look, run on every line, found a broken row.)
    const brokenRow = rowBrokenByPage(lines, src.page, line.flat);
    const broken =
      brokenRow &&
      !(
        lines[lines.length - 1]?.page === src.page &&
        /[a-z]/i.test(line.flat) &&
        isHeadingRowPiece(line.flat)
      )
        ? brokenRow
        : undefined;
    // (A percentage's sign wrapped in its narrow cell onto the next page: "67" / "%".)
    if (
      broken &&
      cells.length === 1 &&
      cells[0] === "%" &&
      (broken.cells.length > 1
        ? /\d$/.test(broken.cells[broken.cells.length - 1] as string)
        : /\?\s+\d{1,3}$/.test(broken.flat))
    ) {
      broken.cells[broken.cells.length - 1] += "%";
      broken.flat = broken.cells.join(" ");
      continue;
    }
    // (A count row's question whose last words open the next page, its figures on the page
    // before: see questionCutByPage.)
    const cut = broken && cells.length === 1 ? questionCutByPage(lines, broken, cells[0] as string) : null;
    if (cut) {
      // (One cell, as the line was written: a row of cells here would tell the rejoin stage the
      // text keeps its rows.)
      cut.line.cells = [`${joinWrapped(cut.text, cells[0] as string)} ${cut.figures}`];
      cut.line.flat = cut.line.cells.join(" ");
      cut.line.raw = [
        cut.line.raw.trimEnd(),
        src.raw,
        ...(cut.figuresLine ? [cut.figuresLine.raw] : []),
      ].join("\n");
      if (cut.figuresLine) {
        const at = lines.lastIndexOf(cut.figuresLine);
        lines.splice(at, 1);
        for (let k = at; k < lines.length; k++) (lines[k] as Line).index = k;
      }
      continue;
    }
    if (
      broken &&
      broken.cells.length > 1 &&
      (cells.length === 1 || cells.length === broken.cells.length) &&
      /^[a-z(]/.test(cells[0] as string) &&
      !PROMPT_LETTER.test(cells[0] as string) &&
      !/[.?!:;]$/.test(broken.cells[0] as string) &&
      // (Nor a sentence a footnote marker split into cells: "Our rating²¹ for planning ... questions:".)
      !/[.?!:;]$/.test(broken.flat)
    ) {
      // (One piece carries on the row's text, not its figure: "55.3%  Percentage of ... training,"
      // / "or employment"; the one cell that stops on a joining word where there is one, a heading
      // row's name wrapped in its cell: "Race/ethnicity | White | Black and | Unknown" / "minority
      // ethnic".)
      const open = cells.length === 1 ? broken.cells.filter((c) => RUNS_ON.test(c)) : [];
      const textAt =
        open.length === 1
          ? broken.cells.indexOf(open[0] as string)
          : broken.cells.findIndex((c) => !figureOrRating(c));
      const from = cells.length === 1 && textAt > 0 ? textAt : 0;
      cells.forEach((piece, k) => {
        broken.cells[k + from] = joinWrapped(broken.cells[k + from] as string, piece);
      });
      broken.flat = broken.cells.join(" ");
      continue;
    }
    lastRow = line.cells.length > 1 && columns.length === line.cells.length ? { line, columns } : null;
    line.index = lines.length;
    lines.push(line);
  }
  notesCarriedOver(lines, footnotes);
  return { lines: layout ? rowBlocks(lines) : lines, footnotes, furniture };
}

/**
 * A note too long for its page, carried on at the foot of the next page above that page's own
 * notes, unnumbered, as word processors set it ("... See Annexe 1 for a more detailed" / page
 * break / the page's text / "explanation." / the page's notes and number): the line is the
 * note's, not the page's text. Taken only where the note stops on a word short of a sentence's
 * end and the line, the last of its page's text, ends one; or stops on a figure and the line
 * opens with its sign ("... as follows: 0–6 = 'Inadequate', ..., 19–30" / "= 'Good', 31–36 =
 * 'Outstanding'.", the score bands of a 2021 report's note).
 */
function notesCarriedOver(lines: Line[], footnotes: Footnote[]): void {
  // Each page's last line of text, looked up once (pages in the text's order).
  let lastOfPage: Map<number, Line> | null = null;
  const taken = new Set<Line>();
  footnotes.forEach((note, k) => {
    const page = note.line.page;
    if (page === null || footnotes[k + 1]?.line.page === page) return;
    const text = note.text.trimEnd();
    if (!/[A-Za-z\d]$/.test(text) || /(?:https?:\/\/|www\.)\S*$/.test(text)) return;
    lastOfPage ??= new Map(lines.flatMap((l) => (l.page === null ? [] : [[l.page, l] as const])));
    const tail = lastOfPage.get(page + 1);
    if (!tail || lines[tail.index - 1]?.page !== page + 1 || tail.cells.length !== 1) return;
    if (!/[.)]$/.test(tail.flat)) return;
    // (A figure's sentence goes on only into its sign: "... 19–30" / "= 'Good', 31–36 = ...".)
    if (/\d$/.test(text) ? !/^=\s/.test(tail.flat) : !noteSentenceGoesOn(text, tail.flat)) return;
    note.text = joinWrapped(text, tail.flat);
    note.line.raw = `${note.line.raw.trimEnd()}\n${tail.raw}`;
    taken.add(tail);
  });
  if (taken.size === 0) return;
  const kept = lines.filter((l) => !taken.has(l));
  lines.length = 0;
  for (const l of kept) {
    l.index = lines.length;
    lines.push(l);
  }
}

/**
 * A count row's question cut by a page break, its figures written before its last words (`more`,
 * in lower case to its mark, opening the next page; no prompt's letter: "b) ...", "(b) ...") as
 * pdftotext -raw and getText write it: on a line of their own after the question's first lines
 * ("... (for example, child protection or care plans)" / "4 4" / notes / "concerning the
 * child?"), or beside its first line ("... an effective working relationship 8 8" / notes /
 * "with the child and their parents/carers?"). The line to carry the whole row, its text so far
 * and its figures, and the figures' own line to drop, if any.
 */
function questionCutByPage(
  lines: Line[],
  broken: Line,
  more: string,
): { line: Line; text: string; figures: string; figuresLine?: Line } | null {
  if (!/^[a-z(][^.?!]*\?$/.test(more) || /^\(?[a-z][.)]\s/.test(more) || broken.cells.length !== 1)
    return null;
  // (The page so far may hold the table's heading rows again: see rowBrokenByPage.)
  const question = lines[lines.lastIndexOf(broken) - 1];
  if (
    /^\d{1,3}%?(?:\s+\d{1,3}%?){0,2}$/.test(broken.flat) &&
    question?.page === broken.page &&
    question.cells.length === 1 &&
    /[a-z]/.test(question.flat) &&
    !/[.?!:;]$/.test(question.flat)
  )
    return { line: question, text: question.flat, figures: broken.flat, figuresLine: broken };
  const beside = figuresBesideQuestionStart(broken.flat);
  if (!beside) return null;
  const counts = beside.relevant !== null ? `${beside.relevant} ${beside.yes}` : "";
  const figures = beside.percent !== null ? `${counts} ${beside.percent}%`.trim() : counts;
  return { line: broken, text: beside.textCells[0] as string, figures };
}

/**
 * The line a page break may have cut, for a line of page `page` before anything else of that
 * page but its furniture: the page before's last line, also where the page so far holds only
 * repeats of the page before's heading rows (which Word repeats at the top of each page a table
 * runs on to: "3.2. Planning"), but not for a line (`flat`) that repeats one more of them ("Of the
 * 5 cases ... keeping the child | Relevant Number" / "safe: | cases | 'Yes'"). None otherwise.
 */
function rowBrokenByPage(lines: Line[], page: number | null, flat: string): Line | undefined {
  if (page === null) return undefined;
  let k = lines.length - 1;
  while (k >= 0 && k >= lines.length - 5 && (lines[k] as Line).page === page) k--;
  const before = lines[k];
  if (before?.page !== page - 1) return undefined;
  if (k === lines.length - 1) return before;
  // (A heading row: cells, a standard's numbered heading, or a count table's caption and
  // headings written a line at a time. Not any line: a wrapped question's first line may well
  // stand on both pages.)
  const headingRow = (l: Line) =>
    l.cells.length > 1 || /^\d(?:\.\d{1,2})+\.?\s/.test(l.flat) || isHeadingRowPiece(l.flat);
  const repeated = lines.slice(k + 1);
  if (!repeated.every(headingRow)) return undefined;
  const previousPage = new Set<string>();
  for (let j = k; j >= 0 && (lines[j] as Line).page === page - 1; j--)
    previousPage.add((lines[j] as Line).flat);
  return repeated.every((l) => previousPage.has(l.flat)) && !previousPage.has(flat) ? before : undefined;
}

/** A layout text line's cells (runs of text two or more spaces apart) and where each stands. */
function layoutCells(text: string): PlacedCell[] {
  const cells: PlacedCell[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text))
    cells.push({ x: m.index, end: m.index + m[0].length, text: m[0] });
  return cells;
}

/**
 * Layout text of tables set without cell padding whose figures are centred beside wrapped
 * labels: rows touch, spaced like a label's own lines, and pdftotext prints each figure on its
 * row's middle line, or on a line of its own between the label's two middle lines. Rows told
 * apart by that symmetry (centred-rows.ts, as the PDF reader does) become one source line each,
 * its cells given: the label's pieces joined, the figures beside. A run is consecutive lines
 * of one page, cut at any line with text in a figure's columns (prose, a heading row); anything
 * that does not fit is left as it was.
 */
function centredRowsInLayout(source: SourceLine[]): SourceLine[] {
  const cellsOf = new Map(source.map((l) => [l, layoutCells(l.text ?? l.raw)]));
  // (A page's running header stands on the line above its first row, as a row's label would.)
  const furniture = (l: SourceLine) => isRunningHeader(l.raw.trim());
  const together = (above: SourceLine, below: SourceLine) =>
    below.line - above.line === 1 &&
    below.page === above.page &&
    above.raw.trim() !== "" &&
    below.raw.trim() !== "" &&
    !furniture(above) &&
    !furniture(below);
  return runsOf(source, together).flatMap((run) =>
    run.length < 3 || run.some((l) => l.raw.includes("\t") || l.cells)
      ? run
      : partsBesideFigures(run, (l) => cellsOf.get(l) ?? []).flatMap((part) => {
          const cells = part.map((l) => cellsOf.get(l) ?? []);
          return centredLayoutRows(part, cells) ?? centredLayoutRow(part, cells) ?? part;
        }),
  );
}

/**
 * A run that is one row (a table with cell padding sets its rows apart) whose label wraps over
 * lines that need not read on ("Total population" / "Tower Hamlets and"), its figures centred
 * beside it: the figures' line is the run's middle line, the label in one column. A heading line
 * may stand above ("Population information").
 */
function centredLayoutRow(run: SourceLine[], cells: PlacedCell[][]): SourceLine[] | null {
  for (let headings = 0; headings <= 1; headings++) {
    const rows = cells.slice(headings);
    if (rows.length < 3 || rows.length > 7 || rows.length % 2 === 0) continue;
    const middle = (rows.length - 1) / 2;
    const labelAt = new Set<number>();
    let fits = true;
    for (const [n, line] of rows.entries())
      for (const c of line) {
        if (figureOrRating(c.text)) fits &&= n === middle;
        else labelAt.add(c.x);
      }
    const at = [...labelAt];
    if (!fits || !(rows[middle] as PlacedCell[]).some((c) => figureOrRating(c.text))) continue;
    if (at.length === 0 || at.some((x) => Math.abs(x - (at[0] as number)) > 2)) continue;
    // The figures stand in a column of their own, not the label's (a rating at the margin,
    // between a page's running header and a paragraph, is a line of its own).
    if (
      (rows[middle] as PlacedCell[]).some(
        (c) => figureOrRating(c.text) && Math.abs(c.x - (at[0] as number)) <= 2,
      )
    )
      continue;
    const label = rows.flatMap((line) => line.filter((c) => !figureOrRating(c.text)).map((c) => c.text));
    // One label, whole: it begins as a label does and no sentence or question ends inside it
    // (a key question heading its prompts, a wrapped line's lower case: rows of their own).
    // A numbered heading ("1.2. Staff") heads what follows; it is no row's label.
    if (!/^[A-Z0-9"“'‘]/.test(label[0] ?? "") || label.slice(0, -1).some((t) => /[?.!:;]$/.test(t))) continue;
    if (label.some((t) => /^\d(?:\s?\.\s?\d)*\.?\s/.test(t))) continue;
    if (RUNS_ON.test(label[label.length - 1] ?? "")) continue;
    return [
      ...run.slice(0, headings),
      rowOfLines(
        run.slice(headings),
        rows.flat(),
        (rows[middle] as PlacedCell[]).filter((c) => figureOrRating(c.text)),
      ),
    ];
  }
  return null;
}

/** A run's rows read by the symmetry of its centred figures (`cells`: each line's); null when they do not fit. */
function centredLayoutRows(run: SourceLine[], cells: PlacedCell[][]): SourceLine[] | null {
  const isFigure = (c: { text: string }) => figureOrRating(c.text);
  const textAt: number[] = [];
  const figureAt: number[] = [];
  const middles: number[] = [];
  for (const [k, line] of cells.entries()) {
    const hasText = line.some((c) => !isFigure(c));
    if (hasText) textAt.push(k);
    if (!line.some(isFigure)) continue;
    // On a label line: its half-line position; alone: between the label lines around it.
    const middle = hasText ? 2 * (textAt.length - 1) : 2 * textAt.length - 1;
    if (middle < 0 || (!hasText && k === cells.length - 1) || middle <= (middles[middles.length - 1] ?? -1))
      return null;
    figureAt.push(k);
    middles.push(middle);
  }
  const labels = textAt.map((k) =>
    (cells[k] as PlacedCell[])
      .filter((c) => !isFigure(c))
      .map((c) => c.text)
      .join(" "),
  );
  const rows = rowsBySymmetry(labels, middles, (cells[textAt[0] ?? 0] ?? []).some(isFigure));
  if (!rows) return null;
  return rows.map(({ from, to, group }) => {
    const first = textAt[from] as number;
    const last = textAt[to] as number;
    if (first === last) return run[first] as SourceLine;
    const figures = group === null ? [] : (cells[figureAt[group] as number] as PlacedCell[]).filter(isFigure);
    return rowOfLines(run.slice(first, last + 1), cells.slice(first, last + 1).flat(), figures);
  });
}

/**
 * Layout lines that are one table row, as one source line: its label's pieces joined by column,
 * its figures beside, in the columns' order; its text as written, line under line.
 */
function rowOfLines(lines: SourceLine[], cells: PlacedCell[], figures: PlacedCell[]): SourceLine {
  const labels = joinedByColumn(cells.filter((c) => !figureOrRating(c.text)));
  return {
    line: (lines[0] as SourceLine).line,
    page: (lines[0] as SourceLine).page,
    raw: lines.map((l) => l.raw).join("\n"),
    cells: [...labels, ...figures].sort((a, b) => a.x - b.x).map((c) => c.text),
  };
}

/**
 * Layout text's table rows whose label wraps while the row's other cells sit centred beside it:
 * a block of lines (between blank lines) whose text stands in one column but for one line, which
 * also has the row's other cells ("Percentage of current" / "4%   caseload with child" /
 * "protection plan"; "Of the 8 cases where ... related to" / "Relevant cases   Number 'Yes'" /
 * "desistance:"), is one row: the label's lines joined, the other cells in their columns' order.
 */
function rowBlocks(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    // (A row already put together from several lines is a block of its own.)
    const whole = (l: Line) => l.raw.includes("\n");
    if (!whole(lines[i] as Line))
      while (
        j < lines.length &&
        (lines[j] as Line).line - (lines[j - 1] as Line).line === 1 &&
        !whole(lines[j] as Line)
      )
        j++;
    const block = lines.slice(i, j);
    // The row may follow a heading in the same block ("Does reviewing focus ...?" / "Of the 8
    // cases where ..." / "Relevant cases   Number 'Yes'" / "desistance:"); a table's heading row
    // may follow two ("Domain two: Court disposals" / "2.1. Assessment" / a key question wrapped
    // beside its "% Yes"). (Not any row after two lines: a label's first lines are no headings.)
    let result = block;
    for (let headings = 0; headings <= 2; headings++) {
      const rest = block.slice(headings);
      const row = rest.length >= 2 && rest.length <= 8 ? rowBlock(rest) : null;
      if (row && (headings < 2 || row.cells.some(isColumnHeading))) {
        result = [...block.slice(0, headings), row];
        break;
      }
    }
    for (const line of result) {
      line.index = out.length;
      out.push(line);
    }
    i = j;
  }
  return out;
}

/**
 * A lead-in, a line ending in a colon: no table row whose cells run on into the lines below, for
 * what follows is what it announces. (An OCR'd justified line is cells to a layout text: "The
 * Blackburn with Darwen      Youth      Justice Service should:" / "1. provide routine ...".)
 */
const isLeadIn = (line: Line) => line.flat.endsWith(":");

function rowBlock(block: Line[]): Line | null {
  // The block's cells by column (a column's cells within two characters of each other).
  const columns: { at: number; parts: string[]; lines: number[] }[] = [];
  for (const [n, line] of block.entries()) {
    const starts = cellColumns(line.raw);
    if (starts.length !== line.cells.length) return null;
    if (n < block.length - 1 && isLeadIn(line)) return null;
    for (const [k, cell] of line.cells.entries()) {
      const at = starts[k] as number;
      let column = columns.find((c) => Math.abs(c.at - at) <= 2);
      if (!column) {
        column = { at, parts: [], lines: [] };
        columns.push(column);
      }
      // A column's next line carries its cell on (lower case, or after a joining word); a
      // heading above a row does not ("Ratings" / "Blackburn with Darwen Youth Justice").
      const last = column.parts[column.parts.length - 1];
      if (last !== undefined && (!/^[a-z(]/.test(cell) || PROMPT_LETTER.test(cell)) && !RUNS_ON.test(last))
        return null;
      column.parts.push(cell);
      column.lines.push(n);
    }
  }
  if (columns.length < 2 || !columns.some((c) => c.parts.length > 1)) return null;
  // Every line of the block is one of the row's: no line stands alone between its cells' lines.
  const lineCount = new Set(columns.flatMap((c) => c.lines)).size;
  if (lineCount !== block.length) return null;
  columns.sort((a, b) => a.at - b.at);
  const cells = columns.map((c) => c.parts.join(" "));
  const first = block[0] as Line;
  return {
    ...first,
    cells,
    flat: cells.join(" "),
    raw: block.map((l) => l.raw).join("\n"),
    markers: block.flatMap((l) => l.markers),
  };
}

/** Plain text: one source line per line; a form feed (as pdftotext writes) starts a new page. */
export function textSourceLines(text: string): SourceLine[] {
  return sourceLinesOf(text.split(/\r?\n/));
}

/** Where a line can be pdf-parse's page line (PAGE_JOINER): the cheap test first. */
const PAGE_JOINER_START = /^\s*--/;

/**
 * Source lines from the text's lines, with pages where the text marks them: form feeds (as
 * pdftotext writes them), pdf-parse's "-- 7 of 30 --" after each page when they count up
 * from 1 to their total, or a document-sharing site's "Page 7:" labels.
 */
export function sourceLinesOf(raws: string[]): SourceLine[] {
  if (raws.some((raw) => raw.includes("\f"))) {
    let page = 1;
    return raws.map((raw, i) => {
      // A form feed before the line's text (pdftotext starts each page so) begins its page; one
      // after it, the next.
      const before = (raw.match(/^\f+/)?.[0] ?? "").length;
      const after = (raw.match(/\f/g) ?? []).length - before;
      page += before;
      const line: SourceLine = { line: i + 1, page, raw: before + after > 0 ? raw.replace(/\f/g, "") : raw };
      page += after;
      return line;
    });
  }
  // pdf-parse's page lines, counted: 1, 2, 3 ... of the same total.
  let joiners = 0;
  let total = -1;
  for (const raw of raws) {
    if (!PAGE_JOINER_START.test(raw)) continue;
    const m = raw.match(PAGE_JOINER);
    if (!m) continue;
    if (Number(m[1]) !== joiners + 1 || (total >= 0 && Number(m[2]) !== total)) {
      joiners = 0;
      break;
    }
    total = Number(m[2]);
    joiners++;
  }
  if (joiners < 2) return transcriptPaged(raws) ?? raws.map((raw, i) => ({ line: i + 1, page: null, raw }));
  let page = 1;
  return raws.map((raw, i) => {
    const line: SourceLine = { line: i + 1, page, raw };
    if (PAGE_JOINER_START.test(raw) && PAGE_JOINER.test(raw)) page++;
    return line;
  });
}

/**
 * A transcript's lines with the pages its labels give ("Page 7: <title>" begins page 7), where
 * the labels count up; the lines above the first label (the site's own furniture) have none.
 */
function transcriptPaged(raws: readonly string[]): SourceLine[] | null {
  const labels = transcriptPageLabels(raws);
  if (labels.length === 0 || labels.some((l, k) => k > 0 && l.page <= (labels[k - 1]?.page ?? 0)))
    return null;
  let next = 0;
  let page: number | null = null;
  return raws.map((raw, i) => {
    const label = labels[next];
    if (label?.at === i) {
      page = label.page;
      next++;
    }
    return { line: i + 1, page, raw };
  });
}

/**
 * Markdown: GFM tables are read through remark so that each row becomes one line of cells
 * (escaped pipes, alignment rows and padding handled by the parser); every other line keeps
 * its source text, which the line cleaner strips of markup. remark is loaded only for a file
 * with a GFM table: every parse worker would otherwise load it at start for nothing.
 */
export async function markdownSourceLines(markdown: string | string[]): Promise<SourceLine[]> {
  // (A report's lines are not joined into one text: building a string of a report's length costs
  // as much as remark's whole part of the work.)
  let raws = typeof markdown === "string" ? markdown.split(/\r?\n/) : markdown;
  // HTML comments do not show in rendered markdown (docling marks every picture "<!-- image -->"):
  // they go, their lines kept as blank lines so that line numbers still point into the file.
  if (raws.some((raw) => raw.includes("<!--")))
    raws = raws
      .join("\n")
      .replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ""))
      .split("\n");
  const lines = htmlTableRows(sourceLinesOf(raws));
  // Without a GFM table there is nothing remark would read differently from the line cleaner.
  if (!raws.some((raw) => GFM_DELIMITER.test(raw))) return lines;
  const { gfmTableRows } = await import("./markdown-tables.js");
  const { rows, delimiterLines } = gfmTableRows(raws);
  pipeRowsRemarkLeft(lines, rows, delimiterLines);
  return lines
    .filter((l) => !delimiterLines.has(l.line))
    .flatMap((l) => {
      const written = rows.get(l.line);
      if (!written) return [l];
      const cells = withoutStandIns(written);
      // (A header of stand-ins alone is no row at all.)
      if (cells !== written && cells.every((cell) => cell === "")) return [];
      return [{ ...l, cells }];
    });
}

/**
 * A row's cells without the stand-ins PyMuPDF's Table.to_markdown (pymupdf4llm) writes for a
 * header cell it found empty, "Col<n>" by the column's number ("Col1 | Col2" over a table whose
 * first row it did not take for a header; "Blackburn ... Service | Col2 | Score | 29/36"): no
 * text of the report's, an empty cell. (Its DataFrames number columns from 0: "Col0".)
 */
function withoutStandIns(cells: string[]): string[] {
  const standIn = (cell: string, k: number) => {
    const n = /^\s*Col(\d{1,2})\s*$/.exec(cell)?.[1];
    return n !== undefined && (Number(n) === k + 1 || Number(n) === k);
  };
  return cells.some(standIn) ? cells.map((cell, k) => (standIn(cell, k) ? "" : cell)) : cells;
}

/** A line that opens like a GFM table's delimiter row ("|---|", "--- |"). */
const GFM_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*\|/;

/** A row of a pipe table: a pipe at each end; in plain text, one between cells as well. */
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const TEXT_PIPE_ROW = /^\s*\|.*\|.*\|\s*$/;

/** A delimiter row: "--- | ---", "|:---|---:|" (a pipe at least, so that "---" stays a rule). */
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * A table with a delimiter row that remark did not take for one: written without its outer pipes
 * and with a header row whose cell count differs from the delimiter's (a converter's empty first
 * heading cell, " | % yes"), GFM reads its rows as a paragraph. Its lines are split at their
 * pipes here, like the rows of a table (into `rows`, `delimiterLines`).
 */
function pipeRowsRemarkLeft(
  lines: SourceLine[],
  rows: Map<number, string[]>,
  delimiterLines: Set<number>,
): void {
  let block: SourceLine[] = [];
  const flush = () => {
    const delimiter = block.find((l) => DELIMITER_ROW.test(l.raw) && l.raw.includes("|"));
    if (delimiter && !block.some((l) => rows.has(l.line))) {
      delimiterLines.add(delimiter.line);
      for (const l of block) {
        if (l === delimiter || !/(?<!\\)\|/.test(l.raw)) continue;
        rows.set(l.line, pipeCells(l.raw));
      }
    }
    block = [];
  };
  for (const l of lines) {
    if (l.raw.trim() === "") flush();
    else block.push(l);
  }
  flush();
}

/**
 * A table written in markup (HTML, LaTeX) from `open` on `lines[i]` to the line that `close`
 * closes it on (or the end of the file): its lines, their text joined, and the source line of
 * any offset in that text, so that each row keeps the line it starts on.
 */
export function markupTableLines(
  lines: SourceLine[],
  i: number,
  open: number,
  close: RegExp,
): { block: SourceLine[]; joined: string; lineAt: (offset: number) => SourceLine; end: number } {
  let end = i;
  while (end < lines.length - 1 && !close.test((lines[end] as SourceLine).raw.slice(end === i ? open : 0)))
    end++;
  const block = lines.slice(i, end + 1);
  const starts: number[] = [];
  let joined = "";
  for (const l of block) {
    starts.push(joined.length);
    joined += `${l.raw}\n`;
  }
  const lineAt = (offset: number) => {
    let k = starts.length - 1;
    while (k > 0 && (starts[k] as number) > offset) k--;
    return block[k] as SourceLine;
  };
  return { block, joined, lineAt, end };
}

const TABLE_START = /<table\b/i;

/**
 * HTML tables, as some PDF-to-markdown converters write them (often a whole table on one line):
 * each row becomes a line of cells, at the source line where the row starts, with the row's HTML
 * as its text. A cell keeps its inner markup (<sup>, <br>) for the line cleaner; text around a
 * table stays a line of its own.
 */
export function htmlTableRows(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => TABLE_START.test(l.raw))) return lines;
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] as SourceLine;
    const open = first.raw.search(TABLE_START);
    if (open < 0 || first.cells) {
      out.push(first);
      continue;
    }
    const { block, joined, lineAt, end: j } = markupTableLines(lines, i, open, /<\/table>/i);
    const before = first.raw.slice(0, open);
    if (before.trim()) out.push({ ...first, raw: before });
    const close = joined.search(/<\/table>/i);
    const tableEnd = close < 0 ? joined.length : close + "</table>".length;
    for (const row of joined
      .slice(open, tableEnd)
      .matchAll(/<tr\b[^>]*>([\s\S]*?)(?:<\/tr>|(?=<tr\b)|$)/gi)) {
      const cells = [
        ...(row[1] as string).matchAll(/<t[dh]\b[^>]*>([\s\S]*?)(?:<\/t[dh]>|(?=<t[dh]\b)|$)/gi),
      ].map((c) => (c[1] as string).replace(/\s+/g, " ").trim());
      if (cells.length === 0) continue;
      const at = lineAt(open + (row.index as number));
      out.push({ line: at.line, page: at.page, raw: (row[0] as string).replace(/\s+/g, " ").trim(), cells });
    }
    const after = joined.slice(tableEnd).replace(/\n$/, "");
    const last = block[block.length - 1] as SourceLine;
    if (after.trim()) out.push({ ...last, raw: after });
    i = j;
  }
  return out;
}
