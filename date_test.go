package plancast_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// A date reads from JSON as a string YYYY-MM-DD, however the string is
// spelt; null and "" are no date; anything else is refused.
func TestDateFromJSON(t *testing.T) {
	want := plancast.NewDate(2021, 4, 20)
	for _, c := range []struct {
		json string
		want plancast.Date
		ok   bool
	}{
		{`"2021-04-20"`, want, true},
		{`"2021\u002d04\u002d20"`, want, true}, // escaped, as any JSON writer may
		{`"\u0032021-04-20"`, want, true},
		{`null`, plancast.Date{}, true},
		{`""`, plancast.Date{}, true},
		{`"2021-4-20"`, plancast.Date{}, false},
		{`"2021-04-20\""`, plancast.Date{}, false},
		{`20210420`, plancast.Date{}, false},
	} {
		var d plancast.Date
		err := json.Unmarshal([]byte(c.json), &d)
		if (err == nil) != c.ok || !d.Equal(c.want) {
			t.Errorf("%s reads as %v (%v); want %v, ok %v", c.json, d, err, c.want, c.ok)
		}
	}
}

// EndedAfter gives the years after the last figure that have ended by a
// date: none on the last figure's own next year, one a year later, and none
// without a date.
func TestEndedAfterGivesTheYearsEndedSinceTheLastFigure(t *testing.T) {
	for i, c := range []struct {
		last int
		on   plancast.Date
		want *plancast.YearSpan
	}{
		{2020, plancast.NewDate(2021, time.March, 1), nil},
		{2020, plancast.NewDate(2021, time.December, 31), nil},
		{2020, plancast.NewDate(2022, time.January, 1), &plancast.YearSpan{2021, 2021}},
		{2020, plancast.NewDate(2026, time.November, 22), &plancast.YearSpan{2021, 2025}},
		{2025, plancast.NewDate(2026, time.November, 22), nil},
		{2020, plancast.Date{}, nil},
	} {
		got := plancast.EndedAfter(c.last, c.on)
		if (got == nil) != (c.want == nil) || got != nil && *got != *c.want {
			t.Errorf("case %d: EndedAfter(%d, %v) = %v, want %v", i, c.last, c.on, got, c.want)
		}
	}
}

func TestDateAppendWritesWhatStringWrites(t *testing.T) {
	for _, d := range []plancast.Date{{}, plancast.NewDate(2021, time.April, 20), plancast.NewDate(1, time.January, 1), plancast.NewDate(9999, time.December, 31)} {
		if got := string(d.Append([]byte("x"))); got != "x"+d.String() {
			t.Errorf("Append(%q) = %q, want x + String()", d.String(), got)
		}
	}
}

// A date in the form YYYY-MM-DD that is no day of the calendar is told so,
// with the month's length: "must be YYYY-MM-DD" sent the user looking for
// a mistake of form that 2024-02-30 does not have.
func TestADateOfNoDayIsToldWhyNotItsForm(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2024-02-30", "2024-02-30 is not a day: February 2024 has 29 days"},
		{"2023-02-29", "2023-02-29 is not a day: February 2023 has 28 days"},
		{"2024-04-31", "2024-04-31 is not a day: April 2024 has 30 days"},
		{"2024-01-00", "2024-01-00 is not a day: January 2024 has 31 days, from 1"},
		{"2024-13-01", "2024-13-01 is not a day: a year has 12 months"},
		{"2024-00-10", "2024-00-10 is not a day: a year has 12 months"},
		{"2024-2-3", `date "2024-2-3" must be YYYY-MM-DD`},
		{"20240230", `date "20240230" must be YYYY-MM-DD`},
	} {
		_, err := plancast.ParseDate(c.in)
		if err == nil || plancast.ErrorMessage(err) != c.want || plancast.ErrorCode(err) != plancast.EINVALID {
			t.Errorf("ParseDate(%q): %v; want invalid: %q", c.in, err, c.want)
		}
	}
	if d, err := plancast.ParseDate("2024-02-29"); err != nil || d != plancast.NewDate(2024, time.February, 29) {
		t.Errorf("ParseDate(2024-02-29) = %v, %v; want the leap day", d, err)
	}
}
