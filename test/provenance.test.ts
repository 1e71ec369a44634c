// Every value keeps the source text it was read from: a reader checking a figure or a rating
// finds it in the value's snippet, and the snippet at the value's line. Run over the corpus as
// published and as converters write it (cells a line each, wrapped cells, layout columns).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { type Line, provenanceOf } from "../parsers/lines.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import type { Provenance, ReportRecord } from "../schemas/report.js";
import { toCellPerLine, wrapFirstCells } from "../scripts/make-variants.js";
import { readText } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const REPORTS = readdirSync(CORPUS).filter((f) => f.endsWith(".txt"));
const NUMBER_WORDS =
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(
    " ",
  );

/** Letters, digits and percent signs only: cells' tabs, line breaks and quotation marks aside. */
const squashed = (s: string) => s.toLowerCase().replace(/[^a-z0-9%]+/g, "");

/** The whole numbers a sentence names, in figures or in words ("seven ... and one"). */
function numbersNamed(text: string): number[] {
  return [...text.toLowerCase().matchAll(/\b(\d{1,3}|[a-z]+)\b/g)]
    .map((m) => (/^\d/.test(m[1] as string) ? Number(m[1]) : NUMBER_WORDS.indexOf(m[1] as string)))
    .filter((n) => n >= 0);
}

/** Each value whose snippet does not print it, and each snippet not at its value's line. */
function provenanceGaps(record: ReportRecord, source: string): string[] {
  const lines = source.split(/\r?\n/);
  const gaps: string[] = [];
  const check = (what: string, provenance: Provenance | null, shows: (snippet: string) => boolean) => {
    if (!provenance) return;
    if (!shows(provenance.snippet)) gaps.push(`${what}: ${JSON.stringify(provenance.snippet)}`);
    // The snippet's first cell stands at its line (or a line or two on, where blank lines or a
    // page's furniture came between the parts of a row put back together).
    const first = squashed(provenance.snippet.replace(/^…/, "").split(/[\t\n]/)[0] ?? "").slice(0, 12);
    const near = lines
      .slice(provenance.line - 1, provenance.line + 2)
      .map(squashed)
      .join("");
    if (!near.includes(first)) gaps.push(`${what}: not at line ${provenance.line}`);
  };
  const prints =
    (...values: string[]) =>
    (snippet: string) =>
      values.some((v) => squashed(snippet).includes(squashed(v)));
  const figure = (n: number) => prints(`${n}%`, `${n} %`, String(n), n.toLocaleString("en-GB"));
  // (A rating cell's words may stand either side of the prose beside it: "Requires" / "...
  // for all children." / "improvement".)
  const rated = (r: string) => (snippet: string) => {
    const words = squashed(snippet);
    let from = 0;
    for (const word of r.toLowerCase().split(" ")) {
      from = words.indexOf(word, from);
      if (from < 0) return false;
    }
    return true;
  };
  for (const k of [...record.keyQuestions, ...record.prompts]) {
    const value = k.percent ?? k.yes;
    const what = "id" in k ? `key question ${k.id}` : `prompt ${k.keyQuestionId} ${k.label ?? k.position}`;
    if (value !== null)
      check(what, k.provenance, k.percent !== null ? prints(`${value}%`, `${value} %`) : figure(value));
  }
  for (const s of record.standards) {
    if (s.rating) check(`standard ${s.id} table`, s.provenance, rated(s.rating));
    if (s.sectionRating) check(`standard ${s.id} section`, s.sectionProvenance, rated(s.sectionRating));
    if (s.annexRating) check(`standard ${s.id} annex`, s.annexProvenance, rated(s.annexRating));
    if (s.discretion) check(`standard ${s.id} discretion note`, s.discretionProvenance, prints("discretion"));
  }
  for (const r of record.ratingStatements)
    check(`${r.subject} in the ${r.where}`, r.provenance, rated(r.rating));
  for (const f of record.contextualFacts)
    if (f.value !== null) check(`fact ${f.group} ${f.label}`, f.provenance, figure(f.value));
  for (const s of record.sampleStatements)
    check(`sample ${s.domain}`, s.provenance, (snippet) => {
      // The size named, or the kinds a sentence lists added up ("six community sentences and one custodial").
      const named = numbersNamed(snippet);
      const runAddsUp = (from: number) => {
        let sum = named[from] as number;
        for (let k = from + 1; k < named.length && sum < s.size; k++) sum += named[k] as number;
        return sum === s.size;
      };
      return named.some((n, k) => n === s.size || runAddsUp(k));
    });
  // The report's identity: its area, service, inspector, months, score and overall rating.
  const MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");
  const month = (ym: string) => (snippet: string) => {
    const [year, m] = ym.split("-");
    return (
      squashed(snippet).includes(year as string) &&
      squashed(snippet).includes(MONTHS[Number(m) - 1] as string)
    );
  };
  const identity = record.identityProvenance;
  if (record.area) check("area", identity.area ?? null, prints(record.area));
  if (record.serviceName) check("service name", identity.serviceName ?? null, prints(record.serviceName));
  if (record.leadInspector)
    check("lead inspector", identity.leadInspector ?? null, prints(record.leadInspector));
  if (record.published) check("published", identity.published ?? null, month(record.published));
  if (record.fieldworkStart)
    check("fieldwork", identity.fieldworkStart ?? null, month(record.fieldworkStart));
  if (record.statedScore !== null)
    check("score", identity.statedScore ?? null, prints(`${record.statedScore}/36`));
  if (record.overallRating)
    check("overall rating", identity.overallRating ?? null, rated(record.overallRating));
  for (const item of record.recommendations.items)
    check(`recommendation ${item.number}`, item.provenance, prints(item.text.slice(0, 40)));
  return gaps;
}

describe("every value's snippet prints it, at the value's line", () => {
  const forms: [string, (text: string) => string][] = [
    ["as published", (t) => t],
    ["a cell per line", toCellPerLine],
    ["cells wrapped, figures beside the last line", (t) => wrapFirstCells(t, "last line")],
    ["cells wrapped over three lines, figures beside the first", (t) => wrapFirstCells(t, "first line", 3)],
  ];
  test.each(REPORTS.flatMap((r) => forms.map(([form, make]) => [r, form, make] as const)))(
    "%s %s",
    async (report, _, make) => {
      const text = make(readFileSync(join(CORPUS, report), "utf8"));
      const record = await readText(report, text);
      expect(record.keyQuestions.length).toBeGreaterThan(15);
      expect(provenanceGaps(record, text)).toEqual([]);
    },
  );
});

describe("a value read from several lines shows them all", () => {
  test("a prompt whose question wraps, its figure lines below", async () => {
    // (Tower Hamlets' annex: the snippet was the question's first line alone, no figure.)
    const record = await readText(
      "t.txt",
      readFileSync(join(CORPUS, "2022-07-tower-hamlets-and-city-of-london.txt"), "utf8"),
    );
    const prompt = record.prompts.find((p) => p.keyQuestionId === "3.2.3" && p.label === "d");
    expect(prompt?.percent).toBe(44);
    expect(prompt?.provenance.snippet).toBe(
      "d) Does planning include necessary contingency arrangements for those risks that have been identified? 44%",
    );
  });

  test("the foreword's overall rating, late in a long paragraph", async () => {
    // (Kirklees: "Overall," at character 363 of the foreword's paragraph; the snippet, its first
    // 400 characters, ended "rated as 'Requ…".)
    const record = await readText("t.txt", readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8"));
    const foreword = record.ratingStatements.find((s) => s.subject === "overall" && s.where === "foreword");
    expect(foreword?.provenance.snippet).toContain(
      "Overall, Kirklees YJS was rated as 'Requires improvement'.",
    );
  });

  test("a sample size stated late in a long line (a page run into one line)", async () => {
    const text = readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8");
    const sentence = "We took a detailed look at 21 community sentences and one custodial sentence";
    expect(text).toContain(sentence);
    const before = "The inspection looked at the work of the service in the months before it. ".repeat(8);
    const record = await readText("t.txt", text.replace(sentence, `${before}${sentence}`));
    const court = record.sampleStatements.find((s) => s.domain === "court" && s.size === 22);
    expect(court?.provenance.snippet).toContain(sentence);
  });

  test("a ratings-table row whose cells wrapped, its rating lines below", async () => {
    const record = await readText(
      "t.txt",
      [
        "An inspection of youth offending services in",
        "Anytown",
        "Ratings",
        "Anytown Youth Offending Service",
        "Overall rating",
        "Good",
        "1. Organisational delivery",
        "1.1 Governance and",
        "leadership",
        "Requires",
        "improvement",
        "1.2 Staff Good",
      ].join("\n"),
    );
    const standard = record.standards.find((s) => s.id === "1.1");
    expect(standard?.rating).toBe("Requires improvement");
    expect(standard?.provenance).toMatchObject({
      line: 8,
      snippet: "1.1 Governance and leadership Requires improvement",
    });
  });

  test("a cell wrapped onto the next line in layout text (pdftotext -layout): both lines", () => {
    // (Kirklees as pdftotext -layout writes its A5 pages: the count's share below it, in its cell.)
    const page = Array(25).fill(" Some text     with a column gap");
    const rows = [
      "     106         Total current caseload, of which:",
      "     69          court disposals",
      "     (65%)",
    ];
    const lines = normaliseLines(textSourceLines([...page, "\f", ...rows].join("\n")), "text").lines.slice(
      25,
    );
    expect(lines.map((l) => l.cells)).toEqual([
      ["106", "Total current caseload, of which:"],
      ["69 (65%)", "court disposals"],
    ]);
    expect(provenanceOf(lines[1] as Line)).toMatchObject({
      line: 28,
      snippet: "69          court disposals\n     (65%)",
    });
  });
});
