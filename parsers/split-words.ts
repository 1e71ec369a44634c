// Words split across cells. A converter may cut a table cell in two mid-word, writing the letter
// at the cut in both pieces ("... keep the child saf" | "fe?", "... other people" | "e safe?",
// "Total headcount other case manag" | "gers (FTE)"). Read as they stand, a question is no longer
// the key question it is (its text no longer names its theme) and a facts table's label none the
// table knows, which may end the table there. The pieces are one cell again, that letter once,
// where the word so made is one the report prints and a piece is not, but for its own occurrence
// here: two words a column's gap apart ("... how to support" | "the child ...", as OCR'd text
// sets them) stay two cells. A rating cut in two is one again, letter repeated or not ("Go" | "od").
import type { Line, NormalisedDocument } from "./lines.js";
import { ratingOnly } from "./text.js";

/** Whether cell `b` may open with the repeated letter that ends cell `a` (the cheap test first). */
function splitAt(a: string, b: string): boolean {
  const first = b.charAt(0);
  return first >= "a" && first <= "z" && a.endsWith(first) && /[A-Za-z]{2}$/.test(a);
}

/**
 * A rating cut in two, no letter repeated ("Go" | "od", "Requires improveme" | "nt"), alone in
 * its cell or ending it ("2.4 Reviewing Go" | "od", as a 2019 report's heading carries it).
 */
function ratingCut(a: string, b: string): boolean {
  const first = b.charAt(0);
  if (first < "a" || first > "z") return false;
  // (The rating's first piece: the cell's last word, or its last two "Requires improv...". A
  // cheap test first: that word starts as a rating does.)
  const word = a.slice(a.lastIndexOf(" ") + 1);
  if (!/^[GOIR][a-z]*$/i.test(word)) return false;
  const piece = /(?:^|\s)requires\s+\S+$/i.test(a.slice(-40)) ? `Requires ${word}` : word;
  return (
    // ("Requires" | "improvement" are two words, read as a rating where they stand.)
    !/^requires$/i.test(piece) && ratingOnly(piece) === null && ratingOnly(piece + b) !== null
  );
}

/** `cells` with each word split across two of them whole again; the same array if none is. */
export function cellsWithSplitWordsJoined(
  cells: string[],
  printed: (word: string, times: number) => boolean,
): string[] {
  let out: string[] | null = null;
  for (let k = 1; k < cells.length; k++) {
    const before = (out ? out[out.length - 1] : cells[k - 1]) as string;
    const cell = cells[k] as string;
    if (ratingCut(before, cell)) {
      out ??= cells.slice(0, k);
      out[out.length - 1] = before + cell;
      continue;
    }
    if (splitAt(before, cell)) {
      const left = (before.match(/[A-Za-z]+$/) as RegExpMatchArray)[0].toLowerCase();
      const right = (cell.match(/^[a-z]+/) as RegExpMatchArray)[0];
      // (Each piece stands once, here; a word printed elsewhere too. A piece of one letter,
      // "e safe?", is no word.)
      const twoWords = right.length > 1 && printed(left, 2) && printed(right, 2);
      if (!twoWords && printed(left + right.slice(1), 1)) {
        out ??= cells.slice(0, k);
        out[out.length - 1] = before + cell.slice(1);
        continue;
      }
    }
    if (out) out.push(cell);
  }
  return out ?? cells;
}

/**
 * Whether `lines` print `word` (lower case) as a word at least `times` times; read only as far as
 * needed, and only lines holding it at all are looked at closely (this runs on a whole report).
 */
export function printedIn(lines: Line[], word: string, times: number): boolean {
  const whole = new RegExp(`(?<![A-Za-z])${word}(?![A-Za-z])`, "gi");
  let seen = 0;
  for (const line of lines) {
    if (!line.flat.includes(word)) continue;
    seen += line.flat.match(whole)?.length ?? 0;
    if (seen >= times) return true;
  }
  return false;
}

export function splitWordsJoined(doc: NormalisedDocument): NormalisedDocument {
  const printed = (word: string, times: number) => printedIn(doc.lines, word, times);
  let lines: Line[] | null = null;
  doc.lines.forEach((line, i) => {
    if (line.cells.length < 2) return;
    const cells = cellsWithSplitWordsJoined(line.cells, printed);
    if (cells === line.cells) return;
    lines ??= doc.lines.slice();
    lines[i] = { ...line, cells, flat: cells.join(" ") };
  });
  return lines ? { ...doc, lines } : doc;
}

/**
 * Signs that a converter ran a note's wrapped lines together without a space (pypdf: "Overall,
 * implementation" as "Overall,implementation", "to" / "Good" as "toGood"): a comma between two
 * letters, a lower-case letter before a capitalised word.
 */
const NOTES_RUN_TOGETHER = /[a-z],[a-z]|[a-z][A-Z][a-z]/;
/** A word's letters inside its punctuation ("(one", "case,"): the word, and what stands either side. */
const WORD_IN_TOKEN = /^([^A-Za-z]*)([A-Za-z]+)([^A-Za-z]*)$/;

interface Vocabulary {
  /** How often each word stands. */
  words: Map<string, number>;
  /** Two words side by side, a space between. */
  pairs: Set<string>;
}

/** Words and pairs of words, in lower case, as `texts` print them, added to `into`. */
function vocabulary(texts: string[], into: Vocabulary = { words: new Map(), pairs: new Set() }): Vocabulary {
  const { words, pairs } = into;
  for (const text of texts) {
    let before: string | null = null;
    for (const token of text.split(/\s+/)) {
      const m = WORD_IN_TOKEN.exec(token);
      if (!m) {
        before = null;
        continue;
      }
      const word = (m[2] as string).toLowerCase();
      words.set(word, (words.get(word) ?? 0) + 1);
      if (before !== null && m[1] === "") pairs.add(`${before} ${word}`);
      // (A pair only where nothing but a space stands between: "case. The" is none.)
      before = m[3] === "" ? word : null;
    }
  }
  return into;
}

/** A note's words run together where its lines wrapped, parted again; the same text if none is. */
function wordsParted(
  text: string,
  /** The words of the report's text, its notes aside. */
  inText: ReadonlySet<string>,
  /** The words and pairs of words of its text and notes. */
  { words, pairs }: Vocabulary,
): string {
  const parted = text.replace(/([a-z]),([a-z])/g, "$1, $2");
  return parted.replace(/[A-Za-z]{5,}/g, (token, at: number) => {
    // (Inside a longer token, a web address or a file's name, nothing is touched.)
    const [prev, next] = [parted[at - 1] ?? " ", parted[at + token.length] ?? " "];
    if (/[\w/.@-]/.test(prev) || /[\w/@-]/.test(next)) return token;
    // The word, printed nowhere in the report's text (a note repeated may repeat it), is two the
    // report prints side by side ("onecase": "one case"), or a word and a capitalised word it
    // prints ("toGood").
    if (inText.has(token.toLowerCase())) return token;
    const camel = /^([a-z]{2,})([A-Z][a-z]+)$/.exec(token);
    if (
      camel &&
      words.has((camel[1] as string).toLowerCase()) &&
      words.has((camel[2] as string).toLowerCase())
    )
      return `${camel[1]} ${camel[2]}`;
    const splits: string[] = [];
    for (let k = 2; k <= token.length - 2; k++) {
      const [a, b] = [token.slice(0, k), token.slice(k)];
      if (pairs.has(`${a.toLowerCase()} ${b.toLowerCase()}`)) splits.push(`${a} ${b}`);
    }
    // (Two ways to part it: neither is known to be the one.)
    return splits.length === 1 ? (splits[0] as string) : token;
  });
}

/**
 * Notes whose wrapped lines a converter ran together without a space (pypdf writes a note's
 * lines as one: "... performance in onecase had a disproportionate impact ... exercise
 * professionaldiscretion ..."), their words parted again. Only in a report whose notes show it
 * (a comma or a capital glued to the word before, NOTES_RUN_TOGETHER); a word is parted only
 * where it stands nowhere in the report's text and its two halves stand side by side elsewhere in
 * it, in one way only, or where a capitalised word the report prints is glued to a lower-case one.
 */
export function notesWordsParted(doc: NormalisedDocument): NormalisedDocument {
  if (!doc.footnotes.some((note) => NOTES_RUN_TOGETHER.test(note.text))) return doc;
  const text = vocabulary(doc.lines.map((l) => l.flat));
  const inText = new Set(text.words.keys());
  const all = vocabulary(
    doc.footnotes.map((n) => n.text),
    text,
  );
  let changed = false;
  const footnotes = doc.footnotes.map((note) => {
    const text = wordsParted(note.text, inText, all);
    if (text === note.text) return note;
    changed = true;
    return { ...note, text };
  });
  return changed ? { ...doc, footnotes } : doc;
}
