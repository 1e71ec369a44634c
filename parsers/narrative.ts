import type { NarrativeSection } from "../schemas/report.js";
// Narrative text of a report by section (front matter, summary, each standard's section), for
// full-text search ("every report that mentions speech and language").
import { type StandardsEdition, standardsOf } from "./framework.js";
import { type Line, provenanceOf } from "./lines.js";
import type { Segments } from "./segment.js";

function section(
  lines: Line[],
  start: number,
  end: number,
  title: string,
  standardId: string | null,
): NarrativeSection | null {
  const part = lines.slice(start, end);
  const first = part[0];
  if (!first) return null;
  const text = part.map((l) => l.flat).join("\n");
  return text.trim() ? { section: title, standardId, text, provenance: provenanceOf(first) } : null;
}

export function parseNarrative(lines: Line[], seg: Segments, edition: StandardsEdition): NarrativeSection[] {
  const out: (NarrativeSection | null)[] = [];
  const firstSection = Math.min(...[...seg.sections.values()].map((s) => s.start), seg.annexStart);
  if (seg.ratingsStart !== null)
    out.push(section(lines, seg.contentsEnd, seg.ratingsStart, "Foreword and overall findings", null));
  const summaryStart = seg.ratingsEnd ?? seg.contentsEnd;
  if (summaryStart < firstSection)
    out.push(section(lines, summaryStart, firstSection, "Summary, recommendations and background", null));
  for (const def of standardsOf(edition)) {
    const s = seg.sections.get(def.id);
    if (s) out.push(section(lines, s.start, s.end, `${def.id} ${def.name}`, def.id));
  }
  return out.filter((s): s is NarrativeSection => s !== null);
}
