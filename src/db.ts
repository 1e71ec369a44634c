// load: records -> SQLite. One transaction per document, so a database never holds half a
// report; re-ingesting a file replaces its rows.
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { systemReason } from "../parsers/read.js";
import type { Finding } from "../schemas/finding.js";
import type { ReportRecord } from "../schemas/report.js";
import {
  type ColumnValue,
  type TableDefinition,
  addColumnsSql,
  rowValues,
  schemaSql,
  tableNamed,
} from "../schemas/sql.js";
import { sameInspectionSql, viewSql } from "../schemas/views.js";
import { CHILD_TABLES, type ReportRows } from "./tabulate.js";

export const SCHEMA_VERSION = 8;

/** Changes that bring a database of an earlier schema version to the next, by its version. */
const MIGRATIONS: Record<number, string[]> = {
  // Schema 5: where each document's file was read from, so that a relative name is not taken
  // for another file when the tool is run from another folder.
  4: ['ALTER TABLE documents ADD COLUMN "path" TEXT'],
  // Schema 6: where a standard's professional-discretion note is, which an audit finding cites
  // (null for reports loaded before, until they are next parsed).
  5: addColumnsSql("standards", "discretion_provenance_"),
  // Schema 7: whether the report is a re-inspection (null for reports loaded before, until they
  // are next parsed: a new parser version re-parses every file).
  6: addColumnsSql("reports", "reinspection"),
  // Schema 8: the sub-samples the methodology states, a table of their own (made by schemaSql
  // with the rest; empty for reports loaded before, until they are next parsed).
  7: [],
};

export type Db = Database.Database;

/** A database the tool will not use (another schema version, not a database, unreadable). */
export class DatabaseError extends Error {
  constructor(
    message: string,
    /** It could be used but not written here: a read-only file or folder. */
    readonly readOnly = false,
  ) {
    super(message);
  }
}

/** SQLite's refusal to write a file the process may only read. */
function isReadOnlyError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return (
    typeof code === "string" && (code.startsWith("SQLITE_READONLY") || code === "EACCES" || code === "EROFS")
  );
}

export function openDatabase(path: string): Db {
  let db: Db | undefined;
  try {
    if (path !== ":memory:") {
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
        throw new DatabaseError(`${path}: a folder, not a database file; give --db a file's path`);
      mkdirSync(dirname(path), { recursive: true });
    }
    // Better-sqlite3's own timeout waits for a lock from the very first statement: switching a new
    // database to WAL while another process creates it must wait too, not fail.
    db = new Database(path, { timeout: 15_000 });
    db.pragma("busy_timeout = 15000");
    // 16 KiB pages for a new database (an existing one keeps its own): a report's narrative fills
    // a few pages instead of dozens, and a batch commits with a quarter of the writes.
    db.pragma("page_size = 16384");
    switchToWal(db);
  } catch (err) {
    db?.close();
    if (err instanceof DatabaseError) throw err;
    if ((err as { code?: string }).code === "SQLITE_NOTADB")
      throw new DatabaseError(
        `${path}: not an SQLite database (${(err as Error).message}); give --db another path`,
      );
    throw notWritten(path, err);
  }
  // WAL with synchronous NORMAL: every committed document survives a killed process; only a
  // power cut can lose the last commits, never corrupt the file.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Each document is written in a savepoint; its statement journal lives in memory rather than
  // in a temporary file written page by page.
  db.pragma("temp_store = MEMORY");
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version !== 0 && version !== SCHEMA_VERSION && !canMigrate(version)) {
    db.close();
    throw new DatabaseError(
      `${path}: database schema version ${version} is not the version this tool writes (${SCHEMA_VERSION}); use a new --db path`,
    );
  }
  try {
    db.transaction(() => {
      if (version !== 0)
        for (let v = version; v < SCHEMA_VERSION; v++) for (const sql of MIGRATIONS[v] ?? []) db.exec(sql);
      for (const sql of schemaSql()) db.exec(sql);
      for (const sql of viewSql()) db.exec(sql);
      db.exec('CREATE TABLE IF NOT EXISTS meta ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL)');
      // Each batch adds a segment to the full-text index: merge 16 at a time rather than FTS5's
      // default 4, so that a long ingest rewrites the index less often (searches still see few).
      db.exec("INSERT INTO narrative_fts(narrative_fts, rank) VALUES ('automerge', 16)");
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  } catch (err) {
    db.close();
    if (isReadOnlyError(err)) throw notWritten(path, err);
    throw err;
  }
  return db;
}

/** The database cannot be opened to write: why, and whether it may still be read. */
function notWritten(path: string, err: unknown): DatabaseError {
  if (isReadOnlyError(err))
    return new DatabaseError(`${path}: cannot be written here: ${systemReason(err)}`, true);
  return new DatabaseError(`${path}: cannot be opened as a database: ${systemReason(err)}`);
}

/**
 * A database this process may read but not write (a read-only file or folder: a copy on a
 * shared drive, another user's), opened to read only: for the commands that only read it.
 */
export function readOnlyDatabase(path: string): Db {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      throw new DatabaseError(
        `${path}: cannot be written here, and is of schema version ${version}, which this tool reads only after bringing it to ${SCHEMA_VERSION}: copy it somewhere it can be written and give --db the copy`,
      );
    }
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof DatabaseError) throw err;
    // WAL mode (an earlier yos left databases so, or another program has it open) needs its
    // -shm file written even to read.
    throw new DatabaseError(
      `${path}: cannot be written here, nor read without writing: ${systemReason(err)}; copy it somewhere it can be written and give --db the copy`,
    );
  }
}

/**
 * Close a connection. A database is left in rollback-journal mode, one file that another user, a
 * read-only share or any SQLite program can open to read (in WAL mode even a reader must write
 * its -shm file); the next writer switches it to WAL again.
 */
export function closeDatabase(db: Db): void {
  if (db.open && !db.readonly && db.name !== ":memory:") {
    try {
      // Another connection open (a second ingest, a browser of the database): not waited for;
      // the database stays in WAL mode until the last of them closes.
      db.pragma("busy_timeout = 0");
      db.pragma("journal_mode = DELETE");
    } catch {
      // as above
    }
  }
  db.close();
}

function canMigrate(version: number): boolean {
  for (let v = version; v < SCHEMA_VERSION; v++) if (!MIGRATIONS[v]) return false;
  return version < SCHEMA_VERSION;
}

/**
 * WAL mode. Switching a new database to it needs the file to itself for a moment, and SQLite
 * answers "database is locked" at once, without its busy handler, while another process is
 * creating the same database: wait and try again, as the busy timeout would.
 */
function switchToWal(db: Db): void {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 + Math.random() * 20);
    }
  }
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepared once per connection: preparing is most of the cost of a small insert. */
function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

/** An INSERT of `rows` rows of table `t` (its parent's key first) in one statement. */
function insertSql(t: TableDefinition, rows = 1): string {
  const fk = t.parent === "documents" ? ["document_id"] : t.parent === "reports" ? ["report_id"] : [];
  const cols = [...fk, ...t.columns.map((c) => c.name)];
  const row = `(${cols.map(() => "?").join(", ")})`;
  return `INSERT INTO "${t.name}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(rows).fill(row).join(", ")}`;
}

/**
 * Rows a child table's statement inserts at most at once. A statement's own cost (stepping it,
 * resetting it, the call into SQLite) is a good part of inserting a short row: a report's 200
 * or so rows written 16 to a statement load in about a fifth less time than one by one.
 */
const ROWS_PER_INSERT = 16;

const childInserts = new Map<string, string>();
/** insertSql's text, made once per table and row count (it keys the prepared statement). */
function childInsertSql(t: TableDefinition, rows: number): string {
  const key = `${t.name} ${rows}`;
  let sql = childInserts.get(key);
  if (sql === undefined) {
    sql = insertSql(t, rows);
    childInserts.set(key, sql);
  }
  return sql;
}

/** A report's rows of one child table, written ROWS_PER_INSERT to a statement. */
function insertChildRows(db: Db, name: string, reportId: number, rows: ColumnValue[][]): void {
  const t = tableNamed(name);
  for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
    const count = Math.min(ROWS_PER_INSERT, rows.length - at);
    const values: ColumnValue[] = [];
    for (let k = at; k < at + count; k++) values.push(reportId, ...(rows[k] as ColumnValue[]));
    prepared(db, childInsertSql(t, count)).run(values);
  }
}

export interface DocumentOutcome {
  file: string;
  sha256: string | null;
  format: ReportRecord["source"]["format"] | null;
  status: "ok" | "partial" | "failed" | "duplicate";
  errorCode: string | null;
  error: string | null;
  parserVersion: string;
  duplicateOf?: string | null;
  size?: number | null;
  mtimeMs?: number | null;
  /** The absolute path the file was read from. */
  path?: string | null;
}

/** A document's row and all it holds (report, rows, findings, search entries), by cascade. */
function deleteDocument(db: Db, file: string): void {
  prepared(db, 'DELETE FROM documents WHERE "file" = ?').run(file);
}

function insertDocument(db: Db, outcome: DocumentOutcome): number {
  deleteDocument(db, outcome.file);
  const t = tableNamed("documents");
  const info = prepared(db, insertSql(t)).run(
    ...rowValues(t, { ...outcome, loadedAt: new Date().toISOString() }),
  );
  return Number(info.lastInsertRowid);
}

export interface LoadMeta {
  status?: "ok" | "partial";
  error?: string | null;
  size?: number | null;
  mtimeMs?: number | null;
  path?: string | null;
}

/** Write a tabulated report (replacing any earlier load of the same file) in one transaction. */
export function loadRows(db: Db, rows: ReportRows, meta: LoadMeta = {}): number {
  const write = () => {
    const documentId = insertDocument(db, {
      ...rows.document,
      status: meta.status ?? "ok",
      errorCode: null,
      error: meta.error ?? null,
      size: meta.size ?? null,
      mtimeMs: meta.mtimeMs ?? null,
      path: meta.path ?? null,
    });
    const reportId = Number(
      prepared(db, insertSql(tableNamed("reports"))).run(documentId, rows.report).lastInsertRowid,
    );
    for (const name of CHILD_TABLES) insertChildRows(db, name, reportId, rows.children[name]);
    return reportId;
  };
  // Inside a caller's transaction (the batch writer gives each document a savepoint of its own)
  // the caller makes it whole or nothing; a second savepoint would only journal every page twice.
  if (db.inTransaction) return write();
  // IMMEDIATE: take the write lock first (waiting up to busy_timeout), so that another process
  // writing between our read and our write cannot make this transaction fail.
  return db.transaction(write).immediate();
}

/** The file of another report loaded earlier that is the same inspection as `reportId`, if any. */
export function sameInspectionFile(db: Db, reportId: number): string | null {
  const row = prepared(
    db,
    `SELECT d.file FROM reports r, reports o JOIN documents d ON d.id = o.document_id
     WHERE r.id = ? AND o.id <> r.id AND ${sameInspectionSql("o", "r")} ORDER BY o.id LIMIT 1`,
  ).get(reportId) as { file: string } | undefined;
  return row?.file ?? null;
}

/** Remove documents and all they hold, in one transaction. */
export function removeDocuments(db: Db, files: readonly string[]): void {
  db.transaction(() => {
    for (const file of files) deleteDocument(db, file);
  }).immediate();
}

/** Record a file that could not be loaded (or a duplicate); whatever it held before is replaced. */
export function recordDocument(db: Db, outcome: DocumentOutcome): void {
  db.transaction(() => insertDocument(db, outcome)).immediate();
}

export interface StoredDocument {
  file: string;
  sha256: string | null;
  status: DocumentOutcome["status"];
  parser_version: string;
  size: number | null;
  mtime_ms: number | null;
  duplicate_of: string | null;
  path: string | null;
}

export function storedDocuments(db: Db): Map<string, StoredDocument> {
  const rows = db
    .prepare("SELECT file, sha256, status, parser_version, size, mtime_ms, duplicate_of, path FROM documents")
    .all() as StoredDocument[];
  return new Map(rows.map((r) => [r.file, r]));
}

export function touchDocument(db: Db, file: string, size: number, mtimeMs: number, path: string): void {
  // A single statement is its own transaction; busy_timeout covers the wait for the lock.
  prepared(db, 'UPDATE documents SET size = ?, mtime_ms = ?, "path" = ? WHERE "file" = ?').run(
    size,
    mtimeMs,
    path,
    file,
  );
}

export function setMeta(db: Db, values: Record<string, string>): void {
  const stmt = db.prepare(
    'INSERT INTO meta ("key", "value") VALUES (?, ?) ON CONFLICT("key") DO UPDATE SET "value" = excluded."value"',
  );
  db.transaction(() => {
    for (const [k, v] of Object.entries(values)) stmt.run(k, v);
  }).immediate();
}

/** Findings stored at ingest, as audit records again. */
export function storedFindings(db: Db): Finding[] {
  const rows = db
    .prepare(
      `SELECT d.file, r.area, f.rule_id, f.severity, f.standard_id, f.question_id, f.message, f.arithmetic,
              f.evidence, f.provenance
       FROM findings f JOIN reports r ON r.id = f.report_id JOIN documents d ON d.id = r.document_id
       ORDER BY d.file, f.id`,
    )
    .all() as Record<string, string | null>[];
  return rows.map((r) => ({
    ruleId: r.rule_id as string,
    severity: r.severity as Finding["severity"],
    file: r.file as string,
    area: r.area ?? null,
    standardId: r.standard_id ?? null,
    questionId: r.question_id ?? null,
    message: r.message as string,
    evidence: { values: JSON.parse(r.evidence as string), arithmetic: r.arithmetic as string },
    provenance: JSON.parse(r.provenance as string),
  }));
}

export interface ReportSummaryRow {
  file: string;
  area: string | null;
  overall_rating: string | null;
  stated_score: number | null;
  computed_score: number | null;
  completeness_found: number;
  completeness_expected: number;
  warnings: number;
  errors: number;
}

export function reportSummaries(db: Db): ReportSummaryRow[] {
  return db
    .prepare(
      `SELECT d.file, r.area, r.overall_rating, r.stated_score, r.computed_score,
              r.completeness_found, r.completeness_expected,
              (SELECT count(*) FROM warnings w WHERE w.report_id = r.id) AS warnings,
              (SELECT count(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS errors
       FROM reports r JOIN documents d ON d.id = r.document_id
       ORDER BY d.file`,
    )
    .all() as ReportSummaryRow[];
}

/**
 * Add the narrative of these (just loaded) reports to the full-text index. Called once per batch
 * inside its transaction: the index is never behind the rows it covers.
 */
export function indexNarrative(db: Db, reportIds: Iterable<number>): void {
  // One statement for the whole batch: FTS5 writes its pending terms out as a new segment at
  // each statement's savepoint, so a statement per report would leave a segment per report.
  prepared(
    db,
    "INSERT INTO narrative_fts(rowid, section, text) SELECT id, section, text FROM narrative_sections WHERE report_id IN (SELECT value FROM json_each(?))",
  ).run(JSON.stringify([...reportIds]));
}

/**
 * Rebuild the full-text index when a database says it is out of date: earlier versions of the
 * tool built it once at the end of each ingest, and a run killed before that left this mark.
 */
export function refreshSearchIndex(db: Db): boolean {
  const row = db.prepare('SELECT "value" FROM meta WHERE "key" = ?').get("search_index_stale") as
    | { value: string }
    | undefined;
  if (row?.value !== "1") return false;
  db.transaction(() => {
    db.exec("INSERT INTO narrative_fts(narrative_fts) VALUES('rebuild')");
    db.prepare('UPDATE meta SET "value" = ? WHERE "key" = ?').run("0", "search_index_stale");
  }).immediate();
  return true;
}
