#!/usr/bin/env bash
# The main job on the embedded default, from a fresh machine: set up, build,
# generate the synthetic scenario and run what exists of the pipeline on it.
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
scripts/build.sh release >/dev/null
bin=build/release/apps/reunite
"$bin" version
