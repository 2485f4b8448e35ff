package api_test

import (
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
