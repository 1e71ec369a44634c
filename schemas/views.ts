// Views for the questions researchers ask, over the tables derived from the record schemas.
// Each has a description for docs/schema.md and Datasette's metadata.

export interface ViewDefinition {
  name: string;
  description: string;
  columns: Record<string, string>;
  sql: string;
}

const STANDARD_IDS = [
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "2.1",
  "2.2",
  "2.3",
  "2.4",
  "3.1",
  "3.2",
  "3.3",
  "3.4",
  "4.1",
];
const col = (id: string) => `rating_${id.replace(".", "_")}`;

const THEME = `CASE
    WHEN k.standard_id = '3.4' AND substr(k.id, 5, 1) = '1' THEN 'recommendations'
    WHEN k.standard_id = '3.4' THEN 'police'
    WHEN substr(k.id, 5, 1) = '1' THEN 'desistance'
    WHEN substr(k.id, 5, 1) = '2' THEN 'keeping the child safe'
    ELSE 'keeping other people safe' END`;

/**
 * A standard's rating: the ratings table's, else (the table's cell unreadable: an image, cells
 * read out of their rows) the one its section or an annex states. `standards` keeps each apart.
 */
const STANDARD_RATING = "coalesce(s.rating, s.section_rating, s.annex_rating)";

/**
 * Which of a report's ratings in `inspections` come from elsewhere than the ratings table: the
 * overall rating read from the foreword's or a summary's statement (no 'ratings-table' statement
 * of it), and each standard's from its section or an annex.
 */
const RATINGS_NOT_FROM_TABLE = `(SELECT group_concat(what, ', ') FROM (
    SELECT 0 AS k, 'overall ' || (SELECT t."where" FROM rating_statements t
        WHERE t.report_id = r.id AND t.subject = 'overall' AND t.rating = r.overall_rating
        ORDER BY t."where" <> 'foreword' LIMIT 1) AS what
      WHERE r.overall_rating IS NOT NULL AND NOT EXISTS (SELECT 1 FROM rating_statements t
        WHERE t.report_id = r.id AND t.subject = 'overall' AND t."where" = 'ratings-table')
    UNION ALL
    SELECT 1, s.id || CASE WHEN s.section_rating IS NOT NULL THEN ' section' ELSE ' annex' END
      FROM standards s WHERE s.report_id = r.id AND s.rating IS NULL
        AND coalesce(s.section_rating, s.annex_rating) IS NOT NULL
    ORDER BY 1, 2))`;

/**
 * Whether reports `o` and `r` are the same inspection read from two files (the PDF and a text of
 * it, two downloads): the same area, and the same fieldwork or publication month, neither of
 * the two months differing where both are known, nor one saying it is a re-inspection where the
 * other says it is not.
 */
export function sameInspectionSql(o: string, r: string): string {
  return `${o}.area = ${r}.area COLLATE NOCASE
    AND (${o}.fieldwork_start = ${r}.fieldwork_start OR ${o}.published = ${r}.published)
    AND coalesce(${o}.fieldwork_start = ${r}.fieldwork_start, 1) AND coalesce(${o}.published = ${r}.published, 1)
    AND coalesce(${o}.reinspection = ${r}.reinspection, 1)`;
}

export const VIEWS: ViewDefinition[] = [
  {
    name: "inspections",
    description:
      "One row per report loaded: identity, overall rating, stated and computed score, every standard's rating side by side, samples, audit errors. Two files of one inspection (its PDF and a text of it) are two rows, the later marked by same_inspection_as: WHERE same_inspection_as IS NULL gives one row per inspection",
    columns: {
      report_id: "reports.id",
      file: "Source file",
      area: "Inspected area",
      service_name: "Service name in the ratings table",
      published: "Publication month (YYYY-MM)",
      fieldwork_start: "Fieldwork start (YYYY-MM)",
      lead_inspector: "Lead inspector",
      reinspection:
        "1 when the report says it is a re-inspection (title, running headers or its own sentence), 0 when not, null when no title was read",
      overall_rating:
        "Overall rating: the ratings table's, else the foreword's or a summary's statement of it",
      stated_score: "Score N/36 as printed",
      computed_score:
        "Sum of the 12 core standards' scores in the ratings table (Inadequate 0 … Outstanding 3); null when the table's rating of any is missing",
      score_agrees: "1 when stated and computed scores agree, 0 when not, null when either is missing",
      standards_edition: "joint-working (2018–2021) or policy-and-provision (with 4.1)",
      ...Object.fromEntries(
        STANDARD_IDS.map((id) => [
          col(id),
          `Rating of standard ${id}: the ratings table's, else (its cell unreadable) its section's or an annex's`,
        ]),
      ),
      ratings_not_from_table:
        "The ratings of this row not read from the ratings table but from the report's restatement of them, where the table's cell could not be read: e.g. 'overall foreword, 2.4 section'; null when every rating shown is the table's",
      samples_court: "Court-disposal cases inspected",
      samples_out_of_court: "Out-of-court cases inspected",
      samples_resettlement: "Resettlement cases inspected",
      audit_errors: "Audit findings of severity error",
      audit_warnings: "Audit findings of severity warning",
      same_inspection_as:
        "reports.id of an earlier-loaded report of the same inspection (same area, and the same fieldwork or publication month, not one a re-inspection and the other not) read from another file; null for the first",
      read_in_part:
        "1 when the report was loaded in part (documents.status 'partial': a part of it could not be read, documents.error names what), else 0: WHERE read_in_part = 0 keeps the reports read whole",
    },
    sql: `SELECT r.id AS report_id, d.file, r.area, r.service_name, r.published, r.fieldwork_start, r.lead_inspector,
  r.reinspection, r.overall_rating, r.stated_score, r.computed_score,
  CASE WHEN r.stated_score IS NULL OR r.computed_score IS NULL THEN NULL
       WHEN r.stated_score = r.computed_score THEN 1 ELSE 0 END AS score_agrees,
  r.standards_edition,
  ${STANDARD_IDS.map((id) => `(SELECT ${STANDARD_RATING} FROM standards s WHERE s.report_id = r.id AND s.id = '${id}') AS ${col(id)}`).join(",\n  ")},
  ${RATINGS_NOT_FROM_TABLE} AS ratings_not_from_table,
  r.samples_court, r.samples_out_of_court, r.samples_resettlement,
  (SELECT count(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS audit_errors,
  (SELECT count(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'warning') AS audit_warnings,
  (SELECT min(o.id) FROM reports o WHERE o.id < r.id AND ${sameInspectionSql("o", "r")}) AS same_inspection_as,
  CASE d.status WHEN 'partial' THEN 1 ELSE 0 END AS read_in_part
FROM reports r JOIN documents d ON d.id = r.document_id`,
  },
  {
    name: "key_question_results",
    description:
      "Key questions in long form: canonical id, theme, standard, domain and percentage (worked out from the counts where only counts are printed, flagged)",
    columns: {
      report_id: "reports.id",
      area: "Inspected area",
      published: "Publication month",
      key_question_id: "Canonical id, e.g. 2.1.1",
      theme: "desistance, keeping the child safe, keeping other people safe (3.4: recommendations, police)",
      standard_id: "Standard, e.g. 2.1",
      standard_name: "Standard name",
      domain: "Court disposals or Out-of-court disposals",
      standard_rating: "The standard's rating: the ratings table's, else its section's or an annex's",
      source: "body or annex",
      text: "Question as printed",
      percent: "Percentage 'Yes': printed, or 100·yes/relevant rounded to 0.1",
      percent_computed: "1 when percent was worked out from counts",
      relevant: "Relevant cases (count tables)",
      yes: "'Yes' answers (count tables)",
      line: "Source line",
      page: "Source page (PDF)",
    },
    sql: `SELECT r.id AS report_id, r.area, r.published, k.id AS key_question_id, ${THEME} AS theme,
  k.standard_id, s.name AS standard_name, s.domain, ${STANDARD_RATING} AS standard_rating, k.source, k.text,
  COALESCE(k.percent, CASE WHEN k.relevant > 0 THEN round(100.0 * k.yes / k.relevant, 1) END) AS percent,
  CASE WHEN k.percent IS NULL AND k.relevant > 0 THEN 1 ELSE 0 END AS percent_computed,
  k.relevant, k.yes, k.provenance_line AS line, k.provenance_page AS page
FROM key_questions k JOIN reports r ON r.id = k.report_id
LEFT JOIN standards s ON s.report_id = k.report_id AND s.id = k.standard_id`,
  },
  {
    name: "prompt_results",
    description:
      "Prompts in long form under their key question, with the percentage worked out from counts where needed (flagged)",
    columns: {
      report_id: "reports.id",
      area: "Inspected area",
      key_question_id: "Canonical key question id",
      standard_id: "Standard",
      domain: "Court disposals or Out-of-court disposals",
      position: "Order under the key question",
      label: "Letter as printed, if any",
      text: "Prompt as printed",
      source: "body or annex",
      percent: "Percentage 'Yes': printed, or worked out from counts",
      percent_computed: "1 when percent was worked out from counts",
      relevant: "Relevant cases",
      yes: "'Yes' answers",
      line: "Source line",
      page: "Source page (PDF)",
    },
    sql: `SELECT r.id AS report_id, r.area, p.key_question_id, substr(p.key_question_id, 1, 3) AS standard_id,
  CASE substr(p.key_question_id, 1, 1) WHEN '2' THEN 'Court disposals' ELSE 'Out-of-court disposals' END AS domain,
  p.position, p.label, p.text, p.source,
  COALESCE(p.percent, CASE WHEN p.relevant > 0 THEN round(100.0 * p.yes / p.relevant, 1) END) AS percent,
  CASE WHEN p.percent IS NULL AND p.relevant > 0 THEN 1 ELSE 0 END AS percent_computed,
  p.relevant, p.yes, p.provenance_line AS line, p.provenance_page AS page
FROM prompts p JOIN reports r ON r.id = p.report_id`,
  },
  {
    name: "caseload_facts",
    description: "Contextual and caseload facts in long form, with the inspected area",
    columns: {
      report_id: "reports.id",
      area: "Inspected area",
      published: "Publication month",
      group:
        "population, first_time_entrants, reoffending, age, ethnicity, gender, caseload, offence_type, staffing, caseload_characteristics",
      label: "Column heading of a split, or the printed label",
      subject: "Row heading of a split (e.g. National average)",
      role: "service or comparator",
      value: "The number printed (null when only the label is printed)",
      unit: "percent, count or rate_per_100k",
      line: "Source line",
    },
    sql: `SELECT r.id AS report_id, r.area, r.published, f."group", f.label, f.subject, f.role, f.value, f.unit,
  f.provenance_line AS line
FROM contextual_facts f JOIN reports r ON r.id = f.report_id`,
  },
  {
    name: "report_findings",
    description:
      "Audit findings with their report: rule, severity, what is wrong, the arithmetic and the source line",
    columns: {
      report_id: "reports.id",
      area: "Inspected area",
      file: "Source file",
      rule_id: "Audit rule",
      severity: "error, warning or info",
      standard_id: "Standard concerned",
      question_id: "Key question concerned",
      message: "What is wrong",
      arithmetic: "The check, worked out",
      line: "Line of the first value used",
      page: "Page of the first value used",
      snippet: "Source text of the first value used",
      provenance: "JSON: line, page and snippet of every value used",
    },
    sql: `SELECT r.id AS report_id, r.area, d.file, f.rule_id, f.severity, f.standard_id, f.question_id, f.message,
  f.arithmetic, f.line, f.page, f.snippet, f.provenance
FROM findings f JOIN reports r ON r.id = f.report_id JOIN documents d ON d.id = r.document_id`,
  },
];

export function viewSql(): string[] {
  return VIEWS.flatMap((v) => [`DROP VIEW IF EXISTS "${v.name}"`, `CREATE VIEW "${v.name}" AS\n${v.sql}`]);
}
