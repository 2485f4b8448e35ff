package main

import (
	"strings"
	"testing"
)

// --influx-url is taken as --server is: whitespace around it (a pasted
// value, a compose file) is dropped, not refused by Go's URL parser as an
// "invalid port"; the store is then asked at the URL without it.
func TestAnInfluxURLWithWhitespaceAroundItIsTrimmed(t *testing.T) {
	addr := freeAddr(t) // nothing listens there
	code, _, stderr := run(t, "forecast", "--data-dir", t.TempDir(), "--influx-url", " http://"+addr+" \n", "--region", "houma", "--indicator", "gdp")
	if want := "InfluxDB at http://" + addr + ": cannot reach"; code != 1 || !strings.Contains(stderr, want) || strings.Contains(stderr, "invalid port") {
		t.Errorf("--influx-url with whitespace around it: exit %d, %q; want it asked at http://%s (%q)", code, stderr, addr, want)
	}
}

// --influx-url given with an API path (InfluxDB 2's ".../api/v2", the likely
// slip) has InfluxDB answer 404 to its /ping: the refusal says so and gives
// the server's root URL, not a bare "404 page not found".
func TestAnInfluxURLWithAnAPIPathSaysToGiveTheRootURL(t *testing.T) {
	d := newInfluxd(t)
	d.start()
	code, _, stderr := run(t, "forecast", "--data-dir", t.TempDir(), "--influx-url", d.url()+"/api/v2", "--region", "houma", "--indicator", "gdp")
	if want := "InfluxDB answered 404 at " + d.url() + "/api/v2/ping: give --influx-url the server's root URL, " + d.url() + ", unless InfluxDB is served under that path"; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("--influx-url with an API path: exit %d, %q; want %q", code, stderr, want)
	}
}
