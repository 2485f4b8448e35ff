package api_test

import (
	"context"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// method=drift_linear on a series falling toward zero runs past zero: the
// projection is floored near 0, and its intervals still reach above the
// last figure, 20, as the command line's do.
func TestALinearDeclinePastZeroIsProjectedWithWideIntervals(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	var obs []plancast.Observation
	for i, v := range []float64{100, 80, 60, 40, 20} {
		obs = append(obs, plancast.Observation{Region: "houma", Indicator: "retail_sales", Year: 2016 + i, Value: v,
			Status: plancast.StatusFinal, Period: plancast.PeriodYear})
	}
	if _, err := st.WriteObservations(context.Background(), obs); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, st, api.Config{})
	var p plancast.Projection
	s.get("/api/v1/series/houma/retail_sales/projection?method=drift_linear").decode(t, 200, &p)
	if len(p.Points) != 5 {
		t.Fatalf("%d points, want 5", len(p.Points))
	}
	for _, pt := range p.Points {
		if pt.Mean > 0.1 || pt.Lo95 > pt.Mean || pt.Hi80 < 20 || pt.Hi95 <= pt.Hi80 {
			t.Errorf("%d: %+v; want a point near 0 and intervals from near 0 to above 20", pt.Year, pt)
		}
	}
}
