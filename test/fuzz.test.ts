// Property-based fuzzing of the extractor (fixed seed, bounded runs): corpus reports with lines
// deleted, duplicated or shuffled, cut short, sprinkled with random bytes, or with numbers
// mangled must give a record valid against its schema or a typed error — never anything else,
// never a hang, never a value outside its schema (a percentage of 140, a score of 99/36).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect, test } from "vitest";
import { ReadError, documentFromBytes } from "../parsers/read.js";
import { ReportRecordSchema } from "../schemas/report.js";
import { NotAReportError, extractDocument } from "../src/extract.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const texts = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(CORPUS, f), "utf8"));

type Mutation =
  | { kind: "delete"; at: number; count: number }
  | { kind: "duplicate"; at: number; count: number }
  | { kind: "shuffle"; at: number; count: number; seed: number }
  | { kind: "cut"; at: number }
  | { kind: "bytes"; at: number; bytes: number[] }
  | { kind: "numbers"; seed: number; rate: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({
    kind: fc.constant("shuffle" as const),
    at: fc.nat(),
    count: fc.integer({ min: 2, max: 100 }),
    seed: fc.nat(),
  }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("bytes" as const),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant("numbers" as const),
    seed: fc.nat(),
    rate: fc.double({ min: 0.05, max: 1, noNaN: true }),
  }),
);

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

function mutate(text: string, m: Mutation): Buffer {
  const lines = text.split("\n");
  const at = "at" in m ? m.at % Math.max(1, lines.length) : 0;
  switch (m.kind) {
    case "delete":
      lines.splice(at, m.count);
      return Buffer.from(lines.join("\n"));
    case "duplicate":
      lines.splice(at, 0, ...lines.slice(at, at + m.count));
      return Buffer.from(lines.join("\n"));
    case "shuffle": {
      const r = rng(m.seed);
      const part = lines.slice(at, at + m.count).sort(() => r() - 0.5);
      lines.splice(at, part.length, ...part);
      return Buffer.from(lines.join("\n"));
    }
    case "cut":
      return Buffer.from(text.slice(0, m.at % text.length));
    case "bytes": {
      const buf = Buffer.from(text);
      const pos = m.at % buf.length;
      return Buffer.concat([buf.subarray(0, pos), Buffer.from(m.bytes), buf.subarray(pos)]);
    }
    case "numbers": {
      const r = rng(m.seed);
      // Digits replaced at random: percentages of 140, scores of 99/36, counts of 0.
      return Buffer.from(text.replace(/\d/g, (d) => (r() < m.rate ? String(Math.floor(r() * 10)) : d)));
    }
  }
}

test("mutated reports give a valid record or a typed error, quickly", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: texts.length - 1 }),
      fc.array(mutation, { minLength: 1, maxLength: 3 }),
      async (which, mutations) => {
        let bytes: Buffer = Buffer.from(texts[which] as string);
        for (const m of mutations) bytes = mutate(bytes.toString("utf8"), m);
        const started = performance.now();
        try {
          const record = extractDocument(await documentFromBytes("fuzz.txt", bytes));
          expect(ReportRecordSchema.safeParse(record).success).toBe(true);
        } catch (err) {
          if (!(err instanceof ReadError || err instanceof NotAReportError)) throw err;
        }
        expect(performance.now() - started).toBeLessThan(5000);
      },
    ),
    { seed: 20261123, numRuns: 400 },
  );
}, 300_000);
