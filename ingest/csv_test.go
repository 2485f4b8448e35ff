package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A quote that opens a field and is never closed makes every line after it
// part of that field, as far as the next quote that could close it or the end
// of the file. The rows it swallows must not come back as problems of their
// own (an unknown region, a value that is not a number): the one problem is
// the quote, named with its file, the row where it opens and its column, and
// nothing after it is read.
func TestAnUnclosedQuoteIsReportedWhereItOpens(t *testing.T) {
	const head = "region,indicator,year,value\nhouma,gdp,2020,120.8\n"
	for _, c := range []struct {
		name, rows, want string
	}{
		{"the last row", "houma,gdp,2021,\"130.5\n",
			`q.csv row 3 column D: a quoted field is not closed: the quote before "130.5" on line 3 runs to the end of the file; ` +
				`end the field with a quote, and write a quote inside a quoted field twice ("")`},
		{"the last row, without a line break", "houma,gdp,2021,\"130.5",
			`q.csv row 3 column D: a quoted field is not closed: the quote before "130.5" on line 3 runs to the end of the file; ` +
				`end the field with a quote, and write a quote inside a quoted field twice ("")`},
		{"rows after it", "houma,gdp,2021,\"130.5\nhouma,gdp,2022,140\nzizhou,gdp,2022,80\n",
			`q.csv row 3 column D: a quoted field is not closed: the quote before "130.5" on line 3 runs to the end of the file; ` +
				`end the field with a quote, and write a quote inside a quoted field twice ("")`},
		{"a quoted field in a later row", "houma,\"gdp,2021,130.5\nhouma,gdp,2022,\"140\"\nhouma,gdp,2023,150\n",
			`q.csv row 3 column B: a quoted field is not closed: the quote before "gdp,2021,130.5" on line 3 is not closed on its line ` +
				`and runs on to line 4; end the field with a quote, and write a quote inside a quoted field twice ("")`},
		{"a field of the row that spans lines", "houma,gdp,2021,130.5,\"two\nlines\",\"open\nhouma,gdp,2022,\"140\"\n",
			`q.csv row 3 column F: a quoted field is not closed: the quote before "open" on line 4 is not closed on its line ` +
				`and runs on to line 5; end the field with a quote, and write a quote inside a quoted field twice ("")`},
	} {
		b := parseString(t, "q.csv", head+c.rows, Options{})
		if got := strings.Join(problemTexts(b.Problems), "\n"); got != c.want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, c.want)
		}
		if len(b.Observations) != 1 {
			t.Errorf("%s: %d figures read, want only row 2's: nothing from the quote on", c.name, len(b.Observations))
		}
	}
}

// The batch with an unclosed quote is refused whole: row 2 is good, but
// nothing of the file is written.
func TestAnUnclosedQuoteWritesNothing(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	b := parseString(t, "q.csv", "region,indicator,year,value\nhouma,gdp,2020,120.8\nhouma,gdp,2021,\"130.5\n", Options{})
	rep, err := Apply(ctx, st, b, ApplyOptions{})
	if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 || rep.Rejected != 1 {
		t.Fatalf("Apply: %v, %d problems, %d rejected; want EINVALID, one problem, one row rejected", err, len(rep.Problems), rep.Rejected)
	}
	if _, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"}); plancast.ErrorCode(err) != plancast.ENOTFOUND {
		t.Errorf("houma gdp after the refused batch: %v, want not found", err)
	}
}

// Quotes that open no field, or that a field opens and closes on its line,
// are read as before: a quote inside an unquoted field as it is, a doubled
// quote as one, a quoted field over several lines when it is closed, and a
// stray quote inside a field quoted on one line as it is.
func TestQuotesThatCloseAreReadAsWritten(t *testing.T) {
	b := parseString(t, "quotes.csv", "region,indicator,year,value,source,quote\n"+
		"houma,gdp,2017,101.2,report,规划\"十四五\"目标\n"+
		"houma,gdp,2018,108,\"report\",\"他说\"\"好\"\"\"\n"+
		"houma,gdp,2019,116,report,\"a line\nand another\"\n"+
		"houma,gdp,2020,120.8,report,\"a \"stray\" quote\"\n", Options{})
	noProblems(t, b)
	want := map[int]string{2017: `规划"十四五"目标`, 2018: `他说"好"`, 2019: "a line\nand another", 2020: `a "stray" quote`}
	find := figureFinder(t, b, len(want))
	for year, quote := range want {
		if o, ok := find("houma", "gdp", "", year); ok && o.Source.Quote != quote {
			t.Errorf("%d: quote %q, want %q", year, o.Source.Quote, quote)
		}
	}
}

// A quote that opens a field and is closed at the end of a later line is
// valid CSV: the field holds the lines between, and the rows on them are
// gone into it. In a column of numbers, years or codes that is never
// meant, and it used to come back as `"130.5\nhouma,gdp,2022,140" is not a
// number`. It is one problem at the row and column where the cell starts,
// naming its field and the lines it runs over; the rows after its last
// line are read as usual.
func TestAQuoteClosedOnALaterLineIsSaidOfTheFieldItOpens(t *testing.T) {
	const head = "region,indicator,year,value\nhouma,gdp,2020,120.8\n"
	const mend = `end the field with a quote on line 3, and write a quote inside a quoted field twice ("")`
	for _, c := range []struct {
		name, table, want string
		figures           int
	}{
		{"a value", head + "houma,gdp,2021,\"130.5\nhouma,gdp,2022,140\"\nhouma,gdp,2023,150\n",
			`q.csv row 3 column D (value): the quoted cell "130.5" runs over lines 3–4 (it holds 1 line break), ` +
				"so a closing quote is probably missing: a value cell holds no line break; " + mend, 2},
		{"a year", head + "houma,gdp,\"2021,130.5\nhouma,gdp,2022,140\nhouma,gdp,2023\",150\nhouma,gdp,2024,160\n",
			`q.csv row 3 column C (year): the quoted cell "2021,130.5" runs over lines 3–5 (it holds 2 line breaks), ` +
				"so a closing quote is probably missing: a year cell holds no line break; " + mend, 2},
		{"a region code", head + "\"houma,gdp,2021,130.5\nzizhou\",gdp,2021,80\n",
			`q.csv row 3 column A (region): the quoted cell "houma,gdp,2021,130.5" runs over lines 3–4 (it holds 1 line break), ` +
				"so a closing quote is probably missing: a region cell holds no line break; " + mend, 1},
		{"a year column of a wide table", "region,indicator,2020,2021\nhouma,gdp,120.8,130.5\nzizhou,gdp,80,\"85\nguyang,gdp,50,56\"\n",
			`q.csv row 3 column D (value): the quoted cell "85" runs over lines 3–4 (it holds 1 line break), ` +
				"so a closing quote is probably missing: a value cell holds no line break; " + mend, 2},
	} {
		b := parseString(t, "q.csv", c.table, Options{})
		if got := strings.Join(problemTexts(b.Problems), "\n"); got != c.want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, c.want)
		}
		if len(b.Observations) != c.figures {
			t.Errorf("%s: %d figures read, want %d: the rows before the cell and after its last line", c.name, len(b.Observations), c.figures)
		}
	}
}

// A line break is kept where one may be meant: in a free-text cell (a note,
// a source, a quote) and in a column the table does not read, as long as
// the lines after it do not read as rows (csv_swallowed_test.go).
func TestALineBreakInAFreeTextCellIsKept(t *testing.T) {
	b := parseString(t, "notes.csv", "region,indicator,year,value,source,remarks\n"+
		"houma,gdp,2020,120.8,\"report,\npage 3\",\"checked\nby the bureau\"\n"+
		"houma,gdp,2021,130.5,report,\n", Options{})
	noProblems(t, b)
	if len(b.Observations) != 2 || b.Observations[0].Source.Document != "report,\npage 3" {
		t.Errorf("figures %+v, want 2, the first from \"report,\\npage 3\"", b.Observations)
	}
	targets := parseString(t, "targets.csv", "region,indicator,plan,kind,year,value,note\n"+
		"houma,gdp,14th-fyp,level,2025,250,\"25 billion yuan\n= 250 亿元\"\n", Options{})
	noProblems(t, targets)
	if len(targets.Targets) != 1 || targets.Targets[0].Note != "25 billion yuan\n= 250 亿元" {
		t.Errorf("targets %+v, want one with its two-line note", targets.Targets)
	}
}
