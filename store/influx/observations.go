package influx

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/plancast/plancast"
)

// WriteObservations validates the whole batch, compares it with the stored
// latest vintages and writes the new and revised figures in one request.
func (s *Store) WriteObservations(ctx context.Context, obs []plancast.Observation) (plancast.WriteResult, error) {
	return s.writeObservations(ctx, obs, false)
}

// The store writes an archive's recorded times back (plancast.ImportArchive).
var _ plancast.RecordedWriter = (*Store)(nil)

// WriteObservationsRecorded is WriteObservations with each vintage recorded
// at the time it carries (plancast.RecordedWriter): for ImportArchive alone.
func (s *Store) WriteObservationsRecorded(ctx context.Context, obs []plancast.Observation) (plancast.WriteResult, error) {
	return s.writeObservations(ctx, obs, true)
}

// writeObservations writes a batch, each vintage recorded now, or with keep
// at the time it carries (plancast.RecordedAt).
func (s *Store) writeObservations(ctx context.Context, obs []plancast.Observation, keep bool) (plancast.WriteResult, error) {
	var res plancast.WriteResult
	batch, err := plancast.PrepareObservations(obs, plancast.Today())
	if err != nil {
		return res, err
	}
	if len(batch) == 0 {
		return res, nil
	}
	regions, indicators, err := s.catalogSets(ctx)
	if err != nil {
		return res, err
	}
	regionSet, indSet := map[string]bool{}, map[string]bool{}
	for i := range batch {
		o := &batch[i]
		if err := knownIn(regions, indicators, o.Region, o.Indicator); err != nil {
			return res, plancast.Errorf(plancast.EINVALID, "item %d: %s; nothing written", i+1, plancast.ErrorMessage(err))
		}
		regionSet[o.Region], indSet[o.Indicator] = true, true
	}
	// Only what the comparison needs: value, status, stated growth and the vintage.
	stored, err := s.readVintages(ctx, slices.Sorted(maps.Keys(regionSet)), slices.Sorted(maps.Keys(indSet)), "", compareFields)
	if err != nil {
		return res, err
	}
	latest := plancast.LatestByFigure(stored, plancast.Date{})
	// One vintage tag for the whole batch: a batch holds each figure once, so
	// its figures need no finer order, and a tag value per figure would make
	// every figure a series of its own (millions of series in the index).
	// An import (keep) writes the tags its vintages had: as many as the
	// store it comes from wrote.
	// It comes after every vintage of the batch's figures, even one
	// recorded ahead of this machine's clock (plancast.VintageClock.NextAfter).
	var floor time.Time
	if !keep {
		figures := make(map[plancast.FigureKey]bool, len(batch))
		for i := range batch {
			figures[batch[i].Key()] = true
		}
		for i := range stored {
			if figures[stored[i].Key()] && stored[i].Recorded.After(floor) {
				floor = stored[i].Recorded
			}
		}
	}
	recorded := s.clock.NextAfter(floor)
	var taken map[vintageAt]bool // with keep: the stored vintages' figures and times
	if keep {
		taken = make(map[vintageAt]bool, len(stored))
		for i := range stored {
			taken[vintageAt{stored[i].Key(), stored[i].Recorded.UnixNano()}] = true
		}
	}
	send := make([]*plancast.Observation, 0, len(batch))
	for i := range batch {
		o := &batch[i]
		cur, found := latest[o.Key()]
		write, err := res.TallyFigure(i+1, o, &cur, found)
		if err != nil {
			return plancast.WriteResult{}, plancast.Errorf(plancast.EINVALID, "%s; nothing written", plancast.ErrorMessage(err))
		}
		// An import (keep) writes every vintage it is given: the store it
		// comes from held each, also one the same as the vintage listed
		// before it, which a push would count unchanged (ImportArchive
		// leaves out the vintages the store holds already).
		if !write && !keep {
			continue
		}
		if o.Recorded, err = plancast.RecordedAt(keep, "item", i+1, o.Recorded, recorded); err != nil {
			return plancast.WriteResult{}, err
		}
		if keep && taken[vintageAt{o.Key(), o.Recorded.UnixNano()}] {
			// Its series is the figure's and the time's: a point would replace it.
			return plancast.WriteResult{}, plancast.VintageTaken(i+1, o)
		}
		send = append(send, o)
	}
	measurement, vintage := s.m("observation"), strconv.FormatInt(recorded.UnixNano(), 10)
	line := func(b []byte, i int) ([]byte, error) {
		o := send[i]
		if keep && !o.Recorded.Equal(recorded) {
			return appendObservation(b, measurement, o, strconv.FormatInt(o.Recorded.UnixNano(), 10))
		}
		return appendObservation(b, measurement, o, vintage)
	}
	if err := s.sendEach(ctx, "write observations", len(send), line); err != nil {
		return plancast.WriteResult{}, err
	}
	return res, nil
}

// vintageAt is a figure's vintage recorded at a time (unix nanoseconds):
// the series of its point.
type vintageAt struct {
	figure   plancast.FigureKey
	recorded int64
}

// The fields of a stated growth (plancast.Observation.Growth), on the points
// of the figures that have one: the growth in percent (float), and its base
// year (integer) when that is not the year before.
const (
	fieldGrowth     = "growth"
	fieldGrowthBase = "growth_base_year"
)

// growthOf reads a stated growth from a pivoted row: absent, none.
func growthOf(v map[string]any) (growth *float64, base int, err error) {
	switch g := v[fieldGrowth].(type) {
	case nil:
		return nil, 0, nil
	case float64:
		growth = &g
	default:
		return nil, 0, fmt.Errorf("stored observation: growth %v (%T) is not a float", g, g)
	}
	switch b := v[fieldGrowthBase].(type) {
	case nil:
	case int64:
		base = int(b)
	case uint64:
		base = int(b)
	case float64:
		base = int(b)
	default:
		return nil, 0, fmt.Errorf("stored observation: growth_base_year %v (%T) is not an integer", b, b)
	}
	return growth, base, nil
}

// withdrawnTag is the tag a withdrawal's point carries.
const withdrawnTag = "withdrawn"

// errPartial marks a row whose point is still being written: InfluxDB can
// show a query some fields of a point before the others, so a pivoted row may
// lack a field for a moment. Such a row is skipped, not reported as corrupt.
var errPartial = errors.New("point partially visible")

func decodeObservation(v map[string]any) (plancast.Observation, error) {
	for _, f := range []string{"value", "status", "published"} {
		if v[f] == nil {
			return plancast.Observation{}, errPartial
		}
	}
	t, _ := v["_time"].(time.Time)
	value, ok := v["value"].(float64)
	if !ok {
		return plancast.Observation{}, fmt.Errorf("stored observation %v has no float value", v)
	}
	published, err := plancast.ParseDate(str(v["published"]))
	if err != nil {
		return plancast.Observation{}, fmt.Errorf("stored observation: %w", err)
	}
	vintage, err := strconv.ParseInt(str(v["vintage"]), 10, 64)
	if err != nil {
		return plancast.Observation{}, fmt.Errorf("stored observation: vintage tag %q: %w", str(v["vintage"]), err)
	}
	growth, base, err := growthOf(v)
	if err != nil {
		return plancast.Observation{}, err
	}
	return plancast.Observation{
		Region: str(v["region"]), Indicator: str(v["indicator"]), Period: str(v["period"]),
		Year: t.UTC().Year(), Value: value, Status: str(v["status"]),
		Source:    plancast.Source{Document: str(v["source_document"]), Quote: str(v["source_quote"])},
		Published: published, Recorded: time.Unix(0, vintage).UTC(),
		Growth: growth, GrowthBaseYear: base,
	}, nil
}

// Series returns the latest vintage (as of q.AsOf) of every year.
func (s *Store) Series(ctx context.Context, q plancast.SeriesQuery) (*plancast.Series, error) {
	if q.Period == "" {
		q.Period = plancast.PeriodYear
	}
	vintages, err := s.readSeries(ctx, plancast.SeriesKey{Region: q.Region, Indicator: q.Indicator, Period: q.Period})
	if err != nil {
		return nil, err
	}
	return plancast.SeriesOf(q, vintages)
}

// Vintages returns every vintage of the series, by year, oldest vintage first.
func (s *Store) Vintages(ctx context.Context, k plancast.SeriesKey) ([]plancast.Observation, error) {
	if k.Period == "" {
		k.Period = plancast.PeriodYear
	}
	vintages, err := s.readSeries(ctx, k)
	if err != nil {
		return nil, err
	}
	return plancast.VintagesInOrder(k, vintages)
}

// readSeries reads every vintage of series k, whose region and indicator
// must be in the catalog.
func (s *Store) readSeries(ctx context.Context, k plancast.SeriesKey) ([]plancast.Observation, error) {
	if err := s.known(ctx, k.Region, k.Indicator); err != nil {
		return nil, err
	}
	return s.readVintages(ctx, []string{k.Region}, []string{k.Indicator}, k.Period, allFields)
}
