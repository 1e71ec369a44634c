// page lines: a text whose every page was run into one line (a script joining pdf.js's text
// items with spaces, an old PyPDF2) has its headings, tables and notes inside lines of thousands
// of characters, where nothing that reads a line at a time finds them. Such a text (half its
// characters or more in lines longer than any paragraph) is cut back into lines at its
// structure: the cover's lines, the contents' entries, section, domain, standard and annex
// headings, the ratings table's score and overall rating, a section's rating, the facts tables'
// sub-headings and captions, a table's key question heading, the standards' lead-ins, a row or a
// rating opening a page, the page's notes, a list's lead-in and addressees; then each piece's
// rows as in a paragraph (run-on-rows). Only in such a text:
// in a text of paragraphs, "Recommendations" or "2.1 Assessment" inside a line is prose.

import { FACTS_SUBHEADING, LABEL_FIRST_TABLE, SPLIT_HEADING } from "./facts.js";
import { ALL_STANDARD_DEFINITIONS } from "./framework.js";
import { COVER_TITLE, PUBLISHER_LINE } from "./identity.js";
import type { SourceLine } from "./normalise.js";
import {
  FIGURES,
  MARKER,
  OVERALL_LABEL,
  RATING,
  capitalisedWords,
  linesCut,
  rowCuts,
  runOnRowsSplit,
  starts,
} from "./run-on-rows.js";
import { DOMAIN_TITLE } from "./segment.js";
import { QUESTION_WORD } from "./text.js";

/** Longer than any paragraph of a report: a line this long holds a page or more. */
export const LONG_LINE = 2000;

/**
 * Whether most of a text (half its characters or more) stands in lines longer than LONG_LINE, as
 * where a converter ran each page into one line: how many such lines, and their share.
 */
export function linesRunTogether(lines: string[]): { lines: number; percent: number } | null {
  let all = 0;
  let long = 0;
  let count = 0;
  for (const line of lines) {
    all += line.length;
    if (line.length > LONG_LINE) {
      long += line.length;
      count++;
    }
  }
  return count > 0 && long * 2 >= all ? { lines: count, percent: Math.round((100 * long) / all) } : null;
}

/** Standards' names, the longest first ("Out-of-court disposal policy and provision" before "Out..."). */
const STANDARD_NAME = [...new Set(ALL_STANDARD_DEFINITIONS.flatMap((d) => [d.name, ...d.aliases]))]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/[-\s]+/g, "[-\\s]+"))
  .join("|");
/** What a heading follows in a page run into one line: the line's start, a sentence's or a row's end, a page's number. */
const AFTER_BLOCK = String.raw`(?<=^\s*|(?:[.?!:;%\d)>"'’”⁰¹²³⁴⁵⁶⁷⁸⁹]|${RATING})\s+)`;
/** A heading that is a line of its own: "Contents", "Recommendations", "Contextual facts". */
const SECTION_NAME = new RegExp(
  String.raw`${AFTER_BLOCK}(?:Contents|Foreword|Acknowledgements|Introduction|Executive summary|Overall findings|Summary of ratings|Ratings|Recommendations|Background|Contextual (?:facts|information|data))(?=\s|$)`,
  "g",
);
/**
 * "Overall findings" after the foreword's signature, which ends in no full stop ("... Chief
 * Inspector of Probation Overall findings Overall, Croydon YOS is rated as: ..."): its first
 * sentence says what it is.
 */
const OVERALL_FINDINGS = /(?<=\s)Overall findings(?=\s+Overall,\s)/g;
/** A domain's heading: "1. Organisational delivery", "Domain two: Court disposals". */
const DOMAIN_NAME = new RegExp(String.raw`${AFTER_BLOCK}${DOMAIN_TITLE}(?=\s|$)`, "g");
/**
 * A standard's heading, perhaps with its domain or its rating: "2.1. Assessment", "2.3.
 * Implementation and delivery (court disposals)", "2.1 Assessment Good"; its
 * number with a point after it ("1.2. Staff") after any word (a note's web address ends a page).
 */
const STANDARD_HEADING = new RegExp(
  String.raw`(?:${AFTER_BLOCK}[1-4]\.[1-4]\.?|(?<=\s)[1-4]\.[1-4]\.)\s+(?:${STANDARD_NAME})(?:\s+\((?:court|out-of-court) disposals\))?(?:\s+${RATING})?(?=\s|$)`,
  "g",
);
/**
 * An annex's heading and its title, a capitalised word and the lower-case words after it, up to the
 * next sentence's capital: "Annex 2: Inspection results The answers ...", "Annexe 1 – Methodology".
 */
const ANNEX_HEADING = new RegExp(
  String.raw`${AFTER_BLOCK}(?:Annexe?|Appendix)\s+(?:\d+|[A-H])\s*[:–—.-]\s*[A-Z][a-z]+(?:\s+[a-z]+){0,4}(?=\s+[A-Z]|\s*$)`,
  "g",
);
/**
 * A section's rating standing after its description: "... their parents/carers. Requires
 * improvement Our rating", "... or carers. Good --- ------ Our rating" (a table's rule after it).
 */
const RATING_ALONE = new RegExp(
  String.raw`(?<=[.!?]\s+)${RATING}${MARKER}(?=\s+(?:[A-Z]|<sup>|&lt;|[⁰¹²³⁴⁵⁶⁷⁸⁹]|[-–—=_]{3}))`,
  "g",
);
/**
 * The ratings table's heading, score and overall rating, each a line of its own: "... Ratings
 * Kirklees youth justice service Score 8/36 Overall rating Requires improvement 1. ...".
 */
const RATINGS_TABLE = new RegExp(
  String.raw`(?<=\s)(?:Ratings(?=\s.{0,80}?(?:Score\s+\d|${OVERALL_LABEL}))|Score\s+\d{1,2}\s*/\s*36|${OVERALL_LABEL}\s+${RATING})`,
  "g",
);
/** A heading's footnote marker: raised, in markup, or plain digits glued on ("Additional caseload data9"). */
const GLUED_MARKER = String.raw`\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\s*<sup>\d{1,3}</sup>|\d{1,2}(?=\s)`;
/**
 * A contextual facts table's sub-heading, or a label-first table's heading, its footnote marker
 * (and its "%" column's heading) with it: "Population information⁴", "Offence types ¹³ %". A
 * marker of plain digits a space after the heading only where no figure can follow: before a
 * split's heading ("Caseload information 5 Age (years) ...") or a label-first table's first
 * label ("Caseload characteristics 15 Percentage of ...").
 */
const FACTS_TABLE = new RegExp(
  String.raw`(?<=^|\s)(?:(?:${FACTS_SUBHEADING})(?:${GLUED_MARKER}|\s+\d{1,2}(?=\s+(?:${SPLIT_HEADING})\b))?|(?:${LABEL_FIRST_TABLE})(?:${GLUED_MARKER}|\s+\d{1,2}(?=\s+(?:%\s+)?[A-Z]))?)(?:\s+%(?=\s))?`,
  "g",
);
/**
 * A key question heading its prompts' table, or the paragraphs on it, after a sentence or a note:
 * "... caution cases. Are the YOT's recommendations ...? Of the 5 cases inspected:", "...
 * explanation. Does assessment ... desistance? In 19 out of 22 cases ...".
 */
const QUESTION_HEADING = new RegExp(
  String.raw`(?<=[.!?>]\s+)${capitalisedWords(QUESTION_WORD)}\s[^.?!]{10,300}\?(?=\s+[A-Z]|\s*$)`,
  "g",
);
/**
 * A section's rating opening its page's line, its description on the page before, then what
 * follows a rating in a section: "Good Strengths: - Policies, ...", "Requires improvement Our
 * rating for ...".
 */
const RATING_OPENING_PAGE = new RegExp(
  String.raw`^\s*${RATING}${MARKER}(?=\s+(?:Strengths:|Areas for improvement:|Key (?:staffing )?data|Our rating\b))`,
);
/**
 * A table's last row carried onto the next page, opening the page's line before the section's
 * prose: "Does reviewing focus sufficiently on keeping other people safe? 7 5 Work was adapted,
 * ..." (its one row rowCuts leaves in the paragraph). Cut after its figures.
 */
const ROW_OPENING_PAGE = new RegExp(
  String.raw`^\s*${capitalisedWords(QUESTION_WORD)}\s[^?]{10,300}\?${MARKER}\s+${FIGURES}(?=\s+[A-Z])`,
);
/**
 * The lead-in to an organisational standard's questions, after its tables: "... 16.6% In making
 * a judgement about staffing, we take into account ...", which no table row runs into.
 */
const JUDGEMENT_LEAD_IN = /(?<=\s)In making a judgement about\b/g;
/**
 * A key question by its printed number after a sentence or a row (2019's tables): "... their
 * parents/carers. 2.2.1. Does planning focus ...?", its page's only row, which rowCuts leaves.
 */
const NUMBERED_QUESTION = new RegExp(
  String.raw`${AFTER_BLOCK}[1-4]\.[1-4]\.[1-9]\.?\s+(?=${capitalisedWords(QUESTION_WORD)}\s)`,
  "g",
);
/**
 * The lead-in to a standard's key questions after a sentence or the section's rating: "... to
 * Good. Our rating²⁵ for ...", "... carers. improvement Our rating²⁹ ..." (its cell wrapped).
 */
const KEY_QUESTIONS_LEAD_IN = new RegExp(
  String.raw`(?<=(?:[.!?>]|${RATING}|\bimprovement|[-–—=_]{3})\s+)Our rating\b`,
  "g",
);
/**
 * A facts table's caption: "Of the 57 court disposals:", "Of the 37 out-of-court disposals" (a
 * figure after it), or a phrase in lower case ending in a colon straight after a label's last
 * word: "... out-of-court disposal Education and child protection status of caseload:".
 */
const FACTS_CAPTION =
  /(?<=\s)Of the \d+ [a-z -]{1,60}?(?::|(?=\s+\d))|(?<=[a-z]\s+)[A-Z][a-z]+(?:\s+\(?[a-z][\w'’-]*\)?){2,12}:[⁰¹²³⁴⁵⁶⁷⁸⁹\d]*(?=\s|$)/g;
/**
 * A page's footnote after the page's last words, its marker as the converters write it: "... 86%
 * 13% ⁴ Office for National Statistics", "... key questions: <sup>20</sup> Planning was ...",
 * "... Robbery 6% $^{^{9}}$ Data supplied ..." (LaTeX, as normalise reads it). A marker in
 * markup a space after a word, too: "... out-of-court disposal <sup>3</sup> Office for ..." (a
 * figure-first table's last label); the text's own markers are glued to their words.
 */
const FOOTNOTE = new RegExp(
  String.raw`(?:${AFTER_BLOCK}[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?:${AFTER_BLOCK}|(?<=[a-z]\s+))(?:(?:<sup>(?:&</sup>lt;sup>)?|&lt;sup&gt;)\d{1,3}(?:</sup>|&lt;/sup&gt;)|\$\s*\^\{?[^$\s]{0,12}?\d{1,3}\s*\}*\s*\$))\s+(?=[A-Z])`,
  "g",
);
/** A list's first item after its lead-in: "... should: 1. review ...", "... should: - review ...". */
const LIST_OPENING =
  /(?<=\bshould:\s+)(?:[-•*]\s+)?(?:\d{1,2}[.)]\s+)?(?=[a-z])|(?<=:\s+)(?:[-•*]\s+|\d{1,2}[.)]\s+)(?=[a-z])/g;
/** A recommendations' addressee after the item before: "... practice. West Yorkshire Police should:". */
const ADDRESSEE = /(?<=[.;]\s+)[A-Z][A-Za-z'’&,() -]{2,100}?\s+should:/g;
/**
 * The cover's title after the publisher's logo ("Her Majesty's Inspectorate of Probation An
 * inspection of ..."), and its publisher and month: "HM Inspectorate of Probation, October 2021".
 */
const COVER = new RegExp(String.raw`(?<=\S\s+)(?:An ${COVER_TITLE}|${PUBLISHER_LINE})`, "g");

/** Where a page run into one line is cut: before (and after) each part of its structure, then its rows. */
export function pageCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const pattern of [
    SECTION_NAME,
    OVERALL_FINDINGS,
    DOMAIN_NAME,
    STANDARD_HEADING,
    ANNEX_HEADING,
    RATING_ALONE,
    COVER,
    RATINGS_TABLE,
  ])
    for (const m of text.matchAll(pattern)) {
      const end = (m.index as number) + m[0].length;
      cuts.push(m.index as number);
      // (A heading ends its line where a sentence or a name follows; a contents entry's page
      // number, "Ratings 4", stays with it.)
      if (!/^\s+\d{1,3}(?:\s|$)/.test(text.slice(end, end + 5))) cuts.push(end);
    }
  for (const pattern of [
    LIST_OPENING,
    ADDRESSEE,
    FOOTNOTE,
    KEY_QUESTIONS_LEAD_IN,
    NUMBERED_QUESTION,
    JUDGEMENT_LEAD_IN,
  ])
    cuts.push(...starts(pattern, text));
  for (const pattern of [FACTS_TABLE, FACTS_CAPTION, QUESTION_HEADING])
    for (const m of text.matchAll(pattern)) cuts.push(m.index as number, (m.index as number) + m[0].length);
  const opening = ROW_OPENING_PAGE.exec(text) ?? RATING_OPENING_PAGE.exec(text);
  if (opening) cuts.push(opening[0].length);
  const at = [0, ...new Set(cuts)].sort((a, b) => a - b);
  const rows: number[] = [];
  for (const [k, from] of at.entries()) {
    const piece = text.slice(from, at[k + 1] ?? text.length);
    if (piece.trim().length >= 40) rows.push(...rowCuts(piece).map((c) => c + from));
  }
  return [...at, ...rows];
}

/**
 * The source lines of a text run a page a line, each cut at its structure; any other text's with
 * its run-on table rows cut apart (runOnRowsSplit).
 */
export function runOnLinesSplit(source: SourceLine[]): SourceLine[] {
  // (Every line of such a text: the cover's page and the contents' are shorter than the rest.)
  return linesRunTogether(source.map((l) => l.text ?? l.raw))
    ? linesCut(source, pageCuts)
    : runOnRowsSplit(source);
}
