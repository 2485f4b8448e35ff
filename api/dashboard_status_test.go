package api_test

import (
	"regexp"
	"testing"

	"github.com/plancast/plancast/api"
)

// The Chinese dashboard names the status of a partial-year figure in
// Chinese, in the words the Chinese series download writes for it: Guyang's
// January–November 2009 GDP, an estimate, is 预计 in both, and "estimate"
// on the English page.
func TestTheChineseDashboardNamesAPartialYearFiguresStatusAsTheDownloadDoes(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	sh := download(t, s, "/api/v1/series/guyang/gdp?period=jan-nov&format=csv&lang=zh", "csv", "guyang_gdp_lin.csv")
	if len(sh.rows) != 1 {
		t.Fatalf("Guyang's January–November GDP: %q, want one row", sh.rows)
	}
	status := sh.cell(t, 0, "数据状态")
	if status != "预计" {
		t.Fatalf("the Chinese download writes the status %q, want 预计", status)
	}
	for lang, want := range map[string]string{"zh": status, "en": "estimate"} {
		page := string(s.get("/?lang=" + lang).body)
		row := regexp.MustCompile(`<tr><td class="text">(?:地区生产总值|Gross regional product)</td><td class="text">(?:1—11月|Jan–Nov)</td><td>2009</td><td>56</td>.*?<td class="text">([^<]*)</td></tr>`).FindStringSubmatch(page)
		if row == nil {
			t.Fatalf("lang=%s: no row of Guyang's January–November GDP on the dashboard", lang)
		}
		if row[1] != want {
			t.Errorf("lang=%s: the dashboard names the status %q, want %q", lang, row[1], want)
		}
	}
}
