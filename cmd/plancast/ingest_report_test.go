package main

import (
	"os"
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

// The 2021 report committed again after a later document lowered its 2025
// GDP target to 230 and the bureau revised its 2020 GDP to 121.5: the
// report's target and figure restate the versions of its date, so the
// commit counts them unchanged, says which versions they restate and what
// replaced them, and stores nothing (the history reads as before: no copy of
// the old version, 230 in force). Unfixed, it said "1 revised" twice and
// stored both again. A targets table of the report's date pushed with
// plancast ingest is read the same way, and one whose value contradicts the
// version of that date is refused at its value.
func TestTheReportCommittedAgainRestatesWhatLaterDocumentsChanged(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir,
		[2]string{"review.csv", "region,indicator,plan,kind,year,value,base_year,published\nhouma,gdp,14th-fyp,level,2025,230,2020,2023-06-01\n"},
		[2]string{"bureau.csv", "region,indicator,year,value,status,published\nhouma,gdp,2020,121.5,final,2022-03-01\n"})
	history := []string{"history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"}
	before := mustRun(t, history...)

	houma := filepath.Join("..", "..", "ingest", "report", "testdata", "reports", "004_381206a40357bc15.txt")
	out := mustRun(t, "ingest", "--report", houma, "--region", "houma", "--data-dir", dir, "--commit")
	for _, want := range []string{
		"004_381206a40357bc15.txt: 0 new, 0 revised, 10 unchanged, 0 rejected\ntargets: 0 new, 0 revised, 12 unchanged\n",
		"note: 1 figure restates a vintage revised since, so it counts unchanged and is not stored again: 004_381206a40357bc15.txt: houma gdp 2020: " +
			"120.8, growth 5.3% a year since 2015 (preliminary), published 2021-04-20, restates the vintage published 2021-04-20, which was revised on 2022-03-01 to 121.5, the figure served",
		"note: 1 target restates a version replaced since, so it counts unchanged and is not stored again: 004_381206a40357bc15.txt: houma gdp 14th-fyp level 2025: 250, dated 2021-04-20, " +
			"restates the version set on 2021-04-20, which was replaced on 2023-06-01 by 230, the version in force",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report committed again:\n%s\nwant it to say\n%s", out, want)
		}
	}
	if after := mustRun(t, history...); after != before {
		t.Errorf("the history changed:\n%s\nwas\n%s", after, before)
	}

	table := "region,indicator,plan,kind,year,value,base_year,published\nhouma,gdp,14th-fyp,level,2025,250,2020,2021-04-20\n"
	folder := t.TempDir()
	path := filepath.Join(folder, "plan2021.csv")
	if err := os.WriteFile(path, []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, "ingest", "--data-dir", dir, path); !strings.Contains(out, "targets: 0 new, 0 revised, 1 unchanged\n"+
		"note: 1 target restates a version replaced since, so it counts unchanged and is not stored again: plan2021.csv row 2: houma gdp 14th-fyp level 2025: 250, dated 2021-04-20") {
		t.Errorf("the report's target as a table:\n%s", out)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(table, ",250,", ",260,", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := run(t, "ingest", "--data-dir", dir, path)
	if want := "plan2021.csv row 2 column F (value): houma gdp 14th-fyp level 2025: 260, dated 2021-04-20, contradicts the version set on that date (250)"; code != 1 || !strings.Contains(stdout, want) {
		t.Errorf("260 dated 2021-04-20: exit %d\n%s\nwant it refused: %s", code, stdout, want)
	}
	if after := mustRun(t, history...); after != before {
		t.Errorf("the history changed:\n%s\nwas\n%s", after, before)
	}
}
