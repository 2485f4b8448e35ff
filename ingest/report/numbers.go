package report

import (
	"regexp"
	"strconv"
	"strings"
)

// quantity is a number with its unit as written in the report.
//
// Most quantities have one reading. A quantity garbled by machine translation
// has several (the literal one and the repairs); which one is right is decided
// later, with the growth rate stated beside it (see repair.go).
type quantity struct {
	span
	raw      string
	number   float64 // the number as written, without its unit's multiple ("0.66" of "0.66吨标准煤")
	dim      dimension
	readings []reading // readings[0] is the literal reading unless literalImpossible
	// garbled: the text has the shape of a translation garble, so the literal
	// reading is suspect. literalImpossible: the literal reading leaves part of
	// the text unexplained ("500 million yuan.29100 million yuan").
	garbled           bool
	literalImpossible bool
	// rng is the range the text writes ("6%—6.5%", "5.5%至6%", "6-6.5%",
	// "between 6% and 6.5%"), nil for one figure. The quantity spans it,
	// and its reading is its lower end.
	rng *numberRange
}

// numberRange is a range of two figures of one unit, as written.
type numberRange struct {
	lo, hi string // the ends as written: "6" and "6.5%"
	hiBase float64
}

func (r *numberRange) String() string { return r.lo + "–" + r.hi }

// rangeBefore: the lower end of a range and its dash, 至, 到 or "to" right
// before a figure ("6%—", "5.5%至", "6-"); rangeBetween: "between 6% and".
var (
	rangeBefore  = regexp.MustCompile(`(?i)(\d+(?:\.\d+)?)` + gap + `(%|percent|per cent)?` + gap + `(?:—{1,2}|–|－|-|~|～|〜|至|到|\bto\b)` + gap + `$`)
	rangeBetween = regexp.MustCompile(`(?i)\bbetween\s+(\d+(?:\.\d+)?)\s*(%|percent|per cent)?\s+and\s+$`)
	// fromBefore: "由6%到6.5%", "from 88.9 to 120.8 billion yuan", "rose by
	// 20% to 74%" are a change from one figure to another, not a range ("to
	// grow by 6-6.5%" is one).
	fromBefore  = regexp.MustCompile(`(?i)(?:由|从|\bfrom)` + gap + `$`)
	byBefore    = regexp.MustCompile(`(?i)\bby\s*$`)
	toConnector = regexp.MustCompile(`(?i)\bto\s*$`)
)

// asRange makes q, just read at seg[ns:], the upper end of a range when the
// text before it writes the lower end: out's last quantity of the same
// dimension (s is seg's offset in the text), or a bare number. It returns
// the quantities with the range in place of its two ends.
func asRange(seg string, ns, s int, q quantity, out []quantity) []quantity {
	if q.garbled || len(q.readings) != 1 {
		return append(out, q)
	}
	m := rangeBefore.FindStringSubmatchIndex(seg[:ns])
	if m == nil {
		m = rangeBetween.FindStringSubmatchIndex(seg[:ns])
	}
	if m == nil {
		return unitRange(seg, ns, s, q, out)
	}
	if m == nil || m[2] > 0 && (isDigit(seg[m[2]-1]) || seg[m[2]-1] == '.' || seg[m[2]-1] == ',') || fromBefore.MatchString(seg[:m[2]]) ||
		byBefore.MatchString(seg[:m[2]]) && toConnector.MatchString(seg[:ns]) {
		return append(out, q)
	}
	lo, err := strconv.ParseFloat(seg[m[2]:m[3]], 64)
	if err != nil {
		return append(out, q)
	}
	var loBase float64
	switch prev := len(out) - 1; {
	case prev >= 0 && out[prev].start == s+m[2]:
		if out[prev].dim != q.dim || out[prev].garbled || len(out[prev].readings) != 1 {
			return append(out, q)
		}
		loBase = out[prev].readings[0].base
		out = out[:prev]
	case m[4] < 0 && q.number != 0: // a bare lower end takes the upper end's unit
		loBase = lo * q.readings[0].base / q.number
	default:
		return append(out, q)
	}
	hi := q.readings[0].base
	if loBase >= hi {
		return append(out, q)
	}
	q.rng = &numberRange{lo: seg[m[2]:m[3]], hi: q.raw, hiBase: hi}
	q.start, q.number = s+m[2], lo
	q.raw = seg[m[2] : q.end-s]
	q.readings = []reading{{base: loBase}}
	return append(out, q)
}

// rangeDash ends the lower end of a range written with its unit
// ("250亿元—", "4.5万—", "250亿至", "25 billion to"); unitBefore is that
// lower end: a number and the unit words written on it.
var (
	rangeDash  = regexp.MustCompile(`(?i)(?:—{1,2}|–|－|-|~|～|〜|至|到|\bto\b)` + gap + `$`)
	unitBefore = regexp.MustCompile(`(\d+(?:\.\d+)?)([^\d]{1,16}?)` + gap + `$`)
	// fromInClause: "由2015年的88.9亿元到120.8亿元" is a change, not a range.
	fromInClause = regexp.MustCompile(`(?i)(?:由|从|\bfrom\b)[^，,。；;]{0,40}$`)
)

// unitRange makes q the upper end of a range whose lower end is written
// with the unit, or the first words of it, on both ends: "250亿元—260亿元",
// "4.5万—4.6万元", "250亿至260亿元", "25 billion to 26 billion yuan". The
// lower end's unit words must begin the upper end's unit, so its multiple
// is the same; the lower end read as a quantity of its own is replaced.
func unitRange(seg string, ns, s int, q quantity, out []quantity) []quantity {
	d := rangeDash.FindStringIndex(seg[:ns])
	if d == nil {
		return append(out, q)
	}
	m := unitBefore.FindStringSubmatchIndex(seg[:d[0]])
	if m == nil || m[2] > 0 && (isDigit(seg[m[2]-1]) || seg[m[2]-1] == '.' || seg[m[2]-1] == ',') || fromInClause.MatchString(seg[:m[2]]) ||
		byBefore.MatchString(seg[:m[2]]) && toConnector.MatchString(seg[:ns]) {
		return append(out, q)
	}
	num := numberPattern.FindString(q.raw)
	unit := strings.ToLower(strings.TrimSpace(q.raw[len(num):]))
	words := strings.ToLower(strings.TrimSpace(seg[m[4]:m[5]]))
	if words == "" || !strings.HasPrefix(unit, words) || q.number == 0 {
		return append(out, q)
	}
	lo, err := strconv.ParseFloat(seg[m[2]:m[3]], 64)
	if err != nil {
		return append(out, q)
	}
	loBase := lo * q.readings[0].base / q.number
	hi := q.readings[0].base
	if loBase >= hi {
		return append(out, q)
	}
	if prev := len(out) - 1; prev >= 0 && out[prev].start == s+m[2] {
		out = out[:prev]
	}
	q.rng = &numberRange{lo: strings.TrimSpace(seg[m[2]:d[0]]), hi: q.raw, hiBase: hi}
	q.start, q.number = s+m[2], lo
	q.raw = seg[m[2] : q.end-s]
	q.readings = []reading{{base: loBase}}
	return append(out, q)
}

// reading is one interpretation of a quantity, in base units of its dimension.
type reading struct {
	base     float64
	repaired bool
	note     string
}

// numberPattern finds numbers: 33,029 and 120.8 and 33178.
var numberPattern = regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`)

// gap is the white space that may stand between a number and its unit or
// sign: "156.3 亿元", "6.2 %", as typed, or as spacing tools and editors leave
// it (&nbsp;, the ideographic space and the other space separators are folded
// to a plain space when the text is prepared, see fold). It is a few spaces or
// tabs on one line: a line break, or a longer run of layout (the columns of a
// table), does not join a number to a unit.
const gap = `[ \t]{0,3}`

// zhUnit matches a Chinese unit right after a number, across a gap, with the
// 多 or 余 ("5900多人", "100余万元") that may come before it.
func zhUnit(unit string) *regexp.Regexp {
	return regexp.MustCompile(`^` + gap + `(?:(?:多|余)` + gap + `)?` + unit)
}

// rmbBefore: "RMB 5.6 billion", "¥5.6 billion": the currency comes first.
var (
	rmbBefore      = regexp.MustCompile(`(?i)(?:rmb|cny|¥)\s*$`)
	bareMultiplier = regexp.MustCompile(`(?i)^\s*(billion|million|hundred million|100 million)\b`)
)

// Translation garbles of 亿 (100 million). The translator renders "5.29亿元"
// as "500 million yuan.29100 million yuan": the integer part as hundreds of
// millions, then the decimals glued to the "100 million yuan" of 亿元.
var splitYiGarble = regexp.MustCompile(`(?i)^ million yuan\.(\d+)100 million yuan`)

// millionAhead: the word "million" follows.
var millionAhead = regexp.MustCompile(`(?i)^\s*million\b`)

// percentGarble: "16 percent.3%" is 16.3%.
var percentGarble = regexp.MustCompile(`(?i)^\s*(?:percent|per cent)\.(\d+)\s*%`)

// findQuantities returns the quantities in text[s:e], in order.
func findQuantities(text string, s, e int) []quantity {
	var out []quantity
	seg := text[s:e]
	for _, m := range numberPattern.FindAllStringSubmatchIndex(seg, -1) {
		ns, ne := m[0], m[1]
		if len(out) > 0 && out[len(out)-1].end > s+ns {
			continue // consumed by a garble
		}
		if ns > 0 && (seg[ns-1] == '.' && ns > 1 && isDigit(seg[ns-2])) {
			continue // the decimals of a number already read
		}
		intPart := strings.ReplaceAll(seg[m[2]:m[3]], ",", "")
		frac := ""
		if m[4] >= 0 {
			frac = seg[m[4]:m[5]]
		}
		num, err := strconv.ParseFloat(intPart+"."+frac+"0", 64)
		if err != nil {
			continue
		}
		tail := seg[ne:min(len(seg), ne+80)]
		if q, ok := garbledQuantity(seg, ns, ne, intPart, frac, tail); ok {
			q.start += s
			q.end += s
			q.raw = text[q.start:q.end]
			out = append(out, q)
			continue
		}
		for _, u := range unitPatterns {
			loc := u.re.FindStringIndex(tail)
			if loc == nil {
				continue
			}
			q := quantity{span: span{s + ns, s + ne + loc[1]}, number: num, dim: u.dim}
			q.raw = text[q.start:q.end]
			q.readings = []reading{{base: num * u.mul}}
			if u.dim == dimMoney || u.dim == dimEnergy || u.dim == dimVolume {
				if yi, ok := yiDecimalGarble(frac, tail); ok {
					// "88.900 million yuan": 88.9亿元 with its 亿 rendered "00 million".
					q.garbled = true
					v, _ := strconv.ParseFloat(intPart+"."+yi, 64)
					q.readings = append(q.readings, reading{base: v * u.mul * 100, repaired: true,
						note: "read \"" + intPart + "." + frac + " million\" as " + intPart + "." + yi + "亿 (a translation garble of 亿)"})
				}
			}
			out = asRange(seg, ns, s, q, out)
			break
		}
		if len(out) == 0 || out[len(out)-1].start != s+ns {
			// "RMB 5.6 billion": currency before the number.
			if rmbBefore.MatchString(seg[:ns]) {
				if mm := bareMultiplier.FindStringSubmatch(tail); mm != nil {
					mul := map[string]float64{"billion": 1e9, "million": 1e6, "hundred million": 1e8, "100 million": 1e8}[strings.ToLower(mm[1])]
					loc := bareMultiplier.FindStringIndex(tail)
					q := quantity{span: span{s + ns, s + ne + loc[1]}, number: num, dim: dimMoney, readings: []reading{{base: num * mul}}}
					q.raw = text[q.start:q.end]
					out = append(out, q)
				}
			}
		}
	}
	return out
}

// yiDecimalGarble recognises "88.900 million": decimals ending in "00" before
// "million", which a translator produces from "88.9亿" (亿 = "100 million",
// its "1" lost). It returns the decimals of the 亿 reading ("9").
func yiDecimalGarble(frac, tail string) (string, bool) {
	if len(frac) < 3 || !strings.HasSuffix(frac, "00") {
		return "", false
	}
	if !millionAhead.MatchString(tail) {
		return "", false
	}
	yi := strings.TrimSuffix(frac, "00")
	return yi, true
}

// garbledQuantity recognises the garbles that swallow more than one number:
// "500 million yuan.29100 million yuan" (5.29亿元) and "16 percent.3%" (16.3%).
func garbledQuantity(seg string, ns, ne int, intPart, frac, tail string) (quantity, bool) {
	if frac == "" && strings.HasSuffix(intPart, "00") && len(intPart) >= 3 {
		if m := splitYiGarble.FindStringSubmatchIndex(tail); m != nil {
			dec := tail[m[2]:m[3]]
			whole := strings.TrimSuffix(intPart, "00")
			v, err := strconv.ParseFloat(whole+"."+dec, 64)
			if err == nil {
				return quantity{
					span:              span{ns, ne + m[1]},
					number:            v,
					dim:               dimMoney,
					garbled:           true,
					literalImpossible: true,
					readings: []reading{{base: v * 1e8, repaired: true,
						note: "read \"" + seg[ns:ne+m[1]] + "\" as " + whole + "." + dec + "亿元 (a translation garble of 亿元)"}},
				}, true
			}
		}
	}
	if frac == "" {
		if m := percentGarble.FindStringSubmatchIndex(tail); m != nil {
			v, err := strconv.ParseFloat(intPart+"."+tail[m[2]:m[3]], 64)
			if err == nil {
				return quantity{
					span:              span{ns, ne + m[1]},
					number:            v,
					dim:               dimPercent,
					garbled:           true,
					literalImpossible: true,
					readings: []reading{{base: v, repaired: true,
						note: "read \"" + seg[ns:ne+m[1]] + "\" as " + intPart + "." + tail[m[2]:m[3]] + "%"}},
				}, true
			}
		}
	}
	return quantity{}, false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
