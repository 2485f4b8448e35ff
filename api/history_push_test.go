package api_test

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A push that does not change what is served says so. A figure dated
// before the vintage served is kept as an earlier vintage: the answer counts
// it under history, not revised (a user test's push of 113.5 dated two days
// before the served 113.2 was answered "revised": 1 while 113.2 stayed
// served), and a note names it with the figure that stays served. A dry run
// says the same. Targets alike.
func TestAPushDatedBeforeTheServedVersionIsCountedAsHistory(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	older := []byte("region,indicator,year,value,published\nhouma,gdp,2020,121.5,2021-03-01\n")
	wantNote := "houma gdp 2020: 121.5 (published 2021-03-01) is kept as an earlier vintage; the served figure stays 120.8"

	for _, dry := range []bool{true, false} {
		path := "/api/v1/observations?filename=older.csv"
		if dry {
			path += "&dry_run=true"
		}
		var ans api.PushResponse
		s.do("POST", path, "text/csv", houma, older).decode(t, 200, &ans)
		rep := ans.Report
		if rep.History != 1 || rep.Revised+rep.New+rep.Unchanged != 0 {
			t.Errorf("dry run %t: %d new, %d revised, %d history, %d unchanged; want 1 kept as history, none revised",
				dry, rep.New, rep.Revised, rep.History, rep.Unchanged)
		}
		if n := noteWith(rep.Notes, wantNote); !strings.HasPrefix(n, "1 figure is dated before the vintage served and is kept as history") {
			t.Errorf("dry run %t: notes %q; want one saying %q", dry, rep.Notes, wantNote)
		}
	}
	var series api.SeriesResponse
	s.get("/api/v1/series/houma/gdp?from=2020&to=2020").decode(t, 200, &series)
	if v := series.Observations[0].Value; v != 120.8 {
		t.Errorf("2020 served after the push: %g; want 120.8 still", v)
	}

	older = []byte("region,indicator,plan,kind,base_year,year,value,published\nhouma,gdp,14th-fyp,level,2020,2025,260,2021-03-01\n")
	var ans api.PushResponse
	s.do("POST", "/api/v1/targets?filename=draft.csv", "text/csv", houma, older).decode(t, 200, &ans)
	if tr := ans.Report.Targets; tr.History != 1 || tr.Revised+tr.New+tr.Unchanged != 0 {
		t.Errorf("a target dated before the version in force: %+v; want 1 kept as history", tr)
	}
	if n := noteWith(ans.Report.Notes, "houma gdp 14th-fyp level 2025: 260 (set 2021-03-01) is kept as an earlier version; the version in force stays 250 (set 2021-04-20)"); n == "" {
		t.Errorf("notes %q; want one naming the target kept as history", ans.Report.Notes)
	}
}

// noteWith is the note holding want, "" when none does.
func noteWith(notes []string, want string) string {
	for _, n := range notes {
		if strings.Contains(n, want) {
			return n
		}
	}
	return ""
}
