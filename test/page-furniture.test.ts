// A page's furniture run into its first line after its running header, as pypdf writes a browser's
// PDF (its text of Kirklees', Croydon's and North Somerset's browser PDFs in the robustness probe):
// the page's number, and a marking printed at each page's head and foot ("OFFICIAL").
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { withPageFurnitureParted } from "../parsers/page-furniture.js";
import { readText, valueStatements } from "./helpers/shared.js";

const CORPUS = join(import.meta.dirname, "..", "corpus");
const HEADER = "Inspection of youth offending services: Kirklees";

/** Pages as pypdf writes them: each opens with the running header, its number run into its first line. */
const pages = (firsts: string[], from = 21) =>
  firsts.flatMap((first, k) => [HEADER, `${from + k}${first}`, "Some text of the page."]);

test("each page's number is taken off its first line where the numbers count the pages up, whatever follows it", () => {
  // Kirklees' pages 21-29 and Croydon's page 8 (a population of 20,687) and 6 (standard 3.3).
  const firsts = [
    "of work. The YJS recognises the importance of training",
    "Overall, work to support desistance was effective.",
    "19 The rating for the standard is driven by the lowest score on each of the key questions",
    "Does planning focus sufficiently on keeping the child safe?",
    "Does the implementation and delivery of services effectively support the safety of the child?",
    "% yes",
    "this significant event. The case manager subsequently",
    "quality of work undertaken to address children's safety",
    "Does assessment suf ficiently analyse how to keep other people safe? 53%",
  ];
  const { lines, numbers } = withPageFurnitureParted(pages(firsts));
  expect(numbers).toBe(9);
  expect(lines.filter((_, i) => i % 3 === 1)).toEqual(firsts);
  // (A page's own figure after its number: "820,687" is page 8 and 20,687; "63.3" page 6 and 3.3.)
  const croydon = withPageFurnitureParted(
    pages(
      [
        "3.3 Implementation and delivery Inadequate",
        "Her Majesty's Inspectorate of Probation is the independent inspector",
        "20,687 Total black and minority ethnic youth population",
        "We found several examples of effective partnership arrangements",
        "Organisations that are well led and well managed are more likely",
        "The board reviewed its membership and terms of reference",
      ],
      6,
    ),
  ).lines;
  expect([croydon[1], croydon[7]]).toEqual([
    "3.3 Implementation and delivery Inadequate",
    "20,687 Total black and minority ethnic youth population",
  ]);
});

test("numbers that do not count the pages up, or too few pages, are left as they are", () => {
  // A list's items opening pages ("2. develop", "3. introduce") are no page numbers: the rest
  // would open with a stop.
  const items = ["1. develop", "2. introduce", "3. make", "4. ensure", "5. review", "6. agree", "7. set"];
  const listed = items.flatMap((item) => [HEADER, item]);
  const untouched = (lines: string[]) => ({ lines, numbers: 0, markings: 0, marking: null });
  expect(withPageFurnitureParted(listed)).toEqual(untouched(listed));
  // Figures opening the pages, no count among them.
  const figures = ["20,687 people", "45 cases", "12 staff", "9 boards", "77 children", "3 panels"].flatMap(
    (first) => [HEADER, first],
  );
  expect(withPageFurnitureParted(figures).numbers).toBe(0);
  // Page numbers on lines of their own stay so (furniture as they are): "19" / "20" is no "1" and
  // "2" counting up before a "9" and a "0" (MuPDF's text of a browser's PDF, pages 18-41).
  const alone = Array.from({ length: 24 }, (_, k) => [HEADER, "", String(18 + k), "", "Some text."]).flat();
  expect(withPageFurnitureParted(alone)).toEqual(untouched(alone));
  // Five pages are too few to tell.
  const five = pages(["One.", "Two.", "Three.", "Four.", "Five."]);
  expect(withPageFurnitureParted(five)).toEqual(untouched(five));
});

test("a marking printed at each page's head and foot, glued to the page's number and to its first line, is taken off", () => {
  // Kirklees through pypdf, a marking at every page's head and foot: "2OFFICIAL" / "OFFICIALContents".
  const firsts = [
    "Contents",
    "www.nationalarchives.gov.uk/doc/open-government-licence",
    "Justin Russell",
    "1.1 Governance and leadership Requires improvement",
    "this can vary.",
    "Gender Male Female",
    "Requires improvement",
  ];
  const lines = firsts.flatMap((first, k) => [HEADER, `${k + 2}OFFICIAL`, `OFFICIAL${first}`, "Some text."]);
  const parted = withPageFurnitureParted(lines);
  expect([parted.numbers, parted.markings, parted.marking]).toEqual([7, 7, "OFFICIAL"]);
  expect(parted.lines.filter((_, i) => i % 4 === 2)).toEqual(firsts);
  // (The marking alone on its line, its page's number taken off, is furniture as it is.)
  expect(parted.lines.filter((_, i) => i % 4 === 1)).toEqual(firsts.map(() => "OFFICIAL"));
  // A capitalised word opening a few pages' first lines is no marking.
  const few = ["CONTENTSForeword", "ANNEXEOne", "Text", "Text", "Text", "Text"].flatMap((first) => [
    HEADER,
    first,
  ]);
  expect(withPageFurnitureParted(few).markings).toBe(0);
});

test("a report whose pages' numbers run into their first lines reads as the report, and says so", async () => {
  const text = readFileSync(join(CORPUS, "2021-10-kirklees.txt"), "utf8");
  const original = await readText("kirklees.txt", text);
  // A page every 40 lines (between two lines with something written on them), as pypdf writes them.
  const lines = text.split("\n");
  const out: string[] = [];
  let page = 2;
  lines.forEach((line, i) => {
    if (i > 0 && i % 40 === 0 && line.trim() !== "" && /^[A-Z]/.test(line) && !line.startsWith("#"))
      out.push(HEADER, `${page++}${line}`);
    else out.push(line);
  });
  expect(page).toBeGreaterThan(8);
  const damaged = await readText("kirklees-pypdf.txt", out.join("\n"));
  expect(valueStatements(damaged)).toEqual(valueStatements(original));
  expect(damaged.warnings.map((w) => w.code)).toContain("page-furniture-glued");
});
