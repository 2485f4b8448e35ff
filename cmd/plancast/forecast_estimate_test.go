package main

import (
	"strings"
	"testing"
)

// A work report's 预计全年 for 2021, pushed as an estimate in November
// while the year runs, does not settle the 2021 target as observed: the
// row is judged on the first half with a probability, and a line says the
// figure in the table is an estimate the judgements do not take as the
// year's.
func TestForecastCommandDoesNotSettleATargetOnAnEstimateOfTheYearInProgress(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir, [2]string{"h1.csv", "region,indicator,year,period,value,status,published\n" +
		"houma,gdp,2020,h1,55,final,2020-07-15\nhouma,gdp,2021,h1,60,preliminary,2021-07-15\nhouma,gdp,2021,year,131,estimate,2021-11-20\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	wantLines(t, stdout, "2021's 131 is an estimate published on 2021-11-20, before the year ended: the judgements above do not take it as the year's figure")
	row := lineStarting(stdout, "2021-annual growth 2021")
	if row == "" || strings.Contains(row, "(observed)") || strings.Contains(row, " 0% ") {
		t.Errorf("the 2021 target is settled on the estimate: %q\n%s", row, stdout)
	}
}

// The command's projection, as the projection route's, starts from the
// latest real figure (2020), not from a 预计全年 estimate of the year in
// progress: the table of figures marks the estimate (131*), a line under
// it says what it is, and 2021 is projected.
func TestForecastCommandMarksAnEstimateOfTheYearInProgressAndProjectsFromTheFigureBefore(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir, [2]string{"h1.csv", "region,indicator,year,period,value,status,published\n" +
		"houma,gdp,2020,h1,55,final,2020-07-15\nhouma,gdp,2021,h1,60,preliminary,2021-07-15\nhouma,gdp,2021,year,131,estimate,2021-11-20\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	wantLines(t, stdout, "2021 131*", "* 2021's 131 is an estimate published on 2021-11-20, before the year ended: not its figure; projected from 2020's")
	// the row after the estimate's is 2021's projection: a mean and four bounds
	rows := lines(stdout)
	for i, l := range rows {
		if l == "2021 131*" && (i+1 >= len(rows) || !strings.HasPrefix(rows[i+1], "2021 ") || len(strings.Fields(rows[i+1])) != 6) {
			t.Errorf("2021 is not projected after the estimate's row:\n%s", stdout)
		}
	}
}
