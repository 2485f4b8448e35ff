//go:build research

// Research harness (training years only, see research_test.go): choose the
// combination per category from the category's errors on the 6 years before
// each split, and score the choice on the split.
//
//	go test -tags research -run TestResearchGroupChoice -v ./forecast/

package forecast

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestResearchGroupChoice(t *testing.T) {
	all := loadCat(t)
	idx := func(names ...string) []int {
		var out []int
		for _, n := range names {
			for i, c := range cands {
				if c == n {
					out = append(out, i)
				}
			}
		}
		return out
	}
	mixes := [][]int{
		idx("naive", "drift_robust", "drift_shrunk", "drift_linear"),
		idx("naive", "drift_robust", "drift_shrunk", "drift_linear", "theta"),
		idx("naive", "drift_shrunk"),
		idx("drift_shrunk", "drift_linear"),
		idx("theta"),
		idx("naive"),
		idx("drift_shrunk", "theta", "damped@lin"),
	}
	type catSplit struct {
		sp   split
		cats []string
	}
	mk := func(cut, win int) catSplit {
		var cs catSplit
		for _, s := range all {
			e := len(s.v) - cut - 6
			if e < 3 {
				continue
			}
			lo := 0
			if win > 0 {
				lo = max(0, e-win)
			}
			cs.sp.hist = append(cs.sp.hist, s.v[lo:e])
			cs.sp.act = append(cs.sp.act, s.v[e:e+6])
			cs.cats = append(cs.cats, s.cat)
		}
		return cs
	}
	score := func(cs catSplit, fc [][][]float64, choice func(cat string) []int) (float64, float64) {
		var S, M float64
		f := make([]float64, 6)
		for i := range cs.sp.hist {
			m := choice(cs.cats[i])
			for j := range f {
				f[j] = 0
				for _, c := range m {
					f[j] += fc[i][c][j] / float64(len(m))
				}
			}
			s, ms := pointErr(cs.sp.hist[i], cs.sp.act[i], f)
			S += s
			M += ms
		}
		n := float64(len(cs.sp.hist))
		return S / n, M / n
	}
	cuts := []int{6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	if os.Getenv("CONFIRM") != "" {
		cuts = []int{0}
	}
	var sumRel float64
	for _, cut := range cuts {
		for _, win := range []int{0, 6} {
			outer, inner := mk(cut, win), mk(cut+6, win)
			fo, fi := allFc(outer.sp), allFc(inner.sp)
			// per category, the mix with the lowest mean of sMAPE and MASE
			// relative to auto on the inner split
			best := map[string]int{}
			for _, cat := range []string{"DEMOGRAPHIC", "FINANCE", "INDUSTRY", "MACRO", "MICRO", "OTHER"} {
				var sub catSplit
				for i, c := range inner.cats {
					if c == cat {
						sub.sp.hist = append(sub.sp.hist, inner.sp.hist[i])
						sub.sp.act = append(sub.sp.act, inner.sp.act[i])
						sub.cats = append(sub.cats, c)
					}
				}
				var fsub [][][]float64
				for i, c := range inner.cats {
					if c == cat {
						fsub = append(fsub, fi[i])
					}
				}
				if len(sub.sp.hist) < 10 {
					continue
				}
				bs, bm := score(sub, fsub, func(string) []int { return mixes[0] })
				bestRel := 1.0
				for k, m := range mixes {
					s, ms := score(sub, fsub, func(string) []int { return m })
					if r := (s/bs + ms/bm) / 2; r < bestRel-0.01 {
						bestRel, best[cat] = r, k
					}
				}
			}
			as, am := score(outer, fo, func(string) []int { return mixes[0] })
			gs, gm := score(outer, fo, func(c string) []int { return mixes[best[c]] })
			rel := (gs/as + gm/am) / 2
			sumRel += rel
			var ch []string
			for c, k := range best {
				ch = append(ch, fmt.Sprintf("%s:%d", c[:3], k))
			}
			t.Logf("cut %2d win %d: auto %.2f/%.3f grouped %.2f/%.3f rel %.4f  %s", cut, win, as, am, gs, gm, rel, strings.Join(ch, " "))
		}
	}
	t.Logf("mean rel %.4f", sumRel/float64(2*len(cuts)))
}
