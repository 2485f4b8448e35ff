package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast/store/bolt"
)

// A data directory whose spool records that it served InfluxDB, its queue
// empty (the normal state), started without an InfluxDB URL (an empty
// PLANCAST_INFLUX_URL counts as unset) is refused: before, serve made a new
// embedded store there with the demo data and a new admin token, which no
// one read. The refusal names the spool, the InfluxDB it served and how to
// start an embedded store there deliberately (move the spool aside), which
// then works.
func TestAnInfluxDataDirIsNotTurnedIntoANewEmbeddedStore(t *testing.T) {
	d := newInfluxd(t)
	d.start()
	seedInflux(t, d)
	dataDir := t.TempDir()
	serveInflux(t, d.url(), dataDir, freeAddr(t)).kill()
	t.Setenv("PLANCAST_INFLUX_URL", "")

	spoolPath := filepath.Join(dataDir, "spool.db")
	for _, args := range [][]string{
		{"serve", "--addr", freeAddr(t), "--data-dir", dataDir},
		{"ingest", "--data-dir", dataDir, writeCSV(t)},
		{"seed", "--data-dir", dataDir},
	} {
		out, err := runPlancast(t, args...)
		if err == nil {
			t.Fatalf("%s started on a new embedded store over a data directory served from InfluxDB:\n%s", args[0], out)
		}
		for _, want := range []string{spoolPath + " was last used with InfluxDB " + d.url() + " bucket plancast/autogen", "there is no embedded store at " + filepath.Join(dataDir, bolt.FileName), "Give --influx-url", "move " + spoolPath + " aside"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the refusal does not say %q:\n%s", args[0], want, out)
			}
		}
		if strings.Contains(out, "demo dataset loaded") || strings.Contains(out, "listening") {
			t.Errorf("%s went on:\n%s", args[0], out)
		}
	}
	for _, f := range []string{bolt.FileName, initialAdminFile} {
		if _, err := os.Stat(filepath.Join(dataDir, f)); err == nil {
			t.Errorf("%s was made", f)
		}
	}

	if err := os.Rename(spoolPath, spoolPath+".aside"); err != nil {
		t.Fatal(err)
	}
	if out, err := runPlancast(t, "seed", "--data-dir", dataDir); err != nil {
		t.Errorf("seed after the spool was moved aside: %v\n%s", err, out)
	}
}

// The CLI writers of the embedded store (ingest, seed, token create) refuse
// a data directory whose spool holds pushes accepted (202) for InfluxDB and
// not yet written, as serve does, by the same check: before, a cron'd
// ingest that lost its PLANCAST_INFLUX_URL wrote "1 new" into a store no
// server reads.
func TestEmbeddedWritersRefuseASpoolHoldingQueuedPushes(t *testing.T) {
	d := newInfluxd(t)
	d.start()
	token := seedInflux(t, d)
	dataDir, addr := t.TempDir(), freeAddr(t)
	server := serveInflux(t, d.url(), dataDir, addr)
	if code, body := pushJSON(t, "http://"+addr, token, `[{"region":"houma","indicator":"retail_sales","year":2020,"value":58.0,"published":"2021-03-01"}]`); code != 200 {
		t.Fatalf("push with InfluxDB up: %d %s", code, body)
	}
	d.kill()
	if code, body := pushJSON(t, "http://"+addr, token, `[{"region":"houma","indicator":"retail_sales","year":2021,"value":60.1,"published":"2022-03-01"}]`); code != 202 {
		t.Fatalf("push with InfluxDB down: %d %s, want 202 (queued)", code, body)
	}
	server.kill()

	spoolPath := filepath.Join(dataDir, "spool.db")
	for _, args := range [][]string{
		{"ingest", "--data-dir", dataDir, writeCSV(t)},
		{"seed", "--data-dir", dataDir},
		{"token", "create", "--admin", "--data-dir", dataDir},
	} {
		start := time.Now()
		out, err := runPlancast(t, args...)
		if err == nil {
			t.Fatalf("%s wrote the embedded store over a spool holding a queued push:\n%s", args[0], out)
		}
		for _, want := range []string{spoolPath + " holds 1 batch accepted (202) from ", "for InfluxDB " + d.url() + " bucket plancast/autogen", "--influx-url", "move " + spoolPath + " aside"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the refusal does not say %q:\n%s", args[0], want, out)
			}
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("%s took %s to refuse", args[0], time.Since(start))
		}
	}
	if _, err := os.Stat(filepath.Join(dataDir, bolt.FileName)); err == nil {
		t.Errorf("an embedded store was made")
	}
}

// writeCSV writes a one-figure CSV for houma and returns its path.
func writeCSV(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "f1.csv")
	if err := os.WriteFile(path, []byte("region,indicator,year,value,unit\nhouma,gdp,2021,143.5,亿元\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
