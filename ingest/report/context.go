package report

import (
	"fmt"
	"regexp"
	"strings"
)

// Document kinds. The kind decides which year an undated figure belongs to:
// a government work report delivered in year Y reviews Y-1 and sets targets
// for Y; a communiqué, a summary and a plan are about their own year.
const (
	kindWorkReport = "work_report"
	kindCommunique = "communique"
	kindSummary    = "summary"
	kindPlan       = "plan" // a breakdown of the year's tasks: all targets
	kindOther      = "other"
)

// documentKind reads the kind off the title and first lines.
func documentKind(text string) string {
	head := text[:min(len(text), 800)]
	switch {
	case cues.planDocument.in(head):
		return kindPlan
	case cues.communique.in(head):
		return kindCommunique
	case cues.workReport.in(head):
		return kindWorkReport
	case cues.summary.in(head):
		return kindSummary
	}
	return kindOther
}

// Section modes, set by headings.
type sectionMode int

const (
	sectionUnknown sectionMode = iota
	sectionReview              // a review of what was done: figures
	sectionPlan                // goals, tasks, arrangements: targets
)

// headingPattern: a short line starting with a section ordinal.
var headingPattern = regexp.MustCompile(`(?i)^(?:[一二三四五六七八九十]+、|[IVX]+[.、]\s*|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?[,，]\s*|第[一二三四五六七八九十]+(?:部分|章|节)|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、]\s*)`)

// section is what the latest heading says about the text under it.
type section struct {
	mode sectionMode
	plan int // the Five-Year Plan the heading names, 0 for none
	year int // the year the heading names, 0 for none
}

// readHeading updates the section from a paragraph if it is a heading that
// says what follows. Headings that say neither review nor plan leave it.
func (s *section) readHeading(text string) bool {
	if len(text) > 200 {
		return false
	}
	// A heading starts with a section ordinal, or is a short line without
	// sentence punctuation ("Review of the 13th Five-Year Plan").
	if !headingPattern.MatchString(text) && (len(text) > 120 || strings.ContainsAny(text, "。；;，,") || strings.HasSuffix(text, ".")) {
		return false
	}
	var mode sectionMode
	switch {
	case cues.reviewHeading.in(text):
		mode = sectionReview
	case cues.planHeading.in(text):
		mode = sectionPlan
	default:
		return false
	}
	*s = section{mode: mode}
	if ps := plansIn(text); len(ps) > 0 {
		s.plan = ps[0]
	}
	if ys := yearsIn(text); len(ys) > 0 {
		s.year = ys[0].year
	}
	return true
}

// clauseContext is what the surroundings say about a clause's figures.
type clauseContext struct {
	target  bool   // the figures are targets
	plan    string // plan code for targets: "14th-fyp" or "2021-annual"
	planWhy string // what says which plan, "" when nothing does
	// planDoubt says why the plan is not certain: its targets need review.
	planDoubt string
	fyp       int // the Five-Year Plan of the targets or of the review, 0 for none
	year      int // the year of the figures (observations) or targets
	yearWhy   string
	// yearExplicit: the year is named in the sentence, not inferred.
	yearExplicit bool
	period       string // "year" or a partial period
	periodWhy    string
	fiveYears    bool // the paragraph reviews a five-year span
	// baseYear is the year of X in "from X to Y", 0 when the text does not say.
	baseYear int
	baseWhy  string
	// outturn is the outturn the targets are set against, as the reasons
	// quote it (` ("7.2%")`), when the figures are the targets an outturn
	// sentence names (outturnTargetContext); "" otherwise.
	outturn string
}

// lastYearBefore returns the last year named in s, 0 for none.
func lastYearBefore(s string) int {
	ys := yearsIn(s)
	if len(ys) == 0 {
		return 0
	}
	return ys[len(ys)-1].year
}

// explain formats a reason.
func explain(format string, args ...any) string { return fmt.Sprintf(format, args...) }
