package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/seed"
	"github.com/plancast/plancast/store/bolt"
)

// A series answer taken from the API, as a client gets it, goes back in
// through the API: with units=lin it is read as its figures, unchanged (an
// answer as_of a date before a revision restates the vintages it holds, and
// revises nothing); with other units it is refused at its units, and the
// stored figures stay as they were. See json_units_test.go for the
// reader's side.
func TestASeriesAnswerFromTheAPIPushesBackOnlyAsItsFigures(t *testing.T) {
	st, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := seed.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	secret, hash := plancast.NewTokenSecret()
	if err := st.PutToken(context.Background(), plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Region: "houma", Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	h := api.New(api.Config{Store: st}).Handler()
	do := func(method, path string, body []byte) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, bytes.NewReader(body))
		if method == http.MethodPost {
			req.Header.Set("Content-Type", "application/json")
			if !bytes.HasPrefix(body, []byte("{")) {
				req.Header.Set("Content-Type", "text/csv")
			}
			req.Header.Set("Authorization", "Bearer "+secret)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	get := func(path string) ([]byte, api.SeriesResponse) {
		t.Helper()
		rec := do(http.MethodGet, path, nil)
		var sr api.SeriesResponse
		if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &sr) != nil {
			t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
		return rec.Body.Bytes(), sr
	}
	push := func(body []byte, status int) api.PushResponse {
		t.Helper()
		name := "houma_gdp.json"
		if !bytes.HasPrefix(body, []byte("{")) {
			name = "revision.csv"
		}
		rec := do(http.MethodPost, "/api/v1/observations?filename="+name, body)
		var pr api.PushResponse
		if rec.Code != status || json.Unmarshal(rec.Body.Bytes(), &pr) != nil || pr.Report == nil {
			t.Fatalf("pushed %s: %d %s; want %d with a report", body, rec.Code, rec.Body, status)
		}
		return pr
	}

	lin, levels := get("/api/v1/series/houma/gdp")
	if levels.Units != "lin" || len(levels.Observations) == 0 || !bytes.Contains(lin, []byte(`"units":"lin"`)) {
		t.Fatalf("the series answer: %s; want Houma's GDP with units lin", lin)
	}
	if pr := push(lin, http.StatusOK); pr.Report.Unchanged != len(levels.Observations) || pr.Report.New+pr.Report.Revised != 0 || len(pr.Report.Problems) != 0 {
		t.Errorf("the series answer of the levels pushed back: %+v; want its %d figures unchanged", pr.Report, len(levels.Observations))
	}

	// 2020 revised in 2022: the answer as of 2021 holds the first vintage.
	if pr := push([]byte("region,indicator,year,value,published\nhouma,gdp,2020,121.5,2022-03-01\n"), http.StatusOK); pr.Report.Revised != 1 {
		t.Fatalf("the revision: %+v", pr.Report)
	}
	asOf, old := get("/api/v1/series/houma/gdp?as_of=2021-12-31")
	if pr := push(asOf, http.StatusOK); pr.Report.Unchanged != len(old.Observations) || pr.Report.New+pr.Report.Revised != 0 {
		t.Errorf("the series answer as of 2021 pushed back: %+v; want its %d figures unchanged", pr.Report, len(old.Observations))
	}
	_, levels = get("/api/v1/series/houma/gdp")
	if o := levels.Observations[len(levels.Observations)-1]; o.Year != 2020 || o.Value != 121.5 {
		t.Errorf("after the answer as of 2021 was pushed back, 2020 reads %+v; want the revision, 121.5", o)
	}

	for _, units := range []string{"log", "pch"} { // pch: an empty list, with notes
		body, _ := get("/api/v1/series/houma/gdp?units=" + units)
		pr := push(body, http.StatusBadRequest)
		want := "the values are not figures but units=" + units + " of the figures (a series downloaded with units=" + units + "); download the series with units=lin, the default, to push its figures back"
		if len(pr.Report.Problems) != 1 || pr.Report.Problems[0].Field != "units" || pr.Report.Problems[0].Line != 1 || pr.Report.Problems[0].Message != want {
			t.Errorf("units=%s pushed back: problems %+v; want one at line 1 (units): %s", units, pr.Report.Problems, want)
		}
		if pr.Report.New+pr.Report.Revised+pr.Report.Unchanged != 0 {
			t.Errorf("units=%s pushed back: %+v; want nothing read", units, pr.Report)
		}
	}
	if _, after := get("/api/v1/series/houma/gdp"); !sameValues(after.Observations, levels.Observations) {
		t.Errorf("after the pushes the figures read %+v; want %+v", after.Observations, levels.Observations)
	}
}

func sameValues(a, b []plancast.Observation) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Year != b[i].Year || a[i].Value != b[i].Value || a[i].Published != b[i].Published {
			return false
		}
	}
	return true
}
