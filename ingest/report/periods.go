package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var monthCodes = []string{"", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var (
	// 1—11月, 1-11月, 1至11月, 1～11月
	zhMonthRange = regexp.MustCompile(`(?:^|[^\d])1\s*(?:—|–|-|－|~|～|至|到)\s*(\d{1,2})\s*月(?:份)?`)
	// January to November, January-November, Jan.-Nov.
	enMonthRange = regexp.MustCompile(`(?i)\b(?:from )?jan(?:uary|\.)?\s*(?:to|-|–|—|through|until)\s*(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b`)
	firstHalf    = regexp.MustCompile(`(?i)上半年|\bfirst half\b|\bH1\b`)
	firstQuarter = regexp.MustCompile(`(?i)(?:第)?一季度|\bfirst quarter\b|\bQ1\b`)
	threeQuarter = regexp.MustCompile(`(?i)前三季度|\bfirst three quarters\b`)
)

// partialPeriod finds a partial-year period in s: "jan-nov", "h1", "q1",
// "jan-sep". It returns "" for a whole year. January–June is "h1" and
// January–March "q1", so that one period has one code.
func partialPeriod(s string) (code, phrase string) {
	month := 0
	if m := zhMonthRange.FindStringSubmatch(s); m != nil {
		month, _ = strconv.Atoi(m[1])
		phrase = m[0]
	} else if m := enMonthRange.FindStringSubmatch(s); m != nil {
		month = monthNames[strings.ToLower(m[1])]
		phrase = m[0]
	}
	switch {
	case month == 3:
		return "q1", phrase
	case month == 6:
		return "h1", phrase
	case month >= 2 && month <= 11:
		return "jan-" + monthCodes[month], phrase
	case month == 12:
		return "", "" // January–December is the whole year
	}
	if m := threeQuarter.FindString(s); m != "" {
		return "jan-sep", m
	}
	if m := firstHalf.FindString(s); m != "" {
		return "h1", m
	}
	if m := firstQuarter.FindString(s); m != "" {
		return "q1", m
	}
	return "", ""
}

// Five-Year Plans: the n-th plan runs from 1956+5(n-1) to 1955+5n; the 13th
// is 2016–2020, the 14th 2021–2025.
func fypEnd(n int) int { return 1955 + 5*n }

// fypOfYear returns the plan whose last year is y, or 0.
func fypOfEndYear(y int) int {
	if (y-1955)%5 != 0 || y < 1960 {
		return 0
	}
	return (y - 1955) / 5
}

func fypCode(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s-fyp", n, suffix)
}

var (
	enPlan = regexp.MustCompile(`(?i)\b(\d{1,2})(?:th|st|nd|rd)\s+five[- ]year`)
	zhPlan = regexp.MustCompile(`十([一二三四五六七八九])五`)
	// The end of a plan: "at the end of the 12th Five-Year Plan", 十二五末.
	enPlanEnd = regexp.MustCompile(`(?i)\bend of the\s+(\d{1,2})(?:th|st|nd|rd)\s+five[- ]year`)
	zhPlanEnd = regexp.MustCompile(`十([一二三四五六七八九])五”?(?:末|期末)`)
)

var zhDigit = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

// plansIn returns the Five-Year Plans named in s, in order.
func plansIn(s string) []int {
	type hit struct{ at, n int }
	var hits []hit
	for _, m := range enPlan.FindAllStringSubmatchIndex(s, -1) {
		n, _ := strconv.Atoi(s[m[2]:m[3]])
		hits = append(hits, hit{m[0], n})
	}
	for _, m := range zhPlan.FindAllStringSubmatchIndex(s, -1) {
		hits = append(hits, hit{m[0], 10 + zhDigit[s[m[2]:m[3]]]})
	}
	var out []int
	for len(hits) > 0 {
		best := 0
		for i := range hits {
			if hits[i].at < hits[best].at {
				best = i
			}
		}
		out = append(out, hits[best].n)
		hits = append(hits[:best], hits[best+1:]...)
	}
	return out
}

// planEndIn returns the plan whose end s names ("end of the 12th Five-Year
// Plan" → 12), or 0.
func planEndIn(s string) int {
	if m := enPlanEnd.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	if m := zhPlanEnd.FindStringSubmatch(s); m != nil {
		return 10 + zhDigit[m[1]]
	}
	return 0
}
