#!/usr/bin/env bash
# Nearest-10 places: the C# data layer the server runs (GraphRowQueries.NearestPlacesAsync, Place rows
# as the GraphQL layer reads them) against the very same SQL through pgbench, on the same database,
# and the ratio of the two throughputs.
#
#   scripts/bench-data.sh [--host 127.0.0.1] [--port 5433] [--user postgres] [--db makermap]
#                         [--duration 10] [--workers 4] [--synthetic-places N] [--no-build]
#
# Defaults target the run cluster of scripts/run.sh (port 5433, database makermap, seeded).
# --synthetic-places N migrates the database and tops it up to N random places in Flanders, for a
# database without seed data. Both sides use prepared statements (pgbench -M prepared; Npgsql
# auto-prepare; like the server, the C# side skips Npgsql's reset on close) and the same number of client connections.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$MAKERMAP_ROOT"

host=127.0.0.1 port=5433 user=postgres db=makermap duration=10 workers=4 synthetic=0 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift; continue ;;
    --host) host="$2" ;; --port) port="$2" ;; --user) user="$2" ;; --db) db="$2" ;;
    --duration) duration="$2" ;; --workers) workers="$2" ;; --synthetic-places) synthetic="$2" ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
  shift 2
done
command -v pgbench >/dev/null || die "pgbench is missing (apt-get install postgresql-client-15)"

if [ "$build" = 1 ]; then
  log "building the benchmark (Release)"
  dotnet build bench/MakerMap.Bench -c Release -v quiet -nologo -clp:ErrorsOnly --artifacts-path "$MAKERMAP_ROOT/.local/bench-artifacts" \
    || die "build failed"
fi
bench_dll="$MAKERMAP_ROOT/.local/bench-artifacts/bin/MakerMap.Bench/release/MakerMap.Bench.dll"

# The pgbench script is the very statement the server sends for nearestPlaces(first: 10), printed by
# the benchmark from the data layer's own code (absent filters written in as NULLs), with query points
# drawn from Flanders' box like the C# side.
script="$MAKERMAP_ROOT/.local/nearest10-flanders.pgbench.sql"
mkdir -p "$MAKERMAP_ROOT/.local"
dotnet "$bench_dll" pgbench-nearest flanders > "$script" || die "could not write the pgbench script"

connection="Host=$host;Port=$port;Username=$user;Database=$db;Max Auto Prepare=16;Auto Prepare Min Usages=2;No Reset On Close=true"
log "C# data layer: $workers workers for ${duration}s"
csharp_out="$(dotnet "$bench_dll" nearest --connection "$connection" --duration "$duration" --workers "$workers" \
  --synthetic-places "$synthetic")" || die "C# benchmark failed"
echo "$csharp_out" | grep -v '^csharp_qps='
csharp_qps="$(echo "$csharp_out" | sed -n 's/^csharp_qps=//p')"
[ -n "$csharp_qps" ] || die "the C# side printed no csharp_qps line (see its output above)"

log "pgbench: $workers clients for ${duration}s"
pg_out="$(pgbench -n -M prepared -f "$script" -c "$workers" -j "$(nproc)" -T "$duration" -h "$host" -p "$port" -U "$user" "$db" 2>&1)" \
  || { echo "$pg_out" >&2; die "pgbench failed"; }
pg_qps="$(echo "$pg_out" | sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p')"
[ -n "$pg_qps" ] || { echo "$pg_out" >&2; die "could not read pgbench's tps"; }

ratio="$(awk -v a="$csharp_qps" -v b="$pg_qps" 'BEGIN { printf "%.2f", a / b }')"
printf 'C# data layer: %.1f q/s, pgbench: %.1f q/s, ratio %s\n' "$csharp_qps" "$pg_qps" "$ratio"
