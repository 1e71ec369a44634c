import { describe, expect, test } from "vitest";
import { withMojibakeDecoded } from "../parsers/mojibake.js";
import { asMojibake } from "../scripts/make-variants.js";

/** The lines as read from a file holding them, and what decoding them again gives. */
function decode(lines: string[]): { lines: string[]; decoded: number } {
  return withMojibakeDecoded(lines, Buffer.from(lines.join("\n"), "utf8"));
}

describe("mojibake", () => {
  const printed = [
    "Does service delivery effectively support the child’s desistance?\t93%",
    "Total youth population (10–17 years) in Ynys Môn\t6,321",
    "Croydon²\tRequires improvement",
    "Total population of Croydon⁶\t385,346",
    "“Contingency planning simply states that …”.",
    "Score 0–6\tInadequate",
  ];

  test.each(["replacement", "control"] as const)(
    "UTF-8 once read as Windows-1252 (the bytes it lacks as %s characters) is decoded again, every character",
    (undefinedAs) => {
      const misread = printed.map((line) => asMojibake(line, undefinedAs));
      expect(misread[0]).toBe("Does service delivery effectively support the childâ€™s desistance?\t93%");
      expect(misread[3]).toBe(
        `Total population of Croydonâ${undefinedAs === "control" ? "\u0081" : "\uFFFD"}¶\t385,346`,
      );
      const out = decode(misread);
      expect(out.lines).toEqual(printed);
      // (’ – ô ² ⁶ “ … ” –)
      expect(out.decoded).toBe(9);
    },
  );

  test("a text whose characters are whole is left as it is: accented names, quotation marks", () => {
    const lines = [...printed, "Ã", "Gwynedd Môn’s café: “É”", "the rating was Ã la carte"];
    const out = decode(lines);
    expect(out.decoded).toBe(0);
    expect(out.lines).toBe(lines);
  });

  test("a sequence or two that could be misread characters is no proof: three are needed", () => {
    const lines = ["the child’s", "the childâ€™s plan", "ratings Â²"];
    expect(decode(lines)).toEqual({ lines, decoded: 0 });
    const more = [...lines, "10â€“17 years"];
    expect(decode(more).lines).toEqual(["the child’s", "the child’s plan", "ratings ²", "10–17 years"]);
  });
});
