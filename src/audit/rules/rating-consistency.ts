import type { RatingStatement } from "../../../schemas/report.js";
import { type AuditRule, finding } from "../rule.js";

const WHERE: Record<RatingStatement["where"], string> = {
  "ratings-table": "the ratings table",
  section: "its section",
  annex: "the annex",
  foreword: "the foreword",
  summary: "the summary",
  prose: "the text",
};

export const ratingConsistency: AuditRule = {
  id: "rating-consistency",
  description:
    "A rating is stated the same way in the ratings table, the standard's section, the foreword or summary and any annex; a section found without a rating is a warning",
  severity: "error",
  check(record) {
    const out = [];
    const subjects = new Set(record.ratingStatements.map((s) => s.subject));
    for (const subject of subjects) {
      const statements = record.ratingStatements.filter((s) => s.subject === subject);
      const ratings = new Set(statements.map((s) => s.rating));
      const name = subject === "overall" ? "The overall rating" : `Standard ${subject}'s rating`;
      if (ratings.size > 1) {
        out.push(
          finding(this, record, {
            severity: "error",
            standardId: subject === "overall" ? null : subject,
            message: `${name} is stated differently: ${statements.map((s) => `${s.rating} in ${WHERE[s.where]}`).join("; ")}.`,
            values: Object.fromEntries(statements.map((s, i) => [`${s.where}${i}`, s.rating])),
            arithmetic: `${[...ratings].join(" ≠ ")}`,
            provenance: statements.map((s) => s.provenance),
          }),
        );
      }
    }
    for (const std of record.standards) {
      const other = std.rating ?? std.annexRating;
      // Only when the section was found: a section lost in extraction is an extraction warning.
      if (std.sectionFound && std.sectionRating === null && other !== null) {
        out.push(
          finding(this, record, {
            severity: "warning",
            standardId: std.id,
            message: `Standard ${std.id} (${std.name}) is rated ${other} in the ratings table, but its own section states no rating.`,
            values: { rating: other, sectionRating: null },
            arithmetic: `section rating missing; table says ${other}`,
            provenance: [std.provenance],
          }),
        );
      }
    }
    return out;
  },
};
