// Package charset tells what character set a text's bytes are in, as far as
// its bytes can say, for the readers of pushed files and of reports: a
// byte-order mark, UTF-16 without one (by where its NUL bytes fall), and
// the first byte that is not valid in a character set. What a reader does
// with the answer (decode, or refuse the text) is its own.
package charset

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// The Unicode character sets a byte-order mark or NUL bytes name.
const (
	UTF8    = "utf-8"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
)

// byteOrderMarks, longest first.
var byteOrderMarks = []struct {
	mark    string
	charset string
}{
	{"\xef\xbb\xbf", UTF8},
	{"\xff\xfe", UTF16LE},
	{"\xfe\xff", UTF16BE},
}

// Mark returns the character set the byte-order mark that b starts with
// names (UTF8, UTF16LE, UTF16BE) and the mark's length; "" and 0 when b
// starts with none.
func Mark(b []byte) (name string, n int) {
	for _, m := range byteOrderMarks {
		if bytes.HasPrefix(b, []byte(m.mark)) {
			return m.charset, len(m.mark)
		}
	}
	return "", 0
}

// Unicode names the Unicode character set of a text whose first bytes are
// b: the one its byte-order mark names (Mark; n is the mark's length), else
// UTF-16 without a mark when b has NUL bytes falling as UTF-16's do
// (UTF16Order of b's longest prefix of even length; n is 0); "" and 0 when
// neither, as for UTF-8 without a mark or GBK.
func Unicode(b []byte) (name string, n int) {
	if name, n = Mark(b); name != "" {
		return name, n
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return UTF16Order(b[:len(b)&^1]), 0
	}
	return "", 0
}

// UTF16 is the decoder of a UTF-16 character set (UTF16LE or UTF16BE),
// which leaves a byte-order mark to the caller; nil for any other name.
func UTF16(name string) encoding.Encoding {
	switch name {
	case UTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case UTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// UTF16Order guesses the byte order of UTF-16 without a byte-order mark
// from where its NUL bytes fall: ASCII characters (digits, line ends,
// spaces, delimiters) have one, after the character in UTF-16LE, before it
// in UTF-16BE. It is "" when the NUL bytes do not fall that way, or b has
// an odd length (pass a whole text, or a prefix of even length).
func UTF16Order(b []byte) string {
	if len(b)%2 != 0 {
		return ""
	}
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	switch {
	case odd > 0 && even*8 <= odd:
		return UTF16LE
	case even > 0 && odd*8 <= even:
		return UTF16BE
	}
	return ""
}

// Transcode decodes input[skip:] one character at a time, so that each
// byte of the UTF-8 text knows the input offset of the character it comes
// from: at[i] is the offset of text[i], and at[len(text)] = len(input).
// bad is the offset of the first byte that is not valid in the encoding
// (read by the decoder as U+FFFD, though it is not the encoding's own
// U+FFFD), -1 for none; text and at are nil when it is not.
func Transcode(input []byte, skip int, enc encoding.Encoding) (text []byte, at []int, bad int) {
	dec := enc.NewDecoder()
	own, err := enc.NewEncoder().Bytes([]byte("\uFFFD"))
	if err != nil {
		own = nil
	}
	text = make([]byte, 0, len(input)*3/2)
	at = make([]int, 0, len(input)*3/2+1)
	var buf [32]byte
	for i := skip; i < len(input); {
		nDst, nSrc := 0, 0
		for k := 1; nSrc == 0 && k <= 8; k++ {
			end := min(len(input), i+k)
			nDst, nSrc, err = dec.Transform(buf[:], input[i:end], end == len(input))
			if nSrc == 0 && (err != transform.ErrShortSrc || end == len(input)) {
				break
			}
		}
		if nSrc == 0 {
			return nil, nil, i
		}
		out := buf[:nDst]
		if bytes.Contains(out, []byte("\uFFFD")) && !bytes.Equal(input[i:i+nSrc], own) {
			return nil, nil, i
		}
		text = append(text, out...)
		for range out {
			at = append(at, i)
		}
		i += nSrc
	}
	return text, append(at, len(input)), -1
}

// FirstInvalidUTF8 is the offset of the first byte of b that is not UTF-8,
// -1 for none.
func FirstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// HasMultibyte reports whether b has a byte beyond ASCII.
func HasMultibyte(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
