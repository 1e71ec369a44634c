// The command line and the database loader, end to end on the corpus.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { reportJsonSchema } from "../schemas/json-schema.js";
import { ReportRecordSchema } from "../schemas/report.js";
import { main } from "../src/cli.js";
import { openDatabase } from "../src/db.js";

const ROOT = join(import.meta.dirname, "..");
const CORPUS = join(ROOT, "corpus");
const TMP = join(import.meta.dirname, ".tmp", "cli");

async function run(args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await main(args, (s) => out.push(s));
  return { code, out };
}

beforeEach(() => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
});

describe("yos extract", () => {
  test("--json prints only the record, valid against the schema", async () => {
    const { code, out } = await run(["extract", join(CORPUS, "2021-10-kirklees.txt"), "--json"]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const record = ReportRecordSchema.parse(JSON.parse(out[0] as string));
    expect(record.area).toBe("Kirklees");
    expect(record.statedScore).toBe(8);
    const kq = record.keyQuestions.find((k) => k.id === "2.2.3");
    expect(kq?.percent).toBe(22);
    expect(kq?.provenance).toEqual({
      line: 690,
      page: null,
      snippet: "Does planning focus sufficiently on keeping other people safe?\t22%",
    });
  });

  test("without --json prints a readable summary with completeness and warnings", async () => {
    const { code, out } = await run(["extract", join(CORPUS, "2019-croydon.txt")]);
    expect(code).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("Croydon — Croydon Youth Justice Service");
    expect(text).toContain("computed score: 16");
    expect(text).toContain("completeness: 49/55");
    expect(text).toContain("[figure-missing]");
  });

  test("usage errors exit 2", async () => {
    expect((await run(["extract"])).code).toBe(2);
    expect((await run(["frobnicate"])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(["--help"])).code).toBe(0);
    for (const cmd of ["extract", "ingest"]) {
      const { code, out } = await run([cmd, "--help"]);
      expect(code).toBe(0);
      expect(out.join("\n")).toContain(`yos ${cmd}`);
    }
  });
});

describe("yos ingest", () => {
  test("loads the corpus, one line per file, and re-ingesting replaces rows", async () => {
    const db = join(TMP, "yos.sqlite");
    const first = await run(["ingest", CORPUS, "--db", db]);
    expect(first.code).toBe(0);
    expect(first.out.filter((l) => l.startsWith("ok "))).toHaveLength(5);
    expect(first.out.at(-1)).toContain("5 files: 5 ok, 0 failed");
    const again = await run(["ingest", join(CORPUS, "2021-10-kirklees.txt"), "--db", db]);
    expect(again.code).toBe(0);
    const conn = openDatabase(db);
    const counts = conn
      .prepare(
        `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM reports) AS reports,
                (SELECT count(*) FROM key_questions) AS kqs, (SELECT count(*) FROM prompts) AS prompts`,
      )
      .get();
    // 23 + 23 + 23 + 21 + 21 key questions; 0 + 93 + 94 + 95 + 0 prompts.
    expect(counts).toEqual({ documents: 5, reports: 5, kqs: 111, prompts: 282 });
    const fk = conn.prepare("PRAGMA foreign_key_check").all();
    expect(fk).toEqual([]);
    conn.close();
  });

  test("a bad file gets a failed row and a clear message; the others still load", async () => {
    const dir = join(TMP, "mixed");
    mkdirSync(dir);
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "notes.md"), "# Shopping\n\n- eggs\n- milk\n");
    writeFileSync(join(dir, "kirklees.txt"), readFileSync(join(CORPUS, "2021-10-kirklees.txt")));
    const db = join(TMP, "mixed.sqlite");
    const { code, out } = await run(["ingest", dir, "--db", db]);
    expect(code).toBe(1);
    expect(out).toContain(
      `failed  ${join(dir, "empty.txt")}: [E_EMPTY] ${join(dir, "empty.txt")}: the file is empty`,
    );
    expect(out.find((l) => l.includes("notes.md"))).toContain("[E_NOT_A_YOS_REPORT]");
    expect(out.at(-1)).toContain("3 files: 1 ok, 2 failed");
    const conn = openDatabase(db);
    const rows = conn.prepare("SELECT file, status, error_code FROM documents ORDER BY file").all();
    expect(rows).toEqual([
      { file: join(dir, "empty.txt"), status: "failed", error_code: "E_EMPTY" },
      { file: join(dir, "kirklees.txt"), status: "ok", error_code: null },
      { file: join(dir, "notes.md"), status: "failed", error_code: "E_NOT_A_YOS_REPORT" },
    ]);
    conn.close();
  });
});

test("schemas/report.schema.json is generated from the zod schema and up to date", () => {
  const onDisk = JSON.parse(readFileSync(join(ROOT, "schemas", "report.schema.json"), "utf8"));
  expect(onDisk).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
});
