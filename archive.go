package plancast

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// ArchiveFormat names the layout of an Archive; ImportArchive reads no other.
const ArchiveFormat = "plancast-archive/1"

// Archive is everything a store holds that another store can be rebuilt
// from, in a form every backend reads and writes: the catalog, every vintage
// of every figure (withdrawals too) and every version of every target. It
// moves a store between backends (the embedded store to InfluxDB when it
// outgrows one file) and keeps InfluxDB's data in a file plancast itself can
// read back. Tokens are left out: they are the secrets of the server they
// were made for.
//
// A series whose every figure was withdrawn is not in it: stores list series
// by their figures served (SeriesSet), and such a series serves none.
type Archive struct {
	Format       string        `json:"format"`
	Exported     time.Time     `json:"exported"`
	Regions      []Region      `json:"regions"`
	Indicators   []Indicator   `json:"indicators"`
	Observations []Observation `json:"observations"` // by series, then year, oldest vintage first
	Targets      []Target      `json:"targets"`      // by key, oldest version first
}

// ArchiveStats counts what an archive holds.
type ArchiveStats struct {
	Regions, Indicators, Series, Vintages, TargetVersions int
}

func (s ArchiveStats) String() string {
	return fmt.Sprintf("%d regions, %d indicators, %d series, %d vintages of figures, %d versions of targets",
		s.Regions, s.Indicators, s.Series, s.Vintages, s.TargetVersions)
}

// Stats counts what a holds.
func (a *Archive) Stats() ArchiveStats {
	series := map[SeriesKey]bool{}
	for i := range a.Observations {
		series[a.Observations[i].Key().SeriesKey] = true
	}
	return ArchiveStats{Regions: len(a.Regions), Indicators: len(a.Indicators), Series: len(series),
		Vintages: len(a.Observations), TargetVersions: len(a.Targets)}
}

// ExportArchive reads everything st holds into an archive. progress, when
// not nil, is told after each series how many of how many are read.
func ExportArchive(ctx context.Context, st Store, progress func(done, total int)) (*Archive, error) {
	a := &Archive{Format: ArchiveFormat, Exported: time.Now().UTC()}
	var err error
	if a.Regions, err = st.Regions(ctx); err != nil {
		return nil, fmt.Errorf("export the regions: %w", err)
	}
	if a.Indicators, err = st.Indicators(ctx); err != nil {
		return nil, fmt.Errorf("export the indicators: %w", err)
	}
	all, err := st.SeriesSet(ctx, SeriesSetQuery{Period: AllPeriods})
	if err != nil {
		return nil, fmt.Errorf("list the series: %w", err)
	}
	keys := make([]SeriesKey, len(all))
	for i, s := range all {
		keys[i] = SeriesKey{Region: s.Region, Indicator: s.Indicator, Period: s.Period}
	}
	slices.SortFunc(keys, compareSeriesKeys)
	for i, k := range keys {
		vs, err := st.Vintages(ctx, k)
		if err != nil {
			return nil, fmt.Errorf("export the vintages of %s/%s (%s): %w", k.Region, k.Indicator, k.Period, err)
		}
		a.Observations = append(a.Observations, vs...)
		if progress != nil {
			progress(i+1, len(keys))
		}
	}
	if a.Targets, err = st.TargetVersions(ctx, TargetFilter{}); err != nil {
		return nil, fmt.Errorf("export the targets: %w", err)
	}
	slices.SortStableFunc(a.Targets, func(x, y Target) int {
		if x.Key() != y.Key() {
			if targetLess(&x, &y) {
				return -1
			}
			return 1
		}
		if NewerTarget(&y, &x) {
			return -1
		}
		if NewerTarget(&x, &y) {
			return 1
		}
		return 0
	})
	return a, nil
}

func compareSeriesKeys(x, y SeriesKey) int {
	return cmp.Or(cmp.Compare(x.Region, y.Region), cmp.Compare(x.Indicator, y.Indicator), cmp.Compare(x.Period, y.Period))
}

// ImportArchive writes an archive into st, which must hold no figures or
// targets yet: the catalog, then the figures' vintages and the targets'
// versions in the order they were recorded, a batch per generation (every
// figure's first vintage, then every second one, ...), so that each figure's
// vintages keep their order and their published dates, and a read as of any
// date answers as the archived store did.
func ImportArchive(ctx context.Context, st Store, a *Archive) error {
	if a.Format != ArchiveFormat {
		return Errorf(EINVALID, "not a plancast archive: format %q, want %q", a.Format, ArchiveFormat)
	}
	held, err := st.SeriesSet(ctx, SeriesSetQuery{Period: AllPeriods})
	if err != nil {
		return fmt.Errorf("check that the store is empty: %w", err)
	}
	targets, err := st.TargetVersions(ctx, TargetFilter{})
	if err != nil {
		return fmt.Errorf("check that the store is empty: %w", err)
	}
	if len(held) > 0 || len(targets) > 0 {
		return Errorf(EINVALID, "the store already holds %d series and %d versions of targets: an archive is imported into an empty store only", len(held), len(targets))
	}
	if err := st.PutRegions(ctx, a.Regions); err != nil {
		return fmt.Errorf("import the regions: %w", err)
	}
	if err := st.PutIndicators(ctx, a.Indicators); err != nil {
		return fmt.Errorf("import the indicators: %w", err)
	}
	for g, batch := range generations(a.Observations, func(o *Observation) FigureKey { return o.Key() }) {
		for i := range batch {
			batch[i].Recorded = time.Time{}
		}
		if _, err := st.WriteObservations(ctx, batch); err != nil {
			return fmt.Errorf("import the figures' vintages no. %d: %w", g+1, err)
		}
	}
	for g, batch := range generations(a.Targets, func(t *Target) TargetKey { return t.Key() }) {
		for i := range batch {
			batch[i].Recorded = time.Time{}
		}
		if _, err := st.WriteTargets(ctx, batch); err != nil {
			return fmt.Errorf("import the targets' versions no. %d: %w", g+1, err)
		}
	}
	return nil
}

// generations splits items, each item's versions in order, into batches: the
// first version of every key, then the second, and so on.
func generations[T any, K comparable](items []T, key func(*T) K) [][]T {
	seen := map[K]int{}
	var out [][]T
	for i := range items {
		k := key(&items[i])
		g := seen[k]
		seen[k] = g + 1
		if g == len(out) {
			out = append(out, nil)
		}
		out[g] = append(out[g], items[i])
	}
	return out
}

// DiffArchives says how two archives differ in what they hold, or "" when
// they hold the same: the same catalog, and the same vintages and target
// versions in the same order, the times they were recorded and exported
// aside (a store sets those when it writes). Items compare by their JSON.
func DiffArchives(a, b *Archive) string {
	if d := diffLists("region", a.Regions, b.Regions, func(*Region) {}); d != "" {
		return d
	}
	if d := diffLists("indicator", a.Indicators, b.Indicators, func(*Indicator) {}); d != "" {
		return d
	}
	if d := diffLists("vintage of a figure", a.Observations, b.Observations, func(o *Observation) { o.Recorded = time.Time{} }); d != "" {
		return d
	}
	return diffLists("version of a target", a.Targets, b.Targets, func(t *Target) { t.Recorded = time.Time{} })
}

// diffLists compares two lists item by item, after clear has blanked what
// does not count.
func diffLists[T any](what string, a, b []T, clear func(*T)) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d of each %s against %d", len(a), what, len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		clear(&x)
		clear(&y)
		jx, errx := json.Marshal(x)
		jy, erry := json.Marshal(y)
		if errx != nil || erry != nil || !bytes.Equal(jx, jy) {
			return fmt.Sprintf("%s no. %d: %s against %s", what, i+1, jx, jy)
		}
	}
	return ""
}
