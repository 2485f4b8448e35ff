package charts

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A level target's label writes the pace it needs with the decimals that
// tell it from the history's pace, as the assessment's explanation and the
// forecast command write the two: Yuncheng's urbanization rate (44.6 in
// 2015 to 54.8 in 2025, +1.02 points a year) needs +1.04 points a year for
// 60 in 2030, and the chart read "needs +1.0 points a year" where the
// explanation says +1.04 against +1.02. A growth likewise: 6.34% a year
// against the history's 6.26% is not "6.3%". A pace far from the history's
// keeps its one decimal.
func TestATargetsLabelWritesTheRequiredPaceApartFromTheHistorys(t *testing.T) {
	urbanization := plancast.Indicator{Code: "urbanization_rate", Name: "Urbanization rate", NameZh: "常住人口城镇化率",
		Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}
	years := []int{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025}
	urb := []float64{44.6, 45.9, 47.2, 48.4, 49.6, 50.3, 51.4, 52.2, 53.1, 54.0, 54.8}
	money := []float64{100.0, 106.3, 112.9, 120.0, 127.5, 135.5, 144.0, 153.0, 162.5, 172.7, 183.5}
	for _, c := range []struct {
		ind    plancast.Indicator
		values []float64
		target float64
		lang   string
		want   string
	}{
		{urbanization, urb, 60, LangEn, "15th FYP target 2030: 60%, needs +1.04 points a year"},
		{urbanization, urb, 60, LangZh, "十五五目标（2030年）：60%，需年均提高1.04个百分点"},
		{urbanization, urb, 62, LangEn, "15th FYP target 2030: 62%, needs +1.4 points a year"},
		{gdp, money, 249.5, LangEn, "15th FYP target 2030: 249.5, needs 6.34% a year"},
		{gdp, money, 249.5, LangZh, "十五五目标（2030年）：249.5亿元，需年均增长6.34%"},
		{gdp, money, 280, LangEn, "15th FYP target 2030: 280, needs 8.8% a year"},
	} {
		var hist []plancast.Observation
		for i, y := range years {
			hist = append(hist, obs("yuncheng", c.ind.Code, y, c.values[i]))
		}
		s := Spec{Region: plancast.Region{Code: "yuncheng", Name: "Yuncheng", NameZh: "运城市", Level: plancast.LevelPrefecture},
			Indicator: c.ind, History: hist, Lang: c.lang,
			Targets: []plancast.Target{{Region: "yuncheng", Indicator: c.ind.Code, Plan: "15th-fyp", Kind: plancast.TargetLevel, Year: 2030, Value: c.target, BaseYear: 2025}},
			Width:   DefaultWidth, Height: DefaultHeight}
		text, ok := chartText(t, s)
		if !ok {
			continue // no CJK font here: drawn in English
		}
		if !strings.Contains(text, c.want) {
			t.Errorf("%s %v %s: the chart does not read %q; it reads %q", c.ind.Code, c.target, c.lang, c.want, text)
		}
	}
}
