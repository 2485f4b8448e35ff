package ingest

import (
	"fmt"
	"testing"
)

// A sheet asked for by a name no sheet has is refused naming the sheets
// there are and, when one of them was likely meant, offering it with how to
// ask for it. A year typed without 年 finds its 年 sheet (Houma's 2024
// workbook: 说明, 2024年主要指标, 2023年), and 年 typed finds a sheet named
// by the year alone; a year begins the name of the one sheet of its year;
// another year is not offered. Other names find a typo away or another
// case or spacing.
func TestASheetNamedAmissIsOfferedTheSheetItMeant(t *testing.T) {
	houma := sheetsWorkbook(t, 1,
		sheetSpec{name: "说明", rows: [][]any{{"侯马市2024年统计数据"}}},
		gdpSheet("2024年主要指标", 2024, 160.2),
		gdpSheet("2023年", 2023, 151.3))
	const has = `book.xlsx: no sheet %q: the workbook has 说明, 2024年主要指标, 2023年`
	offer := func(sheet string) string {
		return fmt.Sprintf(`; did you mean %q? (plancast ingest --sheet %q book.xlsx, or ?sheet=%s on the push)`, sheet, sheet, queryText(sheet))
	}
	plain := sheetsWorkbook(t, 0, gdpSheet("2022", 2022, 140.1), gdpSheet("GDP_total", 2021, 130.5), gdpSheet("Sheet2", 2020, 120.8))
	const plainHas = `book.xlsx: no sheet %q: the workbook has 2022, GDP_total, Sheet2`
	spaced := sheetsWorkbook(t, 0, gdpSheet("２０２３ 年", 2023, 151.3), gdpSheet("2023年一季度", 2023, 35.1), gdpSheet("2023年上半年", 2023, 72.4))
	const spacedHas = `book.xlsx: no sheet %q: the workbook has ２０２３ 年, 2023年一季度, 2023年上半年`
	for _, c := range []struct {
		book  []byte
		sheet string
		want  string
	}{
		{houma, "2023", fmt.Sprintf(has, "2023") + offer("2023年")},
		{houma, " 2023 ", fmt.Sprintf(has, " 2023 ") + offer("2023年")},
		{houma, "2024", fmt.Sprintf(has, "2024") + offer("2024年主要指标")},
		{houma, "2022", fmt.Sprintf(has, "2022")}, // not 2023年, one digit away
		{houma, "说名", fmt.Sprintf(has, "说名") + offer("说明")},
		{houma, "GDP", fmt.Sprintf(has, "GDP")},
		{plain, "2022年", fmt.Sprintf(plainHas, "2022年") + offer("2022")},
		{plain, "2023", fmt.Sprintf(plainHas, "2023")},
		{plain, "gdp total", fmt.Sprintf(plainHas, "gdp total") + offer("GDP_total")},
		{plain, "Shet2", fmt.Sprintf(plainHas, "Shet2") + offer("Sheet2")},
		// The year's own sheet, though two more begin with the year.
		{spaced, "2023", fmt.Sprintf(spacedHas, "2023") + offer("２０２３ 年")},
	} {
		b := parseWorkbook(t, c.book, Options{Sheet: c.sheet})
		if got := problemTexts(b.Problems); fmt.Sprint(got) != fmt.Sprint([]string{c.want}) || len(b.Observations) != 0 {
			t.Errorf("sheet %q: %d figures, problems\n%q\nwant none and\n%q", c.sheet, len(b.Observations), got, c.want)
		}
	}
	// Several sheets begin with the year and none is the year's own: each
	// is offered, without the command (which one is for the pusher to say).
	several := sheetsWorkbook(t, 0, gdpSheet("2023年一季度", 2023, 35.1), gdpSheet("2023年上半年", 2023, 72.4))
	b := parseWorkbook(t, several, Options{Sheet: "2023"})
	want := `book.xlsx: no sheet "2023": the workbook has 2023年一季度, 2023年上半年; did you mean "2023年一季度" or "2023年上半年"?`
	if got := problemTexts(b.Problems); fmt.Sprint(got) != fmt.Sprint([]string{want}) {
		t.Errorf("sheet \"2023\" of two 2023 sheets: problems\n%q\nwant\n%q", got, want)
	}
}
