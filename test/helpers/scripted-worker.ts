// A stand-in parse worker for test/pool.test.ts: what it does with a file is in the file's
// name ("hang" never answers, "crash" throws), so the pool's timeout and crash handling can be
// tested without a pathological report.
import { parentPort, threadId } from "node:worker_threads";
import type { WorkerRequest } from "../../src/worker.js";

parentPort?.on("message", (req: WorkerRequest) => {
  if (req.file.includes("hang")) {
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      // busy, as a parser stuck on a pathological file is
    }
  }
  if (req.file.includes("crash")) throw new Error(`worker died on ${req.file}`);
  parentPort?.postMessage({
    id: req.id,
    result: {
      ok: false,
      error: { code: "E_PARSE", file: req.file, message: `parsed ${req.file}`, hint: `thread ${threadId}` },
    },
  });
});
