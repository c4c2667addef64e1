#!/usr/bin/env bash
# A reader's long fuzz run (issue 4 asks for ≥ 10⁷ executions per target, 0 crashes, 0 leaks):
# TOTAL executions of fuzz_read_READER under ASan + UBSan + LSan, split into JOBS libFuzzer runs
# of TOTAL/JOBS executions each (`-jobs`), WORKERS of them at a time on one shared corpus, so
# every core stays busy until the total is reached. Each run ends on its own ("Done N runs"); a
# crash, sanitizer report, leak, input slower than 5 s or above 2 GB ends its run with the input
# saved in the artifacts directory, and the script fails. Builds the fuzz targets first
# (scripts/fuzz.sh --build-only). Keep the machine otherwise quiet: the rate is the figure.
#
# Usage: scripts/fuzz_long.sh text|html|pdf [TOTAL [WORKERS [JOBS]]]
#        (defaults: 10000000 executions, one worker per core, 20 jobs)
# Environment: GONGKAI_FUZZ_BUILD_DIR (default build-fuzz),
#   GONGKAI_FUZZ_LONG_DIR (default <build dir>/long: corpus-READER/, artifacts/, READER-<time>/
#   with each job's log and summary.txt), GONGKAI_FUZZ_FLAGS (more libFuzzer flags, after ours).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
reader=${1:-}
case "$reader" in text | html | pdf) ;; *)
  echo "usage: scripts/fuzz_long.sh text|html|pdf [TOTAL [WORKERS [JOBS]]]" >&2
  exit 2
  ;;
esac
total=${2:-10000000}
workers=${3:-$(nproc 2>/dev/null || echo 2)}
jobs=${4:-20}
for n in "$total" "$workers" "$jobs"; do
  case "$n" in '' | *[!0-9]* | 0)
    echo "fuzz_long.sh: TOTAL, WORKERS and JOBS are positive whole numbers (got '$n')" >&2
    exit 2
    ;;
  esac
done
if ((total % jobs != 0)); then
  echo "fuzz_long.sh: TOTAL ($total) is not a multiple of JOBS ($jobs)" >&2
  exit 2
fi
runs=$((total / jobs))

build=${GONGKAI_FUZZ_BUILD_DIR:-$root/build-fuzz}
GONGKAI_FUZZ_BUILD_DIR=$build scripts/fuzz.sh --build-only
long=${GONGKAI_FUZZ_LONG_DIR:-$build/long}
corpus=$long/corpus-$reader
artifacts=$long/artifacts
logs=$long/$reader-$(date +%Y%m%d-%H%M%S)
mkdir -p "$corpus" "$artifacts" "$logs"
seeds=()
[ -d "$build/corpus/$reader" ] && seeds+=("$build/corpus/$reader")
dict=()
[ -f "$root/fuzz/$reader.dict" ] && dict+=("-dict=$root/fuzz/$reader.dict")

echo "fuzz_long.sh: $reader, $total executions as $jobs runs of $runs, $workers at a time;" \
  "logs in $logs"
start=$(date +%s)
status=0
# Allocation stacks are not recorded (a report still names the bug; the saved input reproduces
# it with full stacks): ≈ 1.25× faster under poppler's many small allocations.
(cd "$logs" && ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0} \
  "$build/fuzz/fuzz_read_$reader" -jobs="$jobs" -workers="$workers" -runs="$runs" \
  -timeout=5 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
  -artifact_prefix="$artifacts/$reader-" "${dict[@]}" ${GONGKAI_FUZZ_FLAGS:-} \
  "$corpus" "${seeds[@]}" \
  >parent.log 2>&1) || status=$?
seconds=$(($(date +%s) - start))

done_runs=0
done_jobs=0
peak=0
for log in "$logs"/fuzz-*.log; do
  [ -f "$log" ] || continue
  if n=$(grep -o '^Done [0-9]* runs' "$log" | grep -o '[0-9]*'); then
    done_runs=$((done_runs + n))
    done_jobs=$((done_jobs + 1))
  fi
  p=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  if ((p > peak)); then peak=$p; fi
done
problems=$( (grep -l -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY:' \
  "$logs"/fuzz-*.log 2>/dev/null || true) | wc -l)
{
  echo "reader:      $reader"
  echo "executions:  $done_runs in $done_jobs of $jobs runs that finished (target $total)"
  echo "seconds:     $seconds ($((done_runs / (seconds > 0 ? seconds : 1))) executions/s)"
  echo "peak RSS:    $peak MB (largest of the runs)"
  echo "problems:    $problems logs with a crash, sanitizer or leak report; exit $status"
} | tee "$logs/summary.txt"
if ((status != 0 || problems != 0 || done_jobs != jobs)); then
  echo "fuzz_long.sh: FAILED — see $logs and $artifacts" >&2
  exit 1
fi
