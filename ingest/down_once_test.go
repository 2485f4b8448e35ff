package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// figuresDown is a store whose stored figures cannot be read by years, as
// the spool answers while InfluxDB is down, counting the reads sent to it;
// it writes as it would.
type figuresDown struct {
	plancast.Store
	reads *int
}

func (s figuresDown) SeriesValuesBetween(context.Context, []plancast.SeriesKey, int, int) ([]plancast.Series, error) {
	*s.reads++
	return nil, plancast.Errorf(plancast.EUNAVAILABLE, "the backend is down")
}

// A push whose jumps' read of the stored figures finds the store down does
// not send the targets' read of the same figures: each cost a round trip
// to a server known to be down. The push is judged against itself, and one
// note names every check left undone.
func TestAStoreFoundDownIsNotAskedAgainInOnePush(t *testing.T) {
	for _, c := range []struct {
		name, content string
		published     plancast.Date
		wantNote      string
	}{
		// Figures and a level target stated today: the jumps' read finds
		// the store down, and the targets' read is not sent.
		{"today.json", `{"observations":[{"region":"houma","indicator":"gdp","year":2021,"value":131.2,"status":"preliminary","growth":8.6}],` +
			`"targets":[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","base_year":2020,"year":2025,"value":250}]}`,
			plancast.Today(), "the stored figures could not be read (the backend is down), so jumps were judged between the batch's own figures only, and level targets were judged beside the batch's own figures only"},
	} {
		reads := 0
		st := figuresDown{openStore(t), &reads}
		rep := apply(t, st, parseString(t, c.name, c.content, Options{Published: c.published}), false)
		if reads != 1 {
			t.Errorf("%s: %d reads sent to the store found down, want 1", c.name, reads)
		}
		if strings.Join(rep.Notes, "\n") != c.wantNote {
			t.Errorf("%s: notes %q\nwant the one %q", c.name, rep.Notes, c.wantNote)
		}
	}
}
