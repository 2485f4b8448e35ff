package bolt_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

// benchStore is a store of 100,000 figures (400 counties × 9 indicators ×
// 28 years, as ingest's benchmarks push), built once per run.
var benchStore = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "plancast-backup-bench-")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, bolt.FileName)
	st, err := bolt.Open(path)
	if err != nil {
		return "", err
	}
	defer st.Close()
	ctx := context.Background()
	var regions []plancast.Region
	for r := range 400 {
		regions = append(regions, plancast.Region{Code: fmt.Sprintf("county_%03d", r), Name: fmt.Sprintf("County %d", r), Level: plancast.LevelCounty})
	}
	var inds []plancast.Indicator
	for i := range 9 {
		inds = append(inds, plancast.Indicator{Code: fmt.Sprintf("ind_%d", i), Name: fmt.Sprintf("Indicator %d", i), Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher})
	}
	if err := st.PutRegions(ctx, regions); err != nil {
		return "", err
	}
	if err := st.PutIndicators(ctx, inds); err != nil {
		return "", err
	}
	published := plancast.NewDate(2021, time.April, 20)
	batch := make([]plancast.Observation, 0, 400*9*28)
	for _, r := range regions {
		for i, ind := range inds {
			for y := range 28 {
				batch = append(batch, plancast.Observation{Region: r.Code, Indicator: ind.Code, Year: 1993 + y, Value: float64(100 + i + y),
					Status: plancast.StatusFinal, Period: plancast.PeriodYear, Published: published, Source: plancast.Source{Document: "bench"}})
			}
		}
	}
	_, err = st.WriteObservations(ctx, batch)
	return path, err
})

func benchPath(b *testing.B) string {
	b.Helper()
	path, err := benchStore()
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkBackup100k copies the store through a snapshot to a file, as
// plancast backup does, fsync included.
func BenchmarkBackup100k(b *testing.B) {
	st, err := bolt.Open(benchPath(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	out := filepath.Join(b.TempDir(), "copy.db")
	b.ResetTimer()
	for b.Loop() {
		sn, err := st.Snapshot(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(sn.Size())
		f, err := os.Create(out)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := sn.WriteTo(f); err != nil {
			b.Fatal(err)
		}
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		sn.Close()
	}
}

// BenchmarkPlainCopy100k is the peer: the same file copied byte for byte
// (what cp does), fsync included, with no snapshot and no consistency.
func BenchmarkPlainCopy100k(b *testing.B) {
	path := benchPath(b)
	out := filepath.Join(b.TempDir(), "copy.db")
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	for b.Loop() {
		src, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		dst, err := os.Create(out)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(dst, src); err != nil {
			b.Fatal(err)
		}
		if err := dst.Sync(); err != nil {
			b.Fatal(err)
		}
		dst.Close()
		src.Close()
	}
}

// BenchmarkCheckFile100k is the check every backup and restore runs.
func BenchmarkCheckFile100k(b *testing.B) {
	path := benchPath(b)
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	for b.Loop() {
		c, err := bolt.CheckFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if c.Figures != 400*9*28 {
			b.Fatalf("the store holds %d figures", c.Figures)
		}
	}
}
