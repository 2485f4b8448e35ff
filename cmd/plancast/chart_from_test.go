package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/store/bolt"
)

// plancast chart asked --from a year past the last the chart could show
// says what GET /charts/houma/gdp.png?from= says of the same store, word
// for word, and writes no file: it said "nothing to chart (no observation
// and no projection)", as if Houma's GDP had no figures.
func TestTheChartCommandFromPastItsLastYearSaysWhatTheRouteSays(t *testing.T) {
	dir := seededDir(t)
	out := filepath.Join(t.TempDir(), "gdp.png")
	code, _, stderr := run(t, "chart", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--from", "2149", "-o", out)
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the chart was refused, but %s was written (%v)", out, err)
	}

	st, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(api.New(api.Config{Store: st}).Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/charts/houma/gdp.png?from=2149")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body api.ErrorResponse
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusBadRequest ||
		!strings.Contains(body.Error.Message, "the last year the chart of houma/gdp could show") {
		t.Fatalf("GET ?from=2149: status %d, %q, %v; want 400 naming the last year the chart could show", resp.StatusCode, body.Error.Message, err)
	}

	want := "plancast chart: draw houma/gdp: " + body.Error.Message + "\n"
	if code != 1 || stderr != want {
		t.Errorf("chart --from 2149: exit %d, %q\nwant exit 1, %q", code, stderr, want)
	}
}
