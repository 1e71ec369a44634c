// Times the parse stage a worker runs (read, normalise, segment, extract, audit, tabulate, and
// the copy to the writer) in this one thread, without the database: the number to watch when
// making the parsers faster. Best of five rounds over the folder (after `npm run bench`, the
// synthetic corpus is in out/bench/text-1000). Add --cpu-prof to node for a profile:
//   npx tsx scripts/profile-parse.ts [folder] [how many files]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { processBytes } from "../src/process-file.js";

const dir = process.argv[2] ?? join(import.meta.dirname, "..", "out", "bench", "text-1000");
const limit = Number(process.argv[3] ?? 200);
const files = readdirSync(dir)
  .filter((f) => /\.(txt|md|pdf)$/i.test(f))
  .slice(0, limit)
  .map((f) => join(dir, f));
const bytes = files.map((f) => readFileSync(f));
const rounds: number[] = [];
for (let round = 0; round < 5; round++) {
  const start = performance.now();
  for (let i = 0; i < files.length; i++) {
    const result = await processBytes(files[i] as string, bytes[i] as Buffer);
    structuredClone(result); // what postMessage costs the worker
  }
  rounds.push((performance.now() - start) / files.length);
}
console.log(
  `${files.length} files: best ${Math.min(...rounds).toFixed(2)} ms/report (rounds: ${rounds.map((r) => r.toFixed(2)).join(", ")})`,
);
