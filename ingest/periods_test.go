package ingest

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// The periods a table's period column takes are plancast's own
// (plancast.Periods, which ValidPeriod takes too): each is read as
// written, and a near miss of one is offered it, so a period added there
// is read and offered here without a second list to keep in step. The
// message of a misspelt period names them as before.
func TestAPeriodCellTakesAndOffersPlancastsPeriods(t *testing.T) {
	var rows strings.Builder
	for _, p := range plancast.Periods {
		if !plancast.ValidPeriod(p) {
			t.Errorf("period %q of plancast.Periods is not valid", p)
		}
		rows.WriteString("houma,gdp,2021," + p + ",10\n")
	}
	b := parseString(t, "periods.csv", "region,indicator,year,period,value\n"+rows.String(), Options{})
	noProblems(t, b)
	if len(b.Observations) != len(plancast.Periods) {
		t.Fatalf("%d figures; want one of each of the %d periods", len(b.Observations), len(plancast.Periods))
	}
	for i, p := range plancast.Periods {
		if got := b.Observations[i].Period; got != p {
			t.Errorf("row %d: period %q; want %q", i+2, got, p)
		}
	}

	for _, c := range []struct{ typed, want string }{
		{"jan-nvo", `periods.csv row 2 column D (period): period "jan-nvo" must be year, h1, h2, q1–q4 or jan-feb … jan-nov (上半年, 1-11月); did you mean "jan-nov"?`},
		{"yaer", `periods.csv row 2 column D (period): period "yaer" must be year, h1, h2, q1–q4 or jan-feb … jan-nov (上半年, 1-11月); did you mean "year"?`},
		{"q5", `periods.csv row 2 column D (period): period "q5" must be year, h1, h2, q1–q4 or jan-feb … jan-nov (上半年, 1-11月)`},
	} {
		b := parseString(t, "periods.csv", "region,indicator,year,period,value\nhouma,gdp,2021,"+c.typed+",10\n", Options{})
		if got := problemTexts(b.Problems); len(got) != 1 || got[0] != c.want {
			t.Errorf("period %q: problems %q;\nwant %q", c.typed, got, c.want)
		}
	}
}
