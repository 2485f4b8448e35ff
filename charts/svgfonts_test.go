package charts

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"
)

// svgFontFamilies are the font-family lists of an SVG's text elements,
// read from their style attributes, each split at its commas.
func svgFontFamilies(t *testing.T, svg []byte) [][]string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var lists [][]string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return lists
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Local != "text" {
			continue
		}
		for _, a := range el.Attr {
			if a.Name.Local != "style" {
				continue
			}
			for _, decl := range strings.Split(a.Value, ";") {
				if v, ok := strings.CutPrefix(strings.TrimSpace(decl), "font-family:"); ok {
					var list []string
					for _, f := range strings.Split(v, ",") {
						list = append(list, strings.Trim(strings.TrimSpace(f), `'"`))
					}
					lists = append(lists, list)
				}
			}
		}
	}
}

// Every text of an SVG chart names its font and then sans-serif, so that
// a viewer without Liberation Sans (or, in Chinese, the CJK font the chart
// was measured with) draws it in its own sans-serif font, not a serif
// one; the single chart and the comparison, in both languages.
func TestSVGFontsFallBackToSansSerif(t *testing.T) {
	cjkFamily := ""
	if path, err := FindCJKFont(); err == nil {
		cjkFamily = loadCJK(path).family
	}
	for _, lang := range []string{LangEn, LangZh} {
		// a chart in Chinese draws in its CJK face what it has, and the
		// rest in Liberation Sans; one in English the other way round
		faces := []string{"Liberation Sans", cjkFamily}
		s, cs := houmaGDP(), compareSpec()
		s.Lang, cs.Lang = lang, lang
		for name, render := range map[string]func(io.Writer) error{
			"Houma's GDP":        func(w io.Writer) error { return Render(w, s, "svg") },
			"the GDP comparison": func(w io.Writer) error { return RenderCompare(w, cs, "svg") },
		} {
			var buf bytes.Buffer
			if err := render(&buf); err != nil {
				t.Fatal(err)
			}
			lists := svgFontFamilies(t, buf.Bytes())
			if len(lists) == 0 {
				t.Fatalf("%s, %s: no text names a font", name, lang)
			}
			for _, l := range lists {
				if len(l) != 2 || !slices.Contains(faces, l[0]) || l[1] != "sans-serif" {
					t.Errorf("%s, %s: a text's font-family is %q, want one of %q then sans-serif", name, lang, l, faces)
					break
				}
			}
		}
	}
}
