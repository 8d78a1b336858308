// graphql-js side of the engine benchmark (scripts/bench-graphql.sh): parse + validate + execute of the
// representative query and of the full introspection query against the shared test schema, timed the same
// way as the C# side. Prints one JSON line per workload: { name, iterations, nsPerOp, opsPerSec }.
// Usage: node bench/run-graphql-js.mjs [seconds-per-workload]
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { execute, parse, validate } from "graphql";

import { createContext, createSchema } from "../schema/resolvers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.argv[2] ?? 3);
const schema = createSchema();
const context = createContext();
const workloads = [
  { name: "representative", query: readFileSync(join(here, "representative-query.graphql"), "utf8"), variables: { kind: null } },
  { name: "introspection", query: readFileSync(join(here, "introspection-query.graphql"), "utf8"), variables: {} },
];

async function once({ query, variables }) {
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length > 0) throw errors[0];
  const result = await execute({ schema, document, contextValue: context, variableValues: variables });
  if (result.errors) throw result.errors[0];
  return result;
}

for (const workload of workloads) {
  // Warm-up lets V8 optimise the hot paths, as the C# side lets tiered compilation settle.
  const warmUntil = performance.now() + 1000;
  while (performance.now() < warmUntil) await once(workload);
  let iterations = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    for (let i = 0; i < 20; i++) await once(workload);
    iterations += 20;
    now = process.hrtime.bigint();
  }
  const nsPerOp = Number(now - start) / iterations;
  console.log(JSON.stringify({ name: workload.name, iterations, nsPerOp, opsPerSec: 1e9 / nsPerOp }));
}
