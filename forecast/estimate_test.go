package forecast

import (
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// Linfen's budget revenue: yearly figures to 2025, 2026's January–October
// (121.9, 118.4 a year before), and a work report's 预计全年 for 2026,
// 142.6, pushed as an estimate on 2026-11-20 while the year runs. The 2026
// target (+4%) is not settled by it: "2026 observed: growth 3.3% … (missed,
// off_track)", probability 0, and the 15th Five-Year Plan measured from
// the estimate as its latest figure. The year is judged on its months as
// it was before the estimate came, with a probability, and the estimate is
// quoted as an estimate published before the year ended ("预计"), never as
// observed, 实际 or missed. Published after the year ended, the same
// estimate is the year's figure.
func TestAnEstimateOfTheYearInProgressIsNotItsOutcome(t *testing.T) {
	years := []int{2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025}
	values := []float64{101.2, 104.9, 103.8, 112.6, 123.37, 126.29, 131.12, 138.03}
	var yearly []plancast.Observation
	for i, y := range years {
		yearly = append(yearly, plancast.Observation{Region: "linfen", Indicator: "budget_revenue", Year: y, Value: values[i],
			Status: plancast.StatusFinal, Published: date(t, strconv.Itoa(y+1)+"-03-20")})
	}
	est := plancast.Observation{Region: "linfen", Indicator: "budget_revenue", Year: 2026, Value: 142.6, Status: plancast.StatusEstimate, Published: date(t, "2026-11-20")}
	toDate := []plancast.Series{ytd("jan-oct", 2026, 118.4, 121.9)}
	ind := plancast.Indicator{Code: "budget_revenue", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	annual := plancast.Target{Indicator: "budget_revenue", Plan: "2026-annual", Kind: plancast.TargetGrowth, BaseYear: 2025, Year: 2026, Value: 4}
	fyp := plancast.Target{Indicator: "budget_revenue", Plan: "15th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2025, Year: 2030, Value: 5}
	opt := Options{YearToDate: toDate, AsOf: date(t, "2026-11-23"), Yearly: append(yearly, est)}
	with, withValues := append(years, 2026), append(values, 142.6)

	before, err := Assess(annual, ind, years, values, Options{YearToDate: toDate, AsOf: opt.AsOf})
	if err != nil {
		t.Fatal(err)
	}
	a, err := Assess(annual, ind, with, withValues, opt)
	if err != nil {
		t.Fatal(err)
	}
	if a.Realised != nil || a.Missed() || a.YearToDate == nil || a.Probability != before.Probability || a.Status != before.Status || a.LatestYear != 2025 {
		t.Errorf("2026 with its estimate: realised %v, P %v %s on %+v, latest %d; want it judged on its months as without it (P %v %s), on 2025's figure",
			a.Realised, a.Probability, a.Status, a.YearToDate, a.LatestYear, before.Probability, before.Status)
	}
	for _, c := range []struct{ text, want string }{
		{a.Explanation, "2026 is estimated at 142.6 (+3.3% on 2025) in an estimate published on 2026-11-20, before the year ended: not its figure"},
		{a.ExplanationZh, "2026年预计142.6，比2025年增长3.3%（2026-11-20发布的预计数，发布时该年尚未结束，非全年实际数据，未据以判断）"},
	} {
		if !strings.Contains(c.text, c.want) {
			t.Errorf("explanation %q lacks %q", c.text, c.want)
		}
	}
	for _, wrong := range []string{"observed", "missed", "实际增长", "未实现"} {
		if strings.Contains(a.Explanation+a.ExplanationZh, wrong) {
			t.Errorf("the estimate is read as the outcome (%q): %q / %q", wrong, a.Explanation, a.ExplanationZh)
		}
	}

	f, err := Assess(fyp, ind, with, withValues, opt)
	if err != nil {
		t.Fatal(err)
	}
	if f.LatestYear != 2025 || f.LatestValue != 138.03 || !strings.Contains(f.Explanation, "2026 is estimated at 142.6") {
		t.Errorf("15th-fyp measured from %d's %v (%q), want 2025's 138.03 and the estimate quoted", f.LatestYear, f.LatestValue, f.Explanation)
	}

	// Published after 2026 ended, the estimate is the year's figure.
	late := est
	late.Published = date(t, "2027-01-10")
	o, err := Assess(annual, ind, with, withValues, Options{YearToDate: toDate, AsOf: date(t, "2027-01-12"), Yearly: append(yearly, late)})
	if err != nil {
		t.Fatal(err)
	}
	if o.Realised == nil || o.LatestYear != 2026 {
		t.Errorf("an estimate published after its year: realised %v, latest %d; want the year's figure", o.Realised, o.LatestYear)
	}
}

// date is the date s (YYYY-MM-DD).
func date(t *testing.T, s string) plancast.Date {
	t.Helper()
	d, err := plancast.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
