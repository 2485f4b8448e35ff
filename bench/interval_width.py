#!/usr/bin/env python3
"""What-if for interval width: coverage of a forecasts file's 80% and 95%
intervals when every interval is scaled around its point forecast by a factor f
(on the log scale where the bounds are positive: lo' = mean * (lo/mean)**f).
A diagnostic, never a tuning step: it shows what narrowing would cost elsewhere.

usage: interval_width.py SERIES.csv HORIZON FORECASTS.csv [f ...]   (default f: 1 0.95 0.9 0.85 0.8)
"""
import csv, sys
from collections import defaultdict

series, h, fc = sys.argv[1], int(sys.argv[2]), sys.argv[3]
factors = [float(x) for x in sys.argv[4:]] or [1.0, 0.95, 0.9, 0.85, 0.8]
obs = defaultdict(list)
with open(series, newline='') as f:
    for r in csv.DictReader(f):
        obs[r['series_id']].append((int(float(r['timestamp'])), float(r['value'])))
test = {k: dict(sorted(v)[-h:]) for k, v in obs.items()}
with open(fc, newline='') as f:
    rows = [r for r in csv.DictReader(f) if int(float(r['timestamp'])) in test.get(r['series_id'], {})]

def scaled(mean, bound, f):
    if mean > 0 and bound > 0:
        return mean * (bound / mean) ** f
    return mean + (bound - mean) * f

for f in factors:
    c80 = c95 = 0
    for r in rows:
        y = test[r['series_id']][int(float(r['timestamp']))]
        m = float(r['forecast'])
        c80 += scaled(m, float(r['lo80']), f) <= y <= scaled(m, float(r['hi80']), f)
        c95 += scaled(m, float(r['lo95']), f) <= y <= scaled(m, float(r['hi95']), f)
    print(f"f={f:.2f} cov80 {c80 / len(rows):.3f} cov95 {c95 / len(rows):.3f} ({len(rows)} forecasts)")
