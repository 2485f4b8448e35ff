package api_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// TestYearInProgressStatedGrowth: Houma's bureau publishes the first half
// of 2021 as "60, 按可比价格计算同比增长9.5%". The 2021 target, GDP +8.5%,
// is at comparable prices: the year's gap of the stated growth to the
// figures' own is the half's, log(60/55) − log(1.095), not the 0.97% a
// year of 2016–2020 carried to it, and the year, growing as its half did,
// is projected at the half's stated +9.5%. Pushed without the first half of
// 2020, the stated growth gives it, 60/(1.095·e^d) with d the carried
// gap: the year is still judged on its half, +9.5%, and the answer says how
// 2020's half was taken.
func TestYearInProgressStatedGrowth(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			july, err := plancast.ParseDate("2021-07-15")
			if err != nil {
				t.Fatal(err)
			}
			h1 := func(year int, v float64, growth *float64) plancast.Observation {
				return plancast.Observation{Region: "houma", Indicator: "gdp", Period: "h1", Year: year, Value: v, Growth: growth, Status: plancast.StatusPreliminary, Published: july}
			}
			stated := 9.5
			for _, c := range []struct {
				name string
				push []plancast.Observation
			}{
				{"both halves", []plancast.Observation{h1(2020, 55, nil), h1(2021, 60, &stated)}},
				{"2021's half alone", []plancast.Observation{h1(2021, 60, &stated)}},
			} {
				st := seeded(t, b.open(t))
				s := startServer(t, st, api.Config{})
				houma := token(t, st, plancast.Token{Region: "houma"})
				var pr api.PushResponse
				s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, c.push...)).decode(t, 200, &pr)
				var now api.AssessmentResponse
				s.get("/api/v1/regions/houma/assessment?plan=2021-annual").decode(t, 200, &now)
				a := gdpGrowth2021(t, now)
				y := a.YearToDate
				if y == nil || y.StatedGrowth == nil || math.Abs(*y.StatedGrowth-0.095) > 1e-12 {
					t.Fatalf("%s: year to date %+v, want the half's stated +9.5%%", c.name, y)
				}
				if a.Projected == nil || math.Abs(a.Projected.Mean-9.5) > 1e-9 || a.Status != plancast.StatusOnTrack {
					t.Errorf("%s: projected %+v (%s), want the half's stated +9.5%%, on_track", c.name, a.Projected, a.Status)
				}
				var want string
				if c.name == "both halves" {
					want = "2021's gap is its first half figures': stated +9.5% on a year before, +9.1% at current prices"
					if y.PriorFromStated || y.Prior != 55 {
						t.Errorf("%s: prior %v (from stated %v), want 55 as stored", c.name, y.Prior, y.PriorFromStated)
					}
				} else {
					want = "2020 first half, not stored, is taken at " + plancast.FormatNumber(y.Prior, -1) + " from the +9.5% stated with 2021's"
					if !y.PriorFromStated || !(y.Prior > 54 && y.Prior < 55) {
						t.Errorf("%s: prior %v (from stated %v), want it taken from the stated growth", c.name, y.Prior, y.PriorFromStated)
					}
				}
				if !strings.Contains(a.Explanation, want) {
					t.Errorf("%s: explanation %q lacks %q", c.name, a.Explanation, want)
				}
			}
		})
	}
}

// TestYearToDateFromStatedGrowthIsSaidAtCurrentPrices: with Houma's first
// half of 2020 not pushed, 2021's half "60, +9.5% stated" is read on a 2020
// half made from that growth and the yearly figures' price gap, so the
// half's change on it, about +9.6%, is at current prices: the explanation
// says so with the stated growth beside it, in English and Chinese, and
// the CSV and XLSX downloads carry the stated growth in a column of its
// own, to_date_stated_growth, beside to_date_growth.
func TestYearToDateFromStatedGrowthIsSaidAtCurrentPrices(t *testing.T) {
	s, _, now := houmaHalfStated(t)
	a := gdpGrowth2021(t, now)
	y := a.YearToDate
	if y == nil || !y.PriorFromStated {
		t.Fatalf("year to date %+v, want 2020's half taken from the stated growth", y)
	}
	growth := strconv.FormatFloat(plancast.HalfAway(100*y.Growth, 1), 'f', 1, 64)
	for _, c := range []struct{ got, want string }{
		{a.Explanation, "2021 first half: 60, +" + growth + "% at current prices (stated +9.5%) on a year before"},
		{a.ExplanationZh, "2021年上半年60，现价同比增长" + growth + "%（公布增速同比增长9.5%）"},
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
				if math.Abs(sh.num(t, r, "to_date_growth")-y.Growth) > 1e-9 || math.Abs(sh.num(t, r, "to_date_stated_growth")-0.095) > 1e-9 {
					t.Errorf("%s download row %q, want to_date_growth %v and to_date_stated_growth 0.095", f, sh.rows[r], y.Growth)
				}
			} else if sh.cell(t, r, "to_date_stated_growth") != "" {
				t.Errorf("%s row %q has a stated growth of months it was not judged on", f, sh.rows[r])
			}
		}
		if !found {
			t.Errorf("%s download has no row of the GDP growth target", f)
		}
	}
}
