//go:build research

// Research harness (training years only, see research_test.go): one global
// weight vector over the candidate models learnt on some splits and scored on
// others.
//
//	go test -tags research -run TestResearchStack -v ./forecast/

package forecast

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"gonum.org/v1/gonum/optimize"
)

// TestResearchStack learns one global weight vector over the candidate
// models (softmax, so weights are positive and sum to 1) on some training
// splits and scores it on others, relative to auto's equal weights.
func TestResearchStack(t *testing.T) {
	full, splits, fcs, base := trainingBaseline(t)
	test := mkSplit("test", full, 0, 0)
	testS := mkSplit("testshort", full, 0, 6)
	weightsOf := func(x []float64) []float64 {
		w := make([]float64, len(x))
		mx := x[0]
		for _, v := range x {
			mx = math.Max(mx, v)
		}
		tot := 0.0
		for i, v := range x {
			w[i] = math.Exp(v - mx)
			tot += w[i]
		}
		for i := range w {
			w[i] /= tot
		}
		return w
	}
	score := func(sp split, fc [][][]float64, w []float64) (float64, float64) {
		return splitScore(sp, fc, func(fi [][]float64, f []float64) {
			for j := range f {
				f[j] = 0
				for c, wc := range w {
					f[j] += wc * fi[c][j]
				}
			}
		})
	}
	rel := func(idx []int, w []float64) float64 {
		r := 0.0
		for _, i := range idx {
			s, m := score(splits[i], fcs[i], w)
			r += (s/base[i][0] + m/base[i][1]) / 2
		}
		return r / float64(len(idx))
	}
	fit := func(idx []int, pool []int) []float64 {
		// only the pool's candidates may carry weight
		obj := func(x []float64) float64 {
			full := make([]float64, len(cands))
			for i := range full {
				full[i] = -50
			}
			for k, c := range pool {
				full[c] = x[k]
			}
			return rel(idx, weightsOf(full))
		}
		x0 := make([]float64, len(pool))
		res, err := optimize.Minimize(optimize.Problem{Func: obj}, x0, &optimize.Settings{FuncEvaluations: 3000}, &optimize.NelderMead{})
		if err != nil {
			t.Log(err)
		}
		full := make([]float64, len(cands))
		for i := range full {
			full[i] = -50
		}
		for k, c := range pool {
			full[c] = res.X[k]
		}
		return weightsOf(full)
	}
	pool := []int{}
	for i := range cands {
		pool = append(pool, i)
	}
	if v := os.Getenv("POOL"); v != "" {
		pool = nil
		for _, n := range strings.Split(v, ",") {
			for i, c := range cands {
				if c == n {
					pool = append(pool, i)
				}
			}
		}
	}
	show := func(w []float64) string {
		s := ""
		for i, v := range w {
			if v > 0.01 {
				s += fmt.Sprintf(" %s=%.2f", cands[i], v)
			}
		}
		return s
	}
	// learn on far splits, score on near ones, and the reverse
	near := []int{0, 1, 2, 10}          // cuts 6,7,8 full and short cut 6
	far := []int{5, 6, 7, 8, 9, 12, 13} // cuts 11..15 full, short 12, 15
	wFar := fit(far, pool)
	t.Logf("learnt on far: far %.4f near %.4f |%s", rel(far, wFar), rel(near, wFar), show(wFar))
	wNear := fit(near, pool)
	t.Logf("learnt on near: near %.4f far %.4f |%s", rel(near, wNear), rel(far, wNear), show(wNear))
	allIdx := make([]int, len(splits))
	for i := range allIdx {
		allIdx[i] = i
	}
	wAll := fit(allIdx, pool)
	t.Logf("learnt on all: %.4f |%s", rel(allIdx, wAll), show(wAll))
	if os.Getenv("CONFIRM") != "" {
		for _, sp := range []split{test, testS} {
			fc := allFc(sp)
			bs, bm := comboScore(sp, fc, []int{0, 1, 2, 3})
			s, m := score(sp, fc, wAll)
			t.Logf("%s: auto %.3f/%.3f  stacked %.3f/%.3f", sp.name, bs, bm, s, m)
		}
	}
}
