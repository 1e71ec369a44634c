// Exports: tidy CSV / JSON / JSONL files, one per table or view, with a header row and the
// columns in schema order; and Datasette metadata carrying the schema's descriptions.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TABLES } from "../schemas/sql.js";
import { VIEWS } from "../schemas/views.js";
import type { Db } from "./db.js";

export type ExportFormat = "csv" | "json" | "jsonl";

/** Every table and view a researcher can export, in documentation order. */
export function exportableNames(): string[] {
  return [...VIEWS.map((v) => v.name), ...TABLES.map((t) => t.name), "meta"];
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportTable(
  db: Db,
  name: string,
  format: ExportFormat,
  dir: string,
): { file: string; rows: number } {
  if (!exportableNames().includes(name)) throw new Error(`no table or view '${name}'`);
  // A stable row order, whatever order the documents were loaded in.
  const order = VIEWS.some((v) => v.name === name) ? "ORDER BY 1, 2, 3" : "ORDER BY 1";
  const stmt = db.prepare(`SELECT * FROM "${name}" ${order}`);
  const columns = stmt.columns().map((c) => c.name);
  const rows = stmt.raw().all() as unknown[][];
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.${format}`);
  const objects = () => rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])));
  if (format === "csv") {
    writeFileSync(
      file,
      `${[columns.map(csvCell).join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\n")}\n`,
    );
  } else if (format === "json") {
    writeFileSync(file, `${JSON.stringify(objects(), null, 2)}\n`);
  } else {
    writeFileSync(
      file,
      objects()
        .map((o) => `${JSON.stringify(o)}\n`)
        .join(""),
    );
  }
  return { file, rows: rows.length };
}

/** Datasette metadata (`datasette yos.sqlite -m metadata.json`): every table's and column's meaning. */
export function datasetteMetadata(databaseName = "yos"): object {
  const tables: Record<string, { description: string; columns: Record<string, string> }> = {};
  for (const t of TABLES) {
    const columns: Record<string, string> = {};
    for (const c of t.columns) {
      const allowed = c.values ? ` Allowed: ${c.values.join(", ")}.` : "";
      columns[c.name] = `${c.description ?? ""}${allowed}`.trim();
    }
    if (t.parent)
      columns[t.parent === "documents" ? "document_id" : "report_id"] = `References ${t.parent}(id)`;
    tables[t.name] = { description: t.description, columns };
  }
  for (const v of VIEWS) tables[v.name] = { description: v.description, columns: v.columns };
  tables.narrative_fts = {
    description:
      "Full-text index (FTS5) of narrative_sections: WHERE narrative_fts MATCH 'speech AND language'",
    columns: { section: "Section title", text: "Section text" },
  };
  tables.meta = {
    description: "How the database was built",
    columns: { key: "tool_version, schema_version, built_at, last_ingest", value: "Value" },
  };
  return {
    title: "Youth offending service inspections",
    description:
      "HMI Probation inspection reports of youth offending services in England and Wales, as data (yos-inspections).",
    license: "OGL-UK-3.0 (the reports); the data derived from them under the same terms",
    license_url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    databases: { [databaseName]: { tables } },
  };
}
