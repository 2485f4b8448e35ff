package ingest

import (
	"fmt"
	"io"
	"strings"

	"github.com/plancast/plancast"
)

// Report says what a push did (or, for a dry run, would do). It is the answer
// of POST /api/v1/observations and what "plancast ingest" prints.
type Report struct {
	Files []string `json:"files"`
	// New, Revised and Unchanged count figures: never seen, a new vintage of a
	// changed figure, served from now on, identical to the latest vintage
	// (nothing written).
	New       int `json:"new"`
	Revised   int `json:"revised"`
	Unchanged int `json:"unchanged"`
	// History counts figures dated before the vintage served that differ
	// from it: kept as earlier vintages, readable as of their dates, while
	// the figure served stays (plancast.WriteResult.History); a note names
	// them.
	History int `json:"history"`
	// Withdrawn counts figures taken back (status withdrawn).
	Withdrawn int `json:"withdrawn"`
	// Queued counts figures accepted into the server's durable spool because
	// the store could not take them now; they are written when it returns.
	Queued int `json:"queued"`
	// Rejected counts the rows or items with a problem. When it is not zero
	// nothing was written and New, Revised and Unchanged are zero.
	Rejected int `json:"rejected"`
	// Targets counts targets the same way.
	Targets plancast.WriteResult `json:"targets"`
	// Regions and Indicators count the catalog entries the push declared.
	Regions    int       `json:"regions"`
	Indicators int       `json:"indicators"`
	Problems   []Problem `json:"problems"`
	// Notes say what the checks could not do, e.g. compare with the stored
	// figures while the store was down, and what was read but left out on
	// purpose (Batch.Notes: the rows of a targets download that are versions
	// no longer in force).
	Notes  []string `json:"notes,omitempty"`
	DryRun bool     `json:"dry_run"`
}

// Written reports whether the push changed anything.
func (r *Report) Written() bool {
	return !r.DryRun && len(r.Problems) == 0 && r.New+r.Revised+r.Withdrawn+r.History+r.Queued+r.Targets.Changed()+r.Targets.Queued+r.Regions+r.Indicators > 0
}

// WriteText writes the report for a person: the counts on one line, then
// each problem on its own line.
//
//	houma.csv: 12 new, 3 revised, 40 unchanged, 0 rejected
//	targets: 2 new, 0 revised, 1 unchanged
//	dry run: nothing was written
//
// A push that withdrew figures or targets says so after "revised":
// "2 new, 0 revised, 2 withdrawn, 0 unchanged"; one that kept figures or
// targets as history (dated before the version served) says so too:
// "0 new, 0 revised, 1 kept as history, 0 unchanged".
func (r *Report) WriteText(w io.Writer) error { return r.writeText(w, "nothing was written") }

// WriteTextAfterOthers writes the report of a file pushed on its own after
// other files were written (plancast ingest --server): as WriteText, but its
// problems say that nothing of this file was written, not nothing at all.
func (r *Report) WriteTextAfterOthers(w io.Writer) error {
	return r.writeText(w, "nothing of this file was written")
}

// writeText writes the report; nothing is what a report with problems says
// was written.
func (r *Report) writeText(w io.Writer, nothing string) error {
	var b strings.Builder
	files := strings.Join(r.Files, ", ")
	if files == "" {
		files = "push"
	}
	fmt.Fprintf(&b, "%s: %d new, %d revised%s%s, %d unchanged, %d rejected\n", files, r.New, r.Revised, withdrawnText(r.Withdrawn), historyText(r.History), r.Unchanged, r.Rejected)
	if t := r.Targets; t.Changed()+t.Unchanged > 0 {
		fmt.Fprintf(&b, "targets: %d new, %d revised%s%s, %d unchanged\n", t.New, t.Revised, withdrawnText(t.Withdrawn), historyText(t.History), t.Unchanged)
	}
	if r.Regions+r.Indicators > 0 {
		fmt.Fprintf(&b, "catalog: %d regions, %d indicators declared\n", r.Regions, r.Indicators)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	switch {
	case len(r.Problems) > 0:
		fmt.Fprintf(&b, "%s; %s:\n", countProblems(len(r.Problems)), nothing)
		for _, p := range r.Problems {
			fmt.Fprintf(&b, "  %s\n", p.Error())
		}
	case r.DryRun:
		b.WriteString("dry run: nothing was written\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// withdrawnText is ", N withdrawn", or nothing when nothing was withdrawn
// (most pushes), so that their reports read as before.
func withdrawnText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d withdrawn", n)
}

// historyText is ", N kept as history", or nothing when none was (most
// pushes).
func historyText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d kept as history", n)
}

// saidNotes are the report's notes on what a write said of its items
// (plancast.WriteSaid): the figures or targets (figures tells which) kept
// as history, history of them, and those that replaced a stored version
// dated the same day. A same-day correction is accepted, as a push dated
// the day of the newest version is a new decision of that day, but the
// answer as of that day changes, so it is said.
func saidNotes(s *plancast.WriteSaid, history int, figures bool) []string {
	if s == nil {
		return nil
	}
	one, many := "target", "targets"
	version, versions, served, howTo := "the version in force", "the versions in force", "what is in force does not change",
		"to put a target in force, date it on or after the version in force (or give it no date: today)"
	sameDay := "the version set the same day"
	if figures {
		one, many = "figure", "figures"
		version, versions, served, howTo = "the vintage served", "the vintages served", "what is served does not change",
			"to have a figure served, date it on or after the served one (or give it no date: today)"
		sameDay = "the vintage published the same day"
	}
	var notes []string
	history -= s.DatedCount // said apart, below
	if len(s.History) > 0 {
		head := fmt.Sprintf("1 %s is dated before %s, so it is kept as history (read as of its date) and %s", one, version, served)
		if history > 1 {
			head = fmt.Sprintf("%d %s are dated before %s, so they are kept as history (read as of their dates) and %s", history, many, versions, served)
		}
		notes = append(notes, head+": "+saidList(s.History, history)+"; "+howTo)
	}
	if len(s.Replaced) > 0 {
		head := fmt.Sprintf("1 %s replaced %s (a same-day correction)", one, sameDay)
		if s.ReplacedCount > 1 {
			head = fmt.Sprintf("%d %s replaced %s (same-day corrections)", s.ReplacedCount, many, sameDay)
		}
		notes = append(notes, head+": "+saidList(s.Replaced, s.ReplacedCount))
	}
	if len(s.Dated) > 0 {
		notes = append(notes, datedNote(s))
	}
	return notes
}

// datedNote is the note on the figures pushed again, the same, with a date
// before the vintage served (plancast.WriteResult.TallyFigure): a figure
// pushed without a date, dated the day of the push, pushed again with the
// date it was published. The date is taken as an earlier vintage, and the
// later one stays: a push moves no vintage's date.
func datedNote(s *plancast.WriteSaid) string {
	head := "1 figure is stored already with a later date (the vintage served), so the earlier date this push gives it is kept as history: " +
		"an earlier vintage of the same figure, which an answer as of that date or later now reads; the vintage served keeps its own date " +
		"(a push moves no vintage's date) and what is served does not change"
	if s.DatedCount > 1 {
		head = fmt.Sprintf("%d figures are stored already with later dates (the vintages served), so the earlier dates this push gives them are kept as history: "+
			"each an earlier vintage of the same figure, which an answer as of its date or later now reads; the vintages served keep their own dates "+
			"(a push moves no vintage's date) and what is served does not change", s.DatedCount)
	}
	return head + ": " + saidList(s.Dated, s.DatedCount)
}

// saidList joins the items named, and says how many more of all there were.
func saidList(named []string, all int) string {
	list := strings.Join(named, "; ")
	if all > len(named) {
		list += fmt.Sprintf("; and %d more", all-len(named))
	}
	return list
}
