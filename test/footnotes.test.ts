// Footnote markers printed as plain digits (pdftotext, text extractors): the notes at a page's
// foot and their markers above are read as footnotes, not as contextual facts or label text;
// numbers that are not notes stay as they are.
import { expect, test } from "vitest";
import { plainDigitFootnotes } from "../parsers/footnotes.js";
import { parseMethodology } from "../parsers/methodology.js";
import { markdownSourceLines, normaliseLines, textSourceLines } from "../parsers/normalise.js";

const page = (...lines: string[]) => lines.join("\n");

const text = [
  page("Inspection of youth offending services: Anytown", "Background", "The service is in Anytown.", "1"),
  page(
    "Inspection of youth offending services: Anytown",
    "Contextual facts",
    " 233        First-time entrant rate per 100,000 in Anytown",
    "            6",
    " 34%        Reoffending rate for Anytown 7",
    "Caseload information8",
    "",
    "6 Youth Justice Board. (2021). First Time Entrants, January to December 2019.",
    "7 Ministry of Justice. (2021). Proven reoffending statistics, April 2018",
    "to March 2019.",
    "8 Information supplied by the YOS.",
    "                                   2",
  ),
  page(
    "Inspection of youth offending services: Anytown",
    "We interviewed staff aged over 18 in",
    "12 Children were seen in the week of",
    "15 March 2022. Managers reported good support.",
    "3",
  ),
].join("\n\f");

test("notes at a page's foot and their markers (spaced, glued, alone after a wrapped label) become footnotes", () => {
  const doc = normaliseLines(textSourceLines(text), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    ["6", "Youth Justice Board. (2021). First Time Entrants, January to December 2019."],
    // (Its wrapped line is the note's, not the page's text.)
    ["7", "Ministry of Justice. (2021). Proven reoffending statistics, April 2018 to March 2019."],
    ["8", "Information supplied by the YOS."],
  ]);
  expect(doc.lines.map((l) => l.flat)).not.toContain("to March 2019.");
  const rows = doc.lines.map((l) => l.cells);
  expect(rows).toContainEqual(["233", "First-time entrant rate per 100,000 in Anytown"]);
  expect(rows).toContainEqual(["34%", "Reoffending rate for Anytown"]);
  expect(rows).toContainEqual(["Caseload information"]);
  // The lone "6" is no line of its own any more; its label's line keeps the marker.
  expect(rows).not.toContainEqual(["6"]);
  expect(
    doc.lines.find((l) => l.flat.startsWith("Reoffending") || l.flat.startsWith("34%"))?.markers,
  ).toEqual(["7"]);
});

// A word processor sets a note's number apart by a tab: pdftotext -layout writes it several
// spaces before the note, and the note's wrapped lines under its text.
test("a note whose number stands several spaces before it, wrapped, is one note; its marker found", () => {
  const layout = [
    page("Inspection of youth offending services: Anytown", "Background", "The service is in Anytown.", "1"),
    page(
      "Inspection of youth offending services: Anytown",
      "Our rating26 for joint working is based on the following key questions:",
      "",
      "Does the YOT work effectively with the police in implementing the out-of-court disposal?    80%",
      "",
      "26   The rating for the standard is driven by the lowest score on each of the key questions. See",
      "     Annexe 1 for a more detailed explanation.",
      "                                   2",
    ),
  ].join("\n\f");
  const doc = normaliseLines(textSourceLines(layout), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    [
      "26",
      "The rating for the standard is driven by the lowest score on each of the key questions. See Annexe 1 for a more detailed explanation.",
    ],
  ]);
  const rating = doc.lines.find((l) => l.flat.startsWith("Our rating"));
  expect(rating?.markers).toEqual(["26"]);
  expect(doc.lines.map((l) => l.flat)).not.toContain("Annexe 1 for a more detailed explanation.");
});

// pdftotext without -layout writes such a number, set off by a tab, as a line of its own.
test("a note's number alone on its line before its words is a note; a table's last count before prose is not", () => {
  const noFlag = [
    page("Inspection of youth offending services: Anytown", "Background", "The service is in Anytown.", "1"),
    page(
      "Inspection of youth offending services: Anytown",
      "Our rating28 for joint working is based on the following key questions:",
      "Does the YOT work effectively with the police in implementing the out-of-court disposal? 29 3",
      "",
      "3",
      "",
      "28",
      "",
      "The rating for the standard is driven by the lowest score on each of the key questions.",
      "",
      "29",
      "",
      "This question is only relevant in youth conditional caution cases.",
      "",
      "25",
    ),
    page(
      "Inspection of youth offending services: Anytown",
      "Does assessment sufficiently analyse how to keep other people safe?",
      "",
      "8",
      "8",
      "",
      "The quality of assessment was rated as 'Outstanding'. Practitioners had completed thorough",
      "assessments of how to keep the child and other people safe.",
      "",
      "26",
    ),
  ].join("\n\f");
  const doc = normaliseLines(textSourceLines(noFlag), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    ["28", "The rating for the standard is driven by the lowest score on each of the key questions."],
    ["29", "This question is only relevant in youth conditional caution cases."],
  ]);
  const question = doc.lines.find((l) => l.flat.startsWith("Does the YOT"));
  expect(question?.markers).toEqual(["29"]);
  expect(doc.lines.map((l) => l.flat)).toContain(
    "The quality of assessment was rated as 'Outstanding'. Practitioners had completed thorough",
  );
});

test("a note's words after a count table's last count are no note of that number when an earlier page's note is higher", () => {
  // North Somerset on A5 pages through pdftotext: note 13's number printed amid a row's counts,
  // its words after them ("13" / "8" / "8" / "This question ..."), the page's count tables above.
  const spaced = (...lines: string[]) => lines.join("\n\n");
  const noted = (count: string) =>
    [
      page(
        "Inspection of youth offending services: Anytown",
        "Background",
        "The service is in Anytown.",
        "1",
      ),
      spaced(
        "Inspection of youth offending services: Anytown",
        // (A count beside a wrapped question's first line looks like a marker spaced at its end.)
        "Does assessment analyse controls and interventions to 8",
        "promote the safety and wellbeing of the child?",
        "8",
        "Our rating11 for planning is based on the following key questions:",
        "Of the 8 cases inspected:",
        "Does planning focus sufficiently on keeping the child",
        "safe? 12",
        "7",
        "7",
        "12",
        "This question is only relevant in cases where there are factors related to keeping the child safe.",
        "30",
      ),
      spaced(
        "Inspection of youth offending services: Anytown",
        "people safe? 13",
        "Of the 8 cases inspected:",
        "Does planning take sufficient account of the diversity",
        "and wider familial and social context of the child?",
        "8",
        "8",
        "Where applicable, does planning give sufficient",
        "attention to the needs and wishes of the victim/s?",
        "5",
        "4",
        "$<sup>^{11}</sup>$ The rating for the standard is driven by the lowest score on each of the key",
        "questions, which is placed in a rating band. See Annexe 1 for a more detailed explanation.",
        "Is the child and their parents/carers meaningfully involved in",
        "13",
        count,
        count,
        "This question is only relevant in cases where there are factors related to keeping other people safe.",
        "31",
      ),
    ].join("\n\f");
  const markers = (count: string) =>
    normaliseLines(textSourceLines(noted(count)), "text").footnotes.map((f) => f.marker);
  expect(markers("8")).toEqual(["12", "11"]);
});

test("provenance keeps the line as written", () => {
  const source = plainDigitFootnotes(textSourceLines(text));
  const marked = source.find((l) => l.raw.includes("Reoffending rate for Anytown"));
  expect(marked?.raw).toBe(" 34%        Reoffending rate for Anytown 7");
  expect(marked?.text).toBe(" 34%        Reoffending rate for Anytown⁷");
});

test("a page ending in numbered prose without markers above is left alone", () => {
  const source = textSourceLines(text);
  const rewritten = plainDigitFootnotes(source).filter((l) => l.page === 3 && l.text !== undefined);
  expect(rewritten).toEqual([]);
  const doc = normaliseLines(source, "text");
  expect(doc.lines.map((l) => l.flat)).toContain("12 Children were seen in the week of");
});

test("text without pages: a spaced or lone number is no marker there, so these notes are left alone", () => {
  // Of the three notes only 8's marker is glued to its word ("Caseload information8").
  const source = textSourceLines(text.replace(/\f/g, "\n"));
  expect(plainDigitFootnotes(source)).toBe(source);
});

test("text without pages: a run of notes closes a page; markers glued to words are theirs", () => {
  const unpaged = [
    "For children subject to court disposals:",
    "Offence types10\t%",
    "Violence against the person\t50%",
    "2.2 Planning",
    "Good20",
    "Planning was judged to be sufficient in the majority of cases.",
    "",
    "10 Data supplied by the YJS.",
    "",
    "20 Due to the size of the sample, the ratings panel agreed to exercise professional discretion.",
    "Our rating for 2.3 is based on two cases? 3 2",
    "3 Outstanding",
    "21 Office for National Statistics. (2019). UK population estimates mid-2018.",
  ].join("\n");
  const doc = normaliseLines(textSourceLines(unpaged), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    ["10", "Data supplied by the YJS."],
    ["20", "Due to the size of the sample, the ratings panel agreed to exercise professional discretion."],
  ]);
  const flat = doc.lines.map((l) => l.flat);
  expect(flat).toContain("Offence types %");
  expect(doc.lines.find((l) => l.flat === "Good")?.markers).toEqual(["20"]);
  // A count spaced after a question, a scoring table's row and a note no marker cites stay as written.
  expect(flat).toContain("Our rating for 2.3 is based on two cases? 3 2");
  expect(flat).toContain("3 Outstanding");
  expect(flat).toContain("21 Office for National Statistics. (2019). UK population estimates mid-2018.");
});

test("markdown without pages: a marker glued to a table cell's word is the cell's", async () => {
  const md = [
    "| Offence types10 | % |",
    "| --- | --- |",
    "| Burglary | 9% |",
    "",
    "10 Data supplied by the YJS.",
  ].join("\n");
  const doc = normaliseLines(await markdownSourceLines(md), "markdown");
  expect(doc.lines.map((l) => l.cells)).toEqual([
    ["Offence types", "%"],
    ["Burglary", "9%"],
  ]);
  expect(doc.lines[0]?.markers).toEqual(["10"]);
  expect(doc.footnotes.map((f) => f.marker)).toEqual(["10"]);
});

/** pdf-parse's text of these pages: each ends with its "-- 1 of 2 --" line. */
const getTextOf = (...pages: string[][]) =>
  pages.map((lines, k) => [...lines, "", `-- ${k + 1} of ${pages.length} --`].join("\n")).join("\n\n");

test("pdf-parse's text: pages end at '-- 2 of 3 --'; a note may end in the colon before a lost link", () => {
  const first = [
    "Background",
    "Population information",
    "385,346 Total population of Anytown 6",
    "39,334 Total youth population of Anytown 6",
    "The standards are set out in our framework 7.",
    "6 Office for National Statistics. (2019). UK population estimates mid-2018.",
    "7 HM Inspectorate's standards are available here:",
  ];
  const parsed = getTextOf(first, ["Inspection of youth offending services: Anytown", "2", "More text."]);
  const doc = normaliseLines(textSourceLines(parsed), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.line.page])).toEqual([
    ["6", 1],
    ["7", 1],
  ]);
  expect(doc.lines.map((l) => l.flat)).toContain("385,346 Total population of Anytown");
});

test("pdf-parse's text: a marker a space before a count row's two counts is the note's, the counts the row's", () => {
  // North Somerset's planning table through getText: two key questions marked for their notes.
  const first = [
    "Of the 8 cases inspected: Relevant",
    "cases",
    "Number 'Yes'",
    "Does planning focus sufficiently on supporting the child's desistance? 8 8",
    "Does planning focus sufficiently on keeping the child safe? 12 7 7",
    "Does planning focus sufficiently on keeping other people safe? 13 7 6",
    "12 This question is only relevant in cases where there are factors related to keeping the child safe.",
    "13 This question is only relevant in cases where there are factors related to keeping other people safe.",
  ];
  const parsed = getTextOf(first, ["More text."]);
  const doc = normaliseLines(textSourceLines(parsed), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.line.page])).toEqual([
    ["12", 1],
    ["13", 1],
  ]);
  expect(doc.lines.slice(3, 6).map((l) => [l.flat, l.markers])).toEqual([
    ["Does planning focus sufficiently on supporting the child's desistance? 8 8", []],
    ["Does planning focus sufficiently on keeping the child safe? 7 7", ["12"]],
    ["Does planning focus sufficiently on keeping other people safe? 7 6", ["13"]],
  ]);
});

test("a count that is a note's number is the row's count where the row needs it: after a question with its other count beside or below it, or mid-question", () => {
  // A service with larger samples: counts of 15 on the page that prints note 15 (pdftotext -raw,
  // without a flag, -layout: the word processor's pages).
  const rows = [
    "Of the 15 cases with factors related to keeping the child safe: Relevant",
    "cases",
    "Number 'Yes'",
    "Does planning promote the safety and wellbeing of the child, sufficiently addressing risks? 15 15",
    "Does planning involve other agencies where appropriate, and is there sufficient alignment 15",
    "with other plans (for example, child protection or care plans) concerning the child?",
    "15",
    "Does planning set out the necessary controls and interventions to promote the safety and wellbeing of the child? 15",
    "",
    "13",
    "",
    "Does planning focus sufficiently on keeping other people safe? 15",
    "12",
    "9",
    "Where applicable, does planning address any specific concerns? 15 6",
    "4",
    "Does the implementation and delivery of services effectively support the safety of the child 7",
    "safe? 15",
    "7",
    "Does service delivery promote the safety and wellbeing of the child? 7 7",
    "15 This question is only relevant in cases where there are factors related to keeping other people safe.",
    "3",
  ];
  const doc = normaliseLines(
    textSourceLines(`${page("Planning", "More text.", "2")}\n\f${page(...rows)}`),
    "text",
  );
  // Only the key question with three numbers after it ("? 15" / "12" / "9"), the row whose second
  // count wraps alone ("? 15 6" / "4") and the question's last line after its first count ("...
  // of the child 7" / "safe? 15" / "7") cite the note.
  expect(doc.footnotes.map((f) => f.marker)).toEqual(["15"]);
  expect(doc.lines.filter((l) => l.markers.length > 0).map((l) => l.flat)).toEqual([
    "Does planning focus sufficiently on keeping other people safe?",
    "Where applicable, does planning address any specific concerns? 6",
    "safe?",
  ]);
  expect(doc.lines.map((l) => l.flat)).toContain(
    "Does planning promote the safety and wellbeing of the child, sufficiently addressing risks? 15 15",
  );
  expect(doc.lines.map((l) => l.flat)).toContain(
    "Does planning involve other agencies where appropriate, and is there sufficient alignment 15",
  );
});

test("a row's counts that are the next note's number, before the next key question, are no note (a count table with larger samples)", () => {
  // North Somerset's 2.4.1 as a cell a line (PyMuPDF), its counts 17 and 15 where note 16 came
  // last: "17" over the figure "15" and a question looked like note 17 set over a table's count,
  // and took the next key question, its caption and headings for the note's words.
  const text = [
    "Cover",
    "\fDoes planning focus sufficiently on keeping other people safe?16",
    "Does planning promote the safety of other people?",
    "7",
    "6",
    "16 This question is only relevant in cases where there are factors related to keeping other people safe.",
    "37",
    "\fOur rating17 for reviewing is based on the following key questions:",
    "Is the child and their parents/carers meaningfully",
    "involved in reviewing their progress and engagement,",
    "and are their views taken into account?",
    "17",
    "15",
    "Does reviewing focus sufficiently on keeping the",
    "child safe?",
    "Of the 15 cases where there were changes in factors",
    "related to keeping the child safe:",
    "Relevant",
    "cases",
    "Number",
    "'Yes'",
    "38",
    "\fEnd.",
  ].join("\n");
  const rewritten = plainDigitFootnotes(textSourceLines(text)).filter((l) => l.text !== undefined);
  expect(rewritten.map((l) => [l.line, l.text?.slice(0, 24)])).toEqual([
    [2, "Does planning focus suff"],
    [6, "¹⁶ This question is only"],
  ]);
});

test("a table's rows that start with a number are no notes: not from 0, not with a figure of their own line", () => {
  const rows = page(
    "Of the 57 court disposals:",
    "3 Total current caseload in custody",
    "0 Total current caseload on licence",
    "Of the 26 out-of-court disposals:",
    "2 Total current caseload: youth caution",
    "11",
    "Total current caseload: youth conditional caution",
  );
  const source = textSourceLines(`Cover\n\f${rows}\n\fEnd`);
  expect(plainDigitFootnotes(source).filter((l) => l.text !== undefined)).toEqual([]);
});

test("a marker before figures alone belongs to the row above (its figures wrapped), not to a note", () => {
  // Kirklees' key question 3.4.2 as a text wrapped at 80 columns with single spaces: the row's
  // marker and percentage went to a line of their own.
  const doc = normaliseLines(
    textSourceLines(
      [
        "Does the YOT work effectively with the police in implementing the out-of-court disposal?",
        "²⁷ 80%",
        "²⁷ This question is only relevant where the disposal was a youth conditional caution.",
      ].join("\n"),
    ),
    "text",
  );
  expect(doc.lines.map((l) => [l.flat, l.markers])).toEqual([
    ["Does the YOT work effectively with the police in implementing the out-of-court disposal?", []],
    ["80%", ["27"]],
  ]);
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    ["27", "This question is only relevant where the disposal was a youth conditional caution."],
  ]);
});

test("a marker alone on its line, wrapped from the line above, is that line's: no note, no line between a row and its counts", () => {
  // North Somerset's key question 3.3.3, a cell per line wrapped at 80 columns.
  const doc = normaliseLines(
    textSourceLines(
      [
        "Does service delivery effectively support the safety of other people?",
        "<sup>27</sup>",
        "2",
        "1",
      ].join("\n"),
    ),
    "text",
  );
  expect(doc.lines.map((l) => [l.flat, l.markers])).toEqual([
    ["Does service delivery effectively support the safety of other people?", ["27"]],
  ]);
  expect(doc.footnotes).toEqual([]);
  // (The lone counts are taken for page numbers here; the rejoin stage pairs them with the question.)
  expect(doc.furniture.map((l) => [l.line, l.flat])).toEqual([
    [3, "2"],
    [4, "1"],
  ]);
});

test("a note that is a web address alone, at its page's foot, is a note though its marker is not found: a rating cell and its wrapped rest over the page join", () => {
  // Tower Hamlets' note 11 (its marker spaced mid-sentence, "the Ether programme 11 (supporting",
  // which no rule takes for one) between a standard's rating cell and its wrapped line, as
  // mutool, getText and pdftotext -layout write a word processor's PDF.
  const paged = (note: string) =>
    [
      page(
        "Inspection of youth offending services: Anytown",
        "The investment in the Ether programme 11 (supporting young men) is welcome.",
        "1.2. Staff",
        "Staff within the YOT are empowered to deliver a high-quality,        Requires",
        "",
        note,
        "14",
      ),
      page(
        "Inspection of youth offending services: Anytown",
        "personalised and responsive service for all children.                improvement",
        "Key staffing data",
        "15",
      ),
    ].join("\n\f");
  const doc = normaliseLines(
    textSourceLines(paged("11   https://www.wipers.org.uk/the-ether-programme")),
    "text",
  );
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    ["11", "https://www.wipers.org.uk/the-ether-programme"],
  ]);
  expect(doc.lines.map((l) => l.cells)).toContainEqual([
    "Staff within the YOT are empowered to deliver a high-quality, personalised and responsive service for all children.",
    "Requires improvement",
  ]);
  // Words after the address are no web address alone: without its marker, no note.
  const worded = normaliseLines(
    textSourceLines(paged("11   https://www.wipers.org.uk/the-ether-programme and more")),
    "text",
  );
  expect(worded.footnotes).toEqual([]);
});

// A PDF's superscript printed after a sentence's full stop comes out of pdftotext glued to it
// ("... who have offended.1 Published ..."); Kirklees' first two notes are so, set at the foot
// of the page after their markers'.
test("a marker glued after a sentence's stop is a marker, its note on the next page a footnote", () => {
  const pages = [
    page(
      "Inspection of youth offending services: Anytown",
      "Executive summary",
      "They are designed to drive improvements in the quality of work with children who have",
      "offended.1 Published scoring rules generate the overall YJS rating.2 The findings are below.",
      "4",
    ),
    page(
      "Inspection of youth offending services: Anytown",
      "We took a detailed look at 21 community sentences.",
      "1 HM Inspectorate of Probation's standards can be found here:",
      "https://www.justiceinspectorates.gov.uk/hmiprobation/",
      "2 Each of the 12 standards is scored on a 0–3 scale in which 'Requires improvement'",
      "= 1; 'Good' = 2.",
      "5",
    ),
  ].join("\n\f");
  const doc = normaliseLines(textSourceLines(pages), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    // (The address after the colon, and the rest after a quote that only looked like the note's end, are the note's.)
    [
      "1",
      "HM Inspectorate of Probation's standards can be found here: https://www.justiceinspectorates.gov.uk/hmiprobation/",
    ],
    [
      "2",
      "Each of the 12 standards is scored on a 0–3 scale in which 'Requires improvement' = 1; 'Good' = 2.",
    ],
  ]);
  const marked = doc.lines.find((l) => l.flat.startsWith("offended."));
  expect(marked?.markers).toEqual(["1", "2"]);
  expect(marked?.flat).toBe(
    "offended. Published scoring rules generate the overall YJS rating. The findings are below.",
  );
  const flats = doc.lines.map((l) => l.flat);
  expect(flats).not.toContain("1 HM Inspectorate of Probation's standards can be found here:");
  expect(flats).not.toContain("= 1; 'Good' = 2.");
  expect(flats).toContain("We took a detailed look at 21 community sentences.");
});

// PyMuPDF's and pypdf's text of a word processor's PDF: the pages one after another with no mark
// between them, each opening with the report's running header; a note's number alone before its
// words (PyMuPDF) or glued to them (pypdf), which prints a row's two counts glued too ("77").
const header = "Inspection of youth offending services: Anytown";
/** Pages of prose before the ones a test is about: a report has its header on six pages or more. */
const prosePages = Array.from({ length: 5 }, (_, k) => [header, `The service's work, page ${k + 2}.`]).flat();
/** A text without page marks (PyMuPDF, pypdf): pages of prose, then `page` after its running header, then one more. */
const afterProsePages = (page: string[]) =>
  normaliseLines(
    textSourceLines(["Background", ...prosePages, header, ...page, header, "More text."].join("\n")),
    "text",
  );
test("text without page marks: each running header starts a page, so notes at a page's foot and their spaced markers are found", () => {
  const pymupdf = [
    "Background",
    "The service is in Anytown.",
    ...prosePages,
    header,
    "4. Resettlement11",
    "Requires improvement",
    "Of the 8 cases inspected:",
    "Relevant ",
    "cases",
    "Number 'Yes'",
    "Does planning focus sufficiently on keeping the child safe? 12",
    "7",
    "7",
    "11",
    "The rating for Resettlement does not influence the overall YOS rating.",
    "12",
    "This question is only relevant in cases where there are factors related to keeping the child safe.",
    header,
    "3. systematically evaluate service delivery",
  ].join("\n");
  const doc = normaliseLines(textSourceLines(pymupdf), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    ["11", "The rating for Resettlement does not influence the overall YOS rating."],
    [
      "12",
      "This question is only relevant in cases where there are factors related to keeping the child safe.",
    ],
  ]);
  expect(doc.lines.find((l) => l.flat.startsWith("4. Resettlement"))?.markers).toEqual(["11"]);
  const question = doc.lines.find((l) => l.flat.startsWith("Does planning"));
  expect([question?.flat, question?.markers]).toEqual([
    "Does planning focus sufficiently on keeping the child safe?",
    ["12"],
  ]);
  expect(doc.lines.map((l) => l.flat).join("\n")).not.toContain("This question is only relevant");
});

test("pypdf's text: a note's number glued to its words is a note at its page's foot; a marker before two glued counts no count", () => {
  const pypdf = [
    "Background",
    ...prosePages,
    header,
    "Of the 8 cases inspected: Relevant",
    "casesNumber 'Yes'",
    "Does planning focus sufficiently on keeping the child safe? 12 77",
    "Does planning focus sufficiently on keeping other people safe? 13 76",
    "12This question is only relevant in cases where there are factors related to keeping the child safe.",
    "13This question is only relevant in cases where there are factors related to keeping other people safe.",
    header,
    "More text.",
  ].join("\n");
  const doc = normaliseLines(textSourceLines(pypdf), "text");
  expect(doc.footnotes.map((f) => f.marker)).toEqual(["12", "13"]);
  expect(doc.lines.filter((l) => l.flat.startsWith("Does planning")).map((l) => [l.flat, l.markers])).toEqual(
    [
      ["Does planning focus sufficiently on keeping the child safe? 77", ["12"]],
      ["Does planning focus sufficiently on keeping other people safe? 76", ["13"]],
    ],
  );
  // Five headers are no pages (a converter kept a few of a long text's): without page breaks a
  // spaced number is no marker.
  const fewHeaders = textSourceLines(pypdf.replace(`${header}\n`, "").replace(`${header}\n`, ""));
  expect(plainDigitFootnotes(fewHeaders)).toBe(fewHeaders);
  // Nor are six headers with pages too long for a page between them.
  const longPages = textSourceLines(
    pypdf.replace("Background", `Background\n${"The service's work.\n".repeat(1000)}`),
  );
  expect(plainDigitFootnotes(longPages)).toBe(longPages);
});

/** A report's first page, its header (the module's `header`) and a line of text. */
const FIRST_PAGE = page(header, "Background", "The service is in Anytown.", "1");

// A word processor carries a note too long for its page on at the foot of the next page, above
// that page's own notes and without a number (MuPDF's text of such a PDF, a cell a line).
test("a note carried on at the next page's foot is the note's, not the page's text", () => {
  const mupdf = [
    FIRST_PAGE,
    page(
      header,
      "2.1. Assessment",
      "Our rating10 for assessment is based on the following key questions:",
      "",
      "10",
      "The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band. See Annexe 1 for a more detailed",
      "",
      "17",
    ),
    page(
      header,
      "Of the 8 cases inspected:",
      "Where applicable, does assessment analyse controls and interventions to promote the",
      "8",
      "4",
      "",
      "explanation.",
      "",
      "18",
    ),
    page(header, "safety and wellbeing of the child?", "More text.", "19"),
  ].join("\n\f");
  const doc = normaliseLines(textSourceLines(mupdf), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    [
      "10",
      "The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band. See Annexe 1 for a more detailed explanation.",
    ],
  ]);
  expect(doc.lines.map((l) => l.flat)).not.toContain("explanation.");
  // A note that ends where its page does keeps the next page's last line as the page's.
  const ended = normaliseLines(textSourceLines(mupdf.replace("for a more detailed", "for more.")), "text");
  expect(ended.lines.map((l) => l.flat)).toContain("explanation.");
});

// A 2021 report's note of the score bands (Kirklees' and Tower Hamlets' note 2, as the corpus
// prints it), cut where the word processor's page ended: on a band's range, its sign opening the
// next page's foot; or at a range's dash, the rest on the note's next line.
test("a note carried on or wrapped within its score bands is whole, each band read from it", () => {
  const note =
    "Each of the 12 standards is scored on a 0–3 scale in which 'Inadequate' = 0; 'Requires improvement' = 1; 'Good' = 2; 'Outstanding' = 3. Adding these scores produces a total score ranging from 0–36, which is banded to produce the overall rating, as follows: 0–6 = 'Inadequate', 7–18 = 'Requires improvement', 19–30 = 'Good', 31–36 = 'Outstanding'.";
  const [before, after] = note.split(" = 'Good'") as [string, string];
  const carried = [
    FIRST_PAGE,
    page(header, "Overall findings", "Overall, the YOS is rated as: 'Good'.²", "", `² ${before}`, "", "2"),
    page(header, "Organisational delivery", "The board meets.", "", `= 'Good'${after}`, "", "3"),
    page(header, "More text.", "4"),
  ].join("\n\f");
  const bands = (text: string) => {
    const doc = normaliseLines(textSourceLines(text), "text");
    return {
      notes: doc.footnotes.map((f) => f.text),
      bands: parseMethodology(doc.lines, doc.footnotes)
        .filter((m) => m.kind === "score-band")
        .map((m) => [m.low, m.high, m.rating]),
    };
  };
  const all = [
    [0, 6, "Inadequate"],
    [7, 18, "Requires improvement"],
    [19, 30, "Good"],
    [31, 36, "Outstanding"],
  ];
  expect(bands(carried)).toEqual({ notes: [note], bands: all });
  const wrapped = [
    FIRST_PAGE,
    page(
      header,
      "Overall findings",
      "Overall, the YOS is rated as: 'Good'.²",
      "",
      `² ${note.slice(0, note.indexOf("19–") + 3)}`,
      note.slice(note.indexOf("19–") + 3),
      "",
      "2",
    ),
    page(header, "More text.", "3"),
  ].join("\n\f");
  expect(bands(wrapped)).toEqual({ notes: [note], bands: all });
});

// Tower Hamlets' text sets its lead-in's marker a space apart ("Our rating ¹⁷ for assessment"),
// and pdftotext and pypdf write it as plain digits: "Our rating 17 for ...". The note at the page's
// foot is the note's, so that the row it stood between reads on into its last words.
test("a lead-in's marker a space apart, 'Our rating 17 for', marks its note at the page's foot", () => {
  const text = [
    FIRST_PAGE,
    page(
      header,
      "2.1. Assessment",
      "Our rating 17 for assessment is based on the following key questions:",
      "% 'Yes'",
      "Does assessment sufficiently analyse how to keep the child safe? 75%",
      "Does assessment sufficiently analyse how to keep other people 81%",
      "17 The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band.",
      "43",
    ),
    page(header, "safe?", "Assessment work was well embedded.", "44"),
  ].join("\n\f");
  const doc = normaliseLines(plainDigitFootnotes(textSourceLines(text)), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.text.slice(0, 40)])).toEqual([
    ["17", "The rating for the standard is driven by"],
  ]);
  expect(doc.lines.map((l) => l.flat)).not.toContain(
    "17 The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band.",
  );
  // (A number between other words is no marker: "Our rating 17 of" is none.)
  const other = normaliseLines(
    plainDigitFootnotes(textSourceLines(text.replace("Our rating 17 for", "Our rating 17 of"))),
    "text",
  );
  expect(other.footnotes).toEqual([]);
});

// pdftotext -layout sets a long question's first count a single space after it, the marker
// before: "... disposal? 29 7        7" with note 29 at the page's foot.
test("a marker spaced after a question, before a first count a single space on, is the note's", () => {
  const layout = [
    FIRST_PAGE,
    page(
      header,
      "Of the 11 cases inspected:                                Relevant     Number 'Yes'",
      "Does the YOT work effectively with the police in implementing the out-of-court disposal? 29 7        7",
      "",
      "29   This question is only relevant in youth conditional caution cases.",
      "                                       2",
    ),
  ].join("\n\f");
  const doc = normaliseLines(textSourceLines(layout), "text");
  expect(doc.footnotes.map((f) => f.marker)).toEqual(["29"]);
  const row = doc.lines.find((l) => l.flat.startsWith("Does the YOT"));
  expect([row?.cells, row?.markers]).toEqual([
    ["Does the YOT work effectively with the police in implementing the out-of-court disposal?", "7", "7"],
    ["29"],
  ]);
});

test("a note before its page's number with a table's figure column after them (pdftotext of rows set close) is a note; a page whose last lines are figures and no number is left alone", () => {
  // Tower Hamlets' annex: the page's questions, its note, the page's number, then the page's
  // figure column (the column pdftotext writes last; "fe?" a key question's heading's last letters).
  const pageWith = (figures: string[], pageNumber: string[]) =>
    [
      page("Inspection of youth offending services: Anytown", "Data from inspected cases:26", "33"),
      page(
        "Inspection of youth offending services: Anytown",
        "a) Does assessment analyse controls and interventions to manage",
        "and minimise the risk of harm presented by the child?",
        "2.2. Planning (court disposals)",
        "26 Some questions do not apply in all cases.",
        "",
        ...pageNumber,
        "",
        ...figures,
      ),
    ].join("\n\f");
  const notes = (t: string) =>
    normaliseLines(textSourceLines(t), "text").footnotes.map((f) => [f.marker, f.text]);
  const FIGURES = ["fe?", "69%", "88%", "e safe?", "", "75%"];
  expect(notes(pageWith(FIGURES, ["34"]))).toEqual([["26", "Some questions do not apply in all cases."]]);
  // Without the page's number between, the figures are the page's last lines: no notes end it.
  expect(notes(pageWith(FIGURES, []))).toEqual([]);
});

test("a page's last note's one sentence more, alone before the page's number, is the note's, not a line of the page's text between a table's rows", () => {
  // Tower Hamlets' staffing table on A5 pages (a word processor's PDF): note 14 wraps its second
  // sentence onto a line of its own, then the page's number; the table's last row opens the next page.
  const pages = (tail: string[]) =>
    [
      "Inspection of youth offending services: Anytown",
      "Workforce information14",
      "Average caseload case managers (FTE) 9",
      "Average annual working days sickness (all staff) 7",
      "14 Data supplied by YJS, based on staffing and workload at the time of the inspection announcement.",
      ...tail,
      "28",
      "\fInspection of youth offending services: Anytown",
      "Staff attrition (percentage of all staff leaving in 12-month period) 16.6%",
      "In making a judgement about staffing, we take into account the answers",
      "29",
    ].join("\n");
  const doc = normaliseLines(textSourceLines(pages(["This may be inaccurate."])), "text");
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    [
      "14",
      "Data supplied by YJS, based on staffing and workload at the time of the inspection announcement. This may be inaccurate.",
    ],
  ]);
  expect(doc.lines.map((l) => l.flat)).not.toContain("This may be inaccurate.");
  // Two lines after the note, or a line with a figure: the page's own, left where they are.
  for (const tail of [["This may be inaccurate.", "Staff reported good support."], ["Total staff 18%."]]) {
    const flats = normaliseLines(textSourceLines(pages(tail)), "text").lines.map((l) => l.flat);
    for (const line of tail) expect(flats).toContain(line);
  }
});

// pypdf writes a raised marker set a space after its label glued to the figure in the next cell:
// "(FTE) 178.6" is note 17's marker and 8.6 (Kirklees' staffing table on A5 pages), "(FTE) 149"
// note 14's and 9 (Tower Hamlets'). Read so only where the note stands at the page's foot and its
// number is nowhere else above it, or where the page's notes pass over its number and the figure
// follows a label's bracket.
test("pypdf's text: a marker glued to its row's figure is the note's, and the figure is the row's", () => {
  const pypdf = [
    "Background",
    ...prosePages,
    header,
    "Key staffing data16",
    "Total staff headcount (full-time equivalent, FTE) 43.7",
    "Total headcount qualified case managers (FTE) 178.6",
    "Total headcount other case managers (FTE) 7.8",
    "16Information supplied by YJS and reflecting the caseload at the time of the inspection announcement.",
    "17Qualified case managers refer to those with a social work or probation professional qualification.",
    header,
    "Key staffing data18",
    "Total staff headcount (full-time equivalent (FTE)) 18",
    // (Note 19's text is not in the report, as Tower Hamlets' note 13's is not; the notes at the
    // page's foot, 18 and 20, pass over it: its marker is glued to the row's 10.)
    "Total headcount qualified case managers (FTE) 1910",
    "Average caseload case managers (FTE) 209",
    "Total youth population (10-17 years) 21200",
    "18Data supplied by YJS and reflecting staffing at the time of the inspection announcement.",
    "20Data supplied by YJS, based on staffing and workload at the time of the inspection announcement.",
    header,
    "More text.",
  ].join("\n");
  const doc = normaliseLines(textSourceLines(pypdf), "text");
  expect(doc.footnotes.map((f) => f.marker)).toEqual(["16", "17", "18", "20"]);
  const rows = doc.lines.filter((l) => /^(Total|Average)/.test(l.flat)).map((l) => [l.flat, l.markers]);
  expect(rows).toEqual([
    ["Total staff headcount (full-time equivalent, FTE) 43.7", []],
    ["Total headcount qualified case managers (FTE) 8.6", ["17"]],
    ["Total headcount other case managers (FTE) 7.8", []],
    ["Total staff headcount (full-time equivalent (FTE)) 18", []],
    ["Total headcount qualified case managers (FTE) 10", ["19"]],
    ["Average caseload case managers (FTE) 9", ["20"]],
    ["Total youth population (10-17 years) 21200", []],
  ]);
  // (A figure in a sentence keeps its digits: "19.5" is no note 19 and 5, nor "1934.2" 19 and 34.2.)
  const prose = normaliseLines(
    textSourceLines(
      pypdf
        .replace("(FTE) 1910", "(FTE) 19.5")
        .replace(
          "Total youth population (10-17 years) 21200",
          "Reoffending is lower, with a binary rate of 1934.2",
        ),
    ),
    "text",
  );
  expect(prose.lines.map((l) => l.flat)).toEqual(
    expect.arrayContaining([
      "Total headcount qualified case managers (FTE) 19.5",
      "Reoffending is lower, with a binary rate of 1934.2",
    ]),
  );
  // A note whose marker is found elsewhere leaves a figure that opens with its number as it is.
  const cited = normaliseLines(textSourceLines(pypdf.replace("(FTE) 178.6", "(FTE)17 178.6")), "text");
  expect(cited.lines.find((l) => l.markers.includes("17"))?.flat).toBe(
    "Total headcount qualified case managers (FTE) 178.6",
  );
});

// pdftotext of a word processor's PDF: a note's marker after a sentence's full stop, a space
// before it, ends its line ("... across England and Wales. 9"); the note's number on a line of
// its own above its words.
test("a marker after a sentence's stop at a line's end is its note's (pdftotext)", () => {
  const text = [
    FIRST_PAGE,
    page(
      header,
      "The ethnicity of three children was recorded as 'unknown but further information has been received'. 8",
      "Recent YJB data suggests that the YOT is working with a greater proportion of girls than across England and Wales. 9",
      "The service held 12 cases. 10 of them were community sentences.",
      "8",
      "",
      "Police national computer data is updated when the YOS begins work with children.",
      "",
      "9",
      "",
      "Youth Justice Board. (2020). *Youth Justice annual statistics: 2018 to 2019.*",
      "",
      "2",
    ),
    page(header, "More text.", "3"),
  ].join("\n\f");
  const doc = normaliseLines(textSourceLines(text), "text");
  expect(doc.footnotes.map((f) => f.marker)).toEqual(["8", "9"]);
  const marked = doc.lines.filter((l) => l.markers.length > 0).map((l) => [l.flat, l.markers]);
  expect(marked).toEqual([
    [
      "The ethnicity of three children was recorded as 'unknown but further information has been received'.",
      ["8"],
    ],
    [
      "Recent YJB data suggests that the YOT is working with a greater proportion of girls than across England and Wales.",
      ["9"],
    ],
  ]);
  // (A number that opens a sentence is no marker.)
  expect(doc.lines.map((l) => l.flat)).toContain(
    "The service held 12 cases. 10 of them were community sentences.",
  );
});

// PyMuPDF's text of a word processor's A5 pages: a note's number alone on its line, its words on
// the next, and its one sentence more on the line after, the page's last before its number. The
// sentence is the note's, not a line of text that ends the staffing table before its last row,
// on the next page.
test("a page's last note with its number alone, its words, and one sentence more: the sentence is the note's (PyMuPDF)", () => {
  const doc = afterProsePages([
    "Key staffing data12",
    "Average caseload case managers (FTE) 14",
    "9",
    "12",
    "Data supplied by YJS and reflecting staffing at the time of the inspection announcement.",
    "14",
    "Data supplied by YJS, based on staffing and workload at the time of the inspection announcement. ",
    "This may be inaccurate.",
    "28",
    header,
    "Staff attrition (percentage of all staff leaving in 12-month period)",
    "16.6%",
  ]);
  expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
    ["12", "Data supplied by YJS and reflecting staffing at the time of the inspection announcement."],
    [
      "14",
      "Data supplied by YJS, based on staffing and workload at the time of the inspection announcement. This may be inaccurate.",
    ],
  ]);
  expect(doc.lines.map((l) => l.flat)).not.toContain("This may be inaccurate.");
});

// pypdf's text of a word processor's A5 pages: a note's marker a space after a question's mark,
// glued to the row's two counts, themselves run together ("... safe? 1277": note 12, 7 and 7).
test("pypdf's text: a marker glued to a row's two counts after the question's mark is the note's", () => {
  const doc = afterProsePages([
    "Of the 8 cases inspected: Relevant",
    "casesNumber 'Yes'",
    "Does planning focus sufficiently on keeping the child ",
    "safe? 1277",
    "Does planning focus sufficiently on keeping other ",
    "people safe? 1376",
    "Does planning focus sufficiently on supporting the child's desistance? 128",
    "12This question is only relevant in cases where there are factors related to keeping the child safe.",
    "13This question is only relevant in cases where there are factors related to keeping other people safe.",
  ]);
  expect(doc.footnotes.map((f) => f.marker)).toEqual(["12", "13"]);
  expect(doc.lines.filter((l) => l.markers.length > 0).map((l) => [l.flat, l.markers])).toEqual([
    ["safe? 77", ["12"]],
    ["people safe? 76", ["13"]],
  ]);
  // (Not where what follows parts into no counts: "... desistance? 128" stays as written.)
  expect(doc.lines.map((l) => l.flat)).toContain(
    "Does planning focus sufficiently on supporting the child's desistance? 128",
  );
});

// The glued-cells pass parts "Good20" (pypdf, a section's rating and its discretion note's
// marker) into two cells: a number in a cell of its own after a rating is the marker.
test("a marker parted into a cell of its own after a rating is its note's", () => {
  const doc = afterProsePages([
    "3.2. Planning",
    "Good\t20",
    "Our rating21 for planning is based on the following key questions:",
    "Total current caseload\t20",
    "20Planning was judged to be sufficient in the majority of cases.",
    "21The rating for the standard is driven by the lowest score on each of the key questions.",
  ]);
  expect(doc.footnotes.map((f) => f.marker)).toEqual(["20", "21"]);
  expect(doc.lines.find((l) => l.flat.startsWith("Good"))?.markers).toEqual(["20"]);
  // (Not after a label: there the number is the row's figure.)
  expect(doc.lines.find((l) => l.flat.startsWith("Total current"))?.cells).toEqual([
    "Total current caseload",
    "20",
  ]);
});
