package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// While InfluxDB is down, a push is judged against the catalog declarations
// queued before it as against the stored ones: a region token that declared
// an indicator in one queued push cannot change its unit in the next (only
// an admin token changes an existing indicator), as it cannot with InfluxDB
// up. The replay's line says what it declared: 1 new indicator.
func TestAQueuedPushIsJudgedAgainstTheDeclarationsQueuedBeforeIt(t *testing.T) {
	d := newInfluxd(t)
	d.start()
	token := seedInflux(t, d) // a houma region token
	dataDir, addr := t.TempDir(), freeAddr(t)
	server := serveInflux(t, d.url(), dataDir, addr)
	base := "http://" + addr
	if code, body := pushJSON(t, base, token, `[{"region":"houma","indicator":"gdp","year":2000,"value":10,"published":"2001-03-01"}]`); code != 200 {
		t.Fatalf("push with InfluxDB up: %d %s", code, body) // the server learns the token and the catalog
	}
	d.kill()

	declare := `{"indicators":[{"code":"tour2","name":"Tourism revenue 2","name_zh":"旅游收入二","unit":"100m_yuan","kind":"level","better":"higher"}],
		"observations":[{"region":"houma","indicator":"tour2","year":2021,"value":12.5,"published":"2022-03-01"}]}`
	if code, body := pushJSON(t, base, token, declare); code != 202 || !strings.Contains(body, `"queued":1`) {
		t.Fatalf("declaring tour2 with InfluxDB down: %d %s, want 202 queued", code, body)
	}
	change := `{"indicators":[{"code":"tour2","name":"Tourism visitors","name_zh":"旅游人数","unit":"persons","kind":"level","better":"higher"}],
		"observations":[{"region":"houma","indicator":"tour2","year":2022,"value":1250000,"published":"2023-03-01"}]}`
	code, body := pushJSON(t, base, token, change)
	if code != 403 || !strings.Contains(body, `changing the existing indicator \"tour2\" needs an admin token`) {
		t.Fatalf("changing tour2's unit by a region token with InfluxDB down: %d %s, want 403 (needs an admin token)", code, body)
	}

	d.start()
	waitDrained(t, base, server)
	series := httpGet(t, base+"/api/v1/series/houma/tour2")
	if !strings.Contains(series, `"100m_yuan"`) || strings.Contains(series, "1250000") {
		t.Errorf("tour2 after the replay: %s; want 100m_yuan with the 2021 figure only", series)
	}
	if log := server.Output(); !strings.Contains(log, "kind=indicators") || !strings.Contains(log, "kind=indicators batches=1") {
		t.Errorf("no replay line for the declaration:\n%s", log)
	} else if i := strings.Index(log, "kind=indicators"); !strings.Contains(log[i:min(i+200, len(log))], "new=1") {
		t.Errorf("the replay line does not count 1 new indicator: %s", log[i:min(i+200, len(log))])
	}
}

// httpGet returns the body of GET url, failing the test on anything but 200.
func httpGet(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return string(b)
}
