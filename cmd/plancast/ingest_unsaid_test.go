package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A re-push of the same numbers changes nothing, whatever file they come
// in: the 2022 communiqué's row states 2021's GDP with its growth (+8.1%),
// and the yearbook's wide table, which has no place for a growth or a
// status, gives the same 2020 and 2021 GDP again. Unfixed, the table's
// defaults were taken as a revision ("2 revised"): the stated growths
// (2021's +8.1%, 2020's 5.3% a year since 2015) were dropped and 2020 turned
// final, and the 2021-annual +8.5% GDP target, judged on the stated growth
// (8.1%, off_track), was judged on the growth of the levels instead (8.6%,
// achieved).
func TestAWideTableOfTheSameNumbersLeavesTheVerdictsAsTheyWere(t *testing.T) {
	dir := seededDir(t)
	folder := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(folder, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	row := write("row.csv", "region,indicator,year,value,growth,published\nhouma,gdp,2021,131.2,8.1,2022-03-01\n")
	mustRun(t, "ingest", "--data-dir", dir, row)
	forecast := func() string {
		t.Helper()
		out := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
		return out[strings.Index(out, "\ntargets\n"):]
	}
	before := forecast()
	if !strings.Contains(before, "2021-annual  growth  2021  8.5%    8.1% (as stated)") || !strings.Contains(before, "off_track\n") {
		t.Fatalf("the 2021-annual target after the communiqué's row:\n%s", before)
	}

	wide := write("g2.csv", "indicator,2020,2021\ngdp,120.8,131.2\n")
	args := []string{"ingest", "--data-dir", dir, "--region", "houma", "--published", "2022-06-01", wide}
	for _, dryRun := range []bool{true, false} {
		a := args
		if dryRun {
			a = append(a[:len(a):len(a)], "--dry-run")
		}
		if out := mustRun(t, a...); !strings.Contains(out, "g2.csv: 0 new, 0 revised, 2 unchanged, 0 rejected") {
			t.Errorf("the wide table of the same numbers (dry run %v):\n%s", dryRun, out)
		}
	}
	if after := forecast(); after != before {
		t.Errorf("the targets after the wide re-push:\n%s\nwant them as before:\n%s", after, before)
	}
	history := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	for _, want := range []string{
		"2020        1  2021-04-20  preliminary  120.8                    +5.3% a year since 2015\n",
		"2021        1  2022-03-01        final  131.2                                      +8.1%\n",
	} {
		if !strings.Contains(history, want) {
			t.Errorf("history lacks %q:\n%s", want, history)
		}
	}
	if strings.Contains(history, "2022-06-01") {
		t.Errorf("the wide re-push stored a vintage:\n%s", history)
	}
}
