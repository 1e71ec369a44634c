// Tables read a column at a time (pdftotext without -layout, rows set close): key-question
// tables are put back together only where their figure column starts with its heading and has
// one figure per question; figures that cannot be placed are set aside with a warning, never
// given to the nearest question. A split table read so comes out turned, and is turned back.
import { expect, test } from "vitest";
import { columnTables } from "../parsers/columns.js";
import { parseFacts } from "../parsers/facts.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import { documentFromBytes } from "../parsers/read.js";
import { wrappedColumnHeadings } from "../parsers/rejoin.js";
import { segment } from "../parsers/segment.js";
import { extractDocument } from "../src/extract.js";

const doc = (text: string) => columnTables(normaliseLines(textSourceLines(text), "text"));
/** The ratings table's rows a text's standards were zipped into (a standard's number, then its cells). */
const zippedStandards = (text: string) =>
  doc(text)
    .lines.map((l) => l.cells)
    .filter((r) => r.length > 1 && /^\d\.\d$/.test(r[0] as string));
/** Lines as pdfminer writes its text boxes: a blank line after each. */
const boxLines = (lines: string[]) => lines.flatMap((l) => [l, ""]);
const boxes = (lines: string[]) => boxLines(lines).join("\n");
/** The figures of the rows whose question is one of `questions`, in the order read. */
const figuresOf = (text: string, questions: string[]) =>
  doc(text)
    .lines.filter((l) => questions.includes(l.cells[0] as string))
    .map((l) => l.cells.slice(1));

test("k questions, then the '% yes' column of k figures: k rows", () => {
  const d = doc(
    [
      "Our rating for assessment is based on the following key questions:",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      "Does assessment sufficiently analyse how to keep the child safe?",
      "Does assessment sufficiently analyse how to keep other people safe?",
      "",
      "% yes",
      "64%",
      "59%",
      "50%",
    ].join("\n"),
  );
  expect(d.lines.map((l) => l.cells)).toEqual([
    ["Our rating for assessment is based on the following key questions:"],
    ["% yes"],
    ["Does assessment sufficiently analyse how to support the child's desistance?", "64%"],
    ["Does assessment sufficiently analyse how to keep the child safe?", "59%"],
    ["Does assessment sufficiently analyse how to keep other people safe?", "50%"],
  ]);
  // The row's snippet as a reader sees it: the question's lines a space apart, its figure a tab.
  expect(d.lines[2]?.raw).toBe(
    "Does assessment sufficiently analyse how to support the child's desistance?\t64%",
  );
});

test.each([
  "Of the 8 cases inspected:",
  // (as other reports word it)
  "In the 8 cases where there were factors related to safety:",
])(
  "counts tables: the caption (%s) heads the header row; counts (taken for page numbers) pair row by row",
  (caption) => {
    const d = doc(
      [
        caption,
        "Does assessment clearly identify and analyse any risks to the safety of the child?",
        "Where applicable, does assessment analyse controls and interventions?",
        "",
        "Relevant cases",
        "8",
        "",
        "Number 'Yes'",
        "7",
        "",
        "8",
        "4",
      ].join("\n"),
    );
    expect(d.lines.map((l) => l.cells)).toEqual([
      [caption, "Relevant cases", "Number 'Yes'"],
      ["Does assessment clearly identify and analyse any risks to the safety of the child?", "8", "7"],
      ["Where applicable, does assessment analyse controls and interventions?", "8", "4"],
    ]);
    expect(d.furniture).toEqual([]);
  },
);

test("a caption wrapped over two lines heads the header row whole (North Somerset's reviewing table)", () => {
  const d = doc(
    [
      "Of the 7 cases where there were changes in factors related to keeping",
      "the child safe:",
      "Does reviewing identify and respond to changes in factors related to",
      "safety and wellbeing?",
      "Where applicable, does reviewing lead to the necessary adjustments",
      "in the ongoing plan of work to promote the safety and wellbeing of the",
      "child?",
      "",
      "Relevant cases",
      "",
      "Number 'Yes'",
      "",
      "7",
      "",
      "7",
      "",
      "6",
      "",
      "5",
    ].join("\n"),
  );
  expect(d.lines.map((l) => l.cells)).toEqual([
    [
      "Of the 7 cases where there were changes in factors related to keeping the child safe:",
      "Relevant cases",
      "Number 'Yes'",
    ],
    ["Does reviewing identify and respond to changes in factors related to safety and wellbeing?", "7", "7"],
    [
      "Where applicable, does reviewing lead to the necessary adjustments in the ongoing plan of work to promote the safety and wellbeing of the child?",
      "6",
      "5",
    ],
  ]);
});

test("figures without their column's heading (the rest of a column from before a page break) are set aside", () => {
  const d = doc(
    [
      "Does planning involve other agencies where appropriate?",
      "Does planning include necessary contingency arrangements for those risks?",
      "",
      "100%",
      "67%",
    ].join("\n"),
  );
  expect(d.lines.map((l) => l.cells)).toEqual([
    ["Does planning involve other agencies where appropriate?"],
    ["Does planning include necessary contingency arrangements for those risks?"],
  ]);
  expect(d.warnings?.map((w) => [w.code, w.provenance?.line])).toEqual([["figures-unplaced", 4]]);
});

test("figures another table left before a column's heading are set aside; the heading's column is the table's", () => {
  // Kirklees, out-of-court planning, rows set close, as pdftotext reads it: the assessment table's
  // last figures (100%, 67%, 73%, 40%) come after the planning table's questions, then a rule,
  // then the planning table's own column under its heading, a figure for each prompt.
  const d = doc(
    [
      "3.2. Planning",
      "Does planning focus on supporting the child's desistance?",
      "Does planning give sufficient attention to the needs and wishes of the",
      "victim/s?",
      "Is the child and their parents/carers meaningfully involved in planning,",
      "and are their views taken into account?",
      "Does planning focus sufficiently on keeping the child safe?",
      "Does planning promote the safety and wellbeing of the child,",
      "sufficiently addressing risks?",
      "Does planning include necessary contingency arrangements for those",
      "risks that have been identified?",
      "",
      "100%",
      "",
      "67%",
      "73%",
      "",
      "40%",
      "",
      "-----",
      "",
      "% Yes",
      "57%",
      "",
      "100%",
      "57%",
      "",
      "29%",
    ].join("\n"),
  );
  expect(d.lines.map((l) => l.cells)).toEqual([
    ["3.2. Planning"],
    ["% Yes"],
    ["Does planning focus on supporting the child's desistance?"],
    ["Does planning give sufficient attention to the needs and wishes of the victim/s?", "57%"],
    [
      "Is the child and their parents/carers meaningfully involved in planning, and are their views taken into account?",
      "100%",
    ],
    ["Does planning focus sufficiently on keeping the child safe?"],
    ["Does planning promote the safety and wellbeing of the child, sufficiently addressing risks?", "57%"],
    [
      "Does planning include necessary contingency arrangements for those risks that have been identified?",
      "29%",
    ],
  ]);
  expect(d.warnings?.map((w) => [w.code, w.message])).toEqual([
    // (The column serves the prompts of two key questions: paired in order, and said so.)
    [
      "figures-paired-in-order",
      "4 percentages printed after their table's questions (57%, 100%, 57%, 29%) were paired with those questions in order",
    ],
    [
      "figures-unplaced",
      "4 percentages printed a column at a time (100%, 67%, 73%, 40%) could not be matched to their questions and were not read",
    ],
  ]);
  expect(d.warnings?.find((w) => w.code === "figures-unplaced")?.provenance?.line).toBe(13);
});

test("a row-by-row text passes unchanged", () => {
  const source = normaliseLines(
    textSourceLines("Does planning involve other agencies?\n86%\nIs the child involved in planning?\n70%"),
    "text",
  );
  expect(columnTables(source)).toBe(source);
});

test("a split table read a column at a time (service and comparator heading its columns) is turned back", () => {
  const { lines } = normaliseLines(
    textSourceLines(
      [
        "Contextual facts",
        "Age\tAnytown YOS\tNational average",
        "10-14\t20%\t18%",
        "15-17\t80%\t82%",
        "",
        "1. Organisational delivery",
      ].join("\n"),
    ),
    "text",
  );
  const { facts } = parseFacts(lines, segment(lines));
  expect(facts.map((f) => [f.label, f.subject, f.role, f.value])).toEqual([
    ["10-14", "Anytown YOS", "service", 20],
    ["15-17", "Anytown YOS", "service", 80],
    ["10-14", "National average", "comparator", 18],
    ["15-17", "National average", "comparator", 82],
  ]);
});

const ratingsText = (names: string[]) =>
  [
    "Ratings",
    "Anytown youth justice service",
    "Overall rating",
    "1. Organisational delivery",
    ...["1.1", "1.2", "1.3", "1.4"],
    "",
    "Score",
    "Requires improvement",
    ...names.slice(0, 4),
    "",
    ...["Requires improvement", "Good", "Requires improvement", "Inadequate"],
    "",
    "8/36",
    "2. Court disposals",
    ...["2.1", "2.2", "2.3", "2.4"],
    "",
    ...names.slice(4),
    "",
    ...["Good", "Inadequate", "Good", "Outstanding"],
    "",
    "Executive summary",
  ].join("\n");

const NAMES = [
  "Governance and leadership",
  "Staff",
  "Partnerships and services",
  "Information and facilities",
  "Assessment",
  "Planning",
  "Implementation and delivery",
  "Reviewing",
];

test("a ratings table read a column at a time: numbers, names and ratings zipped, the first rating the overall one", () => {
  const rows = doc(ratingsText(NAMES)).lines.map((l) => l.cells);
  expect(rows).toContainEqual(["Overall rating", "Requires improvement"]);
  expect(rows).toContainEqual(["Score", "8/36"]);
  expect(rows).toContainEqual(["1.4", "Information and facilities", "Inadequate"]);
  expect(rows).toContainEqual(["2.4", "Reviewing", "Outstanding"]);
});

// A cell a line, row by row (pdftotext of a word processor's A5 pages): the overall rating after
// its label, and a rating wrapped in its narrow cell ("Requires" / "improvement").
test("a ratings table a cell a line with a rating wrapped: each standard its own rating; one not read, none zipped", () => {
  const table = (last: string[]) =>
    [
      "Ratings",
      "Anytown Youth Justice Service",
      "Score",
      "Overall rating",
      "Good",
      "29/36",
      "1. Organisational delivery",
      ...["1.1", "Governance and leadership", "Outstanding", "1.2", "Staff", "Outstanding"],
      ...["1.3", "Partnerships and services", "Good", "1.4", "Information and facilities", "Good"],
      "2. Court disposals",
      ...["2.1", "Assessment", "Outstanding", "2.2", "Planning", "Good"],
      ...["2.3", "Implementation and delivery", "Outstanding", "2.4", "Reviewing", ...last],
      "",
      "Executive summary",
    ].join("\n");
  const rows = doc(table(["Requires", "improvement"])).lines.map((l) => l.cells);
  expect(rows).toContainEqual(["Overall rating", "Good"]);
  expect(rows).toContainEqual(["1.1", "Governance and leadership", "Outstanding"]);
  expect(rows).toContainEqual(["2.3", "Implementation and delivery", "Outstanding"]);
  expect(rows).toContainEqual(["2.4", "Reviewing", "Requires improvement"]);
  // A standard's rating not read as one: the ratings are one short, and whose is missing is not
  // known (the overall's stands first): nothing is zipped, rather than every rating moved up one.
  expect(zippedStandards(table(["Requires impr-", "ovement"]))).toEqual([]);
});

test("a ratings table whose names do not match their numbers is left as it is", () => {
  const swapped = [...NAMES];
  [swapped[0], swapped[1]] = [swapped[1] as string, swapped[0] as string];
  const rows = doc(ratingsText(swapped)).lines.map((l) => l.cells);
  expect(rows).toContainEqual(["Overall rating"]);
  expect(rows.filter((r) => r.length > 1)).toEqual([]);
});

test("a ratings table read a column at a time whose 'Overall rating' cell is split ('Overa' / 'III rating', North Somerset's)", () => {
  const text = [
    "Ratings",
    "North Somerset Youth",
    "Offending Service",
    "Overa",
    "1.",
    ...["1.1", "1.2", "1.3", "1.4", "2.", "2.1", "2.2", "2.3", "2.4", "3.", "3.1", "3.2", "3.3", "3.4"],
    "",
    "III rating",
    "Organisational delivery",
    ...["Governance and leadership", "Staff", "Partnerships and services", "Information and facilities"],
    "Court disposals",
    ...["Assessment", "Planning", "Implementation and delivery", "Reviewing"],
    "Out-of-court disposals",
    ...["Assessment", "Planning", "Implementation and delivery", "Joint working"],
    "",
    "nerset Youth Offending",
    "Service Score",
    ...["Good", "Requires improvement", "Good", "Requires improvement", "Good", "Outstanding"],
    ...["Outstanding", "Good", "Good"],
    "",
    ...["Outstanding", "Good", "Good", "Outstanding"],
    "",
    "Recommendations",
  ].join("\n");
  const rows = doc(text).lines.map((l) => l.cells);
  expect(rows).toContainEqual(["Overa III rating", "Good"]);
  expect(rows).toContainEqual(["1.1", "Governance and leadership", "Requires improvement"]);
  expect(rows).toContainEqual(["2.2", "Planning", "Outstanding"]);
  expect(rows).toContainEqual(["3.1", "Assessment", "Outstanding"]);
  expect(rows).toContainEqual(["3.4", "Joint working", "Outstanding"]);
  expect(rows.filter((r) => r.length === 3)).toHaveLength(12);
});

/** Tower Hamlets' ratings table as pdftotext (no flag) reads it with its rows set close. */
const SPLIT_RATINGS_TABLE = [
  "Ratings",
  "Tower Hamlets and City of London Youth Justice Service",
  "Fieldwork started: April 2022",
  "Over",
  ...["1.", "1.1", "1.2", "1.3", "1.4", "2.", "2.1", "2.2"],
  "",
  "all rating",
  "Organisational delivery",
  ...["Governance and leadership", "Staff", "Partnerships and services", "Information and facilities"],
  ...["Court disposals", "Assessment", "Planning"],
  "",
  "3",
  "",
  ...["Requires improvement", "Inadequate", "Requires improvement", "Requires improvement", "Inadequate"],
  ...["Good", "Requires improvement"],
  "",
  "Inspection of youth offending services: Tower Hamlets and City of London",
  "",
  ...["2.3", "2.4", "3.", "3.1", "3.2", "3.3", "3.4", "4.", "4.1"],
  "",
  ...["Implementation and delivery", "Reviewing", "Out-of-court disposals", "Assessment", "Planning"],
  ...["Implementation and delivery", "Out-of-court disposal policy and provi", "Resettlement"],
  "Resettlement policy and provision",
  "",
  ...["Requires improvement", "Requires improvement", "Requires improvement", "Inadequate", "Inadequate"],
  ...["sion Inadequate", "Requires improvement"],
  "",
  "Score",
  "8/36",
  "",
  "Executive summary",
].join("\n");

test("a ratings table read a column at a time over a page break, a name split mid-word into its rating's cell (Tower Hamlets')", () => {
  const text = SPLIT_RATINGS_TABLE;
  const rows = doc(text).lines.map((l) => l.cells);
  expect(rows).toContainEqual(["Over all rating", "Requires improvement"]);
  expect(rows).toContainEqual(["Score", "8/36"]);
  expect(rows).toContainEqual(["1.1", "Governance and leadership", "Inadequate"]);
  expect(rows).toContainEqual(["2.1", "Assessment", "Good"]);
  expect(rows).toContainEqual(["2.3", "Implementation and delivery", "Requires improvement"]);
  expect(rows).toContainEqual(["3.4", "Out-of-court disposal policy and provision", "Inadequate"]);
  expect(rows).toContainEqual(["4.1", "Resettlement policy and provision", "Requires improvement"]);
  expect(rows.filter((r) => r.length === 3)).toHaveLength(13);
});

test("a ratings table read a column at a time is rated through the pipeline: overall, score and standards", async () => {
  const cover = "An inspection of youth offending services in Tower Hamlets and City of London\n\n";
  const record = extractDocument(
    await documentFromBytes("ratings.txt", Buffer.from(cover + SPLIT_RATINGS_TABLE)),
  );
  expect([record.overallRating, record.statedScore]).toEqual(["Requires improvement", 8]);
  expect(Object.fromEntries(record.standards.map((s) => [s.id, s.rating]))).toMatchObject({
    "1.1": "Inadequate",
    "1.4": "Inadequate",
    "2.1": "Good",
    "3.4": "Inadequate",
    "4.1": "Requires improvement",
  });
});

/** The rest of a prompts table on its next page: its last prompts, then their figures. */
const NEXT_PAGE = [
  "b) Does assessment analyse controls and interventions to promote safety?",
  "c) Does assessment draw on other agencies where appropriate?",
  "",
  "81%",
  "56%",
];

test("the page's number between the columns is no figure; lettered prompts need no heading; a table carries on over a page", () => {
  const d = doc(
    [
      "Data from inspected cases:",
      "2.1. Assessment (court disposals)",
      "Does assessment sufficiently analyse how to support the child's desistance?",
      "a) Is there sufficient analysis of offending behaviour?",
      "b) Does assessment sufficiently analyse diversity issues?",
      "c) Does assessment utilise information held by other agencies?",
      "Does assessment sufficiently analyse how to keep the child safe?",
      "a) Does assessment clearly identify any risks to the safety of the child?",
      "",
      "33",
      "",
      "88%",
      "75%",
      "",
      "94%",
      "69%",
      "\fInspection of youth offending services: Anytown",
      "",
      ...NEXT_PAGE,
    ].join("\n"),
  );
  const rows = d.lines.map((l) => l.cells);
  expect(rows).toContainEqual(["a) Is there sufficient analysis of offending behaviour?", "88%"]);
  expect(rows).toContainEqual(["c) Does assessment utilise information held by other agencies?", "94%"]);
  expect(rows).toContainEqual([
    "a) Does assessment clearly identify any risks to the safety of the child?",
    "69%",
  ]);
  expect(rows).toContainEqual([
    "b) Does assessment analyse controls and interventions to promote safety?",
    "81%",
  ]);
  expect(rows).toContainEqual(["c) Does assessment draw on other agencies where appropriate?", "56%"]);
  // Key questions head their prompts, with no figure of their own.
  expect(rows).toContainEqual(["Does assessment sufficiently analyse how to keep the child safe?"]);
  // Prompts not lettered from a), and no heading, no table before them: left as they are.
  const alone = doc(["Some text of the report.", "", ...NEXT_PAGE].join("\n"));
  expect(alone.lines.map((l) => l.cells).filter((c) => c.length > 1)).toEqual([]);
});

test("a standard's key questions alone, then as many figures without their heading: rows", () => {
  const d = doc(
    [
      "2.3. Implementation and delivery",
      "Does the implementation and delivery of services effectively support the child's desistance?",
      "Does the implementation and delivery of services effectively support the safety of the child?",
      "Does the implementation and delivery of services effectively support the safety of other people?",
      "",
      "86%",
      "71%",
      "57%",
    ].join("\n"),
  );
  expect(d.lines.map((l) => l.cells).filter((c) => c.length > 1)).toEqual([
    ["Does the implementation and delivery of services effectively support the child's desistance?", "86%"],
    ["Does the implementation and delivery of services effectively support the safety of the child?", "71%"],
    [
      "Does the implementation and delivery of services effectively support the safety of other people?",
      "57%",
    ],
  ]);
});

test("a row read question then figure after a table put together: the table carries on over the page (pdfminer's boxes)", () => {
  // pdfminer writes each text box a blank line apart: the prompts' cells, then the "% Yes" column;
  // the page's last row as its question and its figure; on the next page the questions again (the
  // key questions among them, heading their prompts), then the figures with no heading.
  const text = [
    ...boxLines([
      "2.1. Assessment",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      "Is there sufficient analysis of offending behaviour?",
      "Does assessment focus on the child's strengths and protective",
      "factors?",
      "% Yes",
      "86%",
      "68%",
      "Does assessment analyse the key structural barriers facing the child?",
      "56%",
      "33",
    ]),
    "\fInspection of youth offending services: Anytown",
    "",
    ...boxLines([
      "Does assessment give sufficient attention to the needs and wishes of",
      "the victim/s, and opportunities for restorative justice?",
      "Does assessment sufficiently analyse how to keep the child safe?",
      "Does assessment clearly identify and analyse any risks to the safety",
      "and wellbeing of the child?",
      "Does assessment draw sufficiently on available sources of",
      "information, including other assessments, and involve other agencies",
      "where appropriate?",
      "47%",
      "95%",
      "64%",
      "Does assessment analyse controls and interventions to promote the",
      "safety and wellbeing of the child?",
      "42%",
      "2.2. Planning",
    ]),
  ].join("\n");
  const rows = doc(text).lines.map((l) => l.cells);
  expect(rows).toContainEqual([
    "Does assessment analyse the key structural barriers facing the child?",
    "56%",
  ]);
  expect(rows).toContainEqual([
    "Does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice?",
    "47%",
  ]);
  expect(rows).toContainEqual(["Does assessment sufficiently analyse how to keep the child safe?"]);
  expect(rows).toContainEqual([
    "Does assessment clearly identify and analyse any risks to the safety and wellbeing of the child?",
    "95%",
  ]);
  expect(rows).toContainEqual([
    "Does assessment draw sufficiently on available sources of information, including other assessments, and involve other agencies where appropriate?",
    "64%",
  ]);
  expect(rows).toContainEqual([
    "Does assessment analyse controls and interventions to promote the safety and wellbeing of the child?",
    "42%",
  ]);
  // A row with its figure beside it ("f) ...? 56%") is no question waiting for a figure below.
  // (After a lettered table put together: its key question, "% Yes", a) and b), their figures.)
  const LETTERED_TABLE = boxLines([
    "Does assessment sufficiently analyse how to support the child's desistance?",
    "% Yes",
    "a) Is there sufficient analysis of offending behaviour?",
    "b) Does assessment analyse diversity?",
    "67%",
    "89%",
  ]);
  const besides = doc(
    [
      ...LETTERED_TABLE,
      "f) Does assessment analyse the key structural barriers facing the child? 56%",
      "",
      "g) Is sufficient attention given to understanding the child's levels of",
      "maturity, ability and motivation to change?",
      "",
      "78%",
    ].join("\n"),
  ).lines.map((l) => l.cells);
  expect(besides).toContainEqual([
    "f) Does assessment analyse the key structural barriers facing the child? 56%",
  ]);
  // Nor is a question whose first line carries its figure ("... wider familial 56%" / "context of
  // the child?"), the next line's figure another row's.
  const figureBeside = doc(
    [
      ...LETTERED_TABLE,
      "c) Does assessment consider the wider familial 56%",
      "context of the child?",
      "",
      "78%",
    ].join("\n"),
  ).lines.map((l) => l.cells);
  expect(figureBeside.some((cells) => cells.includes("78%") && cells[0]?.includes("56%"))).toBe(false);
  // (g) is left to the later stages, which join its lines and its figure.)
  expect(besides.filter((cells) => cells.join(" ").includes("g) Is sufficient"))).toEqual([
    ["g) Is sufficient attention given to understanding the child's levels of"],
  ]);
});

/** A ratings table's numbers column read alone, its domains' rows among the numbers. */
const NUMBERS_COLUMN = [
  "1. Organisational delivery",
  ...["1.1", "1.2", "1.3", "1.4"],
  "2. Court disposals",
  ...["2.1", "2.2", "2.3", "2.4"],
  "3. Out-of-court disposals",
  ...["3.1", "3.2", "3.3", "3.4"],
];

// pdfminer writes a page's text boxes in an order of its own: the numbers' column, then the next
// part's heading, then the ratings and names interleaved, the last name and its rating one box.
test("a ratings table whose columns run past the next part's heading, a name and its rating one line: zipped (pdfminer's boxes)", () => {
  const written = [
    "Ratings",
    "Anytown Youth Justice",
    "Service Fieldwork started October 2022",
    "Overall rating",
    ...NUMBERS_COLUMN,
    "4. Resettlement",
    "Recommendations",
    "29/36",
    "Score",
    ...["Good", "Outstanding", "Outstanding", "Good", "Good", "Outstanding", "Good"],
    ...["Governance and leadership", "Staff", "Partnerships and services", "Information and facilities"],
    ...["Assessment", "Planning", "Implementation and delivery", "Outstanding", "Reviewing"],
    ...["Requires improvement", "Assessment", "Planning", "Outstanding", "Outstanding"],
    ...["Implementation and delivery", "Good", "Out-of-court disposal policy and provision Good"],
    "As a result of our inspection findings, we have made seven recommendations that we believe, if",
    "implemented, will have a positive impact on the quality of youth justice services in Anytown.",
  ];
  const rows = doc(boxes(written)).lines.map((l) => l.cells);
  expect(rows).toEqual(
    expect.arrayContaining([
      ["Overall rating", "Good"],
      ["1.1", "Governance and leadership", "Outstanding"],
      ["1.3", "Partnerships and services", "Good"],
      ["2.2", "Planning", "Good"],
      ["2.4", "Reviewing", "Requires improvement"],
      ["3.3", "Implementation and delivery", "Good"],
      ["3.4", "Out-of-court disposal policy and provision", "Good"],
    ]),
  );
  // The recommendations' heading stays after the table.
  const at = (cells: string[]) => rows.findIndex((r) => r.join(" ") === cells.join(" "));
  expect(at(["Recommendations"])).toBeGreaterThan(
    at(["3.4", "Out-of-court disposal policy and provision", "Good"]),
  );
});

test("a ratings table a cell a line whose name-and-rating lines fall out of step with the numbers: not zipped", () => {
  // (pdftotext of a browser's print: 2.4's rating comes after 3.4's, and two names share a line
  // with their ratings. Zipped, 2.3's line would give 3.2 its rating.)
  const text = [
    "Ratings",
    "Overall rating",
    "1. Organisational delivery",
    "Good",
    ...["1.1", "Governance and leadership", "Requires improvement", "1.2", "Staff", "Good"],
    ...[
      "1.3",
      "Partnerships and services",
      "Requires improvement",
      "1.4",
      "Information and facilities",
      "Good",
    ],
    "2. Court disposals",
    ...["2.1", "Assessment", "Outstanding", "2.2", "Planning", "Outstanding"],
    ...["2.3", "Implementation and delivery Good", "2.4", "Reviewing"],
    "3. Out-of-court disposals",
    ...["3.1", "Assessment", "Outstanding", "3.2", "Planning", "Good"],
    ...["3.3", "Implementation and delivery Good", "3.4", "Joint working", "Good", "Outstanding"],
    "",
    "Recommendations",
  ].join("\n");
  expect(zippedStandards(text)).toEqual([]);
});

test("a standard's numbered key questions (2019's '2.1.1.'), then their figures without a heading: rows; figures running on into a rating: not", () => {
  const rows = doc(
    boxLines([
      "2.1. Assessment",
      "2.1.1. Does assessment sufficiently analyse how to support the child",
      "or young person's desistance?",
      "2.1.2. Does assessment sufficiently analyse how to keep the child or",
      "young person safe?",
      "2.1.3. Does assessment sufficiently analyse how to keep other people",
      "safe?",
      "93%",
      "84%",
      "79%",
      "2.2.",
    ]).join("\n"),
  ).lines.map((l) => l.cells);
  expect(rows).toContainEqual([
    "2.1.1. Does assessment sufficiently analyse how to support the child or young person's desistance?",
    "93%",
  ]);
  expect(rows).toContainEqual([
    "2.1.3. Does assessment sufficiently analyse how to keep other people safe?",
    "79%",
  ]);
  // pdfminer's box order may put several tables' figure columns together, each after its
  // rating: the first three are not the questions' above them (they are the table before's).
  const scrambled = doc(
    [
      "3.3.1. Does service delivery support the child or young person's desistance?",
      "3.3.2. Does service delivery effectively support the safety of the child or young person?",
      "3.3.3. Does service delivery effectively support the safety of other people?",
      "",
      ...["71%", "35%", "50%", "Inadequate", "", "61%", "50%", "46%", "Inadequate"],
    ].join("\n"),
  ).lines.map((l) => l.cells);
  expect(scrambled.filter((r) => r.length > 1)).toEqual([]);
});

// pdfminer writes a counts table a box at a time, a blank line between boxes: every question, the
// column headings (the first wrapped in its narrow cell), then every count, in one of two orders.
const PLANNING = [
  "Does planning focus sufficiently on supporting the child's desistance?",
  "Does planning focus sufficiently on keeping the child safe?",
  "Does planning focus sufficiently on keeping other people safe?",
];
/** Assessment's three key questions, as 2021-2023 reports word them. */
const ASSESSMENT = [
  "Does assessment sufficiently analyse how to support the child's desistance?",
  "Does assessment sufficiently analyse how to keep the child safe?",
  "Does assessment sufficiently analyse how to keep other people safe?",
];

/** Assessment's 2.1.1 prompts (North Somerset's, shortened). */
const ASSESSMENT_2_1_1 = [
  "Is there sufficient analysis of offending behaviour?",
  "Does assessment consider the diversity and wider familial and social context of the child?",
  "Does assessment focus on the child's strengths and protective factors?",
  "Where applicable, does assessment analyse the key structural barriers facing the child?",
  "Is sufficient attention given to understanding the child's levels of maturity?",
];

test("a counts table's headings after its questions, 'Relevant' / 'cases' wrapped: the counts in the one order that can be true", () => {
  // Read a row at a time, 8-7, 7-8 ('Yes' above relevant) cannot be; a column at a time it reads
  // 8-8, 7-7, 7-6 (North Somerset's 2.2, as printed).
  const rows = doc(
    boxes([
      "Of the 8 cases inspected:",
      ...PLANNING,
      "Relevant",
      "cases",
      "Number 'Yes'",
      "8",
      "7",
      "7",
      "8",
      "7",
      "6",
    ]),
  ).lines.map((l) => l.cells);
  expect(rows).toContainEqual([PLANNING[0], "8", "8"]);
  expect(rows).toContainEqual([PLANNING[1], "7", "7"]);
  expect(rows).toContainEqual([PLANNING[2], "7", "6"]);
  // Both orders can be true and they differ (8-8, 8-7, 8-4 or 8-7, 8-8, 8-4): not read.
  const either = doc(
    boxes([
      "Of the 8 cases inspected:",
      ...PLANNING,
      "Relevant",
      "cases",
      "Number 'Yes'",
      "8",
      "8",
      "8",
      "7",
      "8",
      "4",
    ]),
  ).lines.map((l) => l.cells);
  expect(either.filter((r) => r.length > 1 && r[0]?.endsWith("?"))).toEqual([]);
  // The heading whole on its line, each count apart: a row at a time where that can be (as
  // pdftotext writes them), else a column at a time.
  const whole = (counts: string[]) =>
    doc(boxes([...PLANNING, "Relevant cases", "Number 'Yes'", ...counts])).lines.map((l) => l.cells);
  expect(whole(["8", "7", "7", "8", "7", "6"])).toContainEqual([PLANNING[1], "7", "7"]);
  expect(whole(["8", "8", "8", "7", "8", "4"])).toContainEqual([PLANNING[1], "8", "7"]);
});

test("each count column under its own heading ('Relevant' / 'cases' / counts, 'Number' / ''Yes'' / counts, pdftotext of rows that touch): a column at a time", () => {
  // North Somerset's 2.2 as pdftotext wrote a browser's print of cells centred with no margin.
  const rows = doc(
    [...PLANNING, "", "Relevant", "cases", "8", "7", "7", "", "Number", "'Yes'", "8", "7", "6"].join("\n"),
  ).lines.map((l) => l.cells);
  expect(rows).toContainEqual([PLANNING[0], "8", "8"]);
  expect(rows).toContainEqual([PLANNING[1], "7", "7"]);
  expect(rows).toContainEqual([PLANNING[2], "7", "6"]);
  // Each count apart, where a row at a time could be true as well (8-8, 8-6, 5-4): the headings
  // say whose each count is.
  expect(
    figuresOf(boxes([...PLANNING, "Relevant cases", "8", "8", "8", "Number 'Yes'", "6", "5", "4"]), PLANNING),
  ).toEqual([
    ["8", "6"],
    ["8", "5"],
    ["8", "4"],
  ]);
});

test("a counts table both orders could be true of, its headings in pieces: read in the order the file's other tables show", () => {
  // Assessment's counts (7 5 7 7 6 4) can only be a row at a time (a column at a time, 'Yes' 6
  // of 5 relevant); so planning's 8 8 8 7 8 4, either way possible, is read so too.
  const table = (questions: string[], counts: string[]) => [
    ...questions,
    "Relevant",
    "cases",
    "Number",
    "'Yes'",
    ...counts,
  ];
  const text = boxes([
    ...table(ASSESSMENT, ["7", "5", "7", "7", "6", "4"]),
    "The quality of assessment was rated as 'Good'.",
    ...table(PLANNING, ["8", "8", "8", "7", "8", "4"]),
  ]);
  expect(figuresOf(text, ASSESSMENT)).toEqual([
    ["7", "5"],
    ["7", "7"],
    ["6", "4"],
  ]);
  expect(figuresOf(text, PLANNING)).toEqual([
    ["8", "8"],
    ["8", "7"],
    ["8", "4"],
  ]);
});

test("a counts table's headings above its questions (caption, 'Relevant cases', 'Number 'Yes''): the header row, the counts in the order that can be true", () => {
  const prompts = ASSESSMENT_2_1_1;
  const table = (caption: string, counts: string[]) =>
    doc(boxes([caption, "Relevant cases", "Number 'Yes'", ...prompts, ...counts])).lines.map((l) => l.cells);
  // A row at a time 5-3 / 2-5 cannot be; a column at a time: 5-5, 5-5, 5-5, 3-2, 5-5.
  const rows = table("Of the 5 cases inspected:", ["5", "5", "5", "3", "5", "5", "5", "5", "2", "5"]);
  expect(rows).toContainEqual(["Of the 5 cases inspected:", "Relevant cases", "Number 'Yes'"]);
  expect(rows).toContainEqual([prompts[0], "5", "5"]);
  expect(rows).toContainEqual([prompts[3], "3", "2"]);
  expect(rows).toContainEqual([prompts[4], "5", "5"]);
  // The caption bounds the relevant cases: with 4 cases, a column at a time (5-5 ...) cannot be
  // either, and a row at a time cannot be: not read.
  const bounded = table("Of the 4 cases inspected:", ["5", "5", "5", "3", "5", "5", "5", "5", "2", "5"]);
  expect(bounded.filter((r) => r.length > 1 && r[0]?.endsWith("?"))).toEqual([]);
});

test("column headings below the last question and above a lone count head the count column: not glued to the question", () => {
  const written = normaliseLines(
    textSourceLines(boxes([...PLANNING, "Relevant", "cases", "Number 'Yes'", "8", "8"])),
    "text",
  );
  // (The counts, lone whole numbers, are among the furniture, taken for page numbers.)
  const lines = wrappedColumnHeadings(written.lines, written.furniture).map((l) => l.cells);
  expect(lines).toContainEqual([PLANNING[2]]);
  expect(lines).toContainEqual(["Relevant"]);
  // Beside a question heading its prompts, with the prompts' rows below, they are its headings.
  const beside = normaliseLines(
    textSourceLines(
      [
        PLANNING[0],
        "Relevant",
        "cases",
        "Number 'Yes'",
        "Does planning set out the services most likely to support desistance?  8  7",
      ].join("\n"),
    ),
    "text",
  );
  expect(wrappedColumnHeadings(beside.lines, beside.furniture).map((l) => l.cells)).toContainEqual([
    PLANNING[0],
    "Relevant cases",
    "Number 'Yes'",
  ]);
});

test("column headings past lone numbers are glued to a caption only: not to a row's question after its counts, nor to a question a page cut", () => {
  const heads = (lines: string[]) => {
    const written = normaliseLines(textSourceLines(boxes(lines)), "text");
    return wrappedColumnHeadings(written.lines, written.furniture).map((l) => l.cells);
  };
  const headings = ["Relevant", "cases", "Number 'Yes'"];
  // North Somerset 3.2.1's last prompt, its counts (5, 5) written before the next table's
  // headings, as pdftotext writes a word processor's page: the headings are no row's.
  const tail = "taken into account?";
  expect(heads([tail, "5", "5", ...headings])).toContainEqual([tail]);
  // North Somerset 2.1.3, a question cut by an A5 page, the page's number, then the headings
  // repeated at the next page's top (pdfminer).
  const cut = "Does assessment draw sufficiently on available";
  expect(heads([cut, "29", ...headings])).toContainEqual([cut]);
  // A caption before the page's number is the headings' still (pdftotext of a browser's page).
  const caption = "Of the 2 cases with factors relevant to keeping other people safe:";
  expect(heads([caption, "24", ...headings])).toContainEqual([caption, "Relevant cases", "Number 'Yes'"]);
  // And with no number between, a question's line heads them as before.
  expect(heads([tail, ...headings])).toContainEqual([tail, "Relevant cases", "Number 'Yes'"]);
});

// pdftotext (no flag) of a ratings table set close, a domain's names then its ratings: one
// domain's last rating is written after the next domain's numbers ("Good" after "2.4").
test("a ratings table a domain at a time whose ratings stop short of their names before the next domain's: not zipped", () => {
  const domain = (names: string[], ratings: string[]) => [...names, "", ...ratings, ""];
  const OUT_OF_COURT = ["Assessment", "Planning", "Implementation and delivery", "Joint working"];
  const text = (court: string[], outOfCourt: string[], after: { court: string[]; outOfCourt: string[] }) =>
    [
      "Fieldwork started:",
      "July 2019",
      "Overall rating",
      "Requires improvement",
      "1. Organisational delivery",
      ...["1.1", "1.2", "1.3", "1.4"],
      "",
      ...domain(NAMES.slice(0, 4), ["Requires improvement", "Good", "Requires improvement", "Good"]),
      ...domain(NAMES.slice(4), court),
      ...domain(OUT_OF_COURT, outOfCourt),
      "2. Court disposals",
      ...["2.1", "2.2", "2.3", "2.4"],
      "",
      ...after.court,
      "3. Out-of-court disposals",
      ...["3.1", "3.2", "3.3", "3.4"],
      "",
      ...after.outOfCourt,
      "Recommendations",
    ].join("\n");
  // (Zipped in order, 2.4 would be rated "Inadequate", 3.1's, and 3.3 "Good", 2.4's.)
  const cut = text(["Outstanding*", "Good", "Good"], ["Inadequate", "Inadequate", "Inadequate"], {
    court: ["Good", ""],
    outOfCourt: ["Good", ""],
  });
  expect(zippedStandards(cut)).toEqual([]);
  // Each domain's ratings whole after its names: zipped.
  const whole = text(
    ["Outstanding*", "Good", "Good", "Good"],
    ["Inadequate", "Inadequate", "Inadequate", "Good"],
    {
      court: [],
      outOfCourt: [],
    },
  );
  expect(zippedStandards(whole)).toEqual(
    expect.arrayContaining([
      ["2.4", "Reviewing", "Good"],
      ["3.1", "Assessment", "Inadequate"],
      ["3.4", "Joint working", "Good"],
    ]),
  );
});

// pdfminer puts a row's figure in its question's box now and then ("... agencies? 68%"), the
// other rows' figures in a column after the questions.
test("a question written with its figure among questions read a column at a time takes none of the column's figures", () => {
  const strengths = "Does assessment focus on the child's strengths and protective factors?";
  const diversity =
    "Does assessment consider the diversity and wider familial and social context of the child, utilising information held by other agencies? 68%";
  const barriers = "Does assessment analyse the key structural barriers facing the child?";
  const rows = doc(
    boxes([
      strengths,
      diversity,
      barriers,
      "% Yes",
      "68%",
      "56%",
      "Does assessment sufficiently analyse how to keep the child safe?",
    ]),
  ).lines.map((l) => l.cells);
  expect(rows).toEqual(expect.arrayContaining([[strengths, "68%"], [diversity], [barriers, "56%"]]));
});

test("a ratings table read a column at a time whose names wrap in their narrow cells ('Governance and' / 'leadership'): zipped", () => {
  const text = [
    "Fieldwork started:",
    "July 2019",
    "Overall rating",
    "Requires improvement",
    ...NUMBERS_COLUMN,
    ...["Governance and\nleadership", "Requires\nimprovement", "Staff", "Good"],
    ...["Partnerships and\nservices", "Information and\nfacilities", "Requires\nimprovement"],
    ...[
      "Requires\nimprovement",
      "Assessment",
      "Outstanding*",
      "Planning",
      "Implementation and\ndelivery",
      "Reviewing",
      "Good",
      "Good",
      "Good",
      "Assessment",
      "Planning",
      "Implementation and\ndelivery",
      "Inadequate",
      "Inadequate",
      "Inadequate",
      "Joint working",
      "Good",
    ],
    "",
    "Recommendations",
  ];
  // (A wrapped cell is one box: its lines together; boxes a blank line apart.)
  const rows = doc(boxes(text)).lines.map((l) => l.cells);
  expect(rows).toEqual(
    expect.arrayContaining([
      ["Overall rating", "Requires improvement"],
      ["1.1", "Governance and leadership", "Requires improvement"],
      ["1.3", "Partnerships and services", "Requires improvement"],
      ["1.4", "Information and facilities", "Requires improvement"],
      ["2.3", "Implementation and delivery", "Good"],
      ["3.3", "Implementation and delivery", "Inadequate"],
      ["3.4", "Joint working", "Good"],
    ]),
  );
});

// pdfminer writes a table's boxes row by row until some rows' cells line up, then those rows a
// column at a time (Kirklees' 3.1.1 prompts, as the word processor exports the report).
test("after a row read question then figure, questions then as many figures without a heading: rows (pdfminer's boxes)", () => {
  const offending =
    "Is there sufficient analysis of offending behaviour, including the child's acknowledgement of responsibility, attitudes towards and motivations for their offending?";
  const diversity =
    "Does assessment consider the diversity and wider familial and social context of the child, utilising information held by other agencies?";
  const strengths = "Does assessment focus on the child's strengths and protective factors?";
  const barriers = "Does assessment analyse the key structural barriers facing the child?";
  const maturity =
    "Is sufficient attention given to understanding the child's levels of maturity, ability and motivation to change?";
  const victims =
    "Does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice?";
  const involved =
    "Is the child and their parents/carers meaningfully involved in their assessment, and are their views taken into account?";
  const d = doc(
    boxes([
      "Does assessment sufficiently analyse how to support the child's desistance?",
      "% Yes",
      offending,
      "73%",
      diversity,
      strengths,
      barriers,
      maturity,
      victims,
      "73%",
      "80%",
      "29%",
      "73%",
      "33%",
      involved,
      "100%",
    ]),
  );
  // (The rows read question then figure are the question parser's to join.)
  expect(d.lines.map((l) => l.cells).filter((r) => r.length > 1)).toEqual([
    [diversity, "73%"],
    [strengths, "80%"],
    [barriers, "29%"],
    [maturity, "73%"],
    [victims, "33%"],
    // (the table put together carries on through the next row)
    [involved, "100%"],
  ]);
  expect(d.warnings ?? []).toEqual([]);
});

test("after a row, a key question heading its prompts takes no figure: a column with one for it too is left unread", () => {
  // Kirklees' 2.2.3 heading and prompts; (a) the figures are the prompts' own (pdfminer), (b) one
  // more, a row's figure written out of place (pdftotext without a flag, rows set close).
  const lines = (figures: string[]) => [
    "Does planning set out necessary and effective contingency arrangements to manage those risks that have been identified?",
    "26%",
    "Does planning focus sufficiently on keeping other people safe?",
    "Does planning promote the safety of other people, sufficiently addressing risk of harm factors?",
    "Does planning involve other agencies where appropriate?",
    "Does planning address any specific concerns and risks related to actual and potential victims?",
    ...figures,
    "Does planning set out the necessary controls and interventions to promote the safety of other people?",
    "50%",
  ];
  const own = doc(boxes(lines(["39%", "38%", "35%"]))).lines.map((l) => l.cells);
  expect(own).toEqual(
    expect.arrayContaining([
      ["Does planning focus sufficiently on keeping other people safe?"],
      [
        "Does planning promote the safety of other people, sufficiently addressing risk of harm factors?",
        "39%",
      ],
      ["Does planning involve other agencies where appropriate?", "38%"],
      [
        "Does planning address any specific concerns and risks related to actual and potential victims?",
        "35%",
      ],
    ]),
  );
  const oneTooMany = doc(boxes(lines(["38%", "39%", "38%", "35%"])));
  expect(oneTooMany.lines.filter((l) => l.cells.length > 1 && l.cells[0]?.includes("other people"))).toEqual(
    [],
  );
  expect(oneTooMany.warnings?.map((w) => w.code)).toContain("figures-unplaced");
});

test("a key question heading its prompts takes no figure: a column with one for it too is left unread, wherever it stands (pdfminer's boxes)", () => {
  // Tower Hamlets' 3.2.1 in a browser's PDF through pdfminer: the figure of the page before's
  // last prompt written among this table's, the key question took it (56%, the body's 67%).
  const prompts = [
    "a) Does planning set out the services most likely to support desistance?",
    "b) Does planning sufficiently address diversity issues?",
    "c) Does planning take sufficient account of the child's personal circumstances?",
  ];
  const d = doc(
    boxes([
      "Data from inspected cases:",
      "3.2. Planning (out-of-court disposals)",
      "Does planning focus on supporting the child's desistance?",
      ...prompts,
      "44%",
      "56%",
      "89%",
      "67%",
      "Some text of the report.",
    ]),
  );
  const rows = d.lines.map((l) => l.cells);
  expect(rows).toContainEqual(["Does planning focus on supporting the child's desistance?"]);
  expect(rows.filter((r) => r.length > 1)).toEqual([]);
  // As many figures as prompts: theirs, the key question none.
  const own = doc(
    boxes([
      "Data from inspected cases:",
      "3.2. Planning (out-of-court disposals)",
      "Does planning focus on supporting the child's desistance?",
      ...prompts,
      "56%",
      "89%",
      "67%",
      "Some text of the report.",
    ]),
  ).lines.map((l) => l.cells);
  expect(own).toContainEqual(["Does planning focus on supporting the child's desistance?"]);
  expect(own).toContainEqual([prompts[0], "56%"]);
  expect(own).toContainEqual([prompts[2], "67%"]);
});

test("a standard's key questions, the first again (the heading of the prose on it), then their figures: rows, the heading after them", () => {
  // Kirklees' planning table as pdfminer writes it, the heading of the prose below the table
  // between the questions and the "% yes" column.
  const desistance = "Does planning focus sufficiently on supporting the child's desistance?";
  const child = "Does planning focus sufficiently on keeping the child safe?";
  const others = "Does planning focus sufficiently on keeping other people safe?";
  const d = doc(
    boxes([
      "Our rating for planning is based on the following key questions:",
      desistance,
      child,
      others,
      desistance,
      "% yes",
      "64%",
      "32%",
      "22%",
      "Planning to support the child's desistance was sufficient in 16 out of 22 cases.",
    ]),
  );
  expect(d.lines.map((l) => l.cells).slice(1)).toEqual([
    ["% yes"],
    [desistance, "64%"],
    [child, "32%"],
    [others, "22%"],
    [desistance],
    ["Planning to support the child's desistance was sufficient in 16 out of 22 cases."],
  ]);
});

test("a counts table's header row put back together above its questions (caption, 'Relevant' / 'cases', 'Number 'Yes''): the counts in the order that can be true", () => {
  // North Somerset's 3.1 key questions as pdfminer writes the word processor's PDF: the caption
  // and the headings' pieces (one header row once put back together), the questions, then the
  // counts a column at a time: relevant 5, 5, 5; 'Yes' 5, 5, 4.
  const keyQuestions = ASSESSMENT;
  const written = normaliseLines(
    textSourceLines(
      boxes([
        "Our rating for assessment is based on the following key questions:",
        "Of the 5 cases inspected:",
        "Relevant",
        "cases",
        "Number 'Yes'",
        ...keyQuestions,
        "5",
        "5",
        "5",
        "5",
        "5",
        "4",
        "Assessment of factors linked to desistance was sufficient in every case.",
      ]),
    ),
    "text",
  );
  const rows = columnTables({
    ...written,
    lines: wrappedColumnHeadings(written.lines, written.furniture),
  }).lines.map((l) => l.cells);
  expect(rows).toEqual([
    ["Our rating for assessment is based on the following key questions:"],
    ["Of the 5 cases inspected:", "Relevant cases", "Number 'Yes'"],
    [keyQuestions[0], "5", "5"],
    [keyQuestions[1], "5", "5"],
    [keyQuestions[2], "5", "4"],
    ["Assessment of factors linked to desistance was sufficient in every case."],
  ]);
});

test("the page's number after a whole column of percentages ends the column; the next page's rows carry the table on; a sentence before is no question (pdfminer's boxes)", () => {
  // Tower Hamlets' 2.1.1 prompts as pdfminer writes the word processor's PDF: the page's foot
  // ("33") among the table's boxes, straight after the first page's column.
  const prompts = [
    "a) Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending?",
    "b) Does assessment sufficiently analyse diversity issues?",
    "c) Does assessment consider personal circumstances, including the wider familial and social context of the child?",
    "d) Does assessment utilise information held by other agencies?",
    "e) Does assessment focus on the child's strengths and protective factors?",
    "f) Does assessment analyse the key structural barriers facing the child?",
    "g) Is enough attention given to understanding the child's levels of maturity, ability and motivation to change, and their likelihood of engaging with the court disposal?",
    "h) Does assessment give sufficient attention to the needs and wishes of victims, and opportunities for restorative justice?",
  ];
  // The annex's prose just before: a sentence starting as a prompt may ("Where ..."), and a
  // caption; no question runs on through them to the key question's "?".
  const text = [
    ...boxLines([
      "Where there are no relevant resettlement cases, we do not apply a rating to resettlement work.",
      "Data from inspected cases:26",
      "2.1. Assessment (court disposals)",
      "Does assessment sufficiently analyse how to support the child's desistance?",
      ...prompts.slice(0, 3),
      "88%",
      "75%",
      "88%",
      "33",
    ]),
    `\f${boxes([...prompts.slice(3), "94%", "88%", "56%", "81%", "69%", "3.2. Planning"])}`,
  ].join("\n");
  const rows = doc(text)
    .lines.filter((l) => l.cells.length > 1)
    .map((l) => l.cells);
  const percents = ["88%", "75%", "88%", "94%", "88%", "56%", "81%", "69%"];
  expect(rows).toEqual(prompts.map((p, k) => [p, percents[k]]));
});

test("a question whose footnote marker's digits follow its '?' ('... disposal?30') ends there: not joined to the next question", () => {
  // Kirklees' 3.4 annex as pdfminer writes it: the second key question (misnumbered "3.2.1" in the
  // report itself) heads two prompts, their figures after them, then the note's number.
  const rows = doc(
    boxes([
      "Is the rationale for joint disposal decisions appropriate and clearly recorded?",
      "3.2.1 Does the YOT work effectively with the police in implementing the out-of-court disposal?30",
      "Does the YOT inform the police of progress and outcomes in a sufficient and timely manner?",
      "Is sufficient attention given to compliance with and enforcement of the conditions?",
      "% Yes",
      "67%",
      "80%",
      "100%",
      "30 This question is only asked in youth conditional caution cases",
    ]),
  ).lines.map((l) => l.cells);
  expect(rows).toEqual(
    expect.arrayContaining([
      ["Is the rationale for joint disposal decisions appropriate and clearly recorded?", "67%"],
      ["3.2.1 Does the YOT work effectively with the police in implementing the out-of-court disposal?30"],
      ["Does the YOT inform the police of progress and outcomes in a sufficient and timely manner?", "80%"],
      ["Is sufficient attention given to compliance with and enforcement of the conditions?", "100%"],
    ]),
  );
});

test("questions a heading after a run of questions with no figure after it: the figure columns that follow are not theirs alone, left unread", () => {
  // Kirklees' 3.3 and 3.4 annex tables as pdfminer writes a browser's print: both tables'
  // questions, then both columns (3.3's nine figures, the last glued to 3.4's heading).
  const implementation = [
    "Does service delivery support the child's desistance?",
    "Are the delivered services those most likely to support desistance?",
    "Does service delivery reflect the diversity and wider familial and social context of the child?",
    "Does service delivery effectively support the safety of the child?",
    "Does service delivery promote the safety and wellbeing of the child?",
  ];
  const jointWorking = [
    "Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision making?",
    "Are the recommendations by the YOT for out-of-court disposal outcomes, conditions and interventions appropriate and proportionate?",
    "Is a positive contribution made by the YOT to determining the disposal?",
  ];
  const d = doc(
    [
      "3.3. Implementation and delivery",
      ...implementation,
      "",
      "3.4. Joint working",
      ...jointWorking,
      "",
      "% Yes",
      "",
      "93%",
      "",
      "87%",
      "",
      "87%",
      "38%     % Yes",
      "67%",
      "83%",
    ].join("\n"),
  );
  expect(d.lines.filter((l) => l.cells.length > 1 && l.cells[0]?.endsWith("?"))).toEqual([]);
});

test("a rule drawn between the questions and their column ('------', set aside as furniture) is no gap: rows", () => {
  // Tower Hamlets' assessment table as pdfminer writes it, a blank line after each box.
  const keyQuestions = ASSESSMENT;
  const rows = doc(
    boxes([
      "Our rating for assessment is based on the following key questions:",
      ...keyQuestions,
      "------",
      "% 'Yes'",
      "88%",
      "75%",
      "81%",
    ]),
  ).lines.map((l) => l.cells);
  expect(rows.filter((r) => r.length > 1)).toEqual([
    [keyQuestions[0], "88%"],
    [keyQuestions[1], "75%"],
    [keyQuestions[2], "81%"],
  ]);
});

test("a key question with the '% Yes' heading after it on its line heads the column after its prompts (pdfminer's header box)", () => {
  // Kirklees' 2.4.1 in pdfminer's text: the header row's two cells as one box, four prompts, their
  // four figures, then a row read question then figure.
  const heading = "Does reviewing focus sufficiently on supporting the child's desistance? % Yes";
  const text = boxes([
    "2.4. Reviewing",
    heading,
    "Does reviewing identify and respond to changes in factors linked to\ndesistance?",
    "Does reviewing focus sufficiently on building upon the child's strengths\nand enhancing protective factors?",
    "Does reviewing consider motivation and engagement levels and any\nrelevant barriers?",
    "Is the child and their parents/carers meaningfully involved in reviewing\ntheir progress and engagement, and are their views taken into\naccount?",
    "94%",
    "88%",
    "82%",
    "94%",
    "Does reviewing lead to the necessary adjustments in the ongoing plan\nof work to support desistance?",
    "71%",
  ]);
  const rows = doc(text).lines.map((l) => l.cells);
  expect(rows).toEqual([
    ["2.4. Reviewing"],
    [heading],
    ["Does reviewing identify and respond to changes in factors linked to desistance?", "94%"],
    [
      "Does reviewing focus sufficiently on building upon the child's strengths and enhancing protective factors?",
      "88%",
    ],
    ["Does reviewing consider motivation and engagement levels and any relevant barriers?", "82%"],
    [
      "Is the child and their parents/carers meaningfully involved in reviewing their progress and engagement, and are their views taken into account?",
      "94%",
    ],
    [
      "Does reviewing lead to the necessary adjustments in the ongoing plan of work to support desistance?",
      "71%",
    ],
  ]);
});

test("the '% Yes' heading on a line of its own between a key question and its prompts heads the column after them, across the page's number", () => {
  // Kirklees' 2.1.1 through pdfminer, figures set right in their cells: the key question, the
  // heading, four prompts, the page's number, the four figures.
  const text = boxes([
    "2.1. Assessment",
    "Does assessment sufficiently analyse how to support the child's\ndesistance?",
    "% Yes",
    "Is there sufficient analysis of offending behaviour, including the child's\nattitudes towards and motivations for their offending?",
    "Does assessment consider the diversity and wider familial and social\ncontext of the child, utilising information held by other agencies?",
    "Does assessment focus on the child's strengths and protective\nfactors?",
    "Does assessment analyse the key structural barriers facing the child?",
    "33",
    "86%",
    "68%",
    "68%",
    "56%",
  ]);
  const rows = doc(text).lines.map((l) => l.cells);
  expect(rows).toEqual([
    ["2.1. Assessment"],
    // (The key question's lines as written: the rejoin stage puts them together.)
    ["Does assessment sufficiently analyse how to support the child's"],
    ["desistance?"],
    ["% Yes"],
    [
      "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending?",
      "86%",
    ],
    [
      "Does assessment consider the diversity and wider familial and social context of the child, utilising information held by other agencies?",
      "68%",
    ],
    ["Does assessment focus on the child's strengths and protective factors?", "68%"],
    ["Does assessment analyse the key structural barriers facing the child?", "56%"],
  ]);
});

test("each count heading's box holding the first row's count, the other counts a box each a column at a time: the first row, then the columns (pdfminer, rows set close)", () => {
  // North Somerset's 2.1.1 prompts: printed 8-8, 8-8, 8-8, 7-7, 8-8. pdfminer writes
  // "Relevant cases" / "8" and "Number 'Yes'" / "8" as one box each, then the other rows'
  // counts a column at a time. Read a row at a time from the first count, 7-8 ('Yes' above
  // relevant) was made; a column at a time from the first, 7-8 again.
  const prompts = ASSESSMENT_2_1_1;
  const text = [
    "Of the 8 cases inspected:",
    prompts.join("\n"),
    "",
    "Relevant cases\n8",
    "",
    "Number 'Yes'\n8",
    "",
    boxes(["8", "8", "7", "8", "8", "8", "7", "8"]),
  ].join("\n");
  const rows = doc(text).lines.map((l) => l.cells);
  expect(rows.filter((r) => prompts.includes(r[0] as string))).toEqual([
    [prompts[0], "8", "8"],
    [prompts[1], "8", "8"],
    [prompts[2], "8", "8"],
    [prompts[3], "7", "7"],
    [prompts[4], "8", "8"],
  ]);
  // The rest in blocks of cells touching, as pdftotext writes rows set close (each column's
  // block in turn): read as blocks still (North Somerset's 2.2.3: 7-6, 7-7, 6-4, 7-5, 7-5; the
  // first form read the rest a box at a time, 7-6, 7-4).
  const blocks = [
    "Of the 7 cases with factors related to keeping other people safe:",
    prompts.join("\n"),
    "",
    "Relevant cases\n7",
    "",
    "Number 'Yes'\n6",
    "",
    "7\n6\n\n7\n4",
    "",
    boxes(["7", "5", "7", "5"]),
  ].join("\n");
  expect(figuresOf(blocks, prompts)).toEqual([
    ["7", "6"],
    ["7", "7"],
    ["6", "4"],
    ["7", "5"],
    ["7", "5"],
  ]);
});

// pdfminer writes every count of a table set close a box of its own, a column at a time;
// pdftotext, in the same layout, a row at a time. Where both orders could be true of a table,
// the file's other tables, those only one order can be true of, say which converter wrote it.
test("counts a box each that both orders could be true of: read in the order of the file's tables that can only be read one way (pdfminer: a column at a time; pdftotext: a row)", () => {
  // North Somerset's 2.2.1 and 2.2.2 prompts as pdfminer writes them (rows set close, cells
  // centred). 2.2.1, printed 8-8, 8-8, 8-8, 8-8, 5-4: a row at a time, 5-8 cannot be. 2.2.2,
  // printed 7-7, 7-7, 7-6, 7-5: a row at a time 7-7, 7-7, 7-7, 6-5 could be too, and was read.
  const desistance = [
    "Does planning set out the services most likely to support desistance?",
    "Does planning take sufficient account of the diversity and wider familial and social context of the child?",
    "Does planning take sufficient account of the child's strengths and protective factors?",
    "Does planning take sufficient account of the child's levels of maturity?",
    "Where applicable, does planning give sufficient attention to the needs and wishes of the victim/s?",
  ];
  const safety = [
    "Does planning promote the safety and wellbeing of the child, sufficiently addressing risks?",
    "Does planning involve other agencies where appropriate?",
    "Does planning set out the necessary controls and interventions to promote the safety and wellbeing of the child?",
    "Does planning set out necessary and effective contingency arrangements?",
  ];
  const table = (caption: string, prompts: string[], counts: string[]) =>
    [caption, ...prompts, "", boxes(["Relevant cases", "Number 'Yes'", ...counts])].join("\n");
  const safetyTable = table("Of the 7 cases with factors related to keeping the child safe:", safety, [
    ...["7", "7", "7", "7"],
    ...["7", "7", "6", "5"],
  ]);
  const pdfminer = [
    table("Of the 8 cases inspected:", desistance, [
      ...["8", "8", "8", "8", "5"],
      ...["8", "8", "8", "8", "4"],
    ]),
    safetyTable,
  ].join("\n");
  expect(figuresOf(pdfminer, desistance)).toEqual([
    ["8", "8"],
    ["8", "8"],
    ["8", "8"],
    ["8", "8"],
    ["5", "4"],
  ]);
  expect(figuresOf(pdfminer, safety)).toEqual([
    ["7", "7"],
    ["7", "7"],
    ["7", "6"],
    ["7", "5"],
  ]);
  // As pdftotext writes them, a row at a time: 2.1.1 (printed 8-8, 8-8, 8-8, 7-7, 8-8) can only
  // be read so (a column at a time, 7-8), and 2.2.2's "7 7 7 7 7 6 7 5" is read so too (a column
  // at a time, 7-7, 7-6, 7-7, 7-5 could be).
  const pdftotext = [
    table("Of the 8 cases inspected:", ASSESSMENT_2_1_1, ["8", "8", "8", "8", "8", "8", "7", "7", "8", "8"]),
    table("Of the 7 cases with factors related to keeping the child safe:", safety, [
      ...["7", "7", "7", "7"],
      ...["7", "6", "7", "5"],
    ]),
  ].join("\n");
  expect(figuresOf(pdftotext, ASSESSMENT_2_1_1)).toContainEqual(["7", "7"]);
  expect(figuresOf(pdftotext, safety)).toEqual([
    ["7", "7"],
    ["7", "7"],
    ["7", "6"],
    ["7", "5"],
  ]);
  // Alone, 2.2.2 in pdfminer's order says nothing of its converter: a row at a time, as before.
  expect(figuresOf(safetyTable, safety)).toEqual([
    ["7", "7"],
    ["7", "7"],
    ["7", "7"],
    ["6", "5"],
  ]);
});

// North Somerset's counts tables as pdfminer writes the PDFs rendered from its text (markers as
// <sup>), the headings' boxes above the questions: the counts come a column at a time.
const REVIEWING = [
  "Does reviewing focus sufficiently on supporting the child's desistance?",
  "Does reviewing focus sufficiently on keeping the child safe?",
  "Does reviewing focus sufficiently on keeping other people safe?",
];

test("a footnote marker wrapped onto a line of its own below a question takes no gap from the counts after it (pdfminer's boxes)", () => {
  // "... keeping other people safe?" / "<sup>13</sup>" / "" / "8": the count is two lines below
  // the marker, three below its question.
  const text = [
    ...boxLines(["Of the 8 cases inspected:", "Relevant cases", "Number 'Yes'", PLANNING[0] as string]),
    PLANNING[1] as string,
    "<sup>12</sup>",
    "",
    PLANNING[2] as string,
    "<sup>13</sup>",
    "",
    ...boxLines(["8", "7", "7", "8", "7", "6", "Nearly every aspect of planning was sufficient."]),
  ].join("\n");
  // A row at a time, 7-8 ('Yes' above relevant) cannot be; a column at a time: 8-8, 7-7, 7-6.
  expect(figuresOf(text, PLANNING)).toEqual([
    ["8", "8"],
    ["7", "7"],
    ["7", "6"],
  ]);
});

test("the first row's relevant cases in its question's box ('... desistance? 8'), the page's number after the counts: the table read (pdfminer's boxes)", () => {
  const text = [
    boxes([
      "Of the 8 cases inspected:",
      "Relevant cases",
      "Number 'Yes'",
      `${REVIEWING[0]} 8`,
      ...REVIEWING.slice(1),
      "7",
      "7",
      "7",
      "7",
      "5",
      "19",
    ]),
    `\f${boxes(["Inspection of youth offending services: Anytown", "Work was adapted where necessary."])}`,
  ].join("\n");
  const d = doc(text);
  expect(figuresOf(text, REVIEWING)).toEqual([
    ["8", "7"],
    ["7", "7"],
    ["7", "5"],
  ]);
  // The row's snippet is its lines as written, the carried count once.
  expect(d.lines.find((l) => l.cells[0] === REVIEWING[0])?.raw).toBe(`${REVIEWING[0]} 8\t7`);
  // A count more than the table's before the next page: the column is longer than this table's.
  const longer = text.replace("\n19\n", "\n6\n\n19\n");
  expect(doc(longer).lines.filter((l) => l.cells.length > 1 && l.flat.includes("reviewing"))).toEqual([]);
});

test("a counts table's rows after the rows put together, their counts without a heading: read in the one order that can be true, else not (pdfminer's boxes)", () => {
  // North Somerset's 2.1.1 prompts: five rows, then two more written apart with their counts.
  const prompts = [
    "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending?",
    "Does assessment consider the diversity and wider familial and social context of the child, utilising information held by other agencies?",
    "Does assessment focus on the child's strengths and protective factors?",
    "Does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice?",
    "Is the child and their parents/carers meaningfully involved in their assessment, and are their views taken into account?",
  ];
  const text = (rest: string[]) =>
    boxes([
      "Of the 8 cases inspected:",
      "Relevant cases",
      "Number 'Yes'",
      ...prompts.slice(0, 3),
      ...["8", "8", "7", "8", "8", "6"],
      ...prompts.slice(3),
      ...rest,
      "The rating for the standard is driven by the lowest score.",
    ]);
  // A row at a time 6-8 cannot be; a column at a time: 6-6, 8-6.
  expect(figuresOf(text(["6", "8", "6", "6"]), prompts)).toEqual([
    ["8", "8"],
    ["8", "8"],
    ["7", "6"],
    ["6", "6"],
    ["8", "6"],
  ]);
  // 8-6, 8-6 a row at a time, or 8-8, 6-6 a column: both can be; the table before can only be
  // read a column at a time, and so are these.
  expect(figuresOf(text(["8", "6", "8", "6"]), prompts).slice(3)).toEqual([
    ["8", "8"],
    ["6", "6"],
  ]);
  // Neither order can be (6-8 either way): not read.
  expect(figuresOf(text(["6", "8", "8", "6"]), prompts).slice(3)).toEqual([[], []]);
});

test("a counts table headed above its questions that both orders could be true of: read in the order the file's other such tables can only be read in (pdfminer)", () => {
  const harm = [
    "Does assessment clearly identify and analyse any risk of harm to others posed by the child?",
    "Does assessment draw sufficiently on available sources of information?",
    "Does assessment analyse controls and interventions to manage and minimise the risk of harm?",
  ];
  const headed = (questions: string[], counts: string[]) => [
    "Of the 8 cases inspected:",
    "Relevant cases",
    "Number 'Yes'",
    ...questions,
    ...counts,
    "Most of the cases involved complex issues.",
  ];
  // 8 8 8 7 8 4: a row at a time 8-8, 8-7, 8-4; a column at a time 8-7, 8-8, 8-4.
  const ambiguous = headed(harm, ["8", "8", "8", "7", "8", "4"]);
  expect(figuresOf(boxes(ambiguous), harm)).toEqual([[], [], []]);
  // Planning's counts can only be a column at a time (a row at a time, 7-8): so are the others.
  const text = boxes([...ambiguous, ...headed(PLANNING, ["8", "7", "7", "8", "7", "6"])]);
  expect(figuresOf(text, harm)).toEqual([
    ["8", "7"],
    ["8", "8"],
    ["8", "4"],
  ]);
  // A row at a time only (5-5, 8-7, 7-7; a column at a time 5-7 cannot be): so are the others.
  const byRow = boxes([...ambiguous, ...headed(PLANNING, ["5", "5", "8", "7", "7", "7"])]);
  expect(figuresOf(byRow, harm)).toEqual([
    ["8", "8"],
    ["8", "7"],
    ["8", "4"],
  ]);
});

test("a counts table's one row on its page, its headings above it, then its other rows on the next page (pdfminer's boxes)", () => {
  const first =
    "Does planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing?";
  const rest = [
    "Does planning take sufficient account of the diversity and wider familial and social context of the child?",
    "Does planning take sufficient account of the child's strengths and protective factors?",
    "Where applicable, does planning give sufficient attention to the needs and wishes of the victim/s?",
    "Is the child and their parents/carers meaningfully involved in planning?",
  ];
  const text = (counts: string[]) =>
    [
      boxes(["Of the 8 cases inspected:", "Relevant cases", "Number 'Yes'", first, ...counts, "16"]),
      // (A row at a time 5-8 cannot be; a column at a time 8-8, 8-7, 5-4, 8-8.)
      `\f${boxes(["Inspection of youth offending services: Anytown", ...rest, "8", "8", "5", "8", "8", "7", "4", "8", "Planning was good."])}`,
    ].join("\n");
  expect(figuresOf(text(["8", "8"]), [first, ...rest])).toEqual([
    ["8", "8"],
    ["8", "8"],
    ["8", "7"],
    ["5", "4"],
    ["8", "8"],
  ]);
  // Three counts under one question: no table of one row.
  expect(figuresOf(text(["8", "8", "7"]), [first])).toEqual([[]]);
});

test("counts headed above their questions in blocks of lines that touch (pdftotext): paired by their blocks, whatever order the file's other tables show", () => {
  // "8" / "7" / "" / "8" / "7" / "" / "7" / "" / "6": the relevant cases of the first two rows,
  // their 'Yes', then the third row's two. Read a row at a time (the order of a file whose
  // counts come a row at a time), 8-7, 8-7, 7-6 would be made.
  const counts = ["8", "7", "", "8", "7", "", "7", "", "6"];
  const table = [
    ...boxLines(["Of the 8 cases inspected:", "Relevant cases", "Number 'Yes'"]),
    ...PLANNING,
    "",
    ...counts,
    "",
    "Nearly every aspect of planning was sufficient.",
  ];
  // (Another table, which can only be read a row at a time: 5-5, 8-7, 7-7; a column at a time, 5-7.)
  const rowTable = ["Number 'Yes'", "5", "5", "8", "7", "7", "7", "", "Assessment was good."];
  const text = [...rowTable, "", ...table].join("\n");
  expect(figuresOf(text, PLANNING)).toEqual([
    ["8", "8"],
    ["7", "7"],
    ["7", "6"],
  ]);
});

// Kirklees's court planning and delivery prompts as pdfminer.six writes them from the report's
// PDF (a box each, a blank line between): the rest of one table's questions, the next table's
// heading and first questions, then both tables' figures, the second's after its "% Yes".
const PLANNING_SAFE = [
  "Does planning promote the safety and wellbeing of the child,\nsufficiently addressing risks?",
  "53%",
  "34",
  "\fInspection of youth offending services: Kirklees",
  "Does planning involve other agencies where appropriate, and is there\nsufficient alignment with other plans (e.g. child protection or care\nplans) concerning the child?",
  "Does planning set out the necessary controls and interventions to\npromote the safety and wellbeing of the child?",
  "Does planning set out necessary and effective contingency\narrangements to manage those risks that have been identified?",
];
const PLANNING_OTHERS_SAFE = [
  "Does planning focus sufficiently on keeping other people safe?",
  "Does planning promote the safety of other people, sufficiently\naddressing risk of harm factors?",
  "Does planning involve other agencies where appropriate?",
  "Does planning address any specific concerns and risks related to\nactual and potential victims?",
  "Does planning set out the necessary controls and interventions to\npromote the safety of other people?",
  "Does planning set out necessary and effective contingency\narrangements to manage those risks that have been identified?",
];
const DELIVERY_DESISTANCE = [
  "2.3. Implementation and delivery",
  "Does the implementation and delivery of services effectively support\nthe child's desistance?",
  "Are the delivered services those most likely to support desistance,\nwith sufficient attention given to sequencing and the available\ntimescales?",
  "Does service delivery reflect the diversity and wider familial and social\ncontext of the child, involving parents/carers or significant others?",
  "Does service delivery build upon the child's strengths and enhance\nprotective factors?",
  "Is sufficient focus given to developing and maintaining an effective\nworking relationship with the child and their parents/carers?",
];
const asOneLine = (box: string) => box.replace(/\n/g, " ");
/** The prompts of the boxes above after the row read first (not the key questions heading them), as read. */
const KIRKLEES_PROMPTS = [...PLANNING_SAFE.slice(1), ...PLANNING_OTHERS_SAFE, ...DELIVERY_DESISTANCE]
  .filter(
    (b) =>
      /^(?:Does|Are|Is) /.test(b) && !/focus sufficiently|implementation and delivery of services/.test(b),
  )
  .map(asOneLine);

test("one table's questions, the next table's heading and questions, then both tables' figures (pdfminer): paired in order, and said so", () => {
  const figures = [
    "38%",
    "42%",
    "26%",
    "39%",
    "38%",
    "35%",
    "50%",
    "22%",
    "% Yes",
    "95%",
    "86%",
    "91%",
    "100%",
  ];
  const text = boxes([...PLANNING_SAFE, ...PLANNING_OTHERS_SAFE, ...DELIVERY_DESISTANCE, ...figures]);
  // Kirklees's own figures for these prompts (its report's annex).
  // (The first row, "... risks?" / "53%", is joined after: rejoinRows.)
  expect(figuresOf(text, KIRKLEES_PROMPTS)).toEqual(
    [38, 42, 26, 39, 38, 35, 50, 22, 95, 86, 91, 100].map((p) => [`${p}%`]),
  );
  const d = doc(text);
  const paired = d.warnings?.filter((w) => w.code === "figures-paired-in-order") ?? [];
  expect(paired.map((w) => w.message)).toEqual([
    "12 percentages printed after their table's questions (38%, 42%, 26%, 39%, 38%, 35%, 50%, 22%, 95%, 86%, 91%, 100%) were paired with those questions in order",
  ]);
  expect(d.warnings?.map((w) => w.code)).not.toContain("figures-unplaced");
  // The key questions heading their prompts take none.
  expect(figuresOf(text, [PLANNING_OTHERS_SAFE[0] as string])).toEqual([[]]);
});

test("prompts of two key questions, then one column of figures for all of them (pdfminer): paired in order, and said so", () => {
  // Tower Hamlets' annex 3.3.2 and 3.3.3 in a word processor's PDF through pdfminer: each figure a
  // box of its own, the column's lower half written before its upper (44%, 22%, 56%, 33% for rows
  // of 56, 33, 44 and 22 %). Nothing in the text tells the order; the reader is told.
  const prompts = [
    "a) Does service delivery promote the safety and wellbeing of the child?",
    "b) Is the involvement of other agencies in keeping the child safe sufficiently well utilised and coordinated?",
    "a) Are the delivered services sufficient to manage and minimise the risk of harm?",
    "b) Is sufficient attention given to the protection of actual and potential victims?",
  ];
  /** The standard's heading, the key questions' rows (`rows`), a column of figures, some text. */
  const annex = (rows: string[], figures: string[]) =>
    boxes([
      "3.3. Implementation and delivery (out-of-court disposals)",
      ...rows,
      ...figures,
      "Some text of the report.",
    ]);
  const text = annex(
    [
      "Does service delivery effectively support the safety of the child?",
      ...prompts.slice(0, 2),
      "Does service delivery effectively support the safety of other people?",
      ...prompts.slice(2),
    ],
    ["44%", "22%", "56%", "33%"],
  );
  expect(figuresOf(text, prompts)).toEqual([["44%"], ["22%"], ["56%"], ["33%"]]);
  const paired = doc(text).warnings?.filter((w) => w.code === "figures-paired-in-order") ?? [];
  expect(paired.map((w) => w.message)).toEqual([
    "4 percentages printed after their table's questions (44%, 22%, 56%, 33%) were paired with those questions in order",
  ]);
  // (One key question's prompts and their column: nothing to say.)
  const one = annex(
    ["Does service delivery effectively support the safety of the child?", ...prompts.slice(0, 2)],
    ["56%", "33%"],
  );
  expect(figuresOf(one, prompts)).toEqual([["56%"], ["33%"]]);
  expect(doc(one).warnings?.map((w) => w.code) ?? []).not.toContain("figures-paired-in-order");
});

test("figures after questions are not paired in order where they are one too few, or where questions left without figures stand before", () => {
  const figures = ["38%", "42%", "26%", "39%", "38%", "35%", "50%", "22%", "% Yes", "95%", "86%", "91%"];
  const oneTooFew = doc(
    boxes([...PLANNING_SAFE, ...PLANNING_OTHERS_SAFE, ...DELIVERY_DESISTANCE, ...figures]),
  );
  expect(oneTooFew.lines.filter((l) => l.cells.length > 1)).toEqual([]);
  expect(oneTooFew.warnings?.map((w) => w.code)).not.toContain("figures-paired-in-order");
  expect(oneTooFew.warnings?.map((w) => w.code)).toContain("figures-unplaced");
  // Questions with no figures (a table whose column the converter wrote elsewhere), a line of
  // text, then a table's questions and as many figures: those may be the first table's.
  const unpairedFirst = doc(
    boxes([
      ...PLANNING_OTHERS_SAFE,
      "High-quality, well-focused, personalised and coordinated services are delivered.",
      ...DELIVERY_DESISTANCE,
      "95%",
      "86%",
      "% Yes",
      "91%",
      "100%",
    ]),
  );
  expect(unpairedFirst.lines.filter((l) => l.cells.length > 1)).toEqual([]);
  expect(unpairedFirst.warnings?.map((w) => w.code)).toContain("figures-unplaced");
  expect(unpairedFirst.warnings?.map((w) => w.code)).not.toContain("figures-paired-in-order");
});

test("a key question's heading cut mid-word among its table's prompts, its last letters in the figure column at its row (pdfminer): the figures paired in order, the heading whole", () => {
  // Tower Hamlets' annex, 2.1: its 2.1.2 heading printed cut ("... keep the child saf" | "fe?"),
  // as the corpus text carries it; pdfminer writes the question boxes, then the figure column,
  // "fe?" among the figures at the heading's row.
  const questions = [
    // (The word whole elsewhere in the report, as "safe" is: the split word's two readings told apart.)
    "Work to keep children safe was sufficient in most cases.",
    "Data from inspected cases:",
    "2.1. Assessment (court disposals)",
    "Does assessment sufficiently analyse how to support the child's\ndesistance?",
    "a) Is there sufficient analysis of offending behaviour, including the\nchild's attitudes towards and motivations for their offending?",
    "b) Does assessment sufficiently analyse diversity issues?",
    "c) Does assessment consider personal circumstances, including the\nwider familial and social context of the child?",
    "d) Does assessment utilise information held by other agencies?",
    "Does assessment sufficiently analyse how to keep the child saf",
    "a) Does assessment clearly identify and analyse any risks to the\nsafety and wellbeing of the child?",
    "b) Does assessment draw sufficiently on available sources of\ninformation, including other assessments, and involve other agencies\nwhere appropriate?",
  ];
  const prompts = questions.filter((q) => /^[a-d]\) /.test(q)).map(asOneLine);
  const text = (figures: string[]) => boxes([...questions, ...figures]);
  expect(figuresOf(text(["88%", "75%", "88%", "94%", "fe?", "69%", "88%"]), prompts)).toEqual(
    [88, 75, 88, 94, 69, 88].map((p) => [`${p}%`]),
  );
  const heading = doc(text(["88%", "75%", "88%", "94%", "fe?", "69%", "88%"])).lines.find((l) =>
    l.flat.startsWith("Does assessment sufficiently analyse how to keep"),
  );
  expect(heading?.flat).toBe("Does assessment sufficiently analyse how to keep the child safe?");
  // Its letters anywhere else, or one figure too few, show nothing: nothing is paired.
  for (const figures of [
    ["88%", "75%", "fe?", "88%", "94%", "69%", "88%"],
    ["88%", "75%", "88%", "94%", "fe?", "69%"],
  ])
    expect(
      doc(text(figures)).lines.filter((l) => prompts.includes(l.cells[0] as string) && l.cells.length > 1),
    ).toEqual([]);
});

test("an annex page read a column at a time whose questions run over a standard's heading, the first prompts the rest of the page before's table: the figures paired in order", () => {
  // Tower Hamlets' annex as pdftotext writes it where its rows are set close: the page's
  // questions (2.4.3's last prompt, "3.1. Assessment", two key questions with their prompts), the
  // page's number, then its figure column; the key questions print none in the annex.
  const questions = [
    "c) Does reviewing lead to the necessary adjustments in the ongoing\nplan all of work to manage and minimise the risk of harm?",
    "3.1. Assessment (out-of-court disposals)",
    "Does assessment sufficiently analyse how to keep the child safe?",
    "a) Does assessment clearly identify and analyse any risks to the\nsafety and wellbeing of the child?",
    "b) Does assessment draw sufficiently on available sources of\ninformation, including other assessments, and involve other agencies\nwhere appropriate?",
    "Does assessment sufficiently analyse how to keep other people safe?",
    "a) Does assessment clearly identify and analyse any risk of harm to\nothers posed by the child, including identifying who is at risk and the\nnature of that risk?",
    "b) Does assessment draw sufficiently on available sources of\ninformation, including any other assessments that have been\ncompleted, and other evidence of behaviour by the child?",
  ];
  const prompts = questions.filter((q) => /^[a-c]\) /.test(q)).map(asOneLine);
  const text = (lines: string[], figures: string[]) =>
    [...lines, "", "36", "", ...figures.flatMap((f) => [f, ""])].join("\n");
  const FIGURES = ["44%", "56%", "44%", "33%", "56%"];
  expect(figuresOf(text(questions, FIGURES), prompts)).toEqual(FIGURES.map((f) => [f]));
  const rows = doc(text(questions, FIGURES)).lines.map((l) => l.cells);
  // The heading and the key questions stay where they were, with no figure.
  expect(rows).toContainEqual(["3.1. Assessment (out-of-court disposals)"]);
  expect(rows).toContainEqual(["Does assessment sufficiently analyse how to keep other people safe?"]);
  // Two tables' figures paired in order: said, with the figures.
  expect(doc(text(questions, FIGURES)).warnings?.map((w) => w.message)).toContain(
    "5 percentages printed after their table's questions (44%, 56%, 44%, 33%, 56%) were paired with those questions in order",
  );
  // One figure too few, or prompts that do not go on in turn from the first ("c)" then "b)"
  // under no key question), show nothing: nothing is paired.
  const paired = (lines: string[], figures: string[]) =>
    doc(text(lines, figures)).lines.filter((l) => l.cells.length > 1);
  expect(paired(questions, FIGURES.slice(1))).toEqual([]);
  const outOfTurn = [
    questions[0] as string,
    "b) Does reviewing identify and respond to changes in factors related to\nrisk of harm?",
    ...questions.slice(1),
  ];
  expect(paired(outOfTurn, ["44%", "63%", ...FIGURES.slice(1)])).toEqual([]);
});

test("an annex page read a column at a time whose questions run over a key question with the column's heading after it and over a domain's heading (pdfminer): the figures paired in order", () => {
  // Kirklees' annex as pdfminer writes a word processor's page with its figures set right in
  // their cells: 2.3.3's last prompt (the rest of the page before's table), "2.4. Reviewing", its
  // first key question with "% Yes" in the same box, prompts, the next domain's heading, 3.1's
  // heading, key question and column heading, its first prompts; then the page's number and
  // one figure column for all of them. Kirklees's own figures for these prompts (its annex).
  const questions = [
    "Is the involvement of other agencies in managing the risk of harm\nsufficiently well-coordinated?",
    "2.4. Reviewing",
    "Does reviewing focus sufficiently on supporting the child's desistance? % Yes",
    "Does reviewing identify and respond to changes in factors linked to\ndesistance?",
    "Does reviewing focus sufficiently on building upon the child's strengths\nand enhancing protective factors?",
    "Does reviewing consider motivation and engagement levels and any\nrelevant barriers?",
    "Does reviewing focus sufficiently on keeping the child safe?",
    "Does reviewing identify and respond to changes in factors related to\nsafety and wellbeing?",
  ];
  const nextDomain = [
    "Domain three: Out-of-court disposals",
    "3.1. Assessment",
    "Does assessment sufficiently analyse how to support the child's\ndesistance?",
    "% Yes",
    "Does assessment focus on the child's strengths and protective factors?",
    "Does assessment analyse the key structural barriers facing the child?",
  ];
  const text = (lines: string[], figures: string[]) => boxes([...lines, "36", ...figures]);
  const isPrompt = (q: string) =>
    /\?$/.test(q) &&
    !/^Does (?:reviewing focus sufficiently on (?:supporting|keeping)|assessment sufficiently analyse)/.test(
      q,
    );
  const FIGURES = ["63%", "94%", "88%", "82%", "50%"];
  // The key question's "% Yes" is its table's header, no question cut short: the page pairs.
  expect(figuresOf(text(questions, FIGURES), questions.filter(isPrompt).map(asOneLine))).toEqual(
    FIGURES.map((f) => [f]),
  );
  expect(doc(text(questions, FIGURES)).warnings?.map((w) => w.message)).toContain(
    "5 percentages printed after their table's questions (63%, 94%, 88%, 82%, 50%) were paired with those questions in order",
  );
  // The next domain's heading among the tables, as a standard's is.
  const both = [...questions, ...nextDomain];
  const BOTH = [...FIGURES, "80%", "29%"];
  expect(figuresOf(text(both, BOTH), both.filter(isPrompt).map(asOneLine))).toEqual(BOTH.map((f) => [f]));
  expect(doc(text(both, BOTH)).lines.map((l) => l.cells)).toContainEqual([
    "Domain three: Out-of-court disposals",
  ]);
  // (One figure too few: nothing paired, the figures set aside.)
  const tooFew = doc(text(both, BOTH.slice(1)));
  expect(tooFew.lines.filter((l) => l.cells.length > 1)).toEqual([]);
  expect(tooFew.warnings?.map((w) => w.code)).toContain("figures-unplaced");
});

test("a figure column running on into the next table's heading, '22%' / '% Yes' (pdfminer): the heading is not put beside the figure, and the page pairs in order", () => {
  // Kirklees' annex as pdfminer writes a browser's page, cells centred: the questions of two
  // tables, then one column of both tables' figures with the second's heading among them.
  const prompts = [
    "Does planning set out the necessary controls and interventions to promote the safety of other people?",
    "Does planning set out necessary and effective contingency arrangements to manage those risks that\nhave been identified?",
    "Are the delivered services those most likely to support desistance, with sufficient attention given to\nsequencing and the available timescales?",
    "Does service delivery reflect the diversity and wider familial and social context of the child, involving\nparents/carers or significant others?",
  ];
  const written = normaliseLines(
    textSourceLines(
      boxes([
        // (A counts table with its headings wrapped earlier in the report: the only reports whose
        // headings are put back together.)
        "Of the 5 cases inspected:",
        "Relevant",
        "cases",
        "Number",
        "'Yes'",
        ...ASSESSMENT,
        ...["5", "5", "5", "5", "5", "4"],
        "Does planning focus sufficiently on keeping other people safe?",
        ...prompts.slice(0, 2),
        "2.3. Implementation and delivery",
        "Does the implementation and delivery of services effectively support the child's desistance?",
        ...prompts.slice(2),
        // Kirklees's own figures for these prompts (its report's annex).
        "50%",
        "22%",
        "% Yes",
        "95%",
        "86%",
      ]),
    ),
    "text",
  );
  const headed = wrappedColumnHeadings(written.lines, written.furniture);
  expect(headed.map((l) => l.cells)).toContainEqual(["22%"]);
  const rows = columnTables({ ...written, lines: headed }).lines.map((l) => l.cells);
  expect(rows.filter((r) => r.length > 1 && /%$/.test(r[1] as string))).toEqual(
    prompts.map((p, k) => [asOneLine(p), ["50%", "22%", "95%", "86%"][k]]),
  );
});

test("a table's last row read whole, the page's number and the next standard's heading, then that table's questions and their figure column (pdfminer): the figures paired in order", () => {
  // Tower Hamlets' annex as pdfminer writes a word processor's page: 2.2.3's last prompt and its
  // figure (a row read as a row), the page's number, 2.3's heading, its key questions and their
  // prompts, 2.4's heading (as the report prints it, "2. 4.") and its first prompts (the report
  // letters two of them d), then one column of all their figures (the report's own).
  const prompts = [
    "a) Are the delivered services those most likely to support desistance, with sufficient attention given to\nsequencing and the available timescales?",
    "b) Does service delivery account for the diversity issues of the child?",
    "c) Does service delivery reflect the wider familial and social context of the child, involving parents or\ncarers, or significant others?",
    "d) Does service delivery build upon the child's strengths and enhance protective factors?",
    "e) Is sufficient focus given to developing and maintaining an effective working relationship with the child\nand their parents or carers?",
    "f) Does service delivery promote opportunities for community integration, including access to services\npost-supervision?",
    "g) Is sufficient attention given to encouraging and enabling the child's compliance with the work of the\nYOT?",
    "h) Are enforcement actions taken when appropriate?",
    "a) Does service delivery promote the safety and wellbeing of the child?",
    "b) Is the involvement of other organisations in keeping the child safe sufficiently well-coordinated?",
    "a) Are the delivered services sufficient to manage and minimise the risk of harm?",
    "b) Is sufficient attention given to the protection of actual and potential victims?",
    "c) Is the involvement of other agencies in managing the risk of harm sufficiently well-coordinated?",
    "a) Does reviewing identify and respond to changes in factors linked to desistance?",
    "b) Does reviewing focus sufficiently on building upon the child's strengths and enhancing protective\nfactors?",
    "c) Does reviewing include analysis of, and respond to, diversity factors?",
    "d) Does reviewing consider the personal circumstances, including the wider familial and social context of\nthe child?",
    "d) Does reviewing consider motivation and engagement levels and any relevant barriers?",
    "e) Are the child and their parents or carers meaningfully involved in reviewing their progress and\nengagement, and are their views taken into account?",
  ];
  const FIGURES = ["88%", "88%", "100%", "94%", "100%", "94%", "88%", "69%", "69%", "63%"];
  FIGURES.push("56%", "50%", "56%", "88%", "81%", "63%", "88%", "81%", "81%");
  const page = (lastRow: string[]) =>
    boxes([
      ...lastRow,
      "35",
      "2.3. Implementation and delivery (court disposals)",
      "Does the implementation and delivery of services effectively support the child's desistance?",
      ...prompts.slice(0, 8),
      "Does the implementation and delivery of services effectively support the safety of the child?",
      ...prompts.slice(8, 10),
      "Does the implementation and delivery of services effectively support the safety of other people?",
      ...prompts.slice(10, 13),
      "2. 4. Reviewing (court disposals)",
      "Does reviewing focus sufficiently on supporting the child's desistance?",
      ...prompts.slice(13),
      ...FIGURES,
    ]);
  const row = [
    "e) Does planning set out necessary and effective contingency arrangements to manage those risks that\nhave been identified?",
    "63%",
  ];
  expect(figuresOf(page(row), prompts.map(asOneLine))).toEqual(FIGURES.map((f) => [f]));
  expect(doc(page(row)).warnings?.map((w) => w.message)).toContain(
    `19 percentages printed after their table's questions (${FIGURES.join(", ")}) were paired with those questions in order`,
  );
});

test("an annex page read a column at a time with two key questions' headings cut, a note and the page's number before the figure column (pdftotext): the figures paired in order, the headings whole", () => {
  // Tower Hamlets' annex as pdftotext writes it where its rows are set close: the page's
  // questions, the page's note, its number, then its figure column with the headings' last
  // letters at their rows ("fe?", "e safe?"). The note's marker is on the page before.
  const before = [
    "Work to keep children safe and other people safe was sufficient in most cases.",
    "Data from inspected cases:26",
    "2.1. Assessment (court disposals)",
    "Does assessment sufficiently analyse how to support the child's",
    "desistance?",
    "a) Does assessment sufficiently analyse diversity issues?",
    "b) Does assessment utilise information held by other agencies?",
    "",
    "33",
    "",
    "88%",
    "75%",
    "",
  ];
  const page = (figures: string[]) => [
    "\fInspection of youth offending services: Tower Hamlets and City of London",
    "",
    "Does assessment sufficiently analyse how to keep the child saf",
    "a) Does assessment clearly identify and analyse any risks to the",
    "safety and wellbeing of the child?",
    "b) Does assessment draw sufficiently on available sources of",
    "information, including other assessments, and involve other agencies",
    "where appropriate?",
    "Does assessment sufficiently analyse how to keep other people",
    "a) Does assessment clearly identify and analyse any risk of harm to",
    "others posed by the child, including identifying who is at risk and the",
    "nature of that risk?",
    "b) Does assessment analyse controls and interventions to manage",
    "and minimise the risk of harm presented by the child?",
    "2.2. Planning (court disposals)",
    "26 Some questions do not apply in all cases.",
    "",
    "34",
    "",
    ...figures,
    "",
  ];
  const prompts = [
    "a) Does assessment clearly identify and analyse any risks to the safety and wellbeing of the child?",
    "b) Does assessment draw sufficiently on available sources of information, including other assessments, and involve other agencies where appropriate?",
    "a) Does assessment clearly identify and analyse any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk?",
    "b) Does assessment analyse controls and interventions to manage and minimise the risk of harm presented by the child?",
  ];
  const FIGURES = ["fe?", "69%", "88%", "e safe?", "", "75%", "", "81%"];
  const text = (figures: string[]) => [...before, ...page(figures)].join("\n");
  expect(figuresOf(text(FIGURES), prompts)).toEqual([["69%"], ["88%"], ["75%"], ["81%"]]);
  const rows = doc(text(FIGURES)).lines.map((l) => l.flat);
  expect(rows).toContain("Does assessment sufficiently analyse how to keep the child safe?");
  expect(rows).toContain("Does assessment sufficiently analyse how to keep other people safe?");
  expect(doc(text(FIGURES)).warnings?.map((w) => w.message)).toContain(
    "4 percentages printed after their table's questions (69%, 88%, 75%, 81%) were paired with those questions in order",
  );
  // The second heading's letters a row early, or one figure too few: nothing on the page is paired.
  for (const figures of [
    ["fe?", "69%", "e safe?", "88%", "75%", "81%"],
    ["fe?", "69%", "88%", "e safe?", "75%"],
  ])
    expect(figuresOf(text(figures), prompts)).toEqual([]);
  // The heading's question mark alone in the column ("... keeping other people safe" | "?"): the same.
  const markAlone = text(FIGURES)
    .replace("keep other people\n", "keep other people safe\n")
    .replace("e safe?", "?");
  expect(figuresOf(markAlone, prompts)).toEqual([["69%"], ["88%"], ["75%"], ["81%"]]);
  expect(doc(markAlone).lines.map((l) => l.flat)).toContain(
    "Does assessment sufficiently analyse how to keep other people safe?",
  );
});

test("a table's first question wrapped, its column's heading between it and its figure (pdfminer): the row read with its figure, the heading before it; a heading after a row's figure is the next table's", () => {
  // Blackburn with Darwen's 2.1 as pdfminer writes it: the heading's box stands level with the
  // first question's first line, so it comes after the question's box and before its figure.
  const table = [
    "2.1. Assessment",
    "Our rating for assessment is based on the following key questions:",
    "Does assessment sufficiently analyse how to support the child's\ndesistance?",
    "% 'Yes'",
    "100%",
    "Does assessment sufficiently analyse how to keep the child safe?",
    "71%",
    "Does assessment sufficiently analyse how to keep other people safe?",
    "86%",
  ];
  const rows = doc(boxes(table)).lines.map((l) => l.cells);
  expect(rows).toContainEqual([
    "Does assessment sufficiently analyse how to support the child's desistance?",
    "100%",
  ]);
  const heading = rows.findIndex((r) => r[0] === "% 'Yes'");
  expect(heading).toBeLessThan(rows.findIndex((r) => r[1] === "100%"));
  // (The next rows, a question and its figure each, are the question parser's to read, as any.)
  // The heading after the row's figure, before the next table's questions: that table's. The row
  // before it keeps its own figure, the row after the heading is read as before.
  const next = [
    "Does planning include necessary contingency arrangements for those\nrisks that have been identified?",
    "0%",
    "3.3. Implementation and delivery",
    "% Yes",
    "Does service delivery support the child's desistance?",
  ];
  const after = doc(boxes(next)).lines;
  expect(after.filter((l) => l.cells.length > 1)).toEqual([]);
});

test("a counts table's questions running over a standard's heading, then its headings and counts: paired in order and said, as counts", () => {
  // (North Somerset's counts, pdftotext of rows set close: a key question heading one prompt, the
  // next standard's heading, one more prompt, then the columns' headings and their counts.)
  const d = doc(
    [
      "Does planning focus sufficiently on keeping other people safe?",
      "Does planning promote the safety of other people, sufficiently addressing risk of harm factors?",
      "2.3. Implementation and delivery",
      "Does service delivery promote the safety and wellbeing of the child?",
      "",
      "Relevant cases",
      "Number 'Yes'",
      "7",
      "6",
      "5",
      "5",
    ].join("\n"),
  );
  const rows = d.lines.map((l) => l.cells);
  expect(rows).toContainEqual([
    "Does planning promote the safety of other people, sufficiently addressing risk of harm factors?",
    "7",
    "6",
  ]);
  expect(rows).toContainEqual([
    "Does service delivery promote the safety and wellbeing of the child?",
    "5",
    "5",
  ]);
  expect(d.warnings?.map((w) => w.message)).toContain(
    "4 counts printed after their table's questions (7, 6, 5, 5) were paired with those questions in order",
  );
});
