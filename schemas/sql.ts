// SQLite tables derived from the zod record schemas: one column per scalar field, nested
// objects (provenance) flattened with a prefix, descriptions kept for the documentation.
import { z } from "zod";
import { FindingSchema } from "./finding.js";
import {
  ContextualFactSchema,
  KeyQuestionSchema,
  NarrativeSectionSchema,
  PromptSchema,
  RatingStatementSchema,
  RecommendationSchema,
  ReportRecordSchema,
  SampleStatementSchema,
  StandardSchema,
  SubSampleStatementSchema,
  WarningSchema,
} from "./report.js";

export interface Column {
  name: string;
  sqlType: "TEXT" | "INTEGER" | "REAL";
  nullable: boolean;
  description: string | null;
  /** Allowed values, for enums. */
  values: string[] | null;
  /** Path of the value in the record object ("provenance.line"). */
  path: string[];
}

export interface TableDefinition {
  name: string;
  description: string;
  /** Columns that come from the schema (besides id and the parent key). */
  columns: Column[];
  parent: "documents" | "reports" | null;
}

interface JsonSchemaNode {
  type?: string | string[];
  anyOf?: JsonSchemaNode[];
  enum?: string[];
  properties?: Record<string, JsonSchemaNode>;
  description?: string;
}

export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

function columnsOf(
  node: JsonSchemaNode,
  path: string[],
  nullable: boolean,
  description: string | null,
): Column[] {
  const variants = node.anyOf ?? [node];
  const isNull = (v: JsonSchemaNode) => v.type === "null";
  const nonNull = variants.filter((v) => !isNull(v));
  const canBeNull =
    nullable || variants.some(isNull) || (Array.isArray(node.type) && node.type.includes("null"));
  const main = nonNull[0] ?? node;
  const desc = node.description ?? main.description ?? description;
  const types = (Array.isArray(main.type) ? main.type : [main.type]).filter((t) => t && t !== "null");
  const type = types[0];
  if (type === "object" && main.properties) {
    return Object.entries(main.properties).flatMap(([key, child]) =>
      columnsOf(child, [...path, key], canBeNull, null),
    );
  }
  if (type === "array")
    throw new Error(`array field ${path.join(".")} cannot be a column; give it its own table`);
  const sqlType = type === "integer" || type === "boolean" ? "INTEGER" : type === "number" ? "REAL" : "TEXT";
  return [
    {
      name: path.map(snake).join("_"),
      sqlType,
      nullable: canBeNull,
      description: desc ?? null,
      values: main.enum ?? (type === "boolean" ? ["0", "1"] : null),
      path,
    },
  ];
}

function tableFrom(
  name: string,
  schema: z.ZodObject,
  parent: TableDefinition["parent"],
  description: string,
): TableDefinition {
  const json = z.toJSONSchema(schema, { unrepresentable: "any" }) as JsonSchemaNode;
  return { name, description, columns: columnsOf(json, [], false, null), parent };
}

export const ReportRowSchema = ReportRecordSchema.pick({
  area: true,
  serviceName: true,
  published: true,
  fieldworkStart: true,
  leadInspector: true,
  reinspection: true,
  overallRating: true,
  statedScore: true,
  computedScore: true,
  standardsEdition: true,
  samples: true,
}).extend({
  recommendationsStated: z
    .number()
    .int()
    .nullable()
    .describe("Number of recommendations the report says it makes"),
  completenessFound: z
    .number()
    .int()
    .describe("Values found (standards, key questions, prompts, core facts)"),
  completenessExpected: z.number().int().describe("Values a report of this edition should print"),
  completeness: z.string().describe("JSON: found/expected/missing per part"),
});

export const DocumentRowSchema = z.object({
  file: z.string().describe("Path of the input file as given"),
  sha256: z.string().nullable().describe("SHA-256 of the file's bytes (null if unreadable)"),
  format: z
    .enum(["text", "markdown", "pdf"])
    .nullable()
    .describe(
      "Format detected from the content; a web page (HTML) is recorded as the dialect its text is read in (markdown or text), with the warning html-page",
    ),
  status: z
    .enum(["ok", "partial", "failed", "duplicate"])
    .describe(
      "ok: parsed and loaded; partial: loaded, but parts of the report could not be read (see error); failed: nothing loaded (see error); duplicate: same content as duplicate_of, loaded once there",
    ),
  errorCode: z.string().nullable().describe("Stable error code, e.g. E_EMPTY, E_NOT_A_YOS_REPORT"),
  error: z
    .string()
    .nullable()
    .describe("Message naming the file and the reason (for partial: what is missing)"),
  duplicateOf: z.string().nullable().describe("For a duplicate: the file whose identical content was loaded"),
  size: z.number().int().nullable().describe("File size in bytes"),
  mtimeMs: z
    .number()
    .nullable()
    .describe("File modification time (ms since 1970), for skipping unchanged files"),
  parserVersion: z.string().describe("Version of the extractor that read the file"),
  loadedAt: z.string().describe("ISO timestamp of the load"),
  // Last, so that a database made before it (schema 4) gains it where a new one has it.
  path: z
    .string()
    .nullable()
    .describe(
      "Absolute path the file was read from at its last load (file is the name it was loaded under): the same file named from another folder is this document. Null in a database made before schema 5 until the file is read again",
    ),
});

export const FindingRowSchema = FindingSchema.pick({
  ruleId: true,
  severity: true,
  standardId: true,
  questionId: true,
  message: true,
}).extend({
  arithmetic: z.string().describe("The check, worked out"),
  evidence: z.string().describe("JSON: the values the finding rests on"),
  line: z.number().int().nullable().describe("Line of the first value used"),
  page: z.number().int().nullable().describe("Page of the first value used"),
  snippet: z.string().nullable().describe("Source text of the first value used"),
  provenance: z.string().describe("JSON: line, page and snippet of every value used"),
});
export type FindingRow = z.infer<typeof FindingRowSchema>;

export const TABLES: TableDefinition[] = [
  tableFrom("documents", DocumentRowSchema, null, "One row per input file loaded, with its outcome"),
  tableFrom(
    "reports",
    ReportRowSchema,
    "documents",
    "One row per inspection report: identity, overall rating, scores, samples",
  ),
  tableFrom(
    "standards",
    StandardSchema,
    "reports",
    "Each standard's rating as the ratings table, its section and any annex state it",
  ),
  tableFrom(
    "key_questions",
    KeyQuestionSchema,
    "reports",
    "Key-question figures, once per place printed (body or annex)",
  ),
  tableFrom("prompts", PromptSchema, "reports", "Prompt figures under each key question"),
  tableFrom(
    "contextual_facts",
    ContextualFactSchema,
    "reports",
    "Population, rates, caseload splits, staffing and caseload facts",
  ),
  tableFrom(
    "recommendations",
    RecommendationSchema,
    "reports",
    "Listed recommendations with their addressee",
  ),
  tableFrom(
    "sample_statements",
    SampleStatementSchema,
    "reports",
    "Every place the report states a sample size",
  ),
  tableFrom(
    "sub_sample_statements",
    SubSampleStatementSchema,
    "reports",
    "Every sub-sample the methodology states, with the key question it counts where it names one",
  ),
  tableFrom(
    "rating_statements",
    RatingStatementSchema,
    "reports",
    "Every place a rating is stated (table, section, annex, prose)",
  ),
  tableFrom("warnings", WarningSchema, "reports", "What the extractor could not read, with where"),
  tableFrom(
    "findings",
    FindingRowSchema,
    "reports",
    "Audit findings: rule, severity, message, arithmetic and sources",
  ),
  tableFrom(
    "narrative_sections",
    NarrativeSectionSchema,
    "reports",
    "The report's text by section; searched through narrative_fts",
  ),
];

export const INDEXES: string[] = [
  "CREATE INDEX IF NOT EXISTS idx_reports_document ON reports(document_id)",
  // The same inspection read from two files is looked for by area (views.ts sameInspectionSql).
  "CREATE INDEX IF NOT EXISTS idx_reports_area ON reports(area COLLATE NOCASE)",
  "CREATE INDEX IF NOT EXISTS idx_standards_report ON standards(report_id, id)",
  "CREATE INDEX IF NOT EXISTS idx_key_questions_report ON key_questions(report_id, id)",
  "CREATE INDEX IF NOT EXISTS idx_key_questions_id ON key_questions(id)",
  "CREATE INDEX IF NOT EXISTS idx_prompts_report ON prompts(report_id, key_question_id)",
  'CREATE INDEX IF NOT EXISTS idx_facts_report ON contextual_facts(report_id, "group")',
  "CREATE INDEX IF NOT EXISTS idx_recommendations_report ON recommendations(report_id)",
  "CREATE INDEX IF NOT EXISTS idx_sample_statements_report ON sample_statements(report_id)",
  "CREATE INDEX IF NOT EXISTS idx_sub_sample_statements_report ON sub_sample_statements(report_id)",
  "CREATE INDEX IF NOT EXISTS idx_rating_statements_report ON rating_statements(report_id)",
  "CREATE INDEX IF NOT EXISTS idx_warnings_report ON warnings(report_id)",
  "CREATE INDEX IF NOT EXISTS idx_findings_report ON findings(report_id, severity)",
  "CREATE INDEX IF NOT EXISTS idx_narrative_report ON narrative_sections(report_id)",
  // Full-text search over the narrative (SQLite FTS5, external content). The writer indexes a
  // batch's reports in the batch's own transaction (row by row, each report's savepoint would
  // flush the index: three times the cost); rows leave the index by this trigger, also when a
  // report goes by cascade.
  `CREATE VIRTUAL TABLE IF NOT EXISTS narrative_fts USING fts5(section, text, content='narrative_sections', content_rowid='id', tokenize='porter unicode61')`,
  "DROP TRIGGER IF EXISTS narrative_ai",
  "DROP TRIGGER IF EXISTS narrative_ad",
  `CREATE TRIGGER IF NOT EXISTS narrative_fts_delete AFTER DELETE ON narrative_sections BEGIN
     INSERT INTO narrative_fts(narrative_fts, rowid, section, text) VALUES ('delete', old.id, old.section, old.text);
   END`,
];

function quote(name: string): string {
  return `"${name}"`;
}

/** A column's definition as CREATE TABLE writes it: name, type, NOT NULL, allowed values. */
function columnSql(c: Column): string {
  const checks =
    c.values && c.sqlType === "TEXT"
      ? ` CHECK (${quote(c.name)} IN (${c.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}))`
      : "";
  return `${quote(c.name)} ${c.sqlType}${c.nullable ? "" : " NOT NULL"}${checks}`;
}

/**
 * ALTER TABLE statements adding a table's columns whose names start with `prefix` (a field added
 * to its zod schema), as a migration writes them: from the one definition the table has.
 */
export function addColumnsSql(table: string, prefix: string): string[] {
  const columns = tableNamed(table).columns.filter((c) => c.name.startsWith(prefix));
  if (columns.length === 0) throw new Error(`no column ${prefix}* in ${table}`);
  return columns.map((c) => `ALTER TABLE ${quote(table)} ADD COLUMN ${columnSql(c)}`);
}

export function createTableSql(t: TableDefinition): string {
  const cols: string[] = [];
  // Tables whose records have their own "id" (standards, key questions) get a row_id key.
  const hasId = t.columns.some((c) => c.name === "id");
  const key = hasId ? "row_id" : "id";
  cols.push(`${quote(key)} INTEGER PRIMARY KEY`);
  if (t.parent) {
    const fk = t.parent === "documents" ? "document_id" : "report_id";
    cols.push(`${quote(fk)} INTEGER NOT NULL REFERENCES ${t.parent}(id) ON DELETE CASCADE`);
  }
  for (const c of t.columns) cols.push(columnSql(c));
  if (t.name === "documents") cols.push('UNIQUE ("file")');
  return `CREATE TABLE IF NOT EXISTS ${quote(t.name)} (\n  ${cols.join(",\n  ")}\n)`;
}

export function schemaSql(): string[] {
  return [...TABLES.map(createTableSql), ...INDEXES];
}

/** The table of that name. */
export function tableNamed(name: string): TableDefinition {
  const t = TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** What one column of a row holds. */
export type ColumnValue = string | number | null;

/** The column values of one record object, in column order. */
export function rowValues(t: TableDefinition, obj: unknown): ColumnValue[] {
  return t.columns.map((c) => {
    let v: unknown = obj;
    for (const key of c.path) v = v === null || v === undefined ? null : (v as Record<string, unknown>)[key];
    if (v === undefined || v === null) return null;
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v === "number" || typeof v === "string") return v;
    return JSON.stringify(v);
  });
}
