// The command line and the database loader, end to end on the corpus.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { basename, join, relative } from "node:path";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, test } from "vitest";
import { reportJsonSchema } from "../schemas/json-schema.js";
import { ReportRecordSchema } from "../schemas/report.js";
import { toHtmlPage, toMarkdown } from "../scripts/make-variants.js";
import { withCatalogue } from "../src/audit/catalogue.js";
import { main } from "../src/cli.js";
import { SCHEMA_VERSION, openDatabase } from "../src/db.js";
import { PARSER_VERSION, extractFile } from "../src/extract.js";
import { QUERIES } from "../src/queries.js";
import { asReinspection, expectSearchIndexSound, run } from "./helpers/shared.js";

const ROOT = join(import.meta.dirname, "..");
const CORPUS = join(ROOT, "corpus");
const TMP = join(import.meta.dirname, ".tmp", "cli");

beforeEach(() => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
});

/** The rows a query gives from database file `db` (opened and closed for it). */
function rowsIn(db: string, sql: string): unknown[] {
  const conn = openDatabase(db);
  try {
    return conn.prepare(sql).all();
  } finally {
    conn.close();
  }
}

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
    // Croydon's methodology states no sub-sample: no line for them.
    expect(text).not.toContain("sub-samples:");
  });

  test("the summary lists the sub-samples the methodology states, each once", async () => {
    const { out } = await run(["extract", join(CORPUS, "2021-10-kirklees.txt")]);
    expect(out.join("\n")).toContain(
      "  sub-samples: court-disposal, the child's safety: 19 cases (2.2.2, 2.3.2); court-disposal, other people's safety: 18 cases (2.2.3, 2.3.3); out-of-court, other people's safety: 8 cases; out-of-court, the child's safety: 7 cases",
    );
  });

  test("the summary says which ratings come from elsewhere than the ratings table", async () => {
    // North Somerset with its overall row and 2.4's cell unreadable.
    const text = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8")
      .replace("Overa\tIII rating\tGood\t", "Overa\tIII rating\t\t")
      .replace("2.4\tReviewing\tGood", "2.4\tReviewing\t");
    const file = join(TMP, "north-somerset.txt");
    writeFileSync(file, text);
    const { code, out } = await run(["extract", file]);
    expect(code).toBe(0);
    const summary = out.join("\n");
    expect(summary).toContain("overall rating: Good (from the foreword)");
    expect(summary).toMatch(/2\.4 Reviewing +Good +\(from the section\)/);
    expect(summary).toMatch(/2\.3 Implementation and delivery +Good +\[/);
  });

  test("the summary and the inspections view say a re-inspection is one, and the area's inspection before it", async () => {
    const text = readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt"), "utf8");
    const reinspection = asReinspection(text);
    const file = join(TMP, "blackburn-reinspection.txt");
    writeFileSync(file, reinspection);
    const { out } = await run(["extract", file]);
    expect(out.join("\n").split("\n")[0]).toBe(
      "Blackburn with Darwen — Blackburn with Darwen Youth Justice Service (re-inspection)",
    );
    // Of one month with the inspection (as no re-inspection is), it is still another inspection.
    const db = join(TMP, "reinspection.sqlite");
    await run(["ingest", file, join(CORPUS, "2023-01-blackburn-with-darwen.txt"), "--db", db]);
    expect(rowsIn(db, "SELECT reinspection, same_inspection_as FROM inspections ORDER BY report_id")).toEqual(
      [
        { reinspection: 1, same_inspection_as: null },
        { reinspection: 0, same_inspection_as: null },
      ],
    );
    // Two years on, the example query finds the rating it followed.
    const later = join(TMP, "blackburn-reinspection-2025.txt");
    writeFileSync(
      later,
      reinspection
        .replace("Probation, January 2023", "Probation, March 2025")
        .replace("Fieldwork started October 2022", "Fieldwork started November 2024"),
    );
    const db2 = join(TMP, "reinspection-2025.sqlite");
    await run(["ingest", later, join(CORPUS, "2023-01-blackburn-with-darwen.txt"), "--db", db2]);
    const overTime = QUERIES.find((q) => q.sql.includes("rating_before"))?.sql as string;
    expect(rowsIn(db2, overTime)).toEqual([
      {
        area: "Blackburn with Darwen",
        month: "2023-01",
        reinspection: 0,
        overall_rating: "Good",
        rating_before: null,
      },
      {
        area: "Blackburn with Darwen",
        month: "2025-03",
        reinspection: 1,
        overall_rating: "Good",
        rating_before: "Good",
      },
    ]);
  });

  test("usage errors exit 2", async () => {
    expect((await run(["extract"])).code).toBe(2);
    const folder = await run(["extract", CORPUS]);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain(
      `yos extract reads one file, and ${CORPUS} is a folder: yos ingest ${CORPUS} loads`,
    );
    expect((await run(["frobnicate"])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(["--help"])).code).toBe(0);
    for (const flag of ["--version", "-V", "version"])
      expect(await run([flag])).toMatchObject({
        code: 0,
        out: [`yos ${PARSER_VERSION} (database schema ${SCHEMA_VERSION})`],
      });
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
    expect(first.out.at(-1)).toContain("5 files: 5 ok, 0 partial, 0 failed, 0 duplicate, 0 unchanged");
    // One warning is one: North Somerset's score, its figure not legible in the ratings table.
    expect(first.out).toContainEqual(
      expect.stringContaining("(North Somerset: Good, 144/149 found, 1 warning, 4 findings)"),
    );
    const again = await run(["ingest", join(CORPUS, "2021-10-kirklees.txt"), "--db", db, "--force"]);
    expect(again.code).toBe(0);
    expect(again.out.at(-1)).toContain("1 file: 1 ok");
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

  test("the database is left one file in rollback-journal mode, that a reader can open read-only anywhere", async () => {
    const db = join(TMP, "at-rest.sqlite");
    for (const args of [
      ["ingest", CORPUS],
      ["report", "--out", join(TMP, "at-rest.html")],
      ["export", "--out", join(TMP, "at-rest")],
    ]) {
      expect((await run([...args, "--db", db])).code).toBe(0);
      // WAL while a command runs; after it, no -wal or -shm file beside it, nothing to write to read it.
      expect([existsSync(`${db}-wal`), existsSync(`${db}-shm`)]).toEqual([false, false]);
      const reader = new Database(db, { readonly: true, fileMustExist: true });
      expect(reader.pragma("journal_mode", { simple: true })).toBe("delete");
      expect(reader.prepare("SELECT count(*) AS n FROM reports").get()).toEqual({ n: 5 });
      reader.close();
    }
  });

  test("a path named that is not there fails, and leaves no row: it is a mistyped argument, not a file", async () => {
    const db = join(TMP, "typo.sqlite");
    const typo = join(TMP, "reprots");
    const { code, out } = await run(["ingest", typo, join(CORPUS, "2021-10-kirklees.txt"), "--db", db]);
    expect(code).toBe(1);
    expect(out).toContain(
      `failed     ${typo}: [E_UNREADABLE] ${typo}: no such file — check the path and its permissions`,
    );
    const conn = openDatabase(db);
    expect(conn.prepare("SELECT file, status FROM documents").all()).toEqual([
      { file: join(CORPUS, "2021-10-kirklees.txt"), status: "ok" },
    ]);
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
      `failed     ${join(dir, "empty.txt")}: [E_EMPTY] ${join(dir, "empty.txt")}: the file is empty — download it again`,
    );
    expect(out.find((l) => l.includes("notes.md"))).toContain("[E_NOT_A_YOS_REPORT]");
    expect(out.at(-1)).toContain("3 files: 1 ok, 0 partial, 2 failed");
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

test("on a terminal, the progress bar stays under the lines printed: erased before each, drawn again after", async () => {
  const db = join(TMP, "progress.sqlite");
  // What a terminal is sent, in order: stdout's lines and stderr's writes.
  const sent: string[] = [];
  const stderr = process.stderr.write;
  const wasTty = process.stderr.isTTY;
  process.stderr.isTTY = true;
  process.stderr.write = ((s: string) => {
    sent.push(`err ${s}`);
    return true;
  }) as typeof process.stderr.write;
  try {
    expect(await main(["ingest", CORPUS, "--db", db], (s) => sent.push(`out ${s}`))).toBe(0);
  } finally {
    process.stderr.write = stderr;
    process.stderr.isTTY = wasTty;
  }
  const ERASE = "err \r\x1b[2K";
  const bar = (done: number) =>
    new RegExp(`^err \\r\\x1b\\[2K\\[[#-]{30}\\] ${done}/5  \\d+\\.\\d files/s  ETA (-|(\\d+m)?\\d+s)$`);
  // The bar at 0 before any file is done, then for each file: erased, its line, the bar again.
  expect(sent[0]).toMatch(bar(0));
  for (let i = 0; i < 5; i++) {
    expect(sent[1 + 3 * i]).toBe(ERASE);
    expect(sent[2 + 3 * i]).toMatch(/^out ok {9}/);
    expect(sent[3 + 3 * i]).toMatch(bar(i + 1));
  }
  expect(sent[15]).toContain(`[${"#".repeat(30)}] 5/5 `);
  // Erased before the total, which is the last line.
  expect(sent.slice(16)).toEqual([ERASE, expect.stringMatching(/^out 5 files: 5 ok/)]);
});

describe("standard input, '-' (the built CLI: npm test builds it first)", () => {
  const yos = (args: string[], input: string | Buffer) =>
    spawnSync(process.execPath, [join(ROOT, "bin", "yos.js"), ...args], { input, encoding: "utf8" });
  const kirklees = join(CORPUS, "2021-10-kirklees.txt");

  test("yos extract - reads a report piped in, in any format, as it reads the file, named <stdin>", async () => {
    const fromFile = await extractFile(kirklees);
    const piped = yos(["extract", "-", "--json"], readFileSync(kirklees));
    expect(piped.status, piped.stderr).toBe(0);
    const record = JSON.parse(piped.stdout) as typeof fromFile;
    expect(record.source.file).toBe("<stdin>");
    expect({ ...record, source: fromFile.source }).toEqual(fromFile);
    // Markdown, known by its content as a file is.
    const markdown = yos(["extract", "-", "--json"], toMarkdown(readFileSync(kirklees, "utf8")));
    const fromMarkdown = JSON.parse(markdown.stdout) as typeof fromFile;
    expect([fromMarkdown.source.format, fromMarkdown.area, fromMarkdown.statedScore]).toEqual([
      "markdown",
      "Kirklees",
      fromFile.statedScore,
    ]);
    const empty = yos(["extract", "-"], "");
    expect([empty.status, empty.stderr]).toEqual([
      1,
      "error [E_EMPTY] <stdin>: the file is empty — download it again\n",
    ]);
  });

  test("yos audit - audits the report piped in beside the files named; yos ingest - is refused", () => {
    const croydon = join(CORPUS, "2019-croydon.txt");
    const both = yos(["audit", "-", croydon, "--format", "json"], readFileSync(kirklees));
    const files = yos(["audit", kirklees, croydon, "--format", "json"], "");
    const findings = JSON.parse(both.stdout) as { file: string }[];
    // Kirklees' 3 findings under <stdin>, then Croydon's 2; the same as from the two files.
    expect(findings.map((f) => f.file)).toEqual([...Array(3).fill("<stdin>"), croydon, croydon]);
    expect(findings).toEqual(
      (JSON.parse(files.stdout) as { file: string }[]).map((f) => ({
        ...f,
        file: f.file === kirklees ? "<stdin>" : f.file,
      })),
    );
    expect(both.status).toBe(files.status);
    const ingest = yos(["ingest", "-", "--db", join(TMP, "stdin.sqlite")], readFileSync(kirklees));
    expect(ingest.status).toBe(2);
    expect(ingest.stderr).toContain(
      "yos ingest reads files, which it knows again by their path and content: save standard input to a file and ingest that",
    );
    expect(existsSync(join(TMP, "stdin.sqlite"))).toBe(false);
  });
});

test("schemas/report.schema.json is generated from the zod schema and up to date", () => {
  const onDisk = JSON.parse(readFileSync(join(ROOT, "schemas", "report.schema.json"), "utf8"));
  expect(onDisk).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
});

describe("yos ingest: incremental, duplicates, limits, jobs", () => {
  test("a report cut short loads what it read and is marked partial, with the reason", async () => {
    const dir = join(TMP, "cut");
    mkdirSync(dir);
    const croydon = readFileSync(join(CORPUS, "2019-croydon.txt"), "utf8");
    // Cut where Croydon's only key-question tables begin (its Annex 2).
    writeFileSync(
      join(dir, "croydon-cut.txt"),
      croydon.slice(0, croydon.lastIndexOf("Annex 2 – Inspection results")),
    );
    const db = join(TMP, "cut.sqlite");
    const { code, out } = await run(["ingest", dir, "--db", db]);
    expect(code).toBe(0);
    expect(out[0]).toContain("partial    ");
    expect(out[0]).toContain("key questions not found: 2.1.1, 2.1.2");
    const conn = openDatabase(db);
    expect(conn.prepare("SELECT status FROM documents").get()).toEqual({ status: "partial" });
    expect(conn.prepare("SELECT count(*) AS n FROM standards").get()).toEqual({ n: 12 });
    conn.close();
    // Its findings are audited from the database as from the file: listed under it, and counted.
    const fromFile = await run(["audit", join(dir, "croydon-cut.txt")]);
    expect(fromFile.out[0]).toMatch(/^Croydon — \S+croydon-cut\.txt: \d+ findings?\n/);
    expect(fromFile.out[0]).toMatch(/\n1 report: /);
    expect((await run(["audit", "--db", db])).out).toEqual(fromFile.out);
  });

  test("unchanged files are skipped, --force re-parses, a changed file replaces its rows", async () => {
    const dir = join(TMP, "inc");
    mkdirSync(dir);
    const file = join(dir, "kirklees.txt");
    writeFileSync(file, readFileSync(join(CORPUS, "2021-10-kirklees.txt")));
    const db = join(TMP, "inc.sqlite");
    expect((await run(["ingest", dir, "--db", db])).out.at(-1)).toContain("1 ok");
    expect((await run(["ingest", dir, "--db", db])).out.at(-1)).toContain(
      "0 ok, 0 partial, 0 failed, 0 duplicate, 1 unchanged",
    );
    expect((await run(["ingest", dir, "--db", db, "--force"])).out.at(-1)).toContain("1 ok");
    writeFileSync(
      file,
      readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8").replace("Score\t8/36", "Score\t9/36"),
    );
    expect((await run(["ingest", dir, "--db", db])).out.at(-1)).toContain("1 ok");
    const conn = openDatabase(db);
    expect(conn.prepare("SELECT stated_score FROM reports").all()).toEqual([{ stated_score: 9 }]);
    expect(conn.prepare("SELECT rule_id FROM findings WHERE rule_id = 'score-sum'").all()).toHaveLength(1);
    // The search index follows: each load replaced the narrative it covers, never doubled it.
    expectSearchIndexSound(conn, "Huddersfield", 1);
    conn.close();
    // The file becomes unreadable as a report: its rows, and their place in the index, go.
    writeFileSync(file, "Minutes of the parish council meeting.\n");
    expect((await run(["ingest", dir, "--db", db])).out.at(-1)).toContain("1 failed");
    const after = openDatabase(db);
    expectSearchIndexSound(after, "Huddersfield", 0);
    after.close();
  });

  test("a path named twice (its folder and itself) is loaded once", async () => {
    const db = join(TMP, "twice.sqlite");
    const file = join(CORPUS, "2023-01-blackburn-with-darwen.txt");
    const { out } = await run(["ingest", file, file, "--db", db]);
    expect(out.at(-1)).toContain("1 ok, 0 partial, 0 failed, 0 duplicate");
    const conn = openDatabase(db);
    expect(conn.prepare("SELECT count(*) AS n FROM documents").get()).toEqual({ n: 1 });
    expectSearchIndexSound(conn, "Blackburn", 1);
    conn.close();
  });

  test("the same content under two names loads once; both paths are recorded", async () => {
    const dir = join(TMP, "dup");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.txt"), readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt")));
    writeFileSync(join(dir, "b copy.txt"), readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt")));
    const db = join(TMP, "dup.sqlite");
    const { code, out } = await run(["ingest", dir, "--db", db]);
    expect(code).toBe(0);
    expect(out.at(-1)).toContain("1 ok, 0 partial, 0 failed, 1 duplicate");
    const conn = openDatabase(db);
    expect(conn.prepare("SELECT count(*) AS n FROM reports").get()).toEqual({ n: 1 });
    expect(conn.prepare("SELECT file, status, duplicate_of FROM documents ORDER BY file").all()).toEqual([
      { file: join(dir, "a.txt"), status: "ok", duplicate_of: null },
      { file: join(dir, "b copy.txt"), status: "duplicate", duplicate_of: join(dir, "a.txt") },
    ]);
    conn.close();
  });

  /** A folder holding Blackburn's report as `file`, ingested once into a database of its own. */
  async function loadedFolder(name: string, file: string) {
    const dir = join(TMP, name);
    mkdirSync(dir);
    const blackburn = readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt"));
    writeFileSync(join(dir, file), blackburn);
    const db = join(TMP, `${name}.sqlite`);
    expect((await run(["ingest", dir, "--db", db])).out.at(-1)).toContain("1 ok");
    return { dir, db, blackburn };
  }

  const FILES_AND_AREAS =
    "SELECT d.file, d.status, r.area FROM documents d LEFT JOIN reports r ON r.document_id = d.id ORDER BY d.file";

  // A duplicate is loaded through its original: when the original's content changes, the
  // duplicate's content must be loaded from the duplicate itself, whichever of the two is read first.
  test.each([
    ["after", "b copy.txt"],
    ["before", "0 copy.txt"],
  ])("a duplicate read %s its original changes is loaded itself; no report is lost", async (_, copy) => {
    const { dir, db, blackburn } = await loadedFolder("dup-changed", "a.txt");
    writeFileSync(join(dir, copy), blackburn);
    expect((await run(["ingest", dir, "--db", db])).out.at(-1)).toContain(
      "0 ok, 0 partial, 0 failed, 1 duplicate, 1 unchanged",
    );
    // a.txt now holds another report; the copy still holds Blackburn's.
    writeFileSync(join(dir, "a.txt"), readFileSync(join(CORPUS, "2021-10-kirklees.txt")));
    const { out } = await run(["ingest", dir, "--db", db]);
    expect(out.at(-1)).toContain("2 ok, 0 partial, 0 failed, 0 duplicate, 0 unchanged");
    expect(
      rowsIn(
        db,
        "SELECT d.file, d.status, d.duplicate_of, r.area FROM documents d LEFT JOIN reports r ON r.document_id = d.id ORDER BY r.area",
      ),
    ).toEqual([
      { file: join(dir, copy), status: "ok", duplicate_of: null, area: "Blackburn with Darwen" },
      { file: join(dir, "a.txt"), status: "ok", duplicate_of: null, area: "Kirklees" },
    ]);
    const conn = openDatabase(db);
    expectSearchIndexSound(conn, "Blackburn", 1);
    conn.close();
    // And again: both unchanged.
    expect((await run(["ingest", dir, "--db", db])).out.at(-1)).toContain(
      "0 ok, 0 partial, 0 failed, 0 duplicate, 2 unchanged",
    );
  });

  test("a new copy of a report whose file changes in the same run is loaded, not called a duplicate", async () => {
    const { dir, db, blackburn } = await loadedFolder("dup-new", "z.txt");
    // Blackburn's report moves to a new file (read first), z.txt gets another report.
    writeFileSync(join(dir, "a.txt"), blackburn);
    writeFileSync(join(dir, "z.txt"), readFileSync(join(CORPUS, "2021-10-kirklees.txt")));
    expect((await run(["ingest", dir, "--db", db])).out.at(-1)).toContain(
      "2 ok, 0 partial, 0 failed, 0 duplicate",
    );
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([
      { file: join(dir, "a.txt"), status: "ok", area: "Blackburn with Darwen" },
      { file: join(dir, "z.txt"), status: "ok", area: "Kirklees" },
    ]);
  });

  test("a file named that is no longer there fails, and what was loaded from it is kept; --prune removes it", async () => {
    const { dir, db } = await loadedFolder("named-gone", "blackburn.txt");
    const file = join(dir, "blackburn.txt");
    rmSync(file);
    const { code, out } = await run(["ingest", file, "--db", db]);
    expect(code).toBe(1);
    expect(out).toEqual([
      `failed     ${file}: [E_UNREADABLE] ${file}: no such file; the rows loaded from it before are kept (--prune removes them) — check the path and its permissions`,
      expect.stringContaining("1 file: 0 ok, 0 partial, 1 failed, 0 duplicate, 0 unchanged"),
    ]);
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([{ file, status: "ok", area: "Blackburn with Darwen" }]);
    const pruned = await run(["ingest", file, "--db", db, "--prune"]);
    expect(pruned.code).toBe(0);
    expect(pruned.out).toEqual([
      `pruned     ${file}`,
      expect.stringContaining("0 files: 0 ok, 0 partial, 0 failed, 0 duplicate, 0 unchanged, 1 pruned"),
    ]);
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([]);
  });

  test("links in a folder: one back to a folder read is not followed again; a link to nothing or a loop of links fails alone", async () => {
    const dir = join(TMP, "links");
    mkdirSync(dir);
    writeFileSync(join(dir, "croydon.txt"), readFileSync(join(CORPUS, "2019-croydon.txt")));
    symlinkSync(".", join(dir, "again")); // the folder inside itself
    symlinkSync("nowhere.txt", join(dir, "gone.txt"));
    symlinkSync("loop-b.txt", join(dir, "loop-a.txt"));
    symlinkSync("loop-a.txt", join(dir, "loop-b.txt"));
    symlinkSync("nowhere.jpg", join(dir, "picture.jpg")); // no report's kind: counted, not read
    const { code, out } = await run(["ingest", dir, "--db", join(TMP, "links.sqlite")]);
    expect(code).toBe(1);
    const advice = " — check the path and its permissions";
    // (Outcomes come as files are done: the failures first, then the report parsed.)
    expect(out.at(-1)).toContain("4 files: 1 ok, 0 partial, 3 failed, 0 duplicate, 0 unchanged");
    expect(out.slice(0, -1).sort()).toEqual([
      `failed     ${join(dir, "gone.txt")}: [E_UNREADABLE] ${join(dir, "gone.txt")}: a link to nowhere.txt, which is not there${advice}`,
      `failed     ${join(dir, "loop-a.txt")}: [E_UNREADABLE] ${join(dir, "loop-a.txt")}: too many symbolic links encountered (ELOOP)${advice}`,
      `failed     ${join(dir, "loop-b.txt")}: [E_UNREADABLE] ${join(dir, "loop-b.txt")}: too many symbolic links encountered (ELOOP)${advice}`,
      "not read   1 file in the folders given is of other kinds (.jpg 1): yos reads .txt, .md, .markdown, .pdf, .html, .htm and .docx (a .yosignore in a folder names files to pass by without a word)",
      expect.stringMatching(/^ok {9}\S+\/links\/croydon\.txt {2}\(Croydon: Requires improvement, /),
    ]);
    // The reader says the same (yos extract), and so does yos audit of the folder.
    await expect(extractFile(join(dir, "loop-a.txt"))).rejects.toThrow(
      `${join(dir, "loop-a.txt")}: too many symbolic links encountered (ELOOP)`,
    );
    await expect(extractFile(join(dir, "gone.txt"))).rejects.toThrow(
      `${join(dir, "gone.txt")}: a link to nowhere.txt, which is not there`,
    );
    const audited = await run(["audit", dir, "--format", "json"]);
    expect(audited.code).toBe(2);
    expect(audited.err.trimEnd().split("\n")).toEqual([
      ...out
        .filter((l) => l.startsWith("failed "))
        .sort()
        .map((l) => `error ${l.slice(l.indexOf("[E_"))}`),
      "not read   1 file in the folders given is of other kinds (.jpg 1): yos reads .txt, .md, .markdown, .pdf, .html, .htm and .docx (a .yosignore in a folder names files to pass by without a word)",
    ]);
  });

  test("files of other kinds in a folder are counted on one line (and in --json), not passed by without a word", async () => {
    const dir = join(TMP, "kinds");
    mkdirSync(dir);
    writeFileSync(join(dir, "croydon.txt"), readFileSync(join(CORPUS, "2019-croydon.txt")));
    // (Word's older binary .doc is no .docx: not read.)
    for (const name of ["report.doc", "REPORT2.DOC", "cover.jpg", "NOTES", "draft.odt", "list.csv"])
      writeFileSync(join(dir, name), "x");
    writeFileSync(join(dir, ".yosignore"), "*.csv\n");
    const db = join(TMP, "kinds.sqlite");
    const { code, out } = await run(["ingest", dir, "--db", db]);
    expect(code).toBe(0);
    expect(out.slice(1)).toEqual([
      "not read   5 files in the folders given are of other kinds (.doc 2, .jpg 1, .odt 1, no extension 1): yos reads .txt, .md, .markdown, .pdf, .html, .htm and .docx (a .yosignore in a folder names files to pass by without a word)",
      expect.stringContaining("1 file: 1 ok, 0 partial, 0 failed"),
    ]);
    const json = JSON.parse((await run(["ingest", dir, "--db", db, "--json"])).out[0] as string);
    expect(json.notRead).toEqual({ ".doc": 2, ".jpg": 1, ".odt": 1, "no extension": 1 });
    // yos audit says the same, on stderr (its stdout is the findings, here JSON).
    const audited = await run(["audit", dir, "--format", "json"]);
    expect(JSON.parse(audited.out[0] as string)).toHaveLength(2);
    expect(audited.err).toMatch(/^not read {3}5 files in the folders given are of other kinds \(\.doc 2, /);
    // The bundled corpus names its documentation in its .yosignore: nothing to say.
    expect((await run(["ingest", CORPUS, "--db", db])).out.some((l) => l.startsWith("not read"))).toBe(false);
  });

  test("a file named by another path (relative, absolute, through ./) is the document loaded before, read once", async () => {
    const { dir, db } = await loadedFolder("spellings", "report.txt");
    const file = join(dir, "report.txt");
    const rel = relative(process.cwd(), dir);
    expect(rel.startsWith("/")).toBe(false);
    const again = await run(["ingest", rel, `./${rel}/report.txt`, "--db", db]);
    expect(again.out).toEqual([
      `unchanged  ${file}`,
      expect.stringContaining("1 file: 0 ok, 0 partial, 0 failed, 0 duplicate, 1 unchanged"),
    ]);
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([{ file, status: "ok", area: "Blackburn with Darwen" }]);
    // A new file, named twice in two ways, is loaded once, under the first of its names.
    writeFileSync(join(dir, "copy.txt"), readFileSync(join(CORPUS, "2021-10-kirklees.txt")));
    const added = await run(["ingest", `${rel}/copy.txt`, join(dir, "copy.txt"), "--db", db]);
    expect(added.out.at(-1)).toContain("1 file: 1 ok, 0 partial, 0 failed, 0 duplicate, 0 unchanged");
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([
      { file, status: "ok", area: "Blackburn with Darwen" },
      { file: `${rel}/copy.txt`, status: "ok", area: "Kirklees" },
    ]);
  });

  test("a file loaded by a relative name is the same document from any folder; another folder's file of that name is another document", async () => {
    const base = join(TMP, "folders");
    const kirklees = readFileSync(join(CORPUS, "2021-10-kirklees.txt"));
    for (const [folder, report] of [
      ["proj", "2023-01-blackburn-with-darwen.txt"],
      ["other", "2021-10-kirklees.txt"],
    ] as const) {
      mkdirSync(join(base, folder, "reports"), { recursive: true });
      writeFileSync(join(base, folder, "reports", "report.txt"), readFileSync(join(CORPUS, report)));
    }
    const db = join(base, "proj", "yos.sqlite");
    const from = async (folder: string, args: string[]) => {
      const cwd = process.cwd();
      process.chdir(join(base, folder));
      try {
        return await run(["ingest", ...args, "--db", db]);
      } finally {
        process.chdir(cwd);
      }
    };
    expect((await from("proj", ["reports"])).out.at(-1)).toContain("1 ok");
    // From the folder above, by another relative path, by its absolute path, and through a link
    // to its folder (another route to the same place): unchanged.
    symlinkSync("proj", join(base, "route"));
    for (const named of ["proj/reports", join(base, "proj", "reports", "report.txt"), "route/reports"]) {
      const again = await from(".", [named]);
      expect(again.out).toEqual([
        "unchanged  reports/report.txt",
        expect.stringContaining("1 file: 0 ok, 0 partial, 0 failed, 0 duplicate, 1 unchanged"),
      ]);
    }
    // Changed, and read from the folder above: its document's rows are replaced.
    writeFileSync(join(base, "proj", "reports", "report.txt"), kirklees);
    expect((await from(".", ["proj/reports"])).out[0]).toMatch(/^ok {9}reports\/report\.txt {2}\(Kirklees:/);
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([
      { file: "reports/report.txt", status: "ok", area: "Kirklees" },
    ]);
    // What the run was given, as absolute paths: "proj/reports" means nothing without its folder.
    expect(rowsIn(db, "SELECT value FROM meta WHERE key = 'last_ingest'")).toEqual([
      { value: JSON.stringify([join(base, "proj", "reports")]) },
    ]);
    // Another folder's reports/report.txt is another file: loaded under its absolute path (the
    // same content: a duplicate of the first), and the first is not missing from there.
    const other = join(base, "other", "reports", "report.txt");
    const second = await from("other", ["reports", "--prune"]);
    expect(second.out).toEqual([
      `duplicate  ${other}: same content as reports/report.txt`,
      expect.stringContaining("1 file: 0 ok, 0 partial, 0 failed, 1 duplicate, 0 unchanged -> "),
    ]);
    writeFileSync(other, readFileSync(join(CORPUS, "2019-croydon.txt")));
    expect((await from("other", ["reports"])).out[0]).toMatch(
      /^ok {9}\/.*\/other\/reports\/report\.txt {2}\(Croydon:/,
    );
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([
      { file: other, status: "ok", area: "Croydon" },
      { file: "reports/report.txt", status: "ok", area: "Kirklees" },
    ]);
    // The first file deleted: missing from its own folder, named from wherever the run starts.
    rmSync(join(base, "proj", "reports", "report.txt"));
    const missing = await from(".", ["proj/reports"]);
    expect(missing.out[0]).toBe(
      "missing    1 file loaded before from proj/reports is no longer there; its rows are kept (--prune removes them): reports/report.txt",
    );
    expect((await from(".", ["proj/reports", "--prune"])).out[0]).toBe("pruned     reports/report.txt");
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([{ file: other, status: "ok", area: "Croydon" }]);
  });

  test("a database moved with its folder: its files unchanged where they now are, one deleted there named missing", async () => {
    const base = join(TMP, "moving");
    mkdirSync(join(base, "proj", "reports"), { recursive: true });
    for (const [name, report] of [
      ["a.txt", "2023-01-blackburn-with-darwen.txt"],
      ["b.txt", "2021-10-kirklees.txt"],
    ] as const)
      writeFileSync(join(base, "proj", "reports", name), readFileSync(join(CORPUS, report)));
    const from = async (folder: string, args: string[]) => {
      const cwd = process.cwd();
      process.chdir(join(base, folder));
      try {
        return await run(["ingest", ...args, "--db", "yos.sqlite"]);
      } finally {
        process.chdir(cwd);
      }
    };
    expect((await from("proj", ["reports"])).out.at(-1)).toContain("2 ok");
    // The folder moved (its database in it), and one of its files deleted since.
    renameSync(join(base, "proj"), join(base, "moved"));
    rmSync(join(base, "moved", "reports", "b.txt"));
    const again = await from("moved", ["reports"]);
    expect(again.out).toEqual([
      "unchanged  reports/a.txt",
      "missing    1 file loaded before from reports is no longer there; its rows are kept (--prune removes them): reports/b.txt",
      expect.stringContaining("1 file: 0 ok, 0 partial, 0 failed, 0 duplicate, 1 unchanged"),
    ]);
    expect((await from("moved", ["reports", "--prune"])).out[0]).toBe("pruned     reports/b.txt");
    expect(rowsIn(join(base, "moved", "yos.sqlite"), FILES_AND_AREAS)).toEqual([
      { file: "reports/a.txt", status: "ok", area: "Blackburn with Darwen" },
    ]);
  });

  test.each([4, 5, 6, 7])(
    "a database of schema %i is brought to the current schema and goes on; one of a later schema is refused",
    async (version) => {
      const { dir, db } = await loadedFolder(`schema-${version}`, "report.txt");
      const file = join(dir, "report.txt");
      const old = new Database(db);
      // (What each schema lacked: 7 the sub-samples' table, 6 the reports' re-inspection flag too,
      // 5 the standards' discretion notes' places too, 4 the files' paths too. The view that
      // reads the flag goes with it.)
      old.exec("DROP TABLE sub_sample_statements");
      if (version <= 6) old.exec('DROP VIEW inspections; ALTER TABLE reports DROP COLUMN "reinspection"');
      if (version <= 5)
        for (const column of ["line", "page", "snippet"])
          old.exec(`ALTER TABLE standards DROP COLUMN "discretion_provenance_${column}"`);
      if (version === 4) old.exec('ALTER TABLE documents DROP COLUMN "path"');
      old.pragma(`user_version = ${version}`);
      old.close();
      expect((await run(["ingest", dir, "--db", db])).out).toEqual([
        `unchanged  ${file}`,
        expect.stringContaining("1 file: 0 ok, 0 partial, 0 failed, 0 duplicate, 1 unchanged"),
      ]);
      // The columns are there again, and the skipped file's row now says where it was read from;
      // its standards' discretion notes' places and whether it is a re-inspection are unknown
      // (null) until it is parsed again.
      expect(rowsIn(db, "SELECT file, path FROM documents")).toEqual([{ file, path: file }]);
      expect(rowsIn(db, "SELECT DISTINCT discretion_provenance_line AS line FROM standards")).toEqual([
        { line: null },
      ]);
      expect(rowsIn(db, "SELECT reinspection FROM inspections")).toEqual([
        { reinspection: version <= 6 ? null : 0 },
      ]);
      expect(rowsIn(db, "SELECT count(*) AS n FROM sub_sample_statements")).toEqual([{ n: 0 }]);
      const forced = await run(["ingest", dir, "--db", db, "--force"]);
      expect(forced.out[0]).toMatch(`ok         ${file}  (Blackburn with Darwen: Good`);
      expect(rowsIn(db, "SELECT reinspection FROM inspections")).toEqual([{ reinspection: 0 }]);
      const conn = new Database(db);
      expect(conn.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      conn.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      conn.close();
      const later = await run(["ingest", dir, "--db", db]);
      expect(later.code).toBe(2);
      expect(later.err).toBe(
        `yos: ${db}: database schema version ${SCHEMA_VERSION + 1} is not the version this tool writes (${SCHEMA_VERSION}); use a new --db path\n`,
      );
    },
  );

  test("a re-parse that fails on the run's account (a timeout) keeps the report loaded; a verdict on the file replaces it", async () => {
    const { dir, db } = await loadedFolder("reparse-fails", "report.txt");
    const file = join(dir, "report.txt");
    const timedOut = (kept: string) =>
      `failed     ${file}: [E_TIMEOUT] ${file}: not parsed within 0.001 s; ${kept} — raise --timeout or check the file`;
    const forced = await run(["ingest", dir, "--db", db, "--force", "--timeout", "1ms"]);
    expect(forced.code).toBe(1);
    expect(forced.out[0]).toBe(timedOut("the rows loaded from it before are kept"));
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([{ file, status: "ok", area: "Blackburn with Darwen" }]);
    // So with a size limit lower than the file (the run's setting, not the file's fault).
    const limited = await run(["ingest", dir, "--db", db, "--force", "--max-size", "10KB"]);
    expect(limited.out[0]).toMatch(
      /\[E_TOO_LARGE\] .*: 0\.\d MB is over the 0\.0 MB limit; the rows loaded from it before are kept — raise --max-size/,
    );
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([{ file, status: "ok", area: "Blackburn with Darwen" }]);
    // The document's row is as it was: nothing to do next time.
    expect((await run(["ingest", dir, "--db", db])).out.at(-1)).toContain("1 unchanged");
    // Changed, and timed out: the earlier content's report stays, and the next run reads it again.
    writeFileSync(file, readFileSync(join(CORPUS, "2021-10-kirklees.txt")));
    const changed = await run(["ingest", dir, "--db", db, "--timeout", "1ms"]);
    expect(changed.out[0]).toBe(
      timedOut("the rows loaded from it before are kept, from its content before it changed"),
    );
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([{ file, status: "ok", area: "Blackburn with Darwen" }]);
    expect((await run(["ingest", dir, "--db", db])).out.at(-1)).toContain("1 ok");
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([{ file, status: "ok", area: "Kirklees" }]);
    // What the file holds now is no report: that is a verdict on it, and replaces its report.
    writeFileSync(file, "Minutes of the parish council meeting.\n\nItem 1. The bus shelter.\n");
    const minutes = await run(["ingest", dir, "--db", db]);
    expect(minutes.out[0]).toContain("[E_NOT_A_YOS_REPORT]");
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([{ file, status: "failed", area: null }]);
  });

  test("the database failing outside a document's transaction ends the run with one line; what was loaded stays", async () => {
    const { dir, db } = await loadedFolder("db-refuses", "report.txt");
    const conn = openDatabase(db);
    conn.exec(`CREATE TRIGGER no_updates BEFORE UPDATE ON documents
               BEGIN SELECT RAISE(ABORT, 'documents are read-only here'); END`);
    conn.close();
    // Touched, not changed: ingest records the file's new time, and the database refuses.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, "report.txt"), later, later);
    const { code, err } = await run(["ingest", dir, "--db", db]);
    expect(code).toBe(2);
    expect(err).toBe(
      "yos: the database refused: documents are read-only here (SQLITE_CONSTRAINT_TRIGGER); what was written before stays, run the command again\n",
    );
    expect(rowsIn(db, FILES_AND_AREAS)).toEqual([
      { file: join(dir, "report.txt"), status: "ok", area: "Blackburn with Darwen" },
    ]);
  });

  test("copies of a file that cannot be loaded all fail: none is a duplicate of a report not loaded", async () => {
    const dir = join(TMP, "dup-failed");
    mkdirSync(dir);
    const minutes = "Minutes of the parish council meeting.\n\nItem 1. The bus shelter.\n";
    writeFileSync(join(dir, "minutes.txt"), minutes);
    writeFileSync(join(dir, "minutes copy.txt"), minutes);
    writeFileSync(join(dir, "minutes (2).txt"), minutes);
    const db = join(TMP, "dup-failed.sqlite");
    const { code, out } = await run(["ingest", dir, "--db", db]);
    expect(code).toBe(1);
    expect(out.at(-1)).toContain("3 files: 0 ok, 0 partial, 3 failed, 0 duplicate, 0 unchanged");
    expect(rowsIn(db, "SELECT file, status, error_code FROM documents ORDER BY file")).toEqual([
      { file: join(dir, "minutes (2).txt"), status: "failed", error_code: "E_NOT_A_YOS_REPORT" },
      { file: join(dir, "minutes copy.txt"), status: "failed", error_code: "E_NOT_A_YOS_REPORT" },
      { file: join(dir, "minutes.txt"), status: "failed", error_code: "E_NOT_A_YOS_REPORT" },
    ]);
  });

  test("files gone from a folder: their rows are kept and the run says so; --prune removes them", async () => {
    const dir = join(TMP, "gone");
    const other = join(TMP, "elsewhere");
    mkdirSync(dir);
    mkdirSync(other);
    writeFileSync(join(dir, "kirklees.txt"), readFileSync(join(CORPUS, "2021-10-kirklees.txt")));
    writeFileSync(join(dir, "croydon.txt"), readFileSync(join(CORPUS, "2019-croydon.txt")));
    writeFileSync(
      join(other, "blackburn.txt"),
      readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt")),
    );
    const db = join(TMP, "gone.sqlite");
    expect((await run(["ingest", dir, other, "--db", db])).out.at(-1)).toContain("3 ok");
    // Croydon's file renamed; Kirklees' deleted; so is Blackburn's, in a folder not named below.
    renameSync(join(dir, "croydon.txt"), join(dir, "croydon-2019.txt"));
    rmSync(join(dir, "kirklees.txt"));
    rmSync(join(other, "blackburn.txt"));
    const kept = await run(["ingest", dir, "--db", db]);
    expect(kept.code).toBe(0);
    expect(kept.out.slice(-2)).toEqual([
      `missing    2 files loaded before from ${dir} are no longer there; their rows are kept (--prune removes them): ${join(dir, "croydon.txt")}, ${join(dir, "kirklees.txt")}`,
      expect.stringContaining("1 file: 0 ok, 0 partial, 0 failed, 1 duplicate, 0 unchanged"),
    ]);
    const areas = (file: string) => {
      const conn = openDatabase(file);
      expectSearchIndexSound(conn, "Croydon", 1);
      conn.close();
      return rowsIn(file, FILES_AND_AREAS);
    };
    expect(areas(db)).toEqual([
      { file: join(other, "blackburn.txt"), status: "ok", area: "Blackburn with Darwen" },
      { file: join(dir, "croydon-2019.txt"), status: "duplicate", area: null },
      { file: join(dir, "croydon.txt"), status: "ok", area: "Croydon" },
      { file: join(dir, "kirklees.txt"), status: "ok", area: "Kirklees" },
    ]);
    const pruned = await run(["ingest", dir, "--db", db, "--prune"]);
    expect(pruned.out).toEqual([
      `pruned     ${join(dir, "croydon.txt")}`,
      `pruned     ${join(dir, "kirklees.txt")}`,
      expect.stringMatching(/^ok +.*croydon-2019\.txt {2}\(Croydon: /),
      expect.stringContaining("1 file: 1 ok, 0 partial, 0 failed, 0 duplicate, 0 unchanged, 2 pruned"),
    ]);
    // The renamed file now holds Croydon's report; the folder not named keeps its rows.
    expect(areas(db)).toEqual([
      { file: join(other, "blackburn.txt"), status: "ok", area: "Blackburn with Darwen" },
      { file: join(dir, "croydon-2019.txt"), status: "ok", area: "Croydon" },
    ]);
    expect(
      JSON.parse((await run(["ingest", dir, "--db", db, "--prune", "--json"])).out[0] as string),
    ).toMatchObject({
      counts: { unchanged: 1 },
      pruned: [],
      missing: [],
    });
  });

  test("one inspection in two files (a text and its markdown) loads twice, and says so", async () => {
    const dir = join(TMP, "twins");
    mkdirSync(dir);
    const text = readFileSync(join(CORPUS, "2023-01-blackburn-with-darwen.txt"), "utf8");
    writeFileSync(join(dir, "a.txt"), text);
    writeFileSync(join(dir, "b.md"), toMarkdown(text));
    writeFileSync(join(dir, "c.txt"), readFileSync(join(CORPUS, "2021-10-kirklees.txt")));
    const db = join(TMP, "twins.sqlite");
    const { code, out } = await run(["ingest", dir, "--db", db, "--jobs", "1"]);
    expect(code).toBe(0);
    expect(out.find((l) => l.includes("b.md"))).toContain(
      `; the same inspection as ${join(dir, "a.txt")}, both loaded (inspections.same_inspection_as))`,
    );
    expect(out.filter((l) => l.includes("same inspection"))).toHaveLength(1);
    const conn = openDatabase(db);
    expect(
      conn.prepare("SELECT file, area, same_inspection_as FROM inspections ORDER BY report_id").all(),
    ).toEqual([
      { file: join(dir, "a.txt"), area: "Blackburn with Darwen", same_inspection_as: null },
      { file: join(dir, "b.md"), area: "Blackburn with Darwen", same_inspection_as: 1 },
      { file: join(dir, "c.txt"), area: "Kirklees", same_inspection_as: null },
    ]);
    conn.close();
  });

  test("a folder with a report saved as a web page (and the page's own files) loads the page", async () => {
    const dir = join(TMP, "saved");
    mkdirSync(join(dir, "Kirklees_files"), { recursive: true });
    writeFileSync(
      join(dir, "Kirklees.html"),
      toHtmlPage(readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8")),
    );
    writeFileSync(join(dir, "Kirklees_files", "site.css"), "body { margin: 0 }");
    writeFileSync(join(dir, "Kirklees_files", "analytics.js"), "window.dataLayer = [];");
    // (Word saves a page's running header as a page of its own there.)
    writeFileSync(
      join(dir, "Kirklees_files", "header.htm"),
      "<html><body><p>Inspection of youth offending services: Kirklees</p></body></html>",
    );
    const db = join(TMP, "saved.sqlite");
    const { code, out } = await run(["ingest", dir, "--db", db, "--jobs", "1"]);
    expect(code).toBe(0);
    expect(out.at(-1)).toContain("1 file: 1 ok, 0 partial, 0 failed");
    const conn = openDatabase(db);
    expect(
      conn
        .prepare(
          "SELECT d.file, d.format, r.area, r.overall_rating, r.stated_score FROM reports r JOIN documents d ON d.id = r.document_id",
        )
        .all(),
    ).toEqual([
      {
        file: join(dir, "Kirklees.html"),
        format: "markdown",
        area: "Kirklees",
        overall_rating: "Requires improvement",
        stated_score: 8,
      },
    ]);
    expect(conn.prepare("SELECT code FROM warnings WHERE code = 'html-page'").all()).toEqual([
      { code: "html-page" },
    ]);
    conn.close();
  });

  test("--max-size and --timeout fail a file with E_TOO_LARGE / E_TIMEOUT", async () => {
    const big = await run([
      "ingest",
      join(CORPUS, "2021-10-kirklees.txt"),
      "--db",
      join(TMP, "l.sqlite"),
      "--max-size",
      "10KB",
    ]);
    expect(big.code).toBe(1);
    expect(big.out[0]).toContain("[E_TOO_LARGE]");
    const slow = await run([
      "ingest",
      join(CORPUS, "2021-10-kirklees.txt"),
      "--db",
      join(TMP, "t.sqlite"),
      "--timeout",
      "1ms",
    ]);
    expect(slow.code).toBe(1);
    expect(slow.out[0]).toContain("[E_TIMEOUT]");
  });

  test("--jobs 2 gives the same database as --jobs 1", async () => {
    const dump = async (jobs: string) => {
      const db = join(TMP, `jobs${jobs}.sqlite`);
      await run(["ingest", CORPUS, "--db", db, "--jobs", jobs]);
      const conn = openDatabase(db);
      const rows = conn
        .prepare(
          `SELECT d.file, k.id, k.source, k.percent, k.relevant, k.yes, k.provenance_line
           FROM key_questions k JOIN reports r ON r.id = k.report_id JOIN documents d ON d.id = r.document_id
           ORDER BY d.file, k.id, k.source`,
        )
        .all();
      const findings = conn
        .prepare(
          "SELECT d.file, f.rule_id, f.message FROM findings f JOIN reports r ON r.id = f.report_id JOIN documents d ON d.id = r.document_id ORDER BY 1, 2, 3",
        )
        .all();
      conn.close();
      return { rows, findings };
    };
    const one = await dump("1");
    const two = await dump("2");
    expect(one.rows).toHaveLength(111);
    expect(two).toEqual(one);
  });
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
    expect(text.trimEnd()).toMatch(/\n1 report: 3 errors, 0 warnings, 0 info$/);
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

  test("a folder is audited in worker threads (--jobs), in the order of its files, each file within --timeout", async () => {
    const dir = join(TMP, "audit-folder");
    mkdirSync(dir);
    for (const f of ["2019-croydon.txt", "2020-12-north-somerset.txt", "2021-10-kirklees.txt"])
      writeFileSync(join(dir, f), readFileSync(join(CORPUS, f)));
    writeFileSync(join(dir, "empty.txt"), "");
    const one = await run(["audit", dir, "--format", "json", "--jobs", "1"]);
    const two = await run(["audit", dir, "--format", "json", "--jobs", "2"]);
    // An input error (the empty file) is exit 2, named on stderr; the others are audited.
    expect([one.code, two.code]).toEqual([2, 2]);
    const emptyError = `error [E_EMPTY] ${join(dir, "empty.txt")}: the file is empty — download it again\n`;
    expect([one.err, two.err]).toEqual([emptyError, emptyError]);
    expect(two.out).toEqual(one.out);
    const findings = JSON.parse(one.out[0] as string) as { file: string; ruleId: string }[];
    // Croydon 2, North Somerset 4, Kirklees 3, file by file in the folder's order.
    expect(findings.map((f) => basename(f.file))).toEqual([
      ...Array(2).fill("2019-croydon.txt"),
      ...Array(4).fill("2020-12-north-somerset.txt"),
      ...Array(3).fill("2021-10-kirklees.txt"),
    ]);
    // The same findings as each file audited alone.
    const alone = await run(["audit", join(dir, "2021-10-kirklees.txt"), "--format", "json"]);
    expect(findings.slice(6)).toEqual(JSON.parse(alone.out[0] as string));
    // A file that takes longer than --timeout is an input error of its own; the run goes on.
    const timedOut = await run(["audit", join(dir, "2021-10-kirklees.txt"), "--timeout", "1ms"]);
    expect(timedOut.code).toBe(2);
    expect(timedOut.err).toBe(
      `error [E_TIMEOUT] ${join(dir, "2021-10-kirklees.txt")}: not parsed within 0.001 s — raise --timeout or check the file\n`,
    );
    expect((await run(["audit", dir, "--jobs", "0"])).err).toContain(
      "--jobs takes a whole number of at least 1",
    );
  });

  test("Ctrl-C during an audit of files: the files in the workers are finished, their findings written, the rest counted; exit 130", async () => {
    const dir = join(TMP, "audit-interrupted");
    mkdirSync(dir);
    // More than one job holds (PARSE_DEPTH, 16): some are still to read when the first is done.
    const N = 40;
    const names = Array.from({ length: N }, (_, i) => `croydon-${String(i).padStart(2, "0")}.txt`);
    for (const name of names) writeFileSync(join(dir, name), readFileSync(join(CORPUS, "2019-croydon.txt")));
    const said: string[] = [];
    const stderr = process.stderr.write;
    const wasTty = process.stderr.isTTY;
    const signalListeners = process.listenerCount("SIGINT");
    process.stderr.isTTY = true;
    let sent = false;
    process.stderr.write = ((s: string) => {
      said.push(s);
      // The first file done (the bar at 1/40): Ctrl-C, as the audit's own handler receives it.
      if (!sent && / 1\/40 /.test(s) && process.listenerCount("SIGINT") > signalListeners) {
        sent = true;
        const onSignal = process.listeners("SIGINT").at(-1) as (signal: string) => void;
        onSignal("SIGINT");
      }
      return true;
    }) as typeof process.stderr.write;
    const out: string[] = [];
    let code: number;
    try {
      code = await main(["audit", dir, "--format", "json", "--jobs", "1"], (s) => out.push(s));
    } finally {
      process.stderr.write = stderr;
      process.stderr.isTTY = wasTty;
    }
    expect(code).toBe(130);
    expect(process.listenerCount("SIGINT")).toBe(signalListeners);
    expect(said).toContain(
      "\r\x1b[2Kyos: interrupted: finishing the files being audited (Ctrl-C again stops at once)\n",
    );
    const findings = JSON.parse(out[0] as string) as { file: string; ruleId: string }[];
    // Croydon's 2 findings for each file audited: the first files of the folder, in order.
    const audited = findings.length / 2;
    expect(audited).toBeGreaterThanOrEqual(1);
    expect(audited).toBeLessThan(N);
    expect(findings.map((f) => basename(f.file))).toEqual(names.slice(0, audited).flatMap((n) => [n, n]));
    expect(said.at(-1)).toBe(
      `yos: ${audited} of ${N} files audited, the findings theirs alone; ${N - audited} files not read\n`,
    );
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

  test("an output that cannot be written is one line naming it and why, not a stack trace", async () => {
    const db = join(TMP, "outputs.sqlite");
    await run(["ingest", join(CORPUS, "2019-croydon.txt"), "--db", db]);
    const folder = join(TMP, "a-folder");
    mkdirSync(folder);
    expect(await run(["report", "--db", db, "--out", folder])).toEqual({
      code: 2,
      out: [],
      err: `yos: ${folder}: a folder; give --out the path of the file to write\n`,
    });
    const file = join(TMP, "a-file.txt");
    writeFileSync(file, "not a folder\n");
    expect(await run(["export", "--db", db, "--out", file])).toEqual({
      code: 2,
      out: [],
      err: `yos: ${file}: a file; give --out a folder, where a file is written for each table\n`,
    });
    // Any other file the command cannot write: the system's reason, for the path it names.
    const under = join(file, "report.html");
    expect(await run(["report", "--db", db, "--out", under])).toEqual({
      code: 2,
      out: [],
      err: `yos: ${file}: file already exists (EEXIST)\n`,
    });
  });

  test("usage and input errors exit 2", async () => {
    expect((await run(["audit"])).code).toBe(2);
    expect((await run(["audit", CORPUS, "--format", "pdf"])).code).toBe(2);
    expect((await run(["audit", CORPUS, "--fail-on", "sometimes"])).code).toBe(2);
    for (const [option, value] of [
      ["--timeout", "0"],
      ["--timeout", "0ms"],
      ["--max-size", "0"],
      ["--max-size", "0KB"],
    ] as const) {
      const { code, err } = await run(["ingest", CORPUS, "--db", join(TMP, "never.sqlite"), option, value]);
      expect(code).toBe(2);
      expect(err).toMatch(new RegExp(`^yos: ${option} takes a (duration|size) above 0`));
    }
    const empty = join(TMP, "empty.txt");
    writeFileSync(empty, "");
    expect((await run(["audit", empty])).code).toBe(2);
  });
});

test("the README's rule catalogue is generated from the rules", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  expect(withCatalogue(readme)).toBe(readme);
});
