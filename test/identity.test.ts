// Identity wording other reports use.
import { expect, test } from "vitest";
import { fieldworkFromProse, parseIdentity } from "../parsers/identity.js";
import { provenanceOf } from "../parsers/lines.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";
import { damagedReport } from "./helpers/shared.js";

const linesOf = (text: string) => normaliseLines(textSourceLines(text), "text").lines;
const identity = (text: string) => parseIdentity(linesOf(text));
const fieldwork = (text: string) => {
  const found = fieldworkFromProse(linesOf(text));
  return found ? [found.month, found.line.line] : null;
};

test("cover, publication and lead inspector in the wordings reports use", () => {
  const a = identity(
    "An inspection of youth justice services in\n\nNewtown\n\nHM Inspectorate of Probation, March 2024\n\nThis inspection was led by HM Inspector Ann Lee, supported by a team.",
  );
  expect([a.area, a.published, a.leadInspector]).toEqual(["Newtown", "2024-03", "Ann Lee"]);
  const b = identity(
    "An inspection of youth offending services in Oldtown\n\nPublished: 5 June 2018\n\nThe inspection was led by Sam O'Neil, HM Inspector.",
  );
  expect([b.area, b.published, b.leadInspector]).toEqual(["Oldtown", "2018-06", "Sam O'Neil"]);
});

test.each([
  // The area's line carrying the inspectorate and its date, as converters join a cover's lines.
  [
    "An inspection of youth offending services in\n\nOxfordshire HM Inspectorate of Probation, May 2020",
    "Oxfordshire",
    "2020-05",
  ],
  [
    "An inspection of youth offending services in\n\nWarwickshireHM Inspectorate of Probation\n\nDECEMBER 2018",
    "Warwickshire",
    "2018-12",
  ],
  [
    "An inspection of youth offending services in Barking and Dagenham HM Inspectorate of Probation December 2018",
    "Barking and Dagenham",
    "2018-12",
  ],
  // Elsewhere the inspectorate's name with a month is no publication date.
  [
    "An inspection of youth offending services in\n\nNewtown\n\nWe thank HM Inspectorate of Probation, May 2020",
    "Newtown",
    null,
  ],
  // The inspectorate's name in the cover's logo (a picture): the month alone after the area.
  [
    "An inspection of youth offending services in\n\nWarwickshire\n\nDecember 2018\n\nContents",
    "Warwickshire",
    "2018-12",
  ],
  [
    "An inspection of youth offending services in Newtown\n\nDate of publication: 12 July 2022",
    "Newtown",
    "2022-07",
  ],
  // A month two lines on, after other text, is no cover's date.
  ["An inspection of youth offending services in\n\nNewtown\n\nContents\n\nDecember 2018", "Newtown", null],
])("the cover's area and month: %j", (cover, area, published) => {
  const read = identity(cover as string);
  expect([read.area, read.published]).toEqual([area, published]);
});

test("the month after the ratings table's service is no publication date", () => {
  // Where no cover names the area, the service's line may be followed by its fieldwork's month
  // ("Fieldwork started" wrapped, its month a line of its own).
  const lines = linesOf("Ratings\n\nNewtown Youth Justice Service\n\nOctober 2022\n\nOverall rating\tGood");
  const serviceLine = lines.find((l) => l.flat === "Newtown Youth Justice Service");
  expect(serviceLine).toBeDefined();
  const d = parseIdentity(lines, [], {
    name: "Newtown Youth Justice Service",
    provenance: provenanceOf(serviceLine as (typeof lines)[number]),
  });
  expect([d.area, d.published]).toEqual(["Newtown", null]);
});

test("a title that says the inspection is a reinspection names the area without it", () => {
  expect(identity("An inspection of youth offending services in Cardiff (reinspection)").area).toBe(
    "Cardiff",
  );
  expect(identity("An inspection of youth justice services in\n\nNewtown: re-inspection").area).toBe(
    "Newtown",
  );
  // (A name's own brackets stay.)
  expect(identity("An inspection of youth offending services in Newtown (West)").area).toBe("Newtown (West)");
});

test.each([
  ["An inspection of youth offending services in Cardiff (reinspection)", true],
  ["An inspection of youth justice services in\n\nNewtown: re-inspection", true],
  ["Re-inspection of youth justice services in\n\nNewtown", true],
  ["A reinspection of youth offending services in Newtown", true],
  ["An inspection of youth offending services in\n\nNewtown", false],
  ["A joint inspection of youth offending services in Newtown", false],
  ["An inspection of youth offending services in Newtown (West)", false],
  ["A re-inspection of youth\njustice services in\n\nNewtown", true],
])("a cover worded '%s' says whether it is a re-inspection (%s), citing its title", (cover, said) => {
  const found = identity(`${cover}\n\nHM Inspectorate of Probation, March 2022`);
  expect(found.reinspection).toBe(said);
  expect(found.provenance.reinspection?.line).toBe(1);
});

test("a re-inspection that its title does not name says so in its foreword", () => {
  const cover =
    "An inspection of youth justice services in\n\nCardiff\n\nHM Inspectorate of Probation, August 2022\n\nForeword\n\n";
  const said = identity(
    `${cover}Cardiff YJS has received an overall rating of 'Requires improvement'. This was a reinspection of the service, after it was rated 'Inadequate' in 2020.`,
  );
  expect(said.reinspection).toBe(true);
  expect(said.provenance.reinspection).toMatchObject({
    line: 9,
    snippet: expect.stringContaining("This was a reinspection"),
  });
  // The sentence over two lines, its word hyphenated at the break: its provenance shows both.
  const wrapped = identity(`${cover}This inspection is a re-\ninspection, following our inspection of 2020.`);
  expect(wrapped.reinspection).toBe(true);
  expect(wrapped.provenance.reinspection?.snippet).toMatch(/This inspection is a re- ?inspection/);
  expect(identity(`${cover}What this re-inspection found is set out below.`).reinspection).toBe(true);
  // Re-inspections spoken of, not this one: a later report's look back, a promise.
  for (const other of [
    "When we re-inspected the service in 2022, we found progress.",
    "We will carry out a re-inspection within two years.",
    "Our re-inspection of Newport in 2021 was the first of its kind.",
  ])
    expect(identity(`${cover}${other}`).reinspection).toBe(false);
});

test("a sentence wrapped before 'inspection of youth justice services' is no title", () => {
  const prose =
    "Foreword\n\nIn the spring we began our\ninspection of youth justice services\nin Newtown, and found much to praise.";
  expect(identity(prose).area).toBeNull();
});

test("a report whose title and running headers cannot be read says nothing of being a re-inspection", () => {
  expect(identity("Foreword\n\nNewtown is a borough.").reinspection).toBeNull();
});

test("fieldwork start from the report's sentence on it, when the ratings table prints none", () => {
  expect(
    fieldwork(
      "Published scoring rules generate the rating.\n\nOur fieldwork, conducted through off-site analysis of case files, took place between 14 September and 18 September 2020.",
    ),
  ).toEqual(["2020-09", 3]);
  expect(fieldwork("Our fieldwork was conducted between 28 June and 02 July 2021.")).toEqual(["2021-06", 1]);
  // The year printed once, after a month that comes earlier in the year: the start was the year before.
  expect(fieldwork("Fieldwork took place between 30 December and 3 January 2020.")).toEqual(["2019-12", 1]);
  expect(
    fieldwork("We conducted fieldwork in Newtown YJS over a period of a week, beginning 10 October 2022."),
  ).toEqual(["2022-10", 1]);
  // No date in the sentence that names fieldwork; "may" is not May.
  expect(
    fieldwork(
      "Prior to the inspection fieldwork there were significant gaps in staffing. In June 2021 posts were filled.",
    ),
  ).toBeNull();
  expect(fieldwork("The fieldwork may show more; staff changed in June 2021.")).toBeNull();
});

test("fieldwork start from a sentence a converter left on two lines (a justified line read as a table row)", () => {
  const text =
    "those  domains  are  described  in  this  report.  Our  fieldwork,  conducted  through  off-site  analysis  of  case  files,\nand telephone and video conferencing, took place between 14 September and 18 September 2020.";
  const lines = linesOf(text);
  // The first line stays a row of its own: it is the case this reads.
  expect(lines.map((l) => l.line)).toEqual([1, 2]);
  const found = fieldworkFromProse(lines);
  expect(found?.month).toBe("2020-09");
  expect(found?.line.line).toBe(1);
  // Its provenance shows both lines: the word and the date.
  expect(found?.line.raw).toMatch(/Our {2}fieldwork,.* files, and telephone .* 18 September 2020\.$/);
  // A line whose sentence ends does not go on to the next line's date.
  expect(fieldwork("We did the fieldwork remotely.\nOn 3 May 2021 the board met.")).toBeNull();
});

test.each([
  ["Inspection of youth offending services in\n\nNewtown", "Newtown"],
  ["A joint inspection of youth offending services in Newtown", "Newtown"],
  ["Re-inspection of youth justice services in\n\nNewtown", "Newtown"],
  // The cover's large type wraps a long name: no area ends on a joining word.
  [
    "An inspection of youth offending services in\n\nTower Hamlets and City of\nLondon",
    "Tower Hamlets and City of London",
  ],
  ["An inspection of youth offending services in\n\nBlackburn with\nDarwen", "Blackburn with Darwen"],
  // The title itself wrapped, at any word.
  ["An inspection of youth\noffending services in\n\nNewtown", "Newtown"],
  ["An inspection of youth offending\nservices in Newtown", "Newtown"],
  ["An inspection of\nyouth justice\nservices in\n\nNewtown", "Newtown"],
])("a cover worded '%s' names the area", (cover, area) => {
  expect(identity(`${cover}\n\nHM Inspectorate of Probation, March 2019`).area).toBe(area);
});

test("the 2018 running header is no cover", () => {
  expect(identity("Inspection of youth offending services in: Newtown 2\n\nForeword").area).toBeNull();
});

test("without a cover, the running headers name the area (without the service's initials)", () => {
  const doc = normaliseLines(
    textSourceLines(
      [
        "Foreword",
        "Newtown is a borough.",
        "\fInspection of youth offending services: Newtown YOS",
        "Ratings",
        "Contextual facts",
        "\fInspection of youth offending services: Newtown YOS",
        "More text.",
      ].join("\n"),
    ),
    "text",
  );
  expect(doc.furniture.length).toBe(2);
  const found = parseIdentity(doc.lines, doc.furniture);
  expect(found.area).toBe("Newtown");
  expect(found.provenance.area?.line).toBe(3);
  expect(found.reinspection).toBe(false);
  expect(found.warnings.map((w) => w.code)).not.toContain("area-missing");
});

test("a re-inspection's running headers are furniture, and say what the inspection is", () => {
  const doc = normaliseLines(
    textSourceLines(
      [
        "Foreword",
        "Newtown is a borough.",
        "\fRe-inspection of youth offending services: Newtown YOS",
        "Ratings",
        "\fRe-inspection of youth offending services: Newtown YOS",
        "More text.",
      ].join("\n"),
    ),
    "text",
  );
  expect(doc.furniture.map((l) => l.line)).toEqual([3, 5]);
  const found = parseIdentity(doc.lines, doc.furniture);
  expect([found.area, found.reinspection, found.provenance.reinspection?.line]).toEqual(["Newtown", true, 3]);
});

test("without a cover or running headers, the ratings table's service names the area", () => {
  const service = {
    name: "Newtown Youth Justice Service",
    provenance: { line: 9, page: null, snippet: "x" },
  };
  const found = parseIdentity(linesOf("Foreword\n\nNewtown is a borough."), [], service);
  expect([found.area, found.provenance.area?.line]).toEqual(["Newtown", 9]);
  const cover = parseIdentity(linesOf("An inspection of youth offending services in Oldtown"), [], service);
  expect(cover.area).toBe("Oldtown");
});

test("the service's name before 'Fieldwork started' where the ratings table ran into its page's text (each page one line)", async () => {
  // Tower Hamlets' ratings table, its page run into one line as an old PyPDF2 writes it: no cell
  // holds the name alone, and the recommendations address its board, not the service.
  const name = "Tower Hamlets and City of London Youth Justice Service";
  const table = `Ratings\n\n${name}\n\nFieldwork started: April 2022\n\nFieldwork started: April 2022\t\t\t\nOver\tall rating\tRequires improvement\t\n1.\tOrganisational delivery\t\t\n`;
  const runOn = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
    table,
    `Ratings ${name} Fieldwork started: April 2022 Fieldwork started: April 2022 Over all rating Requires improvement 1. Organisational delivery\n`,
  ]);
  expect(runOn.serviceName).toBe(name);
  expect(runOn.identityProvenance.serviceName?.snippet).toContain(`${name} Fieldwork started`);
  // Only the area's own name counts: another name before it is not taken.
  const other = await damagedReport("2022-07-tower-hamlets-and-city-of-london.txt", [
    table,
    "Ratings Newtown Youth Justice Service Fieldwork started: April 2022 Over all rating Requires improvement 1. Organisational delivery\n",
  ]);
  expect(other.serviceName).toBeNull();
});
