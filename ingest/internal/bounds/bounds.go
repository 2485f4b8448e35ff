// Package bounds holds the words that bound a figure: "控制在4.5%以内",
// "不低于60%", "7%以上", "6%左右", "at least 7%", "5.5% or less". The report
// reader reads them around a figure in a sentence (ingest/report takes its
// lists from here, phrases_zh.go and phrases_en.go), and a plan's targets
// table in a cell (ingest, plantable.go, with Of): one list, so that a
// plan's text and its table read the same words alike.
package bounds

import (
	"regexp"
	"strings"
)

// The bounds the words put on a figure, as report.TargetCandidate.Bound
// gives them.
const (
	AtMost  = "at_most"
	AtLeast = "at_least"
	About   = "about"
)

// Words are one language's bound words, as regular expressions: those
// written right before a figure, found in the words before it, and those
// right after it, anchored at the figure's end (its unit taken off).
type Words struct {
	AtLeastBefore, AtMostBefore, AboutBefore []string
	AtLeastAfter, AtMostAfter, AboutAfter    []string
}

// gap is the white space the report reader lets stand between a number
// and what follows it ("4.5 % 以内"; ingest/report's numbers.go).
const gap = `[ \t]{0,3}`

// Zh are the Chinese bound words. 低于 and 小于 count only when 不 is not
// before them: "不低于60%" is at least 60%, not at most.
var Zh = Words{
	AtLeastBefore: []string{`超过`, `不低于`, `不少于`, `高于`, `突破`, `大于`, `不小于`},
	AtMostBefore:  []string{`控制在`, `不超过`, `不高于`, `(?:^|[^不])低于`, `(?:^|[^不])小于`, `不大于`},
	AboutBefore:   []string{`约`, `大约`, `近`},
	AtLeastAfter:  []string{`^` + gap + `(?:以上|及以上|多|余)`},
	AtMostAfter:   []string{`^` + gap + `(?:以内|以下|之内)`},
	AboutAfter:    []string{`^` + gap + `(?:左右|上下)`},
}

// En are the English bound words (translations of Chinese reports).
var En = Words{
	AtLeastBefore: []string{`\bmore than\b`, `\bover\b`, `\babove\b`, `\bat least\b`, `\bnot less than\b`, `\bno less than\b`, `\bno(?:t)? lower than\b`, `\bexceed(?:ing|s)?\b`, `\bin excess of\b`},
	AtMostBefore:  []string{`\bwithin\b`, `\bbelow\b`, `\bless than\b`, `\bno more than\b`, `\bnot more than\b`, `\bno(?:t)? higher than\b`, `\bunder\b`, `\bnot exceed(?:ing)?\b`, `\bat most\b`, `\bkept at\b`, `\bcontrolled at\b`},
	AboutBefore:   []string{`\babout\b`, `\baround\b`, `\bapproximately\b`, `\broughly\b`, `\bnearly\b`},
	AtLeastAfter:  []string{`(?i)^\s*(?:or more|and above|or above|and more)\b`},
	AtMostAfter:   []string{`(?i)^\s*(?:or less|or below)\b`},
	AboutAfter:    []string{`(?i)^\s*(?:or so)\b`},
}

// whole are the words of both languages, each list matched as the whole
// of the words before or after a figure, for Of.
var whole = []struct {
	bound         string
	before, after *regexp.Regexp
}{
	{AtMost, wholeOf(Zh.AtMostBefore, En.AtMostBefore), wholeOf(Zh.AtMostAfter, En.AtMostAfter)},
	{AtLeast, wholeOf(Zh.AtLeastBefore, En.AtLeastBefore), wholeOf(Zh.AtLeastAfter, En.AtLeastAfter)},
	{About, wholeOf(Zh.AboutBefore, En.AboutBefore), wholeOf(Zh.AboutAfter, En.AboutAfter)},
}

// wholeOf matches text that is one of the wordings and nothing more but
// white space.
func wholeOf(lists ...[]string) *regexp.Regexp {
	var all []string
	for _, l := range lists {
		for _, p := range l {
			all = append(all, "(?:"+strings.TrimPrefix(strings.TrimPrefix(p, "(?i)"), "^")+")")
		}
	}
	return regexp.MustCompile(`(?i)^\s*(?:` + strings.Join(all, "|") + `)\s*$`)
}

// Of reads the words written right before a figure and right after it
// (its unit taken off), the whole of each, as the report reader reads them
// around a figure: before ("控制在", "不超过", "低于", "at least") and after
// ("以内", "以上", "左右", "or more") each a bound word or nothing, and
// the bound they make: AtMost, AtLeast, About, or "" when there are no
// words. A bound with "about" is the bound ("控制在5.5左右" is at most
// 5.5). ok is false when the words before or after are anything else, or
// when they disagree ("不低于5.5以内").
func Of(before, after string) (bound string, ok bool) {
	of := func(words string, after bool) (string, bool) {
		if strings.TrimSpace(words) == "" {
			return "", true
		}
		for _, b := range whole {
			re := b.before
			if after {
				re = b.after
			}
			if re.MatchString(words) {
				return b.bound, true
			}
		}
		return "", false
	}
	b1, ok1 := of(before, false)
	b2, ok2 := of(after, true)
	switch {
	case !ok1 || !ok2:
		return "", false
	case b1 == "" || b1 == About && b2 != "":
		return b2, true
	case b2 == "" || b2 == About || b1 == b2:
		return b1, true
	}
	return "", false // a ceiling and a floor
}
