package report

import (
	"math"
)

// How a garbled figure was settled, strongest first.
type resolution int

const (
	resolvedNone        resolution = iota // not garbled: nothing to settle
	resolvedByGrowth                      // the stated growth rate fits one reading
	resolvedByMagnitude                   // only one reading is a plausible size
	resolvedByShape                       // the garble's shape alone: needs review
	unresolved                            // no reading fits: needs review
	takenAsWritten                        // the number as written, in a unit the reader cannot convert to: needs review
)

// choice is the reading chosen for a quantity.
type choice struct {
	value    float64 // in the indicator's unit
	reading  reading
	how      resolution
	notes    []string
	implied  *float64 // average growth implied by a from/to pair, percent
	fitsRate *bool    // whether the implied growth fits the stated one
}

// growthFits says whether a growth implied by two levels agrees with the
// stated one. Reports state growth at comparable prices, levels at current
// prices, so a gap of a few points is normal; a garble is off by 100× and
// implies absurd growth.
//
//	|implied - stated| <= max(2.5, 0.35 |stated|)
func growthFits(implied, stated float64) bool {
	return math.Abs(implied-stated) <= math.Max(2.5, 0.35*math.Abs(stated))
}

// impliedGrowth is the average annual growth in percent from a to b over n years:
//
//	((b/a)^(1/n) - 1) · 100
func impliedGrowth(a, b float64, n int) float64 {
	return (math.Pow(b/a, 1/float64(n)) - 1) * 100
}

// plausible says whether v is a believable value of the indicator.
func (d *indicatorDef) plausible(v float64) bool {
	return v >= d.lo && v <= d.hi
}

// converted returns the value of reading r of q in the indicator's unit.
func (d *indicatorDef) converted(q *quantity, r reading) (float64, bool) {
	return toUnit(r.base, q.dim, d.Unit)
}

// levelChoice is the value of a level figure: a percentage (a share) as read,
// any other quantity by resolveSingle.
func levelChoice(q *quantity, d *indicatorDef) (choice, bool) {
	if q.dim == dimPercent {
		return choice{value: q.readings[0].base, reading: q.readings[0]}, true
	}
	if _, ok := toUnit(1, q.dim, d.Unit); !ok && d.asWritten {
		// "0.66吨标准煤" for a catalog's tce_per_10k_yuan: the number is
		// taken as written, for a reviewer to check against the unit.
		c := choice{value: q.number, reading: q.readings[0], how: takenAsWritten}
		c.notes = append(c.notes, explain("%g as written in %q: the catalog's unit of %s, %s, is not one the reader converts to; check that the figure is in it", q.number, q.raw, d.Code, d.Unit))
		return c, true
	}
	return resolveSingle(q, d)
}

// resolveSingle chooses the reading of a level figure standing alone.
func resolveSingle(q *quantity, d *indicatorDef) (choice, bool) {
	type opt struct {
		v float64
		r reading
	}
	var opts []opt
	for _, r := range q.readings {
		if v, ok := d.converted(q, r); ok {
			opts = append(opts, opt{v, r})
		}
	}
	if len(opts) == 0 {
		return choice{}, false
	}
	if len(opts) == 1 {
		c := choice{value: opts[0].v, reading: opts[0].r}
		if q.garbled {
			c.how = resolvedByShape
			c.notes = append(c.notes, "the garble has one reading only")
			if d.plausible(c.value) {
				c.how = resolvedByMagnitude
			}
		}
		if !d.plausible(c.value) {
			c.how = unresolved
			c.notes = append(c.notes, explain("%g %s is not a plausible %s", c.value, d.Unit, d.Code))
		}
		return c, true
	}
	var good []opt
	for _, o := range opts {
		if d.plausible(o.v) {
			good = append(good, o)
		}
	}
	switch {
	case len(good) == 1:
		c := choice{value: good[0].v, reading: good[0].r, how: resolvedByMagnitude}
		c.notes = append(c.notes, explain("only %g %s is a plausible %s", good[0].v, d.Unit, d.Code))
		return c, true
	default:
		// Both or neither plausible: take the repair the shape suggests, and ask.
		o := opts[len(opts)-1]
		c := choice{value: o.v, reading: o.r, how: resolvedByShape}
		c.notes = append(c.notes, "readings of the garbled figure cannot be told apart")
		return c, true
	}
}

// resolvePair chooses the readings of "from a to b" over n years with a stated
// average growth (nil if none): the pair whose implied growth fits the
// stated one, among pairs of plausible size. A garble scales one figure by
// 100, so only the right pair fits.
func resolvePair(a, b *quantity, d *indicatorDef, n int, stated *float64) (ca, cb choice, ok bool) {
	type combo struct {
		va, vb   float64
		ra, rb   reading
		implied  float64
		fits     bool
		plausibl bool
	}
	var combos []combo
	for _, ra := range a.readings {
		va, okA := d.converted(a, ra)
		if !okA {
			continue
		}
		for _, rb := range b.readings {
			vb, okB := d.converted(b, rb)
			if !okB {
				continue
			}
			c := combo{va: va, vb: vb, ra: ra, rb: rb, plausibl: d.plausible(va) && d.plausible(vb)}
			if n > 0 && va > 0 {
				c.implied = impliedGrowth(va, vb, n)
				c.fits = stated != nil && growthFits(c.implied, *stated)
			}
			combos = append(combos, c)
		}
	}
	if len(combos) == 0 {
		return choice{}, choice{}, false
	}
	garbled := a.garbled || b.garbled
	pick := func(c combo, how resolution, note string) (choice, choice, bool) {
		imp := c.implied
		fits := c.fits
		ca = choice{value: c.va, reading: c.ra, how: how}
		cb = choice{value: c.vb, reading: c.rb, how: how}
		if !a.garbled {
			ca.how = resolvedNone
		}
		if !b.garbled {
			cb.how = resolvedNone
		}
		if n > 0 && c.va > 0 {
			ca.implied, cb.implied = &imp, &imp
			if stated != nil {
				ca.fitsRate, cb.fitsRate = &fits, &fits
			}
		}
		if note != "" {
			ca.notes = append(ca.notes, note)
			cb.notes = append(cb.notes, note)
		}
		return ca, cb, true
	}
	if !garbled {
		return pick(combos[0], resolvedNone, "")
	}
	var fitting []combo
	for _, c := range combos {
		if c.fits && c.plausibl {
			fitting = append(fitting, c)
		}
	}
	if len(fitting) == 1 {
		c := fitting[0]
		return pick(c, resolvedByGrowth, explain("from %g to %g over %d years is %.1f%% a year, which fits the stated %.1f%%", c.va, c.vb, n, c.implied, *stated))
	}
	var plausible []combo
	for _, c := range combos {
		if c.plausibl && (stated == nil || n == 0 || c.fits) {
			plausible = append(plausible, c)
		}
	}
	if len(plausible) == 1 {
		c := plausible[0]
		note := explain("only %g → %g is a plausible size for %s", c.va, c.vb, d.Code)
		if c.fits {
			note += explain(", and its %.1f%% a year fits the stated %.1f%%", c.implied, *stated)
			return pick(c, resolvedByGrowth, note)
		}
		return pick(c, resolvedByMagnitude, note)
	}
	// Prefer the repaired readings the garble's shape suggests, and ask.
	best := combos[len(combos)-1]
	how := resolvedByShape
	if stated != nil && n > 0 && len(plausible) == 0 {
		how = unresolved
	}
	return pick(best, how, "no reading of the garbled pair is settled by the stated growth and plausible sizes")
}
