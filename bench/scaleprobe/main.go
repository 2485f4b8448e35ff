// Command scaleprobe runs the nationwide assessment in-process against an
// InfluxDB store, under the CPU profiler, to see where the time goes:
//
//	go run ./bench/scaleprobe --influx-url URL --bucket plancast/autogen --cpuprofile cpu.out [--full]
//
// --full hides the store's SeriesValuesOf, so the assessment reads through
// SeriesSet (every field) as a store without it would.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/forecast"
	"github.com/plancast/plancast/store/influx"
)

// fullStore hides SeriesValuesOf.
type fullStore struct{ plancast.Store }

func main() {
	url := flag.String("influx-url", "", "InfluxDB URL")
	bucket := flag.String("bucket", "plancast/autogen", "bucket")
	prof := flag.String("cpuprofile", "", "write a CPU profile here")
	full := flag.Bool("full", false, "read through SeriesSet (every field)")
	path := flag.String("path", "/api/v1/assessment?plan=14th-fyp", "request")
	out := flag.String("out", "", "write the answer here")
	phases := flag.Bool("phases", false, "time the phases (targets, series read, forecasts) one by one instead")
	flag.Parse()
	ctx := context.Background()
	st, err := influx.Open(ctx, influx.Config{URL: *url, Bucket: *bucket})
	if err != nil {
		log.Fatal(err)
	}
	var store plancast.Store = st
	if *full {
		store = fullStore{st}
	}
	if *phases {
		timePhases(ctx, st)
		return
	}
	srv := api.New(api.Config{Store: store})
	if *prof != "" {
		f, err := os.Create(*prof)
		if err != nil {
			log.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", *path, nil))
	if *out != "" {
		if err := os.WriteFile(*out, rec.Body.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("status %d, %d bytes in %v; heap peak-ish (Sys) %d MiB\n", rec.Code, rec.Body.Len(), time.Since(start), ms.Sys>>20)
}

func timePhases(ctx context.Context, st *influx.Store) {
	t0 := time.Now()
	ts, err := st.Targets(ctx, plancast.TargetFilter{Plan: "14th-fyp"})
	if err != nil {
		log.Fatal(err)
	}
	t1 := time.Now()
	fmt.Printf("targets: %d in %v\n", len(ts), t1.Sub(t0))
	keys := make([]plancast.SeriesKey, len(ts))
	for i, t := range ts {
		keys[i] = t.SeriesKey()
	}
	sets, err := plancast.ReadSeriesValuesOf(ctx, st, keys) // as the API reads them
	if err != nil {
		log.Fatal(err)
	}
	t2 := time.Now()
	n := 0
	byKey := map[plancast.SeriesKey]*plancast.Series{}
	for i := range sets {
		n += len(sets[i].Observations)
		byKey[plancast.SeriesKey{Region: sets[i].Region, Indicator: sets[i].Indicator, Period: sets[i].Period}] = &sets[i]
	}
	fmt.Printf("series: %d series, %d observations in %v\n", len(sets), n, t2.Sub(t1))
	indByCode := map[string]plancast.Indicator{}
	all, _ := st.Indicators(ctx)
	for _, i := range all {
		indByCode[i.Code] = i
	}
	fails := 0
	for _, t := range ts {
		s := byKey[t.SeriesKey()]
		years, values := make([]int, len(s.Observations)), make([]float64, len(s.Observations))
		for i, o := range s.Observations {
			years[i], values[i] = o.Year, o.Value
		}
		if _, err := forecast.Assess(t, indByCode[t.Indicator], years, values, forecast.Options{SkipBacktest: true}); err != nil {
			fails++
		}
	}
	t3 := time.Now()
	fmt.Printf("forecasts: %d targets (%d failed) in %v on one goroutine: %v each\n", len(ts), fails, t3.Sub(t2), t3.Sub(t2)/time.Duration(len(ts)))
}
