// PDF reading through pdf-parse (pdf.js): lines rebuilt from the positions of the text items,
// so that the cells of one table row stay on one line (joined by a tab at a column gap), raised
// small digits become superscript footnote markers, and a paragraph wrapped over several
// lines becomes one line again, as in the text renderings. Every line keeps its page number.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import {
  FIGURE_CELL,
  figureOrRating,
  joinedByColumn,
  partsBesideFigures,
  rowsBySymmetry,
  runsOf,
} from "./centred-rows.js";
import { FIGURE_ROW_START } from "./facts.js";
import { NOTE_MARKED_RAISED } from "./footnotes.js";
import { type SourceLine, isFurniture } from "./normalise.js";
import { ReadError } from "./read.js";
import { OCR_MISREAD_MARKER, joinWrapped, noteSentenceGoesOn, ratingOnly, superscript } from "./text.js";

// pdf-parse runs pdfjs-dist's legacy build, which carries core-js. On Node 20 core-js replaces
// two built-ins for corner cases no report reaches: Array.prototype.push (arrays longer than
// 2^32 - 1) and JSON.parse (source text access). The replacements are JavaScript, several times
// slower, and apply to the whole thread: pdf.js's own work and every parser after it. The
// native ones are put back once pdf.js has loaded, its worker half (a second copy of core-js,
// otherwise loaded on first use) included; the features it adds, which Node 20 lacks, stay.
const nativePush = Array.prototype.push;
const nativeJsonParse = JSON.parse;
const { PDFParse } = await import("pdf-parse");
try {
  // The module pdf.js would load itself (it uses an already loaded one, globalThis.pdfjsWorker).
  const fromPdfParse = createRequire(import.meta.resolve("pdf-parse"));
  await import(pathToFileURL(fromPdfParse.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs")).href);
} catch {
  // Another layout of pdf-parse: pdf.js loads its worker itself, and runs slower.
}
Array.prototype.push = nativePush;
JSON.parse = nativeJsonParse;

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  /** Drawn in an OCR engine's invisible font: its words' widths are the engine's estimates. */
  ocr?: boolean;
}

/** What pdf.js tells of a font beside its text items. */
interface FontStyle {
  fontFamily?: string;
  ascent?: number;
  descent?: number;
}

/**
 * tesseract's invisible GlyphLessFont (ocrmypdf's PDFs, tesseract's own), as pdf.js describes it:
 * fixed pitch, ascent 1 em, no descent. Each word is stretched to the box the engine found for
 * it, with a space glyph after it, so words on a line stand 0.4-1.2 em apart (a table's columns
 * 1.8 em and more): wider than the word gap of a font's own widths.
 */
function isOcrFont(style: FontStyle | undefined): boolean {
  return (
    style?.fontFamily === "monospace" &&
    Math.abs((style.ascent ?? 0) - 1) < 0.01 &&
    Math.abs(style.descent ?? 1) < 0.01
  );
}
/** A word of an OCR text layer as a table's ruled border before it, its text, the border after it. */
const OCR_RULE = /^\s*([|¦]*)\s*(.*?)\s*([|¦]*)\s*$/;
/** The gap, in em, from which two words of an OCR text layer stand in different cells. */
const OCR_COLUMN_GAP = 1.5;

interface PositionedLine {
  y: number;
  size: number;
  text: string;
  hasCells: boolean;
  /** Left edge of the line's first item. */
  x: number;
  /** The line's cells (split at column gaps) with their left and right edges. */
  cells: Cell[];
  /**
   * How far the line's highest footnote marker stands above the text it follows: with automatic
   * line spacing (HTML, Word's "single") the marker pushes its line down by about as much.
   */
  markerRise: number;
  /**
   * The furthest the next line of the same block may stand below this one: one line's spacing,
   * with room for the type's unevenness (measureLineSpacing).
   */
  reach: number;
}

interface Cell {
  x: number;
  end: number;
  text: string;
}

function fontSize(item: TextItem): number {
  return Math.abs(item.transform[3] ?? 0) || item.height || 10;
}

/**
 * A justified line drawn a word at a time: its words are spread to fill the line, so the gaps
 * between them can be as wide as a column gap, but they are all the same width. The gaps of a
 * table row differ with its cells' lengths (and words inside a cell sit a space apart).
 */
function justified(ordered: TextItem[], size: number): boolean {
  const gaps: number[] = [];
  for (let k = 1; k < ordered.length; k++) {
    const prev = ordered[k - 1] as TextItem;
    const gap = ((ordered[k] as TextItem).transform[4] ?? 0) - ((prev.transform[4] ?? 0) + prev.width);
    // Glued items (a footnote marker, a change of font inside a word) are no word gaps.
    if (gap > 0.12 * size) gaps.push(gap);
  }
  if (gaps.length < 5) return false;
  // (Within a tenth of the type's size of each other: a browser's gap after a sentence's full
  // stop is half a point narrower than the line's others.)
  return Math.max(...gaps) - Math.min(...gaps) <= 0.1 * size && Math.max(...gaps) > 0.7 * size;
}

/**
 * A scanned page's OCR text, its words turned back level. A page scanned a little askew (half a
 * degree is common) is OCR'd line by line along the slope each line was found at: a row's words
 * then fall further from its first word's height with each word (7 points over a table's width
 * at 0.8 degrees), and its cells join the rows above or below. The page's tilt is the median
 * angle of the words written tilted; every word is turned back by it about the page's origin.
 */
function levelled(items: TextItem[]): TextItem[] {
  // (tesseract writes a line level where it found it nearly so: the lines it wrote tilted tell
  // the page's tilt, which the level ones' places share.)
  const ocr = items.filter((i) => i.ocr);
  const angles = ocr
    .filter((i) => (i.transform[1] ?? 0) !== 0)
    .map((i) => Math.atan2(i.transform[1] ?? 0, i.transform[0] ?? 1))
    .sort((a, b) => a - b);
  const tilt = angles[Math.floor(angles.length / 2)] ?? 0;
  // (Only a scan's slight tilt: text set at a right angle, a table's column headings turned up,
  // is another matter.)
  if (ocr.length < items.length / 2 || angles.length < 0.1 * ocr.length || Math.abs(tilt) > 0.1) return items;
  const [cos, sin] = [Math.cos(tilt), Math.sin(tilt)];
  return items.map((item) => {
    const [x, y] = [item.transform[4] ?? 0, item.transform[5] ?? 0];
    const transform = [...item.transform];
    transform[4] = x * cos + y * sin;
    transform[5] = y * cos - x * sin;
    return { ...item, transform };
  });
}

/** Text items of one page -> lines, top to bottom, cells separated by tabs. */
export function assembleLines(items: TextItem[]): PositionedLine[] {
  const visible = levelled(items.filter((i) => i.str.trim() !== ""));
  // Larger text first, so that a small raised figure (a footnote marker) finds the line it
  // belongs to rather than starting a line of its own.
  const bySize = [...visible].sort(
    (a, b) => fontSize(b) - fontSize(a) || (b.transform[5] ?? 0) - (a.transform[5] ?? 0),
  );
  const rows: { y: number; size: number; items: TextItem[] }[] = [];
  for (const item of bySize) {
    const y = item.transform[5] ?? 0;
    const size = fontSize(item);
    const row =
      rows.find((r) => Math.abs(r.y - y) <= Math.max(2, 0.45 * Math.max(r.size, size))) ??
      rows.find(
        (r) =>
          size < 0.8 * r.size && y - r.y >= 0 && y - r.y <= 0.75 * r.size && /^\s*\d{1,3}\s*$/.test(item.str),
      );
    if (row) row.items.push(item);
    else rows.push({ y, size, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  // The page's body text size: a line of nothing but small digits is a footnote marker that a
  // wrapped cell pushed onto a line of its own ("... per 100,000 in Kirklees" / "6").
  const sizes = visible.map(fontSize).sort((a, b) => a - b);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 0;
  // Cells by the gaps between items; then, for a table's rows, by its columns too (below).
  const segment = (
    row: (typeof rows)[number],
    columns?: { starts: (x: number) => boolean },
  ): PositionedLine => {
    const ordered = row.items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
    const markersOnly = ordered.every((i) => /^\s*\d{1,3}\s*$/.test(i.str) && fontSize(i) < 0.8 * bodySize);
    const columnGap = ordered.every((i) => i.ocr)
      ? OCR_COLUMN_GAP * row.size
      : justified(ordered, row.size)
        ? Number.POSITIVE_INFINITY
        : 0.7 * row.size;
    const cells: Cell[] = [];
    let end: number | null = null;
    let before: TextItem | null = null;
    let markerRise = 0;
    // An OCR engine reads a table's ruled border as a letter ("|", or glued to a figure: "|5"):
    // it is the edge of a cell, no text.
    let ruled = false;
    for (const item of ordered) {
      const x = item.transform[4] ?? 0;
      const size = fontSize(item);
      const rule = item.ocr ? OCR_RULE.exec(item.str) : null;
      if (rule && !rule[2]) {
        ruled = true;
        continue;
      }
      // A footnote marker's small digits read as a symbol ("Croydon ©", "safe? \"", "(FTE) *\""):
      // its number cannot be told, and it is no part of the text.
      if (item.ocr && end !== null && OCR_MISREAD_MARKER.test(item.str.trim())) continue;
      // Raised above the text it follows (a row's cells need not share a baseline: a figure
      // cell's may sit a little higher than its label's) or, first on its line, above the line.
      const follows = before;
      const rise = (item.transform[5] ?? 0) - (follows?.transform[5] ?? row.y);
      const raised = rise > 0.2 * row.size;
      before = item;
      let str = rule ? (rule[2] as string) : item.str;
      // A marker beside a figure centred lower in its row is not raised above the row's line; its
      // size, well below the body's, tells it (a table cell of its own, never a figure: figures
      // are printed at the body's size).
      const smallAlone = size < 0.8 * bodySize && size < 0.8 * row.size;
      // Raised digits need be only a little smaller: HTML's <sup> prints at five sixths of its
      // line's size (Word's superscripts at about two thirds).
      if (((size < 0.9 * row.size && raised) || markersOnly || smallAlone) && /^\d{1,3}$/.test(str.trim())) {
        str = superscript(str.trim());
        // (A marker that begins its line numbers a footnote: it starts a block, never carries one on.)
        if (raised && follows) markerRise = Math.max(markerRise, rise);
      }
      const cell = cells[cells.length - 1];
      const gap = end === null ? 0 : x - end;
      let newCell = !cell || end === null || gap > columnGap || ruled || (rule?.[1] ?? "") !== "";
      ruled = (rule?.[3] ?? "") !== "";
      if (columns && cell && end !== null) {
        // A word in a cell where the table's other rows start a column, after a word gap
        // ("and" / "Unknown" in narrow columns, a little closer than a column gap), starts a cell;
        // a word in lower case that starts no column of the other rows carries on the cell
        // before it (a justified cell's line: "Black          and").
        if (!newCell && gap > 0.25 * row.size && columns.starts(x)) newCell = true;
        else if (
          newCell &&
          gap < 4 * row.size &&
          /[a-z,]$/i.test(cell.text.trim()) &&
          /^[a-z]{2,}\b/.test(str) &&
          !/^(?:n\/a|https?:|www\.)/i.test(str) &&
          !columns.starts(x)
        )
          newCell = false;
      }
      if (newCell || !cell) {
        cells.push({ x, end: x + item.width, text: str.trimStart() });
      } else {
        if (gap > 0.12 * row.size && !cell.text.endsWith(" ") && !str.startsWith(" ")) cell.text += " ";
        cell.text += str;
        cell.end = x + item.width;
      }
      end = x + item.width;
    }
    return {
      y: row.y,
      size: row.size,
      text: cells.map((c) => c.text).join("\t"),
      hasCells: cells.length > 1,
      x: cells[0]?.x ?? 0,
      cells,
      markerRise,
      reach: SINGLE_SPACING * row.size,
    };
  };
  const lines = rows.map((row) => segment(row));
  // A table's columns: where the rows around a row (four above, four below) start their cells.
  // Only rows of cells are read again, and a column must start on two of those rows, to the
  // point: prose is left as it is, and so are figures set right in their cells (no two start
  // alike).
  return lines.map((line, r) => {
    if (!line.hasCells) return line;
    const around = [...lines.slice(Math.max(0, r - 4), r), ...lines.slice(r + 1, r + 5)].filter(
      (l) => l.hasCells,
    );
    const starts = (x: number) =>
      around.filter((l) => l.cells.some((c, k) => k > 0 && Math.abs(c.x - x) <= 0.75)).length >= 2;
    return segment(rows[r] as (typeof rows)[number], { starts });
  });
}

/** A line's spacing at most, as a multiple of its type's size, where nothing else is known: single spacing. */
const SINGLE_SPACING = 1.45;

/**
 * The document's line spacing for each type size, measured where a line carries on the sentence
 * of the line above it in the same column (no sentence, figure or rating ends the upper one; the
 * lower starts in lower case): a document set at one and a half lines, or a table's text at the
 * spacing of the prose beside it, spaces its lines further apart than single spacing, and its
 * wrapped cells and paragraphs would otherwise come apart line by line. Each line's `reach`
 * becomes a little over its size's spacing, never less than single spacing allows.
 */
export function measureLineSpacing(pages: PositionedLine[][]): void {
  const spacings = new Map<number, number[]>();
  for (const lines of pages)
    lines.forEach((line, i) => {
      const cell = line.cells[0];
      if (!cell || /[.?!:;]["”’')]*$|\d%?$/.test(cell.text.trim())) return;
      for (let j = i + 1; j < lines.length; j++) {
        const below = lines[j] as PositionedLine;
        const spacing = line.y - below.y;
        if (spacing > 3 * line.size) break;
        const next = below.cells.find((c) => Math.abs(c.x - cell.x) <= 1);
        if (!next) continue;
        if (Math.abs(below.size - line.size) < 0.5 && /^[a-z]/.test(next.text) && spacing > 0.9 * line.size) {
          const size = Math.round(line.size * 2) / 2;
          const measured = spacings.get(size);
          if (measured) measured.push(spacing);
          else spacings.set(size, [spacing]);
        }
        break;
      }
    });
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const measured = [...spacings].filter(([, values]) => values.length >= 3);
  // A size too rare to measure takes the spacing of the document's most measured size, in proportion.
  const [commonSize, commonSpacings] = measured.sort((a, b) => b[1].length - a[1].length)[0] ?? [0, []];
  const pitch = new Map(measured.map(([size, values]) => [size, median(values)]));
  const perPoint = commonSize > 0 ? median(commonSpacings) / commonSize : 0;
  for (const lines of pages)
    for (const line of lines) {
      const size = Math.round(line.size * 2) / 2;
      const spacing = pitch.get(size) ?? perPoint * size;
      line.reach = Math.max(SINGLE_SPACING * line.size, 1.12 * spacing);
    }
}

/** The size of half the document's characters or more: its prose's, however many short table lines. */
function bodySize(pages: PositionedLine[][]): number {
  const bySize = new Map<number, number>();
  let characters = 0;
  for (const lines of pages)
    for (const line of lines) {
      bySize.set(line.size, (bySize.get(line.size) ?? 0) + line.text.length);
      characters += line.text.length;
    }
  let seen = 0;
  for (const [size, count] of [...bySize].sort((a, b) => a[0] - b[0])) {
    seen += count;
    if (seen >= characters / 2) return size;
  }
  return 10;
}

/**
 * Next lines of one block of text: one line's spacing apart (a cell's wrapped lines, however far
 * a footnote marker pushed the lower one down), same size.
 */
function close(above: PositionedLine, below: PositionedLine): boolean {
  const spacing = above.y - below.y;
  return (
    spacing > 0 &&
    spacing <= Math.max(above.reach, below.reach) + below.markerRise &&
    Math.abs(above.size - below.size) < 0.5
  );
}

/** No cell of `cells` stands over or under a cell of `line`. */
function clearOf(cells: Cell[], line: PositionedLine): boolean {
  return cells.every((c) => line.cells.every((d) => c.end + 1 < d.x || d.end + 1 < c.x));
}

function withCells(line: PositionedLine, cells: Cell[]): PositionedLine {
  const sorted = [...cells].sort((a, b) => a.x - b.x);
  return {
    ...line,
    cells: sorted,
    text: sorted.map((c) => c.text).join("\t"),
    hasCells: sorted.length > 1,
    x: sorted[0]?.x ?? line.x,
  };
}

/**
 * A table cell centred vertically beside a taller one (a percentage beside a question wrapped
 * over two or more lines) is printed halfway down the row: on a line of the taller cell, or
 * between two of them. It is moved up to the row's first line, where a top-aligned cell stands,
 * so that the row's cells share a line. The row's first line is found by symmetry: a centred
 * cell has as many lines of the taller cell above it as below it (the row above may continue
 * the column at the same spacing when the table has no cell padding).
 */
export function alignCellsToTop(input: PositionedLine[]): PositionedLine[] {
  const lines = rowsByCentredFigures(input);
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i] as PositionedLine;
    const above = lines[i - 1] as PositionedLine;
    const below = lines[i + 1] as PositionedLine;
    if (!close(above, line) || !close(line, below)) continue;
    const lone = line.cells.filter((c) => clearOf([c], above) && clearOf([c], below));
    if (lone.length === 0) continue;
    const rest = line.cells.filter((c) => !lone.includes(c));
    // The taller cell's lines: each carries on the text of the one above it.
    const here = rest.length > 0 ? withCells(line, rest) : null;
    let down = 0;
    let upper = here ?? above;
    for (let j = i + 1; j < lines.length; j++) {
      const lower = lines[j] as PositionedLine;
      if (!close(upper, lower) || !clearOf(lone, lower) || !continuesRow(upper, lower)) break;
      down++;
      upper = lower;
    }
    let up = 0;
    let lower = here;
    for (let j = i - 1; j >= 0; j--) {
      const l = lines[j] as PositionedLine;
      if (!clearOf(lone, l) || (lower && (!close(l, lower) || !continuesRow(l, lower)))) break;
      up++;
      lower = l;
    }
    // Centred: as many lines above as below. (Top-aligned has none above: nothing to move.)
    if (down < 1 || up < down) continue;
    const top = i - down;
    // The row stands apart from its neighbours: by space (cell padding), or, in a table without
    // it (a row's wrapped lines and the next row spaced alike), by its text: the line above its
    // first starts no cell this row carries on, nor does the line below its last carry it on.
    // Otherwise a figure on a row's first line could look centred in a row begun a line earlier.
    // (Only a figure or a rating moves so: a lone word may be a wrapped cell's piece.)
    const bottom = i + down;
    const first = lines[top] as PositionedLine;
    const last = lines[bottom] as PositionedLine;
    const before = lines[top - 1];
    const after = lines[bottom + 1];
    const tight = (before && close(before, first)) || (after && close(last, after));
    // A figure between two lines of text, not on either, is centred in a row of an even number of
    // lines; a neighbour holding a figure of its own in that column is then a row of its own (a
    // row has one cell a column): "Total headcount ... (FTE)  7.8" above "Vacancy rate (total
    // unfilled posts ..." / "0%" / "headcount)". (A figure on a line of text may be a top-aligned
    // row's first line: then the neighbour's figure says nothing.)
    const ownFigure = (l: PositionedLine) =>
      here === null &&
      lone.every((c) =>
        l.cells.some((d) => Math.min(d.end, c.end) > Math.max(d.x, c.x) && FIGURE_CELL.test(d.text.trim())),
      );
    if (
      tight &&
      (!lone.every((c) => figureOrRating(c.text)) ||
        (before && close(before, first) && continuesRow(before, first) && !ownFigure(before)) ||
        (after && close(last, after) && continuesRow(last, after) && !ownFigure(after)))
    )
      continue;
    lines[top] = withCells(lines[top] as PositionedLine, [...(lines[top] as PositionedLine).cells, ...lone]);
    if (here) lines[i] = here;
    else {
      lines.splice(i, 1);
      i--;
    }
  }
  return lines;
}

/**
 * A table without cell padding whose figures are centred vertically beside wrapped labels: its
 * rows are spaced like a label's own lines, so neither space nor text tells where one row ends
 * ("... in England and Wales" / "Total population ..."). Symmetry does: a row's figures stand at
 * its middle, so from the first line of the run each figure fixes where its row ends (as far
 * below the figure as the row's start is above it), and the next row starts on the line after.
 * Rows without a figure (a title, a key question heading its prompts) may stand between. A run
 * whose figures, so read, give whole rows that end on the run's last line and meet where the text
 * allows, with proof that the figures are centred (one between two lines; or, every row with its
 * figure, the run's first line without one: top-aligned figures stand on their rows' first lines),
 * becomes one line a row: the label's lines joined, the figures beside. Anything else is left as
 * it was. A run is lines one line's spacing apart, cut at any line whose text stands in a figure's
 * column (prose, a heading row). A rating alone in its cell is centred as a figure is (the ratings
 * table: "2.3" and "Good" beside "Implementation and" / "delivery").
 */
function rowsByCentredFigures(input: PositionedLine[]): PositionedLine[] {
  return runsOf(input, close).flatMap((run) =>
    partsBesideFigures(run, (l) => l.cells).flatMap((part) => centredRows(part) ?? part),
  );
}

/** The rows of a run read by the symmetry of its centred figures; null when they do not fit. */
function centredRows(run: PositionedLine[]): PositionedLine[] | null {
  const isFigure = (c: Cell) => figureOrRating(c.text);
  const textLines = run.filter((l) => l.cells.some((c) => !isFigure(c)));
  const figureLines = run.filter((l) => l.cells.some(isFigure));
  if (textLines.length < 3 || figureLines.length < 2) return null;
  // The labels' lines, evenly spaced: positions 0, 1, 2 ... in units of that spacing.
  const top = (textLines[0] as PositionedLine).y;
  const spacings = textLines.slice(1).map((l, k) => (textLines[k] as PositionedLine).y - l.y);
  const lead = [...spacings].sort((a, b) => a - b)[Math.floor(spacings.length / 2)] as number;
  if (spacings.some((s) => Math.abs(s - lead) > 0.15 * lead)) return null;
  // Each figure line's position in half lines.
  const middles: number[] = [];
  for (const line of figureLines) {
    const at = (2 * (top - line.y)) / lead;
    const middle = Math.round(at);
    if (Math.abs(at - middle) > 0.3) return null;
    middles.push(middle);
  }
  const labels = textLines.map((l) =>
    l.cells
      .filter((c) => !isFigure(c))
      .map((c) => c.text.trim())
      .join(" "),
  );
  const rows = rowsBySymmetry(labels, middles, (textLines[0] as PositionedLine).cells.some(isFigure));
  if (!rows) return null;
  return rows.map(({ from, to, group }) => {
    const cells = joinedByColumn(
      textLines.slice(from, to + 1).flatMap((line) => line.cells.filter((d) => !isFigure(d))),
    );
    const figures = group === null ? [] : (figureLines[group] as PositionedLine).cells.filter(isFigure);
    return withCells(textLines[from] as PositionedLine, [...cells, ...figures]);
  });
}

/**
 * `piece`, on the next line in the same column, carries on the text of `cell` rather than start
 * a new row: it runs on in lower case, or follows a cell that ends no question, sentence, figure
 * or rating. (In a table without cell padding a row's wrapped line and the next row are spaced
 * alike; only the text tells them apart.)
 */
function continuesCell(cell: string, piece: string): boolean {
  // A percentage wrapped in a narrow column: "100" / "%".
  if (piece.trim() === "%") return /\d$/.test(cell.trim());
  // A prompt's letter ("b) Does..."), a row's number ("1.", "2.1"), a figure, a rating: a new row.
  if (/^[a-z]\)/.test(piece) || /^\d+(?:\.\d+)*\.?(?:\s|$)/.test(piece)) return false;
  if (FIGURE_CELL.test(piece) || ratingOnly(piece) !== null) return false;
  if (/^[a-z(]/.test(piece)) return true;
  const text = cell.trim();
  return !/[?.:;!]$|\d\s*%$/.test(text) && !FIGURE_CELL.test(text) && ratingOnly(text) === null;
}

/** Every cell of `lower` stands under a cell of `upper` and carries on its text. */
function continuesRow(upper: PositionedLine, lower: PositionedLine): boolean {
  return lower.cells.every((c) => {
    const cell = upper.cells.find((d) => Math.abs(d.x - c.x) <= 2);
    return cell !== undefined && continuesCell(cell.text, c.text);
  });
}

/**
 * Re-join a paragraph wrapped over several lines: a line without cells continues the one
 * before when it follows at single line spacing and the one before does not end a sentence
 * block (a heading, a table row, a list item ending).
 */
export function joinParagraphs(
  lines: PositionedLine[],
): { text: string; first: number; last: PositionedLine }[] {
  const out: { first: number; last: PositionedLine; cells: Cell[] }[] = [];
  // A line wraps where the next line's first word would not have fitted after it, however few
  // its characters (a narrow page, a large type: 60 characters is most of an A4 line, not of an
  // A5 one). The page's right margin is where its longest lines end.
  const endOf = (l: PositionedLine) => l.cells[l.cells.length - 1]?.end ?? l.x;
  const right = Math.max(...lines.map(endOf));
  const wrapsBefore = (above: PositionedLine, below: PositionedLine) => {
    const text = below.text.trim();
    const perChar = (endOf(below) - below.x) / Math.max(1, text.length);
    const word = text.split(/\s/)[0] ?? "";
    return endOf(above) + perChar * (word.length + 1) > right - perChar;
  };
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    if (prev) {
      const next = close(prev.last, line);
      if (prev.cells.length > 1 && next) {
        // A table cell whose text wraps: each piece of this line continues the cell it stands in.
        const targets = line.cells.map((c) => prev.cells.findIndex((p) => Math.abs(p.x - c.x) <= 2));
        // Each piece carries on the text just above it (not a new row, spaced alike without padding).
        if (targets.every((t) => t >= 0) && continuesRow(prev.last, line)) {
          line.cells.forEach((c, k) => {
            const cell = prev.cells[targets[k] as number] as { text: string };
            const piece = c.text.trim();
            cell.text = piece === "%" ? `${cell.text.trimEnd()}%` : joinWrapped(cell.text, piece);
          });
          prev.last = line;
          return;
        }
      }
      // (A list's item; or, after a figure-and-label row whose cells a narrow gap left one run of
      // text, the next such row: "215,052 Total population ..." / "19,364 Total youth ...". A
      // sentence may wrap before a number: "... Excel etc). All" / "11 YJS staff ...".)
      const startsItem =
        /^(?:[-•]\s|\d{1,2}\.\s|[a-z]\)\s)/.test(line.text.trim()) ||
        (FIGURE_ROW_START.test(line.text.trim()) && FIGURE_ROW_START.test(prev.last.text.trim()));
      const prevText = prev.cells.map((c) => c.text).join("\t");
      // (A page number centred under a paragraph's last line, at one and a half lines' spacing,
      // is no part of it: a paragraph's wrapped line starts where the line above did, or under a
      // list item's text.)
      const underneath =
        !/^\d{1,4}$/.test(line.text.trim()) ||
        (line.x >= prev.last.x - 2 && line.x <= prev.last.x + 3 * line.size);
      if (
        prev.cells.length === 1 &&
        !line.hasCells &&
        next &&
        underneath &&
        !startsItem &&
        (prevText.length > 60 || wrapsBefore(prev.last, line))
      ) {
        (prev.cells[0] as { text: string }).text = joinWrapped(prevText, line.text.trim()).replace(
          /\s+$/,
          "",
        );
        prev.last = line;
        return;
      }
    }
    out.push({ first: i, last: line, cells: line.cells.map((c) => ({ ...c })) });
  });
  return out.map(({ cells, first, last }) => ({ text: cells.map((c) => c.text).join("\t"), first, last }));
}

/**
 * A note in small print whose number is printed at the note's own size, set off by a tab or a
 * space (a word processor's footnote area: "15<tab>Planning was judged ..."), numbered as a
 * raised marker would number it, as the notes of the text renderings are. (OCR may read the
 * number with a full stop after it: "1.<tab>The rating for ...".)
 */
function withRaisedNumber(note: string): string {
  const number = /^(\d{1,3})(?:\.?\t|\s+(?=["“‘'(]?\p{Lu}))/u.exec(note);
  if (!number?.[1]) return note;
  return `${superscript(number[1])} ${note.slice(number[0].length).trimStart()}`;
}

/**
 * Whether a page's first note, unnumbered, carries on the last note of the page before: that
 * note stops short of a sentence's end, and this goes on in lower case or it stopped on a joining
 * word.
 */
function noteGoesOn(note: string, next: string): boolean {
  return !numbered(next) && noteSentenceGoesOn(note.trimEnd(), next.trim());
}

/** A note's own number opening it, raised (as the text notes mark one) or not. */
const numbered = (note: string) => NOTE_MARKED_RAISED.test(note) || /^\s*\d/.test(note);

interface LoadedPdf {
  numPages: number;
  getPage(n: number): Promise<{
    getTextContent(): Promise<{ items: unknown[]; styles?: Record<string, FontStyle> }>;
    cleanup(): boolean;
  }>;
}

/** The PDF's text a line a paragraph or table row, with its page (see pdfText). */
export async function pdfSourceLines(file: string, bytes: Buffer): Promise<SourceLine[]> {
  return (await pdfText(file, bytes)).lines;
}

/**
 * The PDF's text a line a paragraph or table row, and the pages inside it (not the first or the
 * last, a cover's picture) that print no text but their running header or page number: pictures
 * of pages (a scanned annex, an infographic), whose values the record then lacks.
 */
export async function pdfText(
  file: string,
  bytes: Buffer,
): Promise<{ lines: SourceLine[]; pages: number; pagesWithoutText: number[] }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    // pdf-parse loads the document with its Node set-up of pdf.js; we read the positioned items.
    const load = (parser as unknown as { load?: () => Promise<LoadedPdf> }).load;
    if (typeof load !== "function")
      throw new Error("this pdf-parse version does not expose the loaded document");
    const doc = await load.call(parser);
    const lines: SourceLine[] = [];
    // Footnotes (small print at a page's foot) wait until the paragraph a page break cut in
    // two has been joined again.
    type Footnote = { text: string; page: number; at?: SourceLine; last: PositionedLine };
    let footnotes: Footnote[] = [];
    // The last note read, which a page's first note may carry on (written, or waiting).
    let lastNote: Footnote | null = null;
    // The last paragraph written (page furniture passed over) and its source line.
    type Written = { text: string; page: number; cells: boolean; at: SourceLine };
    let last: Written | null = null;
    const emit = (text: string, page: number) => lines.push({ line: lines.length + 1, page, raw: text });
    const flushNotes = () => {
      for (const f of footnotes) {
        emit(f.text, f.page);
        f.at = lines[lines.length - 1] as SourceLine;
      }
      footnotes = [];
    };
    const pages: PositionedLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      // Fonts and operator lists of a page read are not needed again (pdf-parse does the same).
      page.cleanup();
      const items = content.items.filter(
        (i): i is TextItem & { fontName?: string } => typeof (i as TextItem).str === "string",
      );
      const ocrFonts = new Set(
        Object.entries(content.styles ?? {})
          .filter(([, style]) => isOcrFont(style))
          .map(([name]) => name),
      );
      if (ocrFonts.size > 0) for (const item of items) item.ocr = ocrFonts.has(item.fontName ?? "");
      pages.push(assembleLines(items));
    }
    measureLineSpacing(pages);
    // Small print, below the body text's size, is a footnote. The body's size is the document's,
    // not the page's: on a page of tables, set smaller than the prose, notes would look like text.
    const body = bodySize(pages);
    const pagesWithoutText: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const positioned = alignCellsToTop(pages[n - 1] as PositionedLine[]);
      let first = true;
      let firstNote = true;
      let text = false;
      for (const para of joinParagraphs(positioned)) {
        const line = positioned[para.first] as PositionedLine;
        if (line.size < 0.8 * body) {
          text = true;
          // A note too long for its page goes on at the head of the next page's notes, below its
          // text, unnumbered ("... for a more detailed" / "explanation."), as word processors set
          // it (not a running header in small print at the page's head). Joined here, by its print,
          // before the normaliser joins a row the page break cut ("... to promote the | 8 | 4" /
          // "safety and wellbeing of the child?"), which the line would stand between;
          // notesCarriedOver does it for texts, by their lines alone. A note's next sentence
          // on the line straight below is the note's too ("14 | Data supplied ... announcement." /
          // "This may be inaccurate.", its first line a row of two cells).
          const goesOn = firstNote
            ? !first && lastNote?.page === n - 1 && noteGoesOn(lastNote.text, para.text)
            : lastNote?.page === n && close(lastNote.last, line) && !numbered(para.text);
          if (goesOn && lastNote) {
            lastNote.text = joinWrapped(lastNote.text, para.text.trim());
            lastNote.last = para.last;
            if (lastNote.at) lastNote.at.raw = lastNote.text;
            firstNote = false;
            continue;
          }
          firstNote = false;
          lastNote = { text: withRaisedNumber(para.text), page: n, last: para.last };
          footnotes.push(lastNote);
          continue;
        }
        // (The page's running header and the page number before it are furniture, not the
        // paragraph a page break cut in two.)
        const furniture = isFurniture(line.cells.length > 0 ? [para.text] : [], para.text.trim());
        const continues =
          first &&
          !furniture &&
          last !== null &&
          !last.cells &&
          !line.hasCells &&
          last.page === n - 1 &&
          !/[.:;?!"”')]\s*$/.test(last.text) &&
          /^[a-z(]/.test(para.text.trim());
        if (!furniture) {
          first = false;
          text = true;
        }
        const before = last as Written | null;
        if (continues && before) {
          before.at.raw = joinWrapped(before.at.raw, para.text.trim());
          last = { text: before.at.raw, page: n, cells: false, at: before.at };
          continue;
        }
        flushNotes();
        emit(para.text, n);
        if (!furniture)
          last = {
            text: para.text,
            page: n,
            cells: line.hasCells,
            at: lines[lines.length - 1] as SourceLine,
          };
      }
      if (!text && n > 1 && n < doc.numPages) pagesWithoutText.push(n);
    }
    flushNotes();
    const noText = noTextReason(lines, doc.numPages);
    if (noText) throw new ReadError("E_NO_TEXT", file, noText);
    return { lines, pages: doc.numPages, pagesWithoutText };
  } catch (err) {
    if (err instanceof ReadError) throw err;
    const name = (err as Error).name ?? "";
    if (/Password/i.test(name)) throw new ReadError("E_PDF_ENCRYPTED", file, "the PDF is password-protected");
    throw new ReadError("E_PDF_CORRUPT", file, `the PDF cannot be parsed (${(err as Error).message})`);
  } finally {
    await parser.destroy();
  }
}

const LEGIBLE = /[\p{L}\p{N}]/gu;
/**
 * What pdf.js gives for a glyph its font does not map to Unicode: the glyph's number as a
 * control character (not the tab that parts cells), or U+FFFD. (Not the private-use code points:
 * Word's bullets in its Symbol font read as U+F0B7, and are no loss.)
 */
const UNDECODED = /(?![\t\n\v\f\r])[\p{Cc}\uFFFD]/gu;
const undecodedIn = (raw: string) => raw.match(UNDECODED)?.length ?? 0;

/**
 * The lines with each glyph its font does not map to text written U+FFFD, as a character not known
 * is marked everywhere else (no control characters reach the database), and how many lines and
 * glyphs there were.
 */
export function withUndecodedGlyphsMarked(lines: SourceLine[]): {
  lines: SourceLine[];
  undecoded: { lines: number; glyphs: number };
} {
  let count = 0;
  let glyphs = 0;
  const marked = lines.map((l) => {
    const n = undecodedIn(l.raw);
    if (n === 0) return l;
    count++;
    glyphs += n;
    return { ...l, raw: l.raw.replace(UNDECODED, "\uFFFD") };
  });
  return { lines: marked, undecoded: { lines: count, glyphs } };
}

/**
 * Why a PDF has no text to read, or null when it has. Pages that are pictures of text (a scan, a
 * printout photographed) leave next to nothing (a report holds some 2,500 letters a page); so
 * does a text layer in fonts embedded without a map to Unicode (an OCR layer whose map a tool
 * dropped), whose glyphs read as their numbers. Letters and digits are counted, not characters.
 */
export function noTextReason(lines: readonly { raw: string }[], pages: number): string | null {
  let legible = 0;
  for (const { raw } of lines) {
    legible += raw.match(LEGIBLE)?.length ?? 0;
    if (legible >= 5 * pages) return null;
  }
  if (legible >= 5 * pages) return null; // no pages
  const undecoded = lines.reduce((n, { raw }) => n + undecodedIn(raw), 0);
  const held = `the PDF's ${pages === 1 ? "one page holds" : `${pages} pages hold`} ${legible} ${legible === 1 ? "letter or digit" : "letters or digits"}`;
  return undecoded > legible
    ? `${held} and ${undecoded} characters its fonts do not map to text: a text layer in fonts embedded without a map to Unicode, no text to read (ocrmypdf replaces such a layer with --force-ocr)`
    : `${held}: pictures of pages (a scan?), no text to read`;
}
