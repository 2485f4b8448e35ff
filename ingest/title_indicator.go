package ingest

import (
	"fmt"
	"sort"
	"strings"
)

// A table without an indicator column takes its indicator from its title
// ("临汾市地区生产总值"). The title was searched for the longest indicator
// name in it, and that was all: "临汾市地区生产总值及一般公共预算收入" over
// a region's GDP filed GDP's figures as budget revenue, and "各县（市、区）
// 地区生产总值增速" filed growth rates of 4.9 and 4.5 as GDP of 4.9 and 4.5
// 亿元, both as "2 new" without a word.
//
// Now, when the rows take their indicator from the title (rowIndicator):
//   - a title naming two indicators is refused at its cell, as which one
//     the figures are of cannot be known;
//   - a title naming an indicator's growth, share or index (增速, 增长,
//     增幅, 比重, 占…, 指数 right after the name) is refused at its cell: the
//     figures are not the indicator's level;
//   - otherwise the push says in a note which indicator it read from the
//     title.

// titleIndicator is what a table's title says of the indicator of its rows.
type titleIndicator struct {
	row  int
	col  string
	text string // the title cell
	// names are the indicators the title names, in the order written.
	names []titleName
	// of is the word after a name that says the title is of the
	// indicator's growth or share ("增速"), "" when there is none.
	of     string
	ofName titleName
	// said is set once the title's problem or note is given.
	said, used bool
}

// titleName is an indicator's name found in a title.
type titleName struct {
	code, name string
	start, end int // in the folded title
}

// notLevelWords are the words that, written right after an indicator's
// name in a title, make it a table of the indicator's growth, share or
// index rather than of its figures.
var notLevelWords = []string{"增速", "增长", "增幅", "比重", "占", "指数", "发展速度", "构成", "同比", "比上年", "年均"}

// notLevelWhat says in English what a word of notLevelWords makes a table of.
func notLevelWhat(word string) string {
	switch word {
	case "比重", "占", "构成":
		return "share"
	case "指数":
		return "index"
	case "年均":
		return "average growth"
	}
	return "growth"
}

// namesIn finds the indicators' names in a folded title: a name inside a
// longer one found there ("工业增加值" in "规模以上工业增加值") is the longer
// one's; each indicator once, in the order written.
func namesIn(t string, names map[string]string) []titleName {
	var found []titleName
	for n, code := range names {
		if len(n) < 2 || (!isCJK(n) && len(n) < 4) {
			continue
		}
		for from := 0; ; {
			i := strings.Index(t[from:], n)
			if i < 0 {
				break
			}
			found = append(found, titleName{code: code, name: n, start: from + i, end: from + i + len(n)})
			from += i + len(n)
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].start != found[j].start {
			return found[i].start < found[j].start
		}
		return found[i].end > found[j].end
	})
	var out []titleName
	seen := map[string]bool{}
	end := -1
	for _, f := range found {
		if f.end <= end {
			continue // inside a longer name
		}
		end = max(end, f.end)
		if !seen[f.code] {
			seen[f.code] = true
			out = append(out, f)
		}
	}
	return out
}

// findTitleIndicator reads what the title rows say of the table's
// indicator; nil when they name none.
func (p *parser) findTitleIndicator(title []tableRow) *titleIndicator {
	for _, row := range title {
		seen := map[string]bool{}
		for i, s := range row.cells {
			if s = strings.TrimSpace(s); s == "" || seen[s] {
				continue
			}
			seen[s] = true
			t := fold(s)
			names := namesIn(t, p.res.indicatorNames)
			if len(names) == 0 {
				continue
			}
			ti := &titleIndicator{row: row.num, col: columnLetter(i), text: s, names: names}
			for _, n := range names {
				after := strings.TrimPrefix(t[n.end:], "的")
				for _, w := range notLevelWords {
					if strings.HasPrefix(after, w) {
						ti.of, ti.ofName = w, n
						break
					}
				}
				if ti.of != "" {
					break
				}
			}
			return ti
		}
	}
	return nil
}

// titleFits says whether the rows may take their indicator from the title,
// refusing the title at its cell, once, when not.
func (p *parser) titleFits(l *layout) bool {
	ti := l.titleInd
	if ti == nil {
		return true
	}
	bad := len(ti.names) > 1 || ti.of != ""
	if !bad {
		ti.used = true
		return true
	}
	if ti.said {
		return false
	}
	ti.said = true
	at := cell{at: record{File: p.file, Sheet: p.sheet, Row: ti.row}, col: ti.col, text: ti.text}
	if len(ti.names) > 1 && ti.of == "" {
		var named []string
		for _, n := range ti.names {
			named = append(named, p.indicatorNamed(n.code))
		}
		p.fail(at, "the title %s names %d indicators, %s, and the table has no indicator column (指标): which one its figures are of cannot be known. "+
			"Add an indicator column, or give each indicator a table of its own with only its name in the title",
			at.quoted(), len(named), strings.Join(named, " and "))
		return false
	}
	what := notLevelWhat(ti.of)
	p.fail(at, "the title %s is of the %s (%s) of %s, not of its figures: a table of its %s is not read as %s's level. "+
		"Push the levels, with the growth beside them in a growth column (比上年增长（%%）), or title the table with the name of the indicator whose figures it holds",
		at.quoted(), what, ti.of, p.indicatorNamed(ti.ofName.code), what, ti.ofName.code)
	return false
}

// indicatorNamed writes an indicator as "地区生产总值 (gdp)".
func (p *parser) indicatorNamed(code string) string {
	if ind, ok := p.res.indicators[code]; ok && ind.NameZh != "" {
		return ind.NameZh + " (" + code + ")"
	}
	return code
}

// titleIndicatorNote says which indicator the rows took from the title.
func (p *parser) titleIndicatorNote(l *layout) string {
	ti := l.titleInd
	if ti == nil || !ti.used {
		return ""
	}
	return fmt.Sprintf("%s: the rows name no indicator, and their figures were read as %s, named in the title %s (row %d column %s)",
		p.where(), p.indicatorNamed(l.indicator), cell{text: ti.text}.quoted(), ti.row, ti.col)
}
