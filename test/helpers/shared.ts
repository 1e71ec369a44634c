import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { documentFromBytes } from "../../parsers/read.js";
import type { ReportRecord } from "../../schemas/report.js";
// Helpers several test files share.
import { main } from "../../src/cli.js";
import type { Db } from "../../src/db.js";
import { extractDocument } from "../../src/extract.js";

/** A report's text, as a file named `name` holding it is read. */
export async function readText(name: string, text: string): Promise<ReportRecord> {
  return extractDocument(await documentFromBytes(name, Buffer.from(text, "utf8")));
}

/** Tower Hamlets' key staffing data as the report prints it (checked by hand): label and figure. */
export const TOWER_HAMLETS_STAFFING: [string, number][] = [
  ["Total staff headcount (full-time equivalent (FTE))", 18],
  ["Total headcount qualified case managers (FTE)", 10],
  ["Vacancy rate (total unfilled posts as percentage of total staff headcount)", 11],
  [
    "Vacancy rate case managers only (total unfilled case manager posts as percentage of total case manager headcount)",
    5,
  ],
  ["Average caseload case managers (FTE)", 9],
  ["Average annual working days sickness (all staff)", 7],
  ["Staff attrition (percentage of all staff leaving in 12-month period)", 16.6],
];

/**
 * A corpus report with rows as a converter damaged them, read: each [printed, damaged] pair's
 * printed text is checked to be in the report first, so that a test cannot pass on a row it
 * never changed.
 */
export async function damagedReport(name: string, ...edits: [printed: string, damaged: string][]) {
  let text = readFileSync(join(import.meta.dirname, "..", "..", "corpus", name), "utf8");
  for (const [printed, damaged] of edits) {
    expect(text).toContain(printed);
    text = text.replace(printed, damaged);
  }
  return readText("variant.txt", text);
}

/** Run the `yos` command in process, collecting what it prints, and what it writes to stderr. */
export async function run(args: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stderr = process.stderr.write;
  process.stderr.write = ((s: string | Uint8Array) => {
    err.push(String(s));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(args, (s) => out.push(s));
    return { code, out, err: err.join("") };
  } finally {
    process.stderr.write = stderr;
  }
}

const WHERE = /^(provenance|sentence)$|Provenance$/;

/**
 * A record's values without where they were read (line numbers and snippets differ between
 * renderings of one report). With `narrativeText: false`, the narrative keeps only its sections
 * (a PDF breaks lines differently; the sections must still be the same).
 */
export function recordValues(record: ReportRecord, { narrativeText = true } = {}): unknown {
  const narrative = narrativeText ? record.narrative : record.narrative.map((n) => [n.section, n.standardId]);
  return JSON.parse(
    JSON.stringify({ ...record, source: undefined, narrative }, (key, value) =>
      WHERE.test(key) ? undefined : value,
    ),
  );
}

/**
 * A record's values as a set of statements ("standards 2.1 rating=Good", a key question or fact
 * as a whole, without where it was read or its position): a damaged rendering may read fewer
 * (lost) but must read none that the original does not (wrong).
 */
export function valueStatements(record: ReportRecord): Set<string> {
  const out = new Set<string>();
  const plain = recordValues(record, { narrativeText: false }) as Record<string, unknown>;
  for (const [field, value] of Object.entries(plain)) {
    if (/^(warnings|completeness|narrative|parserVersion)$/.test(field) || value === null) continue;
    if (field === "standards") {
      for (const s of value as Record<string, unknown>[])
        for (const [k, v] of Object.entries(s))
          if (v !== null) out.add(`standards ${s.id} ${k}=${JSON.stringify(v)}`);
    } else if (Array.isArray(value)) {
      for (const item of value) out.add(`${field} ${JSON.stringify({ ...item, position: undefined })}`);
    } else out.add(`${field}=${JSON.stringify(value)}`);
  }
  return out;
}

/**
 * The full-text index agrees with the narrative it covers: FTS5's own check against the rows
 * passes, and a search for `word` finds the same sections as it does once the index is rebuilt
 * from scratch (no stale or missing entries); those sections belong to `reports` reports.
 */
export function expectSearchIndexSound(db: Db, word: string, reports: number): void {
  db.exec("INSERT INTO narrative_fts(narrative_fts, rank) VALUES ('integrity-check', 1)");
  const search = db.prepare(
    `SELECT n.id, n.report_id FROM narrative_fts JOIN narrative_sections n ON n.id = narrative_fts.rowid
     WHERE narrative_fts MATCH ? ORDER BY n.id`,
  );
  const found = search.all(`"${word}"`) as { id: number; report_id: number }[];
  db.exec("SAVEPOINT rebuilt; INSERT INTO narrative_fts(narrative_fts) VALUES ('rebuild')");
  const rebuilt = search.all(`"${word}"`);
  db.exec("ROLLBACK TO rebuilt; RELEASE rebuilt");
  expect(found).toEqual(rebuilt);
  expect(new Set(found.map((r) => r.report_id)).size).toBe(reports);
}

/** A report's text as its re-inspection would be titled ("A re-inspection of youth offending services in"). */
export function asReinspection(text: string): string {
  const title = "An inspection of youth offending services in";
  if (!text.includes(title)) throw new Error("no cover title to retitle");
  return text.replace(title, "A re-inspection of youth offending services in");
}
