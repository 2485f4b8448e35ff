package plancast

import "sort"

// LatestVintages reduces vintages of one or more series to a sorted list of
// series holding, for each year, the newest vintage published on or before
// asOf (any when zero). Backends share it so that "latest" means one thing.
func LatestVintages(vintages []Observation, asOf Date) []Series {
	latest := map[FigureKey]Observation{}
	for _, o := range vintages {
		if !asOf.IsZero() && o.Published.After(asOf) {
			continue
		}
		if cur, ok := latest[o.Key()]; !ok || NewerVintage(&o, &cur) {
			latest[o.Key()] = o
		}
	}
	bySeries := map[SeriesKey]*Series{}
	for k, o := range latest {
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
	sort.Slice(out, func(i, j int) bool {
		if out[i].Region != out[j].Region {
			return out[i].Region < out[j].Region
		}
		if out[i].Indicator != out[j].Indicator {
			return out[i].Indicator < out[j].Indicator
		}
		return out[i].Period < out[j].Period
	})
	return out
}

// SeriesNotFound is the ENOTFOUND error of a series query that found nothing.
func SeriesNotFound(q SeriesQuery) error {
	if !q.AsOf.IsZero() {
		return Errorf(ENOTFOUND, "series %s/%s (%s) has no figures published on or before %s", q.Region, q.Indicator, q.Period, q.AsOf)
	}
	return Errorf(ENOTFOUND, "series %s/%s (%s) has no figures", q.Region, q.Indicator, q.Period)
}

// InYears reports whether a year passes a query's From and To bounds.
func (q *SeriesQuery) InYears(year int) bool {
	return (q.From == 0 || year >= q.From) && (q.To == 0 || year <= q.To)
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
