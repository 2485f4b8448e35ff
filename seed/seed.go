// Package seed carries plancast's demo dataset: the figures and targets read
// from the reference government reports (shared/reports), with the source
// document and sentence of each, in seed.json. The embedded store loads it on
// first start; "plancast seed" loads it again into any store.
package seed

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/plancast/plancast"
)

//go:embed seed.json
var data []byte

// Bundle returns a fresh copy of the dataset.
func Bundle() (*plancast.Bundle, error) {
	var b plancast.Bundle
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("decode seed.json: %w", err)
	}
	return &b, nil
}

// Indicators returns the demo catalog's indicators, the ones plancast seed
// adds: the one list ingest tells them by in a store that lacks them
// ("add it with plancast seed").
func Indicators() ([]plancast.Indicator, error) {
	b, err := Bundle()
	if err != nil {
		return nil, err
	}
	return b.Indicators, nil
}

// Result counts what a load wrote.
type Result struct {
	Regions, Indicators int
	Observations        plancast.WriteResult
	Targets             plancast.WriteResult
	// Notes say what a load through ingest.Apply left out and why (the rows
	// restating a vintage or version revised since); Load leaves them empty.
	Notes []string
}

func (r Result) String() string {
	return fmt.Sprintf("%d regions, %d indicators, observations %d new / %d revised / %d unchanged, targets %d new / %d revised / %d unchanged",
		r.Regions, r.Indicators, r.Observations.New, r.Observations.Revised, r.Observations.Unchanged,
		r.Targets.New, r.Targets.Revised, r.Targets.Unchanged)
}

// Load writes the dataset straight into st: catalog first, then figures
// and targets. Loading twice changes nothing the second time (every figure
// is unchanged), as long as nothing of the dataset was revised in between.
//
// The store compares each figure and target with its newest version only,
// so onto a store where a seeded figure or target was revised since (Houma's
// 2020 GDP made 124.2 on 2022-03-01), the seed's row dated 2021-04-20 is
// not the newest and Load writes it again, as one more old vintage at each
// load. Load is for a store that holds nothing revised since the seed (a
// fresh one, as the tests use); plancast seed and serve load through
// ingest.Apply, which counts such a row unchanged and leaves it out
// (cmd/plancast loadSeed). This package cannot call ingest itself: ingest's
// own tests import it.
func Load(ctx context.Context, st plancast.Store) (Result, error) {
	var res Result
	b, err := Bundle()
	if err != nil {
		return res, err
	}
	if err := st.PutRegions(ctx, b.Regions); err != nil {
		return res, fmt.Errorf("seed regions: %w", err)
	}
	if err := st.PutIndicators(ctx, b.Indicators); err != nil {
		return res, fmt.Errorf("seed indicators: %w", err)
	}
	res.Regions, res.Indicators = len(b.Regions), len(b.Indicators)
	if res.Observations, err = st.WriteObservations(ctx, b.Observations); err != nil {
		return res, fmt.Errorf("seed observations: %w", err)
	}
	if res.Targets, err = st.WriteTargets(ctx, b.Targets); err != nil {
		return res, fmt.Errorf("seed targets: %w", err)
	}
	return res, nil
}
