package plancast_test

import (
	"fmt"
	"testing"

	"github.com/plancast/plancast"
)

func TestAPlansSpanIsItsFiveYearsOrItsOneYear(t *testing.T) {
	for _, c := range []struct {
		plan     string
		from, to int
	}{
		{"1st-fyp", 1953, 1957},
		{"2nd-fyp", 1958, 1962},
		{"3rd-fyp", 1966, 1970}, // after the readjustment of 1963–1965
		{"11th-fyp", 2006, 2010},
		{"12th-fyp", 2011, 2015},
		{"13th-fyp", 2016, 2020},
		{"14th-fyp", 2021, 2025},
		{"15th-fyp", 2026, 2030},
		{"2021-annual", 2021, 2021},
		{"2030-annual", 2030, 2030},
	} {
		from, to, ok := plancast.PlanSpan(c.plan)
		if !ok || from != c.from || to != c.to {
			t.Errorf("PlanSpan(%q) = %d, %d, %v; want %d–%d", c.plan, from, to, ok, c.from, c.to)
		}
	}
	for _, plan := range []string{"", "14th", "fyp", "0th-fyp", "14-fyp", "十四五", "2021", "21-annual", "14th-FYP"} {
		if from, to, ok := plancast.PlanSpan(plan); ok {
			t.Errorf("PlanSpan(%q) = %d, %d, true; want no plan", plan, from, to)
		}
	}
}

func TestTheFiveYearPlanOfAYearIsTheOneWhoseSpanHoldsIt(t *testing.T) {
	for year := 1900; year <= 2150; year++ {
		plan, ok := plancast.FiveYearPlanOf(year)
		readjustment := year >= 1963 && year <= 1965
		if year < 1953 || readjustment {
			if ok {
				t.Errorf("FiveYearPlanOf(%d) = %q; want none", year, plan)
			}
			continue
		}
		if from, to, spans := plancast.PlanSpan(plan); !ok || !spans || year < from || year > to {
			t.Errorf("FiveYearPlanOf(%d) = %q, %v (%d–%d); want the plan whose span holds it", year, plan, ok, from, to)
		}
	}
	for year, want := range map[int]string{1953: "1st-fyp", 1962: "2nd-fyp", 1966: "3rd-fyp", 2020: "13th-fyp", 2023: "14th-fyp",
		2075: "24th-fyp", 2080: "25th-fyp", 2065: "22nd-fyp", 2070: "23rd-fyp", 2030: "15th-fyp", 2005: "10th-fyp", 2010: "11th-fyp"} {
		if got, _ := plancast.FiveYearPlanOf(year); got != want {
			t.Errorf("FiveYearPlanOf(%d) = %q, want %q", year, got, want)
		}
	}
}

// The 14th Five-Year Plan's outline set long-range goals for 2035 beside
// its own; the plans to the 16th keep them. No other plan's target is for
// a year outside its span.
func TestOnlyTheFiveYearPlansFromThe14thTo16thSetLongRangeGoalsFor2035(t *testing.T) {
	for n := 1; n <= 20; n++ {
		plan := fmt.Sprintf("%dth-fyp", n)
		want := n >= 14 && n <= 16
		if got := plancast.LongRangeGoalOf(plan, 2035); got != want {
			t.Errorf("LongRangeGoalOf(%q, 2035) = %v, want %v", plan, got, want)
		}
		if plancast.LongRangeGoalOf(plan, 2036) || plancast.LongRangeGoalOf(plan, 2034) {
			t.Errorf("LongRangeGoalOf(%q) holds a year other than 2035", plan)
		}
	}
	if plancast.LongRangeGoalOf("2021-annual", 2035) || plancast.LongRangeGoalOf("2035-annual", 2035) {
		t.Error("an annual plan sets no long-range goal")
	}
}
