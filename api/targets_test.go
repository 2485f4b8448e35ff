package api_test

import (
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// Withdrawing a target: a value that cannot name a target (a kind, plan or
// year of the wrong shape) is refused with 400 saying what it must be, not
// answered 404 as if the target were missing; a code the catalog lacks is
// the catalog's 404 naming the code and the near ones. 404 "nothing to
// withdraw" is kept for a target that could exist and is not stored.
// Nothing is written by any of them.
func TestWithdrawingATargetTellsAMistakeFromAMissingTarget(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	before, err := st.DataVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, code, wants string
	}{
		{"/api/v1/targets/houma/gdp/14th-fyp/2025?kind=lvl", "invalid", `kind="lvl" must be one of level, avg_growth, growth, ceiling, floor, share; did you mean "level"?`},
		{"/api/v1/targets/houma/gdp/14th-fyp/2025?kind=Level", "invalid", `did you mean "level"?`},
		{"/api/v1/targets/houma/gdp/14th-fyp/2025?kind=target", "invalid", `kind="target" must be one of level, avg_growth, growth, ceiling, floor, share`},
		{"/api/v1/targets/houma/gdp/14th-fy/2025?kind=level", "invalid", `plan "14th-fy" must look like 14th-fyp or 2021-annual; did you mean "14th-fyp"?`},
		{"/api/v1/targets/houma/gdp/2021-Annual/2021?kind=growth", "invalid", `plan "2021-Annual" must look like 14th-fyp or 2021-annual; did you mean "2021-annual"?`},
		{"/api/v1/targets/houma/gdp/14th-fyp/20x5?kind=level", "invalid", `year "20x5" must be a year`},
		{"/api/v1/targets/houma/gdp/14th-fyp/1066?kind=level", "invalid", `year "1066" must be a year`},
		{"/api/v1/targets/Houma!/gdp/14th-fyp/2025?kind=level", "invalid", `region "Houma!" is not a valid code`},
		{"/api/v1/targets/homa/gdp/14th-fyp/2025?kind=level", "not_found", `region "homa" is not in the catalog; did you mean "houma"?`},
		{"/api/v1/targets/houma/gpd/14th-fyp/2025?kind=level", "not_found", `indicator "gpd" is not in the catalog; did you mean "gdp"?`},
		// Each of these could name a target; none is stored.
		{"/api/v1/targets/houma/gdp/14th-fyp/2025?kind=growth", "not_found", "no growth target of houma/gdp in 14th-fyp for 2025 is stored: nothing to withdraw"},
		{"/api/v1/targets/houma/gdp/15th-fyp/2025?kind=level", "not_found", "no level target of houma/gdp in 15th-fyp for 2025 is stored"},
		{"/api/v1/targets/houma/gdp/14th-fyp/2024", "not_found", "no target of houma/gdp in 14th-fyp for 2024 is stored"},
	} {
		t.Run(strings.TrimPrefix(c.path, "/api/v1/targets/"), func(t *testing.T) {
			status := map[string]int{"invalid": 400, "not_found": 404}[c.code]
			if msg := s.do("DELETE", c.path, "", houma, nil).wantError(t, status, c.code); !strings.Contains(msg, c.wants) {
				t.Errorf("DELETE %s: %q\nwant it to say %q", c.path, msg, c.wants)
			}
		})
	}
	if now, _ := st.DataVersion(context.Background()); now != before {
		t.Fatalf("a refused withdrawal wrote: data version %s → %s", before, now)
	}
}
