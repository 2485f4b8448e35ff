package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// pushJSON pushes a JSON body with token and returns the status and body.
func pushJSON(t *testing.T, base, token, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", base+"/api/v1/observations", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := (&http.Client{Timeout: 60 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitExit waits for a command that should refuse to run and returns its output.
func waitExit(t *testing.T, p *proc, within time.Duration) string {
	t.Helper()
	select {
	case <-p.exited:
	case <-time.After(within):
		p.kill()
		t.Fatalf("plancast did not exit within %s:\n%s", within, p.Output())
	}
	return p.Output()
}

// A data directory whose spool holds pushes accepted (202) for InfluxDB and
// not written yet is not served on the embedded store: the embedded server
// would never write them, and nothing said so. It refuses to start, naming
// the spool, how many batches it holds since when, and for which InfluxDB,
// and what to do.
func TestEmbeddedServeRefusesASpoolHoldingQueuedPushes(t *testing.T) {
	d := newInfluxd(t)
	d.start()
	token := seedInflux(t, d)
	dataDir, addr := t.TempDir(), freeAddr(t)
	server := serveInflux(t, d.url(), dataDir, addr)
	base := "http://" + addr
	if code, body := pushJSON(t, base, token, `[{"region":"houma","indicator":"retail_sales","year":2020,"value":58.0,"published":"2021-03-01"}]`); code != 200 {
		t.Fatalf("push with InfluxDB up: %d %s", code, body)
	}
	d.kill()
	if code, body := pushJSON(t, base, token, `[{"region":"houma","indicator":"retail_sales","year":2021,"value":60.1,"published":"2022-03-01"}]`); code != 202 {
		t.Fatalf("push with InfluxDB down: %d %s, want 202 (queued)", code, body)
	}
	server.kill()

	p := startPlancast(t, "serve", "--addr", freeAddr(t), "--data-dir", dataDir)
	out := waitExit(t, p, 30*time.Second)
	if p.cmd.ProcessState.ExitCode() == 0 {
		t.Fatalf("the embedded server started over a spool holding a queued push:\n%s", out)
	}
	t.Logf("the embedded server refused:\n%s", out)
	for _, want := range []string{dataDir + "/spool.db holds 1 batch accepted (202) from ", "for InfluxDB " + d.url() + " bucket plancast/autogen", "start the server with that InfluxDB", "move " + dataDir + "/spool.db aside"} {
		if !strings.Contains(out, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "listening") {
		t.Errorf("the embedded server listened:\n%s", out)
	}
}
