package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/store/bolt"
)

// A targets table downloaded from the API (GET /api/v1/targets with
// format=csv or xlsx, in English or Chinese, the targets in force or every
// version) goes back in as it is, with plancast ingest or a POST, and
// changes nothing: its name columns are for reading, its value column is
// "target" (目标值) and its unit the target's. The versions that are no
// longer in force (replaced by a later one, or a withdrawal) are history
// the store holds, not targets to push: they are left out, and the report
// says so. A value edited in the table comes in as a revision of its target.
func TestADownloadedTargetsTableGoesBackInUnchanged(t *testing.T) {
	srv, admin := reviewedTargetsServer(t)
	history := getText(t, srv.URL+"/api/v1/targets?versions=all")

	folder := t.TempDir()
	for _, c := range []struct{ query, file, note string }{
		{"format=csv", "targets.csv", ""},
		{"format=csv&lang=zh", "规划目标.csv", ""},
		{"format=xlsx", "targets.xlsx", ""},
		{"format=xlsx&lang=zh", "规划目标.xlsx", ""},
		// Row 5 is the 2025 target of 250 the review replaced (row 6 is in
		// force), row 7 the 2021 target and row 8 its withdrawal.
		{"format=csv&versions=all", "target_versions.csv",
			"target_versions.csv: 3 rows are versions no longer in force (replaced, or withdrawals, in their version column) and were not pushed: rows 5, 7, 8"},
		{"format=xlsx&versions=all&lang=zh", "target_versions.xlsx",
			"target_versions.xlsx sheet 规划目标: 3 rows are versions no longer in force (replaced, or withdrawals, in their version column) and were not pushed: rows 5, 7, 8"},
	} {
		file := filepath.Join(folder, c.file)
		if err := os.WriteFile(file, []byte(getText(t, srv.URL+"/api/v1/targets?"+c.query)), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := run(t, "ingest", "--server", srv.URL, "--token", admin, file)
		if code != 0 || !strings.Contains(stdout, c.file+": 0 new, 0 revised, 0 unchanged, 0 rejected\ntargets: 0 new, 0 revised, 21 unchanged\n") {
			t.Errorf("%s pushed back: exit %d\n%s%s", c.query, code, stdout, stderr)
		}
		if c.note != "" && !strings.Contains(stdout, "note: "+c.note+"\n") {
			t.Errorf("%s pushed back: no note of the versions left out, want %q in\n%s", c.query, c.note, stdout)
		}
		if got := getText(t, srv.URL+"/api/v1/targets?versions=all"); got != history {
			t.Fatalf("%s pushed back changed the targets' history: GET /api/v1/targets?versions=all\n%s", c.query, got)
		}
	}

	// POST /api/v1/targets takes the download as it is too.
	status, body := postTargetsCSV(t, srv.URL, admin, getText(t, srv.URL+"/api/v1/targets?format=csv&lang=zh"))
	if status != http.StatusOK || !bytes.Contains(body, []byte(`"targets":{"new":0,"revised":0,"unchanged":21,"withdrawn":0,"history":0}`)) {
		t.Errorf("POST the Chinese CSV download: %d %s", status, body)
	}

	// An edited value is a revision of that target alone.
	download := getText(t, srv.URL+"/api/v1/targets?format=csv")
	edited := strings.Replace(download, ",14th-fyp,level,2025,230,", ",14th-fyp,level,2025,240,", 1)
	if edited == download {
		t.Fatalf("no 2025 GDP target of 230 in the download:\n%s", download)
	}
	file := filepath.Join(folder, "edited.csv")
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := run(t, "ingest", "--server", srv.URL, "--token", admin, file); code != 0 ||
		!strings.Contains(stdout, "targets: 0 new, 1 revised, 20 unchanged\n") {
		t.Errorf("the edited download: exit %d\n%s%s", code, stdout, stderr)
	}
	var got struct{ Targets []plancast.Target }
	if err := json.Unmarshal([]byte(getText(t, srv.URL+"/api/v1/targets?region=houma&indicator=gdp&plan=14th-fyp")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Targets) != 1 || got.Targets[0].Value != 240 || got.Targets[0].Note != "-20 after the mid-term review" {
		t.Errorf("houma gdp 14th-fyp after the edit: %+v, want 240 and the review's note", got.Targets)
	}
}

// reviewedTargetsServer serves the seeded store on loopback after a
// history: the mid-term review lowers Houma's 2025 GDP target from 250 to
// 230 on 2023-06-01 (its note starts with a minus, which a CSV download
// neutralises), and the 2021 growth target of 8.5% is withdrawn on
// 2022-01-10. 21 of the 22 seeded targets are in force, and three versions
// are not. It returns the server and an admin token.
func reviewedTargetsServer(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(seededDir(t), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	admin, hash := plancast.NewTokenSecret()
	if err := st.PutToken(ctx, plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Admin: true, Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(api.Config{Store: st}).Handler())
	t.Cleanup(srv.Close)

	review := writeCSVs(t, [2]string{"review.csv", "region,indicator,plan,kind,year,value,base_year,published,note\n" +
		"houma,gdp,14th-fyp,level,2025,230,2020,2023-06-01,-20 after the mid-term review\n"})
	mustRun(t, "ingest", "--server", srv.URL, "--token", admin, review[0])
	req, _ := http.NewRequest(http.MethodDelete, srv.URL+"/api/v1/targets/houma/gdp/2021-annual/2021?published=2022-01-10", nil)
	req.Header.Set("Authorization", "Bearer "+admin)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("withdraw the 2021 target: %v %v", resp, err)
	}
	return srv, admin
}

// A targets download taken as of a date before the review and the
// withdrawal (GET /api/v1/targets?as_of=2022-01-01) marks 250 and 8.5 in
// force, as they were then. Pushed back, with plancast ingest or a POST, in
// either format and language, it is refused at those two rows, saying what
// replaced each and how to set it again on purpose, and nothing is
// written: the targets' history is as it was.
func TestAPastTargetsDownloadPushedBackIsRefused(t *testing.T) {
	srv, admin := reviewedTargetsServer(t)
	history := getText(t, srv.URL+"/api/v1/targets?versions=all")
	folder := t.TempDir()
	for _, c := range []struct{ query, file, sheet string }{
		{"format=csv", "targets.csv", ""},
		{"format=xlsx&lang=zh", "规划目标.xlsx", " sheet 规划目标"},
		{"format=csv&versions=all", "target_versions.csv", ""},
	} {
		file := filepath.Join(folder, c.file)
		download := getText(t, srv.URL+"/api/v1/targets?as_of=2022-01-01&"+c.query)
		if err := os.WriteFile(file, []byte(download), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := run(t, "ingest", "--server", srv.URL, "--token", admin, file)
		for _, want := range []string{
			c.file + c.sheet + " row ",
			"(published): houma gdp 14th-fyp level 2025: the row restates the version set on 2021-04-20 (250), which was replaced on 2023-06-01 by 230, the version in force",
			"(published): houma gdp 2021-annual growth 2021: the row restates the version set on 2021-04-20 (8.5), which was withdrawn on 2022-01-10",
			"to set 250 again, write in published the date it is set again; to keep 230, leave the row out",
		} {
			if !strings.Contains(stdout+stderr, want) {
				t.Errorf("%s as of 2022-01-01 pushed back: no %q in\n%s%s", c.query, want, stdout, stderr)
			}
		}
		if code == 0 || !strings.Contains(stdout, "2 problems; nothing was written") {
			t.Errorf("%s as of 2022-01-01 pushed back: exit %d, want a failure of 2 problems writing nothing\n%s%s", c.query, code, stdout, stderr)
		}
		if got := getText(t, srv.URL+"/api/v1/targets?versions=all"); got != history {
			t.Fatalf("%s as of 2022-01-01 pushed back changed the targets' history:\n%s", c.query, got)
		}
	}

	status, body := postTargetsCSV(t, srv.URL, admin, getText(t, srv.URL+"/api/v1/targets?as_of=2022-01-01&format=csv&lang=zh"))
	if status != http.StatusBadRequest || !bytes.Contains(body, []byte(`which was replaced on 2023-06-01 by 230, the version in force`)) {
		t.Errorf("POST the Chinese CSV download as of 2022-01-01: %d %s", status, body)
	}
	if got := getText(t, srv.URL+"/api/v1/targets?versions=all"); got != history {
		t.Fatalf("the POST changed the targets' history:\n%s", got)
	}
}

// postTargetsCSV posts a targets CSV (a download) to POST /api/v1/targets
// with the token, and returns the status and the body.
func postTargetsCSV(t *testing.T, server, token, csv string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, server+"/api/v1/targets?filename=targets.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "text/csv")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, body
}
