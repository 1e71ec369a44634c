#!/usr/bin/env node
// Entry point of the `yos` command; the TypeScript sources are compiled to dist/ on install.
import { main } from "../dist/src/cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`yos: unexpected error: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
  },
);
