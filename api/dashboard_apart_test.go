package api_test

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// forestCounty is a forest cover rising from 96.0% (2018) to 99.8% (2024),
// with a 14th-FYP share of 100 and a 2025 level of 99.9, both for 2025, and
// a 15th-FYP share of 99.95 for 2030.
const forestCounty = `{"regions":[{"code":"forestcounty","name":"Forest County","name_zh":"林县","parent":"linfen","level":"county"}],
 "indicators":[{"code":"forest_share","name":"Forest cover","name_zh":"森林覆盖率","unit":"percent","kind":"rate","better":"higher"}],
 "observations":[
  {"region":"forestcounty","indicator":"forest_share","year":2018,"value":96.0,"published":"2019-03-01"},
  {"region":"forestcounty","indicator":"forest_share","year":2019,"value":97.0,"published":"2020-03-01"},
  {"region":"forestcounty","indicator":"forest_share","year":2020,"value":98.0,"published":"2021-03-01"},
  {"region":"forestcounty","indicator":"forest_share","year":2021,"value":98.8,"published":"2022-03-01"},
  {"region":"forestcounty","indicator":"forest_share","year":2022,"value":99.3,"published":"2023-03-01"},
  {"region":"forestcounty","indicator":"forest_share","year":2023,"value":99.6,"published":"2024-03-01"},
  {"region":"forestcounty","indicator":"forest_share","year":2024,"value":99.8,"published":"2025-03-01"}],
 "targets":[
  {"region":"forestcounty","indicator":"forest_share","plan":"14th-fyp","kind":"share","year":2025,"value":100,"published":"2021-04-01"},
  {"region":"forestcounty","indicator":"forest_share","plan":"2025-annual","kind":"level","year":2025,"value":99.9,"published":"2025-03-01"},
  {"region":"forestcounty","indicator":"forest_share","plan":"15th-fyp","kind":"share","year":2030,"value":99.95,"published":"2021-04-01"}]}`

// A projection and its bounds are written apart from the target they are
// judged against, as an observed value is. Forest County's cover is
// projected at 99.887 for 2025 (80% 99.834 to 99.924, 95% 99.742 to
// 99.948); against the 2025 plan's 99.9 the explanation reads "projected
// 99.89 (95% interval 99.7 to 99.95) against a target of 99.9", the
// dashboard "99.89 (99.8 to 99.92)" and the XLSX download 99.89, 99.92 and
// 99.95, where one decimal wrote the target at the projection and at the
// top of both intervals beside a probability of 31%. In every judgement,
// a number written as its target is the target.
func TestAProjectionIsWrittenApartFromItsTarget(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	admin := token(t, st, plancast.Token{Admin: true})
	if r := s.do("POST", "/api/v1/observations", "application/json", admin, []byte(forestCounty)); r.status != 200 {
		t.Fatalf("push Forest County: %d %s", r.status, r.body)
	}

	var resp struct {
		Assessments []struct {
			Target      float64                  `json:"target"`
			Projected   plancast.ProjectionPoint `json:"projected"`
			Explanation string                   `json:"explanation"`
		} `json:"assessments"`
	}
	if err := json.Unmarshal(s.get("/api/v1/regions/forestcounty/assessment").body, &resp); err != nil {
		t.Fatal(err)
	}
	clause := regexp.MustCompile(`^projected ([\d.]+) for (\d+) \(95% interval ([\d.]+) to ([\d.]+)\) against a target of ([\d.]+):`)
	seen := 0
	for _, a := range resp.Assessments {
		m := clause.FindStringSubmatch(a.Explanation)
		if m == nil {
			t.Errorf("explanation %q: no projection clause", a.Explanation)
			continue
		}
		seen++
		if a.Target == 99.9 && !strings.HasPrefix(a.Explanation, "projected 99.89 for 2025 (95% interval 99.7 to 99.95) against a target of 99.9: ") {
			t.Errorf("explanation %q, want projected 99.89 (95%% interval 99.7 to 99.95) against a target of 99.9", a.Explanation)
		}
		p := a.Projected
		for i, v := range []float64{p.Mean, p.Lo95, p.Hi95} {
			if written := m[[]int{1, 3, 4}[i]]; written == m[5] && v != a.Target {
				t.Errorf("explanation %q writes %v as its target %s", a.Explanation, v, m[5])
			}
		}
	}
	if seen != 3 {
		t.Fatalf("%d of Forest County's 3 targets explained with a projection", seen)
	}

	page := string(s.get("/?region=forestcounty").body)
	row := regexp.MustCompile(`(?s)<tr class="[^"]*" data-region="forestcounty" data-indicator="forest_share"[^>]*>(.*?)</tr>`)
	cell := regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	found := false
	for _, m := range row.FindAllStringSubmatch(page, -1) {
		var cells []string
		for _, c := range cell.FindAllStringSubmatch(m[1], -1) {
			cells = append(cells, html.UnescapeString(c[1]))
		}
		if len(cells) != 8 || cells[2] != "99.9" {
			continue
		}
		found = true
		if cells[5] != "99.89 (99.8 to 99.92)" {
			t.Errorf("projected cell %q beside the target 99.9, want 99.89 (99.8 to 99.92)", cells[5])
		}
	}
	if !found {
		t.Errorf("no dashboard row of the 99.9 target")
	}

	shown, col := shownXLSX(t, s, "/api/v1/regions/forestcounty/assessment?format=xlsx")
	found = false
	for _, row := range shown[1:] {
		if row[col["target"]] != "99.9" {
			continue
		}
		found = true
		for name, want := range map[string]string{"projected": "99.89", "lo80": "99.8", "hi80": "99.92", "lo95": "99.7", "hi95": "99.95"} {
			if got := row[col[name]]; got != want {
				t.Errorf("XLSX %s %q beside the target 99.9, want %s", name, got, want)
			}
		}
	}
	if !found {
		t.Errorf("no XLSX row of the 99.9 target: %q", shown)
	}
}
