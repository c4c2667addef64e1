#!/usr/bin/env bash
# A private, throw-away PostgreSQL 15 cluster for the test suite.
#
#   tests/pg/pg_cluster.sh start DIR   initdb + start on a free 127.0.0.1 port, create database
#                                      "gongkai", write its URL to DIR/url
#   tests/pg/pg_cluster.sh stop DIR    stop the server (pg_ctl stop -m fast) and remove DIR and
#                                      the cluster's data directory
#
# The server never runs as root: when called as root (CI), the cluster belongs to the `postgres`
# system user of the Debian package, or to a dedicated `gongkai-test` user created on demand.
# The data directory lives in a fresh mktemp directory (so that user can reach it wherever DIR
# is); DIR/datadir records where. A failed start cleans up after itself; `start` on a DIR left by
# an interrupted run stops and removes the old cluster first.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

[ $# -eq 2 ] || usage
action=$1
dir=$2

find_bin() {
  local name=$1 d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$d/$name" ]; then
      echo "$d/$name"
      return 0
    fi
  done
  command -v "$name" 2>/dev/null && return 0
  return 1
}

# Runs a command as the cluster's owner (root cannot run postgres).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

pick_owner() {
  if [ "$(id -u)" -ne 0 ]; then
    owner=$(id -un)
  elif id postgres >/dev/null 2>&1; then
    owner=postgres
  else
    if ! id gongkai-test >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin gongkai-test
    fi
    owner=gongkai-test
  fi
}

free_port() {
  local port
  if command -v python3 >/dev/null 2>&1 &&
    port=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null) && [ -n "$port" ]; then
    echo "$port"
    return 0
  fi
  # No python3: probe a random range for a port nobody answers on.
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

stop_cluster() {
  local datadir=""
  if [ -f "$dir/datadir" ]; then
    datadir=$(cat "$dir/datadir")
  fi
  if [ -n "$datadir" ] && [ -d "$datadir/pgdata" ]; then
    local pg_ctl owner_of
    if pg_ctl=$(find_bin pg_ctl); then
      owner_of=$(stat -c %U "$datadir/pgdata")
      if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$owner_of" -- "$pg_ctl" stop -D "$datadir/pgdata" -m fast -w >/dev/null 2>&1 || true
      else
        "$pg_ctl" stop -D "$datadir/pgdata" -m fast -w >/dev/null 2>&1 || true
      fi
    fi
    # A server that would not stop must not keep the directory alive.
    if [ -f "$datadir/pgdata/postmaster.pid" ]; then
      local pid
      pid=$(head -n1 "$datadir/pgdata/postmaster.pid" 2>/dev/null || true)
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -QUIT "$pid" 2>/dev/null || true
      fi
    fi
  fi
  if [ -n "$datadir" ]; then
    case "$datadir" in
      /tmp/gongkai-pg.*|"${TMPDIR:-/tmp}"/gongkai-pg.*) rm -rf "$datadir" ;;
    esac
  fi
  rm -rf "$dir"
}

start_cluster() {
  local initdb pg_ctl
  if ! initdb=$(find_bin initdb) || ! pg_ctl=$(find_bin pg_ctl); then
    echo "pg_cluster.sh: initdb / pg_ctl not found. Install the Debian package 'postgresql'" >&2
    echo "  (apt-get install postgresql; scripts/deps.sh test does it) — binaries are expected" >&2
    echo "  in /usr/lib/postgresql/15/bin." >&2
    exit 1
  fi
  local psql
  psql=$(dirname "$pg_ctl")/psql

  # Leftovers of an interrupted run.
  if [ -e "$dir" ]; then
    stop_cluster
  fi

  pick_owner
  trap 'echo "pg_cluster.sh: start failed; cleaning up" >&2; stop_cluster' ERR
  mkdir -p "$dir"
  local datadir
  datadir=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-pg.XXXXXX")
  echo "$datadir" >"$dir/datadir"

  chmod 755 "$datadir"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$owner" "$datadir"
  fi

  local port
  port=$(free_port)
  local user=gongkai

  as_owner "$initdb" -D "$datadir/pgdata" -U "$user" --auth=trust --encoding=UTF8 \
    --locale=C --no-sync >"$datadir/initdb.log" 2>&1 ||
    { cat "$datadir/initdb.log" >&2; false; }

  # Test-only settings: durability off (the cluster is thrown away), small footprint.
  as_owner "$pg_ctl" start -D "$datadir/pgdata" -w -t 60 -l "$datadir/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$datadir \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
        -c max_connections=60 -c shared_buffers=32MB" >/dev/null ||
    { cat "$datadir/server.log" >&2; false; }

  as_owner "$psql" -X -q -h "$datadir" -p "$port" -U "$user" -d postgres \
    -c "CREATE DATABASE gongkai" >/dev/null

  echo "postgresql://$user@127.0.0.1:$port/gongkai" >"$dir/url"
  trap - ERR
  echo "PostgreSQL test cluster on 127.0.0.1:$port (data in $datadir); URL in $dir/url"
}

case "$action" in
  start) start_cluster ;;
  stop)
    stop_cluster
    echo "PostgreSQL test cluster in $dir stopped and removed"
    ;;
  *) usage ;;
esac
