import type { ContextualFact } from "../../../schemas/report.js";
import { type AuditRule, finding, round1 } from "../rule.js";

/** The service's whole staff: "Total staff headcount (full-time equivalent, FTE)". */
const isTotal = (f: ContextualFact) => f.unit === "count" && /^total staff headcount\b/i.test(f.label);
/** A headcount of case managers: "Total headcount qualified case managers (FTE)", "... other case managers". */
const isCaseManagers = (f: ContextualFact) =>
  f.unit === "count" &&
  /\bheadcount\b.*\bcase managers\b/i.test(f.label) &&
  !/\b(?:average|rate)\b/i.test(f.label);

/**
 * Case managers are staff: a count of them larger than the whole staff is a figure misprinted or
 * misread (a note's marker run into it, "(FTE) 178.6" for note 17 and 8.6, as pypdf writes a
 * raised number before a cell).
 */
export const staffingHeadcount: AuditRule = {
  id: "staffing-headcount",
  description:
    "Staffing facts agree: no headcount of case managers, nor all of them together, is larger than the service's total staff headcount",
  severity: "warning",
  check(record) {
    const staffing = record.contextualFacts.filter((f) => f.group === "staffing" && f.value !== null);
    const total = staffing.find(isTotal);
    if (!total) return [];
    const whole = total.value as number;
    const parts = staffing.filter(isCaseManagers);
    const out = parts
      .filter((p) => (p.value as number) > whole)
      .map((p) =>
        finding(this, record, {
          severity: "warning",
          message: `'${p.label}' is ${p.value}, more than the total staff headcount of ${whole}.`,
          values: { [total.label]: whole, [p.label]: p.value },
          arithmetic: `${p.value} > ${whole}`,
          provenance: [total.provenance, p.provenance],
        }),
      );
    const sum = round1(parts.reduce((s, p) => s + (p.value as number), 0));
    if (out.length === 0 && parts.length >= 2 && sum > whole)
      out.push(
        finding(this, record, {
          severity: "warning",
          message: `The case managers' headcounts add up to ${sum}, more than the total staff headcount of ${whole}.`,
          values: { [total.label]: whole, ...Object.fromEntries(parts.map((p) => [p.label, p.value])) },
          arithmetic: `${parts.map((p) => p.value).join(" + ")} = ${sum} > ${whole}`,
          provenance: [total.provenance, ...parts.map((p) => p.provenance)],
        }),
      );
    return out;
  },
};
