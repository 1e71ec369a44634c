// Sample sizes in each wording the reports use: every sentence below must be read, whatever
// word the cheap line filter keys on.
import { expect, test } from "vitest";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import { parseSamples } from "../parsers/samples.js";

const samplesOf = (text: string) => parseSamples(normaliseLines(textSourceLines(text), "text").lines);

test.each([
  ["We examined 24 court disposals, looking at the quality of work.", "court", 24],
  ["We took a detailed look at 18 community sentences and 3 custodial sentences.", "court", 21],
  // The parts summed, whichever verb lists them, over two or more kinds (once the first part alone).
  ["We inspected 18 community sentences and four custodial sentences managed by the YJS.", "court", 22],
  [
    "We examined 17 community sentences, four custodial sentences and one youth rehabilitation order with intensive supervision.",
    "court",
    22,
  ],
  [
    "We took a detailed look at 18 community sentences, three custodial sentences, and one referral order.",
    "court",
    22,
  ],
  ["We inspected 18 community sentences and four of them were breached.", "court", 18],
  ["We took a detailed look at the cases of twelve children who had received a court disposal.", "court", 12],
  ["Inspectors examined a sample of 30 cases sentenced by the courts.", "court", 30],
  ["We inspected 17 out-of-court disposals managed by the service.", "outOfCourt", 17],
  ["We examined 12 out of court disposals, as the service calls them.", "outOfCourt", 12],
  ["We inspected 1 out\u2011of\u2011court disposal (non-breaking hyphens).", "outOfCourt", 1],
  ["We inspected 9 cases managed by the YOT that had received an out-of-court disposal.", "outOfCourt", 9],
  ["We reviewed the cases of eleven children who had received an out-of-court disposal.", "outOfCourt", 11],
  ["We inspected 5 cases managed by the YOS that had received a custodial sentence.", "resettlement", 5],
  ["We reviewed 9 cases where the child had received an out-of-court disposal.", "outOfCourt", 9],
  ["We looked at 14 cases in which children had received a court disposal.", "court", 14],
  ["We examined 3 cases where the child had received a custodial sentence.", "resettlement", 3],
  ["We reviewed 14 court disposals and their outcomes.", "court", 14],
  ["We inspected 19 court orders managed by the service.", "court", 19],
  ["We examined 16 court cases.", "court", 16],
  ["We inspected 25 cases sentenced by the court.", "court", 25],
  ["We inspected the cases of 16 children who had received a court disposal.", "court", 16],
  ["We looked at 10 out-of-court disposals.", "outOfCourt", 10],
  ["We inspected 3 resettlement cases.", "resettlement", 3],
  ["We examined two cases where the child had been released from custody.", "resettlement", 2],
  ["We examined 43 court disposal cases.", "court", 43],
  ["We examined 28 out-of-court disposal cases.", "outOfCourt", 28],
  ["We looked at 9 out-of-court cases.", "outOfCourt", 9],
  ["We inspected 20 cases of children sentenced by the courts.", "court", 20],
  ["Inspectors examined 16 court disposals.", "court", 16],
  ["Our inspectors reviewed 7 out-of-court disposals.", "outOfCourt", 7],
  [
    "Inspectors assessed resettlement by examining 6 case files and interviewing case managers, in cases where children had received custodial sentences.",
    "resettlement",
    6,
  ],
] as const)("%s", (sentence, domain, size) => {
  const { samples, statements } = samplesOf(sentence);
  expect(statements.map((s) => [s.domain, s.size])).toEqual([[domain, size]]);
  expect(samples[domain]).toBe(size);
  expect(statements[0]?.provenance.line).toBe(1);
});

test("one sentence stating both samples gives both", () => {
  const a = samplesOf("We inspected 20 post-court cases and 7 out-of-court disposals.");
  expect(a.samples).toEqual({ court: 20, outOfCourt: 7, resettlement: null });
  const b = samplesOf("This was a sample of 25 court disposals and 10 out-of-court disposals.");
  expect(b.samples).toEqual({ court: 25, outOfCourt: 10, resettlement: null });
  const comprised = samplesOf("The case sample comprised 20 court disposals and 9 out-of-court disposals.");
  expect(comprised.samples).toEqual({ court: 20, outOfCourt: 9, resettlement: null });
  const cases = samplesOf("We looked at 15 court cases and 9 out-of-court cases.");
  expect(cases.samples).toEqual({ court: 15, outOfCourt: 9, resettlement: null });
  const c = samplesOf("We drew a sample of 8 cases that received an out-of-court disposal.");
  expect(c.samples).toEqual({ court: null, outOfCourt: 8, resettlement: null });
});

test("prose without a sample statement gives none", () => {
  const { samples, statements } = samplesOf(
    "We examined the partnership arrangements and inspected the quality of the premises. We reviewed 30 court reports and we inspected 4 resettlement policies.",
  );
  expect(statements).toEqual([]);
  expect(samples).toEqual({ court: null, outOfCourt: null, resettlement: null });
});

test("a whole sample is no court sample for the part of it sentenced by the courts", () => {
  const { samples } = samplesOf(
    "We inspected 25 cases, including 16 sentenced by the courts and 9 out-of-court disposals.",
  );
  expect(samples.court).toBeNull();
});

/** Each sub-sample read: [domain, theme, key question, size]. */
const subSamplesOf = (text: string) =>
  samplesOf(text).subSamples.map((s) => [s.domain, s.theme, s.keyQuestionId, s.size]);

test("the methodology's sub-samples: the key questions of the work it names, in the sample stated before", () => {
  // Kirklees' wording (2021): the court sample, then the cases each safety question was judged over.
  const court =
    "We took a detailed look at 21 community sentences and one custodial sentence managed by the YJS. For services to keep the child safe, we assessed the quality of planning, and implementation and delivery in the 19 cases where we expected meaningful work to take place. Similarly, for work to keep others safe, we assessed the quality of planning, and implementation and delivery in the 18 cases where meaningful work was required.";
  expect(subSamplesOf(court)).toEqual([
    ["court", "child-safety", "2.2.2", 19],
    ["court", "child-safety", "2.3.2", 19],
    ["court", "others-safety", "2.2.3", 18],
    ["court", "others-safety", "2.3.3", 18],
  ]);
  // The out-of-court sample a paragraph before; the work not named: no key question.
  const outOfCourt =
    "We inspected 15 cases managed by the YJS that had received an out-of-court disposal.\n\nWe examined the quality of assessment, planning, and implementation and delivery of services.\n\nFor the eight cases where there were factors related to harm, we also inspected work done to keep other people safe. In the seven cases where safety and wellbeing concerns were identified, we looked at work done to safeguard the child.";
  expect(subSamplesOf(outOfCourt)).toEqual([
    ["outOfCourt", "others-safety", null, 8],
    ["outOfCourt", "child-safety", null, 7],
  ]);
  const [first] = samplesOf(outOfCourt).subSamples;
  expect(first?.provenance).toMatchObject({ line: 5 });
  expect(first?.provenance.snippet).toContain("For the eight cases where there were factors related to harm");
  // Other wordings of whose safety: "risk of harm" is to other people, "keeping the child safe".
  expect(
    subSamplesOf(
      "We examined 20 court disposals. In the 12 cases where risk of harm issues were identified, we assessed planning. For the 9 cases where there were factors related to keeping the child safe, we also inspected the delivery of services.",
    ),
  ).toEqual([
    ["court", "others-safety", "2.2.3", 12],
    ["court", "child-safety", "2.3.2", 9],
  ]);
  // Out-of-court work has no reviewing standard.
  expect(
    subSamplesOf(
      "We inspected 9 out-of-court disposals. We assessed planning and reviewing in the 6 cases where there were factors related to harm.",
    ),
  ).toEqual([["outOfCourt", "others-safety", "3.2.3", 6]]);
});

test.each([
  // A finding about the cases, not what the inspectors judged over them.
  "We examined 22 court disposals. Delivery to keep other people safe was effective in 7 of the 14 cases where this was needed.",
  "We examined 22 court disposals. In the 14 cases where risk of harm was relevant, planning to keep other people safe was sufficient in seven.",
  // Both safety questions, or neither: whose cases they are is not said.
  "We examined 22 court disposals. We assessed planning to keep the child safe and to keep other people safe in the 19 cases where we expected meaningful work.",
  "We examined 22 court disposals. We assessed planning in the 19 cases where we expected meaningful work.",
  // No sample stated before it, or one stated too far back to be its.
  "For the eight cases where there were factors related to harm, we also inspected work done to keep other people safe.",
  `We examined 22 court disposals.\n\n${"Prose.\n\n".repeat(8)}For the eight cases where there were factors related to harm, we also inspected work done to keep other people safe.`,
  // A resettlement sample is no sample of these key questions.
  "We inspected 2 cases managed by the YJS that had received a custodial sentence. For the two cases where there were factors related to harm, we also inspected work done to keep other people safe.",
])("no sub-sample: %s", (text) => {
  expect(subSamplesOf(text)).toEqual([]);
});
