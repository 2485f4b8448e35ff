//go:build research

package forecast

import (
	"os"
	"sort"
	"testing"
)

// TestResearchMedian: robust combinations (the median of an odd subset of
// the candidate pool) against auto on the 14 training-only splits of
// TestResearchPoint. Pre-registered rule: adopt only a combination that is
// at least 2% better than auto on the mean relative score and better on at
// least 11 of the 14 splits; only then is it confirmed, once, on the test
// years.
//
//	go test -tags research -run TestResearchMedian -v ./forecast/
//
// It also prints fixed, unselected medians (of all 14 variants, of all but
// naive, ...); CONFIRM=1 adds the one look at the test years.
func TestResearchMedian(t *testing.T) {
	full, splits, fcs, base := trainingBaseline(t)
	medScore := func(sp split, fc [][][]float64, idx []int) (float64, float64) {
		buf := make([]float64, len(idx))
		return splitScore(sp, fc, func(fi [][]float64, f []float64) {
			for j := range f {
				for k, c := range idx {
					buf[k] = fi[c][j]
				}
				sort.Float64s(buf)
				f[j] = buf[len(buf)/2]
				if len(buf)%2 == 0 {
					f[j] = (buf[len(buf)/2-1] + buf[len(buf)/2]) / 2
				}
			}
		})
	}
	// relative: the mean over the splits of (sMAPE ratio + MASE ratio)/2
	// against auto, and on how many splits the median beat auto.
	relative := func(idx []int) (score float64, wins int) {
		for i, sp := range splits {
			s, m := medScore(sp, fcs[i], idx)
			r := (s/base[i][0] + m/base[i][1]) / 2
			score += r / float64(len(splits))
			if r < 1 {
				wins++
			}
		}
		return score, wins
	}
	type res struct {
		idx   []int
		score float64
		wins  int
	}
	var rr []res
	var rec func(start int, cur []int)
	rec = func(start int, cur []int) {
		if len(cur)%2 == 1 && len(cur) >= 3 {
			sc, wins := relative(cur)
			rr = append(rr, res{append([]int(nil), cur...), sc, wins})
		}
		if len(cur) == 7 {
			return
		}
		for c := start; c < len(cands); c++ {
			rec(c+1, append(cur, c))
		}
	}
	rec(0, nil)
	sort.Slice(rr, func(i, j int) bool { return rr[i].score < rr[j].score })
	for k, r := range rr[:20] {
		t.Logf("#%d %.4f wins %d/14 %v", k, r.score, r.wins, namesOf(r.idx))
	}
	t.Logf("%d combinations", len(rr))
	all := make([]int, len(cands))
	for i := range all {
		all[i] = i
	}
	for _, idx := range [][]int{all, all[1:], {0, 1, 2, 3, 4}, {0, 1, 2, 3, 6}, {0, 1, 2, 3, 4, 6, 9}} {
		sc, wins := relative(idx)
		t.Logf("fixed %v: %.4f wins %d/14", idx, sc, wins)
	}
	if os.Getenv("CONFIRM") != "" {
		for _, win := range []int{0, 6} {
			sp := mkSplit("test", full, 0, win)
			fc := allFc(sp)
			bs, bm := comboScore(sp, fc, []int{0, 1, 2, 3})
			for _, idx := range [][]int{all, all[1:]} {
				s, m := medScore(sp, fc, idx)
				t.Logf("TEST win %d: auto %.3f/%.3f  median of %d: %.3f/%.3f", win, bs, bm, len(idx), s, m)
			}
		}
	}
}
