// Worker thread: parses and audits the files the pool sends it, one at a time.
import { parentPort } from "node:worker_threads";
import { processBytes } from "./process-file.js";

export interface WorkerRequest {
  id: number;
  file: string;
  bytes: Uint8Array;
}

parentPort?.on("message", async (req: WorkerRequest) => {
  const result = await processBytes(
    req.file,
    Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength),
  );
  parentPort?.postMessage({ id: req.id, result });
});
