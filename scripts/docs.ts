// Regenerates docs/schema.md and docs/queries.md (the example queries with their results on the
// bundled corpus). Run: npm run docs
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli.js";
import { openDatabase } from "../src/db.js";
import { queriesMarkdown } from "../src/queries-doc.js";
import { schemaMarkdown } from "../src/schema-doc.js";

const ROOT = join(import.meta.dirname, "..");
const db = join(mkdtempSync(join(tmpdir(), "yos-docs-")), "yos.sqlite");
await main(["ingest", join(ROOT, "corpus"), "--db", db, "--quiet"], () => {});
const conn = openDatabase(db);
mkdirSync(join(ROOT, "docs"), { recursive: true });
writeFileSync(join(ROOT, "docs", "queries.md"), queriesMarkdown(conn));
writeFileSync(join(ROOT, "docs", "schema.md"), schemaMarkdown());
conn.close();
console.log("wrote docs/schema.md and docs/queries.md");
