// Readers and the normaliser: format detection, PDF pages, footnote markers, column gaps.
import { describe, expect, test } from "vitest";
import { gridTableRows } from "../parsers/grid-tables.js";
import { htmlPageLines, isHtmlPage } from "../parsers/html.js";
import { latexTableRows } from "../parsers/latex-tables.js";
import { multilineTableRows } from "../parsers/multiline-tables.js";
import {
  type SourceLine,
  markdownSourceLines,
  normaliseLines,
  textSourceLines,
} from "../parsers/normalise.js";
import {
  alignCellsToTop,
  assembleLines,
  joinParagraphs,
  measureLineSpacing,
  noTextReason,
} from "../parsers/pdf.js";
import { detectFormat, documentFromBytes, pageList, withoutCommonIndent } from "../parsers/read.js";
import { tinyPdf } from "./helpers/tiny-pdf.js";

/** A pdf.js text item: `str` at (x, y), `size` points high, half as wide a character. */
function textItem(str: string, x: number, y: number, size = 9) {
  return { str, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5, height: size };
}

/** The lines the PDF reader makes of positioned text items: assembled, cells centred moved up, paragraphs joined. */
function tableRows(items: ReturnType<typeof textItem>[]): string[] {
  return joinParagraphs(alignCellsToTop(assembleLines(items))).map((p) => p.text);
}

describe("format detection from content", () => {
  test("PDF by its signature, whatever the extension", () => {
    expect(detectFormat(Buffer.from("%PDF-1.7\n..."), "report.txt")).toBe("pdf");
  });
  test("markdown by headings or pipe tables, text otherwise", () => {
    expect(detectFormat(Buffer.from("# A\n\n## B\n\n### C\n"), "a.txt")).toBe("markdown");
    expect(detectFormat(Buffer.from("| a | b |\n| --- | --- |\n| 1 | 2 |\n"), "a.txt")).toBe("markdown");
    expect(detectFormat(Buffer.from("Ratings\n2.1\tAssessment\tGood\n"), "a.md")).toBe("text");
    // Headings indented by up to three spaces are headings (CommonMark); four make code, unless
    // the whole text is set in so (a transcript's indentation, taken off first).
    expect(detectFormat(Buffer.from("  # A\n\n   ## B\n\n ### C\n"), "a.txt")).toBe("markdown");
    expect(detectFormat(Buffer.from("Notes\n\n    # A\n\n    ## B\n\n    ### C\n"), "a.txt")).toBe("text");
    expect(detectFormat(Buffer.from("    # A\n\n    ## B\n\n    ### C\n"), "a.txt")).toBe("markdown");
  });
  test("a text set in throughout loses the indentation its lines share, and only that", () => {
    expect(withoutCommonIndent(["    # A", "", "      b", "\t", "    c"])).toEqual([
      "# A",
      "",
      "  b",
      "\t",
      "c",
    ]);
    expect(withoutCommonIndent(["\t\tA", "\t B"])).toEqual(["\tA", " B"]);
    // A tab and spaces share nothing; a line at the margin leaves every line as it is.
    expect(withoutCommonIndent(["\tA", "    B"])).toEqual(["\tA", "    B"]);
    expect(withoutCommonIndent(["  A", "B", "  C"])).toEqual(["  A", "B", "  C"]);
  });
});

describe("web pages (HTML)", () => {
  const page = [
    "<!DOCTYPE html><html><head><title>Inspection of youth offending services: Nowhere</title>",
    "<style>p { margin: 0 }</style><script>var a = '<p>not text</p>';</script></head><body>",
    '<nav><ul><li><a href="/">Home</a></li></ul></nav><header><p>Site banner</p></header>',
    "<main><h1>An inspection of youth offending services in</h1><p>Testshire</p><!-- a comment -->",
    "<p>This inspection was led by\n   HM Inspector Jane Doe,<br>supported by a team.</p>",
    "<table><thead><tr><th>Overall rating</th><th>Good</th></tr></thead>",
    "<tbody><tr><td>2.1</td><td><p>Assessment</p></td><td>Good<sup>3</sup></td></tr></tbody></table>",
    "<pre>a\n  b</pre></main><footer><p>Site footer</p></footer></body></html>",
  ].join("");

  test("an HTML document is a page by its doctype or <html>; markdown with HTML in it is not", () => {
    expect(isHtmlPage(page)).toBe(true);
    expect(isHtmlPage("\uFEFF <!-- saved --> <html lang='en'><body>")).toBe(true);
    expect(isHtmlPage("# Ratings\n\n<table><tr><td>Good</td></tr></table>")).toBe(false);
    expect(isHtmlPage("<p>An inspection of youth offending services in</p>")).toBe(false);
  });

  test("a page is its main content a block a line: head, scripts, comments, navigation and the site's banner and footer go", () => {
    expect(htmlPageLines(page).lines).toEqual([
      "An inspection of youth offending services in",
      "",
      "Testshire",
      "",
      "This inspection was led by HM Inspector Jane Doe,",
      "supported by a team.",
      "",
      "<table><thead>",
      "<tr><th>Overall rating</th><th>Good</th></tr></thead><tbody>",
      "<tr><td>2.1</td><td><p>Assessment</p></td><td>Good<sup>3</sup></td></tr></tbody>",
      "</table>",
      "",
      "a",
      "b",
    ]);
    // Without a <main>, all that shows is kept but the navigation.
    expect(
      htmlPageLines("<html><body><nav>Menu</nav><div>One</div><div>Two</div></body></html>").lines,
    ).toEqual(["One", "", "Two"]);
  });

  test("ordered lists get the numbers or letters a browser shows; a list of notes linking back gets raised markers", () => {
    const lists = [
      "<html><body><p>We have made three recommendations.</p>",
      '<ol start="2"><li><p>review its board</p></li><li value="5">improve data</li><li>train staff</li></ol>',
      '<ol type="a"><li>Does assessment?</li><li>Does planning?</li></ol>',
      '<section role="doc-endnotes"><ol><li id="fn1"><p>Ministry of Justice (2021).<a href="#fnref1" role="doc-backlink">↩︎</a></p></li>',
      '<li id="fn2" value="7"><p>Rated by the panel.<a href="#fnref2" class="footnote-back">↩︎</a></p></li></ol></section>',
      // WordPress's notes: the list named so, a reference a link inside the superscript.
      '<p>Good<sup data-fn="x1" class="fn"><a href="#x1" id="x1-link">8</a></sup> and Good<sup>[9]</sup></p>',
      '<ol class="wp-block-footnotes" start="8"><li id="x1">Uplifted by the panel. <a href="#x1-link" aria-label="Jump to footnote reference 8">↩︎</a></li></ol>',
      "</body></html>",
    ].join("");
    expect(htmlPageLines(lists).lines.filter((l) => l !== "")).toEqual([
      "We have made three recommendations.",
      "2. review its board",
      "5. improve data",
      "6. train staff",
      "a. Does assessment?",
      "b. Does planning?",
      "<sup>1</sup> Ministry of Justice (2021).",
      "<sup>7</sup> Rated by the panel.",
      "Good<sup>8</sup> and Good<sup>9</sup>",
      "<sup>8</sup> Uplifted by the panel.",
    ]);
  });

  test("a link to a note or back from it showing the note's number (Word, Google Docs, pandoc) is a raised number", () => {
    const word = [
      '<html><body><p class=MsoNormal>Total population<a href="#_ftn6" name="_ftnref6" title="">',
      "<span class=MsoFootnoteReference><span style='font-size:9.0pt'>[6]</span></span></a> 385,346<o:p></o:p></p>",
      '<p>Contents <a href="#_Toc12">4</a> and <a href="#ftnt7" id="ftnt_ref7">7</a></p>',
      "<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr><![endif]>",
      '<p class=MsoFootnoteText><a href="#_ftnref6" name="_ftn6"><span>[6]</span></a> Office for National Statistics.</p></div>',
      "</body></html>",
    ].join("\n");
    expect(htmlPageLines(word).lines.filter((l) => l !== "")).toEqual([
      "Total population<sup>6</sup> 385,346<o:p></o:p>",
      // (A contents entry's page number is a link, but not to a note.)
      'Contents <a href="#_Toc12">4</a> and <sup>7</sup>',
      "<sup>6</sup> Office for National Statistics.",
    ]);
  });

  test("a page on one line reads as it does wrapped anywhere: same lines, cells and a warning that it was a page", async () => {
    const oneLine = await documentFromBytes("page.html", Buffer.from(page));
    const wrapped = await documentFromBytes("page.html", Buffer.from(page.replace(/ /g, "\n")));
    expect(oneLine.format).toBe("markdown");
    const cells = (doc: typeof oneLine) =>
      normaliseLines(doc.sourceLines, doc.format).lines.map((l) => l.cells);
    expect(cells(oneLine)).toEqual([
      ["An inspection of youth offending services in"],
      ["Testshire"],
      ["This inspection was led by HM Inspector Jane Doe,"],
      ["supported by a team."],
      ["Overall rating", "Good"],
      ["2.1", "Assessment", "Good"],
      ["a"],
      ["b"],
    ]);
    expect(cells(wrapped)).toEqual(cells(oneLine));
    expect(oneLine.readWarnings?.map((w) => w.code)).toEqual(["html-page"]);
  });

  test("each line read from a page keeps the file's line it starts on (its text, or its row's tag)", () => {
    const page = [
      "<!DOCTYPE html><html><head><title>x</title>",
      "<style>p {}</style></head><body>",
      "<p>An inspection of youth",
      "offending services in</p><p>Testshire</p>",
      "<table><tr><td>Overall rating</td>",
      "<td>Good</td></tr><tr>",
      "<td>2.1</td><td>Assessment</td><td>Good</td></tr></table>",
      "<ol><li>one</li>",
      "<li>two</li></ol></body></html>",
    ].join("\r\n");
    const { lines, fileLines } = htmlPageLines(page);
    expect(lines.map((l, i) => [fileLines[i], l]).filter(([, l]) => l !== "")).toEqual([
      [3, "An inspection of youth offending services in"],
      [4, "Testshire"],
      [5, "<table>"],
      [5, "<tr><td>Overall rating</td> <td>Good</td></tr>"],
      [6, "<tr> <td>2.1</td><td>Assessment</td><td>Good</td></tr>"],
      [7, "</table>"],
      [8, "1. one"],
      [9, "2. two"],
    ]);
  });

  test("<main> in any case, also after a letter whose lower case is two characters (İ)", () => {
    for (const banner of ["Site banner", "Twinned with İzmir"]) {
      const page = [
        "<HTML><BODY>",
        `<HEADER><P>${banner}</P></HEADER>`,
        '<MAIN ID="content"><H1>An inspection of youth offending services in</H1>',
        "<P>Testshire</P></MAIN>",
        "<FOOTER><P>Site footer</P></FOOTER></BODY></HTML>",
      ].join("\n");
      const { lines, fileLines } = htmlPageLines(page);
      expect(lines.map((l, i) => [fileLines[i], l])).toEqual([
        [3, "An inspection of youth offending services in"],
        [3, ""],
        [4, "Testshire"],
      ]);
    }
  });
});

/** What a table reader makes of a text: each line's number, and its cells where it read a row (else its text). */
function tableRowsOf(reader: (lines: SourceLine[]) => SourceLine[], text: string) {
  return reader(textSourceLines(text)).map((l) => [l.line, l.cells ?? l.raw]);
}

describe("pandoc's grid tables", () => {
  test("a row a line of cells at the line where it starts, each cell's wrapped text joined; borders go", () => {
    const grid = [
      "Ratings",
      "+-----------------+-------------+",
      "| Overall rating  | Good        |",
      "+=================+=============+",
      "| 1.1 Governance  | Requires    |",
      "| and             | improvement |",
      "| leadership      |             |",
      "+-----------------+-------------+",
      "|\t2.1 Assessment | Good |",
      "+-----------------+-------------+",
      "| cut short       | Good        |",
      "After.",
    ].join("\n");
    expect(tableRowsOf(gridTableRows, grid)).toEqual([
      [1, "Ratings"],
      [3, ["Overall rating", "Good"]],
      [5, ["1.1 Governance and leadership", "Requires improvement"]],
      // (Its "|"s not at the border's edges: read between its "|"s.)
      [9, ["2.1 Assessment", "Good"]],
      // (No border after it: as written.)
      [11, "| cut short       | Good        |"],
      [12, "After."],
    ]);
  });
});

describe("pandoc's multiline tables", () => {
  test("a row a line of cells at the line where it starts, each column's wrapped text joined; rules go", () => {
    const multiline = [
      "Inspection data",
      "  ------------------------------------------",
      "  Key question                      % 'Yes'",
      "  --------------------------------- --------",
      "  Does assessment sufficiently      86%",
      "  analyse how to keep other people",
      "  safe?",
      "",
      "  Does planning focus sufficiently  71%",
      "  on keeping the child safe?",
      "  ------------------------------------------",
      "After.",
    ].join("\n");
    expect(tableRowsOf(multilineTableRows, multiline)).toEqual([
      [1, "Inspection data"],
      [3, ["Key question", "% 'Yes'"]],
      [5, ["Does assessment sufficiently analyse how to keep other people safe?", "86%"]],
      [9, ["Does planning focus sufficiently on keeping the child safe?", "71%"]],
      [12, "After."],
    ]);
    // Text across a column's edge: not a table of these columns, left as written.
    const misaligned = multiline.replace(
      "  Does planning focus sufficiently  71%",
      "  Does planning focus sufficiently on 71%",
    );
    expect(multilineTableRows(textSourceLines(misaligned)).every((l) => !l.cells)).toBe(true);
  });
});

describe("tables written as LaTeX (Nougat, Mathpix)", () => {
  test("a row a line of cells at the line where the row starts; rules, the float and its spec go", () => {
    const mathpix = [
      "Ratings",
      "\\begin{table}",
      "\\centering",
      "\\begin{tabular}{|p{4cm}|l|c|}",
      "\\hline \\multicolumn{2}{|l|}{\\textbf{Overall rating}} & Good \\\\",
      "\\hline 2.1 & Assessment & Requires",
      "improvement \\\\ \\hline",
      "Offence types & 86\\% & A \\& B \\\\",
      "\\end{tabular}",
      "\\end{table}",
      "Text after.",
    ].join("\n");
    expect(tableRowsOf(latexTableRows, mathpix)).toEqual([
      [1, "Ratings"],
      [2, ""],
      [3, ""],
      [5, ["Overall rating", "Good"]],
      [6, ["2.1", "Assessment", "Requires improvement"]],
      [8, ["Offence types", "86%", "A & B"]],
      [10, ""],
      [11, "Text after."],
    ]);
  });

  test("a table on one line (Nougat), its last row without its '\\\\', and text around it on its lines", () => {
    const nougat =
      "Before \\begin{tabular}{c c} \\toprule Score & 29/36 \\\\ \\midrule \\multirow{2}{*}{1.1} & Good \\bottomrule \\end{tabular} after";
    expect(tableRowsOf(latexTableRows, nougat)).toEqual([
      [1, "Before "],
      [1, ["Score", "29/36"]],
      [1, ["1.1", "Good"]],
      [1, " after"],
    ]);
  });
});

describe("PDF reading", () => {
  test("text per page, page numbers on every line, cells of a row joined by a tab", async () => {
    const pdf = tinyPdf([
      [
        { x: 72, y: 760, text: "An inspection of youth offending services in" },
        { x: 72, y: 730, text: "Testshire" },
      ],
      [
        { x: 72, y: 760, text: "Overall rating" },
        { x: 360, y: 760, text: "Good" },
      ],
    ]);
    const doc = await documentFromBytes("tiny.pdf", pdf);
    expect(doc.format).toBe("pdf");
    const { lines } = normaliseLines(doc.sourceLines, doc.format);
    expect(lines.map((l) => [l.page, l.line, l.cells])).toEqual([
      [1, 1, ["An inspection of youth offending services in"]],
      [1, 2, ["Testshire"]],
      [2, 3, ["Overall rating", "Good"]],
    ]);
  });

  // A word processor's notes at a page's foot, in small print: a note's second sentence on the
  // line below (its first line a row of two cells, number and text), and a note too long for its
  // page carried on at the next page's foot, unnumbered, below that page's text.
  test("a note's next line in small print and a note carried on at the next page's foot are the note's", async () => {
    const body = (y: number, text: string) => ({ x: 72, y, text, size: 10 });
    const note = (x: number, y: number, text: string) => ({ x, y, text, size: 7.5 });
    // (Prose enough that the body's size is the text's, not the notes'.)
    const prose = [600, 560, 520, 480].map((y) =>
      body(y, "The service works with children and their families across the borough and its partners."),
    );
    const pdf = tinyPdf([
      [
        body(760, "Staffing data for the service, as supplied before the inspection."),
        body(745, "Average caseload case managers (FTE) and other figures follow."),
        ...prose,
        note(72, 100, "14"),
        note(
          100,
          100,
          "Data supplied by YJS, based on staffing and workload at the time of the inspection announcement.",
        ),
        note(100, 91, "This may be inaccurate."),
        note(72, 80, "15"),
        note(
          100,
          80,
          "The rating for the standard is driven by the lowest score, placed in a rating band. See Annexe 1 for a more detailed",
        ),
      ],
      [
        body(760, "Staff attrition (percentage of all staff leaving in 12-month period) was low."),
        body(745, "The service has kept its staff through the year and through its restructure."),
        ...prose,
        note(72, 100, "explanation."),
        note(72, 80, "16"),
        note(100, 80, "This question is only relevant in some cases."),
      ],
    ]);
    const doc = await documentFromBytes("notes.pdf", pdf);
    const { lines, footnotes } = normaliseLines(doc.sourceLines, doc.format);
    expect(footnotes.map((f) => [f.marker, f.text])).toEqual([
      [
        "14",
        "Data supplied by YJS, based on staffing and workload at the time of the inspection announcement. This may be inaccurate.",
      ],
      [
        "15",
        "The rating for the standard is driven by the lowest score, placed in a rating band. See Annexe 1 for a more detailed explanation.",
      ],
      ["16", "This question is only relevant in some cases."],
    ]);
    expect(lines.map((l) => l.flat).filter((t) => !t.startsWith("The service works"))).toEqual([
      "Staffing data for the service, as supplied before the inspection.",
      "Average caseload case managers (FTE) and other figures follow.",
      "Staff attrition (percentage of all staff leaving in 12-month period) was low.",
      "The service has kept its staff through the year and through its restructure.",
    ]);
  });

  test("pages inside a PDF that print no text but their running header or page number are named in a warning", async () => {
    const header = { x: 72, y: 800, text: "Inspection of youth offending services: Testshire" };
    const pdf = tinyPdf([
      [
        { x: 72, y: 760, text: "An inspection of youth offending services in" },
        { x: 72, y: 730, text: "Testshire" },
      ],
      // A picture of a page (a scanned annex, an infographic): its header and number are text.
      [header, { x: 290, y: 40, text: "2" }],
      [header, { x: 72, y: 760, text: "Overall rating" }, { x: 360, y: 760, text: "Good" }],
      [],
      [header, { x: 72, y: 760, text: "Some text of the report's own." }],
      [header],
      [header, { x: 72, y: 760, text: "More text." }],
      // (The last page, as the first, may be a cover's picture: not named.)
      [],
    ]);
    const doc = await documentFromBytes("pictures.pdf", pdf);
    expect(doc.readWarnings).toEqual([
      {
        code: "pdf-pages-without-text",
        message:
          "Pages 2, 4 and 6 of 8 print no text but their running header or page number (a picture of a page: a scan, an infographic; or blank): what they print is not read",
      },
    ]);
    const one = await documentFromBytes(
      "picture.pdf",
      tinyPdf([[{ x: 72, y: 760, text: "Cover" }], [header], [{ x: 72, y: 760, text: "Text" }]]),
    );
    expect(one.readWarnings?.map((w) => w.message)).toEqual([
      "Page 2 of 3 prints no text but its running header or page number (a picture of a page: a scan, an infographic; or blank): what it prints is not read",
    ]);
    expect([pageList([3, 12, 13, 14, 20]), pageList([7]), pageList([1, 2])]).toEqual([
      "3, 12-14 and 20",
      "7",
      "1-2",
    ]);
  });

  test("a PDF has text to read when its pages hold letters, whatever else its fonts give", () => {
    // Word's bullets, set in its Symbol font, read as the private-use U+F0B7; Blackburn's first
    // recommendation.
    const bulleted = [
      {
        raw: "\uF0B7 support practitioners and managers in recognising and knowing how to escalate concerns",
      },
    ];
    expect(noTextReason(bulleted, 1)).toBeNull();
    expect(noTextReason([{ raw: "\uF0B7 4" }], 1)).toBe(
      "the PDF's one page holds 1 letter or digit: pictures of pages (a scan?), no text to read",
    );
    // An OCR layer whose font lost its map to Unicode: glyph 1 for every letter, a page number.
    expect(noTextReason([{ raw: `${"\u0001".repeat(40)} 12` }, { raw: "\uFFFD\uFFFD" }], 2)).toBe(
      "the PDF's 2 pages hold 2 letters or digits and 42 characters its fonts do not map to text: a text layer in fonts embedded without a map to Unicode, no text to read (ocrmypdf replaces such a layer with --force-ocr)",
    );
  });

  test("glyphs a font does not map to text: marked U+FFFD, counted in a warning; none in a sound PDF", async () => {
    const page = [
      { x: 72, y: 760, text: "An inspection of youth offending services in" },
      { x: 72, y: 730, text: "Testshire" },
      { x: 72, y: 700, text: "Overall rating" },
      { x: 360, y: 700, text: "Good", unmapped: true },
      { x: 72, y: 670, text: "1.1 Governance and leadership", unmapped: true },
    ];
    const doc = await documentFromBytes("tiny.pdf", tinyPdf([page]));
    expect(doc.sourceLines.map((l) => l.raw)).toEqual([
      "An inspection of youth offending services in",
      "Testshire",
      "Overall rating\t\uFFFD\uFFFD\uFFFD\uFFFD",
      "\uFFFD".repeat(29),
    ]);
    expect(doc.readWarnings).toEqual([
      {
        code: "pdf-glyphs-undecoded",
        message:
          '2 lines of the PDF hold 33 glyphs that their fonts do not map to text (a font embedded without a map to Unicode): each is read as "\uFFFD", and what they print is missing',
      },
    ]);
    const sound = await documentFromBytes("tiny.pdf", tinyPdf([page.map(({ unmapped, ...item }) => item)]));
    expect(sound.readWarnings).toEqual([]);
    expect(sound.sourceLines.map((l) => l.raw)).toContain("Overall rating\tGood");
  });

  test("reading a PDF leaves the thread's Array push native (not core-js's, several times slower)", async () => {
    await documentFromBytes("tiny.pdf", tinyPdf([[{ x: 72, y: 760, text: "Overall rating" }]]));
    // core-js's push dresses up as native; it differs in the corner case it was made for.
    const frozenLength = Object.defineProperty([] as number[], "length", { writable: false });
    expect(() => frozenLength.push()).not.toThrow();
    // What pdf.js needs and Node 20 lacks is still there.
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe("function");
  });

  // As a word processor sets a document at one and a half lines (Writer's or Word's "1.5 lines"):
  // lines some 1.7 times their type's size apart, further than single spacing allows.
  test("lines set at one and a half lines: the document's measured spacing joins wrapped prose and cells", () => {
    const lead = 17.25; // 10-point type
    const cellLead = 15.5; // 9-point type, the same proportion
    const items = [
      textItem("The partnership has made progress in the areas we identified and the board has", 72, 700, 10),
      textItem(
        "strengthened its oversight of the work of the service, though more remains to",
        72,
        700 - lead,
        10,
      ),
      textItem(
        "be done on the quality of planning and on the way in which the risks to the",
        72,
        700 - 2 * lead,
        10,
      ),
      textItem("children are reviewed.", 72, 700 - 3 * lead, 10),
      textItem("Is there sufficient analysis of offending behaviour, including the child's", 72, 600),
      textItem("86%", 480, 600 - cellLead / 2),
      textItem("attitudes towards and motivations for their offending?", 72, 600 - cellLead),
      textItem("Does assessment analyse the key structural barriers facing the child?", 72, 570),
      textItem("56%", 480, 570),
      // The page's number, centred below the text at the same spacing.
      textItem("9", 295, 570 - cellLead),
    ];
    const rows = (measured: boolean) => {
      const lines = assembleLines(items);
      if (measured) measureLineSpacing([lines]);
      return joinParagraphs(alignCellsToTop(lines)).map((p) => p.text);
    };
    expect(rows(true)).toEqual([
      "The partnership has made progress in the areas we identified and the board has strengthened its oversight of the work of the service, though more remains to be done on the quality of planning and on the way in which the risks to the children are reviewed.",
      "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending?\t86%",
      "Does assessment analyse the key structural barriers facing the child?\t56%",
      "9",
    ]);
    // At single spacing's reach the same lines come apart, the figure inside the question.
    expect(rows(false)).toContain("children are reviewed.");
    expect(rows(false)).not.toContain(rows(true)[1]);
  });

  // A word processor's narrow columns with justified cells: a cell's first line spread ("Black"
  // ... "and"), and the next heading a little closer than a column gap ("and" / "Unknown").
  test("a table's own columns tell a justified cell's word gap from a narrow column gap", () => {
    const rows = tableRows([
      textItem("Race/ethnicity", 54, 700),
      textItem("White", 355, 700),
      textItem("Black", 419, 700),
      textItem("and", 466, 700),
      textItem("Unknown", 483.3, 700),
      textItem("minority ethnic", 419, 689),
      textItem("Kirklees YJS", 54, 665),
      textItem("65%", 355, 665),
      textItem("30%", 419, 665),
      textItem("5%", 483.3, 665),
      textItem("Kirklees", 54, 641),
      textItem("71%", 355, 641),
      textItem("29%", 419, 641),
      textItem("0%", 483.3, 641),
    ]);
    expect(rows).toEqual([
      "Race/ethnicity\tWhite\tBlack and minority ethnic\tUnknown",
      "Kirklees YJS\t65%\t30%\t5%",
      "Kirklees\t71%\t29%\t0%",
    ]);
  });

  test("a percentage wrapped in a narrow column ('100' / '%') is one figure", () => {
    expect(
      tableRows([
        textItem("i) Are the child and their parents or carers meaningfully involved in their", 72, 700),
        textItem("100", 480, 700),
        textItem("assessment, and are their views taken into account?", 72, 689),
        textItem("%", 480, 689),
        textItem("Does assessment sufficiently analyse how to keep the child safe?", 72, 670),
      ]),
    ).toEqual([
      "i) Are the child and their parents or carers meaningfully involved in their assessment, and are their views taken into account?\t100%",
      "Does assessment sufficiently analyse how to keep the child safe?",
    ]);
  });

  // A word processor's footnote area prints a note's number at the note's size, set off by a
  // tab; and a page of tables, set smaller than the prose, is still not small print.
  test("a footnote numbered at its own size is a note; small print is measured against the document's text", async () => {
    const prose = Array.from({ length: 6 }, (_, k) => ({
      x: 72,
      y: 760 - 14 * k,
      text: `A paragraph of the report's prose, line ${k + 1}, set in its body type.`,
      size: 10,
    }));
    const table = Array.from({ length: 8 }, (_, k) => [
      { x: 72, y: 760 - 12 * k, text: `Does planning address question ${k + 1} of the standard?`, size: 9 },
      { x: 480, y: 760 - 12 * k, text: `${60 + k}%`, size: 9 },
    ]).flat();
    const note = [
      { x: 51, y: 80, text: "15", size: 7.5 },
      { x: 68, y: 80, text: "Planning was judged to be sufficient in the majority of cases.", size: 7.5 },
    ];
    const doc = await documentFromBytes("notes.pdf", tinyPdf([prose, prose, [...table, ...note]]));
    const raw = doc.sourceLines.map((l) => l.raw);
    expect(raw).toContain("¹⁵ Planning was judged to be sufficient in the majority of cases.");
    expect(raw).toContain("Does planning address question 8 of the standard?\t67%");
  });

  test("line assembly: column gaps become tabs, raised small digits footnote markers, wrapped prose one line", () => {
    const item = (str: string, x: number, y: number, size = 11) => textItem(str, x, y, size);
    const lines = assembleLines([
      item("Our rating", 72, 700),
      item("19", 128, 704, 7),
      item("for assessment is based on the following key questions, as the annex explains in", 140, 700),
      item("more detail.", 72, 687),
      item("Does assessment sufficiently analyse how to keep the child safe?", 72, 660),
      item("59%", 480, 660),
    ]);
    expect(lines.map((l) => l.text)).toEqual([
      "Our rating¹⁹ for assessment is based on the following key questions, as the annex explains in",
      "more detail.",
      "Does assessment sufficiently analyse how to keep the child safe?\t59%",
    ]);
    expect(joinParagraphs(lines).map((p) => p.text)).toEqual([
      "Our rating¹⁹ for assessment is based on the following key questions, as the annex explains in more detail.",
      "Does assessment sufficiently analyse how to keep the child safe?\t59%",
    ]);
  });

  test("figure-and-label rows a narrow gap left one run of text each stay rows; a sentence wrapped before a number runs on", () => {
    const item = textItem;
    const lines = assembleLines([
      item("215,052 Total population in North Somerset (2018) and more words of the label", 72, 700),
      item("19,364 Total youth population (10-17 years) in North Somerset (2018) and more", 72, 688),
      item("751 Total black and minority ethnic youth population in North Somerset (2011)", 72, 676),
      item("Youth justice case managers have access to the Microsoft Office suite. All", 72, 640),
      item("11 YJS staff in our survey believed the ICT they were provided with was helping.", 72, 628),
    ]);
    expect(joinParagraphs(lines).map((p) => p.text)).toEqual([
      "215,052 Total population in North Somerset (2018) and more words of the label",
      "19,364 Total youth population (10-17 years) in North Somerset (2018) and more",
      "751 Total black and minority ethnic youth population in North Somerset (2011)",
      "Youth justice case managers have access to the Microsoft Office suite. All 11 YJS staff in our survey believed the ICT they were provided with was helping.",
    ]);
  });

  test.each([
    {
      layout: "two lines of question, the percentage halfway between them",
      items: [
        textItem("Does assessment sufficiently analyse how to", 72, 700),
        textItem("56%", 480, 694.4),
        textItem("keep the child safe?", 72, 688.75),
        textItem("Does assessment sufficiently analyse how to keep other people safe?", 72, 668),
        textItem("71%", 480, 668),
      ],
      rows: [
        "Does assessment sufficiently analyse how to keep the child safe?\t56%",
        "Does assessment sufficiently analyse how to keep other people safe?\t71%",
      ],
    },
    {
      layout: "three lines of label, the figure level with the second (a value-first table)",
      items: [
        textItem("Total current caseload", 200, 700),
        textItem("38", 72, 688.75),
        textItem("on community sentences", 200, 688.75),
        textItem("(court disposals)", 200, 677.5),
      ],
      rows: ["38\tTotal current caseload on community sentences (court disposals)"],
    },
    {
      layout: "two lines of label, a count with its share halfway between them, rows set close",
      items: [
        textItem("5 (7%)", 72, 711.25),
        textItem("Total current caseload in custody", 200, 711.25),
        textItem("Total current caseload on community", 200, 700),
        textItem("61 (88%)", 72, 694.4),
        textItem("sentences", 200, 688.75),
        textItem("3 (4%)", 72, 677.5),
        textItem("Total current caseload on licence", 200, 677.5),
      ],
      rows: [
        "5 (7%)\tTotal current caseload in custody",
        "61 (88%)\tTotal current caseload on community sentences",
        "3 (4%)\tTotal current caseload on licence",
      ],
    },
    {
      layout: "a top-aligned row, left as it is",
      items: [
        textItem("Does planning focus sufficiently on", 72, 700),
        textItem("80%", 480, 700),
        textItem("keeping the child safe?", 72, 688.75),
      ],
      rows: ["Does planning focus sufficiently on keeping the child safe?\t80%"],
    },
  ])("a cell centred beside a wrapped one goes back to its row's first line: $layout", ({ items, rows }) => {
    expect(tableRows(items)).toEqual(rows);
  });

  test("a table without cell padding: a wrapped cell's line joins its row, the next row does not", () => {
    const item = textItem;
    const rows = tableRows([
      item("Does assessment sufficiently analyse how to", 72, 700),
      item("88%", 480, 700),
      item("support the child's desistance?", 72, 688.75),
      item("Does planning focus on keeping the child safe?", 72, 677.5),
      item("75%", 480, 677.5),
      item("b) Does planning take account of diversity?", 72, 666.25),
      item("60%", 480, 666.25),
      item("267", 72, 640),
      item("First-time entrant rate in Tower", 200, 640),
      item("Hamlets and City of London", 200, 628.75),
      item("154", 72, 617.5),
      item("First-time entrant rate in England", 200, 617.5),
    ]);
    expect(rows).toEqual([
      "Does assessment sufficiently analyse how to support the child's desistance?\t88%",
      "Does planning focus on keeping the child safe?\t75%",
      "b) Does planning take account of diversity?\t60%",
      "267\tFirst-time entrant rate in Tower Hamlets and City of London",
      "154\tFirst-time entrant rate in England",
    ]);
  });

  test("a table without cell padding, cells centred: a figure between a row's two lines is that row's", () => {
    // "7.8" on its one-line row; "0%" centred between the two lines of the next row's label.
    const rows = tableRows([
      textItem("Total headcount other case managers (FTE)", 72, 700),
      textItem("7.8", 480, 700),
      textItem("Vacancy rate (total unfilled posts as percentage of total staff", 72, 688.75),
      textItem("0%", 480, 683.125),
      textItem("headcount)", 72, 677.5),
      textItem("Average caseload per case manager (FTE)", 72, 666.25),
      textItem("7", 480, 666.25),
    ]);
    expect(rows).toEqual([
      "Total headcount other case managers (FTE)\t7.8",
      "Vacancy rate (total unfilled posts as percentage of total staff headcount)\t0%",
      "Average caseload per case manager (FTE)\t7",
    ]);
  });

  test("a table without cell padding, figures centred beside labels of several lines: each row by its figure's symmetry", () => {
    // Tower Hamlets' population table so laid out: rows of 4, 3, 2 and 3 lines, their figures at
    // each row's middle (between two lines, or on one). Nothing in the text tells "... England
    // and Wales" from the next row's "Reoffending rate in".
    const lead = 11.25;
    const y = (position: number) => 612.5 - position * lead;
    const rows = tableRows([
      textItem("First-time entrant rate", 350, y(0)),
      textItem("per 100,000 in Tower", 350, y(1)),
      textItem("267", 61, y(1.5)),
      textItem("Hamlets and City of", 350, y(2)),
      textItem("London", 350, y(3)),
      textItem("First-time entrant rate", 350, y(4)),
      textItem("154", 61, y(5)),
      textItem("per 100,000 in", 350, y(5)),
      textItem("England and Wales", 350, y(6)),
      textItem("Reoffending rate in", 350, y(7)),
      textItem("33.6%", 61, y(7.5)),
      textItem("England and Wales", 350, y(8)),
      textItem("Total population", 350, y(9)),
      textItem("342,907", 61, y(10)),
      textItem("Tower Hamlets and", 350, y(10)),
      textItem("City of London", 350, y(11)),
    ]);
    expect(rows).toEqual([
      "267\tFirst-time entrant rate per 100,000 in Tower Hamlets and City of London",
      "154\tFirst-time entrant rate per 100,000 in England and Wales",
      "33.6%\tReoffending rate in England and Wales",
      "342,907\tTotal population Tower Hamlets and City of London",
    ]);
  });

  test("a table without cell padding, figures centred: a title row without a figure, then rows by symmetry", () => {
    const lead = 11.25;
    const y = (position: number) => 612.5 - position * lead;
    const rows = tableRows([
      textItem("Population information", 350, y(0)),
      textItem("First-time entrant rate", 350, y(1)),
      textItem("per 100,000 in Tower", 350, y(2)),
      textItem("267", 61, y(2.5)),
      textItem("Hamlets and City of", 350, y(3)),
      textItem("London", 350, y(4)),
      textItem("Reoffending rate in", 350, y(5)),
      textItem("33.6%", 61, y(5.5)),
      textItem("England and Wales", 350, y(6)),
    ]);
    expect(rows).toEqual([
      "Population information",
      "267\tFirst-time entrant rate per 100,000 in Tower Hamlets and City of London",
      "33.6%\tReoffending rate in England and Wales",
    ]);
  });

  test("a table without cell padding, figures centred: a row without a figure is not counted into the next", () => {
    // A key question heading its prompts (no figure of its own) puts the symmetry out by a line:
    // read so, rows would meet mid-question ("... of the child," / "sufficiently addressing ...").
    const lead = 11.25;
    const y = (position: number) => 700 - position * lead;
    const rows = tableRows([
      textItem("Does planning focus sufficiently on keeping the child safe?", 61, y(0)),
      textItem("Does planning promote the safety and wellbeing of the child,", 61, y(1)),
      textItem("57%", 420, y(1.5)),
      textItem("sufficiently addressing risks?", 61, y(2)),
      textItem("Does planning involve other agencies where appropriate, and is there", 61, y(3)),
      textItem("sufficient alignment with other plans (e.g. child protection or care", 61, y(4)),
      textItem("67%", 420, y(4)),
      textItem("plans) concerning the child?", 61, y(5)),
      textItem("Does planning include necessary contingency arrangements for those", 61, y(6)),
      textItem("29%", 420, y(6.5)),
      textItem("risks that have been identified?", 61, y(7)),
    ]);
    expect(rows).not.toContainEqual(expect.stringMatching(/^sufficiently addressing|^plans\)|^risks that/));
    expect(rows.filter((r) => r.includes("\t"))).toEqual([
      "Does planning promote the safety and wellbeing of the child, sufficiently addressing risks?\t57%",
      "Does planning involve other agencies where appropriate, and is there sufficient alignment with other plans (e.g. child protection or care plans) concerning the child?\t67%",
      "Does planning include necessary contingency arrangements for those risks that have been identified?\t29%",
    ]);
  });

  test("a ratings table without cell padding: a standard's number and rating centred beside its wrapped name", () => {
    // Croydon's ratings so laid out: 2.2's name on one line, 2.3's over two with "2.3" and
    // "Good" between them, 2.4 on one line; 1.3's rating wrapped beside its wrapped name.
    const lead = 11.25;
    const y = (position: number) => 700 - position * lead;
    const rows = tableRows([
      textItem("1.3", 61, y(0.5)),
      textItem("Partnerships and", 100, y(0)),
      textItem("Requires", 400, y(0)),
      textItem("services", 100, y(1)),
      textItem("improvement", 400, y(1)),
      textItem("2.2", 61, y(2)),
      textItem("Planning", 100, y(2)),
      textItem("Good", 400, y(2)),
      textItem("Implementation and", 100, y(3)),
      textItem("2.3", 61, y(3.5)),
      textItem("Good", 400, y(3.5)),
      textItem("delivery", 100, y(4)),
      textItem("2.4", 61, y(5)),
      textItem("Reviewing", 100, y(5)),
      textItem("Good", 400, y(5)),
    ]);
    expect(rows).toEqual([
      "1.3\tPartnerships and services\tRequires improvement",
      "2.2\tPlanning\tGood",
      "2.3\tImplementation and delivery\tGood",
      "2.4\tReviewing\tGood",
    ]);
  });

  test("a table without cell padding: a rating centred beside a standard's two-line description is that row's", () => {
    const rows = tableRows([
      textItem("Assessment is well-informed, analytical and personalised, actively", 61, 700),
      textItem("Good", 420, 694.375),
      textItem("involving the child and their parents or carers.", 61, 688.75),
      textItem("Our rating for assessment is based on the following key questions:", 61, 677.5),
    ]);
    expect(rows[0]).toBe(
      "Assessment is well-informed, analytical and personalised, actively involving the child and their parents or carers.\tGood",
    );
  });

  test("a table without cell padding: nothing carries on a cell that is a rating", () => {
    const rows = tableRows([
      textItem("Overall rating", 72, 700),
      textItem("Good", 400, 700),
      textItem("Score", 72, 688.75),
      textItem("29/36", 400, 688.75),
    ]);
    expect(rows).toEqual(["Overall rating\tGood", "Score\t29/36"]);
  });

  test("a justified line drawn word by word stays prose; a row's uneven gaps stay cells", () => {
    const words = "We inspected eight post-court cases and rated their assessment".split(" ");
    // Every gap 9 points (wider than a column gap of 7), as justification spreads a line.
    let x = 72;
    const items = words.map((w) => {
      const item = { str: w, transform: [10, 0, 0, 10, x, 700], width: w.length * 5, height: 10 };
      x += item.width + 9;
      return item;
    });
    expect(assembleLines(items).map((l) => l.text)).toEqual([words.join(" ")]);
    const row = ["Reoffending", "rate", "for", "Kirklees", "34%", "38%"].map((w, k) => ({
      str: w,
      transform: [10, 0, 0, 10, [72, 130, 153, 171, 400, 480][k] as number, 650],
      width: w.length * 5,
      height: 10,
    }));
    expect(assembleLines(row).map((l) => l.text)).toEqual(["Reoffending rate for Kirklees\t34%\t38%"]);
  });

  describe("an OCR text layer (tesseract's invisible font: words stretched to the boxes it found)", () => {
    /** Words of a line at `xs`, 9 points high, each as wide as the engine's estimate `widths`. */
    const ocrLine = (words: string[], xs: number[], widths: number[], ocr = true) =>
      words.map((str, k) => ({
        str,
        transform: [9, 0, 0, 9, xs[k] as number, 500],
        width: widths[k] as number,
        height: 9,
        ocr,
      }));
    // A question, then its figure: the words 8 points (0.9 em) apart, as tesseract sets them; the
    // figure 75 points on.
    const words = ["Does", "the", "YOT", "work", "well?", "68%"];
    const xs = [51, 76, 96, 119, 145, 240];
    const widths = [17, 12, 15, 18, 20, 14];

    test("words 0.8 em apart are one cell; a gap of a column is two", () => {
      expect(assembleLines(ocrLine(words, xs, widths)).map((l) => l.text)).toEqual([
        "Does the YOT work well?\t68%",
      ]);
      // (Read as a font's own widths, the same gaps are a column's: a capital starts a cell.)
      expect(assembleLines(ocrLine(words, xs, widths, false)).map((l) => l.text)).toEqual([
        "Does the\tYOT work well?\t68%",
      ]);
    });

    // (Here the border stands a word's gap from the question and from the figure.)
    test("a ruled border read as '|', alone or glued to the figure, is the cell's edge", () => {
      const alone = ocrLine(
        [...words.slice(0, 5), "|", "68%"],
        [...xs.slice(0, 5), 172, 180],
        [...widths, 3],
      );
      alone[6] = { ...(alone[6] as (typeof alone)[number]), width: 14 };
      expect(assembleLines(alone).map((l) => l.text)).toEqual(["Does the YOT work well?\t68%"]);
      const glued = ocrLine(
        [...words.slice(0, 5), "|68%"],
        [...xs.slice(0, 5), 237],
        [...widths.slice(0, 5), 17],
      );
      expect(assembleLines(glued).map((l) => l.text)).toEqual(["Does the YOT work well?\t68%"]);
    });

    test("a page scanned askew: its rows' words, each a little lower than the last, are turned back level", () => {
      // 0.8 degrees: the row's rating 4 points below its number, 300 points to the right. tesseract
      // writes most lines tilted (their matrices turned), some level, all of them in place.
      const tilt = (0.8 * Math.PI) / 180;
      const placed = (str: string, x: number, y: number, turned = true) => ({
        str,
        transform: [9 * Math.cos(tilt), turned ? -9 * Math.sin(tilt) : 0, 0, 9, x, y - x * Math.tan(tilt)],
        width: str.length * 4.5,
        height: 9,
        ocr: true,
      });
      const rows = [
        placed("2.3", 51, 600),
        placed("Implementation", 115, 600),
        placed("and", 185, 600),
        placed("delivery", 205, 600),
        placed("Good", 360, 600, false),
        placed("2.4", 51, 577),
        placed("Reviewing", 115, 577),
        placed("Inadequate", 360, 577),
      ];
      expect(assembleLines(rows).map((l) => l.text)).toEqual([
        "2.3\tImplementation and delivery\tGood",
        "2.4\tReviewing\tInadequate",
      ]);
    });

    test("a footnote marker misread as a symbol is dropped; a rating's '*' is kept", () => {
      const label = ocrLine(
        ["Total", "population", "of", "Croydon", "©"],
        [51, 77, 124, 136, 172],
        [19, 40, 6, 29, 2],
      );
      expect(assembleLines(label).map((l) => l.text)).toEqual(["Total population of Croydon"]);
      const rating = ocrLine(["Good", "*"], [300, 326], [18, 3]);
      expect(assembleLines(rating).map((l) => l.text)).toEqual(["Good *"]);
    });
  });

  test("a corrupt PDF is a typed error naming the file", async () => {
    await expect(
      documentFromBytes("broken.pdf", Buffer.from("%PDF-1.4\ngarbage\n%%EOF\n")),
    ).rejects.toMatchObject({
      code: "E_PDF_CORRUPT",
      file: "broken.pdf",
    });
    // Without its %%EOF the same bytes read as a cut download.
    await expect(documentFromBytes("cut.pdf", Buffer.from("%PDF-1.4\ngarbage"))).rejects.toMatchObject({
      code: "E_TRUNCATED",
      file: "cut.pdf",
    });
  });
});

describe("line cleaning", () => {
  const clean = (raw: string, format: "text" | "markdown" = "text") =>
    normaliseLines(textSourceLines(raw), format);

  test("superscript markers in Unicode, HTML and LaTeX become markers, not text", () => {
    expect(clean("Croydon ³").lines[0]?.flat).toBe("Croydon");
    expect(clean("Good<sup>20</sup>").lines[0]).toMatchObject({ flat: "Good", markers: ["20"] });
    expect(clean("Our rating¹⁹ for assessment").lines[0]).toMatchObject({
      flat: "Our rating for assessment",
      markers: ["19"],
    });
    const doc = clean("<sup>&</sup>lt;sup>20</sup> Planning was judged by the ratings panel", "markdown");
    expect(doc.lines).toEqual([]);
    expect(doc.footnotes[0]).toMatchObject({
      marker: "20",
      text: "Planning was judged by the ratings panel",
    });
    expect(clean(" $^{^{9}}$ Data supplied by the YJS").footnotes[0]?.marker).toBe("9");
  });

  test("tabs and runs of spaces separate cells; markdown markup is stripped", () => {
    expect(clean("2.1\tAssessment\t\tOutstanding*").lines[0]?.cells).toEqual([
      "2.1",
      "Assessment",
      "Outstanding*",
    ]);
    expect(clean("2.1    Assessment   Good").lines[0]?.cells).toEqual(["2.1", "Assessment", "Good"]);
    expect(clean("#### **Contextual facts**", "markdown").lines[0]?.flat).toBe("Contextual facts");
  });

  test("running headers and page numbers are page furniture", () => {
    const doc = clean("Inspection of youth offending services: North Somerset YOS\n\n19\nText");
    expect(doc.lines.map((l) => l.flat)).toEqual(["Text"]);
    expect(doc.furniture).toHaveLength(2);
    // A footer with its page number first or last; the cover's own line is not furniture.
    const footers = clean(
      "An inspection of youth offending services in Kirklees\n12 An inspection of youth offending services in Kirklees\nAn inspection of youth offending services in Kirklees 13",
    );
    expect(footers.lines.map((l) => l.line)).toEqual([1]);
    expect(footers.furniture.map((l) => l.line)).toEqual([2, 3]);
  });

  test("pdf-parse's text: a page ends at its '-- 2 of 3 --' line, when they count up to their total", () => {
    const pages = (text: string) => textSourceLines(text).map((l) => l.page);
    expect(pages("a\n\n-- 1 of 3 --\n\nb\n-- 2 of 3 --\nc\n-- 3 of 3 --")).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
    // A lone or out-of-order line of that shape is text, and the text has no pages.
    expect(pages("a\n-- 2 of 3 --\nb")).toEqual([null, null, null]);
    expect(pages("a\n-- 2 of 3 --\nb\n-- 1 of 3 --")).toEqual([null, null, null, null]);
  });

  test("a document-sharing site's transcript: 'Page 7: <title>' begins page 7, when the labels count up", () => {
    const pages = (text: string) => textSourceLines(text).map((l) => l.page);
    const label = (n: number) =>
      `Page ${n}: An inspection of youth offending services in Kirklees · This inspection`;
    // The site's title and furniture above the first label belong to no page.
    expect(pages(["Title", label(1), "a", label(2), "b", "c", label(3), "d"].join("\n"))).toEqual([
      null,
      1,
      1,
      2,
      2,
      2,
      3,
      3,
    ]);
    // Labels that do not count up give no pages (still furniture: their title follows 3 numbers).
    expect(pages([label(1), "a", label(3), "b", label(2)].join("\n"))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    // Two labels of a title are no transcript's.
    expect(pages([label(1), "a", label(2), "b"].join("\n"))).toEqual([null, null, null, null]);
    // A form feed's pages come first.
    expect(pages([label(4), "a", label(5), "\fb", label(6)].join("\n"))).toEqual([1, 1, 1, 2, 2]);
  });

  test("the running header as each year prints it is page furniture", () => {
    const doc = clean(
      [
        "An inspection of youth offending services in",
        "Warwickshire",
        "Inspection of youth offending services in: Warwickshire 2", // 2018
        "Inspection of youth offending services in Oxfordshire 12", // some 2020 reports
        "Inspection of youth offending services in Oxfordshire",
        "13 Inspection of youth offending services in: Warwickshire",
        "Inspection of youth justice services: Blackburn with Darwen", // 2020-2023
        "Inspection of youth offending services in Oxfordshire found that staff were committed, and",
      ].join("\n"),
    );
    // The cover's title and area stay; so does a sentence, too long to be a header.
    expect(doc.furniture.map((l) => l.line)).toEqual([3, 4, 5, 6, 7]);
    expect(doc.lines.map((l) => l.line)).toEqual([1, 2, 8]);
  });
});

describe("other converters' markup", () => {
  const clean = (raw: string, format: "text" | "markdown" = "markdown") =>
    normaliseLines(textSourceLines(raw), format);
  const markdown = async (raw: string) => normaliseLines(await markdownSourceLines(raw), "markdown");

  test("a <br> inside a cell is a space; images leave nothing; 'Page N of M' is furniture", () => {
    expect(clean("| 2.4 | Reviewing | Requires<br>improvement |").lines[0]?.flat).toContain(
      "Requires improvement",
    );
    expect(clean("![chart](img/p12.png) Figure 3").lines[0]?.flat).toBe("Figure 3");
    expect(clean("Page 12 of 40", "text").lines).toEqual([]);
  });

  test("bullets from Word's symbol fonts are dropped like any bullet; a minus sign is kept", () => {
    const text = (raw: string) => normaliseLines(textSourceLines(raw), "text").lines.map((l) => l.flat);
    expect(text("\uF0B7\tReview the board's terms of reference.\n•Improve planning.\n-10% change")).toEqual([
      "Review the board's terms of reference.",
      "Improve planning.",
      "-10% change",
    ]);
  });

  test("a pipe row hard-wrapped over lines is one row again, its lines kept as written", () => {
    const doc = clean(
      [
        "| Does assessment sufficiently analyse how to support the child's desistance? |",
        "64% |",
        "| Are the delivered services sufficient to manage the risk of harm?",
        "| 7 | 5 |",
        "| b) Does assessment draw on other sources of information? | 44%",
        "|  |",
        "| 2.1 | Assessment | Good |",
      ].join("\n"),
      "text",
    );
    expect(doc.lines.map((l) => [l.line, l.cells])).toEqual([
      [1, ["Does assessment sufficiently analyse how to support the child's desistance?", "64%"]],
      [3, ["Are the delivered services sufficient to manage the risk of harm?", "7", "5"]],
      [5, ["b) Does assessment draw on other sources of information?", "44%"]],
      [7, ["2.1", "Assessment", "Good"]],
    ]);
    expect(doc.lines[0]?.raw).toBe(
      "| Does assessment sufficiently analyse how to support the child's desistance? |\n64% |",
    );
  });

  test("a cell merged over columns and written in each (docling) is one cell; two equal figures stay two", async () => {
    const doc = await markdown(
      [
        "| Blackburn with Darwen Youth Justice Service | Blackburn with Darwen Youth Justice Service | Score | 29/36 |",
        "| --- | --- | --- | --- |",
        "| Overall rating | Overall rating | Good | Good |",
        "| 2. Court disposals | 2. Court disposals | 2. Court disposals | 2. Court disposals |",
        "| Male | 85% | 85% | 85% |",
      ].join("\n"),
    );
    expect(doc.lines.map((l) => l.cells)).toEqual([
      ["Blackburn with Darwen Youth Justice Service", "Score", "29/36"],
      ["Overall rating", "Good"],
      ["2. Court disposals"],
      ["Male", "85%", "85%", "85%"],
    ]);
  });

  test("an HTML table: a line of cells per row, at the line where the row starts", async () => {
    const doc = await markdown(
      [
        "Our rating for assessment: <table>",
        "<tr><th>Key question</th><th>% 'Yes'</th></tr>",
        "<tr>",
        "  <td>Does assessment sufficiently analyse how to keep the child safe?</td>",
        "  <td>86%<sup>3</sup></td>",
        "</tr><tr><td>Staff &amp; volunteers</td><td>&lt;1%</td></tr></table> After the table.",
      ].join("\n"),
    );
    expect(doc.lines.map((l) => [l.line, l.cells])).toEqual([
      [1, ["Our rating for assessment:"]],
      [2, ["Key question", "% 'Yes'"]],
      [3, ["Does assessment sufficiently analyse how to keep the child safe?", "86%"]],
      [6, ["Staff & volunteers", "<1%"]],
      [6, ["After the table."]],
    ]);
    expect(doc.lines[2]?.markers).toEqual(["3"]);
  });
});

test("markdown emphasis by one * or _ is dropped; a rating's marker, escaped stars and snake_case stay", () => {
  const flat = (raw: string) => normaliseLines(textSourceLines(raw), "markdown").lines.map((l) => l.flat);
  expect(
    flat(
      [
        "Overall rating _Requires improvement_",
        "(*Good*)",
        "**_Outstanding_**",
        "Good*",
        "rated Good* and Outstanding*",
        "\\*Good\\*",
        "2 * 3 * 4",
        "see file_name_here",
        "## 2.1. Assessment ##",
        "contingency arrangements for\\",
      ].join("\n\n"),
    ),
  ).toEqual([
    "Overall rating Requires improvement",
    "(Good)",
    "Outstanding",
    "Good*",
    "rated Good* and Outstanding*",
    "*Good*",
    "2 * 3 * 4",
    "see file_name_here",
    "2.1. Assessment",
    "contingency arrangements for",
  ]);
});

test("a line of words repeated at the head or foot of most pages is furniture; a figure or the running header stays what it was", () => {
  const page = (n: number) =>
    [
      "OFFICIAL",
      "Inspection of youth offending services: Anytown",
      `Paragraph on page ${n}.`,
      "Does planning focus sufficiently on keeping the child safe?",
      "86%",
      String(n),
      "OFFICIAL",
    ].join("\n");
  const doc = normaliseLines(
    textSourceLines(Array.from({ length: 6 }, (_, i) => page(i + 1)).join("\n\f")),
    "text",
  );
  expect(doc.lines.map((l) => l.flat).filter((f) => f === "OFFICIAL")).toEqual([]);
  expect(doc.lines.filter((l) => l.flat === "86%")).toHaveLength(6);
  expect(doc.furniture.filter((l) => l.flat.startsWith("Inspection of youth"))).toHaveLength(6);
});

// PyMuPDF's text of a PDF with a marking at every page's head and foot: no page marks, each page
// opening with its running header, its number and both markings ("OFFICIAL" / "OFFICIAL"); on
// A5 pages, a long header's wrapped last words ("London") on a line of their own after it.
// Pages are read from header to header, and those lines are furniture: not an addressee's first
// words ("OFFICIAL OFFICIAL West Yorkshire Police should:"), not a prompt's words.
test("a text without page marks, its pages from header to header: a line of words at most pages' head is furniture", () => {
  const pages = (head: (n: number) => string[], last: string[][]) =>
    [
      ...Array.from({ length: 6 }, (_, i) => [...head(i + 1), `Paragraph on page ${i + 1}.`]).flat(),
      ...last.flatMap((body, k) => [...head(k + 7), ...body]),
    ].join("\n");
  const marked = pages(
    (n) => ["Inspection of youth offending services: Kirklees", String(n), "OFFICIAL", "OFFICIAL"],
    [["West Yorkshire Police should:", "10. work with the YJS to review the out-of-court disposal panel."]],
  );
  const a4 = normaliseLines(textSourceLines(marked), "text");
  expect(a4.lines.map((l) => l.flat).filter((f) => f === "OFFICIAL")).toEqual([]);
  expect(a4.lines.map((l) => l.flat)).toContain("West Yorkshire Police should:");
  const wrapped = pages(
    (n) => ["Inspection of youth offending services: Tower Hamlets and City of", "London", String(n)],
    [
      ["d) Does planning set out necessary and effective contingency", "69%"],
      ["arrangements to manage those risks that have been identified?", "More text."],
    ],
  );
  const flats = normaliseLines(textSourceLines(wrapped), "text").lines.map((l) => l.flat);
  expect(flats.filter((f) => f === "London")).toEqual([]);
  expect(flats.indexOf("arrangements to manage those risks that have been identified?")).toBe(
    flats.indexOf("69%") + 1,
  );
  // (Five headers make no pages: such lines stay text.)
  const fewer = normaliseLines(
    textSourceLines(
      marked
        .split("\n")
        .slice(5 * 5)
        .join("\n"),
    ),
    "text",
  );
  expect(fewer.lines.map((l) => l.flat)).toContain("OFFICIAL");
});

test("a pipe-table row without a delimiter row still splits into cells", () => {
  const doc = normaliseLines(textSourceLines("| 2.1 | Assessment | Good |\n| --- | --- | --- |"), "markdown");
  expect(doc.lines.map((l) => l.cells)).toEqual([["2.1", "Assessment", "Good"]]);
});

/**
 * The cells of `rows` read as pdftotext -layout text: after a page of column-aligned text (which
 * makes the reader take the file for layout text) and a form feed.
 */
function layoutCells(rows: string[]): string[][] {
  const page = Array(25).fill(" Some text     with a column gap");
  return normaliseLines(textSourceLines([...page, "\f", ...rows].join("\n")), "text")
    .lines.slice(25)
    .map((l) => l.cells);
}

test("pdftotext -layout text: a table cell wrapped onto the next line goes back into its cell", () => {
  const cells = layoutCells([
    " 2.3                 Implementation and        Good",
    "                     delivery",
    "",
    " 2.4                 Reviewing                 Good",
  ]);
  expect(cells).toEqual([
    ["2.3", "Implementation and delivery", "Good"],
    ["2.4", "Reviewing", "Good"],
  ]);
});

test("pdftotext -layout text: an OCR'd justified lead-in, in cells to the reader, is no row its list's lines run on into", () => {
  // Blackburn with Darwen's recommendations, a scan OCR'd: the addressee's line justified wide.
  const cells = layoutCells([
    "The          Blackburn with Darwen                    Youth      Justice Service should:",
    "1. provide routine support and training for practitioners who are required to identify speech, language, and",
    "communication needs. This includes increasing understanding of the pathways for school-aged and post-16",
    "provision",
  ]);
  expect(cells[0]).toEqual(["The", "Blackburn with Darwen", "Youth", "Justice Service should:"]);
  expect(cells[1]?.[0]).toMatch(/^1\. provide routine support/);
});

// A word processor's PDF: a page's running header stands right above a table's row or a
// rating at the page's top, and a row may break across a page (its notes and number between).
test("pdftotext -layout text: a running header is no row's label, a rating at the margin no figure beside it, a row broken across pages one row", () => {
  const cells = layoutCells([
    " Does the YOT work effectively with the police in implementing the out-of-court disposal?        80%",
    " Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child,  27%",
    "",
    "                                    35",
    "\fInspection of youth offending services: Anytown",
    "supporting joint decision making?",
    "",
    " In the cases we inspected, joint working was not effective.",
    "",
    "                                    36",
    "\fInspection of youth offending services: Anytown",
    "Is sufficient attention given to encouraging and enabling the child's compliance with the   8          8",
    "work of the YOT?",
    "",
    "In cases when it is required, are enforcement actions taken when appropriate?               1          1",
    "",
    "                                    37",
    "\fInspection of youth offending services: Anytown",
    "Good",
    "Our rating for implementation and delivery is based on the following key questions:",
  ]);
  expect(cells).toEqual([
    ["Does the YOT work effectively with the police in implementing the out-of-court disposal?", "80%"],
    [
      "Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision making?",
      "27%",
    ],
    ["In the cases we inspected, joint working was not effective."],
    [
      "Is sufficient attention given to encouraging and enabling the child's compliance with the work of the YOT?",
      "8",
      "8",
    ],
    ["In cases when it is required, are enforcement actions taken when appropriate?", "1", "1"],
    ["Good"],
    ["Our rating for implementation and delivery is based on the following key questions:"],
  ]);
});

test("a table's heading row, or a percentage's sign, broken across a page is one row again", () => {
  const cells = layoutCells([
    " 3.2. Planning",
    " Of the 7 cases with factors related to keeping the child     Relevant     Number",
    "",
    "                                    35",
    "\fInspection of youth offending services: Anytown",
    " safe:                                                        cases        'Yes'",
    " Does planning promote the safety and wellbeing of the child?  7            7",
    "",
    " 3.3. Implementation and delivery",
    "",
    " b) Does service delivery account for the diversity issues of the child?     67",
    "",
    "                                    36",
    "\fInspection of youth offending services: Anytown",
    // The table's heading row, which Word repeats at the top of each page it runs on to.
    " 3.3. Implementation and delivery",
    "                                                                            %",
    " c) Does service delivery reflect the wider familial and social context?    78%",
  ]);
  expect(cells).toEqual([
    ["3.2. Planning"],
    ["Of the 7 cases with factors related to keeping the child safe:", "Relevant cases", "Number 'Yes'"],
    ["Does planning promote the safety and wellbeing of the child?", "7", "7"],
    ["3.3. Implementation and delivery"],
    ["b) Does service delivery account for the diversity issues of the child?", "67%"],
    ["3.3. Implementation and delivery"],
    ["c) Does service delivery reflect the wider familial and social context?", "78%"],
  ]);
});

/** The normalised lines' text of a text file of these lines (its pages cut at form feeds or getText's page lines). */
async function normalisedFlats(name: string, lines: string[]): Promise<string[]> {
  const doc = await documentFromBytes(name, Buffer.from(lines.join("\n")));
  return normaliseLines(doc.sourceLines, doc.format).lines.map((l) => l.flat);
}

// pdf-parse's getText writes a page's number at its end, before its "-- 73 of 74 --" line.
test("getText: a percentage whose sign went to the next page is one figure; the page's number no second count", async () => {
  const text = [
    "Does service delivery effectively support the child's desistance?",
    "a) Are the delivered services those most likely to support desistance? 56%",
    "b) Does service delivery account for the diversity issues of the child? 67",
    "1",
    "",
    "-- 1 of 2 --",
    "",
    "%",
    "c) Does service delivery reflect the wider familial and social context of the child? 78%",
    "2",
    "",
    "-- 2 of 2 --",
  ];
  const flats = await normalisedFlats("get-text.txt", text);
  expect(flats).toContain("b) Does service delivery account for the diversity issues of the child? 67%");
  expect(flats.some((f) => f.includes("67 1"))).toBe(false);
});

// A row's number alone, taken for a page's number, is put back as a line when its "%" follows:
// the line is then one of the text's lines, its place among them its index (the stages after
// read a line's neighbours by it).
test("a percentage's number put back from the page furniture takes its place among the lines", async () => {
  const text = [
    "Does planning focus on supporting the child's desistance?",
    "a) Does planning set out the services most likely to support desistance, paying sufficient attention to",
    "the available timescales and the need for sequencing?",
    "56",
    "%",
    "b) Does planning sufficiently address diversity issues?",
    "89%",
  ];
  const doc = await documentFromBytes("pdftotext.txt", Buffer.from(text.join("\n")));
  const { lines } = normaliseLines(doc.sourceLines, doc.format);
  expect(lines.map((l) => l.flat)).toContain("56%");
  expect(lines.map((l) => l.index)).toEqual(lines.map((_, k) => k));
});

// pdftotext -raw writes a row broken across a page in the order of the PDF's content: the
// first page's part (the question's first lines and the row's counts), the page's number (and
// notes), then the question's last words at the top of the next page.
test("pdftotext -raw: a count row broken across a page, its counts before its question's last words, is one row", async () => {
  const text = [
    "Does planning promote the safety and wellbeing of the child, sufficiently addressing risks? 5 5",
    "Where applicable, does planning involve other agencies where appropriate, and is there",
    "sufficient alignment with other plans (for example, child protection or care plans)",
    "4 4",
    "23",
    "\fInspection of youth offending services: North Somerset",
    "concerning the child?",
    "Does planning include necessary contingency arrangements for those risks that have",
    "been identified?",
    "5 3",
    "Is sufficient focus given to developing and maintaining an effective working relationship 8 8",
    "24",
    "\fInspection of youth offending services: North Somerset",
    "with the child and their parents/carers?",
    "Is sufficient attention given to encouraging and enabling the child's compliance with the",
    "work of the YOT?",
    "8 8",
    "Where applicable, does planning address any specific concerns and risks related to actual 1 1",
    "27",
    "\fInspection of youth offending services: North Somerset",
    "and potential victims?",
  ];
  const flats = await normalisedFlats("raw.txt", text);
  expect(flats).toContain(
    "sufficient alignment with other plans (for example, child protection or care plans) concerning the child? 4 4",
  );
  expect(flats).toContain(
    "Is sufficient focus given to developing and maintaining an effective working relationship with the child and their parents/carers? 8 8",
  );
  // (Both counts, not the question's last word "actual 1".)
  expect(flats).toContain(
    "Where applicable, does planning address any specific concerns and risks related to actual and potential victims? 1 1",
  );
});

// pdftotext without a flag, a word processor repeating the table's heading row at the top of
// each page: the question's first line and its percentage on one page, the heading row again and
// the question's last words on the next.
test("pdftotext: a row broken across a page, the table's heading row repeated before its last words, is one row", async () => {
  const text = [
    "2.1. Assessment",
    "Does assessment sufficiently analyse how to support the child's desistance?",
    "",
    "% Yes",
    "",
    "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations",
    "",
    "86%",
    "",
    "\fInspection of youth offending services: Kirklees",
    "2.1. Assessment",
    "for their offending?",
    "Does assessment focus on the child's strengths and protective factors?",
    "",
    "68%",
  ];
  const flats = await normalisedFlats("repeated.txt", text);
  expect(flats).toEqual([
    "2.1. Assessment",
    "Does assessment sufficiently analyse how to support the child's desistance?",
    "% Yes",
    "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending? 86%",
    "2.1. Assessment",
    "Does assessment focus on the child's strengths and protective factors?",
    "68%",
  ]);
});

// getText of the same, the heading row a count table's: its caption and column headings, a line
// at a time, written again at the top of the page before the question's last words.
test("getText: a count row broken across a page, the table's caption and headings repeated before its last words, is one row", async () => {
  const text = [
    "Of the 8 cases inspected: Relevant",
    "cases",
    "Number 'Yes'",
    "Does planning set out the services most likely to support desistance, paying sufficient 8 8",
    "",
    "-- 1 of 2 --",
    "",
    "Inspection of youth offending services: North Somerset",
    "Of the 8 cases inspected: Relevant",
    "cases",
    "Number 'Yes'",
    "attention to the available timescales and the need for sequencing?",
    "Does planning take sufficient account of the diversity and wider familial and social context",
    "of the child?",
    "8 8",
    "",
    "-- 2 of 2 --",
  ];
  const flats = await normalisedFlats("get-text.txt", text);
  expect(flats.slice(0, 4)).toEqual([
    "Of the 8 cases inspected: Relevant",
    "cases",
    "Number 'Yes'",
    "Does planning set out the services most likely to support desistance, paying sufficient attention to the available timescales and the need for sequencing? 8 8",
  ]);
  // (A wrapped question's first line is no heading row: the next question's first line after the
  // repeated headings is not joined to the row before.)
  expect(flats).toContain(
    "Does planning take sufficient account of the diversity and wider familial and social context",
  );
});

test("pdftotext -layout text: a question one space short of its figures' column, and figures alone on its middle line", () => {
  const cells = layoutCells([
    " Of the 8 cases inspected:                                   Relevant cases   Number 'Yes'",
    " Does planning set out the services most likely to support   8                8",
    " desistance?",
    " Does planning take sufficient account of the diversity, the 8                6",
    " wider familial and social context of the child?",
    " Does planning take sufficient account of the child's",
    "                                                             8                7",
    " strengths and protective factors?",
    " Is the child involved in planning?                          8                8",
    // Prose ending in a figure at another column is left as it is.
    " In the cases we inspected, planning was sufficient in 6",
  ]);
  expect(cells).toEqual([
    ["Of the 8 cases inspected:", "Relevant cases", "Number 'Yes'"],
    ["Does planning set out the services most likely to support desistance?", "8", "8"],
    [
      "Does planning take sufficient account of the diversity, the wider familial and social context of the child?",
      "8",
      "6",
    ],
    ["Does planning take sufficient account of the child's strengths and protective factors?", "8", "7"],
    ["Is the child involved in planning?", "8", "8"],
    ["In the cases we inspected, planning was sufficient in 6"],
  ]);
});

test("pdftotext -layout text: the same in a question's own column, after its printed number", () => {
  const cells = layoutCells([
    " 2.4.1.          Does reviewing focus sufficiently on   86%",
    "                 supporting desistance?",
    " 2.4.2.          Does reviewing focus sufficiently on a 79%",
    "                 child's safety?",
    " 2.4.3.          Does reviewing keep others safe?       70%",
    " 3.1.1.          Does assessment support desistance?    90%",
    // Its figure set a few columns short of the others': the number makes it a row all the same.
    " 3.1.2.          Does assessment keep the child safe? 64%",
  ]);
  expect(cells).toEqual([
    ["2.4.1.", "Does reviewing focus sufficiently on supporting desistance?", "86%"],
    ["2.4.2.", "Does reviewing focus sufficiently on a child's safety?", "79%"],
    ["2.4.3.", "Does reviewing keep others safe?", "70%"],
    ["3.1.1.", "Does assessment support desistance?", "90%"],
    ["3.1.2.", "Does assessment keep the child safe?", "64%"],
  ]);
});

// MuPDF's text of a browser's print: a sentence a footnote marker split in two ("Our rating" /
// "for planning ..."), the page's last line, and on the next page a counts table's caption and
// headings, wrapped, as the table on the page before had them.
test("a sentence split by its marker at a page's end is no row broken across the page: the headings' words stay the table's", async () => {
  const flats = await normalisedFlats("mutool.txt", [
    "Of the 5 cases inspected:",
    "Relevant",
    "cases",
    "Does assessment sufficiently analyse how to keep other people safe? 3 3",
    "Our rating<sup>21</sup> for planning is based on the following key questions:",
    "\fInspection of youth offending services: Anytown",
    "24",
    "Of the 5 cases inspected:",
    "Relevant",
    "cases",
  ]);
  expect(flats.slice(-4)).toEqual([
    "Our rating for planning is based on the following key questions:",
    "Of the 5 cases inspected:",
    "Relevant",
    "cases",
  ]);
});
