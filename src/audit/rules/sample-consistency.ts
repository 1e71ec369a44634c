import { type AuditRule, SAMPLE_NAMES, finding } from "../rule.js";

export const sampleConsistency: AuditRule = {
  id: "sample-consistency",
  description:
    "A sample size stated in several places (methodology, domain introduction, annex) is the same everywhere",
  severity: "error",
  check(record) {
    const out = [];
    for (const domain of ["court", "outOfCourt", "resettlement"] as const) {
      const statements = record.sampleStatements.filter((s) => s.domain === domain);
      const sizes = [...new Set(statements.map((s) => s.size))];
      if (sizes.length < 2) continue;
      out.push(
        finding(this, record, {
          severity: "error",
          message: `The ${SAMPLE_NAMES[domain]} sample is stated as ${sizes.join(" and as ")} cases in different places.`,
          values: Object.fromEntries(statements.map((s) => [`line ${s.provenance.line}`, s.size])),
          arithmetic: sizes.join(" ≠ "),
          provenance: statements.map((s) => s.provenance),
        }),
      );
    }
    return out;
  },
};
