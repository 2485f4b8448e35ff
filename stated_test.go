package plancast_test

import (
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// near reports whether got is within rel of want, relatively.
func near(got, want, rel float64) bool { return math.Abs(got-want) <= rel*math.Max(1, math.Abs(want)) }

// Each year takes the gap of the shortest statement covering it, a year
// after the covered ones the mean of the last five, and a year before them
// the mean of the first five.
func TestTheGapOfEachYear(t *testing.T) {
	years := []int{2010, 2014, 2015, 2016}
	values := []float64{100, 140, 150, 160}
	stated := []plancast.StatedGrowth{
		{BaseYear: 2010, Year: 2015, Percent: 6},    // 2011–2015 on average
		{BaseYear: 2014, Year: 2015, Percent: 5},    // 2015 on its own
		{BaseYear: 2015, Year: 2016, Percent: 4},    // 2016
		{BaseYear: 2012, Year: 2013, Percent: 3},    // 2012 is not stored: no gap from it
		{BaseYear: 2015, Year: 2016, Percent: -100}, // not a growth
	}
	g := plancast.MeasureStatedGap(years, values, stated)
	avg := math.Log(150.0/100)/5 - math.Log(1.06)
	y2015 := math.Log(150.0/140) - math.Log(1.05)
	y2016 := math.Log(160.0/150) - math.Log(1.04)
	want := map[int]float64{2011: avg, 2012: avg, 2013: avg, 2014: avg, 2015: y2015, 2016: y2016}
	for y, d := range want {
		if !near(g.Year(y), d, 1e-12) {
			t.Errorf("gap of %d = %.6f, want %.6f", y, g.Year(y), d)
		}
	}
	mean := (2*avg + y2015 + y2016 + avg) / 5 // 2012–2016
	if !near(g.Mean, mean, 1e-12) || g.From != 2011 || g.To != 2016 {
		t.Errorf("mean gap %.6f over (%d, %d], want %.6f over (2011, 2016]", g.Mean, g.From, g.To, mean)
	}
	if g.Year(2017) != g.Mean {
		t.Errorf("gap of 2017, after the covered years = %.6f, want the mean of the last five %.6f", g.Year(2017), g.Mean)
	}
	if first := (4*avg + y2015) / 5; !near(g.Year(2010), first, 1e-12) { // 2011–2015
		t.Errorf("gap of 2010, before the covered years = %.6f, want the mean of the first five %.6f", g.Year(2010), first)
	}
	for _, y := range []int{2010, 2017} {
		if g.Measured(y) {
			t.Errorf("year %d, which no statement covers, is said to have a gap of its own", y)
		}
	}
	for y := range want {
		if !g.Measured(y) {
			t.Errorf("year %d, which a statement covers, is said to take the mean", y)
		}
	}
	if got := g.Over(2015, 2018); !near(got, y2016+2*mean, 1e-12) {
		t.Errorf("gap over 2016–2018 = %.6f, want 2016's and twice the mean, %.6f", got, y2016+2*mean)
	}
	if plancast.MeasureStatedGap(years, values, []plancast.StatedGrowth{{BaseYear: 2011, Year: 2012, Percent: 5}}) != nil {
		t.Error("a statement whose levels are not stored measured a gap")
	}
}

// A nil gap (no figure states its growth) is no gap: every year's is zero.
func TestNoStatedGrowthIsNoGap(t *testing.T) {
	obs := []plancast.Observation{{Year: 2015, Value: 88.9}, {Year: 2020, Value: 120.8}}
	g := plancast.StatedGapOf(obs)
	if g != nil {
		t.Fatalf("a gap from figures that state no growth: %+v", g)
	}
	if g.Year(2021) != 0 || g.Over(2015, 2025) != 0 || g.Measured(2020) {
		t.Error("a nil gap is not zero")
	}
}

// StatedGapOf reads the growth off the observations: Houma's 5.3% a year
// over 2016–2020 against levels from 88.9 to 120.8.
func TestTheGapOfObservations(t *testing.T) {
	g53 := 5.3
	obs := []plancast.Observation{{Year: 2020, Value: 120.8, Growth: &g53, GrowthBaseYear: 2015}, {Year: 2015, Value: 88.9}}
	g := plancast.StatedGapOf(obs)
	want := math.Log(120.8/88.9)/5 - math.Log(1.053)
	if g == nil || !near(g.Mean, want, 1e-12) || g.From != 2015 || g.To != 2020 {
		t.Fatalf("gap %+v, want mean %.6f over (2015, 2020]", g, want)
	}
	if got := g.Over(2020, 2021); !near(got, want, 1e-12) {
		t.Errorf("gap of 2021 = %.6f, want the mean of 2016–2020, %.6f", got, want)
	}
}

// quwoGDP is Quwo's GDP as first published, 2015–2024, with the growths
// its bureau stated for 2021–2024 (8.6, 5.1, 4.2, 4.8 at comparable
// prices), and quwoCensus the 5th economic census's revision of 2022–2024
// (published 2025-12-28, 2.6–3.4% higher), pushed from a table without a
// growth column (/tmp/uat33/a/repro: quwo_bundle.json and census.csv).
func quwoGDP() []plancast.Observation {
	values := []float64{82.3, 85.1, 95.2, 103.4, 110.6, 112.9, 128.7, 138.5, 141.2, 147.9}
	stated := map[int]float64{2021: 8.6, 2022: 5.1, 2023: 4.2, 2024: 4.8}
	var out []plancast.Observation
	for i, v := range values {
		y := 2015 + i
		o := plancast.Observation{Region: "quwo", Indicator: "gdp", Period: plancast.PeriodYear, Year: y, Value: v, Status: plancast.StatusFinal,
			Published: plancast.NewDate(y+1, time.March, 20)}
		if g, ok := stated[y]; ok {
			o.Growth = &g
		}
		out = append(out, o)
	}
	return out
}

func quwoCensus() []plancast.Observation {
	published := plancast.NewDate(2025, time.December, 28)
	var out []plancast.Observation
	for y, v := range map[int]float64{2022: 142.1, 2023: 146.0, 2024: 152.3} {
		out = append(out, plancast.Observation{Region: "quwo", Indicator: "gdp", Period: plancast.PeriodYear, Year: y, Value: v, Status: plancast.StatusFinal, Published: published})
	}
	return out
}

// yearsValuesOf are the values served of vintages: the latest of each year.
func yearsValuesOf(vintages []plancast.Observation) ([]int, []float64, plancast.Series) {
	s := plancast.LatestVintages(vintages, plancast.Date{})[0]
	years, values := s.YearsValues()
	return years, values, s
}

// A census that revises the levels of 2022–2024 without stating their
// growth again leaves the growths stated with their first releases
// standing, each measured on the levels it was published with: every
// year's gap, and so every growth judged on them, is the one measured
// before the revision, and the statements are marked as of an earlier
// vintage.
func TestACensusRevisionKeepsTheGrowthsStatedBeforeIt(t *testing.T) {
	first := quwoGDP()
	all := append(slices.Clone(first), quwoCensus()...)

	got := plancast.StatedGrowthsOf(all, plancast.Date{})
	want := []plancast.StatedGrowth{
		{BaseYear: 2020, Year: 2021, Percent: 8.6, Level: 128.7, BaseLevel: 112.9, Published: plancast.NewDate(2022, time.March, 20)},
		{BaseYear: 2021, Year: 2022, Percent: 5.1, Level: 138.5, BaseLevel: 128.7, Published: plancast.NewDate(2023, time.March, 20), Earlier: true},
		{BaseYear: 2022, Year: 2023, Percent: 4.2, Level: 141.2, BaseLevel: 138.5, Published: plancast.NewDate(2024, time.March, 20), Earlier: true},
		{BaseYear: 2023, Year: 2024, Percent: 4.8, Level: 147.9, BaseLevel: 141.2, Published: plancast.NewDate(2025, time.March, 20), Earlier: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("statements after the census:\n%+v\nwant\n%+v", got, want)
	}

	// The series served after the census carries them, and its gap is the
	// one measured before it, year by year.
	years, values, served := yearsValuesOf(all)
	if !reflect.DeepEqual(served.StatedGrowths(), want) {
		t.Errorf("the series read from the vintages states %+v, want %+v", served.StatedGrowths(), want)
	}
	beforeYears, beforeValues, beforeSeries := yearsValuesOf(first)
	before := plancast.MeasureStatedGap(beforeYears, beforeValues, beforeSeries.StatedGrowths())
	after := plancast.MeasureStatedGap(years, values, served.StatedGrowths())
	for y := 2016; y <= 2026; y++ {
		if !near(after.Year(y), before.Year(y), 1e-12) {
			t.Errorf("gap of %d after the census %.6f, want %.6f as before it", y, after.Year(y), before.Year(y))
		}
	}
	if !near(after.Mean, before.Mean, 1e-12) || after.From != 2020 || after.To != 2024 || !near(math.Expm1(before.Mean), 0.0126, 0.01) {
		t.Errorf("mean gap %.5f over (%d, %d], want %.5f (1.3%% a year) over (2020, 2024] as before the census", after.Mean, after.From, after.To, before.Mean)
	}
	b := after.Basis(2020, 2025)
	if b == nil || !near(b.Gap, math.Expm1(before.Mean), 1e-12) || b.From != 2020 || b.To != 2024 || !slices.Equal(b.Earlier, []int{2022, 2023, 2024}) {
		t.Errorf("basis of 2021–2025 %+v, want the 2021–2024 gap with 2022–2024 of earlier vintages", b)
	}
	// Measured on the revised levels instead, 2022's gap takes the
	// census's level step for a price change.
	onRevised := plancast.MeasureStatedGap(years, values, []plancast.StatedGrowth{{BaseYear: 2021, Year: 2022, Percent: 5.1}})
	if near(onRevised.Year(2022), before.Year(2022), 0.01) {
		t.Errorf("the revised levels measure 2022's gap as %.4f, the first release's %.4f: the test shows nothing", onRevised.Year(2022), before.Year(2022))
	}
}

// As the figures stood before the census, and for a series never revised,
// the statements are the figures' own on their own levels: nothing to add.
func TestUnrevisedFiguresStateTheirOwnGrowth(t *testing.T) {
	all := append(quwoGDP(), quwoCensus()...)
	if got := plancast.StatedGrowthsOf(all, plancast.NewDate(2025, time.December, 27)); got != nil {
		t.Errorf("as of the day before the census: %+v, want nil (the figures' own)", got)
	}
	if got := plancast.StatedGrowthsOf(quwoGDP(), plancast.Date{}); got != nil {
		t.Errorf("figures of one vintage each: %+v, want nil", got)
	}
	s := plancast.LatestVintages(quwoGDP(), plancast.Date{})[0]
	if s.Stated != nil || len(s.StatedGrowths()) != 4 || s.StatedGrowths()[0] != (plancast.StatedGrowth{BaseYear: 2020, Year: 2021, Percent: 8.6}) {
		t.Errorf("the series of first releases states %+v (Stated %+v), want the figures' own", s.StatedGrowths(), s.Stated)
	}
}

// A revision that states the growth again replaces the earlier statement,
// measured on its own levels and its base as then published; a withdrawal
// takes the statement back, and the figure pushed again without a growth
// states none; so does the value that stated it pushed again saying none.
func TestARestatedOrWithdrawnGrowthReplacesTheEarlierOne(t *testing.T) {
	census := quwoCensus()
	for i := range census {
		g := map[int]float64{2022: 5.3, 2023: 4.0, 2024: 5.0}[census[i].Year]
		census[i].Growth = &g
	}
	all := append(quwoGDP(), census...)
	years, values, served := yearsValuesOf(all)
	g := plancast.MeasureStatedGap(years, values, served.StatedGrowths())
	for y, want := range map[int][3]float64{2022: {5.3, 142.1, 128.7}, 2023: {4.0, 146.0, 142.1}, 2024: {5.0, 152.3, 146.0}} {
		if d := math.Log(want[1]/want[2]) - math.Log1p(want[0]/100); !near(g.Year(y), d, 1e-12) {
			t.Errorf("gap of %d %.6f, want the census's own %.1f%% on %.1f over %.1f: %.6f", y, g.Year(y), want[0], want[1], want[2], d)
		}
	}
	if b := g.Basis(2020, 2025); len(b.Earlier) != 0 {
		t.Errorf("basis %+v names earlier vintages, but every year states its growth with its figure", b)
	}

	jan2026 := plancast.NewDate(2026, time.January, 5)
	gone := plancast.Observation{Region: "quwo", Indicator: "gdp", Period: plancast.PeriodYear, Year: 2023, Status: plancast.StatusWithdrawn, Published: jan2026}
	again := plancast.Observation{Region: "quwo", Indicator: "gdp", Period: plancast.PeriodYear, Year: 2023, Value: 146.5, Status: plancast.StatusFinal, Published: plancast.NewDate(2026, time.January, 6)}
	for _, c := range []struct {
		name     string
		vintages []plancast.Observation
	}{
		{"withdrawn", append(append(quwoGDP(), quwoCensus()...), gone)},
		{"pushed again without a growth", append(append(quwoGDP(), quwoCensus()...), gone, again)},
		// 2023's first release (141.2) pushed again saying no growth takes
		// its 4.2% back.
		{"the same value saying none", append(append(quwoGDP(), quwoCensus()...), plancast.Observation{Region: "quwo", Indicator: "gdp", Period: plancast.PeriodYear, Year: 2023, Value: 141.2, Status: plancast.StatusFinal, Published: jan2026})},
	} {
		for _, s := range plancast.StatedGrowthsOf(c.vintages, plancast.Date{}) {
			if s.Year == 2023 {
				t.Errorf("%s: 2023 still states %+v", c.name, s)
			}
		}
	}
}

// A year no statement covers takes the gap of the five covered years
// before it, not of years after it: an observed 2021 between statements of
// 2016–2020 and 2022–2023 keeps its gap, and the years it cites, when
// 2024's statement arrives.
func TestAYearWithoutAStatementTakesTheGapOfTheYearsBeforeIt(t *testing.T) {
	years := []int{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
	values := []float64{100, 108, 117, 126, 135, 141, 152, 166, 172, 184}
	stated := []plancast.StatedGrowth{
		{BaseYear: 2015, Year: 2016, Percent: 7}, {BaseYear: 2016, Year: 2017, Percent: 6.9},
		{BaseYear: 2017, Year: 2018, Percent: 6.6}, {BaseYear: 2018, Year: 2019, Percent: 6.2},
		{BaseYear: 2019, Year: 2020, Percent: 2.4},
		{BaseYear: 2021, Year: 2022, Percent: 3.0}, {BaseYear: 2022, Year: 2023, Percent: 5.2},
	}
	g := plancast.MeasureStatedGap(years, values, stated)
	var want float64
	for y := 2016; y <= 2020; y++ {
		want += g.Year(y) / 5
	}
	later := plancast.MeasureStatedGap(years, values, append(slices.Clone(stated), plancast.StatedGrowth{BaseYear: 2023, Year: 2024, Percent: 0.5}))
	for name, g := range map[string]*plancast.StatedGap{"before 2024's statement": g, "with it": later} {
		if !near(g.Year(2021), want, 1e-12) {
			t.Errorf("%s: gap of 2021 %.6f, want the mean of 2016–2020 %.6f", name, g.Year(2021), want)
		}
		if b := g.Basis(2020, 2021); b.From != 2015 || b.To != 2020 || !near(b.Gap, math.Expm1(want), 1e-12) {
			t.Errorf("%s: basis of 2021 %+v, want %.5f over (2015, 2020]", name, b, math.Expm1(want))
		}
	}
	// After the last statement the recent gap is carried forward: 2025
	// takes the last five covered years, 2019–2020 and 2022–2024.
	var recent float64
	for _, y := range []int{2019, 2020, 2022, 2023, 2024} {
		recent += later.Year(y) / 5
	}
	if !near(later.Year(2025), recent, 1e-12) || later.From != 2018 || later.To != 2024 {
		t.Errorf("gap of 2025 %.6f over (%d, %d], want %.6f over (2018, 2024]", later.Year(2025), later.From, later.To, recent)
	}
}
