package api_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// TestYearInProgress: in July 2021 Houma's bureau publishes the first half
// of 2021 and of 2020. The 2021 target, GDP +8.5%, is then judged on the
// first half (+9.1%). The target is at comparable prices, which the seed's
// figures ran g = 0.97% a year above in 2016–2020 (TestStatedGrowth), so
// the rest of the year needs (120.8·1.085·(1 + g) − 60)/(120.8 − 55) − 1 =
// 9.9% on the second half of 2020 at current prices, more than the first
// half's pace, and the year is projected to grow as its first half did,
// less g: 8.0%, at risk. The region's assessment, the assessment across
// regions, the trail and the download say the same on both stores; the
// answer as of the day before has no year to date.
func TestYearInProgress(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			st := seeded(t, b.open(t))
			s := startServer(t, st, api.Config{})
			houma := token(t, st, plancast.Token{Region: "houma"})

			var before api.AssessmentResponse
			s.get("/api/v1/regions/houma/assessment?plan=2021-annual").decode(t, 200, &before)
			if a := gdpGrowth2021(t, before); a.YearToDate != nil || a.LatestYear != 2020 {
				t.Fatalf("before the first half: %+v", a)
			}

			july, err := plancast.ParseDate("2021-07-15")
			if err != nil {
				t.Fatal(err)
			}
			h1 := func(year int, v float64) plancast.Observation {
				return plancast.Observation{Region: "houma", Indicator: "gdp", Period: "h1", Year: year, Value: v, Status: plancast.StatusPreliminary, Published: july}
			}
			var pr api.PushResponse
			s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, h1(2020, 55), h1(2021, 60))).decode(t, 200, &pr)
			if pr.Report.New != 2 {
				t.Fatalf("push: %+v", pr.Report)
			}

			var now api.AssessmentResponse
			s.get("/api/v1/regions/houma/assessment?plan=2021-annual").decode(t, 200, &now)
			a := gdpGrowth2021(t, now)
			y := a.YearToDate
			gap := math.Pow(120.8/88.9, 0.2)/1.053 - 1
			wantRest := (120.8*1.085*(1+gap)-60)/(120.8-55) - 1
			if y == nil || y.Period != "h1" || y.Months != 6 || y.Value != 60 || y.Prior != 55 || math.Abs(y.Growth-(60.0/55-1)) > 1e-12 ||
				y.RequiredRestGrowth == nil || math.Abs(*y.RequiredRestGrowth-wantRest) > 1e-12 {
				t.Fatalf("year to date %+v, want h1 60 against 55 needing %.4f of the rest", y, wantRest)
			}
			if want := 100 * (60.0/55/(1+gap) - 1); a.Projected == nil || math.Abs(a.Projected.Mean-want) > 1e-9 || !(a.Probability > 0.1 && a.Probability < 0.5) || a.Status != plancast.StatusAtRisk {
				t.Fatalf("judged on the first half: %+v, want %.2f%% projected and at_risk", a, want)
			}
			// Judged on the stated growth: the rest's need at current
			// prices, and on the stated basis at the year's gap.
			if !strings.Contains(a.Explanation, "2021 first half: 60, +9.1% on a year before; the rest of the year needs +9.9% at current prices (+8.9% on the stated basis the target is judged on) on the same months of 2020") ||
				!strings.Contains(a.ExplanationZh, "2021年上半年60，同比增长9.1%；其余月份现价同比增速需不低于9.9%（按目标所依据的公布增速口径需不低于8.9%）") {
				t.Errorf("explanations %q / %q", a.Explanation, a.ExplanationZh)
			}
			if b := gdpGrowth2021(t, before); a.Probability == b.Probability || a.Projected.Mean == b.Projected.Mean {
				t.Errorf("the first half changed nothing: %+v against %+v", a, b)
			}

			// Across regions, the same judgement.
			var all api.AssessmentResponse
			s.get("/api/v1/assessment?plan=2021-annual&indicator=gdp").decode(t, 200, &all)
			if !reflect.DeepEqual(gdpGrowth2021(t, all), a) {
				t.Errorf("across regions %+v\nwant %+v", gdpGrowth2021(t, all), a)
			}
			// The day before July's push, the answer given then.
			var then api.AssessmentResponse
			s.get("/api/v1/regions/houma/assessment?plan=2021-annual&as_of=2021-07-14").decode(t, 200, &then)
			if got := gdpGrowth2021(t, then); got.YearToDate != nil || !reflect.DeepEqual(got.Projected, gdpGrowth2021(t, before).Projected) {
				t.Errorf("as of 2021-07-14: %+v, want the answer without the first half", got)
			}
			// The trail has a point on the push's day, and it is the answer as of that day.
			var trail api.TrailResponse
			s.get("/api/v1/regions/houma/assessment/trail?indicator=gdp&plan=2021-annual").decode(t, 200, &trail)
			var onPush *api.TrailPoint
			for i, tt := range trail.Targets {
				for j, p := range tt.Points {
					if tt.Kind == plancast.TargetGrowth && tt.Year == 2021 && p.AsOf == "2021-07-15" {
						onPush = &trail.Targets[i].Points[j]
					}
				}
			}
			var asOfPush api.AssessmentResponse
			s.get("/api/v1/regions/houma/assessment?plan=2021-annual&as_of=2021-07-15").decode(t, 200, &asOfPush)
			if want := gdpGrowth2021(t, asOfPush); onPush == nil || onPush.Assessment == nil || !reflect.DeepEqual(*onPush.Assessment, want) ||
				!reflect.DeepEqual(onPush.Changed, []string{"figures"}) || want.YearToDate == nil {
				t.Errorf("the trail on 2021-07-15: %+v\nwant %+v", onPush, want)
			}

			// The projection keeps the yearly model's points and adds the
			// year from its first half: 60 + 65.8·60/55 = 131.78, as the
			// assessment's nowcast.
			var proj, projThen plancast.Projection
			s.get("/api/v1/series/houma/gdp/projection").decode(t, 200, &proj)
			if proj.YearToDate == nil || !reflect.DeepEqual(*proj.YearToDate, withoutRest(*y)) || math.Abs(proj.YearToDate.Nowcast.Mean-(60+65.8*60/55)) > 1e-9 {
				t.Errorf("projection's year to date %+v, want the assessment's %+v", proj.YearToDate, y)
			}
			s.get("/api/v1/series/houma/gdp/projection?as_of=2021-07-14").decode(t, 200, &projThen)
			if projThen.YearToDate != nil || !reflect.DeepEqual(projThen.Points, proj.Points) {
				t.Errorf("projection as of 2021-07-14: %+v, want the same points and no year to date", projThen)
			}
			// Its vintage is the first half's, which it used; the day
			// before, the yearly figures'.
			if proj.Vintage != july || !projThen.Vintage.Before(july) {
				t.Errorf("vintage %s, and %s as of 2021-07-14; want %s, the first half's, and an earlier one", proj.Vintage, projThen.Vintage, july)
			}

			// The projection's download has the year from its first half as a row of its own.
			psh := download(t, s, "/api/v1/series/houma/gdp/projection?format=csv", "csv", "houma_gdp_projection.csv")
			last := len(psh.rows) - 1
			if psh.cell(t, last, "kind") != "year_to_date" || psh.cell(t, last, "year") != "2021" ||
				math.Abs(psh.num(t, last, "value")-proj.YearToDate.Nowcast.Mean) > 1e-9 || math.Abs(psh.num(t, last, "hi95")-proj.YearToDate.Nowcast.Hi95) > 1e-9 {
				t.Errorf("projection download's last row %q, want the year from its first half", psh.rows[last])
			}

			// The download carries the year to date in its own columns.
			sh := download(t, s, "/api/v1/regions/houma/assessment?plan=2021-annual&format=csv", "csv", "houma_assessment_2021-annual.csv")
			found := false
			for r := range sh.rows {
				if sh.cell(t, r, "indicator") == "gdp" && sh.cell(t, r, "kind") == plancast.TargetGrowth {
					found = true
					if sh.cell(t, r, "to_date") != "2021 h1" || math.Abs(sh.num(t, r, "to_date_growth")-y.Growth) > 1e-9 ||
						math.Abs(sh.num(t, r, "rest_needs")-wantRest) > 1e-9 {
						t.Errorf("download row %q", sh.rows[r])
					}
				} else if sh.cell(t, r, "to_date") != "" {
					t.Errorf("row %q judged on a year to date it does not have", sh.rows[r])
				}
			}
			if !found {
				t.Errorf("no gdp growth row in %q", sh.rows)
			}
		})
	}
}

// gdpGrowth2021 is the judgement of Houma's 2021 GDP target (+8.5%).
func gdpGrowth2021(t *testing.T, r api.AssessmentResponse) api.AssessmentItem {
	t.Helper()
	return judged(t, r, "gdp", plancast.TargetGrowth, 2021)
}

// houmaHalfStated is a server on the seeded store after Houma's bureau
// pushed the first half of 2021 as "60, 同比增长9.5%" (preliminary,
// published 2021-07-15) and never the first half of 2020, the day it was
// published, and the 2021 annual plan's assessment it then answers.
func houmaHalfStated(t *testing.T) (s *server, july plancast.Date, now api.AssessmentResponse) {
	t.Helper()
	july, err := plancast.ParseDate("2021-07-15")
	if err != nil {
		t.Fatal(err)
	}
	stated := 9.5
	st := seeded(t, backends[0].open(t))
	s = startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, plancast.Observation{Region: "houma", Indicator: "gdp", Period: "h1",
		Year: 2021, Value: 60, Growth: &stated, Status: plancast.StatusPreliminary, Published: july})).decode(t, 200, &pr)
	s.get("/api/v1/regions/houma/assessment?plan=2021-annual").decode(t, 200, &now)
	return s, july, now
}

// withoutRest is a year to date without what a target needs of the rest of
// the year: a projection's, which judges no target.
func withoutRest(y plancast.YearToDate) plancast.YearToDate {
	y.RequiredRestGrowth, y.RequiredRestStatedGrowth = nil, nil
	return y
}

// TestYearAfterOneWithoutAFigure: Houma's bureau has published yearly
// figures up to 2020 and January–September of 2020 (88), 2021 (95) and
// 2022 (90), but not yet the whole of 2021. The 2022 annual plan's GDP
// +8% is judged on 2022's months through 2021's nowcast, as 2021's own
// target is on its months: 2021 is taken at 95·120.8/88 = 130.4 (its
// January–September in the proportion of 2020's to the whole of 2020),
// 2022 at 90 + (130.4 − 95)·90/95 = 123.5, a fall: off track. The
// answer's year_to_date carries 2021's nowcast (prior_nowcast), the
// explanation says it in both languages, and the trail's point on the
// push's day is the answer as of that day. Until then the target was
// judged on the yearly model alone, its months unsaid.
func TestYearAfterOneWithoutAFigure(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			st := seeded(t, b.open(t))
			s := startServer(t, st, api.Config{})
			houma := token(t, st, plancast.Token{Region: "houma"})

			var pr api.PushResponse
			s.do("POST", "/api/v1/targets", "application/json", houma,
				[]byte(`[{"region":"houma","indicator":"gdp","plan":"2022-annual","kind":"growth","year":2022,"value":8,"published":"2022-02-01","source":{"document":"2022 report"}}]`)).decode(t, 200, &pr)
			october, err := plancast.ParseDate("2022-10-20")
			if err != nil {
				t.Fatal(err)
			}
			sep := func(year int, v float64) plancast.Observation {
				return plancast.Observation{Region: "houma", Indicator: "gdp", Period: "jan-sep", Year: year, Value: v, Status: plancast.StatusPreliminary, Published: october}
			}
			s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, sep(2020, 88), sep(2021, 95), sep(2022, 90))).decode(t, 200, &pr)
			if pr.Report.New != 3 {
				t.Fatalf("push: %+v", pr.Report)
			}

			var now api.AssessmentResponse
			s.get("/api/v1/regions/houma/assessment?plan=2022-annual").decode(t, 200, &now)
			a := judged(t, now, "gdp", plancast.TargetGrowth, 2022)
			y := a.YearToDate
			before := 95 * 120.8 / 88
			if y == nil || y.Period != "jan-sep" || y.Year != 2022 || y.Value != 90 || y.Prior != 95 || y.PriorNowcast == nil || math.Abs(*y.PriorNowcast-before) > 1e-9 {
				t.Fatalf("year to date %+v, want 2022's January–September against 2021's, 2021 taken at %.4f", y, before)
			}
			if want := 90 + (before-95)*90/95; math.Abs(y.Nowcast.Mean-want) > 1e-9 {
				t.Errorf("2022 nowcast %.4f, want %.4f", y.Nowcast.Mean, want)
			}
			if a.Projected == nil || a.Projected.Hi95 >= 0 || a.Probability > 0.01 || a.Status != plancast.StatusOffTrack {
				t.Errorf("judged %+v, probability %.4f (%s), want a fall, off_track", a.Projected, a.Probability, a.Status)
			}
			for _, c := range []struct{ got, want string }{
				{a.Explanation, "2022 January–September: 90, -5.3% on a year before"},
				{a.Explanation, "2021, without a yearly figure, is taken at 130.4: its January–September (95) in the proportion of 2020's (88) to the whole of 2020 (120.8)"},
				{a.ExplanationZh, "2021年尚无数据，按其1—9月（95）与2020年1—9月（88）占全年（120.8）的比例推算为130.4"},
			} {
				if !strings.Contains(c.got, c.want) {
					t.Errorf("explanation %q lacks %q", c.got, c.want)
				}
			}

			// As of the day before the months were pushed, the yearly model.
			var then api.AssessmentResponse
			s.get("/api/v1/regions/houma/assessment?plan=2022-annual&as_of=2022-10-19").decode(t, 200, &then)
			if got := judged(t, then, "gdp", plancast.TargetGrowth, 2022); got.YearToDate != nil || strings.Contains(got.Explanation, "January–September") {
				t.Errorf("as of 2022-10-19: %+v, want no year to date", got)
			}
			// The trail's point on the push's day is the answer as of that day.
			var trail api.TrailResponse
			s.get("/api/v1/regions/houma/assessment/trail?indicator=gdp&plan=2022-annual").decode(t, 200, &trail)
			var onPush *api.TrailPoint
			for i, tt := range trail.Targets {
				for j, p := range tt.Points {
					if tt.Kind == plancast.TargetGrowth && tt.Year == 2022 && p.AsOf == "2022-10-20" {
						onPush = &trail.Targets[i].Points[j]
					}
				}
			}
			var asOfPush api.AssessmentResponse
			s.get("/api/v1/regions/houma/assessment?plan=2022-annual&as_of=2022-10-20").decode(t, 200, &asOfPush)
			if want := judged(t, asOfPush, "gdp", plancast.TargetGrowth, 2022); onPush == nil || onPush.Assessment == nil ||
				!reflect.DeepEqual(*onPush.Assessment, want) || want.YearToDate == nil || want.YearToDate.PriorNowcast == nil {
				t.Errorf("the trail on 2022-10-20: %+v\nwant %+v", onPush, want)
			}
		})
	}
}
