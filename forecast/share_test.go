package forecast

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/plancast/plancast"
)

// urbanShare is a percentage of a whole (LimitsOf: 0–100).
var urbanShare = plancast.Indicator{Code: "urban_population_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}

// logit is log(p/(1 − p)) of a percentage v, p = v/100.
func logit(v float64) float64 { return math.Log(v) - math.Log(100-v) }

// A share at 97 rising a point a year is projected inside (0, 100) by the
// shape of its distribution, not by a clip at 100: its mean and every bound
// stay below 100 at every horizon (they were 100.0, with a pile of
// probability at the cap), the intervals nest around the mean and widen
// with the horizon, and the probability of reaching 99.9 is below that of
// reaching 99 and that of reaching 100 is none.
func TestAShareNear100IsProjectedBelowItByItsShape(t *testing.T) {
	years := []int{2016, 2017, 2018, 2019, 2020, 2021}
	values := []float64{92, 93, 94, 95, 96, 97}
	r, err := Forecast(years, values, Options{Horizon: 10, Limits: LimitsOf(urbanShare)})
	if err != nil {
		t.Fatal(err)
	}
	if r.WorkScale != ScaleLogit {
		t.Errorf("modelled on the %s scale, want logit", r.WorkScale)
	}
	for j, pt := range r.Points {
		for _, v := range []float64{pt.Mean, pt.Lo80, pt.Hi80, pt.Lo95, pt.Hi95} {
			if !(v > 0 && v < 100) {
				t.Errorf("%d: %+v is not strictly inside (0, 100)", pt.Year, pt)
				break
			}
		}
		if !(pt.Lo95 < pt.Lo80 && pt.Lo80 < pt.Mean && pt.Mean < pt.Hi80 && pt.Hi80 < pt.Hi95) {
			t.Errorf("%d: %+v, want 95%% ⊇ 80%% ∋ mean", pt.Year, pt)
		}
		if j > 0 {
			prev := r.Points[j-1]
			if pt.Hi95-pt.Lo95 < prev.Hi95-prev.Lo95 || pt.Hi80-pt.Lo80 < prev.Hi80-prev.Lo80 {
				t.Errorf("%d: %+v is narrower than %d's %+v", pt.Year, pt, prev.Year, prev)
			}
		}
		p99, p999, p100 := 1-r.CDF(pt.Year, 99), 1-r.CDF(pt.Year, 99.9), 1-r.CDF(pt.Year, 100)
		if !(p999 < p99) || p100 != 0 || !(p999 >= 0) {
			t.Errorf("%d: P(reach 99) %.4g, P(reach 99.9) %.4g, P(reach 100) %.4g; want the second below the first and none at 100", pt.Year, p99, p999, p100)
		}
	}
	// The series is modelled on the logit scale as a positive series is on
	// the log scale: the same members, their mean in percent.
	if len(r.Models) != len(autoMembers) {
		t.Errorf("auto combined %v, want %v", r.Models, autoMembers)
	}
}

// A share at 3 falling a point a year is the mirror image: projected
// inside (0, 100), above 0 at every horizon, as its complement at 97
// rising is below 100; the mean is exactly the complement's mirrored.
func TestAShareNear0IsProjectedAboveItAndMirrorsItsComplement(t *testing.T) {
	years := []int{2016, 2017, 2018, 2019, 2020, 2021}
	values := []float64{8, 7, 6, 5, 4, 3}
	r, err := Forecast(years, values, Options{Horizon: 10, Limits: LimitsOf(urbanShare)})
	if err != nil {
		t.Fatal(err)
	}
	mirror := make([]float64, len(values))
	for i, v := range values {
		mirror[i] = 100 - v
	}
	c, err := Forecast(years, mirror, Options{Horizon: 10, Limits: LimitsOf(urbanShare)})
	if err != nil {
		t.Fatal(err)
	}
	for j, pt := range r.Points {
		for _, v := range []float64{pt.Mean, pt.Lo80, pt.Hi80, pt.Lo95, pt.Hi95} {
			if !(v > 0 && v < 100) {
				t.Errorf("%d: %+v is not strictly inside (0, 100)", pt.Year, pt)
				break
			}
		}
		if !(pt.Lo95 < pt.Lo80 && pt.Lo80 < pt.Mean && pt.Mean < pt.Hi80 && pt.Hi80 < pt.Hi95) {
			t.Errorf("%d: %+v, want 95%% ⊇ 80%% ∋ mean", pt.Year, pt)
		}
		if j > 0 {
			prev := r.Points[j-1]
			if logit(pt.Hi95)-logit(pt.Lo95) < logit(prev.Hi95)-logit(prev.Lo95) {
				t.Errorf("%d: %+v is narrower than %d's %+v", pt.Year, pt, prev.Year, prev)
			}
		}
		p1, p01, p0 := r.CDF(pt.Year, 1), r.CDF(pt.Year, 0.1), r.CDF(pt.Year, 0)
		if !(p01 < p1) || p0 != 0 {
			t.Errorf("%d: P(fall to 1) %.4g, P(fall to 0.1) %.4g, P(fall to 0) %.4g; want the second below the first and none at 0", pt.Year, p1, p01, p0)
		}
		if m := 100 - c.Points[j].Mean; math.Abs(pt.Mean-m) > 1e-9 {
			t.Errorf("%d: projected %.10g, its complement %.10g: want the mirror image", pt.Year, pt.Mean, c.Points[j].Mean)
		}
	}
	if math.Abs(r.Scale-c.Scale) > 1e-12 {
		t.Errorf("scale %.6g, the complement's %.6g; want the same", r.Scale, c.Scale)
	}
}

// A share with a figure of exactly 0 or 100 has no logit: it keeps the log
// scale (or its own) and the clip at the limits (Options.Limits): the mean
// and bounds are taken to 100, and the limits move no probability.
func TestAShareAt100KeepsTheClip(t *testing.T) {
	years := []int{2016, 2017, 2018, 2019, 2020, 2021}
	values := []float64{88, 91, 93.5, 95, 97, 100}
	free, err := Forecast(years, values, Options{Horizon: 10})
	if err != nil {
		t.Fatal(err)
	}
	capped, err := Forecast(years, values, Options{Horizon: 10, Limits: LimitsOf(urbanShare)})
	if err != nil {
		t.Fatal(err)
	}
	if capped.WorkScale != ScaleLog {
		t.Errorf("modelled on the %s scale, want log", capped.WorkScale)
	}
	for j, pt := range capped.Points {
		f := free.Points[j]
		want := plancast.ProjectionPoint{Year: f.Year, Mean: math.Min(f.Mean, 100), Lo80: math.Min(f.Lo80, 100), Hi80: math.Min(f.Hi80, 100),
			Lo95: math.Min(f.Lo95, 100), Hi95: math.Min(f.Hi95, 100)}
		if pt != want {
			t.Errorf("%d: %+v, want the unlimited %+v taken to 100", pt.Year, pt, f)
		}
		if capped.CDF(pt.Year, 99) != free.CDF(pt.Year, 99) {
			t.Errorf("%d: P(≤ 99) %.4f limited, %.4f unlimited", pt.Year, capped.CDF(pt.Year, 99), free.CDF(pt.Year, 99))
		}
	}
	zero, err := Forecast(years, []float64{3, 2, 1, 0.5, 0.2, 0}, Options{Horizon: 5, Limits: LimitsOf(urbanShare)})
	if err != nil {
		t.Fatal(err)
	}
	if zero.WorkScale != ScaleUnit {
		t.Errorf("a share with a 0 modelled on the %s scale, want its own", zero.WorkScale)
	}
	for _, pt := range zero.Points {
		if pt.Lo95 < 0 || pt.Hi95 > 100 {
			t.Errorf("%d: %+v outside 0–100", pt.Year, pt)
		}
	}
}

// TestShareForecastProperties: for random percentages of a whole strictly
// inside (0, 100) (near 0, near 100, in the middle, flat, jumping between
// the edges, with gaps; 1e-9 and 100 − 1e-9 included) and every method, the
// projection has no NaN or Inf, stays within [0, 100] (strictly inside
// wherever float64 can tell a bound from the edge), nests 95% ⊇ 80% ∋ mean,
// widens on the logit scale with the horizon, and its CDF is 0 at 0 and 1
// at 100.
func TestShareForecastProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	inv := func(y float64) float64 { return 100 / (1 + math.Exp(-y)) }
	gen := []func(n int) []float64{
		func(n int) []float64 { // a logit random walk from anywhere
			v := make([]float64, n)
			y := rng.NormFloat64() * 3
			for i := range v {
				y += 0.2 + 0.3*rng.NormFloat64()
				v[i] = math.Min(math.Max(inv(y), 1e-9), 100-1e-9)
			}
			return v
		},
		func(n int) []float64 { // near 100, rising
			v := make([]float64, n)
			for i := range v {
				v[i] = 100 - 3*math.Pow(0.7, float64(i))
			}
			return v
		},
		func(n int) []float64 { // near 0, falling
			v := make([]float64, n)
			for i := range v {
				v[i] = 3 * math.Pow(0.7, float64(i))
			}
			return v
		},
		func(n int) []float64 { // the extremes
			v := make([]float64, n)
			for i := range v {
				v[i] = []float64{1e-9, 100 - 1e-9, 50, 1e-300}[rng.IntN(4)]
			}
			return v
		},
		func(n int) []float64 { // flat
			v := make([]float64, n)
			for i := range v {
				v[i] = 41.3
			}
			return v
		},
		func(n int) []float64 { // all at one edge
			v := make([]float64, n)
			for i := range v {
				v[i] = 100 - 1e-9
			}
			return v
		},
	}
	for gi, g := range gen {
		for _, n := range []int{2, 3, 4, 6, 12, 30} {
			v := g(n)
			years := make([]int, n)
			y := 1990
			for i := range years {
				years[i] = y
				y += 1 + rng.IntN(2)
			}
			for _, method := range Methods() {
				r, err := Forecast(years, v, Options{Horizon: 8, Method: method, Limits: LimitsOf(urbanShare)})
				if err != nil {
					if plancast.ErrorCode(err) == plancast.EINVALID && method != MethodAuto {
						continue
					}
					t.Fatalf("gen %d n %d %s: %v", gi, n, method, err)
				}
				if r.WorkScale != ScaleLogit {
					t.Fatalf("gen %d n %d %s: %s scale for %v", gi, n, method, r.WorkScale, v)
				}
				var prev plancast.ProjectionPoint
				for j, p := range r.Points {
					for _, f := range []float64{p.Mean, p.Lo80, p.Hi80, p.Lo95, p.Hi95} {
						if !finite(f) || f < 0 || f > 100 {
							t.Fatalf("gen %d n %d %s h=%d: %+v outside [0, 100] from %v", gi, n, method, j+1, p, v)
						}
					}
					if !(p.Lo95 <= p.Lo80 && p.Lo80 <= p.Mean && p.Mean <= p.Hi80 && p.Hi80 <= p.Hi95) {
						t.Errorf("gen %d n %d %s h=%d: not nested %+v", gi, n, method, j+1, p)
					}
					// Where float64 holds a bound apart from the edges
					// (1e-12 from them, far from the 1.4e-14 between
					// 100 and the float below it), it is inside, and
					// the logit width never shrinks.
					clear := func(pt plancast.ProjectionPoint) bool { return pt.Lo95 > 1e-12 && pt.Hi95 < 100-1e-12 }
					if clear(p) && (p.Lo95 <= 0 || p.Hi95 >= 100) {
						t.Errorf("gen %d n %d %s h=%d: %+v at an edge", gi, n, method, j+1, p)
					}
					if j > 0 && clear(p) && clear(prev) && logit(p.Hi95)-logit(p.Lo95) < (logit(prev.Hi95)-logit(prev.Lo95))*(1-1e-9) {
						t.Errorf("gen %d n %d %s h=%d: logit width shrinks, %+v after %+v", gi, n, method, j+1, p, prev)
					}
					if r.CDF(p.Year, 0) != 0 || r.CDF(p.Year, 100) != 1 {
						t.Errorf("gen %d n %d %s h=%d: CDF at 0, 100 = %v, %v", gi, n, method, j+1, r.CDF(p.Year, 0), r.CDF(p.Year, 100))
					}
					if lo, hi := r.CDF(p.Year, p.Lo95), r.CDF(p.Year, p.Hi95); !finite(lo) || !finite(hi) || lo > hi {
						t.Errorf("gen %d n %d %s h=%d: CDF at lo95, hi95 = %v, %v", gi, n, method, j+1, lo, hi)
					}
					for _, q := range []float64{0.001, 0.5, 0.999} {
						if x := r.Quantile(p.Year, q); !finite(x) || x < 0 || x > 100 {
							t.Errorf("gen %d n %d %s h=%d: Quantile(%v) = %v", gi, n, method, j+1, q, x)
						}
					}
					prev = p
				}
			}
		}
	}
}

// A growth target on a share is judged on the share's own (logit)
// distribution: a growth at the projected one is met with probability one
// half, whether its base is the latest figure, a projected year or its
// year lies between stored figures, and the growth's interval holds it.
// (The log scale's shortcut, a growth as a difference on the working
// scale, would put it elsewhere on a logit series.)
func TestAGrowthTargetOnAShareAtItsProjectionIsEvenOdds(t *testing.T) {
	secondary := plancast.Indicator{Code: "secondary_industry_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}
	full := []int{2016, 2017, 2018, 2019, 2020, 2021}
	gap := []int{2016, 2017, 2018, 2020, 2021, 2022}
	values := []float64{44.0, 43.1, 42.5, 41.8, 41.0, 41.6}
	for _, c := range []struct {
		name  string
		years []int
		tg    plancast.Target
	}{
		{"growth in 2022 over the latest figure", full, plancast.Target{Kind: plancast.TargetGrowth, Year: 2022}},
		{"average growth 2023–2025 over a projected base", full, plancast.Target{Kind: plancast.TargetAvgGrowth, BaseYear: 2023, Year: 2025}},
		{"growth in 2019, between the figures of 2018 and 2020", gap, plancast.Target{Kind: plancast.TargetGrowth, Year: 2019}},
		{"average growth 2017–2019, 2019 between figures", gap, plancast.Target{Kind: plancast.TargetAvgGrowth, BaseYear: 2017, Year: 2019}},
	} {
		tg := c.tg
		tg.Region, tg.Indicator, tg.Plan, tg.Value = "houma", secondary.Code, "p", 1
		opt := Options{Limits: LimitsOf(secondary)}
		a, err := Assess(tg, secondary, c.years, values, opt)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		pt := a.Projected
		if !(pt.Lo95 <= pt.Lo80 && pt.Lo80 <= pt.Mean && pt.Mean <= pt.Hi80 && pt.Hi80 <= pt.Hi95) || pt.Lo95 == pt.Hi95 {
			t.Errorf("%s: projected growth %+v, want nested intervals of some width", c.name, *pt)
		}
		tg.Value = pt.Mean
		at, err := Assess(tg, secondary, c.years, values, opt)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if math.Abs(at.Probability-0.5) > 1e-6 {
			t.Errorf("%s: a target at the projected growth %.4f%% is met with P %.6f, want 0.5", c.name, pt.Mean, at.Probability)
		}
	}
}

// A linear model on a share rising a point a year from 97 runs past 100:
// drift_linear says 101 in 2025. On the logit scale its point is kept at
// the odds of the last figure times 1000 (99.997, below 100), as a log
// series' is floored at 1/1000 of its last figure, and the intervals stay
// as wide as the uncertainty: from the table's bounds around the last
// figure (as if the rise stopped) up to just below 100, not "99.997
// [99.996, 99.998]". They are the quantiles of the distribution a target
// is judged on: a target of the last figure, 97, is not met for sure.
func TestALinearRisePast100KeepsWideIntervals(t *testing.T) {
	years := []int{2016, 2017, 2018, 2019, 2020, 2021}
	values := []float64{92, 93, 94, 95, 96, 97}
	capAt := 100 / (1 + 1.0/(97.0/3*1000)) // odds 97/3 times 1000
	for _, method := range []string{MethodDriftLinear, MethodDampedLinear} {
		r, err := Forecast(years, values, Options{Horizon: 6, Method: method, Limits: LimitsOf(urbanShare)})
		if err != nil {
			t.Fatal(err)
		}
		capped := 0
		for _, pt := range r.Points {
			if !(pt.Lo95 <= pt.Lo80 && pt.Lo80 <= pt.Mean && pt.Mean <= pt.Hi80 && pt.Hi80 <= pt.Hi95) || pt.Hi95 >= 100 {
				t.Errorf("%s %d: %+v not nested below 100", method, pt.Year, pt)
			}
			if math.Abs(pt.Mean-capAt) > 1e-9 {
				continue // a point the extrapolation has not run past 100
			}
			capped++
			if pt.Lo80 > 97 || pt.Lo95 >= pt.Lo80 {
				t.Errorf("%s %d: %+v; want 80%% and 95%% intervals from below the last figure, 97, to near 100", method, pt.Year, pt)
			}
			for _, c := range []struct{ prob, at float64 }{{0.025, pt.Lo95}, {0.1, pt.Lo80}, {0.5, pt.Mean}, {0.9, pt.Hi80}, {0.975, pt.Hi95}} {
				if got := r.CDF(pt.Year, c.at); math.Abs(got-c.prob) > 1e-6 {
					t.Errorf("%s %d: P(outcome ≤ %.6g) = %.4f, want %.3f", method, pt.Year, c.at, got, c.prob)
				}
			}
			tg := plancast.Target{Region: "x", Indicator: urbanShare.Code, Plan: "plan", Kind: plancast.TargetLevel, Year: pt.Year, Value: 97}
			a, err := Assess(tg, urbanShare, years, values, Options{Method: method, Limits: LimitsOf(urbanShare)})
			if err != nil {
				t.Fatal(err)
			}
			if a.Probability >= 0.95 || *a.Projected != pt {
				t.Errorf("%s %d: a target of 97 is met with P %.4f, projected %+v; want under 0.95 and the interval above", method, pt.Year, a.Probability, *a.Projected)
			}
		}
		if method == MethodDriftLinear && capped < 3 {
			t.Errorf("%s: %d points at the cap, want the years from 2024 on: %+v", method, capped, r.Points)
		}
	}
}

// The pooled scale s₀, which sets the width of a short series' intervals,
// is the log scale's taken by the smaller of the share and its complement
// (pooledWorkScale): a flat share of two figures below one half gets the
// width in points that the same figures as a level get on the log scale,
// and its complement the same width.
func TestAShareGetsThePooledWidthOfItsSmallerSide(t *testing.T) {
	width := func(v float64, lim Limits) float64 {
		r, err := Forecast([]int{2020, 2021}, []float64{v, v}, Options{Horizon: 1, Limits: lim})
		if err != nil {
			t.Fatal(err)
		}
		return r.Points[0].Hi80 - r.Points[0].Lo80
	}
	for _, v := range []float64{1, 10, 30} {
		share, level, complement := width(v, LimitsOf(urbanShare)), width(v, Limits{}), width(100-v, LimitsOf(urbanShare))
		if math.Abs(share/level-1) > 0.01 || math.Abs(complement/share-1) > 0.01 {
			t.Errorf("a flat share at %v: 80%% width %.4f points, as a level %.4f, its complement at %v %.4f; want the three within 1%%",
				v, share, level, 100-v, complement)
		}
	}
}
