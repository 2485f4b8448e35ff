package report_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/plancast/plancast/ingest/report"
)

// FuzzExtract: report text of any shape never panics, and every candidate
// points inside the text with a finite value.
func FuzzExtract(f *testing.F) {
	f.Add([]byte("2021年，全市地区生产总值完成131.2亿元，比上年增长8.6%。"))
	f.Add([]byte("Gross regional product fromAt the end of the 12th Five-Year Plan88.900 million yuan raised to 120.800 million yuan, an annual increase of 5.3%"))
	f.Add([]byte("<p>1—11月，固定资产投资同比下降3.2个百分点</p>"))
	if names, _ := filepath.Glob(filepath.Join("testdata", "reports", "*.txt")); len(names) > 0 {
		if b, err := os.ReadFile(names[0]); err == nil && len(b) > 4000 {
			f.Add(b[:4000])
		}
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		ex, err := report.Extract(text, report.Options{Region: "houma", Year: 2021})
		if err != nil {
			return
		}
		for _, c := range ex.Observations {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End || math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
				t.Fatalf("bad candidate %+v for %q", c, text)
			}
		}
		for _, c := range ex.Targets {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End || math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
				t.Fatalf("bad target candidate %+v for %q", c, text)
			}
		}
	})
}
