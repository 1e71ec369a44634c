// Reports we have not seen print other figures, ratings and names in the same tables. Each corpus
// report with its figures replaced must be read with the replacements, each at its own place:
// a parser that chose a row, a column or a rating by what the five reports happen to hold (a
// figure's size, the order of two counts, which rating stands where) fails here.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { ReportRecord } from "../schemas/report.js";
import { withCountsMoved, withPercentsShuffled } from "../scripts/make-variants.js";
import { readText, valueStatements } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const reports = readdirSync(CORPUS).filter((f) => f.endsWith(".txt"));
const textOf = (name: string) => readFileSync(join(CORPUS, name), "utf8");

/** Whether a whole number was read from a figure printed with a percent sign in its snippet. */
const printedAsPercent = (value: number, snippet: string | undefined) =>
  new RegExp(`(?<![\\d.,])${value}\\s?%`).test(snippet ?? "");

const keyQuestionFigures = (r: ReportRecord, p: (n: number | null) => number | null = (n) => n) =>
  r.keyQuestions.map((k) => [k.id, k.source, p(k.percent), k.relevant, k.yes, k.subSample]);
const promptFigures = (r: ReportRecord, p: (n: number | null) => number | null = (n) => n) =>
  r.prompts.map((q) => [q.keyQuestionId, q.label, q.text, p(q.percent), q.relevant, q.yes]);

describe.each(reports)("%s read with other figures", (name) => {
  const text = textOf(name);

  test.each([1, 2, 3])(
    "every percentage shuffled (seed %i): each read as printed, where it was",
    async (seed) => {
      const shuffled = withPercentsShuffled(text, seed * 7919);
      const to = (n: number) => shuffled.to[n] as number;
      const original = await readText(name, text);
      const read = await readText(name, shuffled.text);
      const p = (n: number | null) => (n === null ? null : to(n));
      expect(keyQuestionFigures(read)).toEqual(keyQuestionFigures(original, p));
      expect(promptFigures(read)).toEqual(promptFigures(original, p));
      const facts = (
        r: ReportRecord,
        percent: (f: ReportRecord["contextualFacts"][number]) => number | null,
      ) => r.contextualFacts.map((f) => [f.group, f.label, f.subject, f.unit, percent(f)]);
      expect(facts(read, (f) => f.value)).toEqual(
        facts(original, (f) =>
          f.unit === "percent" &&
          f.value !== null &&
          Number.isInteger(f.value) &&
          printedAsPercent(f.value, f.provenance?.snippet)
            ? to(f.value)
            : f.value,
        ),
      );
      // Nothing else moves: the ratings, the score and the samples are the report's own.
      expect(read.standards.map((s) => [s.rating, s.sectionRating, s.annexRating])).toEqual(
        original.standards.map((s) => [s.rating, s.sectionRating, s.annexRating]),
      );
      expect([read.overallRating, read.statedScore, read.samples]).toEqual([
        original.overallRating,
        original.statedScore,
        original.samples,
      ]);
    },
  );

  test("a rating's words swapped for another's: each standard and the overall rating read as printed", async () => {
    const original = await readText(name, text);
    const RATINGS = ["Inadequate", "Requires improvement", "Good", "Outstanding"] as const;
    for (const order of [
      [1, 2, 3, 0],
      [3, 2, 1, 0],
      [2, 3, 0, 1],
    ]) {
      const to = new Map(RATINGS.map((r, i) => [r as string, RATINGS[order[i] as number] as string]));
      const swapped = text.replace(
        /\b(?:Inadequate|Requires improvement|Good|Outstanding)\b/g,
        (r) => to.get(r) as string,
      );
      const read = await readText(name, swapped);
      // (A rating written across two cells, "Requires" ... "improvement", is not swapped: it is
      // still read as printed.)
      const as = (rating: string | null, snippet: string | undefined) =>
        rating !== null && snippet?.includes(rating) ? (to.get(rating) as string) : rating;
      expect(read.standards.map((s) => [s.id, s.rating, s.sectionRating, s.annexRating])).toEqual(
        original.standards.map((s) => [
          s.id,
          as(s.rating, s.provenance?.snippet),
          as(s.sectionRating, s.sectionProvenance?.snippet),
          as(s.annexRating, s.annexProvenance?.snippet),
        ]),
      );
      expect(read.overallRating).toBe(
        as(original.overallRating, original.identityProvenance.overallRating?.snippet),
      );
    }
  });

  test("the area, the lead inspector and the score renamed: read as printed", async () => {
    const original = await readText(name, text);
    expect(original.area).not.toBeNull();
    let renamed = text.split(original.area as string).join("Westmere Vale");
    if (original.leadInspector) renamed = renamed.split(original.leadInspector).join("Olwen Marsh-Tate");
    renamed = renamed.replace(
      /(Score\s*)(\d{1,2})(\s*\/\s*36)/g,
      (_m, a, n: string, b) => `${a}${(Number(n) + 5) % 37}${b}`,
    );
    const read = await readText(name, renamed);
    expect(read.area).toBe("Westmere Vale");
    expect(read.leadInspector).toBe(original.leadInspector ? "Olwen Marsh-Tate" : null);
    expect(read.statedScore).toBe(original.statedScore === null ? null : (original.statedScore + 5) % 37);
    expect(read.serviceName).toBe(
      original.serviceName?.split(original.area as string).join("Westmere Vale") ?? null,
    );
  });

  // Areas whose names hold what the parsers split on or look for elsewhere: "and", "&", "upon",
  // hyphens, a diacritic, a short word.
  test.each([
    "Brighton & Hove",
    "Bath and North East Somerset",
    "Richmond upon Thames",
    "Stoke-on-Trent",
    "Ynys Môn",
    "St Helens",
    "Bury",
  ])("the area named %s: every value as with its own name", async (area) => {
    const original = await readText(name, text);
    const own = original.area as string;
    const read = await readText(name, text.split(own).join(area));
    const values = (r: ReportRecord, as: string) =>
      [...valueStatements(r)].map((v) => v.split(as).join("<area>")).sort();
    expect(read.area).toBe(area);
    expect(values(read, area)).toEqual(values(original, own));
  });
});

describe("counts moved, their order kept (n -> 2n + 1)", () => {
  const countReports = reports.filter((name) => /Relevant cases\tNumber 'Yes'/.test(textOf(name)));

  test("one corpus report prints counts (2020's reports did)", () => {
    expect(countReports).toEqual(["2020-12-north-somerset.txt"]);
  });

  test.each(countReports)("%s: every key question's and prompt's counts read as printed", async (name) => {
    const original = await readText(name, textOf(name));
    const read = await readText(name, withCountsMoved(textOf(name)));
    const m = (n: number | null) => (n === null ? null : 2 * n + 1);
    const counted = (r: ReportRecord, f: (n: number | null) => number | null = (n) => n) => [
      r.keyQuestions.map((k) => [k.id, k.percent, f(k.relevant), f(k.yes), f(k.subSample)]),
      r.prompts.map((q) => [q.keyQuestionId, q.text, f(q.relevant), f(q.yes), f(q.subSample)]),
    ];
    expect(original.keyQuestions.filter((k) => k.yes !== null).length).toBeGreaterThan(20);
    expect(counted(read)).toEqual(counted(original, m));
  });
});

// A row a report does not print (a prompt dropped in its year's framework, a row lost to an image)
// must take nothing with it: no other row's figure moves up into its place.
describe.each(["2020-12-north-somerset.txt", "2022-07-tower-hamlets-and-city-of-london.txt"])(
  "%s with one row deleted",
  (name) => {
    test("each key question's, prompt's and fact's row deleted in turn: every other value read as before", async () => {
      const text = textOf(name);
      const lines = text.split("\n");
      const original = await readText(name, text);
      const before = valueStatements(original);
      const rows = new Set(
        [...original.keyQuestions, ...original.prompts, ...original.contextualFacts].map(
          (v) => v.provenance.line,
        ),
      );
      expect(rows.size).toBeGreaterThan(100);
      const moved: string[] = [];
      for (const line of rows) {
        const read = await readText(name, [...lines.slice(0, line - 1), ...lines.slice(line)].join("\n"));
        for (const value of valueStatements(read))
          if (!before.has(value)) moved.push(`line ${line}: ${value}`);
      }
      expect(moved).toEqual([]);
    }, 60_000);
  },
);
