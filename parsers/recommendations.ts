// Recommendations: the stated count ("we have made seven recommendations") and the listed
// items, each under the heading naming who should act ("The YOS Management Board should:").

import type { Recommendation, Recommendations, ReportWarning } from "../schemas/report.js";
import { NOTE_START } from "./footnotes.js";
import { type Line, SENTENCE_END, endsSentence, provenanceOf } from "./lines.js";
import type { Segments } from "./segment.js";
import { COUNT_WORD, joinWrapped, parseCount, plain } from "./text.js";

const STATED = new RegExp(`we have made (?:the following )?${COUNT_WORD} recommendations?`, "i");
/**
 * The count said otherwise ("we make 7 recommendations", "we have made a total of seven", "seven
 * recommendations have been made"): read only inside the recommendations section, since a
 * foreword may say so too ("... we make seven recommendations to ..."), and the list starts after
 * the section's statement.
 */
const STATED_OTHERWISE = new RegExp(
  `\\bwe (?:have )?(?:made|make) (?:the following |a total of )?${COUNT_WORD} recommendations?|\\b${COUNT_WORD} recommendations? (?:have been|has been|were|are) made`,
  "i",
);
/**
 * An item that names who should act ("1. The YJS management board should review its
 * membership", "2. Kirklees Clinical Commissioning Group should ..."), where no heading names
 * them: that addressee and the action. A name: "The" and its words (no clause: "The plan that
 * staff should ..."), or capitalised words and the small words between them.
 */
const ITEM_ADDRESSEE =
  /^(The\s+(?:(?!that\b|which\b|who\b)[^.:;\s]+\s+){0,14}?[^.:;\s]+|[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|for|in|the|&)){0,12})\s+should:?\s+(\S.*)$/;
// "1. review", "1) review", "(1) review", "1.review" (the space lost).
const MARKED_ITEM = /^\(?([1-9]\d?)[.)](\s*)(\S.*)$/;
// "a. review", "b) review", "(c) review".
const LETTERED_ITEM = /^\(?([a-z])[.)]\s+(\S.*)$/;
// "1 review" ("1\treview" with its period lost): only inside the list and in sequence, so that
// prose beginning with a number is not taken for an item.
const BARE_ITEM = /^([1-9]\d?)\s+([A-Za-z].*)$/;
/** A list bullet as the text was written (cleaning drops it): each bulleted line is an item. */
const BULLET = /^\s*[-•▪●◦■○*\uF0A7\uF0B7]\s/;
const END_OF_LIST =
  /^(Background|Introduction|Contextual facts|Contents|Foreword|Executive summary|Ratings|1\.\s*Organisational delivery|Domain one)/i;

/** The first line from `from` on that states the recommendations' number as `stated` words it. */
function statedCountAt(
  lines: Line[],
  from: number,
  stated: RegExp,
): { line: Line; count: number | null } | null {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as Line;
    // (Only a line naming recommendations can state their number: the rest need not be made plain.
    // Or one whose number ends it, the word opening the next: "we have made 10" / "recommendations".)
    const next = lines[i + 1];
    const stating = /recommendation/i.test(line.flat)
      ? line.flat
      : next && /^recommendations?\b/i.test(next.flat) && /\bmade\s+\S+$/i.test(line.flat)
        ? `${line.flat} ${next.flat}`
        : null;
    const m = stating === null ? null : plain(stating).match(stated);
    if (m) return { line, count: parseCount((m[1] ?? m[2]) as string) };
  }
  return null;
}

export function parseRecommendations(
  lines: Line[],
  seg: Segments,
): {
  recommendations: Recommendations;
  /** Each heading that names who should act ("The YOS Management Board should:"), and its line. */
  addressees: { name: string; line: Line }[];
  warnings: ReportWarning[];
} {
  const addressees: { name: string; line: Line }[] = [];
  const warnings: ReportWarning[] = [];
  const stated =
    statedCountAt(lines, seg.contentsEnd, STATED) ??
    (seg.recommendationsStart === null
      ? null
      : statedCountAt(lines, seg.recommendationsStart, STATED_OTHERWISE));
  const statedLine = stated?.line ?? null;
  const statedCount = stated?.count ?? null;
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
    return { recommendations: { statedCount, statedCountProvenance: null, items }, addressees, warnings };
  }
  let addressee: string | null = null;
  let afterAddressee = false;
  let lastNumber: number | null = null;
  // The line before was the addressee or an item: a bulleted line here is the list's next item.
  let inList = false;
  // Inside a note printed among the items (see below): its wrapped lines are no item's.
  let inNote = false;
  // The addressee's first words on lines of their own before its "... should:" (an OCR'd
  // justified line written a group of words at a time: "The Youth" / "Crime" / "Board should:").
  let addresseeStart: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = plain(line.flat);
    if (END_OF_LIST.test(text) && text.length < 60) break;
    if (
      addresseePiece(text) &&
      (i === start || addresseeStart.length > 0 || endsSentence(lines[i - 1])) &&
      piecesToAddressee(lines, i + 1)
    ) {
      addresseeStart.push(text);
      continue;
    }
    const who = text.match(ADDRESSEE);
    if (who) {
      addressee = [...addresseeStart, (who[1] as string).trim()].join(" ");
      addressees.push({ name: addressee, line });
      addresseeStart = [];
      afterAddressee = true;
      inList = true;
      inNote = false;
      continue;
    }
    const bulleted = BULLET.test(line.raw);
    // The list's lead-in: the addressee ("... should:") or the line stating the count.
    const numbered = itemNumber(text, afterAddressee || i === start, lastNumber);
    // Numbered below the item before it, not after a lead-in: a page's footnote among the items,
    // its marker written "1." (an OCR'd scan's "¹"; "1. The rating for Resettlement does not
    // influence the overall YOS rating." between items 2 and 3), not a recommendation.
    // (Or its number alone on its line, its text a sentence on the next: "1." / "The rating for
    // Resettlement ...", pdfminer's boxes. Not a page's number left among the items.)
    const noteText = lines[i + 1] ? plain((lines[i + 1] as Line).flat) : "";
    const alone =
      numbered === null &&
      /^\d{1,2}[.)]?$/.test(text) &&
      /^[A-Z]/.test(noteText) &&
      !ADDRESSEE.test(noteText);
    // (Or its number bare before the note's words, below the item before it: "1\tThe rating for
    // Resettlement ..." between items 6 and 7, pypdf's page foot where it falls. Not a date or
    // a count an item's line wraps before: "... by" / "2 March 2024".)
    const bare = numbered === null && !alone && lastNumber !== null ? text.match(NOTE_START) : null;
    const noteNumber =
      numbered?.number ?? (alone ? Number.parseInt(text, 10) : bare ? Number(bare[1]) : null);
    // (After an addressee, a list may number from 1 again, unless its next item goes on from
    // the numbers before: "... Board should:" / "1 The rating for Resettlement ..." / "5. ensure
    // ...", pypdf's page foot where it falls.)
    const restarted = afterAddressee && !numberingGoesOn(lines, i + 1, lastNumber);
    // (Or before the list's first lead-in, its number bare, the items after the lead-in numbered
    // from it again: "1 The rating for Resettlement ..." / "The ... Service should:" / "1.
    // provide ...", pypdf's page foot where it falls.)
    const beforeLeadIn =
      numbered !== null &&
      items.length === 0 &&
      addressee === null &&
      !MARKED_ITEM.test(text) &&
      leadInThenItem(lines, i + 1, numbered.number);
    if (
      beforeLeadIn ||
      (noteNumber !== null && lastNumber !== null && noteNumber < lastNumber && !restarted && i !== start)
    ) {
      const note = alone ? `${text} ${noteText}` : text;
      warnings.push({
        code: "recommendation-out-of-sequence",
        message: beforeLeadIn
          ? `'${note.slice(0, 80)}' is numbered ${noteNumber} before the list's lead-in, whose first item is numbered so too: taken for a note, not a recommendation`
          : `'${note.slice(0, 80)}' is numbered ${noteNumber} after recommendation ${lastNumber}: taken for a note, not a recommendation`,
        provenance: provenanceOf(line),
      });
      inNote = true;
      if (alone) i++;
      continue;
    }
    if (numbered) {
      inNote = false;
      lastNumber = numbered.number;
      const named = addressee === null ? numbered.text.match(ITEM_ADDRESSEE) : null;
      items.push({
        position: items.length + 1,
        number: numbered.number,
        addressee: named ? (named[1] as string) : addressee,
        text: named ? (named[2] as string) : numbered.text,
        provenance: provenanceOf(line),
      });
      afterAddressee = false;
      inList = true;
      continue;
    }
    if (inNote && /^[a-z]/.test(text)) continue;
    if (/^[a-z]/.test(text) || (bulleted && inList)) {
      const last = items[items.length - 1];
      // Before any item, the lead-in's sentence running on ("... we have made seven
      // recommendations that we believe, if" / "implemented, will have ..."): no item.
      if (!last && !afterAddressee && !endsSentence(lines[i - 1])) continue;
      if (afterAddressee || !last || bulleted) {
        // An item the report printed without its number.
        items.push({
          position: items.length + 1,
          number: null,
          addressee,
          text,
          provenance: provenanceOf(line),
        });
      } else {
        last.text = joinWrapped(last.text, text);
      }
      afterAddressee = false;
      inList = true;
      continue;
    }
    // An item's next sentence, its line wrapped after the sentence before ("... communication
    // needs." / "This includes increasing understanding ..."): the item's, where the next line
    // goes on with the list (the next item, or the next addressee).
    const last = items[items.length - 1];
    const after = lines[i + 1];
    if (inList && last && !afterAddressee && after && text.length < 200) {
      const afterText = plain(after.flat);
      const next = itemNumber(afterText, false, lastNumber);
      if ((next && next.number === (lastNumber ?? 0) + 1) || /\bshould:?$/i.test(afterText)) {
        last.text = joinWrapped(last.text, text);
        continue;
      }
    }
    inList = false;
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
    addressees,
    warnings,
  };
}

/** The line naming who should act on the items after it: "The YOS Management Board should:". */
const ADDRESSEE = /^(.{3,140}?)\s+should:?$/i;

/** Words that may begin an addressee written over lines: capitalised, short, no sentence's end. */
function addresseePiece(text: string): boolean {
  return text.length < 60 && /^[A-Z]/.test(text) && !SENTENCE_END.test(text) && !/\bshould\b/i.test(text);
}

/** The lines from `k` are more of an addressee's pieces, then its "... should:" (within three lines). */
function piecesToAddressee(lines: Line[], k: number): boolean {
  for (let j = k; j < Math.min(lines.length, k + 3); j++) {
    const text = plain((lines[j] as Line).flat);
    if (ADDRESSEE.test(text)) return true;
    if (!addresseePiece(text)) return false;
  }
  return false;
}

/** Whether an addressee's lead-in ("... should:") stands a few lines on, its first item marked and numbered `n`. */
function leadInThenItem(lines: Line[], from: number, n: number): boolean {
  for (let k = from; k < Math.min(lines.length, from + 3); k++) {
    if (!ADDRESSEE.test(plain((lines[k] as Line).flat))) continue;
    const first = lines[k + 1] ? plain((lines[k + 1] as Line).flat).match(MARKED_ITEM) : null;
    return first !== null && Number(first[1]) === n;
  }
  return false;
}

/** Whether the next item marked with its number, a few lines on, is numbered `lastNumber` + 1. */
function numberingGoesOn(lines: Line[], from: number, lastNumber: number | null): boolean {
  if (lastNumber === null) return false;
  for (let k = from; k < Math.min(lines.length, from + 6); k++) {
    const marked = plain((lines[k] as Line).flat).match(MARKED_ITEM);
    if (marked) return Number(marked[1]) === lastNumber + 1;
  }
  return false;
}

/** The number and text of a numbered item, or null. */
function itemNumber(
  text: string,
  afterLeadIn: boolean,
  lastNumber: number | null,
): { number: number; text: string } | null {
  const c = text.charCodeAt(0);
  const lettered = (c === 40 || (c >= 97 && c <= 122)) && text.match(LETTERED_ITEM);
  if (lettered) {
    // "a." / "b)" / "(c)": a list lettered rather than numbered, in sequence from "a" (again
    // under each addressee).
    const number = (lettered[1] as string).charCodeAt(0) - 96;
    return number === (lastNumber ?? 0) + 1 || (afterLeadIn && number === 1)
      ? { number, text: lettered[2] as string }
      : null;
  }
  if (c !== 40 && (c < 49 || c > 57)) return null; // neither "(" nor 1-9
  const marked = text.match(MARKED_ITEM);
  if (marked) {
    const rest = marked[3] as string;
    // "2.1 Planning" or "1.5% of cases" is no item: with no space after the mark, a letter must follow.
    return marked[2] !== "" || /^[A-Za-z]/.test(rest) ? { number: Number(marked[1]), text: rest } : null;
  }
  if (!afterLeadIn && lastNumber === null) return null;
  const bare = text.match(BARE_ITEM);
  if (!bare) return null;
  const number = Number(bare[1]);
  return number === (lastNumber ?? 0) + 1 || (afterLeadIn && number === 1)
    ? { number, text: bare[2] as string }
    : null;
}
