package ingest

import (
	"context"
	"fmt"
	"sort"

	"github.com/plancast/plancast"
)

// A targets download (GET /api/v1/targets?format=csv or xlsx) marks each
// row's version "in force", and with as_of it gives the versions in force
// on that date: the same table, the same marks, only the values and the
// published dates older. Nothing in the file says the date it was taken
// as of (the CSV is one rectangle), so the rows are held to the store
// instead: a row that says it is in force must be the version in force
// now, or a new version that takes its place. Pushed back unchecked, a
// download as of 2022-01-01 counted the versions set before then as
// revisions of the ones in force and stored them again, and a planner read
// "revised" where nothing had been decided; a version stored without a date
// (before versions were dated) comes out of a download with a blank date,
// which reads as the push's, and would have been put back in force.

// checkTargetHistory holds the targets of b to the stored versions of
// their keys, read once: a row that leaves its base year or binding unsaid
// first takes the stored version's (fillUnsaidTargets); then the rows that
// say they are the version in force (checkVersionClaims) and the rows dated
// before a stored version (checkRestatedTargets, restated.go) are checked.
// It returns the indices of the targets that restate a stored version, to
// leave out of the write, and the notes for the report. When the stored
// targets cannot be read (InfluxDB down; the spool keeps the push) a note
// says what was not checked instead, as checkJumps does for figures.
func checkTargetHistory(ctx context.Context, st plancast.TargetStore, b *Batch, ps *problems) (skip map[int]bool, notes []string, err error) {
	// claimed: a row says it is the version in force; other: a row that may
	// restate a stored version; dated: one of those dated before today.
	// While the versions cannot be read, only a row dated before today is
	// said to be unchecked for restating one: a row stated today is a new
	// decision, as a figure stated today is (storedFigures).
	claimed, other, dated, leaves := false, false, false, false
	today := plancast.Today()
	for i := range b.Targets {
		if b.Targets[i].Withdrawn {
			continue
		}
		leaves = leaves || b.targetOrigin(i).unsaid()&(unsaidBaseYear|unsaidBinding) != 0
		if b.targetOrigin(i).claim != nil {
			claimed = true
		} else {
			other = true
			dated = dated || b.Targets[i].Published.OrToday().Before(today)
		}
	}
	if !claimed && !other {
		return nil, nil, nil
	}
	stored, err := storedTargetVersions(ctx, st, b.Targets)
	switch {
	case plancast.ErrorCode(err) == plancast.EUNAVAILABLE:
		var unchecked []string
		if claimed {
			unchecked = append(unchecked, "the rows marked in force were not checked against the versions stored since")
		}
		if dated {
			unchecked = append(unchecked, restatedUnchecked)
		}
		if leaves {
			unchecked = append(unchecked, targetUnsaidUnfilled)
		}
		if len(unchecked) > 0 {
			notes = append(notes, unreadableNote("targets", plancast.ErrorMessage(err), unchecked...))
		}
		return nil, notes, nil
	case err != nil:
		return nil, nil, err
	}
	fillUnsaidTargets(b, stored)
	checkVersionClaims(b, stored, ps)
	skip, note := checkRestatedTargets(b, stored, ps)
	if note != "" {
		notes = append(notes, note)
	}
	return skip, notes, nil
}

// targetUnsaidUnfilled is what a push could not do for the targets that
// leave their base year or binding unsaid while the stored versions could
// not be read (fillUnsaidTargets).
const targetUnsaidUnfilled = "the rows without a base year or binding column (or key) did not take the stored version's: " +
	"one pushed again with the same value may count revised, without the base year and binding stored with it"

// fillUnsaidTargets gives each target of b whose file has no place for its
// base year or binding (unsaidBaseYear, unsaidBinding: a table without the
// column, a JSON item without the key) those of the stored version it is
// compared with (versions: from storedTargetVersions, oldest first), as
// fillUnsaid does a figure's status and stated growth: a row says only what
// its file has a place for. Re-pushing the seed's Houma GDP target,
// [{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level",
// "year":2025,"value":250}], without the base year 2020 it was stored with,
// counted "1 revised": a version dated the day of the push replaced the one
// in force, whose source quote and note were lost, and the assessment's
// trail showed a change of target on a day nothing changed. It now counts
// unchanged, and the first source stays (README: "A target restated by a
// later document with the same substance ... is unchanged").
//
// Unlike a figure's stated growth, which belongs to its level, a target's
// base year and binding do not depend on its value: a target revised to
// another value with them unsaid keeps them (a mid-term review that lowers
// a binding target does not make it expected, nor move its base year), and
// is a revision for its value. To change either, the row says it: a base
// year or binding column (or key), which a blank cell (or null) in says
// none (no base year; expected), a revision when the stored version had one.
//
// The version compared with is the one the row is judged against: for a row
// dated before the newest stored version, the version in force on its date
// (checkRestatedTargets), else the newest (the store's comparison,
// plancast.WriteResult.TallyTarget). A withdrawal gives nothing: the
// target is set anew.
func fillUnsaidTargets(b *Batch, versions map[plancast.TargetKey][]plancast.Target) {
	for i := range b.Targets {
		u := b.targetOrigin(i).unsaid() & (unsaidBaseYear | unsaidBinding)
		t := &b.Targets[i]
		if u == 0 || t.Withdrawn {
			continue
		}
		v := comparedVersion(t, versions[t.Key()])
		if v == nil || v.Withdrawn {
			continue
		}
		if u&unsaidBaseYear != 0 {
			t.BaseYear = v.BaseYear
		}
		if u&unsaidBinding != 0 {
			t.Binding = v.Binding
		}
	}
}

// comparedVersion is the version of vs (a target's, oldest first) that t is
// compared with: the one in force on t's date when t is dated before the
// newest and one was, else the newest; nil when vs is empty.
func comparedVersion(t *plancast.Target, vs []plancast.Target) *plancast.Target {
	return comparedOn(t.Published.OrToday(), vs, targetDay)
}

// checkVersionClaims adds a problem for every target of b read from a row
// that says it is the version in force (targetOrigin.claim) when the store
// says otherwise (stored: its key's versions, oldest first): the row
// restates a stored version that a later one replaced or a withdrawal
// ended, or it is dated before the version in force and so could not
// replace it. A target equal to the one in force is unchanged whatever its
// date.
func checkVersionClaims(b *Batch, stored map[plancast.TargetKey][]plancast.Target, ps *problems) {
	for i := range b.Targets {
		t := &b.Targets[i]
		from := b.targetOrigin(i)
		if from.claim == nil || t.Withdrawn {
			continue
		}
		if msg := staleVersion(t, from.claim.undated, stored[t.Key()]); msg != "" {
			ps.add(from.problem(from.claim.publishedCol, fieldPublished, "%s %s %s %s %d: %s", t.Region, t.Indicator, t.Plan, t.Kind, t.Year, msg))
		}
	}
}

// staleVersion says why t, read from a row that says it is in force, is
// not (versions: its key's stored versions, oldest first), or "" when it is
// the version in force or a new version that replaces it. undated: the
// row's published cell is blank, as a download leaves it for a version
// stored without a date.
func staleVersion(t *plancast.Target, undated bool, versions []plancast.Target) string {
	if len(versions) == 0 {
		return ""
	}
	cur := &versions[len(versions)-1]
	if plancast.SameTarget(cur, t) {
		return "" // the version in force, restated: unchanged
	}
	// The newest stored version the row restates: set on its date, with
	// its substance.
	restated := -1
	for j := len(versions) - 1; j >= 0; j-- {
		v := &versions[j]
		if (v.Published.Equal(t.Published) || undated && v.Published.IsZero()) && plancast.SameTarget(v, t) {
			restated = j
			break
		}
	}
	keep := "keep " + num(cur.Value)
	if cur.Withdrawn {
		keep = "keep it withdrawn"
	}
	// How to go on deliberately: a date of its own makes the row a new
	// version, which replaces the one in force.
	howTo := func(set string) string {
		return fmt.Sprintf("%s; to %s, leave the row out or push a download of the targets in force now (without as_of)", set, keep)
	}
	if restated >= 0 {
		v := &versions[restated]
		return fmt.Sprintf("the row restates the version %s (%s), which was %s (a download taken as of an earlier date?); %s",
			setOn(v.Published), num(v.Value), replacedSince(versions, restated), howTo(fmt.Sprintf("to set %s again, write in published the date it is set again", num(t.Value))))
	}
	if t.Published.Equal(cur.Published) && !cur.Withdrawn && !sameDayCorrection(t.Published, versions, targetDay) {
		// An edited row of a download of the targets in force: dated the
		// day the version in force was set, pushed on an earlier day, it
		// would replace that version as of its own date (restated.go).
		return fmt.Sprintf("the row is marked in force and dated %s, the day the version in force (%s%s) was set, but says %s: %s; "+
			"to set %s now, write %s in published; to keep %s, put it back in the row or leave the row out",
			t.Published, plancast.TargetSubstance(cur, t), pushedOn(cur.Recorded), plancast.TargetSubstance(t, cur), rewritesSince(t.Published, "version"), plancast.TargetSubstance(t, cur), plancast.Today(), plancast.TargetSubstance(cur, t))
	}
	if !t.Published.Before(cur.Published) {
		return "" // a new version, set on or after the one in force: a revision
	}
	before := fmt.Sprintf("before the version in force (%s, %s), so it would be kept as history and not put in force", num(cur.Value), setOn(cur.Published))
	if cur.Withdrawn {
		before = fmt.Sprintf("before the target was withdrawn %s, so it would be kept as history and the target stay withdrawn", on(cur.Published))
	}
	return fmt.Sprintf("the row is marked in force but dated %s, %s (a download taken as of an earlier date, edited?); %s",
		t.Published, before, howTo(fmt.Sprintf("to set %s, write in published the date it is set", num(t.Value))))
}

// setOn says when a version was set: "set on 2021-04-20", or that it was
// stored before versions were dated.
func setOn(d plancast.Date) string {
	if d.IsZero() {
		return "stored without a date"
	}
	return "set on " + d.String()
}

// on says the date a later version took effect: "on 2023-06-01", or
// "later" for one stored without a date.
func on(d plancast.Date) string {
	if d.IsZero() {
		return "later"
	}
	return "on " + d.String()
}

// storedTargetVersions reads every stored version of the targets of ts's
// series, by key, oldest first (plancast.NewerTarget's order).
func storedTargetVersions(ctx context.Context, st plancast.TargetStore, ts []plancast.Target) (map[plancast.TargetKey][]plancast.Target, error) {
	out := map[plancast.TargetKey][]plancast.Target{}
	for _, f := range targetReads(ts) {
		list, err := st.TargetVersions(ctx, f)
		if err != nil && plancast.ErrorCode(err) != plancast.ENOTFOUND {
			return nil, fmt.Errorf("read the stored target versions: %w", err)
		}
		for _, t := range list {
			out[t.Key()] = append(out[t.Key()], t)
		}
	}
	for _, vs := range out {
		sort.SliceStable(vs, func(i, j int) bool { return plancast.NewerTarget(&vs[j], &vs[i]) })
	}
	return out, nil
}
