package plancast

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
)

// LatestVintages reduces vintages of one or more series to a sorted list of
// series holding, for each year, the newest vintage published on or before
// asOf (any when zero), leaving out the years whose newest vintage is a
// withdrawal, and the series left empty. Backends share it so that "latest"
// means one thing.
func LatestVintages(vintages []Observation, asOf Date) []Series {
	latest := LatestByFigure(vintages, asOf)
	bySeries := map[SeriesKey]*Series{}
	for k, o := range latest {
		if o.Withdrawn() {
			continue
		}
		s, ok := bySeries[k.SeriesKey]
		if !ok {
			s = &Series{Region: k.Region, Indicator: k.Indicator, Period: k.Period}
			bySeries[k.SeriesKey] = s
		}
		s.Observations = append(s.Observations, o)
	}
	out := make([]Series, 0, len(bySeries))
	for _, s := range bySeries {
		sort.Slice(s.Observations, func(i, j int) bool { return s.Observations[i].Year < s.Observations[j].Year })
		out = append(out, *s)
	}
	SortSeries(out)
	statedOfVintages(out, vintages, asOf, len(latest))
	return out
}

// LatestByFigure keeps, for each figure, the newest of its vintages published
// on or before asOf (any when zero), withdrawals included: what a write
// compares a figure with.
func LatestByFigure(vintages []Observation, asOf Date) map[FigureKey]Observation {
	latest := make(map[FigureKey]Observation, len(vintages))
	for _, o := range vintages {
		if !asOf.IsZero() && o.Published.After(asOf) {
			continue
		}
		if cur, ok := latest[o.Key()]; !ok || NewerVintage(&o, &cur) {
			latest[o.Key()] = o
		}
	}
	return latest
}

// AppendLatest adds o to a series whose observations arrive in year order,
// a year's vintages together: a later vintage of the last year replaces it
// when it is newer (NewerVintage), else is dropped. It is how the bulk value
// reads keep one figure a year.
func (s *Series) AppendLatest(o Observation) {
	if n := len(s.Observations); n > 0 && s.Observations[n-1].Year == o.Year {
		if NewerVintage(&o, &s.Observations[n-1]) {
			s.Observations[n-1] = o
		}
		return
	}
	s.Observations = append(s.Observations, o)
}

// Key is the series' key.
func (s *Series) Key() SeriesKey {
	return SeriesKey{Region: s.Region, Indicator: s.Indicator, Period: s.Period}
}

// DropWithdrawn removes the years whose latest vintage is a withdrawal: the
// last step of a read that kept one figure a year with AppendLatest.
func (s *Series) DropWithdrawn() {
	s.Observations = slices.DeleteFunc(s.Observations, func(o Observation) bool { return o.Withdrawn() })
}

// SortSeries orders series by region, indicator, then period: the order of
// every bulk read.
func SortSeries(ss []Series) {
	sort.Slice(ss, func(i, j int) bool {
		return cmp.Or(cmp.Compare(ss[i].Region, ss[j].Region), cmp.Compare(ss[i].Indicator, ss[j].Indicator), cmp.Compare(ss[i].Period, ss[j].Period)) < 0
	})
}

// SortedSeriesKeys returns the keys sorted by region, indicator and period,
// each once.
func SortedSeriesKeys(keys []SeriesKey) []SeriesKey {
	out := slices.Clone(keys)
	slices.SortFunc(out, func(a, b SeriesKey) int {
		return cmp.Or(cmp.Compare(a.Region, b.Region), cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Period, b.Period))
	})
	return slices.Compact(out)
}

// SeriesOf answers a SeriesQuery from the stored vintages of its series: the
// latest vintage (as of q.AsOf) of every year within q's bounds, or
// ENOTFOUND. Backends share it so that a series means one thing.
func SeriesOf(q SeriesQuery, vintages []Observation) (*Series, error) {
	in := make([]Observation, 0, len(vintages))
	for _, o := range vintages {
		if q.InYears(o.Year) {
			in = append(in, o)
		}
	}
	series := LatestVintages(in, q.AsOf)
	if len(series) == 0 {
		return nil, SeriesNotFound(q)
	}
	return &series[0], nil
}

// VintagesInOrder sorts every vintage of series k the way Vintages returns
// them: by year, oldest vintage first within a year; ENOTFOUND when there is
// none.
func VintagesInOrder(k SeriesKey, vs []Observation) ([]Observation, error) {
	if len(vs) == 0 {
		return nil, SeriesNotFound(SeriesQuery{Region: k.Region, Indicator: k.Indicator, Period: k.Period})
	}
	sort.SliceStable(vs, func(i, j int) bool {
		if vs[i].Year != vs[j].Year {
			return vs[i].Year < vs[j].Year
		}
		return NewerVintage(&vs[j], &vs[i])
	})
	return vs, nil
}

// PeriodOrYear is the period a query reads: PeriodYear when none is named.
func (q SeriesSetQuery) PeriodOrYear() string {
	if q.Period == "" {
		return PeriodYear
	}
	return q.Period
}

// SeriesNotFound is the ENOTFOUND error of a series query that found
// nothing, naming the years it was bounded to: a series asked from 2030 on
// "has no figures from 2030 on", not none at all.
func SeriesNotFound(q SeriesQuery) error {
	msg := fmt.Sprintf("series %s/%s (%s) has no figures%s", q.Region, q.Indicator, q.Period, q.yearsText())
	if !q.AsOf.IsZero() {
		msg += " published on or before " + q.AsOf.String()
	}
	return Errorf(ENOTFOUND, "%s", msg)
}

// yearsText says a query's bounds as a sentence ends: " from 2030 on", " up
// to 2010", " in 2010–2012", " in 2010"; "" when it has none.
func (q SeriesQuery) yearsText() string {
	switch {
	case q.From != 0 && q.To != 0 && q.From == q.To:
		return fmt.Sprintf(" in %d", q.From)
	case q.From != 0 && q.To != 0:
		return fmt.Sprintf(" in %d–%d", q.From, q.To)
	case q.From != 0:
		return fmt.Sprintf(" from %d on", q.From)
	case q.To != 0:
		return fmt.Sprintf(" up to %d", q.To)
	}
	return ""
}

// InYears reports whether a year passes a query's From and To bounds.
func (q *SeriesQuery) InYears(year int) bool {
	return (q.From == 0 || year >= q.From) && (q.To == 0 || year <= q.To)
}

// StatedGrowths are the growths stated with the series' figures, in year
// order: Stated when a read of the vintages set it, else those of the
// figures served.
func (s *Series) StatedGrowths() []StatedGrowth {
	if s.Stated != nil {
		return s.Stated
	}
	var out []StatedGrowth
	for i := range s.Observations {
		if o := &s.Observations[i]; o.Growth != nil {
			out = append(out, StatedGrowth{BaseYear: o.GrowthBase(), Year: o.Year, Percent: *o.Growth})
		}
	}
	return out
}

// YearsValues splits a series into the parallel slices the forecast package takes.
func (s *Series) YearsValues() (years []int, values []float64) {
	years = make([]int, len(s.Observations))
	values = make([]float64, len(s.Observations))
	for i, o := range s.Observations {
		years[i], values[i] = o.Year, o.Value
	}
	return years, values
}

// PartialPeriods returns the series of one region and indicator kept for
// parts of a year (jan-nov, h1, …), their latest vintages: what there is
// when the yearly series is asked for and there is none (Guyang's figures
// are January–November only), so that the answer can say where to look.
func PartialPeriods(ctx context.Context, st SeriesSetReader, region, indicator string) ([]Series, error) {
	all, err := st.SeriesSet(ctx, SeriesSetQuery{Regions: []string{region}, Indicators: []string{indicator}, Period: AllPeriods})
	if err != nil {
		return nil, fmt.Errorf("list the periods of %s/%s: %w", region, indicator, err)
	}
	var partial []Series
	for _, s := range all {
		if s.Period != PeriodYear && len(s.Observations) > 0 {
			partial = append(partial, s)
		}
	}
	return partial, nil
}

// YearSpan writes the years a series covers: "2009", "2009–2011".
func (s *Series) YearSpan() string {
	if len(s.Observations) == 0 {
		return ""
	}
	return YearSpanText(s.Observations[0].Year, s.Observations[len(s.Observations)-1].Year, "–")
}
