package ingest

import (
	"strings"

	"github.com/plancast/plancast"
)

// targetRow reads a row of a targets table: region, indicator, plan, kind,
// year, value[, base_year, binding, unit, source, quote, note, published]. Level, ceiling
// and floor values are converted to the indicator's unit; growth and share
// targets are in percent.
func (p *parser) targetRow(l *layout, row tableRow) {
	region, ok := p.rowRegion(l, row)
	indicator, inName, okInd := p.rowIndicator(l, row)
	ok = ok && okInd
	t := plancast.Target{Region: region, Indicator: indicator, Source: plancast.Source{Document: p.file}, Published: p.opt.Published}
	var good bool
	pc, _ := p.rowCell(l, row, fieldPlan)
	t.Plan, good = p.plan(pc)
	ok = ok && good
	kc, _ := p.rowCell(l, row, fieldKind)
	t.Kind, good = p.targetKind(kc)
	ok = ok && good
	yc, _ := p.rowCell(l, row, fieldYear)
	t.Year, good = p.year(yc)
	ok = ok && good
	if c, has := p.rowCell(l, row, fieldBaseYear); has {
		t.BaseYear, good = p.optionalYear(c)
		ok = ok && good
	}
	if c, has := p.rowCell(l, row, fieldBinding); has {
		t.Binding, good = p.binding(c)
		ok = ok && good
	}
	if c, has := p.rowCell(l, row, fieldSource); has && !c.blank() {
		t.Source.Document = strings.TrimSpace(c.text)
	}
	if c, has := p.rowCell(l, row, fieldQuote); has {
		t.Source.Quote = strings.TrimSpace(c.text)
	}
	if c, has := p.rowCell(l, row, fieldNote); has {
		t.Note = strings.TrimSpace(c.text)
	}
	if c, has := p.rowCell(l, row, fieldPublished); has { // the date the plan set this target
		t.Published, good = p.date(c)
		ok = ok && good
	}
	vc, _ := p.rowCell(l, row, fieldValue)
	t.Value, good = p.number(vc)
	ok = ok && good
	unit, at, okUnit := p.rowUnit(l, row, inName, l.fields[fieldValue].unit, l.fields[fieldIndicator].unit)
	if at.col == "" {
		at = vc
	}
	if !ok || !okUnit {
		return
	}
	if !p.targetUnit(at, &t, unit) {
		return
	}
	p.addTarget(t, origin{record: vc.at, yearCol: yc.col, valueCol: vc.col})
}

// targetUnit converts a target's value to the indicator's unit when the
// target is a level; growth and share targets must be percent.
func (p *parser) targetUnit(at cell, t *plancast.Target, unit string) bool {
	switch t.Kind {
	case plancast.TargetLevel, plancast.TargetCeiling, plancast.TargetFloor:
		v, ok := p.convert(at, t.Value, unit, t.Indicator)
		t.Value = v
		return ok
	}
	if unit != "" && unit != plancast.UnitPercent {
		p.fail(at, "a %s target is in percent, not %s", t.Kind, unitLabel(unit))
		return false
	}
	return true
}
