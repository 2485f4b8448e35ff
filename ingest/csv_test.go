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
