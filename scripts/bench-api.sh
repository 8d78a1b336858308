#!/usr/bin/env bash
# Issue 4's API benchmark, in one run against a real server:
#  1. nearestPlaces(first: 10) around random points in Gent through GraphQL over HTTP, against the
#     same SQL (server/MakerMap.Data/Sql/Places/find_nearest_places.sql) through pgbench on the same
#     database, with throughput, p50/p99 and the ratio GraphQL / raw SQL;
#  2. requestBooking under contention: many clients booking the same capacity-limited slots,
#     counting successes and typed failures and checking that no slot is overbooked.
#
#   scripts/bench-api.sh [--duration 10] [--warmup 10] [--workers 4] [--booking-workers 32] [--booking-requests 2000]
#                        [--port 5092] [--pg-port 5433] [--db makermap] [--no-cluster] [--no-build]
#
# It starts what it needs, as scripts/run.sh does: the project's PostgreSQL ("dev" cluster on
# --pg-port; --no-cluster uses an already running one there instead), migrations and seed data, and
# a Release build of the server on --port with Server GC, which it stops again at the end. Both
# sides get --workers client connections; pgbench uses prepared statements (-M prepared), as the
# server's Npgsql does (auto-prepare).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$MAKERMAP_ROOT/scripts/lib/postgres.sh"
cd "$MAKERMAP_ROOT"

duration=10 warmup=10 workers=4 booking_workers=32 booking_requests=2000 port=5092 pg_port=5433 db=makermap cluster=1 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift; continue ;;
    --no-cluster) cluster=0; shift; continue ;;
    --duration) duration="$2" ;; --warmup) warmup="$2" ;; --workers) workers="$2" ;; --booking-workers) booking_workers="$2" ;;
    --booking-requests) booking_requests="$2" ;; --port) port="$2" ;; --pg-port) pg_port="$2" ;; --db) db="$2" ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
  shift 2
done
ensure_dotnet
command -v curl >/dev/null || die "curl is missing (apt-get install curl)"
if [ "$cluster" = 1 ]; then
  ensure_postgis_packages
  pg_start dev "$pg_port"
fi
command -v pgbench >/dev/null || die "pgbench is missing (apt-get install postgresql-client-15)"
pg_ensure_database "$pg_port" "$db"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db"
export ConnectionStrings__MakerMap="$connection" MakerMap__Jobs__Enabled=false
# a server on a small shared machine: Server GC (one heap per core), no request logging
export DOTNET_gcServer=1 Logging__LogLevel__Default=Warning

server_dir="$MAKERMAP_ROOT/.local/bench-api-server"
bench_dll="$MAKERMAP_ROOT/.local/bench-artifacts/bin/MakerMap.Bench/release/MakerMap.Bench.dll"
if [ "$build" = 1 ]; then
  log "building the server and the benchmark (Release)"
  dotnet build server/MakerMap.Api/MakerMap.Api.csproj -c Release -v quiet -nologo -clp:ErrorsOnly -o "$server_dir" || die "build failed"
  dotnet build bench/MakerMap.Bench -c Release -v quiet -nologo -clp:ErrorsOnly --artifacts-path "$MAKERMAP_ROOT/.local/bench-artifacts" \
    || die "build failed"
fi
log "migrating and loading seed data"
(cd "$server_dir" && dotnet MakerMap.Api.dll seed --seed-dir "$MAKERMAP_ROOT/seed-data" >/dev/null) || die "seeding failed"

url="http://127.0.0.1:$port"
log "starting the server on $url"
(cd "$server_dir" && exec dotnet MakerMap.Api.dll --urls "$url") >"$MAKERMAP_ROOT/.local/bench-api-server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "$url/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || die "the server exited (log: .local/bench-api-server.log)"
  sleep 1
done
curl -sf "$url/healthz" >/dev/null || die "the server did not answer /healthz within 60 s"

# The pgbench script is generated from the data layer's own SQL file, with the same Gent box as
# bench/MakerMap.Bench/Api/NearestOverHttp.cs and the arguments nearestPlaces(first: 10) passes.
sql_file=server/MakerMap.Data/Sql/Places/find_nearest_places.sql
script="$MAKERMAP_ROOT/.local/nearest10-gent.pgbench.sql"
{
  echo '\set lon 3.65 + random(0, 150000) / 1000000.0'
  echo '\set lat 51.00 + random(0, 100000) / 1000000.0'
  grep -v '^[[:space:]]*--' "$sql_file" | sed -e 's/@lon/:lon/g' -e 's/@lat/:lat/g' -e 's/@limit/10/g' \
    -e 's/@kinds/NULL/g' -e 's/@categories/NULL/g' -e 's/@max_distance/NULL/g'
} > "$script"

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
log "GraphQL over HTTP ($workers clients, ${duration}s) and requestBooking under contention"
api_out="$(dotnet "$bench_dll" api --url "$url" --connection "$connection" --duration "$duration" --warmup "$warmup" --workers "$workers" \
  --booking-workers "$booking_workers" --booking-requests "$booking_requests")" || { echo "$api_out"; die "the API benchmark failed"; }
echo "$api_out" | grep -v '^graphql_'
graphql_qps="$(echo "$api_out" | sed -n 's/^graphql_qps=//p')"

log "pgbench: the same SQL, $workers clients for ${duration}s"
pg_out="$(pgbench -n -M prepared -r -f "$script" -c "$workers" -j "$workers" -T "$duration" -h 127.0.0.1 -p "$pg_port" -U postgres "$db" 2>&1)" \
  || { echo "$pg_out" >&2; die "pgbench failed"; }
pg_qps="$(echo "$pg_out" | sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p')"
pg_latency="$(echo "$pg_out" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')"
[ -n "$pg_qps" ] || { echo "$pg_out" >&2; die "could not read pgbench's tps"; }
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

ratio="$(awk -v a="$graphql_qps" -v b="$pg_qps" 'BEGIN { printf "%.2f", a / b }')"
printf 'raw SQL (pgbench): %.1f q/s, latency average %s ms\n' "$pg_qps" "$pg_latency"
printf 'nearest-10: GraphQL over HTTP %.1f q/s, raw SQL %.1f q/s, ratio GraphQL/raw %s (goal >= 0.50)\n' "$graphql_qps" "$pg_qps" "$ratio"
