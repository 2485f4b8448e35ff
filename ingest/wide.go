package ingest

import (
	"fmt"
	"strconv"
	"strings"
)

// wideRow reads a row of a wide table, the way yearbooks print them: one row
// per indicator (and region), one column per year. A blank cell or a dash
// ("—", "-", "…") means no figure for that year, not an error. A year's
// header may give its figures' status or period ("2023年（初步）",
// "2024年1-6月"; yearMeta) and their unit ("2024年（万元）"; wideUnits).
// A growth column beside a year gives that year's figures' stated growth
// (wideGrowth).
func (p *parser) wideRow(l *layout, row tableRow) {
	region, okRegion := p.rowRegion(l, row)
	indicator, inName, okInd := p.rowIndicator(l, row)
	meta, okMeta := p.meta(l, row)
	units, okUnit := p.wideUnits(l, row, indicator, inName, okInd)
	ok := okRegion && okInd && okMeta && okUnit
	pc, _ := p.rowCell(l, row, fieldPublished) // blank without the column: dated by the push
	bc, _ := p.rowCell(l, row, fieldGrowthBase)
	l.unplacedGrowthCells(row)
	for _, col := range l.years {
		c := p.cellAt(row, col, fieldValue)
		g, hasGrowth := l.growthOf[col.idx]
		var gc cell
		if hasGrowth {
			gc = p.cellAt(row, g, fieldGrowth)
		}
		if isMissing(c.text) {
			if hasGrowth && !isMissing(gc.text) {
				p.fail(gc, "growth %s is given without a figure of %d in column %s (%s): a stated growth goes with its figure; give the figure, or leave the growth empty",
					gc.quoted(), col.year, col.letter, cell{text: col.header}.quoted())
			}
			continue
		}
		var growth *float64
		var base int
		if hasGrowth {
			var good bool
			if growth, base, good = p.statedGrowth(gc, bc); !good {
				ok = false
			}
		}
		v, good := p.number(c)
		if !good || !ok || !p.percentFits(c, indicator, percentHintTable) {
			continue
		}
		unit, good := units.of(col, c)
		if !good {
			continue
		}
		m := meta
		if col.status != "" || col.period != "" {
			if m, good = p.yearMeta(l, row, meta, col); !good {
				continue
			}
		}
		if !p.publishedFits(pc, cell{at: c.at, col: col.letter, field: fieldYear, text: strconv.Itoa(col.year)}, m, col.year) {
			ok = false // said once, at the row's published cell (or at this year's, for the push's date)
			continue
		}
		v, _ = p.convert(c, v, unit, indicator)
		p.addObservation(observation(region, indicator, col.year, v, m, growth, base), origin{record: c.at, yearCol: col.letter, valueCol: col.letter, places: l.yearPlaces[col.idx]})
	}
}

// rowUnits are the units of a wide table's row: the row's own (its unit
// cell, else the unit written with its indicator's name), else each year
// column's header's ("2024年（万元）"), else the indicator header's or the
// title's.
type rowUnits struct {
	p         *parser
	indicator string
	own       string // the row's own unit; "" when it gives none
	at        cell   // where own (or the fallback) was said
	fallback  string
	checked   map[string]bool // a year header's unit: whether it converts
}

// wideUnits reads the units of a wide table's row (rowUnits) and checks
// the row's own, or the fallback, once for the row, as a long table's row
// is checked. A row whose own unit disagrees with the unit a year column's
// header gives, where the row has a figure, is refused at its unit: which
// of the two the figure is in cannot be known.
func (p *parser) wideUnits(l *layout, row tableRow, indicator, inName string, okInd bool) (rowUnits, bool) {
	u := rowUnits{p: p, indicator: indicator, own: inName}
	if ul := l.sharedUnit(); ul != nil {
		u.fallback = ul.unit
	}
	u.at, _ = p.rowCell(l, row, fieldIndicator)
	ok := true
	if c, has := p.rowCell(l, row, fieldUnit); has && !c.blank() {
		u.at = c
		u.own, ok = p.unit(c, indicator)
	}
	if !ok || !okInd {
		return u, false
	}
	headed := true // every year column gives its unit: the fallback is none's
	for _, col := range l.years {
		if col.unit == "" {
			headed = false
			continue
		}
		if u.own != "" && col.unit != u.own && !isMissing(row.at(col.idx)) {
			where := "given in column " + u.at.col
			if u.at.col == "" {
				where = "given with the indicator"
			}
			p.fail(u.at, "the unit %s %s disagrees with the header of column %s (%s), which gives %s: "+
				"a figure has one unit; give it in the unit column (单位) or in the year's header, not both",
				unitLabel(u.own), where, col.letter, cell{text: col.header}.quoted(), unitLabel(col.unit))
			return u, false
		}
	}
	switch {
	case u.own != "":
		return u, p.checkUnit(u.at, u.own, indicator)
	case !headed:
		if !p.sharedUnitFits(l, u.at, indicator) {
			return u, false
		}
		return u, p.checkUnit(u.at, u.fallback, indicator)
	}
	return u, true
}

// of is the unit of a figure read at c, in year column col; ok is false
// when it is a year header's that does not convert to the indicator's unit,
// said once for the row at the first figure in it.
func (u *rowUnits) of(col column, c cell) (string, bool) {
	switch {
	case u.own != "":
		return u.own, true
	case col.unit == "":
		return u.fallback, true
	}
	if ok, seen := u.checked[col.unit]; seen {
		return col.unit, ok
	}
	if u.checked == nil {
		u.checked = map[string]bool{}
	}
	ok := u.p.checkUnit(c, col.unit, u.indicator)
	u.checked[col.unit] = ok
	return col.unit, ok
}

// A wide table used to leave out without a word a column it does not read,
// numbers and all: "比上年增减（%）" (the stated growth, under a header it
// did not know), "增减额", "数值" beside the year columns. A column of
// numbers is never left out silently: a note names it, where its first
// number is, and how to head it if it is the growth.

// wideUnread finds the headed columns of a wide table it reads nothing
// from (unreadNumbers): neither a year's figures, nor their growth
// (wideGrowth notes those it cannot place), nor a column of the rows'
// names, units, status, period, dates or sources. A year header plancast
// does not read is refused (reportUnreadYears), an average growth noted
// (avgGrowthNotes), and a column numbering the rows (序号) is no data.
func (l *layout) wideUnread(cols []column) {
	for _, c := range cols {
		switch {
		case strings.TrimSpace(c.header) == "", c.year != 0, c.unreadYear != 0, c.growthYear != 0, c.avgGrowth,
			numberingHeaders[fold(c.header)]:
			continue
		case c.indicator != "":
			// A column of one indicator's values ("地区生产总值（亿元）")
			// is a long table's; a wide table's rows name theirs.
			l.unreadNumbers = append(l.unreadNumbers, c)
			continue
		}
		switch c.field {
		case "", fieldValue, fieldYear, fieldTargetUnit, fieldVersion:
			l.unreadNumbers = append(l.unreadNumbers, c)
		}
	}
}

// numberingHeaders head a column that numbers or ranks the rows, folded.
var numberingHeaders = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range []string{"序号", "序", "编号", "行次", "行号", "栏次", "顺序号", "排序", "排名", "位次", "代码", "代号",
		"no", "no.", "number", "#", "seq", "rank", "ranking", "row"} {
		m[fold(n)] = true
	}
	return m
}()

// numbersIn notes the numbers a row holds in cols, for a note on each
// column (unplacedHeld, by column index); a cell that is no number (a
// remark) is not counted.
func (l *layout) numbersIn(cols []column, row tableRow) {
	for _, c := range cols {
		t := row.at(c.idx)
		if isMissing(t) {
			continue
		}
		if _, err := parseNumber(t); err != nil {
			continue
		}
		if l.unplacedHeld == nil {
			l.unplacedHeld = map[int]*unheadedCells{}
		}
		if u := l.unplacedHeld[c.idx]; u != nil {
			u.more++
		} else {
			l.unplacedHeld[c.idx] = &unheadedCells{text: t, row: row.num}
		}
	}
}

// unreadNumberNotes are the notes on the columns of a wide table that hold
// numbers it does not read (wideUnread).
func (p *parser) unreadNumberNotes(l *layout) []string {
	var notes []string
	where := p.where()
	for _, c := range l.unreadNumbers {
		u := l.unplacedHeld[c.idx]
		if u == nil {
			continue
		}
		held := u.held()
		notes = append(notes, fmt.Sprintf("%s: column %s (%s) holds numbers (%s) that were not read: a wide table reads the figures under its year columns "+
			"and their stated growth in percent beside them; if these are that growth, head the column with its percent sign (\"比上年增长（%%）\", \"比上年增减（%%）\"); "+
			"a change in the figures' unit or in percentage points, a share or a target is not read from it; the figures were read without them",
			where, c.letter, cell{text: c.header}.quoted(), held))
	}
	return notes
}
