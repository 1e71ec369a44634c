import { type AuditRule, capitalised, domainSample, figureRows, finding } from "../rule.js";

/**
 * Whether a whole percentage can be k of m cases, rounded. We accept half-up and half-even
 * rounding (reports do not say which they use) and allow 1e-9 for floating point.
 */
export function reachable(percent: number, m: number): boolean {
  for (let k = 0; k <= m; k++) {
    const exact = (100 * k) / m;
    const halfUp = Math.floor(exact + 0.5 + 1e-9);
    const floor = Math.floor(exact);
    const isHalf = Math.abs(exact - floor - 0.5) < 1e-9;
    const halfEven = isHalf ? (floor % 2 === 0 ? floor : floor + 1) : halfUp;
    if (halfUp === percent || halfEven === percent) return true;
  }
  return false;
}

export function reachableWithin(percent: number, maxM: number): number | null {
  for (let m = 1; m <= maxM; m++) if (reachable(percent, m)) return m;
  return null;
}

export const grimPercent: AuditRule = {
  id: "grim-percent",
  description:
    "GRIM test: every whole key-question and prompt percentage is round(100·k/m) for whole k ≤ m, with m the stated (sub)sample when known, else some m up to the sample (half-up or half-even rounding)",
  severity: "error",
  check(record) {
    const out = [];
    for (const { id, label, standardId, row } of figureRows(record)) {
      const percent = row.percent;
      if (percent === null || !Number.isInteger(percent)) continue;
      const sample = domainSample(record, standardId);
      const fixed = row.subSample;
      if (fixed !== null && fixed > 0) {
        if (reachable(percent, fixed)) continue;
        out.push(
          finding(this, record, {
            severity: "error",
            standardId,
            questionId: id,
            message: `${capitalised(label)} prints ${percent}%, which no number of cases out of the stated ${fixed} can give.`,
            values: { percent, cases: fixed },
            arithmetic: `no whole k ≤ ${fixed} has round(100·k/${fixed}) = ${percent}`,
            provenance: [row.provenance],
          }),
        );
        continue;
      }
      if (sample === null || sample <= 0) continue;
      if (reachableWithin(percent, sample) !== null) continue;
      out.push(
        finding(this, record, {
          severity: "error",
          standardId,
          questionId: id,
          message: `${capitalised(label)} prints ${percent}%, which is impossible with ${sample} cases or fewer.`,
          values: { percent, sample },
          arithmetic: `no whole k ≤ m ≤ ${sample} has round(100·k/m) = ${percent}`,
          provenance: [row.provenance],
        }),
      );
    }
    return out;
  },
};
