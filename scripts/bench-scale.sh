#!/usr/bin/env bash
# Issue 14's scale benchmark, in one run: loads --places synthetic places (bench/sql/synthetic-places.sql,
# spread evenly over Flanders and Brussels) on top of the seed data into a database of its own, starts
# the Release server and prints:
#  - time to the first rendered markers in Chromium (map-client/e2e/first-markers.mjs, cold loads);
#  - places-tile sizes and p50/p99 per zoom, fresh (first request of a tile) and cached (bench/scale/measure.py);
#  - nearestPlaces(first: 10) p50/p99 without a filter and with a rare category (JEWELLERY, 2 %);
#  - text search (places(filter: {text})) p50/p99;
#  - /export/places.geojson: size, time, first byte, and the server's peak memory during it (VmHWM,
#    reset through /proc/PID/clear_refs just before);
#  - coverage of Gent and, when the database has a region area named "Vlaams Gewest", of Flanders,
#    with suggestedSites(10) (skipped when the area does not exist or the API refuses it).
#
#   scripts/bench-scale.sh [--places 100000] [--samples 200] [--port 5094] [--pg-port 5433] [--db makermap_scale]
#                          [--no-cluster] [--no-build] [--keep-db]
#
# The database is dropped and created again (unless --keep-db, which reuses one already loaded with the
# same --places). --no-cluster uses a PostgreSQL already running on --pg-port instead of the project's
# "dev" cluster. Measurements are single-client and sequential: each figure is one request's latency.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$MAKERMAP_ROOT/scripts/lib/postgres.sh"
source "$MAKERMAP_ROOT/scripts/lib/bench-server.sh"
cd "$MAKERMAP_ROOT"

places=100000 samples=200 port=5094 pg_port=5433 db=makermap_scale cluster=1 build=1 keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift; continue ;;
    --no-cluster) cluster=0; shift; continue ;;
    --keep-db) keep=1; shift; continue ;;
    --places) places="$2" ;; --samples) samples="$2" ;; --port) port="$2" ;; --pg-port) pg_port="$2" ;; --db) db="$2" ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
  shift 2
done
[[ "$places" =~ ^[0-9]+$ ]] || die "--places takes a whole number"
ensure_dotnet
ensure_node
command -v curl >/dev/null || die "curl is missing (apt-get install curl)"
command -v python3 >/dev/null || die "python3 is missing (apt-get install python3)"
[ -x /usr/bin/chromium ] || ensure_apt_packages chromium
if [ "$cluster" = 1 ]; then
  ensure_postgis_packages
  pg_start dev "$pg_port"
fi
psql_db() { psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
if [ "$keep" = 0 ]; then
  log "creating database $db (dropped first)"
  psql_db -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\"" >/dev/null
fi
pg_ensure_database "$pg_port" "$db"
export ConnectionStrings__MakerMap="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db" MakerMap__Jobs__Enabled=false
# no request logging; no per-client rate limit on GraphQL (the loops below send hundreds of requests a
# second from one address, which the limit exists to refuse); the client served from map-client/dist
export Logging__LogLevel__Default=Warning MakerMap__RequestLimits__AnonymousRequestsPerSecond=0
export Client__Path="$MAKERMAP_ROOT/map-client/dist"

server_dir="$MAKERMAP_ROOT/.local/bench-scale-server"
if [ "$build" = 1 ]; then
  log "building the server (Release) and the map client"
  dotnet build server/MakerMap.Api/MakerMap.Api.csproj -c Release -v quiet -nologo -clp:ErrorsOnly -o "$server_dir" || die "build failed"
  scripts/build-client.sh >/dev/null || die "map client build failed"
fi
[ -f "$server_dir/MakerMap.Api.dll" ] || die "no server build in $server_dir (run without --no-build)"

log "demo accounts (the planner for the coverage figures)"
(cd "$server_dir" && dotnet MakerMap.Api.dll seed --seed-dir "$MAKERMAP_ROOT/seed-data" --demo-accounts >/dev/null) || die "seeding failed"
log "loading $places synthetic places"
started=$(date +%s.%N)
psql_db -d "$db" -v places="$places" -f bench/sql/synthetic-places.sql >/dev/null
printf 'loaded %s synthetic places in %.1f s; the table holds %s places\n' "$places" "$(echo "$(date +%s.%N) - $started" | bc)" \
  "$(psql_db -d "$db" -tAc 'SELECT count(*) FROM places')"
url="http://127.0.0.1:$port"
bench_seed_and_start "$server_dir" "$pg_port" "$db" "$url" "$MAKERMAP_ROOT/.local/bench-scale-server.log"
log "server pid $server_pid; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# warm-up: the JIT's first pass over the tile, GraphQL and export paths, on tiles and points the
# measurements do not use (zoom 15 tiles, a tiny export), so "fresh" below means a tile not yet cut
for i in $(seq 0 40); do curl -s -o /dev/null "$url/tiles/places/15/$((16500 + i))/$((10900 + i)).mvt"; done
for i in $(seq 1 40); do
  curl -s -o /dev/null -H 'Content-Type: application/json' "$url/graphql" \
    -d '{"query":"{ nearestPlaces(near: {longitude: 4.4, latitude: 50.85}, first: 10) { distanceMeters } places(filter: {text: \"warm\"}, first: 8) { totalCount } }"}'
done
curl -s -o /dev/null "$url/export/places.geojson?boundingBox=4.0,50.0,4.01,50.01"

# A write to places, even of no row, bumps the places revision (a statement trigger, migration 0018)
# and so empties the server's places-tile cache: each measurement below starts with no tile cut.
forget_tiles() { psql_db -d "$db" -c "UPDATE places SET name = name WHERE false" >/dev/null; }
log "first rendered markers in Chromium"
forget_tiles
(cd map-client && MAKERMAP_BENCH_URL="$url" node e2e/first-markers.mjs)
log "tiles, nearestPlaces, text search, export and coverage ($samples samples each)"
forget_tiles
python3 bench/scale/measure.py "$url" "$server_pid" --samples "$samples"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
