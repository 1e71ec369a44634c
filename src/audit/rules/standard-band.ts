import { bandOfPercent, standardsOf } from "../../../parsers/framework.js";
import { standardRating } from "../../../parsers/ratings.js";
import { type AuditRule, describeFigure, finding, percentOf, roundHalfUp } from "../rule.js";

const BANDS = "below 50% Inadequate, 50–64% Requires improvement, 65–79% Good, 80%+ Outstanding";

export const standardBand: AuditRule = {
  id: "standard-band",
  description:
    "A case-based standard's rating is the band of its lowest key question; a deviation explained by professional discretion is info, one with an unexplained marker a warning, otherwise an error",
  severity: "error",
  check(record) {
    const out = [];
    for (const def of standardsOf(record.standardsEdition).filter((d) => d.caseBased)) {
      const std = record.standards.find((s) => s.id === def.id);
      const rating = standardRating(std)?.rating ?? null;
      if (!std || rating === null) continue;
      const bodyKqs = record.keyQuestions.filter((k) => k.standardId === def.id && k.source === "body");
      const kqs = bodyKqs.length > 0 ? bodyKqs : record.keyQuestions.filter((k) => k.standardId === def.id);
      const expected = def.id === "3.4" ? 2 : 3;
      const figures = kqs.map((k) => ({ k, p: percentOf(k) }));
      if (figures.length < expected || figures.some((f) => f.p === null)) continue;
      const lowest = figures.reduce((a, b) => ((b.p as number) < (a.p as number) ? b : a));
      const lowestPercent = roundHalfUp(lowest.p as number);
      const band = bandOfPercent(lowestPercent);
      if (band === rating) continue;
      const base = `Standard ${def.id} (${def.domain}: ${def.name}) is rated ${rating}, but its lowest key question (${lowest.k.id}, ${describeFigure(lowest.k)}) falls in the ${band} band.`;
      let severity: "error" | "warning" | "info" = "error";
      let message = `${base} The report gives no professional-discretion note for it.`;
      if (std.discretion) {
        severity = "info";
        message = `${base} The report explains this as professional discretion.`;
      } else if (std.marker) {
        severity = "warning";
        message = `${base} The rating carries the marker '${std.marker}', but no explanation of the marker was found.`;
      }
      out.push(
        finding(this, record, {
          severity,
          standardId: def.id,
          questionId: lowest.k.id,
          message,
          values: {
            rating,
            lowestQuestion: lowest.k.id,
            lowestPercent,
            band,
            marker: std.marker,
            discretionNote: std.discretionNote,
          },
          arithmetic: `min(${figures.map((f) => `${f.k.id} ${describeFigure(f.k)}`).join(", ")}) = ${lowestPercent}% → ${band} (${BANDS}) ≠ ${rating}`,
          // (And the note that explains the discretion, where the report gives one.)
          provenance: [
            std.provenance ?? std.sectionProvenance,
            ...figures.map((f) => f.k.provenance),
            std.discretion ? std.discretionProvenance : null,
          ],
        }),
      );
    }
    return out;
  },
};
