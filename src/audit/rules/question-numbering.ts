import { type AuditRule, finding } from "../rule.js";

export const questionNumbering: AuditRule = {
  id: "question-numbering",
  description:
    "Printed key-question numbers match the standard and question they stand for (error), and prompt letters are not repeated under one key question (warning)",
  severity: "error",
  check(record) {
    const out = [];
    for (const n of record.questionNumbers) {
      if (n.printed === n.keyQuestionId) continue;
      out.push(
        finding(this, record, {
          severity: "error",
          standardId: n.keyQuestionId.slice(0, 3),
          questionId: n.keyQuestionId,
          message: `A key question is numbered ${n.printed}, but its wording and place make it ${n.keyQuestionId}.`,
          values: { printed: n.printed, readAs: n.keyQuestionId },
          arithmetic: `${n.printed} ≠ ${n.keyQuestionId}`,
          provenance: [n.provenance],
        }),
      );
    }
    const seen = new Map<string, (typeof record.prompts)[number]>();
    for (const p of record.prompts) {
      if (p.label === null) continue;
      const key = `${p.keyQuestionId}/${p.source}/${p.label}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, p);
        continue;
      }
      out.push(
        finding(this, record, {
          severity: "warning",
          standardId: p.keyQuestionId.slice(0, 3),
          questionId: p.keyQuestionId,
          message: `Two prompts of key question ${p.keyQuestionId} are both lettered '${p.label})'.`,
          values: { label: p.label, firstPosition: first.position, secondPosition: p.position },
          arithmetic: `label ${p.label} at positions ${first.position} and ${p.position}`,
          provenance: [first.provenance, p.provenance],
        }),
      );
    }
    return out;
  },
};
