#!/usr/bin/env bash
# The map client's tests: codegen check, typecheck (app, tests and e2e flows), eslint, prettier
# check, vitest, then the end-to-end flows in Debian's Chromium against the real server and
# PostGIS; each check counts as one test, so a type, lint or format finding fails the run. Needs
# only MAKERMAP_TEST_DATABASE_ADMIN (exported by scripts/test.sh): creates a fresh database,
# builds the API in Release (reusing an up-to-date build), migrates, seeds with demo accounts,
# serves map-client/dist on a free port, runs the flows, stops the server and drops the database.
# Last line: "N passed, N failed".
set -uo pipefail
CLIENT="$(cd "$(dirname "$0")/.." && pwd)"
source "$CLIENT/../scripts/lib/common.sh"
ROOT="$MAKERMAP_ROOT"
: "${MAKERMAP_TEST_DATABASE_ADMIN:?set MAKERMAP_TEST_DATABASE_ADMIN (an Npgsql connection string to a PostGIS cluster)}"

passed=0 failed=0
count() { if [ "$1" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit $?
}

ensure_node
[ -x /usr/bin/chromium ] || ensure_apt_packages chromium
"$ROOT/scripts/build-client.sh" || { log "map client build failed"; failed=$((failed + 1)); finish; }
cd "$CLIENT"
mkdir -p test-results

log "codegen: every operation validates against schema/makermap.graphql"
node scripts/codegen.mjs --check
count $?
node scripts/codegen.mjs >/dev/null

log "typecheck: the app (tsconfig.json), its vitest tests and e2e flows (tsconfig.test.json)"
npx tsc --noEmit -p tsconfig.json && npx tsc --noEmit -p tsconfig.test.json
count $?

log "eslint (--max-warnings 0)"
npx eslint . --max-warnings 0
count $?

log "prettier --check"
npx prettier --check . --log-level warn
count $?

log "vitest"
npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json
vitest_status=$?
if [ -f test-results/vitest.json ]; then
  read -r vp vf < <(node -e 'const r=require("./test-results/vitest.json");console.log(r.numPassedTests, r.numFailedTests)')
  passed=$((passed + vp)); failed=$((failed + vf))
  [ "$vitest_status" -ne 0 ] && [ "$vf" -eq 0 ] && failed=$((failed + 1))
else
  failed=$((failed + 1))
fi

# --- a server of our own for the end-to-end flows ------------------------------------------------
admin_value() { tr ';' '\n' <<<"$MAKERMAP_TEST_DATABASE_ADMIN" | sed -n "s/^$1=//Ip" | head -1; }
PGHOST_=$(admin_value Host); PGPORT_=$(admin_value Port); PGUSER_=$(admin_value Username)
DB="mm_client_e2e_$$"
psql_admin() { psql -X -q -h "${PGHOST_:-127.0.0.1}" -p "${PGPORT_:-5432}" -U "${PGUSER_:-postgres}" -d postgres -v ON_ERROR_STOP=1 "$@"; }
CONNECTION="Host=${PGHOST_:-127.0.0.1};Port=${PGPORT_:-5432};Username=${PGUSER_:-postgres};Database=$DB"
[ -n "$(admin_value Password)" ] && CONNECTION="$CONNECTION;Password=$(admin_value Password)" && export PGPASSWORD="$(admin_value Password)"

server_pid=""
basemap_server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  if [ -n "$basemap_server_pid" ]; then kill "$basemap_server_pid" 2>/dev/null; wait "$basemap_server_pid" 2>/dev/null; fi
  psql_admin -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1
}
trap cleanup EXIT

e2e() {
  local api_dir="$ROOT/server/MakerMap.Api/bin/Release/net10.0"
  local dll="$api_dir/MakerMap.Api.dll"
  # scripts/test.sh builds the solution in Release first; rebuild only when sources are newer
  if [ ! -f "$dll" ] || [ -n "$(find "$ROOT/server" "$ROOT/schema" \( -name bin -o -name obj \) -prune -o -type f \( -name '*.cs' -o -name '*.sql' -o -name '*.graphql' -o -name '*.csproj' -o -name '*.json' \) -newer "$dll" -print -quit)" ]; then
    log "building the API (Release)"
    dotnet build "$ROOT/server/MakerMap.Api" -c Release -v quiet -nologo -clp:ErrorsOnly || return 1
  fi
  psql_admin -c "CREATE DATABASE \"$DB\"" || return 1
  export ConnectionStrings__MakerMap="$CONNECTION"
  (cd "$api_dir" && dotnet MakerMap.Api.dll migrate >/dev/null) || { log "migrate failed"; return 1; }
  (cd "$api_dir" && dotnet MakerMap.Api.dll seed --seed-dir "$ROOT/seed-data" --demo-accounts >/dev/null) || { log "seed failed"; return 1; }
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  log "starting the server on port $port"
  (cd "$api_dir" && exec env Client__Path="$CLIENT/dist" MakerMap__MigrateOnStartup=false dotnet MakerMap.Api.dll --urls "http://127.0.0.1:$port") >test-results/server.log 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { log "server exited: see map-client/test-results/server.log"; return 1; }
    sleep 0.5
  done
  MAKERMAP_E2E_URL="http://127.0.0.1:$port" node e2e/run.mjs | tee test-results/e2e.log
  # a second server whose base map is a PMTiles archive packed from the first one's tiles (issue 15)
  log "end-to-end flows with a PMTiles base map"
  node scripts/build-basemap.mjs --server "http://127.0.0.1:$port" --out test-results/basemap.pmtiles --minzoom 10 ||
    { log "packing the base-map archive failed"; return 1; }
  local basemap_port
  basemap_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  (cd "$api_dir" && exec env Client__Path="$CLIENT/dist" MakerMap__MigrateOnStartup=false Basemap__PmtilesPath="$CLIENT/test-results/basemap.pmtiles" \
    dotnet MakerMap.Api.dll --urls "http://127.0.0.1:$basemap_port") >test-results/server-basemap.log 2>&1 &
  basemap_server_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$basemap_port/healthz" >/dev/null 2>&1 && break
    kill -0 "$basemap_server_pid" 2>/dev/null || { log "server exited: see map-client/test-results/server-basemap.log"; return 1; }
    sleep 0.5
  done
  MAKERMAP_E2E_URL="http://127.0.0.1:$basemap_port" E2E_BASEMAP=1 node e2e/run.mjs | tee -a test-results/e2e.log
  kill "$basemap_server_pid" 2>/dev/null; wait "$basemap_server_pid" 2>/dev/null; basemap_server_pid=""
  # then the same server on 20,000 more places (issue 14): clusters, markers, no paging of places
  log "end-to-end flows at 20,000 places"
  psql -X -q -h "${PGHOST_:-127.0.0.1}" -p "${PGPORT_:-5432}" -U "${PGUSER_:-postgres}" -d "$DB" -v ON_ERROR_STOP=1 -v places=20000 \
    -f "$ROOT/bench/sql/synthetic-places.sql" || { log "loading synthetic places failed"; return 1; }
  MAKERMAP_E2E_URL="http://127.0.0.1:$port" E2E_SCALE=1 node e2e/run.mjs | tee -a test-results/e2e.log
}

log "end-to-end flows (Chromium, real server and PostGIS)"
rm -f test-results/e2e.log
e2e
e2e_status=$?
lines=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed' test-results/e2e.log 2>/dev/null)
line=$(tail -1 <<<"$lines")
while read -r one; do
  [ -n "$one" ] || continue
  passed=$((passed + $(sed -E 's/^e2e: ([0-9]+) passed.*/\1/' <<<"$one")))
  failed=$((failed + $(sed -E 's/.*, ([0-9]+) failed/\1/' <<<"$one")))
done <<<"$lines"
[ "$e2e_status" -ne 0 ] && [ -z "$line" ] && failed=$((failed + 1))
finish
