package api_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast/api"
)

// The API's root, with or without its trailing slash, answered a bare 404.
// It now says what the service is and lists every route openapi.json
// documents, each with its summary, and no other, so that it cannot drift
// from the document (which TestOpenAPIMatchesRoutes keeps to the
// registered routes; the index is checked against those too). Like the
// document it needs no token, on a server that asks one for reads.
func TestTheAPIRootListsEveryRoute(t *testing.T) {
	st := backends[0].open(t)
	s := startServer(t, st, api.Config{ReadToken: "pc_shared-read-secret"})
	var doc struct {
		Info  struct{ Title, Version string }
		Paths map[string]map[string]struct{ Summary string }
	}
	s.get("/api/v1/openapi.json").decode(t, 200, &doc)
	documented := map[string]string{} // "METHOD path" → summary
	for path, ops := range doc.Paths {
		for method, op := range ops {
			documented[strings.ToUpper(method)+" "+path] = op.Summary
		}
	}
	registered := map[string]bool{}
	for _, r := range s.srv.Routes() {
		if r.Method != "" && r.Method != "echo_route_not_found" {
			registered[r.Method+" "+r.Path] = true
		}
	}
	for _, root := range []string{"/api/v1", "/api/v1/"} {
		var ix api.Index
		r := s.get(root)
		r.decode(t, 200, &ix)
		if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %s: Content-Type %q, want JSON", root, ct)
		}
		if ix.Name != "plancast" || ix.Version == "" || ix.Version != doc.Info.Version || ix.OpenAPI != "/api/v1/openapi.json" || ix.Dashboard != "/" {
			t.Errorf("GET %s: %q %q, openapi %q, dashboard %q; want plancast, the document's version %q and the two links",
				root, ix.Name, ix.Version, ix.OpenAPI, ix.Dashboard, doc.Info.Version)
		}
		listed := map[string]string{}
		for _, rt := range ix.Routes {
			key := rt.Method + " " + rt.Path
			if _, twice := listed[key]; twice {
				t.Errorf("GET %s lists %s twice", root, key)
			}
			listed[key] = rt.Summary
			if want, ok := documented[key]; !ok {
				t.Errorf("GET %s lists %s, which openapi.json does not document", root, key)
			} else if rt.Summary != want || rt.Summary == "" {
				t.Errorf("GET %s: %s's summary %q; want the document's %q", root, key, rt.Summary, want)
			}
		}
		for key := range documented {
			if _, ok := listed[key]; !ok {
				t.Errorf("GET %s does not list %s, which openapi.json documents", root, key)
			}
		}
		for key := range registered {
			if _, ok := listed[key]; !ok {
				t.Errorf("GET %s does not list the registered route %s", root, key)
			}
		}
		if !slices.IsSortedFunc(ix.Routes, func(a, b api.IndexRoute) int { return strings.Compare(a.Path, b.Path) }) {
			t.Errorf("GET %s: routes not sorted by path", root)
		}
		for _, want := range []string{"GET /api/v1", "GET /api/v1/", "GET /api/v1/openapi.json", "GET /api/v1/regions", "POST /api/v1/observations", "GET /charts/{region}/{file}"} {
			if _, ok := listed[want]; !ok {
				t.Errorf("GET %s does not list %s; lists %q", root, want, slices.Sorted(maps.Keys(listed)))
			}
		}
	}
	s.get("/api/v1?verbose=1").wantError(t, 400, "invalid")
}
