package api_test

import (
	"net/http"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// ?as_of=2024-02-30 is in the form of a date and is none: the answer says
// so, naming the month's length, where it said "must be a date YYYY-MM-DD".
func TestADateParameterOfNoDayIsSaidToBeNone(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	for _, path := range []string{
		"/api/v1/series/houma/gdp?as_of=2024-02-30",
		"/charts/houma/gdp.png?as_of=2024-02-30",
	} {
		msg := s.get(path).wantError(t, http.StatusBadRequest, plancast.EINVALID)
		if want := `as_of="2024-02-30": 2024-02-30 is not a day: February 2024 has 29 days`; msg != want {
			t.Errorf("%s: %q; want %q", path, msg, want)
		}
	}
}
