package report

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// document is the input prepared for reading: plain text with tags stripped,
// entities decoded and full-width digits and signs folded to ASCII, together
// with the byte offset in the decoded input (source.text) of every byte of
// that text, so that a quote can always be pointed at in what the caller
// sent (source.inputOffset goes on to the input's own character set).
type document struct {
	text string
	orig []int // orig[i] is the decoded input's offset of text[i]; orig[len(text)] is its length
}

// inputOffset maps an offset in the prepared text back to the decoded input.
func (d *document) inputOffset(i int) int {
	if i < 0 {
		return 0
	}
	if i >= len(d.orig) {
		return d.orig[len(d.orig)-1]
	}
	return d.orig[i]
}

// blockTags end a line when stripped: paragraphs must stay paragraphs.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "tr": true, "td": true, "th": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"table": true, "ul": true, "ol": true, "section": true, "article": true, "title": true,
}

// skipTags hold no reading matter.
var skipTags = map[string]bool{"script": true, "style": true}

// looksLikeHTML reports whether the input is (simple) HTML rather than text.
func looksLikeHTML(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 2048)])
	for _, t := range [][]byte{[]byte("<html"), []byte("<!doctype html"), []byte("<body"), []byte("<p>"), []byte("<p "), []byte("<div"), []byte("<br")} {
		if bytes.Contains(head, t) {
			return true
		}
	}
	return false
}

// prepare turns the input into a document.
func prepare(input []byte) *document {
	w := &docWriter{}
	if looksLikeHTML(input) {
		w.stripHTML(input)
	} else {
		w.copyText(input, 0, len(input))
	}
	w.orig = append(w.orig, len(input))
	return &document{text: w.buf.String(), orig: w.orig}
}

type docWriter struct {
	buf  strings.Builder
	orig []int
}

// emit writes s, all of whose bytes come from input offset at.
func (w *docWriter) emit(s string, at int) {
	w.buf.WriteString(s)
	for range len(s) {
		w.orig = append(w.orig, at)
	}
}

// copyText copies input[from:to], folding full-width forms and CRLF.
func (w *docWriter) copyText(input []byte, from, to int) {
	for i := from; i < to; {
		r, size := utf8.DecodeRune(input[i:to])
		switch {
		case r == utf8.RuneError && size <= 1:
			w.emit("\uFFFD", i)
		case r == '\r':
			if i+1 < to && input[i+1] == '\n' {
				break // the \n follows
			}
			w.emit("\n", i)
		default:
			w.emit(fold(r), i)
		}
		i += max(size, 1)
	}
}

// fold maps full-width ASCII (０-９, ％, ．, ，-less signs) and every space
// separator (the ideographic space, the no-break space of &nbsp;, the thin
// spaces) to their ASCII forms; Chinese punctuation that separates sentences
// (。，；：) is kept, because it carries structure.
func fold(r rune) string {
	switch {
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return string(r - 0xFEE0)
	case r == '％':
		return "%"
	case r == '．':
		return "."
	case unicode.Is(unicode.Zs, r):
		return " "
	}
	return string(r)
}

// stripHTML copies the text content of simple HTML: tags dropped (block tags
// become line ends), script and style skipped, entities decoded.
func (w *docWriter) stripHTML(input []byte) {
	i := 0
	for i < len(input) {
		switch input[i] {
		case '<':
			end := bytes.IndexByte(input[i:], '>')
			if end < 0 {
				w.copyText(input, i, len(input))
				return
			}
			name := tagName(input[i+1 : i+end])
			if skipTags[name] && input[i+1] != '/' {
				closer := []byte("</" + name)
				if c := bytes.Index(bytes.ToLower(input[i+1:]), closer); c >= 0 {
					i += 1 + c // at the closing tag, which is dropped below
					continue
				}
			}
			if blockTags[name] {
				w.emit("\n", i)
			}
			i += end + 1
		case '&':
			end := bytes.IndexByte(input[i:min(len(input), i+12)], ';')
			if end > 0 {
				ent := string(input[i : i+end+1])
				if dec := html.UnescapeString(ent); dec != ent {
					for _, r := range dec {
						w.emit(fold(r), i)
					}
					i += end + 1
					continue
				}
			}
			w.emit("&", i)
			i++
		default:
			next := i + 1
			for next < len(input) && input[next] != '<' && input[next] != '&' {
				next++
			}
			w.copyText(input, i, next)
			i = next
		}
	}
}

// tagName returns the lower-case name of a tag body such as "/p" or "br /".
func tagName(body []byte) string {
	s := strings.TrimLeft(string(body), "/ ")
	if j := strings.IndexAny(s, " \t\n/"); j >= 0 {
		s = s[:j]
	}
	return strings.ToLower(s)
}
