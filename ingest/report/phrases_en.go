package report

import (
	"slices"

	"github.com/plancast/plancast/ingest/internal/bounds"
)

// The phrasing of English translations of Chinese reports, including the
// stilted forms machine translation produces ("GDP growth of 8.5%", "an
// annual increase of 5.3%", "10 per cent growth in fixed asset investment").
var en = phrases{
	decline:   []string{`\bdeclin(?:e|ed|ing)\b`, `\bdecreas(?:e|ed|ing)\b`, `\bdrop(?:ped)?\b`, `\bf(?:a|e)ll\b`, `\bdown\b`, `\breduc(?:ed|tion)\b`, `negative growth`},
	avgGrowth: []string{`average annual`, `annual average`, `average yearly`, `averag(?:e|ed|ing) (?:an )?annual`},
	// avgGrowthWeak reads as an average only next to a "from X to Y" pair.
	avgGrowthWeak: []string{`\ban annual (?:increase|growth|rise)\b`, `\bannual(?:ly)? (?:increase|growth)\b`, `\bper year\b`, `\ba year\b`},
	growth:        []string{`\bincreas(?:e|ed|es|ing)\b`, `\bgr(?:ow|ew|own|owth|owing)\b`, `\bris(?:e|en|ing)\b`, `\brose\b`, `\bup\b`, `\bhigher\b`, `\bexpand(?:ed)?\b`, `\braised?\b`},
	share:         []string{`\baccount(?:s|ed|ing)? for\b`, `\bshare\b`, `\bproportion\b`, `(?:%|percent|per cent) of\b`},
	// Milestones passed ("crossed the 240 billion yuan mark", "exceeded 12
	// billion yuan", the usual rendering of 突破/超过) are bounds, as 迈上…台阶
	// is (phrases_zh.go); "has not exceeded 4.5%" is a ceiling.
	atLeastBefore: slices.Concat(bounds.En.AtLeastBefore, []string{`\bsurpass(?:ed|es|ing)?\b`, `\bbr(?:oke|eaks?|eaking) through\b`, `\bcross(?:ed|es|ing)?\b`, `\btopp(?:ed|ing)\b`, `\bexceeded\b`}),
	atMostBefore:  slices.Concat(bounds.En.AtMostBefore, []string{`\b(?:not|never)\s+(?:been\s+)?exceeded\b`}),
	aboutBefore:   bounds.En.AboutBefore,
	atLeastAfter:  slices.Concat(bounds.En.AtLeastAfter, []string{`(?i)^\s*(?:mark|threshold|milestone)\b`}),
	atMostAfter:   bounds.En.AtMostAfter,
	aboutAfter:    bounds.En.AboutAfter,
	estimate:      []string{`\b(?:is|are|was|were) expected to\b`, `\bexpected to (?:be|reach|complete|achieve|exceed)\b`, `\bestimated\b`, `\bprojected to\b`},
	cumulative:    []string{`\bcumulative(?:ly)?\b`, `\bin total over\b`, `\ba total of\b`},
	withinYear:    []string{`\b(?:the\s+)?whole\s+year\b`, `\bthis\s+year\b`, `\bso\s+far\b`, `\byear[- ]to[- ]date\b`, `\bduring\s+the\s+year\b`, `\bfirst\s+(?:half|quarter|three\s+quarters)\b`, `\bjanuary\s+to\b`},
	annualTarget: []string{
		`\bmain (?:expected )?(?:objectives?|goals?|targets?)\b`, `\bexpected (?:goals?|objectives?|targets?)\b`,
		`\b(?:goals?|objectives?|targets?) (?:for|of) (?:this year|the year|(?:19|20)\d\d)\b`,
	},
	fypTarget: []string{
		`\b(?:goals?|objectives?|targets?|tasks?)\b[^.。;；]{0,40}\b\d{2}(?:th|st|nd|rd) five[- ]year`,
		`\b\d{2}(?:th|st|nd|rd) five[- ]year plan\b[^.。;；]{0,30}\b(?:goals?|objectives?|targets?)\b`,
		`\bby the end of the \d{2}(?:th|st|nd|rd) five[- ]year`,
	},
	reviewHeading: []string{`\breview\b`, `\bpast\b`, `\bachievements?\b`, `\blooking back\b`, `\bsummary\b`},
	planHeading:   []string{`\barrangements?\b`, `\bgoals?\b`, `\bobjectives?\b`, `\btargets?\b`, `\btasks?\b`, `\bwork plan\b`, `\bwe will\b`, `\bplans? for\b`},
	fiveYears:     []string{`\bfive years\b`, `\b(?:past|last) five years\b`, `\b\d{2}(?:th|st|nd|rd) five[- ]year plan period\b`},
	points:        []string{`\bpercentage points?\b`},
	nextFiveYears: []string{`\b(?:the\s+)?(?:next|coming|following)\s+five\s+years\b`},
	thisYear:      []string{`\bthis\s+year`}, // "this yearThe main …": translations glue words
	planFirstYear: []string{`\b(?:the\s+)?(?:first|opening|beginning)\s+year\b`},
	workReport:    []string{`\bgovernment work report\b`, `\breport on (?:the )?(?:work of the )?government(?: work)?\b`, `\bwork report\b`},
	communique:    []string{`\bstatistical (?:communiqu[eé]|bulletin)\b`, `\bstatistics bulletin\b`},
	summary:       []string{`\bsummary\b`},
	planDocument:  []string{`\bkey tasks\b`, `\bdecomposition\b`, `\bbroken down\b`, `\bdivision of (?:labor|responsibilit)`},
	respectively:  []string{`\brespectively\b`},
}
