package api_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// What a browser sends when it opens a page (Chromium's Accept header).
const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8"

// The dashboard says the data version it was computed from, as every read
// answer does: the version a push's If-Match names, and it moves with a push.
func TestTheDashboardSaysItsDataVersion(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	page, series := s.get("/"), s.get("/api/v1/series/houma/gdp")
	v := page.header.Get("X-Data-Version")
	if page.status != 200 || v == "" || v != series.header.Get("X-Data-Version") {
		t.Fatalf("dashboard: %d, X-Data-Version %q; want 200 and the series' %q", page.status, v, series.header.Get("X-Data-Version"))
	}
	houma := token(t, st, plancast.Token{Region: "houma"})
	figure := obsJSON(t, plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2021, Value: 131})
	s.do("POST", "/api/v1/observations", "application/json", houma, figure, "If-Match", v).decode(t, 200, nil)
	if after := s.get("/?region=houma").header.Get("X-Data-Version"); after == "" || after == v {
		t.Errorf("after a push the dashboard says version %q, before it %q; want a new one", after, v)
	}
}

// Behind a read token, a browser opening the dashboard without it gets a
// page saying that a read token is needed and how to send it, in the page's
// language, and why a token it sent was refused. An API client (Accept JSON,
// */* or nothing) gets the JSON error every read route answers, unchanged.
func TestABrowserWithoutTheReadTokenIsToldWhatItNeeds(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{ReadToken: "pc_shared-read-secret"})

	r := s.do("GET", "/", "", "", nil, "Accept", browserAccept)
	page := string(r.body)
	if r.status != 401 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("a browser without a token: %d %s; want 401 text/html", r.status, r.header.Get("Content-Type"))
	}
	for _, want := range []string{"<title>", "read token", "Authorization: Bearer", "plancast token create --read"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not say %q:\n%s", want, page)
		}
	}
	if zh := string(s.do("GET", "/?lang=zh", "", "", nil, "Accept", browserAccept).body); !strings.Contains(zh, `lang="zh"`) || !strings.Contains(zh, "读取令牌") {
		t.Errorf("the Chinese page is not in Chinese:\n%s", zh)
	}
	if wrong := string(s.do("GET", "/", "", "pc_wrong", nil, "Accept", browserAccept).body); !strings.Contains(wrong, "the token is not recognised") {
		t.Errorf("a refused token's page does not say why:\n%s", wrong)
	}

	want := s.get("/api/v1/series/houma/gdp").wantError(t, 401, "unauthorized")
	for _, accept := range []string{"", "*/*", "application/json", "application/json, text/html"} {
		if msg := s.do("GET", "/", "", "", nil, "Accept", accept).wantError(t, 401, "unauthorized"); msg != want {
			t.Errorf("Accept %q: %q; want the read routes' %q", accept, msg, want)
		}
	}

	ok := s.do("GET", "/", "", "pc_shared-read-secret", nil, "Accept", browserAccept)
	if ok.status != 200 || !strings.Contains(string(ok.body), `data-region="houma"`) || ok.header.Get("X-Data-Version") == "" {
		t.Errorf("with the read token: %d, X-Data-Version %q; want the dashboard with its version", ok.status, ok.header.Get("X-Data-Version"))
	}
}

// A browser cannot add the read token's header to a page and its images, so
// the 401 page has a form that signs it in: a token that opens reads is kept
// in a session cookie (HttpOnly, SameSite=Strict) that opens the dashboard,
// its charts and the read routes, never a write; a refused token gets the
// page again saying why, and no cookie; signing out forgets it.
func TestABrowserSignsInWithTheReadToken(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{ReadToken: "pc_shared-read-secret"})
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(path string, form url.Values) *http.Response {
		t.Helper()
		resp, err := noRedirect.PostForm(s.url+path, form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	withCookie := func(method, path, value string, body []byte, headers ...string) response {
		return s.do(method, path, "application/json", "", body, append([]string{"Cookie", "plancast_read=" + value, "Accept", browserAccept}, headers...)...)
	}

	wrong := post("/signin", url.Values{"token": {"pc_wrong"}})
	if wrong.StatusCode != 401 || len(wrong.Cookies()) != 0 {
		t.Fatalf("a wrong token: %d, cookies %v; want 401 and none", wrong.StatusCode, wrong.Cookies())
	}
	if page := s.do("POST", "/signin", "application/x-www-form-urlencoded", "", []byte("token=pc_wrong")); !strings.Contains(string(page.body), "the token is not recognised") || !strings.Contains(string(page.body), `action="/signin"`) {
		t.Errorf("a wrong token's page does not say why and offer the form again:\n%s", page.body)
	}

	in := post("/signin", url.Values{"token": {"pc_shared-read-secret"}, "lang": {"zh"}})
	var ck *http.Cookie
	for _, c := range in.Cookies() {
		if c.Name == "plancast_read" {
			ck = c
		}
	}
	if in.StatusCode != 303 || in.Header.Get("Location") != "/?lang=zh" || ck == nil {
		t.Fatalf("the read token: %d to %q, cookies %v; want 303 to /?lang=zh with the read cookie", in.StatusCode, in.Header.Get("Location"), in.Cookies())
	}
	if !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.MaxAge != 0 || !ck.Expires.IsZero() || ck.Path != "/" {
		t.Errorf("the read cookie %+v; want HttpOnly, SameSite=Strict, for the session, on /", ck)
	}

	page := withCookie("GET", "/?lang=zh", ck.Value, nil)
	if page.status != 200 || !strings.Contains(string(page.body), `data-region="houma"`) || !strings.Contains(string(page.body), `action="/signout"`) {
		t.Fatalf("the dashboard with the cookie: %d; want it, offering to sign out:\n%.500s", page.status, page.body)
	}
	if chart := withCookie("GET", "/charts/houma/gdp.png", ck.Value, nil); chart.status != 200 || chart.header.Get("Content-Type") != "image/png" {
		t.Errorf("a chart with the cookie: %d %s; want the PNG", chart.status, chart.header.Get("Content-Type"))
	}
	if series := withCookie("GET", "/api/v1/series/houma/gdp", ck.Value, nil, "Accept", "application/json"); series.status != 200 {
		t.Errorf("a read route with the cookie: %d %s", series.status, series.body)
	}
	// The cookie opens no write, even when it holds a token that may write.
	houma := token(t, st, plancast.Token{Region: "houma"})
	before, _ := st.DataVersion(context.Background())
	figure := obsJSON(t, plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2021, Value: 131})
	withCookie("POST", "/api/v1/observations", houma, figure, "Accept", "application/json").wantError(t, 401, "unauthorized")
	if after, _ := st.DataVersion(context.Background()); after != before {
		t.Fatalf("a push with the read cookie alone wrote: data version %s → %s", before, after)
	}
	if refused := withCookie("GET", "/", "pc_wrong", nil); refused.status != 401 || !strings.Contains(string(refused.body), "the token is not recognised") {
		t.Errorf("a cookie with a wrong token: %d; want the 401 page saying why:\n%s", refused.status, refused.body)
	}
	if plain := s.do("GET", "/", "", "pc_shared-read-secret", nil, "Accept", browserAccept); strings.Contains(string(plain.body), `action="/signout"`) {
		t.Errorf("the dashboard read with the header offers to sign out, which would forget nothing")
	}

	out := post("/signout", url.Values{"lang": {"en"}})
	if out.StatusCode != 303 || len(out.Cookies()) != 1 || out.Cookies()[0].Name != "plancast_read" || out.Cookies()[0].MaxAge >= 0 {
		t.Errorf("signing out: %d, cookies %v; want 303 and the read cookie expired", out.StatusCode, out.Cookies())
	}

	// A server that asks no read token has nothing to sign in to.
	open := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	resp, err := noRedirect.PostForm(open.url+"/signin", url.Values{"token": {"anything"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 303 || len(resp.Cookies()) != 0 {
		t.Errorf("signing in where no read token is asked: %d, cookies %v; want 303 and none", resp.StatusCode, resp.Cookies())
	}
}

// Behind a read token, a browser opening a read route itself (a chart link
// pasted into the address bar, a download, a series' JSON) is answered as
// the dashboard is: with the 401 page and its sign-in form, which carries
// the address asked for, so that signing in brings the browser back to it.
// A request is a browser's opening of the address when its Accept ranks
// HTML above JSON or it says Sec-Fetch-Mode: navigate. Every other client
// gets the JSON 401 exactly as before: curl (*/*), an API client
// (application/json), no Accept, a page's <img> or fetch.
func TestABrowserOpeningAReadRouteIsAskedToSignInAndSentBack(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{ReadToken: "pc_shared-read-secret"})
	const chart = "/charts/houma/gdp.png?width=800&height=500&lang=zh"
	nextOf := func(page string) string { // the address the page's form goes back to
		m := regexp.MustCompile(`<input type="hidden" name="next" value="([^"]*)">`).FindStringSubmatch(page)
		if m == nil {
			return ""
		}
		return html.UnescapeString(m[1])
	}
	for _, c := range []struct {
		path    string
		headers []string
	}{
		{chart, []string{"Accept", browserAccept}},
		{"/api/v1/series/houma/gdp?format=xlsx", []string{"Accept", browserAccept}},
		{"/api/v1/regions/houma/assessment", []string{"Accept", "*/*", "Sec-Fetch-Mode", "navigate"}},
	} {
		r := s.do("GET", c.path, "", "", nil, c.headers...)
		page := string(r.body)
		if r.status != 401 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") || !strings.Contains(page, `action="/signin"`) {
			t.Errorf("a browser opening %s (%q) without the token: %d %s; want 401 and the sign-in page:\n%.300s", c.path, c.headers, r.status, r.header.Get("Content-Type"), page)
			continue
		}
		if next := nextOf(page); next != c.path {
			t.Errorf("the sign-in page of %s goes back to %q; want the address asked for", c.path, next)
		}
	}
	// The chart asked with lang=zh is asked for in Chinese; a link to the
	// other language would add lang= to a route, so only the dashboard's
	// page has one: to the dashboard's address, region and all (a relative
	// ?lang= on the page a refused sign-in answers went to /signin).
	zh := string(s.do("GET", chart, "", "", nil, "Accept", browserAccept).body)
	if !strings.Contains(zh, `lang="zh"`) || strings.Contains(zh, `English</a>`) {
		t.Errorf("the sign-in page of %s: want it in Chinese, with no link to another language:\n%s", chart, zh)
	}
	if dash := string(s.do("GET", "/?region=houma", "", "", nil, "Accept", browserAccept).body); nextOf(dash) != "/?region=houma" || !strings.Contains(dash, `<a href="/?lang=zh&amp;region=houma">中文</a>`) {
		t.Errorf("the dashboard's sign-in page goes back to %q; want /?region=houma, and a link to its Chinese page:\n%s", nextOf(dash), dash)
	}
	if refused := string(s.do("POST", "/signin", "application/x-www-form-urlencoded", "", []byte("token=pc_wrong&lang=zh")).body); !strings.Contains(refused, `<a href="/?lang=en">English</a>`) {
		t.Errorf("a refused sign-in's page: want a link to the English dashboard:\n%s", refused)
	}

	// Everything but a browser opening the address: the JSON 401 as before.
	want := s.get("/api/v1/series/houma/gdp").wantError(t, 401, "unauthorized")
	for _, path := range []string{chart, "/api/v1/series/houma/gdp", "/api/v1/regions"} {
		for _, headers := range [][]string{
			{"Accept", ""},
			{"Accept", "*/*"},
			{"Accept", "application/json"},
			{"Accept", "application/json, text/html"},
			{"Accept", "*/*", "Sec-Fetch-Mode", "cors"}, // a page's fetch
			{"Accept", "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "image"}, // a page's <img>
		} {
			r := s.do("GET", path, "", "", nil, headers...)
			if msg := r.wantError(t, 401, "unauthorized"); msg != want || r.header.Get("Content-Type") != "application/json" {
				t.Errorf("GET %s %q: %q (%s); want the JSON 401 %q", path, headers, msg, r.header.Get("Content-Type"), want)
			}
		}
	}
	// A write is never answered with the sign-in page: the cookie opens
	// reads only.
	if r := s.do("POST", "/api/v1/observations", "application/json", "", []byte("[]"), "Accept", browserAccept, "Sec-Fetch-Mode", "navigate"); !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Errorf("a write without a token from a browser: %d %s; want the JSON 401", r.status, r.header.Get("Content-Type"))
	}

	// Signed in, the browser goes back to the address asked for; a refused
	// token's page still carries it.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	signIn := func(form url.Values) (*http.Response, string) {
		t.Helper()
		resp, err := noRedirect.PostForm(s.url+"/signin", form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	if resp, page := signIn(url.Values{"token": {"pc_wrong"}, "next": {chart}, "lang": {"zh"}}); resp.StatusCode != 401 || nextOf(page) != chart {
		t.Errorf("a wrong token with next %s: %d, the page goes back to %q; want 401 and the chart again", chart, resp.StatusCode, nextOf(page))
	}
	resp, _ := signIn(url.Values{"token": {"pc_shared-read-secret"}, "next": {chart}, "lang": {"zh"}})
	if resp.StatusCode != 303 || resp.Header.Get("Location") != chart || len(resp.Cookies()) != 1 {
		t.Fatalf("signed in with next %s: %d to %q, cookies %v; want 303 back to it with the read cookie", chart, resp.StatusCode, resp.Header.Get("Location"), resp.Cookies())
	}
	if png := s.do("GET", chart, "", "", nil, "Cookie", "plancast_read="+resp.Cookies()[0].Value, "Accept", browserAccept); png.status != 200 || png.header.Get("Content-Type") != "image/png" {
		t.Errorf("the chart gone back to: %d %s; want the PNG", png.status, png.header.Get("Content-Type"))
	}
}

// The address a sign-in goes back to is a path on this server, nothing a
// browser could read as another site (an open redirect): anything else
// goes to the dashboard, signed in all the same.
func TestSigningInGoesBackOnlyToAPathOnThisServer(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{ReadToken: "pc_shared-read-secret"})
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, c := range []struct{ next, to string }{
		{"/charts/houma/gdp.svg", "/charts/houma/gdp.svg"},
		{"/api/v1/series/houma/gdp?units=pca&format=csv", "/api/v1/series/houma/gdp?units=pca&format=csv"},
		{"/?region=houma&lang=zh", "/?region=houma&lang=zh"},
		{"/api/v1/series/houma/%2F%2Fother.example", "/api/v1/series/houma/%2F%2Fother.example"}, // escaped: a path here
		{"", "/"},
		{"https://other.example/charts/houma/gdp.png", "/"},
		{"http:/other.example", "/"},
		{"//other.example/charts/houma/gdp.png", "/"},
		{"///other.example", "/"},
		{`/\other.example`, "/"},
		{`\\other.example`, "/"},
		{"/\t/other.example", "/"},
		{"/\n/other.example", "/"},
		{"/ /other.example", "/"},
		{"javascript:alert(1)", "/"},
		{"other.example/charts", "/"},
		{"charts/houma/gdp.png", "/"},
		{"/charts/houma/gdp.png\r\nSet-Cookie: plancast_read=x", "/"},
		{"/图表", "/"}, // a browser escapes it; unescaped, it was not the page's
	} {
		resp, err := noRedirect.PostForm(s.url+"/signin", url.Values{"token": {"pc_shared-read-secret"}, "next": {c.next}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 303 || resp.Header.Get("Location") != c.to || len(resp.Cookies()) != 1 {
			t.Errorf("signing in with next %q: %d to %q, cookies %v; want 303 to %q, signed in", c.next, resp.StatusCode, resp.Header.Get("Location"), resp.Cookies(), c.to)
		}
	}
	// next is a form field: in the query, /signin refuses it as any other.
	resp, err := noRedirect.PostForm(s.url+"/signin?next=/charts/houma/gdp.png", url.Values{"token": {"pc_shared-read-secret"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("next in the query: %d; want 400, as any query parameter of /signin", resp.StatusCode)
	}
}

// A sign-in or sign-out posted from another site's page is refused (403)
// and sets no cookie: SameSite=Strict keeps other sites from sending the
// cookie, not from setting it, and a page elsewhere could otherwise sign a
// visitor in with a token of its choosing (login CSRF). The browser says
// where a form comes from (Sec-Fetch-Site, else Origin); the server's own
// page, and clients that say neither, sign in as before.
func TestASignInPostedFromAnotherSiteIsRefused(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{ReadToken: "pc_shared-read-secret"})
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(path string, headers []string) (*http.Response, string) {
		t.Helper()
		req, err := http.NewRequest("POST", s.url+path, strings.NewReader("token=pc_shared-read-secret"))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	for _, c := range []struct {
		name    string
		headers []string
		status  int
	}{
		{"a form on another site (Sec-Fetch-Site)", []string{"Sec-Fetch-Site", "cross-site"}, 403},
		{"a form on another site (Origin only)", []string{"Origin", "https://elsewhere.example"}, 403},
		{"a sibling site (Sec-Fetch-Site: same-site)", []string{"Sec-Fetch-Site", "same-site"}, 403},
		{"the server's own page", []string{"Sec-Fetch-Site", "same-origin", "Origin", s.url}, 303},
		{"the server's own page (Origin only)", []string{"Origin", s.url}, 303},
		{"a client that says neither (curl)", nil, 303},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, path := range []string{"/signin", "/signout"} {
				r, body := post(path, c.headers)
				if r.StatusCode != c.status {
					t.Errorf("POST %s: %d, want %d: %s", path, r.StatusCode, c.status, body)
				}
				if c.status == 403 && len(r.Cookies()) != 0 {
					t.Errorf("POST %s refused, but set cookies %v", path, r.Cookies())
				}
				if c.status == 403 && !strings.Contains(body, "posted from another site's page is refused") {
					t.Errorf("POST %s: the refusal does not say why: %s", path, body)
				}
				if c.status == 303 && path == "/signin" && len(r.Cookies()) != 1 {
					t.Errorf("POST %s from %s: cookies %v, want the read cookie", path, c.name, r.Cookies())
				}
			}
		})
	}
}

// Every link and image on every region's page answers: a series with one
// yearly figure, which no projection can be made of, links its figures'
// workbook, not the projection's, which would answer 400.
func TestEveryRegionsPageLinksWhatAnswers(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	// Linfen, seeded with targets and no figure of its own, gets one
	// yearly GDP figure.
	one := plancast.Observation{Region: "linfen", Indicator: "gdp", Year: 2020, Value: 1500.2, Status: plancast.StatusFinal, Period: plancast.PeriodYear}
	if _, err := st.WriteObservations(context.Background(), []plancast.Observation{one}); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, st, api.Config{})
	regions, err := st.Regions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, r := range regions {
		for _, lang := range []string{"en", "zh"} {
			page := string(s.get("/?region=" + r.Code + "&lang=" + lang).body)
			for _, m := range regexp.MustCompile(`(?:href|src)="([^"]+)"`).FindAllStringSubmatch(page, -1) {
				u := html.UnescapeString(m[1])
				if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "?") || strings.HasPrefix(u, "/?") {
					continue // the icon inline, and the page's own links to regions and languages
				}
				checked++
				if got := s.get(u); got.status != 200 {
					t.Errorf("%s's page (%s) links %s, which answers %d: %.200s", r.Code, lang, u, got.status, got.body)
				}
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d links checked", checked)
	}
	if linfen := string(s.get("/?region=linfen").body); !strings.Contains(linfen, `/api/v1/series/linfen/gdp?format=xlsx`) {
		t.Errorf("Linfen's page does not link its one-figure GDP's workbook")
	}
}

// A person who opens the dashboard for a region that is not there gets the
// page, with 404, saying so above the regions to choose from; an API
// client still gets the JSON error.
func TestABrowserAskingForAnUnknownRegionGetsThePage(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	for _, c := range []struct{ query, status, says string }{
		{"?region=homa", "404", `region &#34;homa&#34; is not in the catalog`},
		{"?region=homa&lang=zh", "404", `没有代码为“homa”的地区`},
		{"?region=Hou%20ma", "400", `not a valid code`},
	} {
		r := s.do("GET", "/"+c.query, "", "", nil, "Accept", browserAccept)
		page := string(r.body)
		if strconv.Itoa(r.status) != c.status || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
			t.Errorf("a browser opening /%s: %d %s; want %s and the page", c.query, r.status, r.header.Get("Content-Type"), c.status)
		}
		if !strings.Contains(page, c.says) || !strings.Contains(page, `region-houma`) && !strings.Contains(page, `region=houma`) {
			t.Errorf("the page for /%s does not say %q above the regions:\n%.600s", c.query, c.says, page)
		}
	}
	s.do("GET", "/?region=homa", "", "", nil, "Accept", "application/json").wantError(t, 404, "not_found")
}

// A token pasted into the sign-in form with whitespace around it (a
// double-click selection in a terminal, a copied line) signs the browser in,
// as the same token does in the Authorization header and the flags; the
// cookie holds the token without the whitespace.
func TestASignInTokenWithWhitespaceAroundItIsTrimmed(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{ReadToken: "pc_shared-read-secret"})
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, typed := range []string{"pc_shared-read-secret ", " pc_shared-read-secret", "\tpc_shared-read-secret\r\n"} {
		resp, err := noRedirect.PostForm(s.url+"/signin", url.Values{"token": {typed}, "next": {"/"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		var value string
		for _, c := range resp.Cookies() {
			if c.Name == "plancast_read" {
				value = c.Value
			}
		}
		if resp.StatusCode != 303 || value != "pc_shared-read-secret" {
			t.Errorf("signing in with %q: %d, cookie %q; want 303 and the cookie holding the token without the whitespace", typed, resp.StatusCode, value)
		}
	}
}
