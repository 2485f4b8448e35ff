// Package ingest turns the documents statistics bureaus push (JSON, CSV, XLSX)
// into validated observations and targets, and applies them to a store all or
// nothing.
//
// One reader per format: json.go reads JSON (an array of observations in the
// series endpoint's shape, or a plancast.Bundle); csv.go and xlsx.go turn CSV
// files and spreadsheet sheets into rows of cells (merged cells filled in).
// A table's layout is the same whichever file it came in, so table.go finds
// the header (skipping title rows, joining a header that spans two lines) and
// hands each row to long.go (one figure per row, or a column per indicator),
// wide.go (a column per year, as yearbooks print them) or targets.go (plan
// targets). fields.go reads each kind of cell, units.go converts units,
// headers.go knows the column names in English and Chinese, catalog.go
// resolves region and indicator names, validate.go checks a batch as a whole,
// apply.go writes it and report.go says what happened.
//
// Every problem is collected (up to Options.MaxProblems) with its file, sheet,
// row and column, and a batch with any problem writes nothing.
package ingest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest/internal/charset"
)

// Formats Parse reads.
const (
	FormatJSON = "json"
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// Content types of the formats, as HTTP clients send them.
const (
	ContentTypeJSON = "application/json"
	ContentTypeCSV  = "text/csv"
	ContentTypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// Defaults for Options.
const (
	DefaultMaxRows     = 1_000_000
	DefaultMaxProblems = 100
)

// Options tune Parse. The zero value is usable.
type Options struct {
	// Format is json, csv or xlsx; empty means detect it from the content type,
	// then the file name, then the first bytes.
	Format string
	// Sheet is the spreadsheet sheet to read; empty means the active sheet
	// when it is visible, else the first visible one.
	Sheet string
	// AllSheets reads every visible sheet of a workbook that holds a table,
	// in the workbook's order, into the one batch (plancast ingest
	// --all-sheets, ?all_sheets=true): a problem on any sheet refuses it
	// all. The sheets left out (empty, no header row, a chart sheet,
	// hidden) are named in a note, saying why. Sheet must then be empty.
	// Other formats ignore it, as they do Sheet.
	AllSheets bool
	// Published is the vintage date of figures that do not carry their own;
	// zero means today. A date after tomorrow is one problem of the push
	// (PushDateAhead), not one of each row it would date.
	Published plancast.Date
	// TargetsList reads a bare JSON array as a list of targets, as the
	// bundle's "targets" is read (POST /api/v1/targets): an item of it that
	// is a figure is said to be one. Without it a bare array is a list of
	// figures, or of figures and targets told apart by their keys.
	TargetsList bool
	// Region is the region of rows that name none (a table without a region
	// column whose title does not name one either); empty means such rows are
	// an error. The HTTP handler may set it from a single-region token.
	Region string
	// MaxRows bounds the rows read from one document (DefaultMaxRows if 0).
	MaxRows int
	// MaxProblems bounds the problems reported (DefaultMaxProblems if 0);
	// reading stops when it is reached.
	MaxProblems int
	// Progress, when set, is called every ProgressEvery rows with the rows read
	// so far, and once at the end with done set.
	Progress func(file string, rows int, done bool)
	// RefusePlanTables refuses a plan's targets table that names no plan
	// or kind (指标 | 2020年 | 2025年 | 年均增长 | 属性: plantable.go),
	// naming the column that marks it, where the zero value reads it as
	// targets (plancast ingest, POST /api/v1/targets). The figures route
	// (POST /api/v1/observations) sets it: a table pushed there as figures
	// that is a plan's targets is said to be one, not read as either.
	RefusePlanTables bool
	// Size is the document's length in bytes when it is known and trusted (a
	// file's size; plancast ingest sets it), else 0. A large CSV's figures are
	// then held in slices sized once from it, not grown by copying: a third
	// less time and 60% less memory for 100,000 rows
	// (BenchmarkParseLongCSV100k). Do not set it from an untrusted source: the
	// estimate reserves memory for rows the document's first bytes promise.
	Size int64
}

// ProgressEvery is how often Options.Progress is called, in rows.
const ProgressEvery = 10_000

// Batch is what one or more documents hold: catalog declarations, figures and
// targets, all resolved to codes and converted to each indicator's unit, and
// the problems found. Merge batches of several files to apply them together.
type Batch struct {
	Files        []string               `json:"files,omitempty"`
	Regions      []plancast.Region      `json:"regions,omitempty"`
	Indicators   []plancast.Indicator   `json:"indicators,omitempty"`
	Observations []plancast.Observation `json:"observations,omitempty"`
	Targets      []plancast.Target      `json:"targets,omitempty"`
	Problems     []Problem              `json:"problems,omitempty"`
	// Notes say what was read but left out on purpose (the versions of a
	// target no longer in force in a targets download); Apply passes them
	// on in its report.
	Notes []string `json:"notes,omitempty"`

	// obsFrom[i] and targetFrom[i] say where Observations[i] and Targets[i]
	// were read, so that checks on the whole batch can name rows. They may be
	// shorter than the lists when a caller builds a Batch by hand.
	obsFrom    []origin
	targetFrom []targetOrigin
	// declFrom says where each declared region ("region:code") and indicator
	// ("indicator:code") was read.
	declFrom map[string]record
	// regionCols is the region column of each table read (by file and
	// sheet), so that a row can be named with it after reading
	// (RowsOutside); a row's origin does not carry it, to stay small.
	regionCols map[sheetOf]string
	// empty are the files read into the batch that held nothing to write
	// and no problem (EmptyFiles).
	empty []string
	// undated are the files whose rows carried no published date of their
	// own and were dated the day of the push (undatedFile.note).
	undated []undatedFile
}

// undatedFile is a file whose figures and targets, or some of them,
// carried no published date and took the day of the push (Options.
// Published was not given: today), so that an answer as of an earlier
// date leaves them out.
type undatedFile struct {
	file             string
	figures, targets int
	day              plancast.Date
}

// note is the report's note on a file whose rows carried no published
// date of their own and were dated the day of the push: a wide table of
// 2018–2025 without a published column was stored as published that day,
// and an answer as of any earlier date had none of it, without a word.
// Only the kinds the push writes are said (figures, targets: a re-push of
// the same figures writes none of them, and dates none), and of them only
// those written take the date: the store, not the push, knows which, so
// the note says "each one this push writes". "" when nothing is to be said.
func (u undatedFile) note(figures, targets bool) string {
	if !figures {
		u.figures = 0
	}
	if !targets {
		u.targets = 0
	}
	var what string
	switch {
	case u.figures+u.targets == 0:
		return ""
	case u.targets == 0:
		what = countOf(u.figures, "figure", "figures")
	case u.figures == 0:
		what = countOf(u.targets, "target", "targets")
	default:
		what = countOf(u.figures, "figure", "figures") + " and " + countOf(u.targets, "target", "targets")
	}
	verb, each := "carry", "each one this push writes (new or revised) is"
	if u.figures+u.targets == 1 {
		verb, each = "carries", "if this push writes it (new or revised), it is"
	}
	return fmt.Sprintf("%s: %s %s no published date, so %s dated %s, the day of the push, and an answer as of an earlier date does not have it; "+
		"to date them, give the file a published column (发布日期: the day each was published or set) or the push a date "+
		"(?published=YYYY-MM-DD, plancast ingest --published YYYY-MM-DD)", u.file, what, verb, each, u.day)
}

// countOf is "1 figure", "8 figures".
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// EmptyFiles are the documents read into b that hold nothing to write and
// no problem: a table's header without rows, an empty JSON list. Alongside
// others that hold something such a file is harmless, and Apply says so in
// a note (EmptyFilesNote); a batch of nothing else is refused, naming them:
// a push that writes nothing was probably of the wrong file.
func (b *Batch) EmptyFiles() []string { return b.empty }

// holdsNothing is what an empty file is said to hold, in the note and the
// problem alike.
const holdsNothing = "no figures or targets (a header without rows, or an empty list)"

// blank reports whether b holds nothing to write and no problem:
// Parse notes a file read into such a batch as empty, and Apply refuses a
// batch of empty files alone.
func (b *Batch) blank() bool {
	return len(b.Observations)+len(b.Targets)+len(b.Regions)+len(b.Indicators)+len(b.Problems) == 0
}

// EmptyFilesNote is the note of a push saying which of its files held
// nothing (EmptyFiles): "h.csv holds no figures or targets (…): 0 from it".
func EmptyFilesNote(files []string) string {
	if len(files) == 1 {
		return fmt.Sprintf("%s holds %s: 0 from it", files[0], holdsNothing)
	}
	return fmt.Sprintf("%s hold %s: 0 from them", strings.Join(files, ", "), holdsNothing)
}

// emptyFileProblem refuses a push whose every file is empty, at each.
func emptyFileProblem(file string) Problem {
	return Problem{File: file, Message: "holds " + holdsNothing + ", so the push would write nothing: was another file meant?"}
}

// sheetOf names a table: its file and, in a workbook, its sheet.
type sheetOf struct{ file, sheet string }

func (b *Batch) noteRegionColumn(file, sheet, letter string) {
	if b.regionCols == nil {
		b.regionCols = map[sheetOf]string{}
	}
	b.regionCols[sheetOf{file, sheet}] = letter
}

// Outside is what a batch holds of regions a writer may not write
// (RowsOutside): the rows, JSON items and declarations that name one, and
// the first of them.
type Outside struct {
	Rows   int    // rows (a wide table's row once), items and declarations
	Region string // the first one's region
	At     string // where the first one is: "mixed.csv row 4 column A (region)"
}

// RowsOutside finds the figures, targets and declared regions of b whose
// region may reports false, counting each row or item once, and names the
// first in reading order (of b.Files, then row or line). A batch without
// any gives the zero Outside.
func (b *Batch) RowsOutside(may func(region string) bool) Outside {
	fileIndex := map[string]int{}
	for i, f := range b.Files {
		if _, ok := fileIndex[f]; !ok {
			fileIndex[f] = i
		}
	}
	var out Outside
	var first record
	seen := map[record]bool{}
	add := func(region string, at record) {
		if may(region) || seen[at] {
			return
		}
		seen[at] = true
		out.Rows++
		if out.Rows == 1 || recordBefore(at, first, fileIndex) {
			first, out.Region = at, region
		}
	}
	for i, o := range b.Observations {
		add(o.Region, b.obsOrigin(i).record)
	}
	for i, t := range b.Targets {
		add(t.Region, b.targetOrigin(i).record)
	}
	for i, r := range b.Regions {
		at, ok := b.declFrom["region:"+r.Code]
		if !ok {
			at = record{File: "regions", Row: i + 1}
		}
		add(r.Code, at)
	}
	if out.Rows == 0 {
		return out
	}
	p := Problem{File: first.File, Sheet: first.Sheet, Row: first.Row, Line: first.Line}
	if col, ok := b.regionCols[sheetOf{first.File, first.Sheet}]; ok && first.Row > 0 {
		p.Column, p.Field = col, fieldRegion
	}
	out.At = strings.TrimSuffix(p.Error(), ": ")
	return out
}

// recordBefore reports whether a comes before b in reading order: by file
// (its place in the batch), sheet, then row and line.
func recordBefore(a, b record, fileIndex map[string]int) bool {
	if a.File != b.File {
		return fileIndex[a.File] < fileIndex[b.File]
	}
	if a.Sheet != b.Sheet {
		return a.Sheet < b.Sheet
	}
	if a.Row != b.Row {
		return a.Row < b.Row
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// origin is where a figure or target was read, with the columns that hold its
// year and value, and what its file has a place for (places).
type origin struct {
	record
	yearCol, valueCol string
	// places is shared by every row of a table, or by every JSON item that
	// gives the same keys (nil: the file says everything, as a Batch built
	// by hand does): a pointer rather than two more strings and a byte keeps
	// a 100,000-row push's origins small.
	places *rowPlaces
}

// targetOrigin is where a target was read and, for a row whose version
// column says it is the version in force (a targets download's row), that
// claim, which Apply checks against the store (checkVersionClaims). Only
// targets carry it, so a figure's origin stays as small as it was.
type targetOrigin struct {
	origin
	claim *versionClaim
	// kindCol is the column of the target's kind, where a kind that does
	// not fit its indicator is refused ("" in JSON, which names the key).
	kindCol string
	// base is the base year's figure a plan table's row gives beside the
	// target (nil: none), which checkTargetSlips judges it beside.
	base *planBase
}

// versionClaim is what a targets download's row says of its version beside
// the target: that it is the one in force, dated in the published column
// (undated: that cell is blank, as it is for a version stored before
// versions were dated).
type versionClaim struct {
	publishedCol string
	undated      bool
}

// rowPlaces is what a row's file has a place for besides the figure's
// year and value: the columns of a table's stated growth and its base year
// ("" when it has none), and which of the figure's status and stated growth
// it has no place for at all (unsaid).
type rowPlaces struct {
	growth, base string
	unsaid       unsaid
	// unit is the unit the value was written in when it was converted
	// to its indicator's ("" when it was not): typed.go.
	unit string
}

// unsaid says which of a figure's status and stated growth its row leaves
// unsaid because its file has no place for them: a table without a status
// column (and, wide, without a status in the year's header) or without a
// growth column (a wide table never has one), a JSON item without the
// "status" or "growth" key. A row says only what its file has a place for:
// pushed with the value of the stored figure it is compared with, it takes
// that figure's status and stated growth, and a re-push of the same numbers
// changes nothing (Apply, fillUnsaid). A place left blank (an empty cell in
// a status or growth column, "growth": null) is said: it says none.
type unsaid uint8

const (
	unsaidStatus unsaid = 1 << iota
	unsaidGrowth
)

// unsaidOnly are the places of a file with no growth column, by what it
// leaves unsaid, shared by every figure read from one (never changed).
var unsaidOnly = [...]rowPlaces{{}, {unsaid: unsaidStatus}, {unsaid: unsaidGrowth}, {unsaid: unsaidStatus | unsaidGrowth}}

// placesUnsaid is the places of a file with no growth column that leaves u
// unsaid.
func placesUnsaid(u unsaid) *rowPlaces { return &unsaidOnly[u] }

func (o origin) growthCol() string {
	if o.places == nil {
		return ""
	}
	return o.places.growth
}

func (o origin) baseCol() string {
	if o.places == nil {
		return ""
	}
	return o.places.base
}

// unsaid is what the figure's row leaves unsaid (rowPlaces.unsaid).
func (o origin) unsaid() unsaid {
	if o.places == nil {
		return 0
	}
	return o.places.unsaid
}

// Merge appends another batch to b, keeping where each item came from.
func (b *Batch) Merge(o *Batch) {
	b.Files = append(b.Files, o.Files...)
	b.Regions = append(b.Regions, o.Regions...)
	b.Indicators = append(b.Indicators, o.Indicators...)
	b.obsFrom = append(padOrigins(b.obsFrom, len(b.Observations)), padOrigins(o.obsFrom, len(o.Observations))...)
	b.targetFrom = append(padOrigins(b.targetFrom, len(b.Targets)), padOrigins(o.targetFrom, len(o.Targets))...)
	b.Observations = append(b.Observations, o.Observations...)
	b.Targets = append(b.Targets, o.Targets...)
	b.Problems = append(b.Problems, o.Problems...)
	b.Notes = append(b.Notes, o.Notes...)
	b.empty = append(b.empty, o.empty...)
	b.undated = append(b.undated, o.undated...)
	for k, v := range o.regionCols {
		b.noteRegionColumn(k.file, k.sheet, v)
	}
	for k, v := range o.declFrom {
		if b.declFrom == nil {
			b.declFrom = map[string]record{}
		}
		b.declFrom[k] = v
	}
}

func padOrigins[O any](os []O, n int) []O {
	for len(os) < n {
		var none O
		os = append(os, none)
	}
	return os[:n]
}

func (b *Batch) obsOrigin(i int) origin {
	if i < len(b.obsFrom) {
		return b.obsFrom[i]
	}
	return origin{record: record{File: "observations", Row: i + 1}}
}

func (b *Batch) targetOrigin(i int) targetOrigin {
	if i < len(b.targetFrom) {
		return b.targetFrom[i]
	}
	return targetOrigin{origin: origin{record: record{File: "targets", Row: i + 1}}}
}

// Parse reads one document into a Batch. The format is opt.Format, or detected
// from the content type, the name's extension and the first bytes. Names and
// units are resolved against cat plus whatever the document declares. Problems
// with the content go into Batch.Problems; the error is only for a document
// that cannot be read: an unknown format, or a reader that failed before the
// document's end (*ReadError, however much was read before it).
func Parse(name string, contentType string, r io.Reader, cat Catalog, opt Options) (*Batch, error) {
	if opt.MaxRows <= 0 {
		opt.MaxRows = DefaultMaxRows
	}
	if opt.MaxProblems <= 0 {
		opt.MaxProblems = DefaultMaxProblems
	}
	pushDated := !opt.Published.IsZero()
	opt.Published = opt.Published.OrToday()
	if name == "" {
		name = "upload"
	}
	body := &stickyReader{r: r}
	br := bufio.NewReaderSize(body, 64<<10)
	format := opt.Format
	if format == "" {
		head, _ := br.Peek(512)
		format = DetectFormat(name, contentType, head)
	}
	if format == FormatCSV || format == FormatJSON {
		head, _ := br.Peek(NotTextHead)
		if msg := NotText(path.Base(name), contentType, head); msg != "" {
			return nil, plancast.Errorf(plancast.EINVALID, "%s", msg)
		}
	}
	p := &parser{
		file: path.Base(name),
		opt:  opt,
		res:  newResolver(cat),
		ps:   problems{limit: opt.MaxProblems},
		b:    &Batch{Files: []string{path.Base(name)}},
	}
	if ahead := PushDateAhead(opt.Published); ahead != "" {
		// Said once, of the push's date: no row or published column gave
		// it. The rows are read as of today, so none is blamed for it.
		p.ps.add(Problem{Message: fmt.Sprintf("published %s, the push's date (?published=, or plancast ingest --published), %s; leave it out for today",
			opt.Published, ahead)})
		p.opt.Published = plancast.Today()
	}
	var err error
	switch format {
	case FormatJSON:
		err = p.readJSON(br)
	case FormatCSV:
		err = p.readCSV(br)
	case FormatXLSX:
		err = p.readXLSX(br)
	default:
		return nil, plancast.Errorf(plancast.EINVALID, "%s: unknown format %q: use json, csv or xlsx", p.file, format)
	}
	// A reader that stopped early (at a problem, or at the row limit) has
	// not seen the rest: a document cut short there would be refused for
	// the problem its cut made, or not at all. Reading to the end finds a
	// cut anywhere.
	_, _ = io.Copy(io.Discard, br)
	if body.err != nil {
		return nil, &ReadError{File: p.file, Read: body.n, Err: body.err}
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p.file, err)
	}
	if note := p.notInForceNote(); note != "" {
		p.b.Notes = append(p.b.Notes, note)
	}
	if !p.ps.full {
		checkBatch(p.b, cat, &p.ps)
	}
	if !pushDated && p.undatedFigures+p.undatedTargets > 0 {
		p.b.undated = []undatedFile{{file: p.file, figures: p.undatedFigures, targets: p.undatedTargets, day: p.opt.Published}}
	}
	p.b.Problems = sortProblems(p.ps.list)
	if p.b.blank() {
		p.b.empty = []string{p.file}
	}
	return p.b, nil
}

// ReadError is a document that could not be read to its end: a body whose
// connection dropped before the length it announced (io.ErrUnexpectedEOF), a
// file whose disk failed. Parse refuses the whole document for it, whatever
// its first part held: read as a whole, a figure cut mid-number is stored
// short (48 for 48.7) and the rows after it are lost without a word.
type ReadError struct {
	File string
	Read int64 // bytes read before the error
	Err  error
}

func (e *ReadError) Error() string {
	return fmt.Sprintf("%s could not be read to its end: after %d bytes, %v", e.File, e.Read, e.Err)
}

func (e *ReadError) Unwrap() error { return e.Err }

// stickyReader counts the bytes read from r and gives its first error other
// than io.EOF again on every later read. bufio.Reader.Peek hands an error to
// its caller once and forgets it, and net/http's body answers a read after
// io.ErrUnexpectedEOF with a clean io.EOF: a body cut short was read as a
// whole one that ended early. Parse asks it after reading, whatever the
// format's reader made of the error.
type stickyReader struct {
	r   io.Reader
	n   int64
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	s.n += int64(n)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

// DetectFormat names the format of a document from its content type, then its
// file extension, then its first bytes: a zip archive is XLSX, a leading [ or {
// is JSON, anything else is CSV.
func DetectFormat(name, contentType string, head []byte) string {
	ct := strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	switch {
	case ct == ContentTypeJSON || strings.HasSuffix(ct, "+json"):
		return FormatJSON
	case ct == ContentTypeCSV || ct == "application/csv" || ct == "text/comma-separated-values":
		return FormatCSV
	case ct == ContentTypeXLSX:
		return FormatXLSX
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		return FormatJSON
	case ".csv", ".tsv", ".txt":
		return FormatCSV
	case ".xlsx", ".xlsm":
		return FormatXLSX
	}
	if bytes.HasPrefix(head, zipMagic) {
		return FormatXLSX
	}
	trimmed := bytes.TrimLeft(unicodeHead(head), " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') {
		return FormatJSON
	}
	return FormatCSV
}

// The first bytes of the files most often read as text that are none, as
// they open (their "magic numbers").
var (
	zipMagic  = []byte("PK\x03\x04") // XLSX, a ZIP archive
	gzipMagic = []byte("\x1f\x8b")
	pdfMagic  = []byte("%PDF-")
	oleMagic  = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") // Excel 97–2003 (.xls), Word's .doc
)

// NotTextHead is how many first bytes of a document NotText looks at.
const NotTextHead = 8

// NotText says what a document read as text (CSV or JSON) is when its
// first bytes (head) show a file of another kind, and what to do: an XLSX
// workbook, which is a ZIP file, sent as text/csv or named .csv was read
// as CSV and refused with "the file holds NUL bytes, the first at byte 5",
// which said nothing of what to do. contentType is the type the document
// was sent with (a push over HTTP), or "" for a file read by its name
// (plancast ingest); the message then says how it came to be read as text
// and how to push it, in that channel's terms. "" when the head is none of
// them, or the document was sent as XLSX. Parse refuses such a document
// with it, and the push route before reading its body.
func NotText(name, contentType string, head []byte) string {
	if ct, _, _ := strings.Cut(contentType, ";"); strings.TrimSpace(strings.ToLower(ct)) == ContentTypeXLSX {
		return ""
	}
	sent := fmt.Sprintf("%s was sent as %s", name, contentType)
	asXLSX := fmt.Sprintf("send it with Content-Type %s (curl -H 'Content-Type: %s' --data-binary @%s), or plancast ingest a file named .xlsx",
		ContentTypeXLSX, ContentTypeXLSX, workbookName(name))
	saveAs, send, extract := "send that with Content-Type "+ContentTypeXLSX, "send", "to POST /api/v1/reports/extract"
	if contentType == "" {
		as := strings.ToUpper(DetectFormat(name, "", head))
		sent = fmt.Sprintf("%s is read as %s by its name", name, as)
		if path.Ext(name) == "" {
			sent = fmt.Sprintf("%s is read as %s, its name saying no format", name, as)
		}
		asXLSX = fmt.Sprintf("name it %s and plancast ingest that", workbookName(name))
		saveAs, send, extract = "push that", "push", "with plancast ingest --report FILE (POST /api/v1/reports/extract)"
	}
	switch {
	case bytes.HasPrefix(head, zipMagic):
		return fmt.Sprintf("%s, but it is an XLSX workbook (a ZIP file), not text; %s", sent, asXLSX)
	case bytes.HasPrefix(head, oleMagic):
		return fmt.Sprintf("%s, but it is an Excel 97–2003 workbook (.xls) or another Office document of that age, not text, "+
			"and plancast reads workbooks as .xlsx: open it in Excel, WPS or LibreOffice, save it as an Excel Workbook (.xlsx) and %s", sent, saveAs)
	case bytes.HasPrefix(head, gzipMagic):
		return fmt.Sprintf("%s, but it is gzip-compressed, not text: unpack it (gunzip) and %s the file inside", sent, send)
	case bytes.HasPrefix(head, pdfMagic):
		return fmt.Sprintf("%s, but it is a PDF document, which plancast does not read: push the table as CSV, XLSX or JSON, "+
			"or %s a report's text (copied out of the PDF) %s", sent, send, extract)
	}
	return ""
}

// workbookName is name with the .xlsx extension, as a message naming the
// file to push as a workbook names it.
func workbookName(name string) string {
	return strings.TrimSuffix(name, path.Ext(name)) + ".xlsx"
}

// unicodeHead is the first bytes of a document as UTF-8 when they are
// UTF-16 (by a byte-order mark, or by where their NUL bytes fall), so that
// a UTF-16 JSON document is detected as JSON, which refuses it as not
// UTF-8, rather than as CSV, which would find no header in it; and without
// a UTF-8 byte-order mark.
func unicodeHead(head []byte) []byte {
	name, mark := charset.Unicode(head)
	if enc := charset.UTF16(name); enc != nil {
		rest := head[mark:]
		if text, err := enc.NewDecoder().Bytes(rest[:len(rest)&^1]); err == nil {
			return text
		}
	}
	return head[mark:]
}

// ContentType returns the content type to send a file of the given name with.
func ContentType(name string) string {
	switch DetectFormat(name, "", nil) {
	case FormatJSON:
		return ContentTypeJSON
	case FormatXLSX:
		return ContentTypeXLSX
	}
	return ContentTypeCSV + "; charset=utf-8"
}

// parser holds the state of reading one document.
type parser struct {
	file  string
	sheet string
	opt   Options
	res   *resolver
	ps    problems
	b     *Batch
	rows  int // rows read, for MaxRows and progress
	// headRows are the rows of a table's header and above it (a title):
	// progress counts the rows after them, as the report does.
	headRows int
	// expectRows, when not 0, is how many rows the document likely holds
	// (estimated from its size); the first figure sizes the batch for them.
	expectRows int
	// classified memoises header classification by cell text.
	classified map[string]column
	// units memoises the unit cells read as a unit, by text (unit); only
	// those, as a text that is no unit may become one's label when a later
	// declaration adds an indicator measured in it.
	units map[string]string
	// notInForce are the rows of a targets table left out as versions of a
	// target no longer in force (targetRow).
	notInForce []int
	// otherSheets, for a workbook, ends the problem of a sheet without a
	// header row: the workbook's other sheets and how to read one
	// (xlsx.go, otherSheetsHint).
	otherSheets func() string
	// converted is the value convert converted last, and unitPlaces the
	// places of each table with the unit of a value converted in it
	// (typed.go).
	converted  converted
	unitPlaces map[placesUnit]*rowPlaces
	// comma is a CSV file's delimiter; 0 for a spreadsheet.
	comma rune
	// dated says whether the row (or JSON item) being read gave its own
	// published date: set by date, and cleared where a row's reading
	// begins (meta, targetRow), so that addObservation and addTarget count
	// the rows dated by the push (undatedFigures, undatedTargets).
	dated                          bool
	undatedFigures, undatedTargets int
	// noTable, for a workbook read whole (Options.AllSheets), is called
	// with the first rows of a sheet in which readTable finds no header
	// row, in place of refusing the sheet: it is left out, and named in a
	// note (xlsx.go, readAllSheets).
	noTable func(rows []tableRow)
	// headerDates, for a spreadsheet, is asked about the first rows when
	// none is a header, or about the columns a wide table's header does not
	// read: it reports whether cells formatted as dates there are years
	// typed as dates, having refused them (xlsx.go, headerDateCells).
	headerDates func(rows []tableRow, unread []int) bool
}

// countRow counts a row read; it reports false (after recording a problem)
// once MaxRows is exceeded.
func (p *parser) countRow() bool {
	p.rows++
	if p.opt.Progress != nil && p.rows > p.headRows && (p.rows-p.headRows)%ProgressEvery == 0 {
		p.opt.Progress(p.file, p.rows-p.headRows, false)
	}
	if p.rows > p.opt.MaxRows {
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Message: fmt.Sprintf("more than %d rows: split the file", p.opt.MaxRows)})
		return false
	}
	return true
}

func (p *parser) done() {
	if p.opt.Progress != nil {
		p.opt.Progress(p.file, p.rows-p.headRows, true)
	}
}

func (p *parser) addObservation(o plancast.Observation, from origin) {
	from = p.withUnit(from)
	if cap(p.b.Observations) == 0 && p.expectRows > 0 {
		p.b.Observations = make([]plancast.Observation, 0, p.expectRows)
		p.b.obsFrom = make([]origin, 0, p.expectRows)
	}
	p.b.Observations = append(p.b.Observations, o)
	p.b.obsFrom = append(p.b.obsFrom, from)
	if !p.dated && !o.Withdrawn() {
		p.undatedFigures++
	}
}

func (p *parser) addTarget(t plancast.Target, from targetOrigin) {
	from.origin = p.withUnit(from.origin)
	p.b.Targets = append(p.b.Targets, t)
	p.b.targetFrom = append(p.b.targetFrom, from)
	if !p.dated && !t.Withdrawn {
		p.undatedTargets++
	}
}
