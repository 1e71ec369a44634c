// The run-on rows stage: a table whose rows ran into one line (each paragraph on one line, as
// document-sharing sites' transcripts print a PDF) is cut back into its rows; prose is not.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { type SourceLine, textSourceLines } from "../parsers/normalise.js";
import { runOnRowsSplit } from "../parsers/run-on-rows.js";
import { toParagraphLines, withCountShares } from "../scripts/make-variants.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");

/** The line of `report`, each paragraph on one line, that holds `words`, and the rows it is cut into. */
function rowsOf(report: string, words: string, tabs = false): string[] {
  const text = toParagraphLines(readFileSync(join(CORPUS, report), "utf8"), tabs);
  const line = textSourceLines(text).find((l) => l.raw.includes(words)) as SourceLine;
  expect(line).toBeDefined();
  const rows = runOnRowsSplit([line]);
  expect(rows.every((row) => row.line === line.line)).toBe(true);
  return rows.map((row) => row.raw);
}

function rowsOfLine(raw: string): string[] {
  return runOnRowsSplit([{ line: 1, page: null, raw }]).map((row) => row.raw);
}

describe("runOnRowsSplit: a table's rows run into one line are its rows again", () => {
  test("the ratings table: the area and score, the overall rating, domains and standards", () => {
    expect(rowsOf("2021-10-kirklees.txt", "Score 8/36")).toEqual([
      "Kirklees youth justice service Score 8/36",
      "Overall rating Requires improvement",
      "1. Organisational delivery",
      "1.1 Governance and leadership Requires improvement",
      "1.2 Staff Requires improvement",
      "1.3 Partnerships and services Requires improvement",
      "1.4 Information and facilities Requires improvement",
      "2. Court disposals",
      "2.1 Assessment Requires improvement",
      "2.2 Planning Inadequate",
      "2.3 Implementation and delivery Good",
      "2.4 Reviewing Inadequate",
      "3. Out-of-court disposals",
      "3.1 Assessment Requires improvement",
      "3.2 Planning Inadequate",
      "3.3 Implementation and delivery Inadequate",
      "3.4 Joint working Inadequate",
    ]);
  });

  test("an annex's numbered key questions after their standard's heading and rating", () => {
    expect(rowsOf("2019-croydon.txt", "3.4. Joint working Good Joint working with the police")).toEqual([
      "3.4. Joint working Good",
      "Joint working with the police supports the delivery of high-quality, personalised and coordinated services.",
      "3.4.1. Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child or young person, supporting joint decision-making? 73%",
      "3.4.2. Does the YOT work effectively with the police in implementing the out-of-court disposal? 75%",
    ]);
  });

  test("counts tables: the sample's heading and column headings, then a question and its two counts a row", () => {
    expect(
      rowsOf(
        "2020-12-north-somerset.txt",
        "Of the 5 cases inspected: Relevant cases Number 'Yes' Does assessment sufficiently",
      ),
    ).toEqual([
      "Of the 5 cases inspected: Relevant cases Number 'Yes'",
      "Does assessment sufficiently analyse how to support the child's desistance? 5 5",
      "Does assessment sufficiently analyse how to keep the child safe? 5 5",
      "Does assessment sufficiently analyse how to keep other people safe? 5 4",
    ]);
  });

  test("counts tables that print the counts' share too: the share stays with its row", () => {
    const text = toParagraphLines(
      withCountShares(readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8")),
    );
    const line = textSourceLines(text).find((l) =>
      l.raw.startsWith(
        "Of the 5 cases inspected: Relevant cases Number 'Yes' % 'Yes' Does assessment sufficiently",
      ),
    ) as SourceLine;
    expect(runOnRowsSplit([line]).map((row) => row.raw)).toEqual([
      "Of the 5 cases inspected: Relevant cases Number 'Yes' % 'Yes'",
      "Does assessment sufficiently analyse how to support the child's desistance? 5 5 100%",
      "Does assessment sufficiently analyse how to keep the child safe? 5 5 100%",
      "Does assessment sufficiently analyse how to keep other people safe? 5 4 80%",
    ]);
  });

  test("prompts with their letters, each key question a row of its own", () => {
    const rows = rowsOf(
      "2022-07-tower-hamlets-and-city-of-london.txt",
      "3.3. Implementation and delivery (out",
    );
    expect(rows.slice(0, 4)).toEqual([
      "3.3. Implementation and delivery (out-of-court disposals)",
      "Does service delivery effectively support the child's desistance?",
      "a) Are the delivered services those most likely to support desistance, with sufficient attention given to sequencing and the available timescales? 56%",
      "b) Does service delivery account for the diversity issues of the child? 67%",
    ]);
    expect(rows).toContain("Does service delivery effectively support the safety of the child?");
    expect(rows).toContain("a) Does service delivery promote the safety and wellbeing of the child? 56%");
  });

  test("the methodology's bands: question bands with their labels, score bands, bulleted bands", () => {
    expect(rowsOf("2021-10-kirklees.txt", "Lowest banding (key question level)")).toEqual([
      "Lowest banding (key question level) Rating (standard)",
      "Minority: <50% Inadequate",
      "Too few: 50-64% Requires improvement",
      "Reasonable majority: 65-79% Good",
      "Large majority: 80%+ Outstanding ☆",
    ]);
    expect(rowsOf("2021-10-kirklees.txt", "Score Rating (overall)")).toEqual([
      "Score Rating (overall)",
      "0-6 Inadequate",
      "7-18 Requires improvement",
      "19-30 Good",
      "31-36 Outstanding ☆",
    ]);
    expect(rowsOf("2022-07-tower-hamlets-and-city-of-london.txt", "- 0–6 = Inadequate")).toEqual([
      "- 0–6 = Inadequate",
      "- 7–18 = Requires improvement",
      "- 19-30 = Good",
      "- 31–36 = Outstanding.",
    ]);
  });

  test("contextual facts: figure first, label first, a split's header apart from its rows", () => {
    expect(rowsOf("2021-10-kirklees.txt", "233 First-time entrant")).toEqual([
      "233 First-time entrant rate per 100,000 in Kirklees ⁶",
      "207 First-time entrant rate per 100,000 in England and Wales",
      "34% Reoffending rate for Kirklees ⁷",
      "38% Reoffending rate in England and Wales",
    ]);
    // Indented, as vdocument's transcripts set every paragraph four spaces in.
    expect(
      rowsOfLine(
        "    233 First-time entrant rate per 100,000 in Kirklees ⁶ 207 First-time entrant rate per 100,000 in England and Wales",
      ),
    ).toEqual([
      "233 First-time entrant rate per 100,000 in Kirklees ⁶",
      "207 First-time entrant rate per 100,000 in England and Wales",
    ]);
    expect(rowsOf("2021-10-kirklees.txt", "61 (88%) Total current caseload")).toEqual([
      "61 (88%) Total current caseload on community sentences",
      "5 (7%) Total current caseload in custody",
      "3 (4%) Total current caseload on licence",
    ]);
    expect(rowsOf("2021-10-kirklees.txt", "Total staff headcount (full-time equivalent, FTE) 43.7")).toEqual([
      "Total staff headcount (full-time equivalent, FTE) 43.7",
      "Total headcount qualified case managers (FTE) ¹⁷ 8.6",
      "Total headcount other case managers (FTE) 7.8",
      "Vacancy rate (total unfilled posts as percentage of total staff headcount) 0%",
      "Average caseload per case manager (FTE) 7",
      "Average annual sickness days (all staff) 12.5",
      "Staff attrition (percentage of all staff leaving in 12-month period) 7%",
    ]);
    expect(rowsOf("2021-10-kirklees.txt", "Offence types")).toEqual([
      "Offence types ¹³ %",
      "Violence against the person 50%",
      "Burglary 9%",
      "Robbery 9%",
      "Criminal damage 9%",
      "Summary motoring offences 9%",
      "Indictable motoring offences 5%",
      "Other indictable offences 9%",
    ]);
    expect(rowsOf("2021-10-kirklees.txt", "Race/ethnicity")).toEqual([
      "Race/ethnicity ¹⁰ White Black and minority ethnic Unknown",
      "Kirklees YJS 65% 30% 5%",
      "Kirklees 71% 29% 0%",
    ]);
    // A row's label that opens with a column's name is no column ("Black" in "Blackburn").
    expect(
      rowsOfLine("Gender Male Female Blackburn with Darwen YJS 90% 10% National average 85% 15%"),
    ).toEqual(["Gender Male Female", "Blackburn with Darwen YJS 90% 10%", "National average 85% 15%"]);
    // Cells kept apart by tabs: the same rows.
    expect(rowsOf("2021-10-kirklees.txt", "Race/ethnicity", true)).toEqual([
      "Race/ethnicity ¹⁰\tWhite\tBlack and minority ethnic\tUnknown",
      "Kirklees YJS\t65%\t30%\t5%",
      "Kirklees\t71%\t29%\t0%",
    ]);
  });

  test("a list's items: numbered, bulleted and numbered", () => {
    expect(rowsOf("2023-01-blackburn-with-darwen.txt", "5. ensure that the post-16 access")).toEqual([
      "5. ensure that the post-16 access to speech, language, and communication therapy pathway is expedited and embedded",
      "6. ensure that data analysis of YJS children provides detailed scrutiny of education provision for school-aged children and positively impacts upon improving YJS access to their full educational entitlement",
      "7. work with the YJS to clarify their diversity strategy and support embedding this strategically and operationally across the partnership.",
    ]);
    expect(rowsOf("2019-croydon.txt", "- 2. provide clear information")).toEqual([
      "- 2. provide clear information to parents/carers and children and young people on the voluntary nature of out-of-court disposals and the consequences of non-compliance",
      "- 3. monitor and evaluate the quality of assessment, planning and delivery of interventions to children and young people on out-of-court disposals.",
    ]);
  });

  test("a table's rule run on after its last row's figure is cut off", () => {
    expect(
      rowsOfLine(
        "Does assessment draw sufficiently on available sources of information, including any other assessments that have been completed? 50% -- -----",
      ),
    ).toEqual([
      "Does assessment draw sufficiently on available sources of information, including any other assessments that have been completed? 50%",
      "-- -----",
    ]);
  });
});

describe("runOnRowsSplit: prose and rows already apart stay as they are", () => {
  test.each([
    // Dates: a day or a year before a month's name, a sentence's end.
    "We conducted fieldwork in Blackburn with Darwen YJS over a period of a week, beginning 10 October 2022. We inspected cases where the sentence or licence, out-of-court disposals and resettlement cases were delivered between Monday 11 October 2021 and 05 August 2022.",
    "⁶ Information supplied by YOT, reflecting caseload submitted to YJB for 01 July 2019 - 30 June 2020.",
    // A standard's heading with its rating and description on one line (2019's reports print it so).
    "2.1 Assessment Assessment is well-informed, analytical and personalised, actively involving the child or young person and their parents/carers. Outstanding",
    "1.1 Governance and leadership Requires improvement The governance and leadership of the YOT supports and promotes the delivery of a high-quality, personalised and responsive service for all children and young people.",
    // One question and its figure.
    "2.1.1. Does assessment sufficiently analyse how to support the child or young person's desistance?\t93%",
    // A number inside a tabbed row's label is no figure of its own.
    "Tower Hamlets and City of London 3 YJS\t23%\t84%",
    // A prose sentence with numbers before capitals, ending in a full stop.
    "The YJS board is connected to the Kirklees 2 Safeguarding Children Partnership board, the Safer Kirklees 2 Partnership board and other forums.",
  ])("%s", (raw) => {
    expect(rowsOfLine(raw)).toEqual([raw]);
  });

  test("a text whose tables are a row a line is passed over whole", () => {
    const source = textSourceLines(readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8"));
    expect(runOnRowsSplit(source)).toBe(source);
  });
});
