package seed_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/plancast/plancast"
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
