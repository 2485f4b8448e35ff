#!/usr/bin/env bash
# Re-push cost on InfluxDB: a year's 10,000 figures pushed again, unchanged,
# from a table with no status, growth or published column (a bureau's
# yearbook sheet), onto the 100,000 figures of bench/ingest_rate.sh's
# dataset. Such rows leave their status and stated growth unsaid, so ingest
# looks up the stored figure of the same value to keep them (ingest/apply.go,
# fillUnsaid). BEFORE_BIN=<an earlier build> is timed in the same rounds, in
# its own database. Loopback only; a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
go build -o "$work/plancast" ./cmd/plancast
. scripts/influxd.sh
trap 'stop_influxd; rm -rf "$work"' EXIT

"$work/plancast" gen --out "$work/data" --regions 250 --indicators 40 --years 10 --per-file 250 >/dev/null 2>&1
csv=$(ls "$work"/data/observations-*.csv | head -1)
last=$(tail -n +2 "$csv" | cut -d, -f3 | sort -n | tail -1)
# The last year's rows, region,indicator,year,value only: dated on arrival.
awk -F, -v y="$last" 'NR == 1 { print "region,indicator,year,value"; next } $3 == y { print $1 "," $2 "," $3 "," $4 }' "$csv" > "$work/repush.csv"
echo "dataset: $(($(wc -l < "$csv") - 1)) figures stored; re-push of $(($(wc -l < "$work/repush.csv") - 1)) figures of $last without status, growth or published"

start_influxd >/dev/null
rounds=${ROUNDS:-3}
who_all="plancast"; [ -n "${BEFORE_BIN:-}" ] && who_all="plancast before"
for r in $(seq 1 "$rounds"); do
  for who in $who_all; do
    bin=$work/plancast; [ "$who" = before ] && bin=$BEFORE_BIN
    db="${who}_$r/autogen"
    curl -fsS -XPOST "$INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE ${who}_$r" >/dev/null
    "$bin" ingest --influx-url "$INFLUX_URL" --influx-bucket "$db" "$work/data/catalog.json" >/dev/null
    "$bin" ingest --influx-url "$INFLUX_URL" --influx-bucket "$db" "$csv" >/dev/null 2>&1
    t0=$(date +%s.%N)
    out=$("$bin" ingest --influx-url "$INFLUX_URL" --influx-bucket "$db" "$work/repush.csv" 2>&1)
    t1=$(date +%s.%N)
    awk -v w="$who" -v r="$r" -v a="$t0" -v b="$t1" 'BEGIN { printf "round %d: %s re-push %.2f s", r, w, b - a }'
    echo "; $(grep -oE '[0-9,]+ unchanged' <<<"$out" | head -1)"
  done
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
