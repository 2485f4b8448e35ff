package api_test

import (
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A switch that writes when off (dry_run) or writes more when on
// (accept_jumps, commit) takes true or false, or what Go reads as them (1,
// 0, TRUE, ...). Anything else is refused before the body is looked at, so
// that ?dry_run=yes never writes; 1 is a dry run.
func TestSwitchesTakeTrueOrFalseAndNothingElse(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	ctx := context.Background()
	before, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	figure := obsJSON(t, plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2022, Value: 140})
	for _, q := range []string{"dry_run=yes", "dry_run=maybe", "dry_run=on", "accept_jumps=yes"} {
		msg := s.do("POST", "/api/v1/observations?"+q, "application/json", houma, figure).wantError(t, 400, "invalid")
		name, value, _ := strings.Cut(q, "=")
		if want := name + `="` + value + `" must be true or false`; !strings.Contains(msg, want) {
			t.Errorf("POST ?%s: %q, want it to say %s", q, msg, want)
		}
	}
	s.do("DELETE", "/api/v1/observations/houma/gdp/2020?dry_run=maybe", "", houma, nil).wantError(t, 400, "invalid")
	s.do("DELETE", "/api/v1/targets/houma/gdp/14th-fyp/2025?kind=level&dry_run=yes", "", houma, nil).wantError(t, 400, "invalid")
	s.do("POST", "/api/v1/reports/extract?region=houma&commit=yes", "text/plain", houma, []byte("2022年地区生产总值140亿元。")).wantError(t, 400, "invalid")
	if now, _ := st.DataVersion(ctx); now != before {
		t.Fatalf("a refused switch wrote: data version %s → %s", before, now)
	}

	var pr api.PushResponse
	s.do("POST", "/api/v1/observations?dry_run=1", "application/json", houma, figure).decode(t, 200, &pr)
	if !pr.Report.DryRun || pr.Report.New != 1 {
		t.Errorf("dry_run=1: %+v; want a dry run counting one new figure", pr.Report)
	}
	s.do("DELETE", "/api/v1/observations/houma/gdp/2020?dry_run=TRUE", "", houma, nil).decode(t, 200, &pr)
	if !pr.Report.DryRun || pr.Report.Withdrawn != 1 {
		t.Errorf("dry_run=TRUE: %+v; want a dry run counting one withdrawal", pr.Report)
	}
	if now, _ := st.DataVersion(ctx); now != before {
		t.Fatalf("a dry run wrote: data version %s → %s", before, now)
	}
	s.do("POST", "/api/v1/observations?dry_run=false", "application/json", houma, figure).decode(t, 200, &pr)
	if pr.Report.DryRun || pr.Report.New != 1 {
		t.Errorf("dry_run=false: %+v; want the figure written", pr.Report)
	}
}

// curl --data-binary @report.txt sends a report as a form unless told
// otherwise; its body is the report's text all the same.
func TestAReportSentAsCurlSendsItIsRead(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	var ex api.ExtractResponse
	s.do("POST", "/api/v1/reports/extract?region=houma", "application/x-www-form-urlencoded", "", []byte("2020年地区生产总值120.8亿元。")).decode(t, 200, &ex)
	if len(ex.Observations) != 1 || ex.Observations[0].Value != 120.8 {
		t.Errorf("candidates %+v; want 2020's GDP of 120.8", ex.Observations)
	}
	s.do("POST", "/api/v1/reports/extract?region=houma", "application/json", "", []byte(`{}`)).wantError(t, 415, "invalid")
}

// A chart may be kept by any cache for a minute, but behind a read token
// only by the client that asked (a shared cache would hand it to anyone),
// and an error is never marked cacheable.
func TestChartsAreCachedOnlyWhereTheyMayBe(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	open := startServer(t, st, api.Config{})
	guarded := startServer(t, st, api.Config{ReadToken: "reader-secret"})
	const chart = "/charts/houma/gdp.png"
	if r := open.get(chart); r.status != 200 || r.header.Get("Cache-Control") != "public, max-age=60, must-revalidate" || r.header.Get("ETag") == "" {
		t.Errorf("an open server's chart: %d, Cache-Control %q, ETag %q; want 200, public, an ETag", r.status, r.header.Get("Cache-Control"), r.header.Get("ETag"))
	}
	r := guarded.do("GET", chart, "", "reader-secret", nil)
	if r.status != 200 || r.header.Get("Cache-Control") != "private, max-age=60, must-revalidate" {
		t.Errorf("a chart behind a read token: %d, Cache-Control %q; want 200, private", r.status, r.header.Get("Cache-Control"))
	}
	if again := guarded.do("GET", chart, "", "reader-secret", nil, "If-None-Match", r.header.Get("ETag")); again.status != 304 || !strings.HasPrefix(again.header.Get("Cache-Control"), "private") {
		t.Errorf("revalidated behind a read token: %d, Cache-Control %q; want 304, private", again.status, again.header.Get("Cache-Control"))
	}
	// Houma has no retail sales figures: the chart is a 404.
	for _, path := range []string{"/charts/houma/retail_sales.png", "/charts/houma/gdp.png?width=5"} {
		r := open.get(path)
		if r.status < 400 || r.header.Get("Cache-Control") != "" || r.header.Get("ETag") != "" {
			t.Errorf("%s: %d, Cache-Control %q, ETag %q; want an error marked neither", path, r.status, r.header.Get("Cache-Control"), r.header.Get("ETag"))
		}
	}
}

// Filtering the targets on a code the catalog lacks answers 404 with the
// near codes, not an empty list that reads as "no targets"; a known region
// without targets is an empty list.
func TestTargetsFilteredOnAnUnknownCodeSayWhatWasMeant(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	for path, want := range map[string]string{
		"/api/v1/targets?region=homa":   "houma",
		"/api/v1/targets?indicator=gpd": "gdp",
	} {
		if msg := s.get(path).wantError(t, 404, "not_found"); !strings.Contains(msg, want) {
			t.Errorf("%s: %q; want it to offer %s", path, msg, want)
		}
	}
	s.get("/api/v1/targets?region=Houma!").wantError(t, 400, "invalid")
	var list struct{ Targets []plancast.Target }
	s.get("/api/v1/targets?region=houma&indicator=gdp").decode(t, 200, &list)
	if len(list.Targets) == 0 {
		t.Errorf("Houma's GDP targets: none; want the seeded ones")
	}
}
