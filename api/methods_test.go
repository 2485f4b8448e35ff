package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// HEAD answers as GET does, without the content: `curl -I` on a chart, a
// series or the document is how an analyst checks what a download would
// be (its type, its ETag) before fetching it.
func TestHEADAnswersAsGETWithoutTheContent(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	for _, path := range []string{
		"/charts/houma/gdp.png", "/charts/houma/gdp.svg?lang=zh", "/api/v1/series/houma/gdp",
		"/api/v1/series/houma/gdp?format=csv", "/api/v1/openapi.json", "/healthz", "/api/v1/regions",
		"/api/v1/series/nowhere/gdp", // a 404 of the route itself is HEAD's too
	} {
		get := s.get(path)
		head := s.do(http.MethodHead, path, "", "", nil)
		if head.status != get.status {
			t.Errorf("HEAD %s: %d; GET answers %d", path, head.status, get.status)
		}
		if len(head.body) != 0 {
			t.Errorf("HEAD %s sent %d bytes of content", path, len(head.body))
		}
		for _, h := range []string{"Content-Type", "ETag", "X-Data-Version", "Content-Disposition"} {
			if head.header.Get(h) != get.header.Get(h) {
				t.Errorf("HEAD %s: %s %q; GET's is %q", path, h, head.header.Get(h), get.header.Get(h))
			}
		}
	}
	// A chart's ETag from HEAD is the one GET honours.
	tag := s.do(http.MethodHead, "/charts/houma/gdp.png", "", "", nil).header.Get("ETag")
	if tag == "" {
		t.Fatal("HEAD of a chart: no ETag")
	}
	if r := s.do(http.MethodGet, "/charts/houma/gdp.png", "", "", nil, "If-None-Match", tag); r.status != http.StatusNotModified {
		t.Errorf("GET with HEAD's ETag: %d, want 304", r.status)
	}
}

// A path a route takes with another method answers 405 with the methods it
// takes in Allow, never 404, which would say that nothing is there; a path
// no route takes is 404.
func TestTheWrongMethodIs405WithAllow(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	admin := token(t, st, plancast.Token{Admin: true})
	for _, c := range []struct{ method, path, allow string }{
		{http.MethodPut, "/api/v1/targets", "GET, HEAD, POST"},
		{http.MethodPatch, "/api/v1/observations", "POST"},
		{http.MethodDelete, "/charts/houma/gdp.png", "GET, HEAD"},
		{http.MethodPost, "/api/v1/series/houma/gdp", "GET, HEAD"},
		{http.MethodPost, "/healthz", "GET, HEAD"},
		{http.MethodPut, "/", "GET, HEAD"},
		{http.MethodGet, "/api/v1/observations/houma/gdp/2020", "DELETE"},
	} {
		r := s.do(c.method, c.path, "", admin, nil)
		msg := r.wantError(t, http.StatusMethodNotAllowed, "invalid")
		if got := r.header.Get("Allow"); got != c.allow {
			t.Errorf("%s %s: Allow %q, want %q", c.method, c.path, got, c.allow)
		}
		if !strings.Contains(msg, c.method+" "+c.path) || !strings.Contains(msg, "this path takes") {
			t.Errorf("%s %s: %q; want it to name the request and what the path takes", c.method, c.path, msg)
		}
	}
	for _, path := range []string{"/api/v1/nothing", "/charts/houma", "/api/v1/series/houma/gdp/extra"} {
		s.do(http.MethodPut, path, "", admin, nil).wantError(t, http.StatusNotFound, "not_found")
	}
}
