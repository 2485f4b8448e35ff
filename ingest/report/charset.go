package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest/internal/charset"
)

// The character set of a report. Reports come as UTF-8, but also as GBK (or
// its successor GB18030, what Chinese Windows and many government sites
// write) and as UTF-16 (what Windows Notepad saves as "Unicode"). A text read
// in the wrong character set has no figures in it, so a reading that cannot
// tell what the text is refuses it instead of answering with nothing.
//
// What the text is read as, first that applies:
//
//   - a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//   - the character set the caller declares (an HTTP charset parameter, the
//     CLI's --charset), then the one an HTML page declares in a meta tag
//     (<meta charset="gbk">, <meta http-equiv="Content-Type"
//     content="text/html; charset=gb2312">). A declared character set the
//     bytes are not valid in is refused, naming the first byte that is not;
//     a text that is valid UTF-8 (with characters beyond ASCII) is read as
//     UTF-8 whatever else it declares (UTF-16 aside), because a text in
//     another character set practically never is, while a UTF-8 copy of a
//     page keeping the page's old declaration, or a client's default
//     charset, often is;
//   - UTF-16 without a mark, when the NUL bytes fall as UTF-16's do (every
//     ASCII character has one);
//   - UTF-8; a UTF-8 text with a few damaged bytes (each read as U+FFFD, and
//     said so) is still UTF-8;
//   - GB18030 (which holds GBK and GB2312), when the bytes are valid in it.
//
// Anything else (a text in no character set the bytes fit, NUL bytes that
// are not UTF-16: a PDF or a Word file) is refused with EINVALID.

// source is the input as UTF-8 text, with the input offset of each byte.
type source struct {
	text    []byte
	at      []int // at[i] is the input offset of text[i], at[len(text)] = len(input); nil: text is input[skip:]
	skip    int   // the bytes of a UTF-8 byte-order mark
	charset string
	reason  string
}

// inputOffset maps an offset in the decoded text back to the input.
func (s *source) inputOffset(i int) int {
	if s.at == nil {
		return s.skip + i
	}
	return s.at[i]
}

// metaCharset finds the character set an HTML page declares in its head:
// <meta charset="gbk"> or the charset of <meta http-equiv="Content-Type"
// content="text/html; charset=gb2312">.
var metaCharset = regexp.MustCompile(`(?is)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

// damagedShare: a text not valid UTF-8 is still read as UTF-8 when at most
// one in this many of its bytes beyond ASCII is not UTF-8. A GBK text read
// as UTF-8 has most of them invalid; a UTF-8 text cut short or with a stray
// byte has one or two.
const damagedShare = 8

// readSource decodes the input. declared is the character set the caller
// declares ("" for none).
func readSource(input []byte, declared string) (*source, error) {
	declared = strings.TrimSpace(declared)
	if mark, n := charset.Mark(input); mark != "" {
		why := "its byte-order mark"
		if declared != "" {
			if name, _ := charsetName(declared); name != mark {
				why += fmt.Sprintf(", which outweighs the declared charset=%s", declared)
			}
		}
		if mark == charset.UTF8 {
			return readUTF8(input, n, why)
		}
		return decodeStrict(input, n, mark, why)
	}
	if declared != "" {
		name, enc := charsetName(declared)
		if enc == nil {
			return nil, plancast.Errorf(plancast.EINVALID, "report: charset=%s is not a character set the reader knows (utf-8, gb18030, gbk, gb2312, utf-16le, utf-16be, big5, …)", declared)
		}
		return readDeclared(input, name, "declared charset="+declared)
	}
	if looksLikeHTML(input) {
		head := input[:min(len(input), 4096)]
		if m := metaCharset.FindSubmatch(head); m != nil {
			// A meta tag readable as ASCII cannot be in UTF-16, whatever it
			// says (the HTML standard reads such a page as UTF-8).
			if name, enc := charsetName(string(m[1])); enc != nil && !strings.HasPrefix(name, "utf-16") {
				return readDeclared(input, name, fmt.Sprintf("declared by the page's meta charset=%s", m[1]))
			}
		}
	}
	return sniff(input)
}

// charsetName returns the canonical name and the encoding of a character set
// label as the HTML standard reads it (gb2312 and gbk are GBK; latin1 is
// windows-1252); nil for a label it does not know. GBK is read as GB18030,
// which contains it and is what GBK decoders decode.
func charsetName(label string) (string, encoding.Encoding) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return "", nil
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return "", nil
	}
	if enc == simplifiedchinese.GBK {
		return "gb18030", simplifiedchinese.GB18030
	}
	return name, enc
}

// readDeclared reads the input in the character set declared for it.
func readDeclared(input []byte, name, why string) (*source, error) {
	if name == "utf-8" {
		return readUTF8(input, 0, why)
	}
	if !strings.HasPrefix(name, "utf-16") && utf8.Valid(input) && charset.HasMultibyte(input) && bytes.IndexByte(input, 0) < 0 {
		return &source{text: input, charset: "utf-8",
			reason: fmt.Sprintf("the text is valid UTF-8, which a text in %s practically never is (%s)", name, why)}, nil
	}
	return decodeStrict(input, 0, name, why)
}

// sniff reads a text that declares nothing.
func sniff(input []byte) (*source, error) {
	if nul := bytes.IndexByte(input, 0); nul >= 0 {
		if name := charset.UTF16Order(input); name != "" {
			if s, err := decodeStrict(input, 0, name, "no byte-order mark, but its NUL bytes fall as "+strings.ToUpper(name)+"'s do"); err == nil {
				return s, nil
			}
		}
		return nil, plancast.Errorf(plancast.EINVALID, "report: the text has NUL bytes (the first at byte %d) and is not UTF-16: it is not plain text (a PDF or a Word file?); save it as text or HTML", nul)
	}
	if s, err := readUTF8(input, 0, ""); err == nil {
		return s, nil
	}
	text, at, bad := charset.Transcode(input, 0, simplifiedchinese.GB18030)
	notUTF8 := charset.FirstInvalidUTF8(input)
	if bad < 0 {
		return &source{text: text, at: at, charset: "gb18030",
			reason: fmt.Sprintf("not UTF-8 (byte %d is not) and valid GB18030, which holds GBK and GB2312", notUTF8)}, nil
	}
	return nil, plancast.Errorf(plancast.EINVALID, "report: the text is neither UTF-8 (byte %d, 0x%02X, is not) nor GB18030 (byte %d, 0x%02X, is not) and declares no character set: declare it (charset=gbk, big5, …)",
		notUTF8, input[notUTF8], bad, input[bad])
}

// readUTF8 reads input[skip:] as UTF-8, damaged bytes and all when they are
// few (see damagedShare).
func readUTF8(input []byte, skip int, why string) (*source, error) {
	text := input[skip:]
	if utf8.Valid(text) {
		return &source{text: text, skip: skip, charset: "utf-8", reason: why}, nil
	}
	invalid, beyondASCII, first := 0, 0, -1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if text[i] >= utf8.RuneSelf {
			beyondASCII += n
		}
		if r == utf8.RuneError && n <= 1 {
			invalid++
			if first < 0 {
				first = skip + i
			}
		}
		i += max(n, 1)
	}
	if invalid*damagedShare > beyondASCII {
		if why == "" {
			why = "not declared"
		}
		return nil, plancast.Errorf(plancast.EINVALID, "report: the text is not UTF-8 (%s): byte %d (0x%02X) is not, nor are %d others", why, first, input[first], invalid-1)
	}
	var reason strings.Builder
	if why != "" {
		reason.WriteString(why + "; ")
	}
	fmt.Fprintf(&reason, "%d byte%s not UTF-8 (the first at byte %d), each read as U+FFFD", invalid, plural(invalid, " is", "s are"), first)
	return &source{text: text, skip: skip, charset: "utf-8", reason: reason.String()}, nil
}

func plural(n int, one, more string) string {
	if n == 1 {
		return one
	}
	return more
}

// decodeStrict decodes input[skip:] from the named character set, refusing
// it at the first byte that is not valid in it.
func decodeStrict(input []byte, skip int, name, why string) (*source, error) {
	enc := charset.UTF16(name)
	if enc == nil {
		_, enc = charsetName(name)
	}
	text, at, bad := charset.Transcode(input, skip, enc)
	if bad >= 0 {
		return nil, plancast.Errorf(plancast.EINVALID, "report: the text is not %s (%s): byte %d (0x%02X) is not", name, why, bad, input[bad])
	}
	if nul := bytes.IndexByte(text, 0); nul >= 0 {
		return nil, plancast.Errorf(plancast.EINVALID, "report: the text read as %s (%s) has NUL characters (the first at byte %d): it is not plain text", name, why, at[nul])
	}
	return &source{text: text, at: at, charset: name, reason: why}, nil
}
