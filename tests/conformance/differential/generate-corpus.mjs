// Writes differential/corpus.json: hand-written documents, random well-typed ones from the test
// schema, and mutations of both. Deterministic: the same seed always gives the same corpus, and
// `--check` compares a fresh generation with the committed file instead of writing it.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { createSchema } from "../schema/resolvers.mjs";
import { invalid, valid } from "./hand-written.mjs";
import { mutate } from "./mutator.mjs";
import { createQueryGenerator } from "./query-generator.mjs";
import { createRandom } from "./random.mjs";

const SEED = 20251001;
const GENERATED = 220;
const MUTATED = 300;

const here = dirname(fileURLToPath(import.meta.url));
const corpusPath = join(here, "corpus.json");

export function buildCorpus() {
  const schema = createSchema();
  const random = createRandom(SEED);
  const documents = [];
  const add = (kind, name, query, options = {}) =>
    documents.push({
      id: `${String(documents.length + 1).padStart(4, "0")}-${kind}-${name}`,
      kind,
      query,
      ...(options.operationName ? { operationName: options.operationName } : {}),
      ...(options.variables ? { variables: options.variables } : {}),
    });

  for (const [name, query, options] of valid) add("hand", name, query, options);
  for (const [name, query, options] of invalid) add("hand", name, query, options);

  const generate = createQueryGenerator(schema, random);
  const generated = [];
  for (let i = 0; i < GENERATED; i++) {
    const doc = generate(random.chance(0.15) ? "mutation" : "query");
    generated.push(doc);
    add("gen", String(i), doc.query, doc);
  }

  const seeds = [...valid.map(([, query, options]) => ({ query, ...options })), ...generated];
  for (let i = 0; documents.length < valid.length + invalid.length + GENERATED + MUTATED; i++) {
    const source = random.pick(seeds);
    const mutated = mutate(source.query, random);
    if (mutated === null) continue;
    add("mut", `${i}-${mutated.mutation}`, mutated.query, source);
  }
  return documents;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = `${JSON.stringify(buildCorpus(), null, 2)}\n`;
  if (process.argv.includes("--check")) {
    if (readFileSync(corpusPath, "utf8") !== text) {
      console.error("differential/corpus.json is stale: run `npm run corpus` in tests/conformance.");
      process.exit(1);
    }
    console.log("corpus.json is up to date.");
  } else {
    writeFileSync(corpusPath, text);
    console.log(`Wrote ${JSON.parse(text).length} documents to ${corpusPath}.`);
  }
}
