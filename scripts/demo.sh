#!/usr/bin/env bash
# The main job on the embedded default, from a fresh machine: set up, build,
# generate the synthetic separation scenario, import every agency's export
# into a SQLite file, verify the event log, link records across agencies
# (and resolve them into persons and families when this build has
# `reunite resolve`), write the compliance and provenance reports, create one
# demo account per role, and END with `reunite serve` running on the store:
# it prints the URL and the demo logins (passwords generated now, shown once
# on this terminal and nowhere else). Ctrl-C stops the server.
# Usage: scripts/demo.sh [--families N] [--seed S] [--out DIR] [--listen HOST:PORT] [--no-serve]
set -euo pipefail
cd "$(dirname "$0")/.."
families=2000
seed=2018
out=demo
listen=127.0.0.1:8080
serve=1
while (($#)); do
  case "$1" in
    --families) families=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --listen) listen=$2; shift 2 ;;
    --no-serve) serve=0; shift ;;
    *) echo "usage: scripts/demo.sh [--families N] [--seed S] [--out DIR] [--listen HOST:PORT] [--no-serve]" >&2; exit 1 ;;
  esac
done
scripts/setup.sh
echo "== building (release)"
scripts/build.sh release >/dev/null
echo "== building the web UI (web/dist)"
(cd web && npm run --silent build >/dev/null)
bin=build/release/apps/reunite
rm -rf "$out"
mkdir -p "$out"

echo "== 1. synthetic scenario: $families families, seed $seed"
"$bin" synth --families "$families" --seed "$seed" --out "$out/scenario"

echo "== 2. import each agency's export into $out/reunite.db"
db="$out/reunite.db"
exports="$out/scenario/exports"
"$bin" import --db "$db" --source e3 "$exports/e3_apprehensions.csv"
"$bin" import --db "$db" --source ice "$exports/ice_detention.csv"
"$bin" import --db "$db" --source orr "$exports/orr_shelter.csv"
"$bin" import --db "$db" --source usao "$exports/prosecution_cases.csv"
"$bin" import --db "$db" --source ngo "$exports/ngo_outreach.jsonl"
"$bin" import --db "$db" --source dlog "$exports/decision_log.csv"
"$bin" quarantine --db "$db" | tail -n 1
"$bin" verify --db "$db"

echo "== 3. link shelter children (ORR) to border apprehension records (e3)"
# Two schemas: each file names its own id column and columns (--right-*).
"$bin" link "$exports/orr_shelter.csv" "$exports/e3_apprehensions.csv" \
  --model models/person.json --train --one-to-one \
  --id uac_id --map given_name=child_first_name,family_name=child_last_name,country=country_of_birth \
  --right-id-column event_id --right-map given_name=first_name,family_name=last_name,country=citizenship \
  --date-order mdy --out "$out/orr_e3_pairs.csv"

# Score the links against the scenario's ground truth (the same person behind both records).
awk -F, '
  FNR == 1 { next }
  FILENAME ~ /records.csv$/ {
    if ($1 == "orr") orr[$2] = $3
    if ($1 == "e3") { e3[$2] = $3; e3_count[$3]++ }
    next
  }
  { pairs++; if (orr[$1] != "" && orr[$1] == e3[$2]) good++; linked[$1] = 1 }
  END {
    for (k in orr) { total++; if (e3_count[orr[k]] > 0) findable++ }
    for (k in linked) if (e3_count[orr[k]] > 0) found_child++
    printf "   %d shelter records; %d have an apprehension record; %d linked (%d links)\n", total, findable, length(linked), pairs
    printf "   link precision %.3f against the ground truth\n", pairs ? good / pairs : 0
  }' "$out/scenario/truth/records.csv" "$out/orr_e3_pairs.csv"

# Resolve the stored records into persons, relationships and family units when
# this build has the command (the server's case-file pages read them).
has_resolve=0
# The help text is read whole first: `--help | grep -q` under pipefail fails
# whenever grep exits before the binary has written everything (SIGPIPE).
help_text=$("$bin" --help 2>/dev/null || true)
if grep -qE "^  resolve( |$)" <<<"$help_text"; then
  has_resolve=1
  echo "== 3b. resolve the stored records into persons and families"
  "$bin" resolve --db "$db"
fi

echo "== 4. reports as of 2018-07-27 (the day after the 30-day deadline) and 2019-06-30"
# From the store when it holds resolved persons and the report command can
# read them (--db); otherwise from the scenario's ground truth.
report_from=(--scenario "$out/scenario")
if ((has_resolve)) && "$bin" report compliance --db "$db" --order ORDER-2018-06-26 \
  --as-of 2018-07-27 --format csv >/dev/null 2>&1; then
  report_from=(--db "$db")
fi
echo "   reports read ${report_from[*]}"
"$bin" report compliance "${report_from[@]}" --order ORDER-2018-06-26 --as-of 2018-07-27 \
  --format csv
"$bin" report compliance "${report_from[@]}" --order ORDER-2018-06-26 --as-of 2018-07-27 \
  --format xlsx --out "$out/compliance-2018-07-27.xlsx"
"$bin" report provenance "${report_from[@]}" --as-of 2019-06-30 --format html \
  --out "$out/provenance-2019-06-30.html"
"$bin" report provenance "${report_from[@]}" --as-of 2019-06-30 --format csv

echo "== 5. demo accounts, one per role (passwords generated now, shown only below)"
logins=()
for role in admin caseworker reviewer monitor counsel auditor; do
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | cut -c1-20)
  printf '%s\n' "$password" | "$bin" user add --db "$db" "demo-$role" --role "$role" \
    --name "Demo $role" >/dev/null
  logins+=("$(printf '  %-16s %-11s %s' "demo-$role" "$role" "$password")")
done

echo
echo "Done. The store is $db (SQLite); the scenario and its ground truth are in $out/scenario;"
echo "reports: $out/compliance-2018-07-27.xlsx, $out/provenance-2019-06-30.html."
if ((serve == 0)); then
  echo "Demo logins (username, role, password):"
  printf '%s\n' "${logins[@]}"
  echo "Start the server: $bin serve --db $db --static web/dist --listen $listen"
  exit 0
fi
echo
echo "== 6. the server: http://$listen/ (web UI and /api/v1); Ctrl-C stops it"
echo "Demo logins (username, role, password; shown once, stored only as Argon2id hashes):"
printf '%s\n' "${logins[@]}"
echo
exec "$bin" serve --db "$db" --static web/dist --listen "$listen" --no-request-log
