package api_test

import (
	"html"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// flatTown is the user test's urbanization rate, declared a percentage of
// a whole: 55.00, 55.01, 55.00, 55.01, 55.02 over 2019–2023, against a
// level of 55.03 for 2025. It needs (55.03 − 55.02)/2 = 0.005 points a
// year, computed as 0.004999999999999005.
const flatTown = `{"regions":[{"code":"flattown","name":"Flat Town","name_zh":"平县","parent":"linfen","level":"county"}],
 "indicators":[{"code":"urbanization_rate","name":"Urbanization rate","name_zh":"城镇化率","unit":"percent","kind":"rate","better":"higher","percent_of_whole":true}],
 "observations":[
  {"region":"flattown","indicator":"urbanization_rate","year":2019,"value":55.0,"published":"2024-03-01"},
  {"region":"flattown","indicator":"urbanization_rate","year":2020,"value":55.01,"published":"2024-03-01"},
  {"region":"flattown","indicator":"urbanization_rate","year":2021,"value":55.0,"published":"2024-03-01"},
  {"region":"flattown","indicator":"urbanization_rate","year":2022,"value":55.01,"published":"2024-03-01"},
  {"region":"flattown","indicator":"urbanization_rate","year":2023,"value":55.02,"published":"2024-03-01"}],
 "targets":[{"region":"flattown","indicator":"urbanization_rate","plan":"14th-fyp","kind":"level","base_year":2020,"year":2025,"value":55.03,"published":"2021-03-01"}]}`

// The dashboard's required cell writes a pace toward a target above the
// latest figure as the explanation does, never as zero: the 0.005 points a
// year read "+0.00 pt" (zh "+0.00个百分点").
func TestTheDashboardNeverWritesARequiredPaceAsZero(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	admin := token(t, st, plancast.Token{Admin: true})
	if r := s.do("POST", "/api/v1/observations", "application/json", admin, []byte(flatTown)); r.status != 200 {
		t.Fatalf("push Flat Town: %d %s", r.status, r.body)
	}
	for _, c := range []struct{ path, want, not string }{
		{"/?region=flattown", "+0.01 pt", "+0.00 pt"},
		{"/?region=flattown&lang=zh", "+0.01个百分点", "+0.00个百分点"},
	} {
		page := html.UnescapeString(string(s.get(c.path).body))
		if !strings.Contains(page, c.want) || strings.Contains(page, c.not) {
			t.Errorf("%s: want %q and no %q in the required cell", c.path, c.want, c.not)
		}
	}
}
