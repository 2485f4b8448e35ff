package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// An unjudged target's reason is the reason alone: the object names the
// target (indicator, plan, kind, year) already, so the reason does not
// begin "assess gdp growth 2022: ". Zizhou's 2022 GDP growth target, with
// one figure of 2021, is "one observed year (2021); at least two are
// needed" in the assessment, in its trail and in its download.
func TestAnUnjudgedTargetsReasonDoesNotNameTheTargetAgain(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	bureau := token(t, st, plancast.Token{Region: "zizhou"})
	csv := "region,indicator,year,value,published\nzizhou,gdp,2021,190.4,2022-01-20\n"
	s.do("POST", "/api/v1/observations", "text/csv", bureau, []byte(csv)).decode(t, http.StatusOK, nil)
	const want = "one observed year (2021); at least two are needed"

	var resp api.AssessmentResponse
	s.get("/api/v1/regions/zizhou/assessment").decode(t, http.StatusOK, &resp)
	var u api.Unassessed
	for _, x := range resp.Unassessed {
		if x.Indicator == "gdp" {
			u = x
		}
	}
	if u.Indicator != "gdp" || u.Kind != plancast.TargetGrowth || u.Year != 2022 || u.Code != plancast.EINVALID || u.Reason != want || u.ReasonZh != "仅有2021年一年的数据，至少需要两年" {
		t.Errorf("unassessed %+v; want GDP growth 2022, invalid, because %q", u, want)
	}

	var trail api.TrailResponse
	s.get("/api/v1/regions/zizhou/assessment/trail?indicator=gdp").decode(t, http.StatusOK, &trail)
	var last *api.Unassessed
	for _, tt := range trail.Targets {
		for _, p := range tt.Points {
			if p.Unassessed != nil {
				last = p.Unassessed
			}
		}
	}
	if last == nil || last.Reason != want {
		t.Errorf("the trail's last unjudged point %+v; want the reason %q", last, want)
	}

	download := string(s.get("/api/v1/regions/zizhou/assessment?format=csv").body)
	if !strings.Contains(download, want) || strings.Contains(download, "assess gdp") {
		t.Errorf("the download does not give the reason alone:\n%s", download)
	}
}

// A target whose series has no yearly figure yet says so once: Houma's
// 2021 unemployment ceiling is "no yearly figures yet", not "no
// observations of unemployment_rate for houma: series
// houma/unemployment_rate has no yearly figures".
func TestATargetWithoutFiguresSaysSoOnce(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	var resp api.AssessmentResponse
	s.get("/api/v1/regions/houma/assessment").decode(t, http.StatusOK, &resp)
	var u api.Unassessed
	for _, x := range resp.Unassessed {
		if x.Indicator == "unemployment_rate" {
			u = x
		}
	}
	if u.Code != plancast.ENOTFOUND || u.Reason != "no yearly figures yet" || !strings.Contains(u.ReasonZh, "暂无") {
		t.Errorf("unassessed %+v; want not_found because %q", u, "no yearly figures yet")
	}
}
