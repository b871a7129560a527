#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, on loopback and a free port.
#   scripts/pg.sh start DIR   -> initdb + pg_ctl start; prints the connection URL
#   scripts/pg.sh stop DIR    -> stops it and removes DIR
# Debian's PostgreSQL refuses to run as root, so as root the cluster runs as
# the `postgres` user. Trust authentication on 127.0.0.1 only.
set -euo pipefail
cmd=${1:-}; dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then echo "usage: scripts/pg.sh start|stop DIR" >&2; exit 1; fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then echo "pg.sh: PostgreSQL server not installed (scripts/setup.sh installs it)" >&2; exit 1; fi
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi

case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
    "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U reunite --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" \
      start >/dev/null
    "${as_pg[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U reunite reunite_test
    echo "postgresql://reunite@127.0.0.1:$port/reunite_test"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: scripts/pg.sh start|stop DIR" >&2; exit 1 ;;
esac
