import { type AuditRule, finding } from "../rule.js";

/** Months between two "YYYY-MM" months (b after a: positive). */
function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split("-").map(Number) as [number, number];
  const [yb, mb] = b.split("-").map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}

export const datesOrder: AuditRule = {
  id: "dates-order",
  description:
    "Fieldwork starts before the report is published, and within a year of it (a later or far earlier fieldwork month is a misprint, or a date read from the wrong sentence)",
  severity: "error",
  check(record) {
    const { fieldworkStart, published } = record;
    if (!fieldworkStart || !published) return [];
    const gap = monthsBetween(fieldworkStart.slice(0, 7), published);
    const provenance = [record.identityProvenance.fieldworkStart, record.identityProvenance.published];
    const values = { fieldworkStart, published, months: gap };
    if (gap < 0)
      return [
        finding(this, record, {
          severity: "error",
          message: `Fieldwork is said to start in ${fieldworkStart}, after the report's publication in ${published}.`,
          values,
          arithmetic: `${fieldworkStart} > ${published}`,
          provenance,
        }),
      ];
    if (gap > 12)
      return [
        finding(this, record, {
          severity: "warning",
          message: `Fieldwork is said to start in ${fieldworkStart}, ${gap} months before the report's publication in ${published} (reports follow their fieldwork within months).`,
          values,
          arithmetic: `${published} − ${fieldworkStart} = ${gap} months > 12`,
          provenance,
        }),
      ];
    return [];
  },
};
