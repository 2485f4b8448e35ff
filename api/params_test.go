package api_test

import (
	"context"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

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

// A query parameter a route does not read is refused with 400, naming it,
// the one meant when it is near one the route takes, and every one the
// route takes, never answered as if nothing had been asked: ?unit=pch is not
// the percent change the user wanted.
func TestAnUnknownQueryParameterIsRefused(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	for _, c := range []struct{ path, wants string }{
		{"/api/v1/series/houma/gdp?unit=pch", `unknown query parameter "unit" (did you mean "units"?): GET /api/v1/series/houma/gdp takes from, to, period, as_of, units, format, lang`},
		{"/api/v1/series/houma/gdp/projection?fmt=csv", `"fmt" (did you mean "format"?)`},
		{"/api/v1/regions/houma/assessment?plan=14th-fyp&asof=2021-04-20", `"asof" (did you mean "as_of"?)`},
		{"/charts/houma/gdp.png?widht=800&hieght=500", `unknown query parameters "hieght" (did you mean "height"?) and "widht" (did you mean "width"?)`},
		{"/api/v1/regions?format=csv", `unknown query parameter "format": GET /api/v1/regions takes no query parameters`},
		{"/api/v1/targets?region=houma&kind=level", `"kind": GET /api/v1/targets takes region, indicator, plan, as_of, versions, format, lang`},
		// Go reads no parameter after a ";" (golang.org/issue/25192): the
		// whole query is refused rather than read in part.
		{"/api/v1/series/houma/gdp?units=pch;from=2016", `the query "units=pch;from=2016" cannot be read`},
	} {
		if msg := s.get(c.path).wantError(t, 400, "invalid"); !strings.Contains(msg, c.wants) {
			t.Errorf("GET %s: %q\nwant it to say %q", c.path, msg, c.wants)
		}
	}

	// Every route but the dashboard, the health check and the metrics
	// refuses one, before it reads a body or writes anything, whatever token
	// is sent.
	admin := token(t, st, plancast.Token{Admin: true})
	before, err := st.DataVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	lenient := map[string]bool{"/": true, "/healthz": true, "/metrics": true}
	fill := strings.NewReplacer("{region}", "houma", "{indicator}", "gdp", "{plan}", "14th-fyp", "{year}", "2020", "{file}", "gdp.png", "{id}", "000000000000")
	for _, r := range s.srv.Routes() {
		if r.Method == "echo_route_not_found" || r.Method == "" || lenient[r.Path] {
			continue
		}
		path := fill.Replace(r.Path)
		if strings.Contains(path, "{") {
			t.Fatalf("no value for a parameter of %s %s", r.Method, r.Path)
		}
		msg := s.do(r.Method, path+"?made_up=1", "", admin, nil).wantError(t, 400, "invalid")
		if !strings.Contains(msg, `"made_up"`) || !strings.Contains(msg, r.Method+" "+path) {
			t.Errorf("%s %s?made_up=1: %q; want it to name made_up and the route", r.Method, path, msg)
		}
	}
	if now, _ := st.DataVersion(context.Background()); now != before {
		t.Fatalf("a request refused for its query wrote: data version %s → %s", before, now)
	}

	// What the dashboard asks for is known: every link and image on its
	// page answers.
	for _, lang := range []string{"en", "zh"} {
		page := string(s.get("/?lang=" + lang).body)
		for _, m := range regexp.MustCompile(`(?:href|src)="([^"]+)"`).FindAllStringSubmatch(page, -1) {
			u := html.UnescapeString(m[1])
			if strings.HasPrefix(u, "data:") {
				continue // the icon, inline: it asks the server nothing
			}
			if strings.HasPrefix(u, "?") {
				u = "/" + u
			}
			if r := s.get(u); r.status != 200 {
				t.Errorf("the dashboard (%s) links %s, which answers %d: %.300s", lang, u, r.status, r.body)
			}
		}
	}
	// The dashboard itself stays lenient: a shared link gains parameters on
	// the way (WeChat adds from=singlemessage&isappinstalled=0), and the
	// page shows what it answers.
	if page := s.get("/?region=houma&from=singlemessage&isappinstalled=0"); page.status != 200 || !strings.Contains(string(page.body), `id="region-houma"`) {
		t.Errorf("a shared dashboard link: %d; want Houma's page", page.status)
	}
	// A probe or a scrape with a parameter its tool adds is answered: a
	// health check refused would take a healthy server out of service.
	for _, path := range []string{"/healthz?probe=lb", "/metrics?module=http"} {
		if r := s.get(path); r.status != 200 {
			t.Errorf("GET %s: %d; want 200", path, r.status)
		}
	}
}

// A parameter given twice is refused with 400, naming it and its values,
// before anything is written: every route reads one value, and the one read
// need not be the one meant (?dry_run=false&dry_run=true read as false
// would write a dry run).
func TestARepeatedQueryParameterIsRefused(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	before, err := st.DataVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`[{"region":"houma","indicator":"gdp","year":2030,"value":300}]`)
	for _, c := range []struct{ method, path, wants string }{
		{"POST", "/api/v1/observations?dry_run=false&dry_run=true", `the query parameter "dry_run" is given 2 times ("false", "true"); give it once`},
		{"DELETE", "/api/v1/observations/houma/gdp/2020?dry_run=false&dry_run=yes", `"dry_run" is given 2 times`},
		{"GET", "/api/v1/series/houma/gdp/projection?horizon=6&horizon=abc", `"horizon" is given 2 times ("6", "abc")`},
		{"GET", "/charts/compare/gdp.png?regions=houma&regions=quwo", `list the regions in one, comma-separated`},
	} {
		var payload []byte
		if c.method == "POST" {
			payload = body
		}
		if msg := s.do(c.method, c.path, "application/json", houma, payload).wantError(t, 400, "invalid"); !strings.Contains(msg, c.wants) {
			t.Errorf("%s %s: %q\nwant it to say %q", c.method, c.path, msg, c.wants)
		}
	}
	if now, _ := st.DataVersion(context.Background()); now != before {
		t.Fatalf("a request refused for a repeated parameter wrote: data version %s → %s", before, now)
	}
	// One value, or the same parameter once with a list, is read as before.
	s.get("/api/v1/series/houma/gdp/projection?horizon=6").decode(t, 200, &struct{}{})
}

// An answer asked as of a date after tomorrow is refused, on every route
// that takes as_of: there is no data published then, and a chart as of 2030
// would hatch the years to 2029 as missing. Tomorrow is allowed (China's day
// runs ahead of UTC's).
func TestAnAsOfAfterTomorrowIsRefused(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	later := time.Now().UTC().AddDate(0, 0, 2).Format(time.DateOnly)
	tomorrow := time.Now().UTC().AddDate(0, 0, 1).Format(time.DateOnly)
	for _, path := range []string{
		"/api/v1/series/houma/gdp", "/api/v1/series/houma/gdp/projection", "/api/v1/series/houma/gdp/revisions",
		"/api/v1/regions/houma/assessment", "/api/v1/assessment", "/api/v1/targets",
		"/charts/houma/gdp.png", "/charts/compare/gdp.svg?regions=houma",
	} {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		if msg := s.get(path+sep+"as_of="+later).wantError(t, 400, "invalid"); !strings.Contains(msg, "as_of="+later+" is after today") {
			t.Errorf("GET %s as of %s: %q", path, later, msg)
		}
		if r := s.get(path + sep + "as_of=" + tomorrow); r.status != 200 {
			t.Errorf("GET %s as of tomorrow: %d %.200s", path, r.status, r.body)
		}
	}
}

// A plan mistyped in a query is refused with the code meant, on every route
// that filters by plan: the case a planner copies from a report ("14th-FYP")
// is not silently read as another plan, nor refused without a way on.
func TestAMistypedPlanIsOfferedTheCodeMeant(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	for _, c := range []struct{ path, wants string }{
		{"/api/v1/regions/houma/assessment?plan=14th-FYP", `plan="14th-FYP" must look like 14th-fyp or 2021-annual; did you mean "14th-fyp"?`},
		{"/api/v1/assessment?plan=14-fyp", `plan="14-fyp" must look like 14th-fyp or 2021-annual; did you mean "14th-fyp"?`},
		{"/api/v1/regions/houma/assessment/trail?indicator=gdp&plan=2021-anual", `plan="2021-anual" must look like 14th-fyp or 2021-annual; did you mean "2021-annual"?`},
		{"/api/v1/targets?region=houma&plan=14th%20fyp", `plan="14th fyp" must look like 14th-fyp or 2021-annual; did you mean "14th-fyp"?`},
	} {
		if msg := s.get(c.path).wantError(t, 400, "invalid"); msg != c.wants {
			t.Errorf("GET %s: %q\nwant %q", c.path, msg, c.wants)
		}
	}
}
