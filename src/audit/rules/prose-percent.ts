import { type AuditRule, describeFigure, finding, percentOf, roundHalfUp } from "../rule.js";

export const prosePercent: AuditRule = {
  id: "prose-percent",
  description:
    "A 'N per cent' that a standard section's prose ties to a key question is a figure the tables print for that key question or one of its prompts (checked only where the report prints the prompts)",
  severity: "warning",
  check(record) {
    const out = [];
    for (const s of record.prosePercents) {
      const kqs = record.keyQuestions.filter((k) => k.id === s.keyQuestionId);
      const prompts = record.prompts.filter((p) => p.keyQuestionId === s.keyQuestionId);
      // Without the prompts the sentence may quote a prompt's figure: unverifiable, not a finding.
      if (kqs.length === 0 || prompts.length === 0) continue;
      const printed = [...kqs, ...prompts].map((r) => percentOf(r)).filter((p): p is number => p !== null);
      if (printed.length === 0 || printed.some((p) => roundHalfUp(p) === s.percent)) continue;
      const said = `${s.percent} per cent`;
      out.push(
        finding(this, record, {
          severity: "warning",
          standardId: s.standardId,
          questionId: s.keyQuestionId,
          message: `The text of section ${s.standardId} quotes ${said} about key question ${s.keyQuestionId}, a figure neither the key question (${kqs.map(describeFigure).join(", ")}) nor its prompts print.`,
          values: { quoted: said, keyQuestion: kqs.map(describeFigure).join(", ") },
          arithmetic: `${s.percent} ∉ {${[...new Set(printed.map(roundHalfUp))].sort((a, b) => a - b).join(", ")}}`,
          provenance: [s.provenance, ...kqs.map((k) => k.provenance)],
        }),
      );
    }
    return out;
  },
};
