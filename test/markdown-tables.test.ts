// GFM tables are read without remark where their cells are plain text, and by remark, one
// block at a time, where they are not: the rows must be what remark reads from the whole file.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Root, Table } from "mdast";
import { toString as mdToString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, test } from "vitest";
import { gfmTableRows } from "../parsers/markdown-tables.js";
import { markdownSourceLines } from "../parsers/normalise.js";
import { MARKDOWN_DIALECTS, toMarkdown } from "../scripts/make-variants.js";

/** What remark reads from the whole file: each table row's cells by its line, and the delimiter rows' lines. */
function remarkWhole(text: string) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
  const rows = new Map<number, string[]>();
  const delimiterLines = new Set<number>();
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "table") {
      for (const row of (node as Table).children)
        rows.set(
          row.position?.start.line as number,
          row.children.map((c) => mdToString(c)),
        );
      delimiterLines.add(((node as Table).children[0]?.position?.start.line as number) + 1);
      return;
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(tree);
  return { rows, delimiterLines };
}

const CORPUS = join(import.meta.dirname, "..", "corpus");

describe("GFM table rows as remark reads the whole file", () => {
  test("tables of every kind: plain, with markup, after a paragraph, ragged, not tables at all", () => {
    const text = [
      "Intro paragraph.",
      "",
      "| 2.1 | Assessment | Good |",
      "|:---|---:|:-:|",
      "| 2.2 | Planning | Requires improvement | extra |",
      "| 2.3 |",
      "",
      "A paragraph the table interrupts",
      "| Key question | % 'Yes' |",
      "| --- | --- |",
      "| Does **assessment** analyse? | 86%<sup>3</sup> |",
      "a line without pipes, a row of the table",
      "",
      "| a | b |",
      "| -- | -- | -- |",
      "| not | a table |",
      "",
      "    | indented | as code |",
      "    | --- | --- |",
      "",
      "| Staff \\| volunteers | `code|span` | [link](http://x) | &amp; |",
      "| --- | --- | --- | --- |",
      "| 1 | 2 | 3 | 4 |",
      "",
      "| 2.1 | Assessment | Outstanding* |",
      "| --- | --- | --- |",
      "| Minority: <50% | Staff & volunteers | `those outcomes' |",
      "| safe? <sup>12</sup> | *Good* | <https://example.org> |",
      "| a_b | ~~struck~~ | <jane@example.org> |",
      "",
      "Male | Female",
      "--- | ---",
      "85% | 15%",
      "",
      "| 10-14 | 15-17 |",
      "| - | - |",
      "",
      "---",
      "",
      "| only | header |",
    ].join("\n");
    const ours = gfmTableRows(text);
    const whole = remarkWhole(text);
    expect(ours.rows).toEqual(whole.rows);
    expect(ours.delimiterLines).toEqual(whole.delimiterLines);
    // (The cases are not all read by remark: the plain tables above are read without it.)
    expect(ours.rows.get(3)).toEqual(["2.1", "Assessment", "Good"]);
    expect(ours.rows.get(33)).toEqual(["85%", "15%"]);
    expect(ours.rows.get(25)).toEqual(["2.1", "Assessment", "Outstanding*"]);
  });

  test.each(readdirSync(CORPUS).filter((f) => f.endsWith(".txt")))(
    "%s in markdown, and in every markdown dialect",
    (name) => {
      const markdown = toMarkdown(readFileSync(join(CORPUS, name), "utf8"));
      for (const md of [markdown, ...Object.values(MARKDOWN_DIALECTS).map((dialect) => dialect(markdown))]) {
        const ours = gfmTableRows(md);
        const whole = remarkWhole(md);
        expect(ours.rows).toEqual(whole.rows);
        expect(ours.delimiterLines).toEqual(whole.delimiterLines);
      }
    },
  );
});

describe("a markdown file read from its lines", () => {
  test("the same source lines as from its text: a comment over lines blanked, each row on its file line", async () => {
    const text = [
      "# Ratings",
      "<!-- image: the service's logo,",
      "over two lines -->",
      "| 2.1 | Assessment | Good |",
      "| --- | --- | --- |",
      "| 2.2 | Planning <sup>3</sup> | *Requires improvement* |",
      "",
      "A paragraph. <!-- image --> It goes on.",
    ].join("\n");
    const fromLines = await markdownSourceLines(text.split("\n"));
    expect(fromLines).toEqual(await markdownSourceLines(text));
    expect(fromLines.map((l) => [l.line, l.raw.trim(), l.cells ?? null])).toEqual([
      [1, "# Ratings", null],
      [2, "", null],
      [3, "", null],
      [4, "| 2.1 | Assessment | Good |", ["2.1", "Assessment", "Good"]],
      [
        6,
        "| 2.2 | Planning <sup>3</sup> | *Requires improvement* |",
        ["2.2", "Planning <sup>3</sup>", "Requires improvement"],
      ],
      [7, "", null],
      [8, "A paragraph.  It goes on.", null],
    ]);
  });
});
