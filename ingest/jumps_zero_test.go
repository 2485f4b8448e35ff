package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// zeroHint is what a refused 0 of a level asks and says to do.
const zeroHint = "an empty cell exported as 0? Leave a figure that is not known out (a wide table takes a blank cell or a dash for no figure)." + acceptJumpsHint

// A blank exported as 0 is a common slip of a bureau's export: a wide
// table's 2022 GDP of 0 beside 2021's 131.2 once revised the stored 140.1
// to 0. A 0 of a level beside a positive figure is less than a fifth of it
// and refused at its value, like any jump, naming the likely cause.
func TestAZeroLevelBesideAFigureIsRefusedAsABlankExportedAsZero(t *testing.T) {
	st := storedJumpFigures(t, "houma,gdp,2021,131.2,亿元\nhouma,gdp,2022,140.1,亿元\n")
	ctx := context.Background()
	before, _ := st.DataVersion(ctx)
	want := "wide.csv row 2 column C (value): houma gdp 2022: 0 is less than 1/5 of the 2021 figure 131.2 (row 2); " + zeroHint
	for _, dry := range []bool{true, false} {
		b := parseString(t, "wide.csv", "指标,2021,2022\n地区生产总值,131.2,0\n", Options{Region: "houma"})
		rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: dry})
		if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 || rep.Problems[0].Error() != want {
			t.Errorf("dry run %v: %v, %q; want EINVALID and\n %q", dry, err, problemTexts(rep.Problems), want)
		}
	}
	if now, _ := st.DataVersion(ctx); now != before {
		t.Errorf("the refused 0 moved the data version %s → %s; 140.1 must stand", before, now)
	}
}

// A 0 is judged against the stored figures as a positive figure is, on
// either side, and is said once at its own row, whichever side of it and
// in whichever order its neighbours come.
func TestAZeroIsJudgedAgainstStoredFiguresAndSaidOnceAtItsRow(t *testing.T) {
	for _, shape := range storeShapes {
		t.Run(shape.name, func(t *testing.T) {
			st := shape.of(storedJumpFigures(t, "houma,gdp,2019,116.2,亿元\nhouma,gdp,2021,131.2,亿元\n"))
			// The year beside a stored figure, and across a gap: 2020 lies between two.
			refusedOnce(t, st, "z.csv", "houma,gdp,2022,0,亿元\n",
				"z.csv row 2 column D (value): houma gdp 2022: 0 is less than 1/5 of the 2021 figure 131.2 (stored); "+zeroHint)
			refusedOnce(t, st, "z.csv", "houma,gdp,2020,0,亿元\n",
				"z.csv row 2 column D (value): houma gdp 2020: 0 is less than 1/5 of the 2019 figure 116.2 (stored); "+zeroHint)
			refusedOnce(t, st, "z.csv", "houma,gdp,2016,0,亿元\n",
				"z.csv row 2 column D (value): houma gdp 2016: 0 is less than 1/5 of the 2019 figure 116.2 (stored); "+zeroHint)
			// In one batch: the 0 after its neighbour, and before it.
			empty := shape.of(openStore(t))
			refusedOnce(t, empty, "z.csv", "houma,gdp,2021,131.2,亿元\nhouma,gdp,2022,0,亿元\n",
				"z.csv row 3 column D (value): houma gdp 2022: 0 is less than 1/5 of the 2021 figure 131.2 (row 2); "+zeroHint)
			refusedOnce(t, empty, "z.csv", "houma,gdp,2021,0,亿元\nhouma,gdp,2022,140.1,亿元\n",
				"z.csv row 2 column D (value): houma gdp 2021: 0 is less than 1/5 of the 2022 figure 140.1 (row 3); "+zeroHint)
			refusedOnce(t, empty, "z.csv", "houma,gdp,2020,120.8,亿元\nhouma,gdp,2021,0,亿元\nhouma,gdp,2022,140.1,亿元\n",
				"z.csv row 3 column D (value): houma gdp 2021: 0 is less than 1/5 of the 2020 figure 120.8 (row 2); "+zeroHint)
		})
	}
}

// Beside a 0 no ratio says anything: a figure after a stored 0 (a series
// that starts from nothing, or a 0 accepted before) is not refused for it,
// nor is a 0 beside a 0, nor a 0 with no figure within three years.
func TestAFigureBesideAZeroIsNotRefusedForIt(t *testing.T) {
	st := storedJumpFigures(t, "houma,gdp,2019,0,亿元\nhouma,gdp,2020,0,亿元\n")
	ctx := context.Background()
	for _, rows := range []string{
		"houma,gdp,2021,131.2,亿元\n",
		"houma,gdp,2021,0,亿元\n",
		"houma,gdp,2021,0,亿元\nhouma,gdp,2022,0,亿元\n",
		"houma,gdp,2021,131.2,亿元\nhouma,gdp,2022,140.1,亿元\n",
		"houma,budget_revenue,2021,0,亿元\n",
	} {
		b := parseString(t, "ok.csv", jumpHeader+rows, Options{})
		if rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: true}); err != nil || rep.New == 0 {
			t.Errorf("%q beside stored zeros: %v, %q; want it counted to write", rows, err, problemTexts(b.Problems))
		}
	}
}

func TestAcceptingJumpsWritesAZero(t *testing.T) {
	st := storedJumpFigures(t, "houma,gdp,2021,131.2,亿元\nhouma,gdp,2022,140.1,亿元\n")
	ctx := context.Background()
	b := parseString(t, "wide.csv", "指标,2021,2022\n地区生产总值,131.2,0\n", Options{Region: "houma"})
	if rep, err := Apply(ctx, st, b, ApplyOptions{AcceptJumps: true}); err != nil || rep.Revised != 1 || rep.Unchanged != 1 {
		t.Fatalf("accepting jumps: %v, %+v; want 2022 revised to 0", err, rep)
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil || len(s.Observations) != 2 || s.Observations[1].Value != 0 {
		t.Fatalf("GDP after accepting the 0: %+v, %v", s, err)
	}
	// Revising it back is a figure beside 131.2, not beside the 0 it replaces.
	fix := parseString(t, "fix.csv", jumpHeader+"houma,gdp,2022,140.1,亿元\n", Options{})
	if rep, err := Apply(ctx, st, fix, ApplyOptions{}); err != nil || rep.Revised != 1 {
		t.Errorf("revising the 0 back: %v, %q", err, strings.Join(problemTexts(fix.Problems), "; "))
	}
}
