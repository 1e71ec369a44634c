// Contextual facts: population, first-time entrant and reoffending rates, caseload splits by
// age / ethnicity / gender (service vs comparator), additional caseload data, offence types,
// and the key staffing data and caseload characteristics tables of the standard sections.

import type { ContextualFact, FactGroup, ReportWarning } from "../schemas/report.js";
import { splitTolerance } from "./framework.js";
import { type Line, lineOfParts, provenanceOf } from "./lines.js";
import type { Segments } from "./segment.js";
import {
  MISREAD_MARKER_SYMBOL,
  MONTH_WORD,
  OUT_OF_COURT,
  RUNS_ON,
  SERVICE_WORDS,
  joinWrapped,
  numberCell,
  opensQuotation,
  percentCell,
  plain,
  withoutMisreadMarker,
} from "./text.js";

type Unit = ContextualFact["unit"];

export const SPLIT_HEADERS: { group: FactGroup; re: RegExp }[] = [
  { group: "age", re: /^Age\b/i },
  { group: "ethnicity", re: /^(?:Race|Ethnic)/i },
  { group: "gender", re: /^(?:Gender|Sex)\b/i },
];

/** The split a row heads by its first cell ("Race/ethnicity 8" / "White" ...: ethnicity), or null. */
const splitHeadedBy = (line: Line): FactGroup | null =>
  SPLIT_HEADERS.find((h) => h.re.test(line.cells[0] ?? ""))?.group ?? null;

// "First-time entrants", "first time entrant", "FTE rate"; "reoffending", "Re-offending". (And
// "Firsttime": pdftotext takes the hyphen of "First-" at a line's end for a soft one.)
const FIRST_TIME_ENTRANT = "first.?time entrant";
const FTE = new RegExp(`${FIRST_TIME_ENTRANT}|\\bFTE rate`, "i");
const REOFFENDING = /\bre.?offending/i;
/** A heading over first-time entrant figures: "First-time entrant (rate per 100,000)", "FTE rate". */
const FTE_HEADING = new RegExp(`^(?:${FIRST_TIME_ENTRANT}s?|FTE rate)\\b`, "i");

const CASELOAD_LABEL = new RegExp(
  `caseload|court disposals|${OUT_OF_COURT}|custody|licence|caution|community resolution|community sentence|sentence`,
  "i",
);

/** "Of the 26 out-of-court disposals:", a caseload count as a caption. */
const OF_THE_DISPOSALS = new RegExp(`^Of the (\\d+) (court disposals|${OUT_OF_COURT} disposals)`, "i");

const SERVICE_SUBJECT = new RegExp(`\\b${SERVICE_WORDS}\\b`, "i");
// (Its words run together too, as OCR may read them: "inEnglandandWales".)
const COMPARATOR_PLACE = /England\s*and\s*Wales|national|\bEngland\b|\bWales\b/i;
/**
 * A split table's comparator row: an average (national, or Wales' for a Welsh service; its words
 * run together too), England and Wales, or the local youth population.
 */
const COMPARATOR_SUBJECT = /average|England\s*and\s*Wales|population/i;

function splitLabel(group: FactGroup, heading: string): string {
  if (group === "age") {
    const m = heading.match(/(\d+)\D+(\d+)/);
    if (m) return `${m[1]}-${m[2]}`;
  }
  return heading.replace(/\s+/g, " ").trim();
}

/**
 * A footnote marker printed as plain digits at a label's end, where the notes that would show it
 * for one were not found ("Total population of Croydon 6", "Total headcount qualified case
 * managers (FTE) 13", or glued on, "in Kirklees6"): no label ends in a bare number of one or two
 * digits after a word or a bracket but an age ("aged 16", "10 to 17").
 */
const TRAILING_MARKER = /(?<=[A-Za-z)])(?<!\b(?:aged?|to|and|under|over|than|years?|from)) ?\d{1,2}$/i;

function cleanLabel(label: string, area: string | null = null): string {
  // (No label asks a question: a "?" after it is a marker misread too, "(2018) ?".)
  const flat = plain(label);
  const text = withoutMisreadMarker(flat.endsWith("?") ? flat.replace(/(?<=\S)\s+\?$/, "") : flat)
    .replace(/,?\s*of which:?$/i, "")
    .replace(/[:\s]+$/, "");
  // (Unless the area's own name ends so.)
  return (area && text.endsWith(area) ? text : text.replace(TRAILING_MARKER, "")).trim();
}

/** Which group a labelled figure belongs to, from its label. */
export function groupOf(label: string): { group: FactGroup; unit: Unit | null } | null {
  if (FTE.test(label)) return { group: "first_time_entrants", unit: "rate_per_100k" };
  if (REOFFENDING.test(label)) return { group: "reoffending", unit: "percent" };
  if (/population/i.test(label)) return { group: "population", unit: null };
  if (
    /^(?:proportion|percentage) of|looked after|child protection|child in need|education|pupil referral|mental health|substance misuse/i.test(
      label,
    )
  )
    return { group: "caseload_characteristics", unit: null };
  if (CASELOAD_LABEL.test(label)) return { group: "caseload", unit: null };
  return null;
}

function roleOf(group: FactGroup, label: string): ContextualFact["role"] {
  if (group === "first_time_entrants" || group === "reoffending" || group === "population") {
    return COMPARATOR_PLACE.test(label) ? "comparator" : "service";
  }
  return "service";
}

interface Collector {
  facts: ContextualFact[];
  warnings: ReportWarning[];
}

function push(
  out: Collector,
  group: FactGroup,
  label: string,
  subject: string | null,
  role: ContextualFact["role"],
  value: number | null,
  unit: Unit,
  line: Line,
): void {
  if (value !== null && unit === "percent" && (value < 0 || value > 100)) {
    out.warnings.push({
      code: "fact-out-of-range",
      message: `A percentage of ${value} for '${label}' is impossible and was not read`,
      provenance: provenanceOf(line),
    });
    return;
  }
  // Quotes and dashes as in labels: "(10–17 years)" and "(10-17 years)" are the same subject.
  const place = subject === null ? null : plain(subject);
  out.facts.push({ group, label, subject: place, role, value, unit, provenance: provenanceOf(line) });
}

/** A contextual figure, with its share: "441,290", "34%", "43.7", "69 (65%)". */
export const FACT_FIGURE = "(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)%?(?:\\s*\\(\\d+(?:\\.\\d+)?%\\))?";
/**
 * A figure-and-label row ("34% Reoffending rate ...", "215,052 Total population ..."): a figure,
 * then a capitalised label (not a date's month: "15 March 2022 ..." is a sentence).
 */
export const FIGURE_ROW_START = new RegExp(`^${FACT_FIGURE}\\s+(?!${MONTH_WORD}\\b)[A-Z]`);
/** A figure and nothing else ("267", "25.5%", "342,907", "16%"). */
export const FIGURE_ALONE = new RegExp(`^${FACT_FIGURE}$`);
/**
 * A table's caption ends in its colon, a footnote marker after it or not ("... of caseload:",
 * "...:12"), or the symbol an OCR engine read the marker as ("... court disposals:”").
 */
export const CAPTION_END = new RegExp(`:\\s*(?:\\d{1,2}|${MISREAD_MARKER_SYMBOL}{1,2})?$`, "u");
/** "20,687 Total black and minority ethnic youth population of Croydon": figure and label in one cell. */
// (Or glued to a label opening in a capital, as pypdf writes a row whose cells it set close:
// "215,052Total population in North Somerset (2018)".)
const FIGURE_THEN_LABEL = new RegExp(`^(${FACT_FIGURE})(?:\\s+|(?=[A-Z][a-z]))([A-Za-z].{5,})$`);

/** The contextual facts section's own heading. */
const FACTS_SECTION = "Contextual (?:facts|information|data)|Key facts";
/** The sub-headings the section's tables stand under. */
export const FACTS_SUBHEADING =
  "Youth (?:justice|offending) information|Population information|Caseload information|Additional caseload data";
/** Tables that print the label before the figure: offence types, the sections' own tables. */
export const LABEL_FIRST_TABLE = "Offence types?|Key staffing data|Caseload characteristics";
/** A heading's end: its footnote marker may be glued on ("Additional caseload data9"). */
const HEADING_END = "(?=\\d|\\W|$)";

const OFFENCE_TYPES_HEADING = new RegExp(`^Offence types?${HEADING_END}`, "i");

export const FACTS_SECTION_HEADING = new RegExp(`^(?:${FACTS_SECTION})$`, "i");
/** A sub-heading on its own line, a footnote marker as a digit allowed ("Caseload information 5"). */
export const FACTS_SUBHEADING_LINE = new RegExp(`^(?:${FACTS_SUBHEADING})(?:\\s*\\d{1,2})?$`, "i");
/** Where a figure-and-label table begins: the contextual facts, and the sections' own tables. */
export const FACT_TABLE_START = new RegExp(
  `^(?:${FACTS_SECTION}|Key staffing data|Caseload characteristics)${HEADING_END}`,
  "i",
);

/**
 * A heading in those tables, and the order its rows print a figure and its label in: the
 * contextual facts figure first ("233 | First-time entrant rate ..."), offence types and the
 * sections' tables label first ("Burglary | 9%", "Average caseload ... | 7").
 */
export function factTableHeading(flat: string): { order: "figure-first" | "label-first" } | null {
  if (FIGURE_FIRST_HEADING.test(flat)) return { order: "figure-first" };
  if (LABEL_FIRST_HEADING.test(flat)) return { order: "label-first" };
  return null;
}
const FIGURE_FIRST_HEADING = new RegExp(`^(?:${FACTS_SECTION}|${FACTS_SUBHEADING})${HEADING_END}`, "i");
const LABEL_FIRST_HEADING = new RegExp(`^(?:${LABEL_FIRST_TABLE})${HEADING_END}`, "i");

/**
 * Whether a figure can be what its label says: a population or first-time entrant rate is a
 * count, a reoffending rate or a "Percentage of" / "Proportion of" a percentage. A figure paired
 * with the wrong label (a table read a column at a time, one label short) shows itself so.
 */
export function fitsLabel(label: string, figure: { count: number | null; percent: number | null }): boolean {
  // (A rate per 100,000 is below 100,000: a population set beside its label is no rate.)
  if (FTE.test(label)) return figure.count !== null && figure.count < 100_000;
  if (/population/i.test(label)) return figure.count !== null;
  if (/\bre.?offending|^(?:percentage|proportion) of/i.test(label)) return figure.percent !== null;
  return true;
}

/** Where a facts label starts: "Total current ...", "Percentage of ...", "First-time entrant ...". */
const LABEL_START = new RegExp(
  `\\b(?:Total (?:current|youth|population|staff)|Percentage of|Proportion of|Reoffending rate|${FIRST_TIME_ENTRANT})`,
  "gi",
);

/**
 * A label of one row: no second label starts inside it ("Total current caseload: youth caution
 * Total current caseload: ...", rows whose lines a layout without spacing ran together).
 */
function oneLabel(label: string): boolean {
  const starts = label.match(LABEL_START);
  return (starts?.length ?? 0) <= 1;
}

/** A count's share wrapped to its label's line, glued or spaced: "(65%)court disposals". */
const SHARE_BEFORE_LABEL = /^\((\d{1,3}(?:\.\d+)?)\s*%\)\s*(?=\S)/;

/**
 * A figure-first row's figure and label, the count's share taken back from the label's start
 * where the share wrapped onto the label's line ("69" / "(65%)court disposals", pypdf on narrow
 * pages); null where the row has no figure.
 */
function withShareFromLabel(
  figure: ReturnType<typeof leadingFigure>,
  label: string,
): { count: number | null; percent: number | null; label: string } | null {
  if (!figure) return null;
  const share = figure.count !== null && figure.percent === null ? SHARE_BEFORE_LABEL.exec(label) : null;
  return share
    ? { count: figure.count, percent: Number(share[1]), label: label.slice(share[0].length) }
    : { ...figure, label };
}

/** "441,290", "25.5%", "69 (65%)" -> count and/or percent. */
export function leadingFigure(cell: string): { count: number | null; percent: number | null } | null {
  const m = cell.trim().match(/^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%)?\s*(?:\((\d+(?:\.\d+)?)\s*%\))?$/);
  if (!m) return null;
  const n = Number((m[1] as string).replace(/,/g, ""));
  if (m[2]) return { count: null, percent: n };
  return { count: n, percent: m[3] ? Number(m[3]) : null };
}

/**
 * A row's cells. Text whose converter put a single space between cells ("Kirklees YJS 29% 71%",
 * "Burglary 9%") has one cell: its trailing figures (percentages, or what a cell prints instead:
 * "<1%", "-", "n/a") are cells of their own, so long as a label stands before them.
 */
function rowCells(line: Line, figures: "percent" | "number"): string[] {
  if (line.cells.length !== 1) {
    // The row's first figures a single space after its subject ("... City of London 18% | 82% |
    // 0%", "Kirklees YJS 65% 30%" | "5%"): a cell each.
    const first =
      figures === "percent"
        ? (line.cells[0] as string).match(/^(.*[A-Za-z)].*?)((?:\s+\d{1,3}(?:\.\d+)?\s*%)+)$/)
        : null;
    // (A later cell of figures a single space apart is a cell each: "Croydon 22%" | "69% 9%",
    // pypdf's cells glued where no space was written, spaced where one was.)
    const rest = line.cells
      .slice(1)
      .flatMap((c) => (figures === "percent" && SPACED_FIGURES.test(c) ? c.split(/\s+/) : [c]));
    return first
      ? [first[1] as string, ...(first[2] as string).trim().split(/\s+(?=\d)/), ...rest]
      : [line.cells[0] as string, ...rest];
  }
  const figure = figures === "percent" ? SPLIT_FIGURE : NUMBER_FIGURE;
  const m = line.flat.match(figures === "percent" ? TRAILING_SPLIT_FIGURES : TRAILING_NUMBER);
  if (!m || !/[A-Za-z]/.test(m[1] as string)) return line.cells;
  const tail = (m[2] as string).trim();
  return [m[1] as string, ...(tail.match(new RegExp(figure.source, "g")) ?? [])];
}
const SPLIT_FIGURE = /<\s*\d+(?:\.\d+)?\s*%|\d{1,3}(?:\.\d+)?\s*%|n\/a|[-–—](?=\s|$)/;
/** Two percentages or more a single space apart, and nothing else. */
const SPACED_FIGURES = /^\d{1,3}(?:\.\d+)?%(?: \d{1,3}(?:\.\d+)?%)+$/;
// (A figure glued to the one before it, after its "%", is one more: "84%3% 13%", pypdf's.)
const TRAILING_SPLIT_FIGURES = new RegExp(`^(.*?)((?:(?:\\s+|(?<=%))(?:${SPLIT_FIGURE.source}))+)$`, "i");
/** A facts table's figure: a count ("441,290"), a rate ("12.5"), a percentage ("25.5%"). */
export const NUMBER_FIGURE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?/;
const TRAILING_NUMBER = new RegExp(`^(.*?)(\\s+(?:${NUMBER_FIGURE.source}))$`);

/** An age split's column name: "10–14", "15–17 years", "18+". */
export const AGE_BAND = String.raw`\d{1,2}\s*[-–—]\s*\d{1,2}(?:\s*years)?|\d{1,2}\+`;

/** The column names a split's header prints, longest first (single-space text is split by them). */
const SPLIT_COLUMNS = new RegExp(
  `Black,? Asian and minority ethnic|Black and minority ethnic|Black or Black British|Asian or Asian British|Any other ethnic group|Other ethnic groups?|Mixed(?: ethnicity)?|White(?: British)?|Black|Asian|Chinese|Other|Unknown|Not known|Male|Female|Boys|Girls|BAME|${AGE_BAND}`,
  "giy",
);

/** What a split's columns may be called: ages, ethnic groups, genders. */
export const COLUMN_FITS: Partial<Record<FactGroup, RegExp>> = {
  age: /\d/,
  ethnicity:
    /white|black|asian|mixed|other|unknown|not known|bame|chinese|minority|ethnic|traveller|gypsy|roma|irish|british/i,
  gender: /^(?:male|female|boys?|girls?|other|unknown|not known|non-binary|prefer not to say)$/i,
};

/**
 * The column names of a split's header: its cells, or (a single space between them) the
 * header's text after its first word cut into `count` known column names; null when it cannot be.
 */
function splitColumns(header: Line, group: FactGroup, count: number): string[] | null {
  // (Not where a cell holds two names, pieces of a header read a cell a line and joined: "Black
  // and" / "Unknown" / "minority ethnic" as "Black and Unknown minority ethnic"; nor where one
  // starts on a joining word, a name's piece: "and minority ethnic".)
  const names = header.cells.slice(1);
  if (names.length === count && !names.some((c) => holdsTwoNames(c) || /^(?:and|or)\b/i.test(c)))
    return names.map((c) => splitLabel(group, c));
  for (const text of withWrappedTailPutBack(plain(header.cells.join(" ")))) {
    const names = columnNamesAfterHeading(text);
    if (names?.length === count) return names.map((n) => splitLabel(group, n));
  }
  return null;
}

/**
 * A header's text as read, then with its last words put back after a joining word: a name
 * wrapped in its narrow cell, a single space from the next name, has its tail read after that
 * name ("Black and Unknown" / "minority" / "ethnic", pdftotext -layout on A5 pages).
 */
function* withWrappedTailPutBack(text: string): Generator<string> {
  yield text;
  const words = text.split(" ");
  for (let k = 1; k <= 3 && k < words.length; k++) {
    const [head, tail] = [words.slice(0, -k), words.slice(-k)];
    for (let i = 1; i < head.length; i++)
      if (/^(?:and|or)$/i.test(head[i - 1] as string))
        yield [...head.slice(0, i), ...tail, ...head.slice(i)].join(" ");
  }
}

/** Whether a header's cell is two known column names, as written or with a wrapped name's tail put back. */
function holdsTwoNames(cell: string): boolean {
  for (const text of withWrappedTailPutBack(cell)) {
    const { names, end } = columnNamesFrom(text, 0);
    if (end === text.length && names.length > 1) return true;
  }
  return false;
}

/** A split table's heading word: "Age (years)", "Race/ethnicity", "Gender". */
export const SPLIT_HEADING = String.raw`Age(?:\s*\(years\))?|Race\s*\/\s*ethnicity|Ethnicity|Race|Gender|Sex`;
const SPLIT_HEADING_WORD = new RegExp(`^(?:${SPLIT_HEADING})\\s*`, "i");

/** A split header's text after its heading word, cut into known column names; null where any is unknown. */
function columnNamesAfterHeading(text: string): string[] | null {
  const rest = text
    .replace(SPLIT_HEADING_WORD, "")
    // A footnote marker the converter wrote as a plain number ("Race/ethnicity 10 White ...",
    // glued to the first name as pypdf writes it, "10White ...").
    .replace(/^\d{1,2}(?:\s+|(?=[A-Z]))(?![-–—])/, "")
    .trim();
  const { names, end } = columnNamesFrom(rest, 0);
  return end === rest.length ? names : null;
}

/** The known column names one after another in `text` from `start` (a space or tab apart), and where they stop. */
function columnNamesFrom(text: string, start: number): { names: string[]; end: number } {
  const names: string[] = [];
  let end = start;
  for (;;) {
    SPLIT_COLUMNS.lastIndex = end;
    // (A name ends at a space or the text's end: "Black" is no column of "Blackburn with Darwen".
    // Or where the next name starts in its capital, the cells glued: "WhiteBlack and minority
    // ethnic Unknown", pypdf's.)
    if (!SPLIT_COLUMNS.exec(text)) break;
    const stop = SPLIT_COLUMNS.lastIndex;
    if (/\S/.test(text[stop] ?? " ") && !nameGluedAt(text, stop)) break;
    names.push(text.slice(end, stop));
    end = stop;
    while (text[end] === " " || text[end] === "\t") end++;
  }
  return { names, end };
}

/** Whether a known column name starts at `at`, in its capital, straight after another's last letter. */
function nameGluedAt(text: string, at: number): boolean {
  if (!/[a-z]/.test(text[at - 1] ?? "") || !/[A-Z]/.test(text[at] ?? "")) return false;
  SPLIT_COLUMNS.lastIndex = at;
  return SPLIT_COLUMNS.exec(text) !== null;
}

/**
 * Where a split's header ends when its first row runs on after it on the same line ("Race/ethnicity
 * ¹⁰ White Black and minority ethnic Unknown Kirklees YJS 65% 30% 5%"): after the heading word, a
 * footnote marker perhaps, and two or more known column names, before a row's label; -1 if none.
 */
export function splitHeaderEnd(text: string): number {
  const heading = SPLIT_HEADING_WORD.exec(text);
  if (!heading) return -1;
  const marker = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|<sup>\d{1,3}<\/sup>|\d{1,2}(?!\s*[-–—\d]))?\s*/.exec(
    text.slice(heading[0].length),
  );
  const { names, end } = columnNamesFrom(text, heading[0].length + (marker?.[0].length ?? 0));
  return names.length >= 2 && end < text.length && /\d/.test(text.slice(end)) ? end : -1;
}

/**
 * A split's header row on one line, its cells a single space apart ("Gender Male Female", "Age
 * 10–14 15–17"): a heading word, then nothing but two or more known column names.
 */
export function isSplitHeaderRow(flat: string): boolean {
  if (!SPLIT_HEADING_WORD.test(flat)) return false;
  const names = columnNamesAfterHeading(flat);
  return names !== null && names.length >= 2;
}

/** A piece of a split table's column names: a name's words, or a joining word or age's unit a name broke at; no figure. */
export function columnNamePiece(group: FactGroup, piece: string): boolean {
  return (
    piece.split(" ").length <= 3 &&
    !/\d%|^\d+$/.test(piece) &&
    (COLUMN_FITS[group]?.test(piece) === true || /^(?:and|or|years?)$/i.test(piece))
  );
}

/**
 * A split's header with the names of its columns wrapped in their narrow cells, written on the
 * lines after it ("Race/ethnicity  White  Black and" / "minority" / "ethnic" / "Unknown"), as one
 * header; and the index of the line after it.
 */
function splitHeader(lines: Line[], i: number, group: FactGroup): { header: Line; body: number } {
  let header = headAbove(lines[i] as Line, lines[i - 1], group);
  let j = i + 1;
  const tail = tailBelow(header, lines[j], group);
  if (tail) [header, j] = [tail, j + 1];
  // (Up to six lines: a name's every word a line, "White Black" / "and" / "minority" / "ethnic" /
  // "Unknown", pdftotext -raw of A5 pages.)
  for (let line = lines[j]; line && j <= i + 6; line = lines[++j]) {
    // (Or the wrapped name's last piece and the names after it, "minority" / "ethnic | Unknown",
    // pypdf's text of a browser's PDF.)
    const cells = rowCells(line, "percent");
    const name = cells.length <= 3 && cells.length === line.cells.length ? line.flat : "";
    // (Or a joining word a name broke at, "White Black" / "and" / "minority" / "ethnic"; or an
    // age's unit, "10–14" / "years".)
    if (!name || !cells.every((piece) => columnNamePiece(group, piece))) break;
    // (One cell: which pieces make a name only the known names tell.)
    header = { ...header, cells: [`${header.flat} ${name}`], flat: `${header.flat} ${name}` };
  }
  return { header, body: j };
}

/**
 * A header whose cells are centred in their row, one column name wrapped over two lines: the
 * name's first line stands above the header's ("Black and" / "Race/ethnicity | White | minority
 * ethnic | Unknown"). The line above is put back before the one cell that runs on from it (in
 * lower case), when it could begin a column name of the group and stops on a joining word.
 */
function headAbove(header: Line, above: Line | undefined, group: FactGroup): Line {
  if (!above || above.cells.length !== 1 || header.cells.length < 3) return header;
  const head = above.flat;
  if (head.split(" ").length > 3 || !RUNS_ON.test(head) || !COLUMN_FITS[group]?.test(head)) return header;
  const tails = header.cells.slice(1).filter((c) => /^[a-z]/.test(c));
  if (tails.length !== 1) return header;
  const cells = header.cells.map((c) => (c === tails[0] ? joinWrapped(head, c) : c));
  return { ...header, cells, flat: cells.join(" ") };
}

/**
 * The same with the name's second line below the header's ("Race/ethnicity | White | Black and |
 * Unknown" / "minority ethnic", as OCR writes it): put back after the one cell that stops on a
 * joining word, when it could end a column name of the group. Or, where the header's line is
 * written a line of text at a time, the names after the wrapped one on the second line with its
 * tail ("Race/ethnicity White | Black and" / "minority ethnic | Unknown", pypdf's text of a word
 * processor's PDF): the tail put back, the names after it added to the header's.
 */
function tailBelow(header: Line, below: Line | undefined, group: FactGroup): Line | null {
  if (!below || header.cells.length < 2) return null;
  const [tail = "", ...after] = below.cells;
  const fits = (name: string) => name.split(" ").length <= 3 && COLUMN_FITS[group]?.test(name) === true;
  if (!/^[a-z]/.test(tail) || !fits(tail)) return null;
  if (after.length === 0) {
    if (header.cells.length < 3) return null;
    const open = header.cells.slice(1).filter((c) => RUNS_ON.test(c));
    if (open.length !== 1) return null;
    const cells = header.cells.map((c) => (c === open[0] ? joinWrapped(c, tail) : c));
    return { ...header, cells, flat: cells.join(" ") };
  }
  // (Only the header's last cell can run on to a line that goes on with further names; a joining
  // word a justified cell's gap set apart is its name's: "Black" / "and" / "minority ethnic".)
  let head = header.cells.slice(0, -1);
  let last = header.cells.at(-1) as string;
  if (/^(?:and|or)$/i.test(last) && head.length > 1)
    [head, last] = [head.slice(0, -1), `${head.at(-1)} ${last}`];
  if (!RUNS_ON.test(last) || !after.every((name) => /^[A-Z0-9]/.test(name) && fits(name))) return null;
  const cells = [...head, joinWrapped(last, tail), ...after];
  return { ...header, cells, flat: cells.join(" ") };
}

/** Whether a percentage stands under a split table's header before the next table's header (or a few lines on). */
function figuresUnder(lines: Line[], body: number): boolean {
  for (let k = body; k < Math.min(lines.length, body + 8); k++) {
    const line = lines[k] as Line;
    if (splitHeadedBy(line)) return false;
    if (rowCells(line, "percent").some((cell) => percentCell(cell) !== null)) return true;
  }
  return false;
}

/** A note's line as a text whose notes were not told apart writes it: its number, then a sentence. */
const isUnreadNote = (line: Line) =>
  line.cells.length === 2 &&
  /^\d{1,3}$/.test(line.cells[0] as string) &&
  /^[A-Z*"“].*[.)*]$/.test(line.cells[1] as string);

/**
 * Where the page's next text starts after a run of such notes from `j` to the page's end, or `j`
 * when `lines[j]` starts none.
 */
function pastUnreadNotes(lines: Line[], j: number): number {
  const page = lines[j]?.page ?? null;
  if (page === null) return j;
  let k = j;
  while (k < lines.length && (lines[k] as Line).page === page && isUnreadNote(lines[k] as Line)) k++;
  return k > j && lines[k]?.page === page + 1 ? k : j;
}

/**
 * Where the rows start again after the table's header written again from `j` (its group's
 * heading word and the same columns, a marker or a wrapped name aside), or null if it is not.
 */
function repeatedHeader(lines: Line[], j: number, group: FactGroup, columns: string[] | null): number | null {
  const line = lines[j];
  if (!columns || !line || splitHeadedBy(line) !== group) return null;
  const again = splitHeader(lines, j, group);
  const names = splitColumns(again.header, group, columns.length);
  return names?.join("\t") === columns.join("\t") ? again.body : null;
}

function parseSplitTable(
  lines: Line[],
  i: number,
  { header, body }: { header: Line; body: number },
  group: FactGroup,
  out: Collector,
  area: string | null = null,
): number {
  let j = body;
  const rows: { subject: string; cells: string[]; values: (number | null)[]; line: Line }[] = [];
  let columns: string[] | null = null;
  for (; j < lines.length; j++) {
    const line = lines[j] as Line;
    // The header again between rows: the table's heading row repeated at the head of the page
    // it runs on to (Word's "Repeat as header row"), its rows still this table's.
    const again = rows.length > 0 ? repeatedHeader(lines, j, group, columns) : null;
    if (again !== null) {
      j = again - 1;
      continue;
    }
    // Notes at the page's foot that were not read as notes (an OCR'd page's: "6 | Youth Justice
    // Board. (2021). ..."), between the table's last row on one page and its next on the next.
    const after = rows.length > 0 ? pastUnreadNotes(lines, j) : j;
    if (after > j) {
      j = after - 1;
      continue;
    }
    const below = columns ? subjectAboveFigures(lines, j, columns.length, area) : null;
    const cells = below?.cells ?? rowCells(line, "percent");
    if (cells.length < 2) break;
    columns ??= splitColumns(header, group, cells.length - 1);
    const values = cells.slice(1).map(percentCell);
    // A row of the table has one cell per column and at least one readable percentage; a cell
    // it cannot read ("<1%", "-", "n/a") is reported below, not guessed.
    if (!columns || values.length !== columns.length || values.every((v) => v === null)) break;
    // A subject wrapped inside the area's name, the rest on the next line ("Youth population
    // (10-17 years) in Tower" / "Hamlets and City of London").
    const more = below ? undefined : lines[j + 1];
    const wrapped =
      more && more.cells.length === 1 && labelRunsOn(cells[0] as string, more.flat, area) ? more : null;
    // (Its provenance the lines it was read from: the subject's and the figures'.)
    const last = j + (wrapped ? 1 : 0) + (below ? below.span : 0);
    rows.push({
      subject: wrapped ? `${cells[0]} ${wrapped.flat}` : (cells[0] as string),
      cells,
      values,
      line: last > j ? lineOfParts(line, lines.slice(j, last + 1), line.cells, " ") : line,
    });
    j = last;
  }
  if (rows.length === 0 || !columns) {
    // Figures under a header whose columns cannot be told apart: say so, never guess. (Not a
    // heading row with no figure under it before the next table's, "Age (years) 10-14 15-17" /
    // "Race/ethnicity White ...": one repeated at a page's head after its rows loses nothing.)
    const over = lines[body];
    if (columns === null && over && rowCells(over, "percent").length >= 3 && figuresUnder(lines, body)) {
      out.warnings.push({
        code: "fact-unreadable",
        message: `The ${group} table's header ('${header.flat}') does not match its rows; the table was not read`,
        provenance: provenanceOf(header),
      });
    }
    return i + 1;
  }
  // A table read a column at a time comes out turned: the service and its comparator head the
  // columns ("Age | Anytown YOS | National average") and the ages head the rows. Turned back.
  const isSubject = (s: string) => SERVICE_SUBJECT.test(s) || COMPARATOR_SUBJECT.test(s);
  if (columns.every(isSubject) && !rows.some((r) => isSubject(r.subject))) {
    const turned = columns.map((subject, k) => ({
      subject,
      cells: [subject, ...rows.map((r) => r.cells[k + 1] as string)],
      values: rows.map((r) => r.values[k] ?? null),
      line: (rows[0] as (typeof rows)[number]).line,
    }));
    columns = rows.map((r) => splitLabel(group, r.subject));
    rows.splice(0, rows.length, ...turned);
  }
  // A column that is no age, ethnic group or gender: the header and these rows do not belong
  // together (a table read a column at a time, its columns from another table). Not guessed.
  const fits = COLUMN_FITS[group];
  if (fits && columns.some((c) => !fits.test(c))) {
    out.warnings.push({
      code: "fact-unreadable",
      message: `The ${group} table's columns (${columns.join(", ")}) are not all ${group} groups; the table was not read`,
      provenance: provenanceOf(header),
    });
    return j;
  }
  const foreign = foreignColumn(rows.map((r) => r.values));
  if (foreign !== null) {
    out.warnings.push({
      code: "fact-unreadable",
      message: `The ${group} table's '${columns[foreign]}' column (${rows.map((r) => r.cells[foreign + 1]).join(", ")}) makes every row add up to more than 100% and without it each adds up to 100%: a column from another table, not read`,
      provenance: provenanceOf(header),
    });
  }
  // A split prints its unknown group last ("White | Black and minority ethnic | Unknown", "Male |
  // Female | Unknown"): one between two others came from the table beside it, read a column at a
  // time ("Male | Unknown | Female"). Where the shares do not show it (above), nothing is read.
  const unknownAt = columns.findIndex((c) => /^(?:unknown|not known)$/i.test(c));
  if (foreign === null && unknownAt >= 0 && unknownAt < columns.length - 1) {
    out.warnings.push({
      code: "fact-unreadable",
      message: `The ${group} table's '${columns[unknownAt]}' column stands between its other columns (${columns.join(", ")}), where a split prints no such column: a column from another table, and the table was not read`,
      provenance: provenanceOf(header),
    });
    return j;
  }
  // The service's row names it ("Kirklees YJS"), or, where no row does, is the first that is no
  // comparator by its words ("Croydon" over "National average"; Croydon's gender table prints
  // its row alone). A comparator's row is never the service's, alone too (its service's row lost).
  const serviceRow =
    rows.find((r) => SERVICE_SUBJECT.test(r.subject)) ??
    rows.find((r) => !COMPARATOR_SUBJECT.test(r.subject));
  for (const row of rows) {
    const role = row === serviceRow ? "service" : "comparator";
    row.values.forEach((v, k) => {
      if (k === foreign) return;
      if (v === null) {
        out.warnings.push({
          code: "fact-unreadable",
          message: `The ${columns[k]} figure for ${row.subject} ('${row.cells[k + 1]}') is not a readable percentage and was not read`,
          provenance: provenanceOf(row.line),
        });
        return;
      }
      push(out, group, columns[k] as string, row.subject, role, v, "percent", row.line);
    });
  }
  return j;
}

/**
 * A column read into a split from the table beside it (a page of side-by-side tables read a
 * column at a time: race/ethnicity's "Unknown" between gender's "Male" and "Female"). A split's
 * shares add up to 100, give or take their rounding: the one column without which every row
 * (two at least) adds up so, where with it every row adds up to more. Its index, or null.
 */
function foreignColumn(rows: (number | null)[][]): number | null {
  const width = rows[0]?.length ?? 0;
  if (rows.length < 2 || width < 3 || rows.some((r) => r.length !== width || r.includes(null))) return null;
  const sums = rows.map((r) => (r as number[]).reduce((a, b) => a + b, 0));
  const about100 = (sum: number, parts: number) => Math.abs(sum - 100) <= splitTolerance(parts);
  if (sums.some((sum) => sum <= 100 || about100(sum, width))) return null;
  const fits = [...Array(width).keys()].filter((k) =>
    rows.every((r, n) => about100((sums[n] as number) - (r[k] as number), width - 1)),
  );
  return fits.length === 1 ? (fits[0] as number) : null;
}

/** A heading within the contextual facts, or a caption over rows: never a label's last words. */
function factHeadingLine(flat: string): boolean {
  return factTableHeading(flat) !== null || /^(?:Of the|For children)\b/i.test(flat);
}

const FIGURES_ALONE = new RegExp(`^(?:${SPLIT_FIGURE.source})(?:\\s+(?:${SPLIT_FIGURE.source}))*$`, "i");

/**
 * A split's row written as its subject, wrapped in its narrow cell or not, then its figures on a
 * line of their own ("Youth population (10–17 years) in Tower" / "Hamlets and City of London" /
 * "18% 82% 0%", getText of a browser's A5 pages): its cells, and the lines it takes past its
 * first. Only a service or comparator subject, and only a figure for every column.
 */
function subjectAboveFigures(
  lines: Line[],
  j: number,
  width: number,
  area: string | null,
): { cells: string[]; span: number } | null {
  const first = lines[j];
  if (!first || first.cells.length !== 1 || FIGURES_ALONE.test(first.flat)) return null;
  for (const span of [1, 2]) {
    const figures = lines[j + span];
    if (!figures) return null;
    const text = figures.cells.join(" ");
    if (!FIGURES_ALONE.test(text)) {
      // The subject's second line: the area's name run on from the first.
      if (span === 1 && figures.cells.length === 1 && labelRunsOn(first.flat, figures.flat, area)) continue;
      // (Or the name's rest in the row's first cell, the figures after it: "Youth population
      // (10–17 years) in Tower" / "Hamlets and City of London | 18% | 82% | 0%", pypdf on A5.)
      const [rest = "", ...cells] = figures.cells;
      const after = cells.join(" ");
      if (
        span === 1 &&
        cells.length === width &&
        FIGURES_ALONE.test(after) &&
        labelRunsOn(first.flat, rest, area)
      ) {
        const subject = `${first.flat} ${rest}`;
        if (SERVICE_SUBJECT.test(subject) || COMPARATOR_SUBJECT.test(subject))
          return { cells: [subject, ...cells], span };
      }
      return null;
    }
    const subject = span === 1 ? first.flat : `${first.flat} ${(lines[j + 1] as Line).flat}`;
    const values = text.match(new RegExp(SPLIT_FIGURE.source, "gi")) ?? [];
    if (values.length !== width || !(SERVICE_SUBJECT.test(subject) || COMPARATOR_SUBJECT.test(subject)))
      return null;
    return { cells: [subject, ...values], span };
  }
  return null;
}

/**
 * Whether `next` carries on a label that stopped inside a name: the area's ("... in North" /
 * "Somerset (2018)", "... in Tower" / "Hamlets and City of London"), or a quotation not yet
 * closed ("Proportion of current caseload 'Looked" / "After Children' resident ...").
 */
function labelRunsOn(label: string, next: string, area: string | null): boolean {
  if (opensQuotation(label)) return true;
  if (!area) return false;
  const words = area.split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const [head, tail] = [words.slice(0, k).join(" "), words.slice(k).join(" ")];
    if (
      label.endsWith(` ${head}`) &&
      (next === tail || next.startsWith(`${tail} `) || next.startsWith(`${tail},`))
    )
      return true;
  }
  return false;
}

/** A count's share of a total written on a line of its own: "(65%)". */
export const SHARE_ALONE = /^\(\d{1,3}(?:\.\d+)?%\)$/;

/**
 * A label wrapped onto the lines after its row ("207 First-time entrant rate per 100,000 in
 * England" / "and Wales"; "44,773 Total youth population (10-17 years) in" / "Kirklees (2020)";
 * "58.1% | Percentage of children ... or attending" / "school part-time"): the whole label, and
 * the index of its last line.
 */
function wrappedLabel(
  lines: Line[],
  i: number,
  end: number,
  first: string,
  area: string | null,
): { label: string; last: number } {
  let label = first;
  let last = i;
  while (last + 1 < end) {
    const more = lines[last + 1] as Line;
    // (A capitalised line that itself stops on a joining word is no label of its own.)
    const carriesOn =
      /^[a-z(]/.test(more.flat) ||
      RUNS_ON.test(label) ||
      RUNS_ON.test(more.flat) ||
      labelRunsOn(label, more.flat, area);
    if (
      more.cells.length !== 1 ||
      !carriesOn ||
      more.flat.length > 60 ||
      leadingFigure(more.flat.split(" ")[0] ?? "") ||
      // (A count's share alone, "(68%)": the next row's, its count taken for a page's number.)
      SHARE_ALONE.test(more.flat)
    )
      break;
    // (A caption ending in its colon heads the next rows: "Education and child protection
    // status of caseload:".)
    if (factHeadingLine(more.flat) || CAPTION_END.test(more.flat)) break;
    label = joinWrapped(label, more.flat);
    last++;
  }
  return { label, last };
}

function parseContextualSection(
  lines: Line[],
  start: number,
  end: number,
  out: Collector,
  area: string | null = null,
): void {
  let missingHeading: { group: FactGroup; label: string; unit: Unit } | null = null;
  let offenceTable = false;
  for (let i = start; i < end; i++) {
    const line = lines[i] as Line;
    const split = splitHeadedBy(line);
    const head = split ? splitHeader(lines, i, split) : null;
    const next = head ? lines[head.body] : undefined;
    if (split && head && (line.cells.length >= 3 || (next && rowCells(next, "percent").length >= 3))) {
      missingHeading = null;
      i = parseSplitTable(lines, i, head, split, out, area) - 1;
      continue;
    }
    if (OFFENCE_TYPES_HEADING.test(line.flat)) {
      offenceTable = true;
      continue;
    }
    const figure = withShareFromLabel(leadingFigure(line.cells[0] ?? ""), line.cells.slice(1).join(" "));
    if (figure && line.cells.length >= 2) {
      offenceTable = false;
      missingHeading = null;
      const wrapped = wrappedLabel(lines, i, end, figure.label, area);
      i = wrapped.last;
      addLabelled(out, cleanLabel(wrapped.label, area), figure, line);
      continue;
    }
    if (line.cells.length === 1) {
      // "20,687 Total black and minority ethnic youth population of Croydon" (space, not tab).
      const m = line.flat.match(FIGURE_THEN_LABEL);
      // (Its label may say what it counts only on its wrapped lines: "751 Total black and
      // minority ethnic youth" / "population in North Somerset (2011)".)
      const wrapped = m ? wrappedLabel(lines, i, end, m[2] as string, area) : null;
      if (m && wrapped && (groupOf(m[2] as string) || groupOf(wrapped.label))) {
        i = wrapped.last;
        addLabelled(
          out,
          cleanLabel(wrapped.label, area),
          leadingFigure(m[1] as string) ?? { count: null, percent: null },
          line,
        );
        continue;
      }
      const of = plain(line.flat).match(OF_THE_DISPOSALS);
      if (of) {
        push(out, "caseload", (of[2] as string).toLowerCase(), null, "service", Number(of[1]), "count", line);
        continue;
      }
    }
    const offence = offenceTable ? rowCells(line, "percent") : [];
    if (offence.length === 2) {
      const v = percentCell(offence[1] as string);
      if (v !== null) {
        push(
          out,
          "offence_type",
          cleanLabel(offence[0] as string, area),
          null,
          "service",
          v,
          "percent",
          line,
        );
        continue;
      }
    }
    if (line.cells.length === 2 && !offenceTable) {
      const value = percentCell(line.cells[1] as string);
      const g = groupOf(line.cells[0] as string);
      if (value !== null && g && !fitsLabel(line.cells[0] as string, { count: null, percent: value })) {
        // A percentage beside a count's label ("Total black and minority ethnic youth population
        // of Croydon 16%"): a chart's figure run onto the row, its own count elsewhere.
        unfitLabel(out, line.flat, line);
        continue;
      }
      if (value !== null && g) {
        push(
          out,
          g.group,
          cleanLabel(line.cells[0] as string, area),
          null,
          roleOf(g.group, line.cells[0] as string),
          value,
          "percent",
          line,
        );
        continue;
      }
    }
    // A heading whose figures were images: "First-time entrant (rate per 100,000)" then
    // "Croydon", "England and Wales" with no number. Record the gap, never guess it.
    if (
      FTE_HEADING.test(line.flat) &&
      !/\d{2,}/.test(line.flat.replace(/100,000/, "")) &&
      // A heading over its places, not a label naming its own ("... per 100,000 in Tower").
      !/\b(?:in|for)(?:\s+\S.*)?$/i.test(line.flat)
    ) {
      missingHeading = {
        group: "first_time_entrants",
        label: cleanLabel(line.flat, area),
        unit: "rate_per_100k",
      };
      continue;
    }
    if (/^Re.?offending rates?$/i.test(line.flat)) {
      missingHeading = { group: "reoffending", label: cleanLabel(line.flat, area), unit: "percent" };
      continue;
    }
    if (
      missingHeading &&
      // (A place's name: short, or the area's own, however long its name.)
      (line.flat.length <= 40 || (area !== null && line.flat.startsWith(area))) &&
      /^\p{Lu}[\p{L}\p{M} ,'’.&-]+?(?:\s+\d)?$/u.test(line.flat) &&
      !/information|caseload|population|data|rates?$/i.test(line.flat) &&
      !groupOf(line.flat)
    ) {
      const subject = line.flat.replace(/\s+\d$/, "").trim();
      const role = COMPARATOR_PLACE.test(subject) ? "comparator" : "service";
      push(out, missingHeading.group, missingHeading.label, subject, role, null, missingHeading.unit, line);
      out.warnings.push({
        code: "figure-missing",
        message: `'${missingHeading.label}' for ${subject} is printed without its figure (probably an image)`,
        provenance: provenanceOf(line),
      });
      continue;
    }
    if (/^\d+(?:\.\d+)?%$/.test(line.flat)) {
      out.warnings.push({
        code: "unlabelled-figure",
        message: `A figure (${line.flat}) stands without a label in the contextual facts and was not read`,
        provenance: provenanceOf(line),
      });
    }
    missingHeading = null;
  }
}

/** A figure left unread because its label is not whole or cannot be what it says. */
function unfitLabel(out: Collector, label: string, line: Line): void {
  out.warnings.push({
    code: "fact-unclassified",
    message: `A figure whose label is not whole or cannot be what it says ('${label}') was not read`,
    provenance: provenanceOf(line),
  });
}

function addLabelled(
  out: Collector,
  label: string,
  figure: { count: number | null; percent: number | null },
  line: Line,
): void {
  // A sentence or a citation is no label: a footnote whose number stands where a figure would
  // ("4 Percentage of children under 16 ... 2018-19.", "5 Youth Justice Board. (2022). ...").
  if ((/\.\W*$/.test(label) && label.split(" ").length >= 4) || /\(\d{4}\)\./.test(label)) return;
  if (!fitsLabel(label, figure) || !oneLabel(label)) {
    unfitLabel(out, label, line);
    return;
  }
  const g = groupOf(label);
  if (!g) {
    out.warnings.push({
      code: "fact-unclassified",
      message: `A contextual figure labelled '${label}' could not be classified and was not read`,
      provenance: provenanceOf(line),
    });
    return;
  }
  const role = roleOf(g.group, label);
  if (figure.count !== null) {
    const unit: Unit = g.unit === "rate_per_100k" ? "rate_per_100k" : "count";
    push(out, g.group, label, null, role, figure.count, g.unit === "percent" ? "percent" : unit, line);
  }
  if (figure.percent !== null) push(out, g.group, label, null, role, figure.percent, "percent", line);
}

const TABLE_HEADINGS: { group: FactGroup; re: RegExp }[] = [
  { group: "staffing", re: /^Key staffing data/i },
  { group: "caseload_characteristics", re: /^Caseload characteristics/i },
];

/** A section table's label starting again inside a label (case matters: "of total staff headcount" does not). */
const SECOND_LABEL =
  /\s(?:Total|Percentage of|Proportion of|Average|Vacancy rate|Staff attrition|Number of)\b/;

/** A table's or figure's caption ("Table 3", "Figure 2: Offence types"), which some converters keep: not a row. */
const CAPTION = /^(?:Table|Figure|Chart|Graph)\s+\d{1,3}\b\.?(?::.*)?$/i;

/** A web address alone: a note's text, never a table's label. */
const WEB_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i;
/**
 * A figure printed beside a long label's first line, the label's last words run on after it in
 * the same line ("Vacancy rate ... of total case manager 5% headcount)"), as pdftotext -layout
 * writes a row whose label leaves no gap before its figure: before, figure, the label's rest.
 */
const FIGURE_INSIDE_LABEL = /^(.*[a-z,])\s+(\d{1,3}(?:\.\d{1,2})?%?)\s+([a-z(][^\d%]{0,60})$/;

/** A line that is nothing but a figure ("0%", "11.9%", "12.5"): the figure. */
function figureAlone(flat: string): string | null {
  const t = flat.trim();
  return /^\d{1,3}(?:,\d{3})*(?:\.\d+)?%?$/.test(t) ? t : null;
}

/** Label-then-figure tables in the standard sections ("Key staffing data", "Caseload characteristics"). */
function parseSectionTables(lines: Line[], from: number, out: Collector): void {
  for (let i = from; i < lines.length; i++) {
    const heading = TABLE_HEADINGS.find((h) => h.re.test((lines[i] as Line).flat));
    if (!heading) continue;
    // A label wrapped over lines before its figure ("Vacancy rate (total unfilled posts as
    // percentage of total staff" / "headcount)" / "0%"), as text renderings that write a cell's
    // lines one after another give it.
    let wrapped: string[] = [];
    let read = 0;
    let headingRows = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] as Line;
      if (/^-+$/.test(line.cells[0] ?? "") || CAPTION.test(line.flat)) continue;
      const alone = line.cells.length === 1 ? figureAlone(line.flat) : null;
      const inside = line.cells.length === 1 && !alone ? FIGURE_INSIDE_LABEL.exec(line.flat) : null;
      const cells = alone
        ? ["", alone]
        : inside
          ? [joinWrapped(inside[1] as string, inside[3] as string), inside[2] as string]
          : rowCells(line, "number");
      // (A label joined from its wrapped lines may be long: "Vacancy rate case managers only (total
      // unfilled case manager posts as percentage of total case manager headcount)".)
      if (cells.length === 1 && wrapped.length < 3 && !/[.:?!]$/.test(line.flat) && line.flat.length < 160) {
        wrapped.push(line.flat);
        continue;
      }
      if (cells.length !== 2) break;
      const cell = cells[1] as string;
      const percent = percentCell(cell);
      const count = numberCell(cell);
      if (percent === null && count === null) {
        // A heading row over the rows ("Measure | Figure", "Col1 | Col2"), before any: passed over.
        if (read === 0 && wrapped.length === 0 && headingRows++ < 2 && !/\d/.test(line.flat)) continue;
        break;
      }
      // A note's number and its text, a web address ("11" / "https://..."), between the rows: passed over.
      if (alone && wrapped.length === 0 && WEB_ADDRESS.test(lines[j + 1]?.flat ?? "")) {
        j++;
        continue;
      }
      let label = cleanLabel([...wrapped, cells[0] as string].join(" "));
      let joined = wrapped.length > 0;
      wrapped = [];
      // A figure centred on a two-line label stands between its lines ("... health and care" /
      // "11.9%" / "plan"), or beside its first line ("... education, health  11.9%" / "and care
      // plan"): the label's last lines follow.
      // (A line opened by a bracket continues only a label centred beside: below a row, "(Source:
      // ...)" is as likely a note on the table.)
      for (let k = 0; k < 3; k++) {
        const after = lines[j + 1];
        const runsOn = alone ? /^[a-z(]/ : /^[a-z]/;
        if (!after || after.cells.length !== 1 || !runsOn.test(after.flat) || after.flat.length >= 60) break;
        label = cleanLabel(joinWrapped(label, after.flat));
        joined = true;
        j++;
      }
      // Two labels run together (a capitalised label's start inside a label joined from lines):
      // the rows came apart from their figures; lost, not guessed.
      if (!label || (joined && SECOND_LABEL.test(label))) break;
      push(
        out,
        heading.group,
        label,
        null,
        "service",
        percent ?? count,
        percent !== null ? "percent" : "count",
        line,
      );
      read++;
      i = j;
    }
    // A table whose rows could not be read, figures under its heading: said, not passed by.
    if (
      read === 0 &&
      lines.slice(i + 1, i + 9).some((l) => l.cells.length >= 2 && /\d/.test(l.cells.at(-1) ?? ""))
    ) {
      out.warnings.push({
        code: "fact-unreadable",
        message: `The '${(lines[i] as Line).flat}' table's rows could not be read (no label and figure where its first row stands); the table was not read`,
        provenance: provenanceOf(lines[i] as Line),
      });
    }
  }
}

/** The inspected area, as the cover names it (a label may wrap inside it). */
export function parseFacts(lines: Line[], seg: Segments, area: string | null = null): Collector {
  const out: Collector = { facts: [], warnings: [] };
  if (seg.contextualFactsStart !== null && seg.contextualFactsEnd !== null) {
    parseContextualSection(lines, seg.contextualFactsStart + 1, seg.contextualFactsEnd, out, area);
  }
  parseSectionTables(lines, seg.contentsEnd, out);
  return out;
}
