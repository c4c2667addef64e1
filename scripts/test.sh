#!/usr/bin/env bash
# Builds gongkai and runs the whole test suite (ctest), including the PostgreSQL tests on a
# private cluster that the suite starts and stops itself, and 60 s of fuzzing of the report
# readers (fuzz/, scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
bash scripts/build.sh
# The fuzz targets of the report readers (clang, sanitizers) build apart, in build-fuzz; ctest's
# fuzz.readers runs them.
bash scripts/fuzz.sh --build-only
# The browser tests' dependencies (playwright-core, axe-core, pinned in package-lock.json); ctest's
# `browser` entry runs them against Debian's chromium.
(cd tests/browser && npm ci --no-audit --no-fund)
cd build
ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)" --timeout 900
