// A minimal, valid PDF written by hand (no dependency): pages of text items placed at given
// positions in Helvetica. Enough to test the PDF reader's pages, lines and cell gaps.
export interface TextItem {
  x: number;
  y: number;
  text: string;
  /** Points (11 when not given). */
  size?: number;
  /**
   * Set in a composite font with no map to Unicode (no /ToUnicode), every glyph numbered 1, as
   * an OCR layer whose map a tool dropped is written: pdf.js reads each glyph as U+0001.
   */
  unmapped?: boolean;
}

export function tinyPdf(pages: TextItem[][]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add("");
  const pagesObj = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const unmapped = unmappedFont(add);
  const pageIds: number[] = [];
  for (const items of pages) {
    const stream = items
      .map(
        (i) =>
          `BT /${i.unmapped ? "F2" : "F1"} ${i.size ?? 11} Tf ${i.x} ${i.y} Td ${i.unmapped ? glyphOnes(i.text) : literal(i.text)} Tj ET`,
      )
      .join("\n");
    const content = add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R /F2 ${unmapped} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const literal = (text: string) => `(${text.replace(/([()\\])/g, "\\$1")})`;
/** Glyph 1 for every character, two bytes each (Identity-H). */
const glyphOnes = (text: string) => `<${"0001".repeat(text.length)}>`;

function unmappedFont(add: (body: string) => number): number {
  const descriptor = add(
    "<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 500 1000] /ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 1000 /StemV 80 >>",
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 500 >>`,
  );
  return add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] >>`,
  );
}
