import { splitTolerance } from "../../../parsers/framework.js";
import type { ContextualFact } from "../../../schemas/report.js";
import { type AuditRule, finding, round1 } from "../rule.js";

const isTotal = (f: ContextualFact) => f.unit === "count" && /^total current caseload$/i.test(f.label);
const isOfThe = (f: ContextualFact) =>
  f.unit === "count" &&
  /^(court disposals|out-of-court disposals)$/.test(f.label) &&
  /^Of the/i.test(f.provenance.snippet.trim());

export const caseloadSum: AuditRule = {
  id: "caseload-sum",
  description:
    "Caseload facts agree: the shares of one split add up to about 100 (allowing for rounding), a count matches its printed share of the total, and parts add up to their total (where their printed shares make the whole)",
  severity: "warning",
  check(record) {
    const out = [];
    const facts = record.contextualFacts;
    for (const group of ["age", "ethnicity", "gender"] as const) {
      const subjects = new Set(facts.filter((f) => f.group === group).map((f) => f.subject));
      for (const subject of subjects) {
        const parts = facts.filter((f) => f.group === group && f.subject === subject && f.unit === "percent");
        if (parts.length < 2 || parts.some((p) => p.value === null)) continue;
        const sum = parts.reduce((s, p) => s + (p.value as number), 0);
        const tolerance = splitTolerance(parts.length);
        if (Math.abs(sum - 100) <= tolerance) continue;
        out.push(
          finding(this, record, {
            severity: "warning",
            message: `The ${group} split for ${subject} adds up to ${round1(sum)}%, not about 100%.`,
            values: Object.fromEntries(parts.map((p) => [p.label, p.value])),
            arithmetic: `${parts.map((p) => p.value).join(" + ")} = ${round1(sum)} (allowed 100 ± ${tolerance})`,
            provenance: parts.map((p) => p.provenance),
          }),
        );
      }
    }

    // Walk the caseload facts in printed order, keeping the total each block refers to.
    const caseload = facts
      .filter((f) => f.group === "caseload")
      .sort((a, b) => a.provenance.line - b.provenance.line);
    let total: ContextualFact | null = null;
    let parts: ContextualFact[] = [];
    // A row's printed share of the total: the percentage on its line under its label (a web page's
    // table may stand several rows on one line).
    const shareOf = (f: ContextualFact) =>
      caseload.find(
        (g) =>
          g !== f && g.provenance.line === f.provenance.line && g.unit === "percent" && g.label === f.label,
      );
    const closeBlock = () => {
      const counts = parts.filter((p) => p.unit === "count" && p.value !== null);
      // Parts whose printed shares add up to well under 100% are not the whole total (a row not
      // read, or a list the report did not make whole): their sum says nothing of the total.
      const shares = counts.map((c) => shareOf(c)?.value ?? null);
      const shareSum = shares.reduce<number>((s, v) => s + (v ?? 0), 0);
      const partial = shares.every((v) => v !== null) && shareSum < 100 - splitTolerance(shares.length);
      if (total && total.value !== null && counts.length >= 2 && !partial) {
        const sum = counts.reduce((s, p) => s + (p.value as number), 0);
        if (sum !== total.value) {
          out.push(
            finding(this, record, {
              severity: "warning",
              message: `The caseload parts listed under '${total.label}' (${total.value}) add up to ${sum}.`,
              values: { total: total.value, ...Object.fromEntries(counts.map((p) => [p.label, p.value])) },
              arithmetic: `${counts.map((p) => p.value).join(" + ")} = ${sum} ≠ ${total.value}`,
              provenance: [total.provenance, ...counts.map((p) => p.provenance)],
            }),
          );
        }
      }
      parts = [];
    };
    for (const f of caseload) {
      if (isTotal(f) || isOfThe(f)) {
        closeBlock();
        total = f;
        continue;
      }
      if (!total) continue;
      parts.push(f);
      const share = shareOf(f);
      if (f.unit === "count" && share && f.value !== null && share.value !== null && total.value) {
        const exact = (100 * f.value) / total.value;
        if (Math.abs(exact - share.value) > 1) {
          out.push(
            finding(this, record, {
              severity: "warning",
              message: `'${f.label}': ${f.value} of ${total.value} is ${round1(exact)}%, but the report prints ${share.value}%.`,
              values: { count: f.value, total: total.value, printedShare: share.value },
              arithmetic: `100 × ${f.value} / ${total.value} = ${round1(exact)} ≠ ${share.value}`,
              provenance: [f.provenance, total.provenance],
            }),
          );
        }
      }
    }
    closeBlock();
    return out;
  },
};
