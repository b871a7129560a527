#!/usr/bin/env bash
# Runs every libFuzzer target (fuzz/, built by `scripts/build.sh fuzz`) for a
# bounded time and prints executions per target and in total, and the crashes
# found. `scripts/fuzz.sh [SECONDS]` (default 10 per target). Targets run one
# after another on one core, each starting from its corpus in the repository
# (fuzz/corpus/<target>/, read-only) with its dictionary (fuzz/dict/<target>.dict)
# when there is one; inputs it discovers go to build/fuzz/work/<target>/ and
# crashing inputs to build/fuzz/artifacts/<target>/. FUZZ_TARGETS="csv names"
# picks targets. Exit status 1 when any target found a crash, leak, timeout or
# sanitizer report: copy the input into fuzz/regressions/<target>/, fix it,
# and the ctest fuzz_replay_<target> keeps it fixed (docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-10}
bin="$root/build/fuzz/fuzz"
if [ ! -d "$bin" ]; then
  echo "fuzz: no fuzz build; run scripts/build.sh fuzz first" >&2
  exit 2
fi
targets=${FUZZ_TARGETS:-$(ls "$root/fuzz/corpus")}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
total=0
crashes=0
printf '%-16s %12s %10s %8s %s\n' target executions exec/s crashes result
for t in $targets; do
  exe="$bin/fuzz_$t"
  [ -x "$exe" ] || { echo "fuzz: $exe missing" >&2; exit 2; }
  work="$root/build/fuzz/work/$t"
  art="$root/build/fuzz/artifacts/$t"
  mkdir -p "$work" "$art"
  log="$root/build/fuzz/$t.log"
  opts=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192
        -print_final_stats=1 -artifact_prefix="$art/")
  [ -f "$root/fuzz/dict/$t.dict" ] && opts+=(-dict="$root/fuzz/dict/$t.dict")
  before=$(find "$art" -type f | wc -l)
  set +e
  "$exe" "${opts[@]}" "$work" "$root/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  found=$(( $(find "$art" -type f | wc -l) - before ))
  if [ "$rc" -ne 0 ] && [ "$found" -eq 0 ]; then found=1; fi
  result=ok
  if [ "$found" -gt 0 ]; then
    result="FAILED (exit $rc; see $log and $art/)"
  fi
  printf '%-16s %12s %10s %8s %s\n' "$t" "${execs:-0}" "${rate:-0}" "$found" "$result"
  total=$((total + ${execs:-0}))
  crashes=$((crashes + found))
done
printf '%-16s %12s %10s %8s\n' total "$total" "" "$crashes"
[ "$crashes" -eq 0 ]
