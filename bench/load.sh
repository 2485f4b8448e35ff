#!/usr/bin/env bash
# Load benchmark of the projection and assessment endpoints on both stores:
# starts "plancast serve" (embedded store, then InfluxDB 1.8 started here),
# runs bench/load with 32 clients for 20 s against each endpoint, and prints
# one line per run. Loopback only; bounded in time (about 2 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${CLIENTS:-32}
duration=${DURATION:-20s}
work=$(mktemp -d)
go build -o "$work/plancast" ./cmd/plancast
go build -o "$work/load" ./bench/load
. scripts/influxd.sh

serve_pid=
stop_serve() { if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; serve_pid=; fi; }
cleanup() { stop_serve; stop_influxd; rm -rf "$work"; }
trap cleanup EXIT

wait_up() {
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1/healthz" 2>/dev/null && return 0; sleep 0.1; done
  echo "server at $1 did not come up"; return 1
}

run_endpoints() { # label base-url
  # Warm the caches once, then measure.
  curl -fsS -o /dev/null "$2/api/v1/series/houma/gdp/projection"
  curl -fsS -o /dev/null "$2/api/v1/regions/houma/assessment?plan=14th-fyp"
  "$work/load" --label "$1" --url "$2" --clients "$clients" --duration "$duration" --path /api/v1/series/houma/gdp/projection
  "$work/load" --label "$1" --url "$2" --clients "$clients" --duration "$duration" --path "/api/v1/regions/houma/assessment?plan=14th-fyp"
}

port=$(free_port)
PLANCAST_LOG_FORMAT=json "$work/plancast" serve --addr "127.0.0.1:$port" --data-dir "$work/data" >"$work/serve-bolt.log" 2>&1 &
serve_pid=$!
wait_up "http://127.0.0.1:$port"
run_endpoints embedded "http://127.0.0.1:$port"
stop_serve

start_influxd
curl -fsS -XPOST "$INFLUX_URL/query" --data-urlencode 'q=CREATE DATABASE plancast' >/dev/null
"$work/plancast" seed --influx-url "$INFLUX_URL" --influx-bucket plancast/autogen >/dev/null
port=$(free_port)
PLANCAST_LOG_FORMAT=json "$work/plancast" serve --addr "127.0.0.1:$port" --influx-url "$INFLUX_URL" --influx-bucket plancast/autogen >"$work/serve-influx.log" 2>&1 &
serve_pid=$!
wait_up "http://127.0.0.1:$port"
run_endpoints influxdb "http://127.0.0.1:$port"
