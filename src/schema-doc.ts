// docs/schema.md, generated from the table definitions (themselves derived from the zod
// schemas) and the views: every table and column with its meaning, type and allowed values.
import { TABLES } from "../schemas/sql.js";
import { VIEWS } from "../schemas/views.js";
import { WARNING_CODES } from "../schemas/warning-codes.js";
import { SCHEMA_VERSION } from "./db.js";

function md(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function schemaMarkdown(): string {
  const out: string[] = [
    "# Database schema",
    "",
    `Generated from the record schemas (\`schemas/\`) by \`npm run docs\`; schema version ${SCHEMA_VERSION}`,
    "(`PRAGMA user_version`). Every child table has `report_id` referencing `reports(id)`",
    "(`ON DELETE CASCADE`); provenance columns give the line (and page, for PDF) of the source and",
    "its text. Tables whose records have their own `id` (standards, key questions) key rows by `row_id`.",
    "",
    "## Views",
    "",
  ];
  for (const v of VIEWS) {
    out.push(`### \`${v.name}\``, "", v.description, "", "| column | meaning |", "|---|---|");
    for (const [c, d] of Object.entries(v.columns)) out.push(`| \`${c}\` | ${md(d)} |`);
    out.push("");
  }
  out.push("## Tables", "");
  for (const t of TABLES) {
    out.push(
      `### \`${t.name}\``,
      "",
      t.description,
      "",
      "| column | type | meaning | allowed values |",
      "|---|---|---|---|",
    );
    const key = t.columns.some((c) => c.name === "id") ? "row_id" : "id";
    out.push(`| \`${key}\` | INTEGER | Row key | |`);
    if (t.parent)
      out.push(
        `| \`${t.parent === "documents" ? "document_id" : "report_id"}\` | INTEGER | References \`${t.parent}(id)\` | |`,
      );
    for (const c of t.columns) {
      out.push(
        `| \`${c.name}\` | ${c.sqlType}${c.nullable ? "" : " NOT NULL"} | ${md(c.description ?? "")} | ${c.values ? md(c.values.join(", ")) : ""} |`,
      );
    }
    out.push("");
  }
  out.push(
    "### `narrative_fts`",
    "",
    "FTS5 full-text index of `narrative_sections` (columns `section`, `text`; porter stemming).",
    "Example: `SELECT r.area, n.section FROM narrative_fts JOIN narrative_sections n ON n.id = narrative_fts.rowid JOIN reports r ON r.id = n.report_id WHERE narrative_fts MATCH '\"speech and language\"'`.",
    "",
    "### `meta`",
    "",
    "Key/value: `tool_version`, `schema_version`, `built_at`, `last_ingest` (the files and folders the last ingest was given, as absolute paths).",
    "",
    "## Warning codes",
    "",
    "`warnings.code`: what extraction could not read in a report (the value stays `null`; the",
    "warning's provenance points at the text when there is some). From `schemas/warning-codes.ts`.",
    "",
    "| code | meaning |",
    "|---|---|",
    ...Object.entries(WARNING_CODES).map(([code, meaning]) => `| \`${code}\` | ${md(meaning)} |`),
    "",
  );
  return out.join("\n");
}
