//go:build large

// This test writes a 2 GiB file, so it is not part of the test command:
//
//	go test -tags large -run TestAWriteWaitsForASnapshotOnlyAtAGiBBoundary -v ./store/bolt/
//
// (about 40 s and 2 GiB of disk, removed afterwards).

package bolt

import (
	"crypto/rand"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// TestAWriteWaitsForASnapshotOnlyAtAGiBBoundary measures what initialMmap's
// comment says of a store past 1 GiB: while a snapshot (a read transaction,
// as a backup holds) is open, a write inside the mapped whole GiB goes
// through at once, and a write that takes the file past it waits for the
// snapshot to end, because bbolt must remap the file.
func TestAWriteWaitsForASnapshotOnlyAtAGiBBoundary(t *testing.T) {
	db, err := bbolt.Open(filepath.Join(t.TempDir(), FileName), 0o600, options())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.NoSync = true // the test is of the mapping, not of the disk

	const mib = 1 << 20
	value := make([]byte, mib)
	if _, err := rand.Read(value); err != nil {
		t.Fatal(err)
	}
	next := 0
	write := func(n int) error { // n MiB, 64 to a transaction
		for n > 0 {
			k := min(n, 64)
			err := db.Update(func(tx *bbolt.Tx) error {
				b, err := tx.CreateBucketIfNotExists([]byte("filler"))
				if err != nil {
					return err
				}
				for range k {
					if err := b.Put(fmt.Appendf(nil, "%08d", next), value); err != nil {
						return err
					}
					next++
				}
				return nil
			})
			if err != nil {
				return err
			}
			n -= k
		}
		return nil
	}
	if err := write(1100); err != nil { // past 1 GiB: mapped to 2 GiB
		t.Fatal(err)
	}

	snapshot, err := db.Begin(false)
	if err != nil {
		t.Fatal(err)
	}
	ended := false
	endSnapshot := func() {
		if !ended {
			ended = true
			if err := snapshot.Rollback(); err != nil {
				t.Error(err)
			}
		}
	}
	defer endSnapshot()

	done := make(chan error, 1)
	go func() { done <- write(20) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		endSnapshot()
		t.Fatalf("a 20 MiB write inside the 2 GiB mapping waited on the snapshot (%v once it ended)", <-done)
	}

	go func() { done <- write(1000) }() // past 2 GiB
	select {
	case err := <-done:
		t.Fatalf("a write past the 2 GiB mapping finished (%v) while the snapshot was open: it did not need to remap, so the comment on initialMmap is wrong", err)
	case <-time.After(20 * time.Second):
	}
	endSnapshot()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the write past 2 GiB did not finish within a minute of the snapshot's end")
	}
}
