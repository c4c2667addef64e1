#!/usr/bin/env bash
# Installs the Debian 12 packages gongkai needs to build, run and test — only those missing.
# Usage: scripts/deps.sh [run|test]
set -euo pipefail
mode=${1:-run}

build_pkgs=(
  build-essential cmake pkg-config
  libsqlite3-dev libpq-dev libsoci-dev libboost-dev libboost-date-time-dev
  libcli11-dev libspdlog-dev libfmt-dev nlohmann-json3-dev
  librestinio-dev libasio-dev libhttp-parser-dev libkainjow-mustache-dev
  libxlsxwriter-dev libpango1.0-dev libcairo2-dev fonts-noto-cjk libsodium-dev
  libgumbo-dev libpoppler-cpp-dev libpoppler-private-dev libxapian-dev
)
test_pkgs=(
  libgtest-dev libgmock-dev libbenchmark-dev libcurl4-openssl-dev
  postgresql poppler-utils unzip sqlite3 python3
  clang libclang-rt-14-dev
  chromium nginx wrk
)

want=("${build_pkgs[@]}")
if [ "$mode" = test ]; then
  want+=("${test_pkgs[@]}")
  # The browser tests' tooling (npm ci: playwright-core, axe-core) needs Node.js and npm; use
  # the machine's if it has them, else Debian's.
  if ! command -v node >/dev/null 2>&1; then want+=(nodejs); fi
  if ! command -v npm >/dev/null 2>&1; then want+=(npm); fi
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "need root to apt-get install (run as root, or install the packages above)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "==> all Debian packages present"
fi
