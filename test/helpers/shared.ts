import type { ReportRecord } from "../../schemas/report.js";
// Helpers several test files share.
import { main } from "../../src/cli.js";

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
