package charts

import (
	"testing"

	"github.com/plancast/plancast"
)

// A target written out in text that has no unit column carries its unit, so
// that 400 of "100 million yuan" cannot be read as 400,100 million; growth
// targets are percent whatever the indicator's unit.
func TestTargetValueTextSaysTheUnit(t *testing.T) {
	for _, c := range []struct {
		kind       string
		v          float64
		unit, lang string
		want       string
	}{
		{plancast.TargetLevel, 400, plancast.Unit100mYuan, LangEn, "400 × 100 million yuan"},
		{plancast.TargetLevel, 400, plancast.Unit100mYuan, LangZh, "400亿元"},
		{plancast.TargetLevel, 33029, plancast.UnitYuan, LangEn, "33,029 yuan"},
		{plancast.TargetFloor, 5900, "persons", LangEn, "≥ 5,900 persons"},
		{plancast.TargetCeiling, 4.5, plancast.UnitPercent, LangEn, "≤ 4.5%"},
		{plancast.TargetCeiling, 4.3, plancast.UnitPercent, LangZh, "≤ 4.3%"},
		{plancast.TargetShare, 45, plancast.UnitPercent, LangEn, "45%"},
		{plancast.TargetGrowth, 8.5, plancast.Unit100mYuan, LangEn, "+8.5%"},
		{plancast.TargetAvgGrowth, -2, plancast.UnitYuan, LangZh, "-2%"},
		{plancast.TargetFloor, 1.2, "100m_m3", LangEn, "≥ 1.2 × 100 million m³"},
		{plancast.TargetLevel, 12, "boxes_of_tea", LangEn, "12 boxes of tea"},
	} {
		if got := TargetValueText(c.kind, c.v, c.unit, c.lang); got != c.want {
			t.Errorf("TargetValueText(%s, %v, %s, %s) = %q, want %q", c.kind, c.v, c.unit, c.lang, got, c.want)
		}
	}
}
