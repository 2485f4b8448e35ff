package report

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/plancast/plancast"
)

// A report reads the same in every character set it comes in: UTF-8 with or
// without a byte-order mark, GBK and GB18030 (Chinese Windows, many
// government sites), UTF-16 (Windows Notepad's "Unicode"), and in the one its
// HTML page or its caller declares. Offsets point into the input as sent, in
// its own character set; sentences and figures are quoted decoded.

// charsetReport is the spaced report read without spaces, with a character
// GBK has no code for (𠮷, four bytes in GB18030) in a sentence without
// figures.
var charsetReport = strings.ReplaceAll(spacedReport, "_", "") + "\n\n（本报告由𠮷村整理。）"

var (
	utf16LE = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16BE = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode in %v: %v", enc, err)
	}
	return b
}

func decode(t *testing.T, enc encoding.Encoding, b []byte) string {
	t.Helper()
	s, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatalf("decode from %v: %v", enc, err)
	}
	return string(s)
}

// asHTML puts a report's paragraphs in a page whose head holds meta.
func asHTML(meta, text string) string {
	return "<html><head>" + meta + "<title>侯马市政府</title></head><body><p>" +
		strings.ReplaceAll(text, "\n\n", "</p>\n<p>") + "</p></body></html>"
}

// encodedReport is a report's text as sent, with how to read its bytes back.
type encodedReport struct {
	name     string
	input    []byte
	declared string            // Options.Charset
	enc      encoding.Encoding // decodes input[Start:End]
	reason   string            // CharsetReason says this
}

func encodings(t *testing.T, text string) []encodedReport {
	gbkText := strings.ReplaceAll(text, "𠮷", "吉") // GBK has no 𠮷
	return []encodedReport{
		{"UTF-8", []byte(text), "", unicode.UTF8, ""},
		{"UTF-8 with a byte-order mark", append([]byte("\ufeff"), text...), "", unicode.UTF8, "byte-order mark"},
		{"GBK", encode(t, simplifiedchinese.GBK, gbkText), "", simplifiedchinese.GB18030, "valid GB18030"},
		{"GB18030", encode(t, simplifiedchinese.GB18030, text), "", simplifiedchinese.GB18030, "valid GB18030"},
		{"UTF-16LE with a byte-order mark", append([]byte("\xff\xfe"), encode(t, utf16LE, text)...), "", utf16LE, "byte-order mark"},
		{"UTF-16BE with a byte-order mark", append([]byte("\xfe\xff"), encode(t, utf16BE, text)...), "", utf16BE, "byte-order mark"},
		{"UTF-16LE without a byte-order mark", encode(t, utf16LE, text), "", utf16LE, "NUL bytes fall as UTF-16LE's"},
		{"UTF-16BE without a byte-order mark", encode(t, utf16BE, text), "", utf16BE, "NUL bytes fall as UTF-16BE's"},
		{"GBK declared charset=gbk", encode(t, simplifiedchinese.GBK, gbkText), "gbk", simplifiedchinese.GB18030, "declared charset=gbk"},
		{"GB18030 declared charset=GB18030", encode(t, simplifiedchinese.GB18030, text), "GB18030", simplifiedchinese.GB18030, "declared charset=GB18030"},
		{"UTF-16LE declared charset=utf-16le", encode(t, utf16LE, text), "utf-16le", utf16LE, "declared charset=utf-16le"},
		{"UTF-8 declared charset=utf-8", []byte(text), "utf-8", unicode.UTF8, "declared charset=utf-8"},
		{"HTML in GBK with <meta charset=\"gbk\">", encode(t, simplifiedchinese.GBK, asHTML(`<meta charset="gbk">`, gbkText)), "",
			simplifiedchinese.GB18030, "meta charset=gbk"},
		{"HTML in GB2312 with <meta http-equiv=\"Content-Type\">", encode(t, simplifiedchinese.GBK, asHTML(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, gbkText)), "",
			simplifiedchinese.GB18030, "meta charset=gb2312"},
		{"HTML in GB18030 declared charset=gb18030", encode(t, simplifiedchinese.GB18030, asHTML(`<meta charset="gb18030">`, text)), "gb18030",
			simplifiedchinese.GB18030, "declared charset=gb18030"},
	}
}

func TestTheSameReportInEveryCharset(t *testing.T) {
	want := read(t, charsetReport, 0)
	if len(want.Observations) != 5 || len(want.Targets) != 6 {
		t.Fatalf("the report in UTF-8 reads as\n%s", dump(want))
	}
	for _, er := range encodings(t, charsetReport) {
		t.Run(er.name, func(t *testing.T) {
			ex, err := Extract(er.input, Options{Region: "testcity", Document: t.Name(), Charset: er.declared})
			if err != nil {
				t.Fatal(err)
			}
			if got, w := readingOf(ex), readingOf(want); !slices.Equal(got, w) {
				t.Fatalf("read as %s (%s):\n  %s\nwant, as in UTF-8,\n  %s", ex.Charset, ex.CharsetReason, strings.Join(got, "\n  "), strings.Join(w, "\n  "))
			}
			if !strings.Contains(ex.CharsetReason, er.reason) {
				t.Errorf("read as %s because %q; want the reason to say %q", ex.Charset, ex.CharsetReason, er.reason)
			}
			for i, c := range ex.Observations {
				wantProvenance(t, er, c.Provenance, want.Observations[i].Provenance)
			}
			for i, c := range ex.Targets {
				wantProvenance(t, er, c.Provenance, want.Targets[i].Provenance)
			}
		})
	}
}

// wantProvenance: the sentence and the figure are quoted as in UTF-8, and
// their offsets point at them in the input as sent.
func wantProvenance(t *testing.T, er encodedReport, got, want Provenance) {
	t.Helper()
	if got.Sentence != want.Sentence || got.Original != want.Original {
		t.Errorf("quoted %q from %q, want %q from %q", got.Original, got.Sentence, want.Original, want.Sentence)
	}
	if s := decode(t, er.enc, er.input[got.Start:got.End]); s != got.Sentence {
		t.Errorf("input[%d:%d] reads %q, the sentence is %q", got.Start, got.End, s, got.Sentence)
	}
	if s := decode(t, er.enc, er.input[got.OriginalStart:got.OriginalEnd]); s != got.Original {
		t.Errorf("input[%d:%d] reads %q, the figure is %q", got.OriginalStart, got.OriginalEnd, s, got.Original)
	}
}

// The reference reports, in GB18030 and in UTF-16, read as they do in UTF-8:
// their garbled 亿 repaired alike.
func TestTheReferenceReportsInOtherCharsets(t *testing.T) {
	for _, ef := range loadExpected(t) {
		text, err := os.ReadFile(filepath.Join("testdata", "reports", ef.File))
		if err != nil {
			t.Fatal(err)
		}
		want, err := Extract(text, Options{Region: ef.Region})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []struct {
			name  string
			input []byte
		}{
			{"GB18030", encode(t, simplifiedchinese.GB18030, string(text))},
			{"UTF-16LE", append([]byte("\xff\xfe"), encode(t, utf16LE, string(text))...)},
		} {
			ex, err := Extract(v.input, Options{Region: ef.Region})
			if err != nil {
				t.Errorf("%s in %s: %v", ef.File, v.name, err)
				continue
			}
			if got, w := readingOf(ex), readingOf(want); !slices.Equal(got, w) {
				t.Errorf("%s in %s reads\n  %s\nwant, as in UTF-8,\n  %s", ef.File, v.name, strings.Join(got, "\n  "), strings.Join(w, "\n  "))
			}
		}
	}
}

// A declared character set is the one read: Big5, which is neither UTF-8
// nor GB18030, reads when the caller or the page declares it.
func TestADeclaredCharsetIsTheOneRead(t *testing.T) {
	const text = "侯馬市2023年工作總結\n\nIn 2023, the GDP of 侯馬市 reached 15.63 billion yuan, up 6.2% year on year."
	big5 := encode(t, traditionalchinese.Big5, text)
	for _, c := range []struct {
		name     string
		input    []byte
		declared string
	}{
		{"declared by the caller", big5, "big5"},
		{"declared by the page", encode(t, traditionalchinese.Big5, asHTML(`<meta charset="big5">`, text)), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ex, err := Extract(c.input, Options{Region: "testcity", Charset: c.declared})
			if err != nil {
				t.Fatal(err)
			}
			g := obs(t, ex, "gdp", 2023, "year")
			wantValue(t, "gdp", g.Value, 156.3)
			if ex.Charset != "big5" || !strings.Contains(g.Sentence, "侯馬市") {
				t.Errorf("read as %s (%s): %q", ex.Charset, ex.CharsetReason, g.Sentence)
			}
		})
	}
	_, err := Extract(big5, Options{Region: "testcity"})
	if plancast.ErrorCode(err) != plancast.EINVALID || !strings.Contains(plancast.ErrorMessage(err), "neither UTF-8") {
		t.Errorf("Big5 undeclared: %v; want it refused as neither UTF-8 nor GB18030", err)
	}
}

// A byte-order mark outweighs a declaration; a text valid in UTF-8 is UTF-8
// whatever it declares (a page saved as UTF-8 that kept its old meta tag).
func TestWhatOutweighsADeclaration(t *testing.T) {
	want := readingOf(read(t, charsetReport, 0))
	for _, c := range []struct {
		name, reason string
		input        []byte
		declared     string
	}{
		{"a UTF-16 byte-order mark over charset=gbk", "outweighs the declared charset=gbk",
			append([]byte("\xff\xfe"), encode(t, utf16LE, charsetReport)...), "gbk"},
		{"valid UTF-8 over charset=gbk", "valid UTF-8", []byte(charsetReport), "gbk"},
		{"valid UTF-8 over <meta charset=\"gb2312\">", "valid UTF-8", []byte(asHTML(`<meta charset="gb2312">`, charsetReport)), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ex, err := Extract(c.input, Options{Region: "testcity", Charset: c.declared})
			if err != nil {
				t.Fatal(err)
			}
			if got := readingOf(ex); !slices.Equal(got, want) || !strings.Contains(ex.CharsetReason, c.reason) {
				t.Errorf("read as %s (%s):\n  %s", ex.Charset, ex.CharsetReason, strings.Join(got, "\n  "))
			}
		})
	}
}

// A text that cannot be read is refused, saying why, rather than read as
// nothing.
func TestATextThatCannotBeReadIsRefused(t *testing.T) {
	gbk := encode(t, simplifiedchinese.GBK, strings.ReplaceAll(charsetReport, "𠮷", "吉"))
	for _, c := range []struct {
		name     string
		input    []byte
		declared string
		says     string
	}{
		{"neither UTF-8 nor GB18030", append(append([]byte{}, gbk[:40]...), "\xff\xff\xff"+string(gbk[40:])...), "",
			"neither UTF-8 (byte 0, 0xBA, is not) nor GB18030 (byte 40, 0xFF, is not)"},
		{"a PDF", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 44 >>\nstream\x00\x01\x02\x03endstream"), "", "NUL bytes"},
		{"GBK declared UTF-8", gbk, "utf-8", "not UTF-8 (declared charset=utf-8): byte 0 (0xBA)"},
		{"GBK with a stray byte declared GBK", append(append([]byte{}, gbk...), 0xff), "gbk", "not gb18030 (declared charset=gbk): byte " + strconv.Itoa(len(gbk)) + " (0xFF)"},
		{"a character set the reader does not know", gbk, "klingon", "charset=klingon is not a character set the reader knows"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ex, err := Extract(c.input, Options{Region: "testcity", Year: 2024, Charset: c.declared})
			if plancast.ErrorCode(err) != plancast.EINVALID || !strings.Contains(plancast.ErrorMessage(err), c.says) {
				t.Errorf("error %v, want EINVALID saying %q", err, c.says)
				if ex != nil {
					t.Logf("read as %s (%s):\n%s", ex.Charset, ex.CharsetReason, dump(ex))
				}
			}
		})
	}
}

// A UTF-8 text with a few damaged bytes (a character cut in two, a stray
// byte) is read, and the damage is said.
func TestDamagedUTF8IsReadAndSaidSo(t *testing.T) {
	input := "2020年\xff\xfe地区生产总值120.8亿元。"
	ex := read(t, input, 0)
	g := obs(t, ex, "gdp", 2020, "year")
	wantValue(t, "gdp", g.Value, 120.8)
	if input[g.Start:g.End] != g.Sentence {
		t.Errorf("input[%d:%d] = %q, sentence %q", g.Start, g.End, input[g.Start:g.End], g.Sentence)
	}
	if ex.Charset != "utf-8" || !strings.Contains(ex.CharsetReason, "2 bytes are not UTF-8 (the first at byte 7)") {
		t.Errorf("read as %s (%s); want the damage said", ex.Charset, ex.CharsetReason)
	}
}
