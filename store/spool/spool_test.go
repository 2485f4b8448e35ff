package spool_test

import (
	"context"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/influx"
	"github.com/plancast/plancast/store/influx/influxtest"
	"github.com/plancast/plancast/store/spool"
	"github.com/plancast/plancast/store/storetest"
)

var ctx = context.Background()

// behindProxy opens an InfluxDB store that reaches the server through a
// proxy the test can cut, and a spool in front of it.
func behindProxy(t *testing.T) (*spool.Store, *influxtest.Proxy, influx.Config) {
	cfg := influxtest.Config(t)
	u, err := url.Parse(cfg.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := influxtest.NewProxy(t, u.Host)
	cfg.URL = proxy.URL()
	cfg.Timeout = 10 * time.Second // generous: "up" must mean up, even on a loaded machine
	backend, err := influx.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := spool.Open(backend, filepath.Join(t.TempDir(), spool.FileName), spool.Options{WriteTimeout: 10 * time.Second, RetryMin: 50 * time.Millisecond, RetryMax: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sp.Close() })
	return sp, proxy, cfg
}

// With the backend up, the spool is just the backend: it passes the whole
// conformance suite.
func TestConformanceThroughTheSpool(t *testing.T) {
	storetest.Run(t, func(t *testing.T) plancast.Store {
		sp, _, _ := behindProxy(t)
		return sp
	})
}

func catalog(t *testing.T, st plancast.Store) {
	t.Helper()
	if err := st.PutRegions(ctx, []plancast.Region{storetest.Houma}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutIndicators(ctx, []plancast.Indicator{storetest.GDP}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Regions(ctx); err != nil { // the spool keeps a copy for validation while down
		t.Fatal(err)
	}
	if _, err := st.Indicators(ctx); err != nil {
		t.Fatal(err)
	}
}

func gdp(year int, value float64, published plancast.Date) plancast.Observation {
	return plancast.Observation{Region: "houma", Indicator: "gdp", Year: year, Value: value, Published: published}
}

func waitDrained(t *testing.T, sp *spool.Store) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if st := sp.Status(ctx); st.Queued == 0 && st.Reachable {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("spool not drained: %+v", sp.Status(ctx))
}

func TestWritesWhileTheBackendIsDownAreQueuedThenReplayedInOrder(t *testing.T) {
	sp, proxy, _ := behindProxy(t)
	catalog(t, sp)
	res, err := sp.WriteObservations(ctx, []plancast.Observation{gdp(2015, 88.9, plancast.NewDate(2021, 4, 20))})
	if err != nil || res.New != 1 || res.Queued != 0 {
		t.Fatalf("write while up = %+v, %v; want 1 new, nothing queued", res, err)
	}

	proxy.Down()
	first := gdp(2020, 120.8, plancast.NewDate(2021, 4, 20))
	revision := gdp(2020, 121.5, plancast.NewDate(2021, 5, 1))
	for _, o := range []plancast.Observation{first, revision} {
		res, err := sp.WriteObservations(ctx, []plancast.Observation{o})
		if err != nil || res.Queued != 1 {
			t.Fatalf("write while down = %+v, %v; want queued", res, err)
		}
	}
	st := sp.Status(ctx)
	if st.Reachable || st.Queued != 2 || st.Oldest == "" {
		t.Fatalf("status while down = %+v, want unreachable with 2 queued", st)
	}
	if _, err := sp.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"}); plancast.ErrorCode(err) != plancast.EUNAVAILABLE {
		t.Fatalf("read while down: %v, want unavailable", err)
	}
	// Invalid data is refused even while down: it is never queued.
	if _, err := sp.WriteObservations(ctx, []plancast.Observation{gdp(1800, 1, plancast.Today())}); plancast.ErrorCode(err) != plancast.EINVALID {
		t.Fatalf("invalid write while down: %v, want invalid", err)
	}
	if _, err := sp.WriteObservations(ctx, []plancast.Observation{{Region: "atlantis", Indicator: "gdp", Year: 2020, Value: 1}}); plancast.ErrorCode(err) != plancast.EINVALID {
		t.Fatalf("unknown region while down: %v, want invalid", err)
	}

	proxy.Up()
	waitDrained(t, sp)
	s, err := sp.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]float64{}
	for _, o := range s.Observations {
		got[o.Year] = o.Value
	}
	if got[2015] != 88.9 || got[2020] != 121.5 {
		t.Fatalf("after replay = %v, want 2015=88.9 and the revision 2020=121.5 (replayed in order)", got)
	}
	vs, _ := sp.Vintages(ctx, plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: "year"})
	if len(vs) != 3 || vs[1].Value != 120.8 || vs[2].Value != 121.5 {
		t.Fatalf("vintages = %d, want 3 (2015, and both 2020 vintages)", len(vs))
	}
}

func TestQueuedBatchesSurviveARestartOfPlancast(t *testing.T) {
	sp, proxy, cfg := behindProxy(t)
	catalog(t, sp)
	path := filepath.Join(t.TempDir(), spool.FileName)
	sp.Close()

	backend, err := influx.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	first, err := spool.Open(backend, path, spool.Options{WriteTimeout: time.Second, RetryMin: 50 * time.Millisecond, RetryMax: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	first.Regions(ctx) // learn the catalog while up
	first.Indicators(ctx)
	proxy.Down()
	for y := 2001; y <= 2010; y++ {
		if res, err := first.WriteObservations(ctx, []plancast.Observation{gdp(y, float64(y)/20, plancast.Today())}); err != nil || res.Queued != 1 {
			t.Fatalf("queue %d: %+v %v", y, res, err)
		}
	}
	first.Close() // plancast stops with ten batches queued

	_, err = influx.Open(ctx, influx.Config{URL: "http://127.0.0.1:1", Bucket: cfg.Bucket}) // unreachable: Open fails
	if err == nil {
		t.Fatal("open of an unreachable InfluxDB succeeded")
	}
	proxy.Up()
	backend, err = influx.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	second, err := spool.Open(backend, path, spool.Options{RetryMin: 50 * time.Millisecond, RetryMax: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	waitDrained(t, second)
	s, err := second.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Observations) != 10 {
		t.Fatalf("after restart and replay: %d figures, want 10", len(s.Observations))
	}
}

// While the backend is down, tokens are answered from the spool's copies so
// that writers can still push; a token revoked through the spool is copied
// revoked at once, so it does not open pushes again when the backend goes
// away before anyone used it since.
func TestATokenRevokedThroughTheSpoolStaysRevokedWhileTheBackendIsDown(t *testing.T) {
	sp, proxy, _ := behindProxy(t)
	secret, issued, err := plancast.IssueToken(ctx, sp, plancast.Token{Scope: plancast.ScopeWrite, Region: "houma"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sp.TokenByHash(ctx, plancast.HashToken(secret)); err != nil { // used once, while up
		t.Fatal(err)
	}
	if _, err := plancast.RevokeToken(ctx, sp, issued.ID(), time.Now()); err != nil {
		t.Fatal(err)
	}

	proxy.Down()
	tok, err := sp.TokenByHash(ctx, plancast.HashToken(secret))
	if err != nil {
		t.Fatalf("the token while the backend is down: %v; want the spool's copy", err)
	}
	if tok.Revoked == nil {
		t.Errorf("while the backend is down the spool answers the revoked token as %+v, not revoked", tok)
	}
	if _, err := sp.Tokens(ctx); plancast.ErrorCode(err) != plancast.EUNAVAILABLE {
		t.Errorf("listing the tokens while the backend is down: %v, want unavailable", err)
	}
	proxy.Up()
}
