package storetest

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// An import writes every vintage and target version at the time the archive
// says it was recorded, to the nanosecond: the only trace that a revision
// was entered after its date (a figure dated May recorded in November) is
// not lost by moving the store. An import is no push: a push is recorded
// when the store writes it, whatever it says. A vintage the archive gives
// no time is recorded when the import writes it, and the import counts it.
// A store that cannot be given recorded times (no RecordedWriter) records
// all of them at the import, and the import says so of all of them.
func testArchiveKeepsRecordedTimes(t *testing.T, open Opener) {
	from := open(t)
	a := ArchiveFixture(t, from)
	late := entered(a, time.Date(2021, time.April, 20, 9, 30, 0, 123456789, time.UTC), 29*24*time.Hour+7*time.Nanosecond)
	to := open(t)
	start := time.Now()
	res, err := plancast.ImportArchive(ctx, to, late.Open, plancast.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	got, err := plancast.ExportArchive(ctx, to)
	if err != nil {
		t.Fatal(err)
	}
	all := len(late.Observations) + len(late.Targets)
	if _, keeps := to.(plancast.RecordedWriter); !keeps {
		if res.Unrecorded != all {
			t.Errorf("the import into a store that records what it writes says %d were recorded at the import, want all %d", res.Unrecorded, all)
		}
		for i := range got.Observations {
			if r := got.Observations[i].Recorded; r.Before(start) {
				t.Errorf("vintage no. %d reads back recorded %s, before the import", i+1, r)
			}
		}
		return
	}
	if res.Unrecorded != 0 {
		t.Errorf("the import says %d were recorded at the import; the archive gives each its time", res.Unrecorded)
	}
	checkRecorded(t, late, got)
	sameReads(t, from, to)

	// Pushing again what the archive holds changes nothing; a revision is
	// recorded when it is pushed, whatever time it carries.
	revision := obs("houma", "gdp", 2021, 131.5, may2021)
	revision.Recorded = time.Date(2021, time.May, 15, 0, 0, 0, 0, time.UTC)
	pushed := time.Now()
	if res := mustWrite(t, to, revision); res.Revised != 1 {
		t.Fatalf("the revision: %+v", res)
	}
	vs, err := to.Vintages(ctx, plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear})
	if err != nil {
		t.Fatal(err)
	}
	if r := vs[len(vs)-1].Recorded; vs[len(vs)-1].Value != 131.5 || r.Before(pushed) {
		t.Errorf("the pushed revision reads back as %v recorded %s; want it recorded when it was pushed, not at the time it carried", vs[len(vs)-1].Value, r)
	}
}

// entered is a copy of a whose vintages and target versions were recorded
// at first, first+step, first+2·step, ...: a's recorded times in their
// order, each moved to its own time far from the test's clock.
func entered(a *plancast.Archive, first time.Time, step time.Duration) *plancast.Archive {
	var times []time.Time
	for _, o := range a.Observations {
		times = append(times, o.Recorded)
	}
	for _, tv := range a.Targets {
		times = append(times, tv.Recorded)
	}
	slices.SortFunc(times, time.Time.Compare)
	times = slices.CompactFunc(times, time.Time.Equal)
	at := func(r time.Time) time.Time {
		i, _ := slices.BinarySearchFunc(times, r, time.Time.Compare)
		return first.Add(time.Duration(i) * step)
	}
	return changedCopy(a, func(c *plancast.Archive) {
		for i := range c.Observations {
			c.Observations[i].Recorded = at(c.Observations[i].Recorded)
		}
		for i := range c.Targets {
			c.Targets[i].Recorded = at(c.Targets[i].Recorded)
		}
	})
}

// checkRecorded checks that the store's archive got holds each vintage and
// target version of want recorded when want says, where it says.
func checkRecorded(t *testing.T, want, got *plancast.Archive) {
	t.Helper()
	if len(got.Observations) != len(want.Observations) || len(got.Targets) != len(want.Targets) {
		t.Fatalf("the store holds %d vintages and %d target versions, the archive %d and %d",
			len(got.Observations), len(got.Targets), len(want.Observations), len(want.Targets))
	}
	for i, o := range want.Observations {
		if r := got.Observations[i].Recorded; !o.Recorded.IsZero() && !r.Equal(o.Recorded) {
			t.Errorf("vintage no. %d (%s/%s %d, published %s) reads back recorded %s; the archive says %s",
				i+1, o.Region, o.Indicator, o.Year, o.Published, r.Format(time.RFC3339Nano), o.Recorded.Format(time.RFC3339Nano))
		}
	}
	for i, tv := range want.Targets {
		if r := got.Targets[i].Recorded; !tv.Recorded.IsZero() && !r.Equal(tv.Recorded) {
			t.Errorf("target version no. %d (%s/%s %s %d, published %s) reads back recorded %s; the archive says %s",
				i+1, tv.Region, tv.Indicator, tv.Plan, tv.Year, tv.Published, r.Format(time.RFC3339Nano), tv.Recorded.Format(time.RFC3339Nano))
		}
	}
	if d := plancast.DiffArchives(want, got); d != "" {
		t.Errorf("the store reads back otherwise than the archive: %s", d)
	}
}

// An archive that gives some versions no recorded time (one made or edited
// by hand: every store records what it writes) has those recorded when the
// import writes them, and the import counts them; the others keep theirs.
func testArchiveWithoutRecordedTimes(t *testing.T, open Opener) {
	a := ArchiveFixture(t, open(t))
	// The last vintage of each figure and the last version of each target:
	// none published the same day as one after it that keeps its time.
	bare := changedCopy(a, func(c *plancast.Archive) {
		for i := range c.Observations {
			if i == len(c.Observations)-1 || c.Observations[i+1].Key() != c.Observations[i].Key() {
				c.Observations[i].Recorded = time.Time{}
			}
		}
		for i := range c.Targets {
			if i == len(c.Targets)-1 || c.Targets[i+1].Key() != c.Targets[i].Key() {
				c.Targets[i].Recorded = time.Time{}
			}
		}
	})
	unrecorded := 0
	for _, o := range bare.Observations {
		if o.Recorded.IsZero() {
			unrecorded++
		}
	}
	for _, tv := range bare.Targets {
		if tv.Recorded.IsZero() {
			unrecorded++
		}
	}
	to := open(t)
	if _, keeps := to.(plancast.RecordedWriter); !keeps {
		t.Skip("the store records every version at the import (ArchiveKeepsRecordedTimes)")
	}
	start := time.Now()
	res, err := plancast.ImportArchive(ctx, to, bare.Open, plancast.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if res.Unrecorded != unrecorded {
		t.Errorf("the import says %d were recorded at the import; the archive gives %d no time", res.Unrecorded, unrecorded)
	}
	got, err := plancast.ExportArchive(ctx, to)
	if err != nil {
		t.Fatal(err)
	}
	checkRecorded(t, bare, got) // where the archive gives a time
	for i, o := range bare.Observations {
		if r := got.Observations[i].Recorded; o.Recorded.IsZero() && r.Before(start) {
			t.Errorf("vintage no. %d, which the archive gives no time, reads back recorded %s, before the import", i+1, r)
		}
	}
	for i, tv := range bare.Targets {
		if r := got.Targets[i].Recorded; tv.Recorded.IsZero() && r.Before(start) {
			t.Errorf("target version no. %d, which the archive gives no time, reads back recorded %s, before the import", i+1, r)
		}
	}
}

// The import reads the store back and compares each version's recorded time
// with the archive's: a store that took the import's vintages or target
// versions but recorded them at another time fails the import, naming the
// version.
func testArchiveImportChecksRecordedTimes(t *testing.T, open Opener) {
	a := ArchiveFixture(t, open(t))
	for _, c := range []struct {
		name, want       string
		figures, targets bool // what the store records at its own time
	}{
		{"figures", "the store does not read back as the archive: vintage of houma/gdp (jan-nov) no. 1", true, false},
		{"targets", "the store does not read back as the archive: version of a target no. 1", false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := open(t)
			rw, ok := st.(plancast.RecordedWriter)
			if !ok {
				t.Skip("the store records every version at the import (ArchiveKeepsRecordedTimes)")
			}
			_, err := plancast.ImportArchive(ctx, forgetful{st, rw, c.figures, c.targets}, a.Open, plancast.ImportOptions{})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), `"recorded"`) {
				t.Errorf("an import into a store that records %s at its own time: %v; want %q and the recorded times", c.name, err, c.want)
			}
		})
	}
}

// forgetful is a RecordedWriter that records the figures or the targets its
// import writes at its own time, as every import did before it kept them.
type forgetful struct {
	plancast.Store
	rw               plancast.RecordedWriter
	figures, targets bool
}

// WalkVintages is the store's: a walk by SeriesSet misses a series whose
// every figure is withdrawn.
func (f forgetful) WalkVintages(ctx context.Context, fn func([]plancast.Observation) error) error {
	return plancast.WalkVintages(ctx, f.Store, fn)
}

func (f forgetful) WriteObservationsRecorded(ctx context.Context, obs []plancast.Observation) (plancast.WriteResult, error) {
	if f.figures {
		return f.Store.WriteObservations(ctx, obs)
	}
	return f.rw.WriteObservationsRecorded(ctx, obs)
}

func (f forgetful) WriteTargetsRecorded(ctx context.Context, ts []plancast.Target) (plancast.WriteResult, error) {
	if f.targets {
		return f.Store.WriteTargets(ctx, ts)
	}
	return f.rw.WriteTargetsRecorded(ctx, ts)
}

// A RecordedWriter refuses a version recorded at the same time as one the
// store holds of the same figure or target (its key in the store: it would
// replace it), and a time no store can hold; nothing of the batch is written.
func testRecordedWriterRefusals(t *testing.T, open Opener) {
	st := open(t)
	rw, ok := st.(plancast.RecordedWriter)
	if !ok {
		t.Skip("the store is no RecordedWriter")
	}
	seedCatalog(t, st)
	at := time.Date(2021, time.April, 20, 9, 30, 0, 5, time.UTC)
	first := obs("houma", "gdp", 2020, 120.8, april2021)
	first.Recorded = at
	if _, err := rw.WriteObservationsRecorded(ctx, []plancast.Observation{first}); err != nil {
		t.Fatal(err)
	}
	plan := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 250, Published: april2021, Recorded: at}
	if _, err := rw.WriteTargetsRecorded(ctx, []plancast.Target{plan}); err != nil {
		t.Fatal(err)
	}
	version := dataVersion(t, st)

	other := obs("zizhou", "gdp", 2020, 50, may2021)
	other.Recorded = at.Add(time.Hour)
	revised := first
	revised.Value, revised.Published = 121.1, may2021
	_, err := rw.WriteObservationsRecorded(ctx, []plancast.Observation{other, revised})
	wantCode(t, err, plancast.ECONFLICT)
	if msg := plancast.ErrorMessage(err); !strings.Contains(msg, "item 2: houma/gdp 2020 (year) has a vintage recorded at 2021-04-20T09:30:00.000000005Z already") {
		t.Errorf("a revision recorded at the time of the vintage it revises: %v", err)
	}
	raised := plan
	raised.Value, raised.Published = 260, may2021
	_, err = rw.WriteTargetsRecorded(ctx, []plancast.Target{raised})
	wantCode(t, err, plancast.ECONFLICT)
	if msg := plancast.ErrorMessage(err); !strings.Contains(msg, "target 1: houma/gdp 14th-fyp level 2025 has a version recorded at 2021-04-20T09:30:00.000000005Z already") {
		t.Errorf("a target version recorded at the time of the one it revises: %v", err)
	}
	revised.Recorded = time.Date(1969, time.December, 31, 0, 0, 0, 0, time.UTC)
	_, err = rw.WriteObservationsRecorded(ctx, []plancast.Observation{other, revised})
	wantCode(t, err, plancast.EINVALID)
	if msg := plancast.ErrorMessage(err); !strings.Contains(msg, "item 2: recorded 1969-12-31T00:00:00Z, which no store can hold") {
		t.Errorf("a vintage recorded before 1970: %v", err)
	}
	if v := dataVersion(t, st); v != version {
		t.Errorf("the refused writes changed the data version from %s to %s", version, v)
	}
	vs, err := st.Vintages(ctx, plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear})
	if err != nil || len(vs) != 1 || vs[0].Value != 120.8 || !vs[0].Recorded.Equal(at) {
		t.Errorf("after the refused writes houma/gdp holds %v (%v); want its one vintage, recorded %s", vs, err, at)
	}
	if _, err := st.Vintages(ctx, plancast.SeriesKey{Region: "zizhou", Indicator: "gdp", Period: plancast.PeriodYear}); plancast.ErrorCode(err) != plancast.ENOTFOUND {
		t.Errorf("the refused batches' other figure was written: %v", err)
	}
}

// sameReads checks that to answers reads as of each date of ArchiveFixture
// as from does.
func sameReads(t *testing.T, from, to plancast.Store) {
	t.Helper()
	for _, asOf := range []plancast.Date{april2021, may2021, {}} {
		for _, k := range []plancast.SeriesKey{{Region: "houma", Indicator: "gdp"}, {Region: "zizhou", Indicator: "unemployment_rate"}} {
			q := plancast.SeriesQuery{Region: k.Region, Indicator: k.Indicator, AsOf: asOf}
			x, errx := from.Series(ctx, q)
			y, erry := to.Series(ctx, q)
			if plancast.ErrorCode(errx) != plancast.ErrorCode(erry) {
				t.Errorf("%s as of %s: the rebuilt store answers %v, the first %v", k, asOf, erry, errx)
			} else if errx == nil && !maps.Equal(values(x), values(y)) {
				t.Errorf("%s as of %s: the rebuilt store reads %v, the first %v", k, asOf, values(y), values(x))
			}
		}
		f := plancast.TargetFilter{Region: "houma", AsOf: asOf}
		if x, y := TargetValues(t, from, f), TargetValues(t, to, f); !slices.Equal(x, y) {
			t.Errorf("as of %s the rebuilt store's targets are %v, the first's %v", asOf, y, x)
		}
	}
}
