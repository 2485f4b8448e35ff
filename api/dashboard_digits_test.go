package api_test

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// smallTown is a township whose budget revenue, 122.5 to 169.8 万元, is
// 0.01225 to 0.01698 亿元, with a 14th-FYP level of 0.01877 (187.7 万元)
// and a 15th-FYP level of 0.03.
const smallTown = `{"regions":[{"code":"smalltown","name":"Small Town","name_zh":"小镇","parent":"linfen","level":"county"}],
 "observations":[
  {"region":"smalltown","indicator":"budget_revenue","year":2018,"value":0.01225,"published":"2019-03-01"},
  {"region":"smalltown","indicator":"budget_revenue","year":2019,"value":0.0131,"published":"2020-03-01"},
  {"region":"smalltown","indicator":"budget_revenue","year":2020,"value":0.01335,"published":"2021-03-01"},
  {"region":"smalltown","indicator":"budget_revenue","year":2021,"value":0.01456,"published":"2022-03-01"},
  {"region":"smalltown","indicator":"budget_revenue","year":2022,"value":0.01521,"published":"2023-03-01"},
  {"region":"smalltown","indicator":"budget_revenue","year":2023,"value":0.01609,"published":"2024-03-01"},
  {"region":"smalltown","indicator":"budget_revenue","year":2024,"value":0.01698,"published":"2025-03-01"}],
 "targets":[
  {"region":"smalltown","indicator":"budget_revenue","plan":"14th-fyp","kind":"level","year":2025,"value":0.01877,"published":"2021-04-01"},
  {"region":"smalltown","indicator":"budget_revenue","plan":"15th-fyp","kind":"level","year":2030,"value":0.03,"published":"2021-04-01"}]}`

// fourDigits is a number under 0.1 written to four significant digits.
const fourDigits = `0\.0[1-9]\d{3}`

// A series under 1 keeps about four significant digits wherever it is
// written: the township's latest figure is "0.01698 (2024)" in the
// dashboard's every row (it was "0.017" beside one target and "0.02"
// beside the other), its projection and 80% interval "0.017xx (0.01xxx to
// 0.01xxx)", three numbers, not "0.02 (0.02 to 0.02)"; the explanation
// projects it with five decimals against the target of 0.01877, and the
// XLSX download shows the target, the figure and the projection alike.
func TestASmallSeriesKeepsFourSignificantDigitsOnTheDashboard(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	admin := token(t, st, plancast.Token{Admin: true})
	if r := s.do("POST", "/api/v1/observations", "application/json", admin, []byte(smallTown)); r.status != 200 {
		t.Fatalf("push Small Town: %d %s", r.status, r.body)
	}

	page := string(s.get("/?region=smalltown").body)
	row := regexp.MustCompile(`(?s)<tr class="[^"]*" data-region="smalltown" data-indicator="budget_revenue"[^>]*title="([^"]*)">(.*?)</tr>`)
	cell := regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	projected := regexp.MustCompile(`^(` + fourDigits + `) \((` + fourDigits + `) to (` + fourDigits + `)\)$`)
	rows := row.FindAllStringSubmatch(page, -1)
	if len(rows) != 2 {
		t.Fatalf("%d rows of Small Town's budget targets on its page, want 2", len(rows))
	}
	for _, m := range rows {
		var cells []string
		for _, c := range cell.FindAllStringSubmatch(m[2], -1) {
			cells = append(cells, html.UnescapeString(c[1]))
		}
		if len(cells) != 8 {
			t.Fatalf("cells %q, want the table's eight", cells)
		}
		if !strings.HasPrefix(cells[3], "0.01698 (2024)") {
			t.Errorf("latest cell %q, want 0.01698 (2024)", cells[3])
		}
		p := projected.FindStringSubmatch(cells[5])
		if p == nil {
			t.Errorf("projected cell %q, want the projection and its 80%% interval to four significant digits", cells[5])
		} else if p[1] == p[2] || p[1] == p[3] {
			t.Errorf("projected cell %q: a bound written as the projection", cells[5])
		}
	}

	var resp struct {
		Assessments []struct {
			Target      float64 `json:"target"`
			Explanation string  `json:"explanation"`
		} `json:"assessments"`
	}
	if err := json.Unmarshal(s.get("/api/v1/regions/smalltown/assessment").body, &resp); err != nil {
		t.Fatal(err)
	}
	explained := regexp.MustCompile(`^projected (` + fourDigits + `) for 2025 \(95% interval (` + fourDigits + `) to (` + fourDigits + `)\) against a target of 0\.01877: `)
	found := false
	for _, a := range resp.Assessments {
		if a.Target != 0.01877 {
			continue
		}
		found = true
		if m := explained.FindStringSubmatch(a.Explanation); m == nil || m[1] == m[2] || m[1] == m[3] {
			t.Errorf("explanation %q: want the projection and its 95%% interval to four significant digits, apart", a.Explanation)
		}
	}
	if !found {
		t.Fatalf("no assessment of the 0.01877 target in %+v", resp)
	}

	shown, col := shownXLSX(t, s, "/api/v1/regions/smalltown/assessment?format=xlsx")
	whole := regexp.MustCompile(`^` + fourDigits + `$`)
	found = false
	for _, row := range shown[1:] {
		if row[col["target"]] != "0.01877" {
			continue
		}
		found = true
		if got := row[col["latest"]]; got != "0.01698" {
			t.Errorf("XLSX latest %q, want 0.01698", got)
		}
		var prev float64
		for _, name := range []string{"lo95", "lo80", "projected", "hi80", "hi95"} {
			got := row[col[name]]
			v, _ := strconv.ParseFloat(got, 64)
			if !whole.MatchString(got) || v <= prev {
				t.Errorf("XLSX %s %q: want four significant digits, above the column before (%s)", name, got, strings.Join(row, " | "))
			}
			prev = v
		}
	}
	if !found {
		t.Errorf("the XLSX has no row with the target shown 0.01877: %q", shown)
	}
}

// shownXLSX is the first sheet of the XLSX download at path as a reader
// sees it (each cell as its number format shows it), and its columns by
// their header.
func shownXLSX(t *testing.T, s *server, path string) (shown [][]string, col map[string]int) {
	t.Helper()
	r := s.get(path)
	f, err := excelize.OpenReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatalf("the XLSX download: %v (%d %s)", err, r.status, r.body)
	}
	defer f.Close()
	shown, err = f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	col = map[string]int{}
	for i, h := range shown[0] {
		col[h] = i
	}
	return shown, col
}
