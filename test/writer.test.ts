// The batch writer: documents are written several to a transaction, each in a savepoint of its
// own, so a document the database refuses is recorded as failed and leaves nothing behind,
// while the others of its batch load.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { tableNamed } from "../schemas/sql.js";
import { auditRecord } from "../src/audit/index.js";
import { loadRows, openDatabase } from "../src/db.js";
import { extractFile } from "../src/extract.js";
import { ingestFiles } from "../src/ingest.js";
import { CHILD_TABLES, reportRows } from "../src/tabulate.js";
import { expectSearchIndexSound } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const TMP = join(import.meta.dirname, ".tmp", "writer");

test("a report the database refuses fails alone (E_DATABASE); the rest of its batch loads", async () => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const db = openDatabase(join(TMP, "refuse.sqlite"));
  // A constraint of the user's: no report of Kirklees.
  db.exec(`CREATE TRIGGER refuse_kirklees BEFORE INSERT ON reports WHEN NEW.area = 'Kirklees'
           BEGIN SELECT RAISE(ABORT, 'Kirklees refused by a trigger'); END`);
  const files = readdirSync(CORPUS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join(CORPUS, f));
  const outcomes = await ingestFiles(
    db,
    files,
    { jobs: 2, timeoutMs: 60_000, maxSizeBytes: 1e9, force: false },
    () => {},
  );
  const byFile = Object.fromEntries(outcomes.map((o) => [o.file.split("/").at(-1), [o.status, o.code]]));
  expect(byFile).toEqual({
    "2019-croydon.txt": ["ok", null],
    "2020-12-north-somerset.txt": ["ok", null],
    "2021-10-kirklees.txt": ["failed", "E_DATABASE"],
    "2022-07-tower-hamlets-and-city-of-london.txt": ["ok", null],
    "2023-01-blackburn-with-darwen.txt": ["ok", null],
  });
  expect(outcomes.find((o) => o.code === "E_DATABASE")?.message).toContain("Kirklees refused by a trigger");
  const rows = db
    .prepare(
      `SELECT d.status, count(r.id) AS reports, (SELECT count(*) FROM standards s JOIN reports r2 ON r2.id = s.report_id
         JOIN documents d2 ON d2.id = r2.document_id WHERE d2.id = d.id) AS standards
       FROM documents d LEFT JOIN reports r ON r.document_id = d.id GROUP BY d.id ORDER BY d.file`,
    )
    .all();
  expect(rows).toEqual([
    // standards per report as in corpus/expected: 12 before the 2021 edition, 13 with 4.1
    { status: "ok", reports: 1, standards: 12 },
    { status: "ok", reports: 1, standards: 12 },
    { status: "failed", reports: 0, standards: 0 },
    { status: "ok", reports: 1, standards: 13 },
    { status: "ok", reports: 1, standards: 13 },
  ]);
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  // The refused report's rows were rolled back (their ids reused by the next report of the
  // batch): the search index holds the loaded reports' narrative only, each once.
  expectSearchIndexSound(db, "Kirklees", 0);
  expectSearchIndexSound(db, "Croydon", 1);
  expectSearchIndexSound(db, "partnership", 4);
  db.close();
});

test("a report loaded before stays when the database refuses its re-parse (--force)", async () => {
  // A folder of its own, made afresh: the test runs alone as well as after the others.
  const dir = join(TMP, "refuse-again");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(join(dir, "refuse-again.sqlite"));
  const kirklees = join(CORPUS, "2021-10-kirklees.txt");
  const options = { jobs: 1, timeoutMs: 60_000, maxSizeBytes: 1e9, force: true };
  expect((await ingestFiles(db, [kirklees], options, () => {})).map((o) => o.status)).toEqual(["ok"]);
  db.exec(`CREATE TRIGGER refuse_kirklees BEFORE INSERT ON reports WHEN NEW.area = 'Kirklees'
           BEGIN SELECT RAISE(ABORT, 'Kirklees refused by a trigger'); END`);
  const [again] = await ingestFiles(db, [kirklees], options, () => {});
  expect(again?.status).toBe("failed");
  expect(again?.message).toBe(
    `${kirklees}: Kirklees refused by a trigger; the rows loaded from it before are kept — the database was busy or could not be written; run the ingest again`,
  );
  expect(
    db
      .prepare(
        `SELECT d.status, r.area, (SELECT count(*) FROM standards s WHERE s.report_id = r.id) AS standards
         FROM documents d JOIN reports r ON r.document_id = d.id`,
      )
      .all(),
  ).toEqual([{ status: "ok", area: "Kirklees", standards: 12 }]);
  expectSearchIndexSound(db, "Kirklees", 1);
  db.close();
});

test("batch after batch, the search index covers every loaded report once", async () => {
  const dir = join(TMP, "many");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // 20 distinct files (a line of their own at the end): several batches of the writer.
  const reports = readdirSync(CORPUS).filter((f) => f.endsWith(".txt"));
  const files: string[] = [];
  for (let i = 0; i < 20; i++) {
    const file = join(dir, `copy-${i}.txt`);
    writeFileSync(
      file,
      `${readFileSync(join(CORPUS, reports[i % reports.length] as string), "utf8")}\nCopy ${i}\n`,
    );
    files.push(file);
  }
  const db = openDatabase(join(TMP, "many.sqlite"));
  const outcomes = await ingestFiles(
    db,
    files,
    { jobs: 1, timeoutMs: 60_000, maxSizeBytes: 1e9, force: false },
    () => {},
  );
  expect(outcomes.map((o) => o.status)).toEqual(Array(20).fill("ok"));
  expectSearchIndexSound(db, "partnership", 20);
  expectSearchIndexSound(db, "Kirklees", 4);
  db.close();
});

test("every row a report tabulates reads back from its table, in order (rows are written several to a statement)", async () => {
  const db = openDatabase(":memory:");
  for (const name of readdirSync(CORPUS).filter((f) => f.endsWith(".txt"))) {
    const record = await extractFile(join(CORPUS, name));
    const rows = reportRows(record, auditRecord(record));
    const reportId = loadRows(db, rows);
    for (const table of CHILD_TABLES) {
      const columns = tableNamed(table).columns.map((c) => `"${c.name}"`);
      const stored = db
        .prepare(`SELECT ${columns.join(", ")} FROM "${table}" WHERE report_id = ? ORDER BY id`)
        .raw()
        .all(reportId);
      expect(stored, `${name}: ${table}`).toEqual(rows.children[table]);
    }
  }
  // By hand from the reports' annexes: 93 prompts (North Somerset), 94 (Kirklees), 95 (Tower
  // Hamlets), more than one statement's worth each; Tower Hamlets' 2.2.1 g) 88 %, 2.2.3 c) 44 %.
  const prompts = db
    .prepare(
      "SELECT r.area, count(*) AS n FROM prompts p JOIN reports r ON r.id = p.report_id GROUP BY r.id ORDER BY r.id",
    )
    .all();
  expect(prompts).toEqual([
    { area: "North Somerset", n: 93 },
    { area: "Kirklees", n: 94 },
    { area: "Tower Hamlets and City of London", n: 95 },
  ]);
  const percent = db.prepare(
    "SELECT percent FROM prompts WHERE key_question_id = ? AND label = ? AND report_id = (SELECT id FROM reports WHERE area LIKE 'Tower Hamlets%')",
  );
  expect([percent.pluck().get("2.2.1", "g"), percent.pluck().get("2.2.3", "c")]).toEqual([88, 44]);
  db.close();
});
