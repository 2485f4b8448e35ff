package forecast

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// changzhiRevenue is Changzhi's budget revenue as the mid-term review
// found it: yearly figures to 2024, none for 2025; January–October and
// January–November of 2024 and 2025, January–October of 2026.
func changzhiRevenue() (years []int, values []float64, toDate []plancast.Series, ind plancast.Indicator) {
	years = []int{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
	values = []float64{92.4, 96.24, 105.29, 108.62, 114.18, 120.71, 127.06, 129.54, 139.7, 146.78}
	months := func(period string, figures map[int]float64) plancast.Series {
		s := plancast.Series{Region: "changzhi", Indicator: "budget_revenue", Period: period}
		for y := 2024; y <= 2026; y++ {
			if v, ok := figures[y]; ok {
				s.Observations = append(s.Observations, plancast.Observation{Region: "changzhi", Indicator: "budget_revenue", Period: period, Year: y, Value: v})
			}
		}
		return s
	}
	toDate = []plancast.Series{
		months("jan-oct", map[int]float64{2024: 124.3, 2025: 128.6, 2026: 135.7}),
		months("jan-nov", map[int]float64{2024: 136.1, 2025: 141.2}),
	}
	ind = plancast.Indicator{Code: "budget_revenue", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	return years, values, toDate, ind
}

// One level of a year without a figure per series: Changzhi's 2025, with
// eleven months of it stored, is taken at its January–November's nowcast
// (141.2 in the proportion of 2024's 136.1 to the whole of 2024, 152.3)
// by the projection's year to date, by the 2026 target judged on 2026's
// January–October (the year before its months are read on), and by the
// 15th Five-Year Plan's average growth from 2025, which took the yearly
// model's projected 151.6 and called its base projected. Each explanation
// says where 2025 was taken from, and none says 2025 is projected.
func TestAYearWithoutAFigureIsTakenAtOneLevelFromItsMonths(t *testing.T) {
	years, values, toDate, ind := changzhiRevenue()
	want := 141.2 * 146.78 / 136.1
	asOf, err := plancast.ParseDate("2026-11-23")
	if err != nil {
		t.Fatal(err)
	}

	r, err := Forecast(years, values, Options{Horizon: 6})
	if err != nil {
		t.Fatal(err)
	}
	if y := r.YearToDate(ind, toDate, nil); y == nil || y.Period != "jan-nov" || math.Abs(y.Nowcast.Mean-want) > 1e-9 {
		t.Fatalf("the projection's 2025 from its months %+v, want January–November's %.4f", y, want)
	}

	annual := plancast.Target{Indicator: "budget_revenue", Plan: "2026-annual", Kind: plancast.TargetGrowth, BaseYear: 2025, Year: 2026, Value: 5}
	fyp := plancast.Target{Indicator: "budget_revenue", Plan: "15th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2025, Year: 2030, Value: 5}
	said := "2025, without a yearly figure, is taken at 152.3: its January–November (141.2) in the proportion of 2024's (136.1) to the whole of 2024 (146.78)"
	for _, tg := range []plancast.Target{annual, fyp} {
		a, err := Assess(tg, ind, years, values, Options{YearToDate: toDate, AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Explanation, said) {
			t.Errorf("%s: explanation %q lacks %q", tg.Plan, a.Explanation, said)
		}
		for _, wrong := range []string{"it is projected", "the base year is itself projected"} {
			if strings.Contains(a.Explanation, wrong) {
				t.Errorf("%s: explanation %q says %q of a 2025 taken from its months", tg.Plan, a.Explanation, wrong)
			}
		}
		if !strings.Contains(a.Explanation, "2025 has ended but no figure of it is stored: it is taken from its months") ||
			!strings.Contains(a.ExplanationZh, "2025年已结束，但尚无该年数据，按其年内累计推算") || !a.FiguresDueFromMonths {
			t.Errorf("%s: 2025, ended, is not said to be taken from its months (figures_due_from_months %v): %q", tg.Plan, a.FiguresDueFromMonths, a.Explanation)
		}
		// the level the target asks of its year, from 2025's
		need := want * growthFactor(tg, 2025)
		switch tg.Plan {
		case "2026-annual":
			y := a.YearToDate
			if y == nil || y.Period != "jan-oct" || y.PriorNowcast == nil || math.Abs(*y.PriorNowcast-want) > 1e-9 {
				t.Fatalf("2026 judged on %+v, want its January–October on 2025 at %.4f", y, want)
			}
			// the rest of 2026 needs what takes it from its months to 5% over 2025
			if rest := (need-y.Value)/(want-y.Prior) - 1; y.RequiredRestGrowth == nil || math.Abs(*y.RequiredRestGrowth-rest) > 1e-9 {
				t.Errorf("the rest of 2026 needs %v, want %v (5%% over 2025's %.4f)", y.RequiredRestGrowth, rest, want)
			}
			if later := LaterYearsToDate(ind, years, values, nil, toDate, LimitsOf(ind)); len(later) != 1 || later[0].Nowcast != y.Nowcast {
				t.Errorf("the years to date after 2025 %+v, want 2026's as judged, %+v", later, y.Nowcast)
			}
		case "15th-fyp":
			if a.Progress == nil {
				t.Fatalf("15th-fyp: no progress")
			}
			if v, period, latest, ok := MonthsBase(ind, years, values, nil, toDate, 2025, LimitsOf(ind)); !ok || period != "jan-nov" || latest != 2024 || math.Abs(v-want) > 1e-9 {
				t.Errorf("the base the charts start its path at: %v %q %d %v, want %.4f from January–November", v, period, latest, ok, want)
			}
		}
	}
}
