package charts

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// chainedSpec is Houma's GDP with yearly figures to 2024 (each stating its
// growth when stated is true), January–September of 2024 (110), 2025 (115,
// "+4.0%") and 2026 (122, "+5.5%") and a 2026 target of +5%, as the server
// and plancast chart build the chart's Spec: the projection with its year
// to date, and the year-to-date series the assessment judges on.
func chainedSpec(t *testing.T, stated bool) (Spec, plancast.Target, []int, []float64, forecast.Options) {
	t.Helper()
	years := []int{2020, 2021, 2022, 2023, 2024}
	values := []float64{120.8, 131, 137.5, 145.2, 152}
	growth := []float64{0, 8.0, 4.5, 5.2, 4.4}
	var hist []plancast.Observation
	for i, y := range years {
		o := obs("houma", "gdp", y, values[i])
		if stated && growth[i] != 0 {
			g := growth[i]
			o.Growth = &g
		}
		hist = append(hist, o)
	}
	month := func(y int, v, g float64) plancast.Observation {
		o := plancast.Observation{Region: "houma", Indicator: "gdp", Period: "jan-sep", Year: y, Value: v, Status: plancast.StatusPreliminary}
		if stated && g != 0 {
			o.Growth = &g
		}
		return o
	}
	months := []plancast.Series{{Region: "houma", Indicator: "gdp", Period: "jan-sep",
		Observations: []plancast.Observation{month(2024, 110, 0), month(2025, 115, 4.0), month(2026, 122, 5.5)}}}
	target := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2026-annual", Kind: plancast.TargetGrowth, Year: 2026, Value: 5}
	series := plancast.Series{Region: "houma", Indicator: "gdp", Observations: hist}

	r, err := forecast.Forecast(years, values, forecast.Options{Horizon: 2, Limits: forecast.LimitsOf(gdp)})
	if err != nil {
		t.Fatal(err)
	}
	s := Spec{Region: houma, Indicator: gdp, History: hist, Stated: series.StatedGrowths(), Targets: []plancast.Target{target},
		Projection: &plancast.Projection{Region: "houma", Indicator: "gdp", Unit: gdp.Unit, Method: r.Method, Points: r.Points,
			LastYear: r.LastYear, YearToDate: r.YearToDate(gdp, months, nil)},
		YearToDate: months}
	opt := forecast.Options{SkipBacktest: true, Stated: series.StatedGrowths(), YearToDate: months, Limits: forecast.LimitsOf(gdp)}
	return s, target, years, values, opt
}

// A growth target two years after the latest figure (2026's, with 2024
// the latest yearly figure) is judged on 2026's months through 2025 taken
// at its nowcast from its own (115·152/110 = 158.9), and, where the months
// state their growth, on 2026's months' gap. The chart's ring for it sits
// at that level, the one the rest of the year's required growth is
// measured to (months + rest of 2025 × (1 + required)), not at the yearly
// model's 2025 grown by the carried yearly gap; the source line says
// where 2025's level comes from.
func TestAGrowthTargetTwoYearsAheadIsRingedAtTheLevelTheAssessmentJudges(t *testing.T) {
	for _, stated := range []bool{true, false} {
		name := "stated growth"
		if !stated {
			name = "no stated growth"
		}
		t.Run(name, func(t *testing.T) {
			s, target, years, values, opt := chainedSpec(t, stated)
			a, err := forecast.Assess(target, gdp, years, values, opt)
			if err != nil {
				t.Fatal(err)
			}
			y := a.YearToDate
			if y == nil || y.Year != 2026 || y.PriorNowcast == nil || y.RequiredRestGrowth == nil {
				t.Fatalf("the assessment judges 2026 on no chained year to date: %+v", y)
			}
			if want := 115 * 152 / 110.0; math.Abs(*y.PriorNowcast-want) > 1e-9 {
				t.Fatalf("2025 taken at %.4f, want %.4f", *y.PriorNowcast, want)
			}
			judged := y.Value + (*y.PriorNowcast-y.Prior)*(1+*y.RequiredRestGrowth)
			ring := singleChartRing(t, s)
			if ring.x != 2026 || math.Abs(ring.y-judged) > 1e-6 {
				t.Errorf("ring at (%v, %.4f), want (2026, %.4f): the level the assessment judges the target against", ring.x, ring.y, judged)
			}
			// The comparison rings it at the same level.
			marks, _, _ := targetMarks(RegionSeries{Region: houma, History: s.History, Stated: s.Stated, Projection: s.Projection,
				Targets: s.Targets, YearToDate: s.YearToDate}, gdp, 0)
			if len(marks) != 1 || math.Abs(marks[0].at.y-judged) > 1e-6 {
				t.Errorf("comparison marks %+v, want one ring at %.4f", marks, judged)
			}

			for _, c := range []struct{ lang, want string }{
				{LangEn, "Growth paths from 2025 (2026 plan) start at the 2025 level its January–September figures give (158.9), in the proportion of 2024's to the whole of 2024, as no figure of 2025 is stored yet."},
				{LangZh, "尚无2025年数据，以2025年为基期的增长目标路径（2026年计划）按其1—9月数据推算的2025年水平（158.9）起算，即按2024年1—9月占全年的比例推算。"},
			} {
				fnts, lang, note := newFonts(c.lang)
				f := &figure{fonts: fnts, lang: lang, note: note}
				tl := targetLayers(f, &s, &xy{2024, 152}, nil)
				if got := tl.unobserved.note(c.lang); !strings.Contains(got, c.want) {
					t.Errorf("%s source note %q lacks %q", c.lang, got, c.want)
				}
			}
		})
	}
}

// With a 2025 target beside the 2026 one, each drawn on its own year's
// months' gap, the source line names both years' months, in their order.
func TestTheSourceLineNamesEachYearsMonthsGap(t *testing.T) {
	s, target, _, _, _ := chainedSpec(t, true)
	t2025 := target
	t2025.Plan, t2025.Year = "2025-annual", 2025
	s.Targets = []plancast.Target{target, t2025}
	fnts, lang, note := newFonts(LangEn)
	f := &figure{fonts: fnts, lang: lang, note: note}
	tl := targetLayers(f, &s, &xy{2024, 152}, nil)
	if tl.stated == nil {
		t.Fatal("no stated gap recorded")
	}
	got := statedNote(tl.stated, LangEn)
	want := "in 2025 with the gap of its January–September figures (stated +4.0% on a year before, +4.5% at current prices), as the assessment judges 2025's; " +
		"in 2026 with the gap of its January–September figures (stated +5.5% on a year before, +6.1% at current prices), as the assessment judges 2026's"
	if !strings.Contains(got, want) {
		t.Errorf("source note %q lacks %q", got, want)
	}
}
