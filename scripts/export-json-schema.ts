// Writes schemas/report.schema.json from the zod record schema (the one source of truth).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { reportJsonSchema } from "../schemas/json-schema.js";

const target = join(import.meta.dirname, "..", "schemas", "report.schema.json");
writeFileSync(target, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
