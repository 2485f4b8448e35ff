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

# Against InfluxDB, plancast and the client's own batched write take turns
# on one server, each round into fresh databases and in the other order, so
# that neither always meets the server's background work (the WAL and TSM
# compactions of the round before) or a noisy neighbour's disk. Both are timed
# from start to exit. The ratio is that of the median times (ROUNDS, 5).
start_influxd >/dev/null
rounds=${ROUNDS:-5}
# BEFORE_BIN=<an earlier plancast build> joins the turns as a third writer.
who_all="plancast peer"; [ -n "${BEFORE_BIN:-}" ] && who_all="plancast peer before"
declare -A took
for r in $(seq 1 "$rounds"); do
  for who in $who_all; do curl -fsS -XPOST "$INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE ${who}_$r" >/dev/null; done
  order=$who_all; ((r % 2)) || order=$(tr ' ' '\n' <<<"$who_all" | tac | xargs)
  for who in $order; do
    case $who in
      plancast|before)
        bin=$work/plancast; [ "$who" = before ] && bin=$BEFORE_BIN
        "$bin" ingest --influx-url "$INFLUX_URL" --influx-bucket "${who}_$r/autogen" "$work/data/catalog.json" >/dev/null
        line=$(timed "round $r: $who ingest, InfluxDB" "$bin" ingest --influx-url "$INFLUX_URL" --influx-bucket "${who}_$r/autogen" "$csv") ;;
      peer)
        line=$(timed "round $r: influx client batched write (bench/influxpeer)" "$work/influxpeer" --url "$INFLUX_URL" --bucket "peer_$r/autogen" "$csv") ;;
    esac
    took[$who]+="$(sed 's/.*seconds=\([0-9.]*\).*/\1/' <<<"$line") "
    echo "$line"
  done
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# shellcheck disable=SC2086 # word splitting of the lists is meant
mp=$(median ${took[peer]})
for who in $who_all; do
  [ "$who" = peer ] && continue
  # shellcheck disable=SC2086
  read -ra mine <<<"${took[$who]}"; read -ra theirs <<<"${took[peer]}"
  each=$(for i in "${!mine[@]}"; do awk -v a="${mine[$i]}" -v b="${theirs[$i]}" 'BEGIN { printf "%.0f%% ", 100 * b / a }'; done)
  awk -v who="$who" -v a="$(median "${mine[@]}")" -v b="$mp" -v r="$rows" -v n="$rounds" -v each="$each" 'BEGIN {
    printf "%s, median of %d rounds: %.2f s (%.0f rows/s), the client %.2f s (%.0f rows/s)\n", who, n, a, r / a, b, r / b
    printf "ratio: %s into InfluxDB at %.0f%% of the client'"'"'s batched write (goal: at least 80%%); round by round: %s\n", who, 100 * b / a, each }'
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
