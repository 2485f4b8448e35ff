package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/plancast/plancast"
)

// targetRow reads a row of a targets table: region, indicator, plan, kind,
// year, value[, base_year, binding, unit, source, quote, note, published,
// version]. Level, ceiling and floor values are converted to the
// indicator's unit; growth and share targets are in percent. A row whose
// version is not the one in force is left out (see targetVersion).
func (p *parser) targetRow(l *layout, row tableRow) {
	var claim *versionClaim
	if c, has := p.rowCell(l, row, fieldVersion); has {
		inForce, ok := p.targetVersion(c)
		if !ok {
			return
		}
		if !inForce {
			p.notInForce = append(p.notInForce, row.num)
			return
		}
		// A row that says it is the version in force is one a download
		// gave as in force on the day it was taken, which may be long
		// past: Apply holds it to the versions stored since.
		if !c.blank() {
			pc, _ := p.rowCell(l, row, fieldPublished)
			claim = &versionClaim{publishedCol: pc.col, undated: pc.col != "" && pc.blank()}
		}
	}
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
	ok = p.targetDetails(l, row, &t) && ok
	vc, _ := p.rowCell(l, row, fieldValue)
	if msg, bounded := p.targetBoundMessage(vc, t); bounded {
		p.fail(vc, "%s", msg)
		good = false
	} else {
		t.Value, good = p.number(vc)
	}
	ok = ok && good
	unit, at, okUnit := p.rowUnit(l, row, inName, indicator, l.fields[fieldValue].unit)
	if at.col == "" {
		at = vc
	}
	if !ok || !okUnit {
		return
	}
	if !p.targetPercentFits(vc, t) || !p.targetUnitAt(at, vc, &t, unit) {
		return
	}
	p.addTarget(t, targetOrigin{origin: origin{record: vc.at, yearCol: yc.col, valueCol: vc.col, places: l.places}, claim: claim, kindCol: kc.col})
}

// What a target's row leaves unsaid (rowPlaces.unsaid, beside a figure's
// status and growth): its base year and whether it is binding, when its file
// has no place for them, a table without a base year or binding column, a
// JSON item without the "base_year" or "binding" key. Such a row takes the
// base year and binding of the stored version it is compared with
// (fillUnsaidTargets), so that a target pushed again with the same value,
// without the plan's base year that the version in force was stored with,
// counts unchanged. Before, it took its defaults, no base year and
// expected, and counted as a revision: a new version dated the push's day
// replaced the one in force, and the plan's source and note with it. A place
// left blank (an empty cell, "base_year": null) says none, as a figure's does.
const (
	unsaidBaseYear = unsaidGrowth << (iota + 1)
	unsaidBinding
)

// targetUnsaidOnly are the places of a target's row with no base year
// column, by what it leaves unsaid (targetPlacesUnsaid), shared by every
// target read from such a file (never changed).
var targetUnsaidOnly = [...]rowPlaces{{}, {unsaid: unsaidBaseYear}, {unsaid: unsaidBinding}, {unsaid: unsaidBaseYear | unsaidBinding}}

// targetPlacesUnsaid is the places of a target's row with no base year
// column that leaves u (of unsaidBaseYear, unsaidBinding) unsaid.
func targetPlacesUnsaid(u unsaid) *rowPlaces {
	i := 0
	if u&unsaidBaseYear != 0 {
		i |= 1
	}
	if u&unsaidBinding != 0 {
		i |= 2
	}
	return &targetUnsaidOnly[i]
}

// targetPlaces is what a targets table has a place for: its base year
// column, where checkBatch finds a wrong base year (checkPlanYears), and
// which of the base year and binding it leaves unsaid for want of a column.
func targetPlaces(l *layout) *rowPlaces {
	var u unsaid
	if _, has := l.fields[fieldBinding]; !has {
		u |= unsaidBinding
	}
	if b, has := l.fields[fieldBaseYear]; has {
		return &rowPlaces{base: b.letter, unsaid: u}
	}
	return targetPlacesUnsaid(u | unsaidBaseYear)
}

// jsonTargetUnsaid is what a JSON target item leaves unsaid: the
// "base_year" and "binding" keys it does not have (in any case, as
// encoding/json matches them; null counts: it says none).
func jsonTargetUnsaid(item []byte) unsaid {
	item = bytes.TrimSpace(item)
	u := unsaidBaseYear | unsaidBinding
	for m := (jsonMembers{data: item, i: 1}); m.next(); {
		switch key := unquoteJSON(m.key); {
		case strings.EqualFold(key, "base_year"):
			u &^= unsaidBaseYear
		case strings.EqualFold(key, "binding"):
			u &^= unsaidBinding
		}
	}
	return u
}

// targetUnit converts a target's value to the indicator's unit when the
// target is a level; growth and share targets must be percent. A problem
// with the unit is said at at, where the value is too (a JSON item).
func (p *parser) targetUnit(at cell, t *plancast.Target, unit string) bool {
	return p.targetUnitAt(at, at, t, unit)
}

// targetUnitAt is targetUnit for a table's row, whose unit (said at at)
// may be in another cell than its value (value).
func (p *parser) targetUnitAt(at, value cell, t *plancast.Target, unit string) bool {
	switch t.Kind {
	case plancast.TargetLevel, plancast.TargetCeiling, plancast.TargetFloor:
		v, ok := p.convertAt(at, value, t.Value, unit, t.Indicator)
		t.Value = v
		return ok
	}
	if unit != "" && unit != plancast.UnitPercent {
		p.fail(at, "a %s target is in percent, not %s", t.Kind, unitLabel(unit))
		return false
	}
	return true
}

// targetVersionStates are the versions a targets download names
// (plancast.TargetVersion.State, in English and in Chinese,
// plancast.TargetStatesZh), folded, and whether such a row is a target to
// push: only the version in force is. A replaced version and a withdrawal
// are history the store that answered the download holds: pushed as
// targets, a replaced version would be counted as a revision of the one in
// force and stored again as a version of its own date, and a withdrawal has
// no value to push. A blank version is a row the author added: it is read
// as in force; "withdrawn" is read as a withdrawal.
var targetVersionStates = func() map[string]bool {
	states := map[string]bool{"": true, "withdrawn": false}
	for en, zh := range plancast.TargetStatesZh {
		states[fold(en)], states[fold(zh)] = en == "in force", en == "in force"
	}
	return states
}()

// targetVersion reads a row's version: whether it is the version in force.
func (p *parser) targetVersion(c cell) (inForce, ok bool) {
	inForce, ok = targetVersionStates[fold(c.text)]
	if !ok {
		p.fail(c, "version %s must be in force, replaced or withdrawal (现行, 已被替代, 撤回), as a targets download gives it", c.quoted())
	}
	return inForce, ok
}

// notInForceNote says which rows of a targets table targetRow left out as
// versions no longer in force; "" when none.
func (p *parser) notInForceNote() string {
	n := len(p.notInForce)
	if n == 0 {
		return ""
	}
	where := p.where()
	const most = 10
	rows := make([]string, 0, most+1)
	for i, r := range p.notInForce {
		if i == most {
			rows = append(rows, fmt.Sprintf("and %d more", n-most))
			break
		}
		rows = append(rows, strconv.Itoa(r))
	}
	if n == 1 {
		return fmt.Sprintf("%s: row %s is a version no longer in force (replaced, or a withdrawal, in its version column) and was not pushed", where, rows[0])
	}
	return fmt.Sprintf("%s: %d rows are versions no longer in force (replaced, or withdrawals, in their version column) and were not pushed: rows %s",
		where, n, strings.Join(rows, ", "))
}

// targetDetails reads what a target row says beside its kind and value
// into t: its binding, source, quote, note and published date (the push's
// date, unless the row's published cell gives the day the plan set the
// target). ok is false when a cell is refused (a problem is added). A
// targets table and a plan's table read them alike.
func (p *parser) targetDetails(l *layout, row tableRow, t *plancast.Target) (ok bool) {
	ok = true
	var good bool
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
	p.dated = false
	if c, has := p.rowCell(l, row, fieldPublished); has {
		t.Published, good = p.date(c)
		ok = ok && good
	}
	return ok
}
