// One file through the whole pipeline: read -> normalise -> segment -> extract -> audit.
// Runs inside a worker thread (src/worker.ts) so that a batch uses every core and a
// pathological file can be stopped.
import { documentFromBytes } from "../parsers/read.js";
import type { Finding } from "../schemas/finding.js";
import { auditRecord } from "./audit/index.js";
import { type InputError, inputError } from "./errors.js";
import { extractDocument, partialReasons } from "./extract.js";
import { type ReportRows, reportRows } from "./tabulate.js";

/** What the writer needs of a parsed report: its rows, and the few facts the outcome reports. */
export interface Processed {
  rows: ReportRows;
  summary: {
    area: string | null;
    overallRating: string | null;
    completeness: string;
    warnings: number;
    findings: number;
    /** Why the report counts as partly read (none: ok). */
    partialReasons: string[];
  };
}

export type ProcessResult = { ok: true; value: Processed } | { ok: false; error: InputError };

/** What `yos audit` needs of a file: its findings (no rows: nothing is loaded). */
export type AuditResult = { ok: true; value: Finding[] } | { ok: false; error: InputError };

/** The work a worker is asked to do with a file. */
export type WorkerTask = "ingest" | "audit";

export async function auditBytes(file: string, bytes: Buffer): Promise<AuditResult> {
  try {
    return { ok: true, value: auditRecord(extractDocument(await documentFromBytes(file, bytes))) };
  } catch (err) {
    return { ok: false, error: inputError(file, err) };
  }
}

export async function processBytes(file: string, bytes: Buffer, sha256?: string): Promise<ProcessResult> {
  try {
    const raw = await documentFromBytes(file, bytes, sha256);
    const record = extractDocument(raw);
    const findings = auditRecord(record);
    return {
      ok: true,
      value: {
        rows: reportRows(record, findings),
        summary: {
          area: record.area,
          overallRating: record.overallRating,
          completeness: `${record.completeness.found}/${record.completeness.expected}`,
          warnings: record.warnings.length,
          findings: findings.length,
          partialReasons: partialReasons(record),
        },
      },
    };
  } catch (err) {
    return { ok: false, error: inputError(file, err) };
  }
}
