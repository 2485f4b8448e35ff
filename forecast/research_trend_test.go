//go:build research

// Research harness, ninth round (second question): does the long mix hedge
// the trend's continuation badly for series whose trend is strong and
// smooth? The M3 test years of long histories favour members that carry the
// trend on (drift_linear, holt) over the long mix's damping
// (bench/mix_bound.sh), and MASE, scaled by the in-sample naive error, weighs
// smooth series most. So the long histories are split by how clear their
// trend is, the t-statistic of the mean log change,
//
//	t = mean(Δ log y) / (sd(Δ log y) / √(n − 1)),
//
// at the median |t| of the long histories of split f6 (fixed before the
// run), and every equal-weight mix of up to four of the 14 variants is
// scored in each band against the long mix there.
//
//	go test -tags research -run TestResearchTrendBands -v ./forecast/
//
// Rule fixed before the run (22 November 2026), the eighth round's: a band
// gets its own mix only if that mix scores ≤ 0.98 of the long mix there,
// beats it on at least 8 of the 10 full splits and on f6.
package forecast

import (
	"math"
	"sort"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// trendT is the t-statistic of the mean log change of a positive history.
func trendT(h []float64) float64 {
	d := make([]float64, len(h)-1)
	for i := range d {
		d[i] = math.Log(h[i+1]) - math.Log(h[i])
	}
	m, sd := stat.MeanStdDev(d, nil)
	if sd == 0 {
		return math.Inf(1)
	}
	return m / (sd / math.Sqrt(float64(len(d))))
}

func TestResearchTrendBands(t *testing.T) {
	all := trainingSplits(loadVals(t, "series.csv"))[:10]
	var ts []float64
	for _, h := range all[0].hist {
		if len(h) >= longHistory {
			ts = append(ts, math.Abs(trendT(h)))
		}
	}
	sort.Float64s(ts)
	cut := ts[len(ts)/2]
	t.Logf("median |t| of the %d long histories of f6: %.2f", len(ts), cut)
	longMix := []int{indexOf(cands, "drift_shrunk"), indexOf(cands, "damped"), indexOf(cands, "damped@lin")}

	for _, band := range []struct {
		name string
		keep func(h []float64) bool
	}{
		{"clear trend (|t| ≥ cut)", func(h []float64) bool { return math.Abs(trendT(h)) >= cut }},
		{"unclear trend (|t| < cut)", func(h []float64) bool { return math.Abs(trendT(h)) < cut }},
	} {
		splits := splitsWhere(all, func(h []float64) bool { return len(h) >= longHistory && band.keep(h) })
		ruleSearch(t, band.name, splits, longMix, 0, []int{indexOf(cands, "drift_linear"), indexOf(cands, "drift@lin")})
		t.Logf("%s: %d series in f6", band.name, len(splits[0].hist))
	}
}
