// tabulate: a report record (and its audit findings) -> the rows of the database tables, as
// plain arrays of column values. Runs in the parse workers, so that the single writer only binds.
import type { Finding } from "../schemas/finding.js";
import type { ReportRecord } from "../schemas/report.js";
import { type ColumnValue, type FindingRow, rowValues, tableNamed } from "../schemas/sql.js";

/**
 * A finding as its row in the findings table. Field by field: the rules build findings of many
 * shapes, and spreading one ({...f}) costs more than all the row's JSON.
 */
export function findingRow(f: Finding): FindingRow {
  const first = f.provenance[0] ?? null;
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    standardId: f.standardId,
    questionId: f.questionId,
    message: f.message,
    arithmetic: f.evidence.arithmetic,
    evidence: JSON.stringify(f.evidence.values),
    line: first?.line ?? null,
    page: first?.page ?? null,
    snippet: first?.snippet ?? null,
    provenance: JSON.stringify(f.provenance),
  };
}

/** The tables a report's rows go to, in the order they are written. */
export const CHILD_TABLES = [
  "standards",
  "key_questions",
  "prompts",
  "contextual_facts",
  "recommendations",
  "sample_statements",
  "sub_sample_statements",
  "rating_statements",
  "warnings",
  "findings",
  "narrative_sections",
] as const;

/**
 * A report as the rows of its tables, each row its column values in column order. Plain
 * arrays: a worker tabulates, the writer only binds (and arrays cross between threads at a
 * fraction of the cost of the record's objects).
 */
export interface ReportRows {
  document: { file: string; sha256: string; format: ReportRecord["source"]["format"]; parserVersion: string };
  report: ColumnValue[];
  children: Record<(typeof CHILD_TABLES)[number], ColumnValue[][]>;
}

export function reportRows(record: ReportRecord, findings: Finding[] = []): ReportRows {
  const reports = tableNamed("reports");
  const rowsOf = (name: string, items: unknown[]) => {
    const t = tableNamed(name);
    return items.map((item) => rowValues(t, item));
  };
  return {
    document: {
      file: record.source.file,
      sha256: record.source.sha256,
      format: record.source.format,
      parserVersion: record.parserVersion,
    },
    report: rowValues(reports, {
      ...record,
      recommendationsStated: record.recommendations.statedCount,
      completenessFound: record.completeness.found,
      completenessExpected: record.completeness.expected,
      completeness: JSON.stringify(record.completeness),
    }),
    children: {
      standards: rowsOf("standards", record.standards),
      key_questions: rowsOf("key_questions", record.keyQuestions),
      prompts: rowsOf("prompts", record.prompts),
      contextual_facts: rowsOf("contextual_facts", record.contextualFacts),
      recommendations: rowsOf("recommendations", record.recommendations.items),
      sample_statements: rowsOf("sample_statements", record.sampleStatements),
      sub_sample_statements: rowsOf("sub_sample_statements", record.subSampleStatements),
      rating_statements: rowsOf("rating_statements", record.ratingStatements),
      warnings: rowsOf("warnings", record.warnings),
      findings: rowsOf("findings", findings.map(findingRow)),
      narrative_sections: rowsOf("narrative_sections", record.narrative),
    },
  };
}
