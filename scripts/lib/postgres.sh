# A PostgreSQL cluster that belongs to this checkout: its own data directory, port and socket,
# started with the Debian binaries. Sourced, not run.
# shellcheck shell=bash

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

ensure_postgis_packages() {
  ensure_apt_packages postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting
}

# The data directory lives in .local/ of the checkout. PostgreSQL refuses to run as root, so as
# root the cluster runs as the 'postgres' user; when that user cannot reach the checkout (a clone
# in a private temp folder), the cluster moves to /var/tmp under a name derived from the path.
pg_data_dir() {
  local name="$1"
  local dir="$MAKERMAP_ROOT/.local/$name"
  if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$MAKERMAP_ROOT/.local"
    if ! runuser -u postgres -- test -x "$MAKERMAP_ROOT/.local" 2>/dev/null; then
      dir="/var/tmp/makermap-$(printf '%s' "$MAKERMAP_ROOT" | md5sum | cut -c1-10)/$name"
    fi
  fi
  printf '%s' "$dir"
}

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start NAME PORT [SERVER_OPTIONS]: initialise (once) and start the cluster; idempotent.
# The test cluster passes fsync=off and friends: its databases are thrown away after each run.
pg_start() {
  local name="$1" port="$2" extra="${3:-}"
  local data run
  data="$(pg_data_dir "$name")"
  run="$data/../$name-run"
  mkdir -p "$data" "$run"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data" "$run" "$(dirname "$data")"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in $data"
    # trust on loopback only: the cluster listens on 127.0.0.1 and belongs to this checkout
    pg_as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
      || die "initdb failed"
  fi
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    return 0
  fi
  log "starting PostgreSQL on 127.0.0.1:$port"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$data/../$name.log" -w -t 60 start \
    -o "-p $port -k $run -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB $extra" >/dev/null \
    || { tail -20 "$data/../$name.log" >&2; die "PostgreSQL did not start (log: $data/../$name.log)"; }
}

pg_stop() {
  local name="$1"
  local data
  data="$(pg_data_dir "$name")"
  [ -f "$data/PG_VERSION" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
}

# pg_ensure_database PORT DB: create the database when it does not exist yet.
pg_ensure_database() {
  local port="$1" db="$2"
  if ! psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    log "creating database $db"
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE \"$db\"" >/dev/null || die "could not create database $db"
  fi
}
