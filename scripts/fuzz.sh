#!/usr/bin/env bash
# Fuzz smoke run: every fuzz target for FUZZTIME (default 10s) each. Fails on
# the first crash; the crashing input is kept under the package's testdata/fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-10s}
targets=$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs grep -ho '^func Fuzz[A-Za-z0-9_]*' | sed 's/^func //' | sort -u)
for file in $(grep -rl --include='*_test.go' '^func Fuzz' .); do
  pkg=./$(dirname "${file#./}")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //'); do
    echo "fuzz $pkg $target for $fuzztime"
    # -fuzzminimizetime keeps a busy machine from spending the whole run minimising.
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime 10x "$pkg" 2>&1 | tail -2
  done
done
echo "fuzz smoke run: no crash in $(echo "$targets" | wc -w) targets"
