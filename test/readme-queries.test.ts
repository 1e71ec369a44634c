// The README's example queries, run on a database built from the corpus: each must give the
// result the README shows (values worked out by hand from the reports).
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { main } from "../src/cli.js";
import { openDatabase } from "../src/db.js";

const ROOT = join(import.meta.dirname, "..");
const DB = join(import.meta.dirname, ".tmp", "readme.sqlite");

function readmeQueries(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  return [...readme.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => (m[1] as string).trim());
}

beforeAll(async () => {
  mkdirSync(join(import.meta.dirname, ".tmp"), { recursive: true });
  rmSync(DB, { force: true });
  const code = await main(["ingest", join(ROOT, "corpus"), "--db", DB], () => {});
  expect(code).toBe(0);
});

test("the README has three example queries", () => {
  expect(readmeQueries()).toHaveLength(3);
});

test("services rated Inadequate on out-of-court assessment", () => {
  const db = openDatabase(DB);
  expect(db.prepare(readmeQueries()[0] as string).all()).toEqual([
    { area: "Croydon", overall_rating: "Requires improvement" },
  ]);
  db.close();
});

test("average percentage on keeping other people safe, court vs out-of-court", () => {
  const db = openDatabase(DB);
  // Court: Croydon 79+66+75+70, Kirklees 50+22+78+39, Tower Hamlets 81+63+63+56,
  // Blackburn 86+71+100+57 = 1056 / 16. Out-of-court: 46+50+54, 53+13+38, 56+56+67,
  // 100+100+100 = 733 / 12.
  expect(db.prepare(readmeQueries()[1] as string).all()).toEqual([
    { domain: "court", avg_percent: 66, n: 16 },
    { domain: "out-of-court", avg_percent: 61.1, n: 12 },
  ]);
  db.close();
});

test("standards whose section does not restate the table's rating", () => {
  const db = openDatabase(DB);
  expect(db.prepare(readmeQueries()[2] as string).all()).toEqual([
    { area: "Blackburn with Darwen", id: "4.1", rating: null, section_rating: "Good" },
    { area: "Croydon", id: "1.3", rating: "Requires improvement", section_rating: null },
    { area: "Croydon", id: "3.4", rating: "Good", section_rating: null },
    {
      area: "Tower Hamlets and City of London",
      id: "1.3",
      rating: "Requires improvement",
      section_rating: null,
    },
  ]);
  db.close();
});
