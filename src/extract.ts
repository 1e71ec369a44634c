// The extraction pipeline for one report: read -> normalise -> segment -> extract.
// Each stage is a plain function over plain data, testable alone.

import { NotAReportError, mentionsYouthJustice, refusalOf } from "../parsers/document-kind.js";
import { parseFacts } from "../parsers/facts.js";
import { RATING_SCORE, keyQuestionsOf, standardsOf } from "../parsers/framework.js";
import { hyphenRestorer } from "../parsers/hyphens.js";
import {
  fieldworkFromProse,
  parseIdentity,
  serviceAddressed,
  serviceBeforeFieldwork,
} from "../parsers/identity.js";
import { type Line, type NormalisedDocument, provenanceOf } from "../parsers/lines.js";
import { parseMethodology } from "../parsers/methodology.js";
import { parseNarrative } from "../parsers/narrative.js";
import { normaliseLines } from "../parsers/normalise.js";
import { parseProsePercents } from "../parsers/prose.js";
import { parseQuestions, printsPrompts } from "../parsers/questions.js";
import {
  buildStandards,
  detectEdition,
  overallRatingFromStatements,
  overallRatingStatements,
  parseRatingsTable,
} from "../parsers/ratings.js";
import { type RawDocument, readDocument } from "../parsers/read.js";
import { parseRecommendations } from "../parsers/recommendations.js";
import { rejoinRows } from "../parsers/rejoin.js";
import { parseSamples } from "../parsers/samples.js";
import { joinWrappedStandardNames, numberRatingsRows, segment } from "../parsers/segment.js";
import { notesWordsParted, splitWordsJoined } from "../parsers/split-words.js";
import { unwrapParagraphs } from "../parsers/unwrap.js";
import {
  type Completeness,
  type ContextualFact,
  type KeyQuestion,
  type Prompt,
  type ReportRecord,
  ReportRecordSchema,
  type Standard,
} from "../schemas/report.js";

export { NotAReportError, RefusedReportError } from "../parsers/document-kind.js";

/** Bumped whenever extraction changes what it produces for the same input. */
export const PARSER_VERSION = "0.8.359";

export function normalise(raw: RawDocument): NormalisedDocument {
  const rows = rejoinRows(notesWordsParted(splitWordsJoined(normaliseLines(raw.sourceLines, raw.format))));
  return unwrapParagraphs({ ...rows, lines: numberRatingsRows(joinWrappedStandardNames(rows.lines)) });
}

/** The core facts every report with a contextual facts section should print. */
const CORE_FACTS: {
  group: ContextualFact["group"];
  role: "service" | "comparator";
  count: number;
  what: string;
}[] = [
  { group: "population", role: "service", count: 2, what: "total and youth population" },
  { group: "first_time_entrants", role: "service", count: 1, what: "first-time entrant rate (service)" },
  {
    group: "first_time_entrants",
    role: "comparator",
    count: 1,
    what: "first-time entrant rate (comparator)",
  },
  { group: "reoffending", role: "service", count: 1, what: "reoffending rate (service)" },
  { group: "reoffending", role: "comparator", count: 1, what: "reoffending rate (comparator)" },
  { group: "age", role: "service", count: 2, what: "age split (service)" },
  { group: "age", role: "comparator", count: 2, what: "age split (comparator)" },
  { group: "ethnicity", role: "service", count: 3, what: "ethnicity split (service)" },
  { group: "ethnicity", role: "comparator", count: 3, what: "ethnicity split (comparator)" },
  { group: "gender", role: "service", count: 2, what: "gender split (service)" },
  { group: "gender", role: "comparator", count: 2, what: "gender split (comparator)" },
];

export function completenessOf(
  edition: ReturnType<typeof detectEdition>["edition"],
  standards: Standard[],
  /** Standards the report says it does not rate: not expected. */
  notRated: string[],
  keyQuestions: KeyQuestion[],
  prompts: Prompt[],
  /** The report prints prompts: some were read, or its text shows them (`printsPrompts`). */
  promptsPrinted: boolean,
  facts: ContextualFact[],
  hasFactsSection: boolean,
): Completeness {
  const stdDefs = standardsOf(edition).filter((d) => !notRated.includes(d.id));
  const stdMissing: string[] = [];
  let stdFound = 0;
  for (const def of stdDefs) {
    const s = standards.find((x) => x.id === def.id);
    if (s?.rating || s?.sectionRating) stdFound++;
    if (!s?.rating) stdMissing.push(`${def.id} rating in the ratings table`);
    if (!s?.sectionRating) stdMissing.push(`${def.id} rating in its section`);
  }
  const kqDefs = keyQuestionsOf(edition);
  const kqIds = new Set(keyQuestions.filter((k) => k.percent !== null || k.yes !== null).map((k) => k.id));
  const kqMissing = kqDefs.filter((d) => !kqIds.has(d.id)).map((d) => d.id);

  const promptMissing: string[] = [];
  let promptExpected = 0;
  let promptFound = 0;
  // (Printed and none read: each key question's prompts missing, not "the report prints none".)
  if (promptsPrinted) {
    for (const d of kqDefs) {
      const expected = d.expectedPrompts[edition];
      const found = new Set(
        prompts.filter((p) => p.keyQuestionId === d.id).map((p) => `${p.source}:${p.position}`),
      ).size;
      promptExpected += expected;
      promptFound += Math.min(found, expected);
      if (found < expected) promptMissing.push(`${d.id}: ${found} of ${expected}`);
    }
  }

  const factMissing: string[] = [];
  let factExpected = 0;
  let factFound = 0;
  if (hasFactsSection) {
    for (const core of CORE_FACTS) {
      factExpected += core.count;
      const n = facts.filter(
        (f) => f.group === core.group && f.role === core.role && f.value !== null,
      ).length;
      factFound += Math.min(n, core.count);
      if (n < core.count) factMissing.push(core.what);
    }
  }
  const items = {
    standards: {
      found: stdFound,
      expected: stdDefs.length,
      missing: stdMissing,
      note: notRated.length > 0 ? `not rated by the report: ${notRated.join(", ")}` : null,
    },
    keyQuestions: { found: kqIds.size, expected: kqDefs.length, missing: kqMissing, note: null },
    prompts: {
      found: promptFound,
      expected: promptExpected,
      missing: promptMissing,
      note: promptsPrinted ? null : "the report prints no prompt figures",
    },
    facts: {
      found: factFound,
      expected: factExpected,
      missing: factMissing,
      note: hasFactsSection ? null : "the report has no contextual facts section",
    },
  };
  const found = items.standards.found + items.keyQuestions.found + items.prompts.found + items.facts.found;
  const expected =
    items.standards.expected + items.keyQuestions.expected + items.prompts.expected + items.facts.expected;
  return { ...items, found, expected };
}

export function computedScoreOf(standards: Standard[]): number | null {
  const core = standards.filter((s) => s.id !== "4.1");
  if (core.length !== 12 || core.some((s) => s.rating === null)) return null;
  return core.reduce((sum, s) => sum + RATING_SCORE[s.rating as keyof typeof RATING_SCORE], 0);
}

/** Extract the record of one already-read document. */
export function extractDocument(raw: RawDocument): ReportRecord {
  const doc = normalise(raw);
  const { lines, footnotes } = doc;
  const refusal = refusalOf(raw.file, lines);
  if (refusal) throw refusal;
  const seg = segment(lines);
  if (seg.overallLine === null && seg.sections.size === 0) {
    // (A report whose pages were each run into one line hides both inside those lines: say so.)
    const runTogether = (raw.readWarnings ?? []).some((w) => w.code === "text-lines-run-together");
    throw new NotAReportError(
      raw.file,
      `it has no ratings table and no standard sections${runTogether ? "; most of its text stands in lines of thousands of characters (whole pages run into one line), which can hide them: convert the PDF keeping its line breaks (pdftotext -layout), or give the PDF itself" : ""}`,
    );
  }
  if (!mentionsYouthJustice(lines)) {
    throw new NotAReportError(raw.file, "it names no youth offending or youth justice service");
  }

  const table = parseRatingsTable(lines, seg);
  const servicePlace = table.provenance.serviceName;
  const identity = parseIdentity(
    lines,
    doc.furniture,
    table.serviceName && servicePlace ? { name: table.serviceName, provenance: servicePlace } : null,
  );
  // The ratings table's "Fieldwork started" first; else the report's sentence on it.
  const fieldwork = table.fieldworkStart ? null : fieldworkFromProse(lines);
  const { edition, certain } = detectEdition(lines);
  const std = buildStandards(lines, footnotes, seg, table, edition);
  const questions = parseQuestions(lines, seg, edition);
  const samples = parseSamples(lines);
  const facts = parseFacts(lines, seg, identity.area);
  const recs = parseRecommendations(lines, seg);
  // The table's heading unread: the name the recommendations address the service by.
  // (Or, the table's cells run into its page's text, the name before "Fieldwork started".)
  const addressed: { name: string; line: Line; cited?: string } | null = table.serviceName
    ? null
    : (serviceAddressed(recs.addressees, identity.area) ?? serviceBeforeFieldwork(lines, identity.area));
  // The values a reader compares across reports, with the hyphens a converter dropped put back.
  const restore = hyphenRestorer(lines);
  for (const item of [...questions.keyQuestions, ...questions.prompts, ...recs.recommendations.items])
    item.text = restore(item.text);
  for (const fact of facts.facts) fact.label = restore(fact.label);

  const overallStatements = overallRatingStatements(lines, seg);
  // Where the table gives no overall rating, the report's own statement of it does.
  const overallStated = table.overallRating ? null : overallRatingFromStatements(overallStatements);

  // Headed by the standards, rating none of them and naming no inspected area: the inspection
  // standards themselves, a guide to them or a thematic report, whose record would be an
  // inspection of nowhere with nothing in it. (A report whose cover names its area and whose
  // tables are pictures is loaded in part, its warnings saying what is missing.)
  const ratesSomething =
    table.overallRating !== null ||
    overallStated !== null ||
    table.statedScore !== null ||
    std.standards.some((s) => s.rating ?? s.sectionRating ?? s.annexRating) ||
    questions.keyQuestions.some((k) => k.percent !== null || k.yes !== null);
  if (!ratesSomething && identity.area === null) {
    throw new NotAReportError(
      raw.file,
      "it names no inspected area and rates nothing: no overall rating, no standard's rating, no key question's figure; the inspection standards, a guide or a thematic report has the standards' headings and no more",
    );
  }

  const warnings = [
    ...(raw.readWarnings ?? []).map((w) => ({ ...w, provenance: null })),
    ...(doc.warnings ?? []),
    ...identity.warnings,
    ...table.warnings,
    ...std.warnings,
    ...questions.warnings,
    ...facts.warnings,
    ...recs.warnings,
  ];
  if (overallStated) {
    warnings.push({
      code: "overall-rating-from-statement",
      message: `The ratings table gives no legible overall rating; it is read from the ${overallStated.where}'s statement of it ('${overallStated.rating}')`,
      provenance: overallStated.provenance,
    });
  }
  if (!certain) {
    warnings.push({
      code: "edition-uncertain",
      message: "No 3.4 or 4.1 standard heading was found; the 2018-2021 (joint working) framework is assumed",
      provenance: null,
    });
  }
  for (const domain of ["court", "outOfCourt"] as const) {
    if (samples.samples[domain] === null) {
      warnings.push({
        code: "sample-missing",
        message: `No ${domain === "court" ? "court" : "out-of-court"} sample size was found`,
        provenance: null,
      });
    }
  }

  const record: ReportRecord = {
    parserVersion: PARSER_VERSION,
    source: { file: raw.file, format: raw.format, sha256: raw.sha256 },
    area: identity.area,
    serviceName: table.serviceName ?? addressed?.name ?? null,
    published: identity.published,
    fieldworkStart: table.fieldworkStart ?? fieldwork?.month ?? null,
    leadInspector: identity.leadInspector,
    reinspection: identity.reinspection,
    overallRating: table.overallRating ?? overallStated?.rating ?? null,
    statedScore: table.statedScore,
    computedScore: computedScoreOf(std.standards),
    standardsEdition: edition,
    identityProvenance: {
      ...identity.provenance,
      ...(fieldwork ? { fieldworkStart: provenanceOf(fieldwork.line, "fieldwork") } : {}),
      ...table.provenance,
      ...(addressed ? { serviceName: provenanceOf(addressed.line, addressed.cited) } : {}),
      ...(overallStated ? { overallRating: overallStated.provenance } : {}),
    },
    standards: std.standards,
    keyQuestions: questions.keyQuestions,
    prompts: questions.prompts,
    samples: samples.samples,
    sampleStatements: samples.statements,
    subSampleStatements: samples.subSamples,
    contextualFacts: facts.facts,
    recommendations: recs.recommendations,
    ratingStatements: [
      ...overallStatements,
      ...(table.overallRating && table.provenance.overallRating
        ? [
            {
              subject: "overall",
              rating: table.overallRating,
              where: "ratings-table" as const,
              provenance: table.provenance.overallRating,
            },
          ]
        : []),
      ...std.statements,
    ],
    methodology: parseMethodology(lines, footnotes),
    questionNumbers: questions.numbering,
    prosePercents: parseProsePercents(lines, seg, edition),
    narrative: parseNarrative(lines, seg, edition),
    completeness: completenessOf(
      edition,
      std.standards,
      std.notRated,
      questions.keyQuestions,
      questions.prompts,
      questions.prompts.length > 0 || printsPrompts(lines),
      facts.facts,
      seg.contextualFactsStart !== null,
    ),
    warnings,
  };
  // The schema is the contract: a record that breaks it is a parser bug, never output.
  return ReportRecordSchema.parse(raw.fileLines ? withFileLines(record, raw.fileLines) : record);
}

/**
 * The record with every provenance's line the file's own: the parsers count the lines of the
 * text they read, which for a web page are its blocks (`RawDocument.fileLines`).
 */
function withFileLines(record: ReportRecord, fileLines: number[]): ReportRecord {
  const remap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(remap);
    if (value === null || typeof value !== "object") return value;
    const entries = Object.entries(value).map(([k, v]) => [k, remap(v)] as const);
    const object = Object.fromEntries(entries) as Record<string, unknown>;
    if (typeof object.line === "number" && "snippet" in object)
      object.line = fileLines[(object.line as number) - 1] ?? object.line;
    return object;
  };
  return remap(record) as ReportRecord;
}

export async function extractFile(file: string): Promise<ReportRecord> {
  return extractDocument(await readDocument(file));
}

/**
 * Why a parsed report counts as partial: a part every report of its edition has was not
 * found (the ratings table, a core standard's rating, a key question, most of the prompts),
 * or the file ends early. Missing single facts (an image) leave a report ok, with warnings.
 */
export function partialReasons(record: ReportRecord): string[] {
  const reasons: string[] = [];
  const c = record.completeness;
  if (record.warnings.some((w) => w.code === "ratings-table-missing")) reasons.push("no ratings table");
  const coreMissing = record.standards.filter(
    (s) => s.id !== "4.1" && s.rating === null && s.sectionRating === null,
  );
  if (coreMissing.length > 0) reasons.push(`no rating for ${coreMissing.map((s) => s.id).join(", ")}`);
  if (c.keyQuestions.missing.length > 0)
    reasons.push(`key questions not found: ${c.keyQuestions.missing.join(", ")}`);
  if (c.prompts.expected > 0 && c.prompts.found < c.prompts.expected / 2)
    reasons.push(`only ${c.prompts.found} of ${c.prompts.expected} prompts found`);
  if (record.warnings.some((w) => w.code === "file-truncated")) reasons.push("the file ends early");
  return reasons;
}
