package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// Extraction without commit writes nothing, but its answer is the catalog's:
// the candidates name its indicators, and a missed region code is answered
// with the codes it might have been. On a server that asks a read token it
// answered without one; it now asks one as the read routes do, before it
// looks the region up, and commit still asks a write token.
func TestReportExtractionNeedsTheReadTokenTheServerAsks(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{ReadToken: "pc_shared-read-secret"})
	reader := token(t, st, plancast.Token{Scope: plancast.ScopeRead})
	houma := token(t, st, plancast.Token{Region: "houma"})
	text := []byte("2020年地区生产总值120.8亿元。")
	extract := "/api/v1/reports/extract?region="

	for _, region := range []string{"houma", "huoma", "Houma"} {
		msg := s.do("POST", extract+region, "text/plain", "", text).wantError(t, 401, "unauthorized")
		if strings.Contains(msg, "houma") {
			t.Errorf("extraction for %q without a token says %q; want nothing of the catalog", region, msg)
		}
	}
	s.do("POST", extract+"houma", "text/plain", "pc_wrong", text).wantError(t, 401, "unauthorized")
	// A browser's form post gets the JSON error too: only a GET is a page.
	s.do("POST", extract+"houma", "application/x-www-form-urlencoded", "", text,
		"Accept", "text/html,*/*;q=0.8", "Sec-Fetch-Mode", "navigate").wantError(t, 401, "unauthorized")

	// The server's read token, a stored read token, a write token and the
	// sign-in cookie open it, as they open the read routes.
	for _, ask := range []struct {
		who, tok string
		headers  []string
	}{
		{"the server's read token", "pc_shared-read-secret", nil},
		{"a stored read token", reader, nil},
		{"a write token", houma, nil},
		{"the sign-in cookie", "", []string{"Cookie", "plancast_read=pc_shared-read-secret"}},
	} {
		var ex api.ExtractResponse
		s.do("POST", extract+"houma", "text/plain", ask.tok, text, ask.headers...).decode(t, 200, &ex)
		if len(ex.Observations) != 1 || ex.Observations[0].Value != 120.8 {
			t.Errorf("with %s: candidates %+v; want 2020's GDP of 120.8", ask.who, ex.Observations)
		}
	}
	// With a token, a missed code is answered with its hint.
	if msg := s.do("POST", extract+"huoma", "text/plain", reader, text).wantError(t, 404, "not_found"); !strings.Contains(msg, "houma") {
		t.Errorf("a missed region with a read token: %q; want the hint naming houma", msg)
	}

	// Committing still needs a write token for the region; the cookie and
	// a read token are not one, and no token is refused before the region
	// is looked up.
	commit := "/api/v1/reports/extract?commit=true&region="
	s.do("POST", commit+"huoma", "text/plain", "", text).wantError(t, 401, "unauthorized")
	s.do("POST", commit+"houma", "text/plain", "", text, "Cookie", "plancast_read=pc_shared-read-secret").wantError(t, 401, "unauthorized")
	s.do("POST", commit+"houma", "text/plain", "pc_shared-read-secret", text).wantError(t, 403, "forbidden")
	s.do("POST", commit+"houma", "text/plain", reader, text).wantError(t, 403, "forbidden")
	s.do("POST", commit+"houma", "text/plain", houma, text).decode(t, http.StatusOK, nil)
}

// Without a read token configured, extraction stays open as the reads are.
func TestReportExtractionIsOpenWhenReadsAre(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	text := []byte("2020年地区生产总值120.8亿元。")
	s.do("POST", "/api/v1/reports/extract?region=houma", "text/plain", "", text).decode(t, 200, nil)
	s.do("POST", "/api/v1/reports/extract?region=houma&commit=true", "text/plain", "", text).wantError(t, 401, "unauthorized")
}
