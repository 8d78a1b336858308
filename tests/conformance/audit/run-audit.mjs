// Runs the graphql-http audit suite (auditServer) against a running GraphQL endpoint and prints one
// JSON object: counts per level and every audit with its result. Exit code 0 unless the run itself fails;
// the caller (an xunit test) decides what must pass.
// Usage: node audit/run-audit.mjs http://127.0.0.1:PORT/graphql
import { auditServer } from "graphql-http";

const url = process.argv[2];
if (!url) {
  console.error("usage: node audit/run-audit.mjs <url>");
  process.exit(2);
}

const results = await auditServer({ url });
const level = (name) => name.split(" ")[0];
const summary = {};
for (const result of results) {
  const key = level(result.name);
  summary[key] ??= { total: 0, passed: 0, failed: 0 };
  summary[key].total++;
  summary[key][result.status === "ok" ? "passed" : "failed"]++;
}

const audits = await Promise.all(
  results.map(async (r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    ...(r.status === "ok" ? {} : { reason: r.reason, response: await describe(r.response) }),
  })),
);
console.log(JSON.stringify({ url, summary, audits }, null, 2));

async function describe(response) {
  if (!response) return undefined;
  let body;
  try {
    body = await response.text();
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type"), body };
}
