// Footnote markers printed as plain digits. pdftotext and other text extractors print a
// superscript marker as an ordinary digit ("Reoffending rate for Kirklees 7", "Caseload
// information9") and the note at the page's foot as "7 Ministry of Justice. (2021). ...".
// Read as they stand, the notes become contextual facts ("7 | Ministry of Justice ...") and the
// markers part of labels and questions. Where a page ends in notes numbered one after another
// whose numbers the page's text carries as markers, both are rewritten as superscripts in the
// text the line cleaner reads (each line's raw text, its provenance, stays as written); the
// cleaner then takes them as it takes any superscript marker.
import type { SourceLine } from "./normalise.js";
import { MONTH_WORD, PAGE_JOINER } from "./text.js";

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const superscript = (digits: string) => [...digits].map((d) => SUPERSCRIPT[Number(d)]).join("");

/**
 * "7 Ministry of Justice. ...": a number, then a note's first word (not a figure, not "(65%)",
 * not a month: "15 March 2022. Managers reported ..." is a paragraph).
 */
const NOTE_START = new RegExp(`^\\s{0,8}(\\d{1,3})\\s{1,2}(?=[A-Z*"'‘“])(?!\\S*\\s{3})(?!${MONTH_WORD}\\b)`);
/**
 * How a note ends: a full stop, a closing bracket or quote, markdown's emphasis, a link, or the
 * colon before a link the converter dropped ("... are available here:").
 */
const NOTE_END = /[.)*"'’”:]\s*$|https?:\/\/|www\./;

/** A page number ("12", "Page 12 of 40") or pdf-parse's line between pages ("-- 12 of 40 --"). */
const isPageNumber = (raw: string) =>
  /^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$/i.test(raw) || PAGE_JOINER.test(raw);

interface Note {
  number: string;
  lines: SourceLine[];
}

/** The notes a page ends in: numbers one after another, each note's text ending as notes do. */
function pageNotes(page: SourceLine[]): Note[] {
  const body = page.filter((l) => l.raw.trim() !== "");
  let end = body.length;
  while (end > 0 && isPageNumber((body[end - 1] as SourceLine).raw)) end--;
  // From each possible first note, the rest of the page must be notes (starts or their wrapped lines).
  for (let start = Math.max(0, end - 40); start < end; start++) {
    const first = (body[start] as SourceLine).raw.match(NOTE_START);
    // Notes are numbered from 1: "0 Total current caseload on licence" is a table's row.
    if (!first || Number(first[1]) === 0) continue;
    const notes: Note[] = [];
    let ok = true;
    for (let i = start; i < end && ok; i++) {
      const line = body[i] as SourceLine;
      const m = line.raw.match(NOTE_START);
      // The next number, or one after it (a note whose marker the converter wrote otherwise).
      const last = notes.length === 0 ? null : Number((notes[notes.length - 1] as Note).number);
      const gap = m ? Number(m[1]) - (last ?? 0) : 0;
      if (m && (last === null || gap === 1 || gap === 2))
        notes.push({ number: m[1] as string, lines: [line] });
      else if (m)
        ok = false; // out of sequence: these are not the page's notes
      else if (/\S\s{3,}\S/.test(line.raw.trim()) || /^\s*[\d.,%]+\s*$/.test(line.raw))
        ok = false; // a table row or a figure, not a note's text
      else (notes[notes.length - 1] as Note).lines.push(line);
    }
    if (ok && notes.every((n) => NOTE_END.test(n.lines.map((l) => l.raw).join(" ")))) return notes;
  }
  return [];
}

/** Where `n` stands as a marker in `raw`: glued to a word, or spaced at the end of a cell or line. */
function markerAt(raw: string, n: string): { index: number; length: number; glued: boolean } | null {
  const glued = new RegExp(`(?<=[A-Za-z)?:’'”"])${n}(?![\\d,.%/])`).exec(raw);
  if (glued) return { index: glued.index, length: n.length, glued: true };
  // (Or, a single space for the column gap, before the row's one figure: "(FTE) 17 8.6".)
  const spaced = new RegExp(`(?<=[A-Za-z)?:’'”"]) ${n}(?=\\s{2,}|\\t|\\s*$| [\\d.,]+%?\\s*$)`).exec(raw);
  if (spaced) return { index: spaced.index, length: n.length + 1, glued: false };
  return null;
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
 * Rewrite plain-digit notes and their markers as superscripts (see above). Only pages (form
 * feeds) are looked at: a note must stand at its page's foot, and at least half its page's
 * notes must have a marker above them (on the page, or the page before), or nothing on the
 * page is touched.
 */
export function plainDigitFootnotes(source: SourceLine[]): SourceLine[] {
  if (!source.some((l) => l.page !== null && l.page > 1)) return source;
  const text = new Map<SourceLine, string>();
  const pages = new Map<number, SourceLine[]>();
  for (const l of source) if (l.page !== null) pages.set(l.page, [...(pages.get(l.page) ?? []), l]);
  let previous: SourceLine[] = [];
  for (const page of pages.values()) {
    const notes = pageNotes(page);
    const firstNote = notes[0]?.lines[0];
    // A note may be set at the foot of the page after its marker's (its table ran on).
    const above = firstNote ? [...previous, ...page.filter((l) => l.line < firstNote.line)] : [];
    previous = firstNote ? page.filter((l) => l.line < firstNote.line) : page;
    if (!firstNote) continue;
    // Each note's markers (a note may be cited twice): glued to a word where there are such,
    // else spaced at a cell's end or alone after a wrapped label.
    type Found = { line: SourceLine; index: number; length: number; glued: boolean };
    const markers = notes.map((note) => {
      const found: Found[] = [];
      for (const [k, line] of above.entries()) {
        const m = markerAt(text.get(line) ?? line.raw, note.number) ?? markerAlone(above, k, note.number);
        if (m) found.push({ line, ...m });
      }
      const glued = found.filter((f) => f.glued);
      return glued.length > 0 ? glued : found;
    });
    if (markers.filter((m) => m.length > 0).length * 2 < notes.length) continue;
    notes.forEach((note, k) => {
      const first = note.lines[0] as SourceLine;
      text.set(
        first,
        first.raw.replace(/^(\s*)(\d{1,3})/, (_m, s: string, d: string) => `${s}${superscript(d)}`),
      );
      for (const m of markers[k] ?? []) {
        const raw = text.get(m.line) ?? m.line.raw;
        text.set(
          m.line,
          `${raw.slice(0, m.index)}${superscript(note.number)}${raw.slice(m.index + m.length)}`,
        );
      }
    });
  }
  if (text.size === 0) return source;
  return source.map((l) => (text.has(l) ? { ...l, text: text.get(l) } : l));
}
