package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
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

// A data directory that served the embedded store, then InfluxDB (the
// embedded store left beside the spool, as serve on InfluxDB warns), is
// not served from that old embedded store when started without an InfluxDB
// URL: it started there without a word, serving figures as old as the move
// and missing every push InfluxDB took since. serve, ingest and seed refuse,
// naming the spool and the InfluxDB, the old store and when each was last
// written, and the three ways on; the way back with InfluxDB's data
// (export, move both aside, import) works as said.
func TestAnInfluxDataDirIsNotServedFromTheEmbeddedStoreItLeftBehind(t *testing.T) {
	d := newInfluxd(t)
	d.start()
	token := seedInflux(t, d)
	dataDir := t.TempDir()
	serveEmbedded(t, dataDir, freeAddr(t)).kill()
	addr := freeAddr(t)
	server := serveInflux(t, d.url(), dataDir, addr)
	if code, body := pushJSON(t, "http://"+addr, token, `[{"region":"houma","indicator":"retail_sales","year":2021,"value":61.5,"published":"2022-03-01"}]`); code != 200 {
		t.Fatalf("push to InfluxDB: %d %s", code, body)
	}
	server.kill()
	t.Setenv("PLANCAST_INFLUX_URL", "")

	spoolPath, storePath := filepath.Join(dataDir, "spool.db"), filepath.Join(dataDir, bolt.FileName)
	before, err := os.Stat(storePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"serve", "--addr", freeAddr(t), "--data-dir", dataDir},
		{"ingest", "--data-dir", dataDir, writeCSV(t)},
		{"seed", "--data-dir", dataDir},
	} {
		p := startPlancast(t, args...)
		out := waitExit(t, p, 30*time.Second) // a server that starts does not exit
		if p.cmd.ProcessState.ExitCode() == 0 || strings.Contains(out, "listening") {
			t.Fatalf("%s started on the embedded store the data directory served before InfluxDB:\n%s", args[0], out)
		}
		for _, want := range []string{
			spoolPath + " was last used with InfluxDB " + d.url() + " bucket plancast/autogen (written 20",
			"The embedded store " + storePath + " beside it (written 20",
			"lacks every figure, target and token written to InfluxDB since",
			"give --influx-url",
			"plancast export --tokens --influx-url URL --influx-bucket BUCKET --out FILE (that InfluxDB), move " + spoolPath + " and " + storePath + " aside, then plancast import FILE --data-dir " + dataDir,
			"To use the embedded store as it was, without what InfluxDB received, move " + spoolPath + " aside",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the refusal does not say %q:\n%s", args[0], want, out)
			}
		}
	}
	t.Logf("refused:\n%s", lastErrorLine(mustFail(t, "serve", "--addr", freeAddr(t), "--data-dir", dataDir)))
	if after, err := os.Stat(storePath); err != nil || !after.ModTime().Equal(before.ModTime()) || after.Size() != before.Size() {
		t.Errorf("the embedded store was written by a refused command")
	}

	// The way back with InfluxDB's data, as the refusal says it.
	archive := filepath.Join(t.TempDir(), "moved.json")
	if out, err := runPlancast(t, "export", "--tokens", "--influx-url", d.url(), "--influx-bucket", "plancast/autogen", "--out", archive); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	aside := t.TempDir()
	for _, p := range []string{spoolPath, storePath} {
		if err := os.Rename(p, filepath.Join(aside, filepath.Base(p))); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := runPlancast(t, "import", archive, "--data-dir", dataDir); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	addr = freeAddr(t)
	startPlancast(t, "serve", "--addr", addr, "--data-dir", dataDir, "--no-seed")
	waitHTTP(t, "http://"+addr+"/healthz", nil)
	if got := retail2021(t, "http://"+addr); got != "61.5" {
		t.Errorf("after export, import: retail_sales 2021 = %q; want the 61.5 pushed to InfluxDB", got)
	}
}

// mustFail runs a command that must fail and returns its output.
func mustFail(t *testing.T, args ...string) string {
	t.Helper()
	out, err := runPlancast(t, args...)
	if err == nil {
		t.Fatalf("plancast %v succeeded:\n%s", args, out)
	}
	return out
}

// retail2021 is houma's retail_sales of 2021 as the server at base serves it, "" if none.
func retail2021(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/series/houma/retail_sales")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var s plancast.Series
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		t.Fatal(err)
	}
	for _, o := range s.Observations {
		if o.Year == 2021 {
			return strconv.FormatFloat(o.Value, 'f', -1, 64)
		}
	}
	return ""
}
