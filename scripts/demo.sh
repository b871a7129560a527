#!/usr/bin/env bash
# The main job on the embedded default, from a fresh machine: set up, build,
# generate the synthetic separation scenario, import every agency's export
# into a SQLite file, verify the event log, link records across agencies, and
# write the compliance and provenance reports.
# Usage: scripts/demo.sh [--families N] [--seed S] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
families=2000
seed=2018
out=demo
while (($#)); do
  case "$1" in
    --families) families=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: scripts/demo.sh [--families N] [--seed S] [--out DIR]" >&2; exit 1 ;;
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

echo "== 4. reports as of 2018-07-27 (the day after the 30-day deadline) and 2019-06-30"
# Read from the scenario's ground truth until the store holds resolved persons.
"$bin" report compliance --scenario "$out/scenario" --order ORDER-2018-06-26 --as-of 2018-07-27 \
  --format csv
"$bin" report compliance --scenario "$out/scenario" --order ORDER-2018-06-26 --as-of 2018-07-27 \
  --format xlsx --out "$out/compliance-2018-07-27.xlsx"
"$bin" report provenance --scenario "$out/scenario" --as-of 2019-06-30 --format html \
  --out "$out/provenance-2019-06-30.html"
"$bin" report provenance --scenario "$out/scenario" --as-of 2019-06-30 --format csv

echo
echo "Done. The store is $db (SQLite); the scenario and its ground truth are in $out/scenario;"
echo "reports: $out/compliance-2018-07-27.xlsx, $out/provenance-2019-06-30.html."
