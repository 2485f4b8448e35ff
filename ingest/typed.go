package ingest

import (
	"github.com/plancast/plancast"
)

// A value converted to its indicator's unit on the way in (20300 万元 of a
// per-capita income, stored as 203000000 元) is said in a problem found after
// reading as its cell gave it, in its unit, with the converted value beside
// it:
//
//	l.csv row 3 column D (value): yunhe rural_disposable_income 2025: 20300 万元 (203000000 元) is 10572.9 times the 2024 figure 19200 (stored); …
//
// Why: the message quoted the converted value alone ("203000000 is 10572.9
// times …"), a number the file does not hold, so the reader looked for it in
// vain, and the unit the slip is in was not named.
//
// The unit a value was written in rides on its origin's places
// (rowPlaces.unit), one shared value for each table (or JSON shape) and
// unit, and the number typed is the stored one converted back (Convert
// rounds to 12 significant digits both ways, so 203000000 元 is 20300 万元
// again). The cell's text itself is not kept: noting it beside each of
// the 100,000 figures of a table in 万元 took a third more memory to read it
// (BenchmarkParseLongCSV100k, 82 to 111 MB), for a message few pushes show;
// a cell written "20,300" is said as 20300.

// converted is the cell of the value convert converted last, and the unit
// it was written in; addObservation and addTarget give that unit to the
// origin of the value read there (withUnit).
type converted struct {
	at   record
	col  string
	unit string
}

// noteConverted notes that the value of cell c was written in unit.
func (p *parser) noteConverted(c cell, unit string) {
	p.converted = converted{at: c.at, col: c.col, unit: unit}
}

// withUnit is from, with the unit its value was written in when convert
// converted it (noteConverted): the places of its table with that unit,
// made once for each.
func (p *parser) withUnit(from origin) origin {
	c := p.converted
	if c.unit == "" || c.at != from.record || c.col != from.valueCol {
		return from
	}
	p.converted = converted{}
	key := placesUnit{from.places, c.unit}
	places, ok := p.unitPlaces[key]
	if !ok {
		if from.places != nil {
			copied := *from.places
			places = &copied
		} else {
			places = &rowPlaces{}
		}
		places.unit = c.unit
		if p.unitPlaces == nil {
			p.unitPlaces = map[placesUnit]*rowPlaces{}
		}
		p.unitPlaces[key] = places
	}
	from.places = places
	return from
}

// placesUnit is a table's places with the unit of a value read in it.
type placesUnit struct {
	places *rowPlaces
	unit   string
}

// typedUnit is the unit the value read at o was written in when it was
// converted to its indicator's, else "".
func (o origin) typedUnit() string {
	if o.places == nil {
		return ""
	}
	return o.places.unit
}

// valueText writes the value v (in unit, its indicator's) read at from for
// a problem about it: as its cell gave it, in its unit, with v beside it
// when it was converted ("20300 万元 (203000000 元)"), else v alone.
func valueText(from origin, v float64, unit string) string {
	typed := from.typedUnit()
	if typed == "" || typed == unit {
		return plancast.PlainNumber(v)
	}
	cell, err := Convert(v, unit, typed)
	if err != nil {
		return plancast.PlainNumber(v)
	}
	return plancast.PlainNumber(cell) + " " + unitWord(typed) + " (" + plancast.PlainNumber(v) + " " + unitWord(unit) + ")"
}

// unitWord names a unit in a message beside a number: 亿元, 万元, 元, billion
// yuan; a unit plancast has no name for by its code.
func unitWord(code string) string {
	switch code {
	case Unit1kYuan:
		return "千元"
	case UnitBillionYuan:
		return "billion yuan"
	case UnitMillionYuan:
		return "million yuan"
	}
	if l, ok := plancast.UnitLabels[code]; ok {
		return l.Zh
	}
	return code
}
