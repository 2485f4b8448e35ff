package report

import (
	"math"
	"regexp"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/plancast/plancast"
)

// dimension is what a quantity measures. Figures are held in base units of
// their dimension (yuan, kWh, persons, tons, cubic metres, percent) until they
// are converted to the unit of the indicator they are read for.
type dimension int

const (
	dimNone    dimension = iota
	dimMoney             // yuan
	dimEnergy            // kWh
	dimPersons           // persons
	dimMass              // tons
	dimVolume            // cubic metres
	dimPercent           // percent: a growth, a share or a rate
	dimPoints            // percentage points: a change in a rate, never a level
)

func (d dimension) String() string {
	return [...]string{"none", "money", "energy", "persons", "mass", "volume", "percent", "points"}[d]
}

// unitScale says what a plancast unit code measures and how many base units
// one of it holds.
type unitScale struct {
	dim   dimension
	scale float64
}

// dimensionOf is the reader's dimension of each of plancast's.
var dimensionOf = map[string]dimension{
	plancast.DimMoney:   dimMoney,
	plancast.DimEnergy:  dimEnergy,
	plancast.DimPersons: dimPersons,
	plancast.DimMass:    dimMass,
	plancast.DimVolume:  dimVolume,
	plancast.DimPercent: dimPercent,
}

// unitCodes are the unit codes the reader can convert to: those of
// plancast.Units that have a dimension, by their sizes, the one table the
// table readers convert by too. Money aggregates are stored in 亿元
// (100m_yuan), per-capita incomes in yuan.
var unitCodes = func() map[string]unitScale {
	m := map[string]unitScale{}
	for _, u := range plancast.Units {
		if d, ok := dimensionOf[u.Dim]; ok {
			m[u.Code] = unitScale{d, u.Size}
		}
	}
	return m
}()

// unitPattern is a unit as the reader finds it right after a number: what
// it measures and the size of one of it in base units of that (mul), from
// the plancast unit (code) it reads as. word is the Chinese word it reads,
// or for an English pattern a spelling it matches that the table readers
// read as the same code, so that a test can hold the two to each other.
type unitPattern struct {
	re   *regexp.Regexp
	dim  dimension
	mul  float64
	code string // "" for percentage points, a change in a rate and no unit of a figure
	word string
}

// unitPatterns are tried in order on the text right after a number: the
// Chinese words of plancast.Units (each unit's name and its other words,
// 万千瓦时 and 万度), the longest first, then the English phrases, each
// read as a unit of plancast.Units. A Chinese unit is added there, for the
// tables and the reports alike, never here.
var unitPatterns = func() []unitPattern {
	out := []unitPattern{{re: zhUnit(`个百分点`), dim: dimPoints, mul: 1, word: "个百分点"}}
	var zh []unitPattern
	for _, u := range plancast.Units {
		if _, ok := dimensionOf[u.Dim]; !ok || u.Dim == plancast.DimPercent {
			continue
		}
		for _, w := range append([]string{u.Zh}, u.Also...) {
			if isChinese(w) {
				zh = append(zh, unitIn(zhUnit(regexp.QuoteMeta(w)), u.Code, w))
			}
		}
	}
	// The longest first: 万千瓦时 is tried before 千瓦时, 亿度 before 度.
	sort.SliceStable(zh, func(i, j int) bool { return utf8.RuneCountInString(zh[i].word) > utf8.RuneCountInString(zh[j].word) })
	out = append(out, zh...)
	out = append(out, unitIn(regexp.MustCompile(`^`+gap+`%`), plancast.UnitPercent, "%"))
	for _, e := range englishUnits {
		if e.code == "" {
			out = append(out, unitPattern{re: regexp.MustCompile(e.re), dim: dimPoints, mul: 1, word: e.word})
			continue
		}
		out = append(out, unitIn(regexp.MustCompile(e.re), e.code, e.word))
	}
	return out
}()

// englishUnits are the English phrases of units, with the code each reads
// as and a spelling of it (see unitPattern.word).
var englishUnits = []struct{ re, code, word string }{
	{`(?i)^\s*percentage points?`, "", "percentage points"},
	{`(?i)^\s*(?:percent|per cent)\b`, plancast.UnitPercent, "percent"},
	{`(?i)^\s*(?:hundred million|100 million)\s+(?:yuan|rmb|cny)\b`, plancast.Unit100mYuan, "100 million yuan"},
	{`(?i)^\s*billion\s+(?:yuan|rmb|cny)\b`, "billion_yuan", "billion yuan"},
	{`(?i)^\s*million\s+(?:yuan|rmb|cny)\b`, "million_yuan", "million yuan"},
	{`(?i)^\s*ten thousand\s+(?:yuan|rmb|cny)\b`, "10k_yuan", "ten thousand yuan"},
	{`(?i)^\s*thousand\s+(?:yuan|rmb|cny)\b`, "1k_yuan", "thousand yuan"},
	{`(?i)^\s*(?:yuan|rmb|cny)\b`, plancast.UnitYuan, "yuan"},
	{`(?i)^\s*(?:hundred million|100 million)\s+(?:kilowatt[- ]?hours?|kwh|kw·h|degrees)\b`, "100m_kwh", "100 million kWh"},
	{`(?i)^\s*billion\s+(?:kilowatt[- ]?hours?|kwh|kw·h)\b`, "billion_kwh", "billion kWh"},
	{`(?i)^\s*million\s+(?:kilowatt[- ]?hours?|kwh|kw·h)\b`, "million_kwh", "million kWh"},
	{`(?i)^\s*(?:kilowatt[- ]?hours?|kwh|kw·h)\b`, "kwh", "kWh"},
	{`(?i)^\s*ten thousand\s+(?:people|persons|workers)\b`, "10k_persons", "ten thousand persons"},
	{`(?i)^\s*(?:people|persons|workers|(?:(?:new|newly[- ]created|newly[- ]added|urban)\s+)+jobs|jobs)\b`, "persons", "persons"},
	{`(?i)^\s*ten thousand\s+(?:tons|tonnes)\b`, "10k_tons", "ten thousand tons"},
	{`(?i)^\s*million\s+(?:tons|tonnes)\b`, "million_tons", "million tons"},
	{`(?i)^\s*(?:tons|tonnes)\b`, "tons", "tons"},
	{`(?i)^\s*(?:hundred million|100 million)\s+(?:cubic met(?:er|re)s|m³|m3)`, "100m_m3", "100 million m³"},
	{`(?i)^\s*billion\s+(?:cubic met(?:er|re)s|m³|m3)`, "billion_m3", "billion m³"},
	{`(?i)^\s*million\s+(?:cubic met(?:er|re)s|m³|m3)`, "million_m3", "million m³"},
	{`(?i)^\s*(?:cubic met(?:er|re)s|m³|m3)`, "m3", "m³"},
}

// unitIn is the pattern re of the unit code of plancast.Units; it panics,
// when the program starts, on a code that table does not size.
func unitIn(re *regexp.Regexp, code, word string) unitPattern {
	u, ok := unitCodes[code]
	if !ok {
		panic("report: unit " + code + " of " + word + " is not one of plancast.Units with a dimension")
	}
	return unitPattern{re: re, dim: u.dim, mul: u.scale, code: code, word: word}
}

// isChinese reports whether w holds a Han character: a Chinese unit word,
// read after a number across a gap and a 多 or 余 (zhUnit).
func isChinese(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// toUnit converts a value in base units of dim to the unit code. ok is false
// when the unit is unknown or measures something else.
func toUnit(base float64, dim dimension, unit string) (v float64, ok bool) {
	u, known := unitCodes[unit]
	if !known || u.dim != dim {
		return 0, false
	}
	return roundSig(base / u.scale), true
}

// roundTo rounds v to n significant digits.
func roundTo(v float64, n int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, float64(n)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// roundSig removes the float noise of unit conversion (88.9e8/1e8 must print
// as 88.9) by rounding to 12 significant digits.
func roundSig(v float64) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, 12-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}
