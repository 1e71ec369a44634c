// Worker thread: parses and audits the files the pool sends it, one at a time and in the
// order sent (the pool may send the next file before this one is done).
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { type WorkerTask, auditBytes, processBytes } from "./process-file.js";

export interface WorkerRequest {
  id: number;
  task: WorkerTask;
  file: string;
  bytes: Uint8Array;
  sha256?: string;
}

/**
 * The database writer (the main thread) is the pipeline's one serial stage: when parsers and
 * writer want more cores than there are, the writer must not wait behind a parser. Linux gives
 * each thread its own niceness, so a parse worker steps one notch below (elsewhere: nothing).
 */
function yieldToWriter(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + 5));
  } catch {
    // not Linux, or not allowed: parse at the same priority
  }
}
yieldToWriter();

let queue: Promise<void> = Promise.resolve();

parentPort?.on("message", (req: WorkerRequest) => {
  queue = queue.then(async () => {
    const bytes = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
    const result =
      req.task === "audit"
        ? await auditBytes(req.file, bytes)
        : await processBytes(req.file, bytes, req.sha256);
    parentPort?.postMessage({ id: req.id, result });
  });
});
