package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/plancast/plancast/ingest/report"
)

// A report file reads the same in every character set it comes in (GBK and
// GB18030 from Chinese Windows and government sites, UTF-16 from Notepad,
// HTML declaring its charset in a meta tag), and one that cannot be read is
// refused naming the file, not read as a report without figures (exit 0).

const charsetReport = "侯马市2024年政府工作报告\n\n一、2023年工作回顾\n\n" +
	"2023年，全市地区生产总值完成156.3亿元，同比增长6.2%；城镇居民人均可支配收入40123元，增长5.1%。\n\n" +
	"二、2024年工作安排\n\n全市地区生产总值力争达到250亿元，增长8.5%左右；城镇登记失业率控制在4.5%以内。"

func encodeIn(t *testing.T, enc encoding.Encoding, s string) string {
	t.Helper()
	b, err := enc.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writeReport writes content to a file named report.txt in a folder of its own.
func writeReport(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.txt")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// candidates is the JSON of a reading's candidates without their offsets,
// which are the input's own and differ with its character set.
func candidates(t *testing.T, out string) string {
	t.Helper()
	var ex report.Extraction
	if err := json.Unmarshal([]byte(out), &ex); err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	for i := range ex.Observations {
		p := &ex.Observations[i].Provenance
		p.Start, p.End, p.OriginalStart, p.OriginalEnd = 0, 0, 0, 0
	}
	for i := range ex.Targets {
		p := &ex.Targets[i].Provenance
		p.Start, p.End, p.OriginalStart, p.OriginalEnd = 0, 0, 0, 0
	}
	b, err := json.MarshalIndent(struct {
		Observations []report.Candidate
		Targets      []report.TargetCandidate
	}{ex.Observations, ex.Targets}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestIngestReportReadsEveryCharset(t *testing.T) {
	want := candidates(t, mustRun(t, "ingest", "--report", writeReport(t, charsetReport), "--region", "houma", "--json"))
	if !strings.Contains(want, `"value": 156.3`) || !strings.Contains(want, `"value": 250`) {
		t.Fatalf("the report in UTF-8 reads as\n%s", want)
	}
	html := func(meta string) string {
		return "<html><head>" + meta + "</head><body><p>" + strings.ReplaceAll(charsetReport, "\n\n", "</p>\n<p>") + "</p></body></html>"
	}
	for _, c := range []struct {
		name, content string
		args          []string
		says          string // the review table says how the text was read
	}{
		{"GBK", encodeIn(t, simplifiedchinese.GBK, charsetReport), nil, "text read as gb18030: not UTF-8"},
		{"GB18030", encodeIn(t, simplifiedchinese.GB18030, charsetReport), nil, "text read as gb18030: not UTF-8"},
		{"UTF-16LE with a byte-order mark", encodeIn(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), charsetReport), nil, "text read as utf-16le: its byte-order mark"},
		{"UTF-16BE with a byte-order mark", encodeIn(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), charsetReport), nil, "text read as utf-16be: its byte-order mark"},
		{"HTML in GBK with <meta charset=\"gbk\">", encodeIn(t, simplifiedchinese.GBK, html(`<meta charset="gbk">`)), nil, "text read as gb18030: declared by the page's meta charset=gbk"},
		{"HTML in GB2312 with <meta http-equiv>", encodeIn(t, simplifiedchinese.GBK, html(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`)), nil, "meta charset=gb2312"},
		{"GBK with --charset gbk", encodeIn(t, simplifiedchinese.GBK, charsetReport), []string{"--charset", "gbk"}, "text read as gb18030: declared charset=gbk"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"ingest", "--report", writeReport(t, c.content), "--region", "houma"}, c.args...)
			if got := candidates(t, mustRun(t, append(args, "--json")...)); got != want {
				t.Errorf("read as\n%s\nwant, as in UTF-8,\n%s", got, want)
			}
			table := mustRun(t, args...)
			if !strings.Contains(table, c.says) || !strings.Contains(table, "2023年，全市地区生产总值完成156.3亿元") {
				t.Errorf("the review table does not say %q or quote the sentence decoded:\n%s", c.says, table)
			}
		})
	}
}

func TestIngestReportRefusesAFileItCannotRead(t *testing.T) {
	gbk := encodeIn(t, simplifiedchinese.GBK, charsetReport)
	big5 := encodeIn(t, traditionalchinese.Big5, "侯馬市2023年工作總結\n\nIn 2023, the GDP of 侯馬市 reached 15.63 billion yuan, up 6.2% year on year.")
	for _, c := range []struct {
		name, content string
		args          []string
		says          string
	}{
		{"neither UTF-8 nor GB18030", gbk[:40] + "\xff\xff" + gbk[40:], nil, "neither UTF-8"},
		{"Big5 undeclared", big5, nil, "neither UTF-8"},
		{"GBK declared UTF-8", gbk, []string{"--charset", "utf-8"}, "is not UTF-8 (declared charset=utf-8)"},
		{"a character set the reader does not know", gbk, []string{"--charset", "klingon"}, "charset=klingon is not a character set"},
		{"a Word file", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml", nil, "NUL bytes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeReport(t, c.content)
			code, stdout, stderr := run(t, append([]string{"ingest", "--report", path, "--region", "houma"}, c.args...)...)
			if code != 1 || !strings.Contains(stderr, "read "+path+": ") || !strings.Contains(stderr, c.says) {
				t.Errorf("exit %d, stderr %q; want exit 1 naming %s and saying %q", code, stderr, path, c.says)
			}
			if stdout != "" {
				t.Errorf("a file that cannot be read printed\n%s", stdout)
			}
		})
	}
	// Declared, Big5 reads.
	out := mustRun(t, "ingest", "--report", writeReport(t, big5), "--region", "houma", "--charset", "big5")
	if !strings.Contains(out, "gdp") || !strings.Contains(out, "侯馬市") {
		t.Errorf("Big5 with --charset big5:\n%s", out)
	}
}
