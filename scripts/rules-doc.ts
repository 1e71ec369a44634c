// Rewrites the README's rule catalogue from the rules' own ids, severities and descriptions.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withCatalogue } from "../src/audit/catalogue.js";

const readme = join(import.meta.dirname, "..", "README.md");
writeFileSync(readme, withCatalogue(readFileSync(readme, "utf8")));
console.log(`updated the rule catalogue in ${readme}`);
