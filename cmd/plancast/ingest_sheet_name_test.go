package main

import (
	"strings"
	"testing"
)

// plancast ingest --sheet 2023 of a workbook whose sheet is 2023年 is
// refused offering that sheet and how to ask for it, and writes nothing.
func TestIngestOfASheetNamedAmissOffersTheSheetItMeant(t *testing.T) {
	dir := seededDir(t)
	header := []any{"地区", "指标", "年份", "数值", "单位"}
	book := writeBook(t, "houma_2024.xlsx", "说明", [][]any{{"侯马市2024年统计数据"}},
		"2024年主要指标", [][]any{header, {"侯马市", "地区生产总值", 2024, 160.2, "亿元"}},
		"2023年", [][]any{header, {"侯马市", "地区生产总值", 2023, 151.3, "亿元"}})
	code, stdout, stderr := run(t, "ingest", "--data-dir", dir, "--sheet", "2023", book)
	want := `houma_2024.xlsx: no sheet "2023": the workbook has 说明, 2024年主要指标, 2023年; did you mean "2023年"? ` +
		`(plancast ingest --sheet "2023年" houma_2024.xlsx, or ?sheet=2023年 on the push)`
	if code != 1 || !strings.Contains(stdout+stderr, want) || !strings.Contains(stdout+stderr, "nothing was written") {
		t.Errorf("--sheet 2023: exit %d, stdout\n%s\nstderr\n%s\nwant it refused saying\n%s", code, stdout, stderr, want)
	}
}
