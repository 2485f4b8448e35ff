package influx

import (
	"context"
	"errors"
	"fmt"

	"github.com/plancast/plancast"
)

// maxRegionQueries is the most regions read one query each; a larger set is
// read with one scan of the measurement. (InfluxDB 1.8 answers an equality
// filter on a tag from its index in milliseconds, but a regular expression
// with alternatives costs a second or more.)
const maxRegionQueries = 32

// SeriesSet reads the matching series and keeps the latest vintages.
func (s *Store) SeriesSet(ctx context.Context, q plancast.SeriesSetQuery) ([]plancast.Series, error) {
	period := q.Period
	if period == "" {
		period = plancast.PeriodYear
	}
	vintages, err := s.readVintages(ctx, q.Regions, q.Indicators, period)
	if err != nil {
		return nil, err
	}
	return plancast.LatestVintages(vintages, plancast.Date{}), nil
}

// readVintages reads every vintage of the given regions' series (all regions
// when none are named) for the given indicators (all when none) and period
// (all when empty): one Flux query per region when there are few, one scan of
// the measurement when there are many. Indicators are filtered here rather
// than in Flux, for the reason at maxRegionQueries.
func (s *Store) readVintages(ctx context.Context, regions, indicators []string, period string) ([]plancast.Observation, error) {
	wantRegion, wantInd := set(regions), set(indicators)
	queries := []string{""} // "": every region
	if len(regions) > 0 && len(regions) <= maxRegionQueries {
		queries = regions
	}
	var vintages []plancast.Observation
	for _, region := range queries {
		cond := "r._measurement == " + fluxString(s.m("observation"))
		if period != "" {
			cond += " and r.period == " + fluxString(period)
		}
		if region != "" {
			cond += " and r.region == " + fluxString(region)
		}
		if len(indicators) == 1 {
			cond += " and r.indicator == " + fluxString(indicators[0])
		}
		flux := fmt.Sprintf(`from(bucket: %s) |> %s |> filter(fn: (r) => %s) |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")`,
			fluxString(s.cfg.Bucket), fullRange, cond)
		err := s.rows(ctx, "read observations", flux, func(v map[string]any) error {
			if (len(wantRegion) > 0 && !wantRegion[str(v["region"])]) || (len(wantInd) > 0 && !wantInd[str(v["indicator"])]) {
				return nil
			}
			o, err := decodeObservation(v)
			if errors.Is(err, errPartial) {
				return nil
			}
			if err != nil {
				return err
			}
			vintages = append(vintages, o)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return vintages, nil
}

func set(codes []string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}
