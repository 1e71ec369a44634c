// The parse pool: each worker holds the file it parses and the next ones; a file that hangs or
// kills its worker fails alone, and the files queued behind it are parsed by a fresh worker.
import { afterEach, describe, expect, test } from "vitest";
import { ParsePool } from "../src/pool.js";

const SCRIPTED = new URL("./helpers/scripted-worker.ts", import.meta.url);
let pool: ParsePool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const outcome = (r: Awaited<ReturnType<ParsePool["parse"]>>) =>
  r.ok ? "ok" : `${r.error.code} ${r.error.message}`;

describe("ParsePool", () => {
  test("answers every file with its own result, in any number of workers", async () => {
    pool = new ParsePool(2, 30_000, SCRIPTED);
    const files = Array.from({ length: 12 }, (_, i) => `f${i}.txt`);
    const results = await Promise.all(files.map((f) => (pool as ParsePool).parse(f, Buffer.from(f))));
    expect(results.map(outcome)).toEqual(files.map((f) => `E_PARSE parsed ${f}`));
  });

  test("text goes to all workers but one (the writer keeps a core); PDFs go to all", async () => {
    pool = new ParsePool(2, 30_000, SCRIPTED);
    const threads = async (files: string[], bytes: (f: string) => Buffer) => {
      const results = await Promise.all(files.map((f) => (pool as ParsePool).parse(f, bytes(f))));
      return new Set(results.map((r) => (r.ok ? null : (r.error as { hint?: string }).hint)));
    };
    const names = Array.from({ length: 40 }, (_, i) => `f${i}`);
    expect((await threads(names, (f) => Buffer.from(f))).size).toBe(1);
    expect((await threads(names, (f) => Buffer.from(`%PDF-1.4 ${f}`))).size).toBe(2);
  });

  test("a file that hangs times out; the files queued behind it in the same worker are parsed", async () => {
    pool = new ParsePool(1, 4_000, SCRIPTED);
    const files = ["a.txt", "hang.txt", "b.txt", "c.txt"];
    const results = await Promise.all(files.map((f) => (pool as ParsePool).parse(f, Buffer.from(f))));
    expect(results.map(outcome)).toEqual([
      "E_PARSE parsed a.txt",
      expect.stringMatching(/^E_TIMEOUT .*not parsed within 4 s/),
      "E_PARSE parsed b.txt",
      "E_PARSE parsed c.txt",
    ]);
  }, 30_000);

  test("a file that kills its worker fails with the reason; the next files are parsed", async () => {
    pool = new ParsePool(1, 30_000, SCRIPTED);
    const files = ["a.txt", "crash.txt", "b.txt"];
    const results = await Promise.all(files.map((f) => (pool as ParsePool).parse(f, Buffer.from(f))));
    expect(results.map(outcome)).toEqual([
      "E_PARSE parsed a.txt",
      expect.stringMatching(/^E_PARSE .*worker died on crash\.txt/),
      "E_PARSE parsed b.txt",
    ]);
  }, 30_000);

  test("close() settles the files still held", async () => {
    pool = new ParsePool(1, 30_000, SCRIPTED);
    const pending = ["hang.txt", "x.txt"].map((f) => (pool as ParsePool).parse(f, Buffer.from(f)));
    await new Promise((r) => setTimeout(r, 200));
    await pool.close();
    const results = await Promise.all(pending);
    expect(results.map(outcome)).toEqual([
      expect.stringMatching(/^E_PARSE .*the batch stopped/),
      expect.stringMatching(/^E_PARSE .*the batch stopped/),
    ]);
  });
});
