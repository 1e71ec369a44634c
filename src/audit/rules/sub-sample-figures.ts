import type { ReportRecord, SubSampleStatement } from "../../../schemas/report.js";
import { type AuditRule, SAFETY_NAMES, SAMPLE_NAMES, finding, sizesStatedApart } from "../rule.js";
import { reachable } from "./grim-percent.js";

/**
 * A warning, not an error: which key question a methodology sentence's sub-sample counts, and
 * which sample it is part of, is the extractor's reading of the sentence (its wording, and the
 * sample stated before it), not a figure the report prints beside the key question.
 */
export const subSampleFigures: AuditRule = {
  id: "sub-sample-figures",
  description:
    "A key question the methodology says is judged over a stated sub-sample ('in the 19 cases where we expected meaningful work') prints a percentage some k of those cases give, or that many relevant cases; no sub-sample is larger than its sample, and one stated in several places is the same everywhere",
  severity: "warning",
  check(record) {
    const out = [];
    // Each sub-sample (its sample, whose safety, its key question) with every place stating it:
    // the methodology is often printed twice (the domain's introduction, the annex).
    const places = new Map<string, SubSampleStatement[]>();
    for (const s of record.subSampleStatements) {
      const key = `${s.domain} ${s.theme} ${s.keyQuestionId}`;
      places.set(key, [...(places.get(key) ?? []), s]);
    }
    for (const statements of places.values()) {
      const [first] = statements as [SubSampleStatement];
      const { domain, keyQuestionId } = first;
      const standardId = keyQuestionId?.slice(0, 3) ?? null;
      const apart = sizesStatedApart(statements);
      if (apart)
        out.push(
          finding(this, record, {
            severity: "warning",
            standardId,
            questionId: keyQuestionId,
            message: `The ${SAMPLE_NAMES[domain]} sub-sample for ${SAFETY_NAMES[first.theme]}${keyQuestionId ? ` (key question ${keyQuestionId})` : ""} is stated as ${apart.sizes.join(" and as ")} cases in different places.`,
            ...apart.evidence,
          }),
        );
      // Each size stated, checked once (at its first place).
      const sizes = statements.filter((s, k) => statements.findIndex((t) => t.size === s.size) === k);
      for (const s of sizes) out.push(...checkSize(this, record, s));
    }
    return out;
  },
};

/** One stated sub-sample against its sample and its key question's figures. */
function checkSize(rule: AuditRule, record: ReportRecord, s: SubSampleStatement) {
  const sample = record.samples[s.domain];
  const standardId = s.keyQuestionId?.slice(0, 3) ?? null;
  if (sample !== null && s.size > sample)
    return [
      finding(rule, record, {
        severity: "warning",
        standardId,
        questionId: s.keyQuestionId,
        message: `${s.keyQuestionId ? `Key question ${s.keyQuestionId} is said to be judged over` : "A sub-sample of"} ${s.size} ${SAMPLE_NAMES[s.domain]} cases, more than the sample of ${sample}.`,
        values: { subSample: s.size, sample },
        arithmetic: `${s.size} > ${sample}`,
        provenance: [s.provenance],
      }),
    ];
  const out = [];
  for (const q of record.keyQuestions.filter((k) => k.id === s.keyQuestionId)) {
    if (q.relevant !== null && q.relevant !== s.size)
      out.push(
        finding(rule, record, {
          severity: "warning",
          standardId,
          questionId: q.id,
          message: `Key question ${q.id} counts ${q.relevant} relevant cases, but the methodology says it was judged over ${s.size}.`,
          values: { relevant: q.relevant, subSample: s.size },
          arithmetic: `${q.relevant} ≠ ${s.size}`,
          provenance: [s.provenance, q.provenance],
        }),
      );
    else if (
      q.relevant === null &&
      q.percent !== null &&
      Number.isInteger(q.percent) &&
      !reachable(q.percent, s.size)
    )
      out.push(
        finding(rule, record, {
          severity: "warning",
          standardId,
          questionId: q.id,
          message: `Key question ${q.id} prints ${q.percent}%, which no number of cases out of the ${s.size} the methodology says it was judged over can give.`,
          values: { percent: q.percent, subSample: s.size },
          arithmetic: `no whole k ≤ ${s.size} has round(100·k/${s.size}) = ${q.percent}`,
          provenance: [s.provenance, q.provenance],
        }),
      );
  }
  return out;
}
