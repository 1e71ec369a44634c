// Hyphens a converter dropped (pdftotext without -layout takes "decision-" at a line's end for a
// soft hyphen: "decisionmaking", mid-line): put back where the report prints the word
// hyphenated at least as often, or where the word is one of the framework's own questions'.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { hyphenRestorer } from "../parsers/hyphens.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import { readText as read, valueStatements } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");

describe("hyphens a converter dropped", () => {
  test("a recommendation and a key question read 'decisionmaking' are read as the report prints them elsewhere (Kirklees)", async () => {
    const text = readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8");
    const damaged = text
      .replace(
        "to ensure effective joint decision-making in all cases.",
        "to ensure effective joint decisionmaking in all cases.",
      )
      .replace(
        "personalised to the child, supporting joint decision-making?",
        "personalised to the child, supporting joint decisionmaking?",
      );
    expect(damaged).not.toBe(text);
    const original = valueStatements(await read("k.txt", text));
    const restored = await read("k.txt", damaged);
    const values = valueStatements(restored);
    expect([...original].filter((v) => !values.has(v))).toEqual([]);
    expect([...values].filter((v) => !original.has(v))).toEqual([]);
    expect(restored.recommendations.items[9]?.text).toBe(
      "work with the YJS to review and develop the out-of-court disposal panel to ensure effective joint decision-making in all cases.",
    );
    // The provenance still shows the text as the file has it.
    expect(restored.recommendations.items[9]?.provenance.snippet).toContain("joint decisionmaking");
  });

  test("a word the report prints joined more often than hyphenated is its own spelling (North Somerset's 'wellbeing')", async () => {
    const text = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
    expect(text).toContain("safety and well-being of the child");
    const record = await read("ns.txt", text);
    const prompts = record.prompts.map((p) => p.text).filter((t) => /well-?being/.test(t));
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.every((t) => t.includes("wellbeing"))).toBe(true);
  });

  test("the word's capital is kept; words never printed hyphenated are left alone", () => {
    const lines = normaliseLines(
      textSourceLines(
        ["A multi-agency meeting.", "Multi-agency panels.", "Another crossborder plan."].join("\n"),
      ),
      "text",
    ).lines;
    const restore = hyphenRestorer(lines);
    expect(restore("Multiagency work and multiagency panels")).toBe(
      "Multi-agency work and multi-agency panels",
    );
    expect(restore("a crossborder plan")).toBe("a crossborder plan");
  });

  test("the framework's own hyphenated words are put back where the report prints them nowhere else (North Somerset's prompts)", async () => {
    const text = readFileSync(join(CORPUS, "2020-12-north-somerset.txt"), "utf8");
    const printed = [
      "access to services post-supervision?",
      "keeping the child safe sufficiently well-coordinated?",
      "managing the risk of harm sufficiently well-coordinated?",
    ];
    let damaged = text;
    for (const p of printed) {
      expect(damaged).toContain(p);
      damaged = damaged.replaceAll(p, p.replace("-", ""));
    }
    // (Nowhere else: the damage leaves the report no hyphenated form of either word.)
    expect(damaged).not.toMatch(/well-coordinated|post-supervision/);
    const original = valueStatements(await read("ns.txt", text));
    const values = valueStatements(await read("ns.txt", damaged));
    expect([...original].filter((v) => !values.has(v))).toEqual([]);
    expect([...values].filter((v) => !original.has(v))).toEqual([]);
    const lines = normaliseLines(textSourceLines("Decisionmaking was wellinformed.\n"), "text").lines;
    expect(hyphenRestorer(lines)("Decisionmaking was wellinformed.")).toBe(
      "Decision-making was well-informed.",
    );
  });
});
