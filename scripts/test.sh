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

cache=${PLANCAST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/plancast}
influxd=$cache/bin/influxd
step() { printf '\n==> %s\n' "$*"; }

step "format and vet"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
go vet ./...

if [ ! -x "$influxd" ]; then
  step "building InfluxDB 1.8.10 into $cache/bin (once; about a minute, more on a cold module cache)"
  mkdir -p "$cache/bin"
  GOBIN="$cache/bin" GOFLAGS=-mod=mod go install github.com/influxdata/influxdb/cmd/influxd@v1.8.10
fi

# Debian's chromium for the dashboard's browser test; installed when missing.
if ! command -v chromium >/dev/null 2>&1; then
  step "installing chromium (Debian package) for the browser test"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  fi
fi

free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

tmp=$(mktemp -d)
http_port=$(free_port)
rpc_port=$(free_port)
cat > "$tmp/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$rpc_port"
[meta]
  dir = "$tmp/meta"
[data]
  dir = "$tmp/data"
  wal-dir = "$tmp/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$http_port"
  flux-enabled = true
  log-enabled = false
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
CONF

step "starting influxd on 127.0.0.1:$http_port (data in $tmp)"
"$influxd" run -config "$tmp/influxdb.conf" >"$tmp/influxd.log" 2>&1 &
influx_pid=$!
cleanup() {
  kill "$influx_pid" 2>/dev/null || true
  wait "$influx_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

export PLANCAST_TEST_INFLUX_URL="http://127.0.0.1:$http_port"
export PLANCAST_TEST_INFLUX_BUCKET=${PLANCAST_TEST_INFLUX_BUCKET:-plancast_test/autogen}
export PLANCAST_INFLUXD="$influxd" # for the fault tests that start their own server
export PLANCAST_TEST_BROWSER=1     # the dashboard's browser test must run, not skip
export PLANCAST_ARTIFACTS=${PLANCAST_ARTIFACTS:-$PWD/tmp/artifacts} # screenshots
for i in $(seq 1 240); do
  if curl -fsS -o /dev/null "$PLANCAST_TEST_INFLUX_URL/ping" 2>/dev/null; then break; fi
  if ! kill -0 "$influx_pid" 2>/dev/null; then
    echo "influxd exited during start-up:"; cat "$tmp/influxd.log"; exit 1
  fi
  if [ "$i" = 240 ]; then echo "influxd did not answer within 120 s:"; tail -20 "$tmp/influxd.log"; exit 1; fi
  sleep 0.5
done
echo "influxd is up"

step "store conformance suite on both backends"
go test -count=1 -v -run '^TestConformance$' ./store/... 2>&1 | grep -E '^\s*--- (PASS|FAIL|SKIP)|^(ok|FAIL|panic)' | tee "$tmp/conformance.txt"
if grep -q -- '--- SKIP' "$tmp/conformance.txt"; then echo "conformance tests were skipped"; exit 1; fi
grep -q '^ok.*store/influx' "$tmp/conformance.txt" || { echo "InfluxDB conformance did not pass"; exit 1; }
grep -q '^ok.*store/bolt' "$tmp/conformance.txt" || { echo "embedded conformance did not pass"; exit 1; }

step "all tests"
# shellcheck disable=SC2086
go test -count=1 -timeout 30m ${GO_TEST_FLAGS:-} ./...
echo "screenshots and other artifacts: $PLANCAST_ARTIFACTS"
