import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { damagedWords, withLigaturesRestored, withSplitFsJoined } from "../parsers/ligatures.js";
import { sourceLinesOf } from "../parsers/normalise.js";
import { documentFromBytes } from "../parsers/read.js";
import { withLigaturesDropped } from "../scripts/make-variants.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");

/** Prose without a single f followed by f, i or l, long enough to be a report's text. */
const FILLER = Array.from(
  { length: 80 },
  (_, i) => `Paragraph ${i}: the case managers worked with the children and their parents or carers.`,
);

function restored(lines: string[]): { lines: string[]; restored: number } {
  const out = withLigaturesRestored(sourceLinesOf(lines));
  return { lines: out.lines.map((l) => l.raw), restored: out.restored };
}

/** A converter's damaged lines, `gap` where each ligature was, and what they say. */
const PRINTED: [string, string][] = [
  ["@eldwork started September 2020", "Fieldwork started September 2020"],
  ["1.2\tSta@\tGood", "1.2\tStaff\tGood"],
  [
    "We inspected @ve cases managed by the YOT that had received an out-of-court disposal.",
    "We inspected five cases managed by the YOT that had received an out-of-court disposal.",
  ],
  ["paying su@cient attention to the child's needs?", "paying sufficient attention to the child's needs?"],
  ["INSPECTION OF YOUTH O@ENDING SERVICES", "INSPECTION OF YOUTH OFFENDING SERVICES"],
  [
    "examining two case @les and interviewing case managers.",
    "examining two case files and interviewing case managers.",
  ],
  ["Overall, the sta@ (nine of 14) were e@ective.", "Overall, the staff (nine of 14) were effective."],
  [
    "This inspection was led by HM Inspector Les Smith, owing to the sta@ changes.",
    "This inspection was led by HM Inspector Les Smith, owing to the staff changes.",
  ],
  ["We've seen su@cient o@ending work in the o@ce.", "We've seen sufficient offending work in the office."],
];

describe("dropped ligatures", () => {
  test.each([
    { gap: "nothing", written: "" },
    { gap: "a space", written: " " },
    { gap: "pdfminer's '(cid:N)'", written: "(cid:31)" },
    { gap: "U+FFFD", written: "\uFFFD" },
  ])(
    "$gap where each ligature was: the list's words are whole again, in the case printed; a word the gap could have made of another ('led', 'owing', 'we've', a name 'Les') is left",
    ({ written }) => {
      const damaged = PRINTED.map(([line]) => line.replaceAll("@", written));
      const { lines, restored: count } = restored([...FILLER, ...damaged]);
      expect(lines.slice(FILLER.length)).toEqual(PRINTED.map(([, whole]) => whole));
      expect(count).toBe(12);
    },
  );

  test("no damaged spelling the list reads is a common word: those words are not in it", () => {
    const spellings = damagedWords();
    // ("led" from "filed", "owing" from "flowing", "full" from "fulfil", "tracking" from
    // "trafficking", "arm" from "affirm", "awed" from "flawed", "t" from "fit", "nd" from "find".)
    for (const word of ["led", "owing", "full", "tracking", "tracked", "arm", "awed", "t", "nd", "ne", "o"])
      expect(spellings.has(word)).toBe(false);
    expect(spellings.get("sta")).toBe("staff");
    expect(spellings.get("sucient")).toBe("sufficient");
    expect(spellings.get("suicient")).toBe("sufficient"); // "ff" and "i", as a font without "ffi" sets it
    expect(spellings.get("ve")).toBe("five");
  });

  test("a text that writes its ligatures' letters is left as it is, whatever words it has", () => {
    for (const report of ["2020-12-north-somerset.txt", "2021-10-kirklees.txt"]) {
      const lines = sourceLinesOf(readFileSync(join(CORPUS, report), "utf8").split("\n"));
      const out = withLigaturesRestored(lines);
      expect(out.restored).toBe(0);
      expect(out.lines).toBe(lines);
    }
    // (Few of the pairs, but no damaged word: prose that happens to lack them.)
    expect(restored([...FILLER, "the sta of life"]).restored).toBe(0);
    // (A short text tells nothing: the pairs are few in any text of a few lines.)
    expect(restored(["1.2\tSta\tGood", "sucient oending eective", "the sta oce"]).restored).toBe(0);
  });

  test("a report with its ligatures dropped has them back in every line the list's words reach", () => {
    const text = readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt"), "utf8");
    const { lines, restored: count } = restored(withLigaturesDropped(text).split("\n"));
    const original = text.split("\n");
    expect(count).toBe(166);
    const differing = lines.filter((line, i) => line !== original[i]);
    // (What is left, of 103 lines with a ligature: "ag" for "flag", a spelling of two letters.)
    expect(original.filter((l) => /f[fil]/.test(l))).toHaveLength(103);
    expect(differing).toEqual([expect.stringContaining(" ag ")]);
  });
});

// pypdf's text of a browser's PDF, whose font sets "ff" close: a space between the two f's.
describe("words split between their f's (pypdf)", () => {
  const split = [
    "1.2\tStaf f\tGood",
    "Does planning focus suf ficiently on keeping the child safe?\t57%",
    "Work to reduce reof fending was ef fective.",
    "The YOT's of fice is in the town centre.",
    "Of fending behaviour was considered, and staff from the police joined.",
  ];
  const joined = (lines: string[]) => {
    const out = withSplitFsJoined(sourceLinesOf(lines));
    return { lines: out.lines.map((l) => l.raw), joined: out.joined };
  };

  test("five or more such words: each written whole, other words left as written", () => {
    expect(joined([...FILLER, ...split])).toEqual({
      lines: [
        ...FILLER,
        "1.2\tStaff\tGood",
        "Does planning focus sufficiently on keeping the child safe?\t57%",
        "Work to reduce reoffending was effective.",
        "The YOT's office is in the town centre.",
        // ("staff from" is two words: "stafffrom" is none of the list's.)
        "Offending behaviour was considered, and staff from the police joined.",
      ],
      joined: 6,
    });
  });

  test("fewer than five: a text that means 'of fence' is left as it is", () => {
    const few = [...FILLER, "A field of fence posts.", "The of fice of the board.", "Suf ficient."];
    expect(joined(few)).toEqual({ lines: few, joined: 0 });
  });

  test("through the reader: the words whole and a warning that says so", async () => {
    const text = [...FILLER, ...split].join("\n");
    const doc = await documentFromBytes("split.txt", Buffer.from(text));
    expect(doc.sourceLines.map((l) => l.raw).slice(-5, -4)).toEqual(["1.2\tStaff\tGood"]);
    expect(doc.readWarnings?.map((w) => w.code)).toEqual(["words-split-at-ff"]);
  });
});
