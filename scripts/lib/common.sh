# Shared helpers for MakerMap's scripts. Sourced, not run.
# shellcheck shell=bash

MAKERMAP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export MAKERMAP_ROOT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages MakerMap needs. Installs only what is missing, so a second run is quick.
APT_UPDATED=0
ensure_apt_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found: install ${missing[*]} by hand"
  log "installing Debian packages: ${missing[*]}"
  if [ "$APT_UPDATED" -eq 0 ]; then
    as_root apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "the .NET SDK is missing: install the version named in global.json"
}

ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null || die "Node.js and npm are missing: install Node 20+"
}

# Runtime settings for the MakerMap server process (run.sh and the benchmarks start it through these).
# The GC sizes generation 0 from the CPU's cache size; a VM that reports none (no
# /sys/devices/system/cpu/cpu0/cache, as on this project's 2-core machines) gets a tiny budget and
# collects constantly: a 32 MB floor cut the server's CPU per nearestPlaces request by about 15 %
# (bench/README.md). It is a floor, so machines with a large cache keep their own; an exported value wins.
export_server_runtime_env() {
  export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}"
}
