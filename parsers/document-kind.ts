// What kind of document a text is, before it is parsed as a report: the inspectorate's other
// publications and inspections that look like a youth report (the later and the earlier
// programmes, a Welsh-language edition, an annual report or bulletin, an adult probation
// inspection, reports joined in one file), each refused with what it is.
import { coverAreas } from "./identity.js";
import type { NormalisedDocument } from "./lines.js";

type Lines = NormalisedDocument["lines"];

export class NotAReportError extends Error {
  readonly code = "E_NOT_A_YOS_REPORT";
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: not a youth offending service inspection report (${reason})`);
  }
}

/**
 * A document of the inspectorate that this tool will not read as a report, though it looks like
 * one: a youth justice inspection of the later programme, rated on another framework ("An
 * inspection of youth justice work with children and victims in <area>", which rates work with
 * children and work with victims rather than standards 1.1 to 4.1: read as this framework's
 * report, its ratings would land on the wrong standards), or of the programme before the 2018
 * standards (a full joint inspection, a short quality screening); the Welsh-language edition of a
 * report on a service in Wales, published beside the English one; reports joined in one file.
 */
export class RefusedReportError extends Error {
  constructor(
    readonly code: "E_OTHER_FRAMEWORK" | "E_WELSH_EDITION" | "E_SEVERAL_REPORTS",
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const LATER_PROGRAMME =
  /^An inspection of youth justice work with children and victims\b|\binspected and rated work with children and victims\b/i;

/**
 * The inspectorate's other publications on youth justice, by their cover, and what each is. Its
 * annual report ("Annual report: inspection of youth offending services (2019-2020)") prints every
 * inspected service's ratings, and read as one report it would load a mix of them under no area;
 * a research bulletin prints key questions' percentages across many inspections.
 */
const OTHER_PUBLICATIONS: { cover: RegExp; is: string }[] = [
  {
    cover: /^Annual report\b.{0,40}\binspections? of youth (?:offending|justice)/i,
    is: "the inspectorate's annual report across its inspections",
  },
  {
    cover: /^(?:HM Inspectorate of Probation\s+)?Research (?:&|and) Analysis Bulletin\b/i,
    is: "a research and analysis bulletin, on findings across inspections",
  },
  { cover: /^(?:HM Inspectorate of Probation\s+)?Academic Insights\b/i, is: "an Academic Insights paper" },
  {
    cover: /^(?:HM Inspectorate of Probation\s+)?Effective practice guide\b/i,
    is: "an effective practice guide",
  },
  // ("A thematic inspection of ...", or a line "Thematic Inspection" above the title.)
  { cover: /^(?:An? (?:joint )?)?thematic inspection\b/i, is: "a thematic inspection, across services" },
];

/** The cover line and kind of another publication than one service's inspection, if it is one. */
function otherPublication(lines: Lines): { line: Lines[number]; is: string } | null {
  for (const line of lines.slice(0, 40))
    for (const { cover, is } of OTHER_PUBLICATIONS) if (cover.test(line.flat)) return { line, is };
  return null;
}

/**
 * The Welsh-language edition's cover or credits: "Arolygiad o wasanaethau troseddwyr ifanc
 * Caerdydd", "Arolygiaeth Prawf EM" (HM Inspectorate of Probation).
 */
const WELSH_EDITION = /\bArolygiaeth Prawf\b|\bArolygiad o(?:['’]r)? wasanaethau\b/i;

/**
 * The line that shows a Welsh-language edition, if any: its Welsh title or credits, in a text
 * that is Welsh ("yn" more often than "the" in its opening), so that an English report whose
 * cover also names the inspectorate in Welsh is read.
 */
function welshEdition(lines: Lines): Lines[number] | null {
  const opening = lines.slice(0, 200);
  const found = opening.slice(0, 80).find((l) => WELSH_EDITION.test(l.flat));
  if (!found) return null;
  let welsh = 0;
  let english = 0;
  for (const l of opening) {
    welsh += (l.flat.match(/\byn\b/gi) ?? []).length;
    english += (l.flat.match(/\bthe\b/gi) ?? []).length;
  }
  return welsh > english ? found : null;
}

/** The line that shows a report of the later programme, if any: its title or its foreword's opening. */
function laterProgramme(lines: Lines): Lines[number] | null {
  for (const line of lines.slice(0, 200))
    if (line.flat.includes("ictims") && LATER_PROGRAMME.test(line.flat)) return line;
  return null;
}

/**
 * The cover of an inspection of the programme before the 2018 standards (Inspection of Youth
 * Offending Work, to 2017): "Full Joint Inspection", "Short Quality Screening", "Core Case
 * Inspection", "Report on youth offending work in: <area>". Such a report scores its cases on
 * other headings (reducing reoffending, protecting the public) and rates no standards 1.1 to 4.1.
 */
const EARLIER_PROGRAMME =
  /^(?:Full Joint Inspection|Short Quality Screening|Core Case Inspection)\b|^(?:(?:A )?Report on|(?:An )?Inspection of) youth offending work\b/i;

function earlierProgramme(lines: Lines): Lines[number] | null {
  return (
    lines.slice(0, 40).find((line) => line.flat.length <= 120 && EARLIER_PROGRAMME.test(line.flat)) ?? null
  );
}

const YOUTH_INSPECTION_TITLE = /inspection of youth (?:offending|justice) services/i;

/**
 * The cover of an inspection of probation services for adults, which the inspectorate publishes
 * beside the youth reports: "An inspection of probation services in: Dorset PDU", "... of the
 * National Probation Service: North West Division", "... of Durham Tees Valley Community
 * Rehabilitation Company" ("HM Inspectorate of Probation", on every cover, is none of these).
 */
const ADULT_PROBATION_TITLE =
  /\binspection of (?:the )?(?:probation services?\b|national probation service\b|[a-z][\w ,'&-]{0,80}?(?:community rehabilitation company\b|\bCRC\b)|[a-z][\w ,'&-]{0,60}?\b(?:PDU|probation delivery unit)\b)/i;
/** A ratings row of the adult framework: "1.1 Leadership", "1.3 Services", "Unpaid work", "Through the Gate". */
const ADULT_STANDARD_ROW =
  /^(?:1\.1\.?\s+Leadership\b(?!\s+and\b)|1\.3\.?\s+Services\b|\d\.\d\.?\s+(?:Unpaid work|Through the Gate|Pre-sentence information and advice)\b)/i;

/**
 * The line that shows an inspection of probation services for adults, if any: its cover's title,
 * or its ratings table's rows of the adult framework (two at least), where the cover does not call
 * it an inspection of youth services. Its numbers would load as standards 1.1 to 2.4 of a youth
 * report, and an adult report names youth offending services often enough (transitions,
 * partners) to pass for one.
 */
function adultProbationInspection(lines: Lines): Lines[number] | null {
  const cover = lines.slice(0, 60);
  if (cover.some((l) => YOUTH_INSPECTION_TITLE.test(l.flat))) return null;
  const title = cover.find((l) => ADULT_PROBATION_TITLE.test(l.flat));
  if (title) return title;
  const rows = lines.filter((l) => /^\d/.test(l.flat) && ADULT_STANDARD_ROW.test(l.flat));
  return rows.length >= 2 ? (rows[0] as Lines[number]) : null;
}

/**
 * A youth offending service report says so: on its cover, or by naming the service (YOS, YOT,
 * YJS) throughout. An adult probation report has a ratings table too, but not this.
 */
export function mentionsYouthJustice(lines: Lines): boolean {
  let mentions = 0;
  for (const line of lines) {
    if (YOUTH_INSPECTION_TITLE.test(line.flat)) return true;
    mentions += (line.flat.match(/\b(?:YOS|YOT|YJS|youth offending|youth justice)\b/gi) ?? []).length;
    if (mentions >= 5) return true;
  }
  return false;
}

/**
 * Why `lines` are refused before they are parsed as a report, as the error to throw, if they are:
 * read as one report, each kind would load wrong (another framework's ratings as standards 1.1 to
 * 4.1, Welsh names, many services' figures under none, two reports' rows as one).
 */
export function refusalOf(file: string, lines: Lines): NotAReportError | RefusedReportError | null {
  const later = laterProgramme(lines);
  if (later)
    return new RefusedReportError(
      "E_OTHER_FRAMEWORK",
      file,
      `an inspection of youth justice work with children and victims (HMI Probation's later programme, line ${later.line}), rated on another framework than standards 1.1 to 4.1`,
    );
  const earlier = earlierProgramme(lines);
  if (earlier)
    return new RefusedReportError(
      "E_OTHER_FRAMEWORK",
      file,
      `an inspection of youth offending work of HMI Probation's programme before the 2018 standards (line ${earlier.line}: '${earlier.flat.slice(0, 60)}'), which rates no standards 1.1 to 4.1`,
    );
  const welsh = welshEdition(lines);
  if (welsh)
    return new RefusedReportError(
      "E_WELSH_EDITION",
      file,
      `it is the Welsh-language edition of an inspection report (line ${welsh.line}: '${welsh.flat.slice(0, 60)}')`,
    );
  const other = otherPublication(lines);
  if (other)
    return new NotAReportError(
      file,
      `it is ${other.is} (line ${other.line.line}), not one service's inspection`,
    );
  const adult = adultProbationInspection(lines);
  if (adult)
    return new NotAReportError(
      file,
      `it is an inspection of probation services for adults, rated on another framework than the youth standards: line ${adult.line}, '${adult.flat.slice(0, 60)}'`,
    );
  const covers = coverAreas(lines);
  if (covers.length > 1)
    return new RefusedReportError(
      "E_SEVERAL_REPORTS",
      file,
      `it holds ${covers.length} reports, by their covers: ${covers.map((c) => `${c.area} (${c.line.page ? `page ${c.line.page}, ` : ""}line ${c.line.line})`).join(", ")}`,
    );
  return null;
}
