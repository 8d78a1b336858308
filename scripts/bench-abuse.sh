#!/usr/bin/env bash
# Issue 12's alias-amplification load, in one run against a real server: four clients (each its own
# address) send 200-alias nearestPlaces(first: 100) documents (bench/wrk/alias-amplification.lua, 53 kB
# each) as fast as they are answered, beside normal traffic (single nearestPlaces(first: 10) requests,
# bench/wrk/residents.lua, each request from another address). Prints the normal traffic's p50/p99 alone and under the load, how the
# abusive documents were answered, and the server's memory (RSS) before, at the end of and after the load.
# Goal: normal p99 under 50 ms under the load, memory back within 20 % of its baseline afterwards.
#
#   scripts/bench-abuse.sh [--duration 30] [--warmup 20] [--settle 15] [--normal-connections 2]
#                          [--attack-first 100] [--port 5096] [--pg-port 5456] [--db makermap_abuse] [--no-build]
#
# It starts its own PostgreSQL cluster ("abuse", --pg-port; not run.sh's 5433 nor the tests' 5434),
# migrates and loads the seed data, builds the server (Release) and starts it on --port as run.sh does,
# and stops the server at the end (scripts/stop.sh stops the cluster). --attack-first 3 sends the
# costliest such documents the default limit still executes (200 × nearestPlaces(first: 3), cost 8 000 of
# 10 000), to see the per-request database gate and the per-client limits rather than the cost limit.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$MAKERMAP_ROOT/scripts/lib/postgres.sh"
source "$MAKERMAP_ROOT/scripts/lib/bench-server.sh"
cd "$MAKERMAP_ROOT"

duration=30 warmup=20 settle=15 normal=2 attack_first=100 port=5096 pg_port=5456 db=makermap_abuse build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift; continue ;;
    --duration) duration="$2" ;; --warmup) warmup="$2" ;; --settle) settle="$2" ;; --normal-connections) normal="$2" ;;
    --attack-first) attack_first="$2" ;; --port) port="$2" ;; --pg-port) pg_port="$2" ;; --db) db="$2" ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
  shift 2
done
ensure_dotnet
command -v curl >/dev/null || die "curl is missing (apt-get install curl)"
ensure_apt_packages wrk
ensure_postgis_packages
pg_start abuse "$pg_port"
pg_ensure_database "$pg_port" "$db"
export ConnectionStrings__MakerMap="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db" MakerMap__Jobs__Enabled=false
export Logging__LogLevel__Default=Warning

server_dir="$MAKERMAP_ROOT/.local/bench-abuse-server"
if [ "$build" = 1 ]; then
  log "building the server (Release)"
  dotnet build server/MakerMap.Api/MakerMap.Api.csproj -c Release -v quiet -nologo -clp:ErrorsOnly -o "$server_dir" || die "build failed"
fi
url="http://127.0.0.1:$port"
bench_seed_and_start "$server_dir" "$pg_port" "$db" "$url" "$MAKERMAP_ROOT/.local/bench-abuse-server.log"

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status"; }
wrk_value() { echo "$1" | sed -n "s/^$2=//p"; }
normal_load() { # seconds
  local out
  out="$(wrk -t 1 -c "$normal" -d "${1}s" --latency -s "$MAKERMAP_ROOT/bench/wrk/residents.lua" "$url" 2>&1)" || { echo "$out" >&2; die "wrk failed"; }
  echo "$out"
}

log "warm-up: normal traffic for ${warmup}s"
normal_load "$warmup" >/dev/null
alone="$(normal_load 10)"
rss_before="$(rss_mb)"
printf 'normal traffic alone (%s connection(s), nearestPlaces first: 10): p50 %s ms, p99 %s ms, %s req/s; server RSS %s MB\n' \
  "$normal" "$(wrk_value "$alone" wrk_p50_ms)" "$(wrk_value "$alone" wrk_p99_ms)" "$(wrk_value "$alone" wrk_rps)" "$rss_before"

log "load: 4 abusive clients (200 aliases × nearestPlaces(first: $attack_first)) beside the normal traffic for ${duration}s"
ABUSE_FIRST="$attack_first" wrk -t 4 -c 4 -d "$((duration + 2))s" -s "$MAKERMAP_ROOT/bench/wrk/alias-amplification.lua" "$url" \
  >"$MAKERMAP_ROOT/.local/bench-abuse-attack.out" 2>&1 &
attack_pid=$!
sleep 1
under="$(normal_load "$duration")"
rss_peak="$(rss_mb)"
wait "$attack_pid" || true
attack="$(cat "$MAKERMAP_ROOT/.local/bench-abuse-attack.out")"
printf 'normal traffic under the load: p50 %s ms, p99 %s ms, %s req/s, %s not a result (goal: p99 < 50 ms)\n' \
  "$(wrk_value "$under" wrk_p50_ms)" "$(wrk_value "$under" wrk_p99_ms)" "$(wrk_value "$under" wrk_rps)" "$(wrk_value "$under" wrk_bad)"
[ -n "$(wrk_value "$under" wrk_first_bad)" ] && printf '  first bad normal response: %s\n' "$(wrk_value "$under" wrk_first_bad)"
printf 'abusive documents (%s bytes each): %s sent, %s executed, %s QUERY_TOO_COSTLY, %s HTTP 429, %s other\n' \
  "$(wrk_value "$attack" abuse_body_bytes)" "$(wrk_value "$attack" abuse_requests)" "$(wrk_value "$attack" abuse_results)" \
  "$(wrk_value "$attack" abuse_too_costly)" "$(wrk_value "$attack" abuse_429)" "$(wrk_value "$attack" abuse_other)"
[ -n "$(wrk_value "$attack" abuse_first_other)" ] && printf '  first other answer: %s\n' "$(wrk_value "$attack" abuse_first_other)"

log "settling for ${settle}s with light normal traffic"
normal_load "$settle" >/dev/null
rss_after="$(rss_mb)"
printf 'server RSS: before %s MB, at the end of the load %s MB, %ss after it %s MB (%s of the baseline; goal within 20 %%)\n' \
  "$rss_before" "$rss_peak" "$settle" "$rss_after" "$(awk -v a="$rss_after" -v b="$rss_before" 'BEGIN { printf "%+.0f %%", (a - b) * 100 / b }')"
