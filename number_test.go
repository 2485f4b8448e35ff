package plancast

import (
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
		{-0.0, 0, "0"}, {-0.004, 2, "0.00"}, {1e21, 0, "1,000,000,000,000,000,000,000"},
		{math.NaN(), 2, "NaN"}, {math.Inf(-1), 0, "-Inf"},
	} {
		if got := FormatNumber(c.v, c.prec); got != c.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", c.v, c.prec, got, c.want)
		}
	}
}

func TestValuePrecShowsAboutFourDigits(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want int
	}{{33029, 0}, {1000, 0}, {999.9, 1}, {120.8, 1}, {10, 1}, {5.29, 2}, {0.05, 2}, {-250, 1}} {
		if got := ValuePrec(c.v); got != c.want {
			t.Errorf("ValuePrec(%v) = %d, want %d", c.v, got, c.want)
		}
	}
}

func TestDecimalsOfAStoredFigure(t *testing.T) {
	for v, want := range map[float64]int{250: 0, 120.8: 1, 4.25: 2, 33029: 0, 0.1 + 0.2: 1, 1.0 / 3: 2, -3.5: 1, 0: 0} {
		if got := Decimals(v); got != want {
			t.Errorf("Decimals(%v) = %d, want %d", v, got, want)
		}
	}
}
