package api_test

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A change (units=pch and the other year-on-year units) is computed from
// the figures of consecutive years. A year whose year before has no figure
// is left out, as before, and the answer now says which years and why in
// its notes, where Houma's GDP (2015 and 2020 only) answered an empty list
// without a word; it names the unit that annualises across a gap. An
// answer that leaves out only the first year, as every change must, has no
// note.
func TestAChangeLeftOutForAGapIsExplained(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	var sr struct { // api.SeriesResponse's fields this test reads
		Observations []plancast.Observation
		Notes        []string
	}
	s.get("/api/v1/series/houma/gdp?units=pch").decode(t, 200, &sr)
	const pch = "units=pch (percent change) needs the figures of consecutive years; left out for want of the year before: 2015 (the series' first figure) and 2020 (no 2019 figure); units=pca gives the annual rate across a gap"
	if len(sr.Observations) != 0 || len(sr.Notes) != 1 || sr.Notes[0] != pch {
		t.Fatalf("pch of 2015 and 2020: %v, notes %q\nwant no figures and the note %q", sr.Observations, sr.Notes, pch)
	}
	s.get("/api/v1/series/houma/gdp?units=chg").decode(t, 200, &sr)
	if len(sr.Notes) != 1 || !strings.HasPrefix(sr.Notes[0], "units=chg (change) needs the figures of consecutive years;") || strings.Contains(sr.Notes[0], "annual rate") {
		t.Errorf("chg of 2015 and 2020: notes %q; want the change's note, with no annualised unit to offer", sr.Notes)
	}

	houma := token(t, st, plancast.Token{Region: "houma"})
	figure := obsJSON(t, plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2021, Value: 131})
	s.do("POST", "/api/v1/observations", "application/json", houma, figure).decode(t, 200, nil)
	s.get("/api/v1/series/houma/gdp?units=pch").decode(t, 200, &sr)
	if len(sr.Observations) != 1 || sr.Observations[0].Year != 2021 || len(sr.Notes) != 1 || !strings.Contains(sr.Notes[0], "2020 (no 2019 figure)") {
		t.Errorf("pch of 2015, 2020 and 2021: %v, notes %q; want 2021 alone and 2020's gap said", sr.Observations, sr.Notes)
	}
	// from= cuts the answer, not the figures a change is taken from: 2021's
	// percent change is over the stored 2020, asked from 2021 or not; asked
	// from 2020, that year's want of 2019 is said.
	sr.Observations, sr.Notes = nil, nil
	s.get("/api/v1/series/houma/gdp?units=pch&from=2021").decode(t, 200, &sr)
	if len(sr.Observations) != 1 || sr.Observations[0].Year != 2021 || math.Abs(sr.Observations[0].Value-100*(131/120.8-1)) > 1e-9 || len(sr.Notes) != 0 {
		t.Errorf("pch from 2021: %v, notes %q; want 2021's %.4f over 2020 and no note", sr.Observations, sr.Notes, 100*(131/120.8-1))
	}
	sr.Observations, sr.Notes = nil, nil
	s.get("/api/v1/series/houma/gdp?units=pca&from=2020&to=2020").decode(t, 200, &sr)
	if len(sr.Observations) != 1 || math.Abs(sr.Observations[0].Value-100*(math.Pow(120.8/88.9, 0.2)-1)) > 1e-9 || len(sr.Notes) != 0 {
		t.Errorf("pca of 2020 alone: %v, notes %q; want its annual rate since 2015 and no note", sr.Observations, sr.Notes)
	}
	sr.Observations, sr.Notes = nil, nil
	s.get("/api/v1/series/houma/gdp?units=pch&from=2020").decode(t, 200, &sr)
	if len(sr.Observations) != 1 || sr.Observations[0].Year != 2021 || len(sr.Notes) != 1 ||
		!strings.HasSuffix(sr.Notes[0], "left out for want of the year before: 2020 (no 2019 figure); units=pca gives the annual rate across a gap") {
		t.Errorf("pch from 2020: %v, notes %q; want 2021 and 2020's gap said", sr.Observations, sr.Notes)
	}
	for _, path := range []string{"/api/v1/series/houma/gdp?units=pca", "/api/v1/series/houma/gdp"} {
		r := s.get(path)
		r.decode(t, 200, &sr)
		if len(sr.Observations) == 0 || strings.Contains(string(r.body), `"notes"`) {
			t.Errorf("%s: %s; want figures and no notes", path, r.body)
		}
	}
}
