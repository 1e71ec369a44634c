import type { ProsePercent } from "../schemas/report.js";
// Percentages the prose of a standard's section quotes ("Planning focused on desistance in
// 71 per cent of cases"), tied to the key question whose theme the sentence names, so that the
// audit can look for them in the tables.
import { type StandardsEdition, keyQuestionIdFor, standardsOf } from "./framework.js";
import { type Line, provenanceOf } from "./lines.js";
import type { Segments } from "./segment.js";
import { COUNT_WORD, parseCount, plain } from "./text.js";

const THEMES: { phrase: string; re: RegExp }[] = [
  { phrase: "desistance", re: /desist/i },
  {
    phrase: "keep the child safe",
    re: /safety and wellbeing|keep(?:ing)? (?:the )?(?:child|children)(?: and young people)? safe|safety of (?:the )?child/i,
  },
  {
    phrase: "keep other people safe",
    re: /risk of (?:serious )?harm|other people|others safe|safety of others/i,
  },
];

/** "71 per cent", "Seventy-one per cent" (house style at a sentence's start), "71 percent". */
const PER_CENT = new RegExp(`\\b${COUNT_WORD} per ?cent\\b`, "gi");

export function parseProsePercents(lines: Line[], seg: Segments, edition: StandardsEdition): ProsePercent[] {
  const out: ProsePercent[] = [];
  for (const def of standardsOf(edition).filter((d) => d.caseBased)) {
    const section = seg.sections.get(def.id);
    if (!section) continue;
    for (let i = section.start + 1; i < section.end; i++) {
      const line = lines[i] as Line;
      if (line.cells.length !== 1 || !/per ?cent/i.test(line.flat)) continue;
      // Only "N per cent": prose "k out of n" counts often use other denominators than the
      // tables or state the complement ("in four out of nine cases ... not"), so they would cry wolf.
      for (const sentence of plain(line.flat).split(/(?<=[.;])\s+(?=[A-Z])/)) {
        const percents = [...sentence.matchAll(PER_CENT)];
        if (percents.length !== 1) continue;
        const themes = THEMES.filter((t) => t.re.test(sentence));
        if (themes.length !== 1) continue;
        const keyQuestionId = keyQuestionIdFor(def.id, (themes[0] as { phrase: string }).phrase);
        if (!keyQuestionId) continue;
        const percent = parseCount((percents[0] as RegExpMatchArray)[1] as string);
        if (percent === null || percent > 100) continue;
        out.push({ standardId: def.id, keyQuestionId, percent, sentence, provenance: provenanceOf(line) });
      }
    }
  }
  return out;
}
