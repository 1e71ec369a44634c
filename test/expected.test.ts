// Field-by-field comparison of the extractor with the hand-checked records in corpus/expected/
// (written by reading each report; see corpus/expected/FORMAT.md).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { ReportRecord } from "../schemas/report.js";
import { extractFile } from "../src/extract.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const EXPECTED = join(CORPUS, "expected");

// biome-ignore lint/suspicious/noExplicitAny: expected files are plain JSON
type Expected = any;

/** Labels compare without case, dashes, punctuation or a trailing "of which". */
function norm(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  return s
    .toLowerCase()
    .replace(/of which/g, "")
    .replace(/[^a-z0-9]/g, "");
}

const files = readdirSync(EXPECTED).filter((f) => f.endsWith(".json"));

function compareRecord(actual: ReportRecord, expected: Expected): Record<string, string[]> {
  const problems: Record<string, string[]> = {
    identity: [],
    standards: [],
    keyQuestions: [],
    prompts: [],
    samples: [],
    facts: [],
    recommendations: [],
  };
  const p = (area: string, msg: string) => problems[area]?.push(msg);
  for (const key of [
    "area",
    "serviceName",
    "published",
    "fieldworkStart",
    "leadInspector",
    "reinspection",
    "overallRating",
    "statedScore",
    "standardsEdition",
  ] as const) {
    if (actual[key] !== expected[key]) p("identity", `${key}: got ${actual[key]}, expected ${expected[key]}`);
  }
  if (actual.source.format !== expected.format)
    p("identity", `format: got ${actual.source.format}, expected ${expected.format}`);

  if (actual.standards.length !== expected.standards.length)
    p("standards", `count: got ${actual.standards.length}, expected ${expected.standards.length}`);
  for (const e of expected.standards) {
    const a = actual.standards.find((s) => s.id === e.id);
    if (!a) {
      p("standards", `${e.id}: missing`);
      continue;
    }
    for (const key of ["rating", "sectionRating", "annexRating", "marker", "discretion"] as const) {
      if (a[key] !== e[key]) p("standards", `${e.id}.${key}: got ${a[key]}, expected ${e[key]}`);
    }
  }

  const kqKey = (id: string, source: string) => `${id}/${source}`;
  const actualKqs = new Map(actual.keyQuestions.map((k) => [kqKey(k.id, k.source), k]));
  if (actual.keyQuestions.length !== expected.keyQuestions.length)
    p("keyQuestions", `count: got ${actual.keyQuestions.length}, expected ${expected.keyQuestions.length}`);
  for (const e of expected.keyQuestions) {
    const a = actualKqs.get(kqKey(e.id, e.source));
    if (!a) {
      p("keyQuestions", `${kqKey(e.id, e.source)}: missing`);
      continue;
    }
    for (const key of ["percent", "relevant", "yes"] as const) {
      if (a[key] !== e[key])
        p("keyQuestions", `${kqKey(e.id, e.source)}.${key}: got ${a[key]}, expected ${e[key]}`);
    }
    if (a.provenance.line !== e.line)
      p("keyQuestions", `${kqKey(e.id, e.source)}.line: got ${a.provenance.line}, expected ${e.line}`);
  }

  const prKey = (id: string, source: string, position: number) => `${id}/${source}/${position}`;
  const actualPrompts = new Map(actual.prompts.map((x) => [prKey(x.keyQuestionId, x.source, x.position), x]));
  if (actual.prompts.length !== expected.prompts.length)
    p("prompts", `count: got ${actual.prompts.length}, expected ${expected.prompts.length}`);
  for (const e of expected.prompts) {
    const k = prKey(e.keyQuestionId, e.source, e.position);
    const a = actualPrompts.get(k);
    if (!a) {
      p("prompts", `${k}: missing`);
      continue;
    }
    for (const key of ["label", "percent", "relevant", "yes"] as const) {
      if (a[key] !== e[key]) p("prompts", `${k}.${key}: got ${a[key]}, expected ${e[key]}`);
    }
    if (a.provenance.line !== e.line) p("prompts", `${k}.line: got ${a.provenance.line}, expected ${e.line}`);
  }

  for (const key of ["court", "outOfCourt", "resettlement"] as const) {
    if (actual.samples[key] !== expected.samples[key])
      p("samples", `${key}: got ${actual.samples[key]}, expected ${expected.samples[key]}`);
  }
  const subSample = (
    s: { domain: string; theme: string; keyQuestionId: string | null; size: number },
    line: number,
  ) => `${s.domain}/${s.theme}/${s.keyQuestionId}/${s.size}@${line}`;
  const actualSubs = actual.subSampleStatements.map((s) => subSample(s, s.provenance.line));
  const expectedSubs = (expected.subSampleStatements as Expected[]).map((s) => subSample(s, s.line));
  for (const e of expectedSubs) if (!actualSubs.includes(e)) p("samples", `sub-sample ${e}: missing`);
  for (const a of actualSubs)
    if (!expectedSubs.includes(a)) p("samples", `sub-sample ${a}: not in the report`);

  const factKey = (f: { group: string; unit: string; label: string; subject: string | null }, line: number) =>
    `${f.group}/${norm(f.label)}/${norm(f.subject)}/${f.unit}@${line}`;
  const actualFacts = new Map(actual.contextualFacts.map((f) => [factKey(f, f.provenance.line), f]));
  const expectedKeys = new Set<string>();
  for (const e of expected.contextualFacts) {
    const k = factKey(e, e.line);
    expectedKeys.add(k);
    const a = actualFacts.get(k);
    if (!a) {
      p("facts", `${k}: missing (expected ${e.value})`);
      continue;
    }
    if (a.value !== e.value) p("facts", `${k}.value: got ${a.value}, expected ${e.value}`);
    if (a.role !== e.role) p("facts", `${k}.role: got ${a.role}, expected ${e.role}`);
  }
  for (const [k, a] of actualFacts)
    if (!expectedKeys.has(k)) p("facts", `${k}: unexpected (value ${a.value})`);

  const recs = actual.recommendations;
  if (recs.statedCount !== expected.recommendations.statedCount)
    p(
      "recommendations",
      `statedCount: got ${recs.statedCount}, expected ${expected.recommendations.statedCount}`,
    );
  if (recs.items.length !== expected.recommendations.items.length)
    p(
      "recommendations",
      `items: got ${recs.items.length}, expected ${expected.recommendations.items.length}`,
    );
  for (const e of expected.recommendations.items) {
    const a = recs.items.find((r) => r.position === e.position);
    if (!a) {
      p("recommendations", `#${e.position}: missing`);
      continue;
    }
    if (a.number !== e.number)
      p("recommendations", `#${e.position}.number: got ${a.number}, expected ${e.number}`);
    if (norm(a.addressee)?.replace(/^the/, "") !== norm(e.addressee)?.replace(/^the/, ""))
      p("recommendations", `#${e.position}.addressee: got ${a.addressee}, expected ${e.addressee}`);
    const prefix = (norm(e.text) ?? "").slice(0, 30);
    if (!(norm(a.text) ?? "").startsWith(prefix))
      p("recommendations", `#${e.position}.text: got '${a.text.slice(0, 50)}'`);
  }
  return problems;
}

describe.each(files)("%s matches its hand-checked record", (file) => {
  const expected: Expected = JSON.parse(readFileSync(join(EXPECTED, file), "utf8"));
  let actual: ReportRecord;
  let problems: Record<string, string[]>;
  beforeAll(async () => {
    actual = await extractFile(join(CORPUS, expected.file));
    problems = compareRecord(actual, expected);
  });
  for (const area of [
    "identity",
    "standards",
    "keyQuestions",
    "prompts",
    "samples",
    "facts",
    "recommendations",
  ]) {
    test(area, () => {
      expect(problems[area]).toEqual([]);
    });
  }
});
