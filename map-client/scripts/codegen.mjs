#!/usr/bin/env node
// Generates TypeScript types for every operation in src/graphql/*.graphql from the server's
// contract, schema/makermap.graphql. Each operation is validated against the SDL first, so an
// operation that no longer matches the server fails the build (client and server cannot drift).
//   node scripts/codegen.mjs           writes src/graphql/generated.ts (git-ignored: generated on every
//                                      build, dev start and test run, so it always follows the SDL)
//   node scripts/codegen.mjs --check   only validates: fails when an operation does not match the SDL
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
  console.log(`codegen: ${documents.length} documents valid against schema/makermap.graphql`);
} else {
  const current = existsSync(outputPath) ? readFileSync(outputPath, "utf8") : "";
  if (current !== output) writeFileSync(outputPath, output);
  console.log(`codegen: ${current === output ? "up to date" : "wrote"} ${outputPath}`);
}
