// Renders a corpus text report (see corpus/README.md) back into a PDF that looks like the published
// report: A4 pages, running header and page-number footer (except on page 1), wrapped prose
// paragraphs, bold headings, bordered tables with fixed column positions, and footnotes at the foot
// of the page they are met on. Only the standard Helvetica fonts are used, so every string is first
// mapped to what WinAnsiEncoding can draw.
//
//   npx tsx scripts/render-pdf.ts [outDir]   renders every corpus/*.txt to outDir (default out/pdf)
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import PDFDocument from "pdfkit";
import { fromSuperscript } from "../parsers/text.js";

type Doc = PDFKit.PDFDocument;

// ---------------------------------------------------------------------------------------------
// Page geometry (points) and type sizes
// ---------------------------------------------------------------------------------------------
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 56.7;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const HEADER_Y = 28;
const BODY_TOP = 62;
const BODY_BOTTOM = PAGE_H - 58; // lowest point of body text or footnotes
const FOOTER_Y = PAGE_H - 40;

const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";
const BODY_SIZE = 10;
const BODY_LEADING = 13;
const PARA_GAP = 6;
const TABLE_SIZE = 9;
const TABLE_LEADING = 11.25;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3.5;
const NOTE_SIZE = 7.5;
const NOTE_LEADING = 9.5;
const NOTE_GAP = 2;
const NOTE_RULE_SPACE = 10; // space between the body and the first footnote (the rule sits in it)
const SUP_SCALE = 0.65;

const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

// ---------------------------------------------------------------------------------------------
// Character handling
// ---------------------------------------------------------------------------------------------
/** Code points above Latin-1 that WinAnsiEncoding (and so the standard fonts) can draw. */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018,
  0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac,
  0x2122,
]);

const REPLACEMENTS: Record<string, string> = {
  "\u00ad": "",
  "\u0131": "i",
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
  "\u0127": "h",
  "\u00a0": "\u00a0",
  "\u2002": " ",
  "\u2003": " ",
  "\u2007": " ",
  "\u2008": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u202f": " ",
  "\u2028": " ",
  "\u2029": " ",
  "\u200b": "",
  "\u200c": "",
  "\u200d": "",
  "\ufeff": "",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "\u2014",
  "\u2043": "-",
  "\u2212": "-",
  "\u201b": "'",
  "\u201f": '"',
  "\u2032": "'",
  "\u2033": '"',
  "\u2035": "'",
  "\u2044": "/",
  "\u2190": "<-",
  "\u2192": "->",
  "\u2194": "<->",
  "\u21d2": "=>",
  "\u2794": "->",
  "\u27a2": "->",
  "\u2191": "^",
  "\u2193": "v",
  "\u2260": "!=",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2248": "~",
  "\u2713": "Y",
  "\u2714": "Y",
  "\u2717": "X",
  "\u2718": "X",
  "\u2605": "*",
  "\u2606": "*",
  "\u2023": "\u2022",
  "\u2219": "\u2022",
  "\u25aa": "\u2022",
  "\u25a0": "\u2022",
  "\u25cf": "\u2022",
  "\u25cb": "o",
  "\u25e6": "o",
  "\uf0b7": "\u2022",
  "\uf0a7": "\u2022",
  "\u2116": "No.",
};

function drawable(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff && cp !== 0xad) || WIN_ANSI_EXTRA.has(cp);
}

/** Maps a string to characters Helvetica/WinAnsi can draw: close ASCII equivalents, else dropped. */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (drawable(cp)) {
      out += ch;
      continue;
    }
    const replacement = REPLACEMENTS[ch];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (ch === "\t") {
      out += " ";
      continue;
    }
    // Compatibility decomposition handles accents outside Latin-1, ligatures, superscripts, ...
    const decomposed = [...ch.normalize("NFKD").replace(/\p{M}/gu, "")].map((c) =>
      drawable(c.codePointAt(0) ?? 0) ? c : REPLACEMENTS[c],
    );
    if (decomposed.join("") !== ch && decomposed.every((c) => c !== undefined)) {
      out += decomposed.join("");
    }
    // anything else (emoji, symbols, other scripts, control characters) is dropped
  }
  return out;
}

const SUP_CLASS = "\u2070\u00b9\u00b2\u00b3\u2074-\u2079";
const SUP_RUN = new RegExp(`[${SUP_CLASS}]+`, "gu");

// ---------------------------------------------------------------------------------------------
// Parsing the text into blocks
// ---------------------------------------------------------------------------------------------
type ParaStyle = "body" | "heading" | "h1" | "h2" | "h3" | "coverLead" | "coverTitle";

type Block =
  | { kind: "para"; text: string; style: ParaStyle }
  | { kind: "table"; rows: string[][] }
  | { kind: "footnote"; text: string }
  | { kind: "pageBreak" };

const FURNITURE = /^Inspection of youth (offending|justice) services?:/i;
const PAGE_NUMBER = /^\d{1,3}$/;
const FOOTNOTE = new RegExp(`^\\s*(?:[${SUP_CLASS}]|<sup>|&lt;sup&gt;|\\$\\^\\{|\\$<sup>)`, "u");
const URL_ONLY = /^<?(?:https?:\/\/|www\.)\S+>?$/i;
const COVER_LEAD = /^An inspection of youth (?:offending|justice) services? in\b\s*(.*)$/i;

/** Strips markdown emphasis ("**") and returns the heading level of leading "#" marks (0 = none). */
function stripMarkdown(line: string): { text: string; level: number } {
  let text = line.replace(/\*\*/g, "");
  let level = 0;
  const m = /^\s*(#{1,6})(?:\s+|$)/.exec(text);
  if (m?.[1]) {
    level = m[1].length;
    text = text.slice(m[0].length);
  }
  return { text: text.trim(), level };
}

function isFurniture(line: string): boolean {
  const { text } = stripMarkdown(line);
  return FURNITURE.test(text) || PAGE_NUMBER.test(text);
}

/** The area named on the cover: the line after "An inspection of youth offending services in". */
export function reportArea(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = COVER_LEAD.exec(stripMarkdown(lines[i] ?? "").text);
    if (!m) continue;
    if (m[1]?.trim()) return m[1].trim();
    for (let j = i + 1; j < lines.length; j++) {
      const next = stripMarkdown(lines[j] ?? "")
        .text.replace(/\t+/g, " ")
        .trim();
      if (next) return next;
    }
  }
  return undefined;
}

function looksLikeHeading(text: string): boolean {
  if (text.length > 60 || text.length < 2) return false;
  if (/[.,;]$/.test(text)) return false;
  if (!/^[\p{Lu}\d]/u.test(text)) return false;
  if (!/\p{L}/u.test(text)) return false;
  if (/:\/\/|www\.|@/.test(text)) return false;
  return true;
}

export function parseBlocks(text: string, area: string | undefined): Block[] {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  let lastWasFootnote = false; // the previous non-blank line was a footnote
  let coverState: "before" | "lead" | "done" = "before";
  let contentsSeen = false;

  for (const raw of text.split(/\r?\n/)) {
    if (isFurniture(raw)) continue; // page furniture: dropped, as if the line were not there
    if (raw.includes("\t")) {
      const cells = raw.split("\t").map((c) => stripMarkdown(c).text.replace(/\s+/g, " "));
      if (cells.every((c) => c === "")) continue;
      if (!table) {
        table = [];
        blocks.push({ kind: "table", rows: table });
      }
      table.push(cells);
      lastWasFootnote = false;
      continue;
    }
    table = null;
    if (raw.trim() === "") continue;

    const { text: line, level } = stripMarkdown(raw);
    if (line === "") continue;

    if (FOOTNOTE.test(raw)) {
      let note = raw.replace(/\*\*/g, "").trim();
      const lead = new RegExp(`^[${SUP_CLASS}]+`, "u").exec(note);
      // As in the published PDFs, the note's number is a small raised figure.
      if (lead) note = `${lead[0]} ${note.slice(lead[0].length).trimStart()}`;
      blocks.push({ kind: "footnote", text: note });
      lastWasFootnote = true;
      continue;
    }
    const previous = blocks[blocks.length - 1];
    if (lastWasFootnote && previous?.kind === "footnote" && URL_ONLY.test(line)) {
      previous.text += ` ${line}`; // a footnote's link, extracted as a paragraph of its own
      continue;
    }
    lastWasFootnote = false;

    if (!contentsSeen && /^contents$/i.test(line)) {
      contentsSeen = true;
      if (blocks.length > 0) blocks.push({ kind: "pageBreak" }); // the cover stands on its own page
    }

    let style: ParaStyle = "body";
    if (coverState === "before" && COVER_LEAD.test(line)) {
      style = "coverLead";
      coverState = COVER_LEAD.exec(line)?.[1]?.trim() ? "done" : "lead";
    } else if (coverState === "lead") {
      coverState = "done";
      style = area && line === area ? "coverTitle" : "heading";
    } else if (level === 1) style = "h1";
    else if (level === 2) style = "h2";
    else if (level >= 3) style = "h3";
    else if (looksLikeHeading(line)) style = "heading";
    blocks.push({ kind: "para", text: line, style });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Rich text: words made of normal and superscript runs
// ---------------------------------------------------------------------------------------------
interface Run {
  t: string;
  sup: boolean;
}
type Word = Run[];
type Line = Word[];

function toWords(text: string): Word[] {
  const words: Word[] = [];
  for (const token of text.split(/[ \t\r\n]+/)) {
    if (!token) continue;
    const word: Word = [];
    let last = 0;
    for (const m of token.matchAll(SUP_RUN)) {
      const idx = m.index ?? 0;
      if (idx > last) word.push({ t: toWinAnsi(token.slice(last, idx)), sup: false });
      word.push({ t: fromSuperscript(m[0]), sup: true });
      last = idx + m[0].length;
    }
    if (last < token.length) word.push({ t: toWinAnsi(token.slice(last)), sup: false });
    const kept = word.filter((r) => r.t.length > 0);
    if (kept.length > 0) words.push(kept);
  }
  return words;
}

class Measurer {
  constructor(private readonly doc: Doc) {}
  width(t: string, font: string, size: number): number {
    if (!t) return 0;
    return this.doc.font(font).fontSize(size).widthOfString(t);
  }
  runWidth(r: Run, font: string, size: number): number {
    return this.width(r.t, font, r.sup ? size * SUP_SCALE : size);
  }
  wordWidth(w: Word, font: string, size: number): number {
    return w.reduce((sum, r) => sum + this.runWidth(r, font, size), 0);
  }
}

/** Breaks a word wider than maxWidth into pieces that fit (long URLs and the like). */
function splitWord(m: Measurer, word: Word, maxWidth: number, font: string, size: number): Word[] {
  const pieces: Word[] = [];
  let current: Word = [];
  let width = 0;
  for (const run of word) {
    for (const ch of run.t) {
      const w = m.runWidth({ t: ch, sup: run.sup }, font, size);
      if (width + w > maxWidth && current.length > 0) {
        pieces.push(current);
        current = [];
        width = 0;
      }
      const tail = current[current.length - 1];
      if (tail && tail.sup === run.sup) tail.t += ch;
      else current.push({ t: ch, sup: run.sup });
      width += w;
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

function wrap(m: Measurer, text: string, maxWidth: number, font: string, size: number): Line[] {
  const lines: Line[] = [];
  const space = m.width(" ", font, size);
  let line: Line = [];
  let width = 0;
  for (const original of toWords(text)) {
    const pieces =
      m.wordWidth(original, font, size) > maxWidth
        ? splitWord(m, original, maxWidth, font, size)
        : [original];
    for (const word of pieces) {
      const w = m.wordWidth(word, font, size);
      if (line.length > 0 && width + space + w > maxWidth + 0.01) {
        lines.push(line);
        line = [];
        width = 0;
      }
      width += (line.length > 0 ? space : 0) + w;
      line.push(word);
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Merges a line's words into runs of one style, with the spaces between words kept as text. */
function lineRuns(line: Line): Run[] {
  const runs: Run[] = [];
  line.forEach((word, i) => {
    const pieces = i === 0 ? word : [{ t: " ", sup: false }, ...word];
    for (const piece of pieces) {
      const tail = runs[runs.length - 1];
      if (tail && tail.sup === piece.sup) tail.t += piece.t;
      else runs.push({ ...piece });
    }
  });
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------
const STYLES: Record<ParaStyle, { font: string; size: number; leading: number; before: number }> = {
  body: { font: REGULAR, size: BODY_SIZE, leading: BODY_LEADING, before: 0 },
  heading: { font: BOLD, size: 12, leading: 15, before: 6 },
  h3: { font: BOLD, size: 13, leading: 16, before: 8 },
  h2: { font: BOLD, size: 16, leading: 19, before: 10 },
  h1: { font: BOLD, size: 20, leading: 24, before: 12 },
  coverLead: { font: REGULAR, size: 16, leading: 20, before: 40 },
  coverTitle: { font: BOLD, size: 26, leading: 31, before: 4 },
};

interface Note {
  lines: Line[];
  height: number;
}

/** How the PDF writer lays text out; the defaults are the plainest. */
export interface RenderStyle {
  /** Prose lines stretched to the full width (all but a paragraph's last line). */
  justify?: boolean;
  /** Each word drawn as a text object of its own, with no space characters between. */
  wordItems?: boolean;
  /** Table cells centred vertically in their row (a short cell beside a wrapped one). */
  middleCells?: boolean;
  /** No space above or below a cell's text (Word's default cell margins): rows a line apart. */
  tightRows?: boolean;
  /**
   * The page furniture of the report's year: "colon" (2020-2023) a running header
   * "Inspection of youth offending services: <area>" and the page number centred below;
   * "in-colon" (2018) "Inspection of youth offending services in: <area>" with the page number
   * at the header's right end; "in" (some 2020 reports) the same without the colon.
   */
  furniture?: "colon" | "in-colon" | "in";
  /** Figure cells ("86%", "8", "43.7"; not a first column) set to the right of their cell, or centred in it. */
  figuresAlign?: "right" | "centre";
  /** A marking printed above the running header and below the page number of every page ("OFFICIAL"). */
  marking?: string;
}

/** A figure cell's text: a count, a percentage, a decimal, "8/36". */
const FIGURE_TEXT = /^[<>]?\d[\d,.]*(?:%|\/\d+)?\s*\S{0,3}$/;

/** The running header as each year printed it (RenderStyle.furniture). */
function runningHeader(title: string, furniture: NonNullable<RenderStyle["furniture"]>): string {
  const lead = "Inspection of youth offending services";
  return furniture === "colon"
    ? `${lead}: ${title}`
    : `${lead} in${furniture === "in-colon" ? ":" : ""} ${title}`;
}

class Renderer {
  private readonly m: Measurer;
  private page = 1;
  private y = BODY_TOP;
  private notes: Note[] = [];
  private notesHeight = 0;

  constructor(
    private readonly doc: Doc,
    /** What the running header names: the report's area. */
    private readonly title: string,
    private readonly style: RenderStyle = {},
  ) {
    this.m = new Measurer(doc);
  }

  private get bottom(): number {
    return BODY_BOTTOM - (this.notes.length > 0 ? this.notesHeight + NOTE_RULE_SPACE : 0);
  }

  private atTop(): boolean {
    return this.y <= BODY_TOP + 0.01;
  }

  /** Starts a new page unless `height` more points fit on this one (or we already are at the top). */
  private ensure(height: number): void {
    if (this.y + height > this.bottom && (!this.atTop() || this.notes.length > 0)) this.newPage();
  }

  private newPage(): void {
    this.flushNotes();
    this.doc.addPage();
    this.page += 1;
    this.y = BODY_TOP;
    this.drawFurniture();
  }

  finish(): void {
    this.flushNotes();
  }

  private drawRuns(runs: Run[], x: number, y: number, font: string, size: number): void {
    let cx = x;
    for (const run of runs) {
      const runSize = run.sup ? size * SUP_SCALE : size;
      this.doc.font(font).fontSize(runSize).text(run.t, cx, y, { lineBreak: false });
      cx += this.m.width(run.t, font, runSize);
    }
  }

  /** A line of words at x: as one run of text, or word by word (stretched to `width` if given). */
  private drawLine(line: Line, x: number, y: number, font: string, size: number, width?: number): void {
    if (!this.style.wordItems && width === undefined) {
      this.drawRuns(lineRuns(line), x, y, font, size);
      return;
    }
    const widths = line.map((w) => this.m.wordWidth(w, font, size));
    const natural = this.m.width(" ", font, size);
    const total = widths.reduce((a, b) => a + b, 0);
    const gap = width !== undefined && line.length > 1 ? (width - total) / (line.length - 1) : natural;
    let cx = x;
    line.forEach((word, i) => {
      if (this.style.wordItems) this.drawRuns(word, cx, y, font, size);
      // Stretched but not word by word: the word carries its space, as Word's justified text does.
      else this.drawRuns(i < line.length - 1 ? [...word, { t: " ", sup: false }] : word, cx, y, font, size);
      cx += (widths[i] ?? 0) + gap;
    });
  }

  private drawFurniture(): void {
    const doc = this.doc;
    doc.save();
    doc.fillColor("#333333");
    const furniture = this.style.furniture ?? "colon";
    let header = runningHeader(this.title, furniture);
    const pageAtRight = furniture !== "colon";
    const room = CONTENT_W - (pageAtRight ? 40 : 0);
    while (header.length > 4 && this.m.width(header, REGULAR, 8) > room) {
      header = `${header.slice(0, -2)}\u2026`;
    }
    doc.font(REGULAR).fontSize(8).text(header, MARGIN_X, HEADER_Y, { lineBreak: false });
    doc
      .moveTo(MARGIN_X, HEADER_Y + 12)
      .lineTo(PAGE_W - MARGIN_X, HEADER_Y + 12)
      .lineWidth(0.4)
      .strokeColor("#999999")
      .stroke();
    const label = String(this.page);
    if (pageAtRight) {
      const w = this.m.width(label, REGULAR, 8);
      doc.text(label, PAGE_W - MARGIN_X - w, HEADER_Y, { lineBreak: false });
    } else {
      const w = this.m.width(label, REGULAR, 9);
      doc
        .fillColor("#333333")
        .font(REGULAR)
        .fontSize(9)
        .text(label, (PAGE_W - w) / 2, FOOTER_Y, { lineBreak: false });
    }
    if (this.style.marking) {
      const w = this.m.width(this.style.marking, REGULAR, 8);
      doc.font(REGULAR).fontSize(8);
      doc.text(this.style.marking, (PAGE_W - w) / 2, HEADER_Y - 14, { lineBreak: false });
      doc.text(this.style.marking, (PAGE_W - w) / 2, FOOTER_Y + 14, { lineBreak: false });
    }
    doc.restore();
  }

  paragraph(text: string, style: ParaStyle): void {
    const s = STYLES[style];
    const lines = wrap(this.m, text, CONTENT_W, s.font, s.size);
    if (lines.length === 0) return;
    const isHeading = style !== "body";
    if (!this.atTop()) this.y += s.before;
    // keep a heading with (at least two lines of) what follows it
    const keep = isHeading ? lines.length * s.leading + 2 * BODY_LEADING + PARA_GAP : s.leading;
    this.ensure(keep);
    lines.forEach((line, i) => {
      this.ensure(s.leading);
      const stretch = this.style.justify && style === "body" && i < lines.length - 1 ? CONTENT_W : undefined;
      this.drawLine(line, MARGIN_X, this.y, s.font, s.size, stretch);
      this.y += s.leading;
    });
    this.y += isHeading ? PARA_GAP - 2 : PARA_GAP;
  }

  pageBreak(): void {
    if (!this.atTop()) this.newPage();
  }

  footnote(text: string): void {
    const lines = wrap(this.m, text, CONTENT_W, REGULAR, NOTE_SIZE);
    if (lines.length === 0) return;
    const height = lines.length * NOTE_LEADING + NOTE_GAP;
    const extra = height + (this.notes.length === 0 ? NOTE_RULE_SPACE : 0);
    // the note goes at the foot of this page, unless the body already reaches into that space
    if (this.y > this.bottom - extra && (!this.atTop() || this.notes.length > 0)) this.newPage();
    this.notes.push({ lines, height });
    this.notesHeight += height;
  }

  private flushNotes(): void {
    if (this.notes.length === 0) return;
    const doc = this.doc;
    let y = BODY_BOTTOM - this.notesHeight;
    doc.save();
    doc
      .moveTo(MARGIN_X, y - NOTE_RULE_SPACE / 2)
      .lineTo(MARGIN_X + 144, y - NOTE_RULE_SPACE / 2)
      .lineWidth(0.5)
      .strokeColor("#000000")
      .stroke();
    doc.fillColor("#000000");
    for (const note of this.notes) {
      for (const line of note.lines) {
        this.drawRuns(lineRuns(line), MARGIN_X, y, REGULAR, NOTE_SIZE);
        y += NOTE_LEADING;
      }
      y += NOTE_GAP;
    }
    doc.restore();
    this.notes = [];
    this.notesHeight = 0;
  }

  private columnWidths(rows: string[][], cols: number): number[] {
    if (cols === 1) return [CONTENT_W];
    if (cols <= 3) {
      const first = CONTENT_W * 0.6;
      return [first, ...Array.from({ length: cols - 1 }, () => (CONTENT_W - first) / (cols - 1))];
    }
    // four or more columns: share the width by content (water-filling), never below a minimum
    const minW = 36;
    const natural = Array.from({ length: cols }, (_, j) =>
      Math.max(
        minW,
        ...rows.map(
          (r) => this.m.width(toWinAnsi(fromSuperscript(r[j] ?? "")), REGULAR, TABLE_SIZE) + 2 * CELL_PAD_X,
        ),
      ),
    );
    const widths = new Array<number>(cols).fill(0);
    const order = natural.map((w, j) => ({ w, j })).sort((a, b) => a.w - b.w || a.j - b.j);
    let remaining = CONTENT_W;
    order.forEach(({ w, j }, k) => {
      const share = remaining / (cols - k);
      widths[j] = Math.min(w, share);
      remaining -= widths[j] ?? 0;
    });
    const used = widths.reduce((a, b) => a + b, 0);
    return widths.map((w) => (w * CONTENT_W) / used);
  }

  table(rows: string[][]): void {
    const cols = Math.max(...rows.map((r) => r.length));
    const widths = this.columnWidths(rows, cols);
    const xs: number[] = [];
    widths.reduce((x, w) => {
      xs.push(x);
      return x + w;
    }, MARGIN_X);
    if (!this.atTop()) this.y += 2;
    for (const row of rows) {
      const cells = Array.from({ length: cols }, (_, j) =>
        wrap(this.m, row[j] ?? "", (widths[j] ?? 0) - 2 * CELL_PAD_X, REGULAR, TABLE_SIZE),
      );
      const lineCount = Math.max(1, ...cells.map((c) => c.length));
      const padY = this.style.tightRows ? 0 : CELL_PAD_Y;
      const height = lineCount * TABLE_LEADING + 2 * padY;
      this.ensure(height); // a row is never split across pages
      const top = this.y;
      this.doc.save().lineWidth(0.5).strokeColor("#404040");
      cells.forEach((_, j) => {
        this.doc.rect(xs[j] ?? MARGIN_X, top, widths[j] ?? 0, height).stroke();
      });
      this.doc.restore();
      // every cell starts on the row's first baseline; long text wraps downwards inside its cell
      cells.forEach((lines, j) => {
        // Top-aligned, or centred in the row's height.
        const offset = this.style.middleCells ? ((lineCount - lines.length) * TABLE_LEADING) / 2 : 0;
        lines.forEach((line, i) => {
          const y = top + padY + offset + i * TABLE_LEADING;
          let x = (xs[j] ?? MARGIN_X) + CELL_PAD_X;
          const text = (row[j] ?? "").trim();
          if (this.style.figuresAlign && j > 0 && lines.length === 1 && FIGURE_TEXT.test(text)) {
            const room =
              (widths[j] ?? 0) - 2 * CELL_PAD_X - this.m.wordWidth(line.flat(), REGULAR, TABLE_SIZE);
            x += this.style.figuresAlign === "right" ? room : room / 2;
          }
          this.drawLine(line, x, y, REGULAR, TABLE_SIZE);
        });
      });
      this.y = top + height;
    }
    this.y += PARA_GAP + 2;
  }
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------
export async function renderReportPdf(
  text: string,
  options?: { title?: string; style?: RenderStyle },
): Promise<Buffer> {
  const area = reportArea(text);
  const firstLine = text
    .split(/\r?\n/)
    .map((l) => stripMarkdown(l).text.replace(/\t+/g, " "))
    .find((l) => l.length > 0);
  const title = toWinAnsi(options?.title ?? area ?? firstLine ?? "report").trim();
  const header = runningHeader(title, "colon");

  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    compress: false,
    info: {
      Title: header,
      Producer: "PDFKit",
      Creator: "yos-inspections render-pdf",
      CreationDate: FIXED_DATE,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolvePromise, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolvePromise(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const renderer = new Renderer(doc, title, options?.style);
  for (const block of parseBlocks(text, area)) {
    switch (block.kind) {
      case "para":
        renderer.paragraph(block.text, block.style);
        break;
      case "table":
        renderer.table(block.rows);
        break;
      case "footnote":
        renderer.footnote(block.text);
        break;
      case "pageBreak":
        renderer.pageBreak();
        break;
    }
  }
  renderer.finish();
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------
// CLI: render the whole corpus
// ---------------------------------------------------------------------------------------------
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const root = resolve(import.meta.dirname, "..");
  const corpusDir = join(root, "corpus");
  const outDir = resolve(process.argv[2] ?? join(root, "out", "pdf"));
  mkdirSync(outDir, { recursive: true });
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  for (const file of files) {
    const pdf = await renderReportPdf(readFileSync(join(corpusDir, file), "utf8"));
    const target = join(outDir, `${basename(file, ".txt")}.pdf`);
    writeFileSync(target, pdf);
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
    console.log(`${target}: ${pages} pages, ${pdf.length} bytes`);
  }
}
