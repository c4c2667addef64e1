#!/usr/bin/env bash
# A reader's long fuzz run (issue 4 asks for ≥ 10⁷ executions per target, 0 crashes, 0 leaks):
# TOTAL executions of fuzz_read_READER under ASan + UBSan + LSan, split into JOBS libFuzzer runs
# of TOTAL/JOBS executions each (`-jobs`), WORKERS of them at a time on one shared corpus, so
# every core stays busy until the total is reached. Each run ends on its own ("Done N runs"); a
# crash, sanitizer report, leak, input slower than 5 s or above 2 GB ends its run with the input
# saved in the artifacts directory, and the script fails. Builds the fuzz targets first
# (scripts/fuzz.sh --build-only). Keep the machine otherwise quiet: the rate is the figure.
#
# A campaign that was stopped (a session's end kills it) is continued with --continue: only the
# runs that did not finish are started again, with the same binary (its SHA-256 is checked), the
# same flags and the same corpus, in a part-<time>/ directory of the campaign; the summary then
# counts every finished run of the campaign and checks every log in it.
#
# Usage: scripts/fuzz_long.sh text|html|pdf [TOTAL [WORKERS [JOBS]]]
#        scripts/fuzz_long.sh --continue CAMPAIGN_DIR [WORKERS]
#        (defaults: 10000000 executions, one worker per core, 20 jobs)
# Environment: GONGKAI_FUZZ_BUILD_DIR (default build-fuzz),
#   GONGKAI_FUZZ_LONG_DIR (default <build dir>/long: corpus-READER/, artifacts/, READER-<time>/
#   — the campaign directory: campaign.txt, each run's log, summary.txt),
#   GONGKAI_FUZZ_FLAGS (more libFuzzer flags, after ours).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
usage() {
  echo "usage: scripts/fuzz_long.sh text|html|pdf [TOTAL [WORKERS [JOBS]]]" >&2
  echo "       scripts/fuzz_long.sh --continue CAMPAIGN_DIR [WORKERS]" >&2
  exit 2
}
whole() {
  case "$1" in '' | *[!0-9]* | 0)
    echo "fuzz_long.sh: TOTAL, WORKERS and JOBS are positive whole numbers (got '$1')" >&2
    exit 2
    ;;
  esac
}

build=${GONGKAI_FUZZ_BUILD_DIR:-$root/build-fuzz}
campaign=
if [ "${1:-}" = --continue ]; then
  campaign=${2:-}
  [ -n "$campaign" ] || usage
  if [ ! -f "$campaign/campaign.txt" ]; then
    echo "fuzz_long.sh: $campaign is not a campaign directory (no campaign.txt)" >&2
    exit 2
  fi
  campaign=$(cd "$campaign" && pwd)
  value() { sed -n "s/^$1=//p" "$campaign/campaign.txt"; }
  reader=$(value reader)
  total=$(value total)
  jobs=$(value jobs)
  long=$(value long)
  sha=$(value binary_sha256)
  workers=${3:-$(nproc 2>/dev/null || echo 2)}
else
  reader=${1:-}
  total=${2:-10000000}
  workers=${3:-$(nproc 2>/dev/null || echo 2)}
  jobs=${4:-20}
  long=${GONGKAI_FUZZ_LONG_DIR:-$build/long}
fi
case "$reader" in text | html | pdf) ;; *) usage ;; esac
for n in "$total" "$workers" "$jobs"; do whole "$n"; done
if ((total % jobs != 0)); then
  echo "fuzz_long.sh: TOTAL ($total) is not a multiple of JOBS ($jobs)" >&2
  exit 2
fi
runs=$((total / jobs))

GONGKAI_FUZZ_BUILD_DIR=$build scripts/fuzz.sh --build-only
binary=$build/fuzz/fuzz_read_$reader
corpus=$long/corpus-$reader
artifacts=$long/artifacts

if [ -z "$campaign" ]; then
  campaign=$long/$reader-$(date +%Y%m%d-%H%M%S)
  mkdir -p "$campaign"
  {
    echo "reader=$reader"
    echo "total=$total"
    echo "jobs=$jobs"
    echo "long=$long"
    echo "binary_sha256=$(sha256sum "$binary" | cut -d' ' -f1)"
  } >"$campaign/campaign.txt"
  logs=$campaign
  todo=$jobs
else
  if [ "$(sha256sum "$binary" | cut -d' ' -f1)" != "$sha" ]; then
    echo "fuzz_long.sh: $binary is not the binary the campaign started with" \
      "(SHA-256 $sha); start a new campaign" >&2
    exit 2
  fi
  # The campaign's runs log to fuzz-N.log in its directory and in each part; finished ones say so.
  finished=$( (grep -l '^Done [0-9]* runs' "$campaign"/fuzz-*.log "$campaign"/part-*/fuzz-*.log \
    2>/dev/null || true) | wc -l)
  todo=$((jobs - finished))
  if ((todo < 0)); then todo=0; fi
  logs=$campaign/part-$(date +%Y%m%d-%H%M%S)
fi
mkdir -p "$corpus" "$artifacts"
if ((todo > 0)); then mkdir -p "$logs"; fi
seeds=()
[ -d "$build/corpus/$reader" ] && seeds+=("$build/corpus/$reader")
dict=()
[ -f "$root/fuzz/$reader.dict" ] && dict+=("-dict=$root/fuzz/$reader.dict")

echo "fuzz_long.sh: $reader, $total executions as $jobs runs of $runs, $todo to run," \
  "$workers at a time; logs in $logs"
start=$(date +%s)
status=0
if ((todo > 0)); then
  # Allocation stacks are not recorded (a report still names the bug; the saved input reproduces
  # it with full stacks): ≈ 1.25× faster under poppler's many small allocations.
  # GONGKAI_FUZZ_FLAGS is split into flags on purpose.
  # shellcheck disable=SC2086
  (cd "$logs" && ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0} \
    "$binary" -jobs="$todo" -workers="$workers" -runs="$runs" \
    -timeout=5 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$reader-" "${dict[@]}" ${GONGKAI_FUZZ_FLAGS:-} \
    "$corpus" "${seeds[@]}" \
    >parent.log 2>&1) || status=$?
fi
seconds=$(($(date +%s) - start))

# Every log of the campaign: finished runs, their own seconds, peak RSS, reports.
done_runs=0
done_jobs=0
run_seconds=0
peak=0
problems=0
for log in "$campaign"/fuzz-*.log "$campaign"/part-*/fuzz-*.log; do
  [ -f "$log" ] || continue
  if line=$(grep -o '^Done [0-9]* runs in [0-9]* second' "$log"); then
    read -r _ n _ _ s _ <<<"$line"
    done_runs=$((done_runs + n))
    run_seconds=$((run_seconds + s))
    done_jobs=$((done_jobs + 1))
  fi
  p=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  if ((p > peak)); then peak=$p; fi
  if grep -q -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY:' "$log"
  then
    problems=$((problems + 1))
  fi
done
parts=$(find "$campaign" -maxdepth 1 -name 'part-*' -type d | wc -l)
{
  echo "reader:      $reader (campaign $campaign, started $((parts + 1)) time(s))"
  echo "executions:  $done_runs in $done_jobs of $jobs runs that finished (target $total)"
  echo "seconds:     $seconds this time; the finished runs took $run_seconds s" \
    "($((done_runs / (run_seconds > 0 ? run_seconds : 1))) executions/s per worker)"
  echo "peak RSS:    $peak MB (largest of the runs)"
  echo "problems:    $problems logs with a crash, sanitizer or leak report; exit $status"
} | tee "$campaign/summary.txt"
if ((status != 0 || problems != 0 || done_jobs < jobs)); then
  echo "fuzz_long.sh: FAILED — see $campaign and $artifacts" >&2
  exit 1
fi
