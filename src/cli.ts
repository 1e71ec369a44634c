// The `yos` command line: extract one report, or ingest files and folders into SQLite.
import { mkdirSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { overallRatingFromStatements, standardRating } from "../parsers/ratings.js";
import { documentFromBytes, statOf, systemReason } from "../parsers/read.js";
import { listed } from "../parsers/text.js";
import { type Finding, SEVERITIES, SEVERITY_RANK, type Severity } from "../schemas/finding.js";
import type { ReportRecord } from "../schemas/report.js";
import { auditFiles } from "./audit-files.js";
import { type AuditFormat, formatFindings } from "./audit/format.js";
import { SAFETY_NAMES, SAMPLE_NAMES } from "./audit/rule.js";
import {
  DatabaseError,
  SCHEMA_VERSION,
  closeDatabase,
  openDatabase,
  readOnlyDatabase,
  removeDocuments,
  reportSummaries,
  setMeta,
  storedDocuments,
  storedFindings,
} from "./db.js";
import { type InputError, inputError } from "./errors.js";
import { type ExportFormat, datasetteMetadata, exportTable, exportableNames } from "./export.js";
import { PARSER_VERSION, extractDocument, extractFile } from "./extract.js";
import { type IngestOutcome, type IngestStatus, ingestFiles, knownAs, missingDocuments } from "./ingest.js";
import { buildReportHtml } from "./report-html.js";
import { plural } from "./wording.js";

const INPUT_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".pdf", ".html", ".htm", ".docx"]);

const HELP: Record<string, string> = {
  main: `yos — youth offending service inspection reports as a research dataset

Usage:
  yos extract <file> [--json]              parse one report
  yos ingest <file-or-dir>... [--db PATH]  parse, audit and load reports into SQLite
  yos audit [<file-or-dir>... | --db PATH] check reports against the scoring rules and themselves
  yos report [--db PATH] [--out FILE]      write the HTML report (ratings grid, distributions, findings)
  yos export [--db PATH] [--format csv|json|jsonl] [--table T] [--out DIR] [--datasette-metadata]
                                           write tidy files, one per table or view
  yos <command> --help                     help for a command
  yos --version                            the parser version (recorded with each file loaded) and the database schema

Exit codes: 0 success, 1 some input failed, 2 usage error, or a database or output
that cannot be used, 130 interrupted (Ctrl-C; 143 SIGTERM).`,
  extract: `yos extract <file> [--json]

Parse one report (.txt, .md, .pdf, a saved web page, .html, or a Word document, .docx; the format is
detected from the content).
<file> - reads standard input, named <stdin> in the record: pdftotext -layout r.pdf - | yos extract -
  --json   print the record as JSON on stdout (nothing else on stdout)
Without --json, print a readable summary: identity, ratings, key questions, completeness
and the warnings about what could not be read.`,
  ingest: `yos ingest <file-or-dir>... [--db out/yos.sqlite] [--summary] [--jobs N] [--timeout 120s]
           [--max-size 200MB] [--force] [--prune] [--quiet] [--json]

Parse every .txt, .md, .pdf, .html and .docx file given or found below the given folders (a folder's
.yosignore file lists names to skip, one per line; a saved web page's "<name>_files" folder is
passed by; files of other kinds are counted on a "not read" line) and load each into SQLite,
one transaction per file (re-ingesting a file replaces its rows). Prints one line per file
(ok / failed: reason) and a total.
  --db PATH    database file (default out/yos.sqlite)
  --summary    after loading, print a table per report: area, overall rating, stated and
               computed score, completeness (found/expected)
  --jobs N     parse in N worker threads (default: the number of cores); text files use
               N-1 of them, so that the database writer keeps a core
  --timeout T  give up on a file after T (default 120s): E_TIMEOUT; a report loaded
               from it before is kept
  --max-size S skip files larger than S (default 200MB): E_TOO_LARGE; likewise
  --force      re-parse files that are unchanged since they were loaded
  --prune      remove the rows of files loaded before from the folders (or files) given that
               are no longer there (moved, renamed, deleted); without it they are kept, and
               listed (a file named that is gone, or cannot be read, fails, its rows kept)
  --quiet      print only problems and the total; --json prints one JSON object
Outcomes: ok, partial (loaded, but a part of the report could not be read), failed (nothing
loaded; a stable error code and the reason), duplicate (same content as a file already
loaded), unchanged (same file, same parser version: skipped).
Each report is audited as it loads; its findings go to the findings table.
Ctrl-C (or SIGTERM) stops reading: the files being read are written, an "interrupted" line
counts those not read, and the same command run again goes on (a second Ctrl-C stops at once; a
document is written whole or not at all either way). Output piped to a reader that stops early
(| head) is dropped from then on; the ingest goes on to the end.
Exit code 1 when any file failed, 130 when interrupted (143 on SIGTERM).`,
  audit: `yos audit [<file-or-dir>...] [--db PATH] [--format text|json|csv|markdown]
          [--severity error|warning|info] [--fail-on error|warning|info|never]
          [--jobs N] [--timeout 120s]

Check reports against the inspectorate's published scoring rules and their own internal
agreement. Give report files or folders to parse and audit them now (- reads standard input,
named <stdin>), or --db to read the findings stored by 'yos ingest'. Each finding names its
rule, severity, the standard or key question, the arithmetic, and the line (and page) of every
value it rests on.
  --format     text (default, grouped by report and severity), json, csv or markdown
  --severity   the least severe findings to show (default info: all)
  --fail-on    exit 1 when a finding at least this severe exists (default error)
  --jobs N     parse the files in N worker threads (default: the number of cores)
  --timeout T  give up on a file after T (default 120s): an input error, E_TIMEOUT
Files that cannot be audited are named on stderr, one line each ("error [E_CODE] file: why");
on a terminal, a progress bar there too. Ctrl-C (or SIGTERM) stops reading: the files in the
workers are finished and the findings of those audited are written, a line on stderr saying how
many files were not read (a second Ctrl-C stops at once).
Exit codes: 0 no finding at the --fail-on level, 1 at least one, 2 usage or input error,
130 interrupted (143 on SIGTERM).`,
  report: `yos report [--db out/yos.sqlite] [--out out/report.html]

Write one static HTML file (no network needed to open it): a grid of inspections by standards
coloured by rating, the distribution of key-question percentages per standard, the audit
findings with their evidence and source text, and the files not loaded or loaded in part, with
their reasons.`,
  export: `yos export [--db out/yos.sqlite] [--format csv|json|jsonl] [--table NAME] [--out out/export]
           [--datasette-metadata]

Write one tidy file per table or view (header row, columns in schema order), or only --table.
  --format               csv (default), json or jsonl
  --datasette-metadata   write <out>/metadata.json with every table's and column's meaning, for
                         'datasette out/yos.sqlite -m metadata.json'`,
};

export class UsageError extends Error {}

/** An output path that cannot be written as asked (a folder where a file goes, or the reverse). */
class OutputError extends Error {}

/** `path` as an output: refused when it is a folder where a file is to go, or the reverse. */
function outputPath(path: string, kind: "file" | "folder"): string {
  const st = statSync(path, { throwIfNoEntry: false });
  if (kind === "file" && st?.isDirectory())
    throw new OutputError(`${path}: a folder; give --out the path of the file to write`);
  if (kind === "folder" && st && !st.isDirectory())
    throw new OutputError(`${path}: a file; give --out a folder, where a file is written for each table`);
  return path;
}

/** Names a folder's `.yosignore` excludes: one name or `*.ext` pattern per line. */
function ignoredNames(dir: string): (name: string) => boolean {
  let patterns: string[] = [];
  try {
    patterns = readFileSync(join(dir, ".yosignore"), "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim().replace(/\/$/, ""))
      .filter((l) => l && !l.startsWith("#"));
  } catch {
    return () => false;
  }
  return (name) => patterns.some((p) => (p.startsWith("*.") ? name.endsWith(p.slice(1)) : name === p));
}

/**
 * The report files the paths name: files as named, folders' files with a report's extension, in
 * name order, folders within them too. A folder reached again through a link is not walked again;
 * what cannot be looked at (a folder that cannot be listed, a link to nothing) is returned as it is,
 * for the reader to say why it cannot be read.
 */
export function collectInputs(paths: string[], passedBy?: Map<string, number>): string[] {
  const out: string[] = [];
  const walked = new Set<string>();
  const walk = (p: string) => {
    let names: string[];
    try {
      const real = realpathSync(p);
      if (walked.has(real)) return;
      walked.add(real);
      names = readdirSync(p).sort();
    } catch {
      out.push(p);
      return;
    }
    const ignored = ignoredNames(p);
    for (const name of names) {
      if (name.startsWith(".") || ignored(name)) continue;
      const child = join(p, name);
      if (!statOf(child)?.isDirectory()) {
        const ext = extname(name).toLowerCase() || "no extension";
        if (INPUT_EXTENSIONS.has(ext)) out.push(child);
        else passedBy?.set(ext, (passedBy.get(ext) ?? 0) + 1);
        continue;
      }
      // A saved web page's own folder ("Report_files" beside "Report.htm": its pictures, styles
      // and, from Word, its headers as pages of their own) holds no report.
      const page = name.endsWith("_files") ? name.slice(0, -"_files".length) : null;
      if (page !== null && (names.includes(`${page}.htm`) || names.includes(`${page}.html`))) continue;
      walk(child);
    }
  };
  for (const p of paths) {
    if (statOf(p)?.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** What a report read from standard input (`-`) is called: in its record, findings and messages. */
const STDIN_NAME = "<stdin>";

/** All of standard input, as `pdftotext report.pdf - | yos extract -` gives it. */
async function standardInput(): Promise<Buffer> {
  // (`yos extract -` typed at a terminal with nothing piped in waits for the text typed.)
  if (process.stdin.isTTY)
    process.stderr.write("yos: reading a report from standard input (end it with Ctrl-D)\n");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A file that could not be read, on stderr (stdout is the record, or the findings). */
function reportInputError(e: InputError): void {
  process.stderr.write(`error [${e.code}] ${e.message}\n`);
}

/** "court-disposal, the child's safety: 19 cases (2.2.2, 2.3.2); ...": each stated sub-sample once. */
function subSampleSummary(record: ReportRecord): string {
  const groups = new Map<string, Set<string>>();
  for (const s of record.subSampleStatements) {
    const key = `${SAMPLE_NAMES[s.domain]}, ${SAFETY_NAMES[s.theme]}: ${s.size} cases`;
    const ids = groups.get(key) ?? new Set<string>();
    if (s.keyQuestionId) ids.add(s.keyQuestionId);
    groups.set(key, ids);
  }
  return [...groups].map(([key, ids]) => (ids.size > 0 ? `${key} (${[...ids].join(", ")})` : key)).join("; ");
}

function pad(s: string, n: number): string {
  return s.length >= n ? s.slice(0, n) : s + " ".repeat(n - s.length);
}

export function formatSummary(record: ReportRecord): string {
  const out: string[] = [];
  // The overall rating read from the report's statement of it, the table's row unreadable.
  const fromTable = record.ratingStatements.some(
    (s) => s.subject === "overall" && s.where === "ratings-table",
  );
  const overallStated = fromTable
    ? null
    : (overallRatingFromStatements(record.ratingStatements)?.where ?? null);
  out.push(
    `${record.area ?? "(area not found)"} — ${record.serviceName ?? "(service name not found)"}${record.reinspection ? " (re-inspection)" : ""}`,
  );
  out.push(`  file: ${record.source.file} (${record.source.format})`);
  out.push(
    `  published: ${record.published ?? "—"}   fieldwork started: ${record.fieldworkStart ?? "—"}   lead inspector: ${record.leadInspector ?? "—"}`,
  );
  out.push(
    `  overall rating: ${record.overallRating ?? "—"}${overallStated ? ` (from the ${overallStated})` : ""}   stated score: ${record.statedScore ?? "—"}   computed score: ${record.computedScore ?? "—"}   edition: ${record.standardsEdition}`,
  );
  out.push(
    `  samples: court ${record.samples.court ?? "—"}, out-of-court ${record.samples.outOfCourt ?? "—"}, resettlement ${record.samples.resettlement ?? "—"}`,
  );
  const subSamples = subSampleSummary(record);
  if (subSamples) out.push(`  sub-samples: ${subSamples}`);
  out.push("  standards:");
  for (const s of record.standards) {
    const kqs = record.keyQuestions
      .filter((k) => k.standardId === s.id)
      .map((k) => `${k.id} ${k.percent !== null ? `${k.percent}%` : `${k.yes}/${k.relevant}`}`)
      .join(", ");
    // Where the table's cell is unreadable, the rating the section or an annex states, said so.
    const rating = standardRating(s);
    const extra = [
      rating && rating.where !== "ratings-table" ? `from the ${rating.where}` : "",
      s.marker ? `marker ${s.marker}` : "",
      s.discretion ? "discretion" : "",
    ]
      .filter(Boolean)
      .join(", ");
    out.push(
      `    ${s.id} ${pad(s.name, 44)} ${pad(rating?.rating ?? "—", 21)}${extra ? ` (${extra})` : ""}${kqs ? `  [${kqs}]` : ""}`,
    );
  }
  out.push(`  prompts: ${record.prompts.length}   contextual facts: ${record.contextualFacts.length}`);
  out.push(
    `  recommendations: ${record.recommendations.items.length} listed${record.recommendations.statedCount !== null ? `, ${record.recommendations.statedCount} stated` : ""}`,
  );
  const c = record.completeness;
  out.push(
    `  completeness: ${c.found}/${c.expected} (standards ${c.standards.found}/${c.standards.expected}, key questions ${c.keyQuestions.found}/${c.keyQuestions.expected}, prompts ${c.prompts.found}/${c.prompts.expected}, facts ${c.facts.found}/${c.facts.expected})`,
  );
  if (record.warnings.length > 0) {
    out.push(`  warnings (${record.warnings.length}):`);
    for (const w of record.warnings)
      out.push(`    [${w.code}] ${w.message}${w.provenance ? ` (line ${w.provenance.line})` : ""}`);
  }
  return out.join("\n");
}

async function cmdExtract(args: string[], write: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    write(HELP.extract as string);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("yos extract takes exactly one file");
  const given = positionals[0] as string;
  const file = given === "-" ? STDIN_NAME : given;
  // A folder is a usage slip, not an unreadable report: say which commands read folders.
  if (given !== "-" && statOf(given)?.isDirectory())
    throw new UsageError(
      `yos extract reads one file, and ${given} is a folder: yos ingest ${given} loads its reports, yos audit ${given} checks them`,
    );
  try {
    const record =
      given === "-"
        ? extractDocument(await documentFromBytes(file, await standardInput()))
        : await extractFile(file);
    write(values.json ? JSON.stringify(record, null, 2) : formatSummary(record));
    return 0;
  } catch (err) {
    reportInputError(inputError(file, err));
    return 1;
  }
}

/** --jobs: worker threads, by default one per core. */
function jobsOption(value: string | undefined): number {
  const jobs = value === undefined ? availableParallelism() : Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError("--jobs takes a whole number of at least 1");
  return jobs;
}

function parseDuration(value: string, name: string): number {
  const m = value.match(/^(\d+(?:\.\d+)?)(ms|s|m|h)?$/);
  const n = Number(m?.[1]);
  if (!m || !(n > 0))
    throw new UsageError(`--${name} takes a duration above 0, such as 60s, 500ms, 2m or 1h`);
  if (m[2] === "h") return n * 3_600_000;
  return m[2] === "ms" ? n : m[2] === "m" ? n * 60_000 : n * 1000;
}

function parseSize(value: string, name: string): number {
  const m = value.toUpperCase().match(/^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?$/);
  if (!m || !(Number(m[1]) > 0))
    throw new UsageError(`--${name} takes a size above 0, such as 100MB or 500KB`);
  const unit = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9 }[(m[2] ?? "B") as "B" | "KB" | "MB" | "GB"];
  return Number(m[1]) * unit;
}

/** Back to the start of the terminal's line, and clear it (of the progress bar). */
const ERASE_LINE = "\r\x1b[2K";

function progressBar(done: number, total: number, started: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const elapsed = (Date.now() - started) / 1000;
  const rate = elapsed > 0 ? done / elapsed : 0;
  const eta = rate > 0 ? (total - done) / rate : 0;
  const seconds = Math.round(eta);
  const left =
    rate === 0
      ? "-"
      : seconds < 60
        ? `${seconds}s`
        : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)} files/s  ETA ${left}`;
}

async function cmdIngest(args: string[], write: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: "string", default: "out/yos.sqlite" },
      summary: { type: "boolean" },
      jobs: { type: "string" },
      timeout: { type: "string", default: "120s" },
      "max-size": { type: "string", default: "200MB" },
      force: { type: "boolean" },
      prune: { type: "boolean" },
      quiet: { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    write(HELP.ingest as string);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("yos ingest needs at least one file or folder");
  if (positionals.includes("-"))
    throw new UsageError(
      "yos ingest reads files, which it knows again by their path and content: save standard input to a file and ingest that",
    );
  const jobs = jobsOption(values.jobs);
  const timeoutMs = parseDuration(values.timeout as string, "timeout");
  const maxSizeBytes = parseSize(values["max-size"] as string, "max-size");
  const db = openDatabase(values.db as string);
  const tty = Boolean(process.stderr.isTTY) && !values.quiet && !values.json;
  const started = Date.now();
  const counts: Record<IngestStatus, number> = { ok: 0, partial: 0, failed: 0, duplicate: 0, unchanged: 0 };
  const interrupt = interruption(tty, "writing the files being read");
  try {
    // Before reading: a copy of a pruned file's content, under its new name, is then loaded.
    const loadedBefore = [...storedDocuments(db).values()];
    // Files in the folders that are no report's format: said once, so that reports saved as Word
    // documents, say, are not passed by without a word.
    const passedBy = new Map<string, number>();
    const paths = knownAs(collectInputs(positionals, passedBy), loadedBefore);
    const files = [...paths.keys()];
    const missing = missingDocuments(loadedBefore, positionals);
    const pruned = values.prune ? missing : [];
    if (pruned.length > 0) {
      removeDocuments(db, pruned);
      if (!values.json && !values.quiet) for (const file of pruned) write(`pruned     ${file}`);
    }
    // A file named that is gone: pruned, not read; else it fails, its rows kept.
    const gone = new Set(pruned);
    const reading = files.filter((f) => !gone.has(f));
    // The bar from the start: a first PDF can take seconds while the workers load pdf.js.
    if (tty) process.stderr.write(`${ERASE_LINE}${progressBar(0, reading.length, started)}`);
    const named = new Set(files);
    const outcomes = await ingestFiles(
      db,
      reading,
      { jobs, timeoutMs, maxSizeBytes, force: Boolean(values.force), paths, signal: interrupt.signal },
      (o, done, total) => {
        counts[o.status]++;
        // On a terminal the bar stays on the last line: erased before a line, drawn again after.
        const shown = !values.json && !(values.quiet && (o.status === "ok" || o.status === "unchanged"));
        if (shown) {
          if (tty) process.stderr.write(ERASE_LINE);
          write(outcomeLine(o));
        }
        if (tty) process.stderr.write(`${ERASE_LINE}${progressBar(done, total, started)}`);
      },
    );
    if (tty) process.stderr.write(ERASE_LINE);
    setMeta(db, {
      tool_version: PARSER_VERSION,
      schema_version: String(SCHEMA_VERSION),
      built_at: new Date().toISOString(),
      // Resolved: the paths as given mean nothing without the folder the run started from.
      last_ingest: JSON.stringify(positionals.map((p) => resolve(p))),
    });
    const prunedCount = pruned.length > 0 ? `, ${pruned.length} pruned` : "";
    const interrupted = interrupt.signal.aborted;
    const seen = interrupted
      ? `${outcomes.length} of ${reading.length} files`
      : plural(reading.length, "file");
    const total = `${seen}: ${counts.ok} ok, ${counts.partial} partial, ${counts.failed} failed, ${counts.duplicate} duplicate, ${counts.unchanged} unchanged${prunedCount} -> ${values.db} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
    const kept = values.prune ? [] : missing.filter((f) => !named.has(f));
    if (values.json) {
      const seconds = (Date.now() - started) / 1000;
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      const notRead = Object.fromEntries(passedBy);
      write(
        JSON.stringify({
          files: outcomes,
          counts,
          seconds,
          peakRssMb,
          missing: kept,
          pruned,
          notRead,
          interrupted,
        }),
      );
    } else {
      if (passedBy.size > 0) write(notReadLine(passedBy));
      if (kept.length > 0) write(missingLine(kept, positionals));
      if (interrupted)
        write(
          `interrupted ${plural(reading.length - outcomes.length, "file")} not read; what was written is kept: run the same command again to go on`,
        );
      write(total);
    }
    if (values.summary && !values.json) write(`\n${summaryTable(db)}`);
    const exitCode = interrupt.exitCode();
    if (exitCode !== null) return exitCode;
  } finally {
    interrupt.stop();
    closeDatabase(db);
  }
  return counts.failed > 0 ? 1 : 0;
}

/**
 * Ctrl-C (or SIGTERM, a scheduler's or a container's stop) during a long command: `signal` aborts,
 * the command ends the files in hand (`finishing` says how) and says where it stopped; a second
 * signal stops at once. Exit 128 + the signal's number, as a shell says.
 */
function interruption(tty: boolean, finishing: string) {
  const controller = new AbortController();
  let by: "SIGINT" | "SIGTERM" | null = null;
  const exitCodeOf = { SIGINT: 130, SIGTERM: 143 } as const;
  const onSignal = (signal: "SIGINT" | "SIGTERM") => {
    if (by) process.exit(exitCodeOf[signal]);
    by = signal;
    controller.abort();
    const again = signal === "SIGINT" ? "Ctrl-C again" : "a second SIGTERM";
    process.stderr.write(
      `${tty ? ERASE_LINE : ""}yos: ${signal === "SIGINT" ? "interrupted" : "terminated"}: ${finishing} (${again} stops at once)\n`,
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    /** 130 or 143 once interrupted, else null. */
    exitCode: (): number | null => (by ? exitCodeOf[by] : null),
    stop: () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

/** Files in the folders given that are not read, by extension, the most first. */
function notReadLine(passedBy: Map<string, number>): string {
  const all = [...passedBy.values()].reduce((a, b) => a + b, 0);
  const kinds = [...passedBy]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([ext, n]) => `${ext} ${n}`)
    .join(", ");
  return `not read   ${plural(all, "file")} in the folders given ${all === 1 ? "is" : "are"} of other kinds (${kinds}): yos reads ${listed([...INPUT_EXTENSIONS])} (a .yosignore in a folder names files to pass by without a word)`;
}

/** Files loaded before that are no longer there: named (the first few), their rows kept. */
function missingLine(missing: string[], roots: string[]): string {
  const shown = missing.slice(0, 5).join(", ");
  const more = missing.length > 5 ? ` and ${missing.length - 5} more` : "";
  return `missing    ${plural(missing.length, "file")} loaded before from ${roots.join(", ")} ${missing.length === 1 ? "is no longer there; its rows are" : "are no longer there; their rows are"} kept (--prune removes them): ${shown}${more}`;
}

function outcomeLine(o: IngestOutcome): string {
  const twin = o.sameInspectionAs
    ? `; the same inspection as ${o.sameInspectionAs}, both loaded (inspections.same_inspection_as)`
    : "";
  switch (o.status) {
    case "ok":
      return `ok         ${o.file}  (${o.area ?? "?"}: ${o.overallRating ?? "no rating"}, ${o.completeness} found, ${plural(o.warnings, "warning")}, ${plural(o.findings, "finding")}${twin})`;
    case "partial":
      return `partial    ${o.file}  (${o.area ?? "?"}: ${o.message}${twin})`;
    case "failed":
      return `failed     ${o.file}: [${o.code}] ${o.message}`;
    case "duplicate":
      return `duplicate  ${o.file}: ${o.message}`;
    default:
      return `unchanged  ${o.file}`;
  }
}

function existingDatabase(path: string): ReturnType<typeof openDatabase> {
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
    throw new DatabaseError(`${path}: no such database; build it first with 'yos ingest' (or npm start)`);
  }
  try {
    return openDatabase(path);
  } catch (err) {
    // A command that only reads can use a database it may not write.
    if (err instanceof DatabaseError && err.readOnly) return readOnlyDatabase(path);
    throw err;
  }
}

function cmdReport(args: string[], write: (s: string) => void): number {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string", default: "out/yos.sqlite" },
      out: { type: "string", default: "out/report.html" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    write(HELP.report as string);
    return 0;
  }
  const db = existingDatabase(values.db as string);
  try {
    const html = buildReportHtml(db);
    mkdirSync(dirname(values.out as string), { recursive: true });
    writeFileSync(outputPath(values.out as string, "file"), html);
  } finally {
    closeDatabase(db);
  }
  write(`wrote ${values.out}`);
  return 0;
}

function cmdExport(args: string[], write: (s: string) => void): number {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string", default: "out/yos.sqlite" },
      format: { type: "string", default: "csv" },
      table: { type: "string" },
      out: { type: "string", default: "out/export" },
      "datasette-metadata": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    write(HELP.export as string);
    return 0;
  }
  const out = outputPath(values.out as string, "folder");
  if (values["datasette-metadata"]) {
    mkdirSync(out, { recursive: true });
    const file = join(out, "metadata.json");
    writeFileSync(file, `${JSON.stringify(datasetteMetadata(), null, 2)}\n`);
    write(`wrote ${file}`);
    return 0;
  }
  const format = values.format as ExportFormat;
  if (!["csv", "json", "jsonl"].includes(format)) throw new UsageError("--format must be csv, json or jsonl");
  const names = values.table ? [values.table] : exportableNames();
  for (const name of names) {
    if (!exportableNames().includes(name)) {
      throw new UsageError(`no table or view '${name}'; one of: ${exportableNames().join(", ")}`);
    }
  }
  const db = existingDatabase(values.db as string);
  try {
    for (const name of names) {
      const { file, rows } = exportTable(db, name, format, out);
      write(`${file}  (${plural(rows, "row")})`);
    }
  } finally {
    closeDatabase(db);
  }
  return 0;
}

function severityOption(value: string | undefined, name: string, allowNever = false): Severity | "never" {
  const v = value ?? "";
  if ((SEVERITIES as readonly string[]).includes(v)) return v as Severity;
  if (allowNever && v === "never") return "never";
  throw new UsageError(
    `--${name} must be one of ${[...SEVERITIES, ...(allowNever ? ["never"] : [])].join(", ")}`,
  );
}

async function cmdAudit(args: string[], write: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: "string" },
      format: { type: "string", default: "text" },
      severity: { type: "string", default: "info" },
      "fail-on": { type: "string", default: "error" },
      jobs: { type: "string" },
      timeout: { type: "string", default: "120s" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    write(HELP.audit as string);
    return 0;
  }
  const format = values.format as AuditFormat;
  if (!["text", "json", "csv", "markdown"].includes(format))
    throw new UsageError("--format must be text, json, csv or markdown");
  const least = severityOption(values.severity, "severity") as Severity;
  const failOn = severityOption(values["fail-on"], "fail-on", true);
  if (positionals.length === 0 && !values.db) throw new UsageError("yos audit needs report files or --db");
  if (positionals.length > 0 && values.db) throw new UsageError("give report files or --db, not both");
  const jobs = jobsOption(values.jobs);
  const timeoutMs = parseDuration(values.timeout as string, "timeout");

  let findings: Finding[] = [];
  let files: string[] = [];
  let someUnread = false;
  let interruptedExit: number | null = null;
  if (values.db) {
    const db = existingDatabase(values.db);
    try {
      findings = storedFindings(db);
      files = (
        db
          .prepare("SELECT d.file FROM reports r JOIN documents d ON d.id = r.document_id ORDER BY d.file")
          .all() as { file: string }[]
      ).map((r) => r.file);
    } finally {
      closeDatabase(db);
    }
  } else {
    const passedBy = new Map<string, number>();
    const tty = Boolean(process.stderr.isTTY);
    const started = Date.now();
    if (positionals.filter((p) => p === "-").length > 1)
      throw new UsageError("standard input (-) can be given once");
    // Standard input read whole first, a file of the batch by its name.
    const given = positionals.includes("-") ? new Map([[STDIN_NAME, await standardInput()]]) : undefined;
    const inputs = collectInputs(
      positionals.map((p) => (p === "-" ? STDIN_NAME : p)),
      passedBy,
    );
    const interrupt = interruption(tty, "finishing the files being audited");
    let audited: Awaited<ReturnType<typeof auditFiles>>;
    try {
      audited = await auditFiles(
        inputs,
        { jobs, timeoutMs, signal: interrupt.signal, given },
        (done, total) => {
          if (tty) process.stderr.write(`${ERASE_LINE}${progressBar(done, total, started)}`);
        },
      );
    } finally {
      interrupt.stop();
    }
    if (tty) process.stderr.write(ERASE_LINE);
    interruptedExit = interrupt.exitCode();
    for (const { file, result } of audited) {
      if (result.ok) {
        findings.push(...result.value);
        files.push(file);
      } else {
        someUnread = true;
        reportInputError(result.error);
      }
    }
    // On stderr: stdout is the findings, perhaps JSON or CSV.
    if (passedBy.size > 0) process.stderr.write(`${notReadLine(passedBy)}\n`);
    if (interruptedExit !== null)
      process.stderr.write(
        `yos: ${audited.length} of ${plural(inputs.length, "file")} audited, the findings theirs alone; ${plural(inputs.length - audited.length, "file")} not read\n`,
      );
  }
  const shown = findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[least]);
  write(formatFindings(format, shown, files));
  if (interruptedExit !== null) return interruptedExit;
  if (someUnread) return 2;
  if (failOn === "never") return 0;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}

function summaryTable(db: ReturnType<typeof openDatabase>): string {
  const rows = reportSummaries(db);
  const header = `${pad("area", 34)} ${pad("overall rating", 21)} ${pad("stated", 6)} ${pad("computed", 8)} ${pad("completeness", 13)} ${pad("warnings", 8)} audit errors`;
  const lines = rows.map(
    (r) =>
      `${pad(r.area ?? "?", 34)} ${pad(r.overall_rating ?? "—", 21)} ${pad(String(r.stated_score ?? "—"), 6)} ${pad(String(r.computed_score ?? "—"), 8)} ${pad(`${r.completeness_found}/${r.completeness_expected}`, 13)} ${pad(String(r.warnings), 8)} ${r.errors}`,
  );
  return [header, "-".repeat(header.length), ...lines].join("\n");
}

/**
 * A line to standard output; once its reader has gone (`yos ingest reports | head`), lines are
 * dropped and the command finishes its work, rather than dying mid-ingest on the closed pipe.
 */
function standardOutput(): (s: string) => void {
  let gone = false;
  const whenGone = (stream: NodeJS.WriteStream, onGone: () => void) =>
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE" && err.code !== "ERR_STREAM_DESTROYED") throw err;
      onGone();
    });
  whenGone(process.stdout, () => {
    gone = true;
  });
  // Messages and the progress bar go to stderr: its reader gone, they are dropped the same way.
  whenGone(process.stderr, () => {});
  return (s) => {
    if (!gone) process.stdout.write(`${s}\n`);
  };
}

export async function main(argv: string[], write: (s: string) => void = standardOutput()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      write(HELP.main as string);
      return command ? 0 : 2;
    }
    // One line a script can keep beside its dataset: documents.parser_version says which files it read.
    if (command === "--version" || command === "-V" || command === "version") {
      write(`yos ${PARSER_VERSION} (database schema ${SCHEMA_VERSION})`);
      return 0;
    }
    if (command === "extract") return await cmdExtract(rest, write);
    if (command === "ingest") return await cmdIngest(rest, write);
    if (command === "audit") return await cmdAudit(rest, write);
    if (command === "report") return cmdReport(rest, write);
    if (command === "export") return cmdExport(rest, write);
    throw new UsageError(`unknown command '${command}'`);
  } catch (err) {
    if (err instanceof DatabaseError || err instanceof OutputError) {
      process.stderr.write(`yos: ${err.message}\n`);
      return 2;
    }
    // The database failing outside a document's own transaction (busy past the timeout while
    // marking an unchanged file, say): what was committed before stays.
    if (err instanceof Database.SqliteError) {
      process.stderr.write(
        `yos: the database refused: ${err.message} (${err.code}); what was written before stays, run the command again\n`,
      );
      return 2;
    }
    // A file the command itself reads or writes (not a report: those fail one by one).
    const system = err as NodeJS.ErrnoException;
    if (typeof system?.syscall === "string" && typeof system.code === "string") {
      process.stderr.write(`yos: ${system.path ? `${system.path}: ` : ""}${systemReason(err)}\n`);
      return 2;
    }
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`yos: ${(err as Error).message}\n\n${HELP.main}\n`);
      return 2;
    }
    throw err;
  }
}
