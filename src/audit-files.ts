// `yos audit <files>`: each file parsed and audited in the worker threads, as ingest parses (so a
// folder uses every core, and a file that hangs the parser is stopped at the time limit), with
// nothing loaded; the results come back in the order of the files.
import { readFileSync } from "node:fs";
import { statOf, whyUnreadable } from "../parsers/read.js";
import { typedError } from "./errors.js";
import { PARSE_DEPTH, ParsePool, READ_AHEAD_BYTES } from "./pool.js";
import type { AuditResult } from "./process-file.js";

export interface AuditOptions {
  jobs: number;
  timeoutMs: number;
  /** Aborted (Ctrl-C): no further file is read; those in the workers are finished. */
  signal?: AbortSignal;
  /** Inputs read already, by the name they have among `files` (standard input). */
  given?: ReadonlyMap<string, Buffer>;
}

/**
 * Each file's findings, or why it could not be audited, in the order of `files`; when `signal`
 * aborts, those of the files read until then (a leading part of `files`, in their order).
 */
export async function auditFiles(
  files: readonly string[],
  options: AuditOptions,
  onResult: (done: number, total: number) => void = () => {},
): Promise<{ file: string; result: AuditResult }[]> {
  const pool = new ParsePool(options.jobs, options.timeoutMs);
  const results: AuditResult[] = new Array(files.length);
  const pending = new Set<Promise<void>>();
  let bytesHeld = 0;
  let done = 0;
  let read = 0;
  const settle = (i: number, result: AuditResult) => {
    results[i] = result;
    onResult(++done, files.length);
  };
  try {
    const stopped = () => options.signal?.aborted === true;
    for (const [i, file] of files.entries()) {
      if (stopped()) break;
      // Read a file only when a worker will soon be free for it, and within READ_AHEAD_BYTES (as
      // ingest reads): a folder of PDFs is never held in memory at once.
      const ready = options.given?.get(file);
      const size = ready?.length ?? statOf(file)?.size ?? 0; // none told: its read fails and says why
      while (
        pending.size >= options.jobs * PARSE_DEPTH ||
        (pending.size > 0 && bytesHeld + size > READ_AHEAD_BYTES)
      )
        await Promise.race(pending);
      if (stopped()) break;
      read = i + 1;
      let bytes: Buffer;
      try {
        bytes = ready ?? readFileSync(file);
      } catch (err) {
        settle(i, { ok: false, error: typedError(file, "E_UNREADABLE", whyUnreadable(file, err)) });
        continue;
      }
      const held = bytes.length;
      bytesHeld += held;
      const job: Promise<void> = pool
        .audit(file, bytes)
        .then((result) => settle(i, result))
        .finally(() => {
          pending.delete(job);
          bytesHeld -= held;
        });
      pending.add(job);
    }
    await Promise.all(pending);
  } finally {
    await pool.close();
  }
  // Files are settled out of order, but read in order: those read are the first `read`.
  return files.slice(0, read).map((file, i) => ({ file, result: results[i] as AuditResult }));
}
