//go:build research

// Research harness for the intervals (doc.go, "Intervals"); see
// TestResearchIntervals.

package forecast

import (
	"fmt"
	"math"
	"os"
	"sort"
	"testing"
)

type catSeries struct {
	v   []float64
	cat string
}

func loadCat(t *testing.T) []catSeries {
	ss := loadBench(t, "series.csv")
	out := make([]catSeries, len(ss))
	for i, s := range ss {
		out[i] = catSeries{s.Values, s.Category}
	}
	return out
}

// TestResearchIntervals: 80%/95% coverage, MSIS and the spread of coverage
// between categories ("catdev", the series-weighted mean absolute deviation
// of a category's 80% coverage from the overall one), on ten training windows
// (cut = 6…15: the 6 years ending cut years before each series' end), each
// scored with a table learnt from the years before it, and — printed as
// "cut 0", for confirmation only — on the M3 test years.
//
//	ALLCUTS=1 go test -tags research -run TestResearchIntervals -v ./forecast/
//
// FILEWIDE=1 pools s₀ over the whole file instead of per category (the scheme
// before grouping); SHORT=n forecasts from the last n years only (1 means 6); PRIOR=k
// sets the prior weight; VERBOSE=1 adds coverage by history length; CATTABLE=1
// learns a table per category (see below).
func TestResearchIntervals(t *testing.T) {
	all := loadCat(t)
	prior := PriorWeightDefault
	if v := os.Getenv("PRIOR"); v != "" {
		fmt.Sscan(v, &prior)
	}
	cuts := []int{0, 6, 9, 12}
	if os.Getenv("ALLCUTS") != "" {
		cuts = []int{0, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	}
	var sum80, sum95, summs, sumdev float64
	for _, cut := range cuts {
		var train [][]float64
		var cats []string
		for _, s := range all {
			if e := len(s.v) - cut - 6; e >= 3 {
				train = append(train, s.v[:e])
				cats = append(cats, s.cat)
			}
		}
		catPooled := GroupPooledScales(train, cats)
		if os.Getenv("FILEWIDE") != "" {
			for c := range catPooled {
				catPooled[c] = PooledScaleOf(train)
			}
		}
		ps := make([]float64, len(train))
		for i := range ps {
			ps[i] = catPooled[cats[i]]
		}
		cal := LearnCalibration(train, ps, LearnOptions{MaxH: 10, PriorWeight: prior})
		// CATTABLE=1: a table per category of at least 50 series in the
		// window, learnt from that category's series alone; the others use
		// the file's.
		catCal := map[string]*Calibration{}
		if os.Getenv("CATTABLE") != "" {
			byCat := map[string][]int{}
			for i, c := range cats {
				byCat[c] = append(byCat[c], i)
			}
			for c, idx := range byCat {
				if len(idx) < 50 {
					continue
				}
				var tr [][]float64
				var pp []float64
				for _, i := range idx {
					tr = append(tr, train[i])
					pp = append(pp, ps[i])
				}
				catCal[c] = LearnCalibration(tr, pp, LearnOptions{MaxH: 10, PriorWeight: prior})
			}
		}
		type acc struct{ n, c80, c95, msis float64 }
		by := map[string]*acc{}
		add := func(k string, in80, in95 bool) {
			a := by[k]
			if a == nil {
				a = &acc{}
				by[k] = a
			}
			a.n++
			if in80 {
				a.c80++
			}
			if in95 {
				a.c95++
			}
		}
		for _, s := range all {
			e := len(s.v) - cut - 6
			if e < 3 {
				continue
			}
			h := s.v[:e]
			if win := shortWindow(); win > 0 && len(h) > win {
				h = h[len(h)-win:]
			}
			useCal := cal
			if c, ok := catCal[s.cat]; ok {
				useCal = c
			}
			res, err := Forecast(yearsOf(len(h)), h, Options{Horizon: 6, PooledScale: catPooled[s.cat], Calibration: useCal, SkipBacktest: true})
			if err != nil {
				t.Fatal(err)
			}
			ng := fmt.Sprintf("n%02d", min(e/5*5, 40))
			sc := 0.0
			for k := 1; k < len(h); k++ {
				sc += math.Abs(h[k] - h[k-1])
			}
			sc /= float64(len(h) - 1)
			for j, y := range s.v[e : e+6] {
				pt := res.Points[j]
				in80 := pt.Lo80 <= y && y <= pt.Hi80
				in95 := pt.Lo95 <= y && y <= pt.Hi95
				add("all", in80, in95)
				pen := pt.Hi95 - pt.Lo95
				if y < pt.Lo95 {
					pen += 40 * (pt.Lo95 - y)
				}
				if y > pt.Hi95 {
					pen += 40 * (y - pt.Hi95)
				}
				by["all"].msis += pen / sc
				add(ng, in80, in95)
				add(s.cat, in80, in95)
			}
		}
		keys := make([]string, 0, len(by))
		for k := range by {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		a := by["all"]
		dev := 0.0
		for _, k := range []string{"DEMOGRAPHIC", "FINANCE", "INDUSTRY", "MACRO", "MICRO"} {
			if b := by[k]; b != nil {
				dev += b.n / a.n * math.Abs(b.c80/b.n-a.c80/a.n)
			}
		}
		txt := fmt.Sprintf("cut %2d: %.3f/%.3f msis %.2f catdev %.3f |", cut, a.c80/a.n, a.c95/a.n, a.msis/a.n*6/6, dev)
		if cut > 0 {
			sum80 += a.c80 / a.n
			sum95 += a.c95 / a.n
			summs += a.msis / a.n
			sumdev += dev
		}
		for _, k := range keys {
			a := by[k]
			if os.Getenv("VERBOSE") != "" || k[0] != 'n' {
				txt += fmt.Sprintf(" %.4s %.2f/%.2f", k, a.c80/a.n, a.c95/a.n)
			}
		}
		t.Log(txt)
	}
	k := float64(len(cuts) - 1)
	t.Logf("training mean: %.3f/%.3f msis %.2f catdev %.3f", sum80/k, sum95/k, summs/k, sumdev/k)
}

func shortWindow() int {
	n := 0
	fmt.Sscan(os.Getenv("SHORT"), &n)
	if n == 1 {
		n = 6
	}
	return n
}
