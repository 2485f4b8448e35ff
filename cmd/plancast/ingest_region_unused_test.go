package main

import (
	"strings"
	"testing"
)

// --region gives the region of tables that name none. When every row of the
// push names its own, the push says --region was not used, so that a clerk
// who passed it to hold the push to one region learns it did nothing;
// before, 6 rows of linfen went in under --region houma without a word.
func TestIngestSaysARegionFlagNoRowUsedWasNotUsed(t *testing.T) {
	dir := catalogDir(t)
	file := writeFile(t, "long.csv", "region,indicator,year,value,unit\nzizhou,gdp,2022,140.1,亿元\nguyang,gdp,2022,98.3,亿元\n")
	stdout := mustRun(t, "ingest", "--data-dir", dir, "--dry-run", "--region", "houma", file)
	want := "note: --region houma was not used: every row names its own region (guyang, zizhou); " +
		"--region is the region of tables that name none, and does not hold a push to one region"
	wantLines(t, stdout, want)

	// A table that names no region takes it, and nothing is said.
	wide := writeFile(t, "wide.csv", "指标,2022年\n地区生产总值,140.1\n")
	if out := mustRun(t, "ingest", "--data-dir", dir, "--dry-run", "--region", "houma", wide); strings.Contains(out, "was not used") {
		t.Errorf("a table that took --region:\n%s", out)
	}
}
