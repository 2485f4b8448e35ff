package ingest

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A figure or a target sent on its own, as an object and not in a list, is
// read as a list of one: it was read as a series with no figures and the
// push refused as holding "no figures or targets (a header without rows,
// or an empty list)".
func TestALoneFigureOrTargetIsReadAsAListOfOne(t *testing.T) {
	b := parseString(t, "one.json", `{"region":"houma","indicator":"gdp","year":2019,"value":110.5,"published":"2020-03-01"}`, Options{})
	noProblems(t, b)
	want := plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2019, Value: 110.5, Status: plancast.StatusFinal,
		Period: plancast.PeriodYear, Published: plancast.NewDate(2020, 3, 1), Source: plancast.Source{Document: "one.json"}}
	if len(b.Observations) != 1 || !plancast.SameFigure(&b.Observations[0], &want) || !b.Observations[0].Published.Equal(want.Published) {
		t.Errorf("a lone figure read as %+v; want %+v", b.Observations, want)
	}

	b = parseString(t, "target.json", `{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":250,"published":"2021-04-20"}`, Options{})
	noProblems(t, b)
	if len(b.Targets) != 1 || b.Targets[0].Value != 250 || b.Targets[0].Plan != "14th-fyp" || len(b.Observations) != 0 {
		t.Errorf("a lone target read as %d targets %+v and %d figures; want the target 250", len(b.Targets), b.Targets, len(b.Observations))
	}

	// A lone item with a mistake is refused at it, as an item of a list is.
	b = parseString(t, "bad.json", `{"region":"houma","indicator":"gdp","year":2019,"value":"abc"}`, Options{})
	if got := problemTexts(b.Problems); len(got) != 1 || !strings.Contains(got[0], `"abc"`) {
		t.Errorf("a lone figure with a bad value: problems %q; want one at its value", got)
	}
}

// A key of a top-level object that plancast does not read and that holds
// a list or an object is refused, naming it and the keys the top level
// takes: {"data": [...]} was read as a series without figures and its
// list left out without a word. A key holding a text (an export's
// "exported_by") is still left out, as before.
func TestAnUnknownTopLevelKeyHoldingAListIsRefusedNamingIt(t *testing.T) {
	for _, c := range []struct{ doc, key, holds string }{
		{`{"data":[{"region":"houma","indicator":"gdp","year":2019,"value":110.5}]}`, "data", "a list"},
		{"{\"region\":\"houma\",\"indicator\":\"gdp\",\"observations\":[{\"year\":2019,\"value\":110.5}],\n\"extra\":{\"year\":2020,\"value\":120}}", "extra", "an object"},
	} {
		b := parseString(t, "u.json", c.doc, Options{})
		got := problemTexts(b.Problems)
		if len(got) != 1 {
			t.Errorf("%s: problems %q; want one naming %q", c.doc, got, c.key)
			continue
		}
		for _, w := range []string{`the key "` + c.key + `" holds ` + c.holds, `is not one plancast reads at the top of a JSON document`,
			`"regions", "indicators", "observations", "targets"`, `"region", "indicator", "unit", "period"`} {
			if !strings.Contains(got[0], w) {
				t.Errorf("%s: problem %q; want it to say %q", c.doc, got[0], w)
			}
		}
	}
	// The keys a series answer carries beside its figures stay left out.
	b := parseString(t, "s.json", `{"region":"houma","indicator":"gdp","unit":"100m_yuan","units":"lin","period":"year","as_of":"2021-12-31",
"observations":[{"year":2019,"value":110.5,"published":"2020-03-01"}],"notes":["a"],"notes_zh":["甲"],"exported_by":"bureau system"}`, Options{})
	noProblems(t, b)
	if len(b.Observations) != 1 {
		t.Errorf("a series answer read as %d figures; want 1", len(b.Observations))
	}
}
