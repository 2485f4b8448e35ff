package influx

import (
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/influxdata/influxdb-client-go/v2/api"

	"github.com/plancast/plancast"
)

// pairRegionsPerQuery is how many regions one SeriesValuesOf query names for
// one indicator: 200 regions × 30 years is 6,000 rows, far inside the request
// timeout. On the nationwide dataset 100, 200 and 400 cost 16.4, 13.8 and
// 12.4 s of influxd CPU, within the noise of each other (bench/scale.md).
const pairRegionsPerQuery = 200

// SeriesValuesOf is SeriesSet for callers that need only the numbers of
// given series (bulk assessments): the same latest vintages, but each
// observation carries only its region, indicator, period, year, value,
// stated growth and Recorded — no status, no source, and Published only where
// a figure has several vintages (it decides which one is the latest). It
// reads the value and growth fields alone, without a pivot, and decodes the
// CSV answer itself, which for a nationwide assessment is several times
// cheaper for InfluxDB and for this process than SeriesSet. Only the points
// of figures with a stated growth have growth fields, so they add few rows;
// they are joined to their value by figure and vintage.
//
// It reads only the series asked for: one query per indicator and period for
// up to pairRegionsPerQuery of the regions that need it, named in a regular
// expression (which, unlike a chain of equalities, costs InfluxDB next to
// nothing to plan). The 34,200 targets of the nationwide dataset need 32,217
// of its 114,000 series; reading the cross product of their regions and
// indicators cost 3–4 times the InfluxDB CPU (bench/scale.md).
//
// An estimate (plancast.StatusEstimate) carries its status and published
// date, as the series read of bolt does: an estimate of the year in
// progress is not the year's figure to an assessment
// (forecast.EstimatedEarly). Only the status rows that say estimate are
// asked for, and the published dates of those series alone.
func (s *Store) SeriesValuesOf(ctx context.Context, keys []plancast.SeriesKey) ([]plancast.Series, error) {
	return s.seriesValues(ctx, keys, fullRange, valueFields...)
}

// valueFields are the fields a values read asks for, with the status of
// estimates (estimateStatus; not for SeriesValuesBetween, which reads the
// first three); figureFields have every figure's status (FiguresBetween).
var (
	valueFields  = []string{"value", fieldGrowth, fieldGrowthBase, estimateStatus}
	figureFields = []string{"value", fieldGrowth, fieldGrowthBase, "status"}
)

// estimateStatus, among the fields of a values read, asks for the status
// field of the points whose status is an estimate, and of no others.
const estimateStatus = "status=" + plancast.StatusEstimate

// SeriesValuesBetween is SeriesValuesOf for the years from to to alone, for
// ingest's check of the years beside a push's figures. The query's time
// range keeps InfluxDB to the shards of those years, and over more regions
// than one query names it first asks which of them hold observations at all
// (one cheap query, see readVintages) and reads only theirs: a push for regions new to the store,
// each file of a nationwide load, then reads nothing more. Reading the whole
// of each series instead took a 100,000-row push into InfluxDB from 4.45 to
// 6.87 s (bench/ingest_rate.sh, BENCHMARKS.md).
func (s *Store) SeriesValuesBetween(ctx context.Context, keys []plancast.SeriesKey, from, to int) ([]plancast.Series, error) {
	return s.valuesBetween(ctx, keys, from, to, valueFields[:3])
}

// FiguresBetween is SeriesValuesBetween with each figure's status
// (plancast.ReadFiguresBetween): the status field is one more row a point in
// the same query. Ingest reads it to keep the status and stated growth of
// the figures a file with no place for them pushes again (fillUnsaid); its
// two-step read (the values, then every vintage of the series with a
// same-valued figure) took a re-push of a year's 10,000 unchanged figures
// onto 100,000 10.0-10.9 s, this one 6.1-7.3 s in the same runs
// (bench/repush.sh).
func (s *Store) FiguresBetween(ctx context.Context, keys []plancast.SeriesKey, from, to int) ([]plancast.Series, error) {
	return s.valuesBetween(ctx, keys, from, to, figureFields)
}

// valuesBetween reads the given fields (valueFields or figureFields) of
// keys in the years from to to.
func (s *Store) valuesBetween(ctx context.Context, keys []plancast.SeriesKey, from, to int, fields []string) ([]plancast.Series, error) {
	// As readVintages does, only for more regions than one query's worth: a
	// bureau pushing its own region would pay the extra query for nothing.
	if _, regions, _ := plancast.KeySpan(keys); len(regions) > regionsPerQuery {
		stored, err := s.regionsWithObservations(ctx, regions)
		if err != nil {
			return nil, err
		}
		if len(stored) < len(regions) {
			held := set(stored)
			keys = slices.DeleteFunc(slices.Clone(keys), func(k plancast.SeriesKey) bool { return !held[k.Region] })
			if len(keys) == 0 {
				return nil, nil
			}
		}
	}
	// A year's points are at its first instant, so a stop one second after
	// the last year's holds it whether the server's stop is exclusive (Flux)
	// or, as InfluxDB 1.8's storage reads it, inclusive.
	span := fmt.Sprintf(`range(start: %s, stop: %s)`, yearTime(from).Format(time.RFC3339), yearTime(to).Add(time.Second).Format(time.RFC3339))
	return s.seriesValues(ctx, keys, span, fields...)
}

// seriesValues reads the given fields (the value and growth ones, and the
// status for FiguresBetween) of keys within span (a Flux range call).
func (s *Store) seriesValues(ctx context.Context, keys []plancast.SeriesKey, span string, fields ...string) ([]plancast.Series, error) {
	fluxes := s.seriesQueries(keys, span, fields...)
	acc := &valueAcc{series: map[plancast.SeriesKey]*valueSeries{}}
	err := s.inParallel(ctx, len(fluxes), func(ctx context.Context, i int) error {
		return s.readValues(ctx, fluxes[i], acc)
	})
	if err != nil {
		return nil, err
	}
	return s.latestValues(ctx, acc)
}

// seriesQueries are the Flux queries that read the given fields of exactly
// the given series: one per indicator and set of periods for up to
// pairRegionsPerQuery of the regions that need it, regions and periods each
// in a regular expression (and the fields too, when there are several),
// ending with the columns rawRows decodes. An assessment asks for a yearly
// series and its twelve year-to-date periods (plancast.JudgedKeys): one
// query, not thirteen.
func (s *Store) seriesQueries(keys []plancast.SeriesKey, span string, fields ...string) []string {
	periodsOf := map[[2]string][]string{} // indicator, region → periods, sorted
	for _, k := range plancast.SortedSeriesKeys(keys) {
		ir := [2]string{k.Indicator, k.Region}
		if ps := periodsOf[ir]; len(ps) == 0 || ps[len(ps)-1] != k.Period {
			periodsOf[ir] = append(ps, k.Period)
		}
	}
	byIndicator := map[[2]string][]string{} // indicator, periods joined → regions, in order
	for _, ir := range slices.SortedFunc(maps.Keys(periodsOf), func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	}) {
		ps := periodsOf[ir]
		slices.Sort(ps)
		ip := [2]string{ir[0], strings.Join(slices.Compact(ps), "\x00")}
		byIndicator[ip] = append(byIndicator[ip], ir[1])
	}
	estimates := slices.Contains(fields, estimateStatus)
	fields = slices.DeleteFunc(slices.Clone(fields), func(f string) bool { return f == estimateStatus })
	field := `r._field == ` + fluxString(fields[0])
	if len(fields) > 1 {
		field = `r._field =~ ` + oneOf(fields)
	}
	if estimates {
		field = fmt.Sprintf(`(%s or r._field == "status" and r._value == %s)`, field, fluxString(plancast.StatusEstimate))
	}
	var fluxes []string
	for _, ip := range slices.SortedFunc(maps.Keys(byIndicator), func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	}) {
		regions := byIndicator[ip]
		periods := strings.Split(ip[1], "\x00")
		period := `r.period == ` + fluxString(periods[0])
		if len(periods) > 1 {
			period = `r.period =~ ` + oneOf(periods)
		}
		for i := 0; i < len(regions); i += pairRegionsPerQuery {
			cond := fmt.Sprintf(`r._measurement == %s and r.indicator == %s and %s and r.region =~ %s and %s`,
				fluxString(s.m("observation")), fluxString(ip[0]), period, oneOf(regions[i:min(i+pairRegionsPerQuery, len(regions))]), field)
			fluxes = append(fluxes, fmt.Sprintf(`from(bucket: %s) |> %s |> filter(fn: (r) => %s)`, fluxString(s.cfg.Bucket), span, cond)+keepValueColumns)
		}
	}
	return fluxes
}

// keepValueColumns ends an observation query of a few fields, not pivoted,
// with the columns rawRows decodes. The withdrawn tag exists only on
// withdrawals' tables (keep ignores a column a table lacks).
const keepValueColumns = ` |> keep(columns: ["_time", "_field", "_value", "region", "indicator", "period", "vintage", "` + withdrawnTag + `"])`

// readValues runs a query of the value and growth fields and adds its points
// to acc.
func (s *Store) readValues(ctx context.Context, flux string, acc *valueAcc) error {
	local := map[plancast.SeriesKey]*valueSeries{}
	err := s.rawRows(ctx, flux, func(row rawRow) error {
		k := plancast.SeriesKey{Region: row.region, Indicator: row.indicator, Period: row.period}
		vs := local[k]
		if vs == nil {
			vs = &valueSeries{}
			local[k] = vs
		}
		switch row.field {
		case "value":
			v, err := strconv.ParseFloat(row.value, 64)
			if err != nil {
				return fmt.Errorf("stored observation %s/%s %d: value %q: %w", row.region, row.indicator, row.year, row.value, err)
			}
			vs.points = append(vs.points, valuePoint{year: row.year, value: v, recorded: row.vintage, withdrawn: row.withdrawn})
		case fieldGrowth:
			g, err := strconv.ParseFloat(row.value, 64)
			if err != nil {
				return fmt.Errorf("stored observation %s/%s %d: growth %q: %w", row.region, row.indicator, row.year, row.value, err)
			}
			sg := vs.growth(row.year, row.vintage)
			sg.growth, sg.stated = g, true
		case fieldGrowthBase:
			b, err := strconv.ParseInt(row.value, 10, 64)
			if err != nil {
				return fmt.Errorf("stored observation %s/%s %d: growth_base_year %q: %w", row.region, row.indicator, row.year, row.value, err)
			}
			vs.growth(row.year, row.vintage).base = int(b)
		case "status":
			if vs.statuses == nil {
				vs.statuses = map[yearVintage]string{}
			}
			vs.statuses[yearVintage{row.year, row.vintage}] = row.value
		}
		return nil
	})
	acc.merge(local)
	return err
}

// latestValues keeps the latest vintage of every year of the series read.
// Figures with several vintages need their published dates to decide which
// is the latest, and estimates carry theirs (an assessment tells an
// estimate of the year in progress by it): those are read for those series
// only.
func (s *Store) latestValues(ctx context.Context, acc *valueAcc) ([]plancast.Series, error) {
	multi, dated := map[plancast.SeriesKey]bool{}, map[plancast.SeriesKey]bool{}
	for k, vs := range acc.series {
		if vs.sortAndCheck() {
			multi[k], dated[k] = true, true
		}
		if slices.Contains(slices.Collect(maps.Values(vs.statuses)), plancast.StatusEstimate) {
			dated[k] = true
		}
	}
	published := map[vintageKey]plancast.Date{}
	if len(dated) > 0 {
		var err error
		if published, err = s.publishedDates(ctx, dated); err != nil {
			return nil, err
		}
	}
	out := make([]plancast.Series, 0, len(acc.series))
	for k, vs := range acc.series {
		if s := vs.latest(k, multi[k], published); len(s.Observations) > 0 {
			out = append(out, s)
		}
	}
	plancast.SortSeries(out)
	return out, nil
}

type valuePoint struct {
	year      int
	value     float64
	recorded  int64 // the vintage tag
	withdrawn bool  // a withdrawal (plancast.StatusWithdrawn)
}

// valueSeries is what a values read found of one series: the value of every
// vintage, and the stated growths of the vintages that have one (rows of
// their own, joined to their values by year and vintage).
type valueSeries struct {
	points   []valuePoint
	growths  map[yearVintage]*statedGrowth // nil when no vintage states a growth
	statuses map[yearVintage]string        // nil unless the status was read (FiguresBetween)
}

type yearVintage struct {
	year     int
	recorded int64
}

// statedGrowth is the growth fields of one vintage; stated is false while only
// its base year has been seen.
type statedGrowth struct {
	growth float64
	base   int
	stated bool
}

// growth is the stated growth of a vintage, added when there is none yet.
func (vs *valueSeries) growth(year int, recorded int64) *statedGrowth {
	k := yearVintage{year, recorded}
	if vs.growths == nil {
		vs.growths = map[yearVintage]*statedGrowth{}
	}
	g := vs.growths[k]
	if g == nil {
		g = &statedGrowth{}
		vs.growths[k] = g
	}
	return g
}

// valueAcc gathers the series of several concurrent chunk reads.
type valueAcc struct {
	mu     sync.Mutex
	series map[plancast.SeriesKey]*valueSeries
}

func (a *valueAcc) merge(local map[plancast.SeriesKey]*valueSeries) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for k, vs := range local {
		if cur, ok := a.series[k]; ok {
			cur.points = append(cur.points, vs.points...)
			for yv, g := range vs.growths {
				if cur.growths == nil {
					cur.growths = map[yearVintage]*statedGrowth{}
				}
				cur.growths[yv] = g
			}
			for yv, st := range vs.statuses {
				if cur.statuses == nil {
					cur.statuses = map[yearVintage]string{}
				}
				cur.statuses[yv] = st
			}
		} else {
			a.series[k] = vs
		}
	}
}

// sortAndCheck orders the points by year, then vintage, and reports whether
// some year has more than one vintage.
func (vs *valueSeries) sortAndCheck() bool {
	sort.Slice(vs.points, func(i, j int) bool {
		a, b := &vs.points[i], &vs.points[j]
		if a.year != b.year {
			return a.year < b.year
		}
		return a.recorded < b.recorded
	})
	for i := 1; i < len(vs.points); i++ {
		if vs.points[i].year == vs.points[i-1].year {
			return true
		}
	}
	return false
}

// latest keeps one observation per year: the only vintage, or the newest by
// published date, then recorded time, as plancast.NewerVintage orders them;
// then it drops the years whose newest vintage is a withdrawal. A series
// with a figure of several vintages gets the growths stated with them
// (plancast.Series.Stated).
func (vs *valueSeries) latest(k plancast.SeriesKey, multi bool, published map[vintageKey]plancast.Date) plancast.Series {
	s := plancast.Series{Region: k.Region, Indicator: k.Indicator, Period: k.Period, Observations: make([]plancast.Observation, 0, len(vs.points))}
	var vintages []plancast.Observation // when multi
	for _, p := range vs.points {
		o := plancast.Observation{Region: k.Region, Indicator: k.Indicator, Period: k.Period, Year: p.year, Value: p.value,
			Recorded: time.Unix(0, p.recorded).UTC()}
		if p.withdrawn {
			o.Status = plancast.StatusWithdrawn
		} else if st, ok := vs.statuses[yearVintage{p.year, p.recorded}]; ok {
			o.Status = st
		}
		if g := vs.growths[yearVintage{p.year, p.recorded}]; g != nil && g.stated {
			o.Growth, o.GrowthBaseYear = &g.growth, g.base
		}
		d, ok := published[vintageKey{plancast.FigureKey{SeriesKey: k, Year: p.year}, p.recorded}]
		o.Published = d // only where read: a figure of several vintages, an estimate's series
		if multi {
			if !ok {
				continue // written between the two reads, or partially visible: the next read has it
			}
			vintages = append(vintages, o)
		}
		s.AppendLatest(o) // points sort by year (sortAndCheck)
	}
	if multi {
		s.Stated = plancast.StatedGrowthsOf(vintages, plancast.Date{})
	}
	s.DropWithdrawn()
	return s
}

type vintageKey struct {
	plancast.FigureKey
	recorded int64
}

// publishedDates reads the published field of every vintage of the series,
// with the same exact queries as their values.
func (s *Store) publishedDates(ctx context.Context, series map[plancast.SeriesKey]bool) (map[vintageKey]plancast.Date, error) {
	fluxes := s.seriesQueries(slices.Collect(maps.Keys(series)), fullRange, "published")
	out := map[vintageKey]plancast.Date{}
	var mu sync.Mutex
	err := s.inParallel(ctx, len(fluxes), func(ctx context.Context, i int) error {
		return s.rawRows(ctx, fluxes[i], func(row rawRow) error {
			d, err := plancast.ParseDate(row.value)
			if err != nil {
				return fmt.Errorf("stored observation: %w", err)
			}
			k := plancast.SeriesKey{Region: row.region, Indicator: row.indicator, Period: row.period}
			mu.Lock()
			out[vintageKey{plancast.FigureKey{SeriesKey: k, Year: row.year}, row.vintage}] = d
			mu.Unlock()
			return nil
		})
	})
	return out, err
}

// rawRow is one row of an observation query that is not pivoted: one field
// of one point.
type rawRow struct {
	region, indicator, period string
	year                      int
	field                     string
	value                     string
	vintage                   int64
	withdrawn                 bool // the point carries the withdrawn tag
}

// rawRows runs a Flux query whose tables have the columns _time, _field,
// _value, region, indicator, period and vintage (and withdrawn, on
// withdrawals' tables), and decodes the annotated CSV answer directly (the
// client's generic decoder builds a map per row).
// Consecutive rows of one table share their tag strings.
func (s *Store) rawRows(ctx context.Context, flux string, fn func(rawRow) error) error {
	if err := s.stalled("read observations"); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	body, err := s.query.QueryRaw(ctx, flux, api.DefaultDialect())
	if err != nil {
		s.noteTimeout(ctx, err)
		return s.unavailable("read observations", err)
	}
	r := csv.NewReader(strings.NewReader(body))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var (
		iTime, iField, iValue, iRegion, iInd, iPeriod, iVintage int
		iWithdrawn                                              = -1 // no such column in this table
		expectHeader                                            = true
		region, indicator, period, field                        string
		vintageText                                             string
		vintage                                                 int64
	)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return s.unavailable("read observations", err)
		}
		switch {
		case len(rec) == 1 && rec[0] == "": // a blank line ends a table block
			expectHeader = true
			continue
		case len(rec) > 0 && strings.HasPrefix(rec[0], "#"):
			expectHeader = true
			continue
		case expectHeader:
			col := make(map[string]int, len(rec))
			for i, name := range rec {
				col[name] = i
			}
			expectHeader = false
			if i, ok := col["error"]; ok {
				if next, err := r.Read(); err == nil && i < len(next) {
					return s.unavailable("read observations", errors.New(next[i]))
				}
				return s.unavailable("read observations", errors.New("query failed"))
			}
			for _, c := range []string{"_time", "_field", "_value", "region", "indicator", "period", "vintage"} {
				if _, ok := col[c]; !ok {
					return fmt.Errorf("InfluxDB answer lacks column %q", c)
				}
			}
			iTime, iField, iValue, iRegion, iInd, iPeriod, iVintage = col["_time"], col["_field"], col["_value"], col["region"], col["indicator"], col["period"], col["vintage"]
			iWithdrawn = -1
			if i, ok := col[withdrawnTag]; ok {
				iWithdrawn = i
			}
			region, indicator, period, field, vintageText = "", "", "", "", ""
			continue
		}
		if len(rec) <= max(iTime, iField, iValue, iRegion, iInd, iPeriod, iVintage) {
			return fmt.Errorf("InfluxDB answer: short row %q", rec)
		}
		if rec[iRegion] != region {
			region = strings.Clone(rec[iRegion])
		}
		if rec[iInd] != indicator {
			indicator = strings.Clone(rec[iInd])
		}
		if rec[iPeriod] != period {
			period = strings.Clone(rec[iPeriod])
		}
		if rec[iField] != field {
			field = strings.Clone(rec[iField])
		}
		if v := rec[iVintage]; v != vintageText {
			vintageText = strings.Clone(v)
			if vintage, err = strconv.ParseInt(v, 10, 64); err != nil {
				return fmt.Errorf("stored observation: vintage tag %q: %w", v, err)
			}
		}
		year, err := yearOf(rec[iTime])
		if err != nil {
			return err
		}
		withdrawn := iWithdrawn >= 0 && iWithdrawn < len(rec) && rec[iWithdrawn] == "true"
		if err := fn(rawRow{region: region, indicator: indicator, period: period, year: year, field: field, value: rec[iValue], vintage: vintage, withdrawn: withdrawn}); err != nil {
			return err
		}
	}
}

// yearOf reads the year of an RFC 3339 time (plancast's years have four digits).
func yearOf(ts string) (int, error) {
	if len(ts) < 5 || ts[4] != '-' {
		return 0, fmt.Errorf("stored observation: time %q", ts)
	}
	t, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return 0, fmt.Errorf("stored observation: time %q: %w", ts, err)
	}
	return t.UTC().Year(), nil
}
