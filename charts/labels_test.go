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

// Energy intensity, a work report's common target (万元地区生产总值能耗), is
// labelled in its own language: a Chinese chart read "0.62tce per 10k yuan".
func TestEnergyUnitsAreLabelledInBothLanguages(t *testing.T) {
	for _, c := range []struct{ unit, lang, want string }{
		{"tce_per_10k_yuan", LangZh, "吨标准煤/万元"}, {"tce_per_10k_yuan", LangEn, "tce per 10,000 yuan"},
		{"10k_tce", LangZh, "万吨标准煤"}, {"10k_tce", LangEn, "10,000 tce"},
	} {
		if got := UnitLabel(c.unit, c.lang); got != c.want {
			t.Errorf("UnitLabel(%q, %q) = %q, want %q", c.unit, c.lang, got, c.want)
		}
	}
}
