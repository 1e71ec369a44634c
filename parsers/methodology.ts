import type { MethodologyStatement } from "../schemas/report.js";
// Methodology: the scoring rules as the report's own annex (or footnotes) state them, so that
// the audit can hold the text to the published rules (12 standards, 0-36, the bands).
import { type Footnote, type Line, provenanceOf } from "./lines.js";
import { COUNT_WORD, parseCount, plain, ratingAtStart } from "./text.js";

// Only the scoring sentence ("Each of the 12 standards is scored..."), not "each of the four standards of: ...".
const STANDARDS_COUNT = new RegExp(
  `\\bEach of the ${COUNT_WORD} (?:core )?standards\\b(?=[^.]{0,30}\\bscored\\b)`,
  "gi",
);
const SCALE =
  /\b(?:overall (?:provider )?rating|total score|overall score)\b[^.]{0,40}?\b0\s*(?:-|to)\s*(\d{2})\b/gi;
// "31-36 = Outstanding", "0–6: Inadequate", "0 to 6 = 'Inadequate'"
const SCORE_BAND =
  /^(\d{1,2})\s*(?:-|to)\s*(\d{1,2})\s*[=:]?\s*['"]?(Outstanding|Good|Requires improvement|Inadequate)/i;
// "Minority: <50% Inadequate", "Large majority: 80%+ Outstanding" (or "80% or more")
const QUESTION_BAND =
  /^(?:Minority|Too few|Reasonable majority|Large majority)\s*:?\s*(?:<\s*(\d{1,3})\s*%|(\d{1,3})\s*(?:-|to)\s*(\d{1,3})\s*%|(\d{1,3})\s*%\s*(?:\+|or more|and above))\s*[=:]?\s*['"]?(Outstanding|Good|Requires improvement|Inadequate)/i;

/**
 * A word or range every statement above contains (the scale may say "0 to 36" with no other
 * keyword): the cheap test a line must pass first.
 */
const METHOD_WORD = /standards|scale|score|\d\s*(?:[-–—]|to)\s*\d|majority|minority|too few/i;
/**
 * Cheaper still, and true of every line a statement above can be read from: a band starts the
 * line with its range or its name; the standards' count says "scored"; the scale has a 0 and
 * says "rating" or "score". (It runs on every line; METHOD_WORD then on the few it lets by.)
 */
const mayStateMethod = (text: string) =>
  BAND_START.test(text) || /scored/i.test(text) || (text.includes("0") && /rating|score/i.test(text));
const BAND_START = /^\s*(?:\d|minority|too\s+few|reasonable\s+majority|large\s+majority)/i;

export function parseMethodology(lines: Line[], footnotes: Footnote[]): MethodologyStatement[] {
  const out: MethodologyStatement[] = [];
  const all = [...lines, ...footnotes.map((f) => ({ ...f.line, flat: f.text }))].sort(
    (a, b) => a.line - b.line,
  );
  for (const line of all) {
    if (!mayStateMethod(line.flat) || !METHOD_WORD.test(line.flat)) continue;
    const text = plain(line.flat);
    const provenance = provenanceOf(line);
    for (const m of text.matchAll(STANDARDS_COUNT)) {
      const count = parseCount(m[1] as string);
      if (count !== null)
        out.push({ kind: "standards-count", count, low: null, high: null, rating: null, provenance });
    }
    for (const m of text.matchAll(SCALE)) {
      out.push({ kind: "score-scale", count: null, low: 0, high: Number(m[1]), rating: null, provenance });
    }
    const band = text.match(SCORE_BAND);
    if (band) {
      const rating = ratingAtStart(band[3] as string)?.rating ?? null;
      out.push({
        kind: "score-band",
        count: null,
        low: Number(band[1]),
        high: Number(band[2]),
        rating,
        provenance,
      });
    }
    const q = text.match(QUESTION_BAND);
    if (q) {
      const rating = ratingAtStart(q[5] as string)?.rating ?? null;
      const [low, high] = q[1]
        ? [0, Number(q[1]) - 1]
        : q[2]
          ? [Number(q[2]), Number(q[3])]
          : [Number(q[4]), null];
      out.push({
        kind: "question-band",
        count: null,
        low: low ?? null,
        high: high ?? null,
        rating,
        provenance,
      });
    }
  }
  return out;
}
