//go:build research

// Research harness, ninth round: forecasting by analogy across series, after
// "Déjà vu" (Kang, Spiliotis, Petropoulos, Athiniotis, Li & Assimakopoulos,
// IJF 2021), who found it beat ETS, ARIMA and Theta on M4's yearly series. It
// is a kind of model plancast does not have: every member of auto extrapolates
// the series' own history, while this one asks what happened next to the
// other series whose recent path looked like this one.
//
// For a target with working-scale (log) history x_1…x_n, its last L values
// relative to the forecast origin,
//
//	z_i = (x_{n−L+i} − x_n) / s,  i = 1…L,
//
// are compared with every window of L + 6 years in the reference set (each
// series' history before the split, the target's own included), normalised
// the same way at the window's own origin t. The forecast is
//
//	x̂_{n+j} = x_n + s · median over the k nearest windows of (x_{t+j} − x_t)/s_w,
//
// nearest by Euclidean distance on z. s = 1 ("lvl": shapes in log changes)
// or s = the mean |Δx| over the L values ("vol": shapes in units of the
// window's own volatility, so a calm series can match a wild one). Variants,
// fixed before the run: lvl and vol, L = 4 and 6, k = 30 and 100.
//
//	go test -tags research -run TestResearchAnalog -v ./forecast/
//
// Rule fixed before the run (22 November 2026), the eighth round's: a mix
// with an analog member replaces auto's mix for one population (under or
// from 15 years) only if it scores ≤ 0.98 there, beats it on at least 8 of
// the 10 full splits and beats it on f6.
package forecast

import (
	"fmt"
	"math"
	"sort"
	"testing"
)

// analogRefs is one reference set: the windows of L + 6 years of every
// series before a split.
type analogRefs struct {
	hists [][]float64 // log histories
}

// analogReference holds, per split name, the histories the analog members
// may learn from; analogCurrent is the set of the split being forecast.
var (
	analogReference = map[string]analogRefs{}
	analogCurrent   analogRefs
)

// analogNorm is the normalising scale s of a window's first L values.
func analogNorm(w []float64, vol bool) float64 {
	if !vol {
		return 1
	}
	s := 0.0
	for i := 1; i < len(w); i++ {
		s += math.Abs(w[i] - w[i-1])
	}
	return math.Max(s/float64(len(w)-1), 1e-3)
}

func analogFit(L, k int, vol bool) func(x []float64, h int) []float64 {
	return func(x []float64, h int) []float64 {
		n := len(x)
		l := min(L, n)
		tw := x[n-l:]
		ts := analogNorm(tw, vol)
		z := make([]float64, l)
		for i := range z {
			z[i] = (tw[i] - x[n-1]) / ts
		}
		type nb struct {
			d   float64
			fut [6]float64
		}
		var best []nb // the k nearest so far, unordered
		worst := -1
		for _, r := range analogCurrent.hists {
			for t := l - 1; t+6 < len(r); t++ {
				w := r[t-l+1 : t+1]
				s := analogNorm(w, vol)
				d := 0.0
				for i := range z {
					e := (w[i]-r[t])/s - z[i]
					d += e * e
				}
				if len(best) == k && d >= best[worst].d {
					continue
				}
				var c nb
				c.d = d
				for j := range 6 {
					c.fut[j] = (r[t+1+j] - r[t]) / s
				}
				if len(best) < k {
					best = append(best, c)
				} else {
					best[worst] = c
				}
				worst = 0
				for i := range best {
					if best[i].d > best[worst].d {
						worst = i
					}
				}
			}
		}
		f := make([]float64, h)
		col := make([]float64, len(best))
		for j := range h {
			if len(best) == 0 {
				f[j] = x[n-1]
				continue
			}
			for i := range best {
				col[i] = best[i].fut[min(j, 5)]
			}
			sort.Float64s(col)
			med := (col[(len(col)-1)/2] + col[len(col)/2]) / 2
			f[j] = x[n-1] + ts*med
		}
		return f
	}
}

// analogRefsOf keeps the log histories of the positive series of vs.
func analogRefsOf(vs [][]float64) analogRefs {
	var out analogRefs
	for _, v := range vs {
		lv := make([]float64, len(v))
		ok := true
		for i, y := range v {
			if y <= 0 {
				ok = false
				break
			}
			lv[i] = math.Log(y)
		}
		if ok {
			out.hists = append(out.hists, lv)
		}
	}
	return out
}

func TestResearchAnalog(t *testing.T) {
	full := loadVals(t, "series.csv")
	// The reference set of split f<c> and s<c>: every series' whole history
	// before that split's six years.
	for c := 6; c <= 15; c++ {
		refs := analogRefsOf(mkSplit("", full, c, 0).hist)
		analogReference[fmt.Sprintf("f%d", c)] = refs
		analogReference[fmt.Sprintf("s%d", c)] = refs
	}
	splitHook = func(sp split) { analogCurrent = analogReference[sp.name] }
	var names []string
	fits := map[string]func([]float64, int) []float64{}
	for _, vol := range []bool{false, true} {
		for _, L := range []int{4, 6} {
			for _, k := range []int{30, 100} {
				norm := "lvl"
				if vol {
					norm = "vol"
				}
				name := fmt.Sprintf("analog_%s_L%d_k%d", norm, L, k)
				names = append(names, name)
				fits[name] = analogFit(L, k, vol)
			}
		}
	}
	candidateHook = func(base string) (model, bool) {
		if f, ok := fits[base]; ok {
			return model{name: base, minObs: 2, fit: f}, true
		}
		return model{}, false
	}
	defer func() { candidateHook, splitHook = nil, nil }()
	eighthRoundSearch(t, names)
}
