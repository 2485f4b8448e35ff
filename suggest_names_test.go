package plancast

import "testing"

// A fixed list's code mistyped is offered the one meant: in another case or
// with other separators first, then within a few edits; nothing when
// nothing is near, or when too many are as near to choose.
func TestNameHintAndPlanHintOfferTheCodeMeant(t *testing.T) {
	for _, c := range []struct{ typed, want string }{
		{"leve", `; did you mean "level"?`},
		{"celing", `; did you mean "ceiling"?`},
		{"avg-growth", `; did you mean "avg_growth"?`},
		{"Avg Growth", `; did you mean "avg_growth"?`},
		{"LEVEL", `; did you mean "level"?`},
		{"xyz", ""},
		{"", ""},
	} {
		if got := NameHint(c.typed, TargetKinds); got != c.want {
			t.Errorf("NameHint(%q, kinds) = %q, want %q", c.typed, got, c.want)
		}
	}
	periods := []string{"year", "h1", "h2", "q1", "q2", "q3", "q4", "jan-nov"}
	for _, c := range []struct{ typed, want string }{
		{"H 1", `; did you mean "h1"?`},
		{"jan-nob", `; did you mean "jan-nov"?`},
		{"q5", ""}, // one edit from q1, q2, q3 and q4: none is offered
	} {
		if got := NameHint(c.typed, periods); got != c.want {
			t.Errorf("NameHint(%q, periods) = %q, want %q", c.typed, got, c.want)
		}
	}
	for _, c := range []struct{ typed, want string }{
		{"14th-FYP", `; did you mean "14th-fyp"?`},
		{"14th fyp", `; did you mean "14th-fyp"?`},
		{"14th_FYP", `; did you mean "14th-fyp"?`},
		{"14th-fpy", `; did you mean "14th-fyp"?`},
		{"14-fyp", `; did you mean "14th-fyp"?`},
		{"15thfyp", `; did you mean "15th-fyp"?`},
		{"2021-anual", `; did you mean "2021-annual"?`},
		{"2021-Annual", `; did you mean "2021-annual"?`},
		{"15th", `; did you mean "15th-fyp"?`}, // the ordinal alone, however far in edits
		{"15", `; did you mean "15th-fyp"?`},
		{"2026", `; did you mean "2026-annual"?`}, // the year alone
		{"fyp", ""},
		{"next plan", ""},
	} {
		if got := PlanHint(c.typed); got != c.want {
			t.Errorf("PlanHint(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
}
