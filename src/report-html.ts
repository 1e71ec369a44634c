// report-html: the dataset as one static HTML page to look at. A grid of inspections × standards
// coloured by rating, the spread of key-question percentages per case-based standard, and the
// audit findings with their evidence. Self-contained: inline CSS and SVG, no scripts, no
// external resources. Everything it shows is read through SQL on the views `inspections`,
// `key_question_results`, `report_findings` and the `meta` table; every value from the
// database is escaped (report text is data, never markup).
import type { Provenance } from "../schemas/report.js";
import type { Db } from "./db.js";
import { plural } from "./wording.js";

// ---------------------------------------------------------------------------------------------
// Escaping: html`` escapes every interpolated value unless it is itself an Html fragment.

class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escape text for HTML content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] as string);
  return new Html(out);
}

// ---------------------------------------------------------------------------------------------
// The framework (for headings only; the data comes from the database).

const GROUPS: { label: string; standards: [string, string][] }[] = [
  {
    label: "Organisational delivery",
    standards: [
      ["1.1", "Governance and leadership"],
      ["1.2", "Staff"],
      ["1.3", "Partnerships and services"],
      ["1.4", "Information and facilities"],
    ],
  },
  {
    label: "Court disposals",
    standards: [
      ["2.1", "Assessment"],
      ["2.2", "Planning"],
      ["2.3", "Implementation and delivery"],
      ["2.4", "Reviewing"],
    ],
  },
  {
    label: "Out-of-court disposals",
    standards: [
      ["3.1", "Assessment"],
      ["3.2", "Planning"],
      ["3.3", "Implementation and delivery"],
      ["3.4", "Joint working (2018–2021) / Out-of-court disposal policy and provision"],
    ],
  },
  { label: "Resettle\u00ADment", standards: [["4.1", "Resettlement policy and provision"]] },
];

const STANDARD_IDS = GROUPS.flatMap((g) => g.standards.map(([id]) => id));

const RATINGS: Record<string, { cls: string; abbr: string }> = {
  Outstanding: { cls: "rating-outstanding", abbr: "O" },
  Good: { cls: "rating-good", abbr: "G" },
  "Requires improvement": { cls: "rating-requires-improvement", abbr: "RI" },
  Inadequate: { cls: "rating-inadequate", abbr: "I" },
};

/** The bands of a key question's percentage: below 50 Inadequate, 50–64 RI, 65–79 Good, 80+ Outstanding. */
const BANDS = [
  { from: 0, to: 50, rating: "Inadequate", label: "Inadequate <50%" },
  { from: 50, to: 65, rating: "Requires improvement", label: "Requires improvement 50–64%" },
  { from: 65, to: 80, rating: "Good", label: "Good 65–79%" },
  { from: 80, to: 100, rating: "Outstanding", label: "Outstanding 80%+" },
];

const SEVERITIES = ["error", "warning", "info"] as const;
const SEVERITY_HEADINGS: Record<string, string> = { error: "Errors", warning: "Warnings", info: "Info" };

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies (yellow left out: too pale). */
const AREA_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

// ---------------------------------------------------------------------------------------------
// Rows read from the database.

interface InspectionRow {
  report_id: number;
  file: string | null;
  area: string | null;
  published: string | null;
  overall_rating: string | null;
  stated_score: number | null;
  computed_score: number | null;
  audit_errors: number;
  audit_warnings: number;
  /** 1 when the report says it is a re-inspection. */
  reinspection: number | null;
  /** An earlier report of the same inspection, read from another file. */
  same_inspection_as: number | null;
  /** 1 when the report was loaded in part. */
  read_in_part: number;
  /** "overall foreword, 2.4 section": ratings shown that the table's cells did not give. */
  ratings_not_from_table: string | null;
  [rating: `rating_${string}`]: string | null;
}

interface KeyQuestionRow {
  report_id: number;
  area: string | null;
  key_question_id: string;
  theme: string | null;
  standard_id: string;
  standard_name: string | null;
  domain: string | null;
  percent: number;
  percent_computed: number;
  source: string | null;
  line: number | null;
}

interface FindingRow {
  report_id: number;
  area: string | null;
  file: string | null;
  rule_id: string;
  severity: string;
  standard_id: string | null;
  question_id: string | null;
  message: string;
  arithmetic: string | null;
  line: number | null;
  page: number | null;
  snippet: string | null;
  /** JSON: every value's line, page and snippet (null from a view an earlier yos wrote). */
  provenance: string | null;
}

function readMeta(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT "key", "value" FROM meta').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

function readInspections(db: Db): InspectionRow[] {
  const ratings = STANDARD_IDS.map((id) => `rating_${id.replace(".", "_")}`).join(", ");
  return db
    .prepare(
      `SELECT report_id, file, area, published, reinspection, overall_rating, stated_score, computed_score,
              audit_errors, audit_warnings, same_inspection_as, ratings_not_from_table, read_in_part, ${ratings}
       FROM inspections ORDER BY area IS NULL, area COLLATE NOCASE, file`,
    )
    .all() as InspectionRow[];
}

/** Key-question percentages of the case-based standards, one per report and key question (body preferred). */
function readKeyQuestions(db: Db): KeyQuestionRow[] {
  const rows = db
    .prepare(
      `SELECT report_id, area, key_question_id, theme, standard_id, standard_name, domain, percent,
              percent_computed, source, line
       FROM key_question_results
       WHERE percent IS NOT NULL AND (standard_id LIKE '2.%' OR standard_id LIKE '3.%')
         -- (an inspection read from a second file counts once)
         AND report_id NOT IN (SELECT report_id FROM inspections WHERE same_inspection_as IS NOT NULL)
       ORDER BY standard_id, key_question_id, report_id, source = 'body' DESC, line`,
    )
    .all() as KeyQuestionRow[];
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.report_id}\u0000${r.key_question_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readFindings(db: Db): FindingRow[] {
  // (A database opened read-only keeps the views the yos that wrote it made: an earlier one's
  // report_findings has no provenance column, and its findings show their first source only.)
  const columns = db.prepare("SELECT name FROM pragma_table_info('report_findings')").pluck().all();
  const provenance = columns.includes("provenance") ? "provenance" : "NULL AS provenance";
  return db
    .prepare(
      `SELECT report_id, area, file, rule_id, severity, standard_id, question_id, message, arithmetic,
              line, page, snippet, ${provenance}
       FROM report_findings
       ORDER BY area IS NULL, area COLLATE NOCASE, file,
                CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 ELSE 3 END,
                standard_id IS NULL, standard_id, question_id, rule_id, line`,
    )
    .all() as FindingRow[];
}

interface FileNotReadRow {
  file: string;
  status: "failed" | "partial";
  error_code: string | null;
  error: string | null;
}

/** Files the database holds no report of (failed) or part of one (partial): the gaps in the data. */
function readFilesNotRead(db: Db): FileNotReadRow[] {
  return db
    .prepare(
      `SELECT file, status, error_code, error FROM documents
       WHERE status IN ('failed', 'partial') ORDER BY status, file`,
    )
    .all() as FileNotReadRow[];
}

// ---------------------------------------------------------------------------------------------
// Formatting helpers.

function formatPercent(p: number): string {
  return Number.isInteger(p) ? String(p) : p.toFixed(1).replace(/\.0$/, "");
}

function formatTime(iso: string | undefined): string {
  if (!iso) return "unknown";
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** "5 inspections"; "5 inspections (6 reports: 1 read from a second file)" where one was loaded twice. */
function inspectionCount(inspections: InspectionRow[]): string {
  const copies = inspections.filter((r) => r.same_inspection_as !== null).length;
  const count = plural(inspections.length - copies, "inspection");
  return copies === 0
    ? count
    : `${count} (${plural(inspections.length, "report")}: ${copies} read from a second file)`;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function reportLabel(area: string | null, file: string | null): string {
  return area ?? file ?? "(unnamed report)";
}

function slug(reportId: number): string {
  return `report-${reportId}`;
}

/** Where each rating the table's cells did not give was read instead: "2.4" -> "section". */
function restatedRatings(list: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of list?.split(", ") ?? []) {
    const [subject, where] = item.split(" ");
    if (subject && where) out.set(subject, where);
  }
  return out;
}

function ratingCell(
  rating: string | null,
  column: string,
  kind: "abbr" | "full",
  /** Where the rating was read, when not from the ratings table ("section", "foreword"). */
  restatedIn?: string,
): Html {
  const known = rating !== null ? RATINGS[rating] : undefined;
  const cls = known ? known.cls : "rating-none";
  const text = known ? (kind === "abbr" ? known.abbr : rating) : rating === null ? "–" : rating;
  const title = `${rating ?? "No rating"}${restatedIn ? `, read from the ${restatedIn} (the ratings table's cell is unreadable)` : ""}`;
  return html`<td class="rating ${cls}${restatedIn ? " restated" : ""}" data-standard="${column}" data-rating="${rating ?? "none"}" title="${column === "overall" ? "Overall" : column}: ${title}">${text}${restatedIn ? "°" : ""}</td>`;
}

// ---------------------------------------------------------------------------------------------
// Sections.

function ratingsSection(inspections: InspectionRow[]): Html {
  const head1 = html`<tr>
  <th scope="col" rowspan="2" class="col-area">Area</th>
  <th scope="col" rowspan="2">Published</th>
  <th scope="col" rowspan="2">Overall rating</th>
  <th scope="colgroup" colspan="2">Score /36</th>
  ${GROUPS.map((g) => html`<th scope="colgroup" colspan="${g.standards.length}" class="group">${g.label}</th>`)}
  <th scope="col" rowspan="2">Audit</th>
</tr>`;
  const head2 = html`<tr>
  <th scope="col" title="Score as printed in the report">stated</th>
  <th scope="col" title="Sum of the 12 core standards' scores (Inadequate 0 … Outstanding 3)">computed</th>
  ${GROUPS.flatMap((g) => g.standards.map(([id, name]) => html`<th scope="col" class="std" title="${id} ${name}">${id}</th>`))}
</tr>`;
  const rows = inspections.map((r) => {
    const restated = restatedRatings(r.ratings_not_from_table);
    const mismatch =
      r.stated_score !== null && r.computed_score !== null && r.stated_score !== r.computed_score;
    const audit =
      r.audit_errors + r.audit_warnings > 0
        ? html`<a href="#${slug(r.report_id)}">${plural(r.audit_errors, "error")}<br>${plural(r.audit_warnings, "warning")}</a>`
        : html`<span class="muted">none</span>`;
    return html`<tr data-area="${r.area ?? ""}">
  <th scope="row" class="col-area" title="${r.file ?? ""}">${reportLabel(r.area, r.file)}${r.reinspection ? html` <span class="muted" title="the report says it is a re-inspection">(re-inspection)</span>` : ""}${r.same_inspection_as !== null ? html` <span class="muted" title="the same inspection as another row, read from a second file">(second file)</span>` : ""}${r.read_in_part ? html` <a class="muted" href="#files-not-read" title="a part of this report could not be read">(read in part)</a>` : ""}</th>
  <td class="num">${r.published ?? "–"}</td>
  ${ratingCell(r.overall_rating, "overall", "full", restated.get("overall"))}
  <td class="num${mismatch ? " mismatch" : ""}"${mismatch ? html` title="stated and computed scores differ"` : ""}>${r.stated_score ?? "–"}</td>
  <td class="num${mismatch ? " mismatch" : ""}">${r.computed_score ?? "–"}</td>
  ${STANDARD_IDS.map((id) => ratingCell(r[`rating_${id.replace(".", "_")}`] ?? null, id, "abbr", restated.get(id)))}
  <td class="audit">${audit}</td>
</tr>`;
  });
  const legend = [...Object.entries(RATINGS), ["No rating", { cls: "rating-none", abbr: "–" }] as const].map(
    ([name, { cls, abbr }]) => html`<li><span class="swatch rating ${cls}">${abbr}</span> ${name}</li>`,
  );
  return html`<section id="ratings">
<h2>Ratings</h2>
<div class="scroll">
<table id="ratings-grid">
<thead>${head1}${head2}</thead>
<tbody>${rows}</tbody>
</table>
</div>
<ul class="legend">${legend}</ul>
<p class="note">Ratings as printed in each report's ratings table; marked ° where the table's cell could not be read and the rating is the one the report states elsewhere (the standard's section, an annex, or for the overall rating the foreword). Stated score: the score out of 36 the report prints; computed: the sum of the 12 core standards' scores (Inadequate 0, Requires improvement 1, Good 2, Outstanding 3). A dash means the report prints no such value (or the tool could not read it).</p>
</section>`;
}

interface Geometry {
  width: number;
  left: number;
  right: number;
  top: number;
  laneHeight: number;
  rowStep: number;
  axis: number;
}

function x(g: Geometry, percent: number): number {
  return g.left + (Math.min(100, Math.max(0, percent)) / 100) * (g.width - g.left - g.right);
}

function round1(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A small deterministic jitter in [0, 1) for when there are too many reports for a row each. */
function jitter(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

function distributionPlot(
  standardId: string,
  rows: KeyQuestionRow[],
  reportIndex: Map<number, number>,
  coloured: boolean,
): Html {
  const questions = [...new Set(rows.map((r) => r.key_question_id))].sort();
  const reports = reportIndex.size;
  const perLane = coloured ? reports : 6;
  const g: Geometry = {
    width: 1000,
    left: 230,
    right: 20,
    top: 22,
    rowStep: 7,
    laneHeight: 10 + perLane * 7,
    axis: 26,
  };
  const plotBottom = g.top + questions.length * g.laneHeight;
  const height = plotBottom + g.axis;
  const bands = BANDS.map((b) => {
    const cls = RATINGS[b.rating]?.cls ?? "rating-none";
    return html`<rect class="band ${cls}" x="${round1(x(g, b.from))}" y="${g.top}" width="${round1(x(g, b.to) - x(g, b.from))}" height="${plotBottom - g.top}"><title>${b.label}</title></rect>`;
  });
  const lanes = questions.map((q, i) => {
    const y = g.top + i * g.laneHeight;
    const theme = rows.find((r) => r.key_question_id === q)?.theme ?? "";
    return html`<g class="lane">
  ${i > 0 ? html`<line class="lane-sep" x1="0" x2="${g.width - g.right}" y1="${y}" y2="${y}"/>` : ""}
  <text class="lane-label" x="0" y="${round1(y + g.laneHeight / 2 + 4)}"><tspan class="qid">${q}</tspan> ${theme}</text>
</g>`;
  });
  const boundaries = [50, 65, 80].map(
    (v) =>
      html`<line class="band-boundary" data-value="${v}" x1="${round1(x(g, v))}" x2="${round1(x(g, v))}" y1="${g.top}" y2="${plotBottom}"/>`,
  );
  const ticks = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map(
    (
      v,
    ) => html`<g class="tick"><line x1="${round1(x(g, v))}" x2="${round1(x(g, v))}" y1="${plotBottom}" y2="${plotBottom + 5}"/>
<text x="${round1(x(g, v))}" y="${plotBottom + 18}" text-anchor="middle">${v}%</text></g>`,
  );
  const dots = rows.map((r) => {
    const lane = questions.indexOf(r.key_question_id);
    const idx = reportIndex.get(r.report_id) ?? 0;
    const offset = coloured
      ? idx * g.rowStep
      : jitter(`${r.report_id}/${r.key_question_id}`) * (perLane - 1) * g.rowStep;
    const cy = g.top + lane * g.laneHeight + 8 + offset;
    const colour = coloured ? (AREA_COLOURS[idx % AREA_COLOURS.length] as string) : "#333333";
    const computed = r.percent_computed === 1;
    const fill = computed ? "#ffffff" : colour;
    const style = `fill:${fill};stroke:${colour}${coloured ? "" : ";fill-opacity:0.6"}`;
    const label = `${reportLabel(r.area, null)} — ${r.key_question_id}: ${formatPercent(r.percent)}%${computed ? " (worked out from counts)" : ""}${r.source === "annex" ? " (annex)" : ""}`;
    return html`<circle class="dot${computed ? " computed" : ""}" cx="${round1(x(g, r.percent))}" cy="${round1(cy)}" r="4.5" style="${style}" data-area="${r.area ?? ""}" data-question="${r.key_question_id}" data-percent="${r.percent}"><title>${label}</title></circle>`;
  });
  const med = median(rows.map((r) => r.percent));
  const medianMark =
    med === null
      ? ""
      : html`<g class="median" data-median="${med}">
  <line x1="${round1(x(g, med))}" x2="${round1(x(g, med))}" y1="${g.top - 6}" y2="${plotBottom}"/>
  <text x="${round1(x(g, med))}" y="${g.top - 9}" text-anchor="${med > 90 ? "end" : med < 10 ? "start" : "middle"}">median ${formatPercent(med)}%</text>
  <title>Median of the ${rows.length} key-question percentages: ${formatPercent(med)}%</title>
</g>`;
  const aria = `Key-question percentages for standard ${standardId}: ${rows.length} values, median ${med === null ? "none" : `${formatPercent(med)}%`}`;
  return html`<svg class="strip" data-standard="${standardId}" viewBox="0 0 ${g.width} ${height}" width="100%" role="img" aria-label="${aria}" preserveAspectRatio="xMinYMin meet">
<g class="bands">${bands}</g>
${lanes}
${boundaries}
<line class="axis" x1="${g.left}" x2="${g.width - g.right}" y1="${plotBottom}" y2="${plotBottom}"/>
${ticks}
${medianMark}
<g class="dots">${dots}</g>
</svg>`;
}

function distributionsSection(inspections: InspectionRow[], keyQuestions: KeyQuestionRow[]): Html {
  // One row (and colour) per report when there are few enough to tell apart; otherwise jittered.
  const reportIds = inspections.map((r) => r.report_id);
  for (const r of keyQuestions) if (!reportIds.includes(r.report_id)) reportIds.push(r.report_id);
  const reportIndex = new Map(reportIds.map((id, i) => [id, i]));
  const coloured = reportIds.length <= AREA_COLOURS.length;
  const byStandard = new Map<string, KeyQuestionRow[]>();
  for (const r of keyQuestions) {
    const list = byStandard.get(r.standard_id) ?? [];
    list.push(r);
    byStandard.set(r.standard_id, list);
  }
  const standards = [...byStandard.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const figures = standards.map((id) => {
    const rows = byStandard.get(id) as KeyQuestionRow[];
    const names = [...new Set(rows.map((r) => r.standard_name).filter((n): n is string => !!n))];
    const domain = rows.find((r) => r.domain)?.domain;
    const med = median(rows.map((r) => r.percent));
    const reports = new Set(rows.map((r) => r.report_id)).size;
    return html`<figure class="dist" id="dist-${id.replace(".", "-")}">
<figcaption><strong>${id}</strong> ${domain ? `${domain}: ` : ""}${names.join(" / ") || "(unnamed)"} <span class="muted">— ${plural(rows.length, "key-question result")} from ${plural(reports, "report")}, median ${med === null ? "–" : `${formatPercent(med)}%`}</span></figcaption>
${distributionPlot(id, rows, reportIndex, coloured)}
</figure>`;
  });
  const areaLegend = coloured
    ? reportIds.map((id, i) => {
        const r = inspections.find((x) => x.report_id === id) ?? keyQuestions.find((x) => x.report_id === id);
        const name = r ? reportLabel(r.area, "file" in r ? r.file : null) : `report ${id}`;
        return html`<li><span class="dot-key" style="background:${AREA_COLOURS[i % AREA_COLOURS.length]}"></span> ${name}</li>`;
      })
    : [];
  const bandLegend = BANDS.map(
    (b) =>
      html`<li><span class="swatch band-key ${RATINGS[b.rating]?.cls ?? "rating-none"}"></span> ${b.label}</li>`,
  );
  return html`<section id="distributions">
<h2>Key-question percentages by standard</h2>
<p class="note">One dot per key question per report (the report's main text preferred over its annex where both print the figure), on a 0–100% axis; each key question on its own line${coloured ? ", each report on its own row within it" : ""}. A hollow dot is a percentage worked out from the printed counts. The black line is the standard's median; the dashed lines are the rating band boundaries at 50, 65 and 80% (a case-based standard is rated by the band of its lowest key question).</p>
${coloured ? html`<ul class="legend">${areaLegend}</ul>` : ""}
<ul class="legend">${bandLegend}<li><span class="dot-key hollow"></span> worked out from counts</li></ul>
${figures.length ? figures : html`<p class="muted">No key-question percentages in the database.</p>`}
</section>`;
}

function findingArticle(f: FindingRow): Html {
  const where = [
    f.standard_id ? `standard ${f.standard_id}` : null,
    f.question_id ? `key question ${f.question_id}` : null,
  ].filter(Boolean);
  const sources = findingSources(f).map((p) => {
    const location = [
      f.file,
      p.line !== null ? `line ${p.line}` : null,
      p.page !== null ? `page ${p.page}` : null,
    ];
    return html`<div class="source"><div class="loc">${location.filter(Boolean).join(", ")}</div>${p.snippet ? html`<blockquote class="snippet">${p.snippet}</blockquote>` : ""}</div>`;
  });
  return html`<article class="finding severity-${f.severity}" data-rule="${f.rule_id}" data-severity="${f.severity}">
<header><span class="badge">${f.severity}</span> <code class="rule">${f.rule_id}</code>${where.length ? html` <span class="where">${where.join(" · ")}</span>` : ""}</header>
<p class="message">${f.message}</p>
${f.arithmetic ? html`<p class="check">check: <code>${f.arithmetic}</code></p>` : ""}
${sources}
</article>`;
}

/** Where each value a finding rests on was read, each place once; or its first value's alone. */
function findingSources(
  f: FindingRow,
): { line: number | null; page: number | null; snippet: string | null }[] {
  const every = f.provenance ? (JSON.parse(f.provenance) as Provenance[]) : [];
  const seen = new Set<string>();
  const places = every.filter((p) => {
    const key = `${p.line}\u0000${p.snippet}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (places.length > 0) return places;
  return f.line !== null || f.snippet ? [{ line: f.line, page: f.page, snippet: f.snippet }] : [];
}

function findingsSection(inspections: InspectionRow[], findings: FindingRow[]): Html {
  const byReport = new Map<number, FindingRow[]>();
  for (const f of findings) {
    const list = byReport.get(f.report_id) ?? [];
    list.push(f);
    byReport.set(f.report_id, list);
  }
  const counts = SEVERITIES.map(
    (s) => `${findings.filter((f) => f.severity === s).length} ${s === "info" ? "info" : `${s}s`}`,
  );
  const groups = [...byReport.entries()].map(([reportId, list]) => {
    const first = list[0] as FindingRow;
    const severities = [...SEVERITIES, ...new Set(list.map((f) => f.severity))].filter(
      (s, i, all) => all.indexOf(s) === i && list.some((f) => f.severity === s),
    );
    return html`<section class="report-findings" id="${slug(reportId)}" data-area="${first.area ?? ""}">
<h3>${reportLabel(first.area, first.file)} <span class="muted">${first.file ?? ""}</span></h3>
${severities.map((s) => {
  const items = list.filter((f) => f.severity === s);
  return html`<div class="severity-group">
<h4>${SEVERITY_HEADINGS[s] ?? s} (${items.length})</h4>
${items.map(findingArticle)}
</div>`;
})}
</section>`;
  });
  const clean = inspections.filter((r) => !byReport.has(r.report_id)).map((r) => reportLabel(r.area, r.file));
  return html`<section id="findings">
<h2>Audit findings</h2>
<p class="note">${plural(findings.length, "finding")}: ${counts.join(", ")}. <strong>error</strong>: the report contradicts a published scoring rule or itself; <strong>warning</strong>: suspicious or unverifiable; <strong>info</strong>: a deviation the report itself explains. Each finding cites the source line (and page, for a PDF) and text of every value it rests on.</p>
${groups}
${clean.length ? html`<p class="muted">No findings: ${clean.join("; ")}.</p>` : ""}
</section>`;
}

/** What the dataset lacks: files not loaded, and reports loaded in part, each with the reason. */
function filesNotReadSection(rows: FileNotReadRow[]): Html | "" {
  if (rows.length === 0) return "";
  const failed = rows.filter((r) => r.status === "failed").length;
  const body = rows.map(
    (r) => html`<tr data-status="${r.status}">
  <td><code>${r.file}</code></td>
  <td>${r.status === "failed" ? "not loaded" : "loaded in part"}</td>
  <td>${r.error_code ?? ""}</td>
  <td>${r.error ?? ""}</td>
</tr>`,
  );
  return html`<section id="files-not-read">
<h2>Files not read, or read in part</h2>
<p class="note">${plural(failed, "file")} not loaded and ${plural(rows.length - failed, "report")} loaded in part: the ratings and plots above leave out what these files hold, or the parts named.</p>
<div class="scroll">
<table id="files-not-read-table">
<thead><tr><th scope="col">File</th><th scope="col">Status</th><th scope="col">Code</th><th scope="col">Reason</th></tr></thead>
<tbody>${body}</tbody>
</table>
</div>
</section>`;
}

// ---------------------------------------------------------------------------------------------

const CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0;
  --outstanding: #2166ac; --good: #92c5de; --ri: #f4a582; --inadequate: #b2182b; --none: #eeeeee; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 20px 48px; }
header.page { border-bottom: 2px solid var(--ink); margin-bottom: 8px; padding-bottom: 8px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
h3 { font-size: 1.1rem; margin: 24px 0 6px; }
h4 { font-size: 0.95rem; margin: 12px 0 6px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.meta { margin: 0; color: var(--muted); }
.muted { color: var(--muted); font-weight: normal; }
.note { color: var(--muted); font-size: 0.9rem; max-width: 80ch; }
code, .snippet { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.88rem; }
th, td { border: 1px solid var(--rule); padding: 4px 5px; }
thead th { background: #f4f4f4; font-weight: 600; text-align: center; vertical-align: bottom; }
thead th.std { min-width: 2.6em; }
th.col-area { text-align: left; min-width: 9em; }
tbody th { font-weight: 600; }
td.num { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.mismatch { background: #fff3c4; font-weight: 700; }
td.audit { font-size: 0.85em; white-space: nowrap; }
.rating { text-align: center; font-weight: 700; white-space: nowrap; }
td.rating[data-standard="overall"] { white-space: normal; min-width: 7em; max-width: 9em; line-height: 1.2; }
.rating-outstanding { background: var(--outstanding); color: #fff; }
.rating-good { background: var(--good); color: #0b2540; }
.rating-requires-improvement { background: var(--ri); color: #3d1304; }
.rating-inadequate { background: var(--inadequate); color: #fff; }
.rating-none { background: var(--none); color: #6b6b6b; font-weight: normal; }
ul.legend { list-style: none; padding: 0; margin: 8px 0; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 0.88rem; }
ul.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; min-width: 2.2em; padding: 1px 4px; border: 1px solid var(--rule); font-size: 0.85em; }
.swatch.band-key { min-width: 1.6em; height: 1em; opacity: 0.4; }
.dot-key { display: inline-block; width: 11px; height: 11px; border-radius: 50%; }
.dot-key.hollow { border: 2px solid #333; background: #fff; }
figure.dist { margin: 18px 0 8px; break-inside: avoid; }
figcaption { font-size: 0.95rem; margin-bottom: 2px; }
svg.strip { display: block; max-width: 100%; height: auto; font-size: 12px; font-family: inherit; }
svg.strip .band { stroke: none; }
svg.strip .band.rating-outstanding, svg.strip .band.rating-inadequate { opacity: 0.14; }
svg.strip .band.rating-good, svg.strip .band.rating-requires-improvement { opacity: 0.3; }
svg.strip .band.rating-outstanding { fill: var(--outstanding); }
svg.strip .band.rating-good { fill: var(--good); }
svg.strip .band.rating-requires-improvement { fill: var(--ri); }
svg.strip .band.rating-inadequate { fill: var(--inadequate); }
svg.strip .band-boundary { stroke: #555; stroke-width: 1; stroke-dasharray: 4 3; }
svg.strip .lane-sep { stroke: #e2e2e2; }
svg.strip .lane-label { fill: var(--ink); }
svg.strip .qid { font-weight: 600; }
svg.strip .axis, svg.strip .tick line { stroke: #555; }
svg.strip .tick text { fill: var(--muted); font-size: 11px; }
svg.strip .median line { stroke: #000; stroke-width: 2.5; }
svg.strip .median text { font-weight: 600; font-size: 11px; }
svg.strip .dot { stroke-width: 1.5; fill-opacity: 0.9; }
svg.strip .dot.computed { stroke-width: 2; }
section.report-findings { border-top: 1px solid var(--rule); margin-top: 20px; }
.finding { border: 1px solid var(--rule); border-left-width: 6px; border-radius: 3px; padding: 8px 12px; margin: 8px 0; break-inside: avoid; }
.finding header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; }
.finding .badge { font-size: 0.75rem; font-weight: 700; text-transform: uppercase; padding: 1px 6px; border-radius: 3px; color: #fff; }
.finding .where { color: var(--muted); font-size: 0.9rem; }
.finding p { margin: 6px 0; }
.finding .check code { background: #f4f4f4; padding: 1px 4px; border-radius: 2px; }
.finding .loc { color: var(--muted); font-size: 0.85rem; }
.finding .snippet { margin: 4px 0 2px; padding: 6px 10px; background: #f7f7f7; border-left: 3px solid #bbb;
  white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
.severity-error { border-left-color: #b2182b; }
.severity-error .badge { background: #b2182b; }
.severity-warning { border-left-color: #e08214; }
.severity-warning .badge { background: #a0520a; }
.severity-info { border-left-color: #2166ac; }
.severity-info .badge { background: #2166ac; }
footer.page { margin-top: 40px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); padding-top: 8px; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table { font-size: 8.5pt; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The HTML report of a database: one self-contained HTML5 document. */
export function buildReportHtml(db: Db, options: { generatedAt?: string } = {}): string {
  const meta = readMeta(db);
  const inspections = readInspections(db);
  const keyQuestions = readKeyQuestions(db);
  const findings = readFindings(db);
  const filesNotRead = readFilesNotRead(db);
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const title = "Youth offending service inspections";
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="yos ${meta.get("tool_version") ?? ""}">
<title>${title}</title>
<style>${new Html(CSS)}</style>
</head>
<body>
<main>
<header class="page">
<h1>${title}</h1>
<p class="meta"><span id="inspection-count">${inspectionCount(inspections)}</span> · database built <time datetime="${meta.get("built_at") ?? ""}">${formatTime(meta.get("built_at"))}</time>${meta.has("tool_version") ? ` · yos ${meta.get("tool_version")}` : ""}${filesNotRead.length > 0 ? html` · <a href="#files-not-read">${plural(filesNotRead.length, "file")} not read, or read in part</a>` : ""}</p>
</header>
${ratingsSection(inspections)}
${distributionsSection(inspections, keyQuestions)}
${findingsSection(inspections, findings)}
${filesNotReadSection(filesNotRead)}
<footer class="page">Generated ${formatTime(generatedAt)} from the SQLite dataset by <code>yos report</code>. Values transcribe what each report prints; see each finding's source line for the text it rests on.</footer>
</main>
</body>
</html>
`;
  return doc.value;
}
