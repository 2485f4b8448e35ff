package main

import (
	"fmt"
	"strings"
	"testing"
)

// The forecast command writes the needs/yr column and the history's pace
// under the table with the decimals that tell them apart: Yuncheng's
// urbanization rate (the user test's d8_urb.json, 44.6 in 2015 to 54.8 in
// 2025) needs +1.04 points a year for 60 in 2030 where the history ran
// +1.02, and read "+1.0 pt" beside "at the 2015–2025 pace (+1.0 points a
// year), 15th-fyp's 60 is reached in 2031, a year late".
func TestForecastCommandWritesTheRequiredPaceApartFromTheHistorys(t *testing.T) {
	dir := t.TempDir()
	var obs []string
	for i, v := range []string{"44.6", "45.9", "47.2", "48.4", "49.6", "50.3", "51.4", "52.2", "53.1", "54.0", "54.8"} {
		y := 2015 + i
		obs = append(obs, fmt.Sprintf(`{"region":"yuncheng","indicator":"urbanization_rate","year":%d,"value":%s,"published":"%d-03-20"}`, y, v, y+1))
	}
	ingestFiles(t, dir, [2]string{"urb.json", `{"regions":[{"code":"yuncheng","name":"Yuncheng","name_zh":"运城市","level":"prefecture"}],
"indicators":[{"code":"urbanization_rate","name":"Urbanization rate","name_zh":"常住人口城镇化率","unit":"percent","kind":"rate","better":"higher"}],
"observations":[` + strings.Join(obs, ",") + `],
"targets":[{"region":"yuncheng","indicator":"urbanization_rate","plan":"15th-fyp","kind":"level","year":2030,"value":60,"base_year":2025,"published":"2026-02-10"}]}`})
	stdout := mustRun(t, "forecast", "--data-dir", dir, "--region", "yuncheng", "--indicator", "urbanization_rate")
	if row := lineStarting(stdout, "15th-fyp level 2030"); !strings.Contains(row, "] +1.04 pt ") {
		t.Errorf("the target needs %q, want +1.04 pt:\n%s", row, stdout)
	}
	wantLines(t, stdout, "at the 2015–2025 pace (+1.02 points a year), 15th-fyp's 60 is reached in 2031, a year late")
}
