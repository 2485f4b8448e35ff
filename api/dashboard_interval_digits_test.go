package api_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// povertyTown is the user test's poverty incidence, declared a percentage
// of a whole: 3.2 … 0.06 over 2016–2020, a ceiling of 0.1 for 2025.
const povertyTown = `{"regions":[{"code":"povtown","name":"Poverty Town","name_zh":"贫县","parent":"linfen","level":"county"}],
 "indicators":[{"code":"poverty_incidence","name":"Poverty incidence rate","name_zh":"贫困发生率","unit":"percent","kind":"rate","better":"lower","percent_of_whole":true}],
 "observations":[
  {"region":"povtown","indicator":"poverty_incidence","year":2016,"value":3.2,"published":"2024-03-01"},
  {"region":"povtown","indicator":"poverty_incidence","year":2017,"value":1.9,"published":"2024-03-01"},
  {"region":"povtown","indicator":"poverty_incidence","year":2018,"value":0.85,"published":"2024-03-01"},
  {"region":"povtown","indicator":"poverty_incidence","year":2019,"value":0.31,"published":"2024-03-01"},
  {"region":"povtown","indicator":"poverty_incidence","year":2020,"value":0.06,"published":"2024-03-01"}],
 "targets":[{"region":"povtown","indicator":"poverty_incidence","plan":"14th-fyp","kind":"ceiling","year":2025,"value":0.1,"published":"2021-03-01"}]}`

// On the dashboard a projection under 1 and each bound of its 80%
// interval show about four significant digits: the poverty incidence
// projected 0.016 for 2025 read "0.01600 (0.00229 to 0.11475)", the
// bounds with the mean's five decimals, three significant digits and five.
func TestTheDashboardWritesBoundsUnderOneToFourSignificantDigits(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	admin := token(t, st, plancast.Token{Admin: true})
	if r := s.do("POST", "/api/v1/observations", "application/json", admin, []byte(povertyTown)); r.status != 200 {
		t.Fatalf("push Poverty Town: %d %s", r.status, r.body)
	}
	page := string(s.get("/?region=povtown").body)
	row := regexp.MustCompile(`(?s)<tr class="[^"]*" data-region="povtown" data-indicator="poverty_incidence"[^>]*>(.*?)</tr>`).FindStringSubmatch(page)
	if row == nil {
		t.Fatal("no row of Poverty Town's poverty incidence on its page")
	}
	var cells []string
	for _, c := range regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`).FindAllStringSubmatch(row[1], -1) {
		cells = append(cells, html.UnescapeString(c[1]))
	}
	if len(cells) != 8 {
		t.Fatalf("cells %q, want the table's eight", cells)
	}
	p := regexp.MustCompile(`^([0-9.]+) \(([0-9.]+) to ([0-9.]+)\)$`).FindStringSubmatch(cells[5])
	if p == nil {
		t.Fatalf("projected cell %q, want a projection and its 80%% interval", cells[5])
	}
	for i, name := range []string{"projection", "low bound", "high bound"} {
		digits := strings.TrimLeft(strings.ReplaceAll(p[i+1], ".", ""), "0")
		if len(digits) != 4 {
			t.Errorf("%s %q in %q has %d significant digits, want 4", name, p[i+1], cells[5], len(digits))
		}
	}
}
