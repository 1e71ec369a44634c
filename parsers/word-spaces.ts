// Words run together. Some converters write a PDF's words with no space between them where the
// PDF places each word by its position instead of printing a space (pypdf on a PDF whose lines are
// set word by word, as justified text often is): "ThisinspectionwasledbyHMInspectorMikeLane,",
// "2.1 Assessment Requiresimprovement", "Doesplanningfocusonsupportingthechild'sdesistance?80%".
// Where most of a text's long lines show it, the words are parted again: each run of letters is
// cut where a capital opens a word, and what is left into the words of an English word list ranked
// by frequency (wordsninja's, from Wikipedia's text) and a few of the reports' own that it lacks,
// the cut whose words are the most frequent winning (Zipf's law: a word's cost is the log of its
// rank). A piece not in the list, a name or a misprint, stands whole between the listed words
// round it (at a cost that makes any cut into listed words cheaper). The parting is a guess
// at the text as printed, so a warning says so: it changes no figure or rating, but a prompt's or
// label's words may be parted as the report does not print them ("informal" for "in formal").
// (A note whose wrapped lines alone ran together is parted from the report's own words instead:
// notesWordsParted, split-words.ts.)
import { createRequire } from "node:module";
import { RATINGS } from "./framework.js";

/** Words the reports use that the English list lacks, or ranks too low to win a cut. */
const REPORTS_WORDS =
  "desistance reoffending reoffend reoffended yos yot yots yjs yjb yjmb hmi hmip camhs assetplus wellbeing carers " +
  "safeguarding resettlement multiagency headcount";

/**
 * Entries of the list that are two words run together where the framework's prompts print them
 * apart: "... including any other assessments ...", "Does service delivery build upon the
 * child's strengths ...". (Of the corpus's 246 questions, prompts, labels and recommendations,
 * run together and parted again, these two gave words the report does not print; the third,
 * "captured in formal reviews" read as "informal", is a word either way and stays.)
 */
const NOT_WORDS = "anyother buildup";

/** A line of this many characters or more is tested for runs of letters longer than a word. */
const LONG = 40;
/** Letters in a row that no English word of the reports reaches ("characteristics": 15). */
const RUN = 25;
/** How many long lines must show such runs, and what share of them, before any is parted. */
const MIN_LINES = 20;
const MIN_SHARE = 0.3;
/** How many long lines are looked at, from the text's start; a text with none run together in its first 50 is sound. */
const SAMPLED = 200;
const SOUND_AFTER = 50;
/** The longest word tried (longer runs are cut into shorter words or left whole). */
const MAX_WORD = 24;
/** A cost added to each word of a cut: fewer words win over frequent short ones ("inform", not "in form"). */
const PER_WORD = 1;
/** What a piece not in the list costs, and each of its letters. */
const UNLISTED = 20;
const UNLISTED_LETTER = 3;
/** Words of three letters or fewer are taken from the list's most frequent this many only. */
const RARE_SHORT = 3000;

const RUN_PATTERN = new RegExp(`[A-Za-z]{${RUN},}`);
/** A web address or an email address: its letters are not words to part. */
const ADDRESS = /@|www\.|https?:|\.(?:uk|com|org|gov)\b/;
/** Markup left in the text ("<sup>"): not words. */
const MARKUP = /(<[^<>]*>|&#?\w+;)/;

/**
 * Whether `lines` run their words together: `MIN_LINES` long lines or more, and `MIN_SHARE` of
 * them, hold a run of letters longer than any word.
 */
export function wordsRunTogether(lines: string[]): boolean {
  let long = 0;
  let glued = 0;
  for (const line of lines) {
    if (line.length < LONG) continue;
    long++;
    const stretch = longestUnspaced(line);
    if (stretch !== null && RUN_PATTERN.test(stretch) && !ADDRESS.test(stretch)) glued++;
    // (A text so damaged shows it from its first pages: the rest of a sound one is not scanned.)
    if (long === SAMPLED || (long === SOUND_AFTER && glued === 0)) break;
  }
  return glued >= MIN_LINES && glued >= MIN_SHARE * long;
}

/**
 * The line's longest stretch without a space, where it is as long as `RUN` letters; else null.
 * (A space's search is cheap: a pattern for the letters, tried at every letter of a sound
 * text's long paragraphs, took half a millisecond a report.)
 */
function longestUnspaced(line: string): string | null {
  let longest: [number, number] | null = null;
  let start = 0;
  while (start < line.length) {
    let end = line.indexOf(" ", start);
    if (end === -1) end = line.length;
    if (end - start >= RUN && (!longest || end - start > longest[1] - longest[0])) longest = [start, end];
    start = end + 1;
  }
  return longest ? line.slice(longest[0], longest[1]) : null;
}

let wordCosts: Map<string, number> | null = null;
/** Each listed word's cost: the log of its rank (the list is ordered most frequent first). */
function costs(): Map<string, number> {
  if (wordCosts) return wordCosts;
  const list = createRequire(import.meta.url)("wordsninja/words-en.json") as string[];
  const logSize = Math.log(list.length);
  const map = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as string;
    // (A short word far down the list is more often a name's piece than a word the report wrote:
    // "Av tar" for "Avtar", "McG uck ian"; the list's single letters are a tokenizer's, "don t".)
    if (word.length === 1 ? word !== "a" && word !== "i" : word.length <= 3 && i >= RARE_SHORT) continue;
    if (!map.has(word) || map.get(word) === PREFIX) map.set(word, Math.log((i + 1) * logSize) + PER_WORD);
    addPrefixes(map, word);
  }
  // (Not words of the reports, but the beginning of others perhaps: read on from them.)
  for (const word of NOT_WORDS.split(" ")) map.set(word, PREFIX);
  // (The reports' words as if among the list's first thousands.)
  for (const word of REPORTS_WORDS.split(" ")) {
    map.set(word, Math.min(map.get(word) ?? PREFIX, Math.log(3000 * logSize) + PER_WORD));
    addPrefixes(map, word);
  }
  wordCosts = map;
  return map;
}

/** The cost of a word's beginning that is no word itself: a cut reading on from it may find one. */
const PREFIX = Number.POSITIVE_INFINITY;
function addPrefixes(map: Map<string, number>, word: string): void {
  for (let end = word.length - 1; end > 0; end--) {
    const prefix = word.slice(0, end);
    if (map.has(prefix)) break;
    map.set(prefix, PREFIX);
  }
}

/** `letters` cut into words at the least cost, and that cost; null where none is (one letter). */
function cheapestCut(letters: string): { words: string[]; cost: number } | null {
  const wordCost = costs();
  const lower = letters.toLowerCase();
  const best = new Float64Array(lower.length + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(lower.length + 1);
  best[0] = 0;
  const relax = (start: number, end: number, cost: number) => {
    if ((best[start] as number) + cost < (best[end] as number)) {
      best[end] = (best[start] as number) + cost;
      from[end] = start;
    }
  };
  for (let start = 0; start < lower.length; start++) {
    if (best[start] === Number.POSITIVE_INFINITY) continue;
    const last = Math.min(lower.length, start + MAX_WORD);
    // (A piece not in the list, a name or a misprint, "saffe", may stand between words, at a
    // cost that only a run no listed words make up will pay.)
    for (let end = start + 2; end <= last; end++)
      relax(start, end, UNLISTED + UNLISTED_LETTER * (end - start));
    // The listed words from here: read on while what is read begins one.
    for (let end = start + 1; end <= last; end++) {
      const cost = wordCost.get(lower.slice(start, end));
      if (cost === undefined) break;
      if (cost !== PREFIX) relax(start, end, cost);
    }
  }
  const cost = best[lower.length] as number;
  if (cost === Number.POSITIVE_INFINITY) return null;
  const words: string[] = [];
  for (let end = lower.length; end > 0; end = from[end] as number)
    words.unshift(letters.slice(from[end], end));
  return { words, cost };
}

/** A run of letters parted into words: at each capital that opens one, then by `cheapestCut`. */
function partedRun(run: string): string {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < run.length; i++) {
    // A capital after a lower-case letter opens a word; not in "McGuckian", "MacDonald".
    if (!isLower(run.charCodeAt(i - 1)) || isLower(run.charCodeAt(i))) continue;
    const before = run.slice(start, i);
    if (before === "Mc" || before === "Mac") continue;
    pieces.push(before);
    start = i;
  }
  pieces.push(run.slice(start));
  return pieces.map(partedPiece).join(" ");
}

/** An ASCII lower-case letter's code (runs hold ASCII letters only). */
const isLower = (code: number) => code >= 97 && code <= 122;

function partedPiece(piece: string): string {
  const capitals = /^([A-Z]{2,})([a-z].*)?$/.exec(piece);
  if (!capitals) return cheapestCut(piece)?.words.join(" ") ?? piece;
  const [, acronym, rest] = capitals as unknown as [string, string, string | undefined];
  // (And "YOTs", an acronym's plural.)
  if (rest === undefined || rest === "s") return piece;
  // "HMInspector": the last capital opens the word; "YOTwork": all the capitals are the acronym;
  // "YOTsand": the acronym's plural, then "and".
  const after = cheapestCut(rest);
  const plural = rest.startsWith("s") ? cheapestCut(rest.slice(1)) : null;
  if (plural && (!after || plural.cost < after.cost)) return `${acronym}s ${plural.words.join(" ")}`;
  const opening = cheapestCut(acronym.slice(-1) + rest);
  if (after && (!opening || after.cost <= opening.cost)) return `${acronym} ${after.words.join(" ")}`;
  return opening ? `${acronym.slice(0, -1)} ${opening.words.join(" ")}` : piece;
}

/**
 * A run of letters with apostrophes in it parted: "child'sdesistance" (a possessive), "don'tknow"
 * (a short form), "carers'understanding" (a plural's), "as'Requires" (a quotation opening).
 */
function partedWithApostrophes(run: string): string {
  // (The pieces and, between them, each apostrophe as written: "'" or "’".)
  const [first, ...rest] = run.split(/(['\u2019])/) as [string, ...string[]];
  let out = partedRun(first);
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const [apostrophe, part] = [rest[i] as string, rest[i + 1] as string];
    if (/^[A-Z]/.test(part)) {
      // "O'Brien" is a name; "as'Requires" opens a quotation.
      out += `${/(?:^|[^A-Za-z])[A-Z]$/.test(out) ? "" : " "}${apostrophe}${partedRun(part)}`;
      continue;
    }
    // A possessive's "s" or a short form's ("don't", "I'm", "we're") stays with the word before.
    const clitic = CLITIC.exec(part)?.[0];
    const after = clitic === undefined ? "" : part.slice(clitic.length);
    const withWord =
      clitic !== undefined &&
      (after === "" ||
        (cheapestCut(after)?.cost ?? Number.POSITIVE_INFINITY) <=
          (cheapestCut(part)?.cost ?? Number.POSITIVE_INFINITY));
    if (withWord) out += `${apostrophe}${clitic}${after === "" ? "" : ` ${partedRun(after)}`}`;
    else out += `${apostrophe} ${partedRun(part)}`;
  }
  return out;
}

/** What an apostrophe joins to the word before it: a possessive's "s", a short form's ending. */
const CLITIC = /^(?:s|t|m|d|re|ve|ll)/;

/** A line's words parted again; the same string where nothing was run together. */
export function lineWithWordsParted(line: string): string {
  // A rating run into the name before it at the line's end ("1.4Informationand" /
  // "facilitiesRequires" / "improvement", "3.3Implementationand" / "deliveryGood") is a ratings
  // table's cell: it stays against the name, its own words parted, for the glued cells' pass to
  // part it from its row's name as a cell.
  const rating = RATING_AT_END.exec(line);
  if (rating)
    return (
      partedLine(line.slice(0, rating.index)) +
      (rating[1] as string).replace("Requiresimprovement", "Requires improvement") +
      line.slice(rating.index + (rating[1] as string).length)
    );
  return partedLine(line);
}

/** A rating at a line's end, run into a lower-case word before it (and "Requires" alone, its "improvement" wrapped). */
const RATING_AT_END = new RegExp(
  `(?<=[a-z])(${RATINGS.map((r) => r.replace(" ", " ?")).join("|")}|Requires)(?=\\*?\\s*$)`,
);

function partedLine(line: string): string {
  return (
    line
      // A list's bullet stands apart from its item: "-1.planfor", "-0-6='Inadequate'", "-Thereis".
      .replace(/^(\s*[-\u2022])(?=[A-Za-z0-9'])/, "$1 ")
      .split(/(\s+)/)
      .map((token) => {
        if (token.length < 3 || ADDRESS.test(token) || !/[A-Za-z]/.test(token)) return token;
        // (Markup left in the text, "<sup>15</sup>", stands as it is between the words parted, and
        // a piece with markup's characters left in it, "lt;sup>20", is left whole.)
        return MARKUP.test(token)
          ? token
              .split(MARKUP)
              .map((piece, i) => (i % 2 || /[<>&;]/.test(piece) ? piece : tokenParted(piece)))
              .join("")
          : tokenParted(token);
      })
      .join("")
  );
}

function tokenParted(token: string): string {
  return (
    token
      .replace(/[A-Za-z]+(?:['\u2019][A-Za-z]+)*/g, partedWithApostrophes)
      // A list's number stands apart from its item: "1.planfor" is "1. plan for".
      .replace(/^(\d{1,2}\.)(?=[A-Za-z])/, "$1 ")
      // And an equals sign from what it equates: "0-6='Inadequate'".
      .replace(/(?<=\S)=(?=\S)/g, " = ")
      // After punctuation a word begins: "Lane,supported", "sequencing?80%", "(excludinglogos)free".
      .replace(/\b(e\.g|i\.e)\.(?=[a-z])/g, "$1. ")
      .replace(/([,;:?!)+])(?=[A-Za-z(])/g, "$1 ")
      .replace(/([a-z])\.(?=[A-Z])/g, "$1. ")
      .replace(/([a-z])\(/g, "$1 (")
      // Figures stand apart from words: "Over50percent", "In7of19cases", "37%ofcases"; not "1st".
      .replace(/([A-Za-z])(\d)/g, "$1 $2")
      .replace(/(\d%?)(?!st\b|nd\b|rd\b|th\b)(?=[A-Za-z])/g, "$1 ")
  );
}

/** Lines whose words a converter ran together, parted again, and how many lines changed. */
export function withWordsParted(lines: string[]): { lines: string[]; parted: number } {
  if (!wordsRunTogether(lines)) return { lines, parted: 0 };
  let parted = 0;
  const out = lines.map((line) => {
    const next = lineWithWordsParted(line);
    if (next !== line) parted++;
    return next;
  });
  return { lines: out, parted };
}
