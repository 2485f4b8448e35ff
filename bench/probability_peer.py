#!/usr/bin/env python3
"""Score the probabilities of meeting level targets that forecasts files imply.

    python3 bench/probability_peer.py SERIES.csv H FORECASTS.csv [MORE.csv ...]

The peer comparison for `plancast backtest --check-probabilities`: R's
forecast package publishes a point forecast and two intervals, not a
probability of meeting a target, so a planner who uses it reads the
probability off those. This script does that for every forecasts file alike
(plancast's own file too, as a control), on the targets the check sets:

For each series, with its training years (all but the last H) ending at year
n with value L, and its pace g = (x_n / x_first)^(1/(n - first)) - 1 (as
forecast.HistoricalGrowth), each held-out year y gets the level target

    T = L (1 + g + d)^(y - n)   for d in CheckTargetOffsets,

kept when T > L (forecast.CheckTargetOffsets; a positive L only). The
probability of meeting it is 1 - F(T), where F is the predictive CDF through
the five published quantiles, 0.025 -> lo95, 0.10 -> lo80, 0.50 -> forecast,
0.90 -> hi80, 0.975 -> hi95: linear between them, and beyond lo95 and hi95 a
normal tail with the scale those quantiles give (sigma = (forecast - lo95) /
1.96 below, (hi95 - forecast) / 1.96 above). A target is met when the
outcome reaches it (to 1e-9 relative), as forecast.Assess judges a level
target of an indicator better higher.

Printed per file: the targets, the Brier score and that of giving every
target the share met (the reference a probability must beat), and the
targets by the status their probability gives (off_track < 0.1 <= at_risk <
0.5 <= on_track): how many, the mean probability given, the share met.
Only Python's standard library.
"""

import csv
import math
import sys
from collections import defaultdict

OFFSETS = [-0.05, -0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03, 0.05, 0.10]
LEVELS = [0.025, 0.10, 0.50, 0.90, 0.975]
Z975 = 1.959963984540054


def norm_cdf(z):
    return 0.5 * math.erfc(-z / math.sqrt(2))


def read_series(path, h):
    rows = defaultdict(list)
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            rows[r["series_id"]].append((int(r["timestamp"]), float(r["value"])))
    out = {}
    for sid, vs in rows.items():
        vs.sort()
        if len(vs) <= h:
            continue
        out[sid] = (vs[:-h], dict(vs[-h:]))
    return out


def read_forecasts(path):
    fc = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if not r.get("lo95"):
                continue
            q = [float(r[k]) for k in ("lo95", "lo80", "forecast", "hi80", "hi95")]
            fc[(r["series_id"], int(r["timestamp"]))] = q
    return fc


def cdf(q, x):
    """The CDF through quantiles q (at LEVELS) evaluated at x."""
    lo95, mean, hi95 = q[0], q[2], q[4]
    if x < lo95:
        s = (mean - lo95) / Z975
        return 0.0 if s <= 0 else norm_cdf((x - mean) / s)
    if x > hi95:
        s = (hi95 - mean) / Z975
        return 1.0 if s <= 0 else norm_cdf((x - mean) / s)
    for i in range(len(q) - 1):
        a, b = q[i], q[i + 1]
        if a <= x <= b:
            if b <= a:
                return LEVELS[i + 1]
            return LEVELS[i] + (LEVELS[i + 1] - LEVELS[i]) * (x - a) / (b - a)
    return 1.0  # quantiles out of order: x past them all


def score(series, fc):
    n = met_n = 0
    brier = 0.0
    status = {"off_track": [0, 0, 0.0], "at_risk": [0, 0, 0.0], "on_track": [0, 0, 0.0]}
    missing = 0
    for sid, (train, test) in series.items():
        (y0, x0), (yn, L) = train[0], train[-1]
        if not (x0 > 0 and L > 0) or yn <= y0:
            continue
        g = (L / x0) ** (1 / (yn - y0)) - 1
        for y, outcome in test.items():
            q = fc.get((sid, y))
            if q is None:
                missing += 1
                continue
            for d in OFFSETS:
                if g + d <= -1:
                    continue
                try:
                    t = L * (1 + g + d) ** (y - yn)
                except OverflowError:
                    continue
                if not t > L or math.isinf(t):
                    continue
                p = min(1.0, max(0.0, 1 - cdf(q, t)))
                met = outcome >= t - 1e-9 * abs(t)
                n += 1
                met_n += met
                brier += (p - met) ** 2
                s = "off_track" if p < 0.1 else "at_risk" if p < 0.5 else "on_track"
                status[s][0] += 1
                status[s][1] += met
                status[s][2] += p
    return n, met_n, brier, status, missing


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    series = read_series(sys.argv[1], int(sys.argv[2]))
    print(f"{'file':<28} {'targets':>7} {'Brier':>7} {'ref':>7}   "
          f"{'off_track: n, given, met':<27} {'at_risk':<23} {'on_track':<23}")
    for path in sys.argv[3:]:
        n, met, brier, status, missing = score(series, read_forecasts(path))
        if n == 0:
            print(f"{path:<28} no targets (are the interval columns there?)")
            continue
        m = met / n
        cells = []
        for s in ("off_track", "at_risk", "on_track"):
            k, km, sp = status[s]
            cells.append(f"{k:>6} {sp / k:6.3f} {km / k:6.3f}" if k else f"{0:>6} {'-':>6} {'-':>6}")
        note = f"  ({missing} held-out years without a forecast)" if missing else ""
        print(f"{path:<28} {n:>7} {brier / n:7.4f} {m * (1 - m):7.4f}   {cells[0]:<27} {cells[1]:<23} {cells[2]:<23}{note}")


if __name__ == "__main__":
    main()
