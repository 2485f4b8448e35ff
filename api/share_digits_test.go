package api_test

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// wasteTown is the user test's Linfen waste treatment rate, a percentage
// of a whole published with two decimals (99.44, 99.6, 99.71, 99.79, 99.85
// in 2021–2025), against a share of 100 in 2030.
const wasteTown = `{"regions":[{"code":"wastetown","name":"Waste Town","name_zh":"垃圾县","parent":"linfen","level":"county"}],
 "indicators":[{"code":"waste_treatment_rate","name":"Harmless treatment rate of household waste","name_zh":"生活垃圾无害化处理率","unit":"percent","kind":"rate","better":"higher","percent_of_whole":true}],
 "observations":[
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2015,"value":96.0,"published":"2016-03-20"},
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2016,"value":97.12,"published":"2017-03-20"},
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2017,"value":97.93,"published":"2018-03-20"},
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2018,"value":98.51,"published":"2019-03-20"},
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2019,"value":98.93,"published":"2020-03-20"},
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2020,"value":99.23,"published":"2021-03-20"},
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2021,"value":99.44,"published":"2022-03-20"},
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2022,"value":99.6,"published":"2023-03-20"},
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2023,"value":99.71,"published":"2024-03-20"},
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2024,"value":99.79,"published":"2025-03-20"},
  {"region":"wastetown","indicator":"waste_treatment_rate","year":2025,"value":99.85,"published":"2026-03-20"}],
 "targets":[{"region":"wastetown","indicator":"waste_treatment_rate","plan":"15th-fyp","kind":"share","base_year":2025,"year":2030,"value":100,"published":"2026-03-12"}]}`

// A share whose figures have two decimals is projected to two decimals at
// least, everywhere it is written: its projection for 2030, 99.944 with an
// 80% interval of about 99.88 to 99.98, was "99.9 (99.9 to 99.98)" on the
// dashboard, and in the assessment's spreadsheet "99.9" and "99.9" beside
// "99.98" (the mean written equal to its lower bound, which it is not),
// with a required growth of 0.0003 a year shown "0.0%", as if nothing were
// needed. The mean and each bound are written to the figures' two
// decimals, apart from one another, and a pace that is not zero is not
// written as zero.
func TestAShareOfTwoDecimalsIsProjectedToTwoDecimals(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	admin := token(t, st, plancast.Token{Admin: true})
	if r := s.do("POST", "/api/v1/observations", "application/json", admin, []byte(wasteTown)); r.status != 200 {
		t.Fatalf("push: %d %s", r.status, r.body)
	}
	var resp api.AssessmentResponse
	s.get("/api/v1/regions/wastetown/assessment?as_of=2026-11-23").decode(t, 200, &resp)
	if len(resp.Assessments) != 1 || resp.Assessments[0].Projected == nil {
		t.Fatalf("assessments %+v, want the share judged on a projection", resp.Assessments)
	}
	a := resp.Assessments[0]
	p := *a.Projected
	two := func(v float64) string { return plancast.FormatNumber(v, 2) }

	rows, col := shownXLSX(t, s, "/api/v1/regions/wastetown/assessment?format=xlsx&as_of=2026-11-23")
	for name, v := range map[string]float64{"projected": p.Mean, "lo80": p.Lo80, "hi80": p.Hi80, "lo95": p.Lo95} {
		if got := rows[1][col[name]]; got != two(v) {
			t.Errorf("the assessment's %s cell shows %q, want %q (%v) as the figures' two decimals write it", name, got, two(v), v)
		}
	}
	if m := rows[1][col["projected"]]; m == rows[1][col["lo80"]] || m == rows[1][col["hi80"]] {
		t.Errorf("the projection %q is written equal to a bound of its 80%% interval [%q, %q]", m, rows[1][col["lo80"]], rows[1][col["hi80"]])
	}
	if a.RequiredGrowth == nil || *a.RequiredGrowth <= 0 {
		t.Fatalf("required growth %v, want a small positive pace", a.RequiredGrowth)
	}
	if got := rows[1][col["required_growth"]]; strings.Trim(got, "0.%") == "" {
		t.Errorf("the required growth %.6f a year shows %q, as zero", *a.RequiredGrowth, got)
	}

	page := string(s.get("/?region=wastetown&as_of=2026-11-23").body)
	want := two(p.Mean) + " (" + two(p.Lo80) + " to " + two(p.Hi80) + ")"
	if !strings.Contains(page, want) {
		t.Errorf("the dashboard does not write the projection %q", want)
	}
	if strings.Contains(page, "99.9 (99.9 to") {
		t.Errorf("the dashboard writes the projection to one decimal, equal to its lower bound")
	}
	if !strings.Contains(a.Explanation, "projected "+two(p.Mean)+" for 2030 (95% interval "+two(p.Lo95)+" to ") {
		t.Errorf("the explanation writes the projection otherwise: %s", a.Explanation)
	}
}
