package charts

import (
	"bytes"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

var emergingShare = plancast.Indicator{Code: "emerging_industry_share", Name: "Emerging industries' share of industrial output", NameZh: "战略性新兴产业占比",
	Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}

// zizhouShare is the user test's share near the whole: 96.0 in 2019 rising
// to 99.95 in 2024, projected (on the logit scale, below 100), against the
// 14th FYP's 99.96 in 2025 and the 2026 plan's floor of 99.9.
func zizhouShare(t *testing.T, lang string) Spec {
	t.Helper()
	years, values := []int{2019, 2020, 2021, 2022, 2023, 2024}, []float64{96.0, 97.2, 98.1, 98.9, 99.6, 99.95}
	var hist []plancast.Observation
	for i, y := range years {
		hist = append(hist, obs("zizhou", emergingShare.Code, y, values[i]))
	}
	res, err := forecast.Forecast(years, values, forecast.Options{Horizon: 5, Limits: forecast.LimitsOf(emergingShare)})
	if err != nil {
		t.Fatal(err)
	}
	zizhou := plancast.Region{Code: "zizhou", Name: "Zizhou County", NameZh: "子洲县", Level: plancast.LevelCounty}
	return Spec{Region: zizhou, Indicator: emergingShare, History: hist, Lang: lang,
		Projection: &plancast.Projection{Region: "zizhou", Indicator: emergingShare.Code, Unit: emergingShare.Unit, Method: res.Method, Points: res.Points, LastYear: res.LastYear},
		Targets: []plancast.Target{
			{Region: "zizhou", Indicator: emergingShare.Code, Plan: "14th-fyp", Kind: plancast.TargetShare, Year: 2025, Value: 99.96},
			{Region: "zizhou", Indicator: emergingShare.Code, Plan: "2026-annual", Kind: plancast.TargetFloor, Year: 2026, Value: 99.9},
		},
		Width: DefaultWidth, Height: DefaultHeight}
}

// A share of 99.95 is labelled "2024: 99.95%" and a target of 99.96
// "14th FYP target 2025: 99.96%", beside the +0.01 points a year it needs:
// both were "100%", which says the share has reached the whole and its
// target, while the label beside it asks for more. The chart's text holds
// no "100%" at all; the floor of 99.9 keeps its one decimal.
func TestAShareNearTheWholeIsNotLabelled100(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []string
	}{
		{LangEn, []string{"2024: 99.95%", "14th FYP target 2025: 99.96%, needs +0.01 points a year", "2026 plan floor: 99.9%"}},
		{LangZh, []string{"2024年：99.95%", "十四五目标（2025年）：99.96%", "2026年计划下限：99.9%"}},
	} {
		s := zizhouShare(t, c.lang)
		f, err := historyFigure(&s)
		if err != nil {
			t.Fatal(err)
		}
		if f.lang != c.lang {
			continue // no CJK font here: drawn in English
		}
		var buf bytes.Buffer
		if err := Render(&buf, s, "svg"); err != nil {
			t.Fatal(err)
		}
		text := svgText(t, buf.Bytes())
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the chart does not read %q; it reads %q", c.lang, w, text)
			}
		}
		if strings.Contains(text, "100%") {
			t.Errorf("%s: the chart reads \"100%%\" of a share below 100: %q", c.lang, text)
		}
	}
}

// A label of a percentage of a whole gets the decimals that keep it apart
// from 100 and from 0, and no more; a value at a limit, and a value of an
// indicator that is no percentage of a whole, are written as before.
func TestAPercentageOfAWholeIsWrittenApartFromItsLimits(t *testing.T) {
	level := gdp
	for _, c := range []struct {
		v    float64
		ind  plancast.Indicator
		want string
	}{
		{99.95, emergingShare, "99.95%"},
		{99.96, emergingShare, "99.96%"},
		{99.996, emergingShare, "99.996%"},
		{99.94, emergingShare, "99.9%"}, // one decimal already below 100
		{100, emergingShare, "100%"},
		{0.004, emergingShare, "0.004%"},
		{0, emergingShare, "0%"},
		{45.3, emergingShare, "45.3%"},
		{99.97, unemp, "99.97%"}, // the unemployment rate is a percentage of a whole too
		{99.95, level, "100"},    // a level of 99.95 亿元 is no share of anything
	} {
		if got := annotValue(c.v, c.ind, LangEn); got != c.want {
			t.Errorf("%s %v: labelled %q, want %q", c.ind.Code, c.v, got, c.want)
		}
	}
}
