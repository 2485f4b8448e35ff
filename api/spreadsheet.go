package api

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
)

// Downloads: the series, projection and assessment routes answer
// ?format=csv and ?format=xlsx from one table, so a planner's spreadsheet
// and a script's CSV carry the same columns and the same numbers.

// Download formats besides JSON.
const (
	formatJSON = "json"
	formatCSV  = "csv"
	formatXLSX = "xlsx"
)

// formatParam reads ?format=: json (the default), csv or xlsx.
func formatParam(c echo.Context) (string, error) {
	switch f := c.QueryParam("format"); f {
	case "", formatJSON:
		return formatJSON, nil
	case formatCSV, formatXLSX:
		return f, nil
	default:
		return "", plancast.Errorf(plancast.EINVALID, "format=%q must be json, csv or xlsx", f)
	}
}

// downloadParams reads ?format= and ?lang= (the language of a download).
func downloadParams(c echo.Context) (format, lang string, err error) {
	if format, err = formatParam(c); err != nil {
		return "", "", err
	}
	lang, err = langParam(c)
	return format, lang, err
}

// langParam reads ?lang= for downloads: en (the default) or zh, which gives
// the headers, names, plans, kinds and statuses in Chinese.
func langParam(c echo.Context) (string, error) {
	switch l := c.QueryParam("lang"); l {
	case "", "en":
		return "en", nil
	case "zh":
		return "zh", nil
	default:
		return "", plancast.Errorf(plancast.EINVALID, "lang=%q must be en or zh", l)
	}
}

// table is one download. CSV writes the header and rows; XLSX writes them
// on one sheet with the numbers as numbers (formatted by their precision),
// the header frozen and filterable, and About on a second sheet.
type table struct {
	Sheet  string // the XLSX sheet's name
	Header []string
	Rows   [][]cell
	// About is what the numbers are (method, vintage, units), as label and
	// text pairs: the XLSX file's second sheet. CSV leaves it out so that it
	// stays one rectangle a script can read.
	About [][2]string
	// Lang is the language of the header and the words, en or zh. A zh CSV
	// starts with a UTF-8 byte-order mark, without which Excel reads its
	// Chinese as mojibake; an en one has none, for the scripts that read it.
	Lang string
}

type cellKind uint8

const (
	cellBlank   cellKind = iota
	cellText             // a string, written as text (CSV: neutralised by safeCell)
	cellNumber           // a number shown with Prec decimals and thousands separators
	cellPercent          // a fraction shown as a percentage: 0.157 → 15.7%
	cellYear             // an integer shown without separators: 2025
)

// cell is one value of a table.
type cell struct {
	Kind cellKind
	Text string
	Num  float64
	Prec int // decimals shown in XLSX for cellNumber (0–maxPrec), of the percent for cellPercent; CSV writes every digit
}

// maxPrec is the most decimals a number cell is shown with: a figure's two,
// and four more to tell an observed figure apart from the target it misses
// (plancast.ApartPrec: 2,199.996 against 2,200); a projected value under 1
// keeps about four significant digits (plancast.ShownPrec: 0.0003815 takes
// 7, and down to 1e-6, where the text turns to e-notation, 9), and one more.
const maxPrec = 10

func textCell(s string) cell { return cell{Kind: cellText, Text: s} }
func yearCell(y int) cell    { return cell{Kind: cellYear, Num: float64(y)} }

func numCell(v float64, prec int) cell { return cell{Kind: cellNumber, Num: v, Prec: prec} }

// optNumCell is blank when p is nil.
func optNumCell(p *float64, prec int) cell {
	if p == nil {
		return cell{}
	}
	return numCell(*p, prec)
}

// percentCell is a fraction shown as a percentage; blank when p is nil.
// It is shown to one decimal of its percent, or more (up to four more,
// plancast.PacePrec) where one would write a fraction that is not zero
// as zero: a required growth of 0.0003 a year is "0.03%", not "0.0%",
// which read as nothing needed.
func percentCell(p *float64) cell {
	if p == nil {
		return cell{}
	}
	return cell{Kind: cellPercent, Num: *p, Prec: plancast.PacePrec(100**p, math.NaN(), 1)}
}

// safeCell neutralises a text cell that a spreadsheet would run as a formula
// (a leading =, +, - or @, or a tab or carriage return) by prefixing a quote,
// as OWASP advises for CSV injection. Numbers are written by strconv and are
// never text cells, so "-3.5" stays a number.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// csvText is a cell as CSV text. Numbers carry every digit without an
// exponent ("1000000", not "1e+06"), fractions stay fractions (0.157) as
// in the JSON answers.
func (c cell) csvText() string {
	switch c.Kind {
	case cellText:
		return safeCell(c.Text)
	case cellNumber, cellPercent, cellYear:
		return strconv.FormatFloat(c.Num, 'f', -1, 64)
	}
	return ""
}

// render writes t in format (csv or xlsx).
func (t *table) render(format string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	if format == formatXLSX {
		err = t.writeXLSX(&buf)
	} else {
		err = t.writeCSV(&buf)
	}
	if err != nil {
		return nil, fmt.Errorf("write the %s sheet as %s: %w", t.Sheet, format, err)
	}
	return buf.Bytes(), nil
}

func (t *table) writeCSV(out io.Writer) error {
	if t.Lang == "zh" {
		if _, err := io.WriteString(out, "\uFEFF"); err != nil {
			return err
		}
	}
	w := csv.NewWriter(out)
	header := make([]string, len(t.Header))
	for i, h := range t.Header {
		header[i] = safeCell(h)
	}
	if err := w.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(t.Header))
	for _, row := range t.Rows {
		for i := range rec {
			rec[i] = ""
			if i < len(row) {
				rec[i] = row[i].csvText()
			}
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// writeXLSX streams the rows (excelize's StreamWriter keeps memory flat for
// the nationwide assessment's 34,200 rows).
func (t *table) writeXLSX(out io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", t.Sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(t.Sheet)
	if err != nil {
		return err
	}
	styles, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	// Widths and panes go before the first row.
	for i, w := range t.columnWidths() {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	values := make([]any, len(t.Header))
	for i, h := range t.Header {
		values[i] = excelize.Cell{StyleID: styles.header, Value: h}
	}
	if err := sw.SetRow("A1", values); err != nil {
		return err
	}
	for r, row := range t.Rows {
		for i := range values {
			values[i] = nil
			if i < len(row) {
				values[i] = styles.value(row[i])
			}
		}
		ref, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(ref, values); err != nil {
			return err
		}
	}
	if len(t.Rows) > 0 {
		last, err := excelize.CoordinatesToCellName(len(t.Header), len(t.Rows)+1)
		if err != nil {
			return err
		}
		// A table gives every column a filter button (by status, say).
		if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: "plancast", StyleName: "TableStyleLight9", ShowRowStripes: ptr(true)}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if len(t.About) > 0 {
		if err := t.writeAbout(f, styles); err != nil {
			return err
		}
	}
	return f.Write(out)
}

func (t *table) writeAbout(f *excelize.File, styles *sheetStyles) error {
	name := "About"
	if t.Lang == "zh" {
		name = "说明"
	}
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "A", "A", 22); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "B", "B", 100); err != nil {
		return err
	}
	// SetSheetRow takes plain values (an excelize.Cell is written as its Go
	// syntax, unlike in a StreamWriter), so the key's style is set apart.
	for i, kv := range t.About {
		key := fmt.Sprintf("A%d", i+1)
		if err := f.SetSheetRow(name, key, &[]any{kv[0], kv[1]}); err != nil {
			return err
		}
		if err := f.SetCellStyle(name, key, key, styles.header); err != nil {
			return err
		}
	}
	return nil
}

// columnWidths fits each column to its longest text, counting a Chinese
// character as two, between 6 and 60 characters.
func (t *table) columnWidths() []float64 {
	widths := make([]float64, len(t.Header))
	for i, h := range t.Header {
		widths[i] = float64(displayWidth(h))
	}
	for _, row := range t.Rows {
		for i := 0; i < len(row) && i < len(widths); i++ {
			w := 12 // numbers: "1,234,567.89"
			if row[i].Kind == cellText {
				w = displayWidth(row[i].Text)
			}
			widths[i] = max(widths[i], float64(w))
		}
	}
	for i := range widths {
		widths[i] = min(max(widths[i]+2, 6), 60)
	}
	return widths
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if utf8.RuneLen(r) >= 3 { // CJK and other wide characters
			n += 2
		} else {
			n++
		}
	}
	return n
}

// sheetStyles are the XLSX styles a table uses, made once per file.
type sheetStyles struct {
	header, year int
	number       [maxPrec + 1]int // by decimals: #,##0  #,##0.0  #,##0.00 …
	percent      [maxPrec + 1]int // by decimals of the percent: 0%  0.0%  0.00% …
}

func newSheetStyles(f *excelize.File) (*sheetStyles, error) {
	s := &sheetStyles{}
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return nil, err
	}
	if s.year, err = f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0")}); err != nil {
		return nil, err
	}
	for prec := range s.number {
		fmtText := "#,##0"
		if prec > 0 {
			fmtText += "." + strings.Repeat("0", prec)
		}
		if s.number[prec], err = f.NewStyle(&excelize.Style{CustomNumFmt: ptr(fmtText)}); err != nil {
			return nil, err
		}
		percent := "0"
		if prec > 0 {
			percent += "." + strings.Repeat("0", prec)
		}
		if s.percent[prec], err = f.NewStyle(&excelize.Style{CustomNumFmt: ptr(percent + "%")}); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// value is a cell as excelize writes it: numbers keep every digit and are
// shown with their style's decimals.
func (s *sheetStyles) value(c cell) any {
	switch c.Kind {
	case cellText:
		return c.Text
	case cellNumber:
		return excelize.Cell{StyleID: s.number[min(max(c.Prec, 0), maxPrec)], Value: c.Num}
	case cellPercent:
		return excelize.Cell{StyleID: s.percent[min(max(c.Prec, 0), maxPrec)], Value: c.Num}
	case cellYear:
		return excelize.Cell{StyleID: s.year, Value: int(c.Num)}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// download answers a table in format (csv or xlsx), rendered once per data
// version like the JSON answers; key must name everything the table
// depends on, its language included.
func (s *Server) download(c echo.Context, key, file, format string, build func(version string) (*table, error)) error {
	ctx := c.Request().Context()
	body, err := s.cached(ctx, "download", "download\x00"+format+"\x00"+key, func() ([]byte, error) {
		version, err := s.cache.Version(ctx)
		if err != nil {
			return nil, err
		}
		t, err := build(version)
		if err != nil {
			return nil, err
		}
		return t.render(format)
	})
	if err != nil {
		return err
	}
	return sendTable(c, body, file, format)
}

// sendTable answers with a rendered table as an attachment.
func sendTable(c echo.Context, body []byte, file, format string) error {
	h := c.Response().Header()
	contentType := "text/csv; charset=utf-8"
	if format == formatXLSX {
		contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s.%s"`, file, format))
	return c.Blob(http.StatusOK, contentType, body)
}
