#!/usr/bin/env bash
# Builds the libFuzzer targets of the report readers (fuzz/: text, HTML, PDF) with clang, ASan and
# UBSan in build-fuzz/, then runs each for SECONDS (default 20), seeded from tests/fixtures and
# the corpus earlier runs kept in build-fuzz/corpus/. Fails on a crash, a sanitizer report, a
# leak, an input taking more than 5 s or more than 2 GB, or a broken Document invariant
# (fuzz/document_invariants.h); the input is saved in build-fuzz/artifacts/.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]     build and run
#        scripts/fuzz.sh --build-only             build only
# Environment: GONGKAI_FUZZ_BUILD_DIR (default build-fuzz), GONGKAI_FUZZ_JOBS (build jobs).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${GONGKAI_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=20
build_only=0
case "${1:-}" in
  --build-only) build_only=1 ;;
  "") ;;
  *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET | --build-only]" >&2; exit 2 ;;
  *) seconds=$1 ;;
esac

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ is missing (Debian: clang libclang-rt-14-dev; scripts/deps.sh test)" >&2
  exit 1
fi
jobs=${GONGKAI_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
mkdir -p "$build"
cmake -S . -B "$build" -DGONGKAI_FUZZ=ON -DGONGKAI_BUILD_TESTS=OFF -DGONGKAI_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j"$jobs" --target fuzzers >"$build/build.log" 2>&1 ||
  { tail -50 "$build/build.log" >&2; exit 1; }
[ "$build_only" = 1 ] && exit 0

seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds/text" "$seeds/html" "$seeds/pdf" "$build/artifacts"
cp tests/fixtures/*.txt tests/fixtures/*.csv tests/fixtures/reports-dev/*.txt "$seeds/text/"
cp tests/fixtures/html/*.html "$seeds/html/"
cp tests/fixtures/pdf/*.pdf "$seeds/pdf/"

status=0
for reader in text html pdf; do
  corpus=$build/corpus/$reader
  mkdir -p "$corpus"
  # Each run keeps the inputs that found something new; once they are many, keep only a set with
  # the same coverage, so that the first pass over the corpus stays short.
  if [ "$(find "$corpus" -type f | wc -l)" -gt 1000 ]; then
    rm -rf "$corpus.min" && mkdir -p "$corpus.min"
    if "$build/fuzz/fuzz_read_$reader" -merge=1 -timeout=5 -rss_limit_mb=2048 \
        "$corpus.min" "$corpus" >"$build/fuzz_read_$reader.merge.log" 2>&1; then
      rm -rf "$corpus" && mv "$corpus.min" "$corpus"
    fi
  fi
  dict=()
  [ -f "fuzz/$reader.dict" ] && dict=(-dict="fuzz/$reader.dict")
  # Small inputs run fast; the structures the readers care about fit in a few KB.
  case $reader in text) max_len=4096 ;; *) max_len=16384 ;; esac
  log=$build/fuzz_read_$reader.log
  echo "==> fuzz_read_$reader: ${seconds} s"
  if "$build/fuzz/fuzz_read_$reader" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
      -max_len=$max_len -print_final_stats=1 -artifact_prefix="$build/artifacts/fuzz_read_$reader-" "${dict[@]}" \
      "$corpus" "$seeds/$reader" >"$log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^Done" "$log" | sed 's/^/    /'
  else
    status=1
    echo "fuzz_read_$reader FAILED (log: $log):" >&2
    grep -E "ERROR|SUMMARY|invariant|Test unit written|artifact" "$log" | head -20 >&2
  fi
done
exit $status
