package main

import "testing"

// The forecast command writes the user test's urbanization rate (55.00,
// 55.01, 55.00, 55.01, 55.02 in 2019–2023, declared a percentage of a
// whole, against 55.03 in 2025) as the explanation does: the required
// pace, 0.005 as the history's, not "+0.00 pt"; and the history's pace
// reaching 55.03 in 2025, not "in 2026, a year late". The figures follow
// the straight line of +0.005 points a year more closely than their gap
// to 100, so that is the pace the line states (forecast.pacedInPoints).
func TestForecastCommandWritesEqualPacesEqualAndNeverAsZero(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, [2]string{"t6.json", `{"regions":[{"code":"z0","name":"Flatville","name_zh":"平县","level":"county","parent":"shanxi"}],
 "indicators":[{"code":"urbanization_rate","name":"Urbanization rate","name_zh":"城镇化率","unit":"percent","kind":"rate","better":"higher","percent_of_whole":true}],
 "observations":[
  {"region":"z0","indicator":"urbanization_rate","year":2019,"value":55.0,"published":"2024-03-01"},
  {"region":"z0","indicator":"urbanization_rate","year":2020,"value":55.01,"published":"2024-03-01"},
  {"region":"z0","indicator":"urbanization_rate","year":2021,"value":55.0,"published":"2024-03-01"},
  {"region":"z0","indicator":"urbanization_rate","year":2022,"value":55.01,"published":"2024-03-01"},
  {"region":"z0","indicator":"urbanization_rate","year":2023,"value":55.02,"published":"2024-03-01"}],
 "targets":[{"region":"z0","indicator":"urbanization_rate","plan":"14th-fyp","kind":"level","base_year":2020,"year":2025,"value":55.03,"published":"2021-03-01"}]}`})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "z0", "--indicator", "urbanization_rate", "--as-of", "2024-06-01")
	wantLines(t, stdout,
		"14th-fyp level 2025 55.03 55.025 [48.42, 61.33] +0.01 pt <50% 77% at_risk",
		"at the 2019–2023 pace (+0.01 points a year), 14th-fyp's 55.03 is reached in 2025, on time, but the projection assumes +0.003 points a year, slower than the history")
}
