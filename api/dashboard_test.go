package api

import (
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// The dashboard's words: figures with separators and at most two decimals,
// plans and kinds in the page's language, an annual plan's year said once.
func TestDashboardWords(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{33029, "33,029"}, {120.8, "120.8"}, {147.2405, "147.24"}, {0.29, "0.29"}, {5.999, "6"}, {-1234.5, "-1,234.5"}} {
		if got := number(c.v); got != c.want {
			t.Errorf("number(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	// A level target is an aggregate's 总量, but a rate's 目标值.
	for _, c := range []struct {
		lang, plan, kind, unit string
		year                   int
		want                   string
	}{
		{"en", "14th-fyp", "level", "100m_yuan", 2025, "14th FYP · level 2025"},
		{"en", "2021-annual", "growth", "100m_yuan", 2021, "2021 plan · growth"},
		{"en", "14th-fyp", "avg_growth", "100m_yuan", 2025, "14th FYP · avg growth 2025"},
		{"zh", "14th-fyp", "level", "100m_yuan", 2025, "十四五 · 总量 2025年"},
		{"zh", "15th-fyp", "level", plancast.UnitPercent, 2030, "十五五 · 目标值 2030年"},
		{"en", "15th-fyp", "level", plancast.UnitPercent, 2030, "15th FYP · level 2030"},
		{"zh", "2021-annual", "ceiling", plancast.UnitPercent, 2021, "2021年计划 · 上限"},
		{"zh", "14th-fyp", "avg_growth", "100m_yuan", 2025, "十四五 · 年均增速 2025年"},
	} {
		if got := planText(c.lang, c.plan, c.kind, c.unit, c.year); got != c.want {
			t.Errorf("planText(%s, %s, %s, %s, %d) = %q, want %q", c.lang, c.plan, c.kind, c.unit, c.year, got, c.want)
		}
	}
	projected := plancast.Assessment{Status: plancast.StatusOffTrack}
	realised := 4.6
	missed := plancast.Assessment{Status: plancast.StatusOffTrack, Realised: &realised}
	if statusText("en", projected) != "off_track" || statusText("zh", projected) != "难以实现" || statusText("zh", plancast.Assessment{Status: "new_status"}) != "new_status" {
		t.Error("statusText: want the code in English, Chinese words in Chinese, the code for an unknown status")
	}
	// A target whose year is observed and missed is not "hard to achieve".
	if statusText("zh", missed) != "未实现" || statusText("en", missed) != "off_track" || dashboardStatus("en", missed) != "missed" || dashboardStatus("en", projected) != "off_track" {
		t.Errorf("an observed miss: %q / %q / %q; want 未实现, the code in downloads, and missed on the dashboard",
			statusText("zh", missed), statusText("en", missed), dashboardStatus("en", missed))
	}
}

// A figure judged against a target is never written as the target when it
// is not it: 4.504 under a ceiling of 4.5, 59.96 short of 60, a growth of
// 8.46% short of 8.5%.
func TestDashboardWritesAFigureApartFromItsTarget(t *testing.T) {
	for _, c := range []struct {
		a    plancast.Assessment
		want string
	}{
		{plancast.Assessment{Kind: plancast.TargetCeiling, TargetValue: 4.5, LatestValue: 4.504}, "4.504"},
		{plancast.Assessment{Kind: plancast.TargetLevel, TargetValue: 60, LatestValue: 59.96}, "59.96"},
		{plancast.Assessment{Kind: plancast.TargetLevel, TargetValue: 250, LatestValue: 120.8}, "120.8"},
		{plancast.Assessment{Kind: plancast.TargetCeiling, TargetValue: 4.5, LatestValue: 4.5}, "4.5"},
	} {
		if got := latestText(c.a); got != c.want {
			t.Errorf("latest %v against %s %v: %q, want %q", c.a.LatestValue, c.a.Kind, c.a.TargetValue, got, c.want)
		}
	}
	realised := 8.4600001
	if got := projectedText("en", plancast.TargetGrowth, 8.5, nil, &realised, 1, forecast.Limits{}); got != "8.46%" {
		t.Errorf("a realised growth of 8.46%% against 8.5%%: %q", got)
	}
	level := 59.96
	if got := projectedText("en", plancast.TargetLevel, 60, nil, &level, 1, forecast.Limits{}); got != "59.96" {
		t.Errorf("a realised 59.96 against 60: %q", got)
	}
}
