package spool_test

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

// While InfluxDB is down the stored figures cannot be read, so a push's jumps
// are judged between its own figures only: a push the spool can keep is not
// refused for a check that needs the backend, and the report says, once,
// what was not checked. A jump inside the batch is still refused.
func TestWhileTheBackendIsDownJumpsAreJudgedWithinTheBatch(t *testing.T) {
	sp, proxy, _ := behindProxy(t)
	catalog(t, sp)
	if _, err := sp.WriteObservations(ctx, []plancast.Observation{gdp(2020, 120.8, plancast.NewDate(2021, 4, 20))}); err != nil {
		t.Fatal(err)
	}
	proxy.Down()
	published := plancast.NewDate(2022, 4, 20)

	slip := &ingest.Batch{Observations: []plancast.Observation{gdp(2021, 131.1, published), gdp(2022, 1421, published)}}
	rep, err := ingest.Apply(ctx, sp, slip, ingest.ApplyOptions{})
	if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 ||
		!strings.Contains(rep.Problems[0].Message, "houma gdp 2022: 1421 is 10.8 times the 2021 figure 131.1") {
		t.Fatalf("a slip inside the batch while down: %v, %+v; want it refused", err, rep)
	}

	// 2021 at ten times the stored 2020: not seen while the store is down.
	unseen := &ingest.Batch{Observations: []plancast.Observation{gdp(2021, 1311, published)}}
	rep, err = ingest.Apply(ctx, sp, unseen, ingest.ApplyOptions{})
	if err != nil || rep.Queued != 1 {
		t.Fatalf("a push while down: %v, %+v; want it queued", err, rep)
	}
	// One note says the store could not be read, and all it left
	// unchecked: the jumps, and whether the figure (dated 2022, before
	// today) restates a vintage stored since.
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "), so jumps were judged between the batch's own figures only, and the rows dated before a stored version were not checked for restating it") {
		t.Errorf("notes %q; want one saying the stored figures were not compared, for jumps or restatements", rep.Notes)
	}
	var text strings.Builder
	if err := rep.WriteText(&text); err != nil || !strings.Contains(text.String(), "\nnote: the stored figures could not be read (") {
		t.Errorf("report text %q, %v; want the note on a line of its own", text.String(), err)
	}

	proxy.Up()
	waitDrained(t, sp)
	rep, err = ingest.Apply(ctx, sp, &ingest.Batch{Observations: []plancast.Observation{gdp(2022, 1421, published)}}, ingest.ApplyOptions{})
	if err != nil || len(rep.Notes) != 0 || rep.New != 1 {
		t.Errorf("2022 beside the queued 2021 once the store is back: %v, %+v; want it written without a note", err, rep)
	}
}
