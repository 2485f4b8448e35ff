package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A bare JSON list of targets pushed to the observations route is stored as
// targets, as a CSV targets table pushed there is; it used to be stored as
// figures of the targets' years, their plans and kinds dropped.
func TestABareListOfTargetsPushedAsObservationsIsStoredAsTargets(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	list := []byte(`[
  {"region":"houma","indicator":"retail_sales","plan":"15th-fyp","kind":"level","year":2030,"value":150},
  {"region":"houma","indicator":"retail_sales","plan":"15th-fyp","kind":"avg_growth","base_year":2025,"year":2030,"value":6}
]`)
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations?filename=t.json", "application/json", houma, list).decode(t, http.StatusOK, &pr)
	if pr.Report.Targets.New != 2 || pr.Report.New != 0 {
		t.Fatalf("report %+v: want 2 new targets and no figure", pr.Report)
	}
	var ts struct{ Targets []plancast.Target }
	s.get("/api/v1/targets?region=houma&plan=15th-fyp").decode(t, http.StatusOK, &ts)
	if len(ts.Targets) != 2 {
		t.Errorf("15th-fyp targets stored: %+v; want the 2 pushed", ts.Targets)
	}
	if r := s.get("/api/v1/series/houma/retail_sales?from=2030&to=2030"); r.status != http.StatusNotFound {
		t.Errorf("retail_sales 2030: status %d %s; want 404, no such figure", r.status, r.body)
	}
}

// A figure pushed to the targets route, alone or in a list beside targets,
// is refused as a figure, by its place in the list, saying that figures go
// to the observations route; nothing of the push is written. It was told
// `plan "" must look like 14th-fyp, 十四五 or 2021-annual` and `kind "" must
// be one of ...`. The reverse, a target in a list of figures pushed to the
// observations route, is said to be a target by its place as plainly.
func TestAFigurePushedAsATargetIsSaidToBeAFigure(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	version := s.get("/api/v1/targets").header.Get("X-Data-Version")
	// Items that share line 1 are told apart by the column each starts at.
	figure := func(item int, at string) string {
		return fmt.Sprintf(`f.json line 1%s: item %d of the targets is a figure, not a target: it has "year" and "value" and no plan or kind; `+
			`push figures to POST /api/v1/observations (in a bundle, under "observations"); a target needs a plan (14th-fyp, 2021-annual) and a kind (level, avg_growth, growth, ceiling, floor, share)`, at, item)
	}
	for _, c := range []struct{ body, want string }{
		{`[{"region":"houma","indicator":"gdp","year":2020,"value":120.8}]`, figure(1, "")},
		{`[{"region":"houma","indicator":"retail_sales","plan":"15th-fyp","kind":"level","year":2030,"value":150},{"region":"houma","indicator":"gdp","year":2020,"value":120.8}]`, figure(2, " column 105")},
		{`{"targets":[{"region":"houma","indicator":"gdp","year":2020,"value":120.8}]}`, figure(1, "")},
	} {
		var pr api.PushResponse
		s.do("POST", "/api/v1/targets?filename=f.json", "application/json", houma, []byte(c.body)).decode(t, http.StatusBadRequest, &pr)
		if pr.Report == nil || len(pr.Report.Problems) != 1 || pr.Report.Problems[0].Error() != c.want {
			t.Errorf("%s: %+v; want one problem: %s", c.body, pr.Error, c.want)
		}
	}
	if v := s.get("/api/v1/targets").header.Get("X-Data-Version"); v != version {
		t.Errorf("the data version moved from %s to %s: something was written", version, v)
	}

	body := []byte(`{"observations":[{"region":"houma","indicator":"gdp","year":2021,"value":131.2},{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":250}]}`)
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations?filename=o.json", "application/json", houma, body).decode(t, http.StatusBadRequest, &pr)
	want := `o.json line 1 column 81 (plan): item 2 of the figures is a target, not a figure: it has "plan" and "kind", a target's keys, which a list of figures would leave out, reading the item as a figure; ` +
		`put targets in a bundle's "targets", or push a list of targets on its own (to POST /api/v1/targets, or with plancast ingest)`
	if pr.Report == nil || len(pr.Report.Problems) != 1 || pr.Report.Problems[0].Error() != want {
		t.Errorf("a target among figures: %+v; want one problem: %s", pr.Error, want)
	}
}
