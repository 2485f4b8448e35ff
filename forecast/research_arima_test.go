//go:build research

// Research harness (not a test): does an autoregressive member — the growth
// rate's persistence, ARIMA(1,1,0) with drift — add to auto? R's arima had
// the lowest MASE on the holdout's regional file (bench/holdout.sh), which is
// the one hint that it might. Training splits only, as for the other rounds;
// run
//
//	go test -tags research -run TestResearchArima -v ./forecast/
//
// Rule fixed before the run: adopt a mix only if it scores ≤ 0.98 of auto
// (mean of the full and short splits' relative sMAPE/MASE) and beats auto on
// at least 11 of the 14 splits.
package forecast

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// ar1DriftFit is ARIMA(1,1,0) with drift fitted by conditional least squares
// on the differences d_t = x_t − x_{t−1}:
//
//	d_t − μ = φ (d_{t−1} − μ) + e_t,   x̂_{n+h} = x_n + Σ_{j≤h} (μ + φ^j (d_n − μ))
//
// μ the mean difference, shrunk toward 0 by t²/(t² + k) as in drift_shrunk
// when k > 0, φ the lag-1 least-squares slope clipped to [−0.5, 0.9] (a
// short yearly series cannot support more). Fewer than 4 differences: φ = 0.
func ar1DriftFit(k float64) func(x []float64, h int) []float64 {
	return func(x []float64, h int) []float64 {
		n := len(x)
		d := differences(x)
		mu := mean(d)
		if k > 0 && len(d) > 1 {
			s2 := variance(d) / float64(len(d))
			switch {
			case mu == 0:
			case s2 == 0:
			default:
				t2 := mu * mu / s2
				mu *= t2 / (t2 + k)
			}
		}
		phi := 0.0
		if len(d) >= 4 {
			var num, den float64
			m := mean(d)
			for t := 1; t < len(d); t++ {
				num += (d[t] - m) * (d[t-1] - m)
				den += (d[t-1] - m) * (d[t-1] - m)
			}
			if den > 0 {
				phi = min(0.9, max(-0.5, num/den))
			}
		}
		out := make([]float64, h)
		level, dev, pw := x[n-1], d[len(d)-1]-mu, 1.0
		for j := range out {
			pw *= phi
			level += mu + pw*dev
			out[j] = level
		}
		return out
	}
}

func TestResearchArima(t *testing.T) {
	extra := []string{"ar1d", "ar1d@lin", "ar1ds", "ar1ds@lin"}
	saved := cands
	cands = append(append([]string(nil), saved...), extra...)
	defer func() { cands = saved }()
	candidateHook = func(base string) (model, bool) {
		switch base {
		case "ar1d":
			return model{name: base, minObs: 3, fit: ar1DriftFit(0)}, true
		case "ar1ds":
			return model{name: base, minObs: 3, fit: ar1DriftFit(8)}, true
		}
		return model{}, false
	}
	defer func() { candidateHook = nil }()

	_, splits, fcs, bs := trainingBaseline(t)
	nFull := 10
	type res struct {
		names      []string
		full, shrt float64
		wins       int
	}
	score := func(idx []int) res {
		rel := relativeToBase(splits, fcs, bs, idx)
		r := res{names: namesOf(idx)}
		var fullWins, shortWins int
		r.full, fullWins = meanAndWins(rel[:nFull])
		r.shrt, shortWins = meanAndWins(rel[nFull:])
		r.wins = fullWins + shortWins
		return r
	}
	var rr []res
	eachMix(len(cands), 4, func(idx []int) {
		for _, c := range idx {
			if c >= len(saved) { // a mix with an autoregressive member
				rr = append(rr, score(idx))
				return
			}
		}
	})
	sort.Slice(rr, func(i, j int) bool { return rr[i].full+rr[i].shrt < rr[j].full+rr[j].shrt })
	for _, e := range extra {
		r := score([]int{indexOf(cands, e)})
		t.Logf("alone %-10s full %.4f short %.4f wins %d/14", e, r.full, r.shrt, r.wins)
	}
	for k, r := range rr[:min(15, len(rr))] {
		t.Logf("#%d full %.4f short %.4f mean %.4f wins %d/14 %s", k, r.full, r.shrt, (r.full+r.shrt)/2, r.wins, strings.Join(r.names, ","))
	}
	best := rr[0]
	pass := (best.full+best.shrt)/2 <= 0.98 && best.wins >= 11
	t.Logf("%d mixes with an autoregressive member; best %s: %.4f, %d/14 wins; rule met: %v", len(rr), strings.Join(best.names, ","), (best.full+best.shrt)/2, best.wins, pass)
	fmt.Println()
}
