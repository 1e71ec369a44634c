import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { withGluedCellsParted } from "../parsers/glued-cells.js";
import { countsParted } from "../parsers/text.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");

/** Lines as pdf-parse 1.x wrote them of the reports' PDFs, and their cells. */
const GLUED: [string, string][] = [
  ["Kirklees youth justice serviceScore8/36", "Kirklees youth justice service\tScore\t8/36"],
  ["Overall ratingRequires improvement", "Overall rating\tRequires improvement"],
  [
    "1.1Governance and leadershipRequires improvement",
    "1.1\tGovernance and leadership\tRequires improvement",
  ],
  ["2.2PlanningInadequate", "2.2\tPlanning\tInadequate"],
  [
    "Does planning focus sufficiently on keeping the child safe?32%",
    "Does planning focus sufficiently on keeping the child safe?\t32%",
  ],
  ["2.2.1.Does planning focus", "2.2.1.\tDoes planning focus"],
  ["Age10–1415–17", "Age\t10–14\t15–17"],
  ["Age (years)10-1415-17", "Age (years)\t10-14\t15-17"],
  ["WhiteBlack and minority ethnicUnknown", "White\tBlack and minority ethnic\tUnknown"],
  ["GenderMaleFemale", "Gender\tMale\tFemale"],
  ["Kirklees YJS65%30%5%", "Kirklees YJS\t65%\t30%\t5%"],
  ["267First-time entrant rate", "267\tFirst-time entrant rate"],
  ["69 (65%)court disposals", "69 (65%)\tcourt disposals"],
  ["Average caseload per case manager (FTE)7", "Average caseload per case manager (FTE)\t7"],
  ["Violence against the person50%", "Violence against the person\t50%"],
  ["1.2. Staff10", "1.2. Staff\t10"],
  [
    "Of the 7 cases where there were changes in factors related to keeping the child safe:Relevant",
    "Of the 7 cases where there were changes in factors related to keeping the child safe:\tRelevant",
  ],
  ["Of the 8 cases inspected:18Relevant ", "Of the 8 cases inspected:¹⁸\tRelevant "],
  [
    "Staff within the YOT are empowered to deliver a high-quality, personalised and responsive service for all children.Requires improvement",
    "Staff within the YOT are empowered to deliver a high-quality, personalised and responsive service for all children.\tRequires improvement",
  ],
];

/** A count table as pdf-parse 1.x wrote North Somerset's: counts run together, a wrapped question's below it, a note's marker between. */
const COUNT_TABLE: [string, string][] = [
  ["Of the 5 cases inspected:Relevant ", "Of the 5 cases inspected:\tRelevant "],
  ["cases", "cases"],
  ["Number 'Yes'", "Number 'Yes'"],
  [
    "Does planning focus on supporting the child's desistance?55",
    "Does planning focus on supporting the child's desistance?\t5\t5",
  ],
  [
    "Does planning focus sufficiently on keeping the child safe? ",
    "Does planning focus sufficiently on keeping the child safe? ",
  ],
  ["22", "²²"],
  ["55", "5\t5"],
  [
    "Is sufficient attention given to understanding the child's levels of",
    "Is sufficient attention given to understanding the child's levels of",
  ],
  ["maturity?", "maturity?"],
  ["168", "16\t8"],
  // (A space the question's cell ended with; the counts still run together.)
  [
    "Does reviewing focus sufficiently on keeping other people safe? 75",
    "Does reviewing focus sufficiently on keeping other people safe? \t7\t5",
  ],
  [
    "Does planning focus sufficiently on keeping other people safe? <sup>12</sup>21",
    "Does planning focus sufficiently on keeping other people safe? <sup>12</sup>\t2\t1",
  ],
];

/** Five rows that show the damage ("ratingRequires improvement", "safe?32%"): what a text must have to be taken for one that glues its cells. */
const EVIDENCE = [1, 2, 3, 4, 14].map((i) => (GLUED[i] as [string, string])[0]);

describe("glued cells", () => {
  test("a text whose rows run their cells together has them parted by tabs where a figure, a label or a rating begins", () => {
    const { lines, parted } = withGluedCellsParted(GLUED.map(([line]) => line));
    expect(lines).toEqual(GLUED.map(([, cells]) => cells));
    expect(parted).toBe(GLUED.length);
  });

  test("a count table's two counts run together are parted by the order they stand in; a note's marker is raised", () => {
    const lines = [...EVIDENCE, ...COUNT_TABLE.map(([line]) => line)];
    expect(withGluedCellsParted(lines).lines.slice(5)).toEqual(COUNT_TABLE.map(([, cells]) => cells));
  });

  test("two counts run together: relevant cases first (at most 99), then at most as many 'Yes'", () => {
    expect(countsParted("88")).toEqual([8, 8]);
    expect(countsParted("86")).toEqual([8, 6]);
    expect(countsParted("168")).toEqual([16, 8]);
    expect(countsParted("1616")).toEqual([16, 16]);
    expect(countsParted("1010")).toEqual([10, 10]);
    expect(countsParted("110")).toEqual([11, 0]);
    expect(countsParted("68")).toBeNull(); // 6 relevant cannot have 8 'Yes'
    expect(countsParted("12")).toBeNull();
  });

  // A figure-first row's one figure opens it: a number glued to its label's last word is the
  // label's note marker ("... in Kirklees6", pypdf), left for the notes to read, not a cell.
  test("a figure-first row: a number glued to the end of its label is no second figure", () => {
    const rows = [
      "233 First-time entrant rate per 100,000 in Kirklees6",
      "441,290Total population Kirklees (2020)8",
      "34% Reoffending rate for Kirklees7",
      "2.4Reviewing25",
    ];
    expect(withGluedCellsParted([...EVIDENCE, ...rows]).lines.slice(5)).toEqual([
      "233 First-time entrant rate per 100,000 in Kirklees6",
      "441,290\tTotal population Kirklees (2020)8",
      "34% Reoffending rate for Kirklees7",
      // (A standard's number is no row's figure: a contents entry's page is parted.)
      "2.4\tReviewing\t25",
    ]);
  });

  // pypdf's text of a word processor's PDF: a standard's description wrapped, its last line glued
  // to the first word of its rating, which wrapped too ("Requires" / "improvement").
  test("a rating wrapped in its cell, its first word glued to the description's last line, is parted from it", () => {
    const rows = [
      "Staff within the YOT are empowered to deliver a high-quality, personalised and responsive service ",
      "for all children.Requires ",
      "improvement",
      "Planning sometimes Requires",
      "more thought.",
    ];
    expect(withGluedCellsParted([...EVIDENCE, ...rows]).lines.slice(5)).toEqual([
      "Staff within the YOT are empowered to deliver a high-quality, personalised and responsive service ",
      "for all children.\tRequires ",
      "improvement",
      "Planning sometimes Requires",
      "more thought.",
    ]);
  });

  test("prose and a text whose cells are apart are left as they are", () => {
    const prose = [
      "Overall, Kirklees Youth Justice Service (YJS) is rated as: 'Requires improvement'. This rating has been",
      "Of the 19 children (to August 2020) who had completed a programme to address their harmful",
      "Planning to support the child's desistance was sufficient in 16 out of 22 cases. A reasonable majority of plans",
    ];
    // (Five glued rows make the text one that glues its cells; prose in it stays as it is.)
    const { lines, parted } = withGluedCellsParted([...EVIDENCE, ...prose]);
    expect(lines.slice(5)).toEqual(prose);
    expect(parted).toBe(5);
    // (Four glued rows are not enough to tell.)
    const few = EVIDENCE.slice(0, 4);
    expect(withGluedCellsParted(few)).toEqual({ lines: few, parted: 0 });
    for (const report of ["2020-12-north-somerset.txt", "2022-07-tower-hamlets-and-city-of-london.txt"]) {
      const text = readFileSync(join(CORPUS, report), "utf8").split("\n");
      const out = withGluedCellsParted(text);
      expect(out.parted).toBe(0);
      expect(out.lines).toBe(text);
    }
  });
});
