#!/usr/bin/env bash
# Map client figures on localhost, printed in one run: the gzip size of the built bundle; time to the
# first rendered map, to the first map with streets (Gent at street zoom) and to the nearest list,
# cold and warm (headless Chromium, medians: map-client/e2e/bench.mjs); every streets tile's size and
# cold/warm p50/p99 per zoom, failing when one is over 500 KB (bench/streets-tiles.mjs).
# Needs a running server with the built client (scripts/run.sh); MAKERMAP_BENCH_URL overrides
# http://127.0.0.1:${MAKERMAP_PORT:-5080}, MAKERMAP_BENCH_RUNS the number of loads (5).
# Calls scripts/bench-tiles.sh too when it exists (tile latency per zoom).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$MAKERMAP_ROOT"
export MAKERMAP_BENCH_URL="${MAKERMAP_BENCH_URL:-http://127.0.0.1:${MAKERMAP_PORT:-5080}}"

ensure_node
[ -x /usr/bin/chromium ] || ensure_apt_packages chromium
scripts/build-client.sh
curl -fs "$MAKERMAP_BENCH_URL/healthz" >/dev/null || die "no server at $MAKERMAP_BENCH_URL: start it with scripts/run.sh"

log "bundle size (map-client/dist, gzip -9)"
total=0
for file in map-client/dist/index.html map-client/dist/assets/*.js map-client/dist/assets/*.mjs map-client/dist/assets/*.css; do
  [ -f "$file" ] || continue
  size=$(gzip -9c "$file" | wc -c)
  total=$((total + size))
  printf '  %-50s %8d bytes gzip (%d raw)\n' "${file#map-client/dist/}" "$size" "$(wc -c <"$file")"
done
printf 'bundle total: %d kB gzip\n' $((total / 1024))

log "page timings against $MAKERMAP_BENCH_URL"
(cd map-client && node e2e/bench.mjs)

log "every streets tile: sizes and latency per zoom (budget 500 KB a tile)"
node bench/streets-tiles.mjs --url "$MAKERMAP_BENCH_URL"

if [ -x scripts/bench-tiles.sh ]; then
  log "tile latency (scripts/bench-tiles.sh)"
  scripts/bench-tiles.sh --url "$MAKERMAP_BENCH_URL"
fi
