package api_test

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/xuri/excelize/v2"
)

// TestProjectionShowsTheYearToDateTakenFromItsStatedGrowth: Houma's bureau
// publishes the first half of 2021 as "60, 同比增长9.5%" and never the first
// half of 2020. The assessment judges the 2021 target on that half, 2020's
// taken from the stated growth (prior_from_stated). Wherever the year to
// date is shown it is the one judged: the projection route's year_to_date
// is the assessment's, to the last digit, its vintage the half's
// publication, its CSV download has the year_to_date row, its XLSX says how
// the year before was taken, and the chart draws the half's diamond.
func TestProjectionShowsTheYearToDateTakenFromItsStatedGrowth(t *testing.T) {
	s, july, now := houmaHalfStated(t)
	judged := gdpGrowth2021(t, now).YearToDate
	if judged == nil || !judged.PriorFromStated {
		t.Fatalf("the assessment's year to date %+v, want 2020's half taken from the stated growth", judged)
	}

	var p plancast.Projection
	s.get("/api/v1/series/houma/gdp/projection").decode(t, 200, &p)
	y := p.YearToDate
	if y == nil {
		t.Fatalf("the projection has no year to date; the assessment judges 2021 on %+v", judged)
	}
	if y.Year != 2021 || y.Period != "h1" || y.Value != 60 || y.Prior != judged.Prior || !y.PriorFromStated || y.Nowcast != judged.Nowcast {
		t.Errorf("the projection's year to date %+v, want the assessment's %+v", y, judged)
	}
	if p.Vintage != july {
		t.Errorf("vintage %s, want %s: the half published then is used", p.Vintage, july)
	}

	sh := download(t, s, "/api/v1/series/houma/gdp/projection?format=csv", "csv", "houma_gdp_projection.csv")
	found := false
	for r := range sh.rows {
		if sh.cell(t, r, "kind") == "year_to_date" {
			found = true
			if sh.cell(t, r, "year") != "2021" || math.Abs(sh.num(t, r, "value")-judged.Nowcast.Mean) > 0.05 {
				t.Errorf("year_to_date row %q, want 2021 at %v", sh.rows[r], judged.Nowcast.Mean)
			}
		}
	}
	if !found {
		t.Errorf("the CSV download has no year_to_date row: %q", sh.rows)
	}
	r := s.get("/api/v1/series/houma/gdp/projection?format=xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatalf("the XLSX download: %d, not an XLSX file: %v", r.status, err)
	}
	defer f.Close()
	about, err := f.GetRows("About")
	if err != nil {
		t.Fatal(err)
	}
	said := false
	for _, row := range about {
		if len(row) == 2 && row[0] == "year_to_date" && strings.Contains(row[1], "a year before (not stored: taken from the growth stated with the months, +9.5%") {
			said = true
		}
	}
	if !said {
		t.Errorf("the XLSX's About sheet does not say 2020's half was taken from the stated growth:\n%q", about)
	}

	svg := string(s.get("/charts/houma/gdp.svg?width=900&height=560").body)
	if want := "2021 from"; !strings.Contains(svg, want) {
		t.Errorf("the chart draws no diamond of 2021's half (no %q)", want)
	}
}
