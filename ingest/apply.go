package ingest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/plancast/plancast"
)

// ApplyOptions say how Apply treats a batch.
type ApplyOptions struct {
	// DryRun writes nothing and counts what would change.
	DryRun bool
	// AcceptJumps writes figures that checkJumps refuses otherwise as likely
	// slips: a level more than JumpFactor times, or under 1/JumpFactor of,
	// the series' nearest figure within JumpYears before or after, or of
	// the stored figure it revises; a rate that looks like a fraction typed
	// for a percent beside either (FractionFactor). It writes the targets checkTargetSlips refuses too:
	// a level, ceiling or floor beyond TargetFactor times what the latest
	// figure reaches at TargetPace% a year, a growth past ±TargetPace%, and
	// a target that looks like a fraction typed for a percent (0.045 for a
	// ceiling of 4.5% beside a rate of 3.2, 0.07 for a growth of 7%), and a
	// level, ceiling, floor or share more than JumpFactor times, or under
	// 1/JumpFactor of, the version it replaces (target_slips.go).
	AcceptJumps bool
}

// Apply checks a batch against the store's catalog and writes it all or
// nothing: declared regions and indicators, then observations, then targets.
// With opt.DryRun it writes nothing and counts what would change by reading the
// current vintages and targets.
//
// A figure of a level indicator more than JumpFactor times (or less than
// 1/JumpFactor of) its series' nearest figure within JumpYears before or
// after, or of the stored figure it revises, or one of a rate that looks
// like a fraction typed for a percent beside either (FractionFactor), is a
// problem too, unless opt.AcceptJumps; so
// is a target far from what its series' latest figure reaches by its year,
// a growth target past ±TargetPace% a year, a target that looks like a
// fraction typed for a percent, or one far from the version it replaces
// (checkTargetSlips).
//
// A target read from a row of a targets download that says it is the version
// in force must be so in the store, or a new version that replaces it: a row
// restating a version replaced or withdrawn since (a download taken as of a
// past date), or dated before the version in force, is a problem at its
// published cell (checkVersionClaims). Any other row dated before the newest
// stored version of its target or figure is held to the version in force on
// its date (restated.go): the same is a restatement, counted unchanged, not
// written and named in a note; another value on the date of that version
// contradicts it and is a problem at its value; on another date it is kept
// as history.
//
// A figure whose file has no place for its status or stated growth (a
// table without the column, a wide table, a JSON item without the key)
// takes those of the stored vintage it is compared with when its value is
// the same, so that a re-push of the same numbers changes nothing
// (fillUnsaid); while the store cannot be read, a note says they did not.
//
// A file that held nothing (Batch.EmptyFiles) is named in a note; a batch
// of nothing else is refused at each such file.
//
// A batch with any problem (from Parse or found here) writes nothing: Apply
// returns the report with the problems and an EINVALID error. Store failures
// are returned as they come (EUNAVAILABLE when the backend is down).
//
// Each store call is atomic on its own; the batch is checked in full before
// the first of them, so only a store failure between the calls (not bad data)
// can leave the catalog written without the figures.
func Apply(ctx context.Context, st plancast.Store, b *Batch, opt ApplyOptions) (*Report, error) {
	rep := &Report{Files: b.Files, DryRun: opt.DryRun, Problems: []Problem{}, Notes: slices.Clone(b.Notes)}
	if len(b.empty) > 0 {
		if b.blank() {
			ps := make([]Problem, len(b.empty))
			for i, f := range b.empty {
				ps[i] = emptyFileProblem(f)
			}
			return rep.reject(ps)
		}
		rep.Notes = append(rep.Notes, EmptyFilesNote(b.empty))
	}
	if len(b.Problems) > 0 {
		return rep.reject(b.Problems)
	}
	regions, err := st.Regions(ctx)
	if err != nil {
		return nil, fmt.Errorf("read regions: %w", err)
	}
	indicators, err := st.Indicators(ctx)
	if err != nil {
		return nil, fmt.Errorf("read indicators: %w", err)
	}
	ps := problems{limit: DefaultMaxProblems}
	catalog := checkBatch(b, Catalog{Regions: regions, Indicators: indicators}, &ps)
	if len(ps.list) > 0 {
		b.Problems = sortProblems(ps.list)
		return rep.reject(b.Problems)
	}
	// The declarations of rates that may be percentages of a whole
	// (catalog.go): noted, or refused while figures past 0–100 are stored.
	rep.Notes = append(rep.Notes, wholeNotes(b, indicators)...)
	if note, err := checkNewlyWhole(ctx, st, b, indicators, &ps); err != nil {
		return nil, err
	} else if note != "" {
		rep.Notes = append(rep.Notes, note)
	}
	// What is stored under the batch's figures, read once: a dry run counts
	// against it, and a batch's withdrawals are checked against it.
	history, current, unreadable, unchecked, err := storedFigures(ctx, st, b, opt.DryRun)
	if err != nil {
		return nil, err
	}
	// A row takes the status and stated growth its file has no place for
	// from the stored figure it is compared with, when its value is the
	// same, before anything compares it with the store (fillUnsaid).
	fillUnsaid(b, history, current)
	latest := latestVintages(history)
	checkWithdrawals(b, latest, &ps)
	// Rows dated before a stored version that restate it are left out of
	// the write and counted unchanged (restated.go).
	skipObs, obsNote := checkRestatedFigures(b, history, &ps)
	// The stored target versions are read once: checkTargetHistory's read
	// is kept for the slips' check (targetVersions).
	kept := &versionsKept{TargetStore: st}
	skipTargets, notes, err := checkTargetHistory(ctx, kept, b, &ps)
	if err != nil {
		return nil, err
	}
	// The note saying what the unreadable stored figures left unchecked is
	// said once (figuresNote), and extended when the jumps' read or the
	// targets' finds the store so too: the jumps, the targets' slips, then
	// what storedFigures left undone.
	figuresNote, figuresWhy := -1, ""
	var jumpsNot bool
	var slipsNot string // which targets went without the stored figures (targetsUnchecked)
	figuresUnread := func(why string) {
		if figuresNote < 0 {
			figuresNote, figuresWhy = len(rep.Notes), why
			rep.Notes = append(rep.Notes, "")
		}
		var clauses []string
		if jumpsNot {
			clauses = append(clauses, jumpsUnchecked)
		}
		if slipsNot != "" {
			clauses = append(clauses, slipsNot)
		}
		rep.Notes[figuresNote] = unreadableNote("figures", figuresWhy, append(clauses, unchecked...)...)
	}
	if unreadable != "" {
		figuresUnread(unreadable)
	}
	for _, n := range append([]string{obsNote}, notes...) {
		if n != "" {
			rep.Notes = append(rep.Notes, n)
		}
	}
	if len(ps.list) > 0 {
		b.Problems = sortProblems(ps.list)
		return rep.reject(b.Problems)
	}
	if !opt.AcceptJumps {
		// down is the store as the jumps' read found it unavailable: the
		// targets' read of the same figures is then not sent (it would fail
		// the same way after its own round trip to InfluxDB). The reads of
		// storedFigures are of other kinds and do not set it.
		var down error
		series, err := readJumpSeries(ctx, st, b, skipObs, catalog)
		switch {
		case plancast.ErrorCode(err) == plancast.EUNAVAILABLE:
			down = err
			// A push the spool can keep while InfluxDB is down is not
			// refused for a check that reads it: the batch is judged
			// against itself alone, and the report says so.
			jumpsNot = true
			figuresUnread(plancast.ErrorMessage(err))
			series = batchJumpSeries(b, skipObs, nil)
		case err != nil:
			return nil, err
		}
		checkJumps(b, skipObs, series, catalog, &ps)
		// Targets are judged beside the latest figure of their series
		// (target_slips.go), read as the jumps' are; while the store
		// cannot be read, beside the batch's own figures.
		targetSeries, err := readTargetSeries(ctx, st, b, skipObs, skipTargets, catalog, down)
		switch {
		case plancast.ErrorCode(err) == plancast.EUNAVAILABLE:
			targetSeries, slipsNot = batchJumpSeries(b, skipObs, nil), targetsUnchecked(b, skipTargets, catalog)
			figuresUnread(plancast.ErrorMessage(err))
		case err != nil:
			return nil, err
		}
		// Targets are judged beside the versions they replace too, read as
		// checkTargetHistory read them; while they cannot be read, the
		// note on the stored targets says they were not.
		versions, why := targetVersions(ctx, kept, b, skipTargets)
		if why != "" {
			rep.Notes = versionsUnreadNote(rep.Notes, why)
		}
		checkTargetSlips(b, skipTargets, targetSeries, versions, catalog, &ps)
		if len(ps.list) > 0 {
			b.Problems = sortProblems(ps.list)
			return rep.reject(b.Problems)
		}
	}
	rep.Regions, rep.Indicators = len(b.Regions), len(b.Indicators)
	obs, targets := without(b.Observations, skipObs), without(b.Targets, skipTargets)
	if opt.DryRun {
		if err := rep.countObservations(obs, latest); err != nil {
			return nil, err
		}
		if err := rep.countTargets(ctx, st, targets); err != nil {
			return nil, err
		}
		rep.Unchanged += len(skipObs)
		rep.Targets.Unchanged += len(skipTargets)
		rep.Notes = append(rep.Notes, saidNotes(rep.Targets.TakeSaid(), rep.Targets.History, false)...)
		rep.Notes = append(rep.Notes, b.undatedNotes(rep)...)
		return rep, nil
	}
	if len(b.Regions) > 0 {
		if err := st.PutRegions(ctx, b.Regions); err != nil {
			return nil, fmt.Errorf("write regions: %w", err)
		}
	}
	if len(b.Indicators) > 0 {
		if err := st.PutIndicators(ctx, b.Indicators); err != nil {
			return nil, fmt.Errorf("write indicators: %w", err)
		}
	}
	if len(obs) > 0 {
		res, err := st.WriteObservations(ctx, obs)
		if err != nil {
			return nil, fmt.Errorf("write observations: %w", err)
		}
		rep.New, rep.Revised, rep.Unchanged, rep.Withdrawn, rep.History, rep.Queued = res.New, res.Revised, res.Unchanged, res.Withdrawn, res.History, res.Queued
		rep.Notes = append(rep.Notes, saidNotes(res.Said, res.History, true)...)
	}
	if len(targets) > 0 {
		res, err := st.WriteTargets(ctx, targets)
		if err != nil {
			return nil, fmt.Errorf("write targets: %w", err)
		}
		rep.Notes = append(rep.Notes, saidNotes(res.TakeSaid(), res.History, false)...)
		rep.Targets = res
	}
	rep.Unchanged += len(skipObs)
	rep.Targets.Unchanged += len(skipTargets)
	rep.Notes = append(rep.Notes, b.undatedNotes(rep)...)
	return rep, nil
}

// undatedNotes are the notes on the files of b whose rows carried no
// published date and took the day of the push (undatedFile.note), said of
// a push that was taken (or would be, in a dry run), of the kinds (figures,
// targets) it writes (rep: its counts).
func (b *Batch) undatedNotes(rep *Report) []string {
	figures := rep.New+rep.Revised+rep.History+rep.Queued > 0
	t := rep.Targets
	targets := t.New+t.Revised+t.History+t.Queued > 0
	var notes []string
	for _, u := range b.undated {
		if n := u.note(figures, targets); n != "" {
			notes = append(notes, n)
		}
	}
	return notes
}

// reject reports the problems ps and refuses the batch. The note that
// reading stopped at the limit (problems.add) is no problem of the batch:
// it goes with the notes, saying that the rest was not checked, and is
// not counted, so that 100 problems read "100 problems", not 101.
func (rep *Report) reject(ps []Problem) (*Report, error) {
	rep.Problems = make([]Problem, 0, len(ps))
	truncated := false
	for _, p := range ps {
		if p.truncation() {
			truncated = true
			rep.Notes = append(rep.Notes, p.Error()+"; the rest was not checked")
			continue
		}
		rep.Problems = append(rep.Problems, p)
	}
	rep.Rejected = rejectedRecords(rep.Problems)
	msg := countProblems(len(rep.Problems))
	if truncated {
		msg += " (and more not checked)"
	}
	msg += "; nothing was written"
	if len(rep.Problems) > 0 {
		msg += ". First: " + rep.Problems[0].Error()
	}
	return rep, plancast.Errorf(plancast.EINVALID, "%s", msg)
}

func countProblems(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}

// rejectedRecords counts the distinct rows (or JSON items) that have a problem.
func rejectedRecords(ps []Problem) int {
	seen := map[record]bool{}
	for _, p := range ps {
		if p.Row > 0 || p.Line > 0 {
			seen[p.record()] = true
		}
	}
	return len(seen)
}

// storedFigures reads every stored vintage (withdrawals included) of the
// figures of b's series, by figure, oldest first: all of them for a dry
// run, which counts every figure against the latest; else those of series
// the batch withdraws from, and those of series with a figure dated before
// today, which may restate a vintage revised since (checkRestatedFigures).
// A batch of figures stated today without withdrawals reads no vintages:
// the store compares the figures itself as it writes.
//
// Of the other figures, those whose file has no place for their status or
// stated growth (origin.unsaid) are compared with the latest stored figure
// of their year, which current holds (storedCurrent): fillUnsaid needs it,
// and nothing else does.
//
// When only the dated figures or those that leave something unsaid needed
// a read and the store cannot answer (InfluxDB down; the spool keeps the
// push), unreadable says why and unchecked what was left undone (for the
// note that says so), and the error is nil.
func storedFigures(ctx context.Context, st plancast.Store, b *Batch, dryRun bool) (history map[plancast.FigureKey][]plancast.Observation, current map[plancast.FigureKey]plancast.Observation, unreadable string, unchecked []string, err error) {
	obs := b.Observations
	var keys []plancast.SeriesKey
	var unsaidOnly []int // the figures read for what they leave unsaid alone
	needed, dated, unsaidAny, today := false, false, false, plancast.Today()
	for i := range obs {
		leaves := b.obsOrigin(i).unsaid() != 0
		unsaidAny = unsaidAny || leaves
		switch {
		case dryRun || obs[i].Withdrawn():
			needed = true
		case obs[i].Published.OrToday().Before(today):
			dated = true
		case leaves:
			unsaidOnly = append(unsaidOnly, i)
			continue
		default:
			continue
		}
		// A series once for each run of its rows, not once a row: sorting
		// 100,000 keys to compact them cost 0.1 s (storedHistory sorts).
		if k := obs[i].Key().SeriesKey; len(keys) == 0 || keys[len(keys)-1] != k {
			keys = append(keys, k)
		}
	}
	history, err = storedHistory(ctx, st, keys)
	if err == nil {
		current, err = storedCurrent(ctx, st, obs, unsaidOnly)
	}
	if err != nil && !needed && plancast.ErrorCode(err) == plancast.EUNAVAILABLE {
		if dated {
			unchecked = append(unchecked, restatedUnchecked)
		}
		if unsaidAny {
			unchecked = append(unchecked, unsaidUnfilled)
		}
		return nil, nil, plancast.ErrorMessage(err), unchecked, nil
	}
	return history, current, "", nil, err
}

// storedCurrent is the latest stored figure (value, status and stated
// growth) of each figure obs[i], i in which, that has one: the figures a
// push states today and whose file leaves their status or growth unsaid,
// which fillUnsaid compares with the latest. It reads the years of those
// figures alone (plancast.ReadFiguresBetween: a time range, and on InfluxDB
// the status in the same query), not every vintage of their series: a yearly
// push of new figures from a wide table reads its year, in which nothing is
// stored. Reading every vintage of each series took a yearly push of 10,000
// figures onto 90,000 into InfluxDB from about 5 s to 10-15 s; reading the
// vintages of the series with a same-valued figure alone still took a
// re-push of a year's 10,000 unchanged figures onto 100,000 10.0-10.9 s,
// against 6.1-7.3 s now (bench/repush.sh).
func storedCurrent(ctx context.Context, st plancast.Store, obs []plancast.Observation, which []int) (map[plancast.FigureKey]plancast.Observation, error) {
	if len(which) == 0 {
		return nil, nil
	}
	var keys []plancast.SeriesKey
	first, last := obs[which[0]].Year, obs[which[0]].Year
	for _, i := range which {
		first, last = min(first, obs[i].Year), max(last, obs[i].Year)
		if k := obs[i].Key().SeriesKey; len(keys) == 0 || keys[len(keys)-1] != k {
			keys = append(keys, k)
		}
	}
	stored, err := plancast.ReadFiguresBetween(ctx, st, plancast.SortedSeriesKeys(keys), first, last)
	if err != nil {
		return nil, fmt.Errorf("read the stored figures of the batch's years: %w", err)
	}
	if len(stored) == 0 {
		return nil, nil
	}
	out := make(map[plancast.FigureKey]plancast.Observation, len(which))
	for _, s := range stored {
		for _, o := range s.Observations {
			out[o.Key()] = o
		}
	}
	return out, nil
}

// What a push could not check while the stored figures or targets could not
// be read.
const (
	jumpsUnchecked    = "jumps were judged between the batch's own figures only"
	restatedUnchecked = "the rows dated before a stored version were not checked for restating it"
	unsaidUnfilled    = "the rows without a status or growth column (or key) did not take the stored figure's: one pushed again with the same value may count revised and lose the status and growth stored with it"
)

// unreadableNote is the one note on the stored figures or targets (what)
// that could not be read (why), and what that left unchecked.
func unreadableNote(what, why string, unchecked ...string) string {
	return "the stored " + what + " could not be read (" + why + "), so " + strings.Join(unchecked, ", and ")
}

// fillUnsaid gives each figure of b whose file has no place for its status
// or stated growth (origin.unsaid: a table without the column, a wide table
// never has a growth one, a JSON item without the key) those of the stored
// vintage it is compared with, when its value is the same as that vintage's
// (to 1e-9 relative, as plancast.SameFigure compares): a row says only what
// its file has a place for, so a re-push of the same numbers in a yearbook's
// wide table counts unchanged and keeps the stated growth (and its base
// year) and the status stored with them, as README promises ("A re-push of
// the same figure changes nothing"). Before, the row's defaults (no growth,
// status final) were taken as a revision: a wide table pushed again dropped
// the stated growth a growth target is judged on, and turned preliminary
// figures final.
//
// A figure with another value takes nothing: a new level voids the old
// growth statement, and its status is the row's own or the default (final).
// A place left blank (an empty cell in a status or growth column, "growth":
// null) says none and is kept, a revision when the stored figure had one. A
// figure takes only what its row leaves unsaid: a status column saying final
// over a stored preliminary figure of the same value revises it to final,
// with the stored growth when the table has no growth column.
//
// The vintage compared with is the one the figure is judged against: for a
// row dated before the newest stored vintage, the vintage served on its
// date (checkRestatedFigures), else the latest (the store's comparison,
// plancast.WriteResult.TallyFigure). A withdrawn one gives nothing. history
// and current are from storedFigures: a figure whose series history holds
// is compared with the vintage of its vintages it is judged against, any
// other with its latest figure in current; one in neither keeps its
// defaults.
func fillUnsaid(b *Batch, history map[plancast.FigureKey][]plancast.Observation, current map[plancast.FigureKey]plancast.Observation) {
	if len(history) == 0 && len(current) == 0 {
		return
	}
	for i := range b.Observations {
		u := b.obsOrigin(i).unsaid()
		if u == 0 {
			continue
		}
		o := &b.Observations[i]
		v := comparedVintage(o, history[o.Key()])
		if latest, ok := current[o.Key()]; v == nil && ok {
			v = &latest
		}
		if v == nil || v.Withdrawn() || o.Withdrawn() || !sameValue(v, o) {
			continue
		}
		if u&unsaidStatus != 0 {
			o.Status = v.Status
		}
		if u&unsaidGrowth != 0 {
			o.Growth, o.GrowthBaseYear = nil, v.GrowthBaseYear
			if v.Growth != nil {
				g := *v.Growth
				o.Growth = &g
			}
		}
	}
}

// comparedVintage is the vintage of vs (a figure's, oldest first) that o is
// compared with: the one served on o's date when o is dated before the
// newest and one was, else the newest; nil when vs is empty.
func comparedVintage(o *plancast.Observation, vs []plancast.Observation) *plancast.Observation {
	return comparedOn(o.Published.OrToday(), vs, figureDay)
}

// comparedOn is the version of vs (a figure's vintages or a target's
// versions, oldest first; day gives a version's date) that a row dated d is
// compared with: the newest when d is on or after its date, else the newest
// dated on or before d (the one served, or in force, on d), else the newest
// again (before every stored version: the store compares with the newest);
// nil when vs is empty.
func comparedOn[V any](d plancast.Date, vs []V, day func(*V) (plancast.Date, time.Time)) *V {
	if len(vs) == 0 {
		return nil
	}
	newest := &vs[len(vs)-1]
	if published, _ := day(newest); !d.Before(published) {
		return newest
	}
	for k := len(vs) - 1; k >= 0; k-- {
		if published, _ := day(&vs[k]); !published.After(d) {
			return &vs[k]
		}
	}
	return newest
}

// sameValue reports whether o has v's value, as plancast.SameFigure compares
// values (to 1e-9 relative, absolute below 1).
func sameValue(v, o *plancast.Observation) bool {
	w := *v
	w.Value = o.Value
	return plancast.SameFigure(v, &w)
}

// latestVintages is the latest stored vintage of each figure of history
// (storedFigures).
func latestVintages(history map[plancast.FigureKey][]plancast.Observation) map[plancast.FigureKey]plancast.Observation {
	if history == nil {
		return nil
	}
	latest := make(map[plancast.FigureKey]plancast.Observation, len(history))
	for k, vs := range history {
		latest[k] = vs[len(vs)-1]
	}
	return latest
}

// checkWithdrawals adds a problem, at its row, for every withdrawal in the
// batch of a figure that is not stored (latest: from storedFigures): the
// store would refuse the batch anyway (plancast.WriteResult.TallyFigure),
// but only here is the row known.
func checkWithdrawals(b *Batch, latest map[plancast.FigureKey]plancast.Observation, ps *problems) {
	for i := range b.Observations {
		o := &b.Observations[i]
		if _, found := latest[o.Key()]; o.Withdrawn() && !found {
			from := b.obsOrigin(i)
			ps.add(from.problem("", fieldStatus, "%s %s %s: no figure is stored to withdraw", o.Region, o.Indicator, figureWhen(*o)))
		}
	}
}

// countObservations counts what WriteObservations would do against latest
// (storedFigures), the way the store decides it
// (plancast.WriteResult.TallyFigure): no vintage yet is new, the same figure
// as the latest vintage is unchanged, anything else is a revision; a figure
// whose latest vintage is a withdrawal counts as absent.
func (rep *Report) countObservations(obs []plancast.Observation, latest map[plancast.FigureKey]plancast.Observation) error {
	var res plancast.WriteResult
	for i := range obs {
		o := &obs[i]
		prev, found := latest[o.Key()]
		if _, err := res.TallyFigure(i+1, o, &prev, found); err != nil {
			return err // checkWithdrawals has ruled this out, unless the store changed since
		}
	}
	rep.New, rep.Revised, rep.Unchanged, rep.Withdrawn, rep.History = res.New, res.Revised, res.Unchanged, res.Withdrawn, res.History
	rep.Notes = append(rep.Notes, saidNotes(res.Said, res.History, true)...)
	return nil
}

// targetReads are the reads that fetch the stored targets of ts's series: a
// few series, each alone; more, every target at once, as WriteTargets does,
// since a read per series is a round trip to InfluxDB (3,000 targets over
// 3,000 series took 34 s that way).
func targetReads(ts []plancast.Target) []plancast.TargetFilter {
	type pair struct{ region, indicator string }
	pairs := map[pair]bool{}
	for i := range ts {
		pairs[pair{ts[i].Region, ts[i].Indicator}] = true
	}
	if len(pairs) > targetReadsPerSeries {
		return []plancast.TargetFilter{{}}
	}
	var filters []plancast.TargetFilter
	for p := range pairs {
		filters = append(filters, plancast.TargetFilter{Region: p.region, Indicator: p.indicator})
	}
	return filters
}

// countTargets counts what WriteTargets would do: a target with a new key is
// new, one equal in every field to the stored one is unchanged, any other
// replaces it.
func (rep *Report) countTargets(ctx context.Context, st plancast.Store, ts []plancast.Target) error {
	stored := map[plancast.TargetKey]plancast.Target{}
	for _, f := range targetReads(ts) {
		list, err := st.Targets(ctx, f)
		if err != nil && plancast.ErrorCode(err) != plancast.ENOTFOUND {
			return fmt.Errorf("read the stored targets: %w", err)
		}
		for _, t := range list {
			stored[t.Key()] = t
		}
	}
	for i := range ts {
		t := &ts[i]
		prev, found := stored[t.Key()]
		if _, err := rep.Targets.TallyTarget(i+1, t, &prev, found); err != nil {
			return err
		}
	}
	return nil
}

// targetReadsPerSeries is the most series whose targets a dry run reads one
// series at a time before it reads all targets in one go instead.
const targetReadsPerSeries = 8
