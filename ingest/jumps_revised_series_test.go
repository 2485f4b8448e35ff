package ingest

import (
	"context"
	"testing"

	"github.com/plancast/plancast"
)

// A push that revises every stored year of a series by a slip's factor (a
// 万元 sheet re-sent with the unit 亿元) is refused at each row: the
// exception for a revision that corrects a slip holds only where the
// figures beside it as stored, not the push's own slipped rows, show the
// stored figure was the slip. Before, "0 new, 2 revised" wrote 1,398,000
// over 139.8 and 1,450,000 over 145, +999,900% revisions.

func TestRevisionsOfEveryStoredYearByASlipsFactorAreRefusedAtEachRow(t *testing.T) {
	st := storedJumpFigures(t, "houma,budget_revenue,2023,139.8,亿元\nhouma,budget_revenue,2024,145,亿元\n")
	ctx := context.Background()
	want := []string{
		"slip2.csv row 2 column D (value): houma budget_revenue 2023: 1398000 is 10000.0 times the 2023 figure it revises, 139.8 (stored); a figure in another unit?" + acceptJumpsHint,
		"slip2.csv row 3 column D (value): houma budget_revenue 2024: 1450000 is 10000.0 times the 2024 figure it revises, 145 (stored); a figure in another unit?" + acceptJumpsHint,
	}
	for _, dry := range []bool{true, false} {
		b := parseString(t, "slip2.csv", jumpHeader+"houma,budget_revenue,2023,1398000,亿元\nhouma,budget_revenue,2024,1450000,亿元\n", Options{})
		rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: dry})
		got := problemTexts(rep.Problems)
		if plancast.ErrorCode(err) != plancast.EINVALID || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("dry run %v: %v, problems\n %q\nwant\n %q", dry, err, got, want)
		}
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "budget_revenue"})
	if err != nil || len(s.Observations) != 2 || s.Observations[0].Value != 139.8 || s.Observations[1].Value != 145 {
		t.Errorf("budget revenue after the refused push: %+v, %v; want 139.8 and 145 as stored", s.Observations, err)
	}
}

func TestFiveStoredYearsReSentTenThousandTimesOverAreRefused(t *testing.T) {
	st := storedJumpFigures(t, "houma,gdp,2020,120.8,亿元\nhouma,gdp,2021,131.1,亿元\nhouma,gdp,2022,135.2,亿元\nhouma,gdp,2023,139.8,亿元\nhouma,gdp,2024,145,亿元\n")
	b := parseString(t, "slip5.csv", jumpHeader+
		"houma,gdp,2020,1208000,亿元\nhouma,gdp,2021,1311000,亿元\nhouma,gdp,2022,1352000,亿元\nhouma,gdp,2023,1398000,亿元\nhouma,gdp,2024,1450000,亿元\n", Options{})
	rep, err := Apply(context.Background(), st, b, ApplyOptions{DryRun: true})
	if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 5 {
		t.Errorf("%v, problems %q; want each of the 5 rows refused", err, problemTexts(rep.Problems))
	}
}

// The exception still holds where a stored figure beside it shows the slip,
// and a new figure of the push is a witness as good as a stored one.
func TestASlipCorrectedBesideANewFigureOfThePushIsWritten(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	slip := parseString(t, "slip.csv", jumpHeader+"houma,gdp,2023,1398000,亿元\n", Options{})
	if _, err := Apply(ctx, st, slip, ApplyOptions{AcceptJumps: true}); err != nil {
		t.Fatal(err)
	}
	fix := parseString(t, "fix.csv", jumpHeader+"houma,gdp,2023,139.8,亿元\nhouma,gdp,2024,145,亿元\n", Options{})
	if rep := apply(t, st, fix, false); rep.Revised != 1 || rep.New != 1 {
		t.Errorf("the correction beside a new 2024: %d revised, %d new; want 1 and 1", rep.Revised, rep.New)
	}
}
