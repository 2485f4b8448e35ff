package ingest

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/plancast/plancast"
)

// Unit codes beyond the canonical ones in the root package. Money values are
// stored in 100m_yuan (aggregates) or yuan (per-capita figures); the other money
// codes exist so that a file may say what it holds and be converted on the way in.
// Every unit and its size is declared once, in plancast.Units.
const (
	Unit10kYuan     = "10k_yuan"     // 万元, 1e4 yuan
	Unit1kYuan      = "1k_yuan"      // 千元, 1e3 yuan
	UnitBillionYuan = "billion_yuan" // 1e9 yuan = 10 亿元
	UnitMillionYuan = "million_yuan" // 1e6 yuan = 0.01 亿元
)

// unitNames maps the folded spellings found in files (see fold) to unit codes.
var unitNames = map[string]string{
	// 亿元, 100 million yuan
	"亿元": plancast.Unit100mYuan, "亿": plancast.Unit100mYuan, "100millionyuan": plancast.Unit100mYuan,
	"hundredmillionyuan": plancast.Unit100mYuan, "100myuan": plancast.Unit100mYuan, "亿元人民币": plancast.Unit100mYuan,
	"100m_yuan": plancast.Unit100mYuan, "100myuanrmb": plancast.Unit100mYuan,
	// 万元
	"万元": Unit10kYuan, "万": Unit10kYuan, "10thousandyuan": Unit10kYuan, "tenthousandyuan": Unit10kYuan,
	"10kyuan": Unit10kYuan, "10k_yuan": Unit10kYuan, "万元人民币": Unit10kYuan,
	// 千元
	"千元": Unit1kYuan, "thousandyuan": Unit1kYuan, "1kyuan": Unit1kYuan, "1k_yuan": Unit1kYuan,
	// 元 and per-capita spellings
	"元": plancast.UnitYuan, "yuan": plancast.UnitYuan, "rmb": plancast.UnitYuan, "cny": plancast.UnitYuan,
	"元/人": plancast.UnitYuan, "元每人": plancast.UnitYuan, "yuanpercapita": plancast.UnitYuan,
	"yuanperperson": plancast.UnitYuan, "yuan/person": plancast.UnitYuan, "yuan/capita": plancast.UnitYuan,
	"元人民币": plancast.UnitYuan,
	// billion and million yuan
	"billionyuan": UnitBillionYuan, "billion_yuan": UnitBillionYuan, "bnyuan": UnitBillionYuan, "十亿元": UnitBillionYuan,
	"millionyuan": UnitMillionYuan, "million_yuan": UnitMillionYuan, "mnyuan": UnitMillionYuan, "百万元": UnitMillionYuan,
	// percent
	"%": plancast.UnitPercent, "percent": plancast.UnitPercent, "pct": plancast.UnitPercent, "百分比": plancast.UnitPercent,
	"百分点": plancast.UnitPercent, "percentage": plancast.UnitPercent,
}

// The names and other words of plancast.Units read as their units: the
// labels plancast's own downloads and charts write, so that a download goes
// back in (10,000 yuan is 万元), and the words the report reader reads a
// unit by (万人, 万千瓦时, 万立方米, 百万吨, 万度), so that a table takes every
// unit a report does, converted by the same sizes. A spelling listed above
// keeps its unit.
func init() {
	for _, u := range plancast.Units {
		for _, w := range append([]string{u.En, u.Zh}, u.Also...) {
			if _, listed := unitNames[unitFold(w)]; !listed {
				unitNames[unitFold(w)] = u.Code
			}
		}
	}
}

// ParseUnit reads the unit a file writes ("亿元", "万元", "元", "billion yuan",
// "million yuan", "100 million yuan", "%", "percent", "yuan", a canonical code
// such as "100m_yuan" or "10k_yuan", or a label such as "单位：亿元") and returns
// its code. Any other well-formed code (tons, persons, 100m_kwh: a unit code
// may start with a digit, as an indicator's may) is returned as itself so
// that it can match an indicator of that unit; ok is false for text that is
// neither a known unit nor a code. The readers also take the label the
// downloads write for a unit plancast has no name for (resolver.unitNamed).
func ParseUnit(text string) (unit string, ok bool) {
	s := strings.TrimSpace(text)
	for _, prefix := range []string{"单位：", "单位:", "计量单位：", "计量单位:", "unit:", "Unit:", "units:", "Units:"} {
		s = strings.TrimPrefix(s, prefix)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if u, found := unitNames[unitFold(s)]; found {
		return u, true
	}
	// A unit code may start with a digit (100m_kwh): ValidCode, the shape of
	// a region's or an indicator's code, refused the series download of
	// electricity_sales pushed back.
	if plancast.ValidUnit(s) {
		return s, true
	}
	return "", false
}

// unitNamed is the unit of an indicator of the catalog (a declared one
// too) that text names as plancast's downloads write a unit it has no
// label for (plancast.UnitLabels): its code with a space for each
// underscore, in either language ("tce per 10k yuan" for tce_per_10k_yuan,
// charts.UnitLabel). ok is false when no indicator of the catalog is
// measured in that unit. Why the catalog: such a label is words, and words
// in a unit cell are not taken for a unit of their own ("current prices"
// stays not a known unit); only a unit an indicator is measured in is
// written this way by a download. Before, a targets download of an
// indicator declared in tce_per_10k_yuan was refused pushed back: unit
// "tce per 10k yuan" is not a known unit.
func (r *resolver) unitNamed(text string) (string, bool) {
	code := strings.Join(strings.Fields(strings.ToLower(widthFold(text))), "_")
	if !plancast.ValidUnit(code) {
		return "", false
	}
	for _, ind := range r.indicators {
		if ind.Unit == code {
			return code, true
		}
	}
	return "", false
}

// namedUnit reads text as a unit when plancast names it: a spelling
// ParseUnit knows (亿元, 万元, %, 万吨, 万人, 亿立方米, billion yuan), the code
// of a unit of plancast.Units (10k_yuan, 10k_kwh), or the code or download label of a unit an indicator of the
// catalog is measured in (unitNamed). Unlike ParseUnit it takes no other
// word that has a code's shape: it reads units where other words are
// written too, as in a year's header ("2023 (e)" is no unit e).
func (p *parser) namedUnit(text string) (string, bool) {
	if u, ok := unitNames[unitFold(text)]; ok {
		return u, true
	}
	if code := strings.ToLower(strings.TrimSpace(widthFold(text))); code != "" {
		if _, ok := plancast.UnitOf(code); ok {
			return code, true
		}
	}
	return p.res.unitNamed(text)
}

// unitFold folds a unit spelling: full-width to half-width, lower case, no spaces
// or hyphens, so that "100 Million Yuan" and "１００ million-yuan" meet. Every
// space goes, not only the ASCII one, the ideographic one (U+3000) and the
// no-break space: "亿 元" comes with a thin (U+2009) or narrow no-break space
// (U+202F) from typeset tables and from Word, and with a zero-width one
// (U+200B, or a stray U+FEFF) from pages copied off the web; each was "not a
// known unit", though the same text reads as 亿元 to anyone looking at it. The
// report reader already takes these spaces between a number and its unit.
func unitFold(s string) string {
	s = widthFold(s)
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r == '-' || unicode.IsSpace(r) || zeroWidth(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// zeroWidth reports whether r is a character that takes no room: the
// zero-width space, joiners and word joiner, and the byte-order mark
// (U+FEFF) read as a zero-width no-break space.
func zeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// Convert converts value from one unit code to another (codes as ParseUnit
// returns them) of the same dimension, by the sizes of plancast.Units:
//
//	value_to = value_from × size(from) / size(to)
//
// so 1 billion_yuan = 10 100m_yuan, 5 10k_yuan = 50000 yuan, 0.62
// 10k_persons = 6200 persons and 125 10k_kwh = 0.0125 100m_kwh. Any unit
// converts to itself; anything else (a count to money, a unit plancast does
// not size) is an EINVALID error naming both units.
func Convert(value float64, fromUnit, toUnit string) (float64, error) {
	v, ok := plancast.ConvertUnit(value, fromUnit, toUnit)
	if !ok {
		return 0, plancast.Errorf(plancast.EINVALID, "unit %s does not convert to %s", unitLabel(fromUnit), unitLabel(toUnit))
	}
	return v, nil
}

// roundSignificant rounds v to n significant digits (plancast.RoundSignificant),
// so that 41000 万元 is 4.1 亿元 and not 4.1000000000000005: a re-push of the
// same figure in another unit must compare equal to the stored one.
func roundSignificant(v float64, n int) float64 { return plancast.RoundSignificant(v, n) }

// IsMoney reports whether unit is one of the money units.
func IsMoney(unit string) bool {
	u, ok := plancast.UnitOf(unit)
	return ok && u.Dim == plancast.DimMoney
}

// unitLabel writes a unit code the way a Chinese reader knows it, for messages.
func unitLabel(code string) string {
	switch code {
	case plancast.Unit100mYuan:
		return "100m_yuan (亿元)"
	case Unit10kYuan:
		return "10k_yuan (万元)"
	case plancast.UnitYuan:
		return "yuan (元)"
	case plancast.UnitPercent:
		return "percent (%)"
	case "":
		return "(none)"
	}
	if zh := unitZh(code); zh != code {
		return code + " (" + zh + ")"
	}
	return fmt.Sprint(code)
}

// unitZh is a unit's Chinese name (万吨 for 10k_tons), or its code when
// it has none.
func unitZh(code string) string {
	if u, ok := plancast.UnitOf(code); ok {
		return u.Zh
	}
	return code
}

// unitAdvice tells what to write a figure of an indicator measured in
// code in: the units of plancast.Units that convert to it, those of its
// dimension, by their Chinese names (亿元, 万人, 万千瓦时), a Western
// multiple by its English one (billion yuan); a unit alone in its
// dimension, or of none, converts only to itself.
func unitAdvice(code string) string {
	var names []string
	if u, ok := plancast.UnitOf(code); ok && u.Dim != "" {
		for _, v := range plancast.Units {
			switch {
			case v.Dim != u.Dim:
			case v.Western:
				names = append(names, v.En)
			default:
				names = append(names, v.Zh)
			}
		}
	}
	if len(names) < 2 {
		return fmt.Sprintf("write it in %s, the only unit that converts to it", unitLabel(code))
	}
	return "write it in a unit that converts to it: " + strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
