package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A set but empty PLANCAST_ADDR (PLANCAST_ADDR=${ADDR} with ADDR missing)
// is refused as a usage error before anything is opened, as the README
// says: taken as unset, serve listened on :8080, every interface. --addr
// given on the command line wins over it, as for every setting.
func TestServeRefusesAnEmptyPLANCAST_ADDR(t *testing.T) {
	tmp := t.TempDir()
	data := filepath.Join(tmp, "data")
	t.Setenv("PLANCAST_ADDR", "")
	code, _, stderr := runWithin(t, 3*time.Second, "serve", "--data-dir", data)
	want := "plancast serve: PLANCAST_ADDR is set but empty: give host:port, e.g. :8080 or 127.0.0.1:8080, or unset it for :8080 (every interface)\n"
	if code != 2 || stderr != want {
		t.Errorf("exit %d, stderr %q;\nwant exit 2 and %q", code, stderr, want)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("%s made before PLANCAST_ADDR was refused", entries[0].Name())
	}
	code, _, stderr = runWithin(t, 3*time.Second, "serve", "--data-dir", data, "--addr", "")
	if code != 2 || stderr != "plancast serve: --addr is empty: give host:port, e.g. :8080 or 127.0.0.1:8080 (an unset PLANCAST_ADDR gives :8080)\n" {
		t.Errorf("--addr \"\" with PLANCAST_ADDR empty: exit %d, stderr %q", code, stderr)
	}
}
