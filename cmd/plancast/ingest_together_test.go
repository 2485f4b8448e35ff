package main

import (
	"strings"
	"testing"
)

// Two files that give one figure (or one target) differently are refused
// whole through a server as on the store, before anything is written, and
// in the same words: the client reads every file before it sends any
// (ingest.CheckTogether, the check the store path runs on the merged
// batch). Before, each file passed its dry run on its own, and the first
// was written before the second was refused or revised it.
func TestTwoFilesThatDisagreeAreRefusedWholeThroughAServerAsOnTheStore(t *testing.T) {
	const head = "region,indicator,year,value,unit,status,published\n"
	const targetsHead = "region,indicator,plan,kind,year,value,published\n"
	cases := []struct {
		name    string
		files   [][2]string
		problem string
	}{
		{"a figure", [][2]string{
			{"dupA.csv", head + "houma,fixed_asset_investment,2025,117.0,亿元,final,2026-03-01\n"},
			{"dupB.csv", head + "houma,fixed_asset_investment,2025,118.0,亿元,final,2026-03-01\n"}},
			"dupB.csv row 2 column D (value): houma fixed_asset_investment 2025: 118 here but 117 in dupA.csv row 2"},
		{"a target", [][2]string{
			{"tA.csv", targetsHead + "houma,gdp,15th-fyp,level,2030,330,2026-01-15\n"},
			{"tB.csv", targetsHead + "houma,gdp,15th-fyp,level,2030,340,2026-01-15\n"}},
			"tB.csv row 2 column F (value): target houma gdp 15th-fyp level 2030: 340 here but 330 in tA.csv row 2"},
	}
	for _, c := range cases {
		files := writeCSVs(t, c.files...)
		want := strings.Join([]string{c.files[0][0], c.files[1][0]}, ", ") + ": 0 new, 0 revised, 0 unchanged, 1 rejected\n" +
			"1 problem; nothing was written:\n  " + c.problem + "\n"
		stderrWant := "1 problem; nothing was written. First: " + c.problem

		dir := catalogDir(t)
		code, stdout, stderr := run(t, append([]string{"ingest", "--data-dir", dir}, files...)...)
		if code != 1 || stdout != want || !strings.Contains(stderr, stderrWant) {
			t.Errorf("%s, on the store: exit %d, stdout\n%s\nstderr %s\nwant\n%s", c.name, code, stdout, stderr, want)
		}

		url, admin := serverWithAdmin(t, nil)
		for _, dry := range []bool{false, true} {
			args := append([]string{"ingest", "--server", url, "--token", admin}, files...)
			if dry {
				args = append(args, "--dry-run")
			}
			code, stdout, stderr = run(t, args...)
			if code != 1 || stdout != want || !strings.Contains(stderr, stderrWant) {
				t.Errorf("%s, through the server (dry run %v): exit %d, stdout\n%s\nstderr %s\nwant as on the store:\n%s", c.name, dry, code, stdout, stderr, want)
			}
		}
		// Nothing of either file was written: each alone is still new.
		for _, f := range files {
			_, stdout, _ := run(t, "ingest", "--server", url, "--token", admin, f, "--dry-run")
			if !strings.Contains(stdout, "1 new, 0 revised") {
				t.Errorf("%s: after the refused push, %s was written:\n%s", c.name, f, stdout)
			}
		}
	}

	// The files are read against the server's catalog, units and all: 117
	// 亿元 in one file and 1,170,000 万元 in the other are one figure, and
	// they go.
	url, admin := serverWithAdmin(t, nil)
	files := writeCSVs(t,
		[2]string{"yi.csv", head + "houma,fixed_asset_investment,2025,117,亿元,final,2026-03-01\n"},
		[2]string{"wan.csv", head + "houma,fixed_asset_investment,2025,1170000,万元,final,2026-03-01\n"})
	code, stdout, stderr := run(t, append([]string{"ingest", "--server", url, "--token", admin}, files...)...)
	if code != 0 || !strings.Contains(stdout, "yi.csv: 1 new") {
		t.Errorf("one figure in two units: exit %d, stdout\n%s\nstderr %s", code, stdout, stderr)
	}
}
