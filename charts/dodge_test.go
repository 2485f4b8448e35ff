package charts

import (
	"fmt"
	"io"
	"math"
	"testing"

	"github.com/plancast/plancast"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// At every size the API accepts, the year to date's green diamond and the
// targets' markers are drawn apart: the diamond is outside every ring (its
// stroke and white edge) or wholly inside it, and outside every target's
// diamond or wholly on it; and it is drawn at its value, at most 0.4 of a
// year left of its year. On the user test's charts of Yunhe's and
// Jinzhong's GDP the diamond projects nearly the level of the 2026 plan's
// ring; on the smallest charts (200×150, 300×200), moved 0.4 of a year
// left, it still lay half on that ring. With a 2026 level target at the
// year to date's value, it is a target's diamond it meets.
func TestTheYearToDatesDiamondIsDrawnApartFromTheTargetsMarkers(t *testing.T) {
	jinzhongLevel := func() Spec {
		s := jinzhongGDP()
		s.Targets = append(s.Targets, plancast.Target{Region: "jinzhong", Indicator: "gdp", Plan: "2026-annual", Kind: plancast.TargetLevel, Year: 2026, Value: 2150})
		return s
	}
	for name, spec := range map[string]func() Spec{"yunhe gdp": yunheGDP, "jinzhong gdp": jinzhongGDP, "jinzhong gdp, a 2026 level of 2,150": jinzhongLevel} {
		for _, size := range apiSizes {
			s := spec()
			s.Width, s.Height = size[0], size[1]
			f, err := historyFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			var c draw.Canvas
			var p *plot.Plot
			f.plot.Add(plotFunc(func(dc draw.Canvas, dp *plot.Plot) { c, p = dc, dp }))
			if err := f.write(io.Discard, size[0], size[1], "svg"); err != nil {
				t.Fatal(err)
			}
			at := fmt.Sprintf("%s %dx%d", name, size[0], size[1])
			d := f.labels.dodge
			on := d.on(&c, p)
			if on.offset < 0 || on.offset > 0.4 {
				t.Errorf("%s: the diamond is drawn %.2f of a year left of its year; want at most 0.4", at, on.offset)
			}
			drawn := toCanvas(&c, p, []xy{{d.at.x - on.offset, d.at.y}})[0]
			a := on.radius*markerReach + markEdge
			for i, o := range d.others {
				q := toCanvas(&c, p, []xy{o})[0]
				r := d.radius(&c, p, i, targetRadius)
				if d.rings[i] {
					inner, outer := r-ringWidth/2-markEdge, r+ringWidth/2+markEdge
					if near, far := diamondReach(q, drawn, a); near < outer-0.01 && far > inner+0.01 {
						t.Errorf("%s: the diamond (%.1f points from %v) lies on the ring at %v (%v), between %.1f and %.1f from its centre", at, a, drawn, q, o, inner, outer)
					}
					continue
				}
				at2 := r*markerReach + markEdge
				l1 := math.Abs(float64(q.X-drawn.X)) + math.Abs(float64(q.Y-drawn.Y))
				if apart, held := l1 >= float64(a+at2)-0.01, l1+float64(a) <= float64(at2)+0.01; !apart && !held {
					t.Errorf("%s: the diamond at %v lies half on the target's diamond at %v (%v)", at, drawn, q, o)
				}
			}
		}
	}
}

// diamondReach is the least and the greatest distance from q to a point
// of the diamond of reach a at c (|x| + |y| ≤ a about c).
func diamondReach(q, c vg.Point, a vg.Length) (near, far vg.Length) {
	u, v := math.Abs(float64(q.X-c.X)), math.Abs(float64(q.Y-c.Y))
	A := float64(a)
	far = vg.Length(math.Max(math.Hypot(u+A, v), math.Hypot(u, v+A)))
	if u+v <= A {
		return 0, far
	}
	// the nearest point of the diamond's edge facing q, from (A, 0) to (0, A)
	best := math.Inf(1)
	for k := 0; k <= 1000; k++ {
		x := A * float64(k) / 1000
		best = math.Min(best, math.Hypot(u-x, v-(A-x)))
	}
	return vg.Length(best), far
}
