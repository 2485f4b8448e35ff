package influx

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	influxdb2 "github.com/influxdata/influxdb-client-go/v2"
	"github.com/influxdata/influxdb-client-go/v2/api/write"

	"github.com/plancast/plancast"
)

// jsonRows reads every "json" field of a measurement, latest point per series.
func (s *Store) jsonRows(ctx context.Context, measurement, filter string, fn func(data []byte) error) error {
	flux := fmt.Sprintf(`from(bucket: %s) |> %s |> filter(fn: (r) => r._measurement == %s and r._field == "json"%s) |> last()`,
		fluxString(s.cfg.Bucket), fullRange, fluxString(s.m(measurement)), filter)
	return s.rows(ctx, "read "+measurement+"s", flux, func(v map[string]any) error {
		return fn([]byte(str(v["_value"])))
	})
}

// catalog returns the regions and indicators, from the cache when fresh.
//
// Past catalogTTL one caller refreshes it while the others keep using the
// copy they have (stale-while-revalidate): under load, a whole crowd of
// requests would otherwise query InfluxDB at the same moment. After this
// store's own catalog writes there is no copy, and callers wait for a fresh one.
func (s *Store) catalog(ctx context.Context) ([]plancast.Region, []plancast.Indicator, error) {
	s.catMu.Lock()
	if !s.catRead.IsZero() && (time.Since(s.catRead) < catalogTTL || s.catRefreshing) {
		rs, is := s.catRegions, s.catInds
		s.catMu.Unlock()
		return rs, is, nil
	}
	s.catRefreshing = !s.catRead.IsZero()
	s.catMu.Unlock()
	rs, err := s.readRegions(ctx)
	var is []plancast.Indicator
	if err == nil {
		is, err = s.readIndicators(ctx)
	}
	s.catMu.Lock()
	defer s.catMu.Unlock()
	s.catRefreshing = false
	if err != nil {
		return nil, nil, err
	}
	s.catRegions, s.catInds, s.catRead = rs, is, time.Now()
	return rs, is, nil
}

// FreshCatalog reads the regions and indicators from InfluxDB, past the
// copy kept for catalogTTL: for the spool's replay, which must judge a
// queued batch against what another replica changed a moment ago.
func (s *Store) FreshCatalog(ctx context.Context) ([]plancast.Region, []plancast.Indicator, error) {
	s.dropCatalog()
	rs, is, err := s.catalog(ctx)
	return append([]plancast.Region(nil), rs...), append([]plancast.Indicator(nil), is...), err
}

func (s *Store) dropCatalog() {
	s.catMu.Lock()
	s.catRead = time.Time{}
	s.catMu.Unlock()
}

// Regions returns every region, sorted by code.
func (s *Store) Regions(ctx context.Context) ([]plancast.Region, error) {
	rs, _, err := s.catalog(ctx)
	return append([]plancast.Region(nil), rs...), err
}

// Indicators returns every indicator, sorted by code.
func (s *Store) Indicators(ctx context.Context) ([]plancast.Indicator, error) {
	_, is, err := s.catalog(ctx)
	return append([]plancast.Indicator(nil), is...), err
}

func (s *Store) readRegions(ctx context.Context) ([]plancast.Region, error) {
	var out []plancast.Region
	err := s.jsonRows(ctx, "region", "", func(data []byte) error {
		var r plancast.Region
		if err := json.Unmarshal(data, &r); err != nil {
			return fmt.Errorf("decode stored region: %w", err)
		}
		out = append(out, r)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, err
}

func (s *Store) readIndicators(ctx context.Context) ([]plancast.Indicator, error) {
	var out []plancast.Indicator
	err := s.jsonRows(ctx, "indicator", "", func(data []byte) error {
		var i plancast.Indicator
		if err := json.Unmarshal(data, &i); err != nil {
			return fmt.Errorf("decode stored indicator: %w", err)
		}
		out = append(out, i)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, err
}

func catalogPoint(measurement, code string, v any) (*write.Point, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return influxdb2.NewPoint(measurement, map[string]string{"code": code}, map[string]any{"json": string(data)}, epoch), nil
}

// PutRegions inserts or replaces regions, all or nothing.
func (s *Store) PutRegions(ctx context.Context, rs []plancast.Region) error {
	pts := make([]*write.Point, 0, len(rs))
	for i := range rs {
		if err := rs[i].Validate(); err != nil {
			return err
		}
		p, err := catalogPoint(s.m("region"), rs[i].Code, &rs[i])
		if err != nil {
			return err
		}
		pts = append(pts, p)
	}
	defer s.dropCatalog()
	return s.send(ctx, "write regions", pts)
}

// PutIndicators inserts or replaces indicators, all or nothing.
func (s *Store) PutIndicators(ctx context.Context, is []plancast.Indicator) error {
	pts := make([]*write.Point, 0, len(is))
	for i := range is {
		if err := is[i].Validate(); err != nil {
			return err
		}
		p, err := catalogPoint(s.m("indicator"), is[i].Code, &is[i])
		if err != nil {
			return err
		}
		pts = append(pts, p)
	}
	defer s.dropCatalog()
	return s.send(ctx, "write indicators", pts)
}

// catalogSets returns the codes of the known regions and indicators.
func (s *Store) catalogSets(ctx context.Context) (regions, indicators map[string]bool, err error) {
	rs, is, err := s.catalog(ctx)
	if err != nil {
		return nil, nil, err
	}
	regions, indicators = make(map[string]bool, len(rs)), make(map[string]bool, len(is))
	for _, r := range rs {
		regions[r.Code] = true
	}
	for _, i := range is {
		indicators[i.Code] = true
	}
	return regions, indicators, nil
}

func (s *Store) known(ctx context.Context, region, indicator string) error {
	regions, indicators, err := s.catalogSets(ctx)
	if err != nil {
		return err
	}
	return knownIn(regions, indicators, region, indicator)
}

func knownIn(regions, indicators map[string]bool, region, indicator string) error {
	if !regions[region] {
		return plancast.Errorf(plancast.ENOTFOUND, "region %q is not in the catalog", region)
	}
	if !indicators[indicator] {
		return plancast.Errorf(plancast.ENOTFOUND, "indicator %q is not in the catalog", indicator)
	}
	return nil
}
