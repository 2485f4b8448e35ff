package report

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plancast/plancast"
)

// indicatorDef is how reports name an indicator, in Chinese and in English
// translation, and what a plausible value is.
type indicatorDef struct {
	plancast.Indicator
	// needsShare: the name alone ("emerging industries", 第二产业) is not the
	// indicator; only "X accounts for N% of ..." is. Without a share cue the
	// mention is a blocker.
	needsShare bool
	// inCatalog: the caller's catalog knows the indicator. Figures of others
	// are read with the built-in unit and flagged for review.
	inCatalog bool
	// asWritten: the catalog's unit is not one the reader converts to
	// (tce_per_10k_yuan): a level is taken as the number written, for
	// review.
	asWritten bool
	// names are the catalog's names of the indicator (name_zh, name),
	// matched as written: a catalog's indicators are read by their names
	// whether or not the reader has words of its own for them.
	names []string
	// lo, hi bound a plausible value in the indicator's unit for any region from
	// a county to a province. They decide between readings of a garbled figure.
	lo, hi  float64
	aliases []string
}

// builtinIndicators is the catalog used when the caller gives none. The codes
// and units are the ones of the plancast catalog (design.md).
var builtinIndicators = []indicatorDef{
	{Indicator: plancast.Indicator{Code: "gdp", Name: "Gross regional product", NameZh: "地区生产总值", Unit: "100m_yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 3, hi: 300000, aliases: []string{
			`地区生产总值`, `生产总值`, `经济总量`, `GDP`,
			`gross regional product`, `regional gross domestic product`, `gross domestic product`, `(?:total )?regional GDP`,
		}},
	{Indicator: plancast.Indicator{Code: "industrial_value_added", Name: "Industrial value added above designated size", NameZh: "规模以上工业增加值", Unit: "100m_yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 0.3, hi: 150000, aliases: []string{
			`规模以上工业增加值`, `规上工业增加值`, `工业增加值`,
			`(?:above[- ](?:scale|designated[- ]size) )?industrial (?:added value|value[- ]added)(?: (?:of enterprises )?above (?:the )?(?:designated |a certain )?(?:size|scale))?`,
			`(?:added value|value[- ]added) of (?:the )?industr(?:y|ies|ial enterprises)(?: above (?:the )?(?:designated )?(?:size|scale))?`,
		}},
	{Indicator: plancast.Indicator{Code: "budget_revenue", Name: "General public budget revenue", NameZh: "一般公共预算收入", Unit: "100m_yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 0.1, hi: 40000, aliases: []string{
			`(?:地方)?一般公共预算收入`, `一般预算收入`,
			`(?:local )?general public budget(?:ary)? revenue`, `revenue (?:in|of|from) the (?:local )?general public budget`,
			`(?:local )?general budget revenue`, `public budget revenue`,
		}},
	{Indicator: plancast.Indicator{Code: "fiscal_revenue", Name: "Fiscal revenue", NameZh: "财政收入", Unit: "100m_yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 0.1, hi: 60000, aliases: []string{
			`财政总收入`, `财政收入`, `(?:total )?fiscal revenue`, `(?:total )?financial revenue`,
		}},
	{Indicator: plancast.Indicator{Code: "urban_disposable_income", Name: "Per capita disposable income of urban residents", NameZh: "城镇居民人均可支配收入", Unit: "yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 3000, hi: 300000, aliases: []string{
			`城镇(?:常住)?居民人均可支配收入`, `城镇居民可支配收入`,
			`per capita disposable income (?:of|for) (?:the )?urban (?:permanent )?residents`,
			`disposable income per capita (?:of|for) (?:the )?urban (?:permanent )?residents`,
			`urban (?:permanent )?residents'? per capita disposable income`, `urban per capita disposable income`,
		}},
	{Indicator: plancast.Indicator{Code: "rural_disposable_income", Name: "Per capita disposable income of rural residents", NameZh: "农村居民人均可支配收入", Unit: "yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 500, hi: 200000, aliases: []string{
			`农村(?:常住)?居民人均可支配收入`, `农民人均可支配收入`,
			`per capita disposable income (?:of|for) (?:the )?rural (?:permanent )?residents`,
			`disposable income per capita (?:of|for) (?:the )?rural (?:permanent )?residents`,
			`rural (?:permanent )?residents'? per capita disposable income`, `rural per capita disposable income`,
		}},
	{Indicator: plancast.Indicator{Code: "rural_cash_income", Name: "Per capita cash income of farmers", NameZh: "农民人均现金收入", Unit: "yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 300, hi: 200000, aliases: []string{
			`农民人均现金收入`, `per capita cash income of (?:the )?farmers`, `farmers'? per capita cash income`, `cash income per capita of farmers`,
		}},
	{Indicator: plancast.Indicator{Code: "fixed_asset_investment", Name: "Fixed-asset investment", NameZh: "固定资产投资", Unit: "100m_yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 0.5, hi: 150000, aliases: []string{
			`(?:全社会)?固定资产投资(?:额)?`, `fixed[- ]assets? investment`, `investment in (?:the )?fixed assets`,
		}},
	{Indicator: plancast.Indicator{Code: "retail_sales", Name: "Total retail sales of consumer goods", NameZh: "社会消费品零售总额", Unit: "100m_yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 0.3, hi: 100000, aliases: []string{
			`社会消费品零售(?:总)?额`, `(?:total )?retail sales(?: of (?:social )?consumer goods)?`,
		}},
	// The registered rate and the surveyed one are different statistics
	// (ingest's catalog.go): a rate named neither way is the registered,
	// which counties publish.
	{Indicator: plancast.Indicator{Code: "unemployment_rate", Name: "Registered urban unemployment rate", NameZh: "城镇登记失业率", Unit: "percent", Kind: plancast.KindRate, Better: plancast.BetterLower},
		lo: 0, hi: 30, aliases: []string{
			`城镇登记失业率`, `登记失业率`, `失业率`,
			`(?:registered )?(?:urban )?(?:registered )?unemployment(?: rate)?`,
		}},
	{Indicator: plancast.Indicator{Code: "surveyed_unemployment_rate", Name: "Surveyed urban unemployment rate", NameZh: "城镇调查失业率", Unit: "percent", Kind: plancast.KindRate, Better: plancast.BetterLower},
		lo: 0, hi: 30, aliases: []string{
			`城镇调查失业率`, `调查失业率`,
			`surveyed (?:urban )?unemployment(?: rate)?`, `urban surveyed unemployment(?: rate)?`,
		}},
	{Indicator: plancast.Indicator{Code: "industrial_output", Name: "Gross industrial output value", NameZh: "工业总产值", Unit: "100m_yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 0.5, hi: 500000, aliases: []string{
			`(?:规模以上)?工业总产值`, `(?:total |gross )?industrial output(?: value)?`, `(?:total |gross )?output value of (?:the )?industry`,
		}},
	{Indicator: plancast.Indicator{Code: "new_urban_jobs", Name: "New urban jobs", NameZh: "城镇新增就业", Unit: "persons", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 10, hi: 3e6, aliases: []string{
			`城镇新增就业(?:人数)?`, `新增城镇就业(?:人数)?`, `新增就业(?:人数)?`,
			`new (?:urban )?jobs`, `urban jobs`, `new urban employment`, `newly (?:increased|added) (?:urban )?employment`,
			// A half-translated 城镇新增就业 seen in machine translations.
			`(?:town office业)`,
		}},
	{Indicator: plancast.Indicator{Code: "electricity_sales", Name: "Electricity sales", NameZh: "售电量", Unit: "100m_kwh", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 0.01, hi: 20000, aliases: []string{
			`售电量`, `(?:electricity|power) sales`, `sales of electricity`,
		}},
	{Indicator: plancast.Indicator{Code: "emerging_industry_share", Name: "Emerging industries' share of industrial output", NameZh: "战略性新兴产业占比", Unit: "percent", Kind: plancast.KindRate, Better: plancast.BetterHigher},
		needsShare: true, lo: 0, hi: 100, aliases: []string{
			`(?:战略性)?新兴产业`, `(?:strategic )?emerging industr(?:y|ies)`,
		}},
	{Indicator: plancast.Indicator{Code: "secondary_industry_share", Name: "Secondary industry's share of GDP", NameZh: "第二产业占比", Unit: "percent", Kind: plancast.KindRate, Better: plancast.BetterHigher},
		needsShare: true, lo: 0, hi: 100, aliases: []string{
			`第二产业`, `secondary industr(?:y|ies)`,
		}},
	{Indicator: plancast.Indicator{Code: "crude_oil_output", Name: "Crude oil output", NameZh: "原油产量", Unit: "10k_tons", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 0.001, hi: 50000, aliases: []string{`原油(?:产量)?`, `crude oil(?: output| production)?`, `\boil\b`}},
	{Indicator: plancast.Indicator{Code: "natural_gas_output", Name: "Natural gas output", NameZh: "天然气产量", Unit: "100m_m3", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		lo: 0.0001, hi: 5000, aliases: []string{`天然气(?:产量)?`, `natural gas(?: output| production)?`}},
}

// combinedIncome names the urban and the rural income at once; its figures
// are shared out in order ("increase by 7% and 9% respectively").
var combinedIncome = []string{
	`城乡(?:常住)?居民人均可支配收入`, `城镇和农村(?:常住)?居民人均可支配收入`, `城镇、农村(?:常住)?居民人均可支配收入`,
	`per capita disposable income (?:of|for) (?:the )?urban and rural (?:permanent )?residents`,
	`urban and rural (?:permanent )?residents'? per capita disposable income`,
}

// blockers are names of other quantities. A figure after a blocker belongs to
// it, not to the indicator named before: "GDP 120.8亿元，其中第三产业增加值60亿元".
var blockers = []string{
	`人均(?:地区)?生产总值`, `人均GDP`, `per capita (?:regional )?(?:GDP|gross)`, `per unit of GDP`, `单位(?:GDP|地区生产总值)`, `万元(?:GDP|地区生产总值)`,
	`第[一三]产业(?:增加值)?`, `服务业(?:增加值)?`, `(?:primary|tertiary) industr(?:y|ies)`, `service (?:industry|industries|sector)`,
	`(?:居民)?人均可支配收入`, `per capita disposable income(?: of (?:all )?residents)?`,
	`农民人均纯收入`, `(?:per capita )?net income (?:per capita )?of (?:the )?farmers`, `farmers'? per capita net income`,
	`一般公共预算支出`, `(?:general public )?budget(?:ary)? expenditure`, `财政支出`, `fiscal expenditure`, `税收(?:收入)?`, `tax revenue`,
	`全社会用电量`, `(?:electricity|power) consumption`,
	`进出口`, `出口`, `进口`, `(?:imports?|exports?)\b`,
	`投资`, `investment`, `total investment`,
	`粮食`, `grain`, `存款`, `贷款`, `deposits?`, `loans?`,
	// Other rates, so that their percentages are not read as unemployment.
	`就业率`, `城镇化率`, `覆盖率`, `利用率`, `完成率`, `达标率`, `优良率`, `合格率`, `参保率`,
	`employment rate`, `(?:coverage|utilization|utilisation|supporting|completion|qualification|pass|enrollment|urbanization|participation) rate`,
}

// clauseBoundary is a blocker that names nothing: in English, ", the ..."
// starts a new subject.
const clauseBoundary = `,\s+(?:and\s+)?the\s`

// mention is where a clause names an indicator (or a blocker).
type mention struct {
	span
	defs     []*indicatorDef // one, or two for the combined incomes; none for a blocker
	blocker  bool
	boundary bool // a blocker that names nothing (clauseBoundary)
}

type aliasPattern struct {
	re       *regexp.Regexp
	defs     []*indicatorDef
	blocker  bool
	boundary bool
}

// catalog is the set of indicators a reading can produce, with their units.
type catalog struct {
	defs     []*indicatorDef
	byCode   map[string]*indicatorDef
	patterns []aliasPattern
}

// newCatalog builds the alias patterns. When the caller gives indicators, the
// built-in names are kept but units come from the caller's catalog, and
// indicators the caller does not know are marked unknown; the caller's
// indicators are read by their own names too (常住人口城镇化率, "Urbanisation
// rate of resident population"), those the reader has no words for by
// those names alone.
func newCatalog(given []plancast.Indicator) *catalog {
	c := &catalog{byCode: map[string]*indicatorDef{}}
	var known map[string]plancast.Indicator
	if given != nil {
		known = map[string]plancast.Indicator{}
		for _, in := range given {
			known[in.Code] = in
		}
	}
	for i := range builtinIndicators {
		d := builtinIndicators[i] // a copy: the caller's units must not leak into the table
		d.inCatalog = true
		if known != nil {
			in, ok := known[d.Code]
			_, convertible := unitCodes[in.Unit]
			switch {
			case !ok:
				d.inCatalog = false
			case convertible && unitCodes[in.Unit].dim == unitCodes[d.Unit].dim:
				d.Indicator = in
				d.names = catalogNames(in)
			default:
				d.inCatalog = false // a unit the reader cannot convert to
			}
		}
		c.defs = append(c.defs, &d)
		c.byCode[d.Code] = &d
	}
	for _, in := range given {
		if _, builtin := c.byCode[in.Code]; builtin {
			continue
		}
		names := catalogNames(in)
		if len(names) == 0 {
			continue
		}
		// No bound on a plausible value is known: a garbled figure stays
		// unsettled (for review) rather than be settled by size.
		d := &indicatorDef{Indicator: in, inCatalog: true, names: names, lo: math.Inf(-1), hi: math.Inf(1)}
		if _, ok := unitCodes[in.Unit]; !ok {
			d.asWritten = true
		}
		c.defs = append(c.defs, d)
		c.byCode[d.Code] = d
	}
	for _, d := range c.defs {
		for _, a := range d.aliases {
			c.patterns = append(c.patterns, aliasPattern{re: compileAlias(a), defs: []*indicatorDef{d}})
		}
		for _, n := range d.names {
			c.patterns = append(c.patterns, aliasPattern{re: compileName(n), defs: []*indicatorDef{d}})
		}
	}
	both := []*indicatorDef{c.byCode["urban_disposable_income"], c.byCode["rural_disposable_income"]}
	for _, a := range combinedIncome {
		c.patterns = append(c.patterns, aliasPattern{re: compileAlias(a), defs: both})
	}
	c.patterns = append(c.patterns, aliasPattern{re: compileAlias(clauseBoundary), blocker: true, boundary: true})
	for _, a := range blockers {
		c.patterns = append(c.patterns, aliasPattern{re: compileAlias(a), blocker: true})
	}
	return c
}

// compileAlias makes English aliases case-insensitive, tolerant of repeated
// spaces, and bounded by word edges where they start and end with a letter.
func compileAlias(a string) *regexp.Regexp {
	a = strings.ReplaceAll(a, " ", `\s+`)
	if strings.ContainsFunc(a, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		// Chinese has no word edges; \b would never match between characters.
		return regexp.MustCompile(`(?i)` + a)
	}
	if isASCIILetter(a[0]) && !strings.HasPrefix(a, `\b`) {
		a = `\b` + a
	}
	if last := a[len(a)-1]; isASCIILetter(last) || last == ')' || last == '?' {
		a += `\b`
	}
	return regexp.MustCompile(`(?i)` + a)
}

// catalogNames are the names of a catalog's indicator worth looking for:
// its Chinese and English names, each of two characters or more.
func catalogNames(in plancast.Indicator) []string {
	var out []string
	for _, n := range []string{in.NameZh, in.Name} {
		if n = strings.Join(strings.Fields(n), " "); utf8.RuneCountInString(n) >= 2 && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// compileName matches a catalog's name as written, case-insensitive, with
// any run of white space for a space, and bounded by word edges where it
// starts or ends with a letter or a digit ("GDP" not inside "GDPs").
func compileName(n string) *regexp.Regexp {
	words := strings.Fields(n)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	a := strings.Join(words, `\s+`)
	if isASCIIWord(n[0]) {
		a = `\b` + a
	}
	if isASCIIWord(n[len(n)-1]) {
		a += `\b`
	}
	return regexp.MustCompile(`(?i)` + a)
}

func isASCIIWord(b byte) bool { return isASCIILetter(b) || b >= '0' && b <= '9' }

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// denominatorBefore: a name right after "N% of" or 占 is what a share is
// taken of, not the subject ("secondary industry accounting for 45% of GDP").
var denominatorBefore = regexp.MustCompile(`(?i)(?:(?:%|percent|per cent)\s+of\s+(?:the\s+)?(?:total\s+|overall\s+|the\s+city's\s+|the\s+county's\s+)?|占(?:全[市县区省旗])?(?:的)?` + gap + `)$`)

// findMentions returns the non-overlapping names in text[s:e], longest first
// where names overlap, in text order.
func (c *catalog) findMentions(text string, s, e int) []mention {
	seg := text[s:e]
	var all []mention
	for _, p := range c.patterns {
		for _, loc := range p.re.FindAllStringIndex(seg, -1) {
			all = append(all, mention{span: span{s + loc[0], s + loc[1]}, defs: p.defs, blocker: p.blocker, boundary: p.boundary})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		li, lj := all[i].end-all[i].start, all[j].end-all[j].start
		if li != lj {
			return li > lj
		}
		if all[i].blocker != all[j].blocker {
			return !all[i].blocker
		}
		return all[i].start < all[j].start
	})
	var kept []mention
	for _, m := range all {
		overlaps := false
		for _, k := range kept {
			if m.start < k.end && k.start < m.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, m)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	out := kept[:0]
	for _, m := range kept {
		if denominatorBefore.MatchString(text[max(s, m.start-40):m.start]) {
			continue
		}
		out = append(out, m)
	}
	return out
}
