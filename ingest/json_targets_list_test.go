package ingest

import (
	"fmt"
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
// an item with a target's keys is refused at its line and by its place in
// the list (item 2, counting from 1), said to be a target, naming its
// target's keys and where targets go: read as a figure, it lost its plan
// and kind without a word.
// A series object whose "kind" is its indicator's is still a series.
func TestATargetInAListOfFiguresIsRefused(t *testing.T) {
	bundle := `{"observations": [
  {"region":"houma","indicator":"gdp","year":2021,"value":131.2},
  {"region":"houma","indicator":"gdp","Plan":"14th-fyp","kind":"level","year":2025,"value":250}
]}`
	b := parseString(t, "b.json", bundle, Options{})
	want := `b.json line 3 (Plan): item 2 of the figures is a target, not a figure: it has "Plan" and "kind", a target's keys, which a list of figures would leave out, reading the item as a figure; ` +
		`put targets in a bundle's "targets", or push a list of targets on its own (to POST /api/v1/targets, or with plancast ingest)`
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
		t.Errorf("problems %q; want one: %q", got, want)
	}

	nested := `[{"region":"houma","indicator":"gdp","observations":[{"year":2021,"value":131.2},{"kind":"growth","year":2022,"value":8}]}]`
	b = parseString(t, "n.json", nested, Options{})
	if got := problemTexts(b.Problems); len(got) != 1 || !strings.HasPrefix(got[0], `n.json line 1 column 82 (kind): item 2 of the figures is a target, not a figure: it has "kind", a target's key,`) {
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

// A figure (an item with "year" and "value" and none of a target's own
// keys: plan, kind, binding, base_year, note) in a list of targets (a
// bundle's "targets", or the bare list POST /api/v1/targets reads as one)
// is refused as what it is, by its place in the list, saying where figures
// go: it was told `plan "" must look like 14th-fyp, 十四五 or 2021-annual`
// and `kind "" must be one of ...`, as if a plan were what it lacked. The
// targets around it are read; the push, refused, writes none of them.
func TestAFigureInAListOfTargetsIsSaidToBeAFigure(t *testing.T) {
	bundle := `{"targets": [
  {"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":250},
  {"region":"houma","indicator":"gdp","year":2020,"value":120.8},
  {"region":"houma","indicator":"gdp","Year":2021,"Value":131.2,"status":"preliminary"},
  {"region":"houma","indicator":"budget_revenue","year":2025,"value":8,"binding":true}
]}`
	b := parseString(t, "b.json", bundle, Options{})
	figure := func(line, item int, keys string) string {
		return fmt.Sprintf(`b.json line %d: item %d of the targets is a figure, not a target: it has %s and no plan or kind; `+
			`push figures to POST /api/v1/observations (in a bundle, under "observations"); a target needs a plan (14th-fyp, 2021-annual) and a kind (level, avg_growth, growth, ceiling, floor, share)`, line, item, keys)
	}
	got := problemTexts(b.Problems)
	want := []string{figure(3, 2, `"year" and "value"`), figure(4, 3, `"Year" and "Value"`)}
	if len(got) < 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("problems\n%s\nwant first\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A binding item is a target missing its plan and kind, told so.
	if rest := strings.Join(got[min(2, len(got)):], "\n"); !strings.Contains(rest, "line 5 (plan): plan \"\" must look like") {
		t.Errorf("the binding item: problems %q; want it refused as a target without a plan", rest)
	}
	if len(b.Observations) != 0 || len(b.Targets) != 1 {
		t.Errorf("read %d figures and %d targets; want the one target, and no figure read from a list of targets", len(b.Observations), len(b.Targets))
	}
}
