// html: a web page (a report saved from the inspectorate's web edition, or converted to HTML)
// -> its visible text a block a line, as a browser lays it out. A page's markup may be on one
// line (most served pages are) or on many, wrapped anywhere: either way it reads the same.

/** An HTML document, not markdown with some HTML in it: it opens with a doctype or <html>. */
const HTML_PAGE = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*(?:<!doctype\s+html\b|<html\b)/i;

export function isHtmlPage(start: string): boolean {
  return HTML_PAGE.test(start.replace(/^\uFEFF/, ""));
}

/**
 * What is not the report: what a browser never shows (the head with its title and styles,
 * scripts, comments) and the site's navigation.
 */
const HIDDEN =
  /<(head|script|style|noscript|template|svg|iframe|nav)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<!doctype[^>]*>/gi;
/** A page's main content, where it marks it: the site's banner, menus and footer are outside. */
const MAIN = /<main\b[^>]*>([\s\S]*)<\/main\s*>/i;

/** Elements that begin and end a block of text (tables apart: their rows are lines). */
const BLOCK_TAG =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|section|article|header|footer|nav|main|aside|blockquote|figure|figcaption|hr|pre|address|details|summary|form|fieldset|body|html)\b[^>]*>/gi;

const TABLE = /(<table\b[\s\S]*?(?:<\/table\s*>|$))/i;

/**
 * The page's visible text as lines: a paragraph, heading or list item a line and a blank line
 * between blocks (as markdown sets them), a line break where the page has <br>; a table a line
 * per row, its cells' markup kept for the table reader; white space inside a block one space,
 * as a browser shows it (a <pre> keeps its lines).
 */
export function htmlPageLines(html: string): string[] {
  const shown = html.replace(HIDDEN, " ");
  const visible = MAIN.exec(shown)?.[1] ?? shown;
  const out: string[] = [];
  // Odd parts are tables; even parts the text between them.
  visible.split(TABLE).forEach((part, i) => {
    if (i % 2 === 1) {
      // A row a line: each row's cells are read where the row starts.
      const rows = part
        .replace(/\s+/g, " ")
        .replace(/\s*(<tr\b)/gi, "\n$1")
        .replace(/\s*(<\/table)/i, "\n$1");
      out.push("", ...rows.split("\n"), "");
      return;
    }
    const pieces = part.split(/(<pre\b[^>]*>[\s\S]*?<\/pre\s*>)/i);
    const text = pieces
      .map((piece, k) =>
        k % 2 === 1
          ? `\n\n${piece.replace(/<\/?pre\b[^>]*>/gi, "")}\n\n`
          : piece
              .replace(/\s+/g, " ")
              .replace(BLOCK_TAG, "\n\n")
              .replace(/<br\b[^>]*>/gi, "\n"),
      )
      .join("");
    for (const line of text.split("\n")) out.push(line.trim());
  });
  // One blank line between blocks, none at either end.
  const lines: string[] = [];
  for (const line of out) {
    if (line === "" && (lines.length === 0 || lines[lines.length - 1] === "")) continue;
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
