#!/usr/bin/env bash
# Ingest rate: 100,000 observations from one CSV through "plancast ingest"
# on both stores, next to the InfluxDB client's own batched write of the same
# points (bench/influxpeer) in the same run. Loopback only; a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
go build -o "$work/plancast" ./cmd/plancast
go build -o "$work/influxpeer" ./bench/influxpeer
. scripts/influxd.sh
trap 'stop_influxd; rm -rf "$work"' EXIT

# 250 counties × 40 indicators × 10 years = 100,000 figures in one file.
"$work/plancast" gen --out "$work/data" --regions 250 --indicators 40 --years 10 --per-file 250 >/dev/null 2>&1
csv=$(ls "$work"/data/observations-*.csv | head -1)
rows=$(($(wc -l < "$csv") - 1))
echo "dataset: $rows rows in $(basename "$csv") ($(du -h "$csv" | cut -f1))"

timed() { # label command...
  local t0 t1
  t0=$(date +%s.%N)
  "${@:2}" >/dev/null 2>&1
  t1=$(date +%s.%N)
  awk -v l="$1" -v r="$rows" -v a="$t0" -v b="$t1" 'BEGIN { s=b-a; printf "%s\trows=%d\tseconds=%.2f\trows/s=%.0f\n", l, r, s, r/s }'
}

"$work/plancast" ingest --data-dir "$work/bolt" "$work/data/catalog.json" >/dev/null
timed "plancast ingest, embedded store" "$work/plancast" ingest --data-dir "$work/bolt" "$csv"
# The same file again: every row dated (published), so each is held to the
# vintage of its date (ingest/restated.go) and counts unchanged.
timed "plancast ingest of the same file again, embedded store" "$work/plancast" ingest --data-dir "$work/bolt" "$csv"

start_influxd >/dev/null
for db in plancast peer; do curl -fsS -XPOST "$INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE $db" >/dev/null; done
"$work/plancast" ingest --influx-url "$INFLUX_URL" --influx-bucket plancast/autogen "$work/data/catalog.json" >/dev/null
ours=$(timed "plancast ingest, InfluxDB" "$work/plancast" ingest --influx-url "$INFLUX_URL" --influx-bucket plancast/autogen "$csv")
echo "$ours"
peer=$("$work/influxpeer" --url "$INFLUX_URL" --bucket peer/autogen "$csv")
echo "$peer"
rate() { sed 's/.*rows\/s=\([0-9.]*\).*/\1/' <<<"$1"; }
awk -v a="$(rate "$ours")" -v b="$(rate "$peer")" 'BEGIN { printf "ratio: plancast into InfluxDB at %.0f%% of the client'"'"'s batched write (goal: at least 80%%)\n", 100 * a / b }'
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
