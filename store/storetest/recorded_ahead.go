package storetest

import (
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// testRecordedAheadOfTheClock: a version recorded ahead of this machine's
// clock (imported from a machine whose clock ran a year ahead) does not
// outrank what is pushed after it. A same-day correction of the figure and
// a new value of the target are read back as current, recorded after it.
func testRecordedAheadOfTheClock(t *testing.T, st plancast.Store, rw plancast.RecordedWriter) {
	seedCatalog(t, st)
	ahead := time.Now().UTC().AddDate(1, 0, 0).Truncate(time.Second)

	imported := obs("houma", "gdp", 2020, 120.8, april2021)
	imported.Recorded = ahead
	if _, err := rw.WriteObservationsRecorded(ctx, []plancast.Observation{imported}); err != nil {
		t.Fatalf("writing the vintage recorded ahead: %v", err)
	}
	target := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel,
		BaseYear: 2020, Year: 2025, Value: 250, Published: april2021, Recorded: ahead}
	if _, err := rw.WriteTargetsRecorded(ctx, []plancast.Target{target}); err != nil {
		t.Fatalf("writing the target version recorded ahead: %v", err)
	}

	correction := obs("houma", "gdp", 2020, 121.5, april2021)
	if res := mustWrite(t, st, correction); res.Revised != 1 {
		t.Fatalf("the same-day correction: %+v; want 1 revised", res)
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Observations) != 1 || s.Observations[0].Value != 121.5 {
		t.Errorf("2020 reads %+v after the correction was pushed; want 121.5, not the vintage recorded ahead of the clock", s.Observations)
	}
	vs, err := st.Vintages(ctx, plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(vs); n != 2 || !vs[1].Recorded.After(ahead) {
		t.Errorf("vintages %+v; want the correction second, recorded after %s", vs, ahead)
	}

	restated := target
	restated.Value, restated.Recorded = 260, time.Time{}
	if res, err := st.WriteTargets(ctx, []plancast.Target{restated}); err != nil || res.Revised != 1 {
		t.Fatalf("the restated target: %+v, %v; want 1 revised", res, err)
	}
	ts, err := st.Targets(ctx, plancast.TargetFilter{Region: "houma", Indicator: "gdp"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 1 || ts[0].Value != 260 || !ts[0].Recorded.After(ahead) {
		t.Errorf("targets in force %+v; want the restated 260, recorded after %s", ts, ahead)
	}
}

// isRecordedWriter tells whether st writes versions at the recorded times
// they carry (an import's store); only such a store can hold one recorded
// ahead of its clock.
func isRecordedWriter(st plancast.Store) bool {
	_, ok := st.(plancast.RecordedWriter)
	return ok
}
