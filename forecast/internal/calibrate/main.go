// Command calibrate learns forecast's built-in interval calibration from the
// training years of a long-format yearly file (the last -holdout years of
// every series are dropped first, so the table never sees the test years),
// each series scaled with its category's pooled scale:
//
//	go run ./forecast/internal/calibrate -in ../shared/bench/m3-yearly/series.csv -holdout 6 -out forecast/calibration.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/plancast/plancast/forecast"
	"github.com/plancast/plancast/forecast/benchfile"
)

func main() {
	in := flag.String("in", "", "long-format series file")
	holdout := flag.Int("holdout", 6, "years dropped from the end of each series before learning")
	maxH := flag.Int("maxh", 10, "longest horizon learnt")
	recent := flag.Int("recent", 0, "use only origins within the last N training years (0: all)")
	out := flag.String("out", "forecast/calibration.json", "output file")
	flag.Parse()
	ss, err := benchfile.ReadLongFile(*in)
	if err != nil {
		log.Fatal(err)
	}
	var train [][]float64
	var groups []string
	for _, s := range ss {
		if len(s.Values) > *holdout+2 {
			train = append(train, s.Values[:len(s.Values)-*holdout])
			groups = append(groups, s.Category)
		}
	}
	// Every series is calibrated with its category's pooled scale, as the
	// backtest command forecasts it; the service forecasts its macroeconomic
	// indicators with forecast.DefaultPooledScale, the MACRO category's.
	byGroup := forecast.GroupPooledScales(train, groups)
	pooled := make([]float64, len(train))
	for i, g := range groups {
		pooled[i] = byGroup[g]
	}
	stride := map[string]int{
		forecast.MethodSES: 2, forecast.MethodTheta: 2, forecast.MethodHolt: 3,
		forecast.MethodDamped: 3, forecast.MethodThetaOptim: 3,
	}
	t0 := time.Now()
	c := forecast.LearnCalibration(train, pooled, forecast.LearnOptions{Methods: forecast.Methods(), MaxH: *maxH, Stride: stride, Recent: *recent})
	c.Source = fmt.Sprintf("go run ./forecast/internal/calibrate -in %s -holdout %d -maxh %d -recent %d: %d series (training years only), pooled scale per category %s, learnt in %v",
		shortPath(*in), *holdout, *maxH, *recent, len(train), formatScales(byGroup), time.Since(t0).Round(time.Second))
	round(c)
	b, err := json.Marshal(c)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Print(c.Source)
}

// round keeps four decimals: the tables are estimates, not exact values.
func round(c *forecast.Calibration) {
	for _, t := range c.Q {
		for _, b := range t {
			for _, h := range b {
				for i, v := range h {
					h[i] = math.Round(v*1e4) / 1e4
				}
			}
		}
	}
}

// formatScales lists the pooled scales by group name.
func formatScales(m map[string]float64) string {
	var parts []string
	for _, g := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %.4f", g, m[g]))
	}
	return strings.Join(parts, ", ")
}

func shortPath(p string) string {
	if i := strings.Index(p, "shared/"); i >= 0 {
		return "../" + p[i:]
	}
	return p
}
