package api_test

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A series downloaded with units= other than lin holds changes, not
// figures, and says so in a transform column; pushed back, it is refused at
// that column and nothing is written. Before, units=chg of an unemployment
// rate (unit %) read back as figures of 0.5 and 0.6 and revised the rates
// 3.6 and 4.2 silently, under their own published dates, so that no as_of
// could read the figures again. A download of the levels still goes back
// in unchanged.
func TestATransformedDownloadDoesNotPushBackAsFigures(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	rates := "region,indicator,year,value,unit,published\n" +
		"houma,unemployment_rate,2019,3.1,%,2020-03-01\n" +
		"houma,unemployment_rate,2020,3.6,%,2021-03-01\n" +
		"houma,unemployment_rate,2021,4.2,%,2022-03-01\n"
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations?filename=rates.csv", "text/csv", houma, []byte(rates)).decode(t, 200, &pr)
	if pr.Report.New != 3 {
		t.Fatalf("the rates pushed: %+v; want 3 new", pr.Report)
	}
	stored := func() []float64 {
		var sr api.SeriesResponse
		s.get("/api/v1/series/houma/unemployment_rate").decode(t, 200, &sr)
		var v []float64
		for _, o := range sr.Observations {
			v = append(v, o.Value)
		}
		return v
	}

	for _, c := range []struct{ units, format, lang, header string }{
		{"chg", "csv", "en", "transform"},
		{"pch", "csv", "en", "transform"},
		{"pca", "csv", "zh", "变换"},
		{"log", "xlsx", "en", "transform"},
		{"ch1", "xlsx", "zh", "变换"},
	} {
		path := "/api/v1/series/houma/unemployment_rate?units=" + c.units + "&format=" + c.format + "&lang=" + c.lang
		sh := download(t, s, path, c.format, "houma_unemployment_rate_"+c.units+"."+c.format)
		if col := sh.col(t, c.header); len(sh.rows) == 0 || sh.rows[0][col] != c.units {
			t.Fatalf("GET %s: header %q, rows %q; want a %s column saying %s", path, sh.header, sh.rows, c.header, c.units)
		}
		ct := "text/csv"
		if c.format == "xlsx" {
			ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		}
		var back api.PushResponse
		s.do("POST", "/api/v1/observations?filename=back."+c.format, ct, houma, s.get(path).body).decode(t, 400, &back)
		if back.Report == nil || len(back.Report.Problems) != len(sh.rows) {
			t.Fatalf("units=%s pushed back: %+v; want a problem at each of its %d rows", c.units, back.Report, len(sh.rows))
		}
		p := back.Report.Problems[0]
		if p.Row != 2 || p.Field != "transform" || !strings.Contains(p.Message, "units="+c.units) || !strings.Contains(p.Message, "units=lin") {
			t.Errorf("units=%s pushed back: first problem %+v; want row 2's transform, naming units=%s and units=lin", c.units, p, c.units)
		}
		if got := stored(); len(got) != 3 || got[0] != 3.1 || got[1] != 3.6 || got[2] != 4.2 {
			t.Fatalf("after units=%s was pushed back the rates read %v; want 3.1, 3.6, 4.2", c.units, got)
		}
	}

	// The levels' download has no transform column and goes back unchanged.
	for _, lang := range []string{"en", "zh"} {
		body := s.get("/api/v1/series/houma/unemployment_rate?format=csv&lang=" + lang).body
		if strings.Contains(string(body), "transform") || strings.Contains(string(body), "变换") {
			t.Errorf("the levels' CSV (%s) has a transform column:\n%s", lang, body)
		}
		var back api.PushResponse
		s.do("POST", "/api/v1/observations?filename=lin.csv", "text/csv", houma, body).decode(t, 200, &back)
		if back.Report.Unchanged != 3 || back.Report.New+back.Report.Revised != 0 {
			t.Errorf("the levels' CSV (%s) pushed back: %+v; want 3 unchanged", lang, back.Report)
		}
	}
	// A transform column saying lin (or 原值) is the levels.
	lin := "region,indicator,year,value,unit,transform\nhouma,unemployment_rate,2021,4.2,%,lin\nhouma,unemployment_rate,2020,3.6,%,原值\n"
	s.do("POST", "/api/v1/observations?filename=lin.csv&dry_run=true", "text/csv", houma, []byte(lin)).decode(t, 200, &pr)
	if pr.Report.Unchanged != 2 {
		t.Errorf("a transform column of lin: %+v; want 2 unchanged", pr.Report)
	}
}
