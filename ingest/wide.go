package ingest

import "strconv"

// wideRow reads a row of a wide table, the way yearbooks print them: one row
// per indicator (and region), one column per year. A blank cell or a dash
// ("—", "-", "…") means no figure for that year, not an error. A year's
// header may give its figures' status or period ("2023年（初步）",
// "2024年1-6月"; yearMeta). Wide tables
// carry values only, no growth: a growth column beside the years (a
// yearbook's "比上年增长%") is not read (see growthLayout); push stated growth
// in a long table.
func (p *parser) wideRow(l *layout, row tableRow) {
	region, okRegion := p.rowRegion(l, row)
	indicator, inName, okInd := p.rowIndicator(l, row)
	meta, okMeta := p.meta(l, row)
	unit, at, okUnit := p.rowUnit(l, row, inName, indicator, l.fields[fieldIndicator].unit)
	okUnit = okUnit && okInd && p.checkUnit(at, unit, indicator)
	ok := okRegion && okInd && okMeta && okUnit
	pc, _ := p.rowCell(l, row, fieldPublished) // blank without the column: dated by the push
	for _, col := range l.years {
		c := p.cellAt(row, col, fieldValue)
		if isMissing(c.text) {
			continue
		}
		v, good := p.number(c)
		if !good || !ok || !p.percentFits(c, indicator, percentHintTable) {
			continue
		}
		m := meta
		if col.status != "" || col.period != "" {
			if m, good = p.yearMeta(l, row, meta, col); !good {
				continue
			}
		}
		if !p.publishedFits(pc, cell{at: c.at, col: col.letter, field: fieldYear, text: strconv.Itoa(col.year)}, m, col.year) {
			ok = false // said once, at the row's published cell (or at this year's, for the push's date)
			continue
		}
		v, _ = p.convert(c, v, unit, indicator)
		places := l.places
		if col.status != "" { // the year's header says the status
			places = placesUnsaid(places.unsaid &^ unsaidStatus)
		}
		p.addObservation(observation(region, indicator, col.year, v, m, nil, 0), origin{record: c.at, yearCol: col.letter, valueCol: col.letter, places: places})
	}
}
