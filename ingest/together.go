package ingest

import "github.com/plancast/plancast"

// CheckTogether checks documents read apart, batches (one a document, each
// read by Parse against cat), as the one batch they make, with the check
// Apply runs on a batch merged from several files (checkBatch), and finds
// what none of them has on its own: a row that gives a figure or a target
// that a row of another document gives differently, an indicator that two
// of them declare in different units. It refuses them for it with the
// report and the EINVALID error Apply refuses such a batch with (the same
// problems, in the same words: "dupB.csv row 2 column D (value): houma gdp
// 2025: 118 here but 117 in dupA.csv row 2"), and returns nil and nil when
// they agree.
//
// plancast ingest --server runs it before it sends anything: the server
// takes one document a request and judges each against the store alone, so
// two files that gave one figure differently each passed their dry run, and
// the first was written before the second was refused (or revised it),
// where the same files pushed on the store were refused whole.
//
// A problem a document has on its own (in its Problems) is its own, and the
// server says it; a document whose reading stopped at its problems' limit
// is left out, as the rows after the stop were not read.
func CheckTogether(batches []*Batch, cat Catalog) (*Report, error) {
	merged := &Batch{}
	alone := map[Problem]bool{}
	limit := DefaultMaxProblems
	for _, b := range batches {
		if cutShort(b.Problems) {
			continue
		}
		merged.Merge(b)
		for _, p := range b.Problems {
			alone[p] = true
		}
		limit += len(b.Problems)
	}
	ps := problems{limit: limit}
	checkBatch(merged, cat, &ps)
	var between []Problem
	for _, p := range ps.list {
		if !alone[p] {
			between = append(between, p)
		}
	}
	if len(between) == 0 {
		return nil, nil
	}
	var files []string
	for _, b := range batches {
		files = append(files, b.Files...)
	}
	rep := &Report{Files: files, Problems: []Problem{}}
	return rep.reject(sortProblems(between))
}

// cutShort reports whether ps ends with the note that reading stopped at
// the problems' limit.
func cutShort(ps []Problem) bool {
	return len(ps) > 0 && ps[len(ps)-1].truncation()
}

// Two rows of one figure in a batch (two sheets of a workbook read with
// --all-sheets, two files of one push, one table giving a year twice) are
// one figure when they say the same, and a row says only what its file has
// a place for (origin.unsaid): a 汇总 sheet of levels alone has no growth
// column, so its row says nothing of the growth the year's sheet states
// beside the same value, and the two agree. Before, the row's defaults (no
// growth, status final) were compared as if it said them, and every such
// figure was refused as a conflict in words that contradicted themselves
// ("152.8 here but 152.8, growth 5.2% in sheet 2024年主要指标 row 3"),
// where the same two files pushed one after the other were taken (the
// second counted unchanged, keeping the stated growth: fillUnsaid).
//
// The batch keeps what either row states: the first row's figure with what
// it leaves unsaid taken from the other, which leaves unsaid only what
// neither says (so that fillUnsaid still gives it the stored figure's).
// Rows that state different things (two values, two growths, a blank growth
// cell against a growth) still conflict, at the field they differ in. A
// target's base year and binding are held to the same rule (unsaidBaseYear,
// unsaidBinding: a targets table without a base year or binding column
// beside a plan's table that gives them).

// figureUnsaid are the parts of a figure a row may leave unsaid.
const figureUnsaid = unsaidStatus | unsaidGrowth

// takeUnsaid gives o what its row leaves unsaid (u) from other.
func takeUnsaid(o *plancast.Observation, u unsaid, other *plancast.Observation) {
	if u&unsaidStatus != 0 {
		o.Status = other.Status
	}
	if u&unsaidGrowth != 0 {
		o.Growth, o.GrowthBaseYear = other.Growth, other.GrowthBaseYear
	}
}

// sayTogether compares a row of a figure (o, read at from) with the
// batch's earlier row of the same figure (kept, read at keptFrom), each
// taking what it leaves unsaid from the other. When they agree it keeps in
// kept and keptFrom what either states, and returns agree; when they do not,
// it leaves them and returns the column and field of o's row where they
// differ (the growth when that is all, else the value: conflictField).
func sayTogether(kept *plancast.Observation, keptFrom *origin, o *plancast.Observation, from origin) (col, field string, agree bool) {
	ku, ou := keptFrom.unsaid()&figureUnsaid, from.unsaid()&figureUnsaid
	x, y := *kept, *o
	takeUnsaid(&x, ku, o)
	takeUnsaid(&y, ou, kept)
	if !plancast.SameFigure(&x, &y) {
		col, field = conflictField(&x, &y, from)
		return col, field, false
	}
	*kept = x
	if ku&^ou == 0 {
		return "", "", true // o states nothing the kept row leaves unsaid
	}
	// The row that states the growth is where the figure's growth was read
	// (its column names it); else the first row's.
	at := *keptFrom
	if ku&unsaidGrowth != 0 && ou&unsaidGrowth == 0 {
		at = from
	}
	at.places = placesSaying(at.places, ku&ou|at.unsaid()&^figureUnsaid)
	*keptFrom = at
	return "", "", true
}

// placesSaying is places leaving u unsaid: places itself when it does, else
// a copy (places are shared by the rows of a table, and only this one row
// now says more).
func placesSaying(places *rowPlaces, u unsaid) *rowPlaces {
	if places == nil || places.unsaid == u {
		return places
	}
	c := *places
	c.unsaid = u
	return &c
}

// targetUnsaid are the parts of a target a row may leave unsaid.
const targetUnsaid = unsaidBaseYear | unsaidBinding

// takeTargetUnsaid gives t what its row leaves unsaid (u) from other.
func takeTargetUnsaid(t *plancast.Target, u unsaid, other *plancast.Target) {
	if u&unsaidBaseYear != 0 {
		t.BaseYear = other.BaseYear
	}
	if u&unsaidBinding != 0 {
		t.Binding = other.Binding
	}
}

// sayTargetsTogether is sayTogether for two rows of one target: each takes
// the base year and binding its row leaves unsaid from the other; agreeing,
// the batch keeps what either states.
func sayTargetsTogether(kept *plancast.Target, keptFrom *targetOrigin, t *plancast.Target, from targetOrigin) (agree bool) {
	ku, tu := keptFrom.unsaid()&targetUnsaid, from.unsaid()&targetUnsaid
	x, y := *kept, *t
	takeTargetUnsaid(&x, ku, t)
	takeTargetUnsaid(&y, tu, kept)
	if !sameTarget(&x, &y) {
		return false
	}
	*kept = x
	if ku&^tu == 0 {
		return true
	}
	at := *keptFrom
	if ku&unsaidBaseYear != 0 && tu&unsaidBaseYear == 0 {
		at = from
	}
	at.places = placesSaying(at.places, ku&tu|at.unsaid()&^targetUnsaid)
	*keptFrom = at
	return true
}
