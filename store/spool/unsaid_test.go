package spool_test

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

// A wide table pushed again with the stored values keeps the stored status
// and stated growth, on InfluxDB, which reads the latest values of the
// push's years in a time range before the vintages of the series that have
// something to give (a spool in front: what plancast serve runs). While the
// backend is down, the rows take nothing, and the report says so.
func TestAWideTableOfTheStoredValuesKeepsTheStatedGrowthOnInfluxDB(t *testing.T) {
	sp, proxy, _ := behindProxy(t)
	catalog(t, sp)
	stated := gdp(2021, 131.2, plancast.NewDate(2022, 3, 1))
	growth := 8.1
	stated.Growth, stated.Status = &growth, plancast.StatusPreliminary
	if _, err := sp.WriteObservations(ctx, []plancast.Observation{stated}); err != nil {
		t.Fatal(err)
	}
	push := func() *ingest.Report {
		t.Helper()
		regions, _ := sp.Regions(ctx)
		indicators, _ := sp.Indicators(ctx)
		b, err := ingest.Parse("g.csv", "", strings.NewReader("indicator,2021\ngdp,131.2\n"), ingest.Catalog{Regions: regions, Indicators: indicators}, ingest.Options{Region: "houma"})
		if err != nil || len(b.Problems) > 0 {
			t.Fatalf("parse: %v %v", err, b.Problems)
		}
		rep, err := ingest.Apply(ctx, sp, b, ingest.ApplyOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := push(); rep.Unchanged != 1 || rep.Revised+rep.New+rep.Queued != 0 || len(rep.Notes) != 0 {
		t.Errorf("the wide table again: %+v, want 1 unchanged", rep)
	}
	s, err := sp.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil || len(s.Observations) != 1 || s.Observations[0].Growth == nil || *s.Observations[0].Growth != 8.1 || s.Observations[0].Status != plancast.StatusPreliminary {
		t.Errorf("served: %+v, %v; want 131.2 preliminary, +8.1%%", s, err)
	}

	proxy.Down()
	rep := push()
	// (Its second note says that the row, without a published date, is
	// dated the day of the push if it is written.)
	if rep.Queued != 1 || len(rep.Notes) != 2 || !strings.Contains(rep.Notes[0], "the rows without a status or growth column (or key) did not take the stored figure's") {
		t.Errorf("while down: %+v, want it queued with a note saying the rows took nothing", rep)
	}
	proxy.Up()
	waitDrained(t, sp)
}
