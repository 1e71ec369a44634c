// The command line and the database loader, end to end on the corpus.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { reportJsonSchema } from "../schemas/json-schema.js";
import { ReportRecordSchema } from "../schemas/report.js";
import { withCatalogue } from "../src/audit/catalogue.js";
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

describe("yos audit", () => {
  test("text report grouped by report and severity; exit 1 when an error finding exists", async () => {
    const { code, out } = await run(["audit", join(CORPUS, "2021-10-kirklees.txt")]);
    expect(code).toBe(1);
    const text = out.join("\n");
    expect(text).toContain("Kirklees — ");
    expect(text).toContain("ERROR (3)");
    expect(text).toContain("[question-numbering] 3.4 / 3.4.2: A key question is numbered 3.2.1");
    expect(text).toContain("line 1220: 3.2.1 Does the YOT work effectively");
  });

  test("--fail-on and --severity choose what fails and what shows", async () => {
    const blackburn = join(CORPUS, "2023-01-blackburn-with-darwen.txt");
    expect((await run(["audit", blackburn])).code).toBe(0);
    const croydon = join(CORPUS, "2019-croydon.txt");
    expect((await run(["audit", croydon])).code).toBe(0);
    expect((await run(["audit", croydon, "--fail-on", "warning"])).code).toBe(1);
    expect((await run(["audit", join(CORPUS, "2021-10-kirklees.txt"), "--fail-on", "never"])).code).toBe(0);
    const { out } = await run(["audit", croydon, "--severity", "error", "--format", "json"]);
    expect(JSON.parse(out[0] as string)).toEqual([]);
  });

  test("json, csv and markdown formats", async () => {
    const somerset = join(CORPUS, "2020-12-north-somerset.txt");
    const json = JSON.parse((await run(["audit", somerset, "--format", "json"])).out[0] as string);
    expect(json.map((f: { ruleId: string; severity: string }) => `${f.severity}:${f.ruleId}`).sort()).toEqual(
      ["error:methodology-rules", "error:methodology-rules", "info:standard-band", "info:standard-band"],
    );
    const discretion = json.find((f: { standardId: string }) => f.standardId === "3.2");
    expect(discretion.evidence.values).toMatchObject({
      rating: "Good",
      lowestQuestion: "3.2.3",
      lowestPercent: 50,
    });
    const csv = (await run(["audit", somerset, "--format", "csv"])).out[0] as string;
    expect(csv.split("\n")[0]).toBe(
      "file,area,severity,rule_id,standard_id,question_id,message,arithmetic,lines,sources",
    );
    expect(csv.split("\n")).toHaveLength(5);
    const md = (await run(["audit", somerset, "--format", "markdown"])).out[0] as string;
    expect(md).toContain("## North Somerset");
    expect(md).toContain("| info | `standard-band` | 3.2 / 3.2.3 |");
  });

  test("--db reads the findings stored by ingest", async () => {
    const db = join(TMP, "audit.sqlite");
    await run(["ingest", CORPUS, "--db", db]);
    const { code, out } = await run(["audit", "--db", db, "--format", "json"]);
    expect(code).toBe(1);
    const findings = JSON.parse(out[0] as string);
    expect(findings).toHaveLength(11);
    expect(new Set(findings.map((f: { area: string }) => f.area))).toEqual(
      new Set(["Croydon", "North Somerset", "Kirklees", "Tower Hamlets and City of London"]),
    );
  });

  test("usage and input errors exit 2", async () => {
    expect((await run(["audit"])).code).toBe(2);
    expect((await run(["audit", CORPUS, "--format", "pdf"])).code).toBe(2);
    expect((await run(["audit", CORPUS, "--fail-on", "sometimes"])).code).toBe(2);
    const empty = join(TMP, "empty.txt");
    writeFileSync(empty, "");
    expect((await run(["audit", empty])).code).toBe(2);
  });
});

test("the README's rule catalogue is generated from the rules", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  expect(withCatalogue(readme)).toBe(readme);
});
