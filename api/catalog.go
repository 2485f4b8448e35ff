package api

import (
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
	if is == nil {
		is = []plancast.Indicator{}
	}
	return c.JSON(http.StatusOK, map[string]any{"indicators": is})
}

// region looks up a region in the catalog; ENOTFOUND when unknown.
func (s *Server) region(c echo.Context, code string) (plancast.Region, error) {
	if !plancast.ValidCode(code) {
		return plancast.Region{}, plancast.Errorf(plancast.EINVALID, "region %q is not a valid code (lowercase letters, digits, _ and -)", code)
	}
	rs, err := s.cfg.Store.Regions(c.Request().Context())
	if err != nil {
		return plancast.Region{}, err
	}
	for _, r := range rs {
		if r.Code == code {
			return r, nil
		}
	}
	return plancast.Region{}, plancast.Errorf(plancast.ENOTFOUND, "region %q is not in the catalog", code)
}
