package bolt

import (
	"bytes"
	"context"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
)

// SeriesSet reads every matching series in one read transaction: a prefix
// scan per region (or one scan of everything when no region is named).
func (s *Store) SeriesSet(ctx context.Context, q plancast.SeriesSetQuery) ([]plancast.Series, error) {
	period := q.PeriodOrYear()
	wantInd := map[string]bool{}
	for _, i := range q.Indicators {
		wantInd[i] = true
	}
	prefixes := regionPrefixes(q.Regions)
	var vintages []plancast.Observation
	err := s.view(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketObs).Cursor()
		for _, prefix := range prefixes {
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				parts := bytes.SplitN(k, []byte{0}, 4) // region, indicator, period, year+recorded
				if len(parts) != 4 || (period != plancast.AllPeriods && string(parts[2]) != period) || (len(wantInd) > 0 && !wantInd[string(parts[1])]) {
					continue
				}
				var o plancast.Observation
				if err := getJSON(v, &o); err != nil {
					return err
				}
				vintages = append(vintages, o)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return plancast.LatestVintages(vintages, plancast.Date{}), nil
}

// regionPrefixes are the key prefixes of the regions' series: one nil prefix
// (everything) when no region is named.
func regionPrefixes(regions []string) [][]byte {
	if len(regions) == 0 {
		return [][]byte{nil}
	}
	prefixes := make([][]byte, len(regions))
	for i, r := range regions {
		prefixes[i] = joinKey(nil, r)
	}
	return prefixes
}
