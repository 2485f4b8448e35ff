package report

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Year mentions. A bare four-digit number is a year only where the wording
// says so: 2020年, "in 2020", "2021 is", "by 2025"; "2000 urban jobs" is not.
var (
	zhYear = regexp.MustCompile(`((?:19|20)\d\d)\s*年`)
	enYear = regexp.MustCompile(`(?im)(?:\b(?:in|by|of|for|since|until|till|during|end of|year|before|after|from|to)\s+|^|[,，(（、])\s*((?:19|20)\d\d)\b(?:\s*(?:is|was|will|years?\b|,|\.|;|:|\)|$))`)
	// Page chrome of government web sites: the day the page was crawled.
	pageChrome = regexp.MustCompile(`(?i)today is\s*\d{4}-\d{1,2}-\d{1,2}|今天是\s*\d{4}` + gap + `年` + gap + `\d{1,2}` + gap + `月` + gap + `\d{1,2}` + gap + `日`)
	// A dateline: "April 20, 2021", "2021年4月20日".
	enDate = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b`)
	zhDate = regexp.MustCompile(`((?:19|20)\d\d)` + gap + `年` + gap + `(\d{1,2})` + gap + `月` + gap + `(\d{1,2})` + gap + `日`)
	// A date with or without its day ("2025年3月", "March 2025",
	// "2025-03-18"): a year in one says when the document was written or
	// issued, not what it is about.
	anyDate = regexp.MustCompile(`(?i)((?:19|20)\d\d)` + gap + `年` + gap + `\d{1,2}` + gap + `月(?:` + gap + `\d{1,2}` + gap + `日)?|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:\d{1,2},?\s+)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)[-./]\d{1,2}[-./]\d{1,2}\b`)
)

// dateYears returns the offsets in s of the years that are part of a date.
func dateYears(s string) map[int]string {
	out := map[int]string{}
	for _, m := range anyDate.FindAllStringSubmatchIndex(s, -1) {
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				out[m[g]] = s[m[0]:m[1]]
			}
		}
	}
	return out
}

// yearMention is a year the text names at an offset.
type yearMention struct {
	at, year int
}

// yearsIn returns the years named in s (offsets relative to s), in order.
func yearsIn(s string) []yearMention {
	var out []yearMention
	for _, m := range zhYear.FindAllStringSubmatchIndex(s, -1) {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		out = append(out, yearMention{m[2], y})
	}
	for _, m := range enYear.FindAllStringSubmatchIndex(s, -1) {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		if followedByUnit(s[m[3]:]) {
			continue
		}
		out = append(out, yearMention{m[2], y})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

// followedByUnit: "2000 yuan" and "2000 people" are amounts, not years.
func followedByUnit(tail string) bool {
	for _, u := range unitPatterns {
		if u.re.MatchString(tail[:min(len(tail), 60)]) {
			return true
		}
	}
	return false
}

// Evidence of the year a document is about that outweighs what its title
// says. Anniversaries fix the year exactly: the 60th anniversary of the
// People's Republic (founded 1949) was celebrated in 2009, the 100th of the
// Party (founded 1921) in 2021.
var (
	prcAnniversary   = regexp.MustCompile(`(?i)(\d{2,3})(?:th|st|nd|rd) anniversary of the (?:founding of the )?(?:new china|people's republic|prc)|(?:新中国成立|建国|中华人民共和国成立)` + gap + `(\d{2,3})` + gap + `周年`)
	partyAnniversary = regexp.MustCompile(`(?i)(\d{2,3})(?:th|st|nd|rd) anniversary of the (?:founding of the )?(?:(?:communist )?party|cpc)|(?:建党|中国共产党成立|党的)` + gap + `(\d{2,3})` + gap + `周年`)
	h1n1             = regexp.MustCompile(`(?i)\bH1N1\b|甲型H1N1|甲流`)
	covid            = regexp.MustCompile(`(?i)covid|新冠|新型冠状病毒`)
)

// bareYear is a four-digit year standing alone, read as a year in title
// lines only ("Government Work Report 2024"): a sentence's bare 2000 is as
// likely an amount.
var bareYear = regexp.MustCompile(`(?:^|[^\d.,])((?:19|20)\d\d)(?:$|[^\d.,%])`)

// titleOnlyYears returns the years the title lines name that yearsIn does
// not read: four-digit years standing alone, not followed by a unit.
func titleOnlyYears(title string) []yearMention {
	var out []yearMention
	for _, m := range bareYear.FindAllStringSubmatchIndex(title, -1) {
		if followedByUnit(title[m[3]:]) {
			continue
		}
		y, _ := strconv.Atoi(title[m[2]:m[3]])
		out = append(out, yearMention{m[2], y})
	}
	return out
}

// titleRunes is the longest line read as a title line: the reference
// reports open (after the page chrome) with a site's breadcrumb and a title
// of 25 to 100 characters ("侯马市2021年政府工作报告" is 15; Zizhou's
// notice is cut at 100), a paragraph's first line runs to hundreds.
const titleRunes = 100

// sectionHeading is the numbering that opens a section's heading: "一、",
// "（一）", "第一部分", "I. ", "1. ", "Part One". The body begins there:
// "一、2021年工作回顾" under a report's title is its first section, the
// year it reviews, not a second line of its title.
var sectionHeading = regexp.MustCompile(`(?i)^(?:[一二三四五六七八九十]+\s*[、.．]|[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)]|第[一二三四五六七八九十\d]+(?:部分|章|节|篇)|(?:[IVX]+|\d{1,2})[.)、．]\s|part\s+(?:[ivx]+|\d+|one|two|three|four|five)\b)`)

// titleEnd returns where the title lines of head end (0: it has none): the
// lines it opens with, blank ones skipped, while each is short, does not
// end a sentence ("过去的2023年，……完成6亿元。" is a paragraph, though
// short) and does not open a section (sectionHeading). A title is a line
// of its own: the last line of the head, which the head's end may cut, or
// a text's only line, is not taken for one.
func titleEnd(head string) int {
	end := 0
	for at := 0; at < len(head); {
		line, _, found := strings.Cut(head[at:], "\n")
		t := strings.TrimSpace(line)
		if t != "" {
			if !found || utf8.RuneCountInString(t) > titleRunes || strings.ContainsAny(lastRune(t), "。！？；.!?;") || sectionHeading.MatchString(t) {
				break
			}
			end = at + len(line)
		}
		at += len(line) + 1
	}
	return end
}

// lastRune is s's last character.
func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// reviewedYear finds the years a text says it reviews: "2021年工作回顾",
// "回顾2021年", "Review of our work in 2021", "looking back on 2021". A
// work report reviews the year before its own; such a year is no claim of
// the document's year.
var reviewedYear = regexp.MustCompile(`(?i)((?:19|20)\d\d)` + gap + `年` + gap + `(?:的)?(?:工作)?回顾|回顾` + gap + `(?:过去的|刚刚过去的)?` + gap + `((?:19|20)\d\d)` + gap + `年|\breview\s+of\s+(?:the\s+|our\s+)?(?:(?:government\s+)?work\s+(?:in|of|for|during)\s+)?(?:the\s+year\s+)?((?:19|20)\d\d)\b|\blooking\s+back\s+(?:on|at)\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+in\s+review\b`)

// reviewedYears returns the years text says it reviews (reviewedYear).
func reviewedYears(text string) map[int]bool {
	out := map[int]bool{}
	for _, m := range reviewedYear.FindAllStringSubmatch(text, -1) {
		for _, g := range m[1:] {
			if y, err := strconv.Atoi(g); err == nil {
				out[y] = true
			}
		}
	}
	return out
}

// inferYear returns the year a document is about and why. The scoring: each
// year named counts 1, named in the head (the first 600 bytes: the title
// lines and the opening after them) 3 more, in a dateline 3 more;
// an anniversary counts 10 and the 2009 influenza A (H1N1) 5; a COVID-19
// mention rules out years before 2020. When a title line names a year, only
// its years and the years an event dates contest: counts alone never
// overrule a title. Page chrome ("Today is 2020-8-28") is
// ignored: it is when the page was crawled, not what it reports.
func inferYear(text string) (int, string) {
	clean := pageChrome.ReplaceAllStringFunc(text, func(s string) string { return strings.Repeat(" ", len(s)) })
	score := map[int]float64{}
	why := map[int][]string{}
	head := min(len(clean), 600)
	// The years of the head count more wherever in it they are; the reason
	// says where: in the title lines (titleEnd), or else in the opening of
	// the text, the paragraphs after the title or a paragraph pasted
	// without one.
	//
	// A year in a date (the dateline "2025年3月18日" under a communiqué's
	// title "2024年…统计公报") is when the document was written or issued:
	// it counts, and is said as the date ("dated …"), never as a year the
	// title or the opening names. Under a title naming its year it does
	// not contest it; a communiqué is issued the year after the one it
	// reports.
	title := titleEnd(clean[:head])
	titleYears, openingYears := map[int]bool{}, map[int]bool{}
	dated := dateYears(clean[:head])
	datedYears := map[int]string{}
	for _, m := range yearsIn(clean) {
		score[m.year]++
		if m.at < head {
			score[m.year] += 3
			switch date, ok := dated[m.at]; {
			case ok:
				if _, seen := datedYears[m.year]; !seen {
					datedYears[m.year] = date
				}
			case m.at < title:
				titleYears[m.year] = true
			default:
				openingYears[m.year] = true
			}
		}
	}
	// A title line may name its year standing alone ("Report on the Work
	// of the Government 2024"), as no sentence does.
	for _, m := range titleOnlyYears(clean[:title]) {
		if _, ok := dated[m.at]; ok {
			continue
		}
		if !titleYears[m.year] {
			score[m.year] += 4
			titleYears[m.year] = true
		}
	}
	var headYears []int
	for y := range titleYears {
		headYears = append(headYears, y)
	}
	for y := range openingYears {
		if !titleYears[y] {
			headYears = append(headYears, y)
		}
	}
	slices.Sort(headYears)
	where := func(y int) string {
		if titleYears[y] {
			return "the title"
		}
		return "the opening"
	}
	for _, y := range headYears {
		why[y] = append(why[y], fmt.Sprintf("%s names %d", where(y), y))
	}
	for _, m := range enDate.FindAllStringSubmatchIndex(clean[:head], -1) {
		y, _ := strconv.Atoi(clean[m[6]:m[7]])
		score[y] += 3
		why[y] = append(why[y], "dated "+clean[m[0]:m[1]])
	}
	for _, m := range zhDate.FindAllStringSubmatchIndex(clean[:head], -1) {
		y, _ := strconv.Atoi(clean[m[2]:m[3]])
		score[y] += 3
		why[y] = append(why[y], "dated "+clean[m[0]:m[1]])
	}
	dating := map[int]bool{} // years an event the text names fixes
	anniversary := func(re *regexp.Regexp, founded int, what string) {
		for _, m := range re.FindAllStringSubmatch(clean, -1) {
			n, _ := strconv.Atoi(m[1] + m[2])
			y := founded + n
			score[y] += 10
			dating[y] = true
			r := fmt.Sprintf("the %s anniversary of %s (founded %d) falls in %d", ordinal(n), what, founded, y)
			if !slices.Contains(why[y], r) {
				why[y] = append(why[y], r)
			}
		}
	}
	anniversary(prcAnniversary, 1949, "the People's Republic")
	anniversary(partyAnniversary, 1921, "the Communist Party")
	if h1n1.MatchString(clean) {
		score[2009] += 5
		dating[2009] = true
		why[2009] = append(why[2009], "influenza A (H1N1) is the 2009 pandemic")
	}
	if covid.MatchString(clean) {
		for y := range score {
			if y < 2020 {
				delete(score, y)
			}
		}
	}
	// A title's year is the document's claim of its year. Only an event
	// that dates the text (an anniversary, the 2009 influenza) overrules
	// it, never how often the text names another year: the body of a work
	// report names the year it reviews, the one before its own, more often
	// than its own.
	titled := false
	for y := range titleYears {
		if _, kept := score[y]; kept {
			titled = true
		}
	}
	contests := func(y int) bool { return !titled || titleYears[y] || dating[y] }
	best, bestScore := 0, 0.0
	for y, s := range score {
		if contests(y) && (s > bestScore || (s == bestScore && y > best)) {
			best, bestScore = y, s
		}
	}
	if best == 0 {
		return 0, "no year found in the text"
	}
	reason := strings.Join(why[best], "; ")
	if reason == "" {
		reason = fmt.Sprintf("%d is the year the text names most", best)
	}
	// The other years of the head. What the title says, or the opening of a
	// text without a title year, is a claim of the document's year: it is
	// said to be contradicted only where evidence rules it out (an event
	// that dates the text, a mention of COVID-19), and otherwise said with
	// how it weighed. A year the text says it reviews, the year before the
	// one read ("一、2021年工作回顾" in the 2022 report), is no claim of the
	// document's year at all: said as the year reviewed. Nor is a year the
	// opening names under a title that names another: said as named, with
	// how it weighed.
	reviewed := reviewedYears(clean)
	for _, y := range headYears {
		s, kept := score[y]
		claim := titleYears[y] || len(titleYears) == 0
		switch {
		case y == best:
		case reviewed[y] && y == best-1:
			reason += fmt.Sprintf("; %s also names %d, the year reviewed", where(y), y)
		case claim && !kept:
			reason += fmt.Sprintf("; %s says %d, which a mention of COVID-19 contradicts", where(y), y)
		case !kept:
			reason += fmt.Sprintf("; the opening also names %d, which a mention of COVID-19 rules out", y)
		case claim && dating[best] && !dating[y]:
			reason += fmt.Sprintf("; %s says %d, which the evidence contradicts", where(y), y)
		case !contests(y) && s >= bestScore:
			reason += fmt.Sprintf("; the opening also names %d, as often or more, which does not overrule the title", y)
		case s == bestScore:
			reason += fmt.Sprintf("; %s also names %d, with the same weight: the later year is taken", where(y), y)
		default:
			reason += fmt.Sprintf("; %s also names %d, with less weight", where(y), y)
		}
	}
	// A date naming another year: said as the date, not as a claim of the
	// year (a communiqué on 2024 issued in March 2025).
	var datedOther []int
	for y := range datedYears {
		if y != best && !titleYears[y] && !openingYears[y] {
			datedOther = append(datedOther, y)
		}
	}
	slices.Sort(datedOther)
	for _, y := range datedOther {
		if y > best {
			reason += fmt.Sprintf("; dated %s, after the year it is about", datedYears[y])
		} else {
			reason += fmt.Sprintf("; dated %s, before the year it is about, which the evidence contradicts", datedYears[y])
		}
	}
	return best, reason
}

// documentDate returns the dateline of the document, if its head has one.
func documentDate(text string) (y, m, d int, ok bool) {
	clean := pageChrome.ReplaceAllString(text, "")
	head := clean[:min(len(clean), 600)]
	if mm := enDate.FindStringSubmatch(head); mm != nil {
		y, _ = strconv.Atoi(mm[3])
		d, _ = strconv.Atoi(mm[2])
		return y, monthNames[strings.ToLower(mm[1])], d, true
	}
	if mm := zhDate.FindStringSubmatch(head); mm != nil {
		y, _ = strconv.Atoi(mm[1])
		m, _ = strconv.Atoi(mm[2])
		d, _ = strconv.Atoi(mm[3])
		return y, m, d, true
	}
	return 0, 0, 0, false
}

// ordinal spells 60 as "60th" and 21 as "21st".
func ordinal(n int) string {
	code := fypCode(n)
	return code[:len(code)-len("-fyp")]
}
