package api

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/plancast/plancast"
)

// Units are the series transformations of FRED's API (units=...), for yearly
// data. With x_t the value in year t and s the previous observed year:
//
//	lin  x_t                                  levels (default)
//	chg  x_t − x_{t−1}                        change
//	ch1  x_t − x_{t−1}                        change from a year ago (= chg for yearly data)
//	pch  100·(x_t/x_{t−1} − 1)                percent change
//	pc1  100·(x_t/x_{t−1} − 1)                percent change from a year ago (= pch)
//	pca  100·((x_t/x_s)^(1/(t−s)) − 1)        compounded annual rate of change
//	cch  100·(ln x_t − ln x_{t−1})            continuously compounded change
//	cca  100·(ln x_t − ln x_s)/(t−s)          continuously compounded annual rate
//	log  ln x_t                               natural log
//
// chg, ch1, pch, pc1 and cch need the previous calendar year observed; pca
// and cca annualise across a gap, so 2015 = 88.9 and 2020 = 120.8 give
// pca 2020 = 6.32 (% a year). A year whose transform is undefined (the first
// year, a gap, a ratio or log of a non-positive value) is left out, and
// TransformNotes names it.
var Units = []string{"lin", "chg", "ch1", "pch", "pc1", "pca", "cch", "cca", "log"}

// ValidUnits reports whether u names a transformation.
func ValidUnits(u string) bool {
	for _, v := range Units {
		if u == v {
			return true
		}
	}
	return false
}

// Transform applies a transformation to observations sorted by year. The
// result keeps each observation's metadata with the transformed value.
func Transform(obs []plancast.Observation, units string) []plancast.Observation {
	if units == "" || units == "lin" {
		return obs
	}
	out := make([]plancast.Observation, 0, len(obs))
	for i, o := range obs {
		v, why := transformOne(units, o, previous(obs, i))
		if why != taken || math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		o.Value = v
		out = append(out, o)
	}
	return out
}

// previous is the observation before obs[i], nil for the first.
func previous(obs []plancast.Observation, i int) *plancast.Observation {
	if i == 0 {
		return nil
	}
	return &obs[i-1]
}

// leftOut says why transformOne takes no value for a year, so that the
// notes name the years Transform leaves out by the very rule it used.
type leftOut int

const (
	taken        leftOut = iota
	noYearBefore         // the first figure, or a year-on-year unit's gap
	notPositive          // a logarithm or ratio of a figure at or below 0 (pch: a ratio to 0)
)

func transformOne(units string, o plancast.Observation, prev *plancast.Observation) (float64, leftOut) {
	x := o.Value
	if units == "log" {
		return math.Log(x), unless(x > 0, notPositive)
	}
	if prev == nil {
		return 0, noYearBefore
	}
	gap := float64(o.Year - prev.Year)
	p := prev.Value
	if _, yoy := yearOnYear[units]; yoy && gap != 1 {
		return 0, noYearBefore
	}
	switch units {
	case "chg", "ch1":
		return x - p, taken
	case "pch", "pc1":
		return 100 * (x/p - 1), unless(p != 0, notPositive)
	case "cch":
		return 100 * (math.Log(x) - math.Log(p)), unless(x > 0 && p > 0, notPositive)
	case "pca":
		return 100 * (math.Pow(x/p, 1/gap) - 1), unless(x > 0 && p > 0, notPositive)
	case "cca":
		return 100 * (math.Log(x) - math.Log(p)) / gap, unless(x > 0 && p > 0, notPositive)
	}
	return 0, noYearBefore
}

// unless is taken when ok holds, and why otherwise.
func unless(ok bool, why leftOut) leftOut {
	if ok {
		return taken
	}
	return why
}

// unitNames is what a note, and the series XLSX, calls each unit (FRED's
// names).
var unitNames = map[string]string{
	"lin": "levels",
	"chg": "change",
	"ch1": "change from a year ago",
	"pch": "percent change",
	"pc1": "percent change from a year ago",
	"pca": "compounded annual rate of change",
	"cch": "continuously compounded rate of change",
	"cca": "continuously compounded annual rate of change",
	"log": "natural log",
}

// yearOnYear are the units that need the figure of the year before (the
// others annualise across a gap, or need none), each with the unit that
// gives its annual rate across a gap, if any.
var yearOnYear = map[string]string{"chg": "", "ch1": "", "pch": "pca", "pc1": "pca", "cch": "cca"}

// TransformNotes says which years from `from` on (all years when from is
// 0) Transform(obs, units) leaves out, and why, so that a short or empty
// answer is not read as "no data": for want of the year before (units=pch
// on figures of 2015 and 2020 only), and for a figure at or below 0 that a
// logarithm or a ratio cannot be taken of (units=cch over an oil output
// that fell to 0). obs are sorted by year, as for Transform, and begin
// before from when the series does (getSeries reads them so), so that the
// first year asked has its year before. A series of several years whose
// first alone is left out, as every change must leave it out, has no note;
// a series of one year has, as its answer is empty.
func TransformNotes(obs []plancast.Observation, units string, from int) []string {
	return transformNotes(obs, units, from, "en")
}

// TransformNotesZh is TransformNotes in Chinese: the same notes, naming the
// same years by the same rule, worded as the Chinese downloads and the
// dashboard word years ("2020年").
func TransformNotesZh(obs []plancast.Observation, units string, from int) []string {
	return transformNotes(obs, units, from, "zh")
}

func transformNotes(obs []plancast.Observation, units string, from int, lang string) []string {
	var notes []string
	for _, note := range []string{gapNote(obs, units, from, lang), notPositiveNote(obs, units, from, lang)} {
		if note != "" {
			notes = append(notes, note)
		}
	}
	return notes
}

// unitNameZh is what a Chinese note calls a unit: the About sheet's name
// without its "（%）", which would nest in the note's own brackets.
func unitNameZh(units string) string { return strings.TrimSuffix(unitNamesZh[units], "（%）") }

// yearsZh lists years as the Chinese notes do: "2016年、2018年".
func yearsZh(years []int) string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = strconv.Itoa(y) + "年"
	}
	return strings.Join(out, "、")
}

// gapNote names the years a year-on-year unit leaves out for want of the
// year before; empty when there are none to name.
func gapNote(obs []plancast.Observation, units string, from int, lang string) string {
	acrossGaps, ok := yearOnYear[units]
	if !ok || len(obs) == 0 {
		return ""
	}
	// Each year left out, and whether it is the series' first (else the
	// year before it has no figure).
	type gapYear struct {
		year  int
		first bool
	}
	var left []gapYear
	if obs[0].Year >= from && len(obs) == 1 {
		left = append(left, gapYear{obs[0].Year, true})
	}
	gaps := 0
	for i := 1; i < len(obs); i++ {
		if obs[i].Year >= from && obs[i].Year-obs[i-1].Year != 1 {
			left = append(left, gapYear{obs[i].Year, false})
			gaps++
		}
	}
	if gaps > 0 && obs[0].Year >= from {
		left = append([]gapYear{{obs[0].Year, true}}, left...)
	}
	if len(left) == 0 {
		return ""
	}
	items := make([]string, len(left))
	if lang == "zh" {
		for i, g := range left {
			items[i] = fmt.Sprintf("%d年（无%d年数据）", g.year, g.year-1)
			if g.first {
				items[i] = fmt.Sprintf("%d年（序列首年）", g.year)
			}
		}
		note := fmt.Sprintf("units=%s（%s）须由相邻两年的数据计算，因缺上年数据未列：%s", units, unitNameZh(units), strings.Join(items, "、"))
		if acrossGaps != "" {
			note += fmt.Sprintf("；跨缺失年份的年均变化率可用units=%s", acrossGaps)
		}
		return note
	}
	for i, g := range left {
		items[i] = fmt.Sprintf("%d (no %d figure)", g.year, g.year-1)
		if g.first {
			items[i] = fmt.Sprintf("%d (the series' first figure)", g.year)
		}
	}
	note := fmt.Sprintf("units=%s (%s) needs the figures of consecutive years; left out for want of the year before: %s", units, unitNames[units], joinAnd(items))
	if acrossGaps != "" {
		note += fmt.Sprintf("; units=%s gives the annual rate across a gap", acrossGaps)
	}
	return note
}

// notPositiveNote names the years units leaves out because a figure they
// are taken from is at or below 0 (of 0 alone for pch: a percent change
// from a negative figure is a number, if an odd one), with the unit that
// gives those years a change, if any: chg, where the year before has a
// figure. Nothing gives a logarithm of them.
func notPositiveNote(obs []plancast.Observation, units string, from int, lang string) string {
	var left []string
	var chg []int
	for i, o := range obs {
		prev := previous(obs, i)
		if o.Year < from {
			continue
		}
		if _, why := transformOne(units, o, prev); why != notPositive {
			continue
		}
		left = append(left, whichNotPositive(units, o, prev, lang))
		if _, why := transformOne("chg", o, prev); why == taken {
			chg = append(chg, o.Year)
		}
	}
	if len(left) == 0 {
		return ""
	}
	if lang == "zh" {
		rule := "只能由大于0的数据计算"
		switch units {
		case "pch", "pc1":
			rule = "不能以0为基数计算"
		case "log":
			rule = "只能取大于0的数据的对数"
		}
		note := fmt.Sprintf("units=%s（%s）%s，未列：%s", units, unitNameZh(units), rule, strings.Join(left, "、"))
		switch {
		case units == "log" || len(chg) == 0:
		case len(chg) == len(left):
			note += "；与上年相比的变化量可用units=chg"
		default:
			note += "；" + yearsZh(chg) + "与上年相比的变化量可用units=chg"
		}
		return note
	}
	rule := "is taken only from figures above 0"
	switch units {
	case "pch", "pc1":
		rule = "is not taken from a figure of 0"
	case "log":
		rule = "is taken only of figures above 0"
	}
	note := fmt.Sprintf("units=%s (%s) %s; left out: %s", units, unitNames[units], rule, joinAnd(left))
	switch {
	case units == "log" || len(chg) == 0:
	case len(chg) == len(left):
		note += "; units=chg gives the change from the year before"
	default:
		years := make([]string, len(chg))
		for i, y := range chg {
			years[i] = strconv.Itoa(y)
		}
		note += "; units=chg gives the change from the year before for " + joinAnd(years)
	}
	return note
}

// whichNotPositive names o's year and says which figure keeps units from
// it: its own, the year before's, or both.
func whichNotPositive(units string, o plancast.Observation, prev *plancast.Observation, lang string) string {
	ratio := units == "pch" || units == "pc1" // a ratio to the year before, of either sign but not 0
	own := !ratio && o.Value <= 0
	before := prev != nil && units != "log" && (ratio && prev.Value == 0 || !ratio && prev.Value <= 0)
	num := func(v float64) string { return plancast.FormatNumber(v, -1) }
	if lang == "zh" {
		switch {
		case own && before:
			return fmt.Sprintf("%d年（该年数据为%s，%d年为%s）", o.Year, num(o.Value), prev.Year, num(prev.Value))
		case before:
			return fmt.Sprintf("%d年（%d年数据为%s）", o.Year, prev.Year, num(prev.Value))
		}
		return fmt.Sprintf("%d年（该年数据为%s）", o.Year, num(o.Value))
	}
	switch {
	case own && before:
		return fmt.Sprintf("%d (its figure is %s and %d's %s)", o.Year, num(o.Value), prev.Year, num(prev.Value))
	case before:
		return fmt.Sprintf("%d (%d's figure is %s)", o.Year, prev.Year, num(prev.Value))
	}
	return fmt.Sprintf("%d (its figure is %s)", o.Year, num(o.Value))
}

// joinAnd lists items as a sentence does: "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	n := len(items)
	if n == 1 {
		return items[0]
	}
	return strings.Join(items[:n-1], ", ") + " and " + items[n-1]
}

// NeedsYearBefore reports whether a year's figure under units is taken from
// an earlier year's too (every unit but lin and log), so that a read cut at
// from= must still read the years before it.
func NeedsYearBefore(units string) bool { return units != "" && units != "lin" && units != "log" }

// transformedUnit is the unit of a transformed series.
func transformedUnit(unit, units string) string {
	switch units {
	case "", "lin", "chg", "ch1":
		return unit
	case "log":
		return "log_" + unit
	}
	return plancast.UnitPercent
}
