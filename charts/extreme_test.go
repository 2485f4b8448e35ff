package charts

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// renderDeadline is how long a chart of any figures may take to draw: a
// chart takes some 50 ms; the deadline leaves room for a loaded machine.
const renderDeadline = 5 * time.Second

// withDeadline runs draw, failing the test when it has not returned within
// renderDeadline (the drawing is then left running: it cannot be stopped).
func withDeadline(t *testing.T, what string, draw func() ([]byte, error)) []byte {
	t.Helper()
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		b, err := draw()
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("%s: %v", what, r.err)
		}
		t.Logf("%s: drawn in %s", what, time.Since(start).Round(time.Millisecond))
		return r.b
	case <-time.After(renderDeadline):
		t.Fatalf("%s: not drawn within %s", what, renderDeadline)
		return nil
	}
}

// wildSeries is a series of 亿元 near 80 a year from 2015 to 2025 with the
// figure of 2022 written as wild (accepted as a jump, as a bureau may),
// projected by the forecast package as the server projects it, with the
// 14th FYP's average growth target and a level target for 2030.
func wildSeries(t *testing.T, wild float64, year int) Spec {
	t.Helper()
	var hist []plancast.Observation
	var years []int
	var values []float64
	for i, v := range []float64{52.1, 55.0, 58.3, 61.9, 65.2, 68.5, 73.9, 76.0, 79.1, 82.4, 86.3} {
		y := 2015 + i
		if y == year {
			v = wild
		}
		hist = append(hist, obs("houma", "retail_sales", y, v))
		years, values = append(years, y), append(values, v)
	}
	ind := plancast.Indicator{Code: "retail_sales", Name: "Retail sales", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	res, err := forecast.Forecast(years, values, forecast.Options{Horizon: 5, Limits: forecast.LimitsOf(ind)})
	if err != nil {
		t.Fatalf("forecast: %v", err)
	}
	return Spec{Region: houma, Indicator: ind, History: hist,
		Projection: &plancast.Projection{Region: "houma", Indicator: ind.Code, Unit: ind.Unit, Method: res.Method, Points: res.Points, LastYear: res.LastYear},
		Targets: []plancast.Target{
			{Region: "houma", Indicator: ind.Code, Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 6.5},
			{Region: "houma", Indicator: ind.Code, Plan: "15th-fyp", Kind: plancast.TargetLevel, BaseYear: 2025, Year: 2030, Value: 120},
		},
		Width: 800, Height: 500}
}

// A chart of a series holding a figure of 1e280 or 1e308 (accepted with
// accept_jumps), or whose projection overflows, is drawn within
// renderDeadline as a valid PNG of its size, on a finite value range: the
// fan of such a series, with a 95% bound of 1e158 and up, drawn in points
// some 1e144 above the plot, kept the rasteriser spinning without end.
// Where only the intervals are wild, the range stays near the figures.
func TestAChartOfExtremeValuesIsDrawnPromptly(t *testing.T) {
	wildLatest := wildSeries(t, 1e308, 2025) // its growth target's path overflows too
	overflowing := wildSeries(t, 1e300, 0)
	for i, v := range []float64{1, 1e60, 1e120, 1e180, 1e240, 1e300} {
		overflowing.History[5+i].Value = v
	}
	ov := overflowing.History[5:]
	ys := make([]int, len(ov))
	vs := make([]float64, len(ov))
	for i, o := range ov {
		ys[i], vs[i] = o.Year, o.Value
	}
	res, err := forecast.Forecast(ys, vs, forecast.Options{Horizon: 5})
	if err != nil {
		t.Fatal(err)
	}
	overflowing.History, overflowing.Projection.Points = ov, res.Points
	// the bounds only wild: the projection the server made of the
	// series with 1e308 in 2022, over figures near 80
	wildBounds := wildSeries(t, 0, 0)
	wildBounds.Projection.Points = []plancast.ProjectionPoint{
		{Year: 2026, Mean: 87.39, Lo80: 6.8e-77, Hi80: 6.4e79, Lo95: 5.2e-165, Hi95: 2.0e158},
		{Year: 2027, Mean: 88.42, Lo80: 6.3e-121, Hi80: 3.9e130, Lo95: 1.0e-227, Hi95: 4.1e236},
		{Year: 2028, Mean: 89.38, Lo80: 9.2e-153, Hi80: 7.3e164, Lo95: 7.5e-288, Hi95: 1.8e280},
		{Year: 2029, Mean: 90.28, Lo80: 7.0e-180, Hi80: 3.4e188, Lo95: 0, Hi95: math.MaxFloat64},
		{Year: 2030, Mean: 91.12, Lo80: 2.5e-207, Hi80: 7.7e217, Lo95: 0, Hi95: math.MaxFloat64},
	}
	notNumbers := wildSeries(t, 0, 0)
	notNumbers.Projection.Points = []plancast.ProjectionPoint{
		{Year: 2026, Mean: 90, Lo80: math.NaN(), Hi80: math.Inf(1), Lo95: math.Inf(-1), Hi95: math.Inf(1)},
		{Year: 2027, Mean: math.Inf(1), Lo80: 80, Hi80: math.NaN(), Lo95: math.NaN(), Hi95: math.MaxFloat64},
		{Year: 2028, Mean: math.NaN(), Lo80: 70, Hi80: 120, Lo95: 60, Hi95: 140},
	}
	cases := []struct {
		name string
		spec Spec
		maxY float64 // the highest the value range may reach (with its 13% margin over the top); 0 for no limit
	}{
		{"1e280 in 2022", wildSeries(t, 1e280, 2022), 0},
		{"1e308 in 2022", wildSeries(t, 1e308, 2022), 0},
		{"1e308 the latest", wildLatest, 0},
		{"a projection that overflows", overflowing, 0},
		{"wild bounds over figures near 80", wildBounds, 3 * 120 * 1.13},
		{"bounds and means not numbers", notNumbers, 3 * 120 * 1.13},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := historyFigure(&c.spec)
			if err != nil {
				t.Fatal(err)
			}
			if lo, hi := f.plot.Y.Min, f.plot.Y.Max; !(hi > lo) || math.IsInf(hi-lo, 0) || math.IsNaN(hi-lo) {
				t.Errorf("value range %g to %g; want finite ends with a finite span", lo, hi)
			} else if c.maxY > 0 && hi > c.maxY {
				t.Errorf("value range up to %g; want at most %g, near the figures and targets", hi, c.maxY)
			}
			// the clipping brings every line and fan to the plot: the
			// guard of the page (guardCanvas) has nothing to leave out
			if err := f.write(io.Discard, 800, 500, "png"); err != nil {
				t.Fatal(err)
			}
			if f.dropped != 0 {
				t.Errorf("%d paths or texts off the page left out by the guard", f.dropped)
			}
			for _, size := range [][2]int{{800, 500}, {560, 350}, {MaxWidth, MaxHeight}} {
				s := c.spec
				s.Width, s.Height = size[0], size[1]
				b := withDeadline(t, "png", func() ([]byte, error) {
					var buf bytes.Buffer
					err := Render(&buf, s, "png")
					return buf.Bytes(), err
				})
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil {
					t.Fatalf("%dx%d: decode the PNG: %v", size[0], size[1], err)
				}
				if got := img.Bounds().Size(); got.X != size[0] || got.Y != size[1] {
					t.Errorf("PNG of %v; want %dx%d", got, size[0], size[1])
				}
			}
			svg := withDeadline(t, "svg", func() ([]byte, error) {
				var buf bytes.Buffer
				err := Render(&buf, c.spec, "svg")
				return buf.Bytes(), err
			})
			if strings.Contains(string(svg), "NaN") {
				t.Errorf("the SVG has a coordinate that is not a number")
			}
		})
	}
	// The fan of the wild bounds rises from the latest figure off the top
	// of the plot and fills it to the end of the projection; none of it is
	// drawn outside the plot. (The clipping of gonum/plot, given the
	// bounds some 1e144 points above the plot, lost the places where they
	// cross its edges: it drew a wedge from 2025 to the foot of 2029 and on
	// under the axis, and left the top of 2027–2030 empty.)
	t.Run("the wild fan is clipped to the plot", func(t *testing.T) {
		s := wildBounds
		f, err := historyFigure(&s)
		if err != nil {
			t.Fatal(err)
		}
		img, at := renderFigurePNG(t, f, 800, 500)
		for _, q := range [][2]float64{{2026.5, 330}, {2028, 330}, {2029.5, 230}, {2029.9, 60}} {
			if p := at(q[0], q[1]); count(img, image.Rect(p.X-1, p.Y-1, p.X+2, p.Y+2), isFan) < 9 {
				t.Errorf("at %v (pixel %v) the fan is not drawn", q, p)
			}
		}
		foot, right := at(f.plot.X.Min, f.plot.Y.Min), at(f.plot.X.Max, f.plot.Y.Min)
		bluish := func(r, g, b uint8) bool { return int(b) > int(r)+30 && int(b) > int(g)+10 }
		if n := count(img, image.Rect(foot.X, foot.Y+2, right.X, foot.Y+20), bluish); n > 0 {
			t.Errorf("%d pixels of the fan under the plot's foot", n)
		}
	})
	t.Run("comparison", func(t *testing.T) {
		s := CompareSpec{Indicator: gdp, Series: []RegionSeries{
			{Region: houma, History: wildLatest.History, Projection: wildLatest.Projection, Targets: wildLatest.Targets},
			{Region: plancast.Region{Code: "other", Name: "Other"}, History: overflowing.History, Projection: overflowing.Projection},
		}}
		b := withDeadline(t, "comparison png", func() ([]byte, error) {
			var buf bytes.Buffer
			err := RenderCompare(&buf, s, "png")
			return buf.Bytes(), err
		})
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Fatalf("decode the PNG: %v", err)
		}
	})
}

// endsAfter is a context whose Err is nil for its first after asks and
// context.DeadlineExceeded from then on; it counts the asks.
type endsAfter struct {
	context.Context
	after, asks int
}

func (c *endsAfter) Err() error {
	c.asks++
	if c.asks > c.after {
		return context.DeadlineExceeded
	}
	return nil
}

// A chart whose context ends while it is drawn stops there: the next
// drawing operation asks the context, finds it done, and none is drawn
// after it (the context is not asked again); RenderContext returns the
// context's error and writes nothing. So does one whose context has ended
// before it starts. A chart of the largest size is drawn in some dozens of
// operations, none of which starts after the end.
func TestAChartStopsDrawingWhenItsContextEnds(t *testing.T) {
	for _, format := range Formats {
		for _, after := range []int{0, 1, 40} {
			ctx := &endsAfter{Context: context.Background(), after: after}
			s := houmaGDP()
			s.Width, s.Height = MaxWidth, MaxHeight
			var buf bytes.Buffer
			err := RenderContext(ctx, &buf, s, format)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("%s ending after %d asks: %v; want context.DeadlineExceeded", format, after, err)
			}
			if buf.Len() != 0 {
				t.Errorf("%s ending after %d asks: %d bytes written; want none", format, after, buf.Len())
			}
			if ctx.asks != after+1 {
				t.Errorf("%s ending after %d asks: asked %d times; want %d: drawing stops when the context is found done", format, after, ctx.asks, after+1)
			}
		}
	}
	// the same chart with a context that does not end is drawn whole
	ctx := &endsAfter{Context: context.Background(), after: math.MaxInt}
	var buf bytes.Buffer
	if err := RenderContext(ctx, &buf, houmaGDP(), "png"); err != nil || buf.Len() == 0 {
		t.Fatalf("drawn with a context that does not end: %v, %d bytes", err, buf.Len())
	}
	if ctx.asks < 50 {
		t.Errorf("the context was asked %d times in a whole chart; want one ask per drawing operation", ctx.asks)
	}
}
