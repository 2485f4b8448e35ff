package main

import (
	"fmt"
	"strings"
	"testing"
)

// A projected growth a hair below zero is written "0.0%", not "-0.0%": an
// unemployment rate of 4.9% in 2024, projected flat (about −0.03% for
// 2026), against a 2026 target of −2%.
func TestForecastCommandWritesAGrowthThatRoundsToZeroWithoutASign(t *testing.T) {
	dir := catalogDir(t)
	var rates strings.Builder
	rates.WriteString("region,indicator,year,value,published\n")
	for i, v := range []string{"4.2", "4.0", "4.5", "5.2", "5.0", "5.1", "4.9"} {
		fmt.Fprintf(&rates, "houma,unemployment_rate,%d,%s,%d-03-01\n", 2018+i, v, 2019+i)
	}
	ingestFiles(t, dir, [2]string{"rates.csv", rates.String()},
		[2]string{"target.csv", "region,indicator,plan,kind,year,value,published\nhouma,unemployment_rate,2026-annual,growth,2026,-2,2026-03-01\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "unemployment_rate", "--as-of", "2026-06-01")
	wantLines(t, stdout, "2026-annual growth 2026 -2% 0.0% [")
	if strings.Contains(stdout, "-0.0") {
		t.Errorf("a value written -0.0 in\n%s", stdout)
	}
}

// A revision that rounds to zero is written without a sign: 10,000 revised
// to 9,999.99 is a revision of −0.0001%, "+0.00%" as the mean revision of
// a series without any is, not "-0.00%"; the change itself keeps its sign.
func TestHistoryWritesARevisionThatRoundsToZeroWithoutASign(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, [2]string{"first.csv", "region,indicator,year,value,published\nhouma,gdp,2023,10000,2024-03-20\nhouma,gdp,2024,10500,2025-03-20\n"})
	ingestFiles(t, dir, [2]string{"revised.csv", "region,indicator,year,value,published\nhouma,gdp,2024,10499.99,2025-09-01\n"})
	stdout := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	wantLines(t, stdout,
		"2 2025-09-01 final 10,499.99 -0.01 +0.00%",
		"1 of 2 years revised since their first release; mean revision (MR) +0.00%, mean absolute revision (MAR) 0.00%")
	if strings.Contains(stdout, "-0.00%") {
		t.Errorf("a revision written -0.00%% in\n%s", stdout)
	}
}
