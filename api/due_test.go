package api_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// The seed holds Houma's figures up to 2020, from the report of April 2021.
// Asked today, the answers say which ended years they project: the 14th
// Five-Year target's judgement projects 2021 up to 2025 (or the last year
// ended), the 2021 plan's projects 2021. Asked as of the report's day, no
// year is due. The dashboard says it under the latest figure, and the
// downloads' explanation says it too.
func TestAnswersSayWhichEndedYearsTheyProject(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	lastEnded := time.Now().Year() - 1 // the test's clock is the server's

	var now api.AssessmentResponse
	s.get("/api/v1/regions/houma/assessment").decode(t, 200, &now)
	five := judged(t, now, "gdp", plancast.TargetLevel, 2025)
	if want := (plancast.YearSpan{From: 2021, To: min(2025, lastEnded)}); five.FiguresDue == nil || *five.FiguresDue != want {
		t.Errorf("the 2025 target asked today: figures due %+v, want %+v", five.FiguresDue, want)
	}
	annual := judged(t, now, "gdp", plancast.TargetGrowth, 2021)
	if want := (plancast.YearSpan{From: 2021, To: 2021}); annual.FiguresDue == nil || *annual.FiguresDue != want {
		t.Errorf("the 2021 target asked today: figures due %+v, want %+v", annual.FiguresDue, want)
	}
	if !strings.Contains(five.Explanation, fmt.Sprintf("2021–%d have ended but no figures of them are stored", min(2025, lastEnded))) {
		t.Errorf("the explanation does not say which years are projected: %s", five.Explanation)
	}

	var then api.AssessmentResponse
	s.get("/api/v1/regions/houma/assessment?as_of=2021-04-20").decode(t, 200, &then)
	if a := judged(t, then, "gdp", plancast.TargetLevel, 2025); a.FiguresDue != nil || strings.Contains(a.Explanation, "have ended") {
		t.Errorf("as of the report's day nothing had ended unstored: %+v, %s", a.FiguresDue, a.Explanation)
	}
	s.get("/api/v1/regions/houma/assessment?as_of=2022-03-01").decode(t, 200, &then)
	if a := judged(t, then, "gdp", plancast.TargetLevel, 2025); a.FiguresDue == nil || *a.FiguresDue != (plancast.YearSpan{From: 2021, To: 2021}) {
		t.Errorf("as of March 2022: figures due %+v, want 2021", a.FiguresDue)
	}

	csv := string(s.get("/api/v1/regions/houma/assessment?format=csv").body)
	if !strings.Contains(csv, "have ended but no figures of them are stored") {
		t.Errorf("the CSV's explanation does not say which years are projected:\n%s", csv)
	}
	for lang, want := range map[string]string{
		"en": fmt.Sprintf("no figures for 2021–%d yet", min(2025, lastEnded)),
		"zh": fmt.Sprintf("2021—%d年数据未录入", min(2025, lastEnded)),
	} {
		page := string(s.do("GET", "/?region=houma&lang="+lang, "", "", nil, "Accept", "text/html").body)
		if !strings.Contains(page, `<span class="unit due">`+want+`</span>`) {
			t.Errorf("the %s dashboard does not say %q under the latest figure", lang, want)
		}
	}
}
