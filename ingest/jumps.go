package ingest

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/plancast/plancast"
)

// JumpFactor is the largest change that a figure of a level indicator may
// make from the series' nearest figure before or after it (within JumpYears)
// unless the push accepts jumps: a figure more than 5 times, or less than a
// fifth of, that figure is refused as a likely slip of units (万元 read as
// 亿元 is 10,000 times; 千万元, billion or million yuan read as 亿元 are 10 or
// 100). A figure of 0 beside a positive one is less than a fifth of it and
// refused too: a blank cell exported as 0 is a common slip of a bureau's
// export. Beside a 0 (a series that starts from nothing) no figure is
// refused for it.
//
// Why 5: in the economic panels of bench/holdout (82,782 year-on-year
// changes of regional, national and municipal series) two changes reach 5
// times, both firms' capital stocks from almost nothing; none of the 64,000
// national and municipal ones reaches 4. In M3's yearly series, which hold
// micro and industry data, 37 of 17,674 (0.2%) pass 5 times. Every unit slip
// is 10 times or more, so 5 catches each with room on both sides.
//
// Why 5 across a gap as well (bench/jumps.md): over 2 and 3 years the same
// panels hold 5 and 9 changes past 5 times (of 80,020 and 77,258; all
// Grunfeld's firms' capital stocks of 1935–39 and Equatorial Guinea's oil
// boom of 1993–97), M3 64 and 81 (0.4% and 0.5%). A factor of 8 would
// refuse 2 and 3 of them instead, but miss 2–5% of tenfold slips across 2
// years and 6–8% across 3 (those where the true change was a fall of a
// fifth, or a rise of a quarter, or more); 5 misses at most 0.4% (2% in M3).
const JumpFactor = 5

// JumpYears is how far on each side of a figure the check looks for the
// figure it is compared with, the nearest one: a figure beside a year with
// no figure is judged against the year before that, up to 3 years away (two
// missing years in a row). Further away the panels' changes past 5 times
// keep growing (3 years: 9 of 77,258; 4 years: 15 of 74,496), and so would
// the stored read (readJumpSeries).
const JumpYears = 3

// FractionFactor sets the rule for the slip of a rate (a percentage): a
// fraction typed for a percent, 0.045 for 4.5%. A figure f of a rate pushed
// with 0 < |f| < 1 is refused when its series' nearest figure w (within
// JumpYears, stored or pushed) has |w| ≥ 1 and 1/FractionFactor ≤
// w/(100·f) ≤ FractionFactor: read as a percent, f is within a factor of 2
// of w. The ratio rule of levels does not fit rates, which may come near
// zero: of the 95,438 year-on-year pairs of the rate-like series of
// bench/jumps.md (2,654 series of unemployment, interest and inflation rates
// and of shares), 1,398 are a figure under 1 beside one of 1 or more.
//
// Only a figure pushed under 1 is judged, so that a push reads the stored
// figures of few rate series: judging every rate pushed, to catch a fraction
// already stored when the next year's figure comes, read a third more
// series for a yearly push of 10,000 figures, a quarter of them rates (2.2 s
// against 1.7 s on InfluxDB, bench/jumps.md).
//
// Why 2: no pair of unemployment, interest or inflation rates, nor of any
// share but Penn World Table's trade and investment shares of GDP, trips it
// 1 to 3 years apart. The 32 year-on-year pairs that do (of 95,438) are
// PWT's exports share (2, both Iraq's) and its residual share of trade and
// statistical discrepancy (30), which crosses zero. A slip is missed where
// the true change from the compared year is more than double or under half:
// 0.4% of the slips the pairs could hold without PWT's trade and investment
// shares, 2.2% with them. At 1.5, 14 of the 32 still trip it and more than
// twice as many slips are missed (5.0%); at 3, 52 trip it.
const FractionFactor = 2

// jumpSeries is what checkJumps compares in one series: each year's figure
// as it would stand after the batch, and which of them the batch brings.
type jumpSeries struct {
	values map[int]float64
	row    map[int]int // year → index into the batch's observations
	// revised is the stored figure of each year the batch revises: the
	// vintage it replaces as the figure served.
	revised map[int]float64
}

// nearest returns the series' figure nearest to year on one side (step -1:
// before, +1: after), at most JumpYears away.
func (js *jumpSeries) nearest(year, step int) (int, float64, bool) {
	for y := year + step; y != year+step*(JumpYears+1); y += step {
		if v, ok := js.values[y]; ok {
			return y, v, true
		}
	}
	return 0, 0, false
}

// readPast says whether the nearest figure to year on some side may be a
// stored one that was not read, the years read being from..to: the years
// scanned for it (nearest) leave them before one is found.
func (js *jumpSeries) readPast(year, from, to int) bool {
	for _, step := range []int{-1, +1} {
		farthest := year + step*JumpYears
		if y, _, ok := js.nearest(year, step); ok {
			farthest = y - step
		}
		if farthest < from || farthest > to {
			return true
		}
	}
	return false
}

// readJumpSeries returns the series of the batch's figures that checkJumps
// judges (judgedForJumps, and not restated) as they would stand after the
// batch, over their stored figures within JumpYears of the batch's years. It
// reads them in two steps so that a yearly push reads no more than the year
// before it: first the year before the batch's years to JumpYears after them
// (mostly empty: a push is mostly of the latest year); then, only for the
// series where some figure's nearest one before it may lie further back
// (readPast), the years further back. Reading all the years at once took a
// third longer on InfluxDB for a yearly push of 10,000 figures onto 9 stored
// years (2.6 s against 2.0 s, bench/jumps.md); the first step takes as long
// as the read of the years beside alone. A store that reads each series
// whole whatever the years (no SeriesSpanReader: bolt) is read once for all
// the years, as a second read would read the series again.
func readJumpSeries(ctx context.Context, st plancast.Store, b *Batch, restated map[int]bool, catalog map[string]plancast.Indicator) (map[plancast.SeriesKey]*jumpSeries, error) {
	seen := map[plancast.SeriesKey]bool{}
	var keys []plancast.SeriesKey
	first, last := 0, 0
	for i := range b.Observations {
		o := &b.Observations[i]
		if !judgedAt(b, i, restated, catalog) {
			continue
		}
		if len(keys) == 0 || o.Year < first {
			first = o.Year
		}
		last = max(last, o.Year)
		if k := o.Key().SeriesKey; !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	from, to := first-1, last+JumpYears
	if _, spans := st.(plancast.SeriesSpanReader); !spans {
		from = first - JumpYears // each series is read whole anyway (bolt)
	}
	stored, err := plancast.ReadSeriesValuesBetween(ctx, st, plancast.SortedSeriesKeys(keys), from, to)
	if err != nil {
		return nil, fmt.Errorf("read the stored figures beside the batch's: %w", err)
	}
	series := batchJumpSeries(b, restated, stored)
	wider := map[plancast.SeriesKey]bool{}
	var farther []plancast.SeriesKey
	for i := range b.Observations {
		o := &b.Observations[i]
		k := o.Key().SeriesKey
		if !wider[k] && judgedAt(b, i, restated, catalog) && series[k].readPast(o.Year, from, to) {
			wider[k] = true
			farther = append(farther, k)
		}
	}
	if len(farther) == 0 {
		return series, nil
	}
	more, err := plancast.ReadSeriesValuesBetween(ctx, st, plancast.SortedSeriesKeys(farther), first-JumpYears, from-1)
	if err != nil {
		return nil, fmt.Errorf("read the stored figures within %d years of the batch's: %w", JumpYears, err)
	}
	if len(more) == 0 {
		return series, nil
	}
	return batchJumpSeries(b, restated, append(stored, more...)), nil
}

// judgedAt says whether checkJumps judges figure i of b: one the push
// writes (not restated: checkRestatedFigures) that judgedForJumps judges.
func judgedAt(b *Batch, i int, restated map[int]bool, catalog map[string]plancast.Indicator) bool {
	return !restated[i] && judgedForJumps(&b.Observations[i], catalog)
}

// judgedForJumps says whether checkJumps judges a figure: a positive one of
// a level indicator, or 0, which beside a positive figure is less than a
// fifth of it (a blank exported as 0 is a common slip); one of a rate that
// may be a fraction (fractionLike).
func judgedForJumps(o *plancast.Observation, catalog map[string]plancast.Indicator) bool {
	if o.Withdrawn() {
		return false
	}
	switch catalog[o.Indicator].Kind {
	case plancast.KindLevel:
		return o.Value >= 0
	case plancast.KindRate:
		return fractionLike(o.Value)
	}
	return false
}

// checkJumps adds a problem at the value of every figure of the batch that
// looks like a slip beside its series' nearest figure before or after it
// (within JumpYears), stored or the batch's own: series holds the batch's
// series as they would stand after it (readJumpSeries, or batchJumpSeries
// without the store). A level is judged by JumpFactor, a rate by
// FractionFactor (suspectedSlip). A jump between two figures of the batch is
// said once: at the later year's row, or the earlier's when the later figure
// is not judged against it (a rate's of 1 or more beside a fraction, a
// level's beside a 0: a 0 is the figure suspected, at its own row). A 0 of
// a level is said once, against the first figure it is refused beside. A
// figure the push restates (checkRestatedFigures) is not judged: it is not
// written. A revision that nothing beside it refuses is judged beside the
// stored figure it revises (revisedSlip).
func checkJumps(b *Batch, restated map[int]bool, series map[plancast.SeriesKey]*jumpSeries, catalog map[string]plancast.Indicator, ps *problems) {
	for i := range b.Observations {
		o := &b.Observations[i]
		if !judgedAt(b, i, restated, catalog) {
			continue
		}
		js := series[o.Key().SeriesKey]
		said := false
		for _, step := range []int{-1, +1} {
			year, other, ok := js.nearest(o.Year, step)
			if !ok {
				continue
			}
			kind := catalog[o.Indicator].Kind
			j, inBatch := js.row[year]
			if inBatch && year > o.Year && judgedForJumps(&b.Observations[j], catalog) {
				if _, said := suspectedSlip(kind, other, o.Value); said {
					continue // said at that year's row
				}
			}
			suspected, ok := suspectedSlip(kind, o.Value, other)
			if !ok {
				continue
			}
			where := "stored"
			if inBatch {
				where = b.obsOrigin(j).where(b.obsOrigin(i).record)
			}
			from := b.obsOrigin(i)
			ps.add(from.problem(from.valueCol, fieldValue,
				"%s %s %s: %s is %s the %s figure %s (%s); %s If it is right, push it again accepting jumps (plancast ingest --accept-jumps, or ?accept_jumps=true)",
				o.Region, o.Indicator, figureWhen(*o), valueText(from, o.Value, catalog[o.Indicator].Unit), timesText(o.Value/other), strconv.Itoa(year), plancast.PlainNumber(other), where, suspected))
			said = true
			if o.Value == 0 {
				break // a 0 is said once, whichever side it is refused beside
			}
		}
		if !said {
			revisedSlip(b, i, js, catalog, ps)
		}
	}
}

// A revision is judged against the figure it revises as well: that
// stored figure is the nearest there is, the same year's. The rule and the
// factor are the neighbours' (suspectedSlip: a level more than JumpFactor
// times, or under 1/JumpFactor of, it; a rate that looks like a fraction
// typed for a percent beside it), with the same override. Before, only the
// other years within JumpYears were compared, and a county's series with
// gaps (2015, 2020, then 2024) took 1528000 for 152.8 (万元 under a 亿元
// header) as "1 revised", and a year header with the wrong unit
// ("2024年（万元）") "corrected" 152.8 the same day to 0.01528; the
// 14th-FYP target was then "achieved" at 1,410,064%.
//
// A revision that corrects a slip is no slip: when the figure it revises
// is itself suspected beside the series' nearest figure before or after it
// (a jump accepted, or stored before jumps were checked) and the revision
// is not, the revision is judged beside its neighbours alone (131.1
// revising 1311, beside 2020's 120.8).
//
// A revision its neighbours refuse already is said beside them, as before,
// once.
//
// revisedSlip adds the problem at the value of figure i of b when it looks
// like a slip beside the stored figure it revises (js: its series,
// batchJumpSeries).
func revisedSlip(b *Batch, i int, js *jumpSeries, catalog map[string]plancast.Indicator, ps *problems) {
	o := &b.Observations[i]
	prev, revises := js.revised[o.Year]
	if !revises {
		return
	}
	kind := catalog[o.Indicator].Kind
	suspected, ok := suspectedSlip(kind, o.Value, prev)
	if !ok || js.corrects(o.Year, kind, o.Value, prev) {
		return
	}
	from := b.obsOrigin(i)
	ps.add(from.problem(from.valueCol, fieldValue,
		"%s %s %s: %s is %s the %s figure it revises, %s (stored); %s If it is right, push it again accepting jumps (plancast ingest --accept-jumps, or ?accept_jumps=true)",
		o.Region, o.Indicator, figureWhen(*o), valueText(from, o.Value, catalog[o.Indicator].Unit), timesText(o.Value/prev), strconv.Itoa(o.Year), plancast.PlainNumber(prev), suspected))
}

// corrects says whether v, revising the figure prev of year, corrects a
// slip: prev is suspected beside the series' nearest figure on some side
// (within JumpYears) and v beside neither. The neighbours are the series'
// figures as they stand before the push where the push revises them by a
// slip's factor (witness): a push that re-sends every stored year of a
// series 10,000 times over (a 万元 sheet pushed as 亿元) must not vouch for
// itself. Before, each slipped row made the stored figure beside it look
// like the slip, and "0 new, 2 revised" wrote +999,900% revisions.
func (js *jumpSeries) corrects(year int, kind string, v, prev float64) bool {
	prevSlip := false
	for _, step := range []int{-1, +1} {
		other, ok := js.witness(year, step, kind)
		if !ok {
			continue
		}
		if _, slip := suspectedSlip(kind, v, other); slip {
			return false
		}
		if _, slip := suspectedSlip(kind, prev, other); slip {
			prevSlip = true
		}
	}
	return prevSlip
}

// witness returns the figure nearest to year on one side (step -1: before,
// +1: after, within JumpYears) that may vouch for a revision of year: the
// figure after the push, unless the push revises that year by what
// suspectedSlip takes for a slip of the stored figure, whose stored figure
// it is then. A new figure of the push witnesses as it is.
func (js *jumpSeries) witness(year, step int, kind string) (float64, bool) {
	y, v, ok := js.nearest(year, step)
	if !ok {
		return 0, false
	}
	if prev, revises := js.revised[y]; revises {
		if _, slip := suspectedSlip(kind, v, prev); slip {
			return prev, true
		}
	}
	return v, true
}

// batchJumpSeries is every series of the batch as it would stand after it:
// the stored figures, the batch's over them, its withdrawals taken out. The
// figures it restates (restated: the indices checkRestatedFigures leaves out
// of the write) are not written, so the stored figure stands: a restated
// vintage revised since is not the figure served.
func batchJumpSeries(b *Batch, restated map[int]bool, stored []plancast.Series) map[plancast.SeriesKey]*jumpSeries {
	series := map[plancast.SeriesKey]*jumpSeries{}
	get := func(k plancast.SeriesKey) *jumpSeries {
		s := series[k]
		if s == nil {
			s = &jumpSeries{values: map[int]float64{}, row: map[int]int{}, revised: map[int]float64{}}
			series[k] = s
		}
		return s
	}
	for _, s := range stored {
		js := get(plancast.SeriesKey{Region: s.Region, Indicator: s.Indicator, Period: s.Period})
		for _, o := range s.Observations {
			js.values[o.Year] = o.Value
		}
	}
	for i := range b.Observations {
		o := &b.Observations[i]
		if restated[i] {
			continue
		}
		js := get(o.Key().SeriesKey)
		if v, stored := js.values[o.Year]; stored {
			if _, again := js.row[o.Year]; !again {
				js.revised[o.Year] = v
			}
		}
		if o.Withdrawn() {
			delete(js.values, o.Year)
			continue
		}
		js.values[o.Year], js.row[o.Year] = o.Value, i
	}
	return series
}

// suspectedSlip says which slip a figure v of an indicator of the given kind
// looks like beside its series' figure other, as the question the problem
// asks; ok is false when it looks like none. A level is judged beside a
// positive figure only: beside a 0 no ratio says anything (a figure after a
// stored 0 is not refused for it), while a 0 beside a positive figure is
// less than a fifth of it, and likely a blank cell exported as 0.
func suspectedSlip(kind string, v, other float64) (suspected string, ok bool) {
	switch kind {
	case plancast.KindLevel:
		if other <= 0 {
			return "", false
		}
		if v == 0 {
			return "an empty cell exported as 0? Leave a figure that is not known out (a wide table takes a blank cell or a dash for no figure).", true
		}
		if r := v / other; r > JumpFactor || r < 1.0/JumpFactor {
			return "a figure in another unit?", true
		}
	case plancast.KindRate:
		if fractionFor(v, other) {
			return fmt.Sprintf("a fraction typed for a percent (%[1]s%% is %[1]s)?", strconv.FormatFloat(100*v, 'g', 12, 64)), true
		}
	}
	return "", false
}

// fractionFor says whether f, a figure of a rate, looks like a fraction
// typed for a percent beside its series' figure w (FractionFactor): f is
// fractionLike, |w| ≥ 1 (a figure under 1 may be a fraction itself) and
// 1/FractionFactor ≤ w/(100·f) ≤ FractionFactor.
func fractionFor(f, w float64) bool {
	if !fractionLike(f) || math.Abs(w) < 1 {
		return false
	}
	r := w / (100 * f)
	return r >= 1.0/FractionFactor && r <= FractionFactor
}

// fractionLike says whether a figure of a rate may be a fraction typed for
// a percent: 0 < |v| < 1.
func fractionLike(v float64) bool { return v != 0 && math.Abs(v) < 1 }

// timesText says a ratio as "10.9 times" or, below one, "1/10.9 of"; 0
// (a figure of 0) as "less than a fifth of" (JumpFactor). A ratio of 1e15
// or more is written in e-notation (plancast.PlainNumber): "1.242e+306 times".
func timesText(r float64) string {
	if r == 0 {
		return "less than 1/" + strconv.Itoa(JumpFactor) + " of"
	}
	if r >= 1 {
		return ratioText(r) + " times"
	}
	return "1/" + ratioText(1/r) + " of"
}

// ratioText writes a ratio of 1 or more with one decimal, or in e-notation
// from 1e15 on.
func ratioText(r float64) string {
	if r >= 1e15 {
		return plancast.FormatNumber(r, -1)
	}
	return strconv.FormatFloat(r, 'f', 1, 64)
}
