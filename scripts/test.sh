#!/usr/bin/env bash
# Runs every plancast test, including those that need a real InfluxDB server:
# builds InfluxDB 1.8.10 into a cache directory when it is missing, starts it
# on free loopback ports with a temporary directory, runs "go test ./..." with
# PLANCAST_TEST_INFLUX_URL pointing at it, and stops it. It never skips the
# InfluxDB tests: if influxd cannot be built or started, it fails.
#
# Environment: PLANCAST_CACHE (default ~/.cache/plancast) holds bin/influxd;
# GO_TEST_FLAGS adds flags to go test (e.g. "-run Conformance").
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "format and vet"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
go vet ./...

# Debian's chromium for the dashboard's browser test; installed when missing.
if ! command -v chromium >/dev/null 2>&1; then
  step "installing chromium (Debian package) for the browser test"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  fi
fi

step "starting influxd"
# shellcheck source=scripts/influxd.sh
. scripts/influxd.sh
trap stop_influxd EXIT
start_influxd

export PLANCAST_TEST_INFLUX_URL="$INFLUX_URL"
export PLANCAST_TEST_INFLUX_BUCKET=${PLANCAST_TEST_INFLUX_BUCKET:-plancast_test/autogen}
export PLANCAST_INFLUXD="$INFLUXD" # for the fault tests that start their own server
export PLANCAST_TEST_BROWSER=1     # the dashboard's browser test must run, not skip
export PLANCAST_TEST_FAULTS=1      # the full-disk and read-only tests must run (they mount a tmpfs)
export PLANCAST_ARTIFACTS=${PLANCAST_ARTIFACTS:-$PWD/tmp/artifacts} # screenshots
step "store conformance suite on both backends"
go test -count=1 -v -run '^TestConformance$' ./store/... 2>&1 | grep -E '^\s*--- (PASS|FAIL|SKIP)|^(ok|FAIL|panic)' | tee "$INFLUX_TMP/conformance.txt"
if grep -q -- '--- SKIP' "$INFLUX_TMP/conformance.txt"; then echo "conformance tests were skipped"; exit 1; fi
grep -q '^ok.*store/influx' "$INFLUX_TMP/conformance.txt" || { echo "InfluxDB conformance did not pass"; exit 1; }
grep -q '^ok.*store/bolt' "$INFLUX_TMP/conformance.txt" || { echo "embedded conformance did not pass"; exit 1; }

step "fault tests: influxd killed mid-stream, plancast SIGKILLed, full and read-only data directories"
# The checks below decide; "|| true" lets them print the log's tail on a failure.
go test -count=1 -v -timeout 15m -run '^TestFault' ./cmd/plancast 2>&1 | tee "$INFLUX_TMP/faults.txt" |
  grep -E 'acknowledged|full disk answer|read-only data directory|^\s*--- (PASS|FAIL|SKIP)|^(ok|FAIL|panic)' || true
if grep -q -- '--- SKIP' "$INFLUX_TMP/faults.txt"; then echo "fault tests were skipped"; exit 1; fi
grep -q '^ok' "$INFLUX_TMP/faults.txt" || { tail -40 "$INFLUX_TMP/faults.txt"; echo "fault tests failed"; exit 1; }

step "all tests"
# shellcheck disable=SC2086
go test -count=1 -timeout 30m -skip '^TestFault' ${GO_TEST_FLAGS:-} ./...

step "fuzz smoke run (every fuzz target; FUZZTIME overrides scripts/fuzz.sh's count)"
scripts/fuzz.sh
echo "screenshots and other artifacts: $PLANCAST_ARTIFACTS"
