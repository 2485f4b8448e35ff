package bolt_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
	"github.com/plancast/plancast/store/storetest"
)

// houmaStore writes Houma's 2020 GDP into a new store at path and closes it.
func houmaStore(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	st, err := bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.PutRegions(ctx, []plancast.Region{storetest.Houma}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutIndicators(ctx, []plancast.Indicator{storetest.GDP}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteObservations(ctx, []plancast.Observation{
		{Region: "houma", Indicator: "gdp", Year: 2020, Value: 120.8, Published: plancast.NewDate(2021, 4, 20)},
	}); err != nil {
		t.Fatal(err)
	}
}

// fileState is what a write to the store file would change.
type fileState struct {
	data  []byte
	mtime time.Time
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{data, fi.ModTime()}
}

func (s fileState) same(o fileState) bool {
	return bytes.Equal(s.data, o.data) && s.mtime.Equal(o.mtime)
}

// readOnlyFiles makes the store file 0444 and its directory 0555, as on
// read-only media, and gives the test's cleanup its rights back. Root
// ignores the modes, so the tests below do not rely on them: they ask for
// the read-only open explicitly and check that the file did not change.
func readOnlyFiles(t *testing.T, path string) {
	t.Helper()
	dir := filepath.Dir(path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755); _ = os.Chmod(path, 0o644) })
}

// A store opened read-only answers reads and writes nothing: not on open,
// not on a read, and a write through it is refused. Several read-only opens
// share the file, and a process that opens it to write (a server) is kept
// out while they read, as it was kept out by a reader before.
func TestAReadOnlyOpenReadsAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), bolt.FileName)
	houmaStore(t, path)
	readOnlyFiles(t, path)
	before := stateOf(t, path)
	time.Sleep(10 * time.Millisecond) // a write now would move the mtime

	ro, err := bolt.OpenWith(path, bolt.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open: %v", err)
	}
	s, err := ro.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil || len(s.Observations) != 1 || s.Observations[0].Value != 120.8 {
		t.Fatalf("read through the read-only store: %+v, %v; want 2020 = 120.8", s, err)
	}
	other, err := bolt.OpenWith(path, bolt.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("a second read-only open beside the first: %v", err)
	}
	if _, err := bolt.Open(path); !errors.Is(err, bolt.ErrHeld) {
		t.Errorf("a writable open while two read: %v; want ErrHeld", err)
	}
	if err := ro.PutRegions(ctx, []plancast.Region{storetest.Houma}); err == nil {
		t.Error("a write through the read-only store succeeded")
	}
	other.Close()
	ro.Close()
	if !stateOf(t, path).same(before) {
		t.Error("the store file changed under a read-only open")
	}
}

// A read-only open waits for no writer: while one holds the file (a running
// server), it fails at once with ErrHeld, as a writable open does, so that
// the reading commands still say to ask the server instead.
func TestAReadOnlyOpenIsKeptOutByAWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), bolt.FileName)
	houmaStore(t, path)
	w, err := bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	_, err = bolt.OpenWith(path, bolt.OpenOptions{ReadOnly: true})
	if !errors.Is(err, bolt.ErrHeld) || !strings.Contains(plancast.ErrorMessage(err), path) {
		t.Fatalf("read-only open of a held store: %v; want ErrHeld naming %s", err, path)
	}
}

// A store that a writable open would upgrade (written by an older plancast:
// no vals2 bucket, an old vals one beside it, no target versions) is
// refused by a read-only open, which writes nothing and says to open it
// once writable; after a writable open has upgraded it, it opens read-only.
func TestAReadOnlyOpenRefusesAStoreThatNeedsAnUpgrade(t *testing.T) {
	for _, c := range []struct {
		name, says string
		age        func(*bbolt.Tx) error
	}{
		{"no vals2", "build the compact values of its vintages", func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("vals2")) }},
		{"an old vals", "build the compact values of its vintages", func(tx *bbolt.Tx) error { _, err := tx.CreateBucket([]byte("vals")); return err }},
		{"no target versions", "keep every version of its targets", func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("target_versions")) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), bolt.FileName)
			houmaStore(t, path)
			db, err := bbolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Update(c.age); err != nil {
				t.Fatal(err)
			}
			db.Close()
			readOnlyFiles(t, path)
			before := stateOf(t, path)
			time.Sleep(10 * time.Millisecond)

			_, err = bolt.OpenWith(path, bolt.OpenOptions{ReadOnly: true})
			msg := plancast.ErrorMessage(err)
			if !errors.Is(err, bolt.ErrNeedsUpgrade) || !strings.Contains(msg, path) || !strings.Contains(msg, c.says) || !strings.Contains(msg, "open it once writable to upgrade it") {
				t.Fatalf("read-only open: %v; want ErrNeedsUpgrade naming %s, saying %q and to open it once writable", err, path, c.says)
			}
			if !stateOf(t, path).same(before) {
				t.Fatal("the read-only open changed the store file")
			}

			up, err := bolt.Open(path) // root may write the 0444 file
			if err != nil {
				t.Fatal(err)
			}
			up.Close()
			ro, err := bolt.OpenWith(path, bolt.OpenOptions{ReadOnly: true})
			if err != nil {
				t.Fatalf("read-only open after the upgrade: %v", err)
			}
			ro.Close()
		})
	}
}
