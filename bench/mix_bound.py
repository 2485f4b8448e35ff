#!/usr/bin/env python3
"""Bound on what re-mixing plancast's models can do on a file's test years.
A diagnostic, never a tuning step: it reads the held-out years, which no
choice of auto may see. For every equal-weight mean of 1 to 4 of the given
single-method forecasts files it scores sMAPE and MASE (score.py's
definitions), once with one mix for every series and once with auto's short
mix (naive, drift_robust, drift_shrunk, drift_linear) below LONG training
years and the best mix from there on, and prints the best few of each.

usage: mix_bound.py SERIES.csv HORIZON FORECASTS.csv ...   (one file per --method; LONG=15)
bench/mix_bound.sh runs the backtests and this script.
"""
import csv, itertools, os, sys
from collections import defaultdict

series, h, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
long_from = int(os.environ.get('LONG', '15'))
obs = defaultdict(list)
with open(series, newline='') as f:
    for r in csv.DictReader(f):
        obs[r['series_id']].append((int(float(r['timestamp'])), float(r['value'])))
train, test = {}, {}
for k, v in obs.items():
    v.sort()
    train[k], test[k] = [x for _, x in v[:-h]], [x for _, x in v[-h:]]
ids = sorted(test)
scale = {k: sum(abs(a - b) for a, b in zip(train[k][1:], train[k])) / (len(train[k]) - 1) for k in ids}

fc = {}  # method -> series -> [h forecasts]
for p in files:
    with open(p, newline='') as f:
        for r in csv.DictReader(f):
            fc.setdefault(r['method'], defaultdict(dict))[r['series_id']][int(r['horizon'])] = float(r['forecast'])
methods = sorted(fc)
F = {m: {k: [fc[m][k][j] for j in range(1, h + 1)] for k in ids} for m in methods}


def errors(k, mix):
    """sMAPE and MASE of series k under the equal-weight mean of mix."""
    f = [sum(F[m][k][j] for m in mix) / len(mix) for j in range(h)]
    y = test[k]
    sm = sum(200 * abs(a - b) / (abs(a) + abs(b)) for a, b in zip(y, f)) / h
    return sm, sum(abs(a - b) for a, b in zip(y, f)) / h / scale[k]


mixes = [c for r in range(1, 5) for c in itertools.combinations(methods, r)]
per = {c: [errors(k, c) for k in ids] for c in mixes}  # mix -> per-series (sMAPE, MASE)
n = len(ids)
longs = [i for i, k in enumerate(ids) if len(train[k]) >= long_from]
short = tuple(sorted(('naive', 'drift_robust', 'drift_shrunk', 'drift_linear')))


def show(title, rows):
    print(title)
    for mase, smape, mix in sorted(rows)[:5]:
        print(f'  MASE {mase:.3f}  sMAPE {smape:.3f}  {"+".join(mix)}')


show(f'one mix for all {n} series ({len(mixes)} mixes):',
     [(sum(e[1] for e in per[c]) / n, sum(e[0] for e in per[c]) / n, c) for c in mixes])
if short in per:
    rows = []
    for c in mixes:
        e = [per[c][i] if i in set(longs) else per[short][i] for i in range(n)]
        rows.append((sum(x[1] for x in e) / n, sum(x[0] for x in e) / n, c))
    show(f'the short mix below {long_from} years, the best mix for the {len(longs)} series from {long_from}:', rows)
