package charts

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"github.com/plancast/plancast"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

var regen = flag.Bool("regen", false, "rewrite the golden images in testdata/ from the current rendering")

func renderPNG(t testing.TB, s Spec) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, s, "png"); err != nil {
		t.Fatalf("Render: %v", err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	return img
}

// count returns how many pixels of img in r satisfy keep.
func count(img image.Image, r image.Rectangle, keep func(r, g, b uint8) bool) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if keep(c.R, c.G, c.B) {
				n++
			}
		}
	}
	return n
}

func distinctColours(img image.Image) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			seen[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)] = true
		}
	}
	return len(seen)
}

// Pixel classes of the chart's colours.
var (
	isFan    = func(r, g, b uint8) bool { return nearAny(r, g, b, fanColours) } // the fans over the plan bands
	isTarget = func(r, g, b uint8) bool { return r > 160 && g < 90 && b < 90 }  // target red
	isInk    = func(r, g, b uint8) bool { return int(r)+int(g)+int(b) < 3*160 }
	isWhite  = func(r, g, b uint8) bool { return r > 250 && g > 250 && b > 250 }
)

// fanColours are the 95% fan, and the 80% fan over it, on either plan band.
var fanColours = func() []color.NRGBA {
	var cs []color.NRGBA
	for _, bg := range []color.NRGBA{colBandA, colBandB} {
		f95 := blend(colFan95, bg)
		cs = append(cs, f95, blend(colFan80, f95))
	}
	return cs
}()

func nearAny(r, g, b uint8, cs []color.NRGBA) bool {
	for _, c := range cs {
		d := abs(int(r)-int(c.R)) + abs(int(g)-int(c.G)) + abs(int(b)-int(c.B))
		if d <= 9 {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestRenderPNGSizeAndInk(t *testing.T) {
	// the largest size, checked for its size only (counting 12 million pixels is slow)
	big := houmaGDP()
	big.Width, big.Height = MaxWidth, MaxHeight
	if got := renderPNG(t, big).Bounds().Size(); got != (image.Point{X: MaxWidth, Y: MaxHeight}) {
		t.Errorf("size %v, want %dx%d", got, MaxWidth, MaxHeight)
	}
	for i, c := range []struct{ w, h int }{{800, 500}, {200, 150}, {1234, 567}, {640, 900}, {1600, 1000}} {
		s := houmaGDP()
		s.Width, s.Height = c.w, c.h
		img := renderPNG(t, s)
		if got := img.Bounds().Size(); got.X != c.w || got.Y != c.h {
			t.Errorf("case %d: size %v, want %dx%d", i, got, c.w, c.h)
		}
		all := img.Bounds()
		if n := distinctColours(img); n < 50 {
			t.Errorf("case %d (%dx%d): %d distinct colours, want a drawn chart (≥ 50)", i, c.w, c.h, n)
		}
		if frac := float64(count(img, all, func(r, g, b uint8) bool { return !isWhite(r, g, b) })) / float64(c.w*c.h); frac < 0.1 {
			t.Errorf("case %d (%dx%d): only %.1f%% of the pixels are not white", i, c.w, c.h, 100*frac)
		}
	}
}

// TestHoumaGDPShowsEverything checks the acceptance chart: 800×500 with the
// history, the fan, the 2025 target and the required path, each shown by
// taking it away and seeing its colour go.
func TestHoumaGDPShowsEverything(t *testing.T) {
	if testing.Short() {
		t.Skip("renders several charts")
	}
	full := renderPNG(t, houmaGDP())
	if got := full.Bounds().Size(); got != (image.Point{X: 800, Y: 500}) {
		t.Fatalf("size %v, want 800x500", got)
	}
	right := image.Rect(440, 60, 790, 440) // the projection years 2021–2025
	left := image.Rect(40, 60, 400, 440)   // the observed years

	if n := count(full, right, isFan); n < 5000 {
		t.Errorf("fan: %d fan-coloured pixels in the projection region, want ≥ 5000", n)
	}
	if n := count(full, left, isFan); n > 50 {
		t.Errorf("fan: %d fan-coloured pixels over the observed years, want none", n)
	}
	noProj := houmaGDP()
	noProj.Projection = nil
	if n := count(renderPNG(t, noProj), right, isFan); n > 50 {
		t.Errorf("without a projection %d fan-coloured pixels remain", n)
	}

	// target marker and required path are red; without the target they go
	red := count(full, right, isTarget)
	noTarget := houmaGDP()
	noTarget.Targets = nil
	if n := count(renderPNG(t, noTarget), right, isTarget); red < 300 || n > 20 {
		t.Errorf("target: %d red pixels with the target, %d without; want ≥ 300 and ≈ 0", red, n)
	}
	// the marker: a solid red diamond at the top right of the plot
	if n := count(full, image.Rect(700, 60, 790, 140), isTarget); n < 40 {
		t.Errorf("target marker: %d red pixels near (2025, 250), want ≥ 40", n)
	}
	// the required path lies between the latest value and the target, above the fan
	if n := count(full, image.Rect(480, 120, 680, 300), isTarget); n < 60 {
		t.Errorf("required path: %d red pixels between 2021 and 2024, want ≥ 60", n)
	}

	// history: the dark blue dots and line
	isHist := func(r, g, b uint8) bool { return r < 60 && g < 90 && b > 80 && b < 140 }
	if n := count(full, left, isHist); n < 40 {
		t.Errorf("history: %d history-coloured pixels over the observed years, want ≥ 40", n)
	}
}

func TestRenderSVG(t *testing.T) {
	for _, lang := range []string{LangEn, LangZh} {
		s := houmaGDP()
		s.Lang = lang
		var buf bytes.Buffer
		if err := Render(&buf, s, "svg"); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !strings.Contains(out, `width="600pt" height="375pt"`) {
			t.Errorf("%s: SVG is not 800×500 px (600×375 pt): %.300s", lang, out)
		}
		dec := xml.NewDecoder(strings.NewReader(out))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: SVG is not well-formed XML: %v", lang, err)
			}
		}
		want := []string{"Houma · Gross regional product", "100 million yuan", "14th FYP", "Path required to meet target"}
		if lang == LangZh {
			if _, err := FindCJKFont(); err != nil {
				continue
			}
			// the title is drawn in runs: "侯马市" in the CJK face, " · " in Latin
			want = []string{"侯马市", "地区生产总值", "亿元", "十四五", "实现目标所需路径"}
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: SVG lacks %q", lang, w)
			}
		}
	}
}

func TestThousandsSeparatorsOnAxis(t *testing.T) {
	s := Spec{
		Region:    houma,
		Indicator: plancast.Indicator{Code: "urban_disposable_income", Name: "Urban disposable income", NameZh: "城镇居民人均可支配收入", Unit: plancast.UnitYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher},
		History: []plancast.Observation{
			obs("houma", "urban_disposable_income", 2018, 30110), obs("houma", "urban_disposable_income", 2019, 31822),
			obs("houma", "urban_disposable_income", 2020, 33029),
		},
	}
	var buf bytes.Buffer
	if err := Render(&buf, s, "svg"); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{">33,029<", ">32,000<", ">yuan<", ">2020<"} {
		if !strings.Contains(buf.String(), w) && !strings.Contains(buf.String(), strings.Trim(w, "<>")) {
			t.Errorf("SVG lacks %s", w)
		}
	}
	if strings.Contains(buf.String(), ">2,020<") || strings.Contains(buf.String(), ">2019.5<") {
		t.Error("year ticks must be whole years without separators")
	}
}

// TestChineseGlyphsDrawn renders Chinese text with the CJK font and checks
// that ink was put down for it, and that every character of the Chinese
// labels has a glyph in the font stack.
func TestChineseGlyphsDrawn(t *testing.T) {
	path, err := FindCJKFont()
	if err != nil {
		t.Skipf("no CJK font installed (%v): install fonts-wqy-microhei or fonts-noto-cjk", err)
	}
	lf := loadCJK(path)
	t.Logf("CJK font: %s (%s)", path, lf.family)

	// every character of the labels has a glyph in the CJK face or Liberation
	f, lang, note := newFonts(LangZh)
	if lang != LangZh || note != "" {
		t.Fatalf("newFonts(zh) = %s, %q with a CJK font at %s", lang, note, path)
	}
	wd := dict[LangZh]
	labels := []string{regionName(houma, LangZh), indicatorName(gdp, LangZh), UnitLabel(gdp.Unit, LangZh),
		wd.History, wd.Mean, wd.PI80, wd.PI95, wd.Target, wd.Required, wd.Implied, wd.ImpliedLevel, wd.Ceiling, wd.Floor, wd.Source,
		periodLabel(fypPeriod(13), LangZh), periodLabel(fypPeriod(14), LangZh), periodLabel(fypPeriod(15), LangZh),
		"十四五目标（2025年）：250亿元，需年均增长15.7%",
		compareNotes([]plancast.Region{{NameZh: "固阳县"}, {NameZh: "子洲县"}}, []plancast.Region{houma}, LangZh)}
	for _, l := range labels {
		if got := f.printable(l); got != l {
			t.Errorf("label %q: the font stack draws only %q", l, got)
		}
		for _, r := range l {
			if r > 0x2e80 && missingGlyphs(lf.face, string(r)) != "" {
				t.Errorf("CJK font lacks %q of label %q", r, l)
			}
		}
	}

	// draw the title alone and look for ink where it goes
	title := "侯马市 · 地区生产总值"
	ink := func(h fonts) int {
		c := vgimg.NewWith(vgimg.UseWH(300, 40), vgimg.UseDPI(96))
		dc := draw.New(c)
		fig := &figure{fonts: h}
		sty := fig.style(title, 14, true, color.Black)
		dc.FillText(sty, vg.Point{X: 5, Y: 10}, title)
		return count(c.Image(), c.Image().Bounds(), isInk)
	}
	withCJK := ink(f)
	without := ink(fonts{}) // Liberation only: the Chinese characters are left out
	t.Logf("ink pixels: %d with the CJK font, %d with Liberation only", withCJK, without)
	if withCJK < 400 || withCJK < 4*without {
		t.Errorf("Chinese title drew %d ink pixels (Liberation alone: %d): the CJK glyphs were not drawn", withCJK, without)
	}
	if without > 100 {
		t.Errorf("Liberation alone drew %d ink pixels for a Chinese title: boxes for missing glyphs?", without)
	}

	// the whole chart in Chinese has more ink in the title line than none
	s := houmaGDP()
	s.Lang = LangZh
	img := renderPNG(t, s)
	if n := count(img, image.Rect(10, 10, 250, 40), isInk); n < 300 {
		t.Errorf("Chinese chart title area has %d ink pixels, want ≥ 300", n)
	}
}

// TestNoCJKFontFallsBackToEnglish points PLANCAST_FONT at a font without
// Chinese: the font is refused with a clear message and a chart asked for in
// Chinese comes out in English, saying why.
func TestNoCJKFontFallsBackToEnglish(t *testing.T) {
	latin := filepath.Join(t.TempDir(), "LiberationSans-Regular.ttf")
	if err := os.WriteFile(latin, liberationsansregular.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(FontEnv, latin)
	_, err := FindCJKFont()
	if err == nil || !strings.Contains(err.Error(), FontEnv) || !strings.Contains(err.Error(), "Chinese") {
		t.Fatalf("FindCJKFont with a Latin font = %v, want an error naming %s and the missing Chinese glyphs", err, FontEnv)
	}
	lang, msg := ResolveLang(LangZh)
	if lang != LangEn || !strings.Contains(msg, "Chinese labels unavailable") {
		t.Errorf("ResolveLang(zh) = %q, %q; want en and a message", lang, msg)
	}

	s := houmaGDP()
	s.Lang = LangZh
	var buf bytes.Buffer
	if err := Render(&buf, s, "svg"); err != nil {
		t.Fatalf("Render zh without a CJK font: %v", err)
	}
	out := buf.String()
	if !strings.Contains(out, "Houma · Gross regional product") || !strings.Contains(out, "Chinese labels unavailable") {
		t.Errorf("fallback chart lacks the English title or the message")
	}
	for _, r := range out {
		if r >= 0x4e00 && r <= 0x9fff {
			t.Fatalf("fallback chart contains the Chinese character %q", r)
		}
	}
	if img := renderPNG(t, s); img.Bounds().Dx() != 800 {
		t.Errorf("fallback PNG width %d", img.Bounds().Dx())
	}

	t.Setenv(FontEnv, filepath.Join(t.TempDir(), "missing.ttc"))
	if _, err := FindCJKFont(); err == nil {
		t.Error("FindCJKFont with a missing PLANCAST_FONT file: no error")
	}
}

// TestEnglishChartWithChineseSource: a document name in Chinese is drawn with
// the CJK face in an English chart, or left out without one — never as boxes.
func TestEnglishChartWithChineseSource(t *testing.T) {
	f, _, _ := newFonts(LangEn)
	got := f.printable("侯马市2021年政府工作报告")
	if f.cjk != nil && got != "侯马市2021年政府工作报告" {
		t.Errorf("with a CJK font printable = %q", got)
	}
	if f.cjk == nil && got != "2021" {
		t.Errorf("without a CJK font printable = %q, want the Latin part", got)
	}
	if got := (fonts{}).printable("Houma 侯马 report"); got != "Houma report" {
		t.Errorf("Latin-only printable = %q, want %q", got, "Houma report")
	}
}

func TestRenderErrors(t *testing.T) {
	good := houmaGDP()
	for i, c := range []struct {
		mod    func(*Spec)
		format string
		want   string
	}{
		{func(s *Spec) {}, "gif", "format"},
		{func(s *Spec) { s.Width = 100 }, "png", "width"},
		{func(s *Spec) { s.Height = 5000 }, "png", "height"},
		{func(s *Spec) { s.Lang = "fr" }, "png", "lang"},
		{func(s *Spec) { s.From = 1800 }, "png", "from"},
		{func(s *Spec) { s.Horizon = -1 }, "png", "horizon"},
		{func(s *Spec) { s.History, s.Projection = nil, nil }, "png", "nothing to chart"},
		{func(s *Spec) { s.From = 2030 }, "svg", "the last year the chart of houma/gdp could show"},
	} {
		s := good
		c.mod(&s)
		err := Render(io.Discard, s, c.format)
		if plancast.ErrorCode(err) != plancast.EINVALID || !strings.Contains(err.Error(), c.want) {
			t.Errorf("case %d: err = %v, want EINVALID about %s", i, err, c.want)
		}
	}
}

func TestSpecOptions(t *testing.T) {
	// From cuts the history; Horizon the projection; zero size is the default
	s := houmaRevenue()
	s.Width, s.Height = 0, 0
	s.From, s.Horizon = 2018, 2
	img := renderPNG(t, s)
	if img.Bounds().Dx() != DefaultWidth || img.Bounds().Dy() != DefaultHeight {
		t.Errorf("default size %v", img.Bounds())
	}
	f, err := historyFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	if f.plot.X.Min != 2017.5 || f.plot.X.Max != 2025.5 {
		t.Errorf("x range %v–%v, want 2017.5–2025.5 (from 2018; targets to 2025)", f.plot.X.Min, f.plot.X.Max)
	}
	s.Targets = nil
	f, _ = historyFigure(&s)
	if f.plot.X.Max != 2022.5 {
		t.Errorf("x max %v with horizon 2, want 2022.5", f.plot.X.Max)
	}
}

func TestConcurrentRender(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := houmaGDP()
			if i%2 == 1 {
				s.Lang = LangZh
			}
			format := Formats[i%2]
			errs <- Render(io.Discard, s, format)
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestRenderCompare(t *testing.T) {
	cs := compareSpec()
	img := func() image.Image {
		var buf bytes.Buffer
		if err := RenderCompare(&buf, cs, "png"); err != nil {
			t.Fatal(err)
		}
		im, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		return im
	}()
	if img.Bounds().Size() != (image.Point{X: 800, Y: 500}) {
		t.Errorf("size %v", img.Bounds().Size())
	}
	isOrange := func(r, g, b uint8) bool { return r > 190 && g > 70 && g < 130 && b < 60 }
	if n := count(img, img.Bounds(), isOrange); n < 200 {
		t.Errorf("second region's line: %d orange pixels, want ≥ 200", n)
	}
	var buf bytes.Buffer
	if err := RenderCompare(&buf, cs, "svg"); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Gross regional product by region", "Houma", "Zizhou"} {
		if !strings.Contains(buf.String(), w) {
			t.Errorf("comparison SVG lacks %q", w)
		}
	}
	bad := cs
	bad.Series = nil
	if err := RenderCompare(io.Discard, bad, "png"); plancast.ErrorCode(err) != plancast.EINVALID {
		t.Errorf("no series: err = %v, want EINVALID", err)
	}
}

// Golden images: testdata/NAME.png is written on every run and compared
// with testdata/NAME_golden.png; go test ./charts -regen rewrites the goldens.
func TestGolden(t *testing.T) {
	cjk, err := FindCJKFont()
	cjkFamily := ""
	if err == nil {
		cjkFamily = loadCJK(cjk).family
	}
	cases := []struct {
		name  string
		draw  func(io.Writer) error
		needs string // CJK font family the golden was drawn with
	}{
		{"houma_gdp", func(w io.Writer) error { return Render(w, houmaGDP(), "png") }, ""},
		{"houma_gdp_zh", func(w io.Writer) error { s := houmaGDP(); s.Lang = LangZh; return Render(w, s, "png") }, "WenQuanYi Micro Hei"},
		{"houma_unemployment", func(w io.Writer) error { return Render(w, houmaUnemployment(), "png") }, ""},
		{"houma_budget_revenue", func(w io.Writer) error { return Render(w, houmaRevenue(), "png") }, ""},
		{"compare_gdp", func(w io.Writer) error { return RenderCompare(w, compareSpec(), "png") }, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.needs != "" && c.needs != cjkFamily {
				t.Skipf("golden drawn with %s; this machine's CJK font is %q", c.needs, cjkFamily)
			}
			var buf bytes.Buffer
			if err := c.draw(&buf); err != nil {
				t.Fatal(err)
			}
			got := filepath.Join("testdata", c.name+".png")
			golden := filepath.Join("testdata", c.name+"_golden.png")
			if err := os.WriteFile(got, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if *regen {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./charts -regen to create it)", err)
			}
			if diff, err := imageDiff(buf.Bytes(), want); err != nil {
				t.Fatal(err)
			} else if diff > 0.002 {
				t.Errorf("%s differs from %s in %.2f%% of its pixels (tolerance 0.2%%); look at both, and run with -regen if the change is intended", got, golden, 100*diff)
			}
		})
	}
}

// imageDiff returns the share of pixels whose colours differ noticeably
// (more than 8% of the full range in the YIQ colour space, as plot's cmpimg
// measures it), or 1 when the sizes differ.
func imageDiff(a, b []byte) (float64, error) {
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		return 0, err
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	if ia.Bounds() != ib.Bounds() {
		return 1, nil
	}
	yiq := func(c color.Color) (float64, float64, float64) {
		r, g, b, _ := c.RGBA()
		R, G, B := float64(r>>8), float64(g>>8), float64(b>>8)
		return R*0.29889531 + G*0.58662247 + B*0.11448223,
			R*0.59597799 - G*0.27417610 - B*0.32180189,
			R*0.21147017 - G*0.52261711 + B*0.31114694
	}
	const maxDelta = 35215.0
	bad := 0
	bd := ia.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			y1, i1, q1 := yiq(ia.At(x, y))
			y2, i2, q2 := yiq(ib.At(x, y))
			d := 0.5053*(y1-y2)*(y1-y2) + 0.299*(i1-i2)*(i1-i2) + 0.1957*(q1-q2)*(q1-q2)
			if d/maxDelta > 0.08*0.08 {
				bad++
			}
		}
	}
	return float64(bad) / float64(bd.Dx()*bd.Dy()), nil
}

func compareSpec() CompareSpec {
	a := houmaGDP()
	var zh []plancast.Observation
	for i, v := range []float64{40.1, 45.3, 52.8, 60.2, 66.0} {
		zh = append(zh, obs("zizhou", "gdp", 2016+i, v))
	}
	return CompareSpec{Indicator: gdp, Series: []RegionSeries{
		{Region: houma, History: a.History, Projection: a.Projection},
		{Region: plancast.Region{Code: "zizhou", Name: "Zizhou", NameZh: "子洲县", Level: plancast.LevelCounty}, History: zh,
			Projection: projection("zizhou", "gdp", plancast.Unit100mYuan, 2020, 66, 0.06, 0.04, 5)},
	}, Width: 800, Height: 500}
}

// TestEncodePNGRoundTrip: the chart's own encoder gives back every pixel.
func TestEncodePNGRoundTrip(t *testing.T) {
	s := houmaGDP()
	f, err := historyFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	c := newImageCanvas(333, 211, 96) // odd sizes
	f.draw(draw.New(c))
	img := c.Image().(*image.RGBA)
	var buf bytes.Buffer
	if err := encodePNG(&buf, img); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if got.Bounds() != img.Bounds() {
		t.Fatalf("bounds %v, want %v", got.Bounds(), img.Bounds())
	}
	for y := 0; y < 211; y++ {
		for x := 0; x < 333; x++ {
			w := img.RGBAAt(x, y)
			g := color.RGBAModel.Convert(got.At(x, y)).(color.RGBA)
			if g != w {
				t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, g, w)
			}
		}
	}
}

// A chart of the data as it stood on a past date says so on its source line,
// so that it is not taken for today's.
func TestAChartOfThePastSaysItsDate(t *testing.T) {
	s := houmaGDP()
	s.AsOf = plancast.NewDate(2021, 4, 20)
	var buf bytes.Buffer
	if err := Render(&buf, s, "svg"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Data as of 2021-04-20.") {
		t.Errorf("the SVG does not say the data's date")
	}
	if line := sourceLine(&s, LangZh); !strings.HasSuffix(line, "。数据截至2021-04-20。") {
		t.Errorf("zh source line %q, want it to end with the date", line)
	}
	s.AsOf = plancast.Date{}
	if line := sourceLine(&s, LangEn); strings.Contains(line, "as of") {
		t.Errorf("a chart of the latest data says %q", line)
	}
}

// The year in progress, as its months so far project it, is a green diamond
// with its intervals at its year, and a legend entry; without a year to
// date, or with its year before From, there is no green.
func TestTheYearToDateIsMarkedAtItsYear(t *testing.T) {
	isToDate := func(r, g, b uint8) bool {
		return abs(int(r)-0x1b) < 30 && abs(int(g)-0x9e) < 30 && abs(int(b)-0x77) < 30
	}
	withToDate := func() Spec {
		s := houmaGDP()
		s.Projection.YearToDate = &plancast.YearToDate{Period: "h1", Months: 6, Year: 2021, Value: 60, Prior: 55, Growth: 60.0/55 - 1,
			Nowcast: plancast.ProjectionPoint{Year: 2021, Mean: 131.8, Lo80: 127, Hi80: 137, Lo95: 120, Hi95: 146}}
		return s
	}
	column := image.Rect(440, 60, 500, 420) // 2021, over the plot
	legend := image.Rect(0, 420, 800, 480)
	img := renderPNG(t, withToDate())
	if n := count(img, column, isToDate); n < 60 {
		t.Errorf("%d green pixels at 2021, want ≥ 60 (the diamond and its intervals)", n)
	}
	if n := count(img, legend, isToDate); n < 10 {
		t.Errorf("%d green pixels in the legend, want its entry", n)
	}
	if n := count(renderPNG(t, houmaGDP()), image.Rect(0, 0, 800, 500), isToDate); n > 5 {
		t.Errorf("without a year to date: %d green pixels", n)
	}
	later := withToDate()
	later.From = 2022
	if n := count(renderPNG(t, later), image.Rect(0, 0, 800, 500), isToDate); n > 5 {
		t.Errorf("with the year before From: %d green pixels", n)
	}
}
