#!/usr/bin/env bash
# Configures and builds one profile: `scripts/build.sh release` (benchmarks,
# the demo) or `scripts/build.sh asan` (the test build, ASan + UBSan).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-release}
case "$profile" in
  release) args=(-DCMAKE_BUILD_TYPE=Release -DREUNITE_SANITIZE=OFF) ;;
  asan) args=(-DCMAKE_BUILD_TYPE=Debug -DREUNITE_SANITIZE=ON) ;;
  *) echo "usage: scripts/build.sh [release|asan]" >&2; exit 1 ;;
esac
dir="build/$profile"
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja "${args[@]}" >/dev/null
fi
ninja -C "$dir" ${NINJA_FLAGS:-}
