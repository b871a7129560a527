#!/usr/bin/env bash
# Configures and builds one profile: `scripts/build.sh release` (benchmarks,
# the demo), `scripts/build.sh asan` (the test build, ASan + UBSan) or
# `scripts/build.sh fuzz` (clang, libFuzzer + ASan + UBSan: only the fuzz
# targets in fuzz/ and the libraries they link; run them with scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-release}
targets=()
case "$profile" in
  release) args=(-DCMAKE_BUILD_TYPE=Release -DREUNITE_SANITIZE=OFF) ;;
  asan) args=(-DCMAKE_BUILD_TYPE=Debug -DREUNITE_SANITIZE=ON) ;;
  fuzz)
    args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DREUNITE_FUZZ=ON
          -DREUNITE_BUILD_TESTS=OFF -DREUNITE_BUILD_BENCH=OFF)
    targets=(fuzz_targets)
    ;;
  *) echo "usage: scripts/build.sh [release|asan|fuzz]" >&2; exit 1 ;;
esac
dir="build/$profile"
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja "${args[@]}" >/dev/null
fi
ninja -C "$dir" ${NINJA_FLAGS:-} "${targets[@]}"
