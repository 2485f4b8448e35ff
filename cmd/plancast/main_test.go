package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain lets tests run the real command line in a child process: when
// PLANCAST_TEST_MAIN_ARGS holds a JSON list of arguments, this test binary is
// plancast itself.
func TestMain(m *testing.M) {
	if raw := os.Getenv("PLANCAST_TEST_MAIN_ARGS"); raw != "" {
		var args []string
		if err := json.Unmarshal([]byte(raw), &args); err != nil {
			fmt.Fprintln(os.Stderr, "bad PLANCAST_TEST_MAIN_ARGS:", err)
			os.Exit(2)
		}
		main2(args)
	}
	os.Exit(m.Run())
}

// main2 is main with given arguments.
func main2(args []string) {
	ctx, stop := signalContext()
	code := Main(ctx, args, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// proc is a plancast child process.
type proc struct {
	t      *testing.T
	cmd    *exec.Cmd
	mu     sync.Mutex
	output bytes.Buffer
	exited chan struct{}
}

func (p *proc) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.output.Write(b)
}

// Output returns what the process printed so far.
func (p *proc) Output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.output.String()
}

// startPlancast runs "plancast ARGS..." as a child process.
func startPlancast(t *testing.T, args ...string) *proc {
	t.Helper()
	raw, _ := json.Marshal(args)
	p := &proc{t: t, exited: make(chan struct{})}
	p.cmd = exec.Command(os.Args[0])
	p.cmd.Env = append(os.Environ(), "PLANCAST_TEST_MAIN_ARGS="+string(raw))
	p.cmd.Stdout, p.cmd.Stderr = p, p
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = p.cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() { p.kill() })
	return p
}

// runPlancast runs a command to completion and returns its output.
func runPlancast(t *testing.T, args ...string) (string, error) {
	t.Helper()
	p := startPlancast(t, args...)
	select {
	case <-p.exited:
	case <-time.After(2 * time.Minute):
		p.kill()
		t.Fatalf("plancast %v did not finish", args)
	}
	if p.cmd.ProcessState.ExitCode() != 0 {
		return p.Output(), fmt.Errorf("plancast %v exited %d: %s", args, p.cmd.ProcessState.ExitCode(), p.Output())
	}
	return p.Output(), nil
}

// kill sends SIGKILL and waits for the process to be gone.
func (p *proc) kill() {
	select {
	case <-p.exited:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.exited
}

// freeAddr returns a loopback address with a free port.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// waitHTTP waits until GET url answers 200.
func waitHTTP(t *testing.T, url string, p *proc) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if p != nil {
			select {
			case <-p.exited:
				t.Fatalf("process exited while waiting for %s:\n%s", url, p.Output())
			default:
			}
		}
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s did not answer within 60 s", url)
}

// influxd is an InfluxDB 1.8 server this test starts and stops itself.
type influxd struct {
	t    *testing.T
	bin  string
	dir  string
	addr string
	p    *exec.Cmd
	done chan struct{}
}

// newInfluxd prepares a server with its own data directory and port. The
// binary comes from PLANCAST_INFLUXD (scripts/test.sh sets it); without it the
// test skips, unless the test command is running (then it fails).
func newInfluxd(t *testing.T) *influxd {
	t.Helper()
	bin := os.Getenv("PLANCAST_INFLUXD")
	if bin == "" {
		if os.Getenv("PLANCAST_TEST_INFLUX_URL") != "" {
			t.Fatal("PLANCAST_TEST_INFLUX_URL is set but PLANCAST_INFLUXD is not: run through scripts/test.sh")
		}
		t.Skip("PLANCAST_INFLUXD is not set: the InfluxDB fault tests run through scripts/test.sh")
	}
	d := &influxd{t: t, bin: bin, dir: t.TempDir(), addr: freeAddr(t)}
	conf := fmt.Sprintf(`reporting-disabled = true
bind-address = %q
[meta]
  dir = %q
[data]
  dir = %q
  wal-dir = %q
  query-log-enabled = false
[http]
  bind-address = %q
  flux-enabled = true
  log-enabled = false
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
`, freeAddr(t), filepath.Join(d.dir, "meta"), filepath.Join(d.dir, "data"), filepath.Join(d.dir, "wal"), d.addr)
	if err := os.WriteFile(filepath.Join(d.dir, "influxdb.conf"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.kill)
	return d
}

func (d *influxd) url() string { return "http://" + d.addr }

// start runs the server and waits until it answers /ping.
func (d *influxd) start() {
	d.t.Helper()
	d.p = exec.Command(d.bin, "run", "-config", filepath.Join(d.dir, "influxdb.conf"))
	logf, err := os.OpenFile(filepath.Join(d.dir, "influxd.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		d.t.Fatal(err)
	}
	d.p.Stdout, d.p.Stderr = logf, logf
	if err := d.p.Start(); err != nil {
		d.t.Fatal(err)
	}
	d.done = make(chan struct{})
	go func() { _ = d.p.Wait(); logf.Close(); close(d.done) }()
	deadline := time.Now().Add(120 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(d.url() + "/ping"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 204 {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	log, _ := os.ReadFile(filepath.Join(d.dir, "influxd.log"))
	d.t.Fatalf("influxd did not start:\n%s", log)
}

// kill stops the server with SIGKILL (no chance to flush anything).
func (d *influxd) kill() {
	if d.p == nil || d.p.Process == nil {
		return
	}
	select {
	case <-d.done:
		return
	default:
	}
	_ = d.p.Process.Signal(syscall.SIGKILL)
	<-d.done
}

// createDatabase runs CREATE DATABASE through InfluxQL, with the one shard
// for all years the README asks for (influxtest.Open's database has it too).
func (d *influxd) createDatabase(name string) {
	d.t.Helper()
	resp, err := http.Post(d.url()+"/query?q="+strings.ReplaceAll("CREATE DATABASE "+name+" WITH SHARD DURATION 14040w", " ", "+"), "", nil)
	if err != nil {
		d.t.Fatal(err)
	}
	resp.Body.Close()
}

// pusher pushes one observation per request, sequentially, and records which
// were acknowledged with 2xx.
type pusher struct {
	t        *testing.T
	url      string
	token    string
	mu       sync.Mutex
	acked    []figure
	queued   int // of the acknowledged, how many were answered 202 (spooled)
	failures int
	stop     chan struct{}
	done     chan struct{}
}

type figure struct {
	Indicator string
	Year      int
	Value     float64
}

func startPusher(t *testing.T, url, token string) *pusher {
	p := &pusher{t: t, url: url, token: token, stop: make(chan struct{}), done: make(chan struct{})}
	go p.run()
	t.Cleanup(p.halt)
	return p
}

// indicators cycled through so that the figures do not run out of years:
// a figure is of 1900–2025, dated 2026-01-01, as no figure of a year not
// begun is taken; 14 × 126 figures, each a key of its own.
var pushIndicators = []string{"gdp", "industrial_value_added", "budget_revenue", "fiscal_revenue", "urban_disposable_income",
	"rural_disposable_income", "rural_cash_income", "fixed_asset_investment", "retail_sales", "industrial_output",
	"new_urban_jobs", "electricity_sales", "crude_oil_output", "natural_gas_output"}

// lastPushYear is the last year a pushed figure is of (its date is 2026-01-01).
const lastPushYear = 2025

func (p *pusher) run() {
	defer close(p.done)
	client := &http.Client{Timeout: 15 * time.Second}
	for i := 0; ; i++ {
		select {
		case <-p.stop:
			return
		default:
		}
		f := figure{Indicator: pushIndicators[i%len(pushIndicators)], Year: 1900 + i/len(pushIndicators), Value: 1000 + float64(i) + 0.25} // from 1000: no jump of 5 times is refused
		if f.Year > lastPushYear {
			return
		}
		body := fmt.Sprintf(`[{"region":"houma","indicator":%q,"year":%d,"value":%g,"published":"2026-01-01"}]`, f.Indicator, f.Year, f.Value)
		req, _ := http.NewRequest("POST", p.url+"/api/v1/observations", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+p.token)
		resp, err := client.Do(req)
		if err != nil {
			p.mu.Lock()
			p.failures++
			p.mu.Unlock()
			time.Sleep(20 * time.Millisecond)
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		p.mu.Lock()
		if resp.StatusCode/100 == 2 {
			p.acked = append(p.acked, f)
			if resp.StatusCode == http.StatusAccepted {
				p.queued++
			}
		} else {
			p.failures++
		}
		p.mu.Unlock()
	}
}

func (p *pusher) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.acked)
}

// waitFor waits until n more pushes were acknowledged.
func (p *pusher) waitFor(n int) {
	p.t.Helper()
	target := p.count() + n
	deadline := time.Now().Add(90 * time.Second)
	for p.count() < target {
		if time.Now().After(deadline) {
			p.t.Fatalf("only %d of %d pushes acknowledged in time (%d failures)", p.count(), target, p.failures)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// halt stops pushing and returns what was acknowledged.
func (p *pusher) halt() {
	select {
	case <-p.stop:
	default:
		close(p.stop)
	}
	<-p.done
}

func (p *pusher) acknowledged() []figure {
	p.halt()
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]figure(nil), p.acked...)
}

// tokenIn returns the token "plancast token create" printed.
func tokenIn(t *testing.T, output string) string {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(output))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); strings.HasPrefix(l, "pc_") {
			return l
		}
	}
	t.Fatalf("no token in %q", output)
	return ""
}
