package influx_test

import (
	"context"
	"net"
	"strings"
	"testing"

	"github.com/plancast/plancast/store/influx"
)

// A password given in the InfluxDB URL (http://user:pass@host) is never
// shown: every message names the URL as url.URL.Redacted gives it.
func TestURLPasswordIsNeverShown(t *testing.T) {
	for raw, want := range map[string]string{
		"http://admin:secretpw@127.0.0.1:8086":     "http://admin:***@127.0.0.1:8086",
		"http://127.0.0.1:8086":                    "http://127.0.0.1:8086",
		"http://admin@127.0.0.1:8086":              "http://admin@127.0.0.1:8086",
		"http://admin:secretpw@[::1]:bad%zz/x":     "***@[::1]:bad%zz/x",
		"https://u:p%40ss@influx.example.org/base": "https://u:***@influx.example.org/base",
	} {
		if got := influx.RedactURL(raw); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", raw, got, want)
		}
	}

	// A server that refuses: the error names the redacted URL, not the password.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = influx.Open(context.Background(), influx.Config{URL: "http://admin:secretpw@" + addr, Bucket: "plancast/autogen"})
	if err == nil {
		t.Fatal("Open of a closed port succeeded")
	}
	if strings.Contains(err.Error(), "secretpw") {
		t.Errorf("the error shows the password: %v", err)
	}
	if !strings.Contains(err.Error(), "InfluxDB at http://admin:***@"+addr) {
		t.Errorf("the error does not name the redacted URL: %v", err)
	}
}
