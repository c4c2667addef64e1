#!/usr/bin/env bash
# End-to-end test of `gongkai deadline`: runs the built binary and checks output and exit codes.
# Usage: deadline_cli_test.sh PATH/TO/gongkai
set -u

bin="${1:?usage: deadline_cli_test.sh PATH/TO/gongkai}"
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../../data"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

failures=0
checks=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run ARGS... : runs the binary; sets $out, $err, $rc.
run() {
  "$bin" --data "$data" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out="$(cat "$tmp/out")"
  err="$(cat "$tmp/err")"
}

expect_rc() {  # expect_rc CODE DESCRIPTION
  checks=$((checks + 1))
  [[ "$rc" == "$1" ]] || fail "$2: exit $rc, expected $1 (stderr: $err)"
}

expect_out() {  # expect_out TEXT DESCRIPTION  (fixed-string match on stdout)
  checks=$((checks + 1))
  grep -qF -- "$1" "$tmp/out" || fail "$2: stdout lacks '$1'"$'\n'"$out"
}

expect_no_out() {
  checks=$((checks + 1))
  ! grep -qF -- "$1" "$tmp/out" || fail "$2: stdout unexpectedly has '$1'"
}

expect_err() {  # expect_err TEXT DESCRIPTION
  checks=$((checks + 1))
  grep -qF -- "$1" "$tmp/err" || fail "$2: stderr lacks '$1'"$'\n'"$err"
}

expect_one_line_error() {
  checks=$((checks + 1))
  [[ "$(wc -l <"$tmp/err")" == 1 && "$err" == 错误：* ]] || fail "$1: stderr is not one '错误：' line: $err"
  checks=$((checks + 1))
  [[ -z "$out" ]] || fail "$1: stdout not empty on error"
}

# --- Text output: 国庆 2019, online, confirmed the same day ------------------------------------
run deadline --received 2019-09-27 --channel online --confirmed 2019-09-27
expect_rc 0 "national day"
expect_out "适用规则：2019年条例（答复期限20个工作日）" "national day rules"
expect_out "收到申请之日：2019-09-27（星期五）" "national day receipt"
expect_out "答复期限：2019-10-30（星期三）" "national day due"
expect_out "收到申请日期 2019-09-27 在 2019-05-15 之后，适用2019年条例，答复期限20个工作日" "rule reason"
expect_out "2019-09-29（星期日）国庆节调休上班，计为工作日" "调休 workday counted"
expect_out "2019-10-01（星期二）国庆节放假，不计" "holiday skipped"
expect_out "2019-09-28（星期六）周末，不计" "weekend skipped"
expect_no_out "2019-10-08" "no line for an ordinary working day"
expect_no_out "默认" "confirmation given, nothing defaulted"

# --- 2008 rules before 春节 2018, extension 15 (the maximum) -----------------------------------
run deadline --received 2018-02-12 --channel in_person --extension 15
expect_rc 0 "2018 extension"
expect_out "适用规则：2008年条例（答复期限15个工作日）" "2008 rules"
expect_out "基本答复期限：2018-03-09（星期五）" "2018 base due"
expect_out "答复期限：2018-03-30（星期五）" "2018 due"
expect_out "2018-02-24（星期六）春节调休上班，计为工作日" "2018 调休"

# --- Defaulted confirmation, 补正 and pause ----------------------------------------------------
run deadline --received 2019-06-03 --channel post_ordinary
expect_rc 0 "ordinary post"
expect_out "未提供确认日期，确认日期默认为收到日期 2019-06-03" "default confirmation said"

run deadline --received 2019-06-03 --channel in_person --correction-received 2019-06-17
expect_rc 0 "correction"
expect_out "起算日：2019-06-17（星期一）" "correction start"
expect_out "答复期限：2019-07-15（星期一）" "correction due"

run deadline --received 2019-09-20 --channel fax --confirmed 2019-09-20 --pause 2019-09-26:2019-10-10
expect_rc 0 "pause"
expect_out "答复期限：2019-11-01（星期五）" "pause due"
expect_out "2019-09-26（星期四）征求意见期间，不计" "paused day"
expect_out "征求意见不计：7个工作日" "paused count"

run deadline --received 2019-06-03 --channel in_person --rules 2008
expect_rc 0 "rules override"
expect_out "指定适用2008年条例" "override explained"
expect_out "答复期限：2019-06-25（星期二）" "override due"

# --- JSON -----------------------------------------------------------------------------------
run deadline --received 2019-06-03 --channel online --pause 2019-06-20:2019-06-20 --extension 5 --json
expect_rc 0 "json"
expect_out '"rules": "2019"' "json rules"
expect_out '"statutory_receipt": "2019-06-03"' "json receipt"
expect_out '"start": "2019-06-03"' "json start"
expect_out '"base_days": 20' "json base days"
expect_out '"extension_days": 5' "json extension"
expect_out '"base_due": "2019-07-03"' "json base due"
expect_out '"due": "2019-07-10"' "json due"
expect_out '"confirmed_defaulted": true' "json defaulted"
expect_out '"date": "2019-06-20"' "json step date"
expect_out '"text": "2019-06-20（星期四）征求意见期间，不计"' "json step text"
if command -v python3 >/dev/null; then
  checks=$((checks + 1))
  python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["due"]=="2019-07-10" and len(d["steps"])>3' \
    <"$tmp/out" || fail "json does not parse"
fi

# --- User errors: one line "错误：…", exit 1 ---------------------------------------------------
run deadline --received 2019-02-30 --channel online
expect_rc 1 "bad date"
expect_one_line_error "bad date"
expect_err '--received: 不是有效日期 "2019-02-30"' "bad date message"

run deadline --received 2019-06-03 --channel email
expect_rc 1 "unknown channel"
expect_one_line_error "unknown channel"
expect_err '未知的申请渠道 "email"' "unknown channel message"

run deadline --received 2026-12-15 --channel in_person
expect_rc 1 "out of calendar"
expect_one_line_error "out of calendar"
expect_err "日历未收录2027年的节假日安排" "out of calendar message"

run deadline --received 2019-06-03 --channel in_person --extension 21
expect_rc 1 "extension 21"
expect_err "上限 20 个工作日" "extension message"

run deadline --received 2019-06-03 --channel in_person --extension 20
expect_rc 0 "extension 20"

run deadline --received 2019-06-03 --channel in_person --pause 2019-06-10
expect_rc 1 "pause format"
expect_err "起始日:结束日" "pause format message"

run deadline --received 2019-06-03 --channel in_person --pause 2019-06-20:2019-06-10
expect_rc 1 "pause reversed"
expect_err "结束日早于开始日" "pause reversed message"

run deadline --received 2019-06-03 --channel in_person --rules 2020
expect_rc 1 "unknown rules"

run deadline --received 2019-06-04 --channel online --confirmed 2019-06-03
expect_rc 1 "confirmation before arrival"

# A broken calendar names file and line.
mkdir -p "$tmp/data"
printf 'date,kind,name\n2019-10-01,holiday,国庆节\n2019-10-32,holiday,国庆节\n' >"$tmp/data/holidays-cn.csv"
"$bin" --data "$tmp/data" deadline --received 2019-06-03 --channel in_person >"$tmp/out" 2>"$tmp/err"
rc=$?; out="$(cat "$tmp/out")"; err="$(cat "$tmp/err")"
expect_rc 1 "broken calendar"
expect_err "holidays-cn.csv:3: 日期 \"2019-10-32\" 无效" "broken calendar message"

# --- Usage errors: exit 2 --------------------------------------------------------------------
run deadline --channel in_person
expect_rc 2 "missing --received"
run deadline --received 2019-06-03 --channel in_person --extension many
expect_rc 2 "non-numeric extension"

# --- Help in Chinese -------------------------------------------------------------------------
run deadline --help
expect_rc 0 "help"
expect_out "答复期限" "help text"
expect_out "--correction-received" "help lists options"

echo "deadline CLI: $checks checks, $failures failures"
[[ $failures -eq 0 ]]
