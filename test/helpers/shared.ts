import { expect } from "vitest";
import type { ReportRecord } from "../../schemas/report.js";
// Helpers several test files share.
import { main } from "../../src/cli.js";
import type { Db } from "../../src/db.js";

/** Run the `yos` command in process, collecting what it prints. */
export async function run(args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await main(args, (s) => out.push(s));
  return { code, out };
}

const WHERE =
  /^(provenance|sectionProvenance|annexProvenance|statedCountProvenance|identityProvenance|sentence)$/;

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
