package api_test

import (
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/ingest"
)

// A push asking for a sheet by a name the workbook lacks is refused whole,
// offering the sheet likely meant and how to ask for it: ?sheet=2023 of a
// workbook whose sheet is 2023年 (Houma's: 说明, 2024年主要指标, 2023年).
// Asked again by that name, it lands.
func TestAPushOfASheetNamedAmissIsOfferedTheSheetItMeant(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	header := []any{"地区", "指标", "年份", "数值", "单位"}
	book := bookOfSheets(t, "说明", [][]any{{"侯马市2024年统计数据"}},
		"2024年主要指标", [][]any{header, {"侯马市", "地区生产总值", 2024, 160.2, "亿元"}},
		"2023年", [][]any{header, {"侯马市", "地区生产总值", 2023, 151.3, "亿元"}})
	var refused api.PushResponse
	s.do("POST", "/api/v1/observations?filename=houma_2024.xlsx&sheet=2023", ingest.ContentTypeXLSX, houma, book).decode(t, 400, &refused)
	want := `houma_2024.xlsx: no sheet "2023": the workbook has 说明, 2024年主要指标, 2023年; did you mean "2023年"? ` +
		`(plancast ingest --sheet "2023年" houma_2024.xlsx, or ?sheet=2023年 on the push)`
	if refused.Report == nil || len(refused.Report.Problems) != 1 || refused.Report.Problems[0].Error() != want {
		t.Fatalf("?sheet=2023: %+v\nwant the one problem\n%q", refused.Report, want)
	}
	var pushed api.PushResponse
	s.do("POST", "/api/v1/observations?filename=houma_2024.xlsx&sheet=2023年&published=2024-03-01", ingest.ContentTypeXLSX, houma, book).decode(t, 200, &pushed)
	if pushed.Report.New != 1 {
		t.Errorf("?sheet=2023年: %+v; want its one figure new", pushed.Report)
	}
}
