#!/usr/bin/env bash
# Sets up, builds and runs every default test. This is what CI runs
# (.ci/run) and what the README tells a new user to run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/setup.sh
scripts/lint.sh
# One build: the test profile (ASan + UBSan). It also compiles the benchmarks,
# so they keep building; they are run in the release profile (docs/building.md).
scripts/build.sh asan
# The web UI: type-check (tsc --noEmit) and build web/dist, which the browser
# tests serve through `reunite serve --static` (ctest: web_unit, web_browser).
(cd web && npm run --silent build)
# A throwaway PostgreSQL for the storage tests (same suite as SQLite).
pgdir=$(mktemp -d /tmp/reunite-pg.XXXXXX)
rmdir "$pgdir"
trap '"$root/scripts/pg.sh" stop "$pgdir"' EXIT
REUNITE_TEST_PG_URL=$(scripts/pg.sh start "$pgdir")
export REUNITE_TEST_PG_URL
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
(cd build/asan && ctest --output-on-failure -j "$(nproc)" --timeout 600)
# Fuzzing (docs/reliability.md): the clang build of the libFuzzer targets, then
# each target for FUZZ_SECONDS over its corpus in fuzz/corpus; a crash fails.
scripts/build.sh fuzz
scripts/fuzz.sh "${FUZZ_SECONDS:-12}"
