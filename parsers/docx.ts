// Word documents (.docx): what a researcher has who saved a report from Word, or converted its PDF
// with a word processor. mammoth turns the document into HTML (headings, paragraphs, tables with
// their cells, footnotes as a list of notes linking back to their references), which is then read
// as a saved web page is: one reader of tables and notes for both.
import { ReadError } from "./read.js";

/**
 * The document as an HTML page, a block (paragraph, heading, table row, note) a line, so that a
 * value's line is its block's place in the document. Pictures are left out: their bytes would
 * only weigh on the page.
 */
export async function docxAsHtml(file: string, bytes: Buffer): Promise<string> {
  const { default: mammoth } = await import("mammoth");
  let html: string;
  try {
    const converted = await mammoth.convertToHtml(
      { buffer: bytes },
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    html = converted.value;
  } catch (err) {
    throw new ReadError(
      "E_DOCX_CORRUPT",
      file,
      `the Word document cannot be opened (${(err as Error).message.split("\n")[0]})`,
    );
  }
  const blocks = html.replace(/(<\/(?:p|h[1-6]|tr|li|table|ol|ul)>)/g, "$1\n");
  return `<!DOCTYPE html>\n<html><body>\n${blocks}\n</body></html>\n`;
}
