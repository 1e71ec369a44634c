import { RATING_SCORE } from "../../../parsers/framework.js";
import { type AuditRule, finding } from "../rule.js";

export const scoreSum: AuditRule = {
  id: "score-sum",
  description:
    "The stated score (N/36) equals the sum of the 12 core standards' scores (Inadequate 0 … Outstanding 3)",
  severity: "error",
  check(record) {
    if (record.statedScore === null || record.computedScore === null) return [];
    if (record.statedScore === record.computedScore) return [];
    const core = record.standards.filter((s) => s.id !== "4.1");
    const terms = core
      .map((s) => `${s.id} ${RATING_SCORE[s.rating as keyof typeof RATING_SCORE]}`)
      .join(" + ");
    return [
      finding(this, record, {
        severity: "error",
        message: `The report states a score of ${record.statedScore}/36, but its 12 standard ratings add up to ${record.computedScore}.`,
        values: { statedScore: record.statedScore, computedScore: record.computedScore },
        arithmetic: `${terms} = ${record.computedScore} ≠ ${record.statedScore}`,
        provenance: [record.identityProvenance.statedScore, ...core.map((s) => s.provenance)],
      }),
    ];
  },
};
