package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A space between a number and its unit (typed, left by an editor or by a
// tool that spaces Chinese from digits, or written &nbsp; in HTML) is no
// reason to miss the figure: the reading is the same as without it.

// spacedReport has a mark (_) wherever a space may stand: between a number
// and its unit or sign, between a growth verb and its rate, between a rate
// and 以上, 以内 or 左右, and inside a year (到 2025 年).
const spacedReport = "侯马市2024年政府工作报告\n\n" +
	"一、2023年工作回顾\n\n" +
	"2023年，全市地区生产总值完成156.3_亿元，同比增长_6.2_%；城镇居民人均可支配收入40123_元，增长_5.1_%；城镇新增就业5900_人。\n\n" +
	"二、2024年工作安排\n\n" +
	"全市地区生产总值力争达到_250_亿元，增长_8.5_%_左右；一般公共预算收入增长_5_%_以上；城镇登记失业率控制在_4.5_%_以内。\n\n" +
	"三、“十四五”时期的主要目标\n\n" +
	"到_2025_年，全市地区生产总值达到_300_亿元，年均增长_7_%。"

// spaces are the white space a report puts between a number and its unit.
var spaces = []struct{ name, s string }{
	{"space", " "},
	{"two spaces", "  "},
	{"no-break space U+00A0", "\u00a0"},
	{"ideographic space U+3000", "\u3000"},
	{"tab", "\t"},
	{"thin space U+2009", "\u2009"},
	{"narrow no-break space U+202F", "\u202f"},
}

// reading is what a candidate says, without where it was read: one line per
// candidate, in order.
func readingOf(ex *Extraction) []string {
	var out []string
	for _, c := range ex.Observations {
		out = append(out, fmt.Sprintf("obs %s %d %s = %g %s growth %v %s bound %q status %s conf %.2f review %v derived %v repaired %v",
			c.Indicator, c.Year, c.Period, c.Value, c.Unit, deref(c.Growth), c.GrowthKind, c.Bound, c.Status, c.Confidence, c.NeedsReview, c.Derived, c.Repaired))
	}
	for _, c := range ex.Targets {
		out = append(out, fmt.Sprintf("target %s %s %s %d = %g %s base %d bound %q conf %.2f review %v",
			c.Indicator, c.Plan, c.Kind, c.Year, c.Value, c.Unit, c.BaseYear, c.Bound, c.Confidence, c.NeedsReview))
	}
	return out
}

func TestTheSpacedReportReadsAsWritten(t *testing.T) {
	// What the report says, read without any space: the reading the spaced
	// texts below must give.
	ex := read(t, strings.ReplaceAll(spacedReport, "_", ""), 0)
	g := obs(t, ex, "gdp", 2023, "year")
	wantValue(t, "gdp 2023", g.Value, 156.3)
	wantGrowth(t, g, 6.2, "yoy")
	wantValue(t, "urban income 2023", obs(t, ex, "urban_disposable_income", 2023, "year").Value, 40123)
	wantValue(t, "new urban jobs 2023", obs(t, ex, "new_urban_jobs", 2023, "year").Value, 5900)
	for _, w := range []struct {
		ind, plan, kind string
		value           float64
		bound           string
	}{
		{"gdp", "2024-annual", "level", 250, ""},
		{"gdp", "2024-annual", "growth", 8.5, "about"},
		{"budget_revenue", "2024-annual", "growth", 5, "at_least"},
		{"unemployment_rate", "2024-annual", "ceiling", 4.5, "at_most"},
		{"gdp", "14th-fyp", "level", 300, ""},
		{"gdp", "14th-fyp", "avg_growth", 7, ""},
	} {
		tc := target(t, ex, w.ind, w.plan, w.kind)
		wantValue(t, w.ind+" "+w.plan+" "+w.kind, tc.Value, w.value)
		if tc.Bound != w.bound {
			t.Errorf("%s %s %s: bound %q, want %q", w.ind, w.plan, w.kind, tc.Bound, w.bound)
		}
		wantAccepted(t, ex, tc.Provenance, w.ind+" "+w.plan+" "+w.kind)
	}
}

func TestASpaceBetweenANumberAndItsUnitChangesNothing(t *testing.T) {
	want := readingOf(read(t, strings.ReplaceAll(spacedReport, "_", ""), 0))
	for _, sp := range spaces {
		t.Run(sp.name, func(t *testing.T) {
			input := strings.ReplaceAll(spacedReport, "_", sp.s)
			ex := read(t, input, 0)
			if got := readingOf(ex); !slices.Equal(got, want) {
				t.Errorf("with a %s the reading is\n  %s\nwant, as without it,\n  %s", sp.name, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			// The figure as written is quoted with its space, where it is in the input.
			g := obs(t, ex, "gdp", 2023, "year")
			if wantOrig := "156.3" + sp.s + "亿元"; g.Original != wantOrig || input[g.OriginalStart:g.OriginalEnd] != wantOrig {
				t.Errorf("original %q at %d:%d (input has %q), want %q", g.Original, g.OriginalStart, g.OriginalEnd, input[g.OriginalStart:g.OriginalEnd], wantOrig)
			}
		})
	}
	t.Run("HTML &nbsp;", func(t *testing.T) {
		input := "<html><body><p>" + strings.ReplaceAll(strings.ReplaceAll(spacedReport, "\n\n", "</p>\n<p>"), "_", "&nbsp;") + "</p></body></html>"
		ex := read(t, input, 0)
		if got := readingOf(ex); !slices.Equal(got, want) {
			t.Errorf("with &nbsp; the reading is\n  %s\nwant, as without it,\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		g := obs(t, ex, "gdp", 2023, "year")
		if g.Original != "156.3&nbsp;亿元" {
			t.Errorf("original %q, want the figure as written in the HTML", g.Original)
		}
	})
}

// The report of the issue: the figures of a line with spaces before 亿元 and
// 元 used to give no candidate at all.
func TestTheIssuesSpacedFigures(t *testing.T) {
	ex := read(t, "侯马市2024年政府工作报告\n2023年，全市地区生产总值完成156.3 亿元，同比增长6.2%；城镇居民人均可支配收入40123 元。", 0)
	g := obs(t, ex, "gdp", 2023, "year")
	wantValue(t, "gdp", g.Value, 156.3)
	wantGrowth(t, g, 6.2, "yoy")
	wantAccepted(t, ex, g.Provenance, "gdp 2023")
	wantValue(t, "urban income", obs(t, ex, "urban_disposable_income", 2023, "year").Value, 40123)
}

// Years and dates are read across the same spaces as units.
func TestSpacedYearsAndDates(t *testing.T) {
	t.Run("a dateline 2021 年 4 月 20 日 dates the figures", func(t *testing.T) {
		ex := read(t, "侯马市政府工作报告\n\n2021 年 4 月 20 日\n\n2020年，全市地区生产总值120.8亿元，增长5.3%。", 0)
		if g := obs(t, ex, "gdp", 2020, "year"); g.Published.String() != "2021-04-20" {
			t.Errorf("published %q, want 2021-04-20 from the dateline", g.Published)
		}
	})
	t.Run("到 2025 年 makes a target of the year ahead", func(t *testing.T) {
		ex := read(t, "侯马市2021年政府工作报告\n\n到 2025 年，全市地区生产总值达到250亿元。", 0)
		wantValue(t, "gdp 2025 target", target(t, ex, "gdp", "14th-fyp", "level").Value, 250)
		if len(ex.Observations) != 0 {
			t.Errorf("a target by 2025 read as a figure:\n%s", dump(ex))
		}
	})
	t.Run("比 2019 年 names the year compared with, not the figure's", func(t *testing.T) {
		ex := read(t, "侯马市2021年政府工作报告\n\n全市地区生产总值120.8亿元，比 2019 年增长5.3%。", 0)
		wantValue(t, "gdp 2020", obs(t, ex, "gdp", 2020, "year").Value, 120.8)
	})
	t.Run("建党 100 周年 is 2021", func(t *testing.T) {
		y, why := inferYear("工作总结\n\n今年是建党 100 周年。全市地区生产总值120.8亿元，增长5.3%。")
		if y != 2021 {
			t.Errorf("year %d (%s), want 2021 from the Party's 100th anniversary", y, why)
		}
	})
}

// 占 GDP 的比重: the name after 占 is what a share is taken of, spaced or not.
func TestSpacedShareOfGDP(t *testing.T) {
	ex := read(t, "测试市2023年统计公报\n\n2023年，第二产业增加值占 GDP 的比重为 45 %，全市地区生产总值 120.8 亿元。", 0)
	wantValue(t, "secondary industry share", obs(t, ex, "secondary_industry_share", 2023, "year").Value, 45)
	wantValue(t, "gdp", obs(t, ex, "gdp", 2023, "year").Value, 120.8)
}

// A number does not take a unit from the next line, or across a run of
// layout space (the columns of a table).
func TestANumberDoesNotTakeAFarUnit(t *testing.T) {
	for _, text := range []string{
		"测试市2023年统计公报\n\n2023年，全市地区生产总值完成156.3\n亿元，同比增长6.2%。",
		"测试市2023年统计公报\n\n2023年，全市地区生产总值完成156.3" + strings.Repeat(" ", 8) + "亿元，同比增长6.2%。",
		"测试市2023年统计公报\n\n2023年，全市地区生产总值完成156.3" + strings.Repeat("\t", 4) + "亿元，同比增长6.2%。",
	} {
		ex := read(t, text, 0)
		for _, c := range ex.Observations {
			if c.Indicator == "gdp" {
				t.Errorf("%q: 156.3 took the unit %q: %s", text, c.Original, dump(ex))
			}
		}
	}
}
