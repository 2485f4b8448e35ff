package api_test

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/ingest"
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
		if n := noteWith(rep.Notes, wantNote); !strings.HasPrefix(n, "1 figure is dated before the vintage served, so it is kept as history (read as of its date) and what is served does not change: ") {
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

// A push dated the day of the newest version, made the day that version
// was pushed (the seed is loaded at the test's start), replaces it (a
// same-day correction, accepted as before), and the answer says so: a user
// test's target pushed with the date of the version in force was answered
// "revised": 1 with no word that the answer as of that day had changed
// from 17 to 18. (A version pushed on an earlier day is not corrected so:
// TestAnEditedSeriesDownloadDoesNotRewriteThePast.)
func TestASameDayCorrectionIsSaid(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})

	var ans api.PushResponse
	target := []byte("region,indicator,plan,kind,base_year,year,value,published\nhouma,gdp,14th-fyp,level,2020,2025,240,2021-04-20\n")
	s.do("POST", "/api/v1/targets?filename=same_day.csv", "text/csv", houma, target).decode(t, 200, &ans)
	if tr := ans.Report.Targets; tr.Revised != 1 || tr.History != 0 {
		t.Errorf("a target dated the day of the version in force: %+v; want 1 revised", tr)
	}
	if n := noteWith(ans.Report.Notes, "houma gdp 14th-fyp level 2025: 240 (set 2021-04-20) replaced the version of the same day (250); an answer as of that day or later now reads 240"); !strings.HasPrefix(n, "1 target replaced the version set the same day (a same-day correction)") {
		t.Errorf("notes %q; want one saying the version of 2021-04-20 was replaced", ans.Report.Notes)
	}
	var targets struct{ Targets []plancast.Target }
	s.get("/api/v1/targets?region=houma&indicator=gdp&plan=14th-fyp&as_of=2021-06-01").decode(t, 200, &targets)
	if len(targets.Targets) != 1 || targets.Targets[0].Value != 240 {
		t.Errorf("the target as of 2021-06-01: %+v; want 240", targets.Targets)
	}

	figure := []byte("region,indicator,year,value,status,published\nhouma,gdp,2020,121,preliminary,2021-04-20\n")
	ans = api.PushResponse{}
	s.do("POST", "/api/v1/observations?filename=same_day.csv", "text/csv", houma, figure).decode(t, 200, &ans)
	if rep := ans.Report; rep.Revised != 1 || rep.History != 0 {
		t.Errorf("a figure dated the day of the served vintage: %d revised, %d history; want 1 revised", rep.Revised, rep.History)
	}
	if n := noteWith(ans.Report.Notes, "houma gdp 2020: 121 (preliminary) (published 2021-04-20) replaced the vintage of the same day (120.8"); !strings.Contains(n, "an answer as of that day or later now reads 121 (preliminary)") {
		t.Errorf("notes %q; want one saying the vintage of 2021-04-20 was replaced", ans.Report.Notes)
	}
	// A push dated after the newest version is a plain revision: no note.
	later := []byte("region,indicator,year,value,status,published\nhouma,gdp,2020,121.2,final,2022-03-01\n")
	ans = api.PushResponse{}
	s.do("POST", "/api/v1/observations?filename=later.csv", "text/csv", houma, later).decode(t, 200, &ans)
	if rep := ans.Report; rep.Revised != 1 || len(rep.Notes) != 0 {
		t.Errorf("a later revision: %d revised, notes %q; want 1 revised and no note", rep.Revised, rep.Notes)
	}
}

// A series download (GET .../series/{region}/{indicator}?format=csv) carries
// each figure's published date. Edited and pushed back, a row that keeps
// the date of a vintage pushed on an earlier day is refused at its
// published date, with 400 and nothing written: taken, it replaced that
// vintage in every answer as of its date on (a user test's edit of a
// figure published 2024-03-15 changed the answers as of 2024-06-01). The
// same edit with its published cell cleared is a revision of today, and
// the answers of the past stay as they were.
func TestAnEditedSeriesDownloadDoesNotRewriteThePast(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	ctx := context.Background()
	pushed := time.Date(2024, time.March, 16, 2, 0, 0, 0, time.UTC)
	published := plancast.NewDate(2024, time.March, 15)
	if _, err := st.(plancast.RecordedWriter).WriteObservationsRecorded(ctx, []plancast.Observation{
		{Region: "houma", Indicator: "gdp", Year: 2021, Value: 131.2, Status: plancast.StatusFinal, Period: plancast.PeriodYear, Published: published, Recorded: pushed},
		{Region: "houma", Indicator: "gdp", Year: 2022, Value: 140.5, Status: plancast.StatusFinal, Period: plancast.PeriodYear, Published: published, Recorded: pushed},
	}); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	asOf := func() []byte { return s.get("/api/v1/series/houma/gdp?as_of=2024-06-01").body }
	past := asOf()

	download := s.get("/api/v1/series/houma/gdp?format=csv").body
	row := regexp.MustCompile(`(?m)^houma,gdp,2022,year,140\.5,(.*),2024-03-15,`)
	if !row.Match(download) {
		t.Fatalf("no 2022 row of 140.5 published 2024-03-15 in the download:\n%s", download)
	}
	edited := row.ReplaceAll(download, []byte("houma,gdp,2022,year,141.3,$1,2024-03-15,"))
	var refused struct {
		Error  api.ErrorBody  `json:"error"`
		Report *ingest.Report `json:"report"`
	}
	s.do("POST", "/api/v1/observations?filename=houma_gdp.csv", "text/csv", houma, edited).decode(t, 400, &refused)
	if refused.Report == nil || len(refused.Report.Problems) != 1 {
		t.Fatalf("the edited download: %+v, want one problem", refused)
	}
	p := refused.Report.Problems[0]
	if p.File != "houma_gdp.csv" || p.Row != 5 || p.Field != "published" ||
		!strings.HasPrefix(p.Message, "houma gdp 2022: 141.3, published 2024-03-15, differs from the vintage published that day (140.5, the figure served, pushed on 2024-03-16): taken, it would replace that vintage in every answer as of 2024-03-15 or later") ||
		!strings.Contains(p.Message, "to revise the figure, date it today: write "+plancast.Today().String()+" in published, or leave published empty") {
		t.Errorf("problem %q, want one at row 5's published date saying what it would rewrite and to date it today", p.Error())
	}
	if got := asOf(); !bytes.Equal(got, past) {
		t.Errorf("as of 2024-06-01 after the refused push:\n%s\nwant\n%s", got, past)
	}

	today := row.ReplaceAll(download, []byte("houma,gdp,2022,year,141.3,$1,,"))
	var ans api.PushResponse
	s.do("POST", "/api/v1/observations?filename=houma_gdp.csv", "text/csv", houma, today).decode(t, 200, &ans)
	if rep := ans.Report; rep.Revised != 1 || rep.New+rep.History != 0 {
		t.Errorf("the edit with its published cell cleared: %d new, %d revised, %d history; want 1 revised", rep.New, rep.Revised, rep.History)
	}
	if got := asOf(); !bytes.Equal(got, past) {
		t.Errorf("as of 2024-06-01 after the revision of today:\n%s\nwant\n%s", got, past)
	}
	var now api.SeriesResponse
	s.get("/api/v1/series/houma/gdp?from=2022&to=2022").decode(t, 200, &now)
	if len(now.Observations) != 1 || now.Observations[0].Value != 141.3 || now.Observations[0].Published != plancast.Today() {
		t.Errorf("2022 served now: %+v, want 141.3 published today", now.Observations)
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
