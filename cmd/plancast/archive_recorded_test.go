package main

import (
	"compress/gzip"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// plancast import writes every vintage and target version at the time the
// exported store recorded it, on either backend: a revision entered after
// the figures it revises (here pushed after the seed) reads back recorded
// when it was entered, not when the store was moved. The import's own read
// back compares those times. A vintage the archive gives no recorded time
// is recorded at the import, and the import says so.
func TestImportKeepsWhenEachVintageWasRecorded(t *testing.T) {
	dir := seededDir(t)
	ingestFiles(t, dir, [2]string{"houma-revised.csv", "region,indicator,year,value,published\nhouma,gdp,2020,121.1,2021-09-30\n"})
	archive := filepath.Join(t.TempDir(), "moved.json.gz")
	mustRun(t, "export", "--data-dir", dir, "--out", archive)
	want := readArchiveFile(t, archive)
	times := map[time.Time]bool{}
	for _, o := range want.Observations {
		times[o.Recorded] = true
	}
	if len(times) < 2 {
		t.Fatalf("the exported store's vintages were recorded at %d times; the test needs the seed's and the revision's", len(times))
	}
	imported := time.Now()

	for _, to := range importStores(t) {
		t.Run(to.name, func(t *testing.T) {
			out := mustRun(t, append([]string{"import", archive}, to.flags(t)...)...)
			if !strings.Contains(out, "; read back the same\n") {
				t.Errorf("import says %q; want it read back the same, with nothing recorded at the import", out)
			}
			again := filepath.Join(t.TempDir(), "again.json.gz")
			mustRun(t, append([]string{"export", "--out", again}, to.flags(t)...)...)
			got := readArchiveFile(t, again)
			if d := plancast.DiffArchives(want, got); d != "" {
				t.Errorf("the imported store exports otherwise than the archive: %s", d)
			}
			for i, o := range got.Observations {
				if o.Recorded.After(imported) {
					t.Errorf("vintage no. %d (%s/%s %d, published %s) reads back recorded %s, at the import; the archive says %s",
						i+1, o.Region, o.Indicator, o.Year, o.Published, o.Recorded.Format(time.RFC3339Nano), want.Observations[i].Recorded.Format(time.RFC3339Nano))
				}
			}
			for i, tv := range got.Targets {
				if tv.Recorded.After(imported) {
					t.Errorf("target version no. %d reads back recorded %s, at the import; the archive says %s",
						i+1, tv.Recorded.Format(time.RFC3339Nano), want.Targets[i].Recorded.Format(time.RFC3339Nano))
				}
			}
		})
	}

	// The same archive with the revision's recorded time taken out, as an
	// archive edited by hand may come.
	bare := *want
	bare.Observations = append([]plancast.Observation(nil), want.Observations...)
	revision := -1
	for i, o := range bare.Observations {
		if o.Region == "houma" && o.Indicator == "gdp" && o.Year == 2020 && o.Period == plancast.PeriodYear && o.Value == 121.1 {
			revision = i
		}
	}
	if revision < 0 {
		t.Fatal("the archive lacks the revision")
	}
	bare.Observations[revision].Recorded = time.Time{}
	edited := filepath.Join(t.TempDir(), "edited.json")
	data, err := json.Marshal(&bare)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(edited, data, 0o600); err != nil {
		t.Fatal(err)
	}
	rebuilt := t.TempDir()
	before := time.Now()
	out := mustRun(t, "import", "--data-dir", rebuilt, edited)
	if !strings.Contains(out, "; read back the same; 1 vintage or target version the archive gives no recorded time was recorded at this import\n") {
		t.Errorf("import of an archive without one recorded time says %q", out)
	}
	again := filepath.Join(t.TempDir(), "again.json.gz")
	mustRun(t, "export", "--data-dir", rebuilt, "--out", again)
	got := readArchiveFile(t, again)
	for i, o := range got.Observations {
		switch r := o.Recorded; {
		case i == revision && r.Before(before):
			t.Errorf("the revision, which the archive gives no time, reads back recorded %s, before the import", r)
		case i != revision && !r.Equal(want.Observations[i].Recorded):
			t.Errorf("vintage no. %d reads back recorded %s; the archive says %s", i+1, r, want.Observations[i].Recorded)
		}
	}
}

// readArchiveFile reads a whole archive file of plancast export.
func readArchiveFile(t *testing.T, path string) *plancast.Archive {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var a plancast.Archive
	if err := json.NewDecoder(zr).Decode(&a); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return &a
}

// importStore is a new, empty store for an import, as the store flags that
// select it.
type importStore struct {
	name  string
	flags func(t *testing.T) []string
}

// importStores are a new embedded store, and a new InfluxDB database on the
// test server when PLANCAST_TEST_INFLUX_URL names one (scripts/test.sh).
func importStores(t *testing.T) []importStore {
	dir := t.TempDir()
	stores := []importStore{{"embedded", func(*testing.T) []string { return []string{"--data-dir", dir} }}}
	server := os.Getenv("PLANCAST_TEST_INFLUX_URL")
	if server == "" {
		t.Log("PLANCAST_TEST_INFLUX_URL is not set: the import into InfluxDB is not tried")
		return stores
	}
	var b [6]byte
	rand.Read(b[:])
	db := "plancast_import_" + hex.EncodeToString(b[:])
	token := os.Getenv("PLANCAST_TEST_INFLUX_TOKEN")
	influxQL(t, server, token, "CREATE DATABASE "+db+" WITH SHARD DURATION 14040w")
	t.Cleanup(func() { influxQL(t, server, token, "DROP DATABASE "+db) })
	spare := t.TempDir() // InfluxDB's store keeps nothing there
	return append(stores, importStore{"InfluxDB", func(*testing.T) []string {
		return []string{"--data-dir", spare, "--influx-url", server, "--influx-token", token, "--influx-bucket", db + "/autogen"}
	}})
}

// influxQL runs a statement on the InfluxDB server at server.
func influxQL(t *testing.T, server, token, q string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, strings.TrimRight(server, "/")+"/query", strings.NewReader(url.Values{"q": {q}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if token != "" {
		req.Header.Set("Authorization", "Token "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("InfluxQL %q: %v", q, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("InfluxQL %q: %s", q, resp.Status)
	}
}
