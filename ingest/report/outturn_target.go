package report

import (
	"fmt"
	"regexp"
	"strings"
)

// A work report's review sets the year's outturn against the year's target
// in one sentence: "全年地区生产总值增长7.2%，高于6%—6.5%的预期目标",
// "规模以上工业增加值增长8.1%，超过7%的预期目标", "up 6.1%, exceeding the
// expected target of 6%-6.5%". The outturn is the year's figure (the cue
// 预期目标 after a comparison word does not lead in targets, targetCompared),
// and the figure set against it is that year's target: read as a target of
// the year the outturn is dated to (the review year: a 2021 report's
// "过去一年" is 2020), in the plan of that year, its range or bound read as a
// target's always is (rangeBound: "6%—6.5%" is at least 6), and said in its
// reasons to come from an outturn sentence. The target is of the outturn's
// kind: a growth beside a growth, a rate's ceiling beside a rate
// ("城镇登记失业率3.2%，低于4.5%的预期目标"), a Five-Year Plan's average
// growth beside the average of the five years a review looks back on.
// Before, the target was dropped,
// and under 完成 ("增长10.2%，完成10%的预期目标") the outturn 10.2 was read as
// the next year's growth target.

// compareWordsZh set an outturn against its target.
const compareWordsZh = `高于|超过|超出|超额完成|完成|低于|快于|慢于|好于|优于`

var (
	// targetAfterZh: the words right after a figure make it the target it
	// names, "6%—6.5%的预期目标", "7%左右的预期目标", "10%的目标", with the
	// comparison word before it (targetCompareBeforeZh).
	targetAfterZh         = regexp.MustCompile(`^` + gap + `(?:左右|以上|上下)?` + gap + `的?` + gap + `(?:年度|全年|年初|既定)?(?:预期|计划|预定)?目标`)
	targetCompareBeforeZh = regexp.MustCompile(`(?:` + compareWordsZh + `)(?:了)?(?:年初确定的|年初|全年|年度)?` + gap + `$`)
	// targetBeforeZh: the target is named right before its figure,
	// "高于预期目标6%", "（预期目标6%）", "，预期目标为6.5%".
	targetBeforeZh = regexp.MustCompile(`(?:年度|全年|年初)?(?:预期|计划)目标` + gap + `(?:为|是)?` + gap + `$`)
	// targetBeforeEn: "exceeding the expected target of 6%-6.5%", "above
	// the annual target of about 7%".
	targetBeforeEn = regexp.MustCompile(`(?i)\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|above|below|beat(?:s|ing)?|(?:higher|lower|faster|slower|better) than|met|meeting|fulfill?(?:s|ed|ing)?)\b[^,.;:，。；：]{0,40}?\b(?:target|goal)\s+(?:of\s+)?(?:about\s+|around\s+|approximately\s+)?$`)
	// percentBefore: a percentage stands earlier in the clause, the
	// outturn a target after it is set against.
	percentBefore = regexp.MustCompile(`\d` + gap + `[%％]`)
	// targetNamedThenFigure: a targets cue followed by its figure
	// ("预期目标6%", "预期目标为6.5%").
	targetNamedThenFigure = regexp.MustCompile(`^` + gap + `(?:为|是)?` + gap + `[\d０-９]`)
)

// outturnTarget says whether percentage q of a clause is the target an
// outturn before it is set against, and quotes the words that say so
// (from the comparison word to 目标, or the English "exceeding the
// expected target of 6%-6.5%"); "" when it is not. prevEnd is the end of
// the figure before it in the clause (the outturn), the clause's start
// when it is the first: a first figure is set against nothing.
func outturnTarget(text string, q *quantity, clStart, prevEnd, clEnd int) string {
	if q.dim != dimPercent || prevEnd <= clStart {
		return ""
	}
	before := text[prevEnd:q.start]
	after := text[q.end:clEnd]
	if m := targetAfterZh.FindStringIndex(after); m != nil {
		if b := targetCompareBeforeZh.FindStringIndex(before); b != nil {
			return strings.TrimSpace(text[prevEnd+b[0] : q.end+m[1]])
		}
	}
	for _, re := range []*regexp.Regexp{targetBeforeZh, targetBeforeEn} {
		if b := re.FindStringIndex(before); b != nil {
			return strings.TrimSpace(text[prevEnd+b[0] : q.end])
		}
	}
	return ""
}

// outturnCompared says whether a targets cue at cue (a span of the
// clause's text) names the target an outturn is set against rather than
// leading in targets: after a comparison word (targetCompared), or after
// a percentage with the target's figure right after it ("增长6.3%，预期目标
// 6%"), or under 完成 after a percentage ("增长10.2%，完成10%的预期目标";
// 完成 alone leads in: "确保完成全年预期目标：").
func outturnCompared(clause string, cueStart, cueEnd int) bool {
	before := clause[:cueStart]
	switch {
	case targetCompared.MatchString(before):
		return true
	case !percentBefore.MatchString(before):
		return false
	case targetNamedThenFigure.MatchString(clause[cueEnd:]):
		return true
	}
	return metAfterPercent.MatchString(before)
}

// metAfterPercent: 完成 after a percentage, the target's figure between it
// and the cue ("增长10.2%，完成10%的").
var metAfterPercent = regexp.MustCompile(`\d` + gap + `[%％][^。；;：:]{0,12}?(?:超额)?完成[^，,。；;：:]{0,24}$`)

// outturnTargetContext is the context of the targets an outturn sentence
// sets its figures against: the year the outturn is dated to (cx, an
// observation's context) and its plan, that year's; an average growth set
// against a Five-Year Plan's target, in a review of the plan's five years
// ending that year, is the plan's.
func outturnTargetContext(cx clauseContext, avg bool) clauseContext {
	t := cx
	t.target, t.fyp, t.planDoubt = true, 0, ""
	t.plan = fmt.Sprintf("%d-annual", cx.year)
	t.planWhy = explain("the year of the outturn it is set against (%s)", cx.yearWhy)
	if n := fypOfEndYear(cx.year); avg && cx.fiveYears && n > 0 {
		t.fyp, t.plan = n, fypCode(n)
		t.planWhy = explain("the %s, whose five years to %d the paragraph reviews", fypCode(n), cx.year)
	}
	return t
}

// splitOutturnTargets takes the targets an outturn is set against out of
// the figures read for an indicator, with the outturn: the first other
// figure (a level, else a percentage), nil when there is none.
func splitOutturnTargets(figs []figure) (rest, targets []figure, outturn *figure) {
	for _, f := range figs {
		if f.setAgainst != "" {
			targets = append(targets, f)
		} else {
			rest = append(rest, f)
		}
	}
	for i, f := range rest {
		if f.q.dim != dimPercent {
			return rest, targets, &rest[i]
		}
	}
	if len(rest) > 0 {
		outturn = &rest[0]
	}
	return rest, targets, outturn
}

// emitOutturnTargets reads the targets an outturn sentence sets its
// outturn against (splitOutturnTargets) as targets of the outturn's year.
func (r *reader) emitOutturnTargets(s sentence, cl span, d *indicatorDef, targets []figure, outturn *figure, cx clauseContext, clause string) {
	avg := false
	for _, f := range targets {
		avg = avg || f.role == roleAvgGrowth
	}
	tcx := outturnTargetContext(cx, avg)
	if outturn != nil {
		tcx.outturn = fmt.Sprintf(" (%q)", outturn.q.raw)
	}
	r.emit(s, cl, d, targets, tcx, clause)
}
