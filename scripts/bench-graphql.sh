#!/usr/bin/env bash
# Engine benchmark: parse + validate + execute of a representative query and of the full introspection query,
# on MakerMap's C# engine and on graphql-js (Node), in one run on the same machine and the same shared schema.
# Prints both sides and the ratio (graphql-js time / C# time: above 1 means the C# engine is faster), plus the
# bytes the C# engine allocates per operation. Usage: scripts/bench-graphql.sh [seconds-per-workload, default 3]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$MAKERMAP_ROOT"
ensure_dotnet
ensure_node

seconds="${1:-3}"
tests/conformance/setup.sh
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

log "building the benchmark (Release)"
dotnet build bench/MakerMap.Bench -c Release -v quiet -nologo -clp:ErrorsOnly >&2
log "C# engine (${seconds}s per workload)"
dotnet run --project bench/MakerMap.Bench -c Release --no-build -- graphql "$seconds" | tee "$out/csharp.jsonl" >&2
log "graphql-js (${seconds}s per workload)"
(cd tests/conformance && node bench/run-graphql-js.mjs "$seconds") | tee "$out/graphql-js.jsonl" >&2

node - "$out/csharp.jsonl" "$out/graphql-js.jsonl" <<'JS'
const { readFileSync } = require("node:fs");
const read = (file) => Object.fromEntries(readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l)).map((r) => [r.name, r]));
const [cs, js] = process.argv.slice(2).map(read);
const us = (ns) => (ns / 1000).toFixed(1).padStart(9);
console.log("workload          C# µs/op   graphql-js µs/op   ratio (js/C#)   C# bytes/op");
for (const name of Object.keys(cs)) {
  const ratio = js[name].nsPerOp / cs[name].nsPerOp;
  console.log(`${name.padEnd(16)} ${us(cs[name].nsPerOp)}   ${us(js[name].nsPerOp)}          ${ratio.toFixed(2).padStart(6)}x   ${String(cs[name].bytesPerOp).padStart(11)}`);
}
JS
