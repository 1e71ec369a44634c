// Each audit rule fires on a corpus report with one printed value changed to break it (naming
// the right standard, question and line) and stays quiet on the untouched report; the real
// inconsistencies of the corpus, checked by hand, are pinned at the end.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Finding } from "../schemas/finding.js";
import type { ReportRecord } from "../schemas/report.js";
import { RULES, auditRecord } from "../src/audit/index.js";
import { reachable } from "../src/audit/rules/grim-percent.js";
import { extractFile } from "../src/extract.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const TMP = join(import.meta.dirname, ".tmp", "audit");
mkdirSync(TMP, { recursive: true });

const KIRKLEES = "2021-10-kirklees.txt";
const CROYDON = "2019-croydon.txt";
const SOMERSET = "2020-12-north-somerset.txt";
const TOWER = "2022-07-tower-hamlets-and-city-of-london.txt";
const BLACKBURN = "2023-01-blackburn-with-darwen.txt";

/** The report with line `line` (1-based) changed from `from` to `to`; fails if `from` is not there. */
async function mutated(file: string, edits: [number, string, string][]): Promise<ReportRecord> {
  const lines = readFileSync(join(CORPUS, file), "utf8").split("\n");
  for (const [line, from, to] of edits) {
    const before = lines[line - 1] as string;
    expect(before, `line ${line} of ${file}`).toContain(from);
    lines[line - 1] = before.replace(from, to);
  }
  const out = join(TMP, `${edits.map((e) => e[0]).join("-")}-${file}`);
  writeFileSync(out, lines.join("\n"));
  return extractFile(out);
}

const original = async (file: string) => extractFile(join(CORPUS, file));
const of = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
const lines = (f: Finding | undefined) => f?.provenance.map((p) => p.line) ?? [];

interface Case {
  rule: string;
  file: string;
  edits: [number, string, string][];
  expect: { severity: string; standardId: string | null; questionId?: string | null; line: number };
}

const CASES: Case[] = [
  {
    rule: "score-sum",
    file: KIRKLEES,
    edits: [[97, "8/36", "9/36"]],
    expect: { severity: "error", standardId: null, line: 97 },
  },
  {
    rule: "overall-band",
    file: KIRKLEES,
    edits: [[98, "Requires improvement", "Good"]],
    expect: { severity: "error", standardId: null, line: 98 },
  },
  {
    rule: "standard-band",
    file: KIRKLEES,
    edits: [[107, "Good", "Outstanding"]],
    expect: { severity: "error", standardId: "2.3", questionId: "2.3.3", line: 107 },
  },
  {
    rule: "rating-consistency",
    file: KIRKLEES,
    edits: [[683, "Inadequate", "Good"]],
    expect: { severity: "error", standardId: "2.2", line: 106 },
  },
  {
    rule: "resettlement-limit",
    file: TOWER,
    edits: [
      [88, "Requires improvement", "Outstanding"],
      [105, "Requires improvement", "Inadequate"],
    ],
    expect: { severity: "error", standardId: "4.1", line: 105 },
  },
  {
    rule: "grim-percent",
    file: BLACKBURN,
    edits: [[325, "86%", "85%"]],
    expect: { severity: "error", standardId: "2.1", questionId: "2.1.3", line: 325 },
  },
  {
    rule: "count-order",
    file: SOMERSET,
    edits: [[451, "?\t8\t8", "?\t8\t9"]],
    expect: { severity: "error", standardId: "2.1", questionId: "2.1.1", line: 451 },
  },
  {
    // The table as later count tables print it, with the counts' share: 8 of 8 is 100%, not 75%.
    rule: "count-share",
    file: SOMERSET,
    edits: [
      [450, "Number 'Yes'", "Number 'Yes'\t% 'Yes'"],
      [451, "?\t8\t8", "?\t8\t8\t75%"],
    ],
    expect: { severity: "error", standardId: "2.1", questionId: "2.1.1", line: 451 },
  },
  {
    rule: "caseload-sum",
    file: KIRKLEES,
    edits: [[304, "69 (65%)", "69 (75%)"]],
    expect: { severity: "warning", standardId: null, line: 304 },
  },
  {
    rule: "caseload-sum",
    file: KIRKLEES,
    edits: [[280, "29%", "39%"]],
    expect: { severity: "warning", standardId: null, line: 280 },
  },
  {
    rule: "caseload-sum",
    file: KIRKLEES,
    edits: [[310, "5 (7%)", "9 (7%)"]],
    expect: { severity: "warning", standardId: null, line: 307 },
  },
  {
    rule: "staffing-headcount",
    file: KIRKLEES,
    // (A note's marker run into the figure: "(FTE) 178.6" for note 17 and 8.6.)
    edits: [[441, "¹⁷\t8.6", "\t178.6"]],
    expect: { severity: "warning", standardId: null, line: 441 },
  },
  {
    rule: "staffing-headcount",
    file: KIRKLEES,
    // (Each under the total, together over it: 8.6 + 37.8 = 46.4 > 43.7.)
    edits: [[442, "7.8", "37.8"]],
    expect: { severity: "warning", standardId: null, line: 442 },
  },
  {
    rule: "prose-percent",
    file: KIRKLEES,
    edits: [[939, "In 14 out of 15 cases", "In 95 per cent of cases"]],
    expect: { severity: "warning", standardId: "3.3", questionId: "3.3.1", line: 939 },
  },
  {
    rule: "sample-consistency",
    file: KIRKLEES,
    edits: [[1018, "We examined 22 court disposals", "We examined 23 court disposals"]],
    expect: { severity: "error", standardId: null, line: 162 },
  },
  {
    // The methodology's "18 cases where meaningful work was required" (keeping other people safe,
    // planning and implementation): 22% is 4 of 18 (2.2.3), never some k of 17.
    rule: "sub-sample-figures",
    file: KIRKLEES,
    // (Both places it is printed, so that the two agree and only the figures are at odds.)
    edits: [
      [162, "in the 18 cases where meaningful", "in the 17 cases where meaningful"],
      [621, "in the 18 cases where meaningful", "in the 17 cases where meaningful"],
    ],
    expect: { severity: "warning", standardId: "2.2", questionId: "2.2.3", line: 162 },
  },
  {
    rule: "recommendations-count",
    file: KIRKLEES,
    edits: [[214, "made 10 recommendations", "made 11 recommendations"]],
    expect: { severity: "error", standardId: null, line: 214 },
  },
  {
    rule: "question-numbering",
    file: CROYDON,
    edits: [[821, "2.1.2.", "2.1.3."]],
    expect: { severity: "error", standardId: "2.1", questionId: "2.1.2", line: 821 },
  },
  {
    rule: "dates-order",
    file: KIRKLEES,
    edits: [[117, "between 28 June and 02 July 2021", "between 28 June and 02 July 2022"]],
    expect: { severity: "error", standardId: null, line: 117 },
  },
  {
    // The annex prints key question 2.1.1 with a figure, not as its prompts' heading: 70% there,
    // 64% in the section (line 659).
    rule: "figure-agreement",
    file: KIRKLEES,
    edits: [[1078, "% Yes", "70%"]],
    expect: { severity: "error", standardId: "2.1", questionId: "2.1.1", line: 1078 },
  },
  {
    rule: "methodology-rules",
    file: TOWER,
    edits: [[1172, "Each of the 12 standards", "Each of the 11 standards"]],
    expect: { severity: "error", standardId: null, line: 1172 },
  },
];

test("every rule in the catalogue has a breaking case here", () => {
  expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(RULES.map((r) => r.id)));
});

test("rule ids are unique, described, and have a severity", () => {
  expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  for (const r of RULES) {
    expect(r.description.length).toBeGreaterThan(20);
    expect(["error", "warning", "info"]).toContain(r.severity);
  }
});

describe.each(CASES)("$rule", (c) => {
  test(`fires on ${c.file} with line ${c.edits.map((e) => e[0]).join(", ")} changed`, async () => {
    const before = of(auditRecord(await original(c.file)), c.rule).filter(
      (f) => f.severity === c.expect.severity,
    );
    const after = of(auditRecord(await mutated(c.file, c.edits)), c.rule).filter(
      (f) => f.severity === c.expect.severity,
    );
    const fresh = after.filter((f) => !before.some((b) => b.message === f.message));
    expect(fresh.length).toBeGreaterThan(0);
    const hit = fresh.find((f) => lines(f).includes(c.expect.line));
    expect(
      hit,
      `a ${c.rule} finding citing line ${c.expect.line}: ${JSON.stringify(fresh.map(lines))}`,
    ).toBeDefined();
    expect(hit?.standardId).toBe(c.expect.standardId);
    if (c.expect.questionId !== undefined) expect(hit?.questionId).toBe(c.expect.questionId);
    expect(hit?.message.length).toBeGreaterThan(20);
    expect(hit?.evidence.arithmetic.length).toBeGreaterThan(0);
  });
});

test("recommendations numbered from 1 for each addressee are whole; a number out of step is not", async () => {
  const restarted = await mutated(KIRKLEES, [
    [229, "9. support", "1. support"],
    [233, "10. work", "1. work"],
  ]);
  expect(restarted.recommendations.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 1, 1]);
  expect(of(auditRecord(restarted), "recommendations-count")).toEqual([]);
  const skipped = await mutated(KIRKLEES, [[233, "10. work", "2. work"]]);
  expect(of(auditRecord(skipped), "recommendations-count").map((f) => f.message)).toEqual([
    "Recommendation 10 in the list is numbered 2.",
  ]);
});

test("GRIM: which whole percentages k of m cases can give", () => {
  expect(reachable(86, 7)).toBe(true); // 6/7 = 85.7
  expect(reachable(85, 7)).toBe(false);
  expect(reachable(88, 8)).toBe(true); // 7/8 = 87.5: half-up
  expect(reachable(87, 8)).toBe(false);
  expect(reachable(12, 8)).toBe(true); // 1/8 = 12.5: half-even
  expect(reachable(13, 8)).toBe(true); // half-up
});

test("a finding on a prompt names the prompt and its key question once each (GRIM, Kirklees' annex)", async () => {
  // 49% is no whole share of 22 cases or fewer (the court sample); the annex's first prompt of 2.1.1.
  const record = await mutated(KIRKLEES, [[1079, "offending?\t86%", "offending?\t49%"]]);
  const hit = of(auditRecord(record), "grim-percent").find((f) => lines(f).includes(1079));
  expect(hit?.message).toBe(
    "Prompt 1 of key question 2.1.1 prints 49%, which is impossible with 22 cases or fewer.",
  );
});

test("rules neither crash nor find anything when values could not be read (null)", async () => {
  for (const file of [CROYDON, SOMERSET, KIRKLEES, TOWER, BLACKBURN]) {
    const r = await original(file);
    const blank: ReportRecord = {
      ...r,
      overallRating: null,
      statedScore: null,
      computedScore: null,
      standards: r.standards.map((s) => ({ ...s, rating: null, sectionRating: null, annexRating: null })),
      keyQuestions: r.keyQuestions.map((k) => ({
        ...k,
        percent: null,
        relevant: null,
        yes: null,
        subSample: null,
      })),
      prompts: r.prompts.map((p) => ({ ...p, percent: null, relevant: null, yes: null, subSample: null })),
      samples: { court: null, outOfCourt: null, resettlement: null },
      sampleStatements: [],
      prosePercents: r.prosePercents.map((p) => ({ ...p })),
      contextualFacts: r.contextualFacts.map((f) => ({ ...f, value: null })),
      recommendations: { ...r.recommendations, statedCount: null },
      ratingStatements: [],
    };
    const findings = auditRecord(blank);
    // Only the rules about printed text (numbers, labels, methodology sentences) may still speak.
    expect(findings.filter((f) => !["question-numbering", "methodology-rules"].includes(f.ruleId))).toEqual(
      [],
    );
  }
});

test("the corpus audit lists its real inconsistencies, each checked by hand", async () => {
  const summary: string[] = [];
  for (const file of [CROYDON, SOMERSET, KIRKLEES, TOWER, BLACKBURN]) {
    for (const f of auditRecord(await original(file))) {
      summary.push(
        `${file} ${f.severity} ${f.ruleId} ${f.standardId ?? "-"} ${f.questionId ?? "-"} @${lines(f)[0]}`,
      );
    }
  }
  expect(summary.sort()).toEqual(
    [
      // 2.1 is printed "Outstanding*" but 2.1.3 is 79% (Good band); the '*' is explained nowhere.
      `${CROYDON} warning standard-band 2.1 2.1.3 @172`,
      // The 1.3 section (line 373) states no rating; the table and annex say Requires improvement.
      `${CROYDON} warning rating-consistency 1.3 - @167`,
      // 3.2 and 3.3 are Good with 1 of 2 cases (50%) on 3.x.3; footnotes 20 and 24 explain discretion.
      `${SOMERSET} info standard-band 3.2 3.2.3 @94`,
      `${SOMERSET} info standard-band 3.3 3.3.3 @95`,
      // Methodology: "Each of the 10 standards" and "a 0-30 scale" (the report scores 12, 0-36).
      `${SOMERSET} error methodology-rules - - @917`,
      `${SOMERSET} error methodology-rules - - @925`,
      // Annex heading "3.2.1 Does the YOT work effectively with the police" stands under 3.4.
      `${KIRKLEES} error question-numbering 3.4 3.4.2 @1220`,
      `${KIRKLEES} error methodology-rules - - @1053`,
      `${KIRKLEES} error methodology-rules - - @1061`,
      // The 1.3 section never restates its rating.
      `${TOWER} warning rating-consistency 1.3 - @92`,
      // Reviewing 2.4.1 prompts: two rows lettered "d)".
      `${TOWER} warning question-numbering 2.4 2.4.1 @1255`,
    ].sort(),
  );
});

test("a rating moved by professional discretion: the finding cites the note that says so", async () => {
  // North Somerset's footnotes 20 (line 740) and 24 (line 789) explain 3.2 and 3.3.
  const findings = auditRecord(await original(SOMERSET)).filter((f) => f.ruleId === "standard-band");
  expect(findings.map((f) => [f.standardId, f.severity, f.provenance.at(-1)?.line])).toEqual([
    ["3.2", "info", 740],
    ["3.3", "info", 789],
  ]);
  expect(findings[0]?.provenance.at(-1)?.snippet).toContain(
    "the ratings panel agreed to exercise professional discretion, and agreed a rating for planning of Good.",
  );
  expect(findings[1]?.provenance.at(-1)?.snippet).toContain(
    "apply professional discretion to uplift the rating",
  );
  // An unexplained marker cites no note: Croydon's 2.1 "Outstanding*" rests on its row and key questions.
  const croydon = auditRecord(await original(CROYDON)).find((f) => f.ruleId === "standard-band");
  expect(croydon?.provenance.map((p) => p.line)).toEqual([172, 820, 821, 822]);
});

test("caseload-sum pairs a count with its own row's share where two rows stand on one line (a web page's table)", async () => {
  const record = await original(KIRKLEES);
  const rowsOnOneLine = (r: ReportRecord): ReportRecord => {
    const court = r.contextualFacts.find((f) => f.label === "court disposals" && f.unit === "percent");
    const line = court?.provenance.line as number;
    return {
      ...r,
      contextualFacts: r.contextualFacts.map((f) =>
        /^out-of-court disposals$/.test(f.label) && f.provenance.line === line + 1
          ? { ...f, provenance: { ...f.provenance, line } }
          : f,
      ),
    };
  };
  const caseload = RULES.find((r) => r.id === "caseload-sum");
  // Kirklees' "69 (65%) court disposals" and "37 (35%) out-of-court disposals" on one line.
  expect(caseload?.check(rowsOnOneLine(record))).toEqual([]);
  // Still a finding where a row's own share is wrong.
  const wrong = await mutated(KIRKLEES, [[305, "37 (35%)", "37 (45%)"]]);
  const found = caseload?.check(rowsOnOneLine(wrong)) ?? [];
  expect(found.map((f) => f.evidence.values)).toEqual([{ count: 37, total: 106, printedShare: 45 }]);
});

test("caseload-sum: parts whose printed shares add up to well under 100% are not the whole total, and their sum is not checked", async () => {
  // Kirklees' court disposals with the community sentences' row unread (pdftotext, rows set
  // close): 5 (7%) and 3 (4%) of 69 say nothing of the 69.
  const rowLost = await mutated(KIRKLEES, [
    [309, "61 (88%)\tTotal current caseload on community sentences", ""],
  ]);
  expect(of(auditRecord(rowLost), "caseload-sum")).toEqual([]);
  // (Shares that add up to about 100% with counts that do not: a finding, as before.)
  const miscounted = await mutated(KIRKLEES, [
    [309, "61 (88%)\tTotal current caseload on community sentences", ""],
    [311, "3 (4%)", "3 (92%)"],
  ]);
  expect(of(auditRecord(miscounted), "caseload-sum").map((f) => f.evidence.arithmetic)).toContain(
    "5 + 3 = 8 ≠ 69",
  );
});

test("dates-order warns of fieldwork more than a year before publication, and is quiet on the corpus", async () => {
  const early = await mutated(KIRKLEES, [
    [117, "between 28 June and 02 July 2021", "between 28 June and 02 July 2019"],
  ]);
  const found = of(auditRecord(early), "dates-order");
  expect(found.map((f) => [f.severity, f.evidence.arithmetic, lines(f)])).toEqual([
    ["warning", "2021-10 − 2019-06 = 28 months > 12", [117, 14]],
  ]);
  for (const file of [KIRKLEES, CROYDON, SOMERSET, TOWER, BLACKBURN])
    expect(of(auditRecord(await original(file)), "dates-order")).toEqual([]);
});

test("figure-agreement is quiet where both places print the same figure", async () => {
  const same = await mutated(KIRKLEES, [[1078, "% Yes", "64%"]]);
  expect(same.keyQuestions.filter((k) => k.id === "2.1.1").map((k) => [k.source, k.percent])).toEqual([
    ["body", 64],
    ["annex", 64],
  ]);
  expect(of(auditRecord(same), "figure-agreement")).toEqual([]);
});

test("a standard whose table cell and section give no rating is checked by the rating an annex states (as 2019 reports restate them)", async () => {
  const record = await extractFile(join(CORPUS, KIRKLEES));
  const std = record.standards.find((s) => s.id === "2.3");
  expect([std?.rating, std?.sectionRating]).toEqual(["Good", "Good"]);
  // 2.3's lowest key question is in the Good band: Outstanding in an annex alone is a finding.
  const damaged: ReportRecord = {
    ...record,
    standards: record.standards.map((s) =>
      s.id === "2.3" ? { ...s, rating: null, sectionRating: null, annexRating: "Outstanding" } : s,
    ),
  };
  const band = (r: ReportRecord) =>
    auditRecord(r).filter((f) => f.ruleId === "standard-band" && f.standardId === "2.3");
  expect(band(record)).toEqual([]);
  expect(band(damaged).map((f) => f.severity)).toEqual(["error"]);
  // None read anywhere: nothing to check.
  const unread: ReportRecord = {
    ...damaged,
    standards: damaged.standards.map((s) => (s.id === "2.3" ? { ...s, annexRating: null } : s)),
  };
  expect(band(unread)).toEqual([]);
});

test("sub-sample-figures: a sub-sample larger than its sample; quiet where the methodology's sub-samples fit", async () => {
  // Kirklees: 2.2.2 32% is 6 of 19, 2.3.2 89% 17 of 19, 2.2.3 22% 4 of 18, 2.3.3 78% 14 of 18.
  expect(of(auditRecord(await original(KIRKLEES)), "sub-sample-figures")).toEqual([]);
  const larger = await mutated(KIRKLEES, [
    [162, "in the 19 cases where we expected", "in the 29 cases where we expected"],
  ]);
  // (The annex's methodology still says 19: that disagreement is its own finding, tested below.)
  const found = of(auditRecord(larger), "sub-sample-figures").filter(
    (f) => !f.message.includes("different places"),
  );
  expect(found.map((f) => [f.questionId, f.message, f.evidence.arithmetic])).toEqual([
    [
      "2.2.2",
      "Key question 2.2.2 is said to be judged over 29 court-disposal cases, more than the sample of 22.",
      "29 > 22",
    ],
    [
      "2.3.2",
      "Key question 2.3.2 is said to be judged over 29 court-disposal cases, more than the sample of 22.",
      "29 > 22",
    ],
  ]);
  expect(found[0]?.provenance.map((p) => p.line)).toEqual([162]);
});

test("sub-sample-figures: the methodology printed twice with two sizes for one sub-sample", async () => {
  // Kirklees prints its methodology at 162 and again in the annex at 621; 2.2.2's 32% is 6 of 19
  // and 6 of 19 only, 2.3.2's 89% 17 of 19 or 16 of 18: the annex's 18 is caught by the sizes.
  const twice = await mutated(KIRKLEES, [
    [621, "in the 19 cases where we expected", "in the 18 cases where we expected"],
  ]);
  const found = of(auditRecord(twice), "sub-sample-figures").filter((f) =>
    f.message.includes("different places"),
  );
  expect(found.map((f) => [f.questionId, f.message, f.evidence.arithmetic])).toEqual([
    [
      "2.2.2",
      "The court-disposal sub-sample for the child's safety (key question 2.2.2) is stated as 19 and as 18 cases in different places.",
      "19 ≠ 18",
    ],
    [
      "2.3.2",
      "The court-disposal sub-sample for the child's safety (key question 2.3.2) is stated as 19 and as 18 cases in different places.",
      "19 ≠ 18",
    ],
  ]);
  expect(found[0]?.provenance.map((p) => p.line)).toEqual([162, 621]);
});
