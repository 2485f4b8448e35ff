package report

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// planScope is the plan the targets being read belong to, as the text has
// said so far: its section heading ("二、“十四五”时期主要目标", "三、2021
// years of work arrangement") and the cues since (今后五年…主要目标是,
// "the development goals for the 14th Five-Year Plan period are", 今年…主要
// 预期目标是, 到2025年). A cue holds for the clauses and sentences after it
// in its paragraph; a Five-Year Plan's lead-in (今后五年…主要目标是,
// “十四五”时期主要目标) and any cue of a paragraph that ends in a colon,
// whose list follows in the next paragraphs, hold on until the next heading
// or the next such cue (outside a review section). So the third clause of
// "今后五年…主要目标是：到2025年，地区生产总值达到260亿元；一般公共预算收入达到
// 14亿元" is a target of the 14th Five-Year Plan like the first.
type planScope struct {
	fyp  int    // the Five-Year Plan of the targets, 0 for none (a year's targets)
	year int    // the year of a year's targets a cue or heading names, 0 for none
	why  string // what said so, quoted
	// target: a cue said that what follows are targets (a heading says it
	// by its section's mode).
	target bool
	// doubt says why the plan is not certain ("" when it is): targets read
	// under it need review.
	doubt string
}

// planOfYear is the Five-Year Plan a year falls in: 2021–2025 are the 14th.
func planOfYear(y int) int { return (y - 1951) / 5 }

// currentPlan says whether plan n is the one a report of year y sets targets
// for: the plan y falls in, or the next when y is its predecessor's last year
// (a report of 2025 may set the 15th's goals).
func currentPlan(n, y int) bool { return n == planOfYear(y) || n == planOfYear(y+1) }

// planAhead is the Five-Year Plan "the next five years" of a report of year
// y are: the one beginning in y (a work report delivered early in the
// plan's first year) or in y+1 (a plan's proposals, the year before), or 0
// when neither begins then (the five years of a government's term, mid-plan).
func planAhead(y int) int {
	for _, n := range []int{planOfYear(y), planOfYear(y + 1)} {
		if fypEnd(n-1)+1 == y || fypEnd(n-1) == y {
			return n
		}
	}
	return 0
}

// planSpan is "2021–2025" for the 14th plan.
func planSpan(n int) string { return fmt.Sprintf("%d–%d", fypEnd(n-1)+1, fypEnd(n)) }

// headingScope is the scope a section heading opens: the plan it names,
// the next five years (今后五年), or the year it names (2021年, 今年). A plan
// heading that names none (a sub-heading, "（一）主要目标") keeps the
// Five-Year Plan of the section it is under.
func (r *reader) headingScope(sec section, heading string, prev planScope, prevMode sectionMode) planScope {
	if sec.mode != sectionPlan {
		return planScope{}
	}
	quoted := strings.TrimSpace(heading)
	ahead := cues.nextFiveYears.in(heading)
	switch {
	case cues.planFirstYear.in(heading) && sec.year <= r.year:
		// "“十四五”开局之年工作安排": the plan's first year is a year.
		return planScope{year: r.year, why: fmt.Sprintf("the section heading %q", quoted)}
	case sec.plan > 0 && fypEnd(sec.plan) >= r.year:
		sc := planScope{fyp: sec.plan, why: fmt.Sprintf("the section heading %q", quoted)}
		if !currentPlan(sec.plan, r.year) {
			sc.doubt = fmt.Sprintf("the heading names the %s (%s), which is not the plan of a report of %d", fypCode(sec.plan), planSpan(sec.plan), r.year)
		}
		if sec.year > 0 && sec.year != fypEnd(sec.plan) {
			sc.doubt = fmt.Sprintf("the section heading %q names both the %s and %d: which of its targets are the year's and which the plan's is not clear", quoted, fypCode(sec.plan), sec.year)
		}
		return sc
	case sec.plan > 0:
		return planScope{} // a plan that has ended is reviewed, not set
	case ahead && sec.year == 0:
		if n := planAhead(r.year); n > 0 {
			return planScope{fyp: n, why: fmt.Sprintf("the section heading %q: the next five years of a report of %d are the %s", quoted, r.year, fypCode(n))}
		}
		return planScope{doubt: fmt.Sprintf("the section heading %q names the next five years, which in a report of %d are no Five-Year Plan", quoted, r.year)}
	case sec.year > 0:
		return planScope{year: sec.year, why: fmt.Sprintf("the section heading %q", quoted)}
	case cues.thisYear.in(heading):
		return planScope{year: r.year, why: fmt.Sprintf("the section heading %q", quoted)}
	case prevMode == sectionPlan && prev.fyp > 0:
		return prev
	}
	return planScope{}
}

// scopeCue is a cue found in a clause.
type scopeCue struct {
	at, end int // offsets in the prepared text
	kind    int
}

const (
	cueFYP    = iota // “十四五”时期主要目标, the goals for the 14th Five-Year Plan
	cueAnnual        // 主要预期目标, 2021年主要目标, the main targets for this year
	cueAhead         // 今后五年, the next five years
	cueByYear        // 到2025年, by 2025
)

// updateScope reads the cues of clause cl of sentence s of paragraph p, in
// order, into sc, and those that hold beyond the paragraph into carried
// too (see planScope).
func (r *reader) updateScope(sc, carried *planScope, sec section, p paragraph, s sentence, cl span) {
	text := r.doc.text
	clause := text[cl.start:cl.end]
	var found []scopeCue
	add := func(re *regexp.Regexp, kind int) {
		for _, loc := range re.FindAllStringIndex(clause, -1) {
			found = append(found, scopeCue{cl.start + loc[0], cl.start + loc[1], kind})
		}
	}
	add(cues.fypTarget.re, cueFYP)
	add(cues.annualTarget.re, cueAnnual)
	add(cues.nextFiveYears.re, cueAhead)
	if r.kind != kindCommunique {
		add(futureYearPattern, cueByYear)
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].at < found[j].at })
	for i, c := range found {
		if i > 0 && c.at < found[i-1].end {
			continue // inside the cue before ("“十四五”时期主要目标" is one cue, not also 主要目标)
		}
		phrase := text[c.at:c.end]
		var next planScope
		switch c.kind {
		case cueFYP:
			ps := plansIn(phrase)
			if len(ps) == 0 || fypEnd(ps[0]) < r.year {
				continue // a plan that has ended is reviewed, not set
			}
			next = r.fypScope(ps[0], phrase, fmt.Sprintf("%q", phrase))
		case cueAhead:
			if sec.mode == sectionReview {
				continue // "为今后五年发展奠定了基础": a review looks ahead in passing
			}
			next = r.aheadScope(phrase)
		case cueByYear:
			n := r.byYearPlan(phrase)
			if n == 0 {
				continue // a year's own target: the clause's year says it (context)
			}
			next = planScope{fyp: n, target: true, why: fmt.Sprintf("%q, the last year of the %s", phrase, fypCode(n))}
		case cueAnnual:
			if outturnCompared(clause, c.at-cl.start, c.end-cl.start) {
				// "增长6.1%，高于6%—6.5%的预期目标", "up 6.1%, exceeding the
				// expected target of 6%-6.5%", "增长10.2%，完成10%的预期目标":
				// an outturn set against its target, the figures before it
				// the year's own (the target is read as the outturn's
				// year's, outturnTarget).
				continue
			}
			// The sentence to the end of the cue's clause ("the main
			// targets for this year are:" names its year after the cue),
			// or else the paragraph before it ("2021年是“十四五”开局之年。
			// 主要预期目标是：").
			next = r.annualScope(*sc, phrase, text[s.start:cl.end], text[p.start:s.start])
		}
		*sc = next
		// A plan's lead-in holds for the section: its targets may run on
		// over paragraphs, one a line.
		if next.fyp > 0 && c.kind != cueByYear && sec.mode != sectionReview {
			*carried = next
		}
	}
}

// targetCompared: the words before a targets cue set a figure against the
// target ("高于…的预期目标", "exceeding the expected target"), they do not
// lead in targets.
var targetCompared = regexp.MustCompile(`(?i)(?:高于|超过|超出|低于|快于|慢于|好于|优于)[^，,。；;：:]{0,24}$|\b(?:exceed(?:s|ed|ing)?|above|below|(?:higher|lower|faster|slower|better) than|beat(?:s|ing)?|outpac(?:es|ed|ing))\b[^,.;:，。；：]{0,40}$`)

// aheadScope is the scope "the next five years" (今后五年) opens.
func (r *reader) aheadScope(phrase string) planScope {
	if n := planAhead(r.year); n > 0 {
		return planScope{fyp: n, target: true, why: fmt.Sprintf("%q: the next five years of a report of %d are the %s (%s)", phrase, r.year, fypCode(n), planSpan(n))}
	}
	return planScope{target: true, doubt: fmt.Sprintf("%q: the five years from %d are no Five-Year Plan", phrase, r.year)}
}

// annualScope is the scope a targets cue opens (主要预期目标, "the main
// targets"). One that names its year (2021年主要预期目标) is that year's. One
// that does not takes the plan or year its sentence names last, to the end
// of the cue's clause, or if it names none, its paragraph before it:
// "“十四五”时期经济社会发展主要目标", "今后五年，…主要目标是" and "到2025年…主要
// 目标" are the plan's; "今年…主要预期目标是" and "2021年是“十四五”开局之年，主要
// 预期目标是" (the plan's first year is a year) the year's. A cue whose
// paragraph names neither leaves the plan of the section: a "主要目标是"
// under the heading “十四五”时期主要目标 is the plan's.
func (r *reader) annualScope(sc planScope, phrase, sentence, paraBefore string) planScope {
	if ys := yearsIn(phrase); len(ys) > 0 {
		return r.yearScope(ys[0].year, phrase)
	}
	for _, before := range []string{sentence, paraBefore} {
		if next, ok := r.lastTimeRef(phrase, before); ok {
			return next
		}
	}
	sc.target = true
	return sc
}

// lastTimeRef is the scope of the plan or year before names last (see
// annualScope), false when it names none.
func (r *reader) lastTimeRef(phrase, before string) (planScope, bool) {
	type ref struct {
		at   int
		fyp  int // the plan, or 0 for a year
		year int
		what string
	}
	var refs []ref
	for _, m := range zhPlan.FindAllStringSubmatchIndex(before, -1) {
		refs = append(refs, ref{at: m[0], fyp: 10 + zhDigit[before[m[2]:m[3]]], what: before[m[0]:m[1]]})
	}
	for _, m := range enPlan.FindAllStringSubmatchIndex(before, -1) {
		n, _ := strconv.Atoi(before[m[2]:m[3]])
		refs = append(refs, ref{at: m[0], fyp: n, what: before[m[0]:m[1]]})
	}
	for _, loc := range cues.nextFiveYears.re.FindAllStringIndex(before, -1) {
		refs = append(refs, ref{at: loc[0], fyp: -1, what: before[loc[0]:loc[1]]})
	}
	for _, m := range futureYearPattern.FindAllStringIndex(before, -1) {
		if n := r.byYearPlan(before[m[0]:m[1]]); n > 0 {
			refs = append(refs, ref{at: m[0], fyp: n, what: before[m[0]:m[1]]})
		}
	}
	for _, loc := range cues.thisYear.re.FindAllStringIndex(before, -1) {
		refs = append(refs, ref{at: loc[0], year: r.year, what: before[loc[0]:loc[1]]})
	}
	for _, loc := range cues.planFirstYear.re.FindAllStringIndex(before, -1) {
		refs = append(refs, ref{at: loc[0], year: r.year, what: before[loc[0]:loc[1]]})
	}
	for _, m := range yearsIn(before) {
		if m.year == r.year || m.year == r.year+1 {
			refs = append(refs, ref{at: m.at, year: m.year, what: fmt.Sprint(m.year)})
		}
	}
	last := -1
	for i, rf := range refs {
		if rf.fyp > 0 && fypEnd(rf.fyp) < r.year {
			continue // a plan under review
		}
		if last < 0 || rf.at > refs[last].at {
			last = i
		}
	}
	switch {
	case last < 0:
		return planScope{}, false
	case refs[last].fyp == -1:
		sc := r.aheadScope(refs[last].what)
		sc.why += fmt.Sprintf(", before %q", phrase)
		return sc, true
	case refs[last].fyp > 0:
		return r.fypScope(refs[last].fyp, refs[last].what, fmt.Sprintf("%q before %q", refs[last].what, phrase)), true
	}
	return r.yearScope(refs[last].year, refs[last].what+" … "+phrase), true
}

// fypScope is the scope of the targets of plan n, which what names, said
// so by why; in doubt when n is not the plan of a report of the year.
func (r *reader) fypScope(n int, what, why string) planScope {
	sc := planScope{fyp: n, target: true, why: why}
	if !currentPlan(n, r.year) {
		sc.doubt = fmt.Sprintf("%q names the %s (%s), which is not the plan of a report of %d", what, fypCode(n), planSpan(n), r.year)
	}
	return sc
}

// byYearPlan is the plan whose last year a "by 2025" (到2025年) names, when
// it is after the report's year and the plan is a report of that year's
// (currentPlan); 0 for none.
func (r *reader) byYearPlan(phrase string) int {
	y := futureYear(phrase)
	if n := fypOfEndYear(y); y > r.year && n > 0 && currentPlan(n, r.year) {
		return n
	}
	return 0
}

// yearScope is the scope of a year's targets.
func (r *reader) yearScope(y int, what string) planScope {
	return planScope{year: y, target: true, why: fmt.Sprintf("%q", what)}
}
