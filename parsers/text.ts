// Small readers for the values reports print: ratings, numbers in words, months, percentages.
import type { Rating } from "./framework.js";

const RATING_PATTERNS: [RegExp, Rating][] = [
  [/^outstanding/i, "Outstanding"],
  [/^requires\s*improvement/i, "Requires improvement"],
  [/^inadequate/i, "Inadequate"],
  [/^good/i, "Good"],
];

/** A rating at the start of `text` ("Requires improvement*"), with what follows it. */
export function ratingAtStart(text: string): { rating: Rating; rest: string } | null {
  const t = text.replace(/^[\s'‘’"“”*]+/, "");
  for (const [re, rating] of RATING_PATTERNS) {
    const m = t.match(re);
    if (m) {
      const rest = t.slice(m[0].length);
      // "Goodwill" is not a rating: the word must end there.
      if (/^[a-z]/i.test(rest)) return null;
      return { rating, rest };
    }
  }
  return null;
}

/** The whole text is a rating, optionally followed by a marker ("*") or stray symbols. */
export function ratingOnly(text: string): { rating: Rating; marker: string | null } | null {
  const r = ratingAtStart(text);
  if (!r) return null;
  const rest = r.rest
    .trim()
    .replace(/^['’"”]/, "")
    .trim();
  if (/[a-z]{3,}/i.test(rest)) return null;
  // Digits glued on are a footnote marker that the converter printed as plain text ("Good20").
  const marker = rest.match(/^(\*+|†+)/)?.[1] ?? (/^\d{1,2}$/.test(r.rest) ? r.rest : null);
  return { rating: r.rating, marker };
}

/** A rating closing the text ("... parents/carers. Outstanding"). */
export function ratingAtEnd(text: string): { rating: Rating; marker: string | null; before: string } | null {
  const m = text.match(
    /(?:^|[\s.:;,])(Outstanding|Good|Requires\s+improvement|Inadequate)\s*(\*+|†+)?[^a-zA-Z0-9]{0,6}$/i,
  );
  if (!m || m.index === undefined) return null;
  const rating = ratingAtStart(m[1] as string)?.rating;
  if (!rating) return null;
  return { rating, marker: m[2] ?? null, before: text.slice(0, m.index) };
}

const SMALL: Record<string, number> = {
  zero: 0,
  no: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** "43", "seven", "twenty-one", "Sixty" -> number; anything else -> null. */
export function parseCount(word: string): number | null {
  const w = word.trim().toLowerCase().replace(/,/g, "");
  if (/^\d+$/.test(w)) return Number(w);
  if (w in SMALL) return SMALL[w] as number;
  const m = w.match(/^([a-z]+)(?:[-\s]([a-z]+))?$/);
  if (m && (m[1] as string) in TENS) {
    const tens = TENS[m[1] as string] as number;
    if (!m[2]) return tens;
    const unit = SMALL[m[2]];
    if (unit !== undefined && unit > 0 && unit < 10) return tens + unit;
  }
  if (w === "a hundred" || w === "one hundred") return 100;
  return null;
}

/** Pattern source matching a count written in digits or words. */
export const COUNT_WORD =
  "(\\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

export const MONTH_WORD =
  "(January|February|March|April|May|June|July|August|September|October|November|December)";
/** A month in full or abbreviated ("Oct", "Sept.", "Sep"); `yearMonth` checks the spelling. */
export const MONTH_ABBREVIATED = "((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6})\\.?";

/** "October" (or "Oct", "Sept"), "2021" -> "2021-10". */
export function yearMonth(month: string, year: string): string | null {
  const word = month.toLowerCase().replace(/\.$/, "");
  const i =
    word.length >= 3
      ? MONTHS.findIndex((m) => m.startsWith(word) || (word === "sept" && m === "september"))
      : -1;
  if (i < 0 || !/^\d{4}$/.test(year)) return null;
  return `${year}-${String(i + 1).padStart(2, "0")}`;
}

/** A printed percentage cell ("86%", "25.5 %") -> 86; otherwise null. */
export function percentCell(cell: string): number | null {
  const m = cell.trim().match(/^(\d{1,3}(?:\.\d+)?)\s*%$/);
  return m ? Number(m[1]) : null;
}

/**
 * A key question's heading's last letters cut into its table's figure column, its mark after
 * them: "fe?", "e safe?" (the next word with them), or the mark alone ("?").
 */
export const CUT_QUESTION_END = "(?:[a-z]{1,4}(?: [a-z]+){0,2})?\\?";

/** A printed whole count cell ("8") -> 8; otherwise null. */
export function countCell(cell: string): number | null {
  const m = cell.trim().match(/^(\d{1,4})$/);
  return m ? Number(m[1]) : null;
}

/** A printed number ("441,290", "43.7", "0") -> number; otherwise null. */
export function numberCell(cell: string): number | null {
  const m = cell.trim().match(/^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)$/);
  return m ? Number((m[1] as string).replace(/,/g, "")) : null;
}

/**
 * Collapse whitespace, curly quotes and dashes (hyphens of every width) so that prose patterns can
 * be simple. A converter's kerning gap before a comma, inside a possessive or after the W of
 * "Wales" ("behaviour , including", "the child' s", "the YOT' s", "England and W ales": pypdf's
 * text of a font that sets them close) goes too: no word of a report is so spaced.
 */
export function plain(text: string): string {
  if (!/[’‘`“”‐‑–—−]|\s\s|[\t\n]| ,|' s\b|W ales/.test(text)) return text.trim();
  return text
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑–—−]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/(?<=[A-Za-z)]) ,(?= |$)/g, ",")
    .replace(/(?<=[A-Za-z])' s\b/g, "'s")
    .replace(/\bW ales\b/g, "Wales")
    .trim();
}

/**
 * `text` with the next line's `more` after it. A word broken after its hyphen ("out-of-" /
 * "court", "post-" / "16": Word and browsers wrap there) closes up; a hyphen left hanging before
 * "and", "or", "to" ("pre-" / "and post-court") keeps its space.
 */
export function joinWrapped(text: string, more: string): string {
  return (/[A-Za-z]-$/.test(text) && /^[a-z0-9]/.test(more) && !/^(?:and|or|nor|to)\b/.test(more)) ||
    // (A range broken at its dash: "19-" / "30".)
    (/\d[-–]$/.test(text) && /^\d/.test(more))
    ? `${text}${more}`
    : `${text} ${more}`;
}

const RAISED_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** Raised figures, as footnote markers are printed. */
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu;
/** Digits as raised figures ("12" -> "¹²"), as a footnote's marker prints them; anything else as it is. */
export function superscript(digits: string): string {
  return [...digits].map((c) => (c >= "0" && c <= "9" ? RAISED_DIGITS[Number(c)] : c)).join("");
}
/** Raised figures as digits ("¹²" -> "12"). */
export function fromSuperscript(raised: string): string {
  return [...raised].map((c) => (RAISED_DIGITS.includes(c) ? String(RAISED_DIGITS.indexOf(c)) : c)).join("");
}

/** What an OCR engine reads a footnote marker's small raised digits as ("©", "°", "™", "”", "*"). */
const MISREAD_SYMBOLS = `*§°©®™¢"'‘’“”`;
export const MISREAD_MARKER_SYMBOL = `[${MISREAD_SYMBOLS}]`;
/** A text-layer word that is an OCR'd footnote marker alone: one such symbol but a bare "*", or two. */
export const OCR_MISREAD_MARKER = new RegExp(`^(?:(?!\\*$)${MISREAD_MARKER_SYMBOL}{1,2})$`, "u");
/**
 * An OCR'd footnote marker left at the end of a label or a question, after a space ("Croydon §",
 * "(FTE) *\"", "safe? *©"), or with one of its digits read right ("(FTE) 1°", "people? 7\""): its
 * number cannot be told, and it is no part of the text. (Glued on, the symbol may be the text's own
 * closing quote.)
 */
const TRAILING_MISREAD_MARKER = new RegExp(
  `(?<=[\\p{L}\\p{N})?:%])\\s+(?:${MISREAD_MARKER_SYMBOL}{1,2}|\\d${MISREAD_MARKER_SYMBOL})$`,
  "u",
);
/** The symbols alone, for a one-character test of a text's end before the pattern's scan. */
const MISREAD_MARKER_END = new Set([...MISREAD_SYMBOLS]);
export function withoutMisreadMarker(text: string): string {
  return MISREAD_MARKER_END.has(text.charAt(text.length - 1))
    ? text.replace(TRAILING_MISREAD_MARKER, "")
    : text;
}

/**
 * A percentage an OCR engine misread, some of its digits as letters ("A2%" for "42%"): two or
 * three letters and digits, at least one of each, before the sign. Its figure cannot be told
 * (a letter may be any of several digits); it still ends its row.
 */
export const ILLEGIBLE_PERCENT = "(?=[A-Za-z\\d]*\\d)(?=[A-Za-z\\d]*[A-Za-z])[A-Za-z\\d]{2,3}\\s?%";

/** An area's name: capitalised words and the small words between them ("Blackburn with Darwen"). */
export const AREA_WORDS = "(?:\\p{Lu}[\\p{L}\\p{M}'’.&-]*|and|of|the|upon|on|with|in|&)";
/** An area's name whole, its first word capitalised ("Tower Hamlets and City of London"; no figures). */
export const AREA_NAME = `(?=\\p{Lu})${AREA_WORDS}(?:(?:\\s+|,\\s*)${AREA_WORDS})*`;
/** An area's name and nothing more. */
export const AREA_NAME_ALONE = new RegExp(`^${AREA_NAME}$`, "u");

/** pdf-parse's line between pages: "-- 7 of 30 --" ends page 7 (of 30). */
export const PAGE_JOINER = /^\s*--\s*(\d+)\s+of\s+(\d+)\s*--\s*$/;

/** A prompt's letter ("b) Does ..."): a row of its own, though it starts in lower case. */
export const PROMPT_LETTER = /^[a-z]\)\s/;

/** Items as a sentence lists them: "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** How a report names the service (match case-insensitively): "YOS", "Youth Justice Service", "youth offending teams". */
export const SERVICE_WORDS = "(?:YOS|YJS|YOT|YJT|youth (?:offending|justice) (?:services?|teams?))";

/** "out-of-court", also as printed without its hyphens (match case-insensitively). */
export const OUT_OF_COURT = "out[- ]of[- ]court";

/** The words a key question or prompt begins with (match case-insensitively). */
export const QUESTION_WORD = "(?:does|is|are|where|in cases|how|has|have|do)";

/** How a key question or prompt begins (a prompt with its letter). */
export const QUESTION_START = new RegExp(`^(?:[a-z]\\)\\s*)?${QUESTION_WORD}\\b`, "i");

/** A quotation opened and not closed: "Proportion of current caseload 'Looked" (its label runs on). */
export function opensQuotation(text: string): boolean {
  return /(?:^|\s)['‘][^'’]*$/.test(text);
}

/**
 * A label whole: its brackets closed, no quotation opened that it does not close, none closed
 * that it did not open ("After Children' placed ...": a possessive's "s'" aside).
 */
export function wholeLabel(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return (
    count(/\(/g) === count(/\)/g) &&
    !opensQuotation(text) &&
    !/^[^'‘]*?[^\s'’s]['’](?=\s|$|[,.;:)])/.test(text)
  );
}

/** A line that cannot end a label or sentence: it stops on a comma or a joining word, so the next line carries it on. */
export const RUNS_ON = /(?:[,;]|\b(?:and|of|the|to|in|for|with|or|on|per|by|at|a|an))$/i;

/**
 * Whether a footnote's sentence runs on into `next`: the note stops short of a sentence's end, and
 * `next` goes on in lower case or the note stopped on a joining word ("... to uplift the rating
 * for this standard to" / "'Good'.").
 */
export function noteSentenceGoesOn(note: string, next: string): boolean {
  // (Or a range broken at its dash: "... 19-" / "30 = 'Good', ...".)
  if (/\d[-–]$/.test(note) && /^\d/.test(next)) return true;
  return (/^[a-z(]/.test(next) || RUNS_ON.test(note)) && !/[.!?)"'’”:*_]$/.test(note);
}

/** A pipe row's cells, as written between its unescaped pipes (the outer pipes optional). */
export function pipeCells(raw: string): string[] {
  return raw
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "")
    .split(/(?<!\\)\|/);
}

// The running header as the years print it: "Inspection of youth offending services: <area>"
// (2020-2023), "Inspection of youth offending services in: <area> 12" (2018), the page number at
// either end or none; and the footer line "An inspection of youth offending services in Kirklees
// 12", "12 An inspection ...". (The cover's "An inspection of youth offending services in", alone
// or with the area but no page number, is the title, not furniture.)
const RUNNING_HEADER =
  /^(?:(?:\d{1,3}\s+)?(?:Re-?\s*)?Inspection of youth (?:offending|justice) services?(?::| in:)|An inspection of youth (?:offending|justice) services in .{3,60}\s\d{1,3}$|\d{1,3}\s+An inspection of youth (?:offending|justice) services in .{3,60}$)/i;
/**
 * The same header without its colon (some 2020 reports): "Inspection of youth offending services
 * in Oxfordshire 12". Only an area's words may follow "in", so that a sentence is never furniture.
 */
const RUNNING_HEADER_IN = new RegExp(
  `^(?:\\d{1,3}\\s+)?(?:Re-?\\s*i|I)nspection of youth (?:offending|justice) services? in\\s+${AREA_WORDS}(?:\\s+${AREA_WORDS})*(?:\\s+\\d{1,3})?$`,
  "u",
);

/**
 * Whether a line whose first character is `code` may be a running header: it opens with
 * "Inspection", "An inspection", "Re-inspection" (either case) or its page number. (A look that
 * spares the patterns most lines of a text.)
 */
export function mayOpenRunningHeader(code: number): boolean {
  const letter = code | 32; // (lower case)
  return letter === 105 || letter === 97 || letter === 114 || (code >= 48 && code <= 57);
}

/** A year's running header ("Inspection of youth offending services: Anytown"). */
export function isRunningHeader(flat: string): boolean {
  return (
    mayOpenRunningHeader(flat.charCodeAt(0)) && (RUNNING_HEADER.test(flat) || RUNNING_HEADER_IN.test(flat))
  );
}

/**
 * Two counts run together, as a count table prints them (relevant cases, then how many of them
 * 'Yes': at most as many, relevant at most 99, neither with a leading zero): "88" is 8 and 8,
 * "168" 16 and 8, "1616" 16 and 16. Null where no split gives counts so ordered.
 */
export function countsParted(digits: string): [number, number] | null {
  for (let cut = 1; cut < digits.length; cut++) {
    const [a, b] = [digits.slice(0, cut), digits.slice(cut)];
    if ((a.length > 1 && a.startsWith("0")) || (b.length > 1 && b.startsWith("0"))) continue;
    const [relevant, yes] = [Number(a), Number(b)];
    if (relevant <= 99 && yes <= relevant) return [relevant, yes];
  }
  return null;
}
