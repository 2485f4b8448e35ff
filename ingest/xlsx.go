package ingest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"maps"
	"math"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"github.com/xuri/nfp"

	"github.com/plancast/plancast"
)

// Bounds on what a spreadsheet may unpack to: a pushed file is untrusted, and
// a small zip can inflate to gigabytes.
const (
	// 100 MiB unpacked is several times the largest statistical yearbook
	// workbook; beyond it a push is refused rather than inflated in memory.
	xlsxUnzipLimit = 100 << 20
	xlsxMergeCells = 1_000_000 // cells filled from merged ranges
)

// xlsxPanicked starts the problem reported when the spreadsheet library
// panics; the fuzz test looks for it.
const xlsxPanicked = "unreadable spreadsheet (the reader failed)"

// readXLSX reads one sheet of a workbook (Options.Sheet, else the one
// defaultSheet picks) as a table, or, with Options.AllSheets, each of its
// sheets that holds one (readAllSheets). Merged cells are filled with the
// merged value in every cell they cover, so that a header "年份" merged
// across the year columns, or "指标" merged down two header rows, reads as
// if written in each cell. Values are read raw (unformatted): 1234.5 rather
// than "1,234.50".
func (p *parser) readXLSX(br *bufio.Reader) (err error) {
	// excelize is a large parser of untrusted input; a panic in it on a
	// malformed file is a problem with that file, not a reason to crash.
	defer func() {
		if r := recover(); r != nil {
			p.ps.add(Problem{File: p.file, Sheet: p.sheet, Message: fmt.Sprintf("%s: %v", xlsxPanicked, r)})
			err = nil
		}
	}()
	data, err := io.ReadAll(br) // excelize reads the whole archive anyway; the merge scan needs it too
	if err != nil {
		return err
	}
	if part, err := damagedPart(data); err != nil {
		p.ps.add(Problem{File: p.file, Message: fmt.Sprintf("damaged workbook: its part %s does not unpack (%v); open the file in the spreadsheet program and save it again", part, err)})
		return nil
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: xlsxUnzipLimit})
	if err != nil {
		p.ps.add(Problem{File: p.file, Message: fmt.Sprintf("not a readable .xlsx workbook: %v", err)})
		return nil
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		p.ps.add(Problem{File: p.file, Message: "the workbook has no sheets"})
		return nil
	}
	if p.opt.AllSheets {
		if p.opt.Sheet != "" {
			p.ps.add(Problem{File: p.file, Message: fmt.Sprintf("sheet %q and every sheet were both asked for: ask for one "+
				"(plancast ingest --sheet NAME or --all-sheets; ?sheet=NAME or ?all_sheets=true on the push)", p.opt.Sheet)})
			return nil
		}
		defer p.done()
		return p.readAllSheets(data, f, sheets)
	}
	p.sheet = defaultSheet(f, sheets)
	if p.opt.Sheet != "" {
		found := false
		for _, s := range sheets {
			if s == p.opt.Sheet || strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(p.opt.Sheet)) {
				p.sheet, found = s, true
				break
			}
		}
		if !found {
			msg := fmt.Sprintf("no sheet %q: the workbook has %s", p.opt.Sheet, strings.Join(sheets, ", "))
			switch near := nearSheets(p.opt.Sheet, sheets); len(near) {
			case 0:
			case 1:
				msg += fmt.Sprintf("; did you mean %q? (%s)", near[0], sheetOption(p.file, near[0]))
			default:
				msg += fmt.Sprintf("; did you mean %s?", quotedOr(near))
			}
			if strings.TrimSpace(p.opt.Sheet) == "*" { // no sheet's name holds a *: Excel refuses one
				msg += "; to read every sheet that holds a table in one batch, ask for all sheets (" + allSheetsOption(p.file) + ")"
			}
			p.ps.add(Problem{File: p.file, Message: msg})
			return nil
		}
	}
	var tables []string // the other sheets that hold a table, found once
	p.otherSheets = func() string {
		tables = p.otherTables(f, sheets)
		return p.otherSheetsHint(f, sheets, tables)
	}
	defer p.done()
	if err := p.readSheet(data, f); err != nil {
		return err
	}
	if p.opt.Sheet == "" && tables == nil {
		if note := p.unreadTablesNote(f, sheets); note != "" {
			p.b.Notes = append(p.b.Notes, note)
		}
	}
	return nil
}

// nearSheets are the sheets a name no sheet has (typed) likely meant. A
// year typed with or without 年 finds its year's sheet: "2023" the sheet
// 2023年 (or "2023 年", "２０２３年"), "2023年" the sheet 2023; else the
// sheets whose names begin with that year (2024年主要指标), when no more
// than three do; never another year's sheet. Any other name finds the
// sheet it is in another case or with other spaces, hyphens or underscores
// ("gdp 2023" for GDP_2023), else the one a typo away (plancast.Nearest:
// "Shet 2" for "Sheet2").
func nearSheets(typed string, sheets []string) []string {
	if year := sheetYearKey(typed); yearRe.MatchString(year) {
		var same, starting []string
		for _, s := range sheets {
			switch k := sheetYearKey(s); {
			case k == year:
				same = append(same, s)
			case strings.HasPrefix(k, year+"年"):
				starting = append(starting, s)
			}
		}
		if len(same) > 0 {
			return same
		}
		if len(starting) > 0 && len(starting) <= 3 {
			return starting
		}
		return nil // another year's sheet is not a typo away: "2022" does not mean 2023年
	}
	t := foldSheetName(typed)
	folded := make([]string, len(sheets))
	for i, s := range sheets {
		if folded[i] = foldSheetName(s); folded[i] == t {
			return []string{s}
		}
	}
	if n := plancast.Nearest(t, folded); n != "" {
		return []string{sheets[slices.Index(folded, n)]}
	}
	return nil
}

// yearRe is a year as a sheet is named after it.
var yearRe = regexp.MustCompile(`^[12][0-9]{3}$`)

// sheetYearKey is a sheet's name as a year is compared in it: without
// spaces (full-width ones too), full-width digits as ASCII ones, and
// without a trailing 年: "2023 年" and "２０２３年" are "2023".
func sheetYearKey(name string) string {
	k := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		}
		return r
	}, name)
	return strings.TrimSuffix(k, "年")
}

// foldSheetName is a sheet's name in lower case without spaces, hyphens and
// underscores.
func foldSheetName(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, name)
}

// quotedOr writes names as a "did you mean" lists them: "a", "b" or "c".
func quotedOr(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = strconv.Quote(n)
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}

// readSheet reads the sheet p.sheet of the workbook f (data, its archive)
// as a table.
func (p *parser) readSheet(data []byte, f *excelize.File) (err error) {
	doc := sheetDoc(data, p.sheet) // unpacked once for the merge and the style scans
	merged, err := mergeRanges(doc, f, p.sheet)
	if err != nil {
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Message: fmt.Sprintf("unreadable merged cells: %v", err)})
		return nil
	}
	formulas, scanned := uncomputedFormulas(doc)
	rows, err := f.Rows(p.sheet)
	if err != nil {
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Message: fmt.Sprintf("unreadable sheet: %v", err)})
		return nil
	}
	defer rows.Close()
	firstObs, firstTarget := len(p.b.Observations), len(p.b.Targets)
	defer func() {
		if err == nil {
			p.formattedCells(doc, f, firstObs, firstTarget)
		}
	}()
	p.headerDates = func(rows []tableRow, unread []int) bool { return p.headerDateCells(doc, f, rows, unread) }
	uncomputed := &uncomputedCells{}
	defer p.reportUncomputed(f, uncomputed)
	num := 0
	return p.readTable(func() (tableRow, error) {
		if !rows.Next() {
			if err := rows.Error(); err != nil {
				p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: num + 1, Message: fmt.Sprintf("unreadable row: %v", err)})
			}
			return tableRow{}, io.EOF
		}
		num++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: num, Message: fmt.Sprintf("unreadable row: %v", err)})
			return tableRow{num: num}, nil
		}
		if len(cells) > maxColumns {
			cells = cells[:maxColumns]
		}
		if scanned {
			uncomputed.note(num, cells, formulas[num])
		} else {
			uncomputed.note(num, cells, emptyFormulas(f, p.sheet, num, cells))
		}
		var written []string
		if len(merged[num]) > 0 {
			written = slices.Clone(cells)
		}
		cells = merged.fill(num, cells)
		return tableRow{num: num, cells: cells, written: written, uncomputed: uncomputed.inRow(num)}, nil
	})
}

// readAllSheets reads every visible sheet of the workbook f (data, its
// archive) that holds a table, in the workbook's order, into the one batch
// (Options.AllSheets). A problem on any of them refuses the push, each
// naming its sheet; a figure given on two sheets is one figure when they
// agree and a conflict naming both places when they do not (checkBatch, as
// for two rows of one sheet). The sheets left out are named in a note,
// each with why:
//
//   - an empty sheet, and one without a header row in its first rows (a
//     cover, notes): readTable would find no table there, and each would
//     refuse the push, though the other sheets are what was meant;
//   - a chart sheet (a dialog or macro sheet): it has no cells;
//   - a hidden sheet, table or not: its author does not see it, and a
//     hidden sheet keeping last year's figures, or a lookup list, is what
//     a workbook hides (defaultSheet does not read one either). One that
//     holds a table is said so, with how to read it by name (Options.Sheet
//     reads a hidden sheet).
//
// A workbook in which no sheet is read is refused, naming each sheet and
// why it was left out.
func (p *parser) readAllSheets(data []byte, f *excelize.File, sheets []string) error {
	kinds := sheetKinds(data)
	var read []string
	var left []leftOut
	defer func() { p.noTable = nil }()
	for _, s := range sheets {
		if p.ps.full {
			return nil
		}
		p.sheet = s
		if kind := kinds[s]; kind != "" {
			left = append(left, leftOut{sheet: s, why: kind + ", without cells"})
			continue
		}
		if !sheetVisible(f, s) {
			why := "hidden, without a table"
			if p.holdsTable(f, s) {
				why = "hidden; it holds a table, and a hidden sheet is read only when named: " + sheetOption(p.file, s)
			}
			left = append(left, leftOut{sheet: s, why: why})
			continue
		}
		var none string
		p.noTable = func(rows []tableRow) {
			none = "empty"
			if slices.ContainsFunc(rows, func(r tableRow) bool { return !r.blank() }) {
				none = fmt.Sprintf("no header row in its first %d rows", headerSearchRows)
				if len(rows) < headerSearchRows {
					none = "no header row"
				}
			}
		}
		if err := p.readSheet(data, f); err != nil {
			return err
		}
		if none != "" {
			left = append(left, leftOut{sheet: s, why: none})
			continue
		}
		read = append(read, s)
		// A targets table's rows left out as versions no longer in force
		// are said for each sheet (Parse says them of the last one read).
		if note := p.notInForceNote(); note != "" {
			p.b.Notes = append(p.b.Notes, note)
		}
		p.notInForce = nil
	}
	switch {
	case len(read) == 0:
		p.ps.add(Problem{File: p.file, Message: fmt.Sprintf("no sheet holds a table to read (a header row with columns such as region/地区, indicator/指标, "+
			"year/年份 and value/数值, or year columns (2019, 2019年), in its first %d rows): %s", headerSearchRows, leftOutText(left))})
	case len(left) > 0:
		p.b.Notes = append(p.b.Notes, fmt.Sprintf("%s: %s %s read, and %s left out: %s", p.file,
			sheetsText(f, read), plural(len(read), "was", "were"), countOf(len(left), "sheet", "sheets"), leftOutText(left)))
	}
	return nil
}

// leftOut is a sheet readAllSheets left out, and why.
type leftOut struct{ sheet, why string }

// leftOutText names the sheets left out, each with why:
// "封面" (empty), "图表" (a chart sheet, without cells).
func leftOutText(left []leftOut) string {
	parts := make([]string, len(left))
	for i, l := range left {
		parts[i] = fmt.Sprintf("%q (%s)", l.sheet, l.why)
	}
	return strings.Join(parts, ", ")
}

// sheetKinds names the sheets of a workbook's archive (data) that are not
// worksheets, by what they are: "a chart sheet", "a dialog sheet", "a macro
// sheet". A sheet of none of these, or of an archive whose parts are not
// where workbook.xml and its relations say, is not in it, and is read as a
// worksheet (excelize reads a chart sheet as one without rows).
func sheetKinds(data []byte) map[string]string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	parts, ok := sheetParts(zr)
	if !ok {
		return nil
	}
	kinds := map[string]string{}
	for _, sp := range parts {
		for _, k := range []struct{ dir, kind string }{
			{"xl/chartsheets/", "a chart sheet"}, {"xl/dialogsheets/", "a dialog sheet"}, {"xl/macrosheets/", "a macro sheet"},
		} {
			if strings.HasPrefix(sp.part, k.dir) {
				kinds[sp.name] = k.kind
			}
		}
	}
	return kinds
}

// defaultSheet is the sheet read when a push names none: the active sheet
// (the one the workbook opens at, where its author left it) when it is
// visible, else the first visible one, else the first. The first sheet
// was read before, even a hidden one: a workbook whose hidden first sheet
// kept last year's figures had those pushed, not the ones its author saw.
func defaultSheet(f *excelize.File, sheets []string) string {
	if i := f.GetActiveSheetIndex(); i >= 0 && i < len(sheets) && sheetVisible(f, sheets[i]) {
		return sheets[i]
	}
	for _, s := range sheets {
		if sheetVisible(f, s) {
			return s
		}
	}
	return sheets[0]
}

func sheetVisible(f *excelize.File, sheet string) bool {
	visible, err := f.GetSheetVisible(sheet)
	return err == nil && visible
}

// otherTables lists the sheets of the workbook other than the one read
// whose first rows (headerSearchRows) hold a header row that readTable
// would read. A push reads one sheet; these are the ones it leaves out
// that could have been meant.
func (p *parser) otherTables(f *excelize.File, sheets []string) []string {
	tables := []string{}
	for _, s := range sheets {
		if s != p.sheet && p.holdsTable(f, s) {
			tables = append(tables, s)
		}
	}
	return tables
}

// holdsTable reports whether one of the first rows of a sheet is a header
// row that readTable would read (merged cells are not filled in: a header
// is found by its names, which a merge leaves in its first cell).
func (p *parser) holdsTable(f *excelize.File, sheet string) bool {
	rows, err := f.Rows(sheet)
	if err != nil {
		return false // a chart sheet, or one that cannot be read: no table to push
	}
	defer rows.Close()
	for n := 1; n <= headerSearchRows && rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return false
		}
		if isHeader(p.columns(tableRow{num: n, cells: cells[:min(len(cells), maxColumns)]}, nil)) {
			return true
		}
	}
	return false
}

// sheetLabels names sheets in a message, quoted, saying which are hidden.
func sheetLabels(f *excelize.File, sheets []string) string {
	labels := make([]string, len(sheets))
	for i, s := range sheets {
		labels[i] = strconv.Quote(s)
		if !sheetVisible(f, s) {
			labels[i] += " (hidden)"
		}
	}
	return strings.Join(labels, ", ")
}

// sheetOption says how to push one sheet of a workbook (file): on the
// command line, and as the push route's query parameter.
func sheetOption(file, sheet string) string {
	return fmt.Sprintf("plancast ingest --sheet %q %s, or ?sheet=%s on the push", sheet, file, queryText(sheet))
}

// allSheetsOption says how to push every visible sheet of a workbook
// (file) that holds a table, in one batch (Options.AllSheets), as
// sheetOption says how to push one.
func allSheetsOption(file string) string {
	return fmt.Sprintf("plancast ingest --all-sheets %s, or ?all_sheets=true on the push", file)
}

// howToRead says how to push the sheets of a workbook that hold a table
// (tables, which the push did not read): every visible one in one batch
// (allSheetsOption), or one by name (sheetOption), the only way a hidden
// sheet is read.
func (p *parser) howToRead(f *excelize.File, tables []string) string {
	hidden := 0
	for _, s := range tables {
		if !sheetVisible(f, s) {
			hidden++
		}
	}
	switch hidden {
	case 0:
		return fmt.Sprintf("push every sheet that holds a table in one batch (%s), or one by name (%s)",
			allSheetsOption(p.file), sheetOption(p.file, tables[0]))
	case len(tables):
		return fmt.Sprintf("a hidden sheet is read only when named (%s)", sheetOption(p.file, tables[0]))
	}
	return fmt.Sprintf("push every visible sheet that holds a table in one batch (%s), or one by name (%s), the only way a hidden sheet is read",
		allSheetsOption(p.file), sheetOption(p.file, tables[0]))
}

// queryText escapes what a query parameter cannot hold as it is (a space,
// &, #, %, ...), and leaves other characters, Chinese ones too, as they
// are, so that a sheet's name stays readable in a message.
func queryText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteString(url.QueryEscape(string(r)))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sheetsText is "sheet" or "sheets" and the sheets' labels (sheetLabels).
func sheetsText(f *excelize.File, sheets []string) string {
	return plural(len(sheets), "sheet ", "sheets ") + sheetLabels(f, sheets)
}

// otherSheetsHint ends the problem of a sheet without a header row: the
// workbook's other sheets, which of them hold a table (tables), and how to
// push them (howToRead), since the sheet read may be a cover or a note,
// not the table meant. "" for a workbook of one sheet.
func (p *parser) otherSheetsHint(f *excelize.File, sheets []string, tables []string) string {
	others := slices.DeleteFunc(slices.Clone(sheets), func(s string) bool { return s == p.sheet })
	switch {
	case len(others) == 0:
		return ""
	case len(tables) == 0:
		return fmt.Sprintf("; sheet %q was read, and the workbook's other %s %s none either", p.sheet, sheetsText(f, others), plural(len(others), "holds", "hold"))
	case len(tables) == len(others):
		return fmt.Sprintf("; sheet %q was read, and the workbook's other %s %s: %s",
			p.sheet, sheetsText(f, tables), plural(len(tables), "holds a table", "hold tables"), p.howToRead(f, tables))
	}
	return fmt.Sprintf("; sheet %q was read; of the workbook's other %s, only %s %s: %s",
		p.sheet, sheetsText(f, others), sheetLabels(f, tables), plural(len(tables), "holds a table", "hold tables"), p.howToRead(f, tables))
}

// unreadTablesNote says which other sheets of the workbook hold a table
// that the push did not read, and how to push them (howToRead), when it
// named no sheet: they were left out without a word, and a workbook of a
// sheet a year had its first year pushed alone. "" when there are none.
func (p *parser) unreadTablesNote(f *excelize.File, sheets []string) string {
	tables := p.otherTables(f, sheets)
	if len(tables) == 0 {
		return ""
	}
	return fmt.Sprintf("%s: sheet %q was read; %s %s too and %s not read: %s",
		p.file, p.sheet, sheetsText(f, tables), plural(len(tables), "holds a table", "hold tables"), plural(len(tables), "was", "were"), p.howToRead(f, tables))
}

func plural(n int, one, more string) string {
	if n == 1 {
		return one
	}
	return more
}

// formulaCell is a cell holding a formula and no value computed from it:
// its column (1-based) and the formula as written in the sheet (without
// its "="; "" for a cell sharing another cell's formula).
type formulaCell struct {
	col     int
	formula string
}

// uncomputedFormulas finds the sheet's formula cells that hold no value
// computed from the formula (doc is the sheet's XML, from sheetDoc), by
// row. A workbook written by a library (excelize, openpyxl, and others)
// holds its formulas alone until a spreadsheet program opens it and
// computes them; excelize reads such a cell as empty, and a figure would
// be read as missing, or in a wide table left out. A cell without a value
// (<c><f>B2*2</f></c>) is one, as is an empty value in a cell of a number
// (openpyxl writes <c><f>B2*2</f><v></v></c>); an empty value in a cell of
// text (t="str") is a formula's empty text, as Excel writes the result of
// =IF(B2="","",B2*2), and is computed. A sheet whose XML holds no formula
// tag, as most pushed sheets, is not scanned, nor one whose every formula
// is followed by its value (formulasValued), as a spreadsheet program
// saves them. scanned is false when doc is nil or not read by the scan,
// and emptyFormulas asks excelize instead.
func uncomputedFormulas(doc []byte) (byRow map[int][]formulaCell, scanned bool) {
	if doc == nil {
		return nil, false
	}
	// <f> or a prefixed <x:f>: a tag named f, or any other tag with an f
	// after a '<' or a ':' (<filterColumn>, <x14:formula>), which only
	// costs the scan.
	prefixed := bytes.Contains(doc, []byte(":f"))
	if !prefixed && (!bytes.Contains(doc, []byte("<f")) || formulasValued(doc)) {
		return nil, true
	}
	sc := newStyleScan(nil) // for the cells' positions, as the style scan finds them
	tags, err := openWorksheet(doc)
	if err != nil {
		return nil, false
	}
	var (
		inCell, hasFormula, hasValue, emptyValue, text bool
		formula                                        string
	)
	for {
		err := tags.next()
		if err == io.EOF {
			return byRow, true
		}
		if err != nil {
			return nil, false
		}
		if tags.closing {
			if tags.depth == 4 && inCell {
				inCell = false
				if hasFormula && (!hasValue || emptyValue && !text) {
					if byRow == nil {
						byRow = map[int][]formulaCell{}
					}
					byRow[sc.row] = append(byRow[sc.row], formulaCell{col: sc.col, formula: formula})
				}
			}
			sc.endElement(tags.depth)
			continue
		}
		local, ok := localName(tags.name)
		if !ok {
			return nil, false
		}
		if err := sc.startElement(tags.depth, local, tags); err != nil {
			return nil, false
		}
		switch {
		case tags.depth == 4 && sc.inRow && string(local) == "c":
			inCell = !tags.empty
			hasFormula, hasValue, emptyValue, formula = false, false, false, ""
			text = string(lastAttr(tags.attrs, "t")) == "str"
		case tags.depth == 5 && inCell && string(local) == "f":
			hasFormula = true
			if !tags.empty {
				if end := bytes.IndexByte(tags.doc[tags.pos:], '<'); end >= 0 {
					formula = html.UnescapeString(string(tags.doc[tags.pos : tags.pos+end]))
				}
			}
		case tags.depth == 5 && inCell && string(local) == "v":
			hasValue = true
			emptyValue = tags.empty || tags.pos < len(tags.doc) && tags.doc[tags.pos] == '<'
		case tags.depth == 5 && inCell && string(local) == "is": // an inline text: note reads it
			hasValue = true
		}
	}
}

// formulasValued reports whether every <f> element of a sheet's XML (one
// without a namespace prefix) is followed at once by a <v> that is not
// empty: <f>B2*2</f><v>3</v>, <f t="shared" si="0"/><v>3</v>. It looks at
// the bytes only, for the scan to be skipped in a workbook saved by a
// spreadsheet program, and answers false whenever it is not sure (spaces
// between the two, a <v> with attributes, an empty text computed by a
// formula): the scan then decides.
func formulasValued(doc []byte) bool {
	for rest := doc; ; {
		i := bytes.Index(rest, []byte("<f"))
		if i < 0 {
			return true
		}
		rest = rest[i+len("<f"):]
		if len(rest) == 0 {
			return false
		}
		switch rest[0] {
		case '>', '/', ' ', '\t', '\r', '\n':
		default:
			continue // another tag: <filterColumn>, <formula1>
		}
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return false
		}
		if end > 0 && rest[end-1] == '/' { // <f t="shared" si="0"/>
			rest = rest[end+1:]
		} else {
			closing := bytes.Index(rest, []byte("</f>"))
			if closing < 0 {
				return false
			}
			rest = rest[closing+len("</f>"):]
		}
		if !bytes.HasPrefix(rest, []byte("<v>")) || len(rest) <= len("<v>") || rest[len("<v>")] == '<' {
			return false
		}
	}
}

// emptyFormulas asks excelize which of a row's empty cells hold a formula,
// for a sheet uncomputedFormulas could not scan. It cannot tell a formula
// never computed from one computed to an empty text, and takes both for the
// first. Its first question loads the whole worksheet; a sheet not scanned
// is rare.
func emptyFormulas(f *excelize.File, sheet string, row int, cells []string) []formulaCell {
	var out []formulaCell
	for i, c := range cells {
		if c != "" {
			continue
		}
		name, err := excelize.CoordinatesToCellName(i+1, row)
		if err != nil {
			break
		}
		formula, err := f.GetCellFormula(sheet, name)
		if err != nil {
			break
		}
		if formula != "" {
			out = append(out, formulaCell{col: i + 1, formula: formula})
		}
	}
	return out
}

// uncomputedCells are a sheet's formula cells without a computed value as
// its rows are read, by column: the first, its row, and how many more down
// to which row; and the rows that hold one.
type uncomputedCells struct {
	cols map[int]*uncomputedColumn
	rows map[int]bool
}

type uncomputedColumn struct {
	first          formulaCell
	row, more, end int
}

// note keeps the formula cells of row num that read as empty: a cell that
// has a text after all (an inline string) is read as that text.
func (u *uncomputedCells) note(num int, cells []string, formulas []formulaCell) {
	for _, fc := range formulas {
		if fc.col-1 < len(cells) && cells[fc.col-1] != "" {
			continue
		}
		if u.cols == nil {
			u.cols, u.rows = map[int]*uncomputedColumn{}, map[int]bool{}
		}
		u.rows[num] = true
		if c := u.cols[fc.col]; c != nil {
			c.more++
			c.end = num
		} else {
			u.cols[fc.col] = &uncomputedColumn{first: fc, row: num}
		}
	}
}

func (u *uncomputedCells) inRow(num int) bool { return u.rows[num] }

// reportUncomputed adds a problem for each column with formula cells
// without a computed value, at its first such cell, quoting its formula.
func (p *parser) reportUncomputed(f *excelize.File, u *uncomputedCells) {
	for _, col := range slices.Sorted(maps.Keys(u.cols)) {
		c, letter := u.cols[col], columnLetter(col-1)
		formula := c.first.formula
		if formula == "" { // a cell sharing another's formula: excelize works out its own
			if name, err := excelize.CoordinatesToCellName(col, c.row); err == nil {
				formula, _ = f.GetCellFormula(p.sheet, name)
			}
		}
		what := "a formula"
		if formula != "" {
			what = "the formula " + cell{text: "=" + formula}.quoted()
		}
		const fix = "open the workbook in Excel, WPS or LibreOffice and save it, so that the values are stored, or paste the cells as values"
		at := record{File: p.file, Sheet: p.sheet, Row: c.row}
		p.ps.add(at.problem(letter, "", "the cell holds %s but no value computed from it%s, so %s would be read as empty: %s",
			what, alsoInColumn(c.more, c.end, letter, "does", "do"), itOrThey(c.more), fix))
	}
}

// formattedCells judges the cells of the figures read from this sheet by
// their number formats: a year cell formatted as a date is refused
// (dateYearCells), and a figure's cell formatted as a percentage read as its
// author sees it (percentCells). The workbook's styles are looked at first:
// in one without a percent or a date format, as most are, no cell is looked
// up, and the sheet is scanned for the styles of the cells once for both.
// The figures refused are taken out of the batch.
func (p *parser) formattedCells(doc []byte, f *excelize.File, firstObs, firstTarget int) {
	formats := workbookFormats(f)
	var years []sheetYear
	var figures []sheetFigure
	if formats.mayHave(formats.date) {
		years = p.sheetYears(firstObs, firstTarget)
	}
	if formats.mayHave(formats.percent) {
		figures = p.sheetFigures(firstObs, firstTarget)
	}
	if len(years)+len(figures) == 0 {
		return
	}
	asked := make(map[cellRef]bool, len(years)+len(figures))
	for _, y := range years {
		asked[y.cell] = true
	}
	for _, fig := range figures {
		asked[fig.cell] = true
	}
	styles := cellStyles(doc, f, p.sheet, asked)
	drop := map[figureOf]map[int]bool{observationValue: {}, targetValue: {}}
	p.dateYearCells(f, formats, styles, years, drop)
	p.percentCells(doc, f, formats, styles, figures, drop)
	p.b.Observations, p.b.obsFrom = dropFigures(p.b.Observations, p.b.obsFrom, drop[observationValue])
	p.b.Targets, p.b.targetFrom = dropFigures(p.b.Targets, p.b.targetFrom, drop[targetValue])
}

// percentCells reads the figures of cells formatted as percentages as
// their author sees them. Raw values keep full precision, but a cell showing
// "8.5%" holds 0.085: a figure in percent (a value of an indicator in
// percent, a stated growth, a growth or share target, any target of an
// indicator in percent) read from such a cell is multiplied by 100, so the
// figure is what the cell shows. Any other figure from such a cell (a value
// of an indicator not in percent; a level, ceiling or floor target of one)
// is refused (refusePercentCells): typing 140% into a cell of GDP makes it
// hold 1.4, which would be stored as 1.4 亿元. styles are the cells' style
// ids (cellStyles); the refused figures are added to drop.
func (p *parser) percentCells(doc []byte, f *excelize.File, formats *numberFormats, styles map[cellRef]int, figures []sheetFigure, drop map[figureOf]map[int]bool) {
	var refused []sheetFigure
	for _, fig := range figures {
		id, known := styles[fig.cell]
		if !known {
			continue
		}
		switch {
		case !formats.has(id, formats.percent):
		case fig.inPercent:
			p.times100(fig)
		default:
			refused = append(refused, fig)
		}
	}
	if len(refused) > 0 {
		p.refusePercentCells(doc, f, refused, drop)
	}
}

// sheetFigure is a figure read from this sheet, the cell it was read from,
// and whether it is in percent.
type sheetFigure struct {
	cell      cellRef
	of        figureOf
	i         int // in Observations or Targets
	inPercent bool
}

// figureOf says which figure of an observation or target a sheetFigure is.
type figureOf int

const (
	observationValue figureOf = iota
	observationGrowth
	targetValue
)

// sheetFigures lists the figures read from this sheet with their cells:
// values (but a withdrawal's, which has none) and stated growths of
// observations, and targets' values, each of an indicator the catalog
// holds. In percent are the values of indicators in percent, stated
// growths, and targets of a growth, a share or an indicator in percent.
func (p *parser) sheetFigures(firstObs, firstTarget int) []sheetFigure {
	out := make([]sheetFigure, 0, len(p.b.Observations)-firstObs+len(p.b.Targets)-firstTarget)
	add := func(col string, row int, of figureOf, i int, inPercent bool) {
		if c, ok := cellAt(col, row); ok {
			out = append(out, sheetFigure{cell: c, of: of, i: i, inPercent: inPercent})
		}
	}
	for i := firstObs; i < len(p.b.Observations); i++ {
		o, at := &p.b.Observations[i], p.b.obsFrom[i]
		if ind, known := p.res.indicators[o.Indicator]; known && o.Status != plancast.StatusWithdrawn {
			add(at.valueCol, at.Row, observationValue, i, ind.Unit == plancast.UnitPercent)
		}
		if o.Growth != nil {
			add(at.growthCol(), at.Row, observationGrowth, i, true)
		}
	}
	for i := firstTarget; i < len(p.b.Targets); i++ {
		t := &p.b.Targets[i]
		ind, known := p.res.indicators[t.Indicator]
		if !known {
			continue
		}
		inPercent := t.Kind == plancast.TargetGrowth || t.Kind == plancast.TargetAvgGrowth || t.Kind == plancast.TargetShare ||
			ind.Unit == plancast.UnitPercent
		add(p.b.targetFrom[i].valueCol, p.b.targetFrom[i].Row, targetValue, i, inPercent)
	}
	return out
}

// sheetYear is a year read from a cell of this sheet: the year of a figure
// or a target, or the base year of a figure's stated growth, with its
// column and the figure's index in Observations (field fieldYear or
// fieldGrowthBase) or Targets (of targetValue).
type sheetYear struct {
	cell  cellRef
	col   string
	field string
	of    figureOf
	i     int
	held  int
}

// sheetYears lists the years read from cells of this sheet that are no
// year plancast takes (outside 1900–2150, as a date's serial number is:
// 2022-01-01 holds 44562): the year and growth base year of each figure of
// a long table, the year of each target. A year in range is what the cell
// holds, as typed, even in a cell formatted as a date (2022 typed into a
// column of dates shows 1905-07-14): it is read as before, and a workbook
// of valid years needs no cell looked up for dates. A wide table's years
// are its header's (headerDateCells).
func (p *parser) sheetYears(firstObs, firstTarget int) []sheetYear {
	var out []sheetYear
	add := func(col string, row int, field string, of figureOf, i, held int) {
		if plancast.MinYear <= held && held <= plancast.MaxYear {
			return
		}
		if c, ok := cellAt(col, row); ok {
			out = append(out, sheetYear{cell: c, col: col, field: field, of: of, i: i, held: held})
		}
	}
	for i := firstObs; i < len(p.b.Observations); i++ {
		o, at := &p.b.Observations[i], p.b.obsFrom[i]
		if at.yearCol != at.valueCol { // not a wide table's
			add(at.yearCol, at.Row, fieldYear, observationValue, i, o.Year)
		}
		if o.GrowthBaseYear != 0 {
			add(at.baseCol(), at.Row, fieldGrowthBase, observationValue, i, o.GrowthBaseYear)
		}
	}
	for i := firstTarget; i < len(p.b.Targets); i++ {
		add(p.b.targetFrom[i].yearCol, p.b.targetFrom[i].Row, fieldYear, targetValue, i, p.b.Targets[i].Year)
	}
	return out
}

// dateYearCells refuses each year (from sheetYears) read from a cell
// formatted as a date (styles: the cells' style ids, from cellStyles),
// adding its figure to drop. Typing 2022-01-01, or formatting a year
// column as dates, makes the cell hold the date's serial number (44562),
// which was read as the year 44562 and refused as "year 44562 is outside
// 1900–2150", saying nothing of the date. The year is not guessed from the
// date: the problem says what the cell shows and holds, and what to type.
//
//	t.xlsx sheet Sheet1 row 2 column C (year): the cell is a date (shows 2022-01-01, holds 44562): a year is a number; type 2022, formatted as a number or text
func (p *parser) dateYearCells(f *excelize.File, formats *numberFormats, styles map[cellRef]int, years []sheetYear, drop map[figureOf]map[int]bool) {
	date1904, looked := false, false
	for _, y := range years {
		id, known := styles[y.cell]
		if !known || !formats.has(id, formats.date) {
			continue
		}
		if !looked { // whether the workbook's dates count from 1904
			looked = true
			if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
				date1904 = *props.Date1904
			}
		}
		var at record
		if y.of == targetValue {
			at = p.b.targetFrom[y.i].record
		} else {
			at = p.b.obsFrom[y.i].record
		}
		p.ps.add(at.problem(y.col, y.field, "%s", dateYearMessage(y.held, date1904)))
		drop[y.of][y.i] = true
	}
}

// headerDateCells looks, when none of a sheet's first rows is a header
// (unread nil), for one that would be with its cells formatted as dates
// read as the years they show: a wide table's header of years typed as
// dates (2021-01-01, 2022-01-01), whose cells hold 44197 and 44562, read as
// no year at all. Given the columns a wide table's header (rows[0]) does
// not read, it looks at those: a year typed as a date beside years typed
// as numbers, whose figures were left out as those of a column plancast
// does not read. It refuses each such cell, as dateYearCells does a year
// column's, and reports whether it found one; the header is not read with
// the years guessed.
func (p *parser) headerDateCells(doc []byte, f *excelize.File, rows []tableRow, unread []int) bool {
	formats := workbookFormats(f)
	if !formats.mayHave(formats.date) {
		return false
	}
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	// shown is the year a cell holding a date's serial number shows.
	shown := func(text string) (held, year int, ok bool) {
		v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
		if err != nil || v != math.Trunc(v) || v < 1 || v > 1e6 {
			return 0, 0, false
		}
		t, err := excelize.ExcelDateToTime(v, date1904)
		if err != nil || t.Year() < plancast.MinYear || t.Year() > plancast.MaxYear {
			return 0, 0, false
		}
		return int(v), t.Year(), true
	}
	looked := func(i int) bool { return unread == nil || slices.Contains(unread, i) }
	asked := map[cellRef]bool{}
	for _, row := range rows {
		for i, text := range row.cells {
			if _, _, ok := shown(text); ok && looked(i) {
				asked[cellRef{col: i + 1, row: row.num}] = true
			}
		}
	}
	if len(asked) == 0 {
		return false
	}
	styles := cellStyles(doc, f, p.sheet, asked)
	for _, row := range rows {
		years := tableRow{num: row.num, cells: slices.Clone(row.cells)}
		var dates []int
		for i, text := range row.cells {
			id, known := styles[cellRef{col: i + 1, row: row.num}]
			if !known || !looked(i) || !formats.has(id, formats.date) {
				continue
			}
			if _, year, ok := shown(text); ok {
				years.cells[i] = strconv.Itoa(year)
				dates = append(dates, i)
			}
		}
		if len(dates) == 0 || unread == nil && !isHeader(p.columns(years, nil)) {
			continue
		}
		for _, i := range dates {
			held, _, _ := shown(row.cells[i])
			p.ps.add(p.rec(row).problem(columnLetter(i), fieldYear, "%s", dateYearMessage(held, date1904)))
		}
		return true
	}
	return false
}

// dateYearMessage says what a year cell formatted as a date shows and holds
// (held, in a workbook whose dates count from 1904 when date1904), and what
// to type instead.
func dateYearMessage(held int, date1904 bool) string {
	shows, shownYear := "", 0
	if t, err := excelize.ExcelDateToTime(float64(held), date1904); err == nil && held >= 0 {
		shows, shownYear = "shows "+t.Format("2006-01-02")+", ", t.Year()
	}
	what := fmt.Sprintf("the cell is a date (%sholds %d): a year is a number", shows, held)
	if shows != "" && plancast.MinYear <= shownYear && shownYear <= plancast.MaxYear {
		return fmt.Sprintf("%s; type %d, formatted as a number or text", what, shownYear)
	}
	return what + "; type the year, formatted as a number or text"
}

// refusePercentCells adds a problem at each cell formatted as a percentage
// whose figure is not in percent, saying what the cell shows and holds, as
// percentFits and targetPercentFits do for "140%" typed in a CSV file, and
// adds its figure to drop, to take out of the batch.
func (p *parser) refusePercentCells(doc []byte, f *excelize.File, refused []sheetFigure, drop map[figureOf]map[int]bool) {
	asked := make(map[cellRef]bool, len(refused))
	for _, fig := range refused {
		asked[fig.cell] = true
	}
	raw := cellValues(doc, f, p.sheet, asked)
	for _, fig := range refused {
		formatted, then := "the cell is formatted as a percentage", ""
		if v, err := strconv.ParseFloat(strings.TrimSpace(raw[fig.cell]), 64); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
			formatted += " (shows " + strconv.FormatFloat(roundSignificant(v*100, 12), 'f', -1, 64) + "%)"
			then = " (" + strconv.FormatFloat(v, 'f', -1, 64) + ")"
		}
		switch fig.of {
		case observationValue:
			o, at := &p.b.Observations[fig.i], p.b.obsFrom[fig.i]
			p.ps.add(at.record.problem(at.valueCol, fieldValue,
				"%s, but indicator %s is measured in %s, not in percent: format the cell as a number, and check the figure it then shows%s; %s",
				formatted, o.Indicator, unitLabel(p.res.indicators[o.Indicator].Unit), then, percentHintTable))
		case targetValue:
			t, at := &p.b.Targets[fig.i], p.b.targetFrom[fig.i]
			p.ps.add(at.record.problem(at.valueCol, fieldValue,
				"%s, but a %s target of indicator %s is in %s, not in percent: format the cell as a number, and check the level it then shows%s, "+
					"or make it a growth target (kind growth or avg_growth: 增速, 年均增速)",
				formatted, t.Kind, t.Indicator, unitLabel(p.res.indicators[t.Indicator].Unit), then))
		}
		drop[fig.of][fig.i] = true
	}
}

// dropFigures takes the figures at the indices in drop, and their origins,
// out of a batch's lists.
func dropFigures[F, O any](figures []F, from []O, drop map[int]bool) ([]F, []O) {
	if len(drop) == 0 {
		return figures, from
	}
	n := 0
	for i := range figures {
		if drop[i] {
			continue
		}
		figures[n] = figures[i]
		if i < len(from) {
			from[n] = from[i]
		}
		n++
	}
	return figures[:n], from[:min(n, len(from))]
}

// cellAt is the cell in a column (by its letters) and a row; ok is false when
// there is none, as for a figure without a growth column.
func cellAt(col string, row int) (cellRef, bool) {
	if col == "" || row < 1 || row > excelize.TotalRows {
		return cellRef{}, false
	}
	c, err := excelize.ColumnNameToNumber(col) // no cell name to build: this runs for every figure
	return cellRef{col: c, row: row}, err == nil
}

// times100 turns a figure read as a fraction (0.085) into the percentage
// its cell shows (8.5).
func (p *parser) times100(fig sheetFigure) {
	switch fig.of {
	case observationValue:
		o := &p.b.Observations[fig.i]
		o.Value = roundSignificant(o.Value*100, 12)
	case observationGrowth:
		o := &p.b.Observations[fig.i]
		g := roundSignificant(*o.Growth*100, 12)
		o.Growth = &g
	case targetValue:
		t := &p.b.Targets[fig.i]
		t.Value = roundSignificant(t.Value*100, 12)
	}
}

// percentFormat reports whether a cell style formats numbers as percentages:
// the built-in formats 9 (0%) and 10 (0.00%), or a custom format with a %
// that is not quoted or escaped (customFormatHas).
func percentFormat(st *excelize.Style) bool {
	if st != nil && (st.NumFmt == 9 || st.NumFmt == 10) {
		return true
	}
	return customFormatHas(st, func(tok nfp.Token) bool { return tok.TType == nfp.TokenTypePercent })
}

// customFormatHas reports whether a cell style's custom number format holds
// a token that is, as nfp reads it: the parser excelize formats cells with,
// so that a format is judged as the cell is shown ("0.0\"%\"" and "0\\%"
// show a literal %). A parser is made for each format: one keeps the
// tokens of the formats it read before.
func customFormatHas(st *excelize.Style, is func(nfp.Token) bool) bool {
	if st == nil || st.CustomNumFmt == nil {
		return false
	}
	parser := nfp.NumberFormatParser()
	for _, section := range parser.Parse(*st.CustomNumFmt) {
		if slices.ContainsFunc(section.Items, is) {
			return true
		}
	}
	return false
}

// mergeRange is a merged range of cells (1-based, inclusive) and the value of
// its top-left cell, learnt when the streaming reaches that cell's row.
type mergeRange struct {
	c1, r1, c2, r2 int
	value          string
}

// merges indexes merged ranges by the rows they cover.
type merges map[int][]*mergeRange

// fill writes each merged range's value into the empty cells it covers in row
// num, taking the value from the top-left cell when num is its row.
func (ms merges) fill(num int, cells []string) []string {
	for _, m := range ms[num] {
		if num == m.r1 && m.c1-1 < len(cells) {
			m.value = cells[m.c1-1]
		}
		if m.value == "" {
			continue
		}
		for len(cells) < m.c2 {
			cells = append(cells, "")
		}
		for c := m.c1; c <= m.c2; c++ {
			if strings.TrimSpace(cells[c-1]) == "" {
				cells[c-1] = m.value
			}
		}
	}
	return cells
}

// mergeRanges finds the merged ranges of a sheet. excelize's GetMergeCells
// parses the whole worksheet into memory (seconds for 100k rows, and then the
// row iterator re-serialises it), so the ranges are read from the sheet's XML
// (doc, from sheetDoc) directly: they sit after the cell data in
// <mergeCells>. Without doc, GetMergeCells is the fallback.
func mergeRanges(doc []byte, f *excelize.File, sheet string) (merges, error) {
	refs := scanMergeRefs(doc)
	if doc == nil {
		ranges, err := f.GetMergeCells(sheet, true)
		if err != nil {
			return nil, err
		}
		refs = refs[:0]
		for _, m := range ranges {
			refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
		}
	}
	out := merges{}
	budget := xlsxMergeCells
	for _, ref := range refs {
		a, b, _ := strings.Cut(ref, ":")
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		c2, r2, err2 := excelize.CellNameToCoordinates(b)
		if err1 != nil || err2 != nil || c2 < c1 || r2 < r1 {
			continue
		}
		c2 = min(c2, maxColumns)
		if n := (r2 - r1 + 1) * (c2 - c1 + 1); n > budget || n <= 0 {
			continue // a range this large is formatting, not a header
		} else {
			budget -= n
		}
		m := &mergeRange{c1: c1, r1: r1, c2: c2, r2: r2}
		for r := r1; r <= r2; r++ {
			out[r] = append(out[r], m)
		}
	}
	return out, nil
}

// mergeCellRef matches <mergeCell ref="A1:H1"/>, with any namespace prefix.
var mergeCellRef = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref="([A-Za-z]+[0-9]+:[A-Za-z]+[0-9]+)"`)

// scanMergeRefs reads the merged ranges out of a sheet's XML.
func scanMergeRefs(doc []byte) (refs []string) {
	if i := bytes.LastIndex(doc, []byte("sheetData>")); i >= 0 {
		doc = doc[i:]
	}
	for _, m := range mergeCellRef.FindAllSubmatch(doc, -1) {
		refs = append(refs, string(m[1]))
	}
	return refs
}

// sheetDoc is the XML of a sheet's part, unpacked from the archive once for
// the merge and the style scans; nil when the part is not where workbook.xml
// and its relations say (or its name is held twice), and excelize answers
// instead.
func sheetDoc(data []byte, sheet string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	part, ok := sheetPart(zr, sheet)
	if !ok {
		return nil
	}
	doc, ok := readPart(zr, part)
	if !ok {
		return nil
	}
	if doc == nil {
		doc = []byte{} // an empty part is still the sheet's
	}
	return doc
}

// sheetPart maps a sheet name to its part in the archive through
// xl/workbook.xml and xl/_rels/workbook.xml.rels. excelize finds a sheet by
// its name in any case, and of several sheets or relationships that fit it
// keeps one by rules not followed here; then there is no answer, and the
// callers ask excelize.
func sheetPart(zr *zip.Reader, sheet string) (string, bool) {
	all, ok := sheetParts(zr)
	if !ok {
		return "", false
	}
	var parts []string
	for _, sp := range all {
		if strings.EqualFold(sp.name, sheet) {
			parts = append(parts, sp.part)
		}
	}
	if len(parts) != 1 {
		return "", false
	}
	return parts[0], true
}

// namedPart is a sheet's name and a part its relationship points to.
type namedPart struct{ name, part string }

// sheetParts lists the sheets of xl/workbook.xml, in order, with the parts
// xl/_rels/workbook.xml.rels points them to: a sheet once for each
// relationship of its id (none for a sheet without one).
func sheetParts(zr *zip.Reader) ([]namedPart, bool) {
	wbData, ok := readPart(zr, "xl/workbook.xml")
	if !ok {
		return nil, false
	}
	relsData, ok := readPart(zr, "xl/_rels/workbook.xml.rels")
	if !ok {
		return nil, false
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(wbData, &wb) != nil || xml.Unmarshal(relsData, &rels) != nil {
		return nil, false
	}
	var parts []namedPart
	for _, s := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID == s.ID {
				parts = append(parts, namedPart{name: s.Name, part: relTargetPart(r.Target)})
			}
		}
	}
	return parts, true
}

// relTargetPart is the part a relationship of xl/workbook.xml points to.
func relTargetPart(target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return path.Join("xl", target)
}

// damagedPart finds the first part of a workbook archive that does not
// unpack whole: a checksum or deflate error, the mark of a file damaged in
// transit. excelize does not check the parts' checksums, so a damaged part
// could be read as other text than was written, or crash its reader; the
// file is refused instead. Parts beyond the unzip limit are left to
// excelize's own limit. Not an archive at all is excelize's to say.
func damagedPart(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", nil
	}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err == nil {
			_, err = io.Copy(io.Discard, io.LimitReader(rc, xlsxUnzipLimit))
			rc.Close()
		}
		if err != nil {
			return zf.Name, err
		}
	}
	return "", nil
}

// readPart reads one part of the archive, within the unzip limit. excelize
// reads a backslash in an entry's name as "/", and of two entries of one
// name keeps the last; a name held twice is not read here, so as not to read
// the other one.
func readPart(zr *zip.Reader, name string) ([]byte, bool) {
	var part *zip.File
	for _, zf := range zr.File {
		if strings.ReplaceAll(zf.Name, `\`, "/") != name {
			continue
		}
		if part != nil {
			return nil, false
		}
		part = zf
	}
	if part == nil {
		return nil, false
	}
	rc, err := part.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, xlsxUnzipLimit+1))
	if err != nil || len(data) > xlsxUnzipLimit {
		return nil, false
	}
	return data, true
}
