// The scoring rules as a report states them, in each wording the methodology parser reads.
import { expect, test } from "vitest";
import { parseMethodology } from "../parsers/methodology.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";

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

test("prose about standards with no rule in it gives nothing", () => {
  expect(statementsOf("Each of the four standards of the framework was met in part.")).toEqual([]);
});
