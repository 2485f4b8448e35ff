package ingest

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/seed"
)

// pushDate is the vintage date the tests push with.
var pushDate = plancast.NewDate(2025, time.May, 10)

// seedCatalog is the catalog of the seed dataset, decoded once: the fuzz
// targets call it on every input.
func seedCatalog(t testing.TB) Catalog {
	t.Helper()
	seedOnce.Do(func() {
		b, err := seed.Bundle()
		if err != nil {
			seedErr = err
			return
		}
		seedCat = Catalog{Regions: b.Regions, Indicators: b.Indicators}
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return Catalog{Regions: slices.Clone(seedCat.Regions), Indicators: slices.Clone(seedCat.Indicators)}
}

var (
	seedOnce sync.Once
	seedCat  Catalog
	seedErr  error
)

func parseFixture(t testing.TB, name string, opt Options) *Batch {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if opt.Published.IsZero() {
		opt.Published = pushDate
	}
	b, err := Parse(name, "", f, seedCatalog(t), opt)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return b
}

func parseString(t testing.TB, name, content string, opt Options) *Batch {
	t.Helper()
	if opt.Published.IsZero() {
		opt.Published = pushDate
	}
	b, err := Parse(name, "", strings.NewReader(content), seedCatalog(t), opt)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return b
}

func noProblems(t testing.TB, b *Batch) {
	t.Helper()
	for _, p := range b.Problems {
		t.Errorf("unexpected problem: %s", p.Error())
	}
}

// figure is what a test expects of one observation.
type figure struct {
	region, indicator string
	year              int
	period            string
	value             float64
	status            string
	published         string // "" means the push date
}

// figureFinder checks that b holds count observations and returns a lookup
// of one by region, indicator, period ("" is the whole year) and year,
// which reports a missing one.
func figureFinder(t testing.TB, b *Batch, count int) func(region, indicator, period string, year int) (plancast.Observation, bool) {
	t.Helper()
	if len(b.Observations) != count {
		t.Errorf("%d observations, want %d", len(b.Observations), count)
	}
	byKey := map[plancast.FigureKey]plancast.Observation{}
	for _, o := range b.Observations {
		byKey[o.Key()] = o
	}
	return func(region, indicator, period string, year int) (plancast.Observation, bool) {
		t.Helper()
		if period == "" {
			period = plancast.PeriodYear
		}
		o, ok := byKey[plancast.FigureKey{SeriesKey: plancast.SeriesKey{Region: region, Indicator: indicator, Period: period}, Year: year}]
		if !ok {
			t.Errorf("no observation %s %s %d %s", region, indicator, year, period)
		}
		return o, ok
	}
}

func checkFigures(t testing.TB, b *Batch, want []figure) {
	t.Helper()
	find := figureFinder(t, b, len(want))
	for _, w := range want {
		o, ok := find(w.region, w.indicator, w.period, w.year)
		if !ok {
			continue
		}
		if math.Abs(o.Value-w.value) > 1e-9*math.Max(1, math.Abs(w.value)) {
			t.Errorf("%s %s %d: value %v, want %v", w.region, w.indicator, w.year, o.Value, w.value)
		}
		status := w.status
		if status == "" {
			status = plancast.StatusFinal
		}
		if o.Status != status {
			t.Errorf("%s %s %d: status %s, want %s", w.region, w.indicator, w.year, o.Status, status)
		}
		published := w.published
		if published == "" {
			published = pushDate.String()
		}
		if o.Published.String() != published {
			t.Errorf("%s %s %d: published %s, want %s", w.region, w.indicator, w.year, o.Published, published)
		}
	}
}

func TestLongCSVResolvesNamesAndConvertsUnits(t *testing.T) {
	b := parseFixture(t, "long.csv", Options{})
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "gdp", year: 2019, value: 116, published: "2020-03-20"},                    // "1,160,000" 万元
		{region: "houma", indicator: "budget_revenue", year: 2020, value: 5.29, published: "2021-04-20"},        // 侯马市, 一般公共预算收入
		{region: "houma", indicator: "urban_disposable_income", year: 2020, value: 33029},                       // English name, "33,029" 元
		{region: "houma", indicator: "unemployment_rate", year: 2020, value: 2.9},                               // %
		{region: "guyang", indicator: "gdp", year: 2021, period: "jan-nov", value: 98.5, status: "preliminary"}, // full-width digits, 1-11月
		{region: "zizhou", indicator: "retail_sales", year: 2020, value: 12.1},                                  // 1.21 billion yuan
	})
	if got := b.Observations[0].Source.Document; got != "侯马市2019年统计公报" {
		t.Errorf("source of row 2 = %q, want the source column", got)
	}
	if got := b.Observations[2].Source.Document; got != "long.csv" {
		t.Errorf("source of a row without one = %q, want the file name", got)
	}
}

func TestWideCSVReadsYearColumnsAndTheRegionInTheTitle(t *testing.T) {
	b := parseFixture(t, "wide.csv", Options{})
	noProblems(t, b)
	want := []figure{}
	for i, y := range []int{2016, 2017, 2018, 2019, 2020} {
		want = append(want,
			figure{region: "houma", indicator: "gdp", year: y, value: []float64{95.1, 101.2, 108.0, 116.0, 120.8}[i]},
			figure{region: "houma", indicator: "budget_revenue", year: y, value: []float64{4.1, 4.35, 4.6, 5.01, 5.29}[i]}, // （万元） in the name
			figure{region: "houma", indicator: "urban_disposable_income", year: y, value: []float64{26010, 27600, 29400, 31300, 33029}[i]},
		)
	}
	// "—" and "-" mean no figure for 2017 and 2019; the note row under the table is skipped.
	want = append(want,
		figure{region: "houma", indicator: "industrial_value_added", year: 2016, value: 14.0},
		figure{region: "houma", indicator: "industrial_value_added", year: 2018, value: 15.2},
		figure{region: "houma", indicator: "industrial_value_added", year: 2020, value: 17.0},
	)
	checkFigures(t, b, want)
}

func TestYearbookXLSXWithTitleMergedTwoLineChineseHeaderAndNotes(t *testing.T) {
	b := parseFixture(t, "yearbook.xlsx", Options{Sheet: "表1"})
	noProblems(t, b)
	want := []figure{}
	for i, y := range []int{2016, 2017, 2018, 2019, 2020} {
		want = append(want,
			figure{region: "houma", indicator: "gdp", year: y, value: []float64{95.1, 101.2, 108.0, 116.0, 120.8}[i]},
			figure{region: "houma", indicator: "budget_revenue", year: y, value: []float64{4.1, 4.35, 4.6, 5.01, 5.29}[i]},
			figure{region: "houma", indicator: "urban_disposable_income", year: y, value: []float64{26010, 27600, 29400, 31300, 33029}[i]},
			figure{region: "zizhou", indicator: "gdp", year: y, value: []float64{58.2, 66.0, 72.5, 79.6, 82.3}[i]}, // "地 区 生 产 总 值"
		)
		if y != 2017 { // "—"
			want = append(want, figure{region: "zizhou", indicator: "industrial_value_added", year: y, value: []float64{30.1, 0, 36.8, 40.2, 41.0}[i]})
		}
	}
	checkFigures(t, b, want)
}

func TestXLSXReadsTheFirstSheetUnlessOneIsNamed(t *testing.T) {
	b := parseFixture(t, "long.xlsx", Options{})
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "zizhou", indicator: "gdp", year: 2019, value: 79.6},
		{region: "zizhou", indicator: "gdp", year: 2020, value: 82.3},
		{region: "zizhou", indicator: "rural_disposable_income", year: 2020, value: 12504},                      // 1.2504 万元
		{region: "guyang", indicator: "fixed_asset_investment", year: 2020, value: 21.5, status: "preliminary"}, // 2150 million yuan
		{region: "houma", indicator: "unemployment_rate", year: 2020, value: 2.9},                               // 0.029 shown as 2.90%
	})

	byIndicator := parseFixture(t, "long.xlsx", Options{Sheet: "按指标"})
	noProblems(t, byIndicator)
	checkFigures(t, byIndicator, []figure{
		{region: "zizhou", indicator: "gdp", year: 2019, value: 79.6},
		{region: "zizhou", indicator: "budget_revenue", year: 2019, value: 5.02},
		{region: "zizhou", indicator: "rural_disposable_income", year: 2019, value: 11400},
		{region: "zizhou", indicator: "gdp", year: 2020, value: 82.3},
		{region: "zizhou", indicator: "budget_revenue", year: 2020, value: 5.2},
		{region: "guyang", indicator: "gdp", year: 2020, value: 77},
		{region: "guyang", indicator: "budget_revenue", year: 2020, value: 6.1},
		{region: "guyang", indicator: "rural_disposable_income", year: 2020, value: 15820},
	})

	missing := parseFixture(t, "long.xlsx", Options{Sheet: "no such sheet"})
	if len(missing.Problems) != 1 || !strings.Contains(missing.Problems[0].Message, "figures, 按指标") {
		t.Errorf("unknown sheet: problems %v, want one naming the sheets there are", missing.Problems)
	}
}

func TestJSONReadsTheSeriesShapeAndStringValues(t *testing.T) {
	b := parseFixture(t, "observations.json", Options{})
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "gdp", year: 2018, value: 108},
		{region: "houma", indicator: "gdp", year: 2019, value: 116},
		{region: "zizhou", indicator: "budget_revenue", year: 2020, value: 5.2, published: "2021-02-01"}, // "52,000" 万元
		{region: "guyang", indicator: "unemployment_rate", year: 2020, value: 3.8, status: "preliminary"},
	})
	if got := b.Observations[0].Source.Document; got != "侯马市2018年统计公报" {
		t.Errorf("source = %q, want the one given", got)
	}
}

func TestJSONBundleDeclaresRegionsAndIndicatorsUsedByItsFigures(t *testing.T) {
	b := parseFixture(t, "bundle.json", Options{})
	noProblems(t, b)
	if len(b.Regions) != 1 || b.Regions[0].Code != "quwo" || len(b.Indicators) != 1 || b.Indicators[0].Code != "tourism_revenue" {
		t.Fatalf("declared %v %v, want quwo and tourism_revenue", b.Regions, b.Indicators)
	}
	checkFigures(t, b, []figure{
		{region: "quwo", indicator: "tourism_revenue", year: 2019, value: 12.4, published: "2020-04-01"},
		{region: "quwo", indicator: "tourism_revenue", year: 2020, value: 9.8, published: "2021-04-01"}, // by its Chinese names
		{region: "quwo", indicator: "gdp", year: 2020, value: 100.5, published: "2021-04-01"},
	})
	if len(b.Targets) != 1 || b.Targets[0].Value != 20 || b.Targets[0].Plan != "14th-fyp" {
		t.Errorf("targets %+v, want the 14th-FYP tourism target", b.Targets)
	}
}

func TestJSONBundleWithAnInvalidDeclarationNamesItsLine(t *testing.T) {
	b := parseString(t, "bad.json", `{
  "regions": [
    {"code": "Quwo County", "name": "Quwo", "level": "county"}
  ],
  "observations": [
    {"region": "houma", "indicator": "gdp", "year": 2020, "value": "12o.8"}
  ]
}`, Options{})
	want := []string{
		`bad.json line 3 (regions): region code "Quwo County" must be a lowercase slug (a-z, 0-9, _ and -, starting with a letter)`,
		`bad.json line 6 (value): "12o.8" is not a number`,
	}
	if got := problemTexts(b.Problems); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMalformedJSONIsAProblemWithItsLine(t *testing.T) {
	b := parseString(t, "broken.json", "[\n  {\"region\": \"houma\",\n  \"value\": }\n]", Options{})
	if len(b.Problems) != 1 || b.Problems[0].Line != 3 || !strings.Contains(b.Problems[0].Message, "malformed JSON") {
		t.Errorf("problems %v, want one malformed-JSON problem on line 3", b.Problems)
	}
}

func TestTargetsFromCSVAndXLSX(t *testing.T) {
	b := parseFixture(t, "targets.csv", Options{})
	noProblems(t, b)
	want := map[plancast.TargetKey]plancast.Target{}
	for _, tg := range []plancast.Target{
		{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: "level", Year: 2025, BaseYear: 2020, Value: 250},
		{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: "growth", Year: 2021, Value: 8.5},
		{Region: "houma", Indicator: "unemployment_rate", Plan: "2021-annual", Kind: "ceiling", Year: 2021, Value: 4.5, Binding: true},
		{Region: "houma", Indicator: "industrial_output", Plan: "14th-fyp", Kind: "level", Year: 2025, BaseYear: 2020, Value: 400}, // 十四五
		{Region: "zizhou", Indicator: "gdp", Plan: "2022-annual", Kind: "growth", Year: 2022, Value: 7},
		// targets.xlsx, Chinese headers and names:
		{Region: "houma", Indicator: "budget_revenue", Plan: "2021-annual", Kind: "growth", Year: 2021, Value: 5},
		{Region: "zizhou", Indicator: "fixed_asset_investment", Plan: "2022-annual", Kind: "growth", Year: 2022, Value: 10},
		{Region: "guyang", Indicator: "gdp", Plan: "14th-fyp", Kind: "level", Year: 2025, BaseYear: 2020, Value: 250}, // 2,500,000 万元
		{Region: "houma", Indicator: "unemployment_rate", Plan: "2021-annual", Kind: "ceiling", Year: 2021, Value: 4.5, Binding: true},
	} {
		want[tg.Key()] = tg
	}
	x := parseFixture(t, "targets.xlsx", Options{})
	noProblems(t, x)
	all := append(append([]plancast.Target{}, b.Targets...), x.Targets...)
	if len(all) != 9 {
		t.Errorf("%d targets, want 9", len(all))
	}
	for _, got := range all {
		w, ok := want[got.Key()]
		if !ok {
			t.Errorf("unexpected target %+v", got)
			continue
		}
		if got.Value != w.Value || got.BaseYear != w.BaseYear || got.Binding != w.Binding {
			t.Errorf("target %v: value %v base %d binding %v; want %v %d %v", got.Key(), got.Value, got.BaseYear, got.Binding, w.Value, w.BaseYear, w.Binding)
		}
	}
}

// A target carries the date its plan set it (a column, a JSON field); a
// target without one takes the push's date, and a date that is not one is a
// problem with its row and field.
func TestTargetsCarryTheDateTheirPlanSetThem(t *testing.T) {
	csv := "地区,指标,规划,类型,年份,数值,发布日期\n" +
		"houma,gdp,14th-fyp,level,2025,250,2021年4月20日\n" +
		"houma,gdp,14th-fyp,level,2025,230,2023-06-01\n" +
		"houma,gdp,2021-annual,growth,2021,8.5,\n"
	b := parseString(t, "targets.csv", csv, Options{})
	// Two versions of one target in one push contradict each other: the
	// second is a problem, as for figures.
	if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].Error(), "row 3") {
		t.Fatalf("problems %v, want the second version of the 2025 target refused", b.Problems)
	}
	b = parseString(t, "targets.csv", strings.Replace(csv, "houma,gdp,14th-fyp,level,2025,230,2023-06-01\n", "", 1), Options{})
	noProblems(t, b)
	if len(b.Targets) != 2 || b.Targets[0].Published.String() != "2021-04-20" || !b.Targets[1].Published.Equal(pushDate) {
		t.Fatalf("targets %+v, want the first set 2021-04-20 and the second on the push's date", b.Targets)
	}

	js := `{"targets": [{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","base_year":2020,"year":2025,"value":230,"published":"2023-06-01"}]}`
	b = parseString(t, "review.json", js, Options{})
	noProblems(t, b)
	if len(b.Targets) != 1 || b.Targets[0].Published.String() != "2023-06-01" {
		t.Fatalf("JSON target %+v, want it set 2023-06-01", b.Targets)
	}

	b = parseString(t, "targets.csv", "region,indicator,plan,kind,year,value,published\nhouma,gdp,14th-fyp,level,2025,250,next spring\n", Options{})
	if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].Error(), "targets.csv row 2 column G (published)") {
		t.Fatalf("problems %v, want the bad date named with its row and column", b.Problems)
	}
}

func problemTexts(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Error()
	}
	return out
}

// TestTenDifferentErrorsAreAllReportedWithTheirRows is the acceptance test of
// validation on its own; apply_test.go checks that nothing is written.
func TestTenDifferentErrorsAreAllReportedWithTheirRows(t *testing.T) {
	b := parseFixture(t, "ten_errors.csv", Options{})
	want := []string{
		`ten_errors.csv row 3 column A (region): region "huoma" is unknown (did you mean houma?)`,
		`ten_errors.csv row 4 column B (indicator): indicator "gpd" is unknown (did you mean gdp?)`,
		`ten_errors.csv row 5 column D (value): "abc" is not a number`,
		`ten_errors.csv row 6 column D (value): "NaN" is not a finite number (NaN or infinity)`,
		`ten_errors.csv row 7 column D (value): "Inf" is not a finite number (NaN or infinity)`,
		`ten_errors.csv row 8 column D (value): -5 is negative, but industrial_output is a level in 100m_yuan (亿元) and cannot be`,
		`ten_errors.csv row 9 column C (year): year 1850 is outside 1900–2150`,
		`ten_errors.csv row 10 column D (value): houma gdp 2019: 117.5 here but 116 in row 2`,
		`ten_errors.csv row 11 column E (unit): unit percent (%) does not convert to 100m_yuan (亿元): indicator gdp is measured in 100m_yuan (亿元); write it in a unit that converts to it: 亿元, 万元, 千元, 元, billion yuan or million yuan`,
		`ten_errors.csv row 12 column F (status): status "provisional" must be final, preliminary, estimate or withdrawn (终值, 初步, 预计, 撤回)`,
	}
	got := problemTexts(b.Problems)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestProblemsStopAtTheLimit(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("region,indicator,year,value\n")
	for i := 0; i < 50; i++ {
		sb.WriteString("houma,gdp,2020,x\n")
	}
	b := parseString(t, "many.csv", sb.String(), Options{MaxProblems: 5})
	if len(b.Problems) != 6 || !strings.HasPrefix(b.Problems[5].Message, "too many problems: stopped after 5") {
		t.Errorf("problems %v, want 5 and a note that reading stopped", problemTexts(b.Problems))
	}
}

func TestMaxRowsRejectsLargerFiles(t *testing.T) {
	b := parseString(t, "big.csv", "region,indicator,year,value\nhouma,gdp,2019,1\nhouma,gdp,2020,2\nhouma,gdp,2021,3\n", Options{MaxRows: 3})
	if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].Message, "more than 3 rows") {
		t.Errorf("problems %v, want the row limit", problemTexts(b.Problems))
	}
}

func TestHeadersInChineseWithUnitsInTheHeader(t *testing.T) {
	b := parseString(t, "zh.csv", "地区名称,指标名称,年度,数据（万元）,资料来源\n子洲,地区生产总值,2020年,\"823,000\",子洲县统计公报\n", Options{})
	noProblems(t, b)
	checkFigures(t, b, []figure{{region: "zizhou", indicator: "gdp", year: 2020, value: 82.3}})

	semicolons := parseString(t, "eu.csv", "region;indicator;year;GDP (亿元)\n", Options{})
	if len(semicolons.Problems) != 0 {
		t.Errorf("semicolon-separated header: %v", problemTexts(semicolons.Problems))
	}
}

func TestGB18030CSVIsDecoded(t *testing.T) {
	// "地区,指标,年份,数值\n侯马市,地区生产总值,2020,120.8\n" in GB18030, as Chinese Excel saves CSV.
	gb := []byte{0xb5, 0xd8, 0xc7, 0xf8, ',', 0xd6, 0xb8, 0xb1, 0xea, ',', 0xc4, 0xea, 0xb7, 0xdd, ',', 0xca, 0xfd, 0xd6, 0xb5, '\n',
		0xba, 0xee, 0xc2, 0xed, 0xca, 0xd0, ',', 0xb5, 0xd8, 0xc7, 0xf8, 0xc9, 0xfa, 0xb2, 0xfa, 0xd7, 0xdc, 0xd6, 0xb5, ',',
		'2', '0', '2', '0', ',', '1', '2', '0', '.', '8', '\n'}
	b := parseString(t, "gbk.csv", string(gb), Options{})
	noProblems(t, b)
	checkFigures(t, b, []figure{{region: "houma", indicator: "gdp", year: 2020, value: 120.8}})
}

func TestATableWithoutRegionNeedsOne(t *testing.T) {
	const table = "指标,2019,2020\n地区生产总值,116.0,120.8\n"
	b := parseString(t, "noregion.csv", table, Options{})
	if len(b.Problems) != 1 || b.Problems[0].Row != 2 || b.Problems[0].Field != "region" {
		t.Errorf("problems %v, want region missing on row 2", problemTexts(b.Problems))
	}
	withRegion := parseString(t, "noregion.csv", table, Options{Region: "houma"})
	noProblems(t, withRegion)
	checkFigures(t, withRegion, []figure{
		{region: "houma", indicator: "gdp", year: 2019, value: 116},
		{region: "houma", indicator: "gdp", year: 2020, value: 120.8},
	})
}

func TestDetectFormat(t *testing.T) {
	for i, tc := range []struct {
		name, ct string
		head     string
		want     string
	}{
		{"x", "application/json; charset=utf-8", "", FormatJSON},
		{"x", "text/csv", "", FormatCSV},
		{"x", ContentTypeXLSX, "", FormatXLSX},
		{"gdp.xlsx", "application/octet-stream", "", FormatXLSX},
		{"upload", "", "PK\x03\x04", FormatXLSX},
		{"upload", "", "  [{", FormatJSON},
		{"upload", "", "region,indicator", FormatCSV},
	} {
		if got := DetectFormat(tc.name, tc.ct, []byte(tc.head)); got != tc.want {
			t.Errorf("case %d: DetectFormat = %s, want %s", i, got, tc.want)
		}
	}
}

func TestProblemErrorNamesEverythingItKnows(t *testing.T) {
	p := Problem{File: "gdp.xlsx", Sheet: "表1", Row: 7, Column: "C", Field: "value", Message: `"abc" is not a number`}
	if got, want := p.Error(), `gdp.xlsx sheet 表1 row 7 column C (value): "abc" is not a number`; got != want {
		t.Errorf("Error() = %s, want %s", got, want)
	}
}

func TestTitleGivesRegionAndUnitAndNumberingIsIgnored(t *testing.T) {
	const table = "子洲县经济指标（单位：亿元）\n" +
		"项目,2019年,2020年\n" +
		"一、地区生产总值,79.6,82.3\n" +
		"其中：规模以上工业增加值,40.2,41.0\n" +
		"2.一般公共预算收入,5.02,…\n" +
		"资料来源：子洲县统计局\n"
	b := parseString(t, "title.csv", table, Options{})
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "zizhou", indicator: "gdp", year: 2019, value: 79.6},
		{region: "zizhou", indicator: "gdp", year: 2020, value: 82.3},
		{region: "zizhou", indicator: "industrial_value_added", year: 2019, value: 40.2},
		{region: "zizhou", indicator: "industrial_value_added", year: 2020, value: 41},
		{region: "zizhou", indicator: "budget_revenue", year: 2019, value: 5.02},
	})
}

func TestAHeaderWithoutAValueColumnIsReported(t *testing.T) {
	b := parseString(t, "novalue.csv", "note line\nregion,indicator,year\nhouma,gdp,2020\n", Options{})
	want := "novalue.csv row 2: the header has no value (数值) column"
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
		t.Errorf("problems %v, want [%s]", got, want)
	}
}

func TestKnowingTheSizeChangesNothingButTheAllocation(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("region,indicator,year,value\n")
	// 275 KB: more than the 64 KB the estimate looks at; years up to 2024,
	// published by the push's date (pushDate).
	for y := 1900; y < 2025; y++ {
		for _, ind := range []string{"gdp", "budget_revenue", "fixed_asset_investment", "retail_sales", "industrial_value_added", "industrial_output", "urban_disposable_income", "rural_disposable_income"} {
			fmt.Fprintf(&sb, "houma,%s,%d,%d.5,,,%s\n", ind, y, y-1800, strings.Repeat(" ", 240))
		}
	}
	sb.WriteString("houma,gdp,2020,x\n") // and a problem, which must keep its row
	doc := sb.String()
	unknown := parseString(t, "long.csv", doc, Options{})
	known := parseString(t, "long.csv", doc, Options{Size: int64(len(doc))})
	if len(known.Observations) != 1000 || !reflect.DeepEqual(known, unknown) {
		t.Errorf("with the size: %d figures, problems %v; without: %d, %v",
			len(known.Observations), problemTexts(known.Problems), len(unknown.Observations), problemTexts(unknown.Problems))
	}
	if c := cap(known.Observations); c < 1000 || c > 1050 {
		t.Errorf("sized for %d figures, want 1000 to 1050 (the estimate, not a grown slice)", c)
	}
}

func TestExpectedRowsFromTheSizeAndTheFirstBytes(t *testing.T) {
	head := []byte(strings.Repeat("houma,gdp,2020,1\n", 100)) // 17 bytes a row
	for _, c := range []struct {
		name    string
		size    int64
		head    []byte
		maxRows int
		want    int
	}{
		{"a thousand rows and 2% spare", 17_000, head, 1_000_000, 1020},
		{"capped by the row limit", 17_000, head, 300, 300},
		{"size unknown", 0, head, 1_000_000, 0},
		{"the head is the whole document", int64(len(head)), head, 1_000_000, 0},
		{"no line break in the head", 17_000, []byte("houma,gdp"), 1_000_000, 0},
	} {
		if got := expectedRows(c.size, c.head, c.maxRows); got != c.want {
			t.Errorf("%s: expectedRows = %d, want %d", c.name, got, c.want)
		}
	}
}

// A withdrawal names its figure and needs no value; every other figure still
// needs one.
func TestAWithdrawalNeedsNoValue(t *testing.T) {
	b := parseString(t, "withdraw.json", `[
  {"region": "houma", "indicator": "gdp", "year": 2019, "status": "withdrawn"},
  {"region": "houma", "indicator": "gdp", "year": 2018, "value": 110, "status": "撤销"},
  {"region": "houma", "indicator": "gdp", "year": 2017}
]`, Options{})
	if got, want := problemTexts(b.Problems), []string{"withdraw.json line 4 (value): value is missing"}; !slices.Equal(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
	if len(b.Observations) != 2 {
		t.Fatalf("observations = %+v, want the two withdrawals", b.Observations)
	}
	for _, o := range b.Observations {
		if !o.Withdrawn() || o.Value != 0 {
			t.Errorf("%d: status %q value %g, want a withdrawal of value 0", o.Year, o.Status, o.Value)
		}
	}
}
