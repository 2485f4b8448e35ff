package charts

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

var fai = plancast.Indicator{Code: "fixed_asset_investment", Name: "Fixed-asset investment", NameZh: "固定资产投资", Unit: plancast.Unit100mYuan,
	Kind: plancast.KindLevel, Better: plancast.BetterHigher}

// houmaFAI is the user test's Houma fixed-asset investment: figures of
// 2021–2024 (68.3, 74.9, 80.1, 83), none of 2025 yet, with its real
// projection (forecast.Forecast, as the server draws it) over horizon
// years, and target.
func houmaFAI(t *testing.T, target plancast.Target, horizon int) Spec {
	t.Helper()
	years, values := []int{2021, 2022, 2023, 2024}, []float64{68.3, 74.9, 80.1, 83}
	var hist []plancast.Observation
	for i, y := range years {
		hist = append(hist, obs("houma", fai.Code, y, values[i]))
	}
	res, err := forecast.Forecast(years, values, forecast.Options{Horizon: horizon, Limits: forecast.LimitsOf(fai)})
	if err != nil {
		t.Fatal(err)
	}
	target.Region, target.Indicator = "houma", fai.Code
	return Spec{Region: houma, Indicator: fai, History: hist,
		Projection: &plancast.Projection{Region: "houma", Indicator: fai.Code, Unit: fai.Unit, Method: res.Method, Points: res.Points, LastYear: res.LastYear},
		Targets:    []plancast.Target{target}, Width: DefaultWidth, Height: DefaultHeight}
}

// projectedMean is the mean of s's projection for year.
func projectedMean(t *testing.T, s Spec, year int) float64 {
	t.Helper()
	for _, p := range s.Projection.Points {
		if p.Year == year {
			return p.Mean
		}
	}
	t.Fatalf("no projection of %d", year)
	return 0
}

// A growth target over a base year not yet reached (the 2026 plan's +8% on
// 2025, the latest figure 83 of 2024) grows from the base's projected
// level, the projection's mean of 2025, which the assessment judges the
// growth on: the path starts on the projection in 2025 and its ring sits
// at the level the assessment compares 2026 with (86.3 · 1.08 ≈ 93.2).
// The chart drew the path from the latest figure, through 89.6 in 2025
// (83 · 1.08, a growth no target sets), to a ring at 96.8 (83 · 1.08²).
// The same holds for an average growth a year from such a base (the 15th
// FYP's 6% a year over 2026–2030 from 2025).
func TestAGrowthPathFromABaseNotYetReachedStartsAtItsProjection(t *testing.T) {
	cases := []struct {
		name   string
		target plancast.Target
		label  string
		years  int // over which the growth compounds
	}{
		{"2026 plan: +8% on 2025", plancast.Target{Plan: "2026-annual", Kind: plancast.TargetGrowth, Year: 2026, Value: 8}, "2026 plan: +8%", 1},
		{"15th FYP: 6% a year from 2025", plancast.Target{Plan: "15th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2025, Year: 2030, Value: 6}, "15th FYP: +6% a year", 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := houmaFAI(t, c.target, 6)
			target := s.Targets[0]
			ring, first := ringOf(t, s, c.label)

			// the assessment's base: the target year's projected level over
			// the growth it projects, (1 + G)^years = level / base
			a := assessed(t, s, target)
			if a.Projected == nil {
				t.Fatalf("the assessment projects nothing: %+v", a)
			}
			judgedBase := projectedMean(t, s, target.Year) / math.Pow(1+a.Projected.Mean/100, float64(c.years))
			judged := judgedBase * math.Pow(1+target.Value/100, float64(c.years))

			if first.x != 2025 || math.Abs(first.y-judgedBase) > 1e-9*judgedBase {
				t.Errorf("the path starts at (%v, %.2f), want (2025, %.2f): 2025's projected level, the assessment's base", first.x, first.y, judgedBase)
			}
			if on := projectedMean(t, s, 2025); math.Abs(first.y-on) > 1e-9*on {
				t.Errorf("the path starts at %.2f in 2025, off the projection's %.2f", first.y, on)
			}
			if ring.x != float64(target.Year) || math.Abs(ring.y-judged) > 1e-9*judged {
				t.Errorf("the ring is at (%v, %.2f), want (%d, %.2f), the level the assessment judges the target against (the latest figure grown would be %.2f)",
					ring.x, ring.y, target.Year, judged, 83*math.Pow(1+target.Value/100, float64(target.Year-2024)))
			}
		})
	}
}

// The source line says that a path starts from a projected level, in
// English and Chinese, as the assessment's explanation says its base year
// is itself projected; so does the comparison's, after the region's name,
// with its ring where the single chart's path ends. Once the base year has
// a figure it says nothing of it.
func TestTheSourceLineSaysAPathStartsFromAProjection(t *testing.T) {
	target := plancast.Target{Plan: "2026-annual", Kind: plancast.TargetGrowth, Year: 2026, Value: 8}
	const en = "Growth paths from 2025 (2026 plan) start at the projected 2025 level, as no figure of 2025 is stored yet."
	for _, c := range []struct{ lang, want string }{
		{LangEn, en},
		{LangZh, "尚无2025年数据，以2025年为基期的增长目标路径（2026年计划）按2025年预测水平起算。"},
	} {
		s := houmaFAI(t, target, 5)
		s.Lang = c.lang
		f, err := historyFigure(&s)
		if err != nil {
			t.Fatal(err)
		}
		if f.lang != c.lang {
			continue // no CJK font here: drawn in English
		}
		if !strings.HasSuffix(f.source, c.want) {
			t.Errorf("%s: the source line %q does not end %q", c.lang, f.source, c.want)
		}
	}

	single := houmaFAI(t, target, 5)
	ring, _ := ringOf(t, single, "2026 plan: +8%")
	cs := CompareSpec{Indicator: fai, Series: []RegionSeries{{Region: houma, History: single.History, Projection: single.Projection, Targets: single.Targets}},
		Width: DefaultWidth, Height: DefaultHeight}
	marks, _, _ := targetMarks(cs.Series[0], fai, 0)
	if len(marks) != 1 || marks[0].at != ring {
		t.Errorf("the comparison marks %+v, want one ring at %v", marks, ring)
	}
	cf, err := compareFigure(&cs)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Houma: growth paths from 2025 (2026 plan) start at the projected 2025 level"; !strings.Contains(cf.source, want) {
		t.Errorf("the comparison's source line %q does not say %q", cf.source, want)
	}

	s := houmaFAI(t, target, 5)
	s.History = append(s.History, obs("houma", fai.Code, 2025, 86))
	f, err := historyFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(f.source, "projected 2025") {
		t.Errorf("with a figure of 2025 the source line says %q", f.source)
	}
}
