package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
	"github.com/plancast/plancast/forecast/benchfile"
)

func init() {
	register(&command{name: "backtest", summary: "forecast held-out years of a benchmark file (shared/bench format)", run: runBacktest})
}

func runBacktest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("backtest", "--input FILE --horizon H --out FILE [--method NAME]",
		"Holds out the last H years of every series of a long-format file (series_id,category,value,timestamp),\n"+
			"forecasts them from the years before, and writes series_id,method,horizon,timestamp,forecast,lo80,hi80,lo95,hi95.\n"+
			"The pooled volatility behind the intervals is learnt per category from the file's training years.", stderr)
	input := fs.String("input", "", "long-format series file")
	horizon := fs.Int("horizon", 6, "years held out and forecast")
	out := fs.String("out", "", "forecasts file to write")
	method := fs.String("method", forecast.MethodAuto, fmt.Sprintf("method: one of %v", forecast.Methods()))
	calFile := fs.String("calibration", "", "interval calibration table (JSON from forecast/internal/calibrate); default built in")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "series forecast in parallel")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *input == "" || *out == "" {
		fs.Usage()
		return usageErrorf("--input and --out are required")
	}
	if !slices.Contains(forecast.Methods(), *method) {
		return usageErrorf("unknown method %q (one of %v)", *method, forecast.Methods())
	}
	if *horizon < 1 || *horizon > forecast.MaxHorizon {
		return usageErrorf("--horizon must be between 1 and %d", forecast.MaxHorizon)
	}
	t0 := time.Now()
	series, err := benchfile.ReadLongFile(*input)
	if err != nil {
		return fmt.Errorf("backtest: %w", err)
	}
	h := *horizon
	// The pooled volatility s₀ is learnt per category from the training
	// years alone, the way the built-in table was learnt.
	train := make([][]float64, 0, len(series))
	groups := make([]string, 0, len(series))
	for _, s := range series {
		if len(s.Values) > h {
			train = append(train, s.Values[:len(s.Values)-h])
			groups = append(groups, s.Category)
		}
	}
	pooled := forecast.GroupPooledScales(train, groups)
	if len(pooled) > 1 || (len(groups) > 0 && groups[0] != "") {
		fmt.Fprintf(stderr, "backtest: pooled volatility (mean absolute annual log change) per category: %s\n", formatPooled(pooled))
	}
	opt := forecast.Options{Horizon: h, Method: *method, SkipBacktest: true}
	if *calFile != "" {
		b, err := os.ReadFile(*calFile)
		if err != nil {
			return fmt.Errorf("backtest: %w", err)
		}
		if opt.Calibration, err = forecast.ReadCalibration(b); err != nil {
			return fmt.Errorf("backtest: %s: %w", *calFile, err)
		}
	}

	lines := make([][]byte, len(series))
	errs := make([]error, len(series))
	var done sync.WaitGroup
	next := make(chan int)
	progress := make(chan struct{}, len(series))
	for range max(*workers, 1) {
		done.Add(1)
		go func() {
			defer done.Done()
			for i := range next {
				o := opt
				o.PooledScale = pooled[series[i].Category]
				lines[i], errs[i] = backtestOne(series[i], h, *method, o)
				progress <- struct{}{}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range series {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { done.Wait(); close(progress) }()
	count, last := 0, time.Now()
	for range progress {
		count++
		if time.Since(last) > 200*time.Millisecond || count == len(series) {
			fmt.Fprintf(stderr, "\rbacktest: %d/%d series", count, len(series))
			last = time.Now()
		}
	}
	fmt.Fprintln(stderr)
	if err := ctx.Err(); err != nil {
		return err
	}
	elapsed := time.Since(t0)

	w, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("backtest: %w", err)
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(benchfile.ForecastHeader)
	skipped := 0
	for i, l := range lines {
		if errs[i] != nil {
			skipped++
			fmt.Fprintf(stderr, "backtest: series %s skipped: %v\n", series[i].ID, errs[i])
			continue
		}
		bw.Write(l)
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return fmt.Errorf("backtest: write %s: %w", *out, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("backtest: write %s: %w", *out, err)
	}
	n := len(series) - skipped
	fmt.Fprintf(stdout, "%d series, method %s, horizon %d: %.3f s, %.0f series/s (%d workers); wrote %s\n",
		n, *method, h, elapsed.Seconds(), float64(n)/elapsed.Seconds(), *workers, *out)
	return nil
}

// backtestOne forecasts the last h years of s from the years before and
// returns the CSV lines.
func backtestOne(s benchfile.Series, h int, method string, opt forecast.Options) ([]byte, error) {
	n := len(s.Years) - h
	if n < 2 {
		return nil, plancast.Errorf(plancast.EINVALID, "%d years leave fewer than two to fit after holding out %d", len(s.Years), h)
	}
	// Forecast to the last held-out year, which may lie beyond n+h when the
	// held-out years have gaps; rows are written for the held-out years.
	o := opt
	o.Horizon = s.Years[len(s.Years)-1] - s.Years[n-1]
	r, err := forecast.Forecast(s.Years[:n], s.Values[:n], o)
	if err != nil {
		return nil, err
	}
	var buf []byte
	for k := 1; k <= h; k++ {
		y := s.Years[n-1+k]
		pt := r.Points[y-r.LastYear-1]
		buf = benchfile.AppendForecast(buf, benchfile.ForecastRow{SeriesID: s.ID, Method: method, Horizon: k, Year: y, ProjectionPoint: pt})
	}
	return buf, nil
}

// formatPooled lists the pooled scales by category, e.g. "MACRO 0.044, MICRO 0.133".
func formatPooled(m map[string]float64) string {
	parts := make([]string, 0, len(m))
	for _, g := range slices.Sorted(maps.Keys(m)) {
		name := g
		if name == "" {
			name = "(none)"
		}
		parts = append(parts, fmt.Sprintf("%s %.3f", name, m[g]))
	}
	return strings.Join(parts, ", ")
}
