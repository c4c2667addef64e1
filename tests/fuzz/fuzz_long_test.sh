#!/usr/bin/env bash
# scripts/fuzz_long.sh on a tiny total: a clean run passes and sums its jobs' executions, a stopped
# campaign is continued with only its unfinished runs, a run whose inputs exceed the memory limit
# fails with the inputs saved, bad arguments and a changed binary are refused.
# Usage: fuzz_long_test.sh   (GONGKAI_FUZZ_BUILD_DIR: the fuzz build, as for scripts/fuzz.sh)
set -u
here="$(cd "$(dirname "$0")" && pwd)"
script="$here/../../scripts/fuzz_long.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Clean: 2 jobs of 500 executions of the text reader (each also runs its seed corpus once).
out=$(GONGKAI_FUZZ_LONG_DIR="$tmp/ok" bash "$script" text 1000 2 2 2>&1)
rc=$?
[ "$rc" = 0 ] || fail "clean run: exit $rc, want 0: $out"
grep -q 'in 2 of 2 runs that finished (target 1000)' <<<"$out" || fail "clean run summary: $out"
grep -q 'problems:    0 logs' <<<"$out" || fail "clean run problems: $out"
n=$(grep -o 'executions:  [0-9]*' <<<"$out" | grep -o '[0-9]*$')
[ "${n:-0}" -ge 1000 ] || fail "clean run counted ${n:-nothing}, want ≥ 1000"
ls "$tmp"/ok/text-*/summary.txt >/dev/null 2>&1 || fail "clean run: no summary.txt"

# Continued: one run loses its end (as when a session's end kills it); --continue runs only that
# one again, in a part directory, and counts the campaign's two finished runs.
campaign=$(ls -d "$tmp"/ok/text-*)
sed -i '/^Done /d' "$campaign/fuzz-1.log"
out=$(bash "$script" --continue "$campaign" 1 2>&1)
rc=$?
[ "$rc" = 0 ] || fail "continued: exit $rc, want 0: $out"
grep -q '2 runs of 500, 1 to run' <<<"$out" || fail "continued: not 1 run to run: $out"
grep -q 'in 2 of 2 runs that finished (target 1000)' <<<"$out" || fail "continued summary: $out"
grep -q 'started 2 time(s)' <<<"$out" || fail "continued: parts not counted: $out"
ls "$campaign"/part-*/fuzz-0.log >/dev/null 2>&1 || fail "continued: no log in a part directory"
# A finished campaign has nothing left to run.
out=$(bash "$script" --continue "$campaign" 2>&1)
rc=$?
[ "$rc" = 0 ] || fail "finished campaign: exit $rc, want 0: $out"
grep -q ', 0 to run' <<<"$out" || fail "finished campaign ran again: $out"
# Another binary than the one the campaign started with is refused.
sed -i 's/^binary_sha256=.*/binary_sha256=0123/' "$campaign/campaign.txt"
out=$(bash "$script" --continue "$campaign" 2>&1)
rc=$?
[ "$rc" = 2 ] || fail "changed binary: exit $rc, want 2: $out"
grep -q 'not the binary the campaign started with' <<<"$out" || fail "changed binary: $out"

# Failing: a 20 MB memory limit, below what the process holds from the start. libFuzzer checks
# the RSS once a second, so the runs are made long enough (10⁶ executions) to be caught.
out=$(GONGKAI_FUZZ_FLAGS=-rss_limit_mb=20 GONGKAI_FUZZ_LONG_DIR="$tmp/oom" \
  bash "$script" text 1000000 2 2 2>&1)
rc=$?
[ "$rc" = 1 ] || fail "over the memory limit: exit $rc, want 1: $out"
grep -q 'FAILED' <<<"$out" || fail "over the memory limit: no FAILED line: $out"
ls "$tmp"/oom/artifacts/text-oom-* >/dev/null 2>&1 || fail "over the memory limit: no input saved"

# Bad arguments.
for args in "foo" "text 1001 2 2" "text 0" "text x" "--continue" "--continue $tmp"; do
  # shellcheck disable=SC2086
  out=$(bash "$script" $args 2>&1)
  rc=$?
  [ "$rc" = 2 ] || fail "'$args': exit $rc, want 2: $out"
done

if [ "$failures" -gt 0 ]; then
  echo "fuzz_long_test: $failures failure(s)" >&2
  exit 1
fi
echo "fuzz_long_test: all checks passed"
