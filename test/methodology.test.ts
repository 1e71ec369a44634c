// The scoring rules as a report states them, in each wording the methodology parser reads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { parseMethodology } from "../parsers/methodology.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import { rejoinRows } from "../parsers/rejoin.js";

const statementsOf = (text: string) => {
  const doc = normaliseLines(textSourceLines(text), "text");
  return parseMethodology(doc.lines, doc.footnotes).map(({ kind, count, low, high, rating }) => ({
    kind,
    count,
    low,
    high,
    rating,
  }));
};

test("a scale stated as '0 to 36' with no other keyword is read", () => {
  expect(statementsOf("The overall provider rating runs from 0 to 36.")).toEqual([
    { kind: "score-scale", count: null, low: 0, high: 36, rating: null },
  ]);
});

test("standards count, score bands and question bands", () => {
  const text = [
    "Each of the 12 standards is scored on a 0-3 scale.",
    "31-36 = Outstanding",
    "0–6 = Inadequate",
    "Minority: <50%\tInadequate",
    "Large majority: 80%+\tOutstanding",
  ].join("\n");
  expect(statementsOf(text)).toEqual([
    { kind: "standards-count", count: 12, low: null, high: null, rating: null },
    { kind: "score-band", count: null, low: 31, high: 36, rating: "Outstanding" },
    { kind: "score-band", count: null, low: 0, high: 6, rating: "Inadequate" },
    { kind: "question-band", count: null, low: 0, high: 49, rating: "Inadequate" },
    { kind: "question-band", count: null, low: 80, high: null, rating: "Outstanding" },
  ]);
});

test("bands written with a colon, 'to', quotes or 'or more'", () => {
  const text = [
    "0–6: Inadequate",
    "7 to 18 = 'Requires improvement'",
    "Large majority: 80% or more\tOutstanding",
  ].join("\n");
  expect(statementsOf(text)).toEqual([
    { kind: "score-band", count: null, low: 0, high: 6, rating: "Inadequate" },
    { kind: "score-band", count: null, low: 7, high: 18, rating: "Requires improvement" },
    { kind: "question-band", count: null, low: 80, high: null, rating: "Outstanding" },
  ]);
});

test("score bands within a sentence or a list run into one line, each by its '=' sign", () => {
  // A 2021 report's footnote states the bands in a sentence (Kirklees' note 2, as the corpus prints it).
  const note = readFileSync(join(import.meta.dirname, "..", "corpus", "2021-10-kirklees.txt"), "utf8")
    .split("\n")
    .find((line) => line.startsWith("² Each of the 12 standards")) as string;
  const bands = [
    { kind: "score-band", count: null, low: 0, high: 6, rating: "Inadequate" },
    { kind: "score-band", count: null, low: 7, high: 18, rating: "Requires improvement" },
    { kind: "score-band", count: null, low: 19, high: 30, rating: "Good" },
    { kind: "score-band", count: null, low: 31, high: 36, rating: "Outstanding" },
  ];
  expect(statementsOf(note).filter((s) => s.kind === "score-band")).toEqual(bands);
  // Croydon's list, its page run into one line (pdf.js's text items joined with spaces).
  const list =
    "banded to produce the overall rating, as follows: - 0-6 = 'Inadequate' - 7-18 = 'Requires improvement' - 19-30 = 'Good' - 31-36 = 'Outstanding'. 1. Organisational delivery";
  expect(statementsOf(list)).toEqual(bands);
  // A band first on its line and more after it: each once.
  expect(statementsOf("0-6 = 'Inadequate', 7-18 = 'Requires improvement'")).toEqual(bands.slice(0, 2));
  // Not a range within a longer number, nor one without the sign.
  expect(statementsOf("The overall score in 2019-20 = Good, and scores of 7-18 Good.")).toEqual([]);
});

test("prose about standards with no rule in it gives nothing", () => {
  expect(statementsOf("Each of the four standards of the framework was met in part.")).toEqual([]);
});

// pdfminer writes a band table's cells a box each, a blank line apart: the ranges' column, the
// ratings' heading, then the ratings (Kirklees' methodology annex, as the word processor exports it).
const boxes = (lines: string[]) => lines.flatMap((l) => [l, ""]).join("\n");

test("band tables written a column at a time: ranges, the ratings' heading, ratings, zipped in order", () => {
  const text = boxes([
    "Lowest banding (key question level)",
    "Minority: <50%",
    "Too few: 50-64%",
    "Reasonable majority: 65-79%",
    "Large majority: 80%+",
    "Rating (standard)",
    "Inadequate",
    "Requires improvement",
    "Good",
    "Outstanding ☆",
    "Score",
    "0-6",
    "7-18",
    "19-30",
    "31-36",
    "Rating (overall)",
    "Inadequate",
    "Requires improvement",
    "Good",
    // (pdfminer's mark for a glyph its font maps to no character, here the star)
    "Outstanding (cid:0)",
    "We do not include any weightings in the scoring rules.",
  ]);
  expect(statementsOf(text)).toEqual([
    { kind: "question-band", count: null, low: 0, high: 49, rating: "Inadequate" },
    { kind: "question-band", count: null, low: 50, high: 64, rating: "Requires improvement" },
    { kind: "question-band", count: null, low: 65, high: 79, rating: "Good" },
    { kind: "question-band", count: null, low: 80, high: null, rating: "Outstanding" },
    { kind: "score-band", count: null, low: 0, high: 6, rating: "Inadequate" },
    { kind: "score-band", count: null, low: 7, high: 18, rating: "Requires improvement" },
    { kind: "score-band", count: null, low: 19, high: 30, rating: "Good" },
    { kind: "score-band", count: null, low: 31, high: 36, rating: "Outstanding" },
  ]);
  // Each statement points at both its cells.
  const doc = normaliseLines(textSourceLines(text), "text");
  expect(parseMethodology(doc.lines, doc.footnotes)[0]?.provenance.snippet).toBe(
    "Minority: <50%\tInadequate",
  );
});

test("a band column out of step with its ratings (its first range joined to the heading above, or ratings to spare) is not zipped", () => {
  // Tower Hamlets' as pdfminer writes a browser's print, once the heading and the first range
  // are read as one paragraph: three ranges left, for four ratings or (the last not one) three.
  const ranges = [
    "Lowest banding (proportion of cases judged to be sufficient) Minority: <50%",
    "Too few: 50-64%",
    "Reasonable majority: 65-79%",
    "Large majority: 80%+",
    "Rating (standard)",
  ];
  const ratings = ["Inadequate", "Requires improvement", "Good"];
  expect(statementsOf(boxes([...ranges, ...ratings, "Outstanding (cid:0)"]))).toEqual([]);
  expect(
    statementsOf(boxes([...ranges, ...ratings, "We use case sub-samples for some of the key questions."])),
  ).toEqual([]);
  // Four ranges, five ratings after them: not this table's column alone.
  expect(
    statementsOf(
      boxes([
        "0-6",
        "7-18",
        "19-30",
        "31-36",
        "Inadequate",
        "Requires improvement",
        "Good",
        "Outstanding",
        "Good",
      ]),
    ),
  ).toEqual([]);
});

test.each([
  ["beside its range (getText of A5 pages)", ["Too few: 50-64% Requires", "improvement"]],
  [
    "below its range, alone (pdftotext and MuPDF of A5 pages)",
    ["Too few: 50-64%", "Requires", "improvement"],
  ],
])("a band whose rating cell wrapped, 'Requires' / 'improvement', %s", (_, band) => {
  const text = ["Minority: <50% Inadequate", ...band, "Reasonable majority: 65-79% Good"];
  expect(statementsOf(text.join("\n"))).toEqual([
    { kind: "question-band", count: null, low: 0, high: 49, rating: "Inadequate" },
    { kind: "question-band", count: null, low: 50, high: 64, rating: "Requires improvement" },
    { kind: "question-band", count: null, low: 65, high: 79, rating: "Good" },
  ]);
});

test("boxes of two ranges, then their two ratings, one wrapped in its cell, then a range and its rating a box each", () => {
  // pdfminer of the word processor's A5 pages (Tower Hamlets): "Too few" had been read as a row
  // with the first range's rating, "Inadequate", and "Minority" lost.
  // (The report's ratings table written a cell per line too, as pdfminer writes it: the text is
  // read as one written a cell per line, whose lone cells make rows.)
  const ratingsTable = ["Assessment", "Planning", "Implementation and delivery", "Reviewing"].flatMap(
    (name, k) => [`2.${k + 1}`, name, "Good", `3.${k + 1}`, name, "Requires improvement"],
  );
  const text = [
    ratingsTable.join("\n"),
    "",
    boxes(["Rating (standard)", "Minority: <50%", "Too few: 50-64%", "Inadequate"]),
    "Requires ",
    "improvement",
    "",
    boxes(["Reasonable majority: 65-79%", "Good", "Large majority: 80%+", "Outstanding"]),
  ].join("\n");
  const doc = rejoinRows(normaliseLines(textSourceLines(text), "text"));
  const bands = parseMethodology(doc.lines, doc.footnotes).map(({ low, high, rating }) => [
    low,
    high,
    rating,
  ]);
  expect(bands.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([
    [0, 49, "Inadequate"],
    [50, 64, "Requires improvement"],
    [65, 79, "Good"],
    [80, null, "Outstanding"],
  ]);
});

test("the rest of a band table a column at a time after its first rows read a row at a time: zipped where it goes on from them", () => {
  // Croydon's as pdfminer writes the word processor's PDF: "Too few: 50-64%" / "Requires
  // improvement" a row, then the two last ranges' boxes and their two ratings'.
  const rest = ["Reasonable majority: 65-79%", "Large majority: 80%+", "Good", "Outstanding"];
  expect(statementsOf(boxes(["Too few: 50-64%\tRequires improvement", ...rest]))).toEqual([
    { kind: "question-band", count: null, low: 50, high: 64, rating: "Requires improvement" },
    { kind: "question-band", count: null, low: 65, high: 79, rating: "Good" },
    { kind: "question-band", count: null, low: 80, high: null, rating: "Outstanding" },
  ]);
  // Not where they do not go on from the row before (a range skipped), nor where the ratings
  // are not the next up from its rating.
  expect(statementsOf(boxes(["Minority: <50%\tInadequate", ...rest]))).toHaveLength(1);
  expect(
    statementsOf(
      boxes(["Too few: 50-64%\tRequires improvement", ...rest.slice(0, 2), "Outstanding", "Good"]),
    ),
  ).toHaveLength(1);
});
