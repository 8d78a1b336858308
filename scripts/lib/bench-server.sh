# Starting a Release server for a benchmark, as run.sh runs it. Sourced after common.sh.
# shellcheck shell=bash

# bench_seed_and_start SERVER_DIR PG_PORT DB URL LOG: loads the seed data with the built server in
# SERVER_DIR, vacuums and analyses (so autovacuum does not wake up in the middle of a measurement),
# starts the server on URL with the server's runtime settings, logging to LOG, and waits for /healthz.
# Sets server_pid; an EXIT trap stops the server.
bench_seed_and_start() {
  local server_dir="$1" pg_port="$2" db="$3" url="$4" server_log="$5"
  log "migrating and loading seed data"
  (cd "$server_dir" && dotnet MakerMap.Api.dll seed --seed-dir "$MAKERMAP_ROOT/seed-data" >/dev/null) || die "seeding failed"
  psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -c "VACUUM ANALYZE" || die "VACUUM ANALYZE failed"

  log "starting the server on $url"
  export_server_runtime_env
  (cd "$server_dir" && exec dotnet MakerMap.Api.dll --urls "$url") >"$server_log" 2>&1 &
  server_pid=$!
  # shellcheck disable=SC2064 # the pid is fixed now
  trap "kill $server_pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 60); do
    curl -sf "$url/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || die "the server exited (log: $server_log)"
    sleep 1
  done
  die "the server did not answer /healthz within 60 s (log: $server_log)"
}
