package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

// openStore opens a fresh embedded store holding the seed catalog (regions and
// indicators, no figures).
func openStore(t *testing.T) *bolt.Store {
	t.Helper()
	st, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cat := seedCatalog(t)
	ctx := context.Background()
	if err := st.PutRegions(ctx, cat.Regions); err != nil {
		t.Fatal(err)
	}
	if err := st.PutIndicators(ctx, cat.Indicators); err != nil {
		t.Fatal(err)
	}
	return st
}

func apply(t *testing.T, st plancast.Store, b *Batch, dryRun bool) *Report {
	t.Helper()
	rep, err := Apply(context.Background(), st, b, ApplyOptions{DryRun: dryRun})
	if err != nil {
		t.Fatalf("Apply: %v (problems: %v)", err, problemTexts(b.Problems))
	}
	return rep
}

func counts(r *Report) [4]int { return [4]int{r.New, r.Revised, r.Unchanged, r.Rejected} }

func TestTenErrorsWriteNothing(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	before, _ := st.DataVersion(ctx)

	b := parseFixture(t, "ten_errors.csv", Options{})
	rep, err := Apply(ctx, st, b, ApplyOptions{})
	if plancast.ErrorCode(err) != plancast.EINVALID {
		t.Fatalf("Apply error = %v, want EINVALID", err)
	}
	if len(rep.Problems) != 10 || rep.Rejected != 10 {
		t.Errorf("report: %d problems, %d rejected; want 10 and 10", len(rep.Problems), rep.Rejected)
	}
	rows := map[int]bool{}
	for _, p := range rep.Problems {
		rows[p.Row] = true
	}
	for row := 3; row <= 12; row++ {
		if !rows[row] {
			t.Errorf("no problem reported for row %d", row)
		}
	}
	if rep.New+rep.Revised+rep.Unchanged != 0 {
		t.Errorf("counts %v, want nothing counted as written", counts(rep))
	}
	// Rows 2 and 13 are valid, but the batch is all or nothing.
	for _, k := range []plancast.SeriesKey{{Region: "houma", Indicator: "gdp"}, {Region: "guyang", Indicator: "gdp"}} {
		if _, err := st.Series(ctx, plancast.SeriesQuery{Region: k.Region, Indicator: k.Indicator}); plancast.ErrorCode(err) != plancast.ENOTFOUND {
			t.Errorf("series %s/%s after a rejected batch: %v, want not found", k.Region, k.Indicator, err)
		}
	}
	if after, _ := st.DataVersion(ctx); after != before {
		t.Errorf("data version changed from %s to %s", before, after)
	}
}

func TestRePushIsUnchangedAndAChangedFigureIsARevisionReadableAsOf(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()

	first := apply(t, st, parseFixture(t, "wide.csv", Options{Published: plancast.NewDate(2021, time.May, 10)}), false)
	if got := counts(first); got != [4]int{18, 0, 0, 0} {
		t.Errorf("first push: new/revised/unchanged/rejected = %v, want 18 new", got)
	}
	version, _ := st.DataVersion(ctx)

	again := apply(t, st, parseFixture(t, "wide.csv", Options{Published: plancast.NewDate(2021, time.June, 1)}), false)
	if got := counts(again); got != [4]int{0, 0, 18, 0} {
		t.Errorf("identical re-push: %v, want 18 unchanged", got)
	}
	if v, _ := st.DataVersion(ctx); v != version {
		t.Errorf("an identical re-push changed the data version")
	}

	// The yearbook revises nothing for Houma (same figures) but adds Zizhou;
	// a third file revises Houma's 2020 GDP.
	yb := apply(t, st, parseFixture(t, "yearbook.xlsx", Options{Sheet: "表1"}), false)
	if got := counts(yb); got != [4]int{9, 0, 15, 0} {
		t.Errorf("yearbook: %v, want 9 new (Zizhou) and 15 unchanged (Houma)", got)
	}
	revisedOn := plancast.NewDate(2021, time.September, 1)
	rev := apply(t, st, parseString(t, "revision.csv", "地区,指标,年份,数值,单位\n侯马市,地区生产总值,2020,121.3,亿元\n", Options{Published: revisedOn}), false)
	if got := counts(rev); got != [4]int{0, 1, 0, 0} {
		t.Errorf("revision: %v, want 1 revised", got)
	}

	latest, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp", From: 2020, To: 2020})
	if err != nil || len(latest.Observations) != 1 || latest.Observations[0].Value != 121.3 {
		t.Fatalf("latest 2020 GDP: %+v, %v; want 121.3", latest, err)
	}
	asOf, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp", From: 2020, To: 2020, AsOf: plancast.NewDate(2021, time.August, 31)})
	if err != nil || len(asOf.Observations) != 1 || asOf.Observations[0].Value != 120.8 {
		t.Fatalf("2020 GDP as of 2021-08-31: %+v, %v; want the earlier 120.8", asOf, err)
	}
	vs, err := st.Vintages(ctx, plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear})
	if err != nil {
		t.Fatal(err)
	}
	var of2020 []float64
	for _, v := range vs {
		if v.Year == 2020 {
			of2020 = append(of2020, v.Value)
		}
	}
	if len(of2020) != 2 || of2020[0] != 120.8 || of2020[1] != 121.3 {
		t.Errorf("vintages of 2020: %v, want [120.8 121.3]", of2020)
	}
}

func TestDryRunCountsWhatAWriteWouldDoAndWritesNothing(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	apply(t, st, parseFixture(t, "long.csv", Options{}), false)
	version, _ := st.DataVersion(ctx)

	// long.csv again, with one figure changed and one added.
	changed := parseString(t, "long2.csv", `region,indicator,year,value,unit,status,period,source,published
houma,gdp,2019,"1,160,000",万元,final,year,侯马市2019年统计公报,2020-03-20
侯马市,一般公共预算收入,2020,5.31,亿元,,,侯马市2021年政府工作报告,2021-06-01
Houma,Urban per capita disposable income,2020,"33,029",元,,,,
houma,unemployment_rate,2020,2.9,%,final,,,
固阳县,GDP,2021,９８．５,亿元,preliminary,1-11月,,
zizhou,retail_sales,2020,1.21,billion yuan,,,,
zizhou,retail_sales,2021,1.30,billion yuan,,,,
`, Options{})
	dry := apply(t, st, changed, true)
	if !dry.DryRun || counts(dry) != [4]int{1, 1, 5, 0} {
		t.Errorf("dry run: %v (dry_run %v), want 1 new, 1 revised, 5 unchanged", counts(dry), dry.DryRun)
	}
	if v, _ := st.DataVersion(ctx); v != version {
		t.Fatalf("a dry run changed the store")
	}
	real := apply(t, st, changed, false)
	if counts(real) != counts(dry) {
		t.Errorf("real write %v differs from the dry run's %v", counts(real), counts(dry))
	}
}

func TestTargetsAreWrittenAndRePushedUnchanged(t *testing.T) {
	st := openStore(t)
	b := parseFixture(t, "targets.csv", Options{})
	b.Merge(parseFixture(t, "targets.xlsx", Options{}))
	// 5 + 4 targets, of which Houma's 2021 unemployment ceiling is in both files
	// and counts once.
	dry := apply(t, st, b, true)
	if dry.Targets != (plancast.WriteResult{New: 8}) {
		t.Errorf("dry run targets %+v, want 8 new", dry.Targets)
	}
	first := apply(t, st, b, false)
	if first.Targets != (plancast.WriteResult{New: 8}) {
		t.Errorf("targets %+v, want 8 new", first.Targets)
	}
	again := parseFixture(t, "targets.csv", Options{})
	if rep := apply(t, st, again, true); rep.Targets != (plancast.WriteResult{Unchanged: 5}) {
		t.Errorf("dry re-push %+v, want 5 unchanged", rep.Targets)
	}
	if rep := apply(t, st, again, false); rep.Targets != (plancast.WriteResult{Unchanged: 5}) {
		t.Errorf("re-push %+v, want 5 unchanged", rep.Targets)
	}
}

// A dry run over more series than it reads one by one reads every stored
// target at once and still counts as the write does.
func TestDryRunOfTargetsOverManySeriesCountsAsTheWrite(t *testing.T) {
	st := openStore(t)
	targets := func(gdp2025 string) *Batch {
		var b strings.Builder
		b.WriteString("region,indicator,plan,kind,year,value,unit\n")
		for _, r := range []string{"houma", "zizhou", "guyang"} {
			for _, ind := range []string{"gdp", "fiscal_revenue", "retail_sales", "fixed_asset_investment"} {
				v := "100"
				if r == "houma" && ind == "gdp" {
					v = gdp2025
				}
				fmt.Fprintf(&b, "%s,%s,14th-fyp,level,2025,%s,亿元\n", r, ind, v)
			}
		}
		return parseString(t, "targets.csv", b.String(), Options{})
	}
	if n := 12; n <= targetReadsPerSeries {
		t.Fatalf("the test needs more than %d series, has %d", targetReadsPerSeries, n)
	}
	apply(t, st, targets("250"), false)
	changed := targets("260") // one revised, eleven unchanged
	dry := apply(t, st, changed, true)
	if dry.Targets != (plancast.WriteResult{Revised: 1, Unchanged: 11}) {
		t.Errorf("dry run %+v, want 1 revised and 11 unchanged", dry.Targets)
	}
	if real := apply(t, st, changed, false); real.Targets != dry.Targets {
		t.Errorf("the write %+v differs from the dry run's %+v", real.Targets, dry.Targets)
	}
}

func TestABundleDeclaresItsCatalogEntriesInTheStore(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	rep := apply(t, st, parseFixture(t, "bundle.json", Options{}), false)
	if rep.New != 3 || rep.Targets.New != 1 || rep.Regions != 1 || rep.Indicators != 1 {
		t.Errorf("report %+v, want 3 new figures, 1 target, 1 region, 1 indicator", rep)
	}
	inds, _ := st.Indicators(ctx)
	found := false
	for _, i := range inds {
		found = found || i.Code == "tourism_revenue"
	}
	if !found {
		t.Errorf("tourism_revenue is not in the store's catalog")
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "quwo", Indicator: "tourism_revenue"})
	if err != nil || len(s.Observations) != 2 {
		t.Errorf("quwo tourism series: %+v, %v", s, err)
	}
}

func TestAnIndicatorCannotChangeItsUnit(t *testing.T) {
	st := openStore(t)
	b := parseString(t, "unit.json", `{"indicators": [
  {"code": "gdp", "name": "GDP", "unit": "10k_yuan", "kind": "level", "better": "higher"}
]}`, Options{})
	if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].Message, "cannot change its unit") || b.Problems[0].Line != 2 {
		t.Errorf("problems %v, want the unit change refused on line 2", problemTexts(b.Problems))
	}
	if _, err := Apply(context.Background(), st, b, ApplyOptions{}); plancast.ErrorCode(err) != plancast.EINVALID {
		t.Errorf("Apply: %v, want EINVALID", err)
	}
}

func TestApplyChecksNamesAgainstTheStoresCatalog(t *testing.T) {
	st := openStore(t)
	// Parsed against a catalog that knows quwo, but the store does not.
	cat := seedCatalog(t)
	cat.Regions = append(cat.Regions, plancast.Region{Code: "quwo", NameZh: "曲沃县", Level: plancast.LevelCounty})
	b, err := Parse("quwo.csv", "", strings.NewReader("region,indicator,year,value\nquwo,gdp,2020,100.5\n"), cat, Options{})
	if err != nil || len(b.Problems) != 0 {
		t.Fatalf("Parse: %v %v", err, b.Problems)
	}
	rep, err := Apply(context.Background(), st, b, ApplyOptions{})
	if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 || rep.Problems[0].Row != 2 {
		t.Errorf("Apply: %v, problems %v; want region quwo unknown on row 2", err, problemTexts(rep.Problems))
	}
}

func TestFilesPushedTogetherMustAgree(t *testing.T) {
	st := openStore(t)
	b := parseFixture(t, "wide.csv", Options{})
	b.Merge(parseFixture(t, "yearbook.xlsx", Options{Sheet: "表1"})) // agrees on Houma
	b.Merge(parseString(t, "other.csv", "region,indicator,year,value\nhouma,gdp,2020,119.0\n", Options{}))
	rep, err := Apply(context.Background(), st, b, ApplyOptions{})
	if plancast.ErrorCode(err) != plancast.EINVALID {
		t.Fatalf("Apply: %v, want EINVALID", err)
	}
	want := `other.csv row 2 column D (value): houma gdp 2020: 119 here but 120.8 in wide.csv row 3`
	if got := problemTexts(rep.Problems); len(got) != 1 || got[0] != want {
		t.Errorf("problems %v, want [%s]", got, want)
	}
}

func TestReportReadsWell(t *testing.T) {
	rep := &Report{Files: []string{"a.csv"}, New: 2, Revised: 1, Unchanged: 3, Rejected: 1,
		Problems: []Problem{{File: "a.csv", Row: 4, Column: "D", Field: "value", Message: `"x" is not a number`}}}
	var sb strings.Builder
	if err := rep.WriteText(&sb); err != nil {
		t.Fatal(err)
	}
	want := "a.csv: 2 new, 1 revised, 3 unchanged, 1 rejected\n1 problem; nothing was written:\n  a.csv row 4 column D (value): \"x\" is not a number\n"
	if sb.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", sb.String(), want)
	}
}

// Guyang's report is titled 2019 but describes 2009. A bureau that pushed its
// January–November figures under 2019 moves them with one file: each 2019 row
// withdrawn (status 撤回, no value needed) and the figure pushed under 2009.
// The dry run counts what the write does, and a withdrawal of a figure that
// is not stored is a problem at its row, so the file writes nothing.
func TestAFileMovesFiguresToTheirRightYearAllOrNothing(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	apply(t, st, parseString(t, "guyang-2019.csv", "地区,指标,年份,期间,数值,单位\n固阳县,GDP,2019,1-11月,56,亿元\n固阳县,社会消费品零售总额,2019,1-11月,9.1,亿元\n", Options{Published: plancast.NewDate(2021, time.May, 10)}), false)
	gdp := plancast.SeriesQuery{Region: "guyang", Indicator: "gdp", Period: "jan-nov"}

	wrongYear := parseString(t, "move.csv", "地区,指标,年份,期间,数值,单位,状态\n"+
		"固阳县,GDP,2019,1-11月,,,撤回\n"+
		"固阳县,GDP,2009,1-11月,56,亿元,\n"+
		"固阳县,社会消费品零售总额,2018,1-11月,,,撤回\n", Options{Published: plancast.NewDate(2021, time.May, 10)})
	rep, err := Apply(ctx, st, wrongYear, ApplyOptions{})
	if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 {
		t.Fatalf("withdrawing a figure never stored: err %v, problems %v; want EINVALID and one problem", err, problemTexts(rep.Problems))
	}
	if got, want := rep.Problems[0].Error(), "move.csv row 4 (status): guyang retail_sales 2018 jan-nov: no figure is stored to withdraw"; got != want {
		t.Errorf("problem = %q, want %q", got, want)
	}
	if s, err := st.Series(ctx, gdp); err != nil || len(s.Observations) != 1 || s.Observations[0].Year != 2019 {
		t.Fatalf("after the refused file GDP is %+v, %v; want 2019 alone, untouched", s, err)
	}

	move := parseString(t, "move.csv", "地区,指标,年份,期间,数值,单位,状态\n"+
		"固阳县,GDP,2019,1-11月,,,撤回\n"+
		"固阳县,GDP,2009,1-11月,56,亿元,\n"+
		"固阳县,社会消费品零售总额,2019,1-11月,9.1,亿元,withdrawn\n"+
		"固阳县,社会消费品零售总额,2009,1-11月,9.1,亿元,\n", Options{Published: plancast.NewDate(2021, time.June, 1)})
	dry := apply(t, st, move, true)
	real := apply(t, st, move, false)
	if counts(dry) != [4]int{2, 0, 0, 0} || dry.Withdrawn != 2 || counts(real) != counts(dry) || real.Withdrawn != 2 {
		t.Errorf("move: dry run %v and %d withdrawn, write %v and %d withdrawn; want 2 new and 2 withdrawn in both", counts(dry), dry.Withdrawn, counts(real), real.Withdrawn)
	}
	var text strings.Builder
	if err := real.WriteText(&text); err != nil || !strings.HasPrefix(text.String(), "move.csv: 2 new, 0 revised, 2 withdrawn, 0 unchanged, 0 rejected\n") {
		t.Errorf("report text %q, %v: want it to say 2 withdrawn", text.String(), err)
	}
	s, err := st.Series(ctx, gdp)
	if err != nil || len(s.Observations) != 1 || s.Observations[0].Year != 2009 || s.Observations[0].Value != 56 {
		t.Fatalf("GDP after the move: %+v, %v; want 2009 = 56 alone", s, err)
	}
	old := gdp
	old.AsOf = plancast.NewDate(2021, time.May, 31)
	if s, err := st.Series(ctx, old); err != nil || s.Observations[0].Year != 2019 {
		t.Errorf("GDP as of before the move: %+v, %v; want the 2019 figure as it was", s, err)
	}
}
