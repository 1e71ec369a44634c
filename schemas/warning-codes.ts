// The extraction warnings a record can carry: what could not be read, and why. One list, so that
// a parser cannot emit a code the documentation does not explain (WarningSchema checks it) and
// researchers querying `warnings.code` have the vocabulary (docs/schema.md).
export const WARNING_CODES = {
  "area-missing": "The cover names no inspected area.",
  "published-missing": "The cover prints no publication month.",
  "lead-inspector-missing": "No 'led by HM Inspector' statement was found.",
  "edition-uncertain":
    "No 3.4 or 4.1 standard heading was found; the 2018-2021 (joint working) framework is assumed.",
  "ratings-table-missing":
    "No ratings table (an 'Overall rating' row or a run of standard rows with ratings) was found.",
  "overall-rating-missing": "The ratings table has an 'Overall rating' row but no legible rating.",
  "overall-row-missing":
    "The ratings table was found by its run of standard rows; its 'Overall rating' row is missing or illegible, so the overall rating is not read from it.",
  "overall-rating-from-statement":
    "The ratings table gives no legible overall rating; the overall rating is read from the report's own statement of it in the foreword (or, without one, a summary), where those agree.",
  "rating-ambiguous":
    "A standard's row in the ratings table is followed by another rating: the table's cells were read out of their rows, so its rating is not read from the table.",
  "score-missing": "The ratings table has a 'Score' label but no legible N/36 figure.",
  "score-not-printed": "The report prints no 'Score N/36' (usual before 2020).",
  "score-out-of-range": "A printed score above 36 is impossible and was not read.",
  "table-rating-missing": "A standard has no rating in the ratings table.",
  "section-missing": "A standard's section heading was not found in the body.",
  "section-rating-missing": "A standard's section states no rating.",
  "standard-not-rated":
    "The report says a standard is not rated ('Not rated' in its ratings-table row, or for resettlement a sentence saying so, as where there were no resettlement cases): it is left out of the completeness count, and no rating is missing.",
  "key-question-unrecognised": "A key question could not be matched to the framework's questions.",
  "standard-heading-missing":
    "In an annex's tables, key questions whose wording (and printed number) names a later standard of the same domain stand under the standard before: that standard's heading row was not found. They are read as the standard's their wording names; its rating there is not read.",
  "key-question-repeated": "A key question is printed twice in the same place; the first is kept.",
  "prompt-without-key-question": "A prompt row came before any key question it could belong to.",
  "prompts-unheaded":
    "A key question's lettered prompts go back to an earlier letter (start again at 'a)'): the rows are another key question's, whose heading was not read (a converter ran its words together or cut it), so they were not read rather than given to the key question before them.",
  "percent-out-of-range": "A printed percentage above 100 is impossible and was not read.",
  "figure-not-printed": "A table row prints 'n/a' or a dash instead of a figure; it is kept with none.",
  "figure-illegible":
    "A table row's percentage is no number as written, some of its digits read as letters ('A2%', an OCR engine's): the row was not read.",
  "sample-missing": "No court or out-of-court sample size was found.",
  "fact-out-of-range": "A contextual percentage above 100 is impossible and was not read.",
  "fact-unreadable":
    "A split table (ethnicity, gender...) or a cell of it could not be read: a cell that is no readable percentage, a header that does not match its rows, or columns that are not the group's or were read in from the table beside it; or a section's table (key staffing data, caseload characteristics) whose rows could not be read under its heading.",
  "question-text-cut":
    "A key question's or prompt's text stops before its question mark (its last words were written away from it, as pdftotext writes a wrapped cell's last lines after the next row's first): its figures are read, its text is kept as read.",
  "fact-unclassified": "A contextual figure's label could not be classified; the figure was not read.",
  "figure-missing": "A contextual fact's label is printed without its figure (probably an image).",
  "unlabelled-figure": "A figure stands without a label in the contextual facts and was not read.",
  "figures-unplaced":
    "Key-question figures printed a column at a time (pdftotext without -layout, pdfminer.six) could not be matched to their questions and were not read.",
  "figures-paired-in-order":
    "Key-question or prompt percentages (or counts) printed a column at a time after their table's questions, and after the next table's heading and questions too (pdfminer.six writes a table's text boxes so, and pdftotext a page of an annex's tables whose rows are set close), were paired with the questions in the order both were printed: only where the questions taking a figure are exactly as many as the figures, nothing but the tables' headings stands among them, and the table's row read just before, a '% yes' heading among them, prompts lettered in turn under their key questions, or a key question's heading cut mid-word whose last letters stand among the figures at its own row ('... keep the child saf' | 'fe?') shows whose the figures are. Check these against the PDF where it matters.",
  "counts-read-reversed":
    "A key-question or prompt row's two counts stood on lines of their own, the larger second (as written, more 'Yes' than relevant cases; pdftotext writes some rows' cells so, most often a table's last row): they were read the other way round, the one order that can be true. The snippet shows them as written; check these against the PDF where it matters.",
  "recommendations-missing": "No recommendations section was found.",
  "recommendation-unnumbered": "A recommendation is printed without its number.",
  "recommendation-out-of-sequence":
    "A line in the recommendations numbered below the item before it ('1.' after '2.', not after an addressee's 'should:') was taken for a note printed among them, such as a page's footnote whose marker the converter wrote as '1.', and not read as a recommendation.",
  "html-page":
    "The file is a web page (HTML): it is read a block (paragraph, heading, table row) a line, as a browser shows it; a value's provenance line is the file's line where its block starts.",
  "word-document":
    "The file is a Word document (.docx): it is read through mammoth's HTML of it, as a saved web page is, a block (paragraph, heading, table row) a line; a value's provenance line is its block's place in the document, which has no pages.",
  "word-document-pictures":
    "The Word document holds pictures (a logo, a chart, a table or figure pasted as a picture): they are not read, so what they show is missing from the record; where a contextual fact or a table's figure was a picture, its label stands without it.",
  "file-truncated": "The file ends early (a PDF without %%EOF): what could be read was read.",
  "pdf-pages-without-text":
    "Pages inside the PDF (not its first or last) print no text but their running header or page number: pictures of pages (a scanned annex, an infographic) or blank. What they print is not read; OCR them (ocrmypdf --skip-text reads only the pages without text) to read it.",
  "pdf-glyphs-undecoded":
    "Some of the PDF's text is set in a font embedded without a map to Unicode (an OCR layer or a table set in such a font): its glyphs read as their numbers, not as letters, so what those lines print is missing from the text read and values there may not be found. OCR of those pages (ocrmypdf --force-ocr) or another copy of the PDF reads better.",
  "text-not-utf8":
    "The text file is not UTF-8 (Windows-1252, as Word saves 'plain text', or UTF-16 without a byte-order mark) and was converted.",
  "text-cells-glued":
    "The text runs a table's cells into one another with nothing between them ('2.2PlanningInadequate', '...keep the child safe?59%', 'WhiteBlack and minority ethnicUnknown'), as pdf-parse 1.x writes a PDF's text: the cells were parted again where a figure, a label or a rating begins, and two counts run together ('88') by the order a count table gives them.",
  "page-furniture-glued":
    "The text runs a page's furniture into the page's first lines after its running header, nothing between ('29Does assessment ...', '820,687 Total ...' for page 8's '20,687', 'OFFICIALContents'), as pypdf writes a PDF's pages: where the numbers after six running headers or more count the pages up, or six pages or more open with one word in capitals glued to what follows, those were taken off before reading.",
  "text-mojibake":
    "The text is UTF-8 that some tool once read as Windows-1252 and saved as UTF-8 again, each character beyond ASCII written as two or three ('â€™' for '’', 'â€“' for '–', 'Â²' for '²'): those sequences were decoded again before reading.",
  "ligatures-dropped":
    "The text drops the letters a PDF's font sets as one glyph (fi, ff, fl, ffi, ffl: 'sta' for 'staff', 'sucient' for 'sufficient'), or writes a space or '(cid:N)' for them: the words of a list of the reports' vocabulary were written whole again before reading; other words keep their gaps.",
  "words-split-at-ff":
    "The text writes a space between a word's two f's ('suf ficiently', 'ef fective', 'Of fice', 'Staf f'), as pypdf writes a PDF whose font sets the pair close: the words of a list of the reports' vocabulary were written whole again before reading (where the text splits five of them or more); other words keep their space.",
  "words-run-together":
    "The text runs its words together with no space between them ('Requiresimprovement', 'ThisinspectionwasledbyHMInspector...'), as pypdf writes a PDF that places each word without printing a space: where most of its long lines show it, each run of letters was parted into words again, at the capitals that open words and then into the words of an English word list ranked by frequency; a name or a misprint not in the list stands whole between them. The parting changes no figure or rating, but a prompt's, label's or recommendation's text may part a word as the report does not ('informal' for 'in formal'): check such texts against the PDF where they matter.",
  "text-lines-run-together":
    "Most of the text stands in lines of thousands of characters (whole pages run into one line, as some converters write a PDF's text): the lines were cut back at the headings, tables, notes and lists found in them, and what could not be placed is missing, not guessed. A conversion that keeps the PDF's line breaks (pdftotext -layout), or the PDF itself, reads better.",
  "text-nul-bytes":
    "The text file holds a few NUL bytes among its text (a converter's stray output); they were dropped and the text read.",
} as const satisfies Record<string, string>;

export type WarningCode = keyof typeof WARNING_CODES;

export function isWarningCode(code: string): code is WarningCode {
  return Object.hasOwn(WARNING_CODES, code);
}
