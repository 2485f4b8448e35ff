package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/plancast/plancast/ingest/internal/charset"
)

// readCSV reads a CSV file as a table. The delimiter (comma, semicolon or tab)
// is taken from the first line. The character set is read as the report
// reader reads it (package charset): a byte-order mark (UTF-8, UTF-16LE or
// UTF-16BE) says it and is dropped; a file without one whose NUL bytes fall
// as UTF-16's do, as many as a table's in UTF-16 (utf16Table), is UTF-16,
// as Excel saves "Unicode Text" (a tab-separated .txt, with the mark); a
// file that is not UTF-8 is read as GB18030, which Chinese Excel writes by
// default. Any other file with a NUL byte is refused where the first is. Rows are numbered by the line they start
// on, as a spreadsheet shows them.
func (p *parser) readCSV(br *bufio.Reader) error {
	head, err := br.Peek(64 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return err
	}
	var r io.Reader = br
	size := p.opt.Size
	// UTF-16 read as UTF-8 or GB18030 is a NUL byte beside every ASCII
	// character, and a header "not found": its mark or its NUL bytes say it.
	name, mark := charset.Unicode(head)
	if mark == 0 && charset.UTF16(name) != nil && !utf16Table(head, name) {
		name = "" // stray NUL bytes, refused below
	}
	switch enc := charset.UTF16(name); {
	case enc != nil:
		_, _ = br.Discard(mark)
		raw := head[mark:]
		head, err = enc.NewDecoder().Bytes(raw[:len(raw)&^1])
		if err != nil {
			return err
		}
		if len(raw) > 0 {
			// expectedRows counts the head's lines per byte of UTF-8.
			size = size * int64(len(head)) / int64(len(raw))
		}
		r = transform.NewReader(br, enc.NewDecoder())
	default:
		// UTF-8 or GB18030: text in either has no NUL byte, and a file
		// with one was read as GB18030 or as UTF-16 (a stray NUL or two
		// fall as UTF-16's do), a garbled text refused at its header or
		// its cells, or read with the NUL in a cell. It is refused where
		// its first NUL is: in the first look, before any row is read;
		// after it, by nulGuard as the rows are read.
		_, _ = br.Discard(mark)
		head = head[mark:]
		if i := bytes.IndexByte(head, 0); i >= 0 {
			p.ps.add((&nulError{offset: int64(mark + i), line: 1 + bytes.Count(head[:i], []byte{'\n'})}).problem(p.file))
			return nil
		}
		r = &nulGuard{r: br, offset: int64(mark), line: 1}
		if name != charset.UTF8 && !validUTF8Prefix(head) {
			r = transform.NewReader(r, simplifiedchinese.GB18030.NewDecoder())
		}
	}
	p.expectRows = expectedRows(size, head, p.opt.MaxRows)
	// LazyQuotes reads a quote inside a field as it is (规划"十四五"目标, typed
	// in a text editor), but it also reads on past the end of a line in a
	// field whose opening quote is never closed, to the next quote that could
	// close it or the end of the file: the rows it swallows came back as an
	// unknown region or a value that is not a number. The record's text, kept
	// by raw, is checked for such a quote (unclosedQuote).
	raw := &recordText{r: r}
	cr := csv.NewReader(raw)
	cr.Comma = sniffDelimiter(head)
	p.comma = cr.Comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	defer p.done()
	// stopped ends the table at a record that cannot be read: readTable asks
	// again after the rows it searched for the header, and the reader would
	// go on with the next record.
	stopped := false
	return p.readTable(func() (tableRow, error) {
		if stopped {
			return tableRow{}, io.EOF
		}
		rec, err := cr.Read()
		if err != nil {
			if ne := (*nulError)(nil); errors.As(err, &ne) {
				p.ps.add(ne.problem(p.file))
				stopped = true
				return tableRow{}, io.EOF
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				p.ps.add(Problem{File: p.file, Row: pe.StartLine, Message: fmt.Sprintf("malformed CSV: %v", pe.Err)})
				stopped = true
				return tableRow{}, io.EOF
			}
			return tableRow{}, err
		}
		line, _ := cr.FieldPos(0)
		if q, ok := unclosedQuote(raw.take(cr.InputOffset()), byte(cr.Comma)); ok {
			// Nothing from the quote on can be read for what it was meant
			// to be, and the rows it took in would only add false problems.
			p.ps.add(Problem{File: p.file, Row: line, Column: columnLetter(q.field), Message: q.message(line)})
			stopped = true
			return tableRow{}, io.EOF
		}
		if len(rec) > maxColumns {
			p.ps.add(Problem{File: p.file, Row: line, Message: fmt.Sprintf("%d columns, more than the %d a spreadsheet holds", len(rec), maxColumns)})
			return tableRow{}, io.EOF
		}
		cells := make([]string, len(rec))
		var spans []lineSpan
		for i, c := range rec {
			cells[i] = unguarded(c)
			// A quoted cell over several lines: readRow decides whether
			// its column may hold one, and whether its lines are rows
			// (spansFit, takesInRows). The reader turns a line break
			// inside quotes into \n, so each is one.
			if n := strings.Count(c, "\n"); n > 0 {
				start, _ := cr.FieldPos(i)
				spans = append(spans, lineSpan{col: i, line: start, breaks: n, comma: cr.Comma})
			}
		}
		return tableRow{num: line, cells: cells, spans: spans}, nil
	})
}

// recordText keeps the text a csv.Reader has read from r and not yet
// returned as a record, so that a record can be checked as it was written.
type recordText struct {
	r      io.Reader
	buf    []byte // buf[start:] is the text not yet taken
	start  int
	offset int64 // the input offset of buf[start]
}

func (t *recordText) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if t.start > 0 && len(t.buf)+n > cap(t.buf) {
		// Move the text not yet taken (a record, and what the reader has
		// read ahead) to the front rather than grow the buffer.
		t.buf = t.buf[:copy(t.buf, t.buf[t.start:])]
		t.start = 0
	}
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// take returns the text up to the input offset end (csv.Reader.InputOffset
// after a Read: the end of the record it returned) and forgets it. The text
// is valid until the next Read.
func (t *recordText) take(end int64) []byte {
	n := int(end - t.offset)
	text := t.buf[t.start : t.start+n]
	t.start += n
	t.offset = end
	return text
}

// openQuote is a quoted field that is not closed: the field's index in its
// record, the line its opening quote is on (0 is the record's first line),
// the record's text after the quote, and the line where a lazy reading
// closed it, or -1 when it runs to the end of the file.
type openQuote struct {
	field, line int
	after       []byte
	closedOn    int
}

// unclosedQuote finds the first field of a record's text (as read by a
// csv.Reader with LazyQuotes) whose opening quote is not closed: the field
// runs to the end of the file, or on past the end of its line after a quote
// that is neither doubled nor followed by the delimiter or the line's end.
// Strict CSV (RFC 4180) refuses such a quote; read lazily it is kept as text
// and the field runs on, usually until the opening quote of a later row's
// field closes it, taking in the rows between. A stray quote in a field
// quoted on one line is left to the lazy reading ("a "stray" quote"), and so
// is a quote in a field that does not start with one: neither takes in a row.
func unclosedQuote(text []byte, comma byte) (openQuote, bool) {
	if bytes.IndexByte(text, '"') < 0 {
		return openQuote{}, false // most records
	}
	// The reader skips empty lines before a record; they are in its text.
	for {
		if rest, ok := bytes.CutPrefix(text, []byte("\n")); ok {
			text = rest
		} else if rest, ok := bytes.CutPrefix(text, []byte("\r\n")); ok {
			text = rest
		} else {
			break
		}
	}
	line := 0
	for i, field := 0, 0; ; field++ {
		if i >= len(text) || text[i] != '"' {
			for i < len(text) && text[i] != comma && text[i] != '\n' {
				i++
			}
			if i == len(text) || text[i] == '\n' {
				return openQuote{}, false
			}
			i++
			continue
		}
		q := openQuote{field: field, line: line, after: text[i+1:]}
		stray := false
		for i++; ; {
			j := bytes.IndexByte(text[i:], '"')
			if j < 0 {
				q.closedOn = -1
				return q, true
			}
			line += bytes.Count(text[i:i+j], []byte("\n"))
			i += j + 1
			if i < len(text) && text[i] == '"' {
				i++ // a doubled quote
				continue
			}
			if i == len(text) || text[i] == comma || text[i] == '\n' || bytes.HasPrefix(text[i:], []byte("\r\n")) ||
				(text[i] == '\r' && i+1 == len(text)) {
				break
			}
			stray = true
		}
		if stray && line > q.line {
			q.closedOn = line
			return q, true
		}
		if i >= len(text) || text[i] != comma {
			return openQuote{}, false
		}
		i++
	}
}

// lineStart is the text up to the end of its line, shortened for a message.
func lineStart(text []byte) string {
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	s := strings.TrimSuffix(string(text), "\r")
	if r := []rune(s); len(r) > 24 {
		s = string(r[:24]) + "…"
	}
	return s
}

// message says what is wrong with the quote of a record that starts on
// line row, and how to mend it; it reads the record's text, so it is called
// before the reader reads on.
func (q openQuote) message(row int) string {
	quote := "the opening quote"
	if start := lineStart(q.after); start != "" {
		quote = fmt.Sprintf("the quote before %q", start)
	}
	var where string
	if q.closedOn < 0 {
		where = fmt.Sprintf("%s on line %d runs to the end of the file", quote, row+q.line)
	} else {
		where = fmt.Sprintf("%s on line %d is not closed on its line and runs on to line %d", quote, row+q.line, row+q.closedOn)
	}
	return "a quoted field is not closed: " + where + `; end the field with a quote, and write a quote inside a quoted field twice ("")`
}

// takesInRows reports whether a cell that may hold line breaks (a note, a
// source, a quote, or a column the table does not read) takes in lines
// that read as rows of the table, and if so adds one problem at the row
// and column where the cell's quote opens; readRow then leaves the row
// unread, and the rows after the cell's last line are read as usual.
//
// A quote that opens a note and is not closed on its line is closed by the
// next quote that can close a field, one before a delimiter or a line's
// end (a later note's closing quote, whose opening one went missing, or
// the quote that was meant to close the first note, put a few lines too
// late). That is valid CSV, unclosedQuote lets it pass, and the rows
// between went into the note without a word:
//
//	houma,gdp,2021,130.5,"first line
//	houma,gdp,2022,140.1,
//	houma,gdp,2023,150.2,end"
//
// was "1 new, 0 rejected", the 2022 and 2023 figures lost. A note may be
// meant to run over lines ("Revised after the census,\nsee table 3",
// "据统计公报,\n2020年GDP为120.8亿元"), and the quotes cannot tell the two
// apart; the lines can. Each line of the cell after its first starts where
// a row would, so it is split at the file's delimiter and read against
// the table's columns. It reads as a row when
//
//   - it has a cell in every column up to the last of the region,
//     indicator and year columns and the first column of figures (the
//     value, a wide table's first year, a first indicator column): what a
//     row needs to be read, whether or not it ends with the note's
//     delimiter;
//   - the year column holds a year ("2022", "2022年");
//   - the columns of figures it reaches hold numbers ("140.1", "1,040",
//     "5%") or the marks of no figure ("", "—"), and at least one number;
//   - the region and indicator columns hold names: text that is neither a
//     number nor a year, or a known region or indicator.
//
// A note's line seldom has all of these: "2020年GDP为120.8亿元" has no
// delimiter, "好,很好,非常好,特别好,好极了" as many as a row but no year, "NBS,
// Shanxi bureau, 2021, revised edition" no figure, "2019, 5.1%, 2020,
// 3.2%" a year where the region goes; so the count of delimiters alone
// would not do. A taken-in row has them all, unless its own figure or
// year was already wrong (a blank or "abc" value): such a row is still
// lost into the note. A line is split without regard to quotes: inside
// the open quote a row's own quoted field would have been a stray quote
// (unclosedQuote), so the only quotes left are doubled ones, kept as one.
//
// A table whose region and indicator are given once, in its title or
// Options.Region, has only a year and a figure to go on: there "2020,
// 120.8" in a note is a row, and is refused as one.
func (p *parser) takesInRows(l *layout, row tableRow, s lineSpan, field string) bool {
	at := func(f string) int {
		if c, ok := l.fields[f]; ok {
			return c.idx
		}
		return -1
	}
	region, indicator, year := at(fieldRegion), at(fieldIndicator), at(fieldYear)
	var figures []int
	if v := at(fieldValue); v >= 0 {
		figures = append(figures, v)
	}
	for _, c := range l.years {
		figures = append(figures, c.idx)
	}
	for _, c := range l.indicators {
		figures = append(figures, c.idx)
	}
	if len(figures) == 0 {
		return false
	}
	slices.Sort(figures)
	need := max(region, indicator, year, figures[0]) + 1
	name := func(c string, known func(string) bool) bool {
		if c == "" {
			return false
		}
		if _, isYear := parseYearLabel(c); !isYear {
			if _, err := parseNumber(c); err != nil {
				return true
			}
		}
		return known(c) // a code written as digits
	}
	knownRegion := func(c string) bool { _, err := p.res.region(c); return err == nil }
	knownIndicator := func(c string) bool { _, _, ok := p.res.lookupIndicator(c); return ok }
	readsAsRow := func(line string) bool {
		cells := strings.Split(line, string(s.comma))
		if len(cells) < need {
			return false
		}
		cell := func(i int) string { return strings.TrimSpace(cells[i]) }
		if year >= 0 {
			if _, ok := parseYearLabel(cell(year)); !ok {
				return false
			}
		}
		if region >= 0 && !name(cell(region), knownRegion) || indicator >= 0 && !name(cell(indicator), knownIndicator) {
			return false
		}
		numbers := 0
		for _, i := range figures {
			if i >= len(cells) {
				break
			}
			if isMissing(cells[i]) {
				continue
			}
			if _, err := parseNumber(cells[i]); err != nil {
				return false
			}
			numbers++
		}
		return numbers > 0
	}
	first, rest, _ := strings.Cut(row.at(s.col), "\n")
	for n := 1; ; n++ {
		line, after, more := strings.Cut(rest, "\n")
		if readsAsRow(line) {
			first = lineStart([]byte(strings.TrimSpace(first)))
			p.ps.add(p.rec(row).problem(columnLetter(s.col), field,
				"the quoted cell %q runs from line %d to its closing quote on line %d and takes in line %d, which reads as a row of this table (%q), "+
					"so a closing quote is probably missing; "+
					`end the field with a quote on line %d, and write a quote inside a quoted field twice ("")`,
				strings.TrimSpace(first), s.line, s.line+s.breaks, s.line+n, lineStart([]byte(line)), s.line))
			return true
		}
		if !more {
			return false
		}
		rest = after
	}
}

// unguarded takes off the quote that plancast's CSV downloads put before a
// text cell starting with =, +, -, @, a tab or a carriage return, so that a
// spreadsheet does not run it as a formula (api/spreadsheet.go, safeCell):
// a download read back has the text it was made from ("-20 after the
// review", not "'-20 after the review"), and a pushed-back note or quote
// is unchanged.
func unguarded(c string) string {
	if len(c) < 2 || c[0] != '\'' {
		return c
	}
	switch c[1] {
	case '=', '+', '-', '@', '\t', '\r':
		return c[1:]
	}
	return c
}

// utf16Table reports whether head, the first bytes of a file without a
// byte-order mark whose NUL bytes fall as UTF-16's do (charset.Unicode
// named UTF-16 as name), is a table in UTF-16 rather than UTF-8 or GBK
// text with a stray NUL byte or two: one NUL falls on one side of its pair
// by itself. A table's delimiters, line ends and digits are ASCII, each
// with a NUL byte in UTF-16, so that even rows of long Chinese notes have
// more than one NUL in 32 bytes (a row of 100 characters of note beside
// its figure has one in 16), and its UTF-16 reading holds a delimiter or a
// line end.
func utf16Table(head []byte, name string) bool {
	even := head[:len(head)&^1]
	if bytes.Count(even, []byte{0})*32 < len(even) {
		return false
	}
	text, err := charset.UTF16(name).NewDecoder().Bytes(even)
	return err == nil && bytes.ContainsAny(text, ",;\t\n")
}

// nulError is the first NUL byte of a CSV file that is not UTF-16: its
// offset in the file (from 0, as a hex viewer shows it) and its line.
type nulError struct {
	offset int64
	line   int
}

func (e *nulError) Error() string {
	return fmt.Sprintf("the file holds NUL bytes, the first at byte %d (line %d), and is not text plancast can read: "+
		"a CSV file is text (UTF-8, GB18030/GBK, or UTF-16, whose NUL bytes fall beside every ASCII character), "+
		"which holds none; the file may be damaged or not a table: save the table again as CSV from the spreadsheet",
		e.offset, e.line)
}

// problem is the error as the file's problem, at its line.
func (e *nulError) problem(file string) Problem {
	return Problem{File: file, Row: e.line, Message: e.Error()}
}

// nulGuard reads a CSV file's bytes from r until its first NUL byte, and
// from there fails with a nulError saying where the NUL is.
type nulGuard struct {
	r      io.Reader
	offset int64 // the file offset of the next byte read
	line   int   // the line of the next byte read
	err    *nulError
}

func (g *nulGuard) Read(b []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(b)
	if i := bytes.IndexByte(b[:n], 0); i >= 0 {
		g.err = &nulError{offset: g.offset + int64(i), line: g.line + bytes.Count(b[:i], []byte{'\n'})}
		if i == 0 {
			return 0, g.err
		}
		n, err = i, nil // the bytes before it now, the error on the next read
	}
	g.offset += int64(n)
	g.line += bytes.Count(b[:n], []byte{'\n'})
	return n, err
}

// validUTF8Prefix reports whether b is UTF-8, allowing a rune cut at the end.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// sniffDelimiter picks the most frequent of comma, semicolon and tab in the
// first line (outside quotes is close enough for a header line).
func sniffDelimiter(head []byte) rune {
	line := head
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		line = head[:i]
	}
	best, bestN := ',', bytes.Count(line, []byte(","))
	for _, d := range []rune{';', '\t'} {
		if n := bytes.Count(line, []byte(string(d))); n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

// expectedRows estimates the rows of a CSV document of size bytes from the
// line length in its first bytes: 1.02 × size × lines(head) / len(head), at
// most maxRows. The 2% spare is there because an estimate a row short would
// cost a copy of the whole slice. It is 0 (no estimate) when the size is
// unknown, the head is the whole document or it holds no line break. A long
// table holds a figure per row; a wide one more, and its slices grow from the
// estimate as usual.
func expectedRows(size int64, head []byte, maxRows int) int {
	lines := bytes.Count(head, []byte{'\n'})
	if size <= int64(len(head)) || lines == 0 {
		return 0
	}
	return int(min(size*int64(lines)*102/(100*int64(len(head))), int64(maxRows)))
}

// widerThanHeader reports whether a CSV row has cells that are not blank
// past the header's last column, and if so adds one problem at the first
// of them; readRow then leaves the row unread, since its cells no longer
// line up with their columns. Such cells were dropped without a word, and
// the common cause drops part of a figure: a decimal comma or a thousands
// comma in an unquoted cell ends the cell, so "houma,gdp,2024,158,7" under
// "region,indicator,year,value" was stored as 158. When two cells look
// like one number cut at a comma (an integer in a column of figures, and
// digits in the cell after it), the message names the number. Blank cells
// past the header are nothing lost: spreadsheet programs export every row
// as wide as the sheet's widest ("a,b,c,d,,").
//
// Only CSV is held to it. A sheet's cells are apart by its grid, so no
// comma cuts a figure there and its rows are read; its cells in a column
// without a header are refused once a column instead (headedCells), as a
// CSV file's are in a gap between the header's columns.
func (p *parser) widerThanHeader(l *layout, row tableRow) bool {
	last := lastFilled(row)
	if last < l.width {
		return false
	}
	first := l.width
	for strings.TrimSpace(row.at(first)) == "" {
		first++
	}
	delim := string(p.comma)
	text := make([]string, last+1)
	for i, c := range row.cells[:last+1] {
		if strings.ContainsAny(c, delim+"\"\n") {
			c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
		}
		text[i] = c
	}
	written := strings.Join(text, delim)
	if r := []rune(written); len(r) > 80 {
		written = string(r[:80]) + "…"
	}
	msg := fmt.Sprintf("%d cells where the header has %d columns (%q): ", last+1, l.width, written)
	var hint string
	if p.comma == ',' {
		hint = cutNumberHint(l, row)
	}
	if hint == "" {
		hint = fmt.Sprintf("the cells past column %s have no column and would be lost; give their column a header (备注 or note for a remark), or remove them",
			columnLetter(l.width-1))
	}
	p.ps.add(p.rec(row).problem(columnLetter(first), "", "%s", msg+hint))
	return true
}

// cutNumber is a number an unquoted comma may have cut into cells: as
// written ("158,7"), and as it was probably meant.
type cutNumber struct {
	text, meant string
	kind        int // cutDecimal, cutThousands or cutEither
}

const (
	cutDecimal   = iota // "158,7": a decimal comma
	cutThousands        // "1,234.5", "1,234,567": a thousands comma
	cutEither           // "1,234": either
)

var (
	wholeDigits  = regexp.MustCompile(`^[+-]?[0-9]+$`)
	digitsAfter  = regexp.MustCompile(`^[0-9]+%?$`)
	digitGroup   = regexp.MustCompile(`^[0-9]{3}$`)
	lastGroup    = regexp.MustCompile(`^[0-9]{3}(\.[0-9]+)?%?$`)
	numberPrefix = regexp.MustCompile(`^[+-]?`)
)

// cutNumberHint says which cells of a comma-separated row look like one
// number cut at an unquoted comma, and how to write it; "" when none do.
// The cut is looked for where a figure starts: in a column of figures (a
// value, a growth, a year or an indicator column).
func cutNumberHint(l *layout, row tableRow) string {
	var figures []int
	for _, f := range []string{fieldValue, fieldGrowth} {
		if c, ok := l.fields[f]; ok {
			figures = append(figures, c.idx)
		}
	}
	for _, c := range l.years {
		figures = append(figures, c.idx)
	}
	for _, c := range l.indicators {
		figures = append(figures, c.idx)
	}
	slices.Sort(figures)
	cell := func(i int) string { return strings.TrimSpace(widthFold(row.at(i))) }
	var cuts []cutNumber
	for _, f := range slices.Compact(figures) {
		a, b := cell(f), cell(f+1)
		if !wholeDigits.MatchString(a) || b == "" {
			continue
		}
		digits := len(numberPrefix.ReplaceAllString(a, ""))
		parts := []string{a}
		for j := f + 1; digits <= 3 && len(parts) < 6; j++ {
			g := cell(j)
			if digitGroup.MatchString(g) {
				parts = append(parts, g)
				continue
			}
			if lastGroup.MatchString(g) {
				parts = append(parts, g)
			}
			break
		}
		switch {
		case len(parts) > 2 || len(parts) == 2 && !digitGroup.MatchString(parts[1]):
			cuts = append(cuts, cutNumber{strings.Join(parts, ","), strings.Join(parts, ""), cutThousands})
		case len(parts) == 2:
			cuts = append(cuts, cutNumber{a + "," + b, a + b, cutEither})
		case digitsAfter.MatchString(b):
			cuts = append(cuts, cutNumber{a + "," + b, a + "." + b, cutDecimal})
		}
	}
	const cut = "an unquoted comma ends a cell"
	switch {
	case len(cuts) == 0:
		return ""
	case len(cuts) == 1:
		c := cuts[0]
		switch c.kind {
		case cutDecimal:
			return fmt.Sprintf("is %q one number, written with a decimal comma? %s; write it with a point (%s)", c.text, cut, c.meant)
		case cutThousands:
			return fmt.Sprintf("is %q one number, its thousands grouped with a comma? %s; quote the cell (%q) or write it without the comma (%s)", c.text, cut, c.text, c.meant)
		default:
			return fmt.Sprintf("is %q one number? %s; for %s quote the cell (%q) or write it without the comma, for a decimal comma write %s",
				c.text, cut, c.meant, c.text, strings.Replace(c.text, ",", ".", 1))
		}
	case len(cuts) <= 3 && !slices.ContainsFunc(cuts, func(c cutNumber) bool { return c.kind != cutDecimal }):
		texts, meant := make([]string, len(cuts)), make([]string, len(cuts))
		for i, c := range cuts {
			texts[i], meant[i] = strconv.Quote(c.text), c.meant
		}
		return fmt.Sprintf("is %s one number, written with a decimal comma? %s; write it with a point (%s)",
			strings.Join(texts, " or "), cut, strings.Join(meant, " or "))
	}
	return `are two of its cells one number cut at an unquoted comma? write a decimal with a point (158.7), and quote a number grouped with commas ("1,234.5")`
}
