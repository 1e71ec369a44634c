// Rows of a table without cell padding told apart by the symmetry of their centred figures
// (parsers/centred-rows.ts), as the PDF reader and layout text both meet them.
import { expect, test } from "vitest";
import { rowsBySymmetry } from "../parsers/centred-rows.js";

test("figures on a row's middle line or between its two middle lines fix where each row ends", () => {
  // Tower Hamlets' contextual facts, pdftotext -layout of the PDF set so: "267" alone between
  // the 2nd and 3rd of its label's four lines, "154" on the middle of three.
  const labels = [
    "First-time entrant rate",
    "per 100,000 in Tower",
    "Hamlets and City of",
    "London 5",
    "First-time entrant rate",
    "per 100,000 in",
    "England and Wales",
  ];
  expect(rowsBySymmetry(labels, [3, 10], false)).toEqual([
    { from: 0, to: 3, group: 0 },
    { from: 4, to: 6, group: 1 },
  ]);
});

test("a title without a figure may head the rows", () => {
  const labels = [
    "Population information",
    "Reoffending rate in",
    "Tower Hamlets",
    "Total population",
    "Tower Hamlets",
  ];
  expect(rowsBySymmetry(labels, [3, 7], false)).toEqual([
    { from: 0, to: 0, group: null },
    { from: 1, to: 2, group: 0 },
    { from: 3, to: 4, group: 1 },
  ]);
});

test("figures on their rows' first lines (top-aligned) are not taken for centred ones", () => {
  // Every row's figure on its first line, the first line with one: no proof of centring.
  const labels = ["Total population", "Tower Hamlets", "Reoffending rate", "in England"];
  expect(rowsBySymmetry(labels, [0, 4], true)).toBeNull();
});

test("rows never meet where the text runs on", () => {
  // The symmetric cut falls after "rate in", a label that runs on to the next line: no rows.
  const rest = ["Tower Hamlets and", "City of London", "England and Wales", "Total"];
  expect(rowsBySymmetry(["First-time entrant", "rate in", ...rest], [1, 6], false)).toBeNull();
  // The same lines with a label that ends there: rows, the last line a row without a figure.
  expect(rowsBySymmetry(["First-time entrant", "rate", ...rest], [1, 6], false)).toEqual([
    { from: 0, to: 1, group: 0 },
    { from: 2, to: 4, group: 1 },
    { from: 5, to: 5, group: null },
  ]);
});

test("layout text: a row set apart by blank lines whose label wraps without reading on, its figure centred", async () => {
  const { normaliseLines, textSourceLines } = await import("../parsers/normalise.js");
  const gap = " ".repeat(40);
  // Enough column-gapped lines over two pages for the text to read as layout text.
  const filler = Array.from({ length: 22 }, (_, k) => ` ${10 + k}%${gap}Share of caseload group ${k}`);
  const text = [
    ...filler.slice(0, 11),
    "\f",
    ...filler.slice(11),
    "",
    `${" ".repeat(8 + gap.length)}Total population`,
    ` 342,907${gap}Tower Hamlets and`,
    `${" ".repeat(8 + gap.length)}City of London`,
    "",
  ].join("\n");
  const doc = normaliseLines(textSourceLines(text), "text");
  expect(doc.lines.map((l) => l.cells)).toContainEqual([
    "342,907",
    "Total population Tower Hamlets and City of London",
  ]);
});
