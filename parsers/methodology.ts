import type { MethodologyStatement } from "../schemas/report.js";
// Methodology: the scoring rules as the report's own annex (or footnotes) state them, so that
// the audit can hold the text to the published rules (12 standards, 0-36, the bands).
import { RATING_SCORE } from "./framework.js";
import { type Footnote, type Line, lineOfParts, provenanceOf } from "./lines.js";
import { wrappedRequires } from "./ratings.js";
import { COUNT_WORD, parseCount, plain, ratingAtStart, ratingOnly } from "./text.js";

// Only the scoring sentence ("Each of the 12 standards is scored..."), not "each of the four standards of: ...".
const STANDARDS_COUNT = new RegExp(
  `\\bEach of the ${COUNT_WORD} (?:core )?standards\\b(?=[^.]{0,30}\\bscored\\b)`,
  "gi",
);
const SCALE =
  /\b(?:overall (?:provider )?rating|total score|overall score)\b[^.]{0,40}?\b0\s*(?:-|to)\s*(\d{2})\b/gi;
const RATING_WORDS = "(Outstanding|Good|Requires improvement|Inadequate)";
// A score band's range ("31-36", "0 to 6") and a key-question band's ("Minority: <50%",
// "Too few: 50-64%", "Large majority: 80%+" or "80% or more").
const SCORE_RANGE = String.raw`(\d{1,2})\s*(?:-|to)\s*(\d{1,2})`;
const QUESTION_RANGE = String.raw`(?:Minority|Too few|Reasonable majority|Large majority)\s*:?\s*(?:<\s*(\d{1,3})\s*%|(\d{1,3})\s*(?:-|to)\s*(\d{1,3})\s*%|(\d{1,3})\s*%\s*(?:\+|or more|and above))`;
// "31-36 = Outstanding", "0–6: Inadequate", "0 to 6 = 'Inadequate'"
const SCORE_BAND = new RegExp(String.raw`^${SCORE_RANGE}\s*[=:]?\s*['"]?${RATING_WORDS}`, "i");
/**
 * Score bands within a sentence or a list run into one line, their sign saying what they are:
 * "... as follows: 0–6 = 'Inadequate', 7–18 = 'Requires improvement', ..." (a footnote of the
 * 2021 reports), "- 0-6 = 'Inadequate' - 7-18 = ..." (a page's list as one line). Never part of a
 * longer number ("2019-20").
 */
const SCORE_BANDS_WITHIN = new RegExp(String.raw`(?<![\d.,])${SCORE_RANGE}\s*=\s*['"]?${RATING_WORDS}`, "gi");
// "Minority: <50% Inadequate", "Large majority: 80%+ Outstanding"
const QUESTION_BAND = new RegExp(String.raw`^${QUESTION_RANGE}\s*[=:]?\s*['"]?${RATING_WORDS}`, "i");
/** A band's range alone in its cell, its rating in a column of its own. */
const SCORE_RANGE_CELL = new RegExp(`^${SCORE_RANGE}$`);
const QUESTION_RANGE_CELL = new RegExp(`^${QUESTION_RANGE}$`, "i");

/** The statement a band's range (the groups of SCORE_RANGE or QUESTION_RANGE) and rating make. */
function bandStatement(
  kind: "score-band" | "question-band",
  range: RegExpMatchArray,
  ratingText: string,
  line: Line,
): MethodologyStatement {
  const rating = ratingAtStart(ratingText)?.rating ?? null;
  const provenance = provenanceOf(line);
  if (kind === "score-band")
    return { kind, count: null, low: Number(range[1]), high: Number(range[2]), rating, provenance };
  const [low, high] = range[1]
    ? [0, Number(range[1]) - 1]
    : range[2]
      ? [Number(range[2]), Number(range[3])]
      : [Number(range[4]), null];
  return { kind, count: null, low: low ?? null, high: high ?? null, rating, provenance };
}

/** "Requires" alone in its cell, "improvement" on the next line: one rating wrapped in two. */
const requiresWrapped = (line: Line | undefined, next: Line | undefined) =>
  line !== undefined &&
  line.cells.length === 1 &&
  /^requires$/i.test(line.flat) &&
  wrappedRequires(line.flat, next) !== null;

/**
 * `count` ratings a line each from `r`, a rating wrapped in its cell ("Requires" / "improvement")
 * one rating of two lines (`wrapped`).
 */
function ratingsFrom(lines: Line[], r: number, count: number): (Line & { wrapped?: true })[] {
  const ratings: (Line & { wrapped?: true })[] = [];
  for (let k = r; ratings.length < count && k < lines.length; k++) {
    const line = lines[k] as Line;
    const next = lines[k + 1];
    if (requiresWrapped(line, next)) {
      const rest = next as Line;
      ratings.push({ ...lineOfParts(line, [line, rest], [`${line.flat} ${rest.flat}`], " "), wrapped: true });
      k++;
    } else ratings.push(line);
  }
  return ratings;
}

/** A band's rating's place from the lowest up (Inadequate 0 ... Outstanding 3); none, -9. */
const scoreOf = (rating: string | null | undefined) =>
  RATING_SCORE[rating as keyof typeof RATING_SCORE] ?? -9;

/**
 * Band tables written a column at a time (pdfminer's boxes, pdftotext of rows set close): the
 * ranges a cell a line ("Minority: <50%" ... "Large majority: 80%+", or "0-6" ... "31-36"),
 * perhaps the ratings' heading ("Rating (standard)"), then exactly as many ratings a line each:
 * zipped in order.
 */
function bandColumns(lines: Line[], rowBands: MethodologyStatement[]): MethodologyStatement[] {
  const out: MethodologyStatement[] = [];
  // (A range's cell is short: most lines are let by on their length.)
  const alone = (line: Line | undefined, re: RegExp) =>
    line !== undefined && line.cells.length === 1 && line.flat.length <= 40 && re.test(plain(line.flat));
  const rating = (line: Line | undefined) =>
    line !== undefined && line.cells.length === 1 && ratingOnly(line.flat) !== null;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] as Line;
    const kind = alone(first, SCORE_RANGE_CELL)
      ? "score-band"
      : alone(first, QUESTION_RANGE_CELL)
        ? "question-band"
        : null;
    if (!kind) continue;
    const re = kind === "score-band" ? SCORE_RANGE_CELL : QUESTION_RANGE_CELL;
    let j = i;
    while (alone(lines[j + 1], re) && (lines[j + 1] as Line).line - (lines[j] as Line).line <= 2) j++;
    const ranges = lines.slice(i, j + 1);
    // (The ratings' heading, one line, may stand between the columns.)
    let r = j + 1;
    if (!rating(lines[r]) && (rating(lines[r + 1]) || requiresWrapped(lines[r + 1], lines[r + 2]))) r++;
    const ratings = ratingsFrom(lines, r, ranges.length);
    i = j;
    if (ranges.length < 2 || ratings.length < ranges.length || !ratings.every((l) => rating(l))) continue;
    // (No more ratings after them, not even one with something after its word.)
    const after = lines[r + ranges.length + ratings.filter((l) => l.wrapped).length];
    if (after?.cells.length === 1 && ratingAtStart(after.flat)) continue;
    if ((ratings[0] as Line).line - (ranges[ranges.length - 1] as Line).line > 4) continue;
    const bands = ranges.map((range, k) => {
      const ratingLine = ratings[k] as Line;
      const both = lineOfParts(range, [range, ratingLine], [range.flat, ratingLine.flat]);
      return bandStatement(kind, plain(range.flat).match(re) as RegExpMatchArray, ratingLine.flat, both);
    });
    // A band table whole: its ranges from 0 up, each starting where the one before ends (a first
    // range joined to the heading above it leaves the column a row short, out of step). Or the
    // rest of one whose first rows were read a row at a time: from where the last of those ends,
    // its rating the next up ("Too few: 50-64%" / "Requires improvement", then "Reasonable
    // majority: 65-79%" / "Large majority: 80%+" / "Good" / "Outstanding", pdfminer's boxes).
    const before = rowBands.find(
      (b) =>
        b.kind === kind &&
        b.high !== null &&
        b.high + 1 === bands[0]?.low &&
        scoreOf(b.rating) + 1 === scoreOf(bands[0]?.rating),
    );
    const inStep = bands.every((b, k) =>
      k === 0 ? b.low === 0 || before !== undefined : b.low === (bands[k - 1]?.high ?? -2) + 1,
    );
    const ratingsUp = bands.every(
      (b, k) => k === 0 || scoreOf(b.rating) === scoreOf(bands[k - 1]?.rating) + 1,
    );
    if (inStep && (before === undefined || ratingsUp)) out.push(...bands);
  }
  return out;
}

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

const isRangeCell = (line: Line | undefined) =>
  line !== undefined &&
  (SCORE_RANGE_CELL.test(plain(line.flat)) || QUESTION_RANGE_CELL.test(plain(line.flat)));

/**
 * The rest of a band's rating wrapped in its cell, which the line at `k` lacks: "improvement"
 * ("Too few: 50-64% Requires" / "improvement"), or the whole rating after a range alone ("Too
 * few: 50-64%" / "Requires" / "improvement"), unless that range is one of a column of them
 * (whose ratings follow the column: `bandColumns`).
 */
function wrappedRatingAfter(lines: Line[], k: number): string {
  const [line, next] = [lines[k] as Line, lines[k + 1]];
  if (wrappedRequires(line.flat, next)) return " improvement";
  return isRangeCell(line) && !isRangeCell(lines[k - 1]) && requiresWrapped(next, lines[k + 2])
    ? " Requires improvement"
    : "";
}

export function parseMethodology(lines: Line[], footnotes: Footnote[]): MethodologyStatement[] {
  const out: MethodologyStatement[] = [];
  const all = [...lines, ...footnotes.map((f) => ({ ...f.line, flat: f.text }))].sort(
    (a, b) => a.line - b.line,
  );
  for (const [k, line] of all.entries()) {
    if (!mayStateMethod(line.flat) || !METHOD_WORD.test(line.flat)) continue;
    const text = plain(`${line.flat}${wrappedRatingAfter(all, k)}`);
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
    if (band) out.push(bandStatement("score-band", band, band[3] as string, line));
    // (More after it, or within the line: only where its sign says so.)
    if (text.includes("="))
      for (const m of text.matchAll(SCORE_BANDS_WITHIN))
        if (!band || (m.index as number) > 0) out.push(bandStatement("score-band", m, m[3] as string, line));
    const q = text.match(QUESTION_BAND);
    if (q) out.push(bandStatement("question-band", q, q[5] as string, line));
  }
  return [...out, ...bandColumns(lines, out)];
}
