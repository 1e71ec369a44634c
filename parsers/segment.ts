// segment: find where the parts of a report are (contents, ratings table, recommendations,
// contextual facts, standard sections, annexes) in the normalised line stream.
import { FACTS_SECTION_HEADING, FACTS_SUBHEADING_LINE } from "./facts.js";
import {
  ALL_STANDARD_DEFINITIONS,
  type StandardDefinition,
  lettersOfName,
  spellsStandardName,
} from "./framework.js";
import { type Line, afterLetters, lastLineOf, letters } from "./lines.js";
import { ratingAtEnd, ratingAtStart, ratingOnly } from "./text.js";

export interface StandardHeading {
  id: string;
  definition: StandardDefinition;
  /** Text after the standard's name on the heading line. */
  rest: string;
  line: Line;
}

/**
 * A line that names a standard: "2.1 Assessment", "2.2.\tPlanning\tGood", "2. 4. Reviewing
 * (court disposals)", "3.4 Out-of-court disposal policy and provi\tsion Inadequate", "2.1: Assessment",
 * "1.3 Partnerships & services".
 */
const headingCache = new WeakMap<Line, StandardHeading | null>();

/** A standard's number and what follows it: "2.1 Assessment", "2.1. Assessment", "2.1: Assessment", "2.1Assessment" (a lost space). */
const STANDARD_NUMBER = /^([1-4])\s?\.\s?([1-4])\s?[.:]?\s*(.*)$/;

const STANDARD_DIGIT_AND_POINT = /^[1-4]\s?\./;

export function standardHeading(line: Line): StandardHeading | null {
  // Only a line that starts with a standard's number ("2.1", "2 .1") or with "Standards and key
  // questions" can be one: most lines are turned away before the cache (a far slower lookup).
  const first = line.flat.charCodeAt(0);
  if (first >= 49 && first <= 52) {
    if (!STANDARD_DIGIT_AND_POINT.test(line.flat)) return null;
  } else if (first !== 83 || !line.flat.startsWith("Standards and key questions")) return null;
  const cached = headingCache.get(line);
  if (cached !== undefined) return cached;
  const found = findStandardHeading(line);
  headingCache.set(line, found);
  return found;
}

function findStandardHeading(line: Line): StandardHeading | null {
  if (!/^(?:Standards and key questions\s+)?[1-4]\s?\./.test(line.flat)) return null;
  const flat = line.flat.replace(/^Standards and key questions\s+/i, "");
  const m = flat.match(STANDARD_NUMBER);
  if (!m) return null;
  const id = `${m[1]}.${m[2]}`;
  // "Partnerships & services" spells "Partnerships and services".
  const after = m[3] as string;
  const tail = after.includes("&") ? after.replace(/\s*&\s*/g, " and ") : after;
  const candidates = ALL_STANDARD_DEFINITIONS.filter((d) => d.id === id);
  let best: StandardHeading | null = null;
  for (const def of candidates) {
    for (const name of [def.name, ...def.aliases]) {
      const end = afterLetters(tail, lettersOfName(name));
      if (end < 0) continue;
      // The longest name wins ("Resettlement policy and provision" over "Resettlement").
      if (best && lettersOfName(best.definition.name).length >= lettersOfName(name).length) continue;
      best = { id, definition: def, rest: tail.slice(end).trim(), line };
    }
  }
  return best;
}

/**
 * A standard's row whose name wrapped in its cell, each piece on a line of its own as converters
 * that print a table cell's lines one after another write it (pdf-parse's getText: "1.1
 * Governance and" / "leadership" / "Requires" / "improvement"): the name's lines joined, so that
 * the row names its standard (the rating after it is read as a wrapped rating is). Only where
 * the first line starts the standard's name and the next one or two complete it exactly.
 */
export function joinWrappedStandardNames(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const first = line.flat.charCodeAt(0);
    // (The number a cell of its own or not: "3.4 | Out-of-court disposal policy and" / "provision".)
    const row =
      line.cells.length === 1 || (line.cells.length === 2 && /^\d\.\d\.?$/.test(line.cells[0] as string));
    const joined = first >= 49 && first <= 52 && row ? wrappedName(lines, i) : null;
    if (!joined) {
      out.push(line.index === out.length ? line : { ...line, index: out.length });
      continue;
    }
    const parts = lines.slice(i, i + joined.lines);
    // (The name's last line may carry the rating's cell after it, kept a cell of its own:
    // "2.3. Implementation and" / "delivery | Good"; its rating wrapped too, "1.1 Governance and" /
    // "leadership | Requires" / "improvement".)
    const named = parts.slice(0, joined.nameLines);
    const last = named[named.length - 1] as Line;
    const rating = joined.rating === null ? [] : [joined.rating];
    const name = named
      .map((l) => (l === last && rating.length > 0 ? (l.cells[0] as string) : l.flat))
      .join(" ");
    const flat = [name, ...rating].join(" ");
    out.push({
      ...line,
      index: out.length,
      cells: [name, ...rating],
      flat,
      raw: parts.map((l) => l.raw.trim()).join(" "),
      markers: parts.flatMap((l) => l.markers),
      through: Math.max(...parts.map(lastLineOf)),
    });
    i += joined.lines - 1;
  }
  return out;
}

/**
 * A ratings table whose rows lost their standards' numbers ("Governance and leadership  Requires
 * improvement"), as a converter that drops the table's narrow first column writes it: each row
 * below the "Overall rating" row that names a standard and states a rating gets the standard's
 * number back, the names taken in the framework's order (the first "Assessment" after domain one
 * is 2.1, the next 3.1; a row that kept its number moves the count on). Only where four rows at
 * least lost theirs.
 */
export function numberRatingsRows(lines: Line[]): Line[] {
  const overall = lines.findIndex((l, i) => i < 800 && isOverallRatingLine(l));
  if (overall < 0) return lines;
  const found: { index: number; def: StandardDefinition }[] = [];
  let next = 0;
  for (let i = overall + 1, gap = 0; i < lines.length && gap <= 6; i++) {
    const line = lines[i] as Line;
    const numbered = standardHeading(line);
    if (numbered) {
      // A row that kept its number: the names after it come after it in the framework.
      const k = ALL_STANDARD_DEFINITIONS.findIndex((d) => d.id === numbered.id);
      if (k >= next) next = k + 1;
      gap = 0;
      continue;
    }
    const named = line.flat.length < 120 ? ratingAtEnd(line.flat) : null;
    const at = named
      ? ALL_STANDARD_DEFINITIONS.findIndex((d, k) => k >= next && spellsStandardName(d, named.before))
      : -1;
    if (at < 0) {
      gap++;
      continue;
    }
    found.push({ index: i, def: ALL_STANDARD_DEFINITIONS[at] as StandardDefinition });
    next = at + 1;
    gap = 0;
  }
  if (found.length < 4) return lines;
  const out = [...lines];
  for (const { index, def } of found) {
    const line = lines[index] as Line;
    out[index] = { ...line, cells: [def.id, ...line.cells], flat: `${def.id} ${line.flat}` };
  }
  return out;
}

/**
 * How many lines from `i` spell a standard's number and whole name (2 or 3), the rating's cell
 * beside the name's last words (and its wrapped end, a line more), or null.
 */
function wrappedName(
  lines: Line[],
  i: number,
): { lines: number; nameLines: number; rating: string | null } | null {
  const line = lines[i] as Line;
  const m = line.flat.match(STANDARD_NUMBER);
  if (!m || !m[3] || standardHeading(line)) return null;
  const id = `${m[1]}.${m[2]}`;
  const start = letters(m[3] as string);
  for (const def of ALL_STANDARD_DEFINITIONS.filter((d) => d.id === id)) {
    for (const name of [def.name, ...def.aliases]) {
      const whole = lettersOfName(name);
      if (!whole.startsWith(start) || whole === start) continue;
      let text = m[3] as string;
      for (let k = 1; k <= 2 && i + k < lines.length; k++) {
        const next = lines[i + k] as Line;
        // (A line of the name alone, or its last words and the rating's cell: "delivery | Good",
        // "leadership | Requires" / "improvement".)
        const rating = next.cells.length === 2 ? ratingCell(lines, i + k) : null;
        if ((next.cells.length !== 1 && !rating) || next.line - (lines[i + k - 1] as Line).line > 1) break;
        text = `${text} ${rating ? next.cells[0] : next.flat}`;
        const spelled = letters(text);
        if (spelled === whole)
          return { lines: k + 1 + (rating?.wrapped ? 1 : 0), nameLines: k + 1, rating: rating?.text ?? null };
        if (rating || !whole.startsWith(spelled)) break;
      }
    }
  }
  return null;
}

/** A ratings row's first line, its standard's name cut by a wrap: "1.3 Partnerships and". */
const WRAPPED_ROW_START = /^[1-4]\.[1-4]\.?\s+[A-Z][a-z]+(?: [a-z]+)*$/;

/**
 * The rating in the second cell of `lines[j]`, whole ("Good") or wrapped onto the next line alone
 * ("Requires" / "improvement"); null if none.
 */
function ratingCell(lines: Line[], j: number): { text: string; wrapped: boolean } | null {
  const cell = (lines[j] as Line).cells[1] as string;
  if (ratingOnly(cell)) return { text: cell, wrapped: false };
  const next = lines[j + 1];
  if (!next || next.cells.length !== 1 || next.line - (lines[j] as Line).line > 1) return null;
  const text = `${cell} ${next.flat}`;
  return ratingOnly(text) ? { text, wrapped: true } : null;
}

export interface Segments {
  /** First line after the table of contents. */
  contentsEnd: number;
  ratingsStart: number | null;
  ratingsEnd: number | null;
  overallLine: number | null;
  /** Start of the first annex (methodology / inspection data / glossary), or the end. */
  annexStart: number;
  annexes: { title: string; start: number; end: number }[];
  /** Body sections of each standard (first heading after the ratings table). */
  sections: Map<string, { heading: StandardHeading; start: number; end: number }>;
  recommendationsStart: number | null;
  contextualFactsStart: number | null;
  contextualFactsEnd: number | null;
}

/** The ratings table's heading: "Ratings", "Summary of ratings". */
export const RATINGS_HEADING = /^(?:summary of )?ratings$/i;
const OVERALL_RATING = /^overa\w{0,4}rating/i;
// "Annexe 2: Inspection data", "Annex 1 – Methodology", "Appendix A: Inspection results"
const ANNEX_HEADING = /^(?:Annexe?|Appendix)\s*(?:\d+|[A-H]\b)\s*[:–\-—.]?\s*(.*)$/i;
/** A domain's heading: "1. Organisational delivery", "Domain two: Court disposals". */
export const DOMAIN_TITLE = String.raw`(?:\d\.\s*|Domain (?:one|two|three|four)\s*:\s*)(Organisational delivery|Court disposals|Out[- ]of[- ]court disposals|Resettlement)`;
const DOMAIN_HEADING = new RegExp(String.raw`^${DOMAIN_TITLE}\b`, "i");
/** A line that is a domain's heading alone ("Domain three: Out-of-court disposals"), no sentence opening with one. */
export const isDomainHeading = (line: Line) => line.flat.length < 60 && DOMAIN_HEADING.test(line.flat);

export function isOverallRatingLine(line: Line): boolean {
  return (
    line.flat.length < 80 && /^over/i.test(line.flat) && OVERALL_RATING.test(line.flat.replace(/\s+/g, ""))
  );
}

function findContentsEnd(lines: Line[]): number {
  const start = lines.findIndex((l, i) => i < 200 && /^contents$/i.test(l.flat));
  if (start < 0) return 0;
  let i = start + 1;
  // Contents entries are short; the first long line is the report's prose again.
  while (i < lines.length && (lines[i] as Line).flat.length <= 90) i++;
  // The heading just above that prose ("Foreword", "Acknowledgements") belongs to the body.
  return Math.max(start + 1, i - 1);
}

/**
 * The ratings table's standard rows when its "Overall rating" row is missing or illegible: the
 * first run of at least eight standard rows that state a rating, each within six lines of the
 * last (section headings that state a rating, as in 2019, stand pages apart).
 */
function standardRowsRun(lines: Line[], from: number, to: number): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = from; i < to; i++) {
    const heading = standardHeading(lines[i] as Line);
    if (!heading || !(ratingAtStart(heading.rest) ?? ratingAtEnd(heading.rest))) continue;
    if (count > 0 && i - last <= 6) {
      last = i;
      count++;
      continue;
    }
    if (count >= 8) break;
    first = i;
    last = i;
    count = 1;
  }
  return count >= 8 ? { first, last } : null;
}

export function segment(lines: Line[]): Segments {
  const contentsEnd = findContentsEnd(lines);
  let overallLine: number | null = null;
  for (let i = contentsEnd; i < lines.length; i++) {
    if (isOverallRatingLine(lines[i] as Line)) {
      overallLine = i;
      break;
    }
  }

  const annexes: Segments["annexes"] = [];
  for (let i = contentsEnd; i < lines.length; i++) {
    const line = lines[i] as Line;
    const m = line.flat.match(ANNEX_HEADING);
    // Not a sentence that names an annex ("Annexe 1 for a more detailed explanation.", a
    // wrapped footnote's second line), nor an entry of the contents, its page number after it
    // (after a tab, spaces or leader dots).
    if (m && line.flat.length < 80 && !/(?:\s|\.\.)\d{1,3}$/.test(line.flat) && !/^[a-z]/.test(m[1] ?? "")) {
      annexes.push({ title: (m[1] ?? "").trim(), start: i, end: lines.length });
    }
  }
  for (let k = 0; k < annexes.length - 1; k++)
    (annexes[k] as { end: number }).end = (annexes[k + 1] as { start: number }).start;
  const annexStart = annexes[0]?.start ?? lines.length;

  let ratingsStart: number | null = null;
  let ratingsEnd: number | null = null;
  // Where the table is read from: its "Overall rating" row, or else its first standard row.
  const anchor = overallLine ?? standardRowsRun(lines, contentsEnd, annexStart)?.first ?? null;
  if (anchor !== null) {
    // Standard rows above the "Overall rating" row (a table that prints it last): the table
    // starts above them.
    let top = anchor;
    for (let i = anchor - 1; i >= contentsEnd && i >= top - 3; i--) {
      const line = lines[i] as Line;
      if (standardHeading(line) || DOMAIN_HEADING.test(line.flat)) top = i;
    }
    ratingsStart = top;
    for (let i = top - 1; i >= Math.max(contentsEnd, top - 12); i--) {
      const flat = (lines[i] as Line).flat;
      // (Up to prose. A row of cells is the table's heading however long the service's name:
      // "Hammersmith and Fulham, Kensington and Chelsea, and Westminster Youth Justice Service" /
      // "Fieldwork started October 2022" / "Score 29/36".)
      if (flat.length > ((lines[i] as Line).cells.length > 1 ? 240 : 120)) break;
      ratingsStart = i;
      if (RATINGS_HEADING.test(flat) || /^Service:/i.test(flat)) break;
    }
    // The table runs while lines are standard rows, domain rows, score or short furniture.
    let i = anchor + 1;
    let lastRow = anchor;
    while (i < lines.length && i - lastRow <= 6) {
      const line = lines[i] as Line;
      if (/^(Recommendations|Executive summary|Introduction|Background|Overall findings)$/i.test(line.flat))
        break;
      // (A row whose name wraps, its rating after the name's last words and itself wrapped, "1.1
      // Governance and" / "leadership | Requires" / "improvement", opens on its number.)
      if (standardHeading(line) || DOMAIN_HEADING.test(line.flat) || WRAPPED_ROW_START.test(line.flat))
        lastRow = i;
      if (line.flat.length > 150) break;
      i++;
    }
    ratingsEnd = lastRow + 1;
  }

  const bodyStart = ratingsEnd ?? contentsEnd;
  const sections = new Map<string, { heading: StandardHeading; start: number; end: number }>();
  const headings: { index: number; heading: StandardHeading | null }[] = [];
  for (let i = bodyStart; i < annexStart; i++) {
    const line = lines[i] as Line;
    const heading = standardHeading(line);
    if (heading) headings.push({ index: i, heading });
    else if (isDomainHeading(line)) headings.push({ index: i, heading: null });
  }
  headings.forEach((h, k) => {
    if (!h.heading || sections.has(h.heading.id)) return;
    // A repeated heading of the same standard ("4.1. Resettlement" / "4.1. Resettlement policy
    // and provision") belongs to the same section.
    const next = headings.slice(k + 1).find((o) => o.heading?.id !== h.heading?.id)?.index ?? annexStart;
    sections.set(h.heading.id, { heading: h.heading, start: h.index, end: next });
  });

  const recommendationsStart = findHeading(lines, contentsEnd, /^Recommendations$/i);
  // Under its own heading; where that heading is lost or worded otherwise, from the first of
  // the sub-headings its tables stand under (the figures are then still read, not skipped).
  const contextualFactsStart =
    findHeading(lines, contentsEnd, FACTS_SECTION_HEADING) ??
    findHeading(lines, ratingsEnd ?? contentsEnd, FACTS_SUBHEADING_LINE);
  let contextualFactsEnd: number | null = null;
  if (contextualFactsStart !== null) {
    contextualFactsEnd = lines.length;
    for (let i = contextualFactsStart + 1; i < lines.length; i++) {
      const flat = (lines[i] as Line).flat;
      if (DOMAIN_HEADING.test(flat) || standardHeading(lines[i] as Line)) {
        contextualFactsEnd = i;
        break;
      }
    }
  }

  return {
    contentsEnd,
    ratingsStart,
    ratingsEnd,
    overallLine,
    annexStart,
    annexes,
    sections,
    recommendationsStart,
    contextualFactsStart,
    contextualFactsEnd,
  };
}

function findHeading(lines: Line[], from: number, re: RegExp): number | null {
  for (let i = from; i < lines.length; i++) if (re.test((lines[i] as Line).flat)) return i;
  return null;
}
