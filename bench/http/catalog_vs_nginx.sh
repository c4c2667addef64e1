#!/usr/bin/env bash
# The catalog page of gongkai (20 items; rendered from the database once per catalog version and
# then served from the rendered-page cache, docs/http.md) against nginx serving a saved copy of
# the same bytes, with the same wrk load, in the same run.
# Targets (issue 3): gongkai's throughput ≥ 0.8 × nginx's, and gongkai's p99 ≤ 20 ms at 256
# connections.
#
#   bench/http/catalog_vs_nginx.sh            # build (if needed) and run
#   BUILD=/path/to/build DURATION=20s CONNECTIONS=256 WRK_THREADS=2 ROUNDS=3 bench/http/catalog_vs_nginx.sh
#
# Needs: wrk, nginx (Debian packages), curl, sqlite3, cmake. Uses the RELEASE build in
# $BUILD (default <repo>/build-release; configured with -DCMAKE_BUILD_TYPE=Release when absent).
# Both servers get the same number of workers (= cores, or $SERVER_THREADS); wrk runs on the same
# machine and takes CPU from whichever server is measured, the same for both, so the ratio is
# fair but the absolute figures are lower than on a separate load generator.
# Exit status: 0 if both targets are met, 1 if not, 2 on a setup error.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$REPO/build-release}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-256}
WRK_THREADS=${WRK_THREADS:-2}
SERVER_THREADS=${SERVER_THREADS:-$(nproc)}
RATIO_TARGET=${RATIO_TARGET:-0.8}
P99_TARGET_MS=${P99_TARGET_MS:-20}

die() { echo "catalog_vs_nginx: $*" >&2; exit 2; }
for tool in wrk nginx curl sqlite3 cmake; do
  command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] || die "需要 $tool（apt-get install $tool）"
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [[ ! -x $BUILD/gongkai || ${REBUILD:-0} == 1 ]]; then
  [[ -f $BUILD/CMakeCache.txt ]] ||
    cmake -S "$REPO" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DGONGKAI_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BUILD" -j"$(nproc)" --target gongkai >/dev/null
fi
GONGKAI=$BUILD/gongkai
grep -q 'CMAKE_BUILD_TYPE:STRING=Release' "$BUILD/CMakeCache.txt" ||
  echo "警告：$BUILD 不是 Release 构建，结果不代表发布版本" >&2

WORK=$(mktemp -d /tmp/gongkai-catalog-bench.XXXXXX)
chmod 755 "$WORK"  # nginx workers (user nobody when started as root) read www/
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  [[ ${KEEP:-0} == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- Data: the demo agencies with their catalog (hundreds of items each) ------------------------
DB=$WORK/bench.db
"$GONGKAI" --data "$REPO/data" --db "$DB" demo generate --agencies 2 >/dev/null
SLUG=$(sqlite3 "$DB" "SELECT a.slug FROM agencies a JOIN catalog_items c ON c.agency_id = a.id
  WHERE c.published_on IS NOT NULL AND c.withdrawn_on IS NULL GROUP BY a.id ORDER BY COUNT(*) DESC LIMIT 1")
ITEMS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM catalog_items c JOIN agencies a ON a.id = c.agency_id
  WHERE a.slug = '$SLUG' AND c.published_on IS NOT NULL AND c.withdrawn_on IS NULL")
(( ITEMS >= 20 )) || die "演示机关 $SLUG 只有 $ITEMS 条公开条目，目录页不满 20 条"
CATALOG_PATH=/agencies/$SLUG/catalog

# --- gongkai serve ------------------------------------------------------------------------------
G_PORT=$(free_port)
cat >"$WORK/gongkai.json" <<JSON
{
  "threads": $SERVER_THREADS,
  "access_log": "$WORK/access.log",
  "pii_key_file": "$WORK/pii.key",
  "attachments_dir": "$WORK/files",
  "search_index_dir": "$WORK/search",
  "rate_limit": {"enabled": false}
}
JSON
"$GONGKAI" --data "$REPO/data" --db "$DB" serve --listen "127.0.0.1:$G_PORT" --config "$WORK/gongkai.json" \
  >"$WORK/gongkai.out" 2>"$WORK/gongkai.err" &
SERVER_PID=$!
for _ in $(seq 1 300); do
  grep -q '正在监听' "$WORK/gongkai.out" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/gongkai.err" >&2; die "gongkai serve 未能启动"; }
  sleep 0.1
done
grep -q '正在监听' "$WORK/gongkai.out" || die "gongkai serve 30 秒内没有开始监听"
G_URL=http://127.0.0.1:$G_PORT$CATALOG_PATH

# --- the same bytes for nginx ---------------------------------------------------------------------
ROOT=$WORK/www
mkdir -p "$ROOT/agencies/$SLUG" "$WORK/nginx-tmp"
STATUS=$(curl -s -o "$ROOT$CATALOG_PATH" -D "$WORK/headers.txt" -w '%{http_code}' "$G_URL")
[[ $STATUS == 200 ]] || die "GET $CATALOG_PATH 返回 $STATUS"
ROWS=$(grep -o '<tr' "$ROOT$CATALOG_PATH" | wc -l)
CONTENT_TYPE=$(grep -i '^content-type:' "$WORK/headers.txt" | head -1 | cut -d' ' -f2- | tr -d '\r')
# gongkai's other response headers (security headers, cache control), repeated by nginx so both
# send the same response; Date, Server, Content-Length and Connection come from nginx itself.
ADD_HEADERS=$(grep -i -v -E '^(HTTP/|date:|server:|content-length:|content-type:|connection:|set-cookie:|\s*$)' \
  "$WORK/headers.txt" | tr -d '\r' | sed -E -e 's/["\\$]/\\&/g' \
  -e 's/^([^:]+):[[:space:]]*(.*)$/      add_header \1 "\2" always;/')
N_PORT=$(free_port)
cat >"$WORK/nginx.conf" <<NGINX
worker_processes $SERVER_THREADS;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  # Both servers write an access log line per request (gongkai's config above has one too).
  access_log $WORK/nginx-access.log;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;
  keepalive_timeout 75s;
  client_body_temp_path $WORK/nginx-tmp/body;
  proxy_temp_path $WORK/nginx-tmp/proxy;
  fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
  scgi_temp_path $WORK/nginx-tmp/scgi;
  server {
    listen 127.0.0.1:$N_PORT;
    root $ROOT;
    location = $CATALOG_PATH {
      types { }
      default_type "$CONTENT_TYPE";
$ADD_HEADERS
    }
  }
}
NGINX
"$NGINX" -e "$WORK/nginx-error.log" -p "$WORK" -c "$WORK/nginx.conf" 2>>"$WORK/nginx-error.log" &
NGINX_PID=$!
N_URL=http://127.0.0.1:$N_PORT$CATALOG_PATH
for _ in $(seq 1 100); do
  curl -sf -o /dev/null "$N_URL" && break
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/nginx-error.log" >&2; die "nginx 未能启动"; }
  sleep 0.1
done
cmp -s <(curl -s "$N_URL") "$ROOT$CATALOG_PATH" || die "nginx 返回的字节与保存的目录页不同"

# --- wrk ----------------------------------------------------------------------------------------
# "  99%   12.34ms" → milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
  if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
  printf "%.2f", n }'; }

run_wrk() {  # name url round → appends to RPS_<name>, P99_<name>; adds to ERR_<name>
  local name=$1 url=$2 round=$3 out
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
  echo "$out" >"$WORK/wrk-$name-$round.txt"
  local rps p99 bad errs
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  printf -v "RPS_$name" '%s' "$(eval echo "\$RPS_$name") $rps"
  printf -v "P99_$name" '%s' "$(eval echo "\$P99_$name") $p99"
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
  errs=$(awk '/Socket errors:/ { s = 0; for (i = 4; i <= NF; i += 2) s += $i; print s }' <<<"$out" | tr -d ,)
  printf -v "ERR_$name" '%s' "$(( $(eval echo "\${ERR_$name:-0}") + ${bad:-0} + ${errs:-0} ))"
}
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# ROUNDS rounds, alternating the two servers, so that a disturbance of the shared machine hits
# both; the figures compared are each server's median.
ROUNDS=${ROUNDS:-3}
RPS_gongkai="" RPS_nginx="" P99_gongkai="" P99_nginx="" ERR_gongkai=0 ERR_nginx=0
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
  run_wrk gongkai "$G_URL" "$round"
  run_wrk nginx "$N_URL" "$round"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
ALL_gongkai=$RPS_gongkai ALL_nginx=$RPS_nginx
RPS_gongkai=$(median "$RPS_gongkai") RPS_nginx=$(median "$RPS_nginx")
P99_gongkai=$(median "$P99_gongkai") P99_nginx=$(median "$P99_nginx")

RATIO=$(awk -v g="$RPS_gongkai" -v n="$RPS_nginx" 'BEGIN { printf "%.3f", g / n }')
RATIO_OK=$(awk -v r="$RATIO" -v t="$RATIO_TARGET" 'BEGIN { print (r >= t) ? 1 : 0 }')
P99_OK=$(awk -v p="$P99_gongkai" -v t="$P99_TARGET_MS" 'BEGIN { print (p <= t) ? 1 : 0 }')
verdict() { [[ $1 == 1 ]] && echo PASS || echo FAIL; }

echo "目录页 $CATALOG_PATH（本页 $((ROWS - 1)) 行条目，$(stat -c %s "$ROOT$CATALOG_PATH") 字节；机关共 $ITEMS 条公开条目）"
echo "wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency（先预热 $WARMUP）；服务端 $SERVER_THREADS 个工作线程/进程；$(nproc) 核，wrk 与服务端同机"
echo "负载（uptime）：测量前 $LOAD_BEFORE，测量后 $LOAD_AFTER；$ROUNDS 轮交替测量，取中位数"
echo "  各轮 req/s：gongkai ${ALL_gongkai# }；nginx ${ALL_nginx# }"
printf '  %-8s %12s %10s %8s\n' "" "req/s" "p99 ms" "错误"
printf '  %-8s %12s %10s %8s\n' gongkai "$RPS_gongkai" "$P99_gongkai" "$ERR_gongkai"
printf '  %-8s %12s %10s %8s\n' nginx "$RPS_nginx" "$P99_nginx" "$ERR_nginx"
echo "吞吐比 gongkai/nginx = $RATIO（目标 ≥ $RATIO_TARGET）：$(verdict "$RATIO_OK")"
echo "gongkai p99 = $P99_gongkai ms（目标 ≤ $P99_TARGET_MS ms）：$(verdict "$P99_OK")"
[[ $ERR_gongkai == 0 ]] || echo "注意：gongkai 有 $ERR_gongkai 个错误或非 2xx 响应（见 $WORK/wrk-gongkai-*.txt）"
[[ $RATIO_OK == 1 && $P99_OK == 1 && $ERR_gongkai == 0 ]] && exit 0 || exit 1
