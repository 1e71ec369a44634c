// Sample sizes: how many court, out-of-court and resettlement cases the inspectors examined,
// from every place the report states them (methodology, domain introductions, annex).

import type { SampleStatement, Samples, SubSampleStatement } from "../schemas/report.js";
import { type Line, provenanceOf } from "./lines.js";
import { COUNT_WORD, OUT_OF_COURT, parseCount, plain } from "./text.js";

type Domain = SampleStatement["domain"];

const N = COUNT_WORD;
/** How a report says it looked at cases. */
const LOOKED = "(?:inspected|examined|reviewed|looked at)";
/** Who looked: "We", or "Inspectors" / "The inspectors" / "Our inspectors". */
const WE = "(?:We|(?:the |our )?inspectors)";
const PATTERNS: { domain: Domain; re: RegExp; parts?: boolean }[] = [
  {
    domain: "court",
    re: new RegExp(
      `\\b${WE} ${LOOKED} ${N} (?:court (?:disposals|orders|cases|disposal cases)|post-court cases|cases sentenced by the courts?)`,
      "gi",
    ),
  },
  {
    // "We took a detailed look at 21 community sentences and one custodial sentence", "We
    // inspected 17 community sentences, four custodial sentences and one referral order": the
    // sample is the parts' sum (courtParts).
    domain: "court",
    re: new RegExp(
      `\\b${WE} (?:took a detailed look at|${LOOKED}) ${N} community (?:sentences?|cases)`,
      "gi",
    ),
    parts: true,
  },
  {
    domain: "court",
    re: new RegExp(
      `\\b${WE} (?:took a detailed look at|${LOOKED}) the cases of ${N} children(?: and young people)? [^.]{0,60}?received a court disposal`,
      "gi",
    ),
  },
  {
    domain: "court",
    re: new RegExp(`\\ba sample of ${N} (?:post-court )?cases sentenced by the courts`, "gi"),
  },
  {
    domain: "court",
    re: new RegExp(
      `\\bsample (?:of|comprised|consisted of|included) ${N} (?:court disposals|post-court cases) and`,
      "gi",
    ),
  },
  {
    domain: "outOfCourt",
    re: new RegExp(`\\b${WE} ${LOOKED} ${N} ${OUT_OF_COURT} (?:disposals?|cases)`, "gi"),
  },
  {
    // "We inspected 15 cases managed by the YJS that had received an out-of-court disposal",
    // "We reviewed 9 cases where the child had received an out-of-court disposal".
    domain: "outOfCourt",
    re: new RegExp(
      `\\b${WE} ${LOOKED} ${N} cases\\b[^.]{0,80}?\\breceived an ${OUT_OF_COURT} disposal`,
      "gi",
    ),
  },
  {
    domain: "court",
    re: new RegExp(`\\b${WE} ${LOOKED} ${N} cases\\b[^.]{0,80}?\\breceived a court disposal`, "gi"),
  },
  {
    // "We inspected 20 cases of children sentenced by the courts" (no comma between: "25 cases,
    // including 16 sentenced by the courts" is no court sample of 25).
    domain: "court",
    // ("cases sentenced by the court" straight after is the first pattern's.)
    re: new RegExp(
      `\\b${WE} ${LOOKED} ${N} cases\\s+(?!sentenced)[^.,;]{0,80}?\\bsentenced by the courts?`,
      "gi",
    ),
  },
  {
    domain: "outOfCourt",
    re: new RegExp(
      `\\b${WE} ${LOOKED} the cases of ${N} children(?: and young people)? [^.]{0,60}?received an ${OUT_OF_COURT}`,
      "gi",
    ),
  },
  {
    domain: "outOfCourt",
    re: new RegExp(`\\ba sample of ${N} cases that received an ${OUT_OF_COURT} disposal`, "gi"),
  },
  {
    domain: "outOfCourt",
    re: new RegExp(
      `\\b(?:post-court cases|court (?:disposals|cases)) and ${N} ${OUT_OF_COURT} (?:disposals?|cases)`,
      "gi",
    ),
  },
  {
    domain: "resettlement",
    re: new RegExp(`\\b${WE} ${LOOKED} ${N} cases?\\b[^.]{0,80}?\\breceived a custodial sentence`, "gi"),
  },
  { domain: "resettlement", re: new RegExp(`\\b${WE} ${LOOKED} ${N} resettlement cases?`, "gi") },
  {
    domain: "resettlement",
    re: new RegExp(
      `\\b${WE} ${LOOKED} ${N} cases? (?:where|in which) (?:the )?(?:child|children)(?: and young people)? (?:had been|was|were) released from custody`,
      "gi",
    ),
  },
  {
    domain: "resettlement",
    re: new RegExp(
      `\\bexamining ${N} case files and interviewing case managers, in cases where children had received custodial`,
      "gi",
    ),
  },
];

/** The kinds of court disposal a court sample is listed by. */
const COURT_PART = String.raw`(?:custodial|community) sentences?|(?:referral|reparation|detention and training) orders?|youth rehabilitation orders?(?: with intensive (?:supervision and surveillance|supervision|fostering))?`;
const NEXT_COURT_PART = new RegExp(`^(?:,\\s*(?:and\\s+)?|\\s+and\\s+)${N} (?:${COURT_PART})\\b`, "i");

/**
 * The cases of the other kinds listed straight after a court sample's first part ("... 21
 * community sentences| and one custodial sentence", "| , four custodial sentences and one
 * referral order"), summed; 0 where none is.
 */
function courtParts(rest: string): number {
  let sum = 0;
  let text = rest;
  for (let m = NEXT_COURT_PART.exec(text); m !== null; m = NEXT_COURT_PART.exec(text)) {
    const n = parseCount(m[1] ?? "");
    if (n === null) break;
    sum += n;
    text = text.slice(m[0].length);
  }
  return sum;
}

/** What a sentence must name for the out-of-court and resettlement patterns to be tried. */
const OUT_OF_COURT_OR_CUSTODY = new RegExp(`${OUT_OF_COURT}|custod|resettlement`, "i");

/** A word every sample sentence above contains: the cheap test a line must pass first. */
const SAMPLE_WORD = /examin|inspected|detailed look|sample (?:of|compris|consist|includ)|reviewed|looked at/i;
const SAMPLE_WORDS = new RegExp(SAMPLE_WORD.source, "gi");
/** What a sub-sample's sentence says of its cases (SUB_SAMPLE below). */
const CASES_WHERE = /cases (?:where|in which)/i;
/** Either: one scan of each line, where most lines have neither. */
const SAMPLE_OR_CASES_WHERE = new RegExp(`${SAMPLE_WORD.source}|${CASES_WHERE.source}`, "i");

/**
 * The sentences of `text` that carry a sample word, each once: from the sentence end before the
 * word to the one after it (a sentence ends at ". " before a capital, a quote or a bracket).
 */
const SENTENCE_END = /[.!?]\s+(?=[A-Z"'(])/g;

/** The sentence of `text` around position `at`: its start, and its end (the next sentence's start). */
function sentenceAt(text: string, at: number): { start: number; end: number } {
  const start =
    Math.max(text.lastIndexOf(". ", at), text.lastIndexOf("? ", at), text.lastIndexOf("! ", at)) + 1;
  SENTENCE_END.lastIndex = at;
  const end = SENTENCE_END.exec(text);
  return { start, end: end ? end.index + 1 : text.length };
}

function sentencesWithSampleWord(text: string): { sentence: string; start: number }[] {
  const out: { sentence: string; start: number }[] = [];
  let covered = -1;
  for (const m of text.matchAll(SAMPLE_WORDS)) {
    const at = m.index as number;
    if (at < covered) continue;
    const { start, end } = sentenceAt(text, at);
    covered = end;
    out.push({ sentence: text.slice(start, end).trim(), start });
  }
  return out;
}

/**
 * A sub-sample as the methodology states it: "... in the 19 cases where we expected meaningful
 * work to take place", "For the eight cases where there were factors related to harm, ...".
 * Not "in 7 of the 14 cases where": that is a finding about the cases, not what was inspected.
 */
const SUB_SAMPLE = new RegExp(
  `\\b(?:in|for) (?:the|those) ${N} (?:relevant )?cases (?:where|in which)\\b`,
  "gi",
);
/** The inspectors saying what they looked at: what makes the sentence methodology, not a finding. */
const WE_INSPECTED =
  /\b(?:we|inspectors) (?:also |only )?(?:assessed|inspected|examined|looked at|reviewed|judged|considered)\b/i;
const CHILD_SAFETY =
  /\bkeep(?:ing)? (?:the )?(?:child|children|young (?:person|people))(?: or young (?:person|people))? safe\b|\bsafeguard(?:ing)? (?:the )?(?:child|children)\b|\bsafety and well-?being\b|\bsafety of (?:the )?(?:child|children|young (?:person|people))\b/i;
const OTHERS_SAFETY =
  /\bkeep(?:ing)? (?:other people|others) safe\b|\b(?:factors|concerns) related to (?:the )?(?:risk of )?(?:serious )?harm\b|\brisk of (?:serious )?harm\b|\bsafety of (?:other people|others)\b/i;
/** The work a sub-sample sentence names, as the digit of the standards that inspect it. */
const STAGES: [RegExp, string][] = [
  [/\bassessment\b/i, "1"],
  [/\bplanning\b/i, "2"],
  [/\bimplementation\b|\bdelivery\b/i, "3"],
  [/\breviewing\b/i, "4"],
];
/** How far after a sample statement (in lines) a sub-sample is still read as part of it. */
const SUB_SAMPLE_REACH = 6;

/**
 * The sub-samples stated in `text` (`line`'s plain text): each is part of the sample stated last
 * before it (`last`, by its position in `text`), court or out-of-court; a sub-sample with no such
 * sample before it within SUB_SAMPLE_REACH lines is not read.
 */
function subSamplesIn(line: Line, text: string, last: (at: number) => Domain | null): SubSampleStatement[] {
  const out: SubSampleStatement[] = [];
  for (const m of text.matchAll(SUB_SAMPLE)) {
    const size = parseCount(m[1] ?? "");
    const domain = last(m.index as number);
    if (size === null || (domain !== "court" && domain !== "outOfCourt")) continue;
    const { start, end } = sentenceAt(text, m.index as number);
    const sentence = text.slice(start, end);
    if (!WE_INSPECTED.test(sentence)) continue;
    const child = CHILD_SAFETY.test(sentence);
    const others = OTHERS_SAFETY.test(sentence);
    // A sentence naming both, or neither, does not say whose key questions the cases are.
    if (child === others) continue;
    const theme = child ? "child-safety" : "others-safety";
    const d = domain === "court" ? "2" : "3";
    const provenance = provenanceOf(line, m[0]);
    // (Out-of-court work has no reviewing standard: 3.4 is another kind of standard.)
    const stages = STAGES.filter(([re, digit]) => re.test(sentence) && !(d === "3" && digit === "4"));
    const ids = stages.map(([, digit]) => `${d}.${digit}.${child ? "2" : "3"}`);
    for (const keyQuestionId of ids.length > 0 ? ids : [null])
      out.push({ domain, theme, keyQuestionId, size, provenance });
  }
  return out;
}

export function parseSamples(lines: Line[]): {
  samples: Samples;
  statements: SampleStatement[];
  subSamples: SubSampleStatement[];
} {
  const statements: SampleStatement[] = [];
  const subSamples: SubSampleStatement[] = [];
  // The sample stated last, and the index of its line.
  let previous: { domain: Domain; at: number } | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    const flat = line.flat;
    const first = flat.length < 20 ? null : SAMPLE_OR_CASES_WHERE.exec(flat);
    if (!first) continue;
    // (A sample word first needs no second look for one.)
    const sampled = !CASES_WHERE.test(first[0]) || SAMPLE_WORD.test(flat);
    const subSampled = CASES_WHERE.test(flat);
    const text = plain(flat);
    // This line's sample statements, by where their sentence starts.
    const here: { domain: Domain; start: number }[] = [];
    // A statement never runs over a sentence's end: the patterns run on the sentences that have
    // the word, not on the whole paragraph.
    for (const { sentence, start } of sampled ? sentencesWithSampleWord(text) : []) {
      const outOfCourtOrCustody = OUT_OF_COURT_OR_CUSTODY.test(sentence);
      const courtOrCommunity = /court|community/i.test(sentence);
      for (const { domain, re, parts } of PATTERNS) {
        if (domain !== "court" && !outOfCourtOrCustody) continue;
        if (domain === "court" && !courtOrCommunity) continue;
        re.lastIndex = 0;
        for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
          const a = parseCount(m[1] ?? "");
          if (a === null) continue;
          const more = parts ? courtParts(sentence.slice((m.index as number) + m[0].length)) : 0;
          statements.push({ domain, size: a + more, provenance: provenanceOf(line, m[0]) });
          here.push({ domain, start });
        }
      }
    }
    if (subSampled) {
      const before = previous && index - previous.at <= SUB_SAMPLE_REACH ? previous.domain : null;
      const last = (at: number) => here.filter((h) => h.start < at).at(-1)?.domain ?? before;
      subSamples.push(...subSamplesIn(line, text, last));
    }
    const lastHere = here.at(-1);
    if (lastHere) previous = { domain: lastHere.domain, at: index };
  }
  const pick = (domain: Domain): number | null => {
    const sizes = statements.filter((s) => s.domain === domain).map((s) => s.size);
    if (sizes.length === 0) return null;
    // The size stated most often; on a tie, the first stated.
    const counts = new Map<number, number>();
    for (const s of sizes) counts.set(s, (counts.get(s) ?? 0) + 1);
    let best = sizes[0] as number;
    for (const s of sizes) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s;
    return best;
  };
  return {
    samples: { court: pick("court"), outOfCourt: pick("outOfCourt"), resettlement: pick("resettlement") },
    statements,
    subSamples,
  };
}
