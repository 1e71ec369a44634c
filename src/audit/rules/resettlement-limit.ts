import { standardRating } from "../../../parsers/ratings.js";
import { type AuditRule, finding } from "../rule.js";

export const resettlementLimit: AuditRule = {
  id: "resettlement-limit",
  description:
    "A service rated Inadequate on resettlement (4.1) cannot be rated Outstanding overall (limiting judgement)",
  severity: "error",
  check(record) {
    const std = record.standards.find((s) => s.id === "4.1");
    const rating = standardRating(std)?.rating ?? null;
    if (!std || rating !== "Inadequate" || record.overallRating !== "Outstanding") return [];
    return [
      finding(this, record, {
        severity: "error",
        standardId: "4.1",
        message:
          "The service is rated Outstanding overall although resettlement (4.1) is rated Inadequate, which the limiting judgement forbids.",
        values: { resettlement: rating, overallRating: record.overallRating },
        arithmetic: "4.1 Inadequate ⇒ overall cannot be Outstanding",
        provenance: [std.provenance ?? std.sectionProvenance, record.identityProvenance.overallRating],
      }),
    ];
  },
};
