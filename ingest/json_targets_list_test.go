package ingest

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A bare JSON list of targets (items with "plan" and "kind") is read as
// targets, as a CSV table with plan and kind columns is, wherever it is
// pushed: it used to be read as figures, its plan, kind and base_year left
// out, and each target stored as a figure of its year (GDP of 2100 = 3).
func TestABareJSONListOfTargetsIsReadAsTargets(t *testing.T) {
	list := `[
  {"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":250,"published":"2021-04-20"},
  {"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"avg_growth","base_year":2020,"year":2025,"value":15.7,"published":"2021-04-20"}
]`
	csv := "region,indicator,plan,kind,base_year,year,value,published\n" +
		"houma,gdp,14th-fyp,level,,2025,250,2021-04-20\n" +
		"houma,gdp,14th-fyp,avg_growth,2020,2025,15.7,2021-04-20\n"
	j := parseString(t, "targets.json", list, Options{})
	c := parseString(t, "targets.csv", csv, Options{})
	noProblems(t, j)
	noProblems(t, c)
	if len(j.Observations) != 0 || len(j.Targets) != 2 {
		t.Fatalf("the list read as %d figures and %d targets (%+v); want 2 targets", len(j.Observations), len(j.Targets), j.Observations)
	}
	for i, want := range c.Targets {
		got := j.Targets[i]
		got.Source, want.Source = plancast.Source{}, plancast.Source{} // the file's name
		if got != want {
			t.Errorf("JSON target %d is %+v; want %+v, as the same row of CSV reads", i+1, got, want)
		}
	}
}

// Where a list holds figures (a bundle's "observations", a series' list),
// an item with a target's keys is refused at its line, naming them and where
// targets go: read as a figure, it lost its plan and kind without a word.
// A series object whose "kind" is its indicator's is still a series.
func TestATargetInAListOfFiguresIsRefused(t *testing.T) {
	bundle := `{"observations": [
  {"region":"houma","indicator":"gdp","year":2021,"value":131.2},
  {"region":"houma","indicator":"gdp","Plan":"14th-fyp","kind":"level","year":2025,"value":250}
]}`
	b := parseString(t, "b.json", bundle, Options{})
	want := `b.json line 3 (Plan): the item has "Plan" and "kind", a target's keys, in a list of figures, where they would be left out and the item read as a figure: ` +
		`put targets in a bundle's "targets", or push a list of targets on its own (to /api/v1/targets, or with plancast ingest)`
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
		t.Errorf("problems %q; want one: %q", got, want)
	}

	nested := `[{"region":"houma","indicator":"gdp","observations":[{"year":2021,"value":131.2},{"kind":"growth","year":2022,"value":8}]}]`
	b = parseString(t, "n.json", nested, Options{})
	if got := problemTexts(b.Problems); len(got) != 1 || !strings.HasPrefix(got[0], `n.json line 1 (kind): the item has "kind", a target's key, in a list of figures`) {
		t.Errorf("a target in a series' list: problems %q; want one naming its kind", got)
	}

	series := `[{"region":"houma","indicator":"gdp","kind":"level","observations":[{"year":2021,"value":131.2}]}]`
	b = parseString(t, "s.json", series, Options{})
	noProblems(t, b)
	if len(b.Observations) != 1 || len(b.Targets) != 0 {
		t.Errorf("a series object with its indicator's kind read as %d figures and %d targets; want 1 figure", len(b.Observations), len(b.Targets))
	}
}

// "binding" is a target's alone: an item with it and without a plan or
// kind is a target missing them, refused, not a figure of its year whose
// binding and base year go unread (budget revenue of 2025 stored as 8).
func TestABindingItemIsATargetNotAFigure(t *testing.T) {
	list := `[{"region":"houma","indicator":"budget_revenue","year":2025,"value":8,"binding":true,"base_year":2020,"published":"2021-04-20"}]`
	b := parseString(t, "t.json", list, Options{})
	if len(b.Observations) != 0 || len(b.Problems) == 0 {
		t.Fatalf("read as %d figures with problems %q; want it refused as a target", len(b.Observations), problemTexts(b.Problems))
	}
	if got := strings.Join(problemTexts(b.Problems), "\n"); !strings.Contains(got, "plan") {
		t.Errorf("problems %q; want them to name the missing plan", got)
	}
}
