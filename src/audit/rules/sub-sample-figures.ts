import { type AuditRule, SAMPLE_NAMES, finding } from "../rule.js";
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
    // The same sub-sample (sample, whose safety, key question) stated as different sizes.
    const sizes = new Map<string, typeof record.subSampleStatements>();
    for (const s of record.subSampleStatements) {
      const key = `${s.domain} ${s.theme} ${s.keyQuestionId}`;
      sizes.set(key, [...(sizes.get(key) ?? []), s]);
    }
    for (const statements of sizes.values()) {
      const stated = [...new Set(statements.map((s) => s.size))];
      if (stated.length < 2) continue;
      const [s] = statements as [(typeof statements)[0]];
      out.push(
        finding(this, record, {
          severity: "warning",
          standardId: s.keyQuestionId?.slice(0, 3) ?? null,
          questionId: s.keyQuestionId,
          message: `The ${SAMPLE_NAMES[s.domain]} sub-sample for ${s.theme === "child-safety" ? "the child's" : "other people's"} safety${s.keyQuestionId ? ` (key question ${s.keyQuestionId})` : ""} is stated as ${stated.join(" and as ")} cases in different places.`,
          values: Object.fromEntries(statements.map((x) => [`line ${x.provenance.line}`, x.size])),
          arithmetic: stated.join(" ≠ "),
          provenance: statements.map((x) => x.provenance),
        }),
      );
    }
    const seen = new Set<string>();
    for (const s of record.subSampleStatements) {
      // The methodology is often printed twice (the domain's introduction, the annex): once each.
      const key = `${s.domain} ${s.theme} ${s.keyQuestionId} ${s.size}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sample = record.samples[s.domain];
      const standardId = s.keyQuestionId?.slice(0, 3) ?? null;
      if (sample !== null && s.size > sample) {
        out.push(
          finding(this, record, {
            severity: "warning",
            standardId,
            questionId: s.keyQuestionId,
            message: `${s.keyQuestionId ? `Key question ${s.keyQuestionId} is said to be judged over` : "A sub-sample of"} ${s.size} ${SAMPLE_NAMES[s.domain]} cases, more than the sample of ${sample}.`,
            values: { subSample: s.size, sample },
            arithmetic: `${s.size} > ${sample}`,
            provenance: [s.provenance],
          }),
        );
        continue;
      }
      for (const q of record.keyQuestions.filter((k) => k.id === s.keyQuestionId)) {
        if (q.relevant !== null) {
          if (q.relevant === s.size) continue;
          out.push(
            finding(this, record, {
              severity: "warning",
              standardId,
              questionId: q.id,
              message: `Key question ${q.id} counts ${q.relevant} relevant cases, but the methodology says it was judged over ${s.size}.`,
              values: { relevant: q.relevant, subSample: s.size },
              arithmetic: `${q.relevant} ≠ ${s.size}`,
              provenance: [s.provenance, q.provenance],
            }),
          );
        } else if (q.percent !== null && Number.isInteger(q.percent) && !reachable(q.percent, s.size))
          out.push(
            finding(this, record, {
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
    }
    return out;
  },
};
