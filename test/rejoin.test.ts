// Text written a table cell per line (a PDF viewer's copy, text-box extractors): the rejoin
// stage puts rows back together, so the ratings table, key questions, prompts and contextual
// facts read as from the original; what cannot be put back safely is left unread, never read wrong.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { lastLineOf } from "../parsers/lines.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import { documentFromBytes } from "../parsers/read.js";
import { rejoinRows } from "../parsers/rejoin.js";
import { wholeLabel } from "../parsers/text.js";
import type { ReportRecord } from "../schemas/report.js";
import { toCellPerLine, toWrapped } from "../scripts/make-variants.js";
import { normalise } from "../src/extract.js";
import { readText as read, recordValues, valueStatements } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");

/** The values a reader compares across renderings (no provenance: line numbers differ). */
function tableValues(r: ReportRecord) {
  return {
    serviceName: r.serviceName,
    fieldworkStart: r.fieldworkStart,
    overallRating: r.overallRating,
    statedScore: r.statedScore,
    standards: r.standards.map((s) => [s.id, s.rating, s.annexRating, s.discretion]),
    keyQuestions: r.keyQuestions.map((k) => [k.id, k.percent, k.relevant, k.yes, k.subSample]),
    prompts: r.prompts.map((p) => [p.keyQuestionId, p.label, p.percent, p.relevant, p.yes]),
    recommendations: r.recommendations.items.map((i) => i.text),
    methodology: r.methodology.map((m) => [m.kind, m.count, m.low, m.high, m.rating]),
    samples: r.samples,
  };
}

const facts = (r: ReportRecord) =>
  r.contextualFacts.map((f) => JSON.stringify([f.group, f.label, f.role, f.value]));

/**
 * What a rewriting of a corpus report (`rewrite` gets its text) loses against the report's own
 * values, and what it reads that the report does not say.
 */
async function againstOriginal(name: string, rewrite: (text: string) => string) {
  const text = readFileSync(join(CORPUS, name), "utf8");
  const original = valueStatements(await read(name, text));
  const variant = valueStatements(await read(name, rewrite(text)));
  return {
    lost: [...original].filter((v) => !variant.has(v)),
    added: [...variant].filter((v) => !original.has(v)),
  };
}

/** A report a cell a line with a blank line between cells, as pdftotext without -layout writes rows set apart. */
const spacedCells = (text: string) => toCellPerLine(text).replace(/\n/g, "\n\n");

/** A rewriting: the report in `layout`, `printed` (which it must hold) written `written`. */
const replacing =
  (layout: (text: string) => string, printed: string, written: string) =>
  (text: string): string => {
    const laid = layout(text);
    expect(laid).toContain(printed);
    return laid.replaceAll(printed, written);
  };

/**
 * A ratings table written a cell per line ("1.1" / "Standard 1" / "Good" ...): what makes a small
 * text read as a cell-per-line one, so that the rows after it are rejoined.
 */
const CELL_PER_LINE_TABLE = [
  "Good",
  "Outstanding",
  "Good",
  "Inadequate",
  "Good",
  "Good",
  "Good",
  "Good",
].flatMap((r, i) => [`1.${i + 1}`, `Standard ${i + 1}`, r]);

/** The labels of `rows` paired with a percentage (its first cell, where its second is one). */
const labelsWithPercent = (rows: string[][]) =>
  rows.filter((r) => r.length > 1 && /%$/.test(r[1] as string)).map((r) => r[0]);

/** The rows `facts` is read as after a cell-per-line ratings table (a text read a cell a line). */
function cellPerLineRows(facts: string[]): string[][] {
  const doc = rejoinRows(
    normaliseLines(textSourceLines([...CELL_PER_LINE_TABLE, "", ...facts].join("\n")), "text"),
  );
  return doc.lines.map((l) => l.cells);
}

/** A text in pages of `size` lines, each ending in its printed number (as pdftotext writes a form feed). */
function paged(text: string, size = 60): string {
  const lines = text.split("\n");
  const pages: string[] = [];
  for (let p = 0; p * size < lines.length; p++)
    pages.push([...lines.slice(p * size, (p + 1) * size), String(p + 1)].join("\n"));
  return pages.join("\n\f");
}

/** Facts as rows, in an order of their own: tables put back may list a table's columns otherwise. */
const sorted = (facts: unknown[][]) => facts.map((f) => JSON.stringify(f)).sort();

/** Text boxes as pdfminer.six writes them: each box's lines, then a blank line. */
const boxes = (...boxes: string[][]) => boxes.map((lines) => `${lines.join("\n")}\n\n`).join("");

/**
 * A contextual facts section holding a race/ethnicity split table a cell a line, as MuPDF writes
 * it: the column names' lines, then each row's subject lines and its figures, a blank line after.
 */
function raceTable(names: string[], ...rows: [subject: string[], ...figures: string[]][]): string[] {
  return [
    "Contextual facts",
    "",
    "Caseload information7",
    "",
    "Race/ethnicity 8",
    ...names,
    "",
    ...rows.flatMap(([subject, ...figures]) => [...subject, ...figures, ""]),
    "1. Organisational delivery",
  ];
}

describe("rejoinRows", () => {
  test.each([
    "2019-croydon.txt",
    "2020-12-north-somerset.txt",
    "2021-10-kirklees.txt",
    "2022-07-tower-hamlets-and-city-of-london.txt",
    "2023-01-blackburn-with-darwen.txt",
  ])("%s a cell per line gives the record of the original", async (name) => {
    const text = readFileSync(join(CORPUS, name), "utf8");
    const original = await read(name, text);
    const variant = await read(name, toCellPerLine(text));
    expect(recordValues(variant, { narrativeText: false })).toEqual(
      recordValues(original, { narrativeText: false }),
    );
  });

  test.each([
    "2019-croydon.txt",
    "2020-12-north-somerset.txt",
    "2021-10-kirklees.txt",
    "2022-07-tower-hamlets-and-city-of-london.txt",
    "2023-01-blackburn-with-darwen.txt",
  ])(
    "%s a cell per line, long cells wrapped (pdftotext without -layout): nothing read wrong",
    async (name) => {
      const text = readFileSync(join(CORPUS, name), "utf8");
      const original = valueStatements(await read(name, text));
      const variant = valueStatements(await read(name, toWrapped(toCellPerLine(text), 80)));
      expect([...variant].filter((v) => !original.has(v))).toEqual([]);
      // North Somerset loses one key question and one prompt whose counts stand before the end
      // of their wrapped question.
      expect([...original].filter((v) => !variant.has(v)).length).toBeLessThanOrEqual(
        name.includes("north-somerset") ? 2 : 0,
      );
    },
  );

  test("hand-checked values from Blackburn with Darwen, a cell per line", async () => {
    const text = readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt"), "utf8");
    expect(toCellPerLine(text)).toContain("2.4\nReviewing\nRequires improvement\n");
    const r = await read("b.txt", toCellPerLine(text));
    expect(r.statedScore).toBe(29);
    expect(r.overallRating).toBe("Good");
    expect(r.standards.find((s) => s.id === "2.4")?.rating).toBe("Requires improvement");
    expect(r.keyQuestions.find((k) => k.id === "2.4.2")?.percent).toBe(57);
    expect(r.keyQuestions.find((k) => k.id === "2.2.3")?.percent).toBe(71);
  });

  test("counts tables (2020): a question's two counts, which look like page numbers, rejoin it", async () => {
    const text = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
    const variant = await read("n.txt", toCellPerLine(text));
    // "Overa<tab>III rating<tab>Good" (a word split AND misread): "Overa" / "III rating" / "Good".
    expect(variant.overallRating).toBe("Good");
    const victims = variant.prompts.find((p) => p.text.startsWith("Is the child and their parents/carers"));
    expect([victims?.relevant, victims?.yes]).toEqual([8, 6]);
    expect(variant.keyQuestions.find((k) => k.id === "2.1.1")).toMatchObject({ relevant: 8, yes: 8 });
  });

  test("a text whose rows keep their cells passes unchanged", async () => {
    for (const name of ["2019-croydon.txt", "2021-10-kirklees.txt"]) {
      const raw = await documentFromBytes(name, readFileSync(join(CORPUS, name)));
      const doc = normaliseLines(raw.sourceLines, raw.format);
      expect(rejoinRows(doc)).toBe(doc);
    }
  });

  test("a page number beside a question's counts leaves the row unread, not read wrong", () => {
    const counts = [
      "Of the 8 cases inspected:",
      "Relevant cases",
      "Number 'Yes'",
      "Does assessment focus on the child's strengths and protective factors?",
      "8",
      "6",
      "Does assessment consider the diversity and wider familial and social context of the child?",
      "8",
      "7",
      "12",
      "Is the child meaningfully involved in their assessment?",
      "5",
      "4",
    ];
    const doc = rejoinRows(
      normaliseLines(textSourceLines([...CELL_PER_LINE_TABLE, "", ...counts].join("\n")), "text"),
    );
    const rows = doc.lines.map((l) => l.cells);
    expect(rows).toContainEqual(["1.4", "Standard 4", "Inadequate"]);
    expect(rows).toContainEqual(["Of the 8 cases inspected:", "Relevant cases", "Number 'Yes'"]);
    expect(rows).toContainEqual([
      "Does assessment focus on the child's strengths and protective factors?",
      "8",
      "6",
    ]);
    expect(rows).toContainEqual([
      "Does assessment consider the diversity and wider familial and social context of the child?",
    ]);
    expect(rows).toContainEqual(["Is the child meaningfully involved in their assessment?", "5", "4"]);
  });

  test("a lone figure after a prompt whose prompt before it has none is not given to it (a column read in pieces)", () => {
    // Kirklees' annex as pdftotext reads it with rows set close: 53% is the first prompt's, printed
    // after the second's; 38% (the second's) is elsewhere. A cell per line gives each prompt its
    // figure straight after it, so a prompt left without one says the figures are not row by row.
    const prompts = [
      "Does planning focus sufficiently on keeping the child safe?",
      "Does planning promote the safety and wellbeing of the child,",
      "sufficiently addressing risks?",
      "Does planning involve other agencies where appropriate, and is there",
      "sufficient alignment with other plans (e.g. child protection or care",
      "plans) concerning the child?",
      "",
      "53%",
      "",
      "Does planning focus sufficiently on keeping other people safe?",
      "Does planning promote the safety of other people, sufficiently",
      "addressing risk of harm factors?",
      "56%",
      "Does planning involve other agencies where appropriate?",
      "56%",
    ];
    const doc = rejoinRows(
      normaliseLines(textSourceLines([...CELL_PER_LINE_TABLE, "", ...prompts].join("\n")), "text"),
    );
    const rows = doc.lines.map((l) => l.cells);
    expect(rows).toContainEqual([
      "Does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (e.g. child protection or care plans) concerning the child?",
    ]);
    expect(rows).toContainEqual(["53%"]);
    // Row by row again after the key question: each prompt its figure.
    expect(rows).toContainEqual([
      "Does planning promote the safety of other people, sufficiently addressing risk of harm factors?",
      "56%",
    ]);
    expect(rows).toContainEqual(["Does planning involve other agencies where appropriate?", "56%"]);
  });

  test("a question's figure beside its first line ends the row: the next line is not joined over the figure", () => {
    const prompts = [
      "Does planning take sufficient account of the diversity and wider familial 59%",
      "and social context of the child?",
    ];
    const doc = rejoinRows(
      normaliseLines(textSourceLines([...CELL_PER_LINE_TABLE, "", ...prompts].join("\n")), "text"),
    );
    const rows = doc.lines.map((l) => l.cells);
    expect(rows).toContainEqual([
      "Does planning take sufficient account of the diversity and wider familial 59%",
    ]);
    expect(rows).toContainEqual(["and social context of the child?"]);
  });

  test("percentages a line above their questions, after a row with its own, are those questions' (pdfminer, rows set close)", () => {
    // Kirklees' reviewing table (88%, 50%, 39%) as pdfminer writes it when each row's figure stands
    // a little higher than its question, the first row's on its question's line.
    const [desistance, child, others] = [
      "Does reviewing focus sufficiently on supporting the child's desistance?",
      "Does reviewing focus sufficiently on keeping the child safe?",
      "Does reviewing focus sufficiently on keeping other people safe?",
    ];
    const table = [`${desistance} 88%`, "50%", child, "39%", others];
    const rows = cellPerLineRows([...table, "", "Reviewing of progress was excellent."]);
    expect(rows).toContainEqual([`${desistance} 88%`]);
    expect(rows).toContainEqual([child, "50%"]);
    expect(rows).toContainEqual([others, "39%"]);
    // A percentage after the last question: the figures follow their questions, and the one
    // after the first row's own is no row's.
    const after = cellPerLineRows([...table, "41%", "", "Reviewing of progress was excellent."]);
    expect(after).toContainEqual([child, "39%"]);
    expect(after).toContainEqual([others, "41%"]);
    expect(after).toContainEqual(["50%"]);
  });

  test("two lines of prose on a narrow page are no cell split mid-word: each stays a line of one cell", () => {
    // (Tower Hamlets on A5 pages, pdftotext: the two became one row of two cells, no prose for
    // the unwrapper, and the paragraph was cut after them.)
    const prose = [
      "provide a comprehensive range of assurance and gatekeeping",
      "systems. Managers did not always use the countersigning process",
    ];
    const rows = cellPerLineRows([...prose, "", "Reviewing of progress was excellent."]);
    expect(rows).toContainEqual([prose[0]]);
    expect(rows).toContainEqual([prose[1]]);
    // A cell split mid-word still is one: "provi" / "sion Inadequate".
    expect(
      cellPerLineRows(["provi", "sion Inadequate", "", "Reviewing of progress was excellent."]),
    ).toContainEqual(["provi", "sion Inadequate"]);
  });

  test("counts alone after two prompts without theirs are read for neither (pdfminer, figures set right)", async () => {
    // North Somerset's 2.3.2 prompts (7 / 7 and 7 / 6) as pdfminer writes them from a PDF with
    // figures set right in their cells: both prompts, then one row's counts. Whose they are no
    // line says (here the first's); given to the second, as a lone count row would be, they
    // were read wrong.
    const name = "2020-12-north-somerset.txt";
    const [first, second] = [
      "Does service delivery promote the safety and wellbeing of the child?",
      "Where applicable, is the involvement of other organisations in keeping the child safe sufficiently well-coordinated?",
    ];
    const text = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
    const printed = `${first}\n7\n7\n${second}\n7\n6\n`;
    expect(text).toContain(printed);
    const prompts = (r: ReportRecord) =>
      r.prompts.filter((p) => p.keyQuestionId === "2.3.2").map((p) => [p.text, p.relevant, p.yes]);
    expect(prompts(await read(name, text))).toEqual([
      [first, 7, 7],
      [second, 7, 6],
    ]);
    const damaged = await read(name, text.replace(printed, `${first}\n\n${second}\n\n7\n\n7\n`));
    expect(prompts(damaged)).toEqual([]);
    expect(damaged.warnings.some((w) => w.code === "figures-unplaced" && w.message.includes("(7 7)"))).toBe(
      true,
    );
    // (The first prompt wrapped over two lines: the two still touch.)
    const wrapped = await read(
      name,
      text.replace(printed, `${first.replace(" wellbeing", "\nwellbeing")}\n\n${second}\n\n7\n\n7\n`),
    );
    expect(prompts(wrapped)).toEqual([]);
    // A prompt's counts after it, the prompt before with its own, are its own.
    const after = await read(name, text.replace(printed, `${first}\n7\n7\n${second}\n\n7\n\n6\n`));
    expect(prompts(after)).toEqual([
      [first, 7, 7],
      [second, 7, 6],
    ]);
  });

  test("a column of key questions' numbers: each a row of its own, and the last not the question's after it (pdfminer)", () => {
    const question = "Does reviewing focus sufficiently on keeping other people safe?";
    const rows = cellPerLineRows(["2.4.1.", "", "2.4.2.", "", "2.4.3.", "", question, "70%"]);
    expect(rows).toContainEqual(["2.4.2."]);
    expect(rows).toContainEqual(["2.4.3."]);
    expect(rows).toContainEqual([question, "70%"]);
    // A number alone before its question is still the question's.
    expect(cellPerLineRows(["2.4.3.", "", question, "70%"])).toContainEqual(["2.4.3.", question]);
  });

  test("a number alone does not take a numbered heading after it as its row's label", () => {
    const text = [
      ...CELL_PER_LINE_TABLE,
      "",
      "2.4.3.",
      "",
      "3. Out-of-court disposals",
      "Standards and key questions",
    ];
    const rows = rejoinRows(normaliseLines(textSourceLines(text.join("\n")), "text")).lines.map(
      (l) => l.cells,
    );
    expect(rows).toContainEqual(["2.4.3."]);
    expect(rows).toContainEqual(["3. Out-of-court disposals"]);
  });

  test("a text that keeps its rows: a facts table's lone figures above their wrapped labels are rows (getText, figures centred)", () => {
    // Tower Hamlets' population table as pdf-parse's getText reads a PDF with each figure centred
    // beside its label's lines; "267" and "154" look like page numbers.
    const text = [
      "Contextual facts",
      "Population information",
      "267",
      "First-time entrant rate",
      "per 100,000 in Tower",
      "Hamlets and City of",
      "London",
      "154",
      "First-time entrant rate",
      "per 100,000 in",
      "England and Wales",
      "25.5%",
      "Reoffending rate in",
      "Tower Hamlets and",
      "City of London",
      "Key staffing data",
      "Total staff headcount (full-time equivalent (FTE))",
      "18",
      "Total headcount qualified case managers (FTE)",
    ];
    const doc = rejoinRows(normaliseLines(textSourceLines(text.join("\n")), "text"));
    const rows = doc.lines.map((l) => l.cells);
    expect(rows).toContainEqual([
      "267",
      "First-time entrant rate per 100,000 in Tower Hamlets and City of London",
    ]);
    expect(rows).toContainEqual(["154", "First-time entrant rate per 100,000 in England and Wales"]);
    expect(rows).toContainEqual(["25.5%", "Reoffending rate in Tower Hamlets and City of London"]);
    // A label-first table's figure is not given to the label after it.
    expect(rows).toContainEqual(["Total headcount qualified case managers (FTE)"]);
    expect(doc.furniture.map((l) => l.flat)).toEqual(["18"]);
  });

  test("a text that keeps its rows: a count and its share on lines of their own above their label are one row (getText, A5)", async () => {
    // Kirklees' caseload table as getText and pdftotext -raw read a narrow page: "69" / "(65%)" /
    // "court disposals"; "69" looks like a page number.
    const text = readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8");
    const rows = [
      ["69 (65%)\tcourt disposals", "69\n(65%)\ncourt disposals"],
      ["37 (35%)\tout-of-court disposals", "37\n(35%)\nout-of-court disposals"],
      [
        "31 (84%)\tTotal current caseload: community resolution or other out-of-court disposal",
        "31\n(84%)\nTotal current caseload: community resolution or other out-of-\ncourt disposal",
      ],
    ];
    let narrow = text.replace(
      "106\tTotal current caseload, of which:",
      "106 Total current caseload, of which:",
    );
    for (const [row, written] of rows) {
      expect(narrow).toContain(row);
      narrow = narrow.replace(row as string, written as string);
    }
    const caseload = (r: ReportRecord) => facts(r).filter((f) => f.includes('"caseload"'));
    const original = caseload(await read("k.txt", text));
    expect(original).toContain(JSON.stringify(["caseload", "court disposals", "service", 69]));
    expect(caseload(await read("k.txt", narrow))).toEqual(original);
  });

  test("a key question's counts after its footnote marker, wrapped onto a line of its own, are its row's (North Somerset, pdftotext)", () => {
    const counts = [
      "Of the 8 cases inspected:",
      "",
      "Relevant cases",
      "",
      "Number 'Yes'",
      "",
      "Does planning focus sufficiently on supporting the child's desistance?",
      "",
      "8",
      "",
      "8",
      "",
      "Does planning focus sufficiently on keeping the child safe?",
      "<sup>12</sup>",
      "",
      "7",
      "",
      "7",
    ];
    const doc = rejoinRows(
      normaliseLines(textSourceLines([...CELL_PER_LINE_TABLE, "", ...counts].join("\n")), "text"),
    );
    const rows = doc.lines.map((l) => [l.cells, l.markers]);
    expect(rows).toContainEqual([
      ["Does planning focus sufficiently on supporting the child's desistance?", "8", "8"],
      [],
    ]);
    expect(rows).toContainEqual([
      ["Does planning focus sufficiently on keeping the child safe?", "7", "7"],
      ["12"],
    ]);
  });

  test("a key question's counts followed by its page's own number are read where the pages say which number that is", () => {
    // North Somerset's 3.1.2 through pdftotext: "5" / "5" / "21", page 21's number after the row.
    const page = (n: number, body: string[]) => [...body, "", String(n)].join("\n");
    const text = [
      page(1, CELL_PER_LINE_TABLE),
      page(2, ["Some text of the report."]),
      page(3, [
        "Of the 5 cases inspected:",
        "",
        "Relevant cases",
        "",
        "Number 'Yes'",
        "",
        "Does assessment sufficiently analyse how to keep the child safe?",
        "",
        "5",
        "",
        "5",
      ]),
      page(4, ["More text of the report."]),
    ].join("\n\f");
    const rows = rejoinRows(normaliseLines(textSourceLines(text), "text")).lines.map((l) => l.cells);
    expect(rows).toContainEqual([
      "Does assessment sufficiently analyse how to keep the child safe?",
      "5",
      "5",
    ]);
  });

  test("a page's last row with the page's foot between its counts: the note's number above the first, its words and the page's number before the second (North Somerset, pdftotext)", () => {
    // North Somerset's 2.1.1 sixth prompt: 6 and 6, note 10 set above the first; the page is 15.
    const page = (n: number, body: string[]) => [...body, "", String(n)].join("\n");
    const note = "The rating for the standard is driven by the lowest score on each of the key questions.";
    const text = [
      page(13, CELL_PER_LINE_TABLE),
      page(14, ["Our rating9 for assessment is based on the following key questions:", "", `9 ${note}`]),
      [
        "Our rating10 for assessment is based on the following key questions:",
        "",
        "Of the 8 cases inspected:",
        "",
        "Relevant cases",
        "",
        "Number 'Yes'",
        "",
        "Does assessment focus on the child's strengths and protective factors?",
        "",
        "8",
        "",
        "8",
        "",
        "Does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities",
        "for restorative justice?",
        "",
        "10",
        "",
        "6",
        "",
        note,
        "",
        "15",
        "",
        "6",
      ].join("\n"),
      page(16, ["More text of the report."]),
    ].join("\n\f");
    const doc = rejoinRows(normaliseLines(textSourceLines(text), "text"));
    expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
      ["9", note],
      ["10", note],
    ]);
    // (Note 10 spans its number's line and its words' four lines below, the count between.)
    const ten = doc.footnotes[1]?.line;
    expect(ten && lastLineOf(ten) - ten.line).toBe(4);
    const rows = doc.lines.map((l) => l.cells);
    expect(rows).toContainEqual([
      "Does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice?",
      "6",
      "6",
    ]);
    expect(rows).toContainEqual([
      "Does assessment focus on the child's strengths and protective factors?",
      "8",
      "8",
    ]);
  });

  test("the whole normalise stage: a contextual figure joins the label after it, its number put back", async () => {
    const raw = await documentFromBytes(
      "k.txt",
      Buffer.from(toCellPerLine(readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8"))),
    );
    const doc = normalise(raw);
    const rows = doc.lines.map((l) => l.cells);
    // "233" alone on a line was taken for a page number.
    expect(rows).toContainEqual(["233", "First-time entrant rate per 100,000 in Kirklees"]);
    expect(rows).toContainEqual(["Race/ethnicity", "White", "Black and minority ethnic", "Unknown"]);
    expect(rows).toContainEqual(["Kirklees YJS", "65%", "30%", "5%"]);
    // Offence types print the label first.
    expect(rows).toContainEqual(["Burglary", "9%"]);
    expect(rows).toContainEqual(["Average caseload per case manager (FTE)", "7"]);
  });

  test("facts a cell per line: each block's order comes from its heading; page furniture is not a figure", () => {
    const facts = [
      "Contextual facts",
      "Population information",
      "84%", // a chart's figure, no label beside it
      "385,346",
      "Total population of Anytown",
      "39,334",
      "Total youth population of Anytown",
      "14",
      "Inspection of youth offending services: Anytown",
      "Total current caseload in custody",
      "Offence types",
      "Burglary",
      "9%",
      "Robbery",
      "11%",
      "1. Organisational delivery",
    ];
    const rows = cellPerLineRows(facts);
    expect(rows).toContainEqual(["84%"]);
    expect(rows).toContainEqual(["385,346", "Total population of Anytown"]);
    expect(rows).toContainEqual(["39,334", "Total youth population of Anytown"]);
    // The page number before a running header stays furniture; the label after them, alone.
    expect(rows).toContainEqual(["Total current caseload in custody"]);
    expect(rows).toContainEqual(["Burglary", "9%"]);
    expect(rows).toContainEqual(["Robbery", "11%"]);
  });

  test("facts a box each (pdfminer): the figure column's heading, '%', a box between the labels and the figures", () => {
    // Tower Hamlets' offence types on A5 pages: three labels, "%", their three figures, each a box.
    const boxes = (figures: string[]) =>
      cellPerLineRows(
        [
          "Contextual facts",
          "Offence types 10",
          "Violence against the person",
          "Burglary",
          "Robbery",
          "%",
          ...figures,
          "1. Organisational delivery",
        ].flatMap((l) => [l, ""]),
      );
    const rows = boxes(["50%", "11%", "6%"]);
    expect(rows).toContainEqual(["Violence against the person", "50%"]);
    expect(rows).toContainEqual(["Burglary", "11%"]);
    expect(rows).toContainEqual(["Robbery", "6%"]);
    // (One figure short: none paired.)
    expect(boxes(["50%", "11%"]).filter((r) => r.length === 2)).toEqual([]);
  });

  test("facts a box each (pdfminer): figures before a page break are not paired with the labels after it", () => {
    // A label-first table broken over two pages, each page's labels then its figures: page 10's
    // figures, its number and running header, then page 11's labels. Paired in order, Fraud and
    // forgery took the violence row's 50% and Drug offences burglary's 11%.
    const rows = cellPerLineRows([
      "Contextual facts",
      "",
      "Offence types",
      "Violence against the person",
      "Burglary",
      "Robbery",
      "",
      "Theft and handling stolen goods",
      "",
      "%",
      "",
      "50%",
      "11%",
      "6%",
      "",
      "6%",
      "",
      "10",
      "",
      "\fInspection of youth offending services: Anytown",
      "",
      "Fraud and forgery",
      "Drug offences",
      "Summary motoring offences",
      "Other indictable offences",
      "",
      "1. Organisational delivery",
    ]);
    const paired = labelsWithPercent(rows);
    expect(paired).not.toContain("Fraud and forgery");
    expect(paired).not.toContain("Drug offences");
    expect(rows).toContainEqual(["Fraud and forgery"]);
  });

  test("facts a box each (pdfminer): whole-number counts above the labels, taken for page numbers, still make a column; the last count is not the first label's", () => {
    const counts = ["38", "1", "1", "23", "15", "79"];
    const caseload = [
      "Total current caseload: community sentences",
      "Total current caseload in custody",
      "Total current caseload on licence",
      "Total current caseload: youth caution",
    ];
    const rows = cellPerLineRows([
      "Contextual facts",
      "",
      "Additional caseload data",
      "",
      ...[...counts, ...caseload].flatMap((box) => [box, ""]),
      "1. Organisational delivery",
    ]);
    expect(rows).toContainEqual([caseload[0]]);
    expect(rows.some((r) => r.length > 1 && r.includes(caseload[0] as string))).toBe(false);
  });

  test("facts a cell per line (MuPDF): a part of the table read a column at a time leaves the rows of another part alone", () => {
    // MuPDF writes each row of a figure-first table as a block, figure above label; a later part
    // of the table written a column at a time (labels together, then figures together) once
    // kept every row of the table from its figure.
    const facts = [
      "Contextual facts",
      "",
      "Population information4",
      "",
      "267",
      "First-time entrant rate per 100,000 in Anytown 5",
      "",
      "25.5%",
      "Reoffending rate in Anytown 6",
      "",
      "342,907",
      "Total population Anytown",
      "",
      "Additional caseload data9",
      "",
      "Percentage of current caseload with child protection plan",
      "Percentage of current caseload with child in need plan",
      "4%",
      "22%",
      "",
      "1. Organisational delivery",
    ];
    const rows = cellPerLineRows(facts);
    expect(rows).toContainEqual(["267", "First-time entrant rate per 100,000 in Anytown 5"]);
    expect(rows).toContainEqual(["25.5%", "Reoffending rate in Anytown 6"]);
    expect(rows).toContainEqual(["342,907", "Total population Anytown"]);
    expect(rows).toContainEqual(["4%", "Percentage of current caseload with child protection plan"]);
    expect(rows).toContainEqual(["22%", "Percentage of current caseload with child in need plan"]);
  });

  test("facts a cell per line (MuPDF): a count and its share a line each, then the label across a blank line, are one row", () => {
    const rows = cellPerLineRows([
      "Contextual facts",
      "",
      "Additional caseload data11",
      "",
      "106",
      "Total current caseload, of which:",
      "",
      "69",
      "(65%)",
      "",
      "court disposals",
      "",
      "31",
      "(84%)",
      "",
      "Total current caseload: community resolution or other out-of-",
      "court disposal",
      "",
      "1. Organisational delivery",
    ]);
    expect(rows).toContainEqual(["69 (65%)", "court disposals"]);
    expect(rows).toContainEqual([
      "31 (84%)",
      "Total current caseload: community resolution or other out-of-court disposal",
    ]);
  });

  test.each([
    ["a line each", ["White", "Black", "and", "minority", "ethnic", "", "Unknown"]],
    [
      "across blank lines (one and a half lines' spacing)",
      ["White", "Black and ", "", "minority ethnic", "", "Unknown"],
    ],
    ["its last line and the next name on one baseline", ["White", "Black and ", "minority ethnic Unknown"]],
    // (pdftotext of justified cells: "Black and" spread over the cell's width, "and" level with
    // the next name.)
    ["its joining word on the next name's line", ["White", "", "Black", "and Unknown", "minority ethnic"]],
    // (pdftotext of A5 pages: the wrapped name's first line and the next name on one baseline,
    // its other lines below.)
    [
      "its first line and the next name on one baseline",
      ["White", "", "Black and Unknown", "minority", "ethnic"],
    ],
  ])(
    "a split table a cell per line (MuPDF, pdftotext), a column's name wrapped %s: the names and rows whole",
    (_, names) => {
      const rows = cellPerLineRows(
        raceTable(names, [["Anytown YJS"], "17%", "83%", "0%"], [["National average"], "70%", "26%", "4%"]),
      );
      expect(rows).toContainEqual(["Race/ethnicity 8", "White", "Black and minority ethnic", "Unknown"]);
      expect(rows).toContainEqual(["Anytown YJS", "17%", "83%", "0%"]);
      expect(rows).toContainEqual(["National average", "70%", "26%", "4%"]);
    },
  );

  test("a split table's heading row repeated at a page's head with no rows under it takes no names of the next table", () => {
    // (MuPDF of a word processor's A5 pages, heading rows repeated: the age table's heading again
    // at the top of the page its rows ended before, then the ethnicity table.)
    const facts = raceTable(
      ["White", "Black", "and", "minority", "ethnic", "", "Unknown"],
      [["Anytown YJS"], "17%", "83%", "0%"],
      [["National average"], "70%", "26%", "4%"],
    );
    const rows = cellPerLineRows([
      ...facts.slice(0, 4),
      "Age (years)",
      "10–14",
      "15–17",
      "",
      ...facts.slice(4),
    ]);
    expect(rows).toContainEqual(["Race/ethnicity 8", "White", "Black and minority ethnic", "Unknown"]);
    expect(rows).toContainEqual(["Anytown YJS", "17%", "83%", "0%"]);
    expect(rows).toContainEqual(["National average", "70%", "26%", "4%"]);
  });

  test("a split table a cell per line, a row's subject wrapped in its cell (A5 pages): the row whole", () => {
    const rows = cellPerLineRows(
      raceTable(
        ["White", "Black and minority ethnic", "Unknown"],
        [["Anytown YJS"], "17%", "83%", "0%"],
        [["Youth population (10–17 years) in Anytown and", "Somewhere Else", ""], "18%", "82%", "0%"],
      ),
    );
    expect(rows).toContainEqual(["Anytown YJS", "17%", "83%", "0%"]);
    expect(rows).toContainEqual([
      "Youth population (10–17 years) in Anytown and Somewhere Else",
      "18%",
      "82%",
      "0%",
    ]);
  });

  test("a page's number written after a table's first cell is furniture, not the next label's figure", () => {
    // 2018's running header carries the page number; pdftotext without -layout writes it where
    // the page's first column ends: after "30,659", before the label that figure belongs to.
    const header = "Inspection of youth offending services in: Anytown";
    const page = (n: number, body: string[]) => [header, "", String(n), "", ...body].join("\n");
    const text = [
      page(1, CELL_PER_LINE_TABLE),
      page(2, ["Some text of the report."]),
      page(3, ["More text of the report."]),
      [
        header,
        "",
        "Contextual facts",
        "Population information",
        "30,659",
        "",
        "4",
        "",
        "Total youth population of Anytown",
        "441,290",
        "Total population of Anytown",
      ].join("\n"),
    ].join("\n\f");
    const doc = rejoinRows(normaliseLines(textSourceLines(text), "text"));
    const rows = doc.lines.map((l) => l.cells);
    expect(rows).toContainEqual(["30,659", "Total youth population of Anytown"]);
    expect(rows).toContainEqual(["441,290", "Total population of Anytown"]);
    expect(rows.flat()).not.toContain("4");
  });
});

describe("a count table's column headings wrapped in their narrow cells", () => {
  // North Somerset's tables head their counts "Relevant cases" and "Number 'Yes'" beside the
  // caption that gives the sub-sample ("Of the 8 cases inspected:"). Printed in narrow columns
  // the headings wrap, and text extractors write the pieces on the lines after the caption.
  const text = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
  // (One caption carries its footnote marker after the colon: "Of the 8 cases inspected:18".)
  const HEADER = /^(.*:(?:\d{1,2})?)\tRelevant cases\tNumber 'Yes'\t?$/gm;
  const renderings: [string, string][] = [
    ["side by side, a line at a time (pdftotext -layout)", "$1\tRelevant\tNumber\n\tcases\t'Yes'"],
    ["a word to a line after a tab (pdf-parse getText)", "$1 \tRelevant\ncases\nNumber\n'Yes'"],
    ["a word to a line after a space (pdftotext -raw)", "$1 Relevant\ncases\nNumber\n'Yes'"],
    ["a word to a line after the caption's own", "$1\n\nRelevant\ncases\n\nNumber\n'Yes'"],
    [
      "the caption centred between the headings' two lines (cells centred vertically)",
      "\tRelevant\tNumber\n$1\n\tcases\t'Yes'",
    ],
  ];
  test.each(renderings)(
    "%s: every key question and prompt keeps its counts and sub-sample",
    async (_name, form) => {
      expect(text.match(HEADER)?.length).toBe(31);
      const original = await read("ns.txt", text);
      const wrapped = await read("ns.txt", text.replace(HEADER, form));
      expect(original.keyQuestions.find((k) => k.id === "2.2.3")).toMatchObject({
        relevant: 7,
        yes: 6,
        subSample: 8,
      });
      expect(tableValues(wrapped)).toEqual(tableValues(original));
    },
  );
});

describe("pdftotext without -layout: a blank line between cells, a cell's wrapped lines together", () => {
  // A column name wrapped in its narrow cell ("Black and" / "minority" / "ethnic"), a question
  // wrapped before an acronym ("... with the work of the" / "YOT?"), and pdftotext's own
  // dehyphenation of a line's last hyphen ("outof-court", "out-ofcourt").
  test.each([
    ["2019-croydon.txt", "Black and minority ethnic", "Black and\nminority\nethnic"],
    ["2021-10-kirklees.txt", "work of the YOT?", "work of the\nYOT?"],
    ["2019-croydon.txt", "voluntary nature of out-of-court", "voluntary nature of outof-court"],
    ["2019-croydon.txt", "voluntary nature of out-of-court", "voluntary nature of out-ofcourt"],
    // The next column's name between a wrapped name's two lines, on its first line's baseline.
    ["2021-10-kirklees.txt", "Black and minority ethnic\n\nUnknown", "Black and\nUnknown\nminority ethnic"],
    // A label wrapped in its cell, its row's percentage beside the label's first line.
    [
      "2022-07-tower-hamlets-and-city-of-london.txt",
      "as percentage of total case manager headcount)\n\n5%\n\nAverage caseload",
      "as percentage of total case manager 5%\nheadcount)\nAverage caseload",
    ],
    // ... or its percentage on a line of its own between the label's two lines (a cell centred).
    [
      "2022-07-tower-hamlets-and-city-of-london.txt",
      "as percentage of total case manager headcount)\n\n5%\n\nAverage caseload",
      "as percentage of total case manager\n5%\nheadcount)\nAverage caseload",
    ],
    // A count row's relevant cases beside its question's last line, its "Yes" alone after it ...
    [
      "2020-12-north-somerset.txt",
      "sufficiently addressing risks?\n\n5\n\n5",
      "sufficiently addressing risks? 5\n\n5",
    ],
    // ... or, the question wrapped, beside its first line.
    [
      "2020-12-north-somerset.txt",
      "and social context of the child?\n\n5\n\n5",
      "and social context 5\nof the child?\n\n5",
    ],
    // ... or on a line of its own between the question's two lines (the row's cells centred).
    [
      "2020-12-north-somerset.txt",
      "and social context of the child?\n\n5\n\n5",
      "and social context\n5\nof the child?\n\n5",
    ],
    // A count table's heading row written before its key question and caption.
    [
      "2020-12-north-somerset.txt",
      "keeping the child safe?\n\n\n\nOf the 5 cases with factors relevant to keeping the child safe:\n\nRelevant cases\n\nNumber 'Yes'",
      "keeping the child safe?\n\nRelevant cases\n\nNumber 'Yes'\n\nOf the 5 cases with factors relevant to keeping the child safe:",
    ],
  ])("%s with '%s' written '%s' reads as the original", async (name, printed, written) => {
    const { lost, added } = await againstOriginal(name, replacing(spacedCells, printed, written));
    expect(lost).toEqual([]);
    expect(added).toEqual([]);
  });
});

test("a cell per line, a question wrapped over three lines with its counts before the last ('... and are' / 'their views taken into' / 8 / 8 / 'account?'): the row whole", async () => {
  // North Somerset's 2.2.1 prints its last prompt's counts beside the question's second line;
  // wrapped at 80 characters a cell a line, they stand between its second line and its third.
  const printed = "meaningfully involved in planning, and are their views taken into\n8\n8\naccount?";
  const { lost, added } = await againstOriginal(
    "2020-12-north-somerset.txt",
    replacing(toCellPerLine, printed, printed.replace("and are their", "and are\ntheir")),
  );
  expect(lost).toEqual([]);
  expect(added).toEqual([]);
});

test("pdftotext without -layout: a count between a question's two lines with more 'Yes' after it than it is: the row not read", async () => {
  const { lost, added } = await againstOriginal(
    "2020-12-north-somerset.txt",
    replacing(
      spacedCells,
      "and social context of the child?\n\n5\n\n5",
      "and social context\n5\nof the child?\n\n7",
    ),
  );
  // (7 'Yes' of 5 relevant cannot be the row: nothing read that the report does not say.)
  expect(added).toEqual([]);
  expect(lost.length).toBeGreaterThan(0);
});

test("pdftotext without -layout, rows one and a half lines apart: a wrapped column name's first line and the next name written above the header leave the split unread, not read under a name's tail", async () => {
  const { lost, added } = await againstOriginal(
    "2021-10-kirklees.txt",
    replacing(
      spacedCells,
      "Race/ethnicity ¹⁰\n\nWhite\n\nBlack and minority ethnic\n\nUnknown",
      "Black and\n\nUnknown\n\nRace/ethnicity ¹⁰\n\nWhite\n\nminority ethnic",
    ),
  );
  // Nothing read that the report does not say (the figures' columns cannot be told) ...
  expect(added).toEqual([]);
  // ... and what is lost is that split's alone.
  expect(lost.length).toBeGreaterThan(0);
  expect(lost.every((v) => v.includes('"ethnicity"'))).toBe(true);
});

test("a note's number and its web address at a page's foot between a staffing table's rows are no row (pdftotext, a cell per line)", async () => {
  // (Tower Hamlets' note 11 at one and a half lines: "18" / "11" / "https://..." / the next row.)
  const name = "2022-07-tower-hamlets-and-city-of-london.txt";
  const text = readFileSync(join(CORPUS, name), "utf8");
  const spaced = spacedCells(text);
  const row = "Total staff headcount (full-time equivalent (FTE))\n\n18\n\n";
  expect(spaced).toContain(row);
  const original = valueStatements(await read(name, spaced));
  const noted = await read(
    name,
    spaced.replace(row, `${row}11\n\nhttps://www.wipers.org.uk/the-ether-programme\n\n`),
  );
  const variant = valueStatements(noted);
  expect([...original].filter((v) => !variant.has(v))).toEqual([]);
  expect([...variant].filter((v) => !original.has(v))).toEqual([]);
  expect(
    noted.contextualFacts.filter((f) => f.group === "staffing").map((f) => [f.label, f.value]),
  ).toContainEqual(["Total headcount qualified case managers (FTE)", 10]);
});

test("a label's marker and its row's figure a line above the label (cells centred without margins, pdftotext -layout) are the label's", async () => {
  // Kirklees' staffing table: "Total headcount qualified case managers (FTE) ¹⁷ | 8.6" printed
  // with its raised marker and centred figure on a line of their own, above the label.
  const text = readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8");
  const row = "Total headcount qualified case managers (FTE) ¹⁷\t8.6";
  expect(text).toContain(row);
  const original = await read("k.txt", text);
  const raised = await read(
    "k.txt",
    text.replace(row, "17\t8.6\nTotal headcount qualified case managers (FTE)"),
  );
  const staffing = (r: ReportRecord) =>
    r.contextualFacts.filter((f) => f.group === "staffing").map((f) => [f.label, f.value]);
  expect(staffing(raised)).toEqual(staffing(original));
  expect(staffing(raised)).toContainEqual(["Total headcount qualified case managers (FTE)", 8.6]);
  // (Where it was read: the label's line.)
  expect(raised.contextualFacts.find((f) => f.value === 8.6)?.provenance.line).toBe(442);
});

describe("a table written a column at a time: figures that cannot be told whose are not read", () => {
  // pdftotext without -layout writes a table whose rows touch (Word's cell margins) a column at
  // a time. Where the column of figures cannot be matched to the rows, nothing may be read wrong.
  test("three key questions, the section's first heading question after them, then their three figures (Tower Hamlets 2.1)", async () => {
    const name = "2022-07-tower-hamlets-and-city-of-london.txt";
    const text = readFileSync(join(CORPUS, name), "utf8");
    const q = [
      "Does assessment sufficiently analyse how to support the child's desistance?",
      "Does assessment sufficiently analyse how to keep the child safe?",
      "Does assessment sufficiently analyse how to keep other people safe?",
    ];
    const rows = `% 'Yes'\n${q[0]}\n88%\n${q[1]}\n75%\n${q[2]}\n81%\n\n${q[0]}\n`;
    const columns = `${q[0]}\n${q[1]}\n${q[2]}\n\n${q[0]}\n\n22\n\n% 'Yes'\n88%\n75%\n81%\n`;
    const cellPerLine = toCellPerLine(text);
    expect(cellPerLine).toContain(rows);
    const original = valueStatements(await read(name, text));
    const variant = valueStatements(await read(name, cellPerLine.replace(rows, columns)));
    expect([...variant].filter((v) => !original.has(v))).toEqual([]);
  });

  test("a scoring table's scores, then its ratings (Kirklees' overall bands)", async () => {
    const name = "2021-10-kirklees.txt";
    const text = readFileSync(join(CORPUS, name), "utf8");
    const rows = "19-30\nGood\n31-36\nOutstanding ☆\n";
    const cellPerLine = toCellPerLine(text);
    expect(cellPerLine).toContain(rows);
    const variant = await read(name, cellPerLine.replace(rows, "19-30\n31-36\n\nGood\nOutstanding ☆\n"));
    const bands = variant.methodology
      .filter((m) => m.kind === "score-band")
      .map((m) => [m.low, m.high, m.rating]);
    expect(bands).not.toContainEqual([31, 36, "Good"]);
    expect(bands).toContainEqual([0, 6, "Inadequate"]);
  });
});

test("a facts table's figures a box each, then its labels (pdfminer): the last figure is not the first label's", async () => {
  // North Somerset's population: 215,052 / 19,364 / 751, each figure and each label a box
  // of its own, a blank line after each. The 751 next to the first label is the third's.
  const name = "2020-12-north-somerset.txt";
  const text = readFileSync(join(CORPUS, name), "utf8");
  const labels = [
    "Total population in North Somerset (2018) <sup>3</sup>",
    "Total youth population (10–17 years) in North Somerset (2018) <sup>3</sup>",
    "Total black and minority ethnic youth population in North Somerset (2011) <sup>4</sup>",
  ];
  const figures = ["215,052", "19,364", "751"];
  const rows = figures.map((f, k) => `${f}\t${labels[k]}\n`).join("");
  expect(text).toContain(rows);
  const boxes = [...figures, ...labels].map((box) => `${box}\n\n`).join("");
  const population = (r: ReportRecord) =>
    r.contextualFacts.filter((f) => f.group === "population").map((f) => [f.label, f.value]);
  expect(population(await read(name, text))).toContainEqual([
    "Total population in North Somerset (2018)",
    215052,
  ]);
  expect(population(await read(name, text.replace(rows, boxes)))).toEqual([]);
  // Two rows so written, the first row whole before them: the first row read, the two not.
  const two = [figures[1], figures[2], labels[1], labels[2]].map((box) => `${box}\n\n`).join("");
  expect(population(await read(name, text.replace(rows, `${figures[0]}\t${labels[0]}\n${two}`)))).toEqual([
    ["Total population in North Somerset (2018)", 215052],
  ]);
});

test("a table of bands then ratings written a column at a time, a box each (pdfminer): the first rating is not the last band's", () => {
  const bands = ["Minority: <50%", "Too few: 50-64%", "Reasonable majority: 65-79%", "Large majority: 80%+"];
  const ratings = ["Inadequate", "Requires improvement", "Good", "Outstanding"];
  const rows = cellPerLineRows(
    ["Lowest banding (key question level)", "Rating (standard)", ...bands, ...ratings].flatMap((box) => [
      box,
      "",
    ]),
  );
  expect(rows).toContainEqual(["Large majority: 80%+"]);
  expect(rows.some((r) => r.includes("Large majority: 80%+") && r.length > 1)).toBe(false);
  // A row at a time, each band then its rating: rows.
  const byRow = cellPerLineRows(bands.flatMap((band, k) => [band, ratings[k] as string, ""]));
  expect(byRow).toContainEqual(["Large majority: 80%+", "Outstanding"]);
  expect(byRow).toContainEqual(["Minority: <50%", "Inadequate"]);
});

test("a facts table written a column at a time on a numbered page: its whole-number figures one above the other are figures, not page numbers", async () => {
  // pdftotext without -layout: "233" / "207" / "34%" / "38%" / then the four labels. Lone whole
  // numbers look like page numbers; here the pages print their own numbers, and these are not.
  const name = "2021-10-kirklees.txt";
  const text = readFileSync(join(CORPUS, name), "utf8");
  const rows =
    "233\nFirst-time entrant rate per 100,000 in Kirklees ⁶\n207\nFirst-time entrant rate per 100,000 in England and Wales\n34%\nReoffending rate for Kirklees ⁷\n38%\nReoffending rate in England and Wales\n";
  const columns =
    "233\n207\n34%\n38%\n\nFirst-time entrant rate per 100,000 in Kirklees ⁶\nFirst-time entrant rate per 100,000 in England and Wales\nReoffending rate for Kirklees ⁷\nReoffending rate in England and Wales\n";
  const cellPerLine = toCellPerLine(text);
  expect(cellPerLine).toContain(rows);
  const original = await read(name, paged(cellPerLine));
  const variant = await read(name, paged(cellPerLine.replace(rows, columns)));
  const youthJustice = (r: ReportRecord) =>
    r.contextualFacts
      .filter((f) => f.group === "first_time_entrants" || f.group === "reoffending")
      .map((f) => [f.label, f.value]);
  expect(youthJustice(original)).toHaveLength(4);
  expect(youthJustice(variant)).toEqual(youthJustice(original));
});

describe("a facts table written a column at a time under captions", () => {
  // Kirklees' additional caseload data: "Of the 69 court disposals" / three figures / their three
  // labels / "Of the 37 out-of-court disposals" / three figures / three labels.
  const name = "2021-10-kirklees.txt";
  const text = readFileSync(join(CORPUS, name), "utf8");
  const court = (labels: string[], figures: string[]) =>
    [0, 1, 2].map((k) => `${figures[k]}\n${labels[k]}\n`).join("");
  const table = {
    court: {
      labels: [
        "Total current caseload on community sentences",
        "Total current caseload in custody",
        "Total current caseload on licence",
      ],
      figures: ["61 (88%)", "5 (7%)", "3 (4%)"],
    },
    outOfCourt: {
      labels: [
        "Total current caseload with youth caution",
        "Total current caseload with youth conditional caution",
        "Total current caseload: community resolution or other out-of-court disposal",
      ],
      figures: ["3 (8%)", "3 (8%)", "31 (84%)"],
    },
  };
  const underCaptions = new Set([...table.court.labels, ...table.outOfCourt.labels]);
  const caseload = (r: ReportRecord) =>
    r.contextualFacts.filter((f) => underCaptions.has(f.label)).map((f) => [f.label, f.value, f.unit]);

  test("each caption's figures are its labels', in order", async () => {
    let cellPerLine = toCellPerLine(text);
    for (const { labels, figures } of Object.values(table)) {
      const rows = court(labels, figures);
      expect(cellPerLine).toContain(rows);
      cellPerLine = cellPerLine.replace(rows, `${figures.join("\n")}\n\n${labels.join("\n")}\n`);
    }
    const original = await read(name, toCellPerLine(text));
    const variant = await read(name, cellPerLine);
    expect(caseload(original)).toHaveLength(12);
    expect(caseload(original)).toContainEqual(["Total current caseload in custody", 5, "count"]);
    expect(caseload(variant)).toEqual(caseload(original));
  });

  test("a label cut in two inside its quotation or brackets is no label (the column is not paired on it)", () => {
    // ("Proportion of current caseload 'Looked" / "After Children' placed ...": with the pieces
    // counted as labels the count may still match, every pair after them one off.)
    expect(wholeLabel("Proportion of current caseload 'Looked")).toBe(false);
    expect(wholeLabel("After Children' placed outside the YJS area")).toBe(false);
    expect(wholeLabel("Vacancy rate (total unfilled posts as percentage of total staff")).toBe(false);
    expect(
      wholeLabel("Proportion of current caseload 'Looked After Children' resident in the YJS area"),
    ).toBe(true);
    expect(wholeLabel("Total population Kirklees (2020)")).toBe(true);
    expect(wholeLabel("Percentage of current caseload with parents' consent")).toBe(true);
    expect(wholeLabel("Children's services caseload")).toBe(true);
  });
});

test("a count table written a column at a time where its rows touch: a block of counts one above the other is one column's, the next block the other's", async () => {
  // pdftotext without -layout, rows set close: "Relevant cases" / "7" / "Number 'Yes'" / "6" /
  // "7" / "6" (relevant cases of rows 2 and 3) / "7" / "4" ('Yes' of rows 2 and 3) / "7" / "5" ...
  const name = "2020-12-north-somerset.txt";
  const text = readFileSync(join(CORPUS, name), "utf8");
  const caption = "Of the 7 cases with factors related to keeping other people safe:";
  const questions = [
    "Does planning promote the safety of other people, sufficiently addressing risk of harm factors?",
    "Does planning involve other agencies where appropriate?",
    "Does planning address any specific concerns and risks related to actual and potential victims?",
    "Does planning set out the necessary controls and interventions to promote the safety of other people?",
    "Does planning set out necessary and effective contingency arrangements to manage those risks that have been identified?",
  ];
  const counts = [
    [7, 6],
    [7, 7],
    [6, 4],
    [7, 5],
    [7, 5],
  ];
  const rows = `${caption}\nRelevant cases\nNumber 'Yes'\n${questions.map((q, r) => `${q}\n${counts[r]?.join("\n")}\n`).join("")}`;
  const columns = `${caption}\n${questions.join("\n")}\n\nRelevant cases\n7\n\nNumber 'Yes'\n6\n\n7\n6\n\n7\n4\n\n7\n\n5\n\n7\n\n5\n`;
  const cellPerLine = toCellPerLine(text);
  expect(cellPerLine).toContain(rows);
  const countsRead = async (t: string) =>
    (await read(name, t)).prompts
      .filter((p) => p.keyQuestionId === "2.2.3" && questions.includes(p.text))
      .map((p) => [p.relevant, p.yes]);
  expect(await countsRead(cellPerLine)).toEqual(counts);
  expect(await countsRead(cellPerLine.replace(rows, columns))).toEqual(counts);
});

test("layout text: a justified column name's last word ('and') a space before the next name, the name running on below, goes back to its own", () => {
  const gap = " ".repeat(40);
  // Enough column-gapped lines over two pages for the text to read as layout text.
  const filler = Array.from({ length: 22 }, (_, k) => ` ${10 + k}%${gap}Share of caseload group ${k}`);
  const header = (last: string) =>
    [
      `Race/ethnicity${" ".repeat(20)}White   Black      ${last}`,
      `${" ".repeat(14 + 20 + 5 + 3)}minority ethnic`,
      "",
      `Kirklees YJS${" ".repeat(22)}65%     30%        5%`,
    ].join("\n");
  const cellsOf = (last: string) =>
    normaliseLines(
      textSourceLines([...filler.slice(0, 11), "\f", ...filler.slice(11), "", header(last), ""].join("\n")),
      "text",
    ).lines.map((l) => l.cells);
  // (Kirklees' race/ethnicity header as pdftotext -layout writes a justified table.)
  expect(cellsOf("and Unknown")).toContainEqual([
    "Race/ethnicity",
    "White",
    "Black and minority ethnic",
    "Unknown",
  ]);
  // A name that does not run on keeps its cells as written.
  expect(cellsOf("Unknown")).toContainEqual(["Race/ethnicity", "White", "Black minority ethnic", "Unknown"]);
});

test("a figure-first row broken across a page: the next page's piece carries on its label, not its figure", () => {
  // (Tower Hamlets' caseload characteristics on A5 pages, our PDF reader: "55.3% | Percentage of
  // current caseload aged 17+ not in education, training," / page / "or employment".)
  const text = [
    "Inspection of youth offending services: Anytown",
    "58.1%\tPercentage of children aged 16 and under in a pupil referral unit",
    "55.3%\tPercentage of current caseload aged 17+ not in education, training,",
    "18",
    "\fInspection of youth offending services: Anytown",
    "or employment",
    "For children subject to court disposals:",
  ].join("\n");
  const cells = normaliseLines(textSourceLines(text), "text").lines.map((l) => l.cells);
  expect(cells).toContainEqual([
    "55.3%",
    "Percentage of current caseload aged 17+ not in education, training, or employment",
  ]);
});

describe("a figure-first facts table a text box at a time (pdfminer.six): its figures' boxes, then its labels' boxes", () => {
  const byFigure = (r: ReportRecord, groups: string[]) =>
    r.contextualFacts.filter((f) => groups.includes(f.group)).map((f) => [f.label, f.value, f.unit]);

  test("Tower Hamlets' population information: five figures, the first two taken for page numbers, then five wrapped labels", async () => {
    const name = "2022-07-tower-hamlets-and-city-of-london.txt";
    const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
    const rows = [
      "267\nFirst-time entrant rate per 100,000 in Tower Hamlets and City of London ⁵\n",
      "154\nFirst-time entrant rate per 100,000 in England and Wales\n",
      "25.5%\nReoffending rate in Tower Hamlets and City of London ⁶\n",
      "33.6%\nReoffending rate in England and Wales\n",
      "342,907\nTotal population Tower Hamlets and City of London\n",
    ].join("");
    expect(cellPerLine).toContain(rows);
    const labels = [
      ["First-time entrant rate", "per 100,000 in Tower", "Hamlets and City of", "London ⁵"],
      ["First-time entrant rate", "per 100,000 in", "England and Wales"],
      ["Reoffending rate in", "Tower Hamlets and", "City of London ⁶"],
      ["Reoffending rate in", "England and Wales"],
      ["Total population", "Tower Hamlets and", "City of London"],
    ];
    const figures = ["267", "154", "25.5%", "33.6%", "342,907"].map((f) => [f]);
    const groups = ["first_time_entrants", "reoffending", "population"];
    // (Pages of 80 lines keep the table on one page: a page's number straight after a column
    // of numbers leaves them page furniture, as it should.)
    const pages = (text: string) => paged(text, 80);
    const original = byFigure(await read(name, pages(cellPerLine)), groups);
    expect(original).toHaveLength(6);
    expect(original).toContainEqual([
      "First-time entrant rate per 100,000 in Tower Hamlets and City of London",
      267,
      "rate_per_100k",
    ]);
    expect(original).toContainEqual(["Reoffending rate in England and Wales", 33.6, "percent"]);
    const variant = await read(name, pages(cellPerLine.replace(rows, boxes(...figures, ...labels))));
    expect(byFigure(variant, groups)).toEqual(original);
    // One label short, no figure is paired (each would be one row off): only the row after them.
    const short = await read(name, pages(cellPerLine.replace(rows, boxes(...figures, ...labels.slice(1)))));
    expect(byFigure(short, groups)).toEqual([
      ["Total youth population (10-17 years) in Tower Hamlets and City of London", 30659, "count"],
    ]);
  });

  test("Kirklees' additional caseload: two captions, each over its three figures, then the six labels", async () => {
    const name = "2021-10-kirklees.txt";
    const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
    const start = cellPerLine.indexOf("Of the 69 court disposals\n");
    const end = cellPerLine.indexOf("For children in the inspected cases subject to court disposals:");
    expect(cellPerLine.slice(start, end).split("\n")).toContain("Total current caseload in custody");
    const written = boxes(
      ["Of the 69 court disposals"],
      ["61 (88%)"],
      ["5 (7%)"],
      ["3 (4%)"],
      ["Of the 37 out-of-court disposals"],
      ["3 (8%)"],
      ["3 (8%)"],
      ["31 (84%)"],
      ["Total current caseload on community", "sentences"],
      ["Total current caseload in custody"],
      ["Total current caseload on licence"],
      ["Total current caseload with youth caution"],
      ["Total current caseload with youth conditional", "caution"],
      ["Total current caseload: community resolution", "or other out-of-court disposal"],
    );
    const variant = `${cellPerLine.slice(0, start)}${written}${cellPerLine.slice(end)}`;
    const original = byFigure(await read(name, cellPerLine), ["caseload"]);
    expect(original).toContainEqual(["Total current caseload in custody", 5, "count"]);
    expect(original).toContainEqual([
      "Total current caseload: community resolution or other out-of-court disposal",
      84,
      "percent",
    ]);
    expect(byFigure(await read(name, variant), ["caseload"])).toEqual(original);
  });

  test("a label's footnote marker a box between two figures' boxes is no figure of a column", async () => {
    // pdftotext without -layout, figures centred beside their labels: "First-time entrant rate
    // per 100,000 in Kirklees" / "233" / "6" (its marker) / "207" / the next label.
    const name = "2021-10-kirklees.txt";
    const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
    const rows =
      "233\nFirst-time entrant rate per 100,000 in Kirklees ⁶\n207\nFirst-time entrant rate per 100,000 in England and Wales\n";
    expect(cellPerLine).toContain(rows);
    const written = boxes(
      ["First-time entrant rate per 100,000 in Kirklees"],
      ["233"],
      ["6"],
      ["207"],
      ["First-time entrant rate per 100,000 in England", "and Wales"],
    );
    const variant = await read(name, paged(cellPerLine.replace(rows, written)));
    const rates = byFigure(variant, ["first_time_entrants"]);
    expect(rates).toContainEqual([
      "First-time entrant rate per 100,000 in England and Wales",
      207,
      "rate_per_100k",
    ]);
    expect(rates.map(([, value]) => value)).not.toContain(6);
  });
});

describe("split tables a text box at a time (pdfminer.six): the subjects after each header, each column's name and figures later", () => {
  const split = (r: ReportRecord) =>
    r.contextualFacts
      .filter((f) => ["age", "ethnicity", "gender"].includes(f.group))
      .map((f) => [f.group, f.label, f.subject, f.role, f.value]);
  /** The corpus report a cell a line, its three split tables (header to last row) replaced by `boxes`. */
  async function withSplits(name: string, box: string[]) {
    const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
    const start = cellPerLine.search(/^Age(?: \(years\))?\n/m);
    const end = cellPerLine.indexOf("\n\n", cellPerLine.search(/^Gender\n/m));
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const variant = `${cellPerLine.slice(0, start)}${boxes(...box.map((b) => b.split("\n")))}${cellPerLine.slice(end + 2)}`;
    return { original: split(await read(name, cellPerLine)), variant: split(await read(name, variant)) };
  }

  // Kirklees' three tables' boxes: each header with its rows' subjects, each column's name with
  // its figures (the service's, then the comparator's).
  const kirklees = {
    age: ["Age", "Kirklees YJS", "National average"],
    race: ["Race/ethnicity ¹⁰", "Kirklees YJS", "Kirklees"],
    gender: ["Gender", "Kirklees YJS", "National average"],
    young: ["10–14", "29%", "22%"],
    old: ["15–17", "71%", "78%"],
    white: ["White", "65%", "71%"],
    minority: ["Black and minority ethnic", "30%", "29%"],
    unknown: ["Unknown", "5%", "0%"],
    male: ["Male", "91%", "85%"],
    female: ["Female", "9%", "15%"],
  };

  test("Kirklees' three tables as pdfminer writes them: every subject, then each column's name and figures", async () => {
    // (Kirklees' report through pdfminer: "White" / "65%" / "71%" before the age columns, "Black
    // and minority ethnic" / "Unknown" / their four figures a column at a time.)
    const k = kirklees;
    const { original, variant } = await withSplits("2021-10-kirklees.txt", [
      ...k.age,
      ...k.race,
      ...k.gender,
      ...k.white,
      ...k.young,
      ...k.old,
      "Black and minority ethnic",
      "Unknown",
      ...["30%", "29%", "5%", "0%"],
      ...k.female,
      ...k.male,
    ]);
    expect(original).toHaveLength(14);
    expect(original).toContainEqual(["ethnicity", "Unknown", "Kirklees", "comparator", 0]);
    expect(original).toContainEqual(["gender", "Female", "Kirklees YJS", "service", 9]);
    expect(sorted(variant)).toEqual(sorted(original));
  });

  test("an 'Unknown' column either table could have goes to the one whose rows it makes add up to 100", async () => {
    // (pdftotext of rows set close writes the three tables' columns interleaved: gender's
    // "Male", age's "15–17", ethnicity's "Unknown", gender's "Female".)
    const k = kirklees;
    const { original, variant } = await withSplits("2021-10-kirklees.txt", [
      ...k.age,
      ...k.race,
      ...k.young,
      ...k.white,
      ...k.minority,
      ...k.gender,
      ...k.male,
      ...k.old,
      ...k.unknown,
      ...k.female,
    ]);
    expect(sorted(variant)).toEqual(sorted(original));
  });

  test("what cannot be told for sure is not read: an 'Unknown' of noughts neither table needs, a block both orders add up in, names out of their columns' order", async () => {
    const { original, variant } = await withSplits("2020-12-north-somerset.txt", [
      "Age",
      "North Somerset YOS",
      "National average",
      "Race/ethnicity",
      "White",
      "10–14",
      "15–17",
      "17%",
      "83%",
      "23%",
      "77%",
      "Unknown",
      "Black\nand\nminority\nethnic",
      "North Somerset YOS",
      "84%",
      "3%",
      "13%",
      "National average",
      "70%",
      "26%",
      "4%",
      "Gender",
      "North Somerset YOS",
      "National average",
      "Male",
      "75%",
      "85%",
      "Unknown",
      "0%",
      "0%",
      "Female",
      "25%",
      "15%",
    ]);
    // Age: "17%" / "83%" / "23%" / "77%" add up row by row only (17 + 23 is no 100): read so.
    expect(variant.filter((f) => f[0] === "age")).toEqual(original.filter((f) => f[0] === "age"));
    // Ethnicity: its names written in an order of pdfminer's own ("Unknown" before "Black and
    // minority ethnic"): which figure is whose cannot be told, and none is read.
    expect(variant.filter((f) => f[0] === "ethnicity")).toEqual([]);
    // Gender: male and female add up without the noughts; no "Unknown" of gender is made up.
    expect(variant.filter((f) => f[0] === "gender")).toEqual(original.filter((f) => f[0] === "gender"));
    // Two columns whose figures add up read either way (50 / 50 / 50 / 50): not read.
    const both = await withSplits("2020-12-north-somerset.txt", [
      "Age",
      "North Somerset YOS",
      "National average",
      "10–14",
      "15–17",
      "50%",
      "50%",
      "50%",
      "50%",
      "Gender",
      "Male",
      "Female",
      "North Somerset YOS",
      "75%",
      "25%",
      "National average",
      "85%",
      "15%",
    ]);
    expect(both.variant.filter((f) => f[0] === "age")).toEqual([]);
  });

  test("a column name wrapped in its cell, its block's figure columns in an order that adds up either way: that table is not read", async () => {
    // Croydon's tables as pdfminer writes a word processor's PDF with its cells justified:
    // "Black" / "and" / "minority ethnic" a box, "Unknown", then Unknown's figures before those of
    // "Black and minority ethnic" (9 and 4, then 69 and 26). Read in the names' order, every row
    // still adds up to 100: nothing tells, so nothing is read; the other tables are.
    const { original, variant } = await withSplits("2019-croydon.txt", [
      "Age (years)",
      "Croydon",
      "National average",
      "Race/ethnicity",
      "Croydon",
      "National average",
      "Gender",
      "Croydon",
      "10-14",
      "15-17",
      ...["19%", "24%", "81%", "76%"],
      "Black\nand\nminority ethnic",
      "Unknown",
      ...["9%", "4%", "69%", "26%"],
      "Female",
      "12%",
      "White",
      "22%",
      "71%",
      "Male",
      "88%",
    ]);
    expect(original).toContainEqual(["ethnicity", "Black and minority ethnic", "Croydon", "service", 69]);
    expect(variant.filter((f) => f[0] === "ethnicity")).toEqual([]);
    for (const group of ["age", "gender"])
      expect(sorted(variant.filter((f) => f[0] === group))).toEqual(
        sorted(original.filter((f) => f[0] === group)),
      );
  });
});

test("split tables read from their boxes leave the rest of the facts judged as written: a population column a box at a time pairs with its labels", async () => {
  // North Somerset's population and demographics as pdfminer writes a PDF whose rows sit close:
  // three figures, three labels (their markers on lines of their own, one wrapped inside the
  // area's name), the demographics caption, then the split tables a box at a time. The caption
  // ends the population's stretch and the name's end is its label's, so the three pair (until
  // session 31 the caption read as a fourth label and none was paired); the split tables are
  // read all the same.
  const name = "2020-12-north-somerset.txt";
  const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
  const start = cellPerLine.indexOf("#### **Population information**");
  const end = cellPerLine.indexOf("#### Additional caseload data");
  expect(start).toBeGreaterThan(0);
  const written = [
    "Population information\n\n215,052\n\n19,364\n\n751\n\n",
    "Total population in North Somerset (2018)\n<sup>3</sup>\nTotal youth population (10–17 years) in North\n",
    "Somerset (2018) <sup>3</sup>\nTotal black and minority ethnic youth\npopulation in North Somerset (2011)\n<sup>4</sup>\n\n",
    "Demographics of children cautioned or sentenced<sup>5</sup>\n\n",
    "Age\nNorth Somerset YOS\nNational average\n\nRace/ethnicity\nNorth Somerset YOS\nNational average\n\n",
    "Gender\nNorth Somerset YOS\nNational average\n\n10–14\n17%\n23%\n\nWhite\n84%\n70%\n\n",
    "Black and minority ethnic\n3%\n26%\n\nMale\n75%\n85%\n\n15–17\n83%\n77%\n\nUnknown\n13%\n4%\n\nFemale\n25%\n15%\n\n",
  ].join("");
  // (Labels with their dashes as one: the hand-checked record keeps the report's "10–17".)
  const facts = (r: Pick<ReportRecord, "contextualFacts">) =>
    r.contextualFacts.map((f) => [f.group, f.label.replace(/–/g, "-"), f.subject, f.value]);
  const variant = facts(
    await read(name, paged(`${cellPerLine.slice(0, start)}${written}${cellPerLine.slice(end)}`, 80)),
  );
  const splits = (rows: unknown[][]) =>
    rows.filter((f) => ["age", "ethnicity", "gender"].includes(f[0] as string));
  // (The hand-checked record of the report.)
  const expected = facts(
    JSON.parse(readFileSync(join(CORPUS, "expected", "2020-12-north-somerset.json"), "utf8")),
  );
  expect(splits(variant)).toHaveLength(14);
  expect(splits(variant)).toEqual(splits(expected));
  // Every fact read is the report's own, the population's three among them.
  for (const fact of variant) expect(expected).toContainEqual(fact);
  expect(variant.filter((f) => f[0] === "population").map((f) => f[3])).toEqual([215052, 19364, 751]);
});

describe("a label-first table whose column pdfminer writes after the next domain's heading", () => {
  // Kirklees' offence types through pdfminer: "Offence types" / seven labels / "1. Organisational
  // delivery" / "%" / seven percentages, a box each.
  const name = "2021-10-kirklees.txt";
  const labels = [
    "Violence against the person",
    "Burglary",
    "Robbery",
    "Criminal damage",
    "Summary motoring offences",
    "Indictable motoring offences",
    "Other indictable offences",
  ];
  const figures = ["50%", "9%", "9%", "9%", "9%", "5%", "9%"];
  const offences = (r: ReportRecord) =>
    r.contextualFacts.filter((f) => f.group === "offence_type").map((f) => [f.label, f.value]);
  async function written(column: string[]) {
    const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
    const start = cellPerLine.indexOf("Offence types ¹³\n");
    const end = cellPerLine.indexOf("1. Organisational delivery\n", start);
    expect(start).toBeGreaterThan(0);
    const notes = cellPerLine
      .slice(start, end)
      .split("\n")
      .filter((l) => /^¹/.test(l));
    expect(notes).toHaveLength(2);
    const table = boxes(
      ...notes.map((n) => [n]),
      ["Offence types ¹³"],
      ...labels.map((l) => [l]),
      ["1. Organisational delivery"],
      ["%"],
      ...column.map((f) => [f]),
    );
    const text = `${cellPerLine.slice(0, start)}${table}${cellPerLine.slice(end + "1. Organisational delivery\n".length)}`;
    return { original: offences(await read(name, cellPerLine)), variant: await read(name, text) };
  }

  test("its rows put back before the heading, where the shares add up to 100", async () => {
    const { original, variant } = await written(figures);
    expect(original).toHaveLength(7);
    expect(original).toContainEqual(["Indictable motoring offences", 5]);
    expect(offences(variant)).toEqual(original);
    // The domain still starts where it did.
    expect(variant.standards.find((s) => s.id === "1.1")?.rating).toBe("Requires improvement");
  });

  test("one figure short, or shares that do not add up, and none is read", async () => {
    expect(offences((await written(figures.slice(1))).variant)).toEqual([]);
    expect(offences((await written(["70%", ...figures.slice(1)])).variant)).toEqual([]);
  });
});

describe("a label-first table a text box at a time (pdfminer.six): its labels' boxes, then its figures' boxes", () => {
  // Kirklees' key staffing data through pdfminer: seven labels (one wrapped in its box), then
  // seven figures; the "7" among them, alone on its line, looks like a page number.
  const name = "2021-10-kirklees.txt";
  const labels = [
    ["Total staff headcount (full-time equivalent, FTE)"],
    ["Total headcount qualified case managers (FTE) ¹⁷"],
    ["Total headcount other case managers (FTE)"],
    ["Vacancy rate (total unfilled posts as percentage of total staff", "headcount)"],
    ["Average caseload per case manager (FTE)"],
    ["Average annual sickness days (all staff)"],
    ["Staff attrition (percentage of all staff leaving in 12-month period)"],
  ];
  const figures = ["43.7", "8.6", "7.8", "0%", "7", "12.5", "7%"];
  const staffing = (r: ReportRecord) =>
    r.contextualFacts.filter((f) => f.group === "staffing").map((f) => [f.label, f.value, f.unit]);
  async function written(column: string[]) {
    const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
    const start = cellPerLine.indexOf("Key staffing data¹⁶\n");
    const end = cellPerLine.indexOf("\n\n", cellPerLine.indexOf("Staff attrition", start));
    expect(start).toBeGreaterThan(0);
    const table = boxes(["Key staffing data¹⁶"], ...labels, ...column.map((f) => [f]));
    const text = `${cellPerLine.slice(0, start)}${table}${cellPerLine.slice(end + 2)}`;
    return { original: staffing(await read(name, cellPerLine)), variant: staffing(await read(name, text)) };
  }

  test("the labels and figures paired in order, the lone whole number among the figures one of them", async () => {
    const { original, variant } = await written(figures);
    expect(original).toHaveLength(7);
    expect(original).toContainEqual(["Average caseload per case manager (FTE)", 7, "count"]);
    expect(original).toContainEqual([
      "Vacancy rate (total unfilled posts as percentage of total staff headcount)",
      0,
      "percent",
    ]);
    expect(variant).toEqual(original);
  });

  test("one figure short: none paired", async () => {
    expect((await written(figures.slice(0, -1))).variant).toEqual([]);
  });
});

describe("the contextual facts a text box at a time with every sub-table's figures first (pdfminer.six)", () => {
  // Kirklees' contextual facts as pdfminer writes them: the youth justice, population and
  // caseload figures under their sub-headings, the split tables a box at a time, then every
  // label ("233" and "106" alone on their lines look like page numbers).
  const name = "2021-10-kirklees.txt";
  const k = {
    age: ["Age", "Kirklees YJS", "National average"],
    race: ["Race/ethnicity ¹⁰", "Kirklees YJS", "Kirklees"],
    gender: ["Gender", "Kirklees YJS", "National average"],
  };
  // (The facts of the first page of the section: of the caseload, the three rows under
  // "Additional caseload data" and the captions' counts.)
  const CONTEXT_GROUPS = ["first_time_entrants", "reoffending", "population", "age", "ethnicity", "gender"];
  const first = new Set(["Total current caseload", "court disposals", "out-of-court disposals"]);
  const facts = (r: ReportRecord) =>
    r.contextualFacts
      .filter((f) => (f.group === "caseload" ? first.has(f.label) : CONTEXT_GROUPS.includes(f.group)))
      .map((f) => [f.group, f.label, f.subject, f.value, f.unit]);
  async function written(labels: string[][]) {
    const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
    const start = cellPerLine.indexOf("Youth justice information\n");
    const end = cellPerLine.indexOf("Of the 69 court disposals\n");
    expect(start).toBeGreaterThan(0);
    const notes = cellPerLine
      .slice(start, end)
      .split("\n")
      .filter((l) => /^[¹⁶⁷⁸⁹]/.test(l));
    expect(notes).toHaveLength(5);
    const box = boxes(
      ["Youth justice information"],
      ["233"],
      ["207"],
      ["34%"],
      ["38%"],
      ["Population information"],
      ["441,290"],
      ["44,773"],
      ["Caseload information⁹"],
      ...[...k.age, ...k.race, ...k.gender].map((l) => [l]),
      ...["White", "65%", "71%"].map((l) => [l]),
      ["Additional caseload data¹¹"],
      ["106"],
      ["69 (65%)"],
      ["37 (35%)"],
      ...labels.slice(0, 6),
      ...["10–14", "29%", "22%", "15–17", "71%", "78%"].map((l) => [l]),
      ...["Black and minority ethnic", "Unknown", "30%", "29%", "5%", "0%"].map((l) => [l]),
      ...["Female", "9%", "15%", "Male", "91%", "85%"].map((l) => [l]),
      ...labels.slice(6),
      ...notes.map((n) => [n]),
    );
    const text = `${cellPerLine.slice(0, start)}${box}${cellPerLine.slice(end)}`;
    // (Pages of 150 lines keep the section on one page.)
    return {
      original: facts(await read(name, paged(cellPerLine, 150))),
      variant: facts(await read(name, paged(text, 150))),
    };
  }
  const labels = [
    ["First-time entrant rate per 100,000 in Kirklees ⁶"],
    ["First-time entrant rate per 100,000 in England", "and Wales"],
    ["Reoffending rate for Kirklees ⁷"],
    ["Reoffending rate in England and Wales"],
    ["Total population Kirklees (2020) ⁸"],
    ["Total youth population (10–17 years) in", "Kirklees (2020)"],
    ["Total current caseload, of which:"],
    ["court disposals"],
    ["out-of-court disposals"],
  ];

  test("each sub-heading's figures take the labels after them in order, where each label's kind is its heading's", async () => {
    const { original, variant } = await written(labels);
    // (20 youth justice, population and split figures; 5 caseload rows, and the captions' two
    // counts below, "Of the 69 court disposals" and "Of the 37 ...".)
    expect(original).toHaveLength(27);
    expect(original).toContainEqual([
      "population",
      "Total population Kirklees (2020)",
      null,
      441290,
      "count",
    ]);
    expect(original).toContainEqual(["caseload", "Total current caseload", null, 106, "count"]);
    expect(sorted(variant)).toEqual(sorted(original));
  });

  test("labels in another order than the figures' headings hold: none paired", async () => {
    // (The caseload labels first and the first-time entrant rates after the populations: every
    // figure still fits its label, a count a count and a percentage a percentage, but the
    // headings over the figures say otherwise.)
    const swapped = [
      labels[6],
      labels[7],
      ...labels.slice(2, 6),
      labels[0],
      labels[1],
      labels[8],
    ] as string[][];
    const { variant } = await written(swapped);
    // (The split tables are read all the same; the captions' counts below are another table's.)
    const paired = variant.filter(
      (f) =>
        ["first_time_entrants", "reoffending", "population"].includes(f[0] as string) ||
        f[1] === "Total current caseload",
    );
    expect(paired).toEqual([]);
    expect(variant.filter((f) => f[0] === "age")).toHaveLength(4);
  });
});

test("a count after a question's relevant cases that is more than they are is not the row's 'Yes' (pdfminer's boxes of a word processor's table)", async () => {
  // North Somerset's 3.4 key questions, printed 5-5 and 3-3, as pdfminer writes the word
  // processor's PDF: the first row's relevant cases, the second question with its footnote
  // marker and relevant cases, then the 'Yes' counts of both rows. Read as written, 3.4.2 was
  // 3 relevant, 5 'Yes'.
  const name = "2020-12-north-somerset.txt";
  const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
  const recommendations =
    "Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision making?";
  const police = "Does the YOT work effectively with the police in implementing the out-of-court disposal?";
  const printed = `${recommendations}\n5\n5\n${police} <sup>29</sup>\n3\n3\n`;
  expect(cellPerLine).toContain(printed);
  const keyQuestions = async (t: string) =>
    (await read(name, t)).keyQuestions
      .filter((k) => k.standardId === "3.4")
      .map((k) => [k.id, k.relevant, k.yes]);
  expect(await keyQuestions(cellPerLine)).toEqual([
    ["3.4.1", 5, 5],
    ["3.4.2", 3, 3],
  ]);
  // (The marker as this text writes them; pdfminer's "29" is a plain number.)
  const pdfminer = `${recommendations}\n\n5\n\n${police} <sup>29</sup> 3\n\n5\n\n3\n`;
  expect(await keyQuestions(cellPerLine.replace(printed, pdfminer))).toEqual([]);
});

test("a population table a column at a time before the demographics' caption: its figures and labels pair, the caption no label of theirs", () => {
  // North Somerset's, as pdftotext wrote a browser's print with cells centred and no margin:
  // three figures, three labels, then the caption of the split tables after it.
  const after = [
    "Demographics of children cautioned or sentenced",
    "Age",
    "North Somerset YOS",
    "National average",
  ];
  const rows = cellPerLineRows([
    "Contextual facts",
    "Population information",
    "215,052",
    "19,364",
    "751",
    "",
    "Total population in North Somerset (2018)",
    "Total youth population (10–17 years) in North Somerset (2018)",
    "Total black and minority ethnic youth population in North Somerset (2011)",
    "",
    ...after,
  ]);
  const population = [
    ["215,052", "Total population in North Somerset (2018)"],
    ["19,364", "Total youth population (10–17 years) in North Somerset (2018)"],
    ["751", "Total black and minority ethnic youth population in North Somerset (2011)"],
  ];
  for (const row of population) expect(rows).toContainEqual(row);
  expect(rows).toContainEqual([after[0]]);
  // The labels first, one wrapped inside the area's name ("... in North" / "Somerset (2018)", rows
  // set close): the name's end is the label's, not a fourth label (which had paired the second
  // label with the first figure).
  const wrapped = cellPerLineRows([
    "Contextual facts",
    "Population information",
    "Total population in North Somerset (2018)",
    "Total youth population (10–17 years) in North",
    "Somerset (2018)",
    "Total black and minority ethnic youth",
    "population in North Somerset (2011)",
    "",
    "215,052",
    "19,364",
    "751",
    "",
    ...after,
  ]);
  for (const row of population) expect(wrapped).toContainEqual(row);
});

test("a text that keeps its rows: a label alone above a lone figure carrying its footnote marker is that figure's row (our PDF reader, cells centred)", () => {
  // Kirklees' first-time entrant rate as our PDF reader reads a PDF whose cells are centred: the
  // label's marker wrapped onto a second line, level with the figure centred beside it.
  const rows = (figureLine: string) =>
    rejoinRows(
      normaliseLines(
        textSourceLines(
          [
            "Contextual facts",
            "Youth justice information",
            "First-time entrant rate per 100,000 in Kirklees",
            figureLine,
            "207\tFirst-time entrant rate per 100,000 in England and Wales",
            "34%\tReoffending rate for Kirklees ⁷",
          ].join("\n"),
        ),
        "text",
      ),
    ).lines.map((l) => [l.cells, l.markers]);
  expect(rows("233\t⁶")).toContainEqual([["233", "First-time entrant rate per 100,000 in Kirklees"], ["6"]]);
  // Without the marker nothing shows the figure is the label's above (a lone figure may head the
  // label after it): left as written.
  expect(rows("233")).toContainEqual([["First-time entrant rate per 100,000 in Kirklees"], []]);
});

test("a short line of prose ending on a joining word is no cell split mid-word (A5 pages written a cell per line)", async () => {
  // Croydon's 2.3 prose as A5 pages wrap it: "... appropriate in 70 per cent of cases, and" (56
  // characters) ran on into the next line as a row's second cell, and the sentence, no longer one
  // paragraph, lost the percentage it quotes.
  const PARAGRAPH =
    "Coordination action to manage the risk of harm posed by children and young people was appropriate in 70 per cent of cases, and interventions were delivered to reduce risks in just over three-quarters of cases.";
  const A5 = [
    "Coordination action to manage the risk of harm posed by children and",
    "young people was appropriate in 70 per cent of cases, and",
    "interventions were delivered to reduce risks in just over three-quarters",
    "of cases.",
  ].join("\n");
  const text = readFileSync(join(CORPUS, "2019-croydon.txt"), "utf8");
  expect(text).toContain(PARAGRAPH);
  // The whole report wrapped at 72 characters, a cell a line, as pdftotext writes A5 pages.
  const a5 = toCellPerLine(toWrapped(text.replace(PARAGRAPH, A5), 72));
  const doc = normalise(await documentFromBytes("croydon.txt", Buffer.from(a5, "utf8")));
  const paragraph = doc.lines.find((l) => l.flat.startsWith("Coordination action"));
  expect(paragraph?.cells).toHaveLength(1);
  expect(paragraph?.flat).toContain("appropriate in 70 per cent of cases, and interventions were delivered");
  const record = await read("croydon.txt", a5);
  expect(record.prosePercents.map((p) => [p.keyQuestionId, p.percent])).toContainEqual(["2.3.3", 70]);
  // A cell split mid-word is still one: "Over" / "all rating" / "Requires improvement".
  const split = rejoinRows(
    normaliseLines(
      textSourceLines(toCellPerLine(text).replace("Overall rating", "Over\nall rating")),
      "text",
    ),
  );
  expect(split.lines.find((l) => l.flat.startsWith("Over all"))?.cells).toEqual([
    "Over all rating",
    "Requires improvement",
  ]);
});

describe("count tables whose headings are written in pieces (North Somerset, a cell per line)", () => {
  const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8"));
  const HEADINGS = "Relevant cases\nNumber 'Yes'";
  // A two-line heading cell's lines either side of the one-line cell's, in the order they stand
  // on the page (an OCR'd scan's text, MuPDF's).
  const headingsInPieces = cellPerLine.split(HEADINGS).join("Relevant\nNumber 'Yes'\ncases");
  const counts = (r: ReportRecord) => [
    ...r.keyQuestions.map((k) => [k.id, k.relevant, k.yes]),
    ...r.prompts.map((p) => [p.keyQuestionId, p.text, p.relevant, p.yes]),
  ];

  test("every row's counts read as with the headings whole (23 key questions, 93 prompts)", async () => {
    expect(cellPerLine.split(HEADINGS).length - 1).toBe(31);
    const whole = await read("whole.txt", cellPerLine);
    const pieces = await read("pieces.txt", headingsInPieces);
    expect([pieces.keyQuestions.length, pieces.prompts.length]).toEqual([23, 93]);
    expect(counts(pieces)).toEqual(counts(whole));
  });

  test("two counts after a row with a count of its own, or beside its middle line, are not read as its own", async () => {
    // As pdfminer wrote 2.1.1's last two prompts (printed 6 / 6 and 8 / 6) and 3.4's two key
    // questions (5 / 5 and 3 / 3; its footnote marker 29 taken): each figure in the text, whose
    // not to be told. (Read so, 3.4.2 was 5 / 3 and the second prompt 6 / 6.)
    const damaged = headingsInPieces
      .replace(
        "opportunities for restorative justice?\n6\n6\nIs the child and their parents/carers meaningfully involved in their assessment, and are their views taken into account?\n8\n6\n",
        "opportunities\n6\nfor restorative justice?\nIs the child and their parents/carers meaningfully involved in their assessment, and are their views\n8\ntaken into account?\n6\n6\n",
      )
      .replace(
        "personalised to the child, supporting joint decision making?\n5\n5\nDoes the YOT work effectively with the police in implementing the out-of-court disposal? <sup>29</sup>\n3\n3\n",
        "personalised to\n5\nthe child, supporting joint decision making?\nDoes the YOT work effectively with the police in implementing the out-of-court disposal? 3\n5\n3\n",
      )
      // (A line and a blank one, as pdfminer writes lines one and a half apart.)
      .replace(/\n/g, "\n\n");
    for (const printed of [
      "for restorative justice?\n6\n6\nIs the child",
      "out-of-court disposal? <sup>29</sup>\n3\n3\n",
    ])
      expect(headingsInPieces).toContain(printed);
    const record = await read("damaged.txt", damaged);
    const printed = new Map(
      counts(await read("pieces.txt", headingsInPieces)).map((c) => [c.slice(0, -2).join(" "), c.slice(-2)]),
    );
    // Every row read has its own counts as printed; those two tables' rows are left unread.
    for (const c of counts(record))
      expect([c.slice(0, -2).join(" "), c.slice(-2)]).toEqual([
        c.slice(0, -2).join(" "),
        printed.get(c.slice(0, -2).join(" ")),
      ]);
    expect(record.keyQuestions.find((k) => k.id === "3.4.2")).toBeUndefined();
    expect(record.prompts.filter((p) => p.keyQuestionId === "2.1.1").map((p) => [p.relevant, p.yes])).toEqual(
      [
        [8, 8],
        [8, 8],
        [8, 8],
        [7, 7],
        [8, 8],
      ],
    );
  });
});

test("a heading row printed again a line at a time gives no piece to the row a page broke ('Relevant' / 'cases' / ...): its last words follow them (pdfminer, A5 pages)", () => {
  // North Somerset 3.1.1's fifth prompt with larger samples, as pdfminer writes the word
  // processor's A5 pages with heading rows repeated: "cases", the heading's second line, was
  // taken for the row's next words ("... the child's cases levels of maturity ...").
  const page = (...lines: string[]) => lines.join("\n\n");
  // (The table's caption and heading row, a piece a line, at the top of each page.)
  const headings = ["Of the 11 cases inspected:", "Relevant", "cases", "Number", "'Yes'"];
  const text = [
    page(...headings, "Is sufficient attention given to understanding the child's  11", "11", "40"),
    page(
      ...headings,
      "levels of maturity, ability and motivation to change?",
      "Where applicable, does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice?",
      "7",
      "7",
      "41",
    ),
  ].join("\n\f");
  const lines = normaliseLines(textSourceLines(text), "text").lines;
  expect(lines.map((l) => l.cells[0])).toContain(
    "Is sufficient attention given to understanding the child's levels of maturity, ability and motivation to change?",
  );
  expect(lines.filter((l) => l.page === 2).map((l) => l.flat)).toContain("cases");
});

test("a percentage's sign on the next page, after the standard's heading printed again, is the row's before it (pdftotext -raw, heading rows repeated)", () => {
  // Tower Hamlets' annex with other figures: b) 31% and c) 25%, "31" / the page's end / the
  // table's first row again / "%". The sign alone is no heading piece ("% 'Yes'" is one).
  const text = [
    [
      "3.1. Assessment (out-of-court disposals)",
      "a) Is there sufficient analysis of offending behaviour, including the child's acknowledgement of responsibility for,",
      "attitudes towards and motivations for their offending?",
      "45",
      "%",
      "b) Does assessment sufficiently analyse diversity issues? 31",
    ],
    [
      "Inspection of youth offending services: Tower Hamlets and City of London",
      "3.1. Assessment (out-of-court disposals)",
      "%",
      "c) Does assessment consider personal circumstances, including the wider familial and social context of the child? 25",
      "%",
    ],
  ]
    .map((page) => page.join("\n"))
    .join("\n\f");
  const flats = normaliseLines(textSourceLines(text), "text").lines.map((l) => l.flat);
  expect(flats).toContain("b) Does assessment sufficiently analyse diversity issues? 31%");
  expect(flats).toContain(
    "c) Does assessment consider personal circumstances, including the wider familial and social context of the child? 25%",
  );
});

test("a label-first facts table read a column at a time with its figure column's heading ('%') between the labels and the figures (pdftotext, rows set close): paired", () => {
  // Kirklees' offence types as pdftotext writes them where the rows are set close: the heading
  // row's "%" comes with the figure column.
  const table = (figures: string[], heading = ["%"]) =>
    cellPerLineRows([
      "Contextual facts",
      "For children in the inspected cases subject to court disposals:12",
      "Offence types 13",
      "Violence against the person",
      "Burglary",
      "Robbery",
      "Criminal damage",
      "Summary motoring offences",
      "Indictable motoring offences",
      "Other indictable offences",
      "",
      ...heading,
      ...figures,
      "",
      "1. Organisational delivery",
    ]);
  const rows = table(["50%", "9%", "9%", "9%", "9%", "5%", "9%"]);
  expect(rows).toContainEqual(["Violence against the person", "50%"]);
  expect(rows).toContainEqual(["Indictable motoring offences", "5%"]);
  expect(rows).toContainEqual(["Other indictable offences", "9%"]);
  // One figure short, with the heading or without: no label is paired (read from the second
  // label, every figure went to the label of the row before: Burglary 50%).
  expect(labelsWithPercent(table(["50%", "9%", "9%", "9%", "9%", "5%"]))).toEqual([]);
  expect(labelsWithPercent(table(["50%", "9%", "9%", "9%", "9%", "5%"], []))).toEqual([]);
});

test("a label-first table read a column at a time in two boxes of rows, each its labels then its figures (pdftotext, rows set close): both paired", () => {
  // Tower Hamlets' offence types as pdftotext writes them where the rows are set close: the
  // first three rows with the heading row's "%", then the other five.
  const table = (firstFigures: string[]) =>
    cellPerLineRows([
      "Contextual facts",
      "For children subject to court disposals (including resettlement cases):",
      "Offence types 10",
      "Violence against the person",
      "Burglary",
      "Robbery",
      "",
      "%",
      ...firstFigures,
      "",
      "Theft and handling stolen goods",
      "Fraud and forgery",
      "Drug offences",
      "Summary motoring offences",
      "Other indictable offences",
      "",
      "6%",
      "11%",
      "6%",
      "6%",
      "6%",
      "",
      "1. Organisational delivery",
    ]);
  const rows = table(["50%", "11%", "6%"]);
  expect(rows).toContainEqual(["Violence against the person", "50%"]);
  expect(rows).toContainEqual(["Burglary", "11%"]);
  expect(rows).toContainEqual(["Robbery", "6%"]);
  expect(rows).toContainEqual(["Theft and handling stolen goods", "6%"]);
  expect(rows).toContainEqual(["Fraud and forgery", "11%"]);
  // The first box one figure short: its labels are not paired (the second box's still are).
  const short = table(["50%", "11%"]);
  const paired = labelsWithPercent(short);
  expect(paired).not.toContain("Violence against the person");
  expect(paired).not.toContain("Burglary");
  expect(short).toContainEqual(["Fraud and forgery", "11%"]);
});

test("a label-first table read a column at a time with prose straight after its figures (pdftotext, rows set close): paired up to the prose", () => {
  // Kirklees' key staffing data where its rows are set close: the labels (one wrapped), the
  // figures, then the section's prose.
  const table = (figures: string[]) =>
    cellPerLineRows([
      "Key staffing data16",
      "Total staff headcount (full-time equivalent, FTE)",
      "Total headcount qualified case managers (FTE) 17",
      "Total headcount other case managers (FTE)",
      "Vacancy rate (total unfilled posts as percentage of total staff",
      "headcount)",
      "Average caseload per case manager (FTE)",
      "Average annual sickness days (all staff)",
      "Staff attrition (percentage of all staff leaving in 12-month period)",
      "",
      ...figures,
      "",
      "In making a judgement about staffing, we take into account the answers to the following four questions:",
      "Do staffing and workload levels support the delivery of a high-quality, personalised and responsive service",
      "for all children?",
    ]);
  const rows = table(
    ["43.7", "8.6", "7.8", "0%", "12.5", "7%"].flatMap((f) => (f === "12.5" ? ["7", f] : [f])),
  );
  expect(rows).toContainEqual(["Total staff headcount (full-time equivalent, FTE)", "43.7"]);
  expect(rows).toContainEqual([
    "Vacancy rate (total unfilled posts as percentage of total staff headcount)",
    "0%",
  ]);
  expect(rows).toContainEqual(["Average caseload per case manager (FTE)", "7"]);
  expect(rows).toContainEqual(["Staff attrition (percentage of all staff leaving in 12-month period)", "7%"]);
  // One figure short: no label is paired.
  expect(
    table(["43.7", "8.6", "7.8", "0%", "12.5", "7%"]).filter(
      (r) => r.length > 1 && /^(?:Total|Vacancy|Average|Staff) /.test(r[0] as string),
    ),
  ).toEqual([]);
  // Its caseload characteristics: the prose's later lines hold a sentence's full stop.
  const characteristics = cellPerLineRows([
    "Caseload characteristics18",
    "Percentage of current caseload with mental health issues",
    "Percentage of current caseload with substance misuse issues",
    "Percentage of current caseload with an education, health and care",
    "plan",
    "",
    "70%",
    "70%",
    "11.9%",
    "",
    "In making a judgement about partnerships and services, we take into account the answers to the following",
    "three questions:",
    "The YJS understands the characteristics of the children in its cohort, although its analysis of some children's",
    "risk of harm to others could be stronger, particularly with mapping peer associations and links to gangs.",
  ]);
  expect(characteristics).toContainEqual(["Percentage of current caseload with mental health issues", "70%"]);
  expect(characteristics).toContainEqual([
    "Percentage of current caseload with an education, health and care plan",
    "11.9%",
  ]);
});

test("a whole number opening a numbered page after its running header, before a facts label, is the label's figure, not a page number; the page's own number so placed is not", async () => {
  // North Somerset's population table as pdftotext writes a word processor's PDF: the page
  // breaks after the youth population's row, the next page's header, then "751" / its label.
  const name = "2020-12-north-somerset.txt";
  const cellPerLine = toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
  const label = "Total black and minority ethnic youth population in North Somerset (2011) <sup>4</sup>";
  const row = `751\n${label}\n`;
  expect(cellPerLine).toContain(row);
  const header = "Inspection of youth offending services: North Somerset";
  const population = (r: ReportRecord) =>
    r.contextualFacts.filter((f) => f.group === "population").map((f) => [f.label, f.value]);
  const original = population(await read(name, paged(cellPerLine)));
  expect(original).toContainEqual([
    "Total black and minority ethnic youth population in North Somerset (2011)",
    751,
  ]);
  // (The break a few lines above the row: `paged` numbers every page at its foot.)
  const broken = (figure: string) => {
    const pages = paged(cellPerLine).split("\f");
    const at = pages.findIndex((p) => p.includes(row));
    const page = pages[at] as string;
    pages[at] = page.replace(row, `\f${header}\n${figure}\n${label}\n`);
    return pages.join("\f");
  };
  expect(population(await read(name, broken("751")))).toEqual(original);
  // The page's own number there: furniture. (The break adds a page: the pages after it, most of
  // them, print numbers one less than their place, the page it opens too.)
  const pageOwn = String(
    broken("751")
      .split("\f")
      .findIndex((p) => p.startsWith(header) && p.includes("(2011)")),
  );
  const withOwn = population(await read(name, broken(pageOwn)));
  expect(withOwn.map(([label]) => label)).not.toContain(
    "Total black and minority ethnic youth population in North Somerset (2011)",
  );
});

describe("a text without page marks whose pages end in their numbers, each before the next page's running header (PyMuPDF)", () => {
  // North Somerset a cell per line, its pages written as PyMuPDF writes a PDF's: the page's
  // lines, its number, then the next page's running header. One page breaks inside the
  // contingency row of 2.2.2's table ("... to manage" / "7" / "5" / the page's number / the
  // header / "those risks that have been identified?"), one before the youth population's "751".
  const name = "2020-12-north-somerset.txt";
  const header = "Inspection of youth offending services: North Somerset";
  const tail = "those risks that have been identified?";
  const row = `Does planning set out necessary and effective contingency arrangements to manage ${tail}`;
  const lines = toCellPerLine(readFileSync(join(CORPUS, name), "utf8")).split("\n");
  const at = lines.indexOf(row);
  const BREAK = "\u0000";
  const broken = [
    ...lines.slice(0, at),
    row.slice(0, -tail.length - 1),
    "7",
    "5",
    BREAK,
    tail,
    ...lines.slice(at + 3),
  ];
  broken.splice(broken.indexOf("751"), 0, BREAK);
  /** The pages, a break every 50 lines and at each BREAK, numbered before the header or after it. */
  const pages = (numberFirst: boolean) => {
    const out: string[] = [];
    let page = 1;
    let written = 0;
    for (const line of broken) {
      if (line === BREAK || ++written % 50 === 0) {
        out.push(...(numberFirst ? [String(page), header] : [header, String(page)]));
        page++;
      }
      if (line !== BREAK) out.push(line);
    }
    return out.join("\n");
  };
  const contingency = (r: ReportRecord) =>
    r.prompts.filter((p) => p.text === row).map((p) => [p.keyQuestionId, p.relevant, p.yes]);

  test("the page's number before the header is no count: the row's counts and its last words are read", async () => {
    const original = contingency(await read(name, lines.join("\n")));
    expect(original).toContainEqual(["2.2.2", 7, 5]);
    const text = pages(true);
    expect(text).toMatch(new RegExp(`to manage\\n7\\n5\\n\\d+\\n${header}\\n${tail.replace("?", "\\?")}`));
    expect(contingency(await read(name, text))).toEqual(original);
    // (The page's number after the header, a browser's order: the row is read as well.)
    expect(contingency(await read(name, pages(false)))).toEqual(original);
  });

  test("a label's whole-number figure before the header, the pages' numbers after theirs (a browser's PDF): the label's", async () => {
    // Kirklees' staffing table broken after "Average caseload per case manager (FTE)" / "7", each
    // page's number after its header: that "7" is no page's number, and the rows after the
    // break are the table's still.
    const kirklees = "2021-10-kirklees.txt";
    const cells = toCellPerLine(readFileSync(join(CORPUS, kirklees), "utf8")).split("\n");
    const label = cells.indexOf("Average caseload per case manager (FTE)");
    expect(cells[label + 1]).toBe("7");
    const own = "Inspection of youth offending services: Kirklees";
    const out: string[] = [];
    let page = 1;
    cells.forEach((line, k) => {
      out.push(line);
      if ((k + 1) % 50 === 0 || k === label + 1) out.push(own, String(++page));
    });
    const staffing = (r: ReportRecord) =>
      r.contextualFacts.filter((f) => f.group === "staffing").map((f) => [f.label, f.value]);
    const whole = staffing(await read(kirklees, cells.join("\n")));
    expect(whole).toContainEqual(["Average caseload per case manager (FTE)", 7]);
    expect(whole).toContainEqual(["Average annual sickness days (all staff)", 12.5]);
    expect(staffing(await read(kirklees, out.join("\n")))).toEqual(whole);
  });

  test("a whole number after the header whose page's number stands before it is a facts figure", async () => {
    const text = pages(true);
    expect(text).toMatch(new RegExp(`\\n\\d+\\n${header}\\n751\\n`));
    const youth = (r: ReportRecord) =>
      r.contextualFacts.find((f) => f.label.startsWith("Total black and minority ethnic youth population"))
        ?.value;
    expect(youth(await read(name, text))).toBe(751);
  });
});

// PyMuPDF's text sorted by position (`get_text(sort=True)`) writes a row's counts before its
// question wherever they stand higher than the question's first line (beside a wrapped
// question), after it beside a question of one line. North Somerset's tables so, as the sorted
// text of its PDF writes them.
describe("tables with rows' figures above their questions (PyMuPDF sorted by position)", () => {
  const rowsOf = (lines: string[]) =>
    rejoinRows(normaliseLines(textSourceLines(lines.join("\n")), "text")).lines.map((l) => l.cells);
  /** The figures of the row among `rows` that opens with `opening` (undefined: no such row). */
  const figuresOfRow = (rows: string[][]) => (opening: string) =>
    rows.find((r) => r[0]?.startsWith(opening))?.slice(1);

  test("every row's counts above it: each row takes the two above, the last row's none are below", () => {
    const rows = rowsOf([
      "Does assessment sufficiently analyse how to keep the child safe?",
      "Of the 5 cases inspected:",
      "Relevant cases",
      "Number 'Yes'",
      "5",
      "4",
      "Does assessment clearly identify and analyse any risks to the safety",
      "and wellbeing of the child?",
      "5",
      "5",
      "Does assessment draw sufficiently on available sources of",
      "information, including other assessments, and involve other agencies",
      "where appropriate?",
      "Does assessment sufficiently analyse how to keep other people safe?",
      "Of the 5 cases inspected:",
      "Relevant cases",
      "Number 'Yes'",
      "3",
      "3",
      "Does assessment clearly identify and analyse any risk of harm to",
      "others posed by the child, including identifying who is at risk and the",
      "nature of that risk?",
      "Planning was sufficient in most cases.",
    ]);
    for (const row of [
      [
        "Does assessment clearly identify and analyse any risks to the safety and wellbeing of the child?",
        "5",
        "4",
      ],
      [
        "Does assessment draw sufficiently on available sources of information, including other assessments, and involve other agencies where appropriate?",
        "5",
        "5",
      ],
    ])
      expect(rows).toContainEqual(row);
    // (A table of one row is not read so: its counts may be the row's above or below.)
    expect(rows).not.toContainEqual(expect.arrayContaining(["3"]));
  });

  test("counts below one row's question and above the next rows' (their footnote markers on a line below them): each row its own", () => {
    const rows = rowsOf([
      "Our rating<sup>11</sup> for planning is based on the following key questions:",
      "Of the 8 cases inspected:",
      "Relevant cases",
      "Number 'Yes'",
      "Does planning focus sufficiently on supporting the child's desistance?",
      "8",
      "8",
      "7",
      "7",
      "Does planning focus sufficiently on keeping the child safe?",
      "<sup>12</sup>",
      "7",
      "6",
      "Does planning focus sufficiently on keeping other people safe?",
      "<sup>13</sup>",
      "Nearly every aspect of planning to support desistance and to keep the child safe was sufficient. Planning to",
    ]);
    expect(rows).toContainEqual([
      "Does planning focus sufficiently on supporting the child's desistance?",
      "8",
      "8",
    ]);
    expect(rows).toContainEqual(["Does planning focus sufficiently on keeping the child safe?", "7", "7"]);
    expect(rows).toContainEqual(["Does planning focus sufficiently on keeping other people safe?", "7", "6"]);
  });

  // Kirklees' annex table of 2.1, its percentages a line of their own, as the sorted text writes it
  // (its page's number and the next page's header between two rows).
  test("percentages above their prompts or below them: each prompt its own, the key questions over them none", () => {
    const rows = rowsOf([
      "% Yes",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      "86%",
      "Is there sufficient analysis of offending behaviour, including the child's",
      "attitudes towards and motivations for their offending?",
      "68%",
      "Does assessment consider the diversity and wider familial and social",
      "context of the child, utilising information held by other agencies?",
      "68%",
      "Does assessment focus on the child's strengths and protective",
      "factors?",
      "Does assessment analyse the key structural barriers facing the child?",
      "56%",
      "33",
      "Inspection of youth offending services: Kirklees",
      "77%",
      "Is sufficient attention given to understanding the child's levels of",
      "maturity, ability and motivation to change, and their likelihood of",
      "engaging with the court disposal?",
      "47%",
      "Does assessment give sufficient attention to the needs and wishes of",
      "the victim/s, and opportunities for restorative justice?",
      "95%",
      "Is the child and their parents/carers meaningfully involved in their",
      "assessment, and are their views taken into account?",
      "Does assessment sufficiently analyse how to keep the child safe?",
      "64%",
      "Does assessment clearly identify and analyse any risks to the safety",
      "and wellbeing of the child?",
      "64%",
      "Does assessment draw sufficiently on available sources of",
      "information, including other assessments, and involve other agencies",
      "where appropriate?",
      "42%",
      "Does assessment analyse controls and interventions to promote the",
      "safety and wellbeing of the child?",
      "Does assessment sufficiently analyse how to keep other people safe?",
      "48%",
      "Does assessment clearly identify and analyse any risk of harm to",
      "others posed by the child, including identifying who is at risk and the",
      "nature of that risk?",
      "62%",
      "Does assessment draw sufficiently on available sources of",
      "information, including past behaviour and convictions, and involve",
      "other agencies where appropriate?",
      "48%",
      "Does assessment analyse controls and interventions to manage and",
      "minimise the risk of harm presented by the child?",
      "2.2. Planning",
    ]);
    for (const row of [
      [
        "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending?",
        "86%",
      ],
      ["Does assessment focus on the child's strengths and protective factors?", "68%"],
      ["Does assessment analyse the key structural barriers facing the child?", "56%"],
      [
        "Is sufficient attention given to understanding the child's levels of maturity, ability and motivation to change, and their likelihood of engaging with the court disposal?",
        "77%",
      ],
      [
        "Is the child and their parents/carers meaningfully involved in their assessment, and are their views taken into account?",
        "95%",
      ],
      [
        "Does assessment analyse controls and interventions to promote the safety and wellbeing of the child?",
        "42%",
      ],
      [
        "Does assessment analyse controls and interventions to manage and minimise the risk of harm presented by the child?",
        "48%",
      ],
    ])
      expect(rows).toContainEqual(row);
    expect(rows).toContainEqual(["Does assessment sufficiently analyse how to keep the child safe?"]);
  });

  // Tower Hamlets' annex table of 2.1's prompts as the sorted text writes them, whether its
  // rows are set close or not: a wrapped prompt's figure above it, a prompt of one line's below it.
  const TOWER_HAMLETS_21_PROMPTS = [
    "a) Is there sufficient analysis of offending behaviour, including the",
    "child's attitudes towards and motivations for their offending?",
    "b) Does assessment sufficiently analyse diversity issues?",
    "75%",
    "88%",
    "c) Does assessment consider personal circumstances, including the",
    "wider familial and social context of the child?",
    "d) Does assessment utilise information held by other agencies?",
    "94%",
    "88%",
    "e) Does assessment focus on the child's strengths and protective",
    "factors?",
    "56%",
    "f) Does assessment analyse the key structural barriers facing the",
    "child?",
    "81%",
    "g) Is enough attention given to understanding the child's levels of",
    "maturity, ability and motivation to change, and their likelihood of",
    "engaging with the court disposal?",
    "69%",
    "h) Does assessment give sufficient attention to the needs and wishes",
    "of victims, and opportunities for restorative justice?",
    "81%",
    "i) Are the child and their parents or carers meaningfully involved in",
    "their assessment, and are their views taken into account?",
  ];
  /** The same annex's 2.1.2 key question and its prompts, as the sorted text writes them. */
  const TOWER_HAMLETS_212_PROMPTS = [
    "Does assessment sufficiently analyse how to keep the child saf",
    "fe?",
    "69%",
    "a) Does assessment clearly identify and analyse any risks to the",
    "safety and wellbeing of the child?",
    "88%",
    "b) Does assessment draw sufficiently on available sources of",
    "information, including other assessments, and involve other agencies",
    "where appropriate?",
    "69%",
    "c) Does assessment analyse controls and interventions to promote the",
    "safety and wellbeing of the child?",
  ];

  // Tower Hamlets' annex table of 2.1, under the standard's name (no heading of its own), its
  // prompts lettered, as the sorted text writes it: a wrapped prompt's figure above it, a prompt
  // of one line's below it ("b) ...?" / "75%" / "88%" / "c) ..."), the key questions over them.
  test("a lettered annex table under a standard's name: each prompt its own percentage", () => {
    const rows = rowsOf([
      "2.1. Assessment (court disposals)",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      "88%",
      ...TOWER_HAMLETS_21_PROMPTS,
      ...TOWER_HAMLETS_212_PROMPTS,
      "The quality of assessment was sufficient.",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("a) Is there sufficient analysis")).toEqual(["88%"]);
    expect(figureOf("b) Does assessment sufficiently analyse diversity")).toEqual(["75%"]);
    expect(figureOf("c) Does assessment consider personal circumstances")).toEqual(["88%"]);
    expect(figureOf("d) Does assessment utilise information")).toEqual(["94%"]);
    expect(figureOf("f) Does assessment analyse the key structural barriers")).toEqual(["56%"]);
    expect(figureOf("i) Are the child and their parents")).toEqual(["81%"]);
    expect(figureOf("a) Does assessment clearly identify and analyse any risks")).toEqual(["69%"]);
    expect(figureOf("b) Does assessment draw sufficiently")).toEqual(["88%"]);
    expect(figureOf("c) Does assessment analyse controls")).toEqual(["69%"]);
  });

  // The same annex's 2.1.3 prompts on the next page, a note whose marker the report lost set
  // between them and their key question ("26 Some questions do not apply in all cases."): the
  // table goes on past it, the page's furniture between or not.
  test.each([
    ["straight after the key question", []],
    [
      "after the page's break",
      ["\f34", "Inspection of youth offending services: Tower Hamlets and City of London"],
    ],
  ])("an annex table's prompts past a page's note %s: each prompt its own percentage", (_, pageBreak) => {
    const rows = rowsOf([
      "2.1. Assessment (court disposals)",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      "88%",
      ...TOWER_HAMLETS_21_PROMPTS,
      ...TOWER_HAMLETS_212_PROMPTS,
      "Does assessment sufficiently analyse how to keep other people",
      "e safe?",
      ...pageBreak,
      "26 Some questions do not apply in all cases.",
      "75%",
      "a) Does assessment clearly identify and analyse any risk of harm to others posed by the child, including",
      "identifying who is at risk and the nature of that risk?",
      "81%",
      "b) Does assessment draw sufficiently on available sources of information, including past behaviour and",
      "convictions, and involve other agencies where appropriate?",
      "69%",
      "c) Does assessment analyse controls and interventions to manage and minimise the risk of harm",
      "presented by the child?",
      "2.2. Planning (court disposals)",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("c) Does assessment analyse controls and interventions to promote")).toEqual(["69%"]);
    expect(figureOf("a) Does assessment clearly identify and analyse any risk of harm")).toEqual(["75%"]);
    expect(
      figureOf("b) Does assessment draw sufficiently on available sources of information, including past"),
    ).toEqual(["81%"]);
    expect(figureOf("c) Does assessment analyse controls and interventions to manage")).toEqual(["69%"]);
    expect(rows).toContainEqual(["26 Some questions do not apply in all cases."]);
  });

  // North Somerset from the word processor, sorted: the heading row's pieces and caption in an
  // order of their own ("Number 'Yes'" / "Of the 8 cases inspected:" / "Relevant" / "cases").
  test("a count table whose heading's pieces stand apart: each row its own counts", () => {
    const rows = rowsOf([
      "Number 'Yes'",
      "Of the 8 cases inspected:",
      "Relevant",
      "cases",
      "8",
      "8",
      "Is there sufficient analysis of offending behaviour, including the child's attitudes towards",
      "and motivations for their offending?",
      "8",
      "8",
      "Does assessment consider the diversity and wider familial and social context of the child,",
      "utilising information held by other agencies?",
      "Does assessment focus on the child's strengths and protective factors?",
      "8",
      "8",
      "Where applicable, does assessment analyse the key structural barriers facing the child?",
      "7",
      "7",
      "8",
      "8",
      "Is sufficient attention given to understanding the child's levels of maturity, ability and",
      "motivation to change, and their likelihood of engaging with the court disposal?",
      "6",
      "6",
      "Does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities",
      "for restorative justice?",
      "10",
      "The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band. See Annexe 1 for a more detailed",
      "explanation.",
    ]);
    const countsOf = figuresOfRow(rows);
    expect(countsOf("Is there sufficient analysis")).toEqual(["8", "8"]);
    expect(countsOf("Does assessment focus on the child's strengths")).toEqual(["8", "8"]);
    expect(countsOf("Where applicable, does assessment analyse the key structural")).toEqual(["7", "7"]);
    expect(countsOf("Is sufficient attention given to understanding")).toEqual(["8", "8"]);
    expect(countsOf("Does assessment give sufficient attention to the needs")).toEqual(["6", "6"]);
  });

  // North Somerset's 3.4 table from the word processor, sorted: a question of one line takes its
  // first count on its line, beside its mark, and its second below it; the wrapped questions
  // after it have theirs above them.
  test("a row's first count beside its question's mark, its second below: each row after it its own counts", () => {
    const rows = rowsOf([
      "Are the YOT's recommendations sufficiently well-",
      "informed, analytical and personalised to the child, ",
      "supporting joint decision-making?",
      "Number 'Yes'",
      "Of the 5 cases inspected:",
      "Relevant ",
      "cases",
      "5",
      "5",
      "Where applicable, are the recommendations by the YOT for out-of-court disposal ",
      "outcomes, conditions and interventions appropriate and proportionate?",
      "5",
      "5",
      "Do the recommendations consider the degree of the child's understanding of the offence ",
      "and their acknowledgement of responsibility?",
      "Where applicable, is a positive contribution made by the YOT to determining the disposal? 5",
      "5",
      "5",
      "4",
      "Is sufficient attention given to the child's understanding, and their parents/carers' ",
      "understanding, of the implications of receiving an out-of-court disposal?",
      "5",
      "2",
      "Is the information provided to inform decision-making timely to meet the needs of the ",
      "case, legislation and guidance?",
      "5",
      "3",
      "Where applicable, is the rationale for joint disposal decisions appropriate and clearly ",
      "recorded?",
      "Does the YOT work effectively with the police in ",
      "implementing the out-of-court disposal?",
      "Number 'Yes'",
      "Of the 3 cases with youth conditional cautions:",
    ]);
    const countsOf = figuresOfRow(rows);
    expect(countsOf("Where applicable, are the recommendations")).toEqual(["5", "5"]);
    expect(countsOf("Do the recommendations consider")).toEqual(["5", "5"]);
    expect(rows).toContainEqual([
      "Where applicable, is a positive contribution made by the YOT to determining the disposal?",
      "5",
      "5",
    ]);
    expect(countsOf("Is sufficient attention given to the child's understanding")).toEqual(["5", "4"]);
    expect(countsOf("Is the information provided")).toEqual(["5", "2"]);
    expect(countsOf("Where applicable, is the rationale")).toEqual(["5", "3"]);
  });

  // North Somerset's 2.1 table on A5 pages, sorted: a question's lines run on past a page's
  // break, its note, number and running header ("... of the child, utilising" / ... /
  // "information held by other agencies?"), and every row's counts stand above its question.
  test("a question run on past a page's break in a count table: each row its own counts", () => {
    const rows = rowsOf([
      "28",
      "Inspection of youth offending services: North Somerset",
      "Our rating10 for assessment is based on the following key questions:",
      "Does assessment sufficiently analyse how ",
      "to support the child's desistance?",
      "Of the 8 cases inspected:",
      "Relevant ",
      "cases",
      "Number ",
      "'Yes'",
      "8",
      "8",
      "Is there sufficient analysis of offending behaviour, ",
      "including the child's attitudes towards and motivations ",
      "for their offending?",
      "8",
      "8",
      "Does assessment consider the diversity and wider ",
      "familial and social context of the child, utilising ",
      "10 The rating for the standard is driven by the lowest score on each of the key questions, which is ",
      "placed in a rating band. See Annexe 1 for a more detailed explanation.",
      "29",
      "Inspection of youth offending services: North Somerset",
      "information held by other agencies?",
      "8",
      "8",
      "Does assessment focus on the child's strengths and ",
      "protective factors?",
      "7",
      "7",
      "Where applicable, does assessment analyse the key ",
      "structural barriers facing the child?",
      "8",
      "8",
      "Is sufficient attention given to understanding the child's ",
      "levels of maturity, ability and motivation to change, and ",
      "their likelihood of engaging with the court disposal?",
      "6",
      "6",
      "Does assessment give sufficient attention to the needs and ",
      "wishes of the victim/s, and opportunities for restorative justice?",
      "8",
      "6",
      "Is the child and their parents/carers meaningfully involved in ",
      "their assessment, and are their views taken into account?",
      "Does assessment sufficiently analyse how to keep ",
      "the child safe?",
      "Of the 8 cases inspected:",
      "30",
      "Inspection of youth offending services: North Somerset",
    ]);
    const countsOf = figuresOfRow(rows);
    expect(countsOf("Is there sufficient analysis")).toEqual(["8", "8"]);
    expect(countsOf("Does assessment consider the diversity")).toEqual(["8", "8"]);
    expect(rows.find((r) => r[0]?.startsWith("Does assessment consider the diversity"))?.[0]).toBe(
      "Does assessment consider the diversity and wider familial and social context of the child, utilising information held by other agencies?",
    );
    expect(countsOf("Does assessment focus on the child's strengths")).toEqual(["8", "8"]);
    expect(countsOf("Where applicable, does assessment analyse the key")).toEqual(["7", "7"]);
    expect(countsOf("Is sufficient attention given to understanding")).toEqual(["8", "8"]);
    expect(countsOf("Does assessment give sufficient attention to the needs")).toEqual(["6", "6"]);
    expect(countsOf("Is the child and their parents/carers")).toEqual(["8", "6"]);
  });

  // North Somerset's 2.4.3 table with larger samples (counts n -> 2n + 1), sorted: the wider
  // count wraps the caption once more, its last word on a line of its own among the heading's
  // pieces ("... keeping other people" / "Relevant" / "Number 'Yes'" / "safe:" / "cases"), or
  // "Relevant" set on the caption's first line where the cells are justified; with the heading
  // rows printed again, "Number 'Yes'" first, four lines above "cases".
  const CAPTION_15 = "Of the 15 cases where there were changes in factors related to keeping other people";
  test.each([
    ["a line of its own among the pieces", [CAPTION_15, "Relevant", "Number 'Yes'"], ["safe:", "cases"]],
    [
      "the first piece at the end of the caption's line",
      [`${CAPTION_15} Relevant`, "Number 'Yes'"],
      ["safe:", "cases"],
    ],
    ["the pieces four lines apart", [], ["Number 'Yes'", CAPTION_15, "safe:", "Relevant", "cases"]],
  ])(
    "a count table's caption wrapped among its heading's pieces, %s: each row its own counts",
    (_, before, after) => {
      const rows = rowsOf([
        "19",
        "Inspection of youth offending services: North Somerset",
        "Does reviewing focus sufficiently on keeping other people safe?",
        ...before,
        "20",
        "Inspection of youth offending services: North Somerset",
        ...after,
        "Does reviewing identify and respond to changes in factors related to risk of harm?",
        "15",
        "11",
        "15",
        "13",
        "Where applicable, is reviewing informed by the necessary input from other agencies ",
        "involved in managing the risk of harm?",
        "15",
        "11",
        "Is the child and their parents/carers meaningfully involved in reviewing their risk of harm, ",
        "and are their views taken into account?",
        "7",
        "3",
        "Where applicable, does reviewing lead to the necessary adjustments in the ongoing plan ",
        "of work to manage and minimise the risk of harm?",
        "Practitioners focused well on safety and wellbeing throughout the court order.",
        "21",
        "Inspection of youth offending services: North Somerset",
      ]);
      const countsOf = figuresOfRow(rows);
      expect(countsOf("Does reviewing identify and respond")).toEqual(["15", "11"]);
      expect(countsOf("Where applicable, is reviewing informed")).toEqual(["15", "13"]);
      expect(countsOf("Is the child and their parents/carers")).toEqual(["15", "11"]);
      expect(countsOf("Where applicable, does reviewing lead")).toEqual(["7", "3"]);
    },
  );

  // North Somerset's 3.2 table on A5 pages, sorted: a page's break divides the first row, its
  // counts beside the question's first line on the page before, the rest of its words on the
  // next, after the page's foot and head (and the table's heading rows, where printed again).
  const HEADING_ROWS_3_2 = ["Of the 5 cases inspected:", "Relevant", "cases", "Number ", "'Yes'"];
  test.each([
    ["", []],
    [" and the table's heading rows printed again", HEADING_ROWS_3_2],
  ])(
    "a row a page's break divides, its counts on the page before%s: the row whole, each row after it its own counts",
    (_, repeated) => {
      const rows = rowsOf([
        "44",
        "Inspection of youth offending services: North Somerset",
        "Our rating21 for planning is based on the following key questions:",
        "Does planning focus on supporting the child's ",
        "desistance?",
        ...HEADING_ROWS_3_2,
        "Does planning set out the services most likely to ",
        "5",
        "5",
        "21 The rating for the standard is driven by the lowest score on each of the key questions, which is ",
        "placed in a rating band. See Annexe 1 for a more detailed explanation.",
        "45",
        "Inspection of youth offending services: North Somerset",
        ...repeated,
        "support desistance, paying sufficient attention to the ",
        "available timescales and the need for sequencing?",
        "5",
        "5",
        "Does planning take sufficient account of the diversity ",
        "and wider familial and social context of the child?",
        "5",
        "5",
        "Does planning take sufficient account of the child's ",
        "strengths and protective factors, and seek to reinforce ",
        "or develop these as necessary?",
        "5",
        "5",
        "Does planning take sufficient account of the child's ",
        "levels of maturity, ability and motivation to change, and ",
        "seek to develop these as necessary?",
        "5",
        "4",
        "Does planning take sufficient account of opportunities ",
        "for community integration, including access to ",
        "mainstream services, following completion of out-of-",
        "court disposal work?",
        "3",
        "3",
        "Where applicable, does planning give sufficient ",
        "attention to the needs and wishes of the victim/s?",
        "46",
        "Inspection of youth offending services: North Somerset",
      ]);
      const countsOf = figuresOfRow(rows);
      expect(rows).toContainEqual([
        "Does planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing?",
        "5",
        "5",
      ]);
      expect(countsOf("Does planning take sufficient account of the diversity")).toEqual(["5", "5"]);
      expect(countsOf("Does planning take sufficient account of the child's strengths")).toEqual(["5", "5"]);
      expect(countsOf("Does planning take sufficient account of the child's levels")).toEqual(["5", "5"]);
      expect(countsOf("Does planning take sufficient account of opportunities")).toEqual(["5", "4"]);
      expect(countsOf("Where applicable, does planning give sufficient")).toEqual(["3", "3"]);
    },
  );

  // North Somerset's 2.3 table from the word processor, sorted: "Number 'Yes'", on one line, stands
  // higher than the caption, "Relevant" / "cases" after it. The caption with both headings is the
  // table's heading row, and its sub-sample the key questions'.
  test("a heading whole above the caption, the other's pieces after it: the caption's row, its sub-sample read", async () => {
    const lines = [
      "An inspection of youth offending services in North Somerset",
      "2.3. Implementation and delivery",
      "High-quality, well-focused, personalised and coordinated services are delivered, engaging and assisting the",
      "child.",
      "Good",
      "Our rating14 for implementation and delivery is based on the following key questions:",
      "Number 'Yes'",
      "Of the 8 cases inspected:",
      "Relevant",
      "cases",
      "8",
      "7",
      "Does the implementation and delivery of services effectively support the child's",
      "desistance?",
      "7",
      "7",
      "Does the implementation and delivery of services effectively support the safety of the child?",
      "7",
      "5",
      "Does the implementation and delivery of services effectively support the safety of other",
      "people?",
      "Implementation and delivery to keep children safe was consistently effective.",
    ];
    expect(rowsOf(lines)).toContainEqual(["Of the 8 cases inspected:", "Relevant cases", "Number 'Yes'"]);
    const record = await read("sorted.txt", lines.join("\n"));
    expect(record.keyQuestions.map((k) => [k.id, k.relevant, k.yes, k.subSample])).toEqual([
      ["2.3.1", 8, 7, 8],
      ["2.3.2", 7, 7, 8],
      ["2.3.3", 7, 5, 8],
    ]);
  });

  // North Somerset's 2.4 table from the word processor, sorted: the heading row's pieces out of
  // their order ("Relevant" / "Number 'Yes'" / "cases") and a page's break among them (its number
  // and running header, pages joined); the first
  // row's counts below its question (one line), the others' above theirs.
  test("a count table's heading pieces out of order, a page's break among them: each row its own counts", () => {
    const header = "Inspection of youth offending services: North Somerset";
    const rows = rowsOf([
      "19",
      header,
      "Does reviewing focus sufficiently on keeping other people safe?",
      "Of the 7 cases where there were changes in factors related to keeping other people safe:",
      "Relevant",
      "Number 'Yes'",
      "20",
      header,
      "cases",
      "Does reviewing identify and respond to changes in factors related to risk of harm?",
      "7",
      "5",
      "7",
      "6",
      "Where applicable, is reviewing informed by the necessary input from other agencies",
      "involved in managing the risk of harm?",
      "7",
      "5",
      "Is the child and their parents/carers meaningfully involved in reviewing their risk of harm,",
      "and are their views taken into account?",
      "3",
      "1",
      "Where applicable, does reviewing lead to the necessary adjustments in the ongoing plan",
      "of work to manage and minimise the risk of harm?",
      "Practitioners focused well on safety and wellbeing throughout the court order.",
      "21",
      header,
      "3. Out-of-court disposals",
    ]);
    const countsOf = figuresOfRow(rows);
    expect(countsOf("Does reviewing identify and respond")).toEqual(["7", "5"]);
    expect(countsOf("Where applicable, is reviewing informed")).toEqual(["7", "6"]);
    expect(countsOf("Is the child and their parents/carers")).toEqual(["7", "5"]);
    expect(countsOf("Where applicable, does reviewing lead")).toEqual(["3", "1"]);
  });

  // Kirklees' 3.4 annex table from the word processor on A5 pages, sorted: every prompt's
  // percentage above it, and the second key question printed with its number and its note's
  // marker ("3.2.1 Does the YOT ... out-" / "of-court disposal?30"): a key question still, no row.
  test("a key question with its number before it and its note's marker after it: a key question among prompts", () => {
    const rows = rowsOf([
      "3.4. Joint working",
      "% Yes",
      "Are the YOT's recommendations sufficiently well-informed,",
      "analytical and personalised to the child, supporting joint decision",
      "making?",
      "67%",
      "Are the recommendations by the YOT for out-of-court disposal",
      "outcomes, conditions and interventions appropriate and",
      "proportionate?",
      "83%",
      "Do the recommendations consider the degree of the child's",
      "understanding of the offence and their acknowledgement of",
      "responsibility?",
      "67%",
      "Is the rationale for joint disposal decisions appropriate and clearly",
      "recorded?",
      "3.2.1 Does the YOT work effectively with the police in implementing the out-",
      "of-court disposal?30",
      "80%",
      "Does the YOT inform the police of progress and outcomes in a",
      "sufficient and timely manner?",
      "100%",
      "Is sufficient attention given to compliance with and enforcement of",
      "the conditions?",
      "This question is only asked in youth conditional caution cases.",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("Are the recommendations by the YOT")).toEqual(["67%"]);
    expect(figureOf("Do the recommendations consider")).toEqual(["83%"]);
    expect(figureOf("Is the rationale for joint disposal")).toEqual(["67%"]);
    expect(figureOf("3.2.1 Does the YOT work effectively")).toEqual([]);
    expect(figureOf("Does the YOT inform the police")).toEqual(["80%"]);
    expect(figureOf("Is sufficient attention given to compliance")).toEqual(["100%"]);
  });

  test("a column's counts under its heading alone (a table written a column at a time) are not taken", () => {
    const rows = rowsOf([
      "Of the 7 cases with factors related to keeping the child safe:",
      "Does service delivery promote the safety and wellbeing of the child?",
      "Where applicable, is the involvement of other organisations in keeping",
      "the child safe sufficiently well-coordinated?",
      "",
      "Relevant cases",
      "7",
      "7",
      "",
      "Number 'Yes'",
      "7",
      "6",
      "",
      "Does the implementation and delivery of services",
      "effectively support the safety of other people?",
      "Of the 7 cases with factors related to keeping other people safe:",
    ]);
    expect(rows).not.toContainEqual([
      "Does the implementation and delivery of services effectively support the safety of other people?",
      "7",
      "6",
    ]);
  });

  // North Somerset's 3.2 and 2.4 tables as the sorted text writes them: a page's notes, number
  // and the next page's running header among a table's rows, and a caption wrapped after the
  // heading row. (Three pages' numbers before their headers, counting up, tell them a page's.)
  // (`feed`: the form feed a converter writes before each page's header, pdftotext's.)
  const HEADER = "Inspection of youth offending services: North Somerset";
  const pagesAround = (table: string[], feed = "") => [
    "Planning was sufficient in most cases.",
    "21",
    `${feed}${HEADER}`,
    "Reviewing was sufficient in most cases.",
    "22",
    `${feed}${HEADER}`,
    ...table.map((line) => (line === HEADER ? `${feed}${line}` : line)),
    "Out-of-court disposals were well managed.",
    "24",
    `${feed}${HEADER}`,
    "Annexe 1: Methodology",
  ];

  test("a page's notes, number and header among a table's rows: each row its own counts", () => {
    const rows = rowsOf(
      pagesAround([
        "Does planning focus sufficiently on keeping the child safe?",
        "Of the 5 cases with factors relevant to keeping the child safe:",
        "Relevant cases",
        "Number 'Yes'",
        "5",
        "5",
        "Does planning promote the safety and wellbeing of the child,",
        "sufficiently addressing risks?",
        "<sup>22</sup> This question is only relevant in cases where there are factors related to keeping the child safe.",
        "",
        "",
        "",
        "23",
        "Inspection of youth offending services: North Somerset",
        "4",
        "4",
        "Where applicable, does planning involve other agencies where",
        "appropriate, and is there sufficient alignment with other plans (for",
        "example, child protection or care plans) concerning the child?",
        "5",
        "3",
        "Does planning include necessary contingency arrangements for those",
        "risks that have been identified?",
        "Does planning focus sufficiently on keeping other people safe?",
        "Of the 2 cases with factors relevant to keeping other people safe:",
        "Relevant cases",
        "Number 'Yes'",
        "2",
        "1",
        "Does planning promote the safety of other people, sufficiently",
        "addressing risk of harm factors?",
        "2",
        "1",
        "Where applicable, does planning involve other agencies where",
        "appropriate?",
      ]),
    );
    const countsOf = figuresOfRow(rows);
    expect(countsOf("Does planning promote the safety and wellbeing")).toEqual(["5", "5"]);
    expect(countsOf("Where applicable, does planning involve other agencies where appropriate, and")).toEqual(
      ["4", "4"],
    );
    expect(countsOf("Does planning include necessary contingency")).toEqual(["5", "3"]);
    expect(countsOf("Does planning promote the safety of other people")).toEqual(["2", "1"]);
    expect(countsOf("Where applicable, does planning involve other agencies where appropriate?")).toEqual([
      "2",
      "1",
    ]);
    // (The next table's key question, last over its caption, has no counts of the table above.)
    expect(rows).toContainEqual(["Does planning focus sufficiently on keeping other people safe?"]);
  });

  test("a caption wrapped after the heading row: each row its own counts", () => {
    const rows = rowsOf(
      pagesAround([
        "Does reviewing focus sufficiently on supporting the child's desistance?",
        "Relevant cases",
        "Number 'Yes'",
        "Of the 8 cases where there were changes in factors related to",
        "desistance:",
        "8",
        "7",
        "Does reviewing identify and respond to changes in factors linked to",
        "desistance?",
        "8",
        "8",
        "Does reviewing focus sufficiently on building upon the child's strengths",
        "and enhancing protective factors?",
        "8",
        "7",
        "Does reviewing consider motivation and engagement levels and any",
        "relevant barriers?",
        "8",
        "7",
        "Is the child and their parents/carers meaningfully involved in reviewing",
        "their progress and engagement, and are their views taken into",
        "account?",
      ]),
    );
    const countsOf = figuresOfRow(rows);
    expect(countsOf("Does reviewing identify and respond")).toEqual(["8", "7"]);
    expect(countsOf("Does reviewing focus sufficiently on building")).toEqual(["8", "8"]);
    expect(countsOf("Does reviewing consider motivation")).toEqual(["8", "7"]);
    expect(countsOf("Is the child and their parents/carers")).toEqual(["8", "7"]);
  });

  // pdftotext's text of the same table: the first row beside the heading row written before it,
  // its counts after it (the rows' counts below their questions), the next table's key question
  // last. Not read as counts above (in a whole report `countPairs` reads its rows).
  test("a first row's question before the heading row, its counts after it: not read as counts above", () => {
    const rows = rowsOf(
      pagesAround(
        [
          "Does planning focus sufficiently on keeping the child safe?",
          "Of the 5 cases with factors relevant to keeping the child safe:",
          "Does planning promote the safety and wellbeing of the child,",
          "sufficiently addressing risks?",
          "",
          "Relevant cases",
          "",
          "Number 'Yes'",
          "5",
          "",
          "5",
          "",
          "23",
          "",
          "Inspection of youth offending services: North Somerset",
          "",
          "Where applicable, does planning involve other agencies where",
          "appropriate, and is there sufficient alignment with other plans (for",
          "example, child protection or care plans) concerning the child?",
          "",
          "4",
          "",
          "4",
          "",
          "Does planning include necessary contingency arrangements for those",
          "risks that have been identified?",
          "",
          "5",
          "",
          "3",
          "",
          "Does planning focus sufficiently on keeping other people safe?",
          "Of the 2 cases with factors relevant to keeping other people safe:",
        ],
        "\f",
      ),
    );
    const countsOf = figuresOfRow(rows);
    expect(countsOf("Where applicable, does planning involve other agencies")).toEqual([]);
    expect(countsOf("Does planning include necessary contingency")).toEqual([]);
  });

  /** Croydon's 2.2 key questions, number, percentage and words, as a narrow column wraps them. */
  const CROYDON_22_NARROW: [string, string, string[]][] = [
    [
      "2.2.1.",
      "84%",
      ["Does planning focus", "sufficiently on", "supporting the child", "or young person's", "desistance?"],
    ],
    [
      "2.2.2.",
      "72%",
      ["Does planning focus", "sufficiently on keeping", "the child or young", "person safe?"],
    ],
    ["2.2.3.", "66%", ["Does planning focus", "sufficiently on keeping", "other people safe?"]],
  ];

  // Croydon's annex, "Standards and key questions | Rating and % yes", as the sorted text writes
  // it: a wrapped key question's percentage above it, a key question of one line's below it, the
  // number alone on its line in a narrow column, each standard's row (number, name, rating,
  // description) between.
  const STANDARDS_TABLE = [
    "2. Court disposals",
    "Standards and key questions",
    "Rating and % yes",
    "2.1. Assessment",
    "Outstanding",
    "Assessment is well-informed, analytical and personalised, actively",
    "involving the child or young person and their parents/carers.",
    "93%",
    "2.1.1. Does assessment sufficiently analyse how to support the child",
    "or young person's desistance?",
    "84%",
    "2.1.2. Does assessment sufficiently analyse how to keep the child or",
    "young person safe?",
    "79%",
    "2.1.3. Does assessment sufficiently analyse how to keep other people",
    "safe?",
    "2.2.",
    "Planning",
    "Good",
    "Planning is well-informed,",
    "holistic and personalised,",
    "actively involving the child or",
    "young person and their parents/carers.",
    ...CROYDON_22_NARROW.flatMap(([number, figure, words]) => [figure, number, ...words]),
    "3.2. Planning",
    "Inadequate",
    "Planning is well-informed, holistic and personalised, actively involving",
    "the child or young person and their parents/carers.",
    "71%",
    "3.2.1. Does planning focus sufficiently on supporting the child or",
    "young person's desistance?",
    "35%",
    "3.2.2. Does planning focus sufficiently on keeping the child or young",
    "person safe?",
    "3.2.3. Does planning focus sufficiently on keeping other people safe?",
    "50%",
    "Annex 3 – Glossary",
  ];

  test("an annex's table of standards and numbered key questions: each key question its own percentage", () => {
    const rows = rowsOf(STANDARDS_TABLE);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("2.1.1. Does assessment")).toEqual(["93%"]);
    expect(figureOf("2.1.2. Does assessment")).toEqual(["84%"]);
    expect(figureOf("2.1.3. Does assessment")).toEqual(["79%"]);
    expect(rows).toContainEqual([
      "2.2.1. Does planning focus sufficiently on supporting the child or young person's desistance?",
      "84%",
    ]);
    expect(figureOf("2.2.2.")).toEqual(["72%"]);
    expect(figureOf("2.2.3.")).toEqual(["66%"]);
    expect(figureOf("3.2.1. Does planning")).toEqual(["71%"]);
    expect(figureOf("3.2.2. Does planning")).toEqual(["35%"]);
    expect(figureOf("3.2.3. Does planning")).toEqual(["50%"]);
  });

  // (A text written a cell per line is told so from its lines as written: the ratings table's
  // cells are joined into rows, the annex's rows joined above being no sign of a text of rows.)
  test("a text a cell per line whose annex rows are joined from above: still read a cell per line", () => {
    const rows = rowsOf([
      "Overall rating",
      "Requires improvement",
      "1. Organisational delivery",
      ...[
        ["1.1", "Governance and", "leadership", "Requires", "improvement"],
        ["1.2", "Staff", "Good"],
        ["1.3", "Partnerships and", "services", "Requires", "improvement"],
        ["1.4", "Information and", "facilities", "Requires", "improvement"],
        ["2. Court disposals", "2.1", "Assessment", "Outstanding*"],
        ["2.2", "Planning", "Good"],
        ["2.3", "Implementation and", "delivery", "Good"],
        ["2.4", "Reviewing", "Good"],
        ["3. Out-of-court disposals", "3.1", "Assessment", "Inadequate"],
        ["3.2", "Planning", "Inadequate"],
      ].flat(),
      ...STANDARDS_TABLE,
    ]);
    expect(rows).toContainEqual(["Overall rating", "Requires improvement"]);
    expect(rows).toContainEqual(["1.1", "Governance and", "leadership"]);
    expect(rows).toContainEqual(["2.1", "Assessment", "Outstanding*"]);
    expect(rows.find((r) => r[0]?.startsWith("2.1.1. Does assessment"))?.slice(1)).toEqual(["93%"]);
  });

  // Tower Hamlets' table of key questions under "Our rating ... is based on the following key
  // questions:", their percentages above them, the first key question again under the table.
  test("a table of key questions alone: the key questions are its rows", () => {
    const rows = rowsOf([
      "Requires improvement",
      "Our rating for implementation and delivery is based on the following key questions:",
      "% 'Yes'",
      "88%",
      "Does the implementation and delivery of services effectively support",
      "the child's desistance?",
      "69%",
      "Does the implementation and delivery of services effectively support",
      "the safety of the child?",
      "63%",
      "Does the implementation and delivery of services effectively support",
      "the safety of other people?",
      "Does the implementation and delivery of services effectively support the child's desistance?",
      "The implementation and delivery of work to help children not reoffend was an area of strength.",
    ]);
    const figureOf = (ending: string) => rows.find((r) => r[0]?.endsWith(ending))?.slice(1);
    expect(figureOf("support the child's desistance?")).toEqual(["88%"]);
    expect(figureOf("support the safety of the child?")).toEqual(["69%"]);
    expect(figureOf("support the safety of other people?")).toEqual(["63%"]);
  });

  // pdfminer's text of Kirklees' tables: the rows beside the heading written before it, their
  // percentages after it, below their questions. Read so, not as percentages above questions.
  test("questions before a percentage table's heading: not read as percentages above", () => {
    const rows = rowsOf([
      "Our rating for assessment is based on the following key questions:",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      "% yes",
      "64%",
      "Does assessment sufficiently analyse how to keep the child safe?",
      "59%",
      "Does assessment sufficiently analyse how to keep other people safe?",
      "50%",
      "Does assessment sufficiently analyse how to support the child's desistance?",
      "In 19 out of 22 cases inspected, the assessment included a sufficient analysis of offending behaviour.",
      "Our rating for joint working is based on the following key questions:",
      "Are the YOT's recommendations sufficiently well-informed, analytical",
      "and personalised to the child, supporting joint decision making?",
      "Does the YOT work effectively with the police in implementing the",
      "out-of-court disposal?",
      "% yes",
      "27%",
      "80%",
      "Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision-making?",
      "West Yorkshire Police have a local policy which states that first-time offences can be dealt with.",
    ]);
    // (No question given a percentage: each line as it stood.)
    expect(rows.filter((row) => row.length > 1)).toEqual([]);
  });

  // Tower Hamlets' annex table of 3.3 from the word processor, sorted: a wrapped prompt's
  // percentage among its lines, and the standard's name printed again at the next page's top.
  test("a percentage among a wrapped prompt's lines, the standard's name again at a page's top: each prompt its own", () => {
    const rows = rowsOf([
      "d) Does planning include necessary contingency arrangements for",
      "those risks that have been identified?",
      "44%",
      "3.3. Implementation and delivery (out-of-court disposals)",
      "Does service delivery effectively support the child's desistance?",
      "56%",
      "a) Are the delivered services those most likely to support desistance, with sufficient attention given to sequencing",
      "and the available timescales?",
      "3.3. Implementation and delivery (out-of-court disposals)",
      "b) Does service delivery account for the diversity issues of the child?",
      "67%",
      "78%",
      "c) Does service delivery reflect the wider familial and social context of the child, involving parents or carers, or",
      "significant others?",
      "d) Is sufficient focus given to developing and maintaining an effective working relationship with the child and their",
      "78%",
      "parents or carers?",
      "e) Is sufficient attention given to encouraging and enabling the child's compliance with the work of the YOT?",
      "78%",
      "f) Does service delivery promote opportunities for community integration, including access to mainstream services?",
      "89%",
      "Does service delivery effectively support the safety of the child?",
      "a) Does service delivery promote the safety and wellbeing of the child?",
      "56%",
      "b) Is the involvement of other agencies in keeping the child safe sufficiently well utilised and coordinated?",
      "33%",
      "Annexe 3: Glossary",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("a) Are the delivered services")).toEqual(["56%"]);
    expect(figureOf("b) Does service delivery account")).toEqual(["67%"]);
    expect(figureOf("c) Does service delivery reflect")).toEqual(["78%"]);
    expect(rows).toContainEqual([
      "d) Is sufficient focus given to developing and maintaining an effective working relationship with the child and their parents or carers?",
      "78%",
    ]);
    expect(figureOf("e) Is sufficient attention")).toEqual(["78%"]);
    expect(figureOf("f) Does service delivery promote")).toEqual(["89%"]);
    expect(figureOf("a) Does service delivery promote the safety")).toEqual(["56%"]);
    expect(figureOf("b) Is the involvement")).toEqual(["33%"]);
  });

  // Kirklees' annex table of 3.1 with its rows set close, sorted: a prompt's percentage stands
  // above the key question over it ("67%" / "Does assessment ... keep the child safe?" / "Does
  // assessment clearly identify ...").
  test("a prompt's percentage above the key question over it: each prompt its own", () => {
    const rows = rowsOf([
      "3.1. Assessment",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      "73%",
      "Is there sufficient analysis of offending behaviour, including the child's",
      "acknowledgement of responsibility, attitudes towards and motivations",
      "for their offending?",
      "73%",
      "Does assessment consider the diversity and wider familial and social",
      "context of the child, utilising information held by other agencies?",
      "80%",
      "Does assessment focus on the child's strengths and protective",
      "factors?",
      "Does assessment analyse the key structural barriers facing the child?",
      "29%",
      "73%",
      "Is sufficient attention given to understanding the child's levels of",
      "maturity, ability and motivation to change?",
      "33%",
      "Does assessment give sufficient attention to the needs and wishes of",
      "the victim/s, and opportunities for restorative justice?",
      "100%",
      "Is the child and their parents/carers meaningfully involved in their",
      "assessment, and are their views taken into account?",
      "67%",
      "Does assessment sufficiently analyse how to keep the child safe?",
      "Does assessment clearly identify and analyse any risks to the safety",
      "and wellbeing of the child?",
      "73%",
      "Does assessment draw sufficiently on available sources of",
      "information, including other assessments, and involve other agencies",
      "where appropriate?",
      "40%",
      "Does assessment sufficiently analyse how to keep other people safe?",
      "Does assessment clearly identify and analyse any risk of harm to",
      "others posed by the child, including identifying who is at risk and the",
      "nature of that risk?",
      "50%",
      "Does assessment draw sufficiently on available sources of",
      "information, including any other assessments that have been",
      "completed, and other evidence of behaviour by the child?",
      "3.2. Planning",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("Is there sufficient analysis")).toEqual(["73%"]);
    expect(figureOf("Does assessment consider the diversity")).toEqual(["73%"]);
    expect(figureOf("Does assessment focus on the child's strengths")).toEqual(["80%"]);
    expect(figureOf("Does assessment analyse the key structural")).toEqual(["29%"]);
    expect(figureOf("Is sufficient attention given to understanding")).toEqual(["73%"]);
    expect(figureOf("Does assessment give sufficient attention")).toEqual(["33%"]);
    expect(figureOf("Is the child and their parents/carers")).toEqual(["100%"]);
    expect(figureOf("Does assessment clearly identify and analyse any risks")).toEqual(["67%"]);
    expect(
      figureOf("Does assessment draw sufficiently on available sources of information, including other"),
    ).toEqual(["73%"]);
    expect(figureOf("Does assessment clearly identify and analyse any risk of harm")).toEqual(["40%"]);
    expect(
      figureOf("Does assessment draw sufficiently on available sources of information, including any"),
    ).toEqual(["50%"]);
  });

  // Kirklees' annex table of 3.4 from the word processor with its cells justified, sorted: the key
  // question's first line in pieces where its spaces were stretched.
  test("a justified question's line in pieces: read whole, each prompt its own percentage", () => {
    const rows = rowsOf([
      "3.4. Joint working",
      "% Yes",
      "Are the  YOT's recommendations sufficiently well-informed, analytical and  personalised  to  the child,",
      "supporting joint decision making?",
      "67%",
      "Are the recommendations by the YOT for out-of-court disposal outcomes, conditions and interventions",
      "appropriate and proportionate?",
      "83%",
      "Do the recommendations consider the degree of the child's understanding of the offence and their",
      "acknowledgement of responsibility?",
      "Is a positive contribution made by the YOT to determining the disposal?",
      "27%",
      "87%",
      "Is sufficient attention given to the child's understanding, and their parents/carers' understanding, of the",
      "implications of receiving an out-of-court disposal?",
      "75%",
      "Is the information provided to inform decision making timely to meet the needs of the case, legislation and",
      "guidance?",
      "Is the rationale for joint disposal decisions appropriate and clearly recorded?",
      "67%",
      "Annexe 3: Glossary",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("Are the recommendations by the YOT")).toEqual(["67%"]);
    expect(figureOf("Do the recommendations consider")).toEqual(["83%"]);
    expect(figureOf("Is a positive contribution")).toEqual(["27%"]);
    expect(figureOf("Is sufficient attention given to the child's understanding")).toEqual(["87%"]);
    expect(figureOf("Is the information provided")).toEqual(["75%"]);
    expect(figureOf("Is the rationale for joint disposal")).toEqual(["67%"]);
  });

  // Tower Hamlets' annex table of 2.1 with its rows set close, sorted: the first prompt's
  // percentage stands above the standard's name ("88%" / "2.1. Assessment (court disposals)"),
  // the first prompt none where it stands. Above the name after text, it is the first prompt's;
  // after a question, that question's (the table before's, read below its question), and the
  // first prompt is left without one. Every other row its own either way.
  test.each([
    ["after text", "Data from inspected cases:", ["88%"]],
    ["after a question", "c) Does assessment analyse controls and interventions to promote safety?", []],
  ])("a table's first prompt's percentage above the standard's name, %s", (_, before, first) => {
    const rows = rowsOf([
      before,
      "88%",
      "2.1. Assessment (court disposals)",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      ...TOWER_HAMLETS_21_PROMPTS,
      "2.2. Planning (court disposals)",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("a) Is there sufficient analysis")).toEqual(first);
    expect(figureOf("b) Does assessment sufficiently analyse diversity")).toEqual(["75%"]);
    expect(figureOf("c) Does assessment consider personal")).toEqual(["88%"]);
    expect(figureOf("d) Does assessment utilise")).toEqual(["94%"]);
    expect(figureOf("e) Does assessment focus")).toEqual(["88%"]);
    expect(figureOf("f) Does assessment analyse the key structural")).toEqual(["56%"]);
    expect(figureOf("g) Is enough attention")).toEqual(["81%"]);
    expect(figureOf("h) Does assessment give")).toEqual(["69%"]);
    expect(figureOf("i) Are the child")).toEqual(["81%"]);
  });

  // The same table on to the next standard's, as the sorted text has them: its last figure
  // stands over the next standard's name, the next table's first prompt's ("c) ... presented
  // by the child?" / "88%" / "2.2. Planning (court disposals)"); read as its own table's last,
  // every row of both tables would be one row off.
  const TOWER_HAMLETS_213_AND_22 = [
    ...TOWER_HAMLETS_212_PROMPTS,
    "Does assessment sufficiently analyse how to keep other people",
    "e safe?",
    "75%",
    "a) Does assessment clearly identify and analyse any risk of harm to",
    "others posed by the child, including identifying who is at risk and the",
    "nature of that risk?",
    "81%",
    "b) Does assessment draw sufficiently on available sources of",
    "information, including past behaviour and convictions, and involve",
    "other agencies where appropriate?",
    "69%",
    "c) Does assessment analyse controls and interventions to manage",
    "and minimise the risk of harm presented by the child?",
    "88%",
    "2.2. Planning (court disposals)",
    "Does planning focus sufficiently on supporting the child's desistance?",
    "a) Does planning set out the services most likely to support",
    "desistance, paying sufficient attention to the available timescales and",
    "the need for sequencing?",
    "b) Does planning sufficiently address diversity issues?",
    "63%",
    "94%",
    "c) Does planning take sufficient account of the child's personal",
    "circumstances, including the wider familial and social context of the",
    "child?",
    "88%",
    "d) Does planning take sufficient account of the child's strengths and",
    "protective factors, and seek to reinforce or develop these as",
    "necessary?",
    "75%",
    "e) Does planning take sufficient account of the child's levels of",
    "maturity, ability and motivation to change, and seek to develop these",
    "as necessary?",
    "50%",
    "f) Does planning give sufficient attention to the needs and wishes of",
    "victims?",
    "The quality of planning was sufficient.",
  ];

  test("a table's last percentage over the next standard's name: the next table's first prompt's", () => {
    const rows = rowsOf([
      "Data from inspected cases:",
      "88%",
      "2.1. Assessment (court disposals)",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      ...TOWER_HAMLETS_21_PROMPTS,
      ...TOWER_HAMLETS_213_AND_22,
    ]);
    const figuresOf = (opening: string) =>
      rows.filter((r) => r[0]?.startsWith(opening)).map((r) => r.slice(1).join(" "));
    expect(figuresOf("a) Is there sufficient analysis")).toEqual(["88%"]);
    expect(figuresOf("i) Are the child")).toEqual(["81%"]);
    // (2.1.2's prompts a) to c), then 2.1.3's.)
    expect(figuresOf("a) Does assessment clearly identify and analyse")).toEqual(["69%", "75%"]);
    expect(figuresOf("b) Does assessment draw sufficiently")).toEqual(["88%", "81%"]);
    expect(figuresOf("c) Does assessment analyse controls")).toEqual(["69%", "69%"]);
    expect(figuresOf("a) Does planning set out")).toEqual(["88%"]);
    expect(figuresOf("b) Does planning sufficiently address")).toEqual(["63%"]);
    expect(figuresOf("c) Does planning take sufficient account of the child's personal")).toEqual(["94%"]);
    expect(figuresOf("d) Does planning take sufficient account of the child's strengths")).toEqual(["88%"]);
    expect(figuresOf("e) Does planning take sufficient account of the child's levels")).toEqual(["75%"]);
    expect(figuresOf("f) Does planning give")).toEqual(["50%"]);
  });

  // Tower Hamlets' 2.3 table, sorted: a page's break between the standard's name and the first
  // prompt's percentage set above it puts the percentage after the name.
  test("a first prompt's percentage after the standard's name, a page's break between: the first prompt's", () => {
    const rows = rowsOf([
      "e) Does planning set out necessary and effective contingency",
      "arrangements to manage those risks that have been identified?",
      "2.3. Implementation and delivery (court disposals)",
      "34",
      "\fInspection of youth offending services: Tower Hamlets and City of London",
      "88%",
      "Does the implementation and delivery of services effectively support",
      "the child's desistance?",
      "a) Are the delivered services those most likely to support desistance,",
      "with sufficient attention given to sequencing and the available",
      "timescales?",
      "b) Does service delivery account for the diversity issues of the child?",
      "88%",
      "100%",
      "c) Does service delivery reflect the wider familial and social context of",
      "the child, involving parents or carers, or significant others?",
      "94%",
      "d) Does service delivery build upon the child's strengths and enhance",
      "protective factors?",
      "100%",
      "e) Is sufficient focus given to developing and maintaining an effective",
      "working relationship with the child and their parents or carers?",
      "The quality of implementation and delivery was sufficient.",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("a) Are the delivered services")).toEqual(["88%"]);
    expect(figureOf("b) Does service delivery account")).toEqual(["88%"]);
    expect(figureOf("c) Does service delivery reflect")).toEqual(["100%"]);
    expect(figureOf("d) Does service delivery build")).toEqual(["94%"]);
    expect(figureOf("e) Is sufficient focus")).toEqual(["100%"]);
  });

  // The same tables with their cells centred: most rows' figures below their questions, and the
  // table ending in two figures after its last question, the last over the next standard's name.
  test("a table ending in two figures after its last question: the second, over the next standard's name, the next table's", () => {
    const rows = rowsOf([
      "Does assessment sufficiently analyse how to keep other people safe?",
      "75%",
      "a) Does assessment clearly identify and analyse any risk of harm to",
      "others posed by the child, including identifying who is at risk and the",
      "nature of that risk?",
      "81%",
      "b) Does assessment draw sufficiently on available sources of",
      "information, including past behaviour and convictions, and involve",
      "other agencies where appropriate?",
      "c) Does assessment analyse controls and interventions to manage",
      "and minimise the risk of harm presented by the child?",
      "69%",
      "88%",
      ...TOWER_HAMLETS_213_AND_22.slice(TOWER_HAMLETS_213_AND_22.indexOf("2.2. Planning (court disposals)")),
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("a) Does assessment clearly identify")).toEqual(["75%"]);
    expect(figureOf("b) Does assessment draw")).toEqual(["81%"]);
    expect(figureOf("c) Does assessment analyse controls")).toEqual(["69%"]);
    expect(figureOf("a) Does planning set out")).toEqual(["88%"]);
    expect(figureOf("b) Does planning sufficiently address")).toEqual(["63%"]);
    expect(figureOf("f) Does planning give")).toEqual(["50%"]);
  });

  // The same annex from the word processor on A5 pages, sorted: its heading wrapped in its narrow
  // cell ("Rating and" / "% yes"), a key question's number on a line of its own before its words.
  test("an annex's heading wrapped in its cell, its first key questions' percentages above them: each its own", () => {
    const rows = rowsOf([
      "2. Court disposals",
      "Standards and key questions",
      "Rating and",
      "% yes",
      "2.1. Assessment",
      "Outstanding",
      "Assessment is well-informed, analytical and personalised, actively involving",
      "the child or young person and their parents/carers.",
      "93%",
      "2.1.1. Does assessment sufficiently analyse how to support the",
      "child or young person's desistance?",
      "84%",
      "2.1.2. Does assessment sufficiently analyse how to keep the",
      "child or young person safe?",
      "79%",
      "2.1.3. Does assessment sufficiently analyse how to keep other",
      "people safe?",
      "2.2.",
      "Planning",
      "Good",
      "active",
      "ing is well-informed, holistic and personalised, ly involving the child",
      "or young person and their ts/carers.",
      "84%",
      "2.2.1.",
      "Does planning focus sufficiently on supporting the child",
      "or young person's desistance?",
      "72%",
      "2.2.2.",
      "Does planning focus sufficiently on keeping the child or",
      "young person safe?",
      "66%",
      "2.2.3.",
      "Does planning focus sufficiently on keeping other people",
      "safe?",
      "3. Out-of-court disposals",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("2.1.1.")).toEqual(["93%"]);
    expect(figureOf("2.1.2.")).toEqual(["84%"]);
    expect(figureOf("2.1.3.")).toEqual(["79%"]);
    expect(figureOf("2.2.1.")).toEqual(["84%"]);
    expect(figureOf("2.2.2.")).toEqual(["72%"]);
    expect(figureOf("2.2.3.")).toEqual(["66%"]);
  });

  // pdftotext's text of the same annex at one and a half lines: the figures below their
  // questions, one among a question's lines and one beside a line's words. The key question not
  // read whole ends the table's matching there: the next one does not take its figure.
  test("an annex's key question not read whole: no figure of its given to the next", () => {
    const rows = rowsOf([
      "Standards and key questions",
      "Rating and %",
      "yes",
      "2.2.3.",
      "Does planning focus sufficiently on keeping other people safe?",
      "66%",
      "2.3.",
      "Implementation and delivery",
      "Good",
      "servic",
      "quality, well-focused, personalised and coordinated es are delivered, engaging and assisting the child or",
      "person.",
      "2.3.1.",
      "Does the implementation and delivery of services effectively support the child or young",
      "88%",
      "person's desistance?",
      "2.3.2.",
      "Does the implementation and delivery of services effectively support the safety of the child 79%",
      "or young person?",
      "2.3.3.",
      "Does the implementation and delivery of services effectively support the safety of other",
      "75%",
      "people?",
      "2.4.",
    ]);
    const safetyOfChild = rows.find((r) => r.join(" ").includes("support the safety of the child"));
    expect(safetyOfChild?.join(" ")).not.toContain("88%");
  });

  // Tower Hamlets' 2.4 annex table from the word processor on A5 pages, heading rows repeated,
  // sorted: the standard's name printed again at each page's top among the table's rows, the
  // figure of the row below it after it.
  test("a standard's name printed again among its table's rows: passed over, every prompt its own", () => {
    const rows = rowsOf([
      "2. 4. Reviewing (court disposals)",
      "Does reviewing focus sufficiently on supporting the child's desistance?",
      "2. 4. Reviewing (court disposals)",
      "88%",
      "a) Does reviewing identify and respond to changes in factors linked",
      "to desistance?",
      "81%",
      "b) Does reviewing focus sufficiently on building upon the child's",
      "strengths and enhancing protective factors?",
      "63%",
      "c) Does reviewing include analysis of, and respond to, diversity",
      "factors?",
      "88%",
      "d) Does reviewing consider the personal circumstances, including",
      "the wider familial and social context of the child?",
      "81%",
      "d) Does reviewing consider motivation and engagement levels and",
      "any relevant barriers?",
      "81%",
      "e) Are the child and their parents or carers meaningfully involved in",
      "reviewing their progress and engagement, and are their views",
      "taken into account?",
      "75%",
      "f) Does reviewing lead to the necessary adjustments in the ongoing",
      "plan of work to support desistance?",
      "Does reviewing focus sufficiently on keeping the child safe?",
      "56%",
      "a) Does reviewing identify and respond to changes in factors",
      "related to safety and wellbeing?",
      "63%",
      "b) Is reviewing informed by the necessary input from other agencies",
      "involved in promoting the safety and wellbeing of the child?",
      "50%",
      "c) Does reviewing lead to the necessary adjustments in the ongoing",
      "plan of work to promote the safety and wellbeing of the child?",
      "Does reviewing focus sufficiently on keeping other people safe",
      "?",
      "2. 4. Reviewing (court disposals)",
      "63%",
      "a) Does reviewing identify and respond to changes in factors",
      "related to risk of harm?",
      "44%",
      "b) Is reviewing informed by the necessary input from other agencies",
      "involved in managing the risk of harm?",
      "44%",
      "c) Does reviewing lead to the necessary adjustments in the ongoing",
      "plan all of work to manage and minimise the risk of harm?",
      "3.1. Assessment (out-of-court disposals)",
    ]);
    const figuresOf = (opening: string) =>
      rows.filter((r) => r[0]?.startsWith(opening)).map((r) => r.slice(1).join(" "));
    expect(figuresOf("a) Does reviewing identify and respond")).toEqual(["88%", "56%", "63%"]);
    expect(figuresOf("b) Is reviewing informed")).toEqual(["63%", "44%"]);
    expect(figuresOf("c) Does reviewing lead")).toEqual(["50%", "44%"]);
    expect(figuresOf("f) Does reviewing lead")).toEqual(["75%"]);
  });

  // Croydon's annex of standards and numbered key questions with its rows set close, sorted: each
  // standard's first key question's percentage stands among the standard's row, above its
  // description ("3.1. Assessment" / "Inadequate" / "61%" / "Assessment is ...").
  test("an annex's first key question's percentage among its standard's row: its own", () => {
    const rows = rowsOf([
      "3. Out-of-court disposals",
      "Standards and key questions",
      "Rating and % yes",
      "3.1. Assessment",
      "Inadequate",
      "61%",
      "Assessment is well-informed, analytical and personalised, actively",
      "involving the child or young person and their parents/carers.",
      "3.1.1. Does assessment sufficiently analyse how to support the child",
      "or young person's desistance?",
      "50%",
      "3.1.2. Does assessment sufficiently analyse how to keep the child or",
      "young person safe?",
      "46%",
      "3.1.3. Does assessment sufficiently analyse how to keep other people",
      "safe?",
      "3.2. Planning",
      "Inadequate",
      "71%",
      "Planning is well-informed, holistic and personalised, actively involving",
      "the child or young person and their parents/carers.",
      "3.2.1. Does planning focus sufficiently on supporting the child or",
      "young person's desistance?",
      "35%",
      "3.2.2. Does planning focus sufficiently on keeping the child or young",
      "person safe?",
      "3.2.3. Does planning focus sufficiently on keeping other people safe?",
      "50%",
      "3.4. Joint working",
      "Good",
      "73%",
      "Joint working with the police supports the delivery of high-quality,",
      "personalised and coordinated services.",
      "3.4.1. Are the YOT's recommendations sufficiently well-informed,",
      "analytical and personalised to the child or young person, supporting",
      "joint decision-making?",
      "75%",
      "3.4.2. Does the YOT work effectively with the police in implementing",
      "the out-of-court disposal?",
      "Annex 3 – Glossary",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("3.1.1.")).toEqual(["61%"]);
    expect(figureOf("3.1.2.")).toEqual(["50%"]);
    expect(figureOf("3.1.3.")).toEqual(["46%"]);
    expect(figureOf("3.2.1.")).toEqual(["71%"]);
    expect(figureOf("3.2.2.")).toEqual(["35%"]);
    expect(figureOf("3.2.3.")).toEqual(["50%"]);
    expect(figureOf("3.4.1.")).toEqual(["73%"]);
    expect(figureOf("3.4.2.")).toEqual(["75%"]);
  });

  // The same annex with its cells centred in narrow columns, sorted: a key question's number
  // alone, then its percentage, centred and so ending higher than the question's lines, then
  // the question ("2.2.1." / "84%" / "Does planning focus" / "sufficiently on" / ...).
  test("an annex's key question's percentage between its number and its words: its own", () => {
    const rows = rowsOf([
      "2. Court disposals",
      "Standards and key questions",
      "Rating and % yes",
      "2.1. Assessment",
      "Outstanding",
      "Assessment is well-informed, analytical and personalised, actively",
      "involving the child or young person and their parents/carers.",
      "2.1.1. Does assessment sufficiently analyse how to support the child",
      "or young person's desistance?",
      "93%",
      "2.1.2. Does assessment sufficiently analyse how to keep the child or",
      "young person safe?",
      "84%",
      "2.1.3. Does assessment sufficiently analyse how to keep other people",
      "safe?",
      "79%",
      "2.2.",
      "Planning",
      "Good",
      "active",
      "ing is well-informed,",
      "holistic and",
      "personalised, ly",
      "involving the child or",
      "young person and",
      "their ts/carers.",
      ...CROYDON_22_NARROW.flatMap(([number, figure, words]) => [number, figure, ...words]),
      "Annex 3 – Glossary",
    ]);
    const figureOf = figuresOfRow(rows);
    expect(figureOf("2.1.3.")).toEqual(["79%"]);
    expect(rows).toContainEqual([
      "2.2.1. Does planning focus sufficiently on supporting the child or young person's desistance?",
      "84%",
    ]);
    expect(figureOf("2.2.2.")).toEqual(["72%"]);
    expect(figureOf("2.2.3.")).toEqual(["66%"]);
  });

  // pdfminer's text of Kirklees' 3.2 table on A5 pages: two rows' questions, then their two
  // percentages (a column at a time), the third row, and the first key question again over the
  // section's text. That last question is the heading after the table, not a row of it, and what
  // is left does not tell whose each percentage is: nothing joined.
  test("a key question the table already gave, again under it: the section's heading, not a row", () => {
    const rows = rowsOf([
      "Our rating for planning is based on the following key questions:",
      "% yes",
      "Does planning focus on supporting the child's desistance?",
      "Does planning focus sufficiently on keeping the child safe?",
      "73%",
      "57%",
      "Does planning focus sufficiently on keeping other people safe?",
      "13%",
      "Does planning focus on supporting the child's desistance?",
      "Planning for desistance was strengths-based, proportionate and",
    ]);
    expect(rows.filter((row) => row.length > 1)).toEqual([]);
  });

  // Tower Hamlets' table of key questions from the word processor on A5 pages, sorted: the last
  // question wrapped over a page, its percentage after its first line and the table's heading
  // printed again at the next page's top before its last word.
  test("a wrapped question's percentage and the heading printed again among its lines: neither in its words", () => {
    const rows = rowsOf([
      "Our rating for assessment is based on the following key questions:",
      "% 'Yes'",
      "88%",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      "Does assessment sufficiently analyse how to keep the child safe?",
      "75%",
      "Does assessment sufficiently analyse how to keep other people",
      "81%",
      "% 'Yes'",
      "safe?",
      "Does assessment sufficiently analyse how to support the child's",
      "desistance?",
      "Assessment work to support children in desisting from further offending",
    ]);
    expect(rows).toContainEqual([
      "Does assessment sufficiently analyse how to support the child's desistance?",
      "88%",
    ]);
    expect(rows).toContainEqual(["Does assessment sufficiently analyse how to keep the child safe?", "75%"]);
    expect(rows).toContainEqual([
      "Does assessment sufficiently analyse how to keep other people safe?",
      "81%",
    ]);
  });

  // North Somerset's table of key questions from the word processor, sorted: "Number 'Yes'" straight
  // after the sentence over the table ("... based on the following key questions:"), the caption and
  // "Relevant" / "cases" after it. The heading's piece is not joined to the sentence as to a caption.
  test("a count heading's piece after the sentence over the table: not joined to it as to a caption", () => {
    const rows = rowsOf([
      "Outstanding",
      "Our rating for assessment is based on the following key questions:",
      "Number 'Yes'",
      "Of the 8 cases inspected:",
      "Relevant",
      "cases",
      "Does assessment sufficiently analyse how to support the child's desistance?",
      "8",
      "8",
      "Does assessment sufficiently analyse how to keep the child safe?",
      "8",
      "8",
      "Does assessment sufficiently analyse how to keep other people safe?",
      "8",
      "8",
      "The quality of assessment was rated as 'Outstanding'.",
      // (A ratings table a cell per line: the text is read a cell per line.)
      ...Array.from({ length: 8 }, (_, k) => [`${Math.floor(k / 4) + 1}.${(k % 4) + 1}`, "Good"]).flat(),
    ]);
    expect(rows).toContainEqual(["Our rating for assessment is based on the following key questions:"]);
    expect(rows).not.toContainEqual([
      "Our rating for assessment is based on the following key questions:",
      "Number 'Yes'",
    ]);
  });
});
