package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// A password given in --influx-url (http://user:pass@host) is never shown:
// not in the server's log, not by the unauthenticated /healthz, not in a 503
// answer, not in a command's error. The URL is shown as
// http://admin:***@host.
func TestInfluxURLPasswordIsNeverShown(t *testing.T) {
	d := newInfluxd(t)
	d.start()
	d.createDatabase("plancast")
	secretURL := strings.Replace(d.url(), "http://", "http://admin:secretpw@", 1)
	redacted := strings.Replace(d.url(), "http://", "http://admin:***@", 1)
	addr := freeAddr(t)
	server := serveInflux(t, secretURL, t.TempDir(), addr)
	d.kill() // InfluxDB is down: health and reads say where it is

	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, path := range []string{"/healthz", "/api/v1/regions"} {
		code, body := get(path)
		if strings.Contains(body, "secretpw") {
			t.Errorf("GET %s (%d) shows the password: %s", path, code, body)
		}
		if !strings.Contains(body, redacted) {
			t.Errorf("GET %s (%d) does not name %s: %s", path, code, redacted, body)
		}
	}
	server.kill()
	if log := server.Output(); strings.Contains(log, "secretpw") {
		t.Errorf("the server's log shows the password:\n%s", log)
	} else if !strings.Contains(log, "InfluxDB "+redacted+" bucket plancast/autogen") {
		t.Errorf("the start log does not name the store as %s:\n%s", redacted, log)
	}

	out, err := runPlancast(t, "forecast", "--region", "houma", "--indicator", "gdp", "--influx-url", secretURL, "--influx-bucket", "plancast/autogen")
	if err == nil {
		t.Fatalf("forecast on a stopped InfluxDB succeeded: %s", out)
	}
	if strings.Contains(out, "secretpw") || !strings.Contains(out, redacted) {
		t.Errorf("forecast's error should name %s and never the password: %s", redacted, out)
	}
}
