#!/usr/bin/env bash
# Moving a store between backends at scale: "plancast export" of an embedded
# store holding the synthetic nationwide dataset ("plancast gen"), then
# "plancast import" of the archive into a fresh embedded store and into a
# fresh InfluxDB 1.8 (started here, loopback only). Each step's wall time,
# CPU and peak RSS come from /usr/bin/time. The peers, timed in the same run
# on the same data: "plancast backup" (a consistent copy of the embedded
# store, the other way to carry it whole) for the export, and "plancast
# ingest" of the generated files (the same figures, without their history)
# for each import. Stops everything it started; results go to stdout as
# "key: value" lines and to $OUT (if set).
#
#   bench/archive.sh                               # 2850 regions x 40 indicators x 30 years
#   REGIONS=285 bench/archive.sh                   # a tenth
#   BEFORE_BIN=/path/plancast REGIONS=285 bench/archive.sh   # also export and import with another build
#   INFLUX=0 bench/archive.sh                      # the embedded store only
set -euo pipefail
cd "$(dirname "$0")/.."
regions=${REGIONS:-2850}
indicators=${INDICATORS:-40}
years=${YEARS:-30}
influx=${INFLUX:-1}
step_timeout=${STEP_TIMEOUT:-3600}
work=$(mktemp -d)
out=${OUT:-$work/results.txt}

go build -o "$work/plancast" ./cmd/plancast
. scripts/influxd.sh
cleanup() { stop_influxd; rm -rf "$work"; }
trap cleanup EXIT

say() { echo "$1: $2" | tee -a "$out"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# timed LABEL CMD...: runs CMD, saying its wall time, CPU seconds and peak RSS.
timed() {
  local label=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" timeout "$step_timeout" "$@" >"$work/stdout" 2>"$work/stderr" || {
    say "${label}" "FAILED (exit $?): $(tail -c 400 "$work/stderr")"; return 1; }
  read -r wall user sys rss <"$work/time"
  say "${label}_seconds" "$wall"
  say "${label}_cpu_seconds" "$(echo "$user $sys" | awk '{printf "%.2f", $1 + $2}')"
  say "${label}_peak_rss" "$(echo "$rss" | awk '{printf "%.0f MiB", $1 / 1024}')"
  say "${label}_says" "$(tail -n 1 "$work/stdout")"
}

say machine "$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
say go "$(go version | cut -d' ' -f3)"
say load_at_start "$(load)"
"$work/plancast" gen --regions "$regions" --indicators "$indicators" --years "$years" --out "$work/ds" 2>/dev/null | tee -a "$out"

# ingest_all LABEL STORE-FLAGS...: the catalog, every observations file (one
# call each, as an operator pushes them), the targets; timed as one step.
ingest_all() {
  local label=$1; shift
  cat >"$work/ingest.sh" <<EOF
set -e
"$work/plancast" ingest $* "$work/ds/catalog.json"
for f in "$work"/ds/observations-*.csv; do "$work/plancast" ingest $* "\$f"; done
"$work/plancast" ingest $* "$work/ds/targets.csv"
EOF
  timed "$label" bash "$work/ingest.sh"
}

ingest_all bolt_ingest --data-dir "$work/bolt"
say bolt_file_bytes "$(stat -c %s "$work/bolt/plancast.db")"
timed backup "$work/plancast" backup --data-dir "$work/bolt" --out "$work/backup.db"
timed export "$work/plancast" export --data-dir "$work/bolt" --out "$work/archive.json.gz"
say archive_bytes "$(stat -c %s "$work/archive.json.gz")"
timed import_bolt "$work/plancast" import --data-dir "$work/bolt-imported" "$work/archive.json.gz"
timed import_bolt_again "$work/plancast" import --data-dir "$work/bolt-imported" "$work/archive.json.gz"
rm -rf "$work/bolt-imported" "$work/backup.db"

if [ -n "${BEFORE_BIN:-}" ]; then
  timed before_export "$BEFORE_BIN" export --data-dir "$work/bolt" --out "$work/before.json.gz"
  timed before_import_bolt "$BEFORE_BIN" import --data-dir "$work/before-imported" "$work/before.json.gz"
  rm -rf "$work/before-imported" "$work/before.json.gz"
fi

if [ "$influx" = 1 ]; then
  for label in influx_ingest influx_import; do
    start_influxd >/dev/null
    curl -fsS -XPOST "$INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE plancast WITH SHARD DURATION 14040w" >/dev/null
    flags=(--influx-url "$INFLUX_URL" --influx-bucket plancast/autogen)
    if [ "$label" = influx_ingest ]; then
      ingest_all influx_ingest "${flags[@]}"
    else
      timed influx_import "$work/plancast" import "${flags[@]}" "$work/archive.json.gz"
    fi
    say "${label}_influxd_peak_rss" "$(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$INFLUX_PID/status")"
    stop_influxd
  done
fi
say load_at_end "$(load)"
