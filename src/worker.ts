// Worker thread: parses and audits the files the pool sends it, one at a time and in the
// order sent (the pool may send the next file before this one is done).
import { parentPort } from "node:worker_threads";
import { processBytes } from "./process-file.js";

export interface WorkerRequest {
  id: number;
  file: string;
  bytes: Uint8Array;
  sha256?: string;
}

let queue: Promise<void> = Promise.resolve();

parentPort?.on("message", (req: WorkerRequest) => {
  queue = queue.then(async () => {
    const result = await processBytes(
      req.file,
      Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength),
      req.sha256,
    );
    parentPort?.postMessage({ id: req.id, result });
  });
});
