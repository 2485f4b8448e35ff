package api_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A work report's 预计全年 for Houma's 2021 GDP, 131, pushed as an
// estimate on 2021-11-20 while the year runs, beside the first halves of
// 2020 and 2021: the assessment route judges the 2021 target on its first
// half, with a probability, and quotes the estimate as one published
// before the year ended, not "2021 observed … (missed)" with probability 0.
// InfluxDB's bulk read carries the figures' status and date as bolt's
// does: both answer the same assessment.
func TestTheAssessmentRouteDoesNotSettleATargetOnAnEstimateOfTheYearInProgress(t *testing.T) {
	answers := map[string]string{}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			answers[b.name] = assessWithEstimateInProgress(t, b.open(t))
		})
	}
	if bolt, influx := answers["bolt"], answers["influx"]; bolt != "" && influx != "" && bolt != influx {
		t.Errorf("the backends answer different assessments:\nbolt   %s\ninflux %s", bolt, influx)
	}
}

func assessWithEstimateInProgress(t *testing.T, st plancast.Store) string {
	st = seeded(t, st)
	s := startServer(t, st, api.Config{})
	pushEstimateOfTheYearInProgress(t, s, st)
	var now api.AssessmentResponse
	s.get("/api/v1/regions/houma/assessment?plan=2021-annual").decode(t, 200, &now)
	a := gdpGrowth2021(t, now)
	if a.Realised != nil || a.YearToDate == nil || !(a.Probability > 0) || a.LatestYear != 2020 {
		t.Errorf("2021 judged: realised %v, P %v, year to date %+v, latest %d; want it judged on its first half, on 2020's figure", a.Realised, a.Probability, a.YearToDate, a.LatestYear)
	}
	if want := "2021 is estimated at 131 "; !strings.Contains(a.Explanation, want) || strings.Contains(a.Explanation, "observed") {
		t.Errorf("explanation %q, want %q and no \"observed\"", a.Explanation, want)
	}
	if want := "2021年预计131"; !strings.Contains(a.ExplanationZh, want) || strings.Contains(a.ExplanationZh, "实际增长") {
		t.Errorf("explanation %q, want %q and no 实际增长", a.ExplanationZh, want)
	}
	// The same assessment on either store: in order of indicator, without
	// the time each store recorded the seeded targets.
	slices.SortFunc(now.Assessments, func(x, y api.AssessmentItem) int { return strings.Compare(x.Indicator, y.Indicator) })
	for i := range now.Assessments {
		now.Assessments[i].Target.Recorded = time.Time{}
	}
	same, err := json.Marshal(now)
	if err != nil {
		t.Fatal(err)
	}
	return string(same)
}
