// One file through the whole pipeline: read -> normalise -> segment -> extract -> audit.
// Runs inside a worker thread (src/worker.ts) so that a batch uses every core and a
// pathological file can be stopped.
import { documentFromBytes } from "../parsers/read.js";
import type { Finding } from "../schemas/finding.js";
import type { ReportRecord } from "../schemas/report.js";
import { auditRecord } from "./audit/index.js";
import { type InputError, inputError } from "./errors.js";
import { extractDocument } from "./extract.js";

export interface Processed {
  record: ReportRecord;
  findings: Finding[];
}

export type ProcessResult = { ok: true; value: Processed } | { ok: false; error: InputError };

export async function processBytes(file: string, bytes: Buffer): Promise<ProcessResult> {
  try {
    const raw = await documentFromBytes(file, bytes);
    const record = extractDocument(raw);
    return { ok: true, value: { record, findings: auditRecord(record) } };
  } catch (err) {
    return { ok: false, error: inputError(file, err) };
  }
}
