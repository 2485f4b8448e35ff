package api_test

import (
	"context"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A share near 100 is projected, and judged, below 100 over the API: a
// rate is a percentage of a whole (forecast.LimitsOf).
func TestAShareIsProjectedNoHigherThan100(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	var obs []plancast.Observation
	for i, v := range []float64{88, 91, 93.5, 95, 97, 98.4} {
		obs = append(obs, plancast.Observation{Region: "houma", Indicator: "emerging_industry_share", Year: 2016 + i, Value: v,
			Status: plancast.StatusFinal, Period: plancast.PeriodYear})
	}
	if _, err := st.WriteObservations(context.Background(), obs); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, st, api.Config{})
	var p plancast.Projection
	s.get("/api/v1/series/houma/emerging_industry_share/projection?horizon=10").decode(t, 200, &p)
	if len(p.Points) != 10 {
		t.Fatalf("%d points, want 10", len(p.Points))
	}
	for _, pt := range p.Points {
		if pt.Mean > 100 || pt.Hi80 > 100 || pt.Hi95 > 100 {
			t.Errorf("%d: %+v passes 100", pt.Year, pt)
		}
	}
}
