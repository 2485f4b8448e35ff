package report

import "testing"

// English bound words read as their Chinese counterparts: "no less than"
// (不少于) and "not lower than" (不低于) are floors, though "less than" and
// "lower" stand inside them; "no higher than" (不高于) on a rate is its
// ceiling, not a growth of the rate.
func TestEnglishNegatedBoundWords(t *testing.T) {
	ex := read(t, "Report on the Work of the Government of Linfen 2026\n\nII. Main targets for 2026\n\n"+
		"The main expected targets for 2026 are: no less than 25,000 new urban jobs; the registered urban unemployment rate no higher than 4.5%; "+
		"fixed-asset investment growth not less than 8%; general public budget revenue growth of not lower than 5%.", 0)
	for _, c := range []struct {
		indicator, kind string
		value           float64
		bound           string
	}{
		{"new_urban_jobs", "level", 25000, "at_least"},
		{"unemployment_rate", "ceiling", 4.5, "at_most"},
		{"fixed_asset_investment", "growth", 8, "at_least"},
		{"budget_revenue", "growth", 5, "at_least"},
	} {
		tc := target(t, ex, c.indicator, "2026-annual", c.kind)
		wantValue(t, c.indicator, tc.Value, c.value)
		if tc.Bound != c.bound || tc.Note != map[string]string{"at_least": "at least", "at_most": "at most"}[c.bound] {
			t.Errorf("%s: bound %q note %q, want %q", c.indicator, tc.Bound, tc.Note, c.bound)
		}
	}
	for _, tc := range ex.Targets {
		if tc.Indicator == "unemployment_rate" && tc.Kind != "ceiling" {
			t.Errorf("unemployment rate read as a %s target %g: \"no higher than 4.5%%\" is its ceiling", tc.Kind, tc.Value)
		}
	}
}

// The words that end nearest the figure decide, and of those the longest:
// "less than 5%" is at most, "no more than" at most, "more than" at least.
func TestBoundWordsNearestTheFigureDecide(t *testing.T) {
	for _, c := range []struct{ words, want string }{
		{"growth of less than ", "at_most"},
		{"growth of no less than ", "at_least"},
		{"growth of not less than ", "at_least"},
		{"growth of more than ", "at_least"},
		{"growth of no more than ", "at_most"},
		{"rate no higher than ", "at_most"},
		{"rate not lower than ", "at_least"},
		{"不低于", "at_least"},
		{"低于", "at_most"},
		{"控制在", "at_most"},
		{"growth of about ", "about"},
		{"growth of ", ""},
	} {
		if got, _ := boundBefore(c.words); got != c.want {
			t.Errorf("boundBefore(%q) = %q, want %q", c.words, got, c.want)
		}
	}
}
