import { isShareOf } from "../../../parsers/questions.js";
import { type AuditRule, capitalised, figureRows, finding, round1 } from "../rule.js";

export const countShare: AuditRule = {
  id: "count-share",
  description:
    "Where a table prints a row's counts and its percentage (columns Relevant cases, Number 'Yes' and % 'Yes'), the percentage is the counts' share: 100·yes/relevant, rounded to the whole number either way",
  severity: "error",
  check(record) {
    const out = [];
    for (const { id, label, standardId, row } of figureRows(record)) {
      const { percent, relevant, yes } = row;
      // (More 'Yes' than relevant cases is count-order's finding; no share of none is printable.)
      if (percent === null || relevant === null || yes === null || relevant === 0 || yes > relevant) continue;
      if (isShareOf(relevant, yes, percent)) continue;
      const share = (100 * yes) / relevant;
      out.push(
        finding(this, record, {
          severity: "error",
          standardId,
          questionId: id,
          message: `${capitalised(label)} prints ${percent}% beside ${yes} 'Yes' of ${relevant} relevant cases, whose share is ${round1(share)}%.`,
          values: { percent, yes, relevant },
          arithmetic: `100 × ${yes} / ${relevant} = ${round1(share)} ≠ ${percent}`,
          provenance: [row.provenance],
        }),
      );
    }
    return out;
  },
};
