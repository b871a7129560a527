#!/usr/bin/env bash
# The API load benchmark (issue 6): read endpoints over a large store at 64
# concurrent connections, measured with wrk on loopback.
#
#   bench/load_bench.sh [--families 100000] [--seed 2018] [--connections 64]
#                       [--duration 10] [--threads 2] [--work DIR] [--bin PATH]
#
# 1. Builds the store once per (families, seed) under DIR (default
#    /tmp/reunite-load): `reunite synth`, `reunite import` of the six exports
#    into SQLite, then `reunite resolve` when the binary has it (the persons,
#    families and dashboard routes need resolved persons). Kept for re-runs.
# 2. Starts `reunite serve` on 127.0.0.1 (a free port) on that store, adds a
#    caseworker account and signs in with curl; the session token goes to wrk.
# 3. For each read endpoint the server serves (a route it does not serve yet
#    is skipped and named), runs wrk with bench/load.lua cycling through
#    request paths sampled from the store, and prints p50/p90/p99 latency and
#    requests/s; then one mixed run over all of them. The baseline in the
#    same run is GET /api/v1/health (no session, no database): every figure
#    is also given as a ratio of its p99 to the health p99.
#
# wrk and the server share the machine's cores; wrk runs --threads threads.
# Needs the release build (scripts/build.sh release) and the Debian packages
# wrk, sqlite3, curl and jq (installed with apt-get when missing; by hand:
# `apt-get install wrk sqlite3 curl jq`). Not part of ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
families=100000
seed=2018
connections=64
duration=10
wrk_threads=2
work=/tmp/reunite-load
bin=build/release/apps/reunite
while (($#)); do
  case "$1" in
    --families) families=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --threads) wrk_threads=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    *) sed -n '2,24p' "$0" >&2; exit 1 ;;
  esac
done
[ -x "$bin" ] || { echo "load_bench: $bin missing (scripts/build.sh release)" >&2; exit 1; }
bin=$(realpath "$bin")

# wrk and sqlite3 (to sample ids) are needed only here: installed on demand.
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
if ((${#need[@]})); then
  echo "load_bench: installing ${need[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

store="$work/f$families-s$seed"
db="$store/reunite.db"
has_resolve=0
# The help text is read whole first: `--help | grep -q` under pipefail fails
# whenever grep exits before the binary has written everything (SIGPIPE).
help_text=$("$bin" --help 2>/dev/null || true)
grep -qE "^  resolve( |$)" <<<"$help_text" && has_resolve=1
if [ ! -f "$store/.complete" ]; then
  mkdir -p "$store"
  rm -f "$db" "$db-wal" "$db-shm" "$store/.resolved"
  t0=$(date +%s.%N)
  if [ ! -f "$store/scenario/.done" ]; then
    rm -rf "$store/scenario"
    "$bin" synth --families "$families" --seed "$seed" --out "$store/scenario" >/dev/null
    touch "$store/scenario/.done"
  fi
  t1=$(date +%s.%N)
  ex="$store/scenario/exports"
  for pair in e3:e3_apprehensions.csv ice:ice_detention.csv orr:orr_shelter.csv \
    usao:prosecution_cases.csv ngo:ngo_outreach.jsonl dlog:decision_log.csv; do
    "$bin" import --db "$db" --source "${pair%%:*}" "$ex/${pair#*:}" >/dev/null
  done
  t2=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "store: synth %.1f s, import %.1f s\n", b - a, c - b }'
  touch "$store/.complete"
fi
if ((has_resolve)) && [ ! -f "$store/.resolved" ]; then
  t2=$(date +%s.%N)
  "$bin" resolve --db "$db" >/dev/null
  awk -v a="$t2" -v b="$(date +%s.%N)" 'BEGIN { printf "store: resolve %.1f s\n", b - a }' 
  touch "$store/.resolved"
fi
records=$(sqlite3 "$db" "SELECT COUNT(*) FROM source_records")
events=$(sqlite3 "$db" "SELECT COUNT(*) FROM events")
persons=0
if sqlite3 "$db" "SELECT 1 FROM persons LIMIT 1" >/dev/null 2>&1; then
  persons=$(sqlite3 "$db" "SELECT COUNT(*) FROM persons WHERE status = 'active'")
fi
echo "store: $families families (seed $seed), $records source records, $events events, $persons persons: $db"

# The server, on a free port; its log goes to a file.
log="$work/serve.log"
user="load-caseworker"
password="load-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
"$bin" user list --db "$db" 2>/dev/null | grep -q "$user" ||
  printf '%s\n' "$password" | "$bin" user add --db "$db" "$user" --role caseworker --fast-hash >/dev/null
printf '%s\n' "$password" | "$bin" user reset --db "$db" "$user" --fast-hash >/dev/null
"$bin" serve --db "$db" --listen 127.0.0.1:0 --no-request-log >"$log" 2>&1 &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 200); do
  url=$(sed -n 's/^serve: listening on \([^ ]*\).*/\1/p' "$log")
  [ -n "$url" ] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.05
done
[ -n "$url" ] || { echo "load_bench: the server did not start" >&2; cat "$log" >&2; exit 1; }
token=$(curl -sf "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"password\":\"$password\"}" | jq -r .token)
[ -n "$token" ] && [ "$token" != null ] || { echo "load_bench: login failed" >&2; exit 1; }
echo "server: $url (pid $serve_pid), signed in as $user (caseworker)"

# Request paths per endpoint, sampled from the store (2,000 each).
paths="$work/paths"
rm -rf "$paths"
mkdir -p "$paths"
echo "/api/v1/health" >"$paths/health"
sqlite3 "$db" "SELECT '/api/v1/source-records/' || source || '/' || record_key FROM source_records
  ORDER BY random() LIMIT 2000" >"$paths/source_record"
sqlite3 "$db" "SELECT '/api/v1/events?after_seq=' || (abs(random()) % $events) || '&limit=50'
  FROM source_records LIMIT 2000" >"$paths/events"
if ((persons > 0)); then
  sqlite3 "$db" "SELECT '/api/v1/persons/' || person_id FROM persons WHERE status = 'active'
    ORDER BY random() LIMIT 2000" >"$paths/person"
  sed 's|$|/timeline|' "$paths/person" >"$paths/timeline"
  # Searches by a surname and given name as stored (the UI's search box).
  sqlite3 "$db" "SELECT '/api/v1/persons?q=' || replace(given_name || ' ' || surnames, ' ', '+')
    FROM persons WHERE status = 'active' AND given_name <> '' ORDER BY random() LIMIT 2000" \
    >"$paths/persons_search"
  sqlite3 "$db" "SELECT '/api/v1/families/' || family_unit FROM family_units
    ORDER BY random() LIMIT 2000" >"$paths/family"
  echo "/api/v1/dashboard" >"$paths/dashboard"
fi

# An endpoint is measured when the server serves its first path with 200.
measured=()
for name in health source_record events person timeline persons_search family dashboard; do
  [ -s "$paths/$name" ] || { echo "skip $name: the store has no resolved persons"; continue; }
  first=$(head -n 1 "$paths/$name")
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url$first")
  if [ "$code" != 200 ]; then
    echo "skip $name: GET $first answered $code (route not served by this build)"
    continue
  fi
  measured+=("$name")
done
cat "${measured[@]/#/$paths/}" | grep -v '/health$' | shuf >"$paths/mixed"
measured+=(mixed)

results="$work/results.txt"
: >"$results"
for name in "${measured[@]}"; do
  LOAD_TOKEN=$token LOAD_PATHS="$paths/$name" LOAD_NAME=$name \
    wrk -t "$wrk_threads" -c "$connections" -d "${duration}s" --latency -s bench/load.lua "$url" |
    grep '^LOAD ' | tee -a "$results"
done
kill "$serve_pid" 2>/dev/null || true
wait "$serve_pid" 2>/dev/null || true
trap - EXIT
if grep -q 'serve:.*internal error\|AddressSanitizer' "$log"; then
  echo "load_bench: the server logged errors:" >&2
  grep 'serve:' "$log" | head -5 >&2
fi

echo
echo "== $connections connections, ${duration} s per endpoint, wrk -t $wrk_threads, $(nproc) cores"
awk '
  { name = $2; rps = $6; p50 = $8; p99 = $12; bad = $16 + $18 }
  name == "health" { base = p99 }
  { rows[++n] = sprintf("%-15s %9.0f %9.2f %9.2f %8s %6d", name, rps, p50, p99,
      base > 0 ? sprintf("%.1fx", p99 / base) : "-", bad) }
  END {
    printf "%-15s %9s %9s %9s %8s %6s\n", "endpoint", "req/s", "p50 ms", "p99 ms", "p99/health", "non-2xx"
    for (i = 1; i <= n; i++) print rows[i]
  }' "$results"
awk '$2 != "health" && $12 > 50 { slow = slow " " $2 } $16 + $18 > 0 { bad = bad " " $2 }
  END {
    if (bad != "") { print "FAILED requests on:" bad; exit 1 }
    if (slow != "") { print "p99 above 50 ms on:" slow; exit 2 }
    print "every measured endpoint: p99 <= 50 ms"
  }' "$results"
