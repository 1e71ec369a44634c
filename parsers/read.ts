// read: a file on disk -> its bytes, detected format and source lines (with pages for PDF).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Format, SourceLine } from "./normalise.js";
import { markdownSourceLines, textSourceLines } from "./normalise.js";

export interface RawDocument {
  file: string;
  format: Format;
  sha256: string;
  sourceLines: SourceLine[];
  /** What reading noticed about the file itself (e.g. a PDF that ends early). */
  readWarnings?: { code: string; message: string }[];
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
export function detectFormat(bytes: Uint8Array, file: string, decoded?: string): Format {
  if (isPdf(bytes)) return "pdf";
  return detectTextFormat(decoded ?? Buffer.from(bytes.subarray(0, 200_000)).toString("utf8"), file);
}

function detectTextFormat(text: string, file: string): Format {
  const headings = (text.match(/^#{1,6}\s+\S/gm) ?? []).length;
  const pipeDelimiters = (text.match(/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/gm) ?? []).length;
  const bold = (text.match(/\*\*[^*\n]+\*\*/g) ?? []).length;
  if (headings >= 3 || pipeDelimiters >= 1 || (headings >= 1 && bold >= 3)) return "markdown";
  if (/\.(md|markdown)$/i.test(file) && (headings > 0 || bold > 0)) return "markdown";
  return "text";
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

export async function documentFromBytes(file: string, bytes: Buffer): Promise<RawDocument> {
  if (bytes.length === 0) throw new ReadError("E_EMPTY", file, "the file is empty");
  const sha256 = sha256Of(bytes);
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
    const readWarnings = truncated
      ? [{ code: "file-truncated", message: "The PDF ends early (no %%EOF): what could be read was read" }]
      : [];
    return { file, format: "pdf", sha256, sourceLines, readWarnings };
  }
  const text = bytes.toString("utf8");
  const format = detectTextFormat(text.slice(0, 60_000), file);
  if (text.includes("\u0000"))
    throw new ReadError("E_UNSUPPORTED_FORMAT", file, "binary content that is not a PDF");
  return {
    file,
    format,
    sha256,
    sourceLines: format === "markdown" ? markdownSourceLines(text) : textSourceLines(text),
  };
}
