package plancast_test

import (
	"math"
	"slices"
	"testing"

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
