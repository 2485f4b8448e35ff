package bolt_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

// bucketRoots are the root page of each top-level bucket of the store file
// at path, and the page size, read from a copy (the store holds the file).
func bucketRoots(t *testing.T, path string) (map[string]int64, int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bbolt.Open(cp, 0o400, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	roots := map[string]int64{}
	_ = db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			roots[string(name)] = int64(b.Root())
			return nil
		})
	})
	return roots, int64(db.Info().PageSize)
}

// fill adds 300 counties and a figure of each, so that the catalog and the
// figures have pages of their own (a small bucket lives inline in its
// parent's page).
func fill(t *testing.T, st *bolt.Store) {
	t.Helper()
	ctx := context.Background()
	var regions []plancast.Region
	var obs []plancast.Observation
	for i := range 300 {
		r := plancast.Region{Code: fmt.Sprintf("county_%03d", i), Name: fmt.Sprintf("County %d", i), Level: plancast.LevelCounty}
		regions = append(regions, r)
		o := houmaGDP(2020, float64(100+i), plancast.NewDate(2021, time.April, 20))
		o.Region = r.Code
		obs = append(obs, o)
	}
	if err := st.PutRegions(ctx, regions); err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteObservations(ctx, obs); err != nil {
		t.Fatal(err)
	}
}

// zeroPage overwrites page n of the file at path with zeros, as a damaged
// disk or a stray write would, behind the back of the store that has it open.
func zeroPage(t *testing.T, path string, n, pageSize int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(make([]byte, pageSize), n*pageSize); err != nil {
		t.Fatal(err)
	}
}

// The embedded store's Status (what /healthz reports) makes a small real
// read: a store whose file was damaged, cut short, removed or replaced
// after it was opened is not reachable, and the error names the file,
// what is wrong and what to do. Before, /healthz only asked for the data
// version, which lives in a page that survives most damage, and said "ok"
// while every read of the catalog or the figures failed.
func TestStatusReadsTheStoreAndSaysWhenItDoesNot(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
		want   []string
	}{
		{"regions page zeroed", func(t *testing.T, path string) {
			roots, ps := bucketRoots(t, path)
			if roots["regions"] == 0 {
				t.Fatal("the regions bucket is inline (no page of its own): fill the store")
			}
			zeroPage(t, path, roots["regions"], ps)
		}, []string{"does not read", "a page of the file is damaged", "plancast restore --from FILE"}},
		{"figures page zeroed", func(t *testing.T, path string) {
			roots, ps := bucketRoots(t, path)
			if roots["obs"] == 0 {
				t.Fatal("the obs bucket is inline (no page of its own): fill the store")
			}
			zeroPage(t, path, roots["obs"], ps)
		}, []string{"does not read", "a page of the file is damaged", "plancast restore --from FILE"}},
		{"cut short", func(t *testing.T, path string) {
			if err := os.Truncate(path, 3*4096); err != nil {
				t.Fatal(err)
			}
		}, []string{"is cut short: 12,288 bytes, but its pages run to", "plancast restore --from FILE"}},
		{"removed", func(t *testing.T, path string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		}, []string{"was removed after this server opened it", "GET /api/v1/backup", "plancast restore --from FILE"}},
		{"replaced", func(t *testing.T, path string) {
			if err := os.Rename(path, path+".old"); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte("not a store"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, []string{"was replaced by another file after this server opened it"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openWithHouma(t)
			fill(t, st)
			if got := st.Status(ctx); !got.Reachable || got.Backend != "embedded" || got.Error != "" {
				t.Fatalf("Status of a sound store = %+v; want embedded, reachable", got)
			}
			c.damage(t, st.Path())
			got := st.Status(ctx)
			t.Logf("%s: %+v", c.name, got)
			if got.Reachable {
				t.Fatalf("Status after %s says reachable: %+v", c.name, got)
			}
			for _, w := range append(c.want, st.Path()) {
				if !strings.Contains(got.Error, w) {
					t.Errorf("Status after %s does not say %q: %s", c.name, w, got.Error)
				}
			}
		})
	}
}

// BenchmarkStatus100k is the probe's read on a store of 100,000 figures:
// it must stay far below a millisecond, a probe being asked every few
// seconds by each load balancer.
func BenchmarkStatus100k(b *testing.B) {
	st, err := bolt.Open(benchPath(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	for b.Loop() {
		if s := st.Status(ctx); !s.Reachable {
			b.Fatal(s.Error)
		}
	}
}
