package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// Many figures kept as history are counted in one note that names the
// first five and says how many more there are.
func TestManyFiguresKeptAsHistoryAreCountedInOneNote(t *testing.T) {
	st := openStore(t)
	var served, older strings.Builder
	served.WriteString("region,indicator,year,value,published\n")
	older.WriteString("region,indicator,year,value,published\n")
	for y := 2013; y <= 2019; y++ {
		fmt.Fprintf(&served, "houma,gdp,%d,%d,2021-06-01\n", y, 100+y-2013)
		fmt.Fprintf(&older, "houma,gdp,%d,%d.5,2020-06-01\n", y, 100+y-2013)
	}
	apply(t, st, parseString(t, "served.csv", served.String(), Options{}), false)
	rep := apply(t, st, parseString(t, "older.csv", older.String(), Options{}), false)
	if rep.History != 7 || rep.Revised != 0 || len(rep.Notes) != 1 {
		t.Fatalf("7 figures dated before the served ones: %d history, %d revised, notes %q; want 7 kept as history in one note", rep.History, rep.Revised, rep.Notes)
	}
	n := rep.Notes[0]
	for _, want := range []string{"7 figures are dated before the vintages served, so they are kept as history",
		"houma gdp 2013: 100.5 (published 2020-06-01) is kept as an earlier vintage; the served figure stays 100 (published 2021-06-01)",
		"; and 2 more; to have a figure served"} {
		if !strings.Contains(n, want) {
			t.Errorf("note %q; want it to say %q", n, want)
		}
	}
	if c := strings.Count(n, "is kept as an earlier vintage"); c != 5 {
		t.Errorf("the note names %d figures; want the first 5", c)
	}
}
