import { type AuditRule, SAMPLE_NAMES, finding, sizesStatedApart } from "../rule.js";

export const sampleConsistency: AuditRule = {
  id: "sample-consistency",
  description:
    "A sample size stated in several places (methodology, domain introduction, annex) is the same everywhere",
  severity: "error",
  check(record) {
    const out = [];
    for (const domain of ["court", "outOfCourt", "resettlement"] as const) {
      const apart = sizesStatedApart(record.sampleStatements.filter((s) => s.domain === domain));
      if (!apart) continue;
      out.push(
        finding(this, record, {
          severity: "error",
          message: `The ${SAMPLE_NAMES[domain]} sample is stated as ${apart.sizes.join(" and as ")} cases in different places.`,
          ...apart.evidence,
        }),
      );
    }
    return out;
  },
};
