// PDF reading through pdf-parse (pdf.js): lines rebuilt from the positions of the text items,
// so that the cells of one table row stay on one line (joined by a tab at a column gap), raised
// small digits become superscript footnote markers, and a paragraph wrapped over several
// lines becomes one line again, as in the text renderings. Every line keeps its page number.
import { PDFParse } from "pdf-parse";
import type { SourceLine } from "./normalise.js";
import { ReadError } from "./read.js";

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface PositionedLine {
  y: number;
  size: number;
  text: string;
  hasCells: boolean;
  /** Left edge of the line's first item. */
  x: number;
}

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

function fontSize(item: TextItem): number {
  return Math.abs(item.transform[3] ?? 0) || item.height || 10;
}

/** Text items of one page -> lines, top to bottom, cells separated by tabs. */
export function assembleLines(items: TextItem[]): PositionedLine[] {
  const visible = items.filter((i) => i.str.trim() !== "");
  const sorted = [...visible].sort((a, b) => (b.transform[5] ?? 0) - (a.transform[5] ?? 0));
  const rows: { y: number; size: number; items: TextItem[] }[] = [];
  for (const item of sorted) {
    const y = item.transform[5] ?? 0;
    const size = fontSize(item);
    const row = rows.find((r) => Math.abs(r.y - y) <= Math.max(2, 0.45 * Math.max(r.size, size)));
    if (row) {
      row.items.push(item);
      // The row's baseline and size are those of its main (largest) text, not of a superscript.
      if (size > row.size) {
        row.size = size;
        row.y = y;
      }
    } else rows.push({ y, size, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows.map((row) => {
    const ordered = row.items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
    let text = "";
    let end: number | null = null;
    let hasCells = false;
    for (const item of ordered) {
      const x = item.transform[4] ?? 0;
      const size = fontSize(item);
      const raised = (item.transform[5] ?? 0) - row.y > 0.2 * row.size;
      let str = item.str;
      if (size < 0.8 * row.size && raised && /^\d{1,3}$/.test(str.trim())) {
        str = [...str.trim()].map((c) => SUPERSCRIPT[c] ?? c).join("");
      }
      if (end !== null) {
        const gap = x - end;
        if (gap > 1.2 * row.size) {
          text += "\t";
          hasCells = true;
        } else if (gap > 0.12 * row.size && !text.endsWith(" ") && !str.startsWith(" ")) text += " ";
      }
      text += str;
      end = x + item.width;
    }
    return { y: row.y, size: row.size, text, hasCells, x: ordered[0]?.transform[4] ?? 0 };
  });
}

/**
 * Re-join a paragraph wrapped over several lines: a line without cells continues the one
 * before when it follows at single line spacing and the one before does not end a sentence
 * block (a heading, a table row, a list item ending).
 */
export function joinParagraphs(lines: PositionedLine[]): { text: string; first: number }[] {
  const out: { text: string; first: number; last: PositionedLine }[] = [];
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    if (prev && !line.hasCells && !prev.last.hasCells) {
      const spacing = prev.last.y - line.y;
      const tight = spacing > 0 && spacing <= 1.45 * Math.max(prev.last.size, line.size);
      const sameSize = Math.abs(prev.last.size - line.size) < 0.5;
      const startsItem = /^(?:[-•]\s|\d{1,2}\.\s|[a-z]\)\s)/.test(line.text.trim());
      if (tight && sameSize && !startsItem && prev.text.length > 60) {
        prev.text = `${prev.text.replace(/-$/, "-")} ${line.text.trim()}`.replace(/\s+$/, "");
        prev.last = line;
        return;
      }
    }
    out.push({ text: line.text, first: i, last: line });
  });
  return out.map(({ text, first }) => ({ text, first }));
}

interface LoadedPdf {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }> }>;
}

export async function pdfSourceLines(file: string, bytes: Buffer): Promise<SourceLine[]> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    // pdf-parse loads the document with its Node set-up of pdf.js; we read the positioned items.
    const load = (parser as unknown as { load?: () => Promise<LoadedPdf> }).load;
    if (typeof load !== "function")
      throw new Error("this pdf-parse version does not expose the loaded document");
    const doc = await load.call(parser);
    const lines: SourceLine[] = [];
    let lineNo = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const positioned = assembleLines(
        content.items.filter((i): i is TextItem => typeof (i as TextItem).str === "string"),
      );
      for (const para of joinParagraphs(positioned)) {
        lineNo++;
        lines.push({ line: lineNo, page: n, raw: para.text });
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
