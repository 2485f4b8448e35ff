package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A push whose body holds nothing to write (a CSV header without rows, an
// empty JSON list) is refused with 400, its report naming the file; the
// answer used to be "the body holds no observations", naming none.
func TestAPushHoldingNothingIsRefusedNamingTheFile(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	for _, c := range []struct{ route, name, contentType, body string }{
		{"/api/v1/observations", "header_only.csv", "text/csv", "region,indicator,year,value,unit\n"},
		{"/api/v1/observations", "empty.json", "application/json", "[]"},
		{"/api/v1/targets", "no_targets.csv", "text/csv", "region,indicator,plan,kind,year,value\n"},
	} {
		r := s.do("POST", c.route+"?filename="+c.name, c.contentType, houma, []byte(c.body))
		var answer api.PushResponse
		r.decode(t, http.StatusBadRequest, &answer)
		want := c.name + ": holds no figures or targets"
		if answer.Error == nil || answer.Error.Code != plancast.EINVALID || !strings.Contains(answer.Error.Message, want) ||
			answer.Report == nil || len(answer.Report.Problems) != 1 || answer.Report.Problems[0].File != c.name {
			b, _ := json.Marshal(answer)
			t.Errorf("%s %s: %s; want 400 invalid saying %q, the report's problem at the file", c.route, c.name, b, want)
		}
	}
}
