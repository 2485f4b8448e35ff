package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

func builtinCatalogWithout(code string) []plancast.Indicator {
	var out []plancast.Indicator
	for _, d := range builtinIndicators {
		if d.Code != code {
			out = append(out, d.Indicator)
		}
	}
	return out
}

func TestOffsetsPointIntoTheInput(t *testing.T) {
	input := "测试市2023年统计公报\n\n2023年，全市实现地区生产总值１２０．８亿元，比上年增长５．３％。"
	ex := read(t, input, 0)
	c := obs(t, ex, "gdp", 2023, "year")
	wantValue(t, "full-width digits", c.Value, 120.8)
	if got := input[c.Start:c.End]; got != c.Sentence || !strings.Contains(got, "１２０．８亿元") {
		t.Errorf("input[%d:%d] = %q, sentence %q", c.Start, c.End, got, c.Sentence)
	}
}

func TestSimpleHTML(t *testing.T) {
	input := `<html><head><title>2023年统计公报</title><style>p{color:red}</style></head><body>` +
		`<p>2023年，全市实现地区生产总值120.8亿元，比上年增长5.3%。</p><p>一般公共预算收入5.29亿元&nbsp;，增长2.1%。</p></body></html>`
	ex := read(t, input, 0)
	g := obs(t, ex, "gdp", 2023, "year")
	wantValue(t, "gdp", g.Value, 120.8)
	if got := input[g.Start:g.End]; got != g.Sentence || strings.Contains(got, "<") {
		t.Errorf("sentence %q at %d:%d, input has %q", g.Sentence, g.Start, g.End, got)
	}
	wantValue(t, "revenue", obs(t, ex, "budget_revenue", 2023, "year").Value, 5.29)
}

func TestReportsWithoutFiguresGiveNothing(t *testing.T) {
	ex := read(t, "On January 13, the county magistrate presided over the first executive meeting of 2021. "+
		"The meeting studied the 14th five year plan and 3 proposals, and called for 100% implementation of the four major battles.", 0)
	if len(ex.Observations)+len(ex.Targets) != 0 {
		t.Errorf("figures from a meeting note:\n%s", dump(ex))
	}
	// Empty lists, as the API document says, not null.
	if b, err := json.Marshal(ex); err != nil || !bytes.Contains(b, []byte(`"observations":[],"targets":[]`)) {
		t.Errorf("a reading without figures is %s (%v); want empty lists", b, err)
	}
}

func TestYearEvidence(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"Summary of work in 2019\n\nWe celebrated the 60th anniversary of the founding of the People's Republic of China.", 2009},
		{"2019年工作总结\n\n全力做好甲型H1N1流感防控，隆重庆祝新中国成立60周年。", 2009},
		{"Today is 2020-8-28\n\nThe main expected goal in 2022 is GDP growth of 7%.", 2022},
		{"政府工作报告\n\n2021年4月20日\n\n今年是建党100周年。", 2021},
	} {
		y, why := inferYear(c.text)
		if y != c.want {
			t.Errorf("inferYear(%q) = %d (%s), want %d", c.text, y, why, c.want)
		}
	}
}

func TestRegionIsRequired(t *testing.T) {
	_, err := Extract([]byte("GDP 5亿元"), Options{Region: "Not A Code", Year: 2020})
	if plancast.ErrorCode(err) != plancast.EINVALID {
		t.Errorf("err %v, want EINVALID", err)
	}
}
