package ingest

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

func TestParseUnitKnowsTheSpellingsBureausUse(t *testing.T) {
	for i, tc := range []struct {
		text string
		want string
		ok   bool
	}{
		{"亿元", plancast.Unit100mYuan, true},
		{" 亿元 ", plancast.Unit100mYuan, true},
		{"100 million yuan", plancast.Unit100mYuan, true},
		{"100m_yuan", plancast.Unit100mYuan, true},
		{"单位：亿元", plancast.Unit100mYuan, true},
		{"万元", Unit10kYuan, true},
		{"10k_yuan", Unit10kYuan, true},
		{"元", plancast.UnitYuan, true},
		{"yuan", plancast.UnitYuan, true},
		{"元/人", plancast.UnitYuan, true},
		{"billion yuan", UnitBillionYuan, true},
		{"Billion Yuan", UnitBillionYuan, true},
		{"million yuan", UnitMillionYuan, true},
		{"%", plancast.UnitPercent, true},
		{"％", plancast.UnitPercent, true},
		{"percent", plancast.UnitPercent, true},
		{"persons", "persons", true}, // any unit code stands for itself
		{"斤", "", false},
		{"", "", false},
	} {
		got, ok := ParseUnit(tc.text)
		if got != tc.want || ok != tc.ok {
			t.Errorf("case %d: ParseUnit(%q) = %q, %v; want %q, %v", i, tc.text, got, ok, tc.want, tc.ok)
		}
	}
}

func TestConvertMoneyUnitsThroughYuan(t *testing.T) {
	const tol = 1e-12
	for i, tc := range []struct {
		v        float64
		from, to string
		want     float64
	}{
		{1, UnitBillionYuan, plancast.Unit100mYuan, 10},
		{250, UnitMillionYuan, plancast.Unit100mYuan, 2.5},
		{1_160_000, Unit10kYuan, plancast.Unit100mYuan, 116},
		{41000, Unit10kYuan, plancast.Unit100mYuan, 4.1}, // exactly 4.1, not 4.1000000000000005
		{1.2504, Unit10kYuan, plancast.UnitYuan, 12504},
		{120.8, plancast.Unit100mYuan, plancast.Unit100mYuan, 120.8},
		{4.5, plancast.UnitPercent, plancast.UnitPercent, 4.5},
		{-3, plancast.UnitYuan, Unit1kYuan, -0.003},
	} {
		got, err := Convert(tc.v, tc.from, tc.to)
		if err != nil || math.Abs(got-tc.want) > tol*math.Max(1, math.Abs(tc.want)) {
			t.Errorf("case %d: Convert(%v, %s, %s) = %v, %v; want %v", i, tc.v, tc.from, tc.to, got, err, tc.want)
		}
	}
	if got, _ := Convert(41000, Unit10kYuan, plancast.Unit100mYuan); got != 4.1 {
		t.Errorf("41000 万元 = %v 亿元, want exactly 4.1", got)
	}
}

func TestConvertRefusesUnitsOfDifferentKinds(t *testing.T) {
	for _, tc := range [][2]string{
		{plancast.UnitPercent, plancast.Unit100mYuan},
		{plancast.UnitYuan, plancast.UnitPercent},
		{"persons", "tons"},
	} {
		if _, err := Convert(1, tc[0], tc[1]); plancast.ErrorCode(err) != plancast.EINVALID {
			t.Errorf("Convert(1, %s, %s) error = %v, want EINVALID", tc[0], tc[1], err)
		}
	}
}

func TestParseNumberReadsTableFigures(t *testing.T) {
	for i, tc := range []struct {
		cell string
		want float64
		err  error
	}{
		{"1,234.5", 1234.5, nil},
		{"１２３４．５", 1234.5, nil},
		{"１,２３４", 1234, nil},
		{" +8.5 ", 8.5, nil},
		{"-2.1", -2.1, nil},
		{"−2.1", -2.1, nil}, // U+2212
		{"12%", 12, nil},
		{"1e3", 1000, nil},
		{"abc", 0, errNotNumber},
		{"0x10", 0, errNotNumber},
		{"1_000", 0, errNotNumber},
		{"NaN", 0, errNotFinite},
		{"Inf", 0, errNotFinite},
		{"-infinity", 0, errNotFinite},
		{"1e400", 0, errNotFinite},
		{"", 0, errNotNumber},
		{"12,345,678.9", 12345678.9, nil},
		{"-1 234", -1234, nil},
		{"999,999", 999999, nil},
		// A grouping that is not in threes is refused, not read as 13
		// (or as 1.3, as a decimal comma would have it).
		{"1,3", 0, errGrouping},
		{"12,34", 0, errGrouping},
		{"1234,567", 0, errGrouping},
		{"1,234,5678", 0, errGrouping},
		{"1,,234", 0, errGrouping},
		{"12 5", 0, errGrouping},
		{",123", 0, errGrouping},
	} {
		got, err := parseNumber(tc.cell)
		if err != tc.err || (err == nil && got != tc.want) {
			t.Errorf("case %d: parseNumber(%q) = %v, %v; want %v, %v", i, tc.cell, got, err, tc.want, tc.err)
		}
	}
}

// A figure typed with its unit is refused with a message that names the
// unit and where it goes; a number followed by anything else is not a
// number, as before.
func TestParseNumberSaysWhereAUnitGoes(t *testing.T) {
	for _, tc := range []struct{ cell, unit string }{
		{"130 亿元", "亿元"},
		{"130亿元", "亿元"},
		{"1,300.5 million yuan", "million yuan"},
		{"-3.2 万元", "万元"},
	} {
		_, err := parseNumber(tc.cell)
		want := "give the number alone, and " + tc.unit + " as the unit"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseNumber(%q) error = %v; want one saying %q", tc.cell, err, want)
		}
	}
	for _, cell := range []string{"130 apples", "亿元", "1e3x"} {
		if _, err := parseNumber(cell); err != errNotNumber {
			t.Errorf("parseNumber(%q) error = %v; want %v", cell, err, errNotNumber)
		}
	}
}

func TestColumnLetters(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := columnLetter(i); got != want {
			t.Errorf("columnLetter(%d) = %s, want %s", i, got, want)
		}
	}
}
