package storetest

import (
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// testHistoryIsCountedApart: a figure or target written with a date before
// the newest stored version of its key is kept as history, and counted so
// (History), not revised: what is served does not change, and the write
// names it with what stays served. A user test pushed 113.5 dated two days
// before the served 113.2 and was answered "1 revised" while 113.2 stayed
// served. One dated the same day as the newest version replaces it in
// every answer as of that day on: counted revised, and named with what an
// answer as of that day reads now. Every backend counts the same, and the
// data version moves for history too (an answer as of its date changed).
func testHistoryIsCountedApart(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	mustWrite(t, st, obs("houma", "gdp", 2020, 120.8, may2021))
	v1, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}

	res := mustWrite(t, st, obs("houma", "gdp", 2020, 121, april2021)) // published before the served vintage
	if res.History != 1 || res.Revised+res.New+res.Unchanged+res.Withdrawn != 0 || res.Changed() != 1 {
		t.Fatalf("a figure dated before the served vintage: %+v; want 1 kept as history", res)
	}
	wantSaid(t, res.Said, []string{"houma gdp 2020: 121 (published 2021-04-20) is kept as an earlier vintage; the served figure stays 120.8 (published 2021-05-15)"}, nil, 0)
	if got := seriesValue(t, st, plancast.Date{}); got != 120.8 {
		t.Fatalf("served after the history was written: %g; want 120.8", got)
	}
	if got := seriesValue(t, st, plancast.NewDate(2021, time.April, 30)); got != 121 {
		t.Fatalf("as of 2021-04-30: %g; want the earlier vintage 121", got)
	}
	if v2, err := st.DataVersion(ctx); err != nil || v2 == v1 {
		t.Fatalf("data version after a vintage kept as history: %s (was %s), %v; want it moved", v2, v1, err)
	}

	res = mustWrite(t, st, obs("houma", "gdp", 2020, 122.9, may2021)) // the same day as the served vintage
	if res.Revised != 1 || res.History+res.New+res.Unchanged != 0 {
		t.Fatalf("a figure dated the day of the served vintage: %+v; want 1 revised", res)
	}
	wantSaid(t, res.Said, nil, []string{"houma gdp 2020: 122.9 (published 2021-05-15) replaced the vintage of the same day (120.8); an answer as of that day or later now reads 122.9"}, 1)
	if got := seriesValue(t, st, may2021); got != 122.9 {
		t.Fatalf("as of the day of the same-day correction: %g; want 122.9", got)
	}
	// A revision dated later says nothing beyond its count.
	if res = mustWrite(t, st, obs("houma", "gdp", 2020, 123, plancast.NewDate(2021, time.June, 1))); res.Revised != 1 || res.Said != nil {
		t.Fatalf("a later revision: %+v, said %+v; want 1 revised and nothing said", res, res.Said)
	}

	// The figure served, written again dated before it (pushed without a
	// date, then with the date it was published): an earlier vintage of
	// it, kept as history, which an answer as of its date reads; the
	// served vintage keeps its date. It was counted unchanged and not
	// written, the date not taken.
	res = mustWrite(t, st, obs("houma", "gdp", 2020, 123, plancast.NewDate(2021, time.May, 20)))
	if res.History != 1 || res.Revised+res.New+res.Unchanged+res.Withdrawn != 0 || res.Said == nil ||
		strings.Join(res.Said.Dated, "\n") != "houma gdp 2020: 123 (published 2021-05-20) is kept as an earlier vintage of the figure served since 2021-06-01" ||
		res.Said.DatedCount != 1 || len(res.Said.History) != 0 {
		t.Fatalf("the figure served, dated earlier: %+v, said %+v; want 1 kept as history, said as the figure served dated earlier", res, res.Said)
	}
	if got := seriesValue(t, st, plancast.NewDate(2021, time.May, 25)); got != 123 {
		t.Fatalf("as of 2021-05-25, after the figure served was dated 2021-05-20: %g; want 123", got)
	}
	if vs, err := st.Vintages(ctx, plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear}); err != nil ||
		vs[len(vs)-1].Published != plancast.NewDate(2021, time.June, 1) || vs[len(vs)-1].Value != 123 {
		t.Fatalf("the vintages after the figure served was dated earlier: %+v, %v; want the served one dated 2021-06-01 still", vs, err)
	}

	day := func(y int, m time.Month, d int) plancast.Date { return plancast.NewDate(y, m, d) }
	plan := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025,
		Value: 250, Published: day(2021, time.April, 20)}
	if _, err := st.WriteTargets(ctx, []plancast.Target{plan}); err != nil {
		t.Fatal(err)
	}
	draft := plan
	draft.Value, draft.Published = 270, day(2021, time.March, 1)
	res, err = st.WriteTargets(ctx, []plancast.Target{draft})
	if err != nil || res.History != 1 || res.Revised+res.New+res.Unchanged != 0 {
		t.Fatalf("a target version dated before the one in force: %+v, %v; want 1 kept as history", res, err)
	}
	wantSaid(t, res.Said, []string{"houma gdp 14th-fyp level 2025: 270 (set 2021-03-01) is kept as an earlier version; the version in force stays 250 (set 2021-04-20)"}, nil, 0)
	corrected := plan
	corrected.Value = 255
	res, err = st.WriteTargets(ctx, []plancast.Target{corrected})
	if err != nil || res.Revised != 1 || res.History+res.New+res.Unchanged != 0 {
		t.Fatalf("a target version dated the day of the one in force: %+v, %v; want 1 revised", res, err)
	}
	wantSaid(t, res.Said, nil, []string{"houma gdp 14th-fyp level 2025: 255 (set 2021-04-20) replaced the version of the same day (250); an answer as of that day or later now reads 255"}, 1)
	if got := TargetValues(t, st, plancast.TargetFilter{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", AsOf: day(2021, time.June, 1)}); len(got) != 1 || got[0] != 255 {
		t.Fatalf("the target as of 2021-06-01: %v; want 255", got)
	}
}

// seriesValue is Houma's 2020 GDP served as of asOf (zero: now).
func seriesValue(t *testing.T, st plancast.Store, asOf plancast.Date) float64 {
	t.Helper()
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp", From: 2020, To: 2020, AsOf: asOf})
	if err != nil || len(s.Observations) != 1 {
		t.Fatalf("houma gdp 2020 as of %s: %+v, %v", asOf, s, err)
	}
	return s.Observations[0].Value
}

// wantSaid checks what a write said of its items.
func wantSaid(t *testing.T, got *plancast.WriteSaid, history, replaced []string, replacedCount int) {
	t.Helper()
	if got == nil {
		got = &plancast.WriteSaid{}
	}
	if strings.Join(got.History, "\n") != strings.Join(history, "\n") || strings.Join(got.Replaced, "\n") != strings.Join(replaced, "\n") || got.ReplacedCount != replacedCount {
		t.Fatalf("the write said %+v; want history %q, replaced %q (%d)", *got, history, replaced, replacedCount)
	}
}
