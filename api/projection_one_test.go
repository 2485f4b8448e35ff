package api_test

import (
	"net/http"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A projection of a series of one figure names the series and its year,
// as the command line does.
func TestAProjectionOfOneFigureNamesTheSeries(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	bundle := []byte(`{"indicators":[{"code":"test_one","name":"One figure","name_zh":"一个数","unit":"100m_yuan","kind":"level","better":"higher"}],
"observations":[{"region":"houma","indicator":"test_one","year":2023,"value":5,"published":"2024-03-01"}]}`)
	s.do("POST", "/api/v1/observations", "application/json", houma, bundle).decode(t, http.StatusOK, nil)
	msg := s.get("/api/v1/series/houma/test_one/projection").wantError(t, http.StatusBadRequest, plancast.EINVALID)
	if want := "houma/test_one: need at least two observed years, have 1 (2023)"; msg != want {
		t.Errorf("projection of one figure: %q; want %q", msg, want)
	}
}
