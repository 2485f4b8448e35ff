package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/plancast/plancast"
)

// Extract reads the candidate observations and targets of a report. text is
// plain text or simple HTML (tags are stripped; offsets still point into
// text) in UTF-8, UTF-16 or GB18030, or in the character set opt.Charset or
// an HTML meta tag declares (see charset.go). It returns EINVALID when the
// region is not a valid code, the text cannot be read in any character set
// that fits it, or the report's year cannot be found and is not given.
func Extract(text []byte, opt Options) (*Extraction, error) {
	if !plancast.ValidCode(opt.Region) {
		return nil, plancast.Errorf(plancast.EINVALID, "report: region %q is not a valid region code", opt.Region)
	}
	if opt.Year != 0 && (opt.Year < plancast.MinYear || opt.Year > plancast.MaxYear) {
		return nil, plancast.Errorf(plancast.EINVALID, "report: year %d is outside %d–%d", opt.Year, plancast.MinYear, plancast.MaxYear)
	}
	src, err := readSource(text, opt.Charset)
	if err != nil {
		return nil, err
	}
	r := &reader{doc: prepare(src.text), cat: newCatalog(opt.Indicators), opt: opt, src: src}
	r.ext = &Extraction{Threshold: opt.Threshold, Observations: []Candidate{}, Targets: []TargetCandidate{}, Unread: []Unread{},
		Charset: src.charset, CharsetReason: src.reason}
	if r.ext.Threshold == 0 {
		r.ext.Threshold = DefaultThreshold
	}
	r.kind = documentKind(r.doc.text)
	r.ext.Kind = r.kind
	if opt.Year != 0 {
		r.year, r.ext.YearReason = opt.Year, "given by the caller"
	} else {
		r.year, r.ext.YearReason = inferYear(r.doc.text)
		if r.year == 0 {
			return nil, plancast.Errorf(plancast.EINVALID, "report: the text names no year; give the report's year")
		}
	}
	r.ext.Year = r.year
	if y, m, d, ok := documentDate(r.doc.text); ok && (y == r.year || y == r.year+1) {
		r.published = plancast.NewDate(y, time.Month(m), d)
	}

	var sec section
	// carried is the plan of the targets as the text has said it for its
	// section so far (a heading, a plan's lead-in), scope as it has said it
	// so far in the paragraph (planScope).
	var carried planScope
	for _, p := range segment(r.doc.text) {
		para := r.doc.text[p.start:p.end]
		prevMode := sec.mode
		isHeading := sec.readHeading(para) // a heading may also carry figures: read on
		if isHeading {
			carried = r.headingScope(sec, para, carried, prevMode)
		}
		scope := carried
		var pc paragraphContext
		if hasDigit(para) { // read by the clauses with figures alone
			pc = r.paragraphContext(p, sec)
		}
		for _, s := range p.sentences {
			for _, cl := range s.clauses {
				// A cue without a figure ("今后五年，全县经济社会发展的主要
				// 目标是：") says what the figures after it are.
				if !isHeading { // a heading's own cues are its scope
					r.updateScope(&scope, &carried, sec, p, s, cl)
				}
				if hasDigit(r.doc.text[cl.start:cl.end]) {
					r.readClause(s, cl, r.context(pc, s, cl, sec, scope))
				}
			}
		}
		// A lead-in ending in a colon opens a list in the paragraphs after it.
		if t := strings.TrimSpace(para); !isHeading && sec.mode != sectionReview && (strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":")) {
			carried = scope
		}
	}
	r.settle()
	r.derivePreviousYears()
	for i := range r.ext.Observations {
		r.ext.Observations[i].Source.Quote = r.ext.Observations[i].Sentence
	}
	return r.ext, nil
}

// context works out what a clause's figures are: observations or targets,
// which year and period, which plan.
func (r *reader) context(pc paragraphContext, s sentence, cl span, sec section, scope planScope) clauseContext {
	text := r.doc.text
	p := pc.p
	sentText := text[s.start:s.end]
	cx := clauseContext{period: plancast.PeriodYear}
	if code, phrase := partialPeriod(sentText); code != "" {
		cx.period, cx.periodWhy = code, phrase
	}

	switch {
	case scope.target, sec.mode == sectionPlan:
		cx.target, cx.fyp, cx.planWhy, cx.planDoubt = true, scope.fyp, scope.why, scope.doubt
	case sec.mode == sectionUnknown && r.kind == kindPlan:
		cx.target = true
	}

	clauseYears, fromYear := splitFromYear(text[cl.start:cl.end])
	sentenceYear := 0
	if ys, _ := splitFromYear(text[s.start:cl.start]); len(ys) > 0 {
		sentenceYear = ys[len(ys)-1].year
	}
	// "by 2025 ... will reach", "到2025年…达到": a year still ahead makes a
	// target (updateScope has read the plan it ends).
	if !cx.target && r.kind != kindCommunique {
		if y := futureYear(text[s.start:cl.end]); y > r.year || (y == r.year && r.kind == kindWorkReport) {
			cx.target = true
		}
	}
	if cx.target {
		// A year named with the figures, in the clause or before it in the
		// sentence, is theirs: the last year of a plan of the report
		// (2025) makes them the plan's, another (2021) the year's.
		named := func(y int, why string) {
			cx.year, cx.yearExplicit, cx.yearWhy = y, true, why
			switch n := fypOfEndYear(y); {
			case n > 0 && (n == cx.fyp || y > r.year && currentPlan(n, r.year)):
				if cx.fyp != n {
					cx.planWhy, cx.planDoubt = fmt.Sprintf("%d, the last year of the %s", y, fypCode(n)), ""
				}
				cx.fyp = n
			case cx.fyp > 0:
				cx.fyp, cx.planWhy, cx.planDoubt = 0, fmt.Sprintf("%d %s", y, why), ""
			}
		}
		switch {
		case len(clauseYears) > 0:
			named(clauseYears[0].year, "named in the clause")
		case sentenceYear > 0 && (cx.fyp == 0 || sentenceYear == fypEnd(cx.fyp) || sentenceYear <= r.year+1):
			named(sentenceYear, "named in the sentence")
		case cx.fyp > 0:
			cx.year, cx.yearWhy = fypEnd(cx.fyp), fmt.Sprintf("the last year of the %s", fypCode(cx.fyp))
		case scope.year > 0:
			cx.year, cx.yearExplicit, cx.yearWhy = scope.year, true, "named by "+scope.why
		case lastYearBefore(text[p.start:cl.start]) > 0:
			cx.year, cx.yearExplicit, cx.yearWhy = lastYearBefore(text[p.start:cl.start]), true, "named earlier in the paragraph"
		case sec.year >= r.year && sec.year <= r.year+1:
			cx.year, cx.yearExplicit, cx.yearWhy = sec.year, true, "named in the section heading"
		default:
			cx.year, cx.yearWhy = r.year, "targets of the report's year"
		}
		switch {
		case cx.fyp > 0:
			cx.plan = fypCode(cx.fyp)
		default:
			cx.plan = fmt.Sprintf("%d-annual", cx.year)
			if cx.planDoubt == "" && (cx.year < r.year || cx.year > r.year+1) {
				cx.planDoubt = fmt.Sprintf("a target for %d, which is neither the year of a report of %d nor the last year of its Five-Year Plan: which plan it belongs to is not clear", cx.year, r.year)
			}
		}
		return cx
	}

	reviewPlan := pc.reviewPlan
	cx.fiveYears = pc.fiveYears || reviewPlan > 0
	switch {
	case len(clauseYears) > 0:
		cx.year, cx.yearExplicit, cx.yearWhy = clauseYears[0].year, true, "named in the clause"
	case sentenceYear > 0:
		cx.year, cx.yearExplicit, cx.yearWhy = sentenceYear, true, "named in the sentence"
	case reviewPlan > 0:
		cx.year, cx.yearWhy = fypEnd(reviewPlan), fmt.Sprintf("the last year of the %s under review", fypCode(reviewPlan))
	// A heading's year is trusted only where it agrees with the report's year:
	// Guyang's title says 2019 over a 2009 text.
	case sec.mode == sectionReview && sec.year >= r.year-1 && sec.year <= r.year:
		cx.year, cx.yearExplicit, cx.yearWhy = sec.year, true, "named in the section heading"
	case cx.period != plancast.PeriodYear || r.kind != kindWorkReport:
		cx.year, cx.yearWhy = r.year, "the report's year"
	default:
		cx.year, cx.yearWhy = r.year-1, "a work report reviews the year before it is delivered"
	}

	// The base year of "from X to Y".
	switch end := planEndIn(sentText); {
	case fromYear > 0:
		cx.baseYear, cx.baseWhy = fromYear, "named with the starting figure"
	case end > 0:
		cx.baseYear, cx.baseWhy = fypEnd(end), fmt.Sprintf("the end of the %s", fypCode(end))
	case reviewPlan > 0 && cx.year == fypEnd(reviewPlan):
		cx.baseYear, cx.baseWhy = fypEnd(reviewPlan-1), fmt.Sprintf("the year before the %s", fypCode(reviewPlan))
	case cx.fiveYears:
		cx.baseYear, cx.baseWhy = cx.year-5, "five years before, as the paragraph reviews five years"
	}
	return cx
}

var (
	// fromYearBefore: a year right after 由, 从 or "from" is the start of
	// "from X to Y"; one after 比 or "than", or before 的1.26倍 or 相比, is
	// the base of a comparison. Neither is the year of the figure.
	fromYearBefore    = regexp.MustCompile(`(?i)(?:(?:由|从)` + gap + `|\bfrom\s+(?:the\s+(?:end\s+of\s+)?)?)$`)
	compareYearBefore = regexp.MustCompile(`(?i)(?:(?:比|较|同比)` + gap + `|\bthan\s+(?:in\s+)?|\bover\s+|\bcompared\s+(?:with|to)\s+|\btimes\s+(?:that|those)\s+(?:of|in)\s+)$`)
	// compareYearAfter: "是2020年的1.26倍", "为2020年的2倍", "与2020年相比":
	// the year is the base of a ratio or a comparison, told by what follows it.
	compareYearAfter  = regexp.MustCompile(`^(?:19|20)\d\d` + gap + `年(?:末|底)?` + gap + `(?:的` + gap + `[\d.]+` + gap + `倍|相比|比较)`)
	futureYearPattern = regexp.MustCompile(`(?i)\bby\s+(?:the\s+end\s+of\s+)?((?:19|20)\d\d)\b|到` + gap + `((?:19|20)\d\d)` + gap + `年`)
)

// splitFromYear separates the years a clause names for its figures from the
// year of the starting figure of "from X to Y".
func splitFromYear(clause string) (years []yearMention, fromYear int) {
	for _, m := range yearsIn(clause) {
		before := clause[max(0, m.at-24):m.at]
		switch {
		case fromYearBefore.MatchString(before):
			fromYear = m.year
		case compareYearBefore.MatchString(before), compareYearAfter.MatchString(clause[m.at:]):
		default:
			years = append(years, m)
		}
	}
	return years, fromYear
}

// futureYear returns the year of "by 2025" or 到2025年 in s, 0 for none.
func futureYear(s string) int {
	m := futureYearPattern.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1] + m[2])
	return y
}

// paragraphContext is what a paragraph says about all its clauses.
type paragraphContext struct {
	p          paragraph
	reviewPlan int // the Five-Year Plan under review, 0 for none
	fiveYears  bool
}

func (r *reader) paragraphContext(p paragraph, sec section) paragraphContext {
	paraText := r.doc.text[p.start:p.end]
	pc := paragraphContext{p: p, fiveYears: cues.fiveYears.in(paraText)}
	if sec.mode == sectionReview && sec.plan > 0 {
		pc.reviewPlan = sec.plan
	}
	if pc.reviewPlan == 0 {
		for _, n := range plansIn(paraText) {
			if fypEnd(n) < r.year && fypEnd(n) >= r.year-1 {
				pc.reviewPlan = n
			}
		}
	}
	return pc
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// derivePreviousYears adds, for each stated level with its year-on-year
// growth, the previous year's level it implies:
//
//	x[y-1] = x[y] / (1 + g/100)
//
// Reports state growth at comparable prices and levels at current prices, so
// the derived level is approximate and stays below the threshold.
func (r *reader) derivePreviousYears() {
	var derived []Candidate
	for _, c := range r.ext.Observations {
		if c.Derived || c.Growth == nil || c.GrowthKind != "yoy" || c.NeedsReview || *c.Growth <= -100 {
			continue
		}
		d := c
		d.Provenance.Reasons = nil
		d.Year = c.Year - 1
		d.Value = roundTo(c.Value/(1+*c.Growth/100), 4)
		d.Growth, d.GrowthBaseYear, d.GrowthKind = nil, 0, ""
		d.Derived = true
		d.Status = plancast.StatusEstimate
		d.Confidence = min(0.45, c.Confidence-0.3)
		d.Reasons = []string{
			explain("derived: %g / (1 %+g%%) = %g for %d", c.Value, *c.Growth, d.Value, d.Year),
			"approximate: growth is usually stated at comparable prices",
		}
		derived = append(derived, d)
	}
	r.ext.Observations = append(r.ext.Observations, derived...)
}

// settle merges repeated readings of one figure and flags conflicts: the
// same figure read twice is one candidate (the surer one); two different
// values for one figure both need review.
func (r *reader) settle() {
	type key struct {
		ind, period string
		year        int
	}
	seen := map[key]int{}
	obs := []Candidate{} // a report without figures answers an empty list, not null
	for _, c := range r.ext.Observations {
		k := key{c.Indicator, c.Period, c.Year}
		i, dup := seen[k]
		if !dup {
			seen[k] = len(obs)
			obs = append(obs, c)
			continue
		}
		o := &obs[i]
		switch {
		case sameValue(o.Value, c.Value):
			if c.Confidence > o.Confidence {
				*o = c
			}
		case o.Derived && !c.Derived:
			*o = c
		case c.Derived && !o.Derived:
		default:
			o.NeedsReview = true
			o.Reasons = append(o.Reasons, explain("the report also gives %g for this figure in %q", c.Value, c.Original))
			c.NeedsReview = true
			c.Reasons = append(c.Reasons, explain("the report also gives %g for this figure in %q", o.Value, o.Original))
			obs = append(obs, c)
		}
	}
	r.ext.Observations = obs

	type tkey struct {
		ind, plan, kind string
		year            int
	}
	tseen := map[tkey]int{}
	ts := []TargetCandidate{}
	for _, t := range r.ext.Targets {
		k := tkey{t.Indicator, t.Plan, t.Kind, t.Year}
		i, dup := tseen[k]
		if !dup {
			tseen[k] = len(ts)
			ts = append(ts, t)
			continue
		}
		o := &ts[i]
		if sameValue(o.Value, t.Value) {
			if t.Confidence > o.Confidence {
				*o = t
			}
			continue
		}
		o.NeedsReview = true
		o.Reasons = append(o.Reasons, explain("the report also sets %g for this target", t.Value))
		t.NeedsReview = true
		t.Reasons = append(t.Reasons, explain("the report also sets %g for this target", o.Value))
		ts = append(ts, t)
	}
	r.ext.Targets = ts
}

func sameValue(a, b float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	m := max(abs(a), abs(b), 1e-9)
	return d <= 1e-6*m
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
