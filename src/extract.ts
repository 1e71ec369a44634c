// The extraction pipeline for one report: read -> normalise -> segment -> extract.
// Each stage is a plain function over plain data, testable alone.

import { parseFacts } from "../parsers/facts.js";
import { RATING_SCORE, keyQuestionsOf, standardsOf } from "../parsers/framework.js";
import { hyphenRestorer } from "../parsers/hyphens.js";
import { coverAreas, fieldworkFromProse, parseIdentity, serviceAddressed } from "../parsers/identity.js";
import { type NormalisedDocument, provenanceOf } from "../parsers/lines.js";
import { parseMethodology } from "../parsers/methodology.js";
import { parseNarrative } from "../parsers/narrative.js";
import { normaliseLines } from "../parsers/normalise.js";
import { parseProsePercents } from "../parsers/prose.js";
import { parseQuestions } from "../parsers/questions.js";
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
import { splitWordsJoined } from "../parsers/split-words.js";
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

/** Bumped whenever extraction changes what it produces for the same input. */
export const PARSER_VERSION = "0.8.213";

export class NotAReportError extends Error {
  readonly code = "E_NOT_A_YOS_REPORT";
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: not a youth offending service inspection report (${reason})`);
  }
}

export function normalise(raw: RawDocument): NormalisedDocument {
  const rows = rejoinRows(splitWordsJoined(normaliseLines(raw.sourceLines, raw.format)));
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

  const publishesPrompts = prompts.length > 0;
  const promptMissing: string[] = [];
  let promptExpected = 0;
  let promptFound = 0;
  if (publishesPrompts) {
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
      note: publishesPrompts ? null : "the report prints no prompt figures",
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

/**
 * A document of the inspectorate that this tool will not read as a report, though it looks like
 * one: a youth justice inspection of the later programme, rated on another framework ("An
 * inspection of youth justice work with children and victims in <area>", which rates work with
 * children and work with victims rather than standards 1.1 to 4.1: read as this framework's
 * report, its ratings would land on the wrong standards), or of the programme before the 2018
 * standards (a full joint inspection, a short quality screening); the Welsh-language edition of a
 * report on a service in Wales, published beside the English one.
 */
export class RefusedReportError extends Error {
  constructor(
    readonly code: "E_OTHER_FRAMEWORK" | "E_WELSH_EDITION" | "E_SEVERAL_REPORTS",
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const LATER_PROGRAMME =
  /^An inspection of youth justice work with children and victims\b|\binspected and rated work with children and victims\b/i;

/**
 * The inspectorate's other publications on youth justice, by their cover, and what each is. Its
 * annual report ("Annual report: inspection of youth offending services (2019-2020)") prints every
 * inspected service's ratings, and read as one report it would load a mix of them under no area;
 * a research bulletin prints key questions' percentages across many inspections.
 */
const OTHER_PUBLICATIONS: { cover: RegExp; is: string }[] = [
  {
    cover: /^Annual report\b.{0,40}\binspections? of youth (?:offending|justice)/i,
    is: "the inspectorate's annual report across its inspections",
  },
  {
    cover: /^(?:HM Inspectorate of Probation\s+)?Research (?:&|and) Analysis Bulletin\b/i,
    is: "a research and analysis bulletin, on findings across inspections",
  },
  { cover: /^(?:HM Inspectorate of Probation\s+)?Academic Insights\b/i, is: "an Academic Insights paper" },
  {
    cover: /^(?:HM Inspectorate of Probation\s+)?Effective practice guide\b/i,
    is: "an effective practice guide",
  },
  // ("A thematic inspection of ...", or a line "Thematic Inspection" above the title.)
  { cover: /^(?:An? (?:joint )?)?thematic inspection\b/i, is: "a thematic inspection, across services" },
];

/** The cover line and kind of another publication than one service's inspection, if it is one. */
function otherPublication(
  lines: NormalisedDocument["lines"],
): { line: NormalisedDocument["lines"][number]; is: string } | null {
  for (const line of lines.slice(0, 40))
    for (const { cover, is } of OTHER_PUBLICATIONS) if (cover.test(line.flat)) return { line, is };
  return null;
}

/**
 * The Welsh-language edition's cover or credits: "Arolygiad o wasanaethau troseddwyr ifanc
 * Caerdydd", "Arolygiaeth Prawf EM" (HM Inspectorate of Probation).
 */
const WELSH_EDITION = /\bArolygiaeth Prawf\b|\bArolygiad o(?:['’]r)? wasanaethau\b/i;

/**
 * The line that shows a Welsh-language edition, if any: its Welsh title or credits, in a text
 * that is Welsh ("yn" more often than "the" in its opening), so that an English report whose
 * cover also names the inspectorate in Welsh is read.
 */
function welshEdition(lines: NormalisedDocument["lines"]): NormalisedDocument["lines"][number] | null {
  const opening = lines.slice(0, 200);
  const found = opening.slice(0, 80).find((l) => WELSH_EDITION.test(l.flat));
  if (!found) return null;
  let welsh = 0;
  let english = 0;
  for (const l of opening) {
    welsh += (l.flat.match(/\byn\b/gi) ?? []).length;
    english += (l.flat.match(/\bthe\b/gi) ?? []).length;
  }
  return welsh > english ? found : null;
}

/** The line that shows a report of the later programme, if any: its title or its foreword's opening. */
function laterProgramme(lines: NormalisedDocument["lines"]): NormalisedDocument["lines"][number] | null {
  for (const line of lines.slice(0, 200))
    if (line.flat.includes("ictims") && LATER_PROGRAMME.test(line.flat)) return line;
  return null;
}

/**
 * The cover of an inspection of the programme before the 2018 standards (Inspection of Youth
 * Offending Work, to 2017): "Full Joint Inspection", "Short Quality Screening", "Core Case
 * Inspection", "Report on youth offending work in: <area>". Such a report scores its cases on
 * other headings (reducing reoffending, protecting the public) and rates no standards 1.1 to 4.1.
 */
const EARLIER_PROGRAMME =
  /^(?:Full Joint Inspection|Short Quality Screening|Core Case Inspection)\b|^(?:(?:A )?Report on|(?:An )?Inspection of) youth offending work\b/i;

function earlierProgramme(lines: NormalisedDocument["lines"]): NormalisedDocument["lines"][number] | null {
  return (
    lines.slice(0, 40).find((line) => line.flat.length <= 120 && EARLIER_PROGRAMME.test(line.flat)) ?? null
  );
}

const YOUTH_INSPECTION_TITLE = /inspection of youth (?:offending|justice) services/i;

/**
 * The cover of an inspection of probation services for adults, which the inspectorate publishes
 * beside the youth reports: "An inspection of probation services in: Dorset PDU", "... of the
 * National Probation Service: North West Division", "... of Durham Tees Valley Community
 * Rehabilitation Company" ("HM Inspectorate of Probation", on every cover, is none of these).
 */
const ADULT_PROBATION_TITLE =
  /\binspection of (?:the )?(?:probation services?\b|national probation service\b|[a-z][\w ,'&-]{0,80}?(?:community rehabilitation company\b|\bCRC\b)|[a-z][\w ,'&-]{0,60}?\b(?:PDU|probation delivery unit)\b)/i;
/** A ratings row of the adult framework: "1.1 Leadership", "1.3 Services", "Unpaid work", "Through the Gate". */
const ADULT_STANDARD_ROW =
  /^(?:1\.1\.?\s+Leadership\b(?!\s+and\b)|1\.3\.?\s+Services\b|\d\.\d\.?\s+(?:Unpaid work|Through the Gate|Pre-sentence information and advice)\b)/i;

/**
 * The line that shows an inspection of probation services for adults, if any: its cover's title,
 * or its ratings table's rows of the adult framework (two at least), where the cover does not call
 * it an inspection of youth services. Its numbers would load as standards 1.1 to 2.4 of a youth
 * report, and an adult report names youth offending services often enough (transitions,
 * partners) to pass for one.
 */
function adultProbationInspection(
  lines: NormalisedDocument["lines"],
): NormalisedDocument["lines"][number] | null {
  const cover = lines.slice(0, 60);
  if (cover.some((l) => YOUTH_INSPECTION_TITLE.test(l.flat))) return null;
  const title = cover.find((l) => ADULT_PROBATION_TITLE.test(l.flat));
  if (title) return title;
  const rows = lines.filter((l) => /^\d/.test(l.flat) && ADULT_STANDARD_ROW.test(l.flat));
  return rows.length >= 2 ? (rows[0] as NormalisedDocument["lines"][number]) : null;
}

/**
 * A youth offending service report says so: on its cover, or by naming the service (YOS, YOT,
 * YJS) throughout. An adult probation report has a ratings table too, but not this.
 */
function mentionsYouthJustice(lines: NormalisedDocument["lines"]): boolean {
  let mentions = 0;
  for (const line of lines) {
    if (YOUTH_INSPECTION_TITLE.test(line.flat)) return true;
    mentions += (line.flat.match(/\b(?:YOS|YOT|YJS|youth offending|youth justice)\b/gi) ?? []).length;
    if (mentions >= 5) return true;
  }
  return false;
}

/** Extract the record of one already-read document. */
export function extractDocument(raw: RawDocument): ReportRecord {
  const doc = normalise(raw);
  const { lines, footnotes } = doc;
  const later = laterProgramme(lines);
  if (later) {
    throw new RefusedReportError(
      "E_OTHER_FRAMEWORK",
      raw.file,
      `an inspection of youth justice work with children and victims (HMI Probation's later programme, line ${later.line}), rated on another framework than standards 1.1 to 4.1`,
    );
  }
  const earlier = earlierProgramme(lines);
  if (earlier) {
    throw new RefusedReportError(
      "E_OTHER_FRAMEWORK",
      raw.file,
      `an inspection of youth offending work of HMI Probation's programme before the 2018 standards (line ${earlier.line}: '${earlier.flat.slice(0, 60)}'), which rates no standards 1.1 to 4.1`,
    );
  }
  const welsh = welshEdition(lines);
  if (welsh) {
    throw new RefusedReportError(
      "E_WELSH_EDITION",
      raw.file,
      `it is the Welsh-language edition of an inspection report (line ${welsh.line}: '${welsh.flat.slice(0, 60)}')`,
    );
  }
  const other = otherPublication(lines);
  if (other) {
    throw new NotAReportError(
      raw.file,
      `it is ${other.is} (line ${other.line.line}), not one service's inspection`,
    );
  }
  const adult = adultProbationInspection(lines);
  if (adult) {
    throw new NotAReportError(
      raw.file,
      `it is an inspection of probation services for adults, rated on another framework than the youth standards: line ${adult.line}, '${adult.flat.slice(0, 60)}'`,
    );
  }
  // Reports joined in one file would load as one, one's ratings beside another's prompts.
  const covers = coverAreas(lines);
  if (covers.length > 1) {
    throw new RefusedReportError(
      "E_SEVERAL_REPORTS",
      raw.file,
      `it holds ${covers.length} reports, by their covers: ${covers.map((c) => `${c.area} (${c.line.page ? `page ${c.line.page}, ` : ""}line ${c.line.line})`).join(", ")}`,
    );
  }
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
  const addressed = table.serviceName ? null : serviceAddressed(recs.addressees, identity.area);
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
    overallRating: table.overallRating ?? overallStated?.rating ?? null,
    statedScore: table.statedScore,
    computedScore: computedScoreOf(std.standards),
    standardsEdition: edition,
    identityProvenance: {
      ...identity.provenance,
      ...(fieldwork ? { fieldworkStart: provenanceOf(fieldwork.line, "fieldwork") } : {}),
      ...table.provenance,
      ...(addressed ? { serviceName: provenanceOf(addressed.line) } : {}),
      ...(overallStated ? { overallRating: overallStated.provenance } : {}),
    },
    standards: std.standards,
    keyQuestions: questions.keyQuestions,
    prompts: questions.prompts,
    samples: samples.samples,
    sampleStatements: samples.statements,
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
