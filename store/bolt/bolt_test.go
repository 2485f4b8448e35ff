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

// A store written before the vals bucket existed gets it on open.
func TestValuesBucketIsBuiltForOlderStores(t *testing.T) {
	path := filepath.Join(t.TempDir(), bolt.FileName)
	st, err := bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st.PutRegions(ctx, []plancast.Region{storetest.Houma})
	st.PutIndicators(ctx, []plancast.Indicator{storetest.GDP})
	if _, err := st.WriteObservations(ctx, []plancast.Observation{
		{Region: "houma", Indicator: "gdp", Year: 2015, Value: 88.9, Published: plancast.NewDate(2021, 4, 20)},
		{Region: "houma", Indicator: "gdp", Year: 2020, Value: 120.8, Published: plancast.NewDate(2021, 4, 20)},
	}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Make it an "older" store: drop the bucket.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("vals")) }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	st, err = bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.SeriesValuesOf(ctx, []plancast.SeriesKey{{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Observations) != 2 || got[0].Observations[1].Value != 120.8 || !got[0].Observations[1].Published.Equal(plancast.NewDate(2021, 4, 20)) {
		t.Fatalf("after rebuilding: %+v", got)
	}
}

// A store written before target versions were kept (one undated target per
// key, no target_versions bucket) gets its targets as their first versions
// on open.
func TestTargetVersionsAreBuiltForOlderStores(t *testing.T) {
	path := filepath.Join(t.TempDir(), bolt.FileName)
	st, err := bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st.PutRegions(ctx, []plancast.Region{storetest.Houma})
	st.PutIndicators(ctx, []plancast.Indicator{storetest.GDP})
	if _, err := st.WriteTargets(ctx, []plancast.Target{storetest.LegacyTarget}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Make it an "older" store: no versions, and targets without dates.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		if err := tx.DeleteBucket([]byte("target_versions")); err != nil {
			return err
		}
		b := tx.Bucket([]byte("targets"))
		return b.ForEach(func(k, v []byte) error {
			var old map[string]any
			if err := json.Unmarshal(v, &old); err != nil {
				return err
			}
			delete(old, "published")
			delete(old, "recorded")
			data, _ := json.Marshal(old)
			return b.Put(k, data)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	st, err = bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	storetest.UndatedTargetIsTheFirstVersion(t, st)
}
