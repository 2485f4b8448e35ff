package ingest

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest/report"
)

// fypTable is a plan's targets table as every Five-Year Plan prints it: the
// base year's figures, the target for the plan's last year, the average
// growth the plan sets, and whether each is binding.
const fypTable = "类别,指标,单位,2020年,2025年,年均增长（%）,属性\n" +
	"经济发展,地区生产总值,亿元,120.8,250,15.7,预期性\n" +
	"经济发展,一般公共预算收入,万元,52900,75000,7.2,预期性\n" +
	"民生福祉,城镇调查失业率,%,3.5,<5.5,—,预期性\n" +
	"民生福祉,城镇居民人均可支配收入,元,33029,46000,6.9,约束性\n"

// targetText writes a target for comparing: region, indicator, plan, kind,
// base year–year, value, binding.
func targetText(t plancast.Target) string {
	return fmt.Sprintf("%s %s %s %s %d–%d %g binding=%v", t.Region, t.Indicator, t.Plan, t.Kind, t.BaseYear, t.Year, t.Value, t.Binding)
}

func targetTexts(ts []plancast.Target) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = targetText(t)
	}
	return strings.Join(out, "\n")
}

// Where the push takes targets (plancast ingest, POST /api/v1/targets), a
// plan's targets table with no plan and no kind column is read as targets:
// the later year column as the plan's targets for that year (a ceiling
// when the cell says "<"), the average growth column as the plan's average
// growths from the base year, each binding as its 属性 says, the plan the
// one ending in the target year. It was read as figures: the 2025 target
// column stored as 2025's figures, then judged "achieved" against itself.
func TestAPlansTargetsTableIsReadAsTargets(t *testing.T) {
	b := parseString(t, "fyp.csv", fypTable, Options{Region: "houma"})
	noProblems(t, b)
	if len(b.Observations) != 0 {
		t.Errorf("%d figures read, want none: %+v", len(b.Observations), b.Observations)
	}
	want := strings.Join([]string{
		"houma gdp 14th-fyp level 2020–2025 250 binding=false",
		"houma gdp 14th-fyp avg_growth 2020–2025 15.7 binding=false",
		"houma budget_revenue 14th-fyp level 2020–2025 7.5 binding=false",
		"houma budget_revenue 14th-fyp avg_growth 2020–2025 7.2 binding=false",
		"houma surveyed_unemployment_rate 14th-fyp ceiling 2020–2025 5.5 binding=false",
		"houma urban_disposable_income 14th-fyp level 2020–2025 46000 binding=true",
		"houma urban_disposable_income 14th-fyp avg_growth 2020–2025 6.9 binding=true",
	}, "\n")
	if got := targetTexts(b.Targets); got != want {
		t.Errorf("targets\n%s\nwant\n%s", got, want)
	}
	wantNotes := []string{
		`fyp.csv: read as a plan's targets table (no plan or kind column): plan 14th-fyp, targets for 2025 from column E ("2025年"), ` +
			`average growths from 2020 to 2025 from column F ("年均增长（%）"), binding or expected from column G ("属性")`,
		`fyp.csv: column D ("2020年") holds the base year's figures ("120.8" in row 2, and 3 more), which were not pushed: ` +
			`a plan's table gives them to measure its targets from; push figures in a table of figures`,
	}
	if got := strings.Join(b.Notes, "\n"); got != strings.Join(wantNotes, "\n") {
		t.Errorf("notes\n%s\nwant\n%s", got, strings.Join(wantNotes, "\n"))
	}

	// The workbook of the plan: its title names the plan, "规划目标" is
	// merged over the base year and the target year.
	b = parseSheet(t, sheetBook(t, [][]any{
		{"侯马市“十四五”时期经济社会发展主要指标"},
		{"类别", "指标", "单位", "规划目标", nil, "年均增长（%）", "属性"},
		{nil, nil, nil, "2020年", "2025年", nil, nil},
		{"经济发展", "地区生产总值", "亿元", 120.8, 250.0, 15.7, "预期性"},
	}, "A1:G1", "D2:E2", "A2:A3", "B2:B3", "C2:C3", "F2:F3", "G2:G3"))
	noProblems(t, b)
	if got, want := targetTexts(b.Targets), "houma gdp 14th-fyp level 2020–2025 250 binding=false\nhouma gdp 14th-fyp avg_growth 2020–2025 15.7 binding=false"; got != want {
		t.Errorf("the workbook: targets\n%s\nwant\n%s", got, want)
	}

	// A header that says the column holds targets ("2025年目标"), the
	// hint for which used to be to head it "2025": read as the target.
	b = parseString(t, "fyp.csv", "指标,2020年,2025年目标（亿元）\n地区生产总值,120.8,250\n", Options{Region: "houma"})
	noProblems(t, b)
	if got, want := targetTexts(b.Targets), "houma gdp 14th-fyp level 2020–2025 250 binding=false"; got != want || len(b.Observations) != 0 {
		t.Errorf("2025年目标: targets\n%s\nfigures %d; want\n%s", got, len(b.Observations), want)
	}
}

// On the figures route (Options.RefusePlanTables: POST
// /api/v1/observations), a plan's targets table is refused at the column
// that marks it, pointing to the targets route; nothing of it is read.
func TestAPlansTargetsTablePushedAsFiguresIsRefused(t *testing.T) {
	refuse := Options{Region: "houma", RefusePlanTables: true}
	for _, c := range []struct{ name, table, want string }{
		{"a binding column", fypTable,
			`fyp.csv row 1 column G (binding): column G ("属性") says whether a target is binding (约束性) or expected (预期性), a target's field: ` +
				`the table is a plan's targets, not figures, and its column E ("2025年") would be stored as figures of 2025; ` +
				`push it to POST /api/v1/targets, which reads it as targets (as plancast ingest does), or push figures in a table without target columns`},
		{"a target year's header", "指标,2020年,2025年目标\n地区生产总值,120.8,250\n",
			`fyp.csv row 1 column C: column C ("2025年目标") says its column holds targets: ` +
				`the table is a plan's targets, not figures, and its column C ("2025年目标") would be stored as figures of 2025; ` +
				`push it to POST /api/v1/targets, which reads it as targets (as plancast ingest does), or push figures in a table without target columns`},
		{"an average growth beside a base and a target year", "指标,2020年,2025年,年均增长（%）\n地区生产总值,120.8,250,15.7\n",
			`fyp.csv row 1 column D: column D ("年均增长（%）") is an average growth beside a base year and a target year (2020年, 2025年), as a plan sets it: ` +
				`the table is a plan's targets, not figures, and its column C ("2025年") would be stored as figures of 2025; ` +
				`push it to POST /api/v1/targets, which reads it as targets (as plancast ingest does), or push figures in a table without target columns`},
	} {
		b := parseString(t, "fyp.csv", c.table, refuse)
		if got := strings.Join(problemTexts(b.Problems), "\n"); got != c.want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, c.want)
		}
		if len(b.Observations)+len(b.Targets) != 0 {
			t.Errorf("%s: %d figures and %d targets read, want none", c.name, len(b.Observations), len(b.Targets))
		}
	}

	// A table of one figure per row with a binding column is a targets
	// table without its plan and kind: refused on every route.
	b := parseString(t, "t.csv", "region,indicator,year,value,binding\nhouma,gdp,2025,250,expected\n", Options{})
	want := `t.csv row 1 column E (binding): column E ("binding") says whether a target is binding (约束性) or expected (预期性), a target's field: ` +
		`a table of targets needs a plan (规划) and a kind (目标类型) column beside its indicator, year and value columns, ` +
		`or, as a plan's table, its base year's and target year's columns (指标, 2020年, 2025年, 年均增长（%）, 属性); figures go in a table without it`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want || len(b.Observations) != 0 {
		t.Errorf("a long table with a binding column: problems\n%s\nwant\n%s", got, want)
	}
}

// What a plan's cell says besides its number is read or refused at it: a
// bound (以内, 以上, ≥) makes a ceiling or a floor, a share indicator's
// target is a share; a target summed over the plan (〔13.5〕) or words are
// refused. The plan is the one its title names; one the years do not fit,
// or years that end no Five-Year Plan without a title naming one, are
// refused, saying what to do.
func TestAPlansTableCellsAndPlanAreReadOrRefused(t *testing.T) {
	b := parseString(t, "fyp.csv", "“十三五”主要指标\n指标,2015年,2020年,年均增长（%）,属性\n"+
		"城镇登记失业率,3.2,4.5以内,,约束性\n"+
		"第二产业占GDP比重,38,≥45,,预期性\n"+
		"规模以上工业增加值,60,95左右,8以上,预期性\n", Options{Region: "houma"})
	noProblems(t, b)
	want := strings.Join([]string{
		"houma unemployment_rate 13th-fyp ceiling 2015–2020 4.5 binding=true",
		"houma secondary_industry_share 13th-fyp floor 2015–2020 45 binding=false",
		"houma industrial_value_added 13th-fyp level 2015–2020 95 binding=false",
		"houma industrial_value_added 13th-fyp avg_growth 2015–2020 8 binding=false",
	}, "\n")
	if got := targetTexts(b.Targets); got != want {
		t.Errorf("targets\n%s\nwant\n%s", got, want)
	}

	b = parseString(t, "fyp.csv", "指标,2020年,2025年,属性\n第二产业占GDP比重,41.3,45,预期性\n", Options{Region: "houma"})
	if got, want := targetTexts(b.Targets), "houma secondary_industry_share 14th-fyp share 2020–2025 45 binding=false"; got != want {
		t.Errorf("a share: targets\n%s\nwant\n%s", got, want)
	}

	for _, c := range []struct{ name, table, want string }{
		{"a cumulative target", "指标,2020年,2025年,属性\n固定资产投资,70,〔400〕,预期性\n",
			`fyp.csv row 2 column C (value): "〔400〕" is a target summed over the plan's years (累计), which plancast does not hold: ` +
				`leave the cell empty (—), or push a level or growth target of the plan's last year in a targets table`},
		{"words", "指标,2020年,2025年,属性\n地区生产总值,120.8,完成省下达任务,预期性\n",
			`fyp.csv row 2 column C (value): "完成省下达任务" is not a target plancast reads: write a number, with a bound if any (<5.5, 控制在5.5%以内, 不超过5.5, ≥7, 7以上, 6左右), or — for none`},
		{"years that end no plan", "指标,2020年,2024年,属性\n地区生产总值,120.8,200,预期性\n",
			`fyp.csv row 1 column C: the table is a plan's targets, but which plan cannot be told: 2024 is the last year of no Five-Year Plan and the title names none (十四五); ` +
				`name the plan in the title, or give the table plan (规划) and kind (目标类型) columns`},
		{"a title naming another plan", "“十三五”主要指标\n指标,2020年,2025年,属性\n地区生产总值,120.8,250,预期性\n",
			`fyp.csv row 2 column C: the title names plan 13th-fyp, but the target year's column C ("2025年") is not of its years: ` +
				`push the targets of each plan in a table of their own, or give the table plan (规划) and kind (目标类型) columns`},
		{"a third year", "指标,2020年,2023年,2025年,属性\n地区生产总值,120.8,150,250,预期性\n",
			`fyp.csv row 1 column C: column C ("2023年") is a third year column: a plan's targets table has its base year's column and its target year's (2020年, 2025年); ` +
				`push the figures of other years in a table of figures`},
	} {
		b := parseString(t, "fyp.csv", c.table, Options{Region: "houma"})
		if got := strings.Join(problemTexts(b.Problems), "\n"); got != c.want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// A table of figures (not a plan's) with an average growth column reads
// its figures and leaves the averages out, saying so: they were dropped
// without a word.
func TestAnAverageGrowthBesideFiguresIsNotedNotRead(t *testing.T) {
	b := parseString(t, "w.csv", "指标,2016年,2018年,2020年,年均增长（%）\n地区生产总值,90,105,120.8,6.3\n", Options{Region: "houma"})
	noProblems(t, b)
	if len(b.Observations) != 3 || len(b.Targets) != 0 {
		t.Errorf("%d figures and %d targets, want the 3 figures", len(b.Observations), len(b.Targets))
	}
	want := `w.csv: column E ("年均增长（%）") holds average growths ("6.3" in row 2) that were not read: an average runs over several years, from a base year the column does not give; ` +
		`to push them as the figures' stated growth, head the column 增长（%） and give the year it runs from in a growth_base_year column (增长基期); ` +
		`a plan's average growth targets go in a targets table`
	if got := strings.Join(b.Notes, "\n"); got != want {
		t.Errorf("notes\n%s\nwant\n%s", got, want)
	}
}

// Pushed on the store, the plan's table writes its targets and no figure:
// no figure of 2025 (or of the base year) appears.
func TestAPlansTargetsTablePushedWritesNoFigure(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	rep := apply(t, st, parseString(t, "fyp.csv", fypTable, Options{Region: "houma"}), false)
	if rep.New+rep.Revised != 0 || rep.Targets.New != 7 {
		t.Errorf("report %+v: want 7 new targets and no figure", rep)
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear})
	if plancast.ErrorCode(err) != plancast.ENOTFOUND {
		t.Errorf("houma gdp: %v, %+v; want no figure stored", err, s)
	}
	ts, err := st.Targets(ctx, plancast.TargetFilter{Region: "houma", Indicator: "gdp"})
	if err != nil || len(ts) != 2 {
		t.Errorf("houma gdp targets: %v, %+v; want the level and the average growth", err, ts)
	}
}

// A year's plan beside the year before it is that year's plan, not the
// Five-Year Plan that happens to end in it.
func TestAPlanTableOfAYearAndTheYearBeforeIsThatYearsPlan(t *testing.T) {
	b := parseString(t, "plan.csv", "指标,2024年完成,2025年计划\n地区生产总值,160.2,170\n", Options{Region: "houma"})
	noProblems(t, b)
	if got, want := targetTexts(b.Targets), "houma gdp 2025-annual level 2024–2025 170 binding=false"; got != want || len(b.Observations) != 0 {
		t.Errorf("targets\n%s\nfigures %d; want\n%s", got, len(b.Observations), want)
	}
}

// A 14th Plan's targets table is headed with the 13th's review as often as
// not ("“十三五”规划完成情况及“十四五”规划主要指标"). The title names two
// plans; the table's target year (2025) is of the 14th's years, so its
// targets are the 14th's, on every read and whichever plan is named
// first. It was read as the 14th on some reads and refused as the 13th on
// others (the names were looked up in a map). A target year of neither
// plan's years is refused, naming both.
func TestATitleNamingTwoPlansIsReadAsThePlanOfTheTargetYear(t *testing.T) {
	for _, title := range []string{
		"翼城县“十三五”规划完成情况及“十四五”规划主要指标",
		"翼城县“十四五”规划主要指标及“十三五”规划完成情况",
		"13th Five-Year Plan results and 14th Five-Year Plan targets",
	} {
		table := title + "\n指标,单位,2020年,2025年,年均增长（%）,属性\n地区生产总值,亿元,98.5,135,6.5,预期性\n"
		for range 30 { // the answer must not change from one read to the next
			b := parseString(t, "plan2titles.csv", table, Options{Region: "houma"})
			noProblems(t, b)
			want := "houma gdp 14th-fyp level 2020–2025 135 binding=false\nhouma gdp 14th-fyp avg_growth 2020–2025 6.5 binding=false"
			if got := targetTexts(b.Targets); got != want {
				t.Fatalf("%s: targets\n%s\nwant\n%s", title, got, want)
			}
			if len(b.Notes) == 0 || !strings.Contains(b.Notes[0], "plan 14th-fyp (the title names ") || !strings.Contains(b.Notes[0], "; 2025 is of 14th-fyp's years)") {
				t.Fatalf("%s: notes %q; want the first to say which plan was taken and why", title, b.Notes)
			}
		}
	}

	table := "“十三五”规划完成情况及“十四五”规划主要指标\n指标,2025年,2030年,属性\n地区生产总值,135,180,预期性\n"
	want := `plan2titles.csv row 2 column C: the title names plans 13th-fyp and 14th-fyp, and the target year's column C ("2030年") is not of the years of one of them: ` +
		`name only the plan whose targets the table holds in the title, or give the table plan (规划) and kind (目标类型) columns`
	for range 30 {
		b := parseString(t, "plan2titles.csv", table, Options{Region: "houma"})
		if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
			t.Fatalf("a target year of neither plan: problems\n%s\nwant\n%s", got, want)
		}
	}
}

// A plan's target cell bounds its number with the words a report's
// sentence does: before it (控制在, 不超过, 不高于, 低于, 小于; 不低于, 高于,
// 超过, 大于, 不少于; 约) and after it (以内, 以下; 以上; 左右), or both
// ("控制在5.5%以内", the wording of almost every plan's unemployment row),
// with or without the percent sign; or with a sign (<5.5, ≤5.5, ≥7). A
// ceiling word makes a ceiling, a floor word a floor, "about" keeps the
// column's kind. "控制在5.5%以内", "不超过5.5" and "小于5.5" were refused,
// while the report reader read "城镇登记失业率控制在4.5%以内" as a ceiling:
// the table and the report now read the same words, and read them alike.
func TestAPlansTableReadsTheBoundWordsAReportReads(t *testing.T) {
	type want struct {
		kind  string
		value float64
	}
	cases := []struct {
		name, cell string
		want       want
	}{}
	for _, c := range []string{"5.5以内", "5.5%以内", "控制在5.5", "控制在5.5%", "控制在5.5%以内", "控制在5.5以内", "控制在 5.5 % 以内", "不超过5.5", "不超过5.5%",
		"不高于5.5", "小于5.5", "小于5.5%", "低于5.5", "低于5.5%", "不大于5.5", "5.5以下", "5.5%以下", "<5.5", "≤5.5", "＜5.5", "控制在5.5%左右"} {
		cases = append(cases, struct {
			name, cell string
			want       want
		}{"城镇登记失业率", c, want{plancast.TargetCeiling, 5.5}})
	}
	for _, c := range []string{"3以上", "3%以上", "不低于3", "不低于3%", "高于3%", "超过3", "大于3", "大于3%", "不小于3%", "不少于3%", "≥3", ">=3"} {
		cases = append(cases, struct {
			name, cell string
			want       want
		}{"城镇登记失业率", c, want{plancast.TargetFloor, 3}})
	}
	for _, c := range []struct{ name, cell string }{{"地区生产总值", "250左右"}, {"地区生产总值", "约250"}, {"地区生产总值", "250"}} {
		cases = append(cases, struct {
			name, cell string
			want       want
		}{c.name, c.cell, want{plancast.TargetLevel, 250}})
	}
	cases = append(cases, struct {
		name, cell string
		want       want
	}{"第二产业占GDP比重", "45%左右", want{plancast.TargetShare, 45}}, struct {
		name, cell string
		want       want
	}{"地区生产总值", "250以上", want{plancast.TargetFloor, 250}})

	for _, c := range cases {
		b := parseString(t, "v.csv", "“十四五”规划主要指标\n指标,2020年,2025年,属性\n"+c.name+","+"1,"+c.cell+",预期性\n", Options{Region: "houma"})
		noProblems(t, b)
		if len(b.Targets) != 1 || b.Targets[0].Kind != c.want.kind || b.Targets[0].Value != c.want.value {
			t.Errorf("%s %q: targets %s; want a %s of %v", c.name, c.cell, targetTexts(b.Targets), c.want.kind, c.want.value)
			continue
		}
		if !strings.Contains(c.cell, "%") || c.name != "城镇登记失业率" {
			continue
		}
		// The report reader reads the same words in a plan's text alike.
		text := "侯马市2025年政府工作报告\n\n二、2025年工作安排\n2025年主要预期目标是：" + c.name + strings.ReplaceAll(c.cell, " ", "") + "。\n"
		ex, err := report.Extract([]byte(text), report.Options{Region: "houma", Indicators: seedCatalog(t).Indicators})
		if err != nil {
			t.Fatal(err)
		}
		if len(ex.Targets) != 1 || ex.Targets[0].Kind != c.want.kind || ex.Targets[0].Value != c.want.value {
			var got []plancast.Target
			for _, tc := range ex.Targets {
				got = append(got, tc.Target)
			}
			t.Errorf("the report's %s%s: targets %s; want a %s of %v, as the table reads it", c.name, c.cell, targetTexts(got), c.want.kind, c.want.value)
		}
	}

	for _, c := range []struct{ name, cell, want string }{
		{"城镇登记失业率", "不低于5.5以内", `v.csv row 3 column C (value): "不低于5.5以内" is not a target plancast reads: write a number, with a bound if any (<5.5, 控制在5.5%以内, 不超过5.5, ≥7, 7以上, 6左右), or — for none`},
		{"城镇登记失业率", "≥5.5以内", `v.csv row 3 column C (value): "≥5.5以内" is not a target plancast reads: write a number, with a bound if any (<5.5, 控制在5.5%以内, 不超过5.5, ≥7, 7以上, 6左右), or — for none`},
		{"城镇登记失业率", "5.5以内左右", `v.csv row 3 column C (value): "5.5以内左右" is not a target plancast reads: write a number, with a bound if any (<5.5, 控制在5.5%以内, 不超过5.5, ≥7, 7以上, 6左右), or — for none`},
		{"地区生产总值", "力争达到250", `v.csv row 3 column C (value): "力争达到250" is not a target plancast reads: write a number, with a bound if any (<5.5, 控制在5.5%以内, 不超过5.5, ≥7, 7以上, 6左右), or — for none`},
		{"地区生产总值", "250%以上", `v.csv row 3 column C (value): "250%" is a percentage, but a floor target of indicator gdp is in 100m_yuan (亿元), not in percent: ` +
			`write the level without the % sign, or make it a growth target (kind growth or avg_growth: 增速, 年均增速)`},
	} {
		b := parseString(t, "v.csv", "“十四五”规划主要指标\n指标,2020年,2025年,属性\n"+c.name+",1,"+c.cell+",预期性\n", Options{Region: "houma"})
		if got := strings.Join(problemTexts(b.Problems), "\n"); got != c.want || len(b.Targets) != 0 {
			t.Errorf("%s %q: problems\n%s\nwant\n%s", c.name, c.cell, got, c.want)
		}
	}
}

// A plan prints its unemployment target as a bare number in the target
// year's column (城镇登记失业率 5.5, 预期性): for a rate that is better lower
// the number is the most the rate may reach, a ceiling, as the report
// reader reads "城镇登记失业率5.5%" in the plan's text, and a note says so.
// It was stored as a level, which the assessment then read as a level to
// rise to ("at that pace the target is reached in 2029"). A rate better
// higher (城镇化率 65) stays a level: the plan means it to rise to the
// number, and a level keeps what a floor would lose (the change needed a
// year, the progress made); a share stays a share, and a level indicator
// better lower (单位GDP能耗) a level: the plan means it to fall to the
// number.
func TestAPlansBareNumberForARateBetterLowerIsACeiling(t *testing.T) {
	cat := seedCatalog(t)
	cat.Indicators = append(slices.Clone(cat.Indicators),
		plancast.Indicator{Code: "urbanization_rate", Name: "Urbanization rate", NameZh: "常住人口城镇化率", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher},
		plancast.Indicator{Code: "energy_intensity", Name: "Energy use per unit of GDP", NameZh: "单位GDP能耗", Unit: "tce_per_10k_yuan", Kind: plancast.KindLevel, Better: plancast.BetterLower})
	table := "“十四五”规划主要指标\n指标,单位,2020年,2025年,属性\n" +
		"城镇登记失业率,%,3.6,5.5,预期性\n" +
		"常住人口城镇化率,%,60.1,65,预期性\n" +
		"第二产业占GDP比重,%,41.3,45,预期性\n" +
		"单位GDP能耗,吨标准煤/万元,0.9,0.8,约束性\n"
	b, err := Parse("unplan.csv", "", strings.NewReader(table), cat, Options{Region: "houma", Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	noProblems(t, b)
	want := strings.Join([]string{
		"houma unemployment_rate 14th-fyp ceiling 2020–2025 5.5 binding=false",
		"houma urbanization_rate 14th-fyp level 2020–2025 65 binding=false",
		"houma secondary_industry_share 14th-fyp share 2020–2025 45 binding=false",
		"houma energy_intensity 14th-fyp level 2020–2025 0.8 binding=true",
	}, "\n")
	if got := targetTexts(b.Targets); got != want {
		t.Errorf("targets\n%s\nwant\n%s", got, want)
	}
	note := `unplan.csv: unemployment_rate "5.5" in row 3 read as a ceiling: ` +
		`a plan's number for a rate that is better lower is the most it may reach, as the report reader reads it in a plan's text; ` +
		`write the bound (5.5以内) to say so, or push a level target in a targets table (kind level)`
	if !slices.Contains(b.Notes, note) {
		t.Errorf("notes\n%s\nwant among them\n%s", strings.Join(b.Notes, "\n"), note)
	}

	// "About" keeps the column's kind: a ceiling too.
	// (城镇调查失业率 is the surveyed rate, its own indicator.)
	b = parseString(t, "unplan.csv", "指标,2020年,2025年,属性\n城镇调查失业率,3.6,5.5左右,预期性\n", Options{Region: "houma"})
	noProblems(t, b)
	if got, want := targetTexts(b.Targets), "houma surveyed_unemployment_rate 14th-fyp ceiling 2020–2025 5.5 binding=false"; got != want {
		t.Errorf("5.5左右: targets\n%s\nwant\n%s", got, want)
	}
}

// A workbook stores 95.1 as the double nearest it, "95.099999999999994";
// the figure is read as 95.1, and the note on the base year's figures
// quotes it as the spreadsheet shows it, "95.1", not as stored.
func TestAPlansTableNoteQuotesANumberAsTheSpreadsheetShowsIt(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	setRows(t, f, "Sheet1", [][]any{
		{"指标", "单位", "2020年", "2025年", "年均增长（%）", "属性"},
		{"地区生产总值", "亿元", nil, 130.0, 6.5, "预期性"},
		{"城镇登记失业率", "%", 3.6, "5.5以内", nil, "预期性"},
	})
	if err := f.SetCellDefault("Sheet1", "C2", "95.099999999999994"); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("hd_mix_excel.xlsx", "", bytes.NewReader(buf.Bytes()), seedCatalog(t), Options{Region: "houma", Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	noProblems(t, b)
	want := `hd_mix_excel.xlsx sheet Sheet1: column C ("2020年") holds the base year's figures ("95.1" in row 2, and 1 more), which were not pushed: ` +
		`a plan's table gives them to measure its targets from; push figures in a table of figures`
	if !slices.Contains(b.Notes, want) {
		t.Errorf("notes\n%s\nwant among them\n%s", strings.Join(b.Notes, "\n"), want)
	}

	for text, shown := range map[string]string{"95.099999999999994": "95.1", "0.30000000000000004": "0.3", "1.2345678901234567e-05": "1.23456789012346e-05",
		"95.1": "95.1", "95.10": "95.10", "120.8": "120.8", "1,234.5": "1,234.5", "—": "—", "12345678901234567890": "12345678901234600000"} {
		if got := shownNumber(text); got != shown {
			t.Errorf("shownNumber(%q) = %q, want %q", text, got, shown)
		}
	}
}

// An annual plan's targets table prints last year's result, this year's
// plan and the growth planned (指标, 单位, 2024年完成, 2025年计划, 增长（%）,
// 属性). The growth column is read as growth targets of 2025 over 2024, as
// a Five-Year Plan's 年均增长 column is read as average growths; it was
// left out without a word, and GDP's headline target (6左右) with it. The
// growth column goes by any of the headers an annual plan gives it; one
// beside the base year's column holds the base year's stated growths,
// figures', not pushed, which a note says. A growth column in a Five-Year
// Plan's table (whose growths are averages), one the header does not
// place, or a bound on the other side from the one a growth target is
// judged on, is refused: a column of targets is never dropped silently.
func TestAnAnnualPlansGrowthColumnIsReadAsGrowthTargets(t *testing.T) {
	rows := "地区生产总值,亿元,120,,6左右,预期性\n" +
		"一般公共预算收入,亿元,8.5,9,6,预期性\n" +
		"城镇登记失业率,%,3.9,4.5以内,,预期性\n"
	want := strings.Join([]string{
		"houma gdp 2025-annual growth 2024–2025 6 binding=false",
		"houma budget_revenue 2025-annual level 2024–2025 9 binding=false",
		"houma budget_revenue 2025-annual growth 2024–2025 6 binding=false",
		"houma unemployment_rate 2025-annual ceiling 2024–2025 4.5 binding=false",
	}, "\n")
	for _, header := range []string{"增长（%）", "比上年增长（%）", "2025年增长（%）", "预期增长（%）", "增速目标（%）", "2025年预期增长（%）", "growth (%)"} {
		table := "侯马市2025年国民经济和社会发展计划主要指标\n指标,单位,2024年完成,2025年计划," + header + ",属性\n" + rows
		b := parseString(t, "ann.csv", table, Options{Region: "houma"})
		noProblems(t, b)
		if got := targetTexts(b.Targets); got != want {
			t.Errorf("%s: targets\n%s\nwant\n%s", header, got, want)
		}
		read := `ann.csv: read as a plan's targets table (no plan or kind column): plan 2025-annual, targets for 2025 from column D ("2025年计划"), ` +
			`growths of 2025 over 2024 from column E ("` + header + `"), binding or expected from column F ("属性")`
		if len(b.Notes) == 0 || b.Notes[0] != read {
			t.Errorf("%s: notes\n%s\nwant first\n%s", header, strings.Join(b.Notes, "\n"), read)
		}
	}

	// The base year's growths beside its figures, the target year's beside
	// its targets.
	b := parseString(t, "ann.csv", "指标,2024年完成,比上年增长（%）,2025年计划,增长（%）\n地区生产总值,120,5.9,,6以上\n一般公共预算收入,8.5,3.1,9,6\n", Options{Region: "houma"})
	noProblems(t, b)
	if got, want := targetTexts(b.Targets), "houma gdp 2025-annual growth 2024–2025 6 binding=false\n"+
		"houma budget_revenue 2025-annual level 2024–2025 9 binding=false\nhouma budget_revenue 2025-annual growth 2024–2025 6 binding=false"; got != want {
		t.Errorf("two growth columns: targets\n%s\nwant\n%s", got, want)
	}
	note := `ann.csv: column C ("比上年增长（%）") holds the stated growths of the base year's figures ("5.9" in row 2, and 1 more), which were not pushed: ` +
		`push figures and their growths in a table of figures`
	if !slices.Contains(b.Notes, note) || len(b.Observations) != 0 {
		t.Errorf("two growth columns: %d figures, notes\n%s\nwant none, and among the notes\n%s", len(b.Observations), strings.Join(b.Notes, "\n"), note)
	}

	for _, c := range []struct{ name, table, want string }{
		{"a Five-Year Plan's table", "“十四五”规划主要指标\n指标,单位,2020年,2025年,增长（%）,属性\n地区生产总值,亿元,98,135,6.5,预期性\n",
			`ann.csv row 2 column E (growth): column E ("增长（%）") holds growths of 2025, but the table is plan 14th-fyp's, from 2020: a growth over a Five-Year Plan's years is an average a year; ` +
				`head the column 年均增长（%） if it holds one, or, for a year's plan, give the year before's column beside the target's (2024年完成, 2025年计划)`},
		{"a growth before every year", "指标,增长（%）,2024年完成,2025年计划\n地区生产总值,6,120,127\n",
			`ann.csv row 1 column B (growth): column B ("增长（%）") holds growths, but of which year's column the header does not say: head it with its year ("2025年增长（%）")`},
		{"a year of neither column", "指标,2024年完成,2025年计划,2023年增长（%）\n地区生产总值,120,127,5\n",
			`ann.csv row 1 column D (growth): column D ("2023年增长（%）") holds growths of 2023, which is neither the target year's column (2025年计划) nor the base year's: ` +
				`a plan's targets table sets the growths of its target year; push the figures' growths in a table of figures`},
		{"two of the target year", "指标,2024年完成,2025年计划,增长（%）,预期增长（%）\n地区生产总值,120,127,6,6\n",
			`ann.csv row 1 column E (growth): columns D ("增长（%）") and E ("预期增长（%）") both hold the growths of 2025: keep one`},
		{"in percentage points", "指标,2024年完成,2025年计划,增长（百分点）\n地区生产总值,120,127,6\n",
			`ann.csv row 1 column D (growth): "增长（百分点）" is a change in percentage points, not a growth: the growth column is in percent`},
		{"a ceiling on a growth better higher", "指标,2024年完成,2025年计划,增长（%）\n地区生产总值,120,,控制在6以内\n",
			`ann.csv row 2 column D (value): "控制在6以内" bounds the growth of gdp from above, but plancast judges a growth target of gdp as met at or above it (better higher): ` +
				`write the growth alone if the plan means it to be reached, or push the bound as a level target (kind ceiling or floor) in a targets table`},
	} {
		b := parseString(t, "ann.csv", c.table, Options{Region: "houma"})
		if got := strings.Join(problemTexts(b.Problems), "\n"); got != c.want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// A plan's number for a rate declared a percentage of a whole (a sewage
// treatment rate declared "percent_of_whole": true, whose code does not end
// in _share) is a share target, as a _share indicator's is: the plan table
// read it by the code's suffix alone and stored a level.
func TestAPlansNumberForADeclaredPercentOfWholeIsAShareTarget(t *testing.T) {
	cat := seedCatalog(t)
	cat.Indicators = append(append([]plancast.Indicator(nil), cat.Indicators...), plancast.Indicator{
		Code: "sewage_treatment_rate", Name: "Sewage treatment rate", NameZh: "城市污水处理率",
		Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher, OfWhole: true})
	b, err := Parse("v.csv", "", strings.NewReader("“十四五”规划主要指标\n指标,2020年,2025年,属性\n城市污水处理率,96.2,98,预期性\n"),
		cat, Options{Region: "houma", Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	noProblems(t, b)
	if len(b.Targets) != 1 || b.Targets[0].Kind != plancast.TargetShare || b.Targets[0].Value != 98 {
		t.Errorf("targets %s; want a share of 98", targetTexts(b.Targets))
	}
}
