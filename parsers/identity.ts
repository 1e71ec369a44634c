// Identity: the inspected area (cover), publication month, lead inspector.

import type { Provenance, ReportWarning } from "../schemas/report.js";
import { type Line, provenanceOf } from "./lines.js";
import { MONTH_WORD, plain, yearMonth } from "./text.js";

export interface Identity {
  area: string | null;
  published: string | null;
  leadInspector: string | null;
  provenance: Record<string, Provenance>;
  warnings: ReportWarning[];
}

const COVER = /^An inspection of youth (?:offending|justice) services? in\s*(.*)$/i;
const PUBLISHED = new RegExp(`^HM Inspectorate of Probation,?\\s+${MONTH_WORD}\\s+(\\d{4})$`, "i");
const LEAD =
  /\bled by (?:HM |Her Majesty's )?Inspector,?\s+([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,3})/;
// "led by Jane Doe, HM Inspector"
const LEAD_AFTER =
  /\bled by ([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){1,3}),?\s+(?:HM|Her Majesty's) Inspector\b/;
const PUBLISHED_LABEL = new RegExp(
  `\\b(?:Published|Publication date)\\s*:?\\s*(?:\\d{1,2}\\s+)?${MONTH_WORD}\\s+(\\d{4})`,
  "i",
);

export function parseIdentity(lines: Line[]): Identity {
  const out: Identity = { area: null, published: null, leadInspector: null, provenance: {}, warnings: [] };
  const head = lines.slice(0, 80);
  for (let i = 0; i < head.length && out.area === null; i++) {
    const m = plain((head[i] as Line).flat).match(COVER);
    if (!m) continue;
    const rest = (m[1] as string).trim();
    const areaLine = rest ? (head[i] as Line) : head[i + 1];
    const area = rest || (areaLine ? plain(areaLine.flat) : "");
    if (area && areaLine) {
      out.area = area;
      out.provenance.area = provenanceOf(areaLine);
    }
  }
  for (const line of head) {
    const m = plain(line.flat).match(PUBLISHED) ?? plain(line.flat).match(PUBLISHED_LABEL);
    if (m) {
      out.published = yearMonth(m[1] as string, m[2] as string);
      out.provenance.published = provenanceOf(line);
      break;
    }
  }
  for (const line of lines.slice(0, 400)) {
    const m = plain(line.flat).match(LEAD) ?? plain(line.flat).match(LEAD_AFTER);
    if (m) {
      out.leadInspector = (m[1] as string).replace(/[.,]$/, "");
      out.provenance.leadInspector = provenanceOf(line);
      break;
    }
  }
  if (!out.area)
    out.warnings.push({
      code: "area-missing",
      message: "The cover names no inspected area",
      provenance: null,
    });
  if (!out.published)
    out.warnings.push({
      code: "published-missing",
      message: "The cover prints no publication month",
      provenance: null,
    });
  if (!out.leadInspector)
    out.warnings.push({
      code: "lead-inspector-missing",
      message: "No 'led by HM Inspector' statement was found",
      provenance: null,
    });
  return out;
}
