// Identity wording other reports use.
import { expect, test } from "vitest";
import { parseIdentity } from "../parsers/identity.js";
import { normaliseLines, textSourceLines } from "../parsers/normalise.js";

const identity = (text: string) => parseIdentity(normaliseLines(textSourceLines(text), "text").lines);

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
