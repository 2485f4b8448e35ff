package bolt

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/storetest"
	"go.etcd.io/bbolt"
)

// oldVal is a vals entry as stores wrote it before stated growths were kept:
// 12 bytes, and a 13th byte 1 for a withdrawal.
func oldVal(value float64, published plancast.Date, withdrawn bool) []byte {
	b := binary.BigEndian.AppendUint64(nil, math.Float64bits(value))
	b = binary.BigEndian.AppendUint32(b, uint32(int32(published.Time().Unix()/86400)))
	if withdrawn {
		b = append(b, 1)
	}
	return b
}

// Entries written before growths were kept read as they always did: a
// figure, or a withdrawal, with no stated growth.
func TestValuesWrittenBeforeGrowthsReadAsBefore(t *testing.T) {
	published := plancast.NewDate(2021, 4, 20)
	for _, c := range []struct {
		name      string
		entry     []byte
		withdrawn bool
	}{
		{"a figure (12 bytes)", oldVal(120.8, published, false), false},
		{"a withdrawal (13th byte 1)", oldVal(0, published, true), true},
		{"a figure from before 1970", oldVal(-3.5, plancast.NewDate(1965, 12, 31), false), false},
	} {
		var o plancast.Observation
		if !decodeVal(c.entry, &o) {
			t.Fatalf("%s: not decoded", c.name)
		}
		want := oldVal(o.Value, o.Published, o.Withdrawn())
		if string(want) != string(c.entry) || o.Withdrawn() != c.withdrawn || o.Growth != nil || o.GrowthBaseYear != 0 {
			t.Errorf("%s: decoded %+v", c.name, o)
		}
		// What the store writes for such a figure today is the same entry,
		// byte for byte.
		if got := encodeVal(&o); string(got) != string(c.entry) {
			t.Errorf("%s: encoded again as % x, want % x", c.name, got, c.entry)
		}
	}
}

// A figure with a stated growth keeps it and its base year in its entry.
func TestValuesCarryTheStatedGrowth(t *testing.T) {
	growth, yoy := 5.3, -2.25
	for _, in := range []plancast.Observation{
		{Year: 2020, Value: 120.8, Published: plancast.NewDate(2021, 4, 20), Growth: &growth, GrowthBaseYear: 2015},
		{Year: 2020, Value: 120.8, Published: plancast.NewDate(2021, 4, 20), Growth: &yoy}, // year on year
	} {
		entry := encodeVal(&in)
		if len(entry) != valGrowthLen {
			t.Fatalf("entry of %+v is %d bytes, want %d", in, len(entry), valGrowthLen)
		}
		var o plancast.Observation
		if !decodeVal(entry, &o) {
			t.Fatalf("entry % x not decoded", entry)
		}
		if o.Value != in.Value || !o.Published.Equal(in.Published) || o.Withdrawn() || o.Growth == nil || *o.Growth != *in.Growth || o.GrowthBaseYear != in.GrowthBaseYear {
			t.Errorf("decoded %+v (growth %v), want %+v (growth %g)", o, o.Growth, in, *in.Growth)
		}
	}
	// A growth flag without its growth is no entry the store writes.
	cut := encodeVal(&plancast.Observation{Value: 1, Published: plancast.NewDate(2021, 4, 20), Growth: &growth})[:valLen+1]
	if decodeVal(cut, &plancast.Observation{}) {
		t.Errorf("a truncated entry % x was decoded", cut)
	}
}

// statusesBy reads every vintage of Houma's GDP with VintagesOf, as
// "year value status" lines.
func statusesBy(t *testing.T, st *Store) []string {
	t.Helper()
	k := plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear}
	byKey, err := st.VintagesOf(context.Background(), []plancast.SeriesKey{k})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, o := range byKey[k] {
		out = append(out, fmt.Sprintf("%d %g %s", o.Year, o.Value, o.Status))
	}
	return out
}

// houmaStore is a store holding Houma's GDP of 2019 (final) and 2020
// (preliminary), closed, at path.
func houmaStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plancast.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := st.PutRegions(ctx, []plancast.Region{storetest.Houma}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutIndicators(ctx, []plancast.Indicator{storetest.GDP}); err != nil {
		t.Fatal(err)
	}
	published := plancast.NewDate(2021, 4, 20)
	if _, err := st.WriteObservations(ctx, []plancast.Observation{
		{Region: "houma", Indicator: "gdp", Year: 2019, Value: 116.2, Published: published},
		{Region: "houma", Indicator: "gdp", Year: 2020, Value: 120.8, Status: plancast.StatusPreliminary, Published: published},
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// rawUpdate runs fn on the store's file as plain bbolt, as an older
// plancast would open it.
func rawUpdate(t *testing.T, path string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func reopen(t *testing.T, path string) *Store {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// A store from before statuses were kept in the values (a "vals" bucket of
// entries without them, and no "vals2") gets vals2 built from the figures
// on open, statuses and all, and loses the old bucket: read from the old
// entries, 2020's preliminary figure would compare as final, and the same
// figure pushed again would count as a revision.
func TestValuesFromBeforeStatusesAreRebuiltOnOpen(t *testing.T) {
	path := houmaStore(t)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		old, err := tx.CreateBucket([]byte("vals"))
		if err != nil {
			return err
		}
		if err := tx.Bucket([]byte("vals2")).ForEach(func(k, v []byte) error {
			return old.Put(k, oldVal(math.Float64frombits(binary.BigEndian.Uint64(v[:8])), plancast.NewDate(2021, 4, 20), false))
		}); err != nil {
			return err
		}
		return tx.DeleteBucket([]byte("vals2"))
	})
	st := reopen(t, path)
	if got, want := statusesBy(t, st), []string{"2019 116.2 final", "2020 120.8 preliminary"}; !slices.Equal(got, want) {
		t.Errorf("vintages after the rebuild: %q, want %q", got, want)
	}
	res, err := st.WriteObservations(context.Background(), []plancast.Observation{
		{Region: "houma", Indicator: "gdp", Year: 2020, Value: 120.8, Status: plancast.StatusPreliminary, Published: plancast.NewDate(2021, 4, 20)}})
	if err != nil || res.Unchanged != 1 {
		t.Errorf("the preliminary figure again: %+v, %v; want 1 unchanged", res, err)
	}
	st.Close()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		if tx.Bucket([]byte("vals")) != nil {
			t.Error(`the old "vals" bucket is still there after the rebuild`)
		}
		return nil
	})
}

// An older plancast opening the store again finds no "vals", builds one,
// and writes its figures to obs and vals alone, leaving vals2 behind. The
// next open sees the "vals" bucket and builds vals2 again: the figure the
// older build wrote is read, and the one it revised is not served stale.
func TestFiguresAnOlderPlancastWroteAreReadAfterwards(t *testing.T) {
	path := houmaStore(t)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		old, err := tx.CreateBucket([]byte("vals"))
		if err != nil {
			return err
		}
		o := plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2020, Value: 121.5, Status: plancast.StatusFinal,
			Period: plancast.PeriodYear, Published: plancast.NewDate(2022, 3, 1), Recorded: time.Now()}
		if err := putJSON(tx.Bucket(bucketObs), obsKey(&o), &o); err != nil {
			return err
		}
		return old.Put(obsKey(&o), oldVal(o.Value, o.Published, false))
	})
	st := reopen(t, path)
	if got, want := statusesBy(t, st), []string{"2019 116.2 final", "2020 120.8 preliminary", "2020 121.5 final"}; !slices.Equal(got, want) {
		t.Errorf("vintages after the older build's write: %q, want %q", got, want)
	}
	s, err := st.SeriesValuesOf(context.Background(), []plancast.SeriesKey{{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear}})
	if err != nil || len(s) != 1 || len(s[0].Observations) != 2 || s[0].Observations[1].Value != 121.5 {
		t.Errorf("the values read: %+v, %v; want 2020 = 121.5, the older build's revision", s, err)
	}
}

// The rebuild is said before it starts, with the vintages it reads (a
// server on a nationwide store is not up for a minute), and only when
// there is one to do.
func TestOpenSaysWhenItRebuildsTheValues(t *testing.T) {
	path := houmaStore(t)
	said := []int{}
	open := func() {
		st, err := OpenWith(path, OpenOptions{Rebuilding: func(n int) { said = append(said, n) }})
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	open()
	if len(said) != 0 {
		t.Fatalf("a store with its values said %v, want nothing", said)
	}
	rawUpdate(t, path, func(tx *bbolt.Tx) error { _, err := tx.CreateBucket([]byte("vals")); return err })
	open()
	open()
	if !slices.Equal(said, []int{2}) {
		t.Errorf("said %v; want the 2 vintages once, on the open after an older build's", said)
	}
}
