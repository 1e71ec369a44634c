// The documented schema, the example queries and the exports, on a database built from the corpus.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { WarningSchema } from "../schemas/report.js";
import { TABLES } from "../schemas/sql.js";
import { VIEWS } from "../schemas/views.js";
import { openDatabase } from "../src/db.js";
import { queriesMarkdown } from "../src/queries-doc.js";
import { QUERIES } from "../src/queries.js";
import { buildReportHtml } from "../src/report-html.js";
import { schemaMarkdown } from "../src/schema-doc.js";
import { run } from "./helpers/shared.js";

const ROOT = join(import.meta.dirname, "..");
const TMP = join(import.meta.dirname, ".tmp", "docs");
const DB = join(TMP, "yos.sqlite");

beforeAll(async () => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  expect((await run(["ingest", join(ROOT, "corpus"), "--db", DB, "--quiet"])).code).toBe(0);
});

describe("documentation", () => {
  test("docs/schema.md is generated from the schema and current", () => {
    expect(readFileSync(join(ROOT, "docs", "schema.md"), "utf8")).toBe(schemaMarkdown());
  });

  test("every table and view column is documented", () => {
    for (const t of TABLES)
      for (const c of t.columns) expect(c.description, `${t.name}.${c.name}`).toBeTruthy();
    const db = openDatabase(DB);
    for (const v of VIEWS) {
      const cols = db
        .prepare(`SELECT * FROM "${v.name}" LIMIT 0`)
        .columns()
        .map((c) => c.name);
      expect(cols, v.name).toEqual(Object.keys(v.columns));
    }
    db.close();
  });

  test("a warning code outside the documented list does not validate; the corpus's codes are listed", () => {
    const warning = { code: "score-missing", message: "m", provenance: null };
    expect(WarningSchema.safeParse(warning).success).toBe(true);
    expect(WarningSchema.safeParse({ ...warning, code: "something-else" }).success).toBe(false);
    const db = openDatabase(DB);
    const codes = db.prepare("SELECT DISTINCT code FROM warnings ORDER BY code").all() as { code: string }[];
    db.close();
    expect(codes.length).toBeGreaterThan(0);
    for (const { code } of codes) expect(schemaMarkdown()).toContain(`| \`${code}\` |`);
  });

  test("docs/queries.md shows at least eight queries with their current results on the corpus", () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(8);
    const db = openDatabase(DB);
    for (const q of QUERIES) expect(db.prepare(q.sql).all().length, q.question).toBeGreaterThan(0);
    expect(readFileSync(join(ROOT, "docs", "queries.md"), "utf8")).toBe(queriesMarkdown(db));
    db.close();
  });
});

describe("views and search", () => {
  test("inspections has every standard side by side and the two scores", () => {
    const db = openDatabase(DB);
    const kirklees = db.prepare("SELECT * FROM inspections WHERE area = 'Kirklees'").get() as Record<
      string,
      unknown
    >;
    expect(kirklees).toMatchObject({
      overall_rating: "Requires improvement",
      stated_score: 8,
      computed_score: 8,
      score_agrees: 1,
      rating_2_2: "Inadequate",
      rating_2_3: "Good",
      rating_3_4: "Inadequate",
      rating_4_1: null,
      ratings_not_from_table: null,
      audit_errors: 3,
    });
    db.close();
  });

  test("a rating the table's cell does not give is the one the report states elsewhere, and said so", async () => {
    // North Somerset with its overall row and 2.4's cell unreadable (an image, a scan's damage).
    const text = readFileSync(join(ROOT, "corpus", "2020-12-north-somerset.txt"), "utf8");
    const damaged = text
      .replace("Overa\tIII rating\tGood\t", "Overa\tIII rating\t\t")
      .replace("2.4\tReviewing\tGood", "2.4\tReviewing\t");
    expect(damaged).not.toBe(text);
    const dir = join(TMP, "restated");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "north-somerset.txt"), damaged);
    const db = join(TMP, "restated.sqlite");
    expect((await run(["ingest", dir, "--db", db, "--quiet"])).code).toBe(0);
    const conn = openDatabase(db);
    expect(
      conn
        .prepare(
          "SELECT overall_rating, rating_2_3, rating_2_4, computed_score, ratings_not_from_table FROM inspections",
        )
        .get(),
    ).toEqual({
      overall_rating: "Good",
      rating_2_3: "Good",
      rating_2_4: "Good",
      // The score is the table's: one of its ratings is missing.
      computed_score: null,
      ratings_not_from_table: "overall foreword, 2.4 section",
    });
    expect(conn.prepare("SELECT rating, section_rating FROM standards WHERE id = '2.4'").get()).toEqual({
      rating: null,
      section_rating: "Good",
    });
    expect(
      conn
        .prepare("SELECT DISTINCT standard_rating FROM key_question_results WHERE standard_id = '2.4'")
        .all(),
    ).toEqual([{ standard_rating: "Good" }]);
    // The HTML report's grid marks the two cells, and only them.
    const html = buildReportHtml(conn, { generatedAt: "2026-01-01T00:00:00.000Z" });
    const marked = [
      ...html.matchAll(/<td class="rating [^"]* restated" data-standard="([^"]+)"[^>]*title="([^"]*)"/g),
    ];
    expect(marked.map((m) => m[1])).toEqual(["overall", "2.4"]);
    expect(marked[0]?.[2]).toContain("read from the foreword");
    conn.close();
  });

  test("key questions printed as counts get a computed, flagged percentage", () => {
    const db = openDatabase(DB);
    expect(
      db
        .prepare(
          "SELECT percent, percent_computed, relevant, yes FROM key_question_results WHERE area = 'North Somerset' AND key_question_id = '3.2.3'",
        )
        .get(),
    ).toEqual({ percent: 50, percent_computed: 1, relevant: 2, yes: 1 });
    db.close();
  });

  test("full-text search finds the reports that mention a phrase", () => {
    const db = openDatabase(DB);
    const areas = db
      .prepare(
        `SELECT DISTINCT r.area FROM narrative_fts JOIN narrative_sections n ON n.id = narrative_fts.rowid
         JOIN reports r ON r.id = n.report_id WHERE narrative_fts MATCH '"county lines"' ORDER BY r.area`,
      )
      .all();
    expect(areas.length).toBeGreaterThan(0);
    db.close();
  });
});

describe("yos export and yos report", () => {
  test("CSV: one tidy file per table or view, header row in schema order", async () => {
    const out = join(TMP, "export");
    const { code, out: lines } = await run(["export", "--db", DB, "--out", out]);
    expect(code).toBe(0);
    expect(lines).toContain(`${join(out, "inspections.csv")}  (5 rows)`);
    const csv = readFileSync(join(out, "inspections.csv"), "utf8").trim().split("\n");
    expect(csv[0]?.split(",").slice(0, 4)).toEqual(["report_id", "file", "area", "service_name"]);
    expect(csv).toHaveLength(6);
    const kq = readFileSync(join(out, "key_question_results.csv"), "utf8").trim().split("\n");
    expect(kq).toHaveLength(1 + 111);
  });

  test("JSON Lines and one table only", async () => {
    const out = join(TMP, "jsonl");
    expect(
      (await run(["export", "--db", DB, "--format", "jsonl", "--table", "report_findings", "--out", out]))
        .code,
    ).toBe(0);
    const rows = readFileSync(join(out, "report_findings.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r.severity === "error")).toHaveLength(5);
  });

  test("Datasette metadata carries the schema's descriptions", async () => {
    const out = join(TMP, "meta");
    expect((await run(["export", "--db", DB, "--datasette-metadata", "--out", out])).code).toBe(0);
    const meta = JSON.parse(readFileSync(join(out, "metadata.json"), "utf8"));
    const tables = meta.databases.yos.tables;
    expect(Object.keys(tables)).toEqual(
      expect.arrayContaining(["reports", "key_questions", "inspections", "narrative_fts"]),
    );
    expect(tables.key_questions.columns.percent).toContain("Printed % 'Yes'");
    expect(tables.standards.columns.rating).toContain(
      "Allowed: Outstanding, Good, Requires improvement, Inadequate",
    );
  });

  test("yos report writes the HTML file; a missing database is a clear error", async () => {
    const file = join(TMP, "report.html");
    expect((await run(["report", "--db", DB, "--out", file])).code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("<!DOCTYPE html>");
    expect((await run(["report", "--db", join(TMP, "none.sqlite"), "--out", file])).code).toBe(2);
  });
});

test("the search index follows a re-ingested file", async () => {
  const dir = join(TMP, "fts");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "kirklees.txt");
  const text = readFileSync(join(ROOT, "corpus", "2021-10-kirklees.txt"), "utf8");
  const db = join(TMP, "fts.sqlite");
  const search = (phrase: string) => {
    const conn = openDatabase(db);
    const n = (
      conn
        .prepare("SELECT count(*) AS n FROM narrative_fts WHERE narrative_fts MATCH ?")
        .get(`"${phrase}"`) as { n: number }
    ).n;
    conn.close();
    return n;
  };
  writeFileSync(file, text);
  await run(["ingest", dir, "--db", db, "--quiet"]);
  expect(search("back to basics")).toBeGreaterThan(0);
  writeFileSync(file, text.replace(/back-to-basics|back to basics/gi, "zebra crossing"));
  await run(["ingest", dir, "--db", db, "--quiet"]);
  expect(search("back to basics")).toBe(0);
  expect(search("zebra crossing")).toBeGreaterThan(0);
});
