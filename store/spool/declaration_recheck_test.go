package spool_test

import (
	"os"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/influx"
)

// A queued declaration of an indicator is judged again when it is
// replayed, by the rule every push is judged by: it cannot change the unit
// of an indicator the store holds. Two servers share one bucket; while this
// one cannot reach InfluxDB it queues steel_output in 10k_tons and figures
// in it; meanwhile the other declares steel_output in tons and stores
// figures in tons. The replay wrote the queued declaration unchecked, so the
// other server's 480,000 t read as 480,000 万吨, and the queued figures then
// passed their own re-check, the unit now "matching". Now the declaration
// is set aside whole as a dead letter, and so are the figures and targets
// queued after it in its unit; the stored unit and figures stay as they
// were, and Status (what /healthz shows) counts them and says why.
func TestAQueuedDeclarationCannotChangeTheUnitAnotherServerStoredFiguresIn(t *testing.T) {
	sp, proxy, cfg := behindProxy(t)
	catalog(t, sp)

	steel := plancast.Indicator{Code: "steel_output", Name: "Steel output", NameZh: "钢产量", Unit: "10k_tons", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	proxy.Down()
	if err := sp.PutIndicators(ctx, []plancast.Indicator{steel}); err != nil {
		t.Fatalf("declaration while down: %v; want queued", err)
	}
	april := plancast.NewDate(2022, 3, 1)
	queued := plancast.Observation{Region: "houma", Indicator: "steel_output", Year: 2021, Value: 50, Published: april}
	if res, err := sp.WriteObservations(ctx, []plancast.Observation{queued}); err != nil || res.Queued != 1 {
		t.Fatalf("figure while down = %+v, %v; want queued", res, err)
	}
	target := plancast.Target{Region: "houma", Indicator: "steel_output", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 60, Published: april}
	if res, err := sp.WriteTargets(ctx, []plancast.Target{target}); err != nil || res.Queued != 1 {
		t.Fatalf("target while down = %+v, %v; want queued", res, err)
	}

	// Meanwhile the other server declares steel_output in tons and stores figures.
	other := cfg
	other.URL = os.Getenv("PLANCAST_TEST_INFLUX_URL")
	replica, err := influx.Open(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()
	inTons := steel
	inTons.Unit = "tons"
	if err := replica.PutIndicators(ctx, []plancast.Indicator{inTons}); err != nil {
		t.Fatal(err)
	}
	stored := plancast.Observation{Region: "houma", Indicator: "steel_output", Year: 2019, Value: 480000, Published: plancast.NewDate(2020, 3, 1)}
	if _, err := replica.WriteObservations(ctx, []plancast.Observation{stored}); err != nil {
		t.Fatal(err)
	}

	proxy.Up()
	waitDrained(t, sp)
	st := sp.Status(ctx)
	t.Logf("status after the replay: %+v", st)

	_, is, err := replica.FreshCatalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range is {
		if i.Code == "steel_output" && i.Unit != "tons" {
			t.Errorf("steel_output is stored in %s after the replay; want tons, the unit the other server's figures are in", i.Unit)
		}
	}
	vs, err := replica.Vintages(ctx, plancast.SeriesKey{Region: "houma", Indicator: "steel_output", Period: "year"})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Year != 2019 {
			t.Errorf("a figure queued in 10k_tons was written under steel_output in tons: %d %v", v.Year, v.Value)
		}
	}
	ts, err := replica.Targets(ctx, plancast.TargetFilter{Region: "houma", Indicator: "steel_output"})
	if err != nil && plancast.ErrorCode(err) != plancast.ENOTFOUND {
		t.Fatal(err)
	}
	if len(ts) != 0 {
		t.Errorf("a target queued in 10k_tons was written under steel_output in tons: %+v", ts)
	}
	if st.Dead != 3 {
		t.Errorf("dead letters = %d; want 3: the declaration, the figure and the target queued after it", st.Dead)
	}
	for _, want := range []string{"steel_output", "10k_tons", "tons now", "set aside"} {
		if !strings.Contains(st.Refused, want) {
			t.Errorf("Status.Refused does not say %q: %s", want, st.Refused)
		}
	}
}
