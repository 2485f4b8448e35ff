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
// today is a new decision that restates no stored version; only the checks
// beside the version it replaces (a slip of units, a fraction) and beside
// the latest figure went without the store, and its notes say so.
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
	// Three things went unchecked, each said once: whether the row
	// restates a stored version, and its check beside the version it
	// replaces (the stored targets unread), and (the stored figures unread
	// too) the level target's check for a slip of units beside the latest
	// figure.
	want := "the stored targets could not be read ("
	beside := "the targets were not judged beside the versions they replace"
	unchecked := "), so the rows dated before a stored version were not checked for restating it, and " + beside
	figures, slipsUnchecked := "the stored figures could not be read (", "), so level targets were judged beside the batch's own figures only"
	if len(rep.Notes) != 2 || !strings.HasPrefix(rep.Notes[0], want) || !strings.HasSuffix(rep.Notes[0], unchecked) ||
		!strings.HasPrefix(rep.Notes[1], figures) || !strings.HasSuffix(rep.Notes[1], slipsUnchecked) {
		t.Errorf("notes %q; want two: %q…%q and %q…%q", rep.Notes, want, unchecked, figures, slipsUnchecked)
	}

	// A target stated today restates nothing stored; only the slip checks
	// are said to have gone without the stored figures and versions.
	rep, err = ingest.Apply(ctx, sp, &ingest.Batch{Targets: []plancast.Target{gdpTarget(230, plancast.Date{})}}, ingest.ApplyOptions{})
	if err != nil || rep.Targets.Queued != 1 || len(rep.Notes) != 2 || !strings.HasPrefix(rep.Notes[0], figures) || !strings.HasSuffix(rep.Notes[0], slipsUnchecked) ||
		!strings.HasPrefix(rep.Notes[1], want) || !strings.HasSuffix(rep.Notes[1], "), so "+beside) {
		t.Errorf("a target stated today while down: %v, %+v, notes %q; want it queued with the notes %q…%q and %q…%q", err, rep, rep.Notes, figures, slipsUnchecked, want, "), so "+beside)
	}

	proxy.Up()
	waitDrained(t, sp)
	ts, err := sp.Targets(ctx, plancast.TargetFilter{Region: "houma", Indicator: "gdp"})
	if err != nil || len(ts) != 1 || ts[0].Value != 230 {
		t.Errorf("in force once replayed: %+v, %v; want 230, stated today", ts, err)
	}
}

// A push of figures and a level target while InfluxDB is down says once that
// the stored figures could not be read, naming both checks that went
// without them: the jumps and the target's slip of units.
func TestWhileTheBackendIsDownFiguresAndTargetsGetOneNote(t *testing.T) {
	sp, proxy, _ := behindProxy(t)
	catalog(t, sp)
	proxy.Down()
	rep, err := ingest.Apply(ctx, sp, &ingest.Batch{
		Observations: []plancast.Observation{gdp(2021, 131.2, plancast.Date{})},
		Targets:      []plancast.Target{gdpTarget(250, plancast.Date{})},
	}, ingest.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var figures []string
	for _, n := range rep.Notes {
		if strings.HasPrefix(n, "the stored figures could not be read (") {
			figures = append(figures, n)
		}
	}
	if len(figures) != 1 || !strings.Contains(figures[0], "jumps were judged between the batch's own figures only") ||
		!strings.Contains(figures[0], "level targets were judged beside the batch's own figures only") {
		t.Errorf("notes %q; want one on the stored figures, naming the jumps and the level targets", rep.Notes)
	}
}
