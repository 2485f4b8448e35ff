package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast/store/bolt"
)

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
