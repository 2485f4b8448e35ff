#!/usr/bin/env python3
"""Measures the jump check's rules (ingest/jumps.go) on real yearly series.

usage: python3 bench/jumps/jumps.py HOLDOUT_DIR M3_SERIES_CSV
  HOLDOUT_DIR holds regional.csv, municipal.csv, national.csv
  (Rscript bench/holdout/export.R DIR) and rates.csv
  (Rscript bench/jumps/rates.R DIR). Standard library only.

Levels (JumpFactor, JumpYears): for changes over 1 to 4 years (a figure
against the one k years later, as the check sees it when the years between
are missing), how many pass 4, 5, 8 and 10 times, and what share of
tenfold unit slips a factor F would miss: a figure typed 10 times too large
is missed where the true change to it was at most F/10, one typed a tenth
as large where it was at least 10/F.

Rates (FractionFactor): how many true pairs of figures k years apart trip
the fraction-for-a-percent rule (a figure f with 0 < |f| < 1 beside one w
with |w| >= 1, where w / (100 f) is within a factor F), and what share of
slips it would miss (a true percent p with 1 <= |p| < 100 typed as p/100
beside a figure w with |w| >= 1).
"""
import csv
import os
import sys
from collections import Counter, defaultdict

LEVEL_GAPS = (1, 2, 3, 4)
LEVEL_FACTORS = (4, 5, 8, 10)
RATE_GAPS = (1, 2, 3)
RATE_FACTORS = (1.5, 2, 3)
# Penn World Table's shares of GDP that trip the rate rule: trade (exports,
# imports, and the residual of trade and statistical discrepancy, which
# crosses zero) and investment. Reported apart, and without them.
PWT_TRADE = ("pwt.csh_r", "pwt.csh_x", "pwt.csh_m", "pwt.csh_i")


def load(path):
    series = defaultdict(dict)
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            series[r["series_id"]][int(r["timestamp"])] = float(r["value"])
    return series


def category(series_id):
    return series_id.rsplit(".", 1)[0]


def pairs(series, gap):
    """Every (series id, figure, figure gap years later)."""
    for sid, s in series.items():
        for y, a in s.items():
            b = s.get(y + gap)
            if b is not None:
                yield sid, a, b


def levels(name, series):
    print(f"\n{name}: {len(series)} series")
    print("gap   pairs  " + "  ".join(f">{f}x" for f in LEVEL_FACTORS) + "   tenfold slips missed at F=" + ", ".join(map(str, LEVEL_FACTORS)))
    for k in LEVEL_GAPS:
        n, over, missed = 0, Counter(), Counter()
        for _, a, b in pairs(series, k):
            if a <= 0 or b <= 0:
                continue
            n += 1
            r = max(a / b, b / a)
            for f in LEVEL_FACTORS:
                over[f] += r > f
                missed[f] += (b / a <= f / 10) + (b / a >= 10 / f)  # b typed times 10, or divided by 10
        cols = "  ".join(f"{over[f]:>{len(str(f)) + 2}}" for f in LEVEL_FACTORS)
        ms = ", ".join(f"{100 * missed[f] / (2 * n):.2f}%" for f in LEVEL_FACTORS)
        print(f"{k:>3} {n:>7}  {cols}   {ms}")


def fraction_for_percent(a, b, f, least=1):
    """ingest.fractionFor, either of a, b pushed: one a fraction, the other (at least least) its percent within f."""
    if abs(a) > abs(b):
        a, b = b, a
    if a == 0 or abs(a) >= 1 or abs(b) < least:
        return False
    r = b / (100 * a)
    return 1 / f <= r <= f


def rates(series):
    without = {sid: s for sid, s in series.items() if category(sid) not in PWT_TRADE}
    print(f"\nrates: {len(series)} series ({len(without)} without PWT's trade and investment shares)")
    for k in RATE_GAPS:
        n = fraction_beside_percent = 0
        trips = {f: Counter() for f in RATE_FACTORS}
        any_size = Counter()  # F=2 without |w| >= 1
        for sid, a, b in pairs(series, k):
            n += 1
            any_size[category(sid)] += fraction_for_percent(a, b, 2, least=0)
            fraction_beside_percent += min(abs(a), abs(b)) < 1 and max(abs(a), abs(b)) >= 1 and a * b != 0
            for f in RATE_FACTORS:
                if fraction_for_percent(a, b, f):
                    trips[f][category(sid)] += 1
        print(f"{k} years apart: {n} pairs, {fraction_beside_percent} a figure under 1 beside one of 1 or more")
        for f in RATE_FACTORS:
            print(f"  F={f}: {sum(trips[f].values())} trip it: {dict(trips[f].most_common())}")
        print(f"  F=2 without |w| >= 1: {sum(any_size.values())} trip it: {dict((c, n) for c, n in any_size.most_common() if n)}")
        for name, s in (("all", series), ("without PWT's trade and investment shares", without)):
            slips, missed = 0, Counter()
            for _, a, b in pairs(s, k):
                for p, w in ((a, b), (b, a)):
                    if 1 <= abs(p) < 100 and abs(w) >= 1:
                        slips += 1
                        for f in RATE_FACTORS:
                            missed[f] += not fraction_for_percent(p / 100, w, f)
            print(f"  slips missed, {name} ({slips}): " + ", ".join(f"F={f} {100 * missed[f] / slips:.2f}%" for f in RATE_FACTORS))


def main():
    hold, m3 = sys.argv[1], sys.argv[2]
    for f in ("regional.csv", "municipal.csv", "national.csv"):
        p = os.path.join(hold, f)
        if os.path.exists(p):
            levels(f, load(p))
    levels("M3 yearly", load(m3))
    rates(load(os.path.join(hold, "rates.csv")))


if __name__ == "__main__":
    main()
