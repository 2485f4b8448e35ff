package ingest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/plancast/plancast"
)

// An old document committed again after a later one changed what it said:
// the 2021 report (its text through the report reader, or a table whose
// rows carry its published date) pushed again after the mid-term review of
// 2023-06-01 lowered its 2025 GDP target from 250 to 230, or after the
// bureau revised its 2020 GDP from 120.8 to 121.5. Its rows claim no
// version (checkVersionClaims holds only a download's rows marked in
// force), and the store compares a row with the newest version alone: 250
// is not 230, so the row counted as a revision and was stored again as a
// version of 2021-04-20, each re-commit one more copy. The copy did not
// come into force (230 is dated later), but the push said "1 revised" where
// nothing had been decided, a planner reading it could only think 250 was
// back, and the copy, recorded later, took the original's place in every
// answer as of a day between (with the re-commit's source).
//
// A row dated d (its published date; the push's, or today, without one)
// before the newest stored version of its target or figure is judged
// against the version in force on d instead, the one an answer as of d
// gives:
//
//   - the same substance (SameTarget, SameFigure): a restatement of what
//     was known on d, by the document that said it or a later one repeating
//     it. Nothing is decided: it counts unchanged and is not written, and
//     the report's note names the version it restates and what replaced it,
//     so that no one reads the old value as back in force.
//   - another substance, and that version was set on d itself: the row says
//     the version of that day was something else than the store holds (the
//     document edited, or read otherwise). One of the two is wrong, and
//     storing the row would change the answer given as of d, which the
//     versions are kept to reproduce; it is a problem at the row's value,
//     naming the stored versions, and the batch writes nothing. A new
//     decision to set the value is a row dated the day it is set.
//   - another substance on a day no stored version was set (between two
//     versions, or before the first): a version the store did not know of,
//     a backfill (a mid-term review entered late). It is kept as history
//     (README: "A version dated before the one in force is kept as history
//     and does not replace it"), counted history, not revised, and named in
//     a note (plancast.WriteResult.TallyFigure, TallyTarget). So is a
//     figure with the substance of the newest vintage, dated before it
//     where another or none was served: an earlier release of the figure
//     served, the store did not know of (a figure pushed without a date,
//     dated the day of the push, pushed again with the date it was
//     published). The push used to count it unchanged without a word, the
//     date not taken, and an answer as of that date still lacked it; it is
//     now an earlier vintage, the newest keeping its date (a push moves no
//     vintage's date), said in its own note. A target with the substance of
//     the version in force stays unchanged whatever its date (a targets
//     download's rows claim the version in force with the date it was set,
//     checkVersionClaims).
//
// A row dated on or after the newest version, a later document going back to
// the old value or a row stated today, is a new decision and is compared with
// the newest as the store does: a revision that comes into force. A row dated
// the day of the newest version itself that says something else replaces
// that version in every answer as of that day on (the store serves the later
// recorded of a day's versions): a same-day correction, which is what it is
// only when the row is stated today or the versions of that day were pushed
// today (a bureau correcting this morning's push, whatever date its table
// carries). Otherwise the version has been served since an earlier day, and
// the row is an edit of an old download (a series or targets download
// carries each row's published date): taken, it rewrote what every answer
// as of that day had given, the assessment presented to the People's
// Congress among them. It is a problem at its published date
// (sameDayCorrection), saying how to revise the value now. Withdrawals
// of targets are the store's to judge (TallyTarget refuses one dated before
// the version in force); a withdrawal of a figure is a restatement when the
// figure was already withdrawn on its date, and otherwise judged as any row.

// checkRestatedTargets judges every target of b that claims no version and
// is dated before the newest stored version of its key (versions: from
// storedTargetVersions, oldest first), or on its day. It returns the indices
// of the restatements, to leave out of the write, and a note naming them; a
// contradiction of a stored version of the same date is a problem, unless
// it is a same-day correction of the newest (sameDayCorrection).
func checkRestatedTargets(b *Batch, versions map[plancast.TargetKey][]plancast.Target, ps *problems) (skip map[int]bool, note string) {
	var said []string
	for i := range b.Targets {
		t := &b.Targets[i]
		from := b.targetOrigin(i)
		vs := versions[t.Key()]
		if t.Withdrawn || from.claim != nil || len(vs) == 0 {
			continue
		}
		d := t.Published.OrToday()
		if cur := &vs[len(vs)-1]; !d.Before(cur.Published) {
			// On or after the newest version: a new decision, the newest
			// restated, or a correction of the newest on its own day.
			if d.Equal(cur.Published) && !plancast.SameTarget(cur, t) && !sameDayCorrection(d, vs, targetDay) {
				was := plancast.TargetSubstance(cur, t)
				if cur.Withdrawn {
					was = "a withdrawal"
				}
				ps.add(from.problem("", fieldPublished, "%s differs from the version set that day (%s%s%s): %s; to set %s now, %s",
					targetRowText(t, d), was, inForceNow(cur), pushedOn(cur.Recorded), rewritesSince(d, "version"), plancast.TargetSubstance(t, cur), dateItToday()))
			}
			continue
		}
		j := -1 // the version in force on d
		for k := range vs {
			if vs[k].InForce(d) {
				j = k
			}
		}
		if j < 0 {
			continue // before every stored version: history the store did not have
		}
		v := &vs[j]
		what := targetRowText(t, d)
		switch {
		case plancast.SameTarget(v, t):
			if skip == nil {
				skip = map[int]bool{}
			}
			skip[i] = true
			said = append(said, b.noteAt(from.record, "targets", i).problem("", "", "%s restates the version %s, which was %s",
				what, setOn(v.Published), replacedSince(vs, j)).Error())
		case v.Published.Equal(d):
			was := num(v.Value)
			if v.Withdrawn {
				was = "a withdrawal"
			}
			ps.add(from.problem(from.valueCol, fieldValue, "%s contradicts the version set on that date (%s), which was %s; "+
				"a push does not rewrite a past version: to set %s now, write in published the date it is set",
				what, was, replacedSince(vs, j), num(t.Value)))
		}
	}
	return skip, restatedNote(said, "target", "targets", "a version replaced since", "versions replaced since", "to set an old value again, write in published the date it is set again")
}

// targetRowText names a target row dated d as its problems do:
// "yunhe gdp 15th-fyp level 2030: 230, dated 2026-01-15,".
func targetRowText(t *plancast.Target, d plancast.Date) string {
	return fmt.Sprintf("%s %s %s %s %d: %s, dated %s,", t.Region, t.Indicator, t.Plan, t.Kind, t.Year, num(t.Value), d)
}

// replacedSince says what became of version j of a target's versions (oldest
// first, j not the newest): "replaced on 2023-06-01 by 230, the version in
// force", "withdrawn on 2022-01-10", and what is in force now when that is
// yet another version.
func replacedSince(vs []plancast.Target, j int) string {
	next, cur := &vs[j+1], &vs[len(vs)-1]
	what := fmt.Sprintf("replaced %s by %s", on(next.Published), num(next.Value))
	if next.Withdrawn {
		what = "withdrawn " + on(next.Published)
	}
	switch {
	case next == cur && !cur.Withdrawn:
		what += ", the version in force"
	case next != cur && cur.Withdrawn:
		what += fmt.Sprintf(" (and withdrawn %s)", on(cur.Published))
	case next != cur:
		what += fmt.Sprintf(" (in force now: %s, %s)", num(cur.Value), setOn(cur.Published))
	}
	return what
}

// checkRestatedFigures judges every figure of b dated before the newest
// stored vintage of its figure (history: from storedHistory, oldest first),
// or on its day, as checkRestatedTargets judges targets.
func checkRestatedFigures(b *Batch, history map[plancast.FigureKey][]plancast.Observation, ps *problems) (skip map[int]bool, note string) {
	var said []string
	for i := range b.Observations {
		o := &b.Observations[i]
		vs := history[o.Key()]
		if len(vs) == 0 {
			continue
		}
		d := o.Published.OrToday()
		if cur := &vs[len(vs)-1]; !d.Before(cur.Published) {
			if d.Equal(cur.Published) && !sameVintage(cur, o) && !sameDayCorrection(d, vs, figureDay) {
				served := ", the figure served"
				if cur.Withdrawn() {
					served = ""
				}
				ps.add(b.obsOrigin(i).problem("", fieldPublished, "%s %s %s: %s, published %s, differs from the vintage published that day (%s%s%s): %s; to revise the figure, %s",
					o.Region, o.Indicator, figureWhen(*o), vintageText(o), d, vintageText(cur), served, pushedOn(cur.Recorded), rewritesSince(d, "vintage"), dateItToday()))
			}
			continue
		}
		j := -1 // the vintage served on d
		for k := range vs {
			if !vs[k].Published.After(d) {
				j = k
			}
		}
		if j < 0 {
			continue
		}
		v := &vs[j]
		from := b.obsOrigin(i)
		what := fmt.Sprintf("%s %s %s: %s, published %s,", o.Region, o.Indicator, figureWhen(*o), vintageText(o), d)
		switch {
		case plancast.SameFigure(v, o):
			if skip == nil {
				skip = map[int]bool{}
			}
			skip[i] = true
			said = append(said, b.noteAt(from.record, "observations", i).problem("", "", "%s restates the vintage published %s, which was %s",
				what, v.Published, revisedSince(vs, j)).Error())
		case v.Published.Equal(d):
			ps.add(from.problem(from.valueCol, fieldValue, "%s contradicts the vintage published that day (%s), which was %s; "+
				"a push does not rewrite a past vintage: to revise the figure, give it the date it is published (or none: today)",
				what, vintageText(v), revisedSince(vs, j)))
		}
	}
	return skip, restatedNote(said, "figure", "figures", "a vintage revised since", "vintages revised since", "to revise a figure, give it the date it is published")
}

// sameDayCorrection reports whether a row dated d, the day of the newest of
// vs (a figure's vintages or a target's versions, oldest first), that says
// something else than that version may replace it: when d is today (the row
// is stated today, or carries no date), or when every stored version dated d
// was pushed today, so that the correction is of a push made today and no
// answer given before today read what it replaces. day gives a version's
// date and when it was recorded.
func sameDayCorrection[V any](d plancast.Date, vs []V, day func(*V) (plancast.Date, time.Time)) bool {
	today := plancast.Today()
	if !d.Before(today) {
		return true
	}
	for k := len(vs) - 1; k >= 0; k-- {
		published, recorded := day(&vs[k])
		if !published.Equal(d) {
			break
		}
		if plancast.DateOf(recorded).Before(today) {
			return false
		}
	}
	return true
}

func figureDay(o *plancast.Observation) (plancast.Date, time.Time) { return o.Published, o.Recorded }
func targetDay(t *plancast.Target) (plancast.Date, time.Time)      { return t.Published, t.Recorded }

// sameVintage reports whether o says what the stored vintage v says, as
// the store judges it (plancast.WriteResult.TallyFigure): the same figure,
// or a withdrawal of one withdrawn.
func sameVintage(v, o *plancast.Observation) bool {
	if v.Withdrawn() || o.Withdrawn() {
		return v.Withdrawn() && o.Withdrawn()
	}
	return plancast.SameFigure(v, o)
}

// pushedOn says when a version was pushed: ", pushed on 2024-03-16", or
// "" when the store did not record it.
func pushedOn(recorded time.Time) string {
	if recorded.IsZero() {
		return ""
	}
	return ", pushed on " + plancast.DateOf(recorded).String()
}

// inForceNow says of the newest version of a target that it is in force:
// ", the version in force", or "" when it is a withdrawal.
func inForceNow(t *plancast.Target) string {
	if t.Withdrawn {
		return ""
	}
	return ", the version in force"
}

// rewritesSince says why a row dated d may not replace the version
// (version: "vintage" or "version") of that day pushed on an earlier day.
func rewritesSince(d plancast.Date, version string) string {
	return fmt.Sprintf("taken, it would replace that %[1]s in every answer as of %[2]s or later, rewriting what those answers gave "+
		"(a %[1]s is corrected under its own date only on the day it was pushed; an edited download carries the dates of the %[1]ss it was taken from)", version, d)
}

// dateItToday says how to set a value now rather than rewrite a past
// version: a row of today's date.
func dateItToday() string {
	return fmt.Sprintf("date it today: write %s in published, or leave published empty "+
		"(a row without a date takes the push's: today, unless --published or ?published= gives another)", plancast.Today())
}

// vintageText is a figure as a vintage says it: its value (and status and
// stated growth, figureText), or "a withdrawal".
func vintageText(o *plancast.Observation) string {
	if o.Withdrawn() {
		return "a withdrawal"
	}
	return figureText(o)
}

// revisedSince says what became of vintage j of a figure's vintages (oldest
// first, j not the newest): "revised on 2022-03-01 to 121.5, the figure
// served", "withdrawn on 2022-05-01", and what is served now when that is
// yet another vintage.
func revisedSince(vs []plancast.Observation, j int) string {
	next, cur := &vs[j+1], &vs[len(vs)-1]
	what := fmt.Sprintf("revised on %s to %s", next.Published, figureText(next))
	switch {
	case next.Withdrawn():
		what = "withdrawn on " + next.Published.String()
	case sameVintage(&vs[j], next):
		// The same figure dated earlier by a later push (TallyFigure): not
		// a revision.
		what = "published again on " + next.Published.String()
	}
	switch {
	case next == cur && !cur.Withdrawn():
		what += ", the figure served"
	case next != cur && cur.Withdrawn():
		what += fmt.Sprintf(" (and withdrawn on %s)", cur.Published)
	case next != cur:
		what += fmt.Sprintf(" (served now: %s, published %s)", figureText(cur), cur.Published)
	}
	return what
}

// noteAt is where a note says item i of a batch was read: its record, or
// for a batch built by hand (the report reader's), whose items have the
// placeholder records obsOrigin and targetOrigin give them ("targets row
// 3", a row no file has), the batch's one file, or nothing.
func (b *Batch) noteAt(r record, list string, i int) record {
	switch {
	case r != (record{File: list, Row: i + 1}):
		return r
	case len(b.Files) == 1:
		return record{File: b.Files[0]}
	}
	return record{}
}

// restatedNote is the report's note on the rows left out as restatements
// (said: one line each, where and what), the first few named.
func restatedNote(said []string, one, many, aVersion, versions, howTo string) string {
	n := len(said)
	if n == 0 {
		return ""
	}
	const most = 5
	if n > most {
		said = append(said[:most:most], fmt.Sprintf("and %d more", n-most))
	}
	head := fmt.Sprintf("1 %s restates %s, so it counts unchanged and is not stored again", one, aVersion)
	if n > 1 {
		head = fmt.Sprintf("%d %s restate %s, so they count unchanged and are not stored again", n, many, versions)
	}
	return head + ": " + strings.Join(said, "; ") + "; " + howTo
}

// storedHistory reads every stored vintage of the figures of obs's series
// that keys selects, by figure, oldest first (plancast.NewerVintage's order,
// the order ReadVintagesOf gives within a year).
func storedHistory(ctx context.Context, st plancast.SeriesReader, keys []plancast.SeriesKey) (map[plancast.FigureKey][]plancast.Observation, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	// One bulk read where the store has it: a read per series is a round
	// trip to InfluxDB (10,000 series took four minutes).
	stored, err := plancast.ReadVintagesOf(ctx, st, plancast.SortedSeriesKeys(keys))
	if err != nil {
		return nil, fmt.Errorf("read the stored vintages: %w", err)
	}
	out := map[plancast.FigureKey][]plancast.Observation{}
	for _, vs := range stored {
		for _, o := range vs {
			out[o.Key()] = append(out[o.Key()], o)
		}
	}
	return out, nil
}

// without returns list without the items whose index skip holds.
func without[T any](list []T, skip map[int]bool) []T {
	if len(skip) == 0 {
		return list
	}
	out := make([]T, 0, len(list)-len(skip))
	for i := range list {
		if !skip[i] {
			out = append(out, list[i])
		}
	}
	return out
}
