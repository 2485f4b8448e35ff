package ingest

import (
	"context"
	"fmt"
	"testing"

	"github.com/plancast/plancast"
)

// A row says only what its file has a place for, in one batch as against
// the store: two rows of one figure agree when their values agree and one
// leaves the growth (or the status) unsaid, and the batch keeps what the
// other states. A bureau's workbook has the year's sheet (指标, 单位, 2024年,
// 比上年增长（%）) and a 汇总 sheet of levels alone; pushed together
// (--all-sheets, or the two files in one push) every agreeing figure was
// refused as a conflict: "152.8 here but 152.8, growth 5.2% in ...".

const (
	yearSheetCSV = "指标,单位,2024年,比上年增长(%)\n地区生产总值,亿元,152.8,5.2\n"
	summaryCSV   = "指标,2023年,2024年\n地区生产总值（亿元）,145.1,152.8\n"
)

// mergedBatch parses each file (name, content) alone for Houma and merges
// them, as plancast ingest does with the files of one push.
func mergedBatch(t *testing.T, files ...[2]string) (*Batch, []*Batch) {
	t.Helper()
	merged := &Batch{}
	var each []*Batch
	for _, f := range files {
		b := parseString(t, f[0], f[1], Options{Region: "houma"})
		noProblems(t, b)
		merged.Merge(b)
		each = append(each, b)
	}
	return merged, each
}

func TestARowWithoutAGrowthColumnAgreesWithTheRowThatStatesIt(t *testing.T) {
	for _, order := range [][][2]string{
		{{"f_growth.csv", yearSheetCSV}, {"f_summary.csv", summaryCSV}},
		{{"f_summary.csv", summaryCSV}, {"f_growth.csv", yearSheetCSV}},
	} {
		b, each := mergedBatch(t, order...)
		if rep, err := CheckTogether(each, seedCatalog(t)); rep != nil || err != nil {
			t.Errorf("%s then %s, checked together: %v, %v; want no problem", order[0][0], order[1][0], rep, err)
		}
		st := openStore(t)
		rep, err := Apply(context.Background(), st, b, ApplyOptions{})
		if err != nil {
			t.Fatalf("%s then %s: %v (problems %q); want the batch taken", order[0][0], order[1][0], err, problemTexts(b.Problems))
		}
		if got := counts(rep); got != [4]int{2, 0, 0, 0} {
			t.Errorf("%s then %s: new/revised/unchanged/rejected %v, want 2023 and 2024 new", order[0][0], order[1][0], got)
		}
		if got := storedGDP(t, st, 2024); got != "152.8, growth 5.2%" {
			t.Errorf("%s then %s: 2024 stored as %s, want the growth the year's sheet states (152.8, growth 5.2%%)", order[0][0], order[1][0], got)
		}
	}
}

func TestAllSheetsASummarySheetWithoutGrowthAgreesWithTheYearsSheet(t *testing.T) {
	year := sheetSpec{name: "2024年主要指标", rows: [][]any{{"指标", "单位", "2024年", "比上年增长（%）"},
		{"地区生产总值", "亿元", 152.8, 5.2}, {"城镇居民人均可支配收入", "元", 41460, 5.3}}}
	summary := sheetSpec{name: "汇总", rows: [][]any{{"指标", "2023年", "2024年"},
		{"地区生产总值（亿元）", 145.1, 152.8}, {"城镇居民人均可支配收入（元）", 39380, 41460}}}
	b := parseWorkbook(t, sheetsWorkbook(t, 0, year, summary), Options{AllSheets: true, Region: "houma"})
	noProblems(t, b)
	var got []string
	for _, o := range b.Observations {
		got = append(got, fmt.Sprintf("%s %d: %s", o.Indicator, o.Year, figureText(&o)))
	}
	want := []string{"gdp 2024: 152.8, growth 5.2%", "urban_disposable_income 2024: 41460, growth 5.3%", "gdp 2023: 145.1", "urban_disposable_income 2023: 39380"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("figures read\n%q\nwant\n%q", got, want)
	}
}

// A table with a status column says the status; one without leaves it
// unsaid: a preliminary figure and the same value from a table without the
// column are one figure, kept preliminary.
func TestARowWithoutAStatusColumnAgreesWithTheRowThatStatesIt(t *testing.T) {
	b, _ := mergedBatch(t,
		[2]string{"summary.csv", summaryCSV},
		[2]string{"prelim.csv", "指标,单位,年份,数值,状态\n地区生产总值,亿元,2024,152.8,初步\n"})
	st := openStore(t)
	apply(t, st, b, false)
	if got := storedGDP(t, st, 2024); got != "152.8 (preliminary)" {
		t.Errorf("2024 stored as %s, want 152.8 (preliminary)", got)
	}
}

// Rows that state different things still conflict, at the field they
// differ in: another value (naming the growth the other row states), or a
// blank growth cell, which says none, against a growth.
func TestRowsThatStateDifferentThingsStillConflict(t *testing.T) {
	cases := []struct {
		second [2]string
		want   string
	}{
		{[2]string{"f_summary.csv", "指标,2023年,2024年\n地区生产总值（亿元）,145.1,152.9\n"},
			"f_summary.csv row 2 column C (value): houma gdp 2024: 152.9 here but 152.8, growth 5.2% in f_growth.csv row 2"},
		{[2]string{"blank.csv", "指标,单位,2024年,比上年增长(%)\n地区生产总值,亿元,152.8,\n"},
			"blank.csv row 2 column D (growth): houma gdp 2024: 152.8 here but 152.8, growth 5.2% in f_growth.csv row 2"},
	}
	for _, c := range cases {
		b, _ := mergedBatch(t, [2]string{"f_growth.csv", yearSheetCSV}, c.second)
		_, err := Apply(context.Background(), openStore(t), b, ApplyOptions{DryRun: true})
		want := []string{c.want}
		if got := problemTexts(b.Problems); plancast.ErrorCode(err) != plancast.EINVALID || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: %v, problems\n%q\nwant\n%q", c.second[0], err, got, want)
		}
	}
}

// A target's base year and binding are held to the same rule: a targets
// table without a binding column beside one that says the target is
// binding gives one target, binding.
func TestATargetRowWithoutABindingColumnAgreesWithTheRowThatStatesIt(t *testing.T) {
	b, each := mergedBatch(t,
		[2]string{"plain.csv", "region,indicator,plan,kind,year,value\nhouma,unemployment_rate,14th-fyp,ceiling,2025,4.5\n"},
		[2]string{"bound.csv", "region,indicator,plan,kind,year,value,base_year,binding\nhouma,unemployment_rate,14th-fyp,ceiling,2025,4.5,2020,约束性\n"})
	if rep, err := CheckTogether(each, seedCatalog(t)); rep != nil || err != nil {
		t.Errorf("checked together: %v, %v; want no problem", rep, err)
	}
	st := openStore(t)
	apply(t, st, b, false)
	ts, err := st.Targets(context.Background(), plancast.TargetFilter{Region: "houma", Indicator: "unemployment_rate", Plan: "14th-fyp"})
	if err != nil || len(ts) != 1 || !ts[0].Binding || ts[0].BaseYear != 2020 {
		t.Errorf("stored targets %+v, %v; want one ceiling of 4.5, binding, from 2020", ts, err)
	}
}
