package forecast

import (
	"math"
	"strconv"
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
		y := r.YearToDate(gdp, []plancast.Series{s}, nil)
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
	lo80 := r.YearToDate(gdp, []plancast.Series{s}, nil).Nowcast.Lo80
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

// t18's GDP as a user test had it in November 2026: yearly figures to 2024,
// January–September of 2024, 2025 and 2026, the 2025 figure not yet
// published.
var (
	t18Years  = []int{2020, 2021, 2022, 2023, 2024}
	t18Values = []float64{152, 165, 171, 180, 189}
	t18JanSep = plancast.Series{Region: "t18", Indicator: "gdp", Period: "jan-sep", Observations: []plancast.Observation{{Year: 2024, Value: 138}, {Year: 2025, Value: 144}, {Year: 2026, Value: 120}}}
	t18Growth = func(year int) plancast.Target {
		return plancast.Target{Region: "t18", Indicator: "gdp", Plan: strconv.Itoa(year) + "-annual", Kind: plancast.TargetGrowth, Year: year, Value: 6}
	}
)

// A target of 2026, while 2025's figure is missing and January–September
// of 2024–2026 are stored, is judged on 2026's months through 2025's
// nowcast, as the year after the latest figure is: 2025 is taken at its
// January–September in the proportion of 2024's to the whole of 2024,
// 144·189/138 = 197.2; the rest of 2025, 197.2 − 144 = 53.2, grows as
// 2026's months did (−16.7%), so 2026 is 120 + 53.2·120/144 = 164.3, and
// its growth on 2025 −16.7%: a +6% target is practically out of reach.
// The yearly model alone, which had judged it, projected +3.3% from its own
// 2025 (195.5) with probability 25%, at_risk, and said nothing of the
// months stored. 2025's own judgement stays as it was.
func TestATargetAfterAYearWithoutAFigureIsJudgedOnItsYearToDate(t *testing.T) {
	opt := Options{YearToDate: []plancast.Series{t18JanSep}}
	a, err := Assess(t18Growth(2026), gdp, t18Years, t18Values, opt)
	if err != nil {
		t.Fatal(err)
	}
	y := a.YearToDate
	if y == nil {
		t.Fatalf("2026 not judged on its January–September: %s", a.Explanation)
	}
	before := 144 * 189.0 / 138
	if y.Period != "jan-sep" || y.Year != 2026 || y.Value != 120 || y.Prior != 144 || !near(y.Growth, 120.0/144-1, 1e-12) {
		t.Errorf("year to date %+v, want 2026's January–September, 120 against 144", *y)
	}
	if y.PriorNowcast == nil || !near(*y.PriorNowcast, before, 1e-12) {
		t.Errorf("2025 taken at %v, want its months in 2024's proportion, %.4f", y.PriorNowcast, before)
	}
	if want := 120 + (before-144)*120/144; !near(y.Nowcast.Mean, want, 1e-12) || !(y.Nowcast.Lo95 < want && want < y.Nowcast.Hi95) {
		t.Errorf("2026 nowcast %+v, want its median at 120 + 53.2·120/144 = %.4f", y.Nowcast, want)
	}
	if want := (1.06*before-120)/(before-144) - 1; y.RequiredRestGrowth == nil {
		t.Errorf("the rest of 2026 needs nothing, want %.4f on the rest of 2025 as nowcast", want)
	} else if !near(*y.RequiredRestGrowth, want, 1e-12) {
		t.Errorf("the rest of 2026 needs %.4f, want %.4f on the rest of 2025 as nowcast", *y.RequiredRestGrowth, want)
	}
	if a.Projected == nil || !near(a.Projected.Mean, 100*(120.0/144-1), 1e-9) || !(a.Projected.Hi95 < 0) {
		t.Fatalf("projected %+v, want −16.7%%, its 95%% interval below 0", a.Projected)
	}
	if a.Probability > 0.01 || a.Status != plancast.StatusOffTrack {
		t.Errorf("probability %.4f (%s), want under 1%% and off_track", a.Probability, a.Status)
	}
	for _, c := range []struct{ got, want string }{
		{a.Explanation, "projected growth -16.7% for 2026 (95% interval "},
		{a.Explanation, "2026 January–September: 120, -16.7% on a year before; the rest of the year needs +67.3% on the same months of 2025"},
		{a.Explanation, "2025, without a yearly figure, is taken at 197.2: its January–September (144) in the proportion of 2024's (138) to the whole of 2024 (189)"},
		{a.ExplanationZh, "2026年1—9月120，同比下降16.7%"},
		{a.ExplanationZh, "2025年尚无数据，按其1—9月（144）与2024年1—9月（138）占全年（189）的比例推算为197.2"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("explanation %q lacks %q", c.got, c.want)
		}
	}
	if strings.Contains(a.Explanation, "the base year is itself projected") {
		t.Errorf("explanation %q calls the growth's spread approximate: the base is taken at its nowcast", a.Explanation)
	}

	// A level for 2026 is judged on the same months: 200 is out of reach.
	level := plancast.Target{Region: "t18", Indicator: "gdp", Plan: "2026-annual", Kind: plancast.TargetLevel, Year: 2026, Value: 200}
	l, err := Assess(level, gdp, t18Years, t18Values, opt)
	if err != nil {
		t.Fatal(err)
	}
	if l.YearToDate == nil || !near(l.Projected.Mean, y.Nowcast.Mean, 1e-12) || l.Probability > 0.01 {
		t.Errorf("level 200 in 2026: %+v, probability %.4f, want judged on the nowcast %.1f", l.Projected, l.Probability, y.Nowcast.Mean)
	}

	// 2025 is judged on its own months, as before, and 2026's change nothing.
	b, err := Assess(t18Growth(2025), gdp, t18Years, t18Values, opt)
	if err != nil {
		t.Fatal(err)
	}
	if b.YearToDate == nil || b.YearToDate.PriorNowcast != nil || !near(b.YearToDate.Nowcast.Mean, before, 1e-12) || !near(b.Projected.Mean, 100*(144.0/138-1), 1e-9) {
		t.Errorf("2025: %+v, want judged on its January–September against 2024's, %.1f", b.YearToDate, before)
	}
}

// A growth over the year before taken at its nowcast spreads as that of the
// year after a stored figure: the whole of 2025 and of 2026 come from the
// same months' proportion to the whole of 2024, and their ratio's
// uncertainty is 2026's rest against 2025's (D₂₆ − D₂₅), one year's,
// whereas 2026's level spreads as 2026's rest against 2024's (D₂₆ − D₂₄),
// learnt from the series' own years two apart. Where the months' share
// of the year has drifted steadily, twice as far in two years as in one,
// the level's interval is the wider.
func TestAGrowthOverAYearAtItsNowcastSpreadsAsOneYears(t *testing.T) {
	years := []int{2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
	values := []float64{100, 106, 112, 119, 126, 133, 141, 149, 158}
	// The months' share of the whole drifts up a point a year: the rest's
	// D moves by the same step each year, so two years apart it has moved
	// twice as far.
	var obs []plancast.Observation
	for i, y := range years {
		obs = append(obs, plancast.Observation{Year: y, Value: (0.62 + 0.01*float64(i)) * values[i]})
	}
	obs = append(obs, plancast.Observation{Year: 2025, Value: 0.71 * 166}, plancast.Observation{Year: 2026, Value: 0.72 * 174})
	series := []plancast.Series{{Region: "r", Indicator: "gdp", Period: "jan-sep", Observations: obs}}
	a, err := Assess(plancast.Target{Region: "r", Indicator: "gdp", Plan: "2026-annual", Kind: plancast.TargetGrowth, Year: 2026, Value: 5}, gdp, years, values, Options{YearToDate: series})
	if err != nil {
		t.Fatal(err)
	}
	if a.YearToDate == nil || a.YearToDate.PriorNowcast == nil {
		t.Fatalf("not judged on the year to date: %s", a.Explanation)
	}
	before, n := *a.YearToDate.PriorNowcast, a.YearToDate.Nowcast
	level := math.Log(n.Hi95 / n.Lo95)
	growth := math.Log((100 + a.Projected.Hi95) / (100 + a.Projected.Lo95))
	if !(growth < 0.9*level) {
		t.Errorf("the growth over 2025 at %.1f spreads %.4f on the log scale, the level of 2026 %.4f: want the growth's narrower, its rest's drift one year's", before, growth, level)
	}
}

// A year to date of a year two after the latest figure, with the same
// months of the year before but not of the latest year's, cannot be
// related to a whole year: the answer says that 2026's January–September
// (−16.7%) is stored and not read, and why, instead of judging on the
// yearly model in silence.
func TestAYearToDateThatCannotReachTheLatestFigureIsSaid(t *testing.T) {
	series := []plancast.Series{{Region: "t18", Indicator: "gdp", Period: "jan-sep", Observations: t18JanSep.Observations[1:]}}
	a, err := Assess(t18Growth(2026), gdp, t18Years, t18Values, Options{YearToDate: series})
	if err != nil {
		t.Fatal(err)
	}
	if a.YearToDate != nil {
		t.Fatalf("judged on %+v, with no January–September of 2024 to relate it to a whole year", *a.YearToDate)
	}
	for _, c := range []struct{ got, want string }{
		{a.Explanation, "the January–September figure of 2026 (120, -16.7% on a year before) was not read: relating it to a whole year needs the January–September figures of every year from 2024, the latest year with a yearly figure, and none is stored for 2024"},
		{a.ExplanationZh, "未采用2026年1—9月数据（120，同比下降16.7%）：推算全年需要自2024年（最近有全年数据的年份）起各年的1—9月数据，尚缺2024年"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("explanation %q lacks %q", c.got, c.want)
		}
	}
	// The latest year's months at or above its whole figure are said as
	// for the year after it.
	over := []plancast.Series{{Region: "t18", Indicator: "gdp", Period: "jan-sep", Observations: []plancast.Observation{{Year: 2024, Value: 190}, {Year: 2025, Value: 144}, {Year: 2026, Value: 120}}}}
	b, err := Assess(t18Growth(2026), gdp, t18Years, t18Values, Options{YearToDate: over})
	if err != nil {
		t.Fatal(err)
	}
	if want := "the January–September figures were not read: 2024's (190) is not below the whole of 2024 (189)"; b.YearToDate != nil || !strings.Contains(b.Explanation, want) {
		t.Errorf("explanation %q, want %q", b.Explanation, want)
	}
}
