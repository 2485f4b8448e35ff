package charts

import (
	"context"
	"image"
	"math"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
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

// drawable reports whether a path or a text may go to the canvas: ctx
// is not done and it is on or near the page (near); one that is not is
// counted in dropped.
func (g *guardCanvas) drawable(near bool) bool {
	switch {
	case g.done():
		return false
	case !near:
		g.dropped++
		return false
	}
	return true
}

func onPage(v vg.Length) bool { return math.Abs(float64(v)) <= farPage } // false for NaN too

func pointOnPage(q vg.Point) bool { return onPage(q.X) && onPage(q.Y) }

// pathOnPage reports whether every point p passes through or is steered
// by, and every arc's radius, is on or near the page.
func pathOnPage(p vg.Path) bool {
	for _, c := range p {
		if !pointOnPage(c.Pos) || c.Type == vg.ArcComp && !onPage(c.Radius) {
			return false
		}
		for _, q := range c.Control {
			if !pointOnPage(q) {
				return false
			}
		}
	}
	return true
}

func (g *guardCanvas) Stroke(p vg.Path) {
	if g.drawable(pathOnPage(p)) {
		g.Canvas.Stroke(p)
	}
}

func (g *guardCanvas) Fill(p vg.Path) {
	if g.drawable(pathOnPage(p)) {
		g.Canvas.Fill(p)
	}
}

func (g *guardCanvas) FillString(f font.Face, pt vg.Point, text string) {
	if g.drawable(pointOnPage(pt)) {
		g.Canvas.FillString(f, pt, text)
	}
}

func (g *guardCanvas) DrawImage(r vg.Rectangle, img image.Image) {
	if g.drawable(pointOnPage(r.Min) && pointOnPage(r.Max)) {
		g.Canvas.DrawImage(r, img)
	}
}
