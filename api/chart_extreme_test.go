package api_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A chart of a series holding a figure of 1e280 or 1e308, pushed with
// accept_jumps as a bureau may, is answered within a few seconds with a
// PNG that decodes, at the default size and the dashboard's, and so is a
// comparison of it: drawing the fan of such a series (its 95% bound the
// largest float64) spun the server without end, past the client's going
// and the shutdown's grace.
func TestAChartOfAWildFigureIsAnswered(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	for _, wild := range []string{"1e280", "1e308"} {
		var csv strings.Builder
		csv.WriteString("region,indicator,year,value,unit\n")
		// the user's: 2015, then 2020–2025
		for _, f := range []struct {
			year  int
			value string
		}{{2015, "52.1"}, {2020, "68.5"}, {2021, "73.9"}, {2022, wild}, {2023, "79.1"}, {2024, "82.4"}, {2025, "86.3"}} {
			fmt.Fprintf(&csv, "houma,retail_sales,%d,%s,亿元\n", f.year, f.value)
		}
		s.do("POST", "/api/v1/observations?filename=wild.csv&accept_jumps=true", "text/csv", houma, []byte(csv.String())).decode(t, 200, nil)
		for _, path := range []string{"/charts/houma/retail_sales.png", "/charts/houma/retail_sales.png?width=560&height=350&lang=zh", "/charts/compare/retail_sales.png?regions=houma"} {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.url+path, nil)
			start := time.Now()
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				cancel()
				t.Fatalf("2022 = %s: GET %s: %v", wild, path, err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			cancel()
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("2022 = %s: GET %s: %d %s %v", wild, path, resp.StatusCode, body, err)
			}
			if _, err := png.Decode(bytes.NewReader(body)); err != nil {
				t.Errorf("2022 = %s: GET %s: the PNG does not decode: %v", wild, path, err)
			}
			t.Logf("2022 = %s: %s answered in %s", wild, path, time.Since(start).Round(time.Millisecond))
		}
	}
}

// A chart not drawn within the server's time limit is stopped there: the
// answer is 503, unavailable, saying so and what to try, never cached, and
// the log names the chart. The next request, within the limit, draws it.
func TestAChartPastItsTimeLimitIsStoppedWith503(t *testing.T) {
	var logs bytes.Buffer
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	api.SetChartTimeLimit(t, time.Nanosecond)
	for _, path := range []string{"/charts/houma/gdp.png", "/charts/compare/gdp.svg?regions=houma,zizhou"} {
		r := s.get(path)
		msg := r.wantError(t, 503, "unavailable")
		if !strings.Contains(msg, "the chart "+path+" took longer than 1ns to draw and was stopped") || !strings.Contains(msg, "width=") {
			t.Errorf("GET %s: %q; want it to say the chart took longer than 1ns and was stopped, and what to ask for", path, msg)
		}
		if cc := r.header.Get("Cache-Control"); cc != "" {
			t.Errorf("GET %s: Cache-Control %q on an error", path, cc)
		}
		if !slices.ContainsFunc(strings.Split(logs.String(), "\n"), func(l string) bool {
			return strings.Contains(l, `msg="chart: the drawing ran past its time limit and was stopped"`) && strings.Contains(l, path)
		}) {
			t.Errorf("GET %s: the log does not name the chart stopped:\n%s", path, logs.String())
		}
	}
	api.SetChartTimeLimit(t, 20*time.Second)
	if r := s.get("/charts/houma/gdp.png"); r.status != 200 {
		t.Errorf("within the limit: %d %s", r.status, r.body)
	}
}
