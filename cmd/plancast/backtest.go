package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
	"github.com/plancast/plancast/forecast/benchfile"
)

func init() {
	register(&command{name: "backtest", summary: "forecast held-out years of a benchmark file (shared/bench format)", run: runBacktest})
}

func runBacktest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("backtest", "--input FILE --horizon H --out FILE [--method NAME] [--check-probabilities]",
		"Holds out the last H years of every series of a long-format file (series_id,category,value,timestamp),\n"+
			"forecasts them from the years before, and writes series_id,method,horizon,timestamp,forecast,lo80,hi80,lo95,hi95.\n"+
			"The pooled volatility behind the intervals is learnt per category from the file's training years.\n"+
			"--check-probabilities also prints how the predictive distributions fared against the held-out years:\n"+
			"the share of outcomes below each quantile, and how often level and annual growth targets set around\n"+
			"each series' pace were met against the probability of meeting them that an assessment would have given.", stderr)
	input := fs.String("input", "", "long-format series file")
	horizon := fs.Int("horizon", 6, "years held out and forecast")
	out := fs.String("out", "", "forecasts file to write")
	method := fs.String("method", forecast.MethodAuto, fmt.Sprintf("method: one of %v", forecast.Methods()))
	calFile := fs.String("calibration", "", "interval calibration table (JSON from forecast/internal/calibrate); default built in")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "series forecast in parallel")
	checkProbs := fs.Bool("check-probabilities", false, "print the calibration of the whole predictive distribution and of target probabilities on the held-out years")
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
	// --out is created before the input is read and the series forecast,
	// which take minutes on a big file: a path that cannot be created is
	// said at once. The forecasts go to a file beside it, renamed into
	// place once written whole; any failure before that leaves --out as
	// it was.
	w, err := createOut(*out)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			w.Abort()
		}
	}()
	// Errors are said as "plancast backtest: " (Main) and then as they
	// come: the os and benchfile errors name their file themselves.
	series, err := benchfile.ReadLongFile(*input)
	if err != nil {
		return err
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
			return err
		}
		if opt.Calibration, err = forecast.ReadCalibration(b); err != nil {
			return fmt.Errorf("%s: %w", *calFile, err)
		}
	}

	lines := make([][]byte, len(series))
	var checks []forecast.ProbabilityCheck
	if *checkProbs {
		checks = make([]forecast.ProbabilityCheck, len(series))
	}
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
				var check *forecast.ProbabilityCheck
				if checks != nil {
					check = &checks[i]
				}
				lines[i], errs[i] = backtestOne(series[i], h, *method, o, check)
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
	// When no series could be forecast (all too short for the horizon, most
	// often) there is nothing to write: say so, and leave --out alone.
	if len(series) > 0 && !slices.ContainsFunc(errs, func(err error) bool { return err == nil }) {
		return plancast.Errorf(plancast.EINVALID, "none of the %d series could be forecast with --horizon %d (series %s: %v); %s not written",
			len(series), h, series[0].ID, errs[0], *out)
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
		return err // "write FILE: ..."
	}
	committed = true
	if err := w.Commit(); err != nil {
		return err
	}
	n := len(series) - skipped
	fmt.Fprintf(stdout, "%d series, method %s, horizon %d: %.3f s, %.0f series/s (%d workers); wrote %s\n",
		n, *method, h, elapsed.Seconds(), float64(n)/elapsed.Seconds(), *workers, *out)
	if checks != nil {
		var all forecast.ProbabilityCheck
		for i := range checks {
			all.Merge(&checks[i])
		}
		writeProbabilityCheck(stdout, &all, n)
	}
	return nil
}

// backtestOne forecasts the last h years of s from the years before and
// returns the CSV lines; check, when not nil, scores the forecast against
// the held-out years.
func backtestOne(s benchfile.Series, h int, method string, opt forecast.Options, check *forecast.ProbabilityCheck) ([]byte, error) {
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
	if check != nil {
		pace, ok := forecast.HistoricalGrowth(s.Years[:n], s.Values[:n])
		if !ok {
			pace = math.NaN()
		}
		// Growth targets: of each year over the year before, and on average
		// from the first held-out year (projected) to each later one.
		first := s.Years[n]
		for k := 1; k <= h; k++ {
			y, v := s.Years[n-1+k], s.Values[n-1+k]
			check.Add(r, pace, y, v)
			if s.Years[n-2+k] == y-1 {
				check.AddGrowth(r, pace, y-1, y, v, s.Values[n-2+k])
			}
			if y-first > 1 {
				check.AddGrowth(r, pace, first, y, v, s.Values[n])
			}
		}
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

// writeProbabilityCheck prints what --check-probabilities measured: the
// share of outcomes below each quantile (q for calibrated forecasts), and for
// level targets and for growth targets (over the latest figure, over a
// projected year, and on average over years from a projected one) a
// reliability table of the probabilities given, binned at
// the status thresholds, with the Brier score.
func writeProbabilityCheck(w io.Writer, c *forecast.ProbabilityCheck, series int) {
	fmt.Fprintf(w, "\nProbabilities against the %d held-out figures of %d series\n", c.Outcomes, series)
	if c.Outcomes == 0 {
		return
	}
	fmt.Fprintln(w, "share of outcomes below the forecast's quantile (calibrated: the quantile's level):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	level, below := "  quantile\t", "  outcomes below\t"
	for i, q := range forecast.PITLevels {
		level += fmt.Sprintf("%g%%\t", 100*q)
		below += fmt.Sprintf("%.1f%%\t", 100*float64(c.Below[i])/float64(c.Outcomes))
	}
	fmt.Fprintln(tw, level)
	fmt.Fprintln(tw, below)
	tw.Flush()

	offsets := make([]string, len(forecast.CheckTargetOffsets))
	for i, d := range forecast.CheckTargetOffsets {
		offsets[i] = fmt.Sprintf("%+g", 100*d)
	}
	pace := strings.Join(offsets, ", ")
	writeReliability(w, "level targets at each series' pace "+pace+" points a year, above the latest figure", &c.Level)
	writeReliability(w, "growth targets of the year after the latest figure at each series' pace "+pace+" points, above 0", &c.GrowthFromLatest)
	writeReliability(w, "growth targets of a later year over the year before, itself projected, as above", &c.GrowthFromProjected)
	writeReliability(w, "growth targets of 2 or more years' average from the first year forecast, itself projected, as above", &c.AverageGrowthFromProjected)
}

// writeReliability prints one kind of target's reliability table under a
// header counting its targets, with the targets by status and the Brier
// score.
func writeReliability(w io.Writer, header string, r *forecast.Reliability) {
	set, met := r.Targets()
	fmt.Fprintf(w, "%s: %d, %d met (%.1f%%)\n", header, set, met, 100*float64(met)/float64(max(set, 1)))
	if set == 0 {
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  probability given\ttargets\tmean given\tmet\tshare met\t")
	for _, b := range r.Bins {
		if b.Targets == 0 {
			continue
		}
		fmt.Fprintf(tw, "  %g–%g%%\t%d\t%.1f%%\t%d\t%.1f%%\t\n", 100*b.Lo, 100*b.Hi, b.Targets, 100*b.MeanGiven(), b.Met, 100*b.ShareMet())
	}
	tw.Flush()
	var status []string
	for _, b := range r.ByStatus() {
		if b.Targets > 0 {
			status = append(status, fmt.Sprintf("%s %d, met %d (%.1f%%; given %.1f%%)", b.Status, b.Targets, b.Met, 100*b.ShareMet(), 100*b.MeanGiven()))
		}
	}
	fmt.Fprintf(w, "by the status an assessment gives: %s\n", strings.Join(status, "; "))
	score, ref := r.Brier()
	fmt.Fprintf(w, "Brier score %.4f; %.4f giving every target the share met: skill %.2f\n", score, ref, 1-score/ref)
}
