package bolt_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
	"github.com/plancast/plancast/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) plancast.Store {
		st, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	})
}

func TestOpenHeldStoreFailsAtOnceNamingServerOption(t *testing.T) {
	path := filepath.Join(t.TempDir(), bolt.FileName)
	first, err := bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	// bbolt's flock is per open file description, so a second Open in the same
	// process contends exactly as another process would.
	_, err = bolt.Open(path)
	if plancast.ErrorCode(err) != plancast.EUNAVAILABLE {
		t.Fatalf("second open: %v, want unavailable", err)
	}
	if msg := plancast.ErrorMessage(err); !strings.Contains(msg, "--server") {
		t.Fatalf("message %q does not name the --server option", msg)
	}
}
