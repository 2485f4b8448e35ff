package spool_test

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

func gdpTarget(value float64, published plancast.Date) plancast.Target {
	return plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel,
		BaseYear: 2020, Year: 2025, Value: value, Published: published}
}

// While InfluxDB is down the stored target versions cannot be read. A
// target dated in the past could restate a version replaced since (the 2021
// report committed again after the review), which is not checked: the push
// is queued, and one note says what was left unchecked. A target stated
// today is a new decision and needs no stored version: its push carries no
// such note.
func TestWhileTheBackendIsDownOldTargetsAreQueuedWithANote(t *testing.T) {
	sp, proxy, _ := behindProxy(t)
	catalog(t, sp)
	report := plancast.NewDate(2021, 4, 20)
	if _, err := sp.WriteTargets(ctx, []plancast.Target{gdpTarget(250, report)}); err != nil {
		t.Fatal(err)
	}
	proxy.Down()

	rep, err := ingest.Apply(ctx, sp, &ingest.Batch{Targets: []plancast.Target{gdpTarget(250, report)}}, ingest.ApplyOptions{})
	if err != nil || rep.Targets.Queued != 1 {
		t.Fatalf("the 2021 target again while down: %v, %+v; want it queued", err, rep)
	}
	want := "the stored targets could not be read ("
	unchecked := "), so the rows dated before a stored version were not checked for restating it"
	if len(rep.Notes) != 1 || !strings.HasPrefix(rep.Notes[0], want) || !strings.HasSuffix(rep.Notes[0], unchecked) {
		t.Errorf("notes %q; want one: %q…%q", rep.Notes, want, unchecked)
	}

	rep, err = ingest.Apply(ctx, sp, &ingest.Batch{Targets: []plancast.Target{gdpTarget(230, plancast.Date{})}}, ingest.ApplyOptions{})
	if err != nil || rep.Targets.Queued != 1 || len(rep.Notes) != 0 {
		t.Errorf("a target stated today while down: %v, %+v, notes %q; want it queued without a note", err, rep, rep.Notes)
	}

	proxy.Up()
	waitDrained(t, sp)
	ts, err := sp.Targets(ctx, plancast.TargetFilter{Region: "houma", Indicator: "gdp"})
	if err != nil || len(ts) != 1 || ts[0].Value != 230 {
		t.Errorf("in force once replayed: %+v, %v; want 230, stated today", ts, err)
	}
}
