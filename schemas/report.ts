import { z } from "zod";
import { RATINGS } from "../parsers/framework.js";
// The one source of truth for a parsed report's shape. Types, validation, the JSON Schema
// (schemas/report.schema.json) and the SQLite tables (schemas/sql.ts) are all derived from here.
import { isWarningCode } from "./warning-codes.js";

export const RatingSchema = z.enum(RATINGS).describe("A rating exactly as the inspectorate words it");

export const ProvenanceSchema = z
  .object({
    line: z
      .number()
      .int()
      .positive()
      .describe("1-based line in the source file (for PDF, in the extracted text)"),
    page: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe(
        "1-based page, where the source marks its pages (a PDF; in a text, form feeds, pdf-parse's '-- 7 of 30 --' lines or a document-sharing site's 'Page 7:' labels); otherwise null",
      ),
    snippet: z.string().describe("The source text the value was read from, as written"),
  })
  .describe("Where a value was read");

export const SourceSchema = z.object({
  file: z.string().describe("Path of the input file as given"),
  format: z
    .enum(["text", "markdown", "pdf"])
    .describe(
      "Detected from content, not only the extension; a web page (HTML) is read in the dialect its text takes, markdown or text, with the warning html-page, and so is a Word document (.docx) through its HTML, with the warning word-document",
    ),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("SHA-256 of the file's bytes"),
});

export const StandardSchema = z.object({
  id: z
    .string()
    .regex(/^[1-4]\.[1-4]$/)
    .describe("Framework id, 1.1 to 4.1"),
  domain: z.string().describe("Framework domain of the standard"),
  name: z.string().describe("Canonical framework name of the standard"),
  rating: RatingSchema.nullable().describe("Rating in the report's ratings table"),
  sectionRating: RatingSchema.nullable().describe("Rating restated in the standard's own section"),
  annexRating: RatingSchema.nullable().describe("Rating restated in an annex (2019 reports)"),
  marker: z.string().nullable().describe("Mark printed on a rating, e.g. '*' or a footnote number"),
  discretion: z.boolean().describe("The report says professional discretion moved this rating"),
  discretionNote: z.string().nullable().describe("The text that explains the discretion"),
  sectionFound: z.boolean().describe("The standard's own section was found in the body"),
  provenance: ProvenanceSchema.nullable().describe("Ratings-table row"),
  sectionProvenance: ProvenanceSchema.nullable().describe("Where the section states its rating"),
  annexProvenance: ProvenanceSchema.nullable().describe("Where an annex states the rating"),
  discretionProvenance: ProvenanceSchema.nullable().describe(
    "Where the professional-discretion note is (a footnote, a legend, the section's sentence)",
  ),
});

/** The figures a key-question row and a prompt row share. */
const FIGURE_FIELDS = {
  text: z.string().describe("As printed (normalised whitespace)"),
  percent: z.number().min(0).max(100).nullable().describe("Printed % 'Yes'"),
  relevant: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe(
      "Printed number of relevant cases (count tables, as in 2020; beside % 'Yes' where a table prints both)",
    ),
  yes: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe(
      "Printed number of 'Yes' answers (count tables, as in 2020; beside % 'Yes' where a table prints both)",
    ),
  subSample: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe("The (sub)sample the table header states, e.g. 'Of the 7 cases ...'"),
  source: z.enum(["body", "annex"]).describe("body: the standard's section; annex: an inspection-data annex"),
};

export const KeyQuestionSchema = z.object({
  id: z
    .string()
    .regex(/^[23]\.[1-4]\.[1-3]$/)
    .describe("Canonical id: standard + theme (1 desistance, 2 child safe, 3 others safe)"),
  standardId: z.string().describe("The standard the key question belongs to"),
  position: z.number().int().positive().describe("Row position in the printed table"),
  ...FIGURE_FIELDS,
  printedNumber: z.string().nullable().describe("Number printed before the question, e.g. '2.1.1.'"),
  provenance: ProvenanceSchema,
});

export const PromptSchema = z.object({
  keyQuestionId: z
    .string()
    .regex(/^[23]\.[1-4]\.[1-3]$/)
    .describe("Canonical id of the key question the prompt belongs to"),
  position: z.number().int().positive().describe("1-based order under its key question"),
  label: z.string().nullable().describe("Letter as printed (a, b, ...), null when unlettered"),
  ...FIGURE_FIELDS,
  provenance: ProvenanceSchema,
});

export const SampleStatementSchema = z.object({
  domain: z
    .enum(["court", "outOfCourt", "resettlement"])
    .describe("Which sample: court, outOfCourt or resettlement"),
  size: z.number().int().min(0).describe("Number of cases stated"),
  provenance: ProvenanceSchema,
});

export const SubSampleStatementSchema = z.object({
  domain: z
    .enum(["court", "outOfCourt"])
    .describe("The sample it is part of: the one the report states last before it"),
  theme: z
    .enum(["child-safety", "others-safety"])
    .describe("Whose safety the cases concern: the child's (key questions x.x.2) or other people's (x.x.3)"),
  keyQuestionId: z
    .string()
    .regex(/^(?:2\.[1-4]|3\.[1-3])\.[23]$/)
    .nullable()
    .describe(
      "The key question counted over these cases, where the sentence names the work (planning: 2.2.2 or 2.2.3, and so on); null where it names none",
    ),
  size: z.number().int().min(0).describe("Number of cases stated"),
  provenance: ProvenanceSchema,
});

export const SamplesSchema = z.object({
  court: z.number().int().min(0).nullable().describe("Court-disposal cases inspected"),
  outOfCourt: z.number().int().min(0).nullable().describe("Out-of-court cases inspected"),
  resettlement: z.number().int().min(0).nullable().describe("Resettlement cases inspected"),
});

export const FACT_GROUPS = [
  "population",
  "first_time_entrants",
  "reoffending",
  "age",
  "ethnicity",
  "gender",
  "caseload",
  "offence_type",
  "staffing",
  "caseload_characteristics",
] as const;

export const ContextualFactSchema = z.object({
  group: z.enum(FACT_GROUPS).describe("Kind of fact"),
  label: z.string().describe("Column heading of a split table, or the printed label"),
  subject: z
    .string()
    .nullable()
    .describe(
      "Row heading of a split table (e.g. 'National average'), quotes and dashes made plain as in labels",
    ),
  role: z
    .enum(["service", "comparator"])
    .nullable()
    .describe("Whether the figure describes the service or a comparator"),
  value: z
    .number()
    .nullable()
    .describe("Printed number; null when the label is printed but the figure is not"),
  unit: z.enum(["percent", "count", "rate_per_100k"]).describe("Unit of the value"),
  provenance: ProvenanceSchema,
});

export const RecommendationSchema = z.object({
  position: z.number().int().positive().describe("Order in the list"),
  number: z.number().int().positive().nullable().describe("Number as printed; null if the item has none"),
  addressee: z.string().nullable().describe("Who the report asks to act ('The YOS Management Board')"),
  text: z.string().describe("Recommendation as printed"),
  provenance: ProvenanceSchema,
});

export const RecommendationsSchema = z.object({
  statedCount: z.number().int().min(0).nullable().describe("'we have made seven recommendations'"),
  statedCountProvenance: ProvenanceSchema.nullable(),
  items: z.array(RecommendationSchema),
});

export const WarningSchema = z.object({
  // A string column (no CHECK): a database keeps accepting codes later versions add.
  code: z
    .string()
    .refine(isWarningCode, { message: "not a code listed in schemas/warning-codes.ts" })
    .describe(
      "Stable id of what could not be read, e.g. 'score-missing' (listed under Warning codes in docs/schema.md)",
    ),
  message: z.string().describe("What could not be read"),
  provenance: ProvenanceSchema.nullable(),
});

export const RatingStatementSchema = z.object({
  subject: z.string().describe("'overall' or a standard id"),
  rating: RatingSchema,
  where: z
    .enum(["foreword", "summary", "ratings-table", "section", "annex", "prose"])
    .describe("Where the rating is stated"),
  provenance: ProvenanceSchema,
});

export const MethodologyStatementSchema = z.object({
  kind: z
    .enum(["standards-count", "score-scale", "score-band", "question-band"])
    .describe(
      "What the methodology text states: number of scored standards, total score scale, a band of the total, a band of the lowest key question",
    ),
  count: z.number().int().nullable().describe("standards-count: the number stated"),
  low: z.number().nullable().describe("Lower end of the range stated (score or percent)"),
  high: z.number().nullable().describe("Upper end of the range stated; null when open ('80%+')"),
  rating: RatingSchema.nullable().describe("The rating the band gives"),
  provenance: ProvenanceSchema,
});

export const QuestionNumberSchema = z.object({
  printed: z.string().describe("Number printed before a key question, e.g. '2.1.1'"),
  keyQuestionId: z.string().describe("Canonical id the question was read as, from its wording and place"),
  provenance: ProvenanceSchema,
});

export const ProsePercentSchema = z.object({
  standardId: z.string().describe("The standard whose section the sentence is in"),
  keyQuestionId: z.string().describe("The key question whose theme the sentence names"),
  percent: z.number().describe("The 'N per cent' the sentence quotes"),
  sentence: z.string(),
  provenance: ProvenanceSchema,
});

export const NarrativeSectionSchema = z.object({
  section: z.string().describe("Section title: front matter, summary, or a standard ('2.1 Assessment')"),
  standardId: z.string().nullable().describe("The standard the section is about, if any"),
  text: z.string().describe("The section's text, one source line per line"),
  provenance: ProvenanceSchema.describe("Where the section begins"),
});

export const CompletenessItemSchema = z.object({
  found: z.number().int().min(0),
  expected: z.number().int().min(0),
  missing: z.array(z.string()).describe("What was expected and not found"),
  note: z.string().nullable(),
});

export const CompletenessSchema = z.object({
  standards: CompletenessItemSchema,
  keyQuestions: CompletenessItemSchema,
  prompts: CompletenessItemSchema,
  facts: CompletenessItemSchema,
  found: z.number().int().min(0),
  expected: z.number().int().min(0),
});

export const ReportRecordSchema = z.object({
  parserVersion: z.string(),
  source: SourceSchema,
  area: z
    .string()
    .nullable()
    .describe(
      "Inspected area, from the cover (else from the running page headers, else from the service the ratings table names)",
    ),
  serviceName: z
    .string()
    .nullable()
    .describe(
      "Service name heading the ratings table; where that heading cannot be read, the name the recommendations address the service by with the area's name ('The Kirklees Youth Justice Service should:')",
    ),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .nullable()
    .describe("Publication month from the cover (YYYY-MM)"),
  fieldworkStart: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .nullable()
    .describe(
      "Fieldwork start (YYYY-MM): the ratings table's \"Fieldwork started\", else the month of the report's sentence on its fieldwork",
    ),
  leadInspector: z.string().nullable().describe("Lead inspector (acknowledgements)"),
  reinspection: z
    .boolean()
    .nullable()
    .describe(
      "true when the report says it is a re-inspection (its cover's title, its running page headers, or a sentence such as 'This was a re-inspection of the service'); false when a title or header was read and nothing says so; null when neither was read",
    ),
  overallRating: RatingSchema.nullable().describe(
    "Overall rating: the ratings table's, else (the table's row unreadable) the report's own statement of it in the foreword or a summary, with the warning overall-rating-from-statement",
  ),
  statedScore: z
    .number()
    .int()
    .min(0)
    .max(36)
    .nullable()
    .describe("Score N/36 as printed; null when absent or illegible"),
  computedScore: z
    .number()
    .int()
    .min(0)
    .max(36)
    .nullable()
    .describe("Sum of the 12 core standards' table ratings; null if any is missing"),
  standardsEdition: z
    .enum(["joint-working", "policy-and-provision"])
    .describe(
      "joint-working: 2018-2021 framework (3.4 Joint working); policy-and-provision: 3.4 out-of-court disposal policy and provision, with 4.1 resettlement",
    ),
  identityProvenance: z.record(z.string(), ProvenanceSchema),
  standards: z.array(StandardSchema),
  keyQuestions: z.array(KeyQuestionSchema),
  prompts: z.array(PromptSchema),
  samples: SamplesSchema,
  sampleStatements: z.array(SampleStatementSchema),
  subSampleStatements: z
    .array(SubSampleStatementSchema)
    .describe(
      "Sub-samples the methodology states: 'in the 19 cases where we expected meaningful work to take place' (keeping the child safe)",
    ),
  contextualFacts: z.array(ContextualFactSchema),
  recommendations: RecommendationsSchema,
  ratingStatements: z.array(RatingStatementSchema),
  methodology: z
    .array(MethodologyStatementSchema)
    .describe("Scoring rules as the report's own methodology states them"),
  questionNumbers: z
    .array(QuestionNumberSchema)
    .describe("Printed key-question numbers and what they were read as"),
  prosePercents: z
    .array(ProsePercentSchema)
    .describe("'N per cent' quoted by a standard section's prose, tied to a key question"),
  narrative: z.array(NarrativeSectionSchema).describe("The report's text by section, for full-text search"),
  completeness: CompletenessSchema,
  warnings: z.array(WarningSchema),
});

export type Provenance = z.infer<typeof ProvenanceSchema>;
export type Standard = z.infer<typeof StandardSchema>;
export type KeyQuestion = z.infer<typeof KeyQuestionSchema>;
export type Prompt = z.infer<typeof PromptSchema>;
export type Samples = z.infer<typeof SamplesSchema>;
export type SampleStatement = z.infer<typeof SampleStatementSchema>;
export type SubSampleStatement = z.infer<typeof SubSampleStatementSchema>;
export type ContextualFact = z.infer<typeof ContextualFactSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
export type Recommendations = z.infer<typeof RecommendationsSchema>;
export type ReportWarning = z.infer<typeof WarningSchema>;
export type RatingStatement = z.infer<typeof RatingStatementSchema>;
export type Completeness = z.infer<typeof CompletenessSchema>;
export type MethodologyStatement = z.infer<typeof MethodologyStatementSchema>;
export type QuestionNumber = z.infer<typeof QuestionNumberSchema>;
export type ProsePercent = z.infer<typeof ProsePercentSchema>;
export type NarrativeSection = z.infer<typeof NarrativeSectionSchema>;
export type ReportRecord = z.infer<typeof ReportRecordSchema>;
export type FactGroup = (typeof FACT_GROUPS)[number];
