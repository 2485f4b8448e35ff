//go:build research

package forecast

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/plancast/plancast"
)

// TestResearchShare compares, on held-out years of yearly percentages of a
// whole, the two ways of projecting one: "today", the log working scale with
// the mean and bounds clipped at 100 (Limits without the logit scale, then
// within), and "logit", the logit working scale Forecast uses for a
// PercentOfWhole series strictly inside (0, 100) (before it did, the two
// columns are the same). The rule was written down before the run: adopt
// the logit scale only if on each file sMAPE and MASE are no more than 1%
// worse and the 80% and 95% coverages no further from nominal (the table
// and the outcome: doc.go, Percentages of a whole).
//
//	Rscript testdata/shares/export.R DIR    (shares.csv, complements.csv)
//	plancast gen …, its share and unemployment series as DIR/synthetic.csv
//	SHAREDATA=DIR go test -tags research -run TestResearchShare -v ./forecast/
//
// Each series holds out its last 6 years when it has 12 or more, else its
// last 3; method auto, the built-in table, DefaultPooledScale.
func TestResearchShare(t *testing.T) {
	dir := os.Getenv("SHAREDATA")
	if dir == "" {
		t.Skip("SHAREDATA not set")
	}
	share := Limits{NonNegative: true, Upper: 100}
	for _, file := range []string{"shares.csv", "complements.csv", "synthetic.csv"} {
		series := readShareFile(t, filepath.Join(dir, file))
		today := shareScores{name: "today (log, clipped)"}
		logit := shareScores{name: "logit"}
		cats := map[string][2]*shareScores{}
		for _, s := range series {
			n := len(s.years)
			h := 3
			if n >= 12 {
				h = 6
			}
			if n-h < 2 {
				continue
			}
			fy, fv := s.years[:n-h], s.values[:n-h]
			rt, err := Forecast(fy, fv, Options{Horizon: h, Limits: Limits{NonNegative: true}, SkipBacktest: true})
			if err != nil {
				t.Fatal(s.id, err)
			}
			rl, err := Forecast(fy, fv, Options{Horizon: h, Limits: share, SkipBacktest: true})
			if err != nil {
				t.Fatal(s.id, err)
			}
			scale := 0.0
			for i := 1; i < len(fv); i++ {
				scale += math.Abs(fv[i] - fv[i-1])
			}
			scale /= float64(len(fv) - 1)
			c, ok := cats[s.cat]
			if !ok {
				c = [2]*shareScores{{}, {}}
				cats[s.cat] = c
			}
			for j := range h {
				y := s.values[n-h+j]
				pt := within(rt.Points[j], share)
				today.add(pt, y, scale)
				c[0].add(pt, y, scale)
				logit.add(rl.Points[j], y, scale)
				c[1].add(rl.Points[j], y, scale)
			}
		}
		t.Logf("%s: %d series", file, len(series))
		t.Logf("  %-22s %8s %7s %6s %6s %8s %s", "", "sMAPE", "MASE", "cov80", "cov95", "MSIS", "at 0 or 100")
		for _, sc := range []*shareScores{&today, &logit} {
			t.Logf("  %-22s %s", sc.name, sc)
		}
		sm, ms := logit.smape()/today.smape(), logit.mase()/today.mase()
		d80 := math.Abs(logit.cov(0)-0.8) <= math.Abs(today.cov(0)-0.8)
		d95 := math.Abs(logit.cov(1)-0.95) <= math.Abs(today.cov(1)-0.95)
		t.Logf("  logit/today: sMAPE %.4f, MASE %.4f; 80%% no further from nominal: %v, 95%%: %v; rule met: %v",
			sm, ms, d80, d95, sm <= 1.01 && ms <= 1.01 && d80 && d95)
		names := make([]string, 0, len(cats))
		for k := range cats {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			t.Logf("    %-24s today %s", k, cats[k][0])
			t.Logf("    %-24s logit %s", "", cats[k][1])
		}
	}
}

type shareSeries struct {
	id, cat string
	years   []int
	values  []float64
}

func readShareFile(t *testing.T, path string) []shareSeries {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []shareSeries
	for _, r := range rows[1:] {
		v, err1 := strconv.ParseFloat(r[2], 64)
		y, err2 := strconv.Atoi(r[3])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v", path, r)
		}
		if len(out) == 0 || out[len(out)-1].id != r[0] {
			out = append(out, shareSeries{id: r[0], cat: r[1]})
		}
		s := &out[len(out)-1]
		s.years, s.values = append(s.years, y), append(s.values, v)
	}
	return out
}

// shareScores are the pooled scores of one way of projecting.
type shareScores struct {
	name             string
	n, nm            int
	sm, ms, is       float64
	in80, in95, edge int
}

func (s *shareScores) add(pt plancast.ProjectionPoint, y, scale float64) {
	s.n++
	s.sm += 200 * math.Abs(y-pt.Mean) / (math.Abs(y) + math.Abs(pt.Mean))
	if scale > 0 {
		s.ms += math.Abs(y-pt.Mean) / scale
		// MSIS (95%): width plus 2/α times the miss, over the scale.
		w := pt.Hi95 - pt.Lo95
		if y < pt.Lo95 {
			w += 2 / 0.05 * (pt.Lo95 - y)
		}
		if y > pt.Hi95 {
			w += 2 / 0.05 * (y - pt.Hi95)
		}
		s.is += w / scale
		s.nm++
	}
	if pt.Lo80 <= y && y <= pt.Hi80 {
		s.in80++
	}
	if pt.Lo95 <= y && y <= pt.Hi95 {
		s.in95++
	}
	for _, v := range []float64{pt.Mean, pt.Lo80, pt.Hi80, pt.Lo95, pt.Hi95} {
		if v == 100 || v == 0 {
			s.edge++
			break
		}
	}
}

func (s *shareScores) smape() float64 { return s.sm / float64(s.n) }
func (s *shareScores) mase() float64  { return s.ms / float64(s.nm) }
func (s *shareScores) cov(k int) float64 {
	if k == 0 {
		return float64(s.in80) / float64(s.n)
	}
	return float64(s.in95) / float64(s.n)
}

func (s *shareScores) String() string {
	return fmt.Sprintf("%8.3f %7.3f %6.3f %6.3f %8.2f %d of %d (%.1f%%) [in80 %d, in95 %d]", s.smape(), s.mase(), s.cov(0), s.cov(1), s.is/float64(s.nm),
		s.edge, s.n, 100*float64(s.edge)/float64(s.n), s.in80, s.in95)
}
