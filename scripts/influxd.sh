# Sourced by scripts/test.sh and bench/*.sh: builds InfluxDB 1.8.10 into the
# cache when missing and starts it on free loopback ports with a temporary
# directory. After start_influxd: INFLUX_URL, INFLUX_PID, INFLUX_TMP; stop_influxd
# stops it and removes the directory.

influx_cache=${PLANCAST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/plancast}
INFLUXD=$influx_cache/bin/influxd

build_influxd() {
  if [ ! -x "$INFLUXD" ]; then
    echo "building InfluxDB 1.8.10 into $influx_cache/bin (once; about a minute, more on a cold module cache)"
    mkdir -p "$influx_cache/bin"
    GOBIN="$influx_cache/bin" GOFLAGS=-mod=mod go install github.com/influxdata/influxdb/cmd/influxd@v1.8.10
  fi
}

# free_port prints a loopback port nothing listens on, below Linux's
# ephemeral range (32768 and up), so that no outgoing connection takes it
# between this check and influxd's bind; start_influxd still retries when one
# is taken in between (a CI run once lost it to another process).
free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

# start_influxd [DATA_DIR]: a fresh temporary directory unless one is given
# (the fault tests restart a server on the same data). A port taken between
# free_port and the bind is tried again with new ports, up to 5 times.
start_influxd() {
  build_influxd
  local try
  for try in 1 2 3 4 5; do
    if start_influxd_once "$@"; then return 0; fi
    if ! grep -q "address already in use" "$INFLUX_TMP/influxd.log" 2>/dev/null; then return 1; fi
    echo "a port was taken before influxd bound it; trying new ports ($try of 5)"
    if [ -z "${1:-}" ]; then rm -rf "$INFLUX_TMP"; fi
  done
  return 1
}

start_influxd_once() {
  INFLUX_TMP=${1:-$(mktemp -d)}
  local http_port rpc_port
  http_port=$(free_port); rpc_port=$(free_port)
  cat > "$INFLUX_TMP/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$rpc_port"
[meta]
  dir = "$INFLUX_TMP/meta"
[data]
  dir = "$INFLUX_TMP/data"
  wal-dir = "$INFLUX_TMP/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$http_port"
  flux-enabled = true
  log-enabled = false
  max-body-size = 0
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
CONF
  "$INFLUXD" run -config "$INFLUX_TMP/influxdb.conf" >"$INFLUX_TMP/influxd.log" 2>&1 &
  INFLUX_PID=$!
  INFLUX_URL="http://127.0.0.1:$http_port"
  local i
  for i in $(seq 1 240); do
    if curl -fsS -o /dev/null "$INFLUX_URL/ping" 2>/dev/null; then
      echo "influxd is up at $INFLUX_URL (data in $INFLUX_TMP)"
      return 0
    fi
    if ! kill -0 "$INFLUX_PID" 2>/dev/null; then
      echo "influxd exited during start-up:"; cat "$INFLUX_TMP/influxd.log"; return 1
    fi
    sleep 0.5
  done
  echo "influxd did not answer within 120 s:"; tail -20 "$INFLUX_TMP/influxd.log"; return 1
}

stop_influxd() {
  if [ -n "${INFLUX_PID:-}" ]; then
    kill "$INFLUX_PID" 2>/dev/null || true
    wait "$INFLUX_PID" 2>/dev/null || true
  fi
  if [ -n "${INFLUX_TMP:-}" ]; then rm -rf "$INFLUX_TMP"; fi
}
