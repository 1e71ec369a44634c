// Words a converter split across two cells, the letter at the cut written in both ("saf" | "fe?"),
// as the corpus's own texts show it: one cell again where the report prints the word so made,
// never two words set a column's gap apart.
import { expect, test } from "vitest";
import type { Line } from "../parsers/lines.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import { cellsWithSplitWordsJoined, notesWordsParted } from "../parsers/split-words.js";
import { TOWER_HAMLETS_STAFFING, damagedReport } from "./helpers/shared.js";

test("a word split across cells is whole again where the report prints it; two words stay two", () => {
  // (How often the report prints each word: a piece of a split word once, where it stands.)
  const printed = new Map(
    ["the", "child", "safe", "support", "people", "keep", "other", "focus", "sufficiently"].map((w) => [
      w,
      5,
    ]),
  );
  const timesPrinted = (w: string, times: number) =>
    (printed.get(w) ?? (w === "saf" || w === "fe" ? 1 : 0)) >= times;
  expect(
    cellsWithSplitWordsJoined(["Does planning ... keeping the child saf", "fe?", "75%"], timesPrinted),
  ).toEqual(["Does planning ... keeping the child safe?", "75%"]);
  // (A piece of one letter is no word: "people" | "e safe?".)
  expect(cellsWithSplitWordsJoined(["... keep other people", "e safe?"], timesPrinted)).toEqual([
    "... keep other people safe?",
  ]);
  // Two words a column's gap apart, as OCR'd text sets them, stay two cells.
  const twoWords = ["... how to support", "the child ...?"];
  expect(cellsWithSplitWordsJoined(twoWords, timesPrinted)).toBe(twoWords);
  // No word the report prints ("provi" | "sion": no repeated letter; "the" | "eo": "theo").
  expect(cellsWithSplitWordsJoined(["provi", "sion"], timesPrinted)).toEqual(["provi", "sion"]);
  expect(cellsWithSplitWordsJoined(["the", "eo"], timesPrinted)).toEqual(["the", "eo"]);
});

test("a key question so split is the key question it is (Blackburn with Darwen 3.3.2, 71%)", async () => {
  // Before, "... of the ch hild?" was read as a prompt of 3.3.1, and 3.3.2 was lost.
  const record = await damagedReport("2023-01-blackburn-with-darwen.txt", [
    "Does service delivery effectively support the safety of the child?\t71%",
    "Does service delivery effectively support the safety of the ch\thild?\t71%",
  ]);
  const kqs = record.keyQuestions.filter((k) => k.standardId === "3.3" && k.source === "body");
  expect(kqs.map((k) => [k.id, k.text, k.percent])).toEqual([
    ["3.3.1", "Does service delivery effectively support the child's desistance?", 100],
    ["3.3.2", "Does service delivery effectively support the safety of the child?", 71],
    ["3.3.3", "Does service delivery effectively support the safety of other people?", 100],
  ]);
  expect(record.prompts.filter((p) => p.keyQuestionId.startsWith("3.3") && p.source === "body")).toEqual([]);
});

test("a facts label so split is its label, and the table reads on (Tower Hamlets' staffing data)", async () => {
  // Before, the split row and the five after it were lost.
  const record = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
    "Total headcount qualified case managers (FTE) ¹³\t10",
    "Total headcount qualified case man\tnagers (FTE) ¹³\t10",
  ]);
  const staffing = record.contextualFacts.filter((f) => f.group === "staffing");
  expect(staffing.map((f) => [f.label, f.value])).toEqual(TOWER_HAMLETS_STAFFING);
});

test("a rating cut in two in the ratings table is the standard's rating (Blackburn with Darwen 2.3, 'Outstanding')", async () => {
  // Before, the row's rating was lost (and with it the computed score).
  const record = await damagedReport("2023-01-blackburn-with-darwen.txt", [
    "2.3\tImplementation and delivery\tOutstanding",
    "2.3\tImplementation and delivery\tOutsta\tnding",
  ]);
  expect(record.standards.find((s) => s.id === "2.3")?.rating).toBe("Outstanding");
  expect(record.computedScore).toBe(record.statedScore);
  const cut = (a: string, b: string) => cellsWithSplitWordsJoined([a, b], () => false);
  expect(cut("Requires improveme", "nt")).toEqual(["Requires improvement"]);
  expect(cut("Go", "od")).toEqual(["Good"]);
  // ("Requires" | "improvement" stay as they stand; a rating whole is no piece.)
  expect(cut("Requires", "improvement")).toEqual(["Requires", "improvement"]);
  expect(cut("Good", "od")).toEqual(["Good", "od"]);
});

test("a note's words run together where its lines wrapped (pypdf) are parted where the report prints them apart; nothing else is touched", () => {
  // North Somerset's notes 20 and 24 as pypdf writes them, each note's lines run into one.
  const body = normaliseLines(
    textSourceLines(
      [
        "Due to the size of the sample, performance in one case adversely affected the rating.",
        "The ratings panel agreed to apply professional discretion to the rating for this standard.",
        "Implementation and delivery was rated as 'Good'. Our caseload data are set out below.",
      ].join("\n"),
    ),
    "text",
  );
  const line = body.lines[0] as Line;
  const note20 =
    "Planning was judged to be sufficient in the majority of cases. Due to the size of the sample, performance in onecase had a disproportionate impact on the overall score for this standard. For this reason, the ratings panel agreed to exercise professionaldiscretion, and agreed a rating for planning of Good.";
  const note24 =
    "Due to the size of the sample, performance in one case adversely affected the rating for this standard. Overall,implementation and delivery was strong, and the ratings panel agreed to apply professional discretion to uplift the rating for this standard toGood.";
  const withNotes = (texts: string[]) => ({
    ...body,
    footnotes: texts.map((text, k) => ({ marker: String(20 + k), text, line })),
  });
  const parted = notesWordsParted(withNotes([note20, note24])).footnotes.map((n) => n.text);
  expect(parted).toEqual([
    "Planning was judged to be sufficient in the majority of cases. Due to the size of the sample, performance in one case had a disproportionate impact on the overall score for this standard. For this reason, the ratings panel agreed to exercise professional discretion, and agreed a rating for planning of Good.",
    "Due to the size of the sample, performance in one case adversely affected the rating for this standard. Overall, implementation and delivery was strong, and the ratings panel agreed to apply professional discretion to uplift the rating for this standard to Good.",
  ]);
  // Notes that show no words run together (no comma or capital glued on) are left as written,
  // "onecase" too: nothing says the converter ran lines together.
  const quiet = withNotes([note20]);
  expect(notesWordsParted(quiet)).toBe(quiet);
  // A word the report's text prints stays whole ("caseload", though "case load" stands in a
  // note), and so does a web address.
  const kept = notesWordsParted(
    withNotes([
      "Overall,the caseload is small. The case load rose.",
      "See www.justiceinspectorates.gov.uk/onecase",
    ]),
  ).footnotes.map((n) => n.text);
  expect(kept).toEqual([
    "Overall, the caseload is small. The case load rose.",
    "See www.justiceinspectorates.gov.uk/onecase",
  ]);
});
