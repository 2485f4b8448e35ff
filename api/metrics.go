package api

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus series, on a registry of its own (so
// that several servers in one test binary do not collide).
type metrics struct {
	reg       *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	forecasts prometheus.Counter
	cache     *prometheus.CounterVec
}

func newMetrics(backups func() BackupStatus) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "plancast_http_requests_total", Help: "HTTP requests by route pattern, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "plancast_http_request_duration_seconds", Help: "HTTP request latency by route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method"}),
		forecasts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "plancast_forecasts_computed_total", Help: "Series projected (cache misses of projections and assessments).",
		}),
		cache: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "plancast_cache_requests_total", Help: "Cache lookups of computed answers by cache and result (hit or miss).",
		}, []string{"cache", "result"}),
	}
	// The running build as labels of a gauge that is always 1, as
	// Prometheus' own servers and exporters say theirs: joined on, it tells
	// which build each replica runs (and when it changed).
	b := CurrentBuild()
	buildInfo := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "plancast_build_info", Help: "The running build: version, VCS revision and Go version as stamped into the binary (\"unknown\" or \"devel\" where not); always 1.",
		ConstLabels: prometheus.Labels{"version": b.Version, "revision": b.Revision, "goversion": b.GoVersion},
	})
	buildInfo.Set(1)
	m.reg.MustRegister(m.requests, m.latency, m.forecasts, m.cache, buildInfo,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if backups != nil {
		m.reg.MustRegister(backupCollector{backups})
	}
	return m
}

// backupCollector reports the scheduled backups, read when scraped: the
// time of the newest copy (alert when it grows old) and the attempts by
// result.
type backupCollector struct{ status func() BackupStatus }

var (
	backupLastDesc = prometheus.NewDesc("plancast_backup_last_success_timestamp_seconds",
		"When the newest scheduled backup of the store was written (Unix time); 0 before the first.", nil, nil)
	backupTotalDesc = prometheus.NewDesc("plancast_backups_total",
		"Scheduled backups since the server started, by result: written, skipped (nothing changed), failed.", []string{"result"}, nil)
)

func (b backupCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- backupLastDesc
	ch <- backupTotalDesc
}

func (b backupCollector) Collect(ch chan<- prometheus.Metric) {
	st := b.status()
	last := 0.0
	if !st.Last.IsZero() {
		last = float64(st.Last.UnixNano()) / 1e9
	}
	ch <- prometheus.MustNewConstMetric(backupLastDesc, prometheus.GaugeValue, last)
	for result, n := range map[string]int{"written": st.Written, "skipped": st.Skipped, "failed": st.Failed} {
		ch <- prometheus.MustNewConstMetric(backupTotalDesc, prometheus.CounterValue, float64(n), result)
	}
}

func (m *metrics) observe(route, method string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route, method).Observe(d.Seconds())
}

func (m *metrics) handler() echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
