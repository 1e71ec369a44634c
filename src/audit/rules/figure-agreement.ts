import { letters } from "../../../parsers/lines.js";
import type { ReportRecord } from "../../../schemas/report.js";
import { type AuditRule, describeFigure, finding, percentOf, roundHalfUp } from "../rule.js";

type Row = ReportRecord["keyQuestions"][number] | ReportRecord["prompts"][number];

/** Printed the same: equal percentages, equal counts, or a percentage its counts round to. */
function agree(a: Row, b: Row): boolean {
  if (a.percent !== null && b.percent !== null) return a.percent === b.percent;
  if (a.relevant !== null && a.yes !== null && b.relevant !== null && b.yes !== null)
    return a.relevant === b.relevant && a.yes === b.yes;
  const pa = percentOf(a);
  const pb = percentOf(b);
  // One printed as a percentage, the other as counts: the percentage is the counts' share.
  return pa === null || pb === null || roundHalfUp(pa) === roundHalfUp(pb);
}

/** A prompt's identity across the places it is printed: its key question and its words. */
const promptKey = (p: ReportRecord["prompts"][number]) => `${p.keyQuestionId} ${letters(p.text)}`;

export const figureAgreement: AuditRule = {
  id: "figure-agreement",
  description:
    "A key question (or prompt) printed in more than one place (its standard's section and an inspection-data annex) gives the same figure in each",
  severity: "error",
  check(record) {
    const out = [];
    const groups: { label: string; standardId: string; questionId: string; rows: Row[] }[] = [];
    const byKq = new Map<string, Row[]>();
    for (const k of record.keyQuestions) byKq.set(k.id, [...(byKq.get(k.id) ?? []), k]);
    for (const [id, rows] of byKq)
      groups.push({ label: `key question ${id}`, standardId: id.slice(0, 3), questionId: id, rows });
    const byPrompt = new Map<string, ReportRecord["prompts"]>();
    for (const p of record.prompts) {
      const key = promptKey(p);
      const rows = byPrompt.get(key);
      if (rows) rows.push(p);
      else byPrompt.set(key, [p]);
    }
    for (const rows of byPrompt.values()) {
      const first = rows[0] as ReportRecord["prompts"][number];
      groups.push({
        label: `the prompt '${first.text}' of key question ${first.keyQuestionId}`,
        standardId: first.keyQuestionId.slice(0, 3),
        questionId: first.keyQuestionId,
        rows,
      });
    }
    for (const g of groups) {
      const printed = g.rows.filter((r) => percentOf(r) !== null || r.percent !== null);
      if (printed.length < 2) continue;
      const [first, ...others] = printed as [Row, ...Row[]];
      const differing = others.filter((r) => !agree(first, r));
      if (differing.length === 0) continue;
      const places = [first, ...differing].map((r) => `${describeFigure(r)} (${r.source})`);
      out.push(
        finding(this, record, {
          severity: "error",
          standardId: g.standardId,
          questionId: g.questionId,
          message: `The report prints ${g.label} with different figures: ${places.join(" and ")}.`,
          values: Object.fromEntries(
            [first, ...differing].map((r, k) => [
              `${r.source}${k > 0 ? ` ${k + 1}` : ""}`,
              describeFigure(r),
            ]),
          ),
          arithmetic: places.map((p) => p.replace(/ \(.*\)$/, "")).join(" ≠ "),
          provenance: [first.provenance, ...differing.map((r) => r.provenance)],
        }),
      );
    }
    return out;
  },
};
