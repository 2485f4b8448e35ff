package plancast

import (
	"math"
	"testing"
	"time"
)

func TestRevisionsMeasureEachYearFromItsFirstRelease(t *testing.T) {
	v := func(year int, value float64, published Date, status string) Observation {
		return Observation{Region: "houma", Indicator: "gdp", Year: year, Value: value, Status: status, Period: PeriodYear, Published: published}
	}
	d := NewDate
	vintages := []Observation{
		v(2018, 100, d(2019, 3, 1), StatusFinal), // never revised
		v(2019, 110, d(2020, 3, 1), StatusPreliminary),
		v(2019, 115.5, d(2021, 1, 10), StatusFinal), // revised up 5%
		v(2020, 120.8, d(2021, 4, 20), StatusPreliminary),
		v(2020, 0, d(2021, 6, 1), StatusWithdrawn), // withdrawn: no figure served
		v(2021, -10, d(2022, 3, 1), StatusFinal),
		v(2021, -12, d(2023, 3, 1), StatusFinal), // a deficit that deepened: −20%
		v(2022, 0, d(2023, 3, 1), StatusFinal),
		v(2022, 3, d(2024, 3, 1), StatusFinal), // from zero: no rate
		v(2023, 50, d(2024, 3, 1), StatusFinal),
		v(2023, 0, d(2024, 4, 1), StatusWithdrawn),
		v(2023, 45, d(2024, 5, 1), StatusFinal), // withdrawn, then entered again: −10% from the first
	}
	years, sum := Revisions(vintages)
	type want struct {
		year     int
		vintages int
		first    float64
		latest   float64 // NaN: none served
		revision float64 // NaN: none measured
	}
	wants := []want{
		{2018, 1, 100, 100, 0},
		{2019, 2, 110, 115.5, 0.05},
		{2020, 2, 120.8, math.NaN(), math.NaN()},
		{2021, 2, -10, -12, -0.2},
		{2022, 2, 0, 3, math.NaN()},
		{2023, 3, 50, 45, -0.1},
	}
	if len(years) != len(wants) {
		t.Fatalf("%d years, want %d: %+v", len(years), len(wants), years)
	}
	for i, w := range wants {
		y := years[i]
		if y.Year != w.year || len(y.Vintages) != w.vintages || y.First != w.first ||
			!sameOptional(y.Latest, w.latest) || !sameOptional(y.Revision, w.revision) {
			t.Errorf("year %d: got year %d, %d vintages, first %g, latest %v, revision %v; want %+v",
				w.year, y.Year, len(y.Vintages), y.First, deref(y.Latest), deref(y.Revision), w)
		}
	}
	// The change of each vintage from the one served before it: none for a
	// first release or a withdrawal; across a withdrawal, from the last
	// figure served.
	for _, c := range []struct {
		year, vintage int
		change        float64
		prec          int
		ok            bool
	}{
		{2019, 0, 0, 0, false}, {2019, 1, 5.5, 1, true},
		{2023, 1, 0, 0, false}, {2023, 2, -5, 0, true},
	} {
		y := years[c.year-2018]
		if change, prec, ok := y.Change(c.vintage); ok != c.ok || prec != c.prec || math.Abs(change-c.change) > 1e-12 {
			t.Errorf("%d vintage %d: change %g (%d decimals, %t), want %g (%d, %t)", c.year, c.vintage+1, change, prec, ok, c.change, c.prec, c.ok)
		}
	}

	// Measured: 2018 (0), 2019 (+0.05), 2021 (−0.2), 2023 (−0.1).
	if sum.Years != 4 || sum.Revised != 3 {
		t.Errorf("summary years %d, revised %d; want 4 and 3", sum.Years, sum.Revised)
	}
	if !sameOptional(sum.MeanRevision, (0+0.05-0.2-0.1)/4) || !sameOptional(sum.MeanAbsRevision, (0+0.05+0.2+0.1)/4) {
		t.Errorf("MR %v, MAR %v; want %g and %g", deref(sum.MeanRevision), deref(sum.MeanAbsRevision), -0.0625, 0.0875)
	}

	// As of a date, the later vintages are left out: 2019 is not revised yet.
	then, sum := Revisions(VintagesAsOf(vintages, d(2020, 12, 31)))
	if len(then) != 2 || then[1].Year != 2019 || len(then[1].Vintages) != 1 || !sameOptional(then[1].Revision, 0) || sum.Revised != 0 {
		t.Errorf("as of 2020-12-31: %+v, %+v; want 2018 and 2019, neither revised", then, sum)
	}
	if _, sum := Revisions(nil); sum.Years != 0 || sum.MeanRevision != nil || sum.MeanAbsRevision != nil {
		t.Errorf("no vintages: %+v, want an empty summary", sum)
	}
}

// sameOptional compares an optional number with want, NaN meaning nil.
func sameOptional(got *float64, want float64) bool {
	if math.IsNaN(want) {
		return got == nil
	}
	return got != nil && math.Abs(*got-want) < 1e-12
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// A change is written with the decimals of the figures it is taken
// between, where it is exact, not as the difference of two binary floating
// point numbers: 216.8 revised to 218.9 changed by 2.1, not by
// 2.0999999999999943; 0.78 to 0.785 by 0.005, a third decimal kept; 113.2
// to 113.6 by 0.4, and back by -0.4.
func TestAChangeIsExactToTheFiguresOwnDecimals(t *testing.T) {
	for _, c := range []struct {
		from, to, change float64
		prec             int
	}{
		{216.8, 218.9, 2.1, 1},
		{0.78, 0.785, 0.005, 3},
		{113.2, 113.6, 0.4, 1},
		{113.6, 113.2, -0.4, 1},
		{120.8, 120.8, 0, 1},
		{250, 230, -20, 0},
	} {
		y := YearRevisions{Vintages: []Observation{
			{Year: 2024, Value: c.from, Status: StatusFinal},
			{Year: 2024, Value: c.to, Status: StatusFinal},
		}}
		change, prec, ok := y.Change(1)
		if !ok || change != c.change || prec != c.prec {
			t.Errorf("%g to %g: change %v (%d decimals, %t); want exactly %v (%d)", c.from, c.to, change, prec, ok, c.change, c.prec)
		}
	}
}

// A vintage replaced by a correction published the same day (the store
// serves the later recorded of a day's vintages) is read by no answer as of
// any date: it is not a release. It is set apart, and the first release,
// the change and MR and MAR are those of the vintages that were released.
// A clerk who keyed 152.3 for Houma's 2024 GDP and corrected it to 152.8
// the same day had revised nothing; the year read first 152.3, revision
// +0.33%, and the series "1 of 1 years revised".
func TestAVintageCorrectedTheSameDayIsNotARelease(t *testing.T) {
	d := NewDate
	at := func(hour int) time.Time { return time.Date(2025, 3, 20, hour, 0, 0, 0, time.UTC) }
	v := func(year int, value float64, published Date, recorded time.Time, status string) Observation {
		return Observation{Region: "houma", Indicator: "gdp", Year: year, Value: value, Status: status, Period: PeriodYear, Published: published, Recorded: recorded}
	}
	vintages := []Observation{
		v(2023, 145.1, d(2024, 3, 1), at(1), StatusFinal),
		v(2023, 146.0, d(2025, 3, 20), at(2), StatusFinal),  // a revision a year on
		v(2024, 152.3, d(2025, 3, 20), at(9), StatusFinal),  // the slip
		v(2024, 152.8, d(2025, 3, 20), at(11), StatusFinal), // corrected that morning
		v(2024, 153.4, d(2026, 3, 1), at(1), StatusFinal),   // revised a year on: +0.39% from 152.8
	}
	years, sum := Revisions(vintages)
	if len(years) != 2 {
		t.Fatalf("%d years, want 2023 and 2024: %+v", len(years), years)
	}
	y := years[1]
	if len(y.Vintages) != 2 || y.Vintages[0].Value != 152.8 || y.Vintages[1].Value != 153.4 {
		t.Errorf("2024's releases %+v; want 152.8 and 153.4", y.Vintages)
	}
	if len(y.CorrectedSameDay) != 1 || y.CorrectedSameDay[0].Value != 152.3 {
		t.Errorf("2024 corrected the same day: %+v; want 152.3", y.CorrectedSameDay)
	}
	if y.First != 152.8 || !sameOptional(y.Latest, 153.4) || !sameOptional(y.Revision, (153.4-152.8)/152.8) {
		t.Errorf("2024: first %g, latest %v, revision %v; want first 152.8, latest 153.4, revision %g", y.First, deref(y.Latest), deref(y.Revision), (153.4-152.8)/152.8)
	}
	if change, prec, ok := y.Change(1); !ok || change != 0.6 || prec != 1 {
		t.Errorf("2024's revision changed it by %g (%d decimals, %t); want 0.6 from 152.8", change, prec, ok)
	}
	// A vintage of an earlier day is a release whatever the next one's
	// year: 2023's two vintages stay two releases.
	if len(years[0].Vintages) != 2 || years[0].CorrectedSameDay != nil {
		t.Errorf("2023: %+v; want its two vintages released", years[0])
	}

	// Corrected and never revised after: nothing revised.
	years, sum = Revisions(vintages[2:4])
	if sum.Years != 1 || sum.Revised != 0 || !sameOptional(sum.MeanRevision, 0) || !sameOptional(sum.MeanAbsRevision, 0) ||
		years[0].First != 152.8 || !sameOptional(years[0].Revision, 0) {
		t.Errorf("152.3 corrected to 152.8 the same day: %+v, summary %d of %d revised, MR %v, MAR %v; want first 152.8 and nothing revised",
			years[0], sum.Revised, sum.Years, deref(sum.MeanRevision), deref(sum.MeanAbsRevision))
	}

	// A figure withdrawn the same day it was pushed was never released,
	// and one pushed again the day of its withdrawal replaces the
	// withdrawal: the year's releases are the first withdrawal, 150 and
	// 151, its first release 150.
	years, _ = Revisions([]Observation{
		v(2022, 149, d(2023, 3, 1), at(1), StatusFinal),
		v(2022, 0, d(2023, 3, 1), at(2), StatusWithdrawn),
		v(2022, 150, d(2023, 4, 1), at(3), StatusFinal),
		v(2022, 0, d(2024, 3, 1), at(4), StatusWithdrawn),
		v(2022, 151, d(2024, 3, 1), at(5), StatusFinal),
	})
	if y := years[0]; len(y.Vintages) != 3 || y.First != 150 || !sameOptional(y.Latest, 151) || len(y.CorrectedSameDay) != 2 ||
		y.CorrectedSameDay[0].Value != 149 || !y.CorrectedSameDay[1].Withdrawn() {
		t.Errorf("withdrawn and pushed again the same days: %+v; want releases a withdrawal, 150 and 151, and 149 and the second withdrawal corrected the same day", y)
	}
}
