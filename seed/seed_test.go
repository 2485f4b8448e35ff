package seed_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
	"github.com/plancast/plancast/ingest/report"
	"github.com/plancast/plancast/seed"
	"github.com/plancast/plancast/store/bolt"
)

func openStore(t *testing.T) *bolt.Store {
	st, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestLoadGivesTheHoumaFigures(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	res, err := seed.Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if res.Observations.New == 0 || res.Targets.New == 0 {
		t.Fatalf("seed wrote nothing: %v", res)
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]float64{}
	for _, o := range s.Observations {
		got[o.Year] = o.Value
	}
	if got[2015] != 88.9 || got[2020] != 120.8 {
		t.Fatalf("houma gdp = %v, want 2015=88.9 and 2020=120.8", got)
	}
	ts, err := st.Targets(ctx, plancast.TargetFilter{Region: "houma", Indicator: "gdp", Plan: "14th-fyp"})
	if err != nil || len(ts) != 1 || ts[0].Value != 250 || ts[0].Year != 2025 || ts[0].Kind != plancast.TargetLevel {
		t.Fatalf("houma 14th-fyp gdp targets = %+v, %v; want level 250 in 2025", ts, err)
	}
	inds, _ := st.Indicators(ctx)
	for _, i := range inds {
		if i.Code == "gdp" && (i.Unit != plancast.Unit100mYuan || i.NameZh != "地区生产总值") {
			t.Fatalf("gdp indicator = %+v", i)
		}
	}

	again, err := seed.Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if again.Observations.New+again.Observations.Revised+again.Targets.New+again.Targets.Revised != 0 {
		t.Fatalf("second load changed data: %v", again)
	}
}

// The figures keep the growth their reports state with them, through the
// store: Houma's 13th Five-Year averages since 2015, Guyang's January to
// November growth year on year; a figure whose report states none has none.
func TestLoadKeepsTheGrowthTheReportsState(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := seed.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		region, indicator, period string
		year                      int
		growth                    float64 // 0: none stated
		base                      int
	}{
		{"houma", "gdp", plancast.PeriodYear, 2020, 5.3, 2015},
		{"houma", "rural_disposable_income", plancast.PeriodYear, 2020, 6.9, 2015},
		{"houma", "gdp", plancast.PeriodYear, 2015, 0, 0},
		{"guyang", "gdp", "jan-nov", 2009, 17.1, 2008},
		{"guyang", "electricity_sales", "jan-nov", 2009, -36.1, 2008},
	} {
		s, err := st.Series(ctx, plancast.SeriesQuery{Region: c.region, Indicator: c.indicator, Period: c.period})
		if err != nil {
			t.Fatal(err)
		}
		var o *plancast.Observation
		for i := range s.Observations {
			if s.Observations[i].Year == c.year {
				o = &s.Observations[i]
			}
		}
		switch {
		case o == nil:
			t.Errorf("%s %s %d %s: no figure", c.region, c.indicator, c.year, c.period)
		case c.growth == 0 && o.Growth != nil:
			t.Errorf("%s %s %d: growth %g, want none", c.region, c.indicator, c.year, *o.Growth)
		case c.growth != 0 && (o.Growth == nil || *o.Growth != c.growth || o.GrowthBase() != c.base):
			t.Errorf("%s %s %d: growth %v since %d, want %g since %d", c.region, c.indicator, c.year, o.Growth, o.GrowthBase(), c.growth, c.base)
		}
	}
}

// A stated growth is the one its source sentence states.
func TestEveryStatedGrowthIsInItsQuote(t *testing.T) {
	b, err := seed.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, o := range b.Observations {
		if o.Growth == nil {
			continue
		}
		n++
		if g := strconv.FormatFloat(math.Abs(*o.Growth), 'f', -1, 64) + "%"; !strings.Contains(o.Source.Quote, g) {
			t.Errorf("%s %s %d: growth %g%% is not in its quote %q", o.Region, o.Indicator, o.Year, *o.Growth, o.Source.Quote)
		}
	}
	if n != 12 {
		t.Errorf("%d figures state a growth, want 12 (Houma's five 2020 figures, Guyang's seven)", n)
	}
}

func TestEveryRegionHasChineseAndEnglishNames(t *testing.T) {
	b, err := seed.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range b.Regions {
		if r.Name == "" || r.NameZh == "" {
			t.Errorf("region %s lacks a name: %+v", r.Code, r)
		}
	}
	for _, i := range b.Indicators {
		if i.Name == "" || i.NameZh == "" {
			t.Errorf("indicator %s lacks a name: %+v", i.Code, i)
		}
	}
}

// Every figure and target carries the sentence it came from, verbatim from
// the report (garbled translation included).
func TestQuotesAreVerbatimFromTheReports(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "reports")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("reference reports not beside the repository (%v)", err)
	}
	space := regexp.MustCompile(`\s+`)
	norm := func(s string) string { return space.ReplaceAllString(s, " ") }
	texts := map[string]string{}
	load := func(doc string) string {
		file, _, _ := strings.Cut(doc, " ")
		if _, ok := texts[file]; !ok {
			b, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatalf("source document %q: %v", doc, err)
			}
			texts[file] = norm(string(b))
		}
		return texts[file]
	}
	b, err := seed.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, src plancast.Source) {
		if src.Document == "" || src.Quote == "" {
			t.Errorf("%s has no source: %+v", what, src)
			return
		}
		if !strings.Contains(load(src.Document), norm(src.Quote)) {
			t.Errorf("%s: quote not found in %s: %q", what, src.Document, src.Quote)
		}
	}
	for _, o := range b.Observations {
		check(o.Region+"/"+o.Indicator, o.Source)
	}
	for _, tg := range b.Targets {
		check(tg.Region+"/"+tg.Indicator+" target", tg.Source)
	}
}

// The demo data is what the reports say, read as plancast reads them: a
// planner who commits a report the seed came from (plancast ingest --report
// FILE --commit) onto the seeded store finds every accepted figure and target
// already there. Nothing is revised (a figure made preliminary again, a
// target version stacked on an identical one) and nothing is new (a target
// under another kind beside the seed's).
func TestCommittingTheReportsTheSeedCameFromChangesNothing(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "reports")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("reference reports not beside the repository (%v)", err)
	}
	ctx := context.Background()
	st := openStore(t)
	if _, err := seed.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	b, err := seed.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	regionOf := map[string]string{} // report file → the region the seed files it under
	for _, o := range b.Observations {
		file, _, _ := strings.Cut(o.Source.Document, " ")
		regionOf[file] = o.Region
	}
	for _, tg := range b.Targets {
		file, _, _ := strings.Cut(tg.Source.Document, " ")
		regionOf[file] = tg.Region
	}
	if len(regionOf) != 3 {
		t.Fatalf("the seed comes from %d reports (%v), want Houma's, Zizhou's and Guyang's", len(regionOf), regionOf)
	}
	for file, region := range regionOf {
		text, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		ex, err := report.Extract(text, report.Options{Region: region, Document: file})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		obs, ts := ex.Accepted()
		if len(obs)+len(ts) == 0 {
			t.Fatalf("%s: no accepted candidates", file)
		}
		rep, err := ingest.Apply(ctx, st, &ingest.Batch{Files: []string{file}, Observations: obs, Targets: ts}, ingest.ApplyOptions{})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if rep.New+rep.Revised+rep.Rejected != 0 || rep.Unchanged != len(obs) || rep.Targets.Changed() != 0 || rep.Targets.Unchanged != len(ts) {
			t.Errorf("committing %s (%s) onto the seed: figures %d new, %d revised, %d unchanged of %d, %d rejected; targets %+v of %d; problems %v",
				file, region, rep.New, rep.Revised, rep.Unchanged, len(obs), rep.Rejected, rep.Targets, len(ts), rep.Problems)
		}
	}
}

// The demo catalog, which catalogs are written after, declares each of its
// percentages of a whole so ("percent_of_whole": true), the shares and the
// unemployment rates, though their codes say it too; no other indicator.
func TestTheDemoCatalogDeclaresItsPercentagesOfAWhole(t *testing.T) {
	inds, err := seed.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	var declared []string
	for _, i := range inds {
		if i.OfWhole {
			declared = append(declared, i.Code)
		}
		if i.OfWhole != i.PercentOfWhole() {
			t.Errorf("%s: declared percent_of_whole %v, a percent of a whole by its code %v", i.Code, i.OfWhole, i.PercentOfWhole())
		}
	}
	if got, want := strings.Join(declared, " "), "unemployment_rate surveyed_unemployment_rate emerging_industry_share secondary_industry_share"; got != want {
		t.Errorf("declared percentages of a whole: %s, want %s", got, want)
	}
}
