// read: a file on disk -> its bytes, detected format and source lines (with pages for PDF).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { WarningCode } from "../schemas/warning-codes.js";
import type { Format, SourceLine } from "./normalise.js";
import { markdownSourceLines, sourceLinesOf } from "./normalise.js";

export interface RawDocument {
  file: string;
  format: Format;
  sha256: string;
  sourceLines: SourceLine[];
  /** What reading noticed about the file itself (e.g. a PDF that ends early). */
  readWarnings?: { code: WarningCode; message: string }[];
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

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString("latin1").trimStart().startsWith("%PDF-");
}

/** Detect the format from the bytes; the extension only breaks ties. */
export function detectFormat(bytes: Uint8Array, file: string): Format {
  if (isPdf(bytes)) return "pdf";
  return detectTextFormat(utf8Lines(Buffer.from(bytes.subarray(0, 200_000))), file);
}

/** Markdown or plain text, from the lines of the first 60,000 characters. */
function detectTextFormat(lines: string[], file: string): Format {
  let headings = 0;
  let pipeDelimiters = 0;
  let bold = 0;
  let htmlTables = 0;
  let seen = 0;
  for (const line of lines) {
    if (seen > 60_000) break;
    seen += line.length + 1;
    if (/^#{1,6}\s+\S/.test(line)) headings++;
    if (/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(line)) pipeDelimiters++;
    if (line.includes("**")) bold += (line.match(/\*\*[^*\n]+\*\*/g) ?? []).length;
    if (line.includes("<") && /<table\b/i.test(line)) htmlTables++;
  }
  // HTML tables: some PDF-to-markdown converters write tables so.
  if (headings >= 3 || pipeDelimiters >= 1 || htmlTables >= 1 || (headings >= 1 && bold >= 3))
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
 */
export function utf8Lines(bytes: Buffer): string[] {
  const lines: string[] = [];
  const n = bytes.length;
  let start = 0;
  while (start <= n) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = n;
    let ascii = true;
    for (let i = start; i < end; i++) {
      if ((bytes[i] as number) >= 0x80) {
        ascii = false;
        break;
      }
    }
    const stop = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
    lines.push(bytes.toString(ascii ? "latin1" : "utf8", start, stop));
    start = end + 1;
  }
  return lines;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function readDocument(file: string): Promise<RawDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new ReadError(
      "E_UNREADABLE",
      file,
      `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  return documentFromBytes(file, bytes);
}

/** `sha256` when the caller has already hashed the bytes (ingest does, to skip unchanged files). */
export async function documentFromBytes(
  file: string,
  bytes: Buffer,
  sha256 = sha256Of(bytes),
): Promise<RawDocument> {
  if (bytes.length === 0) throw new ReadError("E_EMPTY", file, "the file is empty");
  if (isPdf(bytes)) {
    const { pdfSourceLines } = await import("./pdf.js");
    // A complete PDF ends with %%EOF; a cut download does not.
    const truncated = !Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048)))
      .toString("latin1")
      .includes("%%EOF");
    let sourceLines: SourceLine[];
    try {
      sourceLines = await pdfSourceLines(file, bytes);
    } catch (err) {
      if (truncated && err instanceof ReadError && err.code === "E_PDF_CORRUPT") {
        throw new ReadError("E_TRUNCATED", file, "the PDF ends early and cannot be read");
      }
      throw err;
    }
    const readWarnings: RawDocument["readWarnings"] = truncated
      ? [{ code: "file-truncated", message: "The PDF ends early (no %%EOF): what could be read was read" }]
      : [];
    return { file, format: "pdf", sha256, sourceLines, readWarnings };
  }
  if (bytes.includes(0))
    throw new ReadError("E_UNSUPPORTED_FORMAT", file, "binary content that is not a PDF");
  const raws = utf8Lines(bytes);
  const format = detectTextFormat(raws, file);
  return {
    file,
    format,
    sha256,
    // remark reads markdown whole; the rare markdown file pays for the joined text.
    sourceLines: format === "markdown" ? markdownSourceLines(raws.join("\n")) : sourceLinesOf(raws),
  };
}
