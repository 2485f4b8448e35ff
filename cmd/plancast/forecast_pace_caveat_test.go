package main

import (
	"strings"
	"testing"
)

// Where the history's pace reaches a target on time but the projection
// assumes a slower one, the forecast command's pace line says so in the
// words of the assessment's explanation (forecast.PaceCaveat), as the API,
// the dashboard and the XLSX do. Before, Linfen's GDP (1,765.1 in 2020 to
// 2,401.2 in 2025) read "at the 2020–2025 pace (6.3% a year), 15th-fyp's
// 3,200 is reached in 2030, on time" beside P(meet) 14% at_risk, and the
// line alone read as reassurance the rest of the answer contradicts.
func TestForecastCommandsPaceLineSaysTheProjectionAssumesASlowerPace(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, [2]string{"linfen.json", `{"regions":[{"code":"linfen","name":"Linfen","name_zh":"临汾市","level":"prefecture"}],
"observations":[
{"region":"linfen","indicator":"gdp","year":2020,"value":1765.1,"published":"2021-03-20"},
{"region":"linfen","indicator":"gdp","year":2021,"value":1983.5,"published":"2022-03-20"},
{"region":"linfen","indicator":"gdp","year":2022,"value":2145.8,"published":"2023-03-20"},
{"region":"linfen","indicator":"gdp","year":2023,"value":2230.1,"published":"2024-03-20"},
{"region":"linfen","indicator":"gdp","year":2024,"value":2325.3,"published":"2025-03-20"},
{"region":"linfen","indicator":"gdp","year":2025,"value":2401.2,"status":"preliminary","published":"2026-03-20"}],
"targets":[{"region":"linfen","indicator":"gdp","plan":"15th-fyp","kind":"level","year":2030,"value":3200,"base_year":2025,"published":"2026-01-20"}]}`})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "linfen", "--indicator", "gdp")
	line := lineStarting(stdout, "at the 2020–2025 pace")
	if !strings.HasPrefix(line, "at the 2020–2025 pace (6.3% a year), 15th-fyp's 3,200 is reached in 2030, on time, but the projection assumes ") ||
		!strings.HasSuffix(line, " a year, slower than the history") {
		t.Errorf("the pace line %q; want it to say the projection assumes a slower pace:\n%s", line, stdout)
	}
}
