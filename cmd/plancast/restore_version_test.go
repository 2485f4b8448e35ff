package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/store/bolt"
)

// servedDir serves the real API over the embedded store of dir, as
// plancast serve would, until the returned stop is called (which closes
// the store, as stopping the server does). It returns the server's URL.
func servedDir(t *testing.T, dir string) (url string, stop func()) {
	t.Helper()
	st, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(api.Config{Store: st}).Handler())
	stopped := false
	stop = func() {
		if !stopped {
			stopped = true
			srv.Close()
			st.Close()
		}
	}
	t.Cleanup(stop)
	return srv.URL, stop
}

// addAdmin adds an admin token to the store of dir (no server holding it)
// and returns its secret.
func addAdmin(t *testing.T, dir string) string {
	t.Helper()
	st, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	admin, hash := plancast.NewTokenSecret()
	if err := st.PutToken(context.Background(), plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Admin: true, Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	return admin
}

// pushHouma2021 pushes Houma's GDP of 2021 with If-Match ifMatch (none when
// "") and returns the answer's status.
func pushHouma2021(t *testing.T, url, token, value, ifMatch string) int {
	t.Helper()
	csv := "region,indicator,year,value,status,published\nhouma,gdp,2021," + value + ",preliminary,2022-03-01\n"
	req, err := http.NewRequest(http.MethodPost, url+"/api/v1/observations", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "text/csv")
	if ifMatch != "" {
		req.Header.Set("If-Match", `"`+ifMatch+`"`)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// houmaChart asks for Houma's GDP chart, revalidating ifNoneMatch when it is
// not "", and returns the status, the ETag and the data version answered.
func houmaChart(t *testing.T, url, ifNoneMatch string) (status int, etag, version string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url+"/charts/houma/gdp.png", nil)
	if err != nil {
		t.Fatal(err)
	}
	if ifNoneMatch != "" {
		req.Header.Set("If-None-Match", ifNoneMatch)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("ETag"), resp.Header.Get("X-Data-Version")
}

// A data version names one state of the data, and a chart's ETag is made of
// it: after plancast restore, the data directory's versions go on past every
// version seen before, never back to the backup's. A user's run: back up
// through the server, push Houma's 2021 GDP of 131.2 (a browser caches the
// chart, a client notes the version), stop, restore the backup, start, and
// push 150. The chart of 150 must not carry the 131.2 chart's ETag (a
// revalidation answered 304 would keep 131.2 on screen) nor its data version
// (a client holding it could push without a conflict).
func TestAfterARestoreNoDataVersionOrETagIsReusedForOtherData(t *testing.T) {
	dir := seededDir(t)
	admin := addAdmin(t, dir)
	url, stop := servedDir(t, dir)

	var seen []string // every data version a client saw before the restore
	_, _, v := houmaChart(t, url, "")
	seen = append(seen, v)
	backup := filepath.Join(t.TempDir(), "before.db")
	mustRun(t, "backup", "--server", url, "--token", admin, "--out", backup)
	if status := pushHouma2021(t, url, admin, "131.2", ""); status != http.StatusOK {
		t.Fatalf("push 131.2: %d", status)
	}
	status, etag131, v131 := houmaChart(t, url, "")
	if status != http.StatusOK || etag131 == "" || v131 == "" || slices.Contains(seen, v131) {
		t.Fatalf("the chart after the push: %d, ETag %q, version %q (seen before: %v); want a new version", status, etag131, v131, seen)
	}
	seen = append(seen, v131)
	stop()

	stdout := mustRun(t, "restore", "--data-dir", dir, "--from", backup)
	url, stop = servedDir(t, dir)
	defer stop()
	_, _, restoredVersion := houmaChart(t, url, "")
	if slices.Contains(seen, restoredVersion) {
		t.Errorf("right after the restore the data version is %s, one seen before it (%v)", restoredVersion, seen)
	}
	if !strings.Contains(stdout, "its data version is now "+restoredVersion+", past the "+v131+" this data directory had reached") {
		t.Errorf("restore says %q; want it to say the data version moved to %s, past %s", stdout, restoredVersion, v131)
	}
	if status := pushHouma2021(t, url, admin, "150", ""); status != http.StatusOK {
		t.Fatalf("push 150 after the restore: %d", status)
	}
	status, etag150, v150 := houmaChart(t, url, "")
	if status != http.StatusOK || slices.Contains(seen, v150) || v150 == restoredVersion {
		t.Errorf("after the restore and the push of 150 the data version is %q; want one never seen before (%v, %s)", v150, seen, restoredVersion)
	}
	if etag150 == etag131 {
		t.Errorf("the chart of 150 has the ETag %s of the chart of 131.2", etag150)
	}
	if _, err := strconv.ParseUint(v150, 10, 64); err != nil {
		t.Errorf("data version %q is not a decimal counter any more (clients parse it): %v", v150, err)
	}
	// A browser revalidating the 131.2 chart gets the new one, not 304.
	if status, _, _ := houmaChart(t, url, etag131); status != http.StatusOK {
		t.Errorf("If-None-Match %s (the chart of 131.2) is answered %d; want 200 with the chart of 150", etag131, status)
	}
	// A client that read version v131 before the restore pushes with it:
	// the data changed since, a conflict.
	if status := pushHouma2021(t, url, admin, "140", v131); status != http.StatusConflict {
		t.Errorf("a push with If-Match %s (read before the restore) is answered %d; want 409", v131, status)
	}
}

// A restore reads the versions of the stores earlier restores kept beside
// the store too: one by a plancast that still set the counter back can have
// reached a higher version than the store in place, and a restore that
// failed to put the store back can leave no store in place. In a directory
// with no store at all (a fresh machine) the version comes from the clock
// (TestARestoreOnAnotherMachineReusesNoVersionOfTheStoreBackedUp).
func TestARestoreGoesPastTheVersionsOfTheStoresKeptBeforeIt(t *testing.T) {
	ctx := context.Background()
	dir := seededDir(t)
	backup := filepath.Join(t.TempDir(), "before.db")
	mustRun(t, "backup", "--data-dir", dir, "--out", backup)
	c, err := bolt.CheckFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	// A kept store far ahead of the one in place.
	kept := filepath.Join(dir, bolt.FileName+".replaced-20250101T000000Z")
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(kept, data, 0o600); err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.ParseUint(c.Version, 10, 64)
	ahead := strconv.FormatUint(n+20, 10)
	if _, err := bolt.MoveVersionPast(kept, strconv.FormatUint(n+19, 10)); err != nil {
		t.Fatal(err)
	}
	// No store in place: a restore failed to put it back.
	if err := os.Remove(filepath.Join(dir, bolt.FileName)); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "restore", "--data-dir", dir, "--from", backup)
	if v := storeVersion(ctx, t, dir); v != strconv.FormatUint(n+21, 10) {
		t.Errorf("after a restore beside a kept store at version %s the version is %s; want %d", ahead, v, n+21)
	}

}

// storeVersion is the data version of the store in dir.
func storeVersion(ctx context.Context, t *testing.T, dir string) string {
	t.Helper()
	v, err := bolt.FileVersion(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// plancast import writes through the store, and every write it makes moves
// the store's own counter on: importing into a store that already counted
// versions goes past them, never back to a count of the archive's.
func TestAnImportMovesTheStoresVersionForward(t *testing.T) {
	ctx := context.Background()
	archive := filepath.Join(t.TempDir(), "seed.json")
	mustRun(t, "export", "--data-dir", seededDir(t), "--out", archive)

	dir := catalogDir(t)
	st, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	regions, err := st.Regions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for range 30 { // the catalog written again and again: a counter far ahead
		if err := st.PutRegions(ctx, regions); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := st.DataVersion(ctx)
	st.Close()
	mustRun(t, "import", "--data-dir", dir, archive)
	after := storeVersion(ctx, t, dir)
	b, _ := strconv.ParseUint(before, 10, 64)
	if a, err := strconv.ParseUint(after, 10, 64); err != nil || a <= b {
		t.Errorf("the import took the data version from %s to %s; want it past %s", before, after, before)
	}
}
