// Dropped ligatures. A PDF set with typographic ligatures (one glyph for "fi", "ff", "fl", "ffi",
// "ffl") whose font does not say what those glyphs spell gives some converters nothing to write
// for them: "staff" comes out "sta", "sufficient" "sucient", "Fieldwork started" "eldwork
// started", or with a space ("su cient") or pdfminer's "(cid:N)" where the glyph stood. Every such
// word is hit, the framework's too: standard 1.2 (Staff), the cover's "youth offending services",
// the fieldwork month and "we inspected five cases" are lost. Where a text writes almost none of
// these letter pairs (a report in English has some 35 in every 10,000 characters) and the words
// below stand in it so damaged, they are written whole again. A word the list lacks keeps its gap.
import type { SourceLine } from "./normalise.js";
import { escapeRegExp } from "./text.js";

/**
 * Words with the letter pairs a font ligates, the reports' own and the language round them (the
 * inspectorate's framework, the contextual facts, services' names). British spellings. Left out:
 * a word whose damaged spelling is a word itself ("filed" -> "led", "flowing" -> "owing",
 * "trafficking" -> "tracking"), but for NAMES_WHEN_CAPITALISED; and any spelling of two letters
 * ("fit" -> "t", "find" -> "nd") but five's.
 */
const LIGATURE_WORDS = `
affair affairs affect affected affecting affects affirmation afflict affluence affluent afford
affordable afforded artificial beneficial benefit benefited benefiting benefits briefing briefings
briefly cardiff certificate certificates certification certified chesterfield chiefly clarification
clarified classification classifications classified confidence confident confidential
confidentiality confidently confirm confirmation confirmed confirms conflict conflicting conflicts
deficiencies deficiency deficient deficit deficits define defined defines definite definitely
definition definitions differ differed difference differences different differentiate differentiated
differently differing difficult difficulties difficulty diffuse diversified effect effective
effectively effectiveness effects efficiencies efficiency efficient efficiently effort efforts
enfield fiction field fields fieldwork fifteen fifth fifty figure figures file files fill filled filling
final finalise finalised finally finance finances financial financially find finder finding findings
finds fine finish finished fire firefighting firm firmly first firstly fit fits fitted fitting five
fix fixed flag flagged flagging flags flaw flexibility flexible flexibly flintshire floor flourish
flourishing flow flows fluctuate fluctuated fluctuation fluent fulfilled fulfilling fulfilment
graffiti huddersfield identifiable identification identified identifies ineffective ineffectively
inflict inflicted influence influenced influences influencing influential influx insignificant
insufficiency insufficient insufficiently intensified justification justified leaflet leaflets
modification modified notification notifications notified off offence offences offend offended
offender offenders offending offends offer offered offering offers office officer officers offices
official officially officials offline offset pathfinder proficiency proficient profile profiled
profiles profiling qualification qualifications qualified ratification ratified reconfiguration
reconfigure reconfigured rectified redefined redefining reflect reflected reflecting reflection
reflections reflective reflects reoffend reoffended reoffending reoffends scaffold scaffolding
sheffield significance significant significantly signified simplified specific specifically
specification specified staff staffed staffing stafford staffordshire staffs suffer suffered
sufferers suffering sufficiency sufficient sufficiently suffolk tariff traffic trafford tydfil
unaffected unclassified unfilled unidentified unjustified unqualified verification verified
wakefield
`;

/**
 * Words whose damaged spelling is a name, never a word in lower case: "les" is "files" ("examining
 * two case les"), "Les" a person.
 */
const NAMES_WHEN_CAPITALISED = new Set(["files"]);

/** The ligatures' letters, longest first: a font ligating "ffi" as one glyph drops all three. */
const LIGATURE = /ffi|ffl|ff|fi|fl/g;

/** Where a ligature's letters stood, in a damaged spelling. */
const GAP = "\u0000";

/**
 * What a converter writes for a glyph it cannot spell, the same all through a text: nothing, a
 * space, or (pdfminer) "(cid:N)", which normalise reads as U+FFFD. Each, as a pattern: where the
 * word opens or ends with the gap (its edge), and inside it. A gap written as a space at a word's
 * edge may be the space between words, as a text that wrote nothing has it ("the sta (nine of
 * ..."); where gaps are spaces, the word takes one beside it, if there is one.
 */
const GAP_WRITTEN = {
  nothing: { inside: "", edge: "" },
  space: { inside: " ", edge: " ?" },
  cid: { inside: "(?:\\(cid:\\d+\\)|\\uFFFD)", edge: "(?:\\(cid:\\d+\\)|\\uFFFD)" },
} as const;
type GapWritten = keyof typeof GAP_WRITTEN;

/**
 * A word's damaged spellings, its ligatures' letters each a gap: "ffi" dropped whole, or as "ff"
 * and "i", or "f" and "fi", as the font composed it.
 */
function damagedForms(word: string): string[] {
  let forms = [""];
  let at = 0;
  for (const m of word.matchAll(LIGATURE)) {
    const before = word.slice(at, m.index);
    const lig = m[0];
    const ways = lig.length === 3 ? [GAP, `${GAP}${lig[2]}`, `f${GAP}`] : [GAP];
    forms = forms.flatMap((f) => ways.map((w) => f + before + w));
    at = (m.index as number) + lig.length;
  }
  return forms.map((f) => f + word.slice(at));
}

let words: Map<string, string | null> | null = null;
/** The damaged spellings, their gaps as GAP, longest first. */
let spellings: string[] = [];
const patterns = new Map<GapWritten, RegExp>();

/**
 * Each damaged spelling (lower case, its gaps left out) to its word; null where two words share
 * it. Built on first need: a text that has dropped no ligature never pays for it.
 */
export function damagedWords(): Map<string, string | null> {
  if (words) return words;
  words = new Map();
  const forms = new Set<string>();
  for (const word of LIGATURE_WORDS.split(/\s+/).filter(Boolean)) {
    for (const form of damagedForms(word)) {
      // (A spelling of two letters or fewer, "t" for "fit", "nd" for "find", is a word or a
      // fragment of the language's own: the words it could be are too many to tell. But "ve",
      // alone, is nothing else, and "we inspected five cases" is a sample's size.)
      const key = form.replaceAll(GAP, "");
      if (key.length < 3 && word !== "five") continue;
      const had = words.get(key);
      words.set(key, had === undefined || had === word ? word : null);
      forms.add(form);
    }
  }
  spellings = [...forms].sort((a, b) => b.length - a.length);
  return words;
}

/** The damaged spellings as a text whose gaps are so written would print them. */
function damagedPattern(gaps: GapWritten): RegExp {
  const had = patterns.get(gaps);
  if (had) return had;
  damagedWords();
  const { inside, edge } = GAP_WRITTEN[gaps];
  const alternatives = spellings.map((form) => {
    const pieces = form.split(GAP).map(escapeRegExp);
    const last = pieces.length - 1;
    return pieces
      .map((piece, i) => {
        if (i === 0) return piece;
        const atEdge = (i === 1 && pieces[0] === "") || (i === last && piece === "");
        return (atEdge ? edge : inside) + piece;
      })
      .join("");
  });
  const pattern = new RegExp(`(?<![A-Za-z'\u2019])(?:${alternatives.join("|")})(?![A-Za-z])`, "gi");
  patterns.set(gaps, pattern);
  return pattern;
}

/** A gap, however written. */
const GAPS_WRITTEN = /\(cid:\d+\)|\uFFFD| /g;

/**
 * The match with its word written whole, in the case it was printed: "Sta" -> "Staff", "OENDING"
 * -> "OFFENDING"; a word whose first letters were the ligature ("eldwork" for "Fieldwork") is
 * capitalised where it opens its line or a sentence.
 */
function restoredWord(damaged: string, line: string, at: number): string | null {
  // (The match's letters, its gaps however written left out; lower case, its key in `words`.)
  const letters = damaged.replace(GAPS_WRITTEN, "");
  const key = letters.toLowerCase();
  const word = damagedWords().get(key);
  if (!word) return null;
  const first = damaged.charAt(0);
  if (NAMES_WHEN_CAPITALISED.has(word) && first !== first.toLowerCase()) return null;
  if (letters.length > 1 && letters === letters.toUpperCase()) return word.toUpperCase();
  const opensWithGap = !key.startsWith(word.charAt(0));
  const capital = opensWithGap
    ? /(?:^|[.!?:]\s+)[\s\d.()•-]*$/.test(line.slice(0, at))
    : first >= "A" && first <= "Z";
  return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** `text` with every damaged word of the list whole again, and how many were. */
function restoreLine(text: string, pattern: RegExp): { text: string; restored: number } {
  let restored = 0;
  const out = text.replace(pattern, (damaged: string, at: number) => {
    const word = restoredWord(damaged, text, at);
    if (word === null) return damaged;
    restored++;
    return word;
  });
  return { text: restored ? out : text, restored };
}

/** Of every 10,000 characters of English, the ligatures' letter pairs take some 35; below this, they were dropped. */
const INTACT_PER_10K = 4;
/** So many damaged words, at least, before a text is taken for one that dropped its ligatures. */
const MIN_DAMAGED = 5;
/**
 * Whether the text writes too few of the ligatures' letter pairs for English: a quick look first.
 * (A font ligates a lower-case f only: "Fi" is two glyphs.)
 */
function pairsScarce(lines: SourceLine[]): boolean {
  let chars = 0;
  let pairs = 0;
  for (const { raw } of lines) {
    chars += raw.length;
    for (let at = raw.indexOf("f"); at >= 0; at = raw.indexOf("f", at + 1)) {
      const next = raw.charCodeAt(at + 1);
      if (next === 102 || next === 105 || next === 108) pairs++; // (f, i, l)
    }
    // (English so far, four times over: the text writes its ligatures. A report's cover and
    // contents pages tell within a few hundred characters.)
    if (pairs >= 20 && pairs * 10_000 > 4 * INTACT_PER_10K * chars) return false;
  }
  return chars >= 5_000 && pairs * 10_000 <= INTACT_PER_10K * chars;
}

/** A ligature inside a word, letters either side: its gap is written whichever way the text writes gaps. */
const INSIDE = /[a-z](?:ff|fi|fl)[a-z]/;

/**
 * Damaged words in the lines, their gaps inside them so written ("sucient", "su cient"), up to
 * `enough`. (A word whose gap opens or ends it, "sta", "eldwork", reads the same in a text
 * whichever way it writes its gaps: it does not tell.)
 */
function damagedCount(lines: SourceLine[], pattern: RegExp, enough: number): number {
  let damaged = 0;
  for (const line of lines) {
    for (const m of line.raw.matchAll(pattern)) {
      const word = restoredWord(m[0], line.raw, m.index as number);
      if (word && INSIDE.test(word.toLowerCase()) && ++damaged >= enough) return damaged;
    }
  }
  return damaged;
}

/**
 * The lines with the ligatures a converter dropped written back, where the text is one that
 * dropped them (the pairs scarce, at least MIN_DAMAGED damaged words found, their gaps written
 * one way); the same lines and no words restored otherwise.
 */
export function withLigaturesRestored(lines: SourceLine[]): { lines: SourceLine[]; restored: number } {
  if (!pairsScarce(lines)) return { lines, restored: 0 };
  let best: { gaps: GapWritten; damaged: number } | null = null;
  for (const gaps of Object.keys(GAP_WRITTEN) as GapWritten[]) {
    const damaged = damagedCount(lines, damagedPattern(gaps), 10 * MIN_DAMAGED);
    if (damaged >= MIN_DAMAGED && (!best || damaged > best.damaged)) best = { gaps, damaged };
  }
  if (!best) return { lines, restored: 0 };
  const pattern = damagedPattern(best.gaps);
  let restored = 0;
  const out = lines.map((line) => {
    const raw = restoreLine(line.raw, pattern);
    const text = line.text === undefined ? undefined : restoreLine(line.text, pattern);
    const cells = line.cells?.map((cell) => restoreLine(cell, pattern));
    if (!raw.restored && !text?.restored && !cells?.some((c) => c.restored)) return line;
    restored += raw.restored;
    return {
      ...line,
      raw: raw.text,
      ...(text ? { text: text.text } : {}),
      ...(cells ? { cells: cells.map((c) => c.text) } : {}),
    };
  });
  return { lines: out, restored };
}

/**
 * A space between a word's two f's, as pypdf writes a PDF whose font sets them close (a browser's:
 * kerned or ligated): "suf ficiently", "ef fective", "Of fice", "Staf f". Each word of the list
 * with "ff" so split, as a pattern (built on first need).
 */
let ffSplit: RegExp | null = null;
function ffSplitPattern(): RegExp {
  if (ffSplit) return ffSplit;
  const forms = LIGATURE_WORDS.split(/\s+/)
    .filter((word) => word.includes("ff"))
    .map((word) => escapeRegExp(word.replace("ff", "f f")))
    .sort((a, b) => b.length - a.length);
  ffSplit = new RegExp(`(?<![A-Za-z'\u2019])(?:${forms.join("|")})(?![A-Za-z])`, "gi");
  return ffSplit;
}

/** A quick look for the split, in lower case ("Of fice" too): most lines have no "f f" at all. */
const hasFSpaceF = (text: string) => text.includes("f f");

/**
 * The lines with words split between their f's written whole, where the text so writes
 * MIN_DAMAGED of the list's words or more (a text that writes "of fence" once means it); the same
 * lines and none joined otherwise.
 */
export function withSplitFsJoined(lines: SourceLine[]): { lines: SourceLine[]; joined: number } {
  const pattern = ffSplitPattern();
  let seen = 0;
  for (const line of lines) {
    if (!hasFSpaceF(line.raw)) continue;
    seen += line.raw.match(pattern)?.length ?? 0;
    if (seen >= MIN_DAMAGED) break;
  }
  if (seen < MIN_DAMAGED) return { lines, joined: 0 };
  let joined = 0;
  const join = (text: string) => text.replace(pattern, (split) => split.replace(" ", ""));
  const out = lines.map((line) => {
    if (!hasFSpaceF(line.raw) && !(line.text && hasFSpaceF(line.text))) return line;
    const raw = join(line.raw);
    const text = line.text === undefined ? undefined : join(line.text);
    if (raw === line.raw && text === line.text) return line;
    // (Counted where the line is written, or in its rewritten text where only that has them.)
    joined += (raw !== line.raw ? line.raw : (line.text as string)).match(pattern)?.length ?? 0;
    return {
      ...line,
      raw,
      ...(text !== undefined ? { text } : {}),
      ...(line.cells ? { cells: line.cells.map(join) } : {}),
    };
  });
  return { lines: out, joined };
}
