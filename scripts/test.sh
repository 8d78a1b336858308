#!/usr/bin/env bash
# Command 2 of the README: runs every test. Installs what the tests need (PostGIS, npm packages),
# starts the project's test PostgreSQL (port MAKERMAP_TEST_PG_PORT, default 5434), then checks
# formatting, builds in Release and runs all test suites. Ends with the line "N passed, N failed".
# Tests create their own databases and drop them again.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$MAKERMAP_ROOT/scripts/lib/postgres.sh"
cd "$MAKERMAP_ROOT"

PG_PORT="${MAKERMAP_TEST_PG_PORT:-5434}"
RESULTS="$MAKERMAP_ROOT/.local/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

ensure_dotnet
ensure_node
ensure_postgis_packages
# The test cluster's data is thrown away after each run, so durability is switched off for speed.
pg_start test "$PG_PORT" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
export MAKERMAP_TEST_DATABASE_ADMIN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

for setup in scripts/build-graphiql.sh tests/conformance/setup.sh scripts/build-client.sh; do
  if [ -x "$setup" ]; then
    log "preparing: $setup"
    "$setup" || die "$setup failed"
  fi
done

# Whitespace is checked here without compiling; code-style rules (IDE0005, IDE0055, naming, ...) are
# errors in the build itself (EnforceCodeStyleInBuild), so the full `dotnet format` need not compile
# everything a second time.
log "checking formatting (dotnet format whitespace --verify-no-changes)"
dotnet format whitespace --folder . --verify-no-changes --exclude '**/node_modules/**' '**/bin/**' '**/obj/**' '.local/**' -v quiet \
  || die "formatting differs: run 'dotnet format MakerMap.sln'"

# graphql-js, an implementation independent of ours, must accept the contract as a valid schema.
log "checking schema/makermap.graphql with graphql-js (schema/check-schema.mjs)"
schema_failed=0
node schema/check-schema.mjs || schema_failed=1

log "building (Release)"
dotnet build MakerMap.sln -c Release -v quiet -nologo -clp:ErrorsOnly || die "build failed"

log "running .NET tests"
dotnet test MakerMap.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" \
  --results-directory "$RESULTS" 2>&1 | tee "$RESULTS/dotnet-test.log"
dotnet_status=${PIPESTATUS[0]}

passed=$((1 - schema_failed)) failed=$schema_failed skipped=0
# VSTest prints one summary line per test assembly:
#   Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: 1 s - X.dll (net10.0)
while IFS= read -r line; do
  f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")
  p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done < <(grep -E '^(Passed|Failed)! +- Failed: ' "$RESULTS/dotnet-test.log")

assemblies=$(grep -cE '^(Passed|Failed)! +- Failed: ' "$RESULTS/dotnet-test.log")
if [ "$dotnet_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # a crash or a test host that never reported still fails the run
  failed=1
  log "dotnet test exited with $dotnet_status"
fi

for suite in map-client/scripts/test.sh; do
  if [ -x "$suite" ]; then
    log "running $suite"
    # Shown as it runs and kept in a file; `tee /dev/stderr` would reopen (and truncate) a log file
    # that stderr is redirected to, losing the .NET results printed before.
    suite_log="$RESULTS/$(basename "$(dirname "$(dirname "$suite")")").log"
    "$suite" 2>&1 | tee "$suite_log" >&2
    out=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$suite_log" | tail -1)
    if [ -n "$out" ]; then
      passed=$((passed + $(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$out")))
      failed=$((failed + $(sed -E 's/.*, ([0-9]+) failed.*/\1/' <<<"$out")))
    else
      failed=$((failed + 1))
    fi
  fi
done

log "$assemblies .NET test assemblies ran; results in $RESULTS"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
