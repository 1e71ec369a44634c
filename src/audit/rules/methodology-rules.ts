import { type AuditRule, finding } from "../rule.js";

const SCORE_BANDS: Record<string, [number, number]> = {
  Inadequate: [0, 6],
  "Requires improvement": [7, 18],
  Good: [19, 30],
  Outstanding: [31, 36],
};
const QUESTION_BANDS: Record<string, [number, number | null]> = {
  Inadequate: [0, 49],
  "Requires improvement": [50, 64],
  Good: [65, 79],
  Outstanding: [80, null],
};

export const methodologyRules: AuditRule = {
  id: "methodology-rules",
  description:
    "The methodology text states the published scoring rules: 12 scored standards, a 0–36 total, the bands of the total and of the lowest key question",
  severity: "error",
  check(record) {
    const out = [];
    for (const m of record.methodology) {
      let problem: { message: string; arithmetic: string } | null = null;
      if (m.kind === "standards-count" && m.count !== 12) {
        problem = {
          message: `The methodology says ${m.count} standards are scored; the published rules score 12.`,
          arithmetic: `${m.count} ≠ 12`,
        };
      } else if (m.kind === "score-scale" && m.high !== 36) {
        problem = {
          message: `The methodology gives the total score a 0–${m.high} scale; 12 standards scored 0–3 give 0–36.`,
          arithmetic: `12 × 3 = 36 ≠ ${m.high}`,
        };
      } else if (m.kind === "score-band" && m.rating) {
        const [lo, hi] = SCORE_BANDS[m.rating] as [number, number];
        if (m.low !== lo || m.high !== hi)
          problem = {
            message: `The methodology bands a total of ${m.low}–${m.high} as ${m.rating}; the published band is ${lo}–${hi}.`,
            arithmetic: `${m.low}–${m.high} ≠ ${lo}–${hi}`,
          };
      } else if (m.kind === "question-band" && m.rating) {
        const [lo, hi] = QUESTION_BANDS[m.rating] as [number, number | null];
        if (m.low !== lo || m.high !== hi)
          problem = {
            message: `The methodology bands ${m.low}%–${m.high ?? ""}% as ${m.rating}; the published band is ${lo}%–${hi ?? "100"}%.`,
            arithmetic: `${m.low}–${m.high ?? "+"} ≠ ${lo}–${hi ?? "+"}`,
          };
      }
      if (problem) {
        out.push(
          finding(this, record, {
            severity: "error",
            message: problem.message,
            values: { kind: m.kind, count: m.count, low: m.low, high: m.high, rating: m.rating },
            arithmetic: problem.arithmetic,
            provenance: [m.provenance],
          }),
        );
      }
    }
    return out;
  },
};
