import { bandOfScore } from "../../../parsers/framework.js";
import { type AuditRule, finding } from "../rule.js";

const BANDS = "0–6 Inadequate, 7–18 Requires improvement, 19–30 Good, 31–36 Outstanding";

export const overallBand: AuditRule = {
  id: "overall-band",
  description: "The overall rating is the band of the score (stated and computed): 0–6, 7–18, 19–30, 31–36",
  severity: "error",
  check(record) {
    const overall = record.overallRating;
    if (overall === null) return [];
    const out = [];
    const scores: [string, number | null][] = [
      ["stated", record.statedScore],
      ["computed", record.computedScore],
    ];
    for (const [kind, score] of scores) {
      if (score === null) continue;
      // A computed score equal to the stated one adds nothing new.
      if (kind === "computed" && record.statedScore === score) continue;
      const band = bandOfScore(score);
      if (band === overall) continue;
      out.push(
        finding(this, record, {
          severity: "error",
          message: `The overall rating is ${overall}, but the ${kind} score of ${score}/36 falls in the ${band} band.`,
          values: { overallRating: overall, [`${kind}Score`]: score, band },
          arithmetic: `${score} is in ${band} (${BANDS}) ≠ ${overall}`,
          provenance: [
            record.identityProvenance.overallRating,
            kind === "stated" ? record.identityProvenance.statedScore : null,
          ],
        }),
      );
    }
    return out;
  },
};
