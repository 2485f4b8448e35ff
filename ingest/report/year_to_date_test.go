package report

import (
	"strings"
	"testing"
)

// 累计 in a year's or a month's figures is the year so far, as statistics
// bureaus write it ("1-11月累计完成…，累计增长…", "全年累计完成…"): the growth
// is year on year and is kept, and the figure is one period's, not flagged.
// Only a 累计 that spans years ("“十四五”以来累计", "五年累计") is a total over
// several years.
func TestCumulativeInAYearToDateSentenceIsTheYearSoFar(t *testing.T) {
	for _, c := range []struct {
		text, period string
	}{
		{"2023年1-11月，全市固定资产投资累计完成88亿元，累计增长12.5%。", "jan-nov"},
		{"2023年，全市全年累计完成固定资产投资88亿元，同比增长12.5%。", "year"},
	} {
		ex := read(t, c.text, 2024)
		fai := obs(t, ex, "fixed_asset_investment", 2023, c.period)
		wantValue(t, c.text, fai.Value, 88)
		wantGrowth(t, fai, 12.5, "yoy")
		if !fai.accepted(ex.Threshold) || strings.Contains(strings.Join(fai.Reasons, "; "), "several years") {
			t.Errorf("%q: review %v, reasons %q: a year-to-date total is not one over several years", c.text, fai.NeedsReview, fai.Reasons)
		}
	}
	for _, text := range []string{
		"“十四五”以来，全市累计完成固定资产投资880亿元，累计增长40%。",
		"过去五年，全市累计完成固定资产投资880亿元，累计增长40%。",
	} {
		ex := read(t, text, 2024)
		if len(stated(ex)) == 0 {
			t.Errorf("%q: nothing read:\n%s", text, dump(ex))
		}
		for _, o := range stated(ex) {
			if o.Growth != nil || o.accepted(ex.Threshold) {
				t.Errorf("%q: %s %g growth %v accepted %v: a total over several years is for review, its growth not kept", text, o.Indicator, o.Value, deref(o.Growth), o.accepted(ex.Threshold))
			}
		}
	}
}
