package main

import (
	"strings"
	"testing"
)

// The forecast command writes a share of two-decimal figures (Linfen's
// waste treatment, 99.44, 99.6, 99.71, 99.79, 99.85 in 2021–2025) with
// their two decimals: its 2026 projection, 99.908 with an 80% interval of
// 99.878 to 99.931, was "99.9 99.9 99.9", a mean equal to both bounds,
// and the target's row "99.9 [99.7, 99.99]".
func TestForecastCommandWritesAShareOfTwoDecimalsWithTwo(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, [2]string{"waste.json", `{"regions":[{"code":"wt","name":"Waste Town","name_zh":"垃圾县","level":"county","parent":"shanxi"}],
 "indicators":[{"code":"waste_treatment_rate","name":"Harmless treatment rate of household waste","name_zh":"生活垃圾无害化处理率","unit":"percent","kind":"rate","better":"higher","percent_of_whole":true}],
 "observations":[` + strings.Join([]string{
		`{"region":"wt","indicator":"waste_treatment_rate","year":2015,"value":96.0,"published":"2016-03-20"}`,
		`{"region":"wt","indicator":"waste_treatment_rate","year":2016,"value":97.12,"published":"2017-03-20"}`,
		`{"region":"wt","indicator":"waste_treatment_rate","year":2017,"value":97.93,"published":"2018-03-20"}`,
		`{"region":"wt","indicator":"waste_treatment_rate","year":2018,"value":98.51,"published":"2019-03-20"}`,
		`{"region":"wt","indicator":"waste_treatment_rate","year":2019,"value":98.93,"published":"2020-03-20"}`,
		`{"region":"wt","indicator":"waste_treatment_rate","year":2020,"value":99.23,"published":"2021-03-20"}`,
		`{"region":"wt","indicator":"waste_treatment_rate","year":2021,"value":99.44,"published":"2022-03-20"}`,
		`{"region":"wt","indicator":"waste_treatment_rate","year":2022,"value":99.6,"published":"2023-03-20"}`,
		`{"region":"wt","indicator":"waste_treatment_rate","year":2023,"value":99.71,"published":"2024-03-20"}`,
		`{"region":"wt","indicator":"waste_treatment_rate","year":2024,"value":99.79,"published":"2025-03-20"}`,
		`{"region":"wt","indicator":"waste_treatment_rate","year":2025,"value":99.85,"published":"2026-03-20"}`}, ",") + `],
 "targets":[{"region":"wt","indicator":"waste_treatment_rate","plan":"15th-fyp","kind":"level","base_year":2025,"year":2030,"value":100,"published":"2026-03-12"}]}`})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "wt", "--indicator", "waste_treatment_rate", "--as-of", "2026-11-23")
	wantLines(t, stdout,
		"2026 99.91 99.88 99.93 99.84 99.95",
		"15th-fyp level 2030 100 99.94 [99.73, 99.99] +0.03 pt 1% 63% off_track")
}
