package api_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// TestTheRestOfTheYearsNeedIsGivenOnTheStatedBasis: Houma's 2021 growth
// target of +8.5% is judged on the growth stated with the figures, and
// its first half, 60, "+9.5%" stated, on a 2020 half taken from that
// growth. The rest of the year's need was given at current prices alone
// (rest_needs, "the rest of the year needs +8.7%"), above the target the
// half leads. The answer carries it on the stated basis too,
// required_rest_stated_growth, (1 + rest_needs)·e^−d − 1 at the year's
// gap d (here the yearly figures', so that the half on that basis is the
// stated +9.5%); the explanation writes both, in English and Chinese;
// the CSV and XLSX downloads carry it as rest_needs_stated, beside
// rest_needs, and leave it blank for targets judged at current prices.
func TestTheRestOfTheYearsNeedIsGivenOnTheStatedBasis(t *testing.T) {
	s, _, now := houmaHalfStated(t)
	stated := 9.5
	a := gdpGrowth2021(t, now)
	y := a.YearToDate
	if y == nil || !y.PriorFromStated || y.RequiredRestGrowth == nil || y.RequiredRestStatedGrowth == nil || a.StatedBasis == nil {
		t.Fatalf("year to date %+v (basis %+v), want the rest's need at current prices and on the stated basis", y, a.StatedBasis)
	}
	// The half's own gap: its current-price growth over its stated one.
	d := math.Log1p(y.Growth) - math.Log1p(stated/100)
	if want := (1+*y.RequiredRestGrowth)*math.Exp(-d) - 1; math.Abs(*y.RequiredRestStatedGrowth-want) > 1e-6 || !(*y.RequiredRestStatedGrowth < *y.RequiredRestGrowth) {
		t.Errorf("required_rest_stated_growth %v, want %v: rest_needs %v at the half's gap", *y.RequiredRestStatedGrowth, want, *y.RequiredRestGrowth)
	}
	pct := func(g float64) string { return strconv.FormatFloat(plancast.HalfAway(100*g, 1), 'f', 1, 64) }
	cur, sta := pct(*y.RequiredRestGrowth), pct(*y.RequiredRestStatedGrowth)
	for _, c := range []struct{ got, want string }{
		{a.Explanation, "the rest of the year needs +" + cur + "% at current prices (+" + sta + "% on the stated basis the target is judged on) on the same months of 2020"},
		{a.ExplanationZh, "其余月份现价同比增速需不低于" + cur + "%（按目标所依据的公布增速口径需不低于" + sta + "%）"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("explanation %q lacks %q", c.got, c.want)
		}
	}
	for _, f := range []string{"csv", "xlsx"} {
		sh := download(t, s, "/api/v1/regions/houma/assessment?plan=2021-annual&format="+f, f, "houma_assessment_2021-annual."+f)
		found := false
		for r := range sh.rows {
			if sh.cell(t, r, "indicator") == "gdp" && sh.cell(t, r, "kind") == plancast.TargetGrowth {
				found = true
				if math.Abs(sh.num(t, r, "rest_needs")-*y.RequiredRestGrowth) > 1e-9 || math.Abs(sh.num(t, r, "rest_needs_stated")-*y.RequiredRestStatedGrowth) > 1e-9 {
					t.Errorf("%s download row %q, want rest_needs %v and rest_needs_stated %v", f, sh.rows[r], *y.RequiredRestGrowth, *y.RequiredRestStatedGrowth)
				}
			} else if sh.cell(t, r, "rest_needs_stated") != "" {
				t.Errorf("%s row %q has a stated-basis need for a target judged at current prices", f, sh.rows[r])
			}
		}
		if !found {
			t.Errorf("%s download has no row of the GDP growth target", f)
		}
	}
}
