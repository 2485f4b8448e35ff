package bolt_test

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

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

// A held store fails at once, unavailable, naming the file and carrying
// ErrHeld, by which each command adds its own way round (cmd/plancast's
// TestEachCommandSaysWhatToDoWhileAServerHoldsTheStore).
func TestOpenHeldStoreFailsAtOnceWithErrHeld(t *testing.T) {
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
	if !errors.Is(err, bolt.ErrHeld) {
		t.Fatalf("second open: %v, want ErrHeld in the chain", err)
	}
	if msg := plancast.ErrorMessage(err); !strings.Contains(msg, path) || !strings.Contains(msg, "held by another process") {
		t.Fatalf("message %q does not say which file is held", msg)
	}
}

// olderStore writes Houma's GDP with write into a new store, closes it,
// turns the file into an older layout with age, and opens it again (Open
// brings the layout up to date).
func olderStore(t *testing.T, write func(*bolt.Store) error, age func(*bbolt.Tx) error) *bolt.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), bolt.FileName)
	st, err := bolt.Open(path)
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
	if err := write(st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(age); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err = bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// A store written before the vals bucket existed gets it on open, stated
// growths included.
func TestValuesBucketIsBuiltForOlderStores(t *testing.T) {
	ctx := context.Background()
	growth := 5.3
	st := olderStore(t, func(st *bolt.Store) error {
		_, err := st.WriteObservations(ctx, []plancast.Observation{
			{Region: "houma", Indicator: "gdp", Year: 2015, Value: 88.9, Published: plancast.NewDate(2021, 4, 20)},
			{Region: "houma", Indicator: "gdp", Year: 2020, Value: 120.8, Published: plancast.NewDate(2021, 4, 20), Growth: &growth, GrowthBaseYear: 2015},
		})
		return err
	}, func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("vals2")) })
	got, err := st.SeriesValuesOf(ctx, []plancast.SeriesKey{{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Observations) != 2 || got[0].Observations[1].Value != 120.8 || !got[0].Observations[1].Published.Equal(plancast.NewDate(2021, 4, 20)) {
		t.Fatalf("after rebuilding: %+v", got)
	}
	if first, last := got[0].Observations[0], got[0].Observations[1]; first.Growth != nil || last.Growth == nil || *last.Growth != 5.3 || last.GrowthBaseYear != 2015 {
		t.Fatalf("after rebuilding: growths %v and %v (base %d), want none and 5.3 over 2015", first.Growth, last.Growth, last.GrowthBaseYear)
	}
}

// A store written before target versions were kept (one undated target per
// key, no target_versions bucket) gets its targets as their first versions
// on open.
func TestTargetVersionsAreBuiltForOlderStores(t *testing.T) {
	st := olderStore(t, func(st *bolt.Store) error {
		_, err := st.WriteTargets(context.Background(), []plancast.Target{storetest.LegacyTarget})
		return err
	}, func(tx *bbolt.Tx) error {
		if err := tx.DeleteBucket([]byte("target_versions")); err != nil {
			return err
		}
		b := tx.Bucket([]byte("targets")) // targets without dates
		return b.ForEach(func(k, v []byte) error {
			var old map[string]any
			if err := json.Unmarshal(v, &old); err != nil {
				return err
			}
			delete(old, "published")
			delete(old, "recorded")
			data, err := json.Marshal(old)
			if err != nil {
				return err
			}
			return b.Put(k, data)
		})
	})
	storetest.UndatedTargetIsTheFirstVersion(t, st)
}
