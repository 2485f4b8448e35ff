package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/seed"
	"github.com/plancast/plancast/store/bolt"
)

// FuzzQueryParams sends arbitrary paths and query strings to the read routes:
// no input may produce a 5xx, and every 4xx carries the error envelope.
func FuzzQueryParams(f *testing.F) {
	st, err := bolt.Open(filepath.Join(f.TempDir(), bolt.FileName))
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	if _, err := seed.Load(f.Context(), st); err != nil {
		f.Fatal(err)
	}
	h := api.New(api.Config{Store: st}).Handler()
	for _, seedCase := range []string{
		"/api/v1/series/houma/gdp?units=pca&from=2010&to=2020&as_of=2021-05-01",
		"/api/v1/series/houma/gdp?format=csv&period=jan-nov",
		"/api/v1/series/houma/gdp/projection?horizon=7&method=naive",
		"/api/v1/regions/houma/assessment?plan=14th-fyp",
		"/api/v1/assessment?plan=2021-annual&indicator=gdp",
		"/api/v1/targets?region=houma&plan=14th-fyp",
		"/charts/houma/gdp.svg?width=300&height=200&lang=zh&from=2015&horizon=3",
		"/?lang=zh&region=houma",
	} {
		f.Add(seedCase)
	}
	f.Fuzz(func(t *testing.T, target string) {
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \r\n\t#") {
			return // not something an HTTP client can send as a request target
		}
		if strings.Contains(target, ".png") {
			return // PNG rendering is slow; charts are fuzzed through SVG
		}
		req, err := http.NewRequest(http.MethodGet, "http://plancast.test"+target, nil)
		if err != nil {
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("GET %q: %d %s", target, rec.Code, rec.Body.String())
		}
		if rec.Code >= 400 {
			var e api.ErrorResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
				t.Fatalf("GET %q: %d without the error envelope: %s", target, rec.Code, rec.Body.String())
			}
		}
	})
}
