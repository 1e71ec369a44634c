// Identity and ratings wording other reports use: lead inspectors, publication and fieldwork
// months, the foreword's overall rating, wrapped "Requires improvement" cells, service names and
// standard headings.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { coverAreas, parseIdentity } from "../parsers/identity.js";
import { provenanceOf } from "../parsers/lines.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import {
  overallRatingFromStatements,
  overallRatingStatements,
  parseRatingsTable,
  ratingNear,
} from "../parsers/ratings.js";
import { documentFromBytes } from "../parsers/read.js";
import { joinWrappedStandardNames, segment, standardHeading } from "../parsers/segment.js";
import { extractDocument, extractFile, partialReasons } from "../src/extract.js";
import { readText } from "./helpers/shared.js";

const linesOf = (text: string) => normaliseLines(textSourceLines(text), "text").lines;
const identity = (text: string) => parseIdentity(linesOf(text));
const table = (text: string) => {
  const lines = linesOf(text);
  return parseRatingsTable(lines, segment(lines));
};
const overallStated = (text: string) => {
  const lines = linesOf(text);
  return overallRatingStatements(lines, segment(lines)).map((s) => s.rating);
};

test.each([
  ["This inspection was led by HM Inspector Zoë Lane, supported by a team of inspectors.", "Zoë Lane"],
  [
    "This inspection was led by HM Inspector Seán O’Brien, supported by a team of inspectors.",
    "Seán O'Brien",
  ],
  [
    "This inspection was led by HM Inspector Jane de la Cruz, supported by a team of inspectors.",
    "Jane de la Cruz",
  ],
  [
    "This inspection was led by His Majesty's Inspector Jane Doe, supported by a team of inspectors.",
    "Jane Doe",
  ],
  [
    "This inspection was led by His Majesty’s Inspector Jane Doe, supported by a team of inspectors.",
    "Jane Doe",
  ],
  ["This inspection was led by HM inspector Jane Doe, supported by a team of inspectors.", "Jane Doe"],
  ["This inspection was led by HMI Jane Doe, supported by a team of inspectors.", "Jane Doe"],
  [
    "This inspection was led by HM Inspector Ann Lee. We would like to thank all those who helped.",
    "Ann Lee",
  ],
  ["The inspection was led by Piet van der Berg, His Majesty's Inspector.", "Piet van der Berg"],
  ["Lead inspector: Seán O'Brien", "Seán O'Brien"],
  ["The lead inspector was Jane Doe, supported by a team.", "Jane Doe"],
  ["This inspection was led by Zoë de la Cruz, supported by a team of inspectors.", "Zoë de la Cruz"],
  ["This inspection was led by Ann Lee. We would like to thank all those who helped.", "Ann Lee"],
  // The sentence wrapped at the name, as a PDF's lines are.
  ["This inspection was led by HM Inspector Jane\nDoe, supported by a team of inspectors.", "Jane Doe"],
  ["This inspection was led by HM Inspector\nJane Doe, supported by a team of inspectors.", "Jane Doe"],
  ["This inspection was led by\nJane Doe, supported by a team of inspectors.", "Jane Doe"],
  ["This inspection was led by HM Inspector Jane Doe\nand a team of inspectors.", "Jane Doe"],
  // A name of three words cut after its second: the third starts the next line.
  [
    "This inspection was led by HM Inspector Mary Ann\nSmith, supported by a team of inspectors.",
    "Mary Ann Smith",
  ],
  ["This inspection was led by HM Inspector Mary Ann\nSmith and a team of inspectors.", "Mary Ann Smith"],
  ["This inspection was led by Jane Mary\nde la Cruz, supported by a team.", "Jane Mary de la Cruz"],
  // A whole name at the line's end, the sentence unfinished: the next line is no part of it.
  ["This inspection was led by HM Inspector Jane Doe\nAcknowledgements\nWe thank the service.", "Jane Doe"],
  ["This inspection was led by HM Inspector Jane Doe\nThe role of HM Inspectorate of Probation", "Jane Doe"],
])("lead inspector: %s", (text, name) => {
  expect(identity(text).leadInspector).toBe(name);
});

test("a lead inspector's name read over a line's end cites both lines", () => {
  const found = identity(
    "Foreword\n\nThis inspection was led by HM Inspector Jane\nDoe, supported by a team.",
  );
  expect(found.provenance.leadInspector).toMatchObject({
    line: 3,
    snippet: "This inspection was led by HM Inspector Jane Doe, supported by a team.",
  });
  // A name whole on its line, its sentence going on, cites that line alone.
  const whole = identity("This inspection was led by HM Inspector Jane Doe, supported\nby a team.");
  expect(whole.provenance.leadInspector?.snippet).toBe(
    "This inspection was led by HM Inspector Jane Doe, supported",
  );
});

test("the inspectorate leading work is not a lead inspector", () => {
  expect(identity("The survey was led by HMI Probation's research team.").leadInspector).toBeNull();
  expect(identity("This inspection was led by HMI Probation, with Ofsted.").leadInspector).toBeNull();
  expect(identity("This inspection was led by The Youth Justice Board.").leadInspector).toBeNull();
  expect(
    identity("This inspection was led by Greater Manchester colleagues' findings.").leadInspector,
  ).toBeNull();
});

test.each([
  ["HM Inspectorate of Probation, 12 October 2021", "2021-10"],
  ["HM Inspectorate of Probation – October 2021", "2021-10"],
  ["His Majesty's Inspectorate of Probation, October 2023", "2023-10"],
  ["His Majesty’s Inspectorate of Probation\n\nMarch 2024", "2024-03"],
])("publication month: %s", (cover, month) => {
  const r = identity(`An inspection of youth justice services in\n\nNewtown\n\n${cover}\n\nContents`);
  expect(r.published).toBe(month);
  expect(r.area).toBe("Newtown");
});

test("the inspectorate's name followed by prose gives no publication month", () => {
  const r = identity(
    "An inspection of youth offending services in\n\nCroydon\n\nHM Inspectorate of Probation\n\nThis inspection was led by HM Inspector Yvonne McGuckian, supported by a team.",
  );
  expect(r.published).toBeNull();
  expect(r.leadInspector).toBe("Yvonne McGuckian");
});

test.each([
  ["Overall, Brighton & Hove YOS is rated as: 'Good'.", "Good"],
  ["Overall, St. Helens YOS is rated as: 'Good'.", "Good"],
  ["Overall, Bournemouth, Christchurch and Poole YOS is rated as: 'Outstanding'.", "Outstanding"],
  ["Overall, Sefton Youth Offending Services is rated as: 'Inadequate'.", "Inadequate"],
  ["Overall, Sefton YJT is rated as: 'Good'.", "Good"],
  // Quotes typed the wrong way round (an apostrophe opening the rating); a Welsh letter.
  ["Overall, Gwynedd Môn YJS was rated as ’Good’.", "Good"],
  [
    "Overall, Wirral YOS is rated as: 'requires improvement'. This rating has been determined.",
    "Requires improvement",
  ],
])("overall rating in the foreword: %s", (sentence, rating) => {
  expect(overallStated(`Foreword\n${sentence}`)).toEqual([rating]);
});

test("the overall rating stated in the foreword is the foreword's where the ratings table could not be read", () => {
  // A converter's text scrambled the table (pdfminer, rows set close): its heading is still
  // there, or else the recommendations after it.
  const where = (text: string) => {
    const lines = linesOf(text);
    return overallRatingStatements(lines, segment(lines)).map((s) => s.where);
  };
  const foreword = "Foreword\nOverall, North Somerset YOS is rated as: 'Good'.";
  const scrambled = "III rating\nOrganisational delivery\nGood\nRequires improvement";
  const summary = "Overall findings\nOverall, North Somerset Youth Offending Service is rated as: 'Good'.";
  expect(where(`${foreword}\nRatings\n${scrambled}\n${summary}\nRecommendations\nThe YOS should:`)).toEqual([
    "foreword",
    "summary",
  ]);
  expect(where(`${foreword}\n${scrambled}\nRecommendations\nThe YOS should:`)).toEqual(["foreword"]);
});

describe("the overall rating where the ratings table's row cannot be read (North Somerset)", () => {
  const ROW = "Overa\tIII rating\tGood\t";
  const FOREWORD = "Overall, North Somerset YOS was rated as 'Good'.";
  const northSomerset = async (...edits: [printed: string, damaged: string][]) => {
    let text = readFileSync(join(import.meta.dirname, "..", "corpus", "2020-12-north-somerset.txt"), "utf8");
    for (const [printed, damaged] of edits) {
      expect(text).toContain(printed);
      text = text.replace(printed, damaged);
    }
    return extractDocument(await documentFromBytes("north-somerset.txt", Buffer.from(text, "utf8")));
  };
  test("as printed, the table's", async () => {
    const record = await northSomerset();
    expect(record.overallRating).toBe("Good");
    expect(record.identityProvenance.overallRating?.snippet).toContain("III rating");
    expect(record.warnings.map((w) => w.code)).not.toContain("overall-rating-from-statement");
  });
  test("the row an image: the foreword's statement, said so", async () => {
    const record = await northSomerset([ROW, "Overa\tIII rating\t\t"]);
    expect(record.overallRating).toBe("Good");
    expect(record.identityProvenance.overallRating?.line).toBe(62);
    // The snippet is the stretch of the long paragraph that holds the statement.
    expect(record.identityProvenance.overallRating?.snippet).toMatch(
      /^….* Overall, North Somerset YOS was rated as 'Good'\.$/,
    );
    const warning = record.warnings.find((w) => w.code === "overall-rating-from-statement");
    expect(warning?.message).toContain("foreword");
    expect(warning?.provenance?.line).toBe(62);
    // No statement of the table's is made up.
    expect(record.ratingStatements.filter((r) => r.subject === "overall").map((r) => r.where)).toEqual([
      "foreword",
    ]);
  });
  test("the row an image and the foreword saying otherwise than a summary: none", async () => {
    const record = await northSomerset(
      [ROW, "Overa\tIII rating\t\t"],
      [FOREWORD, "Overall, North Somerset YOS was rated as 'Requires improvement'."],
      ["#### Recommendations", "Overall, North Somerset YOS was rated as 'Good'.\n\n#### Recommendations"],
    );
    expect(record.ratingStatements.filter((r) => r.subject === "overall").map((r) => r.rating)).toEqual([
      "Requires improvement",
      "Good",
    ]);
    expect(record.overallRating).toBeNull();
    expect(record.warnings.map((w) => w.code)).not.toContain("overall-rating-from-statement");
  });
});

test("a value's snippet from a long paragraph is the stretch that holds it", () => {
  const line = (raw: string) => ({ index: 0, line: 7, page: 2, raw, cells: [raw], flat: raw, markers: [] });
  const opening = "This inspection is part of our programme of inspections. ".repeat(10);
  const paragraph = `${opening}Overall, Anytown YOS was rated as 'Good'.`;
  expect(paragraph.length).toBeGreaterThan(600);
  const late = provenanceOf(line(paragraph), "Overall,").snippet;
  expect(late).toMatch(/^….* Overall, Anytown YOS was rated as 'Good'\.$/);
  // It starts at a word.
  expect(paragraph).toContain(` ${late.slice(1)}`);
  expect(late.length).toBeLessThanOrEqual(401);
  expect(late.length).toBeGreaterThan(380);
  // Without a focus, or with one near the start, the paragraph's first 400 characters.
  expect(provenanceOf(line(paragraph)).snippet).toBe(`${paragraph.slice(0, 400)}…`);
  expect(
    provenanceOf(line(`Overall, Anytown YOS was rated as 'Good'. ${opening}`), "Overall,").snippet,
  ).toMatch(/^Overall, Anytown .*…$/);
  // Words well after the start, not at the end: some words before them, the rest after.
  const middle = provenanceOf(
    line(`${opening}Overall, Anytown YOS was rated as 'Good'. ${opening}`),
    "Overall,",
  );
  expect(middle.snippet).toMatch(/^…(?:\S+ ){10,}Overall, Anytown YOS .*…$/);
  expect(middle).toMatchObject({ line: 7, page: 2 });
  expect(provenanceOf(line("Overall, short."), "Overall,").snippet).toBe("Overall, short.");
  // The focus inside the first 400 characters but the words it leads to past them (Kirklees'
  // foreword, "Overall" at 363: the snippet ended "was rated as 'Requ…"): the stretch around it.
  const nearEnd = `${opening.slice(0, 360)} Overall, Kirklees Youth Justice Service was rated as 'Requires improvement'. More.`;
  expect(provenanceOf(line(nearEnd), "Overall,").snippet).toMatch(
    /^….* Overall, Kirklees Youth Justice Service was rated as 'Requires improvement'\. More\.$/,
  );
  // The focus found in any case: "fieldwork" at a sentence's start.
  expect(provenanceOf(line(`${opening}Fieldwork began on 3 May 2021.`), "fieldwork").snippet).toMatch(
    /Fieldwork began on 3 May 2021\.$/,
  );
});

test("the report's own statements of its overall rating: the foreword's first, none where they disagree", () => {
  const at = (line: number) => ({ line, page: null, snippet: "Overall, ..." });
  const summary = { subject: "overall", rating: "Good", where: "summary", provenance: at(90) } as const;
  const foreword = { subject: "overall", rating: "Good", where: "foreword", provenance: at(40) } as const;
  const table = {
    subject: "overall",
    rating: "Inadequate",
    where: "ratings-table",
    provenance: at(60),
  } as const;
  const standard = { subject: "2.1", rating: "Inadequate", where: "section", provenance: at(200) } as const;
  expect(overallRatingFromStatements([summary, foreword, standard, table])).toBe(foreword);
  expect(overallRatingFromStatements([summary, standard])).toBe(summary);
  expect(overallRatingFromStatements([{ ...summary, rating: "Outstanding" }, foreword])).toBeNull();
  expect(overallRatingFromStatements([standard, table])).toBeNull();
});

test("the overall rating on the line after 'is rated as:', a lead-in kept apart (pdftotext, A5 pages)", () => {
  const text = [
    "Overall findings",
    "Overall, Croydon Youth Offending Service (YOS) is rated as:",
    "Requires improvement. This rating has been determined by",
    "inspecting the youth offending services in three domains of their",
    "work. The findings in those domains are described below.",
  ].join("\n");
  const lines = linesOf(text);
  expect(lines[1]?.flat).toMatch(/rated as:$/);
  const [statement] = overallRatingStatements(lines, segment(lines));
  expect(statement?.rating).toBe("Requires improvement");
  // Its provenance shows the two lines.
  expect(statement?.provenance).toMatchObject({ line: 2 });
  expect(statement?.provenance.snippet).toMatch(/rated as: Requires improvement\. This rating/);
  // A colon that ends the line with no rating after it gives none.
  expect(
    overallStated("Overall findings\nOverall, Croydon YOS is rated as:\nThe findings are below."),
  ).toEqual([]);
});

test("an aspect of work rated overall is not the service's rating", () => {
  expect(overallStated("Foreword\nOverall, this aspect of work was rated as 'Good'.")).toEqual([]);
});

test("'Requires improvement' wrapped over two lines on a standard row and the overall row", () => {
  const t = table(
    [
      "Ratings",
      "Sefton Youth Offending Service",
      "Fieldwork started: May 2022",
      "Overall rating\tRequires",
      "\timprovement",
      "1.\tOrganisational delivery",
      "1.1\tGovernance and leadership\tRequires",
      "\timprovement*",
      "1.2\tStaff\tGood",
      "Recommendations",
    ].join("\n"),
  );
  expect(t.overallRating).toBe("Requires improvement");
  expect(t.rows.get("1.1")).toMatchObject({ rating: "Requires improvement", marker: "*" });
  expect(t.rows.get("1.2")?.rating).toBe("Good");
});

test("a row whose rating OCR misread takes no rating from the next row, whose number it misread too", () => {
  const t = table(
    [
      "Ratings",
      "Kirklees youth justice service",
      "Overall rating\tRequires improvement",
      "2.\tCourt disposals",
      "2.3\tImplementation and delivery\tGod",
      "24 —\tReviewng\tInadequate",
      "3.4°\tJoint working\tInadequate",
      "Recommendations",
    ].join("\n"),
  );
  expect(t.rows.get("2.3")?.rating ?? null).toBeNull();
});

describe("a section's 'Requires improvement' wrapped in its cell beside the standard's statement (pdftotext)", () => {
  const STATEMENT =
    "Staff within the YOT are empowered to deliver a high-quality, personalised and responsive service";
  const sectionRating = (text: string) => {
    const lines = linesOf(`1.2. Staff\n${text}\nKey staffing data`);
    const heading = standardHeading(lines[0] as (typeof lines)[number]);
    return heading ? (ratingNear(lines, heading, lines.length)?.rating ?? null) : "no heading";
  };
  test.each([
    [
      "its first word where the prose's first line ends, its second alone",
      `${STATEMENT} Requires\nfor all children.\nimprovement`,
    ],
    ["the prose's lines joined round its first word", `${STATEMENT} Requires for all children.\nimprovement`],
    [
      "its second word in a cell beside the joined prose (-layout)",
      `${STATEMENT} Requires for all children.\timprovement`,
    ],
    [
      "its second word a cell among the prose's next words (pdftotext, A5 pages)",
      `${STATEMENT} Requires\nenabling personalised provision for all\timprovement\tchildren.`,
    ],
    // Tower Hamlets' 1.2, its prose and cell wrapped beside each other:
    [
      "the prose's lines and the cell's run into one line (a paragraph a line)",
      "Staff within the YOT are empowered to deliver a high-quality, Requires personalised and responsive service for all children. improvement",
    ],
    [
      "the cell glued to the prose's lines (pdf-parse 1.x)",
      "Staff within the YOT are empowered to deliver a high-quality,Requires\npersonalised and responsive service for all children.improvement",
    ],
  ])("%s", (_, text) => {
    expect(sectionRating(text)).toBe("Requires improvement");
  });
  test("the prose's own 'requires' is no rating", () => {
    expect(sectionRating(`${STATEMENT} that requires\nfor all children.\nimprovement`)).toBeNull();
    expect(sectionRating(`${STATEMENT} that requires\nfor all\timprovement\tchildren.`)).toBeNull();
    expect(sectionRating(`${STATEMENT} that requires for all children. improvement`)).toBeNull();
  });
});

describe("a section's rating box written after its list of key questions (pdfminer, a text box at a time)", () => {
  const section = (...after: string[]) => {
    const lines = linesOf(
      [
        "3.1. Assessment",
        "Assessment is well-informed, analytical and personalised,",
        "actively involving the child and their parents or carers.",
        "Our rating21 for assessment is based on the following key questions:",
        "Does assessment sufficiently analyse how to support the child's desistance?",
        "Does assessment sufficiently analyse how to keep the child safe?",
        ...after,
      ].join("\n"),
    );
    const heading = standardHeading(lines[0] as (typeof lines)[number]);
    const found = heading ? ratingNear(lines, heading, lines.length) : null;
    return found ? [found.rating, found.line.flat] : null;
  };
  test.each([
    [
      ["Requires", "improvement", "% 'Yes'"],
      ["Requires improvement", "Requires"],
    ],
    [
      ["Good", "% 'Yes'", "88%"],
      ["Good", "Good"],
    ],
  ])("%j", (after, expected) => {
    expect(section(...after)).toEqual(expected);
  });
  test("not after a figure of the table, nor after prose", () => {
    expect(
      section("Does assessment sufficiently analyse how to keep other people safe?\t81%", "Good"),
    ).toBeNull();
    expect(section("The work was done well in most cases.", "Good")).toBeNull();
  });
});

test.each([
  ["Fieldwork started 10th October 2022", "2022-10"],
  ["Fieldwork started Oct 2022", "2022-10"],
  ["Fieldwork started: 1st Sept. 2021", "2021-09"],
])("fieldwork month: %s", (fieldwork, month) => {
  const t = table(
    `Ratings\nSefton Youth Offending Service\n${fieldwork}\nOverall rating\tGood\nRecommendations`,
  );
  expect(t.fieldworkStart).toBe(month);
});

test.each([
  ["Sefton Youth Offending Services", "Sefton Youth Offending Services"],
  ["Leeds Youth Justice Services\tScore 20/36", "Leeds Youth Justice Services"],
  ["Sefton YJT", "Sefton YJT"],
  // An OCR'd scan's text layer spaces words as it measured them: a gap between the area's name
  // and the service's words may be read as a column's (North Somerset's scan, our PDF reader).
  [
    "North Somerset\tYouth Offending Service\t\tnerset Youth Offending Service Score",
    "North Somerset Youth Offending Service",
  ],
  ["Blackburn with Darwen\tYouth Justice Service", "Blackburn with Darwen Youth Justice Service"],
  // The name's cell run into a damaged copy of itself, the gap between them lost (pdf-parse 1.x
  // glues cells): the name once. A name that says service words twice, with a gap, stays whole.
  [
    "North Somerset Youth Offending Servicenerset Youth Offending Service Score",
    "North Somerset Youth Offending Service",
  ],
  ["Sefton YOTSefton YOT", "Sefton YOT"],
  // Wrapped over three lines, the copy glued to the second (pypdf): the name once, not "Offending
  // Servicenerset ...".
  [
    "North Somerset Youth\nOffending Servicenerset Youth Offending\nService Score",
    "North Somerset Youth Offending Service",
  ],
  [
    "North Somerset Youth Offending \nServicenerset Youth Offending Service \nScore",
    "North Somerset Youth Offending Service",
  ],
  ["Anytown Youth Justice Service and Youth Offending Service", "Anytown Youth Justice Service"],
  ["Bath and North East Somerset\tYOT", "Bath and North East Somerset YOT"],
  // (Not a cell that is no area's name: the service's words alone, as printed.)
  ["Inspection 2020\tYouth Offending Service", "Youth Offending Service"],
  ["Ratings:\tYouth Offending Service", "Youth Offending Service"],
])("service name: %s", (name, expected) => {
  const t = table(`Ratings\n${name}\nFieldwork started April 2022\nOverall rating\tGood\nRecommendations`);
  expect(t.serviceName).toBe(expected);
});

test("the ratings table's service name unreadable: the name the recommendations address it by", async () => {
  const text = readFileSync(
    join(import.meta.dirname, "..", "corpus", "2023-01-blackburn-with-darwen.txt"),
    "utf8",
  );
  // Line 112, the table's heading row, as a converter that lost its first cell gives it.
  const damaged = text.replace("Blackburn with Darwen Youth Justice Service Fieldwork", "Fieldwork");
  expect(damaged).not.toBe(text);
  const record = extractDocument(await documentFromBytes("blackburn.txt", Buffer.from(damaged)));
  expect(record.serviceName).toBe("Blackburn with Darwen Youth Justice Service");
  expect(record.identityProvenance.serviceName).toMatchObject({
    line: 139,
    snippet: "The Blackburn with Darwen Youth Justice Service should:",
  });
  // Not the board's ("... Service Management Board should:", line 146), nor another area's.
  const boardOnly = damaged.replace(
    "The Blackburn with Darwen Youth Justice Service should:",
    "The YJS should:",
  );
  expect(
    extractDocument(await documentFromBytes("blackburn.txt", Buffer.from(boardOnly))).serviceName,
  ).toBeNull();
});

test.each([
  ["Blackburn with Darwen Youth Justice\nService Fieldwork started October 2022\tScore\t29/36"],
  // (The score's cell centred beside the name's two lines, between them: our PDF reader of a
  // table whose rows sit close.)
  ["Blackburn with Darwen Youth Justice\nScore\t29/36\nService Fieldwork started October 2022"],
])("a service name wrapped in its cell: %s", (rows) => {
  const t = table(`Ratings\n${rows}\nOverall rating\tGood\nRecommendations`);
  expect([t.serviceName, t.statedScore, t.fieldworkStart]).toEqual([
    "Blackburn with Darwen Youth Justice Service",
    29,
    "2022-10",
  ]);
});

test.each([
  ["2.1Assessment\tGood", "2.1", "Assessment"],
  ["2.1: Assessment\tGood", "2.1", "Assessment"],
  ["1.3 Partnerships & services\tGood", "1.3", "Partnerships and services"],
  ["2.3 Implementation & delivery\tGood", "2.3", "Implementation and delivery"],
])("standard heading: %s", (text, id, name) => {
  const [line] = linesOf(text);
  const h = line ? standardHeading(line) : null;
  expect([h?.id, h?.definition.name, h?.rest]).toEqual([id, name, "Good"]);
});

test("a key question's number is not a standard heading", () => {
  const [line] = linesOf("2.1.1 Does assessment sufficiently analyse how to support the child's desistance?");
  expect(line ? standardHeading(line) : "no line").toBeNull();
});

test("a ratings table without a legible 'Overall rating' row is read from its run of standard rows", () => {
  const rows = [
    ["1.1", "Governance and leadership", "Good"],
    ["1.2", "Staff", "Outstanding"],
    ["1.3", "Partnerships and services", "Good"],
    ["1.4", "Information and facilities", "Requires improvement"],
    ["2.1", "Assessment", "Good"],
    ["2.2", "Planning", "Inadequate"],
    ["2.3", "Implementation and delivery", "Good"],
    ["2.4", "Reviewing", "Good"],
    ["3.1", "Assessment", "Outstanding"],
  ];
  const text = [
    "Ratings",
    "Anytown Youth Justice Service\tFieldwork started May 2022\tScore\t21/36",
    // The overall row as an image, or damaged past reading:
    "O\u00a0ra ll rat ng\tGood",
    ...rows.map((r) => r.join("\t")),
    "",
    "Recommendations",
    "",
    "2.1. Assessment",
    "Assessment is well-informed.",
  ].join("\n");
  const t = table(text);
  expect(t.overallRating).toBeNull();
  expect(t.serviceName).toBe("Anytown Youth Justice Service");
  expect(t.fieldworkStart).toBe("2022-05");
  expect(t.statedScore).toBe(21);
  // The score in words: "Score 21 out of 36".
  expect(table(text.replace("Score\t21/36", "Score 21 out of 36")).statedScore).toBe(21);
  expect(t.rows.get("2.2")?.rating).toBe("Inadequate");
  expect(t.rows.get("1.4")?.rating).toBe("Requires improvement");
  expect(t.warnings.map((w) => w.code)).toContain("overall-row-missing");
  // The body's own section starts after the table, not at the table's row.
  const lines = linesOf(text);
  const seg = segment(lines);
  expect(lines[seg.sections.get("2.1")?.start ?? -1]?.flat).toBe("2.1. Assessment");
});

test("standard headings pages apart (2019 reports rate a standard on its heading) are not a ratings table", () => {
  const sections = [
    "1.1 Governance and leadership Good",
    "1.2 Staff Good",
    "1.3 Partnerships and services Good",
  ]
    .concat(["1.4 Information and facilities Good", "2.1 Assessment Good", "2.2 Planning Good"])
    .concat(["2.3 Implementation and delivery Good", "2.4 Reviewing Good", "3.1 Assessment Good"]);
  const prose = Array.from({ length: 8 }, (_, i) => `Paragraph ${i} of the section's findings.`);
  const text = sections.flatMap((heading) => [heading, ...prose]).join("\n");
  const t = table(text);
  expect(t.rows.size).toBe(0);
  expect(t.warnings.map((w) => w.code)).toContain("ratings-table-missing");
});

test("a ratings table whose cells' lines come one after another (pdf-parse's getText): names and ratings rejoin", () => {
  // (3.4's number is a cell of its own, a tab after it, as getText writes a row's cells.)
  const text = [
    "Ratings",
    "Newtown Youth Justice Service",
    "Fieldwork started:",
    "July 2019",
    "Overall rating",
    "Requires improvement",
    "1. Organisational delivery",
    "1.1 Governance and",
    "leadership",
    "Requires",
    "improvement",
    "1.2 Staff Good",
    "1.3 Partnerships and",
    "services",
    "Good",
    "2.3 Implementation and",
    "delivery",
    "Outstanding*",
    "3.4 \tOut-of-court disposal policy and",
    "provision",
    "Inadequate",
    "Recommendations",
  ].join("\n");
  const lines = joinWrappedStandardNames(linesOf(text));
  expect(lines.map((l) => l.flat)).toContain("1.1 Governance and leadership");
  expect(lines.map((l) => l.flat)).toContain("3.4 Out-of-court disposal policy and provision");
  const read = parseRatingsTable(lines, segment(lines));
  expect([...read.rows].map(([id, r]) => [id, r.rating, r.marker])).toEqual([
    ["1.1", "Requires improvement", null],
    ["1.2", "Good", null],
    ["1.3", "Good", null],
    ["2.3", "Outstanding", "*"],
    ["3.4", "Inadequate", null],
  ]);
  // A line that only starts like a standard's name, and goes on otherwise, is left alone.
  const other = joinWrappedStandardNames(linesOf("1.1 Governance and\npartnership work was reviewed"));
  expect(other.map((l) => l.flat)).toEqual(["1.1 Governance and", "partnership work was reviewed"]);
});

test("a ratings table as pypdf writes it (names and ratings wrapped, a name's last words glued to its rating): the table runs to its last row, a wrapped name's rating kept, wrapped or not", () => {
  // Croydon's ratings table, pypdf of the default PDF, the glued cells parted by tabs.
  const text = [
    "Service: Croydon",
    "Croydon Youth Justice Service",
    "Fieldwork started:",
    "July 2019",
    "Overall rating",
    "Requires improvement",
    "1. Organisational delivery",
    "1.1 Governance and",
    "leadership\tRequires",
    "improvement",
    "1.2 Staff Good",
    "1.3 Partnerships and",
    "services\tRequires",
    "improvement",
    "1.4 Information and",
    "facilities\tRequires",
    "improvement",
    "2. Court disposals",
    "2.1 Assessment Outstanding*",
    "2.2 Planning Good",
    "2.3 Implementation and",
    "delivery\tGood",
    "2.4 Reviewing Good",
    "3. Out-of-court disposals",
    "3.1 Assessment Inadequate",
    "3.2 Planning Inadequate",
    "3.3 Implementation and",
    "delivery\tInadequate",
    "3.4 Joint working Good",
    "Recommendations",
    "As a result of our inspection findings, we have made four recommendations.",
  ].join("\n");
  const lines = joinWrappedStandardNames(linesOf(text));
  expect(lines.map((l) => l.cells)).toContainEqual(["2.3 Implementation and delivery", "Good"]);
  expect(lines.map((l) => l.cells)).toContainEqual(["1.1 Governance and leadership", "Requires improvement"]);
  const seg = segment(lines);
  expect(lines[(seg.ratingsEnd as number) - 1]?.flat).toBe("3.4 Joint working Good");
  // A cell after the name's last words that is no rating, whole or with the next line: not joined.
  const prose = joinWrappedStandardNames(
    linesOf("1.1 Governance and\nleadership\tRequires\nattention from the board"),
  );
  expect(prose.map((l) => l.flat)).toEqual([
    "1.1 Governance and",
    "leadership Requires",
    "attention from the board",
  ]);
  // (No standard row read as a body section's heading.)
  expect(seg.sections.size).toBe(0);
  const read = parseRatingsTable(lines, seg);
  const ids = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"];
  expect(ids.map((id) => read.rows.get(id)?.rating)).toEqual([
    "Requires improvement",
    "Good",
    "Requires improvement",
    "Requires improvement",
    "Outstanding",
    "Good",
    "Good",
    "Good",
    "Inadequate",
    "Inadequate",
    "Inadequate",
    "Good",
  ]);
});

test("a row's rating followed by a stray rating (cells read out of their rows) is left unread, with a warning", () => {
  // pdftotext without -layout put 2.4's "Good" after 3.4's row, before 3.4's own "Outstanding".
  const text = [
    "Ratings",
    "Overall rating\tGood",
    "2.3\tImplementation and delivery\tGood",
    "2.4\tReviewing",
    "3.3\tImplementation and delivery\tGood",
    "3.4\tJoint working\tGood",
    "Outstanding",
    "",
    "Recommendations",
  ].join("\n");
  const t = table(text);
  expect(t.rows.get("2.3")?.rating).toBe("Good");
  expect(t.rows.get("3.3")?.rating).toBe("Good");
  expect(t.rows.get("3.4")?.rating).toBeNull();
  expect(t.rows.get("2.4")?.rating).toBeNull();
  expect(t.warnings.filter((w) => w.code === "rating-ambiguous").map((w) => w.provenance?.line)).toEqual([7]);
  // In order, the same rows are read.
  expect(table(text.replace("Good\nOutstanding", "Outstanding")).rows.get("3.4")?.rating).toBe("Outstanding");
});

describe("a standard the report does not rate (resettlement where there were no resettlement cases)", () => {
  const TOWER = join(import.meta.dirname, "..", "corpus", "2022-07-tower-hamlets-and-city-of-london.txt");
  const TMP = join(import.meta.dirname, ".tmp", "not-rated");
  const text = readFileSync(TOWER, "utf8");
  // Tower Hamlets without its resettlement section (lines 1056-1118) and its table rows for domain 4.
  const lines = text.split("\n");
  const withoutResettlement = (row: (line: string) => string | null) =>
    lines
      .filter((_, i) => i + 1 < 1056 || i + 1 >= 1119)
      .map((l) => (l.startsWith("4.1\tResettlement") ? row(l) : l))
      .filter((l): l is string => l !== null)
      .join("\n");
  const read = async (name: string, body: string) => {
    mkdirSync(TMP, { recursive: true });
    writeFileSync(join(TMP, name), body);
    const r = await extractFile(join(TMP, name));
    return {
      rating: r.standards.find((s) => s.id === "4.1")?.rating,
      completeness: `${r.completeness.standards.found}/${r.completeness.standards.expected}`,
      note: r.completeness.standards.note,
      warnings: r.warnings.filter((w) => w.message.includes("4.1")).map((w) => [w.code, w.provenance?.line]),
    };
  };

  test("its ratings-table row says 'Not applicable': not rated, not missing", async () => {
    expect(
      await read(
        "row.txt",
        withoutResettlement(() => "4.1\tResettlement policy and provision\tNot applicable"),
      ),
    ).toEqual({
      rating: null,
      completeness: "12/12",
      note: "not rated by the report: 4.1",
      warnings: [["standard-not-rated", 105]],
    });
  });

  test("a sentence says so, the table having no row for it: not rated, not missing", async () => {
    const body = withoutResettlement(() => null).replace(
      "Annexe 1: Methodology",
      "There were no children in custody or on licence, so we did not rate resettlement policy and provision.\n\nAnnexe 1: Methodology",
    );
    const r = await read("sentence.txt", body);
    expect(r).toMatchObject({ rating: null, completeness: "12/12", note: "not rated by the report: 4.1" });
    expect(r.warnings.map((w) => w[0])).toEqual(["standard-not-rated"]);
  });

  test("nothing says so: the rating is missing", async () => {
    expect(
      await read(
        "silent.txt",
        withoutResettlement(() => null),
      ),
    ).toEqual({
      rating: null,
      completeness: "12/13",
      note: null,
      warnings: [
        ["table-rating-missing", undefined],
        ["section-missing", undefined],
      ],
    });
  });

  test("a rule stated in general does not withhold a rating the report gives", async () => {
    const body = text.replace(
      "Annexe 1: Methodology",
      "Resettlement is not rated where there were no resettlement cases.\n\nAnnexe 1: Methodology",
    );
    expect(await read("rated.txt", body)).toEqual({
      rating: "Requires improvement",
      completeness: "13/13",
      note: null,
      warnings: [],
    });
  });
});

test("the contents' annex entries written with a single space before their page numbers, its heading lost, are no annexes (pdftotext -raw)", async () => {
  const name = "2019-croydon.txt";
  const text = readFileSync(join(import.meta.dirname, "..", "corpus", name), "utf8");
  const entries = /^Annex\t(\d) – (.+)\t(\d+)$/gm;
  expect(text.match(entries)).toHaveLength(3);
  const damaged = text.replace(/^Contents$/m, "").replace(entries, "Annex $1 – $2 $3");
  const dir = join(import.meta.dirname, "..", "out", "test-contents");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), damaged);
  const [original, read] = [await extractFile(join("corpus", name)), await extractFile(join(dir, name))];
  const sections = (r: typeof original) => r.standards.map((s) => [s.id, s.sectionFound, s.sectionRating]);
  expect(sections(read)).toEqual(sections(original));
  // (Croydon's 3.4 heading is damaged in the corpus text itself: the other eleven.)
  expect(sections(read).filter(([, found]) => found)).toHaveLength(11);
});

test("a rating's note whose first line ends a sentence, its next on the lines straight after it, is the whole note (a browser's print on A5 pages)", async () => {
  // North Somerset's 3.3: "Good" with note 24, the note printed where it is referred to and
  // wrapped after its first sentence, as every reader writes the browser's A5 print. The
  // second sentence had been taken alone for the note, from the section's lines.
  const FIRST =
    "Due to the size of the sample, performance in one case adversely affected the rating for this standard.";
  const REST =
    "Overall, implementation and delivery was strong, and the ratings panel agreed to apply professional discretion to uplift the rating for this standard to Good.";
  const NOTE = `<sup>&</sup>lt;sup>24</sup> ${FIRST} ${REST}`;
  const implementation = async (note: string) => {
    const text = readFileSync(
      join(import.meta.dirname, "..", "corpus", "2020-12-north-somerset.txt"),
      "utf8",
    );
    expect(text).toContain(`Good<sup>24</sup>\n\n${NOTE}\n`);
    const record = extractDocument(
      await documentFromBytes("north-somerset.txt", Buffer.from(text.replace(NOTE, note), "utf8")),
    );
    const s = record.standards.find((standard) => standard.id === "3.3");
    return [s?.marker, s?.discretion, s?.discretionNote];
  };
  expect(await implementation(NOTE)).toEqual(["24", true, `${FIRST} ${REST}`]);
  const wrapped = `<sup>&</sup>lt;sup>24</sup> ${FIRST}\n${REST.replace(" standard to Good.", "\nstandard to Good.")}`;
  expect(await implementation(wrapped)).toEqual(["24", true, `${FIRST} ${REST}`]);
  // (A blank line after the note's first line sets the next apart as a paragraph of the body's:
  // not joined, and that line, explaining discretion, is the note found in the section, as before.)
  const apart = `<sup>&</sup>lt;sup>24</sup> ${FIRST}\n\n${REST}`;
  expect(await implementation(apart)).toEqual(["24", true, REST]);
});

describe("a rating's footnote marker that the converter lost or misread (North Somerset, 3.2)", () => {
  const RATING = "Good<sup>20</sup>";
  const NOTE = "<sup>&</sup>lt;sup>20</sup> Planning was judged";
  const RATING_RULE =
    "The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band. See Annexe 1 for a more detailed explanation.";
  const planning = async (...edits: [printed: string, damaged: string][]) => {
    let text = readFileSync(join(import.meta.dirname, "..", "corpus", "2020-12-north-somerset.txt"), "utf8");
    for (const [printed, damaged] of edits) {
      expect(text).toContain(printed);
      text = text.replace(printed, damaged);
    }
    const record = extractDocument(await documentFromBytes("north-somerset.txt", Buffer.from(text, "utf8")));
    const s = record.standards.find((standard) => standard.id === "3.2");
    return [s?.marker, s?.discretion, s?.discretionNote?.slice(0, 27)];
  };
  test("as printed", async () => {
    expect(await planning()).toEqual(["20", true, "Planning was judged to be s"]);
  });
  test("misread by OCR ('Good”'), its note's number opening the note's line: the number is the marker", async () => {
    expect(await planning([RATING, "Good”"], [NOTE, "20 Planning was judged"])).toEqual([
      "20",
      true,
      "Planning was judged to be s",
    ]);
  });
  test("glued on as plain digits ('Good20')", async () => {
    expect(await planning([RATING, "Good20"])).toEqual(["20", true, "Planning was judged to be s"]);
  });
  test("lost, the notes' numbers written apart before both notes (pdfminer): no marker is guessed", async () => {
    const notes = await planning(
      [RATING, "Good"],
      ["Our rating<sup>21</sup>", "Our rating21"],
      [NOTE, "20\n\n21\n\nPlanning was judged"],
      // (Note 21 ends the page: a page's notes are read where it ends.)
      [`<sup>&</sup>lt;sup>21</sup> ${RATING_RULE}`, `${RATING_RULE}\n\f`],
    );
    expect(notes).toEqual([null, true, "Planning was judged to be s"]);
  });
});

test.each([
  [
    "Research & Analysis Bulletin 2021/05",
    "a research and analysis bulletin, on findings across inspections",
  ],
  ["HM Inspectorate of Probation Academic Insights 2021/09", "an Academic Insights paper"],
  ["Effective practice guide: out-of-court disposals", "an effective practice guide"],
  [
    "A joint thematic inspection of youth justice services' work with girls",
    "a thematic inspection, across services",
  ],
  ["Thematic Inspection", "a thematic inspection, across services"],
  [
    "Annual report: inspection of youth offending services (2019-2020)",
    "the inspectorate's annual report across its inspections",
  ],
])("another publication of the inspectorate is refused by its cover: %s", async (cover, is) => {
  // A ratings table and youth offending services named throughout: only the cover tells it.
  const text = `${cover}\n\nHM Inspectorate of Probation, May 2021\n\nRatings\nNewtown Youth Offending Service\nOverall rating\tGood\n1.1\tGovernance and leadership\tGood\n2.1\tAssessment\tGood\n\nThe YOS, the YOT and youth justice services (YJS) were inspected; the YOS said so.\n`;
  await expect(documentFromBytes("other.txt", Buffer.from(text)).then(extractDocument)).rejects.toThrow(
    `other.txt: not a youth offending service inspection report (it is ${is} (line 1), not one service's inspection)`,
  );
});

/** A corpus report with `inserted` put in after its first `at` lines, and its record. */
async function corpusWithLines(name: string, at: number, inserted: string[]) {
  const lines = readFileSync(join(import.meta.dirname, "..", "corpus", name), "utf8").split("\n");
  const text = [...lines.slice(0, at), ...inserted, ...lines.slice(at)].join("\n");
  return { text, record: extractDocument(await documentFromBytes(name, Buffer.from(text))) };
}

test("a report that names such a publication below its cover is read", async () => {
  // Past the cover's first forty lines, a reference to a bulletin at the start of a line.
  const { record } = await corpusWithLines("2019-croydon.txt", 60, [
    "Research & Analysis Bulletin 2019/01 found the same.",
  ]);
  expect([record.area, record.overallRating]).toEqual(["Croydon", "Requires improvement"]);
});

test("an inspection of the programme before the 2018 standards is refused by its cover; a report recalling one is read", async () => {
  for (const cover of [
    "Full Joint Inspection",
    "Short Quality Screening of youth offending work in Oldtown",
    "Report on youth offending work in: Oldtown",
  ]) {
    const text = `${cover}\n\nOldtown\n\nAn inspection led by HMI Probation, May 2016\n\nScoring summary\nReducing reoffending\t70%\nProtecting the public\t65%\nGovernance and partnerships\tSatisfactory\n\n1.1 Governance and leadership\nThe youth offending service (YOS) board meets monthly.\n`;
    await expect(documentFromBytes("old.txt", Buffer.from(text)).then(extractDocument)).rejects.toThrow(
      `old.txt: an inspection of youth offending work of HMI Probation's programme before the 2018 standards (line 1: '${cover.slice(0, 60)}'), which rates no standards 1.1 to 4.1`,
    );
  }
  // A sentence of a report's opening recalling the last inspection is no cover.
  const { record } = await corpusWithLines("2019-croydon.txt", 10, [
    "Full Joint Inspection of youth offending work in Croydon in 2016 found the work to protect the public to be poor; we found it much improved.",
  ]);
  expect([record.area, record.overallRating]).toEqual(["Croydon", "Requires improvement"]);
});

test("a report whose cover names its area, its ratings and figures unread (tables set as pictures), is loaded in part, not refused", async () => {
  const text = [
    "An inspection of youth offending services in",
    "Newtown",
    "HM Inspectorate of Probation, May 2021",
    "This inspection was led by HM Inspector Jane Smith, supported by a team of inspectors.",
    "1.1. Governance and leadership",
    "The Newtown YOS board meets monthly; the YOT's partners attend, and the youth justice plan is current.",
    "2.1. Assessment",
    "Assessment of the child's desistance was thorough in the YOS's court cases.",
  ].join("\n");
  const record = extractDocument(await documentFromBytes("pictures.txt", Buffer.from(text)));
  expect([record.area, record.overallRating, record.leadInspector]).toEqual(["Newtown", null, "Jane Smith"]);
  expect(partialReasons(record)).toContain("no ratings table");
});

test("a report's cover printed twice, and a sentence opening with another area's report title, leave one report", async () => {
  const { text, record } = await corpusWithLines("2021-10-kirklees.txt", 15, [
    // The title page after the cover's picture; a re-inspection's reference to another report.
    "An inspection of youth offending services in",
    "Kirklees",
    "An inspection of youth offending services in Leeds, published in 2020, found the same.",
  ]);
  expect([record.area, record.overallRating]).toEqual(["Kirklees", "Requires improvement"]);
  const covers = coverAreas(normaliseLines(textSourceLines(text), "text").lines);
  expect(covers.map((c) => c.area)).toEqual(["Kirklees"]);
});

test("a ratings table written a cell a line in a text whose other tables keep their rows (an OCR'd scan, pdftotext) is read row by row", async () => {
  // Kirklees' ratings table, each row's number, name and rating on lines of their own, a blank
  // line between ("Requires" / "improvement" wrapped in 1.2's cell); the rest of the text as
  // printed, its tables' rows whole.
  const text = readFileSync(join(import.meta.dirname, "..", "corpus", "2021-10-kirklees.txt"), "utf8");
  const rows = text.match(/^\d\.\d\t[^\n]+\t$/gm) ?? [];
  expect(rows).toHaveLength(12);
  let celled = text;
  for (const row of rows) {
    const [number, name, rating] = row.split("\t") as [string, string, string];
    const cell = number === "1.2" ? rating.replace(" ", "\n") : rating;
    celled = celled.replace(row, `${number}\n\n${name}\n\n${cell}\n`);
  }
  expect(celled).toContain("1.2\n\nStaff\n\nRequires\nimprovement\n");
  const [asPrinted, read] = [await readText("k.txt", text), await readText("k.txt", celled)];
  const ratings = (r: typeof read) => r.standards.map((s) => [s.id, s.rating]);
  expect(ratings(read)).toEqual(ratings(asPrinted));
  expect(read.standards.find((s) => s.id === "2.3")?.rating).toBe("Good");
  expect(read.computedScore).toBe(8);
  // A number and a name that is not that standard's: not a row.
  const wrongName = await readText(
    "k.txt",
    celled.replace("2.3\n\nImplementation and delivery", "2.3\n\nReviewing"),
  );
  expect(wrongName.standards.find((s) => s.id === "2.3")?.rating).toBeNull();
});
