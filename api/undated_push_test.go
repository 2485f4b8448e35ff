package api_test

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A push whose rows carry no published date says that it dated them the
// day it came, and how to date them: a user test's wide table of 2018–2025
// without a published column was stored as published that day, and
// as_of=2026-06-01 answered none of it, with no word in the push's answer.
// Given the push's date (?published=), the rows are dated as asked and
// nothing is said.
func TestAPushOfUndatedRowsSaysItDatedThemToday(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	wide := []byte("region,indicator,unit,2016,2017,2018\nhouma,fixed_asset_investment,亿元,98.5,105.2,101.3\n")

	var ans api.PushResponse
	s.do("POST", "/api/v1/observations?filename=wide.csv&dry_run=true", "text/csv", houma, wide).decode(t, 200, &ans)
	want := "wide.csv: 3 figures carry no published date, so each one this push writes (new or revised) is dated " + plancast.Today().String() + ", the day of the push"
	if n := noteWith(ans.Report.Notes, want); !strings.Contains(n, "a published column") || !strings.Contains(n, "?published=YYYY-MM-DD") {
		t.Errorf("notes %q; want one saying %q and how to date the rows", ans.Report.Notes, want)
	}

	ans = api.PushResponse{}
	s.do("POST", "/api/v1/observations?filename=wide.csv&published=2019-03-01", "text/csv", houma, wide).decode(t, 200, &ans)
	if ans.Report.New != 3 || noteWith(ans.Report.Notes, "no published date") != "" {
		t.Errorf("pushed with ?published=: %d new, notes %q; want 3 new and no note on dates", ans.Report.New, ans.Report.Notes)
	}
	var series api.SeriesResponse
	s.get("/api/v1/series/houma/fixed_asset_investment?as_of=2019-06-01").decode(t, 200, &series)
	if len(series.Observations) != 3 {
		t.Errorf("as of 2019-06-01: %d figures; want the 3 dated 2019-03-01", len(series.Observations))
	}
}
