// Ratings: the ratings table (service name, fieldwork start, score, overall rating, one row
// per standard), each standard section's own rating and discretion note, annex restatements.

import type { Provenance, RatingStatement, ReportWarning, Standard } from "../schemas/report.js";
import { NOTE_START } from "./footnotes.js";
import { type Rating, type StandardDefinition, type StandardsEdition, standardsOf } from "./framework.js";
import { type Footnote, type Line, provenanceOf, provenanceThrough, withNextLine } from "./lines.js";
import {
  RATINGS_HEADING,
  type Segments,
  type StandardHeading,
  isOverallRatingLine,
  standardHeading,
} from "./segment.js";
import {
  AREA_NAME_ALONE,
  MONTH_ABBREVIATED,
  SERVICE_WORDS,
  joinWrapped,
  ratingAtEnd,
  ratingAtStart,
  ratingOnly,
  yearMonth,
} from "./text.js";

export interface FoundRating {
  rating: Rating;
  marker: string | null;
  line: Line;
  /** The rating's last line where its words run on past `line` ("Requires" / "improvement"). */
  through?: Line;
}

/** A table row's first cell that is a number, a standard's or what is left of one: "24 —", "3.4°", "32". */
const DAMAGED_ROW_NUMBER = /^\d{1,2}(?:[.,]\d{1,2})?[.,]?\s*[^\w\s%]{0,2}$/;

/** The rating a heading states, on its own line or within the next few lines. */
export function ratingNear(lines: Line[], heading: StandardHeading, end: number): FoundRating | null {
  const first = heading.line;
  const onHeading = ratingAtStart(heading.rest);
  if (onHeading && !/^[a-z]/.test(onHeading.rest.trim())) {
    const marker = onHeading.rest.trim().match(/^(\*+|†+)/)?.[1] ?? first.markers[0] ?? null;
    return { rating: onHeading.rating, marker, line: first };
  }
  const closing = ratingAtEnd(heading.rest);
  if (closing)
    return { rating: closing.rating, marker: closing.marker ?? first.markers[0] ?? null, line: first };
  // "1.1\tGovernance and leadership\tRequires" / "\timprovement": the cell wrapped.
  const wrapped = wrappedRequires(heading.rest, lines[first.index + 1]);
  if (wrapped)
    return {
      rating: "Requires improvement",
      marker: wrapped.marker ?? first.markers[0] ?? null,
      line: first,
      through: lines[first.index + 1],
    };
  const stop = Math.min(end, first.index + 7);
  for (let i = first.index + 1; i < stop; i++) {
    const line = lines[i] as Line;
    if (/^Our rating\b/i.test(line.flat)) return ratingAfterQuestionList(lines, i, end);
    if (/^(In making a judgement|Strengths|Key (staffing )?data|Standards and key)/i.test(line.flat)) break;
    const other = standardHeading(line);
    if (other && other.id !== heading.id) break;
    // Another row of the table, its number too damaged to tell whose ("24 —\tReviewng\tInadequate",
    // OCR of a scan): its rating is its own.
    if (
      line.cells.length > 1 &&
      DAMAGED_ROW_NUMBER.test(line.cells[0] ?? "") &&
      ratingOnly(line.cells[line.cells.length - 1] ?? "")
    )
      break;
    // "Requires" / "...prose beside it." / "improvement": the rating cell written a line at a time,
    // its first word alone or in the prose, capitalised, where the prose's first line ended ("...
    // responsive service Requires" / "for all children." / "improvement", the prose's lines joined).
    // (Or its second word in a cell of its own beside the joined prose, as -layout writes it.)
    const requiresInProse = /\sRequires(?:$|\s+[a-z])/.test(line.cells[0] ?? "");
    if (/^requires$/i.test(line.flat) || (line.cells.length === 1 && requiresInProse)) {
      // (Its second word alone, or a cell of its own among the prose's words that the
      // normaliser set beside it: "enabling ... for all" / "improvement" / "children.".)
      const rest = [lines[i + 1], lines[i + 2]].find(
        (l) =>
          l &&
          (IMPROVEMENT_ALONE.test(l.flat) ||
            (l.cells.length > 1 && l.cells.some((c) => IMPROVEMENT_ALONE.test(c)))),
      );
      if (rest)
        return { rating: "Requires improvement", marker: rest.markers[0] ?? null, line, through: rest };
    }
    const besideProse =
      requiresInProse && line.cells.length === 2 ? (line.cells[1] as string).match(IMPROVEMENT_ALONE) : null;
    if (besideProse)
      return { rating: "Requires improvement", marker: besideProse[1] ?? line.markers[0] ?? null, line };
    // ... or the prose's lines and the cell's run into one line, the cell's second word after
    // the prose's full stop ("... a high-quality, Requires personalised ... for all children.
    // improvement", a paragraph a line, the cells' tabs kept or not).
    const afterProse = /\sRequires\s+[a-z]/.test(line.flat) ? IMPROVEMENT_CLOSING.exec(line.flat) : null;
    if (afterProse)
      return { rating: "Requires improvement", marker: afterProse[1] ?? line.markers[0] ?? null, line };
    const only = ratingOnly(line.flat);
    if (only) return { rating: only.rating, marker: only.marker ?? line.markers[0] ?? null, line };
    const last = line.cells[line.cells.length - 1] ?? "";
    if (line.cells.length > 1) {
      const cellRating = ratingOnly(last);
      if (cellRating)
        return { rating: cellRating.rating, marker: cellRating.marker ?? line.markers[0] ?? null, line };
      // Two-column layout: "...statement\tRequires" / "...statement\timprovement".
      const wrappedCell = /^requires$/i.test(last) ? wrappedRequires(last, lines[i + 1]) : null;
      if (wrappedCell)
        return { rating: "Requires improvement", marker: wrappedCell.marker, line, through: lines[i + 1] };
    }
    // "...a high-quality, Requires" / "...for all children. improvement": a single space
    // between the prose and its wrapped rating cell.
    const wrappedAfterProse = line.cells.length === 1 ? wrappedRequires(line.flat, lines[i + 1]) : null;
    if (wrappedAfterProse)
      return {
        rating: "Requires improvement",
        marker: wrappedAfterProse.marker,
        line,
        through: lines[i + 1],
      };
    const atEnd = ratingAtEnd(line.flat);
    if (atEnd && /[.]\s*$/.test(atEnd.before)) return { rating: atEnd.rating, marker: atEnd.marker, line };
  }
  return null;
}

/**
 * The section's rating box written after the list of key questions that "Our rating ... is based
 * on the following key questions:" opens, a text box at a time (pdfminer): "Does assessment ...
 * keep the child safe?" / "Good" / "% 'Yes'". A rating alone (or "Requires" / "improvement")
 * among the questions, before any figure or the figures' heading.
 */
function ratingAfterQuestionList(lines: Line[], ourRating: number, end: number): FoundRating | null {
  const stop = Math.min(end, ourRating + 9);
  for (let i = ourRating + 1; i < stop; i++) {
    const line = lines[i] as Line;
    if (/%|\d/.test(line.flat) || standardHeading(line)) return null;
    const only = ratingOnly(line.flat);
    if (only) return { rating: only.rating, marker: only.marker ?? line.markers[0] ?? null, line };
    const next = lines[i + 1];
    if (/^requires$/i.test(line.flat) && next && IMPROVEMENT_ALONE.test(next.flat))
      return { rating: "Requires improvement", marker: next.markers[0] ?? null, line, through: next };
    if (!line.flat.endsWith("?")) return null;
  }
  return null;
}

/** The second word of a wrapped "Requires improvement", alone (with the rating's marker, if any). */
const IMPROVEMENT_ALONE = /^improvement\s*(\*+|†+)?\W*$/i;
/**
 * A wrapped "Requires improvement"'s second word closing a line: alone, or after the sentence
 * beside it, a space between or none ("... for all children. improvement", "...children.improvement").
 */
const IMPROVEMENT_CLOSING = /(?:^|[.!?]\s*)improvement\s*(\*+|†+)?[^\w\s]*$/i;

/**
 * "Requires" closing `text` and "improvement" closing the next line: a rating cell wrapped over
 * two lines. Gives the marker printed after "improvement" ("improvement*"), if any.
 */
export function wrappedRequires(text: string, next: Line | undefined): { marker: string | null } | null {
  if (!next || !/(?:^|\s|[,;])requires\s*$/i.test(text)) return null;
  // Its own cell, or (a single space for the column gap, or none, as pdf-parse 1.x glues cells)
  // after the sentence beside it: "... a high-quality,Requires" / "... for all children.improvement".
  const m = IMPROVEMENT_CLOSING.exec(next.cells[next.cells.length - 1] ?? "");
  return m ? { marker: m[1] ?? next.markers[0] ?? null } : null;
}

export interface RatingsTable {
  serviceName: string | null;
  fieldworkStart: string | null;
  overallRating: Rating | null;
  statedScore: number | null;
  rows: Map<
    string,
    {
      heading: StandardHeading;
      rating: Rating | null;
      marker: string | null;
      notRated: boolean;
      /** Where the row's rating was read, when it was. */
      found: FoundRating | null;
    }
  >;
  provenance: Record<string, Provenance>;
  warnings: ReportWarning[];
}

const SERVICE_NAME = new RegExp(`^(.*?\\b${SERVICE_WORDS})\\b`, "i");
const ONLY_SERVICE_WORDS = new RegExp(`^\\s*${SERVICE_WORDS}\\s*$`, "i");
// "Fieldwork started: April 2022", "Fieldwork started 10th October 2022", "Fieldwork started Sept 2022"
const FIELDWORK = new RegExp(
  `Fieldwork started:?\\s*(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH_ABBREVIATED}\\s+(\\d{4})`,
  "i",
);
/** A standard's row that withholds a rating: "Not rated", "Not applicable", "N/A", "No rating". */
const NOT_RATED = /^(?:not rated|not applicable|n\/a|no rating|not inspected|unrated)\b/i;

/**
 * A sentence saying resettlement (4.1) was not rated, as where there were no resettlement cases:
 * "We did not rate resettlement ...", "... so resettlement was not rated", "no rating was given".
 * Read only where 4.1 has no rating anywhere: a methodology annex that explains the rule in
 * general says as much.
 */
const RESETTLEMENT_NOT_RATED =
  /\b(?:not (?:been )?rated|did not rate|no (?:resettlement )?rating\b|not given a rating)/i;

const SERVICE_WORDS_ANYWHERE = new RegExp(`\\b${SERVICE_WORDS}`, "gi");

/**
 * The name once where its cell ran into a (damaged) copy of itself, the gap between them lost:
 * "North Somerset Youth Offending Servicenerset Youth Offending Service" is "North Somerset Youth
 * Offending Service". No word follows a service's words without a gap ("Services" is read whole),
 * so a letter glued to them, with the service's words again after it, is another cell's text.
 */
export function withoutGluedRepeat(name: string): string {
  for (const m of name.matchAll(SERVICE_WORDS_ANYWHERE)) {
    const end = (m.index as number) + m[0].length;
    if (end < name.length && /[a-z]/i.test(name[end] as string)) return name.slice(0, end);
  }
  return name;
}

export function parseRatingsTable(lines: Line[], seg: Segments): RatingsTable {
  const out: RatingsTable = {
    serviceName: null,
    fieldworkStart: null,
    overallRating: null,
    statedScore: null,
    rows: new Map(),
    provenance: {},
    warnings: [],
  };
  if (seg.ratingsStart === null || seg.ratingsEnd === null) {
    out.warnings.push({
      code: "ratings-table-missing",
      message: "No ratings table (an 'Overall rating' row or a run of standard rows) was found",
      provenance: null,
    });
    return out;
  }
  const start = seg.ratingsStart;
  const end = seg.ratingsEnd;

  // The service name heads the table, above its first row.
  for (let i = start; i < (seg.overallLine ?? end) && out.serviceName === null; i++) {
    const line = lines[i] as Line;
    if (standardHeading(line)) break;
    // "Blackburn with Darwen Youth Justice" / "Service Fieldwork started ...", "North Somerset
    // Youth" / "Offending Service": the name's cell wrapped (the score's cell, centred beside
    // it, may stand between its lines: "... Youth Justice" / "Score 29/36" / "Service ...").
    const below = /^Score\b/i.test(lines[i + 1]?.cells[0] ?? "") ? lines[i + 2] : lines[i + 1];
    const nextCell = below?.cells[0] ?? "";
    // (Its words may have a damaged copy of the name glued on: "Offending Servicenerset Youth ...".)
    const afterYouthWord = nextCell.match(/^(?:Services?|Teams?)(?=\b|[a-z]+ Youth\b)/)?.[0];
    const afterYouth = nextCell.match(
      /^(?:Offending|Justice) (?:Services?|Teams?)(?=\b|[a-z]+ Youth\b)/,
    )?.[0];
    for (const [k, written] of line.cells.entries()) {
      const cell =
        afterYouthWord && /\byouth (?:offending|justice)$/i.test(written)
          ? `${written} ${afterYouthWord}`
          : afterYouth && /\byouth$/i.test(written)
            ? `${written} ${afterYouth}`
            : written;
      const m = cell.match(SERVICE_NAME);
      if (m && !/^Service:/i.test(cell)) {
        // (The service's words alone, the area's name in the cell before: a gap between words
        // taken for a column's, "North Somerset" / "Youth Offending Service", as OCR spaces them.)
        const area = k > 0 && ONLY_SERVICE_WORDS.test(m[1] as string) ? line.cells[k - 1] : undefined;
        const name = withoutGluedRepeat((m[1] as string).trim());
        out.serviceName = `${area && AREA_NAME_ALONE.test(area) ? `${area} ` : ""}${name}`;
        out.provenance.serviceName = provenanceOf(line);
        break;
      }
    }
  }

  // "Fieldwork started: April 2022", possibly with the month on a later line.
  for (let i = start; i < Math.min(end + 2, lines.length); i++) {
    const line = lines[i] as Line;
    if (!/Fieldwork started/i.test(line.flat)) continue;
    const window = [line, lines[i + 1], lines[i + 2]].filter(Boolean) as Line[];
    // (The fewest lines that give the month: the snippet shows it, "Fieldwork started:" / "July 2019".)
    for (let taken = 1; taken <= window.length; taken++) {
      const parts = window.slice(0, taken);
      const m = parts
        .map((l) => l.flat)
        .join(" ")
        .match(FIELDWORK);
      const month = m ? yearMonth(m[1] as string, m[2] as string) : null;
      if (!month) continue;
      out.fieldworkStart = month;
      out.provenance.fieldworkStart = provenanceThrough(lines, line, i + taken - 1);
      break;
    }
    break;
  }

  if (seg.overallLine === null) {
    out.warnings.push({
      code: "overall-row-missing",
      message: "The ratings table was found by its standard rows; it has no legible 'Overall rating' row",
      provenance: provenanceOf(lines[start] as Line),
    });
  } else readOverallRow(lines, seg.overallLine, out);

  for (let i = start; i < end; i++) {
    const line = lines[i] as Line;
    const heading = standardHeading(line);
    if (!heading || out.rows.has(heading.id)) continue;
    let found = ratingNear(lines, heading, Math.min(end + 1, lines.length));
    // A rating alone on the line after this row's: the table's cells were read out of their rows
    // (pdftotext's reading order can put one row's rating after a later row's), and which of the
    // two is this standard's is unknown. Left unread rather than guessed.
    const stray = found ? lines[found.line.index + 1] : undefined;
    if (found && stray && ratingOnly(stray.flat) && !standardHeading(stray)) {
      out.warnings.push({
        code: "rating-ambiguous",
        message: `Standard ${heading.id}'s row in the ratings table is followed by another rating ('${stray.flat}'): its cells were read out of order, and its rating is not read from the table`,
        provenance: provenanceOf(stray),
      });
      found = null;
    }
    const notRated = !found && NOT_RATED.test(heading.rest.replace(/^[\s.:;-]+/, ""));
    out.rows.set(heading.id, {
      heading,
      rating: found?.rating ?? null,
      marker: found?.marker ?? null,
      notRated,
      found,
    });
  }

  // "Score 8/36", "Score\t29/36", "Score 29 out of 36", or "Score" with the figure a few lines on.
  let scoreLabel: Line | null = null;
  for (let i = start; i < Math.min(end + 6, lines.length); i++) {
    const line = lines[i] as Line;
    const m = line.flat.match(/\b(\d{1,2})\s*(?:\/|out of)\s*36\b/);
    if (m && (scoreLabel || /score/i.test(line.flat))) {
      const score = Number(m[1]);
      if (score > 36) {
        out.warnings.push({
          code: "score-out-of-range",
          message: `A score of ${score}/36 is impossible and was not read`,
          provenance: provenanceOf(line),
        });
        scoreLabel = line;
        break;
      }
      out.statedScore = score;
      out.provenance.statedScore = provenanceOf(line);
      break;
    }
    if (/\bscore\b/i.test(line.flat)) scoreLabel = line;
  }
  if (out.statedScore === null) {
    out.warnings.push(
      scoreLabel
        ? {
            code: "score-missing",
            message: "The ratings table has a 'Score' label but no legible N/36 figure",
            provenance: provenanceOf(scoreLabel),
          }
        : {
            code: "score-not-printed",
            message: "The report prints no 'Score N/36' (usual before 2020)",
            provenance: null,
          },
    );
  }
  return out;
}

/** The "Overall rating" row's rating: in its own cells, at its end, or on the line after it. */
function readOverallRow(lines: Line[], overallLine: number, out: RatingsTable): void {
  const overall = lines[overallLine] as Line;
  const overallCells = overall.cells.slice(1);
  let overallFound: { rating: Rating; line: Line } | null = null;
  for (const cell of [overallCells.join(" "), ...overallCells]) {
    const r = ratingAtStart(cell) ?? ratingAtEnd(cell);
    if (r) {
      overallFound = { rating: r.rating, line: overall };
      break;
    }
  }
  if (!overallFound) {
    const atEnd = ratingAtEnd(overall.flat);
    if (atEnd) overallFound = { rating: atEnd.rating, line: overall };
  }
  if (!overallFound) {
    const next = lines[overallLine + 1];
    const only = next ? ratingOnly(next.flat) : null;
    if (next && only) overallFound = { rating: only.rating, line: next };
    else if (wrappedRequires(overall.flat, next))
      overallFound = { rating: "Requires improvement", line: overall };
  }
  if (overallFound) {
    out.overallRating = overallFound.rating;
    out.provenance.overallRating = provenanceOf(overallFound.line);
  } else {
    out.warnings.push({
      code: "overall-rating-missing",
      message: "The ratings table has an 'Overall rating' row but no legible rating",
      provenance: provenanceOf(overall),
    });
  }
}

const DISCRETION = /professional discretion|ratings panel|discretion (?:was|has been) (?:applied|exercised)/i;
/**
 * Whether a text explains a rating by discretion. It runs on nearly every line of the standards'
 * sections: a one-word test first, which V8 scans for three times as fast as the alternation.
 */
const explainsDiscretion = (text: string) => /discretion|panel/i.test(text) && DISCRETION.test(text);

/**
 * Footnote or in-section text that explains a rating moved by professional discretion. Found by
 * the section rather than by the rating's marker (a marker the converter lost, or an OCR engine
 * misread: "Good”"), a note opening with its own number gives that number as the marker.
 */
function discretionFor(
  lines: Line[],
  footnotes: Footnote[],
  section: { start: number; end: number } | undefined,
  markers: (string | null)[],
): { note: string; line: Line; marker: string | null } | null {
  for (const marker of markers) {
    if (!marker) continue;
    const note = footnotes.find((f) => f.marker === marker && explainsDiscretion(f.text));
    if (note) return { note: note.text, line: note.line, marker };
    const runOn = noteRunOn(
      lines,
      footnotes.find((f) => f.marker === marker),
    );
    if (runOn && explainsDiscretion(runOn.note)) return { ...runOn, marker };
    if (/^\*+$/.test(marker)) {
      const legend = lines.find((l) => l.flat.startsWith(marker) && explainsDiscretion(l.flat));
      if (legend) return { note: legend.flat, line: legend, marker };
    }
  }
  if (section) {
    for (let i = section.start; i < section.end; i++) {
      const line = lines[i] as Line;
      if (!explainsDiscretion(line.flat)) continue;
      // (Its own number opening its line, where the converter did not set it apart: "20 Planning
      // was judged ...", as a page's foot starts a note.)
      const numbered = NOTE_START.exec(line.flat);
      return numbered
        ? { note: line.flat.slice(numbered[0].length), line, marker: numbered[1] as string }
        : { note: line.flat, line, marker: null };
    }
    const first = (lines[section.start] as Line).line;
    const last = ((lines[section.end - 1] ?? lines[section.start]) as Line).line;
    // (A note on a line the section shares with the one before or after it, as where a page was
    // run into one line, cannot be placed by its line: it is not taken.)
    const shared = (at: number) =>
      (at === first && lines[section.start - 1]?.line === first) ||
      (at === last && lines[section.end]?.line === last);
    const inSection = footnotes.filter(
      (f) =>
        f.line.line >= first && f.line.line <= last && !shared(f.line.line) && explainsDiscretion(f.text),
    );
    // (Its number is not taken for the rating's: a converter writing the notes' numbers apart
    // from their texts, "20" / "21" / then both notes, pairs them by guess.)
    if (inSection[0]) return { note: inSection[0].text, line: inSection[0].line, marker: null };
  }
  return null;
}

/**
 * A note whose first line ended a sentence, its next sentence on the lines straight after it
 * (none blank between), up to the line ending a sentence: "24 Due to the size of the sample,
 * ... the rating for this standard." / "Overall, ... the ratings panel agreed to apply
 * professional discretion to uplift the rating for this" / "standard to Good.", as a browser
 * prints a note where it is referred to. The unwrapper cannot tell such a line from the body's
 * next paragraph; the note's own marker, beside the rating, can.
 */
function noteRunOn(lines: Line[], note: Footnote | undefined): { note: string; line: Line } | null {
  if (!note || !/[.!?]$/.test(note.text)) return null;
  let text = note.text;
  let end = note.line.line;
  for (const line of lines) {
    if (line.line <= end) continue;
    if (line.line !== end + 1 || line.cells.length !== 1) break;
    text = joinWrapped(text, line.flat);
    end = line.line;
    if (/[.!?]$/.test(line.flat)) return { note: text, line: note.line };
  }
  return null;
}

export function detectEdition(lines: Line[]): { edition: StandardsEdition; certain: boolean } {
  for (const line of lines) {
    const h = standardHeading(line);
    if (!h) continue;
    if (h.id === "4.1") return { edition: "policy-and-provision", certain: true };
    if (h.id === "3.4") {
      return {
        edition: h.definition.name === "Joint working" ? "joint-working" : "policy-and-provision",
        certain: true,
      };
    }
  }
  return { edition: "joint-working", certain: false };
}

export function buildStandards(
  lines: Line[],
  footnotes: Footnote[],
  seg: Segments,
  table: RatingsTable,
  edition: StandardsEdition,
): {
  standards: Standard[];
  statements: RatingStatement[];
  warnings: ReportWarning[];
  /** The standards the report says it does not rate. */
  notRated: string[];
} {
  const notRated: string[] = [];
  const standards: Standard[] = [];
  const statements: RatingStatement[] = [];
  const warnings: ReportWarning[] = [];
  const annexRatings = annexStandardRatings(lines, seg);

  for (const def of standardsOf(edition)) {
    const row = table.rows.get(def.id);
    const section = sectionFor(seg, def);
    const sectionFound = section ? ratingNear(lines, section.heading, section.end) : null;
    const annex = annexRatings.get(def.id) ?? null;
    const withheld = row?.rating || sectionFound || annex ? null : notRatedStatement(lines, def, row);
    if (withheld) {
      notRated.push(def.id);
      warnings.push({
        code: "standard-not-rated",
        message: `The report does not rate standard ${def.id} (${def.name}): '${withheld.flat.slice(0, 160)}'`,
        provenance: provenanceOf(withheld),
      });
    }
    const discretion = discretionFor(lines, footnotes, section, [
      row?.marker ?? null,
      sectionFound?.marker ?? null,
    ]);
    const marker = row?.marker ?? sectionFound?.marker ?? discretion?.marker ?? null;
    const rowProvenance = row ? ratingProvenance(lines, row.heading.line, row.found) : null;
    if (!row?.rating && !withheld) {
      warnings.push({
        code: "table-rating-missing",
        message: `Standard ${def.id} (${def.name}) has no rating in the ratings table`,
        provenance: rowProvenance,
      });
    }
    if (withheld) {
      // Nothing is missing: the report says so.
    } else if (!section) {
      warnings.push({
        code: "section-missing",
        message: `No section heading for standard ${def.id} (${def.name}) was found in the body`,
        provenance: null,
      });
    } else if (!sectionFound) {
      warnings.push({
        code: "section-rating-missing",
        message: `The section for standard ${def.id} (${def.name}) states no rating`,
        provenance: provenanceOf(section.heading.line),
      });
    }
    if (row?.rating && rowProvenance) {
      statements.push({
        subject: def.id,
        rating: row.rating,
        where: "ratings-table",
        provenance: rowProvenance,
      });
    }
    if (sectionFound) {
      statements.push({
        subject: def.id,
        rating: sectionFound.rating,
        where: "section",
        provenance: ratingProvenance(lines, sectionFound.line, sectionFound),
      });
    }
    if (annex)
      statements.push({
        subject: def.id,
        rating: annex.rating,
        where: "annex",
        provenance: ratingProvenance(lines, annex.line, annex),
      });
    standards.push({
      id: def.id,
      domain: def.domain,
      name: def.name,
      rating: row?.rating ?? null,
      sectionRating: sectionFound?.rating ?? null,
      annexRating: annex?.rating ?? null,
      marker,
      discretion: discretion !== null,
      discretionNote: discretion?.note ?? null,
      sectionFound: section !== undefined,
      provenance: rowProvenance,
      sectionProvenance: sectionFound ? ratingProvenance(lines, sectionFound.line, sectionFound) : null,
      annexProvenance: annex ? ratingProvenance(lines, annex.line, annex) : null,
      discretionProvenance: discretion ? provenanceOf(discretion.line) : null,
    });
  }
  return { standards, statements, warnings, notRated };
}

/**
 * Where the report says it does not rate a standard: its ratings-table row ("4.1  Resettlement
 * policy and provision  Not rated"), or for resettlement a sentence saying so.
 */
function notRatedStatement(
  lines: Line[],
  def: StandardDefinition,
  row: { heading: StandardHeading; notRated: boolean } | undefined,
): Line | null {
  if (row?.notRated) return row.heading.line;
  if (def.id !== "4.1") return null;
  return (
    lines.find(
      (l) => l.flat.length < 600 && /resettlement/i.test(l.flat) && RESETTLEMENT_NOT_RATED.test(l.flat),
    ) ?? null
  );
}

/**
 * Where a rating was read: from `from` (a table row's first line, or the rating's own) through
 * the line its words end on ("1.1 Governance and" / "leadership" / "Requires" / "improvement").
 */
function ratingProvenance(lines: Line[], from: Line, found: FoundRating | null): Provenance {
  return provenanceThrough(lines, from, (found?.through ?? found?.line ?? from).index);
}

function sectionFor(seg: Segments, def: StandardDefinition) {
  return seg.sections.get(def.id);
}

/** Ratings restated next to standard headings in the annexes (2019 "Inspection results"). */
function annexStandardRatings(lines: Line[], seg: Segments): Map<string, FoundRating> {
  const out = new Map<string, FoundRating>();
  for (const annex of seg.annexes) {
    for (let i = annex.start; i < annex.end; i++) {
      const heading = standardHeading(lines[i] as Line);
      if (!heading || out.has(heading.id)) continue;
      const found = ratingNear(lines, heading, annex.end);
      if (found) out.set(heading.id, found);
    }
  }
  return out;
}

// The subject must name the service, not an aspect of work ("Overall, this aspect of work was
// rated"): capitalised words ("Brighton & Hove", "St. Helens", "Bournemouth, Christchurch and
// Poole", "Achieving for Children") then the service. The rating is read in any case
// ("'requires improvement'").
const OVERALL_STATEMENT =
  /(?:^|[.!?]\s+)Overall,\s+(?:(?:\p{Lu}[\p{L}\p{M}\d_'’&.,-]*|&|and|with|of|for|upon|on|the)\s+){1,12}?(?:YOS|YJS|YOT|YJT|[Yy]outh (?:[Oo]ffending|[Jj]ustice) (?:[Ss]ervices?|[Tt]eams?))(?:\s*\((?:YOS|YJS|YOT|YJT)\))?\s+(?:is|was) rated (?:as)?:?\s*['‘’"“”*]*\s*([A-Za-z]+(?:\s+[A-Za-z]+)?)/u;

/**
 * A standard's rating as a reader takes it, and where it was read: the ratings table's, else (its
 * cell unreadable) its section's, else an annex's. The record keeps the three apart; the summary,
 * the audit and the views (schemas/views.ts, in SQL) take this one.
 */
export function standardRating(
  std: Standard | undefined,
): { rating: Rating; where: "ratings-table" | "section" | "annex" } | null {
  if (std?.rating) return { rating: std.rating, where: "ratings-table" };
  if (std?.sectionRating) return { rating: std.sectionRating, where: "section" };
  if (std?.annexRating) return { rating: std.annexRating, where: "annex" };
  return null;
}

/** A statement of the overall rating whose rating is on the next line. */
const RATED_AS_AT_END = /\b(?:is|was) rated(?: as)?:?\s*['‘’"“”*]*$/;

/** The ratings table's heading ("Ratings", "Summary of ratings") between `from` and `to`. */
function ratingsHeadingAfter(lines: Line[], from: number, to: number): number | null {
  for (let i = from; i < to; i++) if (RATINGS_HEADING.test((lines[i] as Line).flat)) return i;
  return null;
}

/**
 * The overall rating where the ratings table gives none (its row an image, or its cells read out
 * of order): the report's own statement of it ("Overall, X YOS was rated as 'Good'"), the
 * foreword's before a summary's. Statements that disagree give none: which one the table would
 * have agreed with cannot be told (the audit's rating-consistency shows them).
 */
export function overallRatingFromStatements(statements: RatingStatement[]): RatingStatement | null {
  const stated = statements.filter(
    (s) => s.subject === "overall" && (s.where === "foreword" || s.where === "summary"),
  );
  const first = stated.find((s) => s.where === "foreword") ?? stated[0];
  if (!first || stated.some((s) => s.rating !== first.rating)) return null;
  return first;
}

/** "Overall, X is rated as: 'Requires improvement'" in the foreword or summaries. */
export function overallRatingStatements(lines: Line[], seg: Segments): RatingStatement[] {
  const out: RatingStatement[] = [];
  // The foreword ends where the ratings table starts; where that was not found (a converter's
  // text scrambled it), at the table's heading ("Ratings"), or else where the recommendations or
  // the first standard's section start, which come after it.
  const frontMatterEnd =
    seg.ratingsStart ??
    ratingsHeadingAfter(lines, seg.contentsEnd, seg.annexStart) ??
    seg.recommendationsStart ??
    Math.min(lines.length, ...[...seg.sections.values()].map((section) => section.start));
  for (let i = seg.contentsEnd; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!line.flat.includes("Overall,") || isOverallRatingLine(line)) continue;
    // "Overall, Croydon YOS is rated as:" / "Requires improvement. This rating ...": a line
    // ending in a colon is kept apart from the next as a lead-in; the rating is the next line's.
    const next = lines[i + 1];
    const stated = next && RATED_AS_AT_END.test(line.flat) ? withNextLine(line, next) : line;
    const m = stated.flat.match(OVERALL_STATEMENT);
    if (!m) continue;
    const rating = ratingAtStart(m[1] as string)?.rating;
    if (!rating) continue;
    const where = i < frontMatterEnd ? "foreword" : "summary";
    out.push({ subject: "overall", rating, where, provenance: provenanceOf(stated, "Overall,") });
  }
  return out;
}
