package api_test

import (
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// The server's own read token (--read-token) on a write route is answered
// as a stored read token is: 403, saying it opens reads only and that the
// route needs a write token. It was answered 401 "the token is not
// recognised", which sent a bureau (and the operator) looking for a typo or
// a revocation, for a token the same server accepts on every read.
func TestTheServersReadTokenOnAWriteRouteIsAnsweredAsReadOnly(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{ReadToken: "pc_shared-read-secret"})
	stored := token(t, st, plancast.Token{Scope: plancast.ScopeRead})
	csv := []byte("region,indicator,year,value\nhouma,gdp,2019,118\n")
	for _, c := range []struct{ name, token, want string }{
		{"the server's read token", "pc_shared-read-secret", "this is the server's read token (--read-token): it opens reads only; this route needs a write token (plancast token create --region R, or --admin)"},
		{"a stored read token", stored, "the token is read-only: it opens reads only; this route needs a write token (plancast token create --region R, or --admin)"},
	} {
		if got := s.do("GET", "/api/v1/regions", "", c.token, nil); got.status != 200 {
			t.Fatalf("GET /api/v1/regions with %s: %d, want 200: %s", c.name, got.status, got.body)
		}
		for _, path := range []string{"/api/v1/observations", "/api/v1/tokens"} {
			body, ctype := csv, "text/csv"
			if path == "/api/v1/tokens" {
				body, ctype = []byte(`{"read":true}`), "application/json"
			}
			got := s.do("POST", path, ctype, c.token, body)
			if msg := got.wantError(t, 403, "forbidden"); msg != c.want {
				t.Errorf("POST %s with %s: %q\nwant %q", path, c.name, msg, c.want)
			}
		}
	}
}
