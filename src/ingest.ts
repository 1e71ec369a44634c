// ingest: files -> parsed in worker threads -> loaded by the single database writer, one
// transaction per document. Unchanged files (same path, size, time and parser version, or
// same content) are skipped; identical content under another name is recorded as a duplicate.
import { type Stats, existsSync, lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, normalize, resolve, sep } from "node:path";
import { sha256Of, systemReason, whyNotAFile, whyUnreadable } from "../parsers/read.js";
import {
  type Db,
  type StoredDocument,
  indexNarrative,
  loadRows,
  recordDocument,
  refreshSearchIndex,
  sameInspectionFile,
  storedDocuments,
  touchDocument,
} from "./db.js";
import { type ErrorCode, FAILURES_OF_THE_RUN, type InputError, typedError, withReason } from "./errors.js";
import { PARSER_VERSION } from "./extract.js";
import { PARSE_DEPTH, ParsePool, READ_AHEAD_BYTES } from "./pool.js";
import { BATCH_SIZE, BatchWriter } from "./writer.js";

export interface IngestOptions {
  jobs: number;
  timeoutMs: number;
  maxSizeBytes: number;
  force: boolean;
  /**
   * Where a file is read from when that is not its name: a file loaded before under a name
   * relative to another folder keeps that name (knownAs).
   */
  paths?: ReadonlyMap<string, string>;
  /** Aborted: read no further file; those being read are finished and written. */
  signal?: AbortSignal;
}

export type IngestStatus = "ok" | "partial" | "failed" | "duplicate" | "unchanged";

export interface IngestOutcome {
  file: string;
  status: IngestStatus;
  code: ErrorCode | null;
  message: string | null;
  area: string | null;
  overallRating: string | null;
  completeness: string | null;
  warnings: number;
  findings: number;
  /** Another file already loaded that holds the same inspection. */
  sameInspectionAs: string | null;
}

function outcome(file: string, status: IngestStatus, extra: Partial<IngestOutcome> = {}): IngestOutcome {
  return {
    file,
    status,
    code: null,
    message: null,
    area: null,
    overallRating: null,
    completeness: null,
    warnings: 0,
    findings: 0,
    sameInspectionAs: null,
    ...extra,
  };
}

function failure(file: string, error: InputError): IngestOutcome {
  return outcome(file, "failed", { code: error.code, message: error.message });
}

export async function ingestFiles(
  db: Db,
  inputs: string[],
  options: IngestOptions,
  onOutcome: (o: IngestOutcome, done: number, total: number) => void,
): Promise<IngestOutcome[]> {
  // A path named twice (a folder and a file in it) is one document, loaded once.
  const files = [...new Set(inputs)];
  const inRun = new Set(files);
  const stored = storedDocuments(db);
  let loadedBySha = loadedContent(stored);
  const pathOf = (file: string) => options.paths?.get(file) ?? file;
  const placeOf = placer();
  /** What a document's row records as where its file was read from. */
  const readFrom = (file: string) => placeOf(pathOf(file));
  const pool = new ParsePool(Math.max(1, options.jobs), options.timeoutMs);
  const outcomes: IngestOutcome[] = [];
  let done = 0;
  const emit = (o: IngestOutcome) => {
    outcomes.push(o);
    done++;
    onOutcome(o, done, files.length);
  };
  /** Write a failed (or refused) document's row; its outcome is emitted by the caller. */
  const writeFailed = (
    o: IngestOutcome,
    size: number | null,
    mtimeMs: number | null,
    sha256: string | null,
  ) => {
    recordDocument(db, {
      file: o.file,
      sha256,
      format: null,
      status: "failed",
      errorCode: o.code,
      error: o.message,
      parserVersion: PARSER_VERSION,
      size,
      mtimeMs,
      path: readFrom(o.file),
    });
  };
  const recordFailed = (
    o: IngestOutcome,
    size: number | null,
    mtimeMs: number | null,
    sha256: string | null,
  ) => {
    writeFailed(o, size, mtimeMs, sha256);
    emit(o);
  };
  // Reports loaded in the batch being written: their narrative joins the search index before
  // the batch commits. (A report refused in its savepoint is not here; its id may be reused.)
  let batchReports: number[] = [];
  const writer = new BatchWriter(
    db,
    emit,
    () => pool.inFlight > 0,
    () => {
      const ids = batchReports;
      batchReports = [];
      indexNarrative(db, ids);
    },
  );

  const pending = new Set<Promise<void>>();
  // Backpressure: read a file only when a worker will soon be free for it, so that a large
  // batch is never held in memory at once (the files the workers hold, and a batch of those
  // parsed but not yet written), and never more than READ_AHEAD_BYTES of them (PDFs).
  const window = options.jobs * PARSE_DEPTH + BATCH_SIZE;
  let bytesHeld = 0;
  // Content being parsed in this run, and the file it is parsed from.
  const claimed = new Map<string, string>();
  // A file whose fate rests on what another file of this run holds (a duplicate of it, or one it
  // was a duplicate of) waits until every other file is read: that file may hold other content now,
  // and the duplicate's content must then be loaded from the duplicate itself.
  const deferred: string[] = [];
  const waitsOn = (original: string | null, file: string, final: boolean) =>
    !final && original !== null && original !== file && inRun.has(original);
  /**
   * A file unchanged since it was loaded: skipped; but a duplicate is skipped only while its
   * content is still loaded, and waits while its original is yet to be read in this run.
   */
  const unchanged = (prev: StoredDocument, file: string, final: boolean): "skip" | "defer" | "read" => {
    if (prev.status !== "duplicate") return "skip";
    if (waitsOn(prev.duplicate_of, file, final)) return "defer";
    return loadedBySha.has(prev.sha256 ?? "") ? "skip" : "read";
  };
  /**
   * A failure of the run (the file unreadable now, a timeout, the size limit, a parser bug, the
   * database refusing) on a file whose report was loaded before, when read again after a parser
   * upgrade, with --force or after it changed: its outcome, the report left as loaded (and its
   * document row, so the next run tries again). Null otherwise.
   */
  const failedKeepingLoaded = (
    file: string,
    error: InputError,
    changed: (prev: StoredDocument) => boolean,
  ): IngestOutcome | null => {
    const prev = stored.get(file);
    if (!prev || !holdsReport(prev) || !FAILURES_OF_THE_RUN.has(error.code)) return null;
    if (prev.sha256) loadedBySha.set(prev.sha256, file);
    let kept = changed(prev) ? `${ROWS_KEPT}, from its content before it changed` : ROWS_KEPT;
    if (!existsSync(pathOf(file))) kept += " (--prune removes them)";
    return failure(file, withReason(file, error, kept));
  };
  /** A file that cannot be read now (gone, not a file, refused): it fails; what it loaded stays. */
  const unreadable = (file: string, reason: string, size: number | null, mtimeMs: number | null) => {
    const error = typedError(file, "E_UNREADABLE", reason);
    const kept = failedKeepingLoaded(file, error, () => false);
    if (kept) emit(kept);
    // Nothing there, and never loaded: a mistyped argument, not a document; said, not recorded.
    else if (!stored.has(file) && nothingAt(pathOf(file))) emit(failure(file, error));
    else recordFailed(failure(file, error), size, mtimeMs, null);
  };
  /** Skip, defer, refuse, record as a duplicate, or set parsing; `final` on the deferred files' pass. */
  const admit = async (file: string, final: boolean): Promise<void> => {
    const path = pathOf(file);
    let st: Stats | undefined;
    try {
      st = statSync(path, { throwIfNoEntry: false });
    } catch (err) {
      unreadable(file, systemReason(err), null, null);
      return;
    }
    if (!st?.isFile()) {
      unreadable(file, whyNotAFile(path, st), null, null);
      return;
    }
    const prev = stored.get(file);
    const current = prev && prev.parser_version === PARSER_VERSION && prev.status !== "failed";
    if (!options.force && current && prev.size === st.size && prev.mtime_ms === st.mtimeMs) {
      const decision = unchanged(prev, file, final);
      if (decision === "defer") deferred.push(file);
      if (decision === "skip") {
        // Read from elsewhere now (the database moved with its files, or made before schema 5).
        if (prev.path !== readFrom(file)) touchDocument(db, file, st.size, st.mtimeMs, readFrom(file));
        emit(outcome(file, "unchanged"));
      }
      if (decision !== "read") return;
    }
    if (st.size > options.maxSizeBytes) {
      const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
      const error = typedError(
        file,
        "E_TOO_LARGE",
        `${mb(st.size)} is over the ${mb(options.maxSizeBytes)} limit`,
      );
      const kept = failedKeepingLoaded(file, error, (p) => p.size !== st.size || p.mtime_ms !== st.mtimeMs);
      if (kept) emit(kept);
      else recordFailed(failure(file, error), st.size, st.mtimeMs, null);
      return;
    }
    while (pending.size >= window || (pending.size > 0 && bytesHeld + st.size > READ_AHEAD_BYTES))
      await Promise.race(pending);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      unreadable(file, whyUnreadable(path, err), st.size, st.mtimeMs);
      return;
    }
    const sha256 = sha256Of(bytes);
    if (!options.force && current && prev.sha256 === sha256) {
      const decision = unchanged(prev, file, final);
      if (decision === "defer") deferred.push(file);
      if (decision === "skip") {
        touchDocument(db, file, st.size, st.mtimeMs, readFrom(file));
        emit(outcome(file, "unchanged"));
      }
      if (decision !== "read") return;
    }
    // (A copy of content being parsed in this run waits as well: should that parse fail, the copy
    // is no duplicate of a loaded report, and is parsed, and fails, in its own right.)
    const parsing = claimed.get(sha256);
    if (waitsOn(parsing ?? loadedBySha.get(sha256) ?? null, file, final)) {
      deferred.push(file);
      return;
    }
    // On the last pass, a copy of content parsed in it waits for that parse (a rare, short wait).
    if (parsing !== undefined && parsing !== file) await Promise.all(pending);
    const original = loadedBySha.get(sha256);
    if (original && original !== file) {
      recordDocument(db, {
        file,
        sha256,
        format: null,
        status: "duplicate",
        errorCode: null,
        error: `same content as ${original}`,
        parserVersion: PARSER_VERSION,
        duplicateOf: original,
        size: st.size,
        mtimeMs: st.mtimeMs,
        path: readFrom(file),
      });
      emit(outcome(file, "duplicate", { message: `same content as ${original}` }));
      return;
    }
    claimed.set(sha256, file);
    const job: Promise<void> = pool
      .parse(file, bytes, sha256)
      .then((result) =>
        writer.write({
          write: () => {
            if (!result.ok) {
              const kept = failedKeepingLoaded(file, result.error, (p) => p.sha256 !== sha256);
              if (kept) return kept;
              const failed = failure(file, result.error);
              writeFailed(failed, st.size, st.mtimeMs, sha256);
              return failed;
            }
            const { rows, summary } = result.value;
            const reasons = summary.partialReasons;
            const status = reasons.length > 0 ? "partial" : "ok";
            const partly = reasons.length > 0 ? `partly read: ${reasons.join("; ")}` : null;
            const reportId = loadRows(db, rows, {
              status,
              error: partly,
              size: st.size,
              mtimeMs: st.mtimeMs,
              path: readFrom(file),
            });
            batchReports.push(reportId);
            loadedBySha.set(sha256, file);
            // Another file of the same inspection (its PDF and a text of it): both are loaded,
            // and the user should know before counting inspections.
            const twin = sameInspectionFile(db, reportId);
            return outcome(file, status, {
              message: partly,
              sameInspectionAs: twin,
              area: summary.area,
              overallRating: summary.overallRating,
              completeness: summary.completeness,
              warnings: summary.warnings,
              findings: summary.findings,
            });
          },
          refused: (err) => {
            loadedBySha.delete(sha256);
            // Nothing of this document was written (its savepoint rolled back); say so and go on.
            const error = typedError(file, "E_DATABASE", err.message);
            const kept = failedKeepingLoaded(file, error, (p) => p.sha256 !== sha256);
            if (kept) return kept;
            const failed = failure(file, error);
            try {
              writeFailed(failed, st.size, st.mtimeMs, sha256);
            } catch {
              // the database refuses even the failure row: the outcome still says why
            }
            return failed;
          },
        }),
      )
      .finally(() => {
        pending.delete(job);
        bytesHeld -= bytes.length;
      });
    pending.add(job);
    bytesHeld += bytes.length;
  };
  try {
    const stopped = () => options.signal?.aborted === true;
    for (const file of files) {
      if (stopped()) break;
      await admit(file, false);
    }
    if (deferred.length > 0 && !stopped()) {
      await Promise.all(pending);
      // Every other file is written: the database says which content is loaded, and where.
      loadedBySha = loadedContent(storedDocuments(db));
      claimed.clear();
      for (const file of deferred) {
        if (stopped()) break;
        await admit(file, true);
      }
    }
    await Promise.all(pending);
  } finally {
    writer.flush();
    await pool.close();
  }
  // A database an earlier version left with its index out of date.
  refreshSearchIndex(db);
  return outcomes;
}

const ROWS_KEPT = "the rows loaded from it before are kept";

/** Whether a document's row has a report loaded from it (a failure or a duplicate has none). */
function holdsReport(d: StoredDocument): boolean {
  return d.status === "ok" || d.status === "partial";
}

/** Each content loaded (its sha256) and the file it was loaded from. */
function loadedContent(stored: Map<string, StoredDocument>): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of stored.values()) if (d.sha256 && holdsReport(d)) out.set(d.sha256, d.file);
  return out;
}

/**
 * Where a file is: its absolute path through its folder's real path, so that a folder reached by
 * a link (or the link itself) is one place; a link to a file stays a name of its own. Each folder
 * is looked up once for the files of a run (a thousand files share a few folders).
 */
function placer(): (file: string) => string {
  const realFolder = new Map<string, string>();
  return (file) => {
    const at = resolve(file);
    const folder = dirname(at);
    let real = realFolder.get(folder);
    if (real === undefined) {
      try {
        real = realpathSync(folder);
      } catch {
        real = folder; // not there (a file gone with its folder)
      }
      realFolder.set(folder, real);
    }
    return join(real, basename(at));
  };
}

/** No entry at all at `path` (not even a link to nothing). */
function nothingAt(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false; // a folder on the way that cannot be read: something may be there
  }
}

/** A stored document's name, and where its file was read from when last loaded. */
type StoredName = Pick<StoredDocument, "file" | "path">;

/**
 * Where a stored document's file is now: where it was read from last; that gone, its name from
 * this folder when a file is there (the database moved with its files, or made before schema 5).
 */
function whereIs(d: StoredName, placeOf: (file: string) => string): string {
  const here = placeOf(d.file);
  if (d.path === null || d.path === here || existsSync(d.path)) return d.path ?? here;
  return existsSync(here) ? here : d.path;
}

/**
 * The files to read, each once and by the name it was loaded under before (the same file named by
 * another path, or from another folder, is that document, not a copy of it), with where to read
 * each. A new file whose own name is another document's (the same relative name, from another
 * folder) goes by its absolute path.
 */
export function knownAs(files: readonly string[], stored: Iterable<StoredName>): Map<string, string> {
  const placeOf = placer();
  const nameAt = new Map<string, string>();
  const taken = new Set<string>();
  for (const d of stored) {
    taken.add(d.file);
    const at = whereIs(d, placeOf);
    if (!nameAt.has(at)) nameAt.set(at, d.file);
  }
  const paths = new Map<string, string>();
  for (const file of files) {
    const at = placeOf(file);
    let name = nameAt.get(at);
    if (name === undefined) {
      name = taken.has(normalize(file)) ? at : normalize(file);
      nameAt.set(at, name);
    }
    if (!paths.has(name)) paths.set(name, file);
  }
  return paths;
}

/**
 * Files loaded before from under `roots` (the folders and files named to ingest) that are no
 * longer there: moved, renamed, deleted.
 */
export function missingDocuments(stored: Iterable<StoredName>, roots: readonly string[]): string[] {
  // A folder named, through any links to it, as the real place its files are found under.
  const within = roots.map((r) => (existsSync(r) ? realpathSync(r) : resolve(r)));
  const placeOf = placer();
  const missing: string[] = [];
  const isUnder = (at: string) =>
    within.some((root) => at === root || at.startsWith(root.endsWith(sep) ? root : root + sep));
  for (const d of stored) {
    // Where it was read from, and where its name leads from today's folder (a database moved
    // with its files finds them there, whereIs): gone from both, and one of them under a root.
    const here = placeOf(d.file);
    const places = d.path === null ? [here] : [d.path, here];
    if (places.some(isUnder) && !places.some((at) => existsSync(at))) missing.push(d.file);
  }
  return missing;
}
