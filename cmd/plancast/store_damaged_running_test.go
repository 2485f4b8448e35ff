package main

import (
	"crypto/rand"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/plancast/plancast/api"
)

// A store file damaged under a running server (both meta pages
// overwritten, the file emptied, the file cut to two pages) is told, not
// fallen into: every read answers 503 "unavailable" with the cause at once,
// /healthz goes on answering "degraded" with the cause (the first read
// left bbolt's locks held, and every later request, the probe's included,
// hung; a file cut short was a SIGBUS that took the server down), and
// SIGTERM ends serve.
func TestAStoreDamagedUnderARunningServerIsAnsweredNotHungOn(t *testing.T) {
	cases := []struct {
		name, says string
		damage     func(path string) error
	}{
		{"meta pages overwritten", "both its meta pages are damaged", func(path string) error {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			junk := make([]byte, 2*4096)
			rand.Read(junk)
			_, err = f.WriteAt(junk, 0)
			return err
		}},
		{"emptied", "is empty (0 bytes)", func(path string) error { return os.Truncate(path, 0) }},
		{"cut to two pages", "is cut short: 8,192 bytes", func(path string) error { return os.Truncate(path, 8192) }},
	}
	client := &http.Client{Timeout: 5 * time.Second}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			addr := freeAddr(t)
			server := serveEmbedded(t, dir, addr)
			base := "http://" + addr
			if err := tc.damage(filepath.Join(dir, "plancast.db")); err != nil {
				t.Fatal(err)
			}
			health := func(when string) {
				t.Helper()
				resp, err := client.Get(base + "/healthz")
				if err != nil {
					t.Fatalf("/healthz %s: %v\n%s", when, err, server.Output())
				}
				defer resp.Body.Close()
				var h api.Health
				_ = json.NewDecoder(resp.Body).Decode(&h)
				if h.Status != "degraded" || h.Store == nil || !strings.Contains(h.Store.Error, tc.says) {
					t.Fatalf("/healthz %s: %d %+v; want degraded saying %q", when, resp.StatusCode, h.Store, tc.says)
				}
			}
			health("once the file was damaged")
			for _, route := range []string{"/api/v1/regions", "/api/v1/series/houma/gdp", "/api/v1/regions"} {
				resp, err := client.Get(base + route)
				if err != nil {
					t.Fatalf("GET %s: %v\n%s", route, err, server.Output())
				}
				var answer struct {
					Error struct{ Code, Message string }
				}
				_ = json.NewDecoder(resp.Body).Decode(&answer)
				resp.Body.Close()
				if resp.StatusCode != http.StatusServiceUnavailable || answer.Error.Code != "unavailable" || !strings.Contains(answer.Error.Message, tc.says) {
					t.Fatalf("GET %s: %d %+v; want 503 unavailable saying %q", route, resp.StatusCode, answer.Error, tc.says)
				}
			}
			health("after the reads")

			if err := server.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			select {
			case <-server.exited:
			case <-time.After(30 * time.Second):
				t.Fatalf("serve did not end within 30 s of SIGTERM:\n%s", server.Output())
			}
			if out := server.Output(); strings.Contains(out, "fatal error") {
				t.Fatalf("serve crashed:\n%.2000s", out)
			}
		})
	}
}
