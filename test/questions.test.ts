// Key-question tables as other converters damage them: each variant of one real row must give
// the figure the report prints (Blackburn with Darwen 2.1, North Somerset's count tables).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { laterStandardsKeyQuestion } from "../parsers/framework.js";
import { toCellPerLine, toSpaces, toWrapped, withCountsMoved } from "../scripts/make-variants.js";
import { damagedReport, readText } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const BLACKBURN = readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt"), "utf8");
const ROW = "Does assessment sufficiently analyse how to keep other people safe?\t86%";

const recordOf = (text: string) => readText("variant.txt", text);
/** A corpus report written a cell a line, as pdftotext and MuPDF write a table. */
const cellsOf = (name: string) => toCellPerLine(readFileSync(join(CORPUS, name), "utf8"));
/** North Somerset a cell a line, and a count table's row there (its question, then its counts). */
const northSomersetRow = (question: string, relevant: number, yes: number) => {
  const text = cellsOf("2020-12-north-somerset.txt");
  const row = `${question}\n${relevant}\n${yes}\n`;
  expect(text).toContain(row);
  return { text, row };
};

async function bodyRow(text: string, id: string) {
  const record = await recordOf(text);
  return record.keyQuestions.find((k) => k.id === id && k.source === "body");
}

test("the row as printed: 2.1.3 is 86% (line 325)", async () => {
  expect(BLACKBURN).toContain(ROW);
  const row = await bodyRow(BLACKBURN, "2.1.3");
  expect([row?.percent, row?.provenance.line]).toEqual([86, 325]);
});

test.each([
  { damage: "its percentage on the next line", damaged: ROW.replace("\t86%", "\n86%") },
  { damage: "its percentage after a single space", damaged: ROW.replace("\t86%", " 86%") },
  { damage: "its percent sign in LaTeX", damaged: ROW.replace("\t86%", () => "\t86$\\%$") },
  // A footnote marker after it, as an OCR engine misreads its small raised digits.
  { damage: "an OCR'd marker after it ('*©')", damaged: ROW.replace("?\t86%", "? *©\t86%") },
  { damage: "an OCR'd marker, one digit read ('7\"')", damaged: ROW.replace("?\t86%", '? 7"\t86%') },
  // The cell's ruled border read as "|" before the figure (the text other readers make of a scan).
  {
    damage: "its percentage on the next line after an OCR'd rule ('| 86%')",
    damaged: ROW.replace("\t86%", "\n| 86%"),
  },
  // (... the rule and the figure a column's gap apart, as pdfminer spaces a scan's words.)
  {
    damage: "its percentage on the next line, a gap after an OCR'd rule ('|  86%')",
    damaged: ROW.replace("\t86%", "\n|  86%"),
  },
])("a key question with $damage is still read", async ({ damaged }) => {
  const row = await bodyRow(BLACKBURN.replace(ROW, damaged), "2.1.3");
  expect(row?.percent).toBe(86);
  expect(row?.provenance.line).toBe(325);
  expect(row?.text).toBe("Does assessment sufficiently analyse how to keep other people safe?");
});

test("a key question printed 'n/a' is kept, with no figure", async () => {
  const record = await recordOf(BLACKBURN.replace(ROW, ROW.replace("\t86%", "\tn/a")));
  const row = record.keyQuestions.find((k) => k.id === "2.1.3" && k.source === "body");
  expect([row?.percent, row?.relevant, row?.yes]).toEqual([null, null, null]);
  expect(
    record.warnings.filter((w) => w.code === "figure-not-printed").map((w) => w.provenance?.line),
  ).toEqual([325]);
  // Every other row reads as printed.
  const others = (r: typeof record) =>
    r.keyQuestions.filter((k) => !(k.id === "2.1.3" && k.source === "body")).map((k) => [k.id, k.percent]);
  expect(others(record)).toEqual(others(await recordOf(BLACKBURN)));
});

test("a count table's sub-sample in words, and 'Yes' in double quotes", async () => {
  const somerset = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
  const header = "Of the 8 cases inspected:\tRelevant cases\tNumber 'Yes'";
  const printed = await recordOf(somerset);
  const damaged = await recordOf(
    somerset.replaceAll(header, "Of the eight cases inspected:\tRelevant cases\tNumber “Yes”"),
  );
  const subSamples = (r: typeof printed) => r.prompts.map((p) => p.subSample);
  expect(subSamples(printed)).toContain(8);
  expect(subSamples(damaged)).toEqual(subSamples(printed));
  // "In the 8 cases ...", as other reports word the caption.
  const worded = await recordOf(
    somerset.replaceAll(header, "In the 8 cases where we inspected:\tRelevant cases\tNumber 'Yes'"),
  );
  expect(subSamples(worded)).toEqual(subSamples(printed));
});

test("a count table's caption is its own, not a paragraph's 'one of the two cases' above it", async () => {
  // North Somerset's out-of-court planning as an OCR engine's text reads once its lines are
  // unwrapped: the paragraph above the table whole, a stray piece of another table's row run into
  // the caption, the table's heading row in pieces, no blank lines between.
  const somerset = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
  const paragraph = somerset.match(/^Planning to support desistance, .*one of the two cases.*$/m)?.[0] ?? "";
  expect(paragraph).toContain("one of the two cases");
  const printed = [
    "#### Does planning focus on supporting the child's desistance?",
    "",
    "Of the 5 cases inspected:\tRelevant cases\tNumber 'Yes'",
  ].join("\n");
  const scanned = [
    "Does planning focus on supporting the child's desistance?",
    "sufficient alignment with other plans (for example, child protection or care plans) Of the 5 cases inspected: Relevant Number 'Yes'",
    "cases",
  ].join("\n");
  const record = await damagedReport("2020-12-north-somerset.txt", [
    `${paragraph}\n\n${printed}`,
    `${paragraph}\n${scanned}`,
  ]);
  const rows = record.prompts.filter((p) => p.keyQuestionId === "3.2.1");
  expect(rows.map((p) => [p.relevant, p.yes, p.subSample])[0]).toEqual([5, 5, 5]);
  expect(new Set(rows.map((p) => p.subSample))).toEqual(new Set([5]));
});

test("prose percentages in words, as house style starts a sentence, are tied to their key question", async () => {
  const lead =
    "Assessment is well-informed, analytical and personalised, actively involving the child and their parents or carers.";
  expect(BLACKBURN).toContain(lead);
  const record = await recordOf(
    BLACKBURN.replace(
      lead,
      `${lead} Seventy-one per cent of assessments sufficiently analysed how to support the child's desistance.`,
    ),
  );
  expect(record.prosePercents.map((p) => [p.keyQuestionId, p.percent])).toContainEqual(["2.1.1", 71]);
});

test("a lost section heading: planning's questions under Assessment are not read as Assessment's", async () => {
  const ns = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
  const heading = "#### 2.2. Planning\n";
  expect(ns).toContain(heading);
  const record = await recordOf(ns.replace(heading, "\n"));
  // 2.1's own questions and prompts stand; none of 2.2's is read as one of 2.1's.
  const assessment = record.keyQuestions.filter((k) => k.standardId === "2.1" && k.source === "body");
  expect(assessment.map((k) => [k.id, k.relevant, k.yes])).toEqual([
    ["2.1.1", 8, 8],
    ["2.1.2", 8, 8],
    ["2.1.3", 8, 8],
  ]);
  const planningAsCourt = record.prompts.filter(
    (p) => p.keyQuestionId.startsWith("2.") && /^Does planning/.test(p.text),
  );
  expect(planningAsCourt).toEqual([]);
  expect(record.prompts.filter((p) => p.keyQuestionId === "2.1.1" && p.source === "body")).toHaveLength(7);
  expect(record.warnings.some((w) => w.code === "key-question-unrecognised")).toBe(true);
});

test("an inspection-data annex headed 'Appendix' is read as an annex", async () => {
  const kirklees = readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8");
  const original = await recordOf(kirklees);
  const renamed = kirklees.replace(/^Annexe (\d)/gm, "Appendix $1");
  expect(renamed).toContain("Appendix 2: Inspection data");
  const record = await recordOf(renamed);
  expect(record.prompts.length).toBe(original.prompts.length);
  expect(record.prompts.length).toBeGreaterThan(90);
});

test("two counts alone on a line, a single space between, are the row of the question wrapped above them", async () => {
  const somerset = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
  const row = "Does assessment sufficiently analyse how to support the child's desistance?\t8\t8";
  expect(somerset).toContain(row);
  const record = await recordOf(
    somerset.replace(
      row,
      "Does assessment sufficiently analyse how to support the\nchild's desistance?\n8 8",
    ),
  );
  const kq = record.keyQuestions.find((k) => k.id === "2.1.1" && k.source === "body");
  expect([kq?.text, kq?.relevant, kq?.yes, kq?.subSample]).toEqual([
    "Does assessment sufficiently analyse how to support the child's desistance?",
    8,
    8,
    8,
  ]);
});

// A cell a line (pdftotext without -layout writes a count column in pieces): a row's two
// counts, each alone on its line, may come out in either order. As printed, "Yes" never exceeds
// the relevant cases.
test("two counts each alone after a question are its row, unless more say 'Yes' than are relevant", async () => {
  const cellPerLine = cellsOf("2020-12-north-somerset.txt");
  const row = "effectively support the safety of other people? <sup>16</sup>\n7\n5\n";
  expect(cellPerLine).toContain(row);
  const counts = async (text: string) => {
    const kq = (await recordOf(text)).keyQuestions.find((k) => k.id === "2.3.3" && k.source === "body");
    return [kq?.relevant, kq?.yes];
  };
  expect(await counts(cellPerLine)).toEqual([7, 5]);
  const swapped = await counts(cellPerLine.replace(row, row.replace("7\n5", "5\n7")));
  expect(swapped).not.toEqual([5, 7]);
});

test("a count table's caption wrapped above its column headings still gives the sub-sample", async () => {
  const somerset = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
  const header = "Of the 8 cases inspected:\tRelevant cases\tNumber 'Yes'";
  expect(somerset).toContain(header);
  const printed = await recordOf(somerset);
  const wrapped = await recordOf(
    somerset.replaceAll(header, "Of the 8 cases\ninspected:\nRelevant cases\tNumber 'Yes'"),
  );
  const subSamples = (r: typeof printed) => r.keyQuestions.map((k) => [k.id, k.subSample]);
  expect(subSamples(wrapped)).toEqual(subSamples(printed));
  expect(subSamples(printed)).toContainEqual(["2.1.1", 8]);
  // The same table's heading row as converters write it: each gives the same sub-samples.
  const forms: [string, string][] = [
    [
      "the caption's last words on the headings' own line",
      "Of the 8 cases\ninspected:\tRelevant cases\tNumber 'Yes'",
    ],
    [
      "the headings centred between the caption's two lines (a PDF's cells centred)",
      "Of the 8 cases\nRelevant cases\tNumber 'Yes'\ninspected:",
    ],
    [
      "'Relevant cases' wrapped in its narrow cell beside the caption centred with it, a line at a time (getText of a word processor's PDF)",
      "Of the 8 cases inspected: Relevant\ncases Number 'Yes'",
    ],
    [
      "the headings a piece a line (pdftotext without -layout of cells centred in a tall row)",
      "Of the 8 cases inspected:\n\nRelevant\n\nNumber 'Yes'\n\ncases",
    ],
    [
      "both headings wrapped in narrow columns, a line at a time (pdftotext -layout)",
      "Of the 8 cases inspected:\tRelevant Number\n\tcases\t'Yes'",
    ],
    [
      "the caption's last word wrapped with them",
      "Of the 8 cases\tRelevant Number\ninspected:\tcases\t'Yes'",
    ],
    ["the wrapped pieces put back out of order", "Of the 8 cases inspected:\tRelevant Number cases\t'Yes'"],
    [
      "the caption's last word after the headings' first pieces, the rest a piece a line (pdftotext of a narrow page)",
      "Of the 8 cases\nRelevant Number\tinspected:\ncases\n'Yes'",
    ],
    [
      "the whole caption between the headings' lines (pdftotext without a flag, cells centred in a tall row)",
      "Relevant\tcases\nOf the 8 cases inspected:\nNumber 'Yes'",
    ],
    [
      "the headings' first pieces inside the caption's line, the rest a piece a line (pdftotext of an A5 page, unwrapped)",
      "Of the 8 cases Relevant Number inspected:\ncases\n'Yes'",
    ],
    [
      "the caption's last word on a line of its own after the headings' first pieces (MuPDF of an A5 page, the page's foot between)",
      "Of the 8 cases Relevant Number\ninspected:\ncases\n'Yes'",
    ],
    [
      "'Relevant cases' wrapped beside the caption, its last word glued to the next heading (pypdf)",
      "Of the 8 cases inspected: Relevant\ncasesNumber\n'Yes'",
    ],
    [
      "the headings glued on the caption's line (pypdf)",
      "Of the 8 cases inspected: Relevant casesNumber 'Yes'",
    ],
    [
      "the first heading glued to the caption's colon, the second to the first (pypdf, cells centred)",
      "Of the 8 cases inspected:Relevant\ncasesNumber\n'Yes'",
    ],
  ];
  for (const [form, written] of forms)
    expect(subSamples(await recordOf(somerset.replaceAll(header, written))), form).toEqual(
      subSamples(printed),
    );
});

test("a caption with its headings' two lines run in ('... the child Relevant Number safe: cases 'Yes'', pdftotext -raw unwrapped) still gives the sub-sample", async () => {
  const somerset = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
  const header =
    "Of the 7 cases with factors related to keeping the child safe:\tRelevant cases\tNumber 'Yes'";
  expect(somerset.split(header)).toHaveLength(3);
  const printed = await recordOf(somerset);
  const runIn = await recordOf(
    somerset.replaceAll(
      header,
      "Of the 7 cases with factors related to keeping the child Relevant Number safe: cases 'Yes'",
    ),
  );
  const subSamples = (r: typeof printed) => r.prompts.map((p) => [p.keyQuestionId, p.subSample]);
  expect(subSamples(runIn)).toEqual(subSamples(printed));
  expect(subSamples(printed).filter(([, n]) => n === 7).length).toBeGreaterThanOrEqual(4);
});

test("a count table's caption with the first row's question between it and the headings (pdftotext) still gives the sub-sample", async () => {
  // North Somerset 3.2: "Of the 5 cases with factors relevant to keeping the child safe:" over
  // its headings; pdftotext writes the first row's question before the headings beside it.
  const caption =
    "Of the 5 cases with factors relevant to keeping the child safe:\tRelevant cases\tNumber 'Yes'";
  const firstRow =
    "Does planning promote the safety and wellbeing of the child, sufficiently addressing risks?\t5\t5";
  const record = await damagedReport("2020-12-north-somerset.txt", [
    `${caption}\n${firstRow}`,
    "Of the 5 cases with factors relevant to keeping the child safe:\nDoes planning promote the safety and wellbeing of the child, sufficiently addressing risks?\nRelevant cases\tNumber 'Yes'",
  ]);
  const prompts = record.prompts.filter((p) => p.keyQuestionId === "3.2.2" && p.source === "body");
  // The first row's figures are gone with the move; the rows after it keep the sub-sample of 5.
  expect(prompts.map((p) => [p.relevant, p.yes, p.subSample])).toEqual([
    [4, 4, 5],
    [5, 3, 5],
  ]);
  // Two rows' questions between, the second wrapped onto the headings' line.
  const secondRow =
    "Where applicable, does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (for example, child protection or care plans) concerning the child?\t4\t4";
  const two = await damagedReport("2020-12-north-somerset.txt", [
    `${caption}\n${firstRow}\n${secondRow}`,
    "Of the 5 cases with factors relevant to keeping the child safe:\nDoes planning promote the safety and wellbeing of the child, sufficiently addressing risks?\nWhere applicable, does planning involve other agencies where appropriate, and is there sufficient alignment with\nother plans (for example, child protection or care plans) concerning the child?\tRelevant cases\tNumber 'Yes'",
  ]);
  expect(
    two.prompts
      .filter((p) => p.keyQuestionId === "3.2.2" && p.source === "body")
      .map((p) => [p.relevant, p.yes, p.subSample]),
  ).toEqual([[5, 3, 5]]);
});

test("a numbered key question wrapped over lines, its figure on a line of its own (pdf-parse's getText)", async () => {
  const croydon = readFileSync(join(CORPUS, "2019-croydon.txt"), "utf8");
  const row =
    "2.1.1. Does assessment sufficiently analyse how to support the child or young person's desistance?\t93%";
  expect(croydon).toContain(row);
  const wrapped = await recordOf(
    croydon.replace(
      row,
      "2.1.1. Does assessment sufficiently analyse how to support the child\nor young person's desistance?\n93%",
    ),
  );
  const annex = (r: typeof wrapped) => r.keyQuestions.find((k) => k.id === "2.1.1" && k.source === "annex");
  expect(annex(wrapped)?.percent).toBe(93);
  expect(annex(wrapped)?.text).toBe(annex(await recordOf(croydon))?.text);
});

test("a key question whose first line reads as a whole one, its last words beside its figure", async () => {
  const kirklees = readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8");
  const question =
    "Are the YOT’s recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision making?";
  const rows = kirklees.split("\n").filter((l) => l.startsWith(question) && /\d%\s*$/.test(l));
  expect(rows.length).toBeGreaterThan(0);
  const row = rows[0] as string;
  const figure = row.slice(question.length).trim();
  const wrapped = await recordOf(
    kirklees.replace(
      row,
      `Are the YOT’s recommendations sufficiently well-informed, analytical\nand personalised to the child, supporting joint decision making? ${figure}`,
    ),
  );
  const printed = await recordOf(kirklees);
  const kq = (r: typeof printed) =>
    r.keyQuestions.filter((k) => k.id === "3.4.1").map((k) => [k.source, k.percent]);
  expect(kq(wrapped)).toEqual(kq(printed));
  expect(wrapped.prompts.some((p) => p.text.startsWith("and personalised"))).toBe(false);
});

test("a figure alone after two prompts without theirs is read for neither (a column written in pieces)", async () => {
  // Tower Hamlets' annex, 2.2.2 (out-of-court): a) 56%, b) 33%. pdftotext writing the column in
  // pieces puts a)'s figure after b): given to b) it would be read wrong.
  const name = "2022-07-tower-hamlets-and-city-of-london.txt";
  const a = "a) Does planning promote the safety and wellbeing of the child, sufficiently addressing risks?";
  const b =
    "b) Does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (e.g. child protection or care plans) concerning the child?";
  const pieces = await damagedReport(name, [`${a}\t56%\n${b}\t33%\n`, `${a}\n${b}\n\n56%\n`]);
  const prompts = (r: typeof pieces) =>
    r.prompts
      .filter((p) => p.keyQuestionId === "3.2.2" && p.source === "annex")
      .map((p) => [p.label, p.percent]);
  expect(prompts(await damagedReport(name))).toEqual([
    ["a", 56],
    ["b", 33],
    ["c", 67],
  ]);
  // (A prompt without a figure is no row of the table: a) and b) are not read.)
  expect(prompts(pieces)).toEqual([["c", 67]]);
  expect(pieces.warnings.some((w) => w.code === "figures-unplaced" && w.message.includes("56%"))).toBe(true);
});

test("a figure alone after prompts without theirs is read for none, the last prompt wrapped over two lines", async () => {
  // Tower Hamlets' annex, 2.1.1 d) 94%, e) 88%, f) 56%, g) 81%, as pdfminer wrote an OCR'd scan:
  // the four questions, g) on two lines, then their four figures. Given to g) the first would be
  // read wrong.
  const name = "2022-07-tower-hamlets-and-city-of-london.txt";
  const [d, e, f] = [
    "d) Does assessment utilise information held by other agencies?",
    "e) Does assessment focus on the child's strengths and protective factors?",
    "f) Does assessment analyse the key structural barriers facing the child?",
  ];
  const g = [
    "g) Is enough attention given to understanding the child's levels of maturity, ability and motivation to",
    "change, and their likelihood of engaging with the court disposal?",
  ];
  const annex = (r: Awaited<ReturnType<typeof damagedReport>>) =>
    r.prompts
      .filter((p) => p.keyQuestionId === "2.1.1" && p.source === "annex")
      .map((p) => [p.label, p.percent]);
  const printed = annex(await damagedReport(name));
  expect(printed.slice(3, 7)).toEqual([
    ["d", 94],
    ["e", 88],
    ["f", 56],
    ["g", 81],
  ]);
  const pieces = await damagedReport(name, [
    `${d}\t94%\n${e}\t88%\n${f}\t56%\n${g.join(" ")}\t81%\n`,
    `${d}\n${e}\n${f}\n${g.join("\n")}\n\n94%\n88%\n56%\n81%\n`,
  ]);
  expect(annex(pieces)).toEqual(printed.filter(([label]) => !["d", "e", "f", "g"].includes(label as string)));
  expect(pieces.warnings.some((w) => w.code === "figures-unplaced" && w.message.includes("94%"))).toBe(true);
});

test("a column of figures after one question is read for none of it (another table's column run in)", async () => {
  // Kirklees' annex, 2.4.1's first prompt (94%), as pdfminer wrote an OCR'd scan: the previous
  // table's column of six figures after the question, then its own. Given the first, it would be
  // read wrong (100%).
  const name = "2021-10-kirklees.txt";
  const identify = "Does reviewing identify and respond to changes in factors linked to desistance?";
  const annex = (r: Awaited<ReturnType<typeof damagedReport>>) =>
    r.prompts
      .filter((p) => p.keyQuestionId === "2.4.1" && p.source === "annex")
      .map((p) => [p.text, p.percent]);
  const printed = annex(await damagedReport(name));
  expect(printed[0]).toEqual([identify, 94]);
  const pieces = await damagedReport(name, [
    `${identify}\t94%\n`,
    `${identify}\n\n100%\n\n89%\n\n83%\n\n78%\n\n57%\n\n63%\n\n94%\n`,
  ]);
  expect(annex(pieces)).toEqual(printed.slice(1));
  expect(pieces.warnings.some((w) => w.code === "figures-unplaced" && w.message.includes("100%, 89%"))).toBe(
    true,
  );
});

test("a figure alone after a prompt without its own and a key question is read for neither; the key question still heads its prompts", async () => {
  // Tower Hamlets' annex, 2.4.2 c) 50%, then 2.4.3's heading, its "?" printed in the figure
  // column. pdftotext writing the column in pieces puts c)'s figure after the key question:
  // given to 2.4.3 it would be read wrong.
  const name = "2022-07-tower-hamlets-and-city-of-london.txt";
  const c =
    "c) Does reviewing lead to the necessary adjustments in the ongoing plan of work to promote the safety and wellbeing of the child?";
  const kq = "Does reviewing focus sufficiently on keeping other people safe";
  const pieces = await damagedReport(name, [`${c}\t50%\n${kq}\t?\n`, `${c}\n${kq}\n\n50%\n?\n`]);
  const annex = (r: typeof pieces) => ({
    keyQuestions: r.keyQuestions
      .filter((k) => k.id === "2.4.3" && k.source === "annex")
      .map((k) => k.percent),
    prompts: r.prompts
      .filter((p) => /^2\.4\.[23]$/.test(p.keyQuestionId) && p.source === "annex")
      .map((p) => [p.keyQuestionId, p.label, p.percent]),
  });
  const printed = annex(await damagedReport(name));
  expect(printed.prompts).toContainEqual(["2.4.2", "c", 50]);
  expect(annex(pieces)).toEqual({
    keyQuestions: printed.keyQuestions,
    prompts: printed.prompts.filter(([id, label]) => !(id === "2.4.2" && label === "c")),
  });
  expect(pieces.warnings.some((w) => w.code === "figures-unplaced" && w.message.includes("50%"))).toBe(true);
});

test("a figure alone after a prompt without its own, a key question's heading between, is read for neither", async () => {
  // Kirklees' annex, 3.1.2's last prompt (73%), 3.1.3's heading (no figure of its own in the
  // annex), its first prompt (40%). pdftotext writing the column in pieces leaves 73% elsewhere
  // and 40% after the prompt: it cannot be told whose it is (the page's figures are out of
  // their rows), so it is read for neither rather than perhaps given to the wrong one.
  const name = "2021-10-kirklees.txt";
  const drew =
    "Does assessment draw sufficiently on available sources of information, including other assessments, and involve other agencies where appropriate?";
  const kq = "Does assessment sufficiently analyse how to keep other people safe?";
  const harm =
    "Does assessment clearly identify and analyse any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk?";
  const annex = (r: Awaited<ReturnType<typeof damagedReport>>) =>
    r.prompts
      .filter((p) => /^3\.1\.[23]$/.test(p.keyQuestionId) && p.source === "annex")
      .map((p) => [p.keyQuestionId, p.text, p.percent]);
  const printed = annex(await damagedReport(name));
  expect(printed).toContainEqual(["3.1.2", drew, 73]);
  expect(printed).toContainEqual(["3.1.3", harm, 40]);
  const pieces = await damagedReport(name, [
    `${drew}\t73%\n${kq}\t\n${harm}\t40%\n`,
    `${drew}\n${kq}\n${harm}\n\n40%\n`,
  ]);
  expect(annex(pieces)).toEqual(printed.filter(([, text]) => text !== drew && text !== harm));
  expect(pieces.warnings.some((w) => w.code === "figures-unplaced" && w.message.includes("40%"))).toBe(true);
  // The key question's heading still heads its prompts after.
  expect(annex(pieces).filter(([id]) => id === "3.1.3").length).toBe(
    printed.filter(([id]) => id === "3.1.3").length - 1,
  );
  // The same written a cell a line (the row put back together before the questions are read).
  const cellPerLine = cellsOf(name);
  const rows = `${drew}\n73%\n${kq}\n${harm}\n40%\n`;
  expect(cellPerLine).toContain(rows);
  const cells = await recordOf(cellPerLine.replace(rows, `${drew}\n${kq}\n${harm}\n40%\n`));
  expect(annex(cells)).toEqual(annex(pieces));
});

test("a wrapped prompt whose figure stands beside its first line (pdftotext) is read whole, with its figure", async () => {
  // Kirklees' annex, 2.2.1: the row as pdftotext writes it when the question wraps in its cell.
  const wrapped = await damagedReport("2021-10-kirklees.txt", [
    "Does planning take sufficient account of the diversity and wider familial and social context of the child?\t59%",
    "Does planning take sufficient account of the diversity and wider familial 59%\nand social context of the child?",
  ]);
  const prompt = wrapped.prompts.find(
    (p) => p.keyQuestionId === "2.2.1" && p.source === "annex" && p.text.includes("wider familial"),
  );
  expect([prompt?.text, prompt?.percent]).toEqual([
    "Does planning take sufficient account of the diversity and wider familial and social context of the child?",
    59,
  ]);
});

test("a wrapped key question whose figure stands beside its first line, its printed number in a cell before it, is read whole, with its figure and number", async () => {
  // Croydon's annex, 2.3.2, as pdftotext writes a word processor's table: the number's column,
  // then the question's first line with the figure on its baseline, the question's last words.
  const wrapped = await damagedReport("2019-croydon.txt", [
    "2.3.2.\tDoes the implementation and delivery of services effectively support the safety of the child or young person?\t79%",
    "2.3.2.\tDoes the implementation and delivery of services effectively support the safety of the child 79%\nor young person?",
  ]);
  const kq = wrapped.keyQuestions.find((k) => k.id === "2.3.2" && k.source === "annex");
  expect([kq?.text, kq?.percent, kq?.printedNumber]).toEqual([
    "Does the implementation and delivery of services effectively support the safety of the child or young person?",
    79,
    "2.3.2",
  ]);
});

test("a prompt whose figure stands between its lines' words (a justified cell's first line run up to the figure) is read whole, with its figure", async () => {
  // Kirklees' annex, 2.1.1, as our PDF reader takes a word processor's justified cell: the first
  // line's words spread up to the figure's column, the next line after the figure.
  const printed =
    "Is sufficient attention given to understanding the child's levels of maturity, ability and motivation to change, and their likelihood of engaging with the court disposal?";
  const record = await damagedReport("2021-10-kirklees.txt", [
    `${printed}\t77%`,
    "Is sufficient attention given to understanding the child's levels of maturity, ability and motivation to change, 77% and their likelihood of engaging with the court disposal?",
  ]);
  const prompt = record.prompts.find(
    (p) => p.keyQuestionId === "2.1.1" && p.text.includes("levels of maturity"),
  );
  expect([prompt?.text, prompt?.percent, prompt?.source]).toEqual([printed, 77, "annex"]);
});

test("a key question's figure between its second line's words, its first line and number above, is read (pypdf's pages joined)", async () => {
  // Croydon's annex, 2.3.1 (88%), as pypdf writes the word processor's A5 page it ends: the
  // figure beside the question's second line, the page's number and running header (gone, the
  // pages joined) between it and the last word. It had been lost without a word.
  const question =
    "Does the implementation and delivery of services effectively support the child or young person's desistance?";
  const record = await damagedReport("2019-croydon.txt", [
    `2.3.1.\t${question}\t88%`,
    "2.3.1.\tDoes the implementation and delivery of services\neffectively support the child or young person's 88% desistance?",
  ]);
  const kq = record.keyQuestions.find((k) => k.id === "2.3.1" && k.source === "annex");
  expect([kq?.text, kq?.percent, kq?.printedNumber]).toEqual([question, 88, "2.3.1"]);
});

// Tower Hamlets' annex, 3.1.1 i) (100%), cut by an A5 page with the tables' heading rows repeated:
// the percentage's number beside or below the question's first line, the standard's heading
// printed again at the next page's top, the question's last words, then the sign wrapped in its
// narrow cell. The number had been taken for page furniture (MuPDF), or left in the question's
// words (pdftotext), and the row lost; the page's own number after it is no figure of the row's.
test.each([
  { reader: "MuPDF", cut: "in their\n100\n\n74\n" },
  { reader: "pdftotext", cut: "in their 100\n\n74\n" },
])(
  "a prompt's figure left on the page before the standard's heading printed again, its sign after the question's last words, is the row's ($reader)",
  async ({ cut }) => {
    const question =
      "Are the child and their parents or carers meaningfully involved in their assessment, and are their views taken into account?";
    const record = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
      `i) ${question}\t100%\t\n`,
      `i) Are the child and their parents or carers meaningfully involved ${cut}\fInspection of youth offending services: Tower Hamlets and City of London\n3.1. Assessment (out-of-court disposals)\nassessment, and are their views taken into account?\n\n%\n`,
    ]);
    const prompts = record.prompts
      .filter((p) => p.keyQuestionId === "3.1.1" && p.source === "annex")
      .map((p) => [p.label, p.percent]);
    expect(prompts.at(-1)).toEqual(["i", 100]);
    expect(record.prompts.find((p) => p.keyQuestionId === "3.1.1" && p.label === "i")?.text).toBe(question);
    expect(record.prompts.some((p) => p.percent === 74)).toBe(false);
  },
);

/** Croydon's annex row for 2.4.3, its number in a cell of its own. */
const CROYDON_2_4_3 = "2.4.3.\tDoes reviewing focus sufficiently on keeping other people safe?\t70%";

test("a key question's number on a line of its own, its question a blank line on, is its printed number", async () => {
  const apart = await damagedReport("2019-croydon.txt", [
    CROYDON_2_4_3,
    "2.4.3.\n\nDoes reviewing focus sufficiently on keeping other people safe?\t70%",
  ]);
  const kq = apart.keyQuestions.find((k) => k.id === "2.4.3" && k.source === "annex");
  expect([kq?.percent, kq?.printedNumber]).toEqual([70, "2.4.3"]);
  expect(apart.questionNumbers).toContainEqual(
    expect.objectContaining({ printed: "2.4.3", keyQuestionId: "2.4.3" }),
  );
});

test("the last of a column of key questions' numbers written before their questions is no question's number (pdfminer)", async () => {
  // Croydon's annex as pdfminer writes a table's boxes one after another: the numbers, then the
  // questions and figures. Which number is whose no line says; the last is not the next question's.
  const stacked = await damagedReport("2019-croydon.txt", [
    CROYDON_2_4_3,
    "2.4.1.\n\n2.4.2.\n\n2.4.3.\n\nDoes reviewing focus sufficiently on keeping other people safe?\t70%",
  ]);
  const kq = stacked.keyQuestions.find((k) => k.id === "2.4.3" && k.source === "annex");
  expect([kq?.percent, kq?.printedNumber]).toEqual([70, null]);
});

test("a question's last words with a figure, its first line written before the column's figures, are no prompt of their own (pdfminer)", async () => {
  // Tower Hamlets' annex, 3.2.3: a) 56%, b) 56%, c) 22%, d) 44%, d) wrapped over two lines.
  const [a, b, c] = [
    "a) Does planning promote the safety of other people, sufficiently addressing risk of harm factors?",
    "b) Does planning involve other agencies where appropriate?",
    "c) Does planning address any specific concerns and risks related to actual and potential victims?",
  ];
  const d = [
    "d) Does planning include necessary contingency arrangements for",
    "those risks that have been identified?",
  ];
  const name = "2022-07-tower-hamlets-and-city-of-london.txt";
  // (A cell per line, as pdfminer writes a table's boxes.)
  const printed = `${a}\n56%\n${b}\n56%\n${c}\n22%\n\n${d[0]}\n${d[1]}\n\n44%\n`;
  const prompts = (r: Awaited<ReturnType<typeof recordOf>>) =>
    r.prompts.filter((p) => p.keyQuestionId === "3.2.3").map((p) => [p.label, p.percent]);
  const text = cellsOf(name);
  expect(text).toContain(printed);
  expect(prompts(await recordOf(text))).toEqual([
    ["a", 56],
    ["b", 56],
    ["c", 22],
    ["d", 44],
  ]);
  const damaged = await recordOf(
    text.replace(printed, `${a}\n\n${b}\n\n${c}\n\n${d[0]}\n\n56%\n\n56%\n\n22%\n\n${d[1]}\n\n44%\n`),
  );
  expect(damaged.prompts.some((p) => p.text.startsWith("those risks"))).toBe(false);
  expect(prompts(damaged)).not.toContainEqual([null, 44]);
  expect(
    damaged.warnings.some((w) => w.code === "figures-unplaced" && w.message.includes("'those risks")),
  ).toBe(true);
});

test("a key question's number printed just after its row (centred beside the wrapped question) is its number, only if it is its own", async () => {
  const after = (number: string) =>
    damagedReport("2019-croydon.txt", [
      CROYDON_2_4_3,
      `Does reviewing focus sufficiently on keeping other people safe?\t70%\n${number}`,
    ]);
  const kq = (r: Awaited<ReturnType<typeof after>>) =>
    r.keyQuestions.find((k) => k.id === "2.4.3" && k.source === "annex");
  expect([kq(await after("2.4.3."))?.percent, kq(await after("2.4.3."))?.printedNumber]).toEqual([
    70,
    "2.4.3",
  ]);
  // Another question's number below it is not taken for this one's.
  expect(kq(await after("2.4.2."))?.printedNumber).toBeNull();
});

test("a count table's row, its counts after single spaces beside the question's first line or split by the wrap, is read (North Somerset)", async () => {
  const damaged = await damagedReport(
    "2020-12-north-somerset.txt",
    [
      "Is the child and their parents/carers meaningfully involved in planning, and are their views taken into\t8\t8\t\naccount?",
      "Is the child and their parents/carers meaningfully involved in planning, and are their views taken into 8 8\naccount?",
    ],
    [
      "Where applicable, does assessment analyse the key structural barriers facing the child?\t7\t7",
      "Where applicable, does assessment analyse the key structural barriers facing the child? 7\n7",
    ],
  );
  const prompt = (id: string, words: string) =>
    damaged.prompts.find((p) => p.keyQuestionId === id && p.text.includes(words));
  expect(prompt("2.2.1", "meaningfully involved in planning")).toMatchObject({
    text: "Is the child and their parents/carers meaningfully involved in planning, and are their views taken into account?",
    relevant: 8,
    yes: 8,
  });
  expect(prompt("2.1.1", "structural barriers")).toMatchObject({ relevant: 7, yes: 7, subSample: 8 });
  // (Or glued to the question's mark, as pypdf writes a browser's narrow cells: "... facing the" /
  // "child?7 7"; not more 'Yes' than relevant so: "child?3 7" is a marker glued there and one count.)
  const barriers = async (lastLine: string) =>
    (
      await damagedReport("2020-12-north-somerset.txt", [
        "Where applicable, does assessment analyse the key structural barriers facing the child?\t7\t7",
        `Where applicable, does assessment analyse the key structural barriers facing the\n${lastLine}`,
      ])
    ).prompts.find((p) => p.keyQuestionId === "2.1.1" && p.text.includes("structural barriers"));
  expect(await barriers("child?7 7")).toMatchObject({
    text: "Where applicable, does assessment analyse the key structural barriers facing the child?",
    relevant: 7,
    yes: 7,
    subSample: 8,
  });
  const marker = await barriers("child?3 7");
  expect([marker?.relevant, marker?.yes]).not.toEqual([3, 7]);
  // (Or both counts run into the mark and each other, pypdf's two narrow cells touching: "...
  // justice?66" is 6 and 6, "... account?86" 8 and 6; never more relevant cases than the table's 8.)
  const victims = async (lastLine: string) =>
    (
      await damagedReport("2020-12-north-somerset.txt", [
        "Does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice?\t6\t6\t",
        `Does assessment give sufficient attention to the needs and wishes of the victim/s, and\n${lastLine}`,
      ])
    ).prompts.find((p) => p.keyQuestionId === "2.1.1" && p.text.includes("wishes of the victim"));
  expect(await victims("opportunities for restorative justice?66")).toMatchObject({
    text: "Does assessment give sufficient attention to the needs and wishes of the victim/s, and opportunities for restorative justice?",
    relevant: 6,
    yes: 6,
    subSample: 8,
  });
  const tooMany = await victims("opportunities for restorative justice?96");
  expect(tooMany?.relevant ?? null).toBeNull();
  // (A space after the mark, where a note's marker stood between: "... safe? 12 77".)
  expect(await victims("opportunities for restorative justice? 66")).toMatchObject({ relevant: 6, yes: 6 });
  // (Not a marker before the row's counts on lines of their own: "... justice? 22" / "6" / "6".)
  const counted = await victims("opportunities for restorative justice? 22\n6\n6");
  expect([counted?.relevant, counted?.yes]).not.toEqual([2, 2]);
});

// pypdf's text of a word processor's PDF: a prompt wrapped in its cell, its last words a name
// after a joining word, the figure after them ("... with the work of the" / "YOT? 88%"); or its
// figure glued to the question's mark, the sign wrapped onto a line of its own ("... taken into
// account?100" / "%").
test("a prompt's last line after a joining word, or its figure glued to its mark, is the prompt's (Tower Hamlets, pypdf)", async () => {
  const damaged = await damagedReport(
    "2022-07-tower-hamlets-and-city-of-london.txt",
    [
      "g) Is sufficient attention given to encouraging and enabling the child's compliance with the work of the YOT?\t88%",
      "g) Is sufficient attention given to encouraging and enabling the child's compliance with the work of the\nYOT? 88%",
    ],
    [
      "i) Are the child and their parents or carers meaningfully involved in their assessment, and are their views taken into account?\t100%",
      "i) Are the child and their parents or carers meaningfully involved in their assessment, and are their views taken into\naccount?100\n%",
    ],
  );
  const prompt = (id: string, label: string) =>
    damaged.prompts.find((p) => p.keyQuestionId === id && p.label === label);
  expect(prompt("2.3.1", "g")).toMatchObject({
    text: "Is sufficient attention given to encouraging and enabling the child's compliance with the work of the YOT?",
    percent: 88,
  });
  expect(prompt("3.1.1", "i")).toMatchObject({
    text: "Are the child and their parents or carers meaningfully involved in their assessment, and are their views taken into account?",
    percent: 100,
  });
});

test("a prompt wrapped after a joining word, its next line opening with an initialism, is one prompt (North Somerset, pypdf on A5 pages)", async () => {
  const damaged = await damagedReport("2020-12-north-somerset.txt", [
    "Where applicable, is a positive contribution made by the YOT to determining the disposal?\t5\t5",
    "Where applicable, is a positive contribution made by the\nYOT to determining the disposal?55",
  ]);
  const prompts = damaged.prompts.filter((p) => p.keyQuestionId === "3.4.1");
  expect(prompts.find((p) => /positive contribution/.test(p.text))).toMatchObject({
    text: "Where applicable, is a positive contribution made by the YOT to determining the disposal?",
    relevant: 5,
    yes: 5,
  });
  expect(prompts.some((p) => p.text.startsWith("YOT"))).toBe(false);
});

test("a prompts table whose key question's heading stands after it (pdftotext's reading order) is that key question's, by its caption", async () => {
  // North Somerset's 2.4.2 ("keeping the child safe"): the heading moved below its table.
  const heading = "#### Does reviewing focus sufficiently on keeping the child safe?\n\n";
  const table =
    "Of the 7 cases where there were changes in factors related to keeping the child safe:\tRelevant cases\tNumber 'Yes'\n" +
    "Does reviewing identify and respond to changes in factors related to safety and wellbeing?\t7\t7\n" +
    "Where applicable, is reviewing informed by the necessary input from other agencies involved in promoting the safety and wellbeing of the child?\t7\t7\n" +
    "Where applicable, does reviewing lead to the necessary adjustments in the ongoing plan of work to promote the safety and wellbeing of the child?\t6\t5\n";
  const record = await damagedReport("2020-12-north-somerset.txt", [heading + table, `${table}\n${heading}`]);
  const prompts = record.prompts.filter(
    (p) => /safety and wellbeing/.test(p.text) && p.keyQuestionId.startsWith("2.4"),
  );
  expect(prompts.map((p) => [p.keyQuestionId, p.relevant, p.yes, p.subSample])).toEqual([
    ["2.4.2", 7, 7, 7],
    ["2.4.2", 7, 7, 7],
    ["2.4.2", 6, 5, 7],
  ]);
});

test("a note's marker spaced before a row's counts run together ('... safe? 23 21', '... people? 2721', pypdf) is no count: the table's sub-sample of 5 cannot hold 23 relevant cases", async () => {
  // North Somerset's out-of-court 3.2.3 and 3.3.3 (2 relevant, 1 'Yes'), notes 23 and 27.
  const damaged = await damagedReport(
    "2020-12-north-somerset.txt",
    [
      "Does planning focus sufficiently on keeping other people safe? <sup>23</sup>\t2\t1",
      "Does planning focus sufficiently on keeping other people safe? 23 21",
    ],
    [
      "Does service delivery effectively support the safety of other people? <sup>27</sup>\t2\t1",
      "Does service delivery effectively support the safety of other people? 27\t21",
    ],
  );
  const row = (id: string) => damaged.keyQuestions.find((k) => k.id === id && k.source === "body");
  for (const id of ["3.2.3", "3.3.3"]) expect(row(id)).toMatchObject({ relevant: 2, yes: 1, subSample: 5 });
  expect(row("3.2.3")?.text).toBe("Does planning focus sufficiently on keeping other people safe?");
  // (Counts that fit the sub-sample stay as printed: 7 relevant, 6 'Yes' in a table of 8.)
  const court = await damagedReport("2020-12-north-somerset.txt", [
    "Does planning focus sufficiently on keeping other people safe? <sup>13</sup>\t7\t6",
    "Does planning focus sufficiently on keeping other people safe? 7 6",
  ]);
  expect(court.keyQuestions.find((k) => k.id === "2.2.3" && k.source === "body")).toMatchObject({
    relevant: 7,
    yes: 6,
    subSample: 8,
  });
});

test("a note's marker run into a question's percentage a space after its mark ('... disposal? 2780%', pypdf) is the marker and the percentage; a figure that parts two ways is not read", async () => {
  // Kirklees' 3.4.2: 80 %, its question marked with note 27.
  const row = (line: string) =>
    damagedReport("2021-10-kirklees.txt", [
      "Does the YOT work effectively with the police in implementing the out-of-court disposal? ²⁷\t80%",
      line,
    ]).then((r) => r.keyQuestions.find((k) => k.id === "3.4.2"));
  expect(
    await row(
      "Does the YOT work effectively with the police in implementing the out-of-court disposal? 2780%",
    ),
  ).toMatchObject({
    text: "Does the YOT work effectively with the police in implementing the out-of-court disposal?",
    percent: 80,
  });
  // (Note 2 and 100 %: "21" and "00" is no parting.)
  expect(
    (
      await row(
        "Does the YOT work effectively with the police in implementing the out-of-court disposal?2100%",
      )
    )?.percent,
  ).toBe(100);
  // 5 and 80 %, or 58 and 0 %: which cannot be told, and the row's figure is not read.
  expect(
    (
      await row(
        "Does the YOT work effectively with the police in implementing the out-of-court disposal? 580%",
      )
    )?.percent ?? null,
  ).toBeNull();
});

test("a converter's kerning gap before a comma, inside a possessive or in 'Wales' ('behaviour , including', 'child' s', 'YOT’ s', 'W ales', pypdf) is no part of a question's or a fact's words", async () => {
  const damaged = await damagedReport(
    "2021-10-kirklees.txt",
    [
      "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending?\t86%",
      "Is there sufficient analysis of offending behaviour , including the child' s attitudes towards and motivations for their offending?\t86%",
    ],
    [
      "Is sufficient attention given to understanding the child's levels of maturity, ability and motivation to change, and their likelihood of engaging with the court disposal?\t77%",
      "Is sufficient attention given to understanding the child' s levels of maturity , ability and motivation to change, and their likelihood of engaging with the court disposal?\t77%",
    ],
    ["38%\tReoffending rate in England and Wales", "38%\tReoffending rate in England and W ales"],
    // (An acronym's possessive too: the key question is known by its words only so.)
    [
      "Are the YOT’s recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision making?\t27%",
      "Are the YOT’ s recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision making?\t27%",
    ],
  );
  expect(damaged.keyQuestions.find((k) => k.id === "3.4.1" && k.source === "body")?.percent).toBe(27);
  expect(
    damaged.contextualFacts.find((f) => f.group === "reoffending" && f.role === "comparator"),
  ).toMatchObject({ label: "Reoffending rate in England and Wales", value: 38 });
  const texts = damaged.prompts.filter((p) => p.keyQuestionId === "2.1.1").map((p) => [p.text, p.percent]);
  expect(texts).toContainEqual([
    "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending?",
    86,
  ]);
  expect(texts).toContainEqual([
    "Is sufficient attention given to understanding the child's levels of maturity, ability and motivation to change, and their likelihood of engaging with the court disposal?",
    77,
  ]);
});

test("a footnote marker left as plain digits after a question's mark is no part of the question", async () => {
  const record = await damagedReport("2021-10-kirklees.txt", [
    "implementing the out-of-court disposal? ²⁷\t80%",
    "implementing the out-of-court disposal? 27\t80%",
  ]);
  const row = record.keyQuestions.find((k) => k.id === "3.4.2" && k.source === "body");
  expect([row?.text, row?.percent]).toEqual([
    "Does the YOT work effectively with the police in implementing the out-of-court disposal?",
    80,
  ]);
});

test("the joint-working key questions naming the service by another of its names ('the YJS's recommendations', 'Does the Youth Justice Service work ...') are read", async () => {
  const kirklees = readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8");
  const recommendations = /Are the YOT(['’])s recommendations/g;
  const police = /Does the YOT work effectively/g;
  // Each where the report prints it: the body's table, the section's heading, the annex.
  expect([kirklees.match(recommendations)?.length, kirklees.match(police)?.length]).toEqual([3, 3]);
  const record = await recordOf(
    kirklees
      .replace(recommendations, "Are the YJS$1s recommendations")
      .replace(police, "Does the Youth Justice Service work effectively"),
  );
  const rows = record.keyQuestions.filter((k) => k.standardId === "3.4");
  expect(rows.map((k) => [k.id, k.source, k.percent])).toEqual([
    ["3.4.1", "body", 27],
    ["3.4.2", "body", 80],
  ]);
  expect(rows[1]?.text).toBe(
    "Does the Youth Justice Service work effectively with the police in implementing the out-of-court disposal?",
  );
  const prompts = record.prompts.filter((p) => p.keyQuestionId.startsWith("3.4"));
  expect(prompts.map((p) => [p.keyQuestionId, p.percent])).toEqual([
    ["3.4.1", 67],
    ["3.4.1", 83],
    ["3.4.1", 27],
    ["3.4.1", 87],
    ["3.4.1", 75],
    ["3.4.1", 67],
    ["3.4.2", 80],
    ["3.4.2", 100],
  ]);
});

test("a question read without its last words is kept as read, and said (not completed from another that begins so)", async () => {
  const record = await damagedReport(
    "2020-12-north-somerset.txt",
    // (A prompt of 2.2.3; the table's first prompt begins with the same words.)
    [
      "Does planning involve other agencies where appropriate?\t",
      "Does planning involve other agencies where\t",
    ],
  );
  const cut = record.prompts.filter((p) => p.text === "Does planning involve other agencies where");
  expect(cut.map((p) => [p.keyQuestionId, p.relevant, p.yes])).toEqual([["2.2.3", 7, 7]]);
  const warnings = record.warnings.filter((w) => w.code === "question-text-cut");
  expect(warnings.map((w) => w.provenance?.line)).toEqual([540]);
  expect(warnings[0]?.message).toContain("'Does planning involve other agencies where'");
  // A sound report has none.
  expect(
    (await recordOf(readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8"))).warnings.map(
      (w) => w.code,
    ),
  ).not.toContain("question-text-cut");
});

test("a count row's relevant cases between its question's lines' words (a justified cell read as one run) are its relevant cases", async () => {
  const row =
    "Does the implementation and delivery of services effectively support the safety of other people? <sup>16</sup>\t7\t5";
  const keyQuestion = async (damaged: string) =>
    (await damagedReport("2020-12-north-somerset.txt", [row, damaged])).keyQuestions.find(
      (k) => k.id === "2.3.3" && k.source === "body",
    );
  // (North Somerset 2.3.3 through our PDF reader, cells justified: "... of other" / "people?",
  // its relevant cases centred beside them.)
  expect(
    await keyQuestion(
      "Does the implementation and delivery of services effectively support the safety of other 7 people? <sup>16</sup>\t5",
    ),
  ).toMatchObject({
    text: "Does the implementation and delivery of services effectively support the safety of other people?",
    relevant: 7,
    yes: 5,
    subSample: 8,
  });
  // A number fewer than the row's "Yes" is the question's own, not its relevant cases.
  const own = await keyQuestion(
    "Does the implementation and delivery of services effectively support the safety of other 3 people? <sup>16</sup>\t5",
  );
  expect([own?.relevant, own?.yes]).not.toEqual([3, 5]);
});

test("a figure set apart after a prompt's own (pdftotext, a cell drawn past its column at the page's end) is read for no row, and the prompt's last words stay its own", async () => {
  // Tower Hamlets' annex: 3.1.3 b) 56%, 3.2.1 c) 89%. The word processor drew b)'s figure past
  // its column; pdftotext writes it at the page's end, after c)'s first line and figure, before
  // c)'s last words. A row prints one percentage: the 56 % is neither c)'s nor a row of its own.
  const name = "2022-07-tower-hamlets-and-city-of-london.txt";
  const b =
    "b) Does assessment draw sufficiently on available sources of information, including any other assessments that have been completed, and other evidence of behaviour by the child?";
  const c =
    "c) Does planning take sufficient account of the child's personal circumstances, including the wider familial";
  const annexPrompts = (r: Awaited<ReturnType<typeof recordOf>>) =>
    r.prompts
      .filter((p) => /^3\.(1\.3|2\.1)$/.test(p.keyQuestionId) && p.source === "annex")
      .map((p) => [p.keyQuestionId, p.label, p.text.slice(-21), p.percent]);
  const printed = await damagedReport(name);
  expect(annexPrompts(printed)).toContainEqual(["3.1.3", "b", "behaviour by the child?".slice(-21), 56]);
  expect(annexPrompts(printed)).toContainEqual(["3.2.1", "c", "social context of the child?".slice(-21), 89]);
  const text = cellsOf(name);
  const damaged = [
    [`${b}\n56%\n`, `${b}\n`],
    [`${c} and social context of the child?\n89%\n`, `${c}\n89%\n56%\nand social context of the child?\n`],
  ].reduce((t, [printedRows, damagedRows]) => {
    expect(t).toContain(printedRows);
    return t.replace(printedRows as string, damagedRows as string);
  }, text);
  const read = await recordOf(damaged);
  expect(annexPrompts(read)).toContainEqual(["3.2.1", "c", "social context of the child?".slice(-21), 89]);
  // (b), left without its figure, is no row of the table.)
  expect(annexPrompts(read).some(([id, label]) => id === "3.1.3" && label === "b")).toBe(false);
  expect(read.prompts.some((p) => p.text.startsWith("and social"))).toBe(false);
  expect(read.warnings.some((w) => w.code === "figures-unplaced" && w.message.includes("(56%)"))).toBe(true);
});

test("a prompt's last words after its figure are its own when they are a name after a joining word ('... with the work of the' / 'YOT?')", async () => {
  const read = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
    "g) Is sufficient attention given to encouraging and enabling the child's compliance with the work of the YOT?\t88%",
    "g) Is sufficient attention given to encouraging and enabling the child's compliance with the work of the\t88%\nYOT?",
  ]);
  const g = read.prompts.find((p) => p.keyQuestionId === "2.3.1" && p.label === "g" && p.source === "annex");
  expect([g?.text, g?.percent]).toEqual([
    "Is sufficient attention given to encouraging and enabling the child's compliance with the work of the YOT?",
    88,
  ]);
});

// North Somerset's key-question rows cut by a page, the counts still beside the first words and
// the last words after the caption and headings Word prints again at the next page's top. Read
// without its last words a row is no key question, and its counts went to a prompt of the key
// question before.
test.each([
  {
    // 2.2.3, 7 relevant, 6 'Yes', cut after "keeping other" (pdftotext, the page's break kept).
    text: "with its pages (Word, pdftotext)",
    standard: "2.2",
    printed: "Does planning focus sufficiently on keeping other people safe? <sup>13</sup>\t7\t6\n",
    cut: "Does planning focus sufficiently on keeping other\t7\t6\n\fOf the 8 cases inspected:\nRelevant cases\tNumber 'Yes'\npeople safe? <sup>13</sup>\n",
    read: [
      ["2.2.1", "Does planning focus sufficiently on supporting the child's desistance?", 8, 8],
      ["2.2.2", "Does planning focus sufficiently on keeping the child safe?", 7, 7],
      ["2.2.3", "Does planning focus sufficiently on keeping other people safe?", 7, 6],
    ],
  },
  {
    // 3.1.2, 5 and 5, cut after "keep the"; the page's note, number and running header gone
    // (PyMuPDF's pages joined): nothing marks the page's end but the headings printed again.
    text: "without its pages (PyMuPDF's pages joined)",
    standard: "3.1",
    printed: "Does assessment sufficiently analyse how to keep the child safe?\t5\t5\n",
    cut: "Does assessment sufficiently analyse how to keep the\t5\t5\nOf the 5 cases inspected:\tRelevant cases\tNumber 'Yes'\nchild safe?\n",
    read: [
      ["3.1.1", "Does assessment sufficiently analyse how to support the child's desistance?", 5, 5],
      ["3.1.2", "Does assessment sufficiently analyse how to keep the child safe?", 5, 5],
      ["3.1.3", "Does assessment sufficiently analyse how to keep other people safe?", 5, 4],
    ],
  },
])(
  "a row cut by a page in a text $text, whose last words follow the repeated caption and headings, is read whole",
  async ({ standard, printed, cut, read }) => {
    const record = await damagedReport("2020-12-north-somerset.txt", [printed, cut]);
    const body = record.keyQuestions
      .filter((k) => k.standardId === standard && k.source === "body")
      .map((k) => [k.id, k.text, k.relevant, k.yes]);
    expect(body).toEqual(read);
    const opening = printed.split(" ").slice(0, 3).join(" ");
    expect(record.prompts.some((p) => p.text.startsWith(opening))).toBe(false);
  },
);

// pypdf's text of a browser's print: the caption's note number and the first heading's first word
// glued after its colon, the line before it the section's lead-in, no blank line between.
test("a count table's caption with its note's number and 'Relevant' glued after its colon gives the sub-sample", async () => {
  const cut = await damagedReport("2020-12-north-somerset.txt", [
    "Our rating<sup>17</sup> for reviewing is based on the following key questions:\n\nOf the 8 cases inspected:18\tRelevant cases\tNumber 'Yes'\n",
    "Our rating<sup>17</sup> for reviewing is based on the following key questions:\nOf the 8 cases inspected:18Relevant\ncasesNumber\n'Yes'\n",
  ]);
  const body = cut.keyQuestions
    .filter((k) => k.standardId === "2.4" && k.source === "body")
    .map((k) => [k.id, k.relevant, k.yes, k.subSample]);
  expect(body).toEqual([
    ["2.4.1", 8, 7, 8],
    ["2.4.2", 7, 7, 8],
    ["2.4.3", 7, 5, 8],
  ]);
});

// pdfminer's boxes of a count table with larger samples (counts n -> 2n + 1): a row's question
// and its first count on one line, its other count lost among the boxes.
test("a count row's one number no more than the table's cases is not parted into two counts, nor the next question joined to it", async () => {
  const somerset = withCountsMoved(readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8"));
  const row =
    "Where applicable, is a positive contribution made by the YOT to determining the disposal?\t11\t11\n";
  expect(somerset).toContain("Of the 11 cases inspected:");
  expect(somerset).toContain(row);
  const read = await recordOf(somerset.replace(row, `${row.split("\t")[0]} 11\n`));
  const prompts = read.prompts
    .filter((p) => p.keyQuestionId === "3.4.1" && p.source === "body")
    .map((p) => [p.text.slice(0, 40), p.relevant, p.yes]);
  // (Not 1 and 1: "11" of 11 cases may as well be its relevant cases alone.)
  expect(prompts).toEqual([
    ["Where applicable, are the recommendation", 11, 11],
    ["Do the recommendations consider the degr", 11, 11],
    ["Is sufficient attention given to the chi", 11, 9],
    ["Is the information provided to inform de", 11, 5],
    ["Where applicable, is the rationale for j", 11, 7],
  ]);
});

/** North Somerset 2.4.1's prompt whose last words end "... taken into account?", as printed (8 relevant, 7 'Yes'). */
const VIEWS_TAKEN_INTO_ACCOUNT =
  "Is the child and their parents/carers meaningfully involved in reviewing their progress and engagement, and are their views taken into account?\t8\t7\n";
/** That prompt read whole, its counts and sub-sample. */
const VIEWS_PROMPT_WHOLE = [
  "Is the child and their parents/carers meaningfully involved in reviewing their progress and engagement, and are their views taken into account?",
  8,
  7,
  8,
];
/** North Somerset 2.4.1's prompts (text, counts, sub-sample) with that row written as `damaged`. */
const viewsPromptAs = async (damaged: string) => {
  const read = await damagedReport("2020-12-north-somerset.txt", [VIEWS_TAKEN_INTO_ACCOUNT, damaged]);
  return read.prompts
    .filter((p) => p.keyQuestionId === "2.4.1" && p.source === "body")
    .map((p) => [p.text, p.relevant, p.yes, p.subSample]);
};

// pypdf's text of Word's count tables, two narrow cells touching: a row's two counts run into
// each other at the end of its question's first line ("... taken into 87" / "account?").
test("a count row's two counts run together at its question's first line's end are its counts, where they part within the table's cases (pypdf)", async () => {
  const [printed, promptOf, whole] = [VIEWS_TAKEN_INTO_ACCOUNT, viewsPromptAs, VIEWS_PROMPT_WHOLE];
  // Its last words on the next line (joined to it as a paragraph's are).
  const next = await promptOf(printed.replace(" account?\t8\t7", " 87\naccount?"));
  expect(next).toContainEqual(whole);
  // The counts glued to the line's last word too, as pdf-parse 1.x glues cells ("... taken into87").
  expect(await promptOf(printed.replace(" account?\t8\t7", "87\naccount?"))).toContainEqual(whole);
  // Or the first of two counts a space apart glued on, as pypdf writes a browser's print ("... into8 7").
  expect(await promptOf(printed.replace(" account?\t8\t7", "8 7\naccount?"))).toContainEqual(whole);
  // (Not where they cannot be a row's, more 'Yes' than relevant cases: "... into7 8".)
  const noRow = await promptOf(printed.replace(" account?\t8\t7", "7 8\naccount?"));
  expect(noRow.filter(([, relevant, yes]) => relevant === 7 && yes === 8)).toEqual([]);
  // Its last words after the table's caption and headings printed again on the next page.
  const overPage = await promptOf(
    printed.replace(
      " account?\t8\t7",
      " 87\nOf the 8 cases where there were changes in factors related to desistance:\tRelevant cases\tNumber 'Yes'\naccount?",
    ),
  );
  expect(overPage).toContainEqual(whole);
  // Not where they cannot be two counts of the table's eight cases: 97 is no 9 and 7.
  const tooMany = await promptOf(printed.replace(" account?\t8\t7", " 97\naccount?"));
  expect(
    tooMany.filter(([text]) => String(text).startsWith("Is the child and their parents/carers")),
  ).toEqual([]);
});

test("a row cut by a page whose last words follow the repeated caption wrapped before its colon and the headings is read whole (Word, MuPDF)", async () => {
  // North Somerset 2.4.3's third prompt, 7 relevant, 5 'Yes', cut after "risk of harm,"; the
  // caption repeated at the next page's top wraps ("... keeping other people" / "safe:"), as it
  // does when its count is 15. Read to "harm," alone, the prompt's words were cut.
  const caption = "Of the 7 cases where there were changes in factors related to keeping other people";
  const cut = await damagedReport("2020-12-north-somerset.txt", [
    "Is the child and their parents/carers meaningfully involved in reviewing their risk of harm, and are their views taken into account?\t7\t5\n",
    `Is the child and their parents/carers meaningfully involved in reviewing their risk of harm,\t7\t5\n\f${caption}\nsafe:\tRelevant cases\tNumber 'Yes'\nand are their views taken into account?\n`,
  ]);
  const prompts = cut.prompts
    .filter((p) => p.keyQuestionId === "2.4.3" && p.source === "body")
    .map((p) => [p.text, p.relevant, p.yes]);
  expect(prompts).toEqual([
    ["Does reviewing identify and respond to changes in factors related to risk of harm?", 7, 5],
    [
      "Where applicable, is reviewing informed by the necessary input from other agencies involved in managing the risk of harm?",
      7,
      6,
    ],
    [
      "Is the child and their parents/carers meaningfully involved in reviewing their risk of harm, and are their views taken into account?",
      7,
      5,
    ],
    [
      "Where applicable, does reviewing lead to the necessary adjustments in the ongoing plan of work to manage and minimise the risk of harm?",
      3,
      1,
    ],
  ]);
  expect(cut.warnings.some((w) => w.code === "question-text-cut")).toBe(false);
});

test("a row cut by a page whose last words, over two lines, follow the repeated caption and headings is read whole (Word's A5 pages, MuPDF)", async () => {
  // North Somerset 2.1.3's first prompt, 8 relevant, 7 'Yes', a cell a line as MuPDF writes the
  // word processor's A5 pages: one line of the question before the page's end, its last two
  // lines after the caption and headings printed again, set apart as a row's cells would be.
  const question =
    "Does assessment clearly identify and analyse any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk?";
  const { text, row } = northSomersetRow(question, 8, 7);
  const header = "Inspection of youth offending services: North Somerset";
  const cut = await recordOf(
    text.replace(
      row,
      `Does assessment clearly identify and analyse any risk\n8\n7\n\n\f${header}\n\nOf the 8 cases inspected:\nRelevant\ncases\n\nNumber\n'Yes'\n\nof harm to others posed by the child, including\nidentifying who is at risk and the nature of that risk?\n\n`,
    ),
  );
  const prompts = cut.prompts
    .filter((p) => p.keyQuestionId === "2.1.3" && p.source === "body")
    .map((p) => [p.text, p.relevant, p.yes]);
  expect(prompts[0]).toEqual([question, 8, 7]);
  expect(prompts).toHaveLength(3);
  expect(cut.warnings.some((w) => w.code === "question-text-cut")).toBe(false);
});

// North Somerset 3.2.2's second prompt (4, 4) as the word processor's A5 pages with the tables'
// heading rows repeated print it: the question's first line with its counts beside it; at the next
// page's top the caption (wrapped before its colon) and the headings printed again, then the
// question's last words over three lines. It had not been read, and the next row's counts were left
// unplaced between two questions.
test.each([
  { reader: "pdf-parse's getText, pdftotext -raw", first: "agencies 4 4\n" },
  { reader: "pdftotext -layout", first: "agencies 4            4\n" },
])(
  "a row cut by a page, its counts beside its first line, its last words over lines after the repeated caption and headings, is read whole ($reader)",
  async ({ first }) => {
    const question =
      "Where applicable, does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (for example, child protection or care plans) concerning the child?";
    const { text, row } = northSomersetRow(question, 4, 4);
    const header = "Inspection of youth offending services: North Somerset";
    const cut = await recordOf(
      text.replace(
        row,
        `Where applicable, does planning involve other ${first}\f${header}\nOf the 5 cases with factors relevant to keeping the child\nsafe:\nRelevant\ncases\nNumber\n'Yes'\nwhere appropriate, and is there sufficient alignment with\nother plans (for example, child protection or care plans)\nconcerning the child?\n`,
      ),
    );
    const prompts = cut.prompts
      .filter((p) => p.keyQuestionId === "3.2.2" && p.source === "body")
      .map((p) => [p.text, p.relevant, p.yes, p.subSample]);
    expect(prompts).toEqual([
      [
        "Does planning promote the safety and wellbeing of the child, sufficiently addressing risks?",
        5,
        5,
        5,
      ],
      [question, 4, 4, 5],
      [
        "Does planning include necessary contingency arrangements for those risks that have been identified?",
        5,
        3,
        5,
      ],
    ]);
    expect(
      cut.warnings.filter((w) => w.code === "figures-unplaced" || w.code === "question-text-cut"),
    ).toEqual([]);
  },
);

test("a row cut by a page, its counts alone after its first lines, its last words after the page's notes and the repeated caption and headings, is read whole (Word's A5 pages, MuPDF)", async () => {
  // North Somerset 2.1.1's second prompt (8, 8), a cell a line: the question's first two lines,
  // its counts, the page's note; at the next page's top the caption and headings printed again,
  // then the question's last words. The counts had been taken for page furniture.
  const question =
    "Does assessment consider the diversity and wider familial and social context of the child, utilising information held by other agencies?";
  const { text, row } = northSomersetRow(question, 8, 8);
  const header = "Inspection of youth offending services: North Somerset";
  const note =
    "<sup>10</sup> The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band.";
  const cut = await recordOf(
    text.replace(
      row,
      `Does assessment consider the diversity and wider\nfamilial and social context of the child, utilising\n8\n8\n\n${note}\n\n\f${header}\n\nOf the 8 cases inspected:\nRelevant\ncases\nNumber\n'Yes'\ninformation held by other agencies?\n\n`,
    ),
  );
  const prompts = cut.prompts
    .filter((p) => p.keyQuestionId === "2.1.1" && p.source === "body")
    .map((p) => [p.text, p.relevant, p.yes, p.subSample]);
  expect(prompts).toContainEqual([question, 8, 8, 8]);
  expect(prompts).toHaveLength(7);
  expect(cut.warnings.filter((w) => w.code === "figures-unplaced" || w.code === "question-text-cut")).toEqual(
    [],
  );
});

// The same row as pdftotext -layout writes those pages: the caption and headings a line at a time
// in their columns, before the page's end and again after it. The caption's second line repeated
// there ("safe:  cases  'Yes'"), in lower case and in as many cells as the row, had been joined to
// the row as its wrapped cells' words.
test("a row cut by a page is not joined to the caption's second line and headings repeated at the next page's top (pdftotext -layout)", async () => {
  const question =
    "Where applicable, does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (for example, child protection or care plans) concerning the child?";
  const caption =
    "Of the 5 cases with factors relevant to keeping the child safe:\tRelevant cases\tNumber 'Yes'\n";
  const headings = `Of the 5 cases with factors relevant to keeping the child${" ".repeat(3)}Relevant Number\nsafe:${" ".repeat(55)}cases${" ".repeat(4)}'Yes'\n`;
  const text = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
  const row = `${question}\t4\t4\n`;
  const at = text.indexOf(row);
  const captionAt = text.lastIndexOf(caption, at);
  expect([captionAt > 0, at > captionAt]).toEqual([true, true]);
  const header = "Inspection of youth offending services: North Somerset";
  const cutRow = `Where applicable, does planning involve other agencies${" ".repeat(6)}4${" ".repeat(12)}4\n\n${" ".repeat(39)}46\n\f${header}\n\n${headings}\nwhere appropriate, and is there sufficient alignment with\nother plans (for example, child protection or care plans)\nconcerning the child?\n`;
  const laid = `${text.slice(0, captionAt)}${headings}${text.slice(captionAt + caption.length, at)}${cutRow}${text.slice(at + row.length)}`;
  const cut = await recordOf(toSpaces(laid));
  const prompts = cut.prompts
    .filter((p) => p.keyQuestionId === "3.2.2" && p.source === "body")
    .map((p) => [p.text, p.relevant, p.yes, p.subSample]);
  expect(prompts).toContainEqual([question, 4, 4, 5]);
  expect(prompts).toHaveLength(3);
});

test("a row's counts on lines of their own before the next table's headings, then its key question and caption, are the row's; the caption counts the next table (pdftotext)", async () => {
  // North Somerset 3.2.1's last prompt (5, 5) and 3.2.2's table (of 5 cases), a cell a line as
  // pdftotext writes the word processor's page: the next table's heading row before the key
  // question's heading and the caption beside it; the notes at the page's foot.
  const text = cellsOf("2020-12-north-somerset.txt");
  const question =
    "Is the child and their parents/carers meaningfully involved in planning, and are their views taken into account?";
  const kq = "Does planning focus sufficiently on keeping the child safe?";
  const caption = "Of the 5 cases with factors relevant to keeping the child safe:";
  const start = text.indexOf(`${question}\n5\n5\n`);
  const end = text.indexOf("Relevant cases\nNumber 'Yes'\n", start);
  expect([start > 0, text.slice(start, end).includes(`#### ${kq}\n\n${caption}\n`)]).toEqual([true, true]);
  const record = await recordOf(
    `${text.slice(0, start)}Is the child and their parents/carers meaningfully involved in planning, and are their views\ntaken into account?\n\n5\n\n5\n\nRelevant\ncases\n\nNumber 'Yes'\n\n${kq}\n${caption}\n${text.slice(end + "Relevant cases\nNumber 'Yes'\n".length)}`,
  );
  const rows = (id: string) =>
    record.prompts
      .filter((p) => p.keyQuestionId === id && p.source === "body")
      .map((p) => [p.text.slice(0, 40), p.relevant, p.yes, p.subSample]);
  expect(rows("3.2.1").at(-1)).toEqual([question.slice(0, 40), 5, 5, 5]);
  expect(rows("3.2.1")).toHaveLength(7);
  expect(rows("3.2.2")).toEqual([
    ["Does planning promote the safety and wel", 5, 5, 5],
    ["Where applicable, does planning involve ", 4, 4, 5],
    ["Does planning include necessary continge", 5, 3, 5],
  ]);
});

test("a row broken by a page, its counts on lines of their own before the page's notes and number, its last words first on the next page, is read whole (pdftotext)", async () => {
  // North Somerset 3.2.2's second prompt (4, 4), a cell a line as pdftotext writes the word
  // processor's page: the question's first lines, the counts, the notes at the page's foot and
  // its number, then, under the next page's running header, the question's last words.
  const question =
    "Where applicable, does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (for example, child protection or care plans) concerning the child?";
  const { text, row } = northSomersetRow(question, 4, 4);
  const note =
    "<sup>22</sup> This question is only relevant in cases where there are factors related to keeping the child safe.\n\n<sup>23</sup> This question is only relevant in cases where there are factors related to keeping other people safe.";
  const broken = await recordOf(
    text.replace(
      row,
      `Where applicable, does planning involve other agencies where appropriate, and is there\nsufficient alignment with other plans (for example, child protection or care plans)\n\n4\n\n4\n\n${note}\n\n23\n\f Inspection of youth offending services: North Somerset\n\nconcerning the child?\n`,
    ),
  );
  const prompts = broken.prompts
    .filter((p) => p.keyQuestionId === "3.2.2" && p.source === "body")
    .map((p) => [p.text, p.relevant, p.yes]);
  expect(prompts).toContainEqual([question, 4, 4]);
  expect(prompts).toHaveLength(3);
});

test("a key question cut by a page, the page's note between it and its last words at the next page's top, is read whole (pdftotext)", async () => {
  // Kirklees 3.4.1 (27%), as pdftotext writes a word processor's page at one and a half lines:
  // the question's first line and its figure, the note at the page's foot, then the next page.
  const question =
    "Are the YOT’s recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision making?";
  const note =
    "The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band. See Annexe 1 for a more detailed explanation.";
  const keyQuestion = (record: Awaited<ReturnType<typeof recordOf>>) =>
    record.keyQuestions.find((k) => k.id === "3.4.1" && k.source === "body");
  const broken = await damagedReport("2021-10-kirklees.txt", [
    `${question}\t27%`,
    `Are the YOT’s recommendations sufficiently well-informed, analytical and personalised to the child,\t27%\n\n${note}\n\f\nsupporting joint decision making?`,
  ]);
  expect([keyQuestion(broken)?.text, keyQuestion(broken)?.percent]).toEqual([question.replace("’", "'"), 27]);
  expect(broken.warnings.some((w) => w.code === "question-text-cut")).toBe(false);
  // Not over prose that is not a sentence of its own, nor over two pages.
  const twoPages = await damagedReport("2021-10-kirklees.txt", [
    `${question}\t27%`,
    `Are the YOT’s recommendations sufficiently well-informed, analytical and personalised to the child,\t27%\n\n${note}\n\f\nInspection of youth offending services: Kirklees\n\f\nsupporting joint decision making?`,
  ]);
  expect(keyQuestion(twoPages)?.text.endsWith("to the child,")).toBe(true);
});

test("a prompt cut by a page whose last words follow the standard's heading repeated at the next page's top is read whole (Word's A5 pages, pdftotext)", async () => {
  // Tower Hamlets' annex, 3.2.1 f) 100%, a cell a line, wrapped as on A5 pages: the annex
  // table's first row ("3.2. Planning ...") is a heading row Word prints again at the top of each
  // page the table runs on to.
  const f = [
    "f) Does planning take sufficient account of opportunities for",
    "community integration, including access to mainstream services",
    "following completion of out-of-court disposal work?",
  ];
  const narrow = toWrapped(cellsOf("2022-07-tower-hamlets-and-city-of-london.txt"), 70);
  const row = `${f.join("\n")}\n100%\n`;
  expect(narrow).toContain(row);
  const heading = "3.2. Planning (out-of-court disposals)";
  const header = "Inspection of youth offending services: Tower Hamlets and City of London";
  const cut = await recordOf(
    narrow.replace(row, `${f[0]}\n\n100%\n\f${header}\n${heading}\n${f[1]}\n${f[2]}\n`),
  );
  const prompts = (r: typeof cut) =>
    r.prompts
      .filter((p) => p.keyQuestionId === "3.2.1" && p.source === "annex")
      .map((p) => [p.text, p.percent]);
  const whole = prompts(await recordOf(narrow));
  expect(whole[5]).toEqual([f.join(" ").slice(3), 100]);
  expect(prompts(cut)).toEqual(whole);
});

test("a prompt cut by a page, its number ending its first line and its sign its last, the standard's heading repeated between, is read whole with its figure (Word's A5 pages, pdftotext -raw)", async () => {
  // Tower Hamlets' annex, 3.1.1 h) 33%: the figure's cell wraps beside the question's lines, the
  // number by the first ("... wishes of 33"), the sign by the last, on the next page after the
  // table's first row printed again. It had been read with i)'s text and figure.
  const h =
    "h) Does assessment give sufficient attention to the needs and wishes of victims, and opportunities for restorative justice?";
  const heading = "3.1. Assessment (out-of-court disposals)";
  const header = "Inspection of youth offending services: Tower Hamlets and City of London";
  const prompts = (r: Awaited<ReturnType<typeof recordOf>>) =>
    r.prompts
      .filter((p) => p.keyQuestionId === "3.1.1" && p.source === "annex")
      .map((p) => [p.label, p.text.slice(0, 40), p.percent]);
  const cut = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
    `${h}\t33%\t\n`,
    `h) Does assessment give sufficient attention to the needs and wishes of 33\n\f${header}\n${heading}\nvictims, and opportunities for restorative justice? %\n`,
  ]);
  expect(prompts(cut).slice(-2)).toEqual([
    ["h", "Does assessment give sufficient attentio", 33],
    ["i", "Are the child and their parents or carer", 100],
  ]);
  expect(
    cut.prompts.find((p) => p.keyQuestionId === "3.1.1" && p.label === "h" && p.source === "annex")?.text,
  ).toBe(h.slice(3));
  // (The same without the text's pages, pypdf's: its running header marks the page's end.)
  const pageless = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
    `${h}\t33%\t\n`,
    `h) Does assessment give sufficient attention to the needs and wishes of 33\n74\n${header}\n${heading}\nvictims, and opportunities for restorative justice? %\n`,
  ]);
  expect(prompts(pageless)).toEqual(prompts(cut));
});

test("a percentage wrapped in a narrow cell, its sign on the next line ('56' / '%'), even over a page's end, is the row's (pdf-parse getText, A5 pages)", async () => {
  // Tower Hamlets' annex, 3.3.1 a) 56%, b) 67%, as getText writes the word processor's A5 pages.
  const a =
    "a) Are the delivered services those most likely to support desistance, with sufficient attention given to sequencing and the available timescales?";
  const b = "b) Does service delivery account for the diversity issues of the child?";
  const wrapped = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
    `${a}\t56%\t\n${b}\t67%\t\n`,
    `${a.replace(" with sufficient", "\nwith sufficient")}\n56\n%\n${b} 67\n73\n\n-- 73 of 74 --\n\n%\n`,
  ]);
  const prompts = wrapped.prompts
    .filter((p) => p.keyQuestionId === "3.3.1" && p.source === "annex")
    .map((p) => [p.label, p.percent]);
  expect(prompts.slice(0, 2)).toEqual([
    ["a", 56],
    ["b", 67],
  ]);
  // (A lone "%" elsewhere is no figure's: the offence types' heading, its footnote marker before it.)
  const heading = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
    "Offence types ¹⁰\t%",
    "Offence types 10\n%",
  ]);
  expect(heading.narrative.some((n) => n.text.includes("Offence types 10%"))).toBe(false);
});

test("a percentage wrapped in a narrow cell beside a question, its number a line above its sign, is the row's (a word processor's PDF: our reader, pdftotext -layout)", async () => {
  // Tower Hamlets' annex, 3.1.1 a) 67% ... i) 100%, with its figures column too narrow for them.
  const Q = {
    a: "a) Is there sufficient analysis of offending behaviour, including the child's acknowledgement of responsibility for, attitudes towards and motivations for their offending?",
    b: "b) Does assessment sufficiently analyse diversity issues?",
    c: "c) Does assessment consider personal circumstances, including the wider familial and social context of the child?",
    e: "e) Does assessment focus on the child's strengths and protective factors?",
    h: "h) Does assessment give sufficient attention to the needs and wishes of victims, and opportunities for restorative justice?",
  };
  const wrapped = await damagedReport(
    "2022-07-tower-hamlets-and-city-of-london.txt",
    // The number at the end of the question's first line, the sign beside its next: glued on
    // with a space (our reader) or in its column (pdftotext -layout); the question's last line
    // that, or one more (A5 pages).
    [`${Q.e}\t89%\t\n`, `${Q.e.replace(" factors?", " 89\nfactors?")}\t%\n`],
    [`${Q.h}\t33%\t\n`, `${Q.h.replace(" justice?", "          33\njustice?          %")}\n\n`],
    [
      `${Q.a}\t67%\t\n`,
      `${Q.a.replace(" acknowledgement", " 67\nacknowledgement").replace(" for their", " %\nfor their")}\n\n`,
    ],
    // A question on one line, its cell's two lines centred about it: the number above, the sign below.
    [`${Q.b}\t89%\t\n`, `\n          89\n${Q.b}\n          %\n\n`],
    [`${Q.c}\t78%\t\n`, `          78\n${Q.c}\n          %\n`],
  );
  const prompts = wrapped.prompts
    .filter((p) => p.keyQuestionId === "3.1.1" && p.source === "annex")
    .map((p) => [p.label, p.text, p.percent]);
  expect(prompts.map(([label, , percent]) => [label, percent])).toEqual([
    ["a", 67],
    ["b", 89],
    ["c", 78],
    ["d", 67],
    ["e", 89],
    ["f", 56],
    ["g", 78],
    ["h", 33],
    ["i", 100],
  ]);
  expect(prompts.map(([, text]) => text)).toContain(Q.a.slice(3));
  // (A number ending a sentence's line, a lone "%" cell beside no question below it: nothing moves.)
  const prose = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
    "Offence types ¹⁰\t%",
    "The caseload numbered 45\nOffence types 10\t%",
  ]);
  expect(prose.narrative.some((n) => n.text.includes("The caseload numbered 45"))).toBe(true);
});

test("a count row's counts after an OCR'd rule, the line's only pipe, inside its wrapped question ('... wellbeing of the |8 8' / 'child?'), are its counts", async () => {
  // North Somerset's 2.1.2 as getText writes the scan: the cell's border read as "|", glued on.
  const PROMPT =
    "Does assessment clearly identify and analyse any risks to the safety and wellbeing of the child?";
  const record = await damagedReport("2020-12-north-somerset.txt", [
    `${PROMPT}\t8\t8`,
    `${PROMPT.replace(" child?", " |8 8\nchild?")}`,
  ]);
  const row = record.prompts.find((p) => p.keyQuestionId === "2.1.2" && p.text === PROMPT);
  expect([row?.relevant, row?.yes, row?.provenance.line]).toEqual([8, 8, 478]);
});

test("a row whose percentage an OCR engine misread ('A2%') is not read, and said; a key question so still heads its prompts", async () => {
  // Kirklees' annex, 2.1.2's last prompt (printed 42%) as tesseract read it.
  const PROMPT =
    "Does assessment analyse controls and interventions to promote the safety and wellbeing of the child?";
  const record = await damagedReport("2021-10-kirklees.txt", [`${PROMPT}\t42%`, `${PROMPT} A2%`]);
  expect(record.prompts.find((p) => p.source === "annex" && p.text === PROMPT)).toBeUndefined();
  expect(
    record.warnings.filter((w) => w.code === "figure-illegible").map((w) => [w.provenance?.line, w.message]),
  ).toEqual([
    [1089, "The row's figure reads 'A2%', no number (an OCR engine's misreading); the row was not read"],
  ]);
  // 2.1.3's key question in the annex, which heads its prompts with no figure of its own, given a
  // misread one: not read, its prompts still 2.1.3's (printed 48%, 62%, 48%).
  const KQ = "Does assessment sufficiently analyse how to keep other people safe?";
  const annexKq = await damagedReport("2021-10-kirklees.txt", [
    `${KQ}\t\nDoes assessment clearly`,
    `${KQ} 4B%\nDoes assessment clearly`,
  ]);
  expect(
    annexKq.prompts.filter((p) => p.source === "annex" && p.keyQuestionId === "2.1.3").map((p) => p.percent),
  ).toEqual([48, 62, 48]);
});

// An annex table's heading row lost: Croydon's 2.2 heading ("2.2.\tPlanning\tGood", line 824) as
// our PDF reader writes it where the rows are set close, run into the damaged row below it.
const CROYDON_22_HEADING = "2.2.\tPlanning\tGood\nactive\ting is well-informed";
const annexQuestions = (record: Awaited<ReturnType<typeof readText>>, standardId: string) =>
  record.keyQuestions
    .filter((k) => k.source === "annex" && k.standardId === standardId)
    .map((k) => [k.id, k.percent, k.printedNumber]);

test.each([
  { damage: "run into the row below it", damaged: "2.2. active\tPlanning ing is well-informed" },
  { damage: "dropped", damaged: "active\ting is well-informed" },
])(
  "an annex's key questions under a standard heading $damage are that standard's by their wording and number (Croydon 2.2)",
  async ({ damaged }) => {
    const record = await damagedReport("2019-croydon.txt", [CROYDON_22_HEADING, damaged]);
    expect(annexQuestions(record, "2.2")).toEqual([
      ["2.2.1", 84, "2.2.1"],
      ["2.2.2", 72, "2.2.2"],
      ["2.2.3", 66, "2.2.3"],
    ]);
    // 2.1's own, and 2.3's after its heading, as printed.
    expect(annexQuestions(record, "2.1").map((k) => k[1])).toEqual([93, 84, 79]);
    expect(annexQuestions(record, "2.3").map((k) => k[1])).toEqual([88, 79, 75]);
    expect(
      record.warnings
        .filter((w) => w.code === "standard-heading-missing")
        .map((w) => [w.provenance?.line, w.message]),
    ).toEqual([
      [
        825,
        "Key question 2.2.1 stands under standard 2.1 in the annex: read as 2.2's by its wording and number, 2.2's heading not being found",
      ],
    ]);
  },
);

test("a key question under a lost heading whose figure stands on another line is not moved: which figure is its own is uncertain", async () => {
  // 2.2.1's figure on the line below its question (a converter writing the cells one under
  // another): 2.2.1 is not read; 2.2.2, a whole row, begins 2.2's questions.
  const record = await damagedReport(
    "2019-croydon.txt",
    [CROYDON_22_HEADING, "active\ting is well-informed"],
    ["person's desistance?\t84%\n2.2.2.", "person's desistance?\n84%\n2.2.2."],
  );
  expect(annexQuestions(record, "2.2")).toEqual([
    ["2.2.2", 72, "2.2.2"],
    ["2.2.3", 66, "2.2.3"],
  ]);
  expect(
    record.warnings
      .filter((w) => /^(key-question-unrecognised|standard-heading-missing)$/.test(w.code))
      .map((w) => [w.code, w.provenance?.line]),
  ).toEqual([
    ["key-question-unrecognised", 825],
    ["standard-heading-missing", 827],
  ]);
});

test("prompts under an annex's key questions whose standard heading was lost are that standard's (Tower Hamlets 3.3)", async () => {
  const record = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
    "3.3. Implementation and delivery (out-of-court disposals)\t\t\n",
    "",
  ]);
  const promptsOf = (kq: string) =>
    record.prompts
      .filter((p) => p.source === "annex" && p.keyQuestionId === kq)
      .map((p) => `${p.label} ${p.percent}`);
  expect(promptsOf("3.3.1")).toEqual(["a 56", "b 67", "c 78", "d 78", "e 78", "f 89"]);
  expect(promptsOf("3.3.2")).toEqual(["a 56", "b 33"]);
  expect(promptsOf("3.3.3")).toEqual(["a 44", "b 22"]);
  // 3.2's last key question keeps its own prompts only.
  expect(promptsOf("3.2.3")).toEqual(["a 56", "b 56", "c 22", "d 44"]);
  expect(record.warnings.filter((w) => w.code === "standard-heading-missing").map((w) => w.message)).toEqual([
    "Key question 3.3.1 stands under standard 3.2 in the annex: read as 3.3's by its wording, 3.3's heading not being found",
  ]);
});

test.each([
  // (standard read so far, question, printed number: the key question read, or none)
  ["2.1", "Does planning focus sufficiently on keeping other people safe?", null, "2.2.3"],
  ["2.1", "Does reviewing focus sufficiently on keeping the child safe?", "2.4.2", "2.4.2"],
  [
    "3.3",
    "Does the YOT work effectively with the police in implementing the out-of-court disposal?",
    null,
    "3.4.2",
  ],
  // Its number another standard's: not moved.
  ["2.1", "Does planning focus sufficiently on keeping other people safe?", "2.3.3", null],
  // An earlier standard's work, or another domain's (a domain heading lost too): not moved.
  ["2.4", "Does assessment sufficiently analyse how to keep the child safe?", null, null],
  ["2.4", "Does assessment sufficiently analyse how to keep the child safe?", "3.1.2", null],
  // Wording that names no work (damaged): not moved.
  ["2.1", "Does it focus sufficiently on keeping other people safe?", null, null],
])("under %s, '%s' (printed %s) is a later standard's key question: %s", (standardId, text, printed, id) => {
  expect(laterStandardsKeyQuestion(standardId, text, printed)?.id ?? null).toBe(id);
});

test.each([
  // North Somerset's count tables, every row's counts gone (body: a table under each key question).
  { name: "2020-12-north-somerset.txt", strip: /\t\d+\t\d+\s*$/gm, expected: 94 },
  // Kirklees' annex, every prompt's percentage gone (key questions heading their prompts).
  { name: "2021-10-kirklees.txt", strip: /(?<=\?)\t\d+%$/gm, expected: 94 },
])(
  "prompts printed but none read count missing ($name), where they had been 'the report prints none'",
  async ({ name, strip, expected }) => {
    const record = await recordOf(readFileSync(join(CORPUS, name), "utf8").replace(strip, ""));
    expect(record.prompts).toEqual([]);
    expect(record.completeness.prompts).toMatchObject({ found: 0, expected, note: null });
    expect(record.completeness.prompts.missing).toContain("2.1.1: 0 of 7");
  },
);

test("a report printing no prompts says so (Croydon, Blackburn with Darwen)", async () => {
  for (const name of ["2019-croydon.txt", "2023-01-blackburn-with-darwen.txt"]) {
    const record = await recordOf(readFileSync(join(CORPUS, name), "utf8"));
    expect(record.completeness.prompts).toEqual({
      found: 0,
      expected: 0,
      missing: [],
      note: "the report prints no prompt figures",
    });
  }
});

test("several rows' counts in one block after the first row's first line are those rows' (pdftotext of a word processor's table at one and a half lines)", async () => {
  // North Somerset 2.1.2 (printed 8-8, 8-8, 8-4) and 2.2.1's last three prompts (8-8, 8-8, 5-4):
  // the block stands after the first row's first line, the rows' other lines after it.
  const assessment = [
    "Does assessment clearly identify and analyse any risks to the safety and wellbeing of the child?",
    "Does assessment draw sufficiently on available sources of information, including other assessments, and involve other agencies where appropriate?",
    "Where applicable, does assessment analyse controls and interventions to promote the safety and wellbeing of the child?",
  ];
  const planning = [
    "Does planning take sufficient account of the child's strengths and protective factors, and seek to reinforce or develop these as necessary?",
    "Does planning take sufficient account of the child's levels of maturity, ability and motivation to change, and seek to develop these as necessary?",
    "Where applicable, does planning give sufficient attention to the needs and wishes of the victim/s?",
  ];
  const rows = (questions: string[], counts: number[][]) =>
    questions.map((q, r) => `${q}\n${counts[r]?.join("\n")}\n`).join("");
  /** The rows as pdftotext writes them: the first's first line, the block, then the rest. */
  const block = (questions: string[], cut: number, counts: number[][]) => {
    const first = questions[0] as string;
    const [head, tail] = [first.slice(0, cut).trimEnd(), first.slice(cut).trimStart()];
    const others = questions.slice(1).map((q) => {
      const at = q.indexOf(" ", 80);
      return at < 0 ? q : `${q.slice(0, at)}\n${q.slice(at + 1)}`;
    });
    return `${head}\n\n${counts.flat().join("\n\n")}\n\n${tail}\n${others.join("\n")}\n`;
  };
  const assessmentCounts = [
    [8, 8],
    [8, 8],
    [8, 4],
  ];
  const planningCounts = [
    [8, 8],
    [8, 8],
    [5, 4],
  ];
  const text = cellsOf("2020-12-north-somerset.txt");
  const assessmentRows = rows(assessment, assessmentCounts);
  const planningRows = rows(planning, planningCounts);
  expect(text).toContain(assessmentRows);
  expect(text).toContain(planningRows);
  // (Court disposals' prompts: out-of-court disposals ask the same questions.)
  const countsOf = (record: Awaited<ReturnType<typeof recordOf>>, questions: string[]) =>
    questions.map((q) => {
      const prompt = record.prompts.find(
        (p) => p.text === q && p.source === "body" && p.keyQuestionId.startsWith("2."),
      );
      return prompt ? [prompt.relevant, prompt.yes] : null;
    });
  const assessmentBlock = block(assessment, 89, assessmentCounts);
  const planningBlock = block(planning, 90, planningCounts);
  expect(assessmentBlock).toContain("wellbeing of the\n\n8\n\n8\n\n8\n\n8\n\n8\n\n4\n\nchild?\n");
  const both = await recordOf(
    text.replace(assessmentRows, assessmentBlock).replace(planningRows, planningBlock),
  );
  expect(countsOf(both, assessment)).toEqual(assessmentCounts);
  // 8 8 8 8 5 4 could be a column at a time as well (8-8, 8-5, 8-4): read a row at a time, as
  // the file's block that can only be read so (2.1.2 is; a column at a time it would be 8-8,
  // 8-8, 8-4 too, but 2.1.3's 8 7 8 8 8 4 is 8-8, 7-8) ...
  const moreText = text
    .replace(assessmentRows, assessmentBlock)
    .replace(planningRows, planningBlock)
    .replace(
      "Does assessment clearly identify and analyse any risk of harm to others posed by the child, including identifying who is at risk and the nature of that risk?\n8\n7\nDoes assessment draw sufficiently on available sources of information, including past behaviour and convictions, and involve other agencies where appropriate?\n8\n8\nDoes assessment analyse controls and interventions to manage and minimise the risk of harm presented by the child?\n8\n4\n",
      "Does assessment clearly identify and analyse any risk of harm to others posed by the child, including\n\n8\n\n7\n\n8\n\n8\n\n8\n\n4\n\nidentifying who is at risk and the nature of that risk?\nDoes assessment draw sufficiently on available sources of information, including past behaviour and\nconvictions, and involve other agencies where appropriate?\nDoes assessment analyse controls and interventions to manage and minimise the risk of harm presented\nby the child?\n",
    );
  expect(moreText).toContain("including\n\n8\n\n7\n\n8");
  expect(countsOf(await recordOf(moreText), planning)).toEqual(planningCounts);
  // ... and not read where no block in the file says which order it is.
  expect(countsOf(await recordOf(text.replace(planningRows, planningBlock)), planning)).toEqual([
    null,
    null,
    null,
  ]);
  // Fewer questions after the block than its rows (a key question's heading next): not read.
  const short = block(assessment.slice(0, 2), 89, assessmentCounts);
  expect(short).toMatch(/\n8\n\n4\n\nchild\?\nDoes assessment draw [^?]*appropriate\?\n$/);
  const cut = await recordOf(text.replace(assessmentRows, short));
  expect(countsOf(cut, assessment.slice(0, 2))).toEqual([null, null]);
});

test("a key question's heading with its table's caption straight after it gives the rows their sub-sample, its column headings written before it (pdftotext)", async () => {
  // North Somerset 2.4.2: "Of the 7 cases where there were changes in factors related to keeping
  // the child safe:", the headings written before the last row of the table above.
  const text = cellsOf("2020-12-north-somerset.txt");
  const printed =
    "taken into account?\n8\n7\n\n#### Does reviewing focus sufficiently on keeping the child safe?\n\nOf the 7 cases where there were changes in factors related to keeping the child safe:\nRelevant cases\nNumber 'Yes'\n";
  expect(text).toContain(printed);
  const moved = text.replace(
    printed,
    "Relevant cases\nNumber 'Yes'\ntaken into account?\n8\n7\n\n#### Does reviewing focus sufficiently on keeping the child safe?\n\nOf the 7 cases where there were changes in factors related to keeping the child safe:\n",
  );
  const prompts = (await recordOf(moved)).prompts
    .filter((p) => p.keyQuestionId === "2.4.2" && p.source === "body")
    .map((p) => [p.relevant, p.yes, p.subSample]);
  expect(prompts).toEqual([
    [7, 7, 7],
    [7, 7, 7],
    [6, 5, 7],
  ]);
});

test("a count beside a question's first line and the other after its last, on narrow pages (up to four lines, a capital after a joining word), is the row's (pdftotext, A5 pages)", async () => {
  // North Somerset as pdftotext writes the word processor's A5 pages: the row's relevant cases
  // beside its question's first line, its 'Yes' after the question's last.
  const cases = [
    {
      question:
        "Is sufficient focus given to developing and maintaining an effective working relationship with the child and their parents/carers?",
      counts: [8, 8] as const,
      id: "2.3.1",
      narrow:
        "Is sufficient focus given to developing and maintaining an 8\neffective working relationship with the child and their\nparents/carers?\n\n8\n",
    },
    {
      question:
        "Where applicable, does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (for example, child protection or care plans) concerning the child?",
      counts: [4, 4] as const,
      id: "3.2.2",
      narrow:
        "Where applicable, does planning involve other agencies 4\nwhere appropriate, and is there sufficient alignment with\nother plans (for example, child protection or care plans)\nconcerning the child?\n\n4\n",
    },
    {
      question: "Where applicable, is a positive contribution made by the YOT to determining the disposal?",
      counts: [5, 5] as const,
      id: "3.4.1",
      narrow:
        "Where applicable, is a positive contribution made by the 5\nYOT to determining the disposal?\n\n5\n",
    },
  ];
  for (const { question, counts, id, narrow } of cases) {
    const { text, row } = northSomersetRow(question, counts[0], counts[1]);
    const prompts = (await recordOf(text.replace(row, narrow))).prompts
      .filter((p) => p.keyQuestionId === id && p.source === "body")
      .map((p) => [p.text, p.relevant, p.yes]);
    expect(prompts).toContainEqual([question, ...counts]);
  }
});

test("a row's counts on lines of their own, the larger second ('3' / '5'), are read the one way that can be true, and said (pdftotext, a table's last row)", async () => {
  // North Somerset 3.2.2's last prompt, printed 5 relevant cases, 3 'Yes'.
  const question =
    "Does planning include necessary contingency arrangements for those risks that have been identified?";
  const { text, row } = northSomersetRow(question, 5, 3);
  /** The report with the row's question wrapped and its counts after it, in the order given. */
  const withCounts = (first: number, second: number) =>
    recordOf(
      text.replace(
        row,
        `Does planning include necessary contingency\narrangements for those risks that have been identified?\n\n${first}\n\n${second}\n`,
      ),
    );
  const countsOf = (record: Awaited<ReturnType<typeof recordOf>>) => {
    const prompt = record.prompts.find((p) => p.keyQuestionId === "3.2.2" && p.text === question);
    return [prompt?.relevant, prompt?.yes];
  };
  const reversed = await withCounts(3, 5);
  expect(countsOf(reversed)).toEqual([5, 3]);
  const warning = reversed.warnings.find((w) => w.code === "counts-read-reversed");
  expect(warning?.message).toBe(
    "A row's two counts stand on lines of their own in the order 3, 5 (as written, more 'Yes' than relevant cases): read as 5 relevant cases and 3 'Yes', the one order that can be true",
  );
  expect(warning?.provenance?.snippet).toBe(`${question}\t3\t5`);
  // Written in their own order, no word of it.
  const inOrder = await withCounts(5, 3);
  expect(countsOf(inOrder)).toEqual([5, 3]);
  expect(inOrder.warnings.some((w) => w.code === "counts-read-reversed")).toBe(false);
  // Not after a question left without counts: the two may be its and this row's (pdfminer's
  // boxes, "... concerning the child?" / "Does planning include ...?" / "4" / "5").
  const involve =
    "Where applicable, does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (for example, child protection or care plans) concerning the child?";
  const both = northSomersetRow(involve, 4, 4).row + row;
  expect(text).toContain(both);
  const uncounted = await recordOf(text.replace(both, `${involve}\n\n${question}\n\n4\n\n5\n`));
  expect(
    uncounted.prompts.filter((p) => p.keyQuestionId === "3.2.2").map((p) => [p.relevant, p.yes]),
  ).toEqual([[5, 5]]);
  expect(uncounted.warnings.some((w) => w.code === "counts-read-reversed")).toBe(false);
  // A tab between them, the row's own line: read as printed (the audit's to judge).
  expect(countsOf(await recordOf(text.replace(row, `${question}\t3\t5\n`)))).toEqual([3, 5]);
});

test("a page's last row whose page number pdftotext writes between its two counts ('7' / '35' / '5') is read with both", async () => {
  // North Somerset 2.3.3's first prompt (7, 5), the last row on its page (A5 pages).
  const question = "Are the delivered services sufficient to manage and minimise the risk of harm?";
  const { text, row } = northSomersetRow(question, 7, 5);
  const [before, after] = text.split(row) as [string, string];
  // The text in pages of 60 lines, each page's number at its foot, the row the last on its page.
  const paged = (lines: string[]) =>
    Array.from({ length: Math.ceil(lines.length / 60) }, (_, k) => lines.slice(60 * k, 60 * (k + 1)));
  const first = paged(before.split("\n"));
  const pages = first.map((lines, k) => `${lines.join("\n")}\n\n${k + 1}\n`);
  const last = pages.length;
  const withPages = (rowText: string) =>
    `${pages.slice(0, -1).join("\f")}\f${(first[last - 1] as string[]).join("\n")}${rowText}\f${after}`;
  const prompt = (record: Awaited<ReturnType<typeof recordOf>>) => {
    const p = record.prompts.find((p) => p.keyQuestionId === "2.3.3" && p.text === question);
    return p ? [p.relevant, p.yes] : null;
  };
  const wrapped = "Are the delivered services sufficient to manage and\nminimise the risk of harm?\n\n7";
  expect(prompt(await recordOf(withPages(`${wrapped}\n\n5\n\n${last}\n`)))).toEqual([7, 5]);
  expect(prompt(await recordOf(withPages(`${wrapped}\n\n${last}\n\n5\n`)))).toEqual([7, 5]);
  // Not a number that is not the page's own between them.
  expect(prompt(await recordOf(withPages(`${wrapped}\n\n${last + 3}\n\n5\n\n${last}\n`)))).toBeNull();
});

test("prompts whose key question's heading was not read go to no other key question (Tower Hamlets 3.1.2)", async () => {
  const text = readFileSync(join(CORPUS, "2022-07-tower-hamlets-and-city-of-london.txt"), "utf8");
  // The annex's 3.1.2 row (line 1280), its words misread as an OCR engine or a converter may.
  const heading = "Does assessment sufficiently analyse how to keep the child safe?\t\t\n";
  const at = text.indexOf(heading, text.indexOf("Annex 2"));
  expect(text.slice(0, at).split("\n").length).toBe(1280);
  const damaged = `${text.slice(0, at)}Dos asessment suficiently analyse how to kep the chid saffe?\t\t\n${text.slice(at + heading.length)}`;
  const record = await recordOf(damaged);
  const letters = (id: string) =>
    record.prompts
      .filter((p) => p.source === "annex" && p.keyQuestionId === id)
      .map((p) => `${p.label} ${p.percent}`);
  // 3.1.1's own nine prompts, a) to i), and not 3.1.2's a) to c) after them.
  expect(letters("3.1.1")).toEqual(["a 67", "b 89", "c 78", "d 67", "e 89", "f 56", "g 78", "h 33", "i 100"]);
  expect(letters("3.1.2")).toEqual([]);
  const warning = record.warnings.find((w) => w.code === "prompts-unheaded");
  expect(warning?.provenance?.line).toBe(1281);
});

// A paragraph a line (document-sharing sites' transcripts, a page run into one line): a count
// row whose counts stood beside its question's first line reads "... taken into 8 8 account?".
test("a count row's counts between its question's first line and its last words, on one line, are its counts and the question whole", async () => {
  const [printed, promptOf, whole] = [VIEWS_TAKEN_INTO_ACCOUNT, viewsPromptAs, VIEWS_PROMPT_WHOLE];
  // A single space between (one cell), or the counts a cell each.
  expect(await promptOf(printed.replace(" account?\t8\t7", " 8 7 account?"))).toContainEqual(whole);
  expect(await promptOf(printed.replace(" account?\t8\t7", "\t8\t7\taccount?"))).toContainEqual(whole);
  // Not counts the table cannot hold: 'Yes' more than the relevant cases, or those more than its cases.
  for (const [relevant, yes] of [
    [7, 8],
    [9, 9],
  ]) {
    const read = await promptOf(printed.replace(" account?\t8\t7", ` ${relevant} ${yes} account?`));
    expect(read.map((p) => p[1])).not.toContain(relevant);
  }
});
