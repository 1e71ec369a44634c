// The page-lines stage: a text whose every page was run into one line (pdf.js's text items joined
// with spaces) is cut back into lines at its structure; a text of paragraphs is not.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { textSourceLines } from "../parsers/normalise.js";
import { linesRunTogether, runOnLinesSplit } from "../parsers/page-lines.js";
import { documentFromBytes } from "../parsers/read.js";
import { runOnRowsSplit } from "../parsers/run-on-rows.js";
import { toPageLines, toParagraphLines } from "../scripts/make-variants.js";
import { extractDocument } from "../src/extract.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const kirklees = readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8");

/** The lines a report's page-lines text is cut into (its pages' blank lines apart left out). */
const pageLines = (report = "2021-10-kirklees.txt") =>
  runOnLinesSplit(textSourceLines(toPageLines(readFileSync(join(CORPUS, report), "utf8"))))
    .map((l) => l.raw)
    .filter((l) => l !== "");

/** Those lines from the line `first` on, `count` of them. */
function linesFrom(first: string, count: number): string[] {
  const lines = pageLines();
  const at = lines.indexOf(first);
  expect(at).toBeGreaterThanOrEqual(0);
  return lines.slice(at, at + count);
}

describe("linesRunTogether", () => {
  test("a text run a page a line is told apart from one of long paragraphs", () => {
    const page = "word ".repeat(500); // 2,500 characters
    expect(linesRunTogether([page, "", page, "Contents"])).toEqual({ lines: 2, percent: 100 });
    // Long lines holding less than half the text, or no line over 2,000 characters: no warning.
    expect(
      linesRunTogether([page, ...Array(60).fill("a paragraph of some fifty characters, as reports have")]),
    ).toBe(null);
    expect(linesRunTogether(Array(40).fill("x".repeat(2000)))).toBe(null);
  });
});

describe("runOnLinesSplit: a page run into one line is cut at its structure", () => {
  test("the cover, and the contents' entries with their page numbers", () => {
    expect(linesFrom("Her Majesty's Inspectorate of Probation", 6)).toEqual([
      "Her Majesty's Inspectorate of Probation",
      "An inspection of youth offending services in",
      "Kirklees",
      "HM Inspectorate of Probation, October 2021",
      "Contents",
      "Foreword 3",
    ]);
  });

  test("the ratings table after the foreword's signature: heading, service, score, overall rating, rows", () => {
    const lines = pageLines();
    const signed = lines.findIndex((l) => l.endsWith(". Justin Russell Chief Inspector of Probation"));
    expect(signed).toBeGreaterThan(0);
    expect(lines.slice(signed + 1, signed + 8)).toEqual([
      "Ratings",
      "Kirklees youth justice service",
      "Score 8/36",
      "Overall rating Requires improvement",
      "1. Organisational delivery",
      "1.1 Governance and leadership Requires improvement",
      "1.2 Staff Requires improvement",
    ]);
  });

  test("a standard's section: heading, description, rating, key questions with their figures, the page's note", () => {
    expect(linesFrom("2.1. Assessment", 8)).toEqual([
      "2.1. Assessment",
      "Assessment is well-informed, analytical and personalised, actively involving the child and their parents/carers.",
      "Requires improvement",
      "Our rating¹⁹ for assessment is based on the following key questions: % yes",
      "Does assessment sufficiently analyse how to support the child's desistance? 64%",
      "Does assessment sufficiently analyse how to keep the child safe? 59%",
      "Does assessment sufficiently analyse how to keep other people safe? 50%",
      "¹⁹ The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band, indicated in bold in the table. See Annexe 1 for a more detailed explanation.",
    ]);
  });

  test("other reports' pages: a heading after a note's web address, a note before the key questions' lead-in", () => {
    const towerHamlets = pageLines("2022-07-tower-hamlets-and-city-of-london.txt");
    const staff = towerHamlets.indexOf("1.2. Staff");
    expect(towerHamlets[staff - 1]).toBe("_ ¹¹ https://www.wipers.org.uk/the-ether-programme");
    // North Somerset's note (its marker as the text writes it) ends where the lead-in starts, which keeps its own marker.
    const northSomerset = pageLines("2020-12-north-somerset.txt");
    const leadIn = northSomerset.indexOf(
      "Our rating<sup>25</sup> for implementation and delivery is based on the following key questions:",
    );
    expect(northSomerset[leadIn - 1]).toMatch(
      /^<sup>&<\/sup>lt;sup>24<\/sup> Due to the size of the sample, .* to uplift the rating for this standard to Good\.$/,
    );
  });

  test("recommendations: the lead-in, each numbered item, an addressee after the item before", () => {
    const lines = linesFrom("The Kirklees Youth Justice Service should:", 12);
    expect(lines.slice(0, 3).map((l) => l.split(" ").slice(0, 4).join(" "))).toEqual([
      "The Kirklees Youth Justice",
      "1. review its board",
      "2. develop individual and",
    ]);
    expect(lines.some((l) => l === "West Yorkshire Police should:")).toBe(true);
  });

  /** The `count` lines of a report's page-lines text from the first that starts with `first`. */
  const linesOf = (report: string, first: string, count: number) => {
    const lines = pageLines(report);
    const at = lines.findIndex((l) => l.startsWith(first));
    expect(at).toBeGreaterThanOrEqual(0);
    return lines.slice(at, at + count);
  };
  const TOWER_HAMLETS = "2022-07-tower-hamlets-and-city-of-london.txt";

  test("a facts table's heading with its note's plain digits a space after it, where no figure can follow: a split's heading, a label-first table's first label", () => {
    expect(linesOf("2019-croydon.txt", "Caseload information", 4)).toEqual([
      "Caseload information 5",
      "Age (years) 10-14 15-17",
      "Croydon 19% 81%",
      "National average 24% 76%",
    ]);
    expect(linesOf(TOWER_HAMLETS, "Caseload characteristics", 4)).toEqual([
      "Caseload characteristics 15",
      "Percentage of current caseload with mental health issues 25.4%",
      "Percentage of current caseload with substance misuse issues 54.2%",
      "Percentage of current caseload with an education, health and care plan 18.6%",
    ]);
    // A heading opening its page's line, its marker raised (Kirklees').
    expect(linesOf("2021-10-kirklees.txt", "Caseload characteristics", 2)).toEqual([
      "Caseload characteristics¹⁸",
      "Percentage of current caseload with mental health issues 70%",
    ]);
  });

  test("a label-first table ends where the standard's questions' lead-in starts", () => {
    const staffing = linesOf(TOWER_HAMLETS, "Key staffing data", 9);
    expect(staffing[7]).toBe("Staff attrition (percentage of all staff leaving in 12-month period) 16.6%");
    expect(staffing[8]).toMatch(/^In making a judgement about staffing, we take into account/);
  });

  test("a figure-first table between its heading's marker in markup and the page's notes after its last label", () => {
    const caseload = linesOf("2020-12-north-somerset.txt", "Additional caseload data", 8);
    expect(caseload.slice(0, 2)).toEqual([
      "Additional caseload data<sup>6</sup>",
      "38 Total current caseload: community sentences",
    ]);
    expect(caseload[6]).toBe(
      "79 Total current caseload: community resolution or other out-of-court disposal",
    );
    expect(caseload[7]).toMatch(/^<sup>&<\/sup>lt;sup>3<\/sup> Office for National Statistics/);
  });

  test("a note whose marker is LaTeX after a table's row", () => {
    expect(linesOf(TOWER_HAMLETS, "Violence against the person", 4)).toEqual([
      "Violence against the person 50%",
      "Burglary 11%",
      "Robbery 6%",
      expect.stringMatching(/^\$\^\{\^\{9\}\}\$ Data supplied by the YJS/),
    ]);
  });

  test("headings: a standard's with its domain, 'Overall findings' after the foreword's signature, a key question by its printed number", () => {
    expect(linesOf(TOWER_HAMLETS, "2.3. Implementation and delivery (court", 2)).toEqual([
      "2.3. Implementation and delivery (court disposals)",
      "Does the implementation and delivery of services effectively support the child's desistance?",
    ]);
    const findings = linesOf("2019-croydon.txt", "Overall findings", 2);
    expect(findings[0]).toBe("Overall findings");
    expect(findings[1]).toMatch(
      /^Overall, Croydon Youth Offending Service \(YOS\) is rated as: Requires improvement\./,
    );
    // Croydon's 2.2.1, after its standard's description (the report's own damaged words).
    expect(linesOf("2019-croydon.txt", "active ing is", 2)[1]).toBe(
      "2.2.1. Does planning focus sufficiently on supporting the child or young person's desistance? 84%",
    );
    // A printed number stays with its question where the line is cut before it (Kirklees').
    expect(linesOf("2021-10-kirklees.txt", "3.2.1", 1)).toEqual([
      "3.2.1 Does the YOT work effectively with the police in implementing the out-of-court disposal?³⁰",
    ]);
  });

  test("a section's rating before a table's rule, and the key questions' lead-in after a rule or a wrapped rating", () => {
    const lines = pageLines(TOWER_HAMLETS);
    const good = lines.indexOf(
      "Assessment is well-informed, analytical and personalised, actively involving the child and their parents or carers.",
    );
    expect(lines.slice(good + 1, good + 4)).toEqual([
      "Good",
      "--- ------",
      "Our rating ¹⁷ for assessment is based on the following key guestions: % 'Yes'",
    ]);
    expect(
      linesOf(TOWER_HAMLETS, "Assessment is well-informed, analytical and personalised, Requires", 2),
    ).toEqual([
      "Assessment is well-informed, analytical and personalised, Requires actively involving the child and their parents or carers. improvement",
      "Our rating²¹ for assessment is based on the following key guestions: % 'Yes'",
    ]);
  });

  test("what opens a page's line: a table's last row carried over before the section's prose, a section's rating before its strengths", () => {
    expect(
      linesOf(
        "2020-12-north-somerset.txt",
        "Does reviewing focus sufficiently on keeping other people safe? 7 5",
        2,
      ),
    ).toEqual([
      "Does reviewing focus sufficiently on keeping other people safe? 7 5",
      expect.stringMatching(/^Work was adapted, where necessary, to support safety and wellbeing/),
    ]);
    const blackburn = linesOf(
      "2023-01-blackburn-with-darwen.txt",
      "Timely and relevant information is available",
      3,
    );
    expect(blackburn.slice(1, 2)).toEqual(["Good"]);
    expect(blackburn[2]).toMatch(/^Strengths: - Policies, procedures, and guidance are thorough/);
  });

  test("a text of paragraphs, even one on a line, is cut only at its run-on rows, never at a heading word", () => {
    const rowsKeptApart = textSourceLines(kirklees);
    expect(runOnLinesSplit(rowsKeptApart)).toBe(rowsKeptApart);
    const paragraphs = textSourceLines(toParagraphLines(kirklees));
    expect(runOnLinesSplit(paragraphs)).toEqual(runOnRowsSplit(paragraphs));
  });
});

test("a text run a page a line that shows no report's structure is refused, saying why it may hide it", async () => {
  const page = "The youth offending service was inspected and its work with children was reviewed. ".repeat(
    30,
  );
  const raw = await documentFromBytes("minutes.txt", Buffer.from([page, page, page].join("\n\n")));
  expect(raw.readWarnings?.map((w) => w.code)).toEqual(["text-lines-run-together"]);
  expect(() => extractDocument(raw)).toThrow(
    /no ratings table and no standard sections; most of its text stands in lines of thousands of characters/,
  );
});
