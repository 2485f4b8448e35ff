package report

import (
	"strings"
	"testing"
)

// A 分别 (respectively) list pairs its figures with the names it speaks of
// only when there are as many names as figures. With more names or more
// figures which figure is whose is not clear: no name gets any figure of
// the list (they are listed unread, saying why), and none is shifted onto
// the last names or left to the nearest name.
func TestRespectivelyWithAnotherNumberOfNamesPairsNothing(t *testing.T) {
	for _, c := range []struct {
		text  string
		stray []string // indicators that must get no figure of the list
	}{
		// three names, two levels
		{"2023年，地区生产总值、一般公共预算收入、固定资产投资分别达到245.6亿元、12.3亿元。",
			[]string{"gdp", "budget_revenue", "fixed_asset_investment"}},
		// two names, three levels, in both languages
		{"2023年，城镇居民人均可支配收入、农村居民人均可支配收入分别达到43520元、21350元和35000元。",
			[]string{"urban_disposable_income", "rural_disposable_income"}},
		{"In 2023, GDP and general public budget revenue reached 24.56 billion yuan, 1.23 billion yuan and 8.8 billion yuan respectively.",
			[]string{"gdp", "budget_revenue"}},
	} {
		ex := read(t, c.text, 2024)
		for _, o := range ex.Observations {
			t.Errorf("%q: %s %g read from %q (reasons %q), want no figure paired", c.text, o.Indicator, o.Value, o.Original, o.Reasons)
		}
		if len(ex.Unread) == 0 || !strings.Contains(ex.Unread[0].Reason, "which figure is whose is not clear") {
			t.Errorf("%q: unread %+v, want the list's figures unread with the reason", c.text, ex.Unread)
		}
	}

	// Three names each with its level, two growths: the levels stand, the
	// growths go to no one.
	ex := read(t, "2023年，地区生产总值245.6亿元、一般公共预算收入12.3亿元、固定资产投资88亿元，分别增长6.1%、8.2%。", 2024)
	for code, v := range map[string]float64{"gdp": 245.6, "budget_revenue": 12.3, "fixed_asset_investment": 88} {
		o := obs(t, ex, code, 2023, "year")
		wantValue(t, code, o.Value, v)
		if o.Growth != nil {
			t.Errorf("%s given the growth %g of a list of 2 growths for 3 names", code, *o.Growth)
		}
	}
	if got := len(stated(ex)); got != 3 {
		t.Errorf("%d stated observations, want the 3 levels (no level derived from a shifted growth):\n%s", got, dump(ex))
	}
	if len(ex.Unread) != 2 {
		t.Errorf("unread %+v, want the 2 growths", ex.Unread)
	}
}

// The names a list speaks of are those joined right before it: "GDP reached
// x, A and B reached y and z and grew p and q respectively" pairs them with
// A and B, not GDP.
func TestRespectivelyNamesAreTheListBeforeIt(t *testing.T) {
	ex := read(t, "2023年，地区生产总值达到245.6亿元，一般公共预算收入、固定资产投资分别达到12.3亿元和88亿元，分别增长8.2%和3%。", 2024)
	br := obs(t, ex, "budget_revenue", 2023, "year")
	wantValue(t, "budget revenue", br.Value, 12.3)
	wantGrowth(t, br, 8.2, "yoy")
	fai := obs(t, ex, "fixed_asset_investment", 2023, "year")
	wantValue(t, "fixed-asset investment", fai.Value, 88)
	wantGrowth(t, fai, 3, "yoy")
	if g := obs(t, ex, "gdp", 2023, "year").Growth; g != nil {
		t.Errorf("gdp given growth %g", *g)
	}
}

// A decline in a 分别 list stays in the list and keeps its sign, however it
// is written ("和-3%", "、下降3%", "和−3%" with U+2212): the first growth is the
// first name's, the decline the second's, and the level before each follows
// from its own.
func TestRespectivelyListWithADecline(t *testing.T) {
	for _, text := range []string{
		"2023年，一般公共预算收入12.3亿元、固定资产投资88亿元，分别增长8.2%和-3%。",
		"2023年，一般公共预算收入12.3亿元、固定资产投资88亿元，分别增长8.2%、下降3%。",
		"2023年，一般公共预算收入12.3亿元、固定资产投资88亿元，分别增长8.2%和−3%。",
		"2023年，一般公共预算收入12.3亿元、固定资产投资88亿元，分别增长8.2%和－3%。",
	} {
		ex := read(t, text, 2024)
		wantGrowth(t, obs(t, ex, "budget_revenue", 2023, "year"), 8.2, "yoy")
		wantGrowth(t, obs(t, ex, "fixed_asset_investment", 2023, "year"), -3, "yoy")
		wantValue(t, text+" derived 2022 investment", obs(t, ex, "fixed_asset_investment", 2022, "year").Value, 90.72)
		if len(ex.Unread) != 0 {
			t.Errorf("%q: unread %+v", text, ex.Unread)
		}
	}
}

// 依次 ("in that order") pairs a list as 分别 does.
func TestYiciPairsLikeRespectively(t *testing.T) {
	ex := read(t, "2023年，全市实现地区生产总值245.6亿元，一般公共预算收入12.3亿元，依次增长6.1%、8.2%。", 2024)
	wantGrowth(t, obs(t, ex, "gdp", 2023, "year"), 6.1, "yoy")
	wantGrowth(t, obs(t, ex, "budget_revenue", 2023, "year"), 8.2, "yoy")
	wantValue(t, "derived budget revenue 2022", obs(t, ex, "budget_revenue", 2022, "year").Value, 11.37)
}

// A qualifier after a 分别 list (左右, 以上) is every figure's, not the last
// one's alone, as "by over 8% respectively" is both incomes'.
func TestQualifierAfterARespectivelyListIsEveryFiguresOwn(t *testing.T) {
	ex := read(t, "2024年主要预期目标：城镇和农村居民人均可支配收入分别增长6%和7%左右。", 2024)
	for _, code := range []string{"urban_disposable_income", "rural_disposable_income"} {
		if tc := target(t, ex, code, "2024-annual", "growth"); tc.Bound != "about" {
			t.Errorf("%s %g: bound %q, want about", code, tc.Value, tc.Bound)
		}
	}
	ex = read(t, "2024年主要预期目标：地区生产总值、一般公共预算收入、固定资产投资分别增长6%、5%、8%以上。", 2024)
	for _, code := range []string{"gdp", "budget_revenue", "fixed_asset_investment"} {
		if tc := target(t, ex, code, "2024-annual", "growth"); tc.Bound != "at_least" || tc.Note != "at least" {
			t.Errorf("%s %g: bound %q note %q, want at_least", code, tc.Value, tc.Bound, tc.Note)
		}
	}
}
