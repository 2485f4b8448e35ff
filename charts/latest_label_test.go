package charts

import (
	"bytes"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

var secondaryShare = plancast.Indicator{Code: "secondary_industry_share", Name: "Secondary industry share of GDP", NameZh: "第二产业增加值占比",
	Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}

// gaopingSpec is the user test's Gaoping: a chart of ind with the figures
// of years and values, and its 14th-FYP target of kind for 2025 at target.
func gaopingSpec(ind plancast.Indicator, years []int, values []float64, kind string, target float64, lang string) Spec {
	var hist []plancast.Observation
	for i, y := range years {
		hist = append(hist, obs("gaoping", ind.Code, y, values[i]))
	}
	return Spec{Region: plancast.Region{Code: "gaoping", Name: "Gaoping", NameZh: "高平市", Level: plancast.LevelCounty},
		Indicator: ind, History: hist, Lang: lang,
		Targets: []plancast.Target{{Region: "gaoping", Indicator: ind.Code, Plan: "14th-fyp", Kind: kind, Year: 2025, Value: target, BaseYear: 2020}},
		Width:   DefaultWidth, Height: DefaultHeight}
}

// chartText renders s as SVG and returns its text, and whether it was
// drawn in s.Lang (a Chinese chart is drawn in English without a CJK font).
func chartText(t *testing.T, s Spec) (string, bool) {
	t.Helper()
	f, err := historyFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Render(&buf, s, "svg"); err != nil {
		t.Fatal(err)
	}
	return svgText(t, buf.Bytes()), f.lang == s.Lang
}

// A latest figure that misses the target beside it is labelled with the
// decimals that show the miss, as the assessment's explanation, the
// forecast command and the dashboard write it: Gaoping's GDP of 2,799.6
// against its target of 2,800 was "2025: 2,800" beside "14th FYP target
// 2025: 2,800", and a share of 59.96 against 60 "2025: 60%", so that the
// chart read "reached" where everything else says missed.
func TestALatestFigureThatMissesItsTargetIsNotLabelledAsTheTarget(t *testing.T) {
	years := []int{2020, 2021, 2022, 2023, 2024, 2025}
	gdpSpec := func(lang string) Spec {
		return gaopingSpec(gdp, years, []float64{2101.3, 2290.4, 2480.2, 2597.7, 2702.5, 2799.6}, plancast.TargetLevel, 2800, lang)
	}
	shareSpec := func(lang string) Spec {
		return gaopingSpec(secondaryShare, []int{2020, 2022, 2024, 2025}, []float64{55.2, 58.1, 59.5, 59.96}, plancast.TargetShare, 60, lang)
	}
	for _, c := range []struct {
		spec Spec
		want []string
	}{
		{gdpSpec(LangEn), []string{"2025: 2,799.6", "14th FYP target 2025: 2,800"}},
		{gdpSpec(LangZh), []string{"2025年：2,799.6亿元", "十四五目标（2025年）：2,800亿元"}},
		{shareSpec(LangEn), []string{"2025: 59.96%", "14th FYP target 2025: 60%"}},
		{shareSpec(LangZh), []string{"2025年：59.96%", "十四五目标（2025年）：60%"}},
	} {
		text, ok := chartText(t, c.spec)
		if !ok {
			continue // no CJK font here: drawn in English
		}
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s %s: the chart does not read %q; it reads %q", c.spec.Indicator.Code, c.spec.Lang, w, text)
			}
		}
	}
}

// A target is labelled as stated, with the decimals the dashboard writes
// it with, whatever the latest figure: 2,800.4 beside a figure of 2,800 is
// "2,800.4" (four significant digits wrote "2,800" beside "2025: 2,800").
// Only one that would still read as the figure gets more: 2,800.004
// beside 2,800 (the figure then written "2,800.000") is "2,800.004".
func TestATargetIsLabelledApartFromTheLatestFigure(t *testing.T) {
	for _, c := range []struct {
		target float64
		want   []string
	}{
		{2800.4, []string{"2025: 2,800", "14th FYP target 2025: 2,800.4"}},
		{2800.004, []string{"2025: 2,800.000", "14th FYP target 2025: 2,800.004"}},
		{2800, []string{"2025: 2,800", "14th FYP target 2025: 2,800"}},
	} {
		s := gaopingSpec(gdp, []int{2023, 2024, 2025}, []float64{2597.7, 2702.5, 2800}, plancast.TargetLevel, c.target, LangEn)
		text, _ := chartText(t, s)
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("target %v: the chart does not read %q; it reads %q", c.target, w, text)
			}
		}
	}
}

// The latest figure's label keeps the decimals the dashboard shows for the
// same figure (plancast.Decimals: two at most from 1 up, none it does not
// have), where it had four significant digits: Jincheng's 2,455.3 read
// "2,455", Qinshui's 265.51 "265.5" and 34.89 "34.9". A figure far from
// every target keeps them too, and gains none beyond them.
func TestTheLatestFigureIsLabelledWithTheDashboardsDecimals(t *testing.T) {
	for _, c := range []struct {
		v      float64
		ind    plancast.Indicator
		target float64
		want   string
	}{
		{2455.3, gdp, 2600, "2025: 2,455.3"},
		{265.51, gdp, 300, "2025: 265.51"},
		{34.89, secondaryShare, 40, "2025: 34.89%"},
		{33029, gdp, 40000, "2025: 33,029"},
		{120.8, gdp, 150, "2025: 120.8"},
		{147.2405, gdp, 150, "2025: 147.24"},
		{99.996, secondaryShare, 99, "2025: 99.996%"}, // apart from 100, the whole, as before
	} {
		s := gaopingSpec(c.ind, []int{2023, 2024, 2025}, []float64{c.v * 0.9, c.v * 0.95, c.v}, plancast.TargetLevel, c.target, LangEn)
		if c.ind.PercentOfWhole() {
			s.Targets[0].Kind = plancast.TargetShare
		}
		text, _ := chartText(t, s)
		if !strings.Contains(text, c.want) {
			t.Errorf("%v: the chart does not read %q; it reads %q", c.v, c.want, text)
		}
	}
}
