package report

import "math"

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

// unitCodes are the unit codes the reader can convert to. Money aggregates are
// stored in 亿元 (100m_yuan), per-capita incomes in yuan.
var unitCodes = map[string]unitScale{
	"100m_yuan":   {dimMoney, 1e8},
	"10k_yuan":    {dimMoney, 1e4},
	"yuan":        {dimMoney, 1},
	"percent":     {dimPercent, 1},
	"persons":     {dimPersons, 1},
	"10k_persons": {dimPersons, 1e4},
	"100m_kwh":    {dimEnergy, 1e8},
	"10k_kwh":     {dimEnergy, 1e4},
	"kwh":         {dimEnergy, 1},
	"10k_tons":    {dimMass, 1e4},
	"tons":        {dimMass, 1},
	"100m_m3":     {dimVolume, 1e8},
	"10k_m3":      {dimVolume, 1e4},
	"m3":          {dimVolume, 1},
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
