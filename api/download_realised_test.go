package api_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// The assessment's XLSX download shows an observed target year's figure
// (the realised column) as the dashboard and the explanation write it, not
// with the projection's decimals, while keeping every digit in the cell.
// Round City's GDP of 2,043.6 in 2025 against a 14th-FYP level of 2,200 is
// shown "2,043.6" (it was "2,044", the projection's four significant
// digits); a budget revenue of 155 is "155", an unemployment rate of 4.6%
// under a ceiling of 4.5% is "4.6"; a near miss stays apart from its
// target: retail sales of 2,199.6 against 2,200 are "2,199.6", investment
// of 499.996 against 500 is "499.996" (two decimals would say 500.00), and the
// GDP's growth of 4.159% (2,043.6 on 1,962) against a 2025 target of 4.2%
// is "4.16", not "4.2". The same in the Chinese download.
func TestTheAssessmentXLSXShowsARealisedFigureAsTheDashboardWritesIt(t *testing.T) {
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
  {"region":"roundcity","indicator":"unemployment_rate","year":2025,"value":4.6,"published":"2026-03-20"},
  {"region":"roundcity","indicator":"fixed_asset_investment","year":2024,"value":480,"published":"2025-03-20"},
  {"region":"roundcity","indicator":"fixed_asset_investment","year":2025,"value":499.996,"published":"2026-03-20"}],
 "targets":[
  {"region":"roundcity","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":2200,"published":"2021-04-01"},
  {"region":"roundcity","indicator":"gdp","plan":"2025-annual","kind":"growth","year":2025,"value":4.2,"published":"2025-03-01"},
  {"region":"roundcity","indicator":"budget_revenue","plan":"14th-fyp","kind":"level","year":2025,"value":160,"published":"2021-04-01"},
  {"region":"roundcity","indicator":"retail_sales","plan":"14th-fyp","kind":"level","year":2025,"value":2200,"published":"2021-04-01"},
  {"region":"roundcity","indicator":"unemployment_rate","plan":"2025-annual","kind":"ceiling","year":2025,"value":4.5,"published":"2025-03-01"},
  {"region":"roundcity","indicator":"fixed_asset_investment","plan":"14th-fyp","kind":"level","year":2025,"value":500,"published":"2021-04-01"}]}`
	if r := s.do("POST", "/api/v1/observations", "application/json", admin, []byte(bundle)); r.status != 200 {
		t.Fatalf("push Round City: %d %s", r.status, r.body)
	}
	type key struct{ indicator, kind string }
	want := map[key]struct{ shown, raw string }{
		{"gdp", "level"}:                    {"2,043.6", "2043.6"},
		{"gdp", "growth"}:                   {"4.16", ""},
		{"budget_revenue", "level"}:         {"155", "155"},
		{"retail_sales", "level"}:           {"2,199.6", "2199.6"},
		{"unemployment_rate", "ceiling"}:    {"4.6", "4.6"},
		{"fixed_asset_investment", "level"}: {"499.996", "499.996"},
	}
	for _, lang := range []string{"en", "zh"} {
		r := s.get("/api/v1/regions/roundcity/assessment?format=xlsx&lang=" + lang)
		if r.status != 200 {
			t.Fatalf("GET the %s XLSX: %d %s", lang, r.status, r.body)
		}
		f, err := excelize.OpenReader(bytes.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		name := f.GetSheetList()[0]
		shown, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		// The columns by their English names: the Chinese header is in the
		// same order.
		en := download(t, s, "/api/v1/regions/roundcity/assessment?format=csv", "csv", "roundcity_assessment.csv")
		col := func(name string) int { return en.col(t, name) }
		at := func(row []string, i int) string {
			if i < len(row) {
				return row[i]
			}
			return ""
		}
		seen := 0
		for i := 1; i < len(shown); i++ {
			k := key{at(raw[i], col("indicator")), at(raw[i], col("kind"))}
			if lang == "zh" {
				k.kind = map[string]string{"总量": "level", "增速": "growth", "上限": "ceiling"}[k.kind]
			}
			w, ok := want[k]
			if !ok {
				continue
			}
			seen++
			got := at(shown[i], col("realised"))
			if got != w.shown {
				t.Errorf("%s %v: realised shown %q, want %q as the dashboard writes it", lang, k, got, w.shown)
			}
			if gotRaw := at(raw[i], col("realised")); w.raw != "" && gotRaw != w.raw {
				t.Errorf("%s %v: realised stored %q, want every digit: %s", lang, k, gotRaw, w.raw)
			}
		}
		if seen != len(want) {
			t.Errorf("%s: %d of Round City's %d observed targets in the XLSX", lang, seen, len(want))
		}
	}
}
