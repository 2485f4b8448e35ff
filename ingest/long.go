package ingest

import "github.com/plancast/plancast"

// longRow reads a row of a long table: one figure per row
// (region, indicator, year, value[, unit, status, period, source, published,
// growth, growth_base_year]), or one row per region and year with a column per
// indicator (地区, 年份, 地区生产总值（亿元）, 一般公共预算收入（万元）), which
// may carry a growth column only when it has a single indicator column.
func (p *parser) longRow(l *layout, row tableRow) {
	region, okRegion := p.rowRegion(l, row)
	yc, _ := p.rowCell(l, row, fieldYear)
	year, okYear := p.year(yc)
	meta, okMeta := p.meta(l, row)
	gc, _ := p.rowCell(l, row, fieldGrowth)
	bc, _ := p.rowCell(l, row, fieldGrowthBase)
	growth, base, okGrowth := p.statedGrowth(gc, bc)
	if okYear && okMeta {
		pc, _ := p.rowCell(l, row, fieldPublished) // blank without the column: dated by the push
		okMeta = p.publishedFits(pc, yc, meta, year)
	}
	ok := okRegion && okYear && okMeta && okGrowth
	from := func(value cell) origin {
		return origin{record: value.at, yearCol: yc.col, valueCol: value.col, places: l.places}
	}

	if len(l.indicators) > 0 {
		for _, col := range l.indicators {
			c := p.cellAt(row, col, col.indicator)
			if isMissing(c.text) {
				continue
			}
			c.field = fieldValue
			v, good := p.number(c)
			unit, at, okUnit := p.rowUnit(l, row, "", col.indicator, col.unit)
			if at.col == "" {
				at = c
			}
			if !good || !okUnit || !p.checkUnit(at, unit, col.indicator) || !p.percentFits(c, col.indicator, percentHintTable) || !ok {
				continue
			}
			v, _ = p.convert(c, v, unit, col.indicator)
			// A growth column goes with the one indicator column (growthLayout).
			p.addObservation(observation(region, col.indicator, year, v, meta, growth, base), from(c))
		}
		return
	}

	indicator, inName, okInd := p.rowIndicator(l, row)
	vc, _ := p.rowCell(l, row, fieldValue)
	v, okValue := p.figureValue(vc, meta.status)
	unit, at, okUnit := p.rowUnit(l, row, inName, indicator, l.fields[fieldValue].unit)
	if at.col == "" {
		at = vc
	}
	if !ok || !okInd || !okValue || !okUnit || !p.checkUnit(at, unit, indicator) {
		return
	}
	if meta.status != plancast.StatusWithdrawn && !p.percentFits(vc, indicator, percentHintTable) {
		return
	}
	v, _ = p.convert(vc, v, unit, indicator)
	p.addObservation(observation(region, indicator, year, v, meta, growth, base), from(vc))
}

// rowIndicator gives the row's indicator from its indicator column, or the
// table's (named in the title), with any unit written after the name.
func (p *parser) rowIndicator(l *layout, row tableRow) (code, unit string, ok bool) {
	if c, has := p.rowCell(l, row, fieldIndicator); has {
		// A footnote's mark at the end of the name ("地区生产总值①") is
		// dropped when the name is known without it (footnotes.go).
		if _, _, err := p.res.indicator(c.text); err != nil {
			if name, _, cut := cutFootnoteMark(c.text); cut {
				if code, unit, err := p.res.indicator(name); err == nil {
					l.footnoted = append(l.footnoted, footnoted{row: row.num, text: c.text, code: code})
					return code, unit, true
				}
			}
		}
		return p.indicator(c)
	}
	if l.indicator != "" {
		if !p.titleFits(l) {
			return "", "", false
		}
		return l.indicator, "", true
	}
	p.ps.add(p.rec(row).problem("", fieldIndicator, "indicator is missing: add an indicator (指标) column or name the indicator in the table title"))
	return "", "", false
}

func observation(region, indicator string, year int, v float64, m rowMeta, growth *float64, growthBase int) plancast.Observation {
	return plancast.Observation{Region: region, Indicator: indicator, Year: year, Value: v,
		Status: m.status, Period: m.period, Source: m.source, Published: m.published,
		Growth: growth, GrowthBaseYear: growthBase}
}
