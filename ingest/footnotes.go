package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Yearbooks and bulletins print footnotes under a table and mark the names
// they annotate: "地区生产总值①" above "①2024年为初步核算数。", "一般公共预算
// 收入*" above "*含基金收入". Notes starting 注, 说明 or 资料来源 were read as
// notes, but these forms were read as rows of the table and refused as
// unknown indicators: "①…", "（注：…）", "附注：…", "1. …", and a name
// carrying its mark.
//
// A row is a note when its first cell starts as a note or a footnote does
// (notePrefixed, footnoteStart) and it holds no figure in the columns the
// table reads its figures from (holdsFigures). A row that holds one is
// never left out as a note: it is read, and one whose first cell starts
// as a note is refused saying so (noteWithFigures), as its figures would
// otherwise be lost or read under a note's text. A footnote's mark at the
// end of an indicator's name (①–⑳, ⑴–⒇, *, †, ‡, ※, superscript digits)
// is dropped when the name is known without it, and a note says which
// names were read so (footnoteNote).

// isFootnoteMark reports whether r marks a footnote after a name.
func isFootnoteMark(r rune) bool {
	switch {
	case r >= '①' && r <= '⒛': // ①–⑳, ⑴–⒇, ⒈–⒛
		return true
	case r >= '❶' && r <= '❿', r >= '⁰' && r <= '⁹':
		return true
	}
	switch r {
	case '*', '＊', '†', '‡', '※', '¹', '²', '³':
		return true
	}
	return false
}

// numberedNote is a footnote numbered as yearbooks number them: "1.",
// "1、", "(1)", "1)" before its text.
var numberedNote = regexp.MustCompile(`^(?:[0-9]{1,2}\s*[.、:)]|\([0-9]{1,2}\))`)

// footnoteStart reports whether a cell's text, width-folded and trimmed,
// starts as a footnote does: a circled or bracketed number ("①", "⑴"), a
// footnote mark ("†", "※"), a bracketed 注 ("（注：…）"), 附注, or a number
// with a point or in brackets ("1.", "1、", "（1）") before text that is not
// a number (1.5 is a figure). Only a row without figures is a note for it
// (noteRow): "1.地区生产总值" with its figures is a row of the table.
func footnoteStart(c string) bool {
	r, _ := utf8.DecodeRuneInString(c)
	switch {
	case isFootnoteMark(r):
		return true
	case strings.HasPrefix(c, "附注"), strings.HasPrefix(c, "附:"):
		return true
	}
	for _, open := range []string{"(", "[", "【", "〔"} {
		if rest, ok := strings.CutPrefix(c, open); ok && strings.HasPrefix(strings.TrimSpace(rest), "注") {
			return true
		}
	}
	if numberedNote.MatchString(c) {
		_, err := parseNumber(c)
		return err != nil
	}
	return false
}

// firstText is a row's first cell that is not blank, width-folded and
// trimmed, and its index; "" and -1 for a blank row.
func firstText(row tableRow) (string, int) {
	for i, c := range row.cells {
		if c = strings.TrimSpace(widthFold(c)); c != "" {
			return c, i
		}
	}
	return "", -1
}

// figureColumns are the columns a table reads its figures or targets
// from: a wide table's years, a long table's value column or indicator
// columns, a targets table's value.
func (l *layout) figureColumns() []column {
	cols := append(l.years[:len(l.years):len(l.years)], l.indicators...)
	if v, ok := l.fields[fieldValue]; ok {
		cols = append(cols, v)
	}
	return cols
}

// holdsFigure is the first column of figureColumns in which row holds a
// number, and ok is whether it holds one at all.
func (l *layout) holdsFigure(row tableRow) (column, bool) {
	for _, c := range l.figureColumns() {
		t := row.at(c.idx)
		if isMissing(t) {
			continue
		}
		if _, err := parseNumber(t); err == nil {
			return c, true
		}
	}
	return column{}, false
}

// noteRow reports whether a row is a note to leave out: its first cell
// starts as a note or a footnote does and it holds no figure. A row that
// starts as a note and holds a figure is refused here, at that figure, and
// reported as not a note: it is not read either.
func (p *parser) noteRow(l *layout, row tableRow) (note, refused bool) {
	first, at := firstText(row)
	if first == "" || !notePrefixed(first) && !footnoteStart(first) {
		return false, false
	}
	col, has := l.holdsFigure(row)
	if !has {
		return true, false
	}
	if at == col.idx {
		return false, false // the figure itself starts the row ("*"?): not a note's text
	}
	// A row of the table whose indicator starts with 注 ("注册企业数") is
	// a row like any other: only a name plancast does not know is refused
	// as a note's.
	if _, _, known := p.res.lookupIndicator(first); known {
		return false, false
	}
	if _, err := p.res.region(first); err == nil {
		return false, false
	}
	p.ps.add(p.rec(row).problem(col.letter, fieldValue,
		"the row starts as a note does (%s in column %s) but holds a figure in column %s (%s): a note's row is not read, so the figure would be lost; "+
			"if the row is a figure's, name its indicator (and region) in their columns; if it is a note, keep its text out of the figures' columns",
		cell{text: row.at(at)}.quoted(), columnLetter(at), col.letter, cell{text: row.at(col.idx)}.quoted()))
	return false, true
}

// footnoted is an indicator's name read without the footnote mark at its
// end: the row, the name as written, and the indicator it was read as.
type footnoted struct {
	row        int
	text, code string
}

// cutFootnoteMark takes the footnote marks off the end of a name, before
// a unit in brackets if any ("地区生产总值①（亿元）" is "地区生产总值（亿元）");
// cut is false when it ends in none.
func cutFootnoteMark(text string) (name, mark string, cut bool) {
	t := strings.TrimSpace(text)
	body, suffix := t, ""
	if strings.HasSuffix(t, ")") || strings.HasSuffix(t, "）") || strings.HasSuffix(t, "]") {
		if i := strings.LastIndexAny(t, "(（["); i > 0 {
			body, suffix = t[:i], t[i:]
		}
	}
	trimmed := strings.TrimRightFunc(body, isFootnoteMark)
	if trimmed == body {
		return t, "", false
	}
	mark = body[len(trimmed):]
	trimmed = strings.TrimSpace(trimmed)
	if trimmed == "" {
		return t, "", false
	}
	return trimmed + suffix, mark, true
}

// footnoteNote says which indicator names a table's rows were read
// without their footnote mark; "" when none.
func (p *parser) footnoteNote(l *layout) string {
	fs := l.footnoted
	if len(fs) == 0 {
		return ""
	}
	where := p.where()
	const most = 5
	var read []string
	for i, f := range fs {
		if i == most {
			read = append(read, fmt.Sprintf("and %d more", len(fs)-most))
			break
		}
		read = append(read, fmt.Sprintf("row %d %s as %s", f.row, cell{text: f.text}.quoted(), f.code))
	}
	if len(fs) == 1 {
		return fmt.Sprintf("%s: the footnote mark at the end of an indicator's name was dropped, and the name read without it: %s", where, read[0])
	}
	return fmt.Sprintf("%s: the footnote marks at the end of %d indicators' names were dropped, and the names read without them: %s",
		where, len(fs), strings.Join(read, ", "))
}
