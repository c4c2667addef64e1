#!/usr/bin/env bash
# Memory of `gongkai serve` on a database of 1,000,000 catalog items (issue 3 target: resident
# set ≤ 150 MB). Loads the items into SQLite and builds the search index (once; both are kept in
# $DATA and reused), starts the server, makes a few hundred requests to the home, catalog, item,
# search and sitemap pages, then a burst of 256 connections on the catalog, and prints VmRSS and
# VmHWM (peak) from /proc/PID/status after each phase.
#
#   bench/http/rss_1m.sh                        # DATA=/tmp/gongkai-rss-1m, ITEMS=1000000
#   ITEMS=100000 DATA=/tmp/x bench/http/rss_1m.sh
#
# The items are the generated catalog items of bench/search_bench.cc (`search_bench --db`:
# 192 agencies "d<district>-<department>", ~5,200 items each, ~380 characters of text per item),
# written straight into the schema with prepared INSERTs, then indexed from the database through
# the same path as `gongkai search reindex`. On this 2-core machine the first run takes
# 25–40 minutes (almost all of it the index build); later runs take about a minute.
# Exit status: 0 if the peak RSS is within the target, 1 if not, 2 on a setup error.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$REPO/build-release}
DATA=${DATA:-/tmp/gongkai-rss-1m}
ITEMS=${ITEMS:-1000000}
SERVER_THREADS=${SERVER_THREADS:-$(nproc)}
RSS_TARGET_MB=${RSS_TARGET_MB:-150}

die() { echo "rss_1m: $*" >&2; exit 2; }
for tool in curl sqlite3 cmake wrk; do command -v "$tool" >/dev/null || die "需要 $tool"; done

if [[ ! -x $BUILD/gongkai || ! -x $BUILD/bench/search_bench || ${REBUILD:-0} == 1 ]]; then
  [[ -f $BUILD/CMakeCache.txt ]] ||
    cmake -S "$REPO" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DGONGKAI_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BUILD" -j"$(nproc)" --target gongkai search_bench >/dev/null
fi
GONGKAI=$BUILD/gongkai

mkdir -p "$DATA"
DB=$DATA/items.db
if [[ ! -f $DATA/index.ok || $(sqlite3 "$DB" 'SELECT COUNT(*) FROM catalog_items' 2>/dev/null || echo 0) != "$ITEMS" ]]; then
  echo "生成 $ITEMS 条目录条目并建索引（首次运行，较慢）…"
  rm -f "$DATA/index.ok"
  nice "$BUILD/bench/search_bench" --docs "$ITEMS" --db "$DB" --dir "$DATA" --db-docs 0 --runs 1 \
    >"$DATA/build.log"
  grep -E '^(数据库|索引)：' "$DATA/build.log"
  touch "$DATA/index.ok"
fi
echo "数据：$DB（$(du -m "$DB" | cut -f1) MB），索引 $DATA/index（$(du -sm "$DATA/index" | cut -f1) MB）"

WORK=$(mktemp -d /tmp/gongkai-rss.XXXXXX)
SERVER_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [[ ${KEEP:-0} == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$WORK/gongkai.json" <<JSON
{
  "threads": $SERVER_THREADS,
  "access_log": "$WORK/access.log",
  "pii_key_file": "$WORK/pii.key",
  "attachments_dir": "$WORK/files",
  "search_index_dir": "$DATA/index",
  "rate_limit": {"enabled": false}
}
JSON
"$GONGKAI" --data "$REPO/data" --db "$DB" serve --listen "127.0.0.1:$PORT" --config "$WORK/gongkai.json" \
  >"$WORK/out" 2>"$WORK/err" &
SERVER_PID=$!
for _ in $(seq 1 600); do
  grep -q '正在监听' "$WORK/out" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/err" >&2; die "gongkai serve 未能启动"; }
  sleep 0.1
done
grep -q '正在监听' "$WORK/out" || die "gongkai serve 60 秒内没有开始监听"
BASE=http://127.0.0.1:$PORT

mem() { awk '/^VmRSS|^VmHWM/ { printf "%s %.1f MB  ", $1, $2 / 1024 }' "/proc/$SERVER_PID/status"; }
PEAK_MB() { awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
echo "启动后：$(mem)"

# A few hundred requests over the kinds of page, 4 at a time.
URLS=$WORK/urls.txt
PAGES=$(( ITEMS / 192 / 20 ))  # catalog pages of an agency, about (192 agencies, 20 a page)
(( PAGES >= 2 )) || PAGES=2
{
  echo /
  echo /sitemap.xml
  for d in $(seq 0 11); do
    for p in $(seq 0 15); do
      slug=d$d-$p
      echo "/agencies/$slug/catalog"
      (( p % 4 == 0 )) && echo "/agencies/$slug/catalog?page=$((RANDOM % (PAGES - 1) + 2))"
      (( p % 8 == 0 )) && echo "/agencies/$slug/catalog?year=2020&genre=%E9%80%9A%E7%9F%A5"
    done
  done
  for _ in $(seq 1 150); do
    id=$(( (RANDOM * 32768 + RANDOM) % ITEMS + 1 ))
    echo "/agencies/$(sqlite3 "$DB" "SELECT slug FROM agencies a JOIN catalog_items c ON c.agency_id = a.id WHERE c.id = $id")/items/$id"
  done
  for q in 局 公 通知 工作 安全 政务公 应急预 防汛抗旱 老旧小区改造 猕猴桃 青年路小区 "商发 2020"; do
    url="/search?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")"
    echo "$url"
    case $q in 猕猴桃|青年路小区|"商发 2020") ;; *) echo "$url&page=3" ;; esac  # rare: one page
  done
} >"$URLS"
T0=$(date +%s.%N)
xargs -P4 -I{} curl -s -o /dev/null -w '%{http_code} {}\n' "$BASE{}" <"$URLS" >"$WORK/codes.txt"
T1=$(date +%s.%N)
N=$(wc -l <"$URLS")
NOT_OK=$(grep -v -c '^200 ' "$WORK/codes.txt" || true)
echo "$N 个请求（首页、目录、条目、检索、sitemap；$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", b - a }') 秒，非 200：$NOT_OK）后：$(mem)"
(( NOT_OK == 0 )) || { grep -v '^200 ' "$WORK/codes.txt" | head -5 >&2; }

wrk -t2 -c256 -d10s "$BASE/agencies/d3-5/catalog" >"$WORK/wrk-catalog.txt"
echo "256 个连接访问目录页 10 秒（$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk-catalog.txt") req/s）后：$(mem)"
wrk -t2 -c64 -d10s -s "$(dirname "$0")/search.lua" "$BASE/search" >"$WORK/wrk-search.txt"
echo "64 个连接检索 10 秒（$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk-search.txt") req/s）后：$(mem)"

PEAK=$(PEAK_MB)
echo "负载（uptime）：$(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v p="$PEAK" -v t="$RSS_TARGET_MB" 'BEGIN { exit !(p <= t) }'; then
  echo "峰值 RSS（VmHWM）$PEAK MB ≤ $RSS_TARGET_MB MB：PASS"
else
  echo "峰值 RSS（VmHWM）$PEAK MB > $RSS_TARGET_MB MB：FAIL"
  exit 1
fi
