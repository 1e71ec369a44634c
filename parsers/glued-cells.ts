// Glued cells. pdf-parse 1.x, long the usual way to read a PDF's text in Node and still widely
// used, writes the text items pdf.js finds on one baseline one after the other with nothing between
// them, so that a table row's cells run into one another: "2.1AssessmentRequires improvement",
// "Kirklees youth justice serviceScore8/36", "...keep the child safe?59%", "Kirklees YJS65%30%5%",
// "WhiteBlack and minority ethnicUnknown", "267First-time entrant rate", a count table's "...child
// safe?88" (8 relevant cases, 8 'Yes'). Where a text shows that damage on five lines or more, the
// cells are parted again by a tab where one ends and the next begins as those rows print them: a
// figure after a word, a figure after a figure, a label after a figure, a rating after a name, a
// capital word after a lower-case one in a table's heading, and two counts by the order a count
// table gives them (relevant cases, at most 99; 'Yes', at most as many).
import { NUMBER_FIGURE } from "./facts.js";
import { MARKER, RATING, SHARE } from "./run-on-rows.js";
import { countsParted, superscript } from "./text.js";

/** A percentage that follows a word, a question mark or a bracket with nothing between. */
const PERCENT_AFTER_WORD = /(?<=[^\s\d.,%(–\-/])(?=\d{1,3}(?:\.\d)?%)/g;
/** A percentage that follows another. */
const PERCENT_AFTER_PERCENT = /(?<=\d%)(?=\d)/g;
/** A figure opening the line with its label after it: "267First-time", "69 (65%)court disposals", "2.1Assessment". */
const FIGURE_FIRST = new RegExp(
  String.raw`^(\d(?:\.\d)+\.?|(?:${NUMBER_FIGURE.source})(?:${SHARE})?)(?=[A-Za-z])(?!st\b|nd\b|rd\b|th\b)`,
);
/**
 * A rating closing the line after a name or a standard's description: "2.2PlanningInadequate",
 * "Overall ratingRequires improvement", "... for all children.Requires improvement".
 */
const RATING_AFTER_NAME = new RegExp(`(?<=[a-z).])(?=${RATING}\\s*$)`);
/** "Requires" glued to a description's end, its "improvement" wrapped to the next line alone. */
const REQUIRES_AFTER_NAME = /(?<=[a-z).])(?=Requires\s*$)/;

/** "Score" after the service's name, and its figure after it. */
const SCORE = /(?<=[a-z])(?=Score\s*\d)|(?<=Score)(?=\d)/g;
/** In a table's heading or row: a capital word after a word of three letters or more or a bracket. */
const CAPITAL_AFTER_LOWER = /(?<=[A-Za-z][a-z]{2}|[a-z]\))(?=[A-Z][a-z])/g;
/** A capital word after a colon, nothing between: "Of the 7 cases where ...:Relevant cases" (prose puts a space). */
const CAPITAL_AFTER_COLON = /(?<=[a-z]:)(?=[A-Z][a-z])/g;
/** An age band after a word or another band: "Age10–1415–17", "Age (years)10-1415-17". */
const BAND = /(?<=[a-z)]|\d[–-]\d{2})(?=\d{1,2}[–-]\d{2}(?:\d{1,2}[–-]|\D|$))/g;
/** A figure after its label, ending the line: "Average caseload per case manager (FTE)7", a contents entry's page "2.4. Reviewing25". */
const FIGURE_AFTER_LABEL = /(?<=[a-z)])(?=\d[\d,]*(?:\.\d+)?$)/;
/** A row's figure opening it before its label, spaced or glued ("233 First-time ...", "441,290Total ..."), not a standard's number. */
const FIGURE_OPENS = /^\s*(?!\d\.\d)\d[\d,]*%?\s*(?=[A-Za-z(])/;
/**
 * A note's marker between a heading's colon and the next cell: "Of the 8 cases inspected:18Relevant
 * cases" (no figure stands there).
 */
const MARKER_AFTER_COLON = /(?<=[a-z]:)(\d{1,2})(?=[A-Z][a-z])/;

/** Counts after a question ("...keep the child safe?88", its note's marker between), or alone on the line after it. */
const COUNTS_AFTER_QUESTION = new RegExp(String.raw`^(.*\?\s*${MARKER})?(\d{2,4})$`);

/** Signs of the damage: a percentage or a rating glued to a word, a standard's number to its name. */
const PERCENT_GLUED = /[a-z?)]\d{1,3}(?:\.\d)?%\s*$/;
const RATING_GLUED = new RegExp(`[a-z]${RATING}\\s*$`);
const NUMBER_GLUED = /^[1-4]\.[1-4]\.?[A-Z][a-z]/;
const MIN_GLUED = 5;

/**
 * Whether a line shows the damage. (Every tab-free line of every text is asked: a look at its
 * first and last characters first, then a pattern over its last few.)
 */
function showsGlue(line: string): boolean {
  if (line.includes("\t")) return false;
  const first = line.charCodeAt(0);
  if (first >= 49 && first <= 52 && line.charCodeAt(1) === 46 && NUMBER_GLUED.test(line)) return true;
  const end = line.length - (line.endsWith(" ") ? 1 : 0);
  const last = line.charCodeAt(end - 1);
  if (last === 37) return PERCENT_GLUED.test(line.slice(-10));
  // (A rating's last letter: Goo"d", Outstandin"g", improvemen"t", Inadequat"e".)
  if (last === 100 || last === 103 || last === 116 || last === 101) return RATING_GLUED.test(line.slice(-24));
  return false;
}

/** Whether a line is a table's heading or row, not prose: short, no sentence ending in it. */
function tabular(line: string): boolean {
  return line.length <= 90 && !/[.,;]\s*$/.test(line) && !/[a-z][.!?] [A-Z]/.test(line);
}

/** A line of digits alone: a count table's two counts run together, or a note's marker. */
const DIGITS_ALONE = /^\d{1,4}\s*$/;

/**
 * A line of digits alone between a question and another such line is the question's note marker
 * ("...keep the child safe?" / "22" / "55": note 22, then 5 relevant and 5 'Yes'): as such it is
 * written raised, and the next line holds the counts.
 */
function markerAfterQuestion(lines: string[], i: number): boolean {
  return (
    DIGITS_ALONE.test(lines[i] as string) &&
    DIGITS_ALONE.test(lines[i + 1] ?? "") &&
    (lines[i - 1] ?? "").trimEnd().endsWith("?")
  );
}

/** The line's cells parted by tabs where glued; the same line where none are. */
function partedLine(line: string, previous: string, countTables: boolean, next = ""): string {
  if (line.includes("\t")) return line;
  let out = line;
  // (A rating cell wrapped, its first word glued to the description's last line: "... for all
  // children.Requires" / "improvement", pypdf's text of a word processor's PDF.)
  if (/^\s*improvement\s*$/i.test(next)) out = out.replace(REQUIRES_AFTER_NAME, "\t");
  out = out
    .replace(PERCENT_AFTER_WORD, "\t")
    .replace(PERCENT_AFTER_PERCENT, "\t")
    .replace(FIGURE_FIRST, "$1\t")
    .replace(RATING_AFTER_NAME, "\t")
    .replace(SCORE, "\t")
    .replace(MARKER_AFTER_COLON, (marker) => `${superscript(marker)}\t`)
    .replace(CAPITAL_AFTER_COLON, "\t");
  if (tabular(line)) {
    out = out.replace(CAPITAL_AFTER_LOWER, "\t").replace(BAND, "\t");
    // (Not after a figure-first row's label: its figure opened it, and a number glued to its
    // end is the label's note marker, "233 First-time entrant rate ... in Kirklees6".)
    if (!FIGURE_OPENS.test(line)) out = out.replace(FIGURE_AFTER_LABEL, "\t");
  }
  if (countTables) {
    const m = COUNTS_AFTER_QUESTION.exec(out);
    // (Counts alone on a line only where a question's wrapped line ends above them.)
    if (m && (m[1] !== undefined || previous.trimEnd().endsWith("?"))) {
      const counts = countsParted(m[2] as string);
      if (counts) out = `${m[1] ?? ""}${m[1] ? "\t" : ""}${counts[0]}\t${counts[1]}`;
    }
  }
  return out;
}

/**
 * The lines with every glued row's cells parted by tabs, and how many lines were, where five
 * lines or more show the damage; the same lines otherwise.
 */
export function withGluedCellsParted(lines: string[]): { lines: string[]; parted: number } {
  let glued = 0;
  for (const line of lines) if (showsGlue(line) && ++glued >= MIN_GLUED) break;
  if (glued < MIN_GLUED) return { lines, parted: 0 };
  // (A count table's heading: "Relevant casesNumber 'Yes'", or a word a line.)
  const countTables = /Relevant\s+cases\s*Number\s+.Yes/i.test(lines.join("\n"));
  let parted = 0;
  const out = lines.map((line, i) => {
    if (countTables && markerAfterQuestion(lines, i)) {
      parted++;
      return superscript(line.trim());
    }
    // (Counts after a question's marker stand where they would after the question.)
    const previous =
      countTables && markerAfterQuestion(lines, i - 1) ? (lines[i - 2] as string) : (lines[i - 1] ?? "");
    const cut = partedLine(line, previous, countTables, lines[i + 1]);
    if (cut !== line) parted++;
    return cut;
  });
  return { lines: out, parted };
}
