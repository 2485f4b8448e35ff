package main

import (
	"strings"
	"testing"
)

// plancast history prints every vintage of a series with its revision from
// the first release, the series' MR and MAR, every version of its targets,
// and each target judged on every day it or its figures changed: after
// Houma's 2020 GDP was revised from 120.8 (preliminary) to 124.2 (final)
// and a review lowered the 2025 target to 230, both versions of each are
// shown, and the growth needed moves from 15.7% to 15.0% to 13.1% a year;
// as of a date before them, neither change is.
func TestHistoryCommandShowsRevisionsAndTargetVersions(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir,
		[2]string{"revision.csv", "region,indicator,year,value,status,published\nhouma,gdp,2020,124.2,final,2021-09-01\n"},
		[2]string{"review.csv", "region,indicator,plan,kind,base_year,year,value,published\nhouma,gdp,14th-fyp,level,2020,2025,230,2023-06-01\n"})

	stdout := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	// (124.2 − 120.8) / 120.8 = +2.81%; over the two years 2015 and 2020, MR +1.41%.
	wantLines(t, stdout,
		"2020 1 2021-04-20 preliminary 120.8",
		"2 2021-09-01 final 124.2 +3.4 +2.81%",
		"1 of 2 years revised since their first release; mean revision (MR) +1.41%, mean absolute revision (MAR) 1.41%",
		"14th-fyp level 2025 250 2021-04-20 replaced",
		"14th-fyp level 2025 230 2023-06-01 in force",
		"2021-annual growth 2021 8.5% 2021-04-20 in force",
		// The judgement after each change: 15.7% a year needed on the
		// report's day; the revision raised the base; the review lowered
		// the target.
		"2021-04-20 figures, target 250 120.8 (2020) 15.7%",
		"2021-09-01 figures 250 124.2 (2020) 15.0%",
		"2023-06-01 target 230 124.2 (2020) 13.1%",
	)

	_, then, _ := run(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--as-of", "2021-04-20")
	if rows := lines(then); !rows.has("0 of 2 years revised since their first release; mean revision (MR) +0.00%, mean absolute revision (MAR) 0.00%") ||
		!rows.has("14th-fyp level 2025 250 2021-04-20 in force") || strings.Contains(then, "124.2") || rows.has("14th-fyp level 2025 230") ||
		!rows.has("2021-04-20 figures, target 250 120.8 (2020) 15.7%") || rows.has("2021-09-01") || rows.has("2023-06-01") ||
		!strings.Contains(then, "as known on 2021-04-20") {
		t.Errorf("as of 2021-04-20:\n%s\nwant neither the revision nor the review", then)
	}
	if code, _, stderr := run(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gpd"); code != 1 || !strings.Contains(stderr, "gdp") {
		t.Errorf("a missed indicator: exit %d, %q; want the near code suggested", code, stderr)
	}
	if code, _, stderr := run(t, "history", "--data-dir", dir, "--region", "houma"); code != 2 || !strings.Contains(stderr, "--indicator") {
		t.Errorf("no indicator: exit %d, %q; want a usage error", code, stderr)
	}
}

// printed is a command's output, line by line, each line's runs of spaces
// made one.
type printed []string

func lines(stdout string) printed {
	var out printed
	for _, l := range strings.Split(stdout, "\n") {
		out = append(out, strings.Join(strings.Fields(l), " "))
	}
	return out
}

// wantLines checks that each of want begins a line of stdout (runs of
// spaces made one).
func wantLines(t *testing.T, stdout string, want ...string) {
	t.Helper()
	rows := lines(stdout)
	for _, w := range want {
		if !rows.has(w) {
			t.Errorf("no line %q in\n%s", w, stdout)
		}
	}
}

// has reports whether a line starts with prefix.
func (p printed) has(prefix string) bool {
	for _, l := range p {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// The growth a source stated with a figure is a column of plancast history
// when any vintage states one: Houma's 2020 GDP, 5.3% a year since 2015 as
// its report says, and a 2021 figure stated year on year. A series whose
// figures state none has no such column.
func TestHistoryShowsTheStatedGrowth(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir,
		[2]string{"2021.csv", "region,indicator,year,value,status,published,growth\nhouma,gdp,2021,131.4,final,2022-03-01,8.1\n"},
		[2]string{"fai.csv", "region,indicator,year,value,status,published\nhouma,fixed_asset_investment,2019,60,final,2021-04-20\nhouma,fixed_asset_investment,2020,66,final,2021-04-20\n"})

	stdout := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	wantLines(t, stdout,
		"year vintage published status value change revision stated growth",
		"2020 1 2021-04-20 preliminary 120.8 +5.3% a year since 2015",
		"2021 1 2022-03-01 final 131.4 +8.1%",
	)
	if fai := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "fixed_asset_investment"); strings.Contains(fai, "stated growth") {
		t.Errorf("a column of stated growth for figures that state none:\n%s", fai)
	}
}

// A figure replaced by a correction the same day (a clerk's keying slip
// corrected that morning) is not a release: plancast history lists it,
// marked corrected, where it was pushed, and takes the year's first release
// from the correction, so that nothing counts revised. A user test keyed
// Houma's 2024 GDP 152.3 and corrected it to 152.8 the same day: the push
// said 152.8 replaced 152.3, yet the history counted 152.3 the first
// release and the correction a revision of +0.33%, "1 of 3 years revised",
// MR +0.11%.
func TestHistoryDoesNotCountACorrectionOfTheSameDayARevision(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir, [2]string{"sd1.csv", "region,indicator,year,value,published\nhouma,gdp,2024,152.3,2025-03-20\n"})
	ingestFiles(t, dir, [2]string{"sd2.csv", "region,indicator,year,value,published\nhouma,gdp,2024,152.8,2025-03-20\n"})

	stdout := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	wantLines(t, stdout,
		"2024 corrected 2025-03-20 final 152.3",
		"1 2025-03-20 final 152.8",
		"corrected: replaced by a correction published the same day (a same-day correction); no answer as of any date reads it, so it is not a release",
		"0 of 3 years revised since their first release; mean revision (MR) +0.00%, mean absolute revision (MAR) 0.00%",
	)
	if strings.Contains(stdout, "+0.33%") || strings.Contains(stdout, "+0.5") {
		t.Errorf("the correction is shown as a revision of the slip:\n%s", stdout)
	}

	// A revision published on a later day is one, measured from the
	// correction: (153.4 − 152.8) / 152.8 = +0.39%.
	ingestFiles(t, dir, [2]string{"rev.csv", "region,indicator,year,value,published\nhouma,gdp,2024,153.4,2025-09-01\n"})
	wantLines(t, mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"),
		"2024 corrected 2025-03-20 final 152.3",
		"1 2025-03-20 final 152.8",
		"2 2025-09-01 final 153.4 +0.6 +0.39%",
		"1 of 3 years revised since their first release; mean revision (MR) +0.13%",
	)
}
