package api_test

import (
	"net/http"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// Who may declare catalog entries: a region's token may declare a new
// indicator (indicators are for everyone), but not regions other than its
// own, and the 403 says that declaring regions needs an admin token. It
// said "68 rows of this push are of other regions", counting the regions
// declared as rows of figures.
func TestARegionTokenMayDeclareIndicatorsButNotRegions(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})

	indicator := `{"indicators":[{"code":"tourism_revenue","name":"Tourism revenue","unit":"100m_yuan","kind":"level","better":"higher"}],
 "observations":[{"region":"houma","indicator":"tourism_revenue","year":2021,"value":12.5,"published":"2022-03-01"}]}`
	s.do("POST", "/api/v1/observations?dry_run=true&filename=bundle.json", "application/json", houma, []byte(indicator)).decode(t, http.StatusOK, nil)

	regions := "{\"regions\":[\n" +
		`{"code":"p01","name":"Quancheng","level":"province"},` + "\n" +
		`{"code":"m001","name":"Tianbai City","parent":"p01","level":"prefecture"}` + "\n]}\n"
	r := s.do("POST", "/api/v1/observations?dry_run=true&filename=catalog.json", "application/json", houma, []byte(regions))
	want := `declaring regions needs an admin token (plancast token create --admin): the push declares 2 regions: m001, p01 (catalog.json line 2), and the token is of region "houma"; nothing was written: push the regions with an admin token, or leave them out`
	if msg := r.wantError(t, http.StatusForbidden, plancast.EFORBIDDEN); msg != want {
		t.Errorf("a region token declaring regions: 403 %q\nwant %q", msg, want)
	}
}
