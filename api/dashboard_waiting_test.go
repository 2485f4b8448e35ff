package api_test

import (
	"html"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// Targets that wait for their first yearly figure are listed once under
// that reason; a target not judged for another reason says it beside
// itself. Zizhou's 2022 targets all wait, until one 2021 GDP figure makes
// its GDP target judgeable in principle but not yet (one year is not a
// trend).
func TestTheDashboardSaysWhyEachTargetIsNotJudged(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	page := html.UnescapeString(string(s.get("/?region=zizhou").body))
	const waiting = `<p class="muted waiting">Not assessed yet, no yearly figures: `
	if !strings.Contains(page, waiting) || !strings.Contains(page, "Gross regional product (2022 plan · growth: +7%)") {
		t.Fatalf("Zizhou's page does not list its GDP target among those waiting for figures:\n%s", page)
	}
	if zh := html.UnescapeString(string(s.get("/?region=zizhou&lang=zh").body)); !strings.Contains(zh, "暂无年度数据，尚未评估: ") || !strings.Contains(zh, "地区生产总值 (2022年计划 · 增速: +7%)") {
		t.Errorf("the Chinese page does not list the targets waiting for figures under their reason")
	}

	bureau := token(t, st, plancast.Token{Region: "zizhou"})
	csv := "region,indicator,year,value,published\nzizhou,gdp,2021,190.4,2022-01-20\n"
	if r := s.do("POST", "/api/v1/observations", "text/csv", bureau, []byte(csv)); r.status != 200 {
		t.Fatalf("push Zizhou's 2021 GDP: %d %s", r.status, r.body)
	}
	page = html.UnescapeString(string(s.get("/?region=zizhou").body))
	waitingList, _, _ := strings.Cut(page[strings.Index(page, waiting):], "</p>")
	if strings.Contains(waitingList, "Gross regional product") || !strings.Contains(waitingList, "General public budget revenue") {
		t.Errorf("with a 2021 figure, GDP still waits for figures, or the budget target no longer does: %s", waitingList)
	}
	if !strings.Contains(page, "Gross regional product (2022 plan · growth: +7%)</span> — one observed year (2021); at least two are needed") {
		t.Errorf("the GDP target does not say beside itself why it is not judged:\n%s", page)
	}
}

// A region with nothing of its own (a province whose counties hold the
// figures) is said to have nothing yet, not met with "Choose a region.".
func TestTheDashboardOfARegionWithNothingSaysSo(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	for _, c := range []struct{ path, want string }{
		{"/?region=shanxi", `<p class="muted nothing">Shanxi has no figures or targets of its own yet.</p>`},
		{"/?region=shanxi&lang=zh", `<p class="muted nothing">山西省暂无本级数据和目标。</p>`},
	} {
		if page := string(s.get(c.path).body); !strings.Contains(page, c.want) || strings.Contains(page, "Choose a region.") {
			t.Errorf("%s does not say %q (or still asks to choose a region)", c.path, c.want)
		}
	}
	if page := string(s.get("/?region=houma").body); strings.Contains(page, `class="muted nothing"`) {
		t.Error("Houma's page says it has nothing")
	}
}
