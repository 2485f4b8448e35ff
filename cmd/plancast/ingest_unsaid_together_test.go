package main

import (
	"strings"
	"testing"
)

// A file with no growth column says nothing of the growth, in one push as
// one after the other: pushed with the year's file that states it, its
// figure of the same value is the same figure, on the store and through a
// server, and the growth stated is kept. Before, the two were refused as a
// conflict ("152.8 here but 152.8, growth 5.2% in f_growth.csv row 2").
func TestAFileWithoutAGrowthColumnAgreesWithTheFileThatStatesIt(t *testing.T) {
	files := writeCSVs(t,
		[2]string{"f_growth.csv", "指标,单位,2024年,比上年增长(%)\n地区生产总值,亿元,152.8,5.2\n"},
		[2]string{"f_summary.csv", "指标,2023年,2024年\n地区生产总值（亿元）,145.1,152.8\n"})
	dir := catalogDir(t)
	code, stdout, stderr := run(t, append([]string{"ingest", "--data-dir", dir, "--region", "houma", "--published", "2025-03-20"}, files...)...)
	if code != 0 || !strings.HasPrefix(stdout, "f_growth.csv, f_summary.csv: 2 new, 0 revised, 0 unchanged, 0 rejected\n") {
		t.Errorf("on the store: exit %d, stdout\n%s\nstderr %s", code, stdout, stderr)
	}
	history := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	if !strings.Contains(history, "152.8") || !strings.Contains(history, "+5.2%") {
		t.Errorf("history after the push:\n%s\nwant 2024 at 152.8 with its stated growth +5.2%%", history)
	}

	// Through a server each file is judged against the store as it stands
	// (a dry run: both new), the summary after the year's file: its 2024
	// is the same figure, unchanged, keeping the growth stored with it.
	url, admin := serverWithAdmin(t, nil)
	for _, c := range []struct {
		dry  bool
		want []string
	}{
		{true, []string{"f_growth.csv: 1 new, 0 revised, 0 unchanged, 0 rejected\n", "f_summary.csv: 2 new, 0 revised, 0 unchanged, 0 rejected\n"}},
		{false, []string{"f_growth.csv: 1 new, 0 revised, 0 unchanged, 0 rejected\n", "f_summary.csv: 1 new, 0 revised, 1 unchanged, 0 rejected\n"}},
	} {
		args := append([]string{"ingest", "--server", url, "--token", admin, "--region", "houma", "--published", "2025-03-20"}, files...)
		if c.dry {
			args = append(args, "--dry-run")
		}
		code, stdout, stderr = run(t, args...)
		for _, w := range c.want {
			if code != 0 || !strings.Contains(stdout, w) {
				t.Errorf("through the server (dry run %v): exit %d, stdout\n%s\nstderr %s\nwant %q", c.dry, code, stdout, stderr, w)
			}
		}
	}
}
