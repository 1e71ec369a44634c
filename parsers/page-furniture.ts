// A page's furniture run into its first line. pypdf writes a browser's PDF a page at a time, the
// running header first and then the page's number with the page's first line straight after it,
// nothing between: "Inspection of youth offending services: Kirklees" / "29Does assessment ...
// safe? 53%" (a key question read as a prompt, "29 Does ..."), "820,687 Total black and minority
// ethnic youth population" (page 8, then 20,687, read as 820,687), "63.3 Implementation and
// delivery Inadequate" (page 6, then standard 3.3). A marking printed at each page's head and foot
// ("OFFICIAL") comes out so too: "2OFFICIAL" / "OFFICIALContents". Where the lines after the
// running headers open with numbers that count the pages up, or with one word in capitals glued
// to what follows, those are taken off; nothing else is touched.
import { isRunningHeader, mayOpenRunningHeader } from "./text.js";

/** The fewest pages whose numbers must count up before any is taken off (a report has ten or more). */
const NUMBERED_PAGES = 6;

/**
 * What may follow a page's number in the line it ran into: words, or a figure before words; not
 * the rest of a number ("3.3", "2,687", "05") nor a number alone (a page's number on its own line,
 * "20", is furniture as it is).
 */
const AFTER_NUMBER = /^(?![.,:)]|0\d|\s*\d*\s*$)/;

/** A word in capitals glued to the line's first word or figure: a page's marking ("OFFICIALContents"). */
const MARKING_GLUED = /^\s*([A-Z]{4,})(?=[A-Z][a-z]|\d)/;

/**
 * The lines with each page's furniture taken off the first lines after its running header (six
 * headers at least): its number, where the numbers of six pages or more count up (three pages
 * or more in a row, each one more than the page before's, among the 1-3 digits the line opens
 * with); then a marking, a word in capitals that six pages or more open with, glued to what
 * follows. How many numbers and markings were taken off, and the marking.
 */
export function withPageFurnitureParted(lines: string[]): {
  lines: string[];
  numbers: number;
  markings: number;
  marking: string | null;
} {
  const none = { lines, numbers: 0, markings: 0, marking: null };
  // Each running header's next two written lines.
  const firsts: number[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const k = raw.length - raw.trimStart().length;
    if (k === raw.length || !mayOpenRunningHeader(raw.charCodeAt(k)) || !isRunningHeader(raw.trim()))
      continue;
    const next: number[] = [];
    for (let j = i + 1; j < lines.length && next.length < 2; j++)
      if ((lines[j] as string).trim() !== "") next.push(j);
    firsts.push(next);
  }
  if (firsts.length < NUMBERED_PAGES) return none;
  const out = [...lines];
  const numbers = pageNumbersParted(
    out,
    firsts.map((next) => next[0] ?? -1),
  );
  const marked = markingParted(out, firsts);
  return numbers === 0 && marked.count === 0
    ? none
    : { lines: out, numbers, markings: marked.count, marking: marked.marking };
}

/** Each page's number taken off its first line (`at`, each page's), in `out`; how many were. */
function pageNumbersParted(out: string[], firsts: number[]): number {
  // The page numbers each first line could open with.
  const candidates = firsts.map((at) => {
    const line = out[at] ?? "";
    const digits = /^\s*(\d{1,3})/.exec(line);
    if (!digits) return [];
    const numbers: number[] = [];
    for (let n = 1; n <= (digits[1] as string).length; n++)
      if (AFTER_NUMBER.test(line.trimStart().slice(n)))
        numbers.push(Number((digits[1] as string).slice(0, n)));
    return numbers;
  });
  // A page's number is one of three pages' or more in a row that count up ("19" / "20" alone on
  // two pages' lines are no "1" and "2": pages 19 and 20 are "9" and "0" after them).
  const counts = (k: number, n: number) => candidates[k]?.includes(n) === true;
  const pageNumber = candidates.map((numbers, k) => {
    const counted = numbers.filter((n) => {
      let run = 1;
      for (let j = 1; counts(k - j, n - j); j++) run++;
      for (let j = 1; counts(k + j, n + j); j++) run++;
      return run >= 3;
    });
    return counted.length === 1 ? (counted[0] as number) : null;
  });
  if (pageNumber.filter((n) => n !== null).length < NUMBERED_PAGES) return 0;
  let parted = 0;
  firsts.forEach((at, k) => {
    const n = pageNumber[k];
    if (n === null || n === undefined) return;
    const raw = out[at] as string;
    const indent = raw.length - raw.trimStart().length;
    out[at] = raw.slice(0, indent) + raw.slice(indent + String(n).length).trimStart();
    parted++;
  });
  return parted;
}

/** A marking glued to the first lines after the headers (`firsts`) taken off, in `out`. */
function markingParted(out: string[], firsts: number[][]): { count: number; marking: string | null } {
  // The words in capitals some first line opens with glued to a word or figure; each counted on
  // every page whose first lines open with it glued to anything ("OFFICIALthis can vary."), the
  // longest of the most counted ("OFFICIAL", not "OFFICIA").
  const glued = (raw: string, word: string) => {
    const start = raw.length - raw.trimStart().length;
    return raw.startsWith(word, start) && /^\S/.test(raw.slice(start + word.length));
  };
  const words = new Set<string>();
  for (const next of firsts)
    for (const at of next) {
      const m = MARKING_GLUED.exec(out[at] as string);
      if (m) words.add(m[1] as string);
    }
  const pagesOpening = (word: string) =>
    firsts.filter((next) => next.some((at) => glued(out[at] as string, word))).length;
  const [marking, pages] = [...words]
    .map((word) => [word, pagesOpening(word)] as const)
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0] ?? [null, 0];
  if (marking === null || pages < NUMBERED_PAGES) return { count: 0, marking: null };
  let count = 0;
  for (const next of firsts)
    for (const at of next) {
      const raw = out[at] as string;
      if (!glued(raw, marking)) continue;
      const start = raw.length - raw.trimStart().length;
      out[at] = raw.slice(0, start) + raw.slice(start + marking.length);
      count++;
    }
  return { count, marking };
}
