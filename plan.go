package plancast

import (
	"strconv"
	"strings"
)

// FiveYearPlanSpan returns the first and last year of the n-th Five-Year
// Plan (n ≥ 1). The 1st ran from 1953 to 1957 and the 2nd to 1962; after the
// readjustment of 1963–1965 the 3rd ran from 1966 to 1970, and from it on the
// n-th runs from 1966+5(n−3) to 1970+5(n−3): the 13th 2016–2020, the 14th
// 2021–2025, the 15th 2026–2030.
func FiveYearPlanSpan(n int) (from, to int) {
	if n <= 2 {
		from = 1953 + 5*(n-1)
	} else {
		from = 1966 + 5*(n-3)
	}
	return from, from + 4
}

// PlanSpan returns the years a plan (a code ValidPlan accepts) covers: a
// Five-Year Plan's five years (FiveYearPlanSpan: "14th-fyp" is 2021–2025),
// an annual plan's one year ("2022-annual" is 2022). ok is false for a code
// that names no plan: one ValidPlan refuses, or the 0th Five-Year Plan.
func PlanSpan(plan string) (from, to int, ok bool) {
	if !ValidPlan(plan) {
		return 0, 0, false
	}
	if n, found := strings.CutSuffix(plan, "-fyp"); found {
		k, err := strconv.Atoi(n[:len(n)-2]) // "14th" → 14
		if err != nil || k < 1 {
			return 0, 0, false
		}
		from, to = FiveYearPlanSpan(k)
		return from, to, true
	}
	y, err := strconv.Atoi(strings.TrimSuffix(plan, "-annual"))
	if err != nil {
		return 0, 0, false
	}
	return y, y, true
}

// PlanBaseYear is the year a plan's targets are measured from when they name
// none: the year before its first, the last year of what came before (2020
// for the 14th Five-Year Plan, and for 2021-annual); 0 for a code that
// names no plan.
func PlanBaseYear(plan string) int {
	from, _, ok := PlanSpan(plan)
	if !ok {
		return 0
	}
	return from - 1
}

// FiveYearPlanOf returns the code of the Five-Year Plan whose years hold
// year ("14th-fyp" for 2023); ok is false for a year no Five-Year Plan
// covers (before 1953, and the readjustment of 1963–1965).
func FiveYearPlanOf(year int) (plan string, ok bool) {
	var n int
	switch {
	case year < 1953 || year >= 1963 && year < 1966:
		return "", false
	case year < 1963:
		n = 1 + (year-1953)/5
	default:
		n = 3 + (year-1966)/5
	}
	return Ordinal(n) + "-fyp", true
}

// Ordinal writes n as plan codes and names do: 1st, 2nd, 3rd, 11th, 14th,
// 22nd ("14th-fyp", the charts' "14th FYP").
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// LongRangeGoalYear is the year of the long-range goals (远景目标) that the
// 14th Five-Year Plan's outline set beside its own years ("the outline of
// the 14th Five-Year Plan and the long-range goals for 2035"), and that the
// plans after it, to the 16th (2031–2035), keep: a target of a Five-Year
// Plan from the 14th to the 16th may be for it (LongRangeGoalOf).
const LongRangeGoalYear = 2035

// LongRangeGoalOf says whether a plan may set a target for year as a
// long-range goal outside its own years: year is LongRangeGoalYear and the
// plan is a Five-Year Plan that begins from 2021 (the 14th) to
// LongRangeGoalYear.
func LongRangeGoalOf(plan string, year int) bool {
	from, _, ok := PlanSpan(plan)
	return ok && strings.HasSuffix(plan, "-fyp") && year == LongRangeGoalYear && from >= 2021 && from <= LongRangeGoalYear
}
