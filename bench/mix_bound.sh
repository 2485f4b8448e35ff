#!/usr/bin/env bash
# How far can re-mixing plancast's own models go on a file's test years?
# Backtests every single method and prints bench/mix_bound.py's bound.
# A diagnostic that reads the test years: never use it to choose auto's mix.
#   bench/mix_bound.sh [SERIES.csv] [HORIZON]   (default: M3 yearly, 6)
set -euo pipefail
cd "$(dirname "$0")/.."
series=${1:-../shared/bench/m3-yearly/series.csv}
h=${2:-6}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/plancast" ./cmd/plancast
methods=$("$dir/plancast" backtest --help 2>&1 | sed -n 's/.*one of \[\(.*\)\].*/\1/p')
for m in $methods; do
	[ "$m" = auto ] && continue
	echo "backtest --method $m" >&2
	"$dir/plancast" backtest --input "$series" --horizon "$h" --out "$dir/$m.csv" --method "$m" >/dev/null 2>&1
done
python3 bench/mix_bound.py "$series" "$h" "$dir"/*.csv
