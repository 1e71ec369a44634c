// Durability: an ingest killed mid-batch (SIGKILL) leaves a database that opens, passes
// integrity_check and holds only whole documents, and the next run resumes; two ingests on
// one database wait for each other instead of failing. Runs the built CLI (npm test builds).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, expect, test } from "vitest";
import { SCHEMA_VERSION } from "../src/db.js";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "yos.js");
const TMP = join(import.meta.dirname, ".tmp", "durability");
const DIR = join(TMP, "reports");
const N = 80;

beforeAll(() => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const bases = readdirSync(join(ROOT, "corpus"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(ROOT, "corpus", f), "utf8"));
  for (let i = 0; i < N; i++) {
    // Distinct content: a marker line at the end makes every file's sha256 different.
    writeFileSync(join(DIR, `r${String(i).padStart(3, "0")}.txt`), `${bases[i % bases.length]}\nCopy ${i}\n`);
  }
});

function ingest(args: string[]): {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; out: string; err: string }>;
} {
  const child = spawn(process.execPath, [BIN, "ingest", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, out, err })),
  );
  return { child, done };
}

function documentsIn(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    const n = (conn.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
    conn.close();
    return n;
  } catch {
    return 0;
  }
}

test("SIGKILL mid-batch leaves whole documents only, and the next run resumes", async () => {
  const db = join(TMP, "killed.sqlite");
  const run = ingest([DIR, "--db", db, "--jobs", "1", "--quiet"]);
  const deadline = Date.now() + 60_000;
  while (documentsIn(db) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  run.child.kill("SIGKILL");
  const { code } = await run.done;
  expect(code).toBeNull(); // killed, not finished

  const conn = new Database(db);
  expect(conn.pragma("integrity_check", { simple: true })).toBe("ok");
  const loaded = (conn.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
  expect(loaded).toBeGreaterThanOrEqual(5);
  expect(loaded).toBeLessThan(N);
  // Whole documents only: every loaded document has its report with all its standards.
  const partial = conn
    .prepare(
      `SELECT d.file FROM documents d LEFT JOIN reports r ON r.document_id = d.id
       WHERE r.id IS NULL OR (SELECT count(*) FROM standards s WHERE s.report_id = r.id) NOT IN (12, 13)`,
    )
    .all();
  expect(partial).toEqual([]);
  conn.close();

  const resumed = await ingest([DIR, "--db", db, "--jobs", "2", "--quiet"]).done;
  expect(resumed.code).toBe(0);
  expect(resumed.out).toContain(
    `${N} files: ${N - loaded} ok, 0 partial, 0 failed, 0 duplicate, ${loaded} unchanged`,
  );
  expect(documentsIn(db)).toBe(N);
}, 120_000);

test.each([
  ["SIGINT", 130, "interrupted: writing the files being read (Ctrl-C again stops at once)"],
  ["SIGTERM", 143, "terminated: writing the files being read (a second SIGTERM stops at once)"],
] as const)(
  "%s: the files being read are written, the run says where it stopped, and the next run goes on",
  async (signal, exitCode, said) => {
    const db = join(TMP, `${signal}.sqlite`);
    const run = ingest([DIR, "--db", db, "--jobs", "1"]);
    // Interrupted on the first file written: the rest of the 80 are still to read.
    let sent = false;
    run.child.stdout?.on("data", (d) => {
      if (!sent && String(d).includes("ok ")) {
        sent = true;
        run.child.kill(signal);
      }
    });
    const { code, out, err } = await run.done;
    expect(code, err).toBe(exitCode);
    expect(err).toBe(`yos: ${said}\n`);
    const lines = out.trim().split("\n");
    const written = lines.filter((l) => l.startsWith("ok ")).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(N);
    expect(lines.slice(-2)).toEqual([
      `interrupted ${N - written} files not read; what was written is kept: run the same command again to go on`,
      expect.stringMatching(
        new RegExp(
          `^${written} of ${N} files: ${written} ok, 0 partial, 0 failed, 0 duplicate, 0 unchanged -> `,
        ),
      ),
    ]);
    // Every file said to be written is there, whole, and nothing else.
    const conn = new Database(db);
    expect(conn.pragma("integrity_check", { simple: true })).toBe("ok");
    expect((conn.prepare("SELECT count(*) AS n FROM reports").get() as { n: number }).n).toBe(written);
    conn.close();
    const resumed = await ingest([DIR, "--db", db, "--quiet"]).done;
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain(
      `${N} files: ${N - written} ok, 0 partial, 0 failed, 0 duplicate, ${written} unchanged`,
    );
  },
  120_000,
);

test("an ingest whose output's reader has gone (yos ingest ... | head -1) still loads every file, without a word on stderr", async () => {
  const db = join(TMP, "piped.sqlite");
  const run = ingest([DIR, "--db", db, "--jobs", "1"]);
  // The reader takes the first lines and goes, as head does: the next writes meet a closed pipe.
  run.child.stdout?.once("data", () => run.child.stdout?.destroy());
  const { code, err } = await run.done;
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(documentsIn(db)).toBe(N);
}, 120_000);

/**
 * The command that runs the built CLI as a user whom a file's permissions bind (root's do not):
 * as is for another user; as root, through runuser as nobody, where nobody can reach the CLI.
 */
function unprivileged(): string[] | null {
  if (process.getuid?.() !== 0) return [];
  const probe = spawnSync("runuser", [
    "-u",
    "nobody",
    "--",
    process.execPath,
    "-e",
    `require("fs").accessSync(${JSON.stringify(BIN)})`,
  ]);
  return probe.status === 0 ? ["runuser", "-u", "nobody", "--"] : null;
}
const AS_READER = unprivileged();

test.skipIf(AS_READER === null)(
  "a database in a read-only folder is reported, audited and exported, not refused",
  async () => {
    const folder = join(TMP, "read-only");
    const outputs = join(TMP, "read-only-outputs");
    mkdirSync(folder, { recursive: true });
    mkdirSync(outputs, { recursive: true });
    chmodSync(outputs, 0o777);
    const db = join(folder, "yos.sqlite");
    const files = readdirSync(DIR)
      .slice(0, 5)
      .map((f) => join(DIR, f));
    expect((await ingest([...files, "--db", db, "--quiet"]).done).code).toBe(0);
    chmodSync(db, 0o444);
    chmodSync(folder, 0o555);
    const yosAs = (args: string[]) => {
      const [command, ...rest] = [...(AS_READER as string[]), process.execPath, BIN, ...args];
      return spawnSync(command as string, rest, { encoding: "utf8" });
    };
    try {
      const report = yosAs(["report", "--db", db, "--out", join(outputs, "report.html")]);
      expect([report.status, report.stderr]).toEqual([0, ""]);
      expect(readFileSync(join(outputs, "report.html"), "utf8")).toContain("Kirklees");
      const exported = yosAs(["export", "--db", db, "--out", join(outputs, "export")]);
      expect([exported.status, exported.stderr]).toEqual([0, ""]);
      expect(
        readFileSync(join(outputs, "export", "documents.csv"), "utf8")
          .trim()
          .split("\n"),
      ).toHaveLength(6);
      const audit = yosAs(["audit", "--db", db, "--format", "json", "--fail-on", "never"]);
      expect([audit.status, audit.stderr]).toEqual([0, ""]);
      expect(new Set(JSON.parse(audit.stdout).map((f: { file: string }) => f.file)).size).toBe(4);
      // Writing to it is refused in one line that says why.
      const write = yosAs(["ingest", DIR, "--db", db]);
      expect(write.status).toBe(2);
      expect(write.stderr).toMatch(new RegExp(`^yos: ${db}: cannot be written here: .*\\n$`));
    } finally {
      chmodSync(folder, 0o755);
      chmodSync(db, 0o644);
    }
  },
);

test("two ingests on one database wait for each other", async () => {
  const db = join(TMP, "shared.sqlite");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  const files = readdirSync(DIR).map((f) => join(DIR, f));
  const a = ingest([...files.slice(0, N / 2), "--db", db, "--jobs", "1", "--quiet"]);
  const b = ingest([...files.slice(N / 2), "--db", db, "--jobs", "1", "--quiet"]);
  const [ra, rb] = await Promise.all([a.done, b.done]);
  // On a failure, what the process said is the message.
  expect(ra.code, ra.err).toBe(0);
  expect(rb.code, rb.err).toBe(0);
  const conn = new Database(db);
  expect(conn.pragma("integrity_check", { simple: true })).toBe("ok");
  expect((conn.prepare("SELECT count(*) AS n FROM reports").get() as { n: number }).n).toBe(N);
  conn.close();
}, 120_000);

test("a database written by another schema version is refused with a clear message", async () => {
  const db = join(TMP, "old.sqlite");
  const conn = new Database(db);
  conn.pragma("user_version = 1");
  conn.close();
  const run = spawn(process.execPath, [BIN, "ingest", DIR, "--db", db], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  run.stderr?.on("data", (d) => {
    err += d;
  });
  const code = await new Promise((resolve) => run.on("close", resolve));
  expect(code).toBe(2);
  expect(err).toBe(
    `yos: ${db}: database schema version 1 is not the version this tool writes (${SCHEMA_VERSION}); use a new --db path\n`,
  );
});

/** The exit code and what `yos` writes to stderr for `args`. */
async function yos(args: string[]): Promise<{ code: unknown; err: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  return { code, err };
}

test("a --db that is a folder, or a file of another kind, is refused with a clear message", async () => {
  const file = join(DIR, "r000.txt");
  expect(await yos(["ingest", file, "--db", DIR])).toEqual({
    code: 2,
    err: `yos: ${DIR}: a folder, not a database file; give --db a file's path\n`,
  });
  const notes = join(TMP, "notes.sqlite");
  writeFileSync(notes, "Notes on the inspections, not a database.\n".repeat(40));
  expect(await yos(["ingest", file, "--db", notes])).toEqual({
    code: 2,
    err: `yos: ${notes}: not an SQLite database (file is not a database); give --db another path\n`,
  });
  // Left as it was.
  expect(readFileSync(notes, "utf8")).toBe("Notes on the inspections, not a database.\n".repeat(40));
  const under = join(notes, "yos.sqlite");
  expect(await yos(["ingest", file, "--db", under])).toEqual({
    code: 2,
    err: `yos: ${under}: cannot be opened as a database: not a directory (ENOTDIR)\n`,
  });
});

test("yos audit --db of a database that is not there says so, and makes none", async () => {
  const db = join(TMP, "nowhere", "none.sqlite");
  expect(await yos(["audit", "--db", db])).toEqual({
    code: 2,
    err: `yos: ${db}: no such database; build it first with 'yos ingest' (or npm start)\n`,
  });
  expect(existsSync(db)).toBe(false);
});
