// A scanned report made readable as a user would make it: each page rasterised (poppler's
// pdftoppm, 300 dpi, as a scanner gives it) and read by tesseract, which writes a PDF of the page
// images with its text in an invisible font (GlyphLessFont). ocrmypdf, which E_NO_TEXT points
// users to, writes the same text layer: it runs tesseract's PDF renderer by default.
//
//   npx tsx scripts/ocr-pdf.ts <in.pdf> <out.pdf> [first last]
//     needs Debian's poppler-utils (pdftoppm) and tesseract-ocr
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pdfSourceLines } from "../parsers/pdf.js";

/** The text of each page of a PDF as this project's reader reads it, page 1 first. */
export async function pageTexts(pdf: Buffer): Promise<string[]> {
  const pages: string[] = [];
  for (const line of await pdfSourceLines("(pages)", pdf)) {
    const k = (line.page ?? 1) - 1;
    pages[k] = `${pages[k] ?? ""}${line.raw}\n`;
  }
  return Array.from(pages, (text) => text ?? "");
}

/** The given pages (1-based; all when none given) scanned and OCR'd into one PDF. */
export function ocrPdf(pdf: Buffer, pages?: number[]): Buffer {
  const work = mkdtempSync(join(tmpdir(), "yos-ocr-"));
  try {
    const file = join(work, "in.pdf");
    writeFileSync(file, pdf);
    // (Every page where none are named: pdftoppm's default.)
    for (const page of pages ?? [null]) {
      const range = page === null ? [] : ["-f", String(page), "-l", String(page)];
      execFileSync("pdftoppm", ["-r", "300", ...range, "-png", file, join(work, `page-${page ?? "all"}`)]);
    }
    const images = readdirSync(work)
      .filter((f) => f.endsWith(".png"))
      .map((f) => join(work, f))
      .sort((a, b) => pageNumber(a) - pageNumber(b));
    writeFileSync(join(work, "pages.txt"), `${images.join("\n")}\n`);
    // One thread: tesseract's OpenMP threads on a busy two-core machine take five times as long.
    execFileSync("tesseract", [join(work, "pages.txt"), join(work, "out"), "pdf"], {
      stdio: "ignore",
      env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      timeout: 300_000,
    });
    return readFileSync(join(work, "out.pdf"));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** "page-32-32.png" (pdftoppm's name: the prefix, then the page number) -> 32. */
const pageNumber = (image: string) => Number(/-(\d+)\.png$/.exec(image)?.[1] ?? 0);

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [input, output, first, last] = process.argv.slice(2);
  if (!input || !output) {
    console.error("usage: npx tsx scripts/ocr-pdf.ts <in.pdf> <out.pdf> [first last]");
    process.exit(2);
  }
  const pdf = readFileSync(input);
  const pages =
    first && last
      ? Array.from({ length: Number(last) - Number(first) + 1 }, (_, k) => Number(first) + k)
      : undefined;
  writeFileSync(output, ocrPdf(pdf, pages));
  console.log(output);
}
