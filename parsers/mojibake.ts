// Mojibake: a UTF-8 text that some tool once read as Windows-1252 and saved as UTF-8 again. Each
// character beyond ASCII comes out as two or three: "child’s" as "childâ€™s", "10–17 years" as
// "10â€“17 years", "²" as "Â²", "⁶" as "â" and a byte Windows-1252 lacks (U+FFFD, or the C1
// control character a decoder kept). The file is valid UTF-8, so the reader cannot refuse it; its
// values are read, but the labels and texts round them are garbled and some are lost (a
// facts label "(10â€“17 years)", a band "0â€“6"). Such sequences are decoded again: the
// characters taken back to the Windows-1252 bytes they were read from, those read as UTF-8.

// Windows-1252's characters at 0x80-0x9F (the rest of its upper half is Latin-1's); Node's own
// "windows-1252" decoder reads these bytes as Latin-1 control characters.
export const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/**
 * Bytes as Windows-1252 reads them (0x80-0x9F through CP1252_HIGH, the rest as Latin-1), in chunks
 * small enough for String.fromCharCode's arguments.
 */
export function fromWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes: number[] = [];
    for (const b of chunk) codes.push(b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Windows-1252's bytes 0x80-0xBF as they were read: a UTF-8 sequence's continuation bytes. */
const CONTINUATION = `[\\u0080-\\u00BF${CP1252_HIGH}\\uFFFD]`;

/** A lead byte (U+00C2-U+00F4 as read) and its continuation bytes: one character, misread. */
const MISREAD = new RegExp(
  `[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3}`,
  "g",
);

/**
 * The bytes Windows-1252 left undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), which a decoder writes as
 * U+FFFD: any of them may have stood there.
 */
const UNDEFINED_BYTES = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/**
 * Of the characters an unknown byte allows, the one a report prints: a quotation mark (E2 80 9D,
 * "”"), a superscript digit (E2 81 B4-B9, footnote markers) or a letter, before a space of
 * typesetting's (E2 80 81) or a dingbat.
 */
function likelihood(ch: string): number {
  const code = ch.codePointAt(0) as number;
  if (code >= 0x2018 && code <= 0x201f) return 3;
  if (code >= 0x2070 && code <= 0x209f) return 2;
  if (code < 0x2000) return 1;
  return 0;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The byte a character misread from Windows-1252 stood for; -1 for U+FFFD (unknown). */
function byteOf(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code === 0xfffd) return -1;
  if (code < 0x100) return code;
  return 0x80 + CP1252_HIGH.indexOf(ch);
}

/** The one character a misread sequence stood for, or null where its bytes are no UTF-8 character. */
function decoded(sequence: string): string | null {
  const bytes = [...sequence].map(byteOf);
  let best: string | null = null;
  for (const guess of bytes.includes(-1) ? UNDEFINED_BYTES : [0]) {
    const tried = Uint8Array.from(bytes.map((b) => (b < 0 ? guess : b)));
    try {
      const ch = utf8.decode(tried);
      if ([...ch].length === 1 && (best === null || likelihood(ch) > likelihood(best))) best = ch;
    } catch {
      // (Not UTF-8 with this byte: the next.)
    }
  }
  return best;
}

/** So many misread characters, at least, before a text is taken for one misread whole. */
const MIN_MISREAD = 3;

/** A misread character's first byte as UTF-8 writes it: C3 82-AF (U+00C2-U+00EF), C3 B0-B4. */
function mayHoldMisreadCharacters(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(0xc3); at >= 0; at = bytes.indexOf(0xc3, at + 1)) {
    const next = bytes[at + 1] as number;
    if (next >= 0x82 && next <= 0xb4) return true;
  }
  return false;
}

/**
 * The lines with every misread character decoded again, and how many were, where the text holds
 * MIN_MISREAD of them or more; the same lines otherwise. `bytes` (the file's, as UTF-8) first
 * tells, at the cost of a byte search, whether any line can hold one.
 */
export function withMojibakeDecoded(lines: string[], bytes: Buffer): { lines: string[]; decoded: number } {
  if (!mayHoldMisreadCharacters(bytes)) return { lines, decoded: 0 };
  let found = 0;
  for (const line of lines) {
    if (!/[\u00C2-\u00F4]/.test(line)) continue;
    for (const m of line.matchAll(MISREAD)) if (decoded(m[0]) !== null) found++;
    if (found >= MIN_MISREAD) break;
  }
  if (found < MIN_MISREAD) return { lines, decoded: 0 };
  let count = 0;
  const out = lines.map((line) =>
    /[\u00C2-\u00F4]/.test(line)
      ? line.replace(MISREAD, (sequence) => {
          const ch = decoded(sequence);
          if (ch === null) return sequence;
          count++;
          return ch;
        })
      : line,
  );
  return { lines: out, decoded: count };
}
