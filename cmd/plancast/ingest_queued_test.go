package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

// ingest --server says that a push the server queued (202: InfluxDB is
// unavailable, the push waits in the server's spool) was queued: it printed
// "0 new, 0 revised, 0 unchanged, 0 rejected", as if the file held nothing.
func TestIngestThroughAServerSaysAQueuedPushWasQueued(t *testing.T) {
	d, token, base, server := influxServer(t)
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
	if !strings.Contains(out, "rs22.csv: 1 figure queued, as 1 batch (the server's store, InfluxDB, is unavailable; the server keeps the push in its spool and writes it when InfluxDB is back: GET /healthz shows the batches waiting, as store.queued)") {
		t.Errorf("ingest does not say the push was queued:\n%s", out)
	}
	if strings.Contains(out, "0 new, 0 revised, 0 unchanged") {
		t.Errorf("ingest counts the queued push as nothing:\n%s", out)
	}
	d.start()
	waitDrained(t, base, server)
}

// The queued line names what was queued, figures and targets, and how many
// batches the server queued for it (a batch each), since /healthz's
// store.queued counts batches: "3 queued" beside "queued": 1 read as two
// pushes lost.
func TestAQueuedPushSaysWhatWasQueuedAndInHowManyBatches(t *testing.T) {
	const why = " (the server's store, InfluxDB, is unavailable; the server keeps the push in its spool and writes it when InfluxDB is back: GET /healthz shows the batches waiting, as store.queued)\n"
	for _, c := range []struct {
		figures, targets int
		want             string
	}{
		{3, 0, "f3.csv: 3 figures queued, as 1 batch" + why},
		{1, 0, "f3.csv: 1 figure queued, as 1 batch" + why},
		{0, 2, "f3.csv: 2 targets queued, as 1 batch" + why},
		{3, 1, "f3.csv: 3 figures queued, 1 target queued, as 2 batches" + why},
	} {
		rep := &ingest.Report{Files: []string{"f3.csv"}, Queued: c.figures, Targets: plancast.WriteResult{Queued: c.targets}}
		var b bytes.Buffer
		if err := writeFileReport(&b, rep, false); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := strings.Cut(b.String(), "\n"); got+"\n" != c.want {
			t.Errorf("%d figures and %d targets queued: %q; want %q", c.figures, c.targets, got, c.want)
		}
	}
}

// A push of several files while the server's InfluxDB is away is queued as
// one file's is: the dry run of each file, which needs the store, answered
// 503 and the whole push was refused, though the server would queue each
// file (202). The files are checked here against the server's catalog and
// each other, the note says the server could not check them, and each is
// queued; the figures are written when InfluxDB is back.
func TestIngestOfSeveralFilesThroughAServerWithoutItsStoreQueuesThem(t *testing.T) {
	d, token, base, server := influxServer(t)
	if code, body := pushJSON(t, base, token, `[{"region":"houma","indicator":"retail_sales","year":2020,"value":58.0,"published":"2021-03-01"}]`); code != 200 {
		t.Fatalf("push with InfluxDB up: %d %s", code, body)
	}
	d.kill()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "rs22.csv"), filepath.Join(dir, "rs23.csv")
	if err := os.WriteFile(a, []byte("region,indicator,year,value,status,published\nhouma,retail_sales,2022,63.0,final,2023-03-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("region,indicator,year,value,status,published\nhouma,retail_sales,2023,66.0,final,2024-03-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runPlancast(t, "ingest", "--server", base, "--token", token, a, b)
	t.Logf("ingest said:\n%s", out)
	if err != nil {
		t.Fatalf("ingest of two files while InfluxDB is away: %v", err)
	}
	for _, want := range []string{
		"note: the server could not check the files against its store (check rs22.csv: server answered 503",
		"rs22.csv: 1 figure queued, as 1 batch",
		"rs23.csv: 1 figure queued, as 1 batch",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("ingest does not say %q:\n%s", want, out)
		}
	}
	d.start()
	waitDrained(t, base, server)
}
