package report

import (
	"strings"
	"testing"
)

// "A达到x，B达到y，分别增长p和q": 分别 pairs the growth rates with the names
// in order, A's p and B's q, though both figures stand nearest to B.
func TestRespectivelyPairsGrowthWithEachNameInOrder(t *testing.T) {
	ex := read(t, "临汾市2026年政府工作报告\n\n一、2025年工作回顾\n\n"+
		"2025年，城镇居民人均可支配收入达到43520元，农村居民人均可支配收入达到21350元，分别增长5.6%和7.1%。", 0)
	urban := obs(t, ex, "urban_disposable_income", 2025, "year")
	wantValue(t, "urban income", urban.Value, 43520)
	wantGrowth(t, urban, 5.6, "yoy")
	wantAccepted(t, ex, urban.Provenance, "urban income 2025")
	rural := obs(t, ex, "rural_disposable_income", 2025, "year")
	wantValue(t, "rural income", rural.Value, 21350)
	wantGrowth(t, rural, 7.1, "yoy")
	if !strings.Contains(strings.Join(rural.Reasons, "; "), "分别") {
		t.Errorf("rural income reasons %q do not say 分别 paired its growth", rural.Reasons)
	}
	// The 2024 levels each follow from their own growth.
	wantValue(t, "derived rural income 2024", obs(t, ex, "rural_disposable_income", 2024, "year").Value, 19930)
	wantValue(t, "derived urban income 2024", obs(t, ex, "urban_disposable_income", 2024, "year").Value, 41210)
}

// 年均分别增长: the averages are paired the same way.
func TestRespectivelyPairsAverageGrowth(t *testing.T) {
	ex := read(t, "临汾市2026年政府工作报告\n\n一、“十四五”及2025年工作回顾\n\n"+
		"过去五年，一般公共预算收入达到152.3亿元，年均增长4.7%；城镇居民人均可支配收入达到43520元，农村居民人均可支配收入达到21350元，年均分别增长5.6%和7.1%。", 0)
	urban := obs(t, ex, "urban_disposable_income", 2025, "year")
	wantGrowth(t, urban, 5.6, "avg_annual")
	rural := obs(t, ex, "rural_disposable_income", 2025, "year")
	wantGrowth(t, rural, 7.1, "avg_annual")
	if urban.GrowthBaseYear != 2020 || rural.GrowthBaseYear != 2020 {
		t.Errorf("growth base years %d and %d, want 2020", urban.GrowthBaseYear, rural.GrowthBaseYear)
	}
}

// "A, and B, up p and q respectively" in English, and 分别 before levels.
func TestRespectivelyPairsInEnglishAndForLevels(t *testing.T) {
	ex := read(t, "In 2025, the per capita disposable income of urban residents reached 43,520 yuan and the per capita disposable income of rural residents reached 21,350 yuan, up 5.6% and 7.1% respectively.", 2025)
	wantGrowth(t, obs(t, ex, "urban_disposable_income", 2025, "year"), 5.6, "yoy")
	wantGrowth(t, obs(t, ex, "rural_disposable_income", 2025, "year"), 7.1, "yoy")

	ex = read(t, "2025年，城镇居民人均可支配收入、农村居民人均可支配收入分别达到43520元和21350元，分别增长5.6%和7.1%。", 2025)
	urban := obs(t, ex, "urban_disposable_income", 2025, "year")
	wantValue(t, "urban income", urban.Value, 43520)
	wantGrowth(t, urban, 5.6, "yoy")
	rural := obs(t, ex, "rural_disposable_income", 2025, "year")
	wantValue(t, "rural income", rural.Value, 21350)
	wantGrowth(t, rural, 7.1, "yoy")
}

// Without a name for each figure the list stays with the nearest name: a
// growth the text gives one indicator is not moved to another.
func TestRespectivelyNeedsANameForEachFigure(t *testing.T) {
	ex := read(t, "2025年，地区生产总值达到2401.2亿元，增长5.3%；城镇居民人均可支配收入达到43520元，增长5.6%，农村居民人均可支配收入达到21350元，分别增长7.1%和6.0%。", 2025)
	wantGrowth(t, obs(t, ex, "urban_disposable_income", 2025, "year"), 5.6, "yoy")
	wantGrowth(t, obs(t, ex, "gdp", 2025, "year"), 5.3, "yoy")
}
