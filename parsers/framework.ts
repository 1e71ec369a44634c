// The inspectorate's standards framework: what a report of each edition should contain.
// Everything here is domain knowledge from the reports' own methodology annexes (see DOMAIN.md).

import { letters } from "./lines.js";

export const RATINGS = ["Outstanding", "Good", "Requires improvement", "Inadequate"] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_SCORE: Record<Rating, number> = {
  Inadequate: 0,
  "Requires improvement": 1,
  Good: 2,
  Outstanding: 3,
};

/** Band of a key-question percentage: below 50 Inadequate, 50-64 RI, 65-79 Good, 80+ Outstanding. */
export function bandOfPercent(percent: number): Rating {
  if (percent >= 80) return "Outstanding";
  if (percent >= 65) return "Good";
  if (percent >= 50) return "Requires improvement";
  return "Inadequate";
}

/** Band of the 0-36 total of the 12 core standards. */
export function bandOfScore(score: number): Rating {
  if (score >= 31) return "Outstanding";
  if (score >= 19) return "Good";
  if (score >= 7) return "Requires improvement";
  return "Inadequate";
}

export type StandardsEdition = "joint-working" | "policy-and-provision";

export type Domain =
  | "Organisational delivery"
  | "Court disposals"
  | "Out-of-court disposals"
  | "Resettlement";

export interface StandardDefinition {
  id: string;
  domain: Domain;
  name: string;
  /** Name variants seen in reports (matched loosely: case, punctuation and spacing ignored). */
  aliases: string[];
  caseBased: boolean;
  /** Counted in the 0-36 score. */
  core: boolean;
}

/** Whether `text` spells the standard's name or a variant of it (case, spacing and punctuation aside). */
export function spellsStandardName(def: StandardDefinition, text: string): boolean {
  const wanted = letters(text);
  return lettersOfName(def.name) === wanted || def.aliases.some((a) => lettersOfName(a) === wanted);
}

/**
 * letters() of a standard's name or alias, spelt once: the heading and table parsers compare
 * every candidate line with every name. (Other text is spelt afresh.)
 */
export function lettersOfName(name: string): string {
  nameLetters ??= new Map(
    ALL_STANDARD_DEFINITIONS.flatMap((d) => [d.name, ...d.aliases]).map((n) => [n, letters(n)]),
  );
  return nameLetters.get(name) ?? letters(name);
}
let nameLetters: Map<string, string> | null = null;

const COMMON: StandardDefinition[] = [
  {
    id: "1.1",
    domain: "Organisational delivery",
    name: "Governance and leadership",
    aliases: [],
    caseBased: false,
    core: true,
  },
  {
    id: "1.2",
    domain: "Organisational delivery",
    name: "Staff",
    aliases: ["Staffing"],
    caseBased: false,
    core: true,
  },
  {
    id: "1.3",
    domain: "Organisational delivery",
    name: "Partnerships and services",
    aliases: [],
    caseBased: false,
    core: true,
  },
  {
    id: "1.4",
    domain: "Organisational delivery",
    name: "Information and facilities",
    aliases: [],
    caseBased: false,
    core: true,
  },
  { id: "2.1", domain: "Court disposals", name: "Assessment", aliases: [], caseBased: true, core: true },
  { id: "2.2", domain: "Court disposals", name: "Planning", aliases: [], caseBased: true, core: true },
  {
    id: "2.3",
    domain: "Court disposals",
    name: "Implementation and delivery",
    aliases: [],
    caseBased: true,
    core: true,
  },
  { id: "2.4", domain: "Court disposals", name: "Reviewing", aliases: [], caseBased: true, core: true },
  {
    id: "3.1",
    domain: "Out-of-court disposals",
    name: "Assessment",
    aliases: [],
    caseBased: true,
    core: true,
  },
  { id: "3.2", domain: "Out-of-court disposals", name: "Planning", aliases: [], caseBased: true, core: true },
  {
    id: "3.3",
    domain: "Out-of-court disposals",
    name: "Implementation and delivery",
    aliases: [],
    caseBased: true,
    core: true,
  },
];

const JOINT_WORKING: StandardDefinition = {
  id: "3.4",
  domain: "Out-of-court disposals",
  name: "Joint working",
  aliases: [],
  caseBased: true,
  core: true,
};
const OOCD_POLICY: StandardDefinition = {
  id: "3.4",
  domain: "Out-of-court disposals",
  name: "Out-of-court disposal policy and provision",
  aliases: ["Out of court disposal policy and provision"],
  caseBased: false,
  core: true,
};
const RESETTLEMENT: StandardDefinition = {
  id: "4.1",
  domain: "Resettlement",
  name: "Resettlement policy and provision",
  aliases: ["Resettlement"],
  caseBased: false,
  core: false,
};

export function standardsOf(edition: StandardsEdition): StandardDefinition[] {
  return edition === "joint-working" ? [...COMMON, JOINT_WORKING] : [...COMMON, OOCD_POLICY, RESETTLEMENT];
}

/** Every name any standard goes by, for recognising headings before the edition is known. */
export const ALL_STANDARD_DEFINITIONS: StandardDefinition[] = [
  ...COMMON,
  JOINT_WORKING,
  OOCD_POLICY,
  RESETTLEMENT,
];

export type KeyQuestionTheme = "desistance" | "child-safety" | "others-safety" | "recommendations" | "police";

export interface KeyQuestionDefinition {
  id: string;
  standardId: string;
  position: number;
  theme: KeyQuestionTheme;
  /** Canonical wording (recent editions); reports vary it slightly between years. */
  canonicalText: string;
  /** Prompts the framework asks under this question, per edition (for completeness). */
  expectedPrompts: Record<StandardsEdition, number>;
}

const THEME_OF_POSITION: KeyQuestionTheme[] = ["desistance", "child-safety", "others-safety"];

const KQ_TEXT: Record<string, [string, string, string]> = {
  Assessment: [
    "Does assessment sufficiently analyse how to support the child's desistance?",
    "Does assessment sufficiently analyse how to keep the child safe?",
    "Does assessment sufficiently analyse how to keep other people safe?",
  ],
  Planning: [
    "Does planning focus sufficiently on supporting the child's desistance?",
    "Does planning focus sufficiently on keeping the child safe?",
    "Does planning focus sufficiently on keeping other people safe?",
  ],
  "Implementation and delivery": [
    "Does the implementation and delivery of services effectively support the child's desistance?",
    "Does the implementation and delivery of services effectively support the safety of the child?",
    "Does the implementation and delivery of services effectively support the safety of other people?",
  ],
  Reviewing: [
    "Does reviewing focus sufficiently on supporting the child's desistance?",
    "Does reviewing focus sufficiently on keeping the child safe?",
    "Does reviewing focus sufficiently on keeping other people safe?",
  ],
};

// Prompt counts per key question as printed in the inspection-data annexes of each edition.
const PROMPTS: Record<string, [number, number]> = {
  // id: [joint-working edition, policy-and-provision edition]
  "2.1.1": [7, 9],
  "2.1.2": [3, 3],
  "2.1.3": [3, 3],
  "2.2.1": [6, 7],
  "2.2.2": [4, 4],
  "2.2.3": [5, 5],
  "2.3.1": [7, 8],
  "2.3.2": [2, 2],
  "2.3.3": [3, 3],
  "2.4.1": [5, 7],
  "2.4.2": [3, 3],
  "2.4.3": [4, 3],
  "3.1.1": [7, 9],
  "3.1.2": [2, 2],
  "3.1.3": [2, 2],
  "3.2.1": [7, 8],
  "3.2.2": [3, 3],
  "3.2.3": [4, 4],
  "3.3.1": [5, 6],
  "3.3.2": [2, 2],
  "3.3.3": [2, 2],
  "3.4.1": [6, 0],
  "3.4.2": [2, 0],
};

function buildKeyQuestions(): KeyQuestionDefinition[] {
  const out: KeyQuestionDefinition[] = [];
  for (const std of [...COMMON, JOINT_WORKING]) {
    if (!std.caseBased) continue;
    if (std.id === "3.4") {
      out.push(
        kq(
          "3.4",
          1,
          "recommendations",
          "Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision-making?",
        ),
        kq(
          "3.4",
          2,
          "police",
          "Does the YOT work effectively with the police in implementing the out-of-court disposal?",
        ),
      );
      continue;
    }
    const texts = KQ_TEXT[std.name];
    if (!texts) continue;
    texts.forEach((text, i) => {
      out.push(kq(std.id, i + 1, THEME_OF_POSITION[i] as KeyQuestionTheme, text));
    });
  }
  return out;
}

function kq(
  standardId: string,
  position: number,
  theme: KeyQuestionTheme,
  canonicalText: string,
): KeyQuestionDefinition {
  const id = `${standardId}.${position}`;
  const [jw, pp] = PROMPTS[id] ?? [0, 0];
  return {
    id,
    standardId,
    position,
    theme,
    canonicalText,
    expectedPrompts: { "joint-working": jw, "policy-and-provision": pp },
  };
}

export const KEY_QUESTIONS: KeyQuestionDefinition[] = buildKeyQuestions();

export function keyQuestionsOf(edition: StandardsEdition): KeyQuestionDefinition[] {
  return edition === "joint-working" ? KEY_QUESTIONS : KEY_QUESTIONS.filter((k) => k.standardId !== "3.4");
}

/**
 * Which of a standard's key questions a printed question text asks, from its wording.
 * Wording varies by year ("the child" / "the child or young person"; "service delivery" /
 * "the implementation and delivery of services"), so we classify by theme, not by string.
 */
export function themeOfQuestion(text: string): KeyQuestionTheme | null {
  // Letters only: extraction splits words across cells ("saf\tfe?", "people\te safe").
  const t = text.toLowerCase().replace(/[^a-z]/g, "");
  if (/recommendation/.test(t)) return "recommendations";
  if (/police/.test(t)) return "police";
  if (/desist/.test(t)) return "desistance";
  if (/otherpeople|safetyofothers|othersafe/.test(t)) return "others-safety";
  if (/(child|youngperson)\w*saf|safetyofthe(child|young)/.test(t)) return "child-safety";
  return null;
}

/** The work a case-based standard inspects, by the last digit of its id (x.4 Reviewing: court only). */
const ACTIVITY_OF_STANDARD: Record<string, RegExp> = {
  "1": /^assess/,
  "2": /^plan/,
  "3": /^(?:implement|deliver)/,
  "4": /^review/,
};

/**
 * The work a key question asks about ("Does planning focus...": planning), or null when it names
 * none (the out-of-court joint-working questions, or text too damaged to tell).
 */
function activityOfQuestion(text: string): string | null {
  const m = text.toLowerCase().match(/\b(assess|plan|implement|deliver|review)/);
  return m ? (m[1] as string) : null;
}

export function keyQuestionIdFor(standardId: string, text: string): string | null {
  const theme = themeOfQuestion(text);
  if (!theme) return null;
  // "Does planning focus on keeping the child safe?" is no question of 2.1 Assessment, whose
  // theme it shares: read under the wrong standard (a heading lost), it must not be matched.
  const activity = activityOfQuestion(text);
  const expected = ACTIVITY_OF_STANDARD[standardId.slice(-1)];
  if (activity && expected && theme !== "recommendations" && theme !== "police" && !expected.test(activity))
    return null;
  const def = KEY_QUESTIONS.find((k) => k.standardId === standardId && k.theme === theme);
  return def ? def.id : null;
}

/**
 * The key question of a later standard of `standardId`'s domain that `text` asks, where its own
 * wording says so: the work it names ("Does planning focus...", under 2.1 Assessment: 2.2), or a
 * theme only joint working asks (the police, recommendations), and its printed number, if any,
 * that standard's. An annex table's heading row lost (run into the row below it, or dropped), its
 * questions come under the standard before; never an earlier standard's or another domain's,
 * where a lost domain heading would leave nothing to tell them apart.
 */
export function laterStandardsKeyQuestion(
  standardId: string,
  text: string,
  printed: string | null,
): KeyQuestionDefinition | null {
  const theme = themeOfQuestion(text);
  if (!theme) return null;
  const activity = activityOfQuestion(text);
  const [domain, number] = standardId.split(".");
  const printedStandard = printed?.match(/^(\d\.\d)\./)?.[1] ?? null;
  const found = KEY_QUESTIONS.filter((k) => {
    const [d, n] = k.standardId.split(".");
    if (d !== domain || Number(n) <= Number(number) || k.theme !== theme) return false;
    if (printedStandard !== null && printedStandard !== k.standardId) return false;
    if (theme === "recommendations" || theme === "police") return true;
    const named = ACTIVITY_OF_STANDARD[k.standardId.slice(-1)];
    return activity !== null && named !== undefined && named.test(activity);
  });
  return found.length === 1 ? (found[0] as KeyQuestionDefinition) : null;
}

/**
 * How far a split's shares (whole percentages, each rounded) may add up from 100: half a point
 * a share, and half a point more.
 */
export const splitTolerance = (shares: number) => 0.5 * shares + 0.5;
