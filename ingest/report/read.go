package report

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/plancast/plancast"
)

// reader reads one document.
type reader struct {
	doc       *document
	cat       *catalog
	opt       Options
	year      int // the report's year
	kind      string
	published plancast.Date
	src       *source // the input decoded: doc's offsets are offsets in src.text
	ext       *Extraction
}

// percentRole is what a percentage says about its indicator.
type percentRole int

const (
	rolePlain     percentRole = iota // a rate or share itself: "unemployment 4.2%"
	roleGrowth                       // growth over the year before
	roleAvgGrowth                    // average annual growth over several years
	roleShare                        // a share of something
)

// figure is a quantity read for an indicator, with what the words around it say.
type figure struct {
	q       *quantity
	role    percentRole
	weakAvg bool    // "an annual increase": an average only beside a from/to pair
	sign    float64 // -1 for a decline
	bound   string  // at_least, at_most, about
	before  string  // the words before it
	// overYear is the year a growth is stated over ("比2020年增长36%",
	// "up 36% over 2020"), 0 when the text names none (比上年: the year
	// before). cumulative: the growth is a total over several years
	// ("五年累计增长21.9%").
	overYear   int
	cumulative bool
	// respective says whose figure it is when 分别 ("respectively") gave it
	// to a name before the one nearest it: "" when the nearest name's.
	respective string
	// setAgainst quotes the words that make the figure the target an
	// outturn before it is set against ("高于6%—6.5%的预期目标"), "" for
	// any other figure (outturnTarget).
	setAgainst string
}

// Cues that pair two levels as "from X to Y".
var (
	fromCue = regexp.MustCompile(`(?i)\bfrom|由|从`)
	toCue   = regexp.MustCompile(`(?i)\bto\b|到|至|增至|达到`)
	// "45 billion yuan of X", "10000 tons of oil": the figure names its indicator after it.
	ofAfter = regexp.MustCompile(`(?i)^\s*of\s+(?:the\s+)?$`)
	// "10 per cent growth in X", "A 10% increase in X".
	// connector joins two figures of one list: "7% and 9%", "7%和9%", "7%、9%".
	connector = regexp.MustCompile(`(?i)^\s*(?:and|or|,|、|和|与|及|，)\s*$`)
	// listJoin joins two figures of one list of growths, the second a
	// decline perhaps: "8.2%和-3%", "8.2%、下降3%", "up 8.2% and down 3%". Its
	// last group is a minus sign written on the figure (ASCII, U+2212,
	// full-width or small).
	listJoin = regexp.MustCompile(`(?i)^\s*(?:and|or|,|、|和|与|及|，)\s*(?:(?:增长|增加|上升|提高|下降|减少|回落|下滑|降低|up|rose|increased|grew|down|fell|decreased|declined|dropped)\s*(?:by\s*)?)?([-−－﹣])?\s*$`)
	// minusBefore: a minus sign written on a growth ("增长-3%").
	minusBefore   = regexp.MustCompile(`[-−－﹣]\s*$`)
	growthInAfter = regexp.MustCompile(`(?i)^\s*(?:(growth|increase|rise)|(decline|decrease|drop|fall))\s+in\s+(?:the\s+)?$`)
)

// readClause reads the figures of one clause.
func (r *reader) readClause(s sentence, cl span, cx clauseContext) {
	text := r.doc.text
	qs := findQuantities(text, cl.start, cl.end)
	if len(qs) == 0 {
		return
	}
	mentions := r.cat.findMentions(text, cl.start, cl.end)
	owned := make([][]figure, len(mentions))
	for i := range qs {
		q := &qs[i]
		mi, backward := owner(text, q, mentions)
		switch {
		case mi < 0:
			r.unread(s, q, "", "no indicator of the catalog is named for it in its clause")
			continue
		case mentions[mi].blocker && mentions[mi].boundary:
			r.unread(s, q, "", "no indicator of the catalog is named for it in its part of the sentence")
			continue
		case mentions[mi].blocker:
			name := text[mentions[mi].start:mentions[mi].end]
			r.unread(s, q, name, explain("the text gives it to %s, which is not an indicator of the catalog", name))
			continue
		}
		prevEnd := cl.start
		if i > 0 {
			prevEnd = qs[i-1].end
		}
		owned[mi] = append(owned[mi], r.describe(text, cl, q, mentions, mi, backward, owned[mi], prevEnd, cx.target))
	}
	for _, u := range pairRespectively(text, cl, mentions, owned) {
		r.unread(s, u.q, "", u.reason)
	}
	for mi, m := range mentions {
		if m.blocker || len(owned[mi]) == 0 {
			continue
		}
		region := text[m.start:ownedEnd(mentions, mi, cl)]
		for di, d := range m.defs {
			if d.needsShare && !cues.share.in(region) {
				// 第二产业 alone: the industry's value added, not its share.
				name := text[m.start:m.end]
				for _, f := range owned[mi] {
					r.unread(s, f.q, name, explain("the text gives it to %s, which without a share (占…比重, accounts for) is not an indicator of the catalog", name))
				}
				continue
			}
			figs := shareOut(owned[mi], di, len(m.defs), region)
			r.emit(s, cl, d, figs, cx, text[cl.start:cl.end])
		}
	}
}

// unread lists figure q of sentence s as one no indicator was read from.
func (r *reader) unread(s sentence, q *quantity, name, reason string) {
	p := r.quote(s, q)
	r.ext.Unread = append(r.ext.Unread, Unread{
		Sentence: p.Sentence, Start: p.Start, End: p.End,
		Original: p.Original, OriginalStart: p.OriginalStart, OriginalEnd: p.OriginalEnd,
		Name: name, Reason: reason,
	})
}

// owner finds the mention a quantity belongs to: the name it is written into
// ("5,900 new jobs"), the name right after it ("10000 tons of oil", "10%
// growth in X"), or else the nearest name before it in the clause.
func owner(text string, q *quantity, ms []mention) (int, bool) {
	for i, m := range ms {
		if q.start < m.end && m.start < q.end {
			return i, false
		}
	}
	for i, m := range ms {
		if m.start < q.end || m.start-q.end > 30 {
			continue
		}
		between := text[q.end:m.start]
		if q.dim != dimPercent && ofAfter.MatchString(between) {
			return i, true
		}
		if q.dim == dimPercent && growthInAfter.MatchString(between) {
			return i, true
		}
	}
	best := -1
	for i, m := range ms {
		if m.start < q.start {
			best = i
		}
	}
	return best, false
}

// ownedEnd is where the words a mention owns end: the next mention or the clause end.
func ownedEnd(ms []mention, i int, cl span) int {
	if i+1 < len(ms) {
		return ms[i+1].start
	}
	return cl.end
}

// describe reads the words around a quantity: growth or decline, average,
// share, and bounds such as "more than" or 以内.
//
// The words looked at run from the end of the previous figure or of the name
// before the owner's, whichever is later: "Increase X by at least 5%" keeps
// its verb, "X增长8%，Y控制在4.5%以内" does not lend X's verb to Y.
// In a clause of observations (targets false), a percentage may be the
// target the outturn before it is set against (outturnTarget).
func (r *reader) describe(text string, cl span, q *quantity, ms []mention, mi int, backward bool, prev []figure, prevEnd int, targets bool) figure {
	f := figure{q: q, sign: 1}
	from := max(cl.start, prevEnd)
	if mi > 0 && ms[mi-1].end > from && ms[mi-1].end <= q.start {
		from = ms[mi-1].end
	}
	before := text[from:q.start]
	after := text[q.end:min(cl.end, q.end+40)]
	if backward {
		if m := growthInAfter.FindStringSubmatch(text[q.end:ms[mi].start]); m != nil {
			after = m[0]
			if m[2] != "" {
				f.sign = -1
			}
		}
	}
	f.before = before
	nearAt := max(0, len(before)-30)
	if m := ms[mi]; m.end > from && m.end <= q.start {
		// Words of the name are none of the bound's: "Industrial added
		// value above scale from 13.1 …" puts no floor on 13.1.
		nearAt = max(nearAt, m.end-from)
	}
	bound, words := boundBefore(before[nearAt:])
	switch after := afterBound(after); {
	case after == "":
	case bound == "", bound == "about":
		bound = after
	}
	f.bound = bound
	if q.dim != dimPercent {
		return f
	}
	if !targets {
		// An outturn is set against its target in a review, not in a
		// clause of targets.
		f.setAgainst = outturnTarget(text, q, cl.start, prevEnd, cl.end)
	}
	if f.setAgainst != "" {
		// The comparison word is the outturn's against the target
		// ("高于6%的预期目标": the outturn is above 6%), no bound of the
		// target: only its own words bound it ("7%左右的预期目标").
		f.bound = afterBound(after)
		if f.bound == "" && bound == "about" {
			f.bound = bound
		}
	}
	// The bound's own words say nothing of growth: "no higher than 4.5%"
	// is a ceiling, not a rise.
	if words != nil {
		before = before[:nearAt+words[0]] + strings.Repeat(" ", words[1]-words[0]) + before[nearAt+words[1]:]
	}
	afterWords := strings.ToLower(after)
	switch {
	case cues.decline.in(before):
		f.role, f.sign = roleGrowth, -1
	case cues.avgGrowth.in(before):
		f.role = roleAvgGrowth
	case cues.share.in(before) || strings.HasPrefix(strings.TrimSpace(afterWords), "of "):
		f.role = roleShare
	case cues.growth.in(before) || backward:
		f.role = roleGrowth
		f.weakAvg = cues.avgGrowthWeak.in(before)
	}
	if cues.decline.in(before) && cues.avgGrowth.in(before) {
		f.role = roleAvgGrowth
	}
	if f.role == roleGrowth || f.role == roleAvgGrowth {
		if ms := growthOverYear.FindAllStringSubmatch(before, -1); ms != nil {
			m := ms[len(ms)-1]
			f.overYear, _ = strconv.Atoi(m[1] + m[2])
		}
		if m := growthOverYearAfter.FindStringSubmatch(after); m != nil {
			f.overYear, _ = strconv.Atoi(m[1])
		}
		f.cumulative = cues.cumulative.in(before)
	}
	// "by 7% and 9% respectively", "分别增长7%和9%": the second figure takes
	// the role of the first; "分别增长8.2%和-3%" with its own sign.
	if f.role == rolePlain && len(prev) > 0 && prev[len(prev)-1].q.dim == dimPercent && listJoin.MatchString(before) {
		last := prev[len(prev)-1]
		f.role, f.sign, f.weakAvg = last.role, last.sign, last.weakAvg
		if f.bound == "" {
			f.bound = last.bound
		}
	}
	// "增长-3%", "分别增长8.2%和−3%": a growth written negative is a decline.
	if (f.role == roleGrowth || f.role == roleAvgGrowth) && minusBefore.MatchString(before) {
		f.sign = -f.sign
	}
	// "增长7.2%，高于6%的预期目标": the target an outturn is set against is
	// of the outturn's kind, a growth (or decline) when the outturn is.
	if f.setAgainst != "" && f.role == rolePlain {
		for i := len(prev) - 1; i >= 0; i-- {
			if p := prev[i]; p.setAgainst == "" && (p.role == roleGrowth || p.role == roleAvgGrowth) {
				f.role, f.sign, f.weakAvg = p.role, p.sign, p.weakAvg
				break
			}
		}
	}
	return f
}

// respectivelyAfter: "up 5.6% and 7.1% respectively" says it after the figures.
var respectivelyAfter = regexp.MustCompile(`(?i)^\s*[,，]?\s*respectively\b`)

// pairRespectively gives a list of figures said "respectively" (分别) to
// the names before it, one each in order, where each name has its own
// figure before the list: "城镇居民人均可支配收入达到43520元，农村居民人均可
// 支配收入达到21350元，分别增长5.6%和7.1%" gives 5.6% to the urban income and
// 7.1% to the rural one, not both to the rural income, the name nearest to
// them. The list is figures of one kind (a unit, growth or a level) joined
// by 和, 、 or "and", and there are as many names, each of one indicator,
// none with a figure of that kind of its own.
//
// The names are those the list speaks of: the names joined by 、, 和 or
// "and" right before it ("A、B、C分别达到x、y"), or else the names each with a
// figure of its own running up to it ("A x、B y、C z，分别增长p、q"). When
// they are more or fewer than the figures, which figure is whose is not
// clear: the list is paired with none of them, not with the last names nor
// all with the nearest, and its figures are returned to be listed unread.
// A list that fits no such names otherwise stays with the nearest name.
func pairRespectively(text string, cl span, ms []mention, owned [][]figure) []unpaired {
	var out []unpaired
	for mi := range ms {
		for j := 0; j < len(owned[mi]); j++ {
			figs := owned[mi]
			first := figs[j]
			n := 1
			for j+n < len(figs) && figs[j+n].q.dim == first.q.dim && figs[j+n].role == first.role && listJoin.MatchString(figs[j+n].before) {
				n++
			}
			last := figs[j+n-1]
			cued := cues.respectively.in(first.before) || respectivelyAfter.MatchString(text[last.q.end:cl.end])
			if n < 2 || !cued {
				continue
			}
			word := cues.respectively.re.FindString(first.before + text[last.q.end:cl.end])
			// "分别增长6%和7%左右", "分别增长6%、5%、8%以上": the qualifier after
			// the list is every figure's, as "by over 8% respectively" is.
			if b := afterBound(text[last.q.end:min(cl.end, last.q.end+40)]); b != "" && b == last.bound {
				for i := j; i < j+n-1; i++ {
					if figs[i].bound == "" {
						figs[i].bound = b
					}
				}
			}
			k, names := listNames(text, ms, owned, mi)
			if names != n {
				if k == mi && names == 1 && !hasOtherFigure(owned[mi], figs[j:j+n]) {
					// "A分别增长p和q": one name, no list of names at all.
					continue
				}
				var list []string
				for _, m := range ms[k : mi+1] {
					list = append(list, text[m.start:m.end])
				}
				for _, f := range figs[j : j+n] {
					out = append(out, unpaired{f.q, explain("%q gives %d figures for the %d names it speaks of (%s): which figure is whose is not clear, so none is paired",
						word, n, names, strings.Join(list, ", "))})
				}
				owned[mi] = slices.Delete(slices.Clone(figs), j, j+n)
				j--
				continue
			}
			if k == mi || !respectiveNames(ms[k:mi+1], owned[k:mi+1], figs[j:j+n], first) {
				continue
			}
			group := slices.Clone(figs[j : j+n])
			owned[mi] = slices.Delete(slices.Clone(figs), j, j+n)
			for i, f := range group {
				k := mi - n + 1 + i
				f.respective = explain("%q pairs the %d figures with the %d names before them in order: %s, the %s, is %s's",
					word, n, n, f.q.raw, ordinalWord(i+1), text[ms[k].start:ms[k].end])
				owned[k] = append(owned[k], f)
			}
			j-- // the figures after the list moved up
		}
	}
	return out
}

// unpaired is a figure of a 分别 list no name could be given, and why.
type unpaired struct {
	q      *quantity
	reason string
}

// listNames finds the names a 分别 list owned by mention mi speaks of: from
// mention k to mi, and how many indicators they name. Names joined right
// before the list ("A、B和C分别…") are its names; else the names running up
// to it that each have a figure of their own ("A x，B y，分别增长…").
func listNames(text string, ms []mention, owned [][]figure, mi int) (int, int) {
	k := mi
	for k > 0 && !ms[k-1].blocker && connector.MatchString(text[ms[k-1].end:ms[k].start]) {
		k--
	}
	if k == mi {
		for k > 0 && !ms[k-1].blocker && len(owned[k-1]) > 0 {
			k--
		}
	}
	names := 0
	for _, m := range ms[k : mi+1] {
		names += max(1, len(m.defs))
	}
	return k, names
}

// hasOtherFigure: figs hold a figure outside the list.
func hasOtherFigure(figs, list []figure) bool {
	for _, f := range figs {
		if !slices.ContainsFunc(list, func(g figure) bool { return g.q == f.q }) {
			return true
		}
	}
	return false
}

// respectiveNames: the names can each take one figure of the list: each
// names one indicator, and none has a figure of the list's kind outside it.
func respectiveNames(ms []mention, owned [][]figure, group []figure, kind figure) bool {
	for i, m := range ms {
		if m.blocker || len(m.defs) != 1 {
			return false
		}
		for _, f := range owned[i] {
			if f.q.dim == kind.q.dim && f.role == kind.role && !slices.ContainsFunc(group, func(g figure) bool { return g.q == f.q }) {
				return false
			}
		}
	}
	return true
}

// ordinalWord spells 1 as "first".
func ordinalWord(n int) string {
	if n >= 1 && n <= 5 {
		return []string{"first", "second", "third", "fourth", "fifth"}[n-1]
	}
	return fmt.Sprintf("%dth", n)
}

// growthOverYear finds the year a growth is stated over in the words before
// it: "比2020年增长", "较2020年末增长", "与2020年相比增长", "over 2020", "compared
// with 2020".
var growthOverYear = regexp.MustCompile(`(?i)(?:比|较|与)` + gap + `((?:19|20)\d\d)` + gap + `年|\b(?:over|than|compared\s+(?:with|to))\s+(?:(?:the\s+)?(?:end\s+of\s+)?|in\s+)?((?:19|20)\d\d)\b`)

// growthOverYearAfter: "up 36% over 2020", "36% higher than in 2020",
// "an increase of 36% compared with 2020": English names the year after.
var growthOverYearAfter = regexp.MustCompile(`(?i)^\s*(?:(?:higher|more|up)\s+)?(?:over|than|compared\s+(?:with|to))\s+(?:in\s+|the\s+end\s+of\s+)?((?:19|20)\d\d)\b`)

// comparedGrowth settles a growth the text states over a year it names or
// as a total over several years, for a figure of year whose average growth
// would run from baseYear. A growth over the year before is year on year;
// an average over a named year runs from it; a growth over an earlier year
// in all ("比2020年增长36%" of 2025), or a cumulative one, is no growth of
// the year nor an average a year, and is not kept: why is said.
func comparedGrowth(growth *float64, kind string, gf *figure, year, baseYear int) (*float64, string, int, string) {
	if growth == nil || gf == nil {
		return growth, kind, baseYear, ""
	}
	switch y := gf.overYear; {
	case gf.q.rng != nil:
		return nil, "", baseYear, explain("the growth is a range %s, not one figure: not kept", gf.q.rng)
	case gf.cumulative:
		return nil, "", baseYear, explain("the growth %g%% is a total over several years (累计, cumulative), not a growth of %d nor an average a year: not kept", *growth, year)
	case y == 0:
	case y == year-1:
		return growth, "yoy", baseYear, ""
	case y >= year:
		return nil, "", baseYear, explain("the growth %g%% is stated over %d, which is not before the figure's year %d: not kept", *growth, y, year)
	case kind == "avg_annual":
		return growth, kind, y, ""
	default:
		n := year - y
		a := (math.Pow(1+*growth/100, 1/float64(n)) - 1) * 100
		return nil, "", baseYear, explain("the growth %g%% is over %d, %d years in all (%.1f%% a year), not year on year: not kept", *growth, y, n, a)
	}
	return growth, kind, baseYear, ""
}

// boundBefore reads the bound the words right before a figure put on it,
// and where those words stand in near: the bound words that end last, and
// of those the longest. "no less than 25,000" is at least 25,000, though
// "less than" (at most) is inside it; "控制在4.5%" at most.
func boundBefore(near string) (string, []int) {
	var bound string
	var at []int
	for _, b := range []struct {
		bound string
		c     cue
	}{{"at_most", cues.atMostBefore}, {"at_least", cues.atLeastBefore}, {"about", cues.aboutBefore}} {
		for _, m := range b.c.re.FindAllStringIndex(near, -1) {
			if at == nil || m[1] > at[1] || m[1] == at[1] && m[0] < at[0] {
				bound, at = b.bound, m
			}
		}
	}
	return bound, at
}

// afterBound reads the bound the words right after a figure put on it
// ("以内", "以上", "左右", "or more").
func afterBound(after string) string {
	switch {
	case cues.atMostAfter.in(after):
		return "at_most"
	case cues.atLeastAfter.in(after):
		return "at_least"
	case cues.aboutAfter.in(after):
		return "about"
	}
	return ""
}

// shareOut gives the figures of a mention naming two indicators ("urban and
// rural residents' income increased by 7% and 9% respectively") to the one
// at index di: one figure each in order, or the same figure to both.
func shareOut(figs []figure, di, n int, region string) []figure {
	if n == 1 {
		return figs
	}
	byRole := map[percentRole][]figure{}
	var levels []figure
	for _, f := range figs {
		if f.q.dim == dimPercent {
			byRole[f.role] = append(byRole[f.role], f)
		} else {
			levels = append(levels, f)
		}
	}
	pick := func(fs []figure) []figure {
		switch {
		case len(fs) == n:
			return []figure{fs[di]}
		case len(fs) == 1:
			return fs
		}
		return nil
	}
	var out []figure
	out = append(out, pick(levels)...)
	for _, role := range []percentRole{rolePlain, roleGrowth, roleAvgGrowth, roleShare} {
		out = append(out, pick(byRole[role])...)
	}
	return out
}

// provenance starts the provenance of a candidate read from sentence s.
func (r *reader) provenance(s sentence, d *indicatorDef, q *quantity) Provenance {
	p := r.quote(s, q)
	p.Unit, p.Confidence = d.Unit, 0.7
	return p
}

// quote is where figure q of sentence s stands: their text as decoded,
// their offsets in the input as sent.
func (r *reader) quote(s sentence, q *quantity) Provenance {
	start, end := r.doc.inputOffset(s.start), r.doc.inputOffset(s.end)
	qs, qe := r.doc.inputOffset(q.start), r.doc.inputOffset(q.end)
	return Provenance{
		Sentence:      string(r.src.text[start:end]),
		Start:         r.src.inputOffset(start),
		End:           r.src.inputOffset(end),
		Original:      string(r.src.text[qs:qe]),
		OriginalStart: r.src.inputOffset(qs),
		OriginalEnd:   r.src.inputOffset(qe),
	}
}

// emit turns the figures read for one indicator into candidates.
func (r *reader) emit(s sentence, cl span, d *indicatorDef, figs []figure, cx clauseContext, clause string) {
	if !cx.target {
		var targets []figure
		var outturn *figure
		if figs, targets, outturn = splitOutturnTargets(figs); len(targets) > 0 {
			r.emitOutturnTargets(s, cl, d, targets, outturn, cx, clause)
		}
	}
	var levels, percents []figure
	for _, f := range figs {
		switch {
		case f.q.dim == dimPoints:
			// A change in a rate ("1.5个百分点") is not a level.
		case f.q.dim == dimPercent:
			percents = append(percents, f)
		default:
			if _, ok := toUnit(1, f.q.dim, d.Unit); ok || d.asWritten {
				levels = append(levels, f)
			}
		}
	}
	rate := d.Kind == plancast.KindRate
	if rate {
		// For a rate, a plain percentage is the level itself.
		var rest []figure
		for _, f := range percents {
			if f.role == rolePlain || f.role == roleShare {
				levels = append(levels, f)
			} else {
				rest = append(rest, f)
			}
		}
		percents = rest
	}
	if cx.target {
		r.emitTargets(s, d, levels, percents, cx)
		return
	}
	r.emitObservations(s, d, levels, percents, cx, clause)
}

// growthOf returns the first growth figure, with its kind.
func growthOf(percents []figure, pair bool) (*float64, string, *figure) {
	for i, f := range percents {
		switch f.role {
		case roleAvgGrowth:
			v := f.sign * f.q.readings[0].base
			return &v, "avg_annual", &percents[i]
		case roleGrowth:
			v := f.sign * f.q.readings[0].base
			if f.weakAvg && pair {
				return &v, "avg_annual", &percents[i]
			}
			return &v, "yoy", &percents[i]
		}
	}
	return nil, "", nil
}

// fromTo finds "from X to Y" among the level figures.
func fromTo(text string, levels []figure) (a, b *figure) {
	if len(levels) < 2 {
		return nil, nil
	}
	x, y := &levels[0], &levels[1]
	if !fromCue.MatchString(x.before) || !toCue.MatchString(text[x.q.end:y.q.start]) {
		return nil, nil
	}
	return x, y
}

func (r *reader) emitObservations(s sentence, d *indicatorDef, levels, percents []figure, cx clauseContext, clause string) {
	if len(levels) == 0 {
		return
	}
	text := r.doc.text
	sentText := text[s.start:s.end]
	// "突破2400亿元，达到2401.2亿元": a threshold passed and the figure
	// stated; the figure is the candidate.
	var passed []figure
	if stated := slices.DeleteFunc(slices.Clone(levels), isThreshold); len(stated) > 0 && len(stated) < len(levels) {
		for _, f := range levels {
			if isThreshold(f) {
				passed = append(passed, f)
			}
		}
		levels = stated
	}
	a, b := fromTo(text, levels)
	growth, gkind, gf := growthOf(percents, a != nil)
	// 累计 in a year's or a month's figures is the year to date ("1-11月
	// 累计完成88亿元，累计增长12.5%", "全年累计完成"): one year's total and
	// its growth over the year before, not a total over several years.
	yearToDate := cx.period != plancast.PeriodYear || cues.withinYear.in(sentText[:max(0, levels[0].q.start-s.start)])
	if gf != nil && gf.cumulative && yearToDate {
		g := *gf
		g.cumulative = false
		gf = &g
	}
	var notKept string
	growth, gkind, cx.baseYear, notKept = comparedGrowth(growth, gkind, gf, cx.year, cx.baseYear)
	f := levels[0]
	switch {
	case a != nil && d.asWritten:
		f = *b // the figure the year has, as written
	case a != nil:
		r.emitFromTo(s, d, a, b, growth, gkind, cx, notKept)
		return
	}
	c := Candidate{Provenance: r.provenance(s, d, f.q)}
	c.Observation = r.observation(d, cx)
	ch, ok := levelChoice(f.q, d)
	if !ok {
		return
	}
	c.Value = ch.value
	c.Growth, c.GrowthBaseYear, c.GrowthKind = statedGrowth(growth, gkind, c.Year, cx.baseYear)
	c.Bound = f.bound
	r.applyChoice(&c.Provenance, ch)
	r.yearConfidence(&c.Provenance, cx)
	c.Reasons = append([]string{explain("%s read from %q", d.Code, f.q.raw)}, c.Reasons...)
	if f.respective != "" {
		c.Reasons = append(c.Reasons, f.respective)
	}
	if growth != nil {
		c.Reasons = append(c.Reasons, explain("stated growth %g%% (%s)", *growth, gkind))
		if gf.respective != "" {
			c.Reasons = append(c.Reasons, gf.respective)
		}
	}
	if notKept != "" {
		c.Reasons = append(c.Reasons, notKept)
	}
	for _, th := range passed {
		// The bound passed is a check on the figure beside it: "突破2400亿
		// 元，达到2351.2亿元" contradicts itself (a slip, or a garble such as
		// "1.208 billion" for 12.08 billion beside a 12 billion mark).
		if tc, ok := levelChoice(th.q, d); ok && (th.bound == "at_least" && c.Value < tc.value || th.bound == "at_most" && c.Value > tc.value) {
			side := "below"
			if th.bound == "at_most" {
				side = "above"
			}
			c.NeedsReview = true
			c.Confidence -= 0.2
			c.Reasons = append(c.Reasons, explain("%q is a bound the text gives (%s), but %q, stated beside it, is %g, %s it: the text contradicts itself; review it", th.q.raw, th.bound, f.q.raw, c.Value, side))
			continue
		}
		c.Reasons = append(c.Reasons, explain("%q is a bound the text gives (%s), not a measured value: %q, stated beside it, is taken", th.q.raw, th.bound, f.q.raw))
	}
	if len(levels) > 1 {
		c.Confidence -= 0.2
		c.Reasons = append(c.Reasons, "the clause has more than one figure for this indicator; the first was taken")
	}
	if f.q.rng != nil {
		c.NeedsReview = true
		c.Reasons = append(c.Reasons, explain("the text gives a range %s, not one figure: its lower end is given; review it", f.q.rng))
	}
	if f.bound == "at_most" || f.bound == "at_least" {
		c.NeedsReview = true
		c.Reasons = append(c.Reasons, explain("the text gives a bound (%s), not a measured value", f.bound))
	}
	if cues.cumulative.in(sentText[:max(0, f.q.start-s.start)]) && !yearToDate {
		c.NeedsReview = true
		c.Reasons = append(c.Reasons, "a cumulative total over several years, not one year's figure")
	}
	// A list of figures under one lead-in shares its mood: "From January to
	// November, GDP is expected to be 5.6 billion yuan …; fiscal revenue
	// will be 729 million yuan" (预计 … ；财政收入 …) gives expected values
	// throughout, so the cue counts anywhere in the sentence before the
	// figure, not only in the figure's own clause.
	switch {
	case cues.estimate.in(clause):
		c.Status = plancast.StatusEstimate
		c.Reasons = append(c.Reasons, "the text calls it expected: status estimate")
	case cues.estimate.in(sentText[:max(0, f.q.start-s.start)]):
		c.Status = plancast.StatusEstimate
		c.Reasons = append(c.Reasons, "the sentence calls its figures expected before this one: status estimate")
	}
	r.finish(&c.Provenance, d)
	r.ext.Observations = append(r.ext.Observations, c)
}

// rangeBound reads a range a target is written as ("增长6%—6.5%", "to grow
// by 6-6.5%", "between 6% and 6.5%"), in both languages alike: its lower
// end, as a floor (at least), where the figure is a rise of an indicator
// where more is better, the upper end said in the reasons and the note.
// A range of a decline, under a ceiling's words or of an indicator where
// less is better gives its lower end for review: which end binds is not
// clear.
func rangeBound(f *figure, d *indicatorDef) (string, bool) {
	if f.sign < 0 || f.bound == "at_most" || d.Better == plancast.BetterLower {
		return explain("the text gives a range %s where which end binds is not clear (a decline, a ceiling or an indicator where less is better): its lower end is given; review it", f.q.rng), true
	}
	f.bound = "at_least"
	return explain("the text gives a range %s: read as its lower end %s, a floor (at least); the upper end is not a target", f.q.rng, f.q.rng.lo), false
}

// isThreshold: the figure is a bound ("突破2400亿元", "不低于60%"), not a
// value.
func isThreshold(f figure) bool { return f.bound == "at_least" || f.bound == "at_most" }

// statedGrowth is the growth a figure of year carries: a year-on-year one as
// it is, an average annual one only with the base year it runs from (a
// stated average whose base the text does not give is said in the reasons
// but not kept).
func statedGrowth(growth *float64, kind string, year, baseYear int) (*float64, int, string) {
	switch {
	case growth == nil:
		return nil, 0, ""
	case kind == "yoy":
		return growth, 0, kind
	case kind == "avg_annual" && baseYear > 0 && baseYear < year && year-baseYear <= plancast.MaxGrowthSpan:
		return growth, baseYear, kind
	}
	return nil, 0, ""
}

// emitFromTo reads "from X (base year) to Y (end year), average growth Z%":
// Y is the stated figure, X a derived one for the base year.
func (r *reader) emitFromTo(s sentence, d *indicatorDef, a, b *figure, growth *float64, gkind string, cx clauseContext, notKept string) {
	n := 0
	if cx.baseYear > 0 && cx.year > cx.baseYear {
		n = cx.year - cx.baseYear
	}
	var stated *float64
	if gkind == "avg_annual" {
		stated = growth
	}
	ca, cb, ok := resolvePair(a.q, b.q, d, n, stated)
	if !ok {
		return
	}
	end := Candidate{Provenance: r.provenance(s, d, b.q)}
	end.Observation = r.observation(d, cx)
	end.Value = cb.value
	end.Growth, end.GrowthBaseYear, end.GrowthKind = statedGrowth(growth, gkind, end.Year, cx.baseYear)
	end.Reasons = append(end.Reasons, explain("%s read from %q, the end of \"from %s to %s\"", d.Code, b.q.raw, a.q.raw, b.q.raw))
	if notKept != "" {
		end.Reasons = append(end.Reasons, notKept)
	}
	r.applyChoice(&end.Provenance, cb)
	r.yearConfidence(&end.Provenance, cx)
	if cb.fitsRate != nil {
		if *cb.fitsRate {
			end.Confidence += 0.1
			end.Reasons = append(end.Reasons, explain("from %g to %g over %d years is %.1f%% a year, consistent with the stated %g%%", ca.value, cb.value, n, *cb.implied, *stated))
		} else {
			end.Confidence -= 0.2
			end.Reasons = append(end.Reasons, explain("from %g to %g over %d years is %.1f%% a year, against the stated %g%%", ca.value, cb.value, n, *cb.implied, *stated))
		}
	}
	r.finish(&end.Provenance, d)
	r.ext.Observations = append(r.ext.Observations, end)

	if cx.baseYear == 0 {
		return
	}
	base := Candidate{Provenance: r.provenance(s, d, a.q)}
	base.Observation = r.observation(d, cx)
	base.Year = cx.baseYear
	base.Status = plancast.StatusFinal
	base.Value = ca.value
	base.Derived = true
	base.Reasons = append(base.Reasons, explain("%s read from %q, the start of \"from %s to %s\"; its year %d is %s", d.Code, a.q.raw, a.q.raw, b.q.raw, cx.baseYear, cx.baseWhy))
	r.applyChoice(&base.Provenance, ca)
	r.yearConfidence(&base.Provenance, cx)
	base.Confidence -= 0.05
	if ca.fitsRate != nil {
		if *ca.fitsRate {
			base.Confidence += 0.1
		} else {
			base.Confidence -= 0.2
		}
	}
	r.finish(&base.Provenance, d)
	r.ext.Observations = append(r.ext.Observations, base)
}

func (r *reader) emitTargets(s sentence, d *indicatorDef, levels, percents []figure, cx clauseContext) {
	base := func(f figure) TargetCandidate {
		var rangeWhy string
		var rangeReview bool
		if f.q.rng != nil {
			rangeWhy, rangeReview = rangeBound(&f, d)
		}
		t := TargetCandidate{Provenance: r.provenance(s, d, f.q)}
		t.Target = plancast.Target{
			Region: r.opt.Region, Indicator: d.Code, Plan: cx.plan, Year: cx.year,
			Source: plancast.Source{Document: r.opt.Document, Quote: t.Sentence}, Published: r.published,
		}
		if cx.fyp > 0 {
			t.BaseYear = fypEnd(cx.fyp - 1)
		}
		t.Bound = f.bound
		if f.bound != "" {
			t.Note = strings.ReplaceAll(f.bound, "_", " ")
		}
		if f.q.rng != nil {
			t.Note = strings.TrimSpace(t.Note + " (range " + f.q.rng.String() + ")")
			t.Reasons = append(t.Reasons, rangeWhy)
			t.NeedsReview = t.NeedsReview || rangeReview
		}
		r.yearConfidence(&t.Provenance, cx)
		if f.respective != "" {
			t.Reasons = append(t.Reasons, f.respective)
		}
		if f.setAgainst != "" {
			t.Reasons = append(t.Reasons, explain("read from a sentence stating the %d outturn%s: %q names the target it is set against, a target of %d",
				cx.year, cx.outturn, f.setAgainst, cx.year))
		}
		t.Confidence += 0.1
		if cx.planWhy != "" {
			t.Reasons = append(t.Reasons, explain("plan %s: %s", cx.plan, cx.planWhy))
		}
		if cx.planDoubt != "" {
			t.NeedsReview = true
			t.Reasons = append(t.Reasons, cx.planDoubt+": review its plan")
		}
		return t
	}
	if len(levels) > 0 {
		f := levels[len(levels)-1] // "from X to Y": the target is Y
		t := base(f)
		f.bound = t.Bound // a range's reading
		ch, ok := levelChoice(f.q, d)
		if !ok {
			return
		}
		t.Value = ch.value
		r.applyChoice(&t.Provenance, ch)
		switch {
		case d.needsShare || f.role == roleShare && d.Kind == plancast.KindRate:
			t.Kind = plancast.TargetShare
		case d.Kind == plancast.KindRate && f.bound == "at_most":
			t.Kind = plancast.TargetCeiling
		case d.Kind == plancast.KindRate && f.bound == "at_least":
			t.Kind = plancast.TargetFloor
		case d.Kind == plancast.KindRate && d.Better == plancast.BetterLower:
			t.Kind = plancast.TargetCeiling
			t.Reasons = append(t.Reasons, "a rate where lower is better, read as a ceiling")
		default:
			t.Kind = plancast.TargetLevel
		}
		t.Reasons = append([]string{explain("%s target (%s) read from %q", d.Code, t.Kind, f.q.raw)}, t.Reasons...)
		r.finish(&t.Provenance, d)
		r.ext.Targets = append(r.ext.Targets, t)
	}
	growth, gkind, gf := growthOf(percents, cx.fyp > 0)
	if growth == nil {
		return
	}
	t := base(*gf)
	t.Value = *growth
	t.Unit = plancast.UnitPercent
	t.Kind = plancast.TargetGrowth
	// A growth over a year the text names ("比2020年增长25%以上", "up 40% over
	// 2020"): over the year before it is year on year; over an earlier year
	// it is the growth over that year in all, which a growth target with
	// that base year is (not a growth of one year, nor an average a year);
	// an average over a named year runs from it.
	switch y := gf.overYear; {
	case y != 0 && y >= cx.year:
		t.BaseYear = 0
		t.NeedsReview = true
		t.Reasons = append(t.Reasons, explain("the growth is stated over %d, which is not before the target's year %d: review it", y, cx.year))
	case y != 0 && gkind == "avg_annual":
		t.Kind = plancast.TargetAvgGrowth
		t.BaseYear = y
		t.Reasons = append(t.Reasons, explain("an average annual growth over %d, the year the text names: base year %d", y, y))
	case y != 0 && y == cx.year-1:
		t.BaseYear = 0
		t.Reasons = append(t.Reasons, explain("a growth over %d, the year before: year on year", y))
	case y != 0:
		t.BaseYear = y
		n := cx.year - y
		a := (math.Pow(1+*growth/100, 1/float64(n)) - 1) * 100
		t.Reasons = append(t.Reasons, explain("the growth %g%% is over %d in all, %d years to %d (%.1f%% a year): a growth target with base year %d, not year on year nor an average a year", *growth, y, n, cx.year, a, y))
	case gkind == "avg_annual" || (cx.fyp > 0 && gf.weakAvg):
		t.Kind = plancast.TargetAvgGrowth
		if t.BaseYear == 0 {
			// An average a year runs over a plan's years: a year's plan
			// has none. Which plan it is the text did not make clear.
			t.BaseYear = cx.year - 5
			t.NeedsReview = true
			t.Reasons = append(t.Reasons, explain("an average annual growth is a target over several years, never of a year's plan (%s): the five years to %d assumed; review its plan", cx.plan, cx.year))
			t.Confidence -= 0.15
		}
	case cx.fyp > 0:
		t.BaseYear = 0
		t.NeedsReview = true
		t.Reasons = append(t.Reasons, explain("a growth in one year under the %s: is it the average a year (年均)? review its kind", cx.plan))
	default:
		t.BaseYear = 0
	}
	if gf.q.repairedOnly() {
		t.Repaired = true
	}
	t.Reasons = append([]string{explain("%s %s target read from %q", d.Code, t.Kind, gf.q.raw)}, t.Reasons...)
	r.finish(&t.Provenance, d)
	r.ext.Targets = append(r.ext.Targets, t)
}

// repairedOnly: the quantity has only a repaired reading ("16 percent.3%").
func (q *quantity) repairedOnly() bool { return q.literalImpossible }

// observation starts an observation in the clause's context.
func (r *reader) observation(d *indicatorDef, cx clauseContext) plancast.Observation {
	o := plancast.Observation{
		Region: r.opt.Region, Indicator: d.Code, Year: cx.year, Period: cx.period,
		Published: r.published,
		Source:    plancast.Source{Document: r.opt.Document},
	}
	switch {
	case cx.period != plancast.PeriodYear:
		o.Status = plancast.StatusPreliminary
	case cx.year >= r.year-1:
		o.Status = plancast.StatusPreliminary
	default:
		o.Status = plancast.StatusFinal
	}
	return o
}

// applyChoice records how a reading was chosen.
func (r *reader) applyChoice(p *Provenance, ch choice) {
	p.Repaired = ch.reading.repaired
	if ch.reading.note != "" {
		p.Reasons = append(p.Reasons, ch.reading.note)
	}
	p.Reasons = append(p.Reasons, ch.notes...)
	switch ch.how {
	case resolvedByGrowth:
		p.Reasons = append(p.Reasons, "the repair is confirmed by the stated growth rate")
	case resolvedByMagnitude:
		p.Confidence -= 0.3
		p.Reasons = append(p.Reasons, "the repair rests on plausible size alone")
	case resolvedByShape, unresolved:
		p.NeedsReview = true
		p.Confidence -= 0.3
		p.Reasons = append(p.Reasons, "the garbled figure could not be resolved: review it")
	case takenAsWritten:
		p.NeedsReview = true
		p.Confidence -= 0.1
	}
	if p.Repaired && ch.how == resolvedNone {
		p.Reasons = append(p.Reasons, "a garble with only one possible reading")
	}
}

// yearConfidence scores how the year was found.
func (r *reader) yearConfidence(p *Provenance, cx clauseContext) {
	if cx.yearExplicit {
		p.Confidence += 0.1
	} else {
		p.Confidence += 0.05
	}
	p.Reasons = append(p.Reasons, "year "+fmt.Sprint(cx.year)+": "+cx.yearWhy)
	if cx.period != plancast.PeriodYear {
		p.Reasons = append(p.Reasons, explain("period %s from %q", cx.period, cx.periodWhy))
	}
}

// finish applies what holds for every candidate: catalog membership and the
// confidence bounds.
func (r *reader) finish(p *Provenance, d *indicatorDef) {
	if !d.inCatalog {
		p.NeedsReview = true
		p.Reasons = append(p.Reasons, explain("indicator %s is not in the catalog", d.Code))
	}
	p.Confidence = min(1, max(0, p.Confidence))
	p.Confidence = float64(int(p.Confidence*100+0.5)) / 100
}
