// Audit output: a readable report grouped by report and severity, or JSON / CSV / markdown.
import { type Finding, SEVERITIES, SEVERITY_RANK, type Severity } from "../../schemas/finding.js";
import { plural } from "../wording.js";

export type AuditFormat = "text" | "json" | "csv" | "markdown";

function byReport(findings: Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) out.set(f.file, [...(out.get(f.file) ?? []), f]);
  return out;
}

function subject(f: Finding): string {
  return [f.standardId, f.questionId].filter(Boolean).join(" / ");
}

function sources(f: Finding): string[] {
  return f.provenance.map(
    (p) => `${p.page !== null ? `page ${p.page}, ` : ""}line ${p.line}: ${p.snippet.replace(/\t/g, " | ")}`,
  );
}

export function formatText(findings: Finding[], files: string[]): string {
  const out: string[] = [];
  const grouped = byReport(findings);
  for (const file of files) {
    const list = grouped.get(file) ?? [];
    const area = list[0]?.area;
    out.push(
      `${area ? `${area} — ` : ""}${file}: ${list.length === 0 ? "no findings" : plural(list.length, "finding")}`,
    );
    for (const severity of SEVERITIES) {
      const these = list.filter((f) => f.severity === severity);
      if (these.length === 0) continue;
      out.push(`  ${severity.toUpperCase()} (${these.length})`);
      for (const f of these) {
        out.push(`    [${f.ruleId}]${subject(f) ? ` ${subject(f)}:` : ""} ${f.message}`);
        if (f.evidence.arithmetic) out.push(`        check: ${f.evidence.arithmetic}`);
        for (const s of sources(f)) out.push(`        ${s}`);
      }
    }
    out.push("");
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  out.push(
    `${plural(files.length, "report")}: ${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}, ${count("info")} info`,
  );
  return out.join("\n");
}

function csvCell(v: string | null): string {
  const s = v ?? "";
  return /[",\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(findings: Finding[]): string {
  const header = [
    "file",
    "area",
    "severity",
    "rule_id",
    "standard_id",
    "question_id",
    "message",
    "arithmetic",
    "lines",
    "sources",
  ];
  const rows = findings.map((f) =>
    [
      f.file,
      f.area,
      f.severity,
      f.ruleId,
      f.standardId,
      f.questionId,
      f.message,
      f.evidence.arithmetic,
      f.provenance.map((p) => p.line).join(" "),
      sources(f).join(" || "),
    ]
      .map(csvCell)
      .join(","),
  );
  return [header.join(","), ...rows].join("\n");
}

function md(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function formatMarkdown(findings: Finding[], files: string[]): string {
  const out: string[] = ["# Consistency audit", ""];
  const grouped = byReport(findings);
  for (const file of files) {
    const list = [...(grouped.get(file) ?? [])].sort(
      (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
    );
    out.push(`## ${list[0]?.area ?? file}`, "", `Source: \`${file}\``, "");
    if (list.length === 0) {
      out.push("No findings.", "");
      continue;
    }
    out.push(
      "| severity | rule | standard / question | finding | check | source |",
      "|---|---|---|---|---|---|",
    );
    for (const f of list) {
      out.push(
        `| ${f.severity} | \`${f.ruleId}\` | ${subject(f)} | ${md(f.message)} | ${md(f.evidence.arithmetic)} | ${md(f.provenance.map((p) => `line ${p.line}`).join(", "))} |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}

export function formatFindings(format: AuditFormat, findings: Finding[], files: string[]): string {
  if (format === "json") return JSON.stringify(findings, null, 2);
  if (format === "csv") return formatCsv(findings);
  if (format === "markdown") return formatMarkdown(findings, files);
  return formatText(findings, files);
}
