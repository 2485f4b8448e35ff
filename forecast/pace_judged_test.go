package forecast

import (
	"math"
	"testing"

	"github.com/plancast/plancast"
)

// The pace year and P(meet) judge one threshold. A forest cover, a
// percentage of a whole written to one decimal, of 98.2 … 99.7 in
// 2019–2024 closes 30.1% of its gap to 100 a year (0.3 in 2024): its path
// is 99.79 in 2025, 99.853 in 2026, 99.897 in 2027 and 99.928 in 2028.
// Against a level of 99.9 for 2027, P(meet) judges the exact 99.9 (a
// target short of the limit is judged at itself), so the path meets it in
// 2028, a year late, as P(meet) 22% (at_risk) says. The answer read
// "the target is reached in 2026", a year early, because 99.853 reads
// 99.9 at one decimal: the pace counted as met what P(meet) does not.
//
// A target judged at the limit (99.99 with figures of one decimal: a
// figure meets it exactly when it reads 100) is met by rounding, from
// 99.95 up: P(meet) reads there, the pace reaches there (from 98.0 in
// 2019 the gap narrows 31.6% a year, to 0.066 in 2028 and 0.045 in 2029),
// and the explanation says so in English and Chinese.
func TestThePaceYearReachesATargetWhereItsProbabilityCountsItMet(t *testing.T) {
	forest := plancast.Indicator{Code: "forest_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher, OfWhole: true}
	years := []int{2019, 2020, 2021, 2022, 2023, 2024}
	opt := Options{Limits: LimitsOf(forest)}
	for _, c := range []struct {
		name    string
		first   float64 // 2019's figure; then 98.7, 99.0, 99.3, 99.5, 99.7
		target  float64
		judged  float64 // where P(meet) reads the target
		pace    int
		lag     string
		says    []string
		saysNot []string
	}{
		{"99.9, judged at itself", 98.2, 99.9, 99.9, 2028, "2028", nil,
			[]string{"reached in 2026", "write as"}},
		{"99.99, judged where a figure reads 100", 98.0, 99.99, 99.95, 2029, "2029",
			[]string{"; met from 99.95 up, which figures of one decimal write as 100", "；数据保留一位小数，不低于99.95即记为100，按此判断"}, nil},
	} {
		values := []float64{c.first, 98.7, 99.0, 99.3, 99.5, 99.7}
		o := opt
		o.Horizon, o.Method = 2027-2024, MethodAuto
		res, err := Forecast(years, values, o)
		if err != nil {
			t.Fatal(err)
		}
		closes := math.Pow(0.3/(100-c.first), 1.0/5) - 1 // the gap's change a year
		path := func(y int) float64 { return 100 - 0.3*math.Pow(1+closes, float64(y-2024)) }
		// firstMeeting is the first year the path is at or above v.
		firstMeeting := func(v float64) int {
			y := 2025
			for path(y) < v {
				y++
			}
			return y
		}
		tg := plancast.Target{Indicator: forest.Code, Plan: "15th-fyp", Kind: plancast.TargetLevel, Year: 2027, Value: c.target}
		a, err := Assess(tg, forest, years, values, opt)
		if err != nil {
			t.Fatal(err)
		}
		if want := 1 - res.CDF(2027, c.judged); math.Abs(a.Probability-want) > 1e-12 {
			t.Errorf("%s: P(meet) %v, want P(2027 ≥ %v) = %v", c.name, a.Probability, c.judged, want)
		}
		if got := firstMeeting(c.judged); got != c.pace {
			t.Fatalf("%s: the test's own path meets %v in %d, not %d", c.name, c.judged, got, c.pace)
		}
		if a.PaceYear == nil || *a.PaceYear != c.pace {
			t.Errorf("%s: pace year %s, want %d, the first year the path (%.3f then) is at or above %v, where P(meet) counts the target met (%.3f the year before is not)",
				c.name, paceText(a.PaceYear), c.pace, path(c.pace), c.judged, path(c.pace-1))
		}
		// A pace year by the target year says the path meets the target
		// there; P(meet) must count that level met, and the reverse.
		if a.PaceYear != nil && (*a.PaceYear <= tg.Year) != (path(tg.Year) >= c.judged) {
			t.Errorf("%s: pace year %d for a %d target, but the path's %.3f in %d is judged %v against %v",
				c.name, *a.PaceYear, tg.Year, path(tg.Year), tg.Year, path(tg.Year) >= c.judged, c.judged)
		}
		saysAndNot(t, c.name, a.Explanation, append([]string{"the target is reached in " + c.lag}, c.says[:min(1, len(c.says))]...), c.saysNot)
		if len(c.says) > 1 {
			saysAndNot(t, c.name+" (zh)", a.ExplanationZh, []string{c.lag + "年达到目标", c.says[1]}, nil)
		}
	}
}
