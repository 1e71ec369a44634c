import { type AuditRule, finding } from "../rule.js";

export const recommendationsCount: AuditRule = {
  id: "recommendations-count",
  description:
    "The number of recommendations the report says it makes equals the number listed, numbered 1, 2, 3 … without gaps or repeats (through the list, or from 1 for each addressee)",
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
    // Some reports number each addressee's recommendations from 1 ("The YJS should: 1. 2. 3.",
    // "The police should: 1."): that numbering is whole too.
    let inGroup = 0;
    const byAddressee = items.every((item, i) => {
      inGroup = i > 0 && item.addressee === items[i - 1]?.addressee ? inGroup + 1 : 1;
      return item.number === null || item.number === inGroup;
    });
    if (byAddressee) return out;
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
