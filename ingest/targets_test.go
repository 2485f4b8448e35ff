package ingest

import (
	"reflect"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// The header of a targets download (GET /api/v1/targets?format=csv, and
// lang=zh), as api/tables.go writes it. cmd/plancast's
// TestADownloadedTargetsTableGoesBackInUnchanged pushes real downloads back.
const (
	targetsDownloadHeader   = "region,region_name,indicator,indicator_name,unit,plan,kind,year,target,target_unit,binding,base_year,published,version,note,source_document,source_quote\n"
	targetsDownloadHeaderZh = "\ufeff地区代码,地区,指标代码,指标,单位,规划,目标类型,目标年份,目标值,目标单位,约束性,基期年份,发布日期,版本状态,备注,来源文件,来源原文\n"
)

// A targets download reads back as the targets it lists, in either
// language: the names are for reading, the value is the "target" column
// (目标值) in the target's unit ("target_unit", 目标单位: a growth's is %,
// while the unit column is the indicator's), and a note the download
// guarded against spreadsheet formulas ('-20) is the note that was stored.
func TestATargetsDownloadReadsBackAsItsTargets(t *testing.T) {
	want := []plancast.Target{
		{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: "level", Year: 2025, BaseYear: 2020, Value: 230,
			Note: "-20 after the mid-term review", Source: plancast.Source{Document: "review.csv"}, Published: date(t, "2023-06-01")},
		{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: "growth", Year: 2021, Value: 8.5, Binding: true,
			Source: plancast.Source{Document: "report.txt", Quote: "GDP growth of 8.5%"}, Published: date(t, "2021-04-20")},
		{Region: "zizhou", Indicator: "crude_oil_output", Plan: "2022-annual", Kind: "floor", Year: 2022, Value: 1,
			Source: plancast.Source{Document: "notice.txt"}, Published: date(t, "2022-04-08")},
		{Region: "houma", Indicator: "new_urban_jobs", Plan: "2021-annual", Kind: "floor", Year: 2021, Value: 5900,
			Source: plancast.Source{Document: "report.txt"}, Published: date(t, "2021-04-20")},
	}
	for _, c := range []struct{ name, table string }{
		{"targets.csv", targetsDownloadHeader +
			"houma,Houma,gdp,Gross regional product,100 million yuan,14th-fyp,level,2025,230,100 million yuan,expected,2020,2023-06-01,in force,'-20 after the mid-term review,review.csv,\n" +
			"houma,Houma,gdp,Gross regional product,100 million yuan,2021-annual,growth,2021,8.5,%,binding,,2021-04-20,in force,,report.txt,GDP growth of 8.5%\n" +
			"zizhou,Zizhou County,crude_oil_output,Crude oil output,\"10,000 tons\",2022-annual,floor,2022,1,\"10,000 tons\",expected,,2022-04-08,in force,,notice.txt,\n" +
			"houma,Houma,new_urban_jobs,New urban jobs,persons,2021-annual,floor,2021,5900,persons,expected,,2021-04-20,in force,,report.txt,\n"},
		{"规划目标.csv", targetsDownloadHeaderZh +
			"houma,侯马市,gdp,地区生产总值,亿元,十四五,总量,2025,230,亿元,预期性,2020,2023-06-01,现行,'-20 after the mid-term review,review.csv,\n" +
			"houma,侯马市,gdp,地区生产总值,亿元,2021年计划,增速,2021,8.5,%,约束性,,2021-04-20,现行,,report.txt,GDP growth of 8.5%\n" +
			"zizhou,子洲县,crude_oil_output,原油产量,万吨,2022年计划,下限,2022,1,万吨,预期性,,2022-04-08,现行,,notice.txt,\n" +
			"houma,侯马市,new_urban_jobs,城镇新增就业,人,2021年计划,下限,2021,5900,人,预期性,,2021-04-20,现行,,report.txt,\n"},
	} {
		b := parseString(t, c.name, c.table, Options{})
		noProblems(t, b)
		if !reflect.DeepEqual(b.Targets, want) {
			t.Errorf("%s: targets\n%+v\nwant\n%+v", c.name, b.Targets, want)
		}
		if len(b.Notes) != 0 {
			t.Errorf("%s: notes %q, want none", c.name, b.Notes)
		}
	}
}

// A download of every version (versions=all) holds the versions no longer
// in force beside the one in force: a replaced version and a withdrawal.
// They are history, not targets to push (pushed, a replaced 250 would be
// a revision of the 230 in force), so they are left out and the batch's
// note names their rows; a version the reader does not know is a problem
// at its cell.
func TestVersionsNoLongerInForceAreLeftOutWithANote(t *testing.T) {
	b := parseString(t, "target_versions.csv", targetsDownloadHeader+
		"houma,Houma,gdp,Gross regional product,100 million yuan,14th-fyp,level,2025,250,100 million yuan,expected,2020,2021-04-20,replaced,,report.txt,\n"+
		"houma,Houma,gdp,Gross regional product,100 million yuan,14th-fyp,level,2025,230,100 million yuan,expected,2020,2023-06-01,in force,,review.csv,\n"+
		"houma,Houma,gdp,Gross regional product,100 million yuan,2021-annual,growth,2021,8.5,%,expected,,2021-04-20,replaced,,report.txt,\n"+
		"houma,Houma,gdp,Gross regional product,100 million yuan,2021-annual,growth,2021,,%,expected,,2022-01-10,withdrawal,,DELETE,\n", Options{})
	noProblems(t, b)
	if len(b.Targets) != 1 || b.Targets[0].Value != 230 {
		t.Errorf("targets %+v, want only the 230 in force", b.Targets)
	}
	wantNotes := []string{"target_versions.csv: 3 rows are versions no longer in force (replaced, or withdrawals, in their version column) and were not pushed: rows 2, 4, 5"}
	if !reflect.DeepEqual(b.Notes, wantNotes) {
		t.Errorf("notes %q, want %q", b.Notes, wantNotes)
	}

	zh := parseString(t, "目标.csv", targetsDownloadHeaderZh+
		"houma,侯马市,gdp,地区生产总值,亿元,十四五,总量,2025,250,亿元,预期性,2020,2021-04-20,已被替代,,report.txt,\n", Options{})
	noProblems(t, zh)
	if len(zh.Targets) != 0 || len(zh.Notes) != 1 || !strings.HasPrefix(zh.Notes[0], "目标.csv: row 2 is a version no longer in force") {
		t.Errorf("a replaced version in Chinese: targets %+v, notes %q; want none and a note of row 2", zh.Targets, zh.Notes)
	}

	bad := parseString(t, "target_versions.csv", targetsDownloadHeader+
		"houma,Houma,gdp,Gross regional product,100 million yuan,14th-fyp,level,2025,250,100 million yuan,expected,2020,2021-04-20,draft,,report.txt,\n", Options{})
	want := `target_versions.csv row 2 column N (version): version "draft" must be in force, replaced or withdrawal (现行, 已被替代, 撤回), as a targets download gives it`
	if got := strings.Join(problemTexts(bad.Problems), "\n"); got != want {
		t.Errorf("an unknown version: problems\n%s\nwant\n%s", got, want)
	}
}

func date(t *testing.T, s string) plancast.Date {
	t.Helper()
	d, err := plancast.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
