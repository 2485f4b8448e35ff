package plancast

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Numbers for people: the charts, the dashboard, the forecast command and the
// assessments' explanations all write figures this way, so the same
// projection reads the same everywhere.

// FormatNumber writes v with prec decimals and thousands separators:
// 33029 → "33,029", 1234.5 (prec 1) → "1,234.5", -0.0 → "0". A magnitude
// of 1e15 or more, and one under 1e-6 (not 0) written with all its digits
// (prec -1, or more than 6), is written in e-notation with at most four
// significant digits: 1e300 → "1e+300", 1.23456e18 → "1.235e+18", 1e-300 →
// "1e-300". Why: no figure or target plancast holds comes near (China's
// GDP is 1.3e6 亿元), and a value that does (a target of 1e300%, accepted
// before ingest bounded them) was written with 301 digits into an
// explanation; in full, a tiny one was "0." and 299 zeros.
func FormatNumber(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Sprint(v)
	}
	if a := math.Abs(v); a >= 1e15 || a != 0 && a < 1e-6 && (prec < 0 || prec > 6) {
		mant, exp, _ := strings.Cut(strconv.FormatFloat(v, 'e', 3, 64), "e")
		if strings.Contains(mant, ".") {
			mant = strings.TrimSuffix(strings.TrimRight(mant, "0"), ".")
		}
		return mant + "e" + exp
	}
	s := Fixed(v, prec)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if hasFrac {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// HalfAway is v rounded to prec decimals with halves away from zero, as
// people and spreadsheets round (四舍五入): 6.25 → 6.3, −0.125 (prec 2) →
// −0.13, 1.15 → 1.2. strconv and fmt round the binary value, halves to
// even: 6.25 → "6.2", and 1.15 (held as 1.1499999…) → "1.1", so a growth
// of 127.5 on 120 (6.25%) read "+6.2%" where the bureau's own sheet says
// 6.3%. Scaling first (v·10^prec, itself rounded in binary) reads v as the
// decimal it was typed as. prec < 0 (the shortest form) leaves v as it is.
// A value that rounds to zero is zero, never −0, which fmt and strconv
// write "-0.0": a projected growth of −0.03% read "-0.0%", as no bureau's
// sheet prints it.
func HalfAway(v float64, prec int) float64 {
	if v == 0 {
		return 0 // and not −0
	}
	if prec < 0 || prec > 15 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow10(prec)
	if math.Abs(v*p) >= 1<<52 { // no fraction left to round
		return v
	}
	x := v * p
	r := math.Round(x)
	// A half short by float noise is a half: 0.005, computed as
	// (55.03 − 55.02)/2 = 0.004999999999999005, rounds as 0.005 does, to
	// 0.01, not to 0.00 beside the same pace computed as 0.005000000000000782
	// written 0.01. Within 1e-9 of x (relative, at most 1e-3) of a half,
	// away from zero.
	if f := math.Abs(x - math.Trunc(x)); math.Abs(f-0.5) < min(1e-3, 1e-9*max(1, math.Abs(x))) {
		r = math.Trunc(x) + math.Copysign(1, x)
	}
	if r := r / p; r != 0 {
		return r
	}
	return 0
}

// Fixed writes v with prec decimals (prec −1: the fewest that read back as
// v), rounded by HalfAway; every number plancast shows a person is written
// with it, directly or through FormatNumber. A value that rounds to zero is
// written without a sign: −0.03 with one decimal is "0.0", not "-0.0".
func Fixed(v float64, prec int) string {
	s := strconv.FormatFloat(HalfAway(v, prec), 'f', prec, 64)
	if strings.HasPrefix(s, "-") && strings.Trim(s, "-0.") == "" {
		s = s[1:] // more than 15 decimals asked, which HalfAway leaves
	}
	return s
}

// ValuePrec returns the decimals that show v to about four significant
// digits: at most 2 from 1 up (88.9 → 1, 33029 → 0, 4.25 → 2), and under 1
// as many as four significant digits take (0.4873 → 4, 0.01698 → 5), 2 for
// 0. A projection is shown with the ValuePrec of the series' latest figure,
// on the charts, the dashboard and the forecast command alike. Under 1 it
// was 2 too, one significant digit at 0.017: a township's budget of 169.8
// 万元 (0.01698 亿元) was projected "0.02 [0.02, 0.02]" beside its target of
// 0.01877, the interval collapsed and the target read as inside it.
func ValuePrec(v float64) int {
	a := math.Abs(v)
	switch {
	case a >= 1000:
		return 0
	case a >= 10:
		return 1
	case a >= 1 || a == 0 || math.IsNaN(a):
		return 2
	}
	// 0.1 ≤ a < 1: 4; 0.01 ≤ a < 0.1: 5. Under 1e-6 FormatNumber writes
	// the many decimals as e-notation with four significant digits.
	return 3 - int(math.Floor(math.Log10(a)))
}

// Decimals is how many decimals show a stored figure exactly, or as near
// as its ValuePrec, two at least, allow: 250 → 0, 120.8 → 1, 4.25 → 2,
// 1/3 → 4, 0.01698 → 5. From 1 up that is at most 2; a figure under 1 keeps
// about four significant digits, not "0.02" for 0.01698.
func Decimals(v float64) int { return DecimalsUpTo(v, max(2, ValuePrec(v))) }

// DecimalsUpTo is how many decimals, at most most, show v exactly, or as
// near as most allow: Decimals with another bound (99.999 → 3 up to 6).
func DecimalsUpTo(v float64, most int) int {
	for prec := 0; prec < most; prec++ {
		scaled := v * math.Pow10(prec)
		if math.Abs(scaled-math.Round(scaled)) < 1e-9*max(1, math.Abs(scaled)) {
			return prec
		}
	}
	return most
}

// FormatStatedGrowth writes the growth a source stated with a figure: "+17.1%"
// over the same period a year before, "+5.3% a year since 2015" (zh
// "2015年以来年均+5.3%") as an average since an earlier base year; empty when
// the source stated none.
func FormatStatedGrowth(o Observation, zh bool) string {
	if o.Growth == nil {
		return ""
	}
	g := FormatNumber(*o.Growth, -1) + "%"
	if *o.Growth > 0 {
		g = "+" + g
	}
	base := o.GrowthBase()
	switch {
	case base == o.Year-1:
		return g
	case zh:
		return fmt.Sprintf("%d年以来年均%s", base, g)
	}
	return fmt.Sprintf("%s a year since %d", g, base)
}

// FormatPointsZh says a change in percentage points in Chinese, its sign in
// words: 0.74 → "提高0.7个百分点", −1.2 → "降低1.2个百分点".
func FormatPointsZh(c float64) string { return FormatPointsZhPrec(c, PointsPrec(c)) }

// FormatPointsZhPrec is FormatPointsZh with prec decimals: 1.04 (prec 2)
// → "提高1.04个百分点".
func FormatPointsZhPrec(c float64, prec int) string {
	s := Fixed(c, prec)
	if strings.HasPrefix(s, "-") {
		return "降低" + s[1:] + "个百分点"
	}
	return "提高" + s + "个百分点"
}

// FormatPoints writes a change in percentage points with its sign, to one
// decimal, or two when under 0.1 (a share moving 0.05 points a year is not
// "+0.1"): 0.74 → "+0.7", −1.2 → "-1.2", 0.05 → "+0.05".
func FormatPoints(c float64) string { return Signed(c, PointsPrec(c)) }

// PointsPrec is the decimals FormatPoints writes a change c in points
// with: one, or two when under 0.1. A pace compared with another in the
// same sentence takes more where these would write the two alike
// (ApartPrec): a required +1.04 points a year beside the history's +1.02
// is not "+1.0" twice.
func PointsPrec(c float64) int {
	if math.Abs(c) < 0.095 {
		return 2
	}
	return 1
}

// Signed is Fixed with the sign written for a positive v too: "+0.7",
// "-1.2", "+0.0".
func Signed(v float64, prec int) string {
	s := Fixed(v, prec)
	if !strings.HasPrefix(s, "-") {
		s = "+" + s
	}
	return s
}

// The probabilities at which a target's status changes: on_track from
// OnTrackProbability, at_risk from AtRiskProbability (forecast's status
// thresholds, which FormatProbability writes around).
const (
	OnTrackProbability = 0.5
	AtRiskProbability  = 0.1
)

// FormatProbability writes a probability of meeting a target in whole
// percent, saying "<1%" and ">99%" for one that rounds to 0 or 100 but is
// neither: a target still projected is never shown as certain, nor as
// hopeless as one already missed (0.9974 → ">99%", 0.0005 → "<1%",
// 1 → "100%", 0 → "0%"). One that rounds up to a status threshold but is
// below it is written "<50%" or "<10%": "50% at_risk" beside "50% on_track"
// would read as two judgements of one probability (0.4996 → "<50%").
func FormatProbability(p float64) string {
	switch {
	case p > 0 && p < 0.005:
		return "<1%"
	case p < 1 && p >= 0.995:
		return ">99%"
	}
	pct := int(math.Round(100 * p))
	for _, th := range [...]float64{OnTrackProbability, AtRiskProbability} {
		// Within 1e-9 of a threshold is at it, as the status says.
		if pct == int(math.Round(100*th)) && p < th-1e-9 {
			return "<" + strconv.Itoa(pct) + "%"
		}
	}
	return strconv.Itoa(pct) + "%"
}

// ApartPrec is prec, or more decimals, up to four more, when prec would
// write v as it writes target though v is not target: judged on v, a figure
// written like its target must not read as meeting it. A growth of 8.46%
// against a target of 8.5% is "8.46%", not "8.5%" and missed; 59.96 against
// 60 is "59.96". prec −1 (the shortest form) already tells them apart; so do
// decimals beyond the four, when v and target differ only by noise.
func ApartPrec(v, target float64, prec int) int {
	if prec < 0 || v == target || math.IsNaN(v) || math.IsNaN(target) {
		return prec
	}
	for p := prec; p <= prec+4; p++ {
		if Fixed(v, p) != Fixed(target, p) {
			return p
		}
	}
	return prec
}

// FormatApart writes v, a value judged against a target of value target
// (an observed value, or a projection or one of its bounds), apart from it
// (ApartPrec): a growth (growth true, in percent) to one decimal, "8.46%"
// where it misses 8.5%; a level, share or bound to prec decimals, "59.96"
// against 60. A projection of 99.887 with a 95% interval of 99.742 to
// 99.948 against a target of 99.9 is "99.89 (99.7 to 99.95)", where one
// decimal wrote "99.9 (99.7 to 99.9)": the target at the projection and at
// the top of the interval, which no probability but 50% and 2.5% at once
// would fit. The explanation, the forecast command and the dashboard write
// an observed value and a projection against its target with it.
func FormatApart(v, target float64, growth bool, prec int) string {
	if growth {
		return Fixed(v, ApartPrec(v, target, 1)) + "%"
	}
	return FormatNumber(v, ApartPrec(v, target, prec))
}

// SamePace reports whether paces a and b are the same but for float noise:
// within 1e-9 of the larger, relatively. The required (55.03 − 55.02)/2 and
// the history's (55.02 − 55.00)/4 are both 0.005, computed as
// 0.004999999999999005 and 0.005000000000000782.
func SamePace(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*max(math.Abs(a), math.Abs(b))
}

// PacePrec is the decimals a pace v a year (points, or a growth or a gap's
// change in percent) is written with beside another pace other (NaN for
// none) the sentence compares it with: prec, or more decimals, up to four
// more, so that a pace that is not zero is not written as zero (a required
// +0.004 points a year is "+0.004", not "+0.00"; a gap narrowing 0.011% a
// year is "0.01%", not "0.0%"), and apart from other (ApartPrec) unless the
// two are the same pace but for float noise (SamePace), which are written
// alike: "needs +0.01 points a year (history: +0.01)", not "+0.00" beside
// "+0.01" for one pace of 0.005.
func PacePrec(v, other float64, prec int) int {
	if prec < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return prec
	}
	p := prec
	for v != 0 && HalfAway(v, p) == 0 && p < prec+4 {
		p++
	}
	if math.IsNaN(other) || SamePace(v, other) {
		return p
	}
	return ApartPrec(v, other, p)
}

// ProjectedPrec is the decimals a series whose latest figure is latest
// has its projections written with, the prec ShownPrec takes: ValuePrec's
// about four significant digits, or the figure's own decimals where it has
// more (Decimals: two at most from 1 up). A share of 99.85 (figures of two
// decimals: 99.44, 99.6, 99.71, 99.79, 99.85) was projected with
// ValuePrec's one decimal: 99.908 with an 80% interval of 99.878 to
// 99.931 read "99.9 [99.9, 99.9]", a mean equal to both its bounds and an
// interval of no width; it is "99.91 [99.88, 99.93]".
func ProjectedPrec(latest float64) int { return max(ValuePrec(latest), Decimals(latest)) }

// ShownPrec is the decimals a projected value v (a projection's mean or a
// bound of its interval) is written with beside the others of a series
// shown with prec decimals (the ValuePrec of its latest figure): about four
// significant digits each, as ValuePrec gives them. Where the series is
// under 1 (prec over 2), each value takes its own ValuePrec: a poverty
// incidence of 0.06 projected 0.016 with a 95% interval of 0.00038 to
// 0.5238 is "0.01600 [0.0003800, 0.5238]", not "0.01600 [0.00038,
// 0.52381]", two significant digits and five; a bound of 1 or more is
// "3.20", not "3.20000". Where the series is 1 or more, a value under 0.1,
// which two decimals show with one significant digit or none, takes its
// own too; the rest keep prec ("1.20 [0.85, 1.55]").
func ShownPrec(v float64, prec int) int {
	a := math.Abs(v)
	if prec < 0 || a == 0 || math.IsNaN(a) || math.IsInf(a, 0) {
		return prec
	}
	if prec > 2 || a < 0.1 {
		return ValuePrec(v)
	}
	return prec
}
