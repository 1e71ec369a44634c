// The unwrap stage on small documents: what joins, what stays a line of its own.
import { describe, expect, test } from "vitest";
import { isSplitHeaderRow } from "../parsers/facts.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import { noteUnended, unwrapParagraphs, wrapWidth } from "../parsers/unwrap.js";

/** A paragraph of filler words, filling 75 columns (40 lines). */
const FILLER = Array.from(
  { length: 40 },
  (_, i) =>
    `line ${String(i).padStart(2, "0")} of the wrapped paragraph runs on with words to the edge of its page`,
);

function unwrap(text: string) {
  return unwrapParagraphs(normaliseLines(textSourceLines(text), "text"));
}

/** The unwrapped lines' text of these lines after a wrapped paragraph (so that the text reads as wrapped). */
function flatsAfterFiller(...lines: string[]): string[] {
  return unwrap([...FILLER, "", ...lines].join("\n")).lines.map((l) => l.flat);
}

describe("unwrapParagraphs", () => {
  test("a text with a paragraph per line is left as it is", () => {
    const doc = normaliseLines(textSourceLines(FILLER.map((l) => `${l} ${l} ${l}`).join("\n\n")), "text");
    expect(wrapWidth(doc.lines)).toBeNull();
    expect(unwrapParagraphs(doc)).toBe(doc);
  });

  test("a wrapped text with a few long lines (notes, table rows) is still a wrapped text", () => {
    // 3 long lines in 43: 7 %. A text with a paragraph a line has a third and more of them long.
    const long = `${"a note written on one line, as converters write notes, ".repeat(3)}ends here.`;
    const text = [...FILLER.slice(0, 20), long, ...FILLER.slice(20), long, long].join("\n");
    expect(wrapWidth(normaliseLines(textSourceLines(text), "text").lines)).not.toBeNull();
  });

  test("a sentence cut at the wrap width is one line again, with its first line's number", () => {
    const text = [
      ...FILLER,
      "",
      "We took a detailed look at the work of this service and we examined 16 court",
      "disposals and nine out-of-court disposals.",
    ].join("\n");
    const doc = unwrap(text);
    const sentence = doc.lines.find((l) => l.flat.includes("examined"));
    expect(sentence?.flat).toBe(
      "We took a detailed look at the work of this service and we examined 16 court disposals and nine out-of-court disposals.",
    );
    expect(sentence?.line).toBe(42);
  });

  test("a word broken after its hyphen closes up; a hyphen left hanging before 'and' keeps its space", () => {
    // Word and browsers wrap after a hyphen: "out-of-" / "court", "post-" / "16".
    const text = [
      ...FILLER,
      "",
      "Practitioners understood the implications of receiving an out-of-court disposal and the post-",
      "16 provision open to children, who were tracked by an education officer (pre- and post-16) to out-of-",
      "court and court outcomes alike, as in the cases we inspected in this area of the country.",
    ].join("\n");
    const sentence = unwrap(text).lines.find((l) => l.flat.includes("implications"));
    expect(sentence?.flat).toBe(
      "Practitioners understood the implications of receiving an out-of-court disposal and the post-16 provision open to children, who were tracked by an education officer (pre- and post-16) to out-of-court and court outcomes alike, as in the cases we inspected in this area of the country.",
    );
  });

  test("after a full line ending a sentence, a question's wrapped first line and a rating alone stay lines of their own", () => {
    // Each line before is as full as the wrap allows, so the break looks forced.
    const full = (sentence: string) =>
      `${sentence} ${"and so on ".repeat(20)}`.slice(0, FILLER[0]?.length).replace(/\s*\S*$/, ".");
    const flats = flatsAfterFiller(
      full("This question is only relevant in cases where there are factors related to keeping people safe,"),
      "Is the child and their parents/carers meaningfully involved in planning, and are their",
      "views taken into account?",
      "",
      full("Planning is well-informed, analytical and personalised, actively involving the child,"),
      "Good",
    );
    expect(flats).toContain(
      "Is the child and their parents/carers meaningfully involved in planning, and are their views taken into account?",
    );
    expect(flats).toContain("Good");
  });

  test("a question's last line ending in its figure's sign, the digits parted from it by a page break, ends its row: the key question after it is a line of its own", () => {
    // Tower Hamlets' 3.1.1 prompt i) on A5 pages (pypdf): "... involved in their 100" / the page's
    // foot and head / "assessment, and are their views taken into account? %".
    const heading = "Does assessment sufficiently analyse how to keep the child safe?";
    const flats = flatsAfterFiller(
      "assessment, and are their views taken into account and understood? %",
      heading,
    );
    expect(flats).toContain(heading);
    // (A sign after anything else is no row's end.)
    expect(
      flatsAfterFiller(
        "the share of children in education and training rose by about ten %",
        "Does it go on?",
      ),
    ).toContain("the share of children in education and training rose by about ten % Does it go on?");
  });

  test("a table's caption ending in its colon after a full figure-and-label row, and 'Demographics of children', head their rows", () => {
    const flats = flatsAfterFiller(
      "13 Total current caseload: community resolution or other out-of-court disposal for the children of",
      "Education and child protection status of caseload:",
      "751 Total black and minority ethnic youth population in North Somerset (2011) of the area and the",
      "Demographics of children cautioned or sentenced",
    );
    expect(flats).toContain("Education and child protection status of caseload:");
    expect(flats).toContain("Demographics of children cautioned or sentenced");
  });

  test("a figure alone on its line after a row is a cell of the table, not the row's last word", () => {
    expect(
      flatsAfterFiller("20,687 Total black and minority ethnic youth population of Croydon in 2018 7", "16%"),
    ).toContain("16%");
  });

  test("a heading, a numbered item and a table row after a full line stay lines of their own", () => {
    const text = [
      ...FILLER,
      "",
      "The board meets every quarter, as the minutes of it show.",
      "Governance and leadership",
      "Its members come from the partner agencies and hold the",
      "2.1. Assessment",
      "Does assessment sufficiently analyse how to support the",
      "a) Is there sufficient analysis of offending behaviour?\t88%",
      "A paragraph that its writer did not wrap at all runs on and on, well past the width of all the others",
      "Recommendations",
    ].join("\n");
    const flats = unwrap(text)
      .lines.slice(-8)
      .map((l) => l.flat);
    expect(flats).toEqual([
      "The board meets every quarter, as the minutes of it show.",
      "Governance and leadership",
      "Its members come from the partner agencies and hold the",
      "2.1. Assessment",
      "Does assessment sufficiently analyse how to support the",
      "a) Is there sufficient analysis of offending behaviour? 88%",
      "A paragraph that its writer did not wrap at all runs on and on, well past the width of all the others",
      "Recommendations",
    ]);
  });

  test("a report's one-word section heading after a full line without a stop stays a line of its own (pdftotext -raw)", () => {
    // The publisher's address ends without a stop at a page's foot; the next page opens with
    // the contents' heading, or the foreword's.
    const flats = flatsAfterFiller(
      "Published by: Her Majesty's Inspectorate of Probation 1st Floor Civil Justice",
      "Centre 1 Bridge Street West Manchester M3 3FX and the wrapped address runs on",
      "Contents",
      "Foreword 4",
      "the wrapped paragraph of the foreword runs on with words to the edge of its page",
      "Foreword",
    );
    expect(flats).toContain("Contents");
    expect(flats).toContain("Foreword");
    expect(flats.some((f) => f.endsWith("wrapped address runs on"))).toBe(true);
  });

  test("a row whose percentage an OCR engine misread ('... safety? A2%') ends there: the next key question is no part of it", () => {
    // Kirklees' 2.1.2 prompt and 2.1.3 key question in getText's text of the scan: run on,
    // 2.1.3's heading was lost and its prompts read as 2.1.2's.
    // (Shortened to the filler's width, as the row filled the page's.)
    const row = "Does assessment analyse controls and interventions to promote safety?";
    const next = "Does assessment sufficiently analyse how to keep other people safe?";
    expect(flatsAfterFiller(`${row} A2%`, next).slice(-2)).toEqual([`${row} A2%`, next]);
  });

  test("a question's first line with its row's figure beside it is a row, not a paragraph's start", () => {
    // pdftotext writes a table row whose question wraps with the figure beside its first line.
    const text = [
      ...FILLER,
      "",
      "Does planning take sufficient account of the diversity and wider familial 59%",
      "and social context of the child?",
      "",
      "Inspectors found the service's planning was strong and the number of cases was 59%",
      "and the rest were weaker.",
    ].join("\n");
    const flats = unwrap(text)
      .lines.slice(-3)
      .map((l) => l.flat);
    expect(flats).toEqual([
      "Does planning take sufficient account of the diversity and wider familial 59%",
      "and social context of the child?",
      // (Prose ending a line in a percentage still runs on.)
      "Inspectors found the service's planning was strong and the number of cases was 59% and the rest were weaker.",
    ]);
  });

  test.each([
    // Tower Hamlets' 1.2 with single spaces: the ratings parser reads "Requires" / "improvement".
    [
      [
        "1.2. Staff",
        "",
        "Staff within the YOT are empowered to deliver a high-quality, Requires",
        "personalised and responsive service for all children. improvement",
      ],
    ],
    // ... and the line after the rating's second word is no more of its row (Tower Hamlets' 3.1,
    // pdf-parse getText of A5 pages).
    [
      [
        "3.1. Assessment",
        "Assessment is well-informed, analytical and personalised, Requires",
        "actively involving the child and their parents or carers. improvement",
        "Our rating21 for assessment is based on the following key guestions:",
      ],
    ],
  ])(
    "a rating cell wrapped beside a standard's description keeps its lines apart (a single space for the gap)",
    (lines) => {
      const rows = lines.filter((l) => l !== "" && !/^\d\.\d\. /.test(l));
      expect(
        unwrap([...FILLER, "", ...lines].join("\n"))
          .lines.slice(-rows.length)
          .map((l) => l.flat),
      ).toEqual(rows);
    },
  );

  test("a footnote's wrapped lines stay with the footnote, not the body", () => {
    const text = [
      ...FILLER,
      "",
      "¹² Due to the size of the sample, performance in one case adversely affected the",
      "rating, and the ratings panel agreed to apply professional discretion.",
    ].join("\n");
    const doc = unwrap(text);
    expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
      [
        "12",
        "Due to the size of the sample, performance in one case adversely affected the rating, and the ratings panel agreed to apply professional discretion.",
      ],
    ]);
    expect(doc.lines.some((l) => l.flat.startsWith("rating, and"))).toBe(false);
  });
  test("a note ending in its web address is not carried on into the capitalised body line after it", () => {
    // (Tower Hamlets' methodology, pdftotext -raw: the out-of-court sample's sentence had become
    // the note's words, however long the address made the note's line.)
    const text = [
      ...FILLER,
      "",
      "²⁴ HM Inspectorate's standards are available here:",
      "https://www.justiceinspectorates.gov.uk/hmiprobation/about-our-work/our-standards-and-ratings/",
      "We examined nine out-of-court disposals. The sample size was set based on the proportion of",
      "out-of-court disposal cases in the YJS.",
    ].join("\n");
    const doc = unwrap(text);
    expect(doc.footnotes.map((f) => f.text)).toEqual([
      "HM Inspectorate's standards are available here: https://www.justiceinspectorates.gov.uk/hmiprobation/about-our-work/our-standards-and-ratings/",
    ]);
    expect(doc.lines.map((l) => l.flat).slice(-1)).toEqual([
      "We examined nine out-of-court disposals. The sample size was set based on the proportion of out-of-court disposal cases in the YJS.",
    ]);
  });

  test("a line in lower case after a page's notes carries on the body's sentence they broke into, not a note that has ended", () => {
    // (North Somerset's 3.4 on A5 pages, pdftotext -raw: "... As" / notes 28 and 29 / the page's
    // number / "a result, joint working was rated as 'Outstanding'." / a key question's heading.)
    const page = (noteEnd: string) =>
      unwrap(
        [
          ...FILLER,
          "",
          "The YOS contributed effectively to out-of-court disposal decisions, working well with",
          "the police to implement youth conditional cautions, and joint working was strong. As",
          "²⁸ The rating for the standard is driven by the lowest score on each of the key questions, which is",
          "placed in a rating band. See Annexe 1 for a more detailed explanation.",
          `²⁹ This question is only relevant in youth conditional caution cases${noteEnd}`,
          "47",
          "\fa result, joint working was rated as 'Outstanding'.",
          "Are the YOT's recommendations",
          "sufficiently well-informed,",
        ].join("\n"),
      );
    const ended = page(".");
    expect(ended.lines.map((l) => l.flat)).toContain(
      "The YOS contributed effectively to out-of-court disposal decisions, working well with the police to implement youth conditional cautions, and joint working was strong. As a result, joint working was rated as 'Outstanding'.",
    );
    expect(ended.footnotes.map((f) => f.text)).toContain(
      "This question is only relevant in youth conditional caution cases.",
    );
    // A note whose sentence runs on keeps the line.
    const open = page(", as the");
    expect(open.footnotes.map((f) => f.text)).toContain(
      "This question is only relevant in youth conditional caution cases, as the a result, joint working was rated as 'Outstanding'.",
    );
  });

  test("a note that has ended leaves the next page's first line, in lower case, to the page: a row broken by the page", () => {
    // (North Somerset at one and a half lines, pdftotext -raw: the ethnicity table's heading row
    // at one page's foot, its wrapped name's last words at the next page's head.)
    const doc = unwrap(
      [
        ...FILLER,
        "",
        "National average 23% 77%",
        "Race/ethnicity White Black and Unknown",
        "⁵ Youth Justice Board. (2020). *Youth Justice annual statistics: 2018 to 2019.*",
        "6",
        "\fInspection of youth offending services: Anytown",
        "minority ethnic",
        "Anytown YOS 84% 3% 13%",
      ].join("\n"),
    );
    expect(doc.lines.map((l) => l.flat)).toContain("minority ethnic");
    expect(doc.footnotes.map((f) => f.text)).toEqual([
      "Youth Justice Board. (2020). *Youth Justice annual statistics: 2018 to 2019.*",
    ]);
  });

  test("a key-question table's caption with its headings, and a whole question after a sentence, start lines of their own", () => {
    const flats = flatsAfterFiller(
      "Planning was sufficient and work against this standard was rated Outstanding.",
      "Does planning focus on supporting the child's desistance?",
      "Our rating for planning is based on the following key questions:",
      "Of the 8 cases inspected: Relevant cases Number 'Yes'",
      "Does planning set out the services most likely to support desistance, paying",
      "sufficient attention to the available timescales and the need for sequencing?",
      "8 8",
    );
    expect(flats).toContain("Does planning focus on supporting the child's desistance?");
    expect(flats).toContain("Of the 8 cases inspected: Relevant cases Number 'Yes'");
    // The wrapped question is one line again; its counts, on the next, may join it (a row).
    expect(flats).toContain(
      "Does planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing? 8 8",
    );
  });

  test("a question ending in a footnote marker glued to its mark ('...disposal?30', pdftotext -raw) ends there", () => {
    const flats = flatsAfterFiller(
      "3.2.1 Does the YOT work effectively with the police in implementing the out-of-court disposal?30",
      "Does the YOT inform the police of progress and outcomes in a sufficient and timely manner? 80%",
    );
    expect(flats).toContain(
      "Does the YOT inform the police of progress and outcomes in a sufficient and timely manner? 80%",
    );
  });

  test("a list's lead-in after a full line that ends a sentence stays a line of its own", () => {
    const flats = flatsAfterFiller(
      "This will improve the lives of the children, and better protect the public.",
      "The Newtown Youth Justice Service should:",
      "1. provide routine support and training for practitioners.",
    );
    expect(flats).toContain("The Newtown Youth Justice Service should:");
  });
});

describe("a text spaced a blank line a line (MuPDF's and pdfminer's text at one and a half lines)", () => {
  const spaced = (...lines: string[]) => unwrap([...FILLER, ...lines].join("\n\n")).lines.map((l) => l.flat);

  test("a sentence runs on across the blank line; a paragraph still ends where the wrap says so", () => {
    // Tower Hamlets' annex: its resettlement sample had been lost with the sentence cut in two.
    const lines = spaced(
      "and whether enough was done to assess the level of risk of harm posed, and to manage it. We reviewed",
      "a further two cases to obtain data to illustrate our findings about resettlement policy.",
      "To score an 'Outstanding' rating for the sections on court disposals or out-of-court disposals,",
    );
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(/ We reviewed a further two cases to obtain data .* resettlement policy\.$/),
      "To score an 'Outstanding' rating for the sections on court disposals or out-of-court disposals,",
    ]);
    // The filler's lines, a blank line apart, are one paragraph too.
    expect(lines[0]).toMatch(/^line 00 .* line 39 of the wrapped paragraph .* page and whether enough/);
  });

  test("a text whose blank lines end paragraphs (its lines otherwise straight after one another) is not joined across them", () => {
    const text = [...FILLER, "", "We reviewed", "", "a further two cases."].join("\n");
    expect(
      unwrap(text)
        .lines.map((l) => l.flat)
        .slice(-2),
    ).toEqual(["We reviewed", "a further two cases."]);
  });

  test("a percentage alone after a numbered key question's first line is its row's figure, not its next words", () => {
    expect(
      spaced(
        "3.4.1. Are the YOT's recommendations sufficiently well-informed, analytical and",
        "73%",
        "personalised to the child or young person, supporting joint decision-making?",
      ).slice(-3, -1),
    ).toEqual(["3.4.1. Are the YOT's recommendations sufficiently well-informed, analytical and", "73%"]);
  });
});

describe("a split table's header row is never a sentence's next words", () => {
  test("after a page's notes and furniture, a header row starts its table, not the last note's run-on", () => {
    // pdftotext -raw of North Somerset's facts: the gender split starts the next page.
    const doc = unwrap(
      [
        ...FILLER,
        "",
        "Race/ethnicity White Black and minority ethnic Unknown",
        "North Somerset YOS 84% 3% 13%",
        "National average 70% 26% 4%",
        "¹ The Crime and Disorder Act 1998 set out the arrangements for local YOTs and partnership working.",
        "² Youth Justice Board. (2020). Youth Justice annual statistics: 2018 to 2019.",
        "Inspection of youth offending services: North Somerset",
        "6",
        "Gender Male Female",
        "North Somerset YOS 75% 25%",
      ].join("\n"),
    );
    expect(doc.lines.slice(-2).map((l) => l.flat)).toEqual([
      "Gender Male Female",
      "North Somerset YOS 75% 25%",
    ]);
    expect(doc.footnotes.map((f) => f.text)).toContain(
      "Youth Justice Board. (2020). Youth Justice annual statistics: 2018 to 2019.",
    );
  });

  test("a caption without its stop is not carried on into the header row below it", () => {
    // getText of the word processor's A5 pages: a narrow page, where the caption fills its line.
    const narrow = FILLER.map((l) => l.slice(0, 45).trim());
    const doc = unwrap(
      [
        ...narrow,
        "",
        "Demographics of children cautioned or sentenced",
        "Age 10–14 15–17",
        "North Somerset YOS 17% 83%",
      ].join("\n"),
    );
    expect(doc.lines.slice(-3).map((l) => l.flat)).toEqual([
      "Demographics of children cautioned or sentenced",
      "Age 10–14 15–17",
      "North Somerset YOS 17% 83%",
    ]);
  });

  test("a header row is a heading word and known column names only", () => {
    expect(isSplitHeaderRow("Gender Male Female")).toBe(true);
    expect(isSplitHeaderRow("Age 10–14 15–17")).toBe(true);
    expect(isSplitHeaderRow("Race/ethnicity White Black and minority ethnic Unknown")).toBe(true);
    expect(isSplitHeaderRow("Race/ethnicity 10 White Black and minority ethnic Unknown")).toBe(true);
    // Prose opening with the same word, and a heading with one column, are not.
    expect(isSplitHeaderRow("Age and maturity were considered in most cases")).toBe(false);
    expect(isSplitHeaderRow("Gender Male")).toBe(false);
    expect(isSplitHeaderRow("Ethnicity White British children were")).toBe(false);
  });
});

describe("footnotes wrapped in smaller type than the body", () => {
  test("a note's next line carries it on where its sentence runs on; a new sentence or capital does not", () => {
    const text = [
      "Planning was sufficient. The ratings panel met.",
      "",
      "²⁰ Planning was judged to be sufficient in the majority of cases. Due to the size of the sample, performance in one",
      "case had a disproportionate impact on the overall score for this standard. For this reason, the panel agreed to",
      "'Good'.",
      "²¹ Youth Justice Board. (2020). *Youth Justice annual statistics: 2018 to 2019.*",
      "and endorsed the outcomes allocated for each of these.",
    ].join("\n");
    const doc = unwrap(text);
    expect(doc.footnotes.map((f) => [f.marker, f.text])).toEqual([
      [
        "20",
        "Planning was judged to be sufficient in the majority of cases. Due to the size of the sample, performance in one case had a disproportionate impact on the overall score for this standard. For this reason, the panel agreed to 'Good'.",
      ],
      ["21", "Youth Justice Board. (2020). *Youth Justice annual statistics: 2018 to 2019.*"],
    ]);
    expect(doc.lines.map((l) => l.flat)).toContain("and endorsed the outcomes allocated for each of these.");
  });

  test("a note's line of justified words two spaces apart (pdfminer's text of a browser's PDF) carries it on: prose, not a row of cells", () => {
    // North Somerset's note 20 as pdfminer writes it from a browser's PDF of the report.
    const doc = unwrap(
      [
        "Our rating²¹ for planning is based on the following key questions:",
        "",
        "²⁰ Planning was judged to be sufficient in the majority of cases. Due to the size of the sample, performance in one",
        "case  had  a  disproportionate  impact  on  the  overall  score  for  this  standard.  For  this  reason,  the  ratings  panel  agreed  to  exercise  professional",
        "discretion, and agreed a rating for planning of Good.",
      ].join("\n"),
    );
    expect(doc.footnotes.map((f) => f.text)).toEqual([
      "Planning was judged to be sufficient in the majority of cases. Due to the size of the sample, performance in one case had a disproportionate impact on the overall score for this standard. For this reason, the ratings panel agreed to exercise professional discretion, and agreed a rating for planning of Good.",
    ]);
    // Not a row of one-word cells where a table's has them: capitalised, figures, a gap wider.
    const cells = (line: string) => normaliseLines(textSourceLines(line), "text").lines[0]?.cells;
    expect(cells("Governance  Staff  Partnerships  Information  Assessment  Planning")).toHaveLength(6);
    expect(cells("White  Black  and  minority  ethnic  65%  30%")).toHaveLength(7);
    expect(cells("the  child  and  their  family   were  seen")).toHaveLength(7);
    expect(cells("the  child  and  their  family  were  seen")).toEqual([
      "the child and their family were seen",
    ]);
    // Three spaces apart, every gap alike (pdfminer's text of a word processor's justified
    // paragraph, Blackburn with Darwen's overview): prose too; five apart is a table's gap, cells.
    expect(
      cells("In   the   cases   we   reviewed,   assessment   was   of   a   consistently   high   quality."),
    ).toEqual(["In the cases we reviewed, assessment was of a consistently high quality."]);
    expect(cells("the     child     and     their     family     were")).toHaveLength(6);
  });

  test("a note's line longer than the body's, stopping on a word, goes on into the next line; the body's sentence after the notes is the body's", () => {
    // (North Somerset's 2.2 as the PDF renderings print it: the note, in smaller type, holds more
    // than the body's widest line; its last words had become the body's sentence's.)
    const doc = unwrap(
      [
        ...FILLER,
        "There was evidence of collaborative planning with partner agencies, including the unit, police",
        "¹¹ The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band. See",
        "Annexe 1 for a more detailed explanation.",
        "17",
        "\fand children's social care.",
      ].join("\n"),
    );
    expect(doc.footnotes.map((f) => f.text)).toEqual([
      "The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band. See Annexe 1 for a more detailed explanation.",
    ]);
    expect(doc.lines.map((l) => l.flat).slice(-1)[0]).toMatch(
      /including the unit, police and children's social care\.$/,
    );
  });

  test("a note ending in its web address is ended; one stopping on a word is not", () => {
    // (Tower Hamlets, pdftotext -raw: a note ending "... standards-and-ratings/" was taken for
    // unended, held to no width, and took the body's "overall YJS rating." after the page's
    // running header.)
    expect(
      noteUnended(
        "HM Inspectorate of Probation's standards can be found here: https://www.justiceinspectorates.gov.uk/hmiprobation/about-our-work/our-standards-and-ratings/",
      ),
    ).toBe(false);
    expect(noteUnended("which is placed in a rating band, indicated in bold in the table. See")).toBe(true);
    for (const ended of [
      "... for a more detailed explanation.",
      "... available here:",
      "... 'Good'",
      "(2021)",
    ])
      expect(noteUnended(ended)).toBe(false);
  });

  test("the normaliser carries a note on where its sentence runs on, before any table is read; the unwrapper goes on from the note's last line", () => {
    const note = [
      "²⁴ Due to the size of the sample, performance in one case adversely",
      "affected the rating. Overall, the ratings panel agreed with the Youth",
      "Justice Board guidance to uplift the rating.",
    ];
    // (The note's second line runs on in lower case; its third opens with a capital.)
    const written = normaliseLines(textSourceLines([...FILLER, "", ...note, "24"].join("\n")), "text");
    expect(written.footnotes.map((f) => [f.text, f.line.raw])).toEqual([
      [
        "Due to the size of the sample, performance in one case adversely affected the rating. Overall, the ratings panel agreed with the Youth",
        `${note[0]}\n${note[1]}`,
      ],
    ]);
    expect(written.lines.map((l) => l.flat)).not.toContain(note[1]);
    // In a text wrapped at the note's width, the note's last line was full: the third line is the note's too.
    expect(unwrapParagraphs(written).footnotes.map((f) => f.text)).toEqual([
      "Due to the size of the sample, performance in one case adversely affected the rating. Overall, the ratings panel agreed with the Youth Justice Board guidance to uplift the rating.",
    ]);
    // A note that ends its sentence leaves the next line to the body.
    const ended = normaliseLines(
      textSourceLines(
        ["²⁴ Due to the size of the sample, the rating was uplifted.", "standard work went on."].join("\n"),
      ),
      "text",
    );
    expect(ended.lines.map((l) => l.flat)).toEqual(["standard work went on."]);
  });
});

describe("a sentence a page break cut in two", () => {
  // (Kirklees' court methodology as a converter writes the PDF: the page's notes, its number and
  // the next page's running header between "... implementation and" and "delivery in the 18
  // cases ...", which the sub-sample reader needs whole.)
  const FIRST =
    "For services to keep the child safe, we assessed the quality of planning, and implementation and delivery in the 19 cases where we expected meaningful work to take place. Similarly, for work to keep others safe, we assessed the quality of planning, and implementation and";
  const REST = "delivery in the 18 cases where meaningful work was required.";
  const paragraphs = Array.from({ length: 12 }, (_, i) => `${FILLER.slice(0, 3).join(" ")} (${i}).`);

  test("a text with a paragraph a line: the sentence runs on across the page's notes and blank lines", () => {
    const text = [
      ...paragraphs,
      FIRST,
      "¹ HM Inspectorate of Probation's standards can be found here:",
      "² Each of the 12 standards is scored on a 0–3 scale.",
      REST,
      "In this service, supporting desistance was the strongest area of work.",
    ].join("\n\n");
    const doc = unwrap(text);
    const joined = doc.lines.find((l) => l.flat.startsWith("For services"));
    expect(joined?.flat).toBe(`${FIRST} ${REST}`);
    // Its provenance: the first line's number, through the last's, both lines' words.
    expect([joined?.line, joined?.through]).toEqual([25, 31]);
    expect(joined?.raw).toBe(`${FIRST} ${REST}`);
    expect(doc.footnotes.map((f) => f.marker)).toEqual(["1", "2"]);
    expect(doc.lines.map((l) => l.flat).slice(-1)).toEqual([
      "In this service, supporting desistance was the strongest area of work.",
    ]);
  });

  test("blank lines alone show no page break: the lines stay apart, whatever word the first stops on", () => {
    // (A web page prints a hard-wrapped list item's lines as blocks of their own, blank lines
    // between, as the text it was made from holds them as lines of their own.)
    const endOfText = (first: string) =>
      unwrap(
        [...paragraphs, first, "inadequacies of children's social care, and the full extent of this."].join(
          "\n\n",
        ),
      )
        .lines.map((l) => l.flat)
        .slice(-2);
    for (const first of [
      "The work of the partnership to keep children safe is affected by the",
      "The work of the partnership to keep children safe is affected in these cases",
    ])
      expect(endOfText(first)).toEqual([
        first,
        "inadequacies of children's social care, and the full extent of this.",
      ]);
  });

  test("a wrapped text (pdftotext): across the blank lines, the page's number and the next page's start", () => {
    const lines = unwrap(
      [
        ...FILLER,
        "planning, and implementation and delivery in the 19 cases where we expected meaningful work to",
        "take place. Similarly, for work to keep others safe, we assessed the quality of planning, and",
        "",
        "5",
        "",
        `\f${REST}`,
        "In this service, supporting desistance was the strongest area of work.",
      ].join("\n"),
    ).lines.map((l) => l.flat);
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(
        /of planning, and delivery in the 18 cases where meaningful work was required\.$/,
      ),
      "In this service, supporting desistance was the strongest area of work.",
    ]);
  });

  test("a sentence's end, a heading, a short line, a list item or a capital after the break: lines of their own", () => {
    const endOfText = (first: string, next: string) =>
      unwrap([...paragraphs, first, "¹ A note.", next].join("\n\n"))
        .lines.map((l) => l.flat)
        .slice(-2);
    const full = "Work to keep other people safe was judged sufficient in most of the cases we inspected.";
    expect(endOfText(full, "delivery in the 18 cases")).toEqual([full, "delivery in the 18 cases"]);
    expect(endOfText("Court disposals", "we inspected nine cases")).toEqual([
      "Court disposals",
      "we inspected nine cases",
    ]);
    const open = "Work to keep other people safe was judged sufficient in most of the";
    expect(endOfText(open, "a) Does assessment focus on the child?")).toEqual([
      open,
      "a) Does assessment focus on the child?",
    ]);
    expect(endOfText(open, "Planning was good.")).toEqual([open, "Planning was good."]);
    // (The same with nothing between: a text's lines are its own, not a page break's.)
    expect(
      unwrap([...paragraphs, open, "cases we inspected."].join("\n\n").replace(`${open}\n\n`, `${open}\n`))
        .lines.map((l) => l.flat)
        .slice(-2),
    ).toEqual([open, "cases we inspected."]);
  });
});
