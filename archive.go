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
// of every figure (withdrawals too, and series whose every figure is
// withdrawn) and every version of every target. It moves a store between
// backends (the embedded store to InfluxDB when it outgrows one file) and
// keeps InfluxDB's data in a file plancast itself can read back. Access
// tokens are in it only when asked for (ExportOptions.Tokens): a move to
// another backend keeps every bureau's token, where a copy handed to others
// should not name who may push. A token is its SHA-256 hash, never a secret.
//
// This is the archive's JSON layout and its form in memory, for small
// stores and tests. Files are written with WriteArchive and read with
// ArchiveReader, a series at a time, so that neither holds a nationwide
// store in memory.
type Archive struct {
	Format       string        `json:"format"`
	Exported     time.Time     `json:"exported"`
	Regions      []Region      `json:"regions"`
	Indicators   []Indicator   `json:"indicators"`
	Observations []Observation `json:"observations"`     // by series (CompareSeriesKeys), a series' vintages as Vintages orders them
	Targets      []Target      `json:"targets"`          // by key, oldest version first
	Tokens       []Token       `json:"tokens,omitempty"` // with ExportOptions.Tokens, in SortTokens' order
}

// ArchiveStats counts what an archive holds.
type ArchiveStats struct {
	Regions, Indicators, Series, Vintages, TargetVersions, Tokens int
}

func (s ArchiveStats) String() string {
	text := fmt.Sprintf("%d regions, %d indicators, %d series, %d vintages of figures, %d versions of targets",
		s.Regions, s.Indicators, s.Series, s.Vintages, s.TargetVersions)
	switch {
	case s.Tokens == 1:
		text += ", 1 access token"
	case s.Tokens > 1:
		text += fmt.Sprintf(", %d access tokens", s.Tokens)
	}
	return text
}

// Stats counts what a holds.
func (a *Archive) Stats() ArchiveStats {
	series := map[SeriesKey]bool{}
	for i := range a.Observations {
		series[a.Observations[i].Key().SeriesKey] = true
	}
	return ArchiveStats{Regions: len(a.Regions), Indicators: len(a.Indicators), Series: len(series),
		Vintages: len(a.Observations), TargetVersions: len(a.Targets), Tokens: len(a.Tokens)}
}

// Open reads a back as ArchiveReader reads a file (for ImportArchive).
func (a *Archive) Open() (*ArchiveReader, error) {
	data, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("encode the archive: %w", err)
	}
	return NewArchiveReader(bytes.NewReader(data), nil)
}

// ExportArchive reads everything st holds into an archive in memory; for a
// store of any size, WriteArchive streams it to a file instead.
func ExportArchive(ctx context.Context, st Store) (*Archive, error) {
	a := &Archive{Format: ArchiveFormat, Exported: time.Now().UTC()}
	var err error
	if a.Regions, a.Indicators, err = exportCatalog(ctx, st); err != nil {
		return nil, err
	}
	err = WalkVintages(ctx, st, func(vs []Observation) error {
		a.Observations = append(a.Observations, vs...)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("export the figures: %w", err)
	}
	if a.Targets, err = exportTargets(ctx, st); err != nil {
		return nil, err
	}
	return a, nil
}

func exportCatalog(ctx context.Context, st Catalog) ([]Region, []Indicator, error) {
	regions, err := st.Regions(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("export the regions: %w", err)
	}
	indicators, err := st.Indicators(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("export the indicators: %w", err)
	}
	return regions, indicators, nil
}

// exportTargets reads every version of every target, ordered by key, each
// key's versions oldest first: the order ImportArchive writes them back in.
func exportTargets(ctx context.Context, st TargetStore) ([]Target, error) {
	ts, err := st.TargetVersions(ctx, TargetFilter{})
	if err != nil {
		return nil, fmt.Errorf("export the targets: %w", err)
	}
	sortTargetVersions(ts)
	return ts, nil
}

func sortTargetVersions(ts []Target) {
	slices.SortStableFunc(ts, func(x, y Target) int {
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
}

// CompareSeriesKeys orders series by region, indicator and period: the order
// of an archive and of WalkVintages.
func CompareSeriesKeys(x, y SeriesKey) int {
	return cmp.Or(cmp.Compare(x.Region, y.Region), cmp.Compare(x.Indicator, y.Indicator), cmp.Compare(x.Period, y.Period))
}

// VintageWalker is the optional read of every vintage a store holds, series
// by series, for exports: one pass in order, where a Vintages read per
// series would be a query per series (InfluxDB), and where SeriesSet, which
// lists series by the figures they serve, would miss a series whose every
// figure is withdrawn.
type VintageWalker interface {
	// WalkVintages calls fn with the vintages of every series that has any
	// (a withdrawal counts), as Vintages orders them, the series in the
	// order of CompareSeriesKeys. An error from fn stops the walk and is
	// returned. fn must not write to the store.
	WalkVintages(ctx context.Context, fn func(vintages []Observation) error) error
}

// WalkVintages walks every vintage st holds: with its WalkVintages, else with
// SeriesSet and a Vintages read per series, which cannot see a series whose
// every figure is withdrawn.
func WalkVintages(ctx context.Context, st VintageStore, fn func(vintages []Observation) error) error {
	if w, ok := st.(VintageWalker); ok {
		return w.WalkVintages(ctx, fn)
	}
	all, err := st.SeriesSet(ctx, SeriesSetQuery{Period: AllPeriods})
	if err != nil {
		return fmt.Errorf("list the series: %w", err)
	}
	keys := make([]SeriesKey, len(all))
	for i := range all {
		keys[i] = all[i].Key()
	}
	slices.SortFunc(keys, CompareSeriesKeys)
	for _, k := range keys {
		vs, err := st.Vintages(ctx, k)
		if err != nil {
			return fmt.Errorf("read the vintages of %s/%s (%s): %w", k.Region, k.Indicator, k.Period, err)
		}
		if err := fn(vs); err != nil {
			return err
		}
	}
	return nil
}

// DiffArchives says how two archives differ in what they hold, or "" when
// they hold the same: the same catalog, and the same vintages and target
// versions, recorded at the same times (where a gives one), in the same
// order; the times they were exported aside. Items compare by their JSON,
// times in UTC.
func DiffArchives(a, b *Archive) string {
	if d := diffLists("region", a.Regions, b.Regions, func(_, _ *Region) {}); d != "" {
		return d
	}
	if d := diffLists("indicator", a.Indicators, b.Indicators, func(_, _ *Indicator) {}); d != "" {
		return d
	}
	if d := diffLists("vintage of a figure", a.Observations, b.Observations, recordedAside[Observation](true)); d != "" {
		return d
	}
	return diffLists("version of a target", a.Targets, b.Targets, recordedAside[Target](true))
}

// diffLists compares two lists item by item, after clear has blanked what
// does not count in each pair (copies: the lists stay as they are).
func diffLists[T any](what string, a, b []T, clear func(x, y *T)) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d of each %s against %d", len(a), what, len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		clear(&x, &y)
		jx, errx := json.Marshal(x)
		jy, erry := json.Marshal(y)
		if errx != nil || erry != nil || !bytes.Equal(jx, jy) {
			return fmt.Sprintf("%s no. %d: %s against %s", what, i+1, jx, jy)
		}
	}
	return ""
}
