import { type AuditRule, finding } from "../rule.js";

export const recommendationsCount: AuditRule = {
  id: "recommendations-count",
  description:
    "The number of recommendations the report says it makes equals the number listed, numbered 1, 2, 3 … without gaps or repeats",
  severity: "error",
  check(record) {
    const out = [];
    const { statedCount, items, statedCountProvenance } = record.recommendations;
    if (statedCount !== null && items.length > 0 && statedCount !== items.length) {
      out.push(
        finding(this, record, {
          severity: "error",
          message: `The report says it makes ${statedCount} recommendations but lists ${items.length}.`,
          values: { statedCount, listed: items.length },
          arithmetic: `${statedCount} ≠ ${items.length}`,
          provenance: [statedCountProvenance, ...items.map((i) => i.provenance)],
        }),
      );
    }
    const numbers = items.map((i) => i.number);
    items.forEach((item, i) => {
      if (item.number !== null && item.number !== i + 1) {
        out.push(
          finding(this, record, {
            severity: "warning",
            message: `Recommendation ${i + 1} in the list is numbered ${item.number}.`,
            values: { position: i + 1, number: item.number },
            arithmetic: `expected ${i + 1}, printed ${item.number} (numbers: ${numbers.map((n) => n ?? "–").join(", ")})`,
            provenance: [item.provenance],
          }),
        );
      }
    });
    return out;
  },
};
