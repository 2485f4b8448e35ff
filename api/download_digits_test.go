package api_test

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// fallingTown is a poverty incidence above 1 falling fast: 8 … 1.2 over
// 2016–2020, a ceiling of 0.5 for 2025; its projection's lower bounds fall
// under 0.1, which two decimals write as 0.0x.
const fallingTown = `{"regions":[{"code":"falltown","name":"Falling Town","name_zh":"降县","parent":"linfen","level":"county"}],
 "indicators":[{"code":"poverty_incidence","name":"Poverty incidence rate","name_zh":"贫困发生率","unit":"percent","kind":"rate","better":"lower","percent_of_whole":true}],
 "observations":[
  {"region":"falltown","indicator":"poverty_incidence","year":2016,"value":8,"published":"2024-03-01"},
  {"region":"falltown","indicator":"poverty_incidence","year":2017,"value":5.1,"published":"2024-03-01"},
  {"region":"falltown","indicator":"poverty_incidence","year":2018,"value":3.2,"published":"2024-03-01"},
  {"region":"falltown","indicator":"poverty_incidence","year":2019,"value":1.9,"published":"2024-03-01"},
  {"region":"falltown","indicator":"poverty_incidence","year":2020,"value":1.2,"published":"2024-03-01"}],
 "targets":[{"region":"falltown","indicator":"poverty_incidence","plan":"14th-fyp","kind":"ceiling","year":2025,"value":0.5,"published":"2021-03-01"}]}`

// The assessment's and the projection's spreadsheets show a projected value
// under 1, and each bound of its intervals, to about four significant
// digits, as the explanation writes them (plancast.ShownPrec): Poverty
// Town's 2025 projection "0.01600 (95% interval 0.0003815 to 0.5238)" was
// "0.01600", "0.00038" and "0.52381" in both downloads (the latest
// figure's five decimals, two significant digits and five), and Falling
// Town's lower bounds under 0.1 were "0.0x" (two decimals, the latest
// figure's; from 0.1 up its values keep two, "0.38", as in the text). A
// value of 1 or more keeps the decimals it had: Houma's GDP projection's
// one.
func TestDownloadsShowProjectedValuesUnderOneAsTheExplanationWritesThem(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	admin := token(t, st, plancast.Token{Admin: true})
	for _, body := range []string{povertyTown, fallingTown} {
		if r := s.do("POST", "/api/v1/observations", "application/json", admin, []byte(body)); r.status != 200 {
			t.Fatalf("push: %d %s", r.status, r.body)
		}
	}
	bounds := []string{"lo80", "hi80", "lo95", "hi95"}

	for _, region := range []string{"povtown", "falltown"} {
		var resp api.AssessmentResponse
		s.get("/api/v1/regions/"+region+"/assessment").decode(t, 200, &resp)
		if len(resp.Assessments) != 1 || resp.Assessments[0].Projected == nil {
			t.Fatalf("%s: assessments %+v, want the ceiling judged on a projection", region, resp.Assessments)
		}
		a := resp.Assessments[0]
		// The explanation writes the mean and the 95% interval; each of
		// them the sheet shows under 1 is written so there.
		rows, col := shownXLSX(t, s, "/api/v1/regions/"+region+"/assessment?format=xlsx")
		if len(rows) != 2 {
			t.Fatalf("%s: %d rows in the assessment's sheet, want the header and one", region, len(rows))
		}
		for name, v := range map[string]float64{"projected": a.Projected.Mean, "lo95": a.Projected.Lo95, "hi95": a.Projected.Hi95} {
			shown := rows[1][col[name]]
			if math.Abs(v) < 1 && !strings.Contains(a.Explanation, " "+shown+" ") && !strings.Contains(a.Explanation, " "+shown+")") {
				t.Errorf("%s: the assessment's %s cell shows %q; the explanation writes it otherwise: %q", region, name, shown, a.Explanation)
			}
		}
		for _, name := range append([]string{"projected"}, bounds...) {
			if shown := rows[1][col[name]]; fourDigitsDue(region, shown) && sigDigits(shown) < 4 {
				t.Errorf("%s: the assessment's %s cell shows %q, under four significant digits", region, name, shown)
			}
		}

		// The projection's sheet shows each projected value under 1 so.
		prows, pcol := shownXLSX(t, s, "/api/v1/series/"+region+"/poverty_incidence/projection?format=xlsx")
		n, small := 0, 0
		for _, r := range prows[1:] {
			if r[pcol["kind"]] != "projected" {
				continue
			}
			for _, name := range append([]string{"value"}, bounds...) {
				n++
				if strings.HasPrefix(r[pcol[name]], "0.0") {
					small++
				}
				if shown := r[pcol[name]]; fourDigitsDue(region, shown) && sigDigits(shown) < 4 {
					t.Errorf("%s %s: the projection's %s cell shows %q, under four significant digits", region, r[pcol["year"]], name, shown)
				}
			}
		}
		if n == 0 || small == 0 {
			t.Fatalf("%s: no projected value under 0.1 in %q", region, prows)
		}
	}

	// From 1 up, a projected value keeps the latest figure's decimals:
	// Houma's GDP (latest 120.8) one.
	var proj plancast.Projection
	s.get("/api/v1/series/houma/gdp/projection").decode(t, 200, &proj)
	rows, col := shownXLSX(t, s, "/api/v1/series/houma/gdp/projection?format=xlsx")
	i := 0
	for _, r := range rows[1:] {
		if r[col["kind"]] != "projected" {
			continue
		}
		pt := proj.Points[i]
		i++
		for name, v := range map[string]float64{"value": pt.Mean, "lo80": pt.Lo80, "hi80": pt.Hi80, "lo95": pt.Lo95, "hi95": pt.Hi95} {
			if want := plancast.FormatNumber(v, 1); r[col[name]] != want {
				t.Errorf("houma gdp %d %s: shown %q, want %q (one decimal, as before)", pt.Year, name, r[col[name]], want)
			}
		}
	}
	if i == 0 {
		t.Fatal("no projected rows of Houma's GDP")
	}
}

// fourDigitsDue is whether the text writes a projected value of region,
// shown as shown, to about four significant digits: every value under 1
// of Poverty Town (a series under 1), a value under 0.1 of Falling Town (a
// series of 1 or more, whose values from 0.1 up keep two decimals, "0.38").
func fourDigitsDue(region, shown string) bool {
	if region == "povtown" {
		return strings.HasPrefix(shown, "0.")
	}
	return strings.HasPrefix(shown, "0.0")
}

// sigDigits counts the significant digits of a number as written.
func sigDigits(s string) int {
	d := strings.TrimLeft(strings.NewReplacer(".", "", ",", "", "-", "").Replace(s), "0")
	return len(d)
}
