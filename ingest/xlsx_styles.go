package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/xuri/nfp"
)

// The styles of some cells of a large worksheet, without excelize loading
// the worksheet: its GetCellStyle unmarshals the whole sheet to answer for one
// cell (seconds and over a gigabyte allocated for 100,000 rows; see
// bench/ingest.md). The scan here reads the
// sheet's XML once, as bytes, keeping only what decides the asked cells'
// styles, and decides them as GetCellStyle does. Wherever the XML is not as
// plain as spreadsheet programs write it (rows out of order, an entity in a
// cell reference, a DOCTYPE …) the scan gives up and GetCellStyle answers.

// Namespaces of a worksheet's root element: excelize reads strict OOXML by
// rewriting its namespaces to the transitional ones.
const (
	spreadsheetNS       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	strictSpreadsheetNS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
)

// cellRef is a cell's column and row, both counted from 1.
type cellRef struct{ col, row int }

// colRange is a <col min max style> of a sheet's <cols>: the default style of
// the cells of columns min to max that have none of their own or their row's.
type colRange struct{ min, max, style int }

// sheetStyles are the style ids that decide some cells' styles: the cells'
// own (s="N" on <c>), their rows' (s on <row>) and the sheet's column ranges.
// Only non-zero ids are kept: zero is "none" at every level.
type sheetStyles struct {
	cells map[cellRef]int
	rows  map[int]int
	cols  []colRange
}

// styleOf is the style id of a cell as excelize's GetCellStyle gives it: the
// cell's own, else its row's, else that of the first column range covering
// it, else 0.
func (s *sheetStyles) styleOf(c cellRef) int {
	if id := s.cells[c]; id != 0 {
		return id
	}
	if id := s.rows[c.row]; id != 0 {
		return id
	}
	for _, r := range s.cols {
		if r.min <= c.col && c.col <= r.max {
			return r.style
		}
	}
	return 0
}

// cellStyles gives the style id of each asked cell: from the sheet's XML part
// when the scan can read it, else from excelize's GetCellStyle. A cell missing
// from the answer has no style that can be told (excelize cannot read the
// sheet); it is then read as not in percent, as before the scan.
func cellStyles(doc []byte, f *excelize.File, sheet string, asked map[cellRef]bool) map[cellRef]int {
	styles, err := scanSheetStyles(doc, asked)
	if err != nil {
		return excelizeCellStyles(f, sheet, asked)
	}
	out := make(map[cellRef]int, len(asked))
	for c := range asked {
		out[c] = styles.styleOf(c)
	}
	return out
}

// excelizeCellStyles asks excelize for each cell's style. Its first call
// loads the whole worksheet; an error is the worksheet's (the cell names are
// valid), so it would be the same for every cell and the rest are not asked.
func excelizeCellStyles(f *excelize.File, sheet string, asked map[cellRef]bool) map[cellRef]int {
	out := make(map[cellRef]int, len(asked))
	for c := range asked {
		name, err := excelize.CoordinatesToCellName(c.col, c.row)
		if err != nil {
			continue
		}
		id, err := f.GetCellStyle(sheet, name)
		if err != nil {
			break
		}
		out[c] = id
	}
	return out
}

// cellValues gives the raw value of each asked cell: from the sheet's XML
// part when the scan can read it, else from excelize, which has then loaded
// the sheet already to tell the cells' styles. A cell missing from the
// answer has no number that can be told: it is empty, not a number, or its
// value is written with an entity. Only refused cells are asked
// (refusePercentCells), so the sheet is scanned again only when one is.
func cellValues(doc []byte, f *excelize.File, sheet string, asked map[cellRef]bool) map[cellRef]string {
	if doc != nil {
		sc := newStyleScan(asked)
		sc.values = make(map[cellRef]string, len(asked))
		if sc.read(doc) == nil {
			return sc.values
		}
	}
	out := make(map[cellRef]string, len(asked))
	for c := range asked {
		name, err := excelize.CoordinatesToCellName(c.col, c.row)
		if err != nil {
			continue
		}
		v, err := f.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
		if err != nil {
			break
		}
		out[c] = v
	}
	return out
}

// errStyleScan says the sheet's XML holds something the style scan does not
// read as excelize would; GetCellStyle is asked instead.
var errStyleScan = errors.New("not read by the style scan")

// scanSheetStyles reads the styles deciding the asked cells' from the sheet's
// XML (doc, from sheetDoc; nil when the part was not found).
func scanSheetStyles(doc []byte, asked map[cellRef]bool) (*sheetStyles, error) {
	if doc == nil {
		return nil, fmt.Errorf("finding the sheet's part: %w", errStyleScan)
	}
	sc := newStyleScan(asked)
	if err := sc.read(doc); err != nil {
		return nil, fmt.Errorf("scanning the sheet for cell styles: %w", err)
	}
	return &sc.out, nil
}

// styleScan follows a worksheet's XML, keeping the styles that decide the
// asked cells' and checking that cells sit where excelize would put them.
type styleScan struct {
	asked     map[cellRef]bool
	askedRows map[int]bool
	out       sheetStyles

	section  []byte // local name of the open child of the root (cols, sheetData, …)
	inRow    bool   // a <row> of sheetData is open
	row      int    // number of the last row seen
	rowNoRef bool   // that row has no r: its cells must have none either
	col      int    // column of the row's last cell

	// values, when not nil, is given the raw values of the asked cells
	// that hold a number (cellValues); inValued is set while such a
	// cell's <c> is open.
	values   map[cellRef]string
	inValued bool
}

func newStyleScan(asked map[cellRef]bool) *styleScan {
	rows := make(map[int]bool, len(asked))
	for c := range asked {
		rows[c.row] = true
	}
	return &styleScan{asked: asked, askedRows: rows, out: sheetStyles{cells: map[cellRef]int{}, rows: map[int]int{}}}
}

// read walks the whole worksheet: an error anywhere would make excelize's
// loader (and so GetCellStyle) fail, so nothing is answered before the end.
func (sc *styleScan) read(doc []byte) error {
	tags, err := openWorksheet(doc)
	if err != nil {
		return err
	}
	for {
		err := tags.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if tags.closing {
			sc.endElement(tags.depth)
			continue
		}
		local, ok := localName(tags.name)
		if !ok {
			return errStyleScan
		}
		if err := sc.startElement(tags.depth, local, tags); err != nil {
			return err
		}
	}
}

// startElement takes a start tag at depth (the root is at 1): the root's
// <cols> and <sheetData> at 2, a <col> or <row> in them at 3, a row's <c> at
// 4, as excelize's worksheet type maps them (by local name, in any namespace).
func (sc *styleScan) startElement(depth int, local []byte, tags *xmlTags) error {
	switch {
	case depth == 2:
		sc.section = local
	case depth == 3 && string(sc.section) == "cols" && string(local) == "col":
		return sc.colElement(tags.attrs)
	case depth == 3 && string(sc.section) == "sheetData" && string(local) == "row":
		sc.inRow = !tags.empty
		return sc.rowElement(tags.attrs)
	case depth == 4 && sc.inRow && string(local) == "c":
		if err := sc.cellElement(tags.attrs); err != nil {
			return err
		}
		sc.inValued = sc.values != nil && !tags.empty && sc.asked[cellRef{sc.col, sc.row}] && numberCell(tags.attrs)
	case depth == 5 && sc.inValued && string(local) == "v" && !tags.empty:
		text := tags.doc[tags.pos:]
		if end := bytes.IndexByte(text, '<'); end >= 0 && bytes.IndexByte(text[:end], '&') < 0 {
			sc.values[cellRef{sc.col, sc.row}] = string(text[:end])
		}
	}
	return nil
}

// numberCell reports whether a <c> holds a number: its type t is absent or
// n (not a string, a boolean, an error or a date).
func numberCell(attrs []xmlAttr) bool {
	t := lastAttr(attrs, "t")
	return len(t) == 0 || string(t) == "n"
}

func (sc *styleScan) endElement(depth int) {
	switch depth {
	case 2:
		sc.section, sc.inRow, sc.inValued = nil, false, false
	case 3:
		sc.inRow, sc.inValued = false, false
	case 4:
		sc.inValued = false
	}
}

// colElement keeps a column range with a style.
func (sc *styleScan) colElement(attrs []xmlAttr) error {
	var r colRange
	for _, f := range []struct {
		name string
		to   *int
	}{{"min", &r.min}, {"max", &r.max}, {"style", &r.style}} {
		v, err := intAttr(attrs, f.name)
		if err != nil {
			return err
		}
		*f.to = v
	}
	if r.style != 0 {
		sc.out.cols = append(sc.out.cols, r)
	}
	return nil
}

// rowElement starts a row. excelize numbers rows by r; a row without r
// follows the previous one. Rows out of order, or with a number repeated,
// are renumbered by rules of excelize's loader not followed here.
func (sc *styleScan) rowElement(attrs []xmlAttr) error {
	num, err := intAttr(attrs, "r")
	if err != nil {
		return err
	}
	style, err := intAttr(attrs, "s")
	if err != nil {
		return err
	}
	sc.rowNoRef = num == 0
	if num == 0 {
		num = sc.row + 1
	}
	if num <= sc.row || num > excelize.TotalRows {
		return errStyleScan
	}
	sc.row, sc.col = num, 0
	// excelize's loader renumbers a row without r by moving its cells into a
	// new row, leaving the row's own style behind.
	if style != 0 && !sc.rowNoRef && sc.askedRows[num] {
		sc.out.rows[num] = style
	}
	return nil
}

// cellElement reads a cell's position and style. A cell without r is in the
// column after the previous cell's. Only the column of r counts, as for
// excelize; cells out of order are left to excelize.
func (sc *styleScan) cellElement(attrs []xmlAttr) error {
	col := sc.col + 1
	if ref := lastAttr(attrs, "r"); len(ref) > 0 {
		if sc.rowNoRef || bytes.ContainsAny(ref, "&\r") {
			return errStyleScan
		}
		c, _, err := excelize.CellNameToCoordinates(string(ref))
		if err != nil {
			return errStyleScan
		}
		col = c
	}
	if col <= sc.col || col > excelize.MaxColumns {
		return errStyleScan
	}
	sc.col = col
	style, err := intAttr(attrs, "s")
	if err != nil {
		return err
	}
	if at := (cellRef{col, sc.row}); style != 0 && sc.asked[at] {
		sc.out.cells[at] = style
	}
	return nil
}

// intAttr reads an integer attribute as encoding/xml reads one into an int:
// absent or empty is 0, spaces around the digits are allowed.
func intAttr(attrs []xmlAttr, name string) (int, error) {
	v := lastAttr(attrs, name)
	if len(v) == 0 {
		return 0, nil
	}
	if bytes.ContainsAny(v, "&\r") {
		return 0, errStyleScan
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(v)), 10, strconv.IntSize)
	if err != nil {
		return 0, errStyleScan
	}
	return int(n), nil
}

// lastAttr is the value of the last attribute with this local name, in any
// namespace: encoding/xml sets a field from each in turn.
func lastAttr(attrs []xmlAttr, name string) []byte {
	var v []byte
	for _, a := range attrs {
		if local, ok := localName(a.name); ok && string(local) == name {
			v = a.value
		}
	}
	return v
}

// localName splits a name as encoding/xml does: "x:c" is c in namespace x,
// while ":c" and "c:" are names without a prefix; two colons are an error.
func localName(name []byte) ([]byte, bool) {
	i := bytes.IndexByte(name, ':')
	if i < 0 {
		return name, true
	}
	if bytes.IndexByte(name[i+1:], ':') >= 0 {
		return nil, false
	}
	if i == 0 || i == len(name)-1 {
		return name, true
	}
	return name[i+1:], true
}

// openWorksheet reads a worksheet's prolog and root element with
// encoding/xml (declared encoding, DOCTYPE, namespaces: as excelize's loader
// sees them) and returns the tags inside the root.
func openWorksheet(doc []byte) (*xmlTags, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, errStyleScan
		}
		switch t := tok.(type) {
		case xml.Directive:
			return nil, errStyleScan
		case xml.StartElement:
			if t.Name.Local != "worksheet" || (t.Name.Space != spreadsheetNS && t.Name.Space != strictSpreadsheetNS) {
				return nil, errStyleScan
			}
			end := int(d.InputOffset())
			start := bytes.LastIndexByte(doc[:end], '<')
			if start < 0 || end < 2 || doc[end-2] == '/' {
				return nil, errStyleScan // an empty worksheet: nothing to scan
			}
			root := doc[start+1:]
			root = root[:nameLen(root)]
			return &xmlTags{doc: doc, pos: end, open: [][]byte{root}}, nil
		}
	}
}

// xmlTags walks the tags of an XML document in memory, from inside its root
// element to the root's end tag. It skips text, comments and CDATA sections;
// at what it does not read as encoding/xml would (a processing instruction or
// declaration, an attribute without a quoted value, a '<' in an attribute
// value, an end tag not matching its start tag, the document ending inside
// the root) it stops with errStyleScan.
type xmlTags struct {
	doc  []byte
	pos  int
	open [][]byte // names of the open elements, the root first

	// The tag last read: its name, its depth (the root is at 1), and for a
	// start tag its attributes and whether it is empty (<c/>).
	name           []byte
	depth          int
	attrs          []xmlAttr
	closing, empty bool
}

type xmlAttr struct{ name, value []byte }

// next reads the next tag; io.EOF once the root is closed.
func (t *xmlTags) next() error {
	if len(t.open) == 0 {
		return io.EOF
	}
	for {
		i := bytes.IndexByte(t.doc[t.pos:], '<')
		if i < 0 {
			return errStyleScan // the root is not closed
		}
		t.pos += i + 1
		rest := t.doc[t.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("!--")):
			if err := t.skipComment(); err != nil {
				return err
			}
		case bytes.HasPrefix(rest, []byte("![CDATA[")):
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				return errStyleScan
			}
			t.pos += end + len("]]>")
		case len(rest) > 0 && rest[0] == '/':
			return t.endTag()
		default:
			return t.startTag()
		}
	}
}

// skipComment skips <!-- … -->; "--" inside a comment is an error to
// encoding/xml.
func (t *xmlTags) skipComment() error {
	body := t.doc[t.pos+len("!--"):]
	end := bytes.Index(body, []byte("-->"))
	if end < 0 || bytes.Contains(body[:end], []byte("--")) || bytes.HasSuffix(body[:end], []byte("-")) {
		return errStyleScan
	}
	t.pos += len("!--") + end + len("-->")
	return nil
}

func (t *xmlTags) endTag() error {
	t.pos++ // '/'
	n := nameLen(t.doc[t.pos:])
	name := t.doc[t.pos : t.pos+n]
	t.pos += n
	t.skipSpace()
	if n == 0 || t.pos >= len(t.doc) || t.doc[t.pos] != '>' || !bytes.Equal(name, t.open[len(t.open)-1]) {
		return errStyleScan
	}
	t.pos++
	t.name, t.depth, t.attrs, t.closing, t.empty = name, len(t.open), t.attrs[:0], true, false
	t.open = t.open[:len(t.open)-1]
	return nil
}

func (t *xmlTags) startTag() error {
	n := nameLen(t.doc[t.pos:])
	if n == 0 {
		return errStyleScan // <! or <? or not a name
	}
	t.name, t.depth, t.attrs, t.closing, t.empty = t.doc[t.pos:t.pos+n], len(t.open)+1, t.attrs[:0], false, false
	t.pos += n
	for {
		t.skipSpace()
		if t.pos >= len(t.doc) {
			return errStyleScan
		}
		switch t.doc[t.pos] {
		case '>':
			t.pos++
			t.open = append(t.open, t.name)
			return nil
		case '/':
			if t.pos+1 >= len(t.doc) || t.doc[t.pos+1] != '>' {
				return errStyleScan
			}
			t.pos += 2
			t.empty = true
			return nil
		}
		a, err := t.attr()
		if err != nil {
			return err
		}
		t.attrs = append(t.attrs, a)
	}
}

// attr reads name="value" or name='value', spaces allowed around '='.
func (t *xmlTags) attr() (xmlAttr, error) {
	n := nameLen(t.doc[t.pos:])
	if n == 0 {
		return xmlAttr{}, errStyleScan
	}
	name := t.doc[t.pos : t.pos+n]
	t.pos += n
	t.skipSpace()
	if t.pos >= len(t.doc) || t.doc[t.pos] != '=' {
		return xmlAttr{}, errStyleScan
	}
	t.pos++
	t.skipSpace()
	if t.pos >= len(t.doc) || (t.doc[t.pos] != '"' && t.doc[t.pos] != '\'') {
		return xmlAttr{}, errStyleScan
	}
	quote := t.doc[t.pos]
	t.pos++
	end := bytes.IndexByte(t.doc[t.pos:], quote)
	if end < 0 {
		return xmlAttr{}, errStyleScan
	}
	value := t.doc[t.pos : t.pos+end]
	if bytes.IndexByte(value, '<') >= 0 {
		return xmlAttr{}, errStyleScan
	}
	t.pos += end + 1
	return xmlAttr{name: name, value: value}, nil
}

func (t *xmlTags) skipSpace() {
	for t.pos < len(t.doc) {
		switch t.doc[t.pos] {
		case ' ', '\t', '\r', '\n':
			t.pos++
		default:
			return
		}
	}
}

// nameLen is the length of the name at the start of b, by encoding/xml's
// name bytes (letters, digits, _ : . - and any non-ASCII byte).
func nameLen(b []byte) int {
	for i, c := range b {
		if !(c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == ':' || c == '.' || c == '-') {
			return i
		}
	}
	return len(b)
}

// maxStylesChecked bounds the styles workbookFormats looks at: a workbook
// has tens, rarely a few hundred; a style past the bound is looked at when a
// cell has it (numberFormats.has).
const maxStylesChecked = 1024

// numberFormats are the ids of a workbook's styles that format numbers as
// percentages and as dates (or times). complete is false when the workbook
// has more styles than were looked at; the others are looked at one by one
// when a cell has them.
type numberFormats struct {
	f             *excelize.File
	percent, date map[int]bool
	complete      bool
	looked        map[int]bool // the styles past maxStylesChecked looked at
}

// workbookFormats looks at the styles of a workbook, once for every check of
// its number formats.
func workbookFormats(f *excelize.File) *numberFormats {
	n := &numberFormats{f: f, percent: map[int]bool{}, date: map[int]bool{}}
	for id := 0; id < maxStylesChecked; id++ {
		st, err := f.GetStyle(id)
		if err != nil { // past the last style
			n.complete = true
			return n
		}
		n.note(id, st)
	}
	return n
}

func (n *numberFormats) note(id int, st *excelize.Style) {
	if percentFormat(st) {
		n.percent[id] = true
	}
	if dateFormat(st) {
		n.date[id] = true
	}
}

// mayHave reports whether a cell may have a style of set (n.percent or
// n.date): not when the workbook has none, which then needs no cell looked
// up.
func (n *numberFormats) mayHave(set map[int]bool) bool { return len(set) > 0 || !n.complete }

// has reports whether style id is in set (n.percent or n.date), looking at
// a style past those workbookFormats looked at.
func (n *numberFormats) has(id int, set map[int]bool) bool {
	if !n.complete && id >= maxStylesChecked && !n.looked[id] {
		if n.looked == nil {
			n.looked = map[int]bool{}
		}
		n.looked[id] = true
		if st, err := n.f.GetStyle(id); err == nil {
			n.note(id, st)
		}
	}
	return set[id]
}

// dateFormat reports whether a cell style formats numbers as dates or times:
// the built-in formats 14–22 and 45–47, those of Chinese, Japanese and Korean
// spreadsheets 27–36 and 50–58, or a custom format with a year, day, hour
// or second, or an elapsed time ([h]), as nfp reads it (customFormatHas;
// an "m" alone may be a month or a minute and goes with one of them).
func dateFormat(st *excelize.Style) bool {
	if st == nil {
		return false
	}
	switch id := st.NumFmt; {
	case 14 <= id && id <= 22, 27 <= id && id <= 36, 45 <= id && id <= 47, 50 <= id && id <= 58:
		return true
	}
	return customFormatHas(st, func(tok nfp.Token) bool {
		return tok.TType == nfp.TokenTypeElapsedDateTimes ||
			tok.TType == nfp.TokenTypeDateTimes && strings.ContainsAny(tok.TValue, "yYdDhHsS")
	})
}
