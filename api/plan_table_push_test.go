package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/ingest"
)

// planTable is a Five-Year Plan's targets table as plans print it: no plan
// and no kind column, the base year's figures, the target year's targets,
// the average growth and whether each is binding (属性).
const planTable = "类别,指标,单位,2020年,2025年,年均增长（%）,属性\n" +
	"经济发展,地区生产总值,亿元,120.8,250,15.7,预期性\n" +
	"经济发展,城镇居民人均可支配收入,元,33029,46000,6.9,预期性\n"

// A plan's targets table pushed to the figures route was stored as
// figures, its 2025 targets as 2025's figures (final, dated the day of the
// push), and the targets then read "achieved" against themselves; pushed to
// the targets route it was refused as figures. The figures route refuses
// it now, naming the column that marks it and pointing to the targets
// route, and writes nothing; the targets route reads it as targets, as the
// figures route does when the push says it takes such a table as targets
// (plan_tables=true, as plancast ingest --server sends).
func TestAPlansTargetsTableIsRefusedAsFiguresAndReadAsTargets(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	version := s.get("/api/v1/targets").header.Get("X-Data-Version")

	var pr api.PushResponse
	s.do("POST", "/api/v1/observations?filename=fyp.csv", "text/csv", houma, []byte(planTable)).decode(t, http.StatusBadRequest, &pr)
	want := `fyp.csv row 1 column G (binding): column G ("属性") says whether a target is binding (约束性) or expected (预期性), a target's field: ` +
		`the table is a plan's targets, not figures, and its column E ("2025年") would be stored as figures of 2025; ` +
		`push it to POST /api/v1/targets, which reads it as targets (as plancast ingest does), or push figures in a table without target columns`
	if pr.Report == nil || len(pr.Report.Problems) != 1 || pr.Report.Problems[0].Error() != want {
		t.Errorf("pushed as figures: %+v %+v; want one problem: %s", pr.Error, pr.Report, want)
	}
	if v := s.get("/api/v1/targets").header.Get("X-Data-Version"); v != version {
		t.Errorf("the data version moved from %s to %s: something was written", version, v)
	}

	for _, path := range []string{"/api/v1/targets?filename=fyp.csv&dry_run=true", "/api/v1/observations?filename=fyp.csv&plan_tables=true&dry_run=true"} {
		var pr api.PushResponse
		s.do("POST", path, "text/csv", houma, []byte(planTable)).decode(t, http.StatusOK, &pr)
		// The seed holds the 250 of 2025, from 2020: restated, unchanged.
		if r := pr.Report; r.New+r.Revised != 0 || r.Targets.New != 3 || r.Targets.Unchanged != 1 {
			t.Errorf("%s: report %+v; want 3 new targets, 1 unchanged, no figure", path, r)
		}
		if notes := strings.Join(pr.Report.Notes, "\n"); !strings.Contains(notes, "read as a plan's targets table (no plan or kind column): plan 14th-fyp") {
			t.Errorf("%s: notes\n%s\nwant one saying how the table was read", path, notes)
		}
	}

	s.do("POST", "/api/v1/targets?filename=fyp.csv", "text/csv", houma, []byte(planTable)).decode(t, http.StatusOK, &pr)
	if r := s.get("/api/v1/series/houma/gdp?from=2025&to=2025"); r.status != http.StatusNotFound {
		t.Errorf("houma gdp 2025: status %d %s; want 404, no such figure", r.status, r.body)
	}
	var ts struct{ Targets []plancast.Target }
	s.get("/api/v1/targets?region=houma&indicator=urban_disposable_income&plan=14th-fyp").decode(t, http.StatusOK, &ts)
	if len(ts.Targets) != 2 {
		t.Errorf("houma urban_disposable_income 14th-fyp targets: %+v; want the level and the average growth", ts.Targets)
	}
	if r := s.do("POST", "/api/v1/observations?plan_tables=maybe", "text/csv", houma, []byte(planTable)); r.status != http.StatusBadRequest ||
		!strings.Contains(string(r.body), `plan_tables=\"maybe\" must be true or false`) {
		t.Errorf("plan_tables=maybe: %d %s; want 400", r.status, r.body)
	}
}

// A workbook of a sheet of figures and a sheet with the plan's targets
// table, pushed whole to the targets route (all_sheets=true), is refused
// at the first figure (file, sheet, row), naming the sheets of figures
// and the push that takes the whole workbook, the figures route with
// plan_tables=true; a file of figures alone is pointed to the figures
// route. Both answered "this route takes targets; push figures to
// /api/v1/observations", with no file, sheet or row. Nothing is written,
// and the push it names takes the workbook.
func TestFiguresPushedToTheTargetsRouteAreRefusedAtTheirPlace(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	book := bookOfSheets(t,
		"2024年", [][]any{{"指标", "单位", "2024年", "比上年增长（%）"}, {"地区生产总值", "亿元", 160.2, 6.7}, {"一般公共预算收入", "亿元", 8.5, 6.25}},
		"十四五目标", [][]any{{"指标", "单位", "2020年", "2025年", "年均增长（%）", "属性"}, {"地区生产总值", "亿元", 120.8, 250.0, 15.7, "预期性"}, {"城镇登记失业率", "%", 3.6, "5.5以内", nil, "预期性"}})
	version := s.get("/api/v1/targets").header.Get("X-Data-Version")

	msg := s.do("POST", "/api/v1/targets?all_sheets=true&filename=hd_mix.xlsx&published=2025-03-20", ingest.ContentTypeXLSX, houma, book).wantError(t, http.StatusBadRequest, plancast.EINVALID)
	want := `hd_mix.xlsx sheet 2024年 row 2: houma gdp 2024 is a figure (2 figures, in hd_mix.xlsx sheet 2024年), and this route takes targets only: ` +
		`push the figures and the targets together to POST /api/v1/observations?all_sheets=true&plan_tables=true (the other parameters as here), ` +
		`which takes both, a plan's targets table too; or push here only the tables of targets`
	if msg != want {
		t.Errorf("the workbook on the targets route: %s\nwant %s", msg, want)
	}
	msg = s.do("POST", "/api/v1/targets?filename=fig.csv", "text/csv", houma, []byte("region,indicator,year,value\nhouma,gdp,2024,160.2\n")).wantError(t, http.StatusBadRequest, plancast.EINVALID)
	if want := `fig.csv row 2: houma gdp 2024 is a figure, and this route takes targets only: push figures to POST /api/v1/observations`; msg != want {
		t.Errorf("figures on the targets route: %s\nwant %s", msg, want)
	}
	if v := s.get("/api/v1/targets").header.Get("X-Data-Version"); v != version {
		t.Errorf("the data version moved from %s to %s: something was written", version, v)
	}

	var pr api.PushResponse
	s.do("POST", "/api/v1/observations?all_sheets=true&plan_tables=true&filename=hd_mix.xlsx&published=2025-03-20&dry_run=true", ingest.ContentTypeXLSX, houma, book).decode(t, http.StatusOK, &pr)
	if r := pr.Report; r.New+r.Revised != 2 || r.Targets.New+r.Targets.Revised+r.Targets.Unchanged != 3 {
		t.Errorf("the push named: report %+v; want the 2 figures and the 3 targets", r)
	}
}
