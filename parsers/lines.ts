// The normalised line stream every section parser reads. Each line keeps the original line
// number, page and text, so that any value read from it carries its provenance.
import type { Provenance, ReportWarning } from "../schemas/report.js";

export interface Line {
  /** Position in the normalised stream (non-blank, non-furniture lines only). */
  index: number;
  /** 1-based line number in the source (for PDF: in the extracted text). */
  line: number;
  page: number | null;
  /** The line as written in the source. */
  raw: string;
  /** Cleaned cells (split on tabs / column gaps), empty cells dropped. */
  cells: string[];
  /** Cells joined by single spaces: the line as prose. */
  flat: string;
  /** Footnote markers printed on the line (superscripts), in order. */
  markers: string[];
  /**
   * The last source line it took, where it took more than its own: a footnote marker wrapped onto
   * a line of its own below it, a note's run-on lines, the lines of a row put back together.
   */
  through?: number;
  /**
   * The later lines of cells wrapped onto them in layout text ("69   court disposals" /
   * "(65%)"), for the snippet only: `raw` stays the row's first line, whose columns later
   * stages read.
   */
  wrappedRaw?: string;
}

/** The line as written with the lines its wrapped cells took: what its provenance shows. */
const shownRaw = (l: Line): string => (l.wrappedRaw ? `${l.raw.trimEnd()}\n${l.wrappedRaw}` : l.raw);

/** The last source line of `l`: its own, or the last of the lines it took (`through`). */
export const lastLineOf = (l: Line): number => l.through ?? l.line;

export interface Footnote {
  marker: string;
  text: string;
  line: Line;
}

export interface NormalisedDocument {
  lines: Line[];
  footnotes: Footnote[];
  /** Lines dropped as page furniture (running headers, page numbers). */
  furniture: Line[];
  /** What normalising noticed it could not put right (figures it could not place). */
  warnings?: ReportWarning[];
}

const SNIPPET_MAX = 400;
/** What a focus leads to, which the snippet must hold too: the service's name and its rating after "Overall,". */
const AFTER_FOCUS = 120;

/**
 * Where a value was read: its line, page and text, cut to SNIPPET_MAX characters. A value read
 * from late in a long paragraph (the foreword's "Overall, X was rated as 'Good'" after 500
 * characters) gives its words as `focus`, and the snippet is the stretch around them.
 */
export function provenanceOf(line: Line, focus?: string): Provenance {
  const raw = shownRaw(line).trim();
  if (raw.length <= SNIPPET_MAX) return { line: line.line, page: line.page, snippet: raw };
  let at = focus ? raw.indexOf(focus) : -1;
  if (focus && at < 0) at = raw.toLowerCase().indexOf(focus.toLowerCase());
  if (at < 0 || at + (focus?.length ?? 0) + AFTER_FOCUS <= SNIPPET_MAX)
    return { line: line.line, page: line.page, snippet: `${raw.slice(0, SNIPPET_MAX)}…` };
  // From a word's start some way before the focus, as much as fits.
  let from = Math.min(Math.max(0, at - 80), raw.length - SNIPPET_MAX);
  if (raw[from - 1] !== " ") from = raw.indexOf(" ", from) + 1;
  const to = from + SNIPPET_MAX;
  return {
    line: line.line,
    page: line.page,
    snippet: `${from > 0 ? "…" : ""}${raw.slice(from, to)}${to < raw.length ? "…" : ""}`,
  };
}

/**
 * Where a value read from several lines was read: `first` through `lines[last]`, their text
 * joined, so that the snippet prints the value whatever line it stood on (a question wrapped
 * with its figure below, "Requires" / "improvement", "Fieldwork started:" / "July 2019").
 */
export function provenanceThrough(lines: Line[], first: Line, last: number): Provenance {
  let from = last;
  while (from > 0 && lines[from] !== first && last - from < 12) from--;
  if (lines[from] !== first || from === last) return provenanceOf(first);
  return provenanceOf(lineOfParts(first, lines.slice(from, last + 1), first.cells, " "));
}

/**
 * A row put together from the source lines it was written on (`parts`), in `first`'s place: the
 * cells given, its raw text the parts' lines joined by `separator` (so that its provenance shows
 * every line it was read from), the parts' footnote markers.
 */
export function lineOfParts(first: Line, parts: Line[], cells: string[], separator = "\t"): Line {
  return {
    ...first,
    cells,
    flat: cells.join(" "),
    raw: parts.map((l) => shownRaw(l).trim()).join(separator),
    markers: parts.flatMap((l) => l.markers),
    through: Math.max(...parts.map(lastLineOf)),
  };
}

/** The end of a sentence or a lead-in: what a line whose text runs on into the next does not end with. */
export const SENTENCE_END = /[.:;!?]\s*$/;

/** Whether `line` ends a sentence or a lead-in (so the line after it begins something new). */
export function endsSentence(line: Line | undefined): boolean {
  return line !== undefined && SENTENCE_END.test(line.flat);
}

/** `line` read on into `next`, a sentence a converter left on two lines: its provenance both. */
export function withNextLine(line: Line, next: Line): Line {
  return lineOfParts(line, [line, next], [...line.cells, ...next.cells], " ");
}

/** Lower-case letters only: for matching text whose spacing or punctuation extraction damaged. */
export function letters(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, "");
}

/**
 * Index in `text` just after the characters that spell `want` (lower-case letters, as letters()
 * gives them) letter by letter, ignoring case, spaces, tabs and punctuation in `text`; -1 when
 * `text` does not start with them.
 */
export function afterLetters(text: string, want: string): number {
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    if (k === want.length) return i;
    const ch = text[i]?.toLowerCase() ?? "";
    if (ch >= "a" && ch <= "z") {
      if (ch !== want[k]) return -1;
      k++;
    } else if (/[0-9]/.test(ch)) {
      return -1;
    }
  }
  return k === want.length ? text.length : -1;
}
