package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// readCSV reads a CSV file as a table. The delimiter (comma, semicolon or tab)
// is taken from the first line; a UTF-8 byte-order mark is dropped; a file that
// is not UTF-8 is read as GB18030, which Chinese Excel writes by default.
// Rows are numbered by the line they start on, as a spreadsheet shows them.
func (p *parser) readCSV(br *bufio.Reader) error {
	head, err := br.Peek(64 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return err
	}
	var r io.Reader = br
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
		head = head[3:]
	} else if !validUTF8Prefix(head) {
		r = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	}
	p.expectRows = expectedRows(p.opt.Size, head, p.opt.MaxRows)
	cr := csv.NewReader(r)
	cr.Comma = sniffDelimiter(head)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	defer p.done()
	return p.readTable(func() (tableRow, error) {
		rec, err := cr.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				p.ps.add(Problem{File: p.file, Row: pe.StartLine, Message: fmt.Sprintf("malformed CSV: %v", pe.Err)})
				return tableRow{}, io.EOF
			}
			return tableRow{}, err
		}
		line, _ := cr.FieldPos(0)
		if len(rec) > maxColumns {
			p.ps.add(Problem{File: p.file, Row: line, Message: fmt.Sprintf("%d columns, more than the %d a spreadsheet holds", len(rec), maxColumns)})
			return tableRow{}, io.EOF
		}
		cells := make([]string, len(rec))
		copy(cells, rec)
		return tableRow{num: line, cells: cells}, nil
	})
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
