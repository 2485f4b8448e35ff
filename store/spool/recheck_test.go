package spool_test

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/influx"
	"github.com/plancast/plancast/store/storetest"
)

// A queued batch is judged again when it is replayed, against the
// backend's catalog as it is then, by the rules it was accepted by: its
// regions and indicators in the catalog, each indicator still in the unit
// its values were converted to. Another replica sharing the bucket may
// change the catalog while this one cannot reach InfluxDB; the replay wrote
// the queued batches unchecked (figures of a removed region, 亿元 values
// under an indicator now counted in yuan). Now a batch that no longer
// passes is set aside whole in the dead letters, nothing of it written, and
// Status (what /healthz shows) counts it and says why; the batches that
// still pass are written.
func TestAReplayedBatchIsJudgedAgainstTheCatalogAsItIsThen(t *testing.T) {
	sp, proxy, cfg := behindProxy(t)
	catalog(t, sp)
	retail := storetest.GDP
	retail.Code, retail.Name = "retail_sales", "Retail sales"
	if err := sp.PutRegions(ctx, []plancast.Region{storetest.Zizhou}); err != nil {
		t.Fatal(err)
	}
	if err := sp.PutIndicators(ctx, []plancast.Indicator{retail}); err != nil {
		t.Fatal(err)
	}
	if _, err := sp.Regions(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := sp.Indicators(ctx); err != nil {
		t.Fatal(err)
	}

	proxy.Down()
	april := plancast.NewDate(2021, 4, 20)
	inZizhou := gdp(2020, 9.8, april)
	inZizhou.Region = "zizhou"
	retail2020 := gdp(2020, 58.0, april)
	retail2020.Indicator = "retail_sales"
	for _, o := range []plancast.Observation{gdp(2020, 120.8, april), inZizhou, retail2020} {
		if res, err := sp.WriteObservations(ctx, []plancast.Observation{o}); err != nil || res.Queued != 1 {
			t.Fatalf("write of %s/%s while down = %+v, %v; want queued", o.Region, o.Indicator, res, err)
		}
	}

	// Meanwhile another replica, which reaches InfluxDB, counts GDP in
	// yuan, and zizhou is removed from the bucket.
	other := cfg
	other.URL = os.Getenv("PLANCAST_TEST_INFLUX_URL")
	replica, err := influx.Open(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()
	inYuan := storetest.GDP
	inYuan.Unit = plancast.UnitYuan
	if err := replica.PutIndicators(ctx, []plancast.Indicator{inYuan}); err != nil {
		t.Fatal(err)
	}
	db, _, _ := strings.Cut(cfg.Bucket, "/")
	resp, err := http.PostForm(other.URL+"/query?db="+url.QueryEscape(db), url.Values{"q": {`DELETE FROM "` + cfg.Prefix + `region" WHERE "code" = 'zizhou'`}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || strings.Contains(string(body), `"error"`) {
		t.Fatalf("DELETE of zizhou: %s %s", resp.Status, body)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		rs, _, err := replica.FreshCatalog(ctx)
		if err == nil && len(rs) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("zizhou was not removed: %v %v", rs, err)
		}
	}

	proxy.Up()
	waitDrained(t, sp)
	st := sp.Status(ctx)
	t.Logf("status after the replay: %+v", st)
	if st.Dead != 2 {
		t.Fatalf("dead letters = %d; want the GDP batch (unit changed) and the zizhou batch (region removed)", st.Dead)
	}
	for _, want := range []string{"a queued batch of 1 figure accepted ", "(zizhou/gdp)", `region "zizhou" is not in the catalog now`, "set aside whole", "push it again from its source"} {
		if !strings.Contains(st.Refused, want) {
			t.Errorf("Status.Refused does not say %q: %s", want, st.Refused)
		}
	}
	got := map[string]float64{}
	for _, key := range []plancast.SeriesKey{{Region: "houma", Indicator: "gdp", Period: "year"}, {Region: "zizhou", Indicator: "gdp", Period: "year"}, {Region: "houma", Indicator: "retail_sales", Period: "year"}} {
		vs, err := replica.Vintages(ctx, key)
		if err != nil && plancast.ErrorCode(err) != plancast.ENOTFOUND {
			t.Fatal(err)
		}
		for _, v := range vs {
			got[v.Region+"/"+v.Indicator] = v.Value
		}
	}
	if _, ok := got["houma/gdp"]; ok {
		t.Errorf("houma's GDP, queued in 亿元, was written under an indicator now in yuan: %v", got)
	}
	if _, ok := got["zizhou/gdp"]; ok {
		t.Errorf("zizhou's GDP was written after zizhou was removed: %v", got)
	}
	if got["houma/retail_sales"] != 58.0 {
		t.Errorf("houma's retail sales, which still pass, = %v; want 58 written", got)
	}
}
