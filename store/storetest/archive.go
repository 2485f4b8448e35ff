package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// An archive of a store, imported into an empty one, rebuilds it: the same
// catalog, every vintage (revisions, withdrawals, a series whose only figure
// is withdrawn, stated growths, partial periods) and every version of every
// target, in order, so that a read as of any date answers as the first store
// did. Importing it again finds everything there and writes nothing.
func testArchive(t *testing.T, from, to plancast.Store) {
	a := ArchiveFixture(t, from)
	if got, want := a.Stats(), (plancast.ArchiveStats{Regions: 2, Indicators: 2, Series: 4, Vintages: 10, TargetVersions: 4}); got != want {
		t.Fatalf("the archive holds %v, want %v", got, want)
	}
	CheckRebuilt(t, from, to, a)

	version := dataVersion(t, to)
	res, err := plancast.ImportArchive(ctx, to, a.Open, plancast.ImportOptions{})
	if err != nil {
		t.Fatalf("a second import of the same archive: %v", err)
	}
	if res.Held != 14 || res.Written != 0 {
		t.Errorf("a second import found %d held and wrote %d; want 14 held, 0 written", res.Held, res.Written)
	}
	if v := dataVersion(t, to); v != version {
		t.Errorf("a second import changed the data version from %s to %s", version, v)
	}
}

// An import cut off halfway (the store went away after its first batch) is
// finished by running it again: the second run finds the first batch's
// vintages, writes only the rest, and the store reads back as the archive.
func testArchiveResume(t *testing.T, from, to plancast.Store) {
	a := ArchiveFixture(t, from)
	cut := &failingWrites{Store: to, after: 1}
	_, err := plancast.ImportArchive(ctx, cut.store(), a.Open, plancast.ImportOptions{Batch: 1})
	if err == nil || !strings.Contains(err.Error(), "run the same import again to finish it") {
		t.Fatalf("an import whose second write fails: %v", err)
	}
	if cut.writes != 2 {
		t.Fatalf("the import tried %d writes of figures, want 2 (the second failing)", cut.writes)
	}
	res, err := plancast.ImportArchive(ctx, to, a.Open, plancast.ImportOptions{Batch: 1})
	if err != nil {
		t.Fatalf("the import run again: %v", err)
	}
	if res.Held == 0 || res.Held+res.Written != 14 {
		t.Errorf("the second run found %d held and wrote %d; want some held and 14 in all", res.Held, res.Written)
	}
	checkReads(t, from, to)
}

// A store that holds anything but a part of the archive, and an archive that
// is damaged anywhere, are refused before anything is written.
func testArchiveRefusals(t *testing.T, open Opener) {
	a := ArchiveFixture(t, open(t))
	to := open(t)
	seedCatalog(t, to)
	mustWrite(t, to, obs("houma", "gdp", 2019, 999, april2021))
	version := dataVersion(t, to)
	_, err := plancast.ImportArchive(ctx, to, a.Open, plancast.ImportOptions{})
	wantCode(t, err, plancast.EINVALID)
	if !strings.Contains(plancast.ErrorMessage(err), "an archive is imported into an empty store, or into one that holds a part of it (as an interrupted import leaves it)") {
		t.Errorf("an import into a store holding another figure: %v", err)
	}
	if v := dataVersion(t, to); v != version {
		t.Errorf("the refused import changed the data version from %s to %s", version, v)
	}

	// The fixture's vintages, as ArchiveFixture lists them: houma/gdp
	// (jan-nov) 1, houma/gdp (year) 2–7, zizhou/gdp 8, zizhou/unemployment_rate
	// 9–10 (pushed, then withdrawn).
	last := len(a.Observations) - 1
	for _, c := range []struct {
		name, want string
		damage     func(a *plancast.Archive)
	}{
		{"a status no store knows, in the last series", `vintage 9 (zizhou/unemployment_rate (year) 2020): observation zizhou/unemployment_rate 2020: status "guessed"`, func(a *plancast.Archive) { a.Observations[last-1].Status = "guessed" }},
		{"a region not in the catalog", `region "zizhou" is not in the archive's catalog`, func(a *plancast.Archive) {
			a.Regions = slices.DeleteFunc(a.Regions, func(r plancast.Region) bool { return r.Code == "zizhou" })
		}},
		{"series out of order", `comes after`, func(a *plancast.Archive) {
			a.Observations[0], a.Observations[last] = a.Observations[last], a.Observations[0]
		}},
		{"a vintage without its date", `no published date`, func(a *plancast.Archive) { a.Observations[3].Published = plancast.Date{} }},
		{"a figure's vintages newest first", `oldest first`, func(a *plancast.Archive) {
			a.Observations[last-1], a.Observations[last] = a.Observations[last], a.Observations[last-1]
		}},
		{"a target version without its date", `has no published date`, func(a *plancast.Archive) { a.Targets[len(a.Targets)-1].Published = plancast.Date{} }},
		{"two vintages of a figure recorded at one time", `vintage 10 (zizhou/unemployment_rate (year) 2020): recorded `, func(a *plancast.Archive) {
			a.Observations[last].Recorded = a.Observations[last-1].Recorded
		}},
		{"a figure's vintages of one day out of their recorded order", `before the vintage listed ahead of it`, func(a *plancast.Archive) {
			a.Observations[last].Published = a.Observations[last-1].Published
			a.Observations[last].Recorded = a.Observations[last-1].Recorded.Add(-time.Nanosecond)
		}},
		{"a vintage recorded after one of the same day that gives no time", `published the same day, has no recorded time`, func(a *plancast.Archive) {
			a.Observations[last].Published = a.Observations[last-1].Published
			a.Observations[last-1].Recorded = time.Time{}
		}},
		{"a vintage recorded before 1970", `vintage 3 (houma/gdp (year) 2018): recorded 1969-07-20T20:17:40Z, which no store can hold`, func(a *plancast.Archive) {
			a.Observations[2].Recorded = time.Date(1969, time.July, 20, 20, 17, 40, 0, time.UTC)
		}},
		{"two versions of a target recorded at one time", `target version 2 (houma/gdp 14th-fyp level 2025): recorded `, func(a *plancast.Archive) {
			a.Targets[1].Recorded = a.Targets[0].Recorded
		}},
		{"another format", `format "plancast-archive/9"`, func(a *plancast.Archive) { a.Format = "plancast-archive/9" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			bad := changedCopy(a, c.damage)
			to := open(t)
			before := dataVersion(t, to)
			_, err := plancast.ImportArchive(ctx, to, bad.Open, plancast.ImportOptions{Batch: 1})
			wantCode(t, err, plancast.EINVALID)
			if !strings.Contains(plancast.ErrorMessage(err), c.want) {
				t.Errorf("the error %q does not say %q", plancast.ErrorMessage(err), c.want)
			}
			if v := dataVersion(t, to); v != before {
				t.Errorf("the refused import changed the data version from %s to %s", before, v)
			}
			if rs, err := to.Regions(ctx); err != nil || len(rs) != 0 {
				t.Errorf("the refused import left regions %v (%v)", rs, err)
			}
		})
	}
}

// WithoutRecorded is a copy of a without the times its vintages and target
// versions were recorded.
func WithoutRecorded(a *plancast.Archive) *plancast.Archive {
	return changedCopy(a, func(c *plancast.Archive) {
		for i := range c.Observations {
			c.Observations[i].Recorded = time.Time{}
		}
		for i := range c.Targets {
			c.Targets[i].Recorded = time.Time{}
		}
	})
}

// changedCopy is a copy of a with change applied to it; a stays as it was.
func changedCopy(a *plancast.Archive, change func(*plancast.Archive)) *plancast.Archive {
	c := *a
	c.Regions = slices.Clone(a.Regions)
	c.Observations = slices.Clone(a.Observations)
	c.Targets = slices.Clone(a.Targets)
	change(&c)
	return &c
}

// failingWrites is a store whose writes of figures fail with EUNAVAILABLE
// after the first `after`, as when the backend goes away mid-import.
type failingWrites struct {
	plancast.Store
	after, writes int
}

func (f *failingWrites) WriteObservations(ctx context.Context, obs []plancast.Observation) (plancast.WriteResult, error) {
	if err := f.fail(); err != nil {
		return plancast.WriteResult{}, err
	}
	return f.Store.WriteObservations(ctx, obs)
}

func (f *failingWrites) fail() error {
	if f.writes++; f.writes > f.after {
		return plancast.Errorf(plancast.EUNAVAILABLE, "the store went away")
	}
	return nil
}

// store is f as the import sees it: a RecordedWriter when the store it
// wraps is one, so that the import writes through f as it would write to
// that store.
func (f *failingWrites) store() plancast.Store {
	if rw, ok := f.Store.(plancast.RecordedWriter); ok {
		return failingRecordedWrites{f, rw}
	}
	return f
}

// failingRecordedWrites is failingWrites over a RecordedWriter.
type failingRecordedWrites struct {
	*failingWrites
	rw plancast.RecordedWriter
}

func (f failingRecordedWrites) WriteObservationsRecorded(ctx context.Context, obs []plancast.Observation) (plancast.WriteResult, error) {
	if err := f.fail(); err != nil {
		return plancast.WriteResult{}, err
	}
	return f.rw.WriteObservationsRecorded(ctx, obs)
}

func (f failingRecordedWrites) WriteTargetsRecorded(ctx context.Context, ts []plancast.Target) (plancast.WriteResult, error) {
	return f.rw.WriteTargetsRecorded(ctx, ts)
}

func dataVersion(t *testing.T, st plancast.Store) string {
	t.Helper()
	v, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// ArchiveFixture fills an empty store with what an archive must carry
// (stated growths, a partial period, a revision, a withdrawal, a series
// whose only figure is withdrawn, a raised and a withdrawn target) and
// returns its archive.
func ArchiveFixture(t *testing.T, from plancast.Store) *plancast.Archive {
	t.Helper()
	seedCatalog(t, from)
	mustWrite(t, from, statedFigures(april2021)...)
	mustWrite(t, from, obs("zizhou", "unemployment_rate", 2020, 3.1, april2021))
	mustWrite(t, from, obs("houma", "gdp", 2020, 121.1, may2021), withdrawal("houma", "gdp", 2018, may2021), obs("houma", "gdp", 2021, 131, may2021),
		withdrawal("zizhou", "unemployment_rate", 2020, may2021))
	plan := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 250, Published: april2021}
	wrong := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2022, Value: 8, Published: april2021}
	if _, err := from.WriteTargets(ctx, []plancast.Target{plan, wrong}); err != nil {
		t.Fatal(err)
	}
	raised, gone := plan, wrong
	raised.Value, raised.Published = 260, may2021
	gone.Withdrawn, gone.Published = true, may2021
	if _, err := from.WriteTargets(ctx, []plancast.Target{raised, gone}); err != nil {
		t.Fatal(err)
	}

	a, err := plancast.ExportArchive(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// CheckRebuilt imports a, the archive of from, into the empty store to and
// checks that to now holds what from does: its own archive is the same, and
// reads as of each date of the fixture answer the same.
func CheckRebuilt(t *testing.T, from, to plancast.Store, a *plancast.Archive) {
	t.Helper()
	res, err := plancast.ImportArchive(ctx, to, a.Open, plancast.ImportOptions{})
	if err != nil {
		t.Fatalf("import into an empty store: %v", err)
	}
	want := a.Stats()
	if res.Archive != want || res.Held != 0 || res.Written != want.Vintages+want.TargetVersions {
		t.Errorf("the import says %+v; want the archive's %+v, nothing held, all written", res, want)
	}
	if _, keeps := to.(plancast.RecordedWriter); keeps && res.Unrecorded != 0 {
		t.Errorf("the import says %d were recorded at the import; the archive gives each its time", res.Unrecorded)
	}
	checkReads(t, from, to)
}

// checkReads checks that to holds what from does: the same archive, each
// vintage and target version recorded when it was in from (when to is a
// RecordedWriter: else the import recorded them when it wrote them), and
// the same reads as of each date of ArchiveFixture, the series whose only
// figure was withdrawn too.
func checkReads(t *testing.T, from, to plancast.Store) {
	t.Helper()
	a, err := plancast.ExportArchive(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	again, err := plancast.ExportArchive(ctx, to)
	if err != nil {
		t.Fatal(err)
	}
	if d := diffAsImported(to, a, again); d != "" {
		t.Fatalf("the rebuilt store exports differently: %s", d)
	}
	sameReads(t, from, to)
	vs, err := to.Vintages(ctx, plancast.SeriesKey{Region: "zizhou", Indicator: "unemployment_rate", Period: plancast.PeriodYear})
	if err != nil || len(vs) != 2 || !vs[1].Withdrawn() {
		t.Errorf("the series whose only figure was withdrawn: %v (%v), want its figure and the withdrawal", vs, err)
	}
}
