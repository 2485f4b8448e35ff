package api_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/store/bolt"
)

// GET /api/v1/backup hands an admin the embedded store as one file, taken
// while the server runs: the file passes bbolt's check, holds what the live
// store holds and opens as a store that answers the same. Anyone else is
// refused; on InfluxDB the answer says to use InfluxDB's own backup.
func TestBackupIsTheLiveStoreAsOneFile(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			st := seeded(t, b.open(t))
			s := startServer(t, st, api.Config{})
			admin := token(t, st, plancast.Token{Admin: true, Name: "operator"})
			houma := token(t, st, plancast.Token{Region: "houma"})
			reader := token(t, st, plancast.Token{Scope: plancast.ScopeRead})

			if msg := s.get("/api/v1/backup").wantError(t, 401, "unauthorized"); !strings.Contains(msg, "needs an admin token") || strings.Contains(msg, "--region") {
				t.Errorf("a backup without a token: %q; want it to ask for an admin token, not a region's", msg)
			}
			s.do("GET", "/api/v1/backup", "", reader, nil).wantError(t, 403, "forbidden")
			if msg := s.do("GET", "/api/v1/backup", "", houma, nil).wantError(t, 403, "forbidden"); !strings.Contains(msg, "admin") {
				t.Errorf("a region's token is refused with %q, which does not say an admin token is needed", msg)
			}
			// As a client that accepts gzip asks (Go's own does): the copy
			// keeps its length, by which a cut copy is told from a whole one.
			r := s.do("GET", "/api/v1/backup", "", admin, nil, "Accept-Encoding", "gzip")
			if b.name == "influx" {
				if msg := r.wantError(t, 400, "invalid"); !strings.Contains(msg, "influx backup") {
					t.Errorf("on InfluxDB the backup is refused with %q, which does not say what to use", msg)
				}
				return
			}
			if r.status != 200 {
				t.Fatalf("backup: %d %s", r.status, r.body)
			}
			if n, err := strconv.Atoi(r.header.Get("Content-Length")); err != nil || n != len(r.body) {
				t.Errorf("Content-Length %q for a body of %d bytes", r.header.Get("Content-Length"), len(r.body))
			}
			version, err := st.DataVersion(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			disposition := r.header.Get("Content-Disposition")
			if !strings.HasPrefix(disposition, `attachment; filename="plancast-`) || !strings.HasSuffix(disposition, "-v"+version+`.db"`) {
				t.Errorf("Content-Disposition %q, want an attachment named plancast-<time>-v%s.db", disposition, version)
			}
			path := filepath.Join(t.TempDir(), "backup.db")
			if err := os.WriteFile(path, r.body, 0o600); err != nil {
				t.Fatal(err)
			}
			contents, err := bolt.CheckFile(path)
			if err != nil {
				t.Fatalf("the backup does not pass the check: %v", err)
			}
			regions, err := st.Regions(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			targets, err := st.Targets(context.Background(), plancast.TargetFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if contents.Version != version || contents.Regions != len(regions) || contents.Targets != len(targets) || contents.Figures == 0 {
				t.Errorf("the backup holds %v; the live store has version %s, %d regions, %d targets", contents, version, len(regions), len(targets))
			}

			copied, err := bolt.Open(path)
			if err != nil {
				t.Fatalf("open the backup as a store: %v", err)
			}
			defer copied.Close()
			for _, st := range []plancast.Store{st, copied} {
				s, err := st.Series(context.Background(), plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
				if err != nil {
					t.Fatal(err)
				}
				years, values := s.YearsValues()
				if !reflect.DeepEqual(years, []int{2015, 2020}) || !reflect.DeepEqual(values, []float64{88.9, 120.8}) {
					t.Errorf("Houma's GDP reads %v %v, want 88.9 in 2015 and 120.8 in 2020", years, values)
				}
			}
			if _, err := copied.TokenByHash(context.Background(), plancast.HashToken(admin)); err != nil {
				t.Errorf("the admin token is not in the backup: %v", err)
			}
		})
	}
}
