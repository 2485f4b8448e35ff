package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/charts"
)

// plancast chart draws the seed's Houma GDP, whose figures end in 2020, as
// of today: the years since, up to the last one ended, are said to have no
// figures; as of the report's day (2021-04-20) none is.
func TestTheChartCommandSaysWhichEndedYearsHaveNoFigures(t *testing.T) {
	dir := seededDir(t)
	out := filepath.Join(t.TempDir(), "gdp.svg")
	want := charts.FiguresDueText(&plancast.YearSpan{From: 2021, To: time.Now().Year() - 1}, charts.LangEn)
	for _, c := range []struct {
		asOf string
		want bool
	}{{"", true}, {"2021-04-20", false}} {
		args := []string{"chart", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "-o", out}
		if c.asOf != "" {
			args = append(args, "--as-of", c.asOf)
		}
		mustRun(t, args...)
		svg, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(svg), want); got != c.want {
			t.Errorf("as of %q: the chart says %q: %v, want %v", c.asOf, want, got, c.want)
		}
	}
}
