// read: a file on disk -> its bytes, detected format and source lines (with pages for PDF).
import { isAscii, isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { type Stats, lstatSync, readdirSync, readlinkSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { WarningCode } from "../schemas/warning-codes.js";
import { withGluedCellsParted } from "./glued-cells.js";
import { BORDER, gridTableRows } from "./grid-tables.js";
import { htmlPageLines, isHtmlPage } from "./html.js";
import { TABULAR, latexTableRows } from "./latex-tables.js";
import { withLigaturesRestored, withSplitFsJoined } from "./ligatures.js";
import { fromWindows1252, withMojibakeDecoded } from "./mojibake.js";
import { COLUMN_RULE, HEADER_SPAN, TABLE_RULE, multilineTableRows } from "./multiline-tables.js";
import type { Format, SourceLine } from "./normalise.js";
import { NOT_BLANK, markdownSourceLines, sourceLinesOf } from "./normalise.js";
import { withPageFurnitureParted } from "./page-furniture.js";
import { LONG_LINE, linesRunTogether } from "./page-lines.js";
import { listed } from "./text.js";
import { withWordsParted } from "./word-spaces.js";

export interface RawDocument {
  file: string;
  format: Format;
  sha256: string;
  sourceLines: SourceLine[];
  /** What reading noticed about the file itself (e.g. a PDF that ends early). */
  readWarnings?: { code: WarningCode; message: string }[];
  /**
   * Where the text's lines are not the file's (a web page, read a block a line): the file's line
   * each text line starts on, for the provenance of what is read from it.
   */
  fileLines?: number[];
}

export class ReadError extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** What a failed system call (or SQLite) says, in words and its code: "permission denied (EACCES)". */
export function systemReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code !== "string") return String(err);
  // Node's message: "<code>: <words>, <call> '<path>'".
  const head = `${e.code}: `;
  const words = e.message.startsWith(head) ? e.message.slice(head.length).split(",")[0] : e.message;
  return words ? `${words} (${e.code})` : e.code;
}

/** A path's status, following links; undefined for nothing there, a link to nothing or a loop of links. */
export function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Why a path that is no regular file cannot be read: nothing there, a link to nothing, a folder. */
export function whyNotAFile(file: string, st: Stats | undefined): string {
  if (!st) {
    const link = lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink();
    return link ? `a link to ${readlinkSync(file)}, which is not there` : "no such file";
  }
  if (!st.isDirectory()) return "not a regular file";
  try {
    readdirSync(file);
  } catch (err) {
    return `a folder that cannot be listed: ${systemReason(err)}`;
  }
  return "a folder, not a file";
}

/** Why reading `file` failed with `err`: what the path is, where it is no regular file. */
export function whyUnreadable(file: string, err: unknown): string {
  let st: Stats | undefined;
  try {
    st = statSync(file, { throwIfNoEntry: false });
  } catch {
    return systemReason(err); // a loop of links, say: the system's words are the reason
  }
  return st?.isFile() ? systemReason(err) : whyNotAFile(file, st);
}

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString("latin1").trimStart().startsWith("%PDF-");
}

/** A zip archive (PK\3\4), as .docx and .odt files are. */
function isZip(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes.readUInt32BE(0) === 0x504b0304;
}

/** A zip holding word/document.xml: a Word document (.docx), whatever its extension. */
export function isDocx(bytes: Buffer): boolean {
  return isZip(bytes) && bytes.includes("word/document.xml", 0, "latin1");
}

/**
 * A word processor's document of a kind not read, by its content: Word's older binary .doc (an
 * OLE2 compound file), an OpenDocument text (.odt, a zip whose mimetype says so), RTF (text whose
 * markup would read as a report's words).
 */
export function otherDocumentKind(bytes: Buffer): string | null {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1)
    return "an older Word document (.doc) or another Office file of that kind";
  if (isZip(bytes) && bytes.includes("application/vnd.oasis.opendocument", 0, "latin1"))
    return "an OpenDocument file (.odt, as LibreOffice saves)";
  if (bytes.subarray(0, 16).toString("latin1").trimStart().startsWith("{\\rtf")) return "an RTF document";
  return null;
}

/** Detect the format from the bytes; the extension only breaks ties. */
export function detectFormat(bytes: Uint8Array, file: string): Format {
  if (isPdf(bytes)) return "pdf";
  return detectTextFormat(textLines(asUtf8(Buffer.from(bytes.subarray(0, 200_000))).bytes).lines, file);
}

/**
 * A text's lines; a web page's a block a line, whichever way its markup was wrapped, with the
 * line of the file each starts on (`fileLines`).
 */
function textLines(utf8: Buffer): { lines: string[]; fileLines?: number[] } {
  return isHtmlPage(utf8.subarray(0, 4096).toString("latin1"))
    ? htmlPageLines(utf8.toString("utf8"))
    : { lines: withoutCommonIndent(utf8Lines(utf8)) };
}

/**
 * The lines with the indentation every one of them shares taken off. Some transcripts set the
 * whole text in by a few spaces or a tab; markdown's headings ("    # Area") then no longer read
 * as headings, nor a line's first word as its start. The first line found at the margin (in nearly
 * every text, the first line) ends the search and the lines are left as they are.
 */
export function withoutCommonIndent(lines: string[]): string[] {
  let indent: string | null = null;
  for (const line of lines) {
    if (!NOT_BLANK.test(line)) continue;
    const own = /^[ \t]*/.exec(line)?.[0] ?? "";
    if (indent === null) indent = own;
    else if (!line.startsWith(indent)) {
      let shared = 0;
      while (shared < own.length && own[shared] === indent[shared]) shared++;
      indent = indent.slice(0, shared);
    }
    if (indent === "") return lines;
  }
  if (!indent) return lines;
  const cut = indent.length;
  return lines.map((line) => (NOT_BLANK.test(line) ? line.slice(cut) : line));
}

/** Markdown or plain text, from the lines of the first 60,000 characters. */
function detectTextFormat(lines: string[], file: string): Format {
  let headings = 0;
  let pipeDelimiters = 0;
  let bold = 0;
  /** Tables as HTML, LaTeX (Nougat, Mathpix) or pandoc's grid and multiline tables: markdown converters write them so. */
  let markupTables = 0;
  let seen = 0;
  let tableRuleAt = Number.NEGATIVE_INFINITY;
  for (const [index, line] of lines.entries()) {
    if (seen > 60_000) break;
    seen += line.length + 1;
    if (/^ {0,3}#{1,6}\s+\S/.test(line)) headings++;
    if (/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(line)) pipeDelimiters++;
    if (line.includes("**")) bold += (line.match(/\*\*[^*\n]+\*\*/g) ?? []).length;
    if ((line.includes("<") && /<table\b/i.test(line)) || line.includes(TABULAR)) markupTables++;
    else if (line.includes("+-") && BORDER.test(line)) markupTables++;
    // (pandoc's multiline table: a rule of column dashes a few lines under the table's rule; a
    // rule of dashes alone is no sign, nor are column dashes alone, a text's own table rule.)
    else if (line.includes("---")) {
      if (TABLE_RULE.test(line)) tableRuleAt = index;
      else if (index - tableRuleAt <= HEADER_SPAN && COLUMN_RULE.test(line)) markupTables++;
    }
  }
  if (headings >= 3 || pipeDelimiters >= 1 || markupTables >= 1 || (headings >= 1 && bold >= 3))
    return "markdown";
  if (/\.(md|markdown)$/i.test(file) && (headings > 0 || bold > 0)) return "markdown";
  return "text";
}

/**
 * The bytes' lines as UTF-8 text: the strings toString("utf8").split(/\r?\n/) gives, decoded a
 * line at a time. Node 20 builds a string with any non-ASCII character far more slowly than an
 * ASCII one (0.7 ms against 0.03 ms for a report), and a report is ASCII but for a few dozen
 * quotes and dashes: decoded whole, all of it pays; line by line, only those lines do. A line
 * break is ASCII and never inside a multi-byte sequence, so malformed bytes decode the same.
 * A file without a line feed but with carriage returns (classic Mac OS) breaks at those.
 */
export function utf8Lines(bytes: Buffer): string[] {
  const lines: string[] = [];
  const n = bytes.length;
  const lineBreak = bytes.indexOf(0x0a) < 0 && bytes.indexOf(0x0d) >= 0 ? 0x0d : 0x0a;
  let start = 0;
  while (start <= n) {
    let end = bytes.indexOf(lineBreak, start);
    if (end < 0) end = n;
    const stop = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
    lines.push(bytes.toString(isAscii(bytes.subarray(start, end)) ? "latin1" : "utf8", start, stop));
    start = end + 1;
  }
  return lines;
}

/** UTF-16 without a byte-order mark: most characters are ASCII, so every other byte is zero. */
function utf16Order(bytes: Buffer): "le" | "be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > 0.6 * pairs && evenZeros < 0.1 * pairs) return "le";
  if (evenZeros > 0.6 * pairs && oddZeros < 0.1 * pairs) return "be";
  return null;
}

function fromUtf16(bytes: Buffer, order: "le" | "be"): string {
  const even = bytes.subarray(0, bytes.length & ~1);
  return (order === "le" ? even : Buffer.from(even).swap16()).toString("utf16le");
}

/**
 * A text file's bytes as UTF-8. UTF-16 (Windows' "Unicode" text, with or without its byte-order
 * mark) and Windows-1252 (Word's "plain text": curly quotes and dashes as single bytes) are
 * converted; a UTF-8 byte-order mark is dropped. `converted` names what was not UTF-8.
 */
export function asUtf8(bytes: Buffer): { bytes: Buffer; converted: string | null } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { bytes: bytes.subarray(3), converted: null };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { bytes: Buffer.from(fromUtf16(bytes.subarray(2), "le"), "utf8"), converted: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { bytes: Buffer.from(fromUtf16(bytes.subarray(2), "be"), "utf8"), converted: null };
  const order = utf16Order(bytes);
  if (order)
    return { bytes: Buffer.from(fromUtf16(bytes, order), "utf8"), converted: `UTF-16${order.toUpperCase()}` };
  if (isUtf8(bytes)) return { bytes, converted: null };
  // Not valid UTF-8. A UTF-8 file with a few damaged bytes still has its other characters whole
  // (they are read, the damaged ones become U+FFFD); a Windows-1252 file has hardly any.
  let whole = 0;
  let damaged = 0;
  for (const ch of bytes.toString("utf8")) {
    if (ch === "\uFFFD") damaged++;
    else if (ch.charCodeAt(0) > 0x7f) whole++;
  }
  if (whole > damaged) return { bytes, converted: null };
  return { bytes: Buffer.from(fromWindows1252(bytes), "utf8"), converted: "Windows-1252" };
}

/**
 * A text file with a few NUL bytes in it (pdf-parse's getText writes one where a table ends):
 * the text without them, when it is UTF-8 as it stands and the NULs are a few in a thousand
 * bytes at most. Anything else with NULs in it is binary: null.
 */
function strayNuls(bytes: Buffer, converted: string | null): { bytes: Buffer; count: number } | null {
  if (converted !== null) return null;
  let count = 0;
  for (const b of bytes) if (b === 0) count++;
  if (count > Math.max(4, bytes.length / 500)) return null;
  const kept = Buffer.from(bytes.filter((b) => b !== 0));
  return isUtf8(kept) ? { bytes: kept, count } : null;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function readDocument(file: string): Promise<RawDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new ReadError("E_UNREADABLE", file, whyUnreadable(file, err));
  }
  return documentFromBytes(file, bytes);
}

/** Page numbers as a reader writes them: "12", "12 and 14", "3, 12-14 and 20". */
export function pageList(pages: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && (pages[j + 1] as number) === (pages[j] as number) + 1) j++;
    runs.push(j > i ? `${pages[i]}-${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return listed(runs);
}

/** `sha256` when the caller has already hashed the bytes (ingest does, to skip unchanged files). */
export async function documentFromBytes(
  file: string,
  bytes: Buffer,
  sha256 = sha256Of(bytes),
): Promise<RawDocument> {
  if (bytes.length === 0) throw new ReadError("E_EMPTY", file, "the file is empty");
  if (isPdf(bytes)) {
    const { pdfText, withUndecodedGlyphsMarked } = await import("./pdf.js");
    // A complete PDF ends with %%EOF; a cut download does not.
    const truncated = !Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048)))
      .toString("latin1")
      .includes("%%EOF");
    let read: Awaited<ReturnType<typeof pdfText>>;
    try {
      read = await pdfText(file, bytes);
    } catch (err) {
      if (truncated && err instanceof ReadError && err.code === "E_PDF_CORRUPT") {
        throw new ReadError("E_TRUNCATED", file, "the PDF ends early and cannot be read");
      }
      throw err;
    }
    const readWarnings: RawDocument["readWarnings"] = truncated
      ? [{ code: "file-truncated", message: "The PDF ends early (no %%EOF): what could be read was read" }]
      : [];
    if (read.pagesWithoutText.length > 0) {
      const [list, many] = [pageList(read.pagesWithoutText), read.pagesWithoutText.length > 1];
      readWarnings.push({
        code: "pdf-pages-without-text",
        message: `Page${many ? "s" : ""} ${list} of ${read.pages} print${many ? "" : "s"} no text but ${many ? "their" : "its"} running header or page number (a picture of a page: a scan, an infographic; or blank): what ${many ? "they print" : "it prints"} is not read`,
      });
    }
    const { lines: marked, undecoded } = withUndecodedGlyphsMarked(read.lines);
    if (undecoded.lines)
      readWarnings.push({
        code: "pdf-glyphs-undecoded",
        message: `${undecoded.lines} line${undecoded.lines === 1 ? "" : "s"} of the PDF ${undecoded.lines === 1 ? "holds" : "hold"} ${undecoded.glyphs} glyph${undecoded.glyphs === 1 ? "" : "s"} that ${undecoded.glyphs === 1 ? "its font does" : "their fonts do"} not map to text (a font embedded without a map to Unicode): each is read as "\uFFFD", and what they print is missing`,
      });
    return {
      file,
      format: "pdf",
      sha256,
      sourceLines: withWordsWhole(marked, readWarnings),
      readWarnings,
    };
  }
  if (isDocx(bytes)) {
    const { docxAsHtml } = await import("./docx.js");
    const { html, pictures } = await docxAsHtml(file, bytes);
    const page = await documentFromBytes(file, Buffer.from(html), sha256);
    return {
      ...page,
      readWarnings: [
        {
          code: "word-document",
          message:
            "The file is a Word document (.docx), read through its HTML (mammoth): a paragraph, heading or table row a line; a value's line is its block's place in the document, which has no pages",
        },
        ...(pictures > 0
          ? [
              {
                code: "word-document-pictures" as const,
                message: `The Word document holds ${pictures} picture${pictures === 1 ? "" : "s"}: what ${pictures === 1 ? "it shows" : "they show"} (a logo, a chart, a table pasted as a picture) is not read`,
              },
            ]
          : []),
        ...(page.readWarnings ?? []).filter((w) => w.code !== "html-page"),
      ],
    };
  }
  const other = otherDocumentKind(bytes);
  if (other)
    throw new ReadError("E_UNSUPPORTED_FORMAT", file, `${other}: save it as PDF or .docx and read that`);
  const text = asUtf8(bytes);
  const readWarnings: RawDocument["readWarnings"] = text.converted
    ? [{ code: "text-not-utf8", message: `The file is not UTF-8; it was read as ${text.converted}` }]
    : [];
  if (text.bytes.includes(0)) {
    const nuls = strayNuls(text.bytes, text.converted);
    if (nuls === null) throw new ReadError("E_UNSUPPORTED_FORMAT", file, "binary content that is not a PDF");
    text.bytes = nuls.bytes;
    readWarnings.push({
      code: "text-nul-bytes",
      message: `The file holds ${nuls.count} NUL byte${nuls.count === 1 ? "" : "s"} among its text (a converter's stray output); they were dropped`,
    });
  }
  const { lines: read, fileLines } = textLines(text.bytes);
  const { lines: decodedLines, decoded } = withMojibakeDecoded(read, text.bytes);
  const furniture = withPageFurnitureParted(decodedLines);
  // (Words first: a word run into the next, "TowerHamletsand", is no glued cell.)
  const { lines: wordLines, parted: wordsParted } = withWordsParted(furniture.lines);
  const { lines: raws, parted } = withGluedCellsParted(wordLines);
  if (decoded)
    readWarnings.push({
      code: "text-mojibake",
      message: `The text is UTF-8 that was once read as Windows-1252 and saved again ("â€™" for "’", "â€“" for "–"): ${decoded} character${decoded === 1 ? " was" : "s were"} decoded again`,
    });
  if (furniture.numbers + furniture.markings > 0) {
    const { numbers, markings, marking } = furniture;
    const taken = [
      ...(numbers ? [`${numbers} page number${numbers === 1 ? "" : "s"}`] : []),
      ...(markings ? [`the marking '${marking}' ${markings} time${markings === 1 ? "" : "s"}`] : []),
    ];
    readWarnings.push({
      code: "page-furniture-glued",
      message: `The text runs a page's furniture into the page's first lines after its running header ("29Does assessment ...", "820,687 Total ..." for page 8's "20,687", "OFFICIALContents"), as pypdf writes a PDF whose page number or marking it sets beside the header: ${taken.join(" and ")} taken off`,
    });
  }
  if (parted)
    readWarnings.push({
      code: "text-cells-glued",
      message: `The text runs table cells into one another with nothing between them ("2.2PlanningInadequate", "...safe?59%"), as pdf-parse 1.x writes a PDF's text: ${parted} line${parted === 1 ? "" : "s"} parted into cells again where a figure, a label or a rating begins`,
    });
  if (wordsParted)
    readWarnings.push({
      code: "words-run-together",
      message: `The text runs its words together with no space between them ("Requiresimprovement", "Doesplanningfocusonsupportingthechild'sdesistance?"), as pypdf writes a PDF that places its words without spaces: ${wordsParted} line${wordsParted === 1 ? " was" : "s were"} parted into words again from an English word list (a name or a misprint not in it stands whole); the figures and ratings are not changed by it, but a text read from these lines may part a word as the report does not ("informal" for "in formal")`,
    });
  if (fileLines)
    readWarnings.push({
      code: "html-page",
      message:
        "The file is a web page (HTML): read as a browser shows it, a paragraph, heading or table row a line; each value's line is the file's line where its paragraph or row starts",
    });
  const runTogether = linesRunTogether(raws);
  if (runTogether)
    readWarnings.push({
      code: "text-lines-run-together",
      message: `${runTogether.lines} line${runTogether.lines === 1 ? "" : "s"} of more than ${LONG_LINE.toLocaleString("en-GB")} characters hold ${runTogether.percent}% of the text: whole pages seem run into single lines; they were cut at the headings, tables and notes found in them, and what was not found is missing`,
    });
  const format = detectTextFormat(raws, file);
  return {
    file,
    format,
    sha256,
    readWarnings,
    ...(fileLines ? { fileLines } : {}),
    // Markdown: its GFM tables a row a line (remark reads those it must: markdownSourceLines).
    // Tables as LaTeX (Nougat, Mathpix) and as pandoc's grid and multiline tables: a row a line.
    sourceLines: withWordsWhole(
      multilineTableRows(
        gridTableRows(
          latexTableRows(format === "markdown" ? await markdownSourceLines(raws) : sourceLinesOf(raws)),
        ),
      ),
      readWarnings,
    ),
  };
}

/**
 * The source lines with the ligatures a converter dropped written back, and words it split between
 * their f's joined, and a warning where any were.
 */
function withWordsWhole(
  lines: SourceLine[],
  readWarnings: NonNullable<RawDocument["readWarnings"]>,
): SourceLine[] {
  const { lines: restoredLines, restored } = withLigaturesRestored(lines);
  if (restored)
    readWarnings.push({
      code: "ligatures-dropped",
      message: `The text drops the letters a font sets as one glyph (fi, ff, fl: "sta" for "staff", "sucient" for "sufficient"); ${restored} word${restored === 1 ? " was" : "s were"} written whole again from a list of the reports' words, and words not in it keep their gaps`,
    });
  const { lines: sourceLines, joined } = withSplitFsJoined(restoredLines);
  if (joined)
    readWarnings.push({
      code: "words-split-at-ff",
      message: `The text writes a space between a word's two f's ("suf ficiently", "ef fective", "Of fice"), as pypdf writes a PDF whose font sets them close; ${joined} word${joined === 1 ? " was" : "s were"} written whole again from a list of the reports' words, and words not in it keep their space`,
    });
  return sourceLines;
}
