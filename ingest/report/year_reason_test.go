package report

import (
	"strings"
	"testing"
)

// The reason names where the year was read: a title line when the text has
// one, else only the opening of the text (a paragraph pasted without its
// title: "the title names 2021" said of a text with no title).
func TestTheYearReasonSaysWhereTheYearWasRead(t *testing.T) {
	for _, c := range []struct {
		name, text, want, not string
	}{
		{"a title line", "侯马市2021年政府工作报告\n\n过去一年，全市经济平稳运行。地区生产总值增长8.5%。", "the title names 2021", "opening"},
		{"a pasted paragraph", "过去一年，全市经济平稳运行，2021年地区生产总值增长8.5%，一般公共预算收入增长10%。", "the opening names 2021", "title"},
	} {
		y, reason := inferYear(c.text)
		if y != 2021 || !strings.Contains(reason, c.want) || strings.Contains(reason, c.not) {
			t.Errorf("%s: year %d, reason %q; want 2021 with %q, without %q", c.name, y, reason, c.want, c.not)
		}
	}
	// A title year the evidence overrules is said as the title's only when
	// it is in the title line.
	_, reason := inferYear("过去一年是2019年以来最难的一年。庆祝建党100周年，全年地区生产总值增长8.5%。")
	if !strings.Contains(reason, "the opening says 2019, which the evidence contradicts") {
		t.Errorf("reason %q; want the opening's 2019 said contradicted", reason)
	}
}
