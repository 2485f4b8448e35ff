package api_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// The seed's Houma GDP target pushed again as a planning office re-sends
// it, without a date, a base year or whether it is binding, is unchanged:
// the target served keeps the plan's date, source quote and note, no
// version is added, and the assessment's trail shows no change of target.
// It counted "1 revised", and the version it set, dated the day of the
// push with the file as its source, replaced the plan's.
func TestATargetPushedAgainWithoutItsBaseYearIsUnchanged(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	var before struct{ Targets []plancast.Target }
	s.get("/api/v1/targets?region=houma&indicator=gdp&plan=14th-fyp&versions=all").decode(t, http.StatusOK, &before)
	if len(before.Targets) != 1 || before.Targets[0].Source.Quote == "" || before.Targets[0].Note == "" {
		t.Fatalf("the seed's 14th-FYP GDP target: %+v; want one version, with its quote and note", before.Targets)
	}

	var pr api.PushResponse
	s.do("POST", "/api/v1/targets?filename=restate.json", "application/json", houma,
		[]byte(`[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","year":2025,"value":250}]`)).decode(t, http.StatusOK, &pr)
	if r := pr.Report.Targets; r.New != 0 || r.Revised != 0 || r.Unchanged != 1 {
		t.Errorf("the target again: %+v; want 1 unchanged", r)
	}

	var after struct{ Targets []plancast.Target }
	s.get("/api/v1/targets?region=houma&indicator=gdp&plan=14th-fyp&versions=all").decode(t, http.StatusOK, &after)
	if len(after.Targets) != 1 || after.Targets[0].Published != before.Targets[0].Published ||
		after.Targets[0].Source != before.Targets[0].Source || after.Targets[0].Note != before.Targets[0].Note {
		t.Errorf("versions after the push: %+v\nwant the seed's alone: %+v", after.Targets, before.Targets)
	}
	var trail api.TrailResponse
	s.get("/api/v1/regions/houma/assessment/trail?indicator=gdp&plan=14th-fyp").decode(t, http.StatusOK, &trail)
	today := plancast.Today().String()
	for _, tt := range trail.Targets {
		for _, p := range tt.Points {
			if p.AsOf == today && slices.Contains(p.Changed, "target") {
				t.Errorf("the trail of %s %d has a change of target today: %+v", tt.Kind, tt.Year, p)
			}
		}
	}
}
