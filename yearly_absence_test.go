package plancast_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/seed"
	"github.com/plancast/plancast/store/bolt"
)

// ReadYearlyAbsence reads, for a yearly series not found, what the API and
// the command line both say of it: asked as of a day, when its yearly
// figures were first published after that day and of which years, and the
// parts of the year it had figures for on that day as they stood then;
// asked without a day, the parts of the year it has figures for now.
// Houma's yearly GDP (2015 and 2020) was first published on 2021-04-20;
// its first halves of 2020 and 2021 on 2020-07-20 and 2021-07-20.
func TestReadYearlyAbsenceSaysWhatThereWasOnTheDay(t *testing.T) {
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := seed.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	h1 := func(year int, value float64, published plancast.Date) plancast.Observation {
		return plancast.Observation{Region: "houma", Indicator: "gdp", Period: "h1", Year: year, Value: value, Status: plancast.StatusPreliminary, Published: published}
	}
	if _, err := st.WriteObservations(ctx, []plancast.Observation{h1(2020, 55, plancast.NewDate(2020, 7, 20)), h1(2021, 60, plancast.NewDate(2021, 7, 20))}); err != nil {
		t.Fatal(err)
	}
	spans := func(ss []plancast.Series) (out []string) {
		for _, s := range ss {
			out = append(out, s.Period+" "+s.YearSpan())
		}
		return out
	}

	for _, c := range []struct {
		asOf    plancast.Date
		firstOn string // "" for none
		first   string
		partial []string
	}{
		{plancast.NewDate(2019, 1, 1), "2021-04-20", "2015–2020", nil},
		{plancast.NewDate(2020, 8, 1), "2021-04-20", "2015–2020", []string{"h1 2020"}},
		{plancast.Date{}, "", "", []string{"h1 2020–2021"}},
	} {
		a, err := plancast.ReadYearlyAbsence(ctx, st, "houma", "gdp", c.asOf)
		if err != nil {
			t.Fatal(err)
		}
		var on string
		if !a.FirstOn.IsZero() {
			on = a.FirstOn.String()
		}
		if on != c.firstOn || a.First.YearSpan() != c.first || a.Next || a.AsOf != c.asOf {
			t.Errorf("as of %q: first figures %q on %q (next %v), want %q on %q", c.asOf, a.First.YearSpan(), on, a.Next, c.first, c.firstOn)
		}
		if got := spans(a.Partial); !slices.Equal(got, c.partial) {
			t.Errorf("as of %q: partial periods %q, want %q", c.asOf, got, c.partial)
		}
	}

	// Guyang's GDP has never had yearly figures; its January–November 2009
	// figures were published on 2010-01-01.
	for _, c := range []struct {
		asOf    plancast.Date
		partial []string
	}{{plancast.NewDate(2009, 12, 31), nil}, {plancast.NewDate(2010, 1, 1), []string{"jan-nov 2009"}}} {
		a, err := plancast.ReadYearlyAbsence(ctx, st, "guyang", "gdp", c.asOf)
		if err != nil {
			t.Fatal(err)
		}
		if !a.FirstOn.IsZero() || len(a.First.Observations) != 0 {
			t.Errorf("guyang as of %s: first figures %q on %s, want none since", c.asOf, a.First.YearSpan(), a.FirstOn)
		}
		if got := spans(a.Partial); !slices.Equal(got, c.partial) {
			t.Errorf("guyang as of %s: partial periods %q, want %q", c.asOf, got, c.partial)
		}
	}
}
