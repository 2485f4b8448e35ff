// Package storetest is the conformance suite every plancast store passes.
// A backend's test calls Run with a function that opens a fresh, empty store;
// the suite states the behaviour plancast relies on, whatever the backend.
package storetest

import (
	"context"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// Opener returns a new, empty store for one test; it registers its own cleanup.
type Opener func(t *testing.T) plancast.Store

// Run runs the whole suite.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st plancast.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"SourceTextComesBackAsWritten", testSourceText},
		{"InvalidBatchWritesNothing", testInvalidBatchWritesNothing},
		{"UnknownRegionWritesNothing", testUnknownRegionWritesNothing},
		{"ContradictingBatchWritesNothing", testContradictingBatch},
		{"RevisionIsNewVintage", testRevision},
		{"RepushChangesNothing", testRepush},
		{"ExtremeYears", testExtremeYears},
		{"ConcurrentWritersLoseNothing", testConcurrentWriters},
		{"MissingSeriesIsNotFound", testMissingSeries},
		{"PartialPeriodsAreSeparateSeries", testPartialPeriods},
		{"YearRange", testYearRange},
		{"TargetsRoundTrip", testTargets},
		{"CatalogRoundTrip", testCatalog},
		{"DataVersionMoves", testDataVersion},
		{"TokensByHash", testTokens},
		{"SeriesSetReadsManyAtOnce", testSeriesSet},
		{"VintagesOfManySeriesAtOnce", testVintagesOf},
		{"WithdrawalHidesAFigureAndKeepsItsHistory", testWithdrawal},
		{"WithdrawingNothingWritesNothing", testWithdrawingNothing},
		{"TargetWithdrawal", testTargetWithdrawal},
		{"TargetVersionsAsOf", testTargetVersions},
		{"BulkReadAsOfReproducesThePast", testBulkReadAsOf},
		{"StatedGrowthComesBackFromEveryRead", testStatedGrowth},
		{"ChangedStatedGrowthIsARevision", testStatedGrowthRevision},
		{"WithdrawalCarriesNoGrowth", testWithdrawalCarriesNoGrowth},
		{"GrowthStatedBeforeARevisionStands", testGrowthStatedBeforeARevision},
		{"FiguresBetweenCarryTheirStatus", testFiguresBetween},
		{"HistoryIsCountedApart", testHistoryIsCountedApart},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, open(t))
		})
	}
	t.Run("ArchiveRebuildsTheStore", func(t *testing.T) { testArchive(t, open(t), open(t)) })
	t.Run("ArchiveImportFinishesAnInterruptedOne", func(t *testing.T) { testArchiveResume(t, open(t), open(t)) })
	t.Run("ArchiveImportRefusesBeforeWriting", func(t *testing.T) { testArchiveRefusals(t, open) })
	t.Run("ArchiveChangedDuringImportIsRefusedBeforeItIsWritten", func(t *testing.T) { testArchiveChangedDuringImport(t, open) })
	t.Run("ArchiveCarriesTokensWhenAsked", func(t *testing.T) { testArchiveTokens(t, open) })
	t.Run("ArchiveKeepsRecordedTimes", func(t *testing.T) { testArchiveKeepsRecordedTimes(t, open) })
	t.Run("ArchiveWithoutRecordedTimesIsRecordedAtTheImport", func(t *testing.T) { testArchiveWithoutRecordedTimes(t, open) })
	t.Run("ArchiveImportChecksRecordedTimes", func(t *testing.T) { testArchiveImportChecksRecordedTimes(t, open) })
	t.Run("RecordedWriterRefusesATimeTakenOrImpossible", func(t *testing.T) { testRecordedWriterRefusals(t, open) })
	t.Run("TokenLifecycle", func(t *testing.T) { testTokenLifecycle(t, open) })
	t.Run("DeclaredPercentOfWholeComesBack", func(t *testing.T) { testDeclaredPercentOfWhole(t, open) })
	if st := open(t); isRecordedWriter(st) {
		t.Run("RecordedAheadOfTheClockIsOutrankedByALaterPush", func(t *testing.T) {
			st := open(t)
			testRecordedAheadOfTheClock(t, st, st.(plancast.RecordedWriter))
		})
	}
}

var ctx = context.Background()

// Catalog entries used throughout.
var (
	Houma  = plancast.Region{Code: "houma", Name: "Houma", NameZh: "侯马市", Parent: "linfen", Level: plancast.LevelCounty}
	Zizhou = plancast.Region{Code: "zizhou", Name: "Zizhou County", NameZh: "子洲县", Parent: "yulin", Level: plancast.LevelCounty}
	GDP    = plancast.Indicator{Code: "gdp", Name: "Gross regional product", NameZh: "地区生产总值", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	Unemp  = plancast.Indicator{Code: "unemployment_rate", Name: "Registered urban unemployment rate", NameZh: "城镇登记失业率", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
)

func seedCatalog(t *testing.T, st plancast.Store) {
	t.Helper()
	if err := st.PutRegions(ctx, []plancast.Region{Houma, Zizhou}); err != nil {
		t.Fatalf("PutRegions: %v", err)
	}
	if err := st.PutIndicators(ctx, []plancast.Indicator{GDP, Unemp}); err != nil {
		t.Fatalf("PutIndicators: %v", err)
	}
}

func obs(region, indicator string, year int, value float64, published plancast.Date) plancast.Observation {
	return plancast.Observation{
		Region: region, Indicator: indicator, Year: year, Value: value,
		Status: plancast.StatusFinal, Period: plancast.PeriodYear, Published: published,
		Source: plancast.Source{Document: "004_381206a40357bc15.txt", Quote: fmt.Sprintf("%s %d: %g", indicator, year, value)},
	}
}

var (
	april2021 = plancast.NewDate(2021, time.April, 20)
	may2021   = plancast.NewDate(2021, time.May, 15)
)

func mustWrite(t *testing.T, st plancast.Store, batch ...plancast.Observation) plancast.WriteResult {
	t.Helper()
	res, err := st.WriteObservations(ctx, batch)
	if err != nil {
		t.Fatalf("WriteObservations: %v", err)
	}
	return res
}

func mustSeries(t *testing.T, st plancast.Store, q plancast.SeriesQuery) *plancast.Series {
	t.Helper()
	s, err := st.Series(ctx, q)
	if err != nil {
		t.Fatalf("Series(%+v): %v", q, err)
	}
	return s
}

// values returns year → value of a series.
func values(s *plancast.Series) map[int]float64 {
	m := map[int]float64{}
	for _, o := range s.Observations {
		m[o.Year] = o.Value
	}
	return m
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := plancast.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (err %v), want %q", got, err, code)
	}
}

func testRoundTrip(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	res := mustWrite(t, st, obs("houma", "gdp", 2020, 120.8, april2021), obs("houma", "gdp", 2015, 88.9, april2021))
	if res.New != 2 || res.Revised != 0 || res.Unchanged != 0 {
		t.Fatalf("result = %+v, want 2 new", res)
	}
	s := mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if len(s.Observations) != 2 {
		t.Fatalf("got %d observations, want 2", len(s.Observations))
	}
	first, second := s.Observations[0], s.Observations[1]
	if first.Year != 2015 || first.Value != 88.9 || second.Year != 2020 || second.Value != 120.8 {
		t.Fatalf("series = %+v, want 2015=88.9 then 2020=120.8", s.Observations)
	}
	if first.Status != plancast.StatusFinal || first.Period != plancast.PeriodYear || !first.Published.Equal(april2021) {
		t.Fatalf("status/period/published not kept: %+v", first)
	}
	if first.Source.Document != "004_381206a40357bc15.txt" || first.Source.Quote != "gdp 2015: 88.9" {
		t.Fatalf("source not kept: %+v", first.Source)
	}
	if s.Region != "houma" || s.Indicator != "gdp" || s.Period != plancast.PeriodYear {
		t.Fatalf("series identity = %s/%s/%s", s.Region, s.Indicator, s.Period)
	}
}

// testSourceText: a source's document name and quote come back byte for
// byte, whatever they hold, except that a CR LF line break comes back as LF
// (Observation.Normalize). Quotes are cut from report text, so they carry
// line breaks, tabs, quotation marks and backslashes, and every one of those
// has a meaning in InfluxDB's line protocol.
func testSourceText(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	texts := []string{
		"地区生产总值完成120.8亿元，\n增长6.5%",
		"line one\nline two\r\nline three",
		"tab\there, form\ffeed, \"quoted\" and a back\\slash at the end\\",
		`a, b = c d\,e\ f\=g\"h\\`,
		`\n is two characters here, and \t too`,
		"ends with a backslash \\",
		"",
	}
	var batch []plancast.Observation
	for i, text := range texts {
		o := obs("houma", "gdp", 2001+i, float64(i+1), april2021)
		o.Source = plancast.Source{Document: "report, 2021 = \"final\"\t" + text, Quote: text}
		batch = append(batch, o)
	}
	mustWrite(t, st, batch...)
	s := mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if len(s.Observations) != len(texts) {
		t.Fatalf("got %d observations, want %d", len(s.Observations), len(texts))
	}
	for i, o := range s.Observations {
		want := batch[i].Source
		want.Document = strings.ReplaceAll(want.Document, "\r\n", "\n")
		want.Quote = strings.ReplaceAll(want.Quote, "\r\n", "\n")
		if o.Source != want {
			t.Errorf("%d source = %q / %q, want %q / %q", o.Year, o.Source.Document, o.Source.Quote, want.Document, want.Quote)
		}
	}
	// Written again, the same figures are unchanged: the stored text
	// compares equal to what is pushed.
	if res := mustWrite(t, st, batch...); res.Unchanged != len(batch) {
		t.Errorf("the same figures again = %+v, want %d unchanged", res, len(batch))
	}
}

func testInvalidBatchWritesNothing(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	bad := obs("houma", "gdp", 2019, math.NaN(), april2021)
	wantBatchRefused(t, st, obs("houma", "gdp", 2018, 110, april2021), bad, obs("houma", "gdp", 2020, 120.8, april2021))
	outOfRange := obs("houma", "gdp", 1899, 1, april2021)
	wantBatchRefused(t, st, obs("houma", "gdp", 2018, 110, april2021), outOfRange)
}

func testUnknownRegionWritesNothing(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	wantBatchRefused(t, st, obs("houma", "gdp", 2018, 110, april2021), obs("atlantis", "gdp", 2018, 1, april2021))
}

func testContradictingBatch(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	wantBatchRefused(t, st, obs("houma", "gdp", 2018, 110, april2021), obs("houma", "gdp", 2018, 111, april2021))
}

// wantBatchRefused writes a batch holding houma/gdp figures and one fault:
// the write must fail with EINVALID and leave houma/gdp unwritten (a batch
// lands whole or not at all).
func wantBatchRefused(t *testing.T, st plancast.Store, batch ...plancast.Observation) {
	t.Helper()
	_, err := st.WriteObservations(ctx, batch)
	wantCode(t, err, plancast.EINVALID)
	_, err = st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	wantCode(t, err, plancast.ENOTFOUND)
}

func testRevision(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	mustWrite(t, st, obs("houma", "gdp", 2020, 120.8, april2021))
	res := mustWrite(t, st, obs("houma", "gdp", 2020, 121.5, may2021))
	if res.Revised != 1 || res.New != 0 {
		t.Fatalf("result = %+v, want 1 revised", res)
	}
	latest := mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if got := values(latest)[2020]; got != 121.5 {
		t.Fatalf("latest 2020 = %g, want the revision 121.5", got)
	}
	before := mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp", AsOf: plancast.NewDate(2021, time.May, 1)})
	if got := values(before)[2020]; got != 120.8 {
		t.Fatalf("as_of 2021-05-01 2020 = %g, want the first vintage 120.8", got)
	}
	onDay := mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp", AsOf: may2021})
	if got := values(onDay)[2020]; got != 121.5 {
		t.Fatalf("as_of the revision's own date = %g, want 121.5", got)
	}
	_, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp", AsOf: plancast.NewDate(2021, time.January, 1)})
	wantCode(t, err, plancast.ENOTFOUND)

	vs := houmaGDPVintages(t, st)
	if len(vs) != 2 || vs[0].Value != 120.8 || vs[1].Value != 121.5 {
		t.Fatalf("vintages = %+v, want 120.8 then 121.5", vs)
	}

	// A second revision on the same day as the first still wins: the later write is the newer vintage.
	mustWrite(t, st, obs("houma", "gdp", 2020, 121.9, may2021))
	if got := values(mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"}))[2020]; got != 121.9 {
		t.Fatalf("same-day revision: latest = %g, want 121.9", got)
	}
}

func testRepush(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	mustWrite(t, st, obs("houma", "gdp", 2020, 120.8, april2021))
	v1, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res := mustWrite(t, st, obs("houma", "gdp", 2020, 120.8, may2021))
	if res.Unchanged != 1 || res.New+res.Revised != 0 {
		t.Fatalf("re-push result = %+v, want 1 unchanged", res)
	}
	v2, _ := st.DataVersion(ctx)
	if v1 != v2 {
		t.Fatalf("data version moved on an identical re-push: %s → %s", v1, v2)
	}
	vs := houmaGDPVintages(t, st)
	if len(vs) != 1 || !vs[0].Published.Equal(april2021) {
		t.Fatalf("vintages after re-push = %+v, want the single April vintage", vs)
	}
}

func testExtremeYears(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	mustWrite(t, st, obs("houma", "gdp", 1900, 0.5, april2021), obs("houma", "gdp", 1969, 2.25, april2021), obs("houma", "gdp", 2150, 9999.5, april2021))
	got := values(mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"}))
	want := map[int]float64{1900: 0.5, 1969: 2.25, 2150: 9999.5}
	if len(got) != len(want) {
		t.Fatalf("series = %v, want %v", got, want)
	}
	for y, v := range want {
		if got[y] != v {
			t.Fatalf("year %d = %g, want %g (series %v)", y, got[y], v, got)
		}
	}
}

func testConcurrentWriters(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	const writers, batches, perBatch = 6, 5, 4
	var wg sync.WaitGroup
	errs := make(chan error, writers*batches)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for b := 0; b < batches; b++ {
				var batch []plancast.Observation
				for i := 0; i < perBatch; i++ {
					year := 1950 + w*batches*perBatch + b*perBatch + i
					batch = append(batch, obs("houma", "gdp", year, float64(year), april2021))
				}
				if _, err := st.WriteObservations(ctx, batch); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent write: %v", err)
	}
	got := values(mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"}))
	if len(got) != writers*batches*perBatch {
		t.Fatalf("found %d figures, want %d", len(got), writers*batches*perBatch)
	}
	for y, v := range got {
		if v != float64(y) {
			t.Fatalf("year %d = %g", y, v)
		}
	}
}

func testMissingSeries(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	mustWrite(t, st, obs("houma", "gdp", 2020, 120.8, april2021))
	for _, q := range []plancast.SeriesQuery{
		{Region: "zizhou", Indicator: "gdp"},            // known, never written
		{Region: "atlantis", Indicator: "gdp"},          // unknown region
		{Region: "houma", Indicator: "happiness"},       // unknown indicator
		{Region: "houma", Indicator: "gdp", From: 2021}, // filtered to nothing
	} {
		_, err := st.Series(ctx, q)
		if plancast.ErrorCode(err) != plancast.ENOTFOUND {
			t.Errorf("Series(%+v) error = %v, want not_found", q, err)
		}
	}
	_, err := st.Vintages(ctx, plancast.SeriesKey{Region: "zizhou", Indicator: "gdp", Period: plancast.PeriodYear})
	wantCode(t, err, plancast.ENOTFOUND)
}

func testPartialPeriods(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	jan := obs("houma", "gdp", 2020, 100, april2021)
	jan.Period = "jan-nov"
	jan.Status = plancast.StatusEstimate
	mustWrite(t, st, obs("houma", "gdp", 2020, 120.8, april2021), jan)
	year := values(mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"}))
	part := mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp", Period: "jan-nov"})
	if year[2020] != 120.8 || values(part)[2020] != 100 || part.Observations[0].Status != plancast.StatusEstimate {
		t.Fatalf("year = %v, jan-nov = %+v", year, part.Observations)
	}
}

func testYearRange(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	var batch []plancast.Observation
	for y := 2010; y <= 2020; y++ {
		batch = append(batch, obs("houma", "gdp", y, float64(y-2000), april2021))
	}
	mustWrite(t, st, batch...)
	s := mustSeries(t, st, plancast.SeriesQuery{Region: "houma", Indicator: "gdp", From: 2013, To: 2016})
	if len(s.Observations) != 4 || s.Observations[0].Year != 2013 || s.Observations[3].Year != 2016 {
		t.Fatalf("from 2013 to 2016 = %+v", s.Observations)
	}
}

func testTargets(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	gdp250 := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 250,
		Source: plancast.Source{Document: "004", Quote: "GDP 25 billion yuan"}}
	growth := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}
	ceiling := plancast.Target{Region: "zizhou", Indicator: "unemployment_rate", Plan: "2022-annual", Kind: plancast.TargetCeiling, Year: 2022, Value: 4.3, Binding: true}
	res, err := st.WriteTargets(ctx, []plancast.Target{gdp250, growth, ceiling})
	if err != nil || res.New != 3 {
		t.Fatalf("WriteTargets = %+v, %v; want 3 new", res, err)
	}
	all, err := st.Targets(ctx, plancast.TargetFilter{})
	if err != nil || len(all) != 3 {
		t.Fatalf("Targets() = %d, %v; want 3", len(all), err)
	}
	if all[0].Plan != "14th-fyp" || all[0].Value != 250 || all[0].BaseYear != 2020 || all[0].Source.Quote != "GDP 25 billion yuan" {
		t.Fatalf("first target = %+v, want the 14th-fyp level target intact", all[0])
	}
	fyp, _ := st.Targets(ctx, plancast.TargetFilter{Region: "houma", Plan: "14th-fyp"})
	if len(fyp) != 1 || fyp[0].Value != 250 {
		t.Fatalf("filter houma 14th-fyp = %+v", fyp)
	}
	zz, _ := st.Targets(ctx, plancast.TargetFilter{Region: "zizhou"})
	if len(zz) != 1 || !zz[0].Binding || zz[0].Kind != plancast.TargetCeiling {
		t.Fatalf("filter zizhou = %+v", zz)
	}

	// Same key again: unchanged; changed value: revised, replacing the old one.
	res, err = st.WriteTargets(ctx, []plancast.Target{gdp250})
	if err != nil || res.Unchanged != 1 {
		t.Fatalf("re-push target = %+v, %v; want unchanged", res, err)
	}
	// A later document restating it in its own words (another source and
	// note, the same substance) sets no new version; the first source stays.
	restated := gdp250
	restated.Source, restated.Note = plancast.Source{Document: "2022 report", Quote: "250亿元"}, "restated"
	res, err = st.WriteTargets(ctx, []plancast.Target{restated})
	if err != nil || res.Unchanged != 1 {
		t.Fatalf("target restated with another source and note = %+v, %v; want unchanged", res, err)
	}
	fyp, _ = st.Targets(ctx, plancast.TargetFilter{Region: "houma", Indicator: "gdp", Plan: "14th-fyp"})
	if len(fyp) != 1 || fyp[0].Source != gdp250.Source || fyp[0].Note != "" {
		t.Fatalf("after a restatement = %+v, want the first version's source and note", fyp)
	}
	bound := gdp250
	bound.Binding = true
	if res, err = st.WriteTargets(ctx, []plancast.Target{bound}); err != nil || res.Revised != 1 {
		t.Fatalf("target made binding = %+v, %v; want revised", res, err)
	}
	gdp250.Value = 260
	res, err = st.WriteTargets(ctx, []plancast.Target{gdp250})
	if err != nil || res.Revised != 1 {
		t.Fatalf("changed target = %+v, %v; want revised", res, err)
	}
	fyp, _ = st.Targets(ctx, plancast.TargetFilter{Region: "houma", Indicator: "gdp", Plan: "14th-fyp"})
	if len(fyp) != 1 || fyp[0].Value != 260 {
		t.Fatalf("after revision = %+v, want one target of 260", fyp)
	}

	// Unknown region: invalid and nothing written.
	bad := growth
	bad.Region = "atlantis"
	newOne := growth
	newOne.Year = 2022
	_, err = st.WriteTargets(ctx, []plancast.Target{newOne, bad})
	wantCode(t, err, plancast.EINVALID)
	all, _ = st.Targets(ctx, plancast.TargetFilter{})
	if len(all) != 3 {
		t.Fatalf("after rejected batch: %d targets, want 3", len(all))
	}
}

// A target's versions: a mid-term review lowers it, an older plan is entered
// afterwards, it is withdrawn. The target in force now is the newest version
// by date, and a read as of a date returns the version in force then.
func testTargetVersions(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	day := func(y int, m time.Month, d int) plancast.Date { return plancast.NewDate(y, m, d) }
	plan := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025,
		Value: 250, Published: day(2021, time.April, 20)}
	other := plancast.Target{Region: "zizhou", Indicator: "gdp", Plan: "2022-annual", Kind: plancast.TargetGrowth, Year: 2022,
		Value: 7, Published: day(2022, time.April, 8)}
	review, draft := plan, plan
	review.Value, review.Published = 230, day(2023, time.June, 1)
	draft.Value, draft.Published = 270, day(2020, time.December, 1) // an earlier draft, entered last
	for _, batch := range [][]plancast.Target{{plan, other}, {review}, {draft}} {
		if _, err := st.WriteTargets(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	// The same content again under another date is no new version.
	again := review
	again.Published = day(2024, time.March, 1)
	if res, err := st.WriteTargets(ctx, []plancast.Target{again}); err != nil || res.Unchanged != 1 {
		t.Fatalf("the review again, dated later = %+v, %v; want unchanged", res, err)
	}

	houmaGDP := func(asOf plancast.Date) []float64 {
		t.Helper()
		return TargetValues(t, st, plancast.TargetFilter{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", AsOf: asOf})
	}
	for _, c := range []struct {
		asOf plancast.Date
		want []float64
	}{
		{day(2020, time.January, 1), nil},
		{day(2021, time.January, 1), []float64{270}},
		{day(2021, time.April, 20), []float64{250}},
		{day(2024, time.December, 31), []float64{230}},
		{plancast.Date{}, []float64{230}}, // now: the draft entered last does not replace the review
	} {
		if got := houmaGDP(c.asOf); !slices.Equal(got, c.want) {
			t.Errorf("houma gdp target as of %q = %v, want %v", c.asOf, got, c.want)
		}
	}
	if ts, _ := st.Targets(ctx, plancast.TargetFilter{AsOf: day(2021, time.December, 31)}); len(ts) != 1 || ts[0].Region != "houma" {
		t.Errorf("every target as of 2021 = %+v, want houma's alone (zizhou's was set in 2022)", ts)
	}

	// A withdrawal dated before the version in force would leave it in force: refused.
	early := review
	early.Withdrawn, early.Published = true, day(2022, time.January, 1)
	_, err := st.WriteTargets(ctx, []plancast.Target{early})
	wantCode(t, err, plancast.EINVALID)
	gone := review
	gone.Withdrawn, gone.Published = true, day(2025, time.January, 1)
	if res, err := st.WriteTargets(ctx, []plancast.Target{gone}); err != nil || res.Withdrawn != 1 {
		t.Fatalf("withdrawal = %+v, %v", res, err)
	}
	if got := houmaGDP(plancast.Date{}); got != nil {
		t.Errorf("after the withdrawal: %v, want no target", got)
	}
	if got := houmaGDP(day(2024, time.December, 31)); !slices.Equal(got, []float64{230}) {
		t.Errorf("as of the day before the withdrawal: %v, want 230", got)
	}
	if ts, _ := st.Targets(ctx, plancast.TargetFilter{}); len(ts) != 1 || ts[0].Region != "zizhou" || !ts[0].Published.Equal(other.Published) || ts[0].Recorded.IsZero() {
		t.Errorf("every target now = %+v, want zizhou's, with its date and the time it was recorded", ts)
	}

	// The history keeps every version, in the order they took effect.
	history := func(f plancast.TargetFilter) string {
		t.Helper()
		versions, err := st.TargetVersions(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, v := range plancast.TargetHistory(versions, f) {
			out = append(out, fmt.Sprintf("%s %s %g withdrawn=%t in_force=%t", v.Region, v.Published, v.Value, v.Withdrawn, v.InForce))
		}
		return strings.Join(out, "; ")
	}
	for _, c := range []struct {
		f    plancast.TargetFilter
		want string
	}{
		{plancast.TargetFilter{Region: "houma"}, "houma 2020-12-01 270 withdrawn=false in_force=false; houma 2021-04-20 250 withdrawn=false in_force=false; " +
			"houma 2023-06-01 230 withdrawn=false in_force=false; houma 2025-01-01 230 withdrawn=true in_force=false"},
		{plancast.TargetFilter{Region: "houma", AsOf: day(2024, time.December, 31)}, "houma 2020-12-01 270 withdrawn=false in_force=false; " +
			"houma 2021-04-20 250 withdrawn=false in_force=false; houma 2023-06-01 230 withdrawn=false in_force=true"},
		{plancast.TargetFilter{Indicator: "gdp", Plan: "2022-annual"}, "zizhou 2022-04-08 7 withdrawn=false in_force=true"},
		{plancast.TargetFilter{Indicator: "fiscal_revenue"}, ""},
	} {
		if got := history(c.f); got != c.want {
			t.Errorf("history of %+v:\n got %s\nwant %s", c.f, got, c.want)
		}
	}
}

// TargetValues returns the values of the targets f selects, in order.
func TargetValues(t *testing.T, st plancast.TargetStore, f plancast.TargetFilter) []float64 {
	t.Helper()
	ts, err := st.Targets(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	var vs []float64
	for _, x := range ts {
		vs = append(vs, x.Value)
	}
	return vs
}

// LegacyTarget is Houma's 2025 GDP target as stores wrote it before target
// versions were kept: no published or recorded date. A backend's test
// stores it in its old layout and calls UndatedTargetIsTheFirstVersion.
var LegacyTarget = plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 250}

// UndatedTargetIsTheFirstVersion checks a store holding LegacyTarget in its
// old layout: the undated target is in force as of any date, until a dated
// revision replaces it from its date on.
func UndatedTargetIsTheFirstVersion(t *testing.T, st plancast.Store) {
	t.Helper()
	if got := TargetValues(t, st, plancast.TargetFilter{AsOf: plancast.NewDate(2000, 1, 1)}); !slices.Equal(got, []float64{250}) {
		t.Fatalf("the undated target as of 2000 = %v, want 250 (set before any date)", got)
	}
	review := LegacyTarget
	review.Value, review.Published = 230, plancast.NewDate(2023, 6, 1)
	if res, err := st.WriteTargets(ctx, []plancast.Target{review}); err != nil || res.Revised != 1 {
		t.Fatalf("review = %+v, %v; want revised", res, err)
	}
	then := TargetValues(t, st, plancast.TargetFilter{AsOf: plancast.NewDate(2023, 5, 31)})
	now := TargetValues(t, st, plancast.TargetFilter{})
	if !slices.Equal(then, []float64{250}) || !slices.Equal(now, []float64{230}) {
		t.Fatalf("as of the day before the review %v, now %v; want 250 and 230", then, now)
	}
}

// A target entered under the wrong plan is withdrawn and entered under the
// right one in one batch; a withdrawal of a target that is not stored refuses
// its whole batch.
func testTargetWithdrawal(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	wrong := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2022, Value: 8}
	keep := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}
	if _, err := st.WriteTargets(ctx, []plancast.Target{wrong, keep}); err != nil {
		t.Fatal(err)
	}
	right := wrong
	right.Plan = "2022-annual"
	gone := wrong
	gone.Withdrawn = true

	missing := gone
	missing.Year = 2023
	_, err := st.WriteTargets(ctx, []plancast.Target{right, missing})
	wantCode(t, err, plancast.EINVALID)
	if !strings.Contains(plancast.ErrorMessage(err), "houma/gdp 2021-annual growth 2023 has no stored target to withdraw") {
		t.Fatalf("error %q does not name the target", plancast.ErrorMessage(err))
	}
	if ts, _ := st.Targets(ctx, plancast.TargetFilter{Plan: "2022-annual"}); len(ts) != 0 {
		t.Fatalf("the refused batch wrote %+v", ts)
	}

	res, err := st.WriteTargets(ctx, []plancast.Target{gone, right})
	if err != nil || res.Withdrawn != 1 || res.New != 1 || res.Revised != 0 {
		t.Fatalf("move = %+v, %v; want 1 withdrawn and 1 new", res, err)
	}
	all, err := st.Targets(ctx, plancast.TargetFilter{})
	if err != nil || len(all) != 2 || all[0].Plan != "2021-annual" || all[0].Year != 2021 || all[1].Plan != "2022-annual" || all[1].Withdrawn {
		t.Fatalf("targets after the move = %+v, %v; want 2021-annual 2021 and 2022-annual 2022", all, err)
	}
	_, err = st.WriteTargets(ctx, []plancast.Target{gone})
	wantCode(t, err, plancast.EINVALID) // withdrawn already: nothing stored under the key
	if res, err := st.WriteTargets(ctx, []plancast.Target{wrong}); err != nil || res.New != 1 {
		t.Fatalf("entering the withdrawn target again = %+v, %v; want 1 new", res, err)
	}
}

func testCatalog(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	regions, err := st.Regions(ctx)
	if err != nil || len(regions) != 2 || regions[0] != Houma || regions[1] != Zizhou {
		t.Fatalf("Regions = %+v, %v; want houma, zizhou intact", regions, err)
	}
	inds, err := st.Indicators(ctx)
	if err != nil || len(inds) != 2 || inds[0] != GDP || inds[1] != Unemp {
		t.Fatalf("Indicators = %+v, %v; want gdp, unemployment_rate intact", inds, err)
	}
	renamed := Houma
	renamed.Name = "Houma City"
	bad := plancast.Region{Code: "Bad Code", Name: "x", Level: plancast.LevelCounty}
	err = st.PutRegions(ctx, []plancast.Region{renamed, bad})
	wantCode(t, err, plancast.EINVALID)
	regions, _ = st.Regions(ctx)
	if regions[0].Name != "Houma" {
		t.Fatalf("rejected batch changed the catalog: %+v", regions[0])
	}
	if err := st.PutRegions(ctx, []plancast.Region{renamed}); err != nil {
		t.Fatal(err)
	}
	regions, _ = st.Regions(ctx)
	if len(regions) != 2 || regions[0].Name != "Houma City" {
		t.Fatalf("replace region: %+v", regions)
	}
}

func testDataVersion(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	v1, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, st, obs("houma", "gdp", 2020, 120.8, april2021))
	v2, _ := st.DataVersion(ctx)
	if v1 == v2 {
		t.Fatalf("data version did not move on a write: %s", v1)
	}
	if _, err := st.WriteTargets(ctx, []plancast.Target{{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: "level", Year: 2025, Value: 250}}); err != nil {
		t.Fatal(err)
	}
	v3, _ := st.DataVersion(ctx)
	if v3 == v2 {
		t.Fatalf("data version did not move on a target write: %s", v2)
	}
}

func testTokens(t *testing.T, st plancast.Store) {
	secret, hash := plancast.NewTokenSecret()
	tok := plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Region: "houma", Name: "Houma bureau", Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	if err := st.PutToken(ctx, tok); err != nil {
		t.Fatal(err)
	}
	got, err := st.TokenByHash(ctx, plancast.HashToken(secret))
	if err != nil {
		t.Fatal(err)
	}
	if got.Region != "houma" || got.Scope != plancast.ScopeWrite || got.Admin || !got.Created.Equal(tok.Created) {
		t.Fatalf("token = %+v, want %+v", got, tok)
	}
	if !got.MayWrite("houma") || got.MayWrite("zizhou") {
		t.Fatalf("a houma token must write houma only")
	}
	_, err = st.TokenByHash(ctx, plancast.HashToken("pc_not-a-token"))
	wantCode(t, err, plancast.ENOTFOUND)
	wantCode(t, st.PutToken(ctx, plancast.Token{Hash: "short", Scope: plancast.ScopeWrite, Region: "houma"}), plancast.EINVALID)
}

func testSeriesSet(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	jan := obs("houma", "gdp", 2020, 100, april2021)
	jan.Period = "jan-nov"
	mustWrite(t, st,
		obs("houma", "gdp", 2019, 110, april2021), obs("houma", "gdp", 2020, 120.8, april2021),
		obs("houma", "unemployment_rate", 2020, 3.1, april2021), obs("zizhou", "gdp", 2020, 80, april2021), jan)
	mustWrite(t, st, obs("houma", "gdp", 2020, 121.5, may2021)) // a revision: the set serves the latest

	all, err := st.SeriesSet(ctx, plancast.SeriesSetQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].Indicator != "gdp" || all[1].Indicator != "unemployment_rate" || all[2].Region != "zizhou" {
		t.Fatalf("all series = %+v, want houma/gdp, houma/unemployment_rate, zizhou/gdp", all)
	}
	if got := values(&all[0]); len(got) != 2 || got[2020] != 121.5 || got[2019] != 110 {
		t.Fatalf("houma/gdp in the set = %v, want 2019=110 and the revised 2020=121.5", got)
	}
	some, err := st.SeriesSet(ctx, plancast.SeriesSetQuery{Regions: []string{"houma", "atlantis"}, Indicators: []string{"gdp"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(some) != 1 || some[0].Region != "houma" || some[0].Indicator != "gdp" {
		t.Fatalf("houma gdp only = %+v", some)
	}
	part, err := st.SeriesSet(ctx, plancast.SeriesSetQuery{Period: "jan-nov"})
	if err != nil || len(part) != 1 || part[0].Observations[0].Value != 100 {
		t.Fatalf("jan-nov set = %+v, %v", part, err)
	}
	every, err := st.SeriesSet(ctx, plancast.SeriesSetQuery{Regions: []string{"houma"}, Indicators: []string{"gdp"}, Period: plancast.AllPeriods})
	if err != nil || len(every) != 2 || every[0].Period != "jan-nov" || every[1].Period != "year" {
		t.Fatalf("all periods of houma/gdp = %+v, %v; want the jan-nov and the year series", every, err)
	}
	none, err := st.SeriesSet(ctx, plancast.SeriesSetQuery{Regions: []string{"atlantis"}})
	if err != nil || len(none) != 0 {
		t.Fatalf("unknown region = %+v, %v; want empty, no error", none, err)
	}

	// Exactly the series asked for, from the store's SeriesValuesOf where it
	// has one and through SeriesSet where it has not: the same series, the
	// same latest values, nothing else (not the other period, not the series
	// of a region or indicator asked for with another).
	keys := []plancast.SeriesKey{
		{Region: "zizhou", Indicator: "gdp", Period: plancast.PeriodYear},
		{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear},
		{Region: "houma", Indicator: "gdp", Period: "jan-nov"},
		{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear}, // twice
		{Region: "atlantis", Indicator: "gdp", Period: plancast.PeriodYear},
	}
	for _, reader := range []struct {
		name string
		st   plancast.SeriesSetReader
	}{{"the store", st}, {"SeriesSet alone", struct{ plancast.SeriesSetReader }{st}}} {
		got, err := plancast.ReadSeriesValuesOf(ctx, reader.st, keys)
		if err != nil {
			t.Fatalf("%s: ReadSeriesValuesOf: %v", reader.name, err)
		}
		if len(got) != 3 || got[0].Region != "houma" || got[0].Period != "jan-nov" || got[1].Region != "houma" || got[1].Period != "year" || got[2].Region != "zizhou" {
			t.Fatalf("%s: ReadSeriesValuesOf = %+v, want houma/gdp jan-nov and year, zizhou/gdp", reader.name, got)
		}
		if v := values(&got[1]); len(v) != 2 || v[2020] != 121.5 || v[2019] != 110 {
			t.Fatalf("%s: houma/gdp = %v, want 2019=110 and the revised 2020=121.5", reader.name, v)
		}
		if got[0].Observations[0].Value != 100 || got[2].Observations[0].Value != 80 {
			t.Fatalf("%s: jan-nov %+v, zizhou %+v", reader.name, got[0].Observations, got[2].Observations)
		}
	}

	// A store with a values-only bulk read must give the same series and
	// the same latest vintages as SeriesSet, including a backfilled older
	// vintage (published earlier, recorded later: not the latest).
	vr, ok := st.(plancast.SeriesValuesReader)
	if !ok {
		return
	}
	backfill := obs("zizhou", "gdp", 2020, 79, plancast.NewDate(2020, time.December, 1)) // published before the stored one
	mustWrite(t, st, backfill)
	for _, q := range []plancast.SeriesSetQuery{{}, {Regions: []string{"houma"}}, {Indicators: []string{"gdp"}}, {Period: "jan-nov"}} {
		full, err := st.SeriesSet(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		keys := []plancast.SeriesKey{{Region: "atlantis", Indicator: "gdp", Period: plancast.PeriodYear}}
		for _, f := range full {
			keys = append(keys, plancast.SeriesKey{Region: f.Region, Indicator: f.Indicator, Period: f.Period})
		}
		lean, err := vr.SeriesValuesOf(ctx, keys)
		if err != nil {
			t.Fatal(err)
		}
		if len(full) != len(lean) {
			t.Fatalf("SeriesValuesOf the %d series of SeriesSet(%+v) gave %d", len(full), q, len(lean))
		}
		for i := range full {
			f, l := full[i], lean[i]
			if f.Region != l.Region || f.Indicator != l.Indicator || f.Period != l.Period || len(f.Observations) != len(l.Observations) {
				t.Fatalf("series %d: SeriesValuesOf %+v, SeriesSet %+v", i, l, f)
			}
			for j := range f.Observations {
				if f.Observations[j].Year != l.Observations[j].Year || f.Observations[j].Value != l.Observations[j].Value {
					t.Fatalf("%s/%s: SeriesValuesOf %+v, SeriesSet %+v", f.Region, f.Indicator, l.Observations, f.Observations)
				}
			}
		}
	}
	z, err := vr.SeriesValuesOf(ctx, []plancast.SeriesKey{{Region: "zizhou", Indicator: "gdp", Period: plancast.PeriodYear}})
	if err != nil || len(z) != 1 || values(&z[0])[2020] != 80 {
		t.Fatalf("zizhou/gdp after the backfill = %+v, %v; want 2020 = 80 (the backfilled 79 was published earlier)", z, err)
	}
}

// ReadVintagesOf (the store's bulk VintagesOf where it has one) gives every
// series asked for exactly what its own Vintages read gives, but for
// sources: the values, statuses, dates, stated growths and withdrawals, and
// the order of vintages, a backfilled one (published earlier, recorded
// later) included; and it leaves out series with no figures. A push
// compares its dated figures with what it reads (ingest/restated.go), so a
// status lost or a vintage out of order is a wrong count.
func testVintagesOf(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	jan := obs("houma", "gdp", 2020, 100, april2021)
	jan.Period = "jan-nov"
	prelim := obs("houma", "gdp", 2020, 120.8, april2021)
	prelim.Status = plancast.StatusPreliminary
	growth := 6.1
	estimate := obs("zizhou", "gdp", 2020, 60.2, april2021)
	estimate.Status, estimate.Growth, estimate.GrowthBaseYear = plancast.StatusEstimate, &growth, 2019
	mustWrite(t, st, obs("houma", "gdp", 2019, 110.1, april2021), prelim,
		estimate, jan, obs("houma", "unemployment_rate", 2020, 4.1, april2021))
	mustWrite(t, st, obs("houma", "gdp", 2020, 121.5, may2021), withdrawal("houma", "gdp", 2019, may2021))
	mustWrite(t, st, obs("houma", "gdp", 2020, 121, plancast.NewDate(2021, 4, 30))) // backfilled between
	keys := []plancast.SeriesKey{
		{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear},
		{Region: "houma", Indicator: "gdp", Period: "jan-nov"},
		{Region: "zizhou", Indicator: "gdp", Period: plancast.PeriodYear},
		{Region: "zizhou", Indicator: "unemployment_rate", Period: plancast.PeriodYear}, // no figures
	}
	got, err := plancast.ReadVintagesOf(ctx, st, keys)
	if err != nil {
		t.Fatalf("ReadVintagesOf: %v", err)
	}
	if _, ok := got[keys[3]]; ok || len(got) != 3 {
		t.Fatalf("series read: %d (%v), want the 3 with figures", len(got), slices.Collect(maps.Keys(got)))
	}
	for _, k := range keys[:3] {
		want, err := st.Vintages(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		vs := got[k]
		if len(vs) != len(want) {
			t.Fatalf("%v: %d vintages, want %d", k, len(vs), len(want))
		}
		// The bulk read may order years differently; within a year the
		// vintages must come oldest first, as Vintages returns them.
		byYear := func(os []plancast.Observation) map[int][]string {
			m := map[int][]string{}
			for _, o := range os {
				growth := "none"
				if o.Growth != nil {
					growth = fmt.Sprintf("%g over %d", *o.Growth, o.GrowthBase())
				}
				m[o.Year] = append(m[o.Year], fmt.Sprintf("%g %s published %s, growth %s", o.Value, o.Status, o.Published, growth))
			}
			return m
		}
		if g, w := byYear(vs), byYear(want); !reflect.DeepEqual(g, w) {
			t.Errorf("%v: vintages by year %v, want %v", k, g, w)
		}
	}
}

func withdrawal(region, indicator string, year int, published plancast.Date) plancast.Observation {
	o := obs(region, indicator, year, 0, published)
	o.Status = plancast.StatusWithdrawn
	return o
}

// A figure filed under the wrong year is withdrawn and pushed under the right
// one in one batch (Guyang's report says 2019 but describes 2009). Every read
// of the latest figures stops serving it; the history keeps it, and a read as
// of a date before the withdrawal still serves it.
func testWithdrawal(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	mustWrite(t, st, obs("houma", "gdp", 2019, 56, april2021), obs("houma", "gdp", 2018, 50, april2021), obs("zizhou", "gdp", 2019, 30, april2021))
	v1, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res := mustWrite(t, st, withdrawal("houma", "gdp", 2019, may2021), obs("houma", "gdp", 2009, 56, may2021), withdrawal("zizhou", "gdp", 2019, may2021))
	if res.Withdrawn != 2 || res.New != 1 || res.Revised+res.Unchanged != 0 {
		t.Fatalf("withdraw two and move one: result %+v, want 2 withdrawn and 1 new", res)
	}
	if v2, _ := st.DataVersion(ctx); v2 == v1 {
		t.Fatal("data version did not move on a withdrawal")
	}

	houma := plancast.SeriesQuery{Region: "houma", Indicator: "gdp"}
	if got := values(mustSeries(t, st, houma)); len(got) != 2 || got[2009] != 56 || got[2018] != 50 {
		t.Fatalf("houma/gdp after the move = %v, want 2009=56 and 2018=50 (2019 withdrawn)", got)
	}
	// zizhou/gdp had one figure: withdrawn, the series has none.
	_, err = st.Series(ctx, plancast.SeriesQuery{Region: "zizhou", Indicator: "gdp"})
	wantCode(t, err, plancast.ENOTFOUND)

	before := houma
	before.AsOf = plancast.NewDate(2021, time.May, 1)
	if got := values(mustSeries(t, st, before)); len(got) != 2 || got[2019] != 56 || got[2018] != 50 {
		t.Fatalf("as of 2021-05-01 = %v, want the figures before the withdrawal, 2018=50 and 2019=56", got)
	}
	y2019 := describeVintages(t, st, 2019, func(o *plancast.Observation) string { return fmt.Sprintf("%g %s", o.Value, o.Status) })
	if want := []string{"56 final", "0 withdrawn"}; !slices.Equal(y2019, want) {
		t.Fatalf("vintages of 2019 = %q, want %q", y2019, want)
	}

	set, err := st.SeriesSet(ctx, plancast.SeriesSetQuery{Indicators: []string{"gdp"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(set) != 1 || set[0].Region != "houma" || len(set[0].Observations) != 2 || values(&set[0])[2019] != 0 {
		t.Fatalf("SeriesSet = %+v, want houma/gdp alone with 2009 and 2018", set)
	}
	keys := []plancast.SeriesKey{{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear}, {Region: "zizhou", Indicator: "gdp", Period: plancast.PeriodYear}}
	lean, err := plancast.ReadSeriesValuesOf(ctx, st, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(lean) != 1 || !reflect.DeepEqual(values(&lean[0]), map[int]float64{2009: 56, 2018: 50}) {
		t.Fatalf("ReadSeriesValuesOf = %+v, want houma/gdp alone with 2009=56 and 2018=50", lean)
	}

	// Withdrawing again changes nothing; pushing the figure again brings it back.
	if res := mustWrite(t, st, withdrawal("houma", "gdp", 2019, may2021)); res.Unchanged != 1 || res.Changed() != 0 {
		t.Fatalf("second withdrawal = %+v, want 1 unchanged", res)
	}
	if res := mustWrite(t, st, obs("zizhou", "gdp", 2019, 31, may2021)); res.New != 1 {
		t.Fatalf("pushing a withdrawn figure again = %+v, want 1 new", res)
	}
	if got := values(mustSeries(t, st, plancast.SeriesQuery{Region: "zizhou", Indicator: "gdp"})); got[2019] != 31 {
		t.Fatalf("zizhou/gdp after the re-push = %v, want 2019=31", got)
	}
}

// A withdrawal of a figure that was never stored (a wrong year, say) refuses
// the whole batch: nothing of it is written.
func testWithdrawingNothing(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	mustWrite(t, st, obs("zizhou", "gdp", 2019, 30, april2021))
	_, err := st.WriteObservations(ctx, []plancast.Observation{obs("houma", "gdp", 2009, 56, may2021), withdrawal("houma", "gdp", 2019, may2021)})
	wantCode(t, err, plancast.EINVALID)
	if !strings.Contains(plancast.ErrorMessage(err), "houma/gdp 2019 (year) has no figure to withdraw") {
		t.Fatalf("error %q does not name the figure", plancast.ErrorMessage(err))
	}
	_, err = st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	wantCode(t, err, plancast.ENOTFOUND)
}

// testBulkReadAsOf: plancast.ReadSeriesValuesAsOf, which assessments given on
// a past date use, answers for each series exactly what Series answers as of
// that date, revisions and withdrawals after it left out.
func testBulkReadAsOf(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	sept2021, jan2022 := plancast.NewDate(2021, time.September, 1), plancast.NewDate(2022, time.January, 10)
	mustWrite(t, st, obs("houma", "gdp", 2019, 110, april2021), obs("houma", "gdp", 2020, 120.8, april2021), obs("zizhou", "gdp", 2020, 50, april2021))
	mustWrite(t, st, obs("houma", "gdp", 2020, 122.4, sept2021))                                           // revised
	mustWrite(t, st, withdrawal("houma", "gdp", 2019, jan2022), obs("houma", "gdp", 2021, 133.9, jan2022)) // withdrawn, and a new year

	year := plancast.PeriodYear
	keys := []plancast.SeriesKey{
		{Region: "zizhou", Indicator: "gdp", Period: year},
		{Region: "houma", Indicator: "gdp", Period: year},
		{Region: "houma", Indicator: "unemployment_rate", Period: year}, // never written
	}
	cases := []struct {
		asOf plancast.Date
		want map[string]map[int]float64 // region → year → value
	}{
		{plancast.NewDate(2021, time.January, 1), map[string]map[int]float64{}},
		{april2021, map[string]map[int]float64{"houma": {2019: 110, 2020: 120.8}, "zizhou": {2020: 50}}},
		{plancast.NewDate(2021, time.December, 31), map[string]map[int]float64{"houma": {2019: 110, 2020: 122.4}, "zizhou": {2020: 50}}},
		{plancast.NewDate(2022, time.June, 30), map[string]map[int]float64{"houma": {2020: 122.4, 2021: 133.9}, "zizhou": {2020: 50}}},
		{plancast.Date{}, map[string]map[int]float64{"houma": {2020: 122.4, 2021: 133.9}, "zizhou": {2020: 50}}},
	}
	for _, c := range cases {
		got, err := plancast.ReadSeriesValuesAsOf(ctx, st, keys, c.asOf)
		if err != nil {
			t.Fatalf("as of %s: %v", c.asOf, err)
		}
		if len(got) != len(c.want) {
			t.Fatalf("as of %s: %d series %+v, want %d", c.asOf, len(got), got, len(c.want))
		}
		for i := range got {
			s := &got[i]
			if i > 0 && got[i-1].Region >= s.Region {
				t.Fatalf("as of %s: series not sorted by region: %s after %s", c.asOf, s.Region, got[i-1].Region)
			}
			if v := values(s); !maps.Equal(v, c.want[s.Region]) || s.Indicator != "gdp" || s.Period != year {
				t.Fatalf("as of %s: %s/%s/%s = %v, want %v", c.asOf, s.Region, s.Indicator, s.Period, v, c.want[s.Region])
			}
			// The same as the single-series read on that date.
			one := mustSeries(t, st, plancast.SeriesQuery{Region: s.Region, Indicator: "gdp", AsOf: c.asOf})
			if v := values(one); !maps.Equal(v, values(s)) {
				t.Fatalf("as of %s: bulk %v, Series %v", c.asOf, values(s), v)
			}
		}
	}
}

// withGrowth is o stating growth percent over baseYear (0: year on year).
func withGrowth(o plancast.Observation, percent float64, baseYear int) plancast.Observation {
	o.Growth, o.GrowthBaseYear = &percent, baseYear
	return o
}

// growthText describes the growth o states: "5.3 a year since 2015",
// "6.1 y/y" (base year 0), or "none".
func growthText(o *plancast.Observation) string {
	switch {
	case o.Growth != nil && o.GrowthBaseYear == 0:
		return fmt.Sprintf("%g y/y", *o.Growth)
	case o.Growth != nil:
		return fmt.Sprintf("%g a year since %d", *o.Growth, o.GrowthBaseYear)
	case o.GrowthBaseYear != 0:
		return fmt.Sprintf("none, but a base year %d", o.GrowthBaseYear)
	}
	return "none"
}

// statedGrowths describes the stated growth of every figure of the series
// (growthText), keyed "region/indicator/period year".
func statedGrowths(series []plancast.Series) map[string]string {
	out := map[string]string{}
	for _, s := range series {
		for i := range s.Observations {
			o := &s.Observations[i]
			out[fmt.Sprintf("%s/%s/%s %d", s.Region, s.Indicator, s.Period, o.Year)] = growthText(o)
		}
	}
	return out
}

// wantGrowths reads the series keys every way a store serves figures, as of
// asOf (the latest when zero), and checks that each read gives every figure
// its stated growth: Series, the newest of Vintages and of the bulk
// ReadVintagesOf, ReadSeriesValuesAsOf (for a zero asOf the store's
// SeriesValuesOf where it has one), and for the latest SeriesSet and
// SeriesValuesOf too.
func wantGrowths(t *testing.T, st plancast.Store, keys []plancast.SeriesKey, asOf plancast.Date, want map[string]string) {
	t.Helper()
	reads := map[string][]plancast.Series{}
	for _, k := range keys {
		s, err := st.Series(ctx, plancast.SeriesQuery{Region: k.Region, Indicator: k.Indicator, Period: k.Period, AsOf: asOf})
		if plancast.ErrorCode(err) == plancast.ENOTFOUND {
			continue
		}
		if err != nil {
			t.Fatalf("Series %v as of %q: %v", k, asOf, err)
		}
		reads["Series"] = append(reads["Series"], *s)
		vs, err := st.Vintages(ctx, k)
		if err != nil {
			t.Fatalf("Vintages %v: %v", k, err)
		}
		reads["Vintages"] = append(reads["Vintages"], plancast.LatestVintages(vs, asOf)...)
	}
	byKey, err := plancast.ReadVintagesOf(ctx, st, keys)
	if err != nil {
		t.Fatalf("ReadVintagesOf: %v", err)
	}
	reads["ReadVintagesOf"] = plancast.LatestVintages(plancast.JoinVintages(byKey, keys), asOf)
	if reads["ReadSeriesValuesAsOf"], err = plancast.ReadSeriesValuesAsOf(ctx, st, keys, asOf); err != nil {
		t.Fatalf("ReadSeriesValuesAsOf %q: %v", asOf, err)
	}
	if asOf.IsZero() {
		want, regions, indicators := plancast.KeySpan(keys)
		set, err := st.SeriesSet(ctx, plancast.SeriesSetQuery{Regions: regions, Indicators: indicators, Period: plancast.AllPeriods})
		if err != nil {
			t.Fatalf("SeriesSet: %v", err)
		}
		reads["SeriesSet"] = slices.DeleteFunc(set, func(s plancast.Series) bool { return !want[s.Key()] })
		if vr, ok := st.(plancast.SeriesValuesReader); ok {
			if reads["SeriesValuesOf"], err = vr.SeriesValuesOf(ctx, keys); err != nil {
				t.Fatalf("SeriesValuesOf: %v", err)
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(reads)) {
		if got := statedGrowths(reads[name]); !maps.Equal(got, want) {
			t.Errorf("%s as of %q: stated growths\n got %v\nwant %v", name, asOf, got, want)
		}
	}
}

// growthKeys are the series of the stated-growth cases.
var growthKeys = []plancast.SeriesKey{
	{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear},
	{Region: "houma", Indicator: "gdp", Period: "jan-nov"},
	{Region: "zizhou", Indicator: "gdp", Period: plancast.PeriodYear},
}

// statedFigures are the figures of the stated-growth cases, published on
// date: one stating no growth, growths year on year and as an average since
// 2015, a partial period's, and a negative one in another region.
func statedFigures(date plancast.Date) []plancast.Observation {
	janNov := withGrowth(obs("houma", "gdp", 2020, 100, date), 3.2, 0)
	janNov.Period = "jan-nov"
	return []plancast.Observation{
		obs("houma", "gdp", 2018, 100, date),
		withGrowth(obs("houma", "gdp", 2019, 110, date), 6.1, 0),
		withGrowth(obs("houma", "gdp", 2020, 120.8, date), 5.3, 2015),
		janNov,
		withGrowth(obs("zizhou", "gdp", 2020, 80, date), -2.5, 0),
	}
}

// statedFigureGrowths are the growths of statedFigures as every read gives them.
func statedFigureGrowths() map[string]string {
	return map[string]string{
		"houma/gdp/year 2018":    "none",
		"houma/gdp/year 2019":    "6.1 y/y",
		"houma/gdp/year 2020":    "5.3 a year since 2015",
		"houma/gdp/jan-nov 2020": "3.2 y/y",
		"zizhou/gdp/year 2020":   "-2.5 y/y",
	}
}

// A figure keeps the growth its source states with it, and the year that
// growth is measured from: an average a year since 2015 (a Five-Year Plan's
// review), or year on year, which is stored as base year 0 however it was
// spelled. Every read of the figures gives them back, the bulk value reads
// of assessments included, and a figure stating none states none.
func testStatedGrowth(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	figures := statedFigures(april2021)
	figures[1].GrowthBaseYear = 2018 // year on year, spelled as the year before
	if res := mustWrite(t, st, figures...); res.New != 5 {
		t.Fatalf("result = %+v, want 5 new", res)
	}
	want := statedFigureGrowths()
	wantGrowths(t, st, growthKeys, plancast.Date{}, want)
	wantGrowths(t, st, growthKeys, april2021, want)
	wantGrowths(t, st, growthKeys, plancast.NewDate(2021, time.April, 19), map[string]string{})
}

// The stated growth is part of the figure: pushing it again with the same
// growth changes nothing, and a changed growth or base year, a growth added
// or one dropped is a revision. Reads as of a date before the revision give
// the growth stated then.
func testStatedGrowthRevision(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	sept2021 := plancast.NewDate(2021, time.September, 1)
	first := statedFigures(april2021)
	mustWrite(t, st, first...)
	v1, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	again := slices.Clone(first)
	for i := range again {
		again[i].Published = may2021
	}
	again[1].GrowthBaseYear = 2018 // year on year, spelled as the year before: the same figure
	if res := mustWrite(t, st, again...); res.Unchanged != 5 || res.Changed() != 0 {
		t.Fatalf("the same figures with the same growths = %+v, want 5 unchanged", res)
	}
	if v2, _ := st.DataVersion(ctx); v2 != v1 {
		t.Fatalf("data version moved on an identical re-push: %s → %s", v1, v2)
	}

	res := mustWrite(t, st,
		withGrowth(obs("houma", "gdp", 2018, 100, sept2021), 4, 0),      // a growth added
		withGrowth(obs("houma", "gdp", 2019, 110, sept2021), 6.1, 2016), // another base year
		withGrowth(obs("houma", "gdp", 2020, 120.8, sept2021), 5.4, 2015),
		obs("zizhou", "gdp", 2020, 80, sept2021)) // the growth dropped
	if res.Revised != 4 || res.New+res.Unchanged != 0 {
		t.Fatalf("the same values with other growths = %+v, want 4 revised", res)
	}
	before := statedFigureGrowths()
	after := map[string]string{
		"houma/gdp/year 2018":    "4 y/y",
		"houma/gdp/year 2019":    "6.1 a year since 2016",
		"houma/gdp/year 2020":    "5.4 a year since 2015",
		"houma/gdp/jan-nov 2020": "3.2 y/y",
		"zizhou/gdp/year 2020":   "none",
	}
	wantGrowths(t, st, growthKeys, plancast.Date{}, after)
	wantGrowths(t, st, growthKeys, sept2021, after)
	wantGrowths(t, st, growthKeys, plancast.NewDate(2021, time.August, 31), before)

	// Each vintage keeps its own growth.
	y2020 := describeVintages(t, st, 2020, growthText)
	if want := []string{"5.3 a year since 2015", "5.4 a year since 2015"}; !slices.Equal(y2020, want) {
		t.Fatalf("vintages of houma/gdp 2020 state %q, want %q", y2020, want)
	}
}

// A withdrawal takes the figure back with its growth: the withdrawal's
// vintage states none (even when the withdrawing item carried one), reads
// as of before it still give the growth, and pushing the figure again
// brings it back with the growth it then states.
func testWithdrawalCarriesNoGrowth(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	jan2022 := plancast.NewDate(2022, time.January, 10)
	mustWrite(t, st, withGrowth(obs("houma", "gdp", 2019, 110, april2021), 6.1, 2015), withGrowth(obs("houma", "gdp", 2020, 120.8, april2021), 5.3, 0))
	gone := withGrowth(withdrawal("houma", "gdp", 2019, jan2022), 6.1, 2015)
	if res := mustWrite(t, st, gone); res.Withdrawn != 1 {
		t.Fatalf("withdrawal = %+v, want 1 withdrawn", res)
	}
	y2019 := describeVintages(t, st, 2019, func(o *plancast.Observation) string {
		return fmt.Sprintf("%g %s, growth %s", o.Value, o.Status, growthText(o))
	})
	if want := []string{"110 final, growth 6.1 a year since 2015", "0 withdrawn, growth none"}; !slices.Equal(y2019, want) {
		t.Fatalf("vintages of 2019 = %q, want %q", y2019, want)
	}
	keys := growthKeys[:1]
	wantGrowths(t, st, keys, plancast.Date{}, map[string]string{"houma/gdp/year 2020": "5.3 y/y"})
	wantGrowths(t, st, keys, plancast.NewDate(2021, time.December, 31), map[string]string{
		"houma/gdp/year 2019": "6.1 a year since 2015",
		"houma/gdp/year 2020": "5.3 y/y",
	})
	if res := mustWrite(t, st, withGrowth(obs("houma", "gdp", 2019, 110, jan2022), 6.2, 2015)); res.New != 1 {
		t.Fatalf("pushing the withdrawn figure again = %+v, want 1 new", res)
	}
	wantGrowths(t, st, keys, plancast.Date{}, map[string]string{
		"houma/gdp/year 2019": "6.2 a year since 2015",
		"houma/gdp/year 2020": "5.3 y/y",
	})
}

// A revision that states no growth (a census pushed from a table without
// a growth column) leaves the growth stated with the figure before it
// standing, with the levels it was published with: every read of the
// series gives the same statements (Series.StatedGrowths), the bulk value
// reads of assessments included, and as of before the revision the
// figures' own.
func testGrowthStatedBeforeARevision(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	d := plancast.NewDate
	census := d(2022, time.December, 28)
	mustWrite(t, st,
		obs("houma", "gdp", 2019, 110, d(2020, time.March, 1)),
		withGrowth(obs("houma", "gdp", 2020, 120.8, d(2021, time.March, 1)), 2.4, 0),
		withGrowth(obs("houma", "gdp", 2021, 133.9, d(2022, time.March, 1)), 8.1, 0))
	if res := mustWrite(t, st, obs("houma", "gdp", 2020, 124.2, census), obs("houma", "gdp", 2021, 138, census)); res.Revised != 2 {
		t.Fatalf("the census = %+v, want 2 revised", res)
	}
	describe := func(ss []plancast.StatedGrowth) []string {
		var out []string
		for _, s := range ss {
			out = append(out, fmt.Sprintf("%d–%d %g%% on %g over %g, %s, earlier %t", s.BaseYear, s.Year, s.Percent, s.Level, s.BaseLevel, s.Published, s.Earlier))
		}
		return out
	}
	key := plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear}
	for _, c := range []struct {
		asOf plancast.Date
		want []string
	}{
		{plancast.Date{}, []string{"2019–2020 2.4% on 120.8 over 110, 2021-03-01, earlier true", "2020–2021 8.1% on 133.9 over 120.8, 2022-03-01, earlier true"}},
		{census, []string{"2019–2020 2.4% on 120.8 over 110, 2021-03-01, earlier true", "2020–2021 8.1% on 133.9 over 120.8, 2022-03-01, earlier true"}},
		{d(2022, time.December, 27), []string{"2019–2020 2.4% on 0 over 0, , earlier false", "2020–2021 8.1% on 0 over 0, , earlier false"}},
	} {
		reads := map[string][]plancast.Series{}
		s, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp", AsOf: c.asOf})
		if err != nil {
			t.Fatal(err)
		}
		reads["Series"] = []plancast.Series{*s}
		vs, err := st.Vintages(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		reads["Vintages"] = plancast.LatestVintages(vs, c.asOf)
		if reads["ReadSeriesValuesAsOf"], err = plancast.ReadSeriesValuesAsOf(ctx, st, []plancast.SeriesKey{key}, c.asOf); err != nil {
			t.Fatal(err)
		}
		if c.asOf.IsZero() {
			if reads["SeriesSet"], err = st.SeriesSet(ctx, plancast.SeriesSetQuery{Regions: []string{"houma"}, Indicators: []string{"gdp"}}); err != nil {
				t.Fatal(err)
			}
			if vr, ok := st.(plancast.SeriesValuesReader); ok {
				if reads["SeriesValuesOf"], err = vr.SeriesValuesOf(ctx, []plancast.SeriesKey{key}); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, name := range slices.Sorted(maps.Keys(reads)) {
			if len(reads[name]) != 1 {
				t.Errorf("%s as of %q: %d series, want 1", name, c.asOf, len(reads[name]))
				continue
			}
			if got := describe(reads[name][0].StatedGrowths()); !slices.Equal(got, c.want) {
				t.Errorf("%s as of %q: statements\n got %q\nwant %q", name, c.asOf, got, c.want)
			}
		}
	}
}

// houmaGDPVintages is every vintage of Houma's yearly GDP, oldest first.
func houmaGDPVintages(t *testing.T, st plancast.Store) []plancast.Observation {
	t.Helper()
	vs, err := st.Vintages(ctx, plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear})
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// describeVintages describes each vintage of Houma's yearly GDP for year,
// oldest first.
func describeVintages(t *testing.T, st plancast.Store, year int, describe func(*plancast.Observation) string) []string {
	t.Helper()
	var out []string
	for _, o := range houmaGDPVintages(t, st) {
		if o.Year == year {
			out = append(out, describe(&o))
		}
	}
	return out
}

// ReadFiguresBetween gives the latest figure of every year in the span of
// each series asked for, with its status and stated growth, as the store's
// own read (FiguresBetween) and as the two-step read of a store without it
// (the values of those years, then the vintages of the series holding one):
// the same answer. The latest is chosen by published date, as every read
// chooses it; a year whose latest vintage is a withdrawal, a year outside
// the span and a series not asked for are left out.
func testFiguresBetween(t *testing.T, st plancast.Store) {
	seedCatalog(t, st)
	with := func(o plancast.Observation, status string, growth float64) plancast.Observation {
		o.Status = status
		if growth != 0 {
			o.Growth, o.GrowthBaseYear = &growth, 2015 // a growth a year since 2015
		}
		return o
	}
	mustWrite(t, st,
		obs("houma", "gdp", 2018, 100, plancast.NewDate(2019, time.March, 1)),
		with(obs("houma", "gdp", 2019, 110, plancast.NewDate(2020, time.January, 20)), plancast.StatusPreliminary, 6.3),
		with(obs("houma", "gdp", 2020, 121, plancast.NewDate(2021, time.January, 10)), plancast.StatusEstimate, 0),
		obs("houma", "gdp", 2021, 130, plancast.NewDate(2022, time.March, 1)),
		obs("houma", "gdp", 2022, 140, plancast.NewDate(2023, time.March, 1)),
		with(obs("zizhou", "gdp", 2020, 80, plancast.NewDate(2021, time.February, 1)), plancast.StatusPreliminary, 0))
	jan := obs("houma", "gdp", 2020, 100, plancast.NewDate(2020, time.December, 15))
	jan.Period = "jan-nov"
	mustWrite(t, st, jan,
		with(obs("houma", "gdp", 2019, 110, plancast.NewDate(2020, time.September, 1)), plancast.StatusFinal, 6.3), // the 2019 figure made final
		obs("houma", "gdp", 2020, 119, plancast.NewDate(2020, time.December, 1)),                                   // backfilled: published earlier, not the latest
		withdrawal("houma", "gdp", 2021, plancast.NewDate(2022, time.June, 1)))
	keys := []plancast.SeriesKey{
		{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear},
		{Region: "zizhou", Indicator: "gdp", Period: plancast.PeriodYear},
		{Region: "atlantis", Indicator: "gdp", Period: plancast.PeriodYear},
	}
	want := "houma/gdp/year 2019=110 final growth 6.3 since 2015; 2020=121 estimate | zizhou/gdp/year 2020=80 preliminary"
	for _, reader := range []struct {
		name string
		st   plancast.VintageStore
	}{{"the store", st}, {"two steps", struct{ plancast.VintageStore }{st}}} {
		got, err := plancast.ReadFiguresBetween(ctx, reader.st, keys, 2019, 2021)
		if err != nil {
			t.Fatalf("%s: ReadFiguresBetween: %v", reader.name, err)
		}
		if s := describeFigures(got); s != want {
			t.Errorf("%s: ReadFiguresBetween 2019-2021 =\n%s\nwant\n%s", reader.name, s, want)
		}
	}
	if _, ok := st.(plancast.FigureSpanReader); !ok {
		t.Errorf("%T has no FiguresBetween: ingest would read every vintage of a pushed series to keep its status", st)
	}
}

// describeFigures writes series of figures as "region/indicator/period
// year=value status [growth g since base]; ..." joined by " | ".
func describeFigures(ss []plancast.Series) string {
	var parts []string
	for _, s := range ss {
		var figs []string
		for _, o := range s.Observations {
			f := fmt.Sprintf("%d=%g %s", o.Year, o.Value, o.Status)
			if o.Growth != nil {
				f += fmt.Sprintf(" growth %g since %d", *o.Growth, o.GrowthBaseYear)
			}
			figs = append(figs, f)
		}
		parts = append(parts, s.Region+"/"+s.Indicator+"/"+s.Period+" "+strings.Join(figs, "; "))
	}
	return strings.Join(parts, " | ")
}
