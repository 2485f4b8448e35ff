#!/usr/bin/env bash
# Fuzz smoke run: every fuzz target for FUZZTIME each (default 3000x: three
# thousand inputs; a duration such as 30s works too). Fails on the first
# failure and prints its log; a crashing input is kept under the package's
# testdata/fuzz, where `go test` replays it from then on.
#
# Why a count by default: with a duration, Go's fuzzing engine can fail at the
# deadline itself ("context deadline exceeded", no failing input written) when
# a worker is mid-input on a busy machine (golang/go#51484, #75804). A count
# has no deadline. Such a failure is still reported, never retried, but named
# for what it is.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-3000x}
targets=$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs grep -ho '^func Fuzz[A-Za-z0-9_]*' | sed 's/^func //' | sort -u)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for file in $(grep -rl --include='*_test.go' '^func Fuzz' .); do
  pkg=./$(dirname "${file#./}")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //'); do
    echo "fuzz $pkg $target for $fuzztime"
    # -fuzzminimizetime keeps a busy machine from spending the whole run minimising.
    if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime 10x "$pkg" >"$log" 2>&1; then
      tail -1 "$log"
      continue
    fi
    tail -30 "$log"
    if grep -q 'Failing input written to' "$log"; then
      echo "fuzz: $target found a failing input (kept under $pkg/testdata/fuzz/$target; go test replays it)" >&2
    elif grep -q 'context deadline exceeded' "$log"; then
      echo "fuzz: $target failed at the -fuzztime deadline without a failing input: Go's fuzzing engine (golang/go#51484); use a count, FUZZTIME=3000x" >&2
    fi
    exit 1
  done
done
echo "fuzz smoke run: no failure in $(echo "$targets" | wc -w) targets"
