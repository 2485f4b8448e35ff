package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

func genRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(context.Background(), append([]string{"gen"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func genParse(t *testing.T, name string, cat ingest.Catalog) *ingest.Batch {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := ingest.Parse(name, "", f, cat, ingest.Options{})
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	if len(b.Problems) > 0 {
		t.Fatalf("parse %s: %d problems, first: %+v", name, len(b.Problems), b.Problems[0])
	}
	return b
}

func TestGenWritesAParsableDeterministicDataset(t *testing.T) {
	const regions, indicators, years = 23, 20, 9
	dirs := []string{t.TempDir(), t.TempDir()}
	for _, dir := range dirs {
		code, stdout, stderr := genRun(t, "--regions", "23", "--indicators", "20", "--years", "9", "--per-file", "10", "--seed", "7", "--out", dir)
		if code != 0 {
			t.Fatalf("gen: exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "4140 observations in 3 files") || !strings.Contains(stdout, "276 targets") {
			t.Errorf("summary: %q", stdout)
		}
		if !strings.Contains(stderr, "observations-0003.csv: counties 21–23") {
			t.Errorf("progress: %q", stderr)
		}
	}
	names, err := filepath.Glob(filepath.Join(dirs[0], "*"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var base []string
	for _, n := range names {
		base = append(base, filepath.Base(n))
	}
	want := "catalog.json observations-0001.csv observations-0002.csv observations-0003.csv targets.csv"
	if got := strings.Join(base, " "); got != want {
		t.Fatalf("files %q, want %q", got, want)
	}
	for _, b := range base {
		x, _ := os.ReadFile(filepath.Join(dirs[0], b))
		y, _ := os.ReadFile(filepath.Join(dirs[1], b))
		if !bytes.Equal(x, y) || len(x) == 0 {
			t.Errorf("%s differs between two runs with the same seed (or is empty)", b)
		}
	}
	// Another seed gives other figures.
	other := t.TempDir()
	if code, _, stderr := genRun(t, "--regions", "23", "--indicators", "20", "--years", "9", "--per-file", "10", "--seed", "8", "--out", other); code != 0 {
		t.Fatalf("gen seed 8: %s", stderr)
	}
	x, _ := os.ReadFile(filepath.Join(dirs[0], "observations-0001.csv"))
	y, _ := os.ReadFile(filepath.Join(other, "observations-0001.csv"))
	if bytes.Equal(x, y) {
		t.Error("seeds 7 and 8 wrote the same figures")
	}

	dir := dirs[0]
	cb := genParse(t, filepath.Join(dir, "catalog.json"), ingest.Catalog{})
	counties := 0
	for _, r := range cb.Regions {
		if r.Level == plancast.LevelCounty {
			counties++
		}
	}
	if counties != regions || len(cb.Indicators) != indicators {
		t.Fatalf("catalog: %d counties, %d indicators; want %d and %d", counties, len(cb.Indicators), regions, indicators)
	}
	if cb.Indicators[0].Code != "gdp" {
		t.Errorf("first indicator %q, want gdp (the seed's come first)", cb.Indicators[0].Code)
	}
	cat := ingest.Catalog{Regions: cb.Regions, Indicators: cb.Indicators}
	obs := 0
	perSeries := map[plancast.SeriesKey]int{}
	for i := 1; i <= 3; i++ {
		b := genParse(t, filepath.Join(dir, "observations-000"+string(rune('0'+i))+".csv"), cat)
		obs += len(b.Observations)
		for _, o := range b.Observations {
			perSeries[o.Key().SeriesKey]++
			if o.Year < 2023-years+1 || o.Year > 2023 {
				t.Fatalf("observation year %d outside 2015–2023", o.Year)
			}
		}
	}
	if obs != regions*indicators*years || len(perSeries) != regions*indicators {
		t.Errorf("%d observations in %d series, want %d in %d", obs, len(perSeries), regions*indicators*years, regions*indicators)
	}

	tb := genParse(t, filepath.Join(dir, "targets.csv"), cat)
	perRegion := map[string]int{}
	kinds := map[string]int{}
	for _, tg := range tb.Targets {
		perRegion[tg.Region]++
		kinds[tg.Kind]++
		if tg.Plan != "14th-fyp" || tg.Year != 2025 || tg.BaseYear != 2020 {
			t.Errorf("target %+v: want 14th-fyp, 2025, base 2020", tg)
		}
	}
	if len(perRegion) != regions {
		t.Errorf("%d regions have targets, want %d", len(perRegion), regions)
	}
	for r, n := range perRegion {
		if n < 10 {
			t.Errorf("region %s has %d targets, want at least 10", r, n)
		}
	}
	for _, k := range []string{plancast.TargetLevel, plancast.TargetAvgGrowth, plancast.TargetCeiling, plancast.TargetFloor, plancast.TargetShare} {
		if kinds[k] == 0 {
			t.Errorf("no %s target among %v", k, kinds)
		}
	}
}

func TestGenRejectsTooFewTargets(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := genRun(t, "--targets", "9", "--out", dir); code != 2 || !strings.Contains(stderr, "at least 10") {
		t.Errorf("--targets 9: exit %d, %q", code, stderr)
	}
	if code, _, stderr := genRun(t, "--indicators", "2", "--out", dir); code != 2 || !strings.Contains(stderr, "needs more indicators") {
		t.Errorf("--indicators 2: exit %d, %q", code, stderr)
	}
	if code, _, _ := genRun(t, "--regions", "3"); code != 2 {
		t.Errorf("no --out: exit %d, want 2", code)
	}
}

// A flag gen refuses is told once, on one line.
func TestGenTellsAMistakeOnce(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--regions", "0"}, "plancast gen: --regions 0 must be 1–99999\n"},
		{[]string{"--targets", "9"}, "at least 10"},
		{[]string{"--indicators", "2"}, "needs more indicators"},
	} {
		code, _, stderr := genRun(t, append(c.args, "--out", dir)...)
		if code != 2 || strings.Count(stderr, c.want) != 1 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q once, on one line", c.args, code, stderr, c.want)
		}
	}
}

// gen writes no figure ingest would refuse: an end year whose figures are
// published after today (each year's on the 31st of March after it) is a
// usage error naming the last year that can be.
func TestGenRefusesAnEndYearNotYetPublished(t *testing.T) {
	next := plancast.Today().Time().Year() + 1
	code, _, stderr := run(t, "gen", "--out", t.TempDir(), "--regions", "1", "--end-year", strconv.Itoa(next))
	if want := fmt.Sprintf("--end-year %d: its figures would be published on %d-03-31", next, next+1); code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("gen --end-year %d: exit %d, %q; want a usage error with %q", next, code, stderr, want)
	}
	for date, want := range map[string]int{"2026-11-23": 2025, "2026-03-31": 2025, "2026-03-30": 2024, "2027-01-02": 2025} {
		d, err := plancast.ParseDate(date)
		if err != nil {
			t.Fatal(err)
		}
		if got := lastPublishedYear(d); got != want {
			t.Errorf("lastPublishedYear(%s) = %d, want %d", date, got, want)
		}
	}
}
