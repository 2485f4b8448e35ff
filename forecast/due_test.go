package forecast

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// An assessment made after the target year, or after years whose figures are
// missing, says which ended years it projects: a planner reading Houma's
// 2025 target in November 2026 expects the outcome, and the answer must say
// that it is still a projection from 2020. The judgement itself does not
// depend on the date.
func TestAnAssessmentSaysWhichEndedYearsItProjects(t *testing.T) {
	level := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 250}
	growth := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}
	later := level
	later.Plan, later.Year, later.Value = "15th-fyp", 2030, 350
	reached := level
	reached.Value = 100
	day := func(y int, m time.Month, d int) plancast.Date { return plancast.NewDate(y, m, d) }
	for _, c := range []struct {
		name   string
		target plancast.Target
		asOf   plancast.Date
		due    *plancast.YearSpan
		en, zh string
	}{
		{"the five-year target, judged in November 2026", level, day(2026, 11, 22), &plancast.YearSpan{From: 2021, To: 2025},
			"; 2021–2025 have ended but no figures of them are stored: they are projected", "；2021—2025年已结束，但尚无这些年份的数据，按预测值判断"},
		{"the five-year target, judged the day the report was given", level, day(2021, 4, 20), nil, "", ""},
		{"the five-year target, judged on the last day of 2021", level, day(2021, 12, 31), nil, "", ""},
		{"the annual target, judged in March 2022", growth, day(2022, 3, 1), &plancast.YearSpan{From: 2021, To: 2021},
			"; 2021 has ended but no figure of it is stored: it is projected", "；2021年已结束，但尚无该年数据，按预测值判断"},
		{"a 2030 target, judged in 2026: the years ended so far", later, day(2026, 11, 22), &plancast.YearSpan{From: 2021, To: 2025},
			"; 2021–2025 have ended", "；2021—2025年已结束"},
		// Met by 2020's figure, not yet by 2025's: projected as any other.
		{"a target the latest figure already meets", reached, day(2026, 11, 22), &plancast.YearSpan{From: 2021, To: 2025},
			"; 2021–2025 have ended but no figures of them are stored: they are projected", "；2021—2025年已结束"},
		{"no date given", level, plancast.Date{}, nil, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, err := Assess(c.target, gdp, houmaYears, houmaValues, Options{AsOf: c.asOf})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a.FiguresDue, c.due) {
				t.Errorf("figures due %+v, want %+v", a.FiguresDue, c.due)
			}
			undated, err := Assess(c.target, gdp, houmaYears, houmaValues, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Probability != undated.Probability || a.Status != undated.Status || !reflect.DeepEqual(a.Projected, undated.Projected) {
				t.Errorf("the date changed the judgement: %v %s %+v, undated %v %s %+v", a.Probability, a.Status, a.Projected, undated.Probability, undated.Status, undated.Projected)
			}
			if c.due == nil {
				if a.Explanation != undated.Explanation || a.ExplanationZh != undated.ExplanationZh {
					t.Errorf("with nothing due the explanation changed:\n%s\n%s", a.Explanation, undated.Explanation)
				}
				return
			}
			if !strings.HasPrefix(a.Explanation, undated.Explanation) || !strings.Contains(a.Explanation, c.en) {
				t.Errorf("the explanation %q does not add %q to %q", a.Explanation, c.en, undated.Explanation)
			}
			if !strings.Contains(a.ExplanationZh, c.zh) {
				t.Errorf("the Chinese explanation %q does not say %q", a.ExplanationZh, c.zh)
			}
		})
	}
}
