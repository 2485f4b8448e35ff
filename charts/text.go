package charts

import (
	"math"
	"strings"
	"sync"

	stdfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// fonts is the text handler of one chart. Text styles always name Liberation
// Sans (size and weight); the handler draws each character with the first
// face of the chart's font stack that has it — for a Chinese chart the CJK
// face, then Liberation Sans; for an English chart Liberation Sans, then the
// CJK face — and leaves out characters no face has, so a chart never shows
// a missing-glyph box. Many CJK fonts (Droid Sans Fallback) have no Latin
// letters or digits at all, hence the stack rather than one face.
type fonts struct {
	cjk   *loadedFont // nil when no CJK font is available
	allZh bool        // prefer the CJK face (lang=zh)
}

var _ text.Handler = fonts{}

// newFonts picks the fonts of a chart in lang and returns the language that
// will be used: "zh" falls back to "en" when no CJK font is found, with the
// reason in note.
func newFonts(lang string) (f fonts, effective, note string) {
	path, err := FindCJKFont()
	if err == nil {
		f.cjk = loadCJK(path)
	}
	if lang == LangZh {
		if f.cjk == nil {
			return f, LangEn, "Chinese labels unavailable: " + err.Error()
		}
		f.allZh = true
		return f, LangZh, ""
	}
	return f, LangEn, ""
}

// latinFont is the style font of every text: Liberation Sans at size points.
func latinFont(size float64, bold bool) font.Font {
	fnt := font.Font{Typeface: latinTypeface, Variant: "Sans", Size: font.Length(size)}
	if bold {
		fnt.Weight = stdfont.WeightBold
	}
	return fnt
}

var latinRegular = sync.OnceValue(func() *sfnt.Font {
	return cache().Lookup(latinFont(10, false), 10).Face
})

// has reports whether f maps r to a glyph.
func has(f *sfnt.Font, buf *sfnt.Buffer, r rune) bool {
	i, err := f.GlyphIndex(buf, r)
	return err == nil && i != 0
}

// run is a stretch of text drawn with one face.
type run struct {
	s     string
	face  font.Face
	cjk   bool
	width vg.Length
}

// runs splits a line into runs by the face that draws each character;
// characters no face has are dropped.
func (h fonts) runs(line string, fnt font.Font) []run {
	latin := cache().Lookup(fnt, fnt.Size)
	var cjk font.Face
	if h.cjk != nil {
		cjk = font.Face{Font: font.Font{Typeface: h.cjk.tf, Size: fnt.Size}, Face: h.cjk.face}
	}
	var (
		buf      sfnt.Buffer
		out      []run
		cur      strings.Builder
		curCJK   bool
		started  bool
		latinRaw = latinRegular()
	)
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		r := run{s: cur.String(), face: latin, cjk: curCJK}
		if curCJK {
			r.face = cjk
		}
		r.width = r.face.Width(r.s)
		out = append(out, r)
		cur.Reset()
	}
	for _, r := range line {
		inLatin := has(latinRaw, &buf, r)
		inCJK := h.cjk != nil && has(h.cjk.face, &buf, r)
		var useCJK bool
		switch {
		case r == ' ' && started:
			useCJK = curCJK // spaces join the current run
		case inCJK && (h.allZh || !inLatin):
			useCJK = true
		case inLatin:
			useCJK = false
		default:
			continue // no face has it: leave it out
		}
		if started && useCJK != curCJK {
			flush()
		}
		curCJK, started = useCJK, true
		cur.WriteRune(r)
	}
	flush()
	return out
}

func width(rs []run) (w vg.Length) {
	for _, r := range rs {
		w += r.width
	}
	return w
}

// printable returns s without the characters no face of the stack has.
func (h fonts) printable(s string) string {
	var b strings.Builder
	for _, r := range h.runs(s, latinFont(10, false)) {
		b.WriteString(r.s)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Cache implements text.Handler.
func (h fonts) Cache() *font.Cache { return cache() }

// Extents implements text.Handler: Liberation Sans's, or in a Chinese chart
// the larger of it and the CJK face's, so lines of mixed text keep one height.
func (h fonts) Extents(fnt font.Font) font.Extents {
	lf := cache().Lookup(fnt, fnt.Size)
	e := lf.Extents()
	if h.cjk != nil && h.allZh {
		cf := font.Face{Font: font.Font{Typeface: h.cjk.tf, Size: fnt.Size}, Face: h.cjk.face}
		c := cf.Extents()
		e.Ascent = max(e.Ascent, c.Ascent)
		e.Descent = max(e.Descent, c.Descent)
		e.Height = max(e.Height, c.Height)
	}
	return e
}

// Lines implements text.Handler.
func (h fonts) Lines(txt string) []string {
	return strings.Split(strings.TrimRight(txt, "\n"), "\n")
}

// Box implements text.Handler.
func (h fonts) Box(txt string, fnt font.Font) (w, ht, depth vg.Length) {
	e := h.Extents(fnt)
	return width(h.runs(txt, fnt)), e.Ascent, e.Descent
}

// Draw implements text.Handler, placing text as text.Plain does and drawing
// run by run. A CJK face has no bold; bold CJK runs are struck twice, a
// hair apart.
func (h fonts) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if txt == "" {
		return
	}
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}
	sin64, cos64 := math.Sincos(sty.Rotation)
	cos, sin := vg.Length(cos64), vg.Length(sin64)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin

	lines := h.Lines(txt)
	pt.Y += sty.Height(txt)*vg.Length(sty.YAlign) - h.Extents(sty.Font).Ascent
	bold := sty.Font.Weight >= stdfont.WeightSemiBold
	for i, line := range lines {
		rs := h.runs(line, sty.Font)
		x := pt.X + vg.Length(sty.XAlign)*width(rs)
		y := pt.Y + vg.Length(len(lines)-i)*sty.Font.Size
		for _, r := range rs {
			c.FillString(r.face, vg.Point{X: x, Y: y}, r.s)
			if bold && r.cjk {
				c.FillString(r.face, vg.Point{X: x + sty.Font.Size*0.035, Y: y}, r.s)
			}
			x += r.width
		}
	}
	if sty.Rotation != 0 {
		c.Pop()
	}
}
