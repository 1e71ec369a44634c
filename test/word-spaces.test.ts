// Words run together, as pypdf writes a PDF that places its words without printing spaces: the
// lines below are pypdf's, of the corpus reports printed to PDF (`npm run robustness`'s
// "cells-centred-prose-justified" rendering), and what each should read is the report's own text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { lineWithWordsParted, withWordsParted, wordsRunTogether } from "../parsers/word-spaces.js";
import type { ReportRecord } from "../schemas/report.js";
import { readText } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const REPORTS = [
  "2019-croydon",
  "2020-12-north-somerset",
  "2021-10-kirklees",
  "2022-07-tower-hamlets-and-city-of-london",
  "2023-01-blackburn-with-darwen",
];
const textOf = (name: string) => readFileSync(join(CORPUS, `${name}.txt`), "utf8");

/**
 * A report with the spaces between its words taken out, as pypdf writes such a PDF: a table's
 * cells keep their tab, and a markdown heading's or list's mark its space.
 */
const spaceless = (text: string) =>
  text
    .split("\n")
    .map((line) => {
      const [, mark, rest] = /^(#+ |- )?(.*)$/.exec(line) as unknown as [string, string | undefined, string];
      return (mark ?? "") + rest.replace(/(?<=\S) (?=\S)/g, "");
    })
    .join("\n");

describe("a line's words parted again", () => {
  test.each([
    // Kirklees, the lead inspector and the rating as the foreword states them.
    [
      "ThisinspectionwasledbyHMInspectorMikeLane,supportedbyateamofinspectorsandcolleaguesfrom",
      "This inspection was led by HM Inspector Mike Lane, supported by a team of inspectors and colleagues from",
    ],
    [
      "qualityofout-of-courtdisposalwork.Overall,KirkleesYJSwasratedas'Requiresimprovement'.",
      "quality of out-of-court disposal work. Overall, Kirklees YJS was rated as 'Requires improvement'.",
    ],
    [
      "Withapopulationof441,290,KirkleesisthemostpopulousboroughinEnglandthatisnotacityandthe",
      "With a population of 441,290, Kirklees is the most populous borough in England that is not a city and the",
    ],
    // A ratings table's row: its cells a space apart, the rating's words run together.
    ["2.1 Assessment Requiresimprovement", "2.1 Assessment Requires improvement"],
    ["KirkleesYJS 65%30% 5%", "Kirklees YJS 65%30% 5%"],
    // A name the word list lacks stays whole (Croydon's lead inspector), and "Mc" opens no word.
    [
      "ThisinspectionwasledbyHMInspectorYvonneMcGuckian,supportedbyateamofinspectors,aswellas",
      "This inspection was led by HM Inspector Yvonne McGuckian, supported by a team of inspectors, as well as",
    ],
    // Apostrophes: a possessive, a plural's possessive.
    [
      "Doesassessmentfocusonthechild'sstrengthsandprotectivefactors?88%",
      "Does assessment focus on the child's strengths and protective factors?88%",
    ],
    [
      "parents/carers'understanding,oftheimplicationsofreceivingan",
      "parents/carers' understanding, of the implications of receiving an",
    ],
    // A short form's ending stays with its word (Croydon, a child's words), an acronym's plural
    // with its acronym (North Somerset's background).
    [
      "helpedmegetintocollege.Ihavealsogotmycollegecertificate,andIdidn'tlikeschool.",
      "helped me get into college. I have also got my college certificate, and I didn't like school.",
    ],
    [
      "YOTsarestatutorypartnerships,andtheyaremultidisciplinary,todealwiththeneedsofthewholechild.",
      "YOTs are statutory partnerships, and they are multidisciplinary, to deal with the needs of the whole child.",
    ],
    // North Somerset's first recommendation: its bullet and number stand apart.
    [
      "-1.planforanddelivertimely,appropriateactiontoaddressthespecificconcernsandrisksrelatingtoactual",
      "- 1. plan for and deliver timely, appropriate action to address the specific concerns and risks relating to actual",
    ],
    // Figures and words; an ordinal stays one.
    ["1stFloorCivilJusticeCentre", "1st Floor Civil Justice Centre"],
    ["per100,000inTower", "per 100,000 in Tower"],
    // Markup between words stays as it is.
    ["thesafetyofthechildsafe?<sup>15</sup>7 7", "the safety of the child safe?<sup>15</sup>7 7"],
    // Two prompts' words the list had run together ("buildup", "anyother"): as the framework prints them.
    [
      "Doesservicedeliverybuilduponthechild'sstrengthsandenhanceprotectivefactors?",
      "Does service delivery build upon the child's strengths and enhance protective factors?",
    ],
    [
      "includinganyotherassessmentsthathavebeencompleted,",
      "including any other assessments that have been completed,",
    ],
    // (A longer word that begins so is still read whole.)
    ["buildups", "buildups"],
    // A word the list lacks, misprinted ("saffe"), stands between the words parted round it.
    [
      "Doesassessmentsufficientlyanalysehowtokeepthechildsaffe?",
      "Does assessment sufficiently analyse how to keep the child saffe?",
    ],
  ])("%s", (line, parted) => {
    expect(lineWithWordsParted(line)).toBe(parted);
  });

  test("a web address is left as it is", () => {
    const line =
      "3www.nationalarchives.gov.uk/doc/open-government-licence oremailpsi@nationalarchives.gsi.gov.uk.";
    expect(lineWithWordsParted(line)).toBe(line);
  });
});

describe("which texts run their words together", () => {
  test.each(REPORTS)("%s as printed: no", (name) => {
    const lines = textOf(name).split("\n");
    expect(wordsRunTogether(lines)).toBe(false);
    expect(withWordsParted(lines).parted).toBe(0);
  });

  test.each(REPORTS)("%s without its spaces: yes", (name) => {
    expect(wordsRunTogether(spaceless(textOf(name)).split("\n"))).toBe(true);
  });
});

describe("a report read without its spaces", () => {
  const valuesOf = (record: ReportRecord) => ({
    area: record.area,
    leadInspector: record.leadInspector,
    overallRating: record.overallRating,
    standards: record.standards.map((s) => [s.id, s.rating, s.sectionRating]),
    keyQuestions: record.keyQuestions.map((k) => [k.source, k.id, k.percent, k.relevant, k.yes]),
    prompts: record.prompts.map((p) => [p.source, p.keyQuestionId, p.label, p.percent, p.relevant, p.yes]),
    facts: record.contextualFacts.map((f) => [f.group, f.role, f.value]),
    samples: record.samples,
    recommendations: record.recommendations.items.length,
  });

  test.each(REPORTS)("%s: every rating, figure and fact as the report prints them", async (name) => {
    const text = textOf(name);
    const printed = await readText(`${name}.txt`, text);
    const read = await readText(`${name}.txt`, spaceless(text));
    expect(valuesOf(read)).toEqual(valuesOf(printed));
    expect(read.warnings.map((w) => w.code)).toContain("words-run-together");
    expect(printed.warnings.map((w) => w.code)).not.toContain("words-run-together");
  });

  test("a key question's and a prompt's words, Kirklees", async () => {
    const read = await readText("kirklees.txt", spaceless(textOf("2021-10-kirklees")));
    const kq = read.keyQuestions.find((k) => k.id === "3.2.1");
    expect([kq?.text, kq?.percent, kq?.provenance.line]).toEqual([
      "Does planning focus on supporting the child's desistance?",
      73,
      894,
    ]);
    expect(read.contextualFacts.find((f) => f.group === "reoffending" && f.role === "service")?.label).toBe(
      "Reoffending rate for Kirklees",
    );
  });
});
