// A downloads folder of bad inputs ingested together with the corpus: every good report loads,
// every bad one gets the right code and a clear message, and the database stays sound.
import { copyFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { type Expected, makeBadInputs } from "../scripts/make-bad-inputs.js";
import { main } from "../src/cli.js";
import { openDatabase } from "../src/db.js";

const ROOT = join(import.meta.dirname, "..");
const DIR = join(import.meta.dirname, ".tmp", "downloads");
const DB = join(import.meta.dirname, ".tmp", "downloads.sqlite");
let expected: Record<string, Expected>;
let out: string[] = [];
let code: number;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  rmSync(DB, { force: true });
  expected = await makeBadInputs(DIR);
  // The corpus reports too, under names with quotes, semicolons, spaces and non-ASCII letters.
  for (const name of readdirSync(join(ROOT, "corpus")).filter(
    (f) => f.endsWith(".txt") && !f.includes("blackburn"),
  )) {
    const odd = `O'Brien; "report" – ü ${name}`;
    copyFileSync(join(ROOT, "corpus", name), join(DIR, odd));
    expected[odd] = { status: "ok" };
  }
  out = [];
  code = await main(["ingest", DIR, "--db", DB], (s) => out.push(s));
}, 120_000);

test("every file has a documents row with the right outcome and code", () => {
  const db = openDatabase(DB);
  const rows = db.prepare("SELECT file, status, error_code, error, duplicate_of FROM documents").all() as {
    file: string;
    status: string;
    error_code: string | null;
    error: string | null;
    duplicate_of: string | null;
  }[];
  db.close();
  expect(rows).toHaveLength(Object.keys(expected).length);
  const byName = new Map(rows.map((r) => [r.file.slice(DIR.length + 1), r]));
  // Which of the two identical Blackburn files is the original depends on the order read.
  const twins = ["blackburn.txt", "blackburn (1).txt"].map((n) => byName.get(n));
  expect(twins.map((t) => t?.status).sort()).toEqual(["duplicate", "ok"]);
  const dup = twins.find((t) => t?.status === "duplicate");
  expect(dup?.duplicate_of).toBe(twins.find((t) => t?.status === "ok")?.file);
  for (const [name, want] of Object.entries(expected)) {
    if (name.startsWith("blackburn")) continue;
    const row = byName.get(name);
    expect(row?.status, name).toBe(want.status);
    if (want.status === "failed") {
      expect(row?.error_code, name).toBe(want.code);
      expect(row?.error, name).toContain(join(DIR, name));
    }
  }
});

test("each failure is one clear line naming the file, the code and what to do; exit code 1", () => {
  expect(code).toBe(1);
  const line = out.find((l) => l.includes("password.pdf"));
  expect(line).toBe(
    `failed     ${join(DIR, "password.pdf")}: [E_PDF_ENCRYPTED] ${join(DIR, "password.pdf")}: the PDF is password-protected — save a copy without the password`,
  );
  expect(out.at(-1)).toContain("25 files: 5 ok, 0 partial, 19 failed, 1 duplicate, 0 unchanged");
  expect(out.find((l) => l.includes("two-reports.txt"))).toContain(
    "two-reports.txt: it holds 2 reports, by their covers: Blackburn with Darwen (line 11), Croydon (line 540) — give each report a file of its own: split the PDF at each cover (qpdf --pages, say), or the text",
  );
  expect(out.find((l) => l.includes("inspection-standards.txt"))).toContain(
    "(it names no inspected area and rates nothing: no overall rating, no standard's rating, no key question's figure; the inspection standards, a guide or a thematic report has the standards' headings and no more)",
  );
  expect(out.find((l) => l.includes("research-bulletin.txt"))).toContain(
    "(it is a research and analysis bulletin, on findings across inspections (line 2), not one service's inspection)",
  );
  expect(out.find((l) => l.includes("probation-pdu.txt"))).toBe(
    `failed     ${join(DIR, "probation-pdu.txt")}: [E_NOT_A_YOS_REPORT] ${join(DIR, "probation-pdu.txt")}: not a youth offending service inspection report (it is an inspection of probation services for adults, rated on another framework than the youth standards: line 1, 'An inspection of probation services in: Newtown PDU') — only HMI Probation youth offending service inspection reports are read`,
  );
  expect(out.find((l) => l.includes("crc-without-cover.txt"))).toContain(
    "rated on another framework than the youth standards: line 2, '1.1 Leadership Good'",
  );
  expect(out.find((l) => l.includes("scanned.pdf"))).toBe(
    `failed     ${join(DIR, "scanned.pdf")}: [E_NO_TEXT] ${join(DIR, "scanned.pdf")}: the PDF's 3 pages hold 0 letters or digits: pictures of pages (a scan?), no text to read — run it through OCR (ocrmypdf, for one) and read the PDF it writes, or find the inspectorate's own PDF`,
  );
  // 2 pages of 3 lines: 44 + 7 + 6 glyphs and 44 + 7 + 6.
  expect(out.find((l) => l.includes("ocr-layer-unmapped.pdf"))).toBe(
    `failed     ${join(DIR, "ocr-layer-unmapped.pdf")}: [E_NO_TEXT] ${join(DIR, "ocr-layer-unmapped.pdf")}: the PDF's 2 pages hold 0 letters or digits and 114 characters its fonts do not map to text: a text layer in fonts embedded without a map to Unicode, no text to read (ocrmypdf replaces such a layer with --force-ocr) — run it through OCR (ocrmypdf, for one) and read the PDF it writes, or find the inspectorate's own PDF`,
  );
});

test("the database passes integrity_check and holds only whole reports", () => {
  const db = openDatabase(DB);
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
  const perReport = db
    .prepare(
      `SELECT r.area, (SELECT count(*) FROM standards s WHERE s.report_id = r.id) AS standards,
              (SELECT count(*) FROM key_questions k WHERE k.report_id = r.id) AS kqs
       FROM reports r ORDER BY r.area`,
    )
    .all();
  expect(perReport).toEqual([
    { area: "Blackburn with Darwen", standards: 13, kqs: 21 },
    { area: "Croydon", standards: 12, kqs: 23 },
    { area: "Kirklees", standards: 12, kqs: 23 },
    { area: "North Somerset", standards: 12, kqs: 23 },
    { area: "Tower Hamlets and City of London", standards: 13, kqs: 21 },
  ]);
  db.close();
});
