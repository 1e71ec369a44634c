// PDF reading through pdf-parse: text per page, cells of one row joined by tabs, and page
// numbers carried into every line's provenance.
import { PDFParse } from "pdf-parse";
import type { SourceLine } from "./normalise.js";
import { ReadError } from "./read.js";

export async function pdfSourceLines(file: string, bytes: Buffer): Promise<SourceLine[]> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText({ cellSeparator: "\t", pageJoiner: "" });
    const lines: SourceLine[] = [];
    let lineNo = 0;
    for (const page of result.pages) {
      for (const raw of page.text.split(/\r?\n/)) {
        lineNo++;
        lines.push({ line: lineNo, page: page.num, raw });
      }
    }
    return lines;
  } catch (err) {
    const name = (err as Error).name ?? "";
    if (/Password/i.test(name)) throw new ReadError("E_PDF_ENCRYPTED", file, "the PDF is password-protected");
    throw new ReadError("E_PDF_CORRUPT", file, `the PDF cannot be parsed (${(err as Error).message})`);
  } finally {
    await parser.destroy();
  }
}
