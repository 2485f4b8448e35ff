package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

// writeBook writes a workbook of sheets (a name, then its rows, in turn)
// into a fresh folder as name, opening at its first sheet.
func writeBook(t *testing.T, name string, sheets ...any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i := 0; i+1 < len(sheets); i += 2 {
		sheet, rows := sheets[i].(string), sheets[i+1].([][]any)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", r+1), &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// plancast ingest --all-sheets pushes every sheet of a workbook that holds
// a table in one batch, into the store and through a server alike, and
// names the sheets it left out; without it the sheet the workbook opens at
// is read, and the note says how to read them all. --sheet and
// --all-sheets together are a usage mistake.
func TestIngestAllSheetsPushesEverySheetOfAWorkbook(t *testing.T) {
	header := []any{"地区", "指标", "年份", "数值", "单位"}
	book := writeBook(t, "book.xlsx",
		"GDP", [][]any{header, {"侯马市", "地区生产总值", 2021, 130.5, "亿元"}, {"侯马市", "地区生产总值", 2022, 140.1, "亿元"}},
		"说明", [][]any{{"数据来源：侯马市统计局"}},
		"财政", [][]any{header, {"侯马市", "一般公共预算收入", 2022, 6.0, "亿元"}})
	const leftOut = `note: book.xlsx: sheets "GDP", "财政" were read, and 1 sheet left out: "说明" (no header row)` + "\n"

	dir := catalogDir(t)
	url, admin := serverWithAdmin(t, nil)
	for _, via := range []struct {
		name string
		args []string
	}{
		{"on the store", []string{"--data-dir", dir}},
		{"through a server", []string{"--server", url, "--token", admin}},
	} {
		code, stdout, stderr := run(t, append(append([]string{"ingest"}, via.args...), "--all-sheets", "--published", "2023-03-01", book)...)
		if code != 0 || !strings.Contains(stdout, "3 new") || !strings.Contains(stdout, leftOut) {
			t.Errorf("%s: exit %d, stdout\n%s%s\nwant 0, 3 new and the note\n%s", via.name, code, stdout, stderr, leftOut)
		}
	}
	st, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		indicator string
		want      int
	}{{"gdp", 2}, {"budget_revenue", 1}} {
		s, err := st.Series(context.Background(), plancast.SeriesQuery{Region: "houma", Indicator: c.indicator})
		if err != nil || len(s.Observations) != c.want {
			t.Errorf("houma %s in the data dir: %v, %+v; want %d figures", c.indicator, err, s, c.want)
		}
	}
	st.Close()

	// One sheet, as before: the note says how to read them all.
	code, stdout, _ := run(t, "ingest", "--data-dir", catalogDir(t), "--dry-run", "--published", "2023-03-01", book)
	if code != 0 || !strings.Contains(stdout, `sheet "财政" holds a table too and was not read: push every sheet that holds a table in one batch `+
		`(plancast ingest --all-sheets book.xlsx, or ?all_sheets=true on the push)`) {
		t.Errorf("without --all-sheets: exit %d, stdout\n%s\nwant a note saying how to read every sheet", code, stdout)
	}

	code, _, stderr := run(t, "ingest", "--data-dir", dir, "--sheet", "GDP", "--all-sheets", book)
	if want := `--sheet "GDP" and --all-sheets ask for one sheet and for every sheet: give one of them`; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("--sheet with --all-sheets: exit %d, stderr %q; want 2 and %q", code, stderr, want)
	}
}
