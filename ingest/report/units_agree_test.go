package report

import (
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

// The report reader and the table readers agree on every unit word the
// report reader knows: each word (each English phrase, by its spelling) is
// a unit the tables read as the same code, and a number in it converts to
// every unit code to the same value in both, or in neither (a unit of
// another dimension). Before, the tables refused 万人 ("does not convert to
// persons") and 万千瓦时, 万立方米 ("not a known unit") that reports read as
// 6200 persons and 0.0125 亿千瓦时: each kept a table of its own.
// Percentage points are no unit of a figure (a change in a rate) and are
// left out.
func TestTheReportReaderAndTheTablesAgreeOnEveryUnitWord(t *testing.T) {
	const number = 0.62
	seen := map[string]bool{}
	for _, p := range unitPatterns {
		if p.word == "" {
			t.Errorf("the unit pattern %s names no word: give it the word it reads, or a spelling of it", p.re)
			continue
		}
		if !p.re.MatchString(p.word) {
			t.Errorf("the unit pattern %s does not match its word %q", p.re, p.word)
		}
		if p.dim == dimPoints {
			continue
		}
		seen[p.code] = true
		text := "0.62" + p.word + "。"
		if !isChinese(p.word) {
			text = "0.62 " + p.word + "."
		}
		qs := findQuantities(text, 0, len(text))
		if len(qs) != 1 || qs[0].dim != p.dim || len(qs[0].readings) != 1 {
			t.Errorf("the report reads %q as %+v; want one quantity of %s", text, qs, p.dim)
			continue
		}
		code, ok := ingest.ParseUnit(p.word)
		if !ok || code != p.code {
			t.Errorf("the tables read the unit %q as %q (%v); the report reader as %q", p.word, code, ok, p.code)
			continue
		}
		for _, u := range plancast.Units {
			fromReport, okReport := toUnit(qs[0].readings[0].base, qs[0].dim, u.Code)
			fromTable, err := ingest.Convert(number, code, u.Code)
			switch {
			case okReport != (err == nil):
				t.Errorf("0.62 %s in %s: the report converts: %v, the tables: %v", p.word, u.Code, okReport, err)
			case okReport && fromReport != fromTable:
				t.Errorf("0.62 %s in %s: the report reads %v, the tables %v", p.word, u.Code, fromReport, fromTable)
			}
		}
	}
	// And the report reads every unit of plancast.Units that converts.
	for _, u := range plancast.Units {
		if u.Dim != "" && !seen[u.Code] {
			t.Errorf("the report reader reads no word as %s (%s), a unit of plancast.Units the tables convert", u.Code, u.Zh)
		}
	}
}

// The words the tables and reports convert, by dimension, with their exact
// sizes: 0.62万人 is 6200 persons; 125万千瓦时 is 0.0125 亿千瓦时.
func TestTheReportReaderConvertsEachDimensionsUnits(t *testing.T) {
	for _, c := range []struct {
		text, unit string
		want       float64
	}{
		{"0.62万人", "persons", 6200},
		{"6.2千人", "persons", 6200},
		{"6200人", "10k_persons", 0.62},
		{"125万千瓦时", "100m_kwh", 0.0125},
		{"125万度", "100m_kwh", 0.0125},
		{"3.7亿千瓦时", "10k_kwh", 37000},
		{"125万立方米", "100m_m3", 0.0125},
		{"2500000立方米", "100m_m3", 0.025},
		{"1.05百万吨", "10k_tons", 105},
		{"10500吨", "10k_tons", 1.05},
		{"41000万元", "100m_yuan", 4.1},
	} {
		qs := findQuantities(c.text, 0, len(c.text))
		if len(qs) != 1 {
			t.Errorf("%s: %d quantities; want 1", c.text, len(qs))
			continue
		}
		got, ok := toUnit(qs[0].readings[0].base, qs[0].dim, c.unit)
		if !ok || got != c.want {
			t.Errorf("%s in %s = %v (%v); want exactly %v", c.text, c.unit, got, ok, c.want)
		}
	}
	// A count is no money.
	qs := findQuantities("0.62万人", 0, len("0.62万人"))
	if _, ok := toUnit(qs[0].readings[0].base, qs[0].dim, "100m_yuan"); ok {
		t.Errorf("0.62万人 converts to 100m_yuan; want it refused")
	}
}
