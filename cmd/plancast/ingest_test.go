package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/seed"
	"github.com/plancast/plancast/store/bolt"
)

func fixture(name string) string { return filepath.Join("..", "..", "ingest", "testdata", name) }

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustRun runs a command and returns what it printed, failing the test when
// the command fails.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := run(t, args...)
	if code != 0 {
		t.Fatalf("plancast %s: exit %d: %s", args[0], code, stderr)
	}
	return stdout
}

// ingestFiles writes each file (a name and its content) into a fresh folder
// and pushes them all, one batch, into the store in dir with plancast ingest.
func ingestFiles(t *testing.T, dir string, files ...[2]string) {
	t.Helper()
	folder := t.TempDir()
	args := []string{"ingest", "--data-dir", dir}
	for _, f := range files {
		path := filepath.Join(folder, f[0])
		if err := os.WriteFile(path, []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	mustRun(t, args...)
}

// seededDir is a data directory holding the demo dataset (plancast seed).
func seededDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, stderr := run(t, "seed", "--data-dir", dir); code != 0 {
		t.Fatalf("seed: exit %d: %s", code, stderr)
	}
	return dir
}

// catalogDir is a data directory whose store holds the demo catalog
// (regions and indicators) and no figures.
func catalogDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sb, err := seed.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := st.PutRegions(ctx, sb.Regions); err != nil {
		t.Fatal(err)
	}
	if err := st.PutIndicators(ctx, sb.Indicators); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestIngestCommandWritesAllOrNothingAndCountsRevisions(t *testing.T) {
	dir := seededDir(t)

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

// TestIngestWithServerPushesThroughTheRealAPI runs the command against the
// real HTTP handler over an embedded store: region-scoped tokens, reports,
// revisions.
func TestIngestWithServerPushesThroughTheRealAPI(t *testing.T) {
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(catalogDir(t), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	houma, hash := plancast.NewTokenSecret()
	if err := st.PutToken(ctx, plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Region: "houma", Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	admin, adminHash := plancast.NewTokenSecret()
	if err := st.PutToken(ctx, plancast.Token{Hash: adminHash, Scope: plancast.ScopeWrite, Admin: true, Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(api.Config{Store: st}).Handler())
	defer srv.Close()

	// The yearbook's Houma rows may be pushed with a Houma token; wide.csv first.
	code, stdout, stderr := run(t, "ingest", "--server", srv.URL, "--token", houma, fixture("wide.csv"))
	if code != 0 || !strings.Contains(stdout, "wide.csv: 18 new, 0 revised, 0 unchanged, 0 rejected") {
		t.Fatalf("push: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = run(t, "ingest", "--server", srv.URL, "--token", houma, fixture("wide.csv"), "--dry-run")
	if code != 0 || !strings.Contains(stdout, "wide.csv: 0 new, 0 revised, 18 unchanged, 0 rejected") || !strings.Contains(stdout, "dry run") {
		t.Errorf("dry re-push: exit %d\n%s", code, stdout)
	}

	// Problems come back with their rows, and the command fails. (The file has
	// Zizhou and Guyang rows too, so it takes an admin token.)
	code, stdout, _ = run(t, "ingest", "--server", srv.URL, "--token", admin, fixture("ten_errors.csv"))
	if code != 1 || strings.Count(stdout, "ten_errors.csv row ") != 10 {
		t.Errorf("ten errors: exit %d\n%s", code, stdout)
	}

	// A Houma token may not push Zizhou's figures; a wrong token is not recognised.
	code, _, stderr = run(t, "ingest", "--server", srv.URL, "--token", houma, fixture("long.xlsx"))
	if code != 1 || !strings.Contains(stderr, "403") {
		t.Errorf("other region: exit %d, stderr %q; want 403", code, stderr)
	}
	code, _, stderr = run(t, "ingest", "--server", srv.URL, "--token", "pc_wrong", fixture("wide.csv"))
	if code != 1 || !strings.Contains(stderr, "401") {
		t.Errorf("wrong token: exit %d, stderr %q; want 401", code, stderr)
	}

	code, _, stderr = run(t, "ingest", "--server", srv.URL, fixture("long.csv"))
	if code != 2 || !strings.Contains(stderr, "--token") {
		t.Errorf("without a token: exit %d, stderr %q; want a usage error", code, stderr)
	}
}

func TestHasFlagLooksOnlyAtFlags(t *testing.T) {
	for i, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"--report", "x.txt"}, true},
		{[]string{"-report=x.txt"}, true},
		{[]string{"report", "a.csv"}, false}, // a file named report
		{[]string{"--", "--report"}, false},
		{[]string{"--reporter"}, false},
	} {
		if got := hasFlag(tc.args, "report"); got != tc.want {
			t.Errorf("case %d: hasFlag(%v) = %v, want %v", i, tc.args, got, tc.want)
		}
	}
}

// A figure ten times the year before is refused with its row and the way to
// write it anyway, on the store and through a server alike; --accept-jumps
// writes it.
func TestIngestRefusesAJumpUnlessAccepted(t *testing.T) {
	dir := seededDir(t)
	file := filepath.Join(t.TempDir(), "revenue.csv")
	if err := os.WriteFile(file, []byte("region,indicator,year,value\nhouma,budget_revenue,2021,52.9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const problem = "revenue.csv row 2 column D (value): houma budget_revenue 2021: 52.9 is 10.0 times the 2020 figure 5.29 (stored)"
	code, stdout, _ := run(t, "ingest", "--data-dir", dir, file)
	if code != 1 || !strings.Contains(stdout, problem) || !strings.Contains(stdout, "--accept-jumps") {
		t.Errorf("a jump: exit %d, stdout\n%s\nwant exit 1 and %q", code, stdout, problem)
	}

	st, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	houma, hash := plancast.NewTokenSecret()
	if err := st.PutToken(context.Background(), plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Region: "houma", Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(api.Config{Store: st}).Handler())
	code, stdout, _ = run(t, "ingest", "--server", srv.URL, "--token", houma, file)
	if code != 1 || !strings.Contains(stdout, problem) {
		t.Errorf("a jump through the server: exit %d, stdout\n%s", code, stdout)
	}
	code, stdout, _ = run(t, "ingest", "--server", srv.URL, "--token", houma, file, "--accept-jumps")
	if code != 0 || !strings.Contains(stdout, "revenue.csv: 1 new, 0 revised, 0 unchanged, 0 rejected") {
		t.Errorf("the jump accepted through the server: exit %d, stdout\n%s", code, stdout)
	}
	srv.Close()
	st.Close()

	// On the store directly, a second year beside the accepted one is judged
	// against it; --accept-jumps lets the revision to the right unit through.
	fix := filepath.Join(t.TempDir(), "fix.csv")
	if err := os.WriteFile(fix, []byte("region,indicator,year,value\nhouma,budget_revenue,2022,5.61\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := run(t, "ingest", "--data-dir", dir, fix); code != 1 || !strings.Contains(stdout, "5.61 is 1/9.4 of the 2021 figure 52.9 (stored)") {
		t.Errorf("2022 beside the accepted 2021: exit %d, stdout\n%s", code, stdout)
	}
	if code, stdout, _ := run(t, "ingest", "--data-dir", dir, fix, "--accept-jumps"); code != 0 || !strings.Contains(stdout, "fix.csv: 1 new") {
		t.Errorf("2022 accepted: exit %d, stdout\n%s", code, stdout)
	}
}

// serverWithAdmin serves the real API over an embedded store holding the
// demo catalog, wrapped in wrap when it is not nil, and returns its URL and
// an admin write token.
func serverWithAdmin(t *testing.T, wrap func(http.Handler) http.Handler) (url, admin string) {
	t.Helper()
	st, err := bolt.Open(filepath.Join(catalogDir(t), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	admin, hash := plancast.NewTokenSecret()
	if err := st.PutToken(context.Background(), plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Admin: true, Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	h := api.New(api.Config{Store: st}).Handler()
	if wrap != nil {
		h = wrap(h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL, admin
}

// writeCSVs writes each file (a name and its content) into a fresh folder
// and returns their paths.
func writeCSVs(t *testing.T, files ...[2]string) []string {
	t.Helper()
	folder := t.TempDir()
	var paths []string
	for _, f := range files {
		path := filepath.Join(folder, f[0])
		if err := os.WriteFile(path, []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// Several files pushed through a server are one batch: one file with a
// problem and none is written, and the command says so.
func TestIngestWithServerWritesNoFileWhenAnyHasAProblem(t *testing.T) {
	srv, admin := serverWithAdmin(t, nil)

	code, stdout, stderr := run(t, "ingest", "--server", srv, "--token", admin, fixture("wide.csv"), fixture("ten_errors.csv"))
	if code != 1 || strings.Count(stdout, "ten_errors.csv row ") != 10 {
		t.Errorf("a good and a bad file: exit %d, stdout\n%s", code, stdout)
	}
	if !strings.Contains(stderr, "nothing was written: 1 of 2 files have problems") {
		t.Errorf("a good and a bad file: stderr %q", stderr)
	}
	// wide.csv was not written: a dry run still finds all its figures new.
	if _, stdout, _ := run(t, "ingest", "--server", srv, "--token", admin, fixture("wide.csv"), "--dry-run"); !strings.Contains(stdout, "wide.csv: 18 new, 0 revised, 0 unchanged, 0 rejected") {
		t.Errorf("after the refused batch, wide.csv was written:\n%s", stdout)
	}

	// Files that all pass are written, each with its report.
	code, stdout, stderr = run(t, "ingest", "--server", srv, "--token", admin, fixture("wide.csv"), fixture("long.csv"))
	if code != 0 || !strings.Contains(stdout, "wide.csv: 18 new") || !strings.Contains(stdout, "long.csv: ") || strings.Contains(stdout, "dry run") {
		t.Errorf("two good files: exit %d\n%s%s", code, stdout, stderr)
	}
}

// When a write fails after an earlier file was written, the command says
// which files were written and which not, and no line claims that nothing
// was.
func TestIngestWithServerSaysWhatWasWrittenWhenALaterWriteFails(t *testing.T) {
	// A problem the dry runs cannot see: each file alone is fine, but b.csv's
	// figure is a tenth of a.csv's the year before.
	srv, admin := serverWithAdmin(t, nil)
	files := writeCSVs(t,
		[2]string{"a.csv", "region,indicator,year,value\nhouma,budget_revenue,2021,52.9\n"},
		[2]string{"b.csv", "region,indicator,year,value\nhouma,budget_revenue,2022,5.61\n"})
	code, stdout, stderr := run(t, append([]string{"ingest", "--server", srv, "--token", admin}, files...)...)
	if code != 1 || !strings.Contains(stdout, "a.csv: 1 new") || !strings.Contains(stdout, "1 problem; nothing of this file was written:") ||
		strings.Contains(stdout, "; nothing was written") {
		t.Errorf("b.csv refused after a.csv was written: exit %d, stdout\n%s", code, stdout)
	}
	if !strings.Contains(stderr, "b.csv has problems; written before it: a.csv") || strings.Contains(stderr, "nothing was written") {
		t.Errorf("b.csv refused after a.csv was written: stderr %q", stderr)
	}

	// The server fails the second write.
	writes := 0
	srv, admin = serverWithAdmin(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost && r.URL.Query().Get("dry_run") != "true" {
				if writes++; writes == 2 {
					http.Error(w, `{"error":{"code":"unavailable","message":"the store is down"}}`, http.StatusServiceUnavailable)
					return
				}
			}
			h.ServeHTTP(w, r)
		})
	})
	files = writeCSVs(t,
		[2]string{"a.csv", "region,indicator,year,value\nhouma,budget_revenue,2021,5.29\n"},
		[2]string{"b.csv", "region,indicator,year,value\nhouma,budget_revenue,2022,5.61\n"},
		[2]string{"c.csv", "region,indicator,year,value\nhouma,budget_revenue,2023,5.9\n"})
	code, stdout, stderr = run(t, append([]string{"ingest", "--server", srv, "--token", admin}, files...)...)
	if code != 1 || !strings.Contains(stdout, "a.csv: 1 new") || strings.Contains(stdout, "c.csv") {
		t.Errorf("server failing the second write: exit %d, stdout\n%s", code, stdout)
	}
	if !strings.Contains(stderr, "the store is down; written before it: a.csv; not sent: c.csv") {
		t.Errorf("server failing the second write: stderr %q", stderr)
	}
}

// A CSV row whose quote is never closed is refused by plancast ingest as
// that, with the file, the row where the quote opens and its column; the
// rows the open quote took in are not reported as an unknown region or a
// missing field, and nothing of the batch is written, not even the good row
// before it.
func TestIngestSaysWhichQuoteIsNotClosed(t *testing.T) {
	dir := seededDir(t)
	file := filepath.Join(t.TempDir(), "houma-2021.csv")
	if err := os.WriteFile(file, []byte("region,indicator,year,value\n"+
		"houma,gdp,2020,121\n"+
		"houma,gdp,2021,\"130.5\n"+
		"houma,budget_revenue,2021,\"5.6\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "ingest", "--data-dir", dir, file)
	const problem = `houma-2021.csv row 3 column D: a quoted field is not closed: the quote before "130.5" on line 3 is not closed on its line and runs on to line 4`
	if code != 1 || !strings.Contains(stdout, "1 problem; nothing was written:\n  "+problem) || strings.Contains(stdout, "unknown") ||
		!strings.Contains(stderr, problem) {
		t.Errorf("exit %d, stdout\n%s\nstderr %s\nwant exit 1 and only %q", code, stdout, stderr, problem)
	}
	out := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	if !strings.Contains(out, "  2020        1  2021-04-20  preliminary  120.8") || strings.Contains(out, "  2020        2") {
		t.Errorf("houma gdp 2020 after the refused batch, want its one seeded vintage:\n%s", out)
	}
}

// Files pushed together are one batch, and a region or indicator one of
// them declares is known to the others, in either order: a catalog file and
// the figures of its new county. Before, each file was read against the
// store's catalog alone, and the county's figures were refused as of an
// unknown region.
func TestADeclarationInOneFileServesTheOthersOfTheBatch(t *testing.T) {
	decl := [2]string{"decl.json", `{"regions":[{"code":"quwo","name":"Quwo County","name_zh":"曲沃县","parent":"linfen","level":"county"}],
		"indicators":[{"code":"tourism_revenue","name":"Tourism revenue","name_zh":"旅游总收入","unit":"100m_yuan","kind":"level","better":"higher"}]}`}
	figures := [2]string{"quwo.csv", "region,indicator,year,value,published\nquwo,gdp,2020,100.5,2021-04-01\n曲沃县,旅游总收入,2020,9.8,2021-04-01\n"}
	for _, order := range [][][2]string{{decl, figures}, {figures, decl}} {
		dir := catalogDir(t)
		ingestFiles(t, dir, order...)
		out := mustRun(t, "history", "--data-dir", dir, "--region", "quwo", "--indicator", "tourism_revenue")
		if !strings.Contains(out, "9.8") {
			t.Errorf("%s then %s: quwo's tourism revenue reads\n%s\nwant 9.8", order[0][0], order[1][0], out)
		}
	}
	// A region declared nowhere is still unknown, and nothing is written.
	dir := catalogDir(t)
	folder := t.TempDir()
	var args []string
	for _, f := range [][2]string{decl, {"other.csv", "region,indicator,year,value\nquwo,gdp,2020,100.5\nnowhere,gdp,2020,5\n"}} {
		path := filepath.Join(folder, f[0])
		if err := os.WriteFile(path, []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	code, _, stderr := run(t, append([]string{"ingest", "--data-dir", dir}, args...)...)
	if code == 0 || !strings.Contains(stderr, `"nowhere"`) || strings.Contains(stderr, `"quwo"`) {
		t.Errorf("a region declared nowhere: exit %d, %s; want refused naming nowhere, not quwo", code, stderr)
	}
	if code, _, _ := run(t, "history", "--data-dir", dir, "--region", "quwo", "--indicator", "gdp"); code == 0 {
		t.Errorf("quwo's gdp was written by a refused batch")
	}
}
