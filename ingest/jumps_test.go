package ingest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

const jumpHeader = "region,indicator,year,value,unit\n"

// houmaGDPStored stores Houma's GDP of 2019 and 2020 (116.2 and 120.8).
func houmaGDPStored(t *testing.T) plancast.Store {
	t.Helper()
	st := openStore(t)
	apply(t, st, parseString(t, "stored.csv", jumpHeader+"houma,gdp,2019,116.2,亿元\nhouma,gdp,2020,120.8,亿元\n", Options{}), false)
	return st
}

func TestAFigureTenTimesTheYearBeforeIsRefusedAtItsValue(t *testing.T) {
	st := houmaGDPStored(t)
	ctx := context.Background()
	before, _ := st.DataVersion(ctx)

	// 2021's GDP in 千万元 under a 亿元 header: ten times too large.
	b := parseString(t, "houma-2021.csv", jumpHeader+"houma,budget_revenue,2021,5.6,亿元\nhouma,gdp,2021,1311,亿元\n", Options{})
	for _, dry := range []bool{true, false} {
		rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: dry})
		if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 {
			t.Fatalf("dry run %v: err %v, problems %v; want EINVALID and one problem", dry, err, problemTexts(rep.Problems))
		}
		want := "houma-2021.csv row 3 column D (value): houma gdp 2021: 1311 is 10.9 times the 2020 figure 120.8 (stored); " +
			"a figure in another unit? If it is right, push it again accepting jumps (plancast ingest --accept-jumps, or ?accept_jumps=true)"
		if got := rep.Problems[0].Error(); got != want {
			t.Errorf("dry run %v: problem\n %q\nwant\n %q", dry, got, want)
		}
	}
	if now, _ := st.DataVersion(ctx); now != before {
		t.Errorf("the refused batch moved the data version %s → %s; the budget revenue beside it must not land either", before, now)
	}
}

func TestAcceptingJumpsWritesTheFigure(t *testing.T) {
	st := houmaGDPStored(t)
	ctx := context.Background()
	b := parseString(t, "houma-2021.csv", jumpHeader+"houma,gdp,2021,1311,亿元\n", Options{})
	rep, err := Apply(ctx, st, b, ApplyOptions{AcceptJumps: true})
	if err != nil || rep.New != 1 {
		t.Fatalf("accepting jumps: %v, %d new; want the figure written", err, rep.New)
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil || len(s.Observations) != 3 || s.Observations[2].Value != 1311 {
		t.Fatalf("GDP after accepting the jump: %+v, %v", s, err)
	}
	// The next year's true figure is then a fall to a tenth, and is refused
	// as well: the slip shows from both sides until it is revised.
	next := parseString(t, "houma-2022.csv", jumpHeader+"houma,gdp,2022,131.5,亿元\n", Options{})
	if _, err := Apply(ctx, st, next, ApplyOptions{}); plancast.ErrorCode(err) != plancast.EINVALID ||
		!strings.Contains(problemTexts(next.Problems)[0], "131.5 is 1/10.0 of the 2021 figure 1311 (stored)") {
		t.Errorf("2022 after an accepted jump: %v, %v; want it refused as a tenth of 2021", err, problemTexts(next.Problems))
	}
	// Revising the slip away and adding 2022 in one batch passes.
	fix := parseString(t, "houma-fix.csv", jumpHeader+"houma,gdp,2021,131.1,亿元\nhouma,gdp,2022,131.5,亿元\n", Options{})
	if rep := apply(t, st, fix, false); rep.Revised != 1 || rep.New != 1 {
		t.Errorf("the fix: %d revised, %d new; want 1 and 1", rep.Revised, rep.New)
	}
}

func TestAJumpInsideABatchIsSaidOnceAtTheLaterYear(t *testing.T) {
	st := openStore(t)
	// A wide table whose 2018 was typed in 万元: 1,021,000 among 100s.
	b := parseString(t, "zizhou.csv", jumpHeader+
		"zizhou,gdp,2016,92.3,亿元\nzizhou,gdp,2017,98.7,亿元\nzizhou,gdp,2018,1021000,亿元\nzizhou,gdp,2019,108.4,亿元\n", Options{})
	_, err := Apply(context.Background(), st, b, ApplyOptions{})
	got := problemTexts(b.Problems)
	if plancast.ErrorCode(err) != plancast.EINVALID || len(got) != 2 {
		t.Fatalf("err %v, problems %q; want EINVALID and two problems (2018 against 2017, 2019 against 2018)", err, got)
	}
	for i, want := range []string{
		"zizhou.csv row 4 column D (value): zizhou gdp 2018: 1021000 is 10344.5 times the 2017 figure 98.7 (row 3)",
		"zizhou.csv row 5 column D (value): zizhou gdp 2019: 108.4 is 1/9418.8 of the 2018 figure 1021000 (row 4)",
	} {
		if !strings.HasPrefix(got[i], want) {
			t.Errorf("problem %d = %q, want it to begin %q", i, got[i], want)
		}
	}
}

func TestWhatJumpsAreNotJudged(t *testing.T) {
	st := houmaGDPStored(t)
	ctx := context.Background()
	cases := []struct{ name, csv string }{
		{"a change within five times", "houma,gdp,2021,600,亿元\n"},
		{"a year with no figure within three years", "houma,gdp,2024,1311,亿元\n"},
		{"a year judged against the nearest figure only", "houma,gdp,2022,600,亿元\n"}, // 4.97 times 2020's; 5.16 times 2019's 116.2
		{"a rate: unemployment from 0.8% to 4.5%", "houma,unemployment_rate,2020,0.8,%\nhouma,unemployment_rate,2021,4.5,%\n"},
		{"a rate: unemployment from 4.5% to 3.9%", "houma,unemployment_rate,2020,4.5,%\nhouma,unemployment_rate,2021,3.9,%\n"},
		{"a rate: a share from 1.2% to 0.8%", "houma,emerging_industry_share,2020,1.2,%\nhouma,emerging_industry_share,2021,0.8,%\n"},
		{"a rate: a share from 0.6% to 0.5%", "houma,emerging_industry_share,2020,0.6,%\nhouma,emerging_industry_share,2021,0.5,%\n"},
		{"a rate beside one under 1, which may be a fraction itself", "houma,emerging_industry_share,2020,0.6,%\nhouma,emerging_industry_share,2021,0.006,%\n"},
		{"another period: Jan–Nov beside the year", "region,indicator,year,period,value,unit\nhouma,gdp,2021,jan-nov,12,亿元\n"},
		{"a 0 with no figure within three years", "houma,gdp,2015,0,亿元\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			content := c.csv
			if !strings.HasPrefix(content, "region,") {
				content = jumpHeader + content
			}
			b := parseString(t, "ok.csv", content, Options{})
			rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: true})
			if err != nil {
				t.Fatalf("%v: %v", err, problemTexts(b.Problems))
			}
			if rep.New+rep.Revised == 0 {
				t.Errorf("counted nothing to write: %+v", rep)
			}
		})
	}
}

func TestAWithdrawnNeighbourIsNoComparison(t *testing.T) {
	for _, shape := range storeShapes {
		t.Run(shape.name, func(t *testing.T) { testWithdrawnNeighbour(t, shape.of(houmaGDPStored(t))) })
	}
}

func testWithdrawnNeighbour(t *testing.T, st plancast.Store) {
	ctx := context.Background()
	// 2019's and 2020's figures were filed under the wrong years: withdrawn,
	// and 2021 has no figure left within three years to be compared with.
	b := parseString(t, "w.csv", "region,indicator,year,value,unit,status\n"+
		"houma,gdp,2019,,,withdrawn\nhouma,gdp,2020,,,withdrawn\nhouma,gdp,2021,1311,亿元,\n", Options{})
	if _, err := Apply(ctx, st, b, ApplyOptions{DryRun: true}); err != nil {
		t.Fatalf("%v: %v", err, problemTexts(b.Problems))
	}
	// 2020's alone withdrawn: 2021 is judged against 2019, the nearest
	// figure left, and never against the withdrawn 120.8.
	b = parseString(t, "w.csv", "region,indicator,year,value,unit,status\n"+
		"houma,gdp,2020,,,withdrawn\nhouma,gdp,2021,1311,亿元,\n", Options{})
	_, err := Apply(ctx, st, b, ApplyOptions{DryRun: true})
	if got := problemTexts(b.Problems); plancast.ErrorCode(err) != plancast.EINVALID || len(got) != 1 ||
		!strings.HasPrefix(got[0], "w.csv row 3 column D (value): houma gdp 2021: 1311 is 11.3 times the 2019 figure 116.2 (stored)") {
		t.Errorf("2020 withdrawn: err %v, problems %q; want 2021 refused against 2019", err, got)
	}
}

// storedJumpFigures stores a CSV's figures (jumpHeader's columns) in a new store.
func storedJumpFigures(t *testing.T, rows string) plancast.Store {
	t.Helper()
	st := openStore(t)
	apply(t, st, parseString(t, "stored.csv", jumpHeader+rows, Options{}), false)
	return st
}

// refusedOnce applies a batch, as a dry run and for real, and checks that
// both refuse it with the one problem want and that nothing is written.
func refusedOnce(t *testing.T, st plancast.Store, name, rows, want string) {
	t.Helper()
	ctx := context.Background()
	before, _ := st.DataVersion(ctx)
	for _, dry := range []bool{true, false} {
		b := parseString(t, name, jumpHeader+rows, Options{})
		rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: dry})
		if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 {
			t.Errorf("%s, dry run %v: err %v, problems %q; want EINVALID and one problem", name, dry, err, problemTexts(rep.Problems))
		} else if got := rep.Problems[0].Error(); got != want {
			t.Errorf("%s, dry run %v: problem\n %q\nwant\n %q", name, dry, got, want)
		}
	}
	if now, _ := st.DataVersion(ctx); now != before {
		t.Errorf("the refused batch moved the data version %s → %s", before, now)
	}
}

const acceptJumpsHint = " If it is right, push it again accepting jumps (plancast ingest --accept-jumps, or ?accept_jumps=true)"

func TestARateTypedAsAFractionIsRefusedAtItsValue(t *testing.T) {
	st := storedJumpFigures(t, "houma,unemployment_rate,2020,4.5,%\n")
	// 4.5% typed as 0.045, as a spreadsheet holds it; the GDP beside it
	// must not land either.
	refusedOnce(t, st, "houma-2021.csv", "houma,gdp,2021,131.1,亿元\nhouma,unemployment_rate,2021,0.045,%\n",
		"houma-2021.csv row 3 column D (value): houma unemployment_rate 2021: 0.045 is 1/100.0 of the 2020 figure 4.5 (stored); "+
			"a fraction typed for a percent (4.5% is 4.5)?"+acceptJumpsHint)
	// 55.3% as 0.553 beside 2020's 52.1% in the same push, a share.
	refusedOnce(t, st, "shares.csv", "houma,secondary_industry_share,2020,52.1,%\nhouma,secondary_industry_share,2021,0.553,%\n",
		"shares.csv row 3 column D (value): houma secondary_industry_share 2021: 0.553 is 1/94.2 of the 2020 figure 52.1 (row 2); "+
			"a fraction typed for a percent (55.3% is 55.3)?"+acceptJumpsHint)
	// The fraction in the earlier row is said at its own: the later figure,
	// 55.3, is not one to judge.
	refusedOnce(t, st, "shares.csv", "houma,secondary_industry_share,2020,0.521,%\nhouma,secondary_industry_share,2021,55.3,%\n",
		"shares.csv row 2 column D (value): houma secondary_industry_share 2020: 0.521 is 1/106.1 of the 2021 figure 55.3 (row 3); "+
			"a fraction typed for a percent (52.1% is 52.1)?"+acceptJumpsHint)
}

func TestAcceptingJumpsWritesAFractionForAPercent(t *testing.T) {
	st := storedJumpFigures(t, "houma,unemployment_rate,2020,4.5,%\n")
	ctx := context.Background()
	b := parseString(t, "houma-2021.csv", jumpHeader+"houma,unemployment_rate,2021,0.045,%\n", Options{})
	if rep, err := Apply(ctx, st, b, ApplyOptions{AcceptJumps: true}); err != nil || rep.New != 1 {
		t.Fatalf("accepting jumps: %v, %+v; want the figure written", err, rep)
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "unemployment_rate"})
	if err != nil || len(s.Observations) != 2 || s.Observations[1].Value != 0.045 {
		t.Fatalf("the rate after accepting the jump: %+v, %v", s, err)
	}
	// Only a figure under 1 is judged: the next year's, 4.7, goes in beside
	// the fraction the push said was right.
	next := parseString(t, "houma-2022.csv", jumpHeader+"houma,unemployment_rate,2022,4.7,%\n", Options{})
	if rep := apply(t, st, next, false); rep.New != 1 {
		t.Errorf("2022 after an accepted fraction: %+v; want it written", rep)
	}
}

func TestAFigureAcrossAGapIsComparedWithTheNearestWithinThreeYears(t *testing.T) {
	for _, shape := range storeShapes {
		t.Run(shape.name, func(t *testing.T) {
			// 2022 and 2020 are missing: 2021 is the nearest figure on both sides.
			st := shape.of(storedJumpFigures(t, "houma,gdp,2019,116.2,亿元\nhouma,gdp,2021,120.8,亿元\n"))
			refusedOnce(t, st, "houma-2023.csv", "houma,gdp,2023,1311,亿元\n",
				"houma-2023.csv row 2 column D (value): houma gdp 2023: 1311 is 10.9 times the 2021 figure 120.8 (stored); a figure in another unit?"+acceptJumpsHint)
			refusedOnce(t, st, "houma-2024.csv", "houma,gdp,2024,1311,亿元\n",
				"houma-2024.csv row 2 column D (value): houma gdp 2024: 1311 is 10.9 times the 2021 figure 120.8 (stored); a figure in another unit?"+acceptJumpsHint)
			// A stored figure after the gap counts as well.
			st = shape.of(storedJumpFigures(t, "houma,gdp,2021,120.8,亿元\n"))
			refusedOnce(t, st, "houma-2018.csv", "houma,gdp,2018,12.1,亿元\n",
				"houma-2018.csv row 2 column D (value): houma gdp 2018: 12.1 is 1/10.0 of the 2021 figure 120.8 (stored); a figure in another unit?"+acceptJumpsHint)
			// And so does a figure of the same push, the jump said at the later year.
			refusedOnce(t, shape.of(openStore(t)), "zizhou.csv", "zizhou,gdp,2016,92.3,亿元\nzizhou,gdp,2019,1021000,亿元\n",
				"zizhou.csv row 3 column D (value): zizhou gdp 2019: 1021000 is 11061.8 times the 2016 figure 92.3 (row 2); a figure in another unit?"+acceptJumpsHint)

			// Four years away is beyond JumpYears: no comparison, on either side.
			for _, rows := range []string{"houma,gdp,2025,1311,亿元\n", "houma,gdp,2017,12.1,亿元\n", "houma,gdp,2017,12.1,亿元\nhouma,gdp,2025,1311,亿元\n"} {
				b := parseString(t, "far.csv", jumpHeader+rows, Options{})
				if _, err := Apply(context.Background(), st, b, ApplyOptions{DryRun: true}); err != nil {
					t.Errorf("%q, four years from 2021: %v: %v", rows, err, problemTexts(b.Problems))
				}
			}
		})
	}
}

// storeShapes are the two ways the jump check reads a store: each series
// whole (bolt), or only the years asked for (InfluxDB; here spanReads over
// bolt), when it reads the years further back in a second read.
var storeShapes = []struct {
	name string
	of   func(plancast.Store) plancast.Store
}{
	{"series read whole", func(st plancast.Store) plancast.Store { return st }},
	{"years read", func(st plancast.Store) plancast.Store { return &spanReads{Store: st} }},
}

// spanReads records the stored reads of the jump check: which indicators'
// series, over which years.
type spanReads struct {
	plancast.Store
	reads []string
}

func (s *spanReads) SeriesValuesBetween(ctx context.Context, keys []plancast.SeriesKey, from, to int) ([]plancast.Series, error) {
	var inds []string
	for _, k := range keys {
		inds = append(inds, k.Indicator)
	}
	s.reads = append(s.reads, fmt.Sprintf("%s %d–%d", strings.Join(inds, ","), from, to))
	return plancast.ReadSeriesValuesBetween(ctx, s.Store, keys, from, to)
}

func TestTheStoredReadReachesFurtherBackOnlyWhereTheYearBeforeIsMissing(t *testing.T) {
	st := &spanReads{Store: storedJumpFigures(t, "houma,gdp,2019,116.2,亿元\nhouma,gdp,2020,120.8,亿元\nhouma,budget_revenue,2018,5.2,亿元\n")}
	ctx := context.Background()
	// A yearly push: 2020 is stored beside 2021's GDP. The years after it
	// are read at once (nothing is stored there), the years before 2020
	// only for the revenue, whose 2019 and 2020 are missing. A rate of 1 or
	// more is not judged, and its series not read.
	b := parseString(t, "houma-2021.csv", jumpHeader+
		"houma,gdp,2021,131.1,亿元\nhouma,budget_revenue,2021,5.6,亿元\nhouma,unemployment_rate,2021,4.1,%\n", Options{})
	if _, err := Apply(ctx, st, b, ApplyOptions{DryRun: true}); err != nil {
		t.Fatalf("%v: %v", err, problemTexts(b.Problems))
	}
	if want := []string{"budget_revenue,gdp 2020–2024", "budget_revenue 2018–2019"}; !slices.Equal(st.reads, want) {
		t.Errorf("reads %q, want %q", st.reads, want)
	}
	// With the year before stored for every series, one read.
	st.reads = nil
	b = parseString(t, "houma-2021.csv", jumpHeader+"houma,gdp,2021,131.1,亿元\n", Options{})
	if _, err := Apply(ctx, st, b, ApplyOptions{DryRun: true}); err != nil {
		t.Fatalf("%v: %v", err, problemTexts(b.Problems))
	}
	if want := []string{"gdp 2020–2024"}; !slices.Equal(st.reads, want) {
		t.Errorf("reads %q, want %q", st.reads, want)
	}
}

// wholeReads counts the reads of whole series, a store without
// SeriesSpanReader's (bolt's way).
type wholeReads struct {
	plancast.Store
	reads int
}

func (s *wholeReads) SeriesSet(ctx context.Context, q plancast.SeriesSetQuery) ([]plancast.Series, error) {
	s.reads++
	return s.Store.SeriesSet(ctx, q)
}

func TestAStoreReadWholeIsReadOnceForAllTheYears(t *testing.T) {
	st := &wholeReads{Store: storedJumpFigures(t, "houma,gdp,2020,120.8,亿元\nhouma,budget_revenue,2018,5.2,亿元\n")}
	// The revenue's nearest figure is three years back, and the GDP's
	// beside it: one read has both.
	b := parseString(t, "houma-2021.csv", jumpHeader+"houma,gdp,2021,1311,亿元\nhouma,budget_revenue,2021,56,亿元\n", Options{})
	_, err := Apply(context.Background(), st, b, ApplyOptions{DryRun: true})
	if got := problemTexts(b.Problems); plancast.ErrorCode(err) != plancast.EINVALID || len(got) != 2 ||
		!strings.Contains(got[0], "the 2020 figure 120.8 (stored)") || !strings.Contains(got[1], "the 2018 figure 5.2 (stored)") {
		t.Errorf("err %v, problems %q; want both refused", err, got)
	}
	if st.reads != 1 {
		t.Errorf("%d reads of whole series, want 1", st.reads)
	}
}

// A rate may be negative (consumer prices falling, a balance): −2.1%
// typed as −0.021 beside −2.1 is refused as its positive twin is, while a
// figure under 1 beside one of the other sign, or a negative rate moving
// toward zero, is no slip.
func TestNegativeRatesAreJudgedAsPositiveOnesAre(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	cpi := plancast.Indicator{Code: "cpi_change", Name: "Consumer prices, change on the year before", Unit: "percent", Kind: plancast.KindRate, Better: plancast.BetterLower}
	if err := st.PutIndicators(ctx, []plancast.Indicator{cpi}); err != nil {
		t.Fatal(err)
	}
	seeded := seedCatalog(t)
	cat := Catalog{Regions: seeded.Regions, Indicators: append(slices.Clone(seeded.Indicators), cpi)}
	parse := func(name, rows string) *Batch {
		b, err := Parse(name, "", strings.NewReader(jumpHeader+rows), cat, Options{Published: pushDate})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	apply(t, st, parse("stored.csv", "houma,cpi_change,2020,-2.1,%\n"), false)
	before, _ := st.DataVersion(ctx)

	want := "cpi.csv row 2 column D (value): houma cpi_change 2021: -0.021 is 1/100.0 of the 2020 figure -2.1 (stored); " +
		"a fraction typed for a percent (-2.1% is -2.1)?" + acceptJumpsHint
	for _, dry := range []bool{true, false} {
		rep, err := Apply(ctx, st, parse("cpi.csv", "houma,cpi_change,2021,-0.021,%\n"), ApplyOptions{DryRun: dry})
		if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 || rep.Problems[0].Error() != want {
			t.Errorf("-0.021 beside -2.1, dry run %v: %v, %q; want\n %q", dry, err, problemTexts(rep.Problems), want)
		}
	}
	if now, _ := st.DataVersion(ctx); now != before {
		t.Errorf("the refused figure moved the data version %s → %s", before, now)
	}
	for _, rows := range []string{
		"houma,cpi_change,2021,-0.5,%\n",  // from −2.1% to −0.5%
		"houma,cpi_change,2021,0.021,%\n", // of the other sign: 2.1% would be no nearer −2.1
		"houma,cpi_change,2021,0.9,%\n",
	} {
		b := parse("ok.csv", rows)
		if rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: true}); err != nil || rep.New != 1 {
			t.Errorf("%q beside -2.1: %v, %q; want it counted to write", rows, err, problemTexts(b.Problems))
		}
	}
}
