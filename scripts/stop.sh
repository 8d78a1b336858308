#!/usr/bin/env bash
# Stops the project's own PostgreSQL clusters (the one scripts/run.sh uses and the test cluster).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$MAKERMAP_ROOT/scripts/lib/postgres.sh"
pg_stop dev
pg_stop test
