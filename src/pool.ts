// A pool of worker threads that parse files in parallel (p-limit bounds what is in flight;
// the database writer stays in the main thread). A file that takes longer than the timeout
// has its worker terminated and replaced, and comes back as E_TIMEOUT.
import { Worker } from "node:worker_threads";
import pLimit from "p-limit";
import { typedError } from "./errors.js";
import type { ProcessResult } from "./process-file.js";

const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_FILE = new URL(FROM_SOURCE ? "worker.ts" : "worker.js", import.meta.url);

/** The compiled worker; under the test runner (TypeScript sources) tsx's loader first. */
// Bounded heaps: V8 otherwise lets each thread's heap grow long before it collects, and a long
// batch would hold hundreds of MB it does not need.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 };

function newWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_FILE, { resourceLimits: RESOURCE_LIMITS });
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(api)}).then((m) => m.register()).then(() => import(${JSON.stringify(WORKER_FILE.href)}))`;
  return new Worker(boot, { eval: true, resourceLimits: RESOURCE_LIMITS });
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

export class ParsePool {
  private slots: Slot[] = [];
  /** Jobs under way, so that close() can settle them. */
  private active = new Set<() => void>();
  private limit: ReturnType<typeof pLimit>;
  private nextId = 0;

  constructor(
    readonly size: number,
    readonly timeoutMs: number,
  ) {
    this.limit = pLimit(size);
  }

  private spawn(): Slot {
    return { worker: newWorker(), busy: false };
  }

  private acquire(): Slot {
    let slot = this.slots.find((s) => !s.busy);
    if (!slot) {
      slot = this.spawn();
      this.slots.push(slot);
    }
    slot.busy = true;
    return slot;
  }

  parse(file: string, bytes: Buffer): Promise<ProcessResult> {
    return this.limit(() => this.run(file, bytes));
  }

  private run(file: string, bytes: Buffer): Promise<ProcessResult> {
    const slot = this.acquire();
    const id = this.nextId++;
    return new Promise<ProcessResult>((resolve) => {
      const abort = () =>
        finish({ ok: false, error: typedError(file, "E_PARSE", "not parsed: the batch stopped") });
      this.active.add(abort);
      const finish = (result: ProcessResult) => {
        this.active.delete(abort);
        clearTimeout(timer);
        slot.worker.off("message", onMessage);
        slot.worker.off("error", onError);
        slot.busy = false;
        resolve(result);
      };
      const onMessage = (msg: { id: number; result: ProcessResult }) => {
        if (msg.id === id) finish(msg.result);
      };
      const replace = () => {
        void slot.worker.terminate();
        const fresh = this.spawn();
        slot.worker = fresh.worker;
      };
      const onError = (err: Error) => {
        replace();
        finish({
          ok: false,
          error: typedError(file, "E_PARSE", err.message),
        });
      };
      const timer = setTimeout(() => {
        this.active.delete(abort);
        slot.worker.off("message", onMessage);
        slot.worker.off("error", onError);
        replace();
        slot.busy = false;
        resolve({
          ok: false,
          error: typedError(file, "E_TIMEOUT", `not parsed within ${this.timeoutMs / 1000} s`),
        });
      }, this.timeoutMs);
      // The time limit must not keep a finished (or failed) batch's process alive.
      timer.unref();
      slot.worker.on("message", onMessage);
      slot.worker.on("error", onError);
      const copy = new Uint8Array(bytes);
      slot.worker.postMessage({ id, file, bytes: copy }, [copy.buffer]);
    });
  }

  async close(): Promise<void> {
    for (const abort of [...this.active]) abort();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
