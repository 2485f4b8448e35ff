package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const jsonHouma = "[\n" + `{"region":"侯马市","indicator":"地区生产总值","year":2022,"value":140.1,"unit":"亿元"}` + "\n]"

// A JSON document is UTF-8 (RFC 8259). One in GBK or UTF-16 is refused
// with one problem naming its character set and where the first byte
// that is not UTF-8 is, where GBK names used to come back as an unknown
// region "������" and UTF-16 as malformed JSON.
func TestJSONInAnotherCharacterSetIsRefusedNamingIt(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(jsonHouma))
	if err != nil {
		t.Fatal(err)
	}
	utf16 := func(order unicode.Endianness, bom unicode.BOMPolicy) []byte {
		b, err := unicode.UTF16(order, bom).NewEncoder().Bytes([]byte(jsonHouma))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	damaged := []byte(strings.Replace(jsonHouma, "亿元", "亿\xff元", 1)) // a byte cut out of a character
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"GBK", gbk, "gbk.json line 2: the file is not UTF-8 (byte 13, 0xBA, is not) but reads as GB18030 or GBK"},
		{"UTF-16LE with its mark", utf16(unicode.LittleEndian, unicode.UseBOM),
			"gbk.json line 1: the file is UTF-16LE (its byte-order mark, bytes 0–1, says so), not UTF-8"},
		{"UTF-16BE without a mark", utf16(unicode.BigEndian, unicode.IgnoreBOM),
			"gbk.json line 1: the file is UTF-16BE (it has a NUL byte beside each ASCII character, the first at byte 0), not UTF-8"},
		{"a byte that is no character set's", damaged, fmt.Sprintf("gbk.json line 2: the file is not UTF-8: byte %d (0xFF) is not", bytes.IndexByte(damaged, 0xff))},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseString(t, "gbk.json", string(c.data), Options{})
			if len(b.Problems) != 1 {
				t.Fatalf("problems %v; want one", b.Problems)
			}
			if got := b.Problems[0].Error(); !strings.HasPrefix(got, c.want) || !strings.Contains(got, "JSON is UTF-8 (RFC 8259)") {
				t.Errorf("problem %q;\nwant it to start %q and say JSON is UTF-8", got, c.want)
			}
		})
	}
	// A UTF-8 document, with its byte-order mark or without, is read.
	for _, data := range []string{jsonHouma, "\xef\xbb\xbf" + jsonHouma} {
		b := parseString(t, "houma.json", data, Options{})
		noProblems(t, b)
		checkFigures(t, b, []figure{{region: "houma", indicator: "gdp", year: 2022, value: 140.1}})
	}
}

// A UTF-16 JSON document pushed without a name or a content type that
// says JSON is told JSON by its first character, as a UTF-8 one is, and so
// refused as not UTF-8, not read as a CSV table without a header.
func TestDetectFormatLooksPastUTF16(t *testing.T) {
	for _, bom := range []unicode.BOMPolicy{unicode.UseBOM, unicode.IgnoreBOM} {
		head, err := unicode.UTF16(unicode.LittleEndian, bom).NewEncoder().Bytes([]byte(" \r\n" + jsonHouma))
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectFormat("upload", "", head); got != FormatJSON {
			t.Errorf("DetectFormat(UTF-16 JSON, %v) = %s; want %s", bom, got, FormatJSON)
		}
	}
	if got := DetectFormat("upload", "", []byte("\xef\xbb\xbf[{}]")); got != FormatJSON {
		t.Errorf("DetectFormat(UTF-8 JSON with its mark) = %s; want %s", got, FormatJSON)
	}
}
