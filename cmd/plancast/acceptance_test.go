package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 4's acceptance: "plancast ingest bad.csv" with a non-number on row 3
// exits non-zero, names row 3 and writes nothing; the corrected file then
// lands and is served by the series endpoint.
func TestIngestBadCSVNamesRow3ThenTheCorrectedFileIsServed(t *testing.T) {
	dir := t.TempDir()
	if _, err := runPlancast(t, "seed", "--data-dir", dir); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("region,indicator,year,value,unit\nhouma,gdp,2021,131.2,亿元\nhouma,gdp,2022,one hundred,亿元\n"), 0o644)
	out, err := runPlancast(t, "ingest", "--data-dir", dir, bad)
	if err == nil {
		t.Fatalf("a file with a non-number was accepted:\n%s", out)
	}
	if !strings.Contains(out, "bad.csv row 3") || !strings.Contains(out, "not a number") {
		t.Fatalf("the error does not name row 3:\n%s", out)
	}

	good := filepath.Join(t.TempDir(), "good.csv")
	os.WriteFile(good, []byte("region,indicator,year,value,unit\nhouma,gdp,2021,131.2,亿元\nhouma,gdp,2022,140.5,亿元\n"), 0o644)
	if out, err := runPlancast(t, "ingest", "--data-dir", dir, good); err != nil || !strings.Contains(out, "2 new") {
		t.Fatalf("the corrected file did not land: %v\n%s", err, out)
	}

	addr := freeAddr(t)
	serveEmbedded(t, dir, addr)
	resp, err := http.Get("http://" + addr + "/api/v1/series/houma/gdp")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var s struct {
		Observations []struct {
			Year  int
			Value float64
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		t.Fatal(err)
	}
	got := map[int]float64{}
	for _, o := range s.Observations {
		got[o.Year] = o.Value
	}
	if got[2015] != 88.9 || got[2020] != 120.8 || got[2021] != 131.2 || got[2022] != 140.5 {
		t.Fatalf("series after the corrected push = %v", got)
	}
}

// SIGTERM stops the server gracefully: it logs the shutdown, exits 0, and the
// store is closed cleanly (the next start opens it at once).
func TestServeShutsDownGracefullyOnSIGTERM(t *testing.T) {
	dir, addr := t.TempDir(), freeAddr(t)
	server := serveEmbedded(t, dir, addr)
	if err := server.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-server.exited:
	case <-time.After(15 * time.Second):
		t.Fatalf("serve did not stop within 15 s of SIGTERM:\n%s", server.Output())
	}
	if code := server.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("serve exited %d on SIGTERM:\n%s", code, server.Output())
	}
	if !strings.Contains(server.Output(), "shutting down") {
		t.Fatalf("no shutdown in the log:\n%s", server.Output())
	}
	serveEmbedded(t, dir, addr) // the next start opens the store at once
}
