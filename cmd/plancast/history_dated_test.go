package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A clerk pushes the year's figures without a date, reads the note that
// they are dated the day of the push and that --published dates them, and
// pushes the same file again with the day they were published: the figure
// is kept as an earlier vintage of the one served, a note says so, and an
// answer as of that day on has it; the first push's vintage keeps its date.
// A user test was answered "0 new, 0 revised, 1 unchanged" with no note, and
// the forecast as of 2025-06-01 still lacked the 2024 figure. The store,
// exported and imported, reads back the same: the import wrote the first
// push's vintage, the same figure as the earlier one listed before it, as
// it had written none of a figure the same as the vintage before it.
func TestAFigurePushedAgainWithItsPublishedDateTakesTheDate(t *testing.T) {
	dir := seededDir(t)
	folder := t.TempDir()
	undated := filepath.Join(folder, "undated.csv")
	if err := os.WriteFile(undated, []byte("region,indicator,year,value\nhouma,gdp,2024,152.8\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "ingest", "--data-dir", dir, undated)
	today := plancast.Today().String()

	out := mustRun(t, "ingest", "--data-dir", dir, "--published", "2025-03-20", undated)
	for _, says := range []string{
		"undated.csv: 0 new, 0 revised, 1 kept as history, 0 unchanged, 0 rejected",
		"note: 1 figure is stored already with a later date (the vintage served), so the earlier date this push gives it is kept as history",
		"houma gdp 2024: 152.8 (published 2025-03-20) is kept as an earlier vintage of the figure served since " + today,
	} {
		if !strings.Contains(out, says) {
			t.Errorf("the push with --published says\n%s\nwant %q", out, says)
		}
	}
	wantLines(t, mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"),
		"2024 1 2025-03-20 final 152.8",
		"2 "+today+" final 152.8 0.0 +0.00%",
		"0 of 3 years revised since their first release",
	)
	asOf := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", "2025-06-01")
	if !lines(asOf).has("2024 152.8") {
		t.Errorf("forecast as of 2025-06-01:\n%s\nwant the 2024 figure, published 2025-03-20", asOf)
	}

	archive := filepath.Join(t.TempDir(), "houma.json.gz")
	mustRun(t, "export", "--data-dir", dir, "--out", archive)
	rebuilt := t.TempDir()
	if out := mustRun(t, "import", "--data-dir", rebuilt, archive); !strings.Contains(out, "read back the same") {
		t.Errorf("import says %q", out)
	}
	args := []string{"history", "--region", "houma", "--indicator", "gdp"}
	if before, after := mustRun(t, append(args, "--data-dir", dir)...), mustRun(t, append(args, "--data-dir", rebuilt)...); before != after {
		t.Errorf("the history of the rebuilt store:\n%s\nwant the exported one's:\n%s", after, before)
	}
}
