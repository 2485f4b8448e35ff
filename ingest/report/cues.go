package report

import (
	"regexp"
	"strings"
)

// phrases is one language's wording of the cues a reading looks for.
type phrases struct {
	decline, avgGrowth, avgGrowthWeak, growth, share            []string
	atLeastBefore, atMostBefore, aboutBefore                    []string
	atLeastAfter, atMostAfter, aboutAfter                       []string
	estimate, cumulative, withinYear                            []string
	annualTarget, fypTarget, reviewHeading, planHeading         []string
	fiveYears, points, nextFiveYears, thisYear, planFirstYear   []string
	workReport, communique, summary, planDocument, respectively []string
}

// cue is a compiled alternation of the Chinese and English wordings.
type cue struct{ re *regexp.Regexp }

func joinCue(lists ...[]string) cue {
	var all []string
	for _, l := range lists {
		for _, p := range l {
			all = append(all, "(?:"+strings.TrimPrefix(p, "(?i)")+")")
		}
	}
	if len(all) == 0 {
		return cue{regexp.MustCompile(`$^`)}
	}
	return cue{regexp.MustCompile(`(?i)` + strings.Join(all, "|"))}
}

func (c cue) in(s string) bool { return c.re.MatchString(s) }

// cues are the compiled cues of both languages: reports come in Chinese, in
// English, and in translations that leave Chinese words standing.
var cues = struct {
	decline, avgGrowth, avgGrowthWeak, growth, share            cue
	atLeastBefore, atMostBefore, aboutBefore                    cue
	atLeastAfter, atMostAfter, aboutAfter                       cue
	estimate, cumulative, withinYear                            cue
	annualTarget, fypTarget, reviewHeading, planHeading         cue
	fiveYears, points, nextFiveYears, thisYear, planFirstYear   cue
	workReport, communique, summary, planDocument, respectively cue
}{
	decline: joinCue(zh.decline, en.decline), avgGrowth: joinCue(zh.avgGrowth, en.avgGrowth),
	avgGrowthWeak: joinCue(zh.avgGrowthWeak, en.avgGrowthWeak), growth: joinCue(zh.growth, en.growth),
	share:         joinCue(zh.share, en.share),
	atLeastBefore: joinCue(zh.atLeastBefore, en.atLeastBefore), atMostBefore: joinCue(zh.atMostBefore, en.atMostBefore),
	aboutBefore:  joinCue(zh.aboutBefore, en.aboutBefore),
	atLeastAfter: joinCue(zh.atLeastAfter, en.atLeastAfter), atMostAfter: joinCue(zh.atMostAfter, en.atMostAfter),
	aboutAfter: joinCue(zh.aboutAfter, en.aboutAfter),
	estimate:   joinCue(zh.estimate, en.estimate), cumulative: joinCue(zh.cumulative, en.cumulative),
	withinYear:   joinCue(zh.withinYear, en.withinYear),
	annualTarget: joinCue(zh.annualTarget, en.annualTarget), fypTarget: joinCue(zh.fypTarget, en.fypTarget),
	reviewHeading: joinCue(zh.reviewHeading, en.reviewHeading), planHeading: joinCue(zh.planHeading, en.planHeading),
	fiveYears: joinCue(zh.fiveYears, en.fiveYears), points: joinCue(zh.points, en.points),
	nextFiveYears: joinCue(zh.nextFiveYears, en.nextFiveYears), thisYear: joinCue(zh.thisYear, en.thisYear),
	planFirstYear: joinCue(zh.planFirstYear, en.planFirstYear),
	workReport:    joinCue(zh.workReport, en.workReport), communique: joinCue(zh.communique, en.communique),
	summary: joinCue(zh.summary, en.summary), planDocument: joinCue(zh.planDocument, en.planDocument),
	respectively: joinCue(zh.respectively, en.respectively),
}
