package ingest

import (
	"strings"

	"github.com/plancast/plancast"
)

// Column fields a table may carry.
const (
	fieldRegion    = "region"
	fieldIndicator = "indicator"
	fieldYear      = "year"
	fieldValue     = "value"
	fieldUnit      = "unit"
	fieldSource    = "source"
	fieldQuote     = "quote"
	fieldStatus    = "status"
	fieldPeriod    = "period"
	fieldPublished = "published"
	fieldPlan      = "plan"
	fieldKind      = "kind"
	fieldBaseYear  = "base_year"
	fieldBinding   = "binding"
	fieldNote      = "note"
	// A figure's stated growth in percent and the year it is measured from
	// (plancast.Observation.Growth and GrowthBaseYear).
	fieldGrowth     = "growth"
	fieldGrowthBase = "growth_base_year"
	// A targets table downloaded from the API (GET /api/v1/targets as CSV or
	// XLSX) gives the unit of the target's value beside the indicator's
	// (a growth target's is %), and which version of the target a row is.
	fieldTargetUnit = "target_unit"
	fieldVersion    = "version"
	// A series downloaded with units= other than lin holds changes or
	// logarithms, not figures, and says which in this column.
	fieldTransform = "transform"
)

// headerAliases are the column names each field goes by, in English and
// Chinese; they are compared folded (see fold), so case, width and spacing do
// not matter ("地  区", "Region", "REGION_CODE").
var headerAliases = map[string][]string{
	fieldRegion: {"region", "region code", "region_code", "area", "地区", "区域", "地区名称", "县区", "区县",
		"县市区", "县（市、区）", "县(市、区)", "行政区", "行政区划", "行政区划名称", "地名", "城市", "地区代码"},
	fieldIndicator: {"indicator", "indicator code", "indicator_code", "item", "series", "指标", "指标名称",
		"项目", "统计指标", "指标代码"},
	fieldYear:      {"year", "年份", "年度", "年", "统计年度", "报告期", "target year", "目标年份"},
	fieldValue:     {"value", "amount", "数值", "数据", "绝对值", "数量", "金额", "总量", "值", "目标值", "目标", "target"},
	fieldUnit:      {"unit", "units", "单位", "计量单位"},
	fieldSource:    {"source", "document", "source_document", "来源", "资料来源", "数据来源", "出处", "来源文件"},
	fieldQuote:     {"quote", "source_quote", "原文", "引文", "来源原文"},
	fieldStatus:    {"status", "状态", "数据状态", "数据类型"},
	fieldPeriod:    {"period", "期间", "时期", "统计期", "统计时段"},
	fieldPublished: {"published", "date published", "publication date", "vintage", "发布日期", "发布时间", "公布日期"},
	fieldPlan:      {"plan", "规划", "计划", "规划期"},
	fieldKind:      {"kind", "target kind", "target_kind", "目标类型", "类型"},
	fieldBaseYear:  {"base_year", "base year", "基期", "基年", "基期年份", "基准年"},
	fieldBinding:   {"binding", "约束性", "属性", "指标属性"},
	fieldNote:      {"note", "notes", "备注", "说明"},
	// A growth is in percent; "增长（%）" and "growth (%)" reach here as
	// "增长" and "growth" with the unit split off. Average growths ("年均增长")
	// are not aliases: read as year on year they would be wrong, so such a
	// column needs the plain growth header and a growth_base_year column.
	fieldGrowth: {"growth", "growth_pct", "growth percent", "growth rate", "stated growth", "yoy", "yoy growth",
		"增长", "增速", "增长率", "增幅", "增长速度", "同比", "同比增长", "同比增速", "同比增长率",
		"比上年增长", "比上年增速", "比上年同期增长", "比去年同期增长", "增减率", "增减幅度", "同比增减率"},
	// A long table's base_year column (基期, 基年) is the growth's base too,
	// when the table has a growth column (see growthLayout).
	fieldGrowthBase: {"growth_base_year", "growth base year", "growth_base", "growth since",
		"增长基期", "增速基期", "增长基年", "比较基期"},
	fieldTargetUnit: {"target_unit", "target unit", "目标单位"},
	fieldVersion:    {"version", "version state", "版本状态"},
	fieldTransform:  {"transform", "transformation", "变换"},
}

// percentGrowthNames head a growth column only with a percent sign:
// "比上年增减（%）", "增减%", "比上年±%" are the growth (增减 because some
// rows fall), but "比上年增减" alone may be the change in the figures' unit
// (增减额), which is no growth and not read.
var percentGrowthNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range []string{"增减", "比上年增减", "比上年同期增减", "比去年同期增减", "同比增减", "较上年增减", "较上年同期增减",
		"±", "比上年±", "比上年同期±", "同比±", "增减±", "+/-", "比上年+/-"} {
		m[fold(n)] = true
	}
	return m
}()

var headerFields = func() map[string]string {
	m := map[string]string{}
	for f, names := range headerAliases {
		for _, n := range names {
			m[fold(n)] = f
		}
	}
	return m
}()

// headerField recognises a column header: the field it names and a unit
// written with it ("数值（亿元）" is the value field in 亿元). ok is false for
// a header that is not a known field name.
func headerField(text string) (field, unit string, ok bool) {
	name, unit := splitLabel(text)
	f, ok := headerFields[fold(name)]
	if !ok && unit == "" {
		// "比上年增长%": yearbooks head a growth column with a bare percent sign.
		if n, cut := strings.CutSuffix(strings.TrimSpace(widthFold(name)), "%"); cut {
			name, unit = n, plancast.UnitPercent
			f, ok = headerFields[fold(n)]
		}
	}
	if !ok && unit == plancast.UnitPercent && percentGrowthNames[fold(name)] {
		return fieldGrowth, unit, true
	}
	return f, unit, ok
}

// periodGrowth reads a growth header that starts with the period whose
// growth it is, as a year-to-date table heads it ("1-9月同比增长（%）",
// "上半年比上年同期增长%", "H1 growth (%)"; the year taken out by
// headerYear): the period (periodOf) and the unit. ok is false for any
// other header, and for one without a period (headerField's).
func periodGrowth(text string) (period, unit string, ok bool) {
	t := strings.TrimSpace(widthFold(text))
	for i := range t {
		if i == 0 {
			continue
		}
		pr, isPeriod := periodOf(t[:i])
		if !isPeriod {
			continue
		}
		if f, u, named := headerField(strings.TrimSpace(t[i:])); named && f == fieldGrowth {
			return pr, u, true
		}
	}
	return "", "", false
}

// notePrefixes start the note and source lines yearbooks print under a table.
var notePrefixes = []string{"注", "说明", "资料来源", "数据来源", "备注", "note", "source:", "sources:", "*"}
