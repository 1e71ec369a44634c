// Recommendations numbered in other ways than "1. ", split tables with an unreadable cell, and
// the "Re-offending" / "FTE" / "Ethnic group" wordings of the contextual facts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { parseFacts } from "../parsers/facts.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import { documentFromBytes } from "../parsers/read.js";
import { parseRecommendations } from "../parsers/recommendations.js";
import { rejoinRows } from "../parsers/rejoin.js";
import { segment } from "../parsers/segment.js";
import { extractDocument } from "../src/extract.js";
import { TOWER_HAMLETS_STAFFING, readText } from "./helpers/shared.js";

function linesOf(text: string) {
  const { lines } = normaliseLines(textSourceLines(text), "text");
  return { lines, seg: segment(lines) };
}

/** The recommendations read from a section of these lines (between its heading and the next section's). */
function recommendationsIn(...section: string[]) {
  const { lines, seg } = linesOf(["Recommendations", ...section, "", "Background"].join("\n"));
  return parseRecommendations(lines, seg).recommendations;
}

/** Kirklees' recommendations after a lead-in written as given (its lines), the list `list`. */
function recommendationsAfter(leadIn: string[], list = `1. ${BOARD}\n2. ${DATA}`) {
  return recommendationsIn(...leadIn, "The Kirklees Youth Justice Service should:", list);
}

function recommendationsOf(list: string) {
  return recommendationsAfter(
    [
      "As a result of our inspection findings, we have made two recommendations that we believe, if implemented, will have a positive impact on the quality of youth offending services in Kirklees.",
    ],
    list,
  );
}

function factsOf(body: string) {
  const { lines, seg } = linesOf(`Contextual facts\n\n${body}\n\n1. Organisational delivery`);
  const { facts, warnings } = parseFacts(lines, seg);
  return {
    facts: facts.map((f) => [f.group, f.label, f.subject, f.role, f.value, f.unit]),
    warnings: warnings.map((w) => [w.code, w.provenance?.line ?? null]),
  };
}

/** A group's facts as `factsOf` gives them, each whole or only the fields at `at` (1 label, 2 subject, 3 role, 4 value). */
const groupFacts = (r: ReturnType<typeof factsOf>, group: string, ...at: number[]) =>
  r.facts.filter((f) => f[0] === group).map((f) => (at.length > 0 ? at.map((k) => f[k]) : f));

/** An ethnicity split's three facts of one subject, as `groupFacts(r, "ethnicity", 1, 2, 4)` gives them. */
const ethnicityOf = (subject: string, white: number, minority: number, unknown: number) => [
  ["White", subject, white],
  ["Black and minority ethnic", subject, minority],
  ["Unknown", subject, unknown],
];

const BOARD =
  "review its board membership, role and function to make sure that its representatives have the seniority to make decisions";
const DATA = "improve the analysis and use of data to shape strategic and operational delivery";

test.each([
  ["1) and 2) with a tab", `1)\t${BOARD}\n2)\t${DATA}`],
  ["(1) and (2)", `(1) ${BOARD}\n(2) ${DATA}`],
  ["a tab cell with the period lost", `1\t${BOARD}\n2\t${DATA}`],
  ["a bare number and a space", `1 ${BOARD}\n2 ${DATA}`],
  ["the space after the period lost", `1.${BOARD}\n2.${DATA}`],
  ["the usual 1. and 2.", `1. ${BOARD}\n2. ${DATA}`],
  ["letters a. and b.", `a. ${BOARD}\nb. ${DATA}`],
  ["letters (a) and (b)", `(a) ${BOARD}\n(b) ${DATA}`],
])("recommendations numbered with %s are read", (_, list) => {
  const r = recommendationsOf(list);
  expect(r.statedCount).toBe(2);
  expect(r.items.map((i) => [i.number, i.addressee, i.text])).toEqual([
    [1, "The Kirklees Youth Justice Service", BOARD],
    [2, "The Kirklees Youth Justice Service", DATA],
  ]);
});

test("a bare number continues the list only in sequence; prose beginning with a number is not an item", () => {
  const r = recommendationsOf(
    `1\t${BOARD}\n2\t${DATA}\n12 children were supervised on court orders at the time`,
  );
  expect(r.items.map((i) => i.number)).toEqual([1, 2]);
  const before = recommendationsOf(`3 of these are for the management board\n1. ${BOARD}`);
  expect(before.items.map((i) => [i.number, i.text])).toEqual([[1, BOARD]]);
  const section = recommendationsOf(`1. ${BOARD}\n2.1 Assessment\n2. ${DATA}`);
  expect(section.items.map((i) => i.number)).toEqual([1, 2]);
});

test.each([
  "As a result of our inspection findings, we make two recommendations that we believe will improve the service.",
  "As a result of our inspection findings, we have made a total of two recommendations.",
  "As a result of our inspection findings, two recommendations have been made.",
])("the count said otherwise in the section is read, the list after it: %s", (leadIn) => {
  const r = recommendationsAfter([leadIn, ""]);
  expect(r.statedCount).toBe(2);
  expect(r.items.map((i) => [i.number, i.text])).toEqual([
    [1, BOARD],
    [2, DATA],
  ]);
});

test("a foreword's 'we make seven recommendations' is not the section's statement: the list after the section's heading is read", async () => {
  const report = readFileSync(
    join(import.meta.dirname, "..", "corpus", "2022-07-tower-hamlets-and-city-of-london.txt"),
    "utf8",
  );
  const printed = "we have made seven recommendations that we believe";
  expect(report).toContain(printed);
  // (Its foreword says "we make seven recommendations" too.)
  expect(report).toContain("we make seven recommendations");
  const record = extractDocument(
    await documentFromBytes(
      "t.txt",
      Buffer.from(report.replace(printed, "we make seven recommendations that we believe")),
    ),
  );
  expect(record.recommendations.statedCount).toBe(7);
  expect(record.recommendations.statedCountProvenance?.line).toBe(244);
  expect(record.recommendations.items).toHaveLength(7);
});

test("a stated count whose number ends its line, 'recommendations' opening the next, is read (pdftotext, a browser's A5 pages)", () => {
  const r = recommendationsAfter([
    "As a result of our inspection findings, we have made 2",
    "recommendations that we believe, if implemented, will have a",
    "positive impact on the quality of youth offending services in Kirklees.",
    "",
  ]);
  expect(r.statedCount).toBe(2);
  expect(r.statedCountProvenance?.line).toBe(2);
  expect(r.items.map((i) => [i.number, i.text])).toEqual([
    [1, BOARD],
    [2, DATA],
  ]);
});

test("a lettered list starts again at 'a' under each addressee; a letter out of sequence runs on", () => {
  const r = recommendationsOf(
    `a. ${BOARD}\nc. ${DATA}\nThe Kirklees Youth Justice Service Management Board should:\na) ${DATA}`,
  );
  expect(r.items.map((i) => [i.number, i.addressee, i.text])).toEqual([
    [1, "The Kirklees Youth Justice Service", `${BOARD} c. ${DATA}`],
    [1, "The Kirklees Youth Justice Service Management Board", DATA],
  ]);
});

test("an addressee written in pieces before its 'should:' (an OCR'd justified line) is the addressee whole, not the last item's words", () => {
  // Croydon's recommendations from a scan, OCR'd and written by pdftotext: each addressee's words
  // a group at a time, blank lines between.
  const r = recommendationsIn(
    "As a result of our inspection findings, we have made three recommendations that we believe, if implemented, will have a positive impact on the quality of youth offending services in Croydon.",
    "",
    "The Youth",
    "",
    "Crime",
    "",
    "Board should:",
    "",
    `1. ${BOARD}.`,
    "",
    "The Youth Offending Team",
    "",
    "Manager should:",
    "",
    `2. ${DATA}.`,
    "The",
    "",
    "Director of Children's Services should:",
    `3. ${BOARD}.`,
  );
  expect(r.items.map((i) => [i.number, i.addressee, i.text])).toEqual([
    [1, "The Youth Crime Board", `${BOARD}.`],
    [2, "The Youth Offending Team Manager", `${DATA}.`],
    [3, "The Director of Children's Services", `${BOARD}.`],
  ]);
});

test("a bare-numbered list straight after the stated count is read", () => {
  const r = recommendationsIn(
    "We have made two recommendations that we believe, if implemented, will improve the service:",
    `1\t${BOARD}`,
    `2\t${DATA}`,
  );
  expect(r.items.map((i) => [i.number, i.addressee, i.text])).toEqual([
    [1, null, BOARD],
    [2, null, DATA],
  ]);
});

test.each(["<1%", "-", "n/a"])(
  "a split table cell printed '%s' gives a warning and the other cells are read",
  (cell) => {
    const r = factsOf(
      [
        "Race/ethnicity\tWhite\tBlack and minority ethnic\tUnknown",
        `Kirklees YJS\t65%\t30%\t${cell}`,
        "Kirklees\t71%\t29%\t0%",
        "",
        "Gender\tMale\tFemale",
        "Kirklees YJS\t91%\t9%",
        "National average\t85%\t15%",
      ].join("\n"),
    );
    expect(groupFacts(r, "ethnicity")).toEqual([
      ["ethnicity", "White", "Kirklees YJS", "service", 65, "percent"],
      ["ethnicity", "Black and minority ethnic", "Kirklees YJS", "service", 30, "percent"],
      ["ethnicity", "White", "Kirklees", "comparator", 71, "percent"],
      ["ethnicity", "Black and minority ethnic", "Kirklees", "comparator", 29, "percent"],
      ["ethnicity", "Unknown", "Kirklees", "comparator", 0, "percent"],
    ]);
    expect(r.facts.filter((f) => f[0] === "gender").map((f) => f[4])).toEqual([91, 9, 85, 15]);
    expect(r.warnings).toEqual([["fact-unreadable", 4]]);
  },
);

// pdfminer's boxes of Word's A5 page: a row whole on its line, then the next row's count alone (taken
// for a page's number), its share, and its label.
test("a count's share alone on the line after a row is no part of that row's label", () => {
  const r = factsOf(
    [
      "Additional caseload data",
      "",
      "3 (36%) Total current caseload with youth caution",
      "",
      "3 (36%) Total current caseload with youth conditional caution",
      "",
      "31",
      "(68%)",
      "",
      "Total current caseload: community resolution or other out-of-court disposal",
    ].join("\n"),
  );
  expect(groupFacts(r, "caseload", 1, 4)).toEqual([
    ["Total current caseload with youth caution", 3],
    ["Total current caseload with youth caution", 36],
    ["Total current caseload with youth conditional caution", 3],
    ["Total current caseload with youth conditional caution", 36],
  ]);
});

test("'Ethnic group' heads an ethnicity split table", () => {
  const r = factsOf(
    [
      "Ethnic group\tWhite\tBlack and minority ethnic\tUnknown",
      "Kirklees YJS\t65%\t30%\t5%",
      "Kirklees\t71%\t29%\t0%",
    ].join("\n"),
  );
  expect(r.facts.filter((f) => f[2] === "Kirklees YJS")).toEqual([
    ["ethnicity", "White", "Kirklees YJS", "service", 65, "percent"],
    ["ethnicity", "Black and minority ethnic", "Kirklees YJS", "service", 30, "percent"],
    ["ethnicity", "Unknown", "Kirklees YJS", "service", 5, "percent"],
  ]);
  expect(r.facts).toHaveLength(6);
  expect(r.warnings).toEqual([]);
});

test("a split column read in from the table beside it (every row over 100% with it, 100% without) is reported, not read", () => {
  // (North Somerset's race/ethnicity "Unknown" read between its gender split's "Male" and
  // "Female": pdftotext without a flag, a page of side-by-side tables read a column at a time.)
  const split = (columns: string, service: string, comparator: string) =>
    factsOf(
      [`Gender\t${columns}`, `North Somerset YOS\t${service}`, `National average\t${comparator}`].join("\n"),
    );
  const mixed = split("Male\tUnknown\tFemale", "75%\t13%\t25%", "85%\t4%\t15%");
  expect(mixed.facts.map((f) => [f[1], f[2], f[4]])).toEqual([
    ["Male", "North Somerset YOS", 75],
    ["Female", "North Somerset YOS", 25],
    ["Male", "National average", 85],
    ["Female", "National average", 15],
  ]);
  expect(mixed.warnings).toEqual([["fact-unreadable", 3]]);
  // The same with other figures, whose shares do not show which column is foreign: an unknown
  // group between two others is none of the split's, and nothing is read (it had been read as
  // gender's "Unknown").
  const unshown = split("Male\tUnknown\tFemale", "52%\t79%\t93%", "73%\t77%\t58%");
  expect(unshown.facts).toEqual([]);
  expect(unshown.warnings).toEqual([["fact-unreadable", 3]]);
  // A sound split with a third column, and one whose rows add up wrong with every column (the
  // report's own to answer for, in the audit): read whole.
  expect(split("Male\tFemale\tUnknown", "75%\t20%\t5%", "85%\t14%\t1%").facts).toHaveLength(6);
  expect(split("Male\tFemale\tUnknown", "75%\t30%\t5%", "85%\t14%\t1%").facts).toHaveLength(6);
});

test("'Re-offending rate' and 'FTE rate' labels are classified and their values read", () => {
  const r = factsOf(
    [
      "Youth justice information",
      "",
      "233\tFTE rate per 100,000 in Kirklees",
      "207\tFTE rate per 100,000 in England and Wales",
      "34%\tRe-offending rate for Kirklees",
      "38%\tRe-offending rate in England and Wales",
    ].join("\n"),
  );
  expect(r.facts).toEqual([
    ["first_time_entrants", "FTE rate per 100,000 in Kirklees", null, "service", 233, "rate_per_100k"],
    [
      "first_time_entrants",
      "FTE rate per 100,000 in England and Wales",
      null,
      "comparator",
      207,
      "rate_per_100k",
    ],
    ["reoffending", "Re-offending rate for Kirklees", null, "service", 34, "percent"],
    ["reoffending", "Re-offending rate in England and Wales", null, "comparator", 38, "percent"],
  ]);
  expect(r.warnings).toEqual([]);
});

test("a split header whose wrapped column name's second line is written under it (OCR of a scan)", () => {
  const r = factsOf(
    [
      "Race/ethnicity\tWhite\tBlack and\tUnknown",
      "minority ethnic",
      "Kirklees YJS\t65%\t30%\t5%",
      "Kirklees\t71%\t29%\t0%",
    ].join("\n"),
  );
  expect(r.facts.map((f) => [f[1], f[2], f[4]])).toEqual([
    ["White", "Kirklees YJS", 65],
    ["Black and minority ethnic", "Kirklees YJS", 30],
    ["Unknown", "Kirklees YJS", 5],
    ["White", "Kirklees", 71],
    ["Black and minority ethnic", "Kirklees", 29],
    ["Unknown", "Kirklees", 0],
  ]);
  expect(r.warnings).toEqual([]);
});

test("a split header whose wrapped name's pieces run over two lines, its last piece beside the next name (pypdf, a browser's PDF)", () => {
  // (Kirklees through pypdf: "Race/ethnicity", its note's marker, "White" and "Black and" on the
  // header's line; "minority" alone; "ethnic" glued to "Unknown", parted by the reader.)
  const r = factsOf(
    [
      "Caseload information",
      "Race/ethnicity 10 White Black and",
      "minority",
      "ethnic\tUnknown",
      "Kirklees YJS 65% 30% 5%",
      "Kirklees 71% 29% 0%",
      "Gender Male Female",
      "Kirklees YJS 91% 9%",
    ].join("\n"),
  );
  expect(groupFacts(r, "ethnicity", 1, 2, 4)).toEqual([
    ...ethnicityOf("Kirklees YJS", 65, 30, 5),
    ...ethnicityOf("Kirklees", 71, 29, 0),
  ]);
  expect(groupFacts(r, "gender", 1, 4)).toEqual([
    ["Male", 91],
    ["Female", 9],
  ]);
});

test("a split header written a line of text at a time, the wrapped name's tail and the names after it on the second line (pypdf)", () => {
  // (pypdf's text of a word processor's PDF, its glued cells parted by the reader: the header
  // row's first line of text, "White" and "Black and", then its second, "minority ethnic" and
  // "Unknown"; the first cell of each line is the heading or label and the first column's.)
  const r = factsOf(
    [
      "Caseload information",
      "Race/ethnicity White\tBlack and",
      "minority ethnic\tUnknown",
      "Croydon 22%\t69%\t9%",
      "National average 71%\t26%\t4%",
      "Gender Male\tFemale",
      "Croydon 88%\t12%",
    ].join("\n"),
  );
  expect(groupFacts(r, "ethnicity", 1, 2, 4)).toEqual([
    ...ethnicityOf("Croydon", 22, 69, 9),
    ...ethnicityOf("National average", 71, 26, 4),
  ]);
  expect(r.warnings).toEqual([]);
  // (Cells justified: the wrapped name's joining word a gap apart, a cell of its own.)
  const justified = factsOf(
    [
      "Caseload information",
      "Race/ethnicity White\tBlack\tand",
      "minority ethnic\tUnknown",
      "Croydon 22%\t69%\t9%",
    ].join("\n"),
  );
  expect(groupFacts(justified, "ethnicity", 1, 4)).toEqual([
    ["White", 22],
    ["Black and minority ethnic", 69],
    ["Unknown", 9],
  ]);
  // (A header whose name a piece starts on a joining word is no header to read under.)
  const piece = factsOf(
    ["Caseload information", "Race/ethnicity\tBlack\tand minority ethnic", "Croydon\t22%\t69%"].join("\n"),
  );
  expect(groupFacts(piece, "ethnicity")).toEqual([]);
});

test("a split table's heading row repeated where it runs on to the next page: its rows are still the table's", () => {
  // (Word's "Repeat as header row": the service's row at one page's foot, the heading row again
  // and the comparator's row at the next page's head.)
  const r = factsOf(
    [
      "Caseload information",
      "Race/ethnicity\tWhite\tBlack and minority ethnic\tUnknown",
      "Kirklees YJS\t65%\t30%\t5%",
      "Race/ethnicity\tWhite\tBlack and minority ethnic\tUnknown",
      "Kirklees\t71%\t29%\t0%",
      "Gender\tMale\tFemale",
      "Kirklees YJS\t91%\t9%",
    ].join("\n"),
  );
  expect(groupFacts(r, "ethnicity", 1, 2, 3, 4)).toEqual([
    ["White", "Kirklees YJS", "service", 65],
    ["Black and minority ethnic", "Kirklees YJS", "service", 30],
    ["Unknown", "Kirklees YJS", "service", 5],
    ["White", "Kirklees", "comparator", 71],
    ["Black and minority ethnic", "Kirklees", "comparator", 29],
    ["Unknown", "Kirklees", "comparator", 0],
  ]);
  expect(r.warnings).toEqual([]);
  // (As pdf-parse's getText writes it: cells a space apart, the wrapped name a line at a time,
  // the first header with its note's marker as a plain number, the repeat without.)
  const getText = factsOf(
    [
      "Caseload information",
      "Race/ethnicity 10 White Black and",
      "minority ethnic",
      "Unknown",
      "Kirklees YJS 65% 30% 5%",
      "Race/ethnicity White Black and",
      "minority ethnic",
      "Unknown",
      "Kirklees 71% 29% 0%",
      "Gender Male Female",
    ].join("\n"),
  );
  expect(getText.facts.filter((f) => f[2] === "Kirklees").map((f) => [f[1], f[3], f[4]])).toEqual([
    ["White", "comparator", 71],
    ["Black and minority ethnic", "comparator", 29],
    ["Unknown", "comparator", 0],
  ]);
});

test("a split header row broken by a page, its wrapped column name's last words opening the next page", () => {
  // (Writer lets a row break over pages: "Black and" at one page's foot, "minority ethnic" at
  // the next page's head, under its running header.)
  const r = factsOf(
    [
      "Caseload information",
      "Race/ethnicity\tWhite\tBlack and\tUnknown",
      "6",
      "\fInspection of youth offending services: North Somerset",
      "minority ethnic",
      "North Somerset YOS\t84%\t3%\t13%",
      "National average\t70%\t26%\t4%",
    ].join("\n"),
  );
  expect(groupFacts(r, "ethnicity", 1, 2, 4)).toEqual([
    ...ethnicityOf("North Somerset YOS", 84, 3, 13),
    ...ethnicityOf("National average", 70, 26, 4),
  ]);
});

test("a split table run on to the next page past notes not read as notes (an OCR'd page's foot)", () => {
  const r = factsOf(
    [
      "Caseload information",
      "Race/ethnicity\tWhite\tBlack and minority ethnic\tUnknown",
      "Kirklees YJS\t65%\t30%\t5%",
      "6\tYouth Justice Board. (2021). *First Time Entrants, January to December 2019*.",
      "10\tInformation supplied by the YJS. Figures may not add up to 100 due to rounding.",
      "\fInspection of youth offending services: Kirklees",
      "Kirklees\t71%\t29%\t0%",
      "Gender\tMale\tFemale",
      "Kirklees YJS\t91%\t9%",
    ].join("\n"),
  );
  expect(groupFacts(r, "ethnicity", 2, 3, 4)).toEqual([
    ["Kirklees YJS", "service", 65],
    ["Kirklees YJS", "service", 30],
    ["Kirklees YJS", "service", 5],
    ["Kirklees", "comparator", 71],
    ["Kirklees", "comparator", 29],
    ["Kirklees", "comparator", 0],
  ]);
  // (Not past notes whose page goes on: the rows after them are no longer the table's.)
  const samePage = factsOf(
    [
      "Caseload information",
      "Race/ethnicity\tWhite\tBlack and minority ethnic\tUnknown",
      "Kirklees YJS\t65%\t30%\t5%",
      "6\tYouth Justice Board. (2021). *First Time Entrants, January to December 2019*.",
      "Kirklees\t71%\t29%\t0%",
    ].join("\n"),
  );
  expect(samePage.facts.filter((f) => f[0] === "ethnicity").map((f) => f[2])).not.toContain("Kirklees");
});

test("a split header cell that holds two names, pieces joined in the wrong order, is no column: the table is not read, and says so", () => {
  // (pdftotext without a flag, a cell a line, the table broken by a page: "Black and" /
  // "Unknown" / "minority ethnic" joined into one cell; the row's third figure on the next page.)
  const r = factsOf(
    [
      "Caseload information",
      "Race/ethnicity 10\tWhite\tBlack and Unknown minority ethnic",
      "Kirklees YJS\t65%\t30%",
      "5%",
    ].join("\n"),
  );
  expect(groupFacts(r, "ethnicity")).toEqual([]);
  expect(r.warnings.map((w) => w[0])).toContain("fact-unreadable");
  // (A cell that is one name whatever its words is read: "Black and minority ethnic".)
  const whole = factsOf(
    [
      "Caseload information",
      "Race/ethnicity\tWhite\tBlack and minority ethnic",
      "Kirklees YJS\t70%\t30%",
    ].join("\n"),
  );
  expect(groupFacts(whole, "ethnicity", 1, 4)).toEqual([
    ["White", 70],
    ["Black and minority ethnic", 30],
  ]);
});

test("a comparator's place with its words run together, as OCR reads them, is still the comparator", () => {
  const r = factsOf(
    [
      "Youth justice information",
      "",
      "34%\tReoffending rate for Kirklees",
      "38%\tReoffendingrate inEnglandandWales",
    ].join("\n"),
  );
  expect(r.facts.map((f) => [f[3], f[4]])).toEqual([
    ["service", 34],
    ["comparator", 38],
  ]);
});

test("a split table's row is the service's or a comparator's by its words; where none names the service, the first that is no comparator is", () => {
  const roles = (rows: string[]) =>
    factsOf(["Race/ethnicity\tWhite\tBlack and minority ethnic\tUnknown", ...rows].join("\n")).facts.map(
      (f) => [f[2], f[3], f[4]],
    );
  // As printed: Croydon's (the area, then the national average), Kirklees' (its YJS, then the area).
  expect(roles(["Croydon\t22%\t69%\t9%", "National average\t71%\t26%\t4%"]).map((f) => f[1])).toEqual([
    ...["service", "service", "service"],
    ...["comparator", "comparator", "comparator"],
  ]);
  expect(roles(["Kirklees YJS\t65%\t30%\t5%", "Kirklees\t71%\t29%\t0%"]).map((f) => f[1])).toEqual([
    ...["service", "service", "service"],
    ...["comparator", "comparator", "comparator"],
  ]);
  // The service's row lost (a page's image, a converter's damage): the national average (or
  // Wales') is no service. A row alone that names neither is the service's, as Croydon's gender
  // table prints it.
  expect(roles(["National average\t71%\t26%\t4%"])).toEqual([
    ["National average", "comparator", 71],
    ["National average", "comparator", 26],
    ["National average", "comparator", 4],
  ]);
  expect(roles(["Wales average\t71%\t29%\t0%"]).map((f) => f[1])).toEqual([
    "comparator",
    "comparator",
    "comparator",
  ]);
  expect(roles(["Croydon\t22%\t69%\t9%"]).map((f) => f[1])).toEqual(["service", "service", "service"]);
});

test("'Re-offending rates' and 'FTE rate' headings whose figures were images record the gap", () => {
  const r = factsOf(
    ["FTE rate per 100,000", "Kirklees", "England and Wales", "Re-offending rates", "Kirklees"].join("\n"),
  );
  expect(r.facts).toEqual([
    ["first_time_entrants", "FTE rate per 100,000", "Kirklees", "service", null, "rate_per_100k"],
    ["first_time_entrants", "FTE rate per 100,000", "England and Wales", "comparator", null, "rate_per_100k"],
    ["reoffending", "Re-offending rates", "Kirklees", "service", null, "percent"],
  ]);
  expect(r.warnings.map((w) => w[0])).toEqual(["figure-missing", "figure-missing", "figure-missing"]);
});

test("'First time' and 'Firsttime' (pdftotext's join of a line-end 'First-') entrant labels; 'out of court' disposals unhyphenated", () => {
  const r = factsOf(
    [
      "Youth justice information",
      "",
      "233\tFirsttime entrant rate per 100,000 in Kirklees",
      "207\tFirst time entrant rate per 100,000 in England and Wales",
      "",
      "Additional caseload data",
      "",
      "Of the 37 out of court disposals",
    ].join("\n"),
  );
  expect(r.facts).toEqual([
    [
      "first_time_entrants",
      "Firsttime entrant rate per 100,000 in Kirklees",
      null,
      "service",
      233,
      "rate_per_100k",
    ],
    [
      "first_time_entrants",
      "First time entrant rate per 100,000 in England and Wales",
      null,
      "comparator",
      207,
      "rate_per_100k",
    ],
    ["caseload", "out of court disposals", null, "service", 37, "count"],
  ]);
});

test("a split header centred in its row, one column name wrapped over two lines: the name's first line above the header's is put back", () => {
  // (As a PDF with a table's cells centred vertically reads: "Black and" stands a line above
  // the row that holds "minority ethnic" and the other names.)
  const r = factsOf(
    [
      "Caseload information",
      "Black and",
      "Race/ethnicity\tWhite\tminority ethnic\tUnknown",
      "Kirklees YJS\t65%\t30%\t5%",
      "Kirklees\t71%\t29%\t0%",
    ].join("\n"),
  );
  expect(r.facts.filter((f) => f[1] === "Black and minority ethnic").map((f) => [f[2], f[4]])).toEqual([
    ["Kirklees YJS", 30],
    ["Kirklees", 29],
  ]);
  expect(r.facts.map((f) => f[1])).not.toContain("minority ethnic");
  expect(r.warnings).toEqual([]);
});

test("a split table's heading row repeated over no rows (a page's head) is passed by without a warning", () => {
  // (Word repeats a table's heading row at the head of each page it runs onto; where the
  // table's rows ended before the break, the heading stands over the next table.)
  const r = factsOf(
    [
      "Caseload information",
      "Age (years)\t10–14\t15–17",
      "Anytown YOS\t25%\t75%",
      "National average\t22%\t78%",
      "\f",
      "Age (years)\t10–14\t15–17",
      "Race/ethnicity\tWhite\tBlack and minority ethnic\tUnknown",
      "Anytown YOS\t65%\t30%\t5%",
      "National average\t71%\t26%\t4%",
    ].join("\n"),
  );
  expect(r.facts.map((f) => [f[1], f[2], f[4]])).toEqual([
    ["10-14", "Anytown YOS", 25],
    ["15-17", "Anytown YOS", 75],
    ["10-14", "National average", 22],
    ["15-17", "National average", 78],
    ["White", "Anytown YOS", 65],
    ["Black and minority ethnic", "Anytown YOS", 30],
    ["Unknown", "Anytown YOS", 5],
    ["White", "National average", 71],
    ["Black and minority ethnic", "National average", 26],
    ["Unknown", "National average", 4],
  ]);
  expect(r.warnings).toEqual([]);
  // (The ethnicity table's heading repeated over the gender table, its names a line each.)
  const repeated = factsOf(
    [
      "Caseload information",
      "Race/ethnicity\tWhite\tBlack and minority ethnic\tUnknown",
      "Anytown YOS\t65%\t30%\t5%",
      "\f",
      "Race/ethnicity",
      "White",
      "Black and\tminority\tethnic",
      "Unknown",
      "Gender\tMale\tFemale",
      "Anytown YOS\t91%\t9%",
    ].join("\n"),
  );
  expect(repeated.facts.map((f) => [f[1], f[4]])).toEqual([
    ["White", 65],
    ["Black and minority ethnic", 30],
    ["Unknown", 5],
    ["Male", 91],
    ["Female", 9],
  ]);
  expect(repeated.warnings).toEqual([]);
});

test("staffing '(FTE)' labels are not taken for first-time entrant rates", () => {
  const r = factsOf("4.6\tTotal staff headcount (full-time equivalent, FTE)");
  expect(r.facts).toEqual([]);
  expect(r.warnings.map((w) => w[0])).toEqual(["fact-unclassified"]);
});

test("split tables with a single space between cells are cut by their known column names", () => {
  const { facts, warnings } = factsOf(
    [
      "Ethnicity White Black Asian Mixed Other",
      "Anytown YOS 60% 10% 15% 10% 5%",
      "",
      "Age (years) 10-14 15-17",
      "Anytown YOS 25% 75%",
      "National average 22% 78%",
    ].join("\n"),
  );
  expect(warnings).toEqual([]);
  expect(facts).toEqual([
    ["ethnicity", "White", "Anytown YOS", "service", 60, "percent"],
    ["ethnicity", "Black", "Anytown YOS", "service", 10, "percent"],
    ["ethnicity", "Asian", "Anytown YOS", "service", 15, "percent"],
    ["ethnicity", "Mixed", "Anytown YOS", "service", 10, "percent"],
    ["ethnicity", "Other", "Anytown YOS", "service", 5, "percent"],
    ["age", "10-14", "Anytown YOS", "service", 25, "percent"],
    ["age", "15-17", "Anytown YOS", "service", 75, "percent"],
    ["age", "10-14", "National average", "comparator", 22, "percent"],
    ["age", "15-17", "National average", "comparator", 78, "percent"],
  ]);
});

test("a row heading's dashes and quotes are made plain, as its column headings' are", () => {
  const { facts } = factsOf(
    [
      "Gender\tMale\tFemale",
      "Anytown YOS\t80%\t20%",
      "Youth population (10–17 years) in Anytown\t51%\t49%",
    ].join("\n"),
  );
  expect(facts).toEqual([
    ["gender", "Male", "Anytown YOS", "service", 80, "percent"],
    ["gender", "Female", "Anytown YOS", "service", 20, "percent"],
    ["gender", "Male", "Youth population (10-17 years) in Anytown", "comparator", 51, "percent"],
    ["gender", "Female", "Youth population (10-17 years) in Anytown", "comparator", 49, "percent"],
  ]);
});

test("a single-space split header with its footnote marker as a plain number ('Race/ethnicity 10 White ...')", () => {
  const { facts } = factsOf(
    [
      "Race/ethnicity 10 White Black and minority ethnic Unknown",
      "Anytown YJS 65% 30% 5%",
      "",
      "Age 3 10 - 14 15 - 17",
      "Anytown YJS 29% 71%",
    ].join("\n"),
  );
  expect(facts).toEqual([
    ["ethnicity", "White", "Anytown YJS", "service", 65, "percent"],
    ["ethnicity", "Black and minority ethnic", "Anytown YJS", "service", 30, "percent"],
    ["ethnicity", "Unknown", "Anytown YJS", "service", 5, "percent"],
    ["age", "10-14", "Anytown YJS", "service", 29, "percent"],
    ["age", "15-17", "Anytown YJS", "service", 71, "percent"],
  ]);
});

test("a single-space split header whose columns cannot be told apart is reported, not guessed", () => {
  const { facts, warnings } = factsOf(
    ["Ethnicity Gypsy Roma Traveller Irish Traveller", "Anytown YOS 2% 1%"].join("\n"),
  );
  expect(facts).toEqual([]);
  expect(warnings).toEqual([["fact-unreadable", 3]]);
});

test("offence types and key staffing rows with a single space before the figure are read", () => {
  const { lines, seg } = linesOf(
    [
      "Contextual facts",
      "",
      "Offence types %",
      "Violence against the person 50%",
      "Theft and handling stolen goods 6%",
      "",
      "1. Organisational delivery",
      "1.2. Staff",
      "Key staffing data",
      "Total staff headcount (full-time equivalent, FTE) 43.7",
      "Vacancy rate (total unfilled posts as percentage of total staff headcount) 0%",
      "",
      "Strengths:",
    ].join("\n"),
  );
  const { facts } = parseFacts(lines, seg);
  expect(facts.map((f) => [f.group, f.label, f.value, f.unit])).toEqual([
    ["offence_type", "Violence against the person", 50, "percent"],
    ["offence_type", "Theft and handling stolen goods", 6, "percent"],
    ["staffing", "Total staff headcount (full-time equivalent, FTE)", 43.7, "count"],
    ["staffing", "Vacancy rate (total unfilled posts as percentage of total staff headcount)", 0, "percent"],
  ]);
});

test("a split table whose columns are not its group's (another table's columns) is reported, not read", () => {
  const { facts, warnings } = factsOf(
    [
      "Gender\t15–17 years\tBlack and minority ethnic",
      "Anytown YOS\t80%\t83%",
      "National average\t82%\t82%",
    ].join("\n"),
  );
  expect(facts).toEqual([]);
  expect(warnings).toEqual([["fact-unreadable", 3]]);
});

test("footnotes whose numbers stand where a figure would are no facts", () => {
  const { facts } = factsOf(
    [
      "5 Youth Justice Board. (2022). *First-time entrants, October to September 2021.*",
      "4 Percentage of children under 16 living in families with Absolute Low Income 2018-19.",
      "233\tFirst-time entrant rate per 100,000 in Anytown",
    ].join("\n"),
  );
  expect(facts).toEqual([
    [
      "first_time_entrants",
      "First-time entrant rate per 100,000 in Anytown",
      null,
      "service",
      233,
      "rate_per_100k",
    ],
  ]);
});

test("a figure that cannot be what its label says is not read", () => {
  const { facts, warnings } = factsOf(
    ["33.6%\tTotal population Anytown", "25.5%\tReoffending rate in Anytown"].join("\n"),
  );
  expect(facts).toEqual([["reoffending", "Reoffending rate in Anytown", null, "service", 25.5, "percent"]]);
  expect(warnings).toEqual([["fact-unclassified", 3]]);
});

test("a percentage after a population's label (a chart's figure run onto the row) is not read", () => {
  // Croydon's page run into one line (an old PyPDF2): "... 84% 20,687 Total black and minority
  // ethnic youth population of Croydon ⁷ 16%", the 16% the chart's share beside the row.
  const { facts, warnings } = factsOf(
    [
      "Total black and minority ethnic youth population of Anytown\t16%",
      "Reoffending rate in Anytown\t25.5%",
    ].join("\n"),
  );
  expect(facts).toEqual([["reoffending", "Reoffending rate in Anytown", null, "service", 25.5, "percent"]]);
  expect(warnings).toEqual([["fact-unclassified", 3]]);
});

test("a population set beside a first-time entrant rate's label is no rate per 100,000 (pdfminer's text)", () => {
  const { facts, warnings } = factsOf(
    [
      "342,907\tFirst-time entrant rate per 100,000 in Anytown",
      "154\tFirst-time entrant rate per 100,000 in England and Wales",
    ].join("\n"),
  );
  expect(facts.map((f) => [f[1], f[4]])).toEqual([
    ["First-time entrant rate per 100,000 in England and Wales", 154],
  ]);
  expect(warnings).toEqual([["fact-unclassified", 3]]);
});

test("a facts label wrapped onto the lines after its figure's (single spaces, pdftotext -raw)", () => {
  const { facts } = factsOf(
    [
      "207 First-time entrant rate per 100,000 in England",
      "and Wales",
      "44,773 Total youth population (10–17 years) in",
      "Anytown (2020)",
      "Caseload information",
    ].join("\n"),
  );
  expect(facts.map((f) => [f[1], f[4]])).toEqual([
    ["First-time entrant rate per 100,000 in England and Wales", 207],
    ["Total youth population (10-17 years) in Anytown (2020)", 44773],
  ]);
});

test("a label in which a second label starts (rows run together) is reported, not read", () => {
  const { facts, warnings } = factsOf(
    "3\tTotal current caseload with youth caution Total current caseload with youth conditional caution",
  );
  expect(facts).toEqual([]);
  expect(warnings).toEqual([["fact-unclassified", 3]]);
});

test("a facts label wrapped over capitalised lines that stop on a joining word ('Hamlets and City of')", () => {
  const { facts } = factsOf(
    [
      "267 First-time entrant rate",
      "per 100,000 in Tower",
      "Hamlets and City of",
      "London",
      "Caseload information",
    ].join("\n"),
  );
  expect(facts.map((f) => [f[1], f[4]])).toEqual([
    ["First-time entrant rate per 100,000 in Tower Hamlets and City of London", 267],
  ]);
});

test("a label that wraps inside the area's name or an open quotation runs on over a capitalised line", () => {
  const body = [
    "Population information",
    "19,364 Total youth population (10–17 years) in North",
    "Somerset (2018)",
    "751 Total black and minority ethnic youth population in North Somerset",
    "National average",
    "Education and child protection status of caseload:",
    "7% Proportion of current caseload 'Looked",
    "After Children' resident in the YJS area",
  ].join("\n");
  const { lines, seg } = linesOf(`Contextual facts\n\n${body}\n\n1. Organisational delivery`);
  const labels = parseFacts(lines, seg, "North Somerset").facts.map((f) => [f.label, f.value]);
  expect(labels).toContainEqual(["Total youth population (10-17 years) in North Somerset (2018)", 19364]);
  // A complete place is no start of one: the next line is not its label's.
  expect(labels).toContainEqual(["Total black and minority ethnic youth population in North Somerset", 751]);
  expect(labels).toContainEqual([
    "Proportion of current caseload 'Looked After Children' resident in the YJS area",
    7,
  ]);
  // Without the area, the place's half stays as printed: no guess at where the name ends.
  const unknown = parseFacts(lines, seg).facts.map((f) => f.label);
  expect(unknown).toContain("Total youth population (10-17 years) in North");
});

test("the count's sentence running on over its line is no recommendation", () => {
  const recommendations = recommendationsAfter([
    "As a result of our inspection findings, we have made two recommendations that we believe, if",
    "implemented, will have a positive impact on the quality of youth offending services in Kirklees.",
  ]);
  expect(recommendations.statedCount).toBe(2);
  expect(recommendations.items.map((r) => [r.number, r.addressee, r.text])).toEqual([
    [1, "The Kirklees Youth Justice Service", BOARD],
    [2, "The Kirklees Youth Justice Service", DATA],
  ]);
});

test.each([
  ["•", "lower case"],
  ["-", "lower case"],
  ["\uF0B7", "lower case"],
  ["•", "capitalised"],
])("recommendations bulleted with '%s' (%s) are one item each, unnumbered", (bullet, kind) => {
  const cap = (s: string) => (kind === "capitalised" ? s[0]?.toUpperCase() + s.slice(1) : s);
  const r = recommendationsOf(`${bullet} ${cap(BOARD)}\n${bullet} ${cap(DATA)}`);
  expect(r.items.map((i) => [i.number, i.text])).toEqual([
    [null, cap(BOARD)],
    [null, cap(DATA)],
  ]);
});

test("a bulleted recommendation's wrapped line runs on into it", () => {
  const r = recommendationsOf(`• ${BOARD}\nand its partners\n• ${DATA}`);
  expect(r.items.map((i) => i.text)).toEqual([`${BOARD} and its partners`, DATA]);
});

test("key staffing data and caseload characteristics: a label wrapped before its figure, or around it", () => {
  const { lines, seg } = linesOf(
    [
      "1.2. Staff",
      "Key staffing data",
      "Total staff headcount (full-time equivalent, FTE) 43.7",
      "Vacancy rate (total unfilled posts as percentage of total staff",
      "headcount)",
      "0%",
      "Average caseload per case manager (FTE) 7",
      "In making a judgement about staffing, we take into account the answers to the following questions:",
      "",
      "1.3. Partnerships and services",
      "Caseload characteristics",
      "Percentage of current caseload with an education, health and care",
      "11.9%",
      "plan",
      "Percentage of current caseload with mental health issues 70%",
      "Is there a sufficiently comprehensive analysis?",
    ].join("\n"),
  );
  const facts = parseFacts(lines, seg).facts.map((f) => [f.group, f.label, f.value, f.unit]);
  expect(facts).toEqual([
    ["staffing", "Total staff headcount (full-time equivalent, FTE)", 43.7, "count"],
    ["staffing", "Vacancy rate (total unfilled posts as percentage of total staff headcount)", 0, "percent"],
    ["staffing", "Average caseload per case manager (FTE)", 7, "count"],
    [
      "caseload_characteristics",
      "Percentage of current caseload with an education, health and care plan",
      11.9,
      "percent",
    ],
    ["caseload_characteristics", "Percentage of current caseload with mental health issues", 70, "percent"],
  ]);
});

test("a section table's label runs on below its figure, but a bracketed note below the table is not the label's", () => {
  const { lines, seg } = linesOf(
    [
      "1.2. Staff",
      "Key staffing data",
      "Vacancy rate (total unfilled posts as percentage of\t0%",
      "total staff headcount)",
      "Average caseload per case manager (FTE)\t7",
      "(Source: data supplied by the YJS)",
      "",
      "1.3. Partnerships and services",
      "Caseload characteristics",
      "Percentage of current caseload with an education, health\t11.9%",
      "and care",
      "plan",
      "Table 4",
      "Percentage of current caseload with mental health issues\t70%",
    ].join("\n"),
  );
  expect(parseFacts(lines, seg).facts.map((f) => [f.label, f.value])).toEqual([
    ["Vacancy rate (total unfilled posts as percentage of total staff headcount)", 0],
    ["Average caseload per case manager (FTE)", 7],
    ["Percentage of current caseload with an education, health and care plan", 11.9],
    ["Percentage of current caseload with mental health issues", 70],
  ]);
});

test("key staffing data whose labels ran together, away from their figures, is lost, not misread", () => {
  const { lines, seg } = linesOf(
    [
      "Key staffing data",
      "Total staff headcount (full-time equivalent, FTE)",
      "Average caseload per case manager (FTE) 4.6",
      "Is the staffing sufficient?",
    ].join("\n"),
  );
  expect(parseFacts(lines, seg).facts).toEqual([]);
});

test("a split header whose column name wraps in its narrow cell onto the lines after it (pdf-parse getText)", () => {
  const { facts } = factsOf(
    [
      "Race/ethnicity \tWhite \tBlack and",
      "minority",
      "ethnic",
      "Unknown",
      "North Somerset YOS \t84% \t3% \t13%",
      "National average \t70% \t26% \t4%",
    ].join("\n"),
  );
  expect(facts).toEqual([
    ["ethnicity", "White", "North Somerset YOS", "service", 84, "percent"],
    ["ethnicity", "Black and minority ethnic", "North Somerset YOS", "service", 3, "percent"],
    ["ethnicity", "Unknown", "North Somerset YOS", "service", 13, "percent"],
    ["ethnicity", "White", "National average", "comparator", 70, "percent"],
    ["ethnicity", "Black and minority ethnic", "National average", "comparator", 26, "percent"],
    ["ethnicity", "Unknown", "National average", "comparator", 4, "percent"],
  ]);
});

test("a figure-first row whose label wraps onto the next line, and a split row whose first figure lost its tab", () => {
  const { facts } = factsOf(
    [
      "58.1% \tPercentage of children aged 16 and under in a pupil referral unit, alternative education, or attending",
      "school part-time",
      "55.3% \tPercentage of current caseload aged 17+ not in education, training, or employment",
      "",
      "Race/ethnicity \tWhite \tBlack and minority ethnic \tUnknown",
      "Anytown YJS \t17% \t83% \t0%",
      "Youth population (10–17 years) in Anytown 18% \t82% \t0%",
    ].join("\n"),
  );
  expect(facts.map(([group, label, subject, , value]) => [group, label, subject, value])).toEqual([
    [
      "caseload_characteristics",
      "Percentage of children aged 16 and under in a pupil referral unit, alternative education, or attending school part-time",
      null,
      58.1,
    ],
    [
      "caseload_characteristics",
      "Percentage of current caseload aged 17+ not in education, training, or employment",
      null,
      55.3,
    ],
    ["ethnicity", "White", "Anytown YJS", 17],
    ["ethnicity", "Black and minority ethnic", "Anytown YJS", 83],
    ["ethnicity", "Unknown", "Anytown YJS", 0],
    ["ethnicity", "White", "Youth population (10-17 years) in Anytown", 18],
    ["ethnicity", "Black and minority ethnic", "Youth population (10-17 years) in Anytown", 82],
    ["ethnicity", "Unknown", "Youth population (10-17 years) in Anytown", 0],
  ]);
});

test("a split's row whose subject wraps in its narrow cell, its figures on a line of their own (getText, A5 pages)", () => {
  const { lines, seg } = linesOf(
    [
      "Contextual facts",
      "",
      "Race/ethnicity 8 \tWhite \tBlack and minority ethnic \tUnknown",
      "Tower Hamlets and City of London YJS 17% \t83% \t0%",
      "Youth population (10–17 years) in Tower",
      "Hamlets and City of London",
      "18% \t82% \t0%",
      "National average 70% 26% 4%",
      "",
      "1. Organisational delivery",
    ].join("\n"),
  );
  const read = (area: string | null) =>
    parseFacts(lines, seg, area).facts.map((f) => [f.label, f.subject, f.value]);
  expect(read("Tower Hamlets and City of London").slice(3)).toEqual([
    ["White", "Youth population (10-17 years) in Tower Hamlets and City of London", 18],
    ["Black and minority ethnic", "Youth population (10-17 years) in Tower Hamlets and City of London", 82],
    ["Unknown", "Youth population (10-17 years) in Tower Hamlets and City of London", 0],
    ["White", "National average", 70],
    ["Black and minority ethnic", "National average", 26],
    ["Unknown", "National average", 4],
  ]);
  // Without the area's name, "Tower" / "Hamlets ..." cannot be told to be one subject: the table
  // stops at its service's row rather than guess.
  expect(read(null).map(([, subject]) => subject)).toEqual([
    "Tower Hamlets and City of London YJS",
    "Tower Hamlets and City of London YJS",
    "Tower Hamlets and City of London YJS",
  ]);
  // (Or the name's rest and the figures on one line, as pypdf writes A5 pages: "... in Tower" /
  // "Hamlets and City of London | 18% | 82% | 0%".)
  const onOneLine = linesOf(
    [
      "Contextual facts",
      "",
      "Race/ethnicity 8 \tWhite \tBlack and minority ethnic \tUnknown",
      "Tower Hamlets and City of London YJS 17% \t83% \t0%",
      "Youth population (10–17 years) in Tower",
      "Hamlets and City of London\t18%\t82%\t0%",
      "National average 70% 26% 4%",
      "",
      "1. Organisational delivery",
    ].join("\n"),
  );
  const facts = parseFacts(onOneLine.lines, onOneLine.seg, "Tower Hamlets and City of London").facts;
  expect(facts.slice(3, 6).map((f) => [f.label, f.subject, f.value])).toEqual([
    ["White", "Youth population (10-17 years) in Tower Hamlets and City of London", 18],
    ["Black and minority ethnic", "Youth population (10-17 years) in Tower Hamlets and City of London", 82],
    ["Unknown", "Youth population (10-17 years) in Tower Hamlets and City of London", 0],
  ]);
});

/** A split's facts as [column, subject, value]. */
const splitFacts = (lines: string[]) =>
  factsOf(lines.join("\n")).facts.map(([, label, subject, , value]) => [label, subject, value]);

test("a split's subject alone on its line, its figures below it; prose after a table is no subject", () => {
  expect(
    splitFacts([
      "Gender \tMale \tFemale",
      "Anytown YOS \t75% \t25%",
      "National average",
      "85% \t15%",
      "Most children were boys.",
      "60% 40%",
    ]),
  ).toEqual([
    ["Male", "Anytown YOS", 75],
    ["Female", "Anytown YOS", 25],
    ["Male", "National average", 85],
    ["Female", "National average", 15],
  ]);
});

test.each([
  [
    "whose names run over five lines below its heading word (pdftotext -raw, A5 pages)",
    ["Race/ethnicity 8", "White Black", "and", "minority", "ethnic", "Unknown", "Anytown YJS 17% 83% 0%"],
  ],
  [
    // "White          Black and Unknown" / "minority" / "ethnic" below "Black and": the layout's
    // cells put the tail at the end of the cell "Black and Unknown".
    "with a name wrapped in its narrow cell, its tail read after the next name (pdftotext -layout, A5 pages)",
    [
      "Race/ethnicity 10                                           White          Black and Unknown",
      "                                                                           minority",
      "                                                                           ethnic",
      "",
      "Anytown YJS                                                 17%            83%            0%",
    ],
  ],
])("a split's header %s: its three names", (_, lines) => {
  expect(splitFacts(lines)).toEqual([
    ["White", "Anytown YJS", 17],
    ["Black and minority ethnic", "Anytown YJS", 83],
    ["Unknown", "Anytown YJS", 0],
  ]);
});

test("a staffing row whose label, joined from its wrapped lines, runs past 100 characters before its figure", () => {
  const { lines, seg } = linesOf(
    [
      "1.2. Staff",
      "Key staffing data",
      "Total headcount qualified case managers (FTE) 13 \t10",
      "Vacancy rate (total unfilled posts as percentage of total staff headcount) \t11%",
      "Vacancy rate case managers only (total unfilled case manager posts as percentage of total case manager headcount)",
      "5%",
      "Average caseload case managers (FTE) \t9",
      "",
      "In making a judgement about staffing, we take into account the answers to the following five questions:",
    ].join("\n"),
  );
  expect(parseFacts(lines, seg).facts.map((f) => [f.group, f.label, f.value, f.unit])).toEqual([
    // (Its footnote marker, plain digits, is no part of its label.)
    ["staffing", "Total headcount qualified case managers (FTE)", 10, "count"],
    ["staffing", "Vacancy rate (total unfilled posts as percentage of total staff headcount)", 11, "percent"],
    [
      "staffing",
      "Vacancy rate case managers only (total unfilled case manager posts as percentage of total case manager headcount)",
      5,
      "percent",
    ],
    ["staffing", "Average caseload case managers (FTE)", 9, "count"],
  ]);
});

test("a single-space split header whose column name wraps onto the next lines (pdftotext -raw), and a caption after a row", () => {
  const { facts } = factsOf(
    [
      "Race/ethnicity White Black and",
      "minority",
      "ethnic",
      "Unknown",
      "Croydon 22% 69% 9%",
      "",
      "13 Total current caseload: community resolution or other out-of-court disposal",
      "Education and child protection status of caseload:",
      "7% Proportion of current caseload 'Looked After Children' resident in the YJS area",
    ].join("\n"),
  );
  expect(facts.map(([group, label, subject, , value]) => [group, label, subject, value])).toEqual([
    ["ethnicity", "White", "Croydon", 22],
    ["ethnicity", "Black and minority ethnic", "Croydon", 69],
    ["ethnicity", "Unknown", "Croydon", 9],
    ["caseload", "Total current caseload: community resolution or other out-of-court disposal", null, 13],
    [
      "caseload_characteristics",
      "Proportion of current caseload 'Looked After Children' resident in the YJS area",
      null,
      7,
    ],
  ]);
});

test("an item's next sentence, its line wrapped after the sentence before, stays the item's (a narrow page's text)", () => {
  const r = recommendationsOf(
    [
      "1. provide routine support and training for practitioners who are",
      "required to identify speech, language, and communication needs.",
      "This includes increasing understanding of the pathways for school-aged and post-16 provision",
      "2. support practitioners and managers in recognising and knowing how to escalate concerns",
    ].join("\n"),
  );
  expect(r.items.map((i) => [i.number, i.text])).toEqual([
    [
      1,
      "provide routine support and training for practitioners who are required to identify speech, language, and communication needs. This includes increasing understanding of the pathways for school-aged and post-16 provision",
    ],
    [2, "support practitioners and managers in recognising and knowing how to escalate concerns"],
  ]);
});

test("a split header whose wrapped column name breaks at a joining word ('White Black' / 'and' / 'minority' / 'ethnic') or before an age's unit", () => {
  const { facts } = factsOf(
    [
      "Race/ethnicity \tWhite Black",
      "and",
      "minority",
      "ethnic",
      "Unknown",
      "Croydon \t22% \t69% \t9%",
      "Age \t10–14",
      "years",
      "15–17",
      "years",
      "Croydon \t20% \t80%",
    ].join("\n"),
  );
  expect(facts.map(([, label, subject, , value]) => [label, subject, value])).toEqual([
    ["White", "Croydon", 22],
    ["Black and minority ethnic", "Croydon", 69],
    ["Unknown", "Croydon", 9],
    ["10-14", "Croydon", 20],
    ["15-17", "Croydon", 80],
  ]);
});

test("a footnote marker left as plain digits at a label's end is no part of the label; an age or the area's own name is", () => {
  const { lines, seg } = linesOf(
    [
      "Contextual facts",
      "",
      "385,346\tTotal population of Croydon 6",
      "41.9%\tPercentage of current caseload aged 16",
      "1,204\tTotal youth population aged 10 to 17",
      "",
      "1. Organisational delivery",
    ].join("\n"),
  );
  expect(parseFacts(lines, seg).facts.map((f) => f.label)).toEqual([
    "Total population of Croydon",
    "Percentage of current caseload aged 16",
    "Total youth population aged 10 to 17",
  ]);
  // An area whose name ends in a number (the benchmark's synthetic areas) keeps it.
  expect(parseFacts(lines, seg, "Croydon 6").facts[0]?.label).toBe("Total population of Croydon 6");
});

test("recommendations that each name who should act, under no addressee heading; a count stated as 'the following N'", () => {
  const recommendations = recommendationsIn(
    "As a result of our inspection findings, we have made the following 3 recommendations.",
    "1. The Kirklees Youth Justice Service management board should review its membership.",
    "2. Kirklees Clinical Commissioning Group should support the board.",
    "3. Ensure that staff should be trained.",
  );
  expect(recommendations.statedCount).toBe(3);
  expect(recommendations.items.map((i) => [i.number, i.addressee, i.text])).toEqual([
    [1, "The Kirklees Youth Justice Service management board", "review its membership."],
    [2, "Kirklees Clinical Commissioning Group", "support the board."],
    // (No name before "should": the item as printed.)
    [3, null, "Ensure that staff should be trained."],
  ]);
});

test("a split table's row subject wrapped inside the area's name runs on over the next line (pdftotext -layout, A5)", () => {
  const body = [
    "Race/ethnicity\tWhite\tBlack and minority ethnic\tUnknown",
    "Tower Hamlets and City of London YJS\t17%\t83%\t0%",
    "Youth population (10–17 years) in Tower\t18%\t82%\t0%",
    "Hamlets and City of London",
    "",
    "Gender\tMale\tFemale",
    "Tower Hamlets and City of London YJS\t90%\t10%",
  ].join("\n");
  const { lines, seg } = linesOf(`Contextual facts\n\n${body}\n\n1. Organisational delivery`);
  const rows = parseFacts(lines, seg, "Tower Hamlets and City of London").facts.map((f) => [
    f.group,
    f.label,
    f.subject,
    f.role,
    f.value,
  ]);
  expect(rows).toContainEqual([
    "ethnicity",
    "White",
    "Youth population (10-17 years) in Tower Hamlets and City of London",
    "comparator",
    18,
  ]);
  expect(rows).toContainEqual(["gender", "Female", "Tower Hamlets and City of London YJS", "service", 10]);
  expect(rows).toHaveLength(8);
});

test("a staffing row's figure between its label's lines' words (pdftotext -layout, no gap left before it) is read, and the rows after it", () => {
  // Tower Hamlets' key staffing data as pdftotext -layout writes the word processor's export.
  const { lines, seg } = linesOf(
    [
      "1.2. Staff",
      "Key staffing data",
      "Vacancy rate (total unfilled posts as percentage of total staff headcount) \t11%",
      "Vacancy rate case managers only (total unfilled case manager posts as percentage of total case manager 5% headcount)",
      "Average caseload case managers (FTE) \t9",
      "Staff attrition (percentage of all staff leaving in 12-month period) \t16.6%",
      "",
      "In making a judgement about staffing, we take into account the answers to the following five questions:",
    ].join("\n"),
  );
  expect(parseFacts(lines, seg).facts.map((f) => [f.label, f.value, f.unit])).toEqual([
    ["Vacancy rate (total unfilled posts as percentage of total staff headcount)", 11, "percent"],
    [
      "Vacancy rate case managers only (total unfilled case manager posts as percentage of total case manager headcount)",
      5,
      "percent",
    ],
    ["Average caseload case managers (FTE)", 9, "count"],
    ["Staff attrition (percentage of all staff leaving in 12-month period)", 16.6, "percent"],
  ]);
});

test("a staffing row's figure on a line of its own, taken for a page number, is put back where the pages' own numbers are known (pdftotext -raw)", () => {
  // Pages printing their numbers at their feet (2, 3, 4): the lone "9" is no page's.
  const text = [
    "Foreword.",
    "",
    "2",
    "\f1.2. Staff",
    "Key staffing data16",
    "Total staff headcount (full-time equivalent (FTE)) 18",
    "Average caseload case managers (FTE)",
    "9",
    "Average annual working days sickness (all staff) 7",
    "Staff attrition (percentage of all staff leaving in 12-month period) 7%",
    // (A note's number and its text, as a browser prints the notes under the table.)
    "16",
    "Information supplied by YJS and reflecting the caseload at the time of the inspection announcement.",
    "17",
    "Qualified case managers refer to those with a social work or probation professional qualification.",
    "In making a judgement about staffing, we take into account the answers to the following five questions, and much more besides in the words of this line.",
    "",
    "3",
    "\fMore of the report.",
    "",
    "4",
  ].join("\n");
  const lines = rejoinRows(normaliseLines(textSourceLines(text), "text")).lines;
  const facts = parseFacts(lines, segment(lines)).facts.map((f) => [f.label, f.value]);
  expect(facts).toEqual([
    ["Total staff headcount (full-time equivalent (FTE))", 18],
    ["Average caseload case managers (FTE)", 9],
    ["Average annual working days sickness (all staff)", 7],
    ["Staff attrition (percentage of all staff leaving in 12-month period)", 7],
  ]);
  // (A note's number after a whole row is read for no label: "16" is no figure here.)
  expect(facts.some(([, value]) => value === 16)).toBe(false);
});

test("a note's number after a whole staffing row, alone on its line, is no figure of the row (pdftotext -raw of a browser's print)", async () => {
  // Kirklees' key staffing data: note 16's number and text printed under the table, before the
  // page's prose goes on; the pages print their numbers at their heads (14, 15, 16).
  const text = [
    "14",
    "and operational team managers. Alongside the challenges presented by Covid-19 and lockdown, coupled",
    "with a restructure of the YJS to align with wider children's services teams, the YJS has been through a",
    "period of instability and significant challenge.",
    "The YJS board chair and the YJS service manager acknowledge that there is a need to improve links with",
    "the management board. From July 2021, YJS team managers",
    "will work with board members in five of the six identified strategic priority sub-groups (FTEs, reoffending,",
    "1.2. Staff",
    "Staff within the YOT are empowered to deliver a high-quality, personalised and responsive",
    "service for all children.",
    "Requires",
    "improvement",
    "Key staffing data16",
    "Total staff headcount (full-time equivalent, FTE) 43.7",
    "Total headcount qualified case managers (FTE) 17 8.6",
    "Total headcount other case managers (FTE) 7.8",
    "Vacancy rate (total unfilled posts as percentage of total staff headcount) 0%",
    "Average caseload per case manager (FTE) 7",
    "Average annual sickness days (all staff) 12.5",
    "Staff attrition (percentage of all staff leaving in 12-month period) 7%",
    "16",
    "Information supplied by YJS and reflecting the caseload at the time of the inspection announcement.",
    "for all children?",
    "Prior to the inspection fieldwork there were significant gaps in staffing. This was due to the ongoing",
    "restructure, and a freeze on posts, resulting in a number of unfilled vacancies and some staff leaving. This",
    "impacted on staff workloads, and the allocation of cases was often reactive and unplanned. There has been",
    "\fInspection of youth offending services: Kirklees",
    "15",
    "a significant gap in staffing in the restorative justice team over the past two years. A long-term sickness",
    "absence has only recently been filled, and two short-term absences meant that, for a time, the team was",
    "reduced to 25 per cent capacity. We were informed that the team had only recently (June 2021) returned to a",
    "full complement of staffing. This was reflected in many of the cases inspected, in which insufficient",
    "restorative justice and victim work had been carried out.",
    "Inspectors noted examples where Intensive Supervision and Surveillance workers (who are not case",
    "managers) had to pick up cases. For that period, cases were allocated to staff who had only just joined from",
    "the wider Youth Engagement Service and the seconded probation officer had a full-time caseload on a 3.5-",
    "day week. Staff not accustomed to out-of-court disposals have held cases. At the time of the inspection, all",
    "staff said they had a mixed generic caseload, despite the YJS's structure being based on specialisms.",
    "Although all vacancies have now been filled, as highlighted in the staff data table above, this is only within",
    "the last two to three months, and the YJS is only just moving to a point where all staff are in post. Managers",
    "state that there is still work to be done in skilling staff up and that some staff do not yet feel 'au fait' with out-",
    "of-court disposal work. A number of new staff have come into the YJS who have needed additional training to",
    "has raised this issue with senior leaders.",
    "\fInspection of youth offending services: Kirklees",
    "16",
  ].join("\n");
  const record = extractDocument(await documentFromBytes("kirklees-staffing.txt", Buffer.from(text, "utf8")));
  const staffing = record.contextualFacts
    .filter((f) => f.group === "staffing")
    .map((f) => [f.label, f.value]);
  expect(staffing).toContainEqual([
    "Staff attrition (percentage of all staff leaving in 12-month period)",
    7,
  ]);
  expect(staffing).toContainEqual(["Average caseload per case manager (FTE)", 7]);
  expect(staffing.some(([, value]) => value === 16)).toBe(false);
});

/**
 * Kirklees' cover and ratings table as PyMuPDF's text sorted by position writes them, a cell a
 * line: with them, a text is one written a cell a line.
 */
const KIRKLEES_SORTED_OPENING = [
  "An inspection of youth offending services in",
  "Kirklees",
  "Ratings",
  "Kirklees youth justice service",
  "Score",
  "8/36",
  "Overall rating",
  "Requires improvement",
  ...[
    ["1. Organisational delivery"],
    ["1.1", "Governance and leadership", "Requires improvement"],
    ["1.2", "Staff", "Requires improvement"],
    ["1.3", "Partnerships and services", "Requires improvement"],
    ["1.4", "Information and facilities", "Requires improvement"],
    ["2. Court disposals"],
    ["2.1", "Assessment", "Requires improvement"],
    ["2.2", "Planning", "Inadequate"],
    ["2.3", "Implementation and delivery", "Good"],
    ["2.4", "Reviewing", "Inadequate"],
    ["3. Out-of-court disposals"],
    ["3.1", "Assessment", "Requires improvement"],
    ["3.2", "Planning", "Inadequate"],
    ["3.3", "Implementation and delivery", "Inadequate"],
    ["3.4", "Joint working", "Inadequate"],
  ].flat(),
  "Executive summary",
];

/** A report's staffing and caseload-characteristics facts read from `text`, as label and value. */
async function sectionFactsOf(name: string, text: string): Promise<[string, number | null][]> {
  const record = await readText(name, text);
  return record.contextualFacts
    .filter((f) => f.group === "staffing" || f.group === "caseload_characteristics")
    .map((f) => [f.label, f.value]);
}

test("a staffing table written by its cells' lower edges, a wrapped label's centred figure before it, is read row by row (PyMuPDF sorted, a cell a line)", async () => {
  // Kirklees' key staffing data as PyMuPDF's text sorted by position writes it: "0%" is centred
  // on the vacancy rate's two lines, so it ends higher than they do and comes first.
  const text = [
    ...KIRKLEES_SORTED_OPENING,
    "Board members lacked the same level of understanding. YJS managers were involved and consulted about",
    "the restructure, but described the management board as a 'work in progress'.",
    "1.2. Staff",
    "Requires improvement",
    "Staff within the YOT are empowered to deliver a high-quality,",
    "personalised and responsive service for all children.",
    "---",
    "----------------------",
    "13",
    "Inspection of youth offending services: Kirklees",
    "Key staffing data16",
    "Total staff headcount (full-time equivalent, FTE)",
    "43.7",
    "Total headcount qualified case managers (FTE) 17",
    "8.6",
    "Total headcount other case managers (FTE)",
    "7.8",
    "0%",
    "Vacancy rate (total unfilled posts as percentage of total staff",
    "headcount)",
    "Average caseload per case manager (FTE)",
    "7",
    "Average annual sickness days (all staff)",
    "12.5",
    "Staff attrition (percentage of all staff leaving in 12-month period)",
    "7%",
    "In making a judgement about staffing, we take into account the answers to the following four questions:",
    "Do staffing and workload levels support the delivery of a high-quality, personalised and responsive service",
    "for all children?",
    "Prior to the inspection fieldwork there were significant gaps in staffing. This was due to the ongoing",
    "restructure, and a freeze on posts, resulting in a number of unfilled vacancies and some staff leaving. This",
    "16 Information supplied by YJS and reflecting the caseload at the time of the inspection announcement.",
    "17 Qualified case managers refer to those with a social work or probation professional qualification.",
    "14",
    "Inspection of youth offending services: Kirklees",
  ].join("\n");
  expect(await sectionFactsOf("kirklees-staffing-sorted.txt", text)).toEqual([
    ["Total staff headcount (full-time equivalent, FTE)", 43.7],
    ["Total headcount qualified case managers (FTE)", 8.6],
    ["Total headcount other case managers (FTE)", 7.8],
    ["Vacancy rate (total unfilled posts as percentage of total staff headcount)", 0],
    ["Average caseload per case manager (FTE)", 7],
    ["Average annual sickness days (all staff)", 12.5],
    ["Staff attrition (percentage of all staff leaving in 12-month period)", 7],
  ]);
});

test("staffing and caseload tables written by their cells' lower edges in a text that keeps its rows: two wrapped labels' figures before them, a note's marker left on a label (PyMuPDF sorted)", async () => {
  // Tower Hamlets' tables as PyMuPDF's sorted text writes them, among prose written in rows: the
  // vacancy rates' "11%" and "5%" and the last characteristic's "18.6%" before their labels.
  const text = [
    "The board does not have a risk register and is not monitoring and addressing risks in any strategic way.",
    "There are concerns about high numbers of FTEs, the leadership of the YJS, lack of data, and gaps in",
    "staffing. However, these issues have not been meaningfully addressed, leaving staff confused and anxious.",
    "1.2. Staff",
    "Staff within the YOT are empowered to deliver a high-quality,",
    "Requires",
    "personalised and responsive service for all children.",
    "improvement",
    "Key staffing data12",
    "Total staff headcount (full-time equivalent (FTE))",
    "18",
    "Total headcount qualified case managers (FTE) 13",
    "10",
    "11%",
    "Vacancy rate (total unfilled posts as percentage of total staff",
    "headcount)",
    "5%",
    "Vacancy rate case managers only (total unfilled case manager posts",
    "as percentage of total case manager headcount)",
    "Average caseload case managers (FTE) 14",
    "9",
    "Average annual working days sickness (all staff)",
    "7",
    "Staff attrition (percentage of all staff leaving in 12-month period)",
    "16.6%",
    "In making a judgement about staffing, we take into account the answers to the following five questions:",
    "Do staffing and workload levels support the delivery of a high-quality, personalised and responsive service",
    "for all children?",
    "12 Data supplied by YJS and reflecting staffing at the time of the inspection announcement.",
    "13 Qualified case managers are those with a relevant social work, youth justice or probation qualification.",
    "14 Data supplied by YJS, based on staffing and workload at the time of the inspection announcement.",
    "15",
    "Inspection of youth offending services: Tower Hamlets and City of London",
    "Staffing has been a challenge for the YJS and a number of vacancies in the partnership have remained",
    "unfilled for varying amounts of time. Interim and temporary arrangements have been unsettling for staff.",
    "1.3. Partnerships and services",
    "Caseload characteristics 15",
    "Percentage of current caseload with mental health issues",
    "25.4%",
    "Percentage of current caseload with substance misuse issues",
    "54.2%",
    "18.6%",
    "Percentage of current caseload with an education, health and care",
    "plan",
    "In making a judgement about partnerships and services, we take into account the answers to the following",
    "questions:",
    "15 Data supplied by YJS.",
    "16",
    "Inspection of youth offending services: Tower Hamlets and City of London",
  ].join("\n");
  expect(await sectionFactsOf("tower-hamlets-staffing-sorted.txt", text)).toEqual([
    ...TOWER_HAMLETS_STAFFING,
    ["Percentage of current caseload with mental health issues", 25.4],
    ["Percentage of current caseload with substance misuse issues", 54.2],
    ["Percentage of current caseload with an education, health and care plan", 18.6],
  ]);
});

test("caseload rows written by their cells' lower edges, a count and its share wrapped after their label, are read row by row (PyMuPDF sorted, A5 pages)", async () => {
  // Kirklees' additional caseload data on A5 pages: "69" / "(65%)" wrap in their narrow cell,
  // so "court disposals", of one line, ends higher and comes first.
  const text = [
    ...KIRKLEES_SORTED_OPENING,
    "Contextual facts",
    "Additional caseload data11",
    "106",
    "Total current caseload, of which:",
    "court disposals",
    "69 ",
    "(65%)",
    "out-of-court disposals",
    "37 ",
    "(35%)",
    "Of the 69 court disposals",
    "61 (88%)",
    "Total current caseload on community sentences",
    "5 (7%)",
    "Total current caseload in custody",
    "3 (4%)",
    "Total current caseload on licence",
    "1. Organisational delivery",
    "Organisations that are well led and well managed are more likely to achieve their aims.",
  ].join("\n");
  const record = await readText("kirklees-caseload-sorted.txt", text);
  const caseload = record.contextualFacts
    .filter((f) => f.group === "caseload")
    .map((f) => [f.label, f.value, f.unit]);
  expect(caseload.slice(0, 5)).toEqual([
    ["Total current caseload", 106, "count"],
    ["court disposals", 69, "count"],
    ["court disposals", 65, "percent"],
    ["out-of-court disposals", 37, "count"],
    ["out-of-court disposals", 35, "percent"],
  ]);
});

test("a figure-first population row whose label says what it counts only on its wrapped line is read (pdf-parse getText)", () => {
  // North Somerset's population table as getText writes pdfkit's rendering: the row's
  // label wraps before "population".
  const { facts } = factsOf(
    [
      "Population information",
      "215,052 Total population in North Somerset (2018)",
      "751 Total black and minority ethnic youth",
      "population in North Somerset (2011)",
      "Demographics of children cautioned or sentenced",
    ].join("\n"),
  );
  expect(facts.map(([group, label, , , value]) => [group, label, value])).toEqual([
    ["population", "Total population in North Somerset (2018)", 215052],
    ["population", "Total black and minority ethnic youth population in North Somerset (2011)", 751],
  ]);
});

test("a footnote marker an OCR engine misread as a symbol is no part of a fact's label (pdftotext -layout of a scan)", () => {
  // Kirklees scanned and OCR'd by tesseract: each label's raised footnote number came back as
  // "°", "’", "®", "*”" or, one digit read right, "1°"; North Somerset's as "?".
  const { facts } = factsOf(
    [
      "Youth justice information",
      "    233                    First-time entrant rate per 100,000 in Kirklees °",
      "    34%                    Reoffending rate for Kirklees ’",
      "Population information",
      "    441,290               Total population Kirklees (2020) ®",
      "    215,052               Total population in North Somerset (2018) ?",
      "Key staffing data”",
      " Total headcount qualified case managers (FTE) *”                                    8.6",
      " Total headcount other case managers (FTE) 1°                                        10",
    ].join("\n"),
  );
  expect(facts.map(([, label, , , value]) => [label, value])).toEqual([
    ["First-time entrant rate per 100,000 in Kirklees", 233],
    ["Reoffending rate for Kirklees", 34],
    ["Total population Kirklees (2020)", 441290],
    ["Total population in North Somerset (2018)", 215052],
    ["Total headcount qualified case managers (FTE)", 8.6],
    ["Total headcount other case managers (FTE)", 10],
  ]);
});

test("a caption whose footnote marker OCR misread after its colon ('... court disposals:”') is a caption, not the row above's label run on (getText of a scan)", async () => {
  // Kirklees scanned and OCR'd, as getText writes it (the foot of page 8, then page 9's prose
  // and contextual facts): the caption's "¹²" came back as "”", and the paragraph unwrapper had
  // run the caption on after the row above it, short of the prose's width.
  const text = [
    "An inspection of youth justice services in Kirklees",
    "3 The *Crime and Disorder Act 1998* set out the arrangements for local YOTs and partnership working.",
    "4 Percentage of children under 16 living in families with Absolute Low Income 2018-19.",
    "leading and managing youth justice services. The Director of Children's Services was appointed as chair of the",
    "YJS management board in April 2021. The previous chair, a police superintendent, reverted to vice-chair.",
    "Senior leaders feel that being located within the Youth Engagement Service has brought the YJS closer to",
    "other contextual safeguarding services and Early Help, to ensure that there is a dedicated and focused",
    "partnership response for children who are at risk of offending and of causing harm to others.",
    "The YJB key performance indicators show that Kirklees currently has a first-time entrant (FTE) rate of 233",
    "(above the national rate of 207). Reoffending performance is better, with Kirklees having a binary rate of 34.2",
    "per cent (lower than the England and Wales rate of 37.8 per cent), although the frequency rate of 1.54 is",
    "slightly above the England and Wales rate of 1.48.",
    "Contextual facts",
    "Youth justice information",
    "233 First-time entrant rate per 100,000 in Kirklees °",
    "207 First-time entrant rate per 100,000 in England and Wales",
    "34% Reoffending rate for Kirklees ’",
    "38% Reoffending rate in England and Wales",
    "Population information",
    "441,290 Total population Kirklees (2020) ®",
    "44,773 Total youth population (10-17 years) in Kirklees (2020)",
    "Caseload information?",
    "Age 10-14 15-17",
    "Kirklees YJS 29% 71%",
    "National average 22% 78%",
    "Race/ethnicity *° White Black and Unknown",
    "minority ethnic",
    "Kirklees YJS 65% 30% 5%",
    "Kirklees 71% 29% 0%",
    "Gender Male Female",
    "Kirklees YJS 91% 9%",
    "National average 85% 15%",
    "6 Youth Justice Board. (2021). *First Time Entrants, January to December 2019*.",
    "7 Ministry of Justice. (2021). *Proven reoffending statistics, April 2018 to March 2019*.",
    "8 Office for National Statistics. (2021). *UK Population estimates, mid-2020*.",
    "9 Youth Justice Board. (2021). *Youth Justice annual statistics: 2019-2020*.",
    "10 Information supplied by the YJS. Figures may not add up to 100 due to rounding.",
    "9",
    "",
    "-- 9 of 37 --",
    "",
    "Additional caseload data?",
    "106 Total current caseload, of which:",
    "69 (65%) court disposals",
    "37 (35%) out-of-court disposals",
    "Of the 69 court disposals",
    "61 (88%) Total current caseload on community sentences",
    "5 (7%) Total current caseload in custody",
    "3 (4%) Total current caseload on licence",
    "Of the 37 out-of-court disposals",
    "3 (8%) Total current caseload with youth caution",
    "3 (8%) Total current caseload with youth conditional caution",
    "31 (84%) Total current caseload: community resolution or other out-of-court disposal",
    "For children in the inspected cases subject to court disposals:”",
    // (A section that states its rating: a document that rates nothing is no report.)
    "1.1. Governance and leadership Good",
    "The governance and leadership of the YOT supports and promotes the delivery of a high-quality service.",
  ].join("\n");
  const record = extractDocument(await documentFromBytes("kirklees-caseload.txt", Buffer.from(text, "utf8")));
  const labels = record.contextualFacts.map((f) => [f.label, f.value]);
  expect(labels).toContainEqual([
    "Total current caseload: community resolution or other out-of-court disposal",
    31,
  ]);
  expect(labels.filter(([label]) => String(label).includes("For children"))).toEqual([]);
});

/** Blackburn with Darwen's recommendations, the first two under their addressee, then `rest`. */
function blackburnRecommendations(...rest: string[]) {
  const { lines, seg } = linesOf(
    [
      "Recommendations",
      "The Blackburn with Darwen Youth Justice Service should:",
      "1. provide routine support and training for practitioners who are required to identify speech, language, and communication needs",
      "2. support practitioners and managers in recognising and knowing how to escalate concerns when education packages are unsatisfactory",
      ...rest,
      "",
      "Background",
    ].join("\n"),
  );
  const { recommendations, warnings } = parseRecommendations(lines, seg);
  return {
    items: recommendations.items,
    numbered: recommendations.items.map((it) => [it.number, it.text.slice(0, 24)]),
    warnings: warnings.map((w) => [w.code, w.provenance?.line]),
  };
}
const BOARD_ITEM =
  "1. ensure that the post-16 access to speech, language, and communication therapy pathway is expedited and embedded";

test("a page's footnote among the recommendations, its marker written '1.' (an OCR'd scan), is no recommendation; numbering again from 1 after an addressee is", () => {
  const r = blackburnRecommendations(
    // (The note wrapped: its next line is no item's either.)
    "1. The rating for Resettlement does not influence the",
    "overall YOS rating.",
    "3. systematically evaluate service delivery and internal processes",
    "The Blackburn with Darwen Youth Justice Service Management Board should:",
    BOARD_ITEM,
  );
  expect(r.numbered).toEqual([
    [1, "provide routine support "],
    [2, "support practitioners an"],
    [3, "systematically evaluate "],
    [1, "ensure that the post-16 "],
  ]);
  expect(r.items[1]?.text).toBe(
    "support practitioners and managers in recognising and knowing how to escalate concerns when education packages are unsatisfactory",
  );
  expect(r.warnings).toEqual([["recommendation-out-of-sequence", 5]]);
});

// pypdf writes a page's foot where it falls: the Resettlement note straight after the next
// addressee's lead-in, its number bare ("1 The rating ..."), the list's numbering going on after it.
test("a page's footnote straight after an addressee, the numbering going on after it, is no recommendation (pypdf)", () => {
  const r = blackburnRecommendations(
    "3. systematically evaluate service delivery and internal processes",
    "4. improve reviewing activity to ensure that changes in risks are explored",
    "The Blackburn with Darwen Youth Justice Service Management Board should:",
    "1 The rating for Resettlement does not influence the overall YOS rating.",
    "5. ensure that the post-16 access to speech, language, and communication therapy pathway is expedited",
    "6. ensure that data analysis of YJS children provides detailed scrutiny of education provision",
  );
  expect(r.numbered).toEqual([
    [1, "provide routine support "],
    [2, "support practitioners an"],
    [3, "systematically evaluate "],
    [4, "improve reviewing activi"],
    [5, "ensure that the post-16 "],
    [6, "ensure that data analysi"],
  ]);
  expect(r.items[4]?.addressee).toBe("The Blackburn with Darwen Youth Justice Service Management Board");
  expect(r.warnings).toEqual([["recommendation-out-of-sequence", 8]]);
});

// pypdf's page foot before the list's lead-in: "1The rating for Resettlement ..." (parted "1 |
// The rating ..."), then the lead-in and its items numbered from 1.
test("a page's footnote before the list's lead-in, its number bare and the items after the lead-in numbered from it again, is no recommendation (pypdf)", () => {
  const read = (note: string) => {
    const { lines, seg } = linesOf(
      [
        "Recommendations",
        "As a result of our inspection findings, we have made two recommendations that we believe, if implemented, will have a positive impact.",
        note,
        "The Blackburn with Darwen Youth Justice Service should:",
        "1. provide routine support and training for practitioners",
        "2. support practitioners and managers in recognising concerns",
        "",
        "Background",
      ].join("\n"),
    );
    const { recommendations, warnings } = parseRecommendations(lines, seg);
    return {
      numbered: recommendations.items.map((it) => [it.number, it.addressee, it.text.slice(0, 16)]),
      warnings: warnings.map((w) => w.code),
    };
  };
  expect(read("1\tThe rating for Resettlement does not influence the overall YOS rating.")).toEqual({
    numbered: [
      [1, "The Blackburn with Darwen Youth Justice Service", "provide routine "],
      [2, "The Blackburn with Darwen Youth Justice Service", "support practiti"],
    ],
    warnings: ["recommendation-out-of-sequence"],
  });
  // (A list whose first item stands before the lead-in, marked as the rest are, stays as it is.)
  expect(read("1. review its board membership").numbered.map(([n]) => n)).toEqual([1, 1, 2]);
});

// pypdf of A5 pages: the page's foot between two items, its number bare and set off by a tab
// ("1\tThe rating ..."), below the item before it: a note, not the item's next sentence.
test("a page's footnote between two items, its number bare and below the item before it, is no part of that item (pypdf)", () => {
  const r = blackburnRecommendations(
    "3. systematically evaluate service delivery and internal processes to develop an evidence base and understanding of the results being",
    "achieved",
    "1\tThe rating for Resettlement does not influence the overall YOS rating.",
    "4. improve reviewing activity to ensure that changes in risks are explored",
  );
  expect(r.numbered).toEqual([
    [1, "provide routine support "],
    [2, "support practitioners an"],
    [3, "systematically evaluate "],
    [4, "improve reviewing activi"],
  ]);
  expect(r.items[2]?.text).toBe(
    "systematically evaluate service delivery and internal processes to develop an evidence base and understanding of the results being achieved",
  );
  expect(r.warnings).toEqual([["recommendation-out-of-sequence", 7]]);
  // (An item's line wrapped before a date or a count is the item's: "... by" / "2 March 2024".)
  const dated = blackburnRecommendations(
    "3. systematically evaluate service delivery and internal processes, reporting to the board by",
    "2 March 2024 and each quarter after",
    "4. improve reviewing activity to ensure that changes in risks are explored",
  );
  expect(dated.items[2]?.text).toBe(
    "systematically evaluate service delivery and internal processes, reporting to the board by 2 March 2024 and each quarter after",
  );
});

test("a page's footnote among the recommendations, its number alone on its line and its text on the next (pdfminer), is no recommendation, nor the end of the list", () => {
  const r = blackburnRecommendations(
    "1.",
    "The rating for Resettlement does not influence the overall YOS rating.",
    "3. systematically evaluate service delivery and internal processes",
  );
  expect(r.numbered).toEqual([
    [1, "provide routine support "],
    [2, "support practitioners an"],
    [3, "systematically evaluate "],
  ]);
  expect(r.warnings).toEqual([["recommendation-out-of-sequence", 5]]);
});

test("a number left alone among the recommendations (a page's, '1.') takes no addressee after it for a note's text", () => {
  const r = blackburnRecommendations(
    "1.",
    "The Blackburn with Darwen Youth Justice Service Management Board should:",
    BOARD_ITEM,
  );
  expect(r.numbered).toEqual([
    [1, "provide routine support "],
    [2, "support practitioners an"],
    [1, "ensure that the post-16 "],
  ]);
  expect(r.items[2]?.addressee).toBe("The Blackburn with Darwen Youth Justice Service Management Board");
});

test("a key staffing data table with a heading row over its rows is read; one whose rows cannot be read says so", async () => {
  const text = readFileSync(join(import.meta.dirname, "..", "corpus", "2021-10-kirklees.txt"), "utf8");
  const first = "Total staff headcount (full-time equivalent, FTE)\t43.7";
  expect(text).toContain(first);
  const read = async (above: string) =>
    extractDocument(await documentFromBytes("k.txt", Buffer.from(text.replace(first, `${above}\n${first}`))));
  const staffing = (r: Awaited<ReturnType<typeof read>>) =>
    r.contextualFacts.filter((f) => f.group === "staffing").map((f) => [f.label, f.value]);
  const published = staffing(await read(""));
  expect(published).toHaveLength(7);
  expect(published[0]).toEqual(["Total staff headcount (full-time equivalent, FTE)", 43.7]);
  // A heading row naming the columns: passed over, every row read.
  for (const heading of ["Measure\tFigure", "Staffing\tKirklees YJS"])
    expect(staffing(await read(heading))).toEqual(published);
  // A line before the first row that is neither a heading nor a row (a date, no figure of the
  // table's): nothing read, and the record says so where before it was silent.
  const broken = await read("Staff in post on 1 June 2021\tsee annex");
  expect(staffing(broken)).toEqual([]);
  expect(broken.warnings.filter((w) => w.code === "fact-unreadable").map((w) => w.message)).toEqual([
    "The 'Key staffing data' table's rows could not be read (no label and figure where its first row stands); the table was not read",
  ]);
});

test("a count's share wrapped onto its label's line ('69' / '(65%)court disposals', pypdf on narrow pages) is the count's, not the label's", async () => {
  const printed = readFileSync(join(import.meta.dirname, "..", "corpus", "2021-10-kirklees.txt"), "utf8");
  const rows: [string, string][] = [
    ["69 (65%)\tcourt disposals", "69\t(65%)court disposals"],
    ["37 (35%)\tout-of-court disposals", "37\t(35%) out-of-court disposals"],
  ];
  let damaged = printed;
  for (const [row, written] of rows) {
    expect(damaged).toContain(row);
    damaged = damaged.replace(row, written);
  }
  const caseload = async (text: string) =>
    (await extractDocument(await documentFromBytes("kirklees.txt", Buffer.from(text)))).contextualFacts
      .filter((f) => f.group === "caseload")
      .map((f) => [f.label, f.value, f.unit]);
  const facts = await caseload(damaged);
  expect(facts).toContainEqual(["court disposals", 69, "count"]);
  expect(facts).toContainEqual(["out-of-court disposals", 37, "count"]);
  expect(facts).toEqual(await caseload(printed));
});

test("a split table whose cells pypdf glued where no space was written and spaced where one was ('Croydon 22%' | '69% 9%'): a figure each, in the header's columns", () => {
  // Croydon's caseload tables as pypdf writes a browser's PDF, the glued cells parted by tabs.
  const table = (rows: string[]) =>
    factsOf(
      [
        "Caseload information",
        "Race/ethnicity White\tBlack and minority ethnic Unknown",
        ...rows,
        "Gender Male\tFemale",
        "Croydon 88%\t12%",
      ].join("\n"),
    );
  const r = table(["Croydon 22%\t69% 9%", "National average 71%\t26% 4%"]);
  expect(groupFacts(r, "ethnicity", 1, 2, 4)).toEqual([
    ...ethnicityOf("Croydon", 22, 69, 9),
    ...ethnicityOf("National average", 71, 26, 4),
  ]);
  expect(groupFacts(r, "gender", 1, 4)).toEqual([
    ["Male", 88],
    ["Female", 12],
  ]);
  // A cell of a figure and words is no figures: the row does not fit the header, and is not read.
  expect(groupFacts(table(["Croydon 22%\t69% of 9%"]), "ethnicity")).toEqual([]);
});

/** Kirklees' ethnicity table as pypdf writes it, its note's marker glued to the first name, with these rows. */
const kirkleesEthnicity = (...rows: string[]) =>
  factsOf(
    ["Caseload information", "Race/ethnicity 10White\tBlack and minority ethnic Unknown", ...rows].join("\n"),
  );

test("a split table as pypdf writes it untouched by the glued-cells pass: names and figures glued ('WhiteBlack and minority ethnic Unknown', '84%3% 13%'), a marker glued to the first name ('10White')", () => {
  // North Somerset's and Kirklees' caseload tables, pypdf of the default PDF.
  const r = factsOf(
    [
      "Caseload information",
      "Race/ethnicity WhiteBlack and minority ethnic Unknown",
      "North Somerset YOS 84%3% 13%",
      "National average 70%26% 4%",
    ].join("\n"),
  );
  expect(groupFacts(r, "ethnicity", 1, 2, 4)).toEqual([
    ...ethnicityOf("North Somerset YOS", 84, 3, 13),
    ...ethnicityOf("National average", 70, 26, 4),
  ]);
  const marked = kirkleesEthnicity("Kirklees YJS 65%\t30% 5%");
  expect(groupFacts(marked, "ethnicity", 1, 4)).toEqual([
    ["White", 65],
    ["Black and minority ethnic", 30],
    ["Unknown", 5],
  ]);
  // A name glued to a word that is none ("Blackburn"): no header, nothing read.
  const other = factsOf(
    ["Caseload information", "Race/ethnicity WhiteBlackburn Unknown", "Blackburn YJS 84%3% 13%"].join("\n"),
  );
  expect(groupFacts(other, "ethnicity")).toEqual([]);
});

test("a split table's row with its first two figures a single space after its subject and the last glued to them ('Kirklees YJS 65% 30%5%', pypdf of figures set right): a figure each", () => {
  // Kirklees' ethnicity table as pypdf writes the PDF whose figures are set right in their cells;
  // the glued-cells pass parts "30%5%" with a tab.
  const r = kirkleesEthnicity("Kirklees YJS 65% 30%\t5%", "Kirklees 71% 29%\t0%");
  expect(groupFacts(r, "ethnicity", 1, 2, 4)).toEqual([
    ...ethnicityOf("Kirklees YJS", 65, 30, 5),
    ...ethnicityOf("Kirklees", 71, 29, 0),
  ]);
  // (Words between the figures make no row of figures: not read.)
  const words = kirkleesEthnicity("Kirklees YJS 65% of 30%\t5%");
  expect(groupFacts(words, "ethnicity")).toEqual([]);
});

test("a figure glued to its label's capital ('215,052Total population in North Somerset (2018)', pypdf of rows set close) is the row's figure", async () => {
  // North Somerset's population rows as pypdf writes them.
  const printed = readFileSync(
    join(import.meta.dirname, "..", "corpus", "2020-12-north-somerset.txt"),
    "utf8",
  );
  let damaged = printed;
  for (const figure of ["215,052", "19,364", "751"]) {
    expect(damaged).toContain(`\n${figure}\tTotal`);
    damaged = damaged.replace(`\n${figure}\tTotal`, `\n${figure}Total`);
  }
  const population = async (text: string) =>
    (await extractDocument(await documentFromBytes("north-somerset.txt", Buffer.from(text)))).contextualFacts
      .filter((f) => f.group === "population")
      .map((f) => [f.label, f.value, f.provenance.line]);
  expect(await population(damaged)).toEqual([
    ["Total population in North Somerset (2018)", 215052, 138],
    ["Total youth population (10-17 years) in North Somerset (2018)", 19364, 139],
    ["Total black and minority ethnic youth population in North Somerset (2011)", 751, 140],
  ]);
  // (A figure glued to a word in lower case is no row: "2011census" is no count of a census.)
  expect(
    groupFacts(
      factsOf(["Population information", "2011census of the youth population"].join("\n")),
      "population",
    ),
  ).toEqual([]);
});
