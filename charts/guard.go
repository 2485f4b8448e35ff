package charts

import (
	"context"
	"image"
	"math"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// guardCanvas passes a chart's drawing on to the canvas under it, and
// stops passing it once ctx is done: every operation that puts ink on the
// page (Stroke, Fill, FillString, DrawImage) first asks ctx, so that a
// chart whose request has gone away or run out of time stops within one
// operation, on the goroutine that draws it, and leaves nothing running.
// gonum/plot has no way to stop a drawing; each of its operations is
// short, as every line and fan is clipped to the plot first (inReach).
//
// It also leaves out, and counts in dropped, a path or a text with a
// coordinate that is not finite or lies further than farPage points from
// the page: given one, the rasteriser can spin without end. None of the
// charts' own drawing makes one; the guard is there for what a future
// change might.
type guardCanvas struct {
	vg.Canvas
	ctx     context.Context
	err     error // ctx's, once found done
	dropped int
}

// farPage is how far from the page, in points, a coordinate may lie: a
// chart is at most a few thousand points across.
const farPage = 1e7

// done reports whether the drawing is to stop: ctx is done (ctx is not
// asked again once it is).
func (g *guardCanvas) done() bool {
	if g.err == nil {
		g.err = g.ctx.Err()
	}
	return g.err != nil
}

// drawable reports whether p may go to the canvas: ctx is not done and
// every point of p is on or near the page; a path that is not is counted
// in dropped.
func (g *guardCanvas) drawable(pts ...vg.Point) bool {
	if g.done() {
		return false
	}
	for _, p := range pts {
		if !onPage(p.X) || !onPage(p.Y) {
			g.dropped++
			return false
		}
	}
	return true
}

func onPage(v vg.Length) bool { return math.Abs(float64(v)) <= farPage } // false for NaN too

// pathPoints are the points p passes through or is steered by.
func pathPoints(p vg.Path) []vg.Point {
	var pts []vg.Point
	for _, c := range p {
		pts = append(pts, c.Pos)
		pts = append(pts, c.Control...)
		if c.Type == vg.ArcComp {
			pts = append(pts, vg.Point{X: c.Radius, Y: c.Radius})
		}
	}
	return pts
}

func (g *guardCanvas) Stroke(p vg.Path) {
	if g.drawable(pathPoints(p)...) {
		g.Canvas.Stroke(p)
	}
}

func (g *guardCanvas) Fill(p vg.Path) {
	if g.drawable(pathPoints(p)...) {
		g.Canvas.Fill(p)
	}
}

func (g *guardCanvas) FillString(f font.Face, pt vg.Point, text string) {
	if g.drawable(pt) {
		g.Canvas.FillString(f, pt, text)
	}
}

func (g *guardCanvas) DrawImage(r vg.Rectangle, img image.Image) {
	if g.drawable(r.Min, r.Max) {
		g.Canvas.DrawImage(r, img)
	}
}

// guarded is c drawn through a guardCanvas of ctx, over the rectangle r.
func guarded(ctx context.Context, c vg.Canvas, r vg.Rectangle) (*guardCanvas, draw.Canvas) {
	g := &guardCanvas{Canvas: c, ctx: ctx}
	return g, draw.Canvas{Canvas: g, Rectangle: r}
}
