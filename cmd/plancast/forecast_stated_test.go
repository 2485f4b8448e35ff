package main

import (
	"strings"
	"testing"
)

// The forecast command says which years' growth was stated with their
// figures before these were revised: Quwo's growths of 2022–2024 after the
// census revised their levels without restating them (the user test's
// quwo_bundle.json and census.csv, here for Houma), which still judge the
// 14th Five-Year target: it needs 6.7% a year from 2024, not 23.3%.
func TestForecastCommandNamesTheGrowthsStatedBeforeARevision(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir,
		[2]string{"gdp.csv", "region,indicator,year,value,growth,published\n" +
			"houma,gdp,2015,82.3,,2016-03-20\nhouma,gdp,2016,85.1,,2017-03-20\nhouma,gdp,2017,95.2,,2018-03-20\nhouma,gdp,2018,103.4,,2019-03-20\n" +
			"houma,gdp,2019,110.6,,2020-03-20\nhouma,gdp,2020,112.9,,2021-03-20\nhouma,gdp,2021,128.7,8.6,2022-03-20\nhouma,gdp,2022,138.5,5.1,2023-03-20\n" +
			"houma,gdp,2023,141.2,4.2,2024-03-20\nhouma,gdp,2024,147.9,4.8,2025-03-20\n"},
		[2]string{"target.csv", "region,indicator,plan,kind,base_year,year,value,published\nhouma,gdp,14th-fyp,avg_growth,2020,2025,6.5,2021-03-01\n"})
	ingestFiles(t, dir,
		[2]string{"census.csv", "region,indicator,year,value,status,published,note\n" +
			"houma,gdp,2022,142.1,final,2025-12-28,第五次全国经济普查修订\nhouma,gdp,2023,146.0,final,2025-12-28,第五次全国经济普查修订\n" +
			"houma,gdp,2024,152.3,preliminary,2025-12-28,按经济普查结果修订\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	if row := lineStarting(stdout, "14th-fyp avg_growth 2025"); !strings.Contains(row, "] 6.7% ") {
		t.Errorf("the target needs %q, want 6.7%% a year:\n%s", row, stdout)
	}
	wantLines(t, stdout,
		"growth targets are judged on the growth stated with the figures, which ran 1.3% a year below their own growth in 2021–2024 (for 2022–2024 the growth stated with the figures before their revision)")
}

// Growth targets whose years take their gap from different years are
// each said with their own: an observed 2021 without a statement of its
// own takes the gap of 2016–2020, the years before it, while the 14th
// Five-Year target adds the later years' gaps.
func TestForecastCommandSaysEachTargetsStatedGap(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir,
		[2]string{"gdp.csv", "region,indicator,year,value,growth,published\n" +
			"houma,gdp,2015,100,,2016-03-01\nhouma,gdp,2016,108,7,2017-03-01\nhouma,gdp,2017,117,6.9,2018-03-01\nhouma,gdp,2018,126,6.6,2019-03-01\n" +
			"houma,gdp,2019,135,6.2,2020-03-01\nhouma,gdp,2020,141,2.4,2021-03-01\nhouma,gdp,2021,152,,2022-03-01\nhouma,gdp,2022,166,3.0,2023-03-01\n" +
			"houma,gdp,2023,172,5.2,2024-03-01\nhouma,gdp,2024,184,0.5,2025-03-01\n"},
		[2]string{"target.csv", "region,indicator,plan,kind,base_year,year,value,published\n" +
			"houma,gdp,2021-annual,growth,2020,2021,6.5,2021-02-01\nhouma,gdp,14th-fyp,avg_growth,2020,2025,6,2021-03-01\n"})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	wantLines(t, stdout,
		"14th-fyp avg_growth 2025 is judged on the growth stated with the figures, which ran 2.1% a year below their own growth in 2016–2024",
		"2021-annual growth 2021 is judged on the growth stated with the figures, which ran 1.2% a year below their own growth in 2016–2020")
	if strings.Contains(stdout, "growth targets are judged") {
		t.Errorf("one line for targets judged on different gaps:\n%s", stdout)
	}
}

// lineStarting is the first line of stdout (runs of spaces made one)
// that begins with prefix; "" when none does.
func lineStarting(stdout, prefix string) string {
	for _, l := range lines(stdout) {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}
