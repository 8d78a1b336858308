#!/usr/bin/env bash
# Command 1 of the README: install what is missing, start MakerMap's own PostgreSQL, migrate, load
# the seed data and run the server at http://127.0.0.1:5080 (Ctrl+C stops the server; the
# database keeps running for the next start, `scripts/stop.sh` stops it).
#
# Settings (environment variables):
#   MAKERMAP_PORT        HTTP port of the server            (default 5080)
#   MAKERMAP_PG_PORT     port of the project's PostgreSQL   (default 5433)
#   MAKERMAP_DATABASE    database name                      (default makermap)
#   MAKERMAP_CONNECTION  a full Npgsql connection string: use an existing PostgreSQL + PostGIS
#                        instead of the project's own cluster
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$MAKERMAP_ROOT/scripts/lib/postgres.sh"

PORT="${MAKERMAP_PORT:-5080}"
PG_PORT="${MAKERMAP_PG_PORT:-5433}"
DB="${MAKERMAP_DATABASE:-makermap}"

ensure_dotnet
if [ -z "${MAKERMAP_CONNECTION:-}" ]; then
  ensure_postgis_packages
  pg_start dev "$PG_PORT"
  pg_ensure_database "$PG_PORT" "$DB"
  MAKERMAP_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DB"
fi
export ConnectionStrings__MakerMap="$MAKERMAP_CONNECTION"
# the server runs from .local/server, so it is told where the built client is
export Client__Path="${Client__Path:-$MAKERMAP_ROOT/map-client/dist}"

# front-end assets the server embeds or serves (GraphiQL, the map client), built offline from npm
for step in build-graphiql.sh build-client.sh; do
  if [ -x "$MAKERMAP_ROOT/scripts/$step" ]; then
    ensure_node
    "$MAKERMAP_ROOT/scripts/$step" || die "$step failed"
  fi
done

log "building the server"
dotnet build "$MAKERMAP_ROOT/server/MakerMap.Api/MakerMap.Api.csproj" -c Release -v quiet -nologo -clp:ErrorsOnly \
  -o "$MAKERMAP_ROOT/.local/server" || die "build failed"

# the server's folder is its content root, so its appsettings.json applies
cd "$MAKERMAP_ROOT/.local/server"
log "migrating and loading seed data"
# --demo-accounts: development sign-ins for every role (README "Try it"); never on a public server
dotnet "$MAKERMAP_ROOT/.local/server/MakerMap.Api.dll" seed --seed-dir "$MAKERMAP_ROOT/seed-data" --demo-accounts

log "MakerMap runs at http://127.0.0.1:$PORT  (map: /, health: /healthz, places: /export/places.geojson, API: /graphql)"
log "demo accounts (development only), password makermap-demo: admin@makermap.test (site admin),"
log "  planner@makermap.test (planner), manager@makermap.test (resource manager, stad-gent), member@makermap.test (member, broei)"
export_server_runtime_env
exec dotnet "$MAKERMAP_ROOT/.local/server/MakerMap.Api.dll" --urls "http://127.0.0.1:$PORT"
