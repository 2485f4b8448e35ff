package ingest

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/plancast/plancast"
)

// A unit line above a table ("单位：万元") is the unit of the rows that give
// none of their own, but a yearbook's table mixes aggregates (亿元, 万元)
// with per-person figures kept in 元: read under "单位：万元", a per-capita
// disposable income of 38,900 元 was stored as 389,000,000 yuan per person,
// without a word. A row whose indicator is of the other kind of money than
// the line's unit (per person, in yuan, beside an aggregate's 万元, 亿元,
// 千元, billion or million yuan; or the reverse) is refused at its name:
// its figures could be in either unit, and no guess protects the clerk,
// for 3.89 万元 per person is written as often as 38,900 元. The rows the
// line does convert are named in a note (unitLineNotes).
//
// A unit in the indicator column's header ("指标（万元）", "项目(亿元)") is
// said once for every row just as a unit line is, and was read for a
// per-person row all the same (38,900 元 under "指标（万元）" stored as
// 389,000,000 yuan per person): it is read, refused and noted by the same
// rule (headerUnitLine), and before the unit line, as the nearer of the two.

// unitLine is where a table gives the unit of all its rows once: a cell of
// its title rows, or the indicator column's header.
type unitLine struct {
	unit string
	row  int
	col  string // "" when the unit was found only across cells
	text string
	// header says the unit is the indicator column's header's, not a
	// line's above the table.
	header bool
	// refused are the rows already refused for the line, so that a row
	// read twice (a plan's base and target) is said once.
	refused map[int]bool
	// converted are the indicators whose figures the line converted, in
	// the order first read.
	converted []string
}

// findUnitLine is the cell of the title rows that gives unit.
func findUnitLine(title []tableRow, unit string) *unitLine {
	for _, row := range title {
		for i, s := range row.cells {
			for _, m := range unitInTitle.FindAllStringSubmatch(widthFold(s), -1) {
				if u, ok := ParseUnit(m[1] + m[2]); ok && u == unit {
					return &unitLine{unit: unit, row: row.num, col: columnLetter(i), text: strings.TrimSpace(s)}
				}
			}
		}
	}
	if len(title) > 0 {
		return &unitLine{unit: unit, row: title[0].num}
	}
	return &unitLine{unit: unit}
}

// moneyKind is "per person" for yuan, the unit per-capita figures are kept
// in, "aggregate" for the other money units, and "" for any other unit.
func moneyKind(unit string) string {
	switch {
	case !IsMoney(unit):
		return ""
	case unit == plancast.UnitYuan:
		return "per person"
	}
	return "aggregate"
}

// headerUnitLine is the indicator column's header as the unit of the rows
// that give none ("指标（万元）" in row headerRow), nil when the table has no
// indicator column or its header gives no unit.
func headerUnitLine(l *layout, headerRow int) *unitLine {
	c, ok := l.fields[fieldIndicator]
	if !ok || c.unit == "" {
		return nil
	}
	return &unitLine{unit: c.unit, row: headerRow, col: c.letter, text: strings.TrimSpace(c.header), header: true}
}

// sharedUnit is the unit a table gives once for the rows that give none,
// and where: the indicator column's header's, else the unit line's; nil
// when it gives none.
func (l *layout) sharedUnit() *unitLine {
	if l.headerUnit != nil {
		return l.headerUnit
	}
	if l.unitLine != nil && l.unit != "" {
		return l.unitLine
	}
	return nil
}

// sharedUnitFits says whether the unit the table gives once for all rows
// (sharedUnit: the indicator header's, else the unit line's) may be read
// as the unit of a row of indicator that gives none; if not, the row is
// refused at at (its name), once for the row.
func (p *parser) sharedUnitFits(l *layout, at cell, indicator string) bool {
	ul := l.sharedUnit()
	if ul == nil {
		return true
	}
	return p.unitLineFits(ul, at, indicator)
}

// unitLineFits says whether ul may be read as the unit of a row of
// indicator that gives none: not when one is an aggregate's money and the
// other a per-person figure's (moneyKind).
func (p *parser) unitLineFits(ul *unitLine, at cell, indicator string) bool {
	ind, known := p.res.indicators[indicator]
	if !known {
		return true
	}
	lineKind, indKind := moneyKind(ul.unit), moneyKind(ind.Unit)
	if lineKind == "" || indKind == "" || lineKind == indKind {
		if ul.unit != ind.Unit && !slices.Contains(ul.converted, indicator) {
			ul.converted = append(ul.converted, indicator)
		}
		return true
	}
	if ul.refused[at.at.Row] {
		return false
	}
	if ul.refused == nil {
		ul.refused = map[int]bool{}
	}
	ul.refused[at.at.Row] = true
	name := strings.TrimSpace(at.text)
	if at.field != fieldIndicator || name == "" {
		name = cmp.Or(ind.NameZh, indicator)
	}
	what := fmt.Sprintf("%s (%s) is measured per person, in %s", cell{text: name}.quoted(), indicator, unitLabel(ind.Unit))
	lineWhat := "a unit of aggregates"
	if indKind == "aggregate" {
		what = fmt.Sprintf("%s (%s) is an aggregate, measured in %s", cell{text: name}.quoted(), indicator, unitLabel(ind.Unit))
		lineWhat = "the unit of per-person figures"
	}
	p.fail(at, "%s, but %s gives %s, %s: it is not read for this row, whose figures could be in either unit. "+
		"Give the row its own unit: in a unit column (单位), or after its name, as in %q",
		what, ul.said(), unitLabel(ul.unit), lineWhat, name+"（"+unitZh(ind.Unit)+"）")
	return false
}

// said names the unit line and where it is, for messages: `the unit line
// "单位：万元" above the table (row 2 column C)`, or `the indicator column's
// header "指标（万元）" (row 3 column A)`.
func (ul *unitLine) said() string {
	if ul.header {
		return fmt.Sprintf("the indicator column's header %s (row %d column %s)", cell{text: ul.text}.quoted(), ul.row, ul.col)
	}
	return "the unit line " + ul.where()
}

// where says where the unit line is, for messages.
func (ul *unitLine) where() string {
	switch {
	case ul.col != "":
		return fmt.Sprintf("%s above the table (row %d column %s)", cell{text: ul.text}.quoted(), ul.row, ul.col)
	case ul.row != 0:
		return fmt.Sprintf("above the table (row %d)", ul.row)
	}
	return "above the table"
}

// unitLineNotes name the indicators whose figures the table's unit line,
// or its indicator header's unit, converted, so that the push says which
// unit it read them in.
func (p *parser) unitLineNotes(l *layout) []string {
	var notes []string
	for _, ul := range []*unitLine{l.headerUnit, l.unitLine} {
		if ul == nil || len(ul.converted) == 0 {
			continue
		}
		var conv []string
		for _, code := range ul.converted {
			conv = append(conv, fmt.Sprintf("%s (to %s)", code, unitLabel(p.res.indicators[code].Unit)))
		}
		notes = append(notes, fmt.Sprintf("%s: the figures of rows that give no unit of their own were read in %s, from %s, and converted: %s",
			p.where(), unitLabel(ul.unit), ul.said(), strings.Join(conv, ", ")))
	}
	return notes
}
