package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Committing a report's candidates goes the way of a push: checked whole
// (here a stored GDP of 2019 in the wrong unit makes the report's 2020 a
// tenfold jump), written all or nothing, reported like plancast ingest, and
// unchanged when committed again.
func TestIngestReportCommitIsCheckedAndWrittenLikeAPush(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, [2]string{"slip.csv", "region,indicator,year,value\nhouma,gdp,2019,12.08\n"})
	houma := filepath.Join("..", "..", "ingest", "report", "testdata", "reports", "004_381206a40357bc15.txt")
	commit := []string{"ingest", "--report", houma, "--region", "houma", "--data-dir", dir, "--commit"}

	code, stdout, _ := run(t, commit...)
	if code != 1 || !strings.Contains(stdout, "houma gdp 2020: 120.8 is 10.0 times the 2019 figure 12.08 (stored)") ||
		!strings.Contains(stdout, "nothing was written") {
		t.Fatalf("commit beside a slip: exit %d, stdout\n%s", code, stdout)
	}
	if out := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "budget_revenue"); strings.Contains(out, "5.29") {
		t.Errorf("the refused commit wrote budget revenue:\n%s", out)
	}

	first := mustRun(t, append(commit, "--accept-jumps")...)
	if !strings.Contains(first, "004_381206a40357bc15.txt: 10 new, 0 revised, 0 unchanged, 0 rejected\ntargets: 12 new, 0 revised, 0 unchanged\n") {
		t.Errorf("commit accepting jumps:\n%s", first)
	}
	again := mustRun(t, append(commit, "--accept-jumps")...)
	if !strings.Contains(again, "004_381206a40357bc15.txt: 0 new, 0 revised, 10 unchanged, 0 rejected\ntargets: 0 new, 0 revised, 12 unchanged\n") {
		t.Errorf("the same commit again:\n%s", again)
	}
}
