package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast/ingest"
)

// writeFile writes content to name in a fresh folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A file with more bad rows than are reported (ingest.DefaultMaxProblems)
// is said to have the 100 problems shown, and more not checked: the note
// that reading stopped is a note, not a 101st problem, on the store and
// through a server alike.
func TestIngestCountsTheProblemsShownNotTheNoteThatReadingStopped(t *testing.T) {
	rows := strings.Repeat("houma,gdp,2020,abc\n", 150)
	file := writeFile(t, "big.csv", "region,indicator,year,value\n"+rows)
	const head = "big.csv: 0 new, 0 revised, 0 unchanged, 100 rejected\n" +
		"note: big.csv: too many problems: stopped after 100; the rest was not checked\n" +
		"100 problems; nothing was written:\n"

	code, stdout, stderr := run(t, "ingest", "--data-dir", catalogDir(t), file)
	if code != 1 || !strings.HasPrefix(stdout, head) || strings.Count(stdout, "\n  big.csv row ") != 100 || strings.Contains(stdout, "101 problems") {
		t.Errorf("on the store: exit %d, stdout\n%s\nwant exit 1, 100 rows, beginning\n%s", code, stdout, head)
	}
	if !strings.HasPrefix(stderr, "plancast ingest: 100 problems (and more not checked); nothing was written. First: big.csv row 2 ") {
		t.Errorf("on the store: stderr %q", stderr)
	}

	url, admin := serverWithAdmin(t, nil)
	code, stdout, _ = run(t, "ingest", "--server", url, "--token", admin, file)
	if code != 1 || !strings.HasPrefix(stdout, head) || strings.Count(stdout, "\n  big.csv row ") != 100 {
		t.Errorf("through the server: exit %d, stdout\n%s\nwant exit 1, 100 rows, beginning\n%s", code, stdout, head)
	}
	// The API's report holds the problems, 100, and the note among the notes.
	rep := postObservations(t, url+"/api/v1/observations?filename=big.csv", admin, "region,indicator,year,value\n"+rows)
	if len(rep.Problems) != 100 || rep.Rejected != 100 || len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "stopped after 100") {
		t.Errorf("the API's report: %d problems, %d rejected, notes %q; want 100, 100 and the note", len(rep.Problems), rep.Rejected, rep.Notes)
	}
}

// postObservations posts a CSV to the API and returns the report it answers with.
func postObservations(t *testing.T, url, token, csv string) *ingest.Report {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/csv")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var answer struct{ Report *ingest.Report }
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil || answer.Report == nil {
		t.Fatalf("answer %s: %v", resp.Status, err)
	}
	return answer.Report
}
