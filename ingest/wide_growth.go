package ingest

import (
	"fmt"
	"strings"

	"github.com/plancast/plancast"
)

// The commonest table of a statistical bulletin is 指标 | 单位 | 2024年 |
// 比上年增长（%）: one year's figures and the growth the bureau states for
// them. A wide table read the figures and left the growth column out
// without a word, and the year's growth targets were then judged on the
// growth of the current-price levels instead of the growth stated.
//
// A wide table reads a growth column (the headers a long table's growth
// column goes by: 增长（%）, 比上年增长%, growth) beside its year columns as
// the stated growth of one year's figures, as a long table's growth column
// gives it for its row's figure (plancast.Observation.Growth, in percent,
// refused as a long table's is: in percentage points, in another unit,
// not a number, not above −100%):
//
//   - beside a table of one year column, it is that year's;
//   - a growth column whose header names a year ("2024年比上年增长%", or
//     "2024年" merged over "绝对值" and "增长（%）") is that year's, whatever
//     the other year columns;
//   - it is year on year (growth_base_year empty), unless the table has a
//     growth_base_year column (增长基期; 基期 or 基年, a base_year column,
//     as in a long table), whose year it is measured from for every growth
//     of the row.
//
// A growth column that cannot be placed (a table of several year columns
// whose header names no year, or a year no column is of) is not read, and
// a note names it when it holds growths, saying how to push them. A year
// column without a growth column beside it leaves its figures' growth
// unsaid (the stored figure's stays, rowPlaces.unsaid), as before.

// wideGrowth places a wide table's growth columns beside its year columns
// (growthOf) and gives each year column the places of its figures
// (yearPlaces). It reports false, with a problem, for a growth column whose
// header says it is no growth in percent.
func (p *parser) wideGrowth(l *layout, cols []column, headerRow int) bool {
	if _, ok := l.fields[fieldGrowthBase]; !ok {
		if b, ok := l.fields[fieldBaseYear]; ok {
			l.fields[fieldGrowthBase] = b
		}
	}
	base := l.fields[fieldGrowthBase].letter
	ok := true
	for _, g := range cols {
		if g.field != fieldGrowth && (g.field != "" || g.growthYear == 0) {
			continue
		}
		if msg := growthHeaderProblem(g); msg != "" {
			p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: headerRow, Column: g.letter, Field: fieldGrowth, Message: msg})
			ok = false
			continue
		}
		var of []column
		if g.growthYear != 0 || g.growthPeriod != "" || len(l.years) == 1 {
			for _, y := range l.years {
				if (g.growthYear == 0 || y.year == g.growthYear) && (g.growthPeriod == "" || samePeriod(y.period, g.growthPeriod)) {
					of = append(of, y)
				}
			}
		}
		if len(of) != 1 {
			l.unplacedGrowths = append(l.unplacedGrowths, g)
			continue
		}
		if l.growthOf == nil {
			l.growthOf = map[int]column{}
		}
		if other, taken := l.growthOf[of[0].idx]; taken {
			p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: headerRow, Column: g.letter, Field: fieldGrowth,
				Message: fmt.Sprintf("columns %s (%s) and %s (%s) both give the growth of the figures of column %s (%s): keep one",
					other.letter, cell{text: other.header}.quoted(), g.letter, cell{text: g.header}.quoted(), of[0].letter, cell{text: of[0].header}.quoted())})
			ok = false
			continue
		}
		l.growthOf[of[0].idx] = g
	}
	l.yearPlaces = map[int]*rowPlaces{}
	for _, y := range l.years {
		u := l.unsaid()
		if y.status != "" { // the year's header says the status
			u &^= unsaidStatus
		}
		if g, has := l.growthOf[y.idx]; has {
			l.yearPlaces[y.idx] = &rowPlaces{growth: g.letter, base: base, unsaid: u &^ unsaidGrowth}
		} else {
			l.yearPlaces[y.idx] = placesUnsaid(u)
		}
	}
	return ok
}

// periodLabel names a year and a period as a header does: "2026年1—9月",
// "2026年", "1—9月" (year 0), "上半年".
func periodLabel(year int, period string) string {
	name := plancast.PeriodName(period, true)
	if period == plancast.PeriodYear {
		name = "全年"
		if year != 0 {
			name = ""
		}
	}
	if year == 0 {
		return name
	}
	return fmt.Sprintf("%d年%s", year, name)
}

// samePeriod reports whether a year column's period (its header's, ""
// for the whole year) is period p.
func samePeriod(col, p string) bool {
	if col == "" {
		col = plancast.PeriodYear
	}
	return col == p
}

// growthHeaderProblem is what is wrong with a growth column's header, as
// a long table's growth column is refused for it (growthLayout): a change
// in percentage points, or in a unit other than percent; "" when nothing.
func growthHeaderProblem(g column) string {
	lower := strings.ToLower(g.header)
	switch {
	case strings.Contains(lower, "百分点") || strings.Contains(lower, "percentage point"):
		return fmt.Sprintf("%q is a change in percentage points, not a growth: the growth column is in percent", g.header)
	case g.unit != "" && g.unit != plancast.UnitPercent && headerFields[fold(g.unit)] != fieldGrowth:
		return fmt.Sprintf("%q is a change in %s, not a growth: the growth column is in percent", g.header, unitLabel(g.unit))
	}
	return ""
}

// unplacedGrowthCells counts the growths a row holds in the growth columns
// a wide table cannot place (unplacedGrowths), for the note on them.
func (l *layout) unplacedGrowthCells(row tableRow) { l.heldIn(l.unplacedGrowths, row) }

// heldIn notes what a row holds in columns the table does not read, for a
// note on each (unplacedHeld, by column index).
func (l *layout) heldIn(cols []column, row tableRow) {
	for _, g := range cols {
		t := row.at(g.idx)
		if isMissing(t) {
			continue
		}
		if l.unplacedHeld == nil {
			l.unplacedHeld = map[int]*unheadedCells{}
		}
		if u := l.unplacedHeld[g.idx]; u != nil {
			u.more++
		} else {
			l.unplacedHeld[g.idx] = &unheadedCells{text: t, row: row.num}
		}
	}
}

// unplacedGrowthNotes are the notes on the growth columns of a wide table
// that hold growths it could not place beside a year: not read, and how
// to push them.
func (p *parser) unplacedGrowthNotes(l *layout) []string {
	if len(l.years) == 0 {
		return nil // no year header read: each is refused (reportUnreadYears)
	}
	var notes []string
	where := p.where()
	years := make([]string, len(l.years))
	for i, y := range l.years {
		years[i] = y.header
	}
	// The hint heads the column as the last year's: "2020年比上年增长（%）",
	// "2026年1—9月比上年同期增长（%）".
	last := l.years[len(l.years)-1]
	headAs := periodLabel(last.year, last.period) + "比上年增长（%）"
	if last.period != "" && last.period != plancast.PeriodYear {
		headAs = periodLabel(last.year, last.period) + "比上年同期增长（%）"
	}
	for _, g := range l.unplacedGrowths {
		u := l.unplacedHeld[g.idx]
		if u == nil {
			continue
		}
		held := u.held()
		why := fmt.Sprintf("the table has %d year columns (%s) and the header does not say which year's figures they are of", len(l.years), strings.Join(years, ", "))
		if g.growthYear != 0 || g.growthPeriod != "" {
			named := periodLabel(g.growthYear, g.growthPeriod)
			var of []string
			for _, y := range l.years {
				if (g.growthYear == 0 || y.year == g.growthYear) && (g.growthPeriod == "" || samePeriod(y.period, g.growthPeriod)) {
					of = append(of, y.header)
				}
			}
			why = fmt.Sprintf("the header names %s, but no year column is of %s alone", named, named)
			if g.growthYear == 0 && len(of) > 1 {
				why = fmt.Sprintf("the header names %s but not its year, and %d year columns are of %s (%s)", named, len(of), named, strings.Join(of, ", "))
			}
		}
		notes = append(notes, fmt.Sprintf("%s: column %s (%s) holds stated growths (%s) that were not read, as %s: "+
			`push them in a long table (地区, 指标, 年份, 数值, 增长（%%）), or head the column with its year ("%s"); the figures were read without them`,
			where, g.letter, cell{text: g.header}.quoted(), held, why, headAs))
	}
	return notes
}
