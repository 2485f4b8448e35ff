package influx_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/influx/influxtest"
)

// SeriesValuesOf must choose the same latest vintages as SeriesSet, across
// regions, revisions and a revision published before the vintage it follows
// (the later-recorded one is then not the latest).
func TestSeriesValuesOfMatchesSeriesSet(t *testing.T) {
	ctx := context.Background()
	st := influxtest.Open(t)
	var regions []plancast.Region
	var codes []string
	for i := range 60 { // more than one query's worth of regions
		code := fmt.Sprintf("r%03d", i)
		regions = append(regions, plancast.Region{Code: code, Name: code, Level: plancast.LevelCounty})
		codes = append(codes, code)
	}
	if err := st.PutRegions(ctx, regions); err != nil {
		t.Fatal(err)
	}
	inds := []plancast.Indicator{
		{Code: "gdp", Name: "GDP", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		{Code: "jobs", Name: "Jobs", Unit: "persons", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		{Code: "other", Name: "Other", Unit: "persons", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
	}
	if err := st.PutIndicators(ctx, inds); err != nil {
		t.Fatal(err)
	}
	d := func(s string) plancast.Date { v, _ := plancast.ParseDate(s); return v }
	var obs []plancast.Observation
	for i, code := range codes {
		for y := 2015; y <= 2020; y++ {
			for _, ind := range []string{"gdp", "jobs", "other"} {
				obs = append(obs, plancast.Observation{Region: code, Indicator: ind, Year: y, Value: float64(100*i + y - 2000), Published: d("2021-03-01")})
			}
		}
	}
	if _, err := st.WriteObservations(ctx, obs); err != nil {
		t.Fatal(err)
	}
	// r007 gdp 2020 revised later; r050 gdp 2019 revised with an earlier
	// published date (a backfilled vintage: recorded later, not the latest).
	if _, err := st.WriteObservations(ctx, []plancast.Observation{
		{Region: "r007", Indicator: "gdp", Year: 2020, Value: 1, Published: d("2022-01-01")},
		{Region: "r050", Indicator: "gdp", Year: 2019, Value: 2, Published: d("2020-06-01")},
	}); err != nil {
		t.Fatal(err)
	}
	q := plancast.SeriesSetQuery{Regions: append(codes, "atlantis"), Indicators: []string{"gdp", "jobs"}}
	full, err := st.SeriesSet(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var keys []plancast.SeriesKey
	for _, r := range q.Regions {
		for _, ind := range q.Indicators {
			keys = append(keys, plancast.SeriesKey{Region: r, Indicator: ind, Period: plancast.PeriodYear})
		}
	}
	lean, err := st.SeriesValuesOf(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != 120 || len(lean) != len(full) {
		t.Fatalf("SeriesSet %d series, SeriesValuesOf %d; want 120 each", len(full), len(lean))
	}
	for i := range full {
		f, l := full[i], lean[i]
		if f.Region != l.Region || f.Indicator != l.Indicator || f.Period != l.Period || len(f.Observations) != len(l.Observations) {
			t.Fatalf("series %d: %s/%s/%s %d obs vs %s/%s/%s %d obs", i, f.Region, f.Indicator, f.Period, len(f.Observations), l.Region, l.Indicator, l.Period, len(l.Observations))
		}
		for j := range f.Observations {
			fo, lo := f.Observations[j], l.Observations[j]
			if fo.Year != lo.Year || fo.Value != lo.Value || !fo.Recorded.Equal(lo.Recorded) {
				t.Errorf("%s/%s %d: SeriesSet %g (recorded %v), SeriesValuesOf %g (recorded %v)", f.Region, f.Indicator, fo.Year, fo.Value, fo.Recorded, lo.Value, lo.Recorded)
			}
		}
	}
	find := func(region string, year int) float64 {
		for _, s := range lean {
			if s.Region == region && s.Indicator == "gdp" {
				for _, o := range s.Observations {
					if o.Year == year {
						return o.Value
					}
				}
			}
		}
		return -1
	}
	if v := find("r007", 2020); v != 1 {
		t.Errorf("r007 gdp 2020 = %g, want the revision 1", v)
	}
	if v := find("r050", 2019); v != 50*100+19 {
		t.Errorf("r050 gdp 2019 = %g, want %d (the backfilled vintage was published earlier)", v, 50*100+19)
	}
	// SeriesValuesBetween is the same read kept to a span of years: the same
	// vintages chosen (r050's backfill included), nothing outside the span.
	span, err := st.SeriesValuesBetween(ctx, keys, 2018, 2019)
	if err != nil {
		t.Fatal(err)
	}
	if len(span) != len(lean) {
		t.Fatalf("SeriesValuesBetween 2018–2019: %d series, want %d", len(span), len(lean))
	}
	for i := range lean {
		var want []plancast.Observation
		for _, o := range lean[i].Observations {
			if o.Year == 2018 || o.Year == 2019 {
				want = append(want, o)
			}
		}
		got := span[i].Observations
		if span[i].Key() != lean[i].Key() || len(got) != len(want) {
			t.Fatalf("series %d: %v with %d figures between 2018 and 2019, want %v with %d", i, span[i].Key(), len(got), lean[i].Key(), len(want))
		}
		for j := range want {
			if got[j].Year != want[j].Year || got[j].Value != want[j].Value || !got[j].Recorded.Equal(want[j].Recorded) {
				t.Errorf("%v %d: %g between 2018 and 2019, %g read whole", span[i].Key(), want[j].Year, got[j].Value, want[j].Value)
			}
		}
	}

	// The write path's comparison reads across chunks too: a re-push is
	// unchanged, but for r007 gdp 2020, whose first value, dated before its
	// revision, is kept as history and not served again.
	res, err := st.WriteObservations(ctx, obs)
	if err != nil {
		t.Fatal(err)
	}
	if res.Unchanged != len(obs)-1 || res.History != 1 || res.Revised != 0 {
		t.Errorf("re-push: %+v, want %d unchanged and 1 kept as history (r007 gdp 2020's first value, dated before its revision)", res, len(obs)-1)
	}
}

// A batch over more regions than one query names is compared with what is
// stored after asking which of its regions hold observations; the regions
// found and those not found must both count right, in the write and the
// dry run's bulk read alike.
func TestAWriteOverStoredAndNewRegionsComparesWithTheStoredOnes(t *testing.T) {
	ctx := context.Background()
	st := influxtest.Open(t)
	var regions []plancast.Region
	for i := range 30 {
		code := fmt.Sprintf("r%03d", i)
		regions = append(regions, plancast.Region{Code: code, Name: code, Level: plancast.LevelCounty})
	}
	if err := st.PutRegions(ctx, regions); err != nil {
		t.Fatal(err)
	}
	if err := st.PutIndicators(ctx, []plancast.Indicator{{Code: "gdp", Name: "GDP", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}}); err != nil {
		t.Fatal(err)
	}
	figures := func(from, to int) []plancast.Observation {
		var obs []plancast.Observation
		for i := from; i < to; i++ {
			for y := 2018; y <= 2020; y++ {
				obs = append(obs, plancast.Observation{Region: fmt.Sprintf("r%03d", i), Indicator: "gdp", Period: plancast.PeriodYear, Year: y, Value: float64(10*i + y - 2000)})
			}
		}
		return obs
	}
	res, err := st.WriteObservations(ctx, figures(0, 15)) // none stored yet
	if err != nil || res.New != 45 {
		t.Fatalf("first write: %+v, %v; want 45 new", res, err)
	}
	second := figures(10, 30) // r010–r014 stored, r015–r029 new
	second[0].Value = -1      // r010 2018 revised
	keys := make([]plancast.SeriesKey, 0, len(second))
	for _, o := range second {
		keys = append(keys, o.Key().SeriesKey)
	}
	stored, err := st.VintagesOf(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 5 {
		t.Errorf("VintagesOf found %d stored series among 20 regions, want the 5 of r010–r014", len(stored))
	}
	res, err = st.WriteObservations(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	if res.New != 45 || res.Revised != 1 || res.Unchanged != 14 {
		t.Errorf("second write: %+v, want 45 new, 1 revised, 14 unchanged", res)
	}
}

// SeriesValuesOf reads exactly the series asked for, across more regions
// than one of its queries names, and agrees with SeriesSet on each.
func TestSeriesValuesOfReadsExactlyTheSeriesAskedFor(t *testing.T) {
	ctx := context.Background()
	st := influxtest.Open(t)
	var regions []plancast.Region
	for i := range 450 { // more than two queries' worth of regions for one indicator
		code := fmt.Sprintf("r%03d", i)
		regions = append(regions, plancast.Region{Code: code, Name: code, Level: plancast.LevelCounty})
	}
	if err := st.PutRegions(ctx, regions); err != nil {
		t.Fatal(err)
	}
	if err := st.PutIndicators(ctx, []plancast.Indicator{
		{Code: "gdp", Name: "GDP", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		{Code: "jobs", Name: "Jobs", Unit: "persons", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
	}); err != nil {
		t.Fatal(err)
	}
	var obs []plancast.Observation
	for i := range regions {
		for _, ind := range []string{"gdp", "jobs"} {
			for y := 2019; y <= 2020; y++ {
				obs = append(obs, plancast.Observation{Region: regions[i].Code, Indicator: ind, Year: y, Value: float64(10*i + y - 2000)})
			}
		}
	}
	if _, err := st.WriteObservations(ctx, obs); err != nil {
		t.Fatal(err)
	}
	// gdp of every region but the multiples of 7, jobs of every tenth region.
	want := map[plancast.SeriesKey]bool{}
	var keys []plancast.SeriesKey
	for i := range regions {
		if i%7 != 0 {
			want[plancast.SeriesKey{Region: regions[i].Code, Indicator: "gdp", Period: plancast.PeriodYear}] = true
		}
		if i%10 == 0 {
			want[plancast.SeriesKey{Region: regions[i].Code, Indicator: "jobs", Period: plancast.PeriodYear}] = true
		}
	}
	for k := range want {
		keys = append(keys, k)
	}
	got, err := st.SeriesValuesOf(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.SeriesSet(ctx, plancast.SeriesSetQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var expect []plancast.Series
	for _, s := range all {
		if want[plancast.SeriesKey{Region: s.Region, Indicator: s.Indicator, Period: s.Period}] {
			expect = append(expect, s)
		}
	}
	if len(got) != len(want) || len(expect) != len(want) {
		t.Fatalf("SeriesValuesOf gave %d series, SeriesSet has %d of the %d asked for", len(got), len(expect), len(want))
	}
	for i := range got {
		g, e := got[i], expect[i]
		if g.Region != e.Region || g.Indicator != e.Indicator || len(g.Observations) != 2 || len(e.Observations) != 2 ||
			g.Observations[0].Value != e.Observations[0].Value || g.Observations[1].Value != e.Observations[1].Value {
			t.Fatalf("series %d: SeriesValuesOf %+v, SeriesSet %+v", i, g, e)
		}
	}
}
