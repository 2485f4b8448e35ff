package forecast

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// ytd is one year-to-date series: its figures for the two years given.
func ytd(period string, year int, prior, value float64) plancast.Series {
	return plancast.Series{Region: "houma", Indicator: "gdp", Period: period, Observations: []plancast.Observation{
		{Region: "houma", Indicator: "gdp", Period: period, Year: year - 1, Value: prior},
		{Region: "houma", Indicator: "gdp", Period: period, Year: year, Value: value},
	}}
}

// houmaGDP is Houma's yearly GDP as the report gives it (2015 and 2020) and
// its 2021 target, GDP +8.5%.
var (
	houmaYears  = []int{2015, 2020}
	houmaValues = []float64{88.9, 120.8}
	houma2021   = plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}
)

// A first half 9.1% above the last one against a target of 8.5%: the rest
// of the year needs (120.8·1.085 − 60)/(120.8 − 55) − 1 = 8.0% on the
// second half of 2020, less than the first half's pace, so meeting the
// target is more likely than not; the year is projected at
// 60 + 65.8·60/55 = 131.78, growth 60/55 − 1 = 9.09%.
func TestAssessJudgesTheYearInProgressOnItsYearToDate(t *testing.T) {
	a, err := Assess(houma2021, gdp, houmaYears, houmaValues, Options{YearToDate: []plancast.Series{ytd("h1", 2021, 55, 60)}})
	if err != nil {
		t.Fatal(err)
	}
	y := a.YearToDate
	if y == nil {
		t.Fatalf("no year to date in %+v", a)
	}
	if y.Period != "h1" || y.Months != 6 || y.Year != 2021 || y.Value != 60 || y.Prior != 55 || !near(y.Growth, 60.0/55-1, 1e-12) {
		t.Errorf("year to date %+v", *y)
	}
	if y.RequiredRestGrowth == nil || !near(*y.RequiredRestGrowth, (120.8*1.085-60)/(120.8-55)-1, 1e-12) {
		t.Errorf("required rest growth %v, want %.5f", y.RequiredRestGrowth, (120.8*1.085-60)/(120.8-55)-1)
	}
	if a.Projected == nil || !near(a.Projected.Mean, 100*(60.0/55-1), 1e-9) {
		t.Fatalf("projected %+v, want the growth of the first half, %.4f%%", a.Projected, 100*(60.0/55-1))
	}
	if n := y.Nowcast; !near(n.Mean, 60+(120.8-55)*60/55, 1e-12) || !near(a.Projected.Lo95, 100*(n.Lo95/120.8-1), 1e-9) {
		t.Errorf("the year's figure %+v, want its median at 60 + 65.8·60/55 = %.4f and its growth the projected growth", n, 60+(120.8-55)*60/55)
	}
	if !(a.Probability > 0.5 && a.Probability < 0.95) || a.Status != plancast.StatusOnTrack {
		t.Errorf("probability %.3f (%s), want above one half and on_track: the rest needs less than the first half's pace", a.Probability, a.Status)
	}
	for _, want := range []string{"2021 first half: 60, +9.1% on a year before; the rest of the year needs +8.0% on the same months of 2020"} {
		if !strings.Contains(a.Explanation, want) {
			t.Errorf("explanation %q lacks %q", a.Explanation, want)
		}
	}
	if want := "2021年上半年60，同比增长9.1%；其余月份同比增速需不低于8.0%"; !strings.Contains(a.ExplanationZh, want) {
		t.Errorf("explanation %q lacks %q", a.ExplanationZh, want)
	}

	// Without the year to date the same target is judged on the yearly model alone.
	b, err := Assess(houma2021, gdp, houmaYears, houmaValues, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.YearToDate != nil || b.Projected.Mean == a.Projected.Mean {
		t.Errorf("without the year to date: %+v, %+v", b.YearToDate, b.Projected)
	}
}

// Without years of its own to learn from, the rest of the year's growth
// over the year so far's, u = log((A − P)/R₀) − log(P/P₀), spreads as a
// random walk of monthly shocks says: c_rw(m) times the yearly model's
// one-year spread, 1.0075 after the first quarter, 1.0052 after the half,
// 1.0075 after September, 1.0207 after November (on the log scale the
// rest's interval, log((hi − P)/(lo − P)), against the year's, log(hi/lo)).
// The year's own interval narrows with the rest's share of it: after
// September to about a quarter of the yearly model's, after November to a
// twelfth. (Until this was learnt the rest spread √(12/(12 − m)) yearly
// spreads: twice the year's after September, its 80% intervals covering 99%
// of simulated years and 98% of real ones.)
func TestYearToDateRestSpreadsAsARandomWalkWithoutHistory(t *testing.T) {
	level := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetLevel, Year: 2021, Value: 130}
	model, err := Forecast(houmaYears, houmaValues, Options{Horizon: 1, SkipBacktest: true})
	if err != nil {
		t.Fatal(err)
	}
	yearly := model.Points[0]
	for _, c := range []struct {
		period   string
		months   int
		c        float64 // c_rw(m)
		yearHi95 float64 // the year's 95% interval against the yearly one's, at most
	}{{"q1", 3, 1.00747, 0.78}, {"h1", 6, 1.00518, 0.53}, {"jan-sep", 9, 1.00747, 0.28}, {"jan-nov", 11, 1.02070, 0.1}} {
		prior := 120.8 * float64(c.months) / 12
		a, err := Assess(level, gdp, houmaYears, houmaValues, Options{YearToDate: []plancast.Series{ytd(c.period, 2021, prior, prior*1.07)}})
		if err != nil {
			t.Fatal(err)
		}
		p, pt := a.YearToDate.Value, a.Projected
		for _, iv := range []struct {
			name             string
			lo, hi, ylo, yhi float64
		}{{"80%", pt.Lo80, pt.Hi80, yearly.Lo80, yearly.Hi80}, {"95%", pt.Lo95, pt.Hi95, yearly.Lo95, yearly.Hi95}} {
			if k := math.Log((iv.hi-p)/(iv.lo-p)) / math.Log(iv.yhi/iv.ylo); !near(k, c.c, 1e-5) {
				t.Errorf("%s: the rest's %s interval is %.4f times the yearly one, want c_rw(%d) = %.5f", c.period, iv.name, k, c.months, c.c)
			}
		}
		if w := math.Log(pt.Hi95/pt.Lo95) / math.Log(yearly.Hi95/yearly.Lo95); w > c.yearHi95 {
			t.Errorf("%s: the year's 95%% interval is %.3f of the yearly model's, want at most %.2f", c.period, w, c.yearHi95)
		}
		if !(pt.Lo95 < pt.Lo80 && pt.Lo80 < pt.Mean && pt.Mean < pt.Hi80 && pt.Hi80 < pt.Hi95) || pt.Lo95 <= p {
			t.Errorf("%s: interval %+v not nested above the year to date %g", c.period, pt, p)
		}
	}
}

// c_rw(m) is the standard deviation of the rest's growth less the year so
// far's over that of the year's growth when the monthly log level is a
// random walk (each month's growth on a year before the sum of its twelve
// shocks); it is near 1 for every m, highest at the ends.
func TestRandomWalkRestFactor(t *testing.T) {
	want := []float64{1.02070, 1.01067, 1.00747, 1.00604, 1.00537, 1.00518, 1.00537, 1.00604, 1.00747, 1.01067, 1.02070} // computed apart, shock by shock
	for m := 1; m <= 11; m++ {
		if got := randomWalkRest(m); math.Abs(got-want[m-1]) > 5e-6 {
			t.Errorf("c_rw(%d) = %.5f, want %.5f", m, got, want[m-1])
		}
	}
}

// A series with years of its own, the period and the whole year of each,
// learns how far its rest of the year strays from its year so far: c is
// (4·c_rw(m) + Σ|uᵢ|/(s·δ))/(4 + n) over the n past years' uᵢ, and, being
// learnt from few years, its quantile of probability p lies 1 + V·ζ_p²/2
// times as far from the median, V = (π/2 − 1)·n/(4 + n)². Nine past years
// whose last quarter grew exactly as their first nine months leave 4/13 of
// the random walk's spread (the 80% interval's 1.025 times that); years
// that strayed widen it; a year whose whole figure is not given
// (interpolated between 2015 and 2020) is no history. The probability of
// reaching a level is read off the same distribution: 90% for the 80%
// interval's low end.
func TestYearToDateRestSpreadLearntFromPastYears(t *testing.T) {
	years := []int{2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020}
	build := func(stray float64) ([]float64, plancast.Series) {
		var values []float64
		s := plancast.Series{Region: "houma", Indicator: "gdp", Period: "jan-sep"}
		a := 70.0
		for i, y := range years {
			// the first nine months grow 6% a year; the rest as much, or
			// stray·(±1) more on the log scale, in turn
			p := 0.74 * 70 * math.Pow(1.06, float64(i))
			if i > 0 {
				prevP := 0.74 * 70 * math.Pow(1.06, float64(i-1))
				u := stray * float64(1-2*(i%2))
				a = p + (values[i-1]-prevP)*1.06*math.Exp(u)
			}
			values = append(values, a)
			s.Observations = append(s.Observations, plancast.Observation{Region: "houma", Indicator: "gdp", Period: "jan-sep", Year: y, Value: p})
		}
		p := 0.74 * 70 * math.Pow(1.06, float64(len(years)))
		s.Observations = append(s.Observations, plancast.Observation{Region: "houma", Indicator: "gdp", Period: "jan-sep", Year: 2021, Value: p})
		return values, s
	}
	spread := func(years []int, values []float64, s plancast.Series) (rest, yearly float64) {
		r, err := Forecast(years, values, Options{Horizon: 1, SkipBacktest: true})
		if err != nil {
			t.Fatal(err)
		}
		y := r.YearToDate(gdp, []plancast.Series{s})
		if y == nil {
			t.Fatal("no year to date")
		}
		n, pt := y.Nowcast, r.Points[0]
		return math.Log((n.Hi80 - y.Value) / (n.Lo80 - y.Value)), math.Log(pt.Hi80 / pt.Lo80)
	}

	values, s := build(0)
	rest, yearly := spread(years, values, s)
	v, z := (math.Pi/2-1)*9/(13*13), math.Sqrt2*math.Erfinv(0.8)
	if k, want := rest/yearly, 4*randomWalkRest(9)/13*(1+v*z*z/2); !near(k, want, 1e-6) {
		t.Errorf("nine past years whose rest grew as their year so far: the rest's interval is %.4f of the yearly one, want 4·c_rw(9)/13·(1 + V·1.2816²/2) = %.4f", k, want)
	}
	r, err := Forecast(years, values, Options{Horizon: 1, SkipBacktest: true})
	if err != nil {
		t.Fatal(err)
	}
	lo80 := r.YearToDate(gdp, []plancast.Series{s}).Nowcast.Lo80
	level := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetLevel, Year: 2021, Value: lo80}
	if a, err := Assess(level, gdp, years, values, Options{YearToDate: []plancast.Series{s}}); err != nil || !near(a.Probability, 0.9, 1e-6) {
		t.Errorf("the probability of reaching the 80%% interval's low end, %g: %v (%v), want 0.9", lo80, a.Probability, err)
	}
	values, s = build(0.1)
	if rest, yearly := spread(years, values, s); !(rest/yearly > 1.5) {
		t.Errorf("nine past years whose rest strayed 10%% from their year so far: the rest's interval is %.3f of the yearly one, want it wider than the random walk's 1.0075", rest/yearly)
	}
	// Only 2015 and 2020 of the same years given: nothing to learn from.
	few := []int{2015, 2020}
	if rest, yearly := spread(few, []float64{values[4], values[9]}, s); !near(rest/yearly, randomWalkRest(9), 1e-6) {
		t.Errorf("yearly figures of 2015 and 2020 only: the rest's interval is %.4f of the yearly one, want c_rw(9) = %.4f", rest/yearly, randomWalkRest(9))
	}
}

// The more of the year is known, the surer the answer: with the year so far
// growing 7% against a target of 8.5%, the probability falls as the months
// covered grow, and with it growing 10% it rises.
func TestYearToDateSharpensWithTheMonthsCovered(t *testing.T) {
	for _, growth := range []float64{0.07, 0.10} {
		last := math.NaN()
		for _, c := range []struct {
			period string
			months int
		}{{"jan-feb", 2}, {"q1", 3}, {"h1", 6}, {"jan-sep", 9}, {"jan-nov", 11}} {
			prior := 120.8 * float64(c.months) / 12
			a, err := Assess(houma2021, gdp, houmaYears, houmaValues, Options{YearToDate: []plancast.Series{ytd(c.period, 2021, prior, prior*(1+growth))}})
			if err != nil {
				t.Fatal(err)
			}
			if (growth < 0.085) != (a.Probability < 0.5) {
				t.Errorf("growth %.0f%% to %s: probability %.3f on the wrong side of one half", 100*growth, c.period, a.Probability)
			}
			if !math.IsNaN(last) && !(math.Abs(a.Probability-0.5) > math.Abs(last-0.5)) {
				t.Errorf("growth %.0f%% to %s: probability %.4f is no surer than %.4f with fewer months", 100*growth, c.period, a.Probability, last)
			}
			last = a.Probability
		}
	}
}

// Which year-to-date figure is used, and when none is.
func TestYearToDateChoosesThePeriodThatCoversMost(t *testing.T) {
	income := plancast.Indicator{Code: "urban_disposable_income", Unit: plancast.UnitYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	rate := plancast.Indicator{Code: "unemployment_rate", Unit: "percent", Kind: plancast.KindRate, Better: plancast.BetterLower}
	onlyThisYear := plancast.Series{Region: "houma", Indicator: "gdp", Period: "jan-nov",
		Observations: []plancast.Observation{{Year: 2021, Value: 112}}}
	cases := []struct {
		name   string
		target plancast.Target
		ind    plancast.Indicator
		series []plancast.Series
		want   string // the period used; "" for none
	}{
		{"the most months with both years", houma2021, gdp, []plancast.Series{ytd("q1", 2021, 28, 30), ytd("jan-sep", 2021, 85, 92), ytd("h1", 2021, 55, 60)}, "jan-sep"},
		{"a period without the year before is passed over", houma2021, gdp, []plancast.Series{ytd("h1", 2021, 55, 60), onlyThisYear}, "h1"},
		{"q2 and h2 do not start in January", houma2021, gdp, []plancast.Series{ytd("q2", 2021, 30, 33), ytd("h2", 2021, 65, 70)}, ""},
		{"a rate does not add up over the year", plancast.Target{Region: "houma", Indicator: "unemployment_rate", Plan: "2021-annual", Kind: plancast.TargetCeiling, Year: 2021, Value: 4.5}, rate, []plancast.Series{ytd("h1", 2021, 3.9, 4.1)}, ""},
		{"a figure to date above the year before's whole year is no year to date", houma2021, gdp, []plancast.Series{ytd("h1", 2021, 121, 125)}, ""},
		{"only the year after the latest figure", plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, Year: 2025, Value: 250}, gdp, []plancast.Series{ytd("h1", 2021, 55, 60)}, ""},
		{"a year to date of another year", houma2021, gdp, []plancast.Series{ytd("h1", 2020, 50, 55)}, ""},
		{"per-capita income adds up over the year", plancast.Target{Region: "houma", Indicator: "urban_disposable_income", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 8}, income, []plancast.Series{ytd("jan-sep", 2021, 25000, 27000)}, "jan-sep"},
	}
	for _, c := range cases {
		values := houmaValues
		if c.ind.Code == "urban_disposable_income" {
			values = []float64{24500, 33029}
		}
		if c.ind.Code == "unemployment_rate" {
			values = []float64{3.5, 4.0}
		}
		a, err := Assess(c.target, c.ind, houmaYears, values, Options{YearToDate: c.series})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := ""
		if a.YearToDate != nil {
			got = a.YearToDate.Period
		}
		if got != c.want {
			t.Errorf("%s: year to date %q, want %q", c.name, got, c.want)
		}
	}
}

// A year to date already past the figure that meets the target settles it:
// meeting a floor is certain (no growth needed of the rest, p = 1), meeting
// a ceiling impossible (p = 0); a ceiling not yet reached bounds the rest's
// growth from above.
func TestYearToDatePastTheTarget(t *testing.T) {
	energy := plancast.Indicator{Code: "energy_use", Unit: "10k_tce", Kind: plancast.KindLevel, Better: plancast.BetterLower}
	years, values := []int{2019, 2020}, []float64{100, 104}
	h1 := []plancast.Series{ytd("h1", 2021, 50, 53)}
	cases := []struct {
		name    string
		target  plancast.Target
		p       float64 // -1: strictly between 0 and 1
		phrases []string
	}{
		{"a floor below the year to date", plancast.Target{Indicator: "energy_use", Kind: plancast.TargetFloor, Year: 2021, Value: 52}, 1,
			[]string{"the year to date alone meets the target", "年内累计已达到目标"}},
		{"a ceiling below the year to date", plancast.Target{Indicator: "energy_use", Kind: plancast.TargetCeiling, Year: 2021, Value: 52}, 0,
			[]string{"the year to date alone is past the target", "年内累计已超过目标"}},
		{"a ceiling ahead", plancast.Target{Indicator: "energy_use", Kind: plancast.TargetCeiling, Year: 2021, Value: 108}, -1,
			[]string{"the rest of the year must stay within +1.9% of the same months of 2020", "其余月份同比增速需不高于1.9%"}},
	}
	for _, c := range cases {
		a, err := Assess(c.target, energy, years, values, Options{YearToDate: h1})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if a.YearToDate == nil {
			t.Fatalf("%s: no year to date", c.name)
		}
		switch {
		case c.p >= 0 && a.Probability != c.p:
			t.Errorf("%s: probability %g, want %g", c.name, a.Probability, c.p)
		case c.p < 0 && !(a.Probability > 0 && a.Probability < 1):
			t.Errorf("%s: probability %g, want strictly between 0 and 1", c.name, a.Probability)
		}
		if (a.YearToDate.RequiredRestGrowth == nil) != (c.p >= 0) {
			t.Errorf("%s: required rest growth %v", c.name, a.YearToDate.RequiredRestGrowth)
		}
		for _, want := range c.phrases {
			if !strings.Contains(a.Explanation+" | "+a.ExplanationZh, want) {
				t.Errorf("%s: %q / %q lacks %q", c.name, a.Explanation, a.ExplanationZh, want)
			}
		}
	}
}

// near reports whether got is within rel of want, relatively.
func near(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Max(1, math.Abs(want))
}

// A year to date that leaves nothing for the rest of the year (the year
// before's January–November at or above that year's whole figure: a year
// revised after a census, its months not) cannot be read; the answer says
// so in both languages instead of judging on the yearly model in silence.
func TestAYearToDateThatCannotBeReadIsSaid(t *testing.T) {
	years, values := []int{2018, 2019, 2020}, []float64{26, 28, 30}
	fai := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 10}
	a, err := Assess(fai, gdp, years, values, Options{YearToDate: []plancast.Series{ytd("jan-nov", 2021, 31, 33)}})
	if err != nil {
		t.Fatal(err)
	}
	if a.YearToDate != nil {
		t.Fatalf("judged on a year to date %+v that leaves the rest of 2020 at −1", *a.YearToDate)
	}
	for _, c := range []struct{ got, want string }{
		{a.Explanation, "the January–November figures were not read: 2020's (31) is not below the whole of 2020 (30)"},
		{a.ExplanationZh, "未采用1—11月数据：2020年1—11月（31）不低于2020年全年（30）"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("explanation %q, want %q", c.got, c.want)
		}
	}
	b, err := Assess(fai, gdp, years, values, Options{YearToDate: []plancast.Series{ytd("jan-nov", 2021, 27, 29.5)}})
	if err != nil || b.YearToDate == nil || strings.Contains(b.Explanation, "not read") {
		t.Errorf("a readable year to date: %+v, %v", b.YearToDate, err)
	}
}
