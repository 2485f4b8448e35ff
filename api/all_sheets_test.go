package api_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/ingest"
)

// bookOfSheets is a workbook of sheets, in order, each a name and its
// rows; a name ending in " (hidden)" is a hidden sheet without the
// suffix. It opens at its first sheet.
func bookOfSheets(t *testing.T, sheets ...any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	var hidden []string
	for i := 0; i+1 < len(sheets); i += 2 {
		name, rows := sheets[i].(string), sheets[i+1].([][]any)
		if n, ok := strings.CutSuffix(name, " (hidden)"); ok {
			name = n
			hidden = append(hidden, n)
		}
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			if err := f.SetSheetRow(name, fmt.Sprintf("A%d", r+1), &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.SetActiveSheet(0)
	for _, name := range hidden {
		if err := f.SetSheetVisible(name, false); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A workbook pushed with ?all_sheets=true lands every visible sheet that
// holds a table in one batch, and its report's note names the sheets left
// out and why; with a problem on any sheet nothing lands, the problem
// naming its sheet and row. sheet= and all_sheets=true together are
// refused, as is an all_sheets that is not true or false.
func TestAWorkbookPushedWithAllSheetsLandsWholeOrNotAtAll(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	header := []any{"地区", "指标", "年份", "数值", "单位"}
	cover := [][]any{{"侯马市2022年统计数据"}, {"侯马市统计局"}}
	old := [][]any{header, {"侯马市", "地区生产总值", 2019, 999, "亿元"}}
	fiscal := func(v2022 any) [][]any {
		return [][]any{header, {"侯马市", "一般公共预算收入", 2021, 5.6, "亿元"}, {"侯马市", "一般公共预算收入", 2022, v2022, "亿元"}}
	}
	gdp := [][]any{header, {"侯马市", "地区生产总值", 2021, 130.5, "亿元"}, {"侯马市", "地区生产总值", 2022, 140.1, "亿元"}}
	version := func() string { return s.get("/api/v1/series/houma/gdp").header.Get("X-Data-Version") }

	// A problem on sheet 财政 refuses GDP's figures too.
	before := version()
	bad := bookOfSheets(t, "封面", cover, "GDP", gdp, "财政", fiscal("六点零"))
	var refused api.PushResponse
	s.do("POST", "/api/v1/observations?filename=book.xlsx&all_sheets=true", ingest.ContentTypeXLSX, houma, bad).decode(t, 400, &refused)
	if refused.Report == nil || len(refused.Report.Problems) != 1 ||
		!strings.HasPrefix(refused.Report.Problems[0].Error(), "book.xlsx sheet 财政 row 3 column D (value): ") {
		t.Errorf("a bad cell on sheet 财政: %+v; want one problem, at sheet 财政 row 3 column D", refused.Report)
	}
	if after := version(); after != before {
		t.Errorf("the data version moved from %s to %s: the refused push wrote", before, after)
	}

	// Mended, every sheet lands; the cover and the hidden sheet are named.
	good := bookOfSheets(t, "封面", cover, "GDP", gdp, "财政", fiscal(6.0), "旧数据 (hidden)", old)
	var pushed api.PushResponse
	s.do("POST", "/api/v1/observations?filename=book.xlsx&all_sheets=true&published=2023-03-01", ingest.ContentTypeXLSX, houma, good).decode(t, 200, &pushed)
	if pushed.Report.New != 4 {
		t.Errorf("report %+v; want the 4 figures of sheets GDP and 财政 new", pushed.Report)
	}
	note := `book.xlsx: sheets "GDP", "财政" were read, and 2 sheets left out: "封面" (no header row), ` +
		`"旧数据" (hidden; it holds a table, and a hidden sheet is read only when named: plancast ingest --sheet "旧数据" book.xlsx, or ?sheet=旧数据 on the push)`
	if fmt.Sprint(pushed.Report.Notes) != fmt.Sprint([]string{note}) {
		t.Errorf("notes\n%q\nwant\n%q", pushed.Report.Notes, note)
	}
	var sr api.SeriesResponse
	s.get("/api/v1/series/houma/budget_revenue?from=2022").decode(t, 200, &sr)
	if len(sr.Observations) != 1 || sr.Observations[0].Value != 6.0 {
		t.Errorf("houma budget_revenue from 2022: %+v; want 6.0 from sheet 财政", sr.Observations)
	}

	for _, q := range []string{"sheet=GDP&all_sheets=true", "all_sheets=yes"} {
		msg := s.do("POST", "/api/v1/observations?filename=book.xlsx&"+q, ingest.ContentTypeXLSX, houma, good).wantError(t, 400, plancast.EINVALID)
		if !strings.Contains(msg, "all_sheets") {
			t.Errorf("?%s: refused with %q; want it to name all_sheets", q, msg)
		}
	}
}
