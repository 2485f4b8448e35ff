package plancast

import (
	"fmt"
	"math"
	"testing"
)

func TestFormatNumberSeparatesThousands(t *testing.T) {
	for _, c := range []struct {
		v    float64
		prec int
		want string
	}{
		{33029, 0, "33,029"}, {33029, -1, "33,029"}, {1234.5, 1, "1,234.5"}, {120.8, -1, "120.8"},
		{-1234567.891, 2, "-1,234,567.89"}, {999, 0, "999"}, {1000, 0, "1,000"},
		{math.Copysign(0, -1), 0, "0"}, {-0.004, 2, "0.00"}, {999_999_999_999_999, 0, "999,999,999,999,999"},
		{math.NaN(), 2, "NaN"}, {math.Inf(-1), 0, "-Inf"},
	} {
		if got := FormatNumber(c.v, c.prec); got != c.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", c.v, c.prec, got, c.want)
		}
	}
}

// A magnitude no figure or target comes near is written in e-notation, with
// at most four significant digits, not in hundreds of digits: a growth
// target of 1e300% made an explanation 301 digits long, and a floor of
// 1e-300 written in full is "0." and 299 zeros. Under 1e-6, only where all
// its digits were asked for: with two decimals it is 0.00, as before.
func TestFormatNumberWritesAbsurdMagnitudesCompactly(t *testing.T) {
	for _, c := range []struct {
		v    float64
		prec int
		want string
	}{
		{1e15, 0, "1e+15"}, {1e300, -1, "1e+300"}, {-2.5e300, 1, "-2.5e+300"}, {1.23456e18, 2, "1.235e+18"},
		{1e21, 0, "1e+21"}, {math.MaxFloat64, -1, "1.798e+308"},
		{1e-300, -1, "1e-300"}, {-4.2e-7, -1, "-4.2e-07"}, {1e-300, 2, "0.00"}, {1e-7, 8, "1e-07"},
		{1e-6, -1, "0.000001"}, {0, -1, "0"},
	} {
		if got := FormatNumber(c.v, c.prec); got != c.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", c.v, c.prec, got, c.want)
		}
	}
}

// A projection is written to about four significant digits of the series'
// latest figure: at most two decimals from 1 up, and under 1 the decimals
// four significant digits take. A township's budget of 169.8 万元 is
// 0.01698 亿元: with two decimals its projection, both intervals and its
// target of 0.01877 all read "0.02".
func TestValuePrecShowsAboutFourDigits(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want int
	}{
		{33029, 0}, {1000, 0}, {999.9, 1}, {120.8, 1}, {10, 1}, {5.29, 2}, {1, 2}, {-250, 1}, {0, 2},
		{0.9, 4}, {0.1, 4}, {0.05, 5}, {0.01698, 5}, {-0.01698, 5}, {0.0012, 6}, {math.NaN(), 2}, {math.Inf(1), 0},
	} {
		if got := ValuePrec(c.v); got != c.want {
			t.Errorf("ValuePrec(%v) = %d, want %d", c.v, got, c.want)
		}
	}
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.017574, "0.01757"}, {0.015512, "0.01551"}, {0.019764, "0.01976"}, {0.4873, "0.4873"},
		{147.2405, "147.2"}, {4.255, "4.26"}, {33029.4, "33,029"}, {1.23e-9, "1.23e-09"},
	} {
		if got := FormatNumber(c.v, ValuePrec(c.v)); got != c.want {
			t.Errorf("FormatNumber(%v, ValuePrec) = %q, want %q", c.v, got, c.want)
		}
	}
}

// A stored figure is shown with the decimals it has, up to two from 1 up,
// and up to its ValuePrec under 1 (0.01698 is not "0.02").
func TestDecimalsOfAStoredFigure(t *testing.T) {
	for v, want := range map[float64]int{250: 0, 120.8: 1, 4.25: 2, 4.256: 2, 33029: 0, 0.1 + 0.2: 1, 1.0 / 3: 4, -3.5: 1, 0: 0,
		0.01698: 5, 0.785: 3, 0.5: 1, 0.0169812: 5} {
		if got := Decimals(v); got != want {
			t.Errorf("Decimals(%v) = %d, want %d", v, got, want)
		}
	}
}

// A stated growth reads as the source said it: year on year with its sign,
// or an average a year since an earlier base year; nothing when none was
// stated.
func TestFormatStatedGrowth(t *testing.T) {
	g := func(v float64) *float64 { return &v }
	for _, c := range []struct {
		o    Observation
		zh   bool
		want string
	}{
		{Observation{Year: 2009, Growth: g(17.1)}, false, "+17.1%"},
		{Observation{Year: 2009, Growth: g(-36.1)}, true, "-36.1%"},
		{Observation{Year: 2009, Growth: g(0)}, false, "0%"},
		{Observation{Year: 2020, Growth: g(5.3), GrowthBaseYear: 2015}, false, "+5.3% a year since 2015"},
		{Observation{Year: 2020, Growth: g(5.3), GrowthBaseYear: 2015}, true, "2015年以来年均+5.3%"},
		{Observation{Year: 2020, Growth: g(8.1), GrowthBaseYear: 2019}, false, "+8.1%"},
		{Observation{Year: 2020}, false, ""},
	} {
		if got := FormatStatedGrowth(c.o, c.zh); got != c.want {
			t.Errorf("FormatStatedGrowth(%d, growth %v since %d, zh %v) = %q, want %q", c.o.Year, c.o.Growth, c.o.GrowthBaseYear, c.zh, got, c.want)
		}
	}
}

func TestFormatPointsSaysTheSignAndEnoughDecimals(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{0.74, "+0.7"}, {-1.2, "-1.2"}, {0.05, "+0.05"}, {-0.05, "-0.05"}, {0.1, "+0.1"}, {12.34, "+12.3"}, {0, "+0.00"}} {
		if got := FormatPoints(c.v); got != c.want {
			t.Errorf("FormatPoints(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	for _, c := range []struct {
		v    float64
		want string
	}{{0.74, "提高0.7个百分点"}, {-1.0, "降低1.0个百分点"}, {0.05, "提高0.05个百分点"}} {
		if got := FormatPointsZh(c.v); got != c.want {
			t.Errorf("FormatPointsZh(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// A probability of a target still projected is never shown as certain or
// hopeless: those are for a target year observed (met: 100%, missed: 0%).
func TestFormatProbabilityNeverRoundsToCertainty(t *testing.T) {
	for p, want := range map[float64]string{0: "0%", 1: "100%", 0.00052: "<1%", 0.0049: "<1%", 0.005: "1%", 0.99742: ">99%", 0.995: ">99%", 0.9949: "99%", 0.5: "50%", 0.126: "13%",
		// Rounded up to a status threshold from below it.
		0.4996: "<50%", 0.49999999999: "50%", 0.0951: "<10%", 0.1: "10%", 0.5049: "50%"} {
		if got := FormatProbability(p); got != want {
			t.Errorf("FormatProbability(%v) = %q, want %q", p, got, want)
		}
	}
}

// A value judged against a target is never written as the target when it
// is not it: the decimals grow until they tell the two apart.
func TestApartPrecTellsAValueFromItsTarget(t *testing.T) {
	for _, c := range []struct {
		v, target float64
		prec      int
		want      string
	}{
		{59.96, 60, 1, "59.96"},
		{8.4600001, 8.5, 1, "8.46"},
		{4.504, 4.5, 2, "4.504"},
		{4.5, 4.5, 2, "4.50"},
		{61.2, 60, 1, "61.2"},
		{59.96, 60, -1, "59.96"},
		{60.000000000001, 60, 1, "60.0"}, // noise, past four more decimals
	} {
		if got := FormatNumber(c.v, ApartPrec(c.v, c.target, c.prec)); got != c.want {
			t.Errorf("%v against %v at %d decimals: %q, want %q", c.v, c.target, c.prec, got, c.want)
		}
	}
}

// Numbers are rounded as people and spreadsheets round them (四舍五入),
// halves away from zero, and a value typed in decimal is rounded as that
// decimal: 127.5 on 120 is a growth of exactly 6.25%, which a bureau's own
// sheet shows as 6.3%; strconv's half-to-even wrote "6.2". 1.15, held in
// binary as 1.1499999…, is 1.2 to a person.
func TestNumbersRoundHalvesAwayFromZero(t *testing.T) {
	for _, c := range []struct {
		v    float64
		prec int
		want string
	}{
		{6.25, 1, "6.3"}, {-6.25, 1, "-6.3"}, {100 * (127.5/120 - 1), 1, "6.3"}, {1.15, 1, "1.2"},
		{0.125, 2, "0.13"}, {2.5, 0, "3"}, {-2.5, 0, "-3"}, {6.24, 1, "6.2"}, {6.35, 1, "6.4"},
		{0.045, 2, "0.05"}, {120.8, -1, "120.8"}, {1e300, 1, "1e+300"},
	} {
		if got := FormatNumber(c.v, c.prec); got != c.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", c.v, c.prec, got, c.want)
		}
	}
	if got := Signed(6.25, 1); got != "+6.3" {
		t.Errorf("Signed(6.25, 1) = %q, want +6.3", got)
	}
	if got := FormatPoints(0.125); got != "+0.1" {
		t.Errorf("FormatPoints(0.125) = %q, want +0.1 (one decimal from 0.095 up)", got)
	}
	if got := FormatPoints(-0.085); got != "-0.09" {
		t.Errorf("FormatPoints(-0.085) = %q, want -0.09", got)
	}
	if got := FormatApart(8.45, 8.5, true, 1); got != "8.45%" {
		t.Errorf("FormatApart(8.45 against 8.5) = %q, want 8.45%%: 8.5 when rounded, apart from the target it misses", got)
	}
}

// A value that rounds to zero is written without a sign, as a bureau's
// sheet prints it: a projected growth of −0.03% is "0.0%", not "-0.0%",
// however it reaches the page (Fixed, FormatNumber, Signed, or HalfAway
// into fmt).
func TestAValueThatRoundsToZeroHasNoSign(t *testing.T) {
	negZero := math.Copysign(0, -1)
	for _, c := range []struct {
		got, want string
	}{
		{Fixed(-0.0319, 1), "0.0"}, {Fixed(-0.004, 2), "0.00"}, {Fixed(negZero, 1), "0.0"}, {Fixed(negZero, -1), "0"},
		{Fixed(-1e-20, 16), "0.0000000000000000"}, {Fixed(-0.05, 1), "-0.1"}, {Fixed(-0.0319, 2), "-0.03"},
		{FormatNumber(-0.0319, 1), "0.0"}, {FormatNumber(-0.4, 0), "0"},
		{Signed(-0.0319, 1), "+0.0"}, {FormatPoints(-0.001), "+0.00"},
		{FormatApart(-0.0319, -2, true, 1), "0.0%"},
		{fmt.Sprintf("%+.1f%%", HalfAway(-0.0319, 1)), "+0.0%"}, {fmt.Sprintf("%.2f", HalfAway(-0.004, 2)), "0.00"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
	if r := HalfAway(-0.0319, 1); math.Signbit(r) {
		t.Errorf("HalfAway(-0.0319, 1) = %v, want 0 without a sign", r)
	}
}

// A projection and its bounds are written apart from the target they are
// judged against, as an observed value is: a forest cover projected at
// 99.887 (95% interval 99.742 to 99.948) against a target of 99.9 is
// "99.89 (99.7 to 99.95)", not "99.9 (99.7 to 99.9)", the target at the
// projection and at the interval's top; a bound far from the target keeps
// the decimals asked for, and one at the target is written as it.
func TestFormatApartWritesAProjectionApartFromItsTarget(t *testing.T) {
	for _, c := range []struct {
		v, target float64
		growth    bool
		prec      int
		want      string
	}{
		{99.887, 99.9, false, 1, "99.89"}, {99.742, 99.9, false, 1, "99.7"}, {99.948, 99.9, false, 1, "99.95"},
		{99.9236, 99.9236, false, 1, "99.9"}, {99.9236, 99.9, false, 1, "99.92"},
		{0.01757, 0.01877, false, 5, "0.01757"}, {147.24, 250, false, 1, "147.2"},
		{5.46, 5.5, true, 1, "5.46%"}, {4.3, 5.5, true, 1, "4.3%"}, {0.34, 0.3, true, 1, "0.34%"},
	} {
		if got := FormatApart(c.v, c.target, c.growth, c.prec); got != c.want {
			t.Errorf("FormatApart(%v against %v, growth %t, %d decimals) = %q, want %q", c.v, c.target, c.growth, c.prec, got, c.want)
		}
	}
}

// A pace is written equal to the same pace computed with float noise, and
// never as zero when it is not: the required (55.03 − 55.02)/2 and the
// history's (55.02 − 55.00)/4, both 0.005, read "+0.00" and "+0.01"; a
// gap narrowing 0.011% a year read "0.0%". Paces that differ are still
// written apart.
func TestPacePrecWritesEqualPacesEqualAndNoPaceAsZero(t *testing.T) {
	// As computed at run time (constants would be exact):
	// 0.004999999999999005 and 0.005000000000000782.
	figures := []float64{55.00, 55.02, 55.03}
	req, hist := (figures[2]-figures[1])/2, (figures[1]-figures[0])/4
	if Fixed(req, 2) != "0.01" || Fixed(hist, 2) != "0.01" {
		t.Errorf("0.005 computed two ways is %q and %q, want 0.01 both (halves away from zero, float noise aside)", Fixed(req, 2), Fixed(hist, 2))
	}
	for _, c := range []struct {
		v, other float64
		prec     int
		want     string
	}{
		{req, hist, 2, "+0.01"},
		{hist, req, 2, "+0.01"},
		{0.004, math.NaN(), 2, "+0.004"},
		{-0.0111, math.NaN(), 1, "-0.01"},
		{1.04, 1.02, 1, "+1.04"},
		{0.74, math.NaN(), 1, "+0.7"},
	} {
		if got := Signed(c.v, PacePrec(c.v, c.other, c.prec)); got != c.want {
			t.Errorf("pace %v beside %v at %d decimals: %q, want %q", c.v, c.other, c.prec, got, c.want)
		}
	}
}

// A projection and its interval bounds are written to about four
// significant digits each: under a series shown with more than two
// decimals (its latest figure under 1), each takes its own ValuePrec; a
// series of 1 or more keeps its two decimals, but for a value under 0.1.
func TestShownPrecGivesEachValueAboutFourSignificantDigits(t *testing.T) {
	for _, c := range []struct {
		v    float64
		prec int
		want string
	}{
		{0.016, 5, "0.01600"},
		{0.00038153, 5, "0.0003815"},
		{0.52381, 5, "0.5238"},
		{3.2, 5, "3.20"},
		{0.85, 2, "0.85"},
		{0.085231, 2, "0.08523"},
		{147.23, 1, "147.2"},
		{0, 5, "0.00000"},
	} {
		if got := FormatNumber(c.v, ShownPrec(c.v, c.prec)); got != c.want {
			t.Errorf("%v among values of %d decimals: %q, want %q", c.v, c.prec, got, c.want)
		}
	}
}
