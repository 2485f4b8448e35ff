package api_test

import (
	"mime"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// openRoutes answer without a token on a server that asks one for reads:
// what the API is (the index, the document), the probes, the browser's
// icon, and the sign-in form's own routes. Every other registered route
// must be guarded.
var openRoutes = map[string]bool{
	"GET /healthz": true, "GET /metrics": true, "GET /favicon.ico": true,
	"GET /api/v1": true, "GET /api/v1/": true, "GET /api/v1/openapi.json": true,
	"POST /signin": true, "POST /signout": true,
}

// The read routes answer 401 without a token when the server sets one
// (requireRead), and openapi.json did not say so: a client built from it
// had no word for the answer it got. This walks Echo's registered routes
// on such a server and asks each as an API client and as a browser with
// no token, and with a read-only token: every 401 or 403 a guard answers
// must be documented for that operation, with the content type it came in
// (the error envelope for JSON). So a route added later behind a guard
// without its 401 in the document fails here, as does a route added with
// no guard at all, unless it is one of openRoutes.
func TestOpenAPIDocumentsWhatTheGuardsAnswer(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{ReadToken: "pc_shared-read-secret"})
	reader := token(t, st, plancast.Token{Scope: plancast.ScopeRead})
	// The answer of the route itself: sign-out's 303 to the dashboard,
	// followed, would be the dashboard's 401.
	s.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	var doc struct {
		Components struct {
			Responses map[string]docResponse
		}
		Paths map[string]map[string]struct {
			Responses map[string]docResponse
		}
	}
	s.get("/api/v1/openapi.json").decode(t, 200, &doc)
	fill := strings.NewReplacer("{region}", "houma", "{indicator}", "gdp", "{plan}", "14th-fyp", "{year}", "2020", "{file}", "gdp.png", "{id}", "000000000000")
	// The report reader writes, and so asks for a write token, only when
	// told to commit; without commit it reads the catalog, and asks the
	// read token. Both are asked: a route must document the guards of
	// every way it is called.
	queries := map[string][]string{"POST /api/v1/reports/extract": {"?region=houma&commit=true", "?region=houma"}}
	type call struct {
		api.Route
		query string
	}
	var calls []call
	for _, r := range s.srv.Routes() {
		asked := queries[r.Method+" "+r.Path]
		if asked == nil {
			asked = []string{""}
		}
		for _, q := range asked {
			calls = append(calls, call{r, q})
		}
	}
	browser := []string{"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "Sec-Fetch-Mode", "navigate"}
	client := []string{"Accept", "application/json"}
	guarded := 0
	registered := map[string]bool{}
	for _, r := range calls {
		if r.Method == "" || r.Method == "echo_route_not_found" {
			continue
		}
		key := r.Method + " " + r.Path
		registered[key] = true
		op, ok := doc.Paths[r.Path][strings.ToLower(r.Method)]
		if !ok {
			t.Errorf("%s is not in openapi.json", key) // TestOpenAPIMatchesRoutes says more
			continue
		}
		path := fill.Replace(r.Path) + r.query
		for _, ask := range []struct {
			who, tok string
			headers  []string
		}{
			{"without a token", "", client},
			{"from a browser without a token", "", browser},
			{"with a read-only token", reader, client},
		} {
			got := s.do(r.Method, path, "text/plain", ask.tok, nil, ask.headers...)
			if ask.tok == "" && ask.headers[1] == "application/json" && got.status != http.StatusUnauthorized && !openRoutes[key] {
				t.Errorf("%s%s %s answers %d; want 401 on a server that asks a read token, or the route listed in openRoutes", key, r.query, ask.who, got.status)
			}
			if got.status != http.StatusUnauthorized && got.status != http.StatusForbidden {
				continue
			}
			guarded++
			resp, ok := op.Responses[strconv.Itoa(got.status)]
			if !ok {
				t.Errorf("%s %s answers %d; openapi.json does not list it", key, ask.who, got.status)
				continue
			}
			if ref := strings.TrimPrefix(resp.Ref, "#/components/responses/"); ref != "" {
				resp = doc.Components.Responses[ref]
			}
			mt, _, _ := mime.ParseMediaType(got.header.Get("Content-Type"))
			content, ok := resp.Content[mt]
			switch {
			case !ok:
				t.Errorf("%s %s answers %d in %s; openapi.json's %d for it has no %s content", key, ask.who, got.status, mt, got.status, mt)
			case mt == "application/json" && content.Schema.Ref != "#/components/schemas/Error":
				t.Errorf("%s %s answers %d with the error envelope; openapi.json's %d for it has the schema %+v", key, ask.who, got.status, got.status, content.Schema)
			}
		}
	}
	// A route no longer registered is no longer open: the list names only
	// routes there are.
	for key := range openRoutes {
		if !registered[key] {
			t.Errorf("openRoutes lists %s, which is not a registered route", key)
		}
	}
	if guarded < 40 {
		t.Fatalf("only %d refusals checked", guarded)
	}
}

// docResponse is an OpenAPI response, or a reference to one.
type docResponse struct {
	Ref     string `json:"$ref"`
	Content map[string]struct {
		Schema struct {
			Ref string `json:"$ref"`
		}
	}
}
