package bolt_test

import (
	"context"
	"errors"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

// A copy of a store put in place of another (plancast restore) has its
// data version moved past every version seen: one more than the highest
// of its own and theirs, still a decimal counter, which the next write
// moves on by one as before. FileVersion reads a file's version without
// taking it over, and a file a process holds is refused.
func TestMoveVersionPastSetsTheCounterAboveEveryVersionSeen(t *testing.T) {
	ctx := context.Background()
	st := openWithHouma(t)
	sn, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	copied := writeSnapshot(t, sn)
	sn.Close()
	own, err := bolt.FileVersion(copied)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := st.DataVersion(ctx); own != want {
		t.Fatalf("FileVersion of the copy says %s; the store it copies is at %s", own, want)
	}
	n, _ := strconv.ParseUint(own, 10, 64)

	// Versions below the copy's own: one past its own.
	got, err := bolt.MoveVersionPast(copied, "1", "0")
	if want := strconv.FormatUint(n+1, 10); err != nil || got != want {
		t.Errorf("MoveVersionPast(copy at %s, 1, 0) = %q, %v; want %s", own, got, err, want)
	}
	// A version above it: one past that.
	got, err = bolt.MoveVersionPast(copied, "3", strconv.FormatUint(n+40, 10), "2")
	if want := strconv.FormatUint(n+41, 10); err != nil || got != want {
		t.Errorf("MoveVersionPast(copy, 3, %d, 2) = %q, %v; want %s", n+40, got, err, want)
	}
	if v, err := bolt.FileVersion(copied); err != nil || v != got {
		t.Errorf("FileVersion after the move = %q, %v; want %s", v, err, got)
	}

	opened, err := bolt.Open(copied)
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	if v, _ := opened.DataVersion(ctx); v != got {
		t.Errorf("the store opened from the copy is at version %s; want %s", v, got)
	}
	if _, err := opened.WriteObservations(ctx, []plancast.Observation{houmaGDP(2021, 131.2, plancast.NewDate(2022, time.March, 1))}); err != nil {
		t.Fatal(err)
	}
	if v, _ := opened.DataVersion(ctx); v != strconv.FormatUint(n+42, 10) {
		t.Errorf("after a push the version is %s; want %d, the counter going on by one", v, n+42)
	}

	// The file is held now: neither changed nor waited for.
	if _, err := bolt.MoveVersionPast(copied, "1"); !errors.Is(err, bolt.ErrHeld) {
		t.Errorf("MoveVersionPast of a held file: %v; want ErrHeld", err)
	}
	if _, err := bolt.MoveVersionPast(filepath.Join(t.TempDir(), "x.db"), "not a version"); err == nil {
		t.Error("MoveVersionPast took a version that is not a counter")
	}
}
