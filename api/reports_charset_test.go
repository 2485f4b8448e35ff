package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/plancast/plancast/api"
)

// POST /api/v1/reports/extract reads a report in the character set its
// Content-Type declares, or its HTML meta tag, or its bytes show (UTF-8,
// UTF-16 with a byte-order mark, GB18030), each giving the candidates the
// UTF-8 text gives; a text it cannot read is answered 400, not 200 with no
// candidates.

const charsetReport = "侯马市2024年政府工作报告\n\n一、2023年工作回顾\n\n" +
	"2023年，全市地区生产总值完成156.3亿元，同比增长6.2%；城镇居民人均可支配收入40123元，增长5.1%。\n\n" +
	"二、2024年工作安排\n\n全市地区生产总值力争达到250亿元，增长8.5%左右；城镇登记失业率控制在4.5%以内。"

func encodedIn(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// extracted is what an extraction answers of its candidates, without the
// offsets, which are the input's own and differ with its character set.
type extracted struct {
	Observations []map[string]any `json:"observations"`
	Targets      []map[string]any `json:"targets"`
}

func (e extracted) String() string {
	for _, cs := range [][]map[string]any{e.Observations, e.Targets} {
		for _, c := range cs {
			for _, k := range []string{"start", "end", "original_start", "original_end"} {
				delete(c, k)
			}
		}
	}
	b, _ := json.MarshalIndent(e, "", " ")
	return string(b)
}

func TestReportExtractReadsEveryCharset(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	var utf8 extracted
	s.do("POST", "/api/v1/reports/extract?region=houma", "text/plain; charset=utf-8", "", []byte(charsetReport)).decode(t, 200, &utf8)
	want := utf8.String()
	if len(utf8.Observations) != 4 || len(utf8.Targets) != 3 {
		t.Fatalf("the report in UTF-8 reads as\n%s", want)
	}
	html := func(meta string) string {
		return "<html><head>" + meta + "</head><body><p>" + strings.ReplaceAll(charsetReport, "\n\n", "</p>\n<p>") + "</p></body></html>"
	}
	for _, c := range []struct {
		name, ctype string
		body        []byte
	}{
		{"GBK declared charset=gbk", "text/plain; charset=gbk", encodedIn(t, simplifiedchinese.GBK, charsetReport)},
		{"GB18030 declared charset=GB18030", "text/plain; charset=GB18030", encodedIn(t, simplifiedchinese.GB18030, charsetReport)},
		{"GBK undeclared", "text/plain", encodedIn(t, simplifiedchinese.GBK, charsetReport)},
		{"GBK as curl sends it", "application/x-www-form-urlencoded", encodedIn(t, simplifiedchinese.GBK, charsetReport)},
		{"UTF-16LE with a byte-order mark", "text/plain", encodedIn(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), charsetReport)},
		{"UTF-16BE with a byte-order mark", "text/plain", encodedIn(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), charsetReport)},
		{"UTF-16LE declared charset=utf-16le", "text/plain; charset=utf-16le", encodedIn(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), charsetReport)},
		{"HTML in GBK with <meta charset=\"gbk\">", "text/html", encodedIn(t, simplifiedchinese.GBK, html(`<meta charset="gbk">`))},
		{"HTML in GB2312 with <meta http-equiv>", "text/html", encodedIn(t, simplifiedchinese.GBK, html(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`))},
		{"HTML in GBK declared charset=gbk", "text/html; charset=gbk", encodedIn(t, simplifiedchinese.GBK, html(""))},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got extracted
			s.do("POST", "/api/v1/reports/extract?region=houma", c.ctype, "", c.body).decode(t, 200, &got)
			if g := got.String(); g != want {
				t.Errorf("read as\n%s\nwant, as in UTF-8,\n%s", g, want)
			}
		})
	}
}

func TestReportExtractRefusesATextItCannotRead(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	gbk := encodedIn(t, simplifiedchinese.GBK, charsetReport)
	for _, c := range []struct {
		name, ctype string
		body        []byte
		says        string
	}{
		{"neither UTF-8 nor GB18030", "text/plain", append(append([]byte{}, gbk[:40]...), append([]byte{0xff, 0xff}, gbk[40:]...)...), "neither UTF-8"},
		{"GBK declared charset=utf-8", "text/plain; charset=utf-8", gbk, "not UTF-8 (declared charset=utf-8)"},
		{"a character set the reader does not know", "text/plain; charset=klingon", gbk, "charset=klingon is not a character set"},
		{"NUL bytes that are not UTF-16", "text/plain", []byte("%PDF-1.4\n\x00\x01\x02 2020年地区生产总值120.8亿元"), "NUL bytes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			msg := s.do("POST", "/api/v1/reports/extract?region=houma", c.ctype, "", c.body).wantError(t, 400, "invalid")
			if !strings.Contains(msg, c.says) {
				t.Errorf("message %q does not say %q", msg, c.says)
			}
		})
	}
}

// The answer says the character set the text was read in, and why: a
// reading in the wrong one finds no figures, and "no candidates" alone did
// not tell a report without figures from one misread. A GBK text is read
// as GB18030, which holds it.
func TestReportExtractSaysTheCharsetItReadTheTextIn(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	for _, c := range []struct {
		name, ctype string
		body        []byte
		charset     string
		reason      string // a part of charset_reason; "" for none given
	}{
		{"UTF-8 undeclared", "text/plain", []byte(charsetReport), "UTF-8", ""},
		{"UTF-8 declared charset=utf-8", "text/plain; charset=utf-8", []byte(charsetReport), "UTF-8", "declared charset=utf-8"},
		{"GB18030 undeclared", "text/plain", encodedIn(t, simplifiedchinese.GB18030, charsetReport), "GB18030", "valid GB18030"},
		{"GB18030 declared charset=gb18030", "text/plain; charset=gb18030", encodedIn(t, simplifiedchinese.GB18030, charsetReport), "GB18030", "declared charset=gb18030"},
		{"GBK declared charset=gbk", "text/plain; charset=gbk", encodedIn(t, simplifiedchinese.GBK, charsetReport), "GB18030", "declared charset=gbk"},
		{"UTF-16LE with a byte-order mark", "text/plain", encodedIn(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), charsetReport), "UTF-16LE", "byte-order mark"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got struct {
				Charset       *string          `json:"charset"`
				CharsetReason *string          `json:"charset_reason"`
				Observations  []map[string]any `json:"observations"`
			}
			s.do("POST", "/api/v1/reports/extract?region=houma", c.ctype, "", c.body).decode(t, 200, &got)
			switch {
			case got.Charset == nil:
				t.Errorf("the answer has no charset")
			case *got.Charset != c.charset:
				t.Errorf("charset %q, want %q", *got.Charset, c.charset)
			}
			switch {
			case c.reason == "" && got.CharsetReason != nil:
				t.Errorf("charset_reason %q, want none", *got.CharsetReason)
			case c.reason != "" && (got.CharsetReason == nil || !strings.Contains(*got.CharsetReason, c.reason)):
				t.Errorf("charset_reason %v, want one saying %q", got.CharsetReason, c.reason)
			}
			if len(got.Observations) != 4 {
				t.Errorf("%d candidate figures, want the report's 4", len(got.Observations))
			}
		})
	}
}
