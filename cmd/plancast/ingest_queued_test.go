package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ingest --server says that a push the server queued (202: InfluxDB is
// unavailable, the push waits in the server's spool) was queued: it printed
// "0 new, 0 revised, 0 unchanged, 0 rejected", as if the file held nothing.
func TestIngestThroughAServerSaysAQueuedPushWasQueued(t *testing.T) {
	d := newInfluxd(t)
	d.start()
	token := seedInflux(t, d)
	addr := freeAddr(t)
	server := serveInflux(t, d.url(), t.TempDir(), addr)
	base := "http://" + addr
	if code, body := pushJSON(t, base, token, `[{"region":"houma","indicator":"retail_sales","year":2020,"value":58.0,"published":"2021-03-01"}]`); code != 200 {
		t.Fatalf("push with InfluxDB up: %d %s", code, body)
	}
	d.kill()
	file := filepath.Join(t.TempDir(), "rs22.csv")
	if err := os.WriteFile(file, []byte("region,indicator,year,value,status,published\nhouma,retail_sales,2022,63.0,final,2023-03-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runPlancast(t, "ingest", "--server", base, "--token", token, file)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ingest said:\n%s", out)
	if !strings.Contains(out, "rs22.csv: 1 queued (the server's store, InfluxDB, is unavailable; the server keeps the push in its spool and writes it when InfluxDB is back: GET /healthz shows the queue)") {
		t.Errorf("ingest does not say the push was queued:\n%s", out)
	}
	if strings.Contains(out, "0 new, 0 revised, 0 unchanged") {
		t.Errorf("ingest counts the queued push as nothing:\n%s", out)
	}
	d.start()
	waitDrained(t, base, server)
}
