// Recommendations: the stated count ("we have made seven recommendations") and the listed
// items, each under the heading naming who should act ("The YOS Management Board should:").

import type { Recommendation, Recommendations, ReportWarning } from "../schemas/report.js";
import { type Line, provenanceOf } from "./lines.js";
import type { Segments } from "./segment.js";
import { COUNT_WORD, parseCount, plain } from "./text.js";

const STATED = new RegExp(`we have made ${COUNT_WORD} recommendations?`, "i");
const END_OF_LIST =
  /^(Background|Introduction|Contextual facts|Contents|Foreword|Executive summary|Ratings|1\.\s*Organisational delivery|Domain one)/i;

export function parseRecommendations(
  lines: Line[],
  seg: Segments,
): { recommendations: Recommendations; warnings: ReportWarning[] } {
  const warnings: ReportWarning[] = [];
  let statedLine: Line | null = null;
  let statedCount: number | null = null;
  for (let i = seg.contentsEnd; i < lines.length; i++) {
    const line = lines[i] as Line;
    const m = plain(line.flat).match(STATED);
    if (m) {
      statedLine = line;
      statedCount = parseCount(m[1] as string);
      break;
    }
  }
  const items: Recommendation[] = [];
  const start = statedLine
    ? statedLine.index + 1
    : seg.recommendationsStart !== null
      ? seg.recommendationsStart + 1
      : null;
  if (start === null) {
    warnings.push({
      code: "recommendations-missing",
      message: "No recommendations section was found",
      provenance: null,
    });
    return { recommendations: { statedCount, statedCountProvenance: null, items }, warnings };
  }
  let addressee: string | null = null;
  let afterAddressee = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = plain(line.flat);
    if (END_OF_LIST.test(text) && text.length < 60) break;
    const who = text.match(/^(.{3,140}?)\s+should:?$/i);
    if (who) {
      addressee = (who[1] as string).trim();
      afterAddressee = true;
      continue;
    }
    const numbered = text.match(/^([1-9]\d?)\.\s+(.+)$/);
    if (numbered) {
      items.push({
        position: items.length + 1,
        number: Number(numbered[1]),
        addressee,
        text: numbered[2] as string,
        provenance: provenanceOf(line),
      });
      afterAddressee = false;
      continue;
    }
    if (/^[a-z]/.test(text)) {
      const last = items[items.length - 1];
      if (afterAddressee || !last) {
        // An item the report printed without its number.
        items.push({
          position: items.length + 1,
          number: null,
          addressee,
          text,
          provenance: provenanceOf(line),
        });
      } else {
        last.text = `${last.text} ${text}`;
      }
      afterAddressee = false;
      continue;
    }
    if (items.length > 0 && text.length > 60) break;
  }
  if (items.some((it) => it.number === null)) {
    warnings.push({
      code: "recommendation-unnumbered",
      message: "A recommendation is printed without its number",
      provenance: items.find((it) => it.number === null)?.provenance ?? null,
    });
  }
  return {
    recommendations: {
      statedCount,
      statedCountProvenance: statedLine ? provenanceOf(statedLine) : null,
      items,
    },
    warnings,
  };
}
