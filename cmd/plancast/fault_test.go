package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/influx"
)

// The fault tests run plancast and InfluxDB as real processes on loopback and
// kill them mid-stream. Each prints how many pushes were acknowledged and how
// many of those were found afterwards; any difference fails.

// checkAcknowledged compares what was acknowledged with what a store holds.
func checkAcknowledged(t *testing.T, acked []figure, series []plancast.Series) {
	t.Helper()
	have := map[string]float64{}
	for _, s := range series {
		for _, o := range s.Observations {
			have[fmt.Sprintf("%s/%d", s.Indicator, o.Year)] = o.Value
		}
	}
	lost := 0
	for _, f := range acked {
		if v, ok := have[fmt.Sprintf("%s/%d", f.Indicator, f.Year)]; !ok || v != f.Value {
			lost++
		}
	}
	t.Logf("acknowledged %d, found %d, lost %d", len(acked), len(acked)-lost, lost)
	fmt.Printf("%s: acknowledged %d, found %d, lost %d\n", t.Name(), len(acked), len(acked)-lost, lost)
	if lost > 0 {
		t.Fatalf("%d acknowledged observations lost", lost)
	}
}

// influxSeries reads houma's series straight from InfluxDB.
func influxSeries(t *testing.T, url string) []plancast.Series {
	t.Helper()
	st, err := influx.Open(context.Background(), influx.Config{URL: url, Bucket: "plancast/autogen"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	series, err := st.SeriesSet(context.Background(), plancast.SeriesSetQuery{Regions: []string{"houma"}})
	if err != nil {
		t.Fatal(err)
	}
	return series
}

// httpSeries reads houma's series of the pushed indicators through the API.
func httpSeries(t *testing.T, base string) []plancast.Series {
	t.Helper()
	var out []plancast.Series
	for _, ind := range pushIndicators {
		resp, err := http.Get(base + "/api/v1/series/houma/" + ind)
		if err != nil {
			t.Fatal(err)
		}
		var s plancast.Series
		if resp.StatusCode == 200 {
			if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
				t.Fatal(err)
			}
		}
		resp.Body.Close()
		out = append(out, s)
	}
	return out
}

// waitDrained waits until /healthz reports the backend reachable and the spool empty.
func waitDrained(t *testing.T, base string, server *proc) {
	t.Helper()
	deadline := time.Now().Add(120 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			var h struct {
				Status string
				Store  *plancast.StoreStatus
			}
			_ = json.NewDecoder(resp.Body).Decode(&h)
			resp.Body.Close()
			if h.Store != nil && h.Store.Reachable && h.Store.Queued == 0 {
				return
			}
			last = fmt.Sprintf("%+v %+v", h.Status, h.Store)
		}
		time.Sleep(200 * time.Millisecond)
	}
	out := server.Output()
	if len(out) > 3000 {
		out = out[len(out)-3000:]
	}
	t.Fatalf("the spool did not drain: %s\nserver log tail:\n%s", last, out)
}

// serveInflux starts plancast serve against InfluxDB with its spool in dataDir.
func serveInflux(t *testing.T, influxURL, dataDir, addr string) *proc {
	p := startPlancast(t, "serve", "--addr", addr, "--influx-url", influxURL, "--influx-bucket", "plancast/autogen", "--data-dir", dataDir, "--no-seed")
	waitHTTP(t, "http://"+addr+"/healthz", p)
	return p
}

// influxServer starts an influxd with the seed loaded and plancast serve
// on it, its spool in a temporary data directory: the influxd, a houma
// token, the server's base URL and its process.
func influxServer(t *testing.T) (d *influxd, token, base string, server *proc) {
	d = newInfluxd(t)
	d.start()
	token = seedInflux(t, d)
	addr := freeAddr(t)
	server = serveInflux(t, d.url(), t.TempDir(), addr)
	return d, token, "http://" + addr, server
}

// seedInflux creates the database, loads the seed and returns a houma token.
func seedInflux(t *testing.T, d *influxd) string {
	d.createDatabase("plancast")
	if _, err := runPlancast(t, "seed", "--influx-url", d.url(), "--influx-bucket", "plancast/autogen"); err != nil {
		t.Fatal(err)
	}
	out, err := runPlancast(t, "token", "create", "--region", "houma", "--influx-url", d.url(), "--influx-bucket", "plancast/autogen")
	if err != nil {
		t.Fatal(err)
	}
	return tokenIn(t, out)
}

// serveEmbedded starts plancast serve on the embedded store in dataDir.
func serveEmbedded(t *testing.T, dataDir, addr string) *proc {
	p := startPlancast(t, "serve", "--addr", addr, "--data-dir", dataDir)
	waitHTTP(t, "http://"+addr+"/healthz", p)
	return p
}

// seedEmbedded loads the seed into the embedded store in dataDir and returns
// a houma token.
func seedEmbedded(t *testing.T, dataDir string) string {
	if _, err := runPlancast(t, "seed", "--data-dir", dataDir); err != nil {
		t.Fatal(err)
	}
	out, err := runPlancast(t, "token", "create", "--region", "houma", "--data-dir", dataDir)
	if err != nil {
		t.Fatal(err)
	}
	return tokenIn(t, out)
}

func TestFaultInfluxDBKilledDuringPushes(t *testing.T) {
	d, token, base, server := influxServer(t)

	push := startPusher(t, base, token)
	push.waitFor(40)
	d.kill() // InfluxDB dies mid-stream; pushes are now spooled
	push.waitFor(40)
	d.start() // same data directory, same port
	push.waitFor(40)
	acked := push.acknowledged()
	if push.queued == 0 {
		t.Fatal("no push was answered 202 (queued) while InfluxDB was down")
	}
	t.Logf("%d pushes were queued in the spool while InfluxDB was down", push.queued)
	waitDrained(t, base, server)
	checkAcknowledged(t, acked, influxSeries(t, d.url()))
}

func TestFaultPlancastKilledWhileInfluxDBIsDown(t *testing.T) {
	d := newInfluxd(t)
	d.start()
	token := seedInflux(t, d)
	dataDir, addr := t.TempDir(), freeAddr(t)
	server := serveInflux(t, d.url(), dataDir, addr)
	base := "http://" + addr

	push := startPusher(t, base, token)
	push.waitFor(20)
	d.kill()
	push.waitFor(40) // these exist only in plancast's spool now
	server.kill()    // SIGKILL, mid-stream
	acked := push.acknowledged()

	d.start()
	server = serveInflux(t, d.url(), dataDir, addr) // the restarted server replays the spool
	waitDrained(t, base, server)
	checkAcknowledged(t, acked, influxSeries(t, d.url()))
}

func TestFaultPlancastKilledDuringPushesEmbedded(t *testing.T) {
	dataDir, addr := t.TempDir(), freeAddr(t)
	token := seedEmbedded(t, dataDir)
	server := serveEmbedded(t, dataDir, addr)

	push := startPusher(t, "http://"+addr, token)
	push.waitFor(60)
	server.kill() // SIGKILL right after acknowledgements, with pushes in flight
	acked := push.acknowledged()

	serveEmbedded(t, dataDir, addr) // the restart; the test's cleanup stops it
	checkAcknowledged(t, acked, httpSeries(t, "http://"+addr))
}

// mountTmpfs mounts a small tmpfs (root only). scripts/test.sh sets
// PLANCAST_TEST_FAULTS=1, which turns "cannot mount" into a failure.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("PLANCAST_TEST_FAULTS") != "" {
			t.Fatalf("mount a tmpfs for the full-disk test: %v %s", err, out)
		}
		t.Skipf("cannot mount a tmpfs here (%v %s): the full-disk tests need root", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	return dir
}

func TestFaultFullDataDirectory(t *testing.T) {
	dataDir := mountTmpfs(t, "2m")
	addr := freeAddr(t)
	token := seedEmbedded(t, dataDir)
	server := serveEmbedded(t, dataDir, addr)
	base := "http://" + addr

	// Push batches of 250 figures with long source quotes until the disk is full.
	quote := strings.Repeat("x", 2000)
	var acked []figure
	var fullAnswer string
	for batch := 0; batch < 200 && fullAnswer == ""; batch++ {
		var items []string
		var figs []figure
		for i := 0; i < 250; i++ {
			ind := pushIndicators[i%len(pushIndicators)]
			year := 1900 + (batch*250+i)/len(pushIndicators)%(lastPushYear-1900+1)
			// From 1000: a level's 0 beside a figure is refused as a blank
			// exported as 0, and a figure over 5 times the year before's as a
			// likely slip of units (1 then 15, with 14 indicators).
			value := float64(1000 + batch*1000 + i)
			items = append(items, fmt.Sprintf(`{"region":"houma","indicator":%q,"year":%d,"value":%g,"published":"2026-01-01","source":{"quote":%q}}`, ind, year, value, quote))
			figs = append(figs, figure{ind, year, value})
		}
		req, _ := http.NewRequest("POST", base+"/api/v1/observations", strings.NewReader("["+strings.Join(items, ",")+"]"))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("the server went away on a full disk: %v\n%s", err, server.Output())
		}
		var body struct {
			Error struct{ Code, Message string }
		}
		_ = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		switch {
		case resp.StatusCode == 200:
			// A later batch may revise an earlier year: keep the latest value per figure.
			acked = append(acked, figs...)
		case resp.StatusCode == 503 && body.Error.Code == "unavailable":
			fullAnswer = body.Error.Message
		default:
			t.Fatalf("full disk answered %d %+v", resp.StatusCode, body)
		}
	}
	if fullAnswer == "" {
		t.Fatal("the disk never filled up")
	}
	if !strings.Contains(fullAnswer, "space") {
		t.Errorf("the answer does not say the disk is full: %q", fullAnswer)
	}
	t.Logf("full disk answer: %s", fullAnswer)
	waitHTTP(t, base+"/healthz", server) // still up, still reading

	server.kill()
	serveEmbedded(t, dataDir, addr) // the restart; the test's cleanup stops it
	latest := map[string]figure{}
	for _, f := range acked {
		latest[fmt.Sprintf("%s/%d", f.Indicator, f.Year)] = f
	}
	var final []figure
	for _, f := range latest {
		final = append(final, f)
	}
	checkAcknowledged(t, final, httpSeries(t, base))
}

func TestFaultReadOnlyDataDirectory(t *testing.T) {
	dataDir := mountTmpfs(t, "8m")
	if _, err := runPlancast(t, "seed", "--data-dir", dataDir); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(filepath.Join(dataDir, "plancast.db"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-o", "remount,ro", dataDir).CombinedOutput(); err != nil {
		t.Fatalf("remount read-only: %v %s", err, out)
	}
	out, err := runPlancast(t, "serve", "--addr", freeAddr(t), "--data-dir", dataDir)
	if err == nil {
		t.Fatal("serve started on a read-only data directory")
	}
	if !strings.Contains(out, "read-only") {
		t.Errorf("the error does not say the directory is read-only: %s", out)
	}
	after, _ := os.ReadFile(filepath.Join(dataDir, "plancast.db"))
	if string(before) != string(after) {
		t.Error("the store file changed on a read-only directory")
	}
	t.Logf("read-only data directory: %s", lastErrorLine(out))
}

func lastErrorLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}
