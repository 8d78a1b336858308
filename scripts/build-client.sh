#!/usr/bin/env bash
# Builds the map client (map-client/, TypeScript + MapLibre, Vite) into map-client/dist/, which the
# server hosts at `/` (setting Client:Path). Installs npm packages only when package-lock.json (or
# package.json without a lock) changed since the last install, and builds only when a source file is
# newer than the last build, so a second run is quick and works offline. Without
# map-client/package.json there is nothing to build yet: it says so and succeeds.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

dir="$MAKERMAP_ROOT/map-client"
if [[ ! -f "$dir/package.json" ]]; then
  log "no map-client/package.json yet: skipping the map client build"
  exit 0
fi
ensure_node
cd "$dir"

install_stamp=node_modules/.makermap-install-sha256
build_stamp=node_modules/.makermap-build-stamp
# what the installed packages follow from (npm install writes a lock, so hash again after it)
manifest_sha() { cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1; }
if [[ ! -f "$install_stamp" || "$(cat "$install_stamp")" != "$(manifest_sha)" ]]; then
  if [[ -f package-lock.json ]]; then
    log "installing map client packages (npm ci)"
    npm ci --prefer-offline --no-audit --no-fund --loglevel=error
  else
    log "installing map client packages (npm install: no package-lock.json yet)"
    npm install --prefer-offline --no-audit --no-fund --loglevel=error
  fi
  mkdir -p node_modules
  manifest_sha > "$install_stamp"
  rm -f "$build_stamp"
fi

# anything but installed packages and build output that changed since the last build means rebuild;
# so does the SDL, since the client's types are generated from it and its operations validated against it
if [[ -f "$build_stamp" && -f dist/index.html ]] \
  && [[ -z "$(find . \( -path ./node_modules -o -path ./dist -o -path ./test-results -o -path ./.git \) -prune -o -type f -newer "$build_stamp" -print -quit)" ]] \
  && [[ ! "$MAKERMAP_ROOT/schema/makermap.graphql" -nt "$build_stamp" ]]; then
  log "map client is up to date in map-client/dist"
  exit 0
fi
log "building the map client (npm run build)"
npm run build --silent
touch "$build_stamp"
log "map client built in map-client/dist"
