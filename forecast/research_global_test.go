//go:build research

// Research harness (training years only, see research_test.go): a global
// linear model of the next years' scaled log changes on the last gL scaled
// changes, pooled across series and learnt from each split's own history.
//
//	go test -tags research -run TestResearchGlobal -v ./forecast/     (LAD=1: least absolute deviations)

package forecast

import (
	"fmt"
	"math"
	"os"
	"testing"

	"gonum.org/v1/gonum/mat"
)

const gL = 5 // lags

// features of the history ending at o (exclusive): last gL scaled log diffs.
func gFeat(lv []float64, o int) ([]float64, float64, bool) {
	if o-gL-1 < 0 {
		return nil, 0, false
	}
	lo := max(1, o-10)
	s := 0.0
	for i := lo; i < o; i++ {
		s += math.Abs(lv[i] - lv[i-1])
	}
	s /= float64(o - lo)
	s = math.Max(s, 1e-3)
	f := make([]float64, gL+1)
	f[0] = 1
	for k := 1; k <= gL; k++ {
		d := (lv[o-k] - lv[o-k-1]) / s
		f[k] = math.Max(-5, math.Min(5, d))
	}
	return f, s, true
}

type globalAR struct{ beta [][]float64 } // per horizon

func learnGlobal(hists [][]float64, H int, lad bool) globalAR {
	var g globalAR
	for h := 1; h <= H; h++ {
		var X [][]float64
		var y []float64
		for _, v := range hists {
			if !allPositive(v) {
				continue
			}
			lv := make([]float64, len(v))
			for i := range v {
				lv[i] = math.Log(v[i])
			}
			cnt := 0
			for o := len(v) - h; o >= gL+1 && cnt < 30; o-- {
				f, s, ok := gFeat(lv, o)
				if !ok {
					break
				}
				tgt := (lv[o+h-1] - lv[o-1]) / s
				X = append(X, f)
				y = append(y, math.Max(-10*float64(h), math.Min(10*float64(h), tgt)))
				cnt++
			}
		}
		w := make([]float64, len(y))
		for i := range w {
			w[i] = 1
		}
		var beta []float64
		for it := 0; it < 20; it++ {
			beta = wls(X, y, w)
			if !lad {
				break
			}
			for i := range y {
				r := y[i]
				for k, b := range beta {
					r -= b * X[i][k]
				}
				w[i] = 1 / math.Max(math.Abs(r), 0.05)
			}
		}
		g.beta = append(g.beta, beta)
	}
	return g
}

func wls(X [][]float64, y, w []float64) []float64 {
	p := len(X[0])
	A := mat.NewDense(p, p, nil)
	b := mat.NewVecDense(p, nil)
	for i, x := range X {
		for r := 0; r < p; r++ {
			b.SetVec(r, b.AtVec(r)+w[i]*x[r]*y[i])
			for c := 0; c < p; c++ {
				A.Set(r, c, A.At(r, c)+w[i]*x[r]*x[c])
			}
		}
	}
	for r := 0; r < p; r++ {
		A.Set(r, r, A.At(r, r)+1e-3*float64(len(X)))
	}
	var beta mat.VecDense
	if err := beta.SolveVec(A, b); err != nil {
		panic(err)
	}
	return beta.RawVector().Data
}

func (g globalAR) forecast(v []float64, H int) ([]float64, bool) {
	if !allPositive(v) {
		return nil, false
	}
	lv := make([]float64, len(v))
	for i := range v {
		lv[i] = math.Log(v[i])
	}
	f, s, ok := gFeat(lv, len(v))
	if !ok {
		return nil, false
	}
	out := make([]float64, H)
	for h := 1; h <= H; h++ {
		z := 0.0
		for k, b := range g.beta[h-1] {
			z += b * f[k]
		}
		out[h-1] = math.Exp(lv[len(lv)-1] + s*z)
	}
	return out, true
}

func TestResearchGlobal(t *testing.T) {
	full := loadVals(t, "series.csv")
	lad := os.Getenv("LAD") != ""
	splits := trainingSplits(full)
	if os.Getenv("CONFIRM") != "" {
		splits = append(splits, mkSplit("test", full, 0, 0), mkSplit("testshort", full, 0, 6))
	}
	var sumG, sumC float64
	nsp := 0
	for _, sp := range splits {
		// learn from the full histories before this split's window
		var hists [][]float64
		cut := 0
		fmt.Sscanf(sp.name[1:], "%d", &cut)
		for _, v := range full {
			e := len(v) - cut - 6
			if sp.name[0] == 't' {
				e = len(v) - 6
			}
			if e >= 3 {
				hists = append(hists, v[:e])
			}
		}
		g := learnGlobal(hists, 6, lad)
		fc := allFc(sp)
		var bS, bM, gS, gM, cS, cM float64
		for i := range sp.hist {
			a := make([]float64, 6)
			for j := range a {
				for c := 0; c < 4; c++ {
					a[j] += fc[i][c][j] / 4
				}
			}
			gf, ok := g.forecast(sp.hist[i], 6)
			if !ok {
				gf = a
			}
			cf := make([]float64, 6)
			for j := range cf {
				cf[j] = (4*a[j] + 2*gf[j]) / 6
			}
			s, m := pointErr(sp.hist[i], sp.act[i], a)
			bS += s
			bM += m
			s, m = pointErr(sp.hist[i], sp.act[i], gf)
			gS += s
			gM += m
			s, m = pointErr(sp.hist[i], sp.act[i], cf)
			cS += s
			cM += m
		}
		n := float64(len(sp.hist))
		rg := (gS/bS + gM/bM) / 2
		rc := (cS/bS + cM/bM) / 2
		if sp.name[0] != 't' {
			sumG += rg
			sumC += rc
			nsp++
		}
		t.Logf("%-9s auto %.2f/%.3f global %.2f/%.3f (%.3f) comb %.2f/%.3f (%.3f)", sp.name, bS/n, bM/n, gS/n, gM/n, rg, cS/n, cM/n, rc)
	}
	t.Logf("mean relative: global %.4f comb %.4f", sumG/float64(nsp), sumC/float64(nsp))
}
