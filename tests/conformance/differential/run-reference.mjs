// Runs every corpus document through graphql-js (parse, validate, execute or subscribe) and writes
// differential/expected.json. For rejected documents it records the phase and the names of the
// violated graphql-js rules, found by validating once per rule in specifiedRules. `--check`
// recomputes everything and fails if the committed corpus or expected output is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { execute, getOperationAST, GraphQLError, parse, specifiedRules, subscribe, validate, version } from "graphql";

import { createContext, createSchema } from "../schema/resolvers.mjs";
import { buildCorpus } from "./generate-corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const corpusPath = join(here, "corpus.json");
const expectedPath = join(here, "expected.json");
const MAX_EVENTS = 10;

const plain = (value) => JSON.parse(JSON.stringify(value));

async function runDocument(schema, doc) {
  let document;
  try {
    document = parse(doc.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { id: doc.id, verdict: "rejected", phase: "parse", errors: [plain(error)] };
  }

  const errors = validate(schema, document);
  if (errors.length > 0) {
    const rules = specifiedRules.filter((rule) => validate(schema, document, [rule]).length > 0).map((r) => r.name);
    return { id: doc.id, verdict: "rejected", phase: "validate", rules, errors: errors.map(plain) };
  }

  const args = {
    schema,
    document,
    contextValue: createContext(),
    variableValues: doc.variables,
    operationName: doc.operationName,
  };
  const operation = getOperationAST(document, doc.operationName);
  if (operation?.operation === "subscription") {
    const stream = await subscribe(args);
    if (!(Symbol.asyncIterator in stream)) return { id: doc.id, verdict: "accepted", subscription: true, result: plain(stream) };
    const events = [];
    for await (const event of stream) {
      events.push(plain(event));
      if (events.length >= MAX_EVENTS) break;
    }
    return { id: doc.id, verdict: "accepted", subscription: true, events };
  }
  return { id: doc.id, verdict: "accepted", result: plain(await execute(args)) };
}

async function main() {
  const check = process.argv.includes("--check");
  const corpus = check ? buildCorpus() : JSON.parse(readFileSync(corpusPath, "utf8"));
  if (check && `${JSON.stringify(corpus, null, 2)}\n` !== readFileSync(corpusPath, "utf8")) {
    console.error("differential/corpus.json is stale: run `npm run corpus` in tests/conformance.");
    process.exit(1);
  }

  const schema = createSchema();
  const results = [];
  for (const doc of corpus) results.push(await runDocument(schema, doc));
  const accepted = results.filter((r) => r.verdict === "accepted").length;
  const summary = {
    graphqlJs: version,
    documents: results.length,
    accepted,
    rejectedAtParse: results.filter((r) => r.phase === "parse").length,
    rejectedAtValidate: results.filter((r) => r.phase === "validate").length,
    rulesSeen: [...new Set(results.flatMap((r) => r.rules ?? []))].sort(),
  };
  const text = `${JSON.stringify({ summary, results }, null, 2)}\n`;

  if (check) {
    if (readFileSync(expectedPath, "utf8") !== text) {
      console.error("differential/expected.json is stale: run `npm run corpus` in tests/conformance.");
      process.exit(1);
    }
    console.log(`expected.json is up to date (${results.length} documents).`);
  } else {
    writeFileSync(expectedPath, text);
    console.log(JSON.stringify(summary, null, 2));
  }
}

await main();
