package report

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Year mentions. A bare four-digit number is a year only where the wording
// says so: 2020年, "in 2020", "2021 is", "by 2025"; "2000 urban jobs" is not.
var (
	zhYear = regexp.MustCompile(`((?:19|20)\d\d)\s*年`)
	enYear = regexp.MustCompile(`(?im)(?:\b(?:in|by|of|for|since|until|till|during|end of|year|before|after|from|to)\s+|^|[,，(（、])\s*((?:19|20)\d\d)\b(?:\s*(?:is|was|will|years?\b|,|\.|;|:|\)|$))`)
	// Page chrome of government web sites: the day the page was crawled.
	pageChrome = regexp.MustCompile(`(?i)today is\s*\d{4}-\d{1,2}-\d{1,2}|今天是\s*\d{4}年\d{1,2}月\d{1,2}日`)
	// A dateline: "April 20, 2021", "2021年4月20日".
	enDate = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b`)
	zhDate = regexp.MustCompile(`((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日`)
)

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
	prcAnniversary   = regexp.MustCompile(`(?i)(\d{2,3})(?:th|st|nd|rd) anniversary of the (?:founding of the )?(?:new china|people's republic|prc)|(?:新中国成立|建国|中华人民共和国成立)(\d{2,3})周年`)
	partyAnniversary = regexp.MustCompile(`(?i)(\d{2,3})(?:th|st|nd|rd) anniversary of the (?:founding of the )?(?:(?:communist )?party|cpc)|(?:建党|中国共产党成立|党的)(\d{2,3})周年`)
	h1n1             = regexp.MustCompile(`(?i)\bH1N1\b|甲型H1N1|甲流`)
	covid            = regexp.MustCompile(`(?i)covid|新冠|新型冠状病毒`)
)

// titleRunes is the longest first line read as a title: the reference
// reports open (after the page chrome) with a title or a site's breadcrumb
// of 25 to 67 characters ("侯马市2021年政府工作报告" is 15), and the head
// that follows counts as their title lines; a paragraph's first line runs
// to hundreds.
const titleRunes = 80

// inferYear returns the year a document is about and why. The scoring: each
// year named counts 1, named in the title lines 3 more, in a dateline 3 more;
// an anniversary counts 10 and the 2009 influenza A (H1N1) 5; a COVID-19
// mention rules out years before 2020. Page chrome ("Today is 2020-8-28") is
// ignored: it is when the page was crawled, not what it reports.
func inferYear(text string) (int, string) {
	clean := pageChrome.ReplaceAllStringFunc(text, func(s string) string { return strings.Repeat(" ", len(s)) })
	score := map[int]float64{}
	why := map[int][]string{}
	head := min(len(clean), 600)
	titleYears := map[int]bool{}
	for _, m := range yearsIn(clean) {
		score[m.year]++
		if m.at < head {
			score[m.year] += 3
			titleYears[m.year] = true
		}
	}
	// Where those years were read: the title, when the text opens with a
	// line of its own (a title is short); else only the opening of the text,
	// a paragraph pasted without its title.
	opening := "the opening"
	if first, _, found := strings.Cut(strings.TrimSpace(clean[:head]), "\n"); found && len([]rune(first)) <= titleRunes {
		opening = "the title"
	}
	for y := range titleYears {
		why[y] = append(why[y], fmt.Sprintf("%s names %d", opening, y))
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
	anniversary := func(re *regexp.Regexp, founded int, what string) {
		for _, m := range re.FindAllStringSubmatch(clean, -1) {
			n, _ := strconv.Atoi(m[1] + m[2])
			y := founded + n
			score[y] += 10
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
		why[2009] = append(why[2009], "influenza A (H1N1) is the 2009 pandemic")
	}
	if covid.MatchString(clean) {
		for y := range score {
			if y < 2020 {
				delete(score, y)
			}
		}
	}
	best, bestScore := 0, 0.0
	for y, s := range score {
		if s > bestScore || (s == bestScore && y > best) {
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
	for y := range titleYears {
		if y != best {
			reason += fmt.Sprintf("; %s says %d, which the evidence contradicts", opening, y)
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
