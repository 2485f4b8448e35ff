package main

import (
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

// With InfluxDB hung (it takes connections and never answers), a push is
// queued (202) within about the store's 10 s timeout, not after each of its
// reads waited its own (95 s: clients and proxies giving up at 60 s lost
// every push); a client that gives up first is no 500 internal error.
func TestAPushIsQueuedWithinTheTimeoutWhileInfluxDBHangs(t *testing.T) {
	d, token, base, server := influxServer(t)
	if code, body := pushJSON(t, base, token, `[{"region":"houma","indicator":"gdp","year":2000,"value":10,"published":"2001-03-01"}]`); code != 200 {
		t.Fatalf("push with InfluxDB up: %d %s", code, body)
	}
	if err := d.p.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	defer d.p.Process.Signal(syscall.SIGCONT)

	// A client that gives up at 2 s.
	req, _ := http.NewRequest("POST", base+"/api/v1/observations", strings.NewReader(`[{"region":"houma","indicator":"gdp","year":2001,"value":11,"published":"2002-03-01"}]`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	if resp, err := (&http.Client{Timeout: 2 * time.Second}).Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("the hung push answered %d within 2 s", resp.StatusCode)
	}

	start := time.Now()
	code, body := pushJSON(t, base, token, `[{"region":"houma","indicator":"gdp","year":2023,"value":148,"published":"2024-03-01"}]`)
	took := time.Since(start)
	if code != 202 || !strings.Contains(body, `"queued":1`) {
		t.Fatalf("push with InfluxDB hung: %d %s after %s, want 202 queued", code, body, took)
	}
	if took > 25*time.Second {
		t.Errorf("the push was queued after %s; want within about the store's 10 s timeout", took)
	}
	t.Logf("queued after %s", took.Round(100*time.Millisecond))

	time.Sleep(10 * time.Second) // the gone client's request ends with its reads
	log := server.Output()
	if strings.Contains(log, "internal error") {
		t.Errorf("the log has an internal error:\n%s", log)
	}
	// The push of the client that gave up is queued all the same (202 in the
	// log), or, when its reads were cut by its going, logged as gone away.
	if strings.Count(log, "status=202") < 2 && !strings.Contains(log, "the client went away before the answer") {
		t.Errorf("the push of the client that gave up was neither queued nor logged as gone away:\n%s", log)
	}
	d.p.Process.Signal(syscall.SIGCONT)
	waitDrained(t, base, server)
}
