package main

import (
	"strings"
	"testing"
)

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
