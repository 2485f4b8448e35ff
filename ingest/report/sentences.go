package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range [start, end) of the prepared text.
type span struct{ start, end int }

// paragraph is one line of the report. Reports put one paragraph per line;
// headings are short lines of their own.
type paragraph struct {
	span
	sentences []sentence
}

// sentence is what a figure is quoted with. Its clauses (split at semicolons
// and colons) are the units in which figures are read: reports list one
// indicator per clause ("GDP grew 5.3%; revenue reached ...").
type sentence struct {
	span
	clauses []span
}

// segment splits the text into paragraphs, sentences and clauses.
func segment(text string) []paragraph {
	var ps []paragraph
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if s, e := trimSpan(text, start, end); e > s {
			p := paragraph{span: span{s, e}}
			for _, ss := range splitSentences(text, s, e) {
				p.sentences = append(p.sentences, sentence{span: ss, clauses: splitClauses(text, ss)})
			}
			ps = append(ps, p)
		}
		start = end + 1
	}
	return ps
}

// trimSpan narrows [s, e) to exclude surrounding white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// splitSentences splits a paragraph at sentence ends: 。！？!? always, and an
// English full stop when a space, a capital or a Chinese character follows
// (machine translations often drop the space). A full stop between digits is
// a decimal point, and so is one inside a garbled figure like "yuan.29100".
func splitSentences(text string, s, e int) []span {
	var out []span
	from := s
	cut := func(at int) {
		if a, b := trimSpan(text, from, at); b > a {
			out = append(out, span{a, b})
		}
		from = at
	}
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		switch r {
		case '。', '！', '？', '!', '?':
			cut(i + n)
		case '.':
			if i+1 < e {
				next, _ := utf8.DecodeRuneInString(text[i+1 : e])
				if next == ' ' || unicode.IsUpper(next) || unicode.Is(unicode.Han, next) {
					cut(i + 1)
				}
			}
		}
		i += n
	}
	cut(e)
	return out
}

// splitClauses splits a sentence at semicolons and colons.
func splitClauses(text string, ss span) []span {
	var out []span
	from := ss.start
	for i := ss.start; i < ss.end; {
		r, n := utf8.DecodeRuneInString(text[i:ss.end])
		if r == '；' || r == ';' || r == '：' || (r == ':' && !(i+1 < ss.end && text[i+1] >= '0' && text[i+1] <= '9')) {
			if a, b := trimSpan(text, from, i+n); b > a {
				out = append(out, span{a, b})
			}
			from = i + n
		}
		i += n
	}
	if a, b := trimSpan(text, from, ss.end); b > a {
		out = append(out, span{a, b})
	}
	return out
}
