package main

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serve refuses to start on InfluxDB when the bucket (database) does not
// exist or the credentials are refused, naming the bucket or the
// credentials flag: it started, /healthz said "ok", and every request
// answered 500 "internal error".
func TestServeRefusesAMissingBucketOrRefusedCredentials(t *testing.T) {
	d := newInfluxd(t)
	conf := filepath.Join(d.dir, "influxdb.conf")
	b, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(conf, []byte(strings.Replace(string(b), "[http]\n", "[http]\n  auth-enabled = true\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	d.start()
	resp, err := http.PostForm(d.url()+"/query", url.Values{"q": {"CREATE USER admin WITH PASSWORD 'pw123' WITH ALL PRIVILEGES"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	resp, err = http.PostForm(d.url()+"/query?u=admin&p=pw123", url.Values{"q": {"CREATE DATABASE plancast WITH SHARD DURATION 14040w"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	serve := func(args ...string) string {
		t.Helper()
		p := startPlancast(t, append([]string{"serve", "--addr", freeAddr(t), "--data-dir", t.TempDir(), "--influx-url", d.url()}, args...)...)
		out := waitExit(t, p, 60*time.Second)
		if p.cmd.ProcessState.ExitCode() == 0 || strings.Contains(out, "listening") {
			t.Fatalf("serve %v started:\n%s", args, out)
		}
		return out
	}
	for _, args := range [][]string{
		{"--influx-bucket", "plancast/autogen", "--influx-token", "admin:wrong"},
		{"--influx-bucket", "plancast/autogen"},
	} {
		out := serve(args...)
		if !strings.Contains(out, "InfluxDB at "+d.url()+" refused the credentials (401)") || !strings.Contains(out, "check --influx-token") {
			t.Errorf("serve %v does not say the credentials were refused:\n%s", args, out)
		}
		if strings.Contains(out, "wrong") {
			t.Errorf("serve %v shows the token:\n%s", args, out)
		}
	}
	out := serve("--influx-bucket", "nosuchdb", "--influx-token", "admin:pw123")
	if !strings.Contains(out, `has no bucket (database) "nosuchdb"`) || !strings.Contains(out, "CREATE DATABASE nosuchdb WITH SHARD DURATION 14040w") {
		t.Errorf("serve on a missing bucket does not name it:\n%s", out)
	}
	t.Logf("refused:\n%s", out)
}
