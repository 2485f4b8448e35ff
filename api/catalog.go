package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

func (s *Server) getRegions(c echo.Context) error {
	rs, err := s.cfg.Store.Regions(c.Request().Context())
	if err != nil {
		return err
	}
	if rs == nil {
		rs = []plancast.Region{}
	}
	return c.JSON(http.StatusOK, map[string]any{"regions": rs})
}

func (s *Server) getIndicators(c echo.Context) error {
	is, err := s.cfg.Store.Indicators(c.Request().Context())
	if err != nil {
		return err
	}
	// Each says whether it is a percentage of a whole, by its declaration
	// or by its code (a share): what its projections are held within.
	list := make([]plancast.Indicator, len(is))
	for i, ind := range is {
		list[i] = ind.Normalized()
	}
	return c.JSON(http.StatusOK, map[string]any{"indicators": list})
}

// region looks up a region in the catalog; ENOTFOUND when unknown. Either
// error offers the near codes ("did you mean …", plancast.RegionHint).
func (s *Server) region(c echo.Context, code string) (plancast.Region, error) {
	cat, err := s.catalog(c.Request().Context())
	if !plancast.ValidCode(code) {
		hint := "" // a bad code is the answer even when the catalog cannot be read
		if err == nil {
			hint = plancast.RegionHint(code, cat.regionList)
		}
		return plancast.Region{}, plancast.Errorf(plancast.EINVALID, "region %q is not a valid code (lowercase letters, digits, _ and -)%s", code, hint)
	}
	if err != nil {
		return plancast.Region{}, err
	}
	r, ok := cat.regions[code]
	if !ok {
		return plancast.Region{}, plancast.Errorf(plancast.ENOTFOUND, "region %q is not in the catalog%s", code, plancast.RegionHint(code, cat.regionList))
	}
	return r, nil
}

// lookupIndicator finds an indicator in the catalog: EINVALID for a malformed
// code, ENOTFOUND for an unknown one, either with the near codes.
func (s *Server) lookupIndicator(ctx context.Context, code string) (plancast.Indicator, error) {
	cat, err := s.catalog(ctx)
	if !plancast.ValidCode(code) {
		hint := ""
		if err == nil {
			hint = plancast.IndicatorHint(code, cat.indicatorList)
		}
		return plancast.Indicator{}, plancast.Errorf(plancast.EINVALID, "indicator %q is not a valid code (lowercase letters, digits, _ and -)%s", code, hint)
	}
	if err != nil {
		return plancast.Indicator{}, err
	}
	i, ok := cat.indicators[code]
	if !ok {
		return plancast.Indicator{}, plancast.Errorf(plancast.ENOTFOUND, "indicator %q is not in the catalog%s", code, plancast.IndicatorHint(code, cat.indicatorList))
	}
	return i, nil
}

// catalogMemo is the catalog as of one data version. Region and indicator
// look-ups happen on most requests, before the answer cache; without the
// memo each would read and decode the whole catalog (3,212 regions
// nationwide) from the store.
type catalogMemo struct {
	version    string
	regions    map[string]plancast.Region
	indicators map[string]plancast.Indicator
	// The same as read, for the hints of a missed code.
	regionList    []plancast.Region
	indicatorList []plancast.Indicator
}

// catalog returns the catalog of the current data version.
func (s *Server) catalog(ctx context.Context) (*catalogMemo, error) {
	version, err := s.cache.Version(ctx)
	if err != nil {
		return nil, err
	}
	if m := s.cat.Load(); m != nil && m.version == version {
		return m, nil
	}
	rs, err := s.cfg.Store.Regions(ctx)
	if err != nil {
		return nil, err
	}
	is, err := s.cfg.Store.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	m := &catalogMemo{version: version, regionList: rs, indicatorList: is, regions: make(map[string]plancast.Region, len(rs)), indicators: make(map[string]plancast.Indicator, len(is))}
	for _, r := range rs {
		m.regions[r.Code] = r
	}
	for _, i := range is {
		m.indicators[i.Code] = i
	}
	s.cat.Store(m)
	return m, nil
}
