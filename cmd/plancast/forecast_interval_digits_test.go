package main

import "testing"

// The forecast command writes a projection under 1 and its interval to
// about four significant digits each: the user test's poverty incidence
// (3.2 … 0.06 over 2016–2020, a ceiling of 0.1 for 2025) read "0.01600
// [0.00038, 0.52381]", the bounds with the mean's five decimals, and
// "0.00038" in the table's 95% column.
func TestForecastCommandWritesBoundsUnderOneToFourSignificantDigits(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, [2]string{"t4.json", `{"regions":[{"code":"tl","name":"Testland","name_zh":"测试县","level":"county","parent":"shanxi"}],
 "indicators":[{"code":"poverty_incidence","name":"Poverty incidence rate","name_zh":"贫困发生率","unit":"percent","kind":"rate","better":"lower","percent_of_whole":true}],
 "observations":[
  {"region":"tl","indicator":"poverty_incidence","year":2016,"value":3.2,"published":"2024-03-01"},
  {"region":"tl","indicator":"poverty_incidence","year":2017,"value":1.9,"published":"2024-03-01"},
  {"region":"tl","indicator":"poverty_incidence","year":2018,"value":0.85,"published":"2024-03-01"},
  {"region":"tl","indicator":"poverty_incidence","year":2019,"value":0.31,"published":"2024-03-01"},
  {"region":"tl","indicator":"poverty_incidence","year":2020,"value":0.06,"published":"2024-03-01"}],
 "targets":[{"region":"tl","indicator":"poverty_incidence","plan":"14th-fyp","kind":"ceiling","year":2025,"value":0.1,"published":"2021-03-01"}]}`})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "tl", "--indicator", "poverty_incidence")
	wantLines(t, stdout,
		"2025 0.01600 0.002292 0.1148 0.0003815 0.5238",
		"14th-fyp ceiling 2025 0.1 0.01600 [0.0003815, 0.5238] - 88% - on_track")
}
