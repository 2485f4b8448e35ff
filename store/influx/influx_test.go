package influx_test

import (
	"context"
	"slices"
	"testing"
	"time"

	influxdb2 "github.com/influxdata/influxdb-client-go/v2"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/influx"
	"github.com/plancast/plancast/store/influx/influxtest"
	"github.com/plancast/plancast/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) plancast.Store { return influxtest.Open(t) })
}

// A target written before versions were kept (no vintage tag, no dates in
// its JSON) is read as the target's first version: in force as of any date,
// until a dated revision replaces it.
func TestUndatedTargetsFromOlderStores(t *testing.T) {
	cfg := influxtest.Config(t)
	ctx := context.Background()
	st, err := influx.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.PutRegions(ctx, []plancast.Region{storetest.Houma}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutIndicators(ctx, []plancast.Indicator{storetest.GDP}); err != nil {
		t.Fatal(err)
	}
	// The point as the store wrote it before: tags without vintage, time = the target year.
	old := `{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","base_year":2020,"year":2025,"value":250,"binding":false,"source":{}}`
	client := influxdb2.NewClient(cfg.URL, cfg.Token)
	defer client.Close()
	p := influxdb2.NewPoint(cfg.Prefix+"target", map[string]string{"region": "houma", "indicator": "gdp", "plan": "14th-fyp", "kind": "level"},
		map[string]any{"json": old}, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if err := client.WriteAPIBlocking(cfg.Org, cfg.Bucket).WritePoint(ctx, p); err != nil {
		t.Fatal(err)
	}

	values := func(asOf plancast.Date) []float64 {
		t.Helper()
		ts, err := st.Targets(ctx, plancast.TargetFilter{AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		var vs []float64
		for _, x := range ts {
			vs = append(vs, x.Value)
		}
		return vs
	}
	if got := values(plancast.NewDate(2000, 1, 1)); !slices.Equal(got, []float64{250}) {
		t.Fatalf("the undated target as of 2000 = %v, want 250 (set before any date)", got)
	}
	review := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025,
		Value: 230, Published: plancast.NewDate(2023, 6, 1)}
	if res, err := st.WriteTargets(ctx, []plancast.Target{review}); err != nil || res.Revised != 1 {
		t.Fatalf("review = %+v, %v; want revised", res, err)
	}
	if then, now := values(plancast.NewDate(2023, 5, 31)), values(plancast.Date{}); !slices.Equal(then, []float64{250}) || !slices.Equal(now, []float64{230}) {
		t.Fatalf("as of the day before the review %v, now %v; want 250 and 230", then, now)
	}
}
