package ingest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// swallowed is the problem about a free-text cell that takes in rows, after
// its place: the cell's first line, the lines its quotes are on, the first
// line it takes in that reads as a row.
func swallowed(cell string, open, closed, first int, line string) string {
	return fmt.Sprintf("the quoted cell %q runs from line %d to its closing quote on line %d and takes in line %d, "+
		"which reads as a row of this table (%q), so a closing quote is probably missing; "+
		`end the field with a quote on line %d, and write a quote inside a quoted field twice ("")`,
		cell, open, closed, first, line, open)
}

// A quote that opens a free-text cell (a note, a source, a quote, or a
// column the table does not read) and is closed at the end of a later line
// is valid CSV, and a line break in such a cell may be meant; but when the
// lines it takes in read as rows of the table, they are rows, lost into the
// cell without a word: "1 new, 0 rejected" for a file of three figures. It
// is one problem at the row and column where the quote opens, naming the
// line it is closed on and the first row it takes in; the row is not read,
// and the rows after the cell's last line are.
func TestRowsTakenIntoAFreeTextCellAreRefused(t *testing.T) {
	const head = "region,indicator,year,value,note\n"
	const example = head + "houma,gdp,2021,130.5,\"first line\nhouma,gdp,2022,140.1,\nhouma,gdp,2023,150.2,end\"\n"
	for _, c := range []struct {
		name, table string
		opt         Options
		want        string
		figures     int
	}{
		{"rows up to the end of the file", example, Options{},
			"q.csv row 2 column E (note): " + swallowed("first line", 2, 4, 3, "houma,gdp,2022,140.1,"), 0},
		{"rows before and after", head + "houma,gdp,2020,120.8,\n" + strings.TrimPrefix(example, head) + "houma,gdp,2024,160,\n", Options{},
			"q.csv row 3 column E (note): " + swallowed("first line", 3, 5, 4, "houma,gdp,2022,140.1,"), 2},
		{"one row", head + "houma,gdp,2021,130.5,\"first line\nhouma,gdp,2022,140.1,end\"\nhouma,gdp,2023,150.2,\n", Options{},
			"q.csv row 2 column E (note): " + swallowed("first line", 2, 3, 3, "houma,gdp,2022,140.1,end"), 1},
		{"closed by the file's last character", head + "houma,gdp,2021,130.5,\"first line\nhouma,gdp,2022,140.1,\nhouma,gdp,2023,150.2,\"", Options{},
			"q.csv row 2 column E (note): " + swallowed("first line", 2, 4, 3, "houma,gdp,2022,140.1,"), 0},
		{"rows without a note cell", head + "houma,gdp,2021,130.5,\"first line\nhouma,gdp,2022,140.1\nhouma,gdp,2023,150.2\"\n", Options{},
			"q.csv row 2 column E (note): " + swallowed("first line", 2, 4, 3, "houma,gdp,2022,140.1"), 0},
		{"a later line only", head + "houma,gdp,2021,130.5,\"first line\nsecond line\nhouma,gdp,2022,140.1,end\"\n", Options{},
			"q.csv row 2 column E (note): " + swallowed("first line", 2, 4, 4, "houma,gdp,2022,140.1,end"), 0},
		{"semicolons", strings.ReplaceAll(example, ",", ";"), Options{},
			"q.csv row 2 column E (note): " + swallowed("first line", 2, 4, 3, "houma;gdp;2022;140.1;"), 0},
		{"tabs", strings.ReplaceAll(example, ",", "\t"), Options{},
			"q.csv row 2 column E (note): " + swallowed("first line", 2, 4, 3, "houma\tgdp\t2022\t140.1\t"), 0},
		{"CRLF line ends", strings.ReplaceAll(example, "\n", "\r\n"), Options{},
			"q.csv row 2 column E (note): " + swallowed("first line", 2, 4, 3, "houma,gdp,2022,140.1,"), 0},
		{"a source", strings.Replace(example, "note", "source", 1), Options{},
			"q.csv row 2 column E (source): " + swallowed("first line", 2, 4, 3, "houma,gdp,2022,140.1,"), 0},
		{"a quote", strings.Replace(example, "note", "quote", 1), Options{},
			"q.csv row 2 column E (quote): " + swallowed("first line", 2, 4, 3, "houma,gdp,2022,140.1,"), 0},
		{"a column the table does not read", strings.Replace(example, "note", "remarks", 1), Options{},
			"q.csv row 2 column E: " + swallowed("first line", 2, 4, 3, "houma,gdp,2022,140.1,"), 0},
		{"a note before the figures", "note,region,indicator,year,value\n\"first line\n,houma,gdp,2022,140.1\n\",houma,gdp,2021,130.5\n", Options{},
			"q.csv row 2 column A (note): " + swallowed("first line", 2, 4, 3, ",houma,gdp,2022,140.1"), 0},
		{"Chinese names", "地区,指标,年份,数值,备注\n侯马市,地区生产总值,2021,130.5,\"据统计公报\n侯马市,地区生产总值,2022,140.1,\n侯马市,地区生产总值,2023,150.2,\"\n", Options{},
			"q.csv row 2 column E (note): " + swallowed("据统计公报", 2, 4, 3, "侯马市,地区生产总值,2022,140.1,"), 0},
		{"a year written 2022年, an empty quoted note", head + "houma,gdp,2021,130.5,\"first line\nhouma,gdp,2022年,140.1,\"\"\n\"\n", Options{},
			"q.csv row 2 column E (note): " + swallowed("first line", 2, 4, 3, `houma,gdp,2022年,140.1,"`), 0},
		{"a column per indicator", "地区,年份,地区生产总值,备注\n侯马市,2020,120.8,\"修订\n侯马市,2021,130.5,\"\n", Options{},
			"q.csv row 2 column D (note): " + swallowed("修订", 2, 3, 3, "侯马市,2021,130.5,"), 0},
		{"a wide table", "region,indicator,2020,2021,note\nhouma,gdp,120.8,130.5,\"revised\nzizhou,gdp,80,85,\nguyang,gdp,50,56,end\"\n", Options{},
			"q.csv row 2 column E (note): " + swallowed("revised", 2, 4, 3, "zizhou,gdp,80,85,"), 0},
		{"a wide table with a year not given", "region,indicator,2020,2021,note\nhouma,gdp,120.8,130.5,\"revised\nzizhou,gdp,—,85\"\n", Options{},
			"q.csv row 2 column E (note): " + swallowed("revised", 2, 3, 3, "zizhou,gdp,—,85"), 0},
		{"a yearbook table, the region in the options", "指标,单位,2019年,2020年,备注\n地区生产总值,亿元,116.0,120.8,\"修订\n一般公共预算收入,万元,50100,52900,\"\n",
			Options{Region: "houma"},
			"q.csv row 2 column E (note): " + swallowed("修订", 2, 3, 3, "一般公共预算收入,万元,50100,52900,"), 0},
		{"a targets table", "region,indicator,plan,kind,year,value,note\n" +
			"houma,gdp,14th-fyp,level,2025,250,\"25 billion yuan\nhouma,gdp,14th-fyp,level,2024,240,\"\n", Options{},
			"q.csv row 2 column G (note): " + swallowed("25 billion yuan", 2, 3, 3, "houma,gdp,14th-fyp,level…"), 0},
	} {
		b := parseString(t, "q.csv", c.table, c.opt)
		if got := strings.Join(problemTexts(b.Problems), "\n"); got != c.want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, c.want)
		}
		if n := len(b.Observations) + len(b.Targets); n != c.figures {
			t.Errorf("%s: %d figures read, want %d: the rows before the cell and after its last line", c.name, n, c.figures)
		}
	}
}

// Chinese Excel saves CSV in GB18030: the rows a note takes in are found in
// the decoded text as in UTF-8.
func TestRowsTakenIntoANoteAreRefusedInGB18030(t *testing.T) {
	table := "地区,指标,年份,数值,备注\n侯马市,地区生产总值,2021,130.5,\"据统计公报\n侯马市,地区生产总值,2022,140.1,\n侯马市,地区生产总值,2023,150.2,\"\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(table)
	if err != nil {
		t.Fatal(err)
	}
	b := parseString(t, "gbk.csv", gb, Options{})
	want := "gbk.csv row 2 column E (note): " + swallowed("据统计公报", 2, 4, 3, "侯马市,地区生产总值,2022,140.1,")
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
	if len(b.Observations) != 0 {
		t.Errorf("%d figures read, want none", len(b.Observations))
	}
}

// A free-text cell's own lines are kept, commas, numbers, years and all,
// as long as none reads as a row: it would need a cell in every column up
// to the value, a year in the year column, a number in the value column and
// a name, not a number, in the region and indicator columns.
func TestAMultiLineNoteThatTakesInNoRowIsKept(t *testing.T) {
	for _, c := range []struct {
		name, table string
		// text is the multi-line cell as read: a source, a quote or a
		// target's note.
		text    string
		figures int
	}{
		{"a sentence", "region,indicator,year,value,source\nhouma,gdp,2020,120.8,\"Revised after the census,\nsee table 3\"\nhouma,gdp,2021,130.5,\n",
			"Revised after the census,\nsee table 3", 2},
		{"Chinese with a year and a figure", "地区,指标,年份,数值,来源\n侯马市,地区生产总值,2020,120.8,\"据统计公报,\n2020年GDP为120.8亿元\"\n",
			"据统计公报,\n2020年GDP为120.8亿元", 1},
		{"years and numbers in every column", "region,indicator,year,value,source\nhouma,gdp,2021,130.5,\"growth by year,\n2019, 5.1%, 2020, 3.2%, 2021, 8.0%\"\n",
			"growth by year,\n2019, 5.1%, 2020, 3.2%, 2021, 8.0%", 1},
		{"a line of cells with no year", "region,indicator,year,value,quote\nhouma,gdp,2021,130.5,\"他说:\n好,很好,非常好,特别好,好极了\"\n",
			"他说:\n好,很好,非常好,特别好,好极了", 1},
		{"words, then a year that is not alone in its cell", "region,indicator,year,value,source\nhouma,gdp,2021,130.5,\"NBS yearbook,\ntable 3-1, p. 45, 2021 edition, revised\"\n",
			"NBS yearbook,\ntable 3-1, p. 45, 2021 edition, revised", 1},
		{"names and a year, but no figure", "region,indicator,year,value,source\nhouma,gdp,2021,130.5,\"compiled from:\nNBS, Shanxi bureau, 2021, revised edition\"\n",
			"compiled from:\nNBS, Shanxi bureau, 2021, revised edition", 1},
		{"a year and a number short of the value column", "region,indicator,year,value,source\nhouma,gdp,2021,130.5,\"from the bulletin,\nhouma, 2021, 130.5\"\n",
			"from the bulletin,\nhouma, 2021, 130.5", 1},
		{"a year label and a number in Chinese", "地区,指标,年份,数值,来源\n侯马市,地区生产总值,2020,120.8,\"见表3;\n2020年,120.8亿元,增长5%,第3位\"\n",
			"见表3;\n2020年,120.8亿元,增长5%,第3位", 1},
		{"semicolons in a note of a semicolon file", "region;indicator;year;value;source\nhouma;gdp;2020;120.8;\"see table 3;\n2020; 120.8; up 5%; 3rd\"\n",
			"see table 3;\n2020; 120.8; up 5%; 3rd", 1},
		{"a comma-separated row in a tab-separated file", "region\tindicator\tyear\tvalue\tsource\nhouma\tgdp\t2021\t130.5\t\"as first pushed:\nhouma,gdp,2021,130.0,\"\n",
			"as first pushed:\nhouma,gdp,2021,130.0,", 1},
		{"CRLF line ends", "region,indicator,year,value,source\r\nhouma,gdp,2020,120.8,\"Revised after the census,\r\nsee table 3\"\r\n",
			"Revised after the census,\nsee table 3", 1},
		{"a wide table's note", "region,indicator,2020,2021,source\nhouma,gdp,120.8,130.5,\"bulletin 2021,\n2020 revised, 2021 preliminary\"\n",
			"bulletin 2021,\n2020 revised, 2021 preliminary", 2},
		{"a target's note", "region,indicator,plan,kind,year,value,note\nhouma,gdp,14th-fyp,level,2025,250,\"25 billion yuan,\n= 250 亿元, 2025\"\n",
			"25 billion yuan,\n= 250 亿元, 2025", 1},
	} {
		b := parseString(t, "notes.csv", c.table, Options{})
		noProblems(t, b)
		var texts []string
		for _, o := range b.Observations {
			texts = append(texts, o.Source.Document, o.Source.Quote)
		}
		for _, tg := range b.Targets {
			texts = append(texts, tg.Note)
		}
		if n := len(b.Observations) + len(b.Targets); n != c.figures || !slices.Contains(texts, c.text) {
			t.Errorf("%s: %d figures with texts %q, want %d, one with %q", c.name, n, texts, c.figures, c.text)
		}
	}
}

// The push with a note that takes in rows is refused whole: none of its
// figures is written, the ones before the note's row included.
func TestRowsTakenIntoANoteWriteNothing(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	b := parseString(t, "q.csv", "region,indicator,year,value,note\nhouma,gdp,2020,120.8,\n"+
		"houma,gdp,2021,130.5,\"first line\nhouma,gdp,2022,140.1,\nhouma,gdp,2023,150.2,end\"\n", Options{})
	rep, err := Apply(ctx, st, b, ApplyOptions{})
	if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 {
		t.Fatalf("Apply: %v, %d problems; want EINVALID and the one problem of the note", err, len(rep.Problems))
	}
	if _, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"}); plancast.ErrorCode(err) != plancast.ENOTFOUND {
		t.Errorf("houma gdp after the refused push: %v, want not found", err)
	}
}
