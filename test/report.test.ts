// The HTML report, built from the corpus and looked at in a real browser: headless Chromium
// (Debian's chromium package) driven by playwright-core. Asserts on what the page shows and
// saves a screenshot to out/report.png.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { toMarkdown } from "../scripts/make-variants.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/render-browser-pdf.js";
import { main } from "../src/cli.js";
import { type Db, openDatabase } from "../src/db.js";
import { buildReportHtml } from "../src/report-html.js";
import { asReinspection } from "./helpers/shared.js";

const ROOT = join(import.meta.dirname, "..");
const TMP = join(import.meta.dirname, ".tmp", "report");
const DB = join(TMP, "yos.sqlite");
const OUT = join(ROOT, "out");
const HTML_FILE = join(OUT, "report.html");
const SCREENSHOT = join(OUT, "report.png");

let html = "";
let browser: Browser | undefined;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const code = await main(["ingest", join(ROOT, "corpus"), "--db", DB], () => {});
  expect(code).toBe(0);
  const db = openDatabase(DB);
  try {
    html = buildReportHtml(db, { generatedAt: "2026-01-01T00:00:00.000Z" });
  } finally {
    db.close();
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(HTML_FILE, html);
});

const MISSING_CHROMIUM = `${CHROMIUM} not found: the report test renders the page in Debian's chromium package (apt-get install -y chromium)`;

test("Chromium is installed", () => {
  expect(existsSync(CHROMIUM), MISSING_CHROMIUM).toBe(true);
});

describe("the HTML document", () => {
  test("is an HTML5 document", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="en">');
  });

  test("loads nothing from outside: no external src, href, url() or @import, no scripts", () => {
    expect(html).not.toMatch(/\b(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
  });
});

describe("in Chromium", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(MISSING_CHROMIUM);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(HTML_FILE).href, { waitUntil: "load" });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the page made no request but for the file itself", () => {
    expect(requests).toEqual([pathToFileURL(HTML_FILE).href]);
  });

  test("the header names the inspections and the database", async () => {
    await expect(page.locator("h1").innerText()).resolves.toBe("Youth offending service inspections");
    await expect(page.locator("header.page").innerText()).resolves.toMatch(
      /5 inspections · database built \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );
  });

  test("the ratings grid has one row per inspection, sorted by area", async () => {
    const rows = page.locator("#ratings-grid tbody tr");
    await expect(rows.count()).resolves.toBe(5);
    await expect(rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-area")))).resolves.toEqual([
      "Blackburn with Darwen",
      "Croydon",
      "Kirklees",
      "North Somerset",
      "Tower Hamlets and City of London",
    ]);
    await expect(page.locator("#ratings-grid").isVisible()).resolves.toBe(true);
  });

  test("Kirklees' row shows its ratings, coloured by rating", async () => {
    const row = page.locator('#ratings-grid tr[data-area="Kirklees"]');
    const cell11 = row.locator('td[data-standard="1.1"]');
    await expect(cell11.innerText()).resolves.toBe("RI");
    await expect(cell11.getAttribute("title")).resolves.toContain("Requires improvement");
    const cell22 = row.locator('td[data-standard="2.2"]');
    await expect(cell22.getAttribute("data-rating")).resolves.toBe("Inadequate");
    await expect(cell22.innerText()).resolves.toBe("I");
    await expect(row.locator('td[data-standard="overall"]').innerText()).resolves.toBe(
      "Requires improvement",
    );
    const background = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const inadequate = await cell22.evaluate((el) => getComputedStyle(el).backgroundColor);
    const good = await background('#ratings-grid td[data-rating="Good"]');
    const outstanding = await background('#ratings-grid td[data-rating="Outstanding"]');
    const ri = await background('#ratings-grid td[data-rating="Requires improvement"]');
    const none = await background('#ratings-grid td[data-rating="none"]');
    expect(new Set([inadequate, good, outstanding, ri, none]).size).toBe(5);
    expect(inadequate).not.toBe(good);
    expect(inadequate).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
  });

  test("there is one distribution plot per case-based standard, with the band boundaries and a median", async () => {
    const plots = page.locator("#distributions svg[data-standard]");
    await expect(plots.count()).resolves.toBe(8);
    await expect(
      plots.evaluateAll((svgs) => svgs.map((s) => s.getAttribute("data-standard"))),
    ).resolves.toEqual(["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]);
    const plot22 = page.locator('#distributions svg[data-standard="2.2"]');
    await expect(plot22.isVisible()).resolves.toBe(true);
    // Five reports print 2.2's three key questions.
    await expect(plot22.locator("circle.dot").count()).resolves.toBe(15);
    await expect(
      plot22.locator(".band-boundary").evaluateAll((ls) => ls.map((l) => l.getAttribute("data-value"))),
    ).resolves.toEqual(["50", "65", "80"]);
    await expect(plot22.locator(".median").count()).resolves.toBe(1);
    const titles = await plot22.locator("circle.dot > title").allTextContents();
    expect(titles).toContain("Kirklees — 2.2.3: 22%");
    // North Somerset prints counts only: its percentages are worked out, drawn hollow.
    await expect(plot22.locator('circle.dot.computed[data-area="North Somerset"]').count()).resolves.toBe(3);
    await expect(
      page.locator("#distributions circle.dot.computed:not([data-area='North Somerset'])").count(),
    ).resolves.toBe(0);
    // 3.4 Joint working: the three older reports, two key questions each.
    await expect(page.locator('#distributions svg[data-standard="3.4"] circle.dot').count()).resolves.toBe(6);
  });

  test("the findings section shows the corpus's audit findings with their evidence", async () => {
    const findings = page.locator("#findings .finding");
    await expect(findings.count()).resolves.toBe(11);
    await expect(page.locator("#findings .finding.severity-error").count()).resolves.toBe(5);
    await expect(page.locator("#findings .finding.severity-warning").count()).resolves.toBe(4);
    await expect(page.locator("#findings .finding.severity-info").count()).resolves.toBe(2);
    const numbering = page
      .locator('#findings .finding[data-rule="question-numbering"]')
      .filter({ hasText: "3.2.1" });
    await expect(numbering.count()).resolves.toBe(1);
    await expect(numbering.isVisible()).resolves.toBe(true);
    const text = await numbering.innerText();
    expect(text).toContain("3.2.1");
    expect(text).toContain("check: 3.2.1 ≠ 3.4.2");
    expect(text).toContain("line 1220");
    await expect(numbering.locator("blockquote").innerText()).resolves.toContain(
      "Does the YOT work effectively with the police",
    );
    // Every value a finding rests on, with its line and text: Croydon's 2.1 and its three key questions.
    const band = page
      .locator('#findings .finding[data-rule="standard-band"]')
      .filter({ hasText: "Standard 2.1 (Court disposals: Assessment)" });
    const places = await band.locator(".source .loc").allInnerTexts();
    expect(places.map((p) => p.replace(/^.*(?=corpus\/)/, ""))).toEqual([
      "corpus/2019-croydon.txt, line 172",
      "corpus/2019-croydon.txt, line 820",
      "corpus/2019-croydon.txt, line 821",
      "corpus/2019-croydon.txt, line 822",
    ]);
    const snippets = await band.locator("blockquote").allInnerTexts();
    expect(snippets[0]).toContain("Outstanding*");
    expect(snippets[3]).toContain(
      "2.1.3. Does assessment sufficiently analyse how to keep other people safe?",
    );
    expect(snippets[3]).toContain("79%");
  });

  test("a full-page screenshot is saved", async () => {
    rmSync(SCREENSHOT, { force: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});

test("text from the database is escaped, never markup", () => {
  // A stand-in database with the views' names as tables, holding hostile text.
  const db = new Database(":memory:");
  const ratings = ["1_1", "1_2", "1_3", "1_4", "2_1", "2_2", "2_3", "2_4", "3_1", "3_2", "3_3", "3_4", "4_1"];
  db.exec(`CREATE TABLE meta ("key" TEXT, "value" TEXT);
    CREATE TABLE inspections (report_id, file, area, published, reinspection, overall_rating, stated_score, computed_score,
      audit_errors, audit_warnings, same_inspection_as, ratings_not_from_table, read_in_part, ${ratings.map((r) => `rating_${r}`).join(", ")});
    CREATE TABLE key_question_results (report_id, area, key_question_id, theme, standard_id, standard_name,
      domain, percent, percent_computed, source, line);
    CREATE TABLE report_findings (report_id, area, file, rule_id, severity, standard_id, question_id, message,
      arithmetic, line, page, snippet);
    CREATE TABLE documents (file, status, error_code, error);`);
  const evil = `<script>alert("x")</script> & 'q'`;
  db.prepare("INSERT INTO meta VALUES ('built_at', ?)").run(evil);
  db.prepare(
    "INSERT INTO inspections (report_id, file, area, overall_rating, audit_errors, audit_warnings, rating_2_2, ratings_not_from_table) VALUES (1, ?, ?, ?, 1, 0, ?, ?)",
  ).run("a.txt", `"><img src=x onerror=alert(1)>`, "Good", "<b>Odd</b>", `2.2 "><u>here</u>`);
  db.prepare(
    "INSERT INTO key_question_results VALUES (1, ?, '2.2.1', ?, '2.2', ?, 'Court disposals', 50, 0, 'body', 1)",
  ).run(`"><img src=x onerror=alert(1)>`, evil, evil);
  db.prepare(
    "INSERT INTO report_findings VALUES (1, ?, 'a.txt', ?, 'error', NULL, NULL, ?, ?, 3, NULL, ?)",
  ).run("Area", `rule"><x`, evil, evil, evil);
  db.prepare("INSERT INTO documents VALUES (?, 'failed', 'E_PARSE', ?)").run("<i>f</i>.txt", evil);
  const out = buildReportHtml(db, { generatedAt: evil });
  db.close();
  expect(out).not.toMatch(/<script|<img|<b>Odd|<x|<u>|<i>/i);
  expect(out).toContain("<td><code>&lt;i&gt;f&lt;/i&gt;.txt</code></td>");
  expect(out).toContain("read from the &quot;&gt;&lt;u&gt;here&lt;/u&gt;");
  expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
  expect(out).toContain('data-rule="rule&quot;&gt;&lt;x"');
  expect(out).toContain('data-rating="&lt;b&gt;Odd&lt;/b&gt;"');
});

/**
 * The report of a folder `name` holding `files` (name: text), ingested into its own database
 * with `ingest`'s exit code `code`; the database stays open for `look` before it is closed.
 */
async function reportOfFolder(
  name: string,
  files: Record<string, string | Buffer>,
  code: number,
  look: (db: Db) => void = () => {},
): Promise<string> {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const db = join(TMP, `${name}.sqlite`);
  expect(await main(["ingest", dir, "--db", db, "--jobs", "1"], () => {})).toBe(code);
  const conn = openDatabase(db);
  try {
    look(conn);
    return buildReportHtml(conn, { generatedAt: "2026-01-01T00:00:00.000Z" });
  } finally {
    conn.close();
  }
}

const corpusText = (name: string) => readFileSync(join(ROOT, "corpus", name), "utf8");

test("an inspection read from two files is one inspection: counted once, its second file marked, its percentages plotted once", async () => {
  const text = corpusText("2023-01-blackburn-with-darwen.txt");
  const out = await reportOfFolder("twins", { "a.txt": text, "b.md": toMarkdown(text) }, 0);
  expect(out).toContain(
    '<span id="inspection-count">1 inspection (2 reports: 1 read from a second file)</span>',
  );
  expect(out.match(/\(second file\)/g)).toHaveLength(1);
  // Each key question's distribution holds the inspection's one percentage, not two.
  const dots = out.match(/<circle class="dot[^>]*data-question="2\.1\.1"/g) ?? [];
  expect(dots).toHaveLength(1);
});

test("a re-inspection's row says so", async () => {
  const out = await reportOfFolder(
    "reinspection",
    {
      "blackburn.txt": asReinspection(corpusText("2023-01-blackburn-with-darwen.txt")),
      "kirklees.txt": corpusText("2021-10-kirklees.txt"),
    },
    0,
  );
  expect(out.match(/\(re-inspection\)/g)).toHaveLength(1);
  expect(out).toMatch(
    /Blackburn with Darwen <span class="muted" title="the report says it is a re-inspection">\(re-inspection\)<\/span>/,
  );
});

test("files not loaded, and reports loaded in part, are listed with their reasons, and the part-read report's row is marked", async () => {
  const dir = join(TMP, "gaps");
  const croydon = corpusText("2019-croydon.txt");
  const out = await reportOfFolder(
    "gaps",
    {
      // Cut where Croydon's only key-question tables begin (its Annex 2): loaded in part.
      "croydon-cut.txt": croydon.slice(0, croydon.lastIndexOf("Annex 2 – Inspection results")),
      "minutes.txt": "Minutes of the parish council meeting.\n\nItem 1. The bus shelter.\n",
      "kirklees.txt": corpusText("2021-10-kirklees.txt"),
    },
    1,
    // Analysts filter on the view's column.
    (db) =>
      expect(db.prepare("SELECT area, read_in_part FROM inspections ORDER BY area").all()).toEqual([
        { area: "Croydon", read_in_part: 1 },
        { area: "Kirklees", read_in_part: 0 },
      ]),
  );
  expect(out).toContain('<a href="#files-not-read">2 files not read, or read in part</a>');
  expect(out).toContain("1 file not loaded and 1 report loaded in part");
  const rows = [
    ...out.matchAll(
      /<tr data-status="(\w+)">\s*<td><code>([^<]+)<\/code><\/td>\s*<td>([^<]+)<\/td>\s*<td>([^<]*)<\/td>/g,
    ),
  ].map((m) => [m[1], m[2], m[3], m[4]]);
  expect(rows).toEqual([
    ["failed", join(dir, "minutes.txt"), "not loaded", "E_NOT_A_YOS_REPORT"],
    ["partial", join(dir, "croydon-cut.txt"), "loaded in part", ""],
  ]);
  expect(out).toMatch(/key questions not found: 2\.1\.1, 2\.1\.2/);
  // Croydon's row in the grid is marked; Kirklees' is not.
  expect(out.match(/\(read in part\)/g)).toHaveLength(1);
  expect(out).toMatch(/Croydon[^<]*<a class="muted" href="#files-not-read"[^>]*>\(read in part\)<\/a>/);
});
