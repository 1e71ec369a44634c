// Questions researchers ask, as SQL over the views. docs/queries.md shows each with its result
// on the bundled corpus (npm run docs); test/docs.test.ts runs every one.
export interface ExampleQuery {
  question: string;
  sql: string;
}

export const QUERIES: ExampleQuery[] = [
  {
    question: "Which services were rated Inadequate on out-of-court assessment (3.1)?",
    sql: `SELECT area, published, overall_rating, rating_3_1
FROM inspections
WHERE rating_3_1 = 'Inadequate'
ORDER BY area;`,
  },
  {
    question: "Average percentage on keeping other people safe, court against out-of-court",
    sql: `SELECT domain, round(avg(percent), 1) AS avg_percent, count(*) AS key_questions,
       sum(percent_computed) AS from_counts
FROM key_question_results
WHERE theme = 'keeping other people safe' AND source = 'body' OR
      theme = 'keeping other people safe' AND source = 'annex'
        AND NOT EXISTS (SELECT 1 FROM key_question_results b
                        WHERE b.report_id = key_question_results.report_id
                          AND b.key_question_id = key_question_results.key_question_id AND b.source = 'body')
GROUP BY domain
ORDER BY domain;`,
  },
  {
    question: "Does each report's stated score agree with its ratings?",
    sql: `SELECT area, stated_score, computed_score, score_agrees, overall_rating
FROM inspections
ORDER BY area;`,
  },
  {
    question: "Which standards are rated differently from the band of their lowest key question, and why?",
    sql: `SELECT area, standard_id, question_id, severity, message
FROM report_findings
WHERE rule_id = 'standard-band'
ORDER BY area, standard_id;`,
  },
  {
    question: "What was each inspection's weakest key question?",
    sql: `SELECT area, key_question_id, theme, percent
FROM key_question_results k
WHERE percent = (SELECT min(percent) FROM key_question_results m WHERE m.report_id = k.report_id)
GROUP BY area, key_question_id
ORDER BY percent, area;`,
  },
  {
    question: "First-time entrant rates: each service against its comparator",
    sql: `SELECT area, role, label, subject, value
FROM caseload_facts
WHERE "group" = 'first_time_entrants'
ORDER BY area, role DESC;`,
  },
  {
    question: "Share of the caseload aged 15–17: service against comparator",
    sql: `SELECT area,
       max(CASE WHEN role = 'service' THEN value END) AS service_percent,
       max(CASE WHEN role = 'comparator' THEN value END) AS comparator_percent
FROM caseload_facts
WHERE "group" = 'age' AND label = '15-17'
GROUP BY area
ORDER BY area;`,
  },
  {
    question: "Which reports mention speech and language needs, and where?",
    sql: `SELECT r.area, n.section
FROM narrative_fts
JOIN narrative_sections n ON n.id = narrative_fts.rowid
JOIN reports r ON r.id = n.report_id
WHERE narrative_fts MATCH '"speech and language"'
ORDER BY r.area, n.section;`,
  },
  {
    question: "Which prompts most often fall below 50%?",
    sql: `SELECT key_question_id, text, count(*) AS below_half, round(avg(percent), 1) AS avg_percent
FROM prompt_results
WHERE percent < 50
GROUP BY key_question_id, text
HAVING count(*) >= 2
ORDER BY below_half DESC, avg_percent
LIMIT 10;`,
  },
  {
    question:
      "How many inspections are loaded, counting once an inspection read from two files (its PDF and a text of it)?",
    sql: `SELECT count(*) AS reports, sum(same_inspection_as IS NULL) AS inspections,
       count(DISTINCT lower(area)) AS areas
FROM inspections;`,
  },
  {
    question:
      "Each inspection over time: is it a re-inspection, and how was its area rated at the inspection before it (where that report is loaded)?",
    // (The publication month, else the fieldwork's: inspections of one area are years apart.)
    sql: `SELECT area, coalesce(published, fieldwork_start) AS month, reinspection, overall_rating,
       (SELECT p.overall_rating FROM inspections p
        WHERE p.area = i.area COLLATE NOCASE AND p.same_inspection_as IS NULL
          AND coalesce(p.published, p.fieldwork_start) < coalesce(i.published, i.fieldwork_start)
        ORDER BY coalesce(p.published, p.fieldwork_start) DESC LIMIT 1) AS rating_before
FROM inspections i
WHERE same_inspection_as IS NULL
ORDER BY area, month;`,
  },
  {
    question:
      "How many cases was each key question judged over, where the methodology states a sub-sample, and how many of them does its percentage make 'Yes'?",
    // (The methodology is often printed twice: each key question once, or once for each size
    // where its places disagree, as the audit rule sub-sample-figures says.)
    sql: `SELECT DISTINCT k.report_id, k.area, k.key_question_id, k.percent, s.size AS cases,
       CAST(round(k.percent * s.size / 100.0) AS INTEGER) AS yes_cases
FROM key_question_results k
JOIN sub_sample_statements s ON s.report_id = k.report_id AND s.key_question_id = k.key_question_id
WHERE k.source = 'body'
ORDER BY k.area, k.key_question_id;`,
  },
  {
    question: "What do the audits find, by rule and severity?",
    sql: `SELECT rule_id, severity, count(*) AS findings, count(DISTINCT area) AS reports
FROM report_findings
GROUP BY rule_id, severity
ORDER BY severity, findings DESC;`,
  },
];
