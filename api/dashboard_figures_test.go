package api_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A target whose year is observed shows the observed figure in its
// "Projected" cell as its "Latest" cell and its explanation write it: one
// number format for one figure in one row. Round City's GDP of 2,043.6 in
// 2025 against a 14th-FYP level of 2,200 is "2,043.6" in all three (it was
// "2,044" in the projected cell, which writes projections to four
// significant digits); a budget revenue of 155 is "155" (not "155.0"), an
// unemployment rate of 4.6% under a ceiling of 4.5% is "4.6" (not "4.60").
// A near miss stays written apart from its target: retail sales of 2,199.6
// against 2,200 are "2,199.6", not "2,200".
func TestTheDashboardWritesAnObservedFigureAlikeInEveryCellOfItsRow(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	admin := token(t, st, plancast.Token{Admin: true})
	bundle := `{"regions":[{"code":"roundcity","name":"Round City","name_zh":"取整市","parent":"shanxi","level":"prefecture"}],
 "observations":[
  {"region":"roundcity","indicator":"gdp","year":2024,"value":1962,"published":"2025-03-20"},
  {"region":"roundcity","indicator":"gdp","year":2025,"value":2043.6,"published":"2026-03-20"},
  {"region":"roundcity","indicator":"budget_revenue","year":2024,"value":150,"published":"2025-03-20"},
  {"region":"roundcity","indicator":"budget_revenue","year":2025,"value":155,"published":"2026-03-20"},
  {"region":"roundcity","indicator":"retail_sales","year":2024,"value":2100,"published":"2025-03-20"},
  {"region":"roundcity","indicator":"retail_sales","year":2025,"value":2199.6,"published":"2026-03-20"},
  {"region":"roundcity","indicator":"unemployment_rate","year":2024,"value":4.2,"published":"2025-03-20"},
  {"region":"roundcity","indicator":"unemployment_rate","year":2025,"value":4.6,"published":"2026-03-20"}],
 "targets":[
  {"region":"roundcity","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":2200,"published":"2021-04-01"},
  {"region":"roundcity","indicator":"budget_revenue","plan":"14th-fyp","kind":"level","year":2025,"value":160,"published":"2021-04-01"},
  {"region":"roundcity","indicator":"retail_sales","plan":"14th-fyp","kind":"level","year":2025,"value":2200,"published":"2021-04-01"},
  {"region":"roundcity","indicator":"unemployment_rate","plan":"2025-annual","kind":"ceiling","year":2025,"value":4.5,"published":"2025-03-01"}]}`
	if r := s.do("POST", "/api/v1/observations", "application/json", admin, []byte(bundle)); r.status != 200 {
		t.Fatalf("push Round City: %d %s", r.status, r.body)
	}
	page := string(s.get("/?region=roundcity").body)
	row := regexp.MustCompile(`(?s)<tr class="[^"]*" data-region="roundcity" data-indicator="(\w+)"[^>]*title="([^"]*)">(.*?)</tr>`)
	cell := regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	want := map[string]string{"gdp": "2,043.6", "budget_revenue": "155", "retail_sales": "2,199.6", "unemployment_rate": "4.6"}
	seen := map[string]bool{}
	for _, m := range row.FindAllStringSubmatch(page, -1) {
		indicator, title := m[1], html.UnescapeString(m[2])
		w, ok := want[indicator]
		if !ok {
			continue
		}
		seen[indicator] = true
		var cells []string
		for _, c := range cell.FindAllStringSubmatch(m[3], -1) {
			cells = append(cells, html.UnescapeString(c[1]))
		}
		if len(cells) != 8 {
			t.Fatalf("%s: cells %q, want the table's eight", indicator, cells)
		}
		latest, projected := cells[3], cells[5]
		if latest != w+" (2025)" || projected != w || !strings.Contains(title, "2025 observed: "+w+" ") {
			t.Errorf("%s: latest %q, projected %q, explanation %q; want %s in each", indicator, latest, projected, title, w)
		}
	}
	for indicator := range want {
		if !seen[indicator] {
			t.Errorf("no row of Round City's %s target on its page", indicator)
		}
	}
}
