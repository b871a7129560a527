#!/usr/bin/env bash
# Style checks: clang-format on every tracked C++ file (always), and
# clang-tidy (with --tidy) on the given files or, by default, all project
# sources, using the compile database of build/release.
#   scripts/lint.sh            format check only (seconds; part of scripts/test.sh)
#   scripts/lint.sh --tidy [FILES...]
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cc' '*.h' | grep -v '^web/')
bad=()
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
  echo "lint: not formatted with .clang-format (run clang-format -i): ${bad[*]}" >&2
  exit 1
fi
echo "lint: ${#files[@]} files formatted"
if [ "${1:-}" = "--tidy" ]; then
  shift
  targets=("$@")
  if ((${#targets[@]} == 0)); then mapfile -t targets < <(git ls-files 'src/*.cc' 'apps/*.cc' | grep -v '_test.cc$'); fi
  printf '%s\n' "${targets[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p build/release --quiet \
    --extra-arg=-Wno-unknown-warning-option
fi
