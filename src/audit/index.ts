// The audit rule catalogue. Each rule is its own module in rules/; this is the list.
import type { Finding } from "../../schemas/finding.js";
import type { ReportRecord } from "../../schemas/report.js";
import type { AuditRule } from "./rule.js";
import { caseloadSum } from "./rules/caseload-sum.js";
import { countOrder } from "./rules/count-order.js";
import { countShare } from "./rules/count-share.js";
import { datesOrder } from "./rules/dates-order.js";
import { figureAgreement } from "./rules/figure-agreement.js";
import { grimPercent } from "./rules/grim-percent.js";
import { methodologyRules } from "./rules/methodology-rules.js";
import { overallBand } from "./rules/overall-band.js";
import { prosePercent } from "./rules/prose-percent.js";
import { questionNumbering } from "./rules/question-numbering.js";
import { ratingConsistency } from "./rules/rating-consistency.js";
import { recommendationsCount } from "./rules/recommendations-count.js";
import { resettlementLimit } from "./rules/resettlement-limit.js";
import { sampleConsistency } from "./rules/sample-consistency.js";
import { scoreSum } from "./rules/score-sum.js";
import { staffingHeadcount } from "./rules/staffing-headcount.js";
import { standardBand } from "./rules/standard-band.js";
import { subSampleFigures } from "./rules/sub-sample-figures.js";

export const RULES: AuditRule[] = [
  scoreSum,
  overallBand,
  standardBand,
  ratingConsistency,
  resettlementLimit,
  grimPercent,
  countOrder,
  countShare,
  caseloadSum,
  staffingHeadcount,
  prosePercent,
  figureAgreement,
  sampleConsistency,
  subSampleFigures,
  recommendationsCount,
  questionNumbering,
  methodologyRules,
  datesOrder,
];

/** Every rule's findings for one report. A rule that throws is a bug; it must not hide others. */
export function auditRecord(record: ReportRecord): Finding[] {
  const out: Finding[] = [];
  for (const rule of RULES) {
    try {
      out.push(...rule.check(record));
    } catch (err) {
      out.push({
        ruleId: rule.id,
        severity: "warning",
        file: record.source.file,
        area: record.area,
        standardId: null,
        questionId: null,
        message: `The audit rule could not be applied (${(err as Error).message}).`,
        evidence: { values: {}, arithmetic: "" },
        provenance: [],
      });
    }
  }
  return out;
}
