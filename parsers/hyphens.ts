// Hyphens a converter dropped. pdftotext (without -layout) takes a hyphen at a line's end for a
// soft one: "decision-" / "making" comes out "decisionmaking", joined where the line broke, so
// that it stands mid-line and cannot be told from a word printed whole. The report itself tells:
// a word it prints hyphenated elsewhere at least as often as joined was hyphenated here too.
// ("wellbeing" 31 times and "well-being" once is the report's own spelling: left alone.) The
// framework's questions print a few hyphenated words in every report: those are put back always.
import type { Line } from "./lines.js";

/** Whether the UTF-16 code `c` is an ASCII capital; an ASCII letter. */
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLetter = (c: number) => isUpper(c) || (c >= 97 && c <= 122);

/** A word long enough to have lost a hyphen ("postsupervision", not "re-do"). */
const WORD = /\b[A-Za-z]{6,}\b/g;

/** Every word the lines print with a hyphen between letters, by its letters (lower case). */
function hyphenatedWords(lines: Line[]): Map<string, { form: string; count: number }> {
  const words = new Map<string, { form: string; count: number }>();
  const asPrinted = new Map<string, { form: string; count: number }>();
  for (const { flat } of lines) {
    for (let at = flat.indexOf("-"); at >= 0; at = flat.indexOf("-", at + 1)) {
      if (!isLetter(flat.charCodeAt(at - 1)) || !isLetter(flat.charCodeAt(at + 1))) continue;
      let start = at;
      while (start > 0 && isLetter(flat.charCodeAt(start - 1))) start--;
      let end = at + 1;
      while (
        end < flat.length &&
        (isLetter(flat.charCodeAt(end)) || (flat[end] === "-" && isLetter(flat.charCodeAt(end + 1))))
      )
        end++;
      const printed = flat.slice(start, end);
      // (Most are printed many times, "out-of-court" alike: spelt out once.)
      let entry = asPrinted.get(printed);
      if (!entry) {
        const form = printed.toLowerCase();
        const key = form.replace(/-/g, "");
        entry = words.get(key) ?? { form, count: 0 };
        words.set(key, entry);
        asPrinted.set(printed, entry);
      }
      entry.count++;
      at = end;
    }
  }
  return words;
}

/**
 * Hyphenated words of the inspection framework's own questions and prompts, printed alike in
 * every report: restored wherever they stand joined, even where the report prints them nowhere
 * else (a prompt printed once, broken at its hyphen). None is a word joined.
 */
const FRAMEWORK_HYPHENATED = new Map(
  ["well-coordinated", "well-informed", "post-supervision", "decision-making"].map((form) => [
    form.replace(/-/g, ""),
    form,
  ]),
);

/**
 * A function that puts back, in a value's text, the hyphens the lines show were dropped (see
 * above). Cheap where nothing was: the lines are read for hyphens once, a value's words are
 * looked up as they stand, and a word is counted where joined only when a value has it.
 */
export function hyphenRestorer(lines: Line[]): (text: string) => string {
  let hyphenated: Map<string, { form: string; count: number }> | null = null;
  const keep = new Map<string, boolean>();
  /** Whether the report prints `key` joined (lower case or capitalised) more often than hyphenated: its own spelling. */
  const ownSpelling = (key: string, hyphenatedCount: number): boolean => {
    let own = keep.get(key);
    if (own === undefined) {
      // (Counted only until it outnumbers the hyphenated: a report's own spelling is soon seen.)
      let joined = 0;
      const forms = [key, (key[0] as string).toUpperCase() + key.slice(1)];
      for (let l = 0; l < lines.length && joined <= hyphenatedCount; l++) {
        const flat = (lines[l] as Line).flat;
        for (const form of forms)
          for (let at = flat.indexOf(form); at >= 0; at = flat.indexOf(form, at + form.length))
            if (!isLetter(flat.charCodeAt(at - 1)) && !isLetter(flat.charCodeAt(at + form.length))) joined++;
      }
      own = joined > hyphenatedCount;
      keep.set(key, own);
    }
    return own;
  };
  return (value) => {
    hyphenated ??= hyphenatedWords(lines);
    let out = "";
    let copied = 0;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(value); m !== null; m = WORD.exec(value)) {
      const word = m[0];
      const key = isUpper(word.charCodeAt(0)) ? word.toLowerCase() : word;
      const found = hyphenated.get(key);
      const form =
        FRAMEWORK_HYPHENATED.get(key) ?? (found && !ownSpelling(key, found.count) ? found.form : null);
      if (!form) continue;
      // The word's own capital, if it has one: "Decisionmaking" -> "Decision-making".
      out += value.slice(copied, m.index) + (key === word ? form : word[0] + form.slice(1));
      copied = m.index + word.length;
    }
    return copied === 0 ? value : out + value.slice(copied);
  };
}
