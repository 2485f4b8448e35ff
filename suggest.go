package plancast

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A code someone typed and the catalog lacks is usually a near miss: a typo
// ("gpd"), the words in another order ("disposable_income_urban" for
// "urban_disposable_income"), or a name instead of a code ("Houma", "侯马").
// RegionHint and IndicatorHint turn such a miss into "; did you mean …" so the
// error says how to put it right.

// RegionHint is `; did you mean "houma"?` when typed is close to the code or
// a name of a region of rs, and "" when nothing is.
func RegionHint(typed string, rs []Region) string {
	cands := make([]codeNames, len(rs))
	for i, r := range rs {
		cands[i] = codeNames{r.Code, []string{r.Name, r.NameZh}}
	}
	return didYouMean(suggest(typed, cands))
}

// IndicatorHint is RegionHint for indicators.
func IndicatorHint(typed string, inds []Indicator) string {
	cands := make([]codeNames, len(inds))
	for i, ind := range inds {
		cands[i] = codeNames{ind.Code, []string{ind.Name, ind.NameZh}}
	}
	return didYouMean(suggest(typed, cands))
}

type codeNames struct {
	code  string
	names []string
}

func didYouMean(codes []string) string {
	switch len(codes) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("; did you mean %q?", codes[0])
	}
	quoted := make([]string, len(codes))
	for i, c := range codes {
		quoted[i] = fmt.Sprintf("%q", c)
	}
	return "; did you mean " + strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1] + "?"
}

// nearEnough reports whether d edits is a likely typo in a word of n runes:
// at most two, and at most one per three runes, so "gpd" finds "gdp" (1 of
// 3) and "huoma" "houma", but "cpi" does not find "gdp" (3 of 3). Every "did
// you mean" of plancast judges nearness by it.
func nearEnough(d, n int) bool { return d <= 2 && 3*d <= n+1 }

// NameHint is `; did you mean "level"?` when typed is a near miss of one of
// names, a fixed list of codes (a target's kinds, a figure's statuses or
// periods), and "" when none is near: the same in another case or with
// other separators first ("Avg Growth" for avg_growth, "H 1" for h1), then
// the names nearEnough in edits, the nearest, when no more than three are
// as near ("q5" is one edit from q1, q2, q3 and q4, and offered none).
func NameHint(typed string, names []string) string {
	t := strings.TrimSpace(typed)
	n := utf8.RuneCountInString(t)
	if n == 0 || n > 64 {
		return ""
	}
	typedSquashed := squashed(t)
	for _, name := range names {
		if typedSquashed == squashed(name) && t != name {
			return didYouMean([]string{name})
		}
	}
	t = strings.ToLower(t)
	var near []string
	best := 1 << 30
	for _, name := range names {
		d := EditDistance(t, name)
		switch {
		case !nearEnough(d, n) || d > best:
		case d < best:
			best, near = d, []string{name}
		default:
			near = append(near, name)
		}
	}
	if len(near) > 3 {
		return ""
	}
	return didYouMean(near)
}

// squashed is s in lower case without spaces, hyphens and underscores.
func squashed(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// PlanHint is NameHint for a plan code: `; did you mean "14th-fyp"?` for
// "14th-FYP", "14th fyp", "14th-fpy" or "14-fyp", `; did you mean
// "2021-annual"?` for "2021-anual". The code offered keeps the number
// typed: a year's annual plan, a one- or two-digit number's Five-Year
// Plan ("14-fyp" is not offered "1st-fyp", as near in edits); without a
// number, any Five-Year Plan's. The number alone is offered its plan too,
// however far in edits: "2026" the 2026 plan's "2026-annual", "15th" or
// "15" the 15th Five-Year Plan's "15th-fyp".
func PlanHint(typed string) string {
	var plans []string
	switch num := numberIn.FindString(typed); len(num) {
	case 4:
		plans = []string{num + "-annual"}
		if squashed(typed) == num {
			return didYouMean(plans)
		}
	case 1, 2:
		n, _ := strconv.Atoi(num)
		plans = []string{Ordinal(n) + "-fyp"}
		if t := squashed(typed); t == num || t == Ordinal(n) {
			return didYouMean(plans)
		}
	case 0:
		for n := 1; n <= 20; n++ {
			plans = append(plans, Ordinal(n)+"-fyp")
		}
	}
	return NameHint(typed, plans)
}

// numberIn finds the number in a mistyped plan code.
var numberIn = regexp.MustCompile(`[0-9]+`)

// Nearest is the one of names fewest edits from typed (the first in sorted
// order among equals) when that is nearEnough, else "": "forcast" →
// "forecast", "regoin" → "region", "data_dir" → "data-dir".
func Nearest(typed string, names []string) string {
	n := utf8.RuneCountInString(typed)
	if n > 100 { // longer than any name: no near miss, and the distance is quadratic
		return ""
	}
	best, bestD := "", 1<<30
	for _, name := range names {
		if diff := utf8.RuneCountInString(name) - n; diff > 2 || diff < -2 {
			continue // at least that many edits apart: not near enough
		}
		if d := EditDistance(typed, name); d < bestD || d == bestD && name < best {
			best, bestD = name, d
		}
	}
	if best == "" || !nearEnough(bestD, n) {
		return ""
	}
	return best
}

// suggest returns up to three codes of cands close to typed, closest first.
//
// A code's distance is the least of: the edit distance (optimal string
// alignment, so a swap of two letters costs 1) between typed and the code,
// the same between both with their "_"-separated words sorted, and 0 when
// typed, lowercased, and the code or one of the names lie one within the
// other (a word at least; see contained). A code is close when that
// distance is nearEnough for the longer of the two; and only the codes
// within one edit of the closest are offered, so a typo in
// "urban_disposable_income" does not also offer "rural_disposable_income".
func suggest(typed string, cands []codeNames) []string {
	t := strings.ToLower(strings.TrimSpace(typed))
	// Longer than any code (ValidCode allows 64): no near miss, and the
	// distance's cost grows with the length, which a client chooses.
	if t == "" || len(t) > 64 {
		return nil
	}
	type scored struct {
		code string
		d    int
	}
	var near []scored
	for _, c := range cands {
		d := min(EditDistance(t, c.code), EditDistance(sortedWords(t), sortedWords(c.code)))
		if contained(t, c.code) {
			d = 0
		}
		for _, n := range c.names {
			if contained(t, strings.ToLower(n)) {
				d = 0
			}
		}
		if nearEnough(d, max(utf8.RuneCountInString(t), len(c.code))) {
			near = append(near, scored{c.code, d})
		}
	}
	slices.SortFunc(near, func(a, b scored) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.code, b.code)
	})
	var out []string
	for _, s := range near[:min(3, len(near))] {
		if s.d <= near[0].d+1 {
			out = append(out, s.code)
		}
	}
	return out
}

// contained reports whether one of a and b lies within the other, the part
// being a word at least: three characters, or two of Chinese ("侯马").
func contained(a, b string) bool {
	word := func(s string) bool {
		n := len([]rune(s))
		return n >= 3 || n == 2 && len(s) > n
	}
	return word(a) && strings.Contains(b, a) || word(b) && strings.Contains(a, b)
}

func sortedWords(s string) string {
	w := strings.Split(s, "_")
	slices.Sort(w)
	return strings.Join(w, "_")
}

// osaDistance is the optimal-string-alignment edit distance between a and b
// (insertions, deletions, substitutions and swaps of adjacent runes, each 1).
func EditDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// d[i][j] is the distance between x[:i] and y[:j]; three rows suffice.
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}
