package ingest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a pushed document, located the way its author
// sees it: the file, the sheet (spreadsheets), the 1-based row in the file or
// sheet (Line instead for JSON), the column letter, and the field the column
// holds.
type Problem struct {
	File  string `json:"file,omitempty"`
	Sheet string `json:"sheet,omitempty"`
	Row   int    `json:"row,omitempty"`  // 1-based row in the CSV file or the sheet
	Line  int    `json:"line,omitempty"` // 1-based line in a JSON document where the item starts
	// Column is the spreadsheet column's letter; in a JSON document whose
	// items share a line (a minified one, all on line 1), the 1-based
	// character column where the item starts, as an editor counts it.
	Column  string `json:"column,omitempty"`
	Field   string `json:"field,omitempty"` // region, indicator, year, value, unit, ...
	Message string `json:"message"`
}

// Error reads like `gdp.xlsx sheet 表1 row 7 column C (value): "abc" is not a number`.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	add := func(format string, args ...any) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, format, args...)
	}
	if p.Sheet != "" {
		add("sheet %s", p.Sheet)
	}
	if p.Row > 0 {
		add("row %d", p.Row)
	}
	if p.Line > 0 {
		add("line %d", p.Line)
	}
	if p.Column != "" {
		add("column %s", p.Column)
	}
	if p.Field != "" {
		add("(%s)", p.Field)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// record is where a record came from: enough to name it in a problem found
// after reading (a conflict between two rows, an unknown code in a batch check).
type record struct {
	File, Sheet string
	Row, Line   int
	// Col tells apart JSON items that start on one line (a minified
	// document): the 1-based character column where the item starts; 0
	// when its line holds no other.
	Col int
}

func (r record) problem(column, field, format string, args ...any) Problem {
	if column == "" && r.Col > 0 {
		column = strconv.Itoa(r.Col)
	}
	return Problem{File: r.File, Sheet: r.Sheet, Row: r.Row, Line: r.Line, Column: column, Field: field, Message: fmt.Sprintf(format, args...)}
}

// where names the record in a message about another one: "row 4", "line 12",
// "report.xlsx sheet 2 row 4" when it is in another file or sheet.
func (r record) where(from record) string {
	pos := fmt.Sprintf("row %d", r.Row)
	if r.Line > 0 {
		pos = fmt.Sprintf("line %d", r.Line)
		if r.Col > 0 {
			pos += fmt.Sprintf(" column %d", r.Col)
		}
	}
	if r.File != from.File {
		if r.Sheet != "" {
			return fmt.Sprintf("%s sheet %s %s", r.File, r.Sheet, pos)
		}
		return r.File + " " + pos
	}
	if r.Sheet != from.Sheet && r.Sheet != "" {
		return fmt.Sprintf("sheet %s %s", r.Sheet, pos)
	}
	return pos
}

// problems collects problems up to a limit. Once the limit is reached it
// records one last problem saying so and reports full, so readers stop early:
// a thousand copies of one mistake help nobody.
type problems struct {
	list  []Problem
	limit int
	full  bool
}

func (ps *problems) add(p Problem) {
	if ps.full {
		return
	}
	if ps.limit > 0 && len(ps.list) >= ps.limit {
		ps.full = true
		ps.list = append(ps.list, Problem{File: p.File, Message: fmt.Sprintf("%s: stopped after %d", truncatedPrefix, ps.limit)})
		return
	}
	ps.list = append(ps.list, p)
}

// sorted returns the problems in reading order, file by file (in the order the
// files came), then by sheet, row and line; a "too many problems" note stays
// last. Batch checks find some problems after reading, and a list in file
// order is easier to work through.
func sortProblems(ps []Problem) []Problem {
	fileOrder := map[string]int{}
	for _, p := range ps {
		if _, ok := fileOrder[p.File]; !ok {
			fileOrder[p.File] = len(fileOrder)
		}
	}
	out := append([]Problem(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ta, tb := a.truncation(), b.truncation(); ta != tb {
			return tb
		}
		return recordBefore(a.record(), b.record(), fileOrder)
	})
	return out
}

// record is where p is: its item's place, told apart from others of its
// line by the column in a minified JSON document.
func (p Problem) record() record {
	r := record{File: p.File, Sheet: p.Sheet, Row: p.Row, Line: p.Line}
	if p.Line > 0 {
		r.Col, _ = strconv.Atoi(p.Column)
	}
	return r
}

func (p Problem) truncation() bool { return strings.HasPrefix(p.Message, truncatedPrefix) }

const truncatedPrefix = "too many problems"
