// A pool of worker threads that parse files in parallel (p-limit bounds what is in flight;
// the database writer stays in the main thread). Each worker holds its next files while it
// parses the current one, so that it never waits for the main thread between files. A file
// that takes longer than the timeout has its worker terminated and replaced (the files queued
// behind it go to the new worker), and comes back as E_TIMEOUT.
import { Worker } from "node:worker_threads";
import pLimit from "p-limit";
import { isPdf } from "../parsers/read.js";
import { typedError } from "./errors.js";
import type { AuditResult, ProcessResult, WorkerTask } from "./process-file.js";
import type { WorkerRequest } from "./worker.js";

/** What a worker sends back: a file's rows for the writer, or its findings for `yos audit`. */
type WorkerResult = ProcessResult | AuditResult;

const WORKER_FILE = new URL(import.meta.url.endsWith(".ts") ? "worker.ts" : "worker.js", import.meta.url);

/**
 * Files one worker holds: the one it parses and those next. The writer blocks the main thread
 * while it writes a batch (some 35 ms for 8 text reports), and a worker that finishes what it
 * holds meanwhile sits idle: text parses in 4-5 ms, so it needs several files in hand.
 * (With 4, one job ran at 105 reports/s; with 16, 130.) Ingest bounds the bytes held as well.
 */
export const PARSE_DEPTH = 16;

/**
 * The most file bytes read but not yet done with (each also copied once to its worker): a few
 * large PDFs, or dozens of text files; at 64 MiB, 1000 small PDFs with 2 jobs peaked 20 MB higher.
 */
export const READ_AHEAD_BYTES = 8 * 2 ** 20;

// Bounded heaps: V8 otherwise lets each thread's heap grow long before it collects, and a long
// batch would hold hundreds of MB it does not need. The young generation is large enough that
// a report's short-lived objects die young (at 16 MB, GC took a fifth of the parse).
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 48 };

/** A worker running `file`; a TypeScript file (the test runner's sources) with tsx's loader first. */
function newWorker(file: URL): Worker {
  if (!file.pathname.endsWith(".ts")) return new Worker(file, { resourceLimits: RESOURCE_LIMITS });
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(api)}).then((m) => m.register()).then(() => import(${JSON.stringify(file.href)}))`;
  return new Worker(boot, { eval: true, resourceLimits: RESOURCE_LIMITS });
}

interface Job {
  id: number;
  task: WorkerTask;
  file: string;
  bytes: Uint8Array;
  sha256: string | undefined;
  resolve: (result: WorkerResult) => void;
}

/** A worker and the jobs it holds, in the order it runs them (the first is under way). */
class Slot {
  worker: Worker;
  jobs: Job[] = [];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly workerFile: URL,
  ) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = newWorker(this.workerFile);
    let died: Error | null = null;
    worker.on("message", (msg: { id: number; result: WorkerResult }) => {
      if (this.jobs[0]?.id === msg.id) this.settleFirst(msg.result);
    });
    // A worker that throws (or runs out of memory) still delivers what it posted before: those
    // results arrive before "exit", so the file it died on is the first one left.
    worker.on("error", (err: Error) => {
      died = err;
    });
    worker.on("exit", (code) => {
      if (worker !== this.worker || this.closed) return;
      const first = this.jobs.shift();
      this.restart();
      this.arm();
      first?.resolve({
        ok: false,
        error: typedError(first.file, "E_PARSE", died?.message ?? `the parser stopped (exit code ${code})`),
      });
    });
    return worker;
  }

  /** A fresh worker in place of this one; the jobs it held are sent again. */
  private restart(): void {
    void this.worker.terminate();
    this.worker = this.start();
    for (const job of this.jobs) this.send(job);
  }

  private send(job: Job): void {
    // The worker receives its own copy: the bytes stay intact here for a resend.
    const copy = new Uint8Array(job.bytes);
    const request: WorkerRequest = {
      id: job.id,
      task: job.task,
      file: job.file,
      bytes: copy,
      sha256: job.sha256,
    };
    this.worker.postMessage(request, [copy.buffer]);
  }

  add(job: Job): void {
    this.jobs.push(job);
    this.send(job);
    if (this.jobs.length === 1) this.arm();
  }

  /** The time limit runs for the job under way only, not for those waiting behind it. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const first = this.jobs[0];
    if (!first) return;
    this.timer = setTimeout(() => {
      this.jobs.shift();
      this.restart();
      this.arm();
      first.resolve({
        ok: false,
        error: typedError(first.file, "E_TIMEOUT", `not parsed within ${this.timeoutMs / 1000} s`),
      });
    }, this.timeoutMs);
    // The time limit must not keep a finished (or failed) batch's process alive.
    this.timer.unref();
  }

  private settleFirst(result: WorkerResult): void {
    const first = this.jobs.shift();
    this.arm();
    first?.resolve(result);
  }

  /** Settle every job held (the batch stopped) and stop the worker. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const jobs = this.jobs;
    this.jobs = [];
    for (const job of jobs)
      job.resolve({ ok: false, error: typedError(job.file, "E_PARSE", "not parsed: the batch stopped") });
    await this.worker.terminate();
  }
}

export class ParsePool {
  private slots: Slot[] = [];
  private limit: ReturnType<typeof pLimit>;
  private nextId = 0;

  constructor(
    readonly size: number,
    readonly timeoutMs: number,
    /** The worker script (tests give one of their own). */
    private readonly workerFile: URL = WORKER_FILE,
  ) {
    this.limit = pLimit(size * PARSE_DEPTH);
  }

  /** Files sent to a worker or waiting for one. */
  get inFlight(): number {
    return this.limit.activeCount + this.limit.pendingCount;
  }

  /** A file's rows for the database writer. */
  parse(file: string, bytes: Buffer, sha256?: string): Promise<ProcessResult> {
    const workers = isPdf(bytes) ? this.size : this.textWorkers;
    return this.run("ingest", file, bytes, sha256, workers) as Promise<ProcessResult>;
  }

  /** A file's findings (`yos audit`): no writer to leave a core to, so text goes to every worker. */
  audit(file: string, bytes: Buffer): Promise<AuditResult> {
    return this.run("audit", file, bytes, undefined, this.size) as Promise<AuditResult>;
  }

  private run(
    task: WorkerTask,
    file: string,
    bytes: Buffer,
    sha256: string | undefined,
    workers: number,
  ): Promise<WorkerResult> {
    return this.limit(
      () =>
        new Promise<WorkerResult>((resolve) => {
          this.slotFor(workers).add({ id: this.nextId++, task, file, bytes, sha256, resolve });
        }),
    );
  }

  /**
   * How many workers take text: all but one. Writing a text report (main thread) costs about
   * as much as parsing it, so with every core parsing text the writer shares a core and the
   * batch slows (2 jobs on 2 cores: 96 reports/s, against 116 with 1); a PDF parses some 40
   * times longer than it writes, and goes to every worker.
   */
  get textWorkers(): number {
    return Math.max(1, this.size - 1);
  }

  /** Of the first `workers` workers, the one holding the fewest files; a new one while fewer run. */
  private slotFor(workers: number): Slot {
    let best: Slot | undefined;
    for (const s of this.slots.slice(0, workers)) if (!best || s.jobs.length < best.jobs.length) best = s;
    if (best && (best.jobs.length === 0 || this.slots.length >= workers)) return best;
    const slot = new Slot(this.timeoutMs, this.workerFile);
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.close()));
    this.slots = [];
  }
}
