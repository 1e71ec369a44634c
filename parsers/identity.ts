// Identity: the inspected area (cover), publication month, lead inspector.

import type { Provenance, ReportWarning } from "../schemas/report.js";
import { type Line, endsSentence, provenanceOf, withNextLine } from "./lines.js";
import { AREA_NAME_ALONE, MONTH_WORD, SERVICE_WORDS, escapeRegExp, plain, yearMonth } from "./text.js";

export interface Identity {
  area: string | null;
  published: string | null;
  leadInspector: string | null;
  /** Whether the report says it is a re-inspection; null where neither a title nor a header was read. */
  reinspection: boolean | null;
  provenance: Record<string, Provenance>;
  warnings: ReportWarning[];
}

// "An inspection of youth offending services in", also as a joint inspection or a re-inspection,
// or without its article where a cover's first word was drawn apart ("Inspection of ... in").
// Never the 2018 running header "Inspection of youth offending services in: <area> 2".
export const COVER_TITLE = String.raw`(?:joint\s+|re-?\s*|follow-up\s+)?inspection of youth (?:offending|justice) services? in(?!:)\b`;
/** A title's or header's word for a re-inspection: "Re-inspection", "reinspection", "re- inspection" (a hyphen at a line's end). */
const REINSPECTION_WORD = /\bre-?\s*inspection\b/i;
const COVER = new RegExp(String.raw`^(?:An?\s+)?${COVER_TITLE}\s*(.*)$`, "i");
/**
 * The running header of every page, which names the area too ("Inspection of youth offending
 * services: Kirklees", "... in: Barking and Dagenham 2", "... in Oxfordshire 12"): the area where
 * the cover has none (a cover drawn as a picture, or left off by the converter).
 */
const RUNNING_HEADER_AREA =
  /^(?:\d{1,3}\s+)?(?:An?\s+)?(?:re-?\s*)?inspection of youth (?:offending|justice) services?(?::|\s+in:?)\s*(.+?)(?:\s+\d{1,3})?$/i;
// Run on plain() text: curly apostrophes and dashes are already straight.
const INSPECTORATE = "(?:HM|Her Majesty's|His Majesty's) Inspectorate of Probation";
const DAY = "(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?";
// "HM Inspectorate of Probation, 12 October 2021", "His Majesty's Inspectorate of Probation - October 2023"
export const PUBLISHER_LINE = `${INSPECTORATE}\\s*[,:-]?\\s*${DAY}${MONTH_WORD}\\s+(\\d{4})`;
const PUBLISHED = new RegExp(`^${PUBLISHER_LINE}$`, "i");
// The same at the end of the cover's area line, as converters that join a cover's lines write it
// ("Oxfordshire HM Inspectorate of Probation, May 2020"; "HM" glued on: "WarwickshireHM ...").
const PUBLISHED_AFTER_AREA = new RegExp(`${PUBLISHER_LINE}$`, "i");
// The inspectorate's name alone on its line, the month on the next.
const INSPECTORATE_ONLY = new RegExp(`^${INSPECTORATE}\\s*[,:-]?$`, "i");
/** The inspectorate's name and what follows it on the area's line: not the area. */
const FROM_INSPECTORATE = new RegExp(`\\s*${INSPECTORATE}.*$`, "i");
/** What a title may say of the inspection after the area: "Cardiff (reinspection)", "Cardiff: re-inspection". */
const INSPECTION_KIND = /\s*(?:\(\s*re-?inspection\s*\)|[:–—-]\s*re-?inspection)$/i;
/**
 * What a document-sharing site's title adds after the area, a snippet of the text: "Croydon ·
 * Croydon covers an area of ..." (no area's name holds a middle dot or a bar between spaces).
 */
const TITLE_SNIPPET = /\s+[·|]\s.*$/;
const MONTH_ONLY = new RegExp(`^${DAY}${MONTH_WORD}\\s+(\\d{4})$`, "i");
// A name: capitalised words of any script ("Zoë", "Seán O'Brien"), with lower-case particles
// ("Jane de la Cruz"). Words and spaces never overlap, so matching stays linear.
const WORD = "\\p{Lu}[\\p{L}'’.-]+";
const PARTICLES = "(?:(?:de|la|van|von|der|den|du|le|da|di)\\s+){0,2}";
const name = (more: string) => `${WORD}(?:\\s+${PARTICLES}${WORD})${more}`;
// "led by HM Inspector Jane Doe", "led by His Majesty's Inspector Jane Doe", "led by HMI Jane Doe"
// (not "led by HMI Probation", the inspectorate itself)
const LEAD = new RegExp(
  `\\b[Ll]ed by (?:(?:HM|Her Majesty's|His Majesty's)\\s+)?(?:[Ii]nspector|HMI),?\\s+(?!Probation\\b)(${name("{0,3}")})`,
  "u",
);
// "led by Jane Doe, HM Inspector"
const LEAD_AFTER = new RegExp(
  `\\b[Ll]ed by (${name("{1,3}")}),?\\s+(?:(?:HM|Her Majesty's|His Majesty's)\\s+[Ii]nspector|HMI)(?![\\p{L}])`,
  "u",
);
// "Lead inspector: Jane Doe", "The lead inspector was Jane Doe" (a credits page's wording)
const LEAD_LABEL = new RegExp(
  `\\b[Ll]ead [Ii]nspector(?:\\s*[:\\-–]|\\s+(?:was|is))\\s+(${name("{0,3}")})`,
  "u",
);
// "This inspection was led by Jane Doe, supported by a team of inspectors" (no title: the
// credits' sentence alone says whose name it is; never the inspectorate, "led by HMI Probation")
const LEAD_CREDITS = new RegExp(
  `\\bThis inspection was led by (?!(?:HMI?|Her|His|The)\\b)(${name("{0,3}")})(?=\\s*(?:,|\\.|$)|\\s+(?:and|supported|with)\\s)`,
  "u",
);
/** The lead inspector's name from a line's statement of it, as any of the wordings above give it. */
function leadStatement(text: string): RegExpMatchArray | null {
  return text.match(LEAD) ?? text.match(LEAD_AFTER) ?? text.match(LEAD_LABEL) ?? text.match(LEAD_CREDITS);
}
/** What every such statement holds: a line without either holds none. */
const LEAD_WORDS = /led by|lead inspector/i;
/**
 * A line that starts with the rest of a name cut at the line before's end: a name's word, then
 * the sentence going on ("Smith, supported by ...", "Smith and a team"), not a heading or a new
 * sentence ("Acknowledgements", "The role of ...").
 */
const NAME_GOES_ON = new RegExp(`^${PARTICLES}${WORD}(?=\\s*[,.]|\\s+(?:supported|and|with)\\s)`, "u");
const PUBLISHED_LABEL = new RegExp(
  `\\b(?:Published|Publication date|Date of publication)\\s*:?\\s*(?:\\d{1,2}\\s+)?${MONTH_WORD}\\s+(\\d{4})`,
  "i",
);

/** What follows an area's name when it names the service: "Kirklees youth justice service". */
const SERVICE_DESIGNATION = new RegExp(`\\s+${SERVICE_WORDS}(?:\\s*\\((?:YOS|YOT|YJS|YJT)\\))?$`, "i");

/** The area an area-and-service name names ("North Somerset YOS": "North Somerset"). */
function areaOfService(name: string): string {
  return name.replace(SERVICE_DESIGNATION, "").trim();
}

/** The area the running headers name most often, with the first header naming it. */
function areaFromRunningHeaders(furniture: Line[]): { area: string; line: Line } | null {
  const seen = new Map<string, { count: number; line: Line }>();
  for (const line of furniture) {
    const named = plain(line.flat).match(RUNNING_HEADER_AREA)?.[1];
    const area = named ? areaOfService(named) : "";
    if (!area) continue;
    const entry = seen.get(area) ?? { count: 0, line };
    entry.count++;
    seen.set(area, entry);
  }
  let best: { area: string; line: Line } | null = null;
  let most = 0;
  for (const [area, { count, line }] of seen)
    if (count > most) {
      best = { area, line };
      most = count;
    }
  return best;
}

interface Cover {
  area: string;
  /** The title's line (its lines, where the cover's large type wrapped it). */
  title: Line;
  /** The line naming the area: the title's own, or the next. */
  line: Line;
  /** The title's words say it is a re-inspection, before the area or after it. */
  reinspection: boolean;
}

/** A line the cover's title begins and that ends before the title does ("An inspection of youth"). */
const TITLE_BEGUN =
  /^(?:An?\s+)?(?:joint\s+|re-?\s*|follow-up\s+)?inspection(?:\s+of(?:\s+youth(?:\s+(?:offending|justice)(?:\s+services?)?)?)?)?$/i;

/** The area a cover's title at `lines[i]` names, with the line naming it, if it is one. */
function coverAreaAt(lines: Line[], i: number, title = COVER): Cover | null {
  const titleLine = lines[i] as Line;
  const text = plain(titleLine.flat);
  const m = text.match(title);
  if (!m) {
    // The title wrapped in the cover's large type ("An inspection of youth" / "offending services
    // in"): read as one line, its provenance both. (Capitalised, as a title is: not a sentence's
    // "... we began our" / "inspection of youth justice services" / "in Newtown, and found".)
    const next = lines[i + 1];
    return next && text.charCodeAt(0) >= 65 && text.charCodeAt(0) <= 90 && TITLE_BEGUN.test(text)
      ? coverAreaAt([withNextLine(titleLine, next), ...lines.slice(i + 2, i + 4)], 0, title)
      : null;
  }
  const rest = (m[1] as string).trim();
  const areaLine = rest ? titleLine : lines[i + 1];
  const named = (rest || (areaLine ? plain(areaLine.flat) : ""))
    .replace(TITLE_SNIPPET, "")
    .replace(FROM_INSPECTORATE, "");
  const reinspection =
    REINSPECTION_WORD.test(m[0].slice(0, m[0].length - (m[1] as string).length)) ||
    INSPECTION_KIND.test(named);
  let area = named.replace(INSPECTION_KIND, "").trim();
  // A name wrapped in the cover's large type ("Tower Hamlets and City of" / "London"): no
  // area's name ends on a joining word.
  const more = lines[(rest ? i : i + 1) + 1];
  if (
    area &&
    more &&
    /\b(?:and|of|with|upon|on|the)$/i.test(area) &&
    /^\p{Lu}[\p{L}\s'’.&-]{0,40}$/u.test(more.flat)
  )
    area = `${area} ${plain(more.flat)}`;
  return area && areaLine ? { area, title: titleLine, line: areaLine, reinspection } : null;
}

/** A cover's title with its article, "An inspection of youth offending services in", as no running header prints it. */
const COVER_WITH_ARTICLE = new RegExp(String.raw`^An?\s+${COVER_TITLE}\s*(.*)$`, "i");

/**
 * Every cover in the text that names an area, as several reports joined in one file have them
 * (a PDF of a year's reports, texts run together): one per area, the first.
 */
export function coverAreas(lines: Line[]): Cover[] {
  const seen = new Map<string, Cover>();
  for (let i = 0; i < lines.length; i++) {
    // (Only lines opening with the article's "A": the pattern runs on few lines.)
    if ((lines[i] as Line).flat.charCodeAt(0) !== 65) continue;
    const cover = coverAreaAt(lines, i, COVER_WITH_ARTICLE);
    // (An area's name and nothing more: a sentence opening with such words, "An inspection of
    // youth offending services in Cardiff, published in 2020, found ...", names no cover.)
    if (!cover || !AREA_NAME_ALONE.test(cover.area)) continue;
    const key = cover.area.toLowerCase().replace(/\s+/g, " ");
    if (!seen.has(key)) seen.set(key, cover);
  }
  return [...seen.values()];
}

/**
 * Identity from the cover; where the cover names no area, from the running headers, else from
 * the service the ratings table names (`service`, read there).
 */
export function parseIdentity(
  lines: Line[],
  furniture: Line[] = [],
  service: { name: string; provenance: Provenance } | null = null,
): Identity {
  const out: Identity = {
    area: null,
    published: null,
    leadInspector: null,
    reinspection: null,
    provenance: {},
    warnings: [],
  };
  const head = lines.slice(0, 80);
  let coverLine: Line | null = null;
  for (let i = 0; i < head.length && out.area === null; i++) {
    const cover = coverAreaAt(head, i);
    if (cover) {
      out.area = cover.area;
      out.provenance.area = provenanceOf(cover.line);
      coverLine = cover.line;
      out.reinspection = cover.reinspection;
      out.provenance.reinspection = provenanceOf(cover.title);
    }
  }
  const fromHeaders = out.area === null ? areaFromRunningHeaders(furniture) : null;
  if (fromHeaders) {
    out.area = fromHeaders.area;
    out.provenance.area = provenanceOf(fromHeaders.line);
    out.reinspection = REINSPECTION_WORD.test(fromHeaders.line.flat);
    out.provenance.reinspection = provenanceOf(fromHeaders.line);
  } else if (out.area === null && service) {
    out.area = areaOfService(service.name) || null;
    if (out.area) out.provenance.area = service.provenance;
  }
  for (let i = 0; i < head.length; i++) {
    const line = head[i] as Line;
    const text = plain(line.flat);
    const areaLine = out.provenance.area?.line === line.line;
    let m =
      text.match(PUBLISHED) ??
      text.match(PUBLISHED_LABEL) ??
      (areaLine ? text.match(PUBLISHED_AFTER_AREA) : null);
    let at = line;
    const next = head[i + 1];
    // The month alone after the inspectorate's name, or straight after the cover's area where the
    // name is in the cover's logo, a picture ("Warwickshire" / "December 2018"). (Not after an
    // area read from the ratings table's service: its fieldwork's month may stand there.)
    if (!m && next && (INSPECTORATE_ONLY.test(text) || line === coverLine)) {
      m = plain(next.flat).match(MONTH_ONLY);
      at = next;
    }
    if (m) {
      out.published = yearMonth(m[1] as string, m[2] as string);
      out.provenance.published = provenanceOf(at);
      break;
    }
  }
  const head400 = lines.slice(0, 400);
  for (const [i, line] of head400.entries()) {
    const text = plain(line.flat);
    let m = leadStatement(text);
    let at = line;
    // The sentence wrapped at the name: "led by HM Inspector" / "Jane Doe, supported by ...", or
    // "led by HM Inspector Jane" / "Doe, ..." (one word at the line's end would be a name cut
    // short): read on into the next line, the provenance both.
    const next = head400[i + 1];
    const named = m ? (m[1] as string).trim() : "";
    if (
      (!m ||
        (text.trimEnd().endsWith(named) &&
          (!/\s/.test(named) || (next !== undefined && NAME_GOES_ON.test(plain(next.flat)))))) &&
      next &&
      LEAD_WORDS.test(text) &&
      !endsSentence(line)
    ) {
      const joined = withNextLine(line, next);
      const read = leadStatement(plain(joined.flat));
      if (read) {
        m = read;
        at = joined;
      }
    }
    if (m) {
      out.leadInspector = leadName(m[1] as string);
      out.provenance.leadInspector = provenanceOf(at);
      break;
    }
  }
  // A re-inspection whose title does not say so says it in its foreword or introduction.
  if (out.reinspection !== true) {
    const said = reinspectionStatement(lines);
    if (said) {
      out.reinspection = true;
      out.provenance.reinspection = provenanceOf(said.line, said.cited);
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

/**
 * The report's own sentence saying this inspection is a re-inspection: "This was a reinspection of
 * the service", "This inspection is a re-inspection", "this re-inspection found". Only of this
 * inspection: "when we re-inspected Cardiff in 2022" or "a re-inspection will follow" in a later
 * report says nothing of its own.
 */
const REINSPECTION_STATEMENT =
  /\b(?:this|the) (?:inspection )?(?:is|was) a re-?\s*inspection\b|\bthis re-?\s*inspection\b/i;

function reinspectionStatement(lines: Line[]): { line: Line; cited: string } | null {
  // The foreword and introduction; never the whole report, whose later pages may speak of
  // re-inspections elsewhere.
  const head = lines.slice(0, 400);
  for (const [i, line] of head.entries()) {
    // (A cheap look first: the words are rare, the lines many.)
    if (!line.flat.includes("nspection") && !line.flat.includes("NSPECTION")) continue;
    const prev = head[i - 1];
    // The word on this line, or begun at the line before's end ("This was a re-" / "inspection
    // of the service"): the sentence may begin on the line before.
    if (
      !REINSPECTION_WORD.test(line.flat) &&
      !(prev && /^inspection/i.test(line.flat) && /\bre-?$/i.test(prev.flat))
    )
      continue;
    for (const read of [line, prev && !endsSentence(prev) ? withNextLine(prev, line) : null]) {
      const m = read ? plain(read.flat).match(REINSPECTION_STATEMENT) : null;
      if (read && m) return { line: read, cited: m[0] };
    }
  }
  return null;
}

/** The name without a following sentence ("Jane Doe. We") or closing stop; "J. Doe", "Dr. Ann Lee" stay. */
function leadName(name: string): string {
  const stop = name.search(/[\p{L}'’-]{3}\.\s/u);
  return (stop < 0 ? name : name.slice(0, stop + 4)).replace(/[.,]$/, "");
}

// Case-sensitive: "may" is a verb.
const FIELDWORK_DATE = new RegExp(`${DAY}${MONTH_WORD}(?:\\s+(\\d{4}))?`, "g");

/**
 * When fieldwork began, from the report's own sentence, for reports whose ratings table prints
 * no "Fieldwork started": "Our fieldwork was conducted between 28 June and 02 July 2021" (June
 * 2021), "We conducted fieldwork ... beginning 10 October 2022". The first date after the word
 * in its sentence; a date without its year takes the next one's (a year earlier when its month
 * comes later: "between 30 December and 3 January 2020").
 */
export function fieldworkFromProse(lines: Line[]): { month: string; line: Line } | null {
  for (const [i, line] of lines.entries()) {
    if (!/fieldwork/i.test(line.flat)) continue;
    const found = fieldworkIn(line);
    if (found) return { month: found, line };
    // A sentence the line leaves unfinished goes on on the next (a justified line a converter
    // took for a table row, and did not join: "Our  fieldwork,  conducted ... case files," /
    // "and ... took place between 14 September and 18 September 2020."): read from the two,
    // whose provenance shows both.
    const next = lines[i + 1];
    if (!next || endsSentence(line)) continue;
    const joined = withNextLine(line, next);
    const carried = fieldworkIn(joined);
    if (carried) return { month: carried, line: joined };
  }
  return null;
}

/** The month fieldwork began, from a sentence of `line` that names it (see fieldworkFromProse). */
function fieldworkIn(line: Line): string | null {
  for (const sentence of plain(line.flat).split(/(?<=[.;])\s+/)) {
    const at = sentence.search(/\bfieldwork\b/i);
    if (at < 0) continue;
    const dates = [...sentence.slice(at, at + 160).matchAll(FIELDWORK_DATE)];
    const first = dates[0];
    if (!first) continue;
    let year = first[2] ?? null;
    if (!year) {
      const later = dates.slice(1).find((d) => d[2]);
      if (!later) continue;
      const [a, b] = [first[1], later[1]].map((m) => yearMonth(m as string, "2000"));
      year = String(Number(later[2]) - ((a ?? "") > (b ?? "") ? 1 : 0));
    }
    const month = yearMonth(first[1] as string, year);
    if (month) return month;
  }
  return null;
}

/** The area's name as a pattern, any white space between its words. */
const areaWords = (area: string) => area.split(/\s+/).map(escapeRegExp).join("\\s+");

/**
 * The service the recommendations address by the area's name ("The Blackburn with Darwen Youth
 * Justice Service should:"), and that heading's line: its name where the ratings table's heading
 * could not be read. Not a board or a manager of it ("... Service Management Board should:").
 */
export function serviceAddressed(
  addressees: readonly { name: string; line: Line }[],
  area: string | null,
): { name: string; line: Line } | null {
  if (!area) return null;
  const service = new RegExp(`^(?:The\\s+)?(${areaWords(area)}\\s+${SERVICE_WORDS})$`, "i");
  for (const { name, line } of addressees) {
    const m = plain(name).match(service);
    if (m) return { name: (m[1] as string).replace(/\s+/g, " "), line };
  }
  return null;
}

/**
 * The service named by the area's name just before "Fieldwork started", where the ratings
 * table's cells ran into the page's text (each page one line, as an old PyPDF2 writes it: "...
 * Ratings Tower Hamlets and City of London Youth Justice Service Fieldwork started: April 2022
 * Overall rating ..."), so that no cell of the table holds the name alone.
 */
export function serviceBeforeFieldwork(
  lines: readonly Line[],
  area: string | null,
): { name: string; line: Line; cited: string } | null {
  if (!area) return null;
  const service = new RegExp(`\\b(${areaWords(area)}\\s+${SERVICE_WORDS})\\s+Fieldwork started\\b`, "i");
  for (const line of lines) {
    if (!/Fieldwork started/i.test(line.flat)) continue;
    const m = plain(line.flat).match(service);
    // (The snippet shows the name where it stands, before "Fieldwork started".)
    if (m) return { name: (m[1] as string).replace(/\s+/g, " "), line, cited: m[0] };
  }
  return null;
}
