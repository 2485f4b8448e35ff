package main

import (
	"encoding/json"
	"net"
	"strings"
	"testing"
	"time"
)

// With --log-format json the reason serve stopped is a JSON record too
// (level ERROR, the error in "err"), before the plain line Main writes: a
// collector parsing JSON lines dropped exactly the line the operator needs
// (a port taken, the store held, the grace run out).
func TestServeInJSONLogsWhyItStoppedAsJSON(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	code, _, stderr := runWithin(t, 10*time.Second, "serve", "--log-format", "json", "--data-dir", t.TempDir(), "--addr", addr)
	if code != 1 {
		t.Fatalf("serve on a port taken: exit %d; want 1:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if len(lines) < 2 {
		t.Fatalf("stderr %q; want JSON records and the plain line", stderr)
	}
	var rec struct{ Level, Msg, Err string }
	if err := json.Unmarshal([]byte(lines[len(lines)-2]), &rec); err != nil {
		t.Fatalf("the line before the plain one is not JSON: %q (%v)", lines[len(lines)-2], err)
	}
	if rec.Level != "ERROR" || rec.Msg != "serve stopped" || !strings.HasPrefix(rec.Err, "listen on "+addr+": ") {
		t.Errorf("the last JSON record %+v; want level ERROR, msg \"serve stopped\" and err \"listen on %s: …\"", rec, addr)
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "plancast serve: listen on "+addr) {
		t.Errorf("the last line %q; want the plain error", last)
	}
}
