#!/usr/bin/env bash
# Builds gongkai and runs the whole test suite (ctest), including the PostgreSQL tests on a
# private cluster that the suite starts and stops itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
bash scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)" --timeout 900
