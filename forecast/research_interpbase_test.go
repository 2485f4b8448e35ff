//go:build research

// Research harness for a growth's base year without a figure
// (interpbase.go); see TestResearchInterpolatedBase.

package forecast

import (
	"math"
	"testing"

	"github.com/plancast/plancast"
)

// TestResearchInterpolatedBase checks on real series what
// TestAGrowthFromAnInterpolatedBaseCoversRandomWalks checks on
// simulated ones: M3's yearly series, training years only (the last 6 of
// each never read), each cut at five origins (target year T the last
// training year, and the four before it), with the figures of B − 1 and B
// = T − 5 left out, B − 2 and B + 1 stored, and B + 4 stored (one year
// ahead) or not (four years ahead). Targets: the average growth from B to
// T at the series' pace −5 … +5 points a year. Rows: B stored, B
// interpolated and taken as exact (before), B interpolated with its spread
// (after); and how often the bridge's own 80% and 95% intervals for B's
// level held its figure.
//
//	go test -tags research -run TestResearchInterpolatedBase -v ./forecast/
func TestResearchInterpolatedBase(t *testing.T) {
	all := loadCat(t)
	var train [][]float64
	var cats []string
	for _, s := range all {
		if e := len(s.v) - 6; e >= 3 {
			train = append(train, s.v[:e])
			cats = append(cats, s.cat)
		}
	}
	pooled := GroupPooledScales(train, cats)
	offsets := []float64{-5, -3, -2, -1, 0, 1, 2, 3, 5}
	for _, ahead := range []int{1, 4} {
		var exact, spread, stored calibrationScore
		var bridgeN, in80, in95 int
		for i, v := range train {
			for c := range 5 {
				T := len(v) - 1 - c
				B := T - 5
				latest := T - ahead
				if B-2 < 4 {
					continue
				}
				var gy, fy []int
				var gv, fv []float64
				for k := 0; k <= latest; k++ {
					if k <= B-2 || k == B+1 || k == latest {
						gy, gv = append(gy, 2000+k), append(gv, v[k])
					}
					if k <= B-2 || k == B || k == B+1 || k == latest {
						fy, fv = append(fy, 2000+k), append(fv, v[k])
					}
				}
				base, year := 2000+B, 2000+T
				outcome := 100 * (math.Pow(v[T]/v[B], 1.0/5) - 1)
				pace, ok := HistoricalGrowth(gy, gv)
				if !ok {
					continue
				}
				opt := Options{PooledScale: pooled[cats[i]], SkipBacktest: true}
				o := opt
				o.Horizon = ahead
				r, err := Forecast(gy, gv, o)
				if err != nil {
					t.Fatal(err)
				}
				interp := v[B-2] * math.Pow(v[B+1]/v[B-2], 2.0/3)
				growth := func(x float64) float64 { return 100 * (math.Pow(x/interp, 1.0/5) - 1) }
				pt := r.Points[ahead-1]
				exact.interval(plancast.ProjectionPoint{Mean: growth(pt.Mean), Lo80: growth(pt.Lo80), Hi80: growth(pt.Hi80), Lo95: growth(pt.Lo95), Hi95: growth(pt.Hi95)}, outcome)
				one := newOneYearSpread(r, 2.0/3)
				bridgeN++
				if d := math.Log(v[B] / interp); d >= one.quantile(0.1) && d <= one.quantile(0.9) {
					in80++
				}
				if d := math.Log(v[B] / interp); d >= one.quantile(0.025) && d <= one.quantile(0.975) {
					in95++
				}
				for k, d := range offsets {
					g := 100*pace + d
					if g <= -100 {
						continue
					}
					tg := plancast.Target{Indicator: "x", Plan: "p", Kind: plancast.TargetAvgGrowth, BaseYear: base, Year: year, Value: g}
					met := outcome >= g
					exact.target(1-r.CDF(year, interp*math.Pow(1+g/100, 5)), met)
					for _, s := range []struct {
						s  *calibrationScore
						ys []int
						vs []float64
					}{{&spread, gy, gv}, {&stored, fy, fv}} {
						a, err := Assess(tg, gdp, s.ys, s.vs, opt)
						if err != nil {
							t.Fatal(err)
						}
						s.s.target(a.Probability, met)
						if k == 0 {
							s.s.interval(*a.Projected, outcome)
						}
					}
				}
			}
		}
		t.Logf("M3 training years, the target year %d ahead of the latest figure, %d origins; the bridge's intervals held the base's figure %.3f / %.3f:\n\tbase stored:               %s\n\tinterpolated, taken exact: %s\n\tinterpolated, its spread:  %s",
			ahead, exact.paths, float64(in80)/float64(bridgeN), float64(in95)/float64(bridgeN), &stored, &exact, &spread)
	}
}
