package api_test

import (
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
