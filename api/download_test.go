package api_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// sheet is a downloaded table: the header and the rows as text, from CSV or
// from the first sheet of an XLSX file (the cells' raw values, not as shown).
type sheet struct {
	header []string
	rows   [][]string
}

// col is the index of a header, failing the test when it is missing.
func (sh sheet) col(t *testing.T, name string) int {
	t.Helper()
	for i, h := range sh.header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %q", name, sh.header)
	return -1
}

// cell is row r's value in column name ("" past the row's end: XLSX rows
// stop at their last non-empty cell).
func (sh sheet) cell(t *testing.T, r int, name string) string {
	t.Helper()
	i := sh.col(t, name)
	if i >= len(sh.rows[r]) {
		return ""
	}
	return sh.rows[r][i]
}

// num parses a numeric cell.
func (sh sheet) num(t *testing.T, r int, name string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(sh.cell(t, r, name), 64)
	if err != nil {
		t.Fatalf("row %d %s: %v", r, name, err)
	}
	return v
}

// download fetches a CSV or XLSX answer and reads it back.
func download(t *testing.T, s *server, path, format, wantFile string) sheet {
	t.Helper()
	r := s.get(path)
	if r.status != 200 {
		t.Fatalf("GET %s = %d: %s", path, r.status, r.body)
	}
	if cd := r.header.Get("Content-Disposition"); cd != `attachment; filename="`+wantFile+`"` {
		t.Fatalf("GET %s: Content-Disposition %q, want the file %s", path, cd, wantFile)
	}
	var all [][]string
	switch format {
	case "csv":
		if !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
			t.Fatalf("GET %s: Content-Type %q", path, r.header.Get("Content-Type"))
		}
		var err error
		all, err = csv.NewReader(bytes.NewReader(bytes.TrimPrefix(r.body, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	case "xlsx":
		f, err := excelize.OpenReader(bytes.NewReader(r.body))
		if err != nil {
			t.Fatalf("GET %s: not an XLSX file: %v", path, err)
		}
		defer f.Close()
		all, err = f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(all) == 0 {
		t.Fatalf("GET %s: no header", path)
	}
	return sheet{header: all[0], rows: all[1:]}
}

// closeTo compares a downloaded number with the JSON answer's: XLSX keeps
// 15 significant digits, CSV every one.
func closeTo(got, want float64) bool {
	return math.Abs(got-want) <= 1e-12*math.Max(1, math.Abs(want))
}

func testDownloads(t *testing.T, s *server) {
	var resp api.AssessmentResponse
	s.get("/api/v1/regions/houma/assessment").decode(t, 200, &resp)
	if len(resp.Assessments) < 5 {
		t.Fatalf("houma has %d assessments, the seed more than 5", len(resp.Assessments))
	}
	for _, format := range []string{"csv", "xlsx"} {
		t.Run("AssessmentAs"+strings.ToUpper(format), func(t *testing.T) {
			sh := download(t, s, "/api/v1/regions/houma/assessment?format="+format, format, "houma_assessment."+format)
			if len(sh.rows) != len(resp.Assessments)+len(resp.Unassessed) {
				t.Fatalf("%d rows, want the answer's %d assessed and %d unassessed", len(sh.rows), len(resp.Assessments), len(resp.Unassessed))
			}
			// Row for row the JSON answer's numbers, in its order (by risk).
			for i, a := range resp.Assessments {
				if sh.cell(t, i, "region") != "houma" || sh.cell(t, i, "indicator") != a.Indicator || sh.cell(t, i, "plan") != a.Plan ||
					sh.cell(t, i, "kind") != a.Kind || sh.cell(t, i, "status") != a.Status || sh.num(t, i, "year") != float64(a.Year) {
					t.Fatalf("row %d = %q, want %s %s %s %d %s", i, sh.rows[i], a.Indicator, a.Plan, a.Kind, a.Year, a.Status)
				}
				if !closeTo(sh.num(t, i, "probability"), a.Probability) || !closeTo(sh.num(t, i, "target"), a.TargetValue) ||
					!closeTo(sh.num(t, i, "latest"), a.LatestValue) || sh.cell(t, i, "explanation") != a.Explanation {
					t.Fatalf("row %d = %q, want %+v", i, sh.rows[i], a)
				}
				if a.Projected != nil && (!closeTo(sh.num(t, i, "projected"), a.Projected.Mean) || !closeTo(sh.num(t, i, "lo95"), a.Projected.Lo95) || !closeTo(sh.num(t, i, "hi80"), a.Projected.Hi80)) {
					t.Fatalf("row %d = %q, want the projection %+v", i, sh.rows[i], *a.Projected)
				}
				if a.RequiredGrowth != nil && !closeTo(sh.num(t, i, "required_growth"), *a.RequiredGrowth) {
					t.Fatalf("row %d: required_growth %s, want %v", i, sh.cell(t, i, "required_growth"), *a.RequiredGrowth)
				}
			}
			gdp := -1
			for i := range resp.Assessments {
				if sh.cell(t, i, "indicator") == "gdp" && sh.cell(t, i, "plan") == "14th-fyp" {
					gdp = i
				}
			}
			if gdp < 0 || sh.cell(t, gdp, "region_name") != "Houma" || sh.cell(t, gdp, "unit") != "100 million yuan" ||
				math.Abs(sh.num(t, gdp, "required_growth")-0.156) > 0.002 || sh.cell(t, gdp, "status") != "off_track" ||
				sh.num(t, gdp, "pace_year") != 2032 { // 6.3% a year from 120.8 reaches 250 in 2032
				t.Fatalf("Houma's 250 by 2025: row %d of %q", gdp, sh.rows)
			}
		})
	}

	t.Run("AssessmentInChinese", func(t *testing.T) {
		r := s.get("/api/v1/regions/houma/assessment?format=csv&lang=zh&plan=14th-fyp")
		if !bytes.HasPrefix(r.body, []byte("\uFEFF")) {
			t.Fatalf("a Chinese CSV starts with a byte-order mark for Excel: %q", r.body[:min(len(r.body), 20)])
		}
		sh := download(t, s, "/api/v1/regions/houma/assessment?format=xlsx&lang=zh&plan=14th-fyp", "xlsx", "houma_assessment_14th-fyp.xlsx")
		for i := range sh.rows {
			if sh.cell(t, i, "指标代码") == "gdp" {
				if sh.cell(t, i, "地区") != "侯马市" || sh.cell(t, i, "规划") != "十四五" || sh.cell(t, i, "目标类型") != "总量" ||
					sh.cell(t, i, "状态") != plancast.StatusZh[plancast.StatusOffTrack] || !strings.Contains(sh.cell(t, i, "说明"), "达成概率") {
					t.Fatalf("Chinese row = %q", sh.rows[i])
				}
				return
			}
		}
		t.Fatalf("no gdp row in %q", sh.rows)
	})

	t.Run("UnassessedTargetsAreListedWithTheirReason", func(t *testing.T) {
		var all api.AssessmentResponse
		s.get("/api/v1/assessment?plan=2022-annual").decode(t, 200, &all)
		sh := download(t, s, "/api/v1/assessment?plan=2022-annual&format=csv", "csv", "assessment_2022-annual.csv")
		if len(all.Unassessed) == 0 || len(sh.rows) != len(all.Assessments)+len(all.Unassessed) {
			t.Fatalf("%d rows for %d assessed and %d unassessed", len(sh.rows), len(all.Assessments), len(all.Unassessed))
		}
		last := len(sh.rows) - 1
		u := all.Unassessed[len(all.Unassessed)-1]
		if sh.cell(t, last, "status") != "unassessed" || sh.cell(t, last, "explanation") != u.Reason || sh.cell(t, last, "projected") != "" || sh.cell(t, last, "binding") == "" {
			t.Fatalf("unassessed row = %q, want %+v", sh.rows[last], u)
		}
		// In Chinese, the reason too.
		zh := download(t, s, "/api/v1/assessment?plan=2022-annual&format=csv&lang=zh", "csv", "assessment_2022-annual.csv")
		if got := zh.cell(t, last, "说明"); got != u.ReasonZh || !strings.HasPrefix(got, "暂无") || !strings.HasSuffix(got, "的年度数据") {
			t.Fatalf("Chinese unassessed row's reason = %q, want %q", got, u.ReasonZh)
		}
	})

	t.Run("ProjectionWithItsHistory", func(t *testing.T) {
		var p plancast.Projection
		s.get("/api/v1/series/houma/gdp/projection?horizon=7").decode(t, 200, &p)
		var series api.SeriesResponse
		s.get("/api/v1/series/houma/gdp").decode(t, 200, &series)
		sh := download(t, s, "/api/v1/series/houma/gdp/projection?horizon=7&format=xlsx", "xlsx", "houma_gdp_projection.xlsx")
		n := len(series.Observations)
		if len(sh.rows) != n+7 {
			t.Fatalf("%d rows, want %d observed and 7 projected", len(sh.rows), n)
		}
		for i, o := range series.Observations {
			if sh.cell(t, i, "kind") != "observed" || sh.num(t, i, "year") != float64(o.Year) || !closeTo(sh.num(t, i, "value"), o.Value) || sh.cell(t, i, "status") != o.Status {
				t.Fatalf("observed row %d = %q, want %+v", i, sh.rows[i], o)
			}
		}
		for j, pt := range p.Points {
			i := n + j
			if sh.cell(t, i, "kind") != "projected" || sh.num(t, i, "year") != float64(pt.Year) || !closeTo(sh.num(t, i, "value"), pt.Mean) ||
				!closeTo(sh.num(t, i, "lo80"), pt.Lo80) || !closeTo(sh.num(t, i, "hi95"), pt.Hi95) {
				t.Fatalf("projected row %d = %q, want %+v", i, sh.rows[i], pt)
			}
		}
	})

	t.Run("SeriesAsXLSX", func(t *testing.T) {
		sh := download(t, s, "/api/v1/series/houma/gdp?format=xlsx", "xlsx", "houma_gdp_lin.xlsx")
		if len(sh.rows) != 2 || sh.cell(t, 0, "year") != "2015" || sh.num(t, 0, "value") != 88.9 || sh.cell(t, 1, "period") != "year" {
			t.Fatalf("series rows = %q", sh.rows)
		}
	})

	t.Run("BadParameters", func(t *testing.T) {
		s.get("/api/v1/regions/houma/assessment?format=pdf").wantError(t, 400, "invalid")
		s.get("/api/v1/series/houma/gdp/projection?format=xlsx&lang=fr").wantError(t, 400, "invalid")
		s.get("/api/v1/series/houma/gpd/projection?format=xlsx").wantError(t, 404, "not_found")
	})
}

// The series XLSX says on its About sheet what the JSON answer's notes say:
// which years the table leaves out and why (Houma's units=pch leaves out
// 2015 and 2020, and its table is empty), beside the series, the units and
// the data's date. The CSV stays one table, without them: it is what a
// script reads and what goes back into ingest. The XLSX's first sheet is
// all ingest reads, so a series XLSX pushed back is unchanged, About and
// all.
func TestTheSeriesXLSXCarriesTheNotesAndStillGoesBackIn(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	about := func(path, name string) [][]string {
		t.Helper()
		r := s.get(path)
		f, err := excelize.OpenReader(bytes.NewReader(r.body))
		if err != nil {
			t.Fatalf("GET %s: %d, not an XLSX file: %v", path, r.status, err)
		}
		defer f.Close()
		if sheets := f.GetSheetList(); len(sheets) != 2 || sheets[1] != name {
			t.Fatalf("GET %s: sheets %q; want the table and %q", path, sheets, name)
		}
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	var sr api.SeriesResponse
	s.get("/api/v1/series/houma/gdp?units=pch").decode(t, 200, &sr)
	if len(sr.Notes) != 1 {
		t.Fatalf("Houma's units=pch: notes %q; want the one on 2015 and 2020", sr.Notes)
	}
	en := about("/api/v1/series/houma/gdp?units=pch&format=xlsx", "About")
	want := [][]string{{"Scope", "Houma · Gross regional product · year"}, {"Units", "units=pch: percent change"}, {"Data as of", "the latest figures"}}
	if len(en) != 5 || !slices.EqualFunc(en[:3], want, slices.Equal) || en[3][0] != "Data version" || !slices.Equal(en[4], []string{"Left out", sr.Notes[0]}) {
		t.Errorf("the units=pch XLSX's About sheet:\n%q\nwant %q, the data version and the note %q", en, want, sr.Notes[0])
	}
	zh := about("/api/v1/series/houma/gdp?units=pch&format=xlsx&lang=zh", "说明")
	if len(zh) != 5 || !slices.Equal(zh[1], []string{"变换", "units=pch：变化率（%）"}) || len(sr.NotesZh) != 1 || !slices.Equal(zh[4], []string{"未列年份", sr.NotesZh[0]}) {
		t.Errorf("the Chinese units=pch XLSX's 说明 sheet:\n%q\nwant the units and the note in Chinese, %q", zh, sr.NotesZh)
	}
	if sh := download(t, s, "/api/v1/series/houma/gdp?units=pch&format=xlsx", "xlsx", "houma_gdp_pch.xlsx"); len(sh.rows) != 0 || sh.header[0] != "region" {
		t.Errorf("the units=pch XLSX's table: %q %q; want the header alone", sh.header, sh.rows)
	}
	if r := s.get("/api/v1/series/houma/gdp?units=pch&format=csv"); strings.Contains(string(r.body), "left out") || strings.Count(string(r.body), "\n") != 1 {
		t.Errorf("the units=pch CSV:\n%s\nwant its header alone, no notes", r.body)
	}
	if lin := about("/api/v1/series/houma/gdp?format=xlsx", "About"); len(lin) != 4 || !slices.Equal(lin[1], []string{"Units", "units=lin: levels"}) {
		t.Errorf("the levels XLSX's About sheet:\n%q\nwant the series, the units and the data's date, and no note", lin)
	}

	houma := token(t, st, plancast.Token{Region: "houma"})
	for _, lang := range []string{"en", "zh"} {
		body := s.get("/api/v1/series/houma/gdp?format=xlsx&lang=" + lang).body
		var pr api.PushResponse
		s.do("POST", "/api/v1/observations?filename=houma_gdp_lin.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", houma, body).decode(t, 200, &pr)
		if pr.Report.Unchanged != 2 || pr.Report.New+pr.Report.Revised+pr.Report.Withdrawn+pr.Report.Rejected != 0 {
			t.Errorf("the series XLSX (lang=%s) pushed back: %+v; want Houma's 2 figures unchanged", lang, pr.Report)
		}
	}
}
