package bolt

import (
	"context"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
)

// Regions returns every region, sorted by code.
func (s *Store) Regions(ctx context.Context) ([]plancast.Region, error) {
	var out []plancast.Region
	err := s.view(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketRegions).ForEach(func(_, v []byte) error {
			var r plancast.Region
			if err := getJSON(v, &r); err != nil {
				return err
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}

// Indicators returns every indicator, sorted by code.
func (s *Store) Indicators(ctx context.Context) ([]plancast.Indicator, error) {
	var out []plancast.Indicator
	err := s.view(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketIndicators).ForEach(func(_, v []byte) error {
			var i plancast.Indicator
			if err := getJSON(v, &i); err != nil {
				return err
			}
			out = append(out, i)
			return nil
		})
	})
	return out, err
}

// PutRegions inserts or replaces regions, all or nothing.
func (s *Store) PutRegions(ctx context.Context, rs []plancast.Region) error {
	for i := range rs {
		if err := rs[i].Validate(); err != nil {
			return err
		}
	}
	return s.update("write regions", func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketRegions)
		for i := range rs {
			if err := putJSON(b, []byte(rs[i].Code), &rs[i]); err != nil {
				return err
			}
		}
		return bumpVersion(tx)
	})
}

// PutIndicators inserts or replaces indicators, all or nothing.
func (s *Store) PutIndicators(ctx context.Context, is []plancast.Indicator) error {
	for i := range is {
		if err := is[i].Validate(); err != nil {
			return err
		}
	}
	return s.update("write indicators", func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketIndicators)
		for i := range is {
			if err := putJSON(b, []byte(is[i].Code), &is[i]); err != nil {
				return err
			}
		}
		return bumpVersion(tx)
	})
}

// known reports whether the region and indicator are in the catalog.
func known(tx *bbolt.Tx, region, indicator string) error {
	if tx.Bucket(bucketRegions).Get([]byte(region)) == nil {
		return plancast.Errorf(plancast.ENOTFOUND, "region %q is not in the catalog", region)
	}
	if tx.Bucket(bucketIndicators).Get([]byte(indicator)) == nil {
		return plancast.Errorf(plancast.ENOTFOUND, "indicator %q is not in the catalog", indicator)
	}
	return nil
}
