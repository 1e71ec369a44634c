// Tables written as LaTeX, as Nougat and Mathpix write them into their markdown
// ("\begin{tabular}{|l|c|} \hline Overall rating & Good \\ ... \end{tabular}"): each row a line of
// cells, at the source line where the row starts, as the HTML table reader does for <table>.
import { type SourceLine, markupTableLines } from "./normalise.js";

export const TABULAR = "\\begin{tabular}";
/** The environment's opening with its column spec ("{|l|c|}", "{p{5cm} c}") and position. */
const TABULAR_OPEN = /\\begin\{tabular\*?\}(?:\{[^{}]*\})?(?:\[[^\]]*\])?\{(?:[^{}]|\{[^{}]*\})*\}/;
const TABULAR_CLOSE = /\\end\{tabular\*?\}/;
/** The table environment around it, which shows nothing itself. */
const TABLE_WRAPPING =
  /^\s*(?:\\(?:begin|end)\{table\*?\}(?:\[[^\]]*\])?|\\centering|\\small|\\footnotesize)\s*$/;
/** A row ends at "\\" (with an optional spacing, "\\[2pt]"). */
const ROW_END = /\\\\(?:\[[^\]]*\])?/g;
/** Rules between rows. */
const RULES =
  /\\(?:hline|toprule|midrule|bottomrule|hhline\{[^}]*\}|cline\{[^}]*\}|cmidrule(?:\([^)]*\))?\{[^}]*\})/g;

/** A cell's text: spanning and font commands unwrapped, escapes undone. */
function cellText(cell: string): string {
  let text = cell;
  for (let before = ""; before !== text; ) {
    before = text;
    text = text
      .replace(/\\multicolumn\{\d+\}\{[^{}]*\}\{((?:[^{}]|\{[^{}]*\})*)\}/g, "$1")
      .replace(/\\multirow\{\d+\}\{[^{}]*\}\{((?:[^{}]|\{[^{}]*\})*)\}/g, "$1")
      .replace(/\\(?:textbf|textit|emph|text|mathrm|underline)\{((?:[^{}]|\{[^{}]*\})*)\}/g, "$1");
  }
  return text
    .replace(/\\([%&_#$])/g, "$1")
    .replace(/~/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function latexTableRows(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => l.raw.includes(TABULAR))) return lines;
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] as SourceLine;
    if (TABLE_WRAPPING.test(first.raw)) {
      out.push({ ...first, raw: "" });
      continue;
    }
    const open = first.cells ? -1 : first.raw.indexOf(TABULAR);
    if (open < 0) {
      out.push(first);
      continue;
    }
    const { block, joined, lineAt, end: j } = markupTableLines(lines, i, open, TABULAR_CLOSE);
    const before = first.raw.slice(0, open);
    if (before.trim() && !TABLE_WRAPPING.test(before)) out.push({ ...first, raw: before });
    const head = TABULAR_OPEN.exec(joined.slice(open));
    const bodyStart = open + (head ? head[0].length : TABULAR.length);
    const close = TABULAR_CLOSE.exec(joined.slice(bodyStart));
    const bodyEnd = close ? bodyStart + close.index : joined.length;
    let rowStart = bodyStart;
    const body = `${joined.slice(bodyStart, bodyEnd)}\\\\`;
    ROW_END.lastIndex = 0;
    for (let m = ROW_END.exec(body); m !== null; m = ROW_END.exec(body)) {
      const row = body.slice(rowStart - bodyStart, m.index);
      // (Rules blanked to their length, so that offsets in the row still point into the file.)
      const text = row.replace(RULES, (rule) => " ".repeat(rule.length));
      const cells = text.split(/(?<!\\)&/).map(cellText);
      // Where the row's text starts (after the rules above it), for its line.
      const lead = text.length - text.trimStart().length;
      if (cells.some((c) => c !== "")) {
        const at = lineAt(rowStart + lead);
        out.push({ line: at.line, page: at.page, raw: text.replace(/\s+/g, " ").trim(), cells });
      }
      rowStart = bodyStart + m.index + m[0].length;
    }
    const tableEnd = close ? bodyEnd + close[0].length : joined.length;
    const after = joined.slice(tableEnd).replace(/\n$/, "");
    const last = block[block.length - 1] as SourceLine;
    if (after.trim() && !TABLE_WRAPPING.test(after)) out.push({ ...last, raw: after });
    i = j;
  }
  return out;
}
