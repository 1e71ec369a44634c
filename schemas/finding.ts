// An audit finding: what rule, how serious, about what, the arithmetic, and where each value
// it rests on was read, so that a reader can check it.
import { z } from "zod";
import { ProvenanceSchema } from "./report.js";

export const SEVERITIES = ["error", "warning", "info"] as const;
export const SeveritySchema = z
  .enum(SEVERITIES)
  .describe(
    "error: the report contradicts a published rule or itself; warning: suspicious or unverifiable; info: a deviation the report explains",
  );

export const FindingSchema = z.object({
  ruleId: z.string().describe("Stable id of the audit rule, e.g. 'score-sum'"),
  severity: SeveritySchema,
  file: z.string().describe("The report's source file"),
  area: z.string().nullable().describe("The inspected area"),
  standardId: z.string().nullable().describe("The standard concerned, where one is"),
  questionId: z.string().nullable().describe("The key question concerned, where one is"),
  message: z.string().describe("What is wrong, in words a non-programmer understands"),
  evidence: z.object({
    values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).describe("The values used"),
    arithmetic: z.string().describe("The check, worked out"),
  }),
  provenance: z.array(ProvenanceSchema).describe("Where each value used was read"),
});

export type Severity = z.infer<typeof SeveritySchema>;
export type Finding = z.infer<typeof FindingSchema>;

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
