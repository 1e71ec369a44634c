// html: a web page (a report saved from the inspectorate's web edition, or converted to HTML)
// -> its visible text a block a line, as a browser lays it out. A page's markup may be on one
// line (most served pages are) or on many, wrapped anywhere: either way it reads the same.

/** An HTML document, not markdown with some HTML in it: it opens with a doctype or <html>. */
const HTML_PAGE = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]{0,1000}>)*(?:<!doctype\s+html\b|<html\b)/i;

export function isHtmlPage(start: string): boolean {
  return HTML_PAGE.test(start.replace(/^\uFEFF/, ""));
}

/**
 * The file's line breaks, while the page is read: a line separator (white space to every pattern
 * below) stands in for each, so that every line read can say which line of the file it starts on.
 * A rewrite that drops text keeps the breaks that text held (`keepingBreaks`).
 */
const BREAK = "\u2028";
/** How many breaks `text` holds, between `from` and `to`. */
function breakCount(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let at = text.indexOf(BREAK, from); at >= 0 && at < to; at = text.indexOf(BREAK, at + 1)) n++;
  return n;
}
/** The breaks `text` holds (between `from` and `to`), and nothing else. */
const breaksIn = (text: string, from = 0, to = text.length) => BREAK.repeat(breakCount(text, from, to));

/**
 * `text.replace(pattern, replace)`, the breaks of what is replaced set after what replaces it
 * (or `before` it, where what replaces it starts a line: then they are the line above's).
 */
function keepingBreaks(
  text: string,
  pattern: RegExp,
  replace: string | ((match: string, ...groups: string[]) => string),
  before = false,
): string {
  return text.replace(pattern, (match: string, ...rest: unknown[]) => {
    // (After the groups come the match's offset and the whole text, and named groups if any.)
    const named = typeof rest[rest.length - 1] === "object" && rest[rest.length - 1] !== null;
    const groups = rest.slice(0, rest.length - (named ? 3 : 2)) as string[];
    const out =
      typeof replace === "string"
        ? replace.replace(/\$(\d)/g, (_d, n: string) => groups[Number(n) - 1] ?? "")
        : replace(match, ...groups);
    const lost = breakCount(match) - breakCount(out);
    if (lost <= 0) return out;
    return before ? BREAK.repeat(lost) + out : out + BREAK.repeat(lost);
  });
}

/**
 * White space as a browser shows it: one space; a run holding line breaks, only those breaks.
 * (A single space, most of a page's white space, is left as it is without a call for each.)
 */
const collapsed = (text: string) =>
  text.replace(/[^\S ]\s*| \s+/g, (ws) => (ws.includes(BREAK) ? breaksIn(ws) : " "));

/**
 * What is not the report: what a browser never shows (the head with its title and styles,
 * scripts, comments, Word's conditional comments) and the site's navigation. An element or
 * comment left open runs to the end of the page, as a browser reads it.
 */
const HIDDEN_START =
  /<(head|script|style|noscript|template|svg|iframe|nav)\b[^>]{0,1000}>|<!--|<!doctype[^>]{0,1000}>|<!\[(?:if\b[^\]>]{0,200}|endif)\]>/gi;

function hiddenRemoved(html: string): string {
  let out = "";
  let from = 0;
  HIDDEN_START.lastIndex = 0;
  for (let m = HIDDEN_START.exec(html); m !== null; m = HIDDEN_START.exec(html)) {
    out += html.slice(from, m.index);
    let end = m.index + m[0].length;
    if (m[0] === "<!--") {
      const close = html.indexOf("-->", end);
      end = close < 0 ? html.length : close + 3;
    } else if (m[1]) {
      const close = new RegExp(`</${m[1]}\\s*>`, "gi");
      close.lastIndex = end;
      const found = close.exec(html);
      end = found ? found.index + found[0].length : html.length;
    }
    out += ` ${breaksIn(html, m.index, end)}`;
    from = end;
    HIDDEN_START.lastIndex = end;
  }
  return out + html.slice(from);
}

/** A page's main content, where it marks it: the site's banner, menus and footer are outside. */
function mainContent(html: string): string {
  // (Tried only at tags whose name starts with "m", in the page as written: a case-blind
  // pattern tried at every character is slow, and a page lower-cased may not keep its length:
  // "İ" becomes two characters.)
  let open: RegExpExecArray | null = null;
  for (let at = html.indexOf("<"); at >= 0 && !open; at = html.indexOf("<", at + 1)) {
    if ((html.charCodeAt(at + 1) | 0x20) !== 0x6d) continue;
    MAIN_OPEN.lastIndex = at;
    open = MAIN_OPEN.exec(html);
  }
  if (!open) return html;
  const start = open.index + open[0].length;
  let close = -1;
  for (let at = html.lastIndexOf("</"); at > start && close < 0; at = html.lastIndexOf("</", at - 1))
    if (html.slice(at + 2, at + 6).toLowerCase() === "main") close = at;
  return breaksIn(html, 0, start) + (close > start ? html.slice(start, close) : html.slice(start));
}

const MAIN_OPEN = /<main\b[^>]{0,1000}>/iy;

/** Elements that begin and end a block of text (tables apart: their rows are lines). */
const BLOCK_TAG =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|section|article|header|footer|nav|main|aside|blockquote|figure|figcaption|hr|pre|address|details|summary|form|fieldset|body|html)\b[^>]{0,1000}>/gi;

const TABLE = /(<table\b[\s\S]*?(?:<\/table\s*>|$))/i;
const PRE = /(<pre\b[^>]{0,1000}>[\s\S]*?<\/pre\s*>)/i;

const MAX_LIST_DEPTH = 8;
/** An ordered list with no list inside it (lists nested in it are numbered first). */
const INNERMOST_OL = /<ol\b([^>]{0,1000})>((?:(?!<ol\b)[\s\S])*?)<\/ol\s*>/gi;
/**
 * A note's link back to where it is referenced: by its role or name (DPUB-ARIA's doc-backlink,
 * pandoc's "#fnref1" and "footnote-back", WordPress's "Jump to footnote reference 1") or by
 * showing only an arrow. It marks a list of notes, and is no part of the note.
 */
const BACKLINK =
  /<a\b[^>]{0,1000}?(?:doc-backlink|href=["']?#fnref|footnote-back|footnote reference)[^>]{0,1000}>[\s\S]*?<\/a\s*>|<a\b[^>]{0,1000}>\s*[↩↑⤴]\uFE0E?\s*<\/a\s*>/gi;
const HAS_BACKLINK = new RegExp(BACKLINK.source, "i");
/** A list of notes by its own name: "footnotes", "wp-block-footnotes", role "doc-endnotes". */
const NOTES_LIST = /\b(?:class|role)\s*=\s*["'][^"']*(?:footnote|endnote)/i;
/**
 * A link to a note or back from it whose text is the note's number, bracketed or not, in
 * whatever spans ("<a href=\"#_ftn6\"><span class=MsoFootnoteReference>[6]</span></a>", as Word
 * saves a page; Google Docs' "#ftnt6"; pandoc's "#fn6"): the raised number, a marker in the text
 * and the number a note opens with.
 */
const NOTE_LINK =
  /<a\b[^>]{0,1000}?\bhref\s*=\s*["']?#_?(?:ftn|edn|fn|foot|end|note)[^>]{0,1000}>(?:\s|<(?!\/?a\b)[^>]{0,1000}>)*(?:\[\s*)?(\d{1,3})(?:\s*\])?(?:\s|<(?!\/?a\b)[^>]{0,1000}>)*<\/a\s*>/gi;
/**
 * A note's reference, its number a link inside the superscript (WordPress) or in brackets
 * ("<sup>[8]</sup>"): the raised number alone.
 */
const LINKED_MARKER =
  /<sup\b[^>]{0,1000}>\s*(?:<a\b[^>]{0,1000}>\s*)?(?:\[\s*)?(\d{1,3})(?:\s*\])?\s*(?:<\/a\s*>\s*)?<\/sup\s*>/gi;
const attribute = (attrs: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*["']?([^"'\\s>]+)`, "i").exec(attrs)?.[1];

function roman(n: number): string {
  const numerals: [number, string][] = [
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  for (let left = n; left > 0; ) {
    const [value, numeral] = numerals.find(([v]) => v <= left) as [number, string];
    out += numeral;
    left -= value;
  }
  return out;
}

/**
 * Ordered lists with the numbers (or letters) a browser shows before each item, which the page
 * does not write: recommendations "1. ..." , prompts "a. ...". A list of notes (named so, or its
 * items link back to their references) numbers each note as a raised marker, "<sup>7</sup> ...",
 * the way a note at a page's foot is read.
 */
function numberOrderedLists(html: string): string {
  let text = html;
  // (Lists nest a few deep; a page nesting them deeper has the rest left as the page wrote them.)
  for (let depth = 0, before = ""; before !== text && depth < MAX_LIST_DEPTH; depth++) {
    before = text;
    text = keepingBreaks(text, INNERMOST_OL, (_list, attrs: string, items: string) => {
      const type = attribute(attrs, "type") ?? "1";
      let next = Number(attribute(attrs, "start") ?? 1);
      const notes = NOTES_LIST.test(attrs);
      const numbered = keepingBreaks(
        items,
        /<li\b([^>]{0,1000})>((?:(?!<li\b)[\s\S])*)/gi,
        (_item, liAttrs: string, body: string) => {
          const n = Number(attribute(liAttrs, "value") ?? next);
          next = n + 1;
          // (Within the item's first paragraph, where it has one, so that the text follows on the line.)
          const at = /^(?:\s*<(?:p|div|span)\b[^>]{0,1000}>)*/i.exec(body)?.[0] ?? "";
          const itemWith = (label: string, rest: string) =>
            `<li${liAttrs}>${at}${label}${rest.slice(at.length)}`;
          if (notes || HAS_BACKLINK.test(body))
            return itemWith(`<sup>${n}</sup> `, keepingBreaks(body, BACKLINK, ""));
          const label =
            type === "a" || type === "A"
              ? String.fromCharCode((type === "a" ? 96 : 64) + (((n - 1) % 26) + 1))
              : type === "i" || type === "I"
                ? type === "i"
                  ? roman(n)
                  : roman(n).toUpperCase()
                : String(n);
          return itemWith(`${label}. `, body);
        },
      );
      return `<div${attrs}>${numbered}</div>`;
    });
  }
  return text;
}

/**
 * The page's visible text as lines: a paragraph, heading or list item a line and a blank line
 * between blocks (as markdown sets them), a line break where the page has <br>; a table a line
 * per row, its cells' markup kept for the table reader; white space inside a block one space,
 * as a browser shows it (a <pre> keeps its lines). `fileLines`: the line of the file each line
 * starts on (its first text, or its row's tag).
 */
export function htmlPageLines(html: string): { lines: string[]; fileLines: number[] } {
  const marked = html.replace(/\u2028/g, " ").replace(/\r\n|\r|\n/g, BREAK);
  // White space as a browser shows it, before anything else is read (a <pre> keeps its own).
  const shown = mainContent(hiddenRemoved(marked))
    .split(PRE)
    .map((piece, k) => (k % 2 === 1 ? piece : collapsed(piece)))
    .join("");
  const visible = keepingBreaks(
    keepingBreaks(numberOrderedLists(shown), NOTE_LINK, "<sup>$1</sup>"),
    LINKED_MARKER,
    "<sup>$1</sup>",
  );
  // Odd parts are tables; even parts the text between them.
  const text = visible
    .split(TABLE)
    .map((part, i) => {
      // A row a line: each row's cells are read where the row starts.
      if (i % 2 === 1)
        return `\n\n${keepingBreaks(keepingBreaks(collapsed(part), /\s*(<tr\b)/gi, "\n$1", true), /\s*(<\/table)/i, "\n$1", true)}\n\n`;
      return part
        .split(PRE)
        .map((piece, k) =>
          k % 2 === 1
            ? `\n\n${keepingBreaks(piece, /<\/?pre\b[^>]{0,1000}>/gi, "").replace(/\u2028/g, `\n${BREAK}`)}\n\n`
            : keepingBreaks(keepingBreaks(collapsed(piece), BLOCK_TAG, "\n\n"), /<br\b[^>]{0,1000}>/gi, "\n"),
        )
        .join("");
    })
    .join("");
  // Each line with the file's line its text starts on; the breaks' stand-ins go.
  const lines: string[] = [];
  const fileLines: number[] = [];
  let breaks = 0;
  for (const written of text.split("\n")) {
    const lead = written.length - written.replace(/^[\s\u2028]+/, "").length;
    const startsOn = 1 + breaks + breakCount(written, 0, lead);
    breaks += breakCount(written);
    const line = written.replace(/ ?\u2028+ ?/g, " ").trim();
    // One blank line between blocks, none at either end.
    if (line === "" && (lines.length === 0 || lines[lines.length - 1] === "")) continue;
    lines.push(line);
    fileLines.push(startsOn);
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") {
    lines.pop();
    fileLines.pop();
  }
  return { lines, fileLines };
}
