package charts

import (
	"math"
	"slices"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// quwoSpec is the chart of Quwo's GDP as read from its vintages: first
// released 2015–2024 with the growths stated for 2021–2024 and, with
// census, the census's revision of 2022–2024 without a growth (the user
// test's quwo_bundle.json and census.csv), and the 14th FYP's 6.5% a year.
func quwoSpec(census bool) Spec {
	d := plancast.NewDate
	stated := map[int]float64{2021: 8.6, 2022: 5.1, 2023: 4.2, 2024: 4.8}
	var vintages []plancast.Observation
	for i, v := range []float64{82.3, 85.1, 95.2, 103.4, 110.6, 112.9, 128.7, 138.5, 141.2, 147.9} {
		o := obs("quwo", "gdp", 2015+i, v)
		o.Published = d(2016+i, 3, 20)
		if g, ok := stated[o.Year]; ok {
			o.Growth = &g
		}
		vintages = append(vintages, o)
	}
	if census {
		for y, v := range map[int]float64{2022: 142.1, 2023: 146.0, 2024: 152.3} {
			o := obs("quwo", "gdp", y, v)
			o.Published = d(2025, 12, 28)
			vintages = append(vintages, o)
		}
	}
	s := plancast.LatestVintages(vintages, plancast.Date{})[0]
	last := s.Observations[len(s.Observations)-1]
	return Spec{Region: plancast.Region{Code: "quwo", Name: "Quwo County", NameZh: "曲沃县", Parent: "linfen", Level: plancast.LevelCounty}, Indicator: gdp,
		History: s.Observations, Stated: s.StatedGrowths(),
		Projection: projection("quwo", "gdp", plancast.Unit100mYuan, last.Year, last.Value, 0.04, 0.04, 5),
		Targets: []plancast.Target{{Region: "quwo", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth,
			BaseYear: 2020, Year: 2025, Value: 6.5}},
		Width: DefaultWidth, Height: DefaultHeight}
}

// A census that revises the levels without restating their growth does not
// move the ring of a growth target: its path still adds the gaps measured
// with the growths stated before the revision, and ends where the
// assessment judges the target, 112.9 · 1.065⁵ · e^D.
func TestACensusRevisionDoesNotMoveAGrowthTargetsRing(t *testing.T) {
	const label = "14th FYP: +6.5% a year"
	before, _ := ringOf(t, quwoSpec(false), label)
	s := quwoSpec(true)
	after, _ := ringOf(t, s, label)
	if after.x != 2025 || math.Abs(after.y-before.y) > 1e-9*before.y {
		t.Errorf("the ring moved from (%v, %.2f) to (%v, %.2f) with the census", before.x, before.y, after.x, after.y)
	}
	years, values := []int{}, []float64{}
	for _, o := range s.History {
		years, values = append(years, o.Year), append(values, o.Value)
	}
	a, err := forecast.Assess(s.Targets[0], gdp, years, values, forecast.Options{SkipBacktest: true, Stated: s.Stated, AsOf: plancast.NewDate(2026, 11, 23)})
	if err != nil {
		t.Fatal(err)
	}
	if a.RequiredGrowth == nil || a.StatedBasis == nil || !slices.Equal(a.StatedBasis.Earlier, []int{2022, 2023, 2024}) {
		t.Fatalf("assessment %+v", a)
	}
	// The level judged: 152.3 grown by the growth required and 2025's gap.
	judged := 152.3 * (1 + *a.RequiredGrowth) * (1 + a.StatedBasis.Gap)
	if math.Abs(after.y-judged) > 1e-6*judged {
		t.Errorf("the ring is at %.2f, the level the assessment judges is %.2f", after.y, judged)
	}
}
