package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
	"github.com/plancast/plancast/seed"
	"github.com/plancast/plancast/store/bolt"
)

func init() {
	register(&command{name: "seed", summary: "load the demo dataset (figures and targets of the reference reports)", run: runSeed})
}

func runSeed(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("seed", "[flags]",
		"Loads the figures and targets read from the reference government reports (seed/seed.json)\n"+
			"into the configured store. Figures and targets already there are left unchanged, revised\n"+
			"ones too: the dataset's row of a figure or target revised since restates the vintage or\n"+
			"version of its date, and a note says so; \"plancast serve\" does this by itself on the\n"+
			"first start of an embedded store.", stderr)
	var sf storeFlags
	sf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := sf.open(ctx, "stop it first, or restart it with serve --reseed")
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := loadSeed(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "seeded %s: %s\n", sf.describe(), res)
	for _, n := range res.Notes {
		fmt.Fprintf(stdout, "note: %s\n", n)
	}
	return nil
}

// loadSeed loads the dataset as a push of its catalog, figures and targets
// (ingest.Apply) and, on the embedded store, records that it did, so that
// serve does not load it again.
//
// Through Apply, a seed row dated before a stored revision of its figure or
// target is held to the vintage or version in force on its date, as an old
// document committed again is (ingest/restated.go): restating it, the row
// counts unchanged and is not written. Written straight to the store
// (seed.Load), which compares a row with the newest version only, every
// seed after Houma's 2020 GDP was revised (or its 2025 target lowered)
// counted "1 revised" and stored one more copy of the 2021-04-20 vintage.
//
// Jumps are not judged (AcceptJumps), as they never were for the seed: its
// figures are the reports' own, checked by its tests, and a store whose
// figures of a seeded series are in another scale should not keep serve
// --reseed from starting.
func loadSeed(ctx context.Context, st plancast.Store) (seed.Result, error) {
	var res seed.Result
	b, err := seed.Bundle()
	if err != nil {
		return res, err
	}
	batch := &ingest.Batch{Files: []string{"seed.json"}, Regions: b.Regions, Indicators: b.Indicators,
		Observations: b.Observations, Targets: b.Targets}
	rep, err := ingest.Apply(ctx, st, batch, ingest.ApplyOptions{AcceptJumps: true})
	if err != nil {
		return res, fmt.Errorf("load the demo dataset (seed/seed.json): %w", err)
	}
	res = seed.Result{Regions: rep.Regions, Indicators: rep.Indicators, Targets: rep.Targets, Notes: rep.Notes,
		Observations: plancast.WriteResult{New: rep.New, Revised: rep.Revised, History: rep.History, Unchanged: rep.Unchanged, Withdrawn: rep.Withdrawn, Queued: rep.Queued}}
	if b, ok := st.(*bolt.Store); ok {
		if err := b.MarkSeeded(time.Now()); err != nil {
			return res, err
		}
	}
	return res, nil
}

// seedOnFirstStart loads the dataset into an embedded store that never had
// it and holds no region of its own: a store that plancast ingest or import
// filled before the first start keeps only its own data. It reports whether
// it loaded, and why not when it did not.
func seedOnFirstStart(ctx context.Context, st plancast.Store) (loaded bool, res seed.Result, whyNot string, err error) {
	b, ok := st.(*bolt.Store)
	if !ok {
		return false, res, "", nil
	}
	when, err := b.Seeded()
	if err != nil || !when.IsZero() {
		return false, res, "", err
	}
	regions, err := st.Regions(ctx)
	if err != nil {
		return false, res, "", fmt.Errorf("look for data of the store's own: %w", err)
	}
	if len(regions) > 0 {
		if err := b.MarkSeeded(time.Now()); err != nil { // decided once: not at every start
			return false, res, "", err
		}
		return false, res, fmt.Sprintf("the store holds %d regions of its own; serve --reseed loads the demo dataset anyway", len(regions)), nil
	}
	res, err = loadSeed(ctx, st)
	return err == nil, res, "", err
}
