package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast/ingest"
	"github.com/plancast/plancast/store/bolt"
)

func fixture(name string) string { return filepath.Join("..", "..", "ingest", "testdata", name) }

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestIngestCommandWritesAllOrNothingAndCountsRevisions(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := run(t, "seed", "--data-dir", dir); code != 0 {
		t.Fatalf("seed: exit %d: %s", code, stderr)
	}

	code, stdout, stderr := run(t, "ingest", "--data-dir", dir, fixture("ten_errors.csv"))
	if code != 1 {
		t.Errorf("ten errors: exit %d, want 1", code)
	}
	if !strings.Contains(stdout, "0 new, 0 revised, 0 unchanged, 10 rejected") || strings.Count(stdout, "ten_errors.csv row ") != 10 {
		t.Errorf("ten errors: stdout\n%s", stdout)
	}
	if !strings.Contains(stderr, "10 problems; nothing was written") {
		t.Errorf("ten errors: stderr %q", stderr)
	}

	// Flags may follow the files.
	code, stdout, _ = run(t, "ingest", fixture("wide.csv"), "--data-dir", dir, "--dry-run")
	if code != 0 || !strings.Contains(stdout, "dry run: nothing was written") {
		t.Errorf("dry run: exit %d, stdout\n%s", code, stdout)
	}
	code, first, _ := run(t, "ingest", "--data-dir", dir, fixture("wide.csv"))
	code2, second, _ := run(t, "ingest", "--data-dir", dir, fixture("wide.csv"))
	if code != 0 || code2 != 0 || stdout[:strings.Index(stdout, "\n")] != first[:strings.Index(first, "\n")] {
		t.Errorf("dry run said %q, the write %q", stdout, first)
	}
	if !strings.Contains(second, "wide.csv: 0 new, 0 revised, 18 unchanged, 0 rejected") {
		t.Errorf("re-push: %s", second)
	}
}

func TestIngestIntoAStoreAServerHoldsNamesTheServerOption(t *testing.T) {
	dir := t.TempDir()
	held, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	code, _, stderr := run(t, "ingest", "--data-dir", dir, fixture("long.csv"))
	if code != 1 || !strings.Contains(stderr, "--server URL --token T") {
		t.Errorf("exit %d, stderr %q; want a failure naming --server", code, stderr)
	}
}

func TestIngestWithServerPostsEachFileWithItsContentTypeAndToken(t *testing.T) {
	type request struct{ contentType, auth, disposition, dryRun, sheet string }
	var got []request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/api/v1/observations" {
			http.Error(w, "wrong endpoint", http.StatusNotFound)
			return
		}
		_, _ = io.Copy(io.Discard, r.Body)
		got = append(got, request{r.Header.Get("Content-Type"), r.Header.Get("Authorization"), r.Header.Get("Content-Disposition"),
			r.URL.Query().Get("dry_run"), r.URL.Query().Get("sheet")})
		rep := ingest.Report{Files: []string{"pushed"}, New: 3, DryRun: true, Problems: []ingest.Problem{}}
		if strings.Contains(r.Header.Get("Content-Disposition"), "ten_errors") {
			rep = ingest.Report{Files: []string{"ten_errors.csv"}, Rejected: 1,
				Problems: []ingest.Problem{{File: "ten_errors.csv", Row: 3, Column: "A", Field: "region", Message: `region "huoma" is unknown`}}}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnprocessableEntity)
		}
		_ = json.NewEncoder(w).Encode(rep)
	}))
	defer srv.Close()

	code, stdout, _ := run(t, "ingest", "--server", srv.URL, "--token", "secret", "--dry-run", "--sheet", "表1",
		fixture("yearbook.xlsx"), fixture("observations.json"), fixture("ten_errors.csv"))
	if code != 1 {
		t.Errorf("exit %d, want 1 (one file rejected)", code)
	}
	want := []request{
		{ingest.ContentTypeXLSX, "Bearer secret", `attachment; filename=yearbook.xlsx`, "true", "表1"},
		{ingest.ContentTypeJSON, "Bearer secret", `attachment; filename=observations.json`, "true", "表1"},
		{ingest.ContentTypeCSV + "; charset=utf-8", "Bearer secret", `attachment; filename=ten_errors.csv`, "true", "表1"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d requests, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("request %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if !strings.Contains(stdout, "pushed: 3 new") || !strings.Contains(stdout, `ten_errors.csv row 3 column A (region): region "huoma" is unknown`) {
		t.Errorf("stdout:\n%s", stdout)
	}

	code, _, stderr := run(t, "ingest", "--server", srv.URL, fixture("long.csv"))
	if code != 2 || !strings.Contains(stderr, "--token") {
		t.Errorf("without a token: exit %d, stderr %q; want a usage error", code, stderr)
	}
}
