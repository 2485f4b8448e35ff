package charts

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// BenchmarkRenderHoumaGDP is the acceptance benchmark: the 800×500 PNG of
// Houma's GDP with the fan and the target, through Render (draw, then encode
// with png.BestSpeed).
func BenchmarkRenderHoumaGDP(b *testing.B) {
	s := houmaGDP()
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, s, "png"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderHoumaGDPPlotDefaultPNG is the peer: the same figure
// drawn on the same canvas but written through plot's own PNG writer
// (vgimg.PngCanvas, as plot.Save and WriterTo do), which encodes with
// png.Encode's default compression.
func BenchmarkRenderHoumaGDPPlotDefaultPNG(b *testing.B) {
	s := houmaGDP()
	b.ReportAllocs()
	for b.Loop() {
		f, err := historyFigure(&s)
		if err != nil {
			b.Fatal(err)
		}
		dpi := scaleDPI(s.Width, s.Height)
		c := vgimg.NewWith(vgimg.UseWH(vg.Length(float64(s.Width)*72/float64(dpi)), vg.Length(float64(s.Height)*72/float64(dpi))), vgimg.UseDPI(dpi))
		f.draw(draw.New(c))
		if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDrawHoumaGDP is the drawing alone, without PNG encoding.
func BenchmarkDrawHoumaGDP(b *testing.B) {
	s := houmaGDP()
	b.ReportAllocs()
	for b.Loop() {
		f, err := historyFigure(&s)
		if err != nil {
			b.Fatal(err)
		}
		c := newImageCanvas(s.Width, s.Height, scaleDPI(s.Width, s.Height))
		f.draw(draw.New(c))
	}
}

func BenchmarkRenderHoumaGDPSVG(b *testing.B) {
	s := houmaGDP()
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, s, "svg"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderHoumaGDPZh(b *testing.B) {
	s := houmaGDP()
	s.Lang = LangZh
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, s, "png"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	s := houmaGDP()
	f, _ := historyFigure(&s)
	c := vgimg.NewWith(vgimg.UseWH(600, 375), vgimg.UseDPI(96))
	f.draw(draw.New(c))
	img := c.Image().(*image.RGBA)
	b.Run("plancast", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			encodePNG(&buf, img)
		}
		b.ReportMetric(float64(buf.Len()), "bytes")
	})
	for _, lv := range []png.CompressionLevel{png.DefaultCompression, png.BestSpeed} {
		b.Run(fmt.Sprint("image/png", lv), func(b *testing.B) {
			var buf bytes.Buffer
			enc := png.Encoder{CompressionLevel: lv}
			for b.Loop() {
				buf.Reset()
				enc.Encode(&buf, img)
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}
