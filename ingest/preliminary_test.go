package ingest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A preliminary figure of the year in progress is taken whether its row
// dates it or not, in every format: a government work report states the
// year in progress ("预计全年…"), and a figure of a year that has begun,
// published during it, is a preliminary figure. It was refused with the
// row's date ("published 2024-11-01, on or before the end of its period
// (2024-12-31): a preliminary figure of 2024 is published after it") and
// taken without one, on the push's date. A figure of a year not yet begun,
// or dated before its year began, is refused either way, the message
// stating the rule.
func TestAPreliminaryFigureOfTheYearInProgressIsTakenDatedOrNot(t *testing.T) {
	push := plancast.NewDate(2024, 11, 23)
	formats := []struct {
		file  string
		where string // where a row's own date is refused
		data  func(year, published string) []byte
	}{
		{"f.csv", "f.csv row 2 column F (published): ", func(y, d string) []byte {
			return []byte("region,indicator,year,value,status,published\nhouma,gdp," + y + ",160,preliminary," + d + "\n")
		}},
		{"f.json", "f.json line 1 (published): ", func(y, d string) []byte {
			pub := ""
			if d != "" {
				pub = `,"published":"` + d + `"`
			}
			return []byte(`[{"region":"houma","indicator":"gdp","year":` + y + `,"value":160,"status":"preliminary"` + pub + `}]`)
		}},
		{"f.xlsx", "f.xlsx sheet Sheet1 row 2 column F (published): ", func(y, d string) []byte {
			return styledWorkbook(t, [][]any{{"region", "indicator", "year", "value", "status", "published"}, {"houma", "gdp", y, 160, "preliminary", d}})
		}},
	}
	parse := func(file string, data []byte) *Batch {
		b, err := Parse(file, "", bytes.NewReader(data), seedCatalog(t), Options{Published: push})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, f := range formats {
		for _, published := range []string{"2024-11-01", "2024-01-01", "2024-11-23", ""} {
			b := parse(f.file, f.data("2024", published))
			if len(b.Problems) != 0 || len(b.Observations) != 1 {
				t.Errorf("%s, a preliminary figure of 2024 published %q (pushed %s): problems %q; want it taken", f.file, published, push, problemTexts(b.Problems))
				continue
			}
			want := push
			if published != "" {
				want, _ = plancast.ParseDate(published)
			}
			if o := b.Observations[0]; o.Status != plancast.StatusPreliminary || !o.Published.Equal(want) {
				t.Errorf("%s published %q: %+v; want preliminary, published %s", f.file, published, o, want)
			}
		}
		// Before its year began: refused, dated or not.
		const rule = "a figure of 2025 is published in 2025 or later (a preliminary figure or an estimate from 2025-01-01 on); is the year or the date a typo?"
		b := parse(f.file, f.data("2025", "2024-11-01"))
		if want := f.where + "published 2024-11-01, before 2025 began: " + rule; len(b.Problems) != 1 || problemTexts(b.Problems)[0] != want {
			t.Errorf("%s, a figure of 2025 dated 2024-11-01: problems %q; want %q", f.file, problemTexts(b.Problems), want)
		}
		b = parse(f.file, f.data("2025", ""))
		if got := problemTexts(b.Problems); len(got) != 1 || !strings.HasSuffix(got[0], "published 2024-11-23 (the push's date: the row gives none), before 2025 began: "+rule) {
			t.Errorf("%s, a figure of 2025 pushed undated on 2024-11-23: problems %q; want it refused, stating the rule", f.file, got)
		}
	}
}

// Checking a published date that fits its figure allocates nothing: it is
// done for every row of every table, and naming the figure's year for a
// message not written was an allocation per row (100,000 of the 560,000 of
// BenchmarkParseLongCSV100k).
func TestAPublishedDateThatFitsIsCheckedWithoutAllocating(t *testing.T) {
	var p parser
	for _, c := range []struct {
		m         rowMeta
		published string
	}{
		{rowMeta{status: plancast.StatusFinal, period: plancast.PeriodYear, published: plancast.NewDate(2025, 3, 1)}, "2025-03-01"},
		{rowMeta{status: plancast.StatusFinal, period: plancast.PeriodYear, published: plancast.NewDate(2025, 3, 1)}, ""},
		{rowMeta{status: plancast.StatusPreliminary, period: "h1", published: plancast.NewDate(2024, 7, 15)}, "2024-07-15"},
	} {
		pc, yc := cell{field: fieldPublished, text: c.published}, cell{field: fieldYear, text: "2024"}
		if n := testing.AllocsPerRun(100, func() {
			if !p.publishedFits(pc, yc, c.m, 2024) {
				t.Fatalf("%+v: refused: %q", c.m, problemTexts(p.ps.list))
			}
		}); n != 0 {
			t.Errorf("%+v published %q: %v allocations a check; want none", c.m, c.published, n)
		}
	}
}
