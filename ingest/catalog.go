package ingest

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/seed"
)

// Catalog is what a document's names are resolved against: the regions and
// indicators already stored, to which Parse adds those the document declares.
type Catalog struct {
	Regions    []plancast.Region
	Indicators []plancast.Indicator
}

// indicatorAliases are the names statistical tables and reports use for the
// seed indicators, in Chinese and English, besides the demo catalog's own
// (seed.json: code, name, name_zh; see builtinNames). Catalog names (Name,
// NameZh) are added to these at run time, so a declared indicator is found
// by its names too. Every code here is one of the demo catalog's.
var indicatorAliases = map[string][]string{
	"gdp": {"地区生产总值", "生产总值", "国内生产总值", "地区生产总值(GDP)", "GDP", "GRP",
		"gross regional product", "gross domestic product", "regional GDP"},
	"budget_revenue": {"一般公共预算收入", "地方一般公共预算收入", "一般预算收入", "公共财政预算收入",
		"地方财政一般预算收入", "地方公共财政预算收入", "general public budget revenue",
		"local general public budget revenue", "budget revenue"},
	"urban_disposable_income": {"城镇居民人均可支配收入", "城镇常住居民人均可支配收入", "城镇居民人均收入",
		"urban per capita disposable income", "per capita disposable income of urban residents",
		"urban disposable income", "urban residents per capita disposable income"},
	"rural_disposable_income": {"农村居民人均可支配收入", "农村常住居民人均可支配收入", "农民人均可支配收入",
		"rural per capita disposable income", "per capita disposable income of rural residents",
		"rural disposable income", "rural residents per capita disposable income"},
	"fixed_asset_investment": {"固定资产投资", "全社会固定资产投资", "固定资产投资额", "固定资产投资总额",
		"fixed asset investment", "fixed-asset investment", "investment in fixed assets"},
	"retail_sales": {"社会消费品零售总额", "社会消费品零售额", "社零额", "retail sales",
		"retail sales of consumer goods", "total retail sales of consumer goods"},
	"industrial_value_added": {"规模以上工业增加值", "规上工业增加值", "工业增加值",
		"industrial value added", "value added of industry above designated size",
		"industrial value added above designated size"},
	// The registered rate (城镇登记失业率, counted by the employment
	// offices, which counties publish) and the surveyed one (城镇调查失业率,
	// from the labour force survey, on which plans set their targets) are
	// different statistics: the surveyed rate's target < 5.5 judged on
	// registered figures near 3.3 was "on track" for nothing.
	"unemployment_rate": {"城镇登记失业率", "登记失业率", "registered urban unemployment rate",
		"urban registered unemployment rate", "registered unemployment rate", "unemployment rate"},
	"surveyed_unemployment_rate": {"城镇调查失业率", "调查失业率", "surveyed urban unemployment rate",
		"urban surveyed unemployment rate", "surveyed unemployment rate", "surveyed unemployment"},
	"industrial_output": {"工业总产值", "规模以上工业总产值", "规上工业总产值", "total industrial output value",
		"industrial output value", "industrial output", "gross industrial output"},
}

// regionAliases are the seed regions' names with and without their suffix.
var regionAliases = map[string][]string{
	"houma":  {"侯马市", "侯马", "Houma City", "Houma"},
	"zizhou": {"子洲县", "子洲", "Zizhou County", "Zizhou"},
	"guyang": {"固阳县", "固阳", "Guyang County", "Guyang"},
}

// regionSuffixes are stripped from Chinese region names so that "侯马" finds
// "侯马市"; longest first.
var regionSuffixes = []string{"自治县", "自治州", "自治区", "地区", "市", "县", "区", "旗", "盟", "镇", "乡", "省"}

// resolver turns the names a document uses into catalog codes.
type resolver struct {
	regions        map[string]plancast.Region
	indicators     map[string]plancast.Indicator
	regionNames    map[string]string // fold(name) → code
	indicatorNames map[string]string

	// Cell texts repeat down a file; resolving each text once keeps a 100k-row
	// push from running the name folding and bracket matching 100k times.
	regionMemo    map[string]resolved
	indicatorMemo map[string]resolved
}

type resolved struct {
	code, unit string
	err        error
}

func newResolver(cat Catalog) *resolver {
	r := &resolver{
		regions:        map[string]plancast.Region{},
		indicators:     map[string]plancast.Indicator{},
		regionNames:    map[string]string{},
		indicatorNames: map[string]string{},
	}
	for _, reg := range cat.Regions {
		r.addRegion(reg)
	}
	for _, ind := range cat.Indicators {
		r.addIndicator(ind)
	}
	return r
}

// addRegion makes a region known under its code, names and built-in aliases.
// Later additions (declared in the document) win over stored entries.
func (r *resolver) addRegion(reg plancast.Region) {
	r.regionMemo = nil
	r.regions[reg.Code] = reg
	names := append([]string{reg.Code, reg.Name, reg.NameZh}, regionAliases[reg.Code]...)
	for _, n := range names {
		if k := fold(n); k != "" {
			r.regionNames[k] = reg.Code
			if short := trimRegionSuffix(k); short != k && len([]rune(short)) >= 2 {
				if _, taken := r.regionNames[short]; !taken {
					r.regionNames[short] = reg.Code
				}
			}
		}
	}
}

func (r *resolver) addIndicator(ind plancast.Indicator) {
	r.indicatorMemo = nil
	r.indicators[ind.Code] = ind
	names := append([]string{ind.Code, ind.Name, ind.NameZh}, builtinNames()[ind.Code]...)
	for _, n := range names {
		if k := fold(n); k != "" {
			r.indicatorNames[k] = ind.Code
		}
	}
}

func trimRegionSuffix(k string) string {
	for _, s := range regionSuffixes {
		if strings.HasSuffix(k, s) {
			return strings.TrimSuffix(k, s)
		}
	}
	return k
}

// region resolves a region cell; the error message says what is wrong and
// suggests the nearest known code.
func (r *resolver) region(text string) (string, error) {
	if m, ok := r.regionMemo[text]; ok {
		return m.code, m.err
	}
	code, err := r.resolveRegion(text)
	if r.regionMemo == nil {
		r.regionMemo = map[string]resolved{}
	}
	if len(r.regionMemo) < memoLimit {
		r.regionMemo[text] = resolved{code: code, err: err}
	}
	return code, err
}

// memoLimit bounds each memo: a file of a million distinct bad names should
// not hold them all.
const memoLimit = 10_000

func (r *resolver) resolveRegion(text string) (string, error) {
	k := fold(cleanName(text))
	if k == "" {
		return "", fmt.Errorf("region is missing")
	}
	if code, ok := r.regionNames[k]; ok {
		return code, nil
	}
	if code, ok := r.regionNames[trimRegionSuffix(k)]; ok {
		return code, nil
	}
	return "", fmt.Errorf("region %q is unknown%s", strings.TrimSpace(text), suggest(k, r.regionNames))
}

// indicator resolves an indicator cell (code, English or Chinese name, with
// or without numbering); a unit in trailing brackets is returned separately.
func (r *resolver) indicator(text string) (code, unit string, err error) {
	if m, ok := r.indicatorMemo[text]; ok {
		return m.code, m.unit, m.err
	}
	code, unit, err = r.resolveIndicator(text)
	if r.indicatorMemo == nil {
		r.indicatorMemo = map[string]resolved{}
	}
	if len(r.indicatorMemo) < memoLimit {
		r.indicatorMemo[text] = resolved{code: code, unit: unit, err: err}
	}
	return code, unit, err
}

func (r *resolver) resolveIndicator(text string) (code, unit string, err error) {
	code, unit, ok := r.lookupIndicator(text)
	if ok {
		return code, unit, nil
	}
	name, _ := splitLabel(text)
	k := fold(cleanName(name))
	if k == "" {
		return "", "", fmt.Errorf("indicator is missing")
	}
	if code, ok := builtinAliases()[k]; ok {
		// A name of an indicator of the demo catalog that this catalog
		// lacks (a store started without plancast seed, or seeded before
		// the indicator was added): the nearest known name would be
		// another statistic's (城镇调查失业率 is not 城镇登记失业率).
		what := fmt.Sprintf("%q is %s, which", strings.TrimSpace(text), code)
		if strings.TrimSpace(text) == code {
			what = fmt.Sprintf("%q", code)
		}
		return "", "", fmt.Errorf("indicator %s is not in the catalog: add it with plancast seed "+
			"(which adds the demo catalog's indicators and leaves what is stored as it is), or declare it in a catalog's indicators", what)
	}
	return "", "", fmt.Errorf("indicator %q is unknown%s", strings.TrimSpace(text), suggest(k, r.indicatorNames))
}

// builtinNames are the names the demo catalog's indicators are known by,
// by code: the catalog's own (seed.json: code, name, name_zh, the one list
// of them) and the other names tables and reports give them
// (indicatorAliases). A store's indicator of one of these codes is found
// by them too, whatever names it was declared with.
var builtinNames = sync.OnceValue(func() map[string][]string {
	inds, err := seed.Indicators()
	if err != nil {
		panic(fmt.Sprintf("the demo catalog (seed.json) cannot be read: %v", err))
	}
	m := make(map[string][]string, len(inds))
	for _, ind := range inds {
		m[ind.Code] = append([]string{ind.Code, ind.Name, ind.NameZh}, indicatorAliases[ind.Code]...)
	}
	return m
})

// builtinAliases are the builtinNames by folded name.
var builtinAliases = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for code, names := range builtinNames() {
		for _, n := range names {
			if k := fold(n); k != "" {
				m[k] = code
			}
		}
	}
	return m
})

// lookupIndicator is indicator without the message: header classification
// tries every header cell, and most are not indicators.
func (r *resolver) lookupIndicator(text string) (code, unit string, ok bool) {
	name, unit := splitLabel(text)
	k := fold(cleanName(name))
	if k == "" {
		return "", "", false
	}
	if code, ok := r.indicatorNames[k]; ok {
		return code, unit, true
	}
	// A bracketed part that is not a unit ("地区生产总值(GDP)") is part of the name;
	// try the name without it too.
	if m := unitSuffix.FindStringSubmatch(widthFold(name)); m != nil {
		if code, ok := r.indicatorNames[fold(cleanName(m[1]))]; ok {
			return code, unit, true
		}
	}
	return "", "", false
}

// suggest returns ` (did you mean "x"?)` when a known name is near k
// (plancast.Nearest), else "".
func suggest(k string, names map[string]string) string {
	near := plancast.Nearest(k, slices.Collect(maps.Keys(names)))
	if near == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", names[near])
}

// findIn looks for the longest known name inside a free text such as a table
// title ("侯马市主要经济指标（2016—2020年）") and returns its code.
func findIn(text string, names map[string]string) string {
	t := fold(text)
	best, bestLen := "", 0
	for n, code := range names {
		l := len(n)
		if l < 2 || !strings.Contains(t, n) {
			continue
		}
		if !isCJK(n) && l < 4 { // short ASCII codes match inside words by accident
			continue
		}
		if l > bestLen || (l == bestLen && code < best) {
			best, bestLen = code, l
		}
	}
	return best
}

func isCJK(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// wholeNotes are the notes on a batch's declarations of rates in percent
// that are no percentage of a whole (plancast.Indicator.PercentOfWhole)
// although they may be: one whose name reads like a part of a whole
// (readsLikePartOfWhole: 城市污水处理率, forest coverage), or one whose
// stored declaration said percent_of_whole and this one leaves out. Such a
// rate's projections are not held within 0–100, and nothing else would say
// so until a chart shows 99.95 projected past 100.
func wholeNotes(b *Batch, stored []plancast.Indicator) []string {
	was := map[string]bool{}
	for _, ind := range stored {
		was[ind.Code] = ind.PercentOfWhole()
	}
	var notes []string
	for _, ind := range b.Indicators {
		if ind.PercentOfWhole() || ind.Kind != plancast.KindRate || ind.Unit != plancast.UnitPercent {
			continue
		}
		at := b.declFrom["indicator:"+ind.Code]
		name := ind.Code
		if n := cmp.Or(ind.NameZh, ind.Name); n != "" {
			name += " (" + n + ")"
		}
		var msg string
		switch {
		case was[ind.Code]:
			msg = fmt.Sprintf("%s was a percentage of a whole, and this declaration leaves out \"percent_of_whole\": true: "+
				"from now on its projections are not held within 0–100 and figures over 100 are taken; "+
				"to keep it one, add \"percent_of_whole\": true to the declaration", name)
		case readsLikePartOfWhole(ind):
			msg = fmt.Sprintf("%s is a rate in percent whose name reads like a part of a whole, but its declaration does not say it is one: "+
				"its projections are not held within 0–100 (a figure of 99.95 may be projected past 100) and figures over 100 are taken; "+
				"if it cannot be below 0 or above 100, add \"percent_of_whole\": true to the declaration (or give it a code ending in _share); "+
				"if it can (a change, a balance), leave it as it is", name)
		default:
			continue
		}
		notes = append(notes, at.problem("", "indicators", "%s", msg).Error())
	}
	return notes
}

// partOfWhole are words of a name that read like a part of a whole (a
// rate, a share, a coverage: 城镇化率, 第三产业占比, forest coverage), and
// notPartOfWhole words that read like a change or a balance, which may be
// negative or past 100 (增长率, 完成率, a growth rate, a debt ratio). CJK
// words are found anywhere in a name, the others as whole words of a name
// or a code.
var (
	partOfWhole    = []string{"率", "比重", "占比", "比例", "覆盖", "rate", "ratio", "share", "coverage", "proportion", "percentage"}
	notPartOfWhole = []string{"增长", "增速", "增幅", "增加", "减少", "下降", "降低", "变化", "变动", "涨", "跌", "通胀", "物价", "价格",
		"利率", "汇率", "利润", "收益", "回报", "贡献", "完成", "负债", "自给", "产销", "差",
		"growth", "change", "increase", "decrease", "decline", "inflation", "price", "prices", "cpi", "ppi", "interest", "exchange",
		"profit", "return", "yield", "margin", "contribution", "completion", "debt", "balance", "surplus", "deficit", "gap"}
)

// readsLikePartOfWhole says whether an indicator's code or names read like
// a part of a whole, and not like a change (partOfWhole, notPartOfWhole).
func readsLikePartOfWhole(ind plancast.Indicator) bool {
	text := strings.ToLower(strings.Join([]string{ind.Code, ind.Name, ind.NameZh}, " "))
	words := strings.FieldsFunc(text, func(r rune) bool { return r > 0x7f || !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	has := func(list []string) bool {
		for _, w := range list {
			if isCJK(w) && strings.Contains(text, w) || slices.Contains(words, w) {
				return true
			}
		}
		return false
	}
	return has(partOfWhole) && !has(notPartOfWhole)
}

// checkNewlyWhole refuses a declaration that makes a stored indicator a
// percentage of a whole (percent_of_whole) while figures of it outside
// 0–100 stay stored: they would be projected on a scale they are off. A
// figure the batch pushes again, or withdraws, is the batch's (checked as
// a percentage of a whole already). The first such figure is named, with
// how many more there are. While the store cannot be read, a note says the
// figures were not checked.
func checkNewlyWhole(ctx context.Context, st plancast.SeriesSetReader, b *Batch, stored []plancast.Indicator, ps *problems) (note string, err error) {
	was := map[string]bool{}
	for _, ind := range stored {
		was[ind.Code] = ind.PercentOfWhole()
	}
	var codes []string
	for _, ind := range b.Indicators {
		if w, ok := was[ind.Code]; ok && !w && ind.PercentOfWhole() {
			codes = append(codes, ind.Code)
		}
	}
	if len(codes) == 0 {
		return "", nil
	}
	series, err := st.SeriesSet(ctx, plancast.SeriesSetQuery{Indicators: codes, Period: plancast.AllPeriods})
	if plancast.ErrorCode(err) == plancast.EUNAVAILABLE {
		return fmt.Sprintf("the stored figures of %s, declared percent_of_whole, could not be read to check that they lie within 0–100: %s",
			strings.Join(codes, ", "), plancast.ErrorMessage(err)), nil
	}
	if err != nil {
		return "", err
	}
	pushed := make(map[plancast.FigureKey]bool, len(b.Observations))
	for i := range b.Observations {
		pushed[b.Observations[i].Key()] = true
	}
	for _, code := range codes {
		var first plancast.Observation
		n := 0
		for _, s := range series {
			if s.Indicator != code {
				continue
			}
			for _, o := range s.Observations {
				o.Region, o.Indicator, o.Period = s.Region, s.Indicator, s.Period
				if o.Withdrawn() || o.Value >= 0 && o.Value <= 100 || pushed[o.Key()] {
					continue
				}
				if n == 0 {
					first = o
				}
				n++
			}
		}
		if n == 0 {
			continue
		}
		more := ""
		if n > 1 {
			more = fmt.Sprintf(" (and %d more figures outside 0–100)", n-1)
		}
		ps.add(b.declFrom["indicator:"+code].problem("", "indicators",
			"indicator %s cannot be declared percent_of_whole while the store holds figures of it outside 0–100: %s %s is %s%s; "+
				"push those figures corrected (or withdrawn) with the declaration or before it, or leave percent_of_whole out",
			code, first.Region, figureWhen(first), num(first.Value), more))
	}
	return "", nil
}
