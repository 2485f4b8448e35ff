package main

import (
	"strings"
	"testing"
)

// A server started on InfluxDB over a data directory that holds an embedded
// store says at start that the embedded store is not used, what it holds,
// and how to move it (export --tokens / import); and an InfluxDB store with
// no admin token says how to make one. Once it has one, that warning goes.
func TestServeOnInfluxDBSaysWhatItLeavesBehind(t *testing.T) {
	d := newInfluxd(t)
	d.start()
	d.createDatabase("plancast")
	dataDir := t.TempDir()
	if _, err := runPlancast(t, "seed", "--data-dir", dataDir); err != nil {
		t.Fatal(err)
	}
	server := serveInflux(t, d.url(), dataDir, freeAddr(t))
	server.kill()
	log := server.Output()
	for _, want := range []string{
		dataDir + "/plancast.db holds an embedded store (",
		"that this server does not use: --influx-url selects InfluxDB",
		"plancast export --tokens --data-dir " + dataDir,
		"plancast import FILE --influx-url",
		"the store has no admin token: make one with plancast token create --admin --influx-url " + d.url() + " --influx-bucket plancast/autogen",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the start log does not say %q:\n%s", want, log)
		}
	}

	if _, err := runPlancast(t, "token", "create", "--admin", "--influx-url", d.url(), "--influx-bucket", "plancast/autogen"); err != nil {
		t.Fatal(err)
	}
	server = serveInflux(t, d.url(), t.TempDir(), freeAddr(t))
	server.kill()
	if log := server.Output(); strings.Contains(log, "admin token") || strings.Contains(log, "plancast.db") {
		t.Errorf("a store with an admin token, in a data directory without an embedded store, was warned about:\n%s", log)
	}
}
