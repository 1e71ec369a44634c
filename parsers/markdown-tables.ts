// Markdown's GFM tables, read by remark: each row's cells by the row's source line. Loaded
// only for a markdown file that has such a table (parsers/normalise.ts).
import type { Root, Table } from "mdast";
import { toString as mdToString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

export function gfmTableRows(text: string): { rows: Map<number, string[]>; delimiterLines: Set<number> } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
  const rows = new Map<number, string[]>();
  const delimiterLines = new Set<number>();
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "table") {
      const table = node as Table;
      for (const row of table.children) {
        const start = row.position?.start.line;
        if (start === undefined) continue;
        rows.set(
          start,
          row.children.map((cell) => mdToString(cell)),
        );
      }
      const first = table.children[0]?.position?.start.line;
      if (first !== undefined) delimiterLines.add(first + 1);
      return;
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(tree);
  return { rows, delimiterLines };
}
