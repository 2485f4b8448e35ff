package plancast

import "testing"

// Units is one table a word or a code can be looked up in without doubt:
// each code a unit code, each name and other word one unit's, and each
// dimension with its base unit (size 1) that the others are multiples of.
func TestUnitsIsOneTableWithoutDoubles(t *testing.T) {
	codes, words := map[string]bool{}, map[string]string{}
	base := map[string]string{}
	for _, u := range Units {
		if !ValidUnit(u.Code) || codes[u.Code] {
			t.Errorf("unit %q: not a unit code, or listed twice", u.Code)
		}
		codes[u.Code] = true
		for _, w := range append([]string{u.En, u.Zh}, u.Also...) {
			if other, ok := words[w]; ok && other != u.Code {
				t.Errorf("the word %q names %s and %s", w, other, u.Code)
			}
			words[w] = u.Code
		}
		switch {
		case u.Dim == "" && u.Size != 0:
			t.Errorf("unit %s has a size but no dimension", u.Code)
		case u.Dim != "" && u.Size <= 0:
			t.Errorf("unit %s of %s has no size", u.Code, u.Dim)
		case u.Dim != "" && u.Size == 1:
			base[u.Dim] = u.Code
		}
	}
	for _, d := range []string{DimMoney, DimPersons, DimEnergy, DimVolume, DimMass, DimPercent} {
		if base[d] == "" {
			t.Errorf("dimension %s has no base unit of size 1", d)
		}
	}
}

// ConvertUnit converts within a dimension by the sizes, exactly, and
// never across dimensions.
func TestConvertUnitConvertsWithinADimensionOnly(t *testing.T) {
	for _, c := range []struct {
		v        float64
		from, to string
		want     float64
	}{
		{0.62, "10k_persons", "persons", 6200},
		{6.2, "1k_persons", "persons", 6200},
		{125, "10k_kwh", "100m_kwh", 0.0125},
		{125, "10k_m3", "100m_m3", 0.0125},
		{1.05, "million_tons", "10k_tons", 105},
		{41000, "10k_yuan", Unit100mYuan, 4.1},
		{7, "tce_per_10k_yuan", "tce_per_10k_yuan", 7},
	} {
		if got, ok := ConvertUnit(c.v, c.from, c.to); !ok || got != c.want {
			t.Errorf("ConvertUnit(%v, %s, %s) = %v, %v; want exactly %v", c.v, c.from, c.to, got, ok, c.want)
		}
	}
	for _, c := range [][2]string{{"10k_persons", Unit100mYuan}, {"kwh", "m3"}, {"tons", UnitPercent}, {"10k_tce", "10k_tons"}, {"boxes", "persons"}} {
		if got, ok := ConvertUnit(1, c[0], c[1]); ok {
			t.Errorf("ConvertUnit(1, %s, %s) = %v; want it refused", c[0], c[1], got)
		}
	}
}
