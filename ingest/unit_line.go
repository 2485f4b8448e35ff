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
// line does convert are named in a note (unitLineNote).

// unitLine is where a table's title rows give its unit.
type unitLine struct {
	unit string
	row  int
	col  string // "" when the unit was found only across cells
	text string
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

// lineUnitFits says whether the table's unit line may be read as the unit
// of a row of indicator that gives none; if not, it is refused at at (the
// row's name), once for the row.
func (p *parser) lineUnitFits(l *layout, at cell, indicator string) bool {
	ul := l.unitLine
	ind, known := p.res.indicators[indicator]
	if ul == nil || l.unit == "" || !known {
		return true
	}
	lineKind, indKind := moneyKind(l.unit), moneyKind(ind.Unit)
	if lineKind == "" || indKind == "" || lineKind == indKind {
		if l.unit != ind.Unit && !slices.Contains(ul.converted, indicator) {
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
	p.fail(at, "%s, but the unit line %s gives %s, %s: it is not read for this row, whose figures could be in either unit. "+
		"Give the row its own unit: in a unit column (单位), or after its name, as in %q",
		what, ul.where(), unitLabel(l.unit), lineWhat, name+"（"+unitZh(ind.Unit)+"）")
	return false
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

// unitLineNote names the indicators whose figures the table's unit line
// converted, so that the push says which unit it read them in.
func (p *parser) unitLineNote(l *layout) string {
	ul := l.unitLine
	if ul == nil || len(ul.converted) == 0 {
		return ""
	}
	var conv []string
	for _, code := range ul.converted {
		conv = append(conv, fmt.Sprintf("%s (to %s)", code, unitLabel(p.res.indicators[code].Unit)))
	}
	return fmt.Sprintf("%s: the figures of rows that give no unit of their own were read in %s, from the unit line %s, and converted: %s",
		p.where(), unitLabel(ul.unit), ul.where(), strings.Join(conv, ", "))
}
