package main

import (
	"context"
	"fmt"

	"github.com/plancast/plancast"
)

// findRegion looks a region up in the store's catalog; ENOTFOUND names the
// route that lists them.
func findRegion(ctx context.Context, st plancast.Store, code string) (plancast.Region, error) {
	rs, err := st.Regions(ctx)
	if err != nil {
		return plancast.Region{}, fmt.Errorf("read regions: %w", err)
	}
	for _, r := range rs {
		if r.Code == code {
			return r, nil
		}
	}
	return plancast.Region{}, plancast.Errorf(plancast.ENOTFOUND, "region %q is not in the catalog (see GET /api/v1/regions)", code)
}

// findIndicator looks an indicator up in the store's catalog.
func findIndicator(ctx context.Context, st plancast.Store, code string) (plancast.Indicator, error) {
	inds, err := st.Indicators(ctx)
	if err != nil {
		return plancast.Indicator{}, fmt.Errorf("read indicators: %w", err)
	}
	for _, i := range inds {
		if i.Code == code {
			return i, nil
		}
	}
	return plancast.Indicator{}, plancast.Errorf(plancast.ENOTFOUND, "indicator %q is not in the catalog (see GET /api/v1/indicators)", code)
}

// loadSeries reads the yearly series of a region's indicator and the
// indicator's catalog entry, as the chart and forecast commands need them.
func loadSeries(ctx context.Context, st plancast.Store, region, indicator string) (*plancast.Series, plancast.Indicator, error) {
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: region, Indicator: indicator})
	if err != nil {
		if plancast.ErrorCode(err) == plancast.ENOTFOUND {
			if rs, rerr := st.Regions(ctx); rerr == nil && len(rs) == 0 {
				return nil, plancast.Indicator{}, fmt.Errorf("read %s/%s: %w; the store is empty: \"plancast seed\" loads the reference reports' figures and targets (\"plancast serve\" does on its first start)", region, indicator, err)
			}
		}
		return nil, plancast.Indicator{}, fmt.Errorf("read %s/%s: %w", region, indicator, err)
	}
	ind, err := findIndicator(ctx, st, indicator)
	return s, ind, err
}
