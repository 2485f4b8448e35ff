package charts

import (
	"bytes"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// isHistory is the dark blue of the history line and its dots.
var isHistory = func(r, g, b uint8) bool { return r < 60 && g < 90 && b > 80 && b < 140 }

// zizhouUnemployment rises to 4.4% in 2020 and falls back to 4.1% in 2021,
// its latest figure, with a flat projection.
func zizhouUnemployment() Spec {
	zizhou := plancast.Region{Code: "zizhou", Name: "Zizhou County", NameZh: "子洲县", Level: plancast.LevelCounty}
	return Spec{
		Region: zizhou, Indicator: unemp,
		History: []plancast.Observation{
			obs("zizhou", "unemployment_rate", 2019, 4.0), obs("zizhou", "unemployment_rate", 2020, 4.4),
			obs("zizhou", "unemployment_rate", 2021, 4.1)},
		Projection: projection("zizhou", "unemployment_rate", plancast.UnitPercent, 2021, 4.1, 0, 0.06, 5),
		Width:      800, Height: 500,
	}
}

// The latest figure is labelled beside its point without hiding the line
// that leads to it: when that line comes down from the year before, every
// stretch of it keeps its colour (a label drawn over it would wash it out
// under its halo), and the label is still written.
func TestTheLatestLabelLeavesTheLineIntoItVisible(t *testing.T) {
	s := zizhouUnemployment()
	f, err := historyFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	img, pixelAt := renderFigurePNG(t, f, s.Width, s.Height)
	for x := 2020.1; x < 2020.95; x += 0.05 {
		y := 4.4 + (x-2020)*(4.1-4.4)
		if n := count(img, around(pixelAt(x, y), 1), isHistory); n == 0 {
			t.Errorf("the line from 2020 to 2021 is not drawn in its colour at (%.2f, %.3f), pixel %v", x, y, pixelAt(x, y))
		}
	}
	var buf bytes.Buffer
	if err := Render(&buf, s, "svg"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svgText(t, buf.Bytes()), "2021: 4.1%") {
		t.Error("the latest figure's label is not written")
	}
}
