package forecast

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/plancast/plancast"
)

// gapAroundBase is a city's GDP from 2008 to 2024 with no figures of 2019
// and 2020 (the 14th Five-Year Plan's base year): log changes of 8–10% a
// year slowing to 5–6%, 7% a year from 2018 to 2021. The same series with
// base (2019 or 2020; 0: neither) stored at its interpolated level is
// projected exactly as this one (the grid, the real differences behind the
// series' own scale and the calibration's row are the same: 2013's change
// is 7% too), so that the two differ only in whether the base is known.
func gapAroundBase(base int) ([]int, []float64) {
	changes := map[int]float64{2009: 0.08, 2010: 0.10, 2011: 0.09, 2012: 0.075, 2013: 0.07, 2014: 0.065,
		2015: 0.06, 2016: 0.055, 2017: 0.062, 2018: 0.058, 2019: 0.07, 2020: 0.07, 2021: 0.07,
		2022: 0.05, 2023: 0.066, 2024: 0.054}
	var years []int
	var values []float64
	x := math.Log(300)
	for y := 2008; y <= 2024; y++ {
		x += changes[y]
		if (y == 2019 || y == 2020) && y != base {
			continue
		}
		years = append(years, y)
		values = append(values, math.Exp(x))
	}
	if i := slices.Index(years, base); i > 0 {
		// Its interpolated level, as the series without it has it.
		values[i] = values[i-1] * math.Pow(values[i+1]/values[i-1], float64(base-2018)/3)
	}
	return years, values
}

// A growth target whose base year has no figure and whose target year is
// still projected is judged on the base's interpolated level with the
// interpolation's uncertainty: the growth's interval contains the one the
// same projection gives over a base stored at that level, and is wider;
// its probability of being met is nearer one half, except that a target at
// the projected growth is an even chance either way. A growth over the
// base year (not a year's average), a target two years ahead and one judged
// on its year to date are alike.
func TestAGrowthFromAnInterpolatedBaseCarriesItsSpread(t *testing.T) {
	gapYears, gapValues := gapAroundBase(0)
	for _, base := range []int{2019, 2020} {
		years, values := gapAroundBase(base)
		g, err1 := Forecast(gapYears, gapValues, Options{Horizon: 2})
		f, err2 := Forecast(years, values, Options{Horizon: 2})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		for j := range 2 {
			if a, b := g.Points[j], f.Points[j]; !near(a.Mean, b.Mean, 1e-9) || !near(a.Lo95, b.Lo95, 1e-9) || !near(a.Hi95, b.Hi95, 1e-9) || !near(g.Scale, f.Scale, 1e-12) {
				t.Fatalf("the series with %d stored is projected differently %d years ahead: %+v against %+v", base, j+1, a, b)
			}
		}
	}
	ytd := []plancast.Series{ytdSeries("h1", map[int]float64{2024: 0.48 * gapValues[len(gapValues)-1], 2025: 0.51 * gapValues[len(gapValues)-1]})}
	for _, c := range []struct {
		kind       string
		base, year int
		ytd        []plancast.Series
	}{
		{plancast.TargetAvgGrowth, 2020, 2025, nil},
		{plancast.TargetAvgGrowth, 2020, 2025, ytd},
		{plancast.TargetAvgGrowth, 2019, 2026, nil},
		{plancast.TargetGrowth, 2020, 2025, nil},
	} {
		name := fmt.Sprintf("%s %d–%d", c.kind, c.base, c.year)
		if c.ytd != nil {
			name += " on its first half"
		}
		opt := Options{YearToDate: c.ytd}
		fullYears, fullValues := gapAroundBase(c.base)
		judge := func(years []int, values []float64, value float64) plancast.Assessment {
			t.Helper()
			a, err := Assess(plancast.Target{Indicator: "gdp", Plan: "14th-fyp", Kind: c.kind, BaseYear: c.base, Year: c.year, Value: value}, gdp, years, values, opt)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return a
		}
		gap, full := judge(gapYears, gapValues, 7), judge(fullYears, fullValues, 7)
		if gap.Interpolated == nil || full.Interpolated != nil {
			t.Fatalf("%s: interpolated %v without the base, %v with it", name, gap.Interpolated, full.Interpolated)
		}
		if (c.ytd != nil) != (gap.YearToDate != nil) {
			t.Fatalf("%s: year to date %v", name, gap.YearToDate)
		}
		pg, pf := gap.Projected, full.Projected
		if !near(pg.Mean, pf.Mean, 1e-9) {
			t.Errorf("%s: projected %.6f%% over the interpolated base, %.6f%% over the stored one; want the same", name, pg.Mean, pf.Mean)
		}
		if !(pg.Lo95 < pf.Lo95 && pg.Lo80 < pf.Lo80 && pg.Hi80 > pf.Hi80 && pg.Hi95 > pf.Hi95) {
			t.Errorf("%s: the interval over the interpolated base %+v does not contain, wider, the one over the stored base %+v", name, *pg, *pf)
		}
		// Wider by the base's own spread, independent of the
		// projection's: more than either interval alone, less than the
		// two widths added.
		k := 1.0
		if c.kind == plancast.TargetAvgGrowth {
			k = float64(c.year - c.base)
		}
		logWidth := func(lo, hi float64) float64 { return k * math.Log((1+hi/100)/(1+lo/100)) }
		r, _ := Forecast(gapYears, gapValues, Options{Horizon: 1})
		bridge := newOneYearSpread(r, 2.0/3) // 2019 and 2020 alike: (y − 2018)(2021 − y)/3
		for _, w := range []struct {
			name     string
			lo, hi   float64
			gap, obs float64
		}{
			{"80%", 0.1, 0.9, logWidth(pg.Lo80, pg.Hi80), logWidth(pf.Lo80, pf.Hi80)},
			{"95%", 0.025, 0.975, logWidth(pg.Lo95, pg.Hi95), logWidth(pf.Lo95, pf.Hi95)},
		} {
			b := bridge.quantile(w.hi) - bridge.quantile(w.lo)
			t.Logf("%s: %s %.4f, stored %.4f, bridge %.4f, quadrature %.4f, sum %.4f", name, w.name, w.gap, w.obs, b, math.Hypot(w.obs, b), w.obs+b)
			if !(w.gap > math.Max(w.obs, b) && w.gap < w.obs+b) {
				t.Errorf("%s: the %s interval spans %.4f in log change over the interpolated base; want more than the stored base's %.4f and the base's own %.4f, less than their sum",
					name, w.name, w.gap, w.obs, b)
			}
		}
		// Toward one half: every target but the projection is less
		// certain met or missed.
		for _, d := range []float64{-4, -2, -1, -0.5, 0, 0.5, 1, 2, 4} {
			v := pf.Mean + d
			pg, pf := judge(gapYears, gapValues, v).Probability, judge(fullYears, fullValues, v).Probability
			switch {
			case d == 0 && (math.Abs(pg-0.5) > 1e-6 || math.Abs(pf-0.5) > 1e-6):
				t.Errorf("%s: a target at the projected growth %.3f%% has probability %.6f over the interpolated base, %.6f over the stored one; want 0.5", name, v, pg, pf)
			case d != 0 && !((pf < pg && pg < 0.5) || (pf > pg && pg > 0.5)):
				t.Errorf("%s: a target of %.3f%% has probability %.4f over the interpolated base, %.4f over the stored one; want it nearer 0.5", name, v, pg, pf)
			}
		}
	}
}

// baseLayout is which years of a simulated path are stored: every year from
// 2008 to 2018 and then only every third (the base year and the one before
// it missing), or every third year throughout; up to the latest.
type baseLayout struct {
	name   string
	every3 bool
	latest int
}

func (l baseLayout) stored(y, base int, withBase bool) bool {
	switch {
	case y > l.latest:
		return false
	case y == base:
		return withBase
	case l.every3:
		return (y-2006)%3 == 0
	}
	return y <= 2018 || (y-2018)%3 == 0
}

// calibrationBins sorts targets by the probability given them.
var calibrationBins = []float64{0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0000001}

// calibrationScore is how targets given a probability fared, and how often
// the growth's intervals held the outcome.
type calibrationScore struct {
	n, met     [6]int
	given      [6]float64
	brier      float64
	targets    int
	in80, in95 int
	paths      int
	width80    float64 // the 80% interval's width in log growth a year, summed
}

func (s *calibrationScore) target(p float64, met bool) {
	k := 0
	for k < len(s.n)-1 && p >= calibrationBins[k+1] {
		k++
	}
	s.n[k]++
	s.given[k] += p
	o := 0.0
	if met {
		s.met[k]++
		o = 1
	}
	s.brier += (p - o) * (p - o)
	s.targets++
}

func (s *calibrationScore) interval(pt plancast.ProjectionPoint, outcome float64) {
	s.paths++
	if outcome >= pt.Lo80 && outcome <= pt.Hi80 {
		s.in80++
	}
	if outcome >= pt.Lo95 && outcome <= pt.Hi95 {
		s.in95++
	}
	s.width80 += math.Log((1 + pt.Hi80/100) / (1 + pt.Lo80/100))
}

// ece is the gap between the probability given and the share met in each
// bin, averaged over the targets.
func (s *calibrationScore) ece() float64 {
	e := 0.0
	for k := range s.n {
		e += math.Abs(s.given[k]-float64(s.met[k])) / float64(s.targets)
	}
	return e
}

func (s *calibrationScore) cover() (float64, float64) {
	return float64(s.in80) / float64(s.paths), float64(s.in95) / float64(s.paths)
}

func (s *calibrationScore) String() string {
	c80, c95 := s.cover()
	out := fmt.Sprintf("cover %.3f / %.3f, 80%% width %.4f, Brier %.4f, calibration error %.4f; given → met:", c80, c95, s.width80/float64(s.paths), s.brier/float64(s.targets), s.ece())
	for k := range s.n {
		if s.n[k] > 0 {
			out += fmt.Sprintf(" %.0f–%.0f%% %d, %.1f%% → %.1f%%;", 100*calibrationBins[k], math.Min(100, 100*calibrationBins[k+1]), s.n[k], 100*s.given[k]/float64(s.n[k]), 100*float64(s.met[k])/float64(s.n[k]))
		}
	}
	return out
}

// Simulated cities whose log GDP is a random walk with drift (drift 0–10%
// a year, shocks of sd 1–6%), their figures stored every year to 2018 and
// then every third year (2021 and 2024, or 2021 alone), or every third year
// throughout, so that the 14th Five-Year Plan's base year, 2020, has none;
// targets of average growth from 2020 to 2025 at each city's pace (its
// average growth over its stored figures) and −2, −1, −0.5, +0.5, +1 and +2
// points a year from it.
//
// The growth's intervals over the interpolated base cover the outcome no
// less often than the same cities' do with 2020 stored (less 6 points at
// 80%, 2 at 95%, sampling error); taken as exact, the base left them 4–9
// points short at 80%. They cover more than nominal, as the stored base's
// do: the engine's table, learnt on M3, is wider than random walks need,
// and the bridge's spread, one year's forecast error, is 1.7–2.1 times a
// walk's own (on M3's real series it is right: research_interpbase_test.go).
// How the probabilities fare is logged, not asserted: more timid here
// (targets given 81% were met 92% of the time, and 88% before), where on
// M3's real series the base's spread halved their calibration error.
// The numbers with 2,000 paths are in doc.go.
//
//	INTERP_TRIALS=2000 go test -run TestAGrowthFromAnInterpolatedBaseCoversRandomWalks -v ./forecast/
func TestAGrowthFromAnInterpolatedBaseCoversRandomWalks(t *testing.T) {
	const (
		base = 2020
		year = 2025
	)
	trials := 300
	if n, err := strconv.Atoi(os.Getenv("INTERP_TRIALS")); err == nil {
		trials = n
	}
	offsets := []float64{-2, -1, -0.5, 0, 0.5, 1, 2}
	for _, l := range []baseLayout{
		{"every year to 2018, then 2021 and 2024", false, 2024},
		{"every third year, 2006–2024", true, 2024},
		{"every year to 2018, then 2021", false, 2021},
	} {
		rng := rand.New(rand.NewPCG(2020, 2025))
		var exact, spread, stored, truth calibrationScore
		var wider, recentred float64
		for range trials {
			drift, sd := 0.1*rng.Float64(), 0.01+0.05*rng.Float64()
			x := map[int]float64{}
			lv := math.Log(100)
			for y := 2006; y <= year; y++ {
				lv += drift + sd*rng.NormFloat64()
				x[y] = lv
			}
			series := func(withBase bool) ([]int, []float64) {
				var ys []int
				var vs []float64
				for y := 2006; y <= l.latest; y++ {
					if l.stored(y, base, withBase) {
						ys = append(ys, y)
						vs = append(vs, math.Exp(x[y]))
					}
				}
				return ys, vs
			}
			outcome := 100 * (math.Exp((x[year]-x[base])/(year-base)) - 1)
			gy, gv := series(false)
			fy, fv := series(true)
			pace, _ := HistoricalGrowth(gy, gv)

			// Before: the projection of 2025 over the interpolated base,
			// taken as exact.
			r, err := Forecast(gy, gv, Options{Horizon: year - l.latest, SkipBacktest: true})
			if err != nil {
				t.Fatal(err)
			}
			b := slices.IndexFunc(gy, func(y int) bool { return y > base })
			a := b - 1
			frac := float64(base-gy[a]) * float64(gy[b]-base) / float64(gy[b]-gy[a])
			interp := gv[a] * math.Pow(gv[b]/gv[a], float64(base-gy[a])/float64(gy[b]-gy[a]))
			growth := func(v float64) float64 { return 100 * (math.Pow(v/interp, 1.0/(year-base)) - 1) }
			pt := r.Points[year-l.latest-1]
			exact.interval(plancast.ProjectionPoint{Lo80: growth(pt.Lo80), Hi80: growth(pt.Hi80), Lo95: growth(pt.Lo95), Hi95: growth(pt.Hi95)}, outcome)

			// The bridge's spread against the walk's own, and the
			// re-centring in units of the 80% interval.
			p, _ := prepare(gy, gv, Limits{})
			ob := newOverBridge(r, p, year, math.Log(interp), frac, func(v float64) float64 { return r.CDF(year, v) }, pt.Mean, true)
			recentred = math.Max(recentred, math.Abs(math.Log(ob.factor))/math.Log(ob.quantile(0.9)/ob.quantile(0.1)))
			one := newOneYearSpread(r, frac)
			wider += (one.quantile(0.9) - one.quantile(0.1)) / (2 * 1.2816 * sd * math.Sqrt(frac))
			// With the walk's own bridge (normal, sd √frac times the
			// shocks'), which the stored figures do not tell.
			ob.table = nil
			for i := range ob.base {
				v := -baseReach + 2*baseReach*(float64(i)+0.5)/baseDraws
				ob.base[i] = interp * math.Exp(sd*math.Sqrt(frac)*v)
			}
			ob.factor = 1
			ob.factor = ob.center / ob.rawQuantile(0.5)
			at := func(q float64) float64 { return growth(ob.quantile(q) * interp) }
			truth.interval(plancast.ProjectionPoint{Lo80: at(0.1), Hi80: at(0.9), Lo95: at(0.025), Hi95: at(0.975)}, outcome)

			for k, d := range offsets {
				g := 100*pace + d
				tg := plancast.Target{Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: base, Year: year, Value: g}
				met := outcome >= g
				exact.target(1-r.CDF(year, interp*math.Pow(1+g/100, year-base)), met)
				truth.target(1-ob.cdf(math.Pow(1+g/100, year-base)), met)
				for _, c := range []struct {
					s      *calibrationScore
					ys     []int
					vs     []float64
					interp bool
				}{{&spread, gy, gv, true}, {&stored, fy, fv, false}} {
					as, err := Assess(tg, gdp, c.ys, c.vs, Options{SkipBacktest: true})
					if err != nil {
						t.Fatal(err)
					}
					if (as.Interpolated != nil) != c.interp {
						t.Fatalf("interpolated %v for years %v", as.Interpolated, c.ys)
					}
					c.s.target(as.Probability, met)
					if k == 0 {
						c.s.interval(*as.Projected, outcome)
					}
				}
			}
		}
		t.Logf("%s, %d paths, %d targets; the bridge's 80%% width %.2f times the walk's; re-centred by at most %.4f of the 80%% width:\n"+
			"\tbase stored:               %s\n\tinterpolated, taken exact: %s\n\tinterpolated, its spread:  %s\n\twith the walk's own bridge: %s",
			l.name, trials, trials*len(offsets), wider/float64(trials), recentred, &stored, &exact, &spread, &truth)
		s80, s95 := stored.cover()
		g80, g95 := spread.cover()
		if g80 < s80-0.06 || g95 < s95-0.02 {
			t.Errorf("%s: the growth's intervals over the interpolated base cover %.3f / %.3f, over the stored base %.3f / %.3f; want no fewer, less 0.06 / 0.02",
				l.name, g80, g95, s80, s95)
		}
	}
}

// For random series (growing, falling and noisy levels, and percentages of
// a whole near 0, in the middle and near 100 on the logit scale) with a
// gap, and growth targets over a base year in the gap to a year still
// projected, every assessment
//   - says the base is interpolated, and gives a probability in [0, 1] with
//     the status it implies;
//   - projects the growth of the projected level over the interpolated
//     base, inside nested finite intervals that contain those of the same
//     projection over a base taken as exact;
//   - gives a target at that growth an even chance, and every other target
//     a probability between the exact base's and one half, never higher for
//     a harder one.
func TestAGrowthFromAnInterpolatedBaseProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 25))
	logit := func(from float64) func(n int) []float64 {
		return func(n int) []float64 {
			v := make([]float64, n)
			y := from + rng.NormFloat64()
			for i := range v {
				y += 0.1 + 0.3*rng.NormFloat64()
				v[i] = 100 / (1 + math.Exp(-y))
			}
			return v
		}
	}
	series := []func(n int) []float64{
		func(n int) []float64 { return walk(rng, n, 100, 0.06, 0.04) },
		func(n int) []float64 { return walk(rng, n, 100, -0.05, 0.08) },
		func(n int) []float64 { return walk(rng, n, 100, 0.02, 0.2) },
		logit(-4), logit(0), logit(4),
	}
	checked := 0
	for si, gen := range series {
		for _, n := range []int{3, 6, 20} {
			v := gen(n)
			years := make([]int, n)
			y := 2000
			for i := range years {
				years[i] = y
				y++
				if i == n/2-1 || rng.IntN(4) == 0 {
					y += 1 + rng.IntN(3) // a gap
				}
			}
			last := years[n-1]
			var gaps []int
			for y := years[0]; y < last; y++ {
				if !slices.Contains(years, y) {
					gaps = append(gaps, y)
				}
			}
			for _, better := range []string{plancast.BetterHigher, plancast.BetterLower} {
				ind := plancast.Indicator{Code: "x", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: better}
				var opt Options
				if si >= 3 {
					ind = plancast.Indicator{Code: "x_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: better}
					opt.Limits = LimitsOf(ind)
				}
				higher := better == plancast.BetterHigher
				for _, base := range []int{gaps[0], gaps[len(gaps)/2]} {
					for _, kind := range []string{plancast.TargetGrowth, plancast.TargetAvgGrowth} {
						for _, year := range []int{last + 1, last + 3} {
							name := fmt.Sprintf("series %d n=%d %s %s %d–%d over %v", si, n, better, kind, base, year, years)
							tg := plancast.Target{Indicator: "x", Plan: "p", Kind: kind, BaseYear: base, Year: year}
							judge := func(value float64) plancast.Assessment {
								t.Helper()
								tg.Value = value
								a, err := Assess(tg, ind, years, v, opt)
								if err != nil {
									t.Fatalf("%s, target %.4g: %v", name, value, err)
								}
								return a
							}
							a := judge(0)
							checked++
							pt := a.Projected
							if a.Interpolated == nil || pt == nil || a.Realised != nil {
								t.Fatalf("%s: interpolated %v, projected %v, realised %v", name, a.Interpolated, pt, a.Realised)
							}
							if !(pt.Lo95 <= pt.Lo80 && pt.Lo80 < pt.Mean && pt.Mean < pt.Hi80 && pt.Hi80 <= pt.Hi95) || !finite(pt.Lo95) || !finite(pt.Hi95) {
								t.Errorf("%s: projected %+v", name, *pt)
							}
							// The base taken as exact: the projection alone.
							o := opt
							o.Horizon = year - last
							r, err := Forecast(years, v, o)
							if err != nil {
								t.Fatal(err)
							}
							p, _ := prepare(years, v, opt.Limits)
							baseLevel := p.back(p.x[base-p.first])
							growth := func(level float64) float64 {
								if kind == plancast.TargetAvgGrowth {
									return 100 * (math.Pow(level/baseLevel, 1/float64(year-base)) - 1)
								}
								return 100 * (level/baseLevel - 1)
							}
							lv := r.Points[year-last-1]
							ex := plancast.ProjectionPoint{Mean: growth(lv.Mean), Lo80: growth(lv.Lo80), Hi80: growth(lv.Hi80), Lo95: growth(lv.Lo95), Hi95: growth(lv.Hi95)}
							if !near(pt.Mean, ex.Mean, 1e-9) && math.Abs(pt.Mean-ex.Mean) > 1e-9 {
								t.Errorf("%s: projected growth %.6g, want %.6g, the projected level's over the interpolated base", name, pt.Mean, ex.Mean)
							}
							if !(pt.Lo95 < ex.Lo95 && pt.Lo80 < ex.Lo80 && pt.Hi80 > ex.Hi80 && pt.Hi95 > ex.Hi95) {
								t.Errorf("%s: interval %+v does not contain the exact base's %+v", name, *pt, ex)
							}
							if e := judge(pt.Mean); math.Abs(e.Probability-0.5) > 1e-6 || e.Status != plancast.StatusOnTrack {
								t.Errorf("%s: a target at the projected growth %.6g: probability %v (%s), want 0.5", name, pt.Mean, e.Probability, e.Status)
							}
							prev := math.Inf(1)
							for _, q := range []float64{0.01, 0.1, 0.3, 0.7, 0.9, 0.99} {
								// A target at the exact base's quantile q.
								var g float64
								level := r.Quantile(year, q)
								if !higher {
									level = r.Quantile(year, 1-q)
								}
								g = growth(level)
								if !finite(g) || g <= -100 {
									continue
								}
								a := judge(g)
								pe := 1 - q // the exact base's probability
								if !(a.Probability >= 0 && a.Probability <= 1) || a.Status != statusOf(a.Probability) && math.Abs(a.Probability-OnTrackProbability) > 1e-9 {
									t.Errorf("%s, target %.4g: probability %v, status %s", name, g, a.Probability, a.Status)
								}
								// Toward one half; in a far tail, where the target
								// year's spread alone decides, within the
								// re-centring's shift of 10⁻³.
								slack := 0.0
								if q < 0.05 || q > 0.95 {
									slack = 1e-3
								}
								if !(pe < 0.5 && pe-slack < a.Probability && a.Probability < 0.5 || pe > 0.5 && pe+slack > a.Probability && a.Probability > 0.5) {
									t.Errorf("%s, target %.4g: probability %.4f, the exact base's %.4f; want it between that and 0.5", name, g, a.Probability, pe)
								}
								if a.Probability > prev+1e-12 {
									t.Errorf("%s, target %.4g: probability %.4f, above the easier target's %.4f", name, g, a.Probability, prev)
								}
								prev = a.Probability
							}
						}
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d assessments checked", checked)
	}
}

// zTable's CDF is cdfAt's, with the tails' scales worked out once.
func TestZTableIsCdfAt(t *testing.T) {
	cal, err := DefaultCalibration()
	if err != nil {
		t.Fatal(err)
	}
	q := centred(cal.Probs, monotone(cal.quantiles(MethodAuto, 12, 3)))
	q[5] = q[6] // a flat step
	tab := newZTable(cal.Probs, q)
	for _, v := range append([]float64{q[0], q[5], q[len(q)-1], 0}, -20, -5, -1.3, 0.4, 2.2, 7, 30) {
		if got, want := tab.cdf(v), cdfAt(cal.Probs, q, v); got != want {
			t.Errorf("cdf(%v) = %v, cdfAt %v", v, got, want)
		}
	}
}
