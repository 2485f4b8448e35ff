package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// ingest --report goes through a running server with --server and --token
// (env PLANCAST_SERVER, PLANCAST_TOKEN), as plain ingest does: while the
// server holds the embedded store a report could be committed with curl
// only ("flag provided but not defined: -server"). The review and the
// push's report read as on the store, and a commit refused (a likely slip)
// writes nothing and exits 1.
func TestIngestReportCommitsThroughARunningServer(t *testing.T) {
	dir := catalogDir(t)
	ingestFiles(t, dir, [2]string{"slip.csv", "region,indicator,year,value\nhouma,gdp,2019,12.08\n"})
	houma, _ := createToken(t, "--region", "houma", "--data-dir", dir)
	addr := freeAddr(t)
	base := "http://" + addr
	p := startPlancast(t, "serve", "--addr", addr, "--data-dir", dir, "--no-initial-admin")
	waitHTTP(t, base+"/healthz", p)
	report := filepath.Join("..", "..", "ingest", "report", "testdata", "reports", "004_381206a40357bc15.txt")
	commit := []string{"ingest", "--report", report, "--region", "houma", "--server", base, "--token", houma, "--commit"}

	preview := mustRun(t, "ingest", "--report", report, "--region", "houma", "--server", base)
	if !strings.Contains(preview, "INDICATOR") || !strings.Contains(preview, "nothing written (use --commit to write the accepted candidates)") {
		t.Errorf("a preview through the server:\n%s", preview)
	}
	code, stdout, stderr := run(t, commit...)
	if code != 1 || !strings.Contains(stdout, "houma gdp 2020: 120.8 is 10.0 times the 2019 figure 12.08 (stored)") ||
		!strings.Contains(stdout, "nothing was written") || !strings.Contains(stderr, "server answered 400") {
		t.Fatalf("commit beside a slip: exit %d, stdout\n%s\nstderr %s", code, stdout, stderr)
	}
	t.Setenv("PLANCAST_SERVER", base)
	t.Setenv("PLANCAST_TOKEN", houma)
	first := mustRun(t, "ingest", "--report", report, "--region", "houma", "--commit", "--accept-jumps")
	if !strings.Contains(first, "004_381206a40357bc15.txt: 10 new, 0 revised, 0 unchanged, 0 rejected\ntargets: 12 new, 0 revised, 0 unchanged\n") {
		t.Errorf("commit through the server accepting jumps (PLANCAST_SERVER, PLANCAST_TOKEN):\n%s", first)
	}
}
