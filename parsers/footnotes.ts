// Footnote markers printed as plain digits. pdftotext and other text extractors print a
// superscript marker as an ordinary digit ("Reoffending rate for Kirklees 7", "Caseload
// information9") and the note at the page's foot as "7 Ministry of Justice. (2021). ...".
// Read as they stand, the notes become contextual facts ("7 | Ministry of Justice ...") and the
// markers part of labels and questions. Where a page ends in notes numbered one after another
// whose numbers the page's text carries as markers, both are rewritten as superscripts in the
// text the line cleaner reads (each line's raw text, its provenance, stays as written); the
// cleaner then takes them as it takes any superscript marker.
import type { Line } from "./lines.js";
import type { SourceLine } from "./normalise.js";
import {
  CUT_QUESTION_END,
  MONTH_WORD,
  PAGE_JOINER,
  QUESTION_START,
  countsParted,
  isRunningHeader,
  joinWrapped,
  mayOpenRunningHeader,
  noteSentenceGoesOn,
  superscript,
} from "./text.js";

/** A web address, which a note may be alone ("11 https://www.wipers.org.uk/the-ether-programme"). */
const LINK_START = "https?:\\/\\/|www\\.";
/** A note that is a web address and nothing else: no table's row or sentence is one. */
const LINK_ONLY_NOTE = new RegExp(`^\\s{0,8}\\d{1,3}\\s{1,8}(?:${LINK_START})\\S+\\s*$`);

/**
 * "7 Ministry of Justice. ...": a number, then a note's first word (not a figure, not "(65%)",
 * not a month: "15 March 2022. Managers reported ..." is a paragraph), or a web address.
 */
export const NOTE_START = new RegExp(
  `^\\s{0,8}(\\d{1,3})\\s{1,8}(?=[A-Z*"'‘“]|${LINK_START})(?!\\S*\\s{3})(?!${MONTH_WORD}\\b)`,
);
/**
 * A note's number glued to its first word, as pypdf writes a note set off by a tab ("12This
 * question is only relevant ..."): at a page's foot only, among the page's notes.
 */
const NOTE_START_GLUED = new RegExp(`^\\s{0,8}(\\d{1,3})(?=\\p{Lu}\\p{Ll}+\\s)(?!${MONTH_WORD}\\b)`, "u");
/**
 * How a note ends: a full stop, a closing bracket or quote, markdown's emphasis, a link, or the
 * colon before a link the converter dropped ("... are available here:").
 */
export const NOTE_END = /[.)*"'’”:]\s*$|https?:\/\/|www\./;

/** A page number ("12", "Page 12 of 40") or pdf-parse's line between pages ("-- 12 of 40 --"). */
const isPageNumber = (raw: string) =>
  /^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$/i.test(raw) || PAGE_JOINER.test(raw);

/** A note's one short sentence on a line of its own ("This may be inaccurate."). */
const NOTE_SENTENCE = /^\s*\p{Lu}[^\d%]{2,80}[a-z][.)]\s*$/u;

/** A figure alone on its line, or a question's last letters cut into the figure column ("fe?"). */
const COLUMN_FIGURE = new RegExp(`^\\s*(?:\\d{1,3}%|n\\/a|${CUT_QUESTION_END})\\s*$`, "i");

interface Note {
  number: string;
  lines: SourceLine[];
}

/** A note's first line: its number, spaced or glued, before its first word. */
const numberedNote = (raw: string) => raw.match(NOTE_START) ?? raw.match(NOTE_START_GLUED);

/**
 * Where a note starts on `body[i]`: its number before its first word, or alone on its line
 * before a line that starts as a note's words do (pdftotext without -layout writes a number set off by
 * a tab, as a word processor sets a note's, as a line of its own).
 */
function noteStart(body: SourceLine[], i: number): RegExpMatchArray | null {
  const raw = (body[i] as SourceLine).raw;
  const m = numberedNote(raw);
  if (m) return m;
  const alone = raw.match(/^\s{0,8}(\d{1,3})\s*$/);
  const next = body[i + 1]?.raw.trim();
  // (A note's words, not a column heading's: "19" / "Relevant" / "cases" is pdftotext's order.)
  return alone && next && next.length >= 20 && NOTE_START.test(`${alone[1]} ${next}`) ? alone : null;
}

/**
 * A note's number alone with one figure between it and its words, the next number after the
 * report's notes before it ("10" / "6" / "The rating for the standard ..."): pdftotext writes a
 * raised number set just above a table's last count so, and the count is the table's.
 */
function numberOverFigure(body: SourceLine[], i: number, lastNumber: number): RegExpMatchArray | null {
  const alone = (body[i] as SourceLine).raw.match(/^\s{0,8}(\d{1,3})\s*$/);
  const gap = alone ? Number(alone[1]) - lastNumber : 0;
  if (!alone || lastNumber === 0 || (gap !== 1 && gap !== 2)) return null;
  if (!/^\s*\d{1,3}%?\s*$/.test(body[i + 1]?.raw ?? "")) return null;
  const words = body[i + 2]?.raw.trim();
  return words && words.length >= 20 && NOTE_START.test(`${alone[1]} ${words}`) ? alone : null;
}

/**
 * The notes a page ends in: numbers one after another, each note's text ending as notes do.
 * `lastNumber`: the last note of the pages before.
 */
function pageNotes(page: SourceLine[], marked: boolean, lastNumber: number): Note[] {
  const body = page.filter((l) => l.raw.trim() !== "");
  let end = body.length;
  while (end > 0 && isPageNumber((body[end - 1] as SourceLine).raw)) end--;
  // A table's figure column written after the page's foot, its number between (pdftotext of rows
  // set close: the questions, the notes, "34", then "fe?" / "69%" / "88%" / ...).
  let column = end;
  while (column > 0 && COLUMN_FIGURE.test((body[column - 1] as SourceLine).raw)) column--;
  if (column < end && column > 0 && isPageNumber((body[column - 1] as SourceLine).raw)) {
    end = column - 1;
    while (end > 0 && isPageNumber((body[end - 1] as SourceLine).raw)) end--;
  }
  // From each possible first note, the rest of the page must be notes (starts or their wrapped lines).
  for (let start = Math.max(0, end - 40); start < end; start++) {
    const first =
      noteStart(body, start) ?? (start + 2 < end ? numberOverFigure(body, start, lastNumber) : null);
    // Notes are numbered from 1: "0 Total current caseload on licence" is a table's row.
    if (!first || Number(first[1]) === 0) continue;
    const notes: Note[] = [];
    let ok = true;
    for (let i = start; i < end && ok; i++) {
      const line = body[i] as SourceLine;
      // The next number, or one after it (a note whose marker the converter wrote otherwise).
      const last = notes.length === 0 ? null : Number((notes[notes.length - 1] as Note).number);
      const direct = i + 1 < end ? noteStart(body, i) : numberedNote(line.raw);
      const over = direct || i + 2 >= end ? null : numberOverFigure(body, i, last ?? lastNumber);
      const m = direct ?? over;
      const gap = m ? Number(m[1]) - (last ?? 0) : 0;
      if (m && (last === null || gap === 1 || gap === 2)) {
        notes.push({ number: m[1] as string, lines: [line] });
        if (over) i++; // (the figure between stays the table's)
      } else if (m)
        ok = false; // out of sequence: these are not the page's notes
      else if (/\S\s{3,}\S/.test(line.raw.trim()) || /^\s*[\d.,%]+\s*$/.test(line.raw))
        ok = false; // a table row or a figure, not a note's text
      else (notes[notes.length - 1] as Note).lines.push(line);
    }
    // (The last note of a page the text marks may stop short, a sentence's worth of it at least,
    // prose, carried on at the next page's foot: "... placed in a rating band. See Annexe 1 for a
    // more detailed" / "explanation.", a few lines. Not a column of ratings or a page's prose
    // after a lone page number.)
    const ends = (n: Note, k: number) => {
      const text = n.lines.map((l) => l.raw.trim()).join(" ");
      if (NOTE_END.test(text)) return true;
      const short = n.lines.length <= 4 && text.length >= 60 && text.length <= 400;
      return marked && k === notes.length - 1 && short && /[a-z][,;.] \S.*[a-z]$/.test(text);
    };
    // (A number over a question is a count table's, its question no note's words: "17" / "15" /
    // "Does reviewing focus sufficiently on keeping the child safe?" / "Of the 15 cases ...", a
    // row's counts then the next key question, where the counts are a note's numbers.)
    const asks = (n: Note) => {
      const text = n.lines
        .map((l) => l.raw.trim())
        .join(" ")
        .replace(/^\d{1,3}\s*/, "");
      return QUESTION_START.test(text) && /^[^.]*\?/.test(text);
    };
    if (ok && notes.every(ends) && !notes.some(asks)) return notes;
  }
  return [];
}

/** A line that carries on a note whatever its last line ended with: no note or page text starts so. */
const NOTE_GOES_ON = /^\s*(?:[a-z=]|<?(?:https?:\/\/|www\.))/;

/** A note that starts with its number raised: superscript, HTML, LaTeX, bracketed, markdown's. */
export const NOTE_MARKED_RAISED = /^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]|<sup>|&lt;sup|\$\^|\[\^?\d)/;

/**
 * What a glued marker follows: a word, a closing bracket or quote, or a sentence's stop after
 * one (a PDF's superscript after the full stop, "... who have offended.1 Published ...").
 */
const BEFORE_MARKER = "(?<=[A-Za-z)?:’'”\"][.,;]?)";
/** A number glued to the word before it, as `markerAt` finds one. */
const GLUED_NUMBER = new RegExp(`${BEFORE_MARKER}(\\d{1,3})(?![\\d,.%/])`, "g");

/** Where `n` stands as a marker in `raw`: glued to a word, or spaced at the end of a cell or line. */
function markerAt(raw: string, n: string): { index: number; length: number; glued: boolean } | null {
  // (Tried for every note on every line above it: most lines do not hold the number at all.)
  if (!raw.includes(n)) return null;
  const { glued, spaced } = markerPatterns(n);
  const g = glued.exec(raw);
  if (g) return { index: g.index, length: n.length, glued: true };
  const sp = spaced.exec(raw);
  if (sp) return { index: sp.index, length: n.length + 1, glued: false };
  return null;
}

/**
 * Where `n` stands as a marker glued to the one figure that ends a label's row, the figure
 * whole without it ("(FTE) 178.6": 17 and 8.6), as pypdf writes a raised marker before a cell.
 */
function markerOnFigure(
  raw: string,
  n: string,
): { index: number; length: number; glued: false; spaceAfter: true } | null {
  if (!raw.includes(n)) return null;
  const m = markerPatterns(n).onFigure.exec(raw);
  // (After a question's mark, only before a row's two counts run together: "... safe? 1277",
  // note 12, then 7 and 7, pypdf's narrow cells on A5 pages.)
  if (!m || (raw[m.index - 1] === "?" && countsParted(m[1] as string) === null)) return null;
  return { index: m.index, length: n.length + 1, glued: false, spaceAfter: true };
}

/**
 * `markerOnFigure` on the one line of `above` (their text as rewritten so far) where `n` stands
 * so; none where it stands so on several (a figure may open with any number). `afterBracket`:
 * only after a label's closing bracket.
 */
function markerOnOneFigure(
  above: SourceLine[],
  text: Map<SourceLine, string>,
  n: string,
  afterBracket: boolean,
): ({ line: SourceLine } & NonNullable<ReturnType<typeof markerOnFigure>>) | null {
  let found: ({ line: SourceLine } & NonNullable<ReturnType<typeof markerOnFigure>>) | null = null;
  for (const line of above) {
    const raw = text.get(line) ?? line.raw;
    const m = markerOnFigure(raw, n);
    if (!m || (afterBracket && raw[m.index - 1] !== ")")) continue;
    if (found) return null;
    found = { line, ...m };
  }
  return found;
}

const patternsByNumber = new Map<string, { glued: RegExp; spaced: RegExp; onFigure: RegExp }>();
function markerPatterns(n: string): { glued: RegExp; spaced: RegExp; onFigure: RegExp } {
  let patterns = patternsByNumber.get(n);
  if (!patterns) {
    patterns = {
      glued: new RegExp(`${BEFORE_MARKER}${n}(?![\\d,.%/])`),
      // (Or, a single space for the column gap, before the row's one figure or two counts:
      // "(FTE) 17 8.6", "... keeping the child safe? 12 7 7"; or before the first count only, a
      // long question's column gap too narrow for more, "... disposal? 29 7        7".)
      // (Or after a sentence's stop, ending the line: "... across England and Wales. 9". Or a
      // cell of its own after a rating, as the glued-cells pass parts "Good20": no figure follows
      // a rating. Or where the standards' lead-in cites its note, "Our rating 17 for assessment
      // is based on ...", the raised number set a space apart: no figure stands there.)
      spaced: new RegExp(
        `(?<=[A-Za-z)?:’'”"]) ${n}(?=\\s{2,}|\\t|\\s*$|(?: [\\d.,]+%?){1,2}\\s*$| \\d{1,3}(?:\\s{2,}|\\t)\\d{1,3}\\s*$)|(?<=[A-Za-z)’'”"][.;]) ${n}(?=\\s*$)|(?<=\\b(?:Outstanding|Good|improvement|Inadequate))\\t${n}(?=\\s*$)|(?<=\\bOur rating) ${n}(?= for\\b)`,
      ),
      // (See `markerOnFigure`: the figure the marker is glued to, captured.)
      onFigure: new RegExp(`(?<=[A-Za-z)?]) ${n}(?=((?:0|[1-9]\\d*)(?:\\.\\d+)?)%?\\s*$)`),
    };
    patternsByNumber.set(n, patterns);
  }
  return patterns;
}

/**
 * Whether a number spaced after a question is the row's first count, whether or not a note of
 * that number is on the page, not a marker: with the row's other count after it ("... addressing
 * risks? 15 15"), or alone on the next line after a question whole on its line ("Does planning
 * ... risks? 15" / "15"). A marker there stands before both counts, on the line ("... safe? 12 7
 * 7") or wrapped ("... disposal? 29 7" / "7", "... safe? 29" / "7" / "7"). So too after a
 * question's first line that it wraps from ("... sufficient alignment 15" / "with other plans
 * ..."): no note is cited in the middle of a question.
 */
function rowsFirstCount(raw: string, at: number, after: SourceLine[]): boolean {
  const counts = /^ (\d{1,3})(?:\s+(\d{1,4}))?\s*$/.exec(raw.slice(at));
  if (!counts) return false;
  const before = raw.slice(0, at);
  const opensQuestion = QUESTION_START.test(before.trimStart());
  if (opensQuestion && !before.includes("?")) return true;
  if (!before.endsWith("?")) return false;
  const lone = (l: SourceLine | undefined) => l !== undefined && /^\s*\d{1,4}\s*$/.test(l.raw);
  const [next, then] = after;
  // (Never more "Yes" than relevant cases: "... safe? 12 77" is a marker and two counts glued.)
  if (counts[2] !== undefined) return !lone(next) && Number(counts[2]) <= Number(counts[1]);
  // (One number here: the row's first count only on a question's whole line; a question's last
  // line may follow its first count, "... of the child 7" / "safe? 15" / "7", marker 15.)
  return opensQuestion && lone(next) && !lone(then);
}

/** The first `count` lines after `lines[k]` with something written on them. */
function writtenAfter(lines: SourceLine[], k: number, count: number): SourceLine[] {
  const out: SourceLine[] = [];
  for (let j = k + 1; j < lines.length && out.length < count; j++)
    if ((lines[j] as SourceLine).raw.trim() !== "") out.push(lines[j] as SourceLine);
  return out;
}

/**
 * A marker on a line of its own, where a wrapped label ends ("First-time entrant rate per
 * 100,000 in Kirklees" / "6"): after a line ending in a letter, with text after it on its page
 * (a page number is its page's first or last line).
 */
function markerAlone(lines: SourceLine[], k: number, n: string): ReturnType<typeof markerAt> {
  const line = lines[k] as SourceLine;
  if (line.raw.trim() !== n) return null;
  const before = lines
    .slice(0, k)
    .reverse()
    .find((l) => l.raw.trim() !== "");
  const after = lines.slice(k + 1).find((l) => l.raw.trim() !== "");
  if (!before || before.page !== line.page || !/[A-Za-z)]\s*$/.test(before.raw)) return null;
  if (!after || after.page !== line.page) return null;
  return { index: 0, length: line.raw.length, glued: false };
}

/**
 * Rewrite plain-digit notes and their markers as superscripts (see above). A note must stand at
 * its page's foot, and at least half its page's notes must have a marker above them (on the
 * page, or the page before), or nothing on the page is touched. A text whose page breaks were
 * dropped has its pages cut at each running header where every page opens with one (PyMuPDF,
 * pypdf); otherwise after each run of notes, and there only a number glued to a word
 * ("Good20", "Offence types10") counts as a marker. A table row read into cells (markdown) has
 * its marker rewritten in its cell too.
 */
export function plainDigitFootnotes(source: SourceLine[]): SourceLine[] {
  const pagesMarked = source.some((l) => l.page !== null && l.page > 1);
  const headed = pagesMarked ? [] : pagesByRunningHeader(source);
  const paged = pagesMarked || headed.length > 0;
  const pages = pagesMarked ? byPage(source) : paged ? headed : pagesEndingInNotes(source);
  if (pages.length === 0) return source;
  const text = new Map<SourceLine, string>();
  // (A note's first line, and the last of its wrapped lines joined into it.)
  const through = new Map<SourceLine, number>();
  const markedWith = new Map<SourceLine, string[]>();
  let previous: SourceLine[] = [];
  let lastNumber = 0;
  for (const page of pages) {
    const notes = pageNotes(page, pagesMarked, lastNumber);
    const firstNote = notes[0]?.lines[0];
    // A note may be set at the foot of the page after its marker's (its table ran on).
    const above = firstNote ? [...previous, ...page.filter((l) => l.line < firstNote.line)] : [];
    previous = firstNote ? page.filter((l) => l.line < firstNote.line) : page;
    if (!firstNote) continue;
    // Each note's markers (a note may be cited twice): glued to a word where there are such,
    // else spaced at a cell's end or alone after a wrapped label.
    type Found = { line: SourceLine; index: number; length: number; glued: boolean; spaceAfter?: boolean };
    const markers = notes.map((note) => {
      const found: Found[] = [];
      // (A note whose number stands alone is one only where its marker is in the text: a count
      // table's last count, alone before the prose after the table, looks the same.)
      const numberAlone = !NOTE_START.test((note.lines[0] as SourceLine).raw);
      for (const [k, line] of above.entries()) {
        const raw = text.get(line) ?? line.raw;
        const m = markerAt(raw, note.number) ?? (numberAlone ? null : markerAlone(above, k, note.number));
        if (m && !m.glued && rowsFirstCount(raw, m.index, writtenAfter(above, k, 2))) continue;
        if (m) found.push({ line, ...m });
      }
      // (Else, pypdf's: the marker a space after its label, glued to the row's figure, "(FTE)
      // 178.6" for note 17 and 8.6. Only on one line: a figure may open with any number.)
      if (found.length === 0 && paged) {
        const onFigure = markerOnOneFigure(above, text, note.number, false);
        if (onFigure) found.push(onFigure);
      }
      const glued = found.filter((f) => f.glued);
      // Without the pages' own breaks, only a number glued to a word is sure to be a marker
      // ("... child? 3 2" is a row's counts, "3 Outstanding" a scoring table's row).
      return glued.length > 0 || !paged ? glued : found;
    });
    // A number the page's notes pass over (12, then 14: note 13 printed elsewhere, or lost) is
    // a note's too: where its marker is glued to the one figure of a row whose label closes on a
    // bracket, and only there, it is no part of the figure ("(FTE) 1310": note 13 and 10, pypdf).
    // (Not in prose: "... a binary rate of 34.2" may be note 3 and 4.2 only by its numbers.)
    const skipped: (Found & { number: string })[] = [];
    if (paged)
      for (const [k, note] of notes.entries()) {
        const before = k === 0 ? lastNumber : Number((notes[k - 1] as Note).number);
        if (before === 0 || Number(note.number) - before !== 2) continue;
        const number = String(before + 1);
        const onFigure = markerOnOneFigure(above, text, number, true);
        if (onFigure) skipped.push({ ...onFigure, number });
      }
    // (A note that is a web address alone needs none: nothing else looks so.)
    const marked = markers.filter(
      (m, k) => m.length > 0 || LINK_ONLY_NOTE.test(((notes[k] as Note).lines[0] as SourceLine).raw),
    );
    if (marked.length * 2 < notes.length) continue;
    // Notes are numbered through the report: a number no higher than an earlier page's note is
    // no note's ("13" / "8" / "8" / the note's words: a row's counts after note 13's number).
    if (Number((notes[0] as Note).number) <= lastNumber) continue;
    lastNumber = Number((notes[notes.length - 1] as Note).number);
    notes.forEach((note, k) => {
      const first = note.lines[0] as SourceLine;
      // A note wrapped over lines is one note: its next lines, until its text ends, join its
      // first (and read as nothing where they stand, not as the page's text). (Text after an
      // ended note stays where it is: a browser's notes stand amid the page's text. Not a line
      // that no text starts so: the address after "... can be found here:", the rest of a
      // note that stopped on a quote, "... 'Requires improvement'" / "= 1; 'Good' = 2; ...".)
      // (But a page's last note's one sentence more, alone between it and the page's number, is
      // the note's: "14 Data supplied by YJS, ... announcement." / "This may be inaccurate." / "28".
      // Only on pages the text marks: without them, where a page ends is read from its notes.)
      let whole = first.raw.trimEnd();
      const rest = note.lines.slice(1);
      // (Its number alone on its line, PyMuPDF's, the note's words start on the next.)
      const words = /^\s*\d{1,3}\s*$/.test(first.raw) ? rest.slice(1) : rest;
      const sentenceMore =
        paged &&
        k === notes.length - 1 &&
        words.length === 1 &&
        NOTE_SENTENCE.test((words[0] as SourceLine).raw);
      for (const l of rest) {
        if (NOTE_END.test(whole) && !NOTE_GOES_ON.test(l.raw) && !sentenceMore) break;
        whole = joinWrapped(whole, l.raw.trim());
        text.set(l, "");
        through.set(first, l.line);
      }
      text.set(
        first,
        // (A number glued to the note's words, pypdf's, is set off from them as a raised one is.)
        whole.replace(/^(\s*)(\d{1,3})(\S?)/, (_m, s: string, d: string, next: string) =>
          next ? `${s}${superscript(d)} ${next}` : `${s}${superscript(d)}`,
        ),
      );
      for (const m of markers[k] ?? []) raiseMarker(m, note.number, text, markedWith);
    });
    for (const m of skipped) raiseMarker(m, m.number, text, markedWith);
  }
  if (text.size === 0) return source;
  return source.map((l) => {
    if (!text.has(l)) return l;
    // A table row read into cells (markdown): the marker is rewritten in the cell that has it.
    const cells = l.cells && markedWith.has(l) ? cellsMarked(l.cells, markedWith.get(l) ?? []) : l.cells;
    const joined = through.has(l) ? { through: through.get(l) } : {};
    return cells ? { ...l, text: text.get(l), cells, ...joined } : { ...l, text: text.get(l), ...joined };
  });
}

function cellsMarked(cells: string[], numbers: string[]): string[] {
  const out = [...cells];
  for (const n of numbers) {
    const k = out.findIndex((cell) => markerAt(cell, n) !== null);
    const m = k >= 0 ? markerAt(out[k] as string, n) : null;
    if (m)
      out[k] =
        `${(out[k] as string).slice(0, m.index)}${superscript(n)}${(out[k] as string).slice(m.index + m.length)}`;
  }
  return out;
}

/** The most lines a page holds on average, header to header (a page of cells a line each: 40-95). */
const HEADED_PAGE_LINES = 120;
/** The fewest headers that make pages (a short report has ten pages or more; a converter may keep a few). */
const HEADED_PAGES = 6;

/**
 * A text without page marks whose pages each open with the report's running header, as PyMuPDF
 * and pypdf write a PDF's pages one after another: each header starts a page (the lines before
 * the first are a page too). Only where headers come as often as pages do (six at least, 120
 * lines or fewer written between them on average; a word processor's PDF may print its
 * header on every other page): a converter that kept a few headers of a long text leaves
 * stretches of many pages, whose last lines are no page's foot (a scoring table's "3
 * Outstanding" is no note). Otherwise no pages.
 */
export function pagesByRunningHeader(source: SourceLine[]): SourceLine[][] {
  // (Every text without page marks is asked: a look at each line's first character, and the
  // pages built only where the headers are enough.)
  const heads = new Set<SourceLine>();
  let written = 0;
  for (const l of source) {
    const raw = l.raw;
    let k = 0;
    while (raw.charCodeAt(k) === 32 || raw.charCodeAt(k) === 9) k++;
    if (k === raw.length) continue;
    written++;
    if (mayOpenRunningHeader(raw.charCodeAt(k)) && isRunningHeader(raw.trim())) heads.add(l);
  }
  if (heads.size < HEADED_PAGES || written > HEADED_PAGE_LINES * (heads.size + 1)) return [];
  const pages: SourceLine[][] = [[]];
  for (const l of source) {
    if (heads.has(l)) pages.push([]);
    (pages[pages.length - 1] as SourceLine[]).push(l);
  }
  return pages;
}

/** The marker `m` of note `number` raised in its line's text (`text`, the lines rewritten so far). */
function raiseMarker(
  m: { line: SourceLine; index: number; length: number; spaceAfter?: boolean },
  number: string,
  text: Map<SourceLine, string>,
  markedWith: Map<SourceLine, string[]>,
): void {
  const raw = text.get(m.line) ?? m.line.raw;
  text.set(
    m.line,
    `${raw.slice(0, m.index)}${superscript(number)}${m.spaceAfter ? " " : ""}${raw.slice(m.index + m.length)}`,
  );
  markedWith.set(m.line, [...(markedWith.get(m.line) ?? []), number]);
}

function byPage(source: SourceLine[]): SourceLine[][] {
  const pages = new Map<number, SourceLine[]>();
  for (const l of source) if (l.page !== null) pages.set(l.page, [...(pages.get(l.page) ?? []), l]);
  return [...pages.values()];
}

/**
 * A text without its page breaks (a converter that dropped them) still has its notes where each
 * page ended: a run of notes numbered one after another. Each such run closes a page, and the
 * notes are then looked for as at a printed page's foot (their markers above them, on the page
 * or the one before). No run, no pages.
 */
function pagesEndingInNotes(source: SourceLine[]): SourceLine[][] {
  // A converter that kept one note's number raised kept them all: such a text is done with.
  if (source.some((l) => NOTE_MARKED_RAISED.test(l.raw))) return [];
  // A run must open with a note whose number some word carries glued.
  const opening = new Set<string>();
  for (const l of source) {
    const c = l.raw.charCodeAt(0);
    if ((c >= 48 && c <= 57) || c === 32) {
      const m = l.raw.match(NOTE_START);
      if (m && Number(m[1]) > 0) opening.add(m[1] as string);
    }
  }
  if (opening.size === 0) return [];
  const glued = new Set<string>();
  for (const m of source
    .map((l) => l.raw)
    .join("\n")
    .matchAll(GLUED_NUMBER))
    if (opening.has(m[1] as string)) glued.add(m[1] as string);
  if (glued.size === 0) return [];
  const pages: SourceLine[][] = [];
  let start = 0;
  let i = 0;
  while (i < source.length) {
    const first = (source[i] as SourceLine).raw.match(NOTE_START);
    if (!first || !glued.has(first[1] as string)) {
      i++;
      continue;
    }
    // The run: each next note numbered one or two on, its wrapped lines until its text ends.
    let last = Number(first[1]);
    let end = i;
    let j = i + 1;
    let noteText = (source[i] as SourceLine).raw;
    while (j < source.length) {
      const raw = (source[j] as SourceLine).raw;
      const m = raw.match(NOTE_START);
      if (raw.trim() === "") j++;
      else if (m && (Number(m[1]) === last + 1 || Number(m[1]) === last + 2)) {
        last = Number(m[1]);
        noteText = raw;
        end = j++;
      } else if (!m && !NOTE_END.test(noteText) && j - end <= 2 && !/\S\s{3,}\S/.test(raw.trim())) {
        noteText = raw;
        end = j++;
      } else break;
    }
    pages.push(source.slice(start, end + 1));
    start = end + 1;
    i = end + 1;
  }
  if (pages.length === 0) return [];
  pages.push(source.slice(start));
  return pages;
}

/** The next line, straight after a footnote's last (no blank line between), where the note's sentence runs on. */
export function noteRunsOn(text: string, end: number, next: Line): boolean {
  return next.line === end + 1 && next.cells.length === 1 && noteSentenceGoesOn(text, next.flat);
}
