package charts

import (
	"io"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A chart asked from a year after the last it could show says which year
// that is, as the HTTP route always has: the last projected year it shows
// (cut by Horizon), else its last figure's. The single chart and the
// comparison say it alike; "nothing to chart (no observation and no
// projection)" read as if the series were empty. Asked from that year, the
// chart is drawn; a spec with neither figures nor projection still has
// nothing to chart.
func TestAChartFromPastItsLastYearNamesThatYear(t *testing.T) {
	single := func(from, horizon int, projected bool) func(io.Writer) error {
		return func(w io.Writer) error {
			s := houmaGDP()
			s.From, s.Horizon = from, horizon
			if !projected {
				s.Projection = nil
			}
			return Render(w, s, "png")
		}
	}
	compare := func(from, horizon int) func(io.Writer) error {
		return func(w io.Writer) error {
			s := compareSpec()
			s.From, s.Horizon = from, horizon
			return RenderCompare(w, s, "png")
		}
	}
	for _, c := range []struct {
		name     string
		past, at func(io.Writer) error
		wantPast string
	}{
		{"single", single(2030, 0, true), single(2025, 0, true),
			"from=2030 is after 2025, the last year the chart of houma/gdp could show (its figures end in 2020, its projection in 2025): ask from a year up to 2025"},
		{"single, horizon 3", single(2024, 3, true), single(2023, 3, true),
			"from=2024 is after 2023, the last year the chart of houma/gdp could show (its figures end in 2020, its projection in 2023): ask from a year up to 2023"},
		{"single, no projection", single(2021, 0, false), single(2020, 0, false),
			"from=2021 is after 2020, the last year the chart of houma/gdp could show (its figures end in 2020, and it has no projection): ask from a year up to 2020"},
		{"comparison", compare(2149, 0), compare(2025, 0),
			"from=2149 is after 2025, the last year the comparison of gdp could show (its figures end in 2020, its projection in 2025): ask from a year up to 2025"},
		{"comparison, horizon 2", compare(2023, 2), compare(2022, 2),
			"from=2023 is after 2022, the last year the comparison of gdp could show (its figures end in 2020, its projection in 2022): ask from a year up to 2022"},
	} {
		err := c.past(io.Discard)
		if plancast.ErrorCode(err) != plancast.EINVALID || plancast.ErrorMessage(err) != c.wantPast {
			t.Errorf("%s, from past its last year: %v (%s)\nwant EINVALID %q", c.name, err, plancast.ErrorCode(err), c.wantPast)
		}
		if err := c.at(io.Discard); err != nil {
			t.Errorf("%s, from its last year: %v; want the chart drawn", c.name, err)
		}
	}

	empty := houmaGDP()
	empty.History, empty.Projection, empty.From = nil, nil, 2030
	if err := Render(io.Discard, empty, "png"); plancast.ErrorMessage(err) != "houma/gdp: nothing to chart (no observation and no projection)" {
		t.Errorf("no figures and no projection: %v; want nothing to chart", err)
	}
}

// Where the figures run later than the projection (a comparison whose one
// region's figures end after another's projection), each end is said as it
// is: the projection's year is not the figures'.
func TestFromPastLastSaysEachEndAsItIs(t *testing.T) {
	err := errFromPastLast(2030, "the comparison of gdp", 2025, 2023)
	if err == nil || !strings.Contains(err.Error(), "its figures end in 2025, its projection in 2023") || !strings.Contains(err.Error(), "from=2030 is after 2025") {
		t.Fatalf("%v; want the figures' end 2025, the projection's 2023, and 2025 the last year", err)
	}
}
