// Word documents (.docx): what a researcher has who saved a report from Word, or converted its PDF
// with a word processor. mammoth turns the document into HTML (headings, paragraphs, tables with
// their cells, footnotes as a list of notes linking back to their references), which is then read
// as a saved web page is: one reader of tables and notes for both.
import { ReadError } from "./read.js";

/**
 * The document as an HTML page, a block (paragraph, heading, table row, note) a line, so that a
 * value's line is its block's place in the document; and how many pictures it holds. Pictures
 * are left out (their bytes would only weigh on the page), and counted: what a chart or a table
 * pasted as a picture shows is not read, and the reader is told.
 */
export async function docxAsHtml(file: string, bytes: Buffer): Promise<{ html: string; pictures: number }> {
  const { default: mammoth } = await import("mammoth");
  let html: string;
  let pictures = 0;
  try {
    const converted = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        convertImage: mammoth.images.imgElement(async () => {
          pictures++;
          return { src: "" };
        }),
      },
    );
    html = converted.value;
  } catch (err) {
    throw new ReadError(
      "E_DOCX_CORRUPT",
      file,
      `the Word document cannot be opened (${(err as Error).message.split("\n")[0]})`,
    );
  }
  const blocks = withCustomNoteMarks(html).replace(/(<\/(?:p|h[1-6]|tr|li|table|ol|ul)>)/g, "$1\n");
  return { html: `<!DOCTYPE html>\n<html><body>\n${blocks}\n</body></html>\n`, pictures };
}

/**
 * Footnotes marked by hand (Word's custom marks, as a document keeps the numbers it was given
 * rather than counting 1, 2, 3): mammoth writes its own count as the reference ("[14]") and the
 * mark after it as text ("19"), and the mark again at the head of the note ("20\tPlanning ...").
 * The reference shows the mark, and the note is numbered by it.
 */
function withCustomNoteMarks(html: string): string {
  const marks = new Map<string, string>();
  const referenced = html.replace(
    /<sup><a href="#footnote-(\d+)" id="footnote-ref-\1">\[\d+\]<\/a><\/sup>(?:<sup>(\d{1,3})<\/sup>|(\d{1,3})(?!\d))/g,
    (_, id: string, raised: string | undefined, plain: string | undefined) => {
      const mark = (raised ?? plain) as string;
      marks.set(id, mark);
      return `<sup><a href="#footnote-${id}" id="footnote-ref-${id}">${mark}</a></sup>`;
    },
  );
  if (marks.size === 0) return html;
  return referenced.replace(
    /<li id="footnote-(\d+)"><p>(?:<sup>)?(\d{1,3})(?:<\/sup>)?[\t ]*/g,
    (whole, id: string, mark: string) =>
      marks.get(id) === mark ? `<li id="footnote-${id}" value="${mark}"><p>` : whole,
  );
}
