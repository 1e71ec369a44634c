import { type AuditRule, domainSample, figureRows, finding } from "../rule.js";

export const countOrder: AuditRule = {
  id: "count-order",
  description:
    "Printed counts are in order: yes ≤ relevant ≤ (sub)sample, and a sub-sample is no larger than the sample",
  severity: "error",
  check(record) {
    const out = [];
    for (const { id, label, standardId, row } of figureRows(record)) {
      const sample = domainSample(record, standardId);
      const problems: [string, string][] = [];
      if (row.yes !== null && row.relevant !== null && row.yes > row.relevant)
        problems.push([
          `${row.yes} 'Yes' answers out of ${row.relevant} relevant cases`,
          `${row.yes} > ${row.relevant}`,
        ]);
      if (row.relevant !== null && row.subSample !== null && row.relevant > row.subSample)
        problems.push([
          `${row.relevant} relevant cases in a table of ${row.subSample}`,
          `${row.relevant} > ${row.subSample}`,
        ]);
      if (row.relevant !== null && sample !== null && row.relevant > sample)
        problems.push([
          `${row.relevant} relevant cases in a sample of ${sample}`,
          `${row.relevant} > ${sample}`,
        ]);
      if (row.subSample !== null && sample !== null && row.subSample > sample)
        problems.push([
          `a sub-sample of ${row.subSample} in a sample of ${sample}`,
          `${row.subSample} > ${sample}`,
        ]);
      for (const [what, arithmetic] of problems) {
        out.push(
          finding(this, record, {
            severity: "error",
            standardId,
            questionId: id,
            message: `The ${label} prints ${what}.`,
            values: { yes: row.yes, relevant: row.relevant, subSample: row.subSample, sample },
            arithmetic,
            provenance: [row.provenance],
          }),
        );
      }
    }
    return out;
  },
};
