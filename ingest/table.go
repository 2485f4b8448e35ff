package ingest

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/plancast/plancast"
)

// tableRow is one row of a CSV file or a sheet: its 1-based row number as the
// author sees it, and its cells (merged cells already filled in).
type tableRow struct {
	num   int
	cells []string
	// written are a sheet's cells as written, before merged cells were
	// filled in; nil when they are the same as cells (a row no merged
	// range covers, and CSV).
	written []string
	// spans are the cells of a CSV record that run over several lines
	// (quoted, with line breaks inside); nil for almost every row, and for
	// spreadsheets.
	spans []lineSpan
	// uncomputed says a sheet's row holds a formula cell without a
	// computed value, refused by the reader (reportUncomputed): the row
	// is not read, so that the cell is not also called missing.
	uncomputed bool
}

// lineSpan is a cell of a CSV record that runs over lines: its column
// index, the line it starts on, the line breaks it holds, and the file's
// delimiter, to read its lines as rows (takesInRows).
type lineSpan struct {
	col, line, breaks int
	comma             rune
}

func (r tableRow) at(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// lastFilled is the index of the row's last cell that is not blank, or -1.
func lastFilled(r tableRow) int {
	for i := len(r.cells) - 1; i >= 0; i-- {
		if strings.TrimSpace(r.cells[i]) != "" {
			return i
		}
	}
	return -1
}

func (r tableRow) blank() bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// column is what a header says about one column of a table.
type column struct {
	idx       int
	letter    string
	header    string // the header text, both lines joined
	field     string // a field from headers.go, or ""
	year      int    // a year column of a wide table
	indicator string // a column holding one indicator's values ("GDP (亿元)")
	unit      string // a unit given in the header
	// status and period are what a year column's header says of its
	// figures ("2023年（初步）", "2024年1-6月"); "" when it says nothing.
	status, period string
	// unreadYear is the year of a header that holds a year and more that
	// plancast does not read ("2023年（调整后）"); the column is not read,
	// and refused when figures are under it (reportUnreadYears).
	// unreadRow is the header row it is in.
	unreadYear, unreadRow int
	unreadLine            int // which line of the header: 0 or 1
	// unitText is a year header's unit as written ("万元" of
	// "2024年（万元）"), whose code is unit: a year's header gives its
	// figures' unit as a value header does (yearUnit).
	unitText string
	// planTarget says a year column's header says it holds targets
	// ("2025年目标", "规划目标" over "2025年"), and avgGrowth that a
	// column's header is an average growth ("年均增长（%）"): what a
	// plan's targets table carries (plantable.go).
	planTarget, avgGrowth bool
	// growthYear is the year a growth column's header names
	// ("2023年比上年增长%", or "2020年" merged over "增长(%)"): the year
	// whose figures' growth it holds, in a wide table (wideGrowth).
	// growthPeriod is the period it names with it ("2026年1-9月同比增长
	// （%）", "2026年1-9月" merged over "增长(%)"): of the figures of that
	// period; "" when it names none.
	growthYear   int
	growthPeriod string
}

// layout is how a table is read, decided from its header.
type layout struct {
	kind       string            // layoutLong, layoutWide or layoutTargets
	fields     map[string]column // the first column of each field
	years      []column          // wide: one column per year
	indicators []column          // long: one column per indicator
	// places are what the table has a place for (its growth columns, and
	// whether it has a status and a growth column; a targets table's base
	// year column), for every row's origin; a wide table's year column
	// whose header gives a status says it.
	places *rowPlaces
	// width is the header's columns up to its last named one: a row's
	// cells past it have no column (widerThanHeader, headedCells).
	width int
	// headed says which of the columns up to width have a header (in
	// either line); cells in the others are noted in unheaded, by column
	// index (headedCells), and refused (reportUnheaded).
	headed   []bool
	unheaded map[int]*unheadedCells
	// unreadYears are the columns whose header holds a year and more that
	// plancast does not read; the figures under each are noted in
	// unreadFigures, by column index (unreadYearFigures).
	unreadYears   []column
	unreadFigures map[int]*unheadedCells
	// footnoted are the indicators' names read without a footnote's mark
	// (footnotes.go).
	footnoted []footnoted
	// A wide table's growth columns (wide_growth.go): growthOf gives a
	// year column (by index) the column of its figures' stated growth,
	// yearPlaces each year column its figures' places; unplacedGrowths
	// are the growth columns it cannot place beside a year, and
	// unplacedHeld the growths found in them, by column index.
	growthOf        map[int]column
	yearPlaces      map[int]*rowPlaces
	unplacedGrowths []column
	unplacedHeld    map[int]*unheadedCells
	// avgGrowths are a table of figures' average growth columns, which it
	// does not read; the averages in them are noted in unplacedHeld too.
	avgGrowths []column
	// unreadNumbers are a wide table's headed columns it reads nothing
	// from ("比上年增减" without a percent, "增减额", "占比"); the numbers in
	// them are noted in unplacedHeld too (wideUnread).
	unreadNumbers []column
	// plan is how a plan's targets table is read (layoutPlan).
	plan *planTable
	// Taken from the title rows above the header (or Options.Region), for
	// tables that state the region, indicator or unit once for all rows.
	region, indicator, unit string
	// unitLine is where the title rows give unit ("单位：万元"): the cell,
	// for the problem of a row it does not fit (lineUnitFits), and the
	// indicators whose figures it converted, for the note (unitLineNote).
	unitLine *unitLine
	// headerUnit is the indicator column's header's unit ("指标（万元）"),
	// said once for all rows as a unit line is, and read, refused and
	// noted by the same rule (headerUnitLine); nil when it gives none.
	headerUnit *unitLine
	// titleInd is what the title rows say of the indicator
	// (title_indicator.go), nil when they name none.
	titleInd *titleIndicator
}

const (
	layoutLong    = "long"
	layoutWide    = "wide"
	layoutTargets = "targets"
	// layoutPlan is a plan's targets table without plan and kind columns
	// (指标 | 2020年 | 2025年 | 年均增长 | 属性; plantable.go).
	layoutPlan = "plan"
)

// maxColumns bounds the columns of a row, as Excel does (XFD is 16384).
const maxColumns = 16_384

// headerSearchRows is how far down a sheet the header is looked for: yearbook
// tables put a title, a subtitle and a unit line above it.
const headerSearchRows = 30

// readTable reads the rows next returns (io.EOF at the end) as a long, wide or
// targets table, whichever its header shows.
func (p *parser) readTable(next func() (tableRow, error)) error {
	var buf []tableRow
	for len(buf) < headerSearchRows {
		row, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if !p.countRow() {
			return nil
		}
		buf = append(buf, row)
	}
	h := -1
	for i, row := range buf {
		if isHeader(p.columns(row, nil)) {
			h = i
			break
		}
	}
	if h < 0 {
		if len(buf) > 0 && p.headerDates != nil && p.headerDates(buf, nil) {
			return nil // years typed as dates, refused at their cells
		}
		// Every year header holds more than plancast reads: the table is
		// read as one, so that each is refused at its header
		// (reportUnreadYears), as when another year column is read.
		if h = unreadYearsHeader(p, buf); h < 0 {
			p.noHeader(buf)
			return nil
		}
	}
	var second *tableRow
	if h+1 < len(buf) && isContinuation(buf[h], buf[h+1]) {
		second = &buf[h+1]
	}
	cols := p.columns(buf[h], second)
	l := p.layoutOf(cols, buf[:h], buf[h].num)
	if l == nil {
		return nil
	}
	if l.kind == layoutWide && p.headerDates != nil {
		// A year typed as a date beside years typed as numbers: its
		// column would be left out as one plancast does not read.
		var unread []int
		for _, c := range cols {
			if c.field == "" && c.year == 0 && c.indicator == "" && c.unreadYear == 0 && c.idx < len(buf[h].cells) {
				unread = append(unread, c.idx)
			}
		}
		if len(unread) > 0 && p.headerDates(buf[h:h+1], unread) {
			return nil
		}
	}
	l.width = lastFilled(buf[h]) + 1
	if second != nil {
		l.width = max(l.width, lastFilled(*second)+1)
	}
	l.headed = make([]bool, l.width)
	for _, c := range cols {
		if c.idx < l.width && strings.TrimSpace(c.header) != "" {
			l.headed[c.idx] = true
		}
	}
	defer p.reportUnheaded(l)
	defer p.reportUnreadYears(l)
	defer func() {
		if note := p.footnoteNote(l); note != "" {
			p.b.Notes = append(p.b.Notes, note)
		}
		p.b.Notes = append(p.b.Notes, p.unitLineNotes(l)...)
		switch l.kind {
		case layoutWide:
			p.b.Notes = append(p.b.Notes, p.unplacedGrowthNotes(l)...)
			p.b.Notes = append(p.b.Notes, p.unreadNumberNotes(l)...)
		case layoutPlan:
			p.b.Notes = append(p.b.Notes, p.planNotes(l)...)
		}
		p.b.Notes = append(p.b.Notes, p.avgGrowthNotes(l)...)
		if note := p.titleIndicatorNote(l); note != "" {
			p.b.Notes = append(p.b.Notes, note)
		}
	}()
	rest := buf[h+1:]
	if second != nil {
		rest = buf[h+2:]
	}
	p.headRows = len(buf) - len(rest)
	for _, row := range rest {
		if p.ps.full {
			return nil
		}
		p.readRow(l, row)
	}
	for !p.ps.full {
		row, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if !p.countRow() {
			return nil
		}
		p.readRow(l, row)
	}
	return nil
}

// noHeader refuses a table in which no header row was found among its
// first rows, buf; a workbook read whole leaves the sheet out instead
// (noTable).
func (p *parser) noHeader(buf []tableRow) {
	switch {
	case p.noTable != nil:
		p.noTable(buf) // a sheet of a workbook read whole: left out, not refused
	case len(buf) == 0:
		if len(p.ps.list) == 0 {
			msg := "the table is empty"
			if p.otherSheets != nil {
				msg += p.otherSheets()
			}
			p.ps.add(Problem{File: p.file, Sheet: p.sheet, Message: msg})
		}
	default:
		msg := "no header row found in the first rows: " +
			"expected columns such as region/地区, indicator/指标, year/年份 and value/数值, or year columns (2019, 2019年)"
		if p.otherSheets != nil {
			msg += p.otherSheets()
		}
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Message: msg})
	}
}

// unreadYearsHeader finds, among a table's first rows, the header of a
// wide table none of whose year headers plancast reads ("指标 |
// 2023年（调整后） | 2024年（调整后）"): a row naming the rows' region or
// indicator column (地区, 指标) and columns whose header holds a year and
// more. Such a table had no header row found, and the message said
// nothing of its headers. In a workbook read whole, whose sheets without a
// table are left out (noTable), it takes a number under one of them in a
// row below: a sheet of notes is no table. It is -1 when there is none.
func unreadYearsHeader(p *parser, buf []tableRow) int {
	for i, row := range buf {
		cols := p.columns(row, nil)
		var key bool
		var unread []column
		for _, c := range cols {
			switch {
			case c.field == fieldRegion || c.field == fieldIndicator:
				key = true
			case c.unreadYear != 0:
				unread = append(unread, c)
			}
		}
		if !key || len(unread) == 0 {
			continue
		}
		if p.noTable == nil {
			return i
		}
		for _, below := range buf[i+1:] {
			for _, c := range unread {
				if t := below.at(c.idx); !isMissing(t) {
					if _, err := parseNumber(t); err == nil {
						return i
					}
				}
			}
		}
	}
	return -1
}

// columns classifies each column of a header (one row, or two when the
// header spans two lines: "年份" above "2019").
func (p *parser) columns(first tableRow, second *tableRow) []column {
	n := len(first.cells)
	if second != nil && len(second.cells) > n {
		n = len(second.cells)
	}
	cols := make([]column, 0, n)
	for i := 0; i < n; i++ {
		parts := []string{strings.TrimSpace(first.at(i))}
		if second != nil {
			if s := strings.TrimSpace(second.at(i)); s != "" && s != parts[0] {
				parts = append(parts, s)
			}
		}
		c := column{idx: i, letter: columnLetter(i), header: strings.Join(parts, " ")}
		// Header search classifies up to 30 rows; wide rows repeat their texts.
		key := strings.Join(parts, "\x00")
		if known, ok := p.classified[key]; ok {
			known.idx, known.letter, known.header = c.idx, c.letter, c.header
			c = known
		} else {
			p.classify(&c, parts)
			if p.classified == nil {
				p.classified = map[string]column{}
			}
			p.classified[key] = c
		}
		if c.unreadYear != 0 {
			c.unreadRow = first.num
			if c.unreadLine > 0 && second != nil {
				c.unreadRow = second.num
			}
		}
		cols = append(cols, c)
	}
	return cols
}

// classify decides what a header names: a growth (in either line) makes a
// growth column; else a year (in either line) makes a year column, as does a
// year with the status or the period of its figures ("2023年（初步）",
// "2024年1-6月"); else the lower line's field name wins over the upper's
// ("年份" over "2019" is a year, "指标" over "指标" is the indicator); else
// an indicator's name makes a column of that indicator's values. Growth
// comes first so that a yearbook's "2020年" merged over "绝对值" and "比上年
// 增长%" gives a year column of values and a growth column, not two columns
// of 2020 values. A header with a year and more that plancast does not read
// ("2023年（调整后）", "2021-2025年"), in either line, is noted as such
// (unreadYear), unless that line is a field's or an indicator's name.
func (p *parser) classify(c *column, parts []string) {
	if len(parts) == 1 && parts[0] == "" {
		return // most cells of a wide sheet's header search are empty
	}
	// An average growth ("年均增长（%）") is none of the fields; a plan's
	// targets table reads it (plantable.go).
	c.avgGrowth = isAvgGrowth(strings.Join(parts, " "))
	for i, s := range parts {
		f, u, ok := headerField(s)
		var period string
		if !ok {
			// "1-9月同比增长（%）": the growth of a period's figures.
			period, u, ok = periodGrowth(s)
			f = fieldGrowth
		}
		if ok && f == fieldGrowth {
			c.field, c.unit, c.growthPeriod = f, u, period
			// The year merged over it names the year whose figures'
			// growth it is ("2020年" over "增长(%)", "2026年1-9月" over
			// "同比增长(%)"): a wide table reads it beside that year's
			// column (wideGrowth).
			for j, o := range parts {
				if j == i {
					continue
				}
				if y, ok := parseYearLabel(o); ok {
					c.growthYear = y
				} else if y, _, pieces, ok := headerYear(o); ok {
					if status, pr, ok := yearQualifier(pieces); ok && status == "" && pr != "" {
						c.growthYear, c.growthPeriod = y, pr
					}
				}
			}
			return
		}
	}
	for i, s := range parts {
		if y, ok := parseYearLabel(s); ok {
			c.year = y
			// "规划目标" merged over the years: targets (plantable.go).
			for j, o := range parts {
				if j != i && saysTarget(o) && !isGrowthWord(o) {
					c.planTarget = true
				}
			}
			return
		}
	}
	for _, s := range parts {
		if y, _, pieces, ok := headerYear(s); ok {
			unit, text, rest := p.yearUnit(pieces)
			target, rest := yearTarget(rest)
			if status, period, ok := yearQualifier(rest); ok {
				c.year, c.status, c.period, c.unit, c.unitText = y, status, period, unit, text
				c.planTarget = target
				return
			}
		}
	}
	for i, s := range parts {
		y, rest, pieces, ok := headerYear(s)
		if !ok {
			continue
		}
		if _, _, named := headerField(s); named {
			break
		}
		if _, _, named := p.res.lookupIndicator(s); named {
			break
		}
		if f, u, ok := headerField(rest); ok && f == fieldGrowth {
			// "2023年比上年增长%": the growth of that year's figures, which
			// a wide table reads beside that year's column (wideGrowth); a
			// long table, whose rows are of any year, does not.
			c.growthYear, c.unit = y, u
			return
		}
		if period, u, ok := periodGrowth(rest); ok {
			// "2026年1-9月同比增长（%）": the growth of that year's figures
			// of that period, beside the column of those figures
			// ("2026年1-9月").
			c.growthYear, c.growthPeriod, c.unit = y, period, u
			return
		}
		// The unit of an unread year's header is kept for the hint that
		// says how to head it (reportUnreadYears), which keeps the unit.
		c.unit, c.unitText, _ = p.yearUnit(pieces)
		c.unreadYear, c.unreadLine = y, i
		return
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if f, u, ok := headerField(parts[i]); ok {
			c.field, c.unit = f, u
			return
		}
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if parts[i] == "" {
			continue
		}
		if code, u, ok := p.res.lookupIndicator(parts[i]); ok {
			c.indicator, c.unit = code, u
			return
		}
	}
}

// yearUnit finds the unit a year's header gives its figures among the
// pieces headerYear split it into ("万元" of "2024年（万元）", "100 million
// yuan" of "2024 (100 million yuan)"), as a value header gives one
// ("数值（万元）"): the unit's code, its text as written, and the pieces
// without it. Only a unit plancast names counts (namedUnit), not any word
// that could be a unit's code: "2023 (e)" is no unit e. One unit at most:
// a second stays among the pieces, which yearQualifier then does not read.
//
// The unit may be labelled as a title line labels it ("2024年（单位：亿元）",
// "2024年 单位：亿元"): the label goes with the unit.
func (p *parser) yearUnit(pieces []string) (unit, text string, rest []string) {
	unlabelled := make([]string, 0, len(pieces))
	for _, q := range pieces {
		if unitLabels[fold(q)] {
			continue // "单位" and its colon alone, before the unit
		}
		f := widthFold(q)
		for l := range unitLabels {
			if i := strings.IndexAny(f, ":："); i > 0 && fold(f[:i]) == l {
				f = strings.TrimSpace(f[i+1:])
				break
			}
		}
		unlabelled = append(unlabelled, f)
	}
	for i := range unlabelled {
		for j := len(unlabelled); j > i; j-- {
			t := strings.Join(unlabelled[i:j], " ")
			// A unit's number split at its thousands separator ("10,000
			// yuan", plancast's own label of 万元, in pieces "10" and
			// "000 yuan") is the unit whole: read alone, "yuan" made
			// figures in 万元 10,000 times too small.
			t = thousandsSplit.ReplaceAllString(t, "$1,$2")
			if u, ok := p.namedUnit(t); ok {
				rest = append(append(rest, unlabelled[:i]...), unlabelled[j:]...)
				return u, t, rest
			}
		}
	}
	return "", "", pieces
}

// thousandsSplit finds a number's digits split at a thousands separator
// into two pieces of a header ("10 000" of "10,000 yuan").
var thousandsSplit = regexp.MustCompile(`(\d) (\d{3})\b`)

// unitLabels are the words a unit is labelled with ("单位：亿元"), folded
// (fold drops the colon).
var unitLabels = map[string]bool{"单位": true, "计量单位": true, "unit": true, "units": true}

// yearTargetWords are the words a year's header says it holds targets with
// ("2025年目标", "2025年规划目标", "目标值（2025年）"), folded, and
// yearBaseWords those it says it holds the figures a plan starts from,
// or those done ("2020年基数", "2020年实际", "2024年完成"): figures like
// any year's.
var (
	yearTargetWords = map[string]bool{"目标": true, "目标值": true, "规划": true, "规划目标": true, "规划值": true, "预期目标": true,
		"计划": true, "计划目标": true, "目标任务": true, "target": true, "targets": true, "goal": true, "plan": true, "plantarget": true}
	yearBaseWords = map[string]bool{"基期": true, "基期值": true, "基数": true, "基年": true, "实际": true, "实际值": true,
		"完成": true, "完成值": true, "实绩": true, "base": true, "actual": true}
)

// yearTarget takes the target words (yearTargetWords) and the base words
// (yearBaseWords) out of a year header's pieces: target says whether a
// target word was among them.
func yearTarget(pieces []string) (target bool, rest []string) {
	for _, q := range pieces {
		switch f := fold(q); {
		case yearTargetWords[f]:
			target = true
		case yearBaseWords[f]:
		default:
			rest = append(rest, q)
		}
	}
	return target, rest
}

// saysChange reports whether a header speaks of a change of the figures
// ("累计增长", "增减额", "±%", "同比"), which a column of the figures is not
// ("2024年工业增加值" is a level).
func saysChange(s string) bool {
	f := fold(s)
	for _, w := range []string{"增长", "增速", "增幅", "增减", "减少", "下降", "±", "同比", "比上年", "growth", "change"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// isGrowthWord reports whether a header's text speaks of a growth
// ("计划增长"), which a target's level column is not.
func isGrowthWord(s string) bool {
	f := fold(s)
	return strings.Contains(f, "增") || strings.Contains(f, "growth")
}

// yearQualifier reads what a year header says besides the year, in pieces
// (headerYear): a status ("初步", "preliminary", "预计", "快报"; "初步核算数"
// as "初步核算"), a period ("1-6月", "H1", "上半年"), or both, as a status
// or a period cell gives them. ok is false for anything else, for two of
// either, and for a withdrawal, which is a figure's and not a column's.
func yearQualifier(pieces []string) (status, period string, ok bool) {
	for _, q := range pieces {
		s, isStatus := statusNames[fold(q)]
		if !isStatus {
			s, isStatus = statusNames[fold(strings.TrimRight(q, "数值"))]
		}
		switch pr, isPeriod := periodOf(q); {
		case isStatus && status == "" && s != plancast.StatusWithdrawn:
			status = s
		case isPeriod && period == "":
			period = pr
		default:
			return "", "", false
		}
	}
	return status, period, true
}

// isHeader reports whether classified columns look like a header: something
// that names what a row is about (region, indicator, or indicator columns) and
// something that places it in time (a year field or year columns), or a
// target table's plan and kind.
func isHeader(cols []column) bool {
	var key, when, plan bool
	for _, c := range cols {
		switch {
		case c.year != 0:
			when = true
		case c.indicator != "":
			key = true
		case c.field == fieldRegion || c.field == fieldIndicator:
			key = true
		case c.field == fieldYear:
			when = true
		case c.field == fieldPlan || c.field == fieldKind:
			plan = true
		}
	}
	return key && (when || plan)
}

// isContinuation reports whether the row under a header is its second line:
// every cell that differs from the one above (merged cells repeat) is a year
// or a field name, and there is at least one.
func isContinuation(first, second tableRow) bool {
	differs := 0
	for i, s := range second.cells {
		s = strings.TrimSpace(s)
		if s == "" || s == strings.TrimSpace(first.at(i)) {
			continue
		}
		if _, ok := parseYearLabel(s); !ok {
			if _, _, ok := headerField(s); !ok {
				if _, _, _, ok := headerYear(s); !ok {
					return false
				}
			}
		}
		differs++
	}
	return differs > 0
}

// unitInTitle finds "单位：亿元" or "（亿元）" in a title line.
var unitInTitle = regexp.MustCompile(`(?:单位|计量单位|[Uu]nits?)\s*[:：]\s*([^\s,，;；)）]+)|[(（]([^()（）]+)[)）]`)

// layoutOf decides the layout from the header columns and reads what the
// title rows above say about all rows. It returns nil (with a problem) when
// the header is unusable.
func (p *parser) layoutOf(cols []column, title []tableRow, headerRow int) *layout {
	if revisionsDownload(cols) {
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: headerRow, Message: revisionsMessage("")})
		return nil
	}
	if projectionDownload(cols) {
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: headerRow, Message: projectionMessage()})
		return nil
	}
	l := &layout{fields: map[string]column{}}
	for _, c := range cols {
		switch {
		case c.year != 0:
			l.years = append(l.years, c)
		case c.indicator != "":
			l.indicators = append(l.indicators, c)
		case c.field != "":
			if _, dup := l.fields[c.field]; !dup {
				l.fields[c.field] = c
			}
		case c.unreadYear != 0:
			l.unreadYears = append(l.unreadYears, c)
		}
	}
	var titleText []string
	for _, row := range title {
		seen := map[string]bool{}
		for _, s := range row.cells {
			if s = strings.TrimSpace(s); s != "" && !seen[s] { // merged title cells repeat
				seen[s] = true
				titleText = append(titleText, s)
			}
		}
	}
	text := strings.Join(titleText, " ")
	l.region = findIn(text, p.res.regionNames)
	if l.region == "" {
		l.region = p.opt.Region
	}
	l.indicator = findIn(text, p.res.indicatorNames)
	if l.indicator != "" {
		l.titleInd = p.findTitleIndicator(title)
	}
	for _, m := range unitInTitle.FindAllStringSubmatch(widthFold(text), -1) {
		if u, ok := ParseUnit(m[1] + m[2]); ok {
			l.unit = u
			l.unitLine = findUnitLine(title, u)
			break
		}
	}
	l.headerUnit = headerUnitLine(l, headerRow)
	_, hasPlan := l.fields[fieldPlan]
	_, hasKind := l.fields[fieldKind]
	_, hasYear := l.fields[fieldYear]
	switch {
	case hasPlan || hasKind:
		l.kind = layoutTargets
	case len(l.years) > 0, len(l.unreadYears) > 0 && !hasYear:
		// A table none of whose year headers is read is a wide one
		// (unreadYearsHeader), refused at each (reportUnreadYears).
		l.kind = layoutWide
	default:
		l.kind = layoutLong
	}
	if l.kind != layoutTargets {
		isPlan, ok := p.planLayout(l, cols, text, headerRow)
		if !ok {
			return nil
		}
		if !isPlan {
			for _, c := range cols {
				if c.avgGrowth && c.unreadYear == 0 && c.field == "" && c.year == 0 && c.indicator == "" {
					l.avgGrowths = append(l.avgGrowths, c)
				}
			}
		} else if l.plan.avg != nil {
			// A plan's average growth ("2021-2025年均增长%") is read, not
			// refused as a year's header plancast does not read.
			l.unreadYears = slices.DeleteFunc(l.unreadYears, func(c column) bool { return c.idx == l.plan.avg.idx })
		}
	}
	l.places = placesUnsaid(l.unsaid())
	if l.kind == layoutPlan {
		l.places = nil
	}
	if l.kind == layoutTargets {
		l.places = targetPlaces(l)
	}
	if l.kind == layoutLong && !p.growthLayout(l, headerRow) {
		return nil
	}
	if l.kind == layoutWide && !p.wideGrowth(l, cols, headerRow) {
		return nil
	}
	if l.kind == layoutWide {
		l.wideUnread(cols)
	}
	if tu, ok := l.fields[fieldTargetUnit]; ok && l.kind == layoutTargets {
		// A targets download's unit column is the indicator's; the value's
		// unit is the target's (% for a growth, 亿元 for a level of GDP).
		l.fields[fieldUnit] = tu
	}
	misspelt := false
	for _, c := range cols {
		if c.field != "" || c.year != 0 || c.indicator != "" {
			continue
		}
		if near := misspeltHeader(c.header); near != "" {
			p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: headerRow, Column: c.letter,
				Message: fmt.Sprintf("the column %q is not one plancast reads; did you mean %q? (a column it does not read is left out, with what it holds)", c.header, near)})
			misspelt = true
		}
	}
	if misspelt {
		return nil
	}
	need := func(field, what string) bool {
		if _, ok := l.fields[field]; !ok {
			p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: headerRow, Message: "the header has no " + what + " column"})
			return false
		}
		return true
	}
	ok := true
	switch l.kind {
	case layoutTargets:
		ok = need(fieldPlan, "plan") && need(fieldKind, "kind") && need(fieldYear, "year") && need(fieldValue, "value")
	case layoutLong:
		ok = need(fieldYear, "year (年份)")
		if ok && len(l.indicators) == 0 {
			ok = need(fieldValue, "value (数值)")
		}
	}
	if !ok {
		return nil
	}
	if c, has := l.fields[fieldRegion]; has {
		p.b.noteRegionColumn(p.file, p.sheet, c.letter)
	}
	return l
}

// growthLayout checks a long table's growth column, and lets its base_year
// column (基期, 基年) give the growth's base when it has no growth_base_year
// column: in a table of figures a base year can only be the growth's.
//
// A wide table places its growth columns beside its years (wideGrowth);
// targets tables carry none (a growth target is a kind and a value).
func (p *parser) growthLayout(l *layout, headerRow int) bool {
	g, has := l.fields[fieldGrowth]
	if !has {
		if b, ok := l.fields[fieldGrowthBase]; ok { // its years are refused for want of a growth
			l.places = &rowPlaces{base: b.letter, unsaid: l.unsaid()}
		}
		return true
	}
	if _, ok := l.fields[fieldGrowthBase]; !ok {
		if b, ok := l.fields[fieldBaseYear]; ok {
			l.fields[fieldGrowthBase] = b
		}
	}
	l.places = &rowPlaces{growth: g.letter, base: l.fields[fieldGrowthBase].letter, unsaid: l.unsaid()}
	bad := func(format string, args ...any) bool {
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: headerRow, Column: g.letter, Field: fieldGrowth,
			Message: fmt.Sprintf(format, args...)})
		return false
	}
	switch msg := growthHeaderProblem(g); {
	case msg != "":
		return bad("%s", msg)
	case g.growthPeriod != "" && g.growthPeriod != plancast.PeriodYear:
		// A wide table places it beside its period's column; a long
		// table's rows say their period, in the period column.
		return bad("%q names the period of its growths (%s), which a long table's row gives in its period column (期间): "+
			"head the growth column \"同比增长（%%）\", and give each row's period (1-9月) in a period column", g.header, periodLabel(0, g.growthPeriod))
	case len(l.indicators) > 1:
		return bad("a table with a column per indicator cannot say whose growth %q is: "+
			"put one figure per row (region, indicator, year, value, growth), or one indicator per table", g.header)
	}
	return true
}

// unsaid is what a table of figures has no place for (rowPlaces.unsaid): the
// status without a status column, the stated growth without a growth column.
// A wide table's year column says its figures' status when its header gives
// one ("2023年（初步）"), and their growth when a growth column is placed
// beside it (wideGrowth's yearPlaces).
func (l *layout) unsaid() unsaid {
	var u unsaid
	if _, has := l.fields[fieldStatus]; !has {
		u |= unsaidStatus
	}
	if _, has := l.fields[fieldGrowth]; !has || l.kind != layoutLong {
		u |= unsaidGrowth
	}
	return u
}

// isNoteText reports whether a cell's text is a note or a source line.
func isNoteText(c string) bool { return notePrefixed(strings.TrimSpace(widthFold(c))) }

// notePrefixed reports whether a cell's text, width-folded and trimmed,
// starts as a note does.
func notePrefixed(c string) bool {
	lc := strings.ToLower(c)
	for _, prefix := range notePrefixes {
		if strings.HasPrefix(lc, prefix) {
			return true
		}
	}
	return false
}

// unheadedCells are the cells of a column without a header that hold
// something (or of a column whose header holds a year plancast does not
// read, that hold figures): the first, its row, and how many more down to
// which row.
type unheadedCells struct {
	text           string
	row, more, end int
}

// held says what the cells hold for a note: the first and how many more
// (`"5.1" in row 2, and 3 more`).
func (u *unheadedCells) held() string {
	s := fmt.Sprintf("%s in row %d", cell{text: u.text}.quoted(), u.row)
	if u.more > 0 {
		s += fmt.Sprintf(", and %d more", u.more)
	}
	return s
}

// where names the file and sheet being read, as a note begins
// ("book.xlsx sheet 2024年").
func (p *parser) where() string {
	if p.sheet != "" {
		return p.file + " sheet " + p.sheet
	}
	return p.file
}

// headedCells notes the cells of a row that are in a column without a
// header (blank in the header, or past its last column) and that hold
// something that could be meant: not blank, not a missing mark ("—"), not a
// note ("注：…"). Such a cell used to be left out without a word; it may be a
// figure under a header the author forgot, or a unit or a status beside a
// row, and is refused (reportUnheaded). The cells as written count, not the
// copies of a merged cell. It reports whether the row has a cell to read: a
// row of nothing but cells without a header is no row of the table.
//
// A CSV row reaches it only when it has nothing past the header's last
// column (widerThanHeader refuses such a row), so there it finds the cells
// in a gap of the header: "region,indicator,,year,value".
func (p *parser) headedCells(l *layout, row tableRow) bool {
	read := false
	for i, c := range row.cells {
		if i < len(l.headed) && l.headed[i] && strings.TrimSpace(c) != "" {
			read = true
			break
		}
	}
	written := row.cells
	if row.written != nil {
		written = row.written
	}
	for i, c := range written {
		if i < len(l.headed) && l.headed[i] || isMissing(c) || isNoteText(c) {
			continue
		}
		if l.unheaded == nil {
			l.unheaded = map[int]*unheadedCells{}
		}
		if u := l.unheaded[i]; u != nil {
			u.more++
			u.end = row.num
		} else {
			l.unheaded[i] = &unheadedCells{text: c, row: row.num}
		}
	}
	return read
}

// reportUnheaded adds a problem for each column without a header that holds
// something (headedCells), at its first such cell.
func (p *parser) reportUnheaded(l *layout) {
	for _, i := range slices.Sorted(maps.Keys(l.unheaded)) {
		u, col := l.unheaded[i], columnLetter(i)
		shown := cell{text: u.text}.quoted()
		fix := fmt.Sprintf("give column %s a header (备注 or note for a remark), or delete", col)
		at := record{File: p.file, Sheet: p.sheet, Row: u.row}
		them := "the cell"
		if u.more > 0 {
			them = "them"
		}
		p.ps.add(at.problem(col, "", "%s is in a column without a header%s, so %s would be lost: %s %s",
			shown, alsoInColumn(u.more, u.end, col, "is", "are"), itOrThey(u.more), fix, them))
	}
}

// alsoInColumn is what a problem said at a column's first cell of a kind
// says of the others below it, with the verb for one and for more: "", ",
// as is 1 more cell of column F (row 5)", ", as are 3 more cells of column
// F, down to row 9". reportUnheaded and reportUncomputed say it alike.
func alsoInColumn(more, end int, col, one, many string) string {
	switch more {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(", as %s 1 more cell of column %s (row %d)", one, col, end)
	}
	return fmt.Sprintf(", as %s %d more cells of column %s, down to row %d", many, more, col, end)
}

// itOrThey is the pronoun of a column's first cell of a kind and the more
// cells below it (alsoInColumn).
func itOrThey(more int) string {
	if more == 0 {
		return "it"
	}
	return "they"
}

// unreadYearFigures notes the figures of a row under a header that holds a
// year and more that plancast does not read: cells that are numbers, not
// blank and not a missing mark ("—").
func (p *parser) unreadYearFigures(l *layout, row tableRow) {
	for _, c := range l.unreadYears {
		text := row.at(c.idx)
		if isMissing(text) {
			continue
		}
		if _, err := parseNumber(text); err != nil {
			continue
		}
		if l.unreadFigures == nil {
			l.unreadFigures = map[int]*unheadedCells{}
		}
		if u := l.unreadFigures[c.idx]; u != nil {
			u.more++
		} else {
			l.unreadFigures[c.idx] = &unheadedCells{text: text, row: row.num}
		}
	}
}

// reportUnreadYears adds a problem for each column whose header holds a
// year and more that plancast does not read ("2023年（调整后）", "2023E",
// "2021-2025年") and that has figures under it, at its header cell. Such a
// column used to be left out without a word, and its figures with it.
func (p *parser) reportUnreadYears(l *layout) {
	for _, c := range l.unreadYears {
		u := l.unreadFigures[c.idx]
		if u == nil {
			if len(l.years) == 0 {
				// No year column is read: each is named, figures or
				// not, or the table is refused without a word of why.
				p.ps.add(record{File: p.file, Sheet: p.sheet, Row: c.unreadRow}.problem(c.letter, "",
					"the column %s is not read, nor is any other year column of the table: its header is neither a year alone nor a year with a status, a period or a unit plancast reads; "+
						"head a column of one year's figures %s",
					cell{text: c.header}.quoted(), yearHeadHint(c)))
			}
			continue
		}
		figures := fmt.Sprintf("%s in row %d", cell{text: u.text}.quoted(), u.row)
		if u.more > 0 {
			figures += fmt.Sprintf(", and %d more", u.more)
		}
		y := c.unreadYear
		if c.avgGrowth {
			p.ps.add(record{File: p.file, Sheet: p.sheet, Row: c.unreadRow}.problem(c.letter, "",
				"the column %s holds numbers (%s) but is not read: its header names an average growth over several years, which a table of figures does not read; "+
					"to push them as the figures' stated growth, head the column 增长（%%） and give the year it runs from in a growth_base_year column (增长基期); "+
					"a plan's average growth targets go in a plan's targets table (指标, 2020年, 2025年, 年均增长（%%）); else delete the column",
				cell{text: c.header}.quoted(), figures))
			continue
		}
		if saysChange(c.header) {
			// A change (a growth plancast does not read as one) is never
			// told to be headed as the year's figures: its numbers would
			// be stored as figures.
			period := "jan-jun"
			for _, col := range l.years {
				if col.year == y && col.period != "" && col.period != plancast.PeriodYear {
					period = col.period
					break
				}
			}
			p.ps.add(record{File: p.file, Sheet: p.sheet, Row: c.unreadRow}.problem(c.letter, "",
				"the column %s holds numbers (%s) but is not read: its header names a year and a change that plancast does not read as a growth; "+
					`a growth in percent is headed with the year and period of the figures it is of, beside their column ("%s", "%s"); `+
					"a change in percentage points or in the figures' unit is not read: delete the column",
				cell{text: c.header}.quoted(), figures, periodLabel(y, "")+"比上年增长（%）", periodLabel(y, period)+"比上年同期增长（%）"))
			continue
		}
		p.ps.add(record{File: p.file, Sheet: p.sheet, Row: c.unreadRow}.problem(c.letter, "",
			"the column %s holds figures (%s) but is not read: its header is neither a year alone nor a year with a status, a period or a unit plancast reads; "+
				"head a column of one year's figures %s, or delete the column if it holds no year's figures",
			cell{text: c.header}.quoted(), figures, yearHeadHint(c)))
	}
}

// yearHeadHint is how to head the column of one year's figures whose
// header plancast does not read, c. It keeps a unit the header gives:
// headed "2024" instead of "2024年（万元）", figures in 万元 would be read
// as 亿元.
func yearHeadHint(c column) string {
	y := c.unreadYear
	if c.unitText != "" {
		return fmt.Sprintf(`in %s "%d年（%s）", with their status or period if any ("%d年（初步）（%s）", "%d年1-6月（%s）")`,
			c.unitText, y, c.unitText, y, c.unitText, y, c.unitText)
	}
	return fmt.Sprintf(`"%d" or "%d年", with their status, period or unit if any ("%d年（初步）", "%d (estimate)", "%d年1-6月", "%d年（万元）")`, y, y, y, y, y, y)
}

// yearMeta is what a row says of its figure in a year column whose header
// gives the figures' status or period ("2023年（初步）", "2024年1-6月"):
// the header's, unless the row's status or period cell says otherwise,
// which is refused at that cell. A blank cell says nothing.
func (p *parser) yearMeta(l *layout, row tableRow, m rowMeta, col column) (rowMeta, bool) {
	ok := true
	disagree := func(field, what string) {
		c, _ := p.rowCell(l, row, field)
		p.fail(c, "%s %s, but the header of column %s (%s) says its figures are %s: leave the row's %s blank, or take the %s out of the header (\"%d\")",
			field, c.quoted(), col.letter, cell{text: col.header}.quoted(), what, field, field, col.year)
		ok = false
	}
	if col.status != "" {
		if c, has := p.rowCell(l, row, fieldStatus); has && !c.blank() && m.status != col.status {
			disagree(fieldStatus, col.status)
		}
		m.status = col.status
	}
	if col.period != "" {
		if c, has := p.rowCell(l, row, fieldPeriod); has && !c.blank() && m.period != col.period {
			disagree(fieldPeriod, "of "+col.period)
		}
		m.period = col.period
	}
	return m, ok
}

func (p *parser) readRow(l *layout, row tableRow) {
	if row.uncomputed || row.blank() {
		return
	}
	if note, refused := p.noteRow(l, row); note || refused {
		return
	}
	if p.unitsRow(l, row) {
		return
	}
	if len(row.spans) > 0 && !p.spansFit(l, row) {
		return
	}
	if p.comma != 0 && len(row.cells) > l.width && p.widerThanHeader(l, row) {
		return
	}
	if !p.headedCells(l, row) {
		return
	}
	if len(l.unreadYears) > 0 {
		p.unreadYearFigures(l, row)
	}
	if len(l.avgGrowths) > 0 {
		l.heldIn(l.avgGrowths, row)
	}
	if len(l.unreadNumbers) > 0 {
		l.numbersIn(l.unreadNumbers, row)
	}
	switch l.kind {
	case layoutWide:
		p.wideRow(l, row)
	case layoutTargets:
		p.targetRow(l, row)
	case layoutPlan:
		p.planRow(l, row)
	default:
		p.longRow(l, row)
	}
}

// textFields are the fields whose cells may hold a line break: free text.
var textFields = map[string]bool{fieldNote: true, fieldSource: true, fieldQuote: true}

// spansFit reports whether every cell of row that runs over lines (a CSV
// record's quoted cell with line breaks inside) is in a column that may
// hold a line break: a free-text one, or one the table does not read. Such
// a cell in a column of numbers, years or codes is valid CSV but never
// meant: a quote opened the field and was closed at the end of a later
// line, taking in the rows between, and the cell would come back as "… is
// not a number". Each is one problem saying so, and the row is not read;
// the rows after the cell's last line are, as the CSV is whole again there.
// A free-text cell may hold line breaks, but not lines that read as rows
// of the table (takesInRows).
func (p *parser) spansFit(l *layout, row tableRow) bool {
	fit := true
	for _, s := range row.spans {
		field, read := l.fieldAt(s.col)
		if !read || textFields[field] {
			if p.takesInRows(l, row, s, field) {
				fit = false
			}
			continue
		}
		first, _, _ := strings.Cut(row.at(s.col), "\n")
		first = lineStart([]byte(strings.TrimSpace(first)))
		breaks := "1 line break"
		if s.breaks > 1 {
			breaks = fmt.Sprintf("%d line breaks", s.breaks)
		}
		p.ps.add(p.rec(row).problem(columnLetter(s.col), field,
			"the quoted cell %q runs over lines %d–%d (it holds %s), so a closing quote is probably missing: a %s cell holds no line break; "+
				`end the field with a quote on line %d, and write a quote inside a quoted field twice ("")`,
			strings.TrimSpace(first), s.line, s.line+s.breaks, breaks, field, s.line))
		fit = false
	}
	return fit
}

// fieldAt names the field the table reads from column idx (a year or
// indicator column's is the value), and whether it reads that column at
// all. Fields are tried in name order, so that a column read as two (a
// targets download's target_unit is also its unit) is named the same way
// every time.
func (l *layout) fieldAt(idx int) (string, bool) {
	for _, c := range l.years {
		if c.idx == idx {
			return fieldValue, true
		}
	}
	for _, c := range l.indicators {
		if c.idx == idx {
			return fieldValue, true
		}
	}
	for _, f := range slices.Sorted(maps.Keys(l.fields)) {
		if l.fields[f].idx == idx {
			return f, true
		}
	}
	return "", false
}

// rowCell returns the cell of a field in a row, and whether the table has that
// column at all.
func (p *parser) rowCell(l *layout, row tableRow, field string) (cell, bool) {
	c, ok := l.fields[field]
	if !ok {
		return cell{at: p.rec(row), field: field}, false
	}
	return p.cellAt(row, c, field), true
}

func (p *parser) cellAt(row tableRow, c column, field string) cell {
	return cell{at: p.rec(row), col: c.letter, field: field, text: row.at(c.idx)}
}

func (p *parser) rec(row tableRow) record {
	return record{File: p.file, Sheet: p.sheet, Row: row.num}
}

// rowRegion gives the row's region from its region column, or the table's.
func (p *parser) rowRegion(l *layout, row tableRow) (string, bool) {
	if c, ok := p.rowCell(l, row, fieldRegion); ok {
		return p.region(c)
	}
	if l.region != "" {
		return l.region, true
	}
	p.ps.add(p.rec(row).problem("", fieldRegion, "region is missing: add a region (地区) column or name the region in the table title"))
	return "", false
}

// rowUnit gives the unit a row's figures are written in: the unit column, else
// the unit written with the indicator name, else the value column's header's
// (headerUnits), else the one the table gives for all rows, the indicator
// column's header's or the title's (sharedUnit; refused for a row of the
// other kind of money, sharedUnitFits); "" means the indicator's own unit.
// indicator is the row's ("" when it is not known), whose units an unknown
// unit's problem names.
func (p *parser) rowUnit(l *layout, row tableRow, inName, indicator string, headerUnits ...string) (unit string, at cell, ok bool) {
	if c, has := p.rowCell(l, row, fieldUnit); has && !c.blank() {
		u, ok := p.unit(c, indicator)
		return u, c, ok
	}
	at, _ = p.rowCell(l, row, fieldIndicator)
	if inName != "" {
		return inName, at, true
	}
	for _, u := range headerUnits {
		if u != "" {
			return u, at, true
		}
	}
	if at.col == "" {
		at = cell{at: p.rec(row)}
	}
	ul := l.sharedUnit()
	if ul == nil {
		return "", at, true
	}
	return ul.unit, at, p.sharedUnitFits(l, at, indicator)
}

// checkUnit reports, once for a row, a unit that does not convert to the
// indicator's, on the cell the unit came from.
func (p *parser) checkUnit(at cell, unit, indicator string) bool {
	if unit == "" {
		return true
	}
	_, ok := p.convert(at, 1, unit, indicator)
	return ok
}

// rowMeta is what a row says about its figures besides the numbers.
type rowMeta struct {
	status, period string
	published      plancast.Date
	source         plancast.Source
}

// meta reads the optional status, period, published, source and quote cells;
// the source document defaults to the file name, so every figure says where
// it came from.
func (p *parser) meta(l *layout, row tableRow) (rowMeta, bool) {
	m := rowMeta{status: plancast.StatusFinal, period: plancast.PeriodYear, published: p.opt.Published,
		source: plancast.Source{Document: p.file}}
	ok := true
	if c, has := p.rowCell(l, row, fieldStatus); has {
		var good bool
		m.status, good = p.status(c)
		ok = ok && good
	}
	if c, has := p.rowCell(l, row, fieldPeriod); has {
		var good bool
		m.period, good = p.period(c)
		ok = ok && good
	}
	p.dated = false // the push's date, unless the row's published cell gives one
	if c, has := p.rowCell(l, row, fieldPublished); has {
		var good bool
		m.published, good = p.date(c)
		ok = ok && good
	}
	if c, has := p.rowCell(l, row, fieldSource); has && !c.blank() {
		m.source.Document = strings.TrimSpace(c.text)
	}
	if c, has := p.rowCell(l, row, fieldQuote); has {
		m.source.Quote = strings.TrimSpace(c.text)
	}
	if c, has := p.rowCell(l, row, fieldTransform); has {
		ok = p.levels(c) && ok
	}
	return m, ok
}
