#!/usr/bin/env bash
# Issue 4's API benchmark, in one run against a real server:
#  1. nearestPlaces(first: 10) around random points in Gent through GraphQL over HTTP (wrk, a C load
#     generator, bench/wrk/nearest-10.lua), against the SQL the server sends for it through pgbench on
#     the same database (the script is printed by the benchmark project from the server's own code), with
#     throughput, p50/p99 and the ratio GraphQL / raw SQL; in between, the same wrk load on a hand-written
#     ASP.NET Core endpoint that sends the same statement without GraphQL (MakerMap.Bench
#     hand-written-server on --port + 1): what any .NET server reaches here; then { __typename } over the
#     same HTTP path;
#  2. requestBooking under contention: many clients booking the same capacity-limited slots,
#     counting successes and typed failures and checking that no slot is overbooked.
#
#   scripts/bench-api.sh [--duration 10] [--warmup 30] [--workers 4] [--booking-workers 32] [--booking-requests 2000]
#                        [--port 5092] [--pg-port 5433] [--db makermap] [--no-cluster] [--no-build]
#
# It starts what it needs, as scripts/run.sh does: the project's PostgreSQL ("dev" cluster on
# --pg-port; --no-cluster uses an already running one there instead), migrations and seed data, wrk
# from Debian's packages, and a Release build of the server on --port, which it stops again at the end.
# Both sides get --workers client connections; pgbench uses prepared statements (-M prepared), as the
# server's Npgsql does (auto-prepare). The warm-up is long because .NET's tiered JIT takes about 20 s of
# load to reach its optimised code (measured: 830 req/s in the first 5 s, 2,100 from 15 s on).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$MAKERMAP_ROOT/scripts/lib/postgres.sh"
source "$MAKERMAP_ROOT/scripts/lib/bench-server.sh"
cd "$MAKERMAP_ROOT"

duration=10 warmup=30 workers=4 booking_workers=32 booking_requests=2000 port=5092 pg_port=5433 db=makermap cluster=1 build=1
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
ensure_apt_packages wrk
if [ "$cluster" = 1 ]; then
  ensure_postgis_packages
  pg_start dev "$pg_port"
fi
command -v pgbench >/dev/null || die "pgbench is missing (apt-get install postgresql-client-15)"
pg_ensure_database "$pg_port" "$db"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db"
export ConnectionStrings__MakerMap="$connection" MakerMap__Jobs__Enabled=false
# no request logging; otherwise the server runs as run.sh starts it (Server GC, thread-pool spin limit 0,
# the GC gen0 floor of export_server_runtime_env)
export Logging__LogLevel__Default=Warning

server_dir="$MAKERMAP_ROOT/.local/bench-api-server"
bench_dll="$MAKERMAP_ROOT/.local/bench-artifacts/bin/MakerMap.Bench/release/MakerMap.Bench.dll"
if [ "$build" = 1 ]; then
  log "building the server and the benchmark (Release)"
  dotnet build server/MakerMap.Api/MakerMap.Api.csproj -c Release -v quiet -nologo -clp:ErrorsOnly -o "$server_dir" || die "build failed"
  dotnet build bench/MakerMap.Bench -c Release -v quiet -nologo -clp:ErrorsOnly --artifacts-path "$MAKERMAP_ROOT/.local/bench-artifacts" \
    || die "build failed"
fi
url="http://127.0.0.1:$port"
bench_seed_and_start "$server_dir" "$pg_port" "$db" "$url" "$MAKERMAP_ROOT/.local/bench-api-server.log"

# the hand-written endpoint, with the server's runtime settings (Server GC, spin limit 0, the gen0 floor)
hand_url="http://127.0.0.1:$((port + 1))"
DOTNET_gcServer=1 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 \
  dotnet "$bench_dll" hand-written-server --url "$hand_url" --connection "$connection" >"$MAKERMAP_ROOT/.local/bench-api-hand-written.log" 2>&1 &
hand_pid=$!
trap 'kill "$server_pid" "$hand_pid" 2>/dev/null || true' EXIT

# The pgbench script is the statement the server sends for nearestPlaces(first: 10), printed by the
# benchmark project from the server's own code, with the same Gent box as bench/wrk/nearest-10.lua.
script="$MAKERMAP_ROOT/.local/nearest10-gent.pgbench.sql"
dotnet "$bench_dll" pgbench-nearest > "$script" || die "could not write the pgbench script"

# wrk prints wrk_rps=, wrk_p50_ms=, wrk_p99_ms= and wrk_bad= (bench/wrk/report.lua)
wrk_value() { echo "$1" | sed -n "s/^$2=//p"; }
run_wrk() { # script seconds [url]
  local out
  out="$(wrk -t "$wrk_threads" -c "$workers" -d "${2}s" -s "$MAKERMAP_ROOT/bench/wrk/$1" "${3:-$url}" 2>&1)" || { echo "$out" >&2; die "wrk failed"; }
  [ "$(wrk_value "$out" wrk_bad)" = 0 ] || { echo "$out" >&2; die "$1: some responses were not a GraphQL result (see wrk_first_bad above)"; }
  echo "$out"
}
wrk_threads=$(( workers < 2 ? workers : 2 ))

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
log "GraphQL nearest-10 over HTTP: ${warmup}s warm-up, then $workers connections for ${duration}s (wrk)"
run_wrk nearest-10.lua "$warmup" >/dev/null
nearest_out="$(run_wrk nearest-10.lua "$duration")"
graphql_qps="$(wrk_value "$nearest_out" wrk_rps)"
printf 'GraphQL nearestPlaces(first: 10) over HTTP, %s connections: %s req/s, p50 %s ms, p99 %s ms (%s requests, every one a result)\n' \
  "$workers" "$graphql_qps" "$(wrk_value "$nearest_out" wrk_p50_ms)" "$(wrk_value "$nearest_out" wrk_p99_ms)" "$(wrk_value "$nearest_out" wrk_requests)"

log "the same load on the hand-written endpoint (no GraphQL): ${warmup}s warm-up, then ${duration}s"
kill -0 "$hand_pid" 2>/dev/null || die "the hand-written endpoint exited (log: .local/bench-api-hand-written.log)"
run_wrk nearest-10.lua "$warmup" "$hand_url" >/dev/null
hand_out="$(run_wrk nearest-10.lua "$duration" "$hand_url")"
hand_qps="$(wrk_value "$hand_out" wrk_rps)"
printf 'hand-written ASP.NET Core endpoint, same statement, no GraphQL, %s connections: %s req/s, p50 %s ms, p99 %s ms\n' \
  "$workers" "$hand_qps" "$(wrk_value "$hand_out" wrk_p50_ms)" "$(wrk_value "$hand_out" wrk_p99_ms)"
kill "$hand_pid" 2>/dev/null || true

log "pgbench: the same SQL, $workers clients for ${duration}s"
pg_out="$(pgbench -n -M prepared -r -f "$script" -c "$workers" -j "$workers" -T "$duration" -h 127.0.0.1 -p "$pg_port" -U postgres "$db" 2>&1)" \
  || { echo "$pg_out" >&2; die "pgbench failed"; }
pg_qps="$(echo "$pg_out" | sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p')"
pg_latency="$(echo "$pg_out" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')"
[ -n "$pg_qps" ] || { echo "$pg_out" >&2; die "could not read pgbench's tps"; }
printf 'raw SQL (pgbench -M prepared), %s clients: %.1f q/s, latency average %s ms\n' "$workers" "$pg_qps" "$pg_latency"

log "{ __typename } over the same HTTP path (no database)"
run_wrk typename.lua 5 >/dev/null
floor_out="$(run_wrk typename.lua "$duration")"
printf 'GraphQL { __typename } over HTTP (no database: the transport'"'"'s ceiling), %s connections: %s req/s, p50 %s ms, p99 %s ms\n' \
  "$workers" "$(wrk_value "$floor_out" wrk_rps)" "$(wrk_value "$floor_out" wrk_p50_ms)" "$(wrk_value "$floor_out" wrk_p99_ms)"

log "requestBooking under contention"
dotnet "$bench_dll" booking --url "$url" --connection "$connection" --booking-workers "$booking_workers" --booking-requests "$booking_requests" \
  || die "the booking benchmark failed"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf 'nearest-10: GraphQL over HTTP %.1f q/s, raw SQL %.1f q/s, ratio GraphQL/raw %s (goal >= 0.50)\n' "$graphql_qps" "$pg_qps" "$(ratio "$graphql_qps" "$pg_qps")"
printf '            hand-written endpoint %.1f q/s: hand-written/raw %s, GraphQL/hand-written %s\n' \
  "$hand_qps" "$(ratio "$hand_qps" "$pg_qps")" "$(ratio "$graphql_qps" "$hand_qps")"
