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

// The spread of the rest of the year is the yearly model's one-year spread
// scaled by k = √(12/(12 − m)): on the log scale the rest's 80% interval,
// log((hi − P)/(lo − P)), is k times the model's, log(hi/lo), for a level
// target (the year's figure itself).
func TestYearToDateSpreadIsTheYearlySpreadOfTheMonthsLeft(t *testing.T) {
	level := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetLevel, Year: 2021, Value: 130}
	model, err := Forecast(houmaYears, houmaValues, Options{Horizon: 1, SkipBacktest: true})
	if err != nil {
		t.Fatal(err)
	}
	yearly := model.Points[0]
	for _, c := range []struct {
		period string
		months int
	}{{"q1", 3}, {"h1", 6}, {"jan-sep", 9}, {"jan-nov", 11}} {
		prior := 120.8 * float64(c.months) / 12
		a, err := Assess(level, gdp, houmaYears, houmaValues, Options{YearToDate: []plancast.Series{ytd(c.period, 2021, prior, prior*1.07)}})
		if err != nil {
			t.Fatal(err)
		}
		p, pt := a.YearToDate.Value, a.Projected
		k := math.Log((pt.Hi80-p)/(pt.Lo80-p)) / math.Log(yearly.Hi80/yearly.Lo80)
		if want := math.Sqrt(12 / float64(12-c.months)); !near(k, want, 1e-6) {
			t.Errorf("%s: the rest's 80%% interval is %.4f times the yearly one, want √(12/%d) = %.4f", c.period, k, 12-c.months, want)
		}
		k95 := math.Log((pt.Hi95-p)/(pt.Lo95-p)) / math.Log(yearly.Hi95/yearly.Lo95)
		if want := math.Sqrt(12 / float64(12-c.months)); !near(k95, want, 1e-6) {
			t.Errorf("%s: the rest's 95%% interval is %.4f times the yearly one, want %.4f", c.period, k95, want)
		}
		if !(pt.Lo95 < pt.Lo80 && pt.Lo80 < pt.Mean && pt.Mean < pt.Hi80 && pt.Hi80 < pt.Hi95) || pt.Lo95 <= p {
			t.Errorf("%s: interval %+v not nested above the year to date %g", c.period, pt, p)
		}
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
