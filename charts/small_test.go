package charts

import (
	"bytes"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A series under 1 is labelled to about four significant digits: a
// township's budget of 169.8 万元 (0.01698 亿元) reads "2024: 0.01698" and
// its target of 187.7 万元 "14th FYP target 2025: 0.01877", where both read
// "0.02", a target visibly above the figure labelled as equal to it.
func TestASmallSeriesIsLabelledToFourSignificantDigits(t *testing.T) {
	values := []float64{0.01225, 0.0131, 0.01335, 0.01456, 0.01521, 0.01609, 0.01698}
	var hist []plancast.Observation
	for i, v := range values {
		hist = append(hist, obs("houma", rev.Code, 2018+i, v))
	}
	s := Spec{Region: houma, Indicator: rev, History: hist, Lang: LangEn,
		Projection: projection("houma", rev.Code, rev.Unit, 2024, 0.01698, 0.035, 0.05, 3),
		Targets:    []plancast.Target{{Region: "houma", Indicator: rev.Code, Plan: "14th-fyp", Kind: plancast.TargetLevel, Year: 2025, Value: 0.01877}},
		Width:      DefaultWidth, Height: DefaultHeight}
	var buf bytes.Buffer
	if err := Render(&buf, s, "svg"); err != nil {
		t.Fatal(err)
	}
	text := svgText(t, buf.Bytes())
	for _, w := range []string{"2024: 0.01698", "14th FYP target 2025: 0.01877"} {
		if !strings.Contains(text, w) {
			t.Errorf("the chart does not read %q; it reads %q", w, text)
		}
	}
	if strings.Contains(text, ": 0.02") {
		t.Errorf("a figure or target labelled 0.02: %q", text)
	}
}
