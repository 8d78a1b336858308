#!/usr/bin/env node
// Generates TypeScript types for every operation in src/graphql/*.graphql from the server's
// contract, schema/makermap.graphql. Each operation is validated against the SDL first, so an
// operation that no longer matches the server fails the build (client and server cannot drift).
//   node scripts/codegen.mjs           writes src/graphql/generated.ts
//   node scripts/codegen.mjs --check   fails when the committed file is stale or an operation is invalid
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./codegen-lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const clientRoot = resolve(here, "..");
const schemaPath = resolve(clientRoot, "../schema/makermap.graphql");
const operationsDir = join(clientRoot, "src/graphql");
const outputPath = join(operationsDir, "generated.ts");

const sdl = readFileSync(schemaPath, "utf8");
const documents = readdirSync(operationsDir)
  .filter((name) => name.endsWith(".graphql"))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(operationsDir, name), "utf8") }));

let output;
try {
  output = generate(sdl, documents);
} catch (error) {
  console.error(`codegen: ${error.message}`);
  process.exit(1);
}

if (process.argv.includes("--check")) {
  const current = existsSync(outputPath) ? readFileSync(outputPath, "utf8") : "";
  if (current !== output) {
    console.error("codegen: src/graphql/generated.ts is stale; run `npm run codegen` and commit it");
    process.exit(1);
  }
  console.log(`codegen: ${documents.length} documents valid against the SDL, generated.ts up to date`);
} else {
  writeFileSync(outputPath, output);
  console.log(`codegen: wrote ${outputPath}`);
}
