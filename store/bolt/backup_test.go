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

func houmaGDP(year int, value float64, published plancast.Date) plancast.Observation {
	return plancast.Observation{Region: "houma", Indicator: "gdp", Year: year, Value: value,
		Status: plancast.StatusFinal, Period: plancast.PeriodYear, Published: published,
		Source: plancast.Source{Document: "004_381206a40357bc15.txt"}}
}

// openWithHouma opens a new store holding Houma's GDP of 2015 and 2020 and
// its 14th Five-Year target.
func openWithHouma(t *testing.T) *bolt.Store {
	t.Helper()
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.PutRegions(ctx, []plancast.Region{storetest.Houma}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutIndicators(ctx, []plancast.Indicator{storetest.GDP}); err != nil {
		t.Fatal(err)
	}
	april := plancast.NewDate(2021, time.April, 20)
	if _, err := st.WriteObservations(ctx, []plancast.Observation{houmaGDP(2015, 88.9, april), houmaGDP(2020, 120.8, april)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteTargets(ctx, []plancast.Target{storetest.LegacyTarget}); err != nil {
		t.Fatal(err)
	}
	return st
}

// writeSnapshot writes a snapshot to a file and returns its path.
func writeSnapshot(t *testing.T, sn plancast.Snapshot) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "backup.db")
	var buf bytes.Buffer
	n, err := sn.WriteTo(&buf)
	if err != nil {
		t.Fatalf("write the snapshot: %v", err)
	}
	if n != sn.Size() || int64(buf.Len()) != n {
		t.Fatalf("the snapshot wrote %d bytes (%d in the buffer), its Size says %d", n, buf.Len(), sn.Size())
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A snapshot is the store as it was when it was taken: writes committed
// while it is open go on (a server keeps taking pushes during a backup) and
// are not in the copy, and the copy opens as a store of its own.
func TestASnapshotIsTheStoreAsItWasWhileWritesGoOn(t *testing.T) {
	ctx := context.Background()
	st := openWithHouma(t)
	sn, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer sn.Close()
	taken, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A revision and a new year, written while the snapshot is open.
	done := make(chan error, 1)
	go func() {
		may := plancast.NewDate(2021, time.May, 15)
		_, err := st.WriteObservations(ctx, []plancast.Observation{houmaGDP(2020, 121.1, may), houmaGDP(2021, 131.0, may)})
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("a write while the snapshot is open: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a write waited on the open snapshot")
	}
	path := writeSnapshot(t, sn)
	if sn.Version() != taken {
		t.Errorf("the snapshot says data version %s, the store had %s when it was taken", sn.Version(), taken)
	}

	got, err := bolt.CheckFile(path)
	if err != nil {
		t.Fatalf("check the copy: %v", err)
	}
	want := bolt.Contents{Version: taken, Regions: 1, Indicators: 1, Figures: 2, Vintages: 2, Targets: 1}
	if got != want {
		t.Errorf("the copy holds %v, want %v", got, want)
	}
	if now, err := st.DataVersion(ctx); err != nil || now == taken {
		t.Errorf("the live store's version %q (%v) did not move past %s with the write", now, err, taken)
	}

	copied, err := bolt.Open(path)
	if err != nil {
		t.Fatalf("open the copy as a store: %v", err)
	}
	defer copied.Close()
	s, err := copied.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil {
		t.Fatal(err)
	}
	years, values := s.YearsValues()
	if len(years) != 2 || years[1] != 2020 || values[1] != 120.8 {
		t.Errorf("the copy's GDP is %v %v, want 2015 and 2020 as first published (88.9, 120.8)", years, values)
	}
	targets, err := copied.Targets(ctx, plancast.TargetFilter{Region: "houma"})
	if err != nil || len(targets) != 1 || targets[0].Value != 250 {
		t.Errorf("the copy's targets: %v (%v), want the 250 of 2025", targets, err)
	}
}

// A backup is checked before it is trusted: a damaged page, a bbolt file
// that is not a plancast store and a file that is not bbolt at all are each
// refused with what is wrong.
func TestCheckFileRefusesWhatIsNotAGoodStore(t *testing.T) {
	ctx := context.Background()
	st := openWithHouma(t)
	sn, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	good := writeSnapshot(t, sn)
	sn.Close()

	damaged := filepath.Join(t.TempDir(), "damaged.db")
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	// Scramble the header (id, flags, count) of every page but the two meta
	// pages: the buckets' pages no longer say what they are.
	page := os.Getpagesize()
	for p := 2 * page; p < len(data); p += page {
		for i := p; i < p+16; i++ {
			data[i] ^= 0xff
		}
	}
	if err := os.WriteFile(damaged, data, 0o600); err != nil {
		t.Fatal(err)
	}

	other := filepath.Join(t.TempDir(), "other.db")
	db, err := bbolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { _, err := tx.CreateBucket([]byte("sessions")); return err }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	text := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(text, bytes.Repeat([]byte("GDP 120.8\n"), 2000), 0o600); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		name, path, want string
	}{
		{"a damaged page", damaged, "the file is damaged"},
		{"another program's bbolt file", other, `not a plancast store: no "meta" bucket`},
		{"a text file", text, "check " + text + ": open it read-only: invalid database"},
		{"no file", filepath.Join(t.TempDir(), "missing.db"), "missing.db"},
	} {
		_, err := bolt.CheckFile(c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: CheckFile says %v, want an error with %q", c.name, err, c.want)
		}
	}
}

// A client that goes away stops the copy: the snapshot's context ends its
// WriteTo rather than writing the whole file to nobody.
func TestASnapshotStopsWhenItsContextEnds(t *testing.T) {
	st := openWithHouma(t)
	ctx, cancel := context.WithCancel(context.Background())
	sn, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer sn.Close()
	cancel()
	var buf bytes.Buffer
	if _, err := sn.WriteTo(&buf); !errors.Is(err, context.Canceled) {
		t.Errorf("WriteTo after the context ended: %v, want context.Canceled", err)
	}
	if int64(buf.Len()) >= sn.Size() {
		t.Errorf("wrote all %d bytes after the context ended", buf.Len())
	}
}
