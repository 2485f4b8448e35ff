package api_test

import (
	"context"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// TestACensusRevisionKeepsTheGrowthsStatedBeforeIt: Quwo's bureau stated
// GDP's growth with its figures of 2021–2024 (8.6, 5.1, 4.2, 4.8); the
// 5th economic census then raises the levels of 2022–2024 by 2.6–3.4%,
// pushed as a table without a growth column. The 14th Five-Year target of
// 6.5% a year is still judged on the growths stated with the first
// releases, each gap measured on the levels published with it: the
// required growth falls by 2024's revision alone (9.9% → 6.7%; it was
// 23.3%), the history rises by it (5.4% → 5.8%; it was 2.0%), the basis
// names 2022–2024 as of earlier vintages, and the answer as of the day
// before the census is the one given then. The region's answer and the
// answer across regions agree.
func TestACensusRevisionKeepsTheGrowthsStatedBeforeIt(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			st := seeded(t, b.open(t))
			if err := st.PutRegions(context.Background(), []plancast.Region{{Code: "quwo", Name: "Quwo County", NameZh: "曲沃县", Parent: "linfen", Level: "county"}}); err != nil {
				t.Fatal(err)
			}
			s := startServer(t, st, api.Config{})
			quwo := token(t, st, plancast.Token{Region: "quwo"})
			var figures []plancast.Observation
			stated := map[int]float64{2021: 8.6, 2022: 5.1, 2023: 4.2, 2024: 4.8}
			for i, v := range []float64{82.3, 85.1, 95.2, 103.4, 110.6, 112.9, 128.7, 138.5, 141.2, 147.9} {
				y := 2015 + i
				o := plancast.Observation{Region: "quwo", Indicator: "gdp", Year: y, Value: v, Published: plancast.NewDate(y+1, 3, 20)}
				if g, ok := stated[y]; ok {
					o.Growth = &g
				}
				figures = append(figures, o)
			}
			var pr api.PushResponse
			s.do("POST", "/api/v1/observations", "application/json", quwo, obsJSON(t, figures...)).decode(t, 200, &pr)
			s.do("POST", "/api/v1/targets", "application/json", quwo, []byte(`[{"region":"quwo","indicator":"gdp","plan":"14th-fyp","kind":"avg_growth","base_year":2020,"year":2025,"value":6.5,"published":"2021-03-01"}]`)).decode(t, 200, &pr)
			judge := func(query string) api.AssessmentItem {
				var r api.AssessmentResponse
				s.get("/api/v1/regions/quwo/assessment?plan=14th-fyp"+query).decode(t, 200, &r)
				return judged(t, r, "gdp", plancast.TargetAvgGrowth, 2025)
			}
			before := judge("")
			if before.RequiredGrowth == nil || plancast.HalfAway(100**before.RequiredGrowth, 1) != 9.9 || before.HistoricalGrowth == nil || plancast.HalfAway(100**before.HistoricalGrowth, 1) != 5.4 {
				t.Fatalf("before the census: required %v, history %v; want 9.9%% and 5.4%%", before.RequiredGrowth, before.HistoricalGrowth)
			}

			census := "region,indicator,year,value,status,published,note\n" +
				"quwo,gdp,2022,142.1,final,2025-12-28,第五次全国经济普查修订\n" +
				"quwo,gdp,2023,146.0,final,2025-12-28,第五次全国经济普查修订\n" +
				"quwo,gdp,2024,152.3,preliminary,2025-12-28,按经济普查结果修订\n"
			s.do("POST", "/api/v1/observations?filename=census.csv", "text/csv", quwo, []byte(census)).decode(t, 200, &pr)
			if pr.Report.Revised != 3 {
				t.Fatalf("the census: %+v, want 3 revised", pr.Report)
			}
			after := judge("")
			if got, want := (1+*after.RequiredGrowth)/(1+*before.RequiredGrowth), 147.9/152.3; math.Abs(got-want) > 1e-12 {
				t.Errorf("required growth %.4f → %.4f: a factor %.6f, want %.6f, 2024's revision alone", *before.RequiredGrowth, *after.RequiredGrowth, got, want)
			}
			if got, want := (1+*after.HistoricalGrowth)/(1+*before.HistoricalGrowth), math.Pow(152.3/147.9, 1.0/9); math.Abs(got-want) > 1e-12 {
				t.Errorf("history %.4f → %.4f: a factor %.6f, want %.6f", *before.HistoricalGrowth, *after.HistoricalGrowth, got, want)
			}
			if sb, sb0 := after.StatedBasis, before.StatedBasis; sb == nil || sb0 == nil || math.Abs(sb.Gap-sb0.Gap) > 1e-12 || sb.From != 2020 || sb.To != 2024 || !slices.Equal(sb.Earlier, []int{2022, 2023, 2024}) {
				t.Errorf("stated basis %+v, want %+v with 2022–2024 of earlier vintages", sb, sb0)
			}
			for _, want := range []string{"needs 6.7% a year from 2024 (history: 5.8% a year)", "in 2021–2024 (for 2022–2024 the growth stated with the figures before their revision"} {
				if !strings.Contains(after.Explanation, want) {
					t.Errorf("explanation %q lacks %q", after.Explanation, want)
				}
			}
			if then := judge("&as_of=2025-12-27"); then.RequiredGrowth == nil || *then.RequiredGrowth != *before.RequiredGrowth || then.StatedBasis == nil || then.StatedBasis.Earlier != nil {
				t.Errorf("as of the day before the census: required %v, basis %+v; want the answer given then", then.RequiredGrowth, then.StatedBasis)
			}
			var all api.AssessmentResponse
			s.get("/api/v1/assessment?plan=14th-fyp&indicator=gdp").decode(t, 200, &all)
			all.Assessments = slices.DeleteFunc(all.Assessments, func(a api.AssessmentItem) bool { return a.Region != "quwo" })
			if got := judged(t, all, "gdp", plancast.TargetAvgGrowth, 2025); !reflect.DeepEqual(got.Assessment, after.Assessment) {
				t.Errorf("across regions %+v\nwant %+v", got.Assessment, after.Assessment)
			}
		})
	}
}
