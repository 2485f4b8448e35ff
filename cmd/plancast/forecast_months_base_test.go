package main

import (
	"strconv"
	"strings"
	"testing"
)

// A year ended without a figure that the judgements take from its months
// is not said to be projected: Changzhi's budget revenue (here Houma's),
// yearly to 2024, with January–October and January–November of 2024 and
// 2025 and January–October of 2026, judges the 2026 plan on 2026's months
// and the 15th Five-Year Plan from 2025, both with 2025 at its
// January–November; "no figure is stored for 2025, which has ended: the
// judgements above project it" stood under them. With a level target,
// whose projection does not read 2025's months, beside them, the line
// names the targets that take 2025 from its months.
func TestForecastCommandSaysAnEndedYearIsTakenFromItsMonths(t *testing.T) {
	dir := catalogDir(t)
	yearly := "region,indicator,year,value,published\n"
	for i, v := range []string{"92.4", "96.24", "105.29", "108.62", "114.18", "120.71", "127.06", "129.54", "139.7", "146.78"} {
		yearly += "houma,budget_revenue," + strconv.Itoa(2015+i) + "," + v + "," + strconv.Itoa(2016+i) + "-03-20\n"
	}
	ingestFiles(t, dir,
		[2]string{"yearly.csv", yearly},
		[2]string{"months.csv", "region,indicator,year,period,value,published\n" +
			"houma,budget_revenue,2024,jan-oct,124.3,2024-11-15\nhouma,budget_revenue,2024,jan-nov,136.1,2024-12-15\n" +
			"houma,budget_revenue,2025,jan-oct,128.6,2025-11-15\nhouma,budget_revenue,2025,jan-nov,141.2,2025-12-15\n" +
			"houma,budget_revenue,2026,jan-oct,135.7,2026-11-15\n"},
		[2]string{"targets.csv", "region,indicator,plan,kind,base_year,year,value,published\n" +
			"houma,budget_revenue,15th-fyp,avg_growth,2025,2030,5,2026-03-12\nhouma,budget_revenue,2026-annual,growth,2025,2026,5,2026-02-05\n"})
	args := []string{"forecast", "--data-dir", dir, "--region", "houma", "--indicator", "budget_revenue", "--as-of", "2026-11-23"}
	stdout := mustRun(t, args...)
	wantLines(t, stdout, "no figure is stored for 2025, which has ended: the judgements above take it from its months so far")
	if strings.Contains(stdout, "project it") {
		t.Errorf("2025 is said to be projected:\n%s", stdout)
	}

	ingestFiles(t, dir, [2]string{"level.csv", "region,indicator,plan,kind,base_year,year,value,published\nhouma,budget_revenue,15th-fyp,level,2025,2030,200,2026-03-12\n"})
	stdout = mustRun(t, args...)
	wantLines(t, stdout, "no figure is stored for 2025, which has ended: the judgements above project it, but 15th-fyp avg_growth 2030, 2026-annual growth 2026 take it from its months so far")
}
