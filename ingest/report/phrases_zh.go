package report

import (
	"slices"

	"github.com/plancast/plancast/ingest/internal/bounds"
)

// The phrasing of Chinese reports (政府工作报告, 统计公报, 工作总结). Each list
// holds regular expressions; cues.go joins them with the English ones.
var zh = phrases{
	// Looked for in the words before a percentage.
	decline:   []string{`下降`, `减少`, `回落`, `下滑`, `降低`, `负增长`},
	avgGrowth: []string{`年均(?:增长|递增|增速|提高)?`, `年平均(?:增长|递增)?`},
	growth:    []string{`增长`, `增速`, `递增`, `增加`, `提高`, `上升`, `增幅`, `增`},
	// Looked for anywhere in the words an indicator owns.
	share: []string{`占`, `比重`, `占比`},
	// Right before a figure.
	// A milestone passed is a bound too, as 突破 is: "迈上2400亿元新台阶"
	// says GDP passed 2400, not what it was. A plan's table writes no
	// milestones: these are the report reader's alone.
	atLeastBefore: slices.Concat(bounds.Zh.AtLeastBefore, []string{`迈上`, `迈过`, `跨上`, `跨过`, `跨越`, `站上`, `登上`, `冲上`}),
	atMostBefore:  bounds.Zh.AtMostBefore,
	aboutBefore:   bounds.Zh.AboutBefore,
	// Right after a figure, across a gap ("4.5 % 以内").
	atLeastAfter: slices.Concat(bounds.Zh.AtLeastAfter, []string{`^` + gap + `(?:的)?(?:新|大)?(?:台阶|关口|大关)`}),
	atMostAfter:  bounds.Zh.AtMostAfter,
	aboutAfter:   bounds.Zh.AboutAfter,
	// An estimate rather than a count.
	estimate: []string{`预计`, `估计`, `预估`},
	// Cumulative over several years: not one year's figure.
	cumulative: []string{`累计`},
	// A total of one year or part of one, which 累计 is in a year's or a
	// month's figures ("1-11月累计完成", "全年累计完成"): year to date, not
	// several years.
	withinYear: []string{`全年`, `年内`, `当年`, `本年`, `今年`, `年初以来`, `\d{1,2}\s*(?:[-—–~～至到]|—{2})\s*\d{1,2}\s*月`, `前[一二三四五六七八九十\d]{1,2}个?月`, `上半年`, `[一二三四1-4]季度`},
	// Paragraph cues that what follows are targets for a year.
	annualTarget: []string{`主要预期目标`, `预期目标`, `主要目标`, `目标任务`, `奋斗目标`, `主要指标`, `(?:19|20)\d\d年(?:全[市县区省旗])?(?:经济社会发展)?(?:的)?主要(?:预期)?目标`},
	// Paragraph cues for the goals of a Five-Year Plan.
	fypTarget: []string{`“?十[一二三四五六]五”?(?:时期|期间|规划)?(?:的|末)?(?:主要|发展)?(?:目标|任务)`, `到“?十[一二三四五六]五”?末`},
	// Headings of the review part and of the plan part.
	reviewHeading: []string{`回顾`, `过去`, `成就`, `工作总结`},
	planHeading:   []string{`工作安排`, `目标`, `任务`, `计划`, `打算`, `部署`, `重点工作`},
	// Years the text places a figure in.
	fiveYears: []string{`五年来`, `过去五年`, `“?十[一二三四五六]五”?(?:时期|期间)`},
	// The five years ahead: a Five-Year Plan's when one begins in the report's year.
	nextFiveYears: []string{`(?:今后|未来|此后)(?:五|5)年`},
	// The report's own year, where a sentence says whose targets follow.
	thisYear: []string{`今年`, `本年度`},
	// "2021年是“十四五”开局之年": the year named is the plan's first, a year.
	planFirstYear: []string{`开局之年`, `开局年`, `起步之年`, `开篇之年`, `第一年`, `首年`},
	// A change in a rate, never a level (the unit 个百分点 is in numbers.go).
	points: []string{`个百分点`},
	// Document kinds, looked for in the title and the first lines.
	workReport:   []string{`政府工作报告`},
	communique:   []string{`统计公报`},
	summary:      []string{`工作总结`, `总结`},
	planDocument: []string{`重点任务`, `分解`, `责任分工`},
	respectively: []string{`分别`, `依次`}, // 依次: "in that order", as 分别
}
