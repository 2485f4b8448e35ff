//go:build research

// Research harness (not a test): how to fit Holt and the damped trend.
//
// TestResearchFitter fits the 2,580 problems of the M3 training histories
// (645 series, log and original scale, Holt and damped) by several start
// strategies for quasiNewton (gonum's L-BFGS with the analytic gradient) and
// by gonum's Nelder–Mead, against the best SSE any of them or a 12×12×12 scan
// finds. TestResearchFitterForecasts compares their forecasts on the 14
// training splits. Run
//
//	go test -tags research -run 'TestResearchFitter' -v ./forecast/
//
// Outcome (22 November 2026): the old Nelder–Mead ended more than 1% above
// the best SSE on 513 of the 2,580 fits (243 by more than 10%); quasi-Newton
// from R's start and the best point of a 3×3×3 scan, on 61 (4). But the lower
// SSE forecasts worse: that global fit scored 1.025 of Nelder–Mead's forecasts
// for the damped trend (log; 1.013 original scale; Holt 1.026 and 1.015),
// worse on 10–12 of 14 splits, while quasi-Newton from R's start alone, to
// the nearest minimum as Nelder–Mead did, scored 1.004 / 1.002 / 1.006 /
// 1.004 (the long-history mix 0.9995) at a twelfth of the cost. fitTrend is
// that local fit. (A first run reported 1.061 / 1.052 / 1.034 / 1.028 for
// the global fit: its hooks then let a model run on 3 or 4 points where the
// real one needs 4 or 5 and falls back to naive, so it compared unlike
// forecasts. The hooks now take the real model's minimum.)
package forecast

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"time"
)

type fitProblem struct {
	x      []float64
	damped bool
}

func researchFitProblems(t *testing.T) []fitProblem {
	var fits []fitProblem
	for _, v := range loadVals(t, "series.csv") {
		v = v[:len(v)-6]
		for _, logScale := range []bool{true, false} {
			x := append([]float64(nil), v...)
			if logScale {
				for i := range x {
					x[i] = math.Log(x[i])
				}
			}
			fits = append(fits, fitProblem{x, false}, fitProblem{x, true})
		}
	}
	return fits
}

// fromStarts runs quasiNewton from each start and keeps the lowest SSE.
func fromStarts(p fitProblem, starts [][]float64) float64 {
	obj := trendObjective(p.x, p.damped)
	best := math.Inf(1)
	for _, s := range starts {
		if !p.damped {
			s = s[:2]
		}
		_, v := quasiNewton(obj, s, 0, 1e-10*(1+variance(p.x)), 400)
		best = math.Min(best, v)
	}
	return best
}

// scanStarts returns the k best points of a coarse grid in the unbounded
// parameters.
func scanStarts(p fitProblem, k int, as, bs, ps []float64) [][]float64 {
	obj := trendObjective(p.x, p.damped)
	type pt struct {
		v []float64
		f float64
	}
	var pts []pt
	if !p.damped {
		ps = []float64{0}
	}
	for _, a := range as {
		for _, b := range bs {
			for _, ph := range ps {
				v := []float64{a, b, ph}
				pts = append(pts, pt{v, obj(v[:2+btoi(p.damped)], nil)})
			}
		}
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].f < pts[j].f })
	var out [][]float64
	for _, q := range pts[:k] {
		out = append(out, q.v)
	}
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestResearchFitter(t *testing.T) {
	fits := researchFitProblems(t)
	r, c := []float64{0, -2.2, 1.4}, []float64{0, 0, 0}
	lowAlpha := []float64{-3, -2.2, 1.4}
	grid3 := [][]float64{{-4, -1, 2}, {-3, -0.5, 2}, {-1.5, 0.5, 2.5}}
	grid4 := [][]float64{{-4.5, -2, 0.5, 3}, {-3, -1, 1}, {-1.5, 0.5, 2.5}}
	strategies := []struct {
		name string
		run  func(p fitProblem) float64
	}{
		{"nelder-mead (gonum, before)", nil},
		{"starts R + centre", func(p fitProblem) float64 { return fromStarts(p, [][]float64{r, c}) }},
		{"starts R + centre + low α", func(p fitProblem) float64 { return fromStarts(p, [][]float64{r, c, lowAlpha}) }},
		{"best of a 3×3×3 scan", func(p fitProblem) float64 {
			return fromStarts(p, scanStarts(p, 1, grid3[0], grid3[1], grid3[2]))
		}},
		{"best 2 of a 3×3×3 scan", func(p fitProblem) float64 {
			return fromStarts(p, scanStarts(p, 2, grid3[0], grid3[1], grid3[2]))
		}},
		{"best of a 3×3×3 scan + R", func(p fitProblem) float64 {
			return fromStarts(p, append(scanStarts(p, 1, grid3[0], grid3[1], grid3[2]), r))
		}},
		{"best 2 of a 4×3×3 scan", func(p fitProblem) float64 {
			return fromStarts(p, scanStarts(p, 2, grid4[0], grid4[1], grid4[2]))
		}},
	}
	sse := make([][]float64, len(strategies))
	elapsed := make([]time.Duration, len(strategies))
	for k, s := range strategies {
		sse[k] = make([]float64, len(fits))
		t0 := time.Now()
		for i, p := range fits {
			if s.run == nil {
				_, f := fitTrendNelderMead(p.x, p.damped)
				sse[k][i] = f.sse
			} else {
				sse[k][i] = s.run(p)
			}
		}
		elapsed[k] = time.Since(t0)
	}
	// The reference: the lowest SSE of every strategy and a fine scan.
	ref := make([]float64, len(fits))
	for i, p := range fits {
		ref[i] = fromStarts(p, scanStarts(p, 3, span(-6, 6, 12), span(-6, 6, 12), span(-6, 6, 12)))
		for k := range strategies {
			ref[i] = math.Min(ref[i], sse[k][i])
		}
	}
	for k, s := range strategies {
		var rel []float64
		for i := range fits {
			rel = append(rel, (sse[k][i]-ref[i])/(ref[i]+1e-12*(1+variance(fits[i].x))))
		}
		sort.Float64s(rel)
		above := func(c float64) int { return len(rel) - sort.SearchFloat64s(rel, c) }
		fmt.Printf("%-30s %6.1f µs/fit  off the best by >1e-6: %4d, >1%%: %3d, >10%%: %3d; worst %.3f\n",
			s.name, float64(elapsed[k].Microseconds())/float64(len(fits)), above(1e-6), above(0.01), above(0.1), rel[len(rel)-1])
	}
}

func span(lo, hi float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = lo + (hi-lo)*float64(i)/float64(n-1)
	}
	return out
}

// globalTrendFit is the lower of two quasi-Newton fits, from R's start and
// from the best point of a 3×3×3 scan of the box: the global fit measured
// against the local one (fitTrend) and against Nelder–Mead.
func globalTrendFit(x []float64, damped bool) (etsParams, etsFit) {
	dim := 2 + btoi(damped)
	obj := trendObjective(x, damped)
	starts := append([][]float64{{0, -2.2, 1.4}}, scanStarts(fitProblem{x, damped}, 1, []float64{-4, -1, 2}, []float64{-3, -0.5, 2}, []float64{-1.5, 0.5, 2.5})...)
	var best []float64
	bestSSE := math.Inf(1)
	for _, start := range starts {
		if v, sse := quasiNewton(obj, start[:dim], 0, 1e-10*(1+variance(x)), 400); sse < bestSSE || best == nil {
			best, bestSSE = v, sse
		}
	}
	p := decodeTrend(best, damped)
	return p, smoothingSSE(x, p)
}

// TestResearchFitterForecasts compares the forecasts of three fits on the 14
// training splits, each relative to gonum's Nelder–Mead from R's start (the
// fit until November 2026): the global fit (globalTrendFit) and the local
// one (fitTrend), for the damped trend and Holt on both scales, and for the
// long-history mix (drift_shrunk + damped + damped on the original scale) on
// histories of 15 or more years. Below 1: the quasi-Newton fit forecasts
// better.
func TestResearchFitterForecasts(t *testing.T) {
	saved, savedHook := cands, candidateHook
	defer func() { cands, candidateHook = saved, savedHook }()
	fits := map[string]func(x []float64, damped bool) (etsParams, etsFit){"nm": fitTrendNelderMead, "global": globalTrendFit}
	candidateHook = func(base string) (model, bool) {
		name, kind, ok := strings.Cut(base, "_")
		fit := fits[kind]
		if !ok || fit == nil || (name != "damped" && name != "holt") {
			return model{}, false
		}
		real, _ := modelByName(name) // the same minimum length (shorter: naive)
		return model{name: base, minObs: real.minObs, fit: func(x []float64, h int) []float64 {
			p, f := fit(x, name == "damped")
			return etsPath(f, p, h)
		}}, true
	}
	cands = []string{"drift_shrunk", "damped", "damped@lin", "holt", "holt@lin", "damped_nm", "damped_nm@lin", "holt_nm", "holt_nm@lin",
		"damped_global", "damped_global@lin", "holt_global", "holt_global@lin"}
	splits := trainingSplits(loadVals(t, "series.csv"))
	long := splitsWhere(splits[:10], lengthIn(15, math.MaxInt))
	compare := func(name string, splits []split, newIdx, oldIdx []int) {
		fcs, bs := forecastsAndScores(splits, oldIdx)
		rel := relativeToBase(splits, fcs, bs, newIdx)
		mean, wins := meanAndWins(rel)
		var parts []string
		for _, r := range rel {
			parts = append(parts, fmt.Sprintf("%.3f", r))
		}
		fmt.Printf("%-34s new/old %.4f, better on %d of %d: %v\n", name, mean, wins, len(rel), parts)
	}
	compare("damped (log), global", splits, []int{9}, []int{5})
	compare("damped (original scale), global", splits, []int{10}, []int{6})
	compare("holt (log), global", splits, []int{11}, []int{7})
	compare("holt (original scale), global", splits, []int{12}, []int{8})
	compare("long mix, 15+ years, global", long, []int{0, 9, 10}, []int{0, 5, 6})
	compare("damped (log), fitTrend", splits, []int{1}, []int{5})
	compare("damped (original), fitTrend", splits, []int{2}, []int{6})
	compare("holt (log), fitTrend", splits, []int{3}, []int{7})
	compare("holt (original), fitTrend", splits, []int{4}, []int{8})
	compare("long mix, fitTrend", long, []int{0, 1, 2}, []int{0, 5, 6})
}
