package ingest

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest/internal/bounds"
)

// Hints for cells a bureau's tables hold that are not what plancast reads,
// where the generic message ("is not a number") left the clerk to guess.

// figureNumberedMark matches a figure followed by a numbered footnote's
// mark: "1)" after a space, or a bracketed number ("(1)", "（1）", "[1]").
var figureNumberedMark = regexp.MustCompile(`^(.*?\S)(?:\s+([0-9]{1,2}[)）])|\s*([(（\[【〔][0-9]{1,2}[)）\]】〕]))$`)

// cutFigureMark splits a cell into a figure and the footnote mark after
// it ("2318.6*", "145.0 1)", "41235①"): the marks a name's footnote ends
// in (isFootnoteMark) or a numbered one; ok is false when the cell is not
// a number followed by such a mark.
func cutFigureMark(text string) (figure, mark string, ok bool) {
	t := strings.TrimSpace(text)
	if body := strings.TrimRightFunc(t, isFootnoteMark); body != t {
		figure, mark = strings.TrimSpace(body), t[len(body):]
	} else if m := figureNumberedMark.FindStringSubmatch(t); m != nil {
		figure, mark = strings.TrimSpace(m[1]), m[2]+m[3]
	} else {
		return "", "", false
	}
	if _, err := parseNumber(figure); figure == "" || err != nil {
		return "", "", false
	}
	return figure, mark, true
}

// figureMarkMessage is the problem of a figure carrying a footnote's mark:
// a name's mark is read (footnotes.go), a figure's is not, as a mark may
// as well be a digit typed by mistake.
func figureMarkMessage(c cell) (string, bool) {
	figure, mark, ok := cutFigureMark(c.text)
	if !ok {
		return "", false
	}
	r := []rune(mark)
	if isFootnoteMark(r[len(r)-1]) {
		return fmt.Sprintf("%s is the figure %s with a footnote's mark after it, %q: drop the mark, or move it to the end of the indicator's name "+
			"(as in \"地区生产总值%s\"), where a footnote's mark is read", c.quoted(), figure, mark, mark), true
	}
	return fmt.Sprintf("%s is the figure %s with a footnote's mark after it, %q: drop the mark (a footnote's text under the table is left out as a note); "+
		"to keep the mark, put a mark such as ① or * at the end of the indicator's name (as in \"地区生产总值①\"), where it is read", c.quoted(), figure, mark), true
}

// unitRowLabels are the words a units row under a header starts with.
var unitRowLabels = map[string]bool{"单位": true, "计量单位": true, "unit": true, "units": true}

// unitsRow refuses, once, a row under the header that gives the columns'
// units ("单位 | 亿元 | 万元 | 元 | %"), which was refused cell by cell as a
// year and figures that are not numbers; it reports whether row is one.
func (p *parser) unitsRow(l *layout, row tableRow) bool {
	first, at := firstText(row)
	if at < 0 || !unitRowLabels[fold(first)] {
		return false
	}
	headers := map[int]string{}
	for _, c := range l.figureColumns() {
		headers[c.idx] = c.header
	}
	var units []string
	example := ""
	for i, s := range row.cells {
		if s = strings.TrimSpace(s); i == at || s == "" {
			continue
		}
		if _, err := parseNumber(s); err == nil {
			return false
		}
		if _, ok := p.namedUnit(s); !ok {
			return false
		}
		units = append(units, s)
		if h := strings.TrimSpace(headers[i]); example == "" && h != "" {
			example = h + "（" + s + "）"
		}
	}
	if len(units) == 0 {
		return false
	}
	if example == "" {
		example = "地区生产总值（亿元）"
	}
	p.ps.add(p.rec(row).problem(columnLetter(at), "",
		"row %d is a units row (%s: %s), which plancast does not read: give each column its unit in its header, as in %q, and delete the row",
		row.num, cell{text: first}.quoted(), strings.Join(units, ", "), example))
	return true
}

// targetBoundMessage is the problem of a targets table's value that is a
// number with a bound ("6以上", "≥6", "控制在5.5以内"), as a plan's table
// writes it: a targets table says the bound with its kind.
func (p *parser) targetBoundMessage(c cell, t plancast.Target) (string, bool) {
	v, bound, num, ok := boundedNumber(c.text)
	if !ok || bound == "" {
		return "", false
	}
	value := plancast.PlainNumber(v)
	kind := boundKinds[bound]
	better := p.res.indicators[t.Indicator].Better
	var advice string
	switch {
	case bound == bounds.About:
		advice = fmt.Sprintf("a target of about a value is held as the value: write %s", value)
	case t.Kind == kind:
		advice = fmt.Sprintf("the kind %s says the bound already: write %s", t.Kind, value)
	case (t.Kind == plancast.TargetGrowth || t.Kind == plancast.TargetAvgGrowth || t.Kind == plancast.TargetLevel || t.Kind == plancast.TargetShare) &&
		(kind == plancast.TargetFloor) == (better != plancast.BetterLower):
		side := map[bool]string{true: "at or below", false: "at or above"}[better == plancast.BetterLower]
		advice = fmt.Sprintf("a %s target of %s is met %s its value already: write %s", t.Kind, t.Indicator, side, value)
	default:
		advice = fmt.Sprintf("write %s, with kind %s (%s)", value, kind, map[string]string{plancast.TargetFloor: "at least", plancast.TargetCeiling: "at most"}[kind])
	}
	return fmt.Sprintf("%s is a number with a bound (%s), as a plan's table writes it: a targets table takes the number alone in its value column "+
		"and the bound from its kind column (floor: at least, 以上 or ≥; ceiling: at most, 以内 or ≤); %s",
		c.quoted(), strings.Trim(strings.Replace(widthFold(strings.TrimSpace(c.text)), num, "…", 1), "… "), advice), true
}
