#!/usr/bin/env bash
# Out-of-sample check of the forecast engine on yearly data it was never tuned
# on (the engine's choices were made on M3's training years only): regional and
# macroeconomic panels shipped with Debian's R packages AER and plm, exported by
# bench/holdout/export.R. Runs `plancast backtest` (auto) and the peer, R's
# forecast package (ets, arima, theta, drift via ../shared/bench/r_forecast.R),
# in the same run and scores both with ../shared/bench/score.py.
#
#   regional.csv   883 series: US states (Cigar 1963–92, Produc 1970–86, Guns
#                  1977–99), firms (Grunfeld, airlines), China's national income
#                  by sector 1952–88, US macro 1950–2000; the last 6 years held out
#   municipal.csv  795 series: 265 Swedish municipalities' expenditures,
#                  revenues and grants 1979–87, 6 training years and 3 held out
#                  (the length of a county's series)
#   national.csv   1,084 series (only with r-cran-pwt9): Penn World Table 9.1,
#                  182 countries' real GDP, consumption, domestic absorption,
#                  capital stock, population and employment, 12–68 years up to
#                  2017; the last 6 held out
#
#   bench/holdout.sh                 # needs r-cran-forecast (Debian), which ships AER and plm's deps
#   R_METHODS=ets,theta bench/holdout.sh
#   OUT=/tmp/holdout bench/holdout.sh   # keep the data, forecasts and scores there
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
methods=${R_METHODS:-ets,arima,theta,drift}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
for pkg in forecast AER plm; do
  Rscript -e "suppressMessages(library($pkg))" 2>/dev/null || {
    echo "holdout: R package $pkg is missing (apt-get install -y r-cran-forecast r-cran-aer r-cran-plm)" >&2; exit 2; }
done
go build -o "$out/plancast" ./cmd/plancast
echo "== exporting the panels to $out"
Rscript bench/holdout/export.R "$out"
run() { # file horizon
  local f=$1 h=$2 name=${1%.csv}
  echo "== $f, horizon $h"
  # --check-probabilities: the whole predictive distribution and the target
  # probabilities against the held-out years (bench/forecast.md, tenth round).
  "$out/plancast" backtest --input "$out/$f" --horizon "$h" --out "$out/plancast-$name.csv" --check-probabilities \
    2>/dev/null >"$out/check-$name.txt"
  head -1 "$out/check-$name.txt"
  grep -E "outcomes below|by the status|Brier" "$out/check-$name.txt"
  Rscript "$shared/bench/r_forecast.R" "$out/$f" "$h" "$out/r-$name.csv" "$methods"
  python3 "$shared/bench/score.py" "$out/$f" "$h" "$out/plancast-$name.csv" "$out/r-$name.csv" | tee "$out/score-$name.txt"
}
run regional.csv 6
run municipal.csv 3
if [ -f "$out/national.csv" ]; then run national.csv 6; else echo "== national.csv skipped (apt-get install -y r-cran-pwt9)"; fi
echo "holdout: results in $out"
