#!/usr/bin/env bash
# Installs the pinned npm packages for the conformance tooling (graphql-js, graphql-http, graphql-ws, ws, opening_hours, ical.js).
# Idempotent: npm ci runs only when package-lock.json changed since the last install here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f node_modules/.lock-sha256 && "$(cat node_modules/.lock-sha256)" == "$want" ]]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > node_modules/.lock-sha256
