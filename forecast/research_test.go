//go:build research

// Research harness behind the choices in doc.go, on training years only: every
// split holds out 6 years that end `cut` ≥ 6 years before the end of each M3
// series, so the M3 test years (the last 6) are never seen. Not a test; run
//
//	go test -tags research -run TestResearchPoint -v ./forecast/     (combinations, 10 full + 4 short splits)
//	go test -tags research -run TestResearchWeights -v ./forecast/   (per-series member weights)
//	ALLCUTS=1 go test -tags research -run TestResearchIntervals -v ./forecast/  (coverage per window and category; research_intervals_test.go)
package forecast

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/plancast/plancast/forecast/benchfile"
)

const benchDir = "../../shared/bench/m3-yearly/"

func loadVals(t *testing.T, name string) [][]float64 {
	ss := loadBench(t, name)
	out := make([][]float64, len(ss))
	for i, s := range ss {
		out[i] = s.Values
	}
	return out
}

// loadBench reads a long-format file of the benchmark data.
func loadBench(t *testing.T, name string) []benchfile.Series {
	ss, err := benchfile.ReadLongFile(benchDir + name)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

// window: hist = v[len-cut-6-win : len-cut-6] (win 0 = all), act = next 6.
type split struct {
	name      string
	hist, act [][]float64
}

func mkSplit(name string, vs [][]float64, cut, win int) split {
	s := split{name: name}
	for _, v := range vs {
		e := len(v) - cut - 6
		if e < 3 {
			continue
		}
		lo := 0
		if win > 0 {
			lo = max(0, e-win)
		}
		s.hist = append(s.hist, v[lo:e])
		s.act = append(s.act, v[e:e+6])
	}
	return s
}

// trainingSplits are the 14 training-only splits every harness scores on:
// the 6 years ending cut = 6…15 years before each series' end, forecast from
// the whole history before them (10 "full" splits, first), then from the 6
// years before them for cut = 6, 9, 12, 15 (4 "short" splits).
func trainingSplits(full [][]float64) []split {
	var splits []split
	for c := 6; c <= 15; c++ {
		splits = append(splits, mkSplit(fmt.Sprintf("f%d", c), full, c, 0))
	}
	for c := 6; c <= 15; c += 3 {
		splits = append(splits, mkSplit(fmt.Sprintf("s%d", c), full, c, 6))
	}
	return splits
}

func yearsOf(n int) []int {
	y := make([]int, n)
	for i := range y {
		y[i] = 2000 + i
	}
	return y
}

// candidateHook, when set, supplies models of a harness's own (tried before
// the package's models).
var candidateHook func(base string) (model, bool)

// original-scale point forecast of a named candidate.
func candidate(p *prepared, name string, h int) []float64 {
	lin := strings.HasSuffix(name, "@lin")
	sqrt := strings.HasSuffix(name, "@sqrt")
	base := strings.TrimSuffix(strings.TrimSuffix(name, "@lin"), "@sqrt")
	var m model
	switch {
	case strings.HasPrefix(base, "shrunk"):
		var k float64
		fmt.Sscanf(base, "shrunk%g", &k)
		m = model{name: base, minObs: 2, fit: shrunkDrift(k)}
	default:
		var ok bool
		if candidateHook != nil {
			m, ok = candidateHook(base)
		}
		if !ok {
			m, ok = modelByName(base)
		}
		if !ok {
			panic(base)
		}
	}
	m.linear = m.linear || lin // drift_linear is linear by definition
	if len(p.x) < m.minObs {
		m, _ = modelByName(MethodNaive)
	}
	var f []float64
	if sqrt && p.log {
		f = fitSqrt(p, m, h)
	} else {
		f = fitModel(p, m, h)
	}
	out := make([]float64, h)
	for j := range out {
		out[j] = p.back(f[j])
	}
	return out
}

// fitSqrt fits m to the square roots of a log series' values (Box–Cox
// λ = 1/2, between the log and the original scale) and maps the forecasts
// back to the working scale: x̂ = log(max(ŷ, 0)²), floored by fromUnit.
func fitSqrt(p *prepared, m model, h int) []float64 {
	y := make([]float64, len(p.x))
	for i, v := range p.x {
		y[i] = math.Exp(v / 2)
	}
	f := m.fit(y, h)
	for j, v := range f {
		v = math.Max(v, 0)
		f[j] = p.fromUnit(v * v)
	}
	return f
}

func pointErr(hist, act, f []float64) (sm, ms float64) {
	sc := 0.0
	for i := 1; i < len(hist); i++ {
		sc += math.Abs(hist[i] - hist[i-1])
	}
	sc /= float64(len(hist) - 1)
	for j, y := range act {
		sm += 200 * math.Abs(y-f[j]) / (math.Abs(y) + math.Abs(f[j]))
		ms += math.Abs(y-f[j]) / sc
	}
	return sm / 6, ms / 6
}

var cands = []string{"naive", "drift_robust", "drift_shrunk", "drift_linear", "theta", "theta@lin", "damped", "damped@lin", "theta_opt", "ses", "drift@lin", "shrunk4", "shrunk4@lin", "drift_robust@lin"}

// splitHook, when set, is told which split allFc is about to forecast (a
// harness whose candidates learn from the other series' histories builds
// their reference set there).
var splitHook func(sp split)

// fc[s][series][cand] = forecasts
func allFc(sp split) [][][]float64 {
	if splitHook != nil {
		splitHook(sp)
	}
	out := make([][][]float64, len(sp.hist))
	for i, h := range sp.hist {
		p, err := prepare(yearsOf(len(h)), h, Limits{})
		if err != nil {
			panic(err)
		}
		out[i] = make([][]float64, len(cands))
		for c, name := range cands {
			out[i][c] = candidate(p, name, 6)
		}
	}
	return out
}

// splitScore is the mean sMAPE and MASE over a split's series of the 6-year
// forecasts that combine writes into f for series i from fc[i], the
// original-scale forecasts of every candidate.
func splitScore(sp split, fc [][][]float64, combine func(fi [][]float64, f []float64)) (float64, float64) {
	var S, M float64
	f := make([]float64, 6)
	for i := range sp.hist {
		combine(fc[i], f)
		s, m := pointErr(sp.hist[i], sp.act[i], f)
		S += s
		M += m
	}
	n := float64(len(sp.hist))
	return S / n, M / n
}

// comboScore scores the equal-weight mean of the candidates idx.
func comboScore(sp split, fc [][][]float64, idx []int) (float64, float64) {
	return splitScore(sp, fc, func(fi [][]float64, f []float64) {
		for j := range f {
			f[j] = 0
			for _, c := range idx {
				f[j] += fi[c][j] / float64(len(idx))
			}
		}
	})
}

// splitsWhere keeps, on each split, the series whose history keep accepts
// (auto's two populations are by length: splitsWhere(ss, longer(15))).
func splitsWhere(splits []split, keep func(h []float64) bool) []split {
	out := make([]split, len(splits))
	for s, sp := range splits {
		out[s].name = sp.name
		for i, h := range sp.hist {
			if keep(h) {
				out[s].hist = append(out[s].hist, h)
				out[s].act = append(out[s].act, sp.act[i])
			}
		}
	}
	return out
}

// lengthIn accepts a history of lo to hi years.
func lengthIn(lo, hi int) func(h []float64) bool {
	return func(h []float64) bool { return len(h) >= lo && len(h) <= hi }
}

// trainingBaseline is where most harnesses start: the M3 yearly series, the
// 14 training splits, every candidate's forecasts on them and the short
// mix's scores there (the base of their ratios).
func trainingBaseline(t *testing.T) (full [][]float64, splits []split, fcs [][][][]float64, base [][2]float64) {
	full = loadVals(t, "series.csv")
	splits = trainingSplits(full)
	fcs, base = forecastsAndScores(splits, shortMix)
	return full, splits, fcs, base
}

// shortMix is auto's mix, candidates 0–3 (naive, drift_robust,
// drift_shrunk, drift_linear); every ratio of the rounds is against it.
var shortMix = []int{0, 1, 2, 3}

// forecastsAndScores gives every candidate's forecasts on each split
// (fcs[split][series][candidate]) and the sMAPE and MASE there of the
// equal-weight mix of the candidates mix.
func forecastsAndScores(splits []split, mix []int) (fcs [][][][]float64, scores [][2]float64) {
	fcs = make([][][][]float64, len(splits))
	scores = make([][2]float64, len(splits))
	for i, sp := range splits {
		fcs[i] = allFc(sp)
		scores[i][0], scores[i][1] = comboScore(sp, fcs[i], mix)
	}
	return fcs, scores
}

// relativeToBase is, per split, the mean of the sMAPE and MASE ratios of the
// mix idx to the base scores bs (below 1: the mix is better there).
func relativeToBase(splits []split, fcs [][][][]float64, bs [][2]float64, idx []int) []float64 {
	rel := make([]float64, len(splits))
	for i, sp := range splits {
		s, m := comboScore(sp, fcs[i], idx)
		rel[i] = (s/bs[i][0] + m/bs[i][1]) / 2
	}
	return rel
}

// eachMix calls fn with every set of 1 to size of the n candidates, as
// ascending indices (fn must not keep the slice).
func eachMix(n, size int, fn func(idx []int)) {
	var rec func(start int, cur []int)
	rec = func(start int, cur []int) {
		if len(cur) > 0 {
			fn(cur)
		}
		if len(cur) == size {
			return
		}
		for c := start; c < n; c++ {
			rec(c+1, append(cur, c))
		}
	}
	rec(0, nil)
}

// meanAndWins is the mean of per-split relative scores and on how many splits
// the mix beat the base (a score below 1).
func meanAndWins(rel []float64) (mean float64, wins int) {
	for _, r := range rel {
		mean += r / float64(len(rel))
		if r < 1 {
			wins++
		}
	}
	return mean, wins
}

// namesOf names the candidates idx.
func namesOf(idx []int) []string {
	names := make([]string, len(idx))
	for i, c := range idx {
		names[i] = cands[c]
	}
	return names
}

func indexOf(ss []string, s string) int {
	for i, v := range ss {
		if v == s {
			return i
		}
	}
	panic("no candidate " + s)
}

func TestResearchPoint(t *testing.T) {
	full := loadVals(t, "series.csv")
	splits := trainingSplits(full)
	nFull := 10
	fcs, bs := forecastsAndScores(splits, shortMix)
	for i, sp := range splits {
		t.Logf("%s base %.3f %.3f (n=%d)", sp.name, bs[i][0], bs[i][1], len(sp.hist))
	}
	type res struct {
		idx         []int
		rs, rm, rsS float64
		txt         string
	}
	var rr []res
	var rec func(start int, cur []int)
	rec = func(start int, cur []int) {
		if len(cur) > 0 {
			var rs, rm, rsS float64
			txt := ""
			for i, sp := range splits {
				s, m := comboScore(sp, fcs[i], cur)
				txt += fmt.Sprintf(" %s %.2f/%.3f", sp.name, s, m)
				if i < nFull {
					rs += s / bs[i][0] / float64(nFull)
					rm += m / bs[i][1] / float64(nFull)
				} else {
					rsS += (s/bs[i][0] + m/bs[i][1]) / 2 / float64(len(splits)-nFull)
				}
			}
			rr = append(rr, res{append([]int(nil), cur...), rs, rm, rsS, txt})
		}
		if len(cur) == 4 {
			return
		}
		for c := start; c < len(cands); c++ {
			rec(c+1, append(cur, c))
		}
	}
	rec(0, nil)
	sort.Slice(rr, func(i, j int) bool { return (rr[i].rs+rr[i].rm)/2+rr[i].rsS < (rr[j].rs+rr[j].rm)/2+rr[j].rsS })
	want := map[string]bool{}
	for _, w := range strings.Split(os.Getenv("COMBOS"), ";") {
		want[w] = true
	}
	for k, r := range rr {
		names := namesOf(r.idx)
		if k >= 15 && !want[strings.Join(names, ",")] {
			continue
		}
		t.Logf("#%d %.4f %.4f short %.4f %v%s", k, r.rs, r.rm, r.rsS, names, r.txt)
	}
	for _, r := range rr[:0] {
		names := namesOf(r.idx)
		t.Logf("%.4f %.4f short %.4f %v%s", r.rs, r.rm, r.rsS, names, r.txt)
	}
}

// per-series weights of members from their in-sample rolling-origin errors.
func TestResearchWeights(t *testing.T) {
	full := loadVals(t, "series.csv")
	splits := trainingSplits(full)
	nFull := 10
	members := []string{"naive", "drift_robust", "drift_shrunk", "drift_linear"}
	type cfg struct {
		K      int
		lambda float64
		pow    float64
	}
	cfgs := []cfg{{6, 0, 1}}
	for _, K := range []int{4, 6, 10, 20} {
		for _, l := range []float64{0.25, 0.5, 1} {
			for _, pw := range []float64{1, 2} {
				cfgs = append(cfgs, cfg{K, l, pw})
			}
		}
	}
	// member forecasts and in-sample errors per split, series, origin
	type ser struct {
		f   [][]float64 // member -> forecasts
		err [][]float64 // member -> per-origin mean scaled abs error (latest origin last)
	}
	data := make([][]ser, len(splits))
	for si, sp := range splits {
		data[si] = make([]ser, len(sp.hist))
		for i, h := range sp.hist {
			n := len(h)
			p, _ := prepare(yearsOf(n), h, Limits{})
			sc := 0.0
			for k := 1; k < n; k++ {
				sc += math.Abs(h[k] - h[k-1])
			}
			sc /= float64(n - 1)
			var d ser
			for _, m := range members {
				d.f = append(d.f, candidate(p, m, 6))
				var es []float64
				for o := max(3, n-20); o < n; o++ {
					hh := min(6, n-o)
					ps, _ := prepare(yearsOf(o), h[:o], Limits{})
					f := candidate(ps, m, hh)
					e := 0.0
					for j := range hh {
						e += math.Abs(h[o+j]-f[j]) / sc
					}
					es = append(es, e/float64(hh))
				}
				d.err = append(d.err, es)
			}
			data[si][i] = d
		}
	}
	var base [][2]float64
	for ci, c := range cfgs {
		txt := ""
		var rf, rs float64
		wins := 0
		for si, sp := range splits {
			var S, M float64
			for i := range sp.hist {
				d := data[si][i]
				w := make([]float64, len(members))
				tot := 0.0
				for k := range members {
					es := d.err[k]
					if len(es) > c.K {
						es = es[len(es)-c.K:]
					}
					e := mean(es) + 1e-3
					if math.IsNaN(e) || math.IsInf(e, 0) {
						e = 1
					}
					w[k] = math.Pow(1/e, c.pow)
					tot += w[k]
				}
				if !(tot > 0) || math.IsInf(tot, 0) || math.IsNaN(tot) {
					for k := range w {
						w[k], tot = 1, float64(len(w))
					}
				}
				f := make([]float64, 6)
				for k := range members {
					wk := (1-c.lambda)/float64(len(members)) + c.lambda*w[k]/tot
					for j := range f {
						f[j] += wk * d.f[k][j]
					}
				}
				s, m := pointErr(sp.hist[i], sp.act[i], f)
				S += s
				M += m
			}
			S /= float64(len(sp.hist))
			M /= float64(len(sp.hist))
			if ci == 0 {
				base = append(base, [2]float64{S, M})
			}
			rel := (S/base[si][0] + M/base[si][1]) / 2
			if rel < 1 {
				wins++
			}
			if si < nFull {
				rf += rel / float64(nFull)
			} else {
				rs += rel / float64(len(splits)-nFull)
			}
			txt += fmt.Sprintf(" %.2f/%.3f", S, M)
		}
		t.Logf("K=%d l=%.2f p=%g: full %.4f short %.4f wins %d/%d |%s", c.K, c.lambda, c.pow, rf, rs, wins, len(splits), txt)
	}
}

// TestResearchBaselineIsAuto guards the harness itself: its baseline,
// shortMix, must be exactly what Forecast's auto gives for fewer than 15
// years, and longMix what it gives from 15 on (until November 2026
// candidate() fitted drift_linear on the log scale and every ratio above was
// against another mix). Every M3 series is checked at 6 years and at its
// full training length.
func TestResearchBaselineIsAuto(t *testing.T) {
	longMix := []int{indexOf(cands, "drift_shrunk"), indexOf(cands, "damped"), indexOf(cands, "damped@lin")}
	var histories [][]float64
	for _, v := range loadVals(t, "series.csv") {
		histories = append(histories, v[:len(v)-6], v[len(v)-12:len(v)-6])
	}
	for _, h := range histories {
		p, err := prepare(yearsOf(len(h)), h, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := pointForecast(p, MethodAuto, 6)
		if err != nil {
			t.Fatal(err)
		}
		mix := shortMix
		if len(h) >= longHistory {
			mix = longMix
		}
		for j := range 6 {
			got := 0.0
			for _, c := range mix {
				got += candidate(p, cands[c], 6)[j] / float64(len(mix))
			}
			if w := p.back(want[j]); math.Abs(got-w) > 1e-9*math.Abs(w) {
				t.Fatalf("harness baseline %g, auto %g at h=%d", got, w, j+1)
			}
		}
	}
}
