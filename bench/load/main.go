// Command load is plancast's HTTP load generator: N concurrent clients send
// GET requests to one path on a loopback server for a fixed time, then it
// prints requests per second and latency percentiles. It refuses any host
// that is not loopback, and exits non-zero when a request failed.
//
//	go run ./bench/load --url http://127.0.0.1:8080 --path /api/v1/series/houma/gdp/projection --clients 32 --duration 20s
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "server base URL (loopback only)")
	path := flag.String("path", "/api/v1/series/houma/gdp/projection", "path and query to GET")
	clients := flag.Int("clients", 32, "concurrent clients")
	duration := flag.Duration("duration", 20*time.Second, "how long to send requests")
	label := flag.String("label", "", "label for the result line")
	flag.Parse()
	if err := run(*base, *path, *clients, *duration, *label); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run(base, path string, clients int, duration time.Duration, label string) error {
	u, err := url.Parse(base + path)
	if err != nil {
		return err
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); !(host == "localhost" || (ip != nil && ip.IsLoopback())) {
		return fmt.Errorf("refusing %s: load tests target loopback only", host)
	}
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients, DisableCompression: true}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()

	var mu sync.Mutex
	var latencies []time.Duration
	var failures int
	var firstErr error
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			own := make([]time.Duration, 0, 1<<16)
			bad := 0
			var ownErr error
			for ctx.Err() == nil {
				t0 := time.Now()
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
				resp, err := client.Do(req)
				if err != nil {
					if errors.Is(ctx.Err(), context.DeadlineExceeded) {
						break // the run ended mid-request: not a failure of the server
					}
					bad++
					ownErr = err
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					bad++
					ownErr = fmt.Errorf("status %d", resp.StatusCode)
					continue
				}
				own = append(own, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, own...)
			failures += bad
			if firstErr == nil {
				firstErr = ownErr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))]
	}
	fmt.Printf("%s\t%s\tclients=%d\tseconds=%.1f\trequests=%d\terrors=%d\treq/s=%.0f\tp50=%.2fms\tp99=%.2fms\tmax=%.2fms\n",
		label, path, clients, elapsed.Seconds(), len(latencies), failures, float64(len(latencies))/elapsed.Seconds(),
		ms(pct(0.50)), ms(pct(0.99)), ms(pct(1)))
	if failures > 0 {
		return fmt.Errorf("%d requests failed (first: %v)", failures, firstErr)
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
