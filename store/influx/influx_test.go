package influx_test

import (
	"context"
	"encoding/json"
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
// its JSON) is read as the target's first version.
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
	old, err := json.Marshal(storetest.LegacyTarget)
	if err != nil {
		t.Fatal(err)
	}
	client := influxdb2.NewClient(cfg.URL, cfg.Token)
	defer client.Close()
	p := influxdb2.NewPoint(cfg.Prefix+"target", map[string]string{"region": "houma", "indicator": "gdp", "plan": "14th-fyp", "kind": "level"},
		map[string]any{"json": string(old)}, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if err := client.WriteAPIBlocking(cfg.Org, cfg.Bucket).WritePoint(ctx, p); err != nil {
		t.Fatal(err)
	}
	storetest.UndatedTargetIsTheFirstVersion(t, st)
}
