// The shape of an audit rule: one module per rule in src/audit/rules/, each with a stable id,
// a one-line description, its default severity and a check over one report's record.
import type { Finding, Severity } from "../../schemas/finding.js";
import type { Provenance, ReportRecord } from "../../schemas/report.js";

export interface AuditRule {
  id: string;
  description: string;
  /** The severity of the rule's main finding (some rules also report lesser ones). */
  severity: Severity;
  check(record: ReportRecord): Finding[];
}

export interface FindingInput {
  severity: Severity;
  standardId?: string | null;
  questionId?: string | null;
  message: string;
  values: Finding["evidence"]["values"];
  arithmetic: string;
  provenance: (Provenance | null | undefined)[];
}

/** A finding of `rule` about `record`. */
export function finding(rule: Pick<AuditRule, "id">, record: ReportRecord, input: FindingInput): Finding {
  return {
    ruleId: rule.id,
    severity: input.severity,
    file: record.source.file,
    area: record.area,
    standardId: input.standardId ?? null,
    questionId: input.questionId ?? null,
    message: input.message,
    evidence: { values: input.values, arithmetic: input.arithmetic },
    provenance: input.provenance.filter((p): p is Provenance => p !== null && p !== undefined),
  };
}

/** A key question's figure as a percentage: printed, or worked out from printed counts. */
export function percentOf(q: { percent: number | null; relevant: number | null; yes: number | null }):
  | number
  | null {
  if (q.percent !== null) return q.percent;
  if (q.relevant !== null && q.yes !== null && q.relevant > 0) return (100 * q.yes) / q.relevant;
  return null;
}

export function describeFigure(q: {
  percent: number | null;
  relevant: number | null;
  yes: number | null;
}): string {
  if (q.percent !== null) return `${q.percent}%`;
  if (q.relevant !== null && q.yes !== null) {
    const p = percentOf(q);
    return `${q.yes} of ${q.relevant} (${p === null ? "?" : round1(p)}%)`;
  }
  return "not printed";
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Half-up rounding, as the inspectorate's tables print whole percentages. */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + 1e-9);
}

/** A sample's name in a finding's message. */
export const SAMPLE_NAMES = {
  court: "court-disposal",
  outOfCourt: "out-of-court",
  resettlement: "resettlement",
} as const;

/** Whose safety a sub-sample's cases concern, in a message. */
export const SAFETY_NAMES = {
  "child-safety": "the child's safety",
  "others-safety": "other people's safety",
} as const;

/**
 * One size stated in several places (a sample, a sub-sample) as more than one number: the
 * sizes, and the evidence of a finding (each line's size, the arithmetic, every place); null
 * where all places agree.
 */
export function sizesStatedApart(
  statements: { size: number; provenance: Provenance }[],
): { sizes: number[]; evidence: Pick<FindingInput, "values" | "arithmetic" | "provenance"> } | null {
  const sizes = [...new Set(statements.map((s) => s.size))];
  if (sizes.length < 2) return null;
  return {
    sizes,
    evidence: {
      values: Object.fromEntries(statements.map((s) => [`line ${s.provenance.line}`, s.size])),
      arithmetic: sizes.join(" ≠ "),
      provenance: statements.map((s) => s.provenance),
    },
  };
}

export function domainSample(record: ReportRecord, standardId: string): number | null {
  if (standardId.startsWith("2.")) return record.samples.court;
  if (standardId.startsWith("3.")) return record.samples.outOfCourt;
  if (standardId.startsWith("4.")) return record.samples.resettlement;
  return null;
}

export interface FigureRow {
  /** The key question (of the prompt). */
  id: string;
  /** How a finding names the row: "key question 2.1.1", "prompt b of key question 2.1.1". */
  label: string;
  standardId: string;
  row: ReportRecord["keyQuestions"][number] | ReportRecord["prompts"][number];
}

/** A sentence's first letter upper case ("Key question 2.1.1 ..."). */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Every key-question and prompt row with a figure, for the rules that check figures. */
export function figureRows(record: ReportRecord): FigureRow[] {
  return [
    ...record.keyQuestions.map((k) => ({
      id: k.id,
      label: `key question ${k.id}`,
      standardId: k.standardId,
      row: k,
    })),
    ...record.prompts.map((p) => ({
      id: p.keyQuestionId,
      label: `prompt ${p.label ?? p.position} of key question ${p.keyQuestionId}`,
      standardId: p.keyQuestionId.slice(0, 3),
      row: p,
    })),
  ];
}
