package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A comma after the decimal point is never read: "1.234,5" is 1234.5 where
// a point groups the thousands and a comma marks the decimals, and was
// stored as 1.2345 with the comma dropped. The number is refused, and when
// it reads as a decimal comma the message names that figure in the form to
// write.
func TestParseNumberRefusesACommaOrSpaceAfterThePoint(t *testing.T) {
	for _, tc := range []struct {
		cell string
		says string // what the error must say; "" for errAfterPoint itself
	}{
		{"1.234,5", "write 1234.5 if that is the figure (or 1,234.5)"},
		{"32.456,7", "write 32456.7 if that is the figure (or 32,456.7)"},
		{"15.300,5", "write 15300.5 if that is the figure (or 15,300.5)"},
		{"-12.345.678,9", "write -12345678.9 if that is the figure (or -12,345,678.9)"},
		{"１．２３４，５", "write 1234.5"}, // full width, as Chinese spreadsheets type it
		{"1.234,5%", "write 1234.5"},
		{"4.5,0", ""},       // no decimal-comma reading: 4.5 is not grouped in threes
		{"1,234.567,8", ""}, // a comma on both sides of the point
		{"1.234 5", ""},     // a space after the point
		{"1.2345,", ""},
	} {
		_, err := parseNumber(tc.cell)
		switch {
		case err == nil:
			t.Errorf("parseNumber(%q) = a number; want it refused", tc.cell)
		case tc.says == "" && err != errAfterPoint:
			t.Errorf("parseNumber(%q) error = %v; want %v", tc.cell, err, errAfterPoint)
		case tc.says != "" && !strings.Contains(err.Error(), tc.says):
			t.Errorf("parseNumber(%q) error = %v; want one saying %q", tc.cell, err, tc.says)
		}
	}
	// What was read before still is: the point is the decimal mark, and
	// commas and spaces group the digits before it.
	for cell, want := range map[string]float64{"1,234.5": 1234.5, "1 234.5": 1234.5, "1.2345": 1.2345, "1.5e3": 1500, "-0.5": -0.5} {
		if got, err := parseNumber(cell); err != nil || got != want {
			t.Errorf("parseNumber(%q) = %v, %v; want %v", cell, got, err, want)
		}
	}
}

// Every number a push holds is read by parseNumber, so a decimal comma is
// refused at its cell in each: a long CSV, a wide CSV, a JSON string value,
// a workbook's text cell, a target's value and a stated growth.
func TestEachFormatRefusesADecimalCommaAtItsCell(t *testing.T) {
	for _, c := range []struct {
		name, file, content string
		where, cell         string // the problem's place, as Problem.Error starts, and the quoted cell
	}{
		{"long CSV", "euro.csv",
			"region,indicator,year,value,unit\nzizhou,urban_disposable_income,2021,\"32.456,7\",元\n",
			"euro.csv row 2 column D (value)", `"32.456,7"`},
		{"long CSV, a stated growth", "euro.csv",
			"region,indicator,year,value,growth\nhouma,gdp,2021,130.5,\"8.1,0\"\n",
			"euro.csv row 2 column E (growth)", `"8.1,0"`},
		{"wide CSV", "wide.csv",
			"地区,指标,2020,2021\n侯马市,地区生产总值,120.8,\"1.234,5\"\n",
			"wide.csv row 2 column D (value)", `"1.234,5"`},
		{"semicolon CSV, as European Excel writes it", "semi.csv",
			"region;indicator;year;value\nhouma;gdp;2021;1.234,5\n",
			"semi.csv row 2 column D (value)", `"1.234,5"`},
		{"JSON string value", "euro.json",
			`[{"region":"guyang","indicator":"urban_disposable_income","year":2010,"value":"15.300,5","unit":"元"}]`,
			"euro.json line 1 (value)", `"15.300,5"`},
		{"target CSV", "targets.csv",
			"region,indicator,plan,kind,year,base_year,value\nhouma,gdp,14th-fyp,level,2025,2020,\"2.500,0\"\n",
			"targets.csv row 2 column G (value)", `"2.500,0"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseString(t, c.file, c.content, Options{})
			refusedAt(t, b, c.where, c.cell)
		})
	}
	t.Run("workbook text cell", func(t *testing.T) {
		f := excelize.NewFile()
		defer f.Close()
		for i, r := range [][]any{{"地区", "指标", "年份", "数值"}, {"侯马市", "地区生产总值", 2021, "1.234,5"}} {
			if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		b, err := Parse("euro.xlsx", "", &buf, seedCatalog(t), Options{Published: pushDate})
		if err != nil {
			t.Fatal(err)
		}
		refusedAt(t, b, "euro.xlsx sheet Sheet1 row 2 column D (value)", `"1.234,5"`)
	})
}

// refusedAt checks that b holds one problem (so that nothing of it is
// written), at where, quoting cell as not a number.
func refusedAt(t *testing.T, b *Batch, where, cell string) {
	t.Helper()
	if len(b.Problems) != 1 {
		t.Fatalf("problems %v; want one", b.Problems)
	}
	if got, want := b.Problems[0].Error(), where+": "+cell+" is not a number: it has a comma"; !strings.HasPrefix(got, want) {
		t.Errorf("problem %q;\nwant it to start %q", got, want)
	}
}
