package api_test

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// rawRequest sends target as the request line's target, byte for byte (no
// client re-escapes it), and returns the answer.
func rawRequest(t *testing.T, s *server, method, target, tok string) response {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	req := method + " " + target + " HTTP/1.1\r\nHost: " + strings.TrimPrefix(s.url, "http://") + "\r\nConnection: close\r\n"
	if tok != "" {
		req += "Authorization: Bearer " + tok + "\r\n"
	}
	if _, err := io.WriteString(conn, req+"\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: b}
}

// Percent-escapes are case-insensitive (RFC 3986 §2.1), and an escaped
// unreserved character is the character: every route reads its path
// parameters decoded, whichever case the escapes are in and whether or not
// the character needed escaping. Go's URL parser keeps a raw path for
// lowercase escapes (%e4) and for needless ones (%6F), and Echo routes on
// it; the parameters came to the handlers still escaped.
func TestPathParametersAreDecodedWhateverTheEscapes(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})

	// The same answer as the plain path, byte for byte.
	for _, c := range []struct{ method, plain, escaped, tok string }{
		{"GET", "/api/v1/series/houma/gdp", "/api/v1/series/h%6Fuma/gdp", ""},
		{"GET", "/api/v1/series/houma/gdp", "/api/v1/series/h%6fuma/gd%70", ""},
		{"GET", "/api/v1/series/houma/gdp/projection", "/api/v1/series/%68ouma/gdp/projection", ""},
		{"GET", "/api/v1/series/houma/gdp/revisions", "/api/v1/series/houma/%67dp/revisions", ""},
		{"GET", "/api/v1/regions/houma/assessment", "/api/v1/regions/hou%6da/assessment", ""},
		{"GET", "/api/v1/regions/houma/assessment/trail?indicator=gdp", "/api/v1/regions/hou%6Da/assessment/trail?indicator=gdp", ""},
		{"GET", "/charts/houma/gdp.png", "/charts/h%6Fuma/gdp.png", ""},
		{"GET", "/charts/houma/gdp.svg", "/charts/houma/gd%70.svg", ""},
		{"GET", "/charts/houma/gdp.svg", "/charts/houma/gdp%2esvg", ""},
		{"DELETE", "/api/v1/observations/houma/gdp/2020?dry_run=1", "/api/v1/observations/h%6fuma/gdp/2020?dry_run=1", houma},
	} {
		want := rawRequest(t, s, c.method, c.plain, c.tok)
		if want.status != 200 {
			t.Fatalf("%s %s: %d %s", c.method, c.plain, want.status, want.body)
		}
		got := rawRequest(t, s, c.method, c.escaped, c.tok)
		if got.status != 200 || !bytes.Equal(got.body, want.body) {
			t.Errorf("%s %s: %d %.200s; want the answer of %s", c.method, c.escaped, got.status, got.body, c.plain)
		}
	}

	// 侯马 is answered with its code, whichever case its escapes are in.
	for _, target := range []string{
		"/api/v1/series/%E4%BE%AF%E9%A9%AC/gdp",
		"/api/v1/series/%e4%be%af%e9%a9%ac/gdp",
		"/api/v1/series/%e4%BE%af%E9%a9%AC/gdp/projection",
		"/api/v1/regions/%e4%be%af%e9%a9%ac/assessment",
		"/charts/%e4%be%af%e9%a9%ac/gdp.png",
		"/charts/%E4%BE%AF%E9%A9%AC/gdp.png",
	} {
		msg := rawRequest(t, s, "GET", target, "").wantError(t, 400, "invalid")
		if !strings.Contains(msg, `region "侯马"`) || !strings.Contains(msg, `did you mean "houma"?`) {
			t.Errorf("GET %s: %q; want it to name 侯马 and hint houma", target, msg)
		}
	}

	// Decoded once, never twice: %2568 is "%68", not "h".
	for _, target := range []string{"/api/v1/series/%2568ouma/gdp", "/api/v1/series/%2568ouma/gd%70"} {
		if msg := rawRequest(t, s, "GET", target, "").wantError(t, 400, "invalid"); !strings.Contains(msg, `region "%68ouma"`) {
			t.Errorf("GET %s: %q; want region %q refused", target, msg, "%68ouma")
		}
	}
}

// An escaped character of a route's fixed part is the character too: a
// client that escapes more than it must (%73 for s, %2D for -, lowercase
// escapes of the whole path) reaches the same route. Echo routed on the raw
// path, where "%73eries" is not "series", and answered 404.
func TestFixedPathSegmentsAreMatchedWhateverTheEscapes(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})

	for _, c := range []struct{ plain, escaped string }{
		{"/api/v1/series/houma/gdp", "/api/v1/%73eries/houma/gdp"},
		{"/api/v1/series/houma/gdp", "/%61pi/%76%31/series/houma/gdp"},
		{"/api/v1/series/houma/gdp/projection", "/api/v1/series/houma/gdp/pr%6fjection"},
		{"/api/v1/regions/houma/assessment", "/api/v1/regions/h%6Fuma/%61ssessment"},
		{"/charts/houma/gdp.png", "/ch%61rts/houma/gdp.png"},
		{"/healthz", "/he%61lthz"},
	} {
		want := rawRequest(t, s, "GET", c.plain, "")
		if want.status != 200 {
			t.Fatalf("GET %s: %d %s", c.plain, want.status, want.body)
		}
		got := rawRequest(t, s, "GET", c.escaped, "")
		if got.status != 200 || !bytes.Equal(got.body, want.body) {
			t.Errorf("GET %s: %d %.200s; want the answer of %s", c.escaped, got.status, got.body, c.plain)
		}
	}

	// An escaped slash stays inside its segment: it is part of a (bad)
	// code, not a path separator that would reach another route.
	msg := rawRequest(t, s, "GET", "/api/v1/series/hou%2Fma/gdp", "").wantError(t, 400, "invalid")
	if !strings.Contains(msg, `region "hou/ma"`) {
		t.Errorf("GET /api/v1/series/hou%%2Fma/gdp: %q; want region %q refused", msg, "hou/ma")
	}
	// Still decoded once: the escaped fixed part does not decode %2568 twice.
	if msg := rawRequest(t, s, "GET", "/api/v1/%73eries/%2568ouma/gdp", "").wantError(t, 400, "invalid"); !strings.Contains(msg, `region "%68ouma"`) {
		t.Errorf("GET /api/v1/%%73eries/%%2568ouma/gdp: %q; want region %q refused", msg, "%68ouma")
	}
}
