package plancast

import "math"

// Unit dimensions: what a unit measures. Units of one dimension convert to
// each other by their sizes (万人 to persons, 万千瓦时 to 亿千瓦时); units of
// two dimensions never do (a count of persons is no sum of money), and a
// unit without a dimension converts only to itself.
const (
	DimMoney   = "money"   // in yuan
	DimPersons = "persons" // a count of people, in persons
	DimEnergy  = "energy"  // electricity, in kWh
	DimVolume  = "volume"  // in cubic metres
	DimMass    = "mass"    // in tons
	DimPercent = "percent" // a rate or a share, in percent
)

// Unit is a unit code with its names and its size.
type Unit struct {
	Code   string
	En, Zh string // its names for people: the charts' axes, the downloads' unit columns, messages
	// Dim is what it measures (DimMoney, ...); "" for a unit that converts
	// only to itself (tce per 10,000 yuan).
	Dim string
	// Size is how many of its dimension's base unit (yuan, persons, kWh,
	// cubic metres, tons, percent) one of it holds: 1e4 for 10k_persons.
	Size float64
	// Western: a multiple (million, billion) that Chinese text seldom
	// writes: a message names it in English (billion yuan), not 十亿元.
	Western bool
	// Also are other words for it, read as it by the tables and by the
	// report reader alike: 万度 for 万千瓦时.
	Also []string
}

// Units is the one table of the units plancast names and converts: the
// table readers (CSV, XLSX, JSON) and the report reader read a figure's
// unit by these words and convert it by these sizes, so that 0.62万人 is 6200
// persons in a table as in a report. Within each dimension the units go
// from the largest to the smallest, the Western multiples last: the order
// in which a message lists them.
var Units = []Unit{
	{Code: Unit100mYuan, En: "100 million yuan", Zh: "亿元", Dim: DimMoney, Size: 1e8},
	{Code: "10k_yuan", En: "10,000 yuan", Zh: "万元", Dim: DimMoney, Size: 1e4},
	{Code: "1k_yuan", En: "1,000 yuan", Zh: "千元", Dim: DimMoney, Size: 1e3},
	{Code: UnitYuan, En: "yuan", Zh: "元", Dim: DimMoney, Size: 1},
	{Code: "billion_yuan", En: "billion yuan", Zh: "十亿元", Dim: DimMoney, Size: 1e9, Western: true},
	{Code: "million_yuan", En: "million yuan", Zh: "百万元", Dim: DimMoney, Size: 1e6, Western: true},

	{Code: UnitPercent, En: "%", Zh: "%", Dim: DimPercent, Size: 1},

	{Code: "10k_persons", En: "10,000 persons", Zh: "万人", Dim: DimPersons, Size: 1e4, Also: []string{"ten thousand persons"}},
	{Code: "1k_persons", En: "1,000 persons", Zh: "千人", Dim: DimPersons, Size: 1e3},
	{Code: "persons", En: "persons", Zh: "人", Dim: DimPersons, Size: 1},

	{Code: "100m_kwh", En: "100 million kWh", Zh: "亿千瓦时", Dim: DimEnergy, Size: 1e8, Also: []string{"亿度"}},
	{Code: "10k_kwh", En: "10,000 kWh", Zh: "万千瓦时", Dim: DimEnergy, Size: 1e4, Also: []string{"万度"}},
	{Code: "kwh", En: "kWh", Zh: "千瓦时", Dim: DimEnergy, Size: 1, Also: []string{"度"}},
	{Code: "billion_kwh", En: "billion kWh", Zh: "十亿千瓦时", Dim: DimEnergy, Size: 1e9, Western: true},
	{Code: "million_kwh", En: "million kWh", Zh: "百万千瓦时", Dim: DimEnergy, Size: 1e6, Western: true},

	{Code: "100m_m3", En: "100 million m³", Zh: "亿立方米", Dim: DimVolume, Size: 1e8, Also: []string{"亿方"}},
	{Code: "10k_m3", En: "10,000 m³", Zh: "万立方米", Dim: DimVolume, Size: 1e4, Also: []string{"万方"}},
	{Code: "m3", En: "m³", Zh: "立方米", Dim: DimVolume, Size: 1},
	{Code: "billion_m3", En: "billion m³", Zh: "十亿立方米", Dim: DimVolume, Size: 1e9, Western: true},
	{Code: "million_m3", En: "million m³", Zh: "百万立方米", Dim: DimVolume, Size: 1e6, Western: true},

	{Code: "million_tons", En: "million tons", Zh: "百万吨", Dim: DimMass, Size: 1e6},
	{Code: "10k_tons", En: "10,000 tons", Zh: "万吨", Dim: DimMass, Size: 1e4, Also: []string{"ten thousand tons"}},
	{Code: "tons", En: "tons", Zh: "吨", Dim: DimMass, Size: 1},

	// Energy, as work reports set its targets: the intensity of GDP
	// (万元地区生产总值能耗) and the total consumed. Neither converts.
	{Code: "tce_per_10k_yuan", En: "tce per 10,000 yuan", Zh: "吨标准煤/万元"},
	{Code: "10k_tce", En: "10,000 tce", Zh: "万吨标准煤"},
}

// unitByCode indexes Units.
var unitByCode = func() map[string]Unit {
	m := make(map[string]Unit, len(Units))
	for _, u := range Units {
		m[u.Code] = u
	}
	return m
}()

// UnitOf returns the unit of a code from Units; ok is false for a code
// plancast does not name.
func UnitOf(code string) (u Unit, ok bool) {
	u, ok = unitByCode[code]
	return u, ok
}

// UnitLabels name unit codes for people, in English and in Chinese: the
// charts' axes and the downloads' unit columns write them, and the ingest
// readers read them back, so that a download goes back in as it is. They
// are the names of Units.
var UnitLabels = func() map[string]struct{ En, Zh string } {
	m := make(map[string]struct{ En, Zh string }, len(Units))
	for _, u := range Units {
		m[u.Code] = struct{ En, Zh string }{u.En, u.Zh}
	}
	return m
}()

// ConvertUnit converts v from one unit code to another of the same
// dimension:
//
//	v_to = v_from × size(from) / size(to)
//
// rounded to 12 significant digits, so that 41000 万元 is 4.1 亿元 and 0.62
// 万人 6200 persons, not 6200.000000000001. Any unit converts to itself; ok
// is false between units of two dimensions, or when either is not one of
// Units or has no dimension.
func ConvertUnit(v float64, from, to string) (float64, bool) {
	if from == to {
		return v, true
	}
	f, okFrom := unitByCode[from]
	t, okTo := unitByCode[to]
	if !okFrom || !okTo || f.Dim == "" || f.Dim != t.Dim {
		return 0, false
	}
	return RoundSignificant(v*f.Size/t.Size, 12), true
}

// RoundSignificant rounds v to n significant digits; NaN, the infinities
// and 0 stay as they are, as does a value the rounding would overflow.
func RoundSignificant(v float64, n int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	scale := math.Pow(10, float64(n)-math.Ceil(math.Log10(math.Abs(v))))
	r := math.Round(v*scale) / scale
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return v
	}
	return r
}
