package ingest

import (
	"strings"
	"testing"
)

// Bulletins write a growth's fall in words ("下降3.2"), and its rise too
// ("增长5.2"; "持平" for none). Such a cell was refused as "is not a
// number" with no word of how to write it: it is told the number to write.
func TestAGrowthWrittenInWordsIsToldTheNumberToWrite(t *testing.T) {
	for _, c := range []struct{ cell, write string }{
		{"下降3.2", "-3.2"},
		{"下降 3.2%", "-3.2"},
		{"降低0.5", "-0.5"},
		{"增长5.2", "5.2"},
		{"增长５．２％", "5.2"},
		{"持平", "0"},
		{"down 3.2", "-3.2"},
	} {
		b := parseString(t, "gg.csv", "指标,单位,2024年,比上年增长(%)\n地区生产总值,亿元,152.8,"+c.cell+"\n", Options{Region: "houma"})
		want := `gg.csv row 2 column D (growth): "` + strings.TrimSpace(c.cell) + `" is not a number: ` +
			`a growth is written as a number in percent, a fall with a minus sign: write ` + c.write
		if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.cell, got, want)
		}
	}

	// Words that are no change are not a number, as before.
	b := parseString(t, "gg.csv", "指标,单位,2024年,比上年增长(%)\n地区生产总值,亿元,152.8,增长较快\n", Options{Region: "houma"})
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != `gg.csv row 2 column D (growth): "增长较快" is not a number` {
		t.Errorf("words: problems\n%s", got)
	}
}

// A JSON item's value written with its unit ("39,380元") is told to give
// the unit in the item's "unit" key: a JSON document has no unit column
// and no header, where a table's figure is told to give it.
func TestAJSONValueWithItsUnitIsToldTheUnitKey(t *testing.T) {
	b := parseString(t, "obs.json", `{"observations": [
  {"region": "houma", "indicator": "urban_disposable_income", "year": 2023, "value": "39,380元"}
]}`, Options{})
	want := `obs.json line 2 (value): "39,380元" is a number with its unit: give the number alone, and 元 as the unit in the item's "unit" key ("value": 39380, "unit": "元")`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}

	// A table's is told its unit column or its header, as before.
	b = parseString(t, "obs.csv", "region,indicator,year,value\nhouma,urban_disposable_income,2023,\"39,380元\"\n", Options{})
	want = `obs.csv row 2 column D (value): "39,380元" is a number with its unit: give the number alone, and 元 as the unit (in a unit column, or in the header: "value (元)")`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("a table: problems\n%s\nwant\n%s", got, want)
	}
}
