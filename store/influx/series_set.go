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

// SeriesSet reads the matching series: one Flux query per region, or one
// scan of every region when many (or none) are named; indicators are
// filtered here rather than in Flux, for the same reason.
func (s *Store) SeriesSet(ctx context.Context, q plancast.SeriesSetQuery) ([]plancast.Series, error) {
	period := q.Period
	if period == "" {
		period = plancast.PeriodYear
	}
	wantRegion, wantInd := set(q.Regions), set(q.Indicators)
	queries := []string{""} // "": every region
	if len(q.Regions) > 0 && len(q.Regions) <= maxRegionQueries {
		queries = q.Regions
	}
	var vintages []plancast.Observation
	for _, region := range queries {
		cond := fmt.Sprintf("r._measurement == %s and r.period == %s", fluxString(s.m("observation")), fluxString(period))
		if region != "" {
			cond += " and r.region == " + fluxString(region)
		}
		flux := fmt.Sprintf(`from(bucket: %s) |> %s |> filter(fn: (r) => %s) |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")`,
			fluxString(s.cfg.Bucket), fullRange, cond)
		err := s.rows(ctx, "read series", flux, func(v map[string]any) error {
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
	return plancast.LatestVintages(vintages, plancast.Date{}), nil
}

func set(codes []string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}
