package ingest

import (
	"context"
	"testing"

	"github.com/plancast/plancast"
)

// A revision is judged beside the figure it revises, the nearest figure
// there is (its own year's), by the neighbours' rule and factor: a level
// more than 5 times or under a fifth of it, a rate that looks like a
// fraction typed for a percent. Before, a county series with gaps (2015,
// then 2024) took 1528000 for 152.8 as "1 revised" when no other year lay
// within 3 years.

func TestARevisionTenThousandTimesTheFigureItRevisesIsRefused(t *testing.T) {
	st := storedJumpFigures(t, "houma,gdp,2015,88.9,亿元\nhouma,gdp,2024,152.8,亿元\n")
	refusedOnce(t, st, "g2024_slip.csv", "houma,gdp,2024,1528000,亿元\n",
		"g2024_slip.csv row 2 column D (value): houma gdp 2024: 1528000 is 10000.0 times the 2024 figure it revises, 152.8 (stored); "+
			"a figure in another unit?"+acceptJumpsHint)
	refusedOnce(t, st, "tenth.csv", "houma,gdp,2024,15.28,亿元\n",
		"tenth.csv row 2 column D (value): houma gdp 2024: 15.28 is 1/10.0 of the 2024 figure it revises, 152.8 (stored); "+
			"a figure in another unit?"+acceptJumpsHint)
	// A rate revised to a fraction of itself.
	st = storedJumpFigures(t, "houma,unemployment_rate,2024,3.3,%\n")
	refusedOnce(t, st, "rate.csv", "houma,unemployment_rate,2024,0.033,%\n",
		"rate.csv row 2 column D (value): houma unemployment_rate 2024: 0.033 is 1/100.0 of the 2024 figure it revises, 3.3 (stored); "+
			"a fraction typed for a percent (3.3% is 3.3)?"+acceptJumpsHint)
}

func TestARevisionWithinTheFactorIsWritten(t *testing.T) {
	st := storedJumpFigures(t, "houma,gdp,2015,88.9,亿元\nhouma,gdp,2024,152.8,亿元\n")
	b := parseString(t, "rev.csv", jumpHeader+"houma,gdp,2024,160.2,亿元\n", Options{})
	if rep := apply(t, st, b, false); rep.Revised != 1 {
		t.Errorf("a revision by 5%%: %d revised, want 1", rep.Revised)
	}
}

func TestAcceptingJumpsWritesARevisionFarFromTheFigureItRevises(t *testing.T) {
	st := storedJumpFigures(t, "houma,gdp,2024,152.8,亿元\n")
	b := parseString(t, "g2024_slip.csv", jumpHeader+"houma,gdp,2024,1528000,亿元\n", Options{})
	rep, err := Apply(context.Background(), st, b, ApplyOptions{AcceptJumps: true})
	if err != nil || rep.Revised != 1 {
		t.Fatalf("accepting jumps: %v, %d revised; want the revision written", err, rep.Revised)
	}
}

// A year header in the wrong unit read 152.8 万元 as 0.01528 亿元, and the
// push "corrected" the figure stated the same day: it is refused, saying
// the value as its cell gave it.
func TestASameDayCorrectionInAnotherUnitIsRefused(t *testing.T) {
	st := openStore(t)
	today := Options{Published: plancast.Today()}
	apply(t, st, parseString(t, "g_today.csv", jumpHeader+"houma,gdp,2024,152.8,亿元\n", today), false)
	want := "g_wan.csv row 2 column B (value): houma gdp 2024: 152.8 万元 (0.01528 亿元) is 1/10000.0 of the 2024 figure it revises, 152.8 (stored); " +
		"a figure in another unit?" + acceptJumpsHint
	for _, dry := range []bool{true, false} {
		opt := today
		opt.Region = "houma"
		b := parseString(t, "g_wan.csv", "指标,2024年（万元）\n地区生产总值,152.8\n", opt)
		rep, err := Apply(context.Background(), st, b, ApplyOptions{DryRun: dry})
		if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 || rep.Problems[0].Error() != want {
			t.Errorf("dry run %v: %v, problems %q; want\n %q", dry, err, problemTexts(rep.Problems), want)
		}
	}
	if got := storedGDP(t, st, 2024); got != "152.8" {
		t.Errorf("2024 stored as %s after the refused push, want 152.8", got)
	}
}

// A revision that corrects a slip is no slip: the figure it revises is
// suspected beside its neighbour, and the revision is not.
func TestARevisionCorrectingASlipIsWritten(t *testing.T) {
	st := storedJumpFigures(t, "houma,gdp,2020,120.8,亿元\n")
	b := parseString(t, "slip.csv", jumpHeader+"houma,gdp,2021,1311,亿元\n", Options{})
	if _, err := Apply(context.Background(), st, b, ApplyOptions{AcceptJumps: true}); err != nil {
		t.Fatal(err)
	}
	fix := parseString(t, "fix.csv", jumpHeader+"houma,gdp,2021,131.1,亿元\n", Options{})
	if rep := apply(t, st, fix, false); rep.Revised != 1 {
		t.Errorf("the correction: %d revised, want 1", rep.Revised)
	}
}
