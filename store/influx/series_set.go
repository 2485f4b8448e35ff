package influx

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/plancast/plancast"
)

// Bulk reads name their regions (and indicators) in the Flux filter as a
// chain of equalities, regionsPerQuery regions per query, readWorkers queries
// at once. InfluxDB pushes such a predicate down to its index, so a query
// touches only the series it names; one query over the whole measurement
// would read millions of points in one request and outlast the timeout, and
// a query per region pays Flux's fixed cost per query thousands of times.
const (
	regionsPerQuery = 50
	readWorkers     = 4
	// maxIndicatorFilter: longer indicator lists are filtered here, not in Flux.
	maxIndicatorFilter = 64
)

// fieldSet says which fields of an observation a read needs.
type fieldSet int

const (
	allFields     fieldSet = iota // the whole observation, sources included
	compareFields                 // value, status and published: enough to compare figures and order vintages
)

// SeriesSet reads the matching series and keeps the latest vintages.
func (s *Store) SeriesSet(ctx context.Context, q plancast.SeriesSetQuery) ([]plancast.Series, error) {
	period := q.Period
	if period == "" {
		period = plancast.PeriodYear
	}
	vintages, err := s.readVintages(ctx, q.Regions, q.Indicators, period, allFields)
	if err != nil {
		return nil, err
	}
	return plancast.LatestVintages(vintages, plancast.Date{}), nil
}

// readVintages reads every vintage of the given regions' series (all regions
// when none are named) for the given indicators (all when none) and period
// (all when empty), in region chunks read concurrently.
func (s *Store) readVintages(ctx context.Context, regions, indicators []string, period string, fields fieldSet) ([]plancast.Observation, error) {
	var out []plancast.Observation
	var mu sync.Mutex
	err := s.eachChunk(ctx, regions, func(ctx context.Context, chunk []string) error {
		fieldCond := ""
		if fields == compareFields {
			fieldCond = `r._field == "value" or r._field == "status" or r._field == "published"`
		}
		flux := s.observationQuery(chunk, indicators, period, fieldCond) +
			` |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")`
		wantInd := set(indicators)
		var vs []plancast.Observation
		err := s.rows(ctx, "read observations", flux, func(v map[string]any) error {
			if len(wantInd) > 0 && !wantInd[str(v["indicator"])] {
				return nil
			}
			o, err := decodeObservation(v)
			if errors.Is(err, errPartial) {
				return nil
			}
			if err != nil {
				return err
			}
			vs = append(vs, o)
			return nil
		})
		mu.Lock()
		out = append(out, vs...)
		mu.Unlock()
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// observationQuery is the Flux selecting the observation points of the
// regions (all when none), indicators (all when none, or too many to name)
// and period (all when empty), restricted by fieldCond when not empty.
func (s *Store) observationQuery(regions, indicators []string, period, fieldCond string) string {
	cond := "r._measurement == " + fluxString(s.m("observation"))
	if period != "" {
		cond += " and r.period == " + fluxString(period)
	}
	if len(regions) > 0 {
		cond += " and (" + equalities("region", regions) + ")"
	}
	if len(indicators) > 0 && len(indicators) <= maxIndicatorFilter {
		cond += " and (" + equalities("indicator", indicators) + ")"
	}
	if fieldCond != "" {
		cond += " and (" + fieldCond + ")"
	}
	return fmt.Sprintf(`from(bucket: %s) |> %s |> filter(fn: (r) => %s)`, fluxString(s.cfg.Bucket), fullRange, cond)
}

// equalities is `r.tag == "a" or r.tag == "b" ...`.
func equalities(tag string, values []string) string {
	var b strings.Builder
	for i, v := range values {
		if i > 0 {
			b.WriteString(" or ")
		}
		b.WriteString("r." + tag + " == " + fluxString(v))
	}
	return b.String()
}

// eachChunk calls fn with chunks of regionsPerQuery regions, readWorkers at
// a time, and returns the first error. No regions: one call with none (a
// scan of every region).
func (s *Store) eachChunk(ctx context.Context, regions []string, fn func(ctx context.Context, chunk []string) error) error {
	if len(regions) <= regionsPerQuery {
		return fn(ctx, regions)
	}
	var chunks [][]string
	for i := 0; i < len(regions); i += regionsPerQuery {
		chunks = append(chunks, regions[i:min(i+regionsPerQuery, len(regions))])
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
		next     = make(chan []string)
	)
	for range min(readWorkers, len(chunks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for chunk := range next {
				if err := fn(ctx, chunk); err != nil {
					errOnce.Do(func() { firstErr = err; cancel() })
				}
			}
		}()
	}
feed:
	for _, c := range chunks {
		select {
		case next <- c:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return s.unavailable("read observations", err)
	}
	return nil
}

// SeriesValues is SeriesSet for callers that need only the numbers (bulk
// assessments): each observation carries its region, indicator, period, year,
// value and Recorded, but no status or source, and Published only where a
// figure has several vintages (it decides which is the latest). Reading one
// field instead of five, without a pivot, makes a nationwide read several
// times cheaper for InfluxDB. The latest vintage is chosen as SeriesSet
// chooses it.
func (s *Store) SeriesValues(ctx context.Context, q plancast.SeriesSetQuery) ([]plancast.Series, error) {
	period := q.Period
	if period == "" {
		period = plancast.PeriodYear
	}
	wantInd := set(q.Indicators)
	var (
		mu       sync.Mutex
		vintages []plancast.Observation
	)
	// First pass: values and vintage tags.
	err := s.eachChunk(ctx, q.Regions, func(ctx context.Context, chunk []string) error {
		flux := s.observationQuery(chunk, q.Indicators, period, `r._field == "value"`) +
			` |> keep(columns: ["_time", "_value", "region", "indicator", "period", "vintage"])`
		var vs []plancast.Observation
		err := s.rows(ctx, "read observations", flux, func(v map[string]any) error {
			if len(wantInd) > 0 && !wantInd[str(v["indicator"])] {
				return nil
			}
			o, err := decodeValue(v)
			if err != nil {
				return err
			}
			vs = append(vs, o)
			return nil
		})
		mu.Lock()
		vintages = append(vintages, vs...)
		mu.Unlock()
		return err
	})
	if err != nil {
		return nil, err
	}
	// Figures with several vintages need their published dates to decide
	// which is the latest: read them for those series only.
	seen := make(map[plancast.FigureKey]int64, len(vintages))
	multi := map[plancast.SeriesKey]bool{}
	for i := range vintages {
		k := vintages[i].Key()
		rec := vintages[i].Recorded.UnixNano()
		if prev, ok := seen[k]; ok && prev != rec {
			multi[k.SeriesKey] = true
		}
		seen[k] = rec
	}
	if len(multi) > 0 {
		published, err := s.publishedDates(ctx, multi)
		if err != nil {
			return nil, err
		}
		kept := vintages[:0]
		for _, o := range vintages {
			if multi[o.Key().SeriesKey] {
				d, ok := published[vintageKey{o.Key(), o.Recorded.UnixNano()}]
				if !ok {
					continue // written between the two reads, or partially visible: the next read has it
				}
				o.Published = d
			}
			kept = append(kept, o)
		}
		vintages = kept
	}
	return plancast.LatestVintages(vintages, plancast.Date{}), nil
}

type vintageKey struct {
	plancast.FigureKey
	recorded int64
}

// publishedDates reads the published field of every vintage of the series.
func (s *Store) publishedDates(ctx context.Context, series map[plancast.SeriesKey]bool) (map[vintageKey]plancast.Date, error) {
	regionSet, indSet := map[string]bool{}, map[string]bool{}
	period := ""
	for k := range series {
		regionSet[k.Region], indSet[k.Indicator] = true, true
		period = k.Period
	}
	out := map[vintageKey]plancast.Date{}
	var mu sync.Mutex
	err := s.eachChunk(ctx, keys(regionSet), func(ctx context.Context, chunk []string) error {
		flux := s.observationQuery(chunk, keys(indSet), period, `r._field == "published"`) +
			` |> keep(columns: ["_time", "_value", "region", "indicator", "period", "vintage"])`
		return s.rows(ctx, "read observations", flux, func(v map[string]any) error {
			o, err := decodeValue(v) // _value is the date here
			if err != nil && !errors.Is(err, errNotFloat) {
				return err
			}
			d, err := plancast.ParseDate(str(v["_value"]))
			if err != nil {
				return fmt.Errorf("stored observation: %w", err)
			}
			mu.Lock()
			out[vintageKey{o.Key(), o.Recorded.UnixNano()}] = d
			mu.Unlock()
			return nil
		})
	})
	return out, err
}

var errNotFloat = errors.New("stored observation value is not a number")

// decodeValue reads a row of one field: the figure's identity, its vintage
// and, when the field is the value, the value.
func decodeValue(v map[string]any) (plancast.Observation, error) {
	t, _ := v["_time"].(time.Time)
	vintage, err := strconv.ParseInt(str(v["vintage"]), 10, 64)
	if err != nil {
		return plancast.Observation{}, fmt.Errorf("stored observation: vintage tag %q: %w", str(v["vintage"]), err)
	}
	o := plancast.Observation{Region: str(v["region"]), Indicator: str(v["indicator"]), Period: str(v["period"]),
		Year: t.UTC().Year(), Recorded: time.Unix(0, vintage).UTC()}
	value, ok := v["_value"].(float64)
	if !ok {
		return o, errNotFloat
	}
	o.Value = value
	return o, nil
}

func set(codes []string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}
