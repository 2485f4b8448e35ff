package main

import (
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A URL flag's value that no request can be sent to is refused as a usage
// error (exit 2) before any connection is tried, naming the flag, the value
// and the fix: "localhost:8086" was tried and reported as "cannot reach:
// unsupported protocol scheme", which sends the operator to the firewall,
// and "--server http://HOST/api/v1" (the API base copied from the docs) was
// sent on and answered a bare 404. --server takes the server's root URL.
func TestAURLFlagWithoutSchemeOrWithAPathIsRefusedBeforeAnyConnection(t *testing.T) {
	// Something listens on the address given, so a request that went out
	// would be answered, not refused for the address.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	hostPort := ln.Addr().String()
	tmp := t.TempDir()
	data := filepath.Join(tmp, "data")
	file := filepath.Join(tmp, "f.csv")
	if err := os.WriteFile(file, []byte("region,indicator,year,value\nhouma,gdp,2021,131.2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--addr", "127.0.0.1:0", "--data-dir", data, "--influx-url", hostPort},
			`plancast serve: --influx-url "` + hostPort + `" has no scheme: write http://` + hostPort + ` (or https://)`},
		{[]string{"forecast", "--influx-url", "ftp://" + hostPort, "--region", "houma", "--indicator", "gdp"},
			`plancast forecast: --influx-url "ftp://` + hostPort + `": the scheme "ftp" is not served; write http:// or https://`},
		{[]string{"token", "list", "--server", hostPort, "--token", "t0ken"},
			`plancast token: --server "` + hostPort + `" has no scheme: write http://` + hostPort + ` (or https://)`},
		{[]string{"ingest", "--server", "localhost:8080", "--token", "t0ken", file},
			`plancast ingest: --server "localhost:8080" has no scheme: write http://localhost:8080 (or https://)`},
		{[]string{"backup", "--server", "http://" + hostPort + "/api/v1", "--token", "t0ken", "--out", filepath.Join(tmp, "b.db")},
			`plancast backup: --server "http://` + hostPort + `/api/v1" has a path: --server takes the server's root URL (http://` + hostPort + `), not an API path; the API's paths are added to it`},
		{[]string{"ingest", "--server", "http://" + hostPort + "/api/v1/", "--token", "t0ken", file},
			`plancast ingest: --server "http://` + hostPort + `/api/v1/" has a path: --server takes the server's root URL (http://` + hostPort + `), not an API path; the API's paths are added to it`},
		{[]string{"token", "list", "--server", "http://", "--token", "t0ken"},
			`plancast token: --server "http://" names no host: write it as http://HOST:PORT`},
	} {
		code, _, stderr := runWithin(t, 5*time.Second, c.args...)
		if code != 2 || stderr != c.want+"\n" {
			t.Errorf("%v: exit %d, stderr %q;\nwant exit 2 and %q", c.args, code, stderr, c.want)
		}
	}
	if _, err := os.Stat(data); err == nil {
		t.Errorf("serve made %s before refusing its --influx-url", data)
	}

	// The root URL, with or without its slash, is taken.
	for _, root := range []string{"http://" + hostPort, "http://" + hostPort + "/"} {
		if got, err := checkURL("--server", root, true); err != nil || got != "http://"+hostPort {
			t.Errorf("checkURL(%q) = %q, %v; want it taken as http://%s", root, got, err, hostPort)
		}
	}
}
