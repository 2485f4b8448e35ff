package charset

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestMarkAndUTF16Order(t *testing.T) {
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("地区,year\r\n"))
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("地区,year\r\n"))
	for _, c := range []struct {
		in         string
		mark       string
		n          int
		order      string
		firstNotU8 int
	}{
		{"\xef\xbb\xbfa,b", UTF8, 3, "", -1},
		{"\xff\xfea\x00", UTF16LE, 2, UTF16LE, 0},
		{"\xfe\xff\x00a", UTF16BE, 2, UTF16BE, 0},
		{string(le), "", 0, UTF16LE, -1}, // 地区 is 0x5730 0x533A: its bytes are ASCII
		{string(be), "", 0, UTF16BE, -1},
		{string(le[:len(le)-1]), "", 0, "", -1}, // odd: no UTF-16
		{"a\x00b\x00c", "", 0, "", -1},          // NUL bytes, but odd
		{"plain, ascii\n", "", 0, "", -1},
	} {
		if mark, n := Mark([]byte(c.in)); mark != c.mark || n != c.n {
			t.Errorf("Mark(%q) = %q, %d; want %q, %d", c.in, mark, n, c.mark, c.n)
		}
		if got := UTF16Order([]byte(c.in)); got != c.order {
			t.Errorf("UTF16Order(%q) = %q; want %q", c.in, got, c.order)
		}
		if got := FirstInvalidUTF8([]byte(c.in)); got != c.firstNotU8 {
			t.Errorf("FirstInvalidUTF8(%q) = %d; want %d", c.in, got, c.firstNotU8)
		}
	}
}

// Transcode names the first byte that is not valid in the character set,
// and maps each byte of the text back to the input.
func TestTranscode(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("侯马120.8"))
	text, at, bad := Transcode(gbk, 0, simplifiedchinese.GB18030)
	if bad >= 0 || string(text) != "侯马120.8" || at[len(text)] != len(gbk) || at[3] != 2 {
		t.Errorf("Transcode(GBK) = %q, %v, %d", text, at, bad)
	}
	if _, _, bad := Transcode(append([]byte("ab"), 0x81, 0x20), 0, simplifiedchinese.GB18030); bad != 2 {
		t.Errorf("Transcode of a cut GB18030 character: bad = %d; want 2", bad)
	}
}
