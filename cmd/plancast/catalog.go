package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/plancast/plancast"
)

// findRegion looks a region up in the store's catalog; ENOTFOUND offers the
// near codes and names the route that lists them all.
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
	if len(rs) == 0 {
		return plancast.Region{}, emptyStore("region", code)
	}
	return plancast.Region{}, plancast.Errorf(plancast.ENOTFOUND, "region %q is not in the catalog%s (all of them: GET /api/v1/regions)", code, plancast.RegionHint(code, rs))
}

// findIndicator looks an indicator up in the store's catalog, as findRegion.
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
	if len(inds) == 0 {
		return plancast.Indicator{}, emptyStore("indicator", code)
	}
	return plancast.Indicator{}, plancast.Errorf(plancast.ENOTFOUND, "indicator %q is not in the catalog%s (all of them: GET /api/v1/indicators)", code, plancast.IndicatorHint(code, inds))
}

// emptyStore is the answer to a look-up in a store nothing was loaded into.
func emptyStore(what, code string) error {
	return plancast.Errorf(plancast.ENOTFOUND, "%s %q is not in the catalog because the store is empty: \"plancast seed\" loads the reference reports' figures and targets (\"plancast serve\" does on its first start)", what, code)
}

// loadSeries reads the yearly series of a region's indicator and their
// catalog entries, as the chart and forecast commands need them. The codes
// are looked up first, so a missed one is answered with the near ones.
func loadSeries(ctx context.Context, st plancast.Store, region, indicator string, asOf plancast.Date) (*plancast.Series, plancast.Region, plancast.Indicator, error) {
	reg, err := findRegion(ctx, st, region)
	if err != nil {
		return nil, reg, plancast.Indicator{}, err
	}
	ind, err := findIndicator(ctx, st, indicator)
	if err != nil {
		return nil, reg, ind, err
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: region, Indicator: indicator, AsOf: asOf})
	if err != nil {
		return nil, reg, ind, fmt.Errorf("read %s/%s: %w", region, indicator, err)
	}
	return s, reg, ind, nil
}

// seriesFlags are --region and --indicator, the series a command reads.
type seriesFlags struct{ region, indicator string }

func (f *seriesFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.region, "region", "", "region code, e.g. houma")
	fs.StringVar(&f.indicator, "indicator", "", "indicator code, e.g. gdp")
}

// given reports whether both were given.
func (f *seriesFlags) given() bool { return f.region != "" && f.indicator != "" }

// asOfFlag registers --as-of: read the figures as they were published on or
// before a date, to reproduce what was projected and assessed then.
func asOfFlag(fs *flag.FlagSet) *plancast.Date {
	var d plancast.Date
	fs.Func("as-of", "use the figures published and the targets set on or before this date (YYYY-MM-DD), to reproduce an answer given then; default the latest", func(v string) error {
		var err error
		if d, err = plancast.ParseDate(v); err != nil {
			return err
		}
		if ahead := plancast.AsOfAhead(d); ahead != "" {
			return fmt.Errorf("%s", ahead)
		}
		return nil
	})
	return &d
}
