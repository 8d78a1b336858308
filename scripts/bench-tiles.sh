#!/usr/bin/env bash
# Vector-tile latency: requests a fixed set of tiles (the 3×3 block of tiles around the centres of
# Gent, Leuven and Brugge) at zooms 8, 10, 12 and 14 for every layer from a running MakerMap server,
# and prints p50/p99 latency and tile sizes per layer and zoom. The streets layer has data in Gent
# only: Leuven's and Brugge's tiles are 204s, counted in the "204s" column.
#
#   scripts/bench-tiles.sh [--url http://127.0.0.1:5080] [--repeat 3] [--port 5091] [--area-cache-minutes 0] [--no-build]
#
# Without --url it starts what it needs, as scripts/run.sh does: the project's PostgreSQL (or the
# database in MAKERMAP_CONNECTION), migrations and seed data, and a Release build of the server on
# --port, which it stops again at the end. That server's in-memory cache of area tiles is off
# (--area-cache-minutes 0), so every request cuts its tile in PostGIS; pass 60 to time cache hits.
# Latency is curl's time_total per request over one kept-alive connection, with
# `Accept-Encoding: br` as a browser sends it; the first pass over the tiles only warms up
# (PostgreSQL's buffers, the server's JIT) and is not counted.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$MAKERMAP_ROOT/scripts/lib/postgres.sh"
cd "$MAKERMAP_ROOT"

url="" repeat=3 port=5091 build=1 area_cache=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift; continue ;;
    --url) url="$2" ;; --repeat) repeat="$2" ;; --port) port="$2" ;; --area-cache-minutes) area_cache="$2" ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
  shift 2
done
command -v curl >/dev/null || die "curl is missing (apt-get install curl)"

if [ -z "$url" ]; then
  ensure_dotnet
  if [ -z "${MAKERMAP_CONNECTION:-}" ]; then
    ensure_postgis_packages
    pg_start dev "${MAKERMAP_PG_PORT:-5433}"
    pg_ensure_database "${MAKERMAP_PG_PORT:-5433}" "${MAKERMAP_DATABASE:-makermap}"
    MAKERMAP_CONNECTION="Host=127.0.0.1;Port=${MAKERMAP_PG_PORT:-5433};Username=postgres;Database=${MAKERMAP_DATABASE:-makermap}"
  fi
  export ConnectionStrings__MakerMap="$MAKERMAP_CONNECTION" MakerMap__Jobs__Enabled=false Tiles__AreaCacheMinutes="$area_cache"
  server_dir="$MAKERMAP_ROOT/.local/bench-server"
  if [ "$build" = 1 ]; then
    log "building the server (Release)"
    dotnet build server/MakerMap.Api/MakerMap.Api.csproj -c Release -v quiet -nologo -clp:ErrorsOnly -o "$server_dir" \
      || die "build failed"
  fi
  log "migrating and loading seed data"
  (cd "$server_dir" && dotnet MakerMap.Api.dll seed --seed-dir "$MAKERMAP_ROOT/seed-data" >/dev/null) || die "seeding failed"
  url="http://127.0.0.1:$port"
  log "starting the server on $url"
  export_server_runtime_env
  (cd "$server_dir" && exec dotnet MakerMap.Api.dll --urls "$url") >"$MAKERMAP_ROOT/.local/bench-tiles-server.log" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do
    curl -sf "$url/healthz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || die "the server exited (log: .local/bench-tiles-server.log)"
    sleep 1
  done
  curl -sf "$url/healthz" >/dev/null || die "the server did not answer /healthz within 60 s"
fi

# the 3×3 tiles around each centre at zoom z, one "z/x/y" per line, without duplicates
tiles_at() {
  awk -v z="$1" 'BEGIN {
    split("3.7174 51.0543 4.7005 50.8798 3.2247 51.2093", c, " ")   # Gent, Leuven, Brugge
    n = 2 ^ z; pi = atan2(0, -1)
    for (i = 1; i <= 6; i += 2) {
      lat = c[i + 1] * pi / 180
      x = int((c[i] + 180) / 360 * n)
      y = int((1 - log(sin(lat) / cos(lat) + 1 / cos(lat)) / pi) / 2 * n)
      for (dx = -1; dx <= 1; dx++) for (dy = -1; dy <= 1; dy++) print z "/" (x + dx) "/" (y + dy)
    }
  }' | sort -u
}

# one curl (one kept-alive connection) per layer and zoom: every tile once to warm up, then --repeat more passes that count
measure() {
  local layer="$1" z="$2" tiles urls=() pass t
  tiles="$(tiles_at "$z")"
  for pass in $(seq 0 "$repeat"); do
    for t in $tiles; do urls+=(-o /dev/null "$url/tiles/$layer/$t.mvt"); done
  done
  curl -s -H 'Accept-Encoding: br' -w '%{http_code} %{size_download} %{time_total}\n' "${urls[@]}" \
    | tail -n +"$(( $(echo "$tiles" | wc -l) + 1 ))"
}

# raw (uncompressed) size of each tile, once
raw_sizes() {
  local layer="$1" z="$2" urls=() t
  for t in $(tiles_at "$z"); do urls+=(-o /dev/null "$url/tiles/$layer/$t.mvt"); done
  curl -s -w '%{size_download}\n' "${urls[@]}"
}

log "requesting tiles from $url ($repeat counted passes per layer and zoom)"
printf '%-15s %4s %6s %6s %9s %9s %11s %11s %10s\n' layer zoom tiles 204s "p50 ms" "p99 ms" "raw avg KB" "raw max KB" "br avg KB"
for layer in places municipalities neighbourhoods sectors area-labels streets; do
  for z in 8 10 12 14; do
    samples="$(measure "$layer" "$z")"
    sizes="$(raw_sizes "$layer" "$z")"
    echo "$samples" | grep -qv '^\(200\|204\) ' && die "$layer z$z: unexpected status $(echo "$samples" | grep -v '^\(200\|204\) ' | head -1)"
    # latencies sorted first: the awk here (mawk) has no sort of its own
    { echo "$samples" | awk '{ print "S", $1, $2 }'; echo "$samples" | awk '{ printf "T %.3f\n", $3 * 1000 }' | sort -k2,2n; } \
      | awk -v layer="$layer" -v z="$z" -v sizes="$sizes" -v repeat="$repeat" '
      $1 == "S" { if ($2 == 204) empty++; else { br += $3; ok++ }; next }
      { ms[++count] = $2 }
      END {
        p50 = ms[int((count - 1) * 0.50) + 1]; p99 = ms[int((count - 1) * 0.99) + 1]
        n = split(sizes, s, "\n"); raw = 0; max = 0; nonempty = 0
        for (i = 1; i <= n; i++) if (s[i] > 0) { raw += s[i]; nonempty++; if (s[i] + 0 > max) max = s[i] + 0 }
        printf "%-15s %4d %6d %6d %9.1f %9.1f %11.1f %11.1f %10.1f\n", layer, z, count / repeat, empty / repeat, p50, p99,
          nonempty ? raw / nonempty / 1024 : 0, max / 1024, ok ? br / ok / 1024 : 0
      }'
  done
done
