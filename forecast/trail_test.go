package forecast

import (
	"errors"
	"reflect"
	"testing"

	"github.com/plancast/plancast"
)

// A target's trail has a point on each day its figures or the target
// changed, judged on what was known that day: Houma's 2025 GDP target from
// the plan (2020-12-01, before the report's figures) through a revision of
// 2020, a new year, a mid-term review and a withdrawal.
func TestAssessmentTrailJudgesEachDayOnWhatWasKnownThen(t *testing.T) {
	d := plancast.NewDate
	plan := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025,
		Value: 250, Published: d(2020, 12, 1)}
	review, withdrawal := plan, plan
	review.Value, review.Published = 230, d(2023, 6, 1)
	withdrawal.Withdrawn, withdrawal.Published = true, d(2024, 1, 1)
	fig := func(year int, value float64, published plancast.Date) plancast.Observation {
		return plancast.Observation{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear, Status: plancast.StatusFinal,
			Year: year, Value: value, Published: published}
	}
	vintages := []plancast.Observation{
		fig(2014, 80.1, d(2015, 3, 1)), // before the plan: no point
		fig(2015, 88.9, d(2021, 4, 20)),
		fig(2020, 120.8, d(2021, 4, 20)),
		fig(2020, 124.2, d(2021, 9, 1)),
		fig(2021, 137.5, d(2022, 3, 1)),
		fig(2022, 150, d(2024, 3, 1)), // after the withdrawal: no point
	}
	trail := AssessmentTrail([]plancast.Target{review, withdrawal, plan}, vintages, gdp)

	// Each day is judged as the assessment routes judge it as of that day.
	judged := func(day plancast.Date, target plancast.Target, years []int, values []float64) *plancast.Assessment {
		a, err := Assess(target, gdp, years, values, Options{SkipBacktest: true, AsOf: day})
		if err != nil {
			t.Fatal(err)
		}
		return &a
	}
	want := []struct {
		day          plancast.Date
		figures, set bool
		target       float64 // 0: withdrawn
		judged       *plancast.Assessment
	}{
		// The plan, before the report: only 2014 known, one figure is too few.
		{d(2020, 12, 1), false, true, 250, nil},
		{d(2021, 4, 20), true, false, 250, judged(d(2021, 4, 20), plan, []int{2014, 2015, 2020}, []float64{80.1, 88.9, 120.8})},
		{d(2021, 9, 1), true, false, 250, judged(d(2021, 9, 1), plan, []int{2014, 2015, 2020}, []float64{80.1, 88.9, 124.2})},
		{d(2022, 3, 1), true, false, 250, judged(d(2022, 3, 1), plan, []int{2014, 2015, 2020, 2021}, []float64{80.1, 88.9, 124.2, 137.5})},
		{d(2023, 6, 1), false, true, 230, judged(d(2023, 6, 1), review, []int{2014, 2015, 2020, 2021}, []float64{80.1, 88.9, 124.2, 137.5})},
		{d(2024, 1, 1), false, true, 0, nil},
	}
	if len(trail) != len(want) {
		t.Fatalf("%d points, want %d: %+v", len(trail), len(want), trail)
	}
	for i, w := range want {
		p := trail[i]
		if !p.AsOf.Equal(w.day) || p.Figures != w.figures || p.Set != w.set {
			t.Errorf("point %d: %s figures=%t set=%t, want %s %t %t", i, p.AsOf, p.Figures, p.Set, w.day, w.figures, w.set)
		}
		switch {
		case w.target == 0 && p.Target != nil:
			t.Errorf("%s: target %+v, want it withdrawn", w.day, p.Target)
		case w.target != 0 && (p.Target == nil || p.Target.Value != w.target):
			t.Errorf("%s: target %+v, want %g in force", w.day, p.Target, w.target)
		case !reflect.DeepEqual(p.Assessment, w.judged):
			t.Errorf("%s: judged\n%+v\nwant\n%+v", w.day, p.Assessment, w.judged)
		}
	}
	// By the review, 2022 had ended without a figure: that day's judgement
	// says it projects it.
	if due := trail[4].Assessment.FiguresDue; due == nil || *due != (plancast.YearSpan{From: 2022, To: 2022}) {
		t.Errorf("as of the review, figures due %+v, want 2022", due)
	}
	// With 2014 known alone, the first point cannot be judged and says why.
	if trail[0].Err == nil || errors.Is(trail[0].Err, ErrNoFigures) {
		t.Errorf("first point: %v, want Assess's error for one figure", trail[0].Err)
	}
	if p := trail[1].Assessment; p.RequiredGrowth == nil || *p.RequiredGrowth < 0.155 || *p.RequiredGrowth > 0.158 {
		t.Errorf("as of the report, required growth %v, want about 15.6%%", p.RequiredGrowth)
	}

	// Without any figure by the plan's day, the point says there were none.
	early := AssessmentTrail([]plancast.Target{plan}, vintages[1:3], gdp)
	if len(early) != 2 || !errors.Is(early[0].Err, ErrNoFigures) || early[1].Assessment == nil {
		t.Errorf("trail with no figure before the plan: %+v", early)
	}
	if got := AssessmentTrail(nil, vintages, gdp); len(got) != 0 {
		t.Errorf("no target: %+v, want no point", got)
	}
}
